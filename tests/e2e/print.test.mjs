// Printing, as a presenter prints a handout: A4 landscape from the browser. The map view gives one
// page with the map scaled to it, its legend and the selected panel side by side, nothing cut or
// covered; the table view prints all ten industry columns within the page width. The PDFs are read
// with poppler-utils (pdfinfo, pdftotext), as a person would open them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST, boxOf, openAtlas, overlaps, useBrowserAndSite } from './harness.mjs';

const run = promisify(execFile);
const bundle = JSON.parse(await readFile(join(DIST, 'assets', 'atlas.json'), 'utf8'));
const env = useBrowserAndSite();

/** A4 landscape less the stylesheet's 10 mm margins, in CSS px (96 per inch). */
const PRINTABLE = { width: Math.floor((277 / 25.4) * 96), height: Math.floor((190 / 25.4) * 96) };

/** Prints the page to PDF as the browser's print dialog does, and reads back its pages and text. */
async function printed(page) {
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const dir = await mkdtemp(join(tmpdir(), 'atlas-print-'));
  try {
    const file = join(dir, 'handout.pdf');
    await writeFile(file, pdf);
    const info = await run('pdfinfo', [file]).catch((e) => {
      throw new Error(`pdfinfo failed (install poppler-utils): ${e.message}`);
    });
    const pages = Number(info.stdout.match(/^Pages:\s+(\d+)/m)?.[1]);
    const size = info.stdout.match(/^Page size:\s+([\d.]+) x ([\d.]+)/m);
    const text = (await run('pdftotext', ['-f', '1', '-l', '1', file, '-'])).stdout.replace(/\s+/g, ' ');
    const boxes = (await run('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'])).stdout;
    const words = [...boxes.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map(([, x0, y0, x1, y1, word]) => ({ word, height: Number(y1) - Number(y0) }));
    return { pages, width: Number(size?.[1]), height: Number(size?.[2]), firstPage: text, words };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Lays the page out for print at the printable size and waits until the map is redrawn for it. */
async function printLayout(page) {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize(PRINTABLE);
  await page.waitForFunction(() => {
    const canvas = document.querySelector('.map-canvas');
    const svg = document.querySelector('svg.map-svg');
    return !canvas || (svg && Math.abs(Number(svg.getAttribute('width')) - canvas.clientWidth) < 1);
  });
}

const inside = (r) => r.left >= 0 && r.top >= 0 && r.right <= PRINTABLE.width + 0.5 && r.bottom <= PRINTABLE.height + 0.5;
/** Overlap beyond half a pixel, what rounding of the printed layout may leave. */
const overlap = (a, b) => overlaps(a, b, 0.5);

const HANDOUTS = [
  {
    query: '?lang=en&industry=biotech_medicine&city=321200',
    city: '321200',
    says: ['Taizhou', 'Biotechnology and new medicine', 'Layout roles'],
    labelsOnly: ['Xuzhou', 'Suqian', 'Yancheng'],
  },
  { query: '?lang=zh&industry=new_energy&city=320200', city: '320200', says: ['无锡市', '新能源', '布局角色'] },
  { query: '?lang=zh&city=320100', city: '320100', says: ['南京市', '苏南'] },
];

describe('printing', () => {
  for (const handout of HANDOUTS) {
    test(`the map view ${handout.query} prints on one A4 landscape page with map, legend and panel`, async () => {
      const page = await openAtlas(env.browser, env.site.url + handout.query);
      await page.locator(`.city-details[data-adcode="${handout.city}"]`).waitFor();
      const pdf = await printed(page);
      assert.equal(pdf.pages, 1, `${pdf.pages} pages`);
      assert.ok(pdf.width > pdf.height && Math.abs(pdf.width - 842) < 2, `A4 landscape, got ${pdf.width}×${pdf.height} pt`);
      for (const words of handout.says) assert.ok(pdf.firstPage.includes(words), `the page says ${words}`);
      // Names that only the map's labels print: redrawn for the paper, they are at least 7 pt (a
      // word's box is about 1.29 em high in this font; the halo's run is taller, so the smallest box
      // counts), not a screen map shrunk to the page.
      for (const name of handout.labelsOnly ?? []) {
        const boxes = pdf.words.filter((w) => w.word === name);
        assert.ok(boxes.length > 0, `${name}'s label is printed`);
        const points = Math.min(...boxes.map((w) => w.height)) / 1.29;
        assert.ok(points >= 7, `${name}'s label prints at ${points.toFixed(1)} pt`);
      }
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  test('laid out for print, the map, its legend and the panel are inside the page and apart', async () => {
    const page = await openAtlas(env.browser, env.site.url + HANDOUTS[0].query);
    await page.locator('.city-details').waitFor();
    const screenWidth = await page.$eval('svg.map-svg', (s) => Number(s.getAttribute('width')));
    await printLayout(page);
    const [map, legend, panel, credit] = await Promise.all(['svg.map-svg', '.legend', '.panel', '.attribution'].map((s) => boxOf(page, s)));
    for (const [name, r] of Object.entries({ map, legend, panel, credit })) assert.ok(inside(r), `${name} ${JSON.stringify(r)} leaves the page`);
    assert.ok(!overlap(map, legend), 'the legend covers the map');
    assert.ok(!overlap(map, panel), 'the panel and the map overlap');
    assert.ok(!overlap(legend, panel), 'the legend and the panel overlap');
    const panelHeights = await page.$eval('.panel', (e) => ({ scroll: e.scrollHeight, client: e.clientHeight }));
    assert.ok(panelHeights.scroll <= panelHeights.client + 1, `the panel is cut: ${panelHeights.scroll} > ${panelHeights.client}`);
    assert.ok(map.right - map.left < screenWidth, 'the map is scaled to the page');
    assert.ok(map.right - map.left > PRINTABLE.width * 0.4, 'the map takes a good part of the page');
    assert.equal(await page.locator('path.city').count(), 13);
    assert.equal(await page.locator('.toolbar').isVisible(), false);
    await page.close();
  });

  test('the table view prints all ten industry columns within the page width', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?lang=en&view=table', { waitForMap: false });
    await page.locator('table.layout-table').waitFor();
    const pdf = await printed(page);
    // A header wraps over lines that pdftotext may interleave with its neighbour's, so each word
    // of each industry's name is looked for.
    const words = new Set(pdf.firstPage.split(' '));
    for (const industry of bundle.industries) {
      for (const word of industry.name_en.split(' ')) assert.ok(words.has(word), `${industry.name_en}: "${word}" is not printed`);
    }
    for (const city of bundle.cities) assert.ok(pdf.firstPage.includes(city.name_en), `${city.name_en} is printed`);
    await printLayout(page);
    const headers = await page.$$eval('.layout-table thead th', (ths) => ths.map((th) => th.getBoundingClientRect().right));
    assert.equal(headers.length, bundle.industries.length + 2, 'the place, the ten industries and the totals');
    for (const right of headers) assert.ok(right <= PRINTABLE.width + 0.5, `a column ends at ${right} px, past the page`);
    const fontSize = await page.$eval('.layout-table td', (td) => parseFloat(getComputedStyle(td).fontSize));
    assert.ok(fontSize < 12, `smaller type on paper: ${fontSize} px`);
    assert.equal(await page.$eval('.layout-table thead', (t) => getComputedStyle(t).display), 'table-header-group');
    await page.close();
  });
});
