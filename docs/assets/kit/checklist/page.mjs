// The personal checklist page: collects the answers, asks the checker's Pyodide worker for the
// checklist (verb "checklist" → Python process.browser.checklist_json) and renders it.
//
// Saves answers and ticks in localStorage; exports/imports the answers file; share link in the
// URL fragment. Every text comes from the page's JSON block; no step or date logic here.
//
// Root attributes for tests: data-checklist-state = loading | ready | error;
// data-checklist-revision (edits so far) and data-checklist-shown (the revision on screen);
// data-checklist-save = ok | failed; data-checklist-notice = corrupt | link | link-kept | bad-link;
// data-checklist-error = request (a request failed; cleared by the next answer).

import { CheckerClient, coalesce } from "../runtime/client.mjs";
import { el, fmt } from "../runtime/dom.mjs";
import { exampleValues, readExamples, syncExamples } from "./examples.mjs";
import {
  answersFromFragment,
  checkerTemplate,
  clearState,
  emptyAnswers,
  encodeShare,
  hasOwnWork,
  keepAside,
  keptAside,
  loadState,
  looksLikeAnswers,
  normalise,
  sameAnswers,
  saveState,
  splitTicks,
  today,
} from "./store.mjs";
import { renderChecklist, setPrintStyle, tickChanged, updateProgress } from "./view.mjs";

// Offline after the first visit (the site's service worker); never blocks or breaks the page.
import("../runtime/offline.mjs").catch(() => {});

const MAX_IMPORT_BYTES = 2_000_000;

