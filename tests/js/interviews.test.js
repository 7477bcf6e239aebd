// Interviews as data: ids, labels, the form's details, ticks, archiving, the
// list and the next round (docs/assets/planner/interviews.js).

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  ID_LENGTH, hasContent, labelOf, newId, nextRound, removeFrom, replaceIn, restoreInto, setArchived, setNote,
  tick, untick,
} from "../../docs/assets/planner/interviews.js";
import { deepFreeze } from "./fakes.js";

/** @typedef {import("../../docs/assets/planner/interviews.js").Interview} Interview */

/** An interview with these fields (frozen: no function may change what it is given). */
const interview = (/** @type {Record<string, unknown>} */ fields = {}) => /** @type {Interview} */ (
  deepFreeze({ id: "abc", interview_date: "2026-03-12", interviewers: [{ name: "Dana" }], ...fields }));

describe("newId", () => {
  test("is 12 letters and digits, without the look-alikes", () => {
    for (let i = 0; i < 200; i += 1) assert.match(newId(), /^[a-km-np-z2-9]{12}$/);
    assert.equal(ID_LENGTH, 12);
  });

  test("takes its randomness from what it is given: the same bytes, the same id", () => {
    const fill = (/** @type {Uint8Array} */ bytes) => { bytes.forEach((_, i) => { bytes[i] = i * 7; }); };
    assert.equal(newId(fill), newId(fill));
    assert.equal(newId(fill), "ahqx6dkt29gp");
    assert.equal(newId((bytes) => { bytes.fill(31); }), "999999999999", "byte 31 is the alphabet's last");
    assert.equal(newId((bytes) => { bytes.fill(32); }), "aaaaaaaaaaaa", "byte 32 wraps round to the first");
  });

  test("gives a different id each time from the browser's randomness", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId()));
    assert.equal(ids.size, 1000);
  });
});

describe("labelOf", () => {
  for (const [details, label] of [
    [{ role: "Analyst", company: "Acme" }, "Analyst at Acme"],
    [{ role: "  Data   analyst ", company: "\tAcme  Ltd\n" }, "Data analyst at Acme Ltd"],
    [{ company: "Acme", interview_date: "2026-03-12" }, "Acme"],
    [{ role: "Analyst", company: "   " }, "Analyst"],
    [{ interview_date: "2026-03-12" }, "Interview on 12 March 2026"],
    [{ interview_date: "2026-12-01", company: "" }, "Interview on 1 December 2026"],
    [{ interview_date: "2026-02-30" }, "New interview"],
    [{ interview_date: "2026-3-1" }, "New interview"],
    [{ interview_date: 20260312 }, "New interview"],
    [{ interviewers: [{}] }, "New interview"],
    [{}, "New interview"],
    [{ role: 7, company: ["Acme"] }, "New interview"],
    [{ role: "Analyst", company: "Acme", interview_round: 2 }, "Analyst at Acme, round 2"],
    [{ interview_date: "2026-03-12", interview_round: 3 }, "Interview on 12 March 2026, round 3"],
    [{ company: "Acme", interview_round: 1 }, "Acme"],
    [{ company: "Acme", interview_round: "2" }, "Acme"],
    [{ company: "Acme", interview_round: 2.5 }, "Acme"],
  ]) {
    test(`${JSON.stringify(details)} is “${label}”`, () => {
      assert.equal(labelOf(/** @type {Record<string, unknown>} */ (details)), label);
    });
  }
});

describe("hasContent", () => {
  for (const [details, typed] of [
    [{ interviewers: [{}] }, false],
    [{ id: "abc", today: "2026-03-12", archived: true, interviewers: [{}], strengths: [] }, false],
    [{ interviewers: [{ name: "", email: null }] }, false],
    [{ interviewers: [{}, { title: "CTO" }] }, true],
    [{ company: "Acme" }, true],
    [{ has_referees: false }, true],
    [{ interview_round: 0 }, true],
    [{ strengths: ["SQL"] }, true],
    [{ done: [{ key: "TY-EMAIL-1", date: "2026-03-12" }] }, true],
  ]) {
    test(`${JSON.stringify(details)}: ${typed ? "something typed" : "nothing typed"}`, () => {
      assert.equal(hasContent(/** @type {Record<string, unknown>} */ (details)), typed);
    });
  }
});

