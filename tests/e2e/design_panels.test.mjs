// Issue 18, point 1: a place's panel leads with the answer for the current topic. With
// 生物技术和新医药 and 泰州 chosen, the panel's first lines state 泰州's role in that industry with
// the plan's words and section, above the fold; no sentence of the plan is shown twice in the
// panel; the zone's direction, the area and the code are folded in a closed disclosure.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openAtlas, readBundle, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();
const bundle = readBundle();
const TAIZHOU = bundle.cities.find((c) => c.adcode === '321200');
const FACT = bundle.roles.find((r) => r.place === '321200' && r.industry === 'biotech_medicine');
const INDUSTRY = bundle.industries.find((i) => i.id === 'biotech_medicine');
const ZONE = bundle.zones.find((z) => z.id === TAIZHOU.zone);

/** Every sentence of the plan the bundle quotes (roles, mentions, zones, industries, sub-areas). */
const SENTENCES = [...new Set([
  ...bundle.roles.map((r) => r.quote.quote),
  ...bundle.cities.map((c) => c.mention.quote),
  ...bundle.places.map((p) => p.mention.quote),
  ...bundle.zones.map((z) => z.direction.quote),
  ...bundle.industries.map((i) => i.summary.quote),
  ...bundle.industries.flatMap((i) => i.subareas.map((s) => s.quote.quote)),
])];

const LANGS = {
  zh: { place: '泰州', industry: INDUSTRY.name_zh, role: '重点', section: FACT.quote.section },
  en: { place: 'Taizhou', industry: INDUSTRY.name_en, role: 'Focus', section: '4(2)' },
};

/** How often `needle` occurs in `text`. */
const occurrences = (text, needle) => text.split(needle).length - 1;

