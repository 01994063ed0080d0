// Keyboard-only walks through the overview and the presenter (issue 20, items 5 and 7): focus never
// falls to the page's body when a small map, its slide or the presenter is chosen or left; the
// grid of small maps is one Tab stop whose focus the arrow keys move map by map, wearing a ring
// unlike the cross-highlight; and a screen reader meets each place's role once per map.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, addressParams, openAtlas, readBundle, slideTitles, tabTo, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();
const bundle = readBundle();
const SHOTS = process.env.SHOTS ?? join(ROOT, '..', '..', 'shots', 'h2-overview-focus');
mkdirSync(SHOTS, { recursive: true });
const INDUSTRIES = bundle.industries.map((i) => i.id);

/** Opens the overview and waits for its ten maps. */
async function openOverview(query = '', viewport = { width: 1280, height: 800 }) {
  const page = await openAtlas(env.browser, `${env.site.url}?view=overview${query}`, { viewport, waitForMap: false });
  await page.waitForFunction(() => document.querySelectorAll('.overview-figure svg.overview-map path.city').length === 130);
  return page;
}

/** Waits until the focused element matches `selector`, and says what it is otherwise. */
async function focusOn(page, selector) {
  await page.waitForFunction((s) => document.activeElement?.matches(s), selector, { timeout: 5000 }).catch(() => {});
  const now = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  assert.ok(await page.evaluate((s) => document.activeElement?.matches(s), selector), `focus on ${now}, not ${selector}`);
}

/** The live region's text once it is `text`. */
async function said(page, text) {
  await page.waitForFunction((t) => document.querySelector('.live-region')?.textContent === t, text, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.textContent('.live-region'), text);
}

/** The focused element's map (industry) and item (title, or its adcode). */
const where = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { map: a?.closest('.overview-figure')?.dataset.industry ?? null, item: a?.classList.contains('overview-open') ? 'title' : a?.dataset?.adcode ?? a?.tagName };
});

