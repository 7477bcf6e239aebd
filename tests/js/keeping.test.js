// Keeping the interviews (docs/assets/planner/keeping.js, with tab-copy.js):
// the person's choice, this tab's copy, the old "remember" record, failures,
// other tabs. On fake-indexeddb and in-memory Web Storage; a "reload" is a new
// Keeper on the same stores, a "new tab" one with a fresh sessionStorage.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { IDBFactory, IDBObjectStore } from "fake-indexeddb";

import { mergeBackup, readBackup } from "../../docs/assets/planner/backup.js";
import { InterviewDatabase, KeptDatabase } from "../../docs/assets/planner/database.js";
import { Keeper } from "../../docs/assets/planner/keeping.js";
import * as words from "../../docs/assets/planner/keeping-words.js";
import { DeviceStorage, SESSION_KEY, STORAGE_KEY } from "../../docs/assets/planner/storage.js";
import { gather } from "../../docs/assets/planner/tab-copy.js";
import { MemoryStorage, fullDisk, withoutDatabasesList } from "./fakes.js";

/** @typedef {import("../../docs/assets/planner/interviews.js").Interview} Interview */

const DANA = { id: "dana", interview_date: "2026-03-12", company: "Acme", interviewers: [{ name: "Dana" }] };
const KIM = { id: "kim", interview_date: "2026-04-21", interviewers: [{ name: "Kim" }] };
const BLANK = { id: "blank", interviewers: [{}] };
const OLD_DETAILS = { interview_date: "2026-02-02", role: "Clerk", interviewers: [{ name: "Ola" }] };

/**
 * A browser: IndexedDB (none with `missing`), localStorage, and a tab's sessionStorage.
 * @param {{indexedDB?: IDBFactory, missing?: boolean, local?: MemoryStorage, granted?: boolean}} [options]
 */
function browser({ indexedDB = new IDBFactory(), missing = false, local = new MemoryStorage(), granted = false } = {}) {
  const state = { persisted: false, asked: /** @type {string[]} */ ([]) };
  const persistence = {
    persisted: async () => { state.asked.push("persisted"); return state.persisted; },
    persist: async () => { state.asked.push("persist"); state.persisted = granted; return granted; },
  };
  /** One tab of this browser (a fresh sessionStorage unless given one). */
  function tab(session = new MemoryStorage()) {
    let n = 0;
    /** @type {Array<[string, string]>} */
    const changes = [];
    const keeper = new Keeper({
      database: missing ? null : new InterviewDatabase(indexedDB),
      storage: new DeviceStorage({ local, session, themePrefix: "/site/." }),
      persistence,
      makeId: () => { n += 1; return `new-${n}`; },
      onChange: (keeping, message) => { changes.push([keeping, message]); },
    });
    return { keeper, session, changes };
  }
  return { indexedDB, local, state, tab };
}

/** What the database holds (without opening one that is not there), or null. */
async function kept(/** @type {IDBFactory} */ indexedDB) {
  const database = await new InterviewDatabase(indexedDB).open();
  if (!database) return null;
  const found = await database.read();
  database.close();
  return found;
}

