// Issue 18, points 8 and 9, from the reader's side: a finished dark theme (axe finds no contrast
// violation on any view; unnamed cities, the province's edge and the legend's base symbol stand
// 3:1 from what they sit on) and a readable selection and drill-down (the selection's casing
// stands out on every role fill; drilled into 苏州, 昆山 carries its own role while the other
// counties take a light tint, labels readable; 宜兴 is drawn as the focus place it is).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, openAtlas, overlaps, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const SUZHOU = '320500';
const KUNSHAN = '320583';
const YIXING = '320282';

/** WCAG 2 contrast ratio of two CSS colours as computed (`rgb(…)` or `rgba(…)`). */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, bl] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map((c) => Number(c) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Waits until no view is still loading what it shows. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.loading, .status.loading'));
}

/** axe-core's colour-contrast violations on the page, summarised. */
async function contrastViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] },
    resultTypes: ['violations'],
  }));
  return result.violations.flatMap((v) => v.nodes.slice(0, 4).map((n) => `${v.id}: ${n.target.join(' ')} ${n.any?.[0]?.message ?? ''}`));
}

/** Opens the atlas at `query` and waits for the drilled map of `city` with its counties. */
async function openDrilled(query, city) {
  const page = await openAtlas(env.browser, env.site.url + query);
  await page.waitForFunction((city) => {
    const svg = document.querySelector('.drill-canvas:not([hidden]) #atlas-drill-map');
    return svg?.dataset.city === city && svg.querySelectorAll('path.county').length > 3;
  }, city);
  return page;
}

describe('dark theme: axe finds no contrast violation on any view', () => {
  const views = [
    { name: 'map with an industry and a city', query: '?theme=dark&industry=biotech_medicine&city=321200' },
    { name: 'table', query: '?theme=dark&view=table&industry=iot_cloud', map: false },
    { name: 'targets', query: '?theme=dark&view=targets', map: false, ready: 'img.chart' },
    { name: 'overview', query: '?theme=dark&view=overview', map: false },
    { name: 'plan', query: '?theme=dark&view=plan', map: false, ready: '.plan-text' },
    { name: 'briefs', query: '?theme=dark&view=briefs&city=320500', map: false },
    { name: 'drilled 苏州 with an industry', query: `?theme=dark&industry=next_gen_it&city=${SUZHOU}&drill=1`, drilled: SUZHOU },
  ];
  test(`every view: ${views.map((v) => v.name).join(', ')}`, async () => {
    const found = [];
    for (const view of views) {
      const page = view.drilled
        ? await openDrilled(view.query, view.drilled)
        : await openAtlas(env.browser, env.site.url + view.query, { waitForMap: view.map !== false });
      await page.locator('.app').first().waitFor();
      if (view.ready) await page.locator(view.ready).first().waitFor();
      await settled(page);
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(15, 23, 34)', `${view.name}: the page is dark`);
      found.push(...(await contrastViolations(page)).map((v) => `${view.name}: ${v}`));
      await page.close();
    }
    assert.deepEqual(found, []);
  });

  test('the targets view: chart titles are dark on their light cards', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?theme=dark&view=targets', { waitForMap: false });
    await page.locator('.chart-figure .chart-title').first().waitFor();
    const cards = await page.$$eval('.chart-figure', (figures) => figures.map((f) => ({
      card: getComputedStyle(f).backgroundColor,
      title: getComputedStyle(f.querySelector('.chart-title') ?? f).color,
      text: f.querySelector('.chart-title')?.textContent.trim(),
    })));
    assert.ok(cards.length > 0);
    for (const c of cards) assert.ok(contrast(c.title, c.card) >= 4.5, `${c.text}: ${c.title} on ${c.card}: ${contrast(c.title, c.card).toFixed(2)}`);
    await page.close();
  });

  test('the toolbar controls are dark, their text readable', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?theme=dark');
    const controls = await page.$$eval('.toolbar select, .toolbar input, .toolbar button:not([aria-pressed="true"]), .toolbar summary', (els) =>
      els.filter((e) => e.getBoundingClientRect().width > 0).map((e) => ({ bg: getComputedStyle(e).backgroundColor, ink: getComputedStyle(e).color, name: e.className || e.textContent })));
    assert.ok(controls.length >= 3);
    for (const c of controls) {
      assert.ok(contrast(c.bg, 'rgb(15, 23, 34)') < 3, `${c.name} is a dark control, not a white box: ${c.bg}`);
      assert.ok(contrast(c.ink, c.bg) >= 4.5, `${c.name}: ${c.ink} on ${c.bg}`);
    }
    await page.close();
  });

  for (const theme of ['light', 'dark']) {
    test(`${theme}: the menus (export, embed code) look like the buttons beside them`, async () => {
      const page = await openAtlas(env.browser, `${env.site.url}?theme=${theme}`);
      const looks = await page.$$eval('.toolbar button:not([aria-pressed="true"]):not(li button), .toolbar summary', (els) => els
        .filter((e) => e.getBoundingClientRect().width > 0)
        .map((e) => { const s = getComputedStyle(e); return { name: e.textContent, look: [s.backgroundColor, s.color, s.borderTopColor].join(' ') }; }));
      const summaries = looks.filter((l) => ['导出', '嵌入'].includes(l.name));
      assert.equal(summaries.length, 2);
      for (const l of looks) assert.equal(l.look, looks[0].look, `${l.name} looks like ${looks[0].name}`);
      await page.close();
    });
  }
});

