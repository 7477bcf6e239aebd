// Print, calendar, copy, save/load, share link, remember on this device, example.
//
// Everything here happens in this tab: files are read with FileReader-style
// Blob APIs, downloads are blob: URLs, the share link keeps the details in the
// URL fragment (never sent to a server), and storage is written only while
// "Remember on this device" is ticked. User text enters the page only as text.

import { addDays, debounce, el, formatDay } from "./dom.js";
import { copyText, downloadText } from "./exporting.js";
import { decodeShare, shareLink } from "./share.js";
import {
  forgetEverything, readRemembered, removeRemembered, tidyThemeStorage, writeRemembered,
} from "./storage.js";

const MAX_FILE_BYTES = 256 * 1024;
const REMEMBER_DELAY_MS = 400;

// ---------------------------------------------------------------- helpers

/** The details as saved, shared and remembered: the engine's input, without `today`. */
function portable(input) {
  if (!input || typeof input !== "object") return input;
  const { today: _today, ...rest } = input;
  return rest;
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Has the person typed anything the example would replace? */
function hasTyped(input) {
  if (!input) return false;
  if (typeof input.interview_date === "string" && input.interview_date) return true;
  return (input.interviewers || []).some((person) => person && typeof person.name === "string" && person.name.trim());
}

function errorList(errors) {
  const messages = errors.slice(0, 3).map((error) => error.message);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : "";
  return `${messages.join(" ")}${more}`;
}

/** A realistic example: interviewed today by two people, a decision promised in two weeks. */
export function exampleInput(today) {
  const interview = today;
  return {
    interview_date: interview,
    company: "Northwind Logistics",
    role: "Operations Analyst",
    interviewers: [
      {
        name: "Priya Raman",
        title: "Head of Operations",
        email: "priya.raman@northwind.example",
        phone: "+44 20 7946 0321",
        is_decision_maker: true,
        topic: "cutting warehouse pick times",
      },
      {
        name: "Tom Becker",
        title: "Senior Analyst",
        email: "tom.becker@northwind.example",
        topic: "the weekly forecasting report",
      },
    ],
    company_style: "traditional",
    decision_date: addDays(interview, 14),
    candidate_name: "Alex Morgan",
    candidate_contact: "alex.morgan@example.com, 07700 900123",
    strengths: ["SQL and Excel modelling", "process improvement in a busy depot"],
  };
}

// ---------------------------------------------------------------- install

export function installExtras(app) {
  const storageArea = document.getElementById("planner-storage");
  const toolsArea = document.getElementById("planner-tools");
  if (!storageArea && !toolsArea) return;
  const extras = new Extras(app, storageArea, toolsArea);
  extras.start();
  window.followUpExtras = extras; // for diagnostics only
}

class Extras {
  constructor(app, storageArea, toolsArea) {
    this.app = app;
    this.storageArea = storageArea;
    this.toolsArea = toolsArea;
    this.remembering = false;
    this.restoring = false;
    // Storage is written once typing pauses, not on every keystroke.
    this.remember = debounce(() => {
      if (this.remembering) writeRemembered(portable(this.app.readInput()));
    }, REMEMBER_DELAY_MS);
  }

  start() {
    if (this.storageArea) this.buildStorage();
    if (this.toolsArea) this.buildTools();
    this.app.onPlan((result, input) => this.planned(result, input));
    this.app.onChange(() => this.changed());
    if (this.app.lastPlan()) this.planned(this.app.lastPlan(), this.app.lastInput());

    let remembered = readRemembered();
    if (remembered === "unreadable") removeRemembered();
    this.setRemembering(remembered !== null && remembered !== "unreadable");
    const shared = this.restoreFromFragment();
    if (!shared && remembered === "unreadable") {
      this.say("storage", "The details remembered on this device could not be read, so the form starts empty.");
    } else if (!shared && remembered) {
      this.fill(remembered).then(() => {
        this.say("storage", "Your details were restored from this device.");
      });
    }
    if (!this.remembering) {
      tidyThemeStorage();
      window.addEventListener("load", () => { if (!this.remembering) tidyThemeStorage(); });
    }
    window.addEventListener("hashchange", () => this.restoreFromFragment());
  }

  // ---------------------------------------------------------- messages

  say(area, text) {
    const target = area === "tools" ? this.toolsMessage : this.storageMessage;
    if (!target) {
      this.app.status(text);
      return;
    }
    // Clear first, so that the same message said twice is announced twice.
    target.textContent = "";
    clearTimeout(target.sayTimer);
    target.sayTimer = setTimeout(() => { target.textContent = text; }, 50);
  }

  // ---------------------------------------------------------- storage area

  buildStorage() {
    this.fileInput = el("input", {
      type: "file", accept: ".json,application/json", hidden: true,
      id: "planner-load-file", "aria-label": "Saved details file",
    });
    const load = el("button", { type: "button", class: "md-button planner-load" },
      "Load saved details…");
    const example = el("button", { type: "button", class: "md-button planner-example" },
      "Try an example");
    this.exampleButton = example;
    this.replaceButton = el("button", { type: "button", class: "md-button planner-example-replace" },
      "Replace");
    const keep = el("button", { type: "button", class: "md-button planner-example-keep" },
      "Keep mine");
    this.exampleConfirm = el("div", {
      class: "planner-example-confirm", role: "alertdialog", hidden: true,
      "aria-labelledby": "planner-example-question",
    }, [
      el("p", { id: "planner-example-question" }, "This replaces what you typed. Replace it?"),
      el("div", { class: "planner-storage-row" }, [this.replaceButton, keep]),
    ]);
    this.rememberBox = el("input", {
      type: "checkbox", id: "planner-remember", "aria-describedby": "planner-remember-help",
    });
    const forget = el("button", { type: "button", class: "md-button planner-forget" },
      "Forget what this site stored");
    this.storageMessage = el("p", {
      class: "planner-extras-message", role: "status", "aria-live": "polite",
    });
    this.storageArea.replaceChildren(
      el("div", { class: "planner-storage-row" }, [example, load, this.fileInput]),
      this.exampleConfirm,
      el("div", { class: "planner-storage-row" }, [
        el("span", { class: "planner-remember" }, [
          this.rememberBox,
          el("label", { for: "planner-remember" }, "Remember on this device"),
        ]),
        forget,
      ]),
      el("p", { id: "planner-remember-help", class: "planner-extras-help" },
        "Off unless you tick it. When ticked, your details are kept in this browser's storage "
        + "on this device only, until you untick it or choose Forget."),
      this.storageMessage,
    );
    // These controls are not interview details: keep their events from the form's listeners.
    for (const type of ["input", "change"]) {
      this.storageArea.addEventListener(type, (event) => event.stopPropagation());
    }
    load.addEventListener("click", () => this.fileInput.click());
    this.fileInput.addEventListener("change", () => this.loadFile());
    example.addEventListener("click", () => this.askExample());
    this.replaceButton.addEventListener("click", () => {
      this.exampleConfirm.hidden = true;
      this.tryExample();
    });
    keep.addEventListener("click", () => {
      this.exampleConfirm.hidden = true;
      example.focus();
      this.say("storage", "Your details are kept as they were.");
    });
    this.exampleConfirm.addEventListener("keydown", (event) => {
      if (event.key === "Escape") keep.click();
    });
    this.rememberBox.addEventListener("change", () => this.toggleRemember());
    forget.addEventListener("click", () => this.forget());
  }

  setRemembering(on) {
    this.remembering = on;
    if (this.rememberBox) this.rememberBox.checked = on;
  }

  toggleRemember() {
    if (this.rememberBox.checked) {
      if (writeRemembered(portable(this.app.readInput()))) {
        this.remembering = true;
        this.say("storage", "Your details will be remembered on this device. Untick the box or choose Forget to remove them.");
      } else {
        this.setRemembering(false);
        this.say("storage", "This browser does not allow the site to store anything, so your details can't be remembered.");
      }
    } else {
      this.remembering = false;
      this.remember.cancel();
      removeRemembered();
      this.say("storage", "Your details are no longer remembered on this device.");
    }
  }

  forget() {
    this.setRemembering(false);
    this.remember.cancel();
    forgetEverything();
    this.say("storage", "Everything this site stored on this device has been removed. The form itself is unchanged.");
  }

  changed() {
    if (this.remembering && !this.restoring) this.remember();
  }

  async fill(input, { store = true } = {}) {
    this.restoring = true;
    try {
      await this.app.fillForm(input);
    } finally {
      this.restoring = false;
    }
    if (store && this.remembering) writeRemembered(portable(this.app.readInput()));
  }

  /** The example replaces typed details only once the person says so. */
  askExample() {
    if (!hasTyped(this.app.readInput())) {
      this.tryExample();
      return;
    }
    this.exampleConfirm.hidden = false;
    this.replaceButton.focus();
  }

  async tryExample() {
    // The example is not the person's own: it is remembered only once they edit it.
    await this.fill(exampleInput(this.app.today()), { store: false });
    this.say("storage", "An example is filled in: Northwind Logistics, interviewed today by two people. Change anything you like.");
  }

  // ---------------------------------------------------------- load a file

  async loadFile() {
    const file = this.fileInput.files && this.fileInput.files[0];
    this.fileInput.value = "";
    if (!file) return;
    const checked = await this.checkDetails(file);
    if (!checked.ok) {
      this.say("storage", `${checked.message} Nothing was changed.`);
      return;
    }
    await this.fill(checked.input);
    this.say("storage", `Loaded the details from “${file.name}”.`);
  }

  /** Is this file saved details the planner can use? Never changes the form. */
  async checkDetails(file) {
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
    const input = portable(data);
    let response;
    try {
      response = await this.app.request("plan", { input, today: this.app.today() });
    } catch {
      return { ok: false, message: "The planner is not running, so the file could not be checked." };
    }
    if (!response.ok) return { ok: false, message: response.error.message };
    if (response.result.errors) {
      return {
        ok: false,
        message: `The details in that file can't be planned: ${errorList(response.result.errors)}`,
      };
    }
    return { ok: true, input };
  }

  // ---------------------------------------------------------- share link

  /** Restore details from a share link in the fragment; true when the fragment held one. */
  restoreFromFragment() {
    const shared = decodeShare(window.location.hash);
    if (shared.status === "none") return false;
    // The details leave the address bar: a reload or a bookmark won't replay them.
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    if (shared.status === "outdated") {
      this.say("storage", "This share link was made by a different version of the planner and can't be opened here. The form is empty: please ask for a new link, or fill it in yourself.");
      return true;
    }
    if (shared.status === "broken") {
      this.say("storage", "This share link is damaged or incomplete, so its details could not be opened. The form is empty: please ask for the link again, or fill it in yourself.");
      return true;
    }
    this.checkShared(shared.input);
    return true;
  }

  async checkShared(input) {
    const details = portable(input);
    let response;
    try {
      response = await this.app.request("plan", { input: details, today: this.app.today() });
    } catch {
      this.say("storage", "The planner is not running, so the shared details could not be opened.");
      return;
    }
    if (!response.ok || response.result.errors) {
      this.say("storage", "This share link holds details the planner can't use, so it opened an empty form. Please ask for a new link.");
      return;
    }
    await this.fill(details);
    this.say("storage", "The details from the share link are filled in.");
  }

  // ---------------------------------------------------------- tools area

  buildTools() {
    // One tool at a time, in the order clicked: two quick clicks never cross
    // (the clipboard ends with what was clicked last, and so does the message).
    this.queue = Promise.resolve();
    const button = (label, action) => {
      const node = el("button", { type: "button", class: "md-button" }, label);
      node.addEventListener("click", () => {
        this.queue = this.queue.then(() => action()).catch(() => {
          this.say("tools", "Something went wrong there. Please try again.");
        });
      });
      return node;
    };
    this.printHeading = el("div", { class: "planner-print-heading" });
    this.toolsMessage = el("p", {
      class: "planner-extras-message", role: "status", "aria-live": "polite",
    });
    this.shareField = el("input", {
      type: "text", readonly: true, class: "planner-share-field", id: "planner-share-field",
      "aria-label": "Share link", hidden: true,
    });
    this.toolButtons = el("div", {
      class: "planner-tool-buttons", role: "group", "aria-label": "Use this checklist",
    }, [
      button("Print checklist", () => this.print()),
      button("Download calendar (.ics)", () => this.download("ics")),
      button("Copy as Markdown", () => this.copy("md")),
      button("Copy as plain text", () => this.copy("text")),
      button("Save details (.json)", () => this.saveDetails()),
      button("Copy share link", () => this.copyShareLink()),
    ]);
    this.toolsArea.replaceChildren(
      this.printHeading, this.toolButtons, this.shareField, this.toolsMessage,
    );
    this.toolsArea.hidden = true;
  }

  planned(result, input) {
    if (!this.toolsArea) return;
    this.toolsArea.hidden = false;
    this.updatePrintHeading(input);
    this.shareField.hidden = true;
  }

  updatePrintHeading(input) {
    if (!input || !this.printHeading) return;
    const subject = [input.role, input.company].filter((part) => typeof part === "string" && part.trim())
      .map((part) => part.trim());
    const title = subject.length
      ? `Follow-up checklist: ${subject.join(" at ")}`
      : "Follow-up checklist";
    const lines = [el("p", { class: "planner-print-title" }, title)];
    if (typeof input.interview_date === "string") {
      const round = Number.isInteger(input.interview_round) && input.interview_round > 1
        ? ` (round ${input.interview_round})` : "";
      lines.push(el("p", { class: "planner-print-date" },
        `Interview${round}: ${formatDay(input.interview_date)}`));
    }
    this.printHeading.replaceChildren(...lines);
  }

  /** The details of the checklist on screen, or null with a message. */
  current() {
    const input = this.app.lastInput();
    if (!input || !this.app.lastPlan()) {
      this.say("tools", "Plan your follow-up first; then the checklist can be printed, saved or shared.");
      return null;
    }
    return portable(input);
  }

  print() {
    const input = this.current();
    if (!input) return;
    this.updatePrintHeading(input);
    window.print();
  }

  async render(format) {
    const input = this.current();
    if (!input) return null;
    let response;
    try {
      response = await this.app.request("render", { input, today: this.app.today(), format });
    } catch {
      this.say("tools", "The planner stopped, so this could not be made. Please reload the page.");
      return null;
    }
    if (!response.ok || response.result.errors) {
      this.say("tools", "The planner could not make this from the current details. Please check the form.");
      return null;
    }
    return response.result;
  }

  async download(format) {
    const rendered = await this.render(format);
    if (!rendered) return;
    downloadText(rendered.text, rendered.filename, rendered.media_type);
    this.say("tools", `Your calendar file “${rendered.filename}” is downloading. Importing a newer one later updates the same events.`);
  }

  async copy(format) {
    const rendered = await this.render(format);
    if (!rendered) return;
    const name = format === "md" ? "Markdown" : "plain text";
    if (await copyText(rendered.text)) {
      this.say("tools", `The checklist is copied as ${name}. Paste it wherever you like.`);
    } else {
      this.say("tools", "This browser did not allow copying. Try Print or Save details instead.");
    }
  }

  async saveDetails() {
    const input = this.current();
    if (!input) return;
    // Name the file after the engine's own name for this interview.
    const rendered = await this.render("ics");
    const filename = rendered
      ? rendered.filename.replace(/\.ics$/, "-details.json")
      : "follow-up-details.json";
    downloadText(`${JSON.stringify(input, null, 2)}\n`, filename, "application/json");
    this.say("tools", `Your details are saving as “${filename}”. Load that file here later, or plan it on the command line.`);
  }

  async copyShareLink() {
    const input = this.current();
    if (!input) return;
    const link = shareLink(input);
    this.shareField.value = link;
    if (await copyText(link)) {
      this.shareField.hidden = true;
      this.say("tools", "The share link is copied. Your details are inside the link itself, so share it only with people you trust.");
    } else {
      this.shareField.hidden = false;
      this.shareField.select();
      this.say("tools", "This browser did not allow copying: the link is shown below, ready to copy.");
    }
  }
}
