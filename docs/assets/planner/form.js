// The planner form: interviewer and material rows, reading the form into the
// engine's input (spec §2), filling it back, and showing the engine's problems
// beside their fields.
//
// Every control that feeds the engine carries data-field="<engine field path>"
// (interviewers[1].name, materials[0].due_date, ...). That path is the single
// link between the form and the engine: readInput() builds the input from it,
// and showErrors() finds the control for each of the engine's error paths.
// Controls marked data-ui-only (the timing phrase) never reach the input.

import { el } from "./dom.js";

const INTERVIEWER_FIELDS = [
  { key: "name", label: "Name", type: "text", autocomplete: "off", required: true },
  { key: "title", label: "Job title", type: "text", autocomplete: "off", optional: true },
  { key: "email", label: "Email", type: "email", autocomplete: "off", optional: true },
  { key: "phone", label: "Phone", type: "tel", autocomplete: "off", optional: true },
  {
    key: "topic", label: "A topic you discussed with them", type: "text", autocomplete: "off",
    optional: true, hint: "It makes their thank-you personal.",
  },
  { key: "is_decision_maker", label: "This person makes the decision", type: "checkbox" },
];

const MATERIAL_FIELDS = [
  {
    key: "description", label: "What you promised", type: "text", autocomplete: "off",
    required: true, hint: "For example: a list of references.",
  },
  { key: "due_date", label: "The day you promised it by", type: "date", required: true },
  {
    key: "due_time", label: "Time", type: "text", autocomplete: "off", optional: true,
    hint: "For example: morning, or 09:00.",
  },
  { key: "requested_by", label: "Who asked for it", type: "names" },
  { key: "is_reference_list", label: "It is a list of references", type: "checkbox" },
];

const LISTS = {
  interviewers: { fields: INTERVIEWER_FIELDS, noun: "Interviewer", container: "interviewer-rows" },
  materials: { fields: MATERIAL_FIELDS, noun: "Promised item", container: "material-rows" },
};

const NO_NAME = "The main contact";

// ---------------------------------------------------------------- rows

function controlFor(spec, id, path, describedBy) {
  if (spec.type === "names") {
    return el("select", { id, "data-field": path, "data-names": true, "aria-describedby": describedBy });
  }
  return el("input", {
    id,
    type: spec.type,
    autocomplete: spec.autocomplete,
    required: spec.required,
    "data-field": path,
    "aria-describedby": spec.type === "checkbox" ? null : describedBy,
  });
}

function fieldFor(list, index, spec) {
  const path = `${list}[${index}].${spec.key}`;
  const id = `${list}-${index}-${spec.key}`.replaceAll("_", "-");
  if (spec.type === "checkbox") {
    return el("div", { class: "planner-check" }, [
      controlFor(spec, id, path), el("label", { for: id }, spec.label),
    ]);
  }
  const hintId = spec.hint ? `${id}-hint` : null;
  const describedBy = [hintId, `${id}-error`].filter(Boolean).join(" ");
  return el("div", { class: "planner-field" }, [
    el("label", { for: id }, [
      spec.label,
      spec.optional ? el("span", { class: "planner-optional" }, " (optional)") : null,
    ]),
    spec.hint ? el("p", { id: hintId, class: "planner-hint" }, spec.hint) : null,
    controlFor(spec, id, path, describedBy),
    el("p", { id: `${id}-error`, class: "planner-field-error" }),
  ]);
}

function buildRow(list, index) {
  const { fields, noun } = LISTS[list];
  const legendId = `${list}-${index}-legend`;
  return el("fieldset", { class: "planner-row", "data-list": list }, [
    el("legend", { id: legendId }, `${noun} ${index + 1}`),
    ...fields.map((spec) => fieldFor(list, index, spec)),
    el("button", { type: "button", class: "planner-remove", "data-remove": true }, `Remove ${noun.toLowerCase()} ${index + 1}`),
  ]);
}

