"""The briefing book: what a protocol office hands its head of delegation before a trip.

Not the itinerary. For each meeting (the hosted items: meetings, site visits,
meals, ceremonies) in time order: its objective, who sits across the table
with function, form of address, biography and portrait, who comes from our
side, the talking points, background and topics to avoid, what was agreed at
earlier meetings with the same hosts and what is still owed, and the gift
planned. The cover carries the trip's aims; the open follow-ups close it.

It is an internal paper: the cover says so once, in a banner under the title,
and every page after it at its head and foot ("Vertraulich – nur für den
Dienstgebrauch", "内部资料", "Confidential"),
and nothing that is printed for participants (itineraries, the programme,
issued versions) is made from this module.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak, Spacer, Table

from planner import formatting
from planner.db.engine import Database
from planner.domain.address import Addressee, reference
from planner.domain.briefing import STATUS_LABELS, FollowUpData, ItemBriefingData, ProfileData, ProfileOwner
from planner.domain.entities import ContactData, ItemData, PersonData
from planner.domain.enums import GiftDirection, ItemKind, Language, Role
from planner.domain.errors import NotFoundError
from planner.domain.localized import LocalizedText
from planner.domain.portraits import Portrait
from planner.domain.timing import utc_to_local
from planner.export.language import DocumentLanguage, country_language
from planner.export.pdf.columns import Cell, Columns
from planner.export.pdf.context import Context
from planner.export.pdf.filenames import safe_stem
from planner.export.pdf.flowables import esc, para, rule, ruled_table, strong, table_style
from planner.export.pdf.fonts import draw_string, text_width
from planner.export.pdf.layout import Decoration, Paper, paper
from planner.export.pdf.layout import render as render_pdf
from planner.export.pdf.programme import decoration, list_table, make_context, metadata, title_block, trip_facts
from planner.export.pdf.sections import delegation_list, facts_rows, person_line, section_break
from planner.export.pdf.styles import ACCENT, MUTED, STYLES, TINT
from planner.export.tripfile import write_file
from planner.export.tripview import TripView
from planner.i18n import N_
from planner.services.briefing import EarlierMeeting, earlier_meetings
from planner.services.delegation import Member
from planner.services.transfer import load_trip_bundle

BRIEFING_BOOK = N_("Briefing book")
#: The mark on every page. Translated as a protocol office marks its papers: "Vertraulich – nur für den Dienstgebrauch", "内部资料".
CONFIDENTIAL = N_("Confidential")
AIMS = N_("Aims of the trip")
MEETINGS = N_("Meetings")
NO_MEETINGS = N_("The programme has no meetings, visits, meals or ceremonies with a host yet.")
HOST_SIDE = N_("Hosts")
OUR_SIDE = N_("Delegation")
WHOLE_DELEGATION = N_("The whole delegation ({count})")
ADDRESS_AS = N_("Address as")
EARLIER = N_("Last contacts and agreements")
EARLIER_MEETING = N_("{date}, {trip}: {item}")
GIFTS_PLANNED = N_("Gift planned")
GIFTS_RECEIVED = N_("Gift expected")
GIFT_LINE = N_("{gift} – for {whom}")
FOLLOW_UPS_HERE = N_("Agreed at this meeting")
OPEN_FOLLOW_UPS = N_("Open follow-ups")
NO_OPEN_FOLLOW_UPS = N_("No follow-ups are open.")
FOLLOW_UP_COLUMNS = (N_("Task"), N_("Who"), N_("Due"), N_("Agreed at"))
DUE_ON = N_("due {date}")
AGREED = N_("agreed: {where}")
NOT_GIVEN = N_("not yet named")
TRIP_NOTES = N_("Notes")

#: The items a briefing book has a section for: where the delegation is received by someone.
HOSTED_KINDS = frozenset({ItemKind.MEETING, ItemKind.SITE_VISIT, ItemKind.MEAL, ItemKind.CEREMONY})
PORTRAIT_WIDTH = 20 * mm
#: The confidentiality mark sits this far below the paper's top edge, above the running header.
MARK_AT = 6.2 * mm
MARK_COLOUR = ACCENT


@dataclass(frozen=True, slots=True)
class BriefingContent:
    """Everything the book prints, read once: the trip, its briefing side and the earlier meetings with its hosts."""

    view: TripView
    briefings: dict[int, ItemBriefingData]
    profiles: dict[tuple[ProfileOwner, int], ProfileData]
    follow_ups: tuple[FollowUpData, ...]
    earlier: tuple[EarlierMeeting, ...]
    #: Whose biography the document being written has printed: each once, at the first meeting they attend.
    shown: set[tuple[ProfileOwner, int]] = field(default_factory=set, compare=False)

    @classmethod
    def load(cls, db: Database, trip_id: int) -> BriefingContent:
        try:
            bundle = load_trip_bundle(db, trip_id, portraits=True)
        except NotFoundError:
            raise NotFoundError(N_("There is no trip {trip}."), trip=trip_id) from None
        return cls(
            view=TripView(bundle),
            briefings={b.id: b for b in bundle.briefings if b.id is not None},
            profiles={(p.owner, p.id): p for p in bundle.profiles if p.id is not None},
            follow_ups=bundle.follow_ups,
            earlier=tuple(earlier_meetings(db, trip_id)),
        )

    def briefing(self, item: ItemData) -> ItemBriefingData:
        return self.briefings.get(item.id or 0) or ItemBriefingData(id=item.id)

    def meetings(self) -> tuple[ItemData, ...]:
        """The hosted items in time order: those with a host or a briefing."""
        return tuple(
            i for i in self.view.items
            if i.kind in HOSTED_KINDS and (i.has_host or not self.briefing(i).is_empty())
        )


@dataclass(frozen=True, slots=True)
class ConfidentialDecoration:
    """The usual header and footer; on every page after the cover, the confidentiality mark at its head and foot.

    The cover carries the mark once, prominently, in its banner under the title
    (as a protocol office marks a cover); the same words in the cover's head and
    foot as well said it three times on one page.
    """

    inner: Decoration
    mark: str

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        if page == 1:
            self.inner.draw(canvas, page, pages)
            return
        replace(self.inner, footer_left=f"{self.mark}  ·  {self.inner.footer_left}").draw(canvas, page, pages)
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFillColor(MARK_COLOUR)
        size = 8.4
        draw_string(canvas, (width - text_width(self.mark, size)) / 2, height - MARK_AT, self.mark, size)
        canvas.restoreState()


def briefing_pdf(db: Database, trip_id: int, out_path: str | os.PathLike[str], *, language: Language | str,
                 paper_size: Paper | str = Paper.A4, issued: date | None = None) -> Path:
    """Write the briefing book of a trip to `out_path` (readable by its owner only: it is internal)."""
    data = briefing_document(BriefingContent.load(db, trip_id), language=language, paper_size=paper_size, issued=issued)
    return write_file(out_path, data, private=True)


def briefing_filename(view: TripView, language: Language | str) -> str:
    lang = DocumentLanguage.of(language)
    return f"{safe_stem(lang.text(view.trip.title), 'briefing')} – {lang.t(BRIEFING_BOOK)} ({lang.locale}).pdf"


def briefing_document(content: BriefingContent, *, language: Language | str, paper_size: Paper | str = Paper.A4,
                      issued: date | None = None) -> bytes:
    size = paper(paper_size)
    ctx = make_context(content.view, language, None, size)
    mark = ctx.lang.t(CONFIDENTIAL)
    content.shown.clear()
    story = [*_cover(ctx, content, mark), PageBreak()]  # the meetings start on a page of their own
    meetings = content.meetings()
    for item in meetings:
        story += _meeting(ctx, content, item)
    story += _open_follow_ups(ctx, content)
    story += [*section_break(), *delegation_list(ctx)]  # everyone on the trip once, in order of precedence
    inner = decoration(ctx, ctx.lang.t(BRIEFING_BOOK), issued)
    return render_pdf(story, decoration=ConfidentialDecoration(inner, mark), metadata=metadata(ctx, BRIEFING_BOOK), size=size)


# --- cover -------------------------------------------------------------------------------------


def _cover(ctx: Context, content: BriefingContent, mark: str) -> list[Flowable]:
    trip = ctx.view.trip
    story: list[Flowable] = [Spacer(1, 4 * mm), *title_block(ctx, BRIEFING_BOOK, trip.title), Spacer(1, 4 * mm), _banner(ctx, mark)]
    if not trip.purpose.is_empty():
        story += [Spacer(1, 5 * mm), *_label(ctx, AIMS), para(esc(ctx.text(trip.purpose)), STYLES.cover_text)]
    rows = trip_facts(ctx)[:2]
    for head in ctx.view.heads:
        rows.append((ctx.label(N_("Head of delegation")), person_line(ctx, head)))
    if not trip.organiser.is_empty():
        rows.append((ctx.label(N_("Organiser")), esc(ctx.text(trip.organiser))))
    story += [Spacer(1, 5 * mm), *facts_rows(ctx, rows, compact=True)]
    if trip.notes:
        story += [Spacer(1, 3 * mm), *_label(ctx, TRIP_NOTES), para(esc(trip.notes), STYLES.small)]
    meetings = content.meetings()
    story += [Spacer(1, 5 * mm), *_label(ctx, MEETINGS)]
    if not meetings:
        story.append(para(esc(ctx.lang.t(NO_MEETINGS)), STYLES.body))
    else:
        rows_: list[list[object]] = []
        for item in meetings:
            host = ctx.view.host(item)
            rows_.append([
                para(esc(_when(ctx, item)), STYLES.overview),
                para(esc(ctx.text(item.title)), STYLES.overview),
                para(esc(ctx.contact_name(host) if host is not None else ""), STYLES.overview),
            ])
        widths = [40 * mm, 0.0, 48 * mm]
        widths[1] = ctx.width - sum(widths)
        story.append(ruled_table(rows_, widths, gap=2 * mm, compact=True))
    return story


def _banner(ctx: Context, mark: str) -> Flowable:
    """The mark on the cover, once, in a tinted box a reader cannot miss."""
    table = Table([[strong(mark, STYLES.item_title)]], colWidths=[ctx.width])
    table.setStyle(table_style(
        ("BACKGROUND", (0, 0), (-1, -1), TINT), ("LINEBEFORE", (0, 0), (0, -1), 2.2, MARK_COLOUR),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm), ("TOPPADDING", (0, 0), (-1, -1), 2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
    ))
    return table


def _label(ctx: Context, msgid: str) -> list[Flowable]:
    return [para(esc(ctx.lang.t(msgid).upper() if ctx.lang.language is not Language.ZH else ctx.lang.t(msgid)), STYLES.kicker),
            Spacer(1, 0.8 * mm)]


def _when(ctx: Context, item: ItemData) -> str:
    start, end = item.local_start(), item.local_end()
    return f"{formatting.short_date(start.date(), ctx.lang.locale)}  {formatting.time_range(start, end, ctx.lang.locale)}"


# --- one meeting -------------------------------------------------------------------------------


def _meeting(ctx: Context, content: BriefingContent, item: ItemData) -> list[Flowable]:
    brief = content.briefing(item)
    venue = ctx.view.venue(item)
    start, end = item.local_start(), item.local_end()
    when = f"{ctx.full_date(start.date())}, {formatting.time_range(start, end, ctx.lang.locale)}"
    if venue is not None:
        when = formatting.join_fields((when, ctx.text(venue.name)), ctx.lang.locale)
    head: list[Flowable] = [
        rule(thickness=0.8, color=ACCENT, before=0, after=2 * mm),
        strong(ctx.text(item.title), STYLES.day),
        para(esc(f"{ctx.lang.t(item.kind.msgid)} · {when}"), STYLES.small),
        Spacer(1, 2.5 * mm),
    ]
    story: list[Flowable] = [Spacer(1, 4 * mm)]
    blocks: list[Flowable] = []
    if not brief.objective.is_empty():
        blocks += _text_block(ctx, N_("Objective"), brief.objective)
    blocks += _hosts(ctx, content, item)
    blocks += _our_side(ctx, content, item)
    for name, label in (("talking_points", N_("Talking points")), ("background", N_("Background")), ("avoid", N_("Topics to avoid"))):
        value = getattr(brief, name)
        if not value.is_empty():
            blocks += _text_block(ctx, label, value)
    blocks += _earlier(ctx, content, item)
    if not brief.minutes.is_empty():
        blocks += _text_block(ctx, N_("Outcomes"), brief.minutes)
    blocks += _gifts(ctx, content, item)
    here = [f for f in content.follow_ups if f.item_id == item.id and not f.carried_over]
    if here:
        blocks += _block(ctx, FOLLOW_UPS_HERE, [para(esc("– " + _follow_up_line(ctx, content, f)), STYLES.body) for f in here])
    # The heading stays with the first block: never alone at the foot of a page.
    first = blocks[:1]
    if first and isinstance(first[0], KeepTogether):  # one level: nested KeepTogethers break pages too early
        first = list(first[0]._content)
    story.append(KeepTogether(head + first))
    story += blocks[1:]
    return story


def _text_block(ctx: Context, label: str, value: LocalizedText) -> list[Flowable]:
    return _block(ctx, label, [para(esc(ctx.text(value)), STYLES.body)])


def _block(ctx: Context, label: str, content: list[Flowable]) -> list[Flowable]:
    """A labelled part; the label never stays behind alone at the foot of a page."""
    return [KeepTogether([*_label(ctx, label), content[0]]), *content[1:], Spacer(1, 2.5 * mm)]


def _hosts(ctx: Context, content: BriefingContent, item: ItemData) -> list[Flowable]:
    """Who receives the delegation: the item's host and the trip's members with the role Host who attend."""
    entries: list[Flowable] = []
    seen: set[tuple[str, int]] = set()
    if item.host_contact_id is not None:
        contact = ctx.view.host(item)
        if contact is not None and contact.id is not None:
            seen.add(("contact", contact.id))
            entries.append(_contact_entry(ctx, content, contact))
    if item.host_person_id is not None:
        person = _person(ctx.view, item.host_person_id)
        if person is not None and person.id is not None:
            seen.add(("person", person.id))
            entries.append(_person_entry(ctx, content, person))
    for member in ctx.view.attendees(item):
        if member.role is Role.HOST and ("person", member.person.id or 0) not in seen:
            seen.add(("person", member.person.id or 0))
            entries.append(_person_entry(ctx, content, member.person))
    if not entries:
        return []
    return _block(ctx, HOST_SIDE, entries)


def _person(view: TripView, person_id: int) -> PersonData | None:
    try:
        return view.bundle.person(person_id)
    except KeyError:
        return None


def _contact_entry(ctx: Context, content: BriefingContent, contact: ContactData) -> Flowable:
    who = Addressee(family_name=contact.name, native_name=contact.native_name, function=contact.function)
    lines = [strong(ctx.contact_name(contact), STYLES.item_title)]
    function = ctx.text(contact.function)
    if function:
        lines.append(para(esc(function), STYLES.body))
    lines += _address_lines(ctx, who)
    return _with_portrait(ctx, content, lines, (ProfileOwner.CONTACT, contact.id or 0))


def _person_entry(ctx: Context, content: BriefingContent, person: PersonData) -> Flowable:
    latin, native = ctx.latin_and_native(person)
    name = ctx.name(person)
    if native and native not in name:
        name = f"{name}（{native}）" if ctx.lang.language is Language.ZH else f"{name} ({native})"
    elif ctx.lang.language is Language.ZH and latin and latin not in name:
        name = f"{name}（{latin}）"
    lines = [strong(name, STYLES.item_title)]
    fields = [ctx.text(person.function), ctx.text(person.organisation)]
    line = formatting.join_fields(fields, ctx.lang.locale)
    if line:
        lines.append(para(esc(line), STYLES.body))
    lines += _address_lines(ctx, Addressee.of(person))
    return _with_portrait(ctx, content, lines, (ProfileOwner.PERSON, person.id or 0))


def _address_lines(ctx: Context, who: Addressee) -> list[Flowable]:
    """How to name them: in the reader's language, and in the hosts' own where that differs ("林志远副市长")."""
    forms = [reference(who, ctx.lang.language)]
    local = country_language(ctx.view.trip.destination_country)
    if local is not None and local is not ctx.lang.language:
        other = reference(who, local)
        if other and other not in forms:
            forms.append(other)
    forms = [f for f in forms if f]
    if not forms:
        return []
    return [para(f'<font color="{MUTED.hexval()}">{esc(ctx.lang.t(ADDRESS_AS) + ctx.lang.marks.colon)}</font>{esc("  ·  ".join(forms))}', STYLES.body)]


def _with_portrait(ctx: Context, content: BriefingContent, lines: list[Flowable], key: tuple[ProfileOwner, int]) -> Flowable:
    """The entry with biography and portrait the first time the book names them; afterwards without."""
    profile = content.profiles.get(key) if key not in content.shown else None
    content.shown.add(key)
    if profile is not None and not profile.biography.is_empty():
        lines = [*lines, Spacer(1, 0.8 * mm), para(esc(ctx.text(profile.biography)), STYLES.small)]
    lines = [*lines, Spacer(1, 2 * mm)]
    if profile is None or profile.portrait is None:
        return Columns([Cell(ctx.width, lines)])
    gap = 3 * mm
    return Columns([
        Cell(PORTRAIT_WIDTH + gap, [_portrait_image(profile.portrait)], padding=(0, gap, 0.6 * mm, 0)),
        Cell(ctx.width - PORTRAIT_WIDTH - gap, lines),
    ])


def _portrait_image(portrait: Portrait) -> Flowable:
    width, height = ImageReader(io.BytesIO(portrait.data)).getSize()
    return Image(io.BytesIO(portrait.data), width=PORTRAIT_WIDTH, height=PORTRAIT_WIDTH * height / width)


def _our_side(ctx: Context, content: BriefingContent, item: ItemData) -> list[Flowable]:
    """The delegation's members at the item, in protocol order, with their functions; biographies where given."""
    attending = [m for m in ctx.view.attendees(item) if m.role is not Role.HOST]
    if not attending:
        return []
    profiled = {m.id for m in attending if _has_profile(content, m.person) and (ProfileOwner.PERSON, m.person.id or 0) not in content.shown}
    story: list[Flowable] = []
    if item.everyone:
        # The whole list is at the end of the book, not at every meeting: here who leads, and that everyone comes.
        whole = ctx.lang.t(WHOLE_DELEGATION, count=formatting.integer(len(attending), ctx.lang.locale))
        lines = [_member_line(ctx, m) for m in attending if m.role is Role.HEAD and m.id not in profiled] + [esc(whole)]
    else:
        lines = [_member_line(ctx, member) for member in attending if member.id not in profiled]  # those below have an entry
    if lines:
        story.append(para("<br/>".join(lines), STYLES.body))
    for member in attending:
        if member.id in profiled:
            story += [Spacer(1, 1.5 * mm), _person_entry(ctx, content, member.person)]
    return _block(ctx, OUR_SIDE, story)


