// Each part of the page follows only what it shows: a city click leaves the industry panel's
// elements in place, an industry switch the city panel's, a language switch rewrites the panels'
// texts in place, and the presenter's map stays the same element across slides (hidden, not
// removed, on the targets slide). Elements are kept as references in the page and compared by
// identity after the change.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nextFrame, openAtlas, readBundle, slideTitles, targetsSlide, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();
const COUNT = slideTitles(readBundle()).length;

/**
 * Keeps the first element matching each selector, by name, in the page, and records every DOM
 * change (element, attribute, text) inside each of them from now on.
 */
function keep(page, selectors) {
  return page.evaluate((s) => {
    window.kept = {};
    window.changes = [];
    for (const [name, selector] of Object.entries(s)) {
      const element = document.querySelector(selector);
      if (!element) return false;
      window.kept[name] = element;
      new MutationObserver((records) => {
        for (const r of records) window.changes.push(`${name}: ${r.type} ${r.attributeName ?? ''} in ${r.target.nodeName}`);
      }).observe(element, { subtree: true, childList: true, attributes: true, characterData: true });
    }
    return true;
  }, selectors);
}

/**
 * Once a frame is painted: for each kept element, whether it is still in the page and still the
 * first match of its selector; and the DOM changes recorded inside them so far.
 */
async function afterChange(page, selectors) {
  await nextFrame(page);
  return page.evaluate((s) => ({
    kept: Object.fromEntries(Object.entries(s).map(([name, selector]) => {
      const element = window.kept[name];
      return [name, element.isConnected && document.querySelector(selector) === element];
    })),
    changes: window.changes.splice(0),
  }), selectors);
}

const allKept = (selectors) => Object.fromEntries(Object.keys(selectors).map((name) => [name, true]));

