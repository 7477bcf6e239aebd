// When things run: wait for a pause (debounce) and keep only the newest of
// several answers in flight (Latest). No DOM: tests/js/scheduling.test.js.

/**
 * A function that runs `fn` once calls have stopped for `ms`; `cancel()`
 * drops a pending run.
 * @template {unknown[]} Args
 * @typedef {((...args: Args) => void) & {cancel: () => void}} Debounced
 */

/**
 * Call fn once things have been quiet for `ms`, with the last call's arguments.
 * @template {unknown[]} Args
 * @param {(...args: Args) => void} fn
 * @param {number} ms
 * @returns {Debounced<Args>}
 */
export function debounce(fn, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @param {Args} args */
  const run = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}

/**
 * Numbers requests as they are sent, so that an answer can tell whether a
 * newer request was sent after it (and should then be dropped).
 *
 * Example: `const mine = latest.next(); await ...; if (!latest.is(mine)) return;`
 */
export class Latest {
  #count = 0;

  /** A ticket for a request sent now; every earlier ticket stops being the latest. */
  next() {
    this.#count += 1;
    return this.#count;
  }

  /**
   * Is this still the newest request?
   * @param {number} ticket
   */
  is(ticket) {
    return ticket === this.#count;
  }
}
