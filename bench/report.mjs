// Turns the benchmark's samples into medians, ratios and the results table.

/** Median, min and max of a list of numbers. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/** One side's runs summarised: each measure's median, min and max over all its samples. */
export function summarise(runs) {
  const kinds = Object.keys(runs[0].bytes);
  return {
    loadMs: stats(runs.map((r) => r.loadMs)),
    clickMs: stats(runs.flatMap((r) => r.clickMs)),
    switchMs: stats(runs.flatMap((r) => r.switchMs)),
    heapBytes: stats(runs.map((r) => r.heapBytes)),
    wasmBytes: stats(runs.map((r) => r.wasmBytes)),
    bytes: Object.fromEntries(kinds.map((k) => [k, stats(runs.map((r) => r.bytes[k])).median])),
  };
}

const ms = (s) => `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}–${s.max.toFixed(1)}, n=${s.n})`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const heap = (s) => `${kb(s.median)} (${kb(s.min)}–${kb(s.max)})`;
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : '–');
const met = (ok) => (ok ? 'met' : '**missed**');

/** The results file: both sides, their ratios, the builder, and which targets are met. */
export function resultsMarkdown(r) {
  const { atlas: a, echarts: e } = r;
  const builder = stats(r.builderMs);
  const bytesRows = Object.keys(a.bytes).map(
    (k) => `| ${k === 'total' ? '**total first load**' : k} | ${kb(a.bytes[k])} | ${kb(e.bytes[k])} | ${ratio(a.bytes[k], e.bytes[k])} |`,
  );
  const echartsJsAndData = e.bytes.js + e.bytes.bundle;
  return `# Benchmark results

Made by \`./scripts/bench.sh\` (see the README) on commit ${r.commit}, ${r.date}, Chromium ${r.chromium},
${r.cpus} CPU cores; ${r.runs} cold loads of each side (each in a fresh browser context, after one
discarded warm-up load of each), alternating which goes first. The reference
page draws the same city boundaries from the same bundle with ECharts (map/geo, tooltip, visualMap,
canvas renderer; tree-shaken and minified by esbuild). Times are median (min–max) over all samples.

| measure | atlas | ECharts | atlas / ECharts |
|---|---|---|---|
| load to first map | ${ms(a.loadMs)} | ${ms(e.loadMs)} | ${ratio(a.loadMs.median, e.loadMs.median)} |
| click a city to repaint | ${ms(a.clickMs)} | ${ms(e.clickMs)} | ${ratio(a.clickMs.median, e.clickMs.median)} |
| switch industry to repaint | ${ms(a.switchMs)} | ${ms(e.switchMs)} | ${ratio(a.switchMs.median, e.switchMs.median)} |
| JS heap after load (after GC) | ${heap(a.heapBytes)} | ${heap(e.heapBytes)} | ${ratio(a.heapBytes.median, e.heapBytes.median)} |
| wasm linear memory after load | ${heap(a.wasmBytes)} | ${heap(e.wasmBytes)} | – |
| JS heap + wasm memory | ${kb(a.heapBytes.median + a.wasmBytes.median)} | ${kb(e.heapBytes.median + e.wasmBytes.median)} | ${ratio(a.heapBytes.median + a.wasmBytes.median, e.heapBytes.median + e.wasmBytes.median)} |

First-load bytes, gzip -9, by kind of file:

| file | atlas | ECharts | atlas / ECharts |
|---|---|---|---|
${bytesRows.join('\n')}

The JS heap does not count the atlas's wasm linear memory, which lives outside it; both are given.

Builder on the full-detail geodata (release build, ${builder.n} runs): ${builder.median.toFixed(0)} ms
(${builder.min.toFixed(0)}–${builder.max.toFixed(0)}).

## Targets

| target | result | |
|---|---|---|
| load to first map ≤ 0.5 × ECharts | ${ratio(a.loadMs.median, e.loadMs.median)} × | ${met(a.loadMs.median <= 0.5 * e.loadMs.median)} |
| first-load bytes ≤ 240 KB gzip | ${kb(a.bytes.total)} | ${met(a.bytes.total <= 240 * 1024)} |
| first-load bytes below ECharts' JS plus its data (${kb(echartsJsAndData)}) | ${kb(a.bytes.total)} | ${met(a.bytes.total < echartsJsAndData)} |
| click to repaint ≤ 16 ms median (city) | ${a.clickMs.median.toFixed(1)} ms | ${met(a.clickMs.median <= 16)} |
| click to repaint ≤ 16 ms median (industry) | ${a.switchMs.median.toFixed(1)} ms | ${met(a.switchMs.median <= 16)} |
| builder ≤ 2 s | ${(builder.median / 1000).toFixed(2)} s | ${met(builder.median <= 2000)} |
`;
}
