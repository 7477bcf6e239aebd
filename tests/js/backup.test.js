// The backup file: writing it, reading it (and every way a file can be wrong),
// merging and replacing (docs/assets/planner/backup.js).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  MAX_BACKUP_BYTES, MAX_INTERVIEWS, backupText, mergeBackup, readBackup, readBackupFile, toBackup,
  withIds,
} from "../../docs/assets/planner/backup.js";
import { deepFreeze } from "./fakes.js";

/** @typedef {import("../../docs/assets/planner/interviews.js").Interview} Interview */

/** Ids "fresh-1", "fresh-2"... in turn. */
function counter() {
  let n = 0;
  return () => { n += 1; return `fresh-${n}`; };
}

const DANA = { id: "k7w2q9", interview_date: "2026-03-12", interviewers: [{ name: "Dana Reyes" }] };
const KIM = { id: "p3m8d1", interview_date: "2026-04-21", interviewers: [{ name: "Kim Osei" }], archived: true };
const HERE = /** @type {Interview[]} */ (deepFreeze([DANA, KIM]));

describe("toBackup", () => {
  test("is version 1 with each interview exactly as the engine takes it, id and archived included", () => {
    assert.deepEqual(toBackup(HERE), { version: 1, interviews: [DANA, KIM] });
  });

  test("never holds `today`, which belongs to the day of planning", () => {
    const withToday = /** @type {Interview} */ ({ ...DANA, today: "2026-03-20" });
    assert.deepEqual(toBackup([withToday]).interviews, [DANA]);
  });

  test("its text is the shape the command line reads (the docs' example backup)", () => {
    const example = JSON.parse(readFileSync(new URL("../../docs/reference/examples/backup.json", import.meta.url), "utf-8"));
    assert.deepEqual(JSON.parse(backupText(example.interviews)), example);
    assert.ok(backupText(HERE).endsWith("}\n"));
  });

  test("reads back as it was written", () => {
    assert.deepEqual(readBackup(backupText(HERE), counter()), { ok: true, interviews: HERE, kind: "backup", freshIds: 0 });
  });
});

