// Registers the site's service worker (sw.js at the site root, scope: the whole site), so the
// checker and checklist pages work offline after the first visit. Imported only by those pages;
// a failure is logged and never breaks the page. The site root is found from this module's own
// URL (assets/checker/offline.mjs), so it works at / and under a sub-path.

const SITE_ROOT = new URL("../../", import.meta.url);

/** Register sw.js once the page has loaded (so it never competes with the page's start). */
export function registerOffline() {
  if (!("serviceWorker" in navigator)) return;
  const start = () =>
    navigator.serviceWorker
      .register(new URL("sw.js", SITE_ROOT).href, { scope: SITE_ROOT.href })
      .catch((error) => console.info(`offline: service worker not registered (${error && error.message})`));
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
}

try {
  registerOffline();
} catch (error) {
  console.info(`offline: ${error && error.message}`);
}
