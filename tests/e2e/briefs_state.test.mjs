// The briefs view's choice of briefs lives in the address (`briefs=`): reload and Back/Forward
// restore it, a portal's link built with URLSearchParams opens with it, each change is one history
// entry, and a bad city code is dropped with a notice. With none ticked, the browser's own Print
// (page.pdf(), not the view's button) gives a page saying so and how to choose, not a blank sheet.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { addressParams, openAtlas, useBrowserAndSite } from './harness.mjs';

const run = promisify(execFile);
const env = useBrowserAndSite();

/** A briefs link built as a portal's script would, with URLSearchParams. */
const link = (params) => `${env.site.url}?${new URLSearchParams({ view: 'briefs', ...params })}`;

/** Opens a link and waits for the briefs view's 13 ticks. */
async function openBriefs(url) {
  const page = await openAtlas(env.browser, url, { waitForMap: false });
  await page.waitForFunction(() => document.querySelectorAll('.brief-tick input').length === 13);
  return page;
}

/** The adcodes whose brief is ticked, once the ticks and the briefs agree on `want`. */
async function ticked(page, want) {
  await page.waitForFunction((want) => {
    const ticks = [...document.querySelectorAll('.brief-tick input:checked')].map((i) => i.value);
    const shown = [...document.querySelectorAll('.brief:not(.unticked)')].map((b) => b.dataset.adcode);
    return JSON.stringify(ticks) === JSON.stringify(want) && JSON.stringify(shown) === JSON.stringify(want);
  }, want).catch(() => {});
  return page.$$eval('.brief-tick input:checked', (inputs) => inputs.map((i) => i.value));
}

/** Waits until the address's `briefs` is `want` (null: absent). */
const addressTicks = (page, want) => page.waitForFunction(
  (want) => new URLSearchParams(location.search).get('briefs') === want,
  want,
);

describe('the chosen briefs live in the address', () => {
  test('two ticked briefs are still ticked after a reload', async () => {
    const page = await openBriefs(link({}));
    await page.locator('.briefs-none').click();
    await page.locator('.brief-tick input[value="320100"]').check();
    await page.locator('.brief-tick input[value="320500"]').check();
    await addressTicks(page, '320100,320500');
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('.brief-tick input').length === 13);
    assert.deepEqual(await ticked(page, ['320100', '320500']), ['320100', '320500']);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('each change of the ticks is one history entry: Back and Forward walk through them', async () => {
    const page = await openBriefs(link({ city: '320500' }));
    assert.deepEqual(await ticked(page, ['320500']), ['320500'], "the city's brief alone, as the panel opens it");
    const entries = await page.evaluate(() => history.length);
    await page.locator('.brief-tick input[value="320100"]').check();
    await addressTicks(page, '320100,320500');
    await page.locator('.briefs-all').click();
    await addressTicks(page, 'all');
    assert.equal(await page.evaluate(() => history.length), entries + 2, 'one entry per change');
    await page.goBack();
    await addressTicks(page, '320100,320500');
    assert.deepEqual(await ticked(page, ['320100', '320500']), ['320100', '320500']);
    await page.goBack();
    await addressTicks(page, null);
    assert.deepEqual(await ticked(page, ['320500']), ['320500']);
    await page.goForward();
    await addressTicks(page, '320100,320500');
    assert.deepEqual(await ticked(page, ['320100', '320500']), ['320100', '320500']);
    await page.close();
  });

  test("a portal's link built with URLSearchParams opens with its cities ticked, by code or by name", async () => {
    for (const briefs of ['320100,320500', '南京,苏州', 'Nanjing, Suzhou']) {
      const page = await openBriefs(`${env.site.url}?${new URLSearchParams({ briefs })}`);
      assert.deepEqual(await ticked(page, ['320100', '320500']), ['320100', '320500'], briefs);
      await addressTicks(page, '320100,320500');
      assert.equal((await addressParams(page)).get('view'), 'briefs', 'the choice opens the briefs view');
      assert.equal(await page.locator('.notice-bar').count(), 0, 'no notice');
      await page.close();
    }
  });

  test('an unknown city code is dropped with a notice, the known one kept', async () => {
    const page = await openBriefs(link({ briefs: '320100,999999' }));
    assert.deepEqual(await ticked(page, ['320100']), ['320100']);
    await page.locator('.notice-bar').waitFor();
    assert.match(await page.textContent('.notice-bar'), /briefs/);
    await addressTicks(page, '320100');
    await page.close();
  });
});

/** Prints the page as the browser's own Print does; the PDF's page count, text and first page as PNG. */
async function printed(page, png) {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-briefs-state-'));
  try {
    const file = join(dir, 'print.pdf');
    await writeFile(file, await page.pdf({ format: 'A4', printBackground: true }));
    const pages = Number((await run('pdfinfo', [file])).stdout.match(/Pages:\s+(\d+)/)[1]);
    const text = (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/g, ' ');
    await run('pdftoppm', ['-f', '1', '-l', '1', '-r', '50', '-gray', file, join(dir, 'page')]);
    const gray = await readFile(join(dir, (await readdir(dir)).find((f) => f.endsWith('.pgm'))));
    if (png) await run('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', '-singlefile', file, png]);
    return { pages, text, inked: inkedShare(gray) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The share of a binary PGM's pixels darker than near-white. */
function inkedShare(pgm) {
  // Header: P5, width, height, maxval, each followed by whitespace; then one byte per pixel.
  let at = 0;
  const fields = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[at]))) at++;
    const start = at;
    while (!/\s/.test(String.fromCharCode(pgm[at]))) at++;
    fields.push(pgm.subarray(start, at).toString('latin1'));
  }
  const pixels = pgm.subarray(at + 1);
  let dark = 0;
  for (const p of pixels) if (p < 200) dark++;
  return dark / pixels.length;
}

describe("the browser's own Print with no brief ticked", () => {
  for (const lang of ['zh', 'en']) {
    test(`prints one page saying no brief is chosen and how to choose (${lang})`, async () => {
      const page = await openBriefs(link({ lang }));
      await page.locator('.briefs-none').click();
      await page.waitForFunction(() => document.querySelectorAll('.brief.unticked').length === 13);
      const pdf = await printed(page, process.env.ATLAS_SHOTS && join(process.env.ATLAS_SHOTS, `print-none-${lang}`));
      assert.equal(pdf.pages, 1, `${pdf.pages} pages`);
      const words = lang === 'zh'
        ? ['江苏', '未选择任何城市简报', '勾选', '全选']
        : ['Jiangsu', 'No city brief is chosen', 'tick the cities', 'All'];
      for (const w of words) assert.ok(pdf.text.includes(w), `the page says “${w}”: ${pdf.text.slice(0, 300)}`);
      assert.ok(pdf.inked > 0.002, `the page is not blank: ${(pdf.inked * 100).toFixed(2)} % inked`);
      // Ticked again, the briefs print and the note does not.
      await page.locator('.brief-tick input[value="320500"]').check();
      const one = await printed(page);
      assert.equal(one.pages, 1);
      assert.ok(!one.text.includes(words[1]), 'no note beside a ticked brief');
      await page.close();
    });
  }
});
