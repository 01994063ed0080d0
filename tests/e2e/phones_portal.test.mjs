// A slide in a portal's frame and the atlas on a phone, from the user's side (issue 20, items 1
// and 16): a host page on another origin framing `embed=1&slide=N` (or `plain&slide=N`) in
// `<iframe sandbox="allow-scripts" style="width:100%">` and sizing it from atlas:height as the
// README says gets a 16:9 slide with its map filling the stage; on a 390×844 phone every control
// of a city's panel is 24×24 px or more (WCAG 2.5.8; the bases' markers aside, see below), the
// 12 px place markers have 24 px hit areas,
// a slide link shows a map across the phone with labels that fit it, and the legend covers no city
// at 390 or 280 px. Screenshots go to SHOTS (default /tmp/atlas-shots) for a person to look at.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, nextFrame, openAtlas, overlaps, servePortal, serveSite } from './harness.mjs';

const SHOTS = process.env.SHOTS ?? join(tmpdir(), 'atlas-shots');
const PHONE = { width: 390, height: 844 };

let browser;
let atlasSite;
let portalSite;
before(async () => {
  browser = await launchBrowser();
  atlasSite = await serveSite();
  portalSite = await servePortal({ 'portal.html': PORTAL_PAGE });
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  atlasSite?.server.close();
  await portalSite?.close();
});

