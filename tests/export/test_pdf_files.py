"""File names safe on every system, and the batch export of personal itineraries."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from planner.db.engine import Database
from planner.domain.errors import NotFoundError, PlannerError, ValidationError
from planner.export.pdf import FileNamer, export_personal_pdfs, safe_filename
from planner.export.pdf.filenames import MAX_STEM_BYTES, safe_stem
from tests.export.builders import DemoTrip, build_demo_trip
from tests.export.pdfcheck import reader, text_of

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Xu Qin 许勤", "Xu Qin 许勤"),
        ("Anna Müller", "Anna Müller"),
        ('A<b>c:d"e/f\\g|h?i*j', "A_b_c_d_e_f_g_h_i_j"),
        ("tab\there\nnewline\x07bell", "tab here newlinebell"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("LPT9", "_LPT9"),
        ("COM1 ", "_COM1"),
        ("Nul", "_Nul"),
        ("Conrad", "Conrad"),
        ("ends with dots...", "ends with dots"),
        ("  spaced   out  ", "spaced out"),
        ("..hidden", "hidden"),
        ("", "document"),
        ("???", "document"),
    ],
)
def test_safe_stem(name: str, expected: str) -> None:
    assert safe_stem(name) == expected


def test_long_names_are_cut_between_characters() -> None:
    stem = safe_stem("许" * 200)
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert set(stem) == {"许"}  # no half character left at the end
    assert len(safe_filename("x" * 500, ".pdf").encode("utf-8")) <= 255


def test_names_are_normalised_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Müller")
    assert safe_stem(decomposed) == unicodedata.normalize("NFC", "Müller")


def test_collisions_are_numbered_case_blind() -> None:
    namer = FileNamer()
    assert namer.name("Li Wei", ".pdf") == "Li Wei.pdf"
    assert namer.name("LI WEI", ".pdf") == "LI WEI (2).pdf"  # the same file on Windows and macOS
    assert namer.name("Li Wei", ".pdf") == "Li Wei (3).pdf"
    assert namer.name("Li Wei", ".ics") == "Li Wei.ics"
    assert namer.name("CON", ".pdf") == "_CON.pdf"


def _check_safe(name: str) -> None:
    assert not WINDOWS_FORBIDDEN & set(name)
    assert not any(ord(ch) < 32 for ch in name)
    assert not name.endswith((" ", "."))
    assert len(name.encode("utf-8")) <= 255


def test_batch_writes_one_file_per_member(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    paths = export_personal_pdfs(db, demo.trip_id, tmp_path / "out", progress=lambda d, t: calls.append((d, t)) or True)
    names = sorted(p.name for p in paths)
    assert names == sorted([
        "Anna Müller.pdf", "Ayşe Özdemir.pdf", "Jonathan Smith.pdf", "Olaf Lies.pdf", "Stephan Weil.pdf",
        "Xu Qin 许勤.pdf", "Zhang Min 张敏.pdf",
    ])
    for path in paths:
        _check_safe(path.name)
        assert path.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names  # no temporary files left
    assert calls[-1] == (7, 7) and len(calls) == 7
    assert "2016年10月24日星期一" in text_of(tmp_path / "out" / "Xu Qin 许勤.pdf")  # auto: each in their own language
    assert "Montag, 24. Oktober 2016" in text_of(tmp_path / "out" / "Stephan Weil.pdf")


def test_batch_in_one_language_on_letter(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    ids = [demo.member_id("xu"), demo.member_id("smith")]
    paths = export_personal_pdfs(db, demo.trip_id, tmp_path, ids, language="en", paper="letter", workers=1)
    assert [p.name for p in paths] == ["Xu Qin 许勤.pdf", "Jonathan Smith.pdf"]
    assert "Monday, 24 October 2016" in text_of(paths[0])
    assert round(float(reader(paths[1]).pages[0].mediabox.height)) == 792


def test_progress_can_stop_the_batch(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    paths = export_personal_pdfs(db, demo.trip_id, tmp_path, progress=lambda done, total: done < 2, workers=1)
    assert len(paths) == 2
    assert len(list(tmp_path.glob("*.pdf"))) == 2


def test_bad_input_gives_clear_errors(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="There is no delegation member 12345"):
        export_personal_pdfs(db, demo.trip_id, tmp_path, [12345])
    with pytest.raises(ValidationError, match="not a document language"):
        export_personal_pdfs(db, demo.trip_id, tmp_path, language="fr")
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(PlannerError, match="is a file, not a folder"):
        export_personal_pdfs(db, demo.trip_id, a_file)


def test_same_names_get_numbered_files(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    from planner.domain.entities import MembershipData, PersonData
    from planner.services import delegation, people

    twin = people.create_person(db, PersonData(family_name="Weil", given_name="Stephan")).after
    delegation.add_member(db, MembershipData(trip_id=demo.trip_id, person_id=twin.id))
    names = {p.name for p in export_personal_pdfs(db, demo.trip_id, tmp_path, workers=1)}
    assert {"Stephan Weil.pdf", "Stephan Weil (2).pdf"} <= names


@pytest.mark.slow
def test_two_hundred_itineraries_from_two_workers_are_a_file_each(db: Database, tmp_path: Path) -> None:
    """How fast is the benchmark's business (bench/figures.py personal_pdfs), not a test's."""
    trip = build_demo_trip(db, extra_members=193)
    paths = export_personal_pdfs(db, trip.trip_id, tmp_path, workers=2)
    assert len(paths) == 200
    assert len({p.name for p in paths}) == 200
    assert all(p.read_bytes().startswith(b"%PDF-") for p in paths)
