// Printing the checklist. The browser prints the page; print.css keeps only the
// checklist, under a heading made here (role, company, interview date) that
// only paper shows.

import { formatDay } from "./dates.js";
import { el } from "./dom.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./tools.js").ToolContext} ToolContext */
/** @typedef {import("./tools.js").Tool} Tool */

/**
 * The printed heading's lines for these details.
 * @param {Details} input
 */
function headingLines(input) {
  const subject = [input.role, input.company]
    .filter((part) => typeof part === "string" && part.trim())
    .map((part) => String(part).trim());
  const title = subject.length ? `Follow-up checklist: ${subject.join(" at ")}` : "Follow-up checklist";
  const lines = [el("p", { class: "planner-print-title" }, title)];
  if (typeof input.interview_date === "string") {
    const round = Number.isInteger(input.interview_round) && Number(input.interview_round) > 1
      ? ` (round ${input.interview_round})` : "";
    lines.push(el("p", { class: "planner-print-date" }, `Interview${round}: ${formatDay(input.interview_date)}`));
  }
  return lines;
}

/**
 * The print heading (kept up to date with the checklist) and the Print tool.
 * @param {ToolContext} tools
 * @returns {{heading: HTMLElement, tool: Tool}}
 */
export function createPrinting(tools) {
  const heading = el("div", { class: "planner-print-heading" });
  tools.page.state.subscribe((now, before) => {
    if (now.planned && now.planned !== before.planned) heading.replaceChildren(...headingLines(now.planned.details));
  });
  return {
    heading,
    tool: {
      label: "Print checklist",
      run() {
        const input = tools.current();
        if (!input) return;
        heading.replaceChildren(...headingLines(input));
        window.print();
      },
    },
  };
}
