// The details of an interview as a document: what is saved, shared and
// remembered, how a saved file is read, and whether Python can plan it. A file
// or a link is checked in full before anything in the form changes.
// No DOM: tests/js/details.test.js.

import { isRefusal } from "./protocol.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./protocol.js").Problem} Problem */
/** @typedef {import("./protocol.js").Requester} Requester */

export const MAX_FILE_BYTES = 256 * 1024;

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The details as saved, shared and remembered: the engine's input, without `today`.
 * @param {Details} input
 * @returns {Details}
 */
export function portable(input) {
  const { today: _today, ...rest } = input;
  return rest;
}

/**
 * The first three problems in one sentence, and how many more there are.
 * @param {Problem[]} problems
 */
export function problemList(problems) {
  const messages = problems.slice(0, 3).map((problem) => problem.message);
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
  return `${messages.join(" ")}${more}`;
}

/** @typedef {{ok: true, input: Details} | {ok: false, message: string}} FileReading */

/**
 * Read a file that should hold saved details (a File, or anything with its size and text()).
 * @param {{size: number, text: () => Promise<string>}} file
 * @returns {Promise<FileReading>}
 */
export async function readDetailsFile(file) {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, message: "That file is far too large to be saved interview details." };
  }
  let data;
  try {
    const text = await file.text();
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return {
      ok: false,
      message: "That file could not be read as saved details: it is not a JSON file, or it is damaged.",
    };
  }
  if (!isPlainObject(data)) {
    return { ok: false, message: "That file is not saved interview details from this planner." };
  }
  if ("items" in data && "version" in data && !("interview_date" in data)) {
    return {
      ok: false,
      message: "That file is a checklist the planner made, not the details it was made from. Load a file made with “Save details”.",
    };
  }
  if (!("interview_date" in data) && !("interviewers" in data)) {
    return { ok: false, message: "That file is not saved interview details from this planner." };
  }
  return { ok: true, input: portable(data) };
}

/**
 * Can Python plan these details? "stopped": Python is not running; "refused":
 * the request itself was refused; "invalid": the engine found problems.
 * @typedef {{status: "plannable"} | {status: "stopped"} | {status: "refused", message: string}
 *   | {status: "invalid", problems: Problem[]}} Plannability
 */

/**
 * Ask Python whether it can plan these details, without showing anything.
 * @param {Requester} request
 * @param {Details} input
 * @param {string} today
 * @returns {Promise<Plannability>}
 */
export async function checkPlannable(request, input, today) {
  let answer;
  try {
    answer = await request("plan", { input, today });
  } catch {
    return { status: "stopped" };
  }
  if (!answer.ok) return { status: "refused", message: answer.error.message };
  if (isRefusal(answer.result)) return { status: "invalid", problems: answer.result.errors };
  return { status: "plannable" };
}
