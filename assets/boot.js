// Starts the atlas, and when it cannot start says so, in Chinese and English, naming the file
// that failed and what the operator should check — instead of "Loading…" forever.
//
// It is a static file (the documented CSP allows no inline script), run as a classic script in
// the page's head, before the body is drawn: the page brings the default map (prerendered by the
// site build), and a link to any other view (`?industry=…`, `?lang=en`) marks the page as a deep
// link here, so that map shows neutral until the app applies the link (assets/css/15-prerender.css).
// The site build gives it a content-hashed name; it learns the app's module and wasm addresses
// from the page's <link id="atlas-module"> and <link id="atlas-wasm">, which the build writes with
// their hashed names. If this script itself cannot run, the page's static message shows after
// 10 s (assets/css/60-status.css). A server that takes a request and then sends nothing (for the
// app's script or wasm) gets the same panel after STALL_MS, never "Loading…" forever.

if (window.location.search.length > 1) document.documentElement.classList.add('deep-link');

/**
 * The attribute of the page's root element that holds the adcode of the last place tapped or
 * clicked on the prerendered map before the app started (its places are pictures, not yet
 * focusable, so a tap or a click is the only way to choose one); the app reads it
 * once when it starts, chooses that place as if it had been clicked, and removes it
 * (src/state/prerendered.rs, atlas-core's early_choice.rs). On a slow phone the map paints seconds
 * before the app can answer it: a tap meanwhile is kept, not lost.
 */
const EARLY_PLACE = 'data-early-place';

/** The places of the prerendered map a tap can choose: the cities and the county-level places. */
const PRERENDERED_PLACE = '#prerendered :is(path.city, .place-marker)[data-adcode]';

/**
 * Records a tap or click on a place of the prerendered map, the last one winning,
 * and marks that place as pressed (the `early-choice` class, assets/css/15-prerender.css) so the
 * tap shows it was taken. Once the app has adopted the map it is no longer under #prerendered,
 * and the app's own listeners answer: the first click after that removes this listener.
 */
function recordEarlyPlace(event) {
  if (document.readyState !== 'loading' && !document.getElementById('prerendered')) {
    // The app has replaced the prerendered page: its own listeners answer from now on.
    document.removeEventListener('click', recordEarlyPlace, true);
    return;
  }
  const place = event.target instanceof Element ? event.target.closest(PRERENDERED_PLACE) : null;
  if (!place) return;
  for (const marked of document.querySelectorAll('#prerendered .early-choice')) marked.classList.remove('early-choice');
  place.classList.add('early-choice');
  drawEarlyCasing(place);
  document.documentElement.setAttribute(EARLY_PLACE, place.getAttribute('data-adcode'));
}

/**
 * Draws the selection's casing (a dark line in a light halo, as atlas-core's `casing` draws it)
 * along a tapped city in the prerendered map's selection layer, over the water and under the
 * labels, so the tap reads as taken at once; the app redraws that layer when it starts. A
 * county-level place's marker is marked by its class alone.
 */
function drawEarlyCasing(place) {
  const layer = place.ownerSVGElement?.querySelector('g.selected-outline');
  if (!layer) return;
  layer.replaceChildren();
  const d = place.getAttribute('d');
  if (!place.matches('path.city') || !d) return;
  for (const part of ['casing-halo', 'casing-line']) {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('class', part);
    path.setAttribute('d', d);
    path.setAttribute('fill', 'none');
    layer.append(path);
  }
}
document.addEventListener('click', recordEarlyPlace, true);

/**
 * The WebAssembly features the build uses (binaryen's names, as `wasm-opt --print-features`
 * prints them for the built wasm), each with the smallest module that validates only where the
 * feature is supported. tests/e2e/deploy.test.mjs checks that this list, the README's browser
 * table and the built wasm's features are the same set.
 */
