// The tracker's logic that needs no browser: which days moved after a tick, which
// done days are refused, how Today groups the agenda, what a phrase heard at a
// check-in changes, an interview's history, and what the form does not hold
// (docs/assets/planner/ticking.js, today.js, heard-back.js, history.js, interview-input.js).

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { fieldsFromReading } from "../../docs/assets/planner/heard-back.js";
import { historyLines } from "../../docs/assets/planner/history.js";
import { doneDayProblem, movedDays } from "../../docs/assets/planner/ticking.js";
import { groupAgenda } from "../../docs/assets/planner/today.js";
import { besideTheForm, withNotesOf, withoutNotes } from "../../docs/assets/planner/interview-input.js";

/**
 * A plan's item with only the fields these tests read.
 * @param {string} key
 * @param {string} due
 * @param {{done?: string | null, overdue?: boolean, title?: string}} [more]
 */
function item(key, due, more = {}) {
  return /** @type {import("../../docs/assets/planner/protocol.js").AgendaItem} */ ({
    key, due, latest: null, title: more.title || key, done: more.done || null,
    overdue: more.overdue || false, recipient: null, channel: null, optional: false,
    phase: "waiting", advice: [], basis: [], steps: [], interview: 0, label: "",
  });
}

describe("movedDays", () => {
  test("names the steps whose day changed, with the old day", () => {
    const before = [item("CHECKIN-MAIN", "2026-03-19"), item("CHECKIN-REPEAT-1", "2026-03-30")];
    const after = [item("CHECKIN-MAIN", "2026-03-19", { done: "2026-04-02" }),
      item("CHECKIN-REPEAT-1", "2026-04-13")];
    assert.deepEqual([...movedDays(before, after)], [["CHECKIN-REPEAT-1", "2026-03-30"]]);
  });

  test("says nothing of a done step, a new step, or when there was no plan before", () => {
    const before = [item("TY-EMAIL-1", "2026-03-12")];
    const after = [item("TY-EMAIL-1", "2026-03-13", { done: "2026-03-13" }), item("MAT-1", "2026-03-14")];
    assert.equal(movedDays(before, after).size, 0);
    assert.equal(movedDays(null, after).size, 0);
  });
});

describe("doneDayProblem", () => {
  const cases = [
    ["2026-04-20", null], // today
    ["2026-03-12", null], // the interview day
    ["2026-04-21", "future"],
    ["2026-03-11", "before the interview"],
    ["", "Give the day"],
    ["20/04/2026", "Give the day"],
  ];
  for (const [day, problem] of cases) {
    test(`${day || "(empty)"}: ${problem || "accepted"}`, () => {
      const found = doneDayProblem(String(day), "2026-04-20", "2026-03-12");
      if (problem === null) assert.equal(found, null);
      else assert.match(String(found), new RegExp(String(problem)));
    });
  }

  test("with no interview date, only the future is refused", () => {
    assert.equal(doneDayProblem("2001-01-01", "2026-04-20", null), null);
  });
});

describe("groupAgenda", () => {
  test("overdue first, then what is due today or earlier and still open, then by day", () => {
    const items = [
      item("CHECKIN-MAIN", "2026-03-19", { overdue: true }),
      item("TY-EMAIL-1", "2026-04-19"), // due yesterday, open until today
      item("REFEREES", "2026-04-20"),
      item("TY-NOTE-1", "2026-04-22"),
      item("KEEP-SEARCHING", "2026-04-22"),
      item("CHECKIN-REPEAT-1", "2026-04-27"),
    ];
    const { overdue, now, ahead } = groupAgenda(items, "2026-04-20");
    assert.deepEqual(overdue.map((entry) => entry.key), ["CHECKIN-MAIN"]);
    assert.deepEqual(now.map((entry) => entry.key), ["TY-EMAIL-1", "REFEREES"]);
    assert.deepEqual([...ahead].map(([day, entries]) => [day, entries.map((e) => e.key)]), [
      ["2026-04-22", ["TY-NOTE-1", "KEEP-SEARCHING"]],
      ["2026-04-27", ["CHECKIN-REPEAT-1"]],
    ]);
  });
});

