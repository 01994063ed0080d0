// Issue 18, point 7: the table fits. At 1280×800 all ten industries are in the window without
// sideways scrolling, the place column stays in sight when the table does scroll, the headers are
// compact with the full names as tooltips, totals per place and per industry equal the bundle's
// counts, English role pills are not clipped, and a phone shows one card per city.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openAtlas, readBundle, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();
const bundle = readBundle();

/** Distinct values of `key` over the roles matching `keep`. */
const distinct = (keep, key) => new Set(bundle.roles.filter(keep).map(key)).size;

async function openTable(query, viewport = { width: 1280, height: 800 }) {
  const page = await openAtlas(env.browser, `${env.site.url}${query}`, { viewport, waitForMap: false });
  await page.locator('table.layout-table tbody.city-group').first().waitFor();
  return page;
}

describe('the table fits a laptop', () => {
  for (const lang of ['zh', 'en']) {
    test(`${lang}: at 1280×800 all ten industry columns are in the window, with no sideways scroll`, async () => {
      const page = await openTable(`?lang=${lang}&view=table`);
      const measured = await page.evaluate(() => {
        const view = document.querySelector('.table-view');
        const table = document.querySelector('.layout-table');
        const headers = [...table.querySelector('thead tr').children];
        return {
          view: { scroll: view.scrollWidth, client: view.clientWidth },
          page: { scroll: document.documentElement.scrollWidth, width: innerWidth },
          headers: headers.map((h) => ({ left: h.getBoundingClientRect().left, right: h.getBoundingClientRect().right })),
        };
      });
      assert.ok(measured.view.scroll <= measured.view.client, `the table scrolls sideways: ${measured.view.scroll} > ${measured.view.client}`);
      assert.ok(measured.page.scroll <= measured.page.width);
      assert.ok(measured.headers.length >= bundle.industries.length + 1);
      for (const [i, h] of measured.headers.entries()) {
        assert.ok(h.left >= 0 && h.right <= 1280, `column ${i} spans ${h.left}–${h.right} px`);
      }
      await page.close();
    });
  }

  test('compact headers carry the full industry name as a tooltip', async () => {
    for (const lang of ['zh', 'en']) {
      const page = await openTable(`?lang=${lang}&view=table`);
      const headers = await page.$$eval('.layout-table thead th', (ths) => ths.map((th) => ({
        text: th.innerText.trim(),
        tooltips: [th, ...th.querySelectorAll('[title]')].map((e) => e.getAttribute('title')).filter(Boolean),
      })));
      for (const industry of bundle.industries) {
        const name = lang === 'zh' ? industry.name_zh : industry.name_en;
        const header = headers.find((h) => h.text === name || h.tooltips.includes(name));
        assert.ok(header, `${name} is a header or a header's tooltip`);
        assert.ok(header.text.length <= name.length);
      }
      const shortened = headers.filter((h) => h.tooltips.length > 0 && !h.tooltips.includes(h.text));
      assert.ok(shortened.length >= 3, 'the long names are shortened');
      await page.close();
    }
  });

  test('the place column stays in sight when the table scrolls sideways', async () => {
    const page = await openTable('?view=table&city=320200', { width: 720, height: 700 });
    await page.locator('.city-details[data-adcode="320200"]').waitFor();
    const view = page.locator('.table-view');
    const overflow = await view.evaluate((v) => v.scrollWidth - v.clientWidth);
    assert.ok(overflow > 50, `with the panel open in a narrow window the table scrolls (${overflow} px)`);
    await view.evaluate((v) => { v.scrollLeft = v.scrollWidth; });
    await page.waitForFunction(() => {
      const v = document.querySelector('.table-view');
      return v.scrollLeft >= v.scrollWidth - v.clientWidth - 1;
    });
    const boxes = await page.evaluate(() => {
      const v = document.querySelector('.table-view').getBoundingClientRect();
      const name = document.querySelector('tbody.city-group[data-city="320200"] tr > th').getBoundingClientRect();
      const last = document.querySelector('.layout-table thead th:last-child').getBoundingClientRect();
      return { view: v.toJSON(), name: name.toJSON(), last: last.toJSON() };
    });
    assert.ok(boxes.name.left >= boxes.view.left - 0.5 && boxes.name.right <= boxes.view.right, `the place name is in sight: ${JSON.stringify(boxes)}`);
    assert.ok(boxes.last.right <= boxes.view.right + 0.5 && boxes.last.left > boxes.name.right - 0.5, 'the last column is scrolled into sight beside it');
    await page.close();
  });

  test('totals per place and per industry equal the plan’s counts', async () => {
    const page = await openTable('?view=table');
    const read = await page.evaluate(() => {
      const table = document.querySelector('.layout-table');
      const headers = [...table.querySelector('thead tr').children];
      const number = (cell) => Number(cell.innerText.trim());
      const rows = Object.fromEntries([...table.querySelectorAll('tbody tr[data-adcode]')]
        .map((tr) => [tr.dataset.adcode, number(tr.lastElementChild)]));
      const footer = [...table.querySelectorAll('tr')].at(-1);
      const columns = Object.fromEntries(headers.map((th, i) => [th.dataset.industry ?? `#${i}`, footer.children[i]])
        .filter(([key]) => !key.startsWith('#')).map(([key, cell]) => [key, number(cell)]));
      return { rows, columns, corner: number(footer.lastElementChild), lastHeader: headers.at(-1).innerText.trim() };
    });
    for (const city of bundle.cities) {
      const expected = distinct((r) => r.place === city.adcode, (r) => r.industry);
      assert.equal(read.rows[city.adcode], expected, `${city.name_zh}: ${expected} industries`);
    }
    for (const industry of bundle.industries) {
      const expected = distinct((r) => r.industry === industry.id, (r) => r.place);
      assert.equal(read.columns[industry.id], expected, `${industry.name_zh}: ${expected} places`);
    }
    assert.equal(read.corner, distinct(() => true, (r) => `${r.place}|${r.industry}`));
    assert.ok(read.lastHeader.length > 0, 'the totals column has a header');
    await page.close();
  });

  test('English role pills are not clipped, with or without the side panel', async () => {
    for (const query of ['?lang=en&view=table', '?lang=en&view=table&city=320500&industry=new_energy']) {
      const page = await openTable(query);
      const clipped = await page.$$eval('.layout-table td .badge', (badges) => badges.map((b) => {
        const cell = b.closest('td').getBoundingClientRect();
        const box = b.getBoundingClientRect();
        return { text: b.innerText, clipped: b.scrollWidth > b.clientWidth || box.right > cell.right + 0.5 || box.left < cell.left - 0.5 };
      }).filter((b) => b.clipped));
      assert.deepEqual(clipped, [], query);
      const view = await page.$eval('.table-view', (v) => [v.scrollWidth, v.clientWidth]);
      if (!query.includes('city=')) assert.ok(view[0] <= view[1]);
      await page.close();
    }
  });
});