const WASM_FEATURES = {
  'sign-ext': [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 10, 7, 1, 5, 0, 65, 0, 192, 11],
  'nontrapping-float-to-int': [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 10, 11, 1, 9, 0, 67, 0, 0, 0, 0, 252, 0, 11],
  'mutable-globals': [0, 97, 115, 109, 1, 0, 0, 0, 2, 8, 1, 1, 97, 1, 98, 3, 127, 1],
  // data.drop of a passive segment
  'bulk-memory': [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 12, 1, 1, 10, 7, 1, 5, 0, 252, 9, 0, 11, 11, 3, 1, 1, 0],
  // memory.copy
  'bulk-memory-opt': [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 14, 1, 12, 0, 65, 0, 65, 0, 65, 0, 252, 10, 0, 0, 11],
  'reference-types': [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 111, 1, 111, 3, 2, 1, 0, 10, 6, 1, 4, 0, 32, 0, 11],
  // call_indirect whose table index is written in two bytes (0x80 0x00); MVP allows only 0x00
  'call-indirect-overlong': [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 4, 4, 1, 112, 0, 1, 10, 10, 1, 8, 0, 65, 0, 17, 0, 128, 0, 11],
  multivalue: [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 0, 2, 127, 127, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 65, 0, 11],
};

/** The oldest browsers that have every feature above (README "Browser support"). */
const BROWSERS = {
  zh: 'Chrome / Edge 96、Firefox 79、Safari 15 或更新版本（360 等国产浏览器请使用“极速模式”，内核 Chromium 96 以上）',
  en: 'Chrome / Edge 96, Firefox 79, Safari 15 or newer (in 360 and other Chromium-based browsers, the fast mode on a Chromium 96+ core)',
};

/** A failure to report: what failed (`detail`, technical, names the address) and what to check. */
class BootError extends Error {
  constructor(detail, hints) {
    super(detail);
    this.hints = hints;
  }
}

const HINT_BROWSER = {
  zh: `请使用 ${BROWSERS.zh}。`,
  en: `Use ${BROWSERS.en}.`,
};
const HINT_UPLOAD = {
  zh: '请检查该文件已与 index.html 一同完整上传（与构建生成的 dist/ 中的文件大小一致），且服务器以正确的类型发送它（.js 为 text/javascript，.wasm 为 application/wasm）。',
  en: 'Check that this file was uploaded with index.html and is complete (the same size as in the build’s dist/), and that the server sends it with the right type (text/javascript for .js, application/wasm for .wasm).',
};
const HINT_PAGE = {
  zh: '服务器对这个地址返回的是一个网页（很可能对所有不存在的地址都返回 index.html），而不是该文件：文件在服务器上缺失。请把构建生成的 dist/ 中的这个文件与 index.html 一同上传。',
  en: 'The server answers this address with a web page (probably index.html for every address it does not have), not the file: the file is missing on the server. Upload this file from the build’s dist/ next to index.html.',
};

const HINT_STARTUP = {
  zh: '该浏览器能运行 WebAssembly，但地图在启动时出错：请确认 dist/ 中的文件来自同一次构建（整体重新上传），若仍出错，请将上面的详细信息报告给本图的维护者。',
  en: 'This browser runs WebAssembly, but the atlas failed while starting. Check that the files in dist/ come from one build (upload the whole folder again); if it persists, report the detail above to the atlas’s maintainers.',
};

const HINT_CSP = {
  zh: '本页的 Content-Security-Policy 不允许编译 WebAssembly：请在 script-src 中加入 \'wasm-unsafe-eval\'（见 README 与 deploy/nginx.conf）。',
  en: 'This page\'s Content-Security-Policy forbids compiling WebAssembly: add \'wasm-unsafe-eval\' to its script-src (see the README and deploy/nginx.conf).',
};

const HINT_STALLED = {
  zh: '服务器接受了请求，却长时间没有发送任何内容（服务器过载、连接中断或上传尚未完成）。请稍后重新加载本页；若仍如此，请检查服务器。',
  en: 'The server took the request but sent nothing for a long time (an overloaded server, a broken connection or an upload still under way). Reload this page in a while; if it stalls again, check the server.',
};

/** How long the server may send nothing (no answer, or no more of a file) before the atlas stops waiting. */
const STALL_MS = 20000;

/** The error for a file the server stopped sending. */
function stalledError(url) {
  return new BootError(`${url} did not arrive: the server sent nothing for ${STALL_MS / 1000} s (it stalled).`, [HINT_STALLED]);
}

