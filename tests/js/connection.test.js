// The connection to the Python worker: queueing, restarting a dead worker and
// replaying what waited, giving up, and trying again
// (docs/assets/planner/connection.js), against a fake worker.

import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, mock, test } from "node:test";

import { LOAD_TIMEOUT_MS, MAX_RESTARTS, PlannerConnection } from "../../docs/assets/planner/connection.js";
import { FakeWorker, settle } from "./fakes.js";

// Every start sets a 45-second timer (the slow-start message): the clock is a fake one.
beforeEach(() => { mock.timers.enable({ apis: ["setTimeout"] }); });
afterEach(() => { mock.timers.reset(); });

/** A connection whose workers are fakes; `events` records what the page was told. */
function setUp(options = {}) {
  /** @type {FakeWorker[]} */
  const workers = [];
  /** @type {string[]} */
  const events = [];
  const connection = new PlannerConnection({
    workerURL: "https://site.test/worker.js",
    pyodideURL: "https://site.test/pyodide/",
    bundleURL: "https://site.test/planner.zip",
    onStatus: (text) => { events.push(`status: ${text}`); },
    onReady: () => { events.push("ready"); },
    onFatal: (reason, { started }) => { events.push(`fatal (${started ? "stopped" : "never started"}): ${reason}`); },
    onSlow: () => { events.push("slow"); },
    createWorker: (url) => {
      const worker = new FakeWorker(url);
      workers.push(worker);
      return worker;
    },
    ...options,
  });
  /** The worker now in use. */
  const current = () => workers[workers.length - 1];
  return { connection, workers, events, current };
}

/**
 * Record how a promise ends.
 * @param {Promise<any>} promise
 */
function outcome(promise) {
  const seen = { state: "waiting", value: /** @type {any} */ (null) };
  promise.then((value) => { Object.assign(seen, { state: "answered", value }); },
    (error) => { Object.assign(seen, { state: "refused", value: error.message }); });
  return seen;
}

describe("starting", () => {
  test("the first request starts a worker, which is told where Python and the planner are", () => {
    const { connection, workers } = setUp();
    void connection.request("version");
    assert.equal(workers.length, 1);
    assert.deepEqual(workers[0].posted[0], {
      kind: "init", pyodide: "https://site.test/pyodide/", bundle: "https://site.test/planner.zip",
    });
  });

  test("requests carry the protocol and their own id, and are sent before Python is ready", async () => {
    const { connection, current } = setUp();
    const answer = outcome(connection.request("plan", { input: { company: "Acme" }, today: "2026-03-12" }));
    assert.deepEqual(current().requests().map((message) => JSON.parse(message.json)), [
      { protocol: 1, id: 1, op: "plan", input: { company: "Acme" }, today: "2026-03-12" },
    ]);
    current().ready();
    current().answer(1);
    await settle();
    assert.deepEqual(answer, { state: "answered", value: { ok: true, result: { op: "plan" } } });
  });

  test("the test switch reaches the worker only when it is on", () => {
    const { connection, current } = setUp({ testing: true });
    connection.start();
    const [init] = current().posted;
    assert.equal(init.kind === "init" && init.testing, true);
    const off = setUp();
    off.connection.start();
    const [plain] = off.current().posted;
    assert.equal(plain.kind === "init" && !("testing" in plain), true);
  });

  test("a slow start is reported once the time is up, but loading goes on", () => {
    const { connection, events, current } = setUp();
    connection.start();
    mock.timers.tick(LOAD_TIMEOUT_MS - 1);
    assert.deepEqual(events, []);
    mock.timers.tick(1);
    assert.deepEqual(events, ["slow"]);
    current().ready();
    assert.deepEqual(events, ["slow", "ready"]);
    assert.equal(current().terminated, false);
  });

  test("a start that is ready in time is never called slow", () => {
    const { connection, events, current } = setUp();
    connection.start();
    current().ready();
    mock.timers.tick(LOAD_TIMEOUT_MS * 2);
    assert.deepEqual(events, ["ready"]);
  });
});

