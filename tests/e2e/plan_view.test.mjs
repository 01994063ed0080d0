// The plan reading view (?view=plan) in the real browser: links to paragraphs round-trip, the map
// beside the text follows the paragraph in view (its roles and highlighted places computed here from
// the bundle and plan.json, not written down), mentions and the map's cities list the paragraphs
// naming a place and step through them, search marks and counts matches, an unknown p= falls back
// with a notice, "show in plan" opens the view at the quote, a paragraph copies as the plan's words,
// it prints as a clean A4 document, axe-core finds nothing serious, and a 320 px phone does not
// scroll sideways.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST, ROOT, boxOf, openAtlas, overlaps, readBundle, useBrowserAndSite } from './harness.mjs';

const run = promisify(execFile);
const env = useBrowserAndSite();
const bundle = readBundle();
const plan = JSON.parse(await readFile(join(DIST, 'assets', 'plan.json'), 'utf8'));
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * The paragraphs as the view shows them (sentences and clauses, numbered), each with the heading
 * it stands under and its byte range in the plan text, as plan.json's mention offsets count;
 * read once from the page, and checked to cover the whole plan text in order.
 */
let PARAGRAPHS = [];
let reading = null;
/** Reads the paragraphs from the page the first time a test needs them. */
function readParagraphs() {
  reading ??= readFromPage();
  return reading;
}
async function readFromPage() {
  const page = await env.browser.newPage();
  await page.goto(`${env.site.url}?view=plan`);
  await page.locator('.plan-text .plan-para').first().waitFor();
  const shown = await page.evaluate(() => {
    const list = [];
    let heading = '';
    for (const block of document.querySelector('.plan-text').children) {
      if (/^H[23]$/.test(block.tagName)) heading = block.textContent;
      for (const p of block.querySelectorAll('.plan-para')) list.push({ number: Number(p.dataset.p), text: p.textContent, heading });
    }
    return list;
  });
  await page.close();
  const encoder = new TextEncoder();
  let from = 0;
  PARAGRAPHS = shown.map((p) => {
    const at = plan.text.indexOf(p.text, from);
    assert.ok(at >= 0, `paragraph ${p.number} is the plan's text`);
    assert.equal(plan.text.slice(from, at).trim(), '', `nothing of the plan is left out before paragraph ${p.number}`);
    from = at + p.text.length;
    const start = encoder.encode(plan.text.slice(0, at)).length;
    return { ...p, start, end: start + encoder.encode(p.text).length };
  });
  assert.equal(plan.text.slice(from).trim(), '');
  assert.deepEqual(PARAGRAPHS.map((p) => p.number), PARAGRAPHS.map((_, i) => i + 1));
}

/** The number of pixels of a binary PPM image (P6, 8 bits), from its header. */
function countPixels(image) {
  const [, width, height] = image.subarray(0, 40).toString('latin1').match(/^P6\s+(\d+)\s+(\d+)\s+255\s/) ?? [];
  assert.ok(width && height, 'a P6 image');
  return Number(width) * Number(height);
}

/** The mentions inside a paragraph. */
const mentionsIn = (p) => plan.mentions.filter((m) => m.at >= p.start && m.at < p.end);

/** The paragraph whose text starts with `prefix`. */
const paragraphStarting = (prefix) => {
  const found = PARAGRAPHS.find((p) => p.text.startsWith(prefix));
  assert.ok(found, `the plan has a paragraph starting ${prefix}`);
  return found;
};

/** What the map should show for a paragraph, from its mentions: one industry (and one field) or none, and its places. */
function expectedFocus(paragraph) {
  const mentions = mentionsIn(paragraph);
  const industries = new Set();
  const fields = new Set();
  for (const m of mentions) {
    if (m.target.kind === 'industry') industries.add(m.target.id);
    if (m.target.kind === 'field') {
      fields.add(m.target.id);
      industries.add(bundle.fields.find((f) => f.id === m.target.id).industry);
    }
  }
  const industry = industries.size === 1 ? [...industries][0] : '';
  const field = industry && fields.size === 1 ? [...fields][0] : '';
  const places = [...new Set(mentions.filter((m) => m.target.kind === 'city' || m.target.kind === 'place').map((m) => m.target.id))].sort();
  return { industry, field, places };
}

