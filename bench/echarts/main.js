// The benchmark's reference page: the same city boundaries and role layouts as the atlas, drawn by
// ECharts (tree-shaken: map/geo, tooltip, visualMap, canvas renderer) from the atlas's own bundle.
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([MapChart, GeoComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

const ROLE_RANK = { none: 0, support: 1, pilot: 2, focus: 3, signature: 4 };
const ROLE_COLOURS = ['#e3e6ea', '#f4a582', '#7b61b5', '#d6604d', '#8c1d40'];

/** The strongest role each city has in an industry, as map series data. */
function seriesData(bundle, industry) {
  const rank = new Map(bundle.cities.map((c) => [c.adcode, 0]));
  for (const fact of bundle.roles) {
    if (fact.industry !== industry || !rank.has(fact.place)) continue;
    rank.set(fact.place, Math.max(rank.get(fact.place), ROLE_RANK[fact.role]));
  }
  return bundle.cities.map((c) => ({ name: c.name_zh, value: rank.get(c.adcode) }));
}

async function main() {
  const bundle = await (await fetch('../assets/atlas.json')).json();
  const names = new Map(bundle.cities.map((c) => [c.adcode, c.name_zh]));
  const geo = {
    type: 'FeatureCollection',
    features: bundle.city_boundaries.features.map((f) => ({
      ...f,
      properties: { name: names.get(f.properties.adcode) },
    })),
  };
  echarts.registerMap('jiangsu', geo);

  const picker = document.getElementById('industry');
  for (const industry of bundle.industries) picker.add(new Option(industry.name_zh, industry.id));
  const chart = echarts.init(document.getElementById('map'));
  window.referenceChart = chart;
  chart.on('finished', () => window.dispatchEvent(new Event('reference-finished')));
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'item' },
    visualMap: {
      type: 'piecewise',
      pieces: ROLE_COLOURS.map((color, value) => ({ value, color })),
      left: 12,
      bottom: 12,
    },
    series: [
      {
        type: 'map',
        map: 'jiangsu',
        selectedMode: 'single',
        label: { show: true },
        data: seriesData(bundle, picker.value),
      },
    ],
  });
  picker.addEventListener('change', () =>
    chart.setOption({ series: [{ data: seriesData(bundle, picker.value) }] }),
  );
  new ResizeObserver(() => chart.resize()).observe(document.getElementById('map'));
}

main();
