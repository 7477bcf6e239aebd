// The form's repeated rows: one per interviewer, one per promised item. Rows
// are added and removed by their buttons (or by filling the form), numbered
// in order, and the "who asked for it" selects list the interviewers' names.
//
// Every control carries data-field="<engine field path>" (interviewers[1].name,
// materials[0].due_date, ...): the single link between the form and the engine
// (see form.js).

import { byId, el, find } from "./dom.js";

/**
 * @typedef {object} FieldSpec
 * @property {string} key The engine's field name inside the row.
 * @property {string} label
 * @property {"text" | "email" | "tel" | "date" | "checkbox" | "names"} type
 * @property {string} [autocomplete]
 * @property {boolean} [required]
 * @property {boolean} [optional] Say "(optional)" in the label.
 * @property {string} [hint]
 */

/** @type {FieldSpec[]} */
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

/** @type {FieldSpec[]} */
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

/** @typedef {"interviewers" | "materials"} ListName */

/** @type {Record<ListName, {fields: FieldSpec[], noun: string, container: string, add: string}>} */
export const LISTS = {
  interviewers: { fields: INTERVIEWER_FIELDS, noun: "Interviewer", container: "interviewer-rows", add: "add-interviewer" },
  materials: { fields: MATERIAL_FIELDS, noun: "Promised item", container: "material-rows", add: "add-material" },
};

const NO_NAME = "The main contact";

/**
 * @param {FieldSpec} spec
 * @param {string} id
 * @param {string} path
 * @param {string} [describedBy]
 */
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

/**
 * @param {ListName} list
 * @param {number} index
 * @param {FieldSpec} spec
 */
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

/**
 * @param {ListName} list
 * @param {number} index
 */
function buildRow(list, index) {
  const { fields, noun } = LISTS[list];
  const legendId = `${list}-${index}-legend`;
  return el("fieldset", { class: "planner-row", "data-list": list }, [
    el("legend", { id: legendId }, `${noun} ${index + 1}`),
    ...fields.map((spec) => fieldFor(list, index, spec)),
    el("button", { type: "button", class: "planner-remove", "data-remove": true }, `Remove ${noun.toLowerCase()} ${index + 1}`),
  ]);
}

/**
 * The rows of one list, in order.
 * @param {ParentNode} form
 * @param {ListName} list
 * @returns {HTMLElement[]}
 */
export function rowsOf(form, list) {
  return /** @type {HTMLElement[]} */ ([...byId(LISTS[list].container, HTMLElement, form).children]);
}

/**
 * Renumber a list's rows after one was removed, keeping every value.
 * @param {HTMLFormElement} form
 * @param {ListName} list
 */
function renumber(form, list) {
  const rows = rowsOf(form, list);
  const { noun } = LISTS[list];
  rows.forEach((row, index) => {
    find(row, "legend", HTMLLegendElement).textContent = `${noun} ${index + 1}`;
    find(row, "[data-remove]", HTMLButtonElement).textContent = `Remove ${noun.toLowerCase()} ${index + 1}`;
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
  if (list === "interviewers") {
    for (const row of rows) find(row, "[data-remove]", HTMLButtonElement).hidden = rows.length < 2;
  }
}

/**
 * Add one row to a list; returns it.
 * @param {HTMLFormElement} form
 * @param {ListName} list
 */
export function addRow(form, list) {
  const container = byId(LISTS[list].container, HTMLElement, form);
  const row = buildRow(list, container.children.length);
  container.append(row);
  renumber(form, list);
  refreshNames(form);
  return row;
}

/**
 * Wire the add and remove buttons; calls changed() after each.
 * @param {HTMLFormElement} form
 * @param {() => void} changed
 */
export function setUpRows(form, changed) {
  if (!rowsOf(form, "interviewers").length) addRow(form, "interviewers");
  for (const list of /** @type {ListName[]} */ (["interviewers", "materials"])) {
    byId(LISTS[list].add, HTMLButtonElement, form).addEventListener("click", () => {
      find(addRow(form, list), "input", HTMLInputElement).focus();
      changed();
    });
  }
  form.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-remove]") : null;
    const row = button?.closest(".planner-row");
    if (!(row instanceof HTMLElement)) return;
    const list = /** @type {ListName} */ (row.dataset.list);
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber(form, list);
    refreshNames(form);
    // Focus must not fall to the top of the page: go to the neighbouring row, or the add button.
    const target = next ? find(next, "input", HTMLInputElement) : byId(LISTS[list].add, HTMLButtonElement, form);
    target.focus();
    changed();
  });
  form.addEventListener("input", (event) => {
    const field = event.target instanceof HTMLElement ? event.target.dataset.field || "" : "";
    if (/^interviewers\[\d+\]\.name$/.test(field)) refreshNames(form);
  });
}

/**
 * The "who" selects list the interviewers' names; a chosen name that is gone stays, so nothing is lost.
 * @param {HTMLFormElement} form
 */
export function refreshNames(form) {
  const names = rowsOf(form, "interviewers")
    .map((row) => find(row, '[data-field$=".name"]', HTMLInputElement).value.trim())
    .filter((name, index, all) => name && all.indexOf(name) === index);
  for (const select of form.querySelectorAll("select[data-names]")) {
    if (!(select instanceof HTMLSelectElement)) continue;
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
