// Waiting for a pause, and keeping only the newest answer (docs/assets/planner/scheduling.js).

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Latest, debounce } from "../../docs/assets/planner/scheduling.js";

describe("debounce", () => {
  test("runs once, with the last arguments, after a pause of the given length", (t) => {
    t.mock.timers.enable({ apis: ["setTimeout"] });
    /** @type {string[]} */
    const runs = [];
    const typed = debounce((/** @type {string} */ text) => { runs.push(text); }, 400);
    typed("D");
    t.mock.timers.tick(399);
    typed("Da");
    t.mock.timers.tick(399);
    typed("Dan");
    t.mock.timers.tick(399);
    assert.deepEqual(runs, [], "nothing runs while calls keep coming");
    t.mock.timers.tick(1);
    assert.deepEqual(runs, ["Dan"]);
    t.mock.timers.tick(5000);
    assert.deepEqual(runs, ["Dan"], "and it runs only once");
  });

  test("cancel() drops the pending run; a later call starts afresh", (t) => {
    t.mock.timers.enable({ apis: ["setTimeout"] });
    let runs = 0;
    const later = debounce(() => { runs += 1; }, 400);
    later();
    t.mock.timers.tick(200);
    later.cancel();
    t.mock.timers.tick(1000);
    assert.equal(runs, 0);
    later();
    t.mock.timers.tick(400);
    assert.equal(runs, 1);
  });
});

describe("Latest", () => {
  test("only the newest ticket is the latest; earlier ones never become it again", () => {
    const latest = new Latest();
    const first = latest.next();
    assert.equal(latest.is(first), true);
    const second = latest.next();
    assert.equal(latest.is(first), false);
    assert.equal(latest.is(second), true);
    latest.next();
    assert.equal(latest.is(second), false);
  });

  test("two counters do not share their tickets", () => {
    const plans = new Latest();
    const phrases = new Latest();
    const plan = plans.next();
    phrases.next();
    phrases.next();
    assert.equal(plans.is(plan), true);
  });
});
