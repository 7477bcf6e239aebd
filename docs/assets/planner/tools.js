// The tools under the form that use the checklist on screen: print it,
// download it as a calendar, copy it, save its details, share a link to it.
// They appear with the first checklist. Each tool lives in its own module and
// runs one at a time, in the order clicked: two quick clicks never cross (the
// clipboard ends with what was clicked last, and so does the message).

import { calendarTool } from "./calendar.js";
import { copyTools } from "./copying.js";
import { saveDetailsTool } from "./details-file.js";
import { portable } from "./details.js";
import { announce, el, messageLine } from "./dom.js";
import { createPrinting } from "./printing.js";
import { withNotesOf } from "./interview-input.js";
import { isRefusal } from "./protocol.js";
import { createShareTool } from "./share.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./protocol.js").Rendering} Rendering */
/** @typedef {import("./state.js").PageContext} PageContext */

/**
 * What each tool may use.
 * @typedef {object} ToolContext
 * @property {PageContext} page
 * @property {(text: string) => void} say Put a message in the tools' message line.
 * @property {() => Details | null} current The details of the checklist on screen, as saved
 *   and shared, or null (with a message) when there is none yet.
 * @property {(format: "md" | "text" | "ics") => Promise<Rendering | null>} render
 *   The checklist as a file, or null (with a message) when it cannot be made.
 */

/** @typedef {{label: string, run: () => unknown}} Tool A button and what it does. */

/**
 * Build the tools in `area`; it stays hidden until there is a checklist.
 * @param {HTMLElement} area
 * @param {PageContext} page
 */
export function setUpTools(area, page) {
  const message = messageLine();
  /** @param {string} text */
  const say = (text) => announce(message, text);
  /** @type {ToolContext} */
  const tools = {
    page,
    say,
    current() {
      const { planned, interviews } = page.state.get();
      if (!planned) {
        say("Plan your follow-up first; then the checklist can be printed, saved or shared.");
        return null;
      }
      // The checklist was planned without the notes beside its ticks: the files carry them.
      const kept = interviews.find((entry) => entry.id === planned.details.id);
      return portable(withNotesOf(planned.details, kept));
    },
    async render(format) {
      const input = tools.current();
      if (!input) return null;
      let answer;
      try {
        answer = await page.request("render", { input, today: page.today(), format });
      } catch {
        say("The planner stopped, so this could not be made. Please reload the page.");
        return null;
      }
      if (!answer.ok || isRefusal(answer.result)) {
        say("The planner could not make this from the current details. Please check the form.");
        return null;
      }
      return answer.result;
    },
  };

  let queue = Promise.resolve();
  /** @param {Tool} tool */
  const button = (tool) => {
    const node = el("button", { type: "button", class: "md-button" }, tool.label);
    node.addEventListener("click", () => {
      queue = queue.then(() => tool.run()).then(() => {}, () => {
        say("Something went wrong there. Please try again.");
      });
    });
    return node;
  };

  const printing = createPrinting(tools);
  const share = createShareTool(tools);
  const buttons = [printing.tool, calendarTool(tools), ...copyTools(tools), saveDetailsTool(tools), share.tool]
    .map(button);
  area.replaceChildren(
    printing.heading,
    el("div", { class: "planner-tool-buttons", role: "group", "aria-label": "Use this checklist" }, buttons),
    share.field,
    message,
  );
  area.hidden = true;
  page.state.subscribe((now, before) => {
    if (now.planned !== before.planned) area.hidden = !now.planned;
  });
}