describe('dark theme: shapes stand 3:1 from the page and their border', () => {
  test('unnamed cities, the province edge and the legend base symbol', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?theme=dark&industry=biotech_medicine');
    const c = await page.evaluate(() => {
      const style = (s) => getComputedStyle(document.querySelector(s));
      const base = document.querySelector('.legend .swatch.base');
      const legend = getComputedStyle(document.querySelector('.legend'));
      const shadow = getComputedStyle(base).boxShadow;
      return {
        page: getComputedStyle(document.documentElement).backgroundColor,
        none: style('.map.by-role path.city.role-none').fill,
        border: style('.map.by-role path.city.role-none').stroke,
        edge: style('.zone-outline').stroke,
        legend: legend.backgroundColor,
        baseFill: getComputedStyle(base).backgroundColor,
        baseEdge: shadow && shadow !== 'none' ? shadow : getComputedStyle(base).borderColor,
        edgeWidth: Number.parseFloat(style('.zone-outline').strokeWidth),
      };
    });
    assert.ok(contrast(c.none, c.page) >= 3, `unnamed cities ${c.none} on the page ${c.page}: ${contrast(c.none, c.page).toFixed(2)}`);
    assert.ok(contrast(c.none, c.border) >= 3, `unnamed cities ${c.none} from their border ${c.border}: ${contrast(c.none, c.border).toFixed(2)}`);
    assert.ok(contrast(c.edge, c.page) >= 3, `the province edge ${c.edge} on the page: ${contrast(c.edge, c.page).toFixed(2)}`);
    assert.ok(c.edgeWidth >= 1.5, 'the province edge (its coastline) is drawn');
    const base = Math.max(contrast(c.baseFill, c.legend), contrast(c.baseEdge, c.legend));
    assert.ok(base >= 3, `the legend's base symbol (${c.baseFill}, edge ${c.baseEdge}) on ${c.legend}: ${base.toFixed(2)}`);
    await page.close();
  });
});

describe('the selection casing stands out on every fill', () => {
  // A selected city on each fill: 泰州 focus of biotech, 无锡 support of it, 盐城 not named in
  // it, 南京 the signature place of software.
  const cases = [
    { fill: 'focus', query: '?industry=biotech_medicine&city=321200' },
    { fill: 'support', query: '?industry=biotech_medicine&city=320200' },
    { fill: 'none', query: '?industry=biotech_medicine&city=320900' },
    { fill: 'signature', query: '?field=software&city=320100' },
  ];
  for (const theme of ['', '&theme=dark']) {
    for (const c of cases) {
      test(`a city on a ${c.fill} fill${theme ? ', dark theme' : ''}`, async () => {
        const page = await openAtlas(env.browser, env.site.url + c.query + theme);
        await page.locator('.selected-outline path').first().waitFor();
        const drawn = await page.evaluate(() => {
          const city = document.querySelector('path.city[aria-pressed="true"]');
          const role = city.dataset.role;
          const fillOf = role === 'none'
            ? getComputedStyle(city).fill
            : getComputedStyle(document.querySelector(`.pattern-fill.role-${role}`)).fill;
          const mark = role === 'none' ? null : getComputedStyle(document.querySelector(`.pattern-mark.role-${role}`)).stroke;
          const strokes = [...document.querySelectorAll('.selected-outline path')]
            .map((p) => ({ colour: getComputedStyle(p).stroke, width: Number.parseFloat(getComputedStyle(p).strokeWidth), d: p.getAttribute('d') }));
          return { role, fill: fillOf, mark, strokes, d: city.getAttribute('d') };
        });
        assert.equal(drawn.role, c.fill);
        assert.equal(drawn.strokes.length, 2, 'a casing of two strokes');
        assert.ok(drawn.strokes.every((s) => s.d === drawn.d), 'both along the selected city');
        const [halo, line] = drawn.strokes;
        assert.ok(halo.width > line.width + 2, `the halo (${halo.width}px) shows either side of the line (${line.width}px)`);
        for (const ground of [drawn.fill, drawn.mark].filter(Boolean)) {
          const best = Math.max(...drawn.strokes.map((s) => contrast(s.colour, ground)));
          assert.ok(best >= 3, `casing ${drawn.strokes.map((s) => s.colour).join(' / ')} on ${drawn.role} ${ground}: ${best.toFixed(2)}`);
        }
        await page.close();
      });
    }
  }
});

