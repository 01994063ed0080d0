// Browser tests of issue 18 point 10 (finish), from the reader's side: a scale bar whose length
// matches its label (measured against two places' known positions), on the map, the drilled map,
// the exports and the printed page; no place name right under a city name, reading as one string;
// type and legend that grow with a 4K screen's map, and the overview's labels with its maps; the
// warning that the map is not approved, visible under every map, and the licences in an About box
// reachable from the keyboard.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openAtlas, readBundle, tabTo, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();
const bundle = readBundle();

const SUZHOU = '320500';
const KUNSHAN = '320583';
const YIXING = '320282';

/** Great-circle distance between two [lon, lat] positions, km. */
function geodesicKm([lon1, lat1], [lon2, lat2]) {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2
    + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** The scale bar drawn in `svg`: its bar's width on screen, px, and the km its label says. */
async function scaleBar(page, svg) {
  return page.$eval(svg, (map) => {
    const line = map.querySelector('g.scale-bar path:last-of-type');
    const label = map.querySelector('g.scale-bar text');
    if (!line || !label) return null;
    const box = line.getBoundingClientRect();
    const text = label.getBoundingClientRect();
    const visible = box.width > 0 && getComputedStyle(label).visibility !== 'hidden';
    return { px: box.width, box: box.toJSON(), text: text.toJSON(), label: label.textContent.trim(), visible };
  });
}

const km = (label) => Number(label.match(/^([\d.]+) km$/)?.[1]);

/** Screen centre of an element. */
const centre = (page, selector) => page.$eval(selector, (e) => {
  const b = e.getBoundingClientRect();
  return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
});

/** Km per screen px on the province map, from 昆山's and 宜兴's markers and their positions. */
async function kmPerPx(page) {
  const [a, b] = await Promise.all([KUNSHAN, YIXING].map((code) => centre(page, `#atlas-map circle[data-adcode="${code}"]`)));
  const point = (code) => bundle.places.find((p) => p.adcode === code).point;
  return geodesicKm(point(KUNSHAN), point(YIXING)) / Math.hypot(a.x - b.x, a.y - b.y);
}

async function download(page, selector) {
  await page.click('.export-menu summary');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return (await readFile(await file.path())).toString('utf8');
}

/** What an exported SVG says under and on its map: the scale bar's label and the warning line. */
function exported(page, svg) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const bar = doc.querySelector('g.scale-bar text')?.textContent ?? null;
    const line = doc.querySelector('g.scale-bar path:last-of-type')?.getAttribute('d') ?? '';
    const xs = [...line.matchAll(/[MH](-?[\d.]+)/g)].map((m) => Number(m[1]));
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    const places = [...doc.querySelectorAll('g.places circle')].map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) }));
    return { bar, barPx: xs.length ? Math.max(...xs) - Math.min(...xs) : 0, texts, places };
  }, svg);
}

