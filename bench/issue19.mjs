// Issue 19's measures that bench/run.mjs does not take on its own: the first load as the issue
// defines it (everything fetched before the map answers a tap; the chunks prefetched on idle
// afterwards), a first tap on the map on Slow 4G with the CPU 4× slower against ECharts' first
// tap, the first use of each split view (chunks prefetched; chunk not yet fetched) beside the
// unsplit build's, and the live DOM nodes after 20 walks through every view.
//
// `node bench/issue19.mjs SITE [BASELINE_SITE] [RUNS]` prints them (SITE holds echarts-reference/).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appStarted, launchBrowser } from '../tests/e2e/harness.mjs';
import { startServer } from '../scripts/serve.mjs';

/** The median of a list of numbers (null for none). */
const median = (values) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * A wasm file the split build loads after the first wasm: a view's module (`split_table.HASH.wasm`)
 * or the code views share (`chunk_shared.HASH.wasm`, scripts/merge-chunks.mjs).
 */
export const CHUNK_FILE = /(?:^|\/)(?:split|chunk)_[a-z0-9_]+\.[0-9a-f]+\.wasm$/;

/** The city tapped first and drilled into: 苏州. */
const CITY = '320500';

/**
 * Installed in the atlas page before its own code: `window.__first19` with the time (ms from
 * navigation start) the app took the map over (`appStarted`), checked at every frame. Self-contained.
 */
function installReadyWatch() {
  let ready;
  const state = { ready: new Promise((resolve) => (ready = resolve)) };
  window.__first19 = state;
  const started = () => !document.getElementById('prerendered') && document.querySelectorAll('path.city').length === 13;
  const watch = () => (started() ? ready(performance.now()) : requestAnimationFrame(watch));
  requestAnimationFrame(watch);
}

/**
 * Installed in a page before its own code: `window.__tap19.answered`, a promise of
 * { tapMs, shownMs, answeredMs, taps } (ms from navigation start): a city is tapped as soon as the page
 * shows one (the atlas's prerendered map; ECharts' first drawn canvas), as a reader would, and
 * again every 250 ms while the page has not answered; the answer is the first painted frame that
 * shows the city selected (the atlas: `aria-pressed`/`selected` on its shape; ECharts: the series
 * selection after its `finished` event); `shownMs` is the first painted frame that shows the tap
 * taken, which for the atlas may come before the app starts (the boot script's mark). Self-contained.
 */
function installFirstTap({ side, adcode, name }) {
  const afterThisFrame = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  let answer;
  const state = { answered: new Promise((resolve) => (answer = resolve)), taps: 0, tapMs: null, shownMs: null };
  window.__tap19 = state;
  const pointerTap = (target, x, y) => {
    const at = { bubbles: true, cancelable: true, clientX: x, clientY: y, pointerType: 'touch', isPrimary: true };
    target.dispatchEvent(new PointerEvent('pointerdown', at));
    target.dispatchEvent(new MouseEvent('mousedown', at));
    target.dispatchEvent(new PointerEvent('pointerup', at));
    target.dispatchEvent(new MouseEvent('mouseup', at));
    target.dispatchEvent(new MouseEvent('click', at));
  };
  const tapAtlas = () => {
    const city = document.querySelector(`path.city[data-adcode="${adcode}"]`);
    const box = city?.getBoundingClientRect();
    if (!box || box.width === 0) return false;
    pointerTap(city, box.left + box.width / 2, box.top + box.height / 2);
    return true;
  };
  const atlasAnswered = () => {
    const city = document.querySelector(`path.city[data-adcode="${adcode}"]`);
    return Boolean(city && (city.getAttribute('aria-pressed') === 'true' || city.classList.contains('selected')));
  };
  const tapEcharts = () => {
    const chart = window.referenceChart;
    if (!chart) return false;
    const point = window.__tap19point;
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, point);
    const target = chart.getZr().painter.getViewportRoot();
    const box = target.getBoundingClientRect();
    pointerTap(target, box.left + x, box.top + y);
    return true;
  };
  const echartsAnswered = () => {
    const series = window.referenceChart?.getModel().getSeriesByIndex(0);
    return Boolean(series && series.isSelected(series.getData().indexOfName(name)));
  };
  // Before the app starts, the atlas's boot script marks a tapped city as taken (its casing, the
  // `early-choice` class) and the app applies the choice when it starts.
  const atlasShown = () => atlasAnswered() || document.querySelector(`path.city.early-choice[data-adcode="${adcode}"]`) !== null;
  const tap = side === 'atlas' ? tapAtlas : tapEcharts;
  const answered = side === 'atlas' ? atlasAnswered : echartsAnswered;
  const shown = side === 'atlas' ? atlasShown : echartsAnswered;
  let lastTap = -Infinity;
  const frame = () =>
    afterThisFrame().then((painted) => {
      if (state.taps > 0 && state.shownMs === null && shown()) state.shownMs = painted;
      if (state.taps > 0 && answered()) {
        answer({ tapMs: state.tapMs, shownMs: state.shownMs, answeredMs: painted, taps: state.taps });
        return;
      }
      const now = performance.now();
      if (now - lastTap >= 250 && tap()) {
        lastTap = now;
        state.taps += 1;
        if (state.tapMs === null) state.tapMs = now;
      }
      requestAnimationFrame(frame);
    });
  if (side === 'atlas') requestAnimationFrame(frame);
  // ECharts draws nothing to tap before its first `finished` event.
  else window.addEventListener('reference-finished', () => requestAnimationFrame(frame), { once: true });
}

