// The checker page: wires the fields and the bulk form to the worker and the view.
// Every text comes from the JSON block the macro wrote (labels per language).

import { CheckerClient, coalesce } from "../runtime/client.mjs";
import { buttonEditor } from "./buttons.mjs";
import { el, fmt } from "../runtime/dom.mjs";
import { download, exportFilename, jsonText, renderExport } from "./export.mjs";
import { formatOfName, guessFormat } from "./formats.mjs";
import { categoryName, foreignPassage, renderBulk, renderCounters, renderFindings, renderHighlights, renderPreview, toCsv } from "./view.mjs";

// Offline after the first visit (the site's service worker); never blocks or breaks the page.
import("../runtime/offline.mjs").catch(() => {});

const TEXT_FIELDS = ["name", "header", "body", "footer"];
const HEADER_KEY = "header:"; // the header variable's example input (no variable has this name)
// The library page's "Open in the checker" links here with the template in the address:
// #template=<URI-encoded JSON>. It fills the form once, then leaves the address.
const LINK_PREFIX = "#template=";
// Its one span is the first foreign word; the highlight covers the whole foreign passage.
const MIXED_LANGUAGE = "format.mixed_language";

/** The template a link brought (null when none or unreadable); the address is then cleaned. */
function linkedTemplate() {
  const hash = location.hash;
  if (!hash.startsWith(LINK_PREFIX)) return null;
  history.replaceState(null, "", location.pathname + location.search);
  try {
    const t = JSON.parse(decodeURIComponent(hash.slice(LINK_PREFIX.length)));
    return t && typeof t === "object" ? t : null;
  } catch {
    return null;
  }
}

/** Refuse a paste or drop whose text would make the input too long (tooLong(addedLength)). */
function refuseHugeInsert(input, tooLong, onRefuse) {
  const guard = (event) => {
    const data = event.clipboardData || event.dataTransfer;
    const text = data ? data.getData("text/plain") : "";
    if (text && tooLong(text.length)) {
      event.preventDefault();
      onRefuse();
    }
  };
  input.addEventListener("paste", guard);
  input.addEventListener("drop", guard);
}

