// What a screen reader says for a city and a county in the English interface: the English name
// first, English punctuation (not “南京市 Nanjing，Southern Jiangsu；Support”).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openAtlas, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();

test('English accessible names lead with the English name and use English punctuation', async () => {
  const page = await openAtlas(env.browser, `${env.site.url}?lang=en&industry=biotech_medicine`);
  await page.waitForFunction(() => document.querySelector('path.city[data-adcode="320100"]')?.getAttribute('aria-label')?.startsWith('Nanjing'));
  const nanjing = await page.getAttribute('path.city[data-adcode="320100"]', 'aria-label');
  assert.equal(nanjing, 'Nanjing (南京市), Southern Jiangsu; Support');
  assert.doesNotMatch(nanjing, /[，；]/);
  await page.goto(`${env.site.url}?lang=en&city=320500&county=320583`);
  const kunshan = page.locator('#atlas-drill-map path.county[data-adcode="320583"]');
  await kunshan.waitFor();
  const name = await kunshan.getAttribute('aria-label');
  assert.match(name, /^Kunshan \(昆山市\), county-level city, Suzhou/);
  assert.doesNotMatch(name, /[，；]/);
  await page.close();
});
