#!/usr/bin/env bash
# Builds the release site into dist/: the wasm app (cargo → wasm-bindgen → wasm-opt from the npm
# binaryen package), the boot script (assets/boot.js), index.html naming them, and assets/ (style
# and data bundle), with content-hashed names for what the page loads.
# Usage: scripts/build-site.sh [OUT_DIR]
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools

OUT="${1:-$ROOT/dist}"
WASM="$ROOT/target/wasm32-unknown-unknown/release/jiangsu-atlas.wasm"

say "building the app for wasm32 (release)"
# The app's own crate is linked with its relocations kept (--emit-relocs, for it alone: no
# dependency is rebuilt), which wasm-split-cli needs to move the views the first screen does not
# show (src/split_views.rs) into chunks of their own, fetched when a view opens or on idle; and
# with a stack of 512 KB instead of the linker's 1 MB, which every page kept in its memory
# (1920 KB after load): every test passed with 128 KB, and the stack lies first in memory, so an
# overflow would stop with an error, never overwrite data (tests/e2e/budget.test.mjs reads it).
(cd "$ROOT" && cargo rustc --release --locked --target wasm32-unknown-unknown -p jiangsu-atlas \
  --bin jiangsu-atlas -- -C link-arg=--emit-relocs -C link-arg=-zstack-size=524288)

rm -rf "$OUT" && mkdir -p "$OUT" && OUT="$(cd "$OUT" && pwd)"
# The splitter writes the first wasm (atlas.wasm), one split_NAME.wasm per split view, the
# chunk_N.wasm holding code shared by several of them (merged below), and __wasm_split.js, the loader whose
# table names them. wasm-bindgen then reads the first wasm, keeping the exports the chunks link
# to (--keep-lld-exports) under their linker names (--no-demangle).
SPLIT="$(mktemp -d)"; trap 'rm -rf "$SPLIT"' EXIT
wasm-split-cli "$WASM" "$SPLIT" --out-name atlas --target web
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle --out-dir "$OUT" \
  --out-name atlas "$SPLIT/atlas.wasm"
