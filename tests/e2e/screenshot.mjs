// Takes a screenshot of the served atlas: node tests/e2e/screenshot.mjs OUT.png [WIDTH HEIGHT [ADCODE]]
// Used to look at every visible change, and to refresh the README's picture.
import { launchBrowser, openAtlas, serveSite } from './harness.mjs';

const [out = 'atlas.png', width = '1280', height = '800', adcode] = process.argv.slice(2);
const { server, url } = await serveSite();
const browser = await launchBrowser();
try {
  const page = await openAtlas(browser, url, { viewport: { width: Number(width), height: Number(height) } });
  if (adcode) await page.click(`path.city[data-adcode="${adcode}"]`);
  await page.screenshot({ path: out });
  if (page.problems.length) console.error(page.problems.join('\n'));
} finally {
  await browser.close();
  server.close();
}