/**
 * `promise`, or a rejection with the stall error for `url` when it has not settled in STALL_MS;
 * for the module import, which gives no progress to watch.
 */
function withinStallTime(promise, url) {
  let timer;
  const stalled = new Promise((_, reject) => { timer = setTimeout(() => reject(stalledError(url)), STALL_MS); });
  return Promise.race([promise, stalled]).finally(() => clearTimeout(timer));
}

/**
 * The wasm's response, as `fetch(url)` gives it, but aborted when the server sends nothing for
 * STALL_MS: no answer, or a body that stops coming (a slow link that keeps sending is waited for).
 * Resolves to { response, stalled }, where `stalled()` tells afterwards whether it was aborted.
 */
async function watchedFetch(url) {
  const controller = new AbortController();
  let timer;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), STALL_MS);
  };
  const stalled = () => controller.signal.aborted;
  arm();
  let response;
  try {
    response = await fetch(url, { signal: controller.signal });
  } catch (error) {
    clearTimeout(timer);
    throw stalled() ? stalledError(url) : error;
  }
  if (!response.body) {
    clearTimeout(timer);
    return { response, stalled };
  }
  const reader = response.body.getReader();
  const body = new ReadableStream({
    async pull(stream) {
      arm();
      try {
        const { done, value } = await reader.read();
        if (done) {
          clearTimeout(timer);
          stream.close();
        } else {
          stream.enqueue(value);
        }
      } catch (error) {
        clearTimeout(timer);
        stream.error(stalled() ? stalledError(url) : error);
      }
    },
    cancel(reason) {
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  });
  return { response: new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }), stalled };
}

/** The slash hint when the page's address lacks its trailing slash (`/atlas`), else nothing. */
function slashHint() {
  const { pathname, origin, search } = window.location;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  if (last === '' || last.includes('.')) return [];
  const page = origin + pathname;
  return [{
    zh: `本页地址 ${page} 不以“/”结尾，页面中的相对地址因此指向上一级目录。请打开 ${page}/${search}（或让服务器把 ${pathname} 重定向到 ${pathname}/，如 deploy/nginx.conf 所做）。`,
    en: `This page's address ${page} does not end with "/", so the page's relative addresses point one folder up. Open ${page}/${search} (or have the server redirect ${pathname} to ${pathname}/, as deploy/nginx.conf does).`,
  }];
}

/** Throws unless this browser runs WebAssembly with every feature the build uses. */
function checkWasm() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') {
    throw new BootError('This browser has no WebAssembly (WebAssembly is not defined).', [HINT_BROWSER]);
  }
  const missing = Object.entries(WASM_FEATURES)
    .filter(([, bytes]) => !WebAssembly.validate(new Uint8Array(bytes)))
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new BootError(`This browser's WebAssembly lacks features the atlas uses: ${missing.join(', ')}.`, [HINT_BROWSER]);
  }
}

/**
 * Throws unless the whole stylesheet arrived: its last rule sets `--atlas-style-complete`. The
 * browser runs this module script only once the stylesheet before it has loaded or failed.
 */
async function checkStyle() {
  const link = document.querySelector('link[rel="stylesheet"]');
  if (!link) throw new BootError('index.html has no stylesheet link: it was not written by scripts/build-site.sh.', [HINT_UPLOAD]);
  const complete = getComputedStyle(document.documentElement).getPropertyValue('--atlas-style-complete').trim() === '1';
  if (!complete) throw await diagnose(link.href, 'style', new Error('its last rule never arrived'));
}

/** The absolute address of the file a <link id=…> of the page names. */
function linked(id) {
  const link = document.getElementById(id);
  if (!link) throw new BootError(`index.html has no <link id="${id}">: it was not written by scripts/build-site.sh.`, [HINT_UPLOAD]);
  return link.href;
}

/**
 * Works out why `url` (a `kind`: 'script', 'wasm' or 'style') could not be used after `error`, by asking
 * the server again: no answer, an error status, a web page, the wrong type, or a broken file.
 */
