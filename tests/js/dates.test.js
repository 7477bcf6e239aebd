// Calendar days as the page counts and shows them (docs/assets/planner/dates.js).
// The time zone is fixed to one with clock changes, so that the days around
// them are tested: London moved its clocks on 29 March and 25 October 2026.
process.env.TZ = "Europe/London";

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  addDays, daysBetween, formatDay, localToday, nearDay, parseDay, relativeDay, shortDay,
} from "../../docs/assets/planner/dates.js";

describe("localToday", () => {
  test("is the local calendar date, not the UTC one, just after midnight in summer", () => {
    // 00:30 in London on 1 July is still 30 June in UTC.
    assert.equal(localToday(new Date(2026, 6, 1, 0, 30)), "2026-07-01");
  });

  test("pads months and days to two digits", () => {
    assert.equal(localToday(new Date(2026, 0, 5, 12)), "2026-01-05");
  });
});

describe("parseDay", () => {
  test("gives local midnight of that day", () => {
    const day = parseDay("2026-03-29");
    assert.deepEqual([day.getFullYear(), day.getMonth(), day.getDate(), day.getHours()], [2026, 2, 29, 0]);
  });
});

describe("addDays", () => {
  for (const [from, days, to, why] of /** @type {Array<[string, number, string, string]>} */ ([
    ["2026-03-12", 14, "2026-03-26", "two weeks"],
    ["2026-03-28", 1, "2026-03-29", "onto the day the clocks go forward"],
    ["2026-03-29", 1, "2026-03-30", "over the short day"],
    ["2026-10-24", 2, "2026-10-26", "over the long day"],
    ["2026-01-31", 1, "2026-02-01", "across a month end"],
    ["2028-02-28", 1, "2028-02-29", "into a leap day"],
    ["2026-12-31", 1, "2027-01-01", "across a year end"],
    ["2026-03-01", -1, "2026-02-28", "backwards"],
  ])) {
    test(`${from} + ${days} is ${to} (${why})`, () => {
      assert.equal(addDays(from, days), to);
    });
  }
});

describe("daysBetween", () => {
  for (const [from, to, days, why] of /** @type {Array<[string, string, number, string]>} */ ([
    ["2026-03-28", "2026-03-30", 2, "over the day that lasts 23 hours"],
    ["2026-10-24", "2026-10-26", 2, "over the day that lasts 25 hours"],
    ["2026-03-12", "2026-03-12", 0, "the same day"],
    ["2026-03-12", "2026-03-09", -3, "a day in the past"],
    ["2026-01-01", "2027-01-01", 365, "a whole year"],
  ])) {
    test(`${from} to ${to} is ${days} (${why})`, () => {
      assert.equal(daysBetween(from, to), days);
    });
  }
});

describe("relativeDay and nearDay", () => {
  const today = "2026-03-29"; // the day the clocks go forward
  for (const [day, relative, near] of [
    ["2026-03-29", "today", "today"],
    ["2026-03-30", "tomorrow", "tomorrow"],
    ["2026-03-28", "yesterday", "yesterday"],
    ["2026-04-03", "in 5 days", "Friday, 3 April 2026"],
    ["2026-03-26", "3 days ago", "Thursday, 26 March 2026"],
  ]) {
    test(`${day} seen from ${today} is "${relative}", or "${near}"`, () => {
      assert.equal(relativeDay(day, today), relative);
      assert.equal(nearDay(day, today), near);
    });
  }
});

describe("formatDay and shortDay", () => {
  test("spell the day out in British English", () => {
    assert.equal(formatDay("2026-03-12"), "Thursday, 12 March 2026");
    assert.equal(shortDay("2026-03-12"), "Thu 12 Mar");
  });
});
