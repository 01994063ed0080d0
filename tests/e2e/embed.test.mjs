// Browser tests of embedding: the URL flags, the postMessage protocol inside a sandboxed iframe
// on another origin, and hosting under a sub-path.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openAtlas, serveSite } from './harness.mjs';
import { BAD_MESSAGES } from '../bad-input/messages.mjs';

let browser;
let atlasSite;
let hostSite;
before(async () => {
  browser = await launchBrowser();
  atlasSite = await serveSite();
  hostSite = await serveSite();
});
after(async () => {
  await browser?.close();
  atlasSite?.server.close();
  hostSite?.server.close();
});

const rootClasses = (page) => page.evaluate(() => [...document.documentElement.classList].sort());
const background = (page, selector) => page.$eval(selector, (e) => getComputedStyle(e).backgroundColor);

describe('embed flags', () => {
  test('embed=1 gives compact chrome and a content-height layout', async () => {
    const page = await openAtlas(browser, atlasSite.url + '?embed=1&city=320600&industry=offshore_equipment', { viewport: { width: 320, height: 700 } });
    assert.deepEqual(await rootClasses(page), ['embedded']);
    assert.equal(await page.locator('.present').isVisible(), false);
    assert.equal(await page.getAttribute('path.city[data-adcode="320600"]', 'data-role'), 'signature');
    const layout = await page.evaluate(() => ({ map: document.querySelector('.map').getBoundingClientRect(), panel: document.querySelector('.panel').getBoundingClientRect() }));
    assert.ok(layout.panel.top >= layout.map.bottom - 1, 'the panel stacks under the map');
    assert.ok(Math.abs(layout.map.width / layout.map.height - 1.2) < 0.02, 'the map keeps its aspect');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scroll at 320 px');
    await page.close();
  });

  test('plain shows the map, legend and attribution only', async () => {
    const page = await openAtlas(browser, atlasSite.url + '?plain');
    for (const hidden of ['.topbar', '.panel']) assert.equal(await page.locator(hidden).isVisible(), false, hidden);
    for (const shown of ['svg.map-svg', '.legend', '.attribution']) assert.ok(await page.locator(shown).isVisible(), shown);
    await page.close();
  });

  test('theme=dark, theme=auto and transparent change the page as asked', async () => {
    let page = await openAtlas(browser, atlasSite.url + '?theme=dark');
    assert.equal(await background(page, 'html'), 'rgb(15, 23, 34)');
    await page.close();
    const dark = await browser.newContext({ colorScheme: 'dark' });
    page = await dark.newPage();
    await page.goto(atlasSite.url + '?theme=auto');
    await page.waitForSelector('path.city');
    assert.equal(await background(page, 'html'), 'rgb(15, 23, 34)');
    await dark.close();
    const light = await browser.newContext({ colorScheme: 'light' });
    page = await light.newPage();
    await page.goto(atlasSite.url + '?theme=auto');
    await page.waitForSelector('path.city');
    assert.notEqual(await background(page, 'html'), 'rgb(15, 23, 34)');
    await light.close();
    page = await openAtlas(browser, atlasSite.url + '?transparent&plain');
    for (const selector of ['html', 'body', '.map']) assert.equal(await background(page, selector), 'rgba(0, 0, 0, 0)', selector);
    await page.close();
  });
});

describe('the embedding protocol in a sandboxed iframe on another origin', () => {
  async function openHost(atlasQuery, viewport = { width: 1000, height: 900 }) {
    const page = await browser.newPage({ viewport });
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(e.message));
    const atlasUrl = atlasSite.url + atlasQuery;
    await page.goto(`${hostSite.url}examples/embed.html?atlas=${encodeURIComponent(atlasUrl)}`);
    const frame = await (await page.waitForSelector('#atlas')).contentFrame();
    await frame.waitForURL((url) => url.href.startsWith(atlasSite.url));
    await frame.waitForFunction(() => document.querySelectorAll('path.city').length === 13);
    return { page, frame };
  }

  test('the atlas posts its height and selection, and accepts a selection from its parent', async () => {
    const { page, frame } = await openHost('?embed=1');
    assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin, 'two origins');
    assert.equal(await page.getAttribute('#atlas', 'sandbox'), 'allow-scripts');
    await page.waitForFunction(() => document.getElementById('atlas').style.height !== '');
    const posted = await page.$eval('#atlas', (f) => parseFloat(f.style.height));
    const content = await frame.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(Math.abs(posted - content) <= 2, `iframe ${posted}px for content ${content}px`);
    await frame.click('path.city[data-adcode="321200"]');
    await page.waitForFunction(() => document.getElementById('selection').dataset.city === '321200');
    await page.selectOption('#city', '320600');
    await frame.locator('.city-details[data-adcode="320600"]').waitFor();
    await page.selectOption('#city', '320583');
    await frame.locator('.city-details[data-adcode="320583"]').waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('malformed messages are ignored', async () => {
    const { page, frame } = await openHost('?embed=1&city=320100');
    await frame.locator('.city-details[data-adcode="320100"]').waitFor();
    await page.evaluate((messages) => {
      const target = document.getElementById('atlas').contentWindow;
      for (const bad of messages) target.postMessage(bad, '*');
    }, BAD_MESSAGES);
    await page.waitForTimeout(300);
    assert.equal(await frame.locator('.city-details[data-adcode="320100"]').count(), 1);
    assert.equal(await frame.evaluate(() => window.__injected), undefined, 'no script ran');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('with origins listed, messages from other origins are ignored', async () => {
    const { page, frame } = await openHost('?embed=1&origins=https://portal.example.gov.cn');
    await page.selectOption('#city', '320600');
    await page.waitForTimeout(300);
    assert.equal(await frame.locator('.city-details').count(), 0);
    await page.close();
  });

  test('the example page at 360 px wide sizes the atlas to its content', async () => {
    const { page, frame } = await openHost('?embed=1', { width: 360, height: 740 });
    await page.waitForFunction(() => document.getElementById('atlas').style.height !== '');
    assert.ok(await frame.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scroll inside');
    await page.close();
  });
});

describe('hosting under a sub-path', () => {
  test('the atlas works from /atlas/ on any static host', async () => {
    const sub = await serveSite({ prefix: '/atlas/' });
    try {
      const page = await openAtlas(browser, sub.url + '?city=321200');
      await page.locator('.city-details[data-adcode="321200"]').waitFor();
      await page.locator('.role-item .show-in-plan').first().click();
      await page.locator('mark.plan-mark').waitFor();
      await page.keyboard.press('Escape');
      await page.click('path.city[data-adcode="320100"]');
      await page.waitForFunction(() => location.pathname === '/atlas/' && location.search.includes('city=320100'));
      const csv = await page.evaluate(async () => (await fetch(document.querySelector('a.download').href)).status);
      assert.equal(csv, 200);
      assert.deepEqual(page.problems, []);
      await page.close();
    } finally {
      sub.server.close();
    }
  });
});