/** The paragraphs of §四(二) that speak of one industry (its layout statements). */
const layoutStatements = () => PARAGRAPHS.filter((p) => p.heading.startsWith('（二）重点支持区域') && expectedFocus(p).industry);

/** The strongest role of each place under an industry or a field, as the map colours it. */
function strongestRoles({ industry, field }) {
  const order = ['signature', 'focus', 'support', 'pilot'];
  const roles = new Map();
  for (const fact of bundle.roles) {
    if (field ? fact.field !== field : fact.industry !== industry) continue;
    const before = roles.get(fact.place);
    if (!before || order.indexOf(fact.role) < order.indexOf(before)) roles.set(fact.place, fact.role);
  }
  return roles;
}

/** Opens the plan view with `params` (built with URLSearchParams) and waits for its text and map. */
async function openPlan(params, viewport) {
  const query = `?${new URLSearchParams({ view: 'plan', ...params })}`;
  const page = await openAtlas(env.browser, env.site.url + query, viewport ? { viewport } : undefined);
  await page.locator('.plan-text .plan-para').first().waitFor();
  await page.locator('.plan-map svg path.city').first().waitFor();
  return page;
}

/** Whether paragraph `n` lies (at least partly) in the visible part of the text. */
const inView = (page, n) => page.evaluate((n) => {
  const r = document.getElementById(`plan-p-${n}`).getBoundingClientRect();
  const column = document.querySelector('.plan-reader').getBoundingClientRect();
  return r.bottom > Math.max(column.top, 0) && r.top < Math.min(column.bottom, innerHeight);
}, n);

/** What the map beside the text shows: its topic, highlighted places and each city's role word. */
const mapShows = (page) => page.evaluate(() => {
  const svg = document.querySelector('.plan-map svg');
  return {
    industry: svg.getAttribute('data-industry'),
    field: svg.getAttribute('data-field'),
    highlighted: [...svg.querySelectorAll('[data-adcode].plan-focus')].map((e) => e.getAttribute('data-adcode')).sort(),
    roles: Object.fromEntries([...svg.querySelectorAll('path.city')].map((e) => [e.getAttribute('data-adcode'), e.getAttribute('data-role')])),
  };
});