def _has_profile(content: BriefingContent, person: PersonData) -> bool:
    profile = content.profiles.get((ProfileOwner.PERSON, person.id or 0))
    return profile is not None and not profile.is_empty()


def _member_line(ctx: Context, member: Member) -> str:
    role = ctx.role(member.role, member.person) if member.role is not Role.MEMBER else ""
    function = ctx.text(member.person.function)
    extra = formatting.join_fields((function, role), ctx.lang.locale)
    name = f"<b>{esc(ctx.name(member.person, honorific=False))}</b>"
    return f"{name}{'，' if ctx.lang.language is Language.ZH else ', '}{esc(extra)}" if extra else name


def _earlier(ctx: Context, content: BriefingContent, item: ItemData) -> list[Flowable]:
    """Minutes of earlier meetings with the same host, and the follow-ups carried over to this meeting."""
    lines: list[str] = []
    for meeting in content.earlier:
        same = (item.host_contact_id is not None and meeting.host_contact_id == item.host_contact_id) or (
            item.host_person_id is not None and meeting.host_person_id == item.host_person_id)
        if not same:
            continue
        day = formatting.long_date(utc_to_local(meeting.start, meeting.timezone).date(), ctx.lang.locale)
        heading = ctx.lang.t(EARLIER_MEETING, date=day, trip=ctx.text(meeting.trip_title), item=ctx.text(meeting.item_title))
        lines.append(f"<b>{esc(heading)}</b><br/>{esc(ctx.text(meeting.minutes))}")
    for f in content.follow_ups:
        if f.item_id == item.id and f.carried_over:
            lines.append(esc("– " + _follow_up_line(ctx, content, f, with_origin=True)))
    if not lines:
        return []
    return _block(ctx, EARLIER, [para(line, STYLES.body) for line in lines])


