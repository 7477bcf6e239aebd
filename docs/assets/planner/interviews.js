// The interviews a person follows up, as data. An interview is exactly the
// engine's input (spec §2, §13, §14): the form's details, plus `id` (a stable
// random name, which also names its calendar events), `done` (the ticks, one
// per item) and `archived`. So a list of interviews is already what the
// `agenda` op and the backup file take, with nothing to translate.
//
// Every function returns a new object and leaves its arguments alone: the
// state store (state.js) holds frozen values, and an undo needs the old ones.
// No DOM: tests/js/interviews.test.js.

import { isPlainObject } from "./details.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {{key: string, date: string, note?: string}} Tick An item done, on a day, maybe with a note. */
/**
 * One interview: the engine's input with its id (never `today`, which belongs to the day of planning).
 * @typedef {Details & {id: string, archived?: boolean, done?: Tick[]}} Interview
 */
/** @typedef {{interview: Interview, index: number}} Removal What removeFrom took, and where from: for an undo. */

// 32 letters and digits without the look-alikes (0/o, 1/l): an id is 5 bits a
// character exactly, so no letter is likelier than another; 12 of them make
// 60 bits, far beyond what one person's list could ever collide on.
const ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
export const ID_LENGTH = 12;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
// What a later round carries over: who the person is, the employer and the job,
// and who they met. Everything about the last round itself (its dates, the
// ticks, the outcome, the concern, the promised materials) stays with it.
const NEXT_ROUND_FIELDS = ["company", "role", "company_style", "candidate_name", "candidate_contact",
  "strengths", "has_referees", "persistent_role"];

/**
 * A fresh random id.
 * @param {(bytes: Uint8Array<ArrayBuffer>) => void} [fill] Fills the bytes with random ones (tests pass their own).
 * @returns {string}
 */
