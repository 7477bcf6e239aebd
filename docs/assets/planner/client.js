// The planner page: this module puts the pieces together and does little else.
//
// Everything the person types stays in this tab: it goes to a Web Worker on
// this page, never over the network. User text enters the page only as DOM
// text nodes, never as HTML, and this code sets no inline styles or handlers.
//
// The path of a keystroke: the form's `input` event -> the form is read into
// the page's state (state.js), with the current interview's ticks -> tracker.js
// puts it back in the list of interviews and keeping.js saves it -> planning.js,
// told of the change, waits for a pause and asks connection.js for a plan ->
// worker.js hands the request to Python (planner/bridge.py) -> the answer, if
// still the newest, goes into the state -> checklist.js, told of the new plan,
// shows it (and tools.js, printing.js and share.js follow it). A tick takes the
// same path from tracker.js on.

import { focusChecklist, markStale } from "./checklist.js";
import { setUpChecklistActions } from "./checklist-actions.js";
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
import { decodeShare } from "./share-link.js";
import { createPageState } from "./state.js";
import { setUpStorageBar } from "./storage-bar.js";
import { setUpInterviewList } from "./interview-list.js";
import { hasContent, labelOf, replaceIn } from "./interviews.js";
import { browserDatabase } from "./database.js";
import { Keeper } from "./keeping.js";
import { browserStorage } from "./storage.js";
import { setUpSearchTools } from "./search-tools.js";
import { createTestHooks } from "./test-hooks.js";
import { setUpTimingPhrase } from "./timing-phrase.js";
import { setUpToday } from "./today.js";
import { setUpTools } from "./tools.js";
import { Tracker } from "./tracker.js";
import { besideTheForm, withoutNotes } from "./interview-input.js";
import { actionMessage, setUpTrackerBar } from "./tracker-bar.js";

/** @typedef {import("./protocol.js").Details} Details */

