// The site's service worker: the checker and checklist pages, their Pyodide runtime and the
// guide pages visited work offline after the first visit. The build fills in VERSION and PRECACHE.
//
// Registered only by the checker and checklist pages.
// - HTML, JSON and the unhashed scripts: network first (updates arrive), the cache when offline.
// - Files whose name changes with their content: cache first (python-<hash>.tar.gz, *.snapshot,
//   assets/kit/<hash>/ with the widgets' scripts, the theme's *.<hash>.min.css/js, and
//   assets/pyodide/<version>/); the snapshot is kept gunzipped (see inflatedSnapshot).
// - One cache per build; older ones are deleted on activate. Same-origin GET requests only.

const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__; // site-root-relative paths: the runtime the pages need offline
const PREFIX = "wa-kit-";
const CACHE = PREFIX + VERSION;
const ROOT = new URL("./", self.location.href);
// Our runtime and scripts, and the theme's files with a content hash in the name
// (main.<hash>.min.css).
const CACHE_FIRST =
  /\/assets\/(pyodide\/|kit\/[0-9a-f]{12}\/|checker\/python-[0-9a-f]+(\.[^/]*)?\.(tar\.gz|snapshot)$|.*\.[0-9a-f]{8,}\.min\.(css|js)$)/;

const SNAPSHOT = /\.snapshot$/;

/**
 * The Pyodide snapshot as kept here: gunzipped once now, so no later start of the checker
 * spends its CPU inflating it (docs/assets/kit/runtime/sparse.mjs reads either form).
 */
async function inflatedSnapshot(response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new Response(bytes, { headers: response.headers });
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  const inflated = await new Response(stream).arrayBuffer();
  return new Response(inflated, { headers: { "Content-Type": "application/octet-stream" } });
}

/** Fetch and store one URL; a failure only leaves it out of the cache. */
async function store(cache, url) {
  try {
    const response = await fetch(url, { cache: "no-cache" });
    if (!response.ok) return;
    const path = new URL(url).pathname;
    await cache.put(url, SNAPSHOT.test(path) ? await inflatedSnapshot(response) : response);
  } catch (error) {
    console.info(`sw: not cached ${url} (${error && error.message})`);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(PRECACHE.map((path) => store(cache, new URL(path, ROOT).href)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
      // The pages open now were loaded before this worker: keep them for an offline reload.
      const cache = await caches.open(CACHE);
      const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      await Promise.all(
        pages
          .map((client) => client.url.split("#")[0])
          .filter((url) => url.startsWith(ROOT.href))
          .map((url) => store(cache, url)),
      );
    })(),
  );
});

/** The network's answer (kept for later), or the cached copy when the network fails. */
async function networkFirst(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
    return response;
  } catch (error) {
    const hit = (await cache.match(event.request)) || (await cache.match(event.request, { ignoreSearch: true }));
    if (hit) return hit;
    throw error;
  }
}

/** The cached copy of a file whose content never changes under its name, else the network's. */
async function cacheFirst(event) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(event.request);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || request.headers.has("range") || !request.url.startsWith(ROOT.href)) return;
  const path = new URL(request.url).pathname;
  event.respondWith(CACHE_FIRST.test(path) ? cacheFirst(event) : networkFirst(event));
});
