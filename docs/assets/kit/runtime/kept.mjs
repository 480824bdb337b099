// The site's service worker keeps the checker's runtime in Cache Storage, one cache per build
// (macros/bundle/sw.js). A worker reads that copy directly, which is faster than asking for it
// through the service worker's fetch handler; but only while exactly one build's cache exists:
// during an update there are two, and the network (through the service worker) answers then.

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
