"""The results table, bench/RESULTS.md: the machine, the data, and each figure against its target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.data import BenchDatabase
from bench.harness import Figure

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def _ok(figure: Figure) -> str:
    return {True: "yes", False: "**NO**", None: "–"}[figure.ok]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(machine: Mapping[str, str], data: BenchDatabase, figures: Sequence[Figure], runs: int, heavy_runs: int) -> str:
    missed = [f for f in figures if f.ok is False]
    unmeasured = [f for f in figures if f.ok is None]
    lines = ["# Benchmark results", "", "Written by `make bench` (`python -m bench`); see bench/README.md.", ""]
    lines += ["## Machine", ""]
    lines += [f"- {key}: {value}" for key, value in machine.items()]
    lines += [
        "", "## Data", "",
        f"Generated with a fixed seed in {data.seconds:.1f} s: {data.people:,} people, {data.venues:,} venues, "
        f"{data.trips} trips; the big trip has {data.big_members} participants and {data.big_items:,} programme items "
        "over five days in Asia/Shanghai.",
        "", f"Each time is the median of {runs} runs ({heavy_runs} for the figures that take seconds).", "",
        "## Figures", "",
        "| figure | measured | target | ok |",
        "|---|---:|---|:---:|",
    ]
    lines += [f"| {_cell(f.name)} | {f.shown()} | {_cell(f.target)} | {_ok(f)} |" for f in figures]
    lines += ["", "## Details", ""]
    for f in figures:
        lines.append(f"- **{_cell(f.name)}**: {f.detail}" + (f" Profile: `{_relative(f.profile)}`." if f.profile else ""))
    lines += ["", "## Verdict", ""]
    if missed:
        lines.append("Missed: " + "; ".join(f.name for f in missed) + ".")
    if unmeasured:
        lines.append("Not measured: " + "; ".join(f.name for f in unmeasured) + ".")
    if not missed and not unmeasured:
        lines.append("Every target met.")
    elif not missed:
        lines.append("Every measured target met.")
    return "\n".join(lines) + "\n"


def _relative(path: str) -> str:
    """A path inside the project as the project names it (bench/profiles/…), others as they are."""
    try:
        return str(Path(path).resolve().relative_to(RESULTS.parent.parent))
    except ValueError:
        return path


def write(text: str, target: Path = RESULTS) -> Path:
    target.write_text(text, encoding="utf-8")
    return target
