// The bar above the form for the details as a whole: try an example, load
// saved details, remember them on this device, forget. Its controls are not
// interview details: their events never reach the form's listeners.

import { createLoadControls } from "./details-file.js";
import { announce, el, messageLine } from "./dom.js";
import { createExample } from "./example.js";
import { setUpRemember } from "./remember.js";

/** @typedef {import("./state.js").PageContext} PageContext */
/** @typedef {import("./storage.js").DeviceStorage} DeviceStorage */

/**
 * Build the bar in `area`.
 * @param {HTMLElement} area
 * @param {PageContext} page
 * @param {DeviceStorage} storage
 */
export function setUpStorageBar(area, page, storage) {
  const message = messageLine();
  /** @param {string} text */
  const say = (text) => announce(message, text);
  const example = createExample(page, say);
  const load = createLoadControls(page, say);
  const remember = setUpRemember(page, storage, say);
  area.replaceChildren(
    el("div", { class: "planner-storage-row" }, [example.button, load.button, load.input]),
    example.confirm,
    el("div", { class: "planner-storage-row" }, [remember.toggle, remember.forget]),
    remember.help,
    message,
  );
  for (const type of ["input", "change"]) {
    area.addEventListener(type, (event) => event.stopPropagation());
  }
  return { say, startRemembering: remember.start };
}
