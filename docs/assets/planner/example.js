// "Try an example": a realistic interview fills the form, so a first-time
// visitor sees a full checklist at once. What the person typed is never replaced.

import { addDays } from "./dates.js";
import { el } from "./dom.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./state.js").PageContext} PageContext */
/** @typedef {import("./tracker.js").Tracker} Tracker */

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
 * The example button. The example fills the interview in the form when it is still
 * empty, and otherwise opens as a new interview: what the person typed is never
 * replaced, and an example left untouched is never kept.
 * @param {PageContext} page
 * @param {(text: string) => void} say The storage bar's message line.
 * @param {Tracker} tracker
 */
export function createExample(page, say, tracker) {
  const button = el("button", { type: "button", class: "md-button planner-example" }, "Try an example");
  button.addEventListener("click", async () => {
    const added = await tracker.fillOrAdd(exampleInput(page.today()), { example: true });
    say(added
      ? "An example opens as a new interview: Northwind Logistics, interviewed today by two people. "
        + "Yours is still in the list of interviews."
      : "An example is filled in: Northwind Logistics, interviewed today by two people. Change anything you like.");
  });
  return { button };
}
