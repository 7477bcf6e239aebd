// What the site keeps in the browser, and forgetting it
// (docs/assets/planner/storage.js), on in-memory stores.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  DeviceStorage, SESSION_KEY, STORAGE_KEY, decodeRecord, encodeRecord,
} from "../../docs/assets/planner/storage.js";
import { MemoryStorage } from "./fakes.js";

function setUp({ blocked = false } = {}) {
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  const storage = new DeviceStorage({
    local: blocked ? null : local, session: blocked ? null : session, themePrefix: "/site/.",
  });
  return { local, session, storage };
}

const DETAILS = { interview_date: "2026-03-12", interviewers: [{ name: "Dana" }] };

describe("the remembered record", () => {
  test("is versioned JSON under one key, and reads back as it was written", () => {
    const { local, storage } = setUp();
    assert.equal(storage.writeRemembered(DETAILS), true);
    assert.deepEqual(local.keys(), [STORAGE_KEY]);
    assert.deepEqual(JSON.parse(String(local.getItem(STORAGE_KEY))), { version: 1, input: DETAILS });
    assert.deepEqual(storage.readRemembered(), DETAILS);
  });

  test("nothing stored reads as null, and removing it leaves nothing", () => {
    const { local, storage } = setUp();
    assert.equal(storage.readRemembered(), null);
    storage.writeRemembered(DETAILS);
    storage.removeRemembered();
    assert.deepEqual(local.keys(), []);
    assert.equal(storage.readRemembered(), null);
  });

  for (const [text, why] of [
    ["not json", "text that is not JSON"],
    ['{"version": 2, "input": {}}', "another version"],
    ['{"version": 1}', "no details"],
    ['{"version": 1, "input": [1]}', "details that are a list"],
    ['{"version": 1, "input": "Dana"}', "details that are a string"],
    ["null", "JSON null"],
  ]) {
    test(`a record with ${why} is unreadable`, () => {
      assert.equal(decodeRecord(text), "unreadable");
      const { local, storage } = setUp();
      local.setItem(STORAGE_KEY, text);
      assert.equal(storage.readRemembered(), "unreadable");
    });
  }

  test("encodeRecord and decodeRecord are each other's inverse", () => {
    assert.deepEqual(decodeRecord(encodeRecord(DETAILS)), DETAILS);
  });

  test("a browser that refuses to store says so, and one that blocks storage too", () => {
    const { local, storage } = setUp();
    local.refuse = true;
    assert.equal(storage.writeRemembered(DETAILS), false);
    const blocked = setUp({ blocked: true }).storage;
    assert.equal(blocked.writeRemembered(DETAILS), false);
    assert.equal(blocked.readRemembered(), null);
    blocked.removeRemembered();
    blocked.forgetEverything();
  });
});

describe("this tab's copy", () => {
  const interviews = [{ id: "a", company: "Acme" }, { id: "b", role: "Clerk" }];

  test("is versioned JSON under one key of ours in sessionStorage, and reads back as written", () => {
    const { local, session, storage } = setUp();
    assert.equal(storage.writeSession(interviews, "b"), true);
    assert.deepEqual(session.keys(), [SESSION_KEY]);
    assert.ok(SESSION_KEY.startsWith("follow-up:"), "so that Forget removes it");
    assert.deepEqual(local.keys(), [], "never in localStorage");
    assert.deepEqual(JSON.parse(String(session.getItem(SESSION_KEY))), { version: 1, interviews, current: "b" });
    assert.deepEqual(storage.readSession(), { interviews, current: "b" });
    storage.removeSession();
    assert.deepEqual(session.keys(), []);
    assert.equal(storage.readSession(), null);
  });

  test("leaves out entries that are not objects, and a current id that is not a string", () => {
    const { session, storage } = setUp();
    session.setItem(SESSION_KEY, JSON.stringify({ version: 1, interviews: [interviews[0], 7, null, []], current: 3 }));
    assert.deepEqual(storage.readSession(), { interviews: [interviews[0]], current: null });
  });

  for (const [text, why] of [
    ["not json", "text that is not JSON"],
    ['{"version": 2, "interviews": []}', "another version"],
    ['{"version": 1, "interviews": {}}', "interviews that are not a list"],
    ["null", "JSON null"],
  ]) {
    test(`a copy with ${why} is unreadable`, () => {
      const { session, storage } = setUp();
      session.setItem(SESSION_KEY, text);
      assert.equal(storage.readSession(), "unreadable");
    });
  }

  test("a browser that refuses or blocks it says so, and never throws", () => {
    const { session, storage } = setUp();
    session.refuse = true;
    assert.equal(storage.writeSession(interviews, null), false);
    const blocked = setUp({ blocked: true }).storage;
    assert.equal(blocked.writeSession(interviews, null), false);
    assert.equal(blocked.readSession(), null);
    blocked.removeSession();
  });
});

describe("forgetEverything", () => {
  test("removes our keys and the theme's keys for this site from both stores, and nothing else", () => {
    const { local, session, storage } = setUp();
    storage.writeRemembered(DETAILS);
    local.setItem("follow-up:v2-draft", "{}");
    local.setItem("/site/.__palette", '{"index": 1}');
    local.setItem("/other-site/.__palette", '{"index": 1}');
    local.setItem("someone-else", "kept");
    session.setItem("/site/.__search", "x");
    session.setItem("follow-up:tab", "x");
    storage.forgetEverything();
    assert.deepEqual(local.keys(), ["/other-site/.__palette", "someone-else"]);
    assert.deepEqual(session.keys(), []);
  });
});

