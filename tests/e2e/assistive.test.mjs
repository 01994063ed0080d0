// Assistive technology from the user's side: what a screen reader hears when the selection
// changes (one short line, not the whole panel), the plan view as a real modal for the keyboard,
// forced-colour mode, and the language of every piece of text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openAtlas, tabTo, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();

/** The live region's text once it has changed from `before`. */
async function announced(page, before) {
  await page.waitForFunction((b) => {
    const region = document.querySelector('[role="status"].live-region');
    return region && region.textContent !== b && region.textContent !== '';
  }, before);
  return page.textContent('[role="status"].live-region');
}

describe('one short line per change in one live region', () => {
  for (const { lang, query, wuxi, industry, cleared } of [
    { lang: 'zh', query: '', wuxi: '无锡市', industry: '新能源', cleared: '已取消选择 无锡市' },
    { lang: 'en', query: '?lang=en', wuxi: 'Wuxi', industry: 'New energy', cleared: 'Wuxi deselected' },
  ]) {
    test(`${lang}: selecting 无锡 is announced in ≤ 120 characters; the panel is not live`, async () => {
      const page = await openAtlas(env.browser, env.site.url + query);
      const live = await page.$$eval('[aria-live], [role="status"], [role="alert"], [role="log"]', (els) =>
        els.map((e) => e.className));
      assert.deepEqual(live, ['live-region'], 'the live region is the only live element on a clean load');
      assert.equal(await page.getAttribute('aside.panel', 'aria-live'), null);
      const box = await page.locator('.live-region').boundingBox();
      assert.ok(box.width <= 1 && box.height <= 1, `visually hidden: ${JSON.stringify(box)}`);

      await page.focus('path.city[data-adcode="320200"]');
      await page.keyboard.press('Enter');
      await page.locator('.city-details[data-adcode="320200"]').waitFor();
      const line = await announced(page, '');
      assert.ok(line.length <= 120, `${line.length} characters: ${line}`);
      assert.ok(line.includes(wuxi), line);
      const panel = await page.textContent('aside.panel');
      assert.ok(panel.length > 10 * line.length, `the panel (${panel.length}) is what is no longer read`);
      const live2 = await page.$$eval('aside.panel [aria-live], aside.panel[aria-live]', (els) => els.length);
      assert.equal(live2, 0, 'nothing inside the panel is live');

      await page.selectOption('#industry-picker', 'industry:new_energy');
      const topic = await announced(page, line);
      assert.ok(topic.includes(industry) && topic.includes(wuxi) && topic.length <= 120, topic);

      await page.keyboard.press('Escape');
      await page.locator('.city-details').waitFor({ state: 'detached' });
      assert.equal(await announced(page, topic), cleared);

      await page.selectOption('#industry-picker', '');
      const byZone = await announced(page, cleared);
      assert.equal(byZone, lang === 'zh' ? '地图按区域着色' : 'Map coloured by zone');
      await page.click('.legend-zone[data-zone="south"]');
      const zone = await announced(page, byZone);
      assert.ok(zone.startsWith(lang === 'zh' ? '已选择 苏南' : 'Southern Jiangsu selected'), zone);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  test('a county-level place chosen from search and a field are announced too', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?lang=en');
    await page.keyboard.press('/');
    await page.keyboard.type('Kunshan');
    await page.locator('#search-results .hit[data-id="320583"]').waitFor();
    await page.keyboard.press('Enter');
    const line = await announced(page, '');
    assert.match(line, /^(Suzhou — 9 county-level units; )?Kunshan selected( \(county-level city\))?: /);
    await page.keyboard.press('/');
    await page.keyboard.type('solar');
    await page.locator('#search-results .hit[data-kind="field"]').first().waitFor();
    await page.keyboard.press('Enter');
    const field = await announced(page, line);
    assert.match(field, /^Map coloured by [^:]+: .*; Kunshan: /);
    await page.close();
  });
});

describe('the plan view and the keyboard', () => {
  async function openPlanFromPanel(page) {
    await tabTo(page, '.city-details .show-in-plan');
    await page.keyboard.press('Enter');
    await page.locator('.plan-view').waitFor();
    await page.locator('.plan-text mark.plan-mark').first().waitFor();
    await page.waitForFunction(() => document.activeElement?.contains(document.querySelector('mark.plan-mark')));
  }

  test('focus goes to the quote\'s paragraph, Tab reaches its links, Esc returns focus to the opener', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?city=320200');
    await openPlanFromPanel(page);
    assert.equal(await page.evaluate(() => document.activeElement.className.includes('plan-para')), true);
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement.closest('.plan-text') !== null), 'Tab moves on within the text');
    await page.keyboard.press('Escape');
    await page.locator('.city-details[data-adcode="320200"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('.city-details .show-in-plan'));
    await page.keyboard.press('Enter');
    await page.locator('.plan-text mark.plan-mark').first().waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('Esc that closes the panel holding the focus puts focus on the selected city, not the page body', async () => {
    for (const [query, home] of [['?city=320200', 'path.city[data-adcode="320200"]'], ['?city=320583', 'circle.place-marker[data-adcode="320583"]'], ['?zone=south', '.legend-zone[data-zone="south"]']]) {
      const page = await openAtlas(env.browser, env.site.url + query);
      await page.locator('.panel section').first().waitFor();
      await page.focus('.panel button, .panel a');
      await page.keyboard.press('Escape');
      // The panel's own sections go; the first screen's story takes their place.
      await page.waitForFunction(() => !document.querySelector('.panel section:not(.story)'));
      await page.waitForFunction((selector) => document.activeElement === document.querySelector(selector), home);
      await page.close();
    }
  });

  test('while the plan document loads the view says so; once it arrives focus goes to the quote', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?zone=north', { waitForMap: true });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/assets/plan.*json', async (route) => { await held; await route.continue(); });
    await page.click('.zone-details .show-in-plan');
    await page.locator('.plan-view .status.loading').waitFor();
    release();
    await page.locator('.plan-text mark.plan-mark').first().waitFor();
    await page.waitForFunction(() => document.activeElement?.contains(document.querySelector('mark.plan-mark')));
    await page.waitForFunction(() => new URLSearchParams(location.search).has('p'));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.matches('.zone-details .show-in-plan'));
    await page.close();
  });
});

