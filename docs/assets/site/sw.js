// Follow-up's service worker: the site keeps working offline once the planner has loaded.
//
// The build writes this file at the site's root (so its scope is the whole
// site) and fills in PRECACHE below: this version's name and every file with
// its SHA-256 (planner/offline.py says which files, and why). The worker only
// ever handles the site's own public files: what a person types stays in the page.
//
// - install: every listed file goes into this version's cache. A file whose
//   bytes an older version's cache already holds is copied from there; the
//   others are downloaded with their SHA-256 as integrity, so the cache holds
//   exactly this build, or the install fails and is tried again next visit.
// - a new version waits. The page says "A new version of this site is ready"
//   and only the person's Reload (an "activate" message) lets it take over, so
//   a page in use is never switched under them. A first install takes over at
//   once: there is nothing to mix with.
// - activate: the caches of other versions are deleted.
// - fetch (this site, GET): files whose names never change ("immutable": the
//   name carries a hash or a version) come from the cache first. Pages and
//   every other listed file come from the network first, and from this
//   version's cache when the network fails. Nothing fetched later is written
//   to the cache, so online a visitor gets the newest files together, and
//   offline one version's files together.

/** @typedef {{url: string, sha256: string, size: number, immutable: boolean}} PrecacheFile */
/** @typedef {{version: string, files: PrecacheFile[]}} Precache */

const PRECACHE = /** @type {Precache} */ ({ version: "development", files: [] });

const PREFIX = "follow-up-";
const CACHE = `${PREFIX}${PRECACHE.version}`;
const PARALLEL_DOWNLOADS = 4;

const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** Every listed file by its absolute URL. */
const FILES = new Map(PRECACHE.files.map((file) => [absolute(file.url), file]));

/**
 * @param {string} url a URL relative to this worker (the site's root)
 * @returns {string}
 */
function absolute(url) {
  return new URL(url, worker.location.href).href;
}

/**
 * The listed URL a request is for: no query or fragment, and a page's
 * `index.html` named by its folder.
 * @param {string} url
 * @returns {string}
 */
function keyOf(url) {
  const parsed = new URL(url);
  parsed.search = "";
  parsed.hash = "";
  if (parsed.pathname.endsWith("/index.html")) parsed.pathname = parsed.pathname.slice(0, -"index.html".length);
  return parsed.href;
}

/**
 * The base64 SHA-256 of a response's body.
 * @param {Response} response
 * @returns {Promise<string>}
 */
async function digest(response) {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
  let binary = "";
  for (const byte of hash) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Put one file into this version's cache: copied from an older version's cache
 * when the bytes are the same, downloaded and checked otherwise.
 * @param {Cache} cache
 * @param {PrecacheFile} file
 */
async function store(cache, file) {
  const url = absolute(file.url);
  if (await cache.match(url)) return; // an install that was interrupted and is tried again
  const kept = await caches.match(url);
  if (kept && (await digest(kept.clone())) === file.sha256) {
    await cache.put(url, kept);
    return;
  }
  const response = await fetch(url, { cache: "no-cache", integrity: `sha256-${file.sha256}` });
  if (!response.ok || response.redirected) throw new Error(`${file.url}: HTTP ${response.status}`);
  await cache.put(url, response);
}

/** Fill this version's cache, a few downloads at a time. */
async function fillCache() {
  const cache = await caches.open(CACHE);
  const queue = [...PRECACHE.files];
  const lanes = Array.from({ length: PARALLEL_DOWNLOADS }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) await store(cache, file);
  });
  await Promise.all(lanes);
}

/** Delete every other version's cache, and serve the pages already open. */
async function takeOver() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
  await worker.clients.claim();
}

/**
 * The network's answer, or this version's copy when the network fails or the host is down.
 * @param {Request} request
 * @param {string} key
 * @returns {Promise<Response>}
 */
async function networkFirst(request, key) {
  const cached = () => caches.open(CACHE).then((cache) => cache.match(key));
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const copy = FILES.has(key) ? await cached() : undefined;
    if (copy) return copy;
    throw error;
  }
  if (response.status >= 500 && FILES.has(key)) return (await cached()) || response;
  return response;
}

/**
 * A copy from any of our caches (an immutable URL has the same bytes in each), else the network.
 * @param {Request} request
 * @param {string} key
 * @returns {Promise<Response>}
 */
async function cacheFirst(request, key) {
  return (await caches.match(key)) || fetch(request);
}

worker.addEventListener("install", (event) => {
  event.waitUntil(fillCache());
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(takeOver());
});

worker.addEventListener("message", (event) => {
  if (event.data && event.data.kind === "activate") worker.skipWaiting();
});

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== worker.location.origin) return;
  const key = keyOf(request.url);
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, key));
    return;
  }
  const file = FILES.get(key);
  if (!file) return;
  event.respondWith(file.immutable ? cacheFirst(request, key) : networkFirst(request, key));
});
