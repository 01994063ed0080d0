// Browser tests of the overview (?view=overview): the ten small maps with the bundle's roles and
// counts, the cross-highlight by pointer and keyboard, choosing a map or a city in it, the layout
// from a 320 px phone to 1920×1080 and on the presenter's slide, and axe-core in both languages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, nextFrame, openAtlas, readBundle, serveSite, slideTitles, tabTo, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();
const bundle = readBundle();
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const ORDER = ['signature', 'focus', 'support', 'pilot'];

/** The strongest role of each place an industry names, from the bundle's role facts. */
function strongest(industry) {
  const roles = new Map();
  for (const fact of bundle.roles.filter((r) => r.industry === industry)) {
    const held = roles.get(fact.place);
    if (!held || ORDER.indexOf(fact.role) < ORDER.indexOf(held)) roles.set(fact.place, fact.role);
  }
  return roles;
}

/** The title the bundle gives an industry's small map in Chinese. */
function expectedTitle(industry) {
  const roles = [...strongest(industry.id).values()];
  const n = (role) => roles.filter((r) => r === role).length;
  return `${industry.name_zh} · ${n('focus')} 重点 / ${n('support')} 支撑 / ${n('signature')} 标志性`;
}

/** Opens the overview through a link built with URLSearchParams, and waits for its ten maps. */
async function openOverview(params = {}, viewport = { width: 1280, height: 800 }) {
  const query = new URLSearchParams({ view: 'overview', ...params });
  const page = await openAtlas(env.browser, `${env.site.url}?${query}`, { viewport, waitForMap: false });
  await page.waitForFunction(() => document.querySelectorAll('.overview-figure svg.overview-map path.city').length === 130);
  return page;
}

/** The adcodes highlighted now (one per map when a city is). */
const linked = (page) => page.$$eval('.overview-map .linked', (list) => list.map((e) => e.dataset.adcode));

/** A point inside `selector`'s element that the element itself takes (no neighbour over it). */
async function pointOn(page, selector) {
  const point = await page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    for (let fy = 0.5; fy < 1; fy += 0.05) {
      for (const y of [box.top + box.height * fy, box.top + box.height * (1 - fy)]) {
        for (let fx = 0.1; fx < 1; fx += 0.05) {
          const x = box.left + box.width * fx;
          if (document.elementFromPoint(x, y) === element) return { x, y };
        }
      }
    }
    return null;
  });
  assert.ok(point, `no point of ${selector} is its own`);
  return point;
}