describe("ticks", () => {
  const ticked = (/** @type {unknown[]} */ done) => interview({ done });

  for (const [why, before, after, expected] of [
    ["the first tick adds the list", interview(), (/** @type {Interview} */ i) => tick(i, "A", "2026-03-12"),
      [{ key: "A", date: "2026-03-12" }]],
    ["a new tick goes at the end", ticked([{ key: "B", date: "2026-03-13" }]),
      (/** @type {Interview} */ i) => tick(i, "A", "2026-03-14", "left a voicemail"),
      [{ key: "B", date: "2026-03-13" }, { key: "A", date: "2026-03-14", note: "left a voicemail" }]],
    ["ticking again moves the day in place and keeps the note",
      ticked([{ key: "A", date: "2026-03-12", note: "sent" }, { key: "B", date: "2026-03-13" }]),
      (/** @type {Interview} */ i) => tick(i, "A", "2026-03-15"),
      [{ key: "A", date: "2026-03-15", note: "sent" }, { key: "B", date: "2026-03-13" }]],
    ["ticking again with a note replaces it", ticked([{ key: "A", date: "2026-03-12", note: "sent" }]),
      (/** @type {Interview} */ i) => tick(i, "A", "2026-03-12", "resent"),
      [{ key: "A", date: "2026-03-12", note: "resent" }]],
    ["a blank note is no note", interview(), (/** @type {Interview} */ i) => tick(i, "A", "2026-03-12", "  "),
      [{ key: "A", date: "2026-03-12" }]],
    ["unticking takes the entry and its note away, the rest stays in order",
      ticked([{ key: "A", date: "2026-03-12" }, { key: "B", date: "2026-03-13", note: "x" }, { key: "C", date: "2026-03-14" }]),
      (/** @type {Interview} */ i) => untick(i, "B"), [{ key: "A", date: "2026-03-12" }, { key: "C", date: "2026-03-14" }]],
    ["unticking the last one leaves no list", ticked([{ key: "A", date: "2026-03-12" }]),
      (/** @type {Interview} */ i) => untick(i, "A"), undefined],
    ["unticking what was not ticked changes nothing", ticked([{ key: "A", date: "2026-03-12" }]),
      (/** @type {Interview} */ i) => untick(i, "Z"), [{ key: "A", date: "2026-03-12" }]],
    ["a note is written beside a tick", ticked([{ key: "A", date: "2026-03-12" }]),
      (/** @type {Interview} */ i) => setNote(i, "A", "she said Friday"), [{ key: "A", date: "2026-03-12", note: "she said Friday" }]],
    ["a blank note clears it", ticked([{ key: "A", date: "2026-03-12", note: "x" }]),
      (/** @type {Interview} */ i) => setNote(i, "A", ""), [{ key: "A", date: "2026-03-12" }]],
    ["a note for an item not ticked changes nothing", ticked([{ key: "A", date: "2026-03-12" }]),
      (/** @type {Interview} */ i) => setNote(i, "B", "x"), [{ key: "A", date: "2026-03-12" }]],
    ["entries that are not ticks (a hand-edited file) stay as they are", ticked([{ key: "A", date: "2026-03-12" }, "junk"]),
      (/** @type {Interview} */ i) => tick(i, "B", "2026-03-13"),
      [{ key: "A", date: "2026-03-12" }, "junk", { key: "B", date: "2026-03-13" }]],
  ]) {
    test(/** @type {string} */ (why), () => {
      const result = /** @type {(i: Interview) => Interview} */ (after)(/** @type {Interview} */ (before));
      assert.deepEqual(result.done, expected);
      assert.equal("done" in result, expected !== undefined);
      assert.equal(result.id, "abc");
      assert.deepEqual(result.interviewers, [{ name: "Dana" }]);
    });
  }
});

describe("setArchived", () => {
  test("archives, and un-archiving leaves the engine's default (no field)", () => {
    const archived = setArchived(interview(), true);
    assert.equal(archived.archived, true);
    assert.equal("archived" in setArchived(archived, false), false);
    assert.deepEqual(setArchived(archived, false), interview());
  });
});

describe("the list", () => {
  const [a, b, c] = ["a", "b", "c"].map((id) => interview({ id }));
  const list = deepFreeze([a, b, c]);

  test("replaceIn puts an interview in place of the one with its id, or adds it at the end", () => {
    const changed = interview({ id: "b", company: "Acme" });
    assert.deepEqual(replaceIn(list, changed), [a, changed, c]);
    const added = interview({ id: "d" });
    assert.deepEqual(replaceIn(list, added), [a, b, c, added]);
  });

  test("removeFrom returns what an undo needs, and restoreInto puts it back where it was", () => {
    const { list: after, removed } = removeFrom(list, "b");
    assert.deepEqual(after, [a, c]);
    assert.deepEqual(removed, { interview: b, index: 1 });
    assert.deepEqual(restoreInto(after, /** @type {NonNullable<typeof removed>} */ (removed)), [a, b, c]);
  });

  test("removing an id not there removes nothing", () => {
    assert.deepEqual(removeFrom(list, "zzz"), { list: [a, b, c], removed: null });
  });

  test("an undo after the list shrank puts it at the end; one whose id is back again adds nothing", () => {
    assert.deepEqual(restoreInto([a], { interview: c, index: 2 }), [a, c]);
    assert.deepEqual(restoreInto([], { interview: c, index: -1 }), [c]);
    assert.deepEqual(restoreInto(list, { interview: interview({ id: "b", company: "X" }), index: 0 }), [a, b, c]);
  });
});

describe("nextRound", () => {
  const first = interview({
    company: "Acme", role: "Analyst", company_style: "traditional", candidate_name: "Sam",
    candidate_contact: "sam@example.com", strengths: ["SQL"], has_referees: false, persistent_role: true,
    interviewers: [{ name: "Dana", title: "CTO", email: "d@acme.test", topic: "the migration" }],
    decision_date: "2026-03-20", contact_on: "2026-03-16", wait_days: 3, outcome: "next_round",
    outcome_date: "2026-03-18", done: [{ key: "TY-EMAIL-1", date: "2026-03-12" }], archived: true,
    concern_raised: "no Go", materials: [{ description: "references", due_date: "2026-03-13" }],
  });

  test("carries the job, the person and the interviewers over, and nothing of the round itself", () => {
    assert.deepEqual(nextRound(first, "new"), {
      id: "new", company: "Acme", role: "Analyst", company_style: "traditional", candidate_name: "Sam",
      candidate_contact: "sam@example.com", strengths: ["SQL"], has_referees: false, persistent_role: true,
      interview_round: 2, interviewers: [{ name: "Dana", title: "CTO", email: "d@acme.test" }],
    });
  });

  test("counts on from the round it follows, and copies rather than shares", () => {
    assert.equal(nextRound(interview({ interview_round: 3 }), "n").interview_round, 4);
    assert.equal(nextRound(interview({ interview_round: "x" }), "n").interview_round, 2);
    const next = nextRound(first, "n");
    assert.notEqual(next.strengths, first.strengths);
    assert.deepEqual(nextRound(interview({ interviewers: "Dana" }), "n").interviewers, [{}]);
  });
});