describe('a scale bar on every map', () => {
  test('the province map at 1280×800 has a scale bar as long as its label says, in its export too', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const bar = await scaleBar(page, '#atlas-map');
    assert.ok(bar?.visible, 'a scale bar is drawn');
    const perPx = await kmPerPx(page);
    const drawn = bar.px * perPx;
    assert.ok(Math.abs(drawn - km(bar.label)) / km(bar.label) < 0.05, `${bar.label} drawn ${drawn.toFixed(1)} km long`);
    const map = await page.$eval('#atlas-map', (e) => e.getBoundingClientRect().toJSON());
    assert.ok(bar.box.right <= map.right && bar.box.bottom <= map.bottom, 'inside the map');
    const legend = await page.$eval('.legend', (e) => e.getBoundingClientRect().toJSON());
    assert.ok(bar.text.left >= legend.right || bar.text.bottom <= legend.top, 'clear of the legend');
    const svg = exported(page, await download(page, '.export-svg'));
    const file = await svg;
    assert.ok(file.bar, 'the export carries a bar');
    // The export draws at its own size: its bar against its own 昆山 and 宜兴 (bundle order).
    const [a, b] = file.places;
    const point = (code) => bundle.places.find((p) => p.adcode === code).point;
    const filePerPx = geodesicKm(point(KUNSHAN), point(YIXING)) / Math.hypot(a.x - b.x, a.y - b.y);
    const fileDrawn = file.barPx * filePerPx;
    assert.ok(Math.abs(fileDrawn - km(file.bar)) / km(file.bar) < 0.05, `export: ${file.bar} drawn ${fileDrawn.toFixed(1)} km long`);
    assert.ok(file.texts.some((t) => t.includes('示意图，非审图号批准地图')), 'and the warning');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('drilled into 苏州, the bar is measured at the city\'s zoom, on screen and in the export', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const province = await scaleBar(page, '#atlas-map');
    const perPx = await kmPerPx(page);
    const suzhouWide = await page.$eval(`#atlas-map path.city[data-adcode="${SUZHOU}"]`, (e) => e.getBoundingClientRect().width);
    await page.goto(`${env.site.url}?city=${SUZHOU}&drill=1`);
    await page.waitForFunction(() => document.querySelector('.drill-canvas:not([hidden]) #atlas-drill-map path.county'));
    const bar = await scaleBar(page, '#atlas-drill-map');
    assert.ok(bar?.visible, 'a scale bar on the drilled map');
    const zoomedWide = await page.$eval('#atlas-drill-map g.city-outline path', (e) => e.getBoundingClientRect().width);
    const drilledPerPx = perPx * (suzhouWide / zoomedWide);
    const drawn = bar.px * drilledPerPx;
    assert.ok(km(bar.label) < km(province.label), `${bar.label} at city zoom, ${province.label} for the province`);
    assert.ok(Math.abs(drawn - km(bar.label)) / km(bar.label) < 0.05, `${bar.label} drawn ${drawn.toFixed(1)} km long`);
    const file = await exported(page, await download(page, '.export-svg'));
    assert.equal(file.bar, bar.label, 'the drilled export carries the bar');
    assert.ok(file.texts.some((t) => t.includes('示意图，非审图号批准地图')), 'and the warning');
    await page.close();
  });

  test('the printed map keeps its scale bar and its warning, without the About button', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => document.querySelector('#atlas-map g.scale-bar text'));
    const bar = await scaleBar(page, '#atlas-map');
    assert.ok(bar?.visible && bar.px > 10, 'the bar is printed');
    const warning = await page.$eval('.map .map-warning', (e) => ({ text: e.innerText, height: e.getBoundingClientRect().height }));
    assert.match(warning.text, /示意图，非审图号批准地图/);
    assert.ok(warning.height > 0);
    assert.equal(await page.locator('.map .about summary').isVisible(), false, 'no button on paper');
    await page.close();
  });
});

describe('labels never stack into one string', () => {
  for (const lang of ['zh', 'en']) {
    test(`at 1280×800 (${lang}) no name sits right over or under a city's name`, async () => {
      const page = await openAtlas(env.browser, `${env.site.url}?lang=${lang}&industry=new_energy`);
      const cityCodes = bundle.cities.map((c) => c.adcode);
      await page.waitForFunction((codes) => !document.querySelector('#atlas-map.prerendered')
        && codes.every((code) => document.querySelector(`#atlas-map .labels text[data-adcode="${code}"]`)), cityCodes);
      const boxes = await page.$$eval('#atlas-map .labels text', (list, codes) => list.map((t) => ({
        text: t.textContent,
        city: codes.includes(t.dataset.adcode),
        ...t.getBoundingClientRect().toJSON(),
      })), cityCodes);
      const cities = boxes.filter((b) => b.city);
      const others = boxes.filter((b) => !b.city);
      for (const c of cities) {
        for (const o of others) {
          const shareWidth = c.left < o.right && o.left < c.right;
          const gap = Math.max(o.top - c.bottom, c.top - o.bottom);
          assert.ok(!shareWidth || gap >= 8, `“${c.text}” and “${o.text}” read as one (${gap.toFixed(1)} px apart)`);
        }
      }
      await page.close();
    });
  }
});

