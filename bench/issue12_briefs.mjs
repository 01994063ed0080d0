// Issue 12's briefs benchmark: from choosing the briefs view (a click on the toolbar's "City
// briefs", with the page already laid out for print) to just after the first painted frame whose
// print layout is ready (13 briefs, each with its locator drawn, each breaking to its own page,
// the app's chrome hidden); then to the frame whose 13 locators also show their counties (the
// county layer is fetched when the view opens); and the time page.pdf takes for A4 with the
// number of pages it gives. Usage: node bench/issue12_briefs.mjs [SITE_DIR] [RUNS]
import { fileURLToPath } from 'node:url';
import { launchBrowser, appStarted, ROOT } from '../tests/e2e/harness.mjs';
import { startServer } from '../scripts/serve.mjs';

/** The middle value (the mean of the two middle ones for an even count). */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A time to a tenth of a millisecond. */
const tenth = (ms) => Math.round(ms * 10) / 10;

/**
 * In the page: clicks the briefs button and resolves with the ms from the click to just after the
 * first painted frame with the print layout ready, and to the first with every county drawn.
 */
function chooseBriefs() {
  const afterThisFrame = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
  const printReady = () => {
    const briefs = [...document.querySelectorAll('.brief')];
    const topbar = document.querySelector('.topbar');
    return briefs.length === 13
      && briefs.every((b) => b.querySelector('svg.locator .locator-city.here') && getComputedStyle(b).breakAfter === 'page')
      && (!topbar || getComputedStyle(topbar).display === 'none');
  };
  const countiesDrawn = () => document.querySelectorAll('.brief svg.locator:not([data-counties="0"])').length === 13;
  /** Resolves with the time just after the first painted frame in which `ready()` holds. */
  const frameWhere = (ready) => new Promise((resolve) => {
    const look = () => (ready() ? afterThisFrame().then(resolve) : requestAnimationFrame(look));
    requestAnimationFrame(look);
  });
  const start = performance.now();
  document.querySelector('.view-briefs').click();
  const layout = frameWhere(printReady);
  const counties = frameWhere(countiesDrawn);
  return Promise.all([layout, counties]).then(([l, c]) => ({ layout: l - start, counties: c - start }));
}

/**
 * Measures `runs` times on a fresh page of the site at `baseUrl`; returns medians in ms:
 * `printLayout` (choice → print layout painted), `withCounties` (choice → counties in every
 * locator), `pdf` (page.pdf A4 of all briefs), and `pages` (the PDF's page count, the same every run).
 */
export async function measureBriefs(browser, baseUrl, runs) {
  const samples = { printLayout: [], withCounties: [], pdf: [] };
  let pages = null;
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(baseUrl);
    await page.waitForFunction(appStarted);
    await page.emulateMedia({ media: 'print' });
    const { layout, counties } = await page.evaluate(chooseBriefs);
    samples.printLayout.push(layout);
    samples.withCounties.push(counties);
    const started = performance.now();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    samples.pdf.push(performance.now() - started);
    const count = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
    if (pages !== null && count !== pages) throw new Error(`briefs: ${count} pages in run ${run + 1}, ${pages} before`);
    pages = count;
    await page.close();
  }
  return {
    printLayout: tenth(median(samples.printLayout)),
    withCounties: tenth(median(samples.withCounties)),
    pdf: tenth(median(samples.pdf)),
    pages,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [site = `${ROOT}/dist`, runs = '7'] = process.argv.slice(2);
  const { server, url } = await startServer({ root: site });
  const browser = await launchBrowser();
  try {
    console.log(JSON.stringify(await measureBriefs(browser, url, Number(runs)), null, 2));
  } finally {
    await browser.close();
    server.close();
  }
}