rm "$SPLIT/atlas.wasm"
mv "$SPLIT"/*.wasm "$SPLIT/__wasm_split.js" "$OUT/"
# The wasm features the app is built with, which binaryen's tools are told of.
WASM_FEATURES=(--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-reference-types --enable-call-indirect-overlong --enable-multivalue
  --enable-mutable-globals)
# The chunks of shared code become one, chunk_shared.wasm, so that a view's first use fetches two
# files instead of up to 14 (the script says what that bought).
node "$ROOT/scripts/merge-chunks.mjs" "$OUT" "${WASM_FEATURES[@]}"
# Every script and stylesheet the page loads is minified by esbuild (npm, pinned like the other
# node tools), for the browsers the README's table names (boot.js must still parse in older ones,
# to tell their users which they need): comments and spaces out, local names shortened, non-ASCII
# text kept as UTF-8. The first paint waits for the page's stylesheet, which this takes from 12.9
# to 7.2 KB gzip; the boot script, the app's module and the loader shrink by 5.2 KB gzip between
# them. The sources in assets/ keep their comments. `minify FILE [ESBUILD_FLAG…]`.
minify() {
  local file="$1"; shift
  "$ROOT/node_modules/.bin/esbuild" "$file" --minify --charset=utf8 --target=chrome96,firefox79,safari15 \
    --log-level=warning --allow-overwrite --outfile="$file" "$@"
}
# wasm-bindgen's module imports the loader once per chunk under one key, which esbuild warns of
# and keeps as it is.
minify "$OUT/atlas.js" --log-override:duplicate-object-key=silent
minify "$OUT/__wasm_split.js"
# The features rustc's wasm32 target enables by default (its target_features section lists them);
# assets/boot.js checks each in the browser, and the README's browser table derives from them
# (tests/e2e/deploy.test.mjs keeps the three equal).
say "optimising with wasm-opt $("$ROOT/node_modules/.bin/wasm-opt" --version | awk '{print $3}')"
# After -Oz, functions are put in name order, which sets related code side by side for the
# compressor (4 KB less gzip), and the producers section (tool versions) is dropped. The
# target_features section stays: the deployment test reads the features from it.
WASM_OPT=("$ROOT/node_modules/.bin/wasm-opt" -Oz --reorder-functions-by-name --strip-producers
  "${WASM_FEATURES[@]}")
# scripts/wasm-composition.sh sets ATLAS_WASM_NAMES to get the same optimised wasm with its
# function names (-g keeps the name section and changes no other byte).
if [ -n "${ATLAS_WASM_NAMES:-}" ]; then "${WASM_OPT[@]}" -g "$OUT/atlas_bg.wasm" -o "$ATLAS_WASM_NAMES"; fi
for wasm in "$OUT"/*.wasm; do "${WASM_OPT[@]}" "$wasm" -o "$wasm"; done

mkdir -p "$OUT/assets"
cp -r "$ROOT/assets/charts" "$ROOT/assets/atlas.json" "$ROOT/assets/layout.csv" "$ROOT/assets/plan.txt" "$ROOT/assets/plan.json" "$ROOT/assets/noscript.css" "$OUT/assets/"
# The county layer sits beside the bundle: the app fetches it (by its hashed copy, below) only on
# the first drill-down (src/state/load.rs), so the first load does not carry it. The boundary downloads
# (WGS84 and GCJ-02, from the export menu) keep their names, as GIS users link them.
cp "$ROOT/assets/counties.json" "$ROOT/assets/boundaries.wgs84.geojson" "$ROOT/assets/boundaries.gcj02.geojson" "$OUT/assets/"
# The stylesheet is kept as one file per concern in assets/css/, joined in name order. The rules
# of the views the first screen does not show (assets/css/views/: table, targets, overview, plan,
# briefs, presenter) are a stylesheet of their own, which the app fetches with the views' wasm
# chunks (src/state/views_style.rs), so the stylesheet that holds the first paint carries only
# the first screen's rules.
cat "$ROOT"/assets/css/*.css > "$OUT/assets/style.css"
cat "$ROOT"/assets/css/views/*.css > "$OUT/assets/views.css"
cp -r "$ROOT/examples" "$OUT/examples"
cp "$ROOT/assets/boot.js" "$OUT/boot.js"
for file in "$OUT/assets/style.css" "$OUT/assets/views.css" "$OUT/assets/noscript.css" "$OUT/boot.js"; do minify "$file"; done

# Content-hashed names for what index.html loads (the app's module and wasm, the boot script,
# both stylesheets, the data bundle), so a server may cache them for a year (deploy/nginx.conf)
# while index.html, which names them, revalidates. `hashed FILE` renames FILE to
# NAME.HASH.EXT (`hashed FILE copy` copies it instead) and prints the new path relative to
# $OUT. The bundle also stays at assets/atlas.json, a stable address for GIS tools and links;
# layout.csv, plan.txt, charts and examples keep their names, since other pages link them.
hashed() {
  local file="$1" hash; hash="$(sha256sum "$file" | cut -c1-16)"
  local new="${file%.*}.$hash.${file##*.}"
  if [ "${2:-}" = copy ]; then cp "$file" "$new"; else mv "$file" "$new"; fi
  echo "${new#"$OUT"/}"
}
# The bundle the app loads first leaves out the boundaries, which the page brings already drawn
# (the app reads them back from it); the whole bundle stays at assets/atlas.json.
(cd "$ROOT" && cargo run --locked --quiet -p atlas-builder -- lite "$OUT/assets/atlas.app.json")
BUNDLE="$(hashed "$OUT/assets/atlas.app.json")"
mv "$OUT/$BUNDLE" "$OUT/${BUNDLE/atlas.app./atlas.}" && BUNDLE="${BUNDLE/atlas.app./atlas.}"
STYLE="$(hashed "$OUT/assets/style.css")"
VIEWS_STYLE="$(hashed "$OUT/assets/views.css")"
# Each chunk gets its hashed name, and the loader's table ("./split_table.wasm") names it so.
CHUNKS=()
for chunk in "$OUT"/split_*.wasm "$OUT"/chunk_*.wasm; do
  [ -e "$chunk" ] || continue
  name="$(basename "$chunk")"; new="$(hashed "$chunk")"
  sed -i "s|\"./$name\"|\"./$new\"|g" "$OUT/__wasm_split.js"
  CHUNKS+=("$new")
done
# The app's module and the loader import each other, so both get one hash, of the two together;
# only their import specifiers are rewritten (the wasm's import module "./__wasm_split.js" is a
# name wasm-bindgen keys the loader's exports by, not an address, and stays).
PAIR="$(cat "$OUT/atlas.js" "$OUT/__wasm_split.js" | sha256sum | cut -c1-16)"
sed -i -E "s|from ?\"./__wasm_split.js\"|from\"./__wasm_split.$PAIR.js\"|g" "$OUT/atlas.js"
sed -i -E "s|from ?\"./atlas.js\"|from\"./atlas.$PAIR.js\"|g" "$OUT/__wasm_split.js"
mv "$OUT/atlas.js" "$OUT/atlas.$PAIR.js" && MODULE="atlas.$PAIR.js"
mv "$OUT/__wasm_split.js" "$OUT/__wasm_split.$PAIR.js"
WASM_FILE="$(hashed "$OUT/atlas_bg.wasm")"
BOOT="$(hashed "$OUT/boot.js")"
# The county layer and the plan document, fetched after the app has started, get hashed copies
# too (the page names them for the app), so a tab left open across a deployment fetches its own
# build's files; the stable names stay for GIS users and links.
COUNTIES="$(hashed "$OUT/assets/counties.json" copy)"
PLAN="$(hashed "$OUT/assets/plan.json" copy)"

# The page, in its final form: the template index.html with the hashed names, and the default
# map prerendered in its body by atlas-core's scene code (atlas-builder page), so the first map
# paints before any script runs. The app's module and wasm are preloaded (they download in
# parallel) and named by id for the boot script (assets/boot.js); the bundle's preload names the
# address the app reads (src/state/load.rs).
say "writing index.html with the prerendered map"
(cd "$ROOT" && cargo run --locked --quiet -p atlas-builder -- page "$OUT/index.html" \
  "assets/style.css=$STYLE" "assets/views.css=$VIEWS_STYLE" "atlas.js=$MODULE" "atlas_bg.wasm=$WASM_FILE" "boot.js=$BOOT" \
  "assets/atlas.json=$BUNDLE" "assets/counties.json=$COUNTIES" "assets/plan.json=$PLAN" \
  "chunks=${CHUNKS[*]}")
say "site built in $OUT: first wasm $(stat -c %s "$OUT/$WASM_FILE") bytes ($(gzip -9c "$OUT/$WASM_FILE" | wc -c) gzip), ${#CHUNKS[@]} chunks $(cat "${CHUNKS[@]/#/$OUT/}" | wc -c) bytes"
node "$ROOT/scripts/precompress.mjs" "$OUT"
