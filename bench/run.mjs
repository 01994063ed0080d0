// The benchmark: the atlas and an ECharts reference page, drawn from the same bundle, measured the
// same way in the same run of headless Chromium; then the builder on the full-detail geodata.
// Usage: node bench/run.mjs SITE_DIR BUILDER_EXE RESULTS_FILE [RUNS] [COMPOSITION_MD]
// (scripts/bench.sh runs it; COMPOSITION_MD is what scripts/wasm-composition.sh printed for SITE_DIR).
// ATLAS_BENCH_BASELINE=DIR: a built site of the unsplit app (the "today's" column of issue 19's
// first use of each view). ATLAS_BENCH_DEV=1 lets RUNS be below 15, for developing the benchmark
// only (the results it writes say so).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { appStarted, launchBrowser, ROOT } from '../tests/e2e/harness.mjs';
import { startServer } from '../scripts/serve.mjs';
import { brotli11, gzip9 } from '../scripts/precompress.mjs';
import { measureInPage } from './in_page.mjs';
import { summarise, resultsMarkdown } from './report.mjs';
import { measureOverview } from './issue12_overview.mjs';
import { measurePlan } from './issue12_plan.mjs';
import { measureBriefs } from './issue12_briefs.mjs';
import { CHUNK_FILE, chunkFiles, firstWasm, installReadyWatch, measureIssue19 } from './issue19.mjs';

const [site, builder, resultsFile, runsArg = '15', compositionFile] = process.argv.slice(2);
const RUNS = Number(runsArg);
/** Fewer than 15 runs, allowed for developing the benchmark only (ATLAS_BENCH_DEV=1). */
const DEV_RUNS = process.env.ATLAS_BENCH_DEV === '1';
const BASELINE = process.env.ATLAS_BENCH_BASELINE || null;
if (!site || !builder || !resultsFile || !(RUNS >= 15 || (DEV_RUNS && RUNS >= 1))) {
  console.error('usage: node bench/run.mjs SITE_DIR BUILDER_EXE RESULTS_FILE [RUNS ≥ 15] [COMPOSITION_MD]');
  process.exit(2);
}

const bundle = JSON.parse(readFileSync(join(site, 'assets', 'atlas.json'), 'utf8'));
/** Cities clicked and industries chosen in turn, so every action really changes the view. */
const INDUSTRIES = bundle.industries.map((i) => i.id);
const ACTIONS_PER_RUN = 3;
/** A pause before each action, as a reader leaves between clicks, so no action meets the last one's work. */
const SETTLE_MS = 300;
/** The CPU slow-down of the second set of loads (Chromium's DevTools throttling). */
const THROTTLE = 4;
/**
 * The connection of the third set of loads, DevTools' "Slow 4G" (1.6 Mbit/s down, 150 ms): on
 * loopback every preloaded file has arrived long before any first map, so what a first map
 * needs shows only where the network takes time.
 */
const SLOW_NETWORK = {
  label: 'Slow 4G: 1.6 Mbit/s, 150 ms',
  conditions: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
};
/**
 * Issue 19's runs of each of its measures (the first tap, each view's first use cold, prefetched
 * and on the baseline): fewer than RUNS, so that the whole benchmark stays within 15 minutes.
 */
const ISSUE19_RUNS = Math.min(RUNS, 5);
/** The city drilled into and back out of (issue 11's measure): 苏州. */
const DRILL_CITY = '320500';
/** The presenter slide the slide changes start from (each ArrowRight goes one further). */
const FIRST_SLIDE = 2;

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

/** Raw, gzip -9 and brotli 11 sizes of each site file, computed once per file. */
const sizeCache = new Map();
async function fileSizes(path) {
  if (!sizeCache.has(path)) {
    const body = readFileSync(join(site, path.endsWith('/') ? `${path}index.html` : path));
    sizeCache.set(path, { raw: body.length, gzip: (await gzip9(body)).length, brotli: (await brotli11(body)).length });
  }
  return sizeCache.get(path);
}

/** The kind of first-load file an address is (the bundle is the JSON). */
function kindOf(path) {
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  return { '.js': 'js', '.wasm': 'wasm', '.css': 'css', '.json': 'bundle' }[extname(path)] ?? 'other';
}

/**
 * The bytes of `fetched` ({url, responseEnd} from the page) in gzip and brotli, by kind, for
 * everything and for what had arrived by `firstMapMs`. Sizes are of the files in the site folder,
 * read after the load, so copying bodies out of the browser does not slow the load measured.
 */
