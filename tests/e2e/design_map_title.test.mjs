// Every map says what it shows (issue 18, point 2): a headline and a one-line subtitle from the
// plan's role facts over the map, in its exports (province and drilled) and on paper; a tooltip
// naming the place under the pointer or the keyboard focus with its role; a legend of only what
// is drawn, with counts of what is shown (the drilled city's counties when drilled), on the
// explorer's map, the exports and the plan view's side map.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST, boxOf, openAtlas, overlaps, tabTo, useBrowserAndSite } from './harness.mjs';

const run = promisify(execFile);
const bundle = JSON.parse(await readFile(join(DIST, 'assets', 'atlas.json'), 'utf8'));
const counties = JSON.parse(await readFile(join(DIST, 'assets', 'counties.json'), 'utf8')).counties;
const env = useBrowserAndSite();

const short = (adcode) => {
  const place = bundle.cities.find((c) => c.adcode === adcode) ?? bundle.places.find((p) => p.adcode === adcode);
  return place.name_zh.replace(/市$/, '');
};
/** The places the plan gives `role` in the biotech layout, by their short Chinese names. */
const biotech = (role) => bundle.roles
  .filter((r) => r.industry === 'biotech_medicine' && r.role === role)
  .map((r) => short(r.place));
const biotechBases = bundle.bases.filter((b) => b.industries.includes('biotech_medicine'));

/** The visible lines of the map's legend, in order, read as a person reads them. */
const legendLines = (page) => page.$$eval('.map:not(.plan-map) [aria-label] ul > li', (lis) => lis
  .filter((li) => li.getBoundingClientRect().height > 0)
  .map((li) => li.innerText.trim().replace(/\s+/g, ' ')));

/** Whether the box `r` lies within the viewport. */
const inViewport = (page, r) => page.evaluate((r) => r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight, r);

/** Downloads the current map as SVG from the export menu and reads its visible text. */
async function exportedSvg(page) {
  await page.click('.export-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export-menu .export-svg')]);
  const text = await readFile(await download.path(), 'utf8');
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = doc.documentElement;
    const texts = [...svg.querySelectorAll('text')];
    const legend = svg.querySelector('.legend');
    return {
      parsed: svg.nodeName === 'svg' && !doc.querySelector('parsererror'),
      top: texts.slice(0, 2).map((t) => t.textContent),
      legend: legend ? [...legend.querySelectorAll('text')].map((t) => t.textContent) : [],
      height: Number(svg.getAttribute('height')),
    };
  }, text);
}

