// The checker page's small button editor (Meta mode only: the provider takes no buttons).
// Rows of type, label, value and URL example, read into the checker's `buttons` list.

import { el } from "../runtime/dom.mjs";

const TYPES = ["QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE"];
// Which value a type carries, by the key the checker reads (none for a quick reply).
const VALUE_KEY = { URL: "url", PHONE_NUMBER: "phone_number", COPY_CODE: "example" };

/** The editor inside `box` ([data-buttons]); `onChange` runs after every edit. */
export function buttonEditor(box, labels, onChange) {
  const list = box.querySelector("[data-button-list]");
  const add = box.querySelector("[data-button-add]");
  let serial = 0;

  function input(key, label, value) {
    serial += 1;
    const id = `kit-checker-button-${key}-${serial}`;
    const control = el("input", { attrs: { type: "text", id, autocomplete: "off", spellcheck: "false", [`data-button-${key}`]: "" } });
    control.value = value || "";
    control.addEventListener("input", onChange);
    return [el("div", { cls: "kit-checker-field" }, [el("label", { text: label, attrs: { for: id } }), control]), control];
  }

  /** Show only the inputs the row's type uses, labelled for it. */
  function shape(row) {
    const type = row.querySelector("[data-button-type]").value;
    row.querySelector("[data-button-text]").closest(".kit-checker-field").hidden = type === "COPY_CODE";
    const value = row.querySelector("[data-button-value]");
    value.closest(".kit-checker-field").hidden = !VALUE_KEY[type];
    if (VALUE_KEY[type]) value.previousElementSibling.textContent = labels[`button_value_${VALUE_KEY[type]}`];
    row.querySelector("[data-button-example]").closest(".kit-checker-field").hidden = type !== "URL";
  }

  function addRow(button = {}) {
    serial += 1;
    const typeId = `kit-checker-button-type-${serial}`;
    const type = el("select", { attrs: { id: typeId, "data-button-type": "" } });
    for (const value of TYPES) type.append(el("option", { text: labels[`button_type_${value.toLowerCase()}`], attrs: { value } }));
    type.value = TYPES.includes(String(button.type || "").toUpperCase()) ? String(button.type).toUpperCase() : "QUICK_REPLY";
    const [textField] = input("text", labels.button_text, button.text);
    const valueKey = VALUE_KEY[type.value];
    const isCode = type.value === "COPY_CODE";
    const [valueField] = input("value", "", valueKey ? button[valueKey] : "");
    const example = Array.isArray(button.example) ? button.example[0] : button.example;
    const [exampleField] = input("example", labels.button_example, isCode ? "" : example);
    const remove = el("button", { cls: "md-button", text: labels.button_remove, attrs: { type: "button", "data-button-remove": "" } });
    const row = el("div", { cls: "kit-checker-button-row", attrs: { "data-button-row": "" } }, [
      el("div", { cls: "kit-checker-field kit-checker-field--select" }, [el("label", { text: labels.button_type, attrs: { for: typeId } }), type]),
      textField,
      valueField,
      exampleField,
      remove,
    ]);
    type.addEventListener("change", () => {
      shape(row);
      onChange();
    });
    remove.addEventListener("click", () => {
      row.remove();
      add.focus();
      onChange();
    });
    list.append(row);
    shape(row);
    return row;
  }

  add.addEventListener("click", () => {
    addRow().querySelector("[data-button-type]").focus();
    onChange();
  });

  return {
    /** The buttons as the checker reads them (empty rows left out). */
    read() {
      const buttons = [];
      for (const row of list.querySelectorAll("[data-button-row]")) {
        const type = row.querySelector("[data-button-type]").value;
        const text = row.querySelector("[data-button-text]").value;
        const value = row.querySelector("[data-button-value]").value;
        const example = row.querySelector("[data-button-example]").value;
        const button = { type };
        if (type !== "COPY_CODE" && text) button.text = text;
        if (VALUE_KEY[type] && value) button[VALUE_KEY[type]] = value;
        if (type === "URL" && example) button.example = example;
        if (Object.keys(button).length > 1 || type !== "QUICK_REPLY") buttons.push(button);
      }
      return buttons;
    },
    /** Replace the rows with a template's buttons (labels alone are quick replies). */
    fill(buttons) {
      list.replaceChildren();
      for (const b of Array.isArray(buttons) ? buttons : []) addRow(typeof b === "string" ? { text: b } : b && typeof b === "object" ? b : {});
    },
    /** Shown in Meta mode only. */
    show(visible) {
      box.hidden = !visible;
    },
  };
}
