// "Remember on this device": one localStorage key, written only while the box is ticked.
//
// Nothing is stored until the reader ticks the box. "Forget" removes our key and
// every key the site's theme (Material for MkDocs) keeps for this site, such as
// its colour-scheme choice, from localStorage and sessionStorage.

export const STORAGE_KEY = "follow-up:v1";

function storage(kind = "localStorage") {
  try {
    return window[kind];
  } catch {
    return null; // storage blocked by the browser's settings
  }
}

/** The prefix of the theme's own keys for this site ("/." at the site root). */
function themePrefix() {
  const scope = window.__md_scope instanceof URL
    ? window.__md_scope
    : new URL("..", window.location.href);
  return `${scope.pathname}.`;
}

/** The remembered details, null when there are none, or "unreadable". */
export function readRemembered() {
  const store = storage();
  let text;
  try {
    text = store ? store.getItem(STORAGE_KEY) : null;
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const saved = JSON.parse(text);
    if (saved && saved.version === 1 && saved.input && typeof saved.input === "object"
        && !Array.isArray(saved.input)) return saved.input;
  } catch { /* fall through */ }
  return "unreadable";
}

/** Store the details; false when the browser refuses. */
export function writeRemembered(input) {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(STORAGE_KEY, JSON.stringify({ version: 1, input }));
    return true;
  } catch {
    return false;
  }
}

export function removeRemembered() {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch { /* nothing stored, nothing to do */ }
}

/** Remove every key this site stored, ours and the theme's, on this device. */
export function forgetEverything() {
  const prefix = themePrefix();
  for (const kind of ["localStorage", "sessionStorage"]) {
    const store = storage(kind);
    if (!store) continue;
    try {
      const keys = [];
      for (let i = 0; i < store.length; i += 1) keys.push(store.key(i));
      for (const key of keys) {
        if (key === STORAGE_KEY || key.startsWith("follow-up:") || key.startsWith(prefix)) {
          store.removeItem(key);
        }
      }
    } catch { /* storage blocked: nothing was stored */ }
  }
}

/**
 * The theme writes its colour scheme to localStorage on every page load, even
 * when the reader never chose one. While "remember" is off, drop that key when
 * it only repeats the scheme the browser's own setting picks (no choice of the
 * reader's is lost; a scheme the reader picked with the toggle is kept).
 */
export function tidyThemeStorage() {
  const store = storage();
  if (!store) return;
  const key = `${themePrefix()}__palette`;
  try {
    const saved = JSON.parse(store.getItem(key) || "null");
    if (!saved) return;
    const inputs = [...document.querySelectorAll("[data-md-color-media]")];
    const automatic = inputs.findIndex((input) =>
      window.matchMedia(input.getAttribute("data-md-color-media")).matches);
    if (saved.index === Math.max(0, automatic)) store.removeItem(key);
  } catch { /* leave the theme's data alone if it is not what we expect */ }
}