describe('the map says what it shows', () => {
  test('biotech: the headline names the industry and the subtitle who leads and who supports, over the map', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?industry=biotech_medicine`);
    const heading = page.getByRole('heading', { name: '生物技术和新医药', exact: true });
    await heading.waitFor();
    const title = await heading.evaluate((h) => h.parentElement.innerText.replace(/\s+/g, ''));
    assert.ok(title.includes(`${biotech('focus').join('、')}为重点`), title);
    assert.ok(title.includes(`${biotech('support').join('、')}支撑`), title);
    for (const city of ['泰州', '南京', '无锡', '苏州', '连云港']) assert.ok(title.includes(city), `${city} in ${title}`);
    assert.ok(title.includes('四(二)'), `the plan's section: ${title}`);
    const box = await heading.evaluate((h) => h.parentElement.getBoundingClientRect().toJSON());
    const map = await boxOf(page, 'svg.map-svg');
    assert.ok(box.top >= map.top - 1 && box.bottom < map.top + map.height / 3, 'at the top of the map');
    assert.ok(box.left >= map.left && box.right <= map.right + 1, 'within the map');
    const legend = await boxOf(page, '.map [aria-label] ul');
    assert.ok(!overlaps(box, legend), 'clear of the legend');
    // No label hides under the title.
    const labels = await page.$$eval('svg.map-svg text', (ts) => ts.map((t) => t.getBoundingClientRect().toJSON()));
    for (const label of labels) assert.ok(!overlaps(box, label, 1), 'a label under the title');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a field names itself and its industry, in English', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?industry=new_energy&field=solar_pv&lang=en`);
    const heading = page.getByRole('heading', { name: /Solar photovoltaics/ });
    await heading.waitFor();
    const text = await heading.innerText();
    assert.ok(text.includes('Solar photovoltaics') && text.includes('New energy'), text);
    const subtitle = await heading.evaluate((h) => h.nextElementSibling.innerText);
    assert.match(subtitle, /Focus: Wuxi/);
    assert.match(subtitle, /Support: Xuzhou, Changzhou, Nanjing, Suzhou, Yangzhou/);
    await page.close();
  });

  test('an industry drawn by one field names that field: 新能源 is coloured by its 太阳能光伏 roles', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?industry=new_energy`);
    await page.waitForFunction(() => document.querySelector('.map-headline')?.textContent.includes('太阳能光伏'));
    assert.equal((await page.textContent('.map-headline')).trim(), '新能源 · 太阳能光伏');
    await page.close();
  });

  test('the exported SVG carries the title, the subtitle and the legend; the drilled export too, with its counties counted', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?industry=biotech_medicine`);
    await page.getByRole('heading', { name: '生物技术和新医药', exact: true }).waitFor();
    const province = await exportedSvg(page);
    assert.ok(province.parsed);
    assert.equal(province.top[0], '生物技术和新医药');
    assert.ok(province.top[1].startsWith('泰州为重点，南京、无锡、苏州、连云港支撑'), province.top[1]);
    assert.deepEqual(province.legend.slice(1, 3), ['重点 (1)', '支撑 (4)']);
    assert.ok(!province.legend.some((l) => l.includes('标志性')), 'no signature role drawn, none in the legend');
    await page.close();

    const drilled = await openAtlas(env.browser, `${env.site.url}?industry=biotech_medicine&city=320500&drill=1`);
    await drilled.locator('#atlas-drill-map path.county').first().waitFor();
    const svg = await exportedSvg(drilled);
    const n = counties.filter((c) => c.city === '320500').length;
    assert.ok(svg.top[0].includes('苏州') && svg.top[0].includes('生物技术和新医药'), svg.top[0]);
    assert.ok(svg.top[1].includes('苏州支撑'), svg.top[1]);
    assert.ok(svg.legend.includes(`支撑 (${n})`), `苏州's ${n} counties: ${svg.legend}`);
    assert.ok(svg.legend.includes('县级市 (1)'), `昆山 ○: ${svg.legend}`);
    await drilled.close();
  });

  test('the printed map keeps its title and subtitle', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?industry=biotech_medicine&city=321200`);
    await page.getByRole('heading', { name: '生物技术和新医药', exact: true }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    const dir = await mkdtemp(join(tmpdir(), 'atlas-title-'));
    try {
      const file = join(dir, 'map.pdf');
      await writeFile(file, pdf);
      const text = (await run('pdftotext', ['-f', '1', '-l', '1', file, '-'])).stdout.replace(/\s+/g, '');
      assert.ok(text.includes('生物技术和新医药'), 'the headline is printed');
      assert.ok(text.includes('泰州为重点，南京、无锡、苏州、连云港支撑'), 'the subtitle is printed');
      assert.ok(text.includes('县级市(2)'), 'the legend counts the ○ places');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await page.close();
  });
});

describe('a legend of what is drawn', () => {
  test('biotech: only the roles drawn, with their counts, the ○ places and the bases', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?industry=biotech_medicine`);
    await page.waitForFunction(() => document.querySelector('.map [aria-label] ul li[data-role="focus"]'));
    const notNamed = bundle.cities.length + bundle.places.length - 1 - biotech('support').length;
    const want = ['重点 (1)', `支撑 (${biotech('support').length})`, `未点名 (${notNamed})`, `县级市 (${bundle.places.length})`];
    if (biotechBases.length) want.push(`产业基地 (${biotechBases.length})`);
    assert.deepEqual(await legendLines(page), want);
    await page.close();
  });

  test('drilled into 苏州: the counts are 苏州 counties, not the province', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?industry=biotech_medicine&city=320500&drill=1`);
    await page.locator('#atlas-drill-map path.county').first().waitFor();
    const n = counties.filter((c) => c.city === '320500').length;
    await page.waitForFunction((n) => [...document.querySelectorAll('.map [aria-label] ul li')].some((li) => li.textContent.includes(`(${n})`)), n);
    const lines = await legendLines(page);
    assert.equal(lines[0], `支撑 (${n})`, lines.join(' | '));
    assert.ok(lines.includes('县级市 (1)'), lines.join(' | '));
    assert.ok(!lines.some((l) => l.startsWith('重点')), '泰州 is not drawn here');
    const heading = await page.getByRole('heading', { level: 2 }).first().innerText();
    assert.ok(heading.includes('苏州'), heading);
    // A county's tooltip gives the role it shows: its city's, said so.
    await page.focus('#atlas-drill-map path.county[data-adcode="320583"]');
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    assert.equal(await tip.innerText(), '昆山 · 苏州：支撑');
    await page.close();
  });

  test('the plan view’s side map has a legend of what it draws', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?view=plan`);
    await page.locator('.plan-map svg path.city').first().waitFor();
    await page.evaluate(() => [...document.querySelectorAll('.plan-text .plan-para')]
      .find((p) => p.textContent.includes('在生物技术和新医药领域'))
      .scrollIntoView({ block: 'start' }));
    const legend = page.locator('figure').filter({ has: page.locator('svg path.city') }).getByRole('list', { name: '布局角色' });
    await legend.waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('figure li')].some((li) => li.textContent.includes('支撑 (4)')));
    const lines = await legend.locator('li').allInnerTexts();
    assert.ok(lines.includes('重点 (1)') && lines.includes('支撑 (4)'), lines.join(' | '));
    assert.ok(!lines.some((l) => l.includes('标志性')), lines.join(' | '));
    const box = await legend.boundingBox();
    const map = await page.locator('.plan-map svg.map-svg').boundingBox();
    assert.ok(box.y >= map.y + map.height - 1, 'under the map, not over it');
    await page.close();
  });
});

