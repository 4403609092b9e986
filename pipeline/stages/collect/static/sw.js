// The respondent's page offline: this service worker (served at /sw.js, scope /) keeps the
// form page, its XForm and the static files (the page scripts, the style sheet, the form
// engine's bundle) in the browser's Cache Storage, and answers from there when the network
// does not. Submissions are not its business: they wait in the page's outbox (outbox.js).
//
// Network first, always: a changed form, a new engine or a closed wave reaches the browser
// whenever it is online, and the cache only stands in when the request fails.
// What is kept is an allow-list; everything else (admin pages, /submission, the plain
// form, any POST) passes by untouched. Nothing sent with an Authorization header is kept:
// a one-time code goes as a Bearer header and its page (POST /start) carries the code, so
// neither is stored; an app-user's page is kept under its own address, which holds its token,
// and so is only ever answered to a request for that same address.

const CACHE = 'survey-collect-v1';
const STATIC_FILES = ['/static/style.css', '/static/collect-form.js', '/static/outbox.js'];
const BUNDLE_MANIFEST = '/static/webforms/manifest.json';
const KEPT_PATHS = [
  /^\/webform$/,
  /^\/key\/[^/]+\/webform$/,
  /^\/forms\/[^/]+\.xml$/,
  /^\/key\/[^/]+\/forms\/[^/]+\.xml$/,
  /^\/static\/[^?#]+$/,
];

/** Whether `request` may be answered from (and stored in) the cache. */
function keepable(request) {
  const url = new URL(request.url);
  return (
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    !request.headers.has('authorization') &&
    KEPT_PATHS.some((path) => path.test(url.pathname))
  );
}

/** Store `response` for `request` when it is a whole, direct answer from this server. */
async function store(request, response) {
  if (!response.ok || response.redirected || response.type !== 'basic') return;
  const cache = await caches.open(CACHE);
  await cache.put(request, response);
}

/** The engine's modules, from the bundle's manifest (a lazy chunk must be there offline). */
async function bundleFiles() {
  const response = await fetch(BUNDLE_MANIFEST, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${BUNDLE_MANIFEST}: ${response.status}`);
  const manifest = await response.json();
  return Object.keys(manifest.files)
    .filter((name) => name.endsWith('.js'))
    .map((name) => `/static/webforms/${name}`);
}

async function keepAll(urls) {
  await Promise.all(
    urls.map(async (url) => {
      const request = new Request(url, { credentials: 'omit' });
      if (keepable(request)) await store(request, await fetch(request, { cache: 'no-cache' }));
    }),
  );
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    await store(request, response.clone());
    return response;
  } catch (offline) {
    const kept = await caches.match(request, { ignoreVary: true });
    if (kept) return kept;
    throw offline;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => keepAll([...STATIC_FILES, ...(await bundleFiles())]))());
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// The page that registered this worker was loaded before it: the page names itself and its
// XForm so that both are kept from the first visit on. The reply says they are.
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.keep) ? event.data.keep.map(String) : [];
  event.waitUntil(
    keepAll(urls).then(
      () => event.ports[0]?.postMessage({ kept: true }),
      () => event.ports[0]?.postMessage({ kept: false }),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  if (keepable(event.request)) event.respondWith(networkFirst(event.request));
});
