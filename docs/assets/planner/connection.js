// The connection to the Python worker.
//
// Requests may be sent at any time: before Python is ready the worker queues
// them, so a submit made while Pyodide loads is answered as soon as it can be.
// If the worker dies after it has worked, a fresh one is started and every
// request still waiting is sent again, once: a request that kills the fresh
// worker too is not sent a third time. If Python cannot load at all, or keeps
// dying, the page is told (onFatal); from then on requests are refused at once
// until the page calls retry() (its "Try again" button). When Python is still
// not ready after LOAD_TIMEOUT_MS the page is told (onSlow) but the worker keeps
// loading; onReady follows if it gets there.

const PROTOCOL = 1;
const MAX_RESTARTS = 3;
const LOAD_TIMEOUT_MS = 45_000;

export class PlannerConnection {
  constructor({ workerURL, pyodideURL, bundleURL, pyodideLock, onStatus, onReady, onFatal, onSlow }) {
    Object.assign(this, { workerURL, pyodideURL, bundleURL, pyodideLock, onStatus, onReady, onFatal, onSlow });
    this.worker = null;
    this.ready = false;
    this.failed = false;
    this.seq = 0;
    this.pending = new Map();
    this.restarts = 0; // restarts since the last answer: reset only when Python answers
    this.starts = 0;
    this.slowTimer = null;
    this.crashOnRequest = false; // tests only
  }

  start() {
    this.ready = false;
    this.failed = false;
    this.starts += 1;
    const worker = new Worker(this.workerURL, { type: "module" });
    this.worker = worker;
    // Messages from a worker we already replaced are ignored: only one speaks.
    worker.addEventListener("message", (event) => {
      if (worker === this.worker) this.receive(event.data);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      if (worker === this.worker) this.died(event.message || "The planner stopped unexpectedly.");
    });
    worker.postMessage({ kind: "init", pyodide: this.pyodideURL, bundle: this.bundleURL, lock: this.pyodideLock });
    if (this.crashOnRequest) worker.postMessage({ kind: "crash", on: "request" });
    clearTimeout(this.slowTimer);
    this.slowTimer = setTimeout(() => {
      if (worker === this.worker && !this.ready && this.onSlow) this.onSlow();
    }, LOAD_TIMEOUT_MS);
  }

  receive(message) {
    if (message.kind === "status") this.onStatus(message.text);
    else if (message.kind === "ready") {
      this.ready = true;
      clearTimeout(this.slowTimer);
      this.onReady({ pyodide: message.pyodide });
    } else if (message.kind === "response") {
      this.restarts = 0;
      const entry = this.pending.get(message.seq);
      if (!entry) return;
      this.pending.delete(message.seq);
      entry.resolve(JSON.parse(message.json));
    } else if (message.kind === "fatal") this.died(message.message);
  }

  died(reason) {
    const wasReady = this.ready;
    clearTimeout(this.slowTimer);
    this.worker.terminate();
    this.worker = null;
    this.ready = false;
    const replayedAgain = [...this.pending.values()].some((entry) => entry.replayed);
    if (wasReady && !replayedAgain && this.restarts < MAX_RESTARTS) {
      // Python died after it had worked: start afresh and replay what was waiting, once.
      this.restarts += 1;
      this.onStatus("The planner stopped; restarting it…");
      this.start();
      for (const [seq, entry] of this.pending) {
        entry.replayed = true;
        this.post(seq, entry.json);
      }
      return;
    }
    // It never worked, keeps dying, or the same request killed it twice: waiting
    // requests fail, new ones are refused until retry(), and the page explains.
    this.failed = true;
    for (const entry of this.pending.values()) entry.reject(new Error(reason));
    this.pending.clear();
    this.onFatal(reason, { started: wasReady || replayedAgain });
  }

  /** Start again (the retry button): after a failure, or when loading takes too long. */
  retry() {
    this.restarts = 0;
    this.failed = false;
    if (this.worker && !this.ready) {
      // Still loading after a long wait: start a fresh download, keeping what waits.
      this.worker.terminate();
      this.worker = null;
    }
    if (!this.worker) {
      this.start();
      for (const [seq, entry] of this.pending) this.post(seq, entry.json);
    }
  }

  post(seq, json) {
    this.worker.postMessage({ kind: "request", seq, json });
  }

  /** Send one request; resolves with the parsed response as soon as Python answers. */
  request(op, fields = {}) {
    if (this.failed) return Promise.reject(new Error("The planner is not running."));
    if (!this.worker) this.start();
    this.seq += 1;
    const seq = this.seq;
    const json = JSON.stringify({ protocol: PROTOCOL, id: seq, op, ...fields });
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { json, resolve, reject, replayed: false });
      this.post(seq, json);
    });
  }

  /**
   * Only for tests and diagnostics: make the worker die as if Python crashed,
   * now, or (every=true) on each request that any worker receives from now on.
   */
  crashForTesting({ every = false } = {}) {
    if (every) {
      this.crashOnRequest = true;
      if (this.worker) this.worker.postMessage({ kind: "crash", on: "request" });
    } else if (this.worker) this.worker.postMessage({ kind: "crash" });
  }
}
