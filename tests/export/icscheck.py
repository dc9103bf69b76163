"""A strict reading of a calendar file: icalendar's parser reports no error, and every property a client needs is there.

icalendar parses leniently and records what it could not read in each
component's `errors`; these are asserted empty. On top, RFC 5545 (and RFC
5546 for METHOD:PUBLISH) are checked by hand: CRLF line ends and folding,
the calendar's VERSION, PRODID and METHOD, and for every event exactly one
UID, DTSTAMP in UTC, DTSTART, DTEND not before it, SUMMARY, a SEQUENCE that
is a whole number, a known STATUS, LAST-MODIFIED in UTC where given, unique
UIDs, and a VTIMEZONE for every TZID used.
"""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar, Event

REQUIRED_ONCE = ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "STATUS")
STATUSES = {"TENTATIVE", "CONFIRMED", "CANCELLED"}


def strict_events(data: bytes) -> dict[str, Event]:
    """The events of a calendar file by UID, after every check above (AssertionError naming the first failure)."""
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines), "bare line ends"
    assert all(len(line) <= 75 for line in lines), "a line is longer than 75 octets"
    calendar = Calendar.from_ical(data)
    for component in calendar.walk():
        assert not component.errors, (component.name, component.errors)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"]) and str(calendar["METHOD"]) == "PUBLISH"
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    found: dict[str, Event] = {}
    for event in calendar.walk("VEVENT"):
        for name in REQUIRED_ONCE:
            assert name in event, f"{name} missing in {event.get('UID')}"
            assert not isinstance(event[name], list), f"{name} given twice in {event.get('UID')}"
        uid = str(event["UID"])
        assert uid not in found, f"UID {uid} twice"
        assert event["DTSTAMP"].dt.tzinfo is not None and event["DTSTAMP"].dt.utcoffset().total_seconds() == 0
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert isinstance(start, datetime) and isinstance(end, datetime) and start.tzinfo and end.tzinfo
        assert end >= start, f"{uid} ends before it starts"
        for moment in (event["DTSTART"], event["DTEND"]):
            assert moment.params.get("TZID") in zones, f"{uid}: no VTIMEZONE for {moment.params.get('TZID')}"
        assert isinstance(event["SEQUENCE"], int) and event["SEQUENCE"] >= 0
        assert str(event["STATUS"]) in STATUSES
        if "LAST-MODIFIED" in event:
            assert event["LAST-MODIFIED"].dt.tzinfo is not None and event["LAST-MODIFIED"].dt.astimezone(UTC) == event["LAST-MODIFIED"].dt
        found[uid] = event
    assert found or zones, "a calendar needs at least one component"
    return found
