// What a save writes to the kept interviews: only what changed since the last
// write, worked out from what the database is known to hold. A keystroke in
// one interview then rewrites that one record, not all of them.
// What is known changes only once a write has completed, so a failed write is
// simply tried again, in full, by the next save.
// No DOM: tests/js/changes.test.js.

/** @typedef {import("./interviews.js").Interview} Interview */
/** @typedef {import("./database.js").Change} Change */

/**
 * Everything, in place of whatever is there: the interviews in their order, and the current one.
 * @param {readonly Interview[]} interviews
 * @param {string | null} current
 * @returns {Change}
 */
export function everything(interviews, current) {
  return { clear: true, put: [...interviews], order: interviews.map((each) => each.id), current };
}

/** What the database holds, as far as this page knows. */
export class Held {
  /** Each interview's JSON, by id. @type {Map<string, string>} */
  #texts = new Map();
  /** The order's JSON. */
  #order = "null";
  /** @type {unknown} */
  #current = null;

  /**
   * What was read from the database.
   * @param {readonly Interview[]} interviews
   * @param {unknown} order
   * @param {unknown} current
   */
  read(interviews, order, current) {
    this.#texts = new Map(interviews.map((each) => [each.id, JSON.stringify(each)]));
    this.#order = JSON.stringify(order ?? null);
    this.#current = current;
  }

  /**
   * A write has completed: the database now holds what it wrote.
   * @param {Change} change
   */
  wrote({ put = [], remove = [], order, current, clear = false }) {
    if (clear) this.#texts.clear();
    for (const id of remove) this.#texts.delete(id);
    for (const interview of put) this.#texts.set(interview.id, JSON.stringify(interview));
    if (order !== undefined) this.#order = JSON.stringify(order);
    if (current !== undefined) this.#current = current;
  }

  /** Nothing is known any more (the database was deleted). */
  clear() {
    this.read([], null, null);
  }

  /**
   * What to write so that the database holds these interviews and this
   * current one: the interviews changed or added, the ids gone, the order if
   * it moved, the current one if it changed; null when nothing changed.
   * @param {readonly Interview[]} interviews
   * @param {string | null} current
   * @returns {Change | null}
   */
  since(interviews, current) {
    const texts = new Map(interviews.map((each) => [each.id, JSON.stringify(each)]));
    const ids = interviews.map((each) => each.id);
    /** @type {Change} */
    const change = {
      put: interviews.filter((each) => this.#texts.get(each.id) !== texts.get(each.id)),
      remove: [...this.#texts.keys()].filter((id) => !texts.has(id)),
    };
    if (JSON.stringify(ids) !== this.#order) change.order = ids;
    if (current !== this.#current) change.current = current;
    const empty = !change.put?.length && !change.remove?.length && !("order" in change) && !("current" in change);
    return empty ? null : change;
  }
}
