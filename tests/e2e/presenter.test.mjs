// Browser tests of presenter mode: every slide by keyboard, jumps, the presenter window, full-screen
// key, leaving, and the projector theme at 1024×768 and 1920×1080.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readBundle, slideTitles, tabTo, useBrowserAndSite } from './harness.mjs';

const bundle = readBundle();
const TITLES = slideTitles(bundle);
/** How many slides the tour has, as the counter shows it ("n / COUNT"). */
const COUNT = TITLES.length;
/** The first industry of the plan and the number of its slide. */
const FIRST_INDUSTRY = bundle.industries[0];
const FIRST_INDUSTRY_SLIDE = TITLES.findIndex((t) => t.startsWith(`${FIRST_INDUSTRY.name_zh}：`)) + 1;

const env = useBrowserAndSite();

async function openSlide(query, viewport = { width: 1920, height: 1080 }) {
  const page = await env.browser.newPage({ viewport });
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  await page.goto(env.site.url + query);
  await page.locator('.slide-title').waitFor();
  return page;
}

const title = (page) => page.textContent('.slide-title');
const counter = (page) => page.textContent('.slide-counter');
/** Waits until the counter shows slide `n` (1-based) of the tour. */
const showsSlide = (page, n) =>
  page.waitForFunction(([k, all]) => document.querySelector('.slide-counter')?.textContent === `${k} / ${all}`, [n, COUNT]);

