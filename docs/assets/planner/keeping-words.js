// What the page says about keeping the interviews, in one place: each
// sentence keeping.js answers with, so the page shows it as it is, and tests
// can name it.

export const UNAVAILABLE = "This browser does not let the site keep anything on this device (a private window, "
  + "or storage blocked or full), so your interviews last only as long as this tab: save a backup file to keep them.";
export const KEPT_FOR_GOOD = "Your interviews are kept in this browser on this device until you delete them.";
// Safari's tracking prevention deletes what a site stored once seven days of
// browsing pass without a visit to it; a site added to the Home Screen is exempt.
export const KEPT_MAY_CLEAR = "Your interviews are kept in this browser on this device, but the browser may clear "
  + "them when space runs low: save a backup file now and then. On an iPhone or iPad, add this site to your Home "
  + "Screen too: Safari otherwise deletes what a site keeps after seven days of browsing without a visit to it.";
export const FULL = "This device's storage is full, so your last change could not be kept on it. It is still on this "
  + "page: free some space, or save a backup file.";
export const REFUSED = "Your last change could not be kept on this device: the browser refused it. It is still on this "
  + "page: save a backup file to be safe.";
export const FULL_TO_KEEP = "This device's storage is full, so your interviews could not be kept on it. They are "
  + "still on this page: free some space and try again, or save a backup file.";
export const TAB_REFUSED = "This tab could not keep a copy of your interviews (the browser's storage is full or blocked): "
  + "they stay on this page until you reload or close it.";
export const STOPPED_ELSEWHERE = "Your interviews are no longer kept on this device: that was chosen in another "
  + "tab. They stay in this tab until you close it.";
export const BLOCKED = "The browser removes them once the site's other tabs are closed.";
export const NOT_DELETED = "The browser did not let the site delete what it keeps on this device: "
  + "clearing the site's data in the browser's settings removes it.";
export const FORGOTTEN = "Everything this site stored on this device has been removed.";
export const MIGRATED = "The details this site remembered on this device are now one of your kept interviews.";
export const LEGACY = "Your remembered details are still kept the old way, as this browser refused the new one.";
export const OLD_UNREADABLE = "The details remembered on this device could not be read, so they were removed.";