describe("fieldsFromReading", () => {
  test("a date read from the check-in's day is used as it is", () => {
    assert.deepEqual(
      fieldsFromReading({ field: "decision_date", value: "2026-05-04" }, "2026-04-20", "2026-03-12"),
      { decision_date: "2026-05-04" },
    );
  });

  test("a wait heard at a check-in becomes a decision date counted from that day", () => {
    // "Don't chase us for two weeks" on Monday 20 April: the next contact comes on 4 May,
    // the first business day after the decision date 3 May.
    assert.deepEqual(
      fieldsFromReading({ field: "wait_days", value: 14 }, "2026-04-20", "2026-03-12"),
      { decision_date: "2026-05-03" },
    );
  });

  test("a wait is a floor: it never brings a later decision date forward", () => {
    // They decide by 1 June; at an interim call on 3 April they ask for two weeks.
    assert.deepEqual(
      fieldsFromReading({ field: "wait_days", value: 14 }, "2026-04-03", "2026-03-12", "2026-06-01"),
      { decision_date: "2026-06-01" },
    );
    assert.deepEqual(
      fieldsFromReading({ field: "wait_days", value: 14 }, "2026-04-20", "2026-03-12", "2026-04-01"),
      { decision_date: "2026-05-03" },
    );
  });

  test("\"call me on\" a day heard at a check-in asks for that call", () => {
    assert.deepEqual(
      fieldsFromReading({ field: "contact_on", value: "2026-04-24" }, "2026-04-20", "2026-03-12"),
      { contact_on: "2026-04-24" },
    );
  });

  test("a wait that ends on the interview day keeps the engine's own field", () => {
    assert.deepEqual(
      fieldsFromReading({ field: "wait_days", value: 1 }, "2026-03-12", "2026-03-12"),
      { wait_days: 1 },
    );
  });

  test("nothing usable gives nothing", () => {
    assert.equal(fieldsFromReading({ field: null, value: null }, "2026-04-20", "2026-03-12"), null);
    assert.equal(fieldsFromReading({ field: "wait_days", value: "soon" }, "2026-04-20", "2026-03-12"), null);
  });
});

describe("historyLines", () => {
  test("the interview, the steps done with their notes, and the outcome, in date order", () => {
    const plan = /** @type {import("../../docs/assets/planner/protocol.js").Plan} */ ({
      version: 1, warnings: [], guidance: [], drafts: [],
      items: [
        item("TY-EMAIL-1", "2026-03-12", { done: "2026-03-12", title: "Email a thank-you to Dana" }),
        item("CHECKIN-MAIN", "2026-03-19", { done: "2026-04-02", title: "Call Dana" }),
        item("CHECKIN-REPEAT-1", "2026-04-13", { title: "Follow up again" }),
      ],
    });
    const input = {
      interview_date: "2026-03-12", outcome: "offer", outcome_date: "2026-04-10",
      done: [{ key: "CHECKIN-MAIN", date: "2026-04-02", note: "away until May" }],
    };
    assert.deepEqual(historyLines(plan, input), [
      { day: "2026-03-12", text: "The interview", note: "" },
      { day: "2026-03-12", text: "Email a thank-you to Dana", note: "" },
      { day: "2026-04-02", text: "Call Dana", note: "away until May" },
      { day: "2026-04-10", text: "They offered you the job", note: "" },
    ]);
  });
});

describe("what the form does not hold", () => {
  test("besideTheForm keeps the id, the archive mark and the ticks of the current interview", () => {
    const interview = { id: "k2", company: "Acme", archived: true, done: [{ key: "TY-EMAIL-1", date: "2026-03-12" }] };
    assert.deepEqual(besideTheForm(interview), { id: "k2", archived: true, done: interview.done });
    assert.deepEqual(besideTheForm(null), {});
  });

  test("withoutNotes drops the notes a plan does not need, and nothing else", () => {
    const details = { id: "k2", done: [{ key: "A", date: "2026-03-12", note: "hi" }, { key: "B", date: "2026-03-13" }] };
    assert.deepEqual(withoutNotes(details), { id: "k2", done: [{ key: "A", date: "2026-03-12" }, { key: "B", date: "2026-03-13" }] });
    assert.equal(withoutNotes({ id: "k3" }).id, "k3");
  });

  test("withNotesOf puts back the notes of the same interview's ticks, on the same days only", () => {
    const planned = { id: "k2", done: [{ key: "A", date: "2026-03-12" }, { key: "B", date: "2026-03-14" }] };
    const kept = { id: "k2", done: [{ key: "A", date: "2026-03-12", note: "hi" }, { key: "B", date: "2026-03-13", note: "old day" }] };
    assert.deepEqual(withNotesOf(planned, kept), {
      id: "k2", done: [{ key: "A", date: "2026-03-12", note: "hi" }, { key: "B", date: "2026-03-14" }],
    });
    assert.equal(withNotesOf(planned, { ...kept, id: "other" }), planned);
    assert.equal(withNotesOf(planned, undefined), planned);
  });
});
