// Accessibility in the real browser: axe-core on the explorer, table, targets and presenter views
// (no serious or critical violations), the contrast of role marks, shapes and labels as drawn, and
// a keyboard-only walk through the main tasks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, openAtlas, targetsSlide, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Runs axe-core on the page; returns its serious and critical violations, summarised. */
async function seriousViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const VIEWS = [
  { name: 'explorer', query: '' },
  { name: 'explorer with an industry and a city', query: '?industry=biotech_medicine&city=321200' },
  { name: 'explorer in English with a county place', query: '?lang=en&field=flat_panel&city=320583' },
  { name: 'explorer, dark theme', query: '?theme=dark&industry=new_energy&city=320200' },
  { name: 'table', query: '?view=table&industry=iot_cloud', map: false },
  { name: 'targets', query: '?view=targets', map: false },
  { name: 'presenter, zone slide', query: '?slide=1' },
  { name: 'presenter, industry slide in English', query: '?slide=4&lang=en' },
  { name: 'presenter, targets slide', query: `?slide=${targetsSlide()}`, map: false },
  { name: 'presenter window', query: '?slide=3&notes=1', map: false },
  { name: 'presenter window in English', query: '?slide=2&notes=1&lang=en', map: false },
  { name: 'embedded', query: '?embed=1&industry=marine_engineering' },
];

describe('axe-core finds no serious or critical violation', () => {
  for (const view of VIEWS) {
    test(view.name, async () => {
      const page = await openAtlas(env.browser, env.site.url + view.query, { waitForMap: view.map !== false });
      await page.locator('.app, .presenter, .presenter-window').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('.status.loading'));
      assert.deepEqual(await seriousViolations(page), []);
      await page.close();
    });
  }
});

describe('axe-core on the plan view opened at a quote', () => {
  test('plan view in English, opened from a city panel', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?lang=en&city=320200');
    await page.locator('.city-details .show-in-plan').first().click();
    await page.locator('.plan-text mark.plan-mark').first().waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await page.close();
  });
});

/** The colours as drawn: each role's pattern fill and mark, the role border, the map background, labels. */
function drawnColours() {
  const hex = (css) => {
    const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    return '#' + [r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
  };
  const style = (el) => getComputedStyle(el);
  const roles = {};
  for (const role of ['signature', 'focus', 'support', 'pilot']) {
    roles[role] = {
      fill: hex(style(document.querySelector(`.pattern-fill.role-${role}`)).fill),
      mark: hex(style(document.querySelector(`.pattern-mark.role-${role}`)).stroke),
    };
  }
  const unnamed = document.querySelector('.map.by-role path.city.role-none');
  const map = document.querySelector('.map');
  let background = style(map).backgroundColor;
  for (let el = map; /rgba\(0, 0, 0, 0\)|transparent/.test(background) && el; el = el.parentElement) {
    background = style(el).backgroundColor;
  }
  const label = document.querySelector('.city-label');
  return {
    roles,
    none: hex(style(unnamed).fill),
    border: hex(style(unnamed).stroke),
    background: hex(background),
    label: { fill: hex(style(label).fill), halo: hex(style(label).stroke) },
  };
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a, b) {
  const lum = (h) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('roles read without colour, at WCAG contrast', () => {
  for (const theme of [
    { name: 'explorer', query: '?industry=biotech_medicine' },
    { name: 'dark theme', query: '?industry=biotech_medicine&theme=dark' },
    { name: 'projector', query: '?slide=4' },
  ]) {
    test(`${theme.name}: marks 3:1 on their fill, shapes 3:1, labels 4.5:1`, async () => {
      const page = await openAtlas(env.browser, env.site.url + theme.query);
      const c = await page.evaluate(drawnColours);
      const marks = new Set();
      for (const [role, { fill, mark }] of Object.entries(c.roles)) {
        assert.ok(contrast(fill, mark) >= 3, `${role} mark ${mark} on ${fill}: ${contrast(fill, mark).toFixed(2)}`);
        const shape = Math.max(contrast(fill, c.border), contrast(fill, c.background));
        assert.ok(shape >= 3, `${role} shape ${fill}: ${shape.toFixed(2)} against border and background`);
        marks.add(await page.getAttribute(`.pattern-mark.role-${role}`, 'd'));
      }
      assert.equal(marks.size, 4, 'each role has its own mark');
      const none = Math.max(contrast(c.none, c.border), contrast(c.none, c.background));
      assert.ok(none >= 3, `unnamed shape ${c.none}: ${none.toFixed(2)}`);
      const label = contrast(c.label.fill, c.label.halo);
      assert.ok(label >= 4.5, `labels ${c.label.fill} on ${c.label.halo}: ${label.toFixed(2)}`);
      const painted = await page.$$eval('.map.by-role path.city:not(.role-none)', (paths) =>
        paths.map((p) => getComputedStyle(p).fill));
      assert.ok(painted.length > 0 && painted.every((f) => f.startsWith('url(')), 'role shapes are painted with their pattern');
      await page.close();
    });
  }
});

describe('keyboard only', () => {
  /** Presses Tab until `selector` has focus (at most `limit` times); fails if it never does. */
  async function tabTo(page, selector, limit = 80) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    }
    assert.fail(`Tab never reached ${selector}`);
  }

  test('search, choose an industry, select a city, read the plan, open the table, present', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.keyboard.press('/');
    await page.keyboard.type('泰州');
    await page.locator('#search-results .hit[data-id="321200"]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.city-details[data-adcode="321200"]').waitFor();

    await tabTo(page, '#industry-picker');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('industry'));

    await tabTo(page, 'path.city[data-adcode="320200"]');
    await page.keyboard.press('Enter');
    await page.locator('.city-details[data-adcode="320200"]').waitFor();

    await tabTo(page, '.city-details .show-in-plan');
    await page.keyboard.press('Enter');
    await page.locator('.plan-view').waitFor();
    await page.waitForFunction(() => document.querySelector('.plan-text mark.plan-mark'));
    await page.waitForFunction(() => document.activeElement?.contains(document.querySelector('mark.plan-mark')));
    await page.keyboard.press('Escape');
    await page.locator('.city-details[data-adcode="320200"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('.city-details .show-in-plan'));

    await tabTo(page, '.view-table');
    await page.keyboard.press('Enter');
    await page.locator('table').first().waitFor();

    await tabTo(page, 'button.present');
    await page.keyboard.press('Enter');
    await page.locator('.presenter').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('slide') === '2');
    await page.keyboard.press('Escape');
    await page.locator('.presenter').waitFor({ state: 'detached' });
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
