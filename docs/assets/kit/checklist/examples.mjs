// Example values for a template's variables on the checklist page: one field per variable that
// Python found in the template ({{1}}, {{order_id}}), kept per template block. Holds no text.

import { el, fmt } from "../runtime/dom.mjs";

/** A template's `examples` as the answers file gives them (a list is {{1}}, {{2}}… in order). */
export function exampleValues(examples) {
  const entries = Array.isArray(examples) ? examples.map((v, i) => [String(i + 1), v]) : Object.entries(examples ?? {});
  const values = {};
  for (const [name, value] of entries) if (typeof value === "string" || typeof value === "number") values[name] = String(value);
  return values;
}

/** The values to send: those of the variables shown (all before Python first answered), or null. */
export function readExamples(state) {
  const out = {};
  for (const [name, value] of Object.entries(state.values)) {
    if (value && (state.shown === null || state.shown.includes(name))) out[name] = value;
  }
  return Object.keys(out).length ? out : null;
}

/** Give `block` one field per variable, in order; fields of variables still there are kept. */
export function syncExamples(block, state, variables, labels) {
  const box = block.querySelector(".wa-pc-examples");
  const shown = state.shown || [];
  if (shown.length === variables.length && shown.every((name, i) => name === variables[i])) return;
  const old = new Map([...box.querySelectorAll("input[data-template-example]")].map((input) => [input.dataset.templateExample, input.closest(".wa-pc-field")]));
  const hintId = `${state.id}-examples-hint`;
  const fields = variables.map((name, i) => {
    if (old.has(name)) return old.get(name);
    const input = el("input", {
      attrs: { type: "text", id: `${state.id}-ex${i}-${name}`, "data-template-example": name, autocomplete: "off", "aria-describedby": hintId },
    });
    input.value = state.values[name] ?? "";
    input.addEventListener("input", () => {
      state.values[name] = input.value;
    });
    const label = el("label", { text: fmt(labels.ui_example_for, { var: `{{${name}}}` }), attrs: { for: input.id } });
    return el("div", { cls: "wa-pc-field" }, [label, input]);
  });
  const hint = el("p", { cls: "wa-pc-hint", text: labels.ui_examples_hint, attrs: { id: hintId } });
  box.replaceChildren(...(fields.length ? [hint, ...fields] : []));
  box.hidden = fields.length === 0;
  state.shown = [...variables];
}
