// The checklist: days with their items, each item with who, how and why, its
// steps, its guide link and the drafts that serve it; the engine's warnings
// above it and its guidance below.
//
// Every string from the plan or the form enters the page through el(), as text.
// Links to the guide come from the page's data-guide attribute, written at
// build time from the advice files (planner/links.py).

import { daysBetween, el, formatDay, relativeDay, shortDay } from "./dom.js";
import { copyText } from "./exporting.js";

const HOW = {
  email: "By email",
  phone: "By phone",
  post: "By post",
  reply: "Reply to their message",
};

const DRAFT_NOUN = {
  email: "email",
  phone: "call script",
  post: "note outline",
  reply: "reply",
};

const DISAGREEMENTS = "../guide/disagreements/";

/** Where an item's advice comes from, as parts of one sentence. */
const BASIS = {
  SEED: () => "what the sources agree on",
  RES: () => [
    "our rule where the sources disagree (see ",
    el("a", { href: DISAGREEMENTS, class: "planner-basis-link" }, "Where the sources disagree"),
    ")",
  ],
  PROP: () => "our own suggestion where the sources say nothing",
};

/** The guide's addresses and titles, from the page (see docs/.hooks/assets.py). */
export function readGuide(assets) {
  const parse = (text) => {
    try {
      return JSON.parse(text || "{}");
    } catch {
      return {};
    }
  };
  return { links: parse(assets.dataset.guide), titles: parse(assets.dataset.guideTitles) };
}

function guideLink(guide, adviceId, prefix, avoid = "") {
  const href = guide.links[adviceId];
  if (!href) return null;
  const title = guide.titles[adviceId];
  // A title that only repeats the item's own says nothing new.
  const text = title && title.trim().toLowerCase() !== avoid.trim().toLowerCase()
    ? `${prefix}${title}` : "Why it matters, in the guide";
  return el("a", { href, class: "planner-guide-link" }, text);
}

// ---------------------------------------------------------------- drafts

function contactOf(input, name, field) {
  const person = (input.interviewers || []).find((p) => p && typeof p.name === "string" && p.name.trim() === name);
  return person && typeof person[field] === "string" && person[field].trim() ? person[field].trim() : null;
}

const emailOf = (input, name) => contactOf(input, name, "email");

/** A tel: address: the digits of the number as typed, with a leading + kept. */
function telHref(phone) {
  return `tel:${phone.replace(/(?!^\+)[^\d]/g, "")}`;
}

function draftText(draft) {
  return draft.subject ? `Subject: ${draft.subject}\n\n${draft.body}` : draft.body;
}

function mailto(address, draft) {
  // The address is the person's own text: encode it, keeping the @ readable.
  const to = encodeURIComponent(address).replaceAll("%40", "@");
  const query = [
    draft.subject ? `subject=${encodeURIComponent(draft.subject)}` : null,
    `body=${encodeURIComponent(draft.body)}`,
  ].filter(Boolean).join("&");
  return `mailto:${to}?${query}`;
}

function renderDraft(draft, input, index) {
  const noun = DRAFT_NOUN[draft.channel] || "message";
  const who = draft.recipient ? ` to ${draft.recipient}` : "";
  const body = el("div", { class: "planner-draft-body" }, [
    draft.subject ? el("p", { class: "planner-draft-subject" }, `Subject: ${draft.subject}`) : null,
    el("p", { class: "planner-draft-text" }, draft.body),
  ]);
  const said = el("span", { class: "planner-copied", role: "status" });
  const copy = el("button", { type: "button", class: "planner-button planner-copy" }, `Copy the ${noun}${who}`);
  copy.addEventListener("click", async () => {
    said.textContent = "";
    const done = await copyText(draftText(draft), body);
    said.textContent = done ? "Copied." : "Selected: copy it with your device's copy command.";
  });
  const address = draft.channel === "email" && draft.recipient ? emailOf(input, draft.recipient) : null;
  const actions = el("div", { class: "planner-draft-actions" }, [
    copy,
    address ? el("a", { class: "planner-button planner-mailto", href: mailto(address, draft) }, `Open it in your email app`) : null,
    said,
  ]);
  return el("div", { class: "planner-draft", "data-item": draft.item }, [
    el("details", { "data-kind": `draft-${index}` }, [
      el("summary", {}, `Draft ${noun}${who}`), body,
    ]),
    actions,
  ]);
}

