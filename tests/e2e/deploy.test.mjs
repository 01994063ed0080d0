// Deployment from the operator's side: the built site behind Debian's nginx with
// deploy/nginx.conf at a sub-path; a broken upload (a file missing or truncated, a host answering
// every address with index.html, the page at /atlas without its slash) or an old browser gives a
// bilingual error panel naming the file, within seconds; the serve command survives bad requests;
// both servers send the build's precompressed copies (brotli, gzip) to browsers that accept them;
// and the wasm features the build uses are exactly those the boot check and the README cover.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { chmod, cp, mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { DIST, ROOT, launchBrowser, linkedAsset, openAtlas, serveSite, appStarted } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { COMPRESSIBLE } from '../../scripts/precompress.mjs';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
/** Debian's brotli_static module (package libnginx-mod-http-brotli-static), which deploy/nginx-brotli.conf uses. */
const BROTLI_MODULE = process.env.NGINX_BROTLI_MODULE ?? '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const WASM_OPT = join(ROOT, 'node_modules', '.bin', 'wasm-opt');
const INDEX = readFileSync(join(DIST, 'index.html'), 'utf8');

const MODULE = linkedAsset('atlas-module');
const WASM = linkedAsset('atlas-wasm');
const BUNDLE = linkedAsset('atlas-bundle');
const BOOT = INDEX.match(/<script src="([^"]+)"/)[1];
const STYLE = INDEX.match(/<link rel="stylesheet" href="([^"]+)"/)[1];
const VIEWS_STYLE = INDEX.match(/<meta name="atlas-views-style" content="([^"]+)"/)[1];

/**
 * Sends a raw request for `path` (not normalised by any URL parser, nothing decoded); resolves to
 * status, headers, body (as text) and bytes (as received).
 */
