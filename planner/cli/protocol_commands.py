"""CLI commands for the protocol office: taxi cards, invitation letters, seating plans, the gift list and the
hosts' delegation list."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from planner.cli.registry import command, trip_parser
from planner.cli.registry import say as _print
from planner.db.engine import Database
from planner.i18n import _, current_language


def _doc_language(value: str | None) -> str:
    return value or current_language()


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = trip_parser(sub, "export-cards", _("print a taxi card for every site of the programme (PDF)"))
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--four-up", action="store_true", help=_("four A6 cards on each A4 sheet, to cut"))
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), default=None, help=_("the traveller's language for the small lines"))
    _add_invitation_parser(sub)

    p = trip_parser(sub, "export-seating", _("print seating plans as PDF: one item's (saved or proposed) or every saved one"))
    p.add_argument("--item", type=int, default=None, metavar="ID", help=_("the programme item; default: every item with a saved plan"))
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), default=None, help=_("language of the document"))
    p.add_argument("--bilingual", choices=("de", "zh", "en"), default=None, metavar="LANG", help=_("print a second language beside the first"))
    p.add_argument("--table-size", type=int, default=10, metavar="N",
                   help=_("chairs at each round table when a banquet's plan is proposed (default: 10)"))

    p = trip_parser(sub, "export-gifts", _("write the gift register of a trip as CSV, Excel (.xlsx) or PDF"))
    p.add_argument("--out", type=Path, required=True, metavar="FILE.csv|FILE.xlsx|FILE.pdf")
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), default=None, help=_("language of the headers and words in the list"))
    p.add_argument(
        "--delimiter", choices=("semicolon", "comma"), default="semicolon",
        help=_("the CSV delimiter: semicolon (German Excel) or comma (English Excel)"),
    )


    p = trip_parser(sub, "export-delegation-list", _("write the delegation list for the hosts (PDF): members in order of precedence"))
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), required=True, metavar="LANG",
                   help=_("the hosts' language, printed first"))
    p.add_argument("--second", choices=("de", "zh", "en"), default=None, metavar="LANG",
                   help=_("the language printed beside it (default: the delegation's own)"))
    p.add_argument("--no-portraits", action="store_true", help=_("leave the portraits out"))


def _member_or_all(value: str) -> str | int:
    word = value.strip().lower()
    if word == "all":
        return word
    try:
        number = int(word)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(_("“{value}” is not a member id or “all”").format(value=value))
    return number


def _add_invitation_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = trip_parser(sub, "export-invitation", _("write the host's letter of invitation for the visa applications (PDF)"))
    p.add_argument("--out", type=Path, required=True, metavar="FILE|DIR",
                   help=_("the PDF file; with --member all, the folder for one letter per person"))
    p.add_argument("--member", type=_member_or_all, default=None, metavar="ID|all",
                   help=_("one letter for this member, or one for each invited member; default: one letter for the whole delegation"))
    p.add_argument("--costs", choices=("guests", "host-local", "host-all"), default="guests",
                   help=_("who bears the costs: the guests, the host for the stay, or the host for everything"))
    p.add_argument("--lang", dest="doc_lang", choices=("de", "zh", "en"), default=None,
                   help=_("the first language (default: the host country's)"))
    p.add_argument("--second", choices=("de", "zh", "en", "none"), default="auto", help=_("the second language (default: English)"))
    p.add_argument("--letterhead", default="", metavar="TEXT", help=_("lines added under the host's name, e.g. the address (\\n between lines)"))
    p.add_argument("--date", type=_iso_date, default=None, metavar="YYYY-MM-DD", help=_("the date of the letter (default: today)"))


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{value}” is not a date in the form YYYY-MM-DD").format(value=value)) from None


@command("export-invitation")
def export_invitation(args: argparse.Namespace, db: Database) -> int:
    from planner.export.invitation import invitation
    from planner.export.pdf.filenames import output_folder
    from planner.export.pdf.letter import invitation_filename, invitation_pdf
    from planner.export.tripview import TripView

    second = None if args.second == "none" else args.second
    letterhead = args.letterhead.replace("\\n", "\n")
    options = {"costs": args.costs, "language": args.doc_lang, "second": second, "letterhead": letterhead, "issued": args.date}
    if args.member == "all":
        folder = output_folder(args.out)
        view = TripView.load(db, args.trip)
        every = invitation(view, costs=args.costs)
        paths = []
        for member in every.invited:
            one = invitation(view, membership_id=member.id, costs=args.costs, language=args.doc_lang, second=second)
            paths.append(invitation_pdf(db, args.trip, folder / invitation_filename(one), membership_id=member.id, **options))
    else:
        paths = [invitation_pdf(db, args.trip, args.out, membership_id=args.member, **options)]
    for path in paths:
        _print(_("Wrote {path}").format(path=path))
    return 0


@command("export-cards")
def export_cards(args: argparse.Namespace, db: Database) -> int:
    from planner.export.pdf.cards import cards_pdf

    path = cards_pdf(db, args.trip, args.out, language=_doc_language(args.doc_lang), four_up=args.four_up)
    _print(_("Wrote {path}").format(path=path))
    return 0


@command("export-seating")
def export_seating(args: argparse.Namespace, db: Database) -> int:
    from planner.export.pdf.seating import seating_pdf

    path = seating_pdf(db, args.trip, args.out, item_id=args.item, language=_doc_language(args.doc_lang), second=args.bilingual,
                       table_size=args.table_size)
    _print(_("Wrote {path}").format(path=path))
    return 0


@command("export-gifts")
def export_gifts(args: argparse.Namespace, db: Database) -> int:
    from planner.export.gift_list import write_gift_list

    path = write_gift_list(db, args.trip, args.out, language=_doc_language(args.doc_lang),
                           delimiter=";" if args.delimiter == "semicolon" else ",")
    _print(_("Wrote {path}").format(path=path))
    return 0


@command("export-delegation-list")
def export_delegation_list(args: argparse.Namespace, db: Database) -> int:
    from planner.export.pdf.delegation_list import delegation_language, delegation_list_pdf
    from planner.export.tripview import TripView

    second = args.second or delegation_language(TripView.load(db, args.trip))
    path = delegation_list_pdf(db, args.trip, args.out, language=args.doc_lang, second=second, portraits=not args.no_portraits)
    _print(_("Wrote {path}").format(path=path))
    return 0
