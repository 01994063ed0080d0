// Shared set-up for the browser tests: serve the built site and drive Debian's Chromium.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
 * Serves `pages` (file name → HTML) from a temporary folder on an origin of their own, as a
 * portal on another site would host the atlas's frame. Resolves to `{ url, add, close }`:
 * `add(name, html)` serves one more page; `close()` stops the server and removes the folder.
 */
export async function servePortal(pages) {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-portal-'));
  const add = (name, html) => writeFile(join(dir, name), html);
  for (const [name, html] of Object.entries(pages)) await add(name, html);
  const site = await startServer({ root: dir });
  return {
    url: site.url,
    add,
    async close() {
      site.server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
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

/** The roles from strongest to weakest, as atlas_core::model::facts::Role orders them. */
const ROLE_ORDER = ['signature', 'focus', 'support', 'pilot'];

/** A place's Chinese name as the map labels it (南京市 → 南京). */
function shortName(bundle, adcode) {
  const place = bundle.cities.find((c) => c.adcode === adcode) ?? bundle.places.find((p) => p.adcode === adcode);
  return (place?.name_zh ?? adcode).replace(/市$/, '');
}

/** The strongest role among `facts` and the places holding it, in adcode order. */
function leading(facts) {
  const strongest = new Map();
  for (const f of facts) {
    const r = ROLE_ORDER.indexOf(f.role);
    if (!strongest.has(f.place) || r < strongest.get(f.place)) strongest.set(f.place, r);
  }
  if (strongest.size === 0) return null;
  const top = Math.min(...strongest.values());
  return { role: ROLE_ORDER[top], places: [...strongest.keys()].filter((p) => strongest.get(p) === top).sort() };
}

/**
 * The presenter's slide titles in Chinese, in order, built from `bundle` as atlas_core::slides
 * builds the tour (each title states its finding): the three zones, the signature industries,
 * each industry with the places holding its strongest role, the targets with the growth goal,
 * the ten small maps with the city named by the most industries.
 */
export function slideTitles(bundle) {
  const phrase = { signature: '为标志性地区', focus: '为重点', support: '相互支撑', pilot: '试点示范' };
  const industry = (i) => {
    const lead = leading(bundle.roles.filter((r) => r.industry === i.id));
    return lead ? `${i.name_zh}：${lead.places.map((p) => shortName(bundle, p)).join('、')}${phrase[lead.role]}` : i.name_zh;
  };
  const signature = leading(bundle.roles.filter((r) => r.role === 'signature'));
  const growth = bundle.targets.find((t) => t.kind === 'goal' && t.group === 'growth');
  const qualified = (figure, bound) => ({ at_least: `${figure}以上`, more_than: `超过${figure}` })[bound] ?? figure;
  const perCity = bundle.cities.map((c) => {
    const industries = new Set(
      bundle.roles
        .filter((r) => r.place === c.adcode || bundle.places.some((p) => p.adcode === r.place && p.city === c.adcode))
        .map((r) => `${r.role}/${r.industry}`),
    );
    return { adcode: c.adcode, total: industries.size };
  });
  const most = Math.max(...perCity.map((c) => c.total));
  const leaders = perCity.filter((c) => c.total === most).map((c) => shortName(bundle, c.adcode));
  return [
    `三大区域：${bundle.zones.map((z) => z.name_zh).join('、')}功能互补`,
    `区域标志性高端产业：${signature.places.map((p) => shortName(bundle, p)).join('、')}`,
    ...bundle.industries.map(industry),
    growth ? `发展目标：产值年均增长 ${qualified(`${growth.value}%`, growth.bound)}` : '发展目标',
    `十大产业一览：${leaders.join('、')}承担的产业最多（${most} 个）`,
  ];
}

/** The number (1-based, as in `?slide=`) of the presenter's targets slide, the one with the charts. */
export function targetsSlide() {
  return slideTitles(readBundle()).findIndex((t) => t.startsWith('发展目标')) + 1;
}

/**
 * The address's parameters as the page has them now. Playwright's `page.url()` follows
 * `history.pushState`/`replaceState` only once the browser's event about it has arrived, which
 * may be later than a condition waited for in the page.
 */
export async function addressParams(page) {
  return new URLSearchParams(await page.evaluate(() => location.search));
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
