// Browser tests of the drill-down into a city's counties, against the built release site: by
// mouse and by keyboard, the counties drawn and selectable, the link round trip, Esc and the
// trail back, the county layer fetched only on the first drill, and its error panels while the
// province map keeps working; the water drawn over the counties without taking their clicks. Prints the drill-in and back times (median of several).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, ROOT, appStarted, openAtlas, overlaps, useBrowserAndSite } from './harness.mjs';

const layer = JSON.parse(await readFile(join(DIST, 'assets', 'counties.json'), 'utf8'));
const bundle = JSON.parse(await readFile(join(DIST, 'assets', 'atlas.json'), 'utf8'));
const countiesOf = (city) => layer.counties.filter((c) => c.city === city);
const SUZHOU = '320500';
const WUXI = '320200';
const KUNSHAN = '320583';
const YIXING = '320282';

const env = useBrowserAndSite();

/** Opens the atlas at `query`. */
function open(query = '', viewport) {
  return openAtlas(env.browser, env.site.url + query, viewport ? { viewport } : undefined);
}

/** Opens the atlas and records every request for the county layer in `page.countyRequests`. */
async function openCounting(query = '') {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.countyRequests = [];
  page.on('request', (r) => {
    if (/\/counties\.([0-9a-f]{16}\.)?json$/.test(new URL(r.url()).pathname)) page.countyRequests.push(r.url());
  });
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  await page.goto(env.site.url + query);
  await page.waitForFunction(() => !document.getElementById('prerendered')
    && document.querySelectorAll('path.city').length === 13);
  return page;
}

/** Waits until the drilled map shows `city` with all its counties. */
async function drilledInto(page, city) {
  await page.waitForFunction(
    ([city, count]) => {
      const svg = document.querySelector('.drill-canvas:not([hidden]) #atlas-drill-map');
      return svg?.dataset.city === city
        && svg.querySelectorAll('path.county[role="button"]').length === count
        && document.querySelector('.map').classList.contains('drilled');
    },
    [city, countiesOf(city).length],
  );
}

/** Waits until the province map is back. */
async function backToProvince(page) {
  await page.waitForFunction(() => !document.querySelector('.map').classList.contains('drilled')
    && document.querySelector('.drill-canvas').hidden
    && !document.querySelector('.map-canvas').inert);
}

// The address as the page has it now (Playwright's page.url() follows history.replaceState only
// when the browser's event about it has arrived, which may be later).
const query = (page) => page.evaluate(() => location.search);

/**
 * Clicks (or double-clicks) a city of the province map where its label is drawn: inside its
 * outline, where the centre of its bounding box may lie in a neighbour.
 */
async function onCity(page, adcode, action = 'click') {
  const b = await page.$eval(`#atlas-map text.city-label[data-adcode="${adcode}"]`, (t) => t.getBoundingClientRect().toJSON());
  await page.mouse[action](b.left + b.width / 2, b.top + b.height / 2);
}

