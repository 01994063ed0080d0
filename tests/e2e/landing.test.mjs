// Where keyboard focus lands when a choice opens another view (the core's `landing`): never on
// the page's body. A city chosen with Enter in a small map lands on that city in the explorer; the
// city panel's brief button lands on that city's brief; a small map's title keeps the city
// already chosen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addressParams, openAtlas, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();

/** What has the focus: its tag, class and data-adcode or id. */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a?.tagName.toLowerCase(), id: a?.id ?? '', adcode: a?.getAttribute('data-adcode') ?? '', cls: a?.getAttribute('class') ?? '' };
});

describe('focus lands in the view a choice opens', () => {
  test('Enter on 苏州 in a small map lands on 苏州 on the explorer map', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?view=overview', { waitForMap: false });
    await page.locator('.overview-figure').first().waitFor();
    // The fifth small map is beyond a Tab walk's reach; focus its 苏州 as a Tab would.
    await page.locator('.overview-figure[data-industry="iot_cloud"] [data-adcode="320500"][tabindex]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('industry') === 'iot_cloud');
    await page.waitForFunction(() => document.activeElement?.closest?.('#atlas-map'));
    const now = await focused(page);
    assert.equal(now.adcode, '320500', JSON.stringify(now));
    await page.close();
  });

  test('the panel\'s brief button lands on that city\'s brief', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?city=320500');
    await page.locator('.open-brief').click();
    await page.waitForFunction(() => document.activeElement?.id === 'brief-320500');
    assert.equal((await focused(page)).tag, 'h2');
    // The live region tells the view the button opened.
    await page.waitForFunction(() => document.querySelector('.live-region')?.textContent === '已打开：城市简报');
    await page.close();
  });

  test('a small map\'s title keeps the city already chosen', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?view=overview&city=320500', { waitForMap: false });
    await page.locator('.overview-figure').first().waitFor();
    await page.locator('.overview-open[data-industry="biotech_medicine"]').click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('industry') === 'biotech_medicine');
    assert.equal((await addressParams(page)).get('city'), '320500');
    await page.close();
  });
});
