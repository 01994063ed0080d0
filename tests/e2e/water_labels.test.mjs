// Water and collision-free labels, as the browser draws them: at 320, 768, 1280 and 1920 px wide,
// in Chinese and English and in the projector theme, no two drawn labels (cities, county-level
// places, lakes) overlap, no label covers a place or base marker, none leaves the map or lies
// under the legend or the credit line; every label's drawn text is no wider than the width the
// scene reserved for it (atlas-core's `labels::text_width`, reimplemented below); the lakes are
// drawn and the major ones named; water takes no pointer, and the city under a lake is clickable.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { boxOf, nextFrame, openAtlas, overlaps, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();

/** Waits until the drawn scene is the one for the map's current size, then one more frame. */
async function settled(page) {
  await page.waitForFunction(() => {
    const canvas = document.querySelector('.map-canvas');
    const svg = document.querySelector('svg.map-svg');
    return canvas && svg && !svg.classList.contains('prerendered') && document.querySelector('text.city-label')
      && Math.abs(Number(svg.getAttribute('width')) - canvas.clientWidth) < 1
      && Math.abs(Number(svg.getAttribute('height')) - canvas.clientHeight) < 1;
  });
  await nextFrame(page);
}

/** Every drawn label and marker with its box on screen, the map's box, and each label's reserved width. */
const measure = (page) => page.evaluate(() => {
  const box = (e) => e.getBoundingClientRect().toJSON();
  // atlas-core's labels::text_width: the width a label's box reserves for its text.
  const reserved = (text, size) => [...text].reduce((sum, ch) => {
    const code = ch.codePointAt(0);
    if (code >= 0x2e80) return sum + 1.0;
    if ('iljtf.,:;!|\' '.includes(ch)) return sum + 0.36;
    if (ch >= 'A' && ch <= 'Z') return sum + 0.74;
    if ('mw'.includes(ch)) return sum + 0.92;
    return sum + 0.62;
  }, 0) * size;
  return {
    labels: [...document.querySelectorAll('g.labels text')].map((t) => ({
      text: t.textContent,
      kind: t.getAttribute('class'),
      box: box(t),
      drawn: t.getBBox().width,
      // The scene pads a city's or place's box by 4 px, a lake's by 2.
      reserved: reserved(t.textContent, Number(t.getAttribute('font-size'))) + (t.classList.contains('water-label') ? 2 : 4),
    })),
    markers: [...document.querySelectorAll('circle.place-marker, path.base-marker')].map((m) => ({
      what: m.getAttribute('aria-label'),
      box: box(m),
    })),
    map: box(document.querySelector('svg.map-svg')),
  };
});

