"""The table of CLI commands: every command module registers its handlers with `@command`, main dispatches.

One way for all of them: `@command("name")` for a command on the open database
(called with the arguments and the database), `@command("name", on_file=True)`
for one that works on the database file itself and must not open it first
(backup, restore: the file may be damaged). Handlers write their lines with `say`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from planner.db.engine import Database
from planner.i18n import _

Command = Callable[[argparse.Namespace, Database], int]
FileCommand = Callable[[argparse.Namespace], int]
H = TypeVar("H", bound=Callable[..., int])

#: Command name -> handler, for the commands on the open database.
COMMANDS: dict[str, Command] = {}
#: Command name -> handler, for the commands that must not open the database through open_database.
FILE_COMMANDS: dict[str, FileCommand] = {}


def command(name: str, *, on_file: bool = False) -> Callable[[H], H]:
    def register(func: H) -> H:
        (FILE_COMMANDS if on_file else COMMANDS)[name] = func
        return func

    return register


def say(text: str = "") -> None:
    """One line of a command's output on stdout."""
    sys.stdout.write(text + "\n")


def error(text: str) -> None:
    """One translated line on stderr: "planner: error: …"."""
    sys.stderr.write(_("planner: error: {message}").format(message=text) + "\n")


def trip_parser(sub: argparse._SubParsersAction, name: str, help: str) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """The sub-command `name`, which works on the trip given by `--trip ID` (as most do)."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help)
    parser.add_argument("--trip", type=int, required=True, metavar="ID")
    return parser


def add_printing(parser: argparse.ArgumentParser, lang_help: str) -> None:
    """The options of a command that prints documents into a folder: language, second language, paper, folder."""
    parser.add_argument("--lang", dest="doc_lang", choices=("auto", "de", "zh", "en"), default="auto", help=lang_help)
    parser.add_argument("--bilingual", choices=("de", "zh", "en"), default=None, metavar="LANG", help=_("print a second language below the first"))
    parser.add_argument("--paper", type=str.lower, choices=("a4", "letter"), default="a4")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")


def wrote(paths: Iterable[Path]) -> None:
    """"Wrote …", a line for each file written."""
    for path in paths:
        say(_("Wrote {path}").format(path=path))
