// Stand-ins for the browser and for Python, shared by the unit tests.

/**
 * A promise with its resolve and reject in hand.
 * @template T
 */
export class Deferred {
  constructor() {
    /** @type {(value: T) => void} */
    this.resolve = () => {};
    /** @type {(error: Error) => void} */
    this.reject = () => {};
    /** @type {Promise<T>} */
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
}

/** Let every promise callback that is ready run. */
export const settle = () => new Promise((resolve) => { setImmediate(resolve); });

/**
 * Python, held in the test's hand: each request waits until the test answers it.
 * @typedef {{op: string, fields: Record<string, unknown>, answer: Deferred<any>}} Call
 */
export class FakePython {
  /** @type {Call[]} */
  calls = [];

  /** @type {import("../../docs/assets/planner/protocol.js").Requester} */
  request = (op, fields = {}) => {
    const answer = new Deferred();
    this.calls.push({ op, fields, answer });
    return answer.promise;
  };

  /**
   * The requests made for one operation.
   * @param {string} op
   */
  made(op) {
    return this.calls.filter((call) => call.op === op);
  }
}

/** A plan as the engine answers it, with one item named after `title`. */
export function planNamed(/** @type {string} */ title) {
  return {
    version: 1,
    items: [{
      key: "TY-EMAIL-1", title, phase: "same_day", due: "2026-03-12", latest: null, recipient: null,
      channel: "email", optional: false, overdue: false, advice: [], basis: [], steps: [],
    }],
    warnings: [],
    guidance: [],
    drafts: [],
  };
}

/**
 * A Storage, in memory; `refuse` makes setItem throw as a full or blocked one does.
 * @implements {Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">}
 */
export class MemoryStorage {
  /** @type {Map<string, string>} */
  #items = new Map();
  refuse = false;

  get length() { return this.#items.size; }

  /** @param {number} index */
  key(index) { return [...this.#items.keys()][index] ?? null; }

  /** @param {string} key */
  getItem(key) { return this.#items.get(key) ?? null; }

  /**
   * @param {string} key
   * @param {string} value
   */
  setItem(key, value) {
    if (this.refuse) throw new Error("QuotaExceededError");
    this.#items.set(key, String(value));
  }

  /** @param {string} key */
  removeItem(key) { this.#items.delete(key); }

  keys() { return [...this.#items.keys()]; }
}

/** A Web Worker the test speaks for: it records what the page posts and answers when told. */
export class FakeWorker {
  /** @type {import("../../docs/assets/planner/protocol.js").ToWorker[]} */
  posted = [];
  terminated = false;
  /** @type {{message: Array<(event: any) => void>, error: Array<(event: any) => void>}} */
  #listeners = { message: [], error: [] };

  /** @param {string} url */
  constructor(url) {
    this.url = url;
  }

  /** @param {import("../../docs/assets/planner/protocol.js").ToWorker} message */
  postMessage(message) { this.posted.push(message); }

  terminate() { this.terminated = true; }

  /**
   * @param {"message" | "error"} type
   * @param {(event: any) => void} listener
   */
  addEventListener(type, listener) { this.#listeners[type].push(listener); }

  /** @param {import("../../docs/assets/planner/protocol.js").FromWorker} message */
  send(message) {
    for (const listener of this.#listeners.message) listener({ data: message });
  }

  ready() { this.send({ kind: "ready", pyodide: "0.0.0" }); }

  /** The requests this worker was sent. */
  requests() {
    return this.posted.flatMap((message) => (message.kind === "request" ? [message] : []));
  }

  /**
   * Answer a request as the bridge would, echoing its op.
   * @param {number} seq
   */
  answer(seq) {
    const request = this.requests().find((message) => message.seq === seq);
    if (!request) throw new Error(`no request ${seq} was sent to this worker`);
    const { op } = JSON.parse(request.json);
    this.send({ kind: "response", seq, json: JSON.stringify({ ok: true, result: { op } }) });
  }

  /** Die as a worker does when Python crashes: an uncaught error. */
  crash(message = "Python crashed") {
    let prevented = false;
    for (const listener of this.#listeners.error) listener({ message, preventDefault: () => { prevented = true; } });
    return prevented;
  }
}

/**
 * Freeze a value and everything in it, as the page's state holds it: a
 * function that changes what it is given then throws.
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function deepFreeze(value) {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Open a database directly, as another tab or an older page would.
 * @param {IDBFactory} factory
 * @param {string} name
 * @param {number} [version]
 * @param {(db: IDBDatabase) => void} [upgrade]
 * @returns {Promise<IDBDatabase>}
 */
export function openRaw(factory, name, version, upgrade = () => {}) {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? factory.open(name) : factory.open(name, version);
    request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * A browser's IndexedDB without indexedDB.databases() (Firefox before 126, say).
 * @param {IDBFactory} factory
 * @returns {IDBFactory}
 */
export function withoutDatabasesList(factory) {
  return /** @type {IDBFactory} */ (/** @type {unknown} */ ({
    open: (/** @type {string} */ name, /** @type {number} */ version) => factory.open(name, version),
    deleteDatabase: (/** @type {string} */ name) => factory.deleteDatabase(name),
    cmp: (/** @type {unknown} */ a, /** @type {unknown} */ b) => factory.cmp(a, b),
  }));
}

/**
 * Make every put() in fake-indexeddb fail as a full disk does: once the put is
 * done, its transaction aborts with a QuotaExceededError before it can commit
 * (fake-indexeddb has no quota of its own). Undone when the test ends.
 * @param {import("node:test").TestContext} t
 * @param {{prototype: IDBObjectStore}} store fake-indexeddb's IDBObjectStore
 */
export function fullDisk(t, store) {
  const put = store.prototype.put;
  t.mock.method(store.prototype, "put", /** @this {any} */ function (/** @type {any[]} */ ...args) {
    const request = put.apply(this, /** @type {[any]} */ (args));
    const tx = this.transaction;
    request.addEventListener("success", () => { if (!tx.error) tx._abort("QuotaExceededError"); });
    return request;
  });
}
