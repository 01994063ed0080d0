// Writes NAME.gz (gzip -9) and NAME.br (brotli quality 11) beside each text, data and wasm file
// of a built site, where it is smaller, so that a server can send them as they are (nginx's
// gzip_static and brotli_static, scripts/serve.mjs) instead of compressing on every request.
// Usage: node scripts/precompress.mjs DIR   (scripts/build-site.sh runs it on the built site)
import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The kinds of file worth compressing (images such as PNG are compressed already). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.geojson', '.wasm', '.svg', '.csv', '.txt']);

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** `bytes` as gzip -9 would write them (zlib's level 9). */
export function gzip9(bytes) {
  return gzipAsync(bytes, { level: 9 });
}

/** `bytes` in brotli at its best quality (11). */
export function brotli11(bytes) {
  return brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } });
}

/** The two encodings, each with its file suffix. */
const ENCODINGS = [
  { suffix: '.gz', compress: gzip9 },
  { suffix: '.br', compress: brotli11 },
];

/** Every file under `dir`, recursively. */
async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Compresses one file both ways. A compressed copy gets the original's modification time, so
 * that nginx, which dates its answer by the file it sends, gives every copy the same
 * Last-Modified; one that would not be smaller is not written, and a stale one from an earlier
 * run is removed. Resolves to { file, size, gz, br } (0: not written).
 */
async function compressFile(file) {
  const bytes = await readFile(file);
  const { atime, mtime } = await stat(file);
  const sizes = { file, size: bytes.length };
  for (const { suffix, compress } of ENCODINGS) {
    const packed = await compress(bytes);
    const target = file + suffix;
    if (packed.length < bytes.length) {
      await writeFile(target, packed);
      await utimes(target, atime, mtime);
      sizes[suffix.slice(1)] = packed.length;
    } else {
      await rm(target, { force: true });
      sizes[suffix.slice(1)] = 0;
    }
  }
  return sizes;
}

/** Precompresses every compressible file under `dir`; resolves to one { file, size, gz, br } each. */
export async function precompress(dir) {
  const jobs = [];
  for await (const file of filesUnder(dir)) {
    if (COMPRESSIBLE.has(extname(file))) jobs.push(compressFile(file));
  }
  return Promise.all(jobs);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/precompress.mjs DIR');
    process.exit(2);
  }
  try {
    const done = await precompress(dir);
    const total = (key) => done.reduce((n, f) => n + (f[key] || f.size), 0);
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`precompressed ${done.length} files in ${dir}: ${kb(total('size'))}, gzip ${kb(total('gz'))}, brotli ${kb(total('br'))}`);
  } catch (error) {
    console.error(`error: could not precompress ${dir}: ${error.message}`);
    process.exit(1);
  }
}
