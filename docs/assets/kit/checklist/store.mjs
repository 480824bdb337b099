// Saved state of the personal checklist: localStorage, the answers file and the share link.
// Only shapes are checked here (is it our file at all?); whether the answers are usable is
// decided by Python (process/checklist.py) in the worker. Holds no human text.

// `keys` = {text: [...], bool: [...]}: the answers' keys as the page's form names them
// (inputs named exactly by the answers keys; "templates" is always a list).
const STATE_VERSION = 1;

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Today in the reader's time zone as YYYY-MM-DD. */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Empty answers (start date today). */
export function emptyAnswers(keys) {
  const out = {};
  for (const key of keys.text) out[key] = "";
  for (const key of keys.bool) out[key] = false;
  out.start_date = today();
  out.templates = [];
  return out;
}

/** True when `data` looks like answers: an object with a company and well-typed known keys. */
export function looksLikeAnswers(data, keys) {
  if (!isObject(data) || !("company" in data)) return false;
  for (const key of keys.text) {
    if (key in data && data[key] !== null && !["string", "number"].includes(typeof data[key])) return false;
  }
  for (const key of keys.bool) {
    if (key in data && data[key] !== null && typeof data[key] !== "boolean") return false;
  }
  if ("templates" in data && data.templates !== null && !Array.isArray(data.templates)) return false;
  return true;
}

/** Answers with every fixed key, values as the form holds them (unknown keys kept). */
export function normalise(data, keys) {
  const out = { ...emptyAnswers(keys), ...data };
  for (const key of keys.text) out[key] = out[key] === null || out[key] === undefined ? "" : String(out[key]);
  for (const key of keys.bool) out[key] = out[key] === true;
  out.templates = (Array.isArray(out.templates) ? out.templates : [])
    .map((t) => (typeof t === "string" ? { body: t } : t))
    .filter(isObject);
  return out;
}

/** The answers' keys whose values have the right type; `dropped` when some did not. */
function usableAnswers(data, keys) {
  const answers = {};
  let dropped = false;
  const keep = (key, ok) => {
    if (!(key in data) || data[key] === null) return;
    if (ok(data[key])) answers[key] = data[key];
    else dropped = true;
  };
  for (const key of keys.text) keep(key, (v) => ["string", "number"].includes(typeof v));
  for (const key of keys.bool) keep(key, (v) => typeof v === "boolean");
  keep("templates", Array.isArray);
  const templates = answers.templates || [];
  answers.templates = templates.filter((t) => typeof t === "string" || (isObject(t) && typeof t.body === "string"));
  dropped = dropped || answers.templates.length !== templates.length;
  return { answers: normalise(answers, keys), dropped };
}

/**
 * Read the saved state: null when nothing is saved, else {answers, ticks, damaged}. A damaged
 * entry gives what is intact (well-typed answers, yes/no ticks) and `damaged`, the saved text
 * itself, for the page to keep aside; an intact one has damaged null.
 */
export function loadState(key, keys) {
  let raw;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return null; // storage disabled: nothing saved, nothing to report
  }
  if (raw === null) return null;
  let data;
  try {
    data = JSON.parse(raw);
  } catch {
    data = null;
  }
  if (!isObject(data)) return { answers: emptyAnswers(keys), ticks: {}, damaged: raw };
  const ticks = {};
  let damaged = data.version !== STATE_VERSION || !isObject(data.ticks) || !isObject(data.answers);
  for (const [step, done] of Object.entries(isObject(data.ticks) ? data.ticks : {})) {
    if (typeof done === "boolean") ticks[step] = done;
    else damaged = true;
  }
  const { answers, dropped } = usableAnswers(isObject(data.answers) ? data.answers : {}, keys);
  return { answers, ticks, damaged: damaged || dropped ? raw : null };
}

/** Keep a damaged saved entry aside under its own key; false when the browser refuses. */
export function keepAside(key, raw) {
  try {
    localStorage.setItem(`${key}.damaged`, raw);
    return true;
  } catch {
    return false;
  }
}

/** The damaged entry kept aside by `keepAside`, or null. */
export function keptAside(key) {
  try {
    return localStorage.getItem(`${key}.damaged`);
  } catch {
    return null;
  }
}

/** True when saved answers hold something of the reader's own (a company, a template, a tick). */
export function hasOwnWork(saved) {
  if (!saved) return false;
  const { answers, ticks } = saved;
  return Boolean(String(answers.company || "").trim() || answers.templates.length || Object.values(ticks).some(Boolean));
}

/** The same answers, key for key (what a share link would replace). */
export function sameAnswers(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

/** Save the state; false when the browser refuses (private mode, quota). */
export function saveState(key, answers, ticks) {
  try {
    localStorage.setItem(key, JSON.stringify({ version: STATE_VERSION, answers, ticks }));
    return true;
  } catch {
    return false;
  }
}

/** Forget the saved state. */
export function clearState(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    /* storage disabled */
  }
}

/** base64url (no padding) of the UTF-8 JSON of `value`. */
export function encodeShare(value) {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The value encoded by `encodeShare`; throws on anything else. */
export function decodeShare(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
}

/** An answers file or link split into its answers and its ticks (yes/no by step or item). */
export function splitTicks(data) {
  const { ticks: given, ...rest } = data;
  const ticks = {};
  for (const [key, done] of Object.entries(isObject(given) ? given : {})) if (typeof done === "boolean") ticks[key] = done;
  return { data: rest, ticks };
}

/** The answers carried by a URL fragment "#<param>=…": {answers, ticks} | {bad: true} | null. */
export function answersFromFragment(hash, param, keys) {
  const prefix = `#${param}=`;
  if (!hash.startsWith(prefix)) return null;
  try {
    const decoded = decodeShare(hash.slice(prefix.length));
    if (!looksLikeAnswers(decoded, keys)) return { bad: true };
    const { data, ticks } = splitTicks(decoded);
    return { answers: normalise(data, keys), ticks };
  } catch {
    return { bad: true };
  }
}

/** A template the checker page saved in this browser, if it saved one. */
export function checkerTemplate(key) {
  try {
    const data = JSON.parse(localStorage.getItem(key) || "null");
    const template = isObject(data) && isObject(data.template) ? data.template : data;
    return isObject(template) && typeof template.body === "string" && template.body.trim() ? template : null;
  } catch {
    return null;
  }
}
