// The atlas works under the strict Content Security Policy the README gives the portal: no
// inline script or style, wasm allowed, images from the site and data: URLs only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextFrame, targetsSlide, useBrowserAndSite } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const env = useBrowserAndSite({ headers: { 'Content-Security-Policy': CSP } });

/**
 * An image address the policy refuses. The test loads it last: the browser reports violations in
 * order, so once this one is reported every violation the page made before it has been too.
 */
const SENTINEL = 'https://csp-sentinel.invalid/last.png';
/** How the browser's console words a violation. */
const VIOLATION = /Content Security Policy|Refused to/;

const views = [
  ['the map with a panel and the plan view', '?city=321200&industry=biotech_medicine', 'path.city'],
  ['the table', '?view=table', 'table.layout-table'],
  ['the charts', '?view=targets', 'img.chart'],
  ['a presenter slide with charts', `?slide=${targetsSlide()}`, 'img.chart'],
  ['the embedded map', '?embed=1&theme=dark', 'path.city'],
];

for (const [name, query, ready] of views) {
  test(`${name} works under the CSP with no violation`, async () => {
    const page = await env.browser.newPage();
    const violations = [];
    let sentinelReported;
    const sentinel = new Promise((ok) => (sentinelReported = ok));
    page.on('console', (m) => {
      if (m.text().includes(SENTINEL)) sentinelReported(m.text());
      else if (VIOLATION.test(m.text())) violations.push(m.text().slice(0, 200));
    });
    page.on('pageerror', (e) => violations.push(e.message));
    const response = await page.goto(env.site.url + query);
    assert.equal(response.headers()['content-security-policy'], CSP);
    await page.waitForSelector(ready);
    if (query.includes('city=')) {
      await page.locator('.role-item .show-in-plan').first().click();
      await page.locator('mark.plan-mark').first().waitFor();
    }
    if (ready === 'img.chart') {
      await page.waitForFunction(() => [...document.querySelectorAll('img.chart')].every((i) => i.complete && i.naturalWidth > 0));
    }
    await nextFrame(page);
    await page.evaluate((src) => {
      new Image().src = src;
    }, SENTINEL);
    assert.match(await sentinel, VIOLATION, 'a violation is seen as one');
    assert.deepEqual(violations, []);
    await page.close();
  });
}
