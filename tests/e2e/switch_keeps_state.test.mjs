// A language switch in the middle of something keeps it: a search typed half-way (its query, its
// open list, now in the other language, and the active option) and the place in the briefs (the
// brief being read stays at the top of the view, also where the browser does no scroll anchoring
// of its own). The switch's history entry is history_entries.test.mjs's.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openAtlas, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();

/** Clicks the language switch as a person does and waits for the page to be in `lang`. */
async function switchTo(page, lang) {
  await page.click('.lang-switch');
  await page.waitForFunction((lang) => document.documentElement.lang === lang, lang);
}

/** The search as shown: its value, the focus, the list's labels and the active option. */
const searchShown = (page) => page.evaluate(() => {
  const input = document.getElementById('search');
  const active = input.getAttribute('aria-activedescendant');
  return {
    value: input.value,
    focused: document.activeElement === input,
    expanded: input.getAttribute('aria-expanded'),
    labels: [...document.querySelectorAll('#search-results .hit .hit-label')].map((l) => l.textContent),
    active: active && document.getElementById(active)?.dataset.id,
  };
});

describe('a language switch keeps a search typed half-way', () => {
  test('the query, the open list (re-worded) and the active option stay', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.click('#search');
    await page.keyboard.type('苏');
    await page.locator('#search-results .hit').nth(2).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const before = await searchShown(page);
    assert.ok(before.labels.includes('苏州市') && before.active, JSON.stringify(before));
    await switchTo(page, 'en');
    await page.waitForFunction(() => document.querySelector('#search-results .hit-label')?.textContent === 'Suzhou');
    const after = await searchShown(page);
    assert.equal(after.value, '苏', 'the query stays');
    assert.equal(after.focused, true, 'the box keeps the focus');
    assert.equal(after.expanded, 'true', 'the list stays open');
    assert.equal(after.labels.length, before.labels.length, 'the same results');
    assert.ok(after.labels.every((l) => !/[\u4e00-\u9fff]/.test(l)), `in English: ${after.labels}`);
    assert.equal(after.active, before.active, 'the same active option');
    // Enter opens the active option, as before the switch.
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.search.includes(id), before.active);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('an English query stays through the switch to Chinese, and the list reopens on return', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?lang=en`);
    await page.click('#search');
    await page.keyboard.type('Kunshan');
    await page.locator('#search-results .hit[data-id="320583"]').waitFor();
    await switchTo(page, 'zh-CN');
    await page.waitForFunction(() => document.querySelector('#search-results .hit[data-id="320583"] .hit-label')?.textContent === '昆山市');
    assert.equal(await page.inputValue('#search'), 'Kunshan');
    // Leaving the box closes the list but keeps the query; coming back opens it again.
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.getElementById('search').getAttribute('aria-expanded') === 'false');
    assert.equal(await page.inputValue('#search'), 'Kunshan');
    await page.keyboard.press('Shift+Tab');
    await page.locator('#search-results .hit[data-id="320583"]').waitFor();
    await page.close();
  });
});

/** The brief at the top of the briefs' column and how far into it (a share of its height). */
const readingPlace = (page) => page.evaluate(() => {
  const view = document.querySelector('.briefs-view');
  const edge = Math.max(0, view.getBoundingClientRect().top);
  const brief = [...view.querySelectorAll('.brief')].find((b) => b.getBoundingClientRect().bottom > edge + 0.5);
  const box = brief.getBoundingClientRect();
  return { adcode: brief.dataset.adcode, into: (edge - box.top) / box.height, scrollTop: view.scrollTop };
});

/** Two frames: the one painting the switch, and one after it. */
const painted = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe('a language switch keeps the place in the briefs', () => {
  for (const anchoring of ['the browser’s scroll anchoring', 'no scroll anchoring']) {
    test(`the brief being read stays at the top of the view (${anchoring})`, async () => {
      const page = await openAtlas(env.browser, `${env.site.url}?view=briefs`, { waitForMap: false });
      await page.waitForFunction(() => document.querySelectorAll('.brief svg.locator[data-counties]:not([data-counties="0"])').length === 13);
      // Chromium keeps a scrolled box's content in place by itself (CSS scroll anchoring); a
      // browser without it, or an anchor it loses, keeps the pixel offset instead.
      if (anchoring === 'no scroll anchoring') await page.addStyleTag({ content: '* { overflow-anchor: none !important; }' });
      // Scroll as a reader does, with the wheel, to a third of the way into 南通's brief.
      await page.mouse.move(640, 500);
      const target = await page.evaluate(() => {
        const view = document.querySelector('.briefs-view');
        const brief = view.querySelector('.brief[data-adcode="320600"]');
        const edge = view.getBoundingClientRect().top;
        return brief.getBoundingClientRect().top - edge + brief.getBoundingClientRect().height / 3;
      });
      await page.mouse.wheel(0, target);
      await page.waitForFunction((want) => Math.abs(document.querySelector('.briefs-view').scrollTop - want) < 2, target);
      for (const lang of ['en', 'zh-CN']) {
        const before = await readingPlace(page);
        assert.equal(before.adcode, '320600', JSON.stringify(before));
        await switchTo(page, lang);
        await painted(page);
        const after = await readingPlace(page);
        assert.equal(after.adcode, before.adcode, `the same brief on top: ${JSON.stringify({ before, after })}`);
        assert.ok(Math.abs(after.into - before.into) < 0.05, `as far into it: ${JSON.stringify({ before, after })}`);
        assert.notEqual(after.scrollTop, before.scrollTop, 'the briefs above changed height');
      }
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
});
