"""`planner`: the command-line interface beside the window, on the same services.

Every failure the user can act on is one translated line on stderr and a
non-zero exit code; anything unexpected is logged, not dumped as a traceback.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from pathlib import Path

from planner import __version__, logs
from planner.cli import briefing_commands, data_commands, issue_commands, logistics_commands, protocol_commands, trip_commands
from planner.cli.registry import COMMANDS, FILE_COMMANDS, add_printing, command, trip_parser
from planner.cli.registry import error as _error
from planner.cli.registry import say as _print
from planner.db.engine import Database, open_database
from planner.db.integrity import DamagedDatabaseError
from planner.db.server_errors import CONNECTION_LOST_CLI
from planner.domain.errors import ConnectionLostError, PlannerError
from planner.i18n import _, ngettext, set_language, system_language
from planner.paths import default_database_path, user_data_dir

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_PROBLEMS = 3
#: The commands that may create a database; every other one refuses a missing file and creates no folder.
CREATING_COMMANDS = frozenset({"demo", "import-trip"})
#: Commands after which no daily backup is taken: one would hold the details the command is about to erase.
NO_BACKUP_COMMANDS = frozenset({"erase-person"})
LOG_FILE = "planner-cli.log"

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner", description=_("Plan official delegation trips from the command line.")
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", default=None,
        help=_("the planner database: an SQLite file or a PostgreSQL URL (default: {path})").format(path=default_database_path()),
    )
    parser.add_argument("--lang", choices=("de", "zh", "en"), default=None, help=_("language of the messages"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    sub.add_parser("demo", help=_("add the demo trips (Hannover–Shenzhen 2016 and the return visit)"))
    sub.add_parser("list-trips", help=_("list the trips with their ids"))

    p = sub.add_parser("import-trip", help=_("import one trip from a trip file (JSON)"))
    p.add_argument("file", type=Path)

    p = trip_parser(sub, "export-trip", _("export one trip to a trip file (JSON)"))
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--without-private", action="store_true", help=_("leave out personal data (passport, phone, e-mail, needs)"))

    p = trip_parser(sub, "check", _("check one trip for double bookings, tight connections, passports and missing translations"))

    p = trip_parser(sub, "export-pdf", _("print the delegation programme or personal itineraries as PDF"))
    p.add_argument(
        "--member", type=_member_choice, required=True, metavar="ID|all|programme",
        help=_("a delegation member's id, all members, or the programme of the whole trip"),
    )
    add_printing(p, _("language of the documents; auto: each participant's own (the programme: the message language)"))

    p = trip_parser(sub, "export-ics", _("write calendar files (.ics) of the trip or of its members"))
    p.add_argument(
        "--member", type=_member_choice, required=True, metavar="ID|all|programme",
        help=_("a delegation member's id, all members, or the programme of the whole trip"),
    )
    p.add_argument("--lang", dest="doc_lang", choices=("auto", "de", "zh", "en"), default="auto", help=_("language of the calendar texts"))
    p.add_argument("--out", type=Path, required=True, metavar="DIR")

    p = sub.add_parser("import-members", help=_("add the people of a member list (CSV or Excel) to a trip"))
    p.add_argument("file", type=Path)
    p.add_argument("--trip", type=int, required=True, metavar="ID")
    p.add_argument("--dry-run", action="store_true", help=_("check the list and report its problems, but write nothing"))
    p.add_argument("--skip-bad-rows", action="store_true", help=_("import the good rows and skip the rows with problems"))

    p = trip_parser(sub, "export-members", _("write the member list of a trip as CSV or Excel (.xlsx)"))
    p.add_argument("--out", type=Path, required=True, metavar="FILE.csv|FILE.xlsx")
    p.add_argument("--include-private", action="store_true", help=_("include passport numbers, passport expiry and notes"))
    p.add_argument(
        "--delimiter", choices=("semicolon", "comma"), default="semicolon",
        help=_("the CSV delimiter: semicolon (German Excel) or comma (English Excel)"),
    )
    p.add_argument("--lang", dest="list_lang", choices=("de", "zh", "en"), default=None, help=_("language of the headers and words in the list"))
    data_commands.add_parsers(sub)
    trip_commands.add_parsers(sub)
    protocol_commands.add_parsers(sub)
    logistics_commands.add_parsers(sub)
    issue_commands.add_parsers(sub)
    briefing_commands.add_parsers(sub)
    return parser


def _member_choice(value: str) -> str | int:
    """`--member`: "all", "programme" or a membership id."""
    word = value.strip().lower()
    if word in ("all", "programme"):
        return word
    try:
        number = int(word)
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{value}” is not a member id, “all” or “programme”").format(value=value)) from None
    if number <= 0:
        raise argparse.ArgumentTypeError(_("“{value}” is not a member id, “all” or “programme”").format(value=value))
    return number


@command("demo")
def _demo(args: argparse.Namespace, db: Database) -> int:
    from planner.importing.demo import load_demo
    from planner.services.trips import get_trip

    for change in load_demo(db):
        trip = get_trip(db, change.id)
        _print(_("Created trip {id}: {title}").format(id=change.id, title=trip.title.text(_lang())))
    return EXIT_OK


@command("list-trips")
def _list_trips(args: argparse.Namespace, db: Database) -> int:
    from planner.formatting import date_range as format_date_range
    from planner.services.trips import list_trips

    summaries = list_trips(db)
    if not summaries:
        _print(_("No trips yet. Create one in the window, or run `planner demo`."))
        return EXIT_OK
    for s in summaries:
        t = s.trip
        assert t.first_day is not None and t.last_day is not None
        _print(
            "{id:>4}  {dates}  {status:<10}  {title}  ({members}, {items})".format(
                id=t.id, dates=format_date_range(t.first_day, t.last_day), status=t.status.label,
                title=t.title.text(_lang()),
                members=ngettext("{n} member", "{n} members", s.members).format(n=s.members),
                items=ngettext("{n} item", "{n} items", s.items).format(n=s.items),
            )
        )
    return EXIT_OK


@command("import-trip")
def _import_trip(args: argparse.Namespace, db: Database) -> int:
    from planner.importing.tripfile import import_trip_file
    from planner.services.trips import get_trip

    change = import_trip_file(db, args.file)
    trip = get_trip(db, change.id)
    _print(_("Imported trip {id}: {title}").format(id=change.id, title=trip.title.text(_lang())))
    return EXIT_OK


@command("export-trip")
def _export_trip(args: argparse.Namespace, db: Database) -> int:
    from planner.export.tripfile import write_trip_file

    path = write_trip_file(db, args.trip, args.out, include_private=not args.without_private)
    _print(_("Wrote {path}").format(path=path))
    return EXIT_OK


@command("check")
def _check(args: argparse.Namespace, db: Database) -> int:
    """One line per problem, most serious first; exit 1 when any is an error, so scripts can gate on it."""
    from planner.domain.checks import Severity
    from planner.i18n import ngettext
    from planner.services.checks import check_trip

    problems = check_trip(db, args.trip)
    for problem in problems:
        _print(_("{severity}: {message}").format(severity=problem.severity.label, message=problem.message()))
    if not problems:
        _print(_("No problems found."))
        return EXIT_OK
    count = {severity: sum(1 for p in problems if p.severity == severity) for severity in Severity}
    _print(
        _("{errors}, {warnings}, {hints}").format(
            errors=ngettext("{n} error", "{n} errors", count[Severity.ERROR]).format(n=count[Severity.ERROR]),
            warnings=ngettext("{n} warning", "{n} warnings", count[Severity.WARNING]).format(n=count[Severity.WARNING]),
            hints=ngettext("{n} hint", "{n} hints", count[Severity.HINT]).format(n=count[Severity.HINT]),
        )
    )
    return EXIT_ERROR if count[Severity.ERROR] else EXIT_OK


@command("export-pdf")
def _export_pdf(args: argparse.Namespace, db: Database) -> int:
    from planner.export.pdf import export_personal_pdfs, programme_pdf
    from planner.export.pdf.filenames import output_folder
    from planner.export.pdf.programme import programme_filename
    from planner.export.tripview import TripView

    folder = output_folder(args.out)
    language = None if args.doc_lang == "auto" else args.doc_lang
    if args.member == "programme":
        view = TripView.load(db, args.trip)
        lang = language or _lang()
        target = folder / programme_filename(view, lang)
        paths = [programme_pdf(db, args.trip, target, language=lang, bilingual_with=args.bilingual, paper=args.paper)]
    elif args.member == "all":
        paths = export_personal_pdfs(
            db, args.trip, folder, language=language or "auto", bilingual_with=args.bilingual, paper=args.paper
        )
    else:
        member = TripView.load(db, args.trip).member(args.member)  # an unknown member is named before anything is written
        paths = export_personal_pdfs(  # a copy for one person; only `planner issue` issues
            db, args.trip, folder, [member.id], language=language or "auto", bilingual_with=args.bilingual, paper=args.paper
        )
    for path in paths:
        _print(_("Wrote {path}").format(path=path))
    return EXIT_OK


@command("export-ics")
def _export_ics(args: argparse.Namespace, db: Database) -> int:
    from planner.export.ics import export_member_ics, trip_ics, trip_ics_name
    from planner.export.pdf.filenames import output_folder
    from planner.export.tripview import TripView

    folder = output_folder(args.out)
    language = None if args.doc_lang == "auto" else args.doc_lang
    if args.member == "programme":
        lang = language or _lang()
        paths = [trip_ics(db, args.trip, folder / trip_ics_name(TripView.load(db, args.trip), lang), language=lang)]
    else:
        members = None if args.member == "all" else [args.member]
        paths = export_member_ics(db, args.trip, folder, members, language=language or "auto")
    for path in paths:
        _print(_("Wrote {path}").format(path=path))
    return EXIT_OK


@command("import-members")
def _import_members(args: argparse.Namespace, db: Database) -> int:
    """Problems one per line; any bad row stops the import unless --skip-bad-rows. Exit 3 when rows had problems and nothing (or not all) could go in."""
    from planner.i18n import ngettext
    from planner.importing.members import import_preview, preview_member_file
    from planner.services.trips import get_trip

    get_trip(db, args.trip)  # an unknown trip is reported before the file is read
    preview = preview_member_file(db, args.file)
    for problem in preview.column_problems:
        _print(str(problem))
    for problem in preview.problems():
        _print(str(problem))
    bad = len(preview.bad_rows)
    if bad and not args.skip_bad_rows:
        _print(
            ngettext(
                "Nothing was imported: {n} row has problems. Correct it, or use --skip-bad-rows to import only the good rows.",
                "Nothing was imported: {n} rows have problems. Correct them, or use --skip-bad-rows to import only the good rows.",
                bad,
            ).format(n=bad)
        )
        return EXIT_PROBLEMS
    skipped = [row.number for row in preview.skip_bad_rows()]
    if skipped:
        _print(_("Skipped rows: {rows}").format(rows=", ".join(str(n) for n in skipped)))
    rows = preview.confirmed_rows()
    if args.dry_run:
        _print(
            ngettext("Dry run: {n} row can be imported; nothing was written.", "Dry run: {n} rows can be imported; nothing was written.", len(rows))
            .format(n=len(rows))
        )
        return EXIT_PROBLEMS if skipped else EXIT_OK
    if not rows:
        _print(_("No rows left to import; nothing was written."))
        return EXIT_PROBLEMS
    import_preview(db, args.trip, preview)
    _print(
        ngettext("Imported {n} member into trip {trip}.", "Imported {n} members into trip {trip}.", len(rows)).format(n=len(rows), trip=args.trip)
    )
    return EXIT_OK


@command("export-members")
def _export_members(args: argparse.Namespace, db: Database) -> int:
    from planner.domain.enums import Language
    from planner.export.member_list import write_member_list

    path = write_member_list(
        db, args.trip, args.out, include_private=args.include_private, language=Language(args.list_lang or _lang()),
        delimiter=";" if args.delimiter == "semicolon" else ",",
    )
    _print(_("Wrote {path}").format(path=path))
    return EXIT_OK




def _lang() -> str:
    from planner.i18n import current_language

    return current_language()


def _log_path() -> Path:
    return user_data_dir() / "logs" / LOG_FILE


def _log_unexpected() -> Path | None:
    """The traceback goes to the log (created 0600 at this first record); the path, if it could be written."""
    path = _log_path()
    logging.getLogger("planner.cli").exception("unexpected error in the command line interface")
    return path if path.is_file() else None


def _damaged(error: DamagedDatabaseError) -> None:
    """The damaged file's message, and the command that restores the newest good backup."""
    _error(error.message())
    if error.good_backup is not None:
        from planner.db.backup import list_backups

        numbers = [b.path for b in list_backups(error.path)]
        if error.good_backup.path in numbers:
            _error(_("To restore it: planner --db \"{path}\" restore {number}").format(
                path=error.path, number=numbers.index(error.good_backup.path) + 1))


