// One interview's history: what was done on which day, what they said, and the
// outcome, in the order it happened. Shown under the checklist and printed with it.

import { formatDay } from "./dates.js";
import { el } from "./dom.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./protocol.js").Plan} Plan */

/** @type {Record<string, string>} */
const OUTCOMES = {
  offer: "They offered you the job",
  rejection: "They decided not to offer you the job",
  next_round: "They invited you to another round",
};

/**
 * The dated lines of an interview's history, oldest first.
 * @param {Plan} plan
 * @param {Details} input
 * @returns {Array<{day: string, text: string, note: string}>}
 */
export function historyLines(plan, input) {
  const notes = new Map((Array.isArray(input.done) ? input.done : [])
    .filter((entry) => entry && typeof entry.key === "string")
    .map((entry) => [entry.key, typeof entry.note === "string" ? entry.note : ""]));
  const lines = plan.items
    .filter((item) => item.done)
    .map((item) => ({ day: String(item.done), text: item.title, note: notes.get(item.key) || "" }));
  if (typeof input.interview_date === "string" && input.interview_date) {
    lines.push({ day: input.interview_date, text: "The interview", note: "" });
  }
  const outcome = OUTCOMES[String(input.outcome)];
  if (outcome && typeof input.outcome_date === "string") {
    lines.push({ day: input.outcome_date, text: outcome, note: "" });
  }
  // Stable: on one day, the interview comes first, then the steps in plan order.
  return lines
    .map((line, index) => ({ line, order: line.text === "The interview" ? -1 : index }))
    .sort((a, b) => (a.line.day < b.line.day ? -1 : a.line.day > b.line.day ? 1 : a.order - b.order))
    .map(({ line }) => line);
}

/**
 * The history section of one interview.
 * @param {Plan} plan
 * @param {Details} input
 */
export function historySection(plan, input) {
  const lines = historyLines(plan, input);
  const ticked = plan.items.some((item) => item.done);
  return el("section", { class: "planner-history", "aria-labelledby": "planner-history-heading" }, [
    el("h3", { id: "planner-history-heading" }, "What has happened so far"),
    el("ol", { class: "planner-history-list" }, lines.map(({ day, text, note }) => el("li", {}, [
      el("span", { class: "planner-history-day" }, formatDay(day)),
      `: ${text}`,
      note ? el("span", { class: "planner-history-note" }, ` (“${note}”)`) : null,
    ]))),
    ticked ? null : el("p", { class: "planner-hint" },
      "Tick a step when you have done it: the days of the next ones follow what you actually did."),
  ]);
}
