// The views the first screen does not show live in wasm chunks of their own (src/split_views.rs,
// scripts/build-site.sh), and their rules in a stylesheet of their own (assets/css/views/,
// src/state/views_style.rs): each has a content-hashed name; a chunk or that stylesheet that
// cannot be loaded (missing, truncated, a page in its place) shows an error panel in the
// interface language naming the file, never a panic nor a half-styled view, and a retry once the
// file is back opens the view; a deep link to a split view loads its chunk at once; after the
// first map every chunk and the stylesheet are fetched on idle.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, appStarted, nextFrame, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();
const SHOTS = process.env.SHOTS ?? join(tmpdir(), 'atlas-shots');

/** Each split view: its split's name, the link that opens it, and an element only it draws. */
const VIEWS = [
  { split: 'table', query: 'view=table', shown: '.table-view table.layout-table' },
  { split: 'targets', query: 'view=targets', shown: '.targets-view .chart-grid' },
  { split: 'overview', query: 'view=overview', shown: '.overview-view .overview-figure' },
  { split: 'plan', query: 'view=plan', shown: '.plan-view .plan-reader' },
  { split: 'briefs', query: 'view=briefs', shown: '.briefs-view' },
  { split: 'presenter', query: 'slide=1', shown: '.slide-title' },
  { split: 'drill', query: 'city=320500&drill=1', shown: '.drill-canvas:not([hidden]) #atlas-drill-map path.county' },
];

/** The chunk files the page names (`<meta name="atlas-chunks">`). */
function listedChunks() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const content = html.match(/<meta name="atlas-chunks" content="([^"]*)"/)?.[1];
  assert.ok(content, 'the built page lists its chunks');
  return content.split(/\s+/).filter(Boolean);
}

/** The views' stylesheet, as the page names it (`<meta name="atlas-views-style">`). */
function viewsStyle() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const file = html.match(/<meta name="atlas-views-style" content="([^"]*)"/)?.[1];
  assert.match(file ?? '', /^assets\/views\.[0-9a-f]{16}\.css$/, 'the built page names the views\' stylesheet by its hashed name');
  return file;
}

/** The built file of split `name`, as the page names it. */
function chunkOf(name) {
  const file = listedChunks().find((f) => f.startsWith(`split_${name}.`));
  assert.ok(file, `the page names the chunk of ${name}`);
  return file;
}

/**
 * Waits for a chunk's error panel at `selector` and checks it names `file` in the interface
 * language `lang` with no page error; for a missing file, keeps a screenshot of it
 * (chunk-failed-SHOT-LANG.png).
 */