// ---------------------------------------------------------------- items

/** A day in words: "today", "tomorrow", "yesterday", else the full date. */
function nearDay(iso, today) {
  const days = daysBetween(today, iso);
  return Math.abs(days) <= 1 ? relativeDay(iso, today) : formatDay(iso);
}

function facts(item, today, input) {
  const parts = [];
  if (item.recipient) parts.push(["Who", item.recipient]);
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

function badges(item) {
  const list = [];
  if (item.overdue && !item.atInterview) list.push(el("span", { class: "planner-badge planner-badge--overdue" }, "Overdue: do it now"));
  if (item.optional) list.push(el("span", { class: "planner-badge" }, "Optional"));
  return list.length ? el("p", { class: "planner-badges" }, list) : null;
}

function steps(item) {
  if (!item.steps || !item.steps.length) return null;
  return el("details", { class: "planner-steps", "data-kind": "steps" }, [
    el("summary", {}, `How to do it: ${item.steps.length} ${item.steps.length === 1 ? "step" : "steps"}`),
    el("ol", {}, item.steps.map((step) => el("li", {}, step))),
  ]);
}

function why(item, guide) {
  const link = item.advice && item.advice.length
    ? guideLink(guide, item.advice[0], "Why: ", item.title) : null;
  const basis = (item.basis || []).map((tag) => BASIS[tag]).filter(Boolean).map((part) => part());
  if (!link && !basis.length) return null;
  const sentence = ["Based on "];
  basis.forEach((part, index) => {
    if (index) sentence.push(index === basis.length - 1 ? " and " : ", ");
    sentence.push(...[].concat(part));
  });
  sentence.push(".");
  return el("p", { class: "planner-why" }, [
    link,
    basis.length ? el("span", { class: "planner-basis" }, sentence) : null,
  ]);
}

function renderItem(item, drafts, input, guide, today) {
  const classes = ["planner-item"];
  if (item.overdue && !item.atInterview) classes.push("planner-item--overdue");
  if (item.optional) classes.push("planner-item--optional");
  return el("li", { class: classes.join(" "), "data-key": item.key }, [
    el("h4", { class: "planner-item-title" }, item.title),
    badges(item),
    facts(item, today, input),
    steps(item),
    why(item, guide),
    ...drafts.map((draft, index) => renderDraft(draft, input, index)),
  ]);
}

// ---------------------------------------------------------------- the whole plan

function groupByDay(items) {
  const days = new Map();
  for (const item of items) {
    if (!days.has(item.due)) days.set(item.due, []);
    days.get(item.due).push(item);
  }
  return days;
}

/** Items done in the interview room (keys AT-*): past once the interview has begun. */
const atInterview = (item) => item.key.startsWith("AT-");

function summary(items, today, interviewDate) {
  if (!items.length) return "Nothing to do: no steps are left for this interview.";
  const overdue = items.filter((item) => item.overdue).length;
  const first = items[0].due;
  const last = items[items.length - 1].due;
  const span = first === last ? `on ${shortDay(first)}` : `from ${shortDay(first)} to ${shortDay(last)}`;
  const late = overdue ? ` ${overdue} ${overdue === 1 ? "is" : "are"} overdue.` : "";
  // Once the interview has happened (or is today), the room is no longer "next".
  const begun = typeof interviewDate === "string" && interviewDate <= today;
  const upcoming = items.find((item) => !item.overdue && item.due >= today && !(begun && atInterview(item)));
  const next = upcoming ? ` Next: ${upcoming.title} (${relativeDay(upcoming.due, today)}).` : "";
  return `${items.length} ${items.length === 1 ? "step" : "steps"} ${span}.${late}${next}`;
}

function warnings(result) {
  if (!result.warnings || !result.warnings.length) return null;
  return el("div", { class: "planner-warnings", role: "note", "aria-labelledby": "planner-warnings-title" }, [
    el("p", { id: "planner-warnings-title", class: "planner-warnings-title" }, "Please note"),
    el("ul", {}, result.warnings.map((warning) => el("li", {}, warning.message))),
  ]);
}

function guidance(result, guide) {
  const links = (result.guidance || []).map((id) => guideLink(guide, id, "")).filter(Boolean);
  if (!links.length) return null;
  return el("section", { class: "planner-guidance", "aria-labelledby": "planner-guidance-title" }, [
    el("h3", { id: "planner-guidance-title" }, "Keep in mind, whatever the date"),
    el("ul", {}, links.map((link) => el("li", {}, link))),
  ]);
}

/** Which disclosure this is: its item's key and its kind (steps, or which draft). */
function disclosureKey(details) {
  const item = details.closest(".planner-item");
  return item ? `${item.dataset.key}\n${details.dataset.kind}` : null;
}

/**
 * Note which steps and drafts are open (and which one has focus), so that a
 * re-plan made while the person reads or types does not snap them shut.
 */
function rememberDisclosures(container) {
  const open = new Set([...container.querySelectorAll("details[data-kind][open]")].map(disclosureKey));
  const active = document.activeElement;
  const focused = active && container.contains(active) && active.tagName === "SUMMARY"
    ? disclosureKey(active.parentElement) : null;
  return { open, focused };
}

function restoreDisclosures(container, { open, focused }) {
  for (const details of container.querySelectorAll("details[data-kind]")) {
    const key = disclosureKey(details);
    if (open.has(key)) details.open = true;
    if (key === focused) details.querySelector("summary").focus({ preventScroll: true });
  }
}

/** Replace the container's content with the plan, keeping open disclosures open. */
export function renderPlan(container, result, input, guide, today) {
  const disclosures = rememberDisclosures(container);
  const draftsFor = new Map();
  for (const draft of result.drafts || []) {
    if (!draftsFor.has(draft.item)) draftsFor.set(draft.item, []);
    draftsFor.get(draft.item).push(draft);
  }
  // What is done at the interview goes under its own heading, not as a day's to-do.
  const begun = typeof input.interview_date === "string" && input.interview_date <= today;
  const inRoom = result.items.filter(atInterview).map((item) => ({ ...item, atInterview: begun }));
  const days = [];
  if (inRoom.length) {
    const when = inRoom[0].due;
    days.push(el("section", { class: "planner-at-interview", "aria-labelledby": "planner-at-interview" }, [
      el("h3", { id: "planner-at-interview" }, [
        "At the interview",
        el("span", { class: "planner-relative" }, begun
          ? " (if you're still in the room, or to note for next time)"
          : ` (${formatDay(when)}, ${relativeDay(when, today)})`),
      ]),
      el("ul", { class: "planner-items" }, inRoom.map((item) => renderItem(item, draftsFor.get(item.key) || [], input, guide, today))),
    ]));
  }
  for (const [day, items] of groupByDay(result.items.filter((item) => !atInterview(item)))) {
    const headingId = `planner-day-${day}`;
    days.push(el("section", { class: "planner-day", "data-day": day, "aria-labelledby": headingId }, [
      el("h3", { id: headingId }, [
        formatDay(day),
        el("span", { class: "planner-relative" }, ` (${relativeDay(day, today)})`),
      ]),
      el("ul", { class: "planner-items" }, items.map((item) => renderItem(item, draftsFor.get(item.key) || [], input, guide, today))),
    ]));
  }
  container.replaceChildren(...[
    el("p", { id: "planner-stale", class: "planner-stale", hidden: true },
      "This checklist is from before your last change: fix the highlighted detail to update it."),
    warnings(result),
    el("h2", { id: "checklist-heading", tabindex: "-1" }, "Your follow-up checklist"),
    el("p", { class: "planner-summary" }, summary(result.items, today, input.interview_date)),
    result.items.length ? el("p", { class: "planner-holidays" }, [
      "Dates skip weekends but not public holidays: if one lands on a holiday where you live, "
      + "do it the next working day. ",
      el("a", { href: "../guide/not-covered/#weekends" }, "More about dates"),
    ]) : null,
    ...days,
    guidance(result, guide),
  ].filter(Boolean));
  restoreDisclosures(container, disclosures);
}

/** Mark the shown checklist as out of date (the latest change has a problem), or not. */
export function markStale(container, stale) {
  container.classList.toggle("planner-result--stale", stale);
  const note = container.querySelector("#planner-stale");
  if (note) note.hidden = !stale;
}
