"""Backups, restore, migration and exports on a bad day: full disks, kills, damaged files.

- Faults: writes fail after N bytes (RLIMIT_FSIZE, so SQLite's own writes fail
  too, with SQLITE_FULL) or with ENOSPC (a file wrapper for Python's writes),
  at N spread over the whole copy; each run ends in a clear message, the
  original intact and no temporary file left.
- Kills: SIGKILL at random moments of backups, restores and migrations (52 in
  all); the next start removes the leftovers and every file passes its check.
- Damaged files: truncated, damaged header, bytes flipped over the whole file,
  opened by every reading command: one clear line, no traceback, file unchanged,
  never copied into the backups.

Kept small (a database of a few hundred KB) so the whole file runs in well
under half a minute.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from planner.cli.main import main
from planner.db import backup
from planner.db.engine import Database, open_database
from planner.db.integrity import DamagedDatabaseError, WriteFailedError
from planner.db.migrate import upgrade
from planner.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from planner.domain.entities import PersonData
from planner.domain.errors import DatabaseError, PlannerError
from planner.services import people

pytestmark = [
    pytest.mark.sqlite_file,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not hasattr(resource, "RLIMIT_FSIZE"), reason="needs POSIX signals and limits"),
]

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sound(path: Path) -> bool:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


def _leftovers(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.is_dir() for p in folder.iterdir() if p.name.endswith(".part")]


def _fill(db: Database, count: int = 150) -> None:
    for i in range(count):
        people.create_person(db, PersonData(family_name=f"Person {i}", given_name="Test", notes="n" * 600))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed planner file of a few hundred KB with a trip (the demo) and people."""
    path = tmp_path_factory.mktemp("template") / "plan.sqlite"
    db = open_database(path)
    try:
        from planner.importing.demo import load_demo

        load_demo(db)
        _fill(db)
    finally:
        db.close()
    return path


