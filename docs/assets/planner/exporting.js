// Downloads and the clipboard, without any network: Blob + object URL, and the Clipboard API.

/** Offer text as a file download under the given name. */
export function downloadText(text, filename, mediaType) {
  const blob = new Blob([text], { type: mediaType || "application/octet-stream" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Select a node's text, so the person can copy it with their device's own command. */
function selectContents(node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Put text on the clipboard; resolves true when it worked. When it did not and
 * `fallbackNode` is given, that node's text is left selected for the person.
 */
export async function copyText(text, fallbackNode = null) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch { /* fall back below */ }
  // Older route: select a temporary, off-screen text area and copy it.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "planner-copy-buffer";
  document.body.append(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand("copy");
  } catch {
    done = false;
  }
  area.remove();
  if (!done && fallbackNode) selectContents(fallbackNode);
  return done;
}
