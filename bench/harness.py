"""Timing and measuring for the benchmark: medians of repeated runs, probes in child processes.

A figure is the median of several runs, so one hiccup of a busy machine does
not decide it. Start-up and memory are measured in fresh child processes (a
warm interpreter would hide imports, and a process's peak memory only ever
grows); a child says "done" on its standard output with a JSON payload, and
the parent's clock runs from starting the child to reading that line.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

#: The line a probe prints when it reached the moment being measured, followed by a JSON payload.
DONE_MARKER = "BENCH-DONE "


@dataclass(frozen=True, slots=True)
class Timing:
    """Seconds of each run, and their median."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def time_runs(action: Callable[[], object], runs: int, *, before: Callable[[], object] | None = None) -> Timing:
    """Run `action` `runs` times, each after an untimed `before`, and time each run.

    The garbage collector is run before each timed run (not during), so one
    run does not pay for the garbage of the previous one.
    """
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        gc.collect()
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return Timing(tuple(samples))


class ProbeError(RuntimeError):
    """A child process ended without reaching the measured moment."""


@dataclass(frozen=True, slots=True)
class ProbeResult:
    seconds: float  # from starting the child to its marker line
    payload: dict[str, Any] = field(default_factory=dict)


def run_probe(code: str, args: Sequence[str] = (), *, env: Mapping[str, str] | None = None, timeout: float = 120.0) -> ProbeResult:
    """Run `python -c code args…` and time it until it prints its marker line; then let it finish.

    A payload with `painted_at` (the child's wall clock at the measured moment)
    is timed to that moment instead: what the child does between it and the
    marker line does not count.
    """
    started_wall = time.time()
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(env) if env is not None else None,
    )
    assert child.stdout is not None
    seconds: float | None = None
    payload: dict[str, Any] = {}
    try:
        for line in child.stdout:
            if line.startswith(DONE_MARKER):
                seconds = time.perf_counter() - started
                payload = json.loads(line[len(DONE_MARKER):])
                break
        _out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        _out, err = child.communicate()
        raise ProbeError(f"the probe did not finish within {timeout:.0f} s") from None
    if seconds is None or child.returncode != 0:
        tail = "\n".join(err.strip().splitlines()[-15:])
        raise ProbeError(f"the probe ended with code {child.returncode} before it was done:\n{tail}")
    if isinstance(payload.get("painted_at"), float):
        seconds = payload["painted_at"] - started_wall
    return ProbeResult(seconds, payload)


def probe_environment(home: Path) -> dict[str, str]:
    """The environment for app probes: offscreen, and settings, logs and backups under `home`, not the user's.

    Python may write its bytecode cache (PYTHONDONTWRITEBYTECODE is dropped):
    an installed planner has its modules compiled (pip and the bundle do
    that), so a start that compiles them from source each time is not one a
    user sees. The untimed warm-up run of each probe writes the cache.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    env["XDG_CACHE_HOME"] = str(home / "cache")
    env.setdefault("LANG", "en_GB.UTF-8")
    return env


@dataclass(frozen=True, slots=True)
class Figure:
    """One line of the results table."""

    name: str
    measured: float | None  # None: not measured
    unit: str  # "ms", "s", "KB", "MB", "×"
    limit: float  # the target: measured must be at most this (strictly below where `strict`)
    target: str  # the target as the issue words it
    strict: bool = True
    detail: str = ""  # what else was seen: the runs, both sides of a comparison, why not measured
    profile: str = ""  # where the profile of a missed target was written

    @property
    def ok(self) -> bool | None:
        if self.measured is None:
            return None
        return self.measured < self.limit if self.strict else self.measured <= self.limit

    def shown(self) -> str:
        if self.measured is None:
            return "not measured"
        if self.unit == "×":
            return f"{self.measured:.2f} ×"
        if self.unit in ("ms", "KB", "MB"):
            return f"{self.measured:,.0f} {self.unit}" if self.measured >= 10 else f"{self.measured:.1f} {self.unit}"
        return f"{self.measured:.2f} {self.unit}"


def machine_info() -> dict[str, str]:
    """What the figures were measured on; they mean little without it."""
    try:
        import PySide6

        pyside = PySide6.__version__
        from PySide6.QtCore import qVersion

        qt = qVersion()
    except ImportError:  # pragma: no cover - the planner needs PySide6
        pyside = qt = "missing"
    cpu = platform.processor() or _cpu_model() or platform.machine()
    return {
        "Date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "Platform": platform.platform(),
        "CPU": f"{cpu}, {os.cpu_count()} logical CPUs",
        "Load before the run": _load(),
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "PySide6 / Qt": f"{pyside} / {qt}",
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def _load() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min)"


def profile_call(action: Callable[[], object], target: Path) -> str:
    """Run `action` once under pyinstrument and write the profile as text; "" if pyinstrument is not installed.

    pyinstrument is a developer tool, not a dependency of the planner: install
    it into the virtualenv to get profiles of the figures that miss.
    """
    try:
        from pyinstrument import Profiler
    except ImportError:
        return ""
    profiler = Profiler(interval=0.001)
    profiler.start()
    try:
        action()
    finally:
        profiler.stop()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
    return str(target)


def profile_probe(code: str, args: Sequence[str], env: Mapping[str, str], target: Path) -> str:
    """Run a probe once under pyinstrument and keep the text profile; "" if pyinstrument is not installed."""
    import importlib.util

    if importlib.util.find_spec("pyinstrument") is None:
        return ""
    target.parent.mkdir(parents=True, exist_ok=True)
    script = target.with_suffix(".probe.py")  # a file, not -c: pyinstrument then shows the whole run
    script.write_text(code, encoding="utf-8")
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "pyinstrument", "-i", "0.001", "-r", "text", "-o", str(target), str(script), *args],
            env=dict(env), capture_output=True, text=True, timeout=300, check=False,
        )
    finally:
        script.unlink(missing_ok=True)
    return str(target) if completed.returncode == 0 and target.is_file() else ""
