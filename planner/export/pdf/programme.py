"""The delegation programme: the whole trip for everyone on it and for the hosts.

Cover, the days with every item, the delegation list (names, organisations,
functions and roles: no private data), venues with contacts, and an emergency
page. Meals carry the counted dietary and accessibility needs for the host.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from planner import formatting
from planner.db.engine import Database
from planner.domain.enums import Language, TripStatus
from planner.domain.localized import LocalizedText
from planner.export.language import DocumentLanguage
from planner.export.pdf.context import LABEL_SEPARATOR, Context
from planner.export.pdf.filenames import safe_stem
from planner.export.pdf.fonts import register_fonts
from planner.export.pdf.flowables import esc, para, rule, ruled_table, strong
from planner.export.pdf.items import day_section
from planner.export.pdf.layout import Decoration, Metadata, Paper, content_width, paper, render
from planner.export.pdf.overview import overview_table
from planner.export.pdf.sections import delegation_list, emergency_page, facts_rows, person_line, section_break, venue_cards
from planner.export.pdf.styles import ACCENT, MUTED, STYLES
from planner.export.tripfile import write_file
from planner.export.tripview import TripView
from planner.i18n import N_

PROGRAMME = N_("Delegation programme")
PAGE_OF = N_("Page {page} of {pages}")
AS_OF = N_("As of {date}")
VERSION_OF = N_("Version {number} of {date}")
DRAFT = N_("Draft")
LOCAL_TIMES = N_("All times are local times; at the destination {zone}.")


def programme_pdf(
    db: Database, trip_id: int, out_path: str | os.PathLike[str], *, language: Language | str,
    paper: Paper | str = Paper.A4, bilingual_with: Language | str | None = None, issued: date | None = None,
) -> Path:
    """Write the delegation programme of a trip to `out_path` (replaced only once complete)."""
    data = programme_document(
        TripView.load(db, trip_id), language=language, paper=paper, bilingual_with=bilingual_with, issued=issued
    )
    return write_file(out_path, data, private=False)


def programme_filename(view: TripView, language: Language | str) -> str:
    """"Delegationsreise Niedersachsen – Shenzhen (de).pdf": the language in the name, as titles may fall back to another."""
    lang = DocumentLanguage.of(language)
    return f"{safe_stem(lang.text(view.trip.title), 'programme')} ({lang.locale}).pdf"


def programme_document(
    view: TripView, *, language: Language | str, paper: Paper | str = Paper.A4,
    bilingual_with: Language | str | None = None, issued: date | None = None,
) -> bytes:
    size = _paper(paper)
    ctx = make_context(view, language, bilingual_with, size)
    story = programme_story(ctx, issued or date.today())
    return render(story, decoration=decoration(ctx, ctx.label(PROGRAMME), issued), metadata=metadata(ctx, PROGRAMME), size=size)


def _paper(value: Paper | str) -> Paper:
    return paper(value)


def make_context(view: TripView, language: Language | str, second: Language | str | None, size: Paper, reader: int | None = None) -> Context:
    register_fonts()  # paragraphs look the font family up as soon as they are made
    lang = DocumentLanguage.of(language)
    other = DocumentLanguage.of(second) if second else None
    if other is not None and other.language is lang.language:
        other = None
    return Context(view=view, lang=lang, second=other, width=content_width(size), reader=reader)


def as_of(ctx: Context, issued: date | None, version: int | None = None) -> str:
    """"As of 24 October 2016", or for an issued document "Version 2 of 24 October 2016"."""
    texts: list[str] = []
    for lang in ctx.languages:  # each language with its own date: "Version 2 of 5 December 2026 / 第2版，2026年12月5日"
        day = formatting.long_date(issued or date.today(), lang.locale)
        if version is None:
            text = lang.t(AS_OF, date=day)
        else:
            text = lang.t(VERSION_OF, number=formatting.integer(version, lang.locale), date=day)
        if text not in texts:
            texts.append(text)
    return LABEL_SEPARATOR.join(texts)


def decoration(ctx: Context, right: str, issued: date | None, version: int | None = None) -> Decoration:
    trip = ctx.view.trip
    # The version comes first: when a long organiser name does not fit, it is the name that is cut,
    # never the "Version 2 of …" that tells a reader whether the printout is current.
    left = [as_of(ctx, issued, version)]
    if trip.status is TripStatus.DRAFT:
        left.insert(0, ctx.label(DRAFT))
    organiser = ctx.text(trip.organiser)
    if organiser:
        left.append(organiser)
    lang = ctx.lang
    return Decoration(
        header_left=ctx.text(trip.title),
        header_right=right,
        footer_left="  ·  ".join(left),
        page_label=lambda page, pages: lang.t(
            PAGE_OF, page=formatting.integer(page, lang.locale), pages=formatting.integer(pages, lang.locale)
        ),
    )


def metadata(ctx: Context, kind: str, about: str = "") -> Metadata:
    trip = ctx.view.trip
    title = ctx.text(trip.title)
    subject = ctx.lang.t(kind)
    if about:
        subject = f"{subject}: {about}"
    if trip.first_day and trip.last_day:
        subject = f"{subject}, {ctx.date_range(trip.first_day, trip.last_day)}"
    return Metadata(
        title=f"{title} – {ctx.lang.t(kind)}" + (f" – {about}" if about else ""),
        author=ctx.text(trip.organiser) or title,
        subject=subject,
        language_tag=ctx.lang.tag,
    )


def title_block(ctx: Context, kicker: str, title: LocalizedText | str) -> list[Flowable]:
    """The kicker ("DELEGATION PROGRAMME"), a short accent rule and the big title, second language below."""
    story: list[Flowable] = [
        para(esc(ctx.label(kicker).upper()), STYLES.kicker),
        rule(width=28 * mm, thickness=1.6, color=ACCENT, before=2 * mm, after=5 * mm),
    ]
    if isinstance(title, LocalizedText):
        story.append(strong(ctx.text(title), STYLES.cover_title))
        second = ctx.second_text(title)
        if second:
            story.append(para(esc(second), STYLES.cover_second))
    else:
        story.append(strong(title, STYLES.cover_title))
    return story


def trip_facts(ctx: Context) -> list[tuple[str, str]]:
    trip = ctx.view.trip
    rows: list[tuple[str, str]] = []
    if trip.first_day and trip.last_day:
        dates = esc(ctx.date_range(trip.first_day, trip.last_day))
        if ctx.second is not None:
            dates += "<br/>" + esc(formatting.date_range(trip.first_day, trip.last_day, ctx.second.locale))
        rows.append((ctx.label(N_("Dates")), dates))
    place = formatting.place_name(ctx.text(trip.destination_city), trip.destination_country, ctx.lang.locale)
    if place:
        rows.append((ctx.label(N_("Destination")), esc(place)))
    if trip.first_day:
        name = formatting.zone_name(trip.timezone, trip.first_day, ctx.lang.locale)
        offset = formatting.gmt_offset(trip.timezone, trip.first_day, ctx.lang.locale)
        # Chinese text takes full-width brackets: 中欧夏令时间（GMT+2）.
        zone = f"{name}（{offset}）" if ctx.lang.language is Language.ZH else f"{name} ({offset})"
        rows.append((ctx.label(N_("Times")), esc(ctx.lang.t(LOCAL_TIMES, zone=zone))))
    return rows


def list_table(ctx: Context, columns: Sequence[str], widths: Sequence[float | None], rows: list[list[object]]) -> Table:
    """A one-language list's table (arrivals, gifts, open follow-ups): the `columns`' heads in the reader's language
    over `rows`, the heads repeated on each page; the column without a width (None) takes what the others leave."""
    rest = ctx.width - sum(w for w in widths if w is not None)
    head: list[object] = [para(esc(ctx.lang.t(label)), STYLES.cell_head) for label in columns]
    return ruled_table([head, *rows], [rest if w is None else w for w in widths], gap=2.5 * mm, compact=True)


L = TypeVar("L")  # a line of a list document


def list_document(
    view: TripView, language: Language | str, paper_size: Paper | str, issued: date | None, title: str, facts: int, empty: str,
    lines_of: Callable[[TripView, DocumentLanguage], Sequence[L]], body: Callable[[Context, Sequence[L]], list[Flowable]],
) -> bytes:
    """A one-language list as PDF (arrivals, gifts). The lists open and close alike so that a reader finds the same
    things in the same places: the title, the trip's first `facts` facts, `empty` said when `lines_of` finds no
    lines, then the `body` made of them, closed by the muted "As of" date line under the title's page decoration."""
    size = paper(paper_size)
    ctx = make_context(view, language, None, size)
    lines = lines_of(view, ctx.lang)
    story: list[Flowable] = [*title_block(ctx, title, view.trip.title), Spacer(1, 6 * mm), *facts_rows(ctx, trip_facts(ctx)[:facts])]
    story.append(Spacer(1, 6 * mm))
    if not lines:
        story.append(para(esc(ctx.lang.t(empty)), STYLES.body))
    story += body(ctx, lines)
    as_of = esc(ctx.label(AS_OF, date=formatting.long_date(issued or date.today(), ctx.lang.locale)))
    story.append(para(f'<font color="{MUTED.hexval()}">{as_of}</font>', STYLES.small))
    return render(story, decoration=decoration(ctx, ctx.lang.t(title), issued), metadata=metadata(ctx, title), size=size)