export function newId(fill = (bytes) => { crypto.getRandomValues(bytes); }) {
  const bytes = new Uint8Array(ID_LENGTH);
  fill(bytes);
  return Array.from(bytes, (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join("");
}

/** @param {unknown} value */
const words = (value) => (typeof value === "string" ? value.split(/\s+/).filter(Boolean).join(" ") : "");

/**
 * "12 March 2026" for a real YYYY-MM-DD day, else "".
 * @param {unknown} iso
 */
function longDay(iso) {
  const match = typeof iso === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return "";
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return ""; // 2026-02-30
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * A short name for an interview, as the switcher and the today view show it:
 * "Role at Company", or either alone, else its date, else "New interview". A
 * later round says so (", round 2"), as the engine's agenda labels do, so that
 * two rounds with one employer can be told apart.
 * @param {Details} details
 * @returns {string}
 */
export function labelOf(details) {
  const name = [words(details.role), words(details.company)].filter(Boolean).join(" at ");
  const day = longDay(details.interview_date);
  const label = name || (day ? `Interview on ${day}` : "New interview");
  const round = details.interview_round;
  return Number.isInteger(round) && Number(round) > 1 ? `${label}, round ${round}` : label;
}

/**
 * Has the person put anything at all into these details? The empty form reads
 * as one blank interviewer row and nothing else.
 * @param {Details} details
 */
export function hasContent(details) {
  return Object.entries(details).some(([key, value]) => {
    if (["id", "today", "archived"].includes(key) || value === undefined || value === null || value === "") {
      return false;
    }
    if (!Array.isArray(value)) return true;
    return value.some((entry) => !isPlainObject(entry) || Object.values(entry).some((v) => v !== "" && v !== null && v !== undefined));
  });
}

/**
 * The ticks of an interview (a `done` that is not a list, only possible from a
 * hand-edited file, counts as none: the engine reports it beside the plan).
 * @param {Interview} interview
 * @returns {Tick[]}
 */
export function ticksOf(interview) {
  return Array.isArray(interview.done) ? interview.done : [];
}

/**
 * @param {Interview} interview
 * @param {unknown[]} done
 * @returns {Interview}
 */
function withTicks(interview, done) {
  const { done: _old, ...rest } = interview;
  return done.length ? { ...rest, done: /** @type {Tick[]} */ (done) } : rest;
}

/**
 * @param {unknown} entry
 * @param {string} key
 */
const isTickOf = (entry, key) => isPlainObject(entry) && entry.key === key;

/**
 * Mark an item done on a day. Ticking it again changes its day in place and,
 * without a new note, keeps the note already written: nothing typed is lost.
 * @param {Interview} interview
 * @param {string} key
 * @param {string} date YYYY-MM-DD
 * @param {string} [note]
 * @returns {Interview}
 */
export function tick(interview, key, date, note) {
  const done = ticksOf(interview);
  const old = done.find((entry) => isTickOf(entry, key));
  const kept = note === undefined ? old?.note : note;
  /** @type {Tick} */
  const entry = { key, date, ...(typeof kept === "string" && kept.trim() ? { note: kept } : {}) };
  return withTicks(interview, old ? done.map((each) => (each === old ? entry : each)) : [...done, entry]);
}

/**
 * Unmark an item (its note goes with it).
 * @param {Interview} interview
 * @param {string} key
 * @returns {Interview}
 */
export function untick(interview, key) {
  return withTicks(interview, ticksOf(interview).filter((entry) => !isTickOf(entry, key)));
}

/**
 * Write, change or clear (blank text) the note of an item already ticked; an
 * item not ticked is left as it is.
 * @param {Interview} interview
 * @param {string} key
 * @param {string} note
 * @returns {Interview}
 */
export function setNote(interview, key, note) {
  const done = ticksOf(interview);
  const old = done.find((entry) => isTickOf(entry, key));
  if (!old) return interview;
  const { note: _note, ...entry } = old;
  const next = note.trim() ? { ...entry, note } : entry;
  return withTicks(interview, done.map((each) => (each === old ? next : each)));
}

/**
 * Archive an interview, or bring it back (not archived is the engine's default, so it is left out).
 * @param {Interview} interview
 * @param {boolean} archived
 * @returns {Interview}
 */
export function setArchived(interview, archived) {
  const { archived: _archived, ...rest } = interview;
  return archived ? { ...rest, archived: true } : rest;
}

/**
 * The list with this interview in place of the one with its id, or added at the end.
 * @param {readonly Interview[]} list
 * @param {Interview} interview
 * @returns {Interview[]}
 */
export function replaceIn(list, interview) {
  const index = list.findIndex((each) => each.id === interview.id);
  return index < 0 ? [...list, interview] : list.map((each, at) => (at === index ? interview : each));
}

/**
 * The list without the interview of this id, and what an undo needs (null when it was not there).
 * @param {readonly Interview[]} list
 * @param {string} id
 * @returns {{list: Interview[], removed: Removal | null}}
 */
export function removeFrom(list, id) {
  const index = list.findIndex((each) => each.id === id);
  if (index < 0) return { list: [...list], removed: null };
  return { list: list.filter((_, at) => at !== index), removed: { interview: list[index], index } };
}

/**
 * Undo a removal: the interview back in its place (or at the end if the list
 * has since shrunk), unless an interview with its id is there again.
 * @param {readonly Interview[]} list
 * @param {Removal} removed
 * @returns {Interview[]}
 */
export function restoreInto(list, { interview, index }) {
  if (list.some((each) => each.id === interview.id)) return [...list];
  const at = Math.min(Math.max(0, index), list.length);
  return [...list.slice(0, at), interview, ...list.slice(at)];
}

/**
 * A new interview for the next round with the same employer: the job, the
 * person's own lines and the interviewers carry over (without the topic each
 * discussed, which belonged to that round); the round is one more; no dates,
 * ticks, outcome or archiving.
 * @param {Interview} interview
 * @param {string} id
 * @returns {Interview}
 */
export function nextRound(interview, id) {
  /** @type {Interview} */
  const next = { id };
  for (const field of NEXT_ROUND_FIELDS) {
    if (interview[field] !== undefined) next[field] = structuredClone(interview[field]);
  }
  const round = interview.interview_round;
  next.interview_round = (Number.isInteger(round) && Number(round) >= 1 ? Number(round) : 1) + 1;
  const people = (Array.isArray(interview.interviewers) ? interview.interviewers : []).filter(isPlainObject)
    .map(({ topic: _topic, ...person }) => structuredClone(person));
  next.interviewers = people.length ? people : [{}]; // the empty form's one row
  return next;
}
