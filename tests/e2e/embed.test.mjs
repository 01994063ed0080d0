// Browser tests of embedding, from the portal's side: the URL flags, links a portal builds with
// URLSearchParams, the postMessage protocol inside a sandboxed iframe on another origin, the
// frame's height, the host's history, exports in a sandbox, and hosting under a sub-path.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, nextFrame, openAtlas, servePortal, serveSite, appStarted } from './harness.mjs';
import { BAD_MESSAGES } from '../bad-input/messages.mjs';
import { FOREIGN_QUERIES } from '../bad-input/queries.mjs';

let browser;
let atlasSite;
let hostSite;
let portalSite;
before(async () => {
  browser = await launchBrowser();
  atlasSite = await serveSite();
  hostSite = await serveSite();
  portalSite = await servePortal({
    'portal.html': PORTAL_PAGE,
    // The same portal with the atlas far below the fold, out of sight.
    'below.html': PORTAL_PAGE.replace('<iframe', '<div style="height: 4000px"></div><iframe'),
  });
});
after(async () => {
  await browser?.close();
  atlasSite?.server.close();
  hostSite?.server.close();
  await portalSite?.close();
});

const rootClasses = (page) => page.evaluate(() => [...document.documentElement.classList].sort());
const background = (page, selector) => page.$eval(selector, (e) => getComputedStyle(e).backgroundColor);

describe('embed flags', () => {
  test('embed=1 gives compact chrome and a content-height layout', async () => {
    const page = await openAtlas(browser, atlasSite.url + '?embed=1&city=320600&industry=offshore_equipment', { viewport: { width: 320, height: 700 } });
    assert.deepEqual(await rootClasses(page), ['embedded']);
    assert.equal(await page.locator('.present').isVisible(), false);
    assert.equal(await page.getAttribute('path.city[data-adcode="320600"]', 'data-role'), 'signature');
    const layout = await page.evaluate(() => ({ map: document.querySelector('.map').getBoundingClientRect(), panel: document.querySelector('.panel').getBoundingClientRect() }));
    assert.ok(layout.panel.top >= layout.map.bottom - 1, 'the panel stacks under the map');
    assert.ok(Math.abs(layout.map.width / layout.map.height - 1) < 0.02, 'in a narrow frame the map is square, as the province nearly is');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scroll at 320 px');
    await page.close();
  });

  test('plain shows the map, legend and attribution only', async () => {
    const page = await openAtlas(browser, atlasSite.url + '?plain');
    for (const hidden of ['.topbar', '.panel']) assert.equal(await page.locator(hidden).isVisible(), false, hidden);
    for (const shown of ['svg.map-svg', '.legend', '.attribution']) assert.ok(await page.locator(shown).isVisible(), shown);
    await page.close();
  });

  test('theme=dark, theme=auto and transparent change the page as asked', async () => {
    let page = await openAtlas(browser, atlasSite.url + '?theme=dark');
    assert.equal(await background(page, 'html'), 'rgb(15, 23, 34)');
    await page.close();
    const dark = await browser.newContext({ colorScheme: 'dark' });
    page = await dark.newPage();
    await page.goto(atlasSite.url + '?theme=auto');
    await page.waitForFunction(appStarted);
    assert.equal(await background(page, 'html'), 'rgb(15, 23, 34)');
    await dark.close();
    const light = await browser.newContext({ colorScheme: 'light' });
    page = await light.newPage();
    await page.goto(atlasSite.url + '?theme=auto');
    await page.waitForFunction(appStarted);
    assert.notEqual(await background(page, 'html'), 'rgb(15, 23, 34)');
    await light.close();
    page = await openAtlas(browser, atlasSite.url + '?transparent&plain');
    for (const selector of ['html', 'body', '.map']) assert.equal(await background(page, selector), 'rgba(0, 0, 0, 0)', selector);
    await page.close();
  });
});