describe('a tooltip names the place and its role', () => {
  const centre = (r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
  const contains = (r, p) => p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom;

  test('on pointer hover and on Tab focus of 泰州, then hidden on Esc', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?industry=biotech_medicine`);
    await page.waitForSelector('path.city[data-adcode="321200"][data-role="focus"]');
    const taizhou = await boxOf(page, 'path.city[data-adcode="321200"]');
    const tip = page.getByRole('tooltip');
    await page.mouse.move(centre(taizhou).x, centre(taizhou).y);
    await tip.waitFor();
    assert.equal(await tip.innerText(), '泰州 · 重点');
    let box = await tip.evaluate((t) => t.getBoundingClientRect().toJSON());
    assert.ok(await inViewport(page, box), 'within the window');
    assert.ok(!contains(box, centre(taizhou)), 'not over the pointer');
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'hidden' });

    await tabTo(page, 'path.city[data-adcode="321200"]');
    await tip.waitFor();
    assert.equal(await tip.innerText(), '泰州 · 重点');
    box = await tip.evaluate((t) => t.getBoundingClientRect().toJSON());
    assert.ok(await inViewport(page, box), 'within the window');
    assert.ok(!contains(box, centre(taizhou)), 'not over the focused shape’s centre');
    assert.ok(Math.abs(box.left + box.width / 2 - centre(taizhou).x) < 120, 'near the shape');
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });
    await page.close();
  });
});
