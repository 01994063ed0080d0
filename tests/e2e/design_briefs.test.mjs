// A city brief as a government office would hand it out (issue 18 point 6), judged on the
// printed A4 pages (pdftotext for the words, pdftoppm for the ink) and on the locator drawn in
// the page: every page carries the header (the plan, the city, the date) and 第 N 页 / 共 M 页 (or
// Page N of M) counted among the ticked briefs; the roles grid lists all ten industries with
// 泰州's role on 生物技术和新医药; sources are numbered notes, never addresses; the locator shows
// the water and the neighbours' names; the ink reaches the foot of the page; English glosses
// every quote.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openAtlas, readBundle, useBrowserAndSite } from './harness.mjs';

const run = promisify(execFile);
const bundle = readBundle();
const env = useBrowserAndSite();
const TAIZHOU = '321200';

const link = (params) => `${env.site.url}?${new URLSearchParams({ view: 'briefs', ...params })}`;

async function openBriefs(params) {
  const page = await openAtlas(env.browser, link(params), { waitForMap: false });
  await page.waitForFunction(() => document.querySelectorAll('.brief svg.locator').length === 13
    && document.querySelectorAll('.brief svg.locator[data-counties="0"]').length === 0);
  return page;
}

/** Prints to an A4 PDF in a fresh directory; gives each page's text and the directory. */
async function printed(page) {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-handout-'));
  const file = join(dir, 'briefs.pdf');
  await writeFile(file, await page.pdf({ format: 'A4', printBackground: true }));
  const pages = Number((await run('pdfinfo', [file])).stdout.match(/Pages:\s+(\d+)/)[1]);
  const texts = [];
  for (let n = 1; n <= pages; n++) {
    texts.push((await run('pdftotext', ['-f', String(n), '-l', String(n), file, '-'])).stdout.replace(/\s+/g, ' '));
  }
  return { dir, file, pages, texts };
}

/** The lowest row of a rasterised PDF page holding ink, as a fraction of the page's height. */
async function inkBottom(file, n, dir) {
  await run('pdftoppm', ['-f', String(n), '-l', String(n), '-r', '40', '-gray', file, join(dir, 'raster')]);
  const name = (await readdir(dir)).find((f) => f.startsWith('raster') && f.endsWith('.pgm'));
  const data = await readFile(join(dir, name));
  // A binary PGM: "P5\n<w> <h>\n<max>\n" then one byte a pixel.
  const header = data.toString('latin1', 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = data.subarray(header[0].length);
  let lowest = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[y * width + x] < 200) { lowest = y; break; }
    }
  }
  await rm(join(dir, name));
  return lowest / height;
}

const title = (lang) => (lang === 'en' ? bundle.plan.title_en : bundle.plan.title_zh);