def programme_story(ctx: Context, issued: date) -> list[Flowable]:
    view, trip = ctx.view, ctx.view.trip
    story: list[Flowable] = [Spacer(1, 4 * mm), *title_block(ctx, PROGRAMME, trip.title)]
    if not trip.purpose.is_empty():
        story += [Spacer(1, 3 * mm), para(ctx.markup(trip.purpose, size=9.5), STYLES.cover_text)]
    rows = trip_facts(ctx)
    for head in view.heads:
        rows.append((ctx.label(N_("Head of delegation")), person_line(ctx, head)))
    if not trip.organiser.is_empty():
        rows.append((ctx.label(N_("Organiser")), ctx.markup(trip.organiser, size=9.5)))
    # The hosts are on the trip's list, but not among the delegation's participants.
    rows.append((ctx.label(N_("Participants")), esc(formatting.integer(len(view.delegation), ctx.lang.locale))))
    story += [Spacer(1, 6 * mm), *facts_rows(ctx, rows, compact=True)]
    story.append(para(esc(ctx.label(AS_OF, date=formatting.long_date(issued, ctx.lang.locale))), STYLES.small))
    # The overview follows the title on the first page; it replaces the cover page that stayed two-thirds empty.
    days = view.days()
    story += [Spacer(1, 6 * mm), *overview_table(ctx, days), *section_break()]
    story += [*ctx.section_heading(N_("Programme")), Spacer(1, 2 * mm)]
    for index, day in enumerate(days):
        story += day_section(ctx, day, first=index == 0, needs=True)
    story += [*section_break(), *delegation_list(ctx)]
    venues = view.venues_of(view.items)
    if venues:
        story += [*section_break(), *venue_cards(ctx, venues)]
    story += [*section_break(), *emergency_page(ctx, view.lodging())]
    return story
