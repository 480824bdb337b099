// Renders the checklist model computed by Python (process/checklist.py) into the page; holds no
// human text and decides nothing about steps or dates.
//
// createElement/textContent only; the timeline SVG is Python's own markup (no user text in it)
// parsed off-document. Section titles come from the page's labels.

import { el, fmt } from "../runtime/dom.mjs";

/** Group consecutive steps by phase, keeping the model's order. */
function byPhase(steps) {
  const groups = [];
  for (const step of steps) {
    const last = groups[groups.length - 1];
    if (last && last.phase === step.phase) last.steps.push(step);
    else groups.push({ phase: step.phase, title: step.phase_title, steps: [step] });
  }
  return groups;
}

function tickBox(id, key, checked) {
  const box = el("input", { attrs: { type: "checkbox", id, "data-tick": key } });
  box.checked = Boolean(checked);
  return box;
}

/** A link to the step's section of the guide (on screen only; paper gets the steps alone). */
function guideLink(step, guide, labels) {
  const [path, anchor] = String(step.page || "").split("#");
  if (!guide || !(path in guide)) return null;
  const href = guide[path] + (anchor ? `#${anchor}` : "");
  return el("a", { cls: "wa-pc-more wa-pc-screen-only", text: labels.doc_more, attrs: { href } });
}

function stepNode(step, ticks, guide, labels) {
  const id = `wa-pc-${step.id}`;
  const meta = el("p", { cls: "wa-pc-meta" }, [
    el("span", { cls: `wa-pc-owner wa-pc-owner--${step.owner_id}`, text: step.owner }),
    document.createTextNode(" · "),
    el("time", { cls: "wa-pc-when", text: step.when, attrs: { datetime: step.start } }),
    document.createTextNode(" · "),
    el("span", { cls: "wa-pc-duration", text: step.duration }),
    step.condition ? el("span", { cls: "wa-pc-condition", text: step.condition }) : null,
    guideLink(step, guide, labels),
  ]);
  const items = el(
    "ul",
    { cls: "wa-pc-items" },
    step.items.map((text, i) => {
      const key = `${step.id}.${i + 1}`;
      return el("li", {}, [tickBox(`${id}-${i + 1}`, key, ticks[key]), el("label", { text, attrs: { for: `${id}-${i + 1}` } })]);
    }),
  );
  return el(
    "li",
    { cls: `wa-pc-step wa-pc-step--${step.owner_id}`, attrs: { "data-step": step.id, "data-start": step.start, "data-end": step.end } },
    [
      el("div", { cls: "wa-pc-step-head" }, [
        tickBox(id, step.id, ticks[step.id]),
        el("label", { cls: "wa-pc-step-title", text: step.title, attrs: { for: id } }),
      ]),
      meta,
      items,
      step.note ? el("p", { cls: "wa-pc-note", text: step.note }) : null,
    ],
  );
}

function section(cls, title, children) {
  return el("section", { cls: `wa-pc-section ${cls}` }, [el("h3", { text: title }), ...children]);
}

function timelineNode(svgMarkup) {
  const doc = new DOMParser().parseFromString(String(svgMarkup || ""), "text/html");
  const figure = doc.body.querySelector("figure.wa-timeline");
  return figure ? document.importNode(figure, true) : null;
}

function templatesNode(templates) {
  const list = el(
    "ul",
    { cls: "wa-pc-templates" },
    templates.items.map((item) =>
      el("li", { cls: `wa-pc-template wa-pc-template--${item.ok ? "ok" : "bad"}`, attrs: { "data-template": item.index } }, [
        el("strong", { text: item.name }),
        document.createTextNode(`: ${item.status}`),
        item.findings.length
          ? el(
              "ul",
              {},
              item.findings.map((f) =>
                el("li", { cls: `wa-pc-finding--${f.severity}` }, [el("code", { text: f.rule }), document.createTextNode(` ${f.message}`)]),
              ),
            )
          : null,
      ]),
    ),
  );
  return [el("p", { text: templates.summary }), templates.items.length ? list : null];
}

