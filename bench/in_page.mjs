// What the benchmark runs inside the page, before the page's own scripts. It must stay
// self-contained: Playwright sends its source text to the page.

/**
 * Installs `window.__bench` in the page of `side` ('atlas' or 'echarts'):
 * - `firstMap`: a promise of the ms from navigation start to the first frame after the 13 cities
 *   are drawn (atlas: 13 `path.city` in the DOM; ECharts: its first `finished` event, its canvas
 *   painted). The runner awaits it with a plain evaluate, so that no test-driver script is
 *   injected into the page while it loads;
 * - `clickCity({adcode, name, point})` and `switchIndustry(value)`: ms from the user's event to
 *   the frame that shows its result.
 */
export function measureInPage(side) {
  /** Resolves with the time just after the next frame is painted. */
  const afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  /** Resolves once ECharts has finished rendering, just after that frame is painted. */
  const echartsFinished = () =>
    new Promise((resolve) =>
      window.addEventListener(
        'reference-finished',
        () => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        },
        { once: true },
      ),
    );
  let firstMapDone;
  const bench = { firstMap: new Promise((resolve) => (firstMapDone = resolve)) };
  window.__bench = bench;

  if (side === 'atlas') {
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('path.city').length !== 13) return;
      observer.disconnect();
      afterPaint().then(firstMapDone);
    });
    observer.observe(document, { childList: true, subtree: true });
    bench.clickCity = async ({ adcode }) => {
      const city = document.querySelector(`path.city[data-adcode="${adcode}"]`);
      const start = performance.now();
      city.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      const end = await afterPaint();
      if (!city.classList.contains('selected')) throw new Error(`city ${adcode} was not selected`);
      return end - start;
    };
    bench.switchIndustry = async (value) => {
      const picker = document.getElementById('industry-picker');
      const start = performance.now();
      picker.value = value;
      picker.dispatchEvent(new Event('change', { bubbles: true }));
      const end = await afterPaint();
      const industry = value.split(':')[1];
      if (!document.querySelector(`.industry-details[data-industry="${industry}"]`)) {
        throw new Error(`industry ${industry} was not shown`);
      }
      return end - start;
    };
  } else {
    echartsFinished().then(firstMapDone);
    bench.clickCity = async ({ name, point }) => {
      const chart = window.referenceChart;
      const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, point);
      const target = chart.getZr().painter.getViewportRoot();
      const box = target.getBoundingClientRect();
      const at = { bubbles: true, cancelable: true, clientX: box.left + x, clientY: box.top + y };
      const finished = echartsFinished();
      const start = performance.now();
      for (const type of ['mousedown', 'mouseup', 'click']) target.dispatchEvent(new MouseEvent(type, at));
      const end = await finished;
      const series = chart.getModel().getSeriesByIndex(0);
      if (!series.isSelected(series.getData().indexOfName(name))) throw new Error(`city ${name} was not selected`);
      return end - start;
    };
    bench.switchIndustry = async (value) => {
      const picker = document.getElementById('industry');
      const finished = echartsFinished();
      const start = performance.now();
      picker.value = value;
      picker.dispatchEvent(new Event('change', { bubbles: true }));
      return (await finished) - start;
    };
  }
}
