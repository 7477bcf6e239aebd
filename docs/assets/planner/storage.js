// What the site keeps in this browser's Web Storage, and the rule for forgetting.
//
// Two records, each under one key of ours ("follow-up:..."):
// - the old "Remember on this device" record (localStorage, STORAGE_KEY): one
//   interview's details. Pages from now on only read it, to move it into the
//   kept interviews (keeping.js), and remove it;
// - this tab's copy of the interviews (sessionStorage, SESSION_KEY), so that
//   Back, a reload or a restarted worker loses nothing for someone who did not
//   choose to keep them on the device: written only once they typed something,
//   gone when the tab closes.
// "Forget" removes our keys and every key the site's theme (Material for
// MkDocs) keeps for this site, such as its colour-scheme choice, from
// localStorage and sessionStorage. With database.js (IndexedDB), the only
// module that touches the browser's storage. DeviceStorage works on any
// Storage-like objects (tests/js/storage.test.js gives it maps);
// browserStorage() binds it to this page's.

import { isPlainObject } from "./details.js";

/** @typedef {import("./protocol.js").Details} Details */

export const STORAGE_KEY = "follow-up:v1";
export const SESSION_KEY = "follow-up:session";
const OUR_PREFIX = "follow-up:";
const RECORD_VERSION = 1;
const SESSION_VERSION = 1;

/** @typedef {Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">} KeyValueStore */
/**
 * This tab's copy of the interviews, as read back (keeping.js checks the entries).
 * @typedef {{interviews: Record<string, unknown>[], current: string | null}} SessionCopy
 */

/**
 * The record kept for remembered details.
 * @param {Details} details
 * @returns {string}
 */
export function encodeRecord(details) {
  return JSON.stringify({ version: RECORD_VERSION, input: details });
}

/**
 * The details in a stored record, or "unreadable" when it is not one we wrote.
 * @param {string} text
 * @returns {Details | "unreadable"}
 */
export function decodeRecord(text) {
  try {
    const saved = JSON.parse(text);
    if (saved && saved.version === RECORD_VERSION && isPlainObject(saved.input)) return saved.input;
  } catch { /* fall through */ }
  return "unreadable";
}

/**
 * The text under `key`, or null when there is none or the browser refuses to read.
 * @param {KeyValueStore | null} store
 * @param {string} key
 */
function getFrom(store, key) {
  try {
    return store ? store.getItem(key) : null;
  } catch {
    return null;
  }
}

/**
 * Store `text` under `key`; false when there is no store or the browser refuses (full, or blocked).
 * @param {KeyValueStore | null} store
 * @param {string} key
 * @param {string} text
 */
function setIn(store, key, text) {
  if (!store) return false;
  try {
    store.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {KeyValueStore | null} store
 * @param {string} key
 */
function removeKey(store, key) {
  try {
    store?.removeItem(key);
  } catch { /* nothing stored, nothing to do */ }
}

export class DeviceStorage {
  /**
   * @param {object} stores
   * @param {KeyValueStore | null} stores.local localStorage, or null when the browser blocks it.
   * @param {KeyValueStore | null} stores.session sessionStorage, or null.
   * @param {string} stores.themePrefix The prefix of the theme's keys for this site.
   */
  constructor({ local, session, themePrefix }) {
    this.local = local;
    this.session = session;
    this.themePrefix = themePrefix;
  }

  /**
   * The remembered details, null when there are none, or "unreadable".
   * @returns {Details | null | "unreadable"}
   */
  readRemembered() {
    const text = getFrom(this.local, STORAGE_KEY);
    return text === null ? null : decodeRecord(text);
  }

  /**
   * Store the details; false when the browser refuses.
   * @param {Details} details
   */
  writeRemembered(details) {
    return setIn(this.local, STORAGE_KEY, encodeRecord(details));
  }

  removeRemembered() {
    removeKey(this.local, STORAGE_KEY);
  }

  /**
   * This tab's copy of the interviews, null when there is none, or "unreadable".
   * @returns {SessionCopy | null | "unreadable"}
   */
  readSession() {
    const text = getFrom(this.session, SESSION_KEY);
    if (text === null) return null;
    try {
      const saved = JSON.parse(text);
      if (saved && saved.version === SESSION_VERSION && Array.isArray(saved.interviews)) {
        return {
          interviews: saved.interviews.filter(isPlainObject),
          current: typeof saved.current === "string" ? saved.current : null,
        };
      }
    } catch { /* fall through */ }
    return "unreadable";
  }

  /**
   * Write this tab's copy; false when the browser refuses (full, or blocked).
   * @param {readonly Details[]} interviews
   * @param {string | null} current
   */
  writeSession(interviews, current) {
    return setIn(this.session, SESSION_KEY, JSON.stringify({ version: SESSION_VERSION, interviews, current }));
  }

  removeSession() {
    removeKey(this.session, SESSION_KEY);
  }

  /** Remove every key this site stored, ours and the theme's, on this device. */
  forgetEverything() {
    for (const store of [this.local, this.session]) {
      if (!store) continue;
      try {
        const keys = [];
        for (let i = 0; i < store.length; i += 1) keys.push(store.key(i));
        for (const key of keys) {
          if (key !== null && (key.startsWith(OUR_PREFIX) || key.startsWith(this.themePrefix))) {
            store.removeItem(key);
          }
        }
      } catch { /* storage blocked: nothing was stored */ }
    }
  }
}

/**
 * @param {"localStorage" | "sessionStorage"} kind
 * @returns {KeyValueStore | null}
 */
function browserStore(kind) {
  try {
    return window[kind];
  } catch {
    return null; // storage blocked by the browser's settings
  }
}

/** The theme's key prefix for this site ("/." at the site root). */
function themePrefix() {
  const scope = /** @type {{__md_scope?: unknown}} */ (window).__md_scope;
  const base = scope instanceof URL ? scope : new URL("..", window.location.href);
  return `${base.pathname}.`;
}

/** This page's storage. */
export function browserStorage() {
  return new DeviceStorage({
    local: browserStore("localStorage"),
    session: browserStore("sessionStorage"),
    themePrefix: themePrefix(),
  });
}
