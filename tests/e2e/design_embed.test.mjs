// A portal frame gets a frame's design (issue 18, point 4): in fixed 600×450 and 320×400 frames
// sandboxed on another origin, embed=1 shows the whole province filling the frame under one
// compact row (the industry, and "open the full atlas" in a new window, same view); plain fills
// its frame; and the full atlas offers the embed code of the current view, which works when
// pasted into another site's page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, launchBrowser, openAtlas, servePortal, serveSite } from './harness.mjs';

let browser;
let atlasSite;
let hostSite;
before(async () => {
  browser = await launchBrowser();
  atlasSite = await serveSite();
  hostSite = await servePortal({ 'frame.html': FRAME_PAGE });
});
after(async () => {
  await browser?.close();
  atlasSite?.server.close();
  await hostSite?.close();
});

// A portal page with a fixed-size frame and no height script: ?w=&h=&q= give its size and the
// atlas's query.
const FRAME_PAGE = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Portal</title>
<style>body { margin: 20px; } iframe { display: block; border: 0; }</style></head>
<body><iframe id="atlas" title="Atlas" sandbox="allow-scripts"></iframe><script>
  const config = new URLSearchParams(location.search);
  const frame = document.getElementById('atlas');
  frame.style.width = config.get('w') + 'px';
  frame.style.height = config.get('h') + 'px';
  frame.src = config.get('atlas') + config.get('q');
</script></body></html>`;

/** Opens the fixed frame of `width`×`height` showing the atlas with `query`; resolves once drawn and sized. */
async function openFrame(width, height, query) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const config = new URLSearchParams({ w: width, h: height, atlas: atlasSite.url, q: query });
  await page.goto(`${hostSite.url}frame.html?${config}`);
  const frame = await (await page.waitForSelector('#atlas')).contentFrame();
  await frame.waitForURL((url) => url.href.startsWith(atlasSite.url));
  await frame.waitForFunction(appStarted);
  // The drawing is the one for the map's own size.
  await frame.waitForFunction(() => {
    const canvas = document.querySelector('.map-canvas');
    const svg = document.querySelector('svg.map-svg');
    return Math.abs(Number(svg.getAttribute('width')) - canvas.clientWidth) < 1
      && Math.abs(Number(svg.getAttribute('height')) - canvas.clientHeight) < 1;
  });
  return { page, frame };
}

/** The union of the city shapes' boxes, in the frame's viewport. */
const provinceBox = (frame) => frame.evaluate(() => {
  const boxes = [...document.querySelectorAll('path.city')].map((p) => p.getBoundingClientRect());
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.right));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  return { left, top, right, bottom, width: right - left, height: bottom - top };
});

/** Asserts the province lies wholly inside the `width`×`height` frame and fills most of it, or
 * most of `drawing` (the map's canvas under its headline) when given. */
function assertFills(province, width, height, drawing) {
  const inside = province.left >= 0 && province.top >= 0 && province.right <= width && province.bottom <= height;
  assert.ok(inside, `the province ${JSON.stringify(province)} lies inside the ${width}×${height} frame`);
  const [area, name, share] = drawing ? [drawing, 'drawing', 0.85] : [{ width, height }, 'frame', 0.7];
  assert.ok(province.width >= share * area.width || province.height >= share * area.height, `the province fills the ${name}: ${province.width.toFixed(0)}×${province.height.toFixed(0)} of ${area.width.toFixed(0)}×${area.height.toFixed(0)}`);
}

describe('a fixed portal frame with embed=1', () => {
  for (const [width, height] of [[600, 450], [320, 400]]) {
    test(`${width}×${height}: the whole province fills the frame under one row with the industry and "open the full atlas"`, async () => {
      const { page, frame } = await openFrame(width, height, '?embed=1&industry=biotech_medicine');
      // Under the row stands the map's headline (over the map it hid 徐州's north), then the
      // drawing, which the province fills, then the credit line.
      const canvas = await frame.$eval('.map-canvas', (e) => e.getBoundingClientRect().toJSON());
      const title = await frame.$eval('.map-title', (e) => e.getBoundingClientRect().toJSON());
      assert.ok(title.bottom <= canvas.top + 1, `the headline ends at ${title.bottom}, the drawing starts at ${canvas.top}`);
      assert.ok(canvas.height >= 0.65 * height, `the drawing takes ${canvas.height.toFixed(0)} of the frame's ${height} px`);
      const province = await provinceBox(frame);
      assertFills(province, width, height, canvas);
      assert.ok(province.top >= canvas.top - 1 && province.bottom <= canvas.bottom + 1, `the province ${JSON.stringify(province)} lies in the drawing, under the headline and over the credit line`);
      const row = await frame.evaluate(() => {
        const toolbar = document.querySelector('.topbar');
        const shown = [...toolbar.querySelectorAll('select, a, summary, button, input')].filter((e) => e.checkVisibility());
        return {
          box: toolbar.getBoundingClientRect().toJSON(),
          shown: shown.map((e) => ({ tag: e.tagName, text: e.innerText ?? '', ...e.getBoundingClientRect().toJSON() })),
        };
      });
      assert.ok(row.box.height <= 56, `the controls take ${row.box.height} px`);
      for (const control of row.shown) assert.ok(Math.abs(control.top - row.shown[0].top) <= 6 && control.right <= width, `${control.tag} ${control.text} is on the one row`);
      assert.ok(row.shown.some((c) => c.tag === 'SELECT'), 'the industry is on the row');
      assert.equal(await frame.$eval('.topbar select', (s) => s.value), 'industry:biotech_medicine');
      const link = frame.locator('.topbar a', { hasText: '打开完整地图' });
      assert.ok(await link.isVisible(), 'the row links to the full atlas');
      assert.equal(await link.getAttribute('target'), '_blank');
      const href = new URL(await link.evaluate((a) => a.href));
      assert.equal(href.origin + href.pathname, atlasSite.url.replace(/\/$/, '') + '/');
      assert.deepEqual([...href.searchParams], [['industry', 'biotech_medicine']], 'the same view without embed');
      // The link follows the view.
      await frame.click('path.city[data-adcode="321200"]');
      await frame.waitForFunction(() => new URL(document.querySelector('.topbar a').href).searchParams.get('city') === '321200');
      await page.close();
    });
  }
});

