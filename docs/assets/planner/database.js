// The interviews kept on this device, in IndexedDB: opening, reading, writing
// and deleting the database, and nothing else (keeping.js decides when).
//
// Schema, version 1 (DB_VERSION): database "follow-up" with two object stores,
//   "interviews"  keyPath "id": one record per interview, the engine's input as it is;
//   "meta"        out-of-line keys: "order" (the ids in the person's order, as
//                 records come back sorted by id) and "current" (the interview on screen).
// A later version adds its step to upgrade() for oldVersion < N, so a person's
// data moves forward and is never dropped.
//
// The database exists only once the person chose to keep their interviews.
// So opening never creates it: where the browser lists its databases
// (indexedDB.databases()) an absent one is not even opened; elsewhere the open
// that would create it is aborted in its upgrade, which leaves no database
// behind. Every write is one transaction, settled by its `complete` (or by
// its `abort`, with the browser's error, such as QuotaExceededError).
// With storage.js, the only module that touches the browser's storage;
// tests/js/database.test.js runs it on fake-indexeddb.

/** @typedef {import("./interviews.js").Interview} Interview */
/** @typedef {{records: Record<string, unknown>[], order: unknown, current: unknown}} KeptRecords */
/**
 * One write: interviews to put, ids to delete, and the meta entries to set;
 * `clear` empties the interviews first (a write of everything).
 * @typedef {{put?: readonly Interview[], remove?: readonly string[], order?: readonly string[],
 *   current?: string | null, clear?: boolean}} Change
 */

export const DB_NAME = "follow-up";
export const DB_VERSION = 1;
const INTERVIEWS = "interviews";
const META = "meta";
// "strict": `complete` means on disk, not only in the browser's memory, so a
// change reported as kept survives a crash or a power cut.
const DURABLE = /** @type {IDBTransactionOptions} */ ({ durability: "strict" });

/**
 * Bring the schema from `oldVersion` to DB_VERSION, inside the upgrade transaction.
 * @param {IDBDatabase} db
 * @param {number} oldVersion
 */
function upgrade(db, oldVersion) {
  if (oldVersion < 1) {
    db.createObjectStore(INTERVIEWS, { keyPath: "id" });
    db.createObjectStore(META);
  }
}

/**
 * Apply a change in a transaction that is already open on both stores.
 * @param {IDBTransaction} tx
 * @param {Change} change
 */
function apply(tx, { put = [], remove = [], order, current, clear = false }) {
  const interviews = tx.objectStore(INTERVIEWS);
  const meta = tx.objectStore(META);
  if (clear) interviews.clear();
  for (const id of remove) interviews.delete(id);
  for (const interview of put) interviews.put(interview);
  if (order !== undefined) meta.put([...order], "order");
  if (current !== undefined) meta.put(current, "current");
}

/**
 * Run `work` in one transaction: resolves when it is complete, rejects with
 * the browser's error when it is aborted (or cannot start).
 * @param {IDBDatabase} db
 * @param {IDBTransactionMode} mode
 * @param {(tx: IDBTransaction) => void} work
 * @returns {Promise<void>}
 */
function transact(db, mode, work) {
  return new Promise((resolve, reject) => {
    try {
      const tx = db.transaction([INTERVIEWS, META], mode, DURABLE);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error || new DOMException("The change was not saved.", "AbortError"));
      try {
        work(tx);
      } catch (error) {
        reject(error); // a value the browser cannot store (DataCloneError), say
        tx.abort();
      }
    } catch (error) {
      reject(error); // the connection is closing or closed
    }
  });
}

/** An open connection to the kept interviews. */
export class KeptDatabase {
  /** @type {IDBDatabase} */
  #db;
  /** True once another tab deleted or upgraded the database: this connection is closed. */
  gone = false;
  /**
   * Told when another tab takes the database away.
   * @type {() => void}
   */
  onGone = () => {};

  /** @param {IDBDatabase} db */
  constructor(db) {
    this.#db = db;
    // Another tab wants to delete the database (it stopped keeping, or forgot
    // everything) or to upgrade it: let it, rather than block it.
    db.onversionchange = () => {
      db.close();
      this.gone = true;
      this.onGone();
    };
  }

