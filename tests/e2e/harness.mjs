// Shared set-up for the browser tests: serve the built site and drive Debian's Chromium.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.ATLAS_DIST ?? join(ROOT, 'dist');

/** Launches headless Chromium with the flags this machine needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Serves the built site; `options` go to startServer (prefix, headers). */
export function serveSite(options = {}) {
  return startServer({ root: DIST, ...options });
}

/**
 * Whether the app has started on the page: the page's prerendered atlas has been replaced by the
 * app's (which adopted its map), with the 13 cities drawn. Pass it to `waitForFunction`.
 */
export const appStarted = () => !document.getElementById('prerendered')
  && document.querySelectorAll('path.city').length === 13;

/**
 * Opens the atlas in a new page and waits until the app has started (`appStarted`). Console errors and
 * uncaught exceptions are collected in `page.problems`.
 */
export async function openAtlas(browser, url, { viewport = { width: 1280, height: 800 }, waitForMap = true } = {}) {
  const page = await browser.newPage({ viewport });
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  if (waitForMap) await page.waitForFunction(appStarted);
  return page;
}

/**
 * Starts Chromium and serves the site before the tests of a file, and stops both after them.
 * Returns an object whose `browser` and `site` are set once the tests run.
 */
export function useBrowserAndSite(options = {}) {
  const context = { browser: null, site: null };
  before(async () => {
    context.browser = await launchBrowser();
    context.site = await serveSite(options);
  });
  after(async () => {
    await context.browser?.close();
    context.site?.server.close();
  });
  return context;
}

/**
 * The path of the data bundle the built page loads (its content-hashed name, read from the
 * `<link id="atlas-bundle">` that scripts/build-site.sh writes into DIST/index.html).
 */
export function bundleFile() {
  return join(DIST, linkedAsset('atlas-bundle'));
}

/**
 * The address, relative to the site, that the built DIST/index.html gives its `<link id="…">`
 * (the content-hashed names scripts/build-site.sh writes: atlas-bundle, atlas-module, atlas-wasm).
 */
export function linkedAsset(id) {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const href = html.match(new RegExp(`<link id="${id}"[^>]*\\shref="([^"]+)"`))?.[1];
  if (!href) throw new Error(`${DIST}/index.html has no <link id="${id}">: rebuild the site`);
  return href;
}

/** The data bundle the built page loads, parsed. */
export function readBundle() {
  return JSON.parse(readFileSync(bundleFile(), 'utf8'));
}

/**
 * The presenter's slide titles in Chinese, in order, built from `bundle` as atlas_core::slides
 * builds the tour: the three zones, the signature industries, each industry, the targets, the ten small maps.
 */
export function slideTitles(bundle) {
  return [
    '三大区域：功能互补的区域布局',
    '区域标志性高端产业',
    ...bundle.industries.map((industry, i) => `${i + 1}. ${industry.name_zh}`),
    '发展目标',
    '十大产业布局一览',
  ];
}

/** The number (1-based, as in `?slide=`) of the presenter's targets slide, the one with the charts. */
export function targetsSlide() {
  return slideTitles(readBundle()).indexOf('发展目标') + 1;
}

/** Resolves once `target` (a page or a frame) has painted a frame and started the next one. */
export function nextFrame(target) {
  return target.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Whether two boxes (left, top, right, bottom) overlap by more than `slack` px each way. */
export function overlaps(a, b, slack = 0) {
  return a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack;
}

/** The box (left, top, right, bottom, width, height) of the first element matching `selector`. */
export function boxOf(page, selector) {
  return page.$eval(selector, (e) => e.getBoundingClientRect().toJSON());
}

/** Presses Tab until `selector` has focus (at most `limit` times); fails if it never does. */
export async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}
