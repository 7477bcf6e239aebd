// Hooks for the browser tests, off in the page as shipped.
//
// One switch turns them on: `window.followUpTestHooks = true`, set before the
// page's scripts run (tests/browser/conftest.py adds it to every test's
// browser context as an init script). Only then does the page expose
// `window.followUpTest` (below), and only then does the worker obey a "crash"
// message (the connection tells it in its init message).

/** @typedef {import("./connection.js").PlannerConnection} PlannerConnection */
/** @typedef {import("./connection.js").WorkerLike} WorkerLike */
/** @typedef {import("./state.js").PageContext} PageContext */

/**
 * What the tests reach.
 * @typedef {object} TestHooks
 * @property {PlannerConnection} connection The connection to Python (request, starts, worker...).
 * @property {PageContext["state"]} state The page's state.
 * @property {() => string} today The page's own "today".
 * @property {() => import("./protocol.js").Details} details The form's details now.
 * @property {(options?: {every?: boolean}) => void} crash Make the worker die as if Python
 *   crashed: now, or (every) on each request that any worker receives from now on.
 * @property {() => void} stopCrashing Workers started from now on answer again.
 */

/** @typedef {Window & {followUpTestHooks?: unknown, followUpTest?: TestHooks}} HookedWindow */

/** Did the tests turn the hooks on? */
export function testHooksOn() {
  return /** @type {HookedWindow} */ (window).followUpTestHooks === true;
}

/** The hooks, to wire into the page; null when they are off. */
export function createTestHooks() {
  if (!testHooksOn()) return null;
  let crashEvery = false;
  return {
    /**
     * For the connection's onStart: a new worker inherits "crash on every request".
     * @param {WorkerLike} worker
     */
    onStart(worker) {
      if (crashEvery) worker.postMessage({ kind: "crash", on: "request" });
    },
    /**
     * Expose the hooks as window.followUpTest.
     * @param {PageContext} page
     * @param {PlannerConnection} connection
     */
    expose(page, connection) {
      /** @type {HookedWindow} */ (window).followUpTest = {
        connection,
        state: page.state,
        today: page.today,
        details: page.details,
        crash({ every = false } = {}) {
          if (every) crashEvery = true;
          connection.worker?.postMessage(every ? { kind: "crash", on: "request" } : { kind: "crash" });
        },
        stopCrashing() { crashEvery = false; },
      };
    },
  };
}
