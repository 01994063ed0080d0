#!/usr/bin/env bash
# The benchmark: builds the release site and an ECharts reference page drawn from the same bundle,
# measures both in headless Chromium over several cold loads, times the builder, and writes the
# table to bench/RESULTS.md. Usage: scripts/bench.sh [RUNS]   (at least 7; default 15)
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools
ensure_browser
RUNS="${1:-15}"
OUT="$ROOT/target/bench-site"

"$ROOT/scripts/build-site.sh" "$OUT"
say "building the ECharts reference page with esbuild"
mkdir -p "$OUT/echarts-reference"
"$ROOT/node_modules/.bin/esbuild" "$ROOT/bench/echarts/main.js" --bundle --minify \
  --format=iife --target=es2020 --outfile="$OUT/echarts-reference/main.js"
cp "$ROOT/bench/echarts/index.html" "$ROOT/bench/echarts/style.css" "$OUT/echarts-reference/"
say "building the builder (release)"
(cd "$ROOT" && cargo build --release --locked -p atlas-builder)
say "measuring ($RUNS runs of each side)"
node "$ROOT/bench/run.mjs" "$OUT" "$ROOT/target/release/atlas-builder" "$ROOT/bench/RESULTS.md" "$RUNS"
