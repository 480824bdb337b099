// Registers the site's service worker (sw.js at the site root, scope: the whole site), so the
// checker and checklist pages work offline after the first visit.
//
// Imported only by those pages; a failure is logged and never breaks the page. The site root is
// found from this module's own URL (assets/kit/<hash>/runtime/offline.mjs,
// macros/bundle/runtime.py), so it works at / and under a sub-path.

const SITE_ROOT = new URL("../../../../", import.meta.url);

/** Resolves once no checker on the page is still starting (each is ready or has failed). */
function startsSettled() {
  const settled = () => !document.querySelector("[data-checker-state=loading]");
  return new Promise((resolve) => {
    if (settled()) return resolve();
    const observer = new MutationObserver(() => {
      if (!settled()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { subtree: true, attributeFilter: ["data-checker-state"] });
  });
}

/** Resolves once the page has loaded. */
function loaded() {
  if (document.readyState === "complete") return Promise.resolve();
  return new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
}

/**
 * Register sw.js once the page has loaded and the checker has started: the worker's install
 * fetches the whole runtime to keep it, which must not compete with the checker's own start.
 */
export async function registerOffline() {
  if (!("serviceWorker" in navigator)) return;
  await Promise.all([loaded(), startsSettled()]);
  try {
    await navigator.serviceWorker.register(new URL("sw.js", SITE_ROOT).href, { scope: SITE_ROOT.href });
  } catch (error) {
    console.info(`offline: service worker not registered (${error && error.message})`);
  }
}

registerOffline().catch((error) => console.info(`offline: ${error && error.message}`));
