// A tab left open across a deployment: the page is served from a copy of the built site, a next
// build is deployed into that folder under the open tab (its county layer, plan document and
// bundle under new content-hashed names, the old ones gone, index.html naming the new ones), and
// the tab then asks for the county layer and the plan. It must say the atlas was updated and
// offer a reload (never blame the upload), and after the reload work on the new build. A broken
// upload (the file gone, the page unchanged) keeps its own error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, appStarted, launchBrowser } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

/** The file the page names under `<meta name>` (or the bundle's preload link). */
function named(index, name) {
  const meta = index.match(new RegExp(`<meta name="${name}" content="([^"]+)">`));
  if (meta) return meta[1];
  return index.match(/<link id="atlas-bundle" rel="preload" href="([^"]+)"/)[1];
}

/** Removes a file and the build's compressed copies of it. */
function removeWithCopies(site, file) {
  for (const suffix of ['', '.gz', '.br']) rmSync(join(site, file + suffix), { force: true });
}

/**
 * Deploys the next build into `site`: the bundle and the county layer as built from another
 * city boundary file (another SHA-256 in their sources, as a rebuild after a geodata update gives)
 * and the plan document rewritten, each under its new content-hashed name; the old hashed files
 * are removed, and index.html names the new ones.
 */
function deployNextBuild(site) {
  let index = readFileSync(join(site, 'index.html'), 'utf8');
  const nextSha = createHash('sha256').update('the next build').digest('hex');
  const rebuilt = (json) => {
    for (const source of json.sources ?? []) {
      if (source.path === 'geodata/jiangsu_cities.geojson') source.sha256 = nextSha;
    }
    return JSON.stringify(json);
  };
  for (const [key, change] of [['atlas-bundle', rebuilt], ['atlas-counties', rebuilt], ['atlas-plan', (json) => JSON.stringify(json)]]) {
    const old = named(index, key);
    const text = change(JSON.parse(readFileSync(join(site, old), 'utf8')));
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const next = old.replace(/\.[0-9a-f]{16}\.json$/, `.${hash}.json`);
    assert.notEqual(next, old);
    writeFileSync(join(site, next), text);
    removeWithCopies(site, old);
    index = index.replace(`"${old}"`, `"${next}"`);
  }
  for (const stable of ['assets/counties.json', 'assets/plan.json', 'index.html']) removeWithCopies(site, stable);
  writeFileSync(join(site, 'index.html'), index);
}

describe('a tab left open across a deployment', () => {
  let browser;
  let site;
  let server;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  /** A fresh copy of the built site, served. */
  async function serveCopy() {
    site = mkdtempSync(join(tmpdir(), 'atlas-deployed-'));
    cpSync(DIST, site, { recursive: true });
    server = await startServer({ root: site });
    return server.url;
  }
  function stopCopy() {
    server?.server.close();
    rmSync(site, { recursive: true, force: true });
  }

  for (const [lang, heading, button] of [['zh', '地图已更新', '重新加载'], ['en', 'The atlas was updated', 'Reload']]) {
    test(`after a new build is deployed, drilling down and the plan say the atlas was updated, and Reload brings the new build (${lang})`, async () => {
      const url = await serveCopy();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const problems = [];
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(`${url}?${new URLSearchParams({ lang, city: '320500' })}`);
        await page.waitForFunction(appStarted);
        await page.locator('.city-details[data-adcode="320500"]').waitFor();
        deployNextBuild(site);

        await page.locator('.city-details[data-adcode="320500"] .drill-down').click();
        const updated = page.locator('.status.updated[role="alert"]');
        await updated.waitFor();
        assert.equal(await updated.locator('h2').textContent(), heading);
        assert.equal(await page.locator('.counties-error').count(), 0, 'no blame on the upload');
        assert.doesNotMatch(await page.locator('body').innerText(), /same build|同一次构建|upload counties/i);

        await page.locator('.view-plan').click();
        await page.locator('.plan-view .status.updated').waitFor();

        await page.getByRole('button', { name: button }).click();
        await page.waitForFunction(appStarted);
        await page.locator('.plan-reader .plan-para').first().waitFor();
        assert.equal(await page.locator('.status.updated').count(), 0, 'the new build reads its own plan');
        await page.goto(`${url}?${new URLSearchParams({ lang, city: '320500', drill: '1' })}`);
        await page.waitForSelector('#atlas-drill-map path.county');
        assert.deepEqual(problems, []);
        await page.close();
      } finally {
        stopCopy();
      }
    });
  }

  test('a county file missing from an unchanged deployment keeps the upload error (not “updated”)', async () => {
    const url = await serveCopy();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${url}?city=320500`);
      await page.waitForFunction(appStarted);
      const index = readFileSync(join(site, 'index.html'), 'utf8');
      const counties = named(index, 'atlas-counties');
      assert.match(counties, /^assets\/counties\.[0-9a-f]{16}\.json$/, 'the page names a hashed county file');
      assert.ok(existsSync(join(site, counties)));
      removeWithCopies(site, counties);
      await page.locator('.city-details[data-adcode="320500"] .drill-down').click();
      await page.locator('.counties-error[role="alert"]').waitFor();
      assert.match(await page.textContent('.counties-error .detail'), /404/);
      assert.equal(await page.locator('.status.updated').count(), 0);
      await page.close();
    } finally {
      stopCopy();
    }
  });
});
