// The engine's problems with the details, shown beside their fields, with a
// summary at the top of the form that screen readers announce. Each problem
// names an engine field path; the control carrying that data-field (or the
// nearest one) gets the message.

import { byId, el } from "./dom.js";
import { fieldControls } from "./form.js";

/** @typedef {import("./protocol.js").Problem} Problem */
/** @typedef {import("./form.js").Control} Control */

/**
 * The control for an engine field path, or the nearest one: interviewers[1] -> its first control.
 * @param {HTMLFormElement} form
 * @param {string} path
 * @returns {Control | null}
 */
export function controlForPath(form, path) {
  if (!path) return null;
  const exact = form.querySelector(`[data-field="${CSS.escape(path)}"]`);
  if (exact) return /** @type {Control} */ (exact);
  for (const control of fieldControls(form)) {
    const field = String(control.dataset.field);
    if (field.startsWith(`${path}.`) || field.startsWith(`${path}[`)) return control;
  }
  const parent = path.replace(/(\[\d+\]|\.\w+)$/, "");
  return parent && parent !== path ? controlForPath(form, parent) : null;
}

/** @param {HTMLFormElement} form */
const summaryOf = (form) => byId("planner-errors", HTMLElement, form);

/**
 * Clear every problem shown in the form.
 * @param {HTMLFormElement} form
 */
export function clearErrors(form) {
  const summary = summaryOf(form);
  summary.replaceChildren();
  summary.hidden = true;
  for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  for (const slot of form.querySelectorAll(".planner-field-error")) slot.textContent = "";
}

/**
 * Show the engine's problems beside their fields, with a summary that screen
 * readers announce. With focus=true (a submit), focus moves to the first one.
 * @param {HTMLFormElement} form
 * @param {Problem[]} problems
 * @param {{focus?: boolean}} [options]
 */
export function showErrors(form, problems, { focus = true } = {}) {
  clearErrors(form);
  if (!problems.length) return;
  const summary = summaryOf(form);
  const list = el("ul");
  /** @type {HTMLElement | null} */
  let first = null;
  for (const problem of problems) {
    const control = controlForPath(form, problem.field);
    if (control) {
      control.setAttribute("aria-invalid", "true");
      const slot = document.getElementById(`${control.id}-error`);
      if (slot) slot.textContent = slot.textContent ? `${slot.textContent} ${problem.message}` : problem.message;
      const details = control.closest("details");
      if (details) details.open = true;
      first = first || control;
    }
    const label = control && form.querySelector(`label[for="${CSS.escape(control.id)}"]`);
    const where = label ? `${(label.textContent || "").replace(/\s*\(optional\)\s*$/, "")}: ` : "";
    const legend = control?.closest(".planner-row")?.querySelector("legend")?.textContent;
    list.append(el("li", {}, `${legend ? `${legend}, ` : ""}${where}${problem.message}`));
  }
  const count = problems.length === 1 ? "One detail needs" : `${problems.length} details need`;
  summary.append(el("p", { class: "planner-errors-title" }, `${count} your attention before the planner can plan:`), list);
  summary.hidden = false;
  if (focus) (first || summary).focus();
}
