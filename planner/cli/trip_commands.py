"""CLI commands that make trips out of trips: duplicate-trip.

`planner duplicate-trip --trip ID --first-day YYYY-MM-DD [--title T]` copies a
trip as the template of a new one (see services.trip_copy). The title typed
is the title in the message language; the other language variants of the old
title are kept, marked "(copy)" in their own language, so that no document
shows the old trip's name by mistake.
"""

from __future__ import annotations

import argparse

from planner.cli.registry import command, say, trip_parser
from planner.db.engine import Database
from planner.domain.validation import parse_date
from planner.i18n import _, current_language, ngettext


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = trip_parser(sub, "duplicate-trip", _("copy a trip with its delegation and programme to new dates"))
    p.add_argument("--first-day", required=True, metavar="YYYY-MM-DD", help=_("the first day of the copy; every item moves with it"))
    p.add_argument(
        "--title", default=None, metavar="T",
        help=_("the copy's title in the message language (default: the old title with “(copy)”)"),
    )


@command("duplicate-trip")
def duplicate_trip_command(args: argparse.Namespace, db: Database) -> int:
    from planner.formatting import date_range
    from planner.services.trip_copy import copy_title, duplicate_trip
    from planner.services.trips import get_trip

    first_day = parse_date(args.first_day, "first_day")
    original = get_trip(db, args.trip)
    title = copy_title(original.title)
    if args.title is not None:
        title = title.replace(current_language(), args.title)
    change = duplicate_trip(db, args.trip, title=title, first_day=first_day)
    copy = change.after
    assert copy.first_day is not None and copy.last_day is not None
    members = sum(1 for c in change.related if c.entity == "membership")
    items = sum(1 for c in change.related if c.entity == "item")
    say(
        _("Created trip {id}: {title} ({dates}; {members}, {items})").format(
            id=change.id, title=copy.title.text(current_language()), dates=date_range(copy.first_day, copy.last_day),
            members=ngettext("{n} member", "{n} members", members).format(n=members),
            items=ngettext("{n} item", "{n} items", items).format(n=items),
        )
    )
    return 0
