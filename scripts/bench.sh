#!/usr/bin/env bash
# The benchmark: builds the release site and an ECharts reference page drawn from the same bundle
# (both precompressed, as served), measures both in headless Chromium over cold loads (also with
# the CPU slowed 4×) and interactions, times the builder, and writes bench/RESULTS.md with issues
# 10's, 11's, 12's and 19's targets met or missed and the wasm's composition.
# Usage: [ATLAS_BENCH_BASELINE=UNSPLIT_SITE_DIR] scripts/bench.sh [RUNS]   (≥ 15; default 15)
# ATLAS_BENCH_BASELINE: a built site of the app before the wasm split, for issue 19's first use of
# each view against it (without it those rows are reported, not judged).
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools
ensure_browser
RUNS="${1:-15}"
OUT="$ROOT/target/bench-site"
COMPOSITION="$ROOT/target/bench-composition.md"

if [ -f "$ROOT/scripts/wasm-composition.sh" ]; then
  # It builds the site into $OUT itself, and prints where the wasm's bytes are.
  say "building the site and reading the wasm's composition"
  bash "$ROOT/scripts/wasm-composition.sh" "$OUT" > "$COMPOSITION"
else
  "$ROOT/scripts/build-site.sh" "$OUT"
  COMPOSITION=""
fi
say "building the ECharts reference page with esbuild"
mkdir -p "$OUT/echarts-reference"
"$ROOT/node_modules/.bin/esbuild" "$ROOT/bench/echarts/main.js" --bundle --minify \
  --format=iife --target=es2020 --outfile="$OUT/echarts-reference/main.js"
cp "$ROOT/bench/echarts/index.html" "$ROOT/bench/echarts/style.css" "$OUT/echarts-reference/"
node "$ROOT/scripts/precompress.mjs" "$OUT/echarts-reference"
say "building the builder (release)"
(cd "$ROOT" && cargo build --release --locked -p atlas-builder)
say "measuring ($RUNS runs of each side)"
node "$ROOT/bench/run.mjs" "$OUT" "$ROOT/target/release/atlas-builder" "$ROOT/bench/RESULTS.md" "$RUNS" ${COMPOSITION:+"$COMPOSITION"}
