// How the service worker answers each request. Pure, so it is tested without a browser.

export type Route = 'bypass' | 'navigation' | 'asset' | 'static';

export interface PrecacheManifest {
  /** Changes whenever the list changes: part of the cache name. */
  version: string;
  /** Absolute paths: "/index.html", "/assets/index-3f2a.js", ... */
  files: string[];
}

export const cachePrefix = 'facturo-shell-';
export const indexPath = '/index.html';

export function classify(url: URL, request: { method: string; mode: string }, origin: string): Route {
  if (request.method !== 'GET' || url.origin !== origin) return 'bypass';
  // The API and the sync socket are live data: never from a cache (network-only). The client portal (/p/…) is
  // the server's own page for people without an account: never the app's shell, even in a browser that has it.
  if (/^\/(api|sync|p)(\/|$)/.test(url.pathname)) return 'bypass';
  if (request.mode === 'navigate') return 'navigation';
  if (url.pathname.startsWith('/assets/')) return 'asset';
  return 'static';
}

/** The files to precache from a build's output names: index.html and every emitted file but the worker. */
export function precacheFiles(names: string[]): string[] {
  const files = names.filter((n) => n !== 'sw.js' && !n.endsWith('.map')).map((n) => `/${n.replace(/^\/+/, '')}`);
  return [...new Set([indexPath, ...files])].sort();
}

export interface RequestLike {
  url: string;
  method: string;
  mode: string;
}

interface CacheLike<R> {
  match(request: R | string): Promise<Response | undefined>;
  put(request: R, response: Response): Promise<void>;
}

export interface HandlerDeps<R extends RequestLike> {
  open(): Promise<CacheLike<R>>;
  fetch(request: R): Promise<Response>;
  /** Milliseconds before a navigation falls back to the cached shell. */
  navigationTimeoutMs?: number;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

/** The answer to a request, or null to let the browser go to the network untouched. */
export function respond<R extends RequestLike>(request: R, origin: string, deps: HandlerDeps<R>): Promise<Response> | null {
  const route = classify(new URL(request.url), request, origin);
  if (route === 'bypass') return null;
  if (route === 'navigation') {
    // Network first so a new version shows at once; the cached shell when offline or when the server fails
    // (every path of the single-page app is served by index.html).
    return (async () => {
      const shell = async () => (await (await deps.open()).match(indexPath)) ?? Response.error();
      try {
        const res = await withTimeout(deps.fetch(request), deps.navigationTimeoutMs ?? 4000);
        return res.ok ? res : await shell();
      } catch {
        return shell();
      }
    })();
  }
  // Hashed assets never change under one name: cache first. Other files (icons, manifest) too, from the precache.
  return (async () => {
    const cache = await deps.open();
    const hit = await cache.match(request);
    if (hit) return hit;
    const res = await deps.fetch(request);
    if (res.ok && route === 'asset') await cache.put(request, res.clone());
    return res;
  })();
}
