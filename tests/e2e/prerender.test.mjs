// The map the page brings (index.html, prerendered by the site build from atlas-core's scene):
// it paints before any script, works without JavaScript, and is the very map the app keeps.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, appStarted, nextFrame, readBundle, slideTitles, useBrowserAndSite } from './harness.mjs';

const bundle = readBundle();
const env = useBrowserAndSite();

/**
 * Runs in the page before it parses: keeps the first map's elements as they arrive, samples
 * every frame until the app has started (how many city shapes and maps each frame shows), and
 * sums the layout shifts.
 */
function watchFirstMap() {
  window.firstMap = { svg: null, paths: [], frames: [], shift: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.firstMap.shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const sample = () => {
    const svg = document.querySelector('svg.map-svg');
    // The first frame with the whole map parsed (the page may paint while it still arrives).
    if (svg && !window.firstMap.svg && svg.querySelectorAll('path.city').length === 13) {
      window.firstMap.svg = svg;
      window.firstMap.paths = [...svg.querySelectorAll('path.city')];
    }
    if (window.firstMap.svg) {
      window.firstMap.frames.push({
        maps: document.querySelectorAll('svg.map-svg').length,
        cities: document.querySelectorAll('path.city').length,
      });
    }
    const started = !document.getElementById('prerendered') && document.querySelectorAll('path.city').length === 13;
    if (!started || window.firstMap.frames.length < 3) requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
}

/**
 * Opens `url` watched from its first frame. `slowdown` runs the page's CPU that many times
 * slower (Chromium's own throttling): on a busy CI machine Chromium painted the page while still
 * parsing it, and the half-built toolbar and map title then moved (a layout shift of 0.002).
 */
async function openWatched(url, viewport, slowdown = 1) {
  const page = await env.browser.newPage({ viewport });
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  await page.addInitScript(watchFirstMap);
  if (slowdown > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  await page.goto(url);
  await page.waitForFunction(appStarted);
  await nextFrame(page);
  await nextFrame(page);
  return page;
}

describe('the map the page brings', () => {
  test('without JavaScript, shows the 13 named cities and the whole layout as a table', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(env.site.url);
    const names = await page.$$eval('path.city', (ps) => ps.map((p) => p.getAttribute('aria-label')));
    assert.equal(names.length, 13);
    for (const city of bundle.cities) {
      assert.ok(names.some((n) => n.startsWith(`${city.name_zh} ${city.name_en}`)), `${city.name_zh} is named`);
    }
    const labels = await page.$$eval('text.city-label:not(.place-label)', (ts) => ts.map((t) => t.textContent));
    assert.equal(labels.length, 13, 'every city is labelled on the 928 x 700 drawing');
    const box = await page.locator('svg.map-svg').boundingBox();
    assert.ok(box.width > 600 && box.height > 500, `the map fills its place (${box.width} x ${box.height})`);
    const column = await page.locator('#prerendered .map').boundingBox();
    assert.equal(column.width, 1280, 'the map takes the side panel\'s width: no empty column beside it');
    const table = page.locator('.static-layout table');
    assert.ok(await table.isVisible(), 'the layout table shows');
    assert.equal(await table.locator('tbody tr').count(), bundle.roles.length);
    const wuxi = bundle.roles.find((r) => r.place === '320200' && r.role === 'signature');
    assert.ok((await table.innerText()).includes(wuxi.quote.quote), 'the table quotes the plan');
    assert.ok(!(await page.locator('.toolbar').isVisible()), 'no controls that cannot work');
    assert.equal(await page.locator('[tabindex], [role="button"]').count(), 0, 'no place is a button that cannot answer');
    assert.equal(await page.locator('path.city[role="img"]').count(), 13, 'each city is a named picture');
    assert.ok(!(await page.locator('.story').isVisible()), 'no story buttons that cannot answer');
    assert.ok(!(await page.locator('#boot').isVisible()), 'no loading message that never ends');
    await context.close();
  });

  test('without JavaScript on a phone, the layout table follows the map with no empty screen between', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(env.site.url);
    const map = await page.locator('svg.map-svg').boundingBox();
    assert.ok(map.width >= 380 && map.height > 300, `the map keeps its size (${map.width} x ${map.height})`);
    const credit = await page.locator('#prerendered .attribution').boundingBox();
    const table = await page.locator('.static-layout').boundingBox();
    assert.ok(credit.height > 0 && table.height > 0, 'the credit line and the table show');
    const gap = table.y - (credit.y + credit.height);
    assert.ok(gap >= 0 && gap < 48, `the table starts under the map's credit line (${gap} px between)`);
    await context.close();
  });

  const loads = [
    { width: 1280, height: 800 }, { width: 1920, height: 1080 }, { width: 390, height: 844 }, { width: 320, height: 640 },
    { width: 1920, height: 1080, slowdown: 20 }, { width: 1280, height: 800, slowdown: 20 },
  ];
  for (const { slowdown, ...viewport } of loads) {
    const slow = slowdown ? `, on a CPU ${slowdown} times slower` : '';
    test(`is the map the app keeps, with no flash and no layout shift at ${viewport.width} px${slow}`, async () => {
      const page = await openWatched(env.site.url, viewport, slowdown);
      const kept = await page.evaluate(() => {
        const svg = document.querySelector('svg.map-svg');
        return {
          sameSvg: window.firstMap.svg === svg,
          samePaths: window.firstMap.paths.length === 13
            && window.firstMap.paths.every((p) => p.isConnected && svg.contains(p)),
          frames: window.firstMap.frames,
          shift: window.firstMap.shift,
          maps: document.querySelectorAll('svg.map-svg').length,
          named: [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')),
        };
      });
      assert.ok(kept.sameSvg, 'the app kept the first map’s <svg>');
      assert.ok(kept.samePaths, 'the app kept the first map’s 13 city shapes');
      assert.equal(kept.maps, 1);
      assert.ok(kept.frames.length > 0);
      for (const frame of kept.frames) assert.deepEqual(frame, { maps: 1, cities: 13 }, 'every frame shows one map of 13 cities');
      for (const city of bundle.cities) {
        const named = kept.named.filter((n) => n.startsWith(`${city.name_zh} `));
        assert.equal(named.length, 1, `${city.name_zh} is named once`);
      }
      assert.equal(kept.shift, 0, 'cumulative layout shift');
      assert.equal(await page.locator('path.city[role="button"][tabindex="0"]').count(), 13, 'the app made the shapes buttons');
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  test('a deep link shows a neutral map until the app applies it; the default view shows the default map', async () => {
    const held = async (query) => {
      const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
      // The app's wasm never arrives: what shows is the page's own map.
      await page.route(/atlas_bg\.[0-9a-f]+\.wasm$/, () => {});
      await page.goto(env.site.url + query, { waitUntil: 'domcontentloaded' });
      const look = await page.evaluate(() => ({
        fills: new Set([...document.querySelectorAll('path.city')].map((p) => getComputedStyle(p).fill)).size,
        labels: getComputedStyle(document.querySelector('g.labels')).visibility,
        legend: getComputedStyle(document.querySelector('.legend')).visibility,
      }));
      await page.close();
      return look;
    };
    assert.deepEqual(await held(''), { fills: 3, labels: 'visible', legend: 'visible' });
    const params = new URLSearchParams({ industry: 'iot_cloud', lang: 'en' });
    assert.deepEqual(await held(`?${params}`), { fills: 1, labels: 'hidden', legend: 'hidden' });
    const page = await openWatched(`${env.site.url}?${params}`, { width: 1280, height: 800 });
    assert.equal(await page.getAttribute('path.city[data-adcode="320200"]', 'data-role'), 'signature');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('g.labels')).visibility), 'visible');
    assert.ok(await page.evaluate(() => window.firstMap.paths.every((p) => p.isConnected)), 'the neutral map became the map');
    await page.close();
  });

  test('switching language or industry keeps every city shape: same nodes, same outline', async () => {
    const page = await openWatched(env.site.url, { width: 1280, height: 800 });
    const outlines = () => page.evaluate(() => window.firstMap.paths.map((p) => (p.isConnected ? p.getAttribute('d') : null)));
    const before = await outlines();
    assert.ok(before.every((d) => d && d.length > 100));
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('text.city-label')?.textContent.match(/[a-z]/));
    await nextFrame(page);
    assert.deepEqual(await outlines(), before, 'a language switch re-projects nothing');
    await page.selectOption('#industry-picker', 'industry:new_energy');
    await page.waitForSelector('.map.by-role path.city[data-role="focus"]');
    await nextFrame(page);
    assert.deepEqual(await outlines(), before, 'an industry switch re-projects nothing');
    await page.focus('path.city[data-adcode="320200"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('path.city.selected[data-adcode="320200"]');
    assert.deepEqual(await outlines(), before, 'a selection re-projects nothing');
    await page.close();
  });
});

describe('the geometry comes once, with the page', () => {
  test("the app's bundle leaves the boundaries out; the whole bundle keeps them at its stable address", async () => {
    const whole = JSON.parse(readFileSync(join(DIST, 'assets', 'atlas.json'), 'utf8'));
    assert.equal(bundle.city_boundaries.features.length, 0);
    assert.equal(bundle.zone_outlines.features.length, 0);
    assert.equal(whole.city_boundaries.features.length, 13);
    assert.equal(whole.zone_outlines.features.length, 3);
  });

  test('a page whose map lost a city is refused with a message, not drawn without it', async () => {
    const page = await env.browser.newPage();
    await page.route(/\/(index\.html)?(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<path class="city[^"]*"[^>]*data-adcode="320600"[^>]*><\/path>/, '');
      await route.fulfill({ response, body: html });
    });
    await page.goto(env.site.url);
    const error = page.locator('.status.error');
    await error.waitFor();
    assert.match(await error.textContent(), /320600.*no boundary/);
    assert.equal(await page.locator('path.city').count(), 0);
    await page.close();
  });
});

test('the base markers follow the topic the map shows, on presenter slides too', async () => {
  const titles = slideTitles(bundle);
  const biotech = titles.findIndex((t) => t.includes('生物技术和新医药')) + 1;
  assert.ok(biotech > 0);
  const serving = bundle.bases.filter((b) => b.industries.includes('biotech_medicine')).map((b) => b.city).sort();
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${env.site.url}?slide=${biotech}`);
  await page.waitForFunction(appStarted);
  await page.waitForFunction((n) => document.querySelectorAll('path.base-marker').length === n, serving.length);
  assert.deepEqual(await page.$$eval('path.base-marker', (ps) => ps.map((p) => p.dataset.host).sort()), serving);
  await page.close();
});
