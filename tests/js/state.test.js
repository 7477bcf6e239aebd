// The page's one state owner (docs/assets/planner/state.js).

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Store, createPageState } from "../../docs/assets/planner/state.js";

describe("Store", () => {
  test("set() makes a new frozen state and tells each listener (state, previous) once", () => {
    const store = new Store({ count: 0, name: "a" });
    /** @type {Array<[number, number]>} */
    const heard = [];
    store.subscribe((now, before) => { heard.push([now.count, before.count]); });
    const first = store.get();
    store.set({ count: 1 });
    assert.deepEqual(heard, [[1, 0]]);
    assert.notEqual(store.get(), first);
    assert.equal(store.get().name, "a", "what was not changed is kept");
    assert.equal(Object.isFrozen(store.get()), true);
    assert.throws(() => { /** @type {any} */ (store.get()).count = 5; }, TypeError);
  });

  test("a set() that changes nothing tells no one", () => {
    const details = { company: "Acme" };
    const store = new Store({ details, live: false });
    let told = 0;
    store.subscribe(() => { told += 1; });
    store.set({ details, live: false });
    store.set({});
    assert.equal(told, 0);
    store.set({ details: { company: "Acme" } }); // a new object is a change
    assert.equal(told, 1);
  });

  test("a listener that sets state is queued: every listener hears every state, in order", () => {
    const store = new Store({ step: 0 });
    /** @type {string[]} */
    const heard = [];
    store.subscribe((now) => {
      heard.push(`first saw ${now.step}`);
      if (now.step === 1) store.set({ step: 2 });
    });
    store.subscribe((now, before) => { heard.push(`second saw ${before.step}->${now.step}`); });
    store.set({ step: 1 });
    assert.deepEqual(heard, [
      "first saw 1", "second saw 0->1", "first saw 2", "second saw 1->2",
    ]);
    assert.equal(store.get().step, 2);
  });

  test("the function subscribe() returns stops the telling", () => {
    const store = new Store({ n: 0 });
    let told = 0;
    const stop = store.subscribe(() => { told += 1; });
    store.set({ n: 1 });
    stop();
    store.set({ n: 2 });
    assert.equal(told, 1);
  });
});

describe("createPageState", () => {
  test("starts with an empty form, no checklist, no interview yet, nothing kept or being filled", () => {
    assert.deepEqual(createPageState().get(), {
      details: {}, planned: null, filling: false, example: false,
      interviews: [], current: null, view: "interview", keeping: "off",
    });
  });
});
