// What a save writes: only what changed since the last completed write
// (docs/assets/planner/changes.js).

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Held, everything } from "../../docs/assets/planner/changes.js";

/** @typedef {import("../../docs/assets/planner/interviews.js").Interview} Interview */

const a = { id: "a", company: "Acme" };
const b = { id: "b", company: "Bolt" };
const c = { id: "c", company: "Crane" };

/** What the database holds after everything was written: a, b (current b). */
function held() {
  const known = new Held();
  known.wrote(everything([a, b], "b"));
  return known;
}

describe("Held.since", () => {
  for (const [why, interviews, current, expected] of [
    ["nothing changed: nothing to write", [a, b], "b", null],
    ["an equal copy is no change", [{ ...a }, { ...b }], "b", null],
    ["one edited: that one", [a, { ...b, role: "Lead" }], "b", { put: [{ ...b, role: "Lead" }], remove: [] }],
    ["one added: that one and the order", [a, b, c], "b", { put: [c], remove: [], order: ["a", "b", "c"] }],
    ["one removed: its id and the order", [b], "b", { put: [], remove: ["a"], order: ["b"] }],
    ["moved: the order only", [b, a], "b", { put: [], remove: [], order: ["b", "a"] }],
    ["another one on screen: the current id only", [a, b], "a", { put: [], remove: [], current: "a" }],
    ["none left", [], null, { put: [], remove: ["a", "b"], order: [], current: null }],
  ]) {
    test(/** @type {string} */ (why), () => {
      assert.deepEqual(held().since(/** @type {Interview[]} */ (interviews), /** @type {string | null} */ (current)), expected);
    });
  }

  test("knows only what completed: until wrote() is told, the same change is asked again", () => {
    const known = held();
    const edited = [{ ...a, role: "Clerk" }, b];
    const change = known.since(edited, "b");
    assert.deepEqual(known.since(edited, "b"), change, "a failed write is simply tried again");
    known.wrote(/** @type {import("../../docs/assets/planner/database.js").Change} */ (change));
    assert.equal(known.since(edited, "b"), null);
  });

  test("read() learns what the database holds; clear() forgets it all", () => {
    const known = new Held();
    known.read([a], ["a"], "a");
    assert.equal(known.since([a], "a"), null);
    known.clear();
    assert.deepEqual(known.since([a], "a"), { put: [a], remove: [], order: ["a"], current: "a" });
  });

  test("everything replaces whatever is there", () => {
    assert.deepEqual(everything([a, c], "c"), { clear: true, put: [a, c], order: ["a", "c"], current: "c" });
    const known = held();
    known.wrote(everything([c], null));
    assert.deepEqual(known.since([a], null), { put: [a], remove: ["c"], order: ["a"] });
  });
});
