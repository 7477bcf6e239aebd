// One checklist item: its title and badges, who, how and when, the steps to
// take, why (a guide link and where the advice comes from), and its drafts.
// Every string from the plan or the form enters the page through el(), as text.

import { formatDay, nearDay } from "./dates.js";
import { el } from "./dom.js";
import { contactOf, renderDraft } from "./drafts.js";
import { guideLink } from "./guide-links.js";
import { heardBackPanel } from "./heard-back.js";
import { doneControl, movedNote } from "./ticking.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./protocol.js").Draft} Draft */
/** @typedef {import("./protocol.js").PlanItem} PlanItem */
/** @typedef {import("./guide-links.js").Guide} Guide */
/** @typedef {import("./dom.js").Child} Child */

/**
 * An item as shown: `atInterview` marks the interview room's items once the
 * interview has begun (they are no longer overdue to-dos).
 * @typedef {PlanItem & {atInterview?: boolean}} ShownItem
 */

/**
 * What every item of one checklist is shown with.
 * @typedef {object} ItemView
 * @property {Details} input The details the plan was made from.
 * @property {Guide} guide
 * @property {string} today
 * @property {import("./ticking.js").Ticking | null} ticking Marking steps done, when the
 *   checklist belongs to one of the person's interviews.
 * @property {import("./heard-back.js").HeardBack | null} heard What they said at a check-in.
 * @property {(() => void) | null} nextRound Start the next round's plan (NEXT-ROUND).
 * @property {Details | null} kept The interview as kept, notes included (the plan's details
 *   leave the notes out): its history is shown under the checklist.
 */

/** @type {Record<string, string>} */
const HOW = {
  email: "By email",
  phone: "By phone",
  post: "By post",
  reply: "Reply to their message",
};

const DISAGREEMENTS = "../guide/disagreements/";

/**
 * Where an item's advice comes from, as parts of one sentence.
 * @type {Record<string, () => Child | Child[]>}
 */
const BASIS = {
  SEED: () => "what the sources agree on",
  RES: () => [
    "our rule where the sources disagree (see ",
    el("a", { href: DISAGREEMENTS, class: "planner-basis-link" }, "Where the sources disagree"),
    ")",
  ],
  PROP: () => "our own suggestion where the sources say nothing",
};

/**
 * A tel: address: the digits of the number as typed, with a leading + kept.
 * @param {string} phone
 */
function telHref(phone) {
  return `tel:${phone.replace(/(?!^\+)[^\d]/g, "")}`;
}

/**
 * "Dana Reyes, Head of Operations": the recipient with the job title entered for them.
 * @param {ShownItem} item
 * @param {Details} input
 */
export function whoOf(item, input) {
  if (!item.recipient) return "";
  const title = contactOf(input, item.recipient, "title");
  return title ? `${item.recipient}, ${title}` : item.recipient;
}

/**
 * @param {ShownItem} item
 * @param {string} today
 * @param {Details} input
 */
function facts(item, today, input) {
  /** @type {Array<[string, Child]>} */
  const parts = [];
  if (item.recipient) parts.push(["Who", whoOf(item, input)]);
  if (item.channel) parts.push(["How", HOW[item.channel] || item.channel]);
  const phone = item.channel === "phone" && item.recipient ? contactOf(input, item.recipient, "phone") : null;
  if (phone) parts.push(["Phone", el("a", { href: telHref(phone), class: "planner-tel" }, phone)]);
  if (item.latest && item.latest !== item.due) {
    const due = nearDay(item.due, today);
    parts.push(["When", `${due[0].toUpperCase()}${due.slice(1)} (${nearDay(item.latest, today)} at the latest)`]);
  }
  if (!parts.length) return null;
  return el("dl", { class: "planner-facts" }, parts.flatMap(([term, value]) => [
    el("dt", {}, term), el("dd", {}, value),
  ]));
}

/** @param {ShownItem} item */
function badges(item) {
  const list = [];
  if (item.done) list.push(el("span", { class: "planner-badge planner-badge--done" }, `Done ${formatDay(item.done)}`));
  if (item.overdue && !item.atInterview) list.push(el("span", { class: "planner-badge planner-badge--overdue" }, "Overdue: do it today"));
  if (item.optional) list.push(el("span", { class: "planner-badge" }, "Optional"));
  return list.length ? el("p", { class: "planner-badges" }, list) : null;
}

/** @param {ShownItem} item */
function steps(item) {
  if (!item.steps || !item.steps.length) return null;
  return el("details", { class: "planner-steps", "data-kind": "steps" }, [
    el("summary", {}, `How to do it: ${item.steps.length} ${item.steps.length === 1 ? "step" : "steps"}`),
    el("ol", {}, item.steps.map((step) => el("li", {}, step))),
  ]);
}

/**
 * @param {ShownItem} item
 * @param {Guide} guide
 */
function why(item, guide) {
  const link = item.advice && item.advice.length
    ? guideLink(guide, item.advice[0], "Why: ", item.title) : null;
  const basis = (item.basis || []).map((tag) => BASIS[tag]).filter(Boolean).map((part) => part());
  if (!link && !basis.length) return null;
  /** @type {Child[]} */
  const sentence = ["Based on "];
  basis.forEach((part, index) => {
    if (index) sentence.push(index === basis.length - 1 ? " and " : ", ");
    sentence.push(...(Array.isArray(part) ? part : [part]));
  });
  sentence.push(".");
  return el("p", { class: "planner-why" }, [
    link,
    basis.length ? el("span", { class: "planner-basis" }, sentence) : null,
  ]);
}

/**
 * One item of the checklist, as a list entry.
 * @param {ShownItem} item
 * @param {Draft[]} drafts The drafts that serve it.
 * @param {ItemView} view
 */
export function renderItem(item, drafts, view) {
  const { input, guide, today, ticking, heard, nextRound } = view;
  const classes = ["planner-item"];
  if (item.overdue && !item.atInterview) classes.push("planner-item--overdue");
  if (item.optional) classes.push("planner-item--optional");
  if (item.done) classes.push("planner-item--done");
  const titleId = `planner-item-title-${item.key}`;
  const startNext = item.key === "NEXT-ROUND" && nextRound && !item.done
    ? el("button", { type: "button", class: "md-button planner-next-round" }, "Start the next round's plan")
    : null;
  startNext?.addEventListener("click", () => nextRound?.());
  return el("li", { class: classes.join(" "), "data-key": item.key }, [
    el("h4", { class: "planner-item-title", id: titleId }, item.title),
    badges(item),
    ticking ? movedNote(item, ticking) : null,
    ticking ? doneControl(item, titleId, ticking) : null,
    heard && item.done && item.key.startsWith("CHECKIN-") ? heardBackPanel(item, heard) : null,
    startNext,
    facts(item, today, input),
    item.done ? null : steps(item),
    why(item, guide),
    ...drafts.map((draft, index) => renderDraft(draft, input, index)),
  ]);
}