def _gifts(ctx: Context, content: BriefingContent, item: ItemData) -> list[Flowable]:
    gifts = [g for g in ctx.view.bundle.gifts if g.item_id == item.id]
    story: list[Flowable] = []
    for direction, label in ((GiftDirection.GIVEN, GIFTS_PLANNED), (GiftDirection.RECEIVED, GIFTS_RECEIVED)):
        chosen = [g for g in gifts if g.direction is direction]
        if not chosen:
            continue
        lines: list[Flowable] = []
        for gift in chosen:
            text = ctx.text(gift.description)
            if gift.counterpart and direction is GiftDirection.GIVEN:
                text = ctx.lang.t(GIFT_LINE, gift=text, whom=gift.counterpart)
            lines.append(para(esc(text), STYLES.body))
        story += _block(ctx, label, lines)
    return story


# --- follow-ups --------------------------------------------------------------------------------


def _who(ctx: Context, content: BriefingContent, f: FollowUpData) -> str:
    if f.who_person_id is not None:
        person = _person(ctx.view, f.who_person_id)
        if person is not None:
            return ctx.name(person, honorific=False)
    return f.who or ctx.lang.t(NOT_GIVEN)


def _origin(ctx: Context, f: FollowUpData) -> str:
    parts = [ctx.text(f.origin)]
    if f.agreed_on is not None:
        parts.append(formatting.long_date(f.agreed_on, ctx.lang.locale))
    return formatting.join_fields(parts, ctx.lang.locale)


