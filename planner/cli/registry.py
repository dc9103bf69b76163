"""The table of CLI commands: every command module registers its handlers with `@command`, main dispatches.

One way for all of them: `@command("name")` for a command on the open database
(called with the arguments and the database), `@command("name", on_file=True)`
for one that works on the database file itself and must not open it first
(backup, restore: the file may be damaged). Handlers write their lines with `say`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
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
