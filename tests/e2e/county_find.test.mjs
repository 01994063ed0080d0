// Browser tests of counties in the panel, the link, search, the table and the live region, on the
// built site with the real bundle and county layer (dist/assets/counties.json).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, openAtlas, useBrowserAndSite } from './harness.mjs';

const bundle = JSON.parse(await readFile(join(DIST, 'assets', 'atlas.json'), 'utf8'));
const layer = JSON.parse(await readFile(join(DIST, 'assets', 'counties.json'), 'utf8'));
const suzhouCounties = layer.counties.filter((c) => c.city === '320500');

const env = useBrowserAndSite();

/** The page's query string once it equals `expected`. */
const waitForQuery = (page, expected) =>
  page.waitForFunction((q) => location.search === q, expected);

/** The live region's line once it equals `expected`. */
const waitForLine = (page, expected) =>
  page.waitForFunction((t) => document.querySelector('.live-region')?.textContent === t, expected);

describe('county panels', () => {
  test('昆山 shows its kind, area, city and the plan’s words, and links back to 苏州', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?city=320500&county=320583`);
    const panel = page.locator('.county-details[data-adcode="320583"]');
    await panel.waitFor();
    const kunshan = layer.counties.find((c) => c.adcode === '320583');
    assert.match(await panel.locator('.city-name').textContent(), /^昆山市 Kunshan$/);
    assert.equal(await panel.locator('.county-kind').textContent(), '县级市');
    assert.equal(await panel.locator('.county-area').textContent(), `${Math.round(kunshan.area_km2)}\u00a0km²`);
    assert.equal(await panel.locator('.county-code').textContent(), '320583');
    const place = bundle.places.find((p) => p.adcode === '320583');
    const quotes = await panel.locator(':scope > .plan-quote blockquote, :scope > .roles blockquote').allTextContents();
    assert.ok(quotes.includes(place.mention.quote), `${quotes}`);
    assert.equal(await panel.locator(':scope > .roles .role-item[data-field="flat_panel"][data-role="focus"]').count(), 1);
    assert.match(await panel.locator(':scope > .roles .section').first().textContent(), /四\(二\)/);
    const cityRoles = bundle.roles.filter((r) => r.place === '320500').length;
    assert.equal(await panel.locator('.city-roles .role-item').count(), cityRoles, 'the city’s roles as context');
    await panel.locator('.city-link').click();
    await waitForQuery(page, '?city=320500&drill=1');
    await page.locator('.city-details[data-adcode="320500"]').waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('宜兴 shows its environmental park with its source, in English too', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?county=320282&lang=en`);
    await waitForQuery(page, '?lang=en&city=320200&county=320282');
    const panel = page.locator('.county-details[data-adcode="320282"]');
    await panel.waitFor();
    assert.equal(await panel.locator('.county-kind').textContent(), 'county-level city');
    const place = bundle.places.find((p) => p.adcode === '320282');
    assert.ok((await panel.locator('blockquote').allTextContents()).includes(place.mention.quote));
    const base = bundle.bases.find((b) => b.host === '320282');
    assert.equal(await panel.locator('.base-item').count(), 1);
    assert.equal(await panel.locator('.base-item .base-name').textContent(), base.name_en);
    assert.ok(await panel.locator('.base-item .base-source a').getAttribute('href'));
    const heading = await panel.locator('.city-name').elementHandle();
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.querySelector('.county-kind')?.textContent === '县级市');
    assert.equal(await panel.locator('.city-link').textContent(), '无锡市');
    assert.ok(await heading.evaluate((h) => h.isConnected), 'the panel follows the language in place');
    await page.close();
  });

  test('a county the plan does not name says so and lists its city’s roles', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?county=320508`);
    const panel = page.locator('.county-details[data-adcode="320508"]');
    await panel.waitFor();
    assert.equal(await panel.locator('.county-kind').textContent(), '市辖区');
    assert.equal(await panel.locator('.county-not-named').count(), 1);
    assert.equal(await panel.locator(':scope > .roles').count(), 0);
    await page.close();
  });
});

describe('drill-down, search and the live region', () => {
  test('the city panel drills down and the live region counts the counties', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?city=320500`);
    await page.locator('.city-details[data-adcode="320500"] .drill-down').click();
    await waitForQuery(page, '?city=320500&drill=1');
    await waitForLine(page, `苏州市 — ${suzhouCounties.length} 个县级单位`);
    assert.equal(await page.locator('.drill-down').count(), 0, 'no drill button once drilled');
    await page.close();
  });

  test('searching “kunshan” opens 苏州 drilled down with 昆山 chosen', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.keyboard.press('/');
    // Focusing the box fetched the layer: a district only the layer knows is found.
    await page.keyboard.type('xuanwu');
    await page.locator('#search-results .hit[data-id="320102"][data-kind="county"]').waitFor();
    assert.equal(await page.textContent('#search-results .hit[data-id="320102"] .hit-kind'), '市辖区 · 南京市', 'its kind and its city');
    await page.fill('#search', 'kunshan');
    await page.locator('#search-results .hit[data-id="320583"]').waitFor();
    await page.keyboard.press('Enter');
    await waitForQuery(page, '?city=320500&county=320583');
    await page.locator('.county-details[data-adcode="320583"]').waitFor();
    await waitForLine(page, `苏州市 — ${suzhouCounties.length} 个县级单位；已选择 昆山市（县级市）：平板显示（重点）`);
    await page.goBack();
    await waitForQuery(page, '');
    await page.locator('.county-details').waitFor({ state: 'detached' });
    await page.close();
  });

  test('while the county layer loads the list says so, and finds the county when it arrives; when it fails, says counties are unavailable', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/assets/counties.*json', async (route) => { await held; await route.continue(); });
    await page.goto(`${env.site.url}?lang=en`);
    await page.waitForFunction(() => document.querySelectorAll('path.city').length === 13 && !document.getElementById('prerendered'));
    await page.keyboard.press('/');
    await page.keyboard.type('xuanwu');
    const list = page.locator('#search-results');
    await list.getByText('Counties are loading').waitFor();
    assert.equal(await list.getByText('No results').count(), 0, 'not “no results” for a county on its way');
    assert.equal(await page.getAttribute('#search', 'aria-activedescendant'), null, 'no active option that does not exist');
    release();
    await page.locator('#search-results .hit[data-id="320102"]').waitFor();
    assert.equal(await list.getByText('Counties are loading').count(), 0);
    assert.equal(await page.getAttribute('#search', 'aria-activedescendant'), 'search-hit-0');
    await page.close();

    const failing = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await failing.route('**/assets/counties.*json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await failing.goto(`${env.site.url}?lang=zh`);
    await failing.waitForFunction(() => document.querySelectorAll('path.city').length === 13 && !document.getElementById('prerendered'));
    await failing.keyboard.press('/');
    await failing.keyboard.type('玄武');
    await failing.locator('#search-results').getByText('区县数据暂不可用').waitFor();
    assert.equal(await failing.locator('#search-results').getByText('无结果').count(), 0);
    // Cities are still found.
    await failing.fill('#search', '南京');
    await failing.locator('#search-results .hit[data-id="320100"]').waitFor();
    await failing.close();
  });

  test('the forms people type find the place first: “Nanjing City”, “Xúzhōu”, “jiangning qu”', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?lang=en`);
    await page.keyboard.press('/');
    for (const [query, id] of [['Nanjing City', '320100'], ['Xúzhōu', '320300'], ['Kunshan City', '320583'], ['jiangning qu', '320115'], ['Jiāngníng Qū', '320115']]) {
      await page.fill('#search', query);
      // The first result, once the results are for this query (the county layer may still arrive).
      await page.waitForFunction((want) => document.querySelector('#search-results .hit')?.dataset.id === want, id);
    }
    await page.keyboard.press('Enter');
    await waitForQuery(page, '?lang=en&city=320100&county=320115');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('the table and bad links', () => {
  test('the table groups each city’s counties under it', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?view=table`, { waitForMap: false });
    const group = page.locator('tbody.city-group[data-city="320500"]');
    const toggle = group.locator('.group-toggle');
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(
      await group.locator('tr.county-row').evaluateAll((rows) => rows.map((r) => r.dataset.adcode)),
      ['320583'],
      'a closed group lists the county the plan names',
    );
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.waitForFunction(
      (n) => document.querySelectorAll('tbody.city-group[data-city="320500"] tr.county-row').length === n,
      suzhouCounties.length,
    );
    const gusu = group.locator('tr.county-row[data-adcode="320508"]');
    assert.match(await gusu.locator('.place-kind').textContent(), /^市辖区 · 83\u00a0km²$/);
    const xinwu = page.locator('tbody.city-group[data-city="320200"]');
    await xinwu.locator('.group-toggle').click();
    assert.match(await xinwu.locator('tr[data-adcode="320214"] .place-kind').textContent(), /1 个基地$/);
    await gusu.locator('th button').click();
    await waitForQuery(page, '?view=table&city=320500&county=320508');
    await page.locator('tr.county-row.selected[data-adcode="320508"]').waitFor();
    assert.equal(await page.locator('tbody.city-group').count(), bundle.cities.length);
    await page.close();
  });

  test('without the county file the table keeps its city rows and says why', async () => {
    const page = await openAtlas(env.browser, 'about:blank', { waitForMap: false });
    await page.route('**/assets/counties.*json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${env.site.url}?view=table`);
    await page.locator('.table-view .counties-status', { hasText: '区县数据无法加载' }).waitFor();
    assert.equal(await page.locator('tbody.city-group').count(), bundle.cities.length);
    assert.equal(await page.locator('.group-toggle').count(), 0);
    assert.deepEqual(
      await page.locator('tr.place-row').evaluateAll((rows) => rows.map((r) => r.dataset.adcode)),
      bundle.places.map((p) => p.adcode),
      'the plan’s county-level places keep their rows',
    );
    await page.close();
  });

  test('bad county links give a notice; a county the layer lacks is dropped in place', async () => {
    const outside = await openAtlas(env.browser, `${env.site.url}?city=320100&county=320583`);
    assert.match(await outside.textContent('.notice-bar'), /“county” 不在所选设区市内/);
    await waitForQuery(outside, '?city=320100');
    await outside.close();

    const good = await openAtlas(env.browser, `${env.site.url}?city=320500&drill=1`);
    await good.locator('.city-details[data-adcode="320500"]').waitFor();
    const entries = await good.evaluate(() => history.length);
    await good.close();
    const page = await openAtlas(env.browser, `${env.site.url}?city=320500&county=320599`);
    await page.locator('.notice-bar li', { hasText: '“county” 的值无法识别' }).waitFor();
    await waitForQuery(page, '?city=320500&drill=1');
    assert.equal(await page.evaluate(() => history.length), entries, 'the bad link is replaced, not kept in history');
    await page.locator('.city-details[data-adcode="320500"]').waitFor();
    await page.close();
  });
});
