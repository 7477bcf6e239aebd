// The person's interviews on this page: which one is in the form, switching,
// adding, archiving, deleting (with an undo), ticking steps done, and saving
// every change where the person chose (keeping.js: this device, or this tab).
//
// The form holds the current interview's fields; the list in the page's state
// holds every interview, the current one included. An edit of the form comes
// back here as a new `details` in the state and replaces the current entry of
// the list; a tick changes the list, and the form's details are read again so
// that the plan follows.

import {
  hasContent, labelOf, newId, nextRound, removeFrom, replaceIn, restoreInto, setArchived, setNote, tick,
  untick,
} from "./interviews.js";
import { debounce } from "./scheduling.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./state.js").Interview} Interview */
/** @typedef {import("./state.js").PageContext} PageContext */
/** @typedef {import("./keeping.js").Keeper} Keeper */

/** Saves wait for typing to pause this long, and never longer (pagehide flushes them). */
const SAVE_DELAY_MS = 250;

export class Tracker {
  /** True once what was kept has been read (see started()). */
  ready = false;

  /**
   * @param {object} options
   * @param {PageContext} options.page
   * @param {Keeper} options.keeper
   * @param {(text: string, action?: import("./tracker-bar.js").MessageAction) => void} options.say
   *   The tracker's message line, with an optional button (an undo).
   */
  constructor({ page, keeper, say }) {
    this.page = page;
    this.keeper = keeper;
    this.say = say;
    this.saveSoon = debounce(() => { void this.saveNow(); }, SAVE_DELAY_MS);
    const { state } = page;
    state.subscribe((now, before) => {
      // An edit of the form (or a fill) replaces the current interview in the list.
      if (now.details !== before.details && now.current && now.details.id === now.current) {
        const edited = /** @type {Interview} */ ({ ...now.details });
        delete edited.today;
        state.set({ interviews: replaceIn(now.interviews, edited) });
      }
      if (now.interviews !== before.interviews || now.current !== before.current
          || now.example !== before.example) this.saveSoon();
    });
    // Nothing waits when the tab goes away: the last keystroke is kept too.
    window.addEventListener("pagehide", () => { this.saveSoon.cancel(); void this.saveNow(); });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") { this.saveSoon.cancel(); void this.saveNow(); }
    });
  }

  /** The interview in the form, or null. */
  current() {
    const { interviews, current } = this.page.state.get();
    return interviews.find((interview) => interview.id === current) || null;
  }

  /**
   * The interview with this id, or null.
   * @param {string} id
   */
  find(id) {
    return this.page.state.get().interviews.find((interview) => interview.id === id) || null;
  }

  /** What is saved: every interview of the person's own (not the untouched example). */
  keepable() {
    const { interviews, current, example } = this.page.state.get();
    // Something typed or ticked (hasContent counts ticks too), and not the untouched example.
    return interviews.filter((interview) => hasContent(interview)
      && !(example && interview.id === current));
  }

  /**
   * What was kept is read: from now on every change is saved. (A save before that
   * would write an empty list over what is kept.)
   */
  started() {
    this.ready = true;
    this.saveSoon();
  }

  /** Save now, where the person chose; say so if it failed (the session goes on). */
  async saveNow() {
    if (!this.ready) return;
    const { current } = this.page.state.get();
    const result = await this.keeper.save(this.keepable(), current);
    if (!result.ok && result.message) this.say(result.message);
  }

  /**
   * Show one interview: its details in the form, then its checklist (scrolled to one
   * step, when `key` is given). With `show` false the view stays as it is (Today).
   * @param {string} id
   * @param {string} [key]
   * @param {{show?: boolean, example?: boolean}} [options] `example`: the interview holds
   *   the example, not the person's own details.
   */
  async open(id, key, { show = true, example = false } = {}) {
    const interview = this.find(id);
    if (!interview) return;
    const { state } = this.page;
    const { current, interviews, view } = state.get();
    const same = current === id;
    // An example left untouched is nobody's: it goes when another interview opens.
    const left = state.get().example && !same ? interviews.filter((entry) => entry.id !== current) : interviews;
    // The checklist on screen belongs to the interview being left.
    state.set({ interviews: left, current: id, view: show ? "interview" : view, planned: null });
    await this.page.fill(interview, { example: example || (same && state.get().example) });
    if (!show) return;
    const item = key ? document.querySelector(`#planner-result [data-key="${CSS.escape(key)}"]`) : null;
    if (item instanceof HTMLElement) {
      item.scrollIntoView({ behavior: "instant", block: "start" });
      item.querySelector("input")?.focus({ preventScroll: true });
    } else if (view !== "interview") {
      // From Today: the view changed under the person; the form's heading says where they are.
      // (In the interview view focus stays put: the switcher is arrowed through.)
      document.getElementById("planner-form-heading")?.focus({ preventScroll: true });
    }
  }

  /**
   * Put another list in place of the interviews (a restored backup); the current
   * one stays if it is still there.
   * @param {Interview[]} interviews
   */
  async replaceAll(interviews) {
    const { state } = this.page;
    const { current } = state.get();
    state.set({ interviews });
    // The form takes the restored version (of the same interview, or of the first):
    // what it showed before would otherwise be written back over it.
    const next = interviews.find((entry) => entry.id === current) || interviews[0];
    if (next) await this.open(next.id, undefined, { show: false });
    else await this.add({}, { show: false });
  }

  /** Show the agenda of every interview. */
  showToday() {
    this.page.state.set({ view: "today" });
  }

  /**
   * Make what the form holds now an interview of the list, and the current one: at
   * start, the person may have typed before the kept interviews were read.
   */
  adoptForm() {
    const { state } = this.page;
    const interview = /** @type {Interview} */ ({ ...state.get().details, id: newId() });
    delete interview.today;
    state.set({ interviews: [...state.get().interviews, interview], current: interview.id });
    this.page.details(); // the form's details now carry the id
    return interview;
  }

  /**
   * Start a new interview (empty, or pre-filled) and show it.
   * @param {Details} [details]
   * @param {{example?: boolean, show?: boolean}} [options] `example`: the details are the
   *   example, not the person's own; `show` false keeps the view as it is.
   */
  async add(details = {}, { example = false, show = true } = {}) {
    const interview = /** @type {Interview} */ ({ ...details, id: newId() });
    const { state } = this.page;
    state.set({ interviews: [...state.get().interviews, interview] });
    await this.open(interview.id, undefined, { show, example });
    return interview;
  }

  /**
   * Put details in the form: into the current interview when it is still empty,
   * else as a new interview, so that nothing the person typed is replaced.
   * @param {Details} details
   * @param {{example?: boolean}} [options]
   * @returns {Promise<boolean>} true when a new interview was started for them.
   */
  async fillOrAdd(details, { example = false } = {}) {
    const current = this.current();
    if (current && !hasContent(current)) {
      const { id: _id, ...rest } = details;
      await this.page.fill(rest, { example });
      return false;
    }
    const { id: _id, ...rest } = details;
    await this.add(rest, { example });
    return true;
  }

  /**
   * Start the plan of the next round of an interview, pre-filled from it.
   * @param {string} id
   */
  async startNextRound(id) {
    const interview = this.find(id);
    if (!interview) return;
    const next = nextRound(interview, newId());
    const { state } = this.page;
    state.set({ interviews: [...state.get().interviews, next] });
    await this.open(next.id);
    this.say(`A plan for round ${next.interview_round} is started: add the new interview date.`);
  }

  /**
   * Change one interview (not through the form); the current one is read again.
   * @param {string} id
   * @param {(interview: Interview) => Interview} change
   */
  change(id, change) {
    const interview = this.find(id);
    if (!interview) return;
    const { state } = this.page;
    state.set({ interviews: replaceIn(state.get().interviews, change(interview)) });
    if (id === state.get().current) this.page.details();
  }

  /**
   * Mark a step done on a day, with an optional note.
   * @param {string} id
   * @param {string} key
   * @param {string} day YYYY-MM-DD
   * @param {string} [note]
   */
  tick(id, key, day, note) {
    this.change(id, (interview) => tick(interview, key, day, note));
  }

  /**
   * @param {string} id
   * @param {string} key
   */
  untick(id, key) {
    this.change(id, (interview) => untick(interview, key));
  }

  /**
   * @param {string} id
   * @param {string} key
   * @param {string} note
   */
  note(id, key, note) {
    this.change(id, (interview) => setNote(interview, key, note));
  }

  /**
   * Archive an interview whose outcome is known (or bring it back).
   * @param {string} id
   * @param {boolean} archived
   */
  archive(id, archived) {
    const interview = this.find(id);
    if (!interview) return;
    this.change(id, (entry) => setArchived(entry, archived));
    this.say(archived
      ? `“${labelOf(interview)}” is archived: it stays in your record, out of today's list.`
      : `“${labelOf(interview)}” is back in today's list.`);
  }

  /**
   * Delete an interview; `undo` brings it back until the next deletion.
   * @param {string} id
   */
  remove(id) {
    const { state } = this.page;
    const { interviews, current } = state.get();
    const { list, removed } = removeFrom(interviews, id);
    if (!removed) return;
    state.set({ interviews: list });
    const name = labelOf(removed.interview);
    this.say(`“${name}” is deleted.`, {
      label: "Undo",
      focus: true,
      run: () => {
        state.set({ interviews: restoreInto(state.get().interviews, removed) });
        this.say(`“${name}” is back.`);
        // The Undo button hides: focus goes to the interview that came back, where it is listed.
        const back = document.querySelector(`[data-focus-id="open:${CSS.escape(id)}"]`);
        if (back instanceof HTMLElement) back.focus({ preventScroll: true });
      },
    });
    if (id === current) {
      // The form takes another interview, or a new empty one; the view stays.
      const rest = list.filter((interview) => !interview.archived);
      const show = state.get().view === "interview";
      if (rest.length) void this.open(rest[0].id, undefined, { show });
      else void this.add({}, { show });
    }
  }
}
