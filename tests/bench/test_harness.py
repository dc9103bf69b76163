"""The benchmark's harness and results table: medians, verdicts, and the probe protocol."""

from __future__ import annotations

from pathlib import Path

from bench.data import BenchDatabase
from bench.harness import Figure, Timing, run_probe, time_runs
from bench.report import render


def test_a_timing_is_the_median_of_its_runs() -> None:
    assert Timing((0.3, 0.1, 0.2)).median == 0.2
    calls: list[str] = []
    timing = time_runs(lambda: calls.append("run"), 3, before=lambda: calls.append("before"))
    assert calls == ["before", "run"] * 3 and len(timing.samples) == 3


def test_a_figure_is_judged_against_its_target() -> None:
    assert Figure("checks", 99.0, "ms", 100, "< 100 ms").ok is True
    assert Figure("checks", 100.0, "ms", 100, "< 100 ms").ok is False
    assert Figure("start-up", 3.0, "×", 3, "≤ 3 ×", strict=False).ok is True
    assert Figure("programme", None, "ms", 300, "< 300 ms").ok is None
    assert Figure("pdfs", 12.345, "s", 20, "< 20 s").shown() == "12.35 s"


def test_the_results_table_names_each_figure_with_its_target_and_verdict() -> None:
    data = BenchDatabase(Path("x.sqlite"), 1, 2000, 500, 50, 200, 5000, 1.5)
    text = render(
        {"Date": "today", "CPU": "2 logical CPUs"}, data,
        [Figure("Checks", 80.0, "ms", 100, "< 100 ms"), Figure("PDFs", 25.0, "s", 20, "< 20 s"),
         Figure("Programme page", None, "ms", 300, "< 300 ms", detail="no page yet")],
        5, 3,
    )
    assert "| Checks | 80 ms | < 100 ms | yes |" in text
    assert "| PDFs | 25.00 s | < 20 s | **NO** |" in text
    assert "| Programme page | not measured | < 300 ms | – |" in text
    assert "- CPU: 2 logical CPUs" in text and "Missed: PDFs." in text


def test_a_probe_is_timed_until_its_marker_and_hands_back_its_payload() -> None:
    result = run_probe('import json; print("BENCH-DONE " + json.dumps({"peak_kb": 42}), flush=True)')
    assert result.payload == {"peak_kb": 42} and 0 < result.seconds < 30
