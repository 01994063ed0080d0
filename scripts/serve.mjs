// A small static file server for the built atlas (no dependencies): the serve command and the
// browser tests both use it. Usage: node scripts/serve.mjs [DIR] [PORT]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1:`port` (0 picks a free port). `prefix` hosts the site under a
 * sub-path such as /atlas/; `headers` are added to every answer. Resolves to { server, url }.
 * A bad request (a malformed percent-escape) gets 400 and never stops the server; a path never
 * leaves `root` (a sibling folder whose name starts like it, `dist-old` beside `dist`, included);
 * a folder asked for without its trailing slash is redirected to it, as nginx does, so that the
 * page's relative addresses resolve inside the folder.
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
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // Public static data: a sandboxed iframe (opaque origin) fetches the module, wasm and
      // bundle cross-origin, so every answer allows any origin.
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*', ...headers });
      res.end(body);
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
