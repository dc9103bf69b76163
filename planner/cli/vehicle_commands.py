"""CLI commands for the vehicles: the drivers' manifests, one PDF per vehicle and day."""

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
    p = trip_parser(sub, "export-manifest", _("print a manifest for the driver of each vehicle and day (PDF)"))
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("the folder for the PDF files (created if missing)"))
    p.add_argument("--day", type=_day, default=None, metavar="YYYY-MM-DD", help=_("only this day (default: every day with rides)"))
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), default=None,
                   help=_("the driver's language (default: the language of the country the trip goes to)"))


@command("export-manifest")
def export_manifest(args: argparse.Namespace, db: Database) -> int:
    from planner.export.pdf.manifest import manifest_pdfs

    wrote(manifest_pdfs(db, args.trip, args.out, day=args.day, language=args.doc_lang))
    return 0
