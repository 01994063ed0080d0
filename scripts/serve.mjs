// A small static file server for the built atlas (no dependencies): the serve command and the
// browser tests both use it. Usage: node scripts/serve.mjs [DIR] [PORT]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPRESSIBLE } from './precompress.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // RFC 7946's own type, so GIS tools and browsers know the boundary downloads for what they are.
  '.geojson': 'application/geo+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** The precompressed copies scripts/precompress.mjs writes beside a file, preferred first. */
const PRECOMPRESSED = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
];

/**
 * The weight (0 to 1) an Accept-Encoding header gives `coding`: its own entry's q, else that of
 * `*`, else 0 (not acceptable). Without the header only the file as it is is acceptable.
 */
export function encodingWeight(header, coding) {
  const weights = new Map();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim().match(/^q=([01](?:\.\d{0,3})?)$/)).find(Boolean);
    weights.set(name.trim(), q ? Number(q[1]) : 1);
  }
  return weights.get(coding) ?? weights.get('*') ?? 0;
}

/**
 * The byte range a Range header asks of a `size`-byte file: { start, end } (inclusive),
 * 'unsatisfiable', or null where the header is to be ignored and the whole file sent (absent,
 * another unit, several ranges, or malformed, as RFC 9110 allows).
 */
export function byteRange(header, size) {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  return end < start ? null : { start, end };
}

/**
 * The body to send for `file` and the headers that describe it: for a compressible file, the
 * precompressed copy in the best coding the request accepts (brotli before gzip at equal
 * weight), else the file itself.
 * A request with a Range header gets the file itself, since ranges of a compressed copy are of
 * little use to anyone.
 */
async function representation(file, req) {
  if (req.headers.range === undefined && COMPRESSIBLE.has(extname(file))) {
    const accepted = PRECOMPRESSED.map((p) => ({ ...p, q: encodingWeight(req.headers['accept-encoding'], p.coding) }))
      .filter((p) => p.q > 0)
      .sort((a, b) => b.q - a.q);
    for (const { coding, suffix } of accepted) {
      try {
        return { body: await readFile(file + suffix), headers: { 'Content-Encoding': coding } };
      } catch {
        // No copy in this coding: try the next.
      }
    }
  }
  return { body: await readFile(file), headers: {} };
}

/**
 * Serves `root` on 127.0.0.1:`port` (0 picks a free port). `prefix` hosts the site under a
 * sub-path such as /atlas/; `headers` are added to every answer. Resolves to { server, url }.
 * A bad request (a malformed percent-escape) gets 400 and never stops the server; a path never
 * leaves `root` (a sibling folder whose name starts like it, `dist-old` beside `dist`, included);
 * a folder asked for without its trailing slash is redirected to it, as nginx does, so that the
 * page's relative addresses resolve inside the folder. A compressible file is sent as its
 * precompressed copy (FILE.br, FILE.gz) when the request accepts that coding, with its own type;
 * a single byte range of the file itself is answered with 206 (416 past its end); HEAD gets the
 * headers alone.
 */
export function startServer({ root, port = 0, prefix = '/', headers = {} }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const answer = (status, text, extra = {}) => res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers, ...extra }).end(text);
    let url;
    let path;
    try {
      url = new URL(req.url, 'http://localhost');
      path = decodeURIComponent(url.pathname);
    } catch {
      answer(400, 'bad request: the address is not a valid URL path');
      return;
    }
    if (`${path}/` === prefix) {
      answer(301, 'moved', { Location: `${prefix}${url.search}` });
      return;
    }
    if (!path.startsWith(prefix) || path.includes('\0')) {
      answer(404, 'not found');
      return;
    }
    let file = normalize(join(base, path.slice(prefix.length)));
    if (file !== base && !file.startsWith(base + sep)) {
      answer(403, 'forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          // Leading slashes collapse to one: `//host/…` would send the browser to another host.
          answer(301, 'moved', { Location: `/${url.pathname.replace(/^\/+/, '')}/${url.search}` });
          return;
        }
        file = join(file, 'index.html');
      }
      const { body, headers: encoding } = await representation(file, req);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // Public static data: a sandboxed iframe (opaque origin) fetches the module, wasm and
      // bundle cross-origin, so every answer allows any origin.
      const common = {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        'Access-Control-Allow-Origin': '*',
        'Accept-Ranges': 'bytes',
        ...(COMPRESSIBLE.has(extname(file)) ? { Vary: 'Accept-Encoding' } : {}),
        ...encoding,
        ...headers,
      };
      const range = byteRange(req.headers.range, body.length);
      if (range === 'unsatisfiable') {
        res.writeHead(416, { ...common, 'Content-Range': `bytes */${body.length}`, 'Content-Length': 0 }).end();
        return;
      }
      const part = range ? body.subarray(range.start, range.end + 1) : body;
      const status = range ? 206 : 200;
      const partHeaders = range ? { 'Content-Range': `bytes ${range.start}-${range.end}/${body.length}` } : {};
      res.writeHead(status, { ...common, ...partHeaders, 'Content-Length': part.length });
      res.end(req.method === 'HEAD' ? undefined : part);
    } catch {
      answer(404, 'not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      ok({ server, url: `http://127.0.0.1:${server.address().port}${prefix}` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port) });
  console.log(`Jiangsu Industry Atlas is served at ${url}  (Ctrl-C stops it)`);
}
