// Calendar days as the page shows them. Days travel as YYYY-MM-DD strings (the
// engine's format) and are counted on the local calendar, never in UTC, so a
// day is the same day wherever the person is and whatever the clock change.
// No DOM: Node's test runner checks these directly (tests/js/dates.test.js).

/** @param {number} n */
const pad = (n) => String(n).padStart(2, "0");

/**
 * The browser's local calendar date as YYYY-MM-DD (never the UTC date).
 * @param {Date} [now]
 * @returns {string}
 */
export function localToday(now = new Date()) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A YYYY-MM-DD string as a local Date at midnight (no time zone shift).
 * @param {string} iso
 * @returns {Date}
 */
export function parseDay(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
}

/**
 * The day `days` after a YYYY-MM-DD day, as YYYY-MM-DD, counted on the calendar.
 * @param {string} iso
 * @param {number} days
 * @returns {string}
 */
export function addDays(iso, days) {
  const date = parseDay(iso);
  date.setDate(date.getDate() + days);
  return localToday(date);
}

/**
 * "Thursday, 12 March 2026".
 * @param {string} iso
 * @returns {string}
 */
export function formatDay(iso) {
  return parseDay(iso).toLocaleDateString("en-GB", {
    weekday: "long", day: "numeric", month: "long", year: "numeric",
  });
}

/**
 * "Thu 12 Mar": for the compact mentions inside an item.
 * @param {string} iso
 * @returns {string}
 */
export function shortDay(iso) {
  return parseDay(iso).toLocaleDateString("en-GB", {
    weekday: "short", day: "numeric", month: "short",
  });
}

/**
 * Whole days from `from` to `to` (both YYYY-MM-DD), counted on the calendar.
 * @param {string} from
 * @param {string} to
 * @returns {number}
 */
export function daysBetween(from, to) {
  // A day with a clock change is 23 or 25 hours long: round to whole days.
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000);
}

/**
 * "today", "tomorrow", "in 5 days", "3 days ago": how far a day is from today.
 * @param {string} iso
 * @param {string} today
 * @returns {string}
 */
export function relativeDay(iso, today) {
  const days = daysBetween(today, iso);
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/**
 * A day in words: "today", "tomorrow", "yesterday", else the full date.
 * @param {string} iso
 * @param {string} today
 * @returns {string}
 */
export function nearDay(iso, today) {
  return Math.abs(daysBetween(today, iso)) <= 1 ? relativeDay(iso, today) : formatDay(iso);
}