describe("gather: what the page shows at start", () => {
  const makeId = () => "new";
  const old = { role: "Clerk", interviewers: [{ name: "Ola" }] };
  for (const [why, found, expected] of [
    ["nothing anywhere", {}, { interviews: [], current: null }],
    ["the kept ones, with the current one kept", { kept: [DANA, KIM], keptCurrent: KIM.id },
      { interviews: [DANA, KIM], current: KIM.id }],
    ["a current id that names none: the first", { kept: [DANA, KIM], keptCurrent: "gone" },
      { interviews: [DANA, KIM], current: DANA.id }],
    ["this tab's copy wins for its own and adds the rest, with its current one",
      { kept: [DANA, KIM], keptCurrent: KIM.id, copy: { interviews: [{ ...DANA, role: "x" }, BLANK], current: BLANK.id } },
      { interviews: [{ ...DANA, role: "x" }, KIM, BLANK], current: BLANK.id }],
    ["the old record joins, and is shown", { kept: [DANA], keptCurrent: DANA.id, old },
      { interviews: [DANA, { id: "new", ...old }], current: "new" }],
    ["the old record is not doubled (same details, keys in any order, ticks aside)",
      { copy: { interviews: [{ id: "a", interviewers: [{ name: "Ola" }], role: "Clerk", done: [] }], current: "a" }, old },
      { interviews: [{ id: "a", interviewers: [{ name: "Ola" }], role: "Clerk", done: [] }], current: "a" }],
  ]) {
    test(/** @type {string} */ (why), () => {
      const given = { kept: null, keptCurrent: null, copy: null, old: null, .../** @type {object} */ (found) };
      assert.deepEqual(gather(/** @type {Parameters<typeof gather>[0]} */ (given), makeId), expected);
    });
  }
});

describe("before the person chooses", () => {
  test("a visit with nothing typed stores nothing anywhere, and creates no database", async () => {
    const { indexedDB, local, tab } = browser();
    const { keeper, session } = tab();
    assert.deepEqual(await keeper.start(),
      { interviews: [], current: null, keeping: "off", persisted: null, notices: [] });
    assert.deepEqual(await keeper.save([BLANK], BLANK.id), { ok: true, keeping: "off", message: "" });
    assert.deepEqual(await indexedDB.databases(), []);
    assert.deepEqual([local.keys(), session.keys()], [[], []]);
  });

  test("also where the browser cannot list its databases", async () => {
    const indexedDB = new IDBFactory();
    const { tab } = browser({ indexedDB: withoutDatabasesList(indexedDB) });
    const { keeper } = tab();
    assert.equal((await keeper.start()).keeping, "off");
    await keeper.save([DANA], DANA.id);
    assert.deepEqual(await indexedDB.databases(), []);
  });

  test("what was typed lives in this tab's copy: back after a reload, not in a new tab", async () => {
    const { indexedDB, local, state, tab } = browser();
    const first = tab();
    await first.keeper.start();
    await first.keeper.save([DANA, BLANK], BLANK.id);
    assert.deepEqual(first.session.keys(), [SESSION_KEY]);
    const reloaded = tab(first.session).keeper;
    assert.deepEqual(await reloaded.start(),
      { interviews: [DANA, BLANK], current: BLANK.id, keeping: "off", persisted: null, notices: [] });
    assert.deepEqual((await tab().keeper.start()).interviews, []);
    assert.deepEqual([local.keys(), await indexedDB.databases(), state.asked], [[], [], []]);
  });

  test("the copy goes once nothing typed is left", async () => {
    const { keeper, session } = browser().tab();
    await keeper.start();
    await keeper.save([DANA], DANA.id);
    assert.deepEqual(session.keys(), [SESSION_KEY]);
    await keeper.save([], null);
    assert.deepEqual(session.keys(), []);
  });

  test("a tab whose storage refuses says so, and the page goes on", async () => {
    const { keeper, session } = browser().tab();
    await keeper.start();
    session.refuse = true;
    assert.deepEqual(await keeper.save([DANA], DANA.id), { ok: false, keeping: "off", message: words.TAB_REFUSED });
  });
});