describe('the brief as a handout', () => {
  for (const lang of ['zh', 'en']) {
    test(`every page has the header and its page number among 13, and no address (${lang})`, async () => {
      const page = await openBriefs({ lang });
      const pdf = await printed(page);
      try {
        assert.equal(pdf.pages, 13);
        bundle.cities.forEach((city, i) => {
          const text = pdf.texts[i];
          assert.ok(text.includes(title(lang)), `page ${i + 1} has the plan's title`);
          assert.ok(text.includes(lang === 'en' ? city.name_en : city.name_zh), `page ${i + 1} names its city`);
          assert.match(text, lang === 'en' ? /Printed \d+ \w+ \d{4}/ : /打印于 \d{4}年\d+月\d+日/);
          const number = lang === 'en' ? `Page ${i + 1} of 13` : `第 ${i + 1} 页 / 共 13 页`;
          // pdftotext keeps or drops the thin spaces around Chinese words as the glyphs fall.
          const squeeze = (t) => (lang === 'en' ? t : t.replace(/\s/g, ''));
          assert.ok(squeeze(text).includes(squeeze(number)), `page ${i + 1} says “${number}”: …${text.slice(-120)}`);
          // The header comes first: the plan's title before the city's grid.
          assert.ok(text.indexOf(title(lang)) < text.indexOf(lang === 'en' ? 'Role in each' : '十大产业中的角色'));
          assert.ok(!/https?:|www\./.test(text), `page ${i + 1} prints no address`);
        });
        // Each page's ink reaches the foot of the page: no half-blank sheets.
        for (const n of [1, 3, 12]) {
          const bottom = await inkBottom(pdf.file, n, pdf.dir);
          assert.ok(bottom >= 0.85, `page ${n}'s lowest ink at ${(bottom * 100).toFixed(1)} % of the page`);
        }
      } finally {
        await rm(pdf.dir, { recursive: true, force: true });
      }
      await page.close();
    });
  }

  for (const lang of ['zh', 'en']) {
    test(`laid out for paper, no brief's parts overlap or run past its page, and each locator stays legible (${lang})`, async () => {
      // The printable width of A4 with the brief's 14 mm margins, as the print layout sees it.
      const page = await openAtlas(env.browser, link({ lang }), { waitForMap: false, viewport: { width: 688, height: 1000 } });
      await page.waitForFunction(() => document.querySelectorAll('.brief svg.locator[data-counties]:not([data-counties="0"])').length === 13);
      await page.emulateMedia({ media: 'print' });
      const sheets = await page.$$eval('.brief', (briefs) => briefs.map((b) => {
        const box = (e) => e.getBoundingClientRect();
        const parts = [b.querySelector('.brief-head'), ...b.querySelector('.brief-body').children, b.querySelector('.brief-foot')];
        const top = b.querySelector('.brief-top');
        return {
          city: b.dataset.adcode,
          sheet: box(b).toJSON(),
          parts: parts.map((p) => ({ name: p.className, top: box(p).top, bottom: box(p).bottom })),
          inTop: [...top.children].map((p) => ({ name: p.className, top: box(p).top, bottom: box(p).bottom })),
          topBox: box(top).toJSON(),
          locator: box(b.querySelector('svg.locator')).toJSON(),
        };
      }));
      for (const { city, sheet, parts, inTop, topBox, locator } of sheets) {
        for (let i = 1; i < parts.length; i++) {
          assert.ok(parts[i].top >= parts[i - 1].bottom - 1, `${city}: ${parts[i].name} (top ${parts[i].top}) under ${parts[i - 1].name} (bottom ${parts[i - 1].bottom})`);
        }
        assert.ok(inTop[1].top >= inTop[0].bottom - 1 && inTop[1].bottom <= topBox.bottom + 1, `${city}: the locator under the grid, inside its row`);
        assert.ok(parts.at(-1).bottom <= sheet.bottom + 1, `${city}: the footer inside the page`);
        assert.ok(locator.height >= 100, `${city}: locator ${locator.width}×${locator.height}`);
      }
      await page.close();
    });
  }

  test('three ticked briefs are numbered 1 to 3 of 3', async () => {
    const page = await openBriefs({ lang: 'zh' });
    await page.locator('.briefs-none').click();
    for (const adcode of ['320300', '320500', '321300']) await page.locator(`.brief-tick input[value="${adcode}"]`).check();
    const pdf = await printed(page);
    try {
      assert.equal(pdf.pages, 3);
      pdf.texts.forEach((text, i) => assert.ok(text.replace(/\s/g, '').includes(`第${i + 1}页/共3页`), `page ${i + 1}: …${text.slice(-80)}`));
    } finally {
      await rm(pdf.dir, { recursive: true, force: true });
    }
    await page.close();
  });

  test("泰州's grid lists the ten industries with its role, its summary line first, and numbered notes", async () => {
    const page = await openBriefs({ lang: 'zh', city: TAIZHOU });
    const pdf = await printed(page);
    try {
      assert.equal(pdf.pages, 1);
      const text = pdf.texts[0];
      assert.ok(text.includes('泰州：生物技术和新医药重点'), text.slice(0, 300));
      // The ten industries in the plan's order, 生物技术和新医药 with 泰州's role beside it.
      let at = text.indexOf('十大产业中的角色');
      assert.ok(at > 0);
      for (const industry of bundle.industries) {
        const next = text.indexOf(industry.name_zh, at);
        assert.ok(next > at, `${industry.name_zh} after the one before it`);
        at = next;
      }
      assert.match(text, /生物技术和新医药 重点/);
      // Sources as numbered notes: [1] with a publisher, cited by the base.
      assert.match(text, /注释 \[1\] yongyao\.net：/);
      assert.match(text, /\[2\] nongcun5\.com：/);
    } finally {
      await rm(pdf.dir, { recursive: true, force: true });
    }
    await page.close();
  });

  test('the locator draws the Yangtze and 太湖 and names the neighbouring cities', async () => {
    const page = await openBriefs({ lang: 'zh' });
    for (const adcode of [TAIZHOU, '320200']) {
      const seen = await page.$eval(`.brief[data-adcode="${adcode}"] svg.locator`, (svg) => ({
        water: [...svg.querySelectorAll('path')].filter((p) => p.getAttribute('fill') === '#d4ecfa'
          && p.getBoundingClientRect().width > 2).length,
        names: [...svg.querySelectorAll('text')].map((t) => t.textContent),
      }));
      assert.ok(seen.water >= 3, `${adcode}: ${seen.water} water shapes drawn`);
      assert.ok(seen.names.includes('长江'), `${adcode}: ${seen.names}`);
      if (adcode === TAIZHOU) {
        for (const neighbour of ['扬州', '南通', '盐城', '镇江']) assert.ok(seen.names.includes(neighbour), `${neighbour} in ${seen.names}`);
      } else {
        assert.ok(seen.names.includes('太湖') && seen.names.includes('苏州') && seen.names.includes('常州'), `${seen.names}`);
      }
    }
    await page.close();
  });

  test('an English brief glosses every quote in English right after it', async () => {
    const page = await openBriefs({ lang: 'en' });
    for (const city of bundle.cities) {
      const quotes = await page.$$eval(`.brief[data-adcode="${city.adcode}"] :is(blockquote, q)`, (list) => list.map((q) => {
        // The quote's figure or line, then what follows it.
        const holder = q.closest('figure') ?? q.closest('p');
        const next = holder.nextElementSibling;
        return { quote: q.textContent, next: next?.textContent ?? '', visible: next ? next.getBoundingClientRect().height > 0 : false };
      }));
      const expected = bundle.roles.filter((r) => r.place === city.adcode || bundle.places.some((p) => p.adcode === r.place && p.city === city.adcode)).length + 1;
      assert.equal(quotes.length, expected, `${city.name_en}: every role and the zone quoted`);
      for (const { quote, next, visible } of quotes) {
        assert.ok(visible && /^[\x20-\x7e§–’]+$/.test(next) && next.length > 20, `${city.name_en}: “${quote.slice(0, 20)}” is followed by an English gloss, got “${next}”`);
      }
    }
    const taizhou = await page.locator(`.brief[data-adcode="${TAIZHOU}"] .brief-roles`).innerText();
    assert.ok(taizhou.includes('Taizhou: focus of Biotechnology and new medicine (plan §4(2))'), taizhou);
    await page.close();
  });
});
