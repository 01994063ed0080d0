// Issue 19, item 5: one keydown dispatcher. Keys pressed anywhere on the page (Esc, "/", the
// presenter's keys) reach the parts of the page through one window listener that hands each key
// to the parts in a fixed order (src/web/keys.rs), not through a listener per part, which every part
// of the page ran on every key and whose order was the order the parts happened to mount in.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openAtlas, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();

/** The keydown listeners on the window, as Chromium's debugger lists them. */
async function windowKeydownListeners(page) {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  await cdp.detach();
  return listeners.filter((l) => l.type === 'keydown').length;
}

describe('one keydown dispatcher', () => {
  const CASES = [
    { name: 'the map with a city chosen', query: '?industry=biotech_medicine&city=321200', drawn: '.city-details' },
    { name: 'the table', query: '?view=table', drawn: '.layout-table tbody tr' },
    { name: 'the plan view', query: '?view=plan', drawn: '.plan-text .plan-para' },
    { name: 'a projected slide', query: '?slide=3', drawn: '.presenter svg.map-svg path.city' },
  ];
  for (const c of CASES) {
    test(`${c.name}: one keydown listener on the window`, async () => {
      const page = await openAtlas(env.browser, env.site.url + c.query, { waitForMap: false });
      await page.locator(c.drawn).first().waitFor();
      assert.equal(await windowKeydownListeners(page), 1);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  test('keys still reach each part: "/" focuses the search, Esc leaves the slide, then clears the city', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?industry=biotech_medicine&city=321200&slide=3`, { waitForMap: false });
    await page.locator('.presenter svg.map-svg path.city').first().waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.presenter').waitFor({ state: 'detached' });
    await page.locator('.city-details').waitFor();
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.matches('input[type="search"]'));
    await page.evaluate(() => document.activeElement.blur());
    await page.keyboard.press('Escape');
    await page.locator('.city-details').waitFor({ state: 'detached' });
    assert.equal(await windowKeydownListeners(page), 1, 'leaving the slide removed its handler, not the page\'s listener');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
