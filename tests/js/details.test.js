// Saved details: what is kept, how a file is read, whether Python can plan
// it (docs/assets/planner/details.js).

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  MAX_FILE_BYTES, checkPlannable, portable, problemList, readDetailsFile,
} from "../../docs/assets/planner/details.js";
import { FakePython } from "./fakes.js";

/** A file holding this text (what readDetailsFile needs of a File). */
const file = (/** @type {string} */ text, size = Buffer.byteLength(text)) => ({ size, text: async () => text });

describe("portable", () => {
  test("leaves out `today`, which belongs to the day of planning, and keeps the rest", () => {
    const input = { today: "2026-03-12", company: "Acme", interviewers: [{ name: "Dana" }] };
    assert.deepEqual(portable(input), { company: "Acme", interviewers: [{ name: "Dana" }] });
    assert.equal(input.today, "2026-03-12", "the input itself is not changed");
  });
});

describe("problemList", () => {
  test("names three problems and counts the rest", () => {
    const problems = ["A.", "B.", "C.", "D.", "E."].map((message) => ({ field: "", message }));
    assert.equal(problemList(problems), "A. B. C. (and 2 more)");
    assert.equal(problemList(problems.slice(0, 3)), "A. B. C.");
  });
});

describe("readDetailsFile", () => {
  test("reads saved details, even with a byte order mark, without `today`", async () => {
    const saved = { interview_date: "2026-03-12", interviewers: [{ name: "Dana" }], today: "2026-03-13" };
    assert.deepEqual(await readDetailsFile(file(`\uFEFF${JSON.stringify(saved)}`)), {
      ok: true, input: { interview_date: "2026-03-12", interviewers: [{ name: "Dana" }] },
    });
  });

  test("accepts details with interviewers only (the engine says what is missing)", async () => {
    assert.equal((await readDetailsFile(file('{"interviewers": []}'))).ok, true);
  });

  for (const [text, message, why] of [
    ["not json", "could not be read as saved details", "text that is not JSON"],
    ['{"interview_date": ', "could not be read as saved details", "cut-off JSON"],
    ["[1, 2]", "not saved interview details", "a JSON list"],
    ['"2026-03-12"', "not saved interview details", "a JSON string"],
    ['{"name": "Dana"}', "not saved interview details", "an object of something else"],
    ['{"version": 1, "items": []}', "a checklist the planner made", "a checklist saved as JSON"],
  ]) {
    test(`refuses ${why}`, async () => {
      const reading = await readDetailsFile(file(text));
      assert.equal(reading.ok, false);
      assert.match(reading.ok ? "" : reading.message, new RegExp(message));
    });
  }

  test("refuses a file too large without reading it", async () => {
    let read = false;
    const reading = await readDetailsFile({ size: MAX_FILE_BYTES + 1, text: async () => { read = true; return "{}"; } });
    assert.deepEqual(reading, { ok: false, message: "That file is far too large to be saved interview details." });
    assert.equal(read, false);
  });
});

describe("checkPlannable", () => {
  const input = { interview_date: "2026-03-12", interviewers: [{ name: "Dana" }] };

  test("asks Python for a plan of the details on the given day", async () => {
    const python = new FakePython();
    const check = checkPlannable(python.request, input, "2026-03-20");
    assert.deepEqual(python.calls.map(({ op, fields }) => ({ op, fields })), [
      { op: "plan", fields: { input, today: "2026-03-20" } },
    ]);
    python.calls[0].answer.resolve({ ok: true, result: { version: 1, items: [] } });
    assert.deepEqual(await check, { status: "plannable" });
  });

  test("tells problems, refusals and a stopped Python apart", async () => {
    const problems = [{ field: "interview_date", message: "Needed." }];
    const cases = [
      [{ ok: true, result: { version: 1, errors: problems } }, { status: "invalid", problems }],
      [{ ok: false, error: { code: "bad_request", message: "No." } }, { status: "refused", message: "No." }],
      [new Error("The planner is not running."), { status: "stopped" }],
    ];
    for (const [answer, expected] of cases) {
      const python = new FakePython();
      const check = checkPlannable(python.request, input, "2026-03-20");
      if (answer instanceof Error) python.calls[0].answer.reject(answer);
      else python.calls[0].answer.resolve(answer);
      assert.deepEqual(await check, expected);
    }
  });
});