// A portal page as the README's embedding section writes it: a sandboxed frame 100 % wide (of an
// 800 px column) with no height of its own, sized from atlas:height.
const PORTAL_PAGE = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Portal</title>
<style>body { margin: 0; } main { width: 800px; } iframe { display: block; }</style></head>
<body><main><iframe id="atlas" title="Atlas" sandbox="allow-scripts" style="width:100%;border:0"></iframe></main><script>
  const atlas = document.getElementById('atlas');
  window.posted = [];
  addEventListener('message', (e) => {
    if (e.source !== atlas.contentWindow) return;
    window.posted.push(e.data);
    if (e.data?.type === 'atlas:height') atlas.style.height = \`\${e.data.height}px\`;
  });
  atlas.src = new URLSearchParams(location.search).get('atlas');
</script></body></html>`;

/** Whether the presenter's slide has drawn its map. */
const slideDrawn = () => document.querySelectorAll('.presenter svg.map-svg path.city').length === 13;

describe('a slide in a portal frame that follows atlas:height', () => {
  const CASES = [
    { name: 'embed=1&slide=3 (an industry)', query: 'embed=1&slide=3', shot: 'portal-slide3' },
    { name: 'plain&slide=3 (an industry, map only)', query: 'plain&slide=3', shot: 'portal-plain-slide3' },
    { name: 'embed=1&slide=1 (the overview of the three zones)', query: 'embed=1&slide=1', shot: 'portal-slide1' },
  ];
  for (const c of CASES) {
    test(`${c.name}: the frame becomes 800×450 (16:9) and the slide's map fills its stage`, async () => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const problems = [];
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${portalSite.url}portal.html?${new URLSearchParams({ atlas: `${atlasSite.url}?${c.query}` })}`);
      const frame = await (await page.waitForSelector('#atlas')).contentFrame();
      await frame.waitForFunction(slideDrawn);
      await page.waitForFunction(() => Math.abs(document.getElementById('atlas').getBoundingClientRect().height - 450) < 1.5);
      await nextFrame(frame);
      await nextFrame(page);
      await page.screenshot({ path: join(SHOTS, `${c.shot}.png`) });
      const box = await page.$eval('#atlas', (f) => f.getBoundingClientRect().toJSON());
      assert.equal(box.width, 800);
      assert.ok(Math.abs(box.height - 450) < 1.5, `the frame is 16:9: ${box.width}×${box.height}`);
      const posted = await page.evaluate(() => window.posted.filter((m) => m?.type === 'atlas:height').map((m) => m.height));
      assert.equal(posted.at(-1), 450, `the last height posted: ${posted}`);
      const inside = await frame.evaluate(() => {
        const stage = document.querySelector('.slide-stage').getBoundingClientRect();
        const svg = document.querySelector('.presenter svg.map-svg').getBoundingClientRect();
        const cities = [...document.querySelectorAll('.presenter svg.map-svg path.city')].map((p) => p.getBoundingClientRect());
        const province = {
          left: Math.min(...cities.map((r) => r.left)), right: Math.max(...cities.map((r) => r.right)),
          top: Math.min(...cities.map((r) => r.top)), bottom: Math.max(...cities.map((r) => r.bottom)),
        };
        return { stage: stage.toJSON(), svg: svg.toJSON(), province, innerWidth, innerHeight, scrollHeight: document.documentElement.scrollHeight };
      });
      assert.equal(inside.innerHeight, 450);
      assert.ok(inside.scrollHeight <= 451, `the slide fits its frame without scrolling: ${inside.scrollHeight}`);
      assert.ok(inside.stage.height >= 250 && inside.stage.width >= 400, `the stage has room: ${JSON.stringify(inside.stage)}`);
      assert.ok(inside.svg.width >= 0.9 * inside.stage.width && inside.svg.height >= 0.6 * inside.stage.height, `the map fills its stage: ${JSON.stringify(inside)}`);
      const p = inside.province;
      assert.ok(p.top >= 0 && p.bottom <= inside.innerHeight && p.left >= 0 && p.right <= inside.innerWidth, `the whole province is in view: ${JSON.stringify(p)}`);
      assert.ok(p.bottom - p.top >= 200, `the province is drawn large: ${JSON.stringify(p)}`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});

/** The interactive elements a user sees, each with the box a finger can hit: an element's own box,
 *  or for a county-level place's marker the hit area drawn round it. */
const targets = (page) => page.evaluate(() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [role="button"], [role="link"]';
  const seen = (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && !e.closest('[inert]');
  return [...document.querySelectorAll(selector)].filter(seen).map((e) => {
    let box = e.getBoundingClientRect();
    const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
    if (e.matches('.place-marker')) {
      const hit = [...document.querySelectorAll(`.marker-hit[data-hit="${e.dataset.adcode}"]`)].map((h) => h.getBoundingClientRect())
        .find((h) => Math.abs(h.left + h.width / 2 - cx) < 1 && Math.abs(h.top + h.height / 2 - cy) < 1);
      if (hit) box = hit;
    }
    const name = (e.getAttribute('aria-label') ?? e.textContent).trim().slice(0, 24);
    return { what: `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''} "${name}"`, width: box.width, height: box.height, base: e.matches('.base-marker') };
  });
});

describe('a city panel on a 390×844 phone', () => {
  for (const [city, name] of [['320500', '苏州 (with 昆山)'], ['320200', '无锡 (with 宜兴)']]) {
    test(`${name}: every visible control is 24×24 px or more`, async () => {
      const page = await openAtlas(browser, `${atlasSite.url}?city=${city}`, { viewport: PHONE });
      await page.waitForSelector('.panel .show-in-plan');
      const all = await targets(page);
      assert.ok(all.length >= 30, `the walk found the panel's and the map's controls: ${all.length}`);
      for (const needed of ['show-in-plan', 'place-marker', 'legend-zone']) {
        assert.ok(all.some((t) => t.what.includes(needed)), `the walk includes ${needed}`);
      }
      // Left out: the bases' 14 px markers, which have no hit area of their own yet (one round
      // each would take the taps at the middle of 泰州, 南京 and 无锡 from the city's shape).
      const small = all.filter((t) => !t.base && (t.width < 23.5 || t.height < 23.5));
      const list = small.map((t) => `${t.what} ${t.width.toFixed(1)}×${t.height.toFixed(1)}`).join('\n');
      assert.equal(small.length, 0, `${small.length} controls under 24×24 px:\n${list}`);
      await page.screenshot({ path: join(SHOTS, `phone-city-${city}.png`), fullPage: true });
      await page.close();
    });
  }

  test('a tap at the edge of 昆山\'s 24 px hit area, inside 苏州, selects 昆山; 宜兴\'s hit area is 24 px too', async () => {
    const page = await openAtlas(browser, `${atlasSite.url}?city=320500`, { viewport: PHONE });
    const marker = async (adcode) => page.$eval(`circle.place-marker[data-adcode="${adcode}"]`, (c) => c.getBoundingClientRect().toJSON());
    const kunshan = await marker('320583');
    assert.ok(kunshan.width <= 13, `the marker keeps its look: ${kunshan.width} px`);
    const [cx, cy] = [kunshan.left + kunshan.width / 2, kunshan.top + kunshan.height / 2];
    // 11 px west of the centre: outside the 12 px marker, inside 苏州's shape (east of 昆山 the
    // province's edge is near on a phone, where the map sits under the title card), within the
    // hit area.
    const under = await page.evaluate(([x, y]) => document.elementsFromPoint(x, y).map((e) => e.dataset.adcode ?? e.dataset.hit).filter(Boolean), [cx - 11, cy]);
    assert.ok(under.includes('320500'), `the tap is on 苏州's shape: ${under}`);
    await page.mouse.click(cx - 11, cy);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('city') === '320583');
    assert.equal(await page.getAttribute('circle.place-marker[data-adcode="320583"]', 'aria-pressed'), 'true');
    for (const adcode of ['320583', '320282']) {
      const m = await marker(adcode);
      const hits = await page.evaluate(([x, y]) => [[-11, 0], [11, 0], [0, -11], [0, 11]].map(([dx, dy]) => {
        const e = document.elementFromPoint(x + dx, y + dy);
        return e?.dataset.hit ?? e?.dataset.adcode;
      }), [m.left + m.width / 2, m.top + m.height / 2]);
      assert.ok(hits.filter((h) => h === adcode).length >= 3, `${adcode}: taps 11 px out each way choose it: ${hits}`);
    }
    await page.close();
  });
});

