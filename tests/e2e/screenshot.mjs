// Takes a screenshot of the served atlas, to look at every visible change and to refresh the
// README's pictures: node tests/e2e/screenshot.mjs OUT.png [WIDTH HEIGHT [QUERY]]
// QUERY is a view link such as "?industry=biotech_medicine&city=321200". SHOT_WAIT=SELECTOR also
// waits for an element a chunked view draws (".drill-svg", ".slide-title").
import { launchBrowser, nextFrame, openAtlas, serveSite } from './harness.mjs';

const [out = 'atlas.png', width = '1280', height = '800', query = ''] = process.argv.slice(2);
const { server, url } = await serveSite();
const browser = await launchBrowser();
try {
  const page = await openAtlas(browser, url + query, {
    viewport: { width: Number(width), height: Number(height) },
    waitForMap: false,
  });
  // The app has replaced the page's prerendered atlas, in whatever view the link asks for.
  await page.waitForFunction(() => !document.getElementById('prerendered'));
  // Whatever the view fetches on opening (the plan text, the county layer) has arrived.
  await page.waitForFunction(() => !document.querySelector('.loading'));
  if (process.env.SHOT_WAIT) await page.waitForSelector(process.env.SHOT_WAIT);
  // Fonts and images in, transitions over, then one painted frame.
  await page.waitForFunction(() => document.fonts.status === 'loaded'
    && [...document.images].every((i) => i.complete)
    && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  await nextFrame(page);
  await page.screenshot({ path: out });
  if (page.problems.length) console.error(page.problems.join('\n'));
} finally {
  await browser.close();
  server.close();
}