describe("keeping, chosen", () => {
  test("writes everything at once, removes this tab's copy, and says what the browser promised", async () => {
    const { indexedDB, state, tab } = browser({ granted: true });
    const { keeper, session } = tab();
    await keeper.start();
    await keeper.save([DANA, KIM], KIM.id);
    assert.deepEqual(state.asked, [], "nothing asked of the browser before the choice");
    assert.deepEqual(await keeper.keep([DANA, KIM], KIM.id),
      { ok: true, keeping: "on", persisted: true, message: words.KEPT_FOR_GOOD });
    assert.deepEqual(state.asked, ["persisted", "persist"]);
    assert.deepEqual(await kept(indexedDB), { records: [DANA, KIM], order: ["dana", "kim"], current: "kim" });
    assert.deepEqual(session.keys(), []);
  });

  test("where the browser does not promise, says it may clear them, and how to keep them on an iPhone", async () => {
    const { keeper } = browser({ granted: false }).tab();
    await keeper.start();
    const outcome = await keeper.keep([DANA], DANA.id);
    assert.deepEqual(outcome, { ok: true, keeping: "on", persisted: false, message: words.KEPT_MAY_CLEAR });
    assert.match(outcome.message, /may clear them when space runs low.*backup.*iPhone.*Home Screen.*seven days/s);
  });

  test("a new tab finds them, in order, with the one on screen and the browser's promise", async () => {
    const { state, tab } = browser({ granted: true });
    const first = tab().keeper;
    await first.start();
    await first.keep([KIM, DANA], DANA.id);
    state.asked.length = 0;
    assert.deepEqual(await tab().keeper.start(),
      { interviews: [KIM, DANA], current: DANA.id, keeping: "on", persisted: true, notices: [] });
    assert.deepEqual(state.asked, ["persisted"], "asked whether, never asked again to persist");
  });

  test("then every save writes only what changed, in one transaction", async (t) => {
    const { indexedDB, tab } = browser();
    const { keeper, session } = tab();
    await keeper.start();
    await keeper.keep([DANA, KIM], DANA.id);
    const writes = t.mock.method(KeptDatabase.prototype, "write");
    const edited = { ...KIM, company: "Bolt" };
    assert.deepEqual(await keeper.save([DANA, edited], DANA.id), { ok: true, keeping: "on", message: "" });
    assert.deepEqual(await keeper.save([DANA, edited], DANA.id), { ok: true, keeping: "on", message: "" });
    await keeper.save([edited], edited.id);
    assert.deepEqual(writes.mock.calls.map((call) => call.arguments[0]), [
      { put: [edited], remove: [] },
      { put: [], remove: ["dana"], order: ["kim"], current: "kim" },
    ]);
    assert.deepEqual(await kept(indexedDB), { records: [edited], order: ["kim"], current: "kim" });
    assert.deepEqual(session.keys(), [], "no tab copy while kept");
  });

  test("saves are written in the order made, and one still waiting gives way to a newer one", async () => {
    const { indexedDB, tab } = browser();
    const { keeper } = tab();
    await keeper.start();
    await keeper.keep([DANA], DANA.id);
    const versions = ["a", "b", "c", "d"].map((role) => ({ ...DANA, role }));
    const outcomes = await Promise.all(versions.map((each) => keeper.save([each], each.id)));
    assert.ok(outcomes.every((outcome) => outcome.ok));
    assert.deepEqual((await kept(indexedDB))?.records, [versions[3]]);
  });

  test("today is never stored", async () => {
    const { indexedDB, tab } = browser();
    const { keeper } = tab();
    await keeper.start();
    await keeper.keep([{ ...DANA, today: "2026-03-20" }], DANA.id);
    await keeper.save([{ ...KIM, today: "2026-03-20" }], KIM.id);
    assert.deepEqual((await kept(indexedDB))?.records, [KIM]);
  });

  test("a full disk: the save says so, this tab's copy holds the change, and a reload brings it back", async (t) => {
    const { indexedDB, tab } = browser();
    const { keeper, session } = tab();
    await keeper.start();
    await keeper.keep([DANA, KIM], DANA.id);
    fullDisk(t, IDBObjectStore);
    const edited = { ...DANA, role: "typed while the disk was full" };
    assert.deepEqual(await keeper.save([edited, KIM], DANA.id), { ok: false, keeping: "on", message: words.FULL });
    assert.deepEqual((await kept(indexedDB))?.records, [DANA, KIM], "the database holds what it held");
    assert.deepEqual(session.keys(), [SESSION_KEY]);
    t.mock.restoreAll();
    const reloaded = tab(session).keeper;
    assert.deepEqual((await reloaded.start()).interviews, [edited, KIM]);
    assert.deepEqual((await kept(indexedDB))?.records, [edited, KIM], "and keeps it now");
    assert.deepEqual(session.keys(), []);
  });

  test("after a failed save, the next one that works drops this tab's copy: a reload shows the newest", async (t) => {
    const { indexedDB, tab } = browser();
    const { keeper, session } = tab();
    await keeper.start();
    await keeper.keep([DANA, KIM], DANA.id);
    fullDisk(t, IDBObjectStore);
    await keeper.save([{ ...DANA, role: "first" }, KIM], DANA.id);
    t.mock.restoreAll();
    const newest = { ...DANA, role: "second, after the disk was freed" };
    assert.deepEqual(await keeper.save([newest, KIM], DANA.id), { ok: true, keeping: "on", message: "" });
    assert.deepEqual(session.keys(), [], "the copy, now behind, is gone");
    assert.deepEqual((await tab(session).keeper.start()).interviews, [newest, KIM]);
    assert.deepEqual((await kept(indexedDB))?.records, [newest, KIM]);
  });

  test("a full disk when choosing: nothing kept, no database, the page goes on", async (t) => {
    const { indexedDB, tab } = browser();
    const { keeper, session } = tab();
    await keeper.start();
    await keeper.save([DANA], DANA.id);
    fullDisk(t, IDBObjectStore);
    assert.deepEqual(await keeper.keep([DANA], DANA.id),
      { ok: false, keeping: "off", persisted: null, message: words.FULL_TO_KEEP });
    assert.deepEqual(await indexedDB.databases(), []);
    assert.deepEqual(session.keys(), [SESSION_KEY], "this tab's copy is still there");
    t.mock.restoreAll();
    assert.equal((await keeper.keep([DANA], DANA.id)).ok, true, "and the choice can be made again");
  });
});

