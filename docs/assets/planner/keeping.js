// Keeping the interviews: where they live, and the person's one choice about it.
//
// Until the person chooses to keep their interviews on this device, nothing is
// stored but this tab's copy (tab-copy.js), once they typed something. Once
// they choose, every change goes to IndexedDB at once (database.js, only what
// changed: changes.js). The old "Remember on this device" record becomes a
// kept interview on the first visit, then goes. Storage that fails never stops
// the page: every call answers with what happened, in words, and never throws.
// The browser comes in through the constructor: no DOM, no storage of its own
// (tests/js/keeping.test.js runs it on fake-indexeddb and in-memory stores).

import { withIds } from "./backup.js";
import { Held, everything } from "./changes.js";
import { portable } from "./details.js";
import { newId } from "./interviews.js";
import {
  BLOCKED, FORGOTTEN, FULL, FULL_TO_KEEP, KEPT_FOR_GOOD, KEPT_MAY_CLEAR, LEGACY, MIGRATED, NOT_DELETED,
  OLD_UNREADABLE, REFUSED, STOPPED_ELSEWHERE, TAB_REFUSED, UNAVAILABLE,
} from "./keeping-words.js";
import { TabCopy, gather } from "./tab-copy.js";

/** @typedef {import("./interviews.js").Interview} Interview */
/** @typedef {import("./database.js").KeptDatabase} KeptDatabase */
/** @typedef {import("./database.js").InterviewDatabase} Database */
/** @typedef {"on" | "off" | "unavailable"} Keeping */
/** @typedef {{persist?: () => Promise<boolean>, persisted?: () => Promise<boolean>}} Persistence navigator.storage */
/**
 * @typedef {object} Started What start() found.
 * @property {Interview[]} interviews In the person's order.
 * @property {string | null} current The interview to show (one of them), or null when there are none.
 * @property {Keeping} keeping
 * @property {boolean | null} persisted Kept, and the browser promised to keep it (null: not kept, or not known).
 * @property {string[]} notices What happened that the person should know (a move, a refusal).
 */
/**
 * @typedef {{ok: boolean, keeping: Keeping, message: string, interviews?: Interview[]}} Outcome What a
 *   call did; `message` is "" when there is nothing to say; `interviews`, after keep(), when another
 *   tab kept some first: the page shows them all from then on.
 */

/** @param {unknown} error */
const isFull = (error) => error instanceof Error && error.name === "QuotaExceededError";

/** @param {readonly Interview[]} interviews */
const stored = (interviews) => interviews.map((each) => /** @type {Interview} */ (portable(each)));

export class Keeper {
  /** @type {Database | null} */ #database;
  /** @type {TabCopy} */ #tab;
  /** @type {import("./storage.js").DeviceStorage} */ #storage;
  /** @type {Persistence | null} */ #persistence;
  /** @type {() => string} */ #makeId;
  /** @type {KeptDatabase | null} */ #kept = null;
  /** @type {Keeping} */ #keeping = "off";
  #held = new Held();
  /** This tab's copy holds a change the database refused: dropped once a write succeeds. */
  #tabHolds = false;
  #queue = Promise.resolve();
  /** @type {{interviews: readonly Interview[], current: string | null} | null} */ #pending = null;
  /** @type {Outcome} */ #lastSaved = { ok: true, keeping: "off", message: "" };

  /**
   * @param {object} parts
   * @param {Database | null} parts.database IndexedDB (database.js), or null where the browser has none.
   * @param {import("./storage.js").DeviceStorage} parts.storage Web Storage (storage.js).
   * @param {Persistence | null} [parts.persistence] navigator.storage, where there is one.
   * @param {() => string} [parts.makeId]
   * @param {(keeping: Keeping, message: string) => void} [parts.onChange] Told when another tab stops the keeping.
   */
  constructor({ database, storage, persistence = null, makeId = newId, onChange = () => {} }) {
    this.#database = database;
    this.#storage = storage;
    this.#tab = new TabCopy(storage);
    this.#persistence = persistence;
    this.#makeId = makeId;
    this.onChange = onChange;
    if (!database) this.#keeping = "unavailable";
  }

