// What works on every interview at once: one calendar file for all of them,
// the printable record of the search (every interview and every contact made,
// with its date), and a backup file to keep or move them, restored by merging
// or replacing. A file that is not a backup changes nothing.

import { formatDay } from "./dates.js";
import { downloadText } from "./download.js";
import { el } from "./dom.js";
import { backupText, mergeBackup, readBackupFile } from "./backup.js";

/** @typedef {import("./protocol.js").SearchRecord} SearchRecord */
/** @typedef {import("./state.js").Interview} Interview */
/** @typedef {import("./state.js").PageContext} PageContext */
/** @typedef {import("./tracker.js").Tracker} Tracker */
/** @typedef {import("./tracker-bar.js").MessageAction} MessageAction */

/** @type {Record<string, string>} */
const HOW = { email: "email", phone: "phone call", post: "letter", reply: "reply" };
/** @type {Record<string, string>} */
const OUTCOMES = { offer: "Offered the job", rejection: "Not offered the job", next_round: "Invited to another round" };

/**
 * The record of the search as a printable section.
 * @param {SearchRecord} record
 * @param {string} today
 */
export function recordSection(record, today) {
  return [
    el("h2", {}, "Record of my job search"),
    el("p", {}, `Made on ${formatDay(today)}. Every interview, and every contact made with the employer after it.`),
    ...record.interviews.map((entry) => el("section", { class: "planner-record-interview" }, [
      el("h3", {}, `${entry.label}${entry.archived ? " (archived)" : ""}`),
      el("table", {}, [
        el("thead", {}, el("tr", {}, ["Date", "Contact", "With", "Note"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, [
          el("tr", {}, [
            el("td", {}, formatDay(entry.interview_date)),
            el("td", {}, entry.interview_round > 1 ? `Interview (round ${entry.interview_round})` : "Interview"),
            el("td", {}, entry.interviewers.map((p) => (p.title ? `${p.name}, ${p.title}` : p.name)).join("; ")),
            el("td", {}, ""),
          ]),
          ...entry.contacts.map((contact) => el("tr", {}, [
            el("td", {}, contact.date ? formatDay(contact.date) : ""),
            el("td", {}, `${contact.title}${contact.channel ? ` (${HOW[contact.channel] || contact.channel})` : ""}`),
            el("td", {}, contact.recipient || ""),
            el("td", {}, contact.note || ""),
          ])),
          entry.outcome_date && OUTCOMES[entry.outcome] ? el("tr", {}, [
            el("td", {}, formatDay(entry.outcome_date)),
            el("td", {}, OUTCOMES[entry.outcome]),
            el("td", {}, ""),
            el("td", {}, ""),
          ]) : null,
        ].filter((row) => row !== null)),
      ]),
    ])),
  ];
}

/**
 * The buttons, in `area`, and the hidden section the record prints from.
 * @param {HTMLElement} area
 * @param {PageContext} page
 * @param {object} options
 * @param {Tracker} options.tracker
 * @param {(text: string, action?: MessageAction) => void} options.say
 * @param {HTMLElement} options.printed Where the record is put to print it.
 */
export function setUpSearchTools(area, page, { tracker, say, printed }) {
  const { state } = page;
  // What the calendar, the record and the question count: the person's own interviews
  // (not an empty new one, nor the untouched example); a restore merges into all.
  const everything = () => state.get().interviews;

  const calendar = el("button", { type: "button", class: "md-button" }, "Calendar of every interview (.ics)");
  calendar.addEventListener("click", async () => {
    const inputs = tracker.keepable().filter((interview) => !interview.archived);
    const answer = await page.request("render_agenda", { inputs, today: page.today(), format: "ics" })
      .catch(() => null);
    if (!answer || !answer.ok) {
      say("The calendar could not be made: the planner is not running. Please reload the page.");
      return;
    }
    downloadText(answer.result.text, answer.result.filename, answer.result.media_type);
    say(`Your calendar “${answer.result.filename}” is downloading: every interview's steps in one file. Importing a newer one updates the same events.`);
  });

  const record = el("button", { type: "button", class: "md-button" }, "Print the record of my search");
  record.addEventListener("click", async () => {
    const today = page.today();
    const answer = await page.request("record", { inputs: tracker.keepable(), today }).catch(() => null);
    if (!answer || !answer.ok) {
      say("The record could not be made: the planner is not running. Please reload the page.");
      return;
    }
    printed.replaceChildren(...recordSection(answer.result, today));
    document.body.classList.add("planner-printing-record");
    window.addEventListener("afterprint", () => document.body.classList.remove("planner-printing-record"), { once: true });
    window.print();
  });

  const save = el("button", { type: "button", class: "md-button" }, "Save a backup (.json)");
  save.addEventListener("click", () => {
    const kept = tracker.keepable();
    const name = `follow-up-backup-${page.today()}.json`;
    downloadText(backupText(kept), name, "application/json");
    say(`Your ${kept.length} ${kept.length === 1 ? "interview is" : "interviews are"} saving to “${name}”. Restore it here on any device, or read it with the command line's agenda.`);
  });

  const file = el("input", { type: "file", accept: ".json,application/json", hidden: true,
    id: "planner-restore-file", "aria-label": "Backup file" });
  const restore = el("button", { type: "button", class: "md-button" }, "Restore from a backup…");
  restore.addEventListener("click", () => file.click());
  const addThem = el("button", { type: "button", class: "md-button" }, "Add them to mine");
  const replaceMine = el("button", { type: "button", class: "md-button" }, "Replace mine with them");
  const cancel = el("button", { type: "button", class: "md-button" }, "Cancel");
  const question = el("p", { id: "planner-restore-question" });
  const ask = el("div", { class: "planner-confirm", role: "alertdialog", hidden: true,
    "aria-labelledby": "planner-restore-question" }, [question, el("p", {}, [addThem, replaceMine, cancel])]);
  /** @type {Interview[]} */
  let incoming = [];

  file.addEventListener("change", async () => {
    const chosen = file.files && file.files[0];
    file.value = "";
    if (!chosen) return;
    const reading = await readBackupFile(chosen);
    if (!reading.ok) {
      say(`${reading.message} Nothing was changed.`);
      return;
    }
    incoming = reading.interviews;
    const here = tracker.keepable();
    question.textContent = `“${chosen.name}” holds ${incoming.length} ${incoming.length === 1 ? "interview" : "interviews"}. `
      + (here.length ? `Add them to the ${here.length} here (those already here stay as they are), or replace these with them?`
        : "Add them?");
    replaceMine.hidden = !here.length;
    ask.hidden = false;
    addThem.focus();
  });
  addThem.addEventListener("click", () => {
    ask.hidden = true;
    const merged = mergeBackup(everything(), incoming);
    state.set({ interviews: merged.list });
    say(`Added ${merged.added} ${merged.added === 1 ? "interview" : "interviews"}${merged.alreadyHere ? `; ${merged.alreadyHere} were already here and stay as they are` : ""}.`);
    restore.focus();
  });
  replaceMine.addEventListener("click", () => {
    ask.hidden = true;
    const before = everything();
    void tracker.replaceAll(incoming);
    say(`Your interviews are replaced by the ${incoming.length} from the file.`, {
      label: "Undo",
      run: () => {
        void tracker.replaceAll(before);
        say("Your interviews are back as they were.");
      },
    });
    restore.focus();
  });
  cancel.addEventListener("click", () => { ask.hidden = true; restore.focus(); say("Nothing was changed."); });
  ask.addEventListener("keydown", (event) => { if (event.key === "Escape") cancel.click(); });

  area.replaceChildren(
    el("h2", { id: "planner-search-tools-heading" }, "Calendar, record and backup"),
    el("p", { class: "planner-search-tools" }, [calendar, record, save, restore, file]),
    ask,
  );
}