/**
 * One cold load of `side` with the CPU slowed `throttle`× on `network`, tapping 苏州 as early as
 * possible: { tapMs, shownMs, answeredMs, taps }.
 */
async function firstTapRun(browser, url, side, { throttle, network, city }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (side === 'echarts') await page.addInitScript((p) => (window.__tap19point = p), city.label_point);
  await page.addInitScript(installFirstTap, { side, adcode: city.adcode, name: city.name_zh });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', network);
  await page.goto(url + (side === 'echarts' ? 'echarts-reference/' : ''), { waitUntil: 'commit' });
  const result = await page.waitForFunction(() => window.__tap19 && window.__tap19.answered, null, { timeout: 60000 })
    .then(() => page.evaluate(() => window.__tap19.answered));
  await context.close();
  return result;
}

/** Each split view: the button that opens it (or a drill-down) and what shows once it is drawn. */
const VIEWS = {
  table: '.layout-table tbody tr',
  plan: '.plan-text .plan-para',
  overview: '.overview-view svg path.city',
  drill: null,
};

/** In the page: opens `view` and resolves with ms from the click to the painted frame showing it. */
function openView({ view, drawn, adcode }) {
  const afterThisFrame = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  const shown = view === 'drill'
    ? () => {
      const svg = document.querySelector('.drill-canvas:not([hidden]) #atlas-drill-map');
      return svg?.dataset.city === adcode && svg.querySelector('path.county') !== null;
    }
    : () => {
      const el = document.querySelector(drawn);
      return Boolean(el && el.getBoundingClientRect().width > 0);
    };
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const check = () =>
      requestAnimationFrame(() =>
        afterThisFrame().then((painted) => {
          if (shown()) resolve(painted - start);
          else if (painted - start > 20000) reject(new Error(`${view} not shown within 20 s`));
          else check();
        }),
      );
    if (view === 'drill') {
      document.querySelector(`#atlas-map path.city[data-adcode="${adcode}"]`)
        .dispatchEvent(new MouseEvent('dblclick', { bubbles: true, cancelable: true }));
    } else document.querySelector(`.view-switch .view-${view}`).click();
    check();
  });
}

/**
 * The first use of `view` in a fresh page on loopback: `prefetched` waits for the idle prefetch
 * to end (the network idle after the app started, every chunk fetched); otherwise the page's
 * `requestIdleCallback` never calls back, so the app's idle prefetch never starts and opening the
 * view fetches its chunk.
 */
async function firstUseRun(browser, url, view, { prefetched, chunkCount }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (!prefetched) await page.addInitScript(() => (window.requestIdleCallback = () => 0));
  await page.goto(url);
  await page.waitForFunction(appStarted);
  const chunksFetched = () => page.evaluate(
    (source) => performance.getEntriesByType('resource').filter((e) => new RegExp(source).test(new URL(e.name).pathname)).length,
    CHUNK_FILE.source,
  );
  if (prefetched) {
    await page.waitForLoadState('networkidle');
    const deadline = Date.now() + 30000;
    while ((await chunksFetched()) < chunkCount) {
      if (Date.now() > deadline) throw new Error(`the idle prefetch fetched ${await chunksFetched()} of ${chunkCount} wasm chunks in 30 s`);
      await page.waitForTimeout(100);
    }
  }
  const ms = await page.evaluate(openView, { view, drawn: VIEWS[view], adcode: CITY });
  const chunksBefore = await chunksFetched();
  await context.close();
  return { ms, chunksFetched: chunksBefore };
}

