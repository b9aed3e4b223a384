import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { servePwa } from './static';

function app() {
  const root = mkdtempSync(path.join(tmpdir(), 'facturo-web-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Facturo</title>');
  writeFileSync(path.join(root, 'assets', 'app-123.js'), 'console.log("x");'.repeat(100));
  writeFileSync(path.join(root, 'assets', 'DejaVuSans-123.ttf'), Buffer.alloc(4096, 7));
  writeFileSync(path.join(root, 'assets', 'worker-123.mjs'), 'self.onmessage = () => {};');
  return new Hono().get('*', servePwa(root));
}

describe('serving the PWA', () => {
  it('gzips text assets for clients that accept it and caches hashed assets forever', async () => {
    const res = await app().request('/assets/app-123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toContain('console.log');
  });

  it('types the PDF renderer\'s fonts and module workers, and gzips the fonts', async () => {
    const font = await app().request('/assets/DejaVuSans-123.ttf', { headers: { 'accept-encoding': 'gzip' } });
    expect(font.headers.get('content-type')).toBe('font/ttf');
    expect(font.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await font.arrayBuffer()))).toEqual(Buffer.alloc(4096, 7));
    expect((await app().request('/assets/worker-123.mjs')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers deep links with index.html (no-cache) and unknown files with 404', async () => {
    const a = app();
    const deep = await a.request('/c/co_x/customers');
    expect(await deep.text()).toContain('<title>Facturo</title>');
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect((await a.request('/missing.js')).status).toBe(404);
    const escape = await a.request('/%2e%2e/%2e%2e/etc/hostname');
    expect(await escape.text()).not.toMatch(/^[a-z0-9-]+\n?$/); // never a file outside the web root
  });
});
