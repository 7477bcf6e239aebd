// The interview as the form and the planner each see it. The form shows an
// interview's fields but not its id, its archive mark or its ticks: they are
// added to what the form reads. The checklist needs no notes (they feed only the
// wording of files): they are left out of a plan request, so typing one plans
// nothing again. No DOM: tests/js/tracker.test.js.

import { ticksOf } from "./interviews.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./state.js").Interview} Interview */

/** The fields of an interview that the form does not show. */
const KEPT_BESIDE_THE_FORM = /** @type {const} */ (["id", "archived", "done"]);

/**
 * The current interview's fields that the form does not hold, to add to what it reads.
 * @param {Interview | null} interview
 * @returns {Details}
 */
export function besideTheForm(interview) {
  /** @type {Details} */
  const extras = {};
  if (!interview) return extras;
  for (const key of KEPT_BESIDE_THE_FORM) {
    if (interview[key] !== undefined) extras[key] = interview[key];
  }
  return extras;
}

/**
 * The details as the checklist needs them: without the notes beside the ticks.
 * @param {Details} details
 * @returns {Details}
 */
export function withoutNotes(details) {
  if (!Array.isArray(details.done)) return details;
  return {
    ...details,
    done: details.done.map((entry) => {
      if (!entry || typeof entry !== "object") return entry;
      const { note: _note, ...rest } = entry;
      return rest;
    }),
  };
}

/**
 * The planned details with the notes of `interview` put back: the files made from a
 * checklist (calendar, text, the saved details, a link) carry the notes beside its ticks.
 * @param {Details} details As planned (without notes).
 * @param {Interview | undefined} interview The same interview as kept, with its notes.
 * @returns {Details}
 */
export function withNotesOf(details, interview) {
  if (!interview || interview.id !== details.id || !Array.isArray(details.done)) return details;
  const kept = ticksOf(interview);
  /** @type {Map<string, unknown>} */
  const notes = new Map();
  for (const entry of kept) {
    if (entry && typeof entry === "object" && typeof entry.note === "string" && entry.note) {
      notes.set(`${entry.key} ${entry.date}`, entry.note);
    }
  }
  return {
    ...details,
    done: details.done.map((entry) => {
      if (!entry || typeof entry !== "object") return entry;
      const note = notes.get(`${entry.key} ${entry.date}`);
      return note === undefined ? entry : { ...entry, note };
    }),
  };
}
