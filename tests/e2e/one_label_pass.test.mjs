// One label pass per change: an industry or language switch rewrites the map's labels at most once
// before the next paint. The labels keep clear of the legend and the title card by the boxes
// atlas-core gives them from what they say (draw::map_cards); before, the labels avoided the
// cards' measured boxes, and a card resized by the switch made a ResizeObserver place them a
// second time in the same frame. Also: after each switch no label lies under either card as
// drawn (core's box holds the card), and each card holds its words.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nextFrame, openAtlas, readBundle, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();
const INDUSTRIES = readBundle().industries.map((i) => i.id);

/** From now on, counts each rewrite of the labels' group (each replacement of its content). */
const watchLabels = (page) => page.evaluate(() => {
  window.labelPasses = 0;
  const group = document.querySelector('svg.map-svg g.labels');
  new MutationObserver((records) => {
    window.labelPasses += records.filter((r) => r.type === 'childList' && r.target === group).length;
  }).observe(group, { childList: true });
});

/** The map canvas's size, px. */
const canvasSize = (page) => page.$eval('.map-canvas', (c) => `${c.clientWidth}×${c.clientHeight}`);

/** The label rewrites since the last call, once the change has been painted. */
async function passesSince(page) {
  await nextFrame(page);
  return page.evaluate(() => {
    const n = window.labelPasses;
    window.labelPasses = 0;
    return n;
  });
}

/** Whether each card holds its words, and the labels that lie under a card. */
const cardsAndLabels = (page) => page.evaluate(() => {
  const rect = (e) => e.getBoundingClientRect();
  const cards = [...document.querySelectorAll('.map > .legend, .map > .map-title')];
  const spills = cards
    .filter((c) => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1
      || [...c.querySelectorAll('li, p, h2')].some((e) => rect(e).right > rect(c).right + 0.5 || rect(e).bottom > rect(c).bottom + 0.5))
    .map((c) => `${c.className}: ${c.scrollWidth}×${c.scrollHeight} in ${c.clientWidth}×${c.clientHeight}`);
  const under = [];
  for (const t of document.querySelectorAll('g.labels text')) {
    const box = rect(t);
    for (const c of cards) {
      const r = rect(c);
      if (box.left < r.right && r.left < box.right && box.top < r.bottom && r.top < box.bottom) under.push(`${t.textContent} under ${c.className}`);
    }
  }
  return { spills, under };
});

const SIZES = (process.env.PASS_SIZES ?? '1280x800,900x700,600x450')
  .split(',').map((s) => s.split('x').map(Number)).map(([width, height]) => ({ width, height }));

describe('one label pass per change', () => {
  for (const viewport of SIZES) {
    test(`${viewport.width}×${viewport.height}: each industry and language switch rewrites the labels at most once, clear of the cards that hold their words`, async () => {
      const page = await openAtlas(env.browser, env.site.url + '?lang=zh', { viewport });
      await page.locator('text.city-label').first().waitFor();
      await nextFrame(page);
      await watchLabels(page);
      const passes = [];
      let size = await canvasSize(page);
      const check = async (what) => {
        const n = await passesSince(page);
        // A switch that changes the map's size (a credit line taking another line in English)
        // places the labels again for the new size: that is another change, not counted.
        const now = await canvasSize(page);
        if (now === size) passes.push([what, n]);
        size = now;
        const { spills, under } = await cardsAndLabels(page);
        assert.deepEqual(spills, [], `${what}: a card's words spill out of its box`);
        assert.deepEqual(under, [], `${what}: labels under a card`);
      };
      for (const industry of INDUSTRIES) {
        await page.selectOption('#industry-picker', `industry:${industry}`);
        await page.locator(`.industry-details[data-industry="${industry}"]`).waitFor();
        await check(industry);
      }
      for (const lang of ['en', 'zh', 'en']) {
        await page.click('button.lang-switch');
        await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
        await check(`language → ${lang}`);
      }
      assert.ok(passes.length >= INDUSTRIES.length, `only ${passes.length} switches kept the map's size`);
      const twice = passes.filter(([, n]) => n > 1);
      assert.deepEqual(twice, [], `labels rewritten more than once by one switch: ${JSON.stringify(passes)}`);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
});
