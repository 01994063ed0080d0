// Issue 18 point 5, a presenter that belongs to the map: the slides' role colours have the map's
// hue per role; speaker notes live in a separate presenter window (in the interface language,
// with the next slide and the elapsed time) and never on the projected screen; the two windows
// move together; the key hints show once; the targets slide's charts are dark and its figures
// keep the plan's qualifiers; titles state their finding.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, readBundle, useBrowserAndSite } from './harness.mjs';

const bundle = readBundle();
const env = useBrowserAndSite();
const FULL_HD = { width: 1920, height: 1080 };
const ROLES = ['signature', 'focus', 'support', 'pilot'];
/** Slide 3 is the first industry of the plan. */
const FIRST = bundle.industries[0];
const COUNT_SLIDES = 2 + bundle.industries.length + 2;
const TARGETS = 2 + bundle.industries.length + 1;

/** The hue (0–360) of a CSS `rgb(r, g, b)` colour. */
function hue(css) {
  const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return NaN;
  const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return h * 60;
}
const hueDistance = (a, b) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

/** The fill drawn for each role present on the page's map, by role. */
const roleFills = (page) =>
  page.evaluate((roles) => {
    const drawn = new Set([...document.querySelectorAll('path.city[data-role]')].map((p) => p.dataset.role));
    const out = {};
    for (const role of roles) {
      const fill = document.querySelector(`.pattern-fill.role-${role}`);
      if (drawn.has(role) && fill) out[role] = getComputedStyle(fill).fill;
    }
    return out;
  }, ROLES);

async function projector(context, query) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  await page.goto(env.site.url + query);
  await page.locator('.slide-title').waitFor();
  return page;
}

const counter = (page, n) =>
  page.waitForFunction(([k, all]) => document.querySelector('.slide-counter')?.textContent === `${k} / ${all}`, [n, COUNT_SLIDES]);

const han = /[\u4e00-\u9fff]/;