async function diagnose(url, kind, error) {
  const hints = [...slashHint()];
  let response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (e) {
    return new BootError(`${url} could not be downloaded: ${e.message}`, [...hints, HINT_UPLOAD]);
  }
  if (!response.ok) {
    return new BootError(`The server answered ${response.status} for ${url}.`, [...hints, HINT_UPLOAD]);
  }
  const type = response.headers.get('content-type') ?? '(none)';
  let bytes;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (e) {
    return new BootError(`${url} broke off while downloading: ${e.message}`, [...hints, HINT_UPLOAD]);
  }
  const first = bytes.find((b) => ![9, 10, 13, 32, 0xef, 0xbb, 0xbf].includes(b));
  if (/text\/html/i.test(type) || first === 0x3c /* < */) {
    const expected = { wasm: 'WebAssembly module', style: 'stylesheet', script: 'app’s script' }[kind];
    return new BootError(`${url} serves a web page (HTML, ${type}), not the ${expected}.`, [...hints, HINT_PAGE]);
  }
  if (kind === 'style' && !/text\/css/i.test(type)) {
    return new BootError(`${url} is served as ${type}: browsers apply a stylesheet only when it is sent as text/css.`, [...hints, HINT_UPLOAD]);
  }
  if (kind === 'script' && !/javascript|ecmascript/i.test(type)) {
    return new BootError(`${url} is served as ${type}: browsers run a module script only when it is sent as text/javascript.`, [...hints, HINT_UPLOAD]);
  }
  const reason = error?.message ?? String(error);
  if (kind === 'wasm' && WebAssembly.validate(bytes)) {
    const csp = /Content.Security.Policy|unsafe-eval|disallowed by embedder/i.test(reason);
    return new BootError(`The atlas stopped while starting (${url} is a valid module): ${reason}`, [csp ? HINT_CSP : HINT_STARTUP]);
  }
  const what = { wasm: 'WebAssembly module (incomplete upload?)', style: 'stylesheet (incomplete upload?)', script: 'script' }[kind];
  return new BootError(`${url} (${bytes.length} bytes, ${type}) is not a valid ${what}: ${reason}`, [...hints, HINT_UPLOAD]);
}

/** Shows the error panel in place of the page's prerendered atlas and its loading message. */
function showError(error) {
  const hints = error instanceof BootError ? error.hints : [HINT_UPLOAD];
  const panel = document.createElement('div');
  panel.className = 'status error';
  panel.setAttribute('role', 'alert');
  const add = (tag, text, { lang, className } = {}) => {
    const node = document.createElement(tag);
    node.textContent = text;
    if (lang) node.lang = lang;
    if (className) node.className = className;
    panel.append(node);
  };
  add('h2', '地图无法启动');
  add('p', 'The atlas could not start.', { lang: 'en' });
  add('p', error?.message ?? String(error), { className: 'detail', lang: 'en' });
  for (const hint of hints) {
    add('p', hint.zh, { className: 'hint' });
    add('p', hint.en, { className: 'hint', lang: 'en' });
  }
  // The page's prerendered map cannot become the atlas: the error takes its place.
  document.getElementById('prerendered')?.remove();
  document.getElementById('boot')?.remove();
  document.body.prepend(panel);
}

async function boot() {
  // From here this script reports failures itself: the static fallback message stays hidden.
  document.getElementById('boot')?.classList.add('booting');
  await checkStyle();
  checkWasm();
  const moduleUrl = linked('atlas-module');
  const wasmUrl = linked('atlas-wasm');
  let app;
  try {
    app = await withinStallTime(import(moduleUrl), moduleUrl);
  } catch (error) {
    throw error instanceof BootError ? error : await diagnose(moduleUrl, 'script', error);
  }
  if (typeof app.default !== 'function') {
    throw new BootError(`${moduleUrl} is not the atlas's module (it has no default export to start it).`, [...slashHint(), HINT_UPLOAD]);
  }
  let wasm;
  try {
    wasm = await watchedFetch(wasmUrl);
    await app.default({ module_or_path: wasm.response });
  } catch (error) {
    if (error instanceof BootError) throw error;
    throw wasm?.stalled() ? stalledError(wasmUrl) : await diagnose(wasmUrl, 'wasm', error);
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => boot().catch(showError), { once: true });
} else {
  boot().catch(showError);
}
