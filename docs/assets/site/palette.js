// The theme keeps its colour scheme only when the person chooses one.
//
// Material for MkDocs saves its palette ("<site path>.__palette" in
// localStorage) on every page load, chosen or not. This wraps the theme's
// storage helper so that the palette is written only once the person has
// switched the scheme with the toggle on this page, or when a choice of theirs
// is already kept (it then follows their changes). Every other key passes.
//
// A classic script at the end of <head>: it runs after the theme's inline
// helpers are defined and before the theme's own script, which writes the
// palette while the page is still loading.

(() => {
  /** @typedef {(key: string, value: unknown, storage?: Storage, scope?: URL) => void} ThemeSet */
  /** @typedef {(key: string, storage?: Storage, scope?: URL) => unknown} ThemeGet */

  const PALETTE_KEY = "__palette";
  const theme = /** @type {Window & {__md_set?: ThemeSet, __md_get?: ThemeGet}} */ (window);
  const set = theme.__md_set;
  if (typeof set !== "function") return;

  let chosen = false;
  try {
    const kept = typeof theme.__md_get === "function" ? theme.__md_get(PALETTE_KEY) : null;
    chosen = kept !== null && kept !== undefined;
  } catch {
    chosen = false; // storage blocked or unreadable: nothing is kept either way
  }
  // Capture phase: this runs before the theme's own change handler writes.
  document.addEventListener("change", (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.name === PALETTE_KEY) chosen = true;
  }, true);

  /** @type {ThemeSet} */
  theme.__md_set = (key, value, storage, scope) => {
    if (key === PALETTE_KEY && !chosen) return;
    set(key, value, storage, scope);
  };
})();
