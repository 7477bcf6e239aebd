// Building and finding the page's elements.
//
// el() is the only way our code builds elements: every string child becomes a
// text node and every attribute goes through setAttribute, so text the person
// typed can never become markup (ESLint forbids innerHTML and its kin).

/** @typedef {Node | string | null | undefined | false} Child */

/**
 * An element with attributes (null, undefined and false leave one out; true
 * sets it empty) and children (strings become text nodes).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 * @param {Child | Child[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of Array.isArray(children) ? children : [children]) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * The element with this id, checked to be of the expected kind.
 * @template {Element} T
 * @param {string} id
 * @param {new (...args: any[]) => T} kind
 * @param {ParentNode} [root]
 * @returns {T}
 */
export function byId(id, kind, root = document) {
  const node = root.querySelector(`#${CSS.escape(id)}`);
  if (!(node instanceof kind)) throw new Error(`The page has no #${id} (${kind.name}).`);
  return node;
}

/**
 * The first element under `root` matching a selector, checked to be of the expected kind.
 * @template {Element} T
 * @param {ParentNode} root
 * @param {string} selector
 * @param {new (...args: any[]) => T} kind
 * @returns {T}
 */
export function find(root, selector, kind) {
  const node = root.querySelector(selector);
  if (!(node instanceof kind)) throw new Error(`Nothing matches ${selector} (${kind.name}).`);
  return node;
}

/** @type {WeakMap<Element, ReturnType<typeof setTimeout>>} */
const announcing = new WeakMap();

/**
 * Put a message in a live region so that screen readers announce it. The
 * region is cleared first, so the same message said twice is announced twice.
 * @param {Element} region
 * @param {string} text
 */
export function announce(region, text) {
  region.textContent = "";
  clearTimeout(announcing.get(region));
  announcing.set(region, setTimeout(() => { region.textContent = text; }, 50));
}

/** A message line (a polite live region) for a bar of controls. */
export function messageLine() {
  return el("p", { class: "planner-extras-message", role: "status", "aria-live": "polite" });
}

/**
 * The control with focus inside `container`, if it is one that is made again
 * when the container is (it has a data-focus-id).
 * @param {HTMLElement} container
 * @returns {string | null}
 */
export function focusedControl(container) {
  const active = document.activeElement;
  return active instanceof HTMLElement && container.contains(active) ? active.dataset.focusId || null : null;
}

/**
 * Give focus back to the control made again with the same data-focus-id, when it
 * can take it; else to `fallback`. True when focus moved.
 * @param {HTMLElement} container
 * @param {string | null} focusId
 * @param {HTMLElement | null} [fallback]
 */
export function refocus(container, focusId, fallback = null) {
  if (!focusId) return false;
  const again = container.querySelector(`[data-focus-id="${CSS.escape(focusId)}"]`);
  if (again instanceof HTMLElement) {
    again.focus({ preventScroll: true });
    if (document.activeElement === again) return true;
  }
  fallback?.focus({ preventScroll: true });
  return fallback !== null;
}