describe('the overview', () => {
  test('ten figures in the plan order; three industries coloured as the bundle says, titled with their counts', async () => {
    const page = await openOverview();
    const figures = await page.$$eval('.overview-figure', (list) => list.map((f) => f.dataset.industry));
    assert.deepEqual(figures, bundle.industries.map((i) => i.id));
    const titles = await page.$$eval('.overview-figure figcaption', (list) => list.map((c) => c.textContent.trim()));
    assert.deepEqual(titles, bundle.industries.map(expectedTitle));
    for (const id of ['iot_cloud', 'offshore_equipment', 'biotech_medicine']) {
      const roles = strongest(id);
      const drawn = await page.$$eval(`.overview-figure[data-industry="${id}"] path.city`, (list) =>
        list.map((e) => [e.dataset.adcode, e.dataset.role]));
      assert.equal(drawn.length, 13);
      for (const [adcode, role] of drawn) assert.equal(role, roles.get(adcode) ?? 'none', `${id} ${adcode}`);
      // The figure is named by its title; each place is a button named with its role there.
      const lines = await page.$$eval(`.overview-figure[data-industry="${id}"] [data-adcode][role="button"]`, (l) => l.map((e) => e.getAttribute('aria-label')));
      assert.equal(lines.length, bundle.cities.length + bundle.places.length);
      for (const city of bundle.cities) {
        const line = lines.find((l) => l.startsWith(`${city.name_zh} `));
        assert.ok(line, `${id}: ${city.name_zh} named`);
        assert.equal(line.includes('；'), roles.has(city.adcode), line);
      }
      const name = await page.locator(`.overview-figure[data-industry="${id}"]`).getAttribute('aria-labelledby');
      assert.equal(await page.locator(`#${name}`).count(), 1);
    }
    // Each city is a button named as on the main map.
    const names = await page.$$eval('.overview-figure[data-industry="iot_cloud"] path.city[role="button"][tabindex="-1"]', (l) => l.map((e) => e.getAttribute('aria-label')));
    assert.equal(names.length, 13);
    assert.ok(names.some((n) => n.startsWith('无锡市 Wuxi，苏南；标志性产业')), names.join(' | '));
    assert.deepEqual(page.problems, []);
  });

  test('pointing at a city highlights it in all ten maps, and leaving clears it', async () => {
    const page = await openOverview();
    const at = await pointOn(page, '.overview-figure[data-industry="nev"] path.city[data-adcode="320900"]');
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(() => document.querySelectorAll('.overview-map .linked').length === 10);
    assert.deepEqual(await linked(page), Array(10).fill('320900'));
    const other = await pointOn(page, '.overview-figure[data-industry="new_energy"] path.city[data-adcode="320300"]');
    await page.mouse.move(other.x, other.y);
    await page.waitForFunction(() => document.querySelector('.overview-map .linked')?.dataset.adcode === '320300');
    assert.deepEqual(await linked(page), Array(10).fill('320300'));
    const heading = await page.locator('#overview-heading').boundingBox();
    await page.mouse.move(heading.x + 5, heading.y + 5);
    await page.waitForFunction(() => document.querySelectorAll('.overview-map .linked').length === 0);
  });

  test('focusing a city by keyboard highlights it in all ten; leaving the cities clears it', async () => {
    const page = await openOverview({ lang: 'en' });
    // The grid is one Tab stop (a map's title); Page Down steps onto the map's cities.
    await tabTo(page, '.overview-open');
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => document.activeElement?.matches('.overview-map path.city'));
    const first = await page.evaluate(() => document.activeElement.dataset.adcode);
    await page.waitForFunction((code) => document.querySelectorAll(`.overview-map .linked[data-adcode="${code}"]`).length === 10, first);
    await page.keyboard.press('PageDown');
    const second = await page.evaluate(() => document.activeElement.dataset.adcode);
    assert.notEqual(second, first);
    assert.deepEqual(await linked(page), Array(10).fill(second));
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'overview-open');
    assert.deepEqual(await linked(page), []);
  });

  test('choosing a map opens its industry in the explorer, a city in it opens both; back returns', async () => {
    const page = await openOverview();
    // The address is written once the new view is painted.
    const written = (key) => page.waitForURL((u) => u.searchParams.get(key) !== null);
    await page.click('.overview-figure[data-industry="nev"] .overview-open');
    await page.waitForFunction(() => document.querySelectorAll('.map-svg path.city[data-role]').length === 13);
    await written('industry');
    let url = new URL(page.url());
    assert.equal(url.searchParams.get('industry'), 'nev');
    assert.equal(url.searchParams.get('view'), null, 'the map is the default view');
    assert.equal(await page.getAttribute('.view-map', 'aria-pressed'), 'true');
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('.overview-figure').length === 10);
    assert.equal(new URL(page.url()).searchParams.get('view'), 'overview');
    // A click on 南通 in the offshore map.
    const at = await pointOn(page, '.overview-figure[data-industry="offshore_equipment"] path.city[data-adcode="320600"]');
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => document.querySelector('.map-svg path.city.selected')?.dataset.adcode === '320600');
    await written('city');
    url = new URL(page.url());
    assert.equal(url.searchParams.get('industry'), 'offshore_equipment');
    assert.equal(url.searchParams.get('city'), '320600');
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('.overview-figure path.city').length === 130);
    // Enter on a focused city does the same.
    await page.locator('.overview-figure[data-industry="iot_cloud"] path.city[data-adcode="320200"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.map-svg path.city.selected')?.dataset.adcode === '320200');
    await written('city');
    url = new URL(page.url());
    assert.deepEqual([url.searchParams.get('industry'), url.searchParams.get('city')], ['iot_cloud', '320200']);
    assert.deepEqual(page.problems, []);
  });

  test('a 320 px phone shows one column that scrolls down, nothing sideways', async () => {
    const page = await openOverview({ lang: 'en' }, { width: 320, height: 640 });
    const layout = await page.evaluate(() => {
      const figures = [...document.querySelectorAll('.overview-figure')].map((f) => f.getBoundingClientRect());
      return {
        columns: document.querySelector('.overview-grid').dataset.columns,
        lefts: new Set(figures.map((f) => Math.round(f.left))).size,
        widest: Math.max(...figures.map((f) => f.right)),
        // Nothing of the overview reaches past the screen's edge (the toolbar above is not its own).
        sideways: [...document.querySelectorAll('.overview-view, .overview-view *')].some((e) => e.getBoundingClientRect().right > 320.5),
        tall: document.documentElement.scrollHeight > 640,
      };
    });
    assert.deepEqual(layout.columns, '1');
    assert.equal(layout.lefts, 1);
    assert.ok(layout.widest <= 320, `figures reach ${layout.widest}`);
    assert.equal(layout.sideways, false);
    assert.equal(layout.tall, true, 'the page scrolls down to the other maps');
  });

  test('1920×1080 shows 5 × 2 with no scrolling, in both languages', async () => {
    for (const lang of ['zh', 'en']) {
      const page = await openOverview({ lang }, { width: 1920, height: 1080 });
      const layout = await page.evaluate(() => {
        const figures = [...document.querySelectorAll('.overview-figure')].map((f) => f.getBoundingClientRect());
        const frame = document.querySelector('.overview-frame');
        return {
          columns: document.querySelector('.overview-grid').dataset.columns,
          lefts: new Set(figures.map((f) => Math.round(f.left))).size,
          tops: new Set(figures.map((f) => Math.round(f.top))).size,
          bottom: Math.max(...figures.map((f) => f.bottom)),
          scrolls: frame.scrollHeight > frame.clientHeight || document.documentElement.scrollHeight > 1080,
          titlesFit: [...document.querySelectorAll('.overview-figure figcaption')].every((c) => c.scrollHeight <= c.clientHeight),
        };
      });
      assert.deepEqual(layout, { ...layout, columns: '5', lefts: 5, tops: 2, scrolls: false, titlesFit: true }, lang);
      assert.ok(layout.bottom <= 1080, `${lang}: last row ends at ${layout.bottom}`);
    }
  });

  test('the presenter\'s last slide shows the ten maps 5 × 2 at 1920×1080, readable, with the cross-highlight', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?slide=1`, { viewport: { width: 1920, height: 1080 } });
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelectorAll('.slide-overview path.city').length === 130);
    const titles = slideTitles(bundle);
    assert.equal(await page.textContent('.slide-title'), titles.at(-1));
    const slide = String(titles.length);
    await page.waitForFunction((s) => new URLSearchParams(location.search).get('slide') === s, slide);
    assert.equal(await page.textContent('.slide-counter'), `${slide} / ${slide}`);
    const layout = await page.evaluate(() => {
      const figures = [...document.querySelectorAll('.slide-overview .overview-figure')].map((f) => f.getBoundingClientRect());
      return {
        figures: figures.length,
        lefts: new Set(figures.map((f) => Math.round(f.left))).size,
        tops: new Set(figures.map((f) => Math.round(f.top))).size,
        bottom: Math.max(...figures.map((f) => f.bottom)),
        scrolls: document.documentElement.scrollHeight > 1080,
        titlePx: parseFloat(getComputedStyle(document.querySelector('.slide-overview .overview-open')).fontSize),
        titlesFit: [...document.querySelectorAll('.slide-overview figcaption')].every((c) => c.scrollHeight <= c.clientHeight),
        mapInert: document.querySelector('.slide-stage').inert,
      };
    });
    assert.deepEqual(layout, { ...layout, figures: 10, lefts: 5, tops: 2, scrolls: false, titlesFit: true, mapInert: true });
    assert.ok(layout.bottom <= 1080 && layout.titlePx >= 20, JSON.stringify(layout));
    const at = await pointOn(page, '.slide-overview .overview-figure[data-industry="new_materials"] path.city[data-adcode="320700"]');
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(() => document.querySelectorAll('.slide-overview .linked[data-adcode="320700"]').length === 10);
    // Choosing a city there goes on to that industry's slide with the city selected.
    await page.mouse.click(at.x, at.y);
    const nth = bundle.industries.findIndex((i) => i.id === 'new_materials');
    await page.waitForFunction((t) => document.querySelector('.slide-title')?.textContent === t, slideTitles(bundle)[2 + nth]);
    await page.waitForFunction(() => document.querySelector('.map-svg path.city.selected')?.dataset.adcode === '320700');
    assert.deepEqual(page.problems, []);
  });

  test('prints on one A4 landscape page with all ten maps, refitted to the paper', async () => {
    const page = await openOverview();
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.equal(pages.length, 1);
    // Measured again for the paper (A4 landscape is about 1123 px wide less its margins).
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => {
      const figures = [...document.querySelectorAll('.overview-figure')];
      return figures.length === 10 && figures.every((f) => f.getBoundingClientRect().right <= 1123);
    });
  });

  test('the slide fits a 1024×768 projector in English, 5 × 2 with every title inside its box', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?slide=1&lang=en`, { viewport: { width: 1024, height: 768 } });
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelectorAll('.slide-overview path.city').length === 130);
    const layout = await page.evaluate(() => {
      const figures = [...document.querySelectorAll('.slide-overview .overview-figure')].map((f) => f.getBoundingClientRect());
      return {
        lefts: new Set(figures.map((f) => Math.round(f.left))).size,
        tops: new Set(figures.map((f) => Math.round(f.top))).size,
        below: Math.max(...figures.map((f) => f.bottom)) > 768,
        titlesFit: [...document.querySelectorAll('.slide-overview figcaption')].every((c) => c.scrollHeight <= c.clientHeight),
        titlePx: parseFloat(getComputedStyle(document.querySelector('.slide-overview .overview-open')).fontSize),
      };
    });
    assert.deepEqual(layout, { ...layout, lefts: 5, tops: 2, below: false, titlesFit: true });
    assert.ok(layout.titlePx >= 14, `titles at ${layout.titlePx} px`);
  });

  test('forced colours keep the role fills of the small maps', async () => {
    const page = await openOverview();
    await page.emulateMedia({ forcedColors: 'active' });
    const fill = await page.$eval('.overview-figure[data-industry="iot_cloud"] path.city[data-adcode="320200"]',
      (e) => [getComputedStyle(e).forcedColorAdjust, getComputedStyle(e).fill]);
    assert.equal(fill[0], 'none');
    assert.match(fill[1], /role-pattern-signature/);
  });

  test('works under the README\'s strict Content Security Policy (sizes set without inline style)', async () => {
    const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
    const SENTINEL = 'https://csp-sentinel.invalid/overview.png';
    const VIOLATION = /Content Security Policy|Refused to/;
    const site = await serveSite({ headers: { 'Content-Security-Policy': CSP } });
    try {
      for (const query of ['?view=overview', '?view=overview&lang=en']) {
        const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
        const violations = [];
        let sentinelReported;
        const sentinel = new Promise((ok) => (sentinelReported = ok));
        page.on('console', (m) => {
          if (m.text().includes(SENTINEL)) sentinelReported(m.text());
          else if (VIOLATION.test(m.text())) violations.push(m.text().slice(0, 200));
        });
        await page.goto(site.url + query);
        await page.waitForFunction(() => document.querySelectorAll('.overview-map path.city').length === 130);
        await nextFrame(page);
        const columns = await page.$eval('.overview-grid', (g) => getComputedStyle(g).gridTemplateColumns.split(' ').length);
        assert.equal(columns, 5, 'the core\'s columns are applied');
        await page.evaluate((src) => {
          new Image().src = src;
        }, SENTINEL);
        assert.match(await sentinel, VIOLATION);
        assert.deepEqual(violations, [], query);
        await page.close();
      }
    } finally {
      site.server.close();
    }
  });

  for (const lang of ['zh', 'en']) {
    test(`axe-core finds no serious or critical violation (${lang})`, async () => {
      const page = await openOverview({ lang });
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      assert.deepEqual(serious, []);
    });
  }
});
