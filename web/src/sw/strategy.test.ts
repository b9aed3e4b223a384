import { describe, expect, it } from 'vitest';
import { classify, precacheFiles, respond, type HandlerDeps, type RequestLike } from './strategy';

const origin = 'http://localhost:8787';
const get = (path: string, mode = 'no-cors') => ({ url: new URL(path, origin), req: { method: 'GET', mode } });

function fakeCache(entries: Record<string, string>) {
  const store = new Map(Object.entries(entries).map(([k, v]) => [new URL(k, origin).href, new Response(v)]));
  const puts: string[] = [];
  const cache = {
    match: async (r: RequestLike | string) => store.get(new URL(typeof r === 'string' ? r : r.url, origin).href)?.clone(),
    put: async (r: RequestLike | string, res: Response) => {
      const key = new URL(typeof r === 'string' ? r : r.url, origin).href;
      puts.push(key);
      store.set(key, res);
    },
  };
  return { cache, puts };
}

function deps(cache: ReturnType<typeof fakeCache>['cache'], fetchImpl: (r: RequestLike) => Promise<Response>): HandlerDeps<RequestLike> {
  return { open: async () => cache, fetch: fetchImpl, navigationTimeoutMs: 50 };
}

const page = (path: string): RequestLike => ({ url: origin + path, method: 'GET', mode: 'navigate' });
const asset = (path: string): RequestLike => ({ url: origin + path, method: 'GET', mode: 'no-cors' });

const offline = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
};

describe('service worker strategy', () => {
  it('never touches the API, the sync socket, other origins or writes', () => {
    expect(classify(get('/api/v1/me').url, get('/api/v1/me').req, origin)).toBe('bypass');
    expect(classify(get('/sync/co_x.workspace').url, get('/sync/x').req, origin)).toBe('bypass');
    const portal = new URL('/p/AbCdEfGh', origin);
    expect(classify(portal, { method: 'GET', mode: 'navigate' }, origin)).toBe('bypass');
    expect(classify(new URL('/pricing-rules', origin), { method: 'GET', mode: 'navigate' }, origin)).toBe('navigation');
    expect(classify(new URL('https://cdn.example/x.js'), { method: 'GET', mode: 'cors' }, origin)).toBe('bypass');
    expect(classify(get('/assets/a.js').url, { method: 'POST', mode: 'cors' }, origin)).toBe('bypass');
    expect(classify(get('/apiary').url, get('/apiary').req, origin)).toBe('static');
  });

  it('serves the cached index.html for any page when offline', async () => {
    const { cache } = fakeCache({ '/index.html': '<html>shell</html>' });
    const res = await respond(page('/c/co_x/customers'), origin, deps(cache, offline));
    expect(await res?.text()).toBe('<html>shell</html>');
  });

  it('prefers the network for pages when online, and the shell when the server fails', async () => {
    const { cache } = fakeCache({ '/index.html': 'cached' });
    const nav = () => page('/companies');
    expect(await (await respond(nav(), origin, deps(cache, async () => new Response('fresh'))))?.text()).toBe('fresh');
    expect(await (await respond(nav(), origin, deps(cache, async () => new Response('down', { status: 502 }))))?.text()).toBe('cached');
  });

  it('answers hashed assets from the cache first and caches what it had to fetch', async () => {
    const { cache, puts } = fakeCache({ '/assets/index-abc.js': 'cached js' });
    let fetched = 0;
    const net = async () => (fetched++, new Response('net js'));
    expect(await (await respond(asset('/assets/index-abc.js'), origin, deps(cache, net)))?.text()).toBe('cached js');
    expect(fetched).toBe(0);
    expect(await (await respond(asset('/assets/Other-def.js'), origin, deps(cache, net)))?.text()).toBe('net js');
    expect(puts).toEqual([`${origin}/assets/Other-def.js`]);
  });

  it('precaches index.html and every emitted file except the worker and source maps', () => {
    expect(precacheFiles(['assets/b.js', 'index.html', 'sw.js', 'assets/a.css', 'assets/b.js.map', 'icons/icon.svg'])).toEqual([
      '/assets/a.css',
      '/assets/b.js',
      '/icons/icon.svg',
      '/index.html',
    ]);
  });
});
