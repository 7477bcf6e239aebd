// "What did they say about timing?": the engine reads the phrase (parse_timing),
// the page fills the right field when it is empty and says what it understood,
// with a way to change it; a field that already holds another value is only
// replaced once the person confirms.

import { addDays, el, formatDay } from "./dom.js";

const FIELDS = {
  decision_date: { id: "decision-date", what: "the day they expect to decide", confirm: "Use this as the decision date", change: "Change the decision date" },
  contact_on: { id: "contact-on", what: "the day they asked you to contact them", confirm: "Use this as the day to contact them", change: "Change the day to contact them" },
  wait_days: { id: "wait-days", what: "how long they asked you to wait", confirm: "Use this wait", change: "Change the wait" },
};

/** What the reading means, in words, with its date said once. */
function meaning(reading, interviewDate) {
  // The engine's own explanation repeats the date in two formats: keep only its note.
  const note = /\), ([^.]+)\.$/.exec(reading.explanation || "");
  const extra = note ? ` (${note[1]})` : "";
  if (reading.field === "wait_days") {
    const until = addDays(interviewDate, reading.value);
    return `A wait of ${reading.value} days: no follow-up before ${formatDay(until)}${extra}.`;
  }
  const label = reading.field === "contact_on" ? "Contact them on" : "A decision by";
  return `${label} ${formatDay(reading.value)}${extra}.`;
}

/**
 * Wire the helper. `request` sends a parse_timing request; `changed` is called
 * after a reading fills a field.
 */
export function setUpTiming(form, { request, changed }) {
  const phrase = form.querySelector("#timing-phrase");
  const readButton = form.querySelector("#timing-read");
  const answer = form.querySelector("#timing-answer");
  const interviewDate = form.querySelector("#interview-date");
  let asked = 0;

  function controlFor(reading) {
    return form.querySelector(`#${FIELDS[reading.field].id}`);
  }

  /** Open the field's section and put the focus on it, so it can be corrected at once. */
  function reveal(control) {
    const details = control.closest("details");
    if (details) details.open = true;
    control.focus();
  }

  function changeButton(reading, control) {
    const button = el("button", { type: "button", class: "planner-button planner-timing-change" }, FIELDS[reading.field].change);
    button.addEventListener("click", () => reveal(control));
    return button;
  }

  /** Fill the field and say what was filled, with a way to change it. */
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

  function show(reading) {
    if (!reading.understood) {
      const target = reading.ask_user && reading.field ? FIELDS[reading.field] : null;
      answer.replaceChildren(el("p", { class: "planner-timing-unclear" }, [
        reading.explanation,
        target ? " " : null,
        target ? el("a", { href: `#${target.id}` }, `Enter ${target.what} yourself`) : null,
      ]));
      return;
    }
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
    asked += 1;
    const mine = asked;
    answer.replaceChildren(el("p", {}, "Reading it…"));
    const response = await request("parse_timing", { text, interview_date: interviewDate.value });
    if (mine !== asked) return; // a newer phrase was read meanwhile
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