async function assertFailurePanel(page, selector, { file, lang, how, shot, what = 'code' }) {
  const panel = await page.waitForSelector(selector);
  const text = await panel.textContent();
  assert.ok(text.includes(file), `the panel names ${file}: ${text}`);
  const heading = {
    code: lang === 'zh' ? /这一视图的程序文件无法载入/ : /This view's code could not be loaded/,
    style: lang === 'zh' ? /这一视图的样式文件无法载入/ : /This view's stylesheet could not be loaded/,
  }[what];
  assert.match(text, heading);
  if (how === 'missing (404)') {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${what === 'code' ? 'chunk' : 'style'}-failed-${shot}-${lang}.png`) });
  }
  assert.deepEqual(page.problems, [], 'no page error (no panic)');
}

/** A new page whose uncaught exceptions are collected in `page.problems`. */
async function watchedPage() {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  return page;
}

/**
 * A tab left open across a deployment: the server now has the next build, whose page names
 * another `file` (a chunk or the views' stylesheet), and this build's `file` is gone. Opening the
 * table (or what `open` does) offers the reload, not the panel of a missing file (`notShown`),
 * whose retry cannot help.
 */
async function assertReloadOfferedWhenGone(file, open = (page) => page.click('.view-table'), notShown = '.chunk-error') {
  const page = await watchedPage();
  await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
  await page.goto(`${env.site.url}?lang=en`);
  await page.waitForFunction(appStarted);
  const next = readFileSync(join(DIST, 'index.html'), 'utf8').replaceAll(file, file.replace(/\.[0-9a-f]{16}\./, '.00112233445566aa.'));
  await page.route(`**/${file}`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
  await page.route(env.site.url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: next }));
  await open(page);
  const panel = await page.waitForSelector('.status.updated[role="alert"]');
  assert.match(await panel.textContent(), /The atlas was updated/);
  assert.ok(await page.isVisible('.status.updated button.reload'));
  assert.equal(await page.$(notShown), null, 'no retry that cannot help');
  assert.deepEqual(page.problems, []);
  await page.close();
}

/** The ways a chunk can fail to arrive, each as a route handler given the file's bytes. */
const MISSING = ['missing (404)', () => (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' })];
const SERVED_AS_HTML = ['served as HTML', () => (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body>index</body></html>' })];
const FAILURES = [
  MISSING,
  ['truncated', (bytes) => (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: bytes.subarray(0, bytes.length >> 1) })],
  SERVED_AS_HTML,
];

describe('the build', () => {
  test('every chunk, the loader and the app module have content-hashed names; nothing unhashed is left', () => {
    const files = readdirSync(DIST);
    const listed = listedChunks();
    assert.ok(listed.length >= VIEWS.length, `at least one chunk per split view: ${listed}`);
    for (const file of listed) {
      assert.match(file, /^(split_[a-z_]+|chunk_shared)\.[0-9a-f]{16}\.wasm$/);
      assert.ok(files.includes(file), `${file} is in the site`);
    }
    assert.deepEqual(files.filter((f) => /\.wasm$/.test(f) && !/\.[0-9a-f]{16}\.wasm$/.test(f)), []);
    const loader = files.filter((f) => /^__wasm_split\.[0-9a-f]{16}\.js$/.test(f));
    assert.equal(loader.length, 1, `one loader: ${files}`);
    const module = files.find((f) => /^atlas\.[0-9a-f]{16}\.js$/.test(f));
    assert.equal(module.split('.')[1], loader[0].split('.')[1], 'the module and the loader share one hash');
    const loaderText = readFileSync(join(DIST, loader[0]), 'utf8');
    for (const file of listed) assert.ok(loaderText.includes(`"./${file}"`), `the loader names ${file}`);
    // The site build minifies both (which leaves no space after `from`).
    const imports = (text, file) => new RegExp(`from ?"\\./${file.replaceAll('.', '\\.')}"`).test(text);
    assert.ok(imports(loaderText, module), 'the loader imports the hashed module');
    assert.ok(imports(readFileSync(join(DIST, module), 'utf8'), loader[0]), 'the module imports the hashed loader');
  });
});

for (const view of VIEWS) {
  describe(`the ${view.split} view's chunk`, () => {
    for (const [how, handler] of FAILURES) {
      for (const lang of ['zh', 'en']) {
        test(`${how}, ${lang}: a panel naming the file; once it is back, the retry opens the view`, async () => {
          const file = chunkOf(view.split);
          const bytes = readFileSync(join(DIST, file));
          const page = await watchedPage();
          let requests = 0;
          await page.route(`**/${file}`, (route) => { requests += 1; return handler(bytes)(route); });
          await page.goto(`${env.site.url}?lang=${lang}&${view.query}`);
          await assertFailurePanel(page, '.chunk-error[role="alert"]', { file, lang, how, shot: view.split });
          assert.ok(requests >= 1);
          await page.unroute(`**/${file}`);
          await page.click('.chunk-error button.retry');
          await page.waitForSelector(view.shown);
          assert.equal(await page.$('.chunk-error'), null, 'the panel is gone');
          assert.deepEqual(page.problems, []);
          await page.close();
        });
      }
    }

    test('a deep link opens the view with the idle prefetch held back', async () => {
      const page = await env.browser.newPage();
      const ask = [];
      await page.addInitScript(() => {
        // The prefetch waits on idle; an idle that never comes holds it back.
        window.requestIdleCallback = () => 0;
      });
      page.on('request', (r) => { if (r.url().endsWith('.wasm')) ask.push(r.url().split('/').pop()); });
      await page.goto(`${env.site.url}?${view.query}`);
      await page.waitForSelector(view.shown);
      assert.ok(ask.includes(chunkOf(view.split)), `the view's chunk was fetched: ${ask}`);
      await page.close();
    });
  });
}

/** The ways the views' stylesheet can fail to arrive, each as a route handler given its text. */
const STYLE_FAILURES = [
  MISSING,
  ['truncated', (text) => (route) => route.fulfill({ status: 200, contentType: 'text/css', body: text.slice(0, text.length >> 1) })],
  SERVED_AS_HTML,
];