function rawGet(port, path, headers = {}, method = 'GET') {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        ok({ status: res.statusCode, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

/** A free loopback port. */
function freePort() {
  return new Promise((ok, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/** Makes every folder under `dir` 0755 and every file 0644, whatever the umask made them. */
async function readableByAll(dir) {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(entry.parentPath ?? dir, entry.name);
    if (entry.isDirectory()) await readableByAll(path);
    else await chmod(path, 0o644);
  }
}

/**
 * Runs Debian's nginx in the foreground with a temporary prefix whose server block includes
 * deploy/nginx.conf and serves DIST at /atlas/; `frameAncestors` is the portal origin allowed to
 * frame it. Resolves once nginx answers; `stop()` ends it.
 */
async function startNginx({ frameAncestors }) {
  if (!existsSync(BROTLI_MODULE)) {
    throw new Error(`deploy/nginx-brotli.conf uses brotli_static, but ${BROTLI_MODULE} is missing: install Debian's libnginx-mod-http-brotli-static (or set NGINX_BROTLI_MODULE)`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'atlas-nginx-'));
  // nginx started as root serves as `nobody`, which must reach the site through this folder.
  await chmod(dir, 0o755);
  await mkdir(join(dir, 'www'));
  await mkdir(join(dir, 'logs'));
  // A copy, not a link to DIST: a clone in a private folder (mode 0700, as `mktemp -d` makes)
  // is out of `nobody`'s reach, and every request would be refused with 403.
  await cp(DIST, join(dir, 'www', 'atlas'), { recursive: true });
  await readableByAll(join(dir, 'www'));
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`).join('\n');
  await writeFile(join(dir, 'nginx.conf'), `daemon off;
load_module ${BROTLI_MODULE};
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
${temp}
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${dir}/www;
    include ${join(ROOT, 'deploy', 'nginx.conf')};
    include ${join(ROOT, 'deploy', 'nginx-brotli.conf')};
    set $atlas_frame_ancestors "${frameAncestors}";
  }
}
`);
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'logs', 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((ok) => child.once('exit', ok));
  // Wait until it answers (or exits with its reason).
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}${await readFile(join(dir, 'logs', 'error.log'), 'utf8').catch(() => '')}`);
    const answered = await rawGet(port, '/atlas/').then(() => true, () => false);
    if (answered) break;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return {
    port,
    url: `http://127.0.0.1:${port}/atlas/`,
    /** What nginx said on start-up and in its error log. */
    log: async () => stderr + (await readFile(join(dir, 'logs', 'error.log'), 'utf8').catch(() => '')),
    async stop() {
      child.kill('SIGQUIT');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Checks a server's answers for the built wasm, fetched by `get(headers)`: to a request accepting
 * gzip only, the build's .gz; where brotli is accepted too (as browsers send it), the build's
 * .br; each sent as it is, decoding to the wasm, with the wasm's type and Vary: Accept-Encoding;
 * to an identity request, the file itself.
 */
async function assertPrecompressedWasm(get) {
  const file = readFileSync(join(DIST, WASM));
  for (const [accept, coding, suffix, decode] of [['gzip', 'gzip', 'gz', gunzipSync], ['gzip, deflate, br, zstd', 'br', 'br', brotliDecompressSync]]) {
    const answer = await get({ 'Accept-Encoding': accept });
    assert.equal(answer.status, 200, accept);
    assert.equal(answer.headers['content-encoding'], coding, accept);
    assert.equal(answer.headers['content-type'], 'application/wasm', accept);
    assert.match(answer.headers.vary ?? '', /Accept-Encoding/i, accept);
    assert.ok(decode(answer.bytes).equals(file), `${accept}: decodes to the wasm`);
    assert.ok(answer.bytes.equals(readFileSync(join(DIST, `${WASM}.${suffix}`))), `${accept}: the build's ${suffix}, as it is`);
  }
  const plain = await get({ 'Accept-Encoding': 'identity' });
  assert.equal(plain.status, 200);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers['content-type'], 'application/wasm');
  assert.ok(plain.bytes.equals(file), 'identity: the file itself');
}

/**
 * Checks a server's answers for the two boundary downloads, fetched by `get(path, headers)`:
 * typed `application/geo+json` (RFC 7946) whatever the encoding, the build's gzip copy to a
 * request accepting gzip (decoding to the file, well under half its size), the file itself to an
 * identity request.
 */
async function assertGeoJsonDownloads(get) {
  for (const path of ['assets/boundaries.wgs84.geojson', 'assets/boundaries.gcj02.geojson']) {
    const file = readFileSync(join(DIST, path));
    const zipped = await get(path, { 'Accept-Encoding': 'gzip' });
    assert.equal(zipped.status, 200, path);
    assert.match(zipped.headers['content-type'], /^application\/geo\+json/, path);
    assert.equal(zipped.headers['content-encoding'], 'gzip', path);
    assert.ok(zipped.bytes.equals(readFileSync(join(DIST, `${path}.gz`))), `${path}: the build's .gz, as it is`);
    assert.ok(gunzipSync(zipped.bytes).equals(file), `${path}: decodes to the file`);
    assert.ok(zipped.bytes.length < file.length / 2, `${path}: ${zipped.bytes.length} of ${file.length} bytes`);
    const plain = await get(path, { 'Accept-Encoding': 'identity' });
    assert.match(plain.headers['content-type'], /^application\/geo\+json/, path);
    assert.equal(plain.headers['content-encoding'], undefined, path);
    assert.ok(plain.bytes.equals(file), `${path}: the file itself`);
  }
}

/**
 * Opens the page at `url` after `prepare(page)` (routes, init scripts), waits for the error
 * panel and returns { page, text, ms } (ms: from navigation to the panel).
 */
async function errorPanel(browser, url, prepare = async () => {}) {
  const page = await browser.newPage();
  await prepare(page);
  const started = Date.now();
  await page.goto(url);
  await page.locator('.status.error').waitFor({ timeout: 15000 });
  const ms = Date.now() - started;
  const text = await page.locator('.status.error').innerText();
  return { page, text, ms };
}

/** The panel is bilingual, names `file` and is there instead of the loading message. */
async function assertBilingualPanel({ page, text, ms }, file) {
  assert.match(text, /地图无法启动/);
  assert.match(text, /The atlas could not start/);
  assert.ok(text.includes(file), `the panel names ${file}: ${text}`);
  assert.match(text, /请|检查/, 'says in Chinese what to check');
  assert.match(text, /Check|Use|Open|Upload|add/, 'says in English what to check');
  assert.equal(await page.getByText('正在加载').count(), 0, 'the loading message is gone');
  assert.equal(await page.locator('.boot-stalled').count(), 0, 'the static fallback is gone');
  assert.ok(ms < 8000, `the panel shows within seconds (${ms} ms)`);
}

describe('a broken deployment says so, in both languages, naming the file', () => {
  let browser;
  let site;
  before(async () => {
    browser = await launchBrowser();
    site = await serveSite({ prefix: '/atlas/' });
  });
  after(async () => {
    await browser?.close();
    site?.server.close();
  });

  test('the intact site starts and the loading message goes', async () => {
    const page = await openAtlas(browser, site.url);
    assert.equal(await page.locator('#boot').count(), 0);
    assert.equal(await page.locator('.status.error').count(), 0);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a missing wasm (404)', async () => {
    const panel = await errorPanel(browser, site.url, (page) => page.route(`**/${WASM}`, (r) => r.fulfill({ status: 404, body: 'not found' })));
    await assertBilingualPanel(panel, WASM);
    assert.match(panel.text, /answered 404/);
    await panel.page.close();
  });

  test('a truncated wasm (half uploaded)', async () => {
    const bytes = readFileSync(join(DIST, WASM));
    const half = bytes.subarray(0, bytes.length >> 1);
    const panel = await errorPanel(browser, site.url, (page) => page.route(`**/${WASM}`, (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: half })));
    await assertBilingualPanel(panel, WASM);
    assert.match(panel.text, /not a valid WebAssembly module/);
    assert.ok(panel.text.includes(`${half.length} bytes`), 'says how many bytes arrived');
    await panel.page.close();
  });

  test('a wasm from another build (a valid module the app script cannot start)', async () => {
    const empty = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    const panel = await errorPanel(browser, site.url, (page) => page.route(`**/${WASM}`, (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: empty })));
    await assertBilingualPanel(panel, WASM);
    assert.match(panel.text, /stopped while starting/);
    assert.match(panel.text, /come from one build/, 'the hint is about the upload, not the browser');
    assert.match(panel.text, /同一次构建/);
    assert.doesNotMatch(panel.text, /Use Chrome/, 'no browser advice for a browser that runs wasm');
    await panel.page.close();
  });

  test('a missing stylesheet (404): no unstyled map, the panel names it', async () => {
    const panel = await errorPanel(browser, site.url, (page) => page.route(`**/${STYLE}`, (r) => r.fulfill({ status: 404, body: 'not found' })));
    await assertBilingualPanel(panel, STYLE);
    assert.match(panel.text, /answered 404/);
    assert.equal(await panel.page.locator('path.city').count(), 0, 'the app did not start unstyled');
    await panel.page.close();
  });

  test('a stylesheet cut short', async () => {
    const css = readFileSync(join(DIST, STYLE), 'utf8');
    const panel = await errorPanel(browser, site.url, (page) => page.route(`**/${STYLE}`, (r) => r.fulfill({ status: 200, contentType: 'text/css', body: css.slice(0, css.length >> 1) })));
    await assertBilingualPanel(panel, STYLE);
    assert.match(panel.text, /is not a valid stylesheet \(incomplete upload\?\)/);
    await panel.page.close();
  });

  test("a missing app script (atlas.…js, 404)", async () => {
    const panel = await errorPanel(browser, site.url, (page) => page.route(`**/${MODULE}`, (r) => r.fulfill({ status: 404, body: 'not found' })));
    await assertBilingualPanel(panel, MODULE);
    assert.match(panel.text, /answered 404/);
    await panel.page.close();
  });

  test('a truncated app script', async () => {
    const js = readFileSync(join(DIST, MODULE), 'utf8');
    const panel = await errorPanel(browser, site.url, (page) => page.route(`**/${MODULE}`, (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: js.slice(0, js.length >> 1) })));
    await assertBilingualPanel(panel, MODULE);
    assert.match(panel.text, /not a valid script/);
    await panel.page.close();
  });

  test('the app script sent with a type that is not JavaScript', async () => {
    const js = readFileSync(join(DIST, MODULE));
    const panel = await errorPanel(browser, site.url, (page) => page.route(`**/${MODULE}`, (r) => r.fulfill({ status: 200, contentType: 'application/octet-stream', body: js })));
    await assertBilingualPanel(panel, MODULE);
    assert.match(panel.text, /is served as application\/octet-stream: browsers run a module script only when it is sent as text\/javascript/);
    await panel.page.close();
  });

  for (const [what, file] of [['app script', MODULE], ['wasm', WASM]]) {
    test(`a host answering every address with index.html, the ${what} missing`, async () => {
      const panel = await errorPanel(browser, site.url, (page) => page.route(`**/${file}`, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: INDEX })));
      await assertBilingualPanel(panel, file);
      assert.match(panel.text, /serves a web page \(HTML/);
      assert.match(panel.text, /index\.html/);
      await panel.page.close();
    });
  }

  test('the bundle answered with the page (text/html): the app says the address serves a page', async () => {
    const page = await browser.newPage();
    await page.route(`**/${BUNDLE}`, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: INDEX }));
    await page.goto(site.url);
    await page.locator('.status.error').waitFor();
    const text = await page.locator('.status.error').innerText();
    assert.ok(text.includes(`${BUNDLE} serves a web page (HTML), not the data bundle`), text);
    assert.match(text, /无法加载地图数据/);
    await page.close();
  });

  test('a browser without WebAssembly', async () => {
    const panel = await errorPanel(browser, site.url, (page) => page.addInitScript(() => delete window.WebAssembly));
    assert.match(panel.text, /no WebAssembly/);
    await assertBilingualPanel(panel, 'Chrome / Edge 96');
    await panel.page.close();
  });

  test('a browser whose WebAssembly lacks a feature the build uses', async () => {
    // An engine without bulk memory: it refuses the modules using its instructions
    // (0xfc 0x08–0x11: memory.init, data.drop, memory.copy, memory.fill, table.*).
    const panel = await errorPanel(browser, site.url, (page) => page.addInitScript(() => {
      const validate = WebAssembly.validate;
      WebAssembly.validate = (bytes) => {
        const b = new Uint8Array(bytes);
        for (let i = 0; i + 1 < b.length; i++) if (b[i] === 0xfc && b[i + 1] >= 0x08 && b[i + 1] <= 0x11) return false;
        return validate(bytes);
      };
    }));
    assert.match(panel.text, /lacks features the atlas uses: bulk-memory, bulk-memory-opt\./);
    await assertBilingualPanel(panel, 'Firefox 79');
    await panel.page.close();
  });

  test("a Content-Security-Policy without 'wasm-unsafe-eval'", async () => {
    const strict = await serveSite({ prefix: '/atlas/', headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" } });
    try {
      const panel = await errorPanel(browser, strict.url);
      await assertBilingualPanel(panel, WASM);
      assert.match(panel.text, /add 'wasm-unsafe-eval' to its script-src/);
      assert.match(panel.text, /script-src 中加入 'wasm-unsafe-eval'/);
      await panel.page.close();
    } finally {
      strict.server.close();
    }
  });

  test('the page at /atlas without its slash: the static message shows at once, the boot script names the address', async () => {
    // A host that serves the page at /atlas instead of redirecting: every relative address then
    // points one folder up (/boot….js, /assets/…), where nothing is.
    const origin = new URL(site.url).origin;
    const page = await browser.newPage();
    await page.route((url) => url.origin === origin && url.pathname === '/atlas', (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: INDEX }));
    await page.goto(`${origin}/atlas`);
    // No stylesheet could load, so nothing hides the static message: it is there at once.
    await page.locator('.boot-stalled').waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await page.locator('.boot-stalled').innerText(), /以“\/”结尾[\s\S]*ends with "\/"/);
    // Where the boot script is still found one level up, it names the address and the fix.
    await page.route(`${origin}/${BOOT}`, (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(join(DIST, BOOT)) }));
    await page.goto(`${origin}/atlas?lang=en`);
    await page.locator('.status.error').waitFor({ timeout: 15000 });
    const text = await page.locator('.status.error').innerText();
    assert.ok(text.includes(`${origin}/${STYLE}`), `names the first file it could not load, the stylesheet: ${text}`);
    assert.ok(text.includes(`This page's address ${origin}/atlas does not end with "/"`), text);
    assert.ok(text.includes(`Open ${origin}/atlas/?lang=en`), text);
    assert.ok(text.includes('本页地址'), text);
    await page.close();
  });

  test('the serve command redirects /atlas to /atlas/, keeping the query', async () => {
    const page = await openAtlas(browser, `${new URL(site.url).origin}/atlas?lang=en&city=320600`);
    assert.equal(new URL(page.url()).pathname, '/atlas/');
    assert.match(page.url(), /city=320600/);
    await page.close();
  });

  test('no boot script at all: a static message after about 10 s', async () => {
    const page = await browser.newPage();
    await page.route(`**/${BOOT}`, (r) => r.fulfill({ status: 404, body: 'not found' }));
    const started = Date.now();
    await page.goto(site.url);
    await page.getByText('正在加载').waitFor();
    assert.equal(await page.locator('.boot-stalled').isVisible(), false, 'hidden while the page may still be loading');
    await page.locator('.boot-stalled').waitFor({ state: 'visible', timeout: 30000 });
    const ms = Date.now() - started;
    assert.ok(ms >= 9000, `not before about 10 s (${ms} ms)`);
    const text = await page.locator('.boot-stalled').innerText();
    assert.match(text, /地图程序没有启动/);
    assert.match(text, /The atlas did not start/);
    assert.match(text, /重新加载[\s\S]*reload this page/, 'it says to reload');
    await page.close();
  });

  test('a stale page naming files the server no longer has (stylesheet and boot script gone): the top of the page says to reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const file of [STYLE, BOOT]) await page.route(`**/${file}`, (r) => r.fulfill({ status: 404, body: 'not found' }));
    await page.goto(site.url);
    const notice = page.locator('#unstyled');
    await notice.waitFor({ state: 'visible' });
    const box = await notice.boundingBox();
    assert.ok(box.y < 100 && box.y + box.height <= 800, `at the top of the page, in view: ${JSON.stringify(box)}`);
    const text = await notice.innerText();
    assert.match(text, /重新加载本页/);
    assert.match(text, /reload this page/);
    await page.close();
    // With its stylesheet the page never shows the notice.
    const styled = await openAtlas(browser, site.url);
    assert.equal(await styled.locator('#unstyled').isVisible(), false);
    await styled.close();
  });
});