describe('focus lands where the choice shows (item 5)', () => {
  test('Enter on a small map\'s title lands on the map\'s headline, and the status line says what opened', async () => {
    const page = await openOverview();
    await tabTo(page, '.overview-open');
    const first = await page.evaluate(() => document.activeElement.dataset.industry);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => new URLSearchParams(location.search).get('industry') === id, first);
    await focusOn(page, '.atlas .map-headline');
    const headline = await page.textContent('.map-headline');
    assert.ok(headline.includes(bundle.industries.find((i) => i.id === first).name_zh), headline);
    // The first map is 新能源's (1 focus, 5 support in the bundle).
    assert.equal(first, 'new_energy');
    await said(page, '已打开：地图；地图按新能源着色：重点 1、支撑 5');
    await page.screenshot({ path: join(SHOTS, 'a-title-chosen-headline-focused.png') });
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('Enter on a map of the presenter\'s overview slide lands on the slide it opens; Space still turns it', async () => {
    const titles = slideTitles(bundle);
    const page = await openAtlas(env.browser, `${env.site.url}?slide=${titles.length}`, { viewport: { width: 1920, height: 1080 }, waitForMap: false });
    await page.waitForFunction(() => document.querySelectorAll('.slide-overview path.city').length === 130);
    await tabTo(page, '.slide-overview .overview-open');
    const first = await page.evaluate(() => document.activeElement.dataset.industry);
    assert.equal(first, INDUSTRIES[0]);
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => document.querySelector('.slide-title')?.textContent === t, titles[2]);
    await focusOn(page, '.slide-title');
    await said(page, `幻灯片 3/${titles.length}：${titles[2]}`);
    await page.screenshot({ path: join(SHOTS, 'b-slide-title-focused.png') });
    await page.keyboard.press(' ');
    await page.waitForFunction((t) => document.querySelector('.slide-title')?.textContent === t, titles[3]);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('Esc leaves the presenter with focus back on the Present button that opened it', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await tabTo(page, '.toolbar .present');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.presenter .slide-title'));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.presenter'));
    await focusOn(page, '.toolbar .present');
    await said(page, '已退出演示');
    await page.screenshot({ path: join(SHOTS, 'c-present-button-focused.png') });
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('the overview grid is one Tab stop with arrow keys (item 7)', () => {
  test('a Tab walk through the overview page meets the toolbar and one stop in the overview, the grid', async () => {
    const page = await openOverview();
    const stops = await page.evaluate(() => { window.__seen = new Set(); return 0; });
    assert.equal(stops, 0);
    const walk = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const step = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a || a === document.body) return { body: true };
        const again = window.__seen.has(a);
        window.__seen.add(a);
        return { again, grid: !!a.closest('.overview-frame'), view: !!a.closest('.overview-view'), what: a.className?.baseVal ?? a.className };
      });
      if (step.again) break;
      if (!step.body) walk.push(step);
    }
    const inGrid = walk.filter((s) => s.grid);
    const inView = walk.filter((s) => s.view);
    // The toolbar's dozen controls, then the overview's: the grid's one.
    assert.ok(inView.length <= 12 && walk.length <= 16, `${walk.length} Tab stops: ${walk.map((s) => s.what).join(', ')}`);
    assert.equal(inGrid.length, 1, JSON.stringify(inGrid));
    await page.close();
  });

  test('arrow keys, Home and End move the focus map by map as the grid is drawn, keeping the city', async () => {
    const page = await openOverview();
    const columns = Number(await page.getAttribute('.overview-grid', 'data-columns'));
    await tabTo(page, '.overview-open');
    assert.deepEqual(await where(page), { map: INDUSTRIES[0], item: 'title' });
    const step = async (key, map, item) => {
      await page.keyboard.press(key);
      await page.waitForFunction(([m, i]) => {
        const a = document.activeElement;
        const at = a?.closest('.overview-figure')?.dataset.industry;
        const what = a?.classList.contains('overview-open') ? 'title' : a?.dataset?.adcode;
        return at === m && what === i;
      }, [map, item], { timeout: 5000 }).catch(() => {});
      assert.deepEqual(await where(page), { map, item }, `${key}`);
    };
    for (let n = 1; n < INDUSTRIES.length; n++) await step('ArrowRight', INDUSTRIES[n], 'title');
    await step('ArrowRight', INDUSTRIES.at(-1), 'title');
    await step('Home', INDUSTRIES[0], 'title');
    await step('ArrowDown', INDUSTRIES[columns], 'title');
    await step('ArrowUp', INDUSTRIES[0], 'title');
    await step('End', INDUSTRIES.at(-1), 'title');
    await step('ArrowLeft', INDUSTRIES.at(-2), 'title');
    // Page Down steps into the map: its first city, which the arrows then follow across maps.
    const firstCity = bundle.cities.map((c) => c.adcode).sort()[0];
    await step('PageDown', INDUSTRIES.at(-2), firstCity);
    await step('PageDown', INDUSTRIES.at(-2), bundle.cities.map((c) => c.adcode).sort()[1]);
    await step('Home', INDUSTRIES[0], bundle.cities.map((c) => c.adcode).sort()[1]);
    await step('ArrowRight', INDUSTRIES[1], bundle.cities.map((c) => c.adcode).sort()[1]);
    await page.waitForFunction(() => document.querySelectorAll('.overview-map .linked').length === 10);
    // Still one Tab stop: the item focused last.
    assert.equal(await page.$$eval('.overview-frame [tabindex="0"]', (l) => l.length), 1);
    // Enter on it opens both, as a click does.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('city') !== null);
    const params = await addressParams(page);
    assert.deepEqual([params.get('industry'), params.get('city')], [INDUSTRIES[1], bundle.cities.map((c) => c.adcode).sort()[1]]);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('on the presenter\'s slide the arrows move between the maps without turning the slide', async () => {
    const titles = slideTitles(bundle);
    const page = await openAtlas(env.browser, `${env.site.url}?slide=${titles.length}`, { viewport: { width: 1920, height: 1080 }, waitForMap: false });
    await page.waitForFunction(() => document.querySelectorAll('.slide-overview path.city').length === 130);
    await tabTo(page, '.slide-overview .overview-open');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    await page.waitForFunction((id) => document.activeElement?.closest('.overview-figure')?.dataset.industry === id && document.activeElement.matches('path.city'), INDUSTRIES[1]);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((id) => document.activeElement?.closest('.overview-figure')?.dataset.industry === id, INDUSTRIES[0]);
    assert.equal(await page.textContent('.slide-title'), titles.at(-1));
    assert.equal(new URL(page.url()).searchParams.get('slide'), String(titles.length));
    await page.screenshot({ path: join(SHOTS, 'slide-focus-ring.png') });
    await page.close();
  });

  for (const theme of ['light', 'dark', 'forced']) {
    test(`the focused map wears a ring unlike the highlight drawn in all ten (${theme})`, async () => {
      const page = await openOverview(theme === 'dark' ? '&theme=dark' : '');
      if (theme === 'forced') await page.emulateMedia({ forcedColors: 'active' });
      await tabTo(page, '.overview-open');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('PageDown');
      await page.waitForFunction((id) => document.activeElement?.closest('.overview-figure')?.dataset.industry === id && document.activeElement.matches('path.city'), INDUSTRIES[2]);
      await page.waitForFunction(() => document.querySelectorAll('.overview-map .linked').length === 10);
      const look = await page.evaluate(() => {
        const ring = (f) => { const s = getComputedStyle(f); return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`; };
        const edge = (e) => { const s = getComputedStyle(e); return `${s.stroke} ${s.strokeWidth}`; };
        const focused = document.activeElement;
        const figures = [...document.querySelectorAll('.overview-figure')];
        const holder = focused.closest('.overview-figure');
        const other = figures.find((f) => f !== holder);
        const linkedElsewhere = other.querySelector('.linked');
        return {
          holderRing: ring(holder),
          otherRing: ring(other),
          ringWidth: parseFloat(getComputedStyle(holder).outlineWidth),
          focusedEdge: edge(focused),
          linkedEdge: edge(linkedElsewhere),
        };
      });
      assert.notEqual(look.holderRing, look.otherRing, JSON.stringify(look));
      assert.ok(look.ringWidth >= 3, JSON.stringify(look));
      assert.ok(look.otherRing.startsWith('none'), JSON.stringify(look));
      assert.notEqual(look.focusedEdge, look.linkedEdge, JSON.stringify(look));
      await page.screenshot({ path: join(SHOTS, `overview-focus-${theme}.png`) });
      await page.close();
    });
  }

  test('the accessibility tree names each place once per map, with its role there', async () => {
    const page = await openOverview();
    const places = [...bundle.cities.map((c) => c.name_zh), ...bundle.places.map((p) => p.name_zh)];
    for (const id of INDUSTRIES) {
      const tree = await page.locator(`.overview-figure[data-industry="${id}"]`).ariaSnapshot();
      const lines = tree.split('\n');
      for (const name of places) {
        // A name opens a button's name ("苏州市 Suzhou，…") or a list item ("- listitem: 苏州市：…");
        // 昆山's name ends with its city, which is not a second naming of 苏州.
        const naming = lines.filter((l) => l.includes(`"${name}`) || l.includes(`: ${name}`));
        assert.equal(naming.length, 1, `${id} ${name}: ${naming.join(' / ')}`);
      }
      // The industry's roles are in those names: Wuxi's signature industry in the IoT map.
      if (id === 'iot_cloud') assert.ok(lines.some((l) => l.includes('无锡市') && l.includes('标志性产业')), tree);
    }
    await page.close();
  });
});
