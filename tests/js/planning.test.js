// Asking for plans: live re-planning after a pause, no request sent twice,
// only the newest answer shown, and the retry rule (docs/assets/planner/planning.js).

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { LIVE_DELAY_MS, Planning } from "../../docs/assets/planner/planning.js";
import { createPageState } from "../../docs/assets/planner/state.js";
import { FakePython, planNamed, settle } from "./fakes.js";

/** A planner over a fake form and a fake Python; `said` records what the page was told. */
function setUp({ ready = true } = {}) {
  const python = new FakePython();
  const state = createPageState();
  /** @type {Record<string, unknown>} */
  let form = { interview_date: "2026-03-12", interviewers: [{ name: "Dana" }] };
  /** @type {string[]} */
  const said = [];
  const planning = new Planning({
    state,
    request: python.request,
    details: () => form,
    today: () => "2026-03-12",
    isReady: () => ready,
    view: {
      status: (text) => { said.push(`status: ${text}`); },
      refused: (problems, { focus }) => { said.push(`refused${focus ? " (focus)" : ""}: ${problems[0].message}`); },
      invalid: (problems, { focus }) => { said.push(`invalid${focus ? " (focus)" : ""}: ${problems.map((p) => p.field)}`); },
      planned: ({ submitted }) => { said.push(submitted ? "planned (submitted)" : "planned"); },
    },
  });
  /** The person edits the form: the form changes and the state hears of it. */
  const edit = (/** @type {Record<string, unknown>} */ changes) => {
    form = { ...form, ...changes };
    state.set({ details: form });
  };
  return { python, state, planning, said, edit };
}

/** @param {ReturnType<typeof setUp>["state"]} state */
const shownTitle = (state) => state.get().planned?.plan.items[0].title;

describe("before the first plan", () => {
  test("edits send nothing until the person asks", (t) => {
    t.mock.timers.enable({ apis: ["setTimeout"] });
    const { python, edit } = setUp();
    edit({ company: "Acme" });
    t.mock.timers.tick(LIVE_DELAY_MS * 3);
    assert.equal(python.calls.length, 0);
  });

  test("a submit asks at once, with the details and today, and the answer goes into the state", async () => {
    const { python, planning, state, said } = setUp();
    const done = planning.submit();
    assert.deepEqual(python.made("plan").map((call) => call.fields), [{
      input: { interview_date: "2026-03-12", interviewers: [{ name: "Dana" }] }, today: "2026-03-12",
    }]);
    python.calls[0].answer.resolve({ ok: true, result: planNamed("Thank Dana") });
    await done;
    assert.equal(shownTitle(state), "Thank Dana");
    assert.equal(state.get().planned?.today, "2026-03-12");
    assert.deepEqual(said, ["planned (submitted)"]);
  });

  test("while Python loads, the person is told the plan will come", () => {
    const { planning, said } = setUp({ ready: false });
    void planning.submit();
    assert.deepEqual(said, ["status: Your plan will appear as soon as the planner is ready…"]);
  });
});

describe("after the first plan", () => {
  test("every edit re-plans once typing pauses, with the newest details", async (t) => {
    t.mock.timers.enable({ apis: ["setTimeout"] });
    const { python, planning, edit } = setUp();
    void planning.submit();
    python.calls[0].answer.resolve({ ok: true, result: planNamed("first") });
    await settle();
    edit({ company: "A" });
    t.mock.timers.tick(LIVE_DELAY_MS - 1);
    edit({ company: "Ac" });
    t.mock.timers.tick(LIVE_DELAY_MS - 1);
    assert.equal(python.made("plan").length, 1, "no request while typing goes on");
    t.mock.timers.tick(1);
    assert.equal(python.made("plan").length, 2);
    assert.equal(python.calls[1].fields.input && /** @type {any} */ (python.calls[1].fields.input).company, "Ac");
  });

  test("a request equal to the last one sent is not sent again", async (t) => {
    t.mock.timers.enable({ apis: ["setTimeout"] });
    const { python, planning, edit } = setUp();
    void planning.submit();
    edit({ company: "Acme" });
    t.mock.timers.tick(LIVE_DELAY_MS);
    edit({}); // `change` after `input`: the same details again
    t.mock.timers.tick(LIVE_DELAY_MS);
    assert.equal(python.made("plan").length, 2);
  });

  test("only the newest request's answer is shown, whatever order the answers come in", async () => {
    const { python, planning, state, edit, said } = setUp();
    const first = planning.submit();
    edit({ company: "Newer" });
    const second = planning.now();
    python.calls[1].answer.resolve({ ok: true, result: planNamed("newest") });
    await second;
    python.calls[0].answer.resolve({ ok: true, result: planNamed("older") });
    await first;
    assert.equal(shownTitle(state), "newest");
    assert.deepEqual(said, ["planned"]);
  });

  test("an older answer's problems are not shown over the newest checklist", async () => {
    const { python, planning, state, edit, said } = setUp();
    const first = planning.submit();
    edit({ company: "Fixed" });
    const second = planning.now();
    python.calls[1].answer.resolve({ ok: true, result: planNamed("fixed") });
    await second;
    python.calls[0].answer.resolve({ ok: true, result: { version: 1, errors: [{ field: "company", message: "No." }] } });
    await first;
    assert.equal(shownTitle(state), "fixed");
    assert.deepEqual(said, ["planned"]);
  });
});

describe("problems", () => {
  test("the engine's problems go to the page, with the focus only after a submit", async (t) => {
    t.mock.timers.enable({ apis: ["setTimeout"] });
    const { python, planning, state, said, edit } = setUp();
    const errors = { version: 1, errors: [{ field: "interview_date", message: "Needed." }] };
    void planning.submit();
    python.calls[0].answer.resolve({ ok: true, result: errors });
    await settle();
    edit({ interview_date: "soon" });
    t.mock.timers.tick(LIVE_DELAY_MS);
    python.calls[1].answer.resolve({ ok: true, result: errors });
    await settle();
    assert.deepEqual(said, ["invalid (focus): interview_date", "invalid: interview_date"]);
    assert.equal(state.get().planned, null, "no checklist is made from details with problems");
  });

  test("a refused request is shown as a problem of the whole form", async () => {
    const { python, planning, said } = setUp();
    const done = planning.now();
    python.calls[0].answer.resolve({ ok: false, error: { code: "internal", message: "Python broke." } });
    await done;
    assert.deepEqual(said, ["refused: Python broke."]);
  });
});

describe("when Python stops", () => {
  test("a request that failed may be sent again, and retry() asks for the newest plan again", async () => {
    const { python, planning, state } = setUp();
    const failed = planning.now();
    python.calls[0].answer.reject(new Error("The planner is not running."));
    await failed;
    assert.equal(state.get().planned, null);
    const again = planning.retry();
    assert.equal(python.made("plan").length, 2, "the same details are sent again");
    python.calls[1].answer.resolve({ ok: true, result: planNamed("after the retry") });
    await again;
    assert.equal(shownTitle(state), "after the retry");
  });

  test("retry() before any plan was asked for sends nothing", async () => {
    const { python, planning } = setUp();
    await planning.retry();
    assert.equal(python.calls.length, 0);
  });
});
