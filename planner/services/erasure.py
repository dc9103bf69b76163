"""Erasing a person everywhere the planner keeps them: the database, its WAL, its backups, and free text.

`privacy.erase_person` replaces the details in the live database. Around it,
this module reaches the other copies the planner itself keeps:
- the write-ahead log is checkpointed with TRUNCATE, waiting out readers for
  a bounded time, so the main file and the WAL no longer hold the old pages
  (secure_delete is on, so freed content is overwritten);
- every backup that holds the person is rewritten without them (a checked
  working copy, erased through the same service, checked again, renamed over
  the backup); where the user declines, or a backup cannot be rewritten, the
  report lists those backups by date;
- notes and descriptions that still mention the name are listed, so the user
  can edit them: the planner cannot know which words of a note are about them.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from planner.db import models as m
from planner.db.backup import BackupInfo, Check, backup_sqlite, list_backups, sidecar
from planner.db.engine import Database, open_database
from planner.db.integrity import file_problem
from planner.domain.entities import PersonData
from planner.domain.errors import DatabaseError, Term
from planner.domain.localized import LocalizedText
from planner.i18n import N_, _, current_language, ngettext
from planner.private_files import temp_name, write_private
from planner.services.base import Change, get_or_fail
from planner.services.mapping import person_data

log = logging.getLogger(__name__)

#: How long erasure waits for readers before the WAL checkpoint gives up (they may hold old pages).
CHECKPOINT_WAIT_S = 10.0


@dataclass(frozen=True, slots=True)
class Mention:
    """A free-text field that still names the erased person."""

    what: Term  # the kind of record, e.g. "programme item"
    record_id: int
    label: str  # the record's name, e.g. the item's title
    field: Term  # e.g. "notes"


@dataclass(slots=True)
class ErasureReport:
    change: Change
    cleaned: list[Path] = field(default_factory=list)  # backups rewritten without the person
    holding: list[BackupInfo] = field(default_factory=list)  # backups that still hold them
    mentions: list[Mention] = field(default_factory=list)
    checkpointed: bool = True  # False: a reader kept old pages in the WAL; they go at its next checkpoint


#: The free-text fields searched for the name: (model, what, label attribute, [(attribute, field word)]).
_FREE_TEXT: tuple[tuple[type, str, str, tuple[tuple[str, str], ...]], ...] = (
    (m.Trip, N_("trip"), "title", (("title", N_("title")), ("purpose", N_("purpose")), ("notes", N_("notes")))),
    (m.ProgrammeItem, N_("programme item"), "title", (("title", N_("title")), ("description", N_("description")))),
    (m.Gift, N_("gift"), "description", (("description", N_("description")), ("counterpart", N_("counterpart")), ("notes", N_("notes")))),
    (m.Venue, N_("venue"), "name", (("notes", N_("notes")),)),
    (m.Person, N_("person"), "family_name", (("notes", N_("notes")),)),
    # A driver is no person of the directory, but may be one: their name on a vehicle is for the user to remove.
    (m.Vehicle, N_("vehicle"), "label", (("driver_name", N_("driver")), ("notes", N_("notes")))),
    (m.FollowUp, N_("follow-up"), "what", (("what", N_("task")), ("who", N_("who")))),
)
#: The briefing's texts (an item's talking points may well name a person), reported on their item.
_BRIEFING_TEXT = ("objective", "talking_points", "background", "avoid", "minutes")


def _texts(value: Any) -> list[str]:
    if isinstance(value, LocalizedText):
        return [v for v in value.to_mapping().values() if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


def _names(person: PersonData) -> list[str]:
    """The words that identify the person in free text: full name, family name, native name."""
    found = [person.full_name, person.family_name, person.native_name]
    return [n.casefold() for n in dict.fromkeys(found) if n and len(n.strip()) >= 2]


def find_mentions(db: Database, person: PersonData, *, skip_person_id: int | None = None) -> list[Mention]:
    """Every note, description or title that contains one of the person's names (case-insensitive)."""
    names = _names(person)
    if not names:
        return []
    found: list[Mention] = []
    with db.reading() as s:
        for model, what, label_attr, fields in _FREE_TEXT:
            for row in s.scalars(select(model).order_by(model.id)):  # type: ignore[attr-defined]
                if model is m.Person and row.id == skip_person_id:
                    continue
                for attr, word in fields:
                    text = " ".join(_texts(getattr(row, attr))).casefold()
                    if any(name in text for name in names):
                        label = getattr(row, label_attr)
                        label_text = label.text(current_language()) if isinstance(label, LocalizedText) else str(label)
                        found.append(Mention(Term(what), row.id, label_text, Term(word)))
        for brief, title in s.execute(
            select(m.ItemBriefing, m.ProgrammeItem.title).join(m.ProgrammeItem, m.ProgrammeItem.id == m.ItemBriefing.item_id)
            .order_by(m.ItemBriefing.item_id)
        ):
            text = " ".join(t for name in _BRIEFING_TEXT for t in _texts(getattr(brief, name))).casefold()
            if any(name in text for name in names):
                found.append(Mention(Term(N_("programme item")), brief.item_id, title.text(current_language()), Term(N_("briefing"))))
        for profile, owner in s.execute(select(m.ContactProfile, m.VenueContact.name).join(
                m.VenueContact, m.VenueContact.id == m.ContactProfile.contact_id).order_by(m.ContactProfile.contact_id)):
            if any(name in " ".join(_texts(profile.biography)).casefold() for name in names):
                found.append(Mention(Term(N_("venue contact")), profile.contact_id, owner, Term(N_("biography"))))
        for profile, person in s.execute(select(m.PersonProfile, m.Person).join(
                m.Person, m.Person.id == m.PersonProfile.person_id).order_by(m.PersonProfile.person_id)):
            if profile.person_id != skip_person_id and any(name in " ".join(_texts(profile.biography)).casefold() for name in names):
                found.append(Mention(Term(N_("person")), profile.person_id, person.family_name, Term(N_("biography"))))
    return found