function setup(root) {
  const config = JSON.parse(root.querySelector("[data-checker-config]").textContent);
  const { labels, limits, lang } = config;
  const $ = (selector) => root.querySelector(selector);
  const fields = Object.fromEntries([...root.querySelectorAll("[data-checker-form] [data-field]")].map((n) => [n.dataset.field, n]));
  const status = $("[data-checker-status]");
  const announce = $("[data-announce]");
  const exampleBox = $("[data-examples]");
  const exampleList = $("[data-example-list]");
  const longestBox = $("[data-longest]");
  const longestList = $("[data-longest-list]");
  // One input per variable: the body's by name ("1", "order_id"), the header's one apart (its
  // {{1}} is not the body's), under HEADER_KEY.
  const examples = new Map(); // key → its input
  const longest = new Map(); // body variable → its "longest value" input (length after substitution)
  let pendingExamples = {}; // restored example values by key, placed when their inputs appear
  let pendingLongest = Object.create(null); // restored longest values by key, likewise
  const rulesHref = root.dataset.rulesHref;
  const ctx = {
    labels,
    ruleHref: (rule) => `${rulesHref}#${config.ruleAnchors[rule] || rule}`,
    onApply: (finding) => applySuggestion(finding),
  };
  const formAnnounce = $("[data-form-announce]");
  const undoClear = $("[data-undo-clear]");
  const client = new CheckerClient(root);
  window.kitChecker = client; // for benchmarks and tests: state, timings

  // --- single template -------------------------------------------------------------------
  // data-checker-revision counts edits; data-checker-shown is the revision on screen
  // (tests and benchmarks wait for them to match).
  let revision = 0;
  const check = coalesce(checkNewest);
  // Until the reader types, pastes or a template arrives, an empty form reports nothing (an
  // empty body is no error of theirs yet); "Clear" returns the form to that state.
  let touched = false;
  let cleared = null; // what "Clear" removed ({template, mode}), until the next typing
  // Buttons: edited and sent in Meta mode only (the provider takes text templates only).
  const buttons = buttonEditor($("[data-buttons]"), labels, () => typed());
  const showButtons = () => buttons.show(fields.mode.value === "meta");

  function edited() {
    revision += 1;
    root.dataset.checkerRevision = String(revision);
    check();
  }

  /** The reader changed the form: from now on it is checked even when empty, and an undo of
   * "Clear" is no longer offered. */
  function typed() {
    touched = true;
    cleared = null;
    undoClear.hidden = true;
    edited();
  }

  function template() {
    const t = {};
    for (const key of TEXT_FIELDS) if (fields[key].value) t[key] = fields[key].value;
    if (fields.category.value) t.category = fields.category.value;
    const values = {};
    for (const [key, input] of examples) {
      if (!input.value) continue;
      if (key === HEADER_KEY) t.header_example = input.value;
      else values[key] = input.value;
    }
    if (Object.keys(values).length) t.examples = values;
    const maxima = {};
    for (const [key, input] of longest) if (/^\d{1,4}$/.test(input.value)) maxima[key] = Number(input.value);
    if (Object.keys(maxima).length) t.max_lengths = maxima;
    if (fields.mode.value === "meta") {
      const list = buttons.read();
      if (list.length) t.buttons = list;
    }
    return t;
  }

  function size(t) {
    let n = 0;
    for (const value of Object.values(t)) n += typeof value === "string" ? value.length : 0;
    for (const value of Object.values(t.examples || {})) n += value.length;
    for (const button of t.buttons || []) for (const value of Object.values(button)) n += String(value).length;
    return n;
  }

  /** One input per variable, in order (the body's, then the header's one); true when a
   * restored value was placed in a new one. */
  function syncExamples(variables, headerVariables) {
    const slots = [
      ...variables.map((name) => ({ key: name, name, label: labels.example_for })),
      ...headerVariables.slice(0, 1).map((name) => ({ key: HEADER_KEY, name, label: labels.example_for_header })),
    ];
    let placed = false;
    const wanted = new Set(slots.map((slot) => slot.key));
    for (const [key, input] of examples) {
      if (!wanted.has(key)) {
        input.closest(".kit-checker-field").remove();
        examples.delete(key);
        longest.get(key)?.closest(".kit-checker-field").remove();
        longest.delete(key);
      }
    }
    slots.forEach(({ key, name, label }, i) => {
      if (examples.has(key)) return;
      const id = `kit-checker-example-${i}-${Math.random().toString(36).slice(2, 8)}`;
      const where = key === HEADER_KEY ? "header" : "body";
      const input = el("input", { attrs: { type: "text", id, "data-example": name, "data-example-field": where, autocomplete: "off" } });
      input.value = pendingExamples[key] || "";
      placed = placed || Boolean(input.value);
      delete pendingExamples[key];
      input.addEventListener("input", typed);
      exampleList.append(el("div", { cls: "kit-checker-field" }, [el("label", { text: fmt(label, { var: `{{${name}}}` }), attrs: { for: id } }), input]));
      examples.set(key, input);
      if (where === "body") addLongest(key, name, `${id}-longest`);
    });
    exampleBox.hidden = examples.size === 0;
    longestBox.hidden = longest.size === 0;
    return placed;
  }

  /** The longest value a body variable may take (optional): the body's length with it in place
   * is checked against 1024 (length.body_substituted). */
  function addLongest(key, name, id) {
    const input = el("input", {
      attrs: { type: "number", id, min: "0", max: "9999", step: "1", inputmode: "numeric", "data-max-length": name, autocomplete: "off" },
    });
    input.value = pendingLongest[key] ?? "";
    delete pendingLongest[key];
    input.addEventListener("input", typed);
    longestList.append(el("div", { cls: "kit-checker-field" }, [el("label", { text: fmt(labels.longest_for, { var: `{{${name}}}` }), attrs: { for: id } }), input]));
    longest.set(key, input);
  }

  // The last checked template stays in this browser (localStorage, never sent anywhere), so
  // the personal checklist page can take it and a reload keeps the reader's text.
  function remember(t) {
    try {
      if (t.body || t.name) localStorage.setItem(config.storageKey, JSON.stringify({ template: t }));
    } catch {
      // storage may be disabled: nothing to keep then
    }
  }

  /** Values by variable: a list (the file format) holds those of {{1}}, {{2}}… in order. */
  function byNumber(values) {
    return Array.isArray(values) ? Object.fromEntries(values.map((v, i) => [String(i + 1), v])) : values;
  }

  /** Put a template into the form: its fields (a linked one replaces every field) and its
   * example values, placed as their inputs appear. */
  function fill(t, { replace }) {
    for (const key of [...TEXT_FIELDS, "category"]) {
      if (typeof t[key] === "string") fields[key].value = t[key];
      else if (replace) fields[key].value = "";
    }
    const values = byNumber(t.examples);
    pendingExamples = values && typeof values === "object" ? { ...values } : {};
    if (typeof t.header_example === "string") pendingExamples[HEADER_KEY] = t.header_example;
    const maxima = byNumber(t.max_lengths);
    pendingLongest = Object.create(null);
    for (const [key, value] of Object.entries(maxima && typeof maxima === "object" ? maxima : {})) pendingLongest[key] = String(value);
    // A template with buttons is one for Meta: its buttons are edited in Meta mode.
    if (Array.isArray(t.buttons) && t.buttons.length) fields.mode.value = "meta";
    if (replace || Array.isArray(t.buttons)) buttons.fill(t.buttons);
    showButtons();
    for (const [key, input] of examples) {
      input.value = pendingExamples[key] || "";
      delete pendingExamples[key];
    }
    for (const [key, input] of longest) {
      input.value = pendingLongest[key] ?? "";
      delete pendingLongest[key];
    }
  }

  function restore() {
    const linked = linkedTemplate();
    if (linked) {
      fill(linked, { replace: true });
      return;
    }
    try {
      const saved = JSON.parse(localStorage.getItem(config.storageKey) || "null");
      const t = saved && saved.template;
      if (!t || Object.values(fields).some((f) => f.value && f.tagName !== "SELECT")) return;
      fill(t, { replace: false });
    } catch {
      // unreadable or disabled storage: start empty
    }
  }

  function show(t, result) {
    root.dataset.checkerResult = "checked";
    remember(t);
    renderFindings($("[data-findings]"), result.findings, ctx);
    for (const key of TEXT_FIELDS) {
      const spans = result.findings
        .filter((f) => f.field === key && f.end > f.start)
        .map((f) => (f.rule === MIXED_LANGUAGE ? foreignPassage(fields[key].value, f) : f));
      renderHighlights(root.querySelector(`[data-backdrop="${key}"]`), fields[key].value, spans);
    }
    if (syncExamples(result.variables, result.header_variables || [])) edited();
    renderCounters(root, result.counts, result.variables, limits);
    $("[data-category-hint]").textContent = categoryName(labels, result.category_hint);
    $("[data-category-reason]").textContent = result.category_reason || "";
    renderPreview($("[data-preview]"), t);
    const errors = result.findings.filter((f) => f.severity === "error").length;
    announce.textContent = fmt(labels.announce, { count: result.findings.length, errors });
  }

  /** The untouched form: no finding, no highlight, zero counts, an invitation to type. */
  function showUntouched() {
    root.dataset.checkerResult = "empty";
    $("[data-findings]").replaceChildren(el("li", { cls: "kit-checker-none", text: labels.empty_form }));
    for (const key of TEXT_FIELDS) root.querySelector(`[data-backdrop="${key}"]`).replaceChildren();
    syncExamples([], []);
    renderCounters(root, {}, [], limits);
    $("[data-category-hint]").textContent = "—";
    $("[data-category-reason]").textContent = "";
    $("[data-preview]").replaceChildren();
    announce.textContent = "";
    $("[data-export-blocked]").hidden = true;
    $("[data-export-documents]").hidden = true;
    lastExport = null;
  }

  function isEmpty(t) {
    return !TEXT_FIELDS.some((key) => t[key]) && !(t.buttons || []).length;
  }

  function showTooLong() {
    root.dataset.checkerResult = "too-long";
    const list = $("[data-findings]");
    list.replaceChildren(el("li", { cls: "kit-checker-finding kit-checker-finding--error kit-checker-too-long", text: labels.too_long }));
    for (const key of TEXT_FIELDS) root.querySelector(`[data-backdrop="${key}"]`).replaceChildren();
    $("[data-preview]").replaceChildren();
    announce.textContent = list.textContent;
  }

  function refuseTooLong() {
    revision += 1;
    root.dataset.checkerRevision = String(revision);
    showTooLong();
    root.dataset.checkerShown = String(revision);
  }

  /** A failed request: a short message in the page's language (the detail goes to the console);
   * the next check that succeeds replaces it. */
  function failureText(error) {
    console.error("checker:", error);
    return error && error.kind === "timeout" ? labels.request_timeout : labels.request_failed;
  }

  function showFailure(error) {
    root.dataset.checkerResult = "failed";
    $("[data-findings]").replaceChildren(el("li", { cls: "kit-checker-finding kit-checker-finding--error", text: failureText(error) }));
  }

  async function checkNewest(stale) {
    if (root.dataset.checkerState !== "ready") return;
    const seen = revision;
    const t = template();
    if (!touched && isEmpty(t)) {
      showUntouched();
      root.dataset.checkerShown = String(seen);
      return;
    }
    if (size(t) > config.maxChars) {
      showTooLong();
      root.dataset.checkerShown = String(seen);
      return;
    }
    try {
      const request = { lang, mode: fields.mode.value, template: t };
      const result = await client.call("check", request);
      if (!stale()) show(t, result);
      if (exportOpen && !stale()) showExport(await client.call("export", request));
    } catch (error) {
      showFailure(error);
    }
    if (!stale()) root.dataset.checkerShown = String(seen);
  }

  // --- export of the single template ----------------------------------------------------------
  // Opened by its button; from then on every check also asks for the export, so it never shows
  // the requests of an older text.
  const exportPanel = $("[data-export]");
  const exportButton = $("[data-export-open]");
  const exportAnnounce = $("[data-export-announce]");
  let exportOpen = false;
  let lastExport = null;

  function showExport(entry) {
    lastExport = entry;
    renderExport(exportPanel, entry);
  }

  exportButton.addEventListener("click", () => {
    exportOpen = true;
    exportButton.setAttribute("aria-expanded", "true");
    $("[data-export-body]").hidden = false;
    edited();
  });
  for (const button of root.querySelectorAll("[data-export-copy]")) {
    button.addEventListener("click", async () => {
      if (!lastExport || !lastExport[button.dataset.exportCopy]) return;
      try {
        await navigator.clipboard.writeText(jsonText(lastExport[button.dataset.exportCopy]));
        exportAnnounce.textContent = labels.export_copied;
      } catch {
        exportAnnounce.textContent = labels.export_copy_failed;
      }
    });
  }
  for (const button of root.querySelectorAll("[data-export-download]")) {
    button.addEventListener("click", () => {
      const key = button.dataset.exportDownload;
      if (lastExport && lastExport[key]) download(exportFilename(lastExport, key), jsonText(lastExport[key]) + "\n");
    });
  }

  for (const input of Object.values(fields)) {
    // Choosing a category or the rules is no typing: an empty form stays quiet.
    const changed = input.tagName === "SELECT" ? edited : typed;
    input.addEventListener("input", changed);
    input.addEventListener("change", changed);
    const backdrop = root.querySelector(`[data-backdrop="${input.dataset.field}"]`);
    if (backdrop) {
      input.addEventListener("scroll", () => {
        backdrop.scrollTop = input.scrollTop;
        backdrop.scrollLeft = input.scrollLeft;
      });
    }
  }
  root.querySelector("[data-checker-form]").addEventListener("submit", (event) => event.preventDefault());

  // --- apply a suggestion, copy, clear ----------------------------------------------------------
  /** Write a finding's suggested replacement over its span (code points, as the checker counts). */
  function applySuggestion(finding) {
    const input = fields[finding.field];
    const chars = [...input.value];
    const before = chars.slice(0, finding.start).join("") + finding.replacement;
    input.value = before + chars.slice(finding.end).join("");
    input.focus();
    input.setSelectionRange(before.length, before.length);
    formAnnounce.textContent = labels.applied;
    typed();
  }

  $("[data-copy-body]").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(fields.body.value);
      formAnnounce.textContent = labels.copied_body;
    } catch {
      formAnnounce.textContent = labels.export_copy_failed;
    }
  });

  // Clear asks nothing: what it removed can be put back with "Undo" until the next typing. The
  // kept copy in this browser goes too, so a reload does not bring the text back.
  $("[data-clear]").addEventListener("click", () => {
    const removed = { template: template(), mode: fields.mode.value };
    fill({}, { replace: true });
    fields.mode.value = removed.mode;
    showButtons();
    try {
      localStorage.removeItem(config.storageKey);
    } catch {
      // storage may be disabled: nothing kept then
    }
    touched = false;
    cleared = removed;
    undoClear.hidden = false;
    formAnnounce.textContent = labels.cleared;
    fields.body.focus();
    edited();
  });
  undoClear.addEventListener("click", () => {
    if (!cleared) return;
    fields.mode.value = cleared.mode;
    fill(cleared.template, { replace: true });
    formAnnounce.textContent = labels.restored;
    fields.body.focus();
    typed();
  });
  // A huge paste is refused before it reaches the field: laying out megabytes of text in a
  // textarea would freeze the page long before any check could run.
  for (const input of Object.values(fields)) {
    refuseHugeInsert(input, (added) => size(template()) + added > config.maxChars, refuseTooLong);
  }

  // --- bulk ------------------------------------------------------------------------------
  const bulkText = $("[data-bulk-text]");
  const bulkFormat = $("[data-bulk-format]");
  const bulkFile = $("[data-bulk-file]");
  const bulkResult = $("[data-bulk-result]");
  const bulkAnnounce = $("[data-bulk-announce]");
  const downloads = $("[data-bulk-downloads]");
  const suggestion = $("[data-bulk-suggestion]");
  const suggestButton = $("[data-bulk-suggest]");
  const formatName = (format) => labels[`bulk_format_${format}`] || format;
  let lastReport = null;
  let lastBulk = null; // the checked file ({filename, content, mode}), exported on demand

  function bulkTooLong() {
    downloads.hidden = true;
    lastReport = null;
    root.dataset.bulkResult = "too-long";
    bulkResult.replaceChildren();
    bulkAnnounce.textContent = labels.too_long_bulk;
  }

  /** A text the chosen format cannot read: say why, and offer the format it looks like. */
  function suggestFormat(error, content) {
    const likely = guessFormat(content);
    bulkAnnounce.textContent = fmt(labels.bulk_unreadable, { reason: error.message });
    if (likely === bulkFormat.value) return;
    suggestion.querySelector("span").textContent = fmt(labels.bulk_suggest, { format: formatName(likely) });
    suggestButton.textContent = fmt(labels.bulk_suggest_check, { format: formatName(likely) });
    suggestButton.dataset.bulkSuggest = likely;
    suggestion.hidden = false;
  }

  async function checkBulk(filename, content) {
    downloads.hidden = true;
    suggestion.hidden = true;
    lastReport = null;
    if (content.length > config.maxBulkChars) {
      bulkTooLong();
      return;
    }
    try {
      await client.ready;
      const report = await client.call("checkFile", { filename, content, lang, mode: fields.mode.value });
      lastReport = report;
      lastBulk = { filename, content, mode: fields.mode.value };
      renderBulk(bulkResult, report, ctx);
      const bad = report.templates.filter((t) => !t.ok).length;
      bulkAnnounce.textContent = fmt(labels.bulk_summary, { count: report.templates.length, bad });
      downloads.hidden = false;
      root.dataset.bulkResult = "checked";
    } catch (error) {
      root.dataset.bulkResult = "failed";
      bulkResult.replaceChildren();
      // "request": the checker answered that it cannot read the text (its own words).
      if (error && error.kind === "request") suggestFormat(error, content);
      else bulkAnnounce.textContent = failureText(error);
    }
  }

  refuseHugeInsert(
    bulkText,
    (added) => bulkText.value.length + added > config.maxBulkChars,
    bulkTooLong,
  );
  $("[data-bulk-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    checkBulk(`templates.${bulkFormat.value}`, bulkText.value);
  });
  suggestButton.addEventListener("click", () => {
    bulkFormat.value = suggestButton.dataset.bulkSuggest;
    bulkFormat.focus();
    checkBulk(`templates.${bulkFormat.value}`, bulkText.value);
  });
  bulkFile.addEventListener("change", async () => {
    const file = bulkFile.files[0];
    if (!file) return;
    if (file.size > config.maxBulkChars * 4) {
      bulkTooLong();
      return;
    }
    const content = await file.text();
    // The opened file is shown as text (never as HTML) with its format, so it can be edited
    // and checked again; one over the limit is refused by checkBulk before it is shown.
    const format = formatOfName(file.name);
    if (content.length <= config.maxBulkChars) {
      bulkText.value = content;
      if (format) bulkFormat.value = format;
    }
    await checkBulk(file.name, content);
    if (root.dataset.bulkResult === "checked") {
      bulkAnnounce.textContent += ` ${fmt(labels.bulk_opened, { name: file.name, format: formatName(format) })}`;
    }
  });
  /** Every template of the checked file that has no error, as `--export` prints them. */
  async function downloadExport() {
    const all = await client.call("exportFile", { ...lastBulk, lang });
    const exportable = all.templates.filter((t) => t.create);
    if (!exportable.length) {
      bulkAnnounce.textContent = labels.export_none;
      return;
    }
    download("templates-export.json", jsonText({ templates: exportable }) + "\n");
    bulkAnnounce.textContent = fmt(labels.export_bulk_done, { count: exportable.length, total: all.templates.length });
  }

  for (const button of root.querySelectorAll("[data-download]")) {
    button.addEventListener("click", () => {
      if (!lastReport) return;
      const kind = button.dataset.download;
      if (kind === "export") {
        downloadExport().catch((error) => {
          bulkAnnounce.textContent = failureText(error);
        });
        return;
      }
      const body = kind === "json" ? jsonText(lastReport) + "\n" : toCsv(lastReport);
      download(`templates-report.${kind}`, body, kind === "json" ? "application/json" : "text/csv");
    });
  }

  // --- start ---------------------------------------------------------------------------------
  fields.mode.addEventListener("change", showButtons);
  restore();
  showButtons();
  // A library link followed while the checker is open changes only the address's hash.
  window.addEventListener("hashchange", () => {
    const linked = linkedTemplate();
    if (!linked) return;
    fill(linked, { replace: true });
    edited();
  });
  // The status follows the worker, also when a runaway request makes the client replace it:
  // "loading" until the new one is ready, then the current text is checked again.
  root.addEventListener("checker-state", (event) => {
    const { state } = event.detail;
    status.classList.toggle("kit-checker-status--error", state === "error");
    status.textContent = { loading: labels.loading, ready: labels.ready, error: labels.failed }[state] || "";
    if (state === "ready") check();
  });
  client.start().catch(() => {});
}

for (const root of document.querySelectorAll("[data-checker]")) setup(root);
