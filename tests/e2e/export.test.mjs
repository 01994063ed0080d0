// Browser tests of exports: the map as SVG and PNG at 1×/2×/3×, the layout as CSV and JSON, and
// the print stylesheet.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, openAtlas, useBrowserAndSite } from './harness.mjs';

const bundle = JSON.parse(await readFile(join(DIST, 'assets', 'atlas.json'), 'utf8'));

const env = useBrowserAndSite();

async function downloadFrom(page, selector) {
  await page.click('.export-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

const menuOpen = (page) => page.$eval('details.export-menu', (d) => d.open);

describe('the export menu from the keyboard', () => {
  test('Esc closes an open export menu and keeps the selection; the next Esc clears it', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?city=321200&industry=biotech_medicine');
    await page.locator('.city-details[data-adcode="321200"]').waitFor();
    await page.focus('.export-menu summary');
    await page.keyboard.press('Enter');
    await page.locator('.export-menu .export-svg').waitFor();
    assert.equal(await menuOpen(page), true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('details.export-menu').open);
    assert.equal(await page.locator('.city-details[data-adcode="321200"]').count(), 1, 'the selection stays');
    assert.equal(await page.evaluate(() => document.activeElement?.matches('.export-menu summary')), true, 'focus back on the menu button');
    await page.keyboard.press('Escape');
    await page.locator('.city-details').waitFor({ state: 'detached' });
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a click elsewhere closes the open menu and does what it clicked; a click inside keeps it open', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    await page.click('.export-menu summary');
    await page.locator('.export-menu .export-svg').waitFor();
    await page.click('.export-menu .download-note >> nth=0');
    assert.equal(await menuOpen(page), true, 'a click inside the menu keeps it open');
    await page.click('path.city[data-adcode="320500"]');
    await page.waitForFunction(() => !document.querySelector('details.export-menu').open);
    await page.locator('.city-details[data-adcode="320500"]').waitFor();
    assert.equal(await page.locator('.export-menu .export-svg').isVisible(), false);
    await page.close();
  });

  test('one menu open at a time: opening the export menu closes the embed code; Esc closes it before it clears the city', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?city=321200`);
    await page.click('.embed-code summary');
    await page.locator('.embed-code textarea').waitFor();
    await page.click('.export-menu summary');
    await page.locator('.export-menu .export-svg').waitFor();
    const open = () => page.$$eval('.toolbar details[open]', (ds) => ds.map((d) => d.className));
    assert.deepEqual(await open(), ['export-menu'], 'the embed code closed as the export menu opened');
    await page.click('.embed-code summary');
    await page.waitForFunction(() => !document.querySelector('details.export-menu').open);
    assert.deepEqual(await open(), ['embed-code']);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('.toolbar details[open]').length === 0);
    assert.equal(await page.evaluate(() => document.activeElement.closest('details')?.className), 'embed-code', 'focus back on its button');
    assert.ok(await page.locator('.city-details[data-adcode="321200"]').isVisible(), 'the city stays chosen');
    assert.match(page.url(), /city=321200/);
    await page.close();
  });

  for (const [what, selector] of [['SVG', '.export-svg'], ['PNG 2×', '.export-png >> nth=1'], ['JSON', '.export-json'], ['CSV', 'a.download[href$="layout.csv"]'], ['WGS84 boundaries', 'a.download[href$="wgs84.geojson"]']]) {
    test(`the menu closes after the ${what} export`, async () => {
      const page = await openAtlas(env.browser, env.site.url);
      const { bytes } = await downloadFrom(page, selector);
      assert.ok(bytes.length > 1000, `${bytes.length} bytes downloaded`);
      await page.waitForFunction(() => !document.querySelector('details.export-menu').open);
      await page.close();
    });
  }
});

describe('exports', () => {
  test('the map exports as a self-contained SVG with 13 city shapes, legend, title and attribution', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?industry=biotech_medicine');
    const { name, bytes } = await downloadFrom(page, '.export-svg');
    assert.equal(name, 'jiangsu-atlas-biotech_medicine.svg');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
      return {
        cities: doc.querySelectorAll('path.city').length,
        focus: doc.querySelector('path.city[data-adcode="321200"]').getAttribute('fill'),
        legend: [...doc.querySelectorAll('g.legend text')].map((t) => t.textContent),
        title: doc.querySelector('text.title').textContent,
        credit: doc.querySelector('text.map-warning').textContent,
        licences: doc.querySelector('desc')?.textContent ?? '',
        bases: [...doc.querySelectorAll('path.base-marker')].map((p) => p.getAttribute('d')).sort(),
        places: doc.querySelectorAll('g.places circle').length,
      };
    }, bytes.toString('utf8'));
    const live = await page.evaluate(() => ({
      bases: document.querySelectorAll('svg.map-svg path.base-marker').length,
      places: document.querySelectorAll('svg.map-svg circle.place-marker').length,
      credit: document.querySelector('.map-warning').textContent,
      legend: [document.querySelector('.legend-title').textContent,
        ...[...document.querySelectorAll('.legend li')].map((li) => li.textContent.trim())],
    }));
    assert.equal(parsed.error, undefined);
    assert.equal(parsed.cities, 13);
    assert.equal(parsed.focus, "url(#role-pattern-focus)");
    const bases = bundle.bases.filter((b) => b.industries.includes('biotech_medicine')).length;
    assert.deepEqual(parsed.legend, ['布局角色', '重点 (1)', '支撑 (4)', '未点名 (10)', '县级市 (2)', `产业基地 (${bases})`],
      'the roles drawn with their counts, the ○ places and the bases');
    assert.deepEqual(parsed.legend, live.legend, 'the live legend’s lines');
    assert.equal(parsed.title, '生物技术和新医药');
    assert.ok(parsed.credit.includes('示意图，非审图号批准地图') && parsed.credit.includes('GCJ-02'), parsed.credit);
    assert.equal(parsed.credit, live.credit, 'the warning line reads as on the live map');
    assert.ok(parsed.licences.includes(bundle.attribution) && parsed.licences.includes(bundle.water_attribution), 'the sources described in the file');
    assert.ok(live.bases > 0);
    assert.equal(parsed.bases.length, live.bases, 'the base markers the live map shows');
    assert.equal(parsed.places, live.places, 'the county-level places the live map shows');
    await page.close();
  });

  for (const scale of [1, 2, 3]) {
    test(`the map exports as PNG at ${scale}×`, async () => {
      const page = await openAtlas(env.browser, env.site.url);
      const { name, bytes } = await downloadFrom(page, `.export-png >> nth=${scale - 1}`);
      assert.equal(name, `jiangsu-atlas-zones.${scale}x.png`);
      assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
      assert.equal(bytes.readUInt32BE(16), 1200 * scale, 'width');
      assert.equal(bytes.readUInt32BE(20), (860 + 64 + 26) * scale, 'height: the map, the title band (headline and subtitle) and the credit line');
      await page.close();
    });
  }

  test('the boundaries download in WGS84 and in GCJ-02, each named and described, about 500 m apart', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?lang=en');
    const files = {};
    for (const crs of ['wgs84', 'gcj02']) {
      const { name, bytes } = await downloadFrom(page, `a.download[href$="${crs}.geojson"]`);
      assert.equal(name, `jiangsu-boundaries-${crs}.geojson`);
      files[crs] = JSON.parse(bytes.toString('utf8'));
      const link = page.locator(`a.download[href$="${crs}.geojson"]`);
      const note = await link.locator('xpath=following-sibling::small').textContent();
      assert.match(await link.textContent(), crs === 'wgs84' ? /\(WGS84\)/ : /\(GCJ-02, as published\)/);
      assert.match(note, crs === 'wgs84' ? /GIS tools/ : /about 500 m off on a WGS84 basemap/);
    }
    const { wgs84, gcj02 } = files;
    assert.match(wgs84.name, /wgs84/);
    assert.match(gcj02.name, /gcj02/);
    assert.match(gcj02.crs_note, /NOT WGS84/);
    const layers = (fc) => fc.features.reduce((n, f) => ({ ...n, [f.properties.layer]: (n[f.properties.layer] ?? 0) + 1 }), {});
    assert.deepEqual(layers(wgs84), { zone: 3, city: 13, county: 95 });
    assert.deepEqual(layers(gcj02), layers(wgs84));
    // The same vertex in both files: the GCJ-02 offset in Jiangsu is about 465–547 m.
    const first = (fc) => fc.features.find((f) => f.properties.adcode === '320583').geometry.coordinates[0][0][0];
    const [[lon1, lat1], [lon2, lat2]] = [first(wgs84), first(gcj02)];
    const metres = Math.hypot((lon2 - lon1) * Math.cos((lat1 * Math.PI) / 180), lat2 - lat1) * 111320;
    assert.ok(metres > 400 && metres < 600, `昆山's first vertex moves ${metres.toFixed(0)} m`);
    await page.close();
  });

  test('the layout exports as JSON with one object per role fact', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    const { bytes } = await downloadFrom(page, '.export-json');
    const rows = JSON.parse(bytes.toString('utf8'));
    assert.equal(rows.length, bundle.roles.length);
    assert.deepEqual(Object.keys(rows[0]), ['place', 'adcode', 'industry', 'field', 'role', 'quote', 'section']);
    assert.ok(rows.some((r) => r.place === '昆山市' && r.field === '平板显示' && r.role === 'focus'));
    await page.close();
  });

  test('the print stylesheet gives an A4 landscape handout: map, legend and panel, no toolbar', async () => {
    const page = await openAtlas(env.browser, env.site.url + '?city=321200&industry=biotech_medicine');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.toolbar').isVisible(), false);
    for (const shown of ['svg.map-svg', '.legend', '.city-details', '.attribution']) assert.ok(await page.locator(shown).isVisible(), shown);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const text = pdf.toString('latin1');
    const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 3, `${pages} pages`);
    const box = text.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    assert.ok(box && Number(box[1]) > Number(box[2]), 'landscape');
    assert.ok(Math.abs(Number(box[1]) - 842) < 2, `A4 width ${box?.[1]}`);
    await page.close();
  });
});
