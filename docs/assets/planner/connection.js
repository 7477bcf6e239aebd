// The connection to the Python worker (worker.js).
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
// No DOM: tests/js/connection.test.js runs it against a fake worker.

import { PROTOCOL } from "./protocol.js";

/** @typedef {import("./protocol.js").FromWorker} FromWorker */
/** @typedef {import("./protocol.js").ToWorker} ToWorker */
/** @typedef {import("./protocol.js").Answer<any>} AnyAnswer */

export const MAX_RESTARTS = 3;
export const LOAD_TIMEOUT_MS = 45_000;

/**
 * The part of a Worker the connection uses (a fake one in the unit tests).
 * @typedef {object} WorkerLike
 * @property {(message: ToWorker) => void} postMessage
 * @property {() => void} terminate
 * @property {(type: "message" | "error", listener: (event: any) => void) => void} addEventListener
 */

/**
 * @typedef {object} Waiting A request sent and not answered yet.
 * @property {string} json
 * @property {(answer: AnyAnswer) => void} resolve
 * @property {(error: Error) => void} reject
 * @property {boolean} replayed Sent again to a fresh worker after one died.
 */

/**
 * @typedef {object} ConnectionOptions
 * @property {string} workerURL
 * @property {string} pyodideURL
 * @property {string} bundleURL
 * @property {string} [pyodideLock] Pyodide's lock file with no packages (the build writes it
 *   into the page): given, the worker does not download Pyodide's own.
 * @property {(text: string) => void} onStatus What the worker is doing, in words.
 * @property {(info: {pyodide: string}) => void} onReady Python answers from now on.
 * @property {(reason: string, info: {started: boolean}) => void} onFatal The planner gave up:
 *   `started` tells whether Python had worked (it stopped) or never started.
 * @property {() => void} [onSlow] Still loading after LOAD_TIMEOUT_MS.
 * @property {(worker: WorkerLike) => void} [onStart] A worker was started (the test hooks use it).
 * @property {boolean} [testing] Tell the worker the test hooks are on (see protocol.js).
 * @property {(url: string) => WorkerLike} [createWorker]
 */

/** @param {string} url */
const moduleWorker = (url) => new Worker(url, { type: "module" });

export class PlannerConnection {
  /** @type {WorkerLike | null} */
  worker = null;
  ready = false;
  failed = false;
  /** Workers started so far. */
  starts = 0;
  /** Restarts since the last answer: reset only when Python answers. */
  restarts = 0;
  #seq = 0;
  /** @type {Map<number, Waiting>} */
  #pending = new Map();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #slowTimer;

  /** @param {ConnectionOptions} options */
  constructor(options) {
    this.options = options;
    this.createWorker = options.createWorker || moduleWorker;
  }

  start() {
    const { workerURL, pyodideURL, bundleURL, pyodideLock, testing, onSlow, onStart } = this.options;
    this.ready = false;
    this.failed = false;
    this.starts += 1;
    const worker = this.createWorker(workerURL);
    this.worker = worker;
    // Messages from a worker we already replaced are ignored: only one speaks.
    worker.addEventListener("message", (/** @type {MessageEvent<FromWorker>} */ event) => {
      if (worker === this.worker) this.#receive(event.data);
    });
    worker.addEventListener("error", (/** @type {ErrorEvent} */ event) => {
      event.preventDefault();
      if (worker === this.worker) this.#died(event.message || "The planner stopped unexpectedly.");
    });
    worker.postMessage({
      kind: "init", pyodide: pyodideURL, bundle: bundleURL,
      ...(pyodideLock ? { lock: pyodideLock } : {}), ...(testing ? { testing } : {}),
    });
    if (onStart) onStart(worker);
    clearTimeout(this.#slowTimer);
    this.#slowTimer = setTimeout(() => {
      if (worker === this.worker && !this.ready && onSlow) onSlow();
    }, LOAD_TIMEOUT_MS);
  }

  /** @param {FromWorker} message */
  #receive(message) {
    if (message.kind === "status") this.options.onStatus(message.text);
    else if (message.kind === "ready") {
      this.ready = true;
      clearTimeout(this.#slowTimer);
      this.options.onReady({ pyodide: message.pyodide });
    } else if (message.kind === "response") {
      this.restarts = 0;
      const entry = this.#pending.get(message.seq);
      if (!entry) return;
      this.#pending.delete(message.seq);
      entry.resolve(JSON.parse(message.json));
    } else if (message.kind === "fatal") this.#died(message.message);
  }

  /** @param {string} reason */
  #died(reason) {
    const wasReady = this.ready;
    clearTimeout(this.#slowTimer);
    this.worker?.terminate();
    this.worker = null;
    this.ready = false;
    const replayedAgain = [...this.#pending.values()].some((entry) => entry.replayed);
    if (wasReady && !replayedAgain && this.restarts < MAX_RESTARTS) {
      // Python died after it had worked: start afresh and replay what was waiting, once.
      this.restarts += 1;
      this.options.onStatus("The planner stopped; restarting it…");
      this.start();
      for (const [seq, entry] of this.#pending) {
        entry.replayed = true;
        this.#post(seq, entry.json);
      }
      return;
    }
    // It never worked, keeps dying, or the same request killed it twice: waiting
    // requests fail, new ones are refused until retry(), and the page explains.
    this.failed = true;
    for (const entry of this.#pending.values()) entry.reject(new Error(reason));
    this.#pending.clear();
    this.options.onFatal(reason, { started: wasReady || replayedAgain });
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
      for (const [seq, entry] of this.#pending) this.#post(seq, entry.json);
    }
  }

  /**
   * @param {number} seq
   * @param {string} json
   */
  #post(seq, json) {
    this.worker?.postMessage({ kind: "request", seq, json });
  }

  /**
   * Send one request; resolves with the parsed answer as soon as Python answers.
   * @type {import("./protocol.js").Requester}
   */
  request(op, fields = {}) {
    if (this.failed) return Promise.reject(new Error("The planner is not running."));
    if (!this.worker) this.start();
    this.#seq += 1;
    const seq = this.#seq;
    const json = JSON.stringify({ protocol: PROTOCOL, id: seq, op, ...fields });
    return new Promise((resolve, reject) => {
      this.#pending.set(seq, { json, resolve, reject, replayed: false });
      this.#post(seq, json);
    });
  }
}
