"""A change notice as PDF: one short page per participant, old and new side by side, in their language.

It goes out before (or with) the new itinerary, so a participant sees at a
glance what of their printout is no longer true; it says only what concerns
them (see planner.export.notices).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from planner import formatting
from planner.db.engine import Database
from planner.domain.address import Addressee, salutation
from planner.domain.enums import Language
from planner.export.language import DocumentLanguage
from planner.domain.issued import TravelDiff
from planner.export.notices import TEXT_TRAVEL_NOW, NoticeRow, notice_rows, notice_text, travel_sentences
from planner.export.own_travel import travel_texts
from planner.export.pdf.context import Context
from planner.export.pdf.filenames import FileNamer, itinerary_stem, output_folder
from planner.export.pdf.flowables import esc, para, ruled_table, strong
from planner.export.pdf.layout import Decoration, Paper, render
from planner.export.pdf.layout import paper as paper_size
from planner.export.pdf.programme import PAGE_OF, make_context, metadata, title_block
from planner.export.pdf.styles import STYLES
from planner.export.tripfile import write_atomically
from planner.export.tripview import TripView
from planner.i18n import N_
from planner.services.issuing import pending_changes

NOTICE = N_("Change notice")
HELD = N_("Compared with your printed itinerary, version {number} of {date}")
FOOTER = N_("Change notice of {date}")
LOCAL_TIMES = N_("All times are local times.")
NO_CHANGES = N_("Nothing has changed for you.")
COLUMNS = (N_("Date"), N_("Item"), N_("Before"), N_("Now"))
#: The word after the participant's name in the notice's file name.
FILE_WORD = N_("change notice")


def notice_document(
    view: TripView, membership_id: int, rows: Sequence[NoticeRow], *, language: Language | str, held_number: int,
    held_at: datetime, paper: Paper = Paper.A4, made: date | None = None, travel: TravelDiff | None = None,
) -> bytes:
    """The notice of one participant as PDF bytes; `travel`, a change to their own travel, is said and its new lines printed whole."""
    ctx = make_context(view, language, None, paper, reader=membership_id)
    member = view.member(membership_id)
    name = ctx.address(member.person)  # as protocol names the reader: "Herr Oberbürgermeister Schostok", "许勤市长"
    story: list[Flowable] = [*title_block(ctx, NOTICE, name)]
    story.append(para(ctx.markup(view.trip.title, size=9.5), STYLES.cover_text))
    held = ctx.label(HELD, number=formatting.integer(held_number, ctx.lang.locale),
                     date=formatting.long_date(held_at.astimezone().date(), ctx.lang.locale))
    story += [Spacer(1, 3 * mm), para(esc(held), STYLES.small), Spacer(1, 6 * mm)]
    if rows:
        story.append(_table(ctx, rows))
    travel_part = _travel(ctx, travel)
    if travel_part:
        story += [Spacer(1, 5 * mm), *travel_part] if rows else travel_part
    if not rows and not travel_part:
        story.append(para(esc(ctx.label(NO_CHANGES)), STYLES.body))
    story += [Spacer(1, 5 * mm), para(esc(ctx.label(LOCAL_TIMES)), STYLES.small)]
    return render(story, decoration=_decoration(ctx, name, made or date.today()), metadata=metadata(ctx, NOTICE, about=name), size=paper)


def _table(ctx: Context, rows: Sequence[NoticeRow]) -> Table:
    widths = [30 * mm, 0.0, 38 * mm, 38 * mm]
    widths[1] = ctx.width - sum(widths)
    head = [para(esc(ctx.label(label)), STYLES.cell_head) for label in COLUMNS]
    data: list[list[object]] = [head]
    for row in rows:
        what = [strong(row.title, STYLES.cell), para(esc(" · ".join(row.labels)), STYLES.label)]
        data.append([
            para(esc(row.day_text), STYLES.cell),
            what,
            [para(esc(text), STYLES.small) for text in row.before],
            [para(esc(text), STYLES.cell) for text in row.now],
        ])
    table = ruled_table(data, widths)
    return table


def _travel(ctx: Context, travel: TravelDiff | None) -> list[Flowable]:
    """What changed in the reader's own travel, then the lines as their itinerary would print them now (to replace the old)."""
    sentences = travel_sentences(travel, ctx.lang.language)
    if travel is None or not sentences:
        return []
    story: list[Flowable] = [para(esc(sentence), STYLES.cell) for sentence in sentences]  # each names "Your own travel"
    if travel.after:
        story += [Spacer(1, 2 * mm), para(esc(ctx.label(TEXT_TRAVEL_NOW)), STYLES.small)]
        story += [para(esc(line), STYLES.cell) for line in travel.after]
    return story


def _decoration(ctx: Context, name: str, made: date) -> Decoration:
    lang = ctx.lang
    organiser = ctx.text(ctx.view.trip.organiser)
    left = [ctx.label(FOOTER, date=formatting.long_date(made, lang.locale))]  # first: the footer is cut short when too long
    if organiser:
        left.append(organiser)
    return Decoration(
        header_left=ctx.text(ctx.view.trip.title),
        header_right=name,
        footer_left="  ·  ".join(left),
        page_label=lambda page, pages: lang.t(
            PAGE_OF, page=formatting.integer(page, lang.locale), pages=formatting.integer(pages, lang.locale)
        ),
    )


def write_notices(
    db: Database, trip_id: int, out_dir: str | os.PathLike[str], membership_ids: Iterable[int] | None = None, *,
    paper: Paper | str = Paper.A4, made: date | None = None,
) -> list[Path]:
    """A PDF and a text file for each participant whose printout is out of date (or those of them in `membership_ids`).

    Each is in the language of the printout the participant holds. Returns
    the files written; nobody with an up-to-date printout gets one.
    """
    size = paper_size(paper)
    changes = pending_changes(db, trip_id, travel=travel_texts)
    wanted = set(membership_ids) if membership_ids is not None else None
    chosen = [c for c in changes.outdated if wanted is None or c.member.id in wanted]
    if not chosen:
        return []
    view = TripView.load(db, trip_id)
    folder = output_folder(out_dir)
    namer = FileNamer()
    written: list[Path] = []
    for change in chosen:
        lang = DocumentLanguage.of(change.language)
        rows = notice_rows(change.changes, lang.language, view.trip.timezone)
        assert change.before is not None
        stem = f"{itinerary_stem(change.member)} – {lang.t(FILE_WORD)}"
        pdf = folder / namer.name(stem, ".pdf")
        data = notice_document(
            view, change.member.id, rows, language=lang.language, held_number=change.before.number,
            held_at=change.before.issued_at, paper=size, made=made, travel=change.travel,
        )
        write_atomically(pdf, data, private=True)
        txt = pdf.with_suffix(".txt")
        text = notice_text(
            # The text to paste into a message opens with the greeting: "Sehr geehrter Herr Oberbürgermeister,".
            name=salutation(Addressee.of(change.member.person), lang.language), trip_title=lang.text(view.trip.title),
            language=lang.language, held_number=change.before.number, held_at=change.before.issued_at, rows=rows,
            travel=change.travel,
        )
        write_atomically(txt, text.encode("utf-8"), private=True)
        written += [pdf, txt]
    return written