// The views' stylesheet: a view it styles shows only with all of it, and the drilled map, which
// the first stylesheet styles, never waits for it.
describe("the views' stylesheet", () => {
  for (const [i, [how, handler]] of STYLE_FAILURES.entries()) {
    for (const lang of ['zh', 'en']) {
      // Each failure on another view, so that every view that waits for it is seen doing so.
      const view = VIEWS.filter((v) => v.split !== 'drill')[(i * 2 + (lang === 'en' ? 1 : 0)) % 6];
      test(`${how}, ${lang}, ${view.split}: a panel naming the file, no half-styled view; the retry opens the view styled`, async () => {
        const file = viewsStyle();
        const text = readFileSync(join(DIST, file), 'utf8');
        const page = await watchedPage();
        // Only the view asks for the stylesheet (the idle prefetch would ask again, on its own).
        await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
        let requests = 0;
        await page.route(`**/${file}`, (route) => { requests += 1; return handler(text)(route); });
        await page.goto(`${env.site.url}?lang=${lang}&${view.query}`);
        await assertFailurePanel(page, '.chunk-error[role="alert"]', { file, lang, how, shot: view.split, what: 'style' });
        assert.ok(requests >= 1);
        assert.equal(await page.$(view.shown), null, 'the view is not shown without its rules');
        assert.equal(await page.$$eval(`link[href="${file}"]`, (links) => links.length), 0, 'the failed stylesheet is out of the page');
        await page.unroute(`**/${file}`);
        await page.click('.chunk-error button.retry');
        await page.waitForSelector(view.shown);
        assert.equal(await page.$('.chunk-error'), null, 'the panel is gone');
        assert.equal(await page.$$eval(`link[href="${file}"]`, (links) => links.length), 1, 'one stylesheet in the page');
        const styled = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--atlas-views-style-complete').trim());
        assert.equal(styled, '1', 'the whole stylesheet applies');
        assert.deepEqual(page.problems, []);
        await page.close();
      });
    }
  }

  test('cut short on idle, with no view waiting: taken out of the page all the same, and fetched anew when a view opens', async () => {
    const file = viewsStyle();
    const text = readFileSync(join(DIST, file), 'utf8');
    const page = await watchedPage();
    let requests = 0;
    await page.route(`**/${file}`, (route) => {
      requests += 1;
      return route.fulfill({ status: 200, contentType: 'text/css', body: text.slice(0, text.length >> 1) });
    });
    await page.goto(env.site.url);
    await page.waitForFunction(appStarted);
    // The idle prefetch asked for it, and what came (half of it) is out of the page again.
    // (Its link is in the page from before it is asked for until it is taken out.)
    await page.waitForFunction(() => !document.querySelector('link[href*="assets/views."]')
      && performance.getEntriesByType('resource').some((e) => /\/assets\/views\./.test(e.name)));
    assert.equal(requests, 1);
    assert.equal(await page.$$eval(`link[href="${file}"]`, (links) => links.length), 0, 'no half stylesheet left in the page');
    await page.unroute(`**/${file}`);
    await page.click('.view-table');
    await page.waitForSelector('.table-view table.layout-table');
    assert.equal(await page.$$eval(`link[href="${file}"]`, (links) => links.length), 1);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('missing: the drilled map, styled by the first stylesheet, opens all the same', async () => {
    const page = await watchedPage();
    await page.route(`**/${viewsStyle()}`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    const drill = VIEWS.find((v) => v.split === 'drill');
    await page.goto(`${env.site.url}?${drill.query}`);
    await page.waitForSelector(drill.shown);
    assert.equal(await page.$('.chunk-error'), null);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a tab left open across a deployment: the stylesheet of its build gone offers the reload, not a retry', async () => {
    await assertReloadOfferedWhenGone(viewsStyle());
  });
});

for (const view of VIEWS.filter((v) => ['presenter', 'drill', 'table'].includes(v.split))) {
  test(`the ${view.split} view's code missing: "back to the map" leaves for the province map with the same choices`, async () => {
    const file = chunkOf(view.split);
    const page = await watchedPage();
    await page.route(`**/${file}`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await page.goto(`${env.site.url}?lang=en&industry=biotech_medicine&${view.query}`);
    await page.waitForSelector('.chunk-error[role="alert"]');
    await page.click('.chunk-error button.back-to-map');
    await page.waitForFunction(() => document.querySelectorAll('.map svg.map-svg path.city').length === 13
      && !document.querySelector('.chunk-error, .presenter'));
    const params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
    assert.equal(params.industry, 'biotech_medicine', 'the industry is kept');
    assert.equal(params.slide, undefined);
    assert.equal(params.view, undefined);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test("the drilled map's code missing: the province map stays in view and working under the panel", async () => {
  const file = chunkOf('drill');
  const page = await watchedPage();
  await page.route(`**/${file}`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
  const counties = page.waitForResponse((r) => /\/counties\.[0-9a-f]{16}\.json$/.test(r.url()));
  await page.goto(`${env.site.url}?lang=en&city=320500&drill=1`);
  await page.waitForSelector('.map > .chunk-error[role="alert"]');
  // The county layer is in too, and a frame has been drawn with it.
  await counties;
  await nextFrame(page);
  const province = await page.evaluate(() => {
    const map = document.querySelector('.map');
    const canvas = map.querySelector('.map-canvas');
    return {
      drilled: map.classList.contains('drilled'),
      opacity: getComputedStyle(canvas).opacity,
      inert: canvas.inert,
      headline: map.querySelector('.map-headline').textContent,
      cities: canvas.querySelectorAll('svg.map-svg path.city').length,
    };
  });
  assert.deepEqual(
    { drilled: province.drilled, opacity: province.opacity, inert: province.inert, cities: province.cities },
    { drilled: false, opacity: '1', inert: false, cities: 13 },
    'the province map is shown, not hidden behind the drilled map that could not come',
  );
  assert.doesNotMatch(province.headline, /^Suzhou ·/, `the headline speaks of the province: ${province.headline}`);
  // The province map answers under the panel: another city is chosen from the keyboard.
  await page.focus('#atlas-map [data-adcode="320200"][tabindex]');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('city') === '320200');
  assert.deepEqual(page.problems, []);
  await page.close();
});

// The county layer's reader is a chunk of its own (split_county_layer, src/state/counties.rs),
// fetched beside the county file: one that cannot be loaded gives the county layer's panel, naming
// the reader's file and saying it is the site's code; drilled in anew once it is back, the map
// comes; the province map works throughout.
describe("the county layer's reader", () => {
  const DRILL = VIEWS.find((v) => v.split === 'drill');
  for (const [i, [how, handler]] of FAILURES.entries()) {
    const lang = i % 2 === 0 ? 'zh' : 'en';
    test(`${how}, ${lang}: the county layer's panel names the reader's file; drilled in anew once it is back, the map comes`, async () => {
      const file = chunkOf('county_layer');
      const bytes = readFileSync(join(DIST, file));
      const page = await watchedPage();
      let requests = 0;
      await page.route(`**/${file}`, (route) => { requests += 1; return handler(bytes)(route); });
      await page.goto(`${env.site.url}?lang=${lang}&${DRILL.query}`);
      const panel = await page.waitForSelector('.counties-error[role="alert"]');
      const text = await panel.textContent();
      assert.ok(text.includes(file), `the panel names ${file}: ${text}`);
      assert.match(text, lang === 'zh' ? /区县图层无法使用/ : /The county layer cannot be used/);
      assert.match(await page.textContent('.counties-error .detail'), /the atlas's code that reads the county layer, could not be loaded/);
      assert.match(await page.textContent('.counties-error .hint'), lang === 'zh' ? /index\.html 来自同一次构建/ : /same build as index\.html/, 'the hint is about the site\'s files, not the county file');
      assert.ok(requests >= 1);
      assert.deepEqual(page.problems, [], 'no page error (no panic)');
      if (how === 'missing (404)') {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `county-reader-failed-${lang}.png`) });
      }
      await page.unroute(`**/${file}`);
      await page.click('.counties-error button.back');
      await page.waitForFunction(() => !document.querySelector('.counties-error'));
      await page.dispatchEvent('#atlas-map path.city[data-adcode="320500"]', 'dblclick');
      await page.waitForSelector(DRILL.shown);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  test('a drill-down link with the idle prefetch held back fetches the reader beside the county file, not after it', async () => {
    const page = await env.browser.newPage();
    await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
    const reader = chunkOf('county_layer');
    let readerAsked;
    const asked = new Promise((resolve) => (readerAsked = resolve));
    page.on('request', (r) => { if (r.url().endsWith(`/${reader}`)) readerAsked(true); });
    // The county file is held until the reader is asked for: a reader fetched only after the
    // file had arrived would never be asked for, and the file is let go after 10 s to say so.
    let beside = null;
    await page.route('**/assets/counties.*json', async (route) => {
      beside = await Promise.race([asked, new Promise((resolve) => setTimeout(() => resolve(false), 10000))]);
      await route.continue();
    });
    await page.goto(`${env.site.url}?${DRILL.query}`);
    await page.waitForSelector(DRILL.shown);
    assert.equal(beside, true, 'the reader was asked for while the county file was on its way');
    await page.close();
  });

  test('a tab left open across a deployment: the reader of its build gone offers the reload', async () => {
    await assertReloadOfferedWhenGone(
      chunkOf('county_layer'),
      (page) => page.dispatchEvent('#atlas-map path.city[data-adcode="320500"]', 'dblclick'),
      '.counties-error',
    );
  });
});

test("after the first map every chunk and the views' stylesheet are fetched on idle, none before", async () => {
  const page = await env.browser.newPage();
  const fetched = [];
  const styles = [];
  page.on('request', (r) => { if (/\/(split_|chunk_)[^/]*\.wasm$/.test(r.url())) fetched.push(r.url().split('/').pop()); });
  page.on('request', (r) => { if (r.url().endsWith('.css')) styles.push(r.url().slice(env.site.url.length)); });
  await page.addInitScript(() => {
    // Idle callbacks wait until the test releases them.
    window.__idle = [];
    window.requestIdleCallback = (f) => window.__idle.push(f);
  });
  await page.goto(env.site.url);
  await page.waitForFunction(appStarted);
  await page.waitForFunction(() => window.__idle.length > 0);
  assert.deepEqual(fetched, [], 'no chunk before the browser is idle');
  assert.deepEqual(styles.filter((f) => !/^assets\/style\.[0-9a-f]{16}\.css$/.test(f)), [], 'only the first stylesheet before the browser is idle');
  await page.evaluate(() => window.__idle.splice(0).forEach((f) => f()));
  const listed = listedChunks();
  await page.waitForFunction((n) => performance.getEntriesByType('resource')
    .filter((e) => /\/(split_|chunk_)[^/]*\.wasm$/.test(e.name)).length >= n, listed.length);
  assert.deepEqual([...new Set(fetched)].sort(), [...listed].sort());
  await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--atlas-views-style-complete').trim() === '1');
  assert.deepEqual(styles.filter((f) => f !== viewsStyle() && !/^assets\/style\./.test(f)), [], `the views' stylesheet on idle: ${styles}`);
  assert.ok(styles.includes(viewsStyle()), `the views' stylesheet was fetched on idle: ${styles}`);
  await page.close();
});

test("a view's first use before the idle prefetch fetches two wasm files, its own and the code views share, each once; the next view fetches only its own", async () => {
  const page = await env.browser.newPage();
  const fetched = [];
  page.on('request', (r) => { if (/\/(split_|chunk_)[^/]*\.wasm$/.test(r.url())) fetched.push(r.url().split('/').pop()); });
  await page.addInitScript(() => (window.requestIdleCallback = () => 0));
  await page.goto(env.site.url);
  await page.waitForFunction(appStarted);
  await page.click('.view-switch .view-overview');
  await page.locator('.overview-view .overview-figure').first().waitFor();
  const shared = listedChunks().filter((f) => f.startsWith('chunk_'));
  assert.deepEqual(shared.length, 1, `one file of shared code: ${listedChunks()}`);
  assert.deepEqual([...fetched].sort(), [chunkOf('overview'), shared[0]].sort());
  fetched.length = 0;
  await page.click('.view-switch .view-targets');
  await page.locator('.targets-view .chart-figure').first().waitFor();
  assert.deepEqual(fetched, [chunkOf('targets')]);
  await page.close();
});

for (const [how, handler] of FAILURES) {
  for (const lang of ['zh', 'en']) {
    test(`the shared code ${how}, ${lang}: the view's panel names the shared file, not the view's own; no panic; once the file is back, the retry opens the view`, async () => {
      const [shared] = listedChunks().filter((f) => f.startsWith('chunk_'));
      const page = await watchedPage();
      await page.addInitScript(() => (window.requestIdleCallback = () => 0));
      await page.route(`**/${shared}`, handler(readFileSync(join(DIST, shared))));
      await page.goto(`${env.site.url}?view=overview&lang=${lang}`);
      await assertFailurePanel(page, '.chunk-error[role="alert"]', { file: shared, lang, how, shot: 'shared' });
      assert.ok(!(await page.textContent('.chunk-error')).includes(chunkOf('overview')), "the view's own file, which is whole, is not named");
      await page.unroute(`**/${shared}`);
      await page.click('.chunk-error button.retry');
      await page.locator('.overview-view .overview-figure').first().waitFor();
      assert.equal(await page.$('.chunk-error'), null, 'the panel is gone');
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
}

// The export menu's list and the exports' code are a chunk too, built when the menu first
// opens: a chunk that cannot be loaded shows its panel inside the open menu (the menu's button
// is in the first wasm), and once it is back, the retry offers the exports and they download.
describe("the export menu's chunk", () => {
  for (const [how, handler] of FAILURES) {
    for (const lang of ['zh', 'en']) {
      test(`${how}, ${lang}: the open menu shows a panel naming the file; once it is back, the retry offers the exports and the SVG downloads`, async () => {
        const file = chunkOf('exports');
        const bytes = readFileSync(join(DIST, file));
        const page = await watchedPage();
        let requests = 0;
        await page.route(`**/${file}`, (route) => { requests += 1; return handler(bytes)(route); });
        await page.goto(`${env.site.url}?lang=${lang}`);
        await page.waitForFunction(appStarted);
        await page.click('.export-menu summary');
        await assertFailurePanel(page, 'details.export-menu[open] .chunk-error[role="alert"]', { file, lang, how, shot: 'exports' });
        assert.ok(requests >= 1);
        await page.unroute(`**/${file}`);
        await page.click('.export-menu .chunk-error button.retry');
        await page.waitForSelector('.export-menu .export-svg');
        assert.equal(await page.$('.chunk-error'), null, 'the panel is gone');
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export-menu .export-svg')]);
        const svg = readFileSync(await download.path(), 'utf8');
        assert.match(svg, /^(<\?xml[^>]*>\s*)?<svg/, 'an SVG file');
        assert.ok(svg.length > 1000 && svg.includes('<path'), `the map drawn: ${svg.length} characters`);
        await page.waitForFunction(() => !document.querySelector('details.export-menu').open);
        assert.deepEqual(page.problems, []);
        await page.close();
      });
    }
  }

  test('the code missing: the panel\'s "close" closes the menu and leaves the table as it was', async () => {
    const file = chunkOf('exports');
    const page = await watchedPage();
    await page.route(`**/${file}`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await page.goto(`${env.site.url}?lang=en&industry=biotech_medicine&view=table`);
    await page.waitForSelector('.table-view table.layout-table');
    await page.click('.export-menu summary');
    await page.waitForSelector('.export-menu .chunk-error');
    assert.equal(await page.$('.export-menu .chunk-error button.back-to-map'), null, 'no way back to the map in the menu');
    assert.equal(await page.textContent('.export-menu .chunk-error button.close-panel'), 'Close');
    await page.click('.export-menu .chunk-error button.close-panel');
    await page.waitForFunction(() => !document.querySelector('details.export-menu').open);
    assert.ok(await page.$('.table-view table.layout-table'), 'the table is still there');
    assert.equal(await page.evaluate(() => document.activeElement?.matches('.export-menu summary')), true, 'the focus is back on the menu\'s button');
    const params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
    assert.deepEqual([params.industry, params.view], ['biotech_medicine', 'table'], 'the view is kept');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('the menu opened with the idle prefetch held back fetches the chunk and offers the exports', async () => {
    const page = await env.browser.newPage();
    const ask = [];
    await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) ask.push(r.url().split('/').pop()); });
    await page.goto(env.site.url);
    await page.waitForFunction(appStarted);
    assert.ok(!ask.includes(chunkOf('exports')), `not fetched before the menu opens: ${ask}`);
    await page.click('.export-menu summary');
    await page.waitForSelector('.export-menu .export-png >> nth=2');
    assert.ok(ask.includes(chunkOf('exports')), `the chunk was fetched: ${ask}`);
    await page.close();
  });
});

// Roads other than a chunk simply missing: a link straight to a view before the chunks were
// fetched (a slow connection, the idle prefetch not yet run) and a tab left open across a
// deployment, whose build's chunks are gone from the server for good.
describe('while a chunk is on its way, and after a deployment', () => {
  test('a link straight to a view says the view is loading until its chunk arrives, never a blank page', async () => {
    const file = chunkOf('table');
    const page = await watchedPage();
    await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(`**/${file}`, async (route) => { await held; await route.continue(); });
    await page.goto(`${env.site.url}?lang=en&view=table`);
    const status = await page.waitForSelector('.chunk-loading[role="status"]');
    assert.equal(await status.textContent(), 'Loading this view…');
    assert.ok(await status.isVisible(), 'the line is on screen');
    release();
    await page.waitForSelector('.table-view table.layout-table');
    assert.equal(await page.$('.chunk-loading'), null, 'the line goes when the view comes');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  // The data a split view draws travels beside its code, not after it: on a first use without the
  // idle prefetch, the wait is the longer of the two downloads rather than their sum. A drill asks
  // for the county layer before anything else it sets off, its code included.
  for (const { split, data, open, dataFirst } of [
    { split: 'plan', data: /\/plan\.[0-9a-f]{16}\.json$/, open: (page) => page.click('.view-switch .view-plan') },
    { split: 'drill', data: /\/counties\.[0-9a-f]{16}\.json$/, open: (page) => page.dblclick('#atlas-map path.city[data-adcode="320500"]'), dataFirst: true },
  ]) {
    test(`a first use of the ${split} view asks for its data while its code is still on the way`, async () => {
      const file = chunkOf(split);
      const page = await watchedPage();
      await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      let chunkAsked;
      const chunkRequested = new Promise((resolve) => { chunkAsked = resolve; });
      await page.route(`**/${file}`, async (route) => { chunkAsked(); await held; await route.continue(); });
      await page.goto(`${env.site.url}?lang=en`);
      await page.waitForFunction(appStarted);
      const order = [];
      page.on('request', (r) => {
        if (data.test(r.url())) order.push('data');
        else if (r.url().endsWith(`/${file}`)) order.push('code');
      });
      const dataRequested = page.waitForRequest((r) => data.test(r.url()));
      await open(page);
      await chunkRequested;
      await dataRequested;
      if (dataFirst) assert.deepEqual(order, ['data', 'code']);
      release();
      await page.waitForSelector(VIEWS.find((v) => v.split === split).shown);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  test("a first use of a view the views' stylesheet styles asks for its code while the stylesheet is still on the way", async () => {
    const file = chunkOf('overview');
    const style = viewsStyle();
    const page = await watchedPage();
    await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    let styleAsked;
    const styleRequested = new Promise((resolve) => { styleAsked = resolve; });
    await page.route(`**/${style}`, async (route) => { styleAsked(); await held; await route.continue(); });
    await page.goto(`${env.site.url}?lang=en`);
    await page.waitForFunction(appStarted);
    const codeRequested = page.waitForRequest((r) => r.url().endsWith(`/${file}`));
    await page.click('.view-overview');
    await styleRequested;
    await codeRequested;
    assert.equal(await page.$('.overview-view'), null, 'no view before its stylesheet has arrived');
    release();
    await page.waitForSelector(VIEWS.find((v) => v.split === 'overview').shown);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a tab left open across a deployment: a chunk of its build gone offers the reload, not a retry', async () => {
    await assertReloadOfferedWhenGone(chunkOf('table'));
  });

  // Before naming a missing chunk, the app asks the server for its page, to tell a deployment
  // from a broken file. A server that never answers that question must not hold the panel back.
  test('a chunk missing while the server stalls on the page: the panel naming the file still comes, after the stall time', async () => {
    const file = chunkOf('table');
    const page = await watchedPage();
    await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
    await page.goto(`${env.site.url}?lang=en`);
    await page.waitForFunction(appStarted);
    await page.route(`**/${file}`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    let pageAsked = 0;
    // Never answered: the server stalls.
    await page.route(env.site.url, () => { pageAsked += 1; });
    const clicked = Date.now();
    await page.click('.view-table');
    await page.waitForSelector('.chunk-error[role="alert"]', { timeout: 60_000 });
    assert.ok(pageAsked >= 1, 'the deployed page was asked for');
    // The panel waited for the answer about the deployment until the stall time (20 s) ran out.
    assert.ok(Date.now() - clicked >= 19_000, `the panel came after ${Date.now() - clicked} ms`);
    await assertFailurePanel(page, '.chunk-error[role="alert"]', { file, lang: 'en', how: 'stalled page' });
    await page.close();
  });
});
