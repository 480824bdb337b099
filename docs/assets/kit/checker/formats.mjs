// Bulk formats on the page: the format a file's name says, and the one a pasted text looks
// like (a hint when the chosen format cannot read it; the checker itself decides).

const BY_SUFFIX = { yaml: "yaml", yml: "yaml", json: "json", csv: "csv", txt: "txt" };

/** The format of a file by its name's extension ("" when the checker takes no such file). */
export function formatOfName(name) {
  const dot = String(name).lastIndexOf(".");
  return dot < 0 ? "" : BY_SUFFIX[name.slice(dot + 1).toLowerCase()] || "";
}

/** The format a text most likely is: JSON, CSV with a body column, YAML keys, else plain text. */
export function guessFormat(text) {
  const start = text.slice(0, 4096).trimStart();
  if (/^[[{]/.test(start)) return "json";
  const firstLine = start.split(/\r?\n/, 1)[0];
  if (firstLine.includes(",") && /(^|,)\s*"?body"?\s*(,|$)/i.test(firstLine)) return "csv";
  if (/^(templates:|-\s+[a-z_]+:|[a-z_]+:(\s|$))/m.test(start)) return "yaml";
  return "txt";
}
