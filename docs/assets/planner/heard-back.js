// "What did they say?": after a check-in is ticked, a note kept beside the
// tick, and what the employer said turned into the plan: a new date (read by
// the timing-phrase helper counting from the day of that check-in, not from
// the interview), an agreed update interval, or the outcome, which for another
// round offers to start that round's plan pre-filled.

import { addDays, formatDay } from "./dates.js";
import { el } from "./dom.js";
import { debounce } from "./scheduling.js";

/** @typedef {import("./protocol.js").PlanItem} PlanItem */
/** @typedef {import("./protocol.js").Requester} Requester */
/** @typedef {import("./protocol.js").Details} Details */

const NOTE_DELAY_MS = 400;

/**
 * What the panel may do.
 * @typedef {object} HeardBack
 * @property {Details} details The interview as planned.
 * @property {Requester} request
 * @property {(key: string, note: string) => void} note Keep a note beside a tick.
 * @property {(changes: Details) => void} apply Change fields of the interview (the form follows).
 * @property {(text: string) => void} say Tell the person what changed (the checklist is
 *   made again at once, so the panel itself cannot keep a message).
 * @property {string | null} opened The key of the check-in ticked last: its panel opens.
 */

/**
 * What a timing phrase heard at a check-in changes in the plan.
 * - "We decide by X": the new decision date X (spec §13: the next contact moves to
 *   the first business day after it).
 * - "Call me on X": that call, on X (the engine's own `contact_on`: a step of its own,
 *   and the next check-in at least a week after it).
 * - "Give us N days", counted from the check-in: a floor, as a wait is (spec §4), so
 *   it can only move the decision date later: the later of the one known and the
 *   check-in's day plus N, less one. When that day is not after the interview, the
 *   engine's own `wait_days` says the same.
 * @param {{field: string | null, value: unknown}} reading
 * @param {string} from The day of the check-in.
 * @param {string} interviewDate
 * @param {unknown} [decided] The decision date known until now, if any.
 * @returns {Details | null}
 */
export function fieldsFromReading(reading, from, interviewDate, decided = null) {
  const { field, value } = reading;
  if ((field === "decision_date" || field === "contact_on") && typeof value === "string") return { [field]: value };
  if (field !== "wait_days" || typeof value !== "number") return null;
  const floor = addDays(from, value - 1);
  if (floor <= interviewDate) return { wait_days: value };
  const known = typeof decided === "string" && decided > floor ? decided : null;
  return { decision_date: known || floor };
}

/**
 * @param {string} label
 * @param {() => void} run
 * @param {string} [focusId] The checklist is made again after a click: focus comes back here.
 */
function button(label, run, focusId = "") {
  const node = el("button", { type: "button", class: "md-button planner-small-button",
    ...(focusId ? { "data-focus-id": focusId } : {}) }, label);
  node.addEventListener("click", run);
  return node;
}

/**
 * The panel of one ticked check-in.
 * @param {PlanItem} item A CHECKIN-* item that is done.
 * @param {HeardBack} heard
 */
export function heardBackPanel(item, heard) {
  const day = item.done || "";
  const base = `planner-heard-${item.key}`;
  const saved = Array.isArray(heard.details.done)
    ? heard.details.done.find((entry) => entry && entry.key === item.key) : undefined;
  const note = el("textarea", { id: `${base}-note`, rows: 2, "data-focus-id": `note:${item.key}` });
  note.value = saved && typeof saved.note === "string" ? saved.note : "";
  const keepNote = debounce(() => heard.note(item.key, note.value.trim()), NOTE_DELAY_MS);
  note.addEventListener("input", () => keepNote());
  note.addEventListener("change", () => { keepNote.cancel(); heard.note(item.key, note.value.trim()); });

  const answer = el("p", { class: "planner-heard-answer", role: "status" });
  const phrase = el("input", { type: "text", id: `${base}-phrase`, autocomplete: "off",
    "data-focus-id": `phrase:${item.key}` });
  const read = button("Read it", async () => {
    const text = phrase.value.trim();
    if (!text) return;
    let reply;
    try {
      reply = await heard.request("parse_timing", { text, interview_date: day });
    } catch {
      answer.replaceChildren("The planner stopped, so the phrase could not be read.");
      return;
    }
    const reading = reply.ok ? reply.result : null;
    const interviewDate = String(heard.details.interview_date || day);
    const changes = reading && reading.understood ? fieldsFromReading(reading, day, interviewDate, heard.details.decision_date) : null;
    if (!reading || !changes) {
      answer.replaceChildren(reading ? reading.explanation : "That phrase could not be read.");
      return;
    }
    answer.replaceChildren(`${reading.explanation} `, button("Use it in the plan", () => {
      phrase.focus(); // this button goes with the re-plan: focus comes back to the phrase
      heard.apply(changes);
      heard.say(`${reading.explanation} The plan now counts from what they said.`);
    }));
  }, `read:${item.key}`);
  phrase.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); read.click(); }
  });

  const interval = el("input", { type: "text", inputmode: "numeric", id: `${base}-interval`, size: 4 });
  const agree = button("Use it", () => {
    const days = Number(interval.value.trim());
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      answer.replaceChildren("Give the number of days between updates, from 1 to 365.");
      return;
    }
    heard.apply({ agreed_update_interval_days: days });
    heard.say(`The next follow-ups come every ${days} days, counted from this check-in.`);
  }, `agree:${item.key}`);

  /**
   * @param {string} outcome
   * @param {string} label
   */
  const outcomeButton = (outcome, label) => button(label, () => {
    heard.apply({ outcome, outcome_date: day });
    heard.say(outcome === "next_round"
      ? "Noted: invited to another round. The checklist now offers to start that round's plan."
      : "Noted. The checklist now shows how to reply, and the check-ins that are no longer needed are gone.");
  }, `outcome-${outcome}:${item.key}`);

  return el("details", { class: "planner-heard", "data-kind": "heard", open: heard.opened === item.key }, [
    el("summary", {}, "What did they say?"),
    el("div", { class: "planner-field" }, [
      el("label", { for: note.id }, "A note about this contact (kept beside the tick)"),
      note,
    ]),
    el("div", { class: "planner-field" }, [
      el("label", { for: phrase.id }, `When will they decide, or when should you call? Counted from ${formatDay(day)}`),
      el("div", { class: "planner-inline" }, [phrase, read]),
    ]),
    el("div", { class: "planner-field" }, [
      el("label", { for: interval.id }, "You agreed how often to check in: every so many days"),
      el("div", { class: "planner-inline" }, [interval, agree]),
    ]),
    el("p", { class: "planner-heard-outcomes" }, [
      "Or did they decide? ",
      outcomeButton("offer", "They offered me the job"),
      outcomeButton("rejection", "They said no"),
      outcomeButton("next_round", "Another round"),
    ]),
    answer,
  ]);
}