/** The legend's box and whether any city's shape lies under it (probed every 4 px). */
const legendOverCities = (page, scope = '') => page.evaluate((scope) => {
  const legend = document.querySelector(`${scope} .legend`).getBoundingClientRect();
  const cities = [...document.querySelectorAll(`${scope} svg.map-svg path.city`)].map((p) => p.getBoundingClientRect());
  const province = {
    left: Math.min(...cities.map((r) => r.left)), right: Math.max(...cities.map((r) => r.right)),
    top: Math.min(...cities.map((r) => r.top)), bottom: Math.max(...cities.map((r) => r.bottom)),
  };
  const covered = [];
  for (let x = legend.left + 1; x < legend.right; x += 4) {
    for (let y = legend.top + 1; y < legend.bottom; y += 4) {
      const city = document.elementsFromPoint(x, y).find((e) => e.matches('path.city'));
      if (city) covered.push(city.dataset.adcode);
    }
  }
  return { legend: legend.toJSON(), province, covered: [...new Set(covered)] };
}, scope);

describe('the legend on a phone', () => {
  for (const viewport of [PHONE, { width: 280, height: 653 }]) {
    for (const query of ['', 'industry=new_energy']) {
      test(`at ${viewport.width} px${query ? ` with ${query}` : ''} it covers no city and lies off the province`, async () => {
        const page = await openAtlas(browser, `${atlasSite.url}?${query}`, { viewport });
        await nextFrame(page);
        const seen = await legendOverCities(page);
        assert.deepEqual(seen.covered, [], `cities under the legend: ${JSON.stringify(seen)}`);
        assert.ok(!overlaps(seen.legend, seen.province), `the legend is off the province's box: ${JSON.stringify(seen)}`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
        await page.screenshot({ path: join(SHOTS, `phone-legend-${viewport.width}${query ? '-industry' : ''}.png`) });
        await page.close();
      });
    }
  }
});

describe('a slide link opened on a 390×844 phone', () => {
  for (const slide of [3, 1]) {
    test(`?slide=${slide}: the map spans the phone, its labels fit it and overlap nothing, the legend covers no city`, async () => {
      const page = await openAtlas(browser, `${atlasSite.url}?slide=${slide}`, { viewport: PHONE, waitForMap: false });
      await page.waitForFunction(slideDrawn);
      await page.waitForFunction(() => {
        const canvas = document.querySelector('.presenter .map-canvas');
        const svg = document.querySelector('.presenter svg.map-svg');
        return canvas && svg && document.querySelector('.presenter text.city-label')
          && Math.abs(Number(svg.getAttribute('width')) - canvas.clientWidth) < 1
          && Math.abs(Number(svg.getAttribute('height')) - canvas.clientHeight) < 1;
      });
      await nextFrame(page);
      const seen = await page.evaluate(() => {
        const svg = document.querySelector('.presenter svg.map-svg').getBoundingClientRect();
        const labels = [...document.querySelectorAll('.presenter text.city-label')].map((t) => ({
          text: t.textContent, box: t.getBoundingClientRect().toJSON(), font: parseFloat(getComputedStyle(t).fontSize),
        }));
        return { svg: svg.toJSON(), labels, scrollWidth: document.documentElement.scrollWidth };
      });
      assert.ok(seen.svg.width >= 300 && seen.svg.height >= 300, `the map is large on the phone: ${JSON.stringify(seen.svg)}`);
      assert.ok(seen.scrollWidth <= PHONE.width, 'no sideways scroll');
      for (const label of seen.labels) {
        assert.ok(label.font <= 16, `${label.text} is sized for the phone: ${label.font} px`);
        const b = label.box;
        assert.ok(b.left >= seen.svg.left - 0.5 && b.right <= seen.svg.right + 0.5 && b.top >= seen.svg.top - 0.5 && b.bottom <= seen.svg.bottom + 0.5, `${label.text} is inside the map`);
      }
      for (const [i, a] of seen.labels.entries()) {
        for (const b of seen.labels.slice(i + 1)) assert.ok(!overlaps(a.box, b.box, 0.5), `${a.text} overlaps ${b.text}`);
      }
      const legend = await legendOverCities(page, '.presenter');
      assert.deepEqual(legend.covered, [], `cities under the slide's legend: ${JSON.stringify(legend)}`);
      await page.screenshot({ path: join(SHOTS, `phone-slide${slide}.png`), fullPage: true });
      await page.close();
    });
  }
});
