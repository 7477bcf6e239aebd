// Copying text for the person: the Clipboard API, or an older route, or at
// worst the text left selected so they can copy it themselves. No network.

/**
 * Select a node's text, so the person can copy it with their device's own command.
 * @param {Node} node
 */
function selectContents(node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = window.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Put text on the clipboard; resolves true when it worked. When it did not and
 * `fallbackNode` is given, that node's text is left selected for the person.
 * @param {string} text
 * @param {Node | null} [fallbackNode]
 * @returns {Promise<boolean>}
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
  let done;
  try {
    done = document.execCommand("copy");
  } catch {
    done = false;
  }
  area.remove();
  if (!done && fallbackNode) selectContents(fallbackNode);
  return done;
}
