// "Remember on this device": the check box and "Forget", and what they do.
//
// Off unless the person ticks it. While it is on, the details are written to
// this browser's storage (storage.js) once typing pauses, and after the page
// fills the form with details of theirs (a file, a link); the example is
// written only once they edit it. At start the remembered details come back,
// unless the page was opened from a share link, which wins.

import { portable } from "./details.js";
import { el } from "./dom.js";
import { debounce } from "./scheduling.js";

/** @typedef {import("./state.js").PageContext} PageContext */
/** @typedef {import("./storage.js").DeviceStorage} DeviceStorage */

const REMEMBER_DELAY_MS = 400;

/** The index of the theme's colour scheme that the browser's own setting picks, or -1. */
function automaticPalette() {
  const inputs = [...document.querySelectorAll("[data-md-color-media]")];
  return inputs.findIndex((input) => window.matchMedia(input.getAttribute("data-md-color-media") || "").matches);
}

/**
 * Build the controls and follow the page's state.
 * @param {PageContext} page
 * @param {DeviceStorage} storage
 * @param {(text: string) => void} say The storage bar's message line.
 */
export function setUpRemember(page, storage, say) {
  const { state } = page;
  const box = el("input", { type: "checkbox", id: "planner-remember", "aria-describedby": "planner-remember-help" });
  const toggle = el("span", { class: "planner-remember" }, [
    box, el("label", { for: "planner-remember" }, "Remember on this device"),
  ]);
  const forget = el("button", { type: "button", class: "md-button planner-forget" }, "Forget what this site stored");
  const help = el("p", { id: "planner-remember-help", class: "planner-extras-help" },
    "Off unless you tick it. When ticked, your details are kept in this browser's storage "
    + "on this device only, until you untick it or choose Forget.");

  const write = () => storage.writeRemembered(portable(page.details()));
  // Storage is written once typing pauses, not on every keystroke.
  const later = debounce(() => { if (state.get().remembering) write(); }, REMEMBER_DELAY_MS);

  state.subscribe((now, before) => {
    box.checked = now.remembering;
    if (!now.remembering) return;
    if (now.filling && !before.filling) later.cancel(); // what is filled replaces it
    else if (before.filling && !now.filling && !now.example) write();
    else if (!now.filling && now.details !== before.details) later();
  });

  box.addEventListener("change", () => {
    if (!box.checked) {
      state.set({ remembering: false });
      later.cancel();
      storage.removeRemembered();
      say("Your details are no longer remembered on this device.");
    } else if (write()) {
      state.set({ remembering: true });
      say("Your details will be remembered on this device. Untick the box or choose Forget to remove them.");
    } else {
      box.checked = false;
      say("This browser does not allow the site to store anything, so your details can't be remembered.");
    }
  });

  forget.addEventListener("click", () => {
    state.set({ remembering: false });
    box.checked = false;
    later.cancel();
    storage.forgetEverything();
    say("Everything this site stored on this device has been removed. The form itself is unchanged.");
  });

  /**
   * Bring back what was remembered, unless `openShared()` opened a share link (it wins).
   * @param {() => boolean} openShared
   */
  function start(openShared) {
    const remembered = storage.readRemembered();
    if (remembered === "unreadable") storage.removeRemembered();
    state.set({ remembering: remembered !== null && remembered !== "unreadable" });
    if (openShared() || remembered === null) {
      // A share link wins; or there is nothing to bring back.
    } else if (remembered === "unreadable") {
      say("The details remembered on this device could not be read, so the form starts empty.");
    } else {
      void page.fill(remembered).then(() => { say("Your details were restored from this device."); });
    }
    if (!state.get().remembering) {
      // The theme stores its colour scheme on every load, chosen or not: drop it if unchosen.
      storage.dropUnchosenPalette(automaticPalette());
      window.addEventListener("load", () => {
        if (!state.get().remembering) storage.dropUnchosenPalette(automaticPalette());
      });
    }
  }

  return { toggle, forget, help, start };
}
