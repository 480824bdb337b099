// Rendering for the checker: findings, highlights, counters, preview bubble, bulk table.
// Everything is built with createElement/textContent: pasted text is always shown as text.
// Human texts come from the page's labels (ctx.labels); this module holds none.

import { el, fmt } from "../runtime/dom.mjs";

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

/** UTF-16 offset of every code point index of text (Python counts code points, JS UTF-16). */
export function utf16Offsets(text) {
  const offsets = [0];
  let unit = 0;
  for (const ch of text) {
    unit += ch.length;
    offsets.push(unit);
  }
  return offsets;
}

/** Convert a Python code-point span to a UTF-16 span of text (clamped to the text). */
export function toUtf16Span(text, start, end, offsets = utf16Offsets(text)) {
  const last = offsets.length - 1;
  const clamp = (i) => offsets[Math.max(0, Math.min(last, Number(i) || 0))];
  return [clamp(start), clamp(end)];
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const TRAILING = /[\s,;:(\u2014\u2013-]+$/u;

/**
 * The span of a mixed-language finding widened from its first foreign word (all the checker
 * reports) to the whole foreign passage: on to the next letter of the other script, less the
 * trailing spaces and commas. Code-point indices in and out, like the checker's.
 */
export function foreignPassage(text, span) {
  const chars = [...text];
  const first = chars[span.start] || "";
  const other = CYRILLIC.test(first) ? LATIN : LATIN.test(first) ? CYRILLIC : null;
  if (!other) return span;
  let end = span.end;
  while (end < chars.length && !other.test(chars[end])) end += 1;
  const passage = chars.slice(span.start, end).join("").replace(TRAILING, "");
  return { ...span, end: Math.max(span.end, span.start + [...passage].length) };
}

/**
 * Draw text with <mark> around the spans (code-point indices) into a backdrop element.
 * Overlapping spans are split; each piece takes the highest severity covering it.
 */
export function renderHighlights(target, text, spans) {
  target.replaceChildren();
  const offsets = utf16Offsets(text);
  const pieces = spans
    .map((s) => ({ ...s, range: toUtf16Span(text, s.start, s.end, offsets) }))
    .filter((s) => s.range[1] > s.range[0]);
  const cuts = new Set([0, text.length]);
  for (const s of pieces) for (const c of s.range) cuts.add(c);
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const part = text.slice(from, to);
    const covering = pieces.filter((s) => s.range[0] <= from && s.range[1] >= to);
    if (!covering.length) {
      target.append(document.createTextNode(part));
      continue;
    }
    covering.sort((a, b) => (SEVERITY_RANK[b.severity] || 0) - (SEVERITY_RANK[a.severity] || 0));
    const top = covering[0];
    target.append(
      el("mark", {
        cls: `kit-checker-mark kit-checker-mark--${top.severity}`,
        text: part,
        attrs: { "data-mark-rule": covering.map((s) => s.rule).join(" ") },
      }),
    );
  }
  // A trailing newline needs a character after it to keep the backdrop as tall as the field.
  if (text.endsWith("\n")) target.append(document.createTextNode(" "));
}

/** The findings list: severity, message, field, fix, suggested replacement, rule link. */
export function renderFindings(list, findings, ctx) {
  const { labels } = ctx;
  list.replaceChildren();
  if (!findings.length) {
    list.append(el("li", { cls: "kit-checker-none", text: labels.no_findings }));
    return;
  }
  for (const f of findings) list.append(findingItem(f, ctx));
}

// The fields whose text a suggested replacement can be written into.
const APPLICABLE_FIELDS = new Set(["name", "header", "body", "footer"]);

function findingItem(f, { labels, ruleHref, onApply }) {
  const severity = el("span", {
    cls: `kit-checker-sev kit-checker-sev--${f.severity}`,
    text: labels[`severity_${f.severity}`] || f.severity,
  });
  const field = f.field ? el("span", { cls: "kit-checker-where", text: labels[`field_${f.field}`] || f.field }) : null;
  const head = el("p", { cls: "kit-checker-msg" }, [severity, " ", field, field ? " " : null, el("span", { text: f.message })]);
  const item = el("li", { cls: `kit-checker-finding kit-checker-finding--${f.severity}`, attrs: { "data-rule": f.rule } }, [head]);
  if (f.fix) item.append(el("p", { cls: "kit-checker-fix" }, [el("strong", { text: labels.fix }), " ", f.fix]));
  if (f.replacement) {
    // On the single form (ctx.onApply given) a suggestion for a field's text can be applied.
    const apply =
      onApply && APPLICABLE_FIELDS.has(f.field) && f.end >= f.start
        ? el("button", { cls: "md-button kit-checker-apply", text: labels.apply, attrs: { type: "button", "data-apply-suggestion": f.rule } })
        : null;
    apply?.addEventListener("click", () => onApply(f));
    item.append(el("p", { cls: "kit-checker-fix" }, [el("strong", { text: labels.replacement }), " ", el("code", { text: f.replacement }), apply ? " " : null, apply]));
  }
  item.append(el("p", { cls: "kit-checker-rule" }, [el("a", { text: fmt(labels.rule_link, { rule: f.rule }), attrs: { href: ruleHref(f.rule) } })]));
  return item;
}

/** Counters: characters used per field and the number of variables. */
export function renderCounters(root, counts, variables, limits) {
  const values = { ...counts, variables: variables.length };
  for (const node of root.querySelectorAll("[data-count]")) {
    const key = node.dataset.count;
    node.textContent = String(values[key] ?? 0);
    const over = limits[key] !== undefined && values[key] > limits[key];
    node.closest("[data-counter]").classList.toggle("kit-checker-counter--over", Boolean(over));
  }
}

// WhatsApp's inline formatting: ```mono```, *bold*, _italic_, ~strike~ (markers hug the text
// and do not touch letters or digits outside).
const FORMAT = /```([\s\S]+?)```|(?<![\p{L}\p{N}])([*_~])(?=\S)([^\n]*?\S)\2(?![\p{L}\p{N}])/u;
const FORMAT_TAGS = { "*": "strong", _: "em", "~": "s" };

/** Append text to parent with WhatsApp's formatting drawn as DOM nodes. */
export function appendFormatted(parent, text) {
  let rest = text;
  while (rest) {
    const m = FORMAT.exec(rest);
    if (!m) {
      parent.append(document.createTextNode(rest));
      return;
    }
    if (m.index) parent.append(document.createTextNode(rest.slice(0, m.index)));
    if (m[1] !== undefined) {
      parent.append(el("code", { text: m[1] }));
    } else {
      const node = el(FORMAT_TAGS[m[2]]);
      appendFormatted(node, m[3]);
      parent.append(node);
    }
    rest = rest.slice(m.index + m[0].length);
  }
}

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Replace each {{name}} with its example value when one is given (own string values only:
 * a name like {{constructor}} must not reach Object.prototype). */
export function fillExamples(text, examples) {
  const own = (name) => Object.hasOwn(examples, name) && typeof examples[name] === "string" && examples[name];
  return text.replace(VARIABLE, (whole, name) => own(name) || whole);
}

/** The name of a text's first variable ("1", "order_id"), or "". */
function firstVariable(text) {
  const m = text.match(new RegExp(VARIABLE.source));
  return m ? m[1] : "";
}

/** The preview bubble: header, body and footer as WhatsApp would show them. */
export function renderPreview(bubble, template) {
  bubble.replaceChildren();
  const bodyExamples = Object.assign(Object.create(null), template.examples);
  const parts = [
    ["header", "kit-checker-bubble-header"],
    ["body", "kit-checker-bubble-body"],
    ["footer", "kit-checker-bubble-footer"],
  ];
  for (const [key, cls] of parts) {
    const text = template[key];
    if (!text) continue;
    const block = el("div", { cls });
    // The header's variable is numbered apart from the body's: its example fills it, whatever
    // its name (the checker flags a second header variable).
    const examples = key === "header" ? Object.assign(Object.create(null), { [firstVariable(text)]: template.header_example }) : bodyExamples;
    appendFormatted(block, fillExamples(text, examples));
    bubble.append(block);
  }
}

/** A category as Meta's interface names it in the page's language (the code if unknown). */
export function categoryName(labels, code) {
  return labels[`category_${String(code || "").toLowerCase()}`] || code || "";
}

/** The bulk table: one row per template, findings expandable. */
export function renderBulk(container, response, ctx) {
  const { labels } = ctx;
  const head = el("tr", {}, ["bulk_col_number", "bulk_col_name", "bulk_col_verdict", "bulk_col_category", "bulk_col_findings"].map((k) => el("th", { text: labels[k], attrs: { scope: "col" } })));
  const body = el("tbody");
  response.templates.forEach((t, i) => {
    const findings = el("td");
    if (t.findings.length) {
      const list = el("ul", { cls: "kit-checker-findings" });
      renderFindings(list, t.findings, ctx);
      findings.append(el("details", {}, [el("summary", { text: fmt(labels.bulk_findings_summary, { count: t.findings.length }) }), list]));
    } else {
      findings.textContent = labels.no_findings;
    }
    body.append(
      el("tr", { attrs: { "data-ok": t.ok } }, [
        el("td", { text: i + 1 }),
        el("td", { text: t.name || labels.unnamed }),
        el("td", { cls: t.ok ? "kit-checker-ok" : "kit-checker-bad", text: t.ok ? labels.verdict_ok : labels.verdict_bad }),
        el("td", { text: categoryName(labels, t.category_hint) }),
        findings,
      ]),
    );
  });
  const table = el("table", { cls: "kit-checker-table" }, [el("caption", { text: labels.bulk_table }), el("thead", {}, [head]), body]);
  container.replaceChildren(table);
}

const CSV_COLUMNS = ["name", "ok", "category_hint", "rule", "severity", "field", "start", "end", "message", "fix"];

// A cell a spreadsheet would read as a formula (OWASP "CSV injection"): shown as text by a
// leading apostrophe, and quoted.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The report as CSV: one row per finding, and one row for a template without findings. */
export function toCsv(response) {
  const rows = [CSV_COLUMNS];
  for (const t of response.templates) {
    const base = [t.name, t.ok, t.category_hint];
    if (!t.findings.length) rows.push([...base, "", "", "", "", "", "", ""]);
    for (const f of t.findings) rows.push([...base, f.rule, f.severity, f.field, f.start, f.end, f.message, f.fix]);
  }
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