def checkpoint(db: Database, wait: float = CHECKPOINT_WAIT_S) -> bool:
    """Move the WAL into the main file and empty it (TRUNCATE), waiting at most `wait` seconds for readers."""
    if not db.is_sqlite:
        return True
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA busy_timeout=200")
        deadline = time.monotonic() + wait
        while True:
            busy, _log_frames, _done = cur.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy == 0:
                return True
            if time.monotonic() > deadline:
                log.warning("the WAL of %s could not be checkpointed: a reader kept it", db.path)
                return False
            time.sleep(0.1)
    finally:
        raw.close()  # the pool's connect event sets the busy timeout again for the next user


def _holds(backup: Path, person_id: int, person: PersonData) -> bool:
    """True if the backup has this person (same id and name) with their details."""
    try:
        conn = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return True  # cannot look: counted as holding them
    try:
        row = conn.execute("SELECT family_name, given_name FROM person WHERE id = ?", (person_id,)).fetchone()
    except sqlite3.Error:
        return True
    finally:
        conn.close()
    return row is not None and (row[0], row[1] or "") == (person.family_name, person.given_name or "")


def _erase_in_backup(backup: Path, person_id: int) -> None:
    """Rewrite one backup without the person: checked working copy, erased, checked, renamed over it."""
    from planner.services.privacy import erase_person

    work = temp_name(backup)
    try:
        backup_sqlite(backup, work, record=False)
        copy = open_database(work, migrate=False, backup=False, create=False)
        try:
            erase_person(copy, person_id)
        finally:
            copy.close()
        conn = sqlite3.connect(work)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            conn.execute("VACUUM")  # nothing of the old rows left in free pages
        finally:
            conn.close()
        problem = file_problem(work, full=True)
        if problem is not None:
            raise DatabaseError(N_("{path} is damaged or not a planner backup."), path=str(backup))
        os.replace(work, backup)
    finally:
        for leftover in (work, work.with_name(work.name + "-wal"), work.with_name(work.name + "-shm")):
            leftover.unlink(missing_ok=True)
    write_private(sidecar(backup), b'{"check": "passed", "detail": null, "revision": null, "erased": true}\n')


def backups_holding(db_path: Path, person_id: int, person: PersonData) -> list[BackupInfo]:
    return [b for b in list_backups(db_path) if b.check != Check.DAMAGED and _holds(b.path, person_id, person)]


def erase_everywhere(db: Database, person_id: int, *, clean_backups: bool = True) -> ErasureReport:
    """Erase the person in the database, its WAL and (unless declined) its backups; list what still names them."""
    from planner.services.privacy import erase_person

    with db.reading() as s:
        before = person_data(get_or_fail(s, m.Person, person_id, N_("person")))
    change = erase_person(db, person_id, checkpoint_wal=False)
    report = ErasureReport(change, checkpointed=checkpoint(db))
    report.mentions = find_mentions(db, before, skip_person_id=person_id)
    if db.path is None:
        return report
    for info in backups_holding(db.path, person_id, before):
        if not clean_backups:
            report.holding.append(info)
            continue
        try:
            _erase_in_backup(info.path, person_id)
            report.cleaned.append(info.path)
        except (DatabaseError, OSError, sqlite3.Error) as exc:
            log.warning("the backup %s could not be rewritten without person %s: %s", info.path, person_id, exc)
            report.holding.append(info)
    return report


def report_lines(report: ErasureReport) -> list[str]:
    """What an erasure reached and what still names the person, for the terminal and the window alike."""
    from planner import formatting

    lines: list[str] = []
    if report.cleaned:
        n = len(report.cleaned)
        lines.append(ngettext("Removed them from {n} backup as well.", "Removed them from {n} backups as well.", n).format(n=n))
    if report.holding:
        lines.append(_("These backups still hold their details; delete them if the details must go from there too:"))
        for b in report.holding:
            lines.append(f"  {formatting.short_date(b.created.date())} {formatting.time_of_day(b.created)}  {b.path}")
    if not report.checkpointed:
        lines.append(_("Another program is reading the database, so the old details leave the file only when it closes."))
    if report.mentions:
        lines.append(_("Free text still mentions their name; please edit it:"))
        for mention in report.mentions:
            lines.append("  " + _("{what} {id} “{label}”: {field}").format(
                what=mention.what.label, id=mention.record_id, label=mention.label, field=mention.field.label))
    return lines
