// What the address bar and history keep: a language switch is a preference, not a place (it
// replaces the entry, so Back never flips the language and many switches leave one entry), and
// a `#fragment` in the address survives the atlas's own changes to the query.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openAtlas, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();

/** The page's address once its query equals `expected`. */
const waitForQuery = (page, expected) => page.waitForFunction((q) => location.search === q, expected);

describe('history entries', () => {
  test('twenty language switches add no history entry, and Back returns to the view before them', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?city=320500`);
    await page.click('path.city[data-adcode="320100"]');
    await waitForQuery(page, '?city=320100');
    const entries = await page.evaluate(() => history.length);
    for (let i = 0; i < 20; i++) {
      const want = i % 2 === 0 ? '?lang=en&city=320100' : '?city=320100';
      await page.click('.lang-switch');
      await waitForQuery(page, want);
    }
    assert.equal(await page.evaluate(() => history.length), entries, 'no entry per switch');
    await page.goBack();
    await waitForQuery(page, '?city=320500');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a #fragment in the address stays through clicks and a language switch', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?city=320500#portal-note`);
    await page.click('path.city[data-adcode="320100"]');
    await waitForQuery(page, '?city=320100');
    assert.equal(await page.evaluate(() => location.hash), '#portal-note');
    await page.click('.lang-switch');
    await waitForQuery(page, '?lang=en&city=320100');
    assert.equal(await page.evaluate(() => location.hash), '#portal-note');
    await page.close();
  });
});