describe("a worker that dies after it has worked", () => {
  test("is replaced, and what was waiting is sent again, once, with the same ids", async () => {
    const { connection, workers, events, current } = setUp();
    connection.start();
    current().ready();
    const answer = outcome(connection.request("plan"));
    assert.equal(workers[0].crash(), true, "the error is handled, not left to the console");
    assert.equal(workers.length, 2);
    assert.equal(workers[0].terminated, true);
    assert.deepEqual(workers[1].requests().map((message) => message.seq), [1]);
    assert.equal(workers[1].requests()[0].json, workers[0].requests()[0].json);
    assert.ok(events.includes("status: The planner stopped; restarting it…"));
    current().ready();
    current().answer(1);
    await settle();
    assert.equal(answer.state, "answered");
  });

  test("a request that kills the fresh worker too is given up, with a way to try again", async () => {
    const { connection, workers, events, current } = setUp();
    connection.start();
    current().ready();
    const answer = outcome(connection.request("plan"));
    workers[0].crash();
    current().ready();
    workers[1].crash("again");
    await settle();
    assert.equal(workers.length, 2, "no third worker");
    assert.equal(answer.state, "refused");
    assert.equal(events[events.length - 1], "fatal (stopped): again");
    assert.equal(connection.failed, true);
  });

  test("after MAX_RESTARTS restarts with no answer in between, it gives up", () => {
    const { connection, workers, events, current } = setUp();
    connection.start();
    for (let restart = 0; restart < MAX_RESTARTS; restart += 1) {
      current().ready();
      current().crash(); // nothing waits: nothing is replayed, only the worker restarts
    }
    assert.equal(workers.length, MAX_RESTARTS + 1);
    current().ready();
    current().crash("once too often");
    assert.equal(workers.length, MAX_RESTARTS + 1);
    assert.equal(events[events.length - 1], "fatal (stopped): once too often");
  });

  test("an answer in between resets the count of restarts", () => {
    const { connection, workers, current } = setUp();
    connection.start();
    for (let restart = 0; restart < MAX_RESTARTS + 2; restart += 1) {
      current().ready();
      void connection.request("version");
      current().answer(restart + 1);
      current().crash();
    }
    assert.equal(workers.length, MAX_RESTARTS + 3);
    assert.equal(connection.failed, false);
  });

  test("messages from a worker already replaced are ignored", async () => {
    const { connection, workers, current } = setUp();
    connection.start();
    current().ready();
    const answer = outcome(connection.request("plan"));
    workers[0].crash();
    workers[0].answer(1); // the dead worker speaks after all
    await settle();
    assert.equal(answer.state, "waiting");
    current().ready();
    current().answer(1);
    await settle();
    assert.equal(answer.state, "answered");
  });
});

describe("a worker that never worked", () => {
  test("is not restarted: what waits fails, new requests are refused until retry()", async () => {
    const { connection, workers, events } = setUp();
    const waiting = outcome(connection.request("plan"));
    workers[0].send({ kind: "fatal", message: "Python could not be downloaded (HTTP 404)." });
    await settle();
    assert.equal(workers.length, 1);
    assert.equal(waiting.state, "refused");
    assert.deepEqual(events, ["fatal (never started): Python could not be downloaded (HTTP 404)."]);
    const refused = outcome(connection.request("version"));
    await settle();
    assert.equal(refused.state, "refused");
    assert.equal(workers.length, 1, "a refused request does not start a worker");

    connection.retry();
    assert.equal(workers.length, 2);
    const answer = outcome(connection.request("version"));
    workers[1].ready();
    workers[1].answer(2);
    await settle();
    assert.equal(answer.state, "answered");
  });

  test("retry() while still loading starts a fresh worker and sends it what waits", () => {
    const { connection, workers } = setUp();
    void connection.request("plan");
    connection.retry();
    assert.equal(workers[0].terminated, true);
    assert.deepEqual(workers[1].requests().map((message) => message.seq), [1]);
  });
});
