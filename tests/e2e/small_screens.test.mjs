// Small screens and 200 % zoom (WCAG 1.4.10 reflow): on a 320 px phone, at 640×400 (1280×800 at
// 200 %) and at 1280×800, every drawn label sits inside its own city as the browser fills it, none
// lies under the legend or the credit line, nothing scrolls sideways, and a city whose label had
// to be left out still carries its name for assistive technology.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, boxOf, nextFrame, openAtlas, overlaps, useBrowserAndSite } from './harness.mjs';

const bundle = JSON.parse(await readFile(join(DIST, 'assets', 'atlas.json'), 'utf8'));
/** The city a label belongs in: the city itself, or the city a county-level place is part of. */
const homeOf = Object.fromEntries([
  ...bundle.cities.map((c) => [c.adcode, c.adcode]),
  ...bundle.places.map((p) => [p.adcode, p.city]),
]);

const env = useBrowserAndSite();

/** Waits until the drawn scene is the one for the map's current size, then one more frame. */
async function settled(page) {
  await page.waitForFunction(() => {
    const canvas = document.querySelector('.map-canvas');
    const svg = document.querySelector('svg.map-svg');
    return canvas && svg && document.querySelector('text.city-label')
      && Math.abs(Number(svg.getAttribute('width')) - canvas.clientWidth) < 1
      && Math.abs(Number(svg.getAttribute('height')) - canvas.clientHeight) < 1;
  });
  await nextFrame(page);
}

/** What the page shows: each label with the cities that fill its centre, and the overlays' boxes. */
const measure = async (page) => ({
  ...(await page.evaluate(() => {
    const cities = [...document.querySelectorAll('path.city')];
    return {
      labels: [...document.querySelectorAll('text.city-label')].map((t) => {
        const point = new DOMPoint(Number(t.getAttribute('x')), Number(t.getAttribute('y')));
        return {
          adcode: t.dataset.adcode,
          text: t.textContent,
          box: t.getBoundingClientRect().toJSON(),
          filledBy: cities.filter((p) => p.isPointInFill(point)).map((p) => p.dataset.adcode),
        };
      }),
      names: Object.fromEntries(cities.map((p) => [p.dataset.adcode, p.getAttribute('aria-label')])),
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
    };
  })),
  legend: await boxOf(page, '.legend'),
  credit: await boxOf(page, '.attribution'),
});

const SIZES = [
  { name: 'a 320 px phone', width: 320, height: 640 },
  { name: '1280×800 at 200 % zoom', width: 640, height: 400 },
  { name: '1280×800', width: 1280, height: 800 },
];
const VIEWS = [
  { query: '?lang=zh', name: 'zones, Chinese' },
  { query: '?lang=en&industry=biotech_medicine&city=321200', name: 'an industry, English, a city selected' },
];

