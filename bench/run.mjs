// The benchmark: the atlas and an ECharts reference page, drawn from the same bundle, measured the
// same way in the same run of headless Chromium; then the builder on the full-detail geodata.
// Usage: node bench/run.mjs SITE_DIR BUILDER_EXE RESULTS_FILE [RUNS]   (scripts/bench.sh runs it)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, ROOT } from '../tests/e2e/harness.mjs';
import { startServer } from '../scripts/serve.mjs';
import { measureInPage } from './in_page.mjs';
import { summarise, resultsMarkdown } from './report.mjs';

const [site, builder, resultsFile, runsArg = '7'] = process.argv.slice(2);
const RUNS = Number(runsArg);
if (!site || !builder || !resultsFile || !(RUNS >= 7)) {
  console.error('usage: node bench/run.mjs SITE_DIR BUILDER_EXE RESULTS_FILE [RUNS ≥ 7]');
  process.exit(2);
}

const bundle = JSON.parse(readFileSync(join(site, 'assets', 'atlas.json'), 'utf8'));
/** Cities clicked and industries chosen in turn, so every action really changes the view. */
const INDUSTRIES = bundle.industries.map((i) => i.id);
const ACTIONS_PER_RUN = 3;
/** A pause before each action, as a reader leaves between clicks, so no action meets the last one's work. */
const SETTLE_MS = 300;

/** How each side is opened, clicked and switched; everything else is measured identically. */
const SIDES = {
  atlas: {
    path: '',
    industryValue: (id) => `industry:${id}`,
  },
  echarts: {
    path: 'echarts-reference/',
    industryValue: (id) => id,
  },
};

/** gzip -9 bytes of every file the page fetched while loading, by kind. */
function firstLoadBytes(responses) {
  const bytes = { html: 0, js: 0, wasm: 0, css: 0, bundle: 0 };
  for (const { url, body } of responses) {
    const path = new URL(url).pathname;
    const kind = path.endsWith('/') || path.endsWith('.html') ? 'html'
      : path.endsWith('.js') ? 'js'
      : path.endsWith('.wasm') ? 'wasm'
      : path.endsWith('.css') ? 'css'
      : path.endsWith('.json') ? 'bundle'
      : null;
    if (kind === null) throw new Error(`unexpected first-load file ${url}`);
    bytes[kind] += gzipSync(body, { level: 9 }).length;
  }
  bytes.total = Object.values(bytes).reduce((a, b) => a + b, 0);
  return bytes;
}

/** `promise`, or an error naming `what` after 30 s, so that a broken page stops the run. */
function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(what)), 30000)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The size of every WebAssembly memory in the page (the JS heap does not count them). */
async function wasmMemoryBytes(cdp) {
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  return result.value;
}

/** One cold load of one side: load-to-first-map, JS heap, bytes, then the click timings. */
async function oneRun(browser, baseUrl, side, run) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Only the addresses are noted while the page loads; their bytes are read from the site folder
  // afterwards, so that copying bodies out of the browser does not slow the load being measured.
  const fetched = [];
  page.on('response', (r) => {
    if (r.status() === 200) fetched.push(r.url());
  });
  await page.addInitScript(measureInPage, side);
  await page.goto(baseUrl + SIDES[side].path, { waitUntil: 'commit' });
  const loadMs = await withTimeout(page.evaluate(() => window.__bench.firstMap), `${side}: the map never appeared`);
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle');
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasmBytes = await wasmMemoryBytes(cdp);
  const bytes = firstLoadBytes(fetched.map((address) => {
    const path = decodeURIComponent(new URL(address).pathname);
    return { url: address, body: readFileSync(join(site, path.endsWith('/') ? `${path}index.html` : path)) };
  }));

  const clickMs = [];
  const switchMs = [];
  for (let i = 0; i < ACTIONS_PER_RUN; i++) {
    const k = run * ACTIONS_PER_RUN + i;
    const city = bundle.cities[k % bundle.cities.length];
    await page.waitForTimeout(SETTLE_MS);
    clickMs.push(await page.evaluate((c) => window.__bench.clickCity(c), {
      adcode: city.adcode,
      name: city.name_zh,
      point: city.label_point,
    }));
    const industry = INDUSTRIES[(k + 1) % INDUSTRIES.length];
    await page.waitForTimeout(SETTLE_MS);
    switchMs.push(await page.evaluate(
      (v) => window.__bench.switchIndustry(v),
      SIDES[side].industryValue(industry),
    ));
  }
  await context.close();
  return { loadMs, heapBytes: usedSize, wasmBytes, bytes, clickMs, switchMs };
}

/** The builder over a scratch copy of geodata/ and seeds/, so the repository is not touched. */
function timeBuilder() {
  const scratch = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  cpSync(join(ROOT, 'geodata'), join(scratch, 'geodata'), { recursive: true });
  cpSync(join(ROOT, 'seeds'), join(scratch, 'seeds'), { recursive: true });
  mkdirSync(join(scratch, 'assets'));
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    execFileSync(builder, ['--root', scratch], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  rmSync(scratch, { recursive: true, force: true });
  return times;
}

const browser = await launchBrowser();
const { server, url } = await startServer({ root: site });
const samples = { atlas: [], echarts: [] };
try {
  // One discarded load of each side first, so that neither pays alone for starting the browser's
  // processes and reading the CJK font from disk.
  for (const side of ['atlas', 'echarts']) await oneRun(browser, url, side, 0);
  for (let run = 0; run < RUNS; run++) {
    // Alternate which side goes first, so neither always meets a warmer machine.
    const order = run % 2 === 0 ? ['atlas', 'echarts'] : ['echarts', 'atlas'];
    for (const side of order) {
      samples[side].push(await oneRun(browser, url, side, run));
      process.stderr.write(`run ${run + 1}/${RUNS} ${side} done\n`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
const results = {
  runs: RUNS,
  chromium: browser.version(),
  date: new Date().toISOString(),
  commit: execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']).toString().trim(),
  cpus: (await import('node:os')).cpus().length,
  atlas: summarise(samples.atlas),
  echarts: summarise(samples.echarts),
  builderMs: timeBuilder(),
};
const markdown = resultsMarkdown(results);
writeFileSync(resultsFile, markdown);
console.log(markdown);
