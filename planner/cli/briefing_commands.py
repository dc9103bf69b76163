"""CLI commands for the briefing side: the briefing book (PDF) and the list of follow-ups."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.registry import command, trip_parser, wrote
from planner.cli.registry import say as _print
from planner.db.engine import Database
from planner.i18n import _, current_language


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = trip_parser(sub, "export-briefing", _("write the internal briefing book of a trip (PDF; never for participants)"))
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), default=None, help=_("the reader's language (default: the interface's)"))

    trip_parser(sub, "follow-ups", _("list the follow-ups of a trip: open ones first, by due date"))


@command("export-briefing")
def export_briefing(args: argparse.Namespace, db: Database) -> int:
    from planner.export.pdf.briefing import briefing_pdf

    wrote([briefing_pdf(db, args.trip, args.out, language=args.doc_lang or current_language())])
    return 0


@command("follow-ups")
def follow_ups_command(args: argparse.Namespace, db: Database) -> int:
    from planner.export.follow_up_list import follow_up_rows, follow_up_text

    rows = follow_up_rows(db, args.trip, current_language())
    if not rows:
        _print(_("This trip has no follow-ups yet."))
        return 0
    for line in follow_up_text(rows, current_language()):
        _print(line)
    return 0