const SIZES = [
  { width: 320, height: 640 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
const VIEWS = [
  { name: 'Chinese, by zone', query: '?lang=zh' },
  { name: 'English, by zone', query: '?lang=en' },
  { name: 'English, biotech (泰州 with its base)', query: '?lang=en&industry=biotech_medicine' },
  { name: 'the projector theme, English', query: '?lang=en&slide=3' },
  { name: 'the projector theme, Chinese', query: '?lang=zh&slide=1' },
];

/** Asserts that nothing drawn collides, at the size and view the page shows. */
async function assertNoCollisions(page, where) {
  const m = await measure(page);
  const legend = await boxOf(page, '.legend');
  const credit = await boxOf(page, '.attribution');
  assert.ok(m.labels.length >= 2, `${where}: only ${m.labels.length} labels drawn`);
  for (const [i, a] of m.labels.entries()) {
    assert.ok(a.drawn <= a.reserved + 0.5, `${where}: ${a.text} is drawn ${a.drawn.toFixed(1)} px wide, its box reserves ${a.reserved.toFixed(1)}`);
    const inside = a.box.left >= m.map.left - 0.5 && a.box.right <= m.map.right + 0.5
      && a.box.top >= m.map.top - 0.5 && a.box.bottom <= m.map.bottom + 0.5;
    assert.ok(inside, `${where}: ${a.text} leaves the map`);
    assert.ok(!overlaps(a.box, legend), `${where}: ${a.text} is under the legend`);
    assert.ok(!overlaps(a.box, credit), `${where}: ${a.text} is under the credit line`);
    for (const b of m.labels.slice(i + 1)) {
      assert.ok(!overlaps(a.box, b.box, 0.5), `${where}: ${a.text} overlaps ${b.text}`);
    }
    for (const marker of m.markers) {
      assert.ok(!overlaps(a.box, marker.box, 0.5), `${where}: ${a.text} covers the marker of ${marker.what}`);
    }
  }
  return m;
}

describe('water and labels that never collide', () => {
  for (const size of SIZES) {
    for (const view of VIEWS) {
      test(`${size.width}×${size.height}, ${view.name}: no label overlaps another or covers a marker`, async () => {
        const page = await openAtlas(env.browser, env.site.url + view.query, { viewport: size });
        await settled(page);
        await assertNoCollisions(page, `${size.width}×${size.height} ${view.name}`);
        assert.deepEqual(page.problems, []);
        await page.close();
      });
    }
  }

  test('the lakes and the Yangtze are drawn, the major lakes named, in both languages', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?lang=zh', { viewport: { width: 1280, height: 800 } });
    await settled(page);
    const water = await page.evaluate(() => ({
      lakes: document.querySelectorAll('g.water path.water-lake').length,
      rivers: document.querySelectorAll('g.water path.water-river').length,
      channel: document.querySelectorAll('g.water path.water-channel:not(.edge)').length,
      names: [...document.querySelectorAll('text.water-label')].map((t) => t.textContent),
    }));
    assert.ok(water.lakes >= 8, `${water.lakes} lakes drawn`);
    assert.equal(water.rivers, 1);
    assert.ok(water.channel >= 5, 'the river is carried on to the sea');
    for (const lake of ['太湖', '洪泽湖', '长江']) assert.ok(water.names.includes(lake), `${lake} not named: ${water.names}`);
    await page.click('button.lang-switch');
    await page.waitForFunction(() => [...document.querySelectorAll('text.water-label')].some((t) => t.textContent.startsWith('Taihu')));
    await page.close();
  });

  test('water takes no pointer and no focus, and the city under a lake keeps its click', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?lang=zh', { viewport: { width: 1280, height: 800 } });
    await settled(page);
    const found = await page.evaluate(() => {
      const group = document.querySelector('g.water');
      const label = [...document.querySelectorAll('text.water-label')].find((t) => t.textContent === '太湖');
      const r = label.getBoundingClientRect();
      const svg = document.querySelector('svg.map-svg').getBoundingClientRect();
      // A point of the lake just above its name: what the pointer finds there is a city.
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top - 4);
      return {
        hidden: group.getAttribute('aria-hidden'),
        pointer: getComputedStyle(group.querySelector('path')).pointerEvents,
        focusable: group.querySelectorAll('[tabindex]').length,
        labelPointer: getComputedStyle(label).pointerEvents,
        inLake: [...group.querySelectorAll('path.water-lake')].some((p) => p.isPointInFill(new DOMPoint(r.left + r.width / 2 - svg.left, r.top - 4 - svg.top))),
        hit: hit?.getAttribute('data-adcode'),
        x: r.left + r.width / 2,
        y: r.top - 4,
      };
    });
    assert.equal(found.hidden, 'true');
    assert.equal(found.pointer, 'none');
    assert.equal(found.labelPointer, 'none');
    assert.equal(found.focusable, 0);
    assert.ok(found.inLake, 'the point tried lies in the lake');
    assert.ok(['320200', '320500'].includes(found.hit), `under 太湖 the pointer finds ${found.hit}`);
    await page.mouse.click(found.x, found.y);
    await page.waitForFunction((adcode) => document.querySelector(`path.city[data-adcode="${adcode}"]`)?.getAttribute('aria-pressed') === 'true', found.hit);
    await page.close();
  });
});
