// The checklist: the engine's warnings, a one-line summary, what to do at the
// interview, then each day with its items (checklist-item.js), and the
// guidance that holds whatever the date. It shows the plan in the page's state
// and follows it: a new plan replaces the old one, keeping open what the
// person had opened.

import { formatDay, relativeDay, shortDay } from "./dates.js";
import { el, find, focusedControl, refocus } from "./dom.js";
import { guideLink } from "./guide-links.js";
import { renderItem } from "./checklist-item.js";
import { historySection } from "./history.js";

/** @typedef {import("./protocol.js").Draft} Draft */
/** @typedef {import("./protocol.js").Plan} Plan */
/** @typedef {import("./protocol.js").PlanItem} PlanItem */
/** @typedef {import("./state.js").Planned} Planned */
/** @typedef {import("./state.js").PageState} PageState */
/** @typedef {import("./guide-links.js").Guide} Guide */

/**
 * Items done in the interview room (keys AT-*): past once the interview has begun.
 * @param {PlanItem} item
 */
const atInterview = (item) => item.key.startsWith("AT-");

/**
 * The items by the day they are listed under, days in order: an overdue step is
 * listed under today, where it is to be done; any other under its due day.
 * @param {PlanItem[]} items
 * @param {string} today
 */
export function groupByDay(items, today) {
  /** @type {Map<string, PlanItem[]>} */
  const days = new Map();
  for (const item of items) {
    const key = item.overdue ? today : item.due;
    days.set(key, [...(days.get(key) || []), item]);
  }
  return [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The checklist in one sentence: how many steps, over which days, how many
 * overdue, and what comes next.
 * @param {PlanItem[]} items
 * @param {string} today
 * @param {unknown} interviewDate
 */
export function summary(items, today, interviewDate) {
  if (!items.length) return "Nothing to do: no steps are left for this interview.";
  const overdue = items.filter((item) => item.overdue).length;
  const done = items.filter((item) => item.done).length;
  const first = items[0].due;
  const last = items[items.length - 1].due;
  const span = first === last ? `on ${shortDay(first)}` : `from ${shortDay(first)} to ${shortDay(last)}`;
  const late = overdue ? ` ${overdue} ${overdue === 1 ? "is" : "are"} overdue: to do today.` : "";
  const ticked = done ? ` ${done} done.` : "";
  // Once the interview has happened (or is today), the room is no longer "next".
  const begun = typeof interviewDate === "string" && interviewDate <= today;
  const upcoming = items.find((item) => !item.overdue && !item.done && item.due >= today
    && !(begun && atInterview(item)));
  const next = upcoming ? ` Next: ${upcoming.title} (${relativeDay(upcoming.due, today)}).` : "";
  return `${items.length} ${items.length === 1 ? "step" : "steps"} ${span}.${ticked}${late}${next}`;
}

/** @param {Plan} plan */
function warnings(plan) {
  if (!plan.warnings || !plan.warnings.length) return null;
  return el("div", { class: "planner-warnings", role: "note", "aria-labelledby": "planner-warnings-title" }, [
    el("p", { id: "planner-warnings-title", class: "planner-warnings-title" }, "Please note"),
    el("ul", {}, plan.warnings.map((warning) => el("li", {}, warning.message))),
  ]);
}

/**
 * @param {Plan} plan
 * @param {Guide} guide
 */
function guidance(plan, guide) {
  const links = (plan.guidance || []).map((id) => guideLink(guide, id, "")).filter((link) => link !== null);
  if (!links.length) return null;
  return el("section", { class: "planner-guidance", "aria-labelledby": "planner-guidance-title" }, [
    el("h3", { id: "planner-guidance-title" }, "Keep in mind, whatever the date"),
    el("ul", {}, links.map((link) => el("li", {}, link))),
  ]);
}

/**
 * Which disclosure this is: its item's key and its kind (steps, or which draft).
 * @param {HTMLElement} details
 */
function disclosureKey(details) {
  const item = details.closest(".planner-item");
  return item instanceof HTMLElement ? `${item.dataset.key}\n${details.dataset.kind}` : null;
}

/**
 * Note which steps and drafts are open (and which one has focus), so that a
 * re-plan made while the person reads or types does not snap them shut.
 * @param {HTMLElement} container
 */
function rememberDisclosures(container) {
  const open = new Set([...container.querySelectorAll("details[data-kind][open]")]
    .map((details) => disclosureKey(/** @type {HTMLElement} */ (details))));
  const active = document.activeElement;
  const focused = active && container.contains(active) && active.tagName === "SUMMARY" && active.parentElement
    ? disclosureKey(active.parentElement) : null;
  return { open, focused };
}

/**
 * @param {HTMLElement} container
 * @param {{open: Set<string | null>, focused: string | null}} remembered
 */
function restoreDisclosures(container, { open, focused }) {
  for (const details of container.querySelectorAll("details[data-kind]")) {
    if (!(details instanceof HTMLDetailsElement)) continue;
    const key = disclosureKey(details);
    if (open.has(key)) details.open = true;
    if (key === focused) find(details, "summary", HTMLElement).focus({ preventScroll: true });
  }
}

/**
 * How the person acts on the checklist: tick steps, say what was heard, start a next round.
 * @typedef {object} ChecklistActions
 * @property {(planned: Planned) => Pick<import("./checklist-item.js").ItemView, "ticking" | "heard" | "nextRound" | "kept">} forPlan
 */

/**
 * Replace the container's content with the plan, keeping open disclosures open
 * and the focus where it was.
 * @param {HTMLElement} container
 * @param {Planned} planned
 * @param {Guide} guide
 * @param {Pick<import("./checklist-item.js").ItemView, "ticking" | "heard" | "nextRound" | "kept">} [actions]
 */
export function renderPlan(container, planned, guide,
  actions = { ticking: null, heard: null, nextRound: null, kept: null }) {
  const { plan, details: input, today } = planned;
  const disclosures = rememberDisclosures(container);
  const focusId = focusedControl(container);
  /** @type {Map<string, Draft[]>} */
  const draftsFor = new Map();
  for (const draft of plan.drafts || []) {
    draftsFor.set(draft.item, [...(draftsFor.get(draft.item) || []), draft]);
  }
  /** @param {PlanItem & {atInterview?: boolean}} item */
  const render = (item) => renderItem(item, draftsFor.get(item.key) || [], { input, guide, today, ...actions });
  // What is done at the interview goes under its own heading, not as a day's to-do.
  const begun = typeof input.interview_date === "string" && input.interview_date <= today;
  const inRoom = plan.items.filter(atInterview).map((item) => ({ ...item, atInterview: begun }));
  const days = [];
  if (inRoom.length) {
    const when = inRoom[0].due;
    days.push(el("section", { class: "planner-at-interview", "aria-labelledby": "planner-at-interview" }, [
      el("h3", { id: "planner-at-interview" }, [
        "At the interview",
        el("span", { class: "planner-relative" }, begun
          ? " (if you're still in the room, or to note for next time)"
          : ` (${formatDay(when)}, ${relativeDay(when, today)})`),
      ]),
      el("ul", { class: "planner-items" }, inRoom.map(render)),
    ]));
  }
  for (const [day, items] of groupByDay(plan.items.filter((item) => !atInterview(item)), today)) {
    const headingId = `planner-day-${day}`;
    days.push(el("section", { class: "planner-day", "data-day": day, "aria-labelledby": headingId }, [
      el("h3", { id: headingId }, [
        formatDay(day),
        el("span", { class: "planner-relative" }, ` (${relativeDay(day, today)})`),
      ]),
      el("ul", { class: "planner-items" }, items.map(render)),
    ]));
  }
  container.replaceChildren(...[
    el("p", { id: "planner-stale", class: "planner-stale", hidden: true },
      "This checklist is from before your last change: fix the highlighted detail to update it."),
    warnings(plan),
    el("h2", { id: "checklist-heading", tabindex: "-1" }, "Your follow-up checklist"),
    el("p", { class: "planner-summary" }, summary(plan.items, today, input.interview_date)),
    plan.items.length ? el("p", { class: "planner-holidays" }, [
      "Dates skip weekends but not public holidays: if one lands on a holiday where you live, "
      + "do it the next working day. ",
      el("a", { href: "../guide/not-covered/#weekends" }, "More about dates"),
    ]) : null,
    ...days,
    actions.kept ? historySection(plan, actions.kept) : null,
    guidance(plan, guide),
  ].filter((node) => node !== null));
  restoreDisclosures(container, disclosures);
  refocus(container, focusId);
}

/**
 * Mark the shown checklist as out of date (the latest change has a problem), or not.
 * @param {HTMLElement} container
 * @param {boolean} stale
 */
export function markStale(container, stale) {
  container.classList.toggle("planner-result--stale", stale);
  const note = container.querySelector("#planner-stale");
  if (note instanceof HTMLElement) note.hidden = !stale;
}

/**
 * After a submit: focus the checklist's heading and bring it into view (on a
 * phone it is below the form).
 * @param {HTMLElement} container
 */
export function focusChecklist(container) {
  const heading = find(container, "#checklist-heading", HTMLElement);
  heading.focus({ preventScroll: true });
  // An instant jump, never an animation: nothing moves for people who asked for
  // reduced motion, and keyboard users can go on at once (a smooth scroll still
  // running swallowed their next keys in testing).
  heading.scrollIntoView({ behavior: "instant", block: "start" });
}

/**
 * Show the state's checklist in `container`, and every new one as it comes.
 * @param {HTMLElement} container
 * @param {import("./state.js").Store<PageState>} state
 * @param {Guide} guide
 * @param {ChecklistActions} [actions]
 */
export function setUpChecklist(container, state, guide, actions) {
  state.subscribe((now, before) => {
    if (now.planned === before.planned) return;
    if (!now.planned) {
      container.replaceChildren(); // another interview, not planned yet
      return;
    }
    renderPlan(container, now.planned, guide, actions?.forPlan(now.planned));
    markStale(container, false);
  });
}
