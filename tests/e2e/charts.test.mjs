// The target charts as their readers see them: at every width from a 320 px phone to a 1920 px
// screen, every text of every chart is at least 12 CSS px as displayed (24 px on the presenter's
// slide at 1920×1080), no text runs outside its chart in the browser's own font, and nothing in
// the targets view makes the page scroll sideways.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openAtlas, targetsSlide, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();
const TARGETS_SLIDE = targetsSlide();

/** Waits until every chart image of the page has loaded. */
function chartsLoaded(page, count) {
  return page.waitForFunction((n) => {
    const imgs = [...document.querySelectorAll('img.chart')];
    return imgs.length === n && imgs.every((i) => i.complete && i.naturalWidth > 0);
  }, count);
}

/**
 * Waits until the first chart shows a drawing made wider than `above` and narrower than `below`
 * px (the width its file name carries: `….explorer.WIDTH.zh.svg`); resolves to that width.
 */
async function firstChartDrawnBetween(page, above, below) {
  const width = await page.waitForFunction(([lo, hi]) => {
    const drawn = Number(document.querySelector('img.chart').getAttribute('src').split('.').at(-3));
    return drawn > lo && drawn < hi && drawn;
  }, [above, below]);
  return width.jsonValue();
}

/** Waits until each chart frame shows a drawing no wider than itself (the widest that fits). */
function chartsFitted(page) {
  return page.waitForFunction(() => [...document.querySelectorAll('.chart-frame')].every((f) => {
    const img = f.querySelector('img.chart');
    return img.complete && img.naturalWidth > 0 && img.naturalWidth <= f.getBoundingClientRect().width + 0.5;
  }));
}

/**
 * For each chart image: its file, its drawn and displayed widths, the smallest text as displayed
 * (font-size × displayed width ÷ drawn width), and the texts whose box, measured by the browser in
 * the font it really uses, leaves the drawing.
 */
function measureCharts(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const img of document.querySelectorAll('img.chart')) {
      const src = img.getAttribute('src');
      const text = await (await fetch(src)).text();
      const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      const drawn = Number(svg.getAttribute('width'));
      const height = Number(svg.getAttribute('height'));
      const shown = img.getBoundingClientRect().width;
      const sizes = [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')));
      // Lay the SVG out off-screen to measure each text in the browser's font.
      const probe = document.importNode(svg, true);
      probe.setAttribute('aria-hidden', 'true');
      document.body.append(probe);
      const outside = [...probe.querySelectorAll('text')]
        .map((t) => ({ text: t.textContent.trim(), box: t.getBBox() }))
        .filter(({ box }) => box.x < -0.5 || box.y < -0.5 || box.x + box.width > drawn + 0.5 || box.y + box.height > height + 0.5)
        .map(({ text, box }) => `${text} @ ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`);
      probe.remove();
      out.push({ src, drawn, shown, texts: sizes.length, smallest: (Math.min(...sizes) * shown) / drawn, outside });
    }
    return out;
  });
}

/**
 * What in the targets view makes the page scroll sideways: the view's own overflow, and any of
 * its elements reaching past the window's right edge. (The toolbar above it is another concern
 * with its own test.)
 */
function sidewaysInTargets(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const view = document.querySelector('.targets-view');
    const out = [...view.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ends at ${Math.round(e.getBoundingClientRect().right)}`);
    if (view.scrollWidth > view.clientWidth) out.push(`the view scrolls: ${view.scrollWidth} > ${view.clientWidth}`);
    return out;
  });
}

describe('target charts are readable', () => {
  for (const width of [320, 390, 768, 1280, 1920]) {
    for (const lang of ['zh', 'en']) {
      test(`targets view at ${width} px (${lang}): chart text ≥ 12 px as displayed, nothing outside, nothing past the window`, async () => {
        const page = await openAtlas(env.browser, `${env.site.url}?view=targets&lang=${lang}`, {
          viewport: { width, height: 900 },
          waitForMap: false,
        });
        await chartsLoaded(page, 4);
        // The figure measures itself and swaps in the widest variant that fits: wait for it.
        await chartsFitted(page);
        const charts = await measureCharts(page);
        assert.equal(charts.length, 4);
        for (const c of charts) {
          assert.match(c.src, new RegExp(`^assets/charts/[a-z-]+\\.explorer\\.\\d+\\.${lang}\\.svg$`));
          assert.ok(c.texts >= 8, `${c.src} has its labels`);
          assert.ok(c.shown >= c.drawn - 0.5, `${c.src} (${c.drawn} px) is shown at ${c.shown} px: never scaled down`);
          assert.ok(c.smallest >= 12, `${c.src}: smallest text ${c.smallest.toFixed(1)} px as displayed at ${width} px`);
          assert.deepEqual(c.outside, [], `${c.src}: texts outside the chart`);
        }
        assert.deepEqual(await sidewaysInTargets(page), [], `sideways scroll at ${width} px`);
        assert.deepEqual(page.problems, []);
        await page.close();
      });
    }
  }

  test('a narrower window swaps in a narrower drawing, never a scaled-down one', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?view=targets`, {
      viewport: { width: 1280, height: 900 },
      waitForMap: false,
    });
    await chartsLoaded(page, 4);
    const wide = await firstChartDrawnBetween(page, 260, Infinity);
    await page.setViewportSize({ width: 360, height: 900 });
    await firstChartDrawnBetween(page, 0, wide);
    await chartsLoaded(page, 4);
    const [first] = await measureCharts(page);
    assert.ok(first.shown >= first.drawn, `${first.drawn} px shown at ${first.shown} px`);
    assert.ok(first.smallest >= 12);
    await page.close();
  });

  for (const lang of ['zh', 'en']) {
    test(`the presenter's targets slide at 1920×1080 (${lang}): chart text ≥ 24 px, on screen`, async () => {
      const page = await openAtlas(env.browser, `${env.site.url}?slide=${TARGETS_SLIDE}&lang=${lang}`, {
        viewport: { width: 1920, height: 1080 },
        waitForMap: false,
      });
      await chartsLoaded(page, 2);
      await chartsFitted(page);
      const charts = await measureCharts(page);
      for (const c of charts) {
        assert.match(c.src, /\.projector\.\d+\./);
        assert.ok(c.smallest >= 24, `${c.src}: smallest text ${c.smallest.toFixed(1)} px as displayed`);
        assert.deepEqual(c.outside, []);
      }
      const offScreen = await page.$$eval('img.chart', (imgs) => imgs.filter((i) => {
        const r = i.getBoundingClientRect();
        return r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight;
      }).length);
      assert.equal(offScreen, 0, 'both charts fit on the slide');
      const captions = await page.$$eval('.slide-charts .chart-title, .slide-charts .gloss', (es) => es.map((e) => parseFloat(getComputedStyle(e).fontSize)));
      assert.ok(captions.length >= 2 && captions.every((px) => px >= 24), `chart titles and notes on the slide: ${captions} px`);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
});
