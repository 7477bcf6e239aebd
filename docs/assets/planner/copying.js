// The checklist copied as Markdown or as plain text, made by Python.

import { copyText } from "./clipboard.js";

/** @typedef {import("./tools.js").ToolContext} ToolContext */
/** @typedef {import("./tools.js").Tool} Tool */

/**
 * @param {ToolContext} tools
 * @param {"md" | "text"} format
 * @param {string} name
 * @returns {Tool}
 */
function copyTool(tools, format, name) {
  return {
    label: `Copy as ${name}`,
    async run() {
      const rendered = await tools.render(format);
      if (!rendered) return;
      if (await copyText(rendered.text)) {
        tools.say(`The checklist is copied as ${name}. Paste it wherever you like.`);
      } else {
        tools.say("This browser did not allow copying. Try Print or Save details instead.");
      }
    },
  };
}

/**
 * The two copy tools: Markdown, then plain text.
 * @param {ToolContext} tools
 */
export function copyTools(tools) {
  return [copyTool(tools, "md", "Markdown"), copyTool(tools, "text", "plain text")];
}