async function loadBytes(fetched, firstMapMs, readyMs = Infinity) {
  const empty = () => ({ html: 0, js: 0, wasm: 0, css: 0, bundle: 0, other: 0, total: 0 });
  const pair = () => ({ gzip: 0, brotli: 0 });
  const bytes = { gzip: empty(), brotli: empty(), beforeMap: pair(), beforeReady: pair(), afterReady: pair(), chunksAfterReady: pair() };
  for (const { url, responseEnd } of fetched) {
    const path = decodeURIComponent(new URL(url).pathname);
    const sizes = await fileSizes(path);
    for (const coding of ['gzip', 'brotli']) {
      bytes[coding][kindOf(path)] += sizes[coding];
      bytes[coding].total += sizes[coding];
      if (responseEnd <= firstMapMs) bytes.beforeMap[coding] += sizes[coding];
      if (responseEnd <= readyMs) bytes.beforeReady[coding] += sizes[coding];
      else {
        bytes.afterReady[coding] += sizes[coding];
        if (CHUNK_FILE.test(path)) bytes.chunksAfterReady[coding] += sizes[coding];
      }
    }
  }
  return bytes;
}

/** `promise`, or an error naming `what` after 60 s, so that a broken page stops the run. */
function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(what)), 60000)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A fresh browser context's page with the in-page measures installed. */
async function freshPage(browser, side) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(measureInPage, side);
  if (side === 'atlas') await page.addInitScript(installReadyWatch);
  return { context, page };
}

/** Opens `address` and resolves to the ms to its first map. */
async function loadToFirstMap(page, address, side) {
  await page.goto(address, { waitUntil: 'commit' });
  return withTimeout(page.evaluate(() => window.__bench.firstMap), `${side}: the map never appeared at ${address}`);
}

/** `action(i)` ACTIONS_PER_RUN times, each after a pause; the ms each returns. */
async function timed(page, action) {
  const times = [];
  for (let i = 0; i < ACTIONS_PER_RUN; i++) {
    await page.waitForTimeout(SETTLE_MS);
    times.push(await action(i));
  }
  return times;
}

/**
 * One cold load of one side: load to first map, layout shift, memory and bytes after load, then
 * the interactions (a city click and an industry switch each; for the atlas a language switch,
 * and slide changes in the presenter opened at slide FIRST_SLIDE).
 */
async function oneRun(browser, baseUrl, side, run) {
  const { context, page } = await freshPage(browser, side);
  const loadMs = await loadToFirstMap(page, baseUrl + SIDES[side].path, side);
  await page.waitForLoadState('load');
  // The first map may be the page's own (prerendered); the app must have taken it over.
  if (side === 'atlas') await page.waitForFunction(appStarted);
  await page.waitForLoadState('networkidle');
  const facts = await page.evaluate(() => window.__bench.loadFacts());
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasmBytes = await page.evaluate(() => window.__bench.wasmMemoryBytes());
  // When the app took the map over, so that a tap is answered (issue 19's end of the first load).
  const readyMs = side === 'atlas' ? await page.evaluate(() => window.__first19.ready) : loadMs;
  const bytes = await loadBytes(facts.fetched, loadMs, readyMs);

  const step = (i) => run * ACTIONS_PER_RUN + i;
  const clickMs = [];
  const switchMs = [];
  const languageMs = [];
  for (let i = 0; i < ACTIONS_PER_RUN; i++) {
    const city = bundle.cities[step(i) % bundle.cities.length];
    const industry = SIDES[side].industryValue(INDUSTRIES[(step(i) + 1) % INDUSTRIES.length]);
    await page.waitForTimeout(SETTLE_MS);
    clickMs.push(await page.evaluate((c) => window.__bench.clickCity(c), { adcode: city.adcode, name: city.name_zh, point: city.label_point }));
    await page.waitForTimeout(SETTLE_MS);
    switchMs.push(await page.evaluate((v) => window.__bench.switchIndustry(v), industry));
    if (side === 'atlas') {
      await page.waitForTimeout(SETTLE_MS);
      languageMs.push(await page.evaluate(() => window.__bench.switchLanguage()));
    }
  }
  let drillFirstMs = null;
  const drillInMs = [];
  const drillOutMs = [];
  if (side === 'atlas') {
    // The first drill fetches the county layer; the next ones find its data already there.
    drillFirstMs = await page.evaluate((c) => window.__bench.drillIn(c), DRILL_CITY);
    drillOutMs.push(await page.evaluate(() => window.__bench.drillOut()));
    for (let i = 0; i < ACTIONS_PER_RUN; i++) {
      await page.waitForTimeout(SETTLE_MS);
      drillInMs.push(await page.evaluate((c) => window.__bench.drillIn(c), DRILL_CITY));
      await page.waitForTimeout(SETTLE_MS);
      drillOutMs.push(await page.evaluate(() => window.__bench.drillOut()));
    }
  }
  let slideMs = [];
  if (side === 'atlas') {
    await loadToFirstMap(page, `${baseUrl}?slide=${FIRST_SLIDE}`, side);
    await page.waitForFunction((n) => document.querySelector(`.presenter[data-slide="${n}"]`), FIRST_SLIDE);
    await page.waitForLoadState('networkidle');
    slideMs = await timed(page, () => page.evaluate(() => window.__bench.nextSlide()));
  }
  await context.close();
  return {
    loadMs,
    readyMs,
    layoutShift: facts.layoutShift,
    firstContentfulPaintMs: facts.firstContentfulPaint,
    heapBytes: usedSize,
    wasmBytes,
    bytes,
    clickMs,
    switchMs,
    languageMs,
    slideMs,
    drillFirstMs,
    drillInMs,
    drillOutMs,
  };
}

