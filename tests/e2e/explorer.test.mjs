// Browser tests of the explorer: industry layouts, panels, search, table, plan view, language
// and links, against the built release site and its real bundle.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, openAtlas, useBrowserAndSite } from './harness.mjs';

const bundle = JSON.parse(await readFile(join(DIST, 'assets', 'atlas.json'), 'utf8'));
const ROLE_ORDER = ['signature', 'focus', 'support', 'pilot'];
const places = [...bundle.cities.map((c) => c.adcode), ...bundle.places.map((p) => p.adcode)];

/** The strongest role each place has in an industry (or field), computed from the bundle. */
function expectedRoles({ industry, field }) {
  const out = Object.fromEntries(places.map((p) => [p, 'none']));
  for (const fact of bundle.roles) {
    if (field ? fact.field !== field : fact.industry !== industry) continue;
    const current = out[fact.place];
    if (current === 'none' || ROLE_ORDER.indexOf(fact.role) < ROLE_ORDER.indexOf(current)) out[fact.place] = fact.role;
  }
  return out;
}

/** The role the map shows for every city and county-level place. */
const mapRoles = (page) =>
  page.$$eval('[data-adcode][data-role]:is(path.city, circle.place-marker)', (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.adcode, e.dataset.role])),
  );

const env = useBrowserAndSite();

describe('industry layouts on the map', () => {
  test('choosing 物联网和云计算 marks 无锡 as its signature place', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.selectOption('#industry-picker', 'industry:iot_cloud');
    await page.waitForSelector('path.city[data-adcode="320200"][data-role="signature"]');
    const roles = await mapRoles(page);
    assert.deepEqual(roles, expectedRoles({ industry: 'iot_cloud' }));
    assert.match(await page.getAttribute('path.city[data-adcode="320200"]', 'aria-label'), /标志性产业/);
    assert.match(await page.textContent('.legend'), /标志性产业 \(1\)/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('choosing 生物技术和新医药 marks 泰州 focus and 南京, 无锡, 苏州, 连云港 support', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.selectOption('#industry-picker', 'industry:biotech_medicine');
    await page.waitForSelector('path.city[data-adcode="321200"][data-role="focus"]');
    const roles = await mapRoles(page);
    assert.equal(roles['321200'], 'focus');
    for (const support of ['320100', '320200', '320500', '320700']) assert.equal(roles[support], 'support', support);
    assert.equal(Object.values(roles).filter((r) => r !== 'none').length, 5);
    const fill = (adcode) => page.$eval(`path.city[data-adcode="${adcode}"]`, (p) => getComputedStyle(p).fill);
    assert.notEqual(await fill('321200'), await fill('320100'), 'focus and support look different');
    assert.notEqual(await fill('320100'), await fill('320300'), 'support and not named look different');
    await page.close();
  });

  test('昆山 shows as a focus place for 平板显示', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.selectOption('#industry-picker', 'field:flat_panel');
    await page.waitForSelector('circle.place-marker[data-adcode="320583"][data-role="focus"]');
    const roles = await mapRoles(page);
    assert.deepEqual(roles, expectedRoles({ field: 'flat_panel' }));
    assert.equal(roles['320583'], 'focus');
    assert.equal(roles['320282'], 'none', '宜兴 is not named for flat panels');
    await page.click('circle.place-marker[data-adcode="320583"]');
    const panel = page.locator('.city-details[data-adcode="320583"]');
    await panel.waitFor();
    assert.match(await panel.locator('.city-name').textContent(), /昆山市/);
    assert.equal(await panel.locator('.role-item[data-field="flat_panel"][data-role="focus"]').count(), 1);
    await page.close();
  });

  test('the industry panel lists its sub-areas and where it is laid out', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?industry=new_energy');
    const panel = page.locator('.industry-details[data-industry="new_energy"]');
    await panel.waitFor();
    const subs = await panel.locator('.subareas summary').allTextContents();
    assert.deepEqual(subs, ['1. 太阳能利用技术', '2. 风力发电', '3. 生物质能', '4. 核电关联产业']);
    const statements = await panel.locator('.statement').evaluateAll((ls) => ls.map((l) => `${l.dataset.field}:${l.dataset.role}`));
    assert.deepEqual(statements, ['solar_pv:focus', 'solar_pv:support']);
    const supports = await panel.locator('.statement[data-role="support"] .place-chip').evaluateAll((bs) => bs.map((b) => b.dataset.adcode).sort());
    assert.deepEqual(supports, ['320100', '320300', '320400', '320500', '321000']);
    await page.close();
  });
});

