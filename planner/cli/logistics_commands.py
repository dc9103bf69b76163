"""CLI commands for the trip's logistics: the rooming list for each hotel."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli.registry import Commands
from planner.db.engine import Database
from planner.i18n import _

#: Command name -> handler, merged into the CLI's commands by planner.cli.main.
COMMANDS = Commands()
_command = COMMANDS.command


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export-rooming", help=_("write the rooming list of a hotel as PDF or Excel (.xlsx), for the hotel"))
    p.add_argument("--trip", type=int, required=True, metavar="ID")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.xlsx",
                   help=_("the file; with several hotels and no --hotel, the others are numbered -2, -3, …"))
    p.add_argument("--hotel", type=int, default=None, metavar="ID", help=_("the hotel (a venue id); default: every hotel of the trip"))
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), default=None,
                   help=_("the first language (default: the hotel's), with English beside it"))
    p.add_argument("--order", choices=("precedence", "name"), default="precedence",
                   help=_("rooms in the order of precedence (default) or by the guests' names"))


@_command("export-rooming")
def export_rooming(args: argparse.Namespace, db: Database) -> int:
    from planner.export.rooming_list import write_rooming_list

    for path in write_rooming_list(db, args.trip, args.out, hotel_id=args.hotel, language=args.doc_lang, order=args.order):
        sys.stdout.write(_("Wrote {path}").format(path=path) + "\n")
    return 0
