// The checklist as a calendar file (.ics), made by Python and downloaded from
// this tab. Its events keep their ids, so importing a newer file updates them.

import { downloadText } from "./download.js";

/** @typedef {import("./tools.js").ToolContext} ToolContext */
/** @typedef {import("./tools.js").Tool} Tool */

/**
 * @param {ToolContext} tools
 * @returns {Tool}
 */
export function calendarTool(tools) {
  return {
    label: "Download calendar (.ics)",
    async run() {
      const rendered = await tools.render("ics");
      if (!rendered) return;
      downloadText(rendered.text, rendered.filename, rendered.media_type);
      tools.say(`Your calendar file “${rendered.filename}” is downloading. Importing a newer one later updates the same events.`);
    },
  };
}
