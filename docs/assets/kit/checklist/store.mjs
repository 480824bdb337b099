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

/** Read the saved state: {answers, ticks} or null; {corrupt: true} when it cannot be used. */
export function loadState(key, keys) {
  let raw;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return null; // storage disabled: nothing saved, nothing to report
  }
  if (raw === null) return null;
  try {
    const data = JSON.parse(raw);
    const ticksOk = isObject(data.ticks) && Object.values(data.ticks).every((v) => typeof v === "boolean");
    if (data.version !== STATE_VERSION || !looksLikeAnswers(data.answers, keys) || !ticksOk) throw new Error("shape");
    return { answers: normalise(data.answers, keys), ticks: data.ticks };
  } catch {
    return { corrupt: true };
  }
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

/** The answers carried by a URL fragment "#<param>=…": {answers} | {bad: true} | null. */
export function answersFromFragment(hash, param, keys) {
  const prefix = `#${param}=`;
  if (!hash.startsWith(prefix)) return null;
  try {
    const data = decodeShare(hash.slice(prefix.length));
    return looksLikeAnswers(data, keys) ? { answers: normalise(data, keys) } : { bad: true };
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
