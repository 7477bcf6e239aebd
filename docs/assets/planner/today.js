// "Today": what to do across every interview the person keeps, from the
// engine's agenda (spec §14): what is overdue (at most one check-in per
// interview, the one to make today), what is due today, and the next 7 days.
// Each line names its interview and opens it; a step can be marked done here.
// Below it, every interview with its next step, and the archived ones.

import { formatDay, nearDay, relativeDay, shortDay } from "./dates.js";
import { el, focusedControl, refocus } from "./dom.js";
import { labelOf } from "./interviews.js";
import { Latest } from "./scheduling.js";

/** @typedef {import("./protocol.js").AgendaItem} AgendaItem */
/** @typedef {import("./protocol.js").Agenda} Agenda */
/** @typedef {import("./state.js").Interview} Interview */
/** @typedef {import("./state.js").PageContext} PageContext */
/** @typedef {import("./tracker.js").Tracker} Tracker */

/** How many days ahead the agenda looks. */
export const AGENDA_DAYS = 7;

/** @type {Record<string, string>} */
const HOW = { email: "by email", phone: "by phone", post: "by post", reply: "as a reply" };

/**
 * The agenda's lines in three groups: overdue, due today, and the days ahead.
 * @param {AgendaItem[]} items
 * @param {string} today
 */
export function groupAgenda(items, today) {
  const overdue = items.filter((item) => item.overdue);
  const now = items.filter((item) => !item.overdue && item.due <= today);
  /** @type {Map<string, AgendaItem[]>} */
  const ahead = new Map();
  for (const item of items) {
    if (item.overdue || item.due <= today) continue;
    ahead.set(item.due, [...(ahead.get(item.due) || []), item]);
  }
  return { overdue, now, ahead };
}

/**
 * @param {object} options
 * @param {AgendaItem} options.item
 * @param {Interview} options.interview
 * @param {string} options.today
 * @param {Tracker} options.tracker
 */
function agendaLine({ item, interview, today, tracker }) {
  const line = `${interview.id}:${item.key}`;
  const open = el("button", { type: "button", class: "planner-link-button planner-agenda-open",
    "data-focus-id": `open:${line}` }, labelOf(interview));
  open.addEventListener("click", () => { void tracker.open(interview.id, item.key); });
  const done = el("button", { type: "button", class: "md-button planner-agenda-done",
    "data-focus-id": `done:${line}` }, "Mark done");
  done.setAttribute("aria-label", `Mark done: ${item.title} (${labelOf(interview)})`);
  done.addEventListener("click", () => {
    // The day it is now: the list may have been made yesterday.
    tracker.tick(interview.id, item.key, tracker.page.today());
    tracker.say(`Marked done today: ${item.title}. Open “${labelOf(interview)}” to change the day or add a note.`);
  });
  const when = item.overdue
    ? `Overdue since ${shortDay(item.latest || item.due)}: do it today`
    : item.latest && item.latest !== item.due ? `${nearDay(item.due, today)}, ${nearDay(item.latest, today)} at the latest`
      : "";
  const how = [item.recipient ? `To ${item.recipient}` : "", item.channel ? HOW[item.channel] || "" : ""]
    .filter(Boolean).join(" ");
  return el("li", { class: `planner-agenda-item${item.overdue ? " planner-agenda-item--overdue" : ""}`,
    "data-key": item.key, "data-interview": interview.id }, [
    el("p", { class: "planner-agenda-title" }, item.title),
    el("p", { class: "planner-agenda-meta" }, [
      open,
      how ? el("span", {}, ` · ${how}`) : null,
      when ? el("span", { class: "planner-agenda-when" }, ` · ${when}`) : null,
    ]),
    done,
  ]);
}

/**
 * A titled group of lines, or nothing when it is empty.
 * @param {string} id
 * @param {string} title
 * @param {HTMLElement[]} lines
 * @param {string} [level]
 */
function group(id, title, lines, level = "h3") {
  if (!lines.length) return null;
  return el("section", { class: "planner-agenda-group", "aria-labelledby": id }, [
    el(/** @type {"h3" | "h4"} */ (level), { id }, title),
    el("ul", { class: "planner-agenda-list" }, lines),
  ]);
}

/**
 * The agenda, or a sentence when there is nothing to do.
 * @param {Agenda} agenda
 * @param {Interview[]} sent The interviews in the order they were sent.
 * @param {Tracker} tracker
 */
