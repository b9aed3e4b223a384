import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.mjs': 'text/javascript; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

// TrueType fonts (the PDF renderer's, cached for offline use) halve when gzipped; woff2 is compressed already.
const compressible = /\.(html|m?js|css|json|webmanifest|svg|txt|ttf)$/;
/** Gzipped bodies, computed once per file version. */
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

async function gzipOf(file: string, body: Buffer): Promise<Buffer> {
  const { mtimeMs } = await stat(file);
  const hit = gzipped.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.body;
  const zipped = gzipSync(body, { level: 9 });
  gzipped.set(file, { mtimeMs, body: zipped });
  return zipped;
}

/** Serves the built PWA: hashed assets cached forever, the service worker and index never, SPA fallback. */
export function servePwa(root: string) {
  return async (c: Context) => {
    const url = new URL(c.req.url);
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = path.join(root, rel);
    if (!file.startsWith(root)) return c.notFound();
    let found = await stat(file).then((s) => s.isFile(), () => false);
    if (!found) {
      if (path.extname(rel) && rel !== '/') return c.notFound();
      file = path.join(root, 'index.html');
      found = await stat(file).then((s) => s.isFile(), () => false);
      if (!found) return c.text('The web app is not built yet: run `npm run build` (npm start does it for you).', 503);
    }
    const body = await readFile(file);
    const immutable = rel.startsWith('/assets/');
    const headers: Record<string, string> = {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
    };
    if (compressible.test(file) && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      return c.body(new Uint8Array(await gzipOf(file, body)), 200, { ...headers, 'content-encoding': 'gzip' });
    }
    return c.body(new Uint8Array(body), 200, headers);
  };
}
