// Marking a step of the checklist done: a check box, and the day it was done
// (today unless changed, never in the future, never before the interview).
// The plan is made again at once; the steps whose day moved say so.

import { shortDay } from "./dates.js";
import { el } from "./dom.js";

/** @typedef {import("./protocol.js").PlanItem} PlanItem */

/**
 * What a checklist item needs to be ticked.
 * @typedef {object} Ticking
 * @property {string} today YYYY-MM-DD, the local day when read.
 * @property {string | null} earliest The interview date: nothing is done before it.
 * @property {(key: string, day: string) => void} tick Mark done on a day (or move the day).
 * @property {(key: string) => void} untick
 * @property {Map<string, string>} moved Keys whose due day moved at the last re-plan, with the old day.
 */

/**
 * The keys whose due day changed from one plan to the next, with their old day.
 * @param {PlanItem[] | null} before
 * @param {PlanItem[]} after
 * @returns {Map<string, string>}
 */
export function movedDays(before, after) {
  /** @type {Map<string, string>} */
  const moved = new Map();
  if (!before) return moved;
  const old = new Map(before.map((item) => [item.key, item.due]));
  for (const item of after) {
    const was = old.get(item.key);
    if (was && was !== item.due && !item.done) moved.set(item.key, was);
  }
  return moved;
}

/**
 * Is a typed day acceptable as the day a step was done? A sentence when not.
 * @param {string} day
 * @param {string} today
 * @param {string | null} earliest
 * @returns {string | null}
 */
export function doneDayProblem(day, today, earliest) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return "Give the day you did it.";
  if (day > today) return "You can't have done it in the future: give today or an earlier day.";
  if (earliest && day < earliest) return "That is before the interview: give the interview day or later.";
  return null;
}

/**
 * The "Done" control of one item: a check box and, once ticked, its day.
 * @param {PlanItem} item
 * @param {string} titleId The id of the item's title, which the check box is about.
 * @param {Ticking} ticking
 */
export function doneControl(item, titleId, ticking) {
  const id = `planner-done-${item.key}`;
  const box = el("input", {
    type: "checkbox", id, class: "planner-done-box", "data-focus-id": `done:${item.key}`,
    "aria-describedby": titleId,
  });
  box.checked = Boolean(item.done);
  box.addEventListener("change", () => {
    if (box.checked) ticking.tick(item.key, ticking.today);
    else ticking.untick(item.key);
  });
  /** @type {HTMLElement[]} */
  const parts = [box, el("label", { for: id }, item.done ? "Done on" : "Done")];
  if (item.done) {
    const errorId = `${id}-error`;
    const day = el("input", {
      type: "date", id: `${id}-day`, class: "planner-done-day", value: item.done, max: ticking.today,
      min: ticking.earliest, "data-focus-id": `day:${item.key}`,
      "aria-label": `The day you did it: ${item.title}`, "aria-describedby": errorId,
    });
    const error = el("p", { id: errorId, class: "planner-field-error" });
    day.addEventListener("change", () => {
      const problem = doneDayProblem(day.value, ticking.today, ticking.earliest);
      error.textContent = problem || "";
      day.setAttribute("aria-invalid", problem ? "true" : "false");
      if (!problem && day.value !== item.done) ticking.tick(item.key, day.value);
    });
    parts.push(day, error);
  }
  return el("div", { class: `planner-done${item.done ? " planner-done--done" : ""}` }, parts);
}

/**
 * "Moved from Thu 30 Apr": shown on a step whose day changed at the last re-plan.
 * @param {PlanItem} item
 * @param {Ticking} ticking
 */
export function movedNote(item, ticking) {
  const was = ticking.moved.get(item.key);
  if (!was) return null;
  return el("p", { class: "planner-moved" }, `Moved: was ${shortDay(was)}, now ${shortDay(item.due)}`);
}
