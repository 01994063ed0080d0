// The atlas works under the strict Content Security Policy the README gives the portal: no
// inline script or style, wasm allowed, images from the site and data: URLs only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndSite } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const env = useBrowserAndSite({ headers: { 'Content-Security-Policy': CSP } });

const views = [
  ['the map with a panel and the plan view', '?city=321200&industry=biotech_medicine', 'path.city'],
  ['the table', '?view=table', 'table.layout-table'],
  ['the charts', '?view=targets', 'img.chart'],
  ['a presenter slide with charts', '?slide=13', 'img.chart'],
  ['the embedded map', '?embed=1&theme=dark', 'path.city'],
];

for (const [name, query, ready] of views) {
  test(`${name} works under the CSP with no violation`, async () => {
    const page = await env.browser.newPage();
    const violations = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text().slice(0, 200));
    });
    page.on('pageerror', (e) => violations.push(e.message));
    const response = await page.goto(env.site.url + query);
    assert.equal(response.headers()['content-security-policy'], CSP);
    await page.waitForSelector(ready);
    if (query.includes('city=')) {
      await page.locator('.role-item .show-in-plan').first().click();
      await page.locator('mark.plan-mark').waitFor();
    }
    if (ready === 'img.chart') {
      await page.waitForFunction(() => [...document.querySelectorAll('img.chart')].every((i) => i.complete && i.naturalWidth > 0));
    }
    await page.waitForTimeout(300);
    assert.deepEqual(violations, []);
    await page.close();
  });
}