describe("where IndexedDB is missing or refused", () => {
  /** An IndexedDB that refuses everything, as some private windows do. */
  const refusing = /** @type {IDBFactory} */ (/** @type {unknown} */ ({
    databases: async () => { throw new DOMException("refused", "SecurityError"); },
    open: () => { throw new DOMException("refused", "SecurityError"); },
    deleteDatabase: () => { throw new DOMException("refused", "SecurityError"); },
  }));

  test("refused only when the choice is made (an old private window): unavailable from then on", async () => {
    const indexedDB = new IDBFactory();
    const refuses = /** @type {IDBFactory} */ (/** @type {unknown} */ ({
      databases: () => indexedDB.databases(),
      open: () => { throw new DOMException("refused", "InvalidStateError"); },
    }));
    const { keeper, session } = browser({ indexedDB: refuses }).tab();
    assert.equal((await keeper.start()).keeping, "off");
    await keeper.save([DANA], DANA.id);
    assert.deepEqual(await keeper.keep([DANA], DANA.id),
      { ok: false, keeping: "unavailable", persisted: null, message: words.UNAVAILABLE });
    assert.deepEqual(await keeper.save([KIM], KIM.id), { ok: true, keeping: "unavailable", message: "" });
    assert.deepEqual(session.keys(), [SESSION_KEY]);
  });

  for (const [why, options] of [["missing", { missing: true }], ["refused", { indexedDB: refusing }]]) {
    test(`${why}: keeping is unavailable, said once, and the session still works`, async () => {
      const { tab } = browser(/** @type {{missing?: boolean, indexedDB?: IDBFactory}} */ (options));
      const { keeper, session } = tab();
      assert.deepEqual(await keeper.start(),
        { interviews: [], current: null, keeping: "unavailable", persisted: null, notices: [words.UNAVAILABLE] });
      assert.deepEqual(await keeper.save([DANA], DANA.id), { ok: true, keeping: "unavailable", message: "" });
      assert.deepEqual(session.keys(), [SESSION_KEY]);
      assert.deepEqual(await keeper.keep([DANA], DANA.id),
        { ok: false, keeping: "unavailable", persisted: null, message: words.UNAVAILABLE });
      assert.equal((await keeper.forget([DANA], DANA.id)).keeping, "unavailable");
      assert.deepEqual(session.keys(), []);
    });
  }
});

