// The connection to the Python worker.
//
// Requests may be sent at any time: before Python is ready the worker queues
// them, so a submit made while Pyodide loads is answered as soon as it can be.
// If the worker dies after it has worked, a fresh one is started and every
// request still waiting is sent again; if Python cannot load at all, the page
// is told (onFatal) and can retry().

const PROTOCOL = 1;
const MAX_RESTARTS = 3;

export class PlannerConnection {
  constructor({ workerURL, pyodideURL, bundleURL, onStatus, onReady, onFatal }) {
    Object.assign(this, { workerURL, pyodideURL, bundleURL, onStatus, onReady, onFatal });
    this.worker = null;
    this.ready = false;
    this.failed = false;
    this.seq = 0;
    this.pending = new Map();
    this.restarts = 0;
    this.starts = 0;
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
    worker.postMessage({ kind: "init", pyodide: this.pyodideURL, bundle: this.bundleURL });
  }

  receive(message) {
    if (message.kind === "status") this.onStatus(message.text);
    else if (message.kind === "ready") {
      this.ready = true;
      this.restarts = 0;
      this.onReady(message.versions);
    } else if (message.kind === "response") {
      const entry = this.pending.get(message.seq);
      if (!entry) return;
      this.pending.delete(message.seq);
      entry.resolve(JSON.parse(message.json));
    } else if (message.kind === "fatal") this.died(message.message);
  }

  died(reason) {
    const wasReady = this.ready;
    this.worker.terminate();
    this.worker = null;
    this.ready = false;
    if (wasReady && this.restarts < MAX_RESTARTS) {
      // Python died after it had worked: start afresh and replay what was waiting.
      this.restarts += 1;
      this.onStatus("The planner stopped; restarting it…");
      this.start();
      for (const [seq, entry] of this.pending) this.post(seq, entry.json);
      return;
    }
    // It never worked (or keeps dying): waiting requests fail, the page explains.
    this.failed = true;
    for (const entry of this.pending.values()) entry.reject(new Error(reason));
    this.pending.clear();
    this.onFatal(reason);
  }

  /** Start again after a fatal failure (the retry button). */
  retry() {
    this.restarts = 0;
    if (!this.worker) this.start();
  }

  post(seq, json) {
    this.worker.postMessage({ kind: "request", seq, json });
  }

  /** Send one request; resolves with the parsed response as soon as Python answers. */
  request(op, fields = {}) {
    if (!this.worker) this.start();
    this.seq += 1;
    const seq = this.seq;
    const json = JSON.stringify({ protocol: PROTOCOL, id: seq, op, ...fields });
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { json, resolve, reject });
      this.post(seq, json);
    });
  }

  /** Only for tests and diagnostics: make the worker die as if Python crashed. */
  crashForTesting() {
    if (this.worker) this.worker.postMessage({ kind: "crash" });
  }
}