  /** Keeping now: "on", "off" or "unavailable". */
  get keeping() { return this.#keeping; }

  /**
   * Load what there is: the kept interviews, else the old remembered details
   * (moved into IndexedDB), else this tab's copy, else nothing.
   * @returns {Promise<Started>}
   */
  start() {
    return this.#then(async () => {
      const notices = this.#database ? [] : [UNAVAILABLE];
      let old = this.#storage.readRemembered();
      if (old === "unreadable") {
        this.#storage.removeRemembered();
        notices.push(OLD_UNREADABLE);
        old = null;
      }
      const copy = this.#tab.read(this.#makeId);
      /** @type {Interview[] | null} */
      let kept = null;
      let keptCurrent = null;
      try {
        const database = this.#database ? await this.#database.open() : null;
        if (database) {
          this.#adopt(database);
          const found = await database.read();
          kept = withIds(found.records, this.#makeId).interviews;
          keptCurrent = typeof found.current === "string" ? found.current : null;
          this.#held.read(kept, found.order, found.current);
        }
      } catch {
        this.#kept?.close();
        this.#kept = null;
        this.#keeping = "unavailable";
        notices.push(UNAVAILABLE);
      }
      const { interviews, current } = gather({ kept, keptCurrent, copy, old }, this.#makeId);
      if (this.#keeping === "on" || (old && this.#keeping === "off")) {
        // Kept, or chosen before with "Remember on this device": all of it into IndexedDB.
        const outcome = this.#kept ? await this.#write(interviews, current) : await this.#keepAll(interviews, current);
        if (outcome.ok && old) notices.push(MIGRATED);
        if (outcome.ok) this.#storage.removeRemembered();
        if (outcome.ok) this.#tab.remove();
        else notices.push(outcome.message);
      }
      if (old && this.#keeping !== "on") {
        this.#tab.legacy = true; // nothing lost: the old record stays, and stays up to date
        notices.push(LEGACY);
      }
      const persisted = this.#keeping === "on" ? await this.#ask("persisted") : null;
      return { interviews, current, keeping: this.#keeping, persisted, notices };
    });
  }

  /**
   * The person's choice to keep their interviews on this device: all of them
   * in one transaction, then the browser is asked to keep them for good.
   * @param {readonly Interview[]} interviews
   * @param {string | null} current
   * @returns {Promise<Outcome & {persisted: boolean | null}>}
   */
  keep(interviews, current) {
    return this.#then(async () => {
      const outcome = await this.#keepAll(interviews, current);
      if (!outcome.ok) return { ...outcome, persisted: null };
      this.#storage.removeRemembered();
      this.#tab.remove();
      const persisted = (await this.#ask("persisted")) || (await this.#ask("persist")) || false;
      return { ...outcome, persisted, message: persisted ? KEPT_FOR_GOOD : KEPT_MAY_CLEAR };
    });
  }

  /**
   * Save after a change: to IndexedDB when kept, else to this tab's copy.
   * Saves run in order; one still waiting is replaced by a newer one.
   * @param {readonly Interview[]} interviews
   * @param {string | null} current
   * @returns {Promise<Outcome>}
   */
  save(interviews, current) {
    this.#pending = { interviews, current };
    return this.#then(async () => {
      const pending = this.#pending;
      if (!pending) return this.#lastSaved; // a later call's data is already written
      this.#pending = null;
      if (this.#kept) {
        this.#lastSaved = await this.#write(pending.interviews, pending.current);
      } else {
        const ok = this.#tab.save(pending.interviews, pending.current);
        this.#lastSaved = { ok, keeping: this.#keeping, message: ok ? "" : TAB_REFUSED };
      }
      return this.#lastSaved;
    });
  }

  /**
   * "Forget everything": the database, this tab's copy, the old record and the
   * theme's keys. What the page still shows is not written again until it changes.
   * @param {readonly Interview[]} [shown]
   * @param {string | null} [current]
   * @returns {Promise<Outcome>}
   */
  forget(shown = [], current = null) {
    return this.#then(async () => {
      const removed = await this.#removeDatabase();
      this.#storage.forgetEverything();
      this.#tab.forgotten(shown, current);
      return removed.ok ? { ...removed, message: [FORGOTTEN, removed.message].filter(Boolean).join(" ") } : removed;
    });
  }

  // ------------------------------------------------------------------ the work

  /**
   * Run after everything asked before, so the storage sees calls in the order made.
   * @template T
   * @param {() => Promise<T>} work
   * @returns {Promise<T>}
   */
  #then(work) {
    const next = this.#queue.then(work);
    this.#queue = next.then(() => {}, () => {});
    return next;
  }

  /** @param {KeptDatabase} kept */
  #adopt(kept) {
    this.#kept = kept;
    this.#keeping = "on";
    this.#tab.legacy = false;
    kept.onGone = () => {
      // Another tab stopped keeping, or forgot everything: so be it here too.
      if (this.#kept !== kept) return;
      this.#kept = null;
      this.#keeping = "off";
      this.#held.clear();
      this.onChange("off", STOPPED_ELSEWHERE);
    };
  }

  /**
   * Everything into IndexedDB, in one transaction (the database is created if need be).
   * @param {readonly Interview[]} interviews
   * @param {string | null} current
   * @returns {Promise<Outcome>}
   */
  async #keepAll(interviews, current) {
    if (!this.#database) return { ok: false, keeping: "unavailable", message: UNAVAILABLE };
    let change = everything(stored(interviews), current);
    /** @type {Interview[] | undefined} */
    let joined;
    try {
      const existing = this.#kept ? null : await this.#database.open();
      if (existing) {
        // Another tab chose to keep first: join what it keeps, never replace it.
        this.#adopt(existing);
        const mine = new Set(interviews.map((each) => each.id));
        const theirs = withIds((await existing.read()).records, this.#makeId).interviews;
        const all = [...interviews, ...theirs.filter((each) => !mine.has(each.id))];
        joined = all;
        change = everything(stored(all), current);
      }
      if (this.#kept) await this.#kept.write(change);
      else this.#adopt(await this.#database.create(change));
    } catch (error) {
      // A full disk may pass; a refusal (a private window, storage blocked) will not.
      if (!isFull(error) && this.#keeping !== "on") this.#keeping = "unavailable";
      return { ok: false, keeping: this.#keeping, message: isFull(error) ? FULL_TO_KEEP : UNAVAILABLE };
    }
    this.#held.clear();
    this.#held.wrote(change);
    return { ok: true, keeping: "on", message: "", ...(joined ? { interviews: joined } : {}) };
  }

  /**
   * What changed, into IndexedDB; on failure, this tab's copy holds it (start() prefers it).
   * @param {readonly Interview[]} interviews
   * @param {string | null} current
   * @returns {Promise<Outcome>}
   */
  async #write(interviews, current) {
    const change = this.#held.since(stored(interviews), current);
    try {
      if (change) await /** @type {KeptDatabase} */ (this.#kept).write(change);
    } catch (error) {
      this.#tab.save(interviews, current);
      this.#tabHolds = true;
      return { ok: false, keeping: this.#keeping, message: isFull(error) ? FULL : REFUSED };
    }
    if (change) this.#held.wrote(change);
    if (this.#tabHolds) {
      // The database has all of it again: the tab's copy, now behind, must not win at a reload.
      this.#tab.remove();
      this.#tabHolds = false;
    }
    return { ok: true, keeping: this.#keeping, message: "" };
  }

  /** @returns {Promise<Outcome>} */
  async #removeDatabase() {
    this.#kept?.close();
    this.#kept = null;
    this.#held.clear();
    if (!this.#database) return { ok: true, keeping: "unavailable", message: "" };
    try {
      const how = await this.#database.remove();
      this.#keeping = "off";
      return { ok: true, keeping: "off", message: how === "blocked" ? BLOCKED : "" };
    } catch {
      this.#keeping = "unavailable";
      return { ok: false, keeping: "unavailable", message: NOT_DELETED };
    }
  }

  /**
   * Ask navigator.storage: "persisted" (is the site's storage kept for good?) or
   * "persist" (please keep it: the browser decides alone, or asks the person).
   * @param {"persisted" | "persist"} question
   * @returns {Promise<boolean | null>} null where the browser cannot say.
   */
  async #ask(question) {
    try {
      const answer = await this.#persistence?.[question]?.();
      return typeof answer === "boolean" ? answer : null;
    } catch {
      return null;
    }
  }
}