/** One cold load of one side with the CPU slowed THROTTLE times: the ms to its first map. */
async function throttledRun(browser, baseUrl, side) {
  const { context, page } = await freshPage(browser, side);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const loadMs = await loadToFirstMap(page, baseUrl + SIDES[side].path, side);
  await context.close();
  return loadMs;
}

/**
 * One cold load of one side over SLOW_NETWORK: the ms to its first map and the bytes (gzip,
 * brotli) of the responses that had ended by then.
 */
async function slowNetworkRun(browser, baseUrl, side) {
  const { context, page } = await freshPage(browser, side);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK.conditions);
  const loadMs = await loadToFirstMap(page, baseUrl + SIDES[side].path, side);
  const { fetched } = await page.evaluate(() => window.__bench.loadFacts());
  const { beforeMap } = await loadBytes(fetched, loadMs);
  await context.close();
  return { loadMs, beforeMap };
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
const throttled = { atlas: [], echarts: [] };
const slow = { atlas: [], echarts: [] };
const issue12 = {};
let issue19 = null;
const baseline = BASELINE ? await startServer({ root: BASELINE }) : null;
try {
  // One discarded load of each side each way first, so that neither pays alone for starting the
  // browser's processes and reading the CJK font from disk.
  for (const side of ['atlas', 'echarts']) {
    await oneRun(browser, url, side, 0);
    await throttledRun(browser, url, side);
    await slowNetworkRun(browser, url, side);
  }
  for (let run = 0; run < RUNS; run++) {
    // Alternate which side goes first, so neither always meets a warmer machine.
    const order = run % 2 === 0 ? ['atlas', 'echarts'] : ['echarts', 'atlas'];
    for (const side of order) samples[side].push(await oneRun(browser, url, side, run));
    for (const side of order) throttled[side].push(await throttledRun(browser, url, side));
    for (const side of order) slow[side].push(await slowNetworkRun(browser, url, side));
    process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
  }
  // Issue 12's views, each measured by its own module (its runs are cold page loads too).
  issue12.overview = await measureOverview(browser, url, RUNS);
  issue12.plan = await measurePlan(browser, url, RUNS);
  issue12.briefs = await measureBriefs(browser, url, Math.ceil(RUNS / 2));
  process.stderr.write('issue 12 views measured\n');
  issue19 = await measureIssue19(browser, {
    url,
    site,
    baselineUrl: baseline?.url ?? null,
    runs: ISSUE19_RUNS,
    throttle: THROTTLE,
    network: SLOW_NETWORK.conditions,
    city: bundle.cities.find((c) => c.adcode === DRILL_CITY),
  });
  process.stderr.write('issue 19 measured\n');
} finally {
  await browser.close();
  server.close();
  baseline?.server.close();
}
const results = {
  runs: RUNS,
  throttle: THROTTLE,
  network: SLOW_NETWORK.label,
  firstSlide: FIRST_SLIDE,
  chromium: browser.version(),
  date: new Date().toISOString(),
  commit: execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']).toString().trim(),
  cpus: cpus().length,
  atlas: summarise(samples.atlas, throttled.atlas, slow.atlas),
  echarts: summarise(samples.echarts, throttled.echarts, slow.echarts),
  builderMs: timeBuilder(),
  composition: compositionFile ? readFileSync(compositionFile, 'utf8') : null,
  countyFile: await fileSizes('assets/counties.json'),
  planFile: await fileSizes('assets/plan.json'),
  issue12,
  issue19: {
    ...issue19,
    runs: ISSUE19_RUNS,
    baseline: BASELINE,
    firstWasm: await fileSizes(firstWasm(site)),
    chunkFiles: chunkFiles(site).length,
  },
  devRuns: RUNS < 15,
};
const markdown = resultsMarkdown(results);
writeFileSync(resultsFile, markdown);
console.log(markdown);
