"""copy-database: every table with its ids and versions, into an empty database only, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy import Connection, Table

from planner.cli.main import main
from planner.db import copy as copy_module
from planner.db.copy import copy_database
from planner.db.engine import Database, open_database
from planner.db.models import Base
from planner.domain.errors import DatabaseError
from planner.domain.localized import LocalizedText
from planner.services import people, programme, trips, venues
from tests.pg_support import ScratchServer
from tests.services.conftest import new_item, new_member, new_person, new_trip, new_venue


def fill(db: Database) -> None:
    """A little of everything: a trip with members, a venue with contacts, items with participants, edits."""
    trip = new_trip(db, "Shenzhen", notes="Ä ö 深圳")
    weil, xu = new_person(db, "Weil"), new_person(db, "Xu", "Qin", "许勤")
    head, member = new_member(db, trip, weil, order=1), new_member(db, trip, xu, order=2)
    venue = new_venue(db, "EMAX", contacts=("Li Wei", "Zhang San"))
    item = new_item(db, trip, venue_id=venue.id, everyone=False, participant_ids=(head.id, member.id))
    new_item(db, trip, title="Dinner", hours=3)
    trips.update_trip(db, trips.get_trip(db, trip.id).evolve(notes="second version"))
    programme.update_item(db, item.evolve(title=LocalizedText(de="Besuch", zh="参观", en="Visit")))
    people.delete_person(db, new_person(db, "Gone").id)  # a gap in the ids


def everything(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read through the models' types, so that both engines compare alike."""
    with db.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in Base.metadata.sorted_tables
        }


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "local.sqlite"
    db = open_database(path)
    fill(db)
    db.close()
    return path


def test_sqlite_to_a_new_sqlite_file_keeps_ids_and_versions(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite"
    report = copy_database(source, target)
    src, dst = open_database(source, backup=False), open_database(target, backup=False)
    try:
        assert everything(dst) == everything(src)
        assert report.rows["trip"] == 1 and report.rows["item_participant"] == 2 and report.total == sum(len(v) for v in everything(src).values())
        assert trips.list_trips(dst)[0].trip.version == 2
        assert new_person(dst, "Next").id == 3  # ids go on after the highest copied one (3, "Gone", was deleted)
    finally:
        src.close()
        dst.close()


def test_a_target_with_data_is_refused_untouched(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "busy.sqlite"
    db = open_database(target)
    new_person(db, "Already here")
    before = everything(db)
    db.close()
    with pytest.raises(DatabaseError, match="already holds planner data"):
        copy_database(source, target)
    db = open_database(target, backup=False)
    try:
        assert everything(db) == before
    finally:
        db.close()


def test_a_failure_half_way_leaves_no_new_file_and_an_existing_target_empty(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = copy_module._copy_rows
    copied: list[str] = []

    def failing(reading: Connection, writing: Connection, table: Table) -> None:
        if copied:
            raise DatabaseError("disk full")
        copied.append(table.name)
        return real(reading, writing, table)

    monkeypatch.setattr(copy_module, "_copy_rows", failing)
    with pytest.raises(DatabaseError, match="disk full"):
        copy_database(source, tmp_path / "new.sqlite")
    assert not (tmp_path / "new.sqlite").exists()

    empty = tmp_path / "empty.sqlite"
    open_database(empty).close()
    copied.clear()
    with pytest.raises(DatabaseError, match="disk full"):
        copy_database(source, empty)
    db = open_database(empty, backup=False)
    try:
        assert all(rows == [] for rows in everything(db).values())  # the first table's rows went with the rollback
    finally:
        db.close()


def test_a_missing_source_and_the_same_database_twice_are_refused(source: Path, tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        copy_database(tmp_path / "nowhere.sqlite", tmp_path / "copy.sqlite")
    assert not (tmp_path / "nowhere.sqlite").exists() and not (tmp_path / "copy.sqlite").exists()
    with pytest.raises(DatabaseError, match="same database"):
        copy_database(source, str(source))


def test_the_cli_command(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "cli.sqlite"
    assert main(["--lang", "en", "copy-database", "--from", str(source), "--to", str(target)]) == 0
    out = capsys.readouterr().out
    db = open_database(target, backup=False)
    try:
        total = sum(len(rows) for rows in everything(db).values())
    finally:
        db.close()
    assert "programme_item" in out and f"Copied {total} records from {source} to {target}." in out
    assert main(["--lang", "de", "copy-database", "--from", str(source), "--to", str(target)]) == 1
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.postgresql
def test_sqlite_to_postgresql_and_back(source: Path, tmp_path: Path, pg_server: ScratchServer) -> None:
    url = pg_server.new_database().render_as_string(hide_password=False)  # an empty database, as an agency creates it
    copy_database(source, url)
    src, dst = open_database(source, backup=False), open_database(url)
    try:
        assert everything(dst) == everything(src)
        assert new_person(dst, "Next").id == 3
        assert new_venue(dst, "Next").contacts[0].id == 3
        assert trips.create_trip(dst, trips.get_trip(dst, 1).evolve(id=None, version=None)).id == 2
        expected = everything(dst)
    finally:
        src.close()
        dst.close()
    back = tmp_path / "back.sqlite"
    copy_database(url, back)
    db = open_database(back, backup=False)
    try:
        assert everything(db) == expected
        assert venues.get_venue(db, 1).contacts[1].name == "Zhang San"
    finally:
        db.close()


def test_a_connection_lost_half_way_is_one_line_and_no_personal_data_reaches_a_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import psycopg
    from sqlalchemy.exc import OperationalError

    path = tmp_path / "private.sqlite"
    db = open_database(path)
    new_person(db, "Schostok", "Stefan", passport_number="C01X00T47", email="stefan.schostok@hannover-stadt.de")
    db.close()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    real = copy_module._copy_rows

    def dropped(reading: Connection, writing: Connection, table: Table) -> None:
        if table.name == "person":
            real(reading, writing, table)
            broken = psycopg.OperationalError("consuming input failed: server closed the connection unexpectedly")
            raise OperationalError("INSERT INTO person ...", {"passport_number": "C01X00T47"}, broken)
        return real(reading, writing, table)

    monkeypatch.setattr(copy_module, "_copy_rows", dropped)
    assert main(["--lang", "en", "copy-database", "--from", str(path), "--to", str(tmp_path / "copy.sqlite")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "was lost; nothing was written" in err and "unexpected" not in err
    assert not (tmp_path / "copy.sqlite").exists()
    logs = [p.read_text(errors="replace") for p in tmp_path.rglob("*.log")]
    assert not any("C01X00T47" in text or "stefan.schostok@" in text for text in logs + [err])