describe('a place panel leads with the answer', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }]) {
    for (const [lang, says] of Object.entries(LANGS)) {
      test(`${viewport.width}×${viewport.height} ${lang}: 泰州's role in biotech, in the plan's words, is the panel's first lines, above the fold`, async () => {
        const page = await openAtlas(env.browser, `${env.site.url}?lang=${lang}&industry=biotech_medicine&city=321200`, { viewport });
        await page.locator('.city-details[data-adcode="321200"]').waitFor();
        // The panel's visible heading, badge, quote and section, in document order: the first of each.
        const first = await page.evaluate(() => {
          const panel = document.querySelector('.panel');
          const shown = (e) => e.getClientRects().length > 0 && e.closest('details:not([open])') === null;
          const pick = (selector) => {
            const e = [...panel.querySelectorAll(selector)].find(shown);
            return e && { text: e.innerText.trim(), top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom };
          };
          const heading = [...panel.querySelectorAll('h3')].find(shown);
          const blockquotes = [...panel.querySelectorAll('blockquote')].filter(shown);
          const section = blockquotes[0]?.closest('figure')?.querySelector('.section');
          return {
            heading: pick('h3'),
            badge: pick('.badge'),
            quote: pick('blockquote'),
            section: section && { text: section.innerText.trim(), bottom: section.getBoundingClientRect().bottom },
            headingBeforeQuote: heading && blockquotes[0]
              && Boolean(heading.compareDocumentPosition(blockquotes[0]) & Node.DOCUMENT_POSITION_FOLLOWING),
          };
        });
        assert.ok(first.heading.text.includes(says.place) && first.heading.text.includes(says.industry),
          `the first heading names the place and the industry: “${first.heading.text}”`);
        assert.equal(first.badge.text, says.role, 'the first role shown is 泰州’s role in the industry');
        assert.equal(first.quote.text, FACT.quote.quote, 'the first quote is the plan’s sentence giving the role');
        assert.equal(first.section.text, says.section);
        assert.ok(first.headingBeforeQuote);
        for (const [what, box] of Object.entries({ heading: first.heading, badge: first.badge, quote: first.quote })) {
          assert.ok(box.top < viewport.height * 0.4, `the ${what} starts at ${box.top} px of ${viewport.height}`);
        }
        assert.ok(first.section.bottom <= viewport.height, `the section is cited above the fold (${first.section.bottom} px)`);
        assert.deepEqual(page.problems, []);
        await page.close();
      });
    }
  }

  for (const lang of ['zh', 'en']) {
    test(`${lang}: no sentence of the plan is shown twice in the panel`, async () => {
      const page = await openAtlas(env.browser, `${env.site.url}?lang=${lang}&industry=biotech_medicine&city=321200`);
      await page.locator('.industry-details[data-industry="biotech_medicine"]').waitFor();
      await page.locator('.city-details[data-adcode="321200"]').waitFor();
      const text = await page.locator('.panel').innerText();
      assert.equal(occurrences(text, FACT.quote.quote), 1, 'the role’s sentence is quoted once');
      for (const sentence of SENTENCES) {
        assert.ok(occurrences(text, sentence) <= 1, `“${sentence}” is shown ${occurrences(text, sentence)} times`);
      }
      // The industry panel still says where 泰州's statement is: its role and places, citing the section.
      const statement = page.locator('.industry-details .statement', { has: page.locator('[data-adcode="321200"]') });
      assert.match(await statement.innerText(), new RegExp(`§\\s*${LANGS[lang].section.replace(/[()]/g, '\\$&')}`));
      await page.close();
    });
  }

  test('an industry’s panel quotes each sentence once, where one sentence names a focus and its supports', async () => {
    const page = await openAtlas(env.browser, env.site.url);
    for (const industry of bundle.industries) {
      await page.goto(`${env.site.url}?industry=${industry.id}`);
      await page.locator(`.industry-details[data-industry="${industry.id}"]`).waitFor();
      const text = await page.locator('.panel').innerText();
      for (const sentence of SENTENCES) {
        assert.ok(occurrences(text, sentence) <= 1, `${industry.id}: “${sentence}” is shown ${occurrences(text, sentence)} times`);
      }
      // Each statement still cites where its places are named, quoted or by section.
      const statements = page.locator('.industry-details .statement');
      for (let i = 0; i < await statements.count(); i += 1) {
        assert.match(await statements.nth(i).innerText(), /§/, `${industry.id}: statement ${i} cites the plan’s section`);
      }
    }
    await page.close();
  });

  test('the zone’s direction, the area and the code are folded below, shown once opened', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?industry=biotech_medicine&city=321200`);
    const panel = page.locator('.city-details[data-adcode="321200"]');
    await panel.waitFor();
    const area = `${Math.round(TAIZHOU.area_km2).toLocaleString('en-US')}\u00a0km²`;
    const text = await panel.innerText();
    assert.ok(!text.includes(ZONE.direction.quote), 'the zone’s direction is not shown at first');
    assert.ok(!text.includes('321200'), 'the code is not shown at first');
    assert.ok(!text.includes(area), 'the area is not shown at first');
    const folded = await panel.evaluate((p, quote) => {
      const q = [...p.querySelectorAll('blockquote')].find((b) => b.textContent === quote);
      const details = q?.closest('details');
      return { inDetails: Boolean(details), open: details?.open, below: details && details.getBoundingClientRect().top > p.querySelector('blockquote').getBoundingClientRect().bottom };
    }, ZONE.direction.quote);
    assert.deepEqual(folded, { inDetails: true, open: false, below: true });
    const summary = panel.locator('details:has(blockquote) > summary').last();
    await summary.click();
    await page.waitForFunction((quote) => document.querySelector('.city-details').innerText.includes(quote), ZONE.direction.quote);
    const opened = await panel.innerText();
    assert.ok(opened.includes('321200') && opened.includes(area), 'opened, it shows the code and the area');
    await page.close();
  });

  test('with no industry chosen the panel lists every role in full; choosing one puts its role first', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?city=320100`);
    const panel = page.locator('.city-details[data-adcode="320100"]');
    await panel.waitFor();
    const quotes = await panel.locator('blockquote').evaluateAll((bs) => bs.filter((b) => b.closest('details:not([open])') === null).map((b) => b.textContent));
    const expected = [...new Set(bundle.roles.filter((r) => r.place === '320100').map((r) => r.quote.quote))];
    assert.deepEqual(quotes, expected, 'every sentence giving 南京 a role, each once');
    await page.selectOption('#industry-picker', 'industry:smart_grid');
    await page.waitForFunction(() => document.querySelector('.city-details h3')?.textContent.includes('智能电网'));
    const grid = bundle.roles.find((r) => r.place === '320100' && r.industry === 'smart_grid');
    const firstQuote = await panel.locator('blockquote').first().textContent();
    assert.equal(firstQuote, grid.quote.quote);
    await page.close();
  });
});
