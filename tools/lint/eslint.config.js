// ESLint for the site's scripts (templates/assets: browser scripts, not modules) and the search
// client's node tests (src/test/js). Run from the repository root, as ScriptLintTest does:
//   tools/lint/node_modules/.bin/eslint -c tools/lint/eslint.config.js templates/assets src/test/js
"use strict";
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  js.configs.recommended,
  {
    files: ["templates/assets/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      // search-core.js is also required by its node tests, through module.exports.
      globals: { ...globals.browser, module: "readonly" }
    }
  },
  {
    files: ["src/test/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node }
  }
];
