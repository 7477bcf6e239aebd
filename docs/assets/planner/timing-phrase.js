// "What did they say about timing?": the engine reads the phrase (parse_timing),
// the page fills the right field when it is empty and says what it understood,
// with a way to change it; a field that already holds another value is only
// replaced once the person confirms.

import { addDays, formatDay } from "./dates.js";
import { byId, el } from "./dom.js";
import { Latest } from "./scheduling.js";

/** @typedef {import("./protocol.js").Requester} Requester */
/** @typedef {import("./protocol.js").TimingReading} TimingReading */
/** @typedef {"decision_date" | "contact_on" | "wait_days"} TimingField */
/** @typedef {TimingReading & {field: TimingField}} FieldReading A reading that names its field. */

/** @type {Record<TimingField, {id: string, what: string, confirm: string, change: string}>} */
const FIELDS = {
  decision_date: { id: "decision-date", what: "the day they expect to decide", confirm: "Use this as the decision date", change: "Change the decision date" },
  contact_on: { id: "contact-on", what: "the day they asked you to contact them", confirm: "Use this as the day to contact them", change: "Change the day to contact them" },
  wait_days: { id: "wait-days", what: "how long they asked you to wait", confirm: "Use this wait", change: "Change the wait" },
};

/**
 * What the reading means, in words, with its date said once.
 * @param {FieldReading} reading
 * @param {string} interviewDate
 */
function meaning(reading, interviewDate) {
  // The engine's own explanation repeats the date in two formats: keep only its note.
  const note = /\), ([^.]+)\.$/.exec(reading.explanation || "");
  const extra = note ? ` (${note[1]})` : "";
  if (reading.field === "wait_days") {
    const until = addDays(interviewDate, Number(reading.value));
    return `A wait of ${reading.value} days: no follow-up before ${formatDay(until)}${extra}.`;
  }
  const label = reading.field === "contact_on" ? "Contact them on" : "A decision by";
  return `${label} ${formatDay(String(reading.value))}${extra}.`;
}

/**
 * Wire the helper. `request` sends a parse_timing request; `changed` is called
 * after a reading fills a field.
 * @param {HTMLFormElement} form
 * @param {{request: Requester, changed: () => void}} options
 */
export function setUpTimingPhrase(form, { request, changed }) {
  const phrase = byId("timing-phrase", HTMLInputElement, form);
  const readButton = byId("timing-read", HTMLButtonElement, form);
  const answer = byId("timing-answer", HTMLElement, form);
  const interviewDate = byId("interview-date", HTMLInputElement, form);
  const latest = new Latest();

  /** @param {FieldReading} reading */
  function controlFor(reading) {
    return byId(FIELDS[reading.field].id, HTMLInputElement, form);
  }

  /**
   * Open the field's section and put the focus on it, so it can be corrected at once.
   * @param {HTMLInputElement} control
   */
  function reveal(control) {
    const details = control.closest("details");
    if (details) details.open = true;
    control.focus();
  }

  /**
   * @param {FieldReading} reading
   * @param {HTMLInputElement} control
   */
  function changeButton(reading, control) {
    const button = el("button", { type: "button", class: "planner-button planner-timing-change" }, FIELDS[reading.field].change);
    button.addEventListener("click", () => reveal(control));
    return button;
  }

  /**
   * Fill the field and say what was filled, with a way to change it.
   * @param {FieldReading} reading
   * @param {{focus: boolean}} options
   */
  function fill(reading, { focus }) {
    const control = controlFor(reading);
    control.value = String(reading.value);
    const details = control.closest("details");
    if (details) details.open = true;
    answer.replaceChildren(
      el("p", { class: "planner-timing-meaning" }, `Filled in: ${meaning(reading, interviewDate.value)}`),
      el("p", { class: "planner-timing-actions" }, changeButton(reading, control)),
      el("p", { class: "planner-hint" }, "Not right? Change it, or type another phrase."),
    );
    if (focus) reveal(control);
    changed();
  }

  /** @param {TimingReading} understood */
  function show(understood) {
    if (!understood.understood || !understood.field) {
      const target = understood.ask_user && understood.field ? FIELDS[understood.field] : null;
      answer.replaceChildren(el("p", { class: "planner-timing-unclear" }, [
        understood.explanation,
        target ? " " : null,
        target ? el("a", { href: `#${target.id}` }, `Enter ${target.what} yourself`) : null,
      ]));
      return;
    }
    const reading = /** @type {FieldReading} */ (understood);
    const control = controlFor(reading);
    if (control.value === "" || control.value === String(reading.value)) {
      // Nothing to overwrite: fill it at once (the focus stays where the person is).
      fill(reading, { focus: false });
      return;
    }
    // The field already holds something else: the person decides.
    const button = el("button", { type: "button", class: "planner-button planner-confirm" }, FIELDS[reading.field].confirm);
    button.addEventListener("click", () => fill(reading, { focus: true }));
    answer.replaceChildren(
      el("p", { class: "planner-timing-meaning" }, meaning(reading, interviewDate.value)),
      el("p", { class: "planner-hint" }, `You already entered something else for ${FIELDS[reading.field].what}.`),
      el("p", { class: "planner-timing-actions" }, button),
      el("p", { class: "planner-hint" }, "Not right? Type another phrase, or leave the value below as it is."),
    );
  }

  async function read() {
    const text = phrase.value.trim();
    if (!text) {
      answer.replaceChildren(el("p", {}, 'Type what they said first, for example "in two weeks".'));
      return;
    }
    if (!interviewDate.value) {
      answer.replaceChildren(el("p", { class: "planner-timing-unclear" }, [
        "The planner counts from your interview date: ",
        el("a", { href: "#interview-date" }, "enter the interview date"),
        " first, then read the phrase again.",
      ]));
      return;
    }
    const mine = latest.next();
    answer.replaceChildren(el("p", {}, "Reading it…"));
    const response = await request("parse_timing", { text, interview_date: interviewDate.value });
    if (!latest.is(mine)) return; // a newer phrase was read meanwhile
    if (!response.ok) {
      answer.replaceChildren(el("p", { class: "planner-timing-unclear" }, response.error.message));
      return;
    }
    show(response.result);
  }

  readButton.addEventListener("click", () => read().catch(() => {
    answer.replaceChildren(el("p", { class: "planner-timing-unclear" }, "The planner is not available right now; enter the date yourself below."));
  }));
  // Enter in the phrase box reads the phrase instead of submitting the whole form.
  phrase.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      readButton.click();
    }
  });
}
