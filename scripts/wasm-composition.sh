#!/usr/bin/env bash
# Prints, as markdown, where the bytes of the site's wasm are: the app's components, the Leptos
# runtime, serde, atlas-core, core::fmt, the data sections and the rest.
#
# The shipped wasm has no names, so this builds the site into DIST_DIR with
# ATLAS_WASM_NAMES set: scripts/build-site.sh then also writes the same optimised wasm with its
# name section (wasm-opt -g). The script checks that this copy, less its name section, is
# byte for byte the shipped wasm, so every byte counted is a shipped byte. twiggy (pinned)
# gives each function's and data segment's own (shallow) size; each item goes to the first
# group whose pattern its demangled name matches. A function the app defines (its closures and
# drop glue for its types too) counts to the app's module; library code instantiated for the
# app's types counts to the library, as symbol names do not say for whom (so the Leptos row
# holds much view code built for the app's components). Sizes are of the uncompressed wasm; the
# gzip and brotli columns share the whole file's compressed size out in proportion (an
# estimate: parts compress differently).
# Usage: scripts/wasm-composition.sh DIST_DIR   (run it under the build lock: it builds)
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

TWIGGY_VERSION=0.8.0
if [ "$(twiggy --version 2>/dev/null | awk '{print $NF}')" != "$TWIGGY_VERSION" ]; then
  say "installing twiggy $TWIGGY_VERSION (about 2 minutes)"
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi

OUT="${1:?usage: scripts/wasm-composition.sh DIST_DIR}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

