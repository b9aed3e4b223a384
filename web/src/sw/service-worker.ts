import { cachePrefix, respond, type PrecacheManifest } from './strategy';

// The service worker entry. web/build/service-worker-plugin.ts builds it to /sw.js and replaces the
// placeholder below with the precache list of the build.

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const manifest = JSON.parse('__FACTURO_PRECACHE__') as PrecacheManifest;
const cacheName = cachePrefix + manifest.version;

worker.addEventListener('install', (event) => {
  // No skipWaiting: an open tab keeps the version whose chunks it may still lazy-load.
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(manifest.files)));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(cachePrefix) && k !== cacheName).map((k) => caches.delete(k))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const answer = respond<Request>(event.request, worker.location.origin, { open: () => caches.open(cacheName), fetch: (r) => fetch(r) });
  if (answer) event.respondWith(answer);
});