describe('panels', () => {
  test('the 南京 panel lists every role the plan gives 南京, each quoted', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.click('path.city[data-adcode="320100"]');
    const panel = page.locator('.city-details[data-adcode="320100"]');
    await panel.waitFor();
    // Each role has its line; roles the plan gives in one sentence (软件, 智能电网) share one quote.
    const shown = await panel.locator('.role-item .role-head').evaluateAll((ls) =>
      ls.map((l) => ({ key: `${l.dataset.field}:${l.dataset.role}`, quote: l.closest('.role-item').querySelector('blockquote').textContent, section: l.closest('.role-item').querySelector('.section').textContent })),
    );
    const expected = bundle.roles.filter((r) => r.place === '320100').map((r) => ({ key: `${r.field}:${r.role}`, quote: r.quote.quote, section: r.quote.section }));
    assert.equal(expected.length, 5);
    assert.deepEqual(shown, expected);
    const quotes = await panel.locator('.roles blockquote').allTextContents();
    assert.deepEqual(quotes, [...new Set(expected.map((e) => e.quote))], 'each sentence quoted once');
    await page.close();
  });

  test('a zone panel shows its direction and member cities', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.click('.legend-zone[data-zone="north"]');
    const panel = page.locator('.zone-details[data-zone="north"]');
    await panel.waitFor();
    const members = await panel.locator('.members button').evaluateAll((bs) => bs.map((b) => b.dataset.adcode));
    assert.deepEqual(members, bundle.zones.find((z) => z.id === 'north').cities);
    assert.ok((await panel.locator('blockquote').textContent()).startsWith('苏北地区要充分发挥特色资源优势'));
    assert.equal(await page.locator('path.zone-outline.zone-north.selected').count(), 1);
    await page.waitForURL(/zone=north/);
    await page.close();
  });

  test('"show in plan" opens the plan reading view at the quote, marked in its paragraph; Esc goes back', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?city=321200');
    const item = page.locator('.role-item[data-field="biotech_medicine"]');
    await item.locator('.show-in-plan').click();
    const mark = page.locator('.plan-text mark.plan-mark');
    await mark.first().waitFor();
    const fact = bundle.roles.find((r) => r.place === '321200');
    // The quote is one run of marked text (cut only where a mention link starts or ends).
    assert.equal((await mark.allTextContents()).join(''), fact.quote.quote);
    assert.equal(await page.locator('.plan-para:has(mark.plan-mark)').count(), 1);
    await page.waitForFunction(() => {
      const m = document.querySelector('mark.plan-mark').getBoundingClientRect();
      const column = document.querySelector('.plan-reader').getBoundingClientRect();
      return m.top >= column.top && m.bottom <= column.bottom;
    });
    assert.match(await page.textContent('.plan-toc a[aria-current]'), /^（二）重点支持区域/);
    assert.ok((await page.textContent('.plan-text')).includes('四、产业发展布局'), 'the whole plan is shown');
    await page.keyboard.press('Escape');
    await page.locator('.role-item[data-field="biotech_medicine"]').waitFor();
    await page.waitForURL((url) => url.searchParams.get('city') === '321200' && !url.searchParams.has('view'));
    await page.close();
  });
});