function summaryNode(summary, templates, labels) {
  const rows = summary.rows.map((row) =>
    el("tr", { attrs: { "data-summary": row.key } }, [el("th", { text: row.label, attrs: { scope: "row" } }), el("td", { text: row.value })]),
  );
  const bodies = templates.items.map((item) =>
    el("figure", { cls: "wa-pc-template-body" }, [
      el("figcaption", { text: `${item.index}. ${item.name} (${item.category})` }),
      el("pre", { text: item.body }),
    ]),
  );
  const copy = el("button", { cls: "md-button wa-pc-screen-only", text: labels.ui_copy_summary, attrs: { type: "button", "data-action": "copy-summary" } });
  return [el("table", { cls: "wa-pc-summary-table" }, [el("tbody", {}, rows)]), ...bodies, el("p", {}, [copy])];
}

/** A step's own box and its items' boxes. */
function stepBoxes(step) {
  return {
    head: step.querySelector(":scope > .wa-pc-step-head input[data-tick]"),
    items: [...step.querySelectorAll(":scope > .wa-pc-items input[data-tick]")],
  };
}

/** The step's box follows its items: ticked when all are, half-marked when some are. */
function followItems(step, ticks) {
  const { head, items } = stepBoxes(step);
  if (!items.length) return;
  const done = items.filter((b) => b.checked).length;
  head.checked = done === items.length;
  head.indeterminate = done > 0 && done < items.length;
  ticks[head.dataset.tick] = head.checked;
}

/** A box the reader ticked: a step's box ticks or clears all its items, an item's box updates
 * its step; `ticks` follows every box changed. */
export function tickChanged(box, ticks) {
  const step = box.closest("li[data-step]");
  ticks[box.dataset.tick] = box.checked;
  if (!step) return;
  const { head, items } = stepBoxes(step);
  if (box === head) {
    for (const item of items) {
      item.checked = box.checked;
      ticks[item.dataset.tick] = box.checked;
    }
  } else {
    followItems(step, ticks);
  }
}

/** Count shown step boxes and ticked ones. */
export function progress(container) {
  const boxes = [...container.querySelectorAll(".wa-pc-step-head input[type=checkbox]")];
  return { done: boxes.filter((b) => b.checked).length, total: boxes.length };
}

/** Draw the whole checklist into `container` from the Python model. */
export function renderChecklist(container, model, ticks, labels, guide) {
  const steps = byPhase(model.steps).map((group) =>
    el("div", { cls: "wa-pc-phase", attrs: { "data-phase": group.phase } }, [
      el("h4", { text: group.title }),
      el("ol", { cls: "wa-pc-steps" }, group.steps.map((step) => stepNode(step, ticks, guide, labels))),
    ]),
  );
  const parts = [
    el("header", { cls: "wa-pc-head" }, [
      el("h2", { text: model.title }),
      el("p", { cls: "wa-pc-subtitle", text: model.subtitle }),
      el("p", { cls: "wa-pc-progress wa-pc-screen-only", attrs: { "data-checklist-progress": "" } }),
    ]),
  ];
  if (model.warnings.length) {
    parts.push(
      section("wa-pc-warnings", labels.doc_warnings, [
        el("ul", {}, model.warnings.map((w) => el("li", { text: w.message, attrs: { "data-warning": w.id } }))),
      ]),
    );
  }
  parts.push(section("wa-pc-steps-section", labels.doc_steps, steps));
  const timeline = timelineNode(model.timeline_svg);
  if (timeline) parts.push(section("wa-pc-timeline", labels.doc_timeline, [timeline]));
  parts.push(section("wa-pc-templates-section", labels.doc_templates, templatesNode(model.templates)));
  parts.push(section("wa-pc-summary", model.summary.title, summaryNode(model.summary, model.templates, labels)));
  if (model.generated) parts.push(el("p", { cls: "wa-pc-generated", text: model.generated }));
  container.replaceChildren(...parts);
  // Shown as the items say (ticks saved before steps followed their items may disagree).
  for (const step of container.querySelectorAll("li[data-step]")) {
    const { head, items } = stepBoxes(step);
    const done = items.filter((b) => b.checked).length;
    if (items.length && done === items.length) head.checked = true;
    head.indeterminate = done > 0 && done < items.length && !head.checked;
  }
  updateProgress(container, labels);
}

/** Refresh the "n of m done" line. */
export function updateProgress(container, labels) {
  const line = container.querySelector("[data-checklist-progress]");
  if (line) line.textContent = fmt(labels.ui_progress, progress(container));
}

/** Put the model's @page rules (company and date on every printed page) into the document. */
export function setPrintStyle(css) {
  let style = document.head.querySelector("style[data-checklist-print]");
  if (!style) {
    style = el("style", { attrs: { "data-checklist-print": "" } });
    document.head.append(style);
  }
  style.textContent = String(css || "");
}
