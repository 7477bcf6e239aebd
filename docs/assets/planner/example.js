// "Try an example": a realistic interview fills the form, so a first-time
// visitor sees a full checklist at once. What the person typed is replaced
// only once they say so.

import { addDays } from "./dates.js";
import { hasTyped } from "./details.js";
import { el } from "./dom.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./state.js").PageContext} PageContext */

/**
 * A realistic example: interviewed today by two people, a decision promised in two weeks.
 * @param {string} today
 * @returns {Details}
 */
export function exampleInput(today) {
  return {
    interview_date: today,
    company: "Northwind Logistics",
    role: "Operations Analyst",
    interviewers: [
      {
        name: "Priya Raman",
        title: "Head of Operations",
        email: "priya.raman@northwind.example",
        phone: "+44 20 7946 0321",
        is_decision_maker: true,
        topic: "cutting warehouse pick times",
      },
      {
        name: "Tom Becker",
        title: "Senior Analyst",
        email: "tom.becker@northwind.example",
        topic: "the weekly forecasting report",
      },
    ],
    company_style: "traditional",
    decision_date: addDays(today, 14),
    candidate_name: "Alex Morgan",
    candidate_contact: "alex.morgan@example.com, 07700 900123",
    strengths: ["SQL and Excel modelling", "process improvement in a busy depot"],
  };
}

/**
 * The example button and its "Replace?" question.
 * @param {PageContext} page
 * @param {(text: string) => void} say The storage bar's message line.
 */
export function createExample(page, say) {
  const button = el("button", { type: "button", class: "md-button planner-example" }, "Try an example");
  const replace = el("button", { type: "button", class: "md-button planner-example-replace" }, "Replace");
  const keep = el("button", { type: "button", class: "md-button planner-example-keep" }, "Keep mine");
  const confirm = el("div", {
    class: "planner-example-confirm", role: "alertdialog", hidden: true,
    "aria-labelledby": "planner-example-question",
  }, [
    el("p", { id: "planner-example-question" }, "This replaces what you typed. Replace it?"),
    el("div", { class: "planner-storage-row" }, [replace, keep]),
  ]);

  async function fillExample() {
    // The example is not the person's own: it is remembered only once they edit it.
    await page.fill(exampleInput(page.today()), { example: true });
    say("An example is filled in: Northwind Logistics, interviewed today by two people. Change anything you like.");
  }

  button.addEventListener("click", () => {
    if (!hasTyped(page.details())) {
      void fillExample();
      return;
    }
    confirm.hidden = false;
    replace.focus();
  });
  replace.addEventListener("click", () => {
    confirm.hidden = true;
    void fillExample();
  });
  keep.addEventListener("click", () => {
    confirm.hidden = true;
    button.focus();
    say("Your details are kept as they were.");
  });
  confirm.addEventListener("keydown", (event) => {
    if (event.key === "Escape") keep.click();
  });
  return { button, confirm };
}
