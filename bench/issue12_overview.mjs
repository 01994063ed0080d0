// Issue 12's overview, measured in headless Chromium: the first paint after choosing the overview
// (the toolbar's button clicked → just after the first painted frame that shows the ten maps with
// their 130 cities laid out) and the cross-highlight (a city pointed at → just after the next
// painted frame, which shows it highlighted in all ten maps). Each time runs from the user's
// event to a message posted from that frame (requestAnimationFrame, then a MessageChannel post),
// as bench/in_page.mjs's `afterPaint`, and checks that the page shows the result.
// Usage: node bench/issue12_overview.mjs [SITE_DIR] [RUNS]   (serves SITE_DIR, default dist/)
import { pathToFileURL } from 'node:url';

/** A pause before each action, as a reader leaves between clicks, so no action meets the last one's work. */
const SETTLE_MS = 200;
/** Cities pointed at in turn on each run (each a change: the highlight moves every time). */
const CITIES = ['320100', '320200', '320500', '320600', '321200'];

/** What runs in the page: the timed actions, each resolving with ms from event to painted frame. */
function installInPage() {
  const afterThisFrame = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => afterThisFrame().then(resolve)));
  const paintedWhen = (shown) =>
    new Promise((resolve) => {
      const check = () => (shown() ? afterThisFrame().then(resolve) : requestAnimationFrame(check));
      requestAnimationFrame(check);
    });
  const laidOut = (selector, count) =>
    [...document.querySelectorAll(selector)].filter((e) => e.getBoundingClientRect().width > 0).length === count;
  window.__overviewBench = {
    async chooseOverview() {
      const start = performance.now();
      document.querySelector('.view-overview').click();
      const end = await paintedWhen(() => laidOut('.overview-figure svg.overview-map path.city', 130));
      return end - start;
    },
    async pointAt(adcode) {
      const city = document.querySelector(`.overview-figure:nth-child(3) path.city[data-adcode="${adcode}"]`);
      const start = performance.now();
      city.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, cancelable: true }));
      const end = await afterPaint();
      const lit = [...document.querySelectorAll('.overview-map .linked')];
      if (lit.length !== 10 || lit.some((e) => e.dataset.adcode !== adcode)) {
        throw new Error(`pointing at ${adcode} highlighted ${lit.length} elements`);
      }
      return end - start;
    },
    async chooseMap() {
      const start = performance.now();
      document.querySelector('.view-map').click();
      const end = await paintedWhen(() => laidOut('#atlas-map path.city', 13));
      return end - start;
    },
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/**
 * Opens the explorer at `baseUrl` in `browser` (from tests/e2e/harness.mjs launchBrowser) and, `runs`
 * times, chooses the overview and points at five cities in turn, then goes back to the map.
 * Returns the medians in ms and how many samples each had.
 */
export async function measureOverview(browser, baseUrl, runs) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(baseUrl);
    await page.waitForFunction(() => !document.getElementById('prerendered')
      && document.querySelectorAll('#atlas-map path.city').length === 13);
    await page.evaluate(installInPage);
    const firstPaint = [];
    const highlight = [];
    for (let run = 0; run < runs; run++) {
      await settle();
      firstPaint.push(await page.evaluate(() => window.__overviewBench.chooseOverview()));
      for (const adcode of CITIES) {
        await settle();
        highlight.push(await page.evaluate((code) => window.__overviewBench.pointAt(code), adcode));
      }
      await settle();
      await page.evaluate(() => window.__overviewBench.chooseMap());
    }
    return {
      overviewFirstPaintMs: median(firstPaint),
      crossHighlightMs: median(highlight),
      crossHighlightMaxMs: Math.max(...highlight),
      firstPaintRuns: firstPaint.length,
      crossHighlightSamples: highlight.length,
    };
  } finally {
    await page.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { launchBrowser, DIST } = await import('../tests/e2e/harness.mjs');
  const { startServer } = await import('../scripts/serve.mjs');
  const [site = DIST, runs = '15'] = process.argv.slice(2);
  const server = await startServer({ root: site });
  const browser = await launchBrowser();
  try {
    console.log(JSON.stringify(await measureOverview(browser, server.url, Number(runs)), null, 2));
  } finally {
    await browser.close();
    server.server.close();
  }
}
