// The first screen tells the story (issue 18, point 3): at 1280×800 the ten industries are
// buttons with their counts beside the map, then the five places with regional signature
// industries in the plan's words and the three zones, and the map stays the biggest thing;
// choosing from the story works as the picker does. On a phone the province is at the top and
// the controls are one compact row. The story the page brings is the app's, box for box.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, nextFrame, openAtlas, readBundle, useBrowserAndSite } from './harness.mjs';

const bundle = readBundle();
const env = useBrowserAndSite();

/** Each industry's name and how many places the plan gives a role in it, in the plan's order. */
const expectedIndustries = bundle.industries.map((industry) => ({
  name: industry.name_zh,
  count: String(new Set(bundle.roles.filter((r) => r.industry === industry.id).map((r) => r.place)).size),
}));

/** The visible boxes and texts of the story's buttons, in document order. */
const storyButtons = (page, selector) => page.$$eval(selector, (buttons) => buttons
  .filter((b) => b.checkVisibility())
  .map((b) => ({ text: b.innerText.replace(/\s+/g, ' ').trim(), box: b.getBoundingClientRect().toJSON() })));

/** The area of a box. */
const area = (box) => box.width * box.height;

describe('the first screen at 1280×800', () => {
  test('shows the ten industries with their counts, the five signature places and the three zones, all on screen beside a bigger map', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const industries = await storyButtons(page, '.panel button[data-industry]');
    assert.deepEqual(industries.map((b) => b.text), expectedIndustries.map((i) => `${i.name} ${i.count}`));
    const signature = await page.$$eval('.panel li[data-place]', (rows) => rows.map((r) => ({
      place: r.querySelector('.story-place').innerText,
      fields: [...r.querySelectorAll('button')].map((b) => b.innerText),
      quote: r.querySelector('q').innerText,
    })));
    assert.equal(signature.length, 5, 'five places with signature industries');
    assert.deepEqual(signature.map((s) => s.place), ['南京', '苏州', '无锡', '常州', '南通']);
    assert.deepEqual(signature[0].fields, ['软件', '智能电网']);
    const quotes = bundle.roles.filter((r) => r.role === 'signature').map((r) => r.quote.quote);
    for (const row of signature) assert.ok(quotes.some((q) => row.quote.includes(q)), `${row.place} quotes the plan: ${row.quote}`);
    assert.match(await page.locator('.panel').innerText(), /§四\(二\)/);
    const zones = await storyButtons(page, '.panel button[data-zone]');
    assert.deepEqual(zones.map((z) => z.text), bundle.zones.map((z) => z.name_zh));
    const all = [...industries, ...(await storyButtons(page, '.panel button[data-field]')), ...zones];
    for (const { text, box } of all) {
      assert.ok(box.top >= 0 && box.bottom <= 800 && box.left >= 0 && box.right <= 1280, `${text} is on screen: ${JSON.stringify(box)}`);
    }
    const map = await page.$eval('svg.map-svg', (e) => e.getBoundingClientRect().toJSON());
    const others = await page.$$eval('.topbar, .panel, .legend, .attribution', (es) => es.map((e) => e.getBoundingClientRect().toJSON()));
    for (const other of others) assert.ok(area(map) > 2 * area(other), `the map (${map.width}×${map.height}) is the biggest thing`);
    assert.ok(map.width >= 850, `the map keeps its width: ${map.width}`);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('choosing an industry in the story colours the map as the picker does, announces it and lands focus on its panel', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.click('.panel button[data-industry="biotech_medicine"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('industry') === 'biotech_medicine');
    assert.equal(await page.$eval('#industry-picker', (s) => s.value), 'industry:biotech_medicine');
    await page.waitForFunction(() => document.activeElement?.closest('.panel') && /生物技术和新医药/.test(document.activeElement.textContent));
    assert.equal(await page.getAttribute('path.city[data-adcode="321200"]', 'data-role'), 'focus');
    await page.waitForFunction(() => /生物技术和新医药/.test(document.querySelector('.live-region').textContent));
    // Esc-free way back: the industry panel's close button brings the story back.
    await page.click('.panel .industry-name .close');
    await page.locator('.panel button[data-industry]').first().waitFor();
    await page.close();
  });

  test('by keyboard: a signature field and a zone, with focus where the choice shows', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.focus('.panel button[data-field="nano"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('field') === 'nano');
    assert.equal(await page.getAttribute('path.city[data-adcode="320500"]', 'data-role'), 'signature');
    await page.waitForFunction(() => document.activeElement?.closest('.panel .industry-name'));
    await page.click('.panel .industry-name .close');
    await page.focus('.panel button[data-zone="north"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('zone') === 'north');
    await page.waitForFunction(() => document.activeElement?.matches('.legend-zone[data-zone="north"]'));
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('the story follows the language', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?lang=en');
    const industries = await storyButtons(page, '.panel button[data-industry]');
    assert.equal(industries.length, 10);
    assert.equal(industries[0].text, `${bundle.industries[0].name_en} ${expectedIndustries[0].count}`);
    assert.match(await page.locator('.panel').innerText(), /The ten industries[\s\S]*Regional signature industries[\s\S]*§4\(2\)[\s\S]*The three zones/);
    await page.close();
  });

  test('the story the page brings is the app\'s, box for box', async () => {
    const boxes = (page) => page.$$eval('.panel .story :is(h2, p, button, q)', (es) => es.map((e) => [e.textContent, ...Object.values(e.getBoundingClientRect().toJSON()).map(Math.round)]));
    const held = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await held.route(/atlas_bg\.[0-9a-f]+\.wasm$/, () => {});
    await held.goto(env.site.url, { waitUntil: 'domcontentloaded' });
    const before = await boxes(held);
    await held.close();
    const page = await openAtlas(env.browser, env.site.url);
    await nextFrame(page);
    assert.ok(before.length > 20, `the page brings the story (${before.length} parts)`);
    assert.deepEqual(await boxes(page), before);
    await page.close();
  });
});

describe('the first screen on a phone (390×844)', () => {
  test('the province is at the top and the controls are one compact row', async () => {
    const page = await openAtlas(env.browser, env.site.url, { viewport: { width: 390, height: 844 } });
    const layout = await page.evaluate(() => {
      const box = (e) => e.getBoundingClientRect().toJSON();
      const toolbar = document.querySelector('.toolbar');
      const cities = [...document.querySelectorAll('path.city')].map(box);
      return {
        map: box(document.querySelector('svg.map-svg')),
        province: { top: Math.min(...cities.map((c) => c.top)), bottom: Math.max(...cities.map((c) => c.bottom)) },
        toolbar: box(toolbar),
        controls: [...toolbar.children].filter((c) => c.checkVisibility()).map((c) => ({ name: c.className, ...box(c) })),
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
    assert.ok(layout.map.top < 0.25 * 844, `the map starts at y=${layout.map.top}`);
    assert.ok(layout.province.top >= layout.map.top - 1 && layout.province.bottom <= 844, `the province is on screen: ${JSON.stringify(layout.province)}`);
    assert.ok(layout.toolbar.height <= 56, `the controls take ${layout.toolbar.height} px`);
    assert.ok(layout.controls.length >= 5, 'search, industry, views, language, exports');
    for (const c of layout.controls) assert.ok(Math.abs(c.top - layout.controls[0].top) <= 4, `${c.name} is on the row`);
    assert.ok(layout.scrollWidth <= 390, 'the page never scrolls sideways');
    await page.close();
  });

  test('the row\'s search still opens its results on screen', async () => {
    const page = await openAtlas(env.browser, env.site.url, { viewport: { width: 390, height: 844 } });
    await page.fill('.search input', '南通');
    const list = page.locator('.search-results');
    await list.waitFor();
    const box = await list.boundingBox();
    assert.ok(box.height > 20 && box.x >= 0 && box.x + box.width <= 390, `the results show: ${JSON.stringify(box)}`);
    const top = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.search-results') !== null, { x: box.x + box.width / 2, y: box.y + 10 });
    assert.ok(top, 'nothing covers or clips the results');
    await page.close();
  });
});