/** Renumber a list's rows after one was removed, keeping every value. */
function renumber(form, list) {
  const rows = rowsOf(form, list);
  rows.forEach((row, index) => {
    const { noun } = LISTS[list];
    row.querySelector("legend").textContent = `${noun} ${index + 1}`;
    row.querySelector("[data-remove]").textContent = `Remove ${noun.toLowerCase()} ${index + 1}`;
    for (const node of row.querySelectorAll("[id], [for], [aria-describedby], [data-field]")) {
      for (const attribute of ["id", "for", "aria-describedby", "data-field"]) {
        const value = node.getAttribute(attribute);
        if (value === null) continue;
        node.setAttribute(attribute, value
          .replace(new RegExp(`${list}-\\d+-`, "g"), `${list}-${index}-`)
          .replace(new RegExp(`${list}\\[\\d+\\]`, "g"), `${list}[${index}]`));
      }
    }
  });
  // The only interviewer cannot be removed: the engine needs at least one.
  if (list === "interviewers") rows.forEach((row) => { row.querySelector("[data-remove]").hidden = rows.length < 2; });
}

function rowsOf(form, list) {
  return [...form.querySelector(`#${LISTS[list].container}`).children];
}

/** Add one row to a list; returns it. */
export function addRow(form, list) {
  const container = form.querySelector(`#${LISTS[list].container}`);
  const row = buildRow(list, container.children.length);
  container.append(row);
  renumber(form, list);
  refreshNames(form);
  return row;
}

/** Wire the add and remove buttons; calls changed() after each. */
export function setUpRows(form, changed) {
  if (!rowsOf(form, "interviewers").length) addRow(form, "interviewers");
  form.querySelector("#add-interviewer").addEventListener("click", () => {
    addRow(form, "interviewers").querySelector("input").focus();
    changed();
  });
  form.querySelector("#add-material").addEventListener("click", () => {
    addRow(form, "materials").querySelector("input").focus();
    changed();
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest("[data-remove]");
    if (!button) return;
    const row = button.closest(".planner-row");
    const list = row.dataset.list;
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber(form, list);
    refreshNames(form);
    // Focus must not fall to the top of the page: go to the neighbouring row, or the add button.
    const target = next ? next.querySelector("input") : form.querySelector(list === "interviewers" ? "#add-interviewer" : "#add-material");
    target.focus();
    changed();
  });
  form.addEventListener("input", (event) => {
    if (/^interviewers\[\d+\]\.name$/.test(event.target.dataset.field || "")) refreshNames(form);
  });
}

/** The "who" selects list the interviewers' names; a chosen name that is gone stays, so nothing is lost. */
export function refreshNames(form) {
  const names = rowsOf(form, "interviewers")
    .map((row) => row.querySelector('[data-field$=".name"]').value.trim())
    .filter((name, index, all) => name && all.indexOf(name) === index);
  for (const select of form.querySelectorAll("select[data-names]")) {
    const chosen = select.value;
    const options = [el("option", { value: "" }, NO_NAME)];
    for (const name of names) options.push(el("option", { value: name }, name));
    if (chosen && !names.includes(chosen)) {
      options.push(el("option", { value: chosen }, `${chosen} (not among the interviewers)`));
    }
    select.replaceChildren(...options);
    select.value = chosen;
  }
}

// ---------------------------------------------------------------- reading

function readControl(control) {
  if (control.type === "checkbox") {
    if (!control.checked) return undefined;
    return control.dataset.when ? control.dataset.when === "true" : true;
  }
  const text = control.value.trim();
  if (!text) return undefined;
  if (control.dataset.type === "integer") {
    // A non-number goes to the engine as typed, which explains the problem beside the field.
    return /^\d+$/.test(text) ? Number(text) : text;
  }
  if (control.dataset.type === "lines") {
    const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
    return lines.length ? lines : undefined;
  }
  return text;
}

function readRow(row) {
  const entry = {};
  for (const control of row.querySelectorAll("[data-field]")) {
    const value = readControl(control);
    if (value !== undefined) entry[control.dataset.field.split(".").pop()] = value;
  }
  return entry;
}

/** The engine's input (spec §2): only the fields the person filled, never UI-only state. */
export function readInput(form) {
  const input = {};
  for (const control of form.querySelectorAll("[data-field]")) {
    if (control.closest(".planner-row")) continue;
    const value = readControl(control);
    if (value !== undefined) input[control.dataset.field] = value;
  }
  input.interviewers = rowsOf(form, "interviewers").map(readRow);
  const materials = rowsOf(form, "materials").map(readRow);
  if (materials.length) input.materials = materials;
  return input;
}

// ---------------------------------------------------------------- filling