describe('a fixed portal frame with plain', () => {
  for (const [width, height] of [[600, 450], [320, 400]]) {
    test(`${width}×${height}: the map fills the frame and the province fills the map`, async () => {
      const { page, frame } = await openFrame(width, height, '?plain=1');
      const map = await frame.$eval('.map', (e) => e.getBoundingClientRect().toJSON());
      assert.ok(Math.abs(map.width - width) <= 1 && Math.abs(map.height - height) <= 1, `the map is ${map.width}×${map.height}`);
      assertFills(await provinceBox(frame), width, height);
      const legend = await frame.$eval('.legend', (e) => e.getBoundingClientRect().toJSON());
      assert.ok(legend.width < width / 3, `the legend is ${legend.width} px of ${width}`);
      await page.close();
    });
  }
});

describe('the embed code of the current view', () => {
  test('copied from the full atlas and pasted into another site\'s page, it shows the same view and sizes its frame', async () => {
    const atlas = await openAtlas(browser, atlasSite.url + '?industry=new_materials&field=nano&city=320500');
    await atlas.click('.topbar summary:has-text("嵌入")');
    const box = atlas.locator('textarea');
    await box.waitFor();
    const code = await box.inputValue();
    await atlas.close();
    assert.match(code, /<iframe[^>]+sandbox="allow-scripts[^"]*"/);
    await hostSite.add('pasted.html', `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Pasted</title></head><body><h1>门户</h1>${code}</body></html>`);
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${hostSite.url}pasted.html`);
    const iframe = await page.waitForSelector('iframe');
    const frame = await iframe.contentFrame();
    await frame.waitForFunction(appStarted);
    const params = await frame.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
    assert.deepEqual(params, { industry: 'new_materials', field: 'nano', city: '320500', embed: '1' });
    assert.equal(await frame.getAttribute('path.city[data-adcode="320500"]', 'data-role'), 'signature');
    assert.ok(await frame.locator('.city-details[data-adcode="320500"]').isVisible(), 'the city\'s panel shows');
    // The pasted script sizes the frame to the atlas's content.
    await page.waitForFunction(() => document.querySelector('iframe').style.height !== '560px');
    const sized = await page.$eval('iframe', (f) => f.getBoundingClientRect().height);
    const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    assert.ok(Math.abs(sized - content) <= 2, `the frame (${sized}) fits the content (${content})`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
