// Share links, as the person uses them: "Copy share link" puts the checklist's
// details in a link (share-link.js), and a page opened from such a link fills
// the form with them once Python has checked them. The details ride in the
// URL fragment, which browsers never send to a server, and leave the address
// bar as soon as they are read.

import { checkPlannable, portable } from "./details.js";
import { copyText } from "./clipboard.js";
import { el } from "./dom.js";
import { decodeShare, shareLink } from "./share-link.js";

/** @typedef {import("./protocol.js").Details} Details */
/** @typedef {import("./state.js").PageContext} PageContext */
/** @typedef {import("./tools.js").ToolContext} ToolContext */
/** @typedef {import("./tools.js").Tool} Tool */
/** @typedef {import("./tracker.js").Tracker} Tracker */

/**
 * The "Copy share link" tool, and the field that shows the link when copying is not allowed.
 * @param {ToolContext} tools
 * @returns {{tool: Tool, field: HTMLInputElement}}
 */
export function createShareTool(tools) {
  const field = el("input", {
    type: "text", readonly: true, class: "planner-share-field", id: "planner-share-field",
    "aria-label": "Share link", hidden: true,
  });
  tools.page.state.subscribe((now, before) => {
    if (now.planned !== before.planned) field.hidden = true; // a new checklist: the link is outdated
  });
  const tool = {
    label: "Copy share link",
    async run() {
      const input = tools.current();
      if (!input) return;
      const link = shareLink(input, window.location);
      field.value = link;
      if (await copyText(link)) {
        field.hidden = true;
        tools.say("The share link is copied. Your details are inside the link itself, so share it only with people you trust.");
      } else {
        field.hidden = false;
        field.select();
        tools.say("This browser did not allow copying: the link is shown below, ready to copy.");
      }
    },
  };
  return { tool, field };
}

/**
 * Open shared details as a new interview once Python has checked them.
 * @param {PageContext} page
 * @param {(text: string) => void} say
 * @param {Tracker} tracker
 * @param {Details} input
 */
async function openChecked(page, say, tracker, input) {
  const check = await checkPlannable(page.request, input, page.today());
  if (check.status === "stopped") {
    say("The planner is not running, so the shared details could not be opened.");
    return;
  }
  if (check.status !== "plannable") {
    say("This share link holds details the planner can't use, so it opened an empty form. Please ask for a new link.");
    return;
  }
  // A link's details are an interview of this page's, whatever id they had elsewhere.
  const added = await tracker.fillOrAdd(input);
  say(`The details from the share link are filled in${added ? ", as a new interview" : ""}.`);
}

/**
 * Open a share link in the address now and whenever the fragment changes.
 * @param {PageContext} page
 * @param {(text: string) => void} say The storage bar's message line.
 * @param {Tracker} tracker
 * @returns {{openFromAddress: () => boolean}} openFromAddress: true when the address held a link.
 */
export function setUpShareLinks(page, say, tracker) {
  function openFromAddress() {
    const shared = decodeShare(window.location.hash);
    if (shared.status === "none") return false;
    // The details leave the address bar: a reload or a bookmark won't replay them.
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    if (shared.status === "outdated") {
      say("This share link was made by a different version of the planner and can't be opened here. The form is empty: please ask for a new link, or fill it in yourself.");
    } else if (shared.status === "broken") {
      say("This share link is damaged or incomplete, so its details could not be opened. The form is empty: please ask for the link again, or fill it in yourself.");
    } else {
      void openChecked(page, say, tracker, portable(shared.input));
    }
    return true;
  }
  window.addEventListener("hashchange", () => { openFromAddress(); });
  return { openFromAddress };
}