describe('behind Debian nginx with deploy/nginx.conf, at /atlas/', () => {
  let browser;
  let host;
  let nginx;
  before(async () => {
    browser = await launchBrowser();
    // The portal: another origin, framing the atlas in a sandbox without allow-same-origin.
    const dir = await mkdtemp(join(tmpdir(), 'atlas-portal-'));
    host = await startServer({ root: dir });
    host.dir = dir;
    nginx = await startNginx({ frameAncestors: new URL(host.url).origin });
    writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html><html><head><meta charset="utf-8"><title>portal</title><link rel="icon" href="data:,"></head><body>
<iframe src="${nginx.url}?embed=1&amp;lang=en&amp;city=320600" title="atlas" sandbox="allow-scripts" style="width:100%;height:900px;border:0"></iframe>
</body></html>`);
  });
  after(async () => {
    await browser?.close();
    await nginx?.stop();
    host?.server.close();
    if (host) await rm(host.dir, { recursive: true, force: true });
  });

  test('the atlas loads and draws the 13 cities', async () => {
    const page = await openAtlas(browser, nginx.url);
    assert.deepEqual(page.problems, []);
    assert.ok((await page.locator('h1, header').first().innerText()).length > 0);
    await page.close();
  });

  test('a sandboxed allow-scripts iframe on another origin works through nginx', async () => {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(host.url);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForURL((url) => url.href.startsWith(nginx.url));
    await frame.waitForFunction(appStarted);
    await frame.locator('.panel h2, .panel-title').first().waitFor();
    assert.equal(await frame.evaluate(() => window.origin), 'null', 'the frame has an opaque origin');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the shipped example host page (examples/embed.html, same site) frames it under the policy", async () => {
    const page = await browser.newPage();
    await page.goto(`${nginx.url}examples/embed.html`);
    const frame = await (await page.waitForSelector('#atlas')).contentFrame();
    await frame.waitForURL((url) => url.href.startsWith(nginx.url));
    await frame.waitForFunction(appStarted);
    await page.close();
  });

  test('a portal not in frame-ancestors cannot frame it', async () => {
    const page = await browser.newPage();
    const blocked = new Promise((ok) => page.on('console', (m) => /frame-ancestors/.test(m.text()) && ok(m.text())));
    // localhost is another origin than the 127.0.0.1 the policy names.
    await page.goto(host.url.replace('127.0.0.1', 'localhost'));
    assert.match(await blocked, /Content Security Policy/);
    await page.close();
  });

  test('types, caching and cross-origin headers', async () => {
    const get = (path) => rawGet(nginx.port, `/atlas/${path}`);
    const year = 'public, max-age=31536000, immutable';
    const wasm = await get(WASM);
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers['content-type'], 'application/wasm');
    for (const [file, type] of [[WASM, 'application/wasm'], [MODULE, 'text/javascript'], [BOOT, 'text/javascript'], [STYLE, 'text/css'], [VIEWS_STYLE, 'text/css'], [BUNDLE, 'application/json']]) {
      const answer = await get(file);
      assert.equal(answer.status, 200, file);
      assert.ok(answer.headers['content-type'].startsWith(type), `${file}: ${answer.headers['content-type']}`);
      assert.equal(answer.headers['cache-control'], year, file);
      assert.equal(answer.headers['access-control-allow-origin'], '*', file);
    }
    for (const path of ['', 'index.html', 'assets/atlas.json', 'assets/layout.csv', 'assets/plan.txt']) {
      const answer = await get(path);
      assert.equal(answer.status, 200, path);
      assert.equal(answer.headers['cache-control'], 'no-cache', path);
      assert.equal(answer.headers['access-control-allow-origin'], '*', path);
    }
    const index = await get('');
    assert.match(index.headers['content-type'], /^text\/html/);
    assert.match(index.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'.*frame-ancestors 'self' http:\/\/127\.0\.0\.1:\d+/);
    // Compressed for browsers that accept it.
    const zipped = await rawGet(nginx.port, `/atlas/${WASM}`, { 'Accept-Encoding': 'gzip' });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers['cache-control'], year);
    // deploy/nginx.conf loads and serves all this without a warning or an error.
    assert.doesNotMatch(await nginx.log(), /\[(warn|error|crit|alert|emerg)\]/);
    // A missing file is a 404, never the page in its place.
    assert.equal((await get('atlas_bg.0000000000000000.wasm')).status, 404);
  });

  test("the build's brotli and gzip copies, as the request accepts, the plain file otherwise", async () => {
    await assertPrecompressedWasm((headers) => rawGet(nginx.port, `/atlas/${WASM}`, headers));
  });

  test('the boundary downloads go out as GeoJSON, precompressed', async () => {
    await assertGeoJsonDownloads((path, headers) => rawGet(nginx.port, `/atlas/${path}`, headers));
  });

  test('/atlas without its slash redirects to /atlas/, keeping the query', async () => {
    const answer = await rawGet(nginx.port, '/atlas?embed=1&city=320600');
    assert.equal(answer.status, 301);
    assert.match(answer.headers.location, /\/atlas\/\?embed=1&city=320600$/);
    const page = await openAtlas(browser, `http://127.0.0.1:${nginx.port}/atlas?lang=en`);
    assert.equal(new URL(page.url()).pathname, '/atlas/');
    await page.close();
  });
});