describe('small screens and zoom', () => {
  for (const size of SIZES) {
    for (const view of VIEWS) {
      test(`${size.name} (${size.width}×${size.height}), ${view.name}: labels inside their cities, clear of legend and credit, no sideways scroll`, async () => {
        const page = await openAtlas(env.browser, env.site.url + view.query, { viewport: { width: size.width, height: size.height } });
        await settled(page);
        const m = await measure(page);
        assert.ok(m.scrollWidth <= m.innerWidth, `the page scrolls sideways: ${m.scrollWidth} > ${m.innerWidth}`);
        const cityLabels = m.labels.filter((l) => bundle.cities.some((c) => c.adcode === l.adcode));
        assert.ok(cityLabels.length >= 10, `only ${cityLabels.length} of 13 cities labelled`);
        for (const label of m.labels) {
          assert.deepEqual(label.filledBy, [homeOf[label.adcode]], `${label.text} at its centre is not (only) inside its city`);
          assert.ok(!overlaps(label.box, m.legend), `${label.text} is under the legend`);
          assert.ok(!overlaps(label.box, m.credit), `${label.text} is under the credit line`);
        }
        for (const city of bundle.cities) {
          if (cityLabels.some((l) => l.adcode === city.adcode)) continue;
          // Its accessible name, the interface language's name first (English: "Changzhou (常州市), …").
          const names = view.query.includes('lang=en') ? `${city.name_en} (${city.name_zh})` : `${city.name_zh} ${city.name_en}`;
          assert.ok(m.names[city.adcode]?.startsWith(names), `${city.name_zh} has no label and no name`);
        }
        if (size.width >= 1280) assert.equal(cityLabels.length, 13, 'every city is labelled on a laptop');
        assert.deepEqual(page.problems, []);
        await page.close();
      });
    }
  }

  for (const view of ['table', 'targets']) {
    test(`the ${view} view on a 320 px phone does not scroll the page sideways`, async () => {
      const page = await openAtlas(env.browser, `${env.site.url}?lang=en&view=${view}`, { viewport: { width: 320, height: 640 }, waitForMap: false });
      await page.locator(view === 'table' ? 'table.layout-table' : 'img.chart').first().waitFor();
      const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scrollWidth <= innerWidth, `${scrollWidth} > ${innerWidth}`);
      await page.close();
    });
  }

  for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
    for (const [view, ready] of [['map', 'path.city'], ['table', 'table.layout-table'], ['targets', 'img.chart']]) {
      test(`at ${viewport.width}×${viewport.height} the ${view} view and a city's panel scroll with the page, never in a strip of their own`, async () => {
        const page = await openAtlas(env.browser, `${env.site.url}?lang=en&view=${view}&city=320200`, { viewport, waitForMap: false });
        await page.locator(ready).first().waitFor();
        await page.locator('.city-details[data-adcode="320200"]').waitFor();
        const boxes = await page.evaluate(() => [...document.querySelectorAll('.panel, .table-view, .targets-view')]
          .map((e) => ({ what: e.className, shown: e.clientHeight, content: e.scrollHeight })));
        const expected = view === 'map' ? ['panel'] : ['panel', `${view}-view`];
        assert.deepEqual(expected.filter((c) => boxes.some((b) => b.what.split(' ').includes(c))), expected, JSON.stringify(boxes));
        for (const box of boxes) assert.ok(box.shown >= box.content - 1, `${box.what} shows ${box.shown} of its ${box.content} px`);
        const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok(scrollWidth <= innerWidth, `${scrollWidth} > ${innerWidth}`);
        await page.close();
      });
    }
  }

  test('the labels refit when the window narrows to a phone', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?lang=en', { viewport: { width: 1280, height: 800 } });
    await settled(page);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.waitForFunction(() => Number(document.querySelector('svg.map-svg').getAttribute('width')) <= 320);
    await settled(page);
    const m = await measure(page);
    for (const label of m.labels) assert.deepEqual(label.filledBy, [homeOf[label.adcode]], label.text);
    assert.ok(m.scrollWidth <= m.innerWidth);
    await page.close();
  });
});

