// Print, calendar, copy, save/load, share link, remember on this device, example.
// Filled in by the planner page part 2; until then it adds nothing.
export function installExtras(_app) {}
