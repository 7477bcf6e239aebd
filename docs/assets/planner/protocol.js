// What crosses between the page, the worker and Python, written down once.
//
// The page and the worker exchange the messages below; only JSON strings
// cross into Python. The requests and answers themselves are defined by
// planner/bridge.py (version, id, op); the shapes here are the parts of those
// answers that the page reads. This module holds no behaviour beyond the
// protocol number, so the worker and the page can both lean on it.

/** The bridge's protocol version, sent with every request. */
export const PROTOCOL = 1;

// ---------------------------------------------------------------- page <-> worker

/**
 * @typedef {object} InitMessage Start Python: where Pyodide and the planner bundle are.
 * @property {"init"} kind
 * @property {string} pyodide Pyodide's index URL (ends with "/").
 * @property {string} bundle The planner bundle's URL (a zip).
 * @property {string} [lock] Pyodide's lock file with no packages: given, Pyodide does not
 *   download its own.
 * @property {boolean} [testing] Set only by the page's test hooks: the worker then obeys "crash".
 */
/**
 * @typedef {object} RequestMessage One bridge request, numbered by the page.
 * @property {"request"} kind
 * @property {number} seq
 * @property {string} json
 */
/**
 * @typedef {object} CrashMessage Tests only (after an init with testing): die now, or on the next request.
 * @property {"crash"} kind
 * @property {"request"} [on]
 */
/** @typedef {InitMessage | RequestMessage | CrashMessage} ToWorker */

/** @typedef {{kind: "status", text: string}} StatusMessage What the worker is doing, in words. */
/** @typedef {{kind: "ready", pyodide: string}} ReadyMessage Python answers from now on. */
/** @typedef {{kind: "response", seq: number, json: string}} ResponseMessage The bridge's answer. */
/** @typedef {{kind: "fatal", message: string}} FatalMessage Python could not start, or broke. */
/** @typedef {StatusMessage | ReadyMessage | ResponseMessage | FatalMessage} FromWorker */

// ---------------------------------------------------------------- bridge answers

/**
 * The details of one interview: the engine's input (spec §2) as the form reads
 * it, or as a file or a link holds it. Loose on purpose: it may come from
 * anywhere, and the engine is the one that checks it.
 * @typedef {Record<string, unknown>} Details
 */

/** @typedef {{field: string, message: string}} Problem One thing wrong with the details. */

/**
 * @typedef {object} PlanItem One step of the checklist (planner/render.py, item_json).
 * @property {string} key
 * @property {string} title
 * @property {string} phase
 * @property {string} due YYYY-MM-DD
 * @property {string | null} latest YYYY-MM-DD
 * @property {string | null} recipient
 * @property {string | null} channel
 * @property {boolean} optional
 * @property {string | null} done The day it was done, YYYY-MM-DD (spec §13), or null.
 * @property {boolean} overdue
 * @property {string[]} advice
 * @property {string[]} basis
 * @property {string[]} steps
 */

/**
 * @typedef {object} Draft A message drafted for one item.
 * @property {string} item
 * @property {string | null} recipient
 * @property {string | null} channel
 * @property {string | null} subject
 * @property {string} body
 */

/**
 * @typedef {object} Plan A checklist (planner/render.py, plan_json).
 * @property {number} version
 * @property {PlanItem[]} items
 * @property {Problem[]} warnings
 * @property {string[]} guidance
 * @property {Draft[]} drafts
 */

/** @typedef {{version: number, errors: Problem[]}} Refusal The engine's answer to details it cannot plan. */

/**
 * @typedef {object} Rendering A checklist as a file.
 * @property {string} format
 * @property {string} filename
 * @property {string} media_type
 * @property {string} text
 */

/**
 * @typedef {object} TimingReading What the engine understood of a timing phrase.
 * @property {boolean} understood
 * @property {"decision_date" | "contact_on" | "wait_days" | null} field
 * @property {string | number | null} value
 * @property {string} explanation
 * @property {boolean} ask_user
 */

/**
 * @typedef {PlanItem & {interview: number, label: string}} AgendaItem One step of the agenda:
 *   a plan's step with the index of its interview among the inputs sent, and its label.
 */

/**
 * @typedef {object} Agenda What to do across several interviews (spec §14).
 * @property {number} version
 * @property {string} today
 * @property {AgendaItem[]} items Overdue first, then by day, interview and kind.
 * @property {Array<{interview: number, errors: Problem[]}>} errors Inputs that could not be planned.
 */

/**
 * @typedef {object} RecordContact One contact made with an employer, for the record of the search.
 * @property {string} key
 * @property {string} title
 * @property {string | null} date
 * @property {string | null} recipient
 * @property {string | null} channel
 * @property {string | null} note
 */

/**
 * @typedef {object} RecordInterview One interview in the record of the search.
 * @property {number} interview
 * @property {string | null} id
 * @property {string} label
 * @property {boolean} archived
 * @property {string} interview_date
 * @property {number} interview_round
 * @property {string | null} company
 * @property {string | null} role
 * @property {Array<{name: string, title: string | null}>} interviewers
 * @property {RecordContact[]} contacts
 * @property {string} outcome
 * @property {string | null} outcome_date
 */

/**
 * @typedef {object} SearchRecord Every interview and every contact made (the record op).
 * @property {number} version
 * @property {string | null} today
 * @property {RecordInterview[]} interviews
 * @property {Array<{interview: number, errors: Problem[]}>} errors
 */

/**
 * A bridge answer: the result, or why the request itself was refused.
 * @template T
 * @typedef {{ok: true, result: T} | {ok: false, error: {code: string, message: string}}} Answer
 */

/**
 * @typedef {object} Versions The "version" operation's answer.
 * @property {number} protocol
 * @property {string} planner
 * @property {string} python
 */

/**
 * What each operation answers with.
 * @typedef {object} Results
 * @property {Plan | Refusal} plan
 * @property {Rendering | Refusal} render
 * @property {TimingReading} parse_timing
 * @property {Versions} version
 * @property {Agenda} agenda
 * @property {Rendering} render_agenda
 * @property {SearchRecord} record
 * @property {Rendering} render_record
 */

/**
 * Sends one request to Python and resolves with its answer; rejects when the
 * planner is not running.
 * @typedef {<Op extends keyof Results>(op: Op, fields?: Record<string, unknown>) => Promise<Answer<Results[Op]>>} Requester
 */

/**
 * Is this answer a refusal of the details (the engine's errors) rather than a result?
 * @param {unknown} result
 * @returns {result is Refusal}
 */
export function isRefusal(result) {
  return typeof result === "object" && result !== null && "errors" in result;
}
