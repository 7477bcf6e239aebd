// Offering text as a file download, without any network: a Blob and an object URL.

/**
 * Offer text as a file download under the given name.
 * @param {string} text
 * @param {string} filename
 * @param {string} [mediaType]
 */
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
