// Issue 19, item 6: no leaks. A planner works for an afternoon, going from view to view; each
// view closed must let its elements go. Chromium's own counters (CDP Memory.getDOMCounters, after
// a forced garbage collection) count every node still alive, attached or not: closures the app
// forgot kept closed views' nodes alive (~196 nodes per map ↔ table trip, ~1,790 per overview
// trip, 7,072 → 125,792 nodes after 20 walks through the six views).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openAtlas, useBrowserAndSite } from './harness.mjs';

const env = useBrowserAndSite();

/** Each view's button and an element that shows once the view has drawn. */
const VIEWS = [
  ['table', '.layout-table tbody tr'],
  ['targets', '.targets-view .chart-figure'],
  ['overview', '.overview-view svg path.city'],
  ['plan', '.plan-text .plan-para'],
  ['briefs', '.briefs-view'],
  ['map', '.map svg.map-svg path.city[role="button"]'],
];

/** Opens each view in turn by its button, waiting until it has drawn; ends on the map. */
async function walkViews(page) {
  for (const [view, drawn] of VIEWS) {
    await page.locator(`.view-switch .view-${view}`).click();
    await page.locator(drawn).first().waitFor();
  }
}

/** The live DOM nodes after a full garbage collection. */
async function liveNodes(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  return nodes;
}

describe('no leaks', () => {
  test('walking through the six views ten times keeps the live nodes of one walk', async () => {
    const page = await openAtlas(env.browser, `${env.site.url}?industry=biotech_medicine&city=321200`);
    const cdp = await page.context().newCDPSession(page);
    // One walk first: what a view fetches and keeps once (the plan text, charts) is in.
    await walkViews(page);
    const before = await liveNodes(cdp);
    for (let i = 0; i < 10; i += 1) await walkViews(page);
    const after = await liveNodes(cdp);
    // A leak of even one small panel per walk (≥ 60 nodes) would pass 600.
    assert.ok(after - before < 600, `live nodes ${before} → ${after} after ten walks (${((after - before) / 10).toFixed(0)} per walk)`);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
