// The page's state, in one place. Every module that needs to know what the
// page holds reads it from here, and every module that changes it says so
// here; the others are told through subscribe(). Nothing else keeps its own
// copy of the details or the plan.
//
// A state is a frozen object: set() makes a new one from the changes, and
// listeners get (state, previous) so each can look only at what it cares
// about (`state.planned !== previous.planned`). A listener that sets state in turn
// is queued, so every listener sees every state in order.
// No DOM: tests/js/state.test.js.

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./protocol.js").Plan} Plan */

/**
 * @typedef {object} Planned A checklist and what it was made from.
 * @property {Plan} plan
 * @property {Details} details
 * @property {string} today The day it was planned on, YYYY-MM-DD.
 */

/**
 * One interview the person keeps on this page: the engine's input (spec §2) with its
 * stable `id`, and `archived` and `done` (spec §13, §14) when set.
 * @typedef {Details & {id: string}} Interview
 */

/**
 * @typedef {object} PageState
 * @property {Details} details The interview in the form, as the engine reads it: the form's
 *   fields, with the current interview's `id`, `archived` and `done` (which the form does
 *   not show). It is read after every edit, after the page fills the form, after a tick,
 *   and before every plan (a new object only when something changed).
 * @property {Interview[]} interviews Every interview on this page, the current one included.
 * @property {string | null} current The id of the interview in the form.
 * @property {"today" | "interview"} view What the page shows: the agenda of every interview,
 *   or one interview's form and checklist.
 * @property {"on" | "off" | "unavailable"} keeping Whether the interviews are kept on this
 *   device (the person chose it), only in this tab, or cannot be kept in this browser.
 * @property {Planned | null} planned The checklist on screen and what it was made from, or
 *   null before the first one.
 * @property {boolean} filling The page, not the person, is filling the form (a file, a
 *   link, remembered details, the example): not an edit of theirs.
 * @property {boolean} example The form holds the example, untouched since: not the person's own.
 */

/**
 * What the page gives each of its features (client.js makes it).
 * @typedef {object} PageContext
 * @property {Store<PageState>} state The page's state.
 * @property {import("./protocol.js").Requester} request Ask Python.
 * @property {() => string} today The local day, YYYY-MM-DD.
 * @property {() => Details} details Read the form now (the state follows) and return its details.
 * @property {(details: Details, options?: {example?: boolean}) => Promise<void>} fill
 *   Put details in the form (not as an edit of the person's) and plan them.
 * @property {(text: string) => void} status A line in the form's status area.
 */

/**
 * @template T
 * @callback Listener
 * @param {Readonly<T>} state
 * @param {Readonly<T>} previous
 * @returns {void}
 */

/** @template {object} T */
export class Store {
  /** @type {Readonly<T>} */
  #state;
  /** @type {Set<Listener<T>>} */
  #listeners = new Set();
  /** @type {Array<[Readonly<T>, Readonly<T>]>} */
  #queue = [];
  #telling = false;

  /** @param {T} initial */
  constructor(initial) {
    this.#state = Object.freeze({ ...initial });
  }

  /** The state now. */
  get() {
    return this.#state;
  }

  /**
   * Change some of the state; listeners hear of it unless nothing changed.
   * @param {Partial<T>} changes
   */
  set(changes) {
    const previous = this.#state;
    const keys = /** @type {Array<keyof T>} */ (Object.keys(changes));
    if (keys.every((key) => Object.is(previous[key], changes[key]))) return;
    this.#state = Object.freeze({ ...previous, ...changes });
    this.#queue.push([this.#state, previous]);
    if (this.#telling) return; // the listener being told finishes first
    this.#telling = true;
    try {
      for (let next = this.#queue.shift(); next; next = this.#queue.shift()) {
        for (const listener of [...this.#listeners]) listener(...next);
      }
    } finally {
      this.#telling = false;
      this.#queue.length = 0;
    }
  }

  /**
   * Be told of every change from now on; returns a function that stops it.
   * @param {Listener<T>} listener
   * @returns {() => void}
   */
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => { this.#listeners.delete(listener); };
  }
}

/**
 * The page's state as it starts: an empty form, no plan, nothing remembered.
 * @returns {Store<PageState>}
 */
export function createPageState() {
  return new Store(/** @type {PageState} */ ({
    details: {},
    planned: null,
    filling: false,
    example: false,
    interviews: [],
    current: null,
    view: "interview",
    keeping: "off",
  }));
}
