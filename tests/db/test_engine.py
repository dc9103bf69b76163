"""Opening database files: new ones are created private, anything foreign is refused untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from planner.db.engine import Database, open_database
from planner.db.schema_version import HEAD_REVISION
from planner.domain.entities import TripData
from planner.domain.errors import DatabaseError
from planner.domain.localized import LocalizedText
from planner.services import trips


def fingerprint(path: Path) -> tuple[str, int, int, list[str]]:
    """Content hash, mtime and mode of a file, and what lies beside it."""
    st = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns, st.st_mode, sorted(os.listdir(path.parent))


def refused_untouched(path: Path) -> DatabaseError:
    before = fingerprint(path)
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert fingerprint(path) == before
    assert str(path) in info.value.message()
    return info.value


def make_trip(db: Database) -> int:
    trip = TripData(title=LocalizedText(en="Visit"), first_day=date(2016, 10, 24), last_day=date(2016, 10, 30))
    return trips.create_trip(db, trip).id


@pytest.fixture
def planner_file(tmp_path: Path) -> Path:
    """A real planner database with one trip in it, closed again."""
    path = tmp_path / "real" / "planner.sqlite"
    db = open_database(path)
    make_trip(db)
    db.close()
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    target = tmp_path / "files"
    target.mkdir()
    yield target


# --- new and reopened files -----------------------------------------------


def test_new_file_is_created_private_and_migrated(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        assert db.created
        assert db.path == db_path.resolve()
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
        for sibling in (db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
            if sibling.exists():
                assert stat.S_IMODE(sibling.stat().st_mode) == 0o600
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD_REVISION
    finally:
        db.close()


def test_reopening_keeps_the_data(db_path: Path) -> None:
    db = open_database(db_path)
    trip_id = make_trip(db)
    db.close()
    again = open_database(db_path)
    try:
        assert not again.created
        assert trips.get_trip(again, trip_id).title == LocalizedText(en="Visit")
        assert [s.trip.id for s in trips.list_trips(again)] == [trip_id]
    finally:
        again.close()


def test_a_missing_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "there" / "planner.sqlite"
    db = open_database(path)
    try:
        assert path.is_file()
        make_trip(db)
    finally:
        db.close()


def test_url_and_path_like_targets(tmp_path: Path) -> None:
    path = tmp_path / "via url.sqlite"
    db = open_database(f"sqlite:///{path}")
    db.close()
    assert path.is_file()
    db = open_database(str(path))
    assert not db.created
    db.close()


@pytest.mark.sqlite_file
def test_sqlite_pragmas_are_on(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    with db.reading() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(Exception, match="(?i)foreign key"), db.transaction() as s:
        s.execute(text("INSERT INTO membership (version, trip_id, person_id, role, protocol_order) VALUES (1, 999, 999, 'member', 1)"))


# --- refused files, left exactly as they were ------------------------------


def test_pdf_is_refused_untouched(folder: Path) -> None:
    path = folder / "itinerary.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 20)
    assert "not a planner database" in refused_untouched(path).message()


def test_empty_file_is_refused_untouched(folder: Path) -> None:
    path = folder / "empty.sqlite"
    path.touch()
    assert "not a planner database" in refused_untouched(path).message()
    assert path.stat().st_size == 0


def test_random_bytes_are_refused_untouched(folder: Path) -> None:
    path = folder / "noise.sqlite"
    path.write_bytes(os.urandom(8192))
    assert "not a planner database" in refused_untouched(path).message()


def test_truncated_planner_file_is_refused_untouched(planner_file: Path, folder: Path) -> None:
    path = folder / "truncated.sqlite"
    path.write_bytes(planner_file.read_bytes()[:4096])
    err = refused_untouched(path)
    assert "damaged" in err.message()


def test_database_of_another_program_is_refused_untouched(folder: Path) -> None:
    path = folder / "addressbook.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO contacts (name) VALUES ('Xu Qin')")
    conn.commit()
    conn.close()
    err = refused_untouched(path)
    assert "another program" in err.message()


def test_wal_database_of_another_program_is_refused_untouched(folder: Path) -> None:
    path = folder / "browser-history.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE visits (url TEXT)")
    conn.commit()
    conn.close()
    assert "another program" in refused_untouched(path).message()


def test_file_from_a_newer_planner_is_refused_untouched(planner_file: Path) -> None:
    conn = sqlite3.connect(planner_file)
    conn.execute("UPDATE alembic_version SET version_num = 'zzzz_future'")
    conn.commit()
    conn.close()
    err = refused_untouched(planner_file)
    assert "newer version" in err.message()


def test_directory_is_refused(folder: Path) -> None:
    target = folder / "looks-like.sqlite"
    target.mkdir()
    (target / "inside.txt").write_text("keep me")
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(target)
    assert os.listdir(target) == ["inside.txt"]


def test_read_only_file_is_refused(planner_file: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may write to a 0400 file, so the planner rightly sees it as writable")
    planner_file.chmod(0o400)
    try:
        err = refused_untouched(planner_file)
        assert "read-only" in err.message()
    finally:
        planner_file.chmod(0o600)


def test_in_memory_database_is_refused() -> None:
    with pytest.raises(DatabaseError, match="in-memory"):
        open_database("sqlite:///:memory:")


def test_unsupported_url_is_refused() -> None:
    with pytest.raises(DatabaseError, match="not supported"):
        open_database("mysql://user@localhost/planner")


def test_opening_a_planner_file_read_only_check_leaves_no_litter(planner_file: Path) -> None:
    """Nothing beside the file but its daily backup folder (WAL files are cleaned up on close)."""
    before = sorted(os.listdir(planner_file.parent))
    db = open_database(planner_file)
    db.close()
    assert sorted(set(os.listdir(planner_file.parent)) - {"backups"}) == before


@pytest.mark.parametrize("name", ["plan #1.sqlite", "plan ?x=1.sqlite", "100%.sqlite", "Reise 深圳 (2016).sqlite"])
def test_file_names_with_url_characters_are_kept_whole(folder: Path, name: str) -> None:
    path = folder / name
    db = open_database(path)
    make_trip(db)
    db.close()
    assert os.listdir(folder) == [name]
    again = open_database(path)
    try:
        assert not again.created
        assert again.path == path.resolve()
        assert len(trips.list_trips(again)) == 1
    finally:
        again.close()


def test_a_folder_that_cannot_be_created_is_reported(folder: Path) -> None:
    blocker = folder / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseError) as info:
        open_database(blocker / "sub" / "planner.sqlite")
    assert "cannot be created" in info.value.message()
    assert blocker.read_text() == "not a folder"


def test_an_unreachable_server_is_a_database_error() -> None:
    with pytest.raises(DatabaseError, match="127.0.0.1:1 cannot be reached"):
        open_database("postgresql://planner@127.0.0.1:1/planner")


def test_a_file_open_in_another_window_is_judged_without_harm(db: Database, db_path: Path) -> None:
    # The first window's pooled connection keeps the -wal; the second open reads through it.
    make_trip(db)
    assert db_path.with_name(db_path.name + "-wal").exists()
    second = open_database(db_path)
    try:
        assert not second.created
        assert len(trips.list_trips(second)) == 1
    finally:
        second.close()


@pytest.mark.parametrize("target", ["postgresql://anna:s3cret@db.example.org:notaport/planner", "postgresql://anna@db.example.org:notaport/planner"])
def test_an_unreadable_server_address_is_named_without_its_password(target: str) -> None:
    with pytest.raises(DatabaseError) as caught:
        open_database(target)
    message = caught.value.message()
    assert "is neither a file path nor a database URL" in message
    assert "s3cret" not in message and "db.example.org:notaport" in message