describe("the old “Remember on this device” record", () => {
  const remembered = () => {
    const local = new MemoryStorage();
    local.setItem(STORAGE_KEY, JSON.stringify({ version: 1, input: OLD_DETAILS }));
    return local;
  };

  test("becomes a kept interview with a fresh id on the first visit, and goes", async () => {
    const { indexedDB, local, tab } = browser({ local: remembered() });
    const started = await tab().keeper.start();
    const moved = { id: "new-1", ...OLD_DETAILS };
    assert.deepEqual(started,
      { interviews: [moved], current: "new-1", keeping: "on", persisted: false, notices: [words.MIGRATED] });
    assert.deepEqual(await kept(indexedDB), { records: [moved], order: ["new-1"], current: "new-1" });
    assert.deepEqual(local.keys(), []);
    assert.deepEqual((await tab().keeper.start()).interviews, [moved], "once: the next visit finds it kept");
  });

  test("joins interviews kept already, unless one holds the same details", async () => {
    const { local, tab } = browser({ local: remembered() });
    const first = tab().keeper;
    await first.start();
    local.setItem(STORAGE_KEY, JSON.stringify({ version: 1, input: OLD_DETAILS })); // an old page in another tab
    assert.deepEqual((await tab().keeper.start()).interviews.map((each) => each.id), ["new-1"]);
    local.setItem(STORAGE_KEY, JSON.stringify({ version: 1, input: { ...OLD_DETAILS, role: "Typist" } }));
    const started = await tab().keeper.start();
    assert.deepEqual(started.interviews.map((each) => each.role), ["Clerk", "Typist"]);
    assert.equal(started.current, started.interviews[1].id);
    assert.deepEqual(local.keys(), []);
  });

  test("without IndexedDB it stays, kept up to date, and is never doubled", async () => {
    const { local, tab } = browser({ missing: true, local: remembered() });
    const { keeper, session } = tab();
    const started = await keeper.start();
    assert.equal(started.keeping, "unavailable");
    assert.deepEqual(started.notices, [words.UNAVAILABLE, words.LEGACY]);
    const edited = { ...started.interviews[0], role: "Senior clerk", done: [{ key: "TY-EMAIL-1", date: "2026-02-02" }] };
    await keeper.save([edited], edited.id);
    assert.deepEqual(JSON.parse(String(local.getItem(STORAGE_KEY))).input, { ...OLD_DETAILS, role: "Senior clerk" });
    const reloaded = await tab(session).keeper.start();
    assert.deepEqual(reloaded.interviews, [edited]);
  });

  test("with a full disk it stays, and the person is told", async (t) => {
    const { indexedDB, local, tab } = browser({ local: remembered() });
    fullDisk(t, IDBObjectStore);
    const started = await tab().keeper.start();
    assert.equal(started.keeping, "off");
    assert.deepEqual(started.notices, [words.FULL_TO_KEEP, words.LEGACY]);
    assert.deepEqual([local.keys(), await indexedDB.databases()], [[STORAGE_KEY], []]);
  });

  test("one that cannot be read is removed, and the person is told", async () => {
    const local = new MemoryStorage();
    local.setItem(STORAGE_KEY, "{broken");
    const { indexedDB, tab } = browser({ local });
    assert.deepEqual((await tab().keeper.start()).notices, [words.OLD_UNREADABLE]);
    assert.deepEqual([local.keys(), await indexedDB.databases()], [[], []]);
  });
});