def main(argv: Sequence[str] | None = None) -> int:
    # Nothing but the command's own line reaches the terminal: a library's warning (psycopg's about a broken
    # pipeline, say) would otherwise be printed by Python's last-resort handler.
    logging.getLogger().addHandler(logging.NullHandler())
    set_language(system_language())
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    db: Database | None = None
    log_handler = logs.install(_log_path())
    try:
        file_command = FILE_COMMANDS.get(args.command)
        if file_command is not None:  # works on the file itself, which may be damaged
            return file_command(args)
        db = open_database(
            args.db or default_database_path(), create=args.command in CREATING_COMMANDS,
            backup=args.command not in NO_BACKUP_COMMANDS,
        )
        return COMMANDS[args.command](args, db)
    except DamagedDatabaseError as exc:
        _damaged(exc)
        return EXIT_ERROR
    except ConnectionLostError as exc:  # the window's wording speaks of reconnecting; here the command is run again
        _error(PlannerError(CONNECTION_LOST_CLI, server=exc.params.get("server", "?")).message())
        return EXIT_ERROR
    except PlannerError as exc:
        _error(exc.message())
        return EXIT_PROBLEMS if getattr(exc, "problems", None) else EXIT_ERROR
    except OSError as exc:
        _error(_("{path}: {reason}").format(path=exc.filename or "", reason=exc.strerror or str(exc)))
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error(_("interrupted"))
        return 130
    except Exception:  # noqa: BLE001 - last resort: the user gets a line and a log, not a traceback
        log = _log_unexpected()
        _error(_("an unexpected error occurred; details are in {path}").format(path=log or "-"))
        return EXIT_ERROR
    finally:
        if db is not None:
            db.close()
        logs.uninstall(log_handler)