describe('the embedding protocol in a sandboxed iframe on another origin', () => {
  async function openHost(atlasQuery, viewport = { width: 1000, height: 900 }) {
    const page = await browser.newPage({ viewport });
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(e.message));
    await page.addInitScript(() => {
      window.heightsPosted = [];
      addEventListener('message', (e) => {
        if (e.data?.type === 'atlas:height') window.heightsPosted.push(e.data.height);
      });
    });
    const atlasUrl = atlasSite.url + atlasQuery;
    await page.goto(`${hostSite.url}examples/embed.html?atlas=${encodeURIComponent(atlasUrl)}`);
    const frame = await (await page.waitForSelector('#atlas')).contentFrame();
    await frame.waitForURL((url) => url.href.startsWith(atlasSite.url));
    await frame.waitForFunction(appStarted);
    return { page, frame };
  }

  test('the atlas posts its height and selection, and accepts a selection from its parent', async () => {
    const { page, frame } = await openHost('?embed=1');
    assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin, 'two origins');
    assert.equal(await page.getAttribute('#atlas', 'sandbox'), 'allow-scripts');
    await page.waitForFunction(() => document.getElementById('atlas').style.height !== '');
    await nextFrame(frame);
    const posted = await page.$eval('#atlas', (f) => parseFloat(f.style.height));
    const content = await frame.evaluate(() => document.body.getBoundingClientRect().height);
    assert.ok(Math.abs(posted - content) <= 2, `iframe ${posted}px for content ${content}px`);
    // Every height posted so far was the content's: the frame never grew for the prerendered
    // page and the app's page together, to shrink a moment later.
    const heights = await page.evaluate(() => window.heightsPosted);
    assert.ok(heights.every((h) => Math.abs(h - content) <= 2), `heights posted ${heights} for content ${content}px`);
    await frame.click('path.city[data-adcode="321200"]');
    await page.waitForFunction(() => document.getElementById('selection').dataset.city === '321200');
    await page.selectOption('#city', '320600');
    await frame.locator('.city-details[data-adcode="320600"]').waitFor();
    await page.selectOption('#city', '320583');
    await frame.locator('.city-details[data-adcode="320583"]').waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('malformed messages are ignored', async () => {
    const { page, frame } = await openHost('?embed=1&city=320100');
    await frame.locator('.city-details[data-adcode="320100"]').waitFor();
    await postFromHost(page, frame, BAD_MESSAGES);
    assert.equal(await frame.locator('.city-details[data-adcode="320100"]').count(), 1);
    assert.equal(await frame.evaluate(() => window.__injected), undefined, 'no script ran');
    // The control: the atlas still obeys a valid message sent after them.
    await postFromHost(page, frame, [{ type: 'atlas:select', city: '320600' }]);
    await frame.locator('.city-details[data-adcode="320600"]').waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('with origins listed, messages from other origins are ignored', async () => {
    const { page, frame } = await openHost('?embed=1&origins=https://portal.example.gov.cn');
    await countMessages(frame);
    await page.selectOption('#city', '320600');
    await frame.waitForFunction(() => window.__handled === 1);
    await nextFrame(frame);
    assert.equal(await frame.locator('.city-details').count(), 0);
    await page.close();
  });

  test('the host clears the selection with null (the example picker\'s "—")', async () => {
    const { page, frame } = await openHost('?embed=1&industry=biotech_medicine');
    await page.selectOption('#city', '321200');
    await frame.locator('.city-details[data-adcode="321200"]').waitFor();
    await page.waitForFunction(() => document.getElementById('selection').dataset.city === '321200');
    await page.selectOption('#city', '');
    await frame.locator('.city-details').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.getElementById('selection').dataset.city === '');
    assert.equal(await frame.$eval('#industry-picker', (s) => s.value), 'industry:biotech_medicine', 'an absent part is kept');
    for (const [part, value, shown] of [
      ['zone', 'north', '.zone-details[data-zone="north"]'],
      ['industry', 'nev', '.map.by-role'],
    ]) {
      await postFromHost(page, frame, [{ type: 'atlas:select', [part]: value }]);
      await frame.locator(shown).waitFor();
      await postFromHost(page, frame, [{ type: 'atlas:select', [part]: null }]);
      await frame.locator(shown).waitFor({ state: 'detached' });
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('selections in the frame leave the host\'s history as it was', async () => {
    const { page, frame } = await openHost('?embed=1');
    await page.waitForFunction(() => document.getElementById('selection').dataset.city === '');
    const before = await page.evaluate(() => history.length);
    for (const city of ['320100', '320600', '321200']) {
      await frame.click(`path.city[data-adcode="${city}"]`);
      await page.waitForFunction((c) => document.getElementById('selection').dataset.city === c, city);
    }
    await frame.waitForFunction(() => new URLSearchParams(location.search).get('city') === '321200');
    assert.equal(await page.evaluate(() => history.length), before);
    await page.close();
  });

  test('the example page at 360 px wide sizes the atlas to its content', async () => {
    const { page, frame } = await openHost('?embed=1', { width: 360, height: 740 });
    await page.waitForFunction(() => document.getElementById('atlas').style.height !== '');
    assert.ok(await frame.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scroll inside');
    await page.close();
  });
});

/** Counts, in the atlas, the messages from its parent, after the atlas itself has handled each. */
async function countMessages(frame) {
  await frame.evaluate(() => {
    if (window.__handled !== undefined) return;
    window.__handled = 0;
    addEventListener('message', (e) => {
      if (e.source === parent) window.__handled += 1;
    });
  });
}

/** Posts `messages` from the host page to the atlas; resolves once the atlas has handled them. */
async function postFromHost(page, frame, messages) {
  await countMessages(frame);
  const start = await frame.evaluate(() => window.__handled);
  await page.evaluate((all) => {
    const target = document.getElementById('atlas').contentWindow;
    for (const m of all) target.postMessage(m, '*');
  }, messages);
  await frame.waitForFunction((n) => window.__handled === n, start + messages.length);
  // …and painted what they changed.
  await nextFrame(frame);
}

// A portal page as a portal team writes it: it builds the atlas's address with its own
// URLSearchParams (after an optional hand-written part), frames it with the given sandbox, sizes
// the frame from atlas:height (unless told not to) and records what the atlas posts.
const PORTAL_PAGE = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Portal</title>
<style>body { margin: 0; } iframe { display: block; width: 100%; border: 0; }</style></head>
<body><iframe id="atlas" title="Atlas"></iframe><script>
  const config = new URLSearchParams(location.search);
  const frame = document.getElementById('atlas');
  window.posted = [];
  addEventListener('message', (e) => {
    if (e.source !== frame.contentWindow) return;
    window.posted.push(e.data);
    if (e.data?.type === 'atlas:height' && config.get('follow') !== '0') frame.style.height = e.data.height + 'px';
  });
  frame.setAttribute('sandbox', config.get('sandbox'));
  const params = new URLSearchParams(JSON.parse(config.get('params')));
  frame.src = config.get('atlas') + '?' + config.get('raw') + params;
</script></body></html>`;

/** Opens the portal page (served from its own origin) framing the atlas; resolves once the map is drawn. */
async function openPortal({ params = {}, raw = '', sandbox = 'allow-scripts', follow = true, viewport = { width: 1000, height: 900 }, portalPage = 'portal.html' } = {}) {
  const page = await browser.newPage({ viewport });
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  const portal = `${portalSite.url}${portalPage}`;
  const config = new URLSearchParams({ atlas: atlasSite.url, params: JSON.stringify(params), raw, sandbox, follow: follow ? '1' : '0' });
  await page.goto(`${portal}?${config}`);
  const frame = await (await page.waitForSelector('#atlas')).contentFrame();
  await frame.waitForURL((url) => url.href.startsWith(atlasSite.url));
  await frame.waitForFunction(appStarted);
  return { page, frame };
}

/** The last atlas:height the atlas posted to the portal. */
const postedHeight = (page) => page.evaluate(() => window.posted.filter((m) => m?.type === 'atlas:height').at(-1)?.height);

/** The height of the atlas's content, measured in the frame. */
const contentHeight = (frame) => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));

describe('links a portal builds with URLSearchParams', () => {
  test('encoded origins are read: no warning, lang=en applied, the unlisted host is ignored', async () => {
    const { page, frame } = await openPortal({ params: { embed: '1', lang: 'en', origins: 'https://portal.example' } });
    assert.match(await page.$eval('#atlas', (f) => f.src), /origins=https%3A%2F%2Fportal\.example$/, 'the portal sent it encoded');
    assert.equal(await frame.evaluate(() => self.origin), 'null', 'a sandboxed, opaque-origin frame');
    assert.equal(await frame.getAttribute('html', 'lang'), 'en');
    assert.equal(await frame.locator('.notice-bar').count(), 0);
    await postFromHost(page, frame, [{ type: 'atlas:select', city: '320600' }, { type: 'atlas:select', zone: 'north' }]);
    assert.equal(await frame.locator('.city-details, .zone-details').count(), 0, 'the host is not listed');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  // A browser may draw no frame for a frame out of sight: its page language and title are set
  // when the app starts, not with its next frame.
  test('a frame out of sight below the fold is in the link\'s language from the start', async () => {
    const { page, frame } = await openPortal({ params: { embed: '1', lang: 'en' }, portalPage: 'below.html' });
    assert.equal(await page.evaluate(() => document.getElementById('atlas').getBoundingClientRect().top > innerHeight), true, 'out of sight');
    assert.equal(await frame.getAttribute('html', 'lang'), 'en');
    assert.equal(await frame.title(), 'Jiangsu Industry Atlas');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('the same message from an origin-less embed is obeyed (the control)', async () => {
    const { page, frame } = await openPortal({ params: { embed: '1', lang: 'en' } });
    await postFromHost(page, frame, [{ type: 'atlas:select', city: '南通' }]);
    await frame.locator('.city-details[data-adcode="320600"]').waitFor();
    await page.close();
  });

  for (const bad of ['portal.example', 'https://portal.example/path', '*', '']) {
    test(`a bad origins value (${JSON.stringify(bad)}) refuses every message and says so`, async () => {
      const { page, frame } = await openPortal({ params: { embed: '1', lang: 'en', origins: bad } });
      await frame.locator('.notice-bar').waitFor();
      assert.match(await frame.textContent('.notice-bar'), /origins.*obeys no messages/);
      await postFromHost(page, frame, [{ type: 'atlas:select', city: '320600' }]);
      assert.equal(await frame.locator('.city-details').count(), 0, 'fails closed');
      await frame.waitForFunction(() => new URLSearchParams(location.search).get('origins') === 'none');
      await page.close();
    });
  }

  test('the atlas posts atlas:select only when its selection changes: not for a drill-down, nor a parent choosing what is chosen', async () => {
    const { page, frame } = await openPortal({ params: { embed: '1', lang: 'en' } });
    const answers = () => page.evaluate(() => window.posted.filter((m) => m?.type === 'atlas:select').map((m) => m.city));
    await postFromHost(page, frame, [{ type: 'atlas:select', city: '320500' }]);
    await frame.dblclick('path.city[data-adcode="320500"]');
    await frame.locator('#atlas-drill-map path.county').first().waitFor();
    await postFromHost(page, frame, [{ type: 'atlas:select', city: '320500' }]);
    await postFromHost(page, frame, [{ type: 'atlas:select', city: '320600' }]);
    await page.waitForFunction(() => window.posted.filter((m) => m?.type === 'atlas:select').at(-1)?.city === '320600');
    const posted = await answers();
    const repeats = posted.filter((city, i) => i > 0 && city === posted[i - 1]);
    assert.deepEqual(repeats, [], `posted ${posted.join(' → ')}`);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a burst of 1,001 atlas:select messages is applied as the latest, within a few frames, not one render each', async () => {
    const { page, frame } = await openPortal({ params: { embed: '1', lang: 'en' } });
    const cities = ['320100', '320200', '320300', '320400', '320500'];
    const burst = Array.from({ length: 1000 }, (_, i) => ({ type: 'atlas:select', city: cities[i % cities.length] }));
    burst.push({ type: 'atlas:select', city: '320600' });
    const before = await page.evaluate(() => window.posted.filter((m) => m?.type === 'atlas:select').length);
    const started = Date.now();
    await postFromHost(page, frame, burst);
    await frame.locator('.city-details[data-adcode="320600"]').waitFor();
    const ms = Date.now() - started;
    // The atlas answers each selection it shows with atlas:select: a render per message would be
    // a thousand answers; once per frame, a handful.
    await page.waitForFunction(() => window.posted.filter((m) => m?.type === 'atlas:select').at(-1)?.city === '320600');
    const answers = await page.evaluate(() => window.posted.filter((m) => m?.type === 'atlas:select').length);
    assert.ok(answers - before <= 20, `${answers - before} selections shown for 1,001 messages`);
    assert.ok(ms < 5000, `the latest shown in ${ms} ms (one render per message took 9.6 s)`);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('an origins list over 512 characters is refused as too long, not as unreadable', async () => {
    const origins = Array.from({ length: 30 }, (_, i) => `https://portal-${i}.example.gov.cn`).join(',');
    assert.ok(origins.length > 512);
    const { page, frame } = await openPortal({ params: { embed: '1', lang: 'en', origins } });
    await frame.locator('.notice-bar').waitFor();
    const said = await frame.textContent('.notice-bar');
    assert.match(said, /origins.*more than 512 characters.*obeys no messages/);
    assert.doesNotMatch(said, /xn--|readable/, 'no advice about host names');
    await postFromHost(page, frame, [{ type: 'atlas:select', city: '320600' }]);
    assert.equal(await frame.locator('.city-details').count(), 0, 'fails closed');
    await page.close();
  });

  test('encoded values and Chinese names work: industry=iot%5Fcloud, lang=%65n, city=南通', async () => {
    const { page, frame } = await openPortal({ raw: 'industry=iot%5Fcloud&lang=%65n&', params: { embed: '1', city: '南通' } });
    assert.match(await page.$eval('#atlas', (f) => f.src), /industry=iot%5Fcloud&lang=%65n&embed=1&city=%E5%8D%97%E9%80%9A$/, 'what the portal wrote');
    await frame.locator('.city-details[data-adcode="320600"]').waitFor();
    assert.equal(await frame.getAttribute('html', 'lang'), 'en');
    assert.equal(await frame.$eval('#industry-picker', (s) => s.value), 'industry:iot_cloud');
    assert.equal(await frame.locator('.notice-bar').count(), 0);
    await frame.waitForFunction(() => location.search === '?lang=en&industry=iot_cloud&city=320600&embed=1');
    await page.close();
  });

  for (const { name, query, kept } of FOREIGN_QUERIES) {
    test(`parameters that are not the atlas's give no notice: ${name}`, async () => {
      const { page, frame } = await openPortal({ raw: query.slice(1) + '&', params: { embed: '1' } });
      await frame.waitForFunction(() => !/utm_|from=|spm=/.test(location.search));
      const params = new URL(frame.url()).searchParams;
      for (const [key, value] of Object.entries(kept)) assert.equal(params.get(key), value, key);
      assert.equal(await frame.locator('.notice-bar').count(), 0);
      await page.close();
    });
  }

  test('a near miss of an own key still gets a "did you mean"', async () => {
    const { page, frame } = await openPortal({ params: { embed: '1', lang: 'en', industy: 'iot_cloud', utm_source: 'x' } });
    await frame.locator('.notice-bar').waitFor();
    const text = await frame.textContent('.notice-bar');
    assert.match(text, /“industy”.*Did you mean “industry”/);
    assert.ok(!text.includes('utm_source'), text);
    await page.close();
  });
});

describe('the frame\'s height follows the content both ways', () => {
  test('at 768 px it grows when 南京 is selected and shrinks back after Esc', async () => {
    const { page, frame } = await openPortal({ params: { embed: '1' }, viewport: { width: 768, height: 900 } });
    await page.waitForFunction(() => window.posted.some((m) => m?.type === 'atlas:height'));
    const start = await contentHeight(frame);
    assert.ok(Math.abs((await postedHeight(page)) - start) <= 2, 'the first height is the content\'s');
    await frame.click('path.city[data-adcode="320100"]');
    await frame.locator('.city-details[data-adcode="320100"]').waitFor();
    // The first screen's story fills the panel under the map before: 南京's roles are taller still.
    await page.waitForFunction((h) => window.posted.filter((m) => m?.type === 'atlas:height').at(-1).height > h + 100, start);
    const grown = await postedHeight(page);
    assert.ok(Math.abs(grown - (await contentHeight(frame))) <= 2, `grown to the content: ${grown}`);
    await frame.press('body', 'Escape');
    await frame.locator('.city-details').waitFor({ state: 'detached' });
    await page.waitForFunction((h) => window.posted.filter((m) => m?.type === 'atlas:height').at(-1).height < h - 100, grown);
    const shrunk = await postedHeight(page);
    assert.ok(Math.abs(shrunk - start) <= 2, `back to ${start}: ${shrunk}`);
    assert.ok(Math.abs((await page.$eval('#atlas', (f) => f.getBoundingClientRect().height)) - shrunk) <= 1, 'the portal follows');
    await page.close();
  });

  for (const width of [320, 768, 1024]) {
    test(`plain at ${width} px fills whatever frame it is given and posts its 6:5 height`, async () => {
      const { page, frame } = await openPortal({ params: { plain: '1' }, follow: false, viewport: { width, height: 900 } });
      const measure = () => frame.evaluate(() => {
        const box = (s) => document.querySelector(s).getBoundingClientRect();
        const [map, legend, credit] = [box('.map'), box('.legend'), box('.attribution')];
        return { map, legend, credit, frameHeight: innerHeight, body: Math.ceil(document.body.getBoundingClientRect().height) };
      });
      const atDefault = await measure();
      assert.equal(atDefault.frameHeight, 150, 'the iframe keeps its default height');
      assert.ok(Math.abs(atDefault.map.width - width) <= 1, `map ${atDefault.map.width} wide`);
      assert.ok(Math.abs(atDefault.map.height - 150) <= 1, `the map fills the 150 px frame: ${atDefault.map.height}`);
      await page.waitForFunction(() => window.posted.some((m) => m?.type === 'atlas:height'));
      const posted = await postedHeight(page);
      assert.ok(Math.abs(posted - (width * 5) / 6) <= 2, `the posted height (${posted}) is the 6:5 map's, not the frame's`);
      // A host following the posted height gets the 6:5 map, and the posted height stays.
      await page.$eval('#atlas', (f, h) => { f.style.height = `${h}px`; }, posted);
      await frame.waitForFunction((h) => innerHeight === h, posted);
      const followed = await measure();
      assert.ok(Math.abs(followed.map.width / followed.map.height - 6 / 5) < 0.01, `map ${followed.map.width}×${followed.map.height}`);
      for (const part of [followed.legend, followed.credit]) {
        assert.ok(part.top >= followed.map.top - 1 && part.bottom <= followed.map.bottom + 1, 'legend and credit inside the map');
      }
      const legendShare = (followed.legend.width * followed.legend.height) / (followed.map.width * followed.map.height);
      assert.ok(legendShare < 0.2, `the legend covers ${(legendShare * 100).toFixed(0)} % of the map`);
      assert.equal(await postedHeight(page), posted, 'no feedback: the height posted does not follow the frame');
      await page.close();
    });
  }
});

describe('the plan view in a sandboxed frame', () => {
  test('"show in plan" opens the reading view in the frame, Esc returns, and the host\'s history is left alone', async () => {
    const { page, frame } = await openPortal({ params: { embed: '1', city: '321200' } });
    const entries = await page.evaluate(() => history.length);
    await frame.locator('.role-item .show-in-plan').first().click();
    await frame.locator('.plan-text mark.plan-mark').first().waitFor();
    await frame.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'plan');
    await frame.locator('.plan-map path.city').first().waitFor();
    await frame.press('.plan-search-input', 'Escape');
    await frame.locator('.role-item .show-in-plan').first().waitFor();
    await frame.waitForFunction(() => !new URLSearchParams(location.search).has('view'));
    assert.equal(await page.evaluate(() => history.length), entries, 'no entry in the host\'s history');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('exports in a sandboxed frame', () => {
  test('sandbox="allow-scripts": no dead buttons, a note says what the host must add', async () => {
    const { page, frame } = await openPortal({ params: { embed: '1', lang: 'en' } });
    await frame.click('.export-menu summary');
    await frame.locator('.export-note').waitFor();
    assert.match(await frame.textContent('.export-note'), /allow-downloads.*downloads=1/);
    assert.equal(await frame.locator('.export-menu button, .export-menu a').count(), 0);
    await page.close();
  });

  test('sandbox="allow-scripts": the briefs say printing needs the host\'s allow-modals', async () => {
    const { page, frame } = await openPortal({ params: { embed: '1', lang: 'en' } });
    // The frame's compact row has no view switch: a portal links the briefs view directly.
    await frame.goto(frame.url() + '&view=briefs');
    await frame.locator('.briefs-frame-note').waitFor();
    assert.match(await frame.textContent('.briefs-frame-note'), /allow-modals/);
    await page.close();
  });

  test('sandbox="allow-scripts allow-downloads" with downloads=1: the SVG export downloads', async () => {
    const { page, frame } = await openPortal({ params: { embed: '1', downloads: '1', industry: 'biotech_medicine' }, sandbox: 'allow-scripts allow-downloads' });
    await frame.click('.export-menu summary');
    assert.equal(await frame.locator('.export-note').count(), 0);
    const [download] = await Promise.all([page.waitForEvent('download'), frame.click('.export-svg')]);
    assert.equal(download.suggestedFilename(), 'jiangsu-atlas-biotech_medicine.svg');
    const { readFile } = await import('node:fs/promises');
    const svg = (await readFile(await download.path())).toString('utf8');
    assert.equal((svg.match(/<path[^>]*class="city/g) ?? []).length, 13);
    assert.equal(await frame.locator('details.export-menu[open]').count(), 0, 'the menu closed');
    await page.close();
  });
});

describe('hosting under a sub-path', () => {
  test('the atlas works from /atlas/ on any static host', async () => {
    const sub = await serveSite({ prefix: '/atlas/' });
    try {
      const page = await openAtlas(browser, sub.url + '?city=321200');
      await page.locator('.city-details[data-adcode="321200"]').waitFor();
      await page.locator('.role-item .show-in-plan').first().click();
      await page.locator('mark.plan-mark').first().waitFor();
      await page.keyboard.press('Escape');
      await page.click('path.city[data-adcode="320100"]');
      await page.waitForFunction(() => location.pathname === '/atlas/' && location.search.includes('city=320100'));
      // The menu's list is the exports' wasm chunk, built when the menu first opens: its
      // address resolves under the sub-path too.
      await page.click('.export-menu summary');
      await page.locator('.export-menu a.download').first().waitFor();
      const csv = await page.evaluate(async () => (await fetch(document.querySelector('a.download').href)).status);
      assert.equal(csv, 200);
      assert.deepEqual(page.problems, []);
      await page.close();
    } finally {
      sub.server.close();
    }
  });
});