describe("stopping, forgetting, and other tabs", () => {
  test("forgetting removes ours and the theme's keys everywhere, and what is shown is not written back", async () => {
    const { indexedDB, local, tab } = browser();
    const { keeper, session } = tab();
    await keeper.start();
    await keeper.keep([DANA], DANA.id);
    await keeper.save([DANA, KIM], KIM.id);
    local.setItem("/site/.__palette", "{}");
    local.setItem("someone-else", "kept");
    session.setItem("/site/.__tabs", "x");
    assert.deepEqual(await keeper.forget([DANA, KIM], KIM.id), { ok: true, keeping: "off", message: words.FORGOTTEN });
    assert.deepEqual([await indexedDB.databases(), local.keys(), session.keys()], [[], ["someone-else"], []]);
    await keeper.save([DANA, KIM], KIM.id);
    assert.deepEqual(session.keys(), [], "the same list again is not a change of the person's");
    await keeper.save([DANA], DANA.id);
    assert.deepEqual(session.keys(), [SESSION_KEY], "a change is");
  });

  test("another tab forgetting everything is heard here, and this tab never re-creates the database", async () => {
    const { indexedDB, tab } = browser();
    const here = tab();
    await here.keeper.start();
    await here.keeper.keep([DANA], DANA.id);
    const there = tab().keeper;
    assert.equal((await there.start()).keeping, "on");
    await there.forget([DANA], DANA.id);
    assert.deepEqual(here.changes, [["off", words.STOPPED_ELSEWHERE]]);
    assert.equal(here.keeper.keeping, "off");
    assert.deepEqual(await here.keeper.save([DANA, KIM], KIM.id), { ok: true, keeping: "off", message: "" });
    assert.deepEqual(await indexedDB.databases(), []);
    assert.deepEqual(here.session.keys(), [SESSION_KEY]);
  });

  test("what a tab typed before another tab chose to keep joins the kept interviews on reload", async () => {
    const { indexedDB, tab } = browser();
    const here = tab();
    await here.keeper.start();
    await here.keeper.save([DANA], DANA.id);
    const there = tab().keeper;
    await there.start();
    await there.keep([KIM], KIM.id);
    const started = await tab(here.session).keeper.start();
    assert.deepEqual([started.interviews, started.current, started.keeping], [[KIM, DANA], DANA.id, "on"]);
    assert.deepEqual((await kept(indexedDB))?.records, [KIM, DANA]);
    assert.deepEqual(here.session.keys(), []);
  });
});

describe("two tabs choosing", () => {
  test("a tab that chooses to keep after another did joins what is kept, and loses nothing", async () => {
    const { indexedDB, tab } = browser();
    const first = tab().keeper;
    const second = tab().keeper;
    await first.start();
    await second.start();
    await first.keep([KIM], KIM.id);
    const outcome = await second.keep([DANA], DANA.id);
    assert.equal(outcome.ok, true);
    assert.deepEqual(outcome.interviews, [DANA, KIM], "the page is told of both");
    assert.deepEqual((await kept(indexedDB))?.records, [DANA, KIM]);
    await second.save([{ ...DANA, role: "edited" }, KIM], DANA.id);
    assert.deepEqual((await kept(indexedDB))?.records, [{ ...DANA, role: "edited" }, KIM]);
  });
});

describe("restoring a backup", () => {
  test("a merge keeps what is here and saves only what it added; a refused file changes nothing", async (t) => {
    const { indexedDB, tab } = browser();
    const { keeper } = tab();
    await keeper.start();
    await keeper.keep([DANA], DANA.id);
    const writes = t.mock.method(KeptDatabase.prototype, "write");
    for (const text of ["{broken", '{"version": 9, "interviews": []}', '{"version": 1, "items": []}']) {
      const reading = readBackup(text);
      assert.equal(reading.ok, false);
    }
    assert.equal(writes.mock.callCount(), 0);
    const reading = readBackup(JSON.stringify({ version: 1, interviews: [{ ...DANA, company: "other" }, KIM] }));
    assert.ok(reading.ok);
    const { list } = mergeBackup([DANA], reading.interviews);
    await keeper.save(list, DANA.id);
    assert.deepEqual(writes.mock.calls.map((call) => call.arguments[0]),
      [{ put: [KIM], remove: [], order: ["dana", "kim"] }]);
    assert.deepEqual((await kept(indexedDB))?.records, [DANA, KIM]);
  });
});
