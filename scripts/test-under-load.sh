#!/usr/bin/env bash
# Runs the browser suite RUNS times in a row (default 3) while two busy loops keep both cores of a
# 2-core machine busy, to show the tests wait for conditions rather than for time.
# Usage: scripts/test-under-load.sh [RUNS]   (after ./scripts/test.sh has built dist/)
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
RUNS="${1:-3}"
cd "$ROOT"
[ -f dist/index.html ] || { echo "dist/ is not built: run ./scripts/test.sh or ./scripts/build-site.sh first" >&2; exit 1; }
busy=()
for _ in 1 2; do yes > /dev/null & busy+=($!); done
trap 'kill "${busy[@]}" 2>/dev/null' EXIT
for run in $(seq 1 "$RUNS"); do
  say "browser suite under load: run $run of $RUNS"
  node --test --test-concurrency=1 tests/e2e/
done
