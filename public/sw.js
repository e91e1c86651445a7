// Kerege service worker: a second visit over a satellite link costs almost nothing.
// - The app shell (index.html and the hashed assets it names) is cached at install.
// - /assets/* are immutable (their names carry a hash): cache first, cached on first use.
// - Page navigations: network first, falling back to the cached shell when offline.
// - /api/* is never cached: records must be fresh, and they are personal data.
/* eslint-env serviceworker */

const SHELL_CACHE = 'kerege-shell-v1';
const ASSET_CACHE = 'kerege-assets-v1';
const SHELL_URL = '/';

/** The hashed files index.html names (entry script, preloads, CSS). */
function assetsIn(html) {
  const found = new Set();
  for (const match of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) found.add(match[1]);
  return [...found];
}

async function cacheShell() {
  const response = await fetch(SHELL_URL, { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok) return;
  const html = await response.clone().text();
  const shell = await caches.open(SHELL_CACHE);
  await shell.put(SHELL_URL, response);
  const assets = await caches.open(ASSET_CACHE);
  await Promise.all(
    assetsIn(html).map(async (url) => {
      if (await assets.match(url)) return;
      const asset = await fetch(url, { credentials: 'same-origin' });
      if (asset.ok) await assets.put(url, asset);
    }),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('kerege-') && k !== SHELL_CACHE && k !== ASSET_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function assetFirst(request) {
  const cache = await caches.open(ASSET_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

/** When a new shell arrives, keep it and drop assets no build uses any more. */
async function rememberShell(response) {
  const html = await response.clone().text();
  const shell = await caches.open(SHELL_CACHE);
  const old = await shell.match(SHELL_URL);
  const oldHtml = old ? await old.text() : '';
  await shell.put(SHELL_URL, response);
  if (oldHtml && oldHtml !== html) {
    // A new build: its lazy chunks have new names. Forget the old build's
    // files so the cache does not grow with every release.
    const keep = new Set(assetsIn(html));
    const assets = await caches.open(ASSET_CACHE);
    for (const request of await assets.keys()) {
      if (!keep.has(new URL(request.url).pathname)) await assets.delete(request);
    }
  }
}

async function navigation(event) {
  try {
    const response = await fetch(event.request);
    const type = response.headers.get('content-type') ?? '';
    if (response.ok && type.includes('text/html')) event.waitUntil(rememberShell(response.clone()).catch(() => undefined));
    return response;
  } catch (error) {
    const cached = await caches.match(SHELL_URL, { cacheName: SHELL_CACHE });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname === '/api') return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(assetFirst(request));
    return;
  }
  if (request.mode === 'navigate') event.respondWith(navigation(event));
});
