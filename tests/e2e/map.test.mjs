// Browser tests of the map against the built release site in headless Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, openAtlas, useBrowserAndSite } from './harness.mjs';

const bundle = JSON.parse(await readFile(join(DIST, 'assets', 'atlas.json'), 'utf8'));
const cityByName = (name) => bundle.cities.find((c) => c.name_zh === name);

const env = useBrowserAndSite();

describe('the map', () => {
  test('draws 13 city shapes, each named after its city in the bundle', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const shapes = await page.$$eval('path.city', (ps) =>
      ps.map((p) => ({ adcode: p.dataset.adcode, name: p.getAttribute('aria-label'), d: p.getAttribute('d') })),
    );
    assert.equal(shapes.length, 13);
    for (const city of bundle.cities) {
      const shape = shapes.find((s) => s.adcode === city.adcode);
      assert.ok(shape, `no shape for ${city.name_zh}`);
      assert.ok(shape.name.startsWith(`${city.name_zh} ${city.name_en}`), shape.name);
      assert.ok(shape.d.length > 200, `${city.name_zh} has a real outline`);
    }
    const labels = await page.$$eval('text.city-label:not(.place-label)', (ts) => ts.map((t) => t.textContent));
    assert.deepEqual(labels.sort(), bundle.cities.map((c) => c.name_zh.replace(/市$/, '')).sort());
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('colours 泰州 as 苏中 and 徐州 as 苏北, matching the legend', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const fillOf = (name) =>
      page.$eval(`path.city[data-adcode="${cityByName(name).adcode}"]`, (p) => getComputedStyle(p).fill);
    const swatch = (zone) => page.$eval(`.legend .swatch.zone-${zone}`, (s) => getComputedStyle(s).backgroundColor);
    assert.equal(cityByName('泰州市').zone, 'central');
    assert.equal(cityByName('徐州市').zone, 'north');
    assert.equal(await fillOf('泰州市'), await swatch('central'));
    assert.equal(await fillOf('徐州市'), await swatch('north'));
    assert.equal(await fillOf('南京市'), await swatch('south'));
    assert.notEqual(await swatch('central'), await swatch('north'));
    const taizhou = await page.getAttribute(`path.city[data-adcode="321200"]`, 'aria-label');
    assert.match(taizhou, /苏中/);
    const legend = await page.textContent('.legend');
    for (const zone of ['苏南', '苏中', '苏北']) assert.ok(legend.includes(zone));
    await page.close();
  });

  test('clicking 南通 opens its panel with its zone, the zone direction and its area', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const nantong = cityByName('南通市');
    await page.click(`path.city[data-adcode="${nantong.adcode}"]`);
    const panel = page.locator('.city-details');
    await panel.waitFor();
    assert.equal(await panel.getAttribute('data-adcode'), nantong.adcode);
    assert.match(await panel.locator('.city-name').textContent(), /南通市\s*Nantong/);
    assert.match(await panel.locator('.city-zone').textContent(), /苏中/);
    const central = bundle.zones.find((z) => z.id === 'central');
    const quotes = await panel.locator('blockquote').allTextContents();
    assert.ok(quotes.includes(central.direction.quote), 'the zone direction is quoted verbatim');
    assert.ok((await panel.locator('.section').allTextContents()).includes('四(一)'));
    assert.equal(await panel.locator('.city-area').textContent(), '9,850\u00a0km²');
    assert.equal(await page.getAttribute(`path.city[data-adcode="${nantong.adcode}"]`, 'aria-pressed'), 'true');
    // One city's outline is drawn selected: its casing (halo and line) follows that city alone.
    const casing = await page.$$eval('.selected-outline path', (paths) => paths.map((p) => p.getAttribute('d')));
    assert.equal(casing.length, 2);
    assert.deepEqual(new Set(casing), new Set([await page.getAttribute(`path.city[data-adcode="${nantong.adcode}"]`, 'd')]));
    await page.keyboard.press('Escape');
    await page.locator('.panel .story .story-industry').first().waitFor();
    await page.close();
  });

  test('Tab reaches a city and Enter selects it', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const focusedCity = () => page.evaluate(() => document.activeElement?.matches('path.city') && document.activeElement.dataset.adcode);
    let focused = null;
    for (let i = 0; i < 16 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await focusedCity();
    }
    assert.ok(focused, 'Tab reaches a city after the toolbar');
    await page.keyboard.press('Enter');
    await page.locator(`.city-details[data-adcode="${focused}"]`).waitFor();
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.dataset?.adcode);
    assert.ok(next && next !== focused, 'the next Tab lands on another city');
    await page.keyboard.press(' ');
    await page.locator(`.city-details[data-adcode="${next}"]`).waitFor();
    await page.close();
  });

  test('hover and focus highlight a city', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const city = page.locator('path.city[data-adcode="320100"]');
    const opacity = () => city.evaluate((p) => getComputedStyle(p).fillOpacity);
    assert.equal(await opacity(), '1');
    await city.hover();
    assert.notEqual(await opacity(), '1');
    await page.mouse.move(1, 1);
    await city.focus();
    assert.notEqual(await opacity(), '1');
    await page.close();
  });

  test('labels do not overlap and the map refits when its container resizes', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const boxes = () =>
      page.$$eval('text.city-label', (ts) =>
        ts.map((t) => {
          const r = t.getBoundingClientRect();
          return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, name: t.textContent };
        }),
      );
    const overlapping = (bs) =>
      bs.flatMap((a, i) => bs.slice(i + 1).filter((b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).map((b) => `${a.name}/${b.name}`));
    assert.deepEqual(overlapping(await boxes()), []);
    const width = () => page.$eval('svg.map-svg', (s) => Number(s.getAttribute('width')));
    const wide = await width();
    await page.setViewportSize({ width: 900, height: 700 });
    await page.waitForFunction((w) => Number(document.querySelector('svg.map-svg').getAttribute('width')) < w, wide);
    assert.ok((await width()) < wide);
    assert.deepEqual(overlapping(await boxes()), []);
    const svg = await page.$eval('svg.map-svg', (s) => s.getBoundingClientRect());
    const canvas = await page.$eval('.map-canvas', (m) => m.getBoundingClientRect());
    assert.ok(Math.abs(svg.width - canvas.width) < 1 && Math.abs(svg.height - canvas.height) < 1, 'the map fills its container');
    const credit = await page.$eval('.attribution', (m) => m.getBoundingClientRect());
    assert.ok(credit.top >= canvas.bottom - 1, 'the credit line sits under the drawing, not over it');
    await page.close();
  });

  test('shows the warning and the coordinate reference, and the sources in its About box', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const text = await page.locator('.attribution').innerText();
    assert.ok(text.includes('示意图，非审图号批准地图'), text);
    assert.ok(text.includes('GCJ-02'));
    await page.click('.attribution summary');
    const about = await page.locator('.about-box').innerText();
    assert.ok(about.includes(bundle.attribution) && about.includes(bundle.water_attribution), about);
    await page.close();
  });
});

