"""The gift register of a trip as a list: what was given and received, when, from whom, to whom, worth how much.

Public officials must declare gifts above a limit, so the list is for the
compliance office: one row per gift in programme order, both sides named
("from" and "to"), the estimated value with its currency, and the totals per
direction and currency. As CSV or Excel (cells guarded against formulas like
the member list) or as PDF (planner.export.pdf.gifts).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from planner import formatting
from planner.db.engine import Database
from planner.domain.address import Addressee, reference
from planner.domain.entities import ItemData
from planner.domain.enums import GiftDirection, Language
from planner.domain.errors import PlannerError
from planner.domain.names import is_cjk
from planner.domain.protocol import GiftData
from planner.export.language import DocumentLanguage
from planner.export.member_list import Cell, render_csv, render_xlsx
from planner.export.tripfile import write_atomically
from planner.export.tripview import TripView
from planner.i18n import N_

THE_DELEGATION = N_("The delegation")
GIFT_REGISTER = N_("Gift register")
HEADERS = (N_("Date"), N_("Programme item"), N_("Given or received"), N_("Gift"), N_("From"), N_("To"), N_("Estimated value"),
           N_("Currency"), N_("Notes"))
DIRECTIONS: dict[GiftDirection, str] = {GiftDirection.GIVEN: N_("Given"), GiftDirection.RECEIVED: N_("Received")}


@dataclass(frozen=True, slots=True)
class GiftLine:
    """One gift as the list shows it, worded in one language."""

    gift: GiftData
    item: ItemData
    when: datetime  # local start of the item
    direction: str
    description: str
    giver: str
    recipient: str


def gift_lines(view: TripView, lang: DocumentLanguage) -> list[GiftLine]:
    """Every gift of the trip in programme order, the delegation's side named by its member's form of address."""
    items = {item.id: item for item in view.items}
    lines: list[GiftLine] = []
    for gift in view.bundle.gifts:
        item = items.get(gift.item_id)
        if item is None:
            continue
        ours = (reference(Addressee.of(view.member(gift.member_id).person), lang.language)
                if gift.member_id is not None else lang.t(THE_DELEGATION))
        theirs = counterpart(view, item, gift.counterpart, lang)
        giver, recipient = (ours, theirs) if gift.direction is GiftDirection.GIVEN else (theirs, ours)
        lines.append(GiftLine(gift, item, item.local_start(), lang.t(DIRECTIONS[gift.direction]), lang.text(gift.description), giver, recipient))
    order = {item.id: n for n, item in enumerate(view.items)}
    return sorted(lines, key=lambda line: (order[line.item.id], line.gift.id or 0))


def counterpart(view: TripView, item: ItemData, text: str, lang: DocumentLanguage) -> str:
    """The other party in the document's language where the text names someone the trip knows, else as entered.

    The counterpart is free text ("Vice-Mayor Lin Zhiyuan (林志远), Shenzhen Municipal People's Government"),
    usually typed in one language. When it names a member of the trip (a host, or the visiting principal) or a
    contact of the item's venue, that person is named as the document's reader names them: "Herr
    Oberbürgermeister Schostok", "林志远（深圳市副市长）"; when it is the organisation of someone on the trip,
    the organisation's name in that language. Anything else is printed as it was entered.
    """
    folded = text.casefold()
    for member in view.members:
        person = member.person
        native = person.native_name.strip()
        latin = f"{person.given_name} {person.family_name}".strip().casefold()
        chinese_order = f"{person.family_name} {person.given_name}".strip().casefold()
        if (native and native in text) or (person.given_name and (latin in folded or chinese_order in folded)):
            return reference(Addressee.of(person), lang.language)
    venue = view.venue(item)
    contacts = [c for c in (view.host(item), *(venue.contacts if venue is not None else ())) if c is not None]
    for contact in contacts:
        native = contact.native_name.strip()
        if (native and native in text) or (contact.name.strip() and contact.name.strip().casefold() in folded):
            name = native if lang.language is Language.ZH and native and is_cjk(native) else contact.name
            function = lang.text(contact.function)
            if not function:
                return name
            return f"{name}（{function}）" if lang.language is Language.ZH else f"{name}, {function}"
    for member in view.members:  # an organisation of someone on the trip, as entered in any language
        organisation = member.person.organisation
        if folded.strip() in {variant.casefold() for variant in (organisation.de, organisation.zh, organisation.en) if variant}:
            return lang.text(organisation)
    return _names_in_reading_order(text, lang.language)


_GLOSSED = re.compile(r"^(?P<first>[^()（）]+?)\s*[(（](?P<second>[^()（）]+)[)）]$")


def _names_in_reading_order(text: str, language: Language) -> str:
    """A name entered with its other script in brackets, turned for the reader: "Fantawild Holdings (华强方特)" is
    "华强方特（Fantawild Holdings）" in a Chinese document, and "华强方特（Fantawild Holdings）" is
    "Fantawild Holdings (华强方特)" in a German or English one; any other text as entered."""
    match = _GLOSSED.match(text.strip())
    if match is None:
        return text
    first, second = match["first"].strip(), match["second"].strip()
    if is_cjk(first) == is_cjk(second):
        return text
    chinese, latin = (first, second) if is_cjk(first) else (second, first)
    return f"{chinese}（{latin}）" if language is Language.ZH else f"{latin} ({chinese})"


def totals(lines: Sequence[GiftLine]) -> dict[tuple[GiftDirection, str], Decimal]:
    """The estimated values added up per direction and currency (gifts without an estimate count as nothing)."""
    found: dict[tuple[GiftDirection, str], Decimal] = {}
    for line in lines:
        if line.gift.value is not None:
            key = (line.gift.direction, line.gift.currency)
            found[key] = found.get(key, Decimal(0)) + line.gift.value
    return found


def gift_table(view: TripView, lang: DocumentLanguage, *, spreadsheet: bool) -> tuple[list[str], list[list[Cell | float]]]:
    """The header and rows; in a spreadsheet the value is a number, in CSV text in the language's format."""
    headers = [lang.t(h) for h in HEADERS]
    rows: list[list[Cell | float]] = []
    for line in gift_lines(view, lang):
        value: Cell | float = None
        if line.gift.value is not None:
            value = float(line.gift.value) if spreadsheet else formatting.decimal(float(line.gift.value), lang.locale)
        rows.append([
            line.when.date(), lang.text(line.item.title), line.direction, line.description, line.giver, line.recipient,
            value, line.gift.currency, line.gift.notes,
        ])
    return headers, rows


def write_gift_list(db: Database, trip_id: int, path: str | os.PathLike[str], *, language: Language | str = Language.EN,
                    delimiter: str = ";") -> Path:
    """Write the trip's gift register to `path`: .csv, .xlsx or .pdf."""
    target = Path(path).expanduser()
    view = TripView.load(db, trip_id)
    lang = DocumentLanguage.of(language)
    suffix = target.suffix.lower()
    if suffix == ".pdf":
        from planner.export.pdf.gifts import gifts_document

        data = gifts_document(view, language=lang.language)
    elif suffix in (".csv", ".xlsx"):
        headers, rows = gift_table(view, lang, spreadsheet=suffix == ".xlsx")
        if suffix == ".csv":
            data = render_csv(headers, rows, delimiter=delimiter)  # type: ignore[arg-type]
        else:
            data = render_xlsx(headers, rows, title=lang.t(GIFT_REGISTER))  # type: ignore[arg-type]
    else:
        raise PlannerError(N_("Please name the gift list .csv, .xlsx or .pdf, not “{name}”."), name=target.name)
    write_atomically(target, data, private=True)  # recipients and values
    return target
