// Share links: the details travel in the URL fragment, which browsers never send to a server.
//
// Format: "#plan=v1." followed by the base64url (no padding) of the UTF-8 JSON of
// the engine's input object (spec §2). The "v1." prefix names this format; a link
// with any other version is refused with its own message rather than misread.
// No DOM: tests/js/share-link.test.js.

/** @typedef {import("./protocol.js").Details} Details */

/**
 * What a fragment holds.
 * @typedef {{status: "none"} | {status: "ok", input: Details}
 *   | {status: "outdated", version: string} | {status: "broken"}} SharedDetails
 */

export const SHARE_PARAM = "plan";
export const SHARE_VERSION = "v1";
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_FRAGMENT = 64 * 1024;

/** @param {Uint8Array} bytes */
function toBase64url(bytes) {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** @param {string} text */
function fromBase64url(text) {
  if (!BASE64URL.test(text) || text.length % 4 === 1) throw new Error("not base64url");
  const padded = text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "=");
  const binary = atob(padded);
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/**
 * The fragment (without "#") that carries these details.
 * @param {Details} input
 * @returns {string}
 */
export function encodeShare(input) {
  const bytes = new TextEncoder().encode(JSON.stringify(input));
  return `${SHARE_PARAM}=${SHARE_VERSION}.${toBase64url(bytes)}`;
}

/**
 * A full share link for a page: the same address, the details in the fragment only.
 * @param {Details} input
 * @param {{origin: string, pathname: string}} location The page's location.
 * @returns {string}
 */
export function shareLink(input, location) {
  return `${location.origin}${location.pathname}#${encodeShare(input)}`;
}

/**
 * Read a location.hash.
 * @param {string} hash
 * @returns {SharedDetails}
 */
export function decodeShare(hash) {
  const fragment = (hash || "").replace(/^#/, "");
  const prefix = `${SHARE_PARAM}=`;
  if (!fragment.startsWith(prefix)) return { status: "none" };
  const value = fragment.slice(prefix.length);
  if (value.length > MAX_FRAGMENT) return { status: "broken" };
  const dot = value.indexOf(".");
  const version = dot < 0 ? "" : value.slice(0, dot);
  if (version !== SHARE_VERSION) {
    return /^v\d+$/.test(version) ? { status: "outdated", version } : { status: "broken" };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(fromBase64url(value.slice(dot + 1)));
    const input = JSON.parse(text);
    if (input === null || typeof input !== "object" || Array.isArray(input)) return { status: "broken" };
    return { status: "ok", input };
  } catch {
    return { status: "broken" };
  }
}