/** The planner shows after this long even if reading what was kept has not finished. */
const SHOW_ANYWAY_MS = 1500;
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
    const now = state.get();
    const current = now.interviews.find((interview) => interview.id === now.current) || null;
    const details = { ...readInput(form), ...besideTheForm(current) };
    const same = JSON.stringify(details) === JSON.stringify(now.details);
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
    // Notes feed only the wording of files, not the checklist: typing one re-plans nothing.
    details: () => withoutNotes(syncDetails()),
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
        // What is filled becomes the current interview (it keeps its id).
        const { interviews, current } = state.get();
        if (current) {
          const { today: _today, ...rest } = details;
          state.set({ interviews: replaceIn(interviews, { ...rest, id: current }) });
        }
        fillForm(form, details);
        clearErrors(form);
        syncDetails({ example });
        // An interview with nothing in it yet waits for its first submit, like a new form.
        if (hasContent(details)) await planning.now();
        else planning.reset();
      } finally {
        state.set({ filling: false });
      }
    },
    status,
  };

  // The form: every edit of the person's is read into the state.
  let typedSinceLoad = false; // an edit of theirs, not a value the browser put back on its own
  /** @param {Event} [event] */
  const edited = (event) => {
    if (event?.target instanceof HTMLElement && event.target.hasAttribute("data-ui-only")) return;
    typedSinceLoad = true;
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

  // The interviews: which one is in the form, ticks, keeping them.
  const { line, say } = actionMessage();
  const keeper = new Keeper({
    database: browserDatabase(),
    storage: browserStorage(),
    persistence: navigator.storage ?? null,
    // Another tab stopped keeping, or a save found the storage gone: the page follows.
    onChange: (keeping, message) => {
      state.set({ keeping });
      if (message) say(message);
    },
  });
  const tracker = new Tracker({ page, keeper, say });

  // What follows the state, and the features around the form.
  setUpChecklistActions(result, page, { guide: readGuide(assets), tracker, say });
  setUpTools(byId("planner-tools", HTMLElement), page);
  const bar = setUpStorageBar(byId("planner-storage", HTMLElement), page, tracker);
  const shareLinks = setUpShareLinks(page, bar.say, tracker);
  setUpTrackerBar(byId("planner-tracker", HTMLElement), page, { tracker, keeper, say, message: line });
  const today = setUpToday(byId("planner-agenda", HTMLElement), page, tracker);
  setUpInterviewList(byId("planner-interviews", HTMLElement), page, tracker);
  setUpSearchTools(byId("planner-all", HTMLElement), page, {
    tracker, say, printed: byId("planner-record", HTMLElement),
  });
  const heading = byId("planner-form-heading", HTMLElement);
  state.subscribe((now, before) => {
    // The form's heading names the interview, so the person knows which one they edit.
    if (now.details !== before.details) {
      const name = labelOf(now.details);
      heading.textContent = name === "New interview" ? "Your interview" : `Your interview: ${name}`;
    }
  });
  const todayView = byId("planner-today", HTMLElement);
  const interviewView = byId("planner-interview", HTMLElement);
  state.subscribe((now, before) => {
    if (now.view === before.view) return;
    todayView.hidden = now.view !== "today";
    interviewView.hidden = now.view !== "interview";
    if (now.view === "today") today.focus();
  });
  if (hooks) hooks.expose(page, connection);

  // A page left open overnight: when it is seen again on another day, the checklist
  // and Today count from the new day.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") return;
    const { planned, view } = state.get();
    if (planned && planned.today !== page.today()) void planning.now();
    if (view === "today" && today.day() !== page.today()) void today.refresh();
  });

  // The rows and the bars are built, and the view is known: show the planner
  // (planner-tracker.css keeps it laid out but unseen until now, so that nothing
  // moves under the reader). Should reading what was kept take long, it shows anyway.
  const show = () => { document.documentElement.dataset.plannerSetUp = "true"; };
  const showAnyway = setTimeout(show, SHOW_ANYWAY_MS);

  // Start: what this device or this tab kept, opened on Today; else the form as it is
  // (the person may have typed already) becomes the first interview. A share link
  // opens its own details.
  void keeper.start().then(async (/** @type {import("./keeping.js").Started} */ kept) => {
    // Interviews started before this (the page showed after SHOW_ANYWAY_MS) stay too.
    const ids = new Set(kept.interviews.map((entry) => entry.id));
    const earlier = state.get().interviews.filter((entry) => !ids.has(entry.id));
    state.set({ interviews: [...kept.interviews, ...earlier], keeping: kept.keeping });
    for (const notice of kept.notices) say(notice);
    const typed = typedSinceLoad && hasContent(syncDetails());
    const linked = decodeShare(window.location.hash).status !== "none";
    // The form always belongs to an interview: what was typed, what a link brings, or a new one.
    if (!state.get().current && (typed || linked || !kept.interviews.length)) tracker.adoptForm();
    tracker.started();
    shareLinks.openFromAddress();
    const known = kept.interviews.find((entry) => entry.id === kept.current) || kept.interviews[0];
    const opening = known && !linked && !typed && !earlier.length;
    // A person coming back opens on Today; one who pressed Back (from a guide page)
    // returns to the interview they were on.
    const today = opening && !cameBack();
    if (today) tracker.showToday();
    clearTimeout(showAnyway);
    show();
    if (opening) await tracker.open(known.id, undefined, { show: !today });
  }).finally(() => {
    // Whatever happened above, the page shows and every change from now on is saved.
    if (!tracker.ready) tracker.started();
    clearTimeout(showAnyway);
    show();
  });

  // Python is large: its worker starts at once and fetches it off the main thread.
  if (!connection.worker && !connection.failed) connection.start();
}

/** Was this page reached with the browser's Back or Forward button? */
function cameBack() {
  // The Navigation API where there is one (Chromium, Safari), else the navigation's timing entry.
  const { navigation } = /** @type {{navigation?: {activation?: {navigationType?: string}}}} */ (
    /** @type {unknown} */ (window));
  const type = navigation?.activation?.navigationType;
  if (type) return type === "traverse";
  const [entry] = performance.getEntriesByType?.("navigation") || [];
  return entry instanceof PerformanceNavigationTiming && entry.type === "back_forward";
}

const assets = document.getElementById("planner-assets");
const form = document.getElementById("planner-form");
if (assets instanceof HTMLElement && form instanceof HTMLFormElement) setUpPage(assets, form);