describe('presenter mode', () => {
  test(`steps through all ${COUNT} slides with clicker keys, each with its title and URL`, async () => {
    const page = await openSlide('?slide=1');
    const keys = ['ArrowRight', 'PageDown', ' ', 'ArrowRight', 'PageDown', ' ', 'ArrowRight', 'PageDown', ' ', 'ArrowRight', 'PageDown', ' ', 'ArrowRight'];
    assert.equal(await title(page), TITLES[0]);
    for (let i = 1; i < TITLES.length; i++) {
      await page.keyboard.press(keys[i - 1]);
      await showsSlide(page, i + 1);
      assert.equal(await title(page), TITLES[i], `slide ${i + 1}`);
      await page.waitForURL(new RegExp(`slide=${i + 1}(&|$)`));
    }
    await page.keyboard.press('PageDown');
    assert.equal(await counter(page), `${COUNT} / ${COUNT}`, 'stays on the last slide');
    for (let i = TITLES.length - 2; i >= 0; i--) {
      await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'PageUp');
      await showsSlide(page, i + 1);
      assert.equal(await title(page), TITLES[i]);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('number + Enter jumps, Home and End go to the ends, back returns to the previous slide', async () => {
    const page = await openSlide('?slide=1');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await showsSlide(page, 7);
    assert.equal(await title(page), TITLES[6]);
    await page.keyboard.press('End');
    await showsSlide(page, COUNT);
    await page.keyboard.press('Home');
    await showsSlide(page, 1);
    // The address is written once the new slide is painted; a person presses back after seeing it
    // there, never within the same frame (pressing back before it was written went back two slides,
    // which made this test fail on a busy machine).
    await page.waitForURL(/slide=1(&|$)/);
    await page.goBack();
    await showsSlide(page, COUNT);
    await page.close();
  });

  test('keys pressed faster than the address is written still leave one history entry per slide, in order', async () => {
    const page = await openSlide('?slide=1');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.waitForURL(/slide=6(&|$)/);
    for (let n = 5; n >= 1; n--) {
      await page.goBack();
      await showsSlide(page, n);
      await page.waitForURL(new RegExp(`slide=${n}(&|$)`));
    }
    await page.close();
  });

  test('an industry slide colours the map by that industry; the signature slide by signature', async () => {
    const page = await openSlide('?slide=7');
    await page.waitForSelector('path.city[data-adcode="320200"][data-role="signature"]');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await showsSlide(page, 2);
    const signature = await page.$$eval('path.city[data-role="signature"]', (ps) => ps.map((p) => p.dataset.adcode).sort());
    assert.deepEqual(signature, ['320100', '320200', '320400', '320500', '320600']);
    await page.close();
  });

  test('each slide beside the map cites the plan\'s sections it states, in the interface language', async () => {
    const page = await openSlide('?slide=5');
    assert.equal(await page.textContent('.slide-side .slide-source'), '规划 §三(三)、§四(二)');
    await page.keyboard.press('Home');
    await showsSlide(page, 1);
    assert.equal(await page.textContent('.slide-side .slide-source'), '规划 §四(一)');
    await page.close();
    const english = await openSlide('?slide=5&lang=en');
    assert.equal(await english.textContent('.slide-side .slide-source'), 'Plan §3(3), §4(2)');
    await english.close();
  });

  test('speaker notes are never on the projected screen: N opens the presenter window with them, and Esc leaves', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(env.site.url + `?slide=${FIRST_INDUSTRY_SLIDE}`);
    await page.locator('.slide-title').waitFor();
    const subarea = FIRST_INDUSTRY.subareas[0].name_zh;
    const [win] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('n')]);
    await win.locator('.pw-notes li').first().waitFor();
    assert.ok((await win.textContent('.pw-notes')).includes(subarea));
    assert.equal(new URL(win.url()).searchParams.get('notes'), '1');
    assert.ok(!(await page.evaluate(() => document.body.innerText)).includes('重点领域'), 'no notes on the projected screen');
    // N again brings the same window forward rather than opening another.
    await page.bringToFront();
    await page.keyboard.press('n');
    await win.locator('.pw-notes li').first().waitFor();
    assert.equal(context.pages().length, 2);
    await page.keyboard.press('Escape');
    await page.locator('.topbar').waitFor();
    await page.waitForURL((url) => !url.searchParams.has('slide'));
    await context.close();
  });

  test('the presenter window quotes the plan\'s words behind its notes, with their section', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(env.site.url + '?slide=2&notes=1');
    await page.locator('.pw-current blockquote').first().waitFor();
    const quotes = await page.$$eval('.pw-current blockquote', (bs) => bs.map((b) => b.textContent));
    assert.ok(quotes.some((q) => /南京软件及智能电网/.test(q) && /§四\(二\)/.test(q)), quotes.join(' | '));
    assert.equal(await page.textContent('.pw-counter'), `2 / ${COUNT}`);
    assert.equal(await page.locator('.presenter').count(), 0, 'the presenter window is not a projected slide');
    await page.close();
  });

  test('Enter or Space on a focused city selects it and leaves the slide where it is', async () => {
    const page = await openSlide(`?slide=${FIRST_INDUSTRY_SLIDE}`);
    await page.waitForSelector('path.city[data-role]');
    for (const [key, adcode] of [['Enter', '320200'], [' ', '320400']]) {
      await tabTo(page, `path.city[data-adcode="${adcode}"]`, 40);
      await page.keyboard.press(key);
      await page.waitForFunction((a) => document.querySelector(`path.city[data-adcode="${a}"]`)?.getAttribute('aria-pressed') === 'true', adcode);
      await page.waitForURL(new RegExp(`city=${adcode}`));
      assert.equal(await counter(page), `${FIRST_INDUSTRY_SLIDE} / ${COUNT}`, `${JSON.stringify(key)} on a city did not turn the slide`);
      assert.equal(new URL(page.url()).searchParams.get('slide'), String(FIRST_INDUSTRY_SLIDE));
      const name = await page.$eval(`path.city[data-adcode="${adcode}"]`, (p) => p.getAttribute('aria-label').split(' ')[0]);
      await page.waitForFunction(
        ([n, industry]) => document.querySelector('.live-region').textContent.startsWith(`已选择 ${n}：${industry}（`),
        [name, FIRST_INDUSTRY.name_zh],
      );
    }
    await page.evaluate(() => document.activeElement.blur());
    await page.keyboard.press('Enter');
    await showsSlide(page, FIRST_INDUSTRY_SLIDE + 1);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('F asks for full screen', async () => {
    const page = await openSlide('?slide=2');
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 5000 });
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement === null, null, { timeout: 5000 });
    await page.close();
  });

  for (const viewport of [{ width: 1024, height: 768 }, { width: 1920, height: 1080 }]) {
    test(`every slide fits ${viewport.width}×${viewport.height} without scrollbars`, async () => {
      const page = await openSlide('?slide=1', viewport);
      for (let n = 1; n <= TITLES.length; n++) {
        if (n > 1) {
          await page.keyboard.press('ArrowRight');
          await showsSlide(page, n);
        }
        const overflow = await page.evaluate(() => {
          const root = document.documentElement;
          const side = document.querySelector('.slide-side');
          return {
            page: root.scrollHeight > innerHeight || root.scrollWidth > innerWidth,
            side: side.scrollHeight > side.clientHeight + 1,
          };
        });
        assert.deepEqual(overflow, { page: false, side: false }, `slide ${n}`);
      }
      await page.close();
    });
  }

  test('honours prefers-reduced-motion', async () => {
    const context = await env.browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(env.site.url + '?slide=3');
    // The presenter's code arrives in a chunk of its own: its slide, not the prerendered map.
    await page.locator('.slide-title').waitFor();
    await page.waitForSelector('path.city');
    assert.equal(await page.$eval('path.city', (p) => getComputedStyle(p).transitionDuration), '0s');
    await context.close();
  });

  test('the projector theme labels cities at 28 px or more at 1920×1080', async () => {
    const page = await openSlide('?slide=1');
    await page.waitForSelector('text.city-label');
    const sizes = await page.$$eval('text.city-label:not(.place-label)', (ts) => ts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
    assert.ok(sizes.length >= 12, `${sizes.length} labels`);
    assert.ok(sizes.every((s) => s >= 28), sizes.join(','));
    const stroke = await page.$eval('path.city', (p) => parseFloat(getComputedStyle(p).strokeWidth));
    assert.ok(stroke >= 2.5);
    await page.close();
  });
});
