"""Reading the briefing parts of a trip file: item briefings, biographies and portraits, follow-ups.

Portraits arrive base64-encoded and are cleaned exactly as a portrait loaded
in the window is (planner.domain.portraits): a file from elsewhere may carry
a photo with its GPS position, and the planner never stores that.
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING, Any

from planner.domain.briefing import FollowUpData, FollowUpStatus, ItemBriefingData, ProfileData, ProfileOwner
from planner.domain.errors import ValidationError
from planner.domain.localized import LocalizedText
from planner.domain.portraits import Portrait, clean_portrait
from planner.i18n import N_
from planner.importing.tripfile_errors import Location

if TYPE_CHECKING:
    from planner.importing.tripfile_reader import TripDocumentReader, _Keys


def read_profile(reader: TripDocumentReader, record: dict[str, Any], where: Location, owner: ProfileOwner,
                 owner_id: int) -> ProfileData | None:
    """The biography and portrait of a person or contact entry; None when it has neither (or they are wrong)."""
    biography = reader.text(record, where, "biography")
    portrait = _portrait(reader, record, where)
    if biography.is_empty() and portrait is None:
        return None
    data = ProfileData(id=owner_id, owner=owner, biography=biography, portrait=portrait)
    return reader.validated(where, data.validated)


def _portrait(reader: TripDocumentReader, record: dict[str, Any], where: Location) -> Portrait | None:
    value = reader.get(record, where, "portrait", None)
    if not isinstance(value, dict):
        return None
    at = where + ("portrait",)
    try:
        raw = base64.b64decode(reader.get(value, at, "data", ""), validate=True)
    except (binascii.Error, ValueError):
        reader.problem(at + ("data",), N_("The portrait data is not base64 text."))
        return None
    try:
        return clean_portrait(raw)
    except ValidationError as error:
        reader.problem(at, error.msgid, **error.params)
        return None


def read_briefing(reader: TripDocumentReader, record: dict[str, Any], where: Location, item_id: int) -> ItemBriefingData | None:
    value = reader.get(record, where, "briefing", None)
    if not isinstance(value, dict):
        return None
    at = where + ("briefing",)
    data = ItemBriefingData(id=item_id, **{name: reader.text(value, at, name) for name, _label in ItemBriefingData.FIELDS})
    if data.is_empty():
        return None
    return reader.validated(at, data.validated)


def read_follow_ups(reader: TripDocumentReader, person_keys: _Keys, programme: int) -> list[FollowUpData]:
    """The trip's follow-ups; "i<n>" names the n-th programme entry, whose stand-in id is n."""
    found: list[FollowUpData] = []
    for where, record in reader.records("follow_ups"):
        who_person_id, known = reader.person_ref(record, where, "who_person", person_keys)
        if not known:
            continue
        item = reader.get(record, where, "item", None)
        item_id = None
        if isinstance(item, str):
            n = int(item[1:])
            if n > programme:
                reader.problem(where + ("item",), N_("“{value}” does not name a programme entry: “programme” has no entry {number}."),
                               value=item, number=n)
                continue
            item_id = n
        data = FollowUpData(
            trip_id=0, what=reader.text(record, where, "what"), who_person_id=who_person_id, who=reader.get(record, where, "who", ""),
            due=reader.day(record, where, "due"), status=FollowUpStatus(reader.get(record, where, "status", FollowUpStatus.OPEN.value)),
            item_id=item_id, origin=LocalizedText.from_mapping(reader.get(record, where, "origin", {})),
            agreed_on=reader.day(record, where, "agreed_on"),
        )
        checked = reader.validated(where, data.validated)
        if checked is not None:
            found.append(checked.evolve(trip_id=None))
    return found
