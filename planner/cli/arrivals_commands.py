"""CLI command for the hosts' arrivals list: every member's own flights and trains and the delegation's journeys."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.registry import command, trip_parser, wrote
from planner.db.engine import Database
from planner.i18n import _


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = trip_parser(sub, "export-arrivals", _("write the arrivals and departures of a trip, in time order, as PDF or Excel (.xlsx)"))
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.xlsx")
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), default=None,
                   help=_("language of the list; default: the language of the country the trip goes to"))


@command("export-arrivals")
def export_arrivals(args: argparse.Namespace, db: Database) -> int:
    from planner.export.arrivals import write_arrivals

    wrote([write_arrivals(db, args.trip, args.out, language=args.doc_lang)])
    return 0
