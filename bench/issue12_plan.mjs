// Issue 12 benchmark, the plan reading view: the time to show it (the toolbar's plan button →
// just after the first painted frame showing the text and the map beside it, the plan document
// fetched on that first visit), and scroll → map update (each step of a scripted scroll through
// §四, paragraph by paragraph: the scroll event → just after the painted frame whose map caption
// names that paragraph, in ms and in frames), plus the frames dropped during a scripted smooth
// scroll across §四 (rAF intervals over 1.5 × the page's idle frame interval, also reported). Each timing ends as bench/in_page.mjs `afterPaint`
// ends: a message posted from the frame, which runs once that frame is painted.
//
// `node bench/issue12_plan.mjs [runs]` prints the medians against dist/ (or $ATLAS_DIST) served by scripts/serve.mjs.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { appStarted, launchBrowser, ROOT } from '../tests/e2e/harness.mjs';
import { startServer } from '../scripts/serve.mjs';

/** The median of a list of numbers. */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Installed in the page: `window.__planBench` with the in-page timings. Self-contained. */
function installPlanBench() {
  const afterThisFrame = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  /**
   * Resolves just after the first painted frame that shows `shown()`: after each frame is painted
   * (a message posted from its animation-frame callbacks), the page is checked as that frame left
   * it, whatever order the page's own callbacks ran in.
   */
  const paintedWhen = (shown, limitMs = 20000) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      let frames = 0;
      const check = () =>
        requestAnimationFrame(() =>
          afterThisFrame().then((painted) => {
            frames += 1;
            if (shown()) resolve({ painted, frames });
            else if (painted - started > limitMs) reject(new Error(`not shown within ${limitMs} ms`));
            else check();
          }),
        );
      check();
    });
  const planShown = () => {
    const text = document.querySelector('.plan-text .plan-para');
    const cities = [...document.querySelectorAll('.plan-map path.city')].filter((c) => c.getBoundingClientRect().width > 0);
    return Boolean(text && text.textContent.length > 0 && cities.length === 13);
  };
  window.__planBench = {
    /** Toolbar click → painted plan view. */
    async showPlan() {
      const button = document.querySelector('.view-plan');
      if (!button) throw new Error('no .view-plan button');
      const start = performance.now();
      button.click();
      return (await paintedWhen(planShown)).painted - start;
    },
    /**
     * Each paragraph of part 四 scrolled to the top: from the scroll event the page receives to
     * just after the painted frame whose map caption names the paragraph, and how many frames
     * were painted until then (1: the very next frame).
     */
    async scrollSteps() {
      const scroller = document.querySelector('.plan-reader');
      const paragraphs = [...document.querySelectorAll('.plan-para')];
      const start = paragraphs.findIndex((p) => p.textContent.startsWith('四、'));
      const end = paragraphs.findIndex((p, i) => i > start && /^[五六七八九十]、/.test(p.textContent));
      if (start < 0 || end < 0) throw new Error('part 四 not found');
      const steps = [];
      for (const paragraph of paragraphs.slice(start, end)) {
        const n = paragraph.dataset.p;
        let scrolled = null;
        scroller.addEventListener('scroll', () => (scrolled = performance.now()), { once: true });
        paragraph.scrollIntoView({ block: 'start' });
        const { painted, frames } = await paintedWhen(
          () => scrolled !== null && paragraph.classList.contains('plan-reading')
            && document.querySelector('.plan-map-focus')?.textContent.includes(`第 ${n} 段`),
          2000,
        );
        steps.push({ ms: painted - scrolled, frames });
      }
      return steps;
    },
    /** A smooth scroll across part 四: frames counted and those over 1.5 × the idle interval. */
    async smoothScroll() {
      const idle = await new Promise((resolve) => {
        const stamps = [];
        const tick = (t) => {
          stamps.push(t);
          if (stamps.length < 31) requestAnimationFrame(tick);
          else resolve(stamps.slice(1).map((s, i) => s - stamps[i]).sort((a, b) => a - b)[15]);
        };
        requestAnimationFrame(tick);
      });
      const scroller = document.querySelector('.plan-reader');
      const paragraphs = [...document.querySelectorAll('.plan-para')];
      const from = paragraphs.find((p) => p.textContent.startsWith('四、'));
      const to = paragraphs.find((p) => p.textContent.startsWith('五、'));
      from.scrollIntoView({ block: 'start' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const target = scroller.scrollTop + to.getBoundingClientRect().top - from.getBoundingClientRect().top;
      const stamps = [];
      let running = true;
      const tick = (t) => {
        stamps.push(t);
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      await new Promise((resolve) => {
        scroller.addEventListener('scrollend', resolve, { once: true });
        scroller.scrollTo({ top: target, behavior: 'smooth' });
      });
      running = false;
      const deltas = stamps.slice(1).map((s, i) => s - stamps[i]);
      return { frames: deltas.length, dropped: deltas.filter((d) => d > 1.5 * idle).length, idleFrameMs: idle };
    },
  };
}

/**
 * Measures the plan view `runs` times in `browser` against the site at `baseUrl`: medians in ms of
 * showing it and of each scroll step's map update, and the dropped frames of a smooth scroll.
 */
export async function measurePlan(browser, baseUrl, runs) {
  const show = [];
  const steps = [];
  const smooth = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(installPlanBench);
    await page.goto(baseUrl);
    await page.waitForFunction(appStarted);
    show.push(await page.evaluate(() => window.__planBench.showPlan()));
    steps.push(...(await page.evaluate(() => window.__planBench.scrollSteps())));
    smooth.push(await page.evaluate(() => window.__planBench.smoothScroll()));
    await page.close();
  }
  return {
    planShowMs: median(show),
    planScrollToMapMs: median(steps.map((s) => s.ms)),
    planScrollToMapFrames: median(steps.map((s) => s.frames)),
    planScrollSteps: steps.length,
    planIdleFrameMs: median(smooth.map((s) => s.idleFrameMs)),
    planSmoothScrollFrames: median(smooth.map((s) => s.frames)),
    planSmoothScrollDropped: median(smooth.map((s) => s.dropped)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? 5);
  const browser = await launchBrowser();
  const { server, url } = await startServer({ root: process.env.ATLAS_DIST ?? join(ROOT, 'dist') });
  try {
    console.log(JSON.stringify(await measurePlan(browser, url, runs), null, 2));
  } finally {
    await browser.close();
    server.close();
  }
}
