// Small DOM and date helpers shared by the planner's modules.
//
// el() is the only way our code builds elements: every string child becomes a
// text node and every attribute goes through setAttribute, so text the person
// typed can never become markup.

export function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of [].concat(children)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

const pad = (n) => String(n).padStart(2, "0");

/** The browser's local calendar date as YYYY-MM-DD (never the UTC date). */
export function localToday(now = new Date()) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A YYYY-MM-DD string as a local Date at midnight (no time zone shift). */
export function parseDay(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
}

/** The day `days` after a YYYY-MM-DD day, as YYYY-MM-DD, counted on the calendar. */
export function addDays(iso, days) {
  const date = parseDay(iso);
  date.setDate(date.getDate() + days);
  return localToday(date);
}

/** "Thursday, 12 March 2026". */
export function formatDay(iso) {
  return parseDay(iso).toLocaleDateString("en-GB", {
    weekday: "long", day: "numeric", month: "long", year: "numeric",
  });
}

/** "Thu 12 Mar": for the compact mentions inside an item. */
export function shortDay(iso) {
  return parseDay(iso).toLocaleDateString("en-GB", {
    weekday: "short", day: "numeric", month: "short",
  });
}

/** Whole days from `from` to `to` (both YYYY-MM-DD), counted on the calendar. */
export function daysBetween(from, to) {
  return Math.round((parseDay(to) - parseDay(from)) / 86_400_000);
}

/** "today", "tomorrow", "in 5 days", "3 days ago": how far a day is from today. */
export function relativeDay(iso, today) {
  const days = daysBetween(today, iso);
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** Call fn once things have been quiet for `ms`. */
export function debounce(fn, ms) {
  let timer = null;
  const run = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}