@pytest.fixture
def plan(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "plan.sqlite"
    shutil.copyfile(template, path)
    return path


# --- faults ---------------------------------------------------------------------------------


@contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """Every write of this process past byte `limit` of any file fails (EFBIG; SQLite reports SQLITE_FULL)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def _positions(size: int, count: int) -> list[int]:
    return sorted({0, 1, *(size * k // count for k in range(1, count + 1)), size + 4096})


def test_backup_failing_after_n_bytes_says_disk_full_and_leaves_nothing(plan: Path) -> None:
    original = _digest(plan)
    size = plan.stat().st_size
    outcomes = []
    for limit in _positions(size, 10):
        try:
            with file_size_limit(limit):
                backup.make_backup(plan)
            outcomes.append("ok")
        except WriteFailedError as error:  # "full" when SQLite saw a short write, "refused a write" for an I/O error
            assert "full" in error.message() or "refused a write" in error.message()
            outcomes.append("full")
        assert _digest(plan) == original
        assert _leftovers(backup.backup_dir(plan), plan.parent) == []
        assert all(_sound(b.path) and b.passed for b in backup.list_backups(plan))
    assert outcomes.count("full") >= 8 and outcomes[-1] == "ok"


def test_restore_failing_after_n_bytes_keeps_a_sound_plan(plan: Path) -> None:
    db = open_database(plan, backup=False)
    saved = backup.make_backup(plan)
    people.create_person(db, PersonData(family_name="After the backup"))
    db.close()
    size = plan.stat().st_size
    for limit in _positions(size, 8)[1:]:
        try:
            with file_size_limit(limit):
                backup.restore_backup(saved, plan)
        except DatabaseError as error:
            assert isinstance(error, WriteFailedError), error.message()
        assert _sound(plan)
        assert _leftovers(backup.backup_dir(plan), plan.parent) == []
        db = open_database(plan, backup=False)
        try:
            names = {p.family_name for p in people.list_people(db)}
        finally:
            db.close()
        assert len(names) > 100  # the old state or the restored one, never half of one


def _old_file(path: Path) -> None:
    """A planner file at the revision before the head, with people in it."""
    engine = create_engine(f"sqlite:///{path}")
    upgrade(Database(engine), from_revision=None, target=KNOWN_REVISIONS[-2])
    with engine.begin() as conn:
        for i in range(60):
            conn.exec_driver_sql(
                "INSERT INTO person (version, family_name, given_name, native_name, honorific, organisation, function, email, phone,"
                " preferred_language, dietary_needs, accessibility_needs, passport_number, nationality, notes)"
                f" VALUES (1, 'Old {i}', '', '', '{{}}', '{{}}', '{{}}', '', '', 'de', '', '', '', '', '{'m' * 900}')"
            )
    engine.dispose()


def test_migration_failing_after_n_bytes_leaves_the_old_file_openable(tmp_path: Path) -> None:
    template = tmp_path / "old-template.sqlite"
    _old_file(template)
    size = template.stat().st_size
    for limit in _positions(size, 6)[1:]:
        path = tmp_path / f"old-{limit}" / "plan.sqlite"
        path.parent.mkdir()
        shutil.copyfile(template, path)
        try:
            with file_size_limit(limit):
                open_database(path).close()
        except DatabaseError as error:
            assert isinstance(error, WriteFailedError), error.message()
        assert _sound(path)
        assert _leftovers(backup.backup_dir(path), path.parent) == []
        db = open_database(path)  # with room again: upgraded, every person there
        try:
            assert len(people.list_people(db)) == 60
        finally:
            db.close()


class _FullDisk(io.RawIOBase):
    """A file that takes `room` bytes, then fails with ENOSPC (as a full disk does)."""

    def __init__(self, inner: io.BufferedWriter, room: int) -> None:
        self.inner, self.room = inner, room

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if len(data) > self.room:
            self.inner.write(bytes(data[: self.room]))
            self.room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return self.inner.write(data)

    def flush(self) -> None:
        if not self.inner.closed:
            self.inner.flush()

    def fileno(self) -> int:
        return self.inner.fileno()

    def close(self) -> None:
        self.inner.close()
        super().close()

    def __enter__(self) -> _FullDisk:
        return self


def test_exports_on_a_full_disk_say_so_and_keep_the_old_file(plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import planner.private_files as private_files
    from planner.export.member_list import write_member_list

    target = tmp_path / "members.csv"
    target.write_bytes(b"the old list")
    db = open_database(plan, backup=False)
    real_fdopen = os.fdopen
    try:
        full = write_member_list(db, 1, tmp_path / "full.csv")
        size = full.stat().st_size
        for room in [p for p in _positions(size, 10) if p < size]:
            monkeypatch.setattr(private_files.os, "fdopen", lambda fd, mode="r", **kw: _FullDisk(real_fdopen(fd, mode, **kw), room))
            with pytest.raises(PlannerError, match="full"):
                write_member_list(db, 1, target)
            monkeypatch.setattr(private_files.os, "fdopen", real_fdopen)
            assert target.read_bytes() == b"the old list"
            assert _leftovers(tmp_path) == []
    finally:
        monkeypatch.setattr(private_files.os, "fdopen", real_fdopen)
        db.close()


def test_restore_waits_a_bounded_time_for_a_writer_then_says_in_use(plan: Path) -> None:
    saved = backup.make_backup(plan)
    writer = sqlite3.connect(plan, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("BEGIN IMMEDIATE")
    seen: list[bool] = []
    started = time.monotonic()
    try:
        with pytest.raises(DatabaseError, match="in use"):
            backup.restore_backup(saved, plan, wait=0.5, progress=lambda done, total, waiting: seen.append(waiting))
    finally:
        writer.rollback()
        writer.close()
    assert time.monotonic() - started < 5
    assert any(seen)  # the window's progress was told it is waiting
    assert _sound(plan)


def test_backup_of_an_exclusively_locked_file_waits_a_bounded_time_then_says_in_use(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup, "WAIT_S", 0.5)
    holder = sqlite3.connect(plan, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE alembic_version SET version_num = version_num")
    started = time.monotonic()
    try:
        with pytest.raises(DatabaseError, match="in use"):
            backup.make_backup(plan)
    finally:
        holder.rollback()
        holder.close()
    assert 0.4 < time.monotonic() - started < 5
    assert _leftovers(backup.backup_dir(plan)) == [] and backup.list_backups(plan) == []


def test_restore_refuses_a_backup_of_a_newer_version(plan: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(plan, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = _digest(plan)
    with pytest.raises(DatabaseError, match="newer version"):
        backup.restore_backup(newer, plan)
    assert _digest(plan) == before


# --- kills ----------------------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    mode, db_path = sys.argv[1], Path(sys.argv[2])
    print("ready", flush=True)
    if mode == "backup":
        from planner.db.backup import make_backup
        while True:
            make_backup(db_path)
    elif mode == "restore":
        from planner.db.backup import restore_backup
        sources = [Path(p) for p in sys.argv[3:]]
        n = 0
        while True:
            restore_backup(sources[n % 2], db_path)
            n += 1
    else:
        from planner.db.engine import open_database
        open_database(db_path).close()
        print("done", flush=True)
    """
)


