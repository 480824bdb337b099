// The checker's export panel: shows a template's Graph API create and send requests (as
// `python -m validator --export` prints them), or the errors that block them; Copy, Download.
// Human texts come from the page's labels; this module holds none.

import { el } from "../runtime/dom.mjs";

/** A JSON document as the CLI prints it (two-space indent, text kept as text). */
export function jsonText(value) {
  return JSON.stringify(value, null, 2);
}

/** Offer text as a file download (nothing leaves the browser). */
export function download(filename, text, type = "application/json") {
  const blob = new Blob([text], { type });
  const link = el("a", { attrs: { href: URL.createObjectURL(blob), download: filename } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** A file name for one exported request of a template ("order_shipped.create.json"). */
export function exportFilename(entry, key) {
  return `${entry.name || "template"}.${key}.json`;
}

/**
 * Show one export entry ({name, ok, create, send, blocked_by}) in the panel: the two documents
 * when the template can be exported, else the list of what blocks it.
 */
export function renderExport(panel, entry) {
  const blocked = !entry.create;
  const blockers = entry.blocked_by || [];
  panel.querySelector("[data-export-blocked]").hidden = !blocked;
  panel.querySelector("[data-export-documents]").hidden = blocked;
  panel.querySelector("[data-export-blockers]").replaceChildren(
    ...blockers.map((b) => el("li", { text: b.message, attrs: { "data-blocker": b.rule || b.field } })),
  );
  for (const key of ["create", "send"]) {
    panel.querySelector(`[data-export-json="${key}"]`).textContent = blocked ? "" : jsonText(entry[key]);
  }
  panel.dataset.exportState = blocked ? "blocked" : "ready";
}
