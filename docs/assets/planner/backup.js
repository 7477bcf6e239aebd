// The backup file: every interview in one file, `{"version": 1, "interviews":
// [...]}`, each entry exactly the engine's input with its `id` and `archived`,
// so that the command line's `agenda` and `record` read it as it is
// (planner/backup.py reads the same shape).
//
// Reading is all or nothing: a file is checked in full, and a refused one
// changes nothing, so a wrong or damaged file can never cost the person what
// they have. A merge only adds; only a replace, which the person chooses,
// drops what is here.
// No DOM: tests/js/backup.test.js.

import { isPlainObject, portable } from "./details.js";
import { newId } from "./interviews.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./interviews.js").Interview} Interview */
/**
 * What a file held. `kind` says whether it was a backup or one interview's
 * details (what "Save details" writes); `freshIds` counts the interviews that
 * had to be given a new id (none, or one already used by an earlier entry).
 * @typedef {{ok: true, interviews: Interview[], kind: "backup" | "details", freshIds: number}
 *   | {ok: false, message: string}} BackupReading
 */
/**
 * A restore's outcome: the new list, and counts for the sentence that reports it.
 * @typedef {{list: Interview[], added: number, alreadyHere: number, dropped: number}} Restoring
 */

export const BACKUP_VERSION = 1;
export const MAX_BACKUP_BYTES = 2 * 1024 * 1024;
export const MAX_INTERVIEWS = 500;

const NOT_JSON = "That file could not be read as a backup: it is not a JSON file, or it is damaged.";
const FOREIGN = "That file is not a backup of interviews from this planner.";
const TOO_LARGE = "That file is too large to be a backup of interviews from this planner (more than 2 MB).";
const CHECKLIST = "That file is a checklist the planner made, not a backup of your interviews: "
  + "choose a backup file, or a file of one interview's saved details.";

/**
 * An interview as the backup holds it: the engine's input, without `today`.
 * @param {Interview} interview
 * @returns {Interview}
 */
function backupEntry(interview) {
  return /** @type {Interview} */ (portable(interview));
}

/**
 * The backup of these interviews, in their order.
 * @param {readonly Interview[]} list
 * @returns {{version: number, interviews: Interview[]}}
 */
export function toBackup(list) {
  return { version: BACKUP_VERSION, interviews: list.map(backupEntry) };
}

/**
 * The backup file's text.
 * @param {readonly Interview[]} list
 */
export function backupText(list) {
  return `${JSON.stringify(toBackup(list), null, 2)}\n`;
}

/**
 * Interviews from entries already known to be objects: `today` left out, and a
 * fresh id for each one without a usable id, or with one an earlier entry has.
 * Also used for what the browser kept (keeping.js), which passed the same checks once.
 * @param {readonly Record<string, unknown>[]} entries
 * @param {() => string} [makeId]
 * @returns {{interviews: Interview[], freshIds: number}}
 */
export function withIds(entries, makeId = newId) {
  const seen = new Set();
  let freshIds = 0;
  const interviews = entries.map((entry) => {
    let id = typeof entry.id === "string" && entry.id.trim() ? entry.id : "";
    if (!id || seen.has(id)) {
      do id = makeId(); while (seen.has(id));
      freshIds += 1;
    }
    seen.add(id);
    const { id: _old, ...rest } = portable(entry);
    return { id, ...rest };
  });
  return { interviews, freshIds };
}

/** @param {number} n */
const ordinal = (n) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] || "th";
  return `${n}${suffix}`;
};

/**
 * Read a backup file's text, or one interview's saved details.
 * @param {string} text
 * @param {() => string} [makeId]
 * @returns {BackupReading}
 */
export function readBackup(text, makeId = newId) {
  // Code units never outnumber UTF-8 bytes: the cheap test first, the exact one after.
  if (text.length > MAX_BACKUP_BYTES || new TextEncoder().encode(text).byteLength > MAX_BACKUP_BYTES) {
    return { ok: false, message: TOO_LARGE };
  }
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, message: NOT_JSON };
  }
  if (!isPlainObject(data)) return { ok: false, message: FOREIGN };
  if ("interviews" in data) return readInterviews(data, makeId);
  if ("items" in data && "version" in data) return { ok: false, message: CHECKLIST };
  if ("interview_date" in data || "interviewers" in data) {
    // One interview's details, as "Save details" writes them: an interview of its own.
    const { interviews, freshIds } = withIds([data], makeId);
    return { ok: true, interviews, kind: "details", freshIds };
  }
  return { ok: false, message: FOREIGN };
}

/**
 * @param {Record<string, unknown>} data An object with an `interviews` field.
 * @param {() => string} makeId
 * @returns {BackupReading}
 */
function readInterviews(data, makeId) {
  const entries = data.interviews;
  if (!Array.isArray(entries)) return { ok: false, message: FOREIGN };
  if (data.version !== BACKUP_VERSION) {
    return {
      ok: false,
      message: `That backup is not of version ${BACKUP_VERSION}, the only one this page reads, `
        + "so it was not used. It may come from a newer version of the planner.",
    };
  }
  if (entries.length > MAX_INTERVIEWS) {
    return {
      ok: false,
      message: `That backup holds ${entries.length} interviews, more than the ${MAX_INTERVIEWS} `
        + "this page can keep, so it was not used.",
    };
  }
  const bad = entries.findIndex((entry) => !isPlainObject(entry));
  if (bad >= 0) {
    return {
      ok: false,
      message: `The ${ordinal(bad + 1)} entry of that backup is not an interview's details, `
        + "so the file may be damaged and was not used.",
    };
  }
  const { interviews, freshIds } = withIds(entries, makeId);
  return { ok: true, interviews, kind: "backup", freshIds };
}

/**
 * Read a backup file (a File, or anything with its size and text()), refusing
 * one too large before reading it.
 * @param {{size: number, text: () => Promise<string>}} file
 * @param {() => string} [makeId]
 * @returns {Promise<BackupReading>}
 */
export async function readBackupFile(file, makeId = newId) {
  if (file.size > MAX_BACKUP_BYTES) return { ok: false, message: TOO_LARGE };
  let text;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: NOT_JSON };
  }
  return readBackup(text, makeId);
}

/**
 * Add the interviews not here yet (by id), after the ones here, which stay as
 * they are: the same interview restored again is not doubled, and never
 * overwrites what was changed since the backup.
 * @param {readonly Interview[]} list
 * @param {readonly Interview[]} incoming
 * @returns {Restoring}
 */
export function mergeBackup(list, incoming) {
  const here = new Set(list.map((interview) => interview.id));
  const added = incoming.filter((interview) => !here.has(interview.id));
  return { list: [...list, ...added], added: added.length, alreadyHere: incoming.length - added.length, dropped: 0 };
}