ATLAS_WASM_NAMES="$WORK/named.wasm" "$ROOT/scripts/build-site.sh" "$OUT" >&2
shopt -s nullglob
shipped=("$OUT"/atlas_bg.*.wasm)
[ ${#shipped[@]} -eq 1 ] || { echo "error: expected one atlas_bg.*.wasm in $OUT" >&2; exit 1; }
twiggy top -n 1000000 --format csv "$WORK/named.wasm" > "$WORK/top.csv"

GZIP_BYTES="$(gzip -9c "${shipped[0]}" | wc -c)"
node --input-type=module - "$WORK/named.wasm" "${shipped[0]}" "$WORK/top.csv" "$GZIP_BYTES" <<'EOF'
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const [named, shipped, csv] = process.argv.slice(2, 5).map((f) => readFileSync(f));
const gzip = Number(process.argv[5]);

// The named copy less its `name` custom section must be the shipped file.
function withoutNames(bytes) {
  const parts = [bytes.subarray(0, 8)];
  let i = 8;
  const leb = () => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[i++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return value;
  };
  while (i < bytes.length) {
    const start = i, id = bytes[i++], length = leb(), end = i + length;
    const isNames = id === 0 && (() => { const n = leb(); return bytes.subarray(i, i + n).toString() === 'name'; })();
    if (!isNames) parts.push(bytes.subarray(start, end));
    i = end;
  }
  return Buffer.concat(parts);
}
if (!withoutNames(named).equals(shipped)) {
  console.error('error: the named copy, less its names, is not the shipped wasm: the two wasm-opt runs differ');
  process.exit(1);
}

// twiggy's CSV: Name,ShallowSize,... with RFC 4180 quoting.
const rows = [];
for (const line of csv.toString().split('\n').slice(1)) {
  const m = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
  if (m) rows.push([m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1], Number(m[2])]);
}

// First match wins. `crate` matches the crate's path with or without rustc's [hash] suffix.
const crate = (name) => `${name}(\\[[0-9a-f]+\\])?::`;
const GROUPS = [
  ['names (not shipped)', /^"[a-z ]+ names" subsection$|^"module name" subsection$/],
  ['serde_json', new RegExp(crate('serde_json'))],
  [(m) => `app: ${m[2]}`, new RegExp(`${crate('jiangsu_atlas')}(?:__component_)?([a-z0-9_]+)`)],
  ['serde: derived Deserialize / Serialize', new RegExp(`${crate('serde_core')}|${crate('serde')}`)],
  [(m) => `atlas-core: ${m[2]}`, new RegExp(`${crate('atlas_core')}([a-z0-9_]+)`)],
  ['Leptos runtime (leptos, tachys, reactive_graph, …)', new RegExp(['leptos', 'leptos_dom', 'tachys', 'reactive_graph', 'any_spawner', 'or_poisoned', 'throw_error', 'hydration_context', 'slotmap', 'send_wrapper', 'futures_util', 'futures_channel', 'futures_executor', 'futures_core', 'server_fn', 'wasm_streams'].map(crate).join('|'))],
  ['wasm-bindgen, js-sys, web-sys glue', new RegExp(`${['wasm_bindgen', 'wasm_bindgen_futures', 'js_sys', 'web_sys', 'console_error_panic_hook'].map(crate).join('|')}|^__wbg|^__wbindgen|^__externref|externref shim|^intounderlying|^export "|^import "`)],
  ['core::fmt: f64 Display (flt2dec)', /f64 as core(\[[0-9a-f]+\])?::fmt|flt2dec|float_to_decimal|float_to_exponential/],
  ['f64 parsing (dec2flt)', /dec2flt/],
  ['core::fmt (other)', /core(\[[0-9a-f]+\])?::fmt|Formatter|Display>::fmt|Debug>::fmt/],
  ['Unicode case and tables', /core(\[[0-9a-f]+\])?::unicode|to_lowercase|to_uppercase/],
  ['sorting (core::slice::sort)', /core(\[[0-9a-f]+\])?::slice::sort/],
  ['geo / geojson', new RegExp(['geo', 'geo_types', 'geojson'].map(crate).join('|'))],
  ['allocator, collections, other std', /dlmalloc|alloc(\[[0-9a-f]+\])?::|core(\[[0-9a-f]+\])?::|std(\[[0-9a-f]+\])?::|hashbrown|^mem(cpy|set|cmp|move)$|^__/],
  ['data sections (strings, tables)', /^data segment /],
  ['tables, exports, headers, unnamed', /.*/],
];
const totals = new Map();
for (const [name, bytes] of rows) {
  for (const [label, pattern] of GROUPS) {
    const m = name.match(pattern);
    if (!m) continue;
    const key = typeof label === 'function' ? label(m) : label;
    totals.set(key, (totals.get(key) ?? 0) + bytes);
    break;
  }
}
const notShipped = totals.get('names (not shipped)') ?? 0;
totals.delete('names (not shipped)');
const counted = [...totals.values()].reduce((a, b) => a + b, 0);
const brotli = brotliCompressSync(shipped, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: shipped.length } }).length;

// The first table has one row for the app and one for atlas-core; the second splits them by module.
const kb = (n) => (n / 1000).toFixed(1);
const row = (label, bytes) => `| ${label} | ${bytes} | ${(100 * bytes / counted).toFixed(1)} % | ${kb(gzip * bytes / counted)} | ${kb(brotli * bytes / counted)} |`;
const header = (first) => `| ${first} | bytes | share | ≈ gzip KB | ≈ brotli KB |\n|---|---:|---:|---:|---:|`;
const byModule = [...totals].filter(([k]) => /^(app|atlas-core): /.test(k)).sort((a, b) => b[1] - a[1]);
const merged = new Map([...totals].filter(([k]) => !/^(app|atlas-core): /.test(k)));
for (const [k, v] of byModule) {
  const group = k.startsWith('app: ') ? 'app: its components and the view code built for them' : 'atlas-core';
  merged.set(group, (merged.get(group) ?? 0) + v);
}
console.log(`wasm ${shipped.length} bytes, gzip -9 ${gzip}, brotli 11 ${brotli} (the shipped file); twiggy counts ${counted} bytes of it (${notShipped} bytes of names left out).\n`);
console.log(header('part'));
for (const [label, bytes] of [...merged].sort((a, b) => b[1] - a[1])) console.log(row(label, bytes));
console.log(`\n${header('module')}`);
for (const [label, bytes] of byModule) console.log(row(label, bytes));
EOF
