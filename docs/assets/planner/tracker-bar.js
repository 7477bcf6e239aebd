// The bar at the top of the planner: go to Today, switch to another interview,
// start a new one; keep the interviews on this device (one clear choice) or
// forget everything; and a message line that can offer an undo.

import { mergeBackup } from "./backup.js";
import { announce, el } from "./dom.js";
import { labelOf } from "./interviews.js";

/** @typedef {import("./state.js").PageContext} PageContext */
/** @typedef {import("./state.js").PageState} PageState */
/** @typedef {import("./tracker.js").Tracker} Tracker */
/** @typedef {import("./keeping.js").Keeper} Keeper */

/**
 * @typedef {{label: string, run: () => void, focus?: boolean}} MessageAction `focus`: the
 *   button takes focus (what the person pressed went away, as a deleted interview's Delete).
 */

/**
 * A message line with an optional button (an undo) that goes with the message.
 * @returns {{line: HTMLElement, say: (text: string, action?: MessageAction) => void}}
 */
export function actionMessage() {
  const text = el("span", { role: "status", "aria-live": "polite" });
  const button = el("button", { type: "button", class: "md-button planner-small-button", hidden: true });
  /** @type {MessageAction | null} */
  let action = null;
  button.addEventListener("click", () => {
    const run = action;
    action = null;
    button.hidden = true;
    run?.run();
  });
  return {
    line: el("p", { class: "planner-tracker-message" }, [text, " ", button]),
    say(message, next) {
      announce(text, message);
      action = next || null;
      button.hidden = !next;
      button.textContent = next ? next.label : "";
      if (next?.focus) button.focus({ preventScroll: true });
    },
  };
}

/**
 * What keeping the interviews means now, in a sentence.
 * @param {PageState["keeping"]} keeping
 */
function keepingSentence(keeping) {
  if (keeping === "on") {
    return "Your interviews are kept in this browser on this device, and nowhere else. "
      + "Every change is saved as you make it.";
  }
  if (keeping === "unavailable") {
    return "This browser does not let the site keep anything (a private window, or storage "
      + "turned off), so your interviews last while this tab is open. Save a backup to keep them.";
  }
  return "Your interviews are only in this tab and go when you close it. "
    + "Keep them on this device to come back to them: they stay in this browser, never sent anywhere.";
}

/**
 * Build the bar in `area`.
 * @param {HTMLElement} area
 * @param {PageContext} page
 * @param {object} options
 * @param {Tracker} options.tracker
 * @param {Keeper} options.keeper
 * @param {(text: string, action?: MessageAction) => void} options.say
 * @param {HTMLElement} options.message The message line (from actionMessage()).
 */
export function setUpTrackerBar(area, page, { tracker, keeper, say, message }) {
  const { state } = page;
  const today = el("button", { type: "button", class: "md-button planner-view-today" }, "Today");
  today.addEventListener("click", () => tracker.showToday());
  const switcher = el("select", { id: "planner-switch", class: "planner-switch" });
  switcher.addEventListener("change", () => { void tracker.open(switcher.value); });
  const add = el("button", { type: "button", class: "md-button planner-new" }, "New interview");
  add.addEventListener("click", () => { void tracker.add(); });

  const sentence = el("p", { id: "planner-keeping-text", class: "planner-keeping-text" });
  const keep = el("button", { type: "button", class: "md-button md-button--primary planner-keep",
    "aria-describedby": "planner-keeping-text" }, "Keep my interviews on this device");
  const forget = el("button", { type: "button", class: "md-button planner-forget" }, "Forget everything");
  const sure = el("button", { type: "button", class: "md-button planner-forget-sure" }, "Forget everything");
  const cancel = el("button", { type: "button", class: "md-button" }, "Cancel");
  const question = el("div", { class: "planner-confirm", role: "alertdialog", hidden: true,
    "aria-labelledby": "planner-forget-question" }, [
    el("p", { id: "planner-forget-question" },
      "Forget every interview, tick and note this site kept on this device? What is on "
      + "screen stays until you close the tab."),
    el("p", { class: "planner-keeping-buttons" }, [sure, cancel]),
  ]);

  keep.addEventListener("click", async () => {
    keep.disabled = true;
    const result = await keeper.keep(tracker.keepable(), state.get().current);
    keep.disabled = false;
    // Another tab kept some first: theirs join the ones here, as they are now (the
    // person may have typed while the browser asked about keeping).
    if (result.interviews) {
      const { list, added } = mergeBackup(state.get().interviews, result.interviews);
      if (added) state.set({ interviews: list });
    }
    state.set({ keeping: result.keeping });
    say(result.message);
  });
  forget.addEventListener("click", () => {
    question.hidden = false;
    sure.focus();
  });
  cancel.addEventListener("click", () => {
    question.hidden = true;
    forget.focus();
  });
  question.addEventListener("keydown", (event) => { if (event.key === "Escape") cancel.click(); });
  sure.addEventListener("click", async () => {
    question.hidden = true;
    const result = await keeper.forget(tracker.keepable(), state.get().current);
    state.set({ keeping: result.keeping });
    say(result.message || "Everything this site kept on this device is removed. "
      + "What is on screen stays until you close this tab.");
    forget.focus();
  });

  /** @param {Readonly<PageState>} now */
  function render(now) {
    today.setAttribute("aria-current", now.view === "today" ? "page" : "false");
    const options = now.interviews.map((interview) => el("option", { value: interview.id },
      `${labelOf(interview)}${interview.archived ? " (archived)" : ""}`));
    switcher.replaceChildren(...options);
    switcher.value = now.current || "";
    switcher.hidden = !now.interviews.length;
    sentence.textContent = keepingSentence(now.keeping);
    keep.hidden = now.keeping !== "off";
  }

  area.replaceChildren(
    el("div", { class: "planner-nav" }, [
      today,
      el("label", { for: "planner-switch", class: "planner-switch-label" }, "Interview"),
      switcher,
      add,
    ]),
    el("div", { class: "planner-keeping" }, [
      sentence, el("p", { class: "planner-keeping-buttons" }, [keep, forget]), question,
    ]),
    message,
  );
  render(state.get());
  state.subscribe((now, before) => {
    if (now.interviews !== before.interviews || now.current !== before.current
        || now.view !== before.view || now.keeping !== before.keeping) render(now);
  });
}
