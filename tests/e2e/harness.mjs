// Shared set-up for the browser tests: serve the built site and drive Debian's Chromium.
import { after, before } from 'node:test';
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
 * Opens the atlas in a new page and waits until the 13 cities are drawn. Console errors and
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
  if (waitForMap) await page.waitForFunction(() => document.querySelectorAll('path.city').length === 13);
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
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const href = html.match(/<link id="atlas-bundle"[^>]*\shref="([^"]+)"/)?.[1];
  if (!href) throw new Error(`${DIST}/index.html names no bundle (<link id="atlas-bundle">): rebuild the site`);
  return join(DIST, href);
}
