// Merges the wasm chunks of code shared by several views into one file, chunk_shared.wasm, and
// points the loader at it. wasm-split-cli writes one chunk_N.wasm per set of views sharing code
// (25 files of 0.3–5 KB for 9 views), so a view's first use fetched and instantiated up to 14
// files; with one shared file it fetches two (its own and the shared one), once. Measured with
// the views' chunks not yet fetched, opened as the app starts (loopback, 9 runs): plan
// 208 -> 184 ms, overview 171 -> 126, table 137 -> 117. The shared chunks import only the first
// wasm's memory, table and stack pointer and fill their own table slots and data, so merging
// them changes no code: binaryen's wasm-merge joins them with a stub standing for the first wasm
// (its imports, re-exported), whose import module is then renamed back.
// Usage: node scripts/merge-chunks.mjs DIR [binaryen feature flags…] (DIR holds the loader
// __wasm_split.js, as wasm-split-cli wrote it, and the chunks).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [dir, ...features] = process.argv.slice(2);
const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin');
const tool = (name, args, input) =>
  execFileSync(join(bin, name), [...features, ...args], { input, maxBuffer: 1 << 28 }).toString();
const fail = (message) => {
  console.error(`merge-chunks: ${message}`);
  process.exit(1);
};

const SHARED = /^chunk_\d+\.wasm$/;
const chunks = readdirSync(dir).filter((f) => SHARED.test(f)).sort();
if (chunks.length === 0) {
  console.log('merge-chunks: no shared chunks to merge');
  process.exit(0);
}

// The stub: every import the chunks make of the first wasm (its memory, table and globals; a
// chunk importing anything else stops the build), imported from `__outer` and exported under the
// same name, so that wasm-merge links the chunks' imports to it.
const IMPORT = /^\s*\(import "__wasm_split" "([^"]+)" \((memory|table|global) \$\S+ ?(.*)\)\)$/;
const imports = new Map();
for (const chunk of chunks) {
  for (const line of tool('wasm-dis', [join(dir, chunk)]).split('\n')) {
    if (!line.includes('(import ')) continue;
    const match = IMPORT.exec(line);
    if (!match) fail(`${chunk} has an import this script does not know: ${line.trim()}`);
    const [, name, kind, type] = match;
    const seen = imports.get(name);
    if (seen && (seen.kind !== kind || seen.type !== type)) fail(`${chunk} imports ${name} as ${kind} ${type}, another chunk as ${seen.kind} ${seen.type}`);
    imports.set(name, { kind, type });
  }
}
const stub = ['(module'];
[...imports].forEach(([name, { kind, type }], i) => {
  stub.push(` (import "__outer" "${name}" (${kind} $i${i} ${type}))`, ` (export "${name}" (${kind} $i${i}))`);
});
stub.push(')');

const work = mkdtempSync(join(tmpdir(), 'merge-chunks-'));
try {
  writeFileSync(join(work, 'stub.wat'), stub.join('\n'));
  tool('wasm-as', [join(work, 'stub.wat'), '-o', join(work, 'stub.wasm')]);
  const named = chunks.flatMap((chunk) => [join(dir, chunk), chunk.replace('.wasm', '')]);
  tool('wasm-merge', [join(work, 'stub.wasm'), '__wasm_split', ...named, '-o', join(work, 'merged.wasm')]);
  // Back to the first wasm's import module, without the stub's exports.
  const text = tool('wasm-dis', [join(work, 'merged.wasm')])
    .split('\n')
    .filter((line) => !/^\s*\(export "/.test(line))
    .map((line) => line.replace(/^(\s*\(import )"__outer"/, '$1"__wasm_split"'))
    .join('\n');
  writeFileSync(join(work, 'merged.wat'), text);
  tool('wasm-as', [join(work, 'merged.wat'), '-o', join(dir, 'chunk_shared.wasm')]);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// The loader: the first shared chunk's loader now fetches chunk_shared.wasm, and every other one
// is that same loader, so the file is fetched and instantiated once whichever view asks first.
const loaderFile = join(dir, '__wasm_split.js');
const LOADER = /const (__chunk_\d+) = makeLoad\(\(\) => \{[^]*?"\.\/(chunk_\d+\.wasm)"[^]*?\}\n, \[\]\);/g;
let first = null;
const loaded = [];
const loader = readFileSync(loaderFile, 'utf8').replace(LOADER, (whole, name, file) => {
  loaded.push(file);
  if (first === null) {
    first = name;
    return whole.replace(`"./${file}"`, '"./chunk_shared.wasm"');
  }
  return `const ${name} = ${first};`;
});
if (loaded.sort().join() !== chunks.join()) fail(`the loader's shared chunks (${loaded}) are not the files (${chunks}): has wasm-split-cli's loader changed?`);
writeFileSync(loaderFile, loader);
for (const chunk of chunks) rmSync(join(dir, chunk));
console.log(`merge-chunks: ${chunks.length} shared chunks merged into chunk_shared.wasm`);
