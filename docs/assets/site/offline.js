// Offline use and updates, on every page.
//
// Once the planner has loaded (its page sets <html data-planner-ready>), this
// registers the site's service worker, sw.js at the site's root beside the web
// app manifest. The worker keeps a copy of the site's own files so that the
// guide and the planner work offline; reading the guide alone registers
// nothing and downloads no Python.
//
// When a new version of the site has been installed in the background, a small
// notice says so, with Reload and Later buttons. Nothing changes until the
// person presses Reload: the page in use is never switched under them. On the
// planner page the notice adds that reloading keeps what was typed (the tab's copy).
//
// <html data-offline-ready="true"> marks a page that the worker serves.

const NOTICE_ID = "site-update";

/** @returns {HTMLElement | null} the planner's asset marker, present only on the planner page */
function plannerAssets() {
  return document.getElementById("planner-assets");
}

/** @returns {URL | null} the worker's URL: sw.js beside the web app manifest */
function workerURL() {
  const link = document.querySelector('link[rel="manifest"]');
  return link instanceof HTMLLinkElement ? new URL("sw.js", link.href) : null;
}

/** @returns {Promise<void>} resolves once the planner page says Python is ready */
function plannerReady() {
  const root = document.documentElement;
  return new Promise((resolve) => {
    if (root.dataset.plannerReady === "true") {
      resolve();
      return;
    }
    const observer = new MutationObserver(() => {
      if (root.dataset.plannerReady === "true") {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(root, { attributes: true, attributeFilter: ["data-planner-ready"] });
  });
}

/** @returns {Promise<void>} resolves when the page is idle (registering never delays the planner) */
function idle() {
  return new Promise((resolve) => {
    if ("requestIdleCallback" in window) window.requestIdleCallback(() => resolve());
    else setTimeout(resolve, 200);
  });
}

function markReady() {
  if (navigator.serviceWorker.controller) document.documentElement.dataset.offlineReady = "true";
}

/**
 * Show the notice: a new version is ready, reload to use it.
 * @param {ServiceWorker} waiting the installed new version
 * @param {() => void} reloadWhenActive arms the reload for when it takes over
 */
function offerReload(waiting, reloadWhenActive) {
  if (document.getElementById(NOTICE_ID)) return;
  const notice = document.createElement("aside");
  notice.id = NOTICE_ID;
  notice.className = "site-update";
  notice.setAttribute("aria-label", "Site update");
  const text = document.createElement("p");
  text.setAttribute("role", "status");
  text.append("A new version of this site is ready.");
  if (plannerAssets()) {
    text.append(" Reloading keeps what you typed in this tab.");
  }
  const reload = document.createElement("button");
  reload.type = "button";
  reload.append("Reload");
  reload.addEventListener("click", () => {
    reload.disabled = true;
    if (waiting.state === "activated" || waiting.state === "redundant") {
      window.location.reload();
      return;
    }
    reloadWhenActive();
    waiting.postMessage({ kind: "activate" });
  });
  // "Later" only hides the notice: the new version is used once every tab of
  // the site is closed, or offered again on the next page.
  const later = document.createElement("button");
  later.type = "button";
  later.className = "site-update-later";
  later.append("Later");
  later.addEventListener("click", () => notice.remove());
  notice.append(text, reload, later);
  document.body.append(notice);
}

/**
 * Follow a registration: offer a waiting new version; reload only when asked to.
 * @param {ServiceWorkerRegistration} registration
 */
function follow(registration) {
  let reloading = false;
  const arm = () => { reloading = true; };
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading) window.location.reload();
    else markReady();
  });
  const offerIfUpdate = (/** @type {ServiceWorker | null} */ worker) => {
    // Without a controller this is the first install, which takes over by itself.
    if (worker && navigator.serviceWorker.controller) offerReload(worker, arm);
  };
  offerIfUpdate(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    if (!installing) return;
    installing.addEventListener("statechange", () => {
      if (installing.state === "installed") offerIfUpdate(installing);
    });
  });
  // An installed app resumed from the background makes no navigation: look for
  // a new version when the page is shown again (offline, there is none to find).
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
  markReady();
}

async function main() {
  if (!("serviceWorker" in navigator)) return;
  const url = workerURL();
  if (!url) return;
  const existing = await navigator.serviceWorker.getRegistration();
  if (existing) {
    follow(existing);
    return;
  }
  if (!plannerAssets()) return;
  await plannerReady();
  await idle();
  follow(await navigator.serviceWorker.register(url.href, { scope: new URL("./", url).href }));
}

main().catch(() => {
  // No offline copy (storage refused, private mode...): the site works online as before.
});
