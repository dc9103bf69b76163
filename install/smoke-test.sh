#!/bin/sh
# Run the built bundle as a user would on a clean machine: a copy outside the source tree, a fresh
# HOME, no Python on the PATH, no virtual environment. Usage: install/smoke-test.sh BUNDLE_DIR
set -eu
bundle=$(cd "$1" && pwd)
work=$(mktemp -d /tmp/planner-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -a "$bundle" "$work/app"
mkdir -p "$work/home" "$work/empty-path" "$work/out"
run() {  # the bundle's program with nothing of this machine's Python around it
    env -i HOME="$work/home" PATH="$work/empty-path" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
db="$work/home/plan.sqlite"
run "$work/app/planner" --version
# reportlab imports its C accelerator through exec(), which PyInstaller cannot see: the spec names it.
ls "$bundle"/_internal/_rl_accel.* >/dev/null 2>&1 || { echo "smoke test: reportlab's accelerator (_rl_accel) is not in the bundle" >&2; exit 1; }
run "$work/app/planner" --db "$db" demo
run "$work/app/planner" --db "$db" --lang zh export-pdf --trip 1 --member programme --lang zh --out "$work/out"
run "$work/app/planner" --db "$db" export-ics --trip 1 --member all --out "$work/out"
pdf=$(ls "$work"/out/*.pdf)
ics_count=$(ls "$work"/out/*.ics | wc -l)
[ "$ics_count" -gt 10 ] || { echo "smoke test: only $ics_count calendars written" >&2; exit 1; }
if command -v pdftotext >/dev/null 2>&1; then
    pdftotext "$pdf" - | grep -q "深圳" || { echo "smoke test: the Chinese programme has no Chinese text" >&2; exit 1; }
fi
# The window: starts on a new default database (seeded with the demo) and stays up until stopped.
status=0
run "$(command -v timeout)" 15 "$work/app/delegation-planner" >"$work/window.log" 2>&1 || status=$?
if [ "$status" -ne 124 ]; then
    echo "smoke test: the window ended by itself (exit $status)" >&2
    cat "$work/window.log" >&2
    exit 1
fi
ls "$work"/home/.local/share/DelegationPlanner/planner.sqlite >/dev/null
echo "smoke test passed: CLI (demo, Chinese programme PDF, $ics_count calendars) and the window, without Python"
