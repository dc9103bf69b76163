"""`python -m bench` (or `make bench`): generate the data, measure every figure, write bench/RESULTS.md.

Exits 1 when a measured figure misses its target, 0 otherwise (a figure that
cannot be measured yet, such as a page still being written, is reported as
such and does not fail the run).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import report  # noqa: E402
from bench.data import SEED, build_database  # noqa: E402
from bench.figures import FIGURES, Bench  # noqa: E402
from bench.harness import Figure, machine_info  # noqa: E402

PROFILES = Path(__file__).resolve().parent / "profiles"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Measure the planner against its performance targets.")
    parser.add_argument("--runs", type=int, default=5, help="runs per quick figure (default 5)")
    parser.add_argument("--heavy-runs", type=int, default=3, help="runs per figure that takes seconds (default 3)")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="measure only this figure (a function name in bench/figures.py); may be repeated")
    parser.add_argument("--results", type=Path, default=report.RESULTS, help="where to write the table (default bench/RESULTS.md)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder with the generated database")
    parser.add_argument("--seed", type=int, default=SEED)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    chosen = [f for f in FIGURES if not args.only or f.__name__ in args.only]
    if not chosen:
        print(f"no such figure; choose from: {', '.join(f.__name__ for f in FIGURES)}", file=sys.stderr)
        return 2
    machine = machine_info()
    work = Path(tempfile.mkdtemp(prefix="planner-bench-"))
    shutil.rmtree(PROFILES, ignore_errors=True)
    try:
        data = build_database(work / "db" / "bench.sqlite", seed=args.seed)
        print(f"data: {data.people} people, {data.venues} venues, {data.trips} trips, big trip: "
              f"{data.big_members} participants, {data.big_items} items ({data.seconds:.1f} s)", flush=True)
        bench = Bench(data.path, data.big_trip_id, work, PROFILES, runs=args.runs, heavy_runs=args.heavy_runs)
        figures: list[Figure] = []
        try:
            for measure in chosen:
                started = time.perf_counter()
                try:
                    figure = measure(bench)
                except Exception as error:  # noqa: BLE001 - one broken figure must not hide the others
                    traceback.print_exc()
                    figure = Figure(measure.__name__, None, "", 0, "", detail=f"failed: {type(error).__name__}: {error}")
                figures.append(figure)
                verdict = {True: "ok", False: "MISSED", None: "not measured"}[figure.ok]
                print(f"{figure.name}: {figure.shown()} (target {figure.target}) {verdict} "
                      f"[{time.perf_counter() - started:.0f} s]", flush=True)
        finally:
            bench.close()
        text = report.render(machine, data, figures, args.runs, args.heavy_runs)
        report.write(text, args.results)
        print(f"results: {args.results}")
    finally:
        if args.keep:
            print(f"scratch folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    failed = any(f.ok is False or (f.ok is None and f.detail.startswith("failed:")) for f in figures)
    return 1 if failed else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Everything is written and cleaned up. The interpreter's own exit is skipped: after the programme
    # page has shown the big trip a few times, its final garbage collection aborts with "none_dealloc"
    # (a reference-count error in the agenda's Qt overrides; see the report), which would hide the verdict.
    os._exit(code)