describe('drilled into 苏州 with an industry', () => {
  test('昆山 carries its own role; the other counties a light tint without marks; labels readable', async () => {
    const page = await openDrilled(`?industry=next_gen_it&city=${SUZHOU}&drill=1`, SUZHOU);
    const d = await page.evaluate((kunshan) => {
      const counties = [...document.querySelectorAll('#atlas-drill-map path.county')];
      const fill = (p) => getComputedStyle(p).fill;
      const labels = [...document.querySelectorAll('#atlas-drill-map text.county-label')].map((t) => {
        const county = document.querySelector(`#atlas-drill-map path.county[data-adcode="${t.dataset.adcode}"]`);
        return { text: t.textContent, ink: getComputedStyle(t).fill, halo: getComputedStyle(t).stroke, haloWidth: Number.parseFloat(getComputedStyle(t).strokeWidth), ground: county ? getComputedStyle(county).fill : null, adcode: t.dataset.adcode };
      });
      return {
        kunshan: fill(counties.find((p) => p.dataset.adcode === kunshan)),
        others: counties.filter((p) => p.dataset.adcode !== kunshan).map(fill),
        labels,
      };
    }, KUNSHAN);
    assert.ok(d.others.length >= 5);
    assert.match(d.kunshan, /^url\(/, '昆山 is painted with its role pattern (colour and mark)');
    assert.ok(d.others.every((f) => !f.startsWith('url(')), `the other counties carry no mark: ${d.others.join(' ')}`);
    assert.equal(new Set(d.others).size, 1, 'one tint for the city');
    const tint = d.others[0];
    const lum = (css) => css.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
    assert.ok(lum(tint) > 190, `a light tint: ${tint}`);
    const [r, g, b] = tint.match(/\d+/g).slice(0, 3).map(Number);
    assert.ok(r > b + 10, `a tint of the focus red, not a grey: ${tint}`);
    assert.ok(d.labels.length >= 5);
    for (const l of d.labels) {
      if (l.ground && !l.ground.startsWith('url(')) {
        assert.ok(contrast(l.ink, l.ground) >= 4.5, `${l.text}: ${l.ink} on ${l.ground}: ${contrast(l.ink, l.ground).toFixed(2)}`);
      }
      assert.ok(l.haloWidth >= 2 && contrast(l.ink, l.halo) >= 4.5, `${l.text}: ${l.ink} on its halo ${l.halo}`);
    }
    assert.ok(d.labels.some((l) => l.adcode === KUNSHAN), '昆山 is labelled');
    await page.close();
  });
});

describe('宜兴 on the province map', () => {
  test('a focus place: a marker 20 px or more across with its role fill, clear of every label', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?industry=energy_saving');
    await page.waitForFunction((y) => document.querySelector(`circle.place-marker[data-adcode="${y}"]`)?.dataset.role === 'focus', YIXING);
    const m = await page.evaluate((y) => {
      const marker = document.querySelector(`circle.place-marker[data-adcode="${y}"]`);
      const labels = [...document.querySelectorAll('.labels text')].map((t) => ({ text: t.textContent, ...t.getBoundingClientRect().toJSON() }));
      return { box: marker.getBoundingClientRect().toJSON(), fill: getComputedStyle(marker).fill, labels };
    }, YIXING);
    assert.ok(m.box.width >= 20 && m.box.height >= 20, `宜兴's marker is ${m.box.width.toFixed(1)} px across`);
    assert.match(m.fill, /^url\(.*focus/, 'painted with the focus pattern');
    for (const l of m.labels) assert.ok(!overlaps(m.box, l, 0.5), `label ${l.text} overlaps 宜兴's marker`);
    const own = m.labels.find((l) => l.text === '宜兴');
    assert.ok(own, '宜兴 keeps its label');
    const gap = Math.max(own.left - m.box.right, m.box.left - own.right, own.top - m.box.bottom, m.box.top - own.bottom);
    assert.ok(gap >= 0 && gap < 12, `宜兴's label sits beside its marker (${gap.toFixed(1)} px away)`);
    await page.close();
  });
});