describe('search, table, language and links', () => {
  test('search finds places by pinyin and industries by Chinese, by keyboard', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
    await page.keyboard.type('kunshan');
    await page.locator('#search-results .hit[data-id="320583"]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.county-details[data-adcode="320583"]').waitFor();
    await page.fill('#search', '光伏');
    await page.locator('#search-results .hit[data-id="solar_pv"]').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForSelector('path.city[data-adcode="320200"][data-role="focus"]');
    assert.equal(await page.inputValue('#industry-picker'), 'field:solar_pv');
    await page.fill('#search', 'su');
    await page.keyboard.press('ArrowDown');
    const active = await page.getAttribute('#search', 'aria-activedescendant');
    assert.equal(active, 'search-hit-1');
    const second = await page.getAttribute('#search-hit-1', 'data-id');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => new URL(location.href).search.includes(id), second);
    await page.close();
  });

  test('the table and the map agree on every role of every industry', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const checked = { cells: 0, named: 0 };
    for (const industry of bundle.industries) {
      await page.click('.view-map');
      await page.waitForSelector('svg.map-svg');
      await page.selectOption('#industry-picker', `industry:${industry.id}`);
      await page.waitForFunction((id) => new URL(location.href).searchParams.get('industry') === id, industry.id);
      const onMap = await mapRoles(page);
      assert.deepEqual(onMap, expectedRoles({ industry: industry.id }), industry.id);
      await page.click('.view-table');
      await page.waitForSelector('table.layout-table');
      const inTable = await page.$$eval(`td[data-industry="${industry.id}"]`, (tds) =>
        Object.fromEntries(tds.map((td) => [td.dataset.adcode, td.dataset.roles.split(' ')[0] || 'none'])),
      );
      assert.deepEqual(inTable, onMap, `table and map disagree on ${industry.id}`);
      assert.equal(await page.locator(`th.selected[data-industry="${industry.id}"]`).count(), 1);
      checked.cells += Object.keys(inTable).length;
      checked.named += Object.values(inTable).filter((r) => r !== 'none').length;
    }
    assert.equal(checked.cells, 10 * places.length);
    assert.ok(checked.named >= 25, `${checked.named} named cells`);
    const badges = await page.locator('table.layout-table .badge').count();
    const distinct = new Set(bundle.roles.map((r) => `${r.place}|${r.industry}|${r.role}`));
    assert.equal(badges, distinct.size, 'every role fact has its badge in the table');
    await page.close();
  });

  test('the table shares the selection with the map', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?city=320600');
    await page.click('.view-table');
    // The table's code may still be arriving (a wasm chunk): its rows first.
    await page.locator('tr[data-adcode="320900"]').waitFor();
    assert.equal(await page.locator('tr.selected[data-adcode="320600"]').count(), 1);
    await page.click('tr[data-adcode="320900"] th button');
    await page.locator('.city-details[data-adcode="320900"]').waitFor();
    await page.click('.view-map');
    await page.waitForSelector('path.city.selected[data-adcode="320900"]');
    await page.close();
  });

  test('English switches every interface string and name; quotes stay Chinese', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?city=320200&industry=iot_cloud');
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.textContent('h1'), 'Jiangsu Industry Atlas');
    await page.waitForURL(/lang=en/);
    await page.waitForFunction(() => document.title === 'Jiangsu Industry Atlas');
    const labels = await page.$$eval('text.city-label:not(.place-label)', (ts) => ts.map((t) => t.textContent).sort());
    assert.deepEqual(labels, bundle.cities.map((c) => c.name_en).sort());
    const panel = await page.textContent('.panel');
    assert.ok(panel.includes('Wuxi\'s role in Internet of Things and cloud computing'), 'the answer’s heading');
    assert.ok(panel.includes('Its other roles'));
    assert.ok(panel.includes('Signature industry'));
    assert.ok(panel.includes('无锡物联网和云计算'), 'the quote stays Chinese');
    const chrome = await page.evaluate(() => [...document.querySelectorAll('.toolbar, .legend, .panel h3, .panel figcaption')].map((e) => e.textContent).join(' '));
    const stray = chrome.replace(/[“”（）·]/g, '').match(/[\u4e00-\u9fff]+/g) ?? [];
    assert.deepEqual(stray.filter((w) => w !== '中文'), [], 'no Chinese interface string left in English mode');
    await page.close();
  });

  test('a deep link reopens its view, and back/forward walk through views', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?lang=en&industry=biotech_medicine&city=321200');
    await page.locator('.city-details[data-adcode="321200"]').waitFor();
    assert.equal(await page.getAttribute('path.city[data-adcode="321200"]', 'data-role'), 'focus');
    assert.equal(await page.inputValue('#industry-picker'), 'industry:biotech_medicine');
    assert.equal(await page.textContent('.city-details .city-name .name-en'), '泰州市');
    await page.click('path.city[data-adcode="320700"]');
    await page.locator('.city-details[data-adcode="320700"]').waitFor();
    await page.waitForURL(/city=320700/);
    await page.goBack();
    await page.locator('.city-details[data-adcode="321200"]').waitFor();
    await page.goForward();
    await page.locator('.city-details[data-adcode="320700"]').waitFor();
    await page.reload();
    await page.locator('.city-details[data-adcode="320700"]').waitFor();
    assert.equal(await page.getAttribute('path.city[data-adcode="320700"]', 'data-role'), 'support');
    await page.close();
  });

  test('bad link parameters fall back to defaults with a notice', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?city=999999&industry=nonsense&lang=fr&zone=central');
    await page.locator('.notice-bar').waitFor();
    const notice = await page.textContent('.notice-bar');
    for (const key of ['city', 'industry', 'lang']) assert.ok(notice.includes(key), notice);
    await page.locator('.zone-details[data-zone="central"]').waitFor();
    assert.equal(await page.inputValue('#industry-picker'), '');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('Tab reaches every city and county-level place', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const reached = new Set();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const adcode = await page.evaluate(() => document.activeElement?.closest('svg') && document.activeElement.dataset.adcode);
      if (adcode) reached.add(adcode);
    }
    assert.deepEqual([...reached].sort(), [...places].sort());
    await page.close();
  });

  test('the layout CSV offered for download has one row per role fact', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    // The export menu's list is built (from the exports chunk) when the menu first opens.
    await page.click('.export-menu summary');
    const href = await page.getAttribute('.export-menu a.download', 'href');
    const csv = await page.evaluate(async (h) => (await fetch(h)).text(), href);
    const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(rows[0], 'place,adcode,industry,field,role,quote,section');
    assert.equal(rows.length - 1, bundle.roles.length);
    assert.ok(rows.includes('无锡市,320200,物联网和云计算,云计算,pilot,积极推动无锡国家云计算服务创新发展试点示范城市建设方案的实施,三(五)'));
    await page.close();
  });
});

