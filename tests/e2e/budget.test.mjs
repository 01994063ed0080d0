// The size budget (budget.json): what a visitor downloads before the first map answers a tap,
// gzip, and the first wasm alone, must stay within the budget the repository states, so that
// growth is a decision (a change to budget.json, reviewed), not an accident.
//
// What is counted is what the page really asks for: the real built site is opened in Chromium
// and every request it makes until the app has taken over the map (`appStarted`) is listed; each
// is then asked of the same server (scripts/serve.mjs, which sends the build's precompressed
// copies) with `Accept-Encoding: gzip`, and the bytes of that answer are what the visitor pays on
// gzip. Reading the names index.html gives would miss a file the app fetches before it starts or
// count one it no longer fetches; this counts neither more nor less than the page loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, appStarted, useBrowserAndSite } from './harness.mjs';

const ctx = useBrowserAndSite();

/** The budget, as budget.json states it (bytes). */
const BUDGET = JSON.parse(readFileSync(process.env.ATLAS_BUDGET ?? join(ROOT, 'budget.json'), 'utf8'));

/** `bytes` as KB (1024 bytes, as bench/RESULTS.md counts them), one decimal. */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The body of `url` as the server sends it to a client that accepts `coding` only. */
async function encodedSize(url, coding) {
  const response = await fetch(url, { headers: { 'Accept-Encoding': coding } });
  assert.ok(response.ok, `${url}: the server answered ${response.status}`);
  // Node's fetch decodes the body: the encoded size is the Content-Length of the answer, which
  // serve.mjs always sends, checked against the encoding it used.
  const encoding = response.headers.get('content-encoding');
  const length = Number(response.headers.get('content-length'));
  await response.arrayBuffer();
  return { bytes: length, encoding: encoding ?? 'identity' };
}

/**
 * Opens the atlas and lists every address the page requested until the app had started (the
 * map then answers a tap), each with the size of its gzip (and brotli) answer.
 */
async function firstLoad() {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(ctx.site.url);
  await page.waitForFunction(appStarted);
  // The views' wasm chunks (split_*.wasm, chunk_*.wasm) and their stylesheet (views.*.css) are
  // fetched on idle once the first map is up, so one may start in the frame the app starts in:
  // they are not the first load.
  const before = [...new Set(requested)]
    .filter((url) => url.startsWith(ctx.site.url) && !/\/((split_|chunk_)[^/]*\.wasm|assets\/views\.[0-9a-f]{16}\.css)$/.test(url));
  await page.close();
  const files = [];
  for (const url of before) {
    const gzip = await encodedSize(url, 'gzip');
    const brotli = await encodedSize(url, 'br');
    files.push({ url, path: url.slice(ctx.site.url.length) || 'index.html', gzip, brotli });
  }
  return files;
}

test('the first load and the first wasm stay within budget.json (gzip, as served)', async () => {
  const files = await firstLoad();
  const list = files
    .map((f) => `  ${f.path}: ${f.gzip.bytes} bytes (${kb(f.gzip.bytes)}) ${f.gzip.encoding}, ${kb(f.brotli.bytes)} ${f.brotli.encoding}`)
    .join('\n');
  const total = files.reduce((sum, f) => sum + f.gzip.bytes, 0);
  const brotli = files.reduce((sum, f) => sum + f.brotli.bytes, 0);
  console.log(`first load, until the app answers a tap: ${total} bytes gzip (${kb(total)}), ${kb(brotli)} brotli\n${list}`);

  // Every file the first screen needs is counted, each in its compressed form.
  for (const expected of [/^(index\.html)?$/, /^assets\/style\.[0-9a-f]{16}\.css$/, /^boot\.[0-9a-f]{16}\.js$/,
    /^atlas\.[0-9a-f]{16}\.js$/, /^atlas_bg\.[0-9a-f]{16}\.wasm$/, /^assets\/atlas\.[0-9a-f]{16}\.json$/]) {
    const file = files.find((f) => expected.test(f.path.replace(/^index\.html$/, '')));
    assert.ok(file, `the first load requested no file like ${expected}:\n${list}`);
    assert.equal(file.gzip.encoding, 'gzip', `${file.path} was not served gzip`);
  }

  const wasm = files.filter((f) => f.path.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `the first load fetched ${wasm.length} wasm files:\n${list}`);
  const wasmBudget = BUDGET.first_wasm_gzip.max_bytes;
  assert.ok(
    wasm[0].gzip.bytes <= wasmBudget,
    `the first wasm ${wasm[0].path} is ${wasm[0].gzip.bytes} bytes gzip (${kb(wasm[0].gzip.bytes)}), over the budget of ${wasmBudget} bytes (${kb(wasmBudget)}) in budget.json (first_wasm_gzip.max_bytes): make it smaller, or raise the budget there and say why`,
  );
  const loadBudget = BUDGET.first_load_gzip.max_bytes;
  assert.ok(
    total <= loadBudget,
    `the first load is ${total} bytes gzip (${kb(total)}), over the budget of ${loadBudget} bytes (${kb(loadBudget)}) in budget.json (first_load_gzip.max_bytes): make it smaller, or raise the budget there and say why. The files:\n${list}`,
  );
});

/** The first wasm's stack: the size it reserves (the stack pointer's start, global 0) and where
 * its data begins (the first data segment's offset), read from the shipped file's sections. */
function stackOf(bytes) {
  let at = 8;
  const uleb = () => { let value = 0, shift = 0, byte; do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80); return value; };
  const sleb = () => { let value = 0, shift = 0, byte; do { byte = bytes[at++]; value |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80); return shift < 32 && (byte & 0x40) ? value | (~0 << shift) : value; };
  const i32Const = () => { assert.equal(bytes[at++], 0x41, 'an i32.const'); const value = sleb(); assert.equal(bytes[at++], 0x0b); return value; };
  const found = {};
  while (at < bytes.length) {
    const id = bytes[at++], length = uleb(), end = at + length;
    if (id === 6) { uleb(); const [type, mutable] = [bytes[at++], bytes[at++]]; found.stackPointer = { type, mutable, start: i32Const() }; }
    if (id === 11) { uleb(); assert.equal(uleb(), 0, 'an active data segment'); found.dataStart = i32Const(); }
    at = end;
  }
  return found;
}

test('the first wasm reserves no more stack than budget.json says, before its data (an overflow stops, never overwrites)', () => {
  const name = readdirSync(DIST).find((f) => /^atlas_bg\.[0-9a-f]{16}\.wasm$/.test(f));
  assert.ok(name, `no atlas_bg.*.wasm in ${DIST}`);
  const { stackPointer, dataStart } = stackOf(readFileSync(join(DIST, name)));
  assert.deepEqual([stackPointer.type, stackPointer.mutable], [0x7f, 1], 'global 0 is the stack pointer (a mutable i32)');
  const max = BUDGET.first_wasm_stack.max_bytes;
  assert.ok(stackPointer.start <= max, `the stack is ${stackPointer.start} bytes, over ${max} in budget.json (first_wasm_stack.max_bytes): every page keeps it in its memory`);
  assert.ok(stackPointer.start >= 65536, `a stack of ${stackPointer.start} bytes is too small for the app`);
  assert.ok(dataStart >= stackPointer.start && dataStart - stackPointer.start < 65536, `the data begins at ${dataStart}, just above the stack (${stackPointer.start}): the stack lies first`);
});