describe('panels subscribe only to what they show', () => {
  test('selecting a city leaves the industry panel untouched, but for marking the statement quoted above', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?industry=new_energy');
    await page.locator('.industry-details[data-industry="new_energy"]').waitFor();
    const industry = { panel: '.industry-details', heading: '.industry-details .industry-name', chip: '.industry-details .place-chip' };
    assert.ok(await keep(page, industry));
    // 南京's panel quotes its solar sentence as its answer, so the industry panel cites that
    // sentence's first statement (无锡's focus) instead: one attribute. Its second (the support of
    // 南京 and others) cites it already, as the panel quotes one sentence once; 南通 has no role in
    // new energy, and the first is quoted again.
    const marks = ['panel: attributes data-quoted-above in LI'];
    for (const [adcode, changes] of [['320100', marks], ['320600', marks]]) {
      await page.click(`path.city[data-adcode="${adcode}"]`);
      await page.locator(`.city-details[data-adcode="${adcode}"]`).waitFor();
      assert.deepEqual(await afterChange(page, industry), { kept: allKept(industry), changes }, `after selecting ${adcode}`);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('switching industry changes only the city panel\'s answer: its heading, buttons and context stay', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?city=320200');
    await page.locator('.city-details[data-adcode="320200"]').waitFor();
    const city = { heading: '.city-details .city-name', actions: '.city-details .place-actions', context: '.city-details .place-context' };
    assert.ok(await keep(page, city));
    for (const industry of ['new_energy', 'iot_cloud']) {
      await page.selectOption('#industry-picker', `industry:${industry}`);
      await page.locator(`.industry-details[data-industry="${industry}"]`).waitFor();
      assert.deepEqual(await afterChange(page, city), { kept: allKept(city), changes: [] }, `after choosing ${industry}`);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('switching industry only moves the picker\'s value; a language switch rewrites its options and keeps the choice', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?industry=new_energy');
    await page.locator('.industry-details[data-industry="new_energy"]').waitFor();
    const picker = { picker: '#industry-picker' };
    assert.ok(await keep(page, picker));
    const shown = {
      'industry:iot_cloud': () => document.querySelector('.industry-details[data-industry="iot_cloud"]'),
      'field:solar_pv': () => new URLSearchParams(location.search).get('field') === 'solar_pv',
      '': () => !document.querySelector('.industry-details'),
    };
    for (const [value, done] of Object.entries(shown)) {
      await page.selectOption('#industry-picker', value);
      await page.waitForFunction(done);
      assert.deepEqual(await afterChange(page, picker), { kept: allKept(picker), changes: [] }, `after choosing "${value}"`);
    }
    await page.selectOption('#industry-picker', 'industry:biotech_medicine');
    await page.locator('.industry-details[data-industry="biotech_medicine"]').waitFor();
    await afterChange(page, picker);
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const { kept, changes } = await afterChange(page, picker);
    assert.deepEqual(kept, allKept(picker));
    assert.ok(changes.length > 0 && changes.every((c) => c === 'picker: childList  in SELECT'), changes.join('\n'));
    assert.equal(await page.inputValue('#industry-picker'), 'industry:biotech_medicine');
    assert.equal(await page.$eval('#industry-picker', (s) => s.selectedOptions[0].textContent), 'Biotechnology and new medicine');
    // A choice made elsewhere after the options were rewritten moves the select too: the
    // panel's close button, then Back.
    await page.click('.industry-details .close');
    await page.waitForFunction(() => !document.querySelector('.industry-details'));
    assert.equal(await page.inputValue('#industry-picker'), '');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('industry'));
    await page.goBack();
    await page.locator('.industry-details[data-industry="biotech_medicine"]').waitFor();
    assert.equal(await page.inputValue('#industry-picker'), 'industry:biotech_medicine');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a language switch rewrites the panels\' texts in place', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?city=320200&industry=iot_cloud');
    await page.locator('.industry-details[data-industry="iot_cloud"]').waitFor();
    const lists = { heading: '.city-details .city-name', roles: '.city-details .roles', statements: '.industry-details .statements' };
    assert.ok(await keep(page, lists));
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.querySelector('.city-details .city-name')?.textContent.startsWith('Wuxi'));
    const { kept, changes } = await afterChange(page, lists);
    assert.deepEqual(kept, allKept(lists));
    const notText = changes.filter((c) => !c.includes('characterData') && c !== 'heading: attributes lang in SPAN');
    assert.deepEqual(notText, [], 'only texts and the other name\'s lang change');
    assert.ok(changes.some((c) => c.startsWith('roles: characterData')) && changes.some((c) => c.startsWith('statements: characterData')));
    assert.equal(await page.getAttribute('.city-details .city-name .name-en', 'lang'), 'zh');
    assert.equal(await page.textContent('.city-details .city-name .name-en'), '无锡市');
    assert.ok((await page.textContent('.industry-details .industry-name')).startsWith('Internet of Things and cloud computing'));
    assert.ok((await page.textContent('.city-details .roles')).includes('Signature industry'));
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('the presenter keeps its map across slides', () => {
  /** Presses `key` and waits until slide `n` is shown. */
  async function turnTo(page, key, n) {
    await page.keyboard.press(key);
    await page.waitForFunction(([k, all]) => document.querySelector('.slide-counter')?.textContent === `${k} / ${all}`, [n, COUNT]);
  }

  test('svg.map-svg is the same element on slides 2 and 3, hidden on the targets slide, and back', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?slide=2', { viewport: { width: 1920, height: 1080 } });
    await nextFrame(page);
    const map = { svg: 'svg.map-svg' };
    assert.ok(await keep(page, map));
    await turnTo(page, 'ArrowRight', 3);
    assert.deepEqual((await afterChange(page, map)).kept, allKept(map), 'slide 3');
    await page.keyboard.type(String(targetsSlide()));
    await turnTo(page, 'Enter', targetsSlide());
    await page.locator('.slide-charts img.chart').first().waitFor();
    assert.deepEqual((await afterChange(page, map)).kept, allKept(map), 'targets slide');
    assert.equal(await page.locator('svg.map-svg').isVisible(), false, 'the map is hidden under the charts');
    await turnTo(page, 'ArrowLeft', targetsSlide() - 1);
    assert.deepEqual((await afterChange(page, map)).kept, allKept(map), 'back from the targets slide');
    assert.equal(await page.locator('svg.map-svg').isVisible(), true);
    await turnTo(page, 'Home', 1);
    await page.keyboard.type('3');
    await turnTo(page, 'Enter', 3);
    assert.deepEqual((await afterChange(page, map)).kept, allKept(map), 'slide 3 again');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