describe("readBackup refuses, with a sentence, and nothing else happens", () => {
  const entries = (/** @type {unknown[]} */ list) => JSON.stringify({ version: 1, interviews: list });
  for (const [text, message, why] of [
    ["not json", /could not be read as a backup: it is not a JSON file, or it is damaged/, "text that is not JSON"],
    ['{"version": 1, "interviews": [', /could not be read as a backup/, "a file cut short"],
    ["", /could not be read as a backup/, "an empty file"],
    ["[1, 2]", /not a backup of interviews from this planner/, "a JSON list"],
    ['"backup"', /not a backup of interviews from this planner/, "a JSON string"],
    ["null", /not a backup of interviews from this planner/, "JSON null"],
    ['{"name": "Dana"}', /not a backup of interviews from this planner/, "an object of something else"],
    ['{"version": 1, "interviews": {"a": {}}}', /not a backup of interviews from this planner/, "interviews that are not a list"],
    ['{"version": 1, "items": [], "warnings": []}', /a checklist the planner made, not a backup/, "a checklist saved as JSON"],
    ['{"version": 2, "interviews": []}', /not of version 1, the only one this page reads/, "another version"],
    ['{"interviews": []}', /not of version 1/, "no version"],
    ['{"version": "1", "interviews": []}', /not of version 1/, "a version that is a string"],
    ['{"version": true, "interviews": []}', /not of version 1/, "a version that is true"],
    [entries([DANA, "Kim"]), /The 2nd entry of that backup is not an interview's details/, "an entry that is a string"],
    [entries([null]), /The 1st entry/, "an entry that is null"],
    [entries([DANA, DANA, [KIM]]), /The 3rd entry/, "an entry that is a list"],
    [entries(Array(11).fill({}).concat([7])), /The 12th entry/, "the twelfth entry"],
    [entries(Array(MAX_INTERVIEWS + 1).fill({})), /holds 501 interviews, more than the 500/, "too many interviews"],
  ]) {
    test(/** @type {string} */ (why), () => {
      const reading = readBackup(/** @type {string} */ (text), counter());
      assert.equal(reading.ok, false);
      assert.match(reading.ok ? "" : reading.message, /** @type {RegExp} */ (message));
    });
  }

  test("a file over 2 MB, counted in bytes rather than characters", () => {
    const padding = (/** @type {string} */ char, /** @type {number} */ count) => entries([{ ...DANA, company: char.repeat(count) }]);
    assert.equal(readBackup(padding("a", MAX_BACKUP_BYTES - 200)).ok, true);
    const reading = readBackup(padding("é", MAX_BACKUP_BYTES / 2), counter());
    assert.deepEqual(reading, { ok: false, message: "That file is too large to be a backup of interviews from this planner (more than 2 MB)." });
  });

  test("a file too large is refused before it is read", async () => {
    let read = false;
    const file = { size: MAX_BACKUP_BYTES + 1, text: async () => { read = true; return backupText(HERE); } };
    assert.equal((await readBackupFile(file)).ok, false);
    assert.equal(read, false);
  });

  test("a file that cannot be read at all", async () => {
    const file = { size: 10, text: async () => { throw new Error("NotReadableError"); } };
    const reading = await readBackupFile(file);
    assert.match(reading.ok ? "" : reading.message, /could not be read as a backup/);
  });
});

describe("readBackup accepts", () => {
  test("a backup, with a byte order mark, from a file", async () => {
    const file = { size: 100, text: async () => `\uFEFF${backupText(HERE)}` };
    assert.deepEqual(await readBackupFile(file, counter()), { ok: true, interviews: HERE, kind: "backup", freshIds: 0 });
  });

  test("one interview's saved details (what “Save details” writes): one interview, with a fresh id", () => {
    const saved = { interview_date: "2026-03-12", interviewers: [{ name: "Dana" }], today: "2026-03-13" };
    assert.deepEqual(readBackup(JSON.stringify(saved), counter()), {
      ok: true, kind: "details", freshIds: 1,
      interviews: [{ id: "fresh-1", interview_date: "2026-03-12", interviewers: [{ name: "Dana" }] }],
    });
    assert.equal(readBackup('{"interviewers": []}', counter()).ok, true);
  });

  test("one interview's details that carry an id keep it (a second restore does not double it)", () => {
    const reading = readBackup(JSON.stringify(DANA), counter());
    assert.deepEqual(reading.ok && reading.interviews, [DANA]);
  });

  test("an empty backup", () => {
    assert.deepEqual(readBackup('{"version": 1, "interviews": []}'), { ok: true, interviews: [], kind: "backup", freshIds: 0 });
  });

  test("entries without an id, or with one that is not a string or blank, get fresh ones", () => {
    const reading = readBackup(JSON.stringify({ version: 1, interviews: [{ role: "A" }, { id: 7 }, { id: " " }, DANA] }), counter());
    assert.deepEqual(reading, {
      ok: true, kind: "backup", freshIds: 3,
      interviews: [{ id: "fresh-1", role: "A" }, { id: "fresh-2" }, { id: "fresh-3" }, DANA],
    });
  });

  test("a duplicated id: the first keeps it, the later ones get fresh ones", () => {
    const twin = { ...KIM, id: DANA.id };
    const reading = readBackup(JSON.stringify({ version: 1, interviews: [DANA, twin, twin] }), counter());
    assert.deepEqual(reading.ok && reading.interviews.map((each) => each.id), [DANA.id, "fresh-1", "fresh-2"]);
    assert.equal(reading.ok && reading.freshIds, 2);
  });

  test("a fresh id never repeats one already given", () => {
    const ids = ["dup", "dup", "new"];
    const { interviews } = withIds([{ id: "dup" }, {}], () => /** @type {string} */ (ids.shift()));
    assert.deepEqual(interviews.map((each) => each.id), ["dup", "new"]);
  });
});

describe("restoring", () => {
  const changedDana = /** @type {Interview} */ ({ ...DANA, company: "changed in the backup" });
  const LEE = /** @type {Interview} */ ({ id: "z9z9z9", interview_date: "2026-05-02", interviewers: [{ name: "Lee" }] });

  test("a merge adds what is not here, after what is, and leaves what is here untouched", () => {
    const result = mergeBackup(HERE, [changedDana, LEE]);
    assert.deepEqual(result, { list: [DANA, KIM, LEE], added: 1, alreadyHere: 1, dropped: 0 });
    assert.equal(result.list[0], DANA, "the interview here, not the backup's copy");
  });

  test("merging the same backup twice adds nothing the second time", () => {
    const once = mergeBackup(HERE, [LEE]).list;
    assert.deepEqual(mergeBackup(once, [LEE]), { list: once, added: 0, alreadyHere: 1, dropped: 0 });
  });

  for (const text of ["not json", '{"version": 2, "interviews": []}', '{"version": 1, "interviews": [1]}',
    '{"version": 1, "items": []}']) {
    test(`a refused file changes nothing here: ${text}`, () => {
      // What the page does with a reading: only a good one reaches the list.
      const reading = readBackup(text);
      const list = reading.ok ? mergeBackup(HERE, reading.interviews).list : HERE;
      assert.equal(list, HERE);
      assert.deepEqual(HERE, [DANA, KIM]);
    });
  }
});
