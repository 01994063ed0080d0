// Files the app fetches after it starts, damaged on the server: the plan document and the county
// layer are checked fully before use (the plan's text against its SHA-256, as the bundle names
// it; the county layer's city boundaries against the bundle's), so a damaged file gives its
// error panel naming the file, in the interface language, and never a panic or a blank view.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openAtlas, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();
const SHOTS = join(ROOT, '..', '..', 'shots', 'h4-files-taps-budget');

/** Answers a request with the real file changed by `change` (its parsed JSON, returning text). */
function changedJson(change) {
  return async (route) => {
    const whole = await route.fetch();
    const body = change(JSON.parse(await whole.text()));
    await route.fulfill({ status: 200, body, headers: { 'content-type': 'application/json' } });
  };
}

const PLAN_CASES = [
  ['with empty text', changedJson((doc) => JSON.stringify({ ...doc, text: '', mentions: [] })), /plan\.json\) has no text/],
  ['with its text altered', changedJson((doc) => JSON.stringify({ ...doc, text: doc.text.replace('苏州', '苏洲') })), /plan\.json\) is not the plan text its hash names/],
  ['truncated', async (route) => {
    const whole = await route.fetch();
    const body = await whole.text();
    await route.fulfill({ status: 200, body: body.slice(0, 1000), headers: { 'content-type': 'application/json' } });
  }, /plan\.json\) is not valid JSON/],
  ['as a web page', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body>index</body></html>' }),
    /plan\.[0-9a-f]{16}\.json serves a web page/],
];

describe('a damaged plan document', () => {
  for (const [what, answer, detail] of PLAN_CASES) {
    for (const [lang, heading] of [['zh', '规划原文无法加载'], ['en', 'The plan text cannot be loaded']]) {
      test(`plan.json ${what} (${lang}): the plan view's error panel names the file, no page error`, async () => {
        const page = await openAtlas(env.browser, `${env.site.url}?${new URLSearchParams({ view: 'plan', lang })}`, { waitForMap: false });
        // The route is set before the app asks for the plan (it asks once the bundle is in).
        await page.route('**/assets/plan.*json', answer);
        await page.reload();
        const failed = page.locator('.plan-failed[role="alert"]');
        await failed.waitFor();
        assert.equal(await failed.locator('h2').textContent(), heading);
        const text = await failed.locator('.plan-failed-detail code').textContent();
        assert.match(text, detail);
        assert.match(text, /plan\.(?:[0-9a-f]{16}\.)?json/, 'the detail names the file');
        if (what === 'with empty text' || what === 'with its text altered') {
          mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: join(SHOTS, `plan-${what.replace(/ /g, '-')}-${lang}.png`) });
        }
        assert.deepEqual(page.problems.filter((p) => !p.includes('Failed to load resource')), []);
        await page.close();
      });
    }
  }
});

describe('a county layer that does not name its city boundaries', () => {
  for (const [lang, heading] of [['zh', '区县图层无法使用'], ['en', 'The county layer cannot be used']]) {
    test(`counties.json without sources (${lang}): the county panel names the file, the province map works`, async () => {
      const page = await openAtlas(env.browser, `${env.site.url}?${new URLSearchParams({ lang })}`);
      await page.route('**/assets/counties.*json', changedJson((layer) => JSON.stringify({ ...layer, sources: [] })));
      await page.goto(`${env.site.url}?${new URLSearchParams({ city: '320500', drill: '1', lang })}`);
      const failed = page.locator('.counties-error[role="alert"]');
      await failed.waitFor();
      assert.equal(await failed.locator('h2').textContent(), heading);
      assert.match(await failed.locator('.detail').textContent(), /county layer \(counties\.json\) or atlas\.json does not list the city boundaries/);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
});
