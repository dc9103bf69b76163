"""Private files: 0600 whatever the umask, atomic, and leftovers of dead processes removed (not of live ones)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner import private_files
from planner.private_files import remove_leftovers, temp_name, write_private

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes and process ids are POSIX here")


def test_written_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        target = tmp_path / "members.csv"
        write_private(target, b"a;b\r\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == b"a;b\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["members.csv"]


def test_leftovers_of_dead_processes_go_those_of_live_ones_and_other_computers_stay(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    dead_pid = int(dead.stdout)
    mine = temp_name(tmp_path / "plan.sqlite")
    mine.write_bytes(b"in progress")
    killed = tmp_path / f".plan.sqlite.{private_files._HOST}-{dead_pid}.part"
    killed.write_bytes(b"personal data")
    elsewhere = tmp_path / f".plan.sqlite.otherdesk-{dead_pid}.part"
    elsewhere.write_bytes(b"another desktop's backup in progress")
    abandoned = tmp_path / f".plan.sqlite.otherdesk-{dead_pid + 1}.part"
    abandoned.write_bytes(b"old")
    old = time.time() - private_files.FOREIGN_LEFTOVER_AGE_S - 60
    os.utime(abandoned, (old, old))
    unrelated = tmp_path / ".download.part"
    unrelated.write_bytes(b"not ours")
    assert sorted(remove_leftovers(tmp_path)) == sorted([killed, abandoned])
    assert mine.exists() and elsewhere.exists() and unrelated.exists()