def _kill_during(mode: str, db_path: Path, *extra: str, delay: float) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, str(db_path), *extra], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()


def test_killed_backups_and_restores_leave_sound_files_and_no_leftovers(plan: Path) -> None:
    rng = random.Random(17)
    db = open_database(plan, backup=False)
    _fill(db, 400)  # a backup takes long enough to be caught in the middle
    db.close()
    first = backup.make_backup(plan)
    db = open_database(plan, backup=False)
    people.create_person(db, PersonData(family_name="Second state"))
    db.close()
    second = backup.make_backup(plan)
    states = {_count(first), _count(second)}
    kills = 0
    for _ in range(23):
        _kill_during("backup", plan, delay=rng.uniform(0.0, 0.25))
        kills += 1
    for _ in range(23):
        _kill_during("restore", plan, str(first), str(second), delay=rng.uniform(0.0, 0.3))
        kills += 1
        assert _sound(plan)
    open_database(plan, backup=False).close()  # the next start removes what the kills left
    assert _leftovers(backup.backup_dir(plan), plan.parent) == []
    assert _sound(plan) and _count(plan) in states
    for b in backup.list_backups(plan):
        assert _sound(b.path), b.path
    assert kills >= 46


def _count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        con.close()


def test_killed_migrations_leave_a_file_that_opens(tmp_path: Path) -> None:
    template = tmp_path / "old-template.sqlite"
    _old_file(template)
    rng = random.Random(18)
    for n in range(6):
        path = tmp_path / f"kill-{n}" / "plan.sqlite"
        path.parent.mkdir()
        shutil.copyfile(template, path)
        _kill_during("migrate", path, delay=rng.uniform(0.2, 1.2))
        db = open_database(path)
        try:
            assert len(people.list_people(db)) == 60
        finally:
            db.close()
        assert _leftovers(backup.backup_dir(path), path.parent) == []
        con = sqlite3.connect(path)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
        con.close()


# --- damaged files --------------------------------------------------------------------------

READING_COMMANDS = (
    ["list-trips"], ["check", "--trip", "1"], ["person-report", "--person", "1", "--out", "{out}/report.json"],
    ["export-members", "--trip", "1", "--out", "{out}/members.csv"], ["backup"], ["list-backups"],
)