  /**
   * Everything kept, as stored (keeping.js checks it), the records in the person's order.
   * @returns {Promise<KeptRecords>}
   */
  async read() {
    /** @type {KeptRecords} */
    const found = { records: [], order: null, current: null };
    await transact(this.#db, "readonly", (tx) => {
      const records = tx.objectStore(INTERVIEWS).getAll();
      records.onsuccess = () => { found.records = records.result; };
      const meta = tx.objectStore(META);
      const order = meta.get("order");
      order.onsuccess = () => { found.order = order.result ?? null; };
      const current = meta.get("current");
      current.onsuccess = () => { found.current = current.result ?? null; };
    });
    const place = new Map(Array.isArray(found.order) ? found.order.map((id, index) => [id, index]) : []);
    const rank = (/** @type {Record<string, unknown>} */ record) => place.get(record.id) ?? Infinity;
    found.records.sort((a, b) => rank(a) - rank(b)); // records come back sorted by id
    return found;
  }

  /**
   * Write one change, all of it or none of it.
   * @param {Change} change
   * @returns {Promise<void>}
   */
  write(change) {
    return transact(this.#db, "readwrite", (tx) => apply(tx, change));
  }

  close() {
    this.#db.close();
    this.gone = true;
  }
}

/**
 * @param {IDBOpenDBRequest} request
 * @param {(event: IDBVersionChangeEvent, tx: IDBTransaction) => void} onUpgrade
 * @returns {Promise<IDBDatabase | null>} null when the upgrade was aborted.
 */
function opened(request, onUpgrade) {
  return new Promise((resolve, reject) => {
    /** @type {DOMException | null} */
    let aborted = null;
    request.onupgradeneeded = (event) => {
      const tx = /** @type {IDBTransaction} */ (request.transaction);
      tx.onabort = () => { aborted = tx.error; };
      onUpgrade(event, tx);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault(); // handled here: not an uncaught error in the console
      if (request.error?.name === "AbortError" && !aborted) resolve(null);
      else reject(aborted || request.error);
    };
    request.onblocked = () => {}; // another tab's old connection: it closes on versionchange
  });
}

/** The kept interviews' database, on a browser's IndexedDB (or a test's). */
export class InterviewDatabase {
  /** @param {IDBFactory} factory */
  constructor(factory) {
    this.factory = factory;
  }

  /** False only when the browser lists its databases and ours is not among them. */
  async #listed() {
    if (typeof this.factory.databases !== "function") return true; // not known: open() finds out
    return (await this.factory.databases()).some((info) => info.name === DB_NAME);
  }

  /**
   * The kept database, or null when the person never chose to keep (nothing is created).
   * Rejects when the browser refuses IndexedDB, or the database is of a newer version.
   * @returns {Promise<KeptDatabase | null>}
   */
  async open() {
    if (!(await this.#listed())) return null;
    const db = await opened(this.factory.open(DB_NAME, DB_VERSION), (event, tx) => {
      if (event.oldVersion === 0) tx.abort(); // it would be created: it is not there
      else upgrade(tx.db, event.oldVersion);
    });
    return db && new KeptDatabase(db);
  }

  /**
   * Create the database (or open it, if it exists) and write `change` in the
   * same transaction as the schema, so a failed write leaves no database behind.
   * @param {Change} change
   * @returns {Promise<KeptDatabase>}
   */
  async create(change) {
    let written = false;
    const db = await opened(this.factory.open(DB_NAME, DB_VERSION), (event, tx) => {
      upgrade(tx.db, event.oldVersion);
      apply(tx, change);
      written = true;
    });
    if (!db) throw new DOMException("The interviews could not be kept.", "AbortError");
    const kept = new KeptDatabase(db);
    if (!written) {
      await kept.write(change).catch((error) => {
        kept.close();
        throw error;
      });
    }
    return kept;
  }

  /**
   * Delete the database. "blocked" when a tab running an older page holds it
   * open: the browser deletes it once that tab lets go.
   * @returns {Promise<"deleted" | "blocked">}
   */
  async remove() {
    if (!(await this.#listed())) return "deleted"; // nothing to delete: touch nothing
    return new Promise((resolve, reject) => {
      const request = this.factory.deleteDatabase(DB_NAME);
      request.onsuccess = () => resolve("deleted");
      request.onerror = () => reject(request.error);
      request.onblocked = () => resolve("blocked");
    });
  }
}

/**
 * This browser's IndexedDB, or null where it is missing or refused (some
 * private windows, storage blocked for the site).
 * @returns {InterviewDatabase | null}
 */
export function browserDatabase() {
  try {
    return window.indexedDB ? new InterviewDatabase(window.indexedDB) : null;
  } catch {
    return null; // reading window.indexedDB itself throws where storage is blocked
  }
}
