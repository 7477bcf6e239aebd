// The share-link codec: details in the URL fragment, and every way a fragment
// can be wrong (docs/assets/planner/share-link.js).

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { decodeShare, encodeShare, shareLink } from "../../docs/assets/planner/share-link.js";

const DETAILS = {
  interview_date: "2026-03-12",
  company: "Müller & Söhne – Café “Zoë”",
  interviewers: [{ name: "Renée Ó Briain 🙂", email: "renee@example.com" }],
  strengths: ["a/b+c?d=e#f", "line\nbreak"],
};

/** The base64url text of a string's UTF-8 bytes, as the format wants it. */
const base64url = (/** @type {string} */ text) => Buffer.from(text, "utf-8").toString("base64url");

describe("encodeShare", () => {
  test("writes plan=v1. and the base64url of the UTF-8 JSON, without padding", () => {
    const fragment = encodeShare({ a: "é" });
    assert.equal(fragment, `plan=v1.${base64url('{"a":"é"}')}`);
    assert.match(fragment, /^plan=v1\.[A-Za-z0-9_-]+$/, "only URL-safe characters, no '='");
  });

  test("round-trips any details, whatever their characters", () => {
    assert.deepEqual(decodeShare(`#${encodeShare(DETAILS)}`), { status: "ok", input: DETAILS });
  });

  test("round-trips inputs of every length (every padding case)", () => {
    for (let length = 0; length < 8; length += 1) {
      const input = { company: "x".repeat(length) };
      assert.deepEqual(decodeShare(encodeShare(input)), { status: "ok", input });
    }
  });
});

describe("shareLink", () => {
  test("is the page's own address with the details in the fragment only", () => {
    const link = shareLink({ company: "Acme" }, { origin: "http://127.0.0.1:8111", pathname: "/planner/" });
    assert.equal(link, `http://127.0.0.1:8111/planner/#${encodeShare({ company: "Acme" })}`);
    assert.ok(!new URL(link).search, "nothing in the query string, which servers see");
  });
});

describe("decodeShare", () => {
  /** @type {Array<[string, import("../../docs/assets/planner/share-link.js").SharedDetails, string]>} */
  const cases = [
    ["", { status: "none" }, "no fragment"],
    ["#", { status: "none" }, "an empty fragment"],
    ["#checklist-heading", { status: "none" }, "an ordinary anchor"],
    ["#plan=v2.e30", { status: "outdated", version: "v2" }, "a later version of the format"],
    ["#plan=v0.e30", { status: "outdated", version: "v0" }, "an earlier version"],
    ["#plan=e30", { status: "broken" }, "no version"],
    ["#plan=vx.e30", { status: "broken" }, "a version that is not one"],
    ["#plan=v1.", { status: "broken" }, "nothing after the version"],
    ["#plan=v1.e30=", { status: "broken" }, "padding (not base64url)"],
    ["#plan=v1.e3+0", { status: "broken" }, "a character outside base64url"],
    ["#plan=v1.e", { status: "broken" }, "a length no base64 text can have"],
    [`#plan=v1.${base64url("[1, 2]")}`, { status: "broken" }, "JSON that is a list"],
    [`#plan=v1.${base64url("null")}`, { status: "broken" }, "JSON null"],
    [`#plan=v1.${base64url('"text"')}`, { status: "broken" }, "a JSON string"],
    [`#plan=v1.${base64url('{"company": ')}`, { status: "broken" }, "cut-off JSON"],
    // {"a":"<0xff>"}: JSON whose string holds a byte that is not UTF-8 (never read as U+FFFD).
    [`#plan=v1.${Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]).toString("base64url")}`,
      { status: "broken" }, "bytes that are not UTF-8"],
    [`#${encodeShare({ company: "x".repeat(60_000) })}`, { status: "broken" }, "a fragment far too long, however well formed"],
  ];
  for (const [hash, expected, why] of cases) {
    test(`reads ${why} as ${expected.status}`, () => {
      assert.deepEqual(decodeShare(hash), expected);
    });
  }

  test("reads a fragment with or without its '#'", () => {
    assert.deepEqual(decodeShare(encodeShare({ a: 1 })), decodeShare(`#${encodeShare({ a: 1 })}`));
  });
});
