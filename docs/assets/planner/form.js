// The planner form as the engine's input (spec §2): reading it, and filling it
// back from saved, shared or remembered details.
//
// Every control that feeds the engine carries data-field="<engine field path>"
// (interviewers[1].name, materials[0].due_date, ...). That path is the single
// link between the form and the engine: readInput() builds the input from it,
// fillForm() puts an input back, and form-errors.js finds the control for each
// of the engine's problems. Controls marked data-ui-only (the timing phrase)
// never reach the input. The rows themselves are form-rows.js's.

import { el } from "./dom.js";
import { LISTS, addRow, refreshNames, rowsOf } from "./form-rows.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./form-rows.js").ListName} ListName */
/** @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Control */

/**
 * The controls that feed the engine, under `root`.
 * @param {ParentNode} root
 * @returns {Control[]}
 */
export function fieldControls(root) {
  return /** @type {Control[]} */ ([...root.querySelectorAll("[data-field]")]);
}

/**
 * A control's value for the engine, or undefined when it says nothing.
 * @param {Control} control
 * @returns {unknown}
 */
function readControl(control) {
  if (control instanceof HTMLInputElement && control.type === "checkbox") {
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

/** @param {HTMLElement} row */
function readRow(row) {
  /** @type {Record<string, unknown>} */
  const entry = {};
  for (const control of fieldControls(row)) {
    const value = readControl(control);
    if (value !== undefined) entry[String(control.dataset.field).split(".").pop() || ""] = value;
  }
  return entry;
}

/**
 * The engine's input (spec §2): only the fields the person filled, never UI-only state.
 * @param {HTMLFormElement} form
 * @returns {Details}
 */
export function readInput(form) {
  /** @type {Details} */
  const input = {};
  for (const control of fieldControls(form)) {
    if (control.closest(".planner-row")) continue;
    const value = readControl(control);
    if (value !== undefined) input[String(control.dataset.field)] = value;
  }
  input.interviewers = rowsOf(form, "interviewers").map(readRow);
  const materials = rowsOf(form, "materials").map(readRow);
  if (materials.length) input.materials = materials;
  return input;
}

/**
 * @param {Control} control
 * @param {unknown} value
 */
function writeControl(control, value) {
  if (control instanceof HTMLInputElement && control.type === "checkbox") {
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
  if (control instanceof HTMLSelectElement && control.value !== String(value ?? "")) {
    control.append(el("option", { value: String(value) }, String(value)));
    control.value = String(value);
  }
}

/**
 * Put an engine input back into the form, making the rows it needs.
 * @param {HTMLFormElement} form
 * @param {Details} data
 */
export function fillForm(form, data) {
  for (const list of /** @type {ListName[]} */ (Object.keys(LISTS))) {
    const entries = Array.isArray(data[list]) ? data[list] : [];
    for (const row of rowsOf(form, list)) row.remove();
    const count = list === "interviewers" ? Math.max(1, entries.length) : entries.length;
    for (let index = 0; index < count; index += 1) addRow(form, list);
  }
  refreshNames(form);
  for (const control of fieldControls(form)) {
    const path = String(control.dataset.field);
    const match = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(path);
    const list = match ? data[match[1]] : null;
    const entry = match ? (Array.isArray(list) ? list[Number(match[2])] : undefined) : data;
    const key = match ? match[3] : path;
    writeControl(control, entry && typeof entry === "object" ? entry[key] : undefined);
  }
  // Show what was filled: open every section that now holds something.
  for (const details of form.querySelectorAll("details.planner-more")) {
    if (!(details instanceof HTMLDetailsElement)) continue;
    const filled = fieldControls(details).some((control) => readControl(control) !== undefined)
      || details.querySelector(".planner-row");
    if (filled) details.open = true;
  }
  // Now that the names are in, the "who" selects can say which ones are not interviewers.
  refreshNames(form);
}
