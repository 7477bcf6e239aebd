// The planner page: this module puts the pieces together and does little else.
//
// Everything the person types stays in this tab: it goes to a Web Worker on
// this page, never over the network. User text enters the page only as DOM
// text nodes, never as HTML, and this code sets no inline styles or handlers.
//
// The path of a keystroke: the form's `input` event -> the form is read into
// the page's state (state.js) -> planning.js, told of the change, waits for a
// pause and asks connection.js for a plan -> worker.js hands the request to
// Python (planner/bridge.py) -> the answer, if still the newest, goes into the
// state -> checklist.js, told of the new plan, shows it (and tools.js,
// printing.js and share.js follow it).

import { setUpChecklist, focusChecklist, markStale } from "./checklist.js";
import { PlannerConnection } from "./connection.js";
import { setUpConnectionStatus } from "./connection-status.js";
import { localToday } from "./dates.js";
import { byId } from "./dom.js";
import { clearErrors, showErrors } from "./form-errors.js";
import { setUpRows } from "./form-rows.js";
import { fillForm, readInput } from "./form.js";
import { readGuide } from "./guide-links.js";
import { Planning } from "./planning.js";
import { setUpShareLinks } from "./share.js";
import { createPageState } from "./state.js";
import { setUpStorageBar } from "./storage-bar.js";
import { browserStorage } from "./storage.js";
import { createTestHooks } from "./test-hooks.js";
import { setUpTimingPhrase } from "./timing-phrase.js";
import { setUpTools } from "./tools.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./state.js").PageContext} PageContext */

/**
 * Set the page up.
 * @param {HTMLElement} assets The build's marker: where the worker, Pyodide and the bundle are.
 * @param {HTMLFormElement} form
 */
function setUpPage(assets, form) {
  const result = byId("planner-result", HTMLElement);
  /** @param {string | undefined} path */
  const absolute = (path) => new URL(path || "", document.baseURI).href;
  const state = createPageState();
  const hooks = createTestHooks();

  /**
   * Read the form into the state (a new object only when something changed).
   * @param {{example?: boolean}} [changes] Other state that changes with it.
   * @returns {Details}
   */
  function syncDetails(changes = {}) {
    const details = readInput(form);
    const same = JSON.stringify(details) === JSON.stringify(state.get().details);
    state.set(same ? changes : { ...changes, details });
    return state.get().details;
  }

  const { status, callbacks } = setUpConnectionStatus({
    retry: () => {
      connection.retry();
      void planning.retry();
    },
    ready: ({ pyodide }) => {
      // The versions, for diagnostics: asked like any other request.
      assets.dataset.pyodideVersion = pyodide || "";
      connection.request("version").then((answer) => {
        if (!answer.ok) return;
        assets.dataset.python = answer.result.python;
        assets.dataset.planner = answer.result.planner;
      }, () => {});
    },
  });
  const connection = new PlannerConnection({
    workerURL: absolute(assets.dataset.worker),
    pyodideURL: absolute(assets.dataset.pyodide),
    bundleURL: absolute(assets.dataset.bundle),
    pyodideLock: assets.dataset.pyodideLock,
    ...callbacks,
    testing: hooks !== null,
    onStart: hooks ? hooks.onStart : undefined,
  });
  // Looked up at each call, so that a test can wrap connection.request.
  /** @type {import("./protocol.js").Requester} */
  const request = (op, fields) => connection.request(op, fields);

  const planning = new Planning({
    state,
    request,
    today: () => localToday(),
    details: () => syncDetails(),
    isReady: () => connection.ready,
    view: {
      status,
      refused: (problems, { focus }) => showErrors(form, problems, { focus }),
      invalid: (problems, { focus }) => {
        showErrors(form, problems, { focus });
        markStale(result, true);
        status("The checklist is waiting for the highlighted details.");
      },
      planned: ({ submitted }) => {
        clearErrors(form);
        status("Checklist up to date. Everything stays in this browser.");
        if (submitted) focusChecklist(result);
      },
    },
  });

  /** @type {PageContext} */
  const page = {
    state,
    request,
    today: () => localToday(),
    details: () => syncDetails(),
    async fill(details, { example = false } = {}) {
      state.set({ filling: true });
      try {
        fillForm(form, details);
        syncDetails({ example });
        await planning.now();
      } finally {
        state.set({ filling: false });
      }
    },
    status,
  };

  // The form: every edit of the person's is read into the state.
  /** @param {Event} [event] */
  const edited = (event) => {
    if (event?.target instanceof HTMLElement && event.target.hasAttribute("data-ui-only")) return;
    syncDetails({ example: false });
  };
  setUpRows(form, edited);
  setUpTimingPhrase(form, { request, changed: edited });
  form.addEventListener("input", edited);
  form.addEventListener("change", edited);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void planning.submit();
  });
  syncDetails();

  // What follows the state, and the features around the form.
  setUpChecklist(result, state, readGuide(assets));
  setUpTools(byId("planner-tools", HTMLElement), page);
  const bar = setUpStorageBar(byId("planner-storage", HTMLElement), page, browserStorage());
  const shareLinks = setUpShareLinks(page, bar.say);
  bar.startRemembering(shareLinks.openFromAddress);
  if (hooks) hooks.expose(page, connection);

  // The rows and the bars are built: show the form (planner.css keeps it laid out
  // but unseen until now, so that nothing moves under the reader).
  form.dataset.setUp = "true";

  // Python is large: fetch it once the page has settled, so the form is usable at once.
  const idle = window.requestIdleCallback || ((/** @type {() => void} */ fn) => setTimeout(fn, 200));
  idle(() => { if (!connection.worker && !connection.failed) connection.start(); });
}

const assets = document.getElementById("planner-assets");
const form = document.getElementById("planner-form");
if (assets instanceof HTMLElement && form instanceof HTMLFormElement) setUpPage(assets, form);
