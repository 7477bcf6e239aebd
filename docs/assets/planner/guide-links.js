// Links from the checklist to the guide. The guide's addresses and titles come
// from the page (the build writes them from the advice files, see
// docs/.hooks/assets.py and planner/links.py): this code holds no copy of the
// guide's structure.

import { el } from "./dom.js";

/**
 * @typedef {object} Guide
 * @property {Record<string, string>} links Advice id -> the guide section's address.
 * @property {Record<string, string>} titles Advice id -> the section's title.
 */

/**
 * The guide's addresses and titles, from the page's asset element.
 * @param {HTMLElement} assets
 * @returns {Guide}
 */
export function readGuide(assets) {
  /** @param {string | undefined} text */
  const parse = (text) => {
    try {
      return JSON.parse(text || "{}");
    } catch {
      return {};
    }
  };
  return { links: parse(assets.dataset.guide), titles: parse(assets.dataset.guideTitles) };
}

/**
 * A link to the guide's section for one piece of advice, or null when it has none.
 * @param {Guide} guide
 * @param {string} adviceId
 * @param {string} prefix Put before the section's title ("Why: ").
 * @param {string} [avoid] A title that only repeats this says nothing new: a plain label is used.
 */
export function guideLink(guide, adviceId, prefix, avoid = "") {
  const href = guide.links[adviceId];
  if (!href) return null;
  const title = guide.titles[adviceId];
  const text = title && title.trim().toLowerCase() !== avoid.trim().toLowerCase()
    ? `${prefix}${title}` : "Why it matters, in the guide";
  return el("a", { href, class: "planner-guide-link" }, text);
}