describe('industrial bases', () => {
  test('bases show on the map, filtered by the chosen industry, each with its source', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const hosts = () => page.$$eval('path.base-marker', (ps) => ps.map((p) => p.dataset.host).sort());
    assert.deepEqual(await hosts(), bundle.bases.map((b) => b.city).sort());
    await page.selectOption('#industry-picker', 'industry:biotech_medicine');
    await page.waitForFunction(() => document.querySelectorAll('path.base-marker').length === 2);
    assert.deepEqual(await hosts(), ['320100', '321200']);
    const label = await page.getAttribute('path.base-marker[data-host="321200"]', 'aria-label');
    assert.match(label, /泰州医药高新技术产业开发区/);
    assert.match(label, /2009/);
    assert.match(label, /近似/, 'a base without a sourced location says it is approximate');
    await page.click('path.base-marker[data-host="321200"]');
    const item = page.locator('.city-details[data-adcode="321200"] .base-item');
    await item.waitFor();
    const link = item.locator('.base-source a').first();
    const href = await link.getAttribute('href');
    assert.match(href, /^https?:\/\//);
    // The source is named by its publisher (the site's domain), the address kept as its target
    // and tooltip: never a raw address in the panel.
    assert.equal(await link.innerText(), new URL(href).hostname.split('.').slice(-2).join('.'));
    assert.equal(await link.getAttribute('title'), href);
    assert.doesNotMatch(await page.locator('.panel').innerText(), /https?:\/\//, 'no raw address in the panel');
    const industryBases = await page.locator('.industry-details .base-item').count();
    assert.equal(industryBases, 2);
    await page.close();
  });
});

describe('target charts', () => {
  test('the targets view shows the four charts with their quotes, in both languages', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?view=targets', { waitForMap: false });
    const loaded = () => page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('img.chart')];
      return imgs.length === 4 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
    await loaded();
    const charts = await page.$$eval('img.chart', (imgs) => imgs.map((i) => ({ src: i.getAttribute('src'), alt: i.alt })));
    assert.deepEqual(charts.map((c) => c.src.replace(/\.explorer\.\d+\./, '.explorer.')), ['output-path', 'gdp-share', 'roles-per-city', 'count-goals'].map((n) => `assets/charts/${n}.explorer.zh.svg`));
    assert.match(charts[0].alt, /推算/);
    const svg = await page.evaluate(async (src) => (await fetch(src)).text(), charts[0].src);
    assert.match(svg, /76,661/, 'the 2015 end of the projected path');
    const quotes = await page.$$eval('.chart-figure blockquote', (bs) => bs.map((b) => b.textContent));
    assert.ok(quotes.includes('战略性新兴产业产值年均增长率保持在30%以上'));
    const notes = await page.$$eval('.chart-figure', (fs) => fs.map((f) => f.querySelector('figcaption').textContent.trim().length > 0));
    assert.deepEqual(notes, [true, true, true, true], 'every chart carries a source note');
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.querySelector('img.chart').getAttribute('src').endsWith('.en.svg'));
    await loaded();
    assert.equal(await page.getAttribute('img.chart >> nth=3', 'alt'), 'Counted goals for 2015');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
