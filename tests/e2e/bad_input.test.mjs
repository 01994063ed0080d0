// The bad-input corpus (tests/bad-input/) against the real site in Chromium: every bad bundle
// gives a clear error panel (no blank page, no panic, no script run), and every bad link falls
// back to defaults with a notice.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, openAtlas, useBrowserAndSite } from './harness.mjs';
import { BAD_BUNDLES } from '../bad-input/bundles.mjs';
import { BAD_QUERIES } from '../bad-input/queries.mjs';

// The whole bundle (assets/atlas.json, boundaries included), served in place of the app's
// first-load copy, so the corpus can break its boundaries too.
const goodText = await readFile(join(DIST, 'assets', 'atlas.json'), 'utf8');
const env = useBrowserAndSite();

/** Opens the atlas with `body` served as its bundle; resolves once the error panel shows. */
async function withBundle(body) {
  const page = await env.browser.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (/panicked|RuntimeError|unreachable/.test(m.text())) page.problems.push(`console: ${m.text()}`);
  });
  await page.route('**/assets/atlas.*.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(env.site.url);
  await page.locator('.status.error').waitFor();
  return page;
}

describe('a bad bundle shows an error panel', () => {
  test('the unchanged bundle is accepted (the corpus changes a good bundle)', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    assert.equal(await page.locator('.status.error').count(), 0);
    await page.close();
  });

  for (const bad of BAD_BUNDLES) {
    test(bad.name, async () => {
      const body = bad.make(goodText);
      assert.notEqual(body, goodText, 'the case changes the bundle');
      const page = await withBundle(body);
      const text = await page.textContent('.status.error');
      for (const words of bad.expect) assert.ok(text.includes(words), `${JSON.stringify(text)} lacks ${words}`);
      assert.match(text, /无法加载地图数据/);
      assert.equal(await page.locator('path.city').count(), 0, 'no map from a bad bundle');
      assert.equal(await page.evaluate(() => window.__injected), undefined, 'no script ran');
      assert.deepEqual(page.problems, [], 'no panic');
      await page.close();
    });
  }
});

describe('bad link parameters fall back to defaults with a notice', () => {
  for (const bad of BAD_QUERIES) {
    test(bad.name, async () => {
      const page = await openAtlas(env.browser, env.site.url + bad.query);
      await page.locator('.notice-bar').waitFor();
      const notice = await page.textContent('.notice-bar');
      for (const key of bad.noticed) assert.ok(notice.includes(key), `${notice.slice(0, 300)} lacks ${key}`);
      assert.ok(notice.length < 4000, `the notice stays short (${notice.length} characters)`);
      // The address is tidied (ignored parameters dropped) once the first frame is painted.
      const dropped = bad.noticed.filter((k) => !(k in bad.kept));
      await page.waitForURL((url) => dropped.every((key) => !url.searchParams.has(key)));
      const params = new URL(page.url()).searchParams;
      for (const [key, value] of Object.entries(bad.kept)) assert.equal(params.get(key), value, key);
      assert.equal(await page.locator('path.city').count(), 13);
      assert.equal(await page.evaluate(() => window.__injected), undefined, 'no script ran');
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
});
