"""CLI commands for the briefing side: the briefing book (PDF) and the list of follow-ups."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli.registry import Commands
from planner.db.engine import Database
from planner.i18n import _, current_language

#: Command name -> handler, merged into the CLI's commands by planner.cli.main.
COMMANDS = Commands()
_command = COMMANDS.command


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export-briefing", help=_("write the internal briefing book of a trip (PDF; never for participants)"))
    p.add_argument("--trip", type=int, required=True, metavar="ID")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), default=None, help=_("the reader's language (default: the interface's)"))

    p = sub.add_parser("follow-ups", help=_("list the follow-ups of a trip: open ones first, by due date"))
    p.add_argument("--trip", type=int, required=True, metavar="ID")


@_command("export-briefing")
def export_briefing(args: argparse.Namespace, db: Database) -> int:
    from planner.export.pdf.briefing import briefing_pdf

    path = briefing_pdf(db, args.trip, args.out, language=args.doc_lang or current_language())
    _print(_("Wrote {path}").format(path=path))
    return 0


@_command("follow-ups")
def follow_ups_command(args: argparse.Namespace, db: Database) -> int:
    from planner.export.follow_up_list import follow_up_rows, follow_up_text

    rows = follow_up_rows(db, args.trip, current_language())
    if not rows:
        _print(_("This trip has no follow-ups yet."))
        return 0
    for line in follow_up_text(rows, current_language()):
        _print(line)
    return 0
