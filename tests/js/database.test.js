// The kept interviews' database (docs/assets/planner/database.js), on
// fake-indexeddb: nothing created until chosen, the schema, transactions that
// hold all or nothing, a full disk, and other tabs.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { IDBFactory, IDBObjectStore } from "fake-indexeddb";

import { DB_NAME, DB_VERSION, InterviewDatabase } from "../../docs/assets/planner/database.js";
import { fullDisk, openRaw, withoutDatabasesList } from "./fakes.js";

/** @typedef {import("../../docs/assets/planner/interviews.js").Interview} Interview */

const A = { id: "b-second-by-id", company: "Acme" };
const B = { id: "a-first-by-id", company: "Bolt" };
const ALL = { clear: true, put: [A, B], order: [A.id, B.id], current: B.id };

/** The database names the browser lists. */
const listed = async (/** @type {IDBFactory} */ factory) => (await factory.databases()).map((info) => info.name);

describe("opening", () => {
  test("finds no database where none was kept, and creates none", async () => {
    const factory = new IDBFactory();
    assert.equal(await new InterviewDatabase(factory).open(), null);
    assert.deepEqual(await listed(factory), []);
  });

  test("where the browser lists its databases, an absent one is not even opened (no trace on disk)", async (t) => {
    const factory = new IDBFactory();
    const opens = t.mock.method(factory, "open");
    const deletes = t.mock.method(factory, "deleteDatabase");
    const database = new InterviewDatabase(factory);
    assert.equal(await database.open(), null);
    assert.equal(await database.remove(), "deleted");
    assert.equal(opens.mock.callCount() + deletes.mock.callCount(), 0);
  });

  test("without indexedDB.databases(), the open that would create it is aborted: still none", async () => {
    const factory = new IDBFactory();
    const database = new InterviewDatabase(withoutDatabasesList(factory));
    assert.equal(await database.open(), null);
    assert.equal(await database.open(), null, "and again: the aborted open left nothing behind");
    assert.deepEqual(await listed(factory), []);
    const kept = await database.create(ALL);
    assert.deepEqual((await kept.read()).records, [A, B], "and creating it later works");
    kept.close();
    assert.notEqual(await database.open(), null);
  });

  test("a database of a newer version (a newer page in another tab) is refused, not read wrongly", async () => {
    const factory = new IDBFactory();
    (await openRaw(factory, DB_NAME, DB_VERSION + 1)).close();
    await assert.rejects(new InterviewDatabase(factory).open(), { name: "VersionError" });
  });
});

describe("creating and reading", () => {
  test("schema version 1: 'interviews' by id, and 'meta'", async () => {
    const factory = new IDBFactory();
    (await new InterviewDatabase(factory).create(ALL)).close();
    assert.deepEqual(await factory.databases(), [{ name: "follow-up", version: 1 }]);
    const db = await openRaw(factory, DB_NAME);
    assert.deepEqual([...db.objectStoreNames], ["interviews", "meta"]);
    const tx = db.transaction(["interviews", "meta"]);
    assert.equal(tx.objectStore("interviews").keyPath, "id");
    assert.equal(tx.objectStore("meta").keyPath, null);
    db.close();
  });

  test("reads back what was written, in the person's order rather than by id", async () => {
    const kept = await new InterviewDatabase(new IDBFactory()).create(ALL);
    assert.deepEqual(await kept.read(), { records: [A, B], order: [A.id, B.id], current: B.id });
  });

  test("creating where the database exists writes everything in place of what was there", async () => {
    const factory = new IDBFactory();
    (await new InterviewDatabase(factory).create(ALL)).close();
    const kept = await new InterviewDatabase(factory).create({ clear: true, put: [B], order: [B.id], current: null });
    assert.deepEqual(await kept.read(), { records: [B], order: [B.id], current: null });
  });
});

describe("writing", () => {
  test("puts, deletes and sets the meta entries in one transaction", async () => {
    const kept = await new InterviewDatabase(new IDBFactory()).create(ALL);
    const C = { id: "c", role: "Clerk" };
    await kept.write({ put: [C, { ...B, company: "Bolt Ltd" }], remove: [A.id], order: [C.id, B.id], current: C.id });
    assert.deepEqual(await kept.read(), {
      records: [C, { ...B, company: "Bolt Ltd" }], order: [C.id, B.id], current: C.id,
    });
    await kept.write({});
    assert.equal((await kept.read()).records.length, 2, "an empty change changes nothing");
  });

  test("a full disk rejects the write with QuotaExceededError, and nothing of it is kept", async (t) => {
    const kept = await new InterviewDatabase(new IDBFactory()).create(ALL);
    fullDisk(t, IDBObjectStore);
    await assert.rejects(kept.write({ remove: [B.id], put: [{ ...A, company: "lost" }], current: A.id }), {
      name: "QuotaExceededError",
    });
    assert.deepEqual(await kept.read(), { records: [A, B], order: [A.id, B.id], current: B.id });
  });

  test("a full disk when creating leaves no database behind", async (t) => {
    const factory = new IDBFactory();
    const database = new InterviewDatabase(factory);
    fullDisk(t, IDBObjectStore);
    await assert.rejects(database.create(ALL), { name: "QuotaExceededError" });
    assert.deepEqual(await listed(factory), []);
    t.mock.restoreAll();
    assert.equal(await database.open(), null);
  });

  test("a value the browser cannot store rejects the write, and nothing of it is kept", async () => {
    const kept = await new InterviewDatabase(new IDBFactory()).create(ALL);
    const bad = /** @type {Interview} */ (/** @type {unknown} */ ({ id: "x", company: () => "no" }));
    await assert.rejects(kept.write({ remove: [A.id], put: [bad] }), { name: "DataCloneError" });
    assert.deepEqual((await kept.read()).records, [A, B]);
  });

  test("a closed connection rejects, rather than throwing", async () => {
    const kept = await new InterviewDatabase(new IDBFactory()).create(ALL);
    kept.close();
    await assert.rejects(kept.write({ remove: [A.id] }), { name: "InvalidStateError" });
  });
});

describe("deleting, and other tabs", () => {
  test("remove() deletes the database; with nothing kept it touches nothing", async () => {
    const factory = new IDBFactory();
    const database = new InterviewDatabase(factory);
    assert.equal(await database.remove(), "deleted");
    (await database.create(ALL)).close();
    assert.equal(await database.remove(), "deleted");
    assert.deepEqual(await listed(factory), []);
  });

  test("a connection lets another tab delete the database, and says it is gone", async () => {
    const factory = new IDBFactory();
    const kept = await new InterviewDatabase(factory).create(ALL);
    let told = 0;
    kept.onGone = () => { told += 1; };
    assert.equal(await new InterviewDatabase(factory).remove(), "deleted");
    assert.equal(kept.gone, true);
    assert.equal(told, 1);
    assert.deepEqual(await listed(factory), []);
  });

  test("a tab that holds the database open (an older page) blocks the delete: remove() says so", async () => {
    const factory = new IDBFactory();
    (await new InterviewDatabase(factory).create(ALL)).close();
    const old = await openRaw(factory, DB_NAME);
    assert.equal(await new InterviewDatabase(factory).remove(), "blocked");
    old.close();
    await new Promise((resolve) => { setTimeout(resolve, 10); });
    assert.deepEqual(await listed(factory), [], "deleted once that tab let go");
  });
});
