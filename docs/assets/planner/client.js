// Follow-up planner page: the form, the connection to the Python worker, the checklist view.
//
// Everything the person types stays in this tab: it goes to a Web Worker on
// this page, never over the network. User text enters the page only as DOM
// text nodes (textContent), never as HTML.

const PROTOCOL = 1;
const MAX_RESTARTS = 3;

/** One connection to the Python worker; restarts it and replays what was pending if it dies. */
class PlannerConnection {
  constructor({ workerURL, pyodideURL, bundleURL, onStatus, onReady, onFatal }) {
    Object.assign(this, { workerURL, pyodideURL, bundleURL, onStatus, onReady, onFatal });
    this.worker = null;
    this.ready = false;
    this.seq = 0;
    this.pending = new Map();
    this.restarts = 0;
  }

  start() {
    this.ready = false;
    this.worker = new Worker(this.workerURL, { type: "module" });
    this.worker.addEventListener("message", (event) => this.receive(event.data));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.died(event.message || "The planner stopped unexpectedly.");
    });
    this.worker.postMessage({ kind: "init", pyodide: this.pyodideURL, bundle: this.bundleURL });
  }

  receive(message) {
    if (message.kind === "status") this.onStatus(message.text);
    else if (message.kind === "ready") {
      this.ready = true;
      this.restarts = 0;
      this.onReady(message.versions);
    } else if (message.kind === "response") {
      const entry = this.pending.get(message.seq);
      if (!entry) return;
      this.pending.delete(message.seq);
      entry.resolve(JSON.parse(message.json));
    } else if (message.kind === "fatal") this.died(message.message);
  }

  died(reason) {
    const wasReady = this.ready;
    this.worker.terminate();
    this.worker = null;
    this.ready = false;
    if (wasReady && this.restarts < MAX_RESTARTS) {
      // Python died after it had worked: start afresh and replay what was waiting.
      this.restarts += 1;
      this.onStatus("The planner stopped; restarting it…");
      this.start();
      for (const [seq, entry] of this.pending) this.post(seq, entry.json);
      return;
    }
    for (const entry of this.pending.values()) entry.reject(new Error(reason));
    this.pending.clear();
    this.onFatal(reason);
  }

  post(seq, json) {
    this.worker.postMessage({ kind: "request", seq, json });
  }

  /** Send one request; the answer arrives as soon as Python is ready. */
  request(op, fields) {
    if (!this.worker) this.start();
    this.seq += 1;
    const seq = this.seq;
    const json = JSON.stringify({ protocol: PROTOCOL, id: seq, op, ...fields });
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { json, resolve, reject });
      this.post(seq, json);
    });
  }

  /** Only for tests and diagnostics: make the worker die as if Python crashed. */
  crashForTesting() {
    this.worker.postMessage({ kind: "crash" });
  }
}

// ---------------------------------------------------------------- helpers

function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of [].concat(children)) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** The browser's local calendar date as YYYY-MM-DD (never the UTC date). */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function formatDay(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const date = new Date(y, m - 1, d);
  return date.toLocaleDateString("en-GB", {
    weekday: "long", day: "numeric", month: "long", year: "numeric",
  });
}

const CHANNELS = { email: "by email", phone: "by phone", post: "by post", reply: "reply" };

// ---------------------------------------------------------------- view

function renderChecklist(container, result) {
  container.replaceChildren();
  const byDay = new Map();
  for (const item of result.items) {
    if (!byDay.has(item.due)) byDay.set(item.due, []);
    byDay.get(item.due).push(item);
  }
  container.append(el("h2", { id: "checklist-heading" }, "Your follow-up checklist"));
  for (const [day, items] of byDay) {
    const list = el("ul", { class: "planner-items" });
    for (const item of items) {
      const meta = [];
      if (item.recipient) meta.push(item.recipient);
      if (item.channel) meta.push(CHANNELS[item.channel] || item.channel);
      if (item.latest && item.latest !== item.due) meta.push(`at the latest ${formatDay(item.latest)}`);
      list.append(el("li", { class: "planner-item", "data-key": item.key }, [
        el("span", { class: "planner-item-title" }, item.title),
        meta.length ? el("span", { class: "planner-item-meta" }, ` (${meta.join(", ")})`) : null,
        item.optional ? el("span", { class: "planner-badge" }, "optional") : null,
        item.overdue ? el("span", { class: "planner-badge planner-overdue" }, "overdue") : null,
      ]));
    }
    container.append(el("section", { class: "planner-day" }, [
      el("h3", {}, formatDay(day)),
      list,
    ]));
  }
}

function showErrors(form, errors) {
  const summary = form.querySelector("#planner-errors");
  summary.replaceChildren();
  for (const field of form.querySelectorAll("[data-field]")) {
    field.removeAttribute("aria-invalid");
    const message = document.getElementById(`${field.id}-error`);
    if (message) message.textContent = "";
  }
  if (!errors.length) {
    summary.hidden = true;
    return;
  }
  let first = null;
  const unplaced = [];
  for (const error of errors) {
    const field = form.querySelector(`[data-field="${CSS.escape(error.field)}"]`);
    if (field) {
      field.setAttribute("aria-invalid", "true");
      document.getElementById(`${field.id}-error`).textContent = error.message;
      first = first || field;
    } else unplaced.push(error.message);
  }
  summary.hidden = false;
  summary.append(el("p", {}, "Please check the highlighted details."));
  for (const message of unplaced) summary.append(el("p", {}, message));
  (first || summary).focus();
}

// ---------------------------------------------------------------- page

function readForm(form) {
  const value = (name) => form.elements[name].value.trim();
  const input = {
    interview_date: value("interview_date"),
    interviewers: [{ name: value("interviewer_name") }],
  };
  if (value("company")) input.company = value("company");
  return input;
}

function main() {
  const assets = document.getElementById("planner-assets");
  const form = document.getElementById("planner-form");
  if (!assets || !form) return;
  const statusLine = document.getElementById("planner-status");
  const result = document.getElementById("planner-result");
  const absolute = (path) => new URL(path, document.baseURI).href;

  const connection = new PlannerConnection({
    workerURL: absolute(assets.dataset.worker),
    pyodideURL: absolute(assets.dataset.pyodide),
    bundleURL: absolute(assets.dataset.bundle),
    onStatus: (text) => { statusLine.textContent = text; },
    onReady: () => {
      statusLine.textContent = "The planner is ready. Everything stays in this browser.";
      document.documentElement.dataset.plannerReady = "true";
    },
    onFatal: (reason) => {
      statusLine.textContent = `The planner could not start: ${reason}`;
    },
  });
  window.followUpPlanner = connection;
  const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));
  idle(() => { if (!connection.worker) connection.start(); });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const response = await connection.request("plan", {
      input: readForm(form), today: localToday(),
    });
    if (!response.ok) {
      showErrors(form, [{ field: "", message: response.error.message }]);
      return;
    }
    if (response.result.errors) {
      showErrors(form, response.result.errors);
      return;
    }
    showErrors(form, []);
    renderChecklist(result, response.result);
  });
}

main();