export function renderAgenda(agenda, sent, tracker) {
  const { today } = agenda;
  /** @param {AgendaItem} item */
  const line = (item) => agendaLine({ item, interview: sent[item.interview], today, tracker });
  const { overdue, now, ahead } = groupAgenda(agenda.items, today);
  const days = [...ahead].map(([day, items]) => group(`planner-agenda-${day}`,
    `${formatDay(day)} (${relativeDay(day, today)})`, items.map(line), "h4"));
  const fix = agenda.errors.map(({ interview }) => {
    const entry = sent[interview];
    const open = el("button", { type: "button", class: "planner-link-button" }, labelOf(entry));
    open.addEventListener("click", () => { void tracker.open(entry.id); });
    return el("li", {}, [open, " has details to fix before it can be planned."]);
  });
  const nothing = !agenda.items.length
    ? el("p", { class: "planner-agenda-empty" },
      `Nothing is overdue or due in the next ${AGENDA_DAYS} days. Enjoy the quiet.`)
    : null;
  return [
    nothing,
    group("planner-agenda-overdue", "Overdue: do these today", overdue.map(line)),
    group("planner-agenda-now", "Due today", now.map(line)),
    days.some(Boolean) ? el("section", { class: "planner-agenda-ahead", "aria-labelledby": "planner-agenda-ahead" }, [
      el("h3", { id: "planner-agenda-ahead" }, `The next ${AGENDA_DAYS} days`),
      ...days,
    ]) : null,
    fix.length ? el("section", { class: "planner-agenda-group", "aria-labelledby": "planner-agenda-fix" }, [
      el("h3", { id: "planner-agenda-fix" }, "To fix"),
      el("ul", {}, fix),
    ]) : null,
  ].filter((node) => node !== null);
}

/**
 * Show the agenda in `area` whenever the today view is on screen and the interviews change.
 * @param {HTMLElement} area
 * @param {PageContext} page
 * @param {Tracker} tracker
 */
export function setUpToday(area, page, tracker) {
  const latest = new Latest();
  // Only the one-line summary is announced when the list changes, not every line again.
  const summary = el("p", { class: "planner-agenda-summary", "aria-live": "polite" });
  const body = el("div", { class: "planner-agenda-body" });
  const heading = el("h2", { id: "planner-today-heading", tabindex: "-1" }, "Today");
  area.replaceChildren(heading, summary, body);

  let shownDay = "";
  /** The request behind the list on screen: the same one again is not sent. */
  let shown = "";
  async function refresh() {
    const today = page.today();
    shownDay = today;
    heading.textContent = `Today, ${formatDay(today)}`;
    // The person's own interviews: an empty new one has nothing to list yet.
    const sent = tracker.keepable().filter((interview) => !interview.archived);
    if (!sent.length) {
      summary.textContent = "No interviews yet. Add one to see what to do and when.";
      body.replaceChildren();
      shown = "";
      return;
    }
    const fields = { inputs: sent, today, days: AGENDA_DAYS };
    const asked = JSON.stringify(fields);
    if (asked === shown) return;
    shown = asked;
    const mine = latest.next();
    let answer;
    try {
      answer = await page.request("agenda", fields);
    } catch {
      if (latest.is(mine)) {
        shown = "";
        summary.textContent = "The planner stopped, so today's list could not be made.";
      }
      return;
    }
    if (!latest.is(mine)) return;
    if (!answer.ok) {
      shown = "";
      summary.textContent = answer.error.message;
      return;
    }
    const agenda = answer.result;
    const overdue = agenda.items.filter((item) => item.overdue).length;
    const due = agenda.items.filter((item) => item.due <= today).length;
    summary.textContent = `${sent.length} ${sent.length === 1 ? "interview" : "interviews"}: `
      + `${due} ${due === 1 ? "step" : "steps"} for today${overdue ? ` (${overdue} overdue)` : ""}, `
      + `${agenda.items.length - due} more in the next ${AGENDA_DAYS} days.`;
    // A line marked done leaves the list: focus goes to the next line's button, or the summary.
    const focusId = focusedControl(body);
    const buttons = [...body.querySelectorAll("[data-focus-id]")];
    const at = buttons.findIndex((node) => node instanceof HTMLElement && node.dataset.focusId === focusId);
    body.replaceChildren(...renderAgenda(agenda, sent, tracker));
    if (focusId && !refocus(body, focusId)) {
      const next = [...body.querySelectorAll(".planner-agenda-done")][Math.floor(at / 2)];
      (next instanceof HTMLElement ? next : heading).focus({ preventScroll: true });
    }
  }

  page.state.subscribe((now, before) => {
    if (now.view !== "today") return;
    if (now.view !== before.view || now.interviews !== before.interviews) void refresh();
  });
  return {
    refresh,
    focus: () => heading.focus(),
    /** The day the list on screen counts from ("" before the first). */
    day: () => shownDay,
  };
}