describe('drilling down into a city', () => {
  test('a double click drills into 苏州, fetching the county layer only then', async () => {
    const page = await openCounting('?industry=next_gen_it');
    // Selecting cities and changing the view fetch no counties.
    await onCity(page, WUXI);
    await page.waitForFunction(() => location.search.includes('city=320200'));
    assert.deepEqual(page.countyRequests, [], 'no county layer before the first drill');
    const start = await page.evaluate(() => performance.now());
    await onCity(page, SUZHOU, 'dblclick');
    await drilledInto(page, SUZHOU);
    const first = await page.evaluate((start) => ({
      drilled: performance.now() - start,
      fetch: performance.getEntriesByType('resource').find((e) => /\/counties\.([0-9a-f]{16}\.)?json$/.test(new URL(e.name).pathname))?.duration,
    }), start);
    console.log(`first drill into 苏州 (fetch, parse and check the county layer, then draw), ms: ${JSON.stringify(first)}`);
    assert.equal(page.countyRequests.length, 1, 'fetched once on the first drill');
    const names = await page.$$eval('#atlas-drill-map path.county', (ps) => ps.map((p) => p.getAttribute('aria-label')));
    for (const county of countiesOf(SUZHOU)) {
      assert.ok(names.some((n) => n.startsWith(`${county.name_zh} ${county.name_en}`)), `${county.name_zh} drawn`);
    }
    const kunshan = await page.getAttribute(`#atlas-drill-map path.county[data-adcode="${KUNSHAN}"]`, 'aria-label');
    assert.match(kunshan, /^昆山市 Kunshan，县级市，苏州市；昆山市：重点$/);
    assert.match(await page.textContent('.breadcrumb'), /江苏\s*›\s*苏州市/);
    assert.ok(await page.$eval('.map-canvas', (c) => c.inert), 'the province map is inert under it');
    // 昆山 is selectable with the mouse; the link names it and the trail shows it.
    await page.click(`#atlas-drill-map path.county[data-adcode="${KUNSHAN}"]`);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('county') === '320583');
    assert.equal(await page.getAttribute(`#atlas-drill-map path.county[data-adcode="${KUNSHAN}"]`, 'aria-pressed'), 'true');
    assert.match(await page.textContent('.breadcrumb'), /苏州市\s*›\s*昆山市/);
    // Back with the trail: the province map, the county layer kept.
    await page.click('.breadcrumb .crumb.province');
    await backToProvince(page);
    // The city stays selected, the county is let go.
    await page.waitForFunction((city) => {
      const params = new URLSearchParams(location.search);
      return params.get('city') === city && params.get('county') === null;
    }, SUZHOU);
    await onCity(page, WUXI, 'dblclick');
    await drilledInto(page, WUXI);
    assert.equal(page.countyRequests.length, 1, 'the layer is fetched once');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('Enter on the selected city drills into 无锡; 宜兴 is reached with Tab and chosen with Enter; Esc returns', async () => {
    const page = await open();
    await page.focus(`#atlas-map path.city[data-adcode="${WUXI}"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('city') === '320200');
    await page.keyboard.press('Enter');
    await drilledInto(page, WUXI);
    await page.waitForFunction(() => document.activeElement?.matches('#atlas-drill-map path.county'));
    let reached = false;
    for (let i = 0; i < countiesOf(WUXI).length && !reached; i++) {
      reached = await page.evaluate((c) => document.activeElement?.dataset.adcode === c, YIXING);
      if (!reached) await page.keyboard.press('Tab');
    }
    assert.ok(reached, 'Tab reaches 宜兴 among 无锡\'s counties');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('county') === '320282');
    assert.equal(
      await page.evaluate(() => document.activeElement?.dataset.adcode),
      YIXING,
      'the focus stays on 宜兴 after the map is redrawn',
    );
    // Esc steps up one level at a time, as the trail and Back do: first 宜兴 is let go, 无锡 stays
    // drilled and the focus stays on 宜兴; then the province.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URLSearchParams(location.search).get('county'));
    assert.equal(new URLSearchParams(await query(page)).get('drill'), '1', 'still drilled into 无锡');
    assert.ok(await page.locator('#atlas-drill-map').isVisible(), 'the drilled map is still shown');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.adcode), YIXING, 'focus stays on 宜兴');
    await page.keyboard.press('Escape');
    await backToProvince(page);
    // The focus moves in the frame after the drilled map hides: wait for it to land on 无锡.
    await page.waitForFunction((c) => document.activeElement?.matches(`#atlas-map [data-adcode="${c}"]`), WUXI);
    const params = new URLSearchParams(await query(page));
    assert.equal(params.get('city'), WUXI);
    assert.equal(params.get('county'), null);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('Enter drills into 无锡 before the drilled map\'s code has arrived (no idle prefetch, its file held until the counties are in): the focus lands on a county once it is drawn', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/\/split_drill\.[0-9a-f]+\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(env.site.url);
    await page.waitForFunction(appStarted);
    await page.focus(`#atlas-map path.city[data-adcode="${WUXI}"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('city') === '320200');
    const counties = page.waitForResponse((r) => /\/counties\.[0-9a-f]+\.json$/.test(r.url()));
    await page.keyboard.press('Enter');
    await (await counties).finished();
    // The counties are in and the drilled map's code is not: the line saying it is on its way.
    await page.waitForSelector('.map .chunk-loading');
    release();
    await drilledInto(page, WUXI);
    await page.waitForFunction(() => document.activeElement?.matches('#atlas-drill-map path.county'));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the link ?city=320500&county=320583 opens drilled with 昆山 selected, and stays that link', async () => {
    const page = await open(`?city=${SUZHOU}&county=${KUNSHAN}`);
    await drilledInto(page, SUZHOU);
    assert.equal(await page.getAttribute(`#atlas-drill-map path.county[data-adcode="${KUNSHAN}"]`, 'aria-pressed'), 'true');
    assert.equal(await page.$$eval('#atlas-drill-map [aria-pressed="true"]', (e) => e.length), 1);
    const params = new URLSearchParams(await query(page));
    assert.equal(params.get('city'), SUZHOU);
    assert.equal(params.get('county'), KUNSHAN);
    await page.reload();
    await drilledInto(page, SUZHOU);
    assert.equal(await page.getAttribute(`#atlas-drill-map path.county[data-adcode="${KUNSHAN}"]`, 'aria-pressed'), 'true');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('drilled 苏州 draws 太湖 and 阳澄湖 over its counties, taking no click: 昆山 under 阳澄湖 still selects', async () => {
    const page = await open(`?city=${SUZHOU}&drill=1`);
    await drilledInto(page, SUZHOU);
    const lake = (zh) => bundle.water.features.findIndex((f) => f.properties.name_zh === zh);
    const water = await page.$$eval('#atlas-drill-map .water path', (paths) => paths.map((p) => ({
      index: p.dataset.water,
      events: getComputedStyle(p).pointerEvents,
      fill: getComputedStyle(p).fill,
      hidden: p.closest('[aria-hidden="true"]') !== null,
    })));
    for (const zh of ['太湖', '阳澄湖']) {
      const drawn = water.find((w) => w.index === String(lake(zh)));
      assert.ok(drawn, `${zh} drawn`);
      assert.equal(drawn.events, 'none', `${zh} takes no pointer`);
      assert.ok(drawn.hidden, `${zh} is hidden from screen readers`);
      assert.notEqual(drawn.fill, 'none', `${zh} is filled`);
    }
    const names = await page.$$eval('#atlas-drill-map text.water-label', (t) => t.map((e) => e.textContent));
    assert.ok(names.includes('太湖') && names.includes('阳澄湖'), names.join());
    // A point of 阳澄湖 over 昆山: the click goes through the water to the county.
    const spot = await page.evaluate(([index, kunshan]) => {
      const lakePath = document.querySelector(`#atlas-drill-map .water path[data-water="${index}"]`);
      const b = lakePath.getBoundingClientRect();
      const county = document.querySelector(`#atlas-drill-map path.county[data-adcode="${kunshan}"]`);
      const svg = lakePath.ownerSVGElement;
      for (let x = b.left + 1; x < b.right; x += 2) {
        for (let y = b.top + 1; y < b.bottom; y += 2) {
          const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM().inverse());
          if (lakePath.isPointInFill(p) && county.isPointInFill(p)) return { x, y };
        }
      }
      return null;
    }, [lake('阳澄湖'), KUNSHAN]);
    assert.ok(spot, '阳澄湖 reaches into 昆山');
    await page.mouse.click(spot.x, spot.y);
    await page.waitForFunction((k) => new URLSearchParams(location.search).get('county') === k, KUNSHAN);
    assert.equal(await page.getAttribute(`#atlas-drill-map path.county[data-adcode="${KUNSHAN}"]`, 'aria-pressed'), 'true');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('drawn county labels overlap neither each other nor a marker, in both languages', async () => {
    for (const [lang, city, width] of [['zh', SUZHOU, 1280], ['en', SUZHOU, 390], ['en', WUXI, 1280], ['zh', WUXI, 390]]) {
      const page = await open(`?lang=${lang}&city=${city}&drill=1`, { width, height: 800 });
      await drilledInto(page, city);
      const { labels, markers } = await page.evaluate(() => {
        const box = (e) => e.getBoundingClientRect().toJSON();
        return {
          labels: [...document.querySelectorAll('#atlas-drill-map text')].map((t) => ({ text: t.textContent, ...box(t) })),
          markers: [...document.querySelectorAll('#atlas-drill-map .places circle, #atlas-drill-map .base-marker')].map(box),
        };
      });
      assert.ok(labels.length >= countiesOf(city).length - 1, `${lang} ${width}: counties named (${labels.length})`);
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) assert.ok(!overlaps(a, b, 1), `${lang} ${width}: ${a.text} overlaps ${b.text}`);
        for (const m of markers) assert.ok(!overlaps(a, m, 1), `${lang} ${width}: ${a.text} covers a marker`);
      }
      await page.close();
    }
  });
});

describe('the drilled map in exports and for assistive technology', () => {
  test('SVG and PNG exports draw the drilled city, with title and credit line', async () => {
    const page = await open(`?industry=energy_saving&city=${WUXI}&county=${YIXING}`);
    await drilledInto(page, WUXI);
    const download = async (selector) => {
      await page.click('.export-menu summary');
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
    };
    const svg = await download('.export-svg');
    assert.equal(svg.name, `jiangsu-atlas-${WUXI}-energy_saving.svg`);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
      return {
        counties: [...doc.querySelectorAll('path.county')].map((p) => p.dataset.adcode),
        buttons: doc.querySelectorAll('[tabindex]').length,
        title: doc.querySelector('text.title').textContent,
        credit: doc.querySelector('text.map-warning').textContent,
        yixing: doc.querySelector('circle[data-county="320282"]').getAttribute('fill'),
        bases: doc.querySelectorAll('path.base-marker').length,
        legend: [...doc.querySelectorAll('g.legend text')].map((t) => t.textContent),
      };
    }, svg.bytes.toString('utf8'));
    assert.equal(parsed.error, undefined);
    assert.deepEqual(parsed.counties, countiesOf(WUXI).map((c) => c.adcode));
    assert.equal(parsed.buttons, 0);
    assert.equal(parsed.title, '无锡 · 节能环保');
    assert.equal(parsed.credit, (await page.textContent('.map-warning')).trim(), 'the warning line under the map');
    assert.equal(parsed.yixing, 'url(#drill-pattern-focus)', '宜兴 is a focus of 节能环保');
    assert.equal(parsed.bases, 1, 'the environmental park, the one base of 节能环保 in 无锡');
    const others = countiesOf(WUXI).length - 1;
    assert.deepEqual(parsed.legend, ['县（市、区）的布局角色', '重点 (1)', `未点名 (${others})`, '县级市 (1)', '产业基地 (1)'],
      'the drilled export has a legend of its counties: 宜兴 its own focus, the others not named');
    const png = await download('.export-png >> nth=0');
    assert.equal(png.name, `jiangsu-atlas-${WUXI}-energy_saving.1x.png`);
    assert.deepEqual([...png.bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('axe-core finds no serious or critical violation on the drilled map', async () => {
    for (const query of [`?city=${SUZHOU}&county=${KUNSHAN}&industry=next_gen_it`, `?lang=en&city=${WUXI}&drill=1`]) {
      const page = await open(query);
      await page.waitForSelector('#atlas-drill-map');
      await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      assert.deepEqual(serious, [], query);
      await page.close();
    }
  });
});

describe('when the county layer cannot be used', () => {
  for (const [kind, fulfil, message] of [
    ['missing (404)', (route) => route.fulfill({ status: 404, body: 'not found' }), /404/],
    ['truncated', async (route) => {
      const text = await readFile(join(DIST, 'assets', 'counties.json'), 'utf8');
      return route.fulfill({ status: 200, contentType: 'application/json', body: text.slice(0, text.length / 2) });
    }, /county layer \(counties\.json\) is not valid JSON.*cut short; upload it again in full/],
  ]) {
    test(`a ${kind} county file gives its error panel and the province map still works`, async () => {
      const page = await open();
      await page.route('**/assets/counties.*json', fulfil);
      await onCity(page, SUZHOU, 'dblclick');
      await page.waitForSelector('.counties-error[role="alert"]');
      const detail = await page.textContent('.counties-error .detail');
      assert.match(detail, message);
      assert.doesNotMatch(detail, /data bundle/, 'it speaks of the county file, not the bundle');
      assert.match(await page.textContent('.counties-error'), /区县图层无法使用/);
      assert.equal(await page.$('#atlas-drill-map'), null, 'no drilled map');
      assert.ok(!(await page.$eval('.map-canvas', (c) => c.inert)), 'the province map is live');
      await page.click('.counties-error button.back');
      await page.waitForFunction(() => !document.querySelector('.counties-error'));
      await page.waitForFunction(() => new URLSearchParams(location.search).get('drill') === null);
      // Drilled again, the panel says so again, and the province map still selects.
      await onCity(page, SUZHOU, 'dblclick');
      await page.waitForSelector('.counties-error[role="alert"]');
      await onCity(page, '320100');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('city') === '320100');
      assert.equal(await page.getAttribute('#atlas-map path.city[data-adcode="320100"]', 'aria-pressed'), 'true');
      await page.close();
    });
  }

  test('after a network failure the next drill-down fetches the county file again, and works', async () => {
    const page = await open();
    let requests = 0;
    await page.route('**/assets/counties.*json', (route) => {
      requests += 1;
      return requests === 1 ? route.abort('failed') : route.continue();
    });
    await onCity(page, SUZHOU, 'dblclick');
    await page.waitForSelector('.counties-error[role="alert"]');
    await page.click('.counties-error button.back');
    await page.waitForFunction(() => !document.querySelector('.counties-error'));
    await onCity(page, SUZHOU, 'dblclick');
    await drilledInto(page, SUZHOU);
    assert.equal(requests, 2, 'one failed fetch, one that worked');
    await page.close();
  });
});

describe('timing', () => {
  test('drill-in to 苏州 and back once its data has arrived (median of 7)', async () => {
    const page = await open(`?city=${SUZHOU}&drill=1`);
    await drilledInto(page, SUZHOU);
    await page.keyboard.press('Escape');
    await backToProvince(page);
    const times = await page.evaluate(async ([suzhou, wuxi]) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const until = (cond) => new Promise((resolve) => {
        const check = () => (cond() ? resolve(performance.now()) : requestAnimationFrame(check));
        check();
      });
      // Work: from the event to the updated DOM laid out; paint: to the start of the frame after
      // the one that shows it (so that frame has been painted).
      const measure = async (act, cond) => {
        await frame();
        const start = performance.now();
        let work = null;
        const observer = new MutationObserver(() => {
          if (work === null && cond()) {
            document.body.getBoundingClientRect();
            work = performance.now() - start;
          }
        });
        observer.observe(document.querySelector('.map'), { subtree: true, childList: true, attributes: true });
        act();
        await until(cond);
        const painted = await new Promise((r) => requestAnimationFrame(() => r(performance.now())));
        observer.disconnect();
        return { work: work ?? painted - start, paint: painted - start };
      };
      const inside = (city) => () => document.querySelector('.map').classList.contains('drilled')
        && document.querySelector('#atlas-drill-map')?.dataset.city === city
        && !document.querySelector('.drill-canvas').hidden;
      const outside = () => !document.querySelector('.map').classList.contains('drilled');
      const dblclick = (city) => () => document.querySelector(`#atlas-map path.city[data-adcode="${city}"]`)
        .dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      const escape = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      const runs = { first: [], again: [], back: [] };
      for (let i = 0; i < 7; i++) {
        // 无锡 in between, so that each drill into 苏州 draws it afresh.
        await measure(dblclick(wuxi), inside(wuxi));
        await measure(escape, outside);
        runs.first.push(await measure(dblclick(suzhou), inside(suzhou)));
        runs.back.push(await measure(escape, outside));
        runs.again.push(await measure(dblclick(suzhou), inside(suzhou)));
        await measure(escape, outside);
      }
      return runs;
    }, [SUZHOU, WUXI]);
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const report = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, {
      work: Number(median(v.map((t) => t.work)).toFixed(1)),
      paint: Number(median(v.map((t) => t.paint)).toFixed(1)),
    }]));
    console.log(`drill timing, ms, median of 7 (first: 苏州 drawn afresh; again: drawn before): ${JSON.stringify(report)}`);
    for (const [kind, { work }] of Object.entries(report)) assert.ok(work < 100, `${kind}: ${work} ms of work`);
    await page.close();
  });
});