describe('the table on a phone', () => {
  test('390×844: one card per city, full width, stacked, each naming the industries of its roles', async () => {
    const page = await openTable('?view=table', { width: 390, height: 844 });
    const cards = await page.$$eval('tbody.city-group', (groups) => groups.map((g) => ({
      city: g.dataset.city,
      box: g.getBoundingClientRect().toJSON(),
      text: g.innerText,
    })));
    assert.equal(cards.length, bundle.cities.length);
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    for (const [i, card] of cards.entries()) {
      assert.ok(card.box.left >= 0 && card.box.right <= width, `${card.city} spans ${card.box.left}–${card.box.right}`);
      assert.ok(card.box.width >= width * 0.9, `${card.city} is ${card.box.width} px wide of ${width}`);
      if (i > 0) assert.ok(card.box.top >= cards[i - 1].box.bottom - 0.5, `${card.city} is under the card before it`);
    }
    const headers = await page.$$eval('.layout-table thead th[data-industry]', (ths) => Object.fromEntries(ths.map((th) => [th.dataset.industry, th.innerText.trim()])));
    const taizhou = cards.find((c) => c.city === '321200');
    assert.ok(taizhou.text.includes(headers.biotech_medicine) && taizhou.text.includes('重点'), taizhou.text);
    for (const industry of bundle.industries) {
      if (!bundle.roles.some((r) => r.place === '321200' && r.industry === industry.id)) {
        assert.ok(!taizhou.text.includes(headers[industry.id]), `泰州's card leaves out ${headers[industry.id]}`);
      }
    }
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scrollWidth <= innerWidth);
    await page.close();
  });
});