describe('narrow maps: the title card stands above the map, on a phone the legend under it', () => {
  // At 700 px or less the title card would be pinned over the province's north-west (徐州), in a
  // portal's fixed frame as on a page at 200 % zoom; on a phone the legend would cover the coast.
  const cases = [
    [390, 844, '?industry=biotech_medicine', 'a phone'],
    [430, 932, '?industry=biotech_medicine', 'a phone'],
    [640, 400, '?industry=new_energy', '1280×800 at 200 %'],
    [600, 450, '?embed=1&industry=new_energy', 'a portal frame'],
    [320, 400, '?embed=1&industry=new_energy', 'a portal frame'],
  ];
  for (const [width, height, query, who] of cases) {
    const phone = width <= 480 && !query.includes('embed');
    test(`${width}×${height} (${who}, ${query}): the title card above the map${phone ? ' and the legend under it cover' : ' covers'} no city`, async () => {
      const page = await openAtlas(env.browser, env.site.url + query, { viewport: { width, height } });
      await settled(page);
      const canvas = await boxOf(page, '.map-canvas');
      const title = await boxOf(page, '.map-title');
      const legend = await boxOf(page, '.legend');
      assert.ok(title.height > 10, `the title card shows: ${title.height} px`);
      assert.ok(title.bottom <= canvas.top + 1, `the title card ends at ${title.bottom}, the map starts at ${canvas.top}`);
      if (phone) assert.ok(legend.top >= canvas.bottom - 1, `the legend starts at ${legend.top}, the map ends at ${canvas.bottom}`);
      else assert.ok(legend.top >= canvas.top - 1 && !overlaps(legend, title), `the legend lies over the drawing (${legend.top}), not over the title (ends ${title.bottom})`);
      const cities = await page.$$eval('path.city', (ps) => ps.map((p) => ({ adcode: p.dataset.adcode, box: p.getBoundingClientRect().toJSON() })));
      assert.equal(cities.length, 13);
      for (const city of cities) {
        assert.ok(!overlaps(city.box, title), `${city.adcode} is under the title card`);
        if (phone) assert.ok(!overlaps(city.box, legend), `${city.adcode} is under the legend`);
      }
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
      await page.close();
    });
  }

  for (const [width, height, lang] of [[500, 700, 'en'], [640, 400, 'zh'], [600, 450, 'en']]) {
    test(`${width}×${height}, ${lang}: the drawing keeps its size through every industry (the title keeps room for two lines)`, async () => {
      const embed = height === 450 ? '&embed=1' : '';
      const page = await openAtlas(env.browser, `${env.site.url}?lang=${lang}${embed}`, { viewport: { width, height } });
      await settled(page);
      const size = () => page.$eval('.map-canvas', (c) => [c.clientWidth, c.clientHeight]);
      const first = await size();
      const industries = await page.$$eval('.topbar select option', (os) => os.map((o) => o.value).filter((v) => v.startsWith('industry:')));
      assert.equal(industries.length, 10);
      for (const value of industries) {
        await page.selectOption('.topbar select', value);
        await page.waitForFunction((v) => new URLSearchParams(location.search).get('industry') === v.slice('industry:'.length), value);
        await settled(page);
        assert.deepEqual(await size(), first, `${value}: the drawing was ${first}`);
      }
      await page.close();
    });
  }

  for (const [width, height, query] of [[390, 844, ''], [640, 400, ''], [600, 450, '&embed=1'], [520, 640, '&lang=en&county=320583'], [600, 450, '&embed=1&lang=en&industry=new_energy']]) {
    test(`${width}×${height}${query}, drilled into 苏州: the drilled map and its trail lie over the map, under the title card`, async () => {
      const page = await openAtlas(env.browser, `${env.site.url}?city=320500&drill=1${query}`, { viewport: { width, height } });
      await page.waitForSelector('.drill-canvas:not([hidden]) #atlas-drill-map path.county');
      const canvas = await boxOf(page, '.map-canvas');
      const drilled = await boxOf(page, '.drill-canvas');
      const title = await boxOf(page, '.map-title');
      const trail = await boxOf(page, '.drill-trail');
      for (const side of ['left', 'top', 'width', 'height']) {
        assert.ok(Math.abs(drilled[side] - canvas[side]) <= 1, `the drilled map's ${side} ${drilled[side]}, the map's ${canvas[side]}`);
      }
      assert.ok(!overlaps(trail, title), 'the trail back is not over the title card');
      assert.ok(trail.top >= canvas.top, 'the trail back is over the map');
      // The counties' names keep clear of the legend where it lies over the drawing.
      const legend = await boxOf(page, '.legend');
      if (legend.top < canvas.bottom) {
        const labels = await page.$$eval('#atlas-drill-map text', (ts) => ts.map((t) => ({ text: t.textContent, box: t.getBoundingClientRect().toJSON() })));
        assert.ok(labels.length > 3, `the counties are named: ${labels.length}`);
        const under = labels.filter((l) => overlaps(l.box, legend)).map((l) => l.text);
        assert.deepEqual(under, [], 'no county name under the legend');
      }
      await page.close();
    });
  }

  // Drilled in from the province map (Enter on the selected city) on a phone-sized map, the legend moves under the trail: the
  // counties' names keep clear of it where it is now, not where it was over the province.
  for (const [width, height, query, city] of [[520, 640, '&lang=en', '320200'], [520, 640, '&lang=en', '321100'], [600, 450, '&embed=1&lang=en&industry=new_energy', '320400']]) {
    test(`${width}×${height}${query}, drilled into ${city} from the province map: no county name under the legend where it moved`, async () => {
      const page = await openAtlas(env.browser, `${env.site.url}?city=${city}${query}`, { viewport: { width, height } });
      await settled(page);
      const before = await boxOf(page, '.legend');
      await page.focus(`#atlas-map [data-adcode="${city}"][tabindex]`);
      await page.keyboard.press('Enter');
      await page.waitForSelector('.drill-canvas:not([hidden]) #atlas-drill-map path.county');
      await settled(page);
      const legend = await boxOf(page, '.legend');
      assert.notEqual(legend.top, before.top, 'the legend moved (the case this test is for)');
      const labels = await page.$$eval('#atlas-drill-map text', (ts) => ts.map((t) => ({ text: t.textContent, box: t.getBoundingClientRect().toJSON() })));
      assert.ok(labels.length > 3, `the counties are named: ${labels.length}`);
      const under = labels.filter((l) => overlaps(l.box, legend)).map((l) => l.text);
      assert.deepEqual(under, [], 'no county name under the legend');
      await page.close();
    });
  }
});
