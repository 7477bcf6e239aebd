// Start the worker named by ?worker= (default: bare Pyodide) and mark <html> when it is ready.
const params = new URLSearchParams(location.search);
const worker = new Worker(new URL(params.get("worker") || "worker.js", import.meta.url), { type: "module" });
worker.postMessage(Object.fromEntries(params));
worker.addEventListener("message", (event) => {
  document.getElementById("status").textContent = JSON.stringify(event.data);
  if (event.data.kind === "ready") document.documentElement.dataset.plannerReady = "true";
});