function writeControl(control, value) {
  if (control.type === "checkbox") {
    control.checked = control.dataset.when ? String(value) === control.dataset.when : value === true;
    return;
  }
  // A select whose empty choice stands for an engine value ("I don't know" is
  // other_or_unknown) shows that value as the empty choice; reading it back
  // leaves the field out, which the engine reads the same way.
  if (control.dataset.emptyMeans && value === control.dataset.emptyMeans) value = undefined;
  if (value === undefined || value === null) control.value = "";
  else if (Array.isArray(value)) control.value = value.join("\n");
  else control.value = String(value);
  // A select keeps a value it does not list (a name from a saved file), so nothing is lost.
  if (control.tagName === "SELECT" && control.value !== String(value ?? "")) {
    control.append(el("option", { value: String(value) }, String(value)));
    control.value = String(value);
  }
}

/** Put an engine input back into the form, making the rows it needs. */
export function fillForm(form, input) {
  const data = input && typeof input === "object" ? input : {};
  for (const list of Object.keys(LISTS)) {
    const entries = Array.isArray(data[list]) ? data[list] : [];
    for (const row of rowsOf(form, list)) row.remove();
    const count = list === "interviewers" ? Math.max(1, entries.length) : entries.length;
    for (let index = 0; index < count; index += 1) addRow(form, list);
  }
  refreshNames(form);
  for (const control of form.querySelectorAll("[data-field]")) {
    const path = control.dataset.field;
    const match = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(path);
    const entry = match ? data[match[1]]?.[Number(match[2])] : data;
    const key = match ? match[3] : path;
    writeControl(control, entry && typeof entry === "object" ? entry[key] : undefined);
  }
  // Show what was filled: open every section that now holds something.
  for (const details of form.querySelectorAll("details.planner-more")) {
    const filled = [...details.querySelectorAll("[data-field]")].some((c) => readControl(c) !== undefined)
      || details.querySelector(".planner-row");
    if (filled) details.open = true;
  }
}

// ---------------------------------------------------------------- problems

/** The control for an engine field path, or the nearest one: interviewers[1] -> its first control. */
export function controlForPath(form, path) {
  if (!path) return null;
  const exact = form.querySelector(`[data-field="${CSS.escape(path)}"]`);
  if (exact) return exact;
  for (const control of form.querySelectorAll("[data-field]")) {
    const field = control.dataset.field;
    if (field.startsWith(`${path}.`) || field.startsWith(`${path}[`)) return control;
  }
  const parent = path.replace(/(\[\d+\]|\.\w+)$/, "");
  return parent && parent !== path ? controlForPath(form, parent) : null;
}

function errorSlot(control) {
  return document.getElementById(`${control.id}-error`);
}

/** Clear every problem shown in the form. */
export function clearErrors(form) {
  const summary = form.querySelector("#planner-errors");
  summary.replaceChildren();
  summary.hidden = true;
  for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  for (const slot of form.querySelectorAll(".planner-field-error")) slot.textContent = "";
}

/**
 * Show the engine's problems beside their fields, with a summary that screen
 * readers announce. With focus=true (a submit), focus moves to the first one.
 */
export function showErrors(form, errors, { focus = true } = {}) {
  clearErrors(form);
  if (!errors.length) return;
  const summary = form.querySelector("#planner-errors");
  const list = el("ul");
  let first = null;
  for (const error of errors) {
    const control = controlForPath(form, error.field);
    const slot = control && errorSlot(control);
    if (control) {
      control.setAttribute("aria-invalid", "true");
      if (slot) slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
      const details = control.closest("details");
      if (details) details.open = true;
      first = first || control;
    }
    const label = control && form.querySelector(`label[for="${CSS.escape(control.id)}"]`);
    const where = label ? `${label.textContent.replace(/\s*\(optional\)\s*$/, "")}: ` : "";
    const legend = control?.closest(".planner-row")?.querySelector("legend")?.textContent;
    list.append(el("li", {}, `${legend ? `${legend}, ` : ""}${where}${error.message}`));
  }
  const count = errors.length === 1 ? "One detail needs" : `${errors.length} details need`;
  summary.append(el("p", { class: "planner-errors-title" }, `${count} your attention before the planner can plan:`), list);
  summary.hidden = false;
  if (focus) (first || summary).focus();
}
