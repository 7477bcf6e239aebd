// Saving the details as a JSON file, and loading such a file back. The file is
// exactly the engine's input, so the command line plans it as it is. A file is
// read and checked in full (details.js) before anything in the form changes.

import { checkPlannable, problemList, readDetailsFile } from "./details.js";
import { downloadText } from "./download.js";
import { el } from "./dom.js";

/** @typedef {import("./state.js").PageContext} PageContext */
/** @typedef {import("./tracker.js").Tracker} Tracker */
/** @typedef {import("./tools.js").ToolContext} ToolContext */
/** @typedef {import("./tools.js").Tool} Tool */

/**
 * The "Save details" tool.
 * @param {ToolContext} tools
 * @returns {Tool}
 */
export function saveDetailsTool(tools) {
  return {
    label: "Save details (.json)",
    async run() {
      const input = tools.current();
      if (!input) return;
      // Name the file after the engine's own name for this interview.
      const rendered = await tools.render("ics");
      const filename = rendered
        ? rendered.filename.replace(/\.ics$/, "-details.json")
        : "follow-up-details.json";
      downloadText(`${JSON.stringify(input, null, 2)}\n`, filename, "application/json");
      tools.say(`Your details are saving as “${filename}”. Load that file here later, or plan it on the command line.`);
    },
  };
}

/**
 * Why a file's details cannot be loaded, or null when they can.
 * @param {import("./details.js").Plannability} check
 * @returns {string | null}
 */
function whyNot(check) {
  switch (check.status) {
    case "stopped": return "The planner is not running, so the file could not be checked.";
    case "refused": return check.message;
    case "invalid": return `The details in that file can't be planned: ${problemList(check.problems)}`;
    default: return null;
  }
}

/**
 * The "Load saved details…" button and its (hidden) file input. The details fill the
 * interview in the form when it is still empty, and otherwise open as a new one.
 * @param {PageContext} page
 * @param {(text: string) => void} say The storage bar's message line.
 * @param {Tracker} tracker
 */
export function createLoadControls(page, say, tracker) {
  const input = el("input", {
    type: "file", accept: ".json,application/json", hidden: true,
    id: "planner-load-file", "aria-label": "Saved details file",
  });
  const button = el("button", { type: "button", class: "md-button planner-load" }, "Load saved details…");
  button.addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    const reading = await readDetailsFile(file);
    if (!reading.ok) {
      say(`${reading.message} Nothing was changed.`);
      return;
    }
    const refusal = whyNot(await checkPlannable(page.request, reading.input, page.today()));
    if (refusal) {
      say(`${refusal} Nothing was changed.`);
      return;
    }
    const added = await tracker.fillOrAdd(reading.input);
    say(`Loaded the details from “${file.name}”${added ? ", as a new interview" : ""}.`);
  });
  return { button, input };
}