def _follow_up_line(ctx: Context, content: BriefingContent, f: FollowUpData, *, with_origin: bool = False) -> str:
    parts = [ctx.text(f.what), _who(ctx, content, f)]
    if f.due is not None:
        parts.append(ctx.lang.t(DUE_ON, date=formatting.long_date(f.due, ctx.lang.locale)))
    if not f.is_open:
        parts.append(ctx.lang.t(STATUS_LABELS[f.status]))
    if with_origin and _origin(ctx, f):
        parts.append(ctx.lang.t(AGREED, where=_origin(ctx, f)))
    return formatting.join_fields(parts, ctx.lang.locale)


def _open_follow_ups(ctx: Context, content: BriefingContent) -> list[Flowable]:
    story: list[Flowable] = [Spacer(1, 6 * mm), *ctx.section_heading(OPEN_FOLLOW_UPS), Spacer(1, 2 * mm)]
    open_ones = [f for f in content.follow_ups if f.is_open]
    if not open_ones:
        return [KeepTogether([*story, para(esc(ctx.lang.t(NO_OPEN_FOLLOW_UPS)), STYLES.body)])]
    titles = {i.id: ctx.text(i.title) for i in ctx.view.items}
    rows: list[list[object]] = []
    for f in open_ones:
        task: list[Flowable] = [para(esc(ctx.text(f.what)), STYLES.cell)]
        if f.item_id in titles:
            task.append(para(esc(titles[f.item_id]), STYLES.label))
        rows.append([
            task, para(esc(_who(ctx, content, f)), STYLES.cell),
            para(esc(formatting.short_date(f.due, ctx.lang.locale) if f.due else "–"), STYLES.cell),
            para(esc(_origin(ctx, f) or ctx.lang.t(N_("this trip"))), STYLES.cell),
        ])
    return [KeepTogether([*story, list_table(ctx, FOLLOW_UP_COLUMNS, (None, 34 * mm, 20 * mm, 50 * mm), rows)])]

