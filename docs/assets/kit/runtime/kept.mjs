// A file of our own site from the service worker's copy in Cache Storage, read directly (faster
// than through the service worker's fetch handler), else from the network.
//
// Only while exactly one build's cache exists (macros/bundle/sw.js keeps one per build): during
// an update there are two, and the network (through the service worker) answers then.

const PREFIX = "wa-kit-"; // the service worker's cache names (macros/bundle/sw.js)

let buildCache = null;

/** The one build cache of the site's service worker, or null. */
function keptCache() {
  buildCache ??= (async () => {
    if (typeof caches !== "object") return null;
    const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
    return names.length === 1 ? caches.open(names[0]) : null;
  })().catch(() => null);
  return buildCache;
}

/** A file of our own site: the service worker's kept copy when there is one, else fetched. */
export async function fetchKept(url) {
  const cache = await keptCache();
  const kept = cache && (await cache.match(url).catch(() => undefined));
  return kept || fetch(url);
}