describe('a presenter that belongs to the map', () => {
  test('on slide 3 at 1920×1080 the drawn role fills have the map view\'s hue per role (±15°)', async () => {
    const context = await env.browser.newContext({ viewport: FULL_HD });
    const slide = await projector(context, '?slide=3');
    await slide.waitForSelector('path.city[data-role]');
    const onSlide = await roleFills(slide);
    const map = await context.newPage();
    await map.goto(`${env.site.url}?industry=${FIRST.id}`);
    await map.waitForFunction(appStarted);
    await map.waitForSelector('path.city[data-role]');
    const onMap = await roleFills(map);
    assert.ok(Object.keys(onSlide).length >= 2, `roles drawn on the slide: ${JSON.stringify(onSlide)}`);
    assert.deepEqual(Object.keys(onSlide).sort(), Object.keys(onMap).sort(), 'the same roles are drawn');
    for (const role of Object.keys(onSlide)) {
      const [a, b] = [hue(onSlide[role]), hue(onMap[role])];
      assert.ok(hueDistance(a, b) <= 15, `${role}: slide ${onSlide[role]} (${a.toFixed(1)}°) vs map ${onMap[role]} (${b.toFixed(1)}°)`);
    }
    await context.close();
  });

  for (const lang of ['zh', 'en']) {
    test(`N opens a presenter window with the notes in ${lang}, the next slide and the time; the projected slide shows no notes`, async () => {
      const context = await env.browser.newContext({ viewport: FULL_HD });
      const page = await projector(context, `?lang=${lang}&slide=3`);
      await page.waitForSelector('path.city[data-role]');
      const [win] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('n')]);
      await win.waitForSelector('.pw-notes li');
      const notes = await win.$$eval('.pw-notes li', (ls) => ls.map((l) => l.textContent.trim()));
      const whole = await win.evaluate(() => document.body.innerText);
      if (lang === 'zh') {
        assert.ok(notes.some((n) => n.includes(FIRST.subareas[0].name_zh)), notes.join(' | '));
        assert.ok(!whole.includes(FIRST.gloss_en), 'no English gloss under the Chinese interface');
      } else {
        assert.ok(notes.some((n) => n.includes(FIRST.subareas[0].name_en)), notes.join(' | '));
        assert.ok(notes.every((n) => !han.test(n)), `English notes: ${notes.join(' | ')}`);
      }
      const next = await page.evaluate(() => document.documentElement.lang);
      assert.equal(await win.evaluate(() => document.documentElement.lang), next, 'the same interface language');
      // The next slide's title, as the projected window shows it once there.
      const nextTitle = (await win.textContent('.pw-next-title')).trim();
      await page.keyboard.press('ArrowRight');
      await counter(page, 4);
      assert.equal((await page.textContent('.slide-title')).trim(), nextTitle);
      await page.keyboard.press('ArrowLeft');
      await counter(page, 3);
      // Elapsed time, m:ss, running.
      assert.match((await win.textContent('.pw-elapsed time')).trim(), /^\d+:\d{2}$/);
      await win.waitForFunction(() => document.querySelector('.pw-elapsed time')?.textContent.trim() !== '0:00');
      // Nothing of the notes on the projected screen.
      const projected = await page.evaluate(() => document.body.innerText);
      for (const note of notes) assert.ok(!projected.includes(note), `the projected slide shows the note ${JSON.stringify(note)}`);
      assert.ok(!/演讲者备注|Speaker notes/.test(projected));
      assert.deepEqual(page.problems, []);
      await context.close();
    });
  }

  test('→ in the presenter window moves the projected slide, and the projected keys move the window', async () => {
    const context = await env.browser.newContext({ viewport: FULL_HD });
    const page = await projector(context, '?slide=3');
    const [win] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('n')]);
    await win.waitForSelector('.pw-notes li');
    await win.keyboard.press('ArrowRight');
    await counter(page, 4);
    await win.keyboard.press('ArrowRight');
    await counter(page, 5);
    await page.keyboard.press('Home');
    await win.waitForFunction((all) => document.querySelector('.pw-counter')?.textContent === `1 / ${all}`, COUNT_SLIDES);
    await page.waitForURL(/slide=1(&|$)/);
    assert.ok(!new URL(page.url()).searchParams.has('notes'), 'the projected window is not the notes window');
    await context.close();
  });

  test('the key hints show on the first slide shown and not on slide 3 after navigating', async () => {
    const context = await env.browser.newContext({ viewport: FULL_HD });
    const page = await projector(context, '?slide=1');
    const hint = /Esc/;
    assert.match(await page.evaluate(() => document.body.innerText), hint, 'hints on the first slide shown');
    const mapBox = () => page.locator('.slide-stage svg.map-svg').boundingBox();
    const withHints = await mapBox();
    await page.keyboard.press('ArrowRight');
    await counter(page, 2);
    await page.waitForFunction(() => !document.querySelector('.slide-help'));
    assert.deepEqual(await mapBox(), withHints, 'the map keeps its place and size when the hints go');
    await page.keyboard.press('ArrowRight');
    await counter(page, 3);
    assert.doesNotMatch(await page.evaluate(() => document.body.innerText), hint, 'no hints on slide 3');
    await context.close();
  });

  for (const lang of ['zh', 'en']) {
    test(`the targets slide (${lang}) shows dark charts and figures with the plan's qualifiers`, async () => {
      const context = await env.browser.newContext({ viewport: FULL_HD });
      const page = await projector(context, `?lang=${lang}&slide=${TARGETS}`);
      await page.waitForFunction(() => {
        const imgs = [...document.querySelectorAll('.slide-charts img.chart')];
        return imgs.length === 2 && imgs.every((i) => i.complete && i.naturalWidth > 0);
      });
      const grounds = await page.$$eval('.slide-charts img.chart', (imgs) =>
        imgs.map((img) => {
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext('2d');
          ctx.drawImage(img, 0, 0);
          const [r, g, b] = ctx.getImageData(2, 2, 1, 1).data;
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        }));
      for (const l of grounds) assert.ok(l < 0.2, `a chart's ground is dark (luminance ${l.toFixed(2)})`);
      const cards = await page.$$eval('.slide-charts .chart-figure', (fs) => fs.map((f) => getComputedStyle(f).backgroundColor));
      for (const c of cards) assert.ok(c === 'rgba(0, 0, 0, 0)' || c === 'transparent', `no white card: ${c}`);
      const lines = await page.$$eval('.slide-goal', (ps) => ps.map((p) => p.textContent.trim()));
      assert.ok(lines.length >= 3, lines.join(' | '));
      const counted = bundle.targets.filter((t) => t.kind === 'goal' && t.group === 'count');
      let qualified = 0;
      for (const line of lines) {
        const goal = counted.find((g) => line.includes(lang === 'zh' ? g.label_zh : g.label_en));
        assert.ok(goal, `${line} is one of the plan's counted goals`);
        // The figure with its qualifier, without the goal's name (省级以上创新平台 is a name).
        const shown = line.replace(lang === 'zh' ? goal.label_zh : goal.label_en, '');
        const figure = goal.value.toLocaleString('en-US');
        assert.ok(line.includes(figure), `${line} shows ${figure}`);
        // 以上 right after the figure (and its measure word), not in a name (省级以上创新平台).
        const atLeast = /\d[个项家条]?以上|不少于/.test(goal.quote.quote);
        const moreThan = /超过\d/.test(goal.quote.quote) && !atLeast;
        if (atLeast) {
          qualified += 1;
          assert.ok(shown.includes(lang === 'zh' ? '以上' : `≥ ${figure}`), `the plan says “${goal.quote.quote}”; the slide “${line}”`);
        } else if (moreThan) {
          qualified += 1;
          assert.ok(shown.includes(lang === 'zh' ? '超过' : `> ${figure}`), `the plan says “${goal.quote.quote}”; the slide “${line}”`);
        } else {
          assert.ok(!/以上|超过|≥|>/.test(shown), `the plan gives ${figure} exactly; the slide “${line}”`);
        }
      }
      assert.ok(qualified >= 1, 'the slide shows a goal the plan bounds (1,000 以上)');
      await context.close();
    });
  }

  test('each industry slide\'s title states its finding: the industry and the places that lead it', async () => {
    const context = await env.browser.newContext({ viewport: FULL_HD });
    const page = await projector(context, '?slide=3');
    for (const [i, industry] of bundle.industries.entries()) {
      if (i > 0) {
        await page.keyboard.press('ArrowRight');
        await counter(page, 3 + i);
      }
      const facts = bundle.roles.filter((r) => r.industry === industry.id);
      const top = Math.min(...facts.map((f) => ROLES.indexOf(f.role)));
      const leaders = [...new Set(facts.filter((f) => ROLES.indexOf(f.role) === top).map((f) => f.place))];
      const name = (adcode) =>
        (bundle.cities.find((c) => c.adcode === adcode) ?? bundle.places.find((p) => p.adcode === adcode)).name_zh.replace(/市$/, '');
      const title = (await page.textContent('.slide-title')).trim();
      assert.ok(title.includes(industry.name_zh), title);
      for (const place of leaders) assert.ok(title.includes(name(place)), `${title} names ${name(place)}`);
    }
    await context.close();
  });
});
