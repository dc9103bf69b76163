"""Files that hold personal data: created readable by their owner only, whatever the umask.

Member lists, calendars, gift lists, logs, backups and every temporary copy
go through here. A file is created with mode 0600 in the `os.open` call
itself (never created wider and narrowed later), written to a temporary name
beside the target, flushed to disk and renamed over the target, so a crash
or a full disk leaves the old file or the new one and no half-written copy.
"""

from __future__ import annotations

import os
import re
import socket
import stat
import time
from pathlib import Path

PRIVATE_FILE = stat.S_IRUSR | stat.S_IWUSR  # 0600
PRIVATE_FOLDER = stat.S_IRWXU  # 0700
#: The suffix of every temporary file the planner writes; leftovers of a killed process are removed by it.
TEMP_SUFFIX = ".part"


def create_private(path: Path) -> int:
    """A new, empty file at `path` opened for writing, mode 0600; fails if it exists."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    return os.open(path, flags, PRIVATE_FILE)  # the umask can only narrow 0600, never widen it


#: This computer, in temporary names: on a shared drive another desktop's process ids mean nothing here.
_HOST = re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:32] or "host"
#: A temporary file of another computer is taken as abandoned only when it has not been written for this long.
FOREIGN_LEFTOVER_AGE_S = 3600


def temp_name(target: Path) -> Path:
    """The temporary name beside `target` for this process: hidden, with host and process id, ending in .part."""
    return target.with_name(f".{target.name}.{_HOST}-{os.getpid()}{TEMP_SUFFIX}")


def write_private(target: Path, data: bytes, *, private: bool = True) -> None:
    """Write `data` atomically at `target` (0600 unless `private` is False, then 0644).

    Raises OSError; the temporary file is gone whatever happens.
    """
    temp = temp_name(target)
    temp.unlink(missing_ok=True)
    fd = create_private(temp)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if not private:
            os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)


def make_private_folder(folder: Path) -> None:
    """`folder` (and its parents) exist, the folder itself readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    os.chmod(folder, PRIVATE_FOLDER)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable where the system allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove temporary files of processes that no longer run (killed mid-write); returns what was removed.

    A temporary name carries its writer's computer and process id (see
    temp_name); one of a process still running here is its work in progress and
    stays, as does one of another computer (a shared drive) written to within
    the last hour.
    """
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f".*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    for path in candidates:
        host, _dash, pid_text = path.name.removesuffix(TEMP_SUFFIX).rsplit(".", 1)[-1].rpartition("-")
        if not host or not pid_text.isdigit():
            continue  # not one of ours
        if _running(int(pid_text), path) if host == _HOST else _recent(path):
            continue  # the work in progress of a running planner, here or on another desktop
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            continue
    return removed


def _recent(path: Path) -> bool:
    try:
        return time.time() - path.stat().st_mtime < FOREIGN_LEFTOVER_AGE_S
    except OSError:
        return False


def _running(pid: int, path: Path) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would end the process there: a leftover is taken as abandoned after an hour
        return _recent(path)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
