"""The table of CLI commands: each command module registers its handlers in one, main dispatches."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from planner.db.engine import Database

Command = Callable[[argparse.Namespace, Database], int]


class Commands(dict[str, Command]):
    """Command name -> handler; `@commands.command("name")` registers a handler."""

    def command(self, name: str) -> Callable[[Command], Command]:
        def register(func: Command) -> Command:
            self[name] = func
            return func

        return register
