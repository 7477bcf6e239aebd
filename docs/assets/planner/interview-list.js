// "Your interviews": every interview on this page, to open, archive or delete,
// with the archived ones folded away below. Deleting says so with an undo.

import { shortDay } from "./dates.js";
import { el, focusedControl, refocus } from "./dom.js";
import { labelOf, ticksOf } from "./interviews.js";

/** @typedef {import("./state.js").Interview} Interview */
/** @typedef {import("./state.js").PageContext} PageContext */
/** @typedef {import("./tracker.js").Tracker} Tracker */

/** @type {Record<string, string>} */
const OUTCOMES = {
  offer: "Offer",
  rejection: "Not offered",
  next_round: "Invited to another round",
};

/**
 * One line of facts about an interview: its date, round, how many steps are done, the outcome.
 * @param {Interview} interview
 */
export function factsOf(interview) {
  const parts = [];
  if (typeof interview.interview_date === "string" && interview.interview_date) {
    parts.push(`Interview ${shortDay(interview.interview_date)}`);
  } else parts.push("No interview date yet");
  const round = Number(interview.interview_round);
  if (Number.isInteger(round) && round > 1) parts.push(`round ${round}`);
  const done = ticksOf(interview).length;
  if (done) parts.push(`${done} ${done === 1 ? "step" : "steps"} done`);
  const outcome = OUTCOMES[String(interview.outcome)];
  if (outcome) parts.push(outcome);
  return parts.join(" · ");
}

/**
 * @param {Interview} interview
 * @param {Tracker} tracker
 */
function entry(interview, tracker) {
  const name = labelOf(interview);
  const open = el("button", { type: "button", class: "planner-link-button planner-interview-open",
    "data-focus-id": `open:${interview.id}` }, name);
  open.addEventListener("click", () => { void tracker.open(interview.id); });
  const archive = el("button", { type: "button", class: "md-button planner-small-button",
    "data-focus-id": `archive:${interview.id}` }, interview.archived ? "Bring back" : "Archive");
  archive.setAttribute("aria-label", `${interview.archived ? "Bring back" : "Archive"}: ${name}`);
  archive.addEventListener("click", () => tracker.archive(interview.id, !interview.archived));
  const remove = el("button", { type: "button", class: "md-button planner-small-button" }, "Delete");
  remove.setAttribute("aria-label", `Delete: ${name}`);
  remove.addEventListener("click", () => tracker.remove(interview.id));
  return el("li", { class: "planner-interview", "data-interview": interview.id }, [
    el("p", { class: "planner-interview-name" }, open),
    el("p", { class: "planner-interview-facts" }, factsOf(interview)),
    el("p", { class: "planner-interview-actions" }, [archive, remove]),
  ]);
}

/**
 * Show every interview in `area`, and follow the list as it changes.
 * @param {HTMLElement} area
 * @param {PageContext} page
 * @param {Tracker} tracker
 */
export function setUpInterviewList(area, page, tracker) {
  const add = el("button", { type: "button", class: "md-button planner-add-interview" }, "Add an interview");
  add.addEventListener("click", () => { void tracker.add(); });

  const heading = el("h2", { id: "planner-interviews-heading", tabindex: "-1" }, "Your interviews");

  /** @param {Interview[]} interviews */
  function render(interviews) {
    // A button pressed here is made again: focus stays on it, or on the heading when
    // its interview moved out of sight (archived) or went (deleted: the Undo takes it).
    const focusId = focusedControl(area);
    const active = interviews.filter((interview) => !interview.archived);
    const archived = interviews.filter((interview) => interview.archived);
    area.replaceChildren(...[
      heading,
      active.length
        ? el("ul", { class: "planner-interviews" }, active.map((interview) => entry(interview, tracker)))
        : el("p", {}, "None yet."),
      add,
      archived.length ? el("details", { class: "planner-archived" }, [
        el("summary", {}, `Archived (${archived.length})`),
        el("ul", { class: "planner-interviews" }, archived.map((interview) => entry(interview, tracker))),
      ]) : null,
    ].filter((node) => node !== null));
    return focusId;
  }

  page.state.subscribe((now, before) => {
    if (now.view === "today" && (now.interviews !== before.interviews || now.view !== before.view)) {
      // Keep the archived list open while the person works in it.
      const open = area.querySelector("details.planner-archived")?.hasAttribute("open");
      const focusId = render(now.interviews);
      if (open) area.querySelector("details.planner-archived")?.setAttribute("open", "");
      refocus(area, focusId, heading);
    }
  });
}