describe('links to paragraphs', () => {
  test('a link built with URLSearchParams opens its paragraph highlighted and in view; another paragraph link puts its p in the address', async () => {
    await readParagraphs();
    const n = layoutStatements()[0].number;
    const page = await openPlan({ p: String(n) });
    await page.locator(`#plan-p-${n}.plan-target`).waitFor();
    await page.waitForFunction((n) => {
      const r = document.getElementById(`plan-p-${n}`).getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight / 2;
    }, n);
    assert.equal(await page.locator('.plan-para').count(), PARAGRAPHS.length);
    const other = paragraphStarting('（一）新能源产业').number;
    const link = page.locator(`#plan-p-${other} .plan-share`);
    assert.equal(await link.getAttribute('aria-label'), `第 ${other} 段的链接`);
    assert.equal(new URL(await link.getAttribute('href'), env.site.url).searchParams.get('p'), String(other));
    await link.focus();
    await link.press('Enter');
    await page.waitForFunction((p) => new URLSearchParams(location.search).get('p') === p, String(other));
    await page.locator(`#plan-p-${other}.plan-target`).waitFor();
    assert.ok(await inView(page, other));
    // The marks moved: one paragraph chosen, one being read.
    assert.equal(await page.locator('.plan-para.plan-target').count(), 1);
    assert.equal(await page.locator('.plan-para.plan-reading').count(), 1);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('each paragraph of part 四 scrolled to the top of the text is the one in view, where it was put', async () => {
    const page = await openPlan({});
    const numbers = await page.$$eval('.plan-para', (ps) => {
      const start = ps.findIndex((p) => p.textContent.startsWith('四、'));
      const end = ps.findIndex((p, i) => i > start && /^[五六七八九十]、/.test(p.textContent));
      return ps.slice(start, end).map((p) => p.dataset.p);
    });
    assert.ok(numbers.length > 10, `part 四 has ${numbers.length} paragraphs`);
    for (const n of numbers) {
      const put = await page.evaluate((n) => {
        const paragraph = document.getElementById(`plan-p-${n}`);
        paragraph.scrollIntoView({ block: 'start' });
        return paragraph.getBoundingClientRect().top;
      }, n);
      await page.waitForFunction((n) => document.getElementById(`plan-p-${n}`).classList.contains('plan-reading'), n, { timeout: 5000 })
        .catch(() => assert.fail(`paragraph ${n} scrolled to the top is not the one in view`));
      const now = await page.$eval(`#plan-p-${n}`, (p) => p.getBoundingClientRect().top);
      assert.ok(Math.abs(now - put) < 1, `paragraph ${n} stayed where it was scrolled to (${put} -> ${now})`);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('an unknown p= falls back to the start with a notice', async () => {

    await readParagraphs();
    const page = await openPlan({ p: '9999' });
    await page.locator('.notice-bar').waitFor();
    assert.match(await page.textContent('.notice-bar'), /p/);
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('p'));
    assert.ok(await inView(page, 1));
    await page.close();
  });
});

describe('the map follows the paragraph in view', () => {
  for (const which of [0, 1]) {
    test(`layout statement ${which + 1} of §四(二): its industry's roles, its places highlighted`, async () => {
      await readParagraphs();
      const statements = layoutStatements();
      assert.ok(statements.length >= 2, '§四(二) has layout statements');
      const paragraph = statements[which];
      const expected = expectedFocus(paragraph);
      const page = await openPlan({});
      const entries = await page.evaluate(() => history.length);
      await page.evaluate((n) => document.getElementById(`plan-p-${n}`).scrollIntoView({ block: 'start' }), paragraph.number);
      await page.locator(`#plan-p-${paragraph.number}.plan-reading`).waitFor();
      await page.waitForFunction((industry) => document.querySelector('.plan-map svg').getAttribute('data-industry') === industry, expected.industry);
      const shown = await mapShows(page);
      assert.equal(shown.industry, expected.industry);
      assert.equal(shown.field, expected.field);
      assert.deepEqual(shown.highlighted, expected.places);
      const roles = strongestRoles(expected);
      assert.ok(roles.size > 0);
      for (const [code, role] of Object.entries(shown.roles)) assert.equal(role, roles.get(code) ?? 'none', code);
      assert.match(await page.textContent('.plan-map-focus'), new RegExp(`第 ${paragraph.number} 段`));
      // Once the scrolling ends, the address names the paragraph, in place of the entry.
      await page.waitForFunction((p) => new URLSearchParams(location.search).get('p') === p, String(paragraph.number));
      assert.equal(await page.evaluate(() => history.length), entries, 'no history entry added by scrolling');
      await page.close();
    });
  }

  test('a paragraph naming no industry shows the zones, its places highlighted', async () => {

    await readParagraphs();
    const paragraph = PARAGRAPHS.find((p) => p.heading.startsWith('（二）重点支持区域') && !expectedFocus(p).industry && expectedFocus(p).places.length > 0);
    const page = await openPlan({});
    await page.evaluate((n) => document.getElementById(`plan-p-${n}`).scrollIntoView({ block: 'start' }), paragraph.number);
    await page.locator(`#plan-p-${paragraph.number}.plan-reading`).waitFor();
    const places = expectedFocus(paragraph).places;
    await page.waitForFunction((places) => JSON.stringify([...document.querySelectorAll('.plan-map [data-adcode].plan-focus')].map((e) => e.getAttribute('data-adcode')).sort()) === JSON.stringify(places), places);
    assert.ok(Object.values((await mapShows(page)).roles).every((r) => r === ''), 'coloured by zone');
    await page.close();
  });
});

describe('places: mentions and the map list the paragraphs naming them', () => {
  const naming = (code) => PARAGRAPHS.filter((p) => mentionsIn(p).some((m) => m.target.id === code && (m.target.kind === 'city' || m.target.kind === 'place'))).map((p) => p.number);

  test('clicking a city mention chooses it on the map and lists its paragraphs', async () => {

    await readParagraphs();
    const page = await openPlan({});
    const statement = layoutStatements()[0];
    const mention = page.locator(`#plan-p-${statement.number} .plan-mention[data-kind="city"]`).first();
    const text = await mention.textContent();
    const code = mentionsIn(statement).find((m) => m.target.kind === 'city' && m.name === text).target.id;
    await mention.click();
    await page.locator('.plan-places').waitFor();
    assert.equal(await page.locator('.plan-places ol li').count(), naming(code).length);
    assert.equal(await page.getAttribute(`.plan-map path.city[data-adcode="${code}"]`, 'aria-pressed'), 'true');
    await page.close();
  });

  test('choosing 苏州 on the map lists its paragraphs; next and previous jump between them', async () => {

    await readParagraphs();
    const page = await openPlan({});
    const code = bundle.cities.find((c) => c.name_zh.startsWith('苏州')).adcode;
    const expected = naming(code);
    assert.ok(expected.length >= 2, 'the plan names 苏州 in several paragraphs');
    await page.locator(`.plan-map path.city[data-adcode="${code}"]`).focus();
    await page.keyboard.press('Enter');
    await page.locator('.plan-places').waitFor();
    // The keyboard focus stays on the chosen city (the map is drawn anew beside the list), and the
    // live region names the place and the count.
    const name = bundle.cities.find((c) => c.adcode === code).name_zh;
    const heading = `提及${name}的段落：${expected.length} 段`;
    await page.waitForFunction(({ code, heading }) => document.activeElement?.getAttribute('data-adcode') === code
      && document.querySelector('.plan-announce[aria-live="polite"]')?.textContent === heading, { code, heading });
    await page.keyboard.press('Enter');
    await page.locator('.plan-places').waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');
    await page.locator('.plan-places').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-adcode')), code);
    const listed = await page.$$eval('.plan-places ol a', (as) => as.map((a) => new URL(a.href).searchParams.get('p')));
    assert.deepEqual(listed, expected.map(String));
    await page.click('.plan-places .plan-next');
    await page.locator(`#plan-p-${expected[0]}.plan-target`).waitFor();
    await page.click('.plan-places .plan-next');
    await page.locator(`#plan-p-${expected[1]}.plan-target`).waitFor();
    assert.ok(await inView(page, expected[1]));
    assert.equal(await page.textContent('.plan-places-position'), `2 / ${expected.length}`);
    assert.equal(await page.textContent('.plan-announce'), `${heading}，第 2 / ${expected.length} 段`);
    await page.click('.plan-places .plan-previous');
    await page.locator(`#plan-p-${expected[0]}.plan-target`).waitFor();
    await page.close();
  });
});

describe('the paragraph in view', () => {
  /** Scrolls the text's column (by `by` px, or paragraph `n` to the top) and waits for the scroll to end and the view to follow it. */
  const scrollColumn = (page, { by, n }) => page.evaluate(({ by, n }) => new Promise((done) => {
    const column = document.querySelector('.plan-reader');
    const settled = () => requestAnimationFrame(() => requestAnimationFrame(done));
    const before = column.scrollTop;
    column.addEventListener('scrollend', settled, { once: true });
    if (n) document.getElementById(`plan-p-${n}`).scrollIntoView({ block: 'start' });
    else column.scrollBy(0, by);
    // Already there: no scroll, so no scroll's end to wait for.
    if (column.scrollTop === before) {
      column.removeEventListener('scrollend', settled);
      settled();
    }
  }), { by, n });
  const addressP = (page) => page.evaluate(() => Number(new URLSearchParams(location.search).get('p')));

  test('a short run-in paragraph scrolled to the top is the one in view', async () => {
    await readParagraphs();
    // Short run-in sentences as laid out on this screen: each begins on a line after the previous
    // paragraph's start and shares it with the start of the next.
    const page = await openPlan({});
    const runIns = await page.evaluate(() => {
      const list = [...document.querySelectorAll('.plan-para')];
      const top = (i) => list[i].getBoundingClientRect().top;
      return list.map((p, i) => ({ n: Number(p.dataset.p), i }))
        .filter(({ i }) => i > 0 && i + 1 < list.length && Math.abs(top(i + 1) - top(i)) < 1 && top(i) - top(i - 1) >= 1)
        .map(({ n }) => n);
    });
    assert.ok(runIns.includes(9) && runIns.length > 10, `run-in paragraphs: ${runIns.slice(0, 12)}`);
    const wrong = [];
    for (const n of runIns.slice(0, 12)) {
      // Coming to it from above, as a reader scrolling on does.
      await scrollColumn(page, { n });
      await scrollColumn(page, { by: -150 });
      await scrollColumn(page, { n });
      const p = await addressP(page);
      if (p !== n) wrong.push(`${n}→${p}`);
    }
    assert.deepEqual(wrong, []);
    await page.close();
  });

  test('a freshly opened p=9 stays p=9 after a small scroll, and follows a real one', async () => {
    const page = await openPlan({ p: '9' });
    await page.locator('#plan-p-9.plan-target').waitFor();
    await scrollColumn(page, { by: 30 });
    assert.equal(await addressP(page), 9);
    await scrollColumn(page, { by: 400 });
    assert.ok(await addressP(page) > 10);
    await page.close();
  });
});

describe('search within the plan', () => {
  test('marks every match, counts them, and Enter goes to the next', async () => {
    await readParagraphs();
    const query = '创新';
    const total = plan.text.split(query).length - 1;
    assert.ok(total > 3);
    const page = await openPlan({});
    await page.fill('.plan-search-input', query);
    await page.waitForFunction((t) => document.querySelector('.plan-match-count').textContent === `${t} 处`, total);
    assert.equal(await page.locator('mark.plan-match').count(), total);
    assert.equal(await page.getAttribute('.plan-match-count', 'aria-live'), 'polite');
    await page.press('.plan-search-input', 'Enter');
    await page.press('.plan-search-input', 'Enter');
    await page.waitForFunction((t) => document.querySelector('.plan-match-count').textContent === `第 2 处 / 共 ${t} 处`, total);
    const current = await page.$eval('mark.plan-match.current', (m) => {
      const r = m.getBoundingClientRect();
      return { text: m.textContent, visible: r.top >= 0 && r.bottom <= innerHeight };
    });
    assert.deepEqual(current, { text: query, visible: true });
    // Another query re-marks only the paragraphs whose matches change; Escape clears every mark
    // and leaves each paragraph's words as the plan writes them.
    const untouched = PARAGRAPHS.find((p) => !p.text.includes(query) && !p.text.includes('产业')).number;
    await page.$eval(`#plan-p-${untouched}`, (p) => { p.firstChild.dataset.kept = 'yes'; p.lastChild.kept = true; });
    await page.fill('.plan-search-input', '产业');
    await page.waitForFunction(() => document.querySelectorAll('mark.plan-match').length > 0
      && [...document.querySelectorAll('mark.plan-match')].every((m) => m.textContent === '产业'));
    await page.press('.plan-search-input', 'Escape');
    await page.waitForFunction(() => document.querySelectorAll('mark.plan-match').length === 0);
    const shown = await page.$$eval('.plan-para', (ps) => ps.map((p) => p.textContent));
    assert.deepEqual(shown, PARAGRAPHS.map((p) => p.text));
    assert.deepEqual(await page.$eval(`#plan-p-${untouched}`, (p) => [p.firstChild.dataset.kept, p.lastChild.kept]), ['yes', true]);
    await page.close();
  });
});

describe('the text\'s links', () => {
  test('follow the language and the view: share links named in English, mentions opening the explorer in English', async () => {
    await readParagraphs();
    const page = await openPlan({});
    const statement = layoutStatements()[0];
    const share = page.locator(`#plan-p-${statement.number} .plan-share`);
    const mention = page.locator(`#plan-p-${statement.number} .plan-mention[data-kind="city"]`).first();
    const name = await mention.textContent();
    const code = mentionsIn(statement).find((m) => m.target.kind === 'city' && m.name === name).target.id;
    const before = new URL(await mention.getAttribute('href'), env.site.url).searchParams;
    assert.equal(before.get('city'), code);
    assert.equal(before.get('lang'), null);
    assert.equal(await share.getAttribute('lang'), 'zh-CN');
    await page.click('.lang-switch');
    await page.waitForFunction((n) => document.querySelector(`#plan-p-${n} .plan-share`).getAttribute('aria-label') === `Link to paragraph ${n}`, statement.number);
    assert.equal(await share.getAttribute('lang'), 'en', 'the English name is marked English inside the Chinese text');
    const after = new URL(await mention.getAttribute('href'), env.site.url).searchParams;
    assert.deepEqual([after.get('city'), after.get('lang'), after.get('view')], [code, 'en', null]);
    const shared = new URL(await share.getAttribute('href'), env.site.url).searchParams;
    assert.deepEqual([shared.get('view'), shared.get('p'), shared.get('lang')], ['plan', String(statement.number), 'en']);
    // The text stays the plan's own words, in Chinese.
    assert.equal(await page.getAttribute('.plan-text', 'lang'), 'zh-CN');
    await page.close();
  });
});

describe('show in plan and the text itself', () => {
  test('"show in plan" on a city panel opens the view at the quote, marked and focused; Back returns to the panel', async () => {
    await readParagraphs();
    const page = await openAtlas(env.browser, `${env.site.url}?city=320500`);
    const button = page.locator('.city-details .show-in-plan').first();
    const quote = await page.locator('.city-details .plan-quote blockquote').first().textContent();
    await button.click();
    await page.locator('mark.plan-mark').first().waitFor();
    const marked = await page.$$eval('mark.plan-mark', (ms) => ms.map((m) => m.textContent).join(''));
    assert.equal(marked, quote);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'plan'
      && document.activeElement?.contains(document.querySelector('mark.plan-mark')));
    const p = await page.evaluate(() => new URLSearchParams(location.search).get('p'));
    assert.equal(await page.evaluate(() => document.activeElement.id), `plan-p-${p}`);
    await page.goBack();
    await page.locator('.city-details').waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('.city-details .show-in-plan'));
    await page.close();
  });

  test('a selected paragraph copies as the plan\'s own words', async () => {

    await readParagraphs();
    const statement = layoutStatements()[0];
    const page = await openPlan({});
    const copied = await page.evaluate((n) => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(`plan-p-${n}`));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return getSelection().toString();
    }, statement.number);
    const encoder = new TextEncoder();
    const words = new TextDecoder().decode(encoder.encode(plan.text).slice(statement.start, statement.end));
    assert.equal(copied, words);
    assert.equal(await page.$eval('.plan-text', (e) => getComputedStyle(e).userSelect), 'auto');
    await page.close();
  });

  test('prints as a clean A4 document: headings and text, no toolbar, no map', async () => {

    await readParagraphs();
    const page = await openPlan({});
    const toolbarText = await page.textContent('.toolbar');
    // The stylesheet's own page size: the plan prints A4 portrait (the map view's handout is landscape).
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const dir = await mkdtemp(join(tmpdir(), 'atlas-plan-'));
    try {
      const file = join(dir, 'plan.pdf');
      await writeFile(file, pdf);
      const info = (await run('pdfinfo', [file])).stdout;
      const [, width, height] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/) ?? [];
      assert.ok(Number(width) < Number(height), `A4 portrait: ${info.match(/Page size.*/)}`);
      const text = (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/g, '');
      assert.ok(text.includes('四、产业发展布局'));
      assert.ok(text.includes(paragraphStarting('（二）重点支持区域').text.replace(/\s+/g, '')));
      const words = toolbarText.split(/\s+/).filter((w) => w.length > 1);
      assert.ok(words.length > 0);
      for (const word of words) assert.ok(!text.includes(word.replace(/\s+/g, '')) || plan.text.includes(word), `toolbar text "${word}" printed`);
      const first = (await run('pdftotext', ['-f', '1', '-l', '1', file, '-'])).stdout.replace(/\s+/g, '');
      assert.ok(first.startsWith(PARAGRAPHS[0].text.replace(/\s+/g, '')), 'the first page starts with the plan\'s first line');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await page.close();
  });
});

