"""The invitation letter as PDF: on the host's letterhead, the whole letter in each language, the invited listed.

The first language's letter comes first, the second's (English) below it,
each with its own greeting and signature, as consulates expect a bilingual
letter. The list of invited persons follows once, with headings in both
languages: names in Latin and native script (Chinese names family name first,
no comma), sex, date and place of birth, nationality and passport. Those are
the only personal details printed, and only of the invited: a letter for one
person names nobody else's. The file is written readable by its owner only.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from babel.lists import format_list
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from planner import formatting
from planner.db.engine import Database
from planner.domain.address import Addressee, name_in, reference, salutation
from planner.domain.enums import Language, Sex
from planner.domain.organisations import as_subject
from planner.domain.names import display_name
from planner.export.invitation import CostBearer, Invitation, invitation
from planner.export.language import DocumentLanguage
from planner.export.pdf.filenames import itinerary_stem, safe_stem
from planner.export.pdf.flowables import Separator, esc, para, rule, ruled_table, strong
from planner.export.pdf.fonts import register_fonts, text_width
from planner.export.pdf.layout import Decoration, Metadata, Paper, content_width, paper, render
from planner.export.pdf.styles import ACCENT, MUTED, STYLES
from planner.export.tripfile import write_file
from planner.export.tripview import TripView
from planner.i18n import N_
from planner.domain.members import Member

LETTER = N_("Letter of invitation")
TO_AUTHORITIES = N_("Dear Sir or Madam,")
INVITES_DELEGATION = N_(
    "{host} cordially invites the delegation led by {head} ({origin}), whose members are listed below, "
    "to visit {cities} from {first} to {last}."
)
INVITES_DELEGATION_NO_HEAD = N_("{host} cordially invites the delegation listed below ({origin}) to visit {cities} from {first} to {last}.")
INVITES_HEAD = N_("{host} cordially invites {name} ({origin}) to visit {cities} from {first} to {last} at the head of a delegation.")
INVITES_MEMBER = N_(
    "{host} cordially invites {name} ({origin}), a member of the delegation led by {head}, to visit {cities} from {first} to {last}."
)
PURPOSE = N_("The purpose of the visit: {purpose}")
SITES = N_("The programme includes visits to {sites}.")
COSTS: dict[CostBearer, str] = {
    CostBearer.GUESTS: N_("The delegation bears all costs of its journey and stay."),
    CostBearer.HOST_LOCAL: N_(
        "{host} bears the costs of accommodation, meals and local transport during the visit; "
        "the delegation bears the costs of its international travel."
    ),
    CostBearer.HOST_ALL: N_("{host} bears all costs of the journey and the stay."),
}
REQUEST = N_("We kindly ask you to issue the visas the invited persons need for this visit.")
CLOSING = N_("Yours faithfully,")
INVITED = N_("Invited persons")
PAGE_OF = N_("Page {page} of {pages}")
COLUMNS = (N_("No."), N_("Name"), N_("Sex"), N_("Date and place of birth"), N_("Nationality"), N_("Passport"))
ISSUED = N_("issued {date}")
VALID_UNTIL = N_("valid until {expiry}")
SEX_LABELS: dict[Sex, str] = {Sex.FEMALE: N_("Female"), Sex.MALE: N_("Male"), Sex.DIVERSE: N_("Diverse"), Sex.UNKNOWN: ""}


def invitation_pdf(
    db: Database, trip_id: int, out_path: str | os.PathLike[str], *, membership_id: int | None = None,
    costs: CostBearer | str = CostBearer.GUESTS, language: Language | str | None = None, second: Language | str | None = "auto",
    letterhead: str = "", issued: date | None = None, paper_size: Paper | str = Paper.A4,
) -> Path:
    """Write the invitation letter (for the delegation, or for one member) to `out_path`, readable by its owner only."""
    view = TripView.load(db, trip_id)
    content = invitation(view, membership_id=membership_id, costs=costs, language=language, second=second)
    data = invitation_document(content, letterhead=letterhead, issued=issued, paper_size=paper_size)
    return write_file(out_path, data, private=True)


def invitation_filename(content: Invitation) -> str:
    """"Letter of invitation – Peter Eisenschmidt.pdf" or "Letter of invitation – <trip title>.pdf", in the first language."""
    lang = content.languages[0]
    about = itinerary_stem(content.invited[0]) if content.one_person else lang.text(content.view.trip.title)
    return f"{safe_stem(f'{lang.t(LETTER)} – {about}', 'invitation')}.pdf"


def invitation_document(content: Invitation, *, letterhead: str = "", issued: date | None = None,
                        paper_size: Paper | str = Paper.A4) -> bytes:
    register_fonts()
    size = paper(paper_size)
    day = issued or date.today()
    width = content_width(size)
    first = content.languages[0]
    story: list[Flowable] = [*_letterhead(content, letterhead), Spacer(1, 6 * mm)]
    story.append(para(esc("  ·  ".join(formatting.long_date(day, lang.locale) for lang in content.languages)), STYLES.small))
    story += [Spacer(1, 6 * mm), strong(" / ".join(_unique(lang.t(LETTER) for lang in content.languages)), STYLES.section), Spacer(1, 4 * mm)]
    for index, lang in enumerate(content.languages):
        if index:
            story.append(Separator(above=5 * mm, below=5 * mm))
        story += _letter_text(content, lang)
    story += [Spacer(1, 8 * mm), *_invited_table(content, width)]
    host_org = first.text(content.host.person.organisation)
    title = " / ".join(_unique(lang.t(LETTER) for lang in content.languages))
    names = ", ".join(reference(Addressee.of(m.person), first.language) for m in content.invited[:3])
    decoration = Decoration(
        header_left=host_org, header_right=title, footer_left=formatting.long_date(day, first.locale),
        page_label=lambda page, pages: first.t(PAGE_OF, page=formatting.integer(page, first.locale), pages=formatting.integer(pages, first.locale)),
    )
    metadata = Metadata(title=f"{title} – {first.text(content.view.trip.title)}", author=host_org or title,
                        subject=f"{first.t(LETTER)}: {names}", language_tag=first.tag)
    return render(story, decoration=decoration, metadata=metadata, size=size)


def _unique(texts: object) -> list[str]:
    found: list[str] = []
    for text in texts:  # type: ignore[attr-defined]
        if text not in found:
            found.append(text)
    return found


def _letterhead(content: Invitation, extra: str) -> list[Flowable]:
    """The host organisation in each language, any lines the planner adds (address, telephone), a rule."""
    person = content.host.person
    lines = _unique(lang.text(person.organisation) for lang in content.languages if lang.text(person.organisation))
    story: list[Flowable] = []
    for n, line in enumerate(lines):
        story.append(strong(line, STYLES.day) if n == 0 else para(esc(line), STYLES.item_second))
    for line in (extra or "").splitlines():
        if line.strip():
            story.append(para(esc(line.strip()), STYLES.small))
    story.append(rule(thickness=1.2, color=ACCENT, before=2 * mm, after=0))
    return story


def _letter_text(content: Invitation, lang: DocumentLanguage) -> list[Flowable]:
    trip = content.view.trip
    # Every sentence that names the host starts with it: "Die Landeshauptstadt Hannover lädt …", "The City of Hannover …".
    organisation = lang.text(content.host.person.organisation)
    host = as_subject(organisation, lang.language) if organisation else reference(Addressee.of(content.host.person), lang.language)
    head = content.head
    origin = lang.text(head.person.organisation) if head is not None else lang.text(trip.organiser)
    cities = _join(content.cities(lang), lang)
    assert trip.first_day is not None and trip.last_day is not None
    dates = {"first": formatting.long_date(trip.first_day, lang.locale), "last": formatting.long_date(trip.last_day, lang.locale)}
    head_name = reference(Addressee.of(head.person), lang.language, oblique=True) if head is not None else ""
    if content.one_person:
        member = content.invited[0]
        name = reference(Addressee.of(member.person), lang.language, oblique=True)
        greeting = salutation(Addressee.of(member.person), lang.language)
        own = lang.text(member.person.organisation) or origin
        if head is None or member.id == head.id:
            body = lang.t(INVITES_HEAD, host=host, name=name, origin=own, cities=cities, **dates)
        else:
            body = lang.t(INVITES_MEMBER, host=host, name=name, origin=own, head=head_name, cities=cities, **dates)
    else:
        greeting = lang.t(TO_AUTHORITIES)
        template = INVITES_DELEGATION if head is not None else INVITES_DELEGATION_NO_HEAD
        body = lang.t(template, host=host, origin=origin, head=head_name, cities=cities, **dates)
    paragraphs = [body]
    purpose = lang.text(trip.purpose)
    if purpose:
        paragraphs.append(lang.t(PURPOSE, purpose=purpose))
    sites = [lang.text(v.name) for v in content.sites()]
    if sites:
        paragraphs.append(lang.t(SITES, sites=_join(sites, lang)))
    paragraphs += [lang.t(COSTS[content.costs], host=host), lang.t(REQUEST)]
    story: list[Flowable] = [para(esc(greeting), STYLES.cover_text), Spacer(1, 3 * mm)]
    for text in paragraphs[:-1]:
        story += [para(esc(text), STYLES.cover_text), Spacer(1, 2.5 * mm)]
    signer = content.host.person
    signature = [para(esc(lang.t(CLOSING)), STYLES.cover_text), Spacer(1, 12 * mm),
                 rule(width=60 * mm, thickness=0.5, color=MUTED, before=0, after=1.5 * mm),
                 para(esc(name_in(Addressee.of(signer), lang.language)), STYLES.body)]
    for value in (lang.text(signer.function), lang.text(signer.organisation)):
        if value:
            signature.append(para(esc(value), STYLES.small))
    # The closing and the signature never stand alone at the top of a page: the last paragraph goes with them.
    story.append(KeepTogether([para(esc(paragraphs[-1]), STYLES.cover_text), Spacer(1, 4.5 * mm), *signature]))
    return story


def _join(parts: list[str], lang: DocumentLanguage) -> str:
    return format_list(parts, locale=formatting.babel_locale(lang.locale)) if parts else ""


def _invited_table(content: Invitation, width: float) -> list[Flowable]:
    langs = content.languages
    first = langs[0]

    def both(msgid: str) -> str:
        texts = _unique(lang.t(msgid) for lang in langs)
        return esc(texts[0]) + "".join(f'<br/><font color="{MUTED.hexval()}">{esc(t)}</font>' for t in texts[1:])

    heading = [strong(" / ".join(_unique(lang.t(INVITED) for lang in langs)), STYLES.item_title), Spacer(1, 2.5 * mm)]
    widths = [8 * mm, 0.0, 14 * mm, 28 * mm, 22 * mm, 34 * mm]
    # No heading word may break inside itself ("Staatsangehörigkeit", "Geschlecht", "Männlich"):
    # a column is at least as wide as its longest word plus the gap to the next column.
    words = {i: [w for lang in langs for w in lang.t(COLUMNS[i]).split()] for i in range(len(COLUMNS))}
    words[2] += [w for lang in langs for label in SEX_LABELS.values() if label for w in lang.t(label).split()]
    # Nor may a value ("United Kingdom" once broke as "United Kingdo / m"): the invited's places and countries count too.
    words[3] += [w for m in content.invited for w in m.person.birth_place.split()]
    words[4] += [w for m in content.invited for lang in langs for w in formatting.country_name(m.person.nationality, lang.locale).split()]
    style = STYLES.cell_head
    for i in (0, 2, 3, 4, 5):
        longest = max((text_width(w, style.fontSize) for w in words[i]), default=0.0)
        widths[i] = max(widths[i], longest + 2 * mm + 1)
    widths[1] = width - sum(widths)
    rows: list[list[object]] = [[para(both(label), STYLES.cell_head) for label in COLUMNS]]
    for number, member in enumerate(content.invited, start=1):
        rows.append(_person_row(number, member, langs, first))
    table = ruled_table(rows, widths, gap=2 * mm, compact=True)
    return [*heading, table]


def _person_row(number: int, member: Member, langs: tuple[DocumentLanguage, ...], first: DocumentLanguage) -> list[object]:
    person = member.person
    latin = display_name(person.family_name, person.given_name, person.native_name)
    name: list[Flowable] = [strong(latin, STYLES.cell)]
    if person.native_name and person.native_name != latin:
        name.append(para(esc(person.native_name), STYLES.cell))
    for value in (first.text(person.function), first.text(person.organisation)):
        if value:
            name.append(para(esc(value), STYLES.label))
    sex = "<br/>".join(esc(t) for t in _unique(lang.t(SEX_LABELS[Sex(person.sex)]) for lang in langs) if t) if person.sex else ""
    born = [formatting.short_date(person.birth_date, first.locale) if person.birth_date else "", person.birth_place]
    nationality = "<br/>".join(esc(t) for t in _unique(formatting.country_name(person.nationality, lang.locale) for lang in langs) if t)
    passport = [esc(person.passport_number)]
    if person.passport_issued is not None:
        passport.append(esc(first.t(ISSUED, date=formatting.short_date(person.passport_issued, first.locale))))
    if person.passport_expiry is not None:
        passport.append(esc(first.t(VALID_UNTIL, expiry=formatting.short_date(person.passport_expiry, first.locale))))
    return [
        para(esc(formatting.integer(number, first.locale)), STYLES.cell_head),
        name,
        para(sex, STYLES.cell),
        para("<br/>".join(esc(p) for p in born if p), STYLES.cell),
        para(nationality, STYLES.cell),
        para("<br/>".join(p for p in passport if p), STYLES.cell),
    ]
