// Turns the benchmark's samples into medians, ratios, the results tables and issues 10's, 11's,
// 12's and 19's targets.

/** Median, min and max of a list of numbers (null for an empty list: a side without that action). */
export function stats(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/** The median of each number in `objects` (all of one shape), by key. */
function medians(objects) {
  return Object.fromEntries(Object.keys(objects[0]).map((k) => [k, stats(objects.map((o) => o[k])).median]));
}

/** One side's runs summarised: each measure's median, min and max over all its samples. */
export function summarise(runs, throttledLoads, slowLoads) {
  return {
    loadMs: stats(runs.map((r) => r.loadMs)),
    throttledMs: stats(throttledLoads),
    slowMs: stats(slowLoads.map((l) => l.loadMs)),
    beforeMapSlow: medians(slowLoads.map((l) => l.beforeMap)),
    paintMs: stats(runs.map((r) => r.firstContentfulPaintMs).filter((t) => t !== null)),
    layoutShift: stats(runs.map((r) => r.layoutShift)),
    clickMs: stats(runs.flatMap((r) => r.clickMs)),
    switchMs: stats(runs.flatMap((r) => r.switchMs)),
    languageMs: stats(runs.flatMap((r) => r.languageMs)),
    slideMs: stats(runs.flatMap((r) => r.slideMs)),
    drillFirstMs: stats(runs.map((r) => r.drillFirstMs).filter((t) => t !== null)),
    drillInMs: stats(runs.flatMap((r) => r.drillInMs)),
    drillOutMs: stats(runs.flatMap((r) => r.drillOutMs)),
    heapBytes: stats(runs.map((r) => r.heapBytes)),
    wasmBytes: stats(runs.map((r) => r.wasmBytes)),
    gzip: medians(runs.map((r) => r.bytes.gzip)),
    brotli: medians(runs.map((r) => r.bytes.brotli)),
    beforeMap: medians(runs.map((r) => r.bytes.beforeMap)),
    readyMs: stats(runs.map((r) => r.readyMs)),
    beforeReady: medians(runs.map((r) => r.bytes.beforeReady)),
    afterReady: medians(runs.map((r) => r.bytes.afterReady)),
    chunksAfterReady: medians(runs.map((r) => r.bytes.chunksAfterReady)),
  };
}

const ms = (s) => (s ? `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}–${s.max.toFixed(1)}, n=${s.n})` : '–');
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const mem = (s) => `${kb(s.median)} (${kb(s.min)}–${kb(s.max)})`;
const shift = (s) => `${s.median.toFixed(3)} (max ${s.max.toFixed(3)})`;
const ratio = (a, b) => (a !== undefined && b > 0 ? (a / b).toFixed(2) : '–');
const met = (ok) => (ok ? 'met' : '**missed**');

/** The rows of issue 10's targets: [target, figures, met]. */
function targetRows(r) {
  const { atlas: a, echarts: e } = r;
  const memory = (s) => s.heapBytes.median + s.wasmBytes.median;
  const clickRef = e.clickMs.median;
  const interaction = (name, s) => [
    `${name} → next paint ≤ 12 ms median and ≤ 0.8 × ECharts' city click (${(0.8 * clickRef).toFixed(1)} ms)`,
    `${s.median.toFixed(1)} ms, ${ratio(s.median, clickRef)} × ECharts' city click`,
    s.median <= 12 && s.median <= 0.8 * clickRef,
  ];
  return [
    [
      'load to first map ≤ 0.3 × ECharts',
      `${ratio(a.loadMs.median, e.loadMs.median)} × (${a.loadMs.median.toFixed(0)} vs ${e.loadMs.median.toFixed(0)} ms)`,
      a.loadMs.median <= 0.3 * e.loadMs.median,
    ],
    [
      `load to first map with ${r.throttle}× CPU throttling ≤ 0.5 × ECharts`,
      `${ratio(a.throttledMs.median, e.throttledMs.median)} × (${a.throttledMs.median.toFixed(0)} vs ${e.throttledMs.median.toFixed(0)} ms)`,
      a.throttledMs.median <= 0.5 * e.throttledMs.median,
    ],
    [
      `bytes fetched before the first map (on ${r.network}) ≤ 0.3 × the ECharts page's total (gzip; brotli beside)`,
      `${kb(a.beforeMapSlow.gzip)}, ${ratio(a.beforeMapSlow.gzip, e.gzip.total)} × ${kb(e.gzip.total)} (brotli ${kb(a.beforeMapSlow.brotli)}, ${ratio(a.beforeMapSlow.brotli, e.brotli.total)} × ${kb(e.brotli.total)})`,
      a.beforeMapSlow.gzip <= 0.3 * e.gzip.total,
    ],
    [
      'all first-load bytes ≤ 230 KB gzip (brotli beside)',
      `${kb(a.gzip.total)} gzip, ${kb(a.brotli.total)} brotli (ECharts ${kb(e.gzip.total)}, ${kb(e.brotli.total)})`,
      a.gzip.total <= 230 * 1024,
    ],
    interaction('city click', a.clickMs),
    interaction('industry switch', a.switchMs),
    interaction('language switch', a.languageMs),
    ['slide change → next paint ≤ 16 ms median', `${a.slideMs.median.toFixed(1)} ms`, a.slideMs.median <= 16],
    [
      "JS heap + wasm memory after load ≤ ECharts'",
      `${kb(memory(a))} vs ${kb(memory(e))} (${ratio(memory(a), memory(e))} ×)`,
      memory(a) <= memory(e),
    ],
    [
      'this file lists each target, with the wasm composition',
      r.composition === null ? 'no scripts/wasm-composition.sh in this tree' : 'below',
      r.composition !== null,
    ],
  ];
}

/**
 * Issue 10's final measurement (bench/RESULTS.md on commit 19abb32, the same machine and method),
 * the reference issue 11's "first-load bytes unchanged (± 2 KB)" is taken against.
 */
const ISSUE_10_BYTES = { commit: '19abb32', gzipTotal: 325.9 * 1024, beforeMapSlowGzip: 39.7 * 1024 };

/** The rows of issue 11's targets: [target, figures, met] (null: a figure to report, no bound). */
function drillRows(r) {
  const { atlas: a } = r;
  const delta = (now, then) => `${now >= then ? '+' : '−'}${kb(Math.abs(now - then))}`;
  return [
    ['drill-down into 苏州 → next paint, its data already arrived, ≤ 16 ms median', ms(a.drillInMs), a.drillInMs.median <= 16],
    ['back to the province → next paint ≤ 16 ms median', ms(a.drillOutMs), a.drillOutMs.median <= 16],
    [
      'the county file (assets/counties.json), and the first drill-down, which fetches it, → next paint (loopback)',
      `${kb(r.countyFile.gzip)} gzip, ${kb(r.countyFile.brotli)} brotli (${kb(r.countyFile.raw)} raw); ${ms(a.drillFirstMs)}`,
      null,
    ],
    [
      `bytes fetched before the first map (on ${r.network}) within ± 2 KB of issue 10's (${kb(ISSUE_10_BYTES.beforeMapSlowGzip)} gzip, ${ISSUE_10_BYTES.commit})`,
      `${kb(a.beforeMapSlow.gzip)} (${delta(a.beforeMapSlow.gzip, ISSUE_10_BYTES.beforeMapSlowGzip)})`,
      Math.abs(a.beforeMapSlow.gzip - ISSUE_10_BYTES.beforeMapSlowGzip) <= 2 * 1024,
    ],
    [
      `all first-load bytes within ± 2 KB of issue 10's (${kb(ISSUE_10_BYTES.gzipTotal)} gzip, ${ISSUE_10_BYTES.commit})`,
      `${kb(a.gzip.total)} (${delta(a.gzip.total, ISSUE_10_BYTES.gzipTotal)}; wasm ${kb(a.gzip.wasm)})`,
      Math.abs(a.gzip.total - ISSUE_10_BYTES.gzipTotal) <= 2 * 1024,
    ],
  ];
}

/** The rows of issue 12's measures: [target, figures, met] (null: a figure to report, no bound). */
function viewRows(r) {
  const { overview: o, plan: p, briefs: b } = r.issue12;
  const one = (t) => `${t.toFixed(1)} ms`;
  return [
    ['overview: choosing it → first paint of the ten maps (median)', one(o.overviewFirstPaintMs), null],
    [
      'overview: cross-highlight (hover a city) → next paint ≤ 16 ms median',
      `${one(o.crossHighlightMs)} (worst ${one(o.crossHighlightMaxMs)} of ${o.crossHighlightSamples})`,
      o.crossHighlightMs <= 16,
    ],
    ['plan view: choosing it → painted with its text (median)', one(p.planShowMs), null],
    [
      'plan view: scroll → map update → next paint ≤ 16 ms median',
      `${one(p.planScrollToMapMs)} over ${p.planScrollSteps} steps`,
      p.planScrollToMapMs <= 16,
    ],
    [
      'plan view: no dropped frames in a scripted smooth scroll',
      `${p.planSmoothScrollDropped} dropped of ${p.planSmoothScrollFrames} frames (median run)`,
      p.planSmoothScrollDropped === 0,
    ],
    [
      'the plan document (assets/plan.json, fetched on opening the plan view)',
      `${kb(r.planFile.gzip)} gzip, ${kb(r.planFile.brotli)} brotli (${kb(r.planFile.raw)} raw)`,
      null,
    ],
    [
      'briefs: choosing them → print layout painted; → counties in all 13 locators',
      `${one(b.printLayout)}; ${one(b.withCounties)}`,
      null,
    ],
    ['briefs: page.pdf of all 13 (A4) and its page count = 13', `${one(b.pdf)}, ${b.pages} pages`, b.pages === 13],
  ];
}

/** Issue 19's bounds (its "Targets" section). */
const ISSUE_19 = {
  firstLoadGzip: 250 * 1024,
  firstWasmGzip: 185 * 1024,
  beforeMapSlowGzip: 62.8 * 1024,
  firstTapRatio: 0.5,
  interactionRatio: 0.8,
  firstUsePrefetchedRatio: 1.1,
  firstUseColdMs: 150,
  nodesSlack: 100,
};

/** The rows of issue 19's targets: [target, figures, met] (null: a figure to report, no bound). */
function issue19Rows(r) {
  const { atlas: a, echarts: e, issue19: t, issue12: { plan: p } } = r;
  const memory = (s) => s.heapBytes.median + s.wasmBytes.median;
  const one = (v) => (v === null || v === undefined ? '–' : `${v.toFixed(1)} ms`);
  const interaction = (name, s, bound, ref) => [
    `${name} → next paint ≤ ${bound} ms median${ref ? ` and ≤ ${ISSUE_19.interactionRatio} × ECharts' (${(ISSUE_19.interactionRatio * ref.median).toFixed(1)} ms)` : ' (ECharts has no such action)'}`,
    `${s.median.toFixed(1)} ms${ref ? `, ${ratio(s.median, ref.median)} × ECharts' ${ref.median.toFixed(1)} ms` : ''}`,
    s.median <= bound && (!ref || s.median <= ISSUE_19.interactionRatio * ref.median),
  ];
  const tap = t.firstTap;
  const views = { table: 'table', plan: 'plan view', overview: 'overview', drill: 'drill into 苏州' };
  const firstUse = Object.entries(views).flatMap(([key, name]) => {
    const v = t.firstUse[key];
    return [
      [
        `first ${name}, chunks prefetched (loopback) within 10 % of the unsplit build's`,
        `${one(v.prefetchedMs)} vs ${t.baseline ? `${one(v.baselineMs)} (${ratio(v.prefetchedMs, v.baselineMs)} ×)` : 'no baseline given (ATLAS_BENCH_BASELINE)'}`,
        t.baseline ? v.prefetchedMs <= ISSUE_19.firstUsePrefetchedRatio * v.baselineMs : null,
      ],
      [
        `first ${name}, its chunk not yet fetched (no idle prefetch; loopback) ≤ ${ISSUE_19.firstUseColdMs} ms`,
        one(v.coldMs),
        v.coldMs <= ISSUE_19.firstUseColdMs,
      ],
    ];
  });
  const n = t.nodes;
  return [
    [
      `first load — everything fetched before the map answers a tap (the app has taken the map over, ${one(a.readyMs.median)} on loopback) — ≤ 250 KB gzip (brotli beside)`,
      `${kb(a.beforeReady.gzip)} gzip, ${kb(a.beforeReady.brotli)} brotli (ECharts page ${kb(e.gzip.total)}, ${kb(e.brotli.total)}; ${ratio(a.beforeReady.gzip, e.gzip.total)} ×)`,
      a.beforeReady.gzip <= ISSUE_19.firstLoadGzip,
    ],
    [
      `fetched after that until the network is idle: the wasm chunks prefetched on idle (${t.chunkFiles} files), and all`,
      `chunks ${kb(a.chunksAfterReady.gzip)} gzip, ${kb(a.chunksAfterReady.brotli)} brotli; all ${kb(a.afterReady.gzip)} gzip, ${kb(a.afterReady.brotli)} brotli`,
      null,
    ],
    [
      'the first wasm alone ≤ 185 KB gzip (brotli beside)',
      `${kb(t.firstWasm.gzip)} gzip, ${kb(t.firstWasm.brotli)} brotli (${kb(t.firstWasm.raw)} raw)`,
      t.firstWasm.gzip <= ISSUE_19.firstWasmGzip,
    ],
    [
      `bytes before the first map on ${r.network} ≤ 62.8 KB gzip`,
      `${kb(a.beforeMapSlow.gzip)} gzip, ${kb(a.beforeMapSlow.brotli)} brotli`,
      a.beforeMapSlow.gzip <= ISSUE_19.beforeMapSlowGzip,
    ],
    [
      `first tap on the map answered (painted), ${r.network}, CPU ${r.throttle}× slower, from navigation start, ≤ 0.5 × ECharts' first tap`,
      `${one(tap.atlas.answeredMs)} vs ${one(tap.echarts.answeredMs)} (${ratio(tap.atlas.answeredMs, tap.echarts.answeredMs)} ×); first tap at ${one(tap.atlas.tapMs)} vs ${one(tap.echarts.tapMs)}, ${tap.atlas.taps} vs ${tap.echarts.taps} taps (medians of ${tap.atlas.n}). Before the app starts, the atlas shows the tap taken (the boot script draws the city's selection casing; the app then applies the choice): at ${one(tap.atlas.shownMs)} (${ratio(tap.atlas.shownMs, tap.echarts.answeredMs)} ×), not counted as the answer here`,
      tap.atlas.answeredMs <= ISSUE_19.firstTapRatio * tap.echarts.answeredMs,
    ],
    interaction('city click', a.clickMs, 12, e.clickMs),
    interaction('industry switch', a.switchMs, 12, e.switchMs),
    interaction('language switch', a.languageMs, 16, null),
    [
      'plan-view scroll → map → next paint ≤ 16 ms median, no dropped frame in a smooth scroll',
      `${one(p.planScrollToMapMs)} over ${p.planScrollSteps} steps; ${p.planSmoothScrollDropped} dropped of ${p.planSmoothScrollFrames} frames`,
      p.planScrollToMapMs <= 16 && p.planSmoothScrollDropped === 0,
    ],
    ...firstUse,
    [
      `live DOM nodes after GC, after ${n.walks} walks through the six views, within ± 100 of one walk's`,
      `${n.baseline} → ${n.after} (${n.after - n.baseline >= 0 ? '+' : ''}${n.after - n.baseline}; ${n.afterLoad} after load)`,
      Math.abs(n.after - n.baseline) <= ISSUE_19.nodesSlack,
    ],
    [
      "JS heap + wasm memory after load ≤ ECharts'",
      `${kb(memory(a))} vs ${kb(memory(e))} (${ratio(memory(a), memory(e))} ×)`,
      memory(a) <= memory(e),
    ],
  ];
}

/** The results file: both sides, their ratios, the bytes, the targets and the wasm composition. */
export function resultsMarkdown(r) {
  const { atlas: a, echarts: e } = r;
  const builder = stats(r.builderMs);
  const kinds = ['html', 'js', 'wasm', 'css', 'bundle', 'other'].filter((k) => k !== 'other' || a.gzip.other + e.gzip.other > 0);
  const bytesRow = (label, ag, ab, eg, eb) => `| ${label} | ${kb(ag)} | ${kb(ab)} | ${kb(eg)} | ${kb(eb)} | ${ratio(ag, eg)} |`;
  const bytesRows = [
    ...kinds.map((k) => bytesRow(k, a.gzip[k], a.brotli[k], e.gzip[k], e.brotli[k])),
    bytesRow('**total first load**', a.gzip.total, a.brotli.total, e.gzip.total, e.brotli.total),
    bytesRow(`fetched before the first map, on ${r.network}`, a.beforeMapSlow.gzip, a.beforeMapSlow.brotli, e.beforeMapSlow.gzip, e.beforeMapSlow.brotli),
    bytesRow('fetched before the first map, on loopback', a.beforeMap.gzip, a.beforeMap.brotli, e.beforeMap.gzip, e.beforeMap.brotli),
    bytesRow('fetched before the map answers a tap (issue 19\'s first load; ECharts: its first map)', a.beforeReady.gzip, a.beforeReady.brotli, e.beforeReady.gzip, e.beforeReady.brotli),
    bytesRow('fetched after that: the wasm chunks prefetched on idle', a.chunksAfterReady.gzip, a.chunksAfterReady.brotli, e.chunksAfterReady.gzip, e.chunksAfterReady.brotli),
  ];
  const memory = (s) => s.heapBytes.median + s.wasmBytes.median;
  const targets = targetRows(r);
  const drill = drillRows(r);
  const views = viewRows(r);
  const issue19 = issue19Rows(r);
  const bounded19 = issue19.filter(([, , ok]) => ok !== null);
  const composition = r.composition === null
    ? 'Not measured: `scripts/wasm-composition.sh` is not in this tree. When it is, the benchmark runs it on the measured site and puts its output here.'
    : `Output of \`scripts/wasm-composition.sh\` on the measured site:\n\n${r.composition.trim()}`;
  const devNote = r.devRuns ? `\n**Development run (ATLAS_BENCH_DEV=1, ${r.runs} runs): not a measurement to cite.**\n` : '';
  return `# Benchmark results
${devNote}
Made by \`./scripts/bench.sh\` (see [README.md](README.md) for how each figure is taken) on commit
${r.commit}, ${r.date}, Chromium ${r.chromium}, ${r.cpus} CPU cores; ${r.runs} cold loads of each
side (each in a fresh browser context, after one discarded warm-up load of each), alternating
which goes first, then ${r.runs} more of each with the CPU slowed ${r.throttle}× and ${r.runs} on a
slow connection (DevTools' ${r.network}). Both sides are
served by \`scripts/serve.mjs\` with their precompressed copies (the browser takes brotli). The
reference page draws the same city boundaries from the same bundle with ECharts (map/geo, tooltip,
visualMap, canvas renderer; tree-shaken and minified by esbuild). Times are median (min–max)
over all samples.

| measure | atlas | ECharts | atlas / ECharts |
|---|---|---|---|
| load to first map | ${ms(a.loadMs)} | ${ms(e.loadMs)} | ${ratio(a.loadMs.median, e.loadMs.median)} |
| load to first map, CPU ${r.throttle}× slower | ${ms(a.throttledMs)} | ${ms(e.throttledMs)} | ${ratio(a.throttledMs.median, e.throttledMs.median)} |
| load to first map, on ${r.network} | ${ms(a.slowMs)} | ${ms(e.slowMs)} | ${ratio(a.slowMs.median, e.slowMs.median)} |
| first contentful paint | ${ms(a.paintMs)} | ${ms(e.paintMs)} | ${ratio(a.paintMs?.median, e.paintMs?.median)} |
| layout shift during load (CLS) | ${shift(a.layoutShift)} | ${shift(e.layoutShift)} | – |
| click a city → next paint | ${ms(a.clickMs)} | ${ms(e.clickMs)} | ${ratio(a.clickMs.median, e.clickMs.median)} |
| switch industry → next paint | ${ms(a.switchMs)} | ${ms(e.switchMs)} | ${ratio(a.switchMs.median, e.switchMs.median)} |
| switch language → next paint | ${ms(a.languageMs)} | – | – |
| next slide (presenter, → from slide ${r.firstSlide}) → next paint | ${ms(a.slideMs)} | – | – |
| drill into 苏州 (county data already arrived) → next paint | ${ms(a.drillInMs)} | – | – |
| back to the province → next paint | ${ms(a.drillOutMs)} | – | – |
| first drill into 苏州, fetching the county file → next paint | ${ms(a.drillFirstMs)} | – | – |
| JS heap after load (after GC) | ${mem(a.heapBytes)} | ${mem(e.heapBytes)} | ${ratio(a.heapBytes.median, e.heapBytes.median)} |
| wasm linear memory after load | ${mem(a.wasmBytes)} | ${mem(e.wasmBytes)} | – |
| JS heap + wasm memory | ${kb(memory(a))} | ${kb(memory(e))} | ${ratio(memory(a), memory(e))} |

First-load bytes (everything fetched until the network is idle after load), gzip -9 and brotli
11, by kind of file; the last rows are what had arrived by the first map, on a slow connection
(where a first map needing less shows sooner) and on loopback (where every preloaded file has
arrived before any first map):

| file | atlas gzip | atlas brotli | ECharts gzip | ECharts brotli | atlas / ECharts (gzip) |
|---|---|---|---|---|---|
${bytesRows.join('\n')}

The JS heap does not count the atlas's wasm linear memory, which lives outside it; both are given.
Builder on the full-detail geodata (release build, ${builder.n} runs): ${builder.median.toFixed(0)} ms
(${builder.min.toFixed(0)}–${builder.max.toFixed(0)}).

## Targets (issue 10)

| target | measured | |
|---|---|---|
${targets.map(([what, figures, ok]) => `| ${what} | ${figures} | ${met(ok)} |`).join('\n')}

${targets.filter(([, , ok]) => ok).length} of ${targets.length} met. For information: the issue also asks for no layout shift
while the app takes over the first map (CLS 0); measured ${a.layoutShift.median.toFixed(3)} (median), ${a.layoutShift.max.toFixed(3)} (max).

## Targets (issue 11: drill-down)

| target | measured | |
|---|---|---|
${drill.map(([what, figures, ok]) => `| ${what} | ${figures} | ${ok === null ? 'reported' : met(ok)} |`).join('\n')}

## Measures (issue 12: overview, plan view, briefs)

| measure | measured | |
|---|---|---|
${views.map(([what, figures, ok]) => `| ${what} | ${figures} | ${ok === null ? 'reported' : met(ok)} |`).join('\n')}

## Targets (issue 19)

Each view's first use, the first tap and the live DOM nodes are medians of ${r.issue19.runs} runs (fresh
browser contexts); the rest are the figures above. The unsplit build (the "today's" of the first
use): ${r.issue19.baseline ? `\`${r.issue19.baseline}\`` : 'not given (ATLAS_BENCH_BASELINE)'}.

| target | measured | |
|---|---|---|
${issue19.map(([what, figures, ok]) => `| ${what} | ${figures} | ${ok === null ? 'reported' : met(ok)} |`).join('\n')}

${bounded19.filter(([, , ok]) => ok).length} of ${bounded19.length} met.

## Wasm composition

${composition}
`;
}
