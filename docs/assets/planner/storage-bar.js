// The bar above the form for this interview's details as a whole: try an
// example, load saved details. Its controls are not interview details: their
// events never reach the form's listeners. (Keeping the interviews on this
// device is the tracker bar's, tracker-bar.js.)

import { createLoadControls } from "./details-file.js";
import { announce, el, messageLine } from "./dom.js";
import { createExample } from "./example.js";

/** @typedef {import("./state.js").PageContext} PageContext */
/** @typedef {import("./tracker.js").Tracker} Tracker */

/**
 * Build the bar in `area`.
 * @param {HTMLElement} area
 * @param {PageContext} page
 * @param {Tracker} tracker
 */
export function setUpStorageBar(area, page, tracker) {
  const message = messageLine();
  /** @param {string} text */
  const say = (text) => announce(message, text);
  const example = createExample(page, say, tracker);
  const load = createLoadControls(page, say, tracker);
  area.replaceChildren(
    el("div", { class: "planner-storage-row" }, [example.button, load.button, load.input]),
    message,
  );
  for (const type of ["input", "change"]) {
    area.addEventListener(type, (event) => event.stopPropagation());
  }
  return { say };
}
