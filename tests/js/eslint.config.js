// ESLint for the project's JavaScript: the planner page's modules and worker
// (docs/assets/planner/), the scripts of every page and the offline worker
// (docs/assets/site/), their unit tests (tests/js/), and the Node scripts
// of the build, the parity tests and the benchmarks. `make lint` runs it from
// the project root with --config, so the patterns below are relative to the
// root. ESLint's recommended rules, plus the few that catch real mistakes in
// this code, each with its reason.

import js from "@eslint/js";
import globals from "globals";

const PAGE = "docs/assets/planner/**/*.js";
const WORKER = "docs/assets/planner/worker.js";
const SITE = "docs/assets/site/**/*.js";
const SERVICE_WORKER = "docs/assets/site/sw.js";
// A classic script (not a module): it must run before the theme's own script.
const CLASSIC = "docs/assets/site/palette.js";

// Modules with no DOM, so that Node's test runner can load and test them.
const PURE = [
  "backup", "connection", "dates", "details", "interview-input", "interviews", "keeping", "planning",
  "protocol", "scheduling", "share-link", "state",
].map((name) => `docs/assets/planner/${name}.js`);

// Writing HTML from strings is how text someone typed becomes markup: the page
// builds its DOM from text nodes only (dom.js's el()).
const NO_HTML_STRINGS = [
  {
    selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]",
    message: "Build elements with el() (dom.js): text the person typed must never become markup.",
  },
  {
    selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]",
    message: "Build elements with el() (dom.js): text the person typed must never become markup.",
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: "Build elements with el() (dom.js): text the person typed must never become markup.",
  },
];

// Nothing is stored without the person's choice: only storage.js (Web Storage)
// and database.js (IndexedDB) touch the browser's storage, so that two modules
// answer for what is kept.
const STORAGE_MODULES = ["storage", "database"].map((name) => `docs/assets/planner/${name}.js`);
const STORAGE_MESSAGE = "Only storage.js and database.js touch the browser's storage.";
const STORAGE_GLOBALS = ["localStorage", "sessionStorage", "indexedDB"].map((name) => ({
  name, message: STORAGE_MESSAGE,
}));

// What a module of pure logic must not touch: it would no longer load in Node.
const BROWSER_GLOBALS = ["window", "document", "navigator", "location", "self", "history"].map((name) => ({
  name, message: "This module holds logic only (Node's test runner loads it): pass what it needs in.",
}));

export default [
  js.configs.recommended,
  {
    rules: {
      // `==` converts types, and form values are strings: "0" == 0 hides a slip.
      eqeqeq: ["error", "always"],
      // A "${...}" in a plain string is a template literal written with the wrong quotes.
      "no-template-curly-in-string": "error",
      // The page must run under a Content-Security-Policy without 'unsafe-eval'.
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      // A binding that is never reassigned is declared const, so a reassignment stands out.
      "prefer-const": "error",
      // `_name` marks a value left out on purpose (`const { today: _today, ...rest }`).
      "no-unused-vars": ["error", { varsIgnorePattern: "^_", argsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // A promise's executor that returns a value was meant to resolve it.
      "no-promise-executor-return": "error",
      // A comparison with itself is always a typo (NaN is tested with Number.isNaN).
      "no-self-compare": "error",
    },
  },
  {
    files: [PAGE],
    languageOptions: { sourceType: "module" },
    rules: {
      "no-restricted-syntax": ["error", ...NO_HTML_STRINGS],
      "no-restricted-globals": ["error", ...STORAGE_GLOBALS],
      "no-restricted-properties": ["error",
        ...["localStorage", "sessionStorage", "indexedDB"].flatMap((property) => ["window", "self", "globalThis"]
          .map((object) => ({ object, property, message: STORAGE_MESSAGE }))),
      ],
      // A console message in the page is noise for the person, and the browser
      // tests fail on any console error: say things on the page instead.
      "no-console": "error",
    },
  },
  {
    files: STORAGE_MODULES,
    rules: { "no-restricted-globals": "off", "no-restricted-properties": "off" },
  },
  {
    files: PURE,
    rules: { "no-restricted-globals": ["error", ...STORAGE_GLOBALS, ...BROWSER_GLOBALS] },
  },
  {
    files: [PAGE],
    ignores: [WORKER],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [WORKER],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: [SITE],
    ignores: [SERVICE_WORKER],
    languageOptions: { sourceType: "module", globals: { ...globals.browser } },
    rules: { "no-restricted-syntax": ["error", ...NO_HTML_STRINGS], "no-console": "error" },
  },
  {
    files: [CLASSIC],
    languageOptions: { sourceType: "script" },
  },
  {
    files: [SERVICE_WORKER],
    languageOptions: { sourceType: "module", globals: { ...globals.serviceworker } },
    rules: { "no-console": "error" },
  },
  {
    // The benchmark's bare page (tests/benchmarks/bare/): a page and two module workers.
    files: ["tests/benchmarks/bare/page.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["tests/benchmarks/bare/worker.js", "tests/benchmarks/bare/floor.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.worker } },
  },
  {
    files: ["tests/js/**/*.js", "docs/.hooks/**/*.mjs", "tests/node/**/*.mjs", "tests/benchmarks/**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
];