def _corpus(source: Path, folder: Path) -> list[Path]:
    """Damaged copies of `source`: truncated, header damaged, and bytes flipped at positions over the whole file."""
    data = source.read_bytes()
    page = int.from_bytes(data[16:18], "big") or 65536
    variants: dict[str, bytes] = {
        "truncated-half": data[: len(data) // 2],
        "truncated-page": data[: len(data) - page + 100],
        "truncated-header": data[:60],
        "header-page-size": data[:16] + b"\x00\x03" + data[18:],
        "header-encoding": data[:56] + (7).to_bytes(4, "big") + data[60:],
        "header-schema-format": data[:44] + (99).to_bytes(4, "big") + data[48:],
    }
    # A bad sector at the head of a page: its b-tree header (page type, cell count) is structure, wherever the
    # tables lie. The random bursts below may hit structure or row text, depending on the layout of the day.
    middle = (len(data) // page // 2) * page
    header_hit = bytearray(data)
    for offset in range(8):
        header_hit[middle + offset] ^= 0xFF
    variants["page-header"] = bytes(header_hit)
    rng = random.Random(3)
    for k in range(16):
        position = 100 + (len(data) - 200) * k // 16 + rng.randrange(page // 2)
        flipped = bytearray(data)
        for offset in range(0, 24, 3):  # a small burst, as a bad sector would damage
            flipped[min(position + offset, len(data) - 1)] ^= 0xFF
        variants[f"flipped-{position}"] = bytes(flipped)
    paths = []
    for name, content in variants.items():
        path = folder / name / "plan.sqlite"
        path.parent.mkdir(parents=True)
        path.write_bytes(content)
        paths.append(path)
    return paths


def test_damaged_files_get_one_clear_line_from_every_command_and_stay_unchanged(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    detected = 0
    for path in _corpus(template, tmp_path / "corpus"):
        before = _digest(path)
        damaged = not _quietly_sound(path)
        for command in READING_COMMANDS:
            args = [part.format(out=path.parent) for part in command]
            code = main(["--db", str(path), *args])
            captured = capsys.readouterr()
            assert "Traceback" not in captured.err + captured.out, (path.name, args)
            assert "unexpected error" not in captured.err, (path.name, args, captured.err)
            if damaged and args[0] != "list-backups":  # listing the backups is how one recovers: it works
                assert code == 1 and len(captured.err.strip().splitlines()) <= 2, (path.name, args, captured.err)
            assert _digest(path) == before, (path.name, args)
        copies = [b for b in backup.list_backups(path) if b.kind == backup.BackupKind.MANUAL]
        if damaged:
            detected += 1
            assert copies == [], path.name  # never copied into the rotation
        assert _leftovers(backup.backup_dir(path), path.parent) == []
    assert detected >= 7  # the six truncated or header-damaged files and the damaged page header, at the least


def _quietly_sound(path: Path) -> bool:
    try:
        con = sqlite3.connect(path.as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            con.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return False


def test_a_damaged_file_names_the_newest_good_backup_and_the_command_that_restores_it(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup.make_backup(plan)
    data = bytearray(plan.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page * 3, page * 3 + 64):
        data[offset] ^= 0x5A
    plan.write_bytes(bytes(data))
    assert main(["--db", str(plan), "list-trips"]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and "newest good backup" in err and "restore 1" in err
    with pytest.raises(DamagedDatabaseError) as raised:
        backup.make_backup(plan)
    assert raised.value.good_backup is not None
    assert main(["--db", str(plan), "restore", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", str(plan), "list-trips"]) == 0
    listed = capsys.readouterr().out
    assert "Hannover" in listed or "Shenzhen" in listed
    kinds = {b.kind: b.check for b in backup.list_backups(plan)}
    assert kinds[backup.BackupKind.BEFORE_RESTORE] == backup.Check.DAMAGED  # kept, but never offered as good
    assert backup.newest_good_backup(plan).kind == backup.BackupKind.MANUAL


def test_reading_commands_create_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no" / "such" / "plan.sqlite"
    for command in (["list-trips"], ["check", "--trip", "1"], ["backup"], ["list-backups"], ["import-members", str(tmp_path / "x.csv"), "--trip", "1"]):
        assert main(["--db", str(missing), *command]) == 1
        assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_reads_do_not_wait_for_a_writer(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(plan, backup=False).close()
    writer = sqlite3.connect(plan, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE person SET notes = 'uncommitted'")
    started = time.monotonic()
    try:
        assert main(["--db", str(plan), "list-trips"]) == 0
    finally:
        writer.rollback()
        writer.close()
    assert time.monotonic() - started < 2
    assert len(capsys.readouterr().out.strip().splitlines()) == 2  # the two demo trips