describe('forced colours', () => {
  async function forcedPage(query) {
    const page = await openAtlas(env.browser, env.site.url + query);
    await page.emulateMedia({ forcedColors: 'active' });
    assert.ok(await page.evaluate(() => matchMedia('(forced-colors: active)').matches));
    return page;
  }

  test('the current view button differs from the others', async () => {
    const page = await forcedPage('?lang=en');
    const look = (sel) => page.$eval(sel, (b) => {
      const s = getComputedStyle(b);
      return { border: s.borderTopWidth, line: s.textDecorationLine, weight: s.fontWeight };
    });
    const pressed = await look('.view-switch button[aria-pressed="true"]');
    const others = await page.$$eval('.view-switch button[aria-pressed="false"]', (bs) => bs.map((b) => {
      const s = getComputedStyle(b);
      return { border: s.borderTopWidth, line: s.textDecorationLine, weight: s.fontWeight };
    }));
    assert.equal(others.length, (await page.$$('.view-switch button')).length - 1, 'every other view is unpressed');
    assert.ok(others.length >= 5, 'map, table, targets, overview, plan and briefs');
    for (const other of others) {
      assert.notDeepEqual(pressed, other);
      assert.ok(parseFloat(pressed.border) >= parseFloat(other.border) + 2, `${pressed.border} vs ${other.border}`);
      assert.equal(pressed.line, 'underline');
    }
    await page.close();
  });

  test('the table keeps its selected row and industry column apart from the rest', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?lang=en&view=table&industry=iot_cloud&city=320200', { waitForMap: false });
    await page.locator('table.layout-table').waitFor();
    await page.emulateMedia({ forcedColors: 'active' });
    const backgrounds = await page.evaluate(() => {
      const bg = (e) => getComputedStyle(e).backgroundColor;
      const row = document.querySelector('tr.selected td:not(.selected)');
      const column = document.querySelector('tbody tr:not(.selected) td.selected');
      const plain = document.querySelector('tbody tr:not(.selected) td:not(.selected)');
      return { row: bg(row), column: bg(column), plain: bg(plain) };
    });
    assert.notEqual(backgrounds.row, backgrounds.plain, 'the selected row stands out');
    assert.notEqual(backgrounds.column, backgrounds.plain, 'the selected industry column stands out');
    await page.close();
  });

  test('zone swatches and role patterns keep distinct colours, as on the map', async () => {
    const page = await forcedPage('?lang=en');
    const zones = await page.$$eval('.legend .swatch[class*="zone-"]', (ss) => ss.map((s) => getComputedStyle(s).backgroundColor));
    assert.equal(zones.length, 3);
    assert.equal(new Set(zones).size, 3, zones.join(' / '));
    const cityFills = await page.$$eval('path.city', (ps) => new Set(ps.map((p) => getComputedStyle(p).fill)).size);
    assert.equal(cityFills, 3, 'the map keeps its three zone colours');
    await page.goto(env.site.url + '?lang=en&industry=biotech_medicine');
    await page.waitForFunction(() => document.querySelectorAll('.legend .pattern-swatch').length >= 2);
    const patterns = await page.$$eval('.pattern-fill', (rs) => rs.map((r) => getComputedStyle(r).fill));
    assert.equal(new Set(patterns).size, 4, patterns.join(' / '));
    const marks = await page.$$eval('.pattern-mark', (ms) => ms.map((m) => getComputedStyle(m).stroke));
    assert.ok(marks.every((m, i) => m !== patterns[i]), 'each mark stands out from its fill');
    const none = await page.$eval('.legend .swatch.role-none', (s) => getComputedStyle(s).backgroundColor);
    assert.ok(!patterns.includes(none), `the “not named” swatch differs: ${none}`);
    await page.close();
  });
});