function setup(root) {
  const config = JSON.parse(root.querySelector("[data-checklist-config]").textContent);
  const { labels, lang, storageKey } = config;
  const $ = (selector) => root.querySelector(selector);
  const form = $("[data-checklist-form]");
  const status = $("[data-checklist-status]");
  const announce = $("[data-checklist-announce]");
  const result = $("[data-checklist-result]");
  const templateList = $("[data-templates]");
  const inputs = Object.fromEntries([...form.querySelectorAll("[data-answer]")].map((n) => [n.dataset.answer, n]));
  const keys = {
    text: Object.keys(inputs).filter((k) => inputs[k].type !== "checkbox"),
    bool: Object.keys(inputs).filter((k) => inputs[k].type === "checkbox"),
  };
  const templateExtras = new WeakMap(); // template block → fields the form does not edit
  const templateExamples = new WeakMap(); // template block → its variables' example values
  const conditional = [...form.querySelectorAll("[data-shown-when]")]; // shown by a yes/no box
  let ticks = {};
  let templateSerial = 0;
  let revision = 0;
  const compute = coalesce(computeNewest);
  let processText = null;
  let lastModel = null;

  const client = new CheckerClient(root);
  window.kitChecklist = client; // for tests and benchmarks

  function setState(state) {
    root.dataset.checklistState = state;
  }

  function say(text, kind = "") {
    announce.textContent = text;
    announce.dataset.kind = kind;
  }

  // --- the form ----------------------------------------------------------------------------

  function renumberTemplates() {
    [...templateList.children].forEach((block, i) => {
      const n = i + 1;
      block.querySelector("legend").textContent = fmt(labels.ui_template, { n });
      block.querySelector("[data-template-name-label]").textContent = fmt(labels.ui_template_name, { n });
      block.querySelector("[data-template-body-label]").textContent = fmt(labels.ui_template_body, { n });
      block.querySelector("[data-action=remove-template]").textContent = fmt(labels.ui_remove_template, { n });
    });
  }

  function addTemplate(template = {}) {
    const id = `wa-pc-t${++templateSerial}`;
    const { name = "", body = "", examples, ...extra } = template;
    const nameInput = el("input", { attrs: { type: "text", id: `${id}-name`, "data-template-field": "name", autocomplete: "off", spellcheck: "false" } });
    const bodyInput = el("textarea", { attrs: { id: `${id}-body`, name: "templates", rows: "4", "data-template-field": "body", spellcheck: "false" } });
    nameInput.value = String(name ?? "");
    bodyInput.value = String(body ?? "");
    const remove = el("button", { cls: "md-button", attrs: { type: "button", "data-action": "remove-template" } });
    const block = el("fieldset", { cls: "wa-pc-template-block", attrs: { "data-template-block": "" } }, [
      el("legend"),
      el("div", { cls: "wa-pc-field" }, [el("label", { attrs: { for: nameInput.id, "data-template-name-label": "" } }), nameInput]),
      el("div", { cls: "wa-pc-field" }, [el("label", { attrs: { for: bodyInput.id, "data-template-body-label": "" } }), bodyInput]),
      el("div", { cls: "wa-pc-examples", attrs: { hidden: "" } }),
      el("p", {}, [remove]),
    ]);
    templateExtras.set(block, extra);
    templateExamples.set(block, { id, values: exampleValues(examples), shown: null });
    templateList.append(block);
    renumberTemplates();
    return block;
  }

  /** The template blocks holding something, in order: the answers' templates. */
  function filledBlocks() {
    return [...templateList.children].filter((block) => {
      const name = block.querySelector("[data-template-field=name]").value;
      const body = block.querySelector("[data-template-field=body]").value;
      return body.trim() || name.trim(); // an empty block is not a template yet
    });
  }

  function readForm() {
    const answers = {};
    for (const key of keys.text) answers[key] = inputs[key].value;
    for (const key of keys.bool) answers[key] = inputs[key].checked;
    answers.templates = [];
    for (const block of filledBlocks()) {
      const name = block.querySelector("[data-template-field=name]").value;
      const body = block.querySelector("[data-template-field=body]").value;
      const template = { ...templateExtras.get(block), body };
      if (name.trim()) template.name = name.trim();
      const examples = readExamples(templateExamples.get(block));
      if (examples) template.examples = examples;
      answers.templates.push(template);
    }
    return answers;
  }

  function showConditional() {
    for (const box of conditional) box.hidden = !inputs[box.dataset.shownWhen]?.checked;
  }

  function writeForm(answers) {
    for (const key of keys.text) inputs[key].value = answers[key];
    for (const key of keys.bool) inputs[key].checked = answers[key];
    templateList.replaceChildren();
    for (const template of answers.templates) addTemplate(template);
    showConditional();
  }

  // A failed save is said once and stays said until a save works again.
  function save() {
    const saved = saveState(storageKey, readForm(), ticks);
    if (saved === (root.dataset.checklistSave !== "failed")) return;
    root.dataset.checklistSave = saved ? "ok" : "failed";
    if (!saved) say(labels.ui_save_failed, "error");
    else if (announce.textContent === labels.ui_save_failed) say("");
  }

  function showFieldError(invalid) {
    clearFieldErrors();
    const key = String(invalid.field).split(/[[.]/)[0];
    const box = root.querySelector(`[data-field-error="${key}"]`);
    if (box) box.textContent = invalid.message;
    if (inputs[key]) inputs[key].setAttribute("aria-invalid", "true");
    root.dataset.checklistInvalid = key;
  }

  function clearFieldErrors() {
    for (const box of root.querySelectorAll("[data-field-error]")) box.textContent = "";
    for (const input of Object.values(inputs)) input.removeAttribute("aria-invalid");
    delete root.dataset.checklistInvalid;
  }

  // --- computing and showing ----------------------------------------------------------------

  function request(answers) {
    return client.call("checklist", { lang, today: today(), answers, process: processText });
  }

  function show(model) {
    lastModel = model;
    clearFieldErrors();
    result.classList.remove("wa-pc-result--stale");
    renderChecklist(result, model, ticks, labels, config.guideUrls);
    // Each template's variables (as Python found them) get their example fields.
    const blocks = filledBlocks();
    model.templates.items.forEach((item, i) => {
      if (blocks[i]) syncExamples(blocks[i], templateExamples.get(blocks[i]), item.variables || [], labels);
    });
    setPrintStyle(model.print_css);
    root.dataset.checklistSteps = String(model.steps.length);
  }

  // A failed request shows a short message in the reader's language (the detail goes to the
  // console), cleared by the next answer Python gives.
  function requestFailed(error) {
    console.error("checklist: request failed", error);
    say(labels.ui_request_failed, "error");
    root.dataset.checklistError = "request";
  }

  function requestWorked() {
    if (!root.dataset.checklistError) return;
    delete root.dataset.checklistError;
    if (announce.textContent === labels.ui_request_failed) say("");
  }

  async function computeNewest(stale) {
    if (processText === null || root.dataset.checkerState !== "ready") return;
    const seen = revision;
    const answers = readForm();
    try {
      const model = await request(answers);
      if (stale()) return;
      requestWorked();
      if (model.invalid) {
        if (model.invalid.field === "company" && !answers.company.trim()) {
          clearFieldErrors();
          // nothing to show before the company is named: the reader is told why
          result.replaceChildren(el("p", { cls: "wa-pc-waiting", text: labels.ui_company_needed }));
        } else {
          showFieldError(model.invalid);
          result.classList.add("wa-pc-result--stale");
        }
      } else {
        show(model);
      }
    } catch (error) {
      if (!stale()) requestFailed(error);
    }
    if (!stale()) root.dataset.checklistShown = String(seen);
  }

  function edited() {
    showConditional();
    revision += 1;
    root.dataset.checklistRevision = String(revision);
    save();
    compute();
  }

  // --- actions ------------------------------------------------------------------------------

  function download(name, text) {
    const blob = new Blob([text], { type: "application/json" });
    const link = el("a", { attrs: { href: URL.createObjectURL(blob), download: name } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  async function importFile(file) {
    const fail = (message) => {
      say(fmt(labels.ui_import_error, { message }), "error");
      root.dataset.checklistImport = "error";
    };
    if (file.size > MAX_IMPORT_BYTES) return fail(labels.ui_import_foreign);
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return fail(labels.ui_import_json);
    }
    if (!looksLikeAnswers(data, keys)) return fail(labels.ui_import_foreign);
    const { data: fields, ticks: fileTicks } = splitTicks(data);
    const answers = normalise(fields, keys);
    try {
      await started; // Python and process.json both loaded
      const model = await request(answers);
      if (model.invalid) return fail(model.invalid.message);
    } catch (error) {
      console.error("checklist: import failed", error);
      return fail(labels.ui_import_foreign);
    }
    ticks = fileTicks;
    writeForm(answers);
    edited();
    say(labels.ui_imported);
    root.dataset.checklistImport = "ok";
  }

  async function copy(text, done) {
    try {
      await navigator.clipboard.writeText(text);
      say(done);
    } catch {
      /* no clipboard permission: the text stays selectable on the page */
    }
  }

  const actions = {
    print: () => window.print(),
    // The file and the link carry the ticks too (the command line ignores the key "ticks").
    export: () => download("whatsapp-checklist-answers.json", JSON.stringify({ ...readForm(), ticks }, null, 2) + "\n"),
    share: () => {
      const url = new URL(window.location.href);
      url.hash = `${config.shareParam}=${encodeShare({ ...readForm(), ticks })}`;
      const box = $("[data-share]");
      const link = $("[data-share-link]");
      link.value = url.href;
      box.hidden = false;
      link.focus();
      link.select();
      copy(url.href, labels.ui_share_copied);
    },
    reset: () => {
      if (!window.confirm(labels.ui_reset_confirm)) return;
      clearState(storageKey);
      ticks = {};
      writeForm(emptyAnswers(keys));
      $("[data-share]").hidden = true;
      say("");
      edited();
    },
    "add-template": () => {
      const block = addTemplate();
      block.querySelector("textarea").focus();
    },
    "export-damaged": () => download("whatsapp-checklist-damaged.json", keptAside(storageKey) ?? damagedCopy ?? ""),
    "from-checker": () => {
      const template = checkerTemplate(config.checkerStorageKey);
      if (!template) return say(labels.ui_from_checker_none);
      addTemplate(template);
      edited();
    },
  };

  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button || !root.contains(button)) return;
    if (button.dataset.action === "remove-template") {
      button.closest("[data-template-block]").remove();
      renumberTemplates();
      edited();
    } else if (button.dataset.action === "copy-summary") {
      if (lastModel) copy(lastModel.summary.text, labels.ui_copied);
    } else if (actions[button.dataset.action]) {
      actions[button.dataset.action]();
    }
  });
  $("input[data-action=import]").addEventListener("change", (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (file) importFile(file);
  });
  form.addEventListener("input", edited);
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox" || event.target.type === "date") edited();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  result.addEventListener("change", (event) => {
    if (!event.target.dataset.tick) return;
    tickChanged(event.target, ticks);
    save();
    updateProgress(result, labels);
  });

  // --- start: saved state or share link, then Python --------------------------------------

  // A damaged saved entry: what is intact is used, the saved text itself is kept aside (under
  // its own key, or in memory if the browser refuses) and can be downloaded.
  let damagedCopy = null;
  const saved = loadState(storageKey, keys);
  let answers = emptyAnswers(keys);
  if (saved) {
    answers = saved.answers;
    ticks = saved.ticks;
  }
  if (saved && saved.damaged !== null) {
    damagedCopy = saved.damaged;
    keepAside(storageKey, saved.damaged);
    say(labels.ui_corrupt, "error");
    const download = el("button", {
      cls: "md-button",
      text: labels.ui_export_damaged,
      attrs: { type: "button", "data-action": "export-damaged" },
    });
    announce.after(el("p", { cls: "wa-pc-damaged" }, [download]));
    root.dataset.checklistNotice = "corrupt";
  }
  // A share link replaces the reader's own saved answers only when the reader agrees.
  const shared = answersFromFragment(window.location.hash, config.shareParam, keys);
  if (shared) {
    history.replaceState(null, "", window.location.pathname + window.location.search);
    if (shared.bad) {
      say(labels.ui_link_bad, "error");
      root.dataset.checklistNotice = "bad-link";
    } else if (
      hasOwnWork(saved) &&
      !(sameAnswers(saved.answers, shared.answers) && sameAnswers(saved.ticks, shared.ticks)) &&
      !window.confirm(labels.ui_link_replace)
    ) {
      say(labels.ui_link_kept);
      root.dataset.checklistNotice = "link-kept";
    } else {
      answers = shared.answers;
      ticks = shared.ticks;
      say(labels.ui_link_loaded);
      root.dataset.checklistNotice = "link";
    }
  }
  writeForm(answers);
  save();
  if (checkerTemplate(config.checkerStorageKey)) $("[data-from-checker]").hidden = false;

  const processLoaded = fetch(new URL(root.dataset.process, document.baseURI)).then((r) => {
    if (!r.ok) throw new Error(`process.json: HTTP ${r.status}`);
    return r.text();
  });
  const started = Promise.all([client.start(), processLoaded]).then(([, text]) => {
    processText = text;
  });
  // The worker may be replaced after a request ran over its time (runtime/client.mjs): the
  // page follows its state, and computes again once the new one is ready.
  root.addEventListener("checker-state", ({ detail }) => {
    if (root.dataset.checklistState === "error") return;
    if (detail.state === "loading" && root.dataset.checklistState === "ready") {
      status.textContent = labels.ui_loading;
      setState("loading");
    } else if (detail.state === "ready" && root.dataset.checklistState === "loading" && processText !== null) {
      status.textContent = labels.ui_ready;
      compute().then(() => setState("ready"));
    }
  });
  started.then(
    async () => {
      status.textContent = labels.ui_ready;
      await compute();
      setState("ready");
    },
    () => {
      status.textContent = labels.ui_failed;
      status.classList.add("wa-pc-status--error");
      setState("error");
    },
  );
}

for (const root of document.querySelectorAll("[data-checklist]")) setup(root);
