// What the person is told about the planner itself: the status line above the
// form, and the panel with "Try again" when Python cannot start, stops, or is
// slow to arrive. What they typed is never touched by any of it.

import { byId } from "./dom.js";

/** @typedef {import("./connection.js").ConnectionOptions} ConnectionOptions */
/** @typedef {Pick<ConnectionOptions, "onStatus" | "onReady" | "onFatal" | "onSlow">} StatusCallbacks */

const GUIDE_STILL_WORKS = "Try again, or read the guide: it works without the planner.";

/**
 * Wire the status line and the problem panel.
 * @param {object} options
 * @param {() => void} options.retry What "Try again" does (after the panel is hidden).
 * @param {(info: {pyodide: string}) => void} [options.ready] Called once Python is ready.
 * @returns {{status: (text: string) => void, callbacks: StatusCallbacks}}
 */
export function setUpConnectionStatus({ retry, ready }) {
  const line = byId("planner-status", HTMLElement);
  const panel = byId("planner-fatal", HTMLElement);
  const panelText = byId("planner-fatal-text", HTMLElement);
  /** @param {string} text */
  const status = (text) => { line.textContent = text; };

  byId("planner-retry", HTMLButtonElement).addEventListener("click", () => {
    panel.hidden = true;
    status("Trying again: getting the planner ready…");
    retry();
  });

  /** @type {StatusCallbacks} */
  const callbacks = {
    onStatus: status,
    onReady: (info) => {
      panel.hidden = true;
      status("The planner is ready. Everything stays in this browser.");
      document.documentElement.dataset.plannerReady = "true";
      if (ready) ready(info);
    },
    onFatal: (reason, { started }) => {
      delete document.documentElement.dataset.plannerReady;
      status(started ? "The planner stopped." : "The planner could not start.");
      panelText.textContent = started
        ? `The planner stopped while working on your details (${reason}). What you typed is still here. ${GUIDE_STILL_WORKS}`
        : `The planner could not start in this browser (${reason}). What you typed is still here. ${GUIDE_STILL_WORKS}`;
      panel.hidden = false;
    },
    onSlow: () => {
      status("The planner is still getting ready…");
      panelText.textContent = "The planner is taking a long time to get ready: the connection may be slow. "
        + "It keeps trying, and what you typed stays here. You can also start it again.";
      panel.hidden = false;
    },
  };
  return { status, callbacks };
}
