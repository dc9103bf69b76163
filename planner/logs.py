"""The planner's log: one rotating file per program, readable by its owner only, never the terminal.

Logs can hold raw cell text of a damaged member list or the path of a plan,
so the file is created 0600 like the database (also each rotated file). The
handler sits on the root logger, so a warning logged anywhere (e.g. a failed
daily backup) goes to the file instead of Python's last-resort handler, which
would print it, traceback and all, on the user's terminal. The file and its
folder are created at the first record, not before: a command that logs
nothing creates nothing.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from planner.private_files import PRIVATE_FILE, PRIVATE_FOLDER

MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A RotatingFileHandler whose files (and folder) are the owner's only, opened at the first record."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True)
        self.setFormatter(logging.Formatter(FORMAT))

    def _open(self) -> Any:
        folder = Path(self.baseFilename).parent
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        os.chmod(self.baseFilename, PRIVATE_FILE)  # a log written by an older version may be wider
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """A log that cannot be written (full disk, read-only folder) is not the user's problem: nothing is printed."""


def install(path: Path, level: int = logging.INFO) -> PrivateRotatingFileHandler:
    """Make `path` the one log of this program (replacing an earlier planner handler); returns the handler."""
    root = logging.getLogger()
    for old in list(root.handlers):
        if isinstance(old, PrivateRotatingFileHandler):
            root.removeHandler(old)
            old.close()
    handler = PrivateRotatingFileHandler(path)
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return handler


def uninstall(handler: logging.Handler) -> None:
    logging.getLogger().removeHandler(handler)
    handler.close()