describe('a plan document that cannot be loaded', () => {
  const cases = [
    ['missing', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' })],
    ['truncated', async (route) => {
      const whole = await route.fetch();
      const body = await whole.text();
      await route.fulfill({ response: whole, body: body.slice(0, body.length / 2), headers: { 'content-type': 'application/json' } });
    }],
  ];
  for (const [what, answer] of cases) {
    for (const [lang, heading, hint] of [['zh', '规划原文无法加载', 'assets/plan.json'], ['en', 'The plan text cannot be loaded', 'assets/plan.json']]) {
      test(`${what} plan.json (${lang}): a heading and a hint in the interface language, the detail below, the rest keeps working`, async () => {
        const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.route('**/assets/plan.*json', answer);
        await page.goto(`${env.site.url}?${new URLSearchParams({ view: 'plan', lang })}`);
        const failed = page.locator('.plan-failed[role="alert"]');
        await failed.waitFor();
        assert.equal(await failed.locator('h2').textContent(), heading);
        const hintText = await failed.locator('.plan-failed-hint').textContent();
        assert.ok(hintText.includes(hint) && hintText.includes('atlas.json'), hintText);
        if (lang === 'zh') assert.match(hintText, /[\u4e00-\u9fff]/);
        const detail = await failed.locator('.plan-failed-detail code').textContent();
        assert.ok(detail.includes('plan'), `technical detail: ${detail}`);
        if (what === 'truncated') assert.match(detail, /cut short; upload it again in full/, 'a cut file says so');
        // The other views still work: the map view draws its cities.
        await page.click('.view-map');
        await page.locator('.map:not(.plan-map) svg path.city').first().waitFor();
        await page.close();
      });
    }
  }
});

describe('accessibility and small screens', () => {
  for (const lang of ['zh', 'en']) {
    test(`axe-core finds no serious or critical violation (${lang})`, async () => {
      await readParagraphs();
      const page = await openPlan({ lang, p: String(layoutStatements()[0].number) });
      await page.locator('.plan-map path.city').first().click();
      await page.locator('.plan-places').waitFor();
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      assert.deepEqual(serious, []);
      if (lang === 'en') {
        assert.equal(await page.textContent('.plan-toc summary'), 'Contents');
        assert.equal(await page.getAttribute('.plan-text', 'lang'), 'zh-CN');
      }
      await page.close();
    });
  }

  for (const lang of ['zh', 'en']) {
    test(`dark theme: the highlighted paragraph and the search's matches keep dark, readable text (${lang})`, async () => {
      const page = await openPlan({ lang, p: '168', theme: 'dark' });
      await page.locator('#plan-p-168.plan-target').waitFor();
      await page.fill('.plan-search-input', '物联网');
      await page.locator('mark.plan-match').first().waitFor();
      // The ink of each highlight against its own fill, as WCAG computes contrast.
      const ratios = await page.evaluate(() => {
        const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
        const lum = (c) => {
          const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const ratio = (e) => {
          const s = getComputedStyle(e);
          const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
          return (a + 0.05) / (b + 0.05);
        };
        return { target: ratio(document.getElementById('plan-p-168')), match: ratio(document.querySelector('mark.plan-match')) };
      });
      assert.ok(ratios.target >= 4.5, `highlighted paragraph ${ratios.target.toFixed(2)}:1`);
      assert.ok(ratios.match >= 4.5, `search match ${ratios.match.toFixed(2)}:1`);
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() => window.axe.run({ include: [['.plan-view']] }, { runOnly: ['color-contrast'], resultTypes: ['violations'] }));
      const failing = result.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))).slice(0, 5);
      assert.deepEqual(failing, []);
      await page.close();
    });
  }

  test('prints clean: the current paragraph, its focus frame and the search marks leave no colour on paper', async () => {
    const page = await openPlan({ p: '169' });
    await page.locator('#plan-p-169.plan-target').waitFor();
    await page.fill('.plan-search-input', '物联网');
    await page.locator('mark.plan-match').first().waitFor();
    // The paragraph has the focus again, with its frame, as after opening the link.
    await page.focus('#plan-p-169');
    assert.equal(await page.$eval('#plan-p-169', (e) => e.matches(':focus-visible')), true);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const dir = await mkdtemp(join(tmpdir(), 'atlas-plan-'));
    try {
      await writeFile(join(dir, 'plan.pdf'), pdf);
      await run('pdftoppm', ['-r', '40', join(dir, 'plan.pdf'), join(dir, 'page')]);
      // The printed plan is black text on white: a coloured pixel is a fill, outline or mark left over.
      const coloured = [];
      for (const name of (await readdir(dir)).filter((f) => f.endsWith('.ppm')).sort()) {
        const image = await readFile(join(dir, name));
        const pixels = image.subarray(image.length - countPixels(image) * 3);
        let count = 0;
        for (let i = 0; i < pixels.length; i += 3) {
          const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
          if (Math.max(r, g, b) - Math.min(r, g, b) > 40) count += 1;
        }
        if (count > 0) coloured.push(`${name}: ${count}`);
      }
      assert.deepEqual(coloured, []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await page.close();
  });

  for (const viewport of [{ width: 900, height: 700 }, { width: 400, height: 700 }]) {
    test(`embedded at ${viewport.width} px: the text scrolls in its column, the map and the search stay on screen`, async () => {
      const page = await openPlan({ p: '168', embed: '1' }, viewport);
      await page.locator('#plan-p-168.plan-target').waitFor();
      await page.waitForFunction(() => {
        const r = document.getElementById('plan-p-168').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
      const on = await page.evaluate(() => {
        const visible = (sel) => {
          const r = document.querySelector(sel).getBoundingClientRect();
          return r.height > 0 && r.top >= -1 && r.top < innerHeight;
        };
        return {
          page: document.scrollingElement.scrollHeight,
          reader: document.querySelector('.plan-reader').scrollTop,
          map: visible('.plan-map svg'),
          search: visible('.plan-search'),
        };
      });
      assert.ok(on.page < 2 * viewport.height, `the page is ${on.page} px high, not the whole text`);
      assert.ok(on.reader > 1000, 'the text scrolled in its own column');
      assert.ok(on.map && on.search, `map and search on screen: ${JSON.stringify(on)}`);
      // The map stays in its own place: inside the column beside (or above) the text, not over it.
      const [side, map, reader] = await Promise.all(['.plan-side', '.plan-map svg', '.plan-reader'].map((s) => boxOf(page, s)));
      assert.ok(!overlaps(side, reader, 1), `map column ${JSON.stringify(side)} and text ${JSON.stringify(reader)} apart`);
      assert.ok(!overlaps(map, reader, 1) && map.bottom <= side.bottom + 1, `the map ${JSON.stringify(map)} inside its column`);
      await page.close();
    });
  }

  test('a 320 px phone does not scroll sideways, and the map sticks over the text', async () => {

    await readParagraphs();
    const n = layoutStatements()[0].number;
    const page = await openPlan({ p: String(n) }, { width: 320, height: 640 });
    await page.locator(`#plan-p-${n}.plan-target`).waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320));
    const map = await page.$eval('.plan-side', (e) => e.getBoundingClientRect().toJSON());
    assert.ok(map.top <= 1 && map.height > 100, 'the map is at the top of the screen');
    const para = await page.$eval(`#plan-p-${n}`, (e) => e.getBoundingClientRect().toJSON());
    assert.ok(para.top >= map.bottom - 1, 'the paragraph is below the map, not under it');
    await page.close();
  });
});
