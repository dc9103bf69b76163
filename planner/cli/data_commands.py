"""CLI commands that care for the database file and personal data.

backup, list-backups and restore work on the file itself, without opening it
as a planner database first, so that a damaged file can still be restored;
copy-database opens the two databases it is given, not --db.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from planner.cli.registry import command, error, say
from planner.db.backup import WAIT_S, Check, list_backups, make_backup, restore_backup
from planner.db.engine import Database, check_sqlite_file, database_url
from planner.domain.errors import DatabaseError
from planner.i18n import N_, _
from planner.paths import default_database_path



def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub.add_parser("backup", help=_("make a backup of the database file now"))
    sub.add_parser("list-backups", help=_("list the backups of the database file, newest first"))
    p = sub.add_parser("restore", help=_("replace the database with a backup (a safety copy is made first)"))
    p.add_argument("backup", type=Path, help=_("the backup file, or its number from list-backups"))

    p = sub.add_parser(
        "copy-database", help=_("copy every record of one planner database into another, empty one (e.g. a file onto a PostgreSQL server)")
    )
    p.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL", help=_("the database to copy from"))
    p.add_argument("--to", dest="target", required=True, metavar="PATH_OR_URL", help=_("the empty database to copy into"))

    p = sub.add_parser("person-report", help=_("write everything held about one person as JSON"))
    p.add_argument("--person", type=int, required=True, metavar="ID")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p = sub.add_parser("erase-person", help=_("erase one person's details; their trips keep a placeholder"))
    p.add_argument("--person", type=int, required=True, metavar="ID")
    p.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    p.add_argument(
        "--keep-backups", action="store_true",
        help=_("leave the backups as they are and list those that still hold the person"),
    )


def _sqlite_path(args: argparse.Namespace) -> Path:
    url = database_url(args.db or default_database_path())
    if url.get_backend_name() != "sqlite" or not url.database:
        raise DatabaseError(N_("Backups made by the planner are for database files; back up PostgreSQL with pg_dump."))
    path = Path(url.database)
    check_sqlite_file(path, create=False)  # a missing file is refused; no folder is made
    return path


@command("backup", on_file=True)
def backup_command(args: argparse.Namespace) -> int:
    path = _sqlite_path(args)
    written = make_backup(path)
    say(_("Wrote {path}").format(path=written))
    return 0


@command("list-backups", on_file=True)
def list_backups_command(args: argparse.Namespace) -> int:
    from planner import formatting

    path = _sqlite_path(args)
    backups = list_backups(path)
    if not backups:
        say(_("No backups yet."))
    for number, b in enumerate(backups, start=1):
        say(f"{number:>3}  {formatting.short_date(b.created.date())} {formatting.time_of_day(b.created)}  "
            f"{b.kind.value:<15} {_(CHECK_WORDS[b.check]):<12} {formatting.integer(b.size // 1024)} KB  {b.path}")
    return 0


#: What list-backups says about each backup's check (the window says it in whole words).
CHECK_WORDS = {Check.PASSED: N_("checked OK"), Check.DAMAGED: N_("DAMAGED"), Check.UNCHECKED: N_("not checked")}


@command("restore", on_file=True)
def restore_command(args: argparse.Namespace) -> int:
    from planner import formatting

    path = _sqlite_path(args)
    chosen: Path = args.backup
    if not chosen.exists() and str(chosen).isdigit():
        backups = list_backups(path)
        index = int(str(chosen)) - 1
        if not 0 <= index < len(backups):
            raise DatabaseError(N_("There is no backup number {number}; see list-backups."), number=str(chosen))
        chosen = backups[index].path
    told: list[bool] = []

    def progress(_done: int, _total: int, waiting: bool) -> None:
        if waiting and not told:  # once: the wait is bounded, and then the restore says "in use"
            told.append(True)
            say(_("Waiting up to {seconds} seconds for another window or program to finish writing…").format(
                seconds=formatting.integer(int(WAIT_S))))

    safety = restore_backup(chosen, path, progress=progress)
    say(_("Restored {path} from {backup}; the state before is kept in {safety}.").format(path=path, backup=chosen, safety=safety))
    return 0


@command("person-report")
def person_report_command(args: argparse.Namespace, db: Database) -> int:
    from planner.export.tripfile import write_atomically
    from planner.services.privacy import person_report

    report = person_report(db, args.person)
    data = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_atomically(args.out, data, private=True)
    say(_("Wrote {path}").format(path=args.out))
    return 0


def _ask(question: str) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        error(_("refusing to erase without confirmation; add --yes"))
        return False
    return input(question).strip().lower() in ("y", "yes", "j", "ja", "是")


@command("erase-person")
def erase_person_command(args: argparse.Namespace, db: Database) -> int:
    from planner.services.erasure import erase_everywhere, report_lines
    from planner.services.people import get_person

    person = get_person(db, args.person)
    if not args.yes and not _ask(_("Erase every detail of {name}? This cannot be undone. [y/N] ").format(name=person.full_name)):
        say(_("Nothing was erased."))
        return 1
    report = erase_everywhere(db, args.person, clean_backups=not args.keep_backups)
    say(_("Erased the details of person {id}; their trips keep a placeholder.").format(id=args.person))
    for line in report_lines(report):
        say(line)
    return 0


@command("copy-database", on_file=True)
def copy_database_command(args: argparse.Namespace) -> int:
    from planner.db.copy import copy_database
    from planner.i18n import ngettext

    report = copy_database(args.source, args.target)
    for table, count in report.rows.items():
        say(f"  {table:<18} {count:>8}")
    say(ngettext("Copied {count} record from {source} to {target}.", "Copied {count} records from {source} to {target}.", report.total).format(
        count=report.total, source=report.source, target=report.target
    ))
    return 0
