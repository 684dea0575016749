/**
 * The portal's service worker, served by the server at `/t/<slug>/sw.js` (so that its scope is the
 * tenant's portal) with its settings prepended as `self.BALAI_SW` (ADR 0013). It:
 * - precaches, without cookies (so nothing personal), the offline page, the report form's offline
 *   copy and the built scripts and styles those pages need;
 * - answers navigations from the network, and only when the network fails from the cache: the
 *   offline copy of the report form for the form's path, the offline page for any other;
 * - answers requests for the precached assets (hashed, immutable names) from the cache first.
 * Nothing else is touched: no API response, no page a visitor saw, is ever stored.
 */

type Settings = {
  version: string;
  base: string;
  offline: string;
  /** Path → the precached URL that answers it when offline (`/t/x/lapor` → `/t/x/lapor?luring=1`). */
  fallbacks: Record<string, string>;
  assets: string[];
};
type ExtendableEvent = Event & { waitUntil(p: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(r: Response | Promise<Response>): void };
type Scope = {
  BALAI_SW: Settings;
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
};

const sw = self as unknown as Scope;
const settings = sw.BALAI_SW;
const prefix = `balai:${settings.base}:`;
const CACHE = `${prefix}${settings.version}`;
const pages = [settings.offline, ...Object.values(settings.fallbacks)];
const assets = new Set(settings.assets);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        [...pages, ...assets].map(async (url) => {
          const response = await fetch(url, { credentials: 'omit', cache: 'reload' });
          if (!response.ok) throw new Error(`precache ${url}: ${response.status}`);
          await cache.put(url, response);
        }),
      );
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(prefix) && name !== CACHE) await caches.delete(name);
      }
      await sw.clients.claim();
    })(),
  );
});

async function navigate(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const cache = await caches.open(CACHE);
    const path = new URL(request.url).pathname;
    const fallback = settings.fallbacks[path] ?? settings.offline;
    const cached = (await cache.match(fallback)) ?? (await cache.match(settings.offline));
    if (cached) return cached;
    throw error;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate') {
    if (url.pathname.startsWith(`${settings.base}/`)) event.respondWith(navigate(request));
    return;
  }
  if (assets.has(url.pathname)) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => (await cache.match(url.pathname)) ?? fetch(request)),
    );
  }
});
