// DOM helpers shared by the checker's and the checklist's pages: elements built with
// createElement/textContent (text always stays text) and "{name}" placeholders in labels.

/** Fill "{name}" placeholders of a label. */
export function fmt(label, values = {}) {
  return String(label).replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

/** Create an element with optional class, text and attributes. */
export function el(tag, { cls, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  for (const child of children) if (child) node.append(child);
  return node;
}