/** The views walked through for the leak count, each with an element that shows once it has drawn. */
const WALK = [
  ['table', '.layout-table tbody tr'],
  ['targets', '.targets-view .chart-figure'],
  ['overview', '.overview-view svg path.city'],
  ['plan', '.plan-text .plan-para'],
  ['briefs', '.briefs-view'],
  ['map', '.map svg.map-svg path.city[role="button"]'],
];

/** Live DOM nodes (CDP Memory.getDOMCounters after two forced collections). */
async function liveNodes(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Memory.getDOMCounters')).nodes;
}

/**
 * Live DOM nodes after load, after one walk through every view (the baseline: what a view fetches
 * and keeps once is in) and after 20 more walks.
 */
async function walkNodes(browser, url, walks = 20) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(appStarted);
  await page.waitForLoadState('networkidle');
  const cdp = await context.newCDPSession(page);
  const walk = async () => {
    for (const [view, drawn] of WALK) {
      await page.locator(`.view-switch .view-${view}`).click();
      await page.locator(drawn).first().waitFor();
    }
  };
  const afterLoad = await liveNodes(cdp);
  await walk();
  const baseline = await liveNodes(cdp);
  for (let i = 0; i < walks; i++) await walk();
  const after = await liveNodes(cdp);
  await context.close();
  return { afterLoad, baseline, after, walks };
}

/**
 * The times (ms from navigation start) the atlas took its map over, one per `fetched` list's load:
 * measured by `installReadyWatch` in run.mjs's loads.
 */
export { installReadyWatch };

/** The wasm files of a site folder loaded after the first wasm (what the idle prefetch fetches). */
export function chunkFiles(site) {
  return readdirSync(site).filter((f) => CHUNK_FILE.test(f));
}

/** The first wasm of a site folder (the one the first screen waits for). */
export function firstWasm(site) {
  return readdirSync(site).find((f) => /^atlas_bg\.[0-9a-f]+\.wasm$/.test(f));
}

/**
 * Issue 19's browser measures over `runs` runs each: the first tap (both sides, throttled, on
 * `network`), each split view's first use (prefetched and not, and on `baselineUrl` when given),
 * and the live DOM nodes after 20 walks.
 */
export async function measureIssue19(browser, { url, site, baselineUrl, runs, throttle, network, city }) {
  const chunkCount = chunkFiles(site).length;
  const tap = { atlas: [], echarts: [] };
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ['atlas', 'echarts'] : ['echarts', 'atlas'];
    for (const side of order) tap[side].push(await firstTapRun(browser, url, side, { throttle, network, city }));
  }
  const firstUse = {};
  for (const view of Object.keys(VIEWS)) {
    const prefetched = [];
    const cold = [];
    const baseline = [];
    for (let run = 0; run < runs; run++) {
      prefetched.push(await firstUseRun(browser, url, view, { prefetched: true, chunkCount }));
      cold.push(await firstUseRun(browser, url, view, { prefetched: false, chunkCount }));
      if (baselineUrl) baseline.push(await firstUseRun(browser, baselineUrl, view, { prefetched: true, chunkCount: 0 }));
    }
    firstUse[view] = {
      prefetchedMs: median(prefetched.map((r) => r.ms)),
      coldMs: median(cold.map((r) => r.ms)),
      coldChunks: median(cold.map((r) => r.chunksFetched)),
      baselineMs: baselineUrl ? median(baseline.map((r) => r.ms)) : null,
    };
  }
  const nodes = await walkNodes(browser, url);
  const summary = (list) => ({
    tapMs: median(list.map((t) => t.tapMs)),
    answeredMs: median(list.map((t) => t.answeredMs)),
    shownMs: median(list.map((t) => t.shownMs)),
    taps: median(list.map((t) => t.taps)),
    n: list.length,
  });
  return { firstTap: { atlas: summary(tap.atlas), echarts: summary(tap.echarts) }, firstUse, nodes, chunkCount };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [site, baseline, runsArg = '3'] = process.argv.slice(2);
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const bundle = JSON.parse(readFileSync(join(site, 'assets', 'atlas.json'), 'utf8'));
  const browser = await launchBrowser();
  const { server, url } = await startServer({ root: site });
  const base = baseline ? await startServer({ root: baseline }) : null;
  try {
    const result = await measureIssue19(browser, {
      url,
      site,
      baselineUrl: base?.url,
      runs: Number(runsArg),
      throttle: 4,
      network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
      city: bundle.cities.find((c) => c.adcode === CITY),
    });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    server.close();
    base?.server.close();
  }
}