describe('when the bundle cannot be used', () => {
  const broken = async (fulfil) => {
    const page = await env.browser.newPage();
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(e.message));
    await page.route('**/assets/atlas.*.json', fulfil);
    await page.goto(env.site.url);
    await page.locator('.status.error').waitFor();
    return page;
  };

  test('a missing bundle shows an error message naming the status', async () => {
    const page = await broken((r) => r.fulfill({ status: 404, body: 'not found' }));
    const text = await page.textContent('.status.error');
    assert.match(text, /无法加载地图数据/);
    assert.match(text, /404/);
    assert.match(text, /assets\/atlas\.[0-9a-f]{16}\.json/);
    assert.equal(await page.locator('path.city').count(), 0);
    assert.deepEqual(page.problems, [], 'no panic');
    await page.close();
  });

  test('a corrupt bundle shows an error message saying what is wrong', async () => {
    const page = await broken((r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version":1,"crs":' }));
    assert.match(await page.textContent('.status.error'), /not valid JSON/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a bundle of another schema version says so', async () => {
    const page = await broken((r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version":99}' }));
    assert.match(await page.textContent('.status.error'), /schema version 99/);
    await page.close();
  });

  test('an unreachable bundle shows an error message', async () => {
    const page = await broken((r) => r.abort('connectionrefused'));
    assert.match(await page.textContent('.status.error'), /could not be downloaded/);
    await page.close();
  });
});
