"""CLI commands for the trip's logistics: rooming lists for the hotels, drivers' manifests, the arrivals list."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from planner.cli.registry import command, trip_parser, wrote
from planner.db.engine import Database
from planner.i18n import _


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{value}” is not a date in the form YYYY-MM-DD").format(value=value)) from None


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = trip_parser(sub, "export-rooming", _("write the rooming list of a hotel as PDF or Excel (.xlsx), for the hotel"))
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.xlsx",
                   help=_("the file; with several hotels and no --hotel, the others are numbered -2, -3, …"))
    p.add_argument("--hotel", type=int, default=None, metavar="ID", help=_("the hotel (a venue id); default: every hotel of the trip"))
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), default=None,
                   help=_("the first language (default: the hotel's), with English beside it"))
    p.add_argument("--order", choices=("precedence", "name"), default="precedence",
                   help=_("rooms in the order of precedence (default) or by the guests' names"))

    p = trip_parser(sub, "export-manifest", _("print a manifest for the driver of each vehicle and day (PDF)"))
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("the folder for the PDF files (created if missing)"))
    p.add_argument("--day", type=_day, default=None, metavar="YYYY-MM-DD", help=_("only this day (default: every day with rides)"))
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), default=None,
                   help=_("the driver's language (default: the language of the country the trip goes to)"))

    p = trip_parser(sub, "export-arrivals", _("write the arrivals and departures of a trip, in time order, as PDF or Excel (.xlsx)"))
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.xlsx")
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), default=None,
                   help=_("language of the list; default: the language of the country the trip goes to"))


@command("export-rooming")
def export_rooming(args: argparse.Namespace, db: Database) -> int:
    from planner.export.rooming_list import write_rooming_list

    wrote(write_rooming_list(db, args.trip, args.out, hotel_id=args.hotel, language=args.doc_lang, order=args.order))
    return 0


@command("export-manifest")
def export_manifest(args: argparse.Namespace, db: Database) -> int:
    from planner.export.pdf.manifest import manifest_pdfs

    wrote(manifest_pdfs(db, args.trip, args.out, day=args.day, language=args.doc_lang))
    return 0


@command("export-arrivals")
def export_arrivals(args: argparse.Namespace, db: Database) -> int:
    from planner.export.arrivals import write_arrivals

    wrote([write_arrivals(db, args.trip, args.out, language=args.doc_lang)])
    return 0
