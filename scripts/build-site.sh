#!/usr/bin/env bash
# Builds the release site into dist/: the wasm app (cargo → wasm-bindgen → wasm-opt from the npm
# binaryen package), index.html with its boot script, and assets/ (style and data bundle).
# Usage: scripts/build-site.sh [OUT_DIR]
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools

OUT="${1:-$ROOT/dist}"
WASM="$ROOT/target/wasm32-unknown-unknown/release/jiangsu-atlas.wasm"

say "building the app for wasm32 (release)"
(cd "$ROOT" && cargo build --release --locked --target wasm32-unknown-unknown -p jiangsu-atlas)

rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" --out-name atlas "$WASM"
say "optimising with wasm-opt $("$ROOT/node_modules/.bin/wasm-opt" --version | awk '{print $3}')"
"$ROOT/node_modules/.bin/wasm-opt" -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals \
  "$OUT/atlas_bg.wasm" -o "$OUT/atlas_bg.wasm"

mkdir -p "$OUT/assets"
cp -r "$ROOT/assets/charts" "$ROOT/assets/atlas.json" "$ROOT/assets/layout.csv" "$ROOT/assets/plan.txt" "$OUT/assets/"
# The stylesheet is kept as one file per concern in assets/css/, joined in name order.
cat "$ROOT"/assets/css/*.css > "$OUT/assets/style.css"
cp -r "$ROOT/examples" "$OUT/examples"
cat > "$OUT/boot.js" <<'JS'
// Starts the atlas: loads the wasm next to this script, wherever the site is hosted.
import init from './atlas.js';
init({ module_or_path: new URL('atlas_bg.wasm', import.meta.url) });
JS
# index.html keeps Trunk's layout; here its data-trunk links become plain tags, and the app's
# module and wasm are preloaded as Trunk preloads them, so they download in parallel.
sed -e 's|<link data-trunk rel="css" href="\([^"]*\)">|<link rel="stylesheet" href="\1">|' \
    -e '/<link data-trunk rel="copy-dir"/d' \
    -e 's|<link data-trunk rel="rust"[^>]*>|<link rel="modulepreload" href="atlas.js">\n  <link rel="preload" href="atlas_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n  <script type="module" src="boot.js"></script>|' \
    "$ROOT/index.html" > "$OUT/index.html"
if grep -q 'data-trunk' "$OUT/index.html"; then
  echo "error: index.html has a data-trunk link this script does not know how to turn into a plain tag" >&2
  exit 1
fi
say "site built in $OUT: wasm $(stat -c %s "$OUT/atlas_bg.wasm") bytes ($(gzip -9c "$OUT/atlas_bg.wasm" | wc -c) gzip)"
