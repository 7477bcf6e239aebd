// The drafted messages under a checklist item: each can be read, copied, and
// (for an email whose address the person gave) opened in their email app.

import { copyText } from "./clipboard.js";
import { el } from "./dom.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./protocol.js").Draft} Draft */

/** @type {Record<string, string>} */
const DRAFT_NOUN = {
  email: "email",
  phone: "call script",
  post: "note outline",
  reply: "reply",
};

/**
 * One of an interviewer's contact details as the person typed it, or null.
 * @param {Details} input
 * @param {string} name
 * @param {"email" | "phone" | "title"} field
 * @returns {string | null}
 */
export function contactOf(input, name, field) {
  const people = Array.isArray(input.interviewers) ? input.interviewers : [];
  const person = people.find((p) => p && typeof p.name === "string" && p.name.trim() === name);
  const value = person ? person[field] : null;
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** @param {Draft} draft */
function draftText(draft) {
  return draft.subject ? `Subject: ${draft.subject}\n\n${draft.body}` : draft.body;
}

/**
 * @param {string} address
 * @param {Draft} draft
 */
function mailto(address, draft) {
  // The address is the person's own text: encode it, keeping the @ readable.
  const to = encodeURIComponent(address).replaceAll("%40", "@");
  const query = [
    draft.subject ? `subject=${encodeURIComponent(draft.subject)}` : null,
    `body=${encodeURIComponent(draft.body)}`,
  ].filter(Boolean).join("&");
  return `mailto:${to}?${query}`;
}

/**
 * A draft, folded, with its copy button (and its email link).
 * @param {Draft} draft
 * @param {Details} input The details the plan was made from (for the address).
 * @param {number} index Its place among its item's drafts.
 */
export function renderDraft(draft, input, index) {
  const noun = (draft.channel && DRAFT_NOUN[draft.channel]) || "message";
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
  const address = draft.channel === "email" && draft.recipient ? contactOf(input, draft.recipient, "email") : null;
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
