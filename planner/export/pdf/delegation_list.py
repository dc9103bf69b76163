"""The delegation list for the hosts: who comes, in order of precedence, in the hosts' language and ours.

What a host's protocol office asks for before a visit: every member of the
delegation in order of precedence, the name in both scripts, function and
organisation in the host's language with the delegation's own beside it,
and a portrait where one is stored (the hosts recognise their guests at the
airport). The hosts themselves are not on it. It is a document for the
hosts, not for the participants: their itineraries never carry portraits.
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from planner import formatting
from planner.db.engine import Database
from planner.domain.briefing import ProfileOwner
from planner.domain.enums import Language
from planner.domain.portraits import Portrait
from planner.export.language import DocumentLanguage, country_language, parse_language
from planner.export.pdf.filenames import safe_stem
from planner.export.pdf.flowables import esc, para
from planner.export.pdf.layout import Paper, paper, render
from planner.export.pdf.programme import as_of, decoration, make_context, metadata, title_block, trip_facts
from planner.export.pdf.sections import delegation_list, facts_rows, person_line
from planner.export.pdf.styles import STYLES
from planner.export.tripfile import write_file
from planner.export.tripview import TripView
from planner.i18n import N_

DELEGATION_LIST = N_("Delegation list")
MEMBERS = N_("Members of the delegation in order of precedence")


def hosts_language(view: TripView) -> Language:
    """The language of the country visited (the hosts'), English where the planner has none for it."""
    return country_language(view.trip.destination_country) or Language.EN


def delegation_language(view: TripView) -> Language | None:
    """The language most of the delegation prefer (their own), None for an empty delegation."""
    counts = Counter(member.person.preferred_language for member in view.delegation)
    return counts.most_common(1)[0][0] if counts else None


def delegation_list_document(
    view: TripView, *, language: Language | str, second: Language | str | None = None,
    portraits: dict[int, Portrait] | None = None, paper_size: Paper | str = Paper.A4, issued: date | None = None,
) -> bytes:
    """The list in `language` with `second` beside it (the same language twice prints one)."""
    size = paper(paper_size)
    ctx = make_context(view, language, second, size)
    story: list[Flowable] = [Spacer(1, 4 * mm), *title_block(ctx, DELEGATION_LIST, view.trip.title)]
    rows = trip_facts(ctx)[:2]
    for head in view.heads:
        rows.append((ctx.label(N_("Head of delegation")), person_line(ctx, head)))
    rows.append((ctx.label(N_("Participants")), esc(formatting.integer(len(view.delegation), ctx.lang.locale))))
    story += [Spacer(1, 5 * mm), *facts_rows(ctx, rows, compact=True), Spacer(1, 4 * mm)]
    story += delegation_list(ctx, view.delegation, portraits, heading=MEMBERS)
    when = issued or date.today()
    story += [Spacer(1, 4 * mm), para(esc(as_of(ctx, when)), STYLES.small)]  # each language with its own date
    return render(story, decoration=decoration(ctx, ctx.label(DELEGATION_LIST), issued), metadata=metadata(ctx, DELEGATION_LIST), size=size)


def delegation_list_pdf(
    db: Database, trip_id: int, out_path: str | os.PathLike[str], *, language: Language | str,
    second: Language | str | None = None, portraits: bool = True, paper_size: Paper | str = Paper.A4,
) -> Path:
    """Write the hosts' delegation list (with the portraits stored, unless `portraits` is False)."""
    view = TripView.load(db, trip_id, portraits=portraits)
    pictures = {
        profile.id: profile.portrait for profile in view.bundle.profiles
        if profile.owner is ProfileOwner.PERSON and profile.portrait is not None and profile.id is not None
    } if portraits else None
    lang = parse_language(language)
    other = parse_language(second, "second") if second else None
    data = delegation_list_document(view, language=lang, second=other, portraits=pictures, paper_size=paper_size)
    return write_file(out_path, data, private=False)


def delegation_list_filename(view: TripView, language: Language | str, second: Language | str | None = None) -> str:
    """"Delegationsliste – Delegationsreise … (zh+de).pdf": both languages in the name."""
    lang = DocumentLanguage.of(language)
    tag = lang.locale if not second else f"{lang.locale}+{DocumentLanguage.of(second).locale}"
    return f"{safe_stem(lang.t(DELEGATION_LIST) + ' – ' + lang.text(view.trip.title), 'delegation-list')} ({tag}).pdf"
