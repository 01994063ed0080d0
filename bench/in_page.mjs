// What the benchmark runs inside the page, before the page's own scripts. It must stay
// self-contained: Playwright sends its source text to the page.

/**
 * Installs `window.__bench` in the page of `side` ('atlas' or 'echarts'):
 * - `firstMap`: a promise of the ms from navigation start to just after the first painted frame
 *   that shows the 13 cities. Atlas: a requestAnimationFrame loop started here, before any of the
 *   page's own code, looks at each frame about to be painted for 13 laid-out `path.city`; a page
 *   whose HTML already holds them shows them in its very first frame. ECharts: its first
 *   `finished` event (animation off), which it fires in the frame that draws its canvas. Either
 *   way the time is taken by a message posted from that frame, which runs once it is painted;
 *   where that frame is the page's first, the first paint's paintTime from paint timing instead
 *   (a script that runs after the first frame would delay the message, not the paint). The runner
 *   awaits this with a plain evaluate, so no test-driver script runs in the page as it loads;
 * - `wasmMemoryBytes()`: the size of every WebAssembly memory the page made or instantiated;
 * - `loadFacts()`: the layout shift so far (CLS: every 'layout-shift' entry without recent
 *   input), first contentful paint, and every fetched address with when its response ended;
 * - `clickCity({adcode, name, point})`, `switchIndustry(value)`, and for the atlas
 *   `switchLanguage()` and `nextSlide()`: ms from the user's event to just after the next painted
 *   frame, each checking that the page really shows the result;
 * - for the atlas, `drillIn(adcode)` (a double click on the city) and `drillOut()` (the trail's
 *   province link): ms from the event to just after the first painted frame that shows the
 *   city's counties, or the province map again.
 */
export function measureInPage(side) {
  /** Resolves with the time once the frame being produced now has been painted. */
  const afterThisFrame = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  /** Resolves with the time just after the next frame is painted. */
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => afterThisFrame().then(resolve)));
  /** Resolves once ECharts has finished rendering, just after that frame is painted. */
  const echartsFinished = () =>
    new Promise((resolve) =>
      window.addEventListener('reference-finished', () => afterThisFrame().then(resolve), { once: true }),
    );
  const fail = (what) => {
    throw new Error(`${side}: ${what}`);
  };

  // Every WebAssembly memory the page makes or gets from an instance's exports, so that the runner
  // can add up their sizes (Runtime.queryObjects over WebAssembly.Memory crashed the split build's
  // page in Chromium).
  const memories = new Set();
  const noteInstance = (instance) => {
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memories.add(value);
    return instance;
  };
  const noteResult = (result) => (result instanceof WebAssembly.Instance ? noteInstance(result) : (noteInstance(result.instance), result));
  const { instantiate, instantiateStreaming, Instance, Memory } = WebAssembly;
  WebAssembly.instantiate = (...args) => instantiate(...args).then(noteResult);
  if (instantiateStreaming) WebAssembly.instantiateStreaming = (...args) => instantiateStreaming(...args).then(noteResult);
  WebAssembly.Instance = new Proxy(Instance, { construct: (target, args, newTarget) => noteInstance(Reflect.construct(target, args, newTarget)) });
  WebAssembly.Memory = new Proxy(Memory, {
    construct: (target, args, newTarget) => {
      const memory = Reflect.construct(target, args, newTarget);
      memories.add(memory);
      return memory;
    },
  });

  let layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });

  let firstMapDone;
  const bench = { firstMap: new Promise((resolve) => (firstMapDone = resolve)) };
  window.__bench = bench;
  /** The bytes of every WebAssembly memory the page has made (0 for a page without wasm). */
  bench.wasmMemoryBytes = () => [...memories].reduce((n, m) => n + m.buffer.byteLength, 0);
  bench.loadFacts = () => ({
    layoutShift,
    firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    fetched: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => e.name.startsWith('http'))
      .map((e) => ({ url: e.name, responseEnd: e.responseEnd })),
  });

  if (side === 'atlas') {
    /** Whether 13 city shapes are in the page, laid out with a size (so this frame shows them). */
    const mapShown = () => {
      let shown = 0;
      for (const city of document.querySelectorAll('path.city')) {
        const box = city.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) shown += 1;
      }
      return shown >= 13;
    };
    /**
   * Resolves with the time the page's first frame was painted, from paint timing: its paintTime
   * (the end of that frame's rendering on the main thread, as the message measures for any other
   * frame), not its presentation time, which adds rasterising and showing the frame.
   */
    const firstPaint = () =>
      new Promise((resolve) =>
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-paint')[0];
          if (!entry) return;
          observer.disconnect();
          resolve(entry.paintTime ?? entry.startTime);
        }).observe({ type: 'paint', buffered: true }),
      );
    let frames = 0;
    const watch = () => {
      frames += 1;
      if (!mapShown()) requestAnimationFrame(watch);
      // In the first frame (the loop runs from the start): the page's first paint is the map's,
      // and paint timing says when it was, whatever task runs after this frame.
      else if (frames === 1) firstPaint().then(firstMapDone);
      else afterThisFrame().then(firstMapDone);
    };
    requestAnimationFrame(watch);

    bench.clickCity = async ({ adcode }) => {
      const city = document.querySelector(`path.city[data-adcode="${adcode}"]`);
      const start = performance.now();
      city.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      const end = await afterPaint();
      if (!city.classList.contains('selected')) fail(`city ${adcode} was not selected`);
      return end - start;
    };
    bench.switchIndustry = async (value) => {
      const picker = document.getElementById('industry-picker');
      const start = performance.now();
      picker.value = value;
      picker.dispatchEvent(new Event('change', { bubbles: true }));
      const end = await afterPaint();
      const industry = value.split(':')[1];
      if (!document.querySelector(`[data-industry="${industry}"]`)) fail(`industry ${industry} was not shown`);
      return end - start;
    };
    bench.switchLanguage = async () => {
      const before = document.documentElement.lang;
      const start = performance.now();
      document.querySelector('.lang-switch').click();
      const end = await afterPaint();
      if (document.documentElement.lang === before) fail(`the language stayed ${before}`);
      return end - start;
    };
    /** Resolves just after the first painted frame in which `shown()` holds (checked each frame). */
    const paintedWhen = (shown) =>
      new Promise((resolve) => {
        const check = () => (shown() ? afterThisFrame().then(resolve) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      });
    const drilledInto = (adcode) => {
      const svg = document.querySelector('.drill-canvas:not([hidden]) #atlas-drill-map');
      return svg?.dataset.city === adcode && svg.querySelector('path.county') !== null
        && document.querySelector('.map').classList.contains('drilled');
    };
    bench.drillIn = async (adcode) => {
      const city = document.querySelector(`#atlas-map path.city[data-adcode="${adcode}"]`);
      const start = performance.now();
      city.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, cancelable: true }));
      const end = await paintedWhen(() => drilledInto(adcode));
      return end - start;
    };
    bench.drillOut = async () => {
      const start = performance.now();
      document.querySelector('.breadcrumb .crumb.province').click();
      const end = await paintedWhen(() => !document.querySelector('.map').classList.contains('drilled')
        && document.querySelector('.drill-canvas').hidden);
      return end - start;
    };
    bench.nextSlide = async () => {
      const slide = () => Number(document.querySelector('.presenter[data-slide]')?.dataset.slide);
      const before = slide();
      const start = performance.now();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
      const end = await afterPaint();
      if (slide() !== before + 1) fail(`ArrowRight went from slide ${before} to ${slide()}`);
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
      if (!series.isSelected(series.getData().indexOfName(name))) fail(`city ${name} was not selected`);
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
