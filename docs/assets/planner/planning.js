// Asking Python for the checklist of the details in the form.
//
// The first plan comes from a submit (or from the page filling the form);
// after that every change of the details re-plans once typing pauses
// (LIVE_DELAY_MS). An edit fires both `input` and `change`: a request equal to
// the last one sent is not sent again. Answers can arrive out of order (Python
// answers in turn, but a restarted worker replays): only the newest request's
// answer is shown. A plan that worked goes into the page's state; the page is
// told of problems through `view`.
// No DOM: tests/js/planning.test.js drives it with a fake Python.

import { isRefusal } from "./protocol.js";
import { Latest, debounce } from "./scheduling.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./protocol.js").Problem} Problem */
/** @typedef {import("./protocol.js").Requester} Requester */
/** @typedef {import("./state.js").PageState} PageState */
/** @typedef {import("./state.js").Store<PageState>} PageStore */

export const LIVE_DELAY_MS = 400;

/**
 * What planning tells the page. `focus` is true for a submit: the person
 * asked, so the focus may move to what needs them.
 * @typedef {object} PlanningView
 * @property {(text: string) => void} status A line for the status area.
 * @property {(problems: Problem[], options: {focus: boolean}) => void} refused
 *   The request itself was refused (not the details): show why.
 * @property {(problems: Problem[], options: {focus: boolean}) => void} invalid
 *   The details have problems; the checklist on screen (if any) is out of date.
 * @property {(options: {submitted: boolean}) => void} planned
 *   A new checklist is in the state (problems, if any, are gone).
 */

export class Planning {
  /** true once a plan was asked for: from then on, every change re-plans. */
  live = false;
  /** @type {string | null} JSON of the newest request sent, so the same is not sent twice. */
  #lastSent = null;
  /** @type {{submitted: boolean} | null} The newest request, to ask again after a retry. */
  #lastAsk = null;
  #latest = new Latest();

  /**
   * @param {object} options
   * @param {PageStore} options.state
   * @param {Requester} options.request
   * @param {() => Details} options.details Read the details as they are now (the form).
   * @param {() => string} options.today The local day, YYYY-MM-DD.
   * @param {() => boolean} options.isReady Is Python ready to answer at once?
   * @param {PlanningView} options.view
   * @param {number} [options.delayMs]
   */
  constructor({ state, request, details, today, isReady, view, delayMs = LIVE_DELAY_MS }) {
    this.state = state;
    this.details = details;
    this.request = request;
    this.today = today;
    this.isReady = isReady;
    this.view = view;
    this.replan = debounce(() => { void this.run({ submitted: false }); }, delayMs);
    state.subscribe((now, before) => {
      if (this.live && now.details !== before.details) this.replan();
    });
  }

  /** The person asked for their plan (the form's submit button). */
  submit() {
    this.live = true;
    this.replan.cancel();
    return this.run({ submitted: true });
  }

  /** Plan the details now, without waiting for a pause (the page filled the form). */
  now() {
    this.live = true;
    this.replan.cancel();
    return this.run({ submitted: false });
  }

  /**
   * Forget the checklist: another interview, not yet planned, is in the form. Nothing
   * re-plans until the person asks (a submit), and an answer still on its way is dropped.
   */
  reset() {
    this.live = false;
    this.replan.cancel();
    this.#lastSent = null;
    this.#lastAsk = null;
    this.#latest.next();
    this.state.set({ planned: null });
  }

  /** Ask again for the newest plan asked for, if any (after "Try again"). */
  retry() {
    return this.#lastAsk ? this.run(this.#lastAsk) : Promise.resolve();
  }

  /**
   * Ask for a plan of the details as they are now; show the answer if it is still the newest.
   * @param {{submitted: boolean}} ask
   */
  async run({ submitted }) {
    const input = this.details();
    const today = this.today();
    const sent = JSON.stringify({ input, today });
    if (!submitted && sent === this.#lastSent) return;
    this.#lastSent = sent;
    this.#lastAsk = { submitted };
    const mine = this.#latest.next();
    if (!this.isReady()) this.view.status("Your plan will appear as soon as the planner is ready…");
    let answer;
    try {
      answer = await this.request("plan", { input, today });
    } catch {
      // The page has explained it (the connection's onFatal); "Try again" asks again.
      if (this.#latest.is(mine)) this.#lastSent = null;
      return;
    }
    if (!this.#latest.is(mine)) return;
    if (!answer.ok) {
      this.view.refused([{ field: "", message: answer.error.message }], { focus: submitted });
      return;
    }
    if (isRefusal(answer.result)) {
      this.view.invalid(answer.result.errors, { focus: submitted });
      return;
    }
    this.state.set({ planned: { plan: answer.result, details: input, today } });
    this.view.planned({ submitted });
  }
}
