// What the person does on the checklist of one of their interviews: tick a step
// (and see which days moved because of it), say what they heard at a check-in,
// start the next round's plan, and read the interview's history, which follows
// the notes as they are typed (a note plans nothing again).

import { setUpChecklist } from "./checklist.js";
import { historySection } from "./history.js";
import { movedDays } from "./ticking.js";

/** @typedef {import("./state.js").PageContext} PageContext */
/** @typedef {import("./state.js").Planned} Planned */
/** @typedef {import("./tracker.js").Tracker} Tracker */
/** @typedef {import("./guide-links.js").Guide} Guide */
/** @typedef {import("./protocol.js").PlanItem} PlanItem */
/** @typedef {Pick<import("./checklist-item.js").ItemView, "ticking" | "heard" | "nextRound" | "kept">} Actions */

/** A checklist that is not one of the person's interviews: nothing to tick. */
const NONE = /** @type {Actions} */ ({ ticking: null, heard: null, nextRound: null, kept: null });

/**
 * Show the state's checklist in `result`, with the person's actions on it.
 * @param {HTMLElement} result
 * @param {PageContext} page
 * @param {object} options
 * @param {Guide} options.guide
 * @param {Tracker} options.tracker
 * @param {(text: string) => void} options.say The tracker's message line.
 */
export function setUpChecklistActions(result, page, { guide, tracker, say }) {
  const { state } = page;
  /** @type {Map<string, {items: PlanItem[], done: string}>} The last plan of each interview. */
  const lastPlans = new Map();
  /** @type {string | null} The check-in ticked last: its "What did they say?" opens. */
  let lastTicked = null;
  let heardBack = false; // what they said was just put in the plan

  /**
   * @param {Planned} planned
   * @returns {Actions}
   */
  function forPlan(planned) {
    const id = typeof planned.details.id === "string" ? planned.details.id : null;
    const interview = id ? tracker.find(id) : null;
    if (!id || !interview) return NONE;
    // The days that moved because of what happened (a tick, what they said), not
    // because the person is editing the details.
    const done = JSON.stringify(planned.details.done || []);
    const last = lastPlans.get(id);
    const moved = last && (last.done !== done || heardBack)
      ? movedDays(last.items, planned.plan.items) : new Map();
    lastPlans.set(id, { items: planned.plan.items, done });
    heardBack = false;
    const opened = lastTicked;
    lastTicked = null;
    return {
      ticking: {
        // Read at each tick: a page left open overnight ticks on the new day.
        get today() { return page.today(); },
        earliest: typeof interview.interview_date === "string" ? interview.interview_date : null,
        tick(key, day) {
          if (key.startsWith("CHECKIN-")) lastTicked = key;
          tracker.tick(id, key, day);
        },
        untick: (key) => tracker.untick(id, key),
        moved,
      },
      heard: {
        details: interview,
        request: page.request,
        note: (key, text) => tracker.note(id, key, text),
        apply: (changes) => {
          heardBack = true;
          void page.fill({ ...state.get().details, ...changes });
        },
        say,
        opened,
      },
      nextRound: () => { void tracker.startNextRound(id); },
      kept: interview,
    };
  }

  setUpChecklist(result, state, guide, { forPlan });
  // A note typed beside a tick re-plans nothing: the history under the checklist follows it.
  state.subscribe((now, before) => {
    if (now.interviews === before.interviews || !now.planned) return;
    const interview = tracker.current();
    const shown = result.querySelector(".planner-history");
    if (interview && shown) shown.replaceWith(historySection(now.planned.plan, interview));
  });
}