describe('the serve command survives bad requests', () => {
  let server;
  let port;
  let dir;
  before(async () => {
    // The site folder `dist` beside a sibling whose name starts like it, `dist-old`.
    dir = await mkdtemp(join(tmpdir(), 'atlas-serve-'));
    await mkdir(join(dir, 'dist'));
    await mkdir(join(dir, 'dist-old'));
    await writeFile(join(dir, 'dist', 'index.html'), '<!DOCTYPE html><title>site</title>');
    await writeFile(join(dir, 'dist-old', 'secret.txt'), 'SECRET');
    await mkdir(join(dir, 'dist', 'assets'));
    ({ server } = await startServer({ root: join(dir, 'dist') }));
    port = server.address().port;
  });
  after(async () => {
    server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('a malformed percent-escape gets 400 and the server keeps serving', async () => {
    const bad = await rawGet(port, '/%E0%A4%A');
    assert.equal(bad.status, 400);
    assert.equal((await rawGet(port, '/%')).status, 400);
    const good = await rawGet(port, '/');
    assert.equal(good.status, 200);
    assert.match(good.body, /<title>site<\/title>/);
  });

  test('no path reaches a sibling folder whose name starts like the site folder', async () => {
    for (const path of ['/..%2fdist-old%2fsecret.txt', '/../dist-old/secret.txt', '/%2e%2e/dist-old/secret.txt', '/..%5cdist-old%5csecret.txt']) {
      const answer = await rawGet(port, path);
      assert.notEqual(answer.status, 200, path);
      assert.ok(!answer.body.includes('SECRET'), path);
    }
    assert.equal((await rawGet(port, '/..%2fdist-old%2fsecret.txt')).status, 403);
    assert.equal((await rawGet(port, '/index.html')).status, 200, 'still serving');
  });

  test('a folder redirect never sends the browser to another host', async () => {
    assert.equal((await rawGet(port, '/assets?x=1')).headers.location, '/assets/?x=1');
    for (const path of ['/.//evil.example/%2e%2e%2fassets', '//evil.example/%2e%2e/assets', '/\\evil.example/..%2fassets']) {
      const answer = await rawGet(port, path);
      const location = answer.headers.location ?? '';
      assert.ok(!/^[/\\]{2}/.test(location) && !/^[a-z]+:/i.test(location), `${path} → ${answer.status} ${location}`);
    }
  });
});

describe('the build precompresses; the serve command sends the copies', () => {
  let site;
  before(async () => {
    site = await serveSite();
  });
  after(() => site?.server.close());
  const port = () => site.server.address().port;

  test('each compressible file has a .br and a .gz beside it, smaller, decoding to it', () => {
    const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const files = walk(DIST);
    const compressible = files.filter((f) => COMPRESSIBLE.has(extname(f)));
    const brotli11 = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    for (const [suffix, decode, encode] of [['.gz', gunzipSync, (b) => gzipSync(b, { level: 9 })], ['.br', brotliDecompressSync, brotli11]]) {
      for (const file of compressible) {
        const original = readFileSync(file);
        if (!existsSync(file + suffix)) {
          // Left out only where compressing does not pay.
          assert.ok(encode(original).length >= original.length, `${file}${suffix} is missing`);
          continue;
        }
        const packed = readFileSync(file + suffix);
        assert.ok(packed.length < original.length, `${file}${suffix} is smaller`);
        assert.ok(decode(packed).equals(original), `${file}${suffix} decodes to the file`);
      }
      for (const name of [WASM, MODULE, BUNDLE, STYLE, 'index.html']) assert.ok(existsSync(join(DIST, name + suffix)), `${name}${suffix}`);
    }
    const strays = files.filter((f) => /\.(gz|br)$/.test(f) && !COMPRESSIBLE.has(extname(f.slice(0, -3))));
    assert.deepEqual(strays, [], 'no copies of files that are not compressible (PNG)');
  });

  test('brotli or gzip as the request accepts, the plain file otherwise', async () => {
    await assertPrecompressedWasm((headers) => rawGet(port(), `/${WASM}`, headers));
  });

  test('the boundary downloads go out as GeoJSON, precompressed', async () => {
    await assertGeoJsonDownloads((path, headers) => rawGet(port(), `/${path}`, headers));
  });

  test('HEAD gives the headers of what GET would send, without the body', async () => {
    const head = await rawGet(port(), `/${WASM}`, { 'Accept-Encoding': 'gzip' }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-encoding'], 'gzip');
    assert.equal(Number(head.headers['content-length']), readFileSync(join(DIST, `${WASM}.gz`)).length);
    assert.equal(head.bytes.length, 0);
  });

  test('a byte range is of the file itself, whatever the request accepts', async () => {
    const file = readFileSync(join(DIST, WASM));
    const part = await rawGet(port(), `/${WASM}`, { 'Accept-Encoding': 'gzip, br', Range: 'bytes=4-11' });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-encoding'], undefined);
    assert.equal(part.headers['content-range'], `bytes 4-11/${file.length}`);
    assert.ok(part.bytes.equals(file.subarray(4, 12)));
    const tail = await rawGet(port(), `/${WASM}`, { Range: 'bytes=-8' });
    assert.ok(tail.bytes.equals(file.subarray(file.length - 8)));
    const past = await rawGet(port(), `/${WASM}`, { Range: `bytes=${file.length}-` });
    assert.equal(past.status, 416);
    assert.equal(past.headers['content-range'], `bytes */${file.length}`);
  });
});

describe('the wasm features the build uses are the ones checked and documented', () => {
  const names = (text, pattern) => [...text.matchAll(pattern)].map((m) => m[1]).sort();

  test('built wasm = boot check = build flags = README table', () => {
    const printed = execFileSync(WASM_OPT, [join(DIST, WASM), '--print-features', '-o', '/dev/null'], { encoding: 'utf8' });
    const built = names(printed, /^--enable-([a-z0-9-]+)$/gm);
    const boot = readFileSync(join(ROOT, 'assets', 'boot.js'), 'utf8');
    const checked = names(boot.slice(boot.indexOf('const WASM_FEATURES'), boot.indexOf('};', boot.indexOf('const WASM_FEATURES'))), /^\s+'?([a-z-]+)'?: \[/gm);
    const flags = names(readFileSync(join(ROOT, 'scripts', 'build-site.sh'), 'utf8'), /--enable-([a-z0-9-]+)/g);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Browser support'), readme.indexOf('\n## ', readme.indexOf('## Browser support') + 3));
    const documented = names(section, /^\| `([a-z-]+)`/gm);
    assert.ok(built.length > 0, printed);
    assert.deepEqual(checked, built, 'assets/boot.js checks every feature of the built wasm, no more');
    assert.deepEqual(flags, built, 'scripts/build-site.sh enables exactly these');
    assert.deepEqual(documented, built, 'the README table covers every feature, no more');
  });

  test('the minimum versions the table gives are the ones the boot panel, the page and the README name', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Browser support'), readme.indexOf('\n## ', readme.indexOf('## Browser support') + 3));
    const rows = [...section.matchAll(/^\| `[a-z-]+`[^|]*\| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$/gm)];
    assert.ok(rows.length > 0, 'the feature table');
    const newest = (column) => Math.max(...rows.map((r) => Number(r[column])));
    const [chrome, firefox, safari] = [newest(1), newest(2), newest(3)];
    const names = [`Chrome / Edge ${chrome}`, `Firefox ${firefox}`, `Safari ${safari}`];
    const boot = readFileSync(join(ROOT, 'assets', 'boot.js'), 'utf8');
    const browsers = boot.slice(boot.indexOf('const BROWSERS'), boot.indexOf('};', boot.indexOf('const BROWSERS')));
    for (const [where, text] of [['assets/boot.js BROWSERS', browsers], ['index.html', readFileSync(join(ROOT, 'index.html'), 'utf8')]]) {
      for (const name of names) assert.ok(text.includes(name), `${where} names ${name}`);
      assert.equal((text.match(/Chromium (\d+)/g) ?? [`Chromium ${chrome}`]).every((m) => m === `Chromium ${chrome}`), true, `${where}: the Chromium core is ${chrome}`);
    }
    assert.ok(section.includes(`**Chrome / Edge ${chrome}, Firefox ${firefox} or Safari ${safari}**`), 'the README says the same');
  });

  test("each of the boot script's probe modules needs its feature and only it", () => {
    const boot = readFileSync(join(ROOT, 'assets', 'boot.js'), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'atlas-probes-'));
    const probes = [...boot.matchAll(/^\s+'?([a-z-]+)'?: \[([0-9, ]+)\]/gm)];
    assert.ok(probes.length > 0);
    for (const [, name, list] of probes) {
      const bytes = list.split(',').map(Number);
      if (name === 'call-indirect-overlong') {
        // Binaryen reads an overlong table index without the feature, so check the encoding: a
        // call_indirect (0x11, type 0) whose table index is 0x80 0x00, which MVP decoders refuse.
        assert.ok(bytes.join(',').includes('17,0,128,0,11'), 'an overlong call_indirect table index');
        continue;
      }
      const file = join(dir, `${name}.wasm`);
      writeFileSync(file, Uint8Array.from(bytes));
      assert.throws(() => execFileSync(WASM_OPT, ['--mvp-features', file, '-o', '/dev/null'], { stdio: 'pipe' }), `${name}'s probe is refused without it`);
      execFileSync(WASM_OPT, ['--mvp-features', `--enable-${name}`, file, '-o', '/dev/null'], { stdio: 'pipe' });
    }
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a server that stalls: a panel after the stall time, never “Loading…” forever', () => {
  let browser;
  let site;
  before(async () => {
    browser = await launchBrowser();
    site = await serveSite();
  });
  after(async () => {
    await browser?.close();
    site?.server.close();
  });

  /** Routes `pattern` to a server that takes the request and never answers. */
  const never = (page, pattern) => page.route(pattern, () => new Promise(() => {}));

  test('the wasm never arriving: the bilingual start panel names it and says the server stalled', async () => {
    const page = await browser.newPage();
    await never(page, `**/${WASM}`);
    await page.goto(site.url);
    const panel = page.locator('.status.error');
    await panel.waitFor({ timeout: 40000 });
    const text = await panel.innerText();
    assert.match(text, /地图无法启动/);
    assert.ok(text.includes(WASM), text);
    assert.match(text, /sent nothing for 20 s \(it stalled\)/);
    assert.match(text, /重新加载/);
    assert.equal(await page.getByText('正在加载').count(), 0, 'no “Loading…” left');
    await page.close();
  });

  test('the bundle never arriving: the error panel names it and says the server stalled', async () => {
    const page = await browser.newPage();
    await never(page, `**/${BUNDLE}`);
    await page.goto(site.url);
    const panel = page.locator('.status.error');
    await panel.waitFor({ timeout: 40000 });
    const text = await panel.innerText();
    assert.ok(text.includes(BUNDLE), text);
    assert.match(text, /stalled/);
    assert.equal(await page.getByText('正在加载').count(), 0, 'no “Loading…” left');
    await page.close();
  });

  test('the county layer never arriving: its panel says the server stalled, the province map stays live (en)', async () => {
    const page = await openAtlas(browser, `${site.url}?lang=en&city=320500`);
    await never(page, '**/assets/counties.*json');
    await page.locator('.city-details[data-adcode="320500"] .drill-down').click();
    await page.locator('.counties-status').first().waitFor();
    const panel = page.locator('.counties-error[role="alert"]');
    await panel.waitFor({ timeout: 40000 });
    assert.match(await panel.locator('.detail').textContent(), /counties\.[0-9a-f]{16}\.json did not arrive: the server sent nothing for 20 s/);
    const hint = await panel.locator('.hint').textContent();
    assert.match(hint, /reload this page in a while/, 'a stall asks for patience and a reload');
    assert.doesNotMatch(hint, /same build|uploaded/, 'a stall is not blamed on the upload');
    assert.equal(await panel.evaluate((p) => getComputedStyle(p).backgroundColor.startsWith('rgba')), false, 'the panel is opaque over the map');
    assert.ok(!(await page.$eval('.map-canvas', (c) => c.inert)), 'the province map is live');
    await page.close();
  });
});
