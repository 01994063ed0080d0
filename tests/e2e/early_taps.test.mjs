// Taps before the app is ready: the page paints its prerendered map long before the app can
// answer (on a slow phone, 0.74 s against 2.66 s). A tap on a city meanwhile must be kept
// (assets/boot.js), shown as taken (the city marked pressed), and answered when the app starts:
// the city chosen as a click would choose it, once. The app is held back by holding its wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, addressParams, appStarted, useBrowserAndSite } from './harness.mjs';

const ctx = useBrowserAndSite();
const SHOTS = join(ROOT, '..', '..', 'shots', 'h4-files-taps-budget');

/**
 * Opens the atlas with its wasm held back: the prerendered map paints, the app cannot start.
 * Resolves to { page, release }, where `release()` lets the wasm through.
 */
async function openHeld(query = '') {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  const held = [];
  let released = false;
  await page.route(/atlas_bg\.[0-9a-f]+\.wasm$/, (route) => (released ? route.continue() : held.push(route)));
  await page.goto(`${ctx.site.url}${query}`);
  await page.locator('#prerendered path.city[data-adcode="320500"]').waitFor();
  const release = async () => {
    released = true;
    await Promise.all(held.map((route) => route.continue()));
  };
  return { page, release };
}

/** Taps a city of the prerendered map with the mouse, at a point where the city is on top. */
async function tapPrerendered(page, adcode) {
  const point = await page.evaluate((code) => {
    const city = document.querySelector(`#prerendered path.city[data-adcode="${code}"]`);
    const box = city.getBoundingClientRect();
    for (let fy = 0.5; fy < 1; fy += 0.05) {
      for (const f of [fy, 1 - fy]) {
        for (let fx = 0.5; fx < 1; fx += 0.05) {
          for (const g of [fx, 1 - fx]) {
            const [x, y] = [box.left + g * box.width, box.top + f * box.height];
            if (document.elementFromPoint(x, y) === city) return { x, y };
          }
        }
      }
    }
    return null;
  }, adcode);
  assert.ok(point, `no point of city ${adcode} is on top`);
  await page.mouse.click(point.x, point.y);
}

test('a city tapped before the app starts is marked pressed, then chosen when the app starts', async () => {
  const { page, release } = await openHeld();
  await tapPrerendered(page, '320500');
  // The app has not started: the tap shows it was taken.
  assert.ok(await page.$('#prerendered'), 'the app is still held back');
  const pressed = await page.$$eval('#prerendered .early-choice', (els) => els.map((e) => e.getAttribute('data-adcode')));
  assert.deepEqual(pressed, ['320500'], '苏州 is marked pressed');
  // It wears the selection's casing, drawn in the map's selection layer, at once.
  const casing = await page.$$eval('#prerendered g.selected-outline path', (paths) => paths.map((p) => ({
    d: p.getAttribute('d'), stroke: getComputedStyle(p).stroke, width: getComputedStyle(p).strokeWidth,
  })));
  const d = await page.getAttribute('#prerendered path.city[data-adcode="320500"]', 'd');
  assert.equal(casing.length, 2, 'a halo and a line');
  assert.ok(casing.every((c) => c.d === d && c.stroke !== 'none' && parseFloat(c.width) >= 2), JSON.stringify(casing.map((c) => [c.stroke, c.width])));
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'early-tap-pressed.png') });

  await release();
  await page.waitForFunction(appStarted);
  const panel = page.locator('.city-details');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('data-adcode'), '320500', "苏州's panel is open");
  await page.waitForFunction(() => new URLSearchParams(location.search).get('city') === '320500');
  assert.equal(await page.$('.early-choice'), null, 'the pressed mark is gone');
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-early-place')), null, 'the tap was applied once and cleared');
  await page.screenshot({ path: join(SHOTS, 'early-tap-applied.png') });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('of two taps before the app starts, the last one wins', async () => {
  const { page, release } = await openHeld('?industry=new_energy');
  await tapPrerendered(page, '320500');
  await tapPrerendered(page, '320600');
  const pressed = await page.$$eval('#prerendered .early-choice', (els) => els.map((e) => e.getAttribute('data-adcode')));
  assert.deepEqual(pressed, ['320600'], 'only 南通, the last tapped, is marked');
  const outlined = await page.$$eval('#prerendered g.selected-outline path', (paths) => [...new Set(paths.map((p) => p.getAttribute('d')))]);
  assert.deepEqual(outlined, [await page.getAttribute('#prerendered path.city[data-adcode="320600"]', 'd')], 'the casing moved to 南通');
  await release();
  await page.waitForFunction(appStarted);
  const panel = page.locator('.city-details');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('data-adcode'), '320600', "南通's panel is open");
  await page.waitForFunction(() => new URLSearchParams(location.search).get('city') === '320600');
  // The link's own choice stays: the tap chose a city on top of it.
  assert.equal((await addressParams(page)).get('industry'), 'new_energy');
  assert.deepEqual(page.problems, []);
  await page.close();
});
