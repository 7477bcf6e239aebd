// This tab's copy of the interviews (sessionStorage, through storage.js), for
// a person who has not chosen to keep them on the device: Back, a reload or a
// restarted worker loses nothing, and closing the tab leaves no trace. It is
// written only once something was typed (a visit with nothing typed stores
// nothing at all) and only when it changed.
//
// While the old "Remember on this device" record is the only keeping the
// browser allows (IndexedDB refused the move), the copy also keeps that record
// up to date with the interview on screen: the person chose to remember it.
// No DOM: tests/js/keeping.test.js.

import { withIds } from "./backup.js";
import { portable } from "./details.js";
import { hasContent } from "./interviews.js";

/** @typedef {import("./interviews.js").Interview} Interview */
/** @typedef {import("./storage.js").DeviceStorage} DeviceStorage */

/**
 * The form's details of an interview, as the old record held them.
 * @param {Interview} interview
 */
export function formDetails(interview) {
  const { id: _id, done: _done, archived: _archived, ...details } = portable(interview);
  return details;
}

/**
 * The form's details alone, keys sorted: to tell whether two interviews hold the same.
 * @param {Interview} interview
 */
function detailsText(interview) {
  const details = formDetails(interview);
  return JSON.stringify(details, Object.keys(details).sort());
}

/**
 * What the page shows at start: the kept interviews (if any), with this tab's
 * copy over them (it is what this tab showed last: it wins for its own
 * interviews, such as a change the database refused, and adds those not kept
 * yet), and the old record as one more, unless one holds the same details
 * already (this tab's copy, made while the old record was the keeping).
 * @param {object} found
 * @param {Interview[] | null} found.kept
 * @param {string | null} found.keptCurrent
 * @param {{interviews: Interview[], current: string | null} | null} found.copy
 * @param {import("./protocol.js").Details | null} found.old
 * @param {() => string} makeId
 * @returns {{interviews: Interview[], current: string | null}}
 */
export function gather({ kept, keptCurrent, copy, old }, makeId) {
  const mine = copy ? copy.interviews : [];
  let current = copy ? copy.current : keptCurrent;
  let interviews = mine;
  if (kept) {
    const byId = new Map(mine.map((each) => [each.id, each]));
    const theirs = new Set(kept.map((each) => each.id));
    interviews = [...kept.map((each) => byId.get(each.id) ?? each), ...mine.filter((each) => !theirs.has(each.id))];
  }
  if (old) {
    const details = /** @type {Interview} */ ({ id: makeId(), ...portable(old) });
    if (!interviews.some((each) => detailsText(each) === detailsText(details))) {
      interviews = [...interviews, details];
      current = details.id;
    }
  }
  if (!interviews.some((each) => each.id === current)) current = interviews.length ? interviews[0].id : null;
  return { interviews, current };
}

export class TabCopy {
  /** @type {DeviceStorage} */
  #storage;
  /** The copy as last written (or as shown when forgotten); "" for one not written by this page; null for none. */
  #text = /** @type {string | null} */ (null);
  /** The old record is still the keeping: keep it up to date. */
  legacy = false;

  /** @param {DeviceStorage} storage */
  constructor(storage) {
    this.#storage = storage;
  }

  /**
   * The copy, if there is one (an unreadable one is removed).
   * @param {() => string} makeId For interviews without a usable id.
   * @returns {{interviews: Interview[], current: string | null} | null}
   */
  read(makeId) {
    const copy = this.#storage.readSession();
    if (copy === "unreadable") this.#storage.removeSession();
    if (!copy || copy === "unreadable") return null;
    this.#text = ""; // there is a copy: the next save writes or removes it
    return { interviews: withIds(copy.interviews, makeId).interviews, current: copy.current };
  }

  /**
   * Write the copy if something was typed and it changed; remove it once
   * nothing is left. False when the browser refuses.
   * @param {readonly Interview[]} interviews
   * @param {string | null} current
   */
  save(interviews, current) {
    if (this.legacy) {
      const shown = interviews.find((each) => each.id === current) ?? interviews[0];
      if (shown) this.#storage.writeRemembered(formDetails(shown));
    }
    const stored = interviews.map(portable);
    const text = JSON.stringify({ interviews: stored, current });
    if (text === this.#text) return true;
    if (!interviews.some(hasContent)) {
      if (this.#text !== null) this.#storage.removeSession();
      this.#text = null;
      return true;
    }
    if (!this.#storage.writeSession(stored, current)) return false;
    this.#text = text;
    return true;
  }

  /** Remove the copy (the interviews are kept in IndexedDB now, or forgotten). */
  remove() {
    this.#storage.removeSession();
    this.#text = null;
  }

  /**
   * After "Forget everything": what the page still shows is not written again until it changes.
   * @param {readonly Interview[]} shown
   * @param {string | null} current
   */
  forgotten(shown, current) {
    this.#text = JSON.stringify({ interviews: shown.map(portable), current });
    this.legacy = false;
  }
}
