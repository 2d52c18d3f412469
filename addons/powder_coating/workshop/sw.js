// This file is part of Atelier. See the COPYRIGHT file at the top level of
// this repository for the full copyright notices and license terms.
//
// The workshop app's service worker (scope: /<database>/workshop/): keeps
// the app's files so that it opens without network. Answers from the cache
// at once and refreshes the cache behind (the new version shows at the next
// opening). JSON-RPC calls (POST) are never touched: the app keeps its data
// and its queued actions in IndexedDB.

const SCOPE = new URL(self.registration.scope);
const VERSION = 'v1';
const CACHE = `atelier-workshop-${VERSION}:${SCOPE.pathname}`;
const SHELL = [
  './', 'app.js', 'data.js', 'i18n.js', 'scanner.js', 'app.css',
  'manifest.webmanifest', 'icon.svg',
].map((path) => new URL(path, SCOPE).href);
// The QR decoder used when the browser has no BarcodeDetector (optional).
const EXTRA = [new URL('/portal/static/jsQR.js', SCOPE).href];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL.map((url) => new Request(url, { cache: 'no-cache' })));
    await Promise.all(EXTRA.map((url) => cache.add(new Request(url, { cache: 'no-cache' }))
      .catch(() => undefined)));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Older versions' caches of this scope.
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith('atelier-workshop-')
        && name.endsWith(`:${SCOPE.pathname}`) && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

function cacheKey(request) {
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate' && url.pathname.startsWith(SCOPE.pathname)) {
    return SCOPE.href; // the app's page, whatever its query
  }
  url.search = '';
  const key = url.href;
  return SHELL.includes(key) || EXTRA.includes(key) ? key : null;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const key = cacheKey(request);
  if (!key) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(key);
    const refresh = fetch(key, { cache: 'no-cache' }).then((response) => {
      if (response.ok) cache.put(key, response.clone());
      return response;
    });
    if (cached) {
      event.waitUntil(refresh.catch(() => undefined));
      return cached;
    }
    return refresh;
  })());
});
