"""CLI commands for issued versions: issue, changes, notices, versions.

    planner issue --trip ID [--members ID …] --out DIR [--force]   new printouts for whoever needs one

Issuing is the one act that records a version (export-pdf only writes
documents). A draft, or a trip with open planning errors, is refused unless
--force is given, with a line naming why.
    planner changes --trip ID [--since N [--until M]]      what changed (for whom)
    planner notices --trip ID --out DIR                    a change notice per outdated printout
    planner versions --trip ID                             the versions issued so far
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from planner import formatting
from planner.cli.registry import add_printing, command, trip_parser, wrote
from planner.cli.registry import say as _print
from planner.db.engine import Database
from planner.domain.errors import PlannerError
from planner.i18n import N_, _, current_language, ngettext
from planner.domain.members import Member
from planner.export.own_travel import travel_texts
from planner.services.issuing import MemberChanges


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = trip_parser(sub, "issue", _("print new personal itineraries for those whose printout is out of date (or for the members given)"))
    p.add_argument(
        "--members", type=int, nargs="+", default=None, metavar="ID",
        help=_("the delegation members to issue to (default: everyone whose printout is out of date or who has none)"),
    )
    add_printing(p, _("language of the documents; auto: each participant's own"))
    p.add_argument(
        "--force", action="store_true", help=_("issue even if the trip is still a draft or has open errors"),
    )

    p = trip_parser(sub, "changes", _("show what changed since the printouts were issued, and for whom"))
    p.add_argument(
        "--since", type=int, default=None, metavar="VERSION",
        help=_("compare with this version instead of each participant's own printout"),
    )
    p.add_argument("--until", type=int, default=None, metavar="VERSION", help=_("compare up to this version instead of the programme as it is now"))

    p = trip_parser(sub, "notices", _("write a change notice (PDF and text) for everyone whose printout is out of date"))
    p.add_argument("--members", type=int, nargs="+", default=None, metavar="ID", help=_("only for these delegation members"))
    p.add_argument("--paper", type=str.lower, choices=("a4", "letter"), default="a4")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")

    p = trip_parser(sub, "versions", _("list the versions of a trip's itineraries issued so far"))


def _names(members: Sequence[Member]) -> str:
    return ", ".join(m.person.full_name for m in members)


@command("issue")
def issue_command(args: argparse.Namespace, db: Database) -> int:
    from planner.export.pdf import export_personal_pdfs
    from planner.services.issue_readiness import issue_readiness
    from planner.services.issuing import members_needing, next_number, pending_changes

    if args.members is not None:
        chosen = list(dict.fromkeys(args.members))
    else:
        chosen = members_needing(pending_changes(db, args.trip, travel=travel_texts))
        if not chosen:
            _print(_("Every printout is up to date; nothing was issued."))
            return 0
    readiness = issue_readiness(db, args.trip)
    if not readiness.ready and not args.force:
        sentences = ("" if current_language() == "zh" else " ").join(readiness.reasons())
        raise PlannerError(N_("Nothing was issued: {reasons} Add --force to issue anyway."), reasons=sentences)
    number = next_number(db, args.trip)
    paths = export_personal_pdfs(
        db, args.trip, args.out, chosen, language=args.doc_lang, bilingual_with=args.bilingual, paper=args.paper, issue=True,
    )
    _print(
        ngettext("Issued version {number} to {count} participant.", "Issued version {number} to {count} participants.", len(paths))
        .format(number=number, count=len(paths))
    )
    wrote(paths)
    return 0


@command("changes")
def changes_command(args: argparse.Namespace, db: Database) -> int:
    from planner.services.issuing import compare_versions, list_versions, pending_changes
    from planner.services.trips import get_trip

    trip = get_trip(db, args.trip)
    lang = current_language()
    if args.since is None:
        if args.until is not None:
            raise PlannerError(N_("--until needs --since."))
        state = pending_changes(db, args.trip, travel=travel_texts)
        if state.last_number == 0:
            _print(_("No itineraries of this trip have been issued yet."))
            return 0
        _print_groups(state.outdated, lang, trip.timezone)
        if state.outdated:
            _print()
            _print(
                ngettext("{count} person needs a new printout: {names}", "{count} people need a new printout: {names}", len(state.outdated))
                .format(count=len(state.outdated), names=_names(state.needs_printout))
            )
        else:
            _print(_("Every printout is up to date (version {number}).").format(number=state.last_number))
        if state.never_issued:
            _print(
                ngettext("{count} person has no printout yet: {names}", "{count} people have no printout yet: {names}", len(state.never_issued))
                .format(count=len(state.never_issued), names=_names(state.never_issued))
            )
        return 0
    versions = {v.number: v for v in list_versions(db, args.trip)}
    found = compare_versions(db, args.trip, args.since, args.until, travel=travel_texts)
    since = versions[args.since]
    when = formatting.long_date(since.issued_at.astimezone().date())
    if args.until is None:
        _print(_("Changes since version {number} of {date}:").format(number=args.since, date=when))
    else:
        until = versions[args.until]
        _print(
            _("Changes from version {number} of {date} to version {later} of {later_date}:").format(
                number=args.since, date=when, later=args.until, later_date=formatting.long_date(until.issued_at.astimezone().date())
            )
        )
    if not _print_groups(found, lang, trip.timezone):
        _print(_("Nothing has changed."))
    return 0


def _print_groups(changes: Sequence[MemberChanges], lang: str, trip_zone: str) -> int:
    """Each change once, with the people it concerns; returns how many lines."""
    from planner.export.notices import change_list

    lines = change_list(changes, lang, trip_zone)
    for line in lines:
        _print(line)
    return len(lines)


@command("notices")
def notices_command(args: argparse.Namespace, db: Database) -> int:
    from planner.export.pdf.notice import write_notices

    paths = write_notices(db, args.trip, args.out, args.members, paper=args.paper)
    if not paths:
        _print(_("Nobody needs a change notice: every printout is up to date."))
        return 0
    wrote(paths)
    return 0


@command("versions")
def versions_command(args: argparse.Namespace, db: Database) -> int:
    from planner.services.issuing import list_versions

    versions = list_versions(db, args.trip)
    if not versions:
        _print(_("No itineraries of this trip have been issued yet."))
        return 0
    for version in versions:
        moment = version.issued_at.astimezone()
        _print(
            _("Version {number} of {date}, {time}: {names}").format(
                number=version.number, date=formatting.long_date(moment.date()), time=formatting.time_of_day(moment),
                names=", ".join(name for _pid, name in version.recipients) or "—",
            )
        )
    return 0
