// Follow-up planner page: wires the form, the Python worker and the checklist.
//
// Everything the person types stays in this tab: it goes to a Web Worker on
// this page, never over the network. User text enters the page only as DOM
// text nodes, never as HTML, and this code sets no inline styles or handlers.
//
// Flow: the form works at once; Python starts in the worker when the page is
// idle. The first plan comes from a submit (or fillForm); after that every
// change re-plans, debounced, and only the newest request's answer is shown.

import { PlannerConnection } from "./connection.js";
import { debounce, localToday } from "./dom.js";
import { installExtras } from "./extras.js";
import { clearErrors, fillForm, readInput, refreshNames, setUpRows, showErrors } from "./form.js";
import { setUpTiming } from "./timing.js";
import { markStale, readGuide, renderPlan } from "./view.js";

export { localToday };

const LIVE_DELAY_MS = 400;

function main() {
  const assets = document.getElementById("planner-assets");
  const form = document.getElementById("planner-form");
  if (!assets || !form) return;
  const statusLine = document.getElementById("planner-status");
  const result = document.getElementById("planner-result");
  const fatal = document.getElementById("planner-fatal");
  const guide = readGuide(assets);
  const absolute = (path) => new URL(path, document.baseURI).href;

  const planListeners = [];
  const changeListeners = [];
  let live = false; // true once a plan was asked for: from then on, changes re-plan
  let latest = 0; // the number of the newest plan request; older answers are dropped
  let plan = null;
  let planInput = null;
  let lastAsk = null; // the newest plan request, to replay after a retry
  let lastSent = null; // JSON of the newest plan request sent: the same one is not sent twice

  const status = (text) => { statusLine.textContent = text; };

  const connection = new PlannerConnection({
    workerURL: absolute(assets.dataset.worker),
    pyodideURL: absolute(assets.dataset.pyodide),
    bundleURL: absolute(assets.dataset.bundle),
    pyodideLock: assets.dataset.pyodideLock,
    onStatus: status,
    onReady: ({ pyodide }) => {
      fatal.hidden = true;
      status("The planner is ready. Everything stays in this browser.");
      document.documentElement.dataset.plannerReady = "true";
      // The versions, for diagnostics: asked like any other request.
      assets.dataset.pyodideVersion = pyodide || "";
      connection.request("version").then((response) => {
        if (!response.ok) return;
        assets.dataset.python = response.result.python;
        assets.dataset.planner = response.result.planner;
      }, () => {});
    },
    onFatal: (reason, { started }) => {
      delete document.documentElement.dataset.plannerReady;
      status(started ? "The planner stopped." : "The planner could not start.");
      document.getElementById("planner-fatal-text").textContent = started
        ? `The planner stopped while working on your details (${reason}). What you typed is still here. `
          + "Try again, or read the guide: it works without the planner."
        : `The planner could not start in this browser (${reason}). What you typed is still here. `
          + "Try again, or read the guide: it works without the planner.";
      fatal.hidden = false;
    },
    onSlow: () => {
      status("The planner is still getting ready…");
      document.getElementById("planner-fatal-text").textContent =
        "The planner is taking a long time to get ready: the connection may be slow. "
        + "It keeps trying, and what you typed stays here. You can also start it again.";
      fatal.hidden = false;
    },
  });
  window.followUpPlanner = connection;

  document.getElementById("planner-retry").addEventListener("click", () => {
    fatal.hidden = true;
    status("Trying again: getting the planner ready…");
    connection.retry();
    if (lastAsk) runPlan(lastAsk);
  });

  /** Ask for a plan of the form as it is now; show the answer if it is still the newest. */
  async function runPlan({ submitted }) {
    const input = readInput(form);
    const today = localToday();
    // `input` and `change` both fire for one edit: an unchanged request is not sent again.
    const sent = JSON.stringify({ input, today });
    if (!submitted && sent === lastSent) return;
    lastSent = sent;
    lastAsk = { submitted };
    latest += 1;
    const mine = latest;
    if (!connection.ready) status("Your plan will appear as soon as the planner is ready…");
    let response;
    try {
      response = await connection.request("plan", { input, today });
    } catch {
      if (mine === latest) lastSent = null;
      return; // onFatal has explained it; the retry button asks again
    }
    if (mine !== latest) return;
    if (!response.ok) {
      showErrors(form, [{ field: "", message: response.error.message }], { focus: submitted });
      return;
    }
    if (response.result.errors) {
      showErrors(form, response.result.errors, { focus: submitted });
      markStale(result, true);
      status("The checklist is waiting for the highlighted details.");
      return;
    }
    clearErrors(form);
    plan = response.result;
    planInput = input;
    renderPlan(result, plan, input, guide, today);
    status("Checklist up to date. Everything stays in this browser.");
    for (const callback of planListeners) callback(plan, planInput);
    if (submitted) showChecklist();
  }

  /** After a submit: focus the checklist's heading and bring it into view (on a phone it is below the form). */
  function showChecklist() {
    const heading = result.querySelector("#checklist-heading");
    heading.focus({ preventScroll: true });
    // An instant jump, never an animation: nothing moves for people who asked for
    // reduced motion, and keyboard users can go on at once (a smooth scroll still
    // running swallowed their next keys in testing).
    heading.scrollIntoView({ behavior: "instant", block: "start" });
  }

  const replan = debounce(() => runPlan({ submitted: false }), LIVE_DELAY_MS);

  function changed(event) {
    if (event && event.target && event.target.hasAttribute && event.target.hasAttribute("data-ui-only")) return;
    for (const callback of changeListeners) callback();
    if (live) replan();
  }

  setUpRows(form, changed);
  setUpTiming(form, { request: (op, fields) => connection.request(op, fields), changed });
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    live = true;
    replan.cancel();
    runPlan({ submitted: true });
  });

  const app = {
    form,
    readInput: () => readInput(form),
    fillForm(input) {
      fillForm(form, input);
      refreshNames(form);
      live = true;
      replan.cancel();
      for (const callback of changeListeners) callback();
      return runPlan({ submitted: false });
    },
    request: (op, fields) => connection.request(op, fields),
    today: () => localToday(),
    lastPlan: () => plan,
    lastInput: () => planInput,
    onPlan: (callback) => { planListeners.push(callback); },
    onChange: (callback) => { changeListeners.push(callback); },
    status,
  };
  installExtras(app);
  // The rows and the storage bar are built: show the form (planner.css keeps it
  // laid out but unseen until now, so that nothing moves under the reader).
  form.dataset.setUp = "true";

  // Python is large: fetch it once the page has settled, so the form is usable at once.
  const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));
  idle(() => { if (!connection.worker && !connection.failed) connection.start(); });
}

main();