/**
 * Text nodes in the wrong language: in an English page, any with Chinese characters outside an
 * element whose lang starts with "zh"; in a Chinese page, any English phrase or name outside an
 * element whose lang starts with "en". Web addresses are in no language. Returns the offenders
 * with their nearest element.
 */
function wrongLanguage() {
  const pageLang = document.documentElement.lang;
  const han = /\p{Script=Han}/u;
  // An English word of three or more letters, not part of an address or a file name.
  const english = /(^|[^\w./:-])[A-Za-z][a-z]{2,}(?![\w./:-])/;
  const offenders = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const parent = node.parentElement;
    if (!text || parent.closest('script, style, defs, noscript') || /^https?:\/\/\S+$/.test(text)) continue;
    const lang = parent.closest('[lang]')?.getAttribute('lang') ?? '';
    const wrong = pageLang.startsWith('en')
      ? han.test(text) && !lang.startsWith('zh')
      : !han.test(text) && english.test(text) && !lang.startsWith('en');
    if (wrong) {
      const where = parent.className?.baseVal ?? parent.className;
      offenders.push(`${parent.tagName.toLowerCase()}.${where}: ${text.slice(0, 60)}`);
    }
  }
  return offenders;
}

describe('every text carries its language', () => {
  /** Opens `query`, runs `then` (which shows more), and checks every text node. */
  async function check(query, then = async () => {}) {
    const page = await openAtlas(env.browser, env.site.url + query, { waitForMap: false, viewport: { width: 1920, height: 1080 } });
    await page.locator('.app, .presenter, .presenter-window').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.status.loading'));
    await then(page);
    const offenders = await page.evaluate(wrongLanguage);
    await page.close();
    return offenders;
  }

  const openSearch = (text) => async (page) => {
    await page.keyboard.press('/');
    await page.keyboard.type(text);
    await page.locator('#search-results .hit').first().waitFor();
  };
  const presenterNotes = (page) => page.locator('.pw-notes li').first().waitFor();
  const openPlan = async (page) => {
    await page.locator('.show-in-plan').first().click();
    await page.locator('.plan-text mark.plan-mark').first().waitFor();
  };

  for (const lang of ['en', 'zh']) {
    const views = [
      ['map with a city and an industry', `?lang=${lang}&industry=new_energy&city=320200`],
      ['map with a county-level place and a field', `?lang=${lang}&field=flat_panel&city=320583`],
      ['map with a zone', `?lang=${lang}&zone=south`],
      ['search results', `?lang=${lang}`, openSearch(lang === 'en' ? 'su' : '苏')],
      ['table', `?lang=${lang}&view=table&industry=iot_cloud&city=320200`],
      ['targets', `?lang=${lang}&view=targets`],
      ['presenter window on the overview slide', `?lang=${lang}&slide=1&notes=1`, presenterNotes],
      ['presenter window on an industry slide', `?lang=${lang}&slide=4&notes=1`, presenterNotes],
      ['plan view at a quote', `?lang=${lang}&city=321200`, openPlan],
    ];
    for (const [name, query, then] of views) {
      test(`${lang}: ${name}`, async () => {
        assert.deepEqual(await check(query, then), []);
      });
    }
  }
});