describe('type that grows with the map', () => {
  test('at 3840×2160 city labels are at least 20 px and the legend is in proportion to the map', async () => {
    const page = await openAtlas(env.browser, env.site.url, { viewport: { width: 3840, height: 2160 } });
    await page.waitForFunction(() => !document.querySelector('#atlas-map.prerendered')
      && document.querySelectorAll('#atlas-map .labels text').length >= 10);
    const sizes = await page.$$eval('#atlas-map .labels text', (list, codes) => list
      .filter((t) => codes.includes(t.dataset.adcode))
      .map((t) => t.getBoundingClientRect().height), bundle.cities.map((c) => c.adcode));
    assert.ok(Math.min(...sizes) >= 20, `city labels ${Math.min(...sizes).toFixed(1)} px high`);
    const map = await page.$eval('#atlas-map', (e) => e.getBoundingClientRect().width);
    const legend = await page.$eval('.map .legend', (e) => e.getBoundingClientRect().toJSON());
    assert.ok(legend.width >= 0.05 * map, `legend ${legend.width} px wide on a ${map} px map`);
    const legendText = await page.$eval('.map .legend', (e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(legendText >= 20, `legend type ${legendText} px`);
    const warning = await page.$eval('.map-warning', (e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(warning >= 16, `warning type ${warning} px`);
    await page.close();
  });

  test('the overview\'s place and water names grow with its maps', async () => {
    const measure = async (viewport) => {
      const page = await openAtlas(env.browser, `${env.site.url}?view=overview`, { viewport, waitForMap: false });
      await page.waitForFunction(() => document.querySelectorAll('.overview-figure svg.overview-map path.city').length === 130
        && document.querySelector('.overview-map .labels text'));
      const result = await page.evaluate(() => {
        const map = document.querySelector('.overview-map').getBoundingClientRect().width;
        const size = (selector) => Math.max(0, ...[...document.querySelectorAll(`.overview-map ${selector}`)]
          .map((t) => parseFloat(t.getAttribute('font-size') ?? getComputedStyle(t).fontSize)));
        return { map, city: size('.labels text[data-adcode]'), water: size('.labels text:not([data-adcode])') };
      });
      await page.close();
      return result;
    };
    const small = await measure({ width: 1280, height: 800 });
    const large = await measure({ width: 3840, height: 2160 });
    assert.ok(large.map > 2 * small.map, `maps ${small.map} → ${large.map} px`);
    assert.ok(large.city >= 1.4 * small.city, `city names ${small.city} → ${large.city} px`);
    assert.ok(large.water >= 1.4 * small.water, `water names ${small.water} → ${large.water} px`);
  });
});

describe('the warning and the About box', () => {
  for (const [lang, warning, about] of [['zh', '示意图，非审图号批准地图', '关于'], ['en', 'not an approved map', 'About']]) {
    test(`(${lang}) the warning is the line under the map; the licences are in the About box, reached by keyboard`, async () => {
      const page = await openAtlas(env.browser, `${env.site.url}?lang=${lang}`);
      const row = await page.$eval('.map .attribution', (e) => ({ text: e.innerText, box: e.getBoundingClientRect().toJSON() }));
      assert.ok(row.text.includes(warning), `“${warning}” under the map: ${row.text}`);
      assert.doesNotMatch(row.text, /LGPL|MIT|GSHHG|cnmaps/, 'no licence jargon on the line');
      const line = await page.$eval('.map-warning', (e) => ({ weight: Number(getComputedStyle(e).fontWeight), visible: e.getBoundingClientRect().height > 0 }));
      assert.ok(line.visible && line.weight >= 600, 'the warning is bold');
      await tabTo(page, '.map .about summary');
      assert.equal((await page.$eval('.map .about summary', (e) => e.innerText)).trim(), about);
      await page.keyboard.press('Enter');
      const box = page.locator('.map .about-box');
      await box.waitFor({ state: 'visible' });
      const text = await box.innerText();
      for (const word of ['GSHHG', 'LGPL', 'cnmaps', 'MIT']) assert.ok(text.includes(word), `${word} in the About box`);
      const opened = await box.boundingBox();
      const vw = page.viewportSize();
      assert.ok(opened.x >= 0 && opened.y >= 0 && opened.x + opened.width <= vw.width, 'the box opens on screen');
      await page.keyboard.press('Enter');
      await box.waitFor({ state: 'hidden' });
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
});
