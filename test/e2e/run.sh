#!/usr/bin/env bash
# npm run test:e2e: builds and packages the extension, installs the editors once (setup.sh),
# then runs the four real-editor suites: extension-host tests through runTests, the UI test
# against the installed .vsix, the .vsix's browser entry in VS Code for the web, and Neovim as a
# second LSP client. Prints one summary line.
set -uo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS

bash test/e2e/setup.sh || { echo "e2e: setup failed" >&2; exit 1; }
# Production bundles and the .vsix; the same build also emits the tests into dist/.
npm run -s package >"${TMPDIR:-/tmp}/skill-lens-package.log" 2>&1 || { cat "${TMPDIR:-/tmp}/skill-lens-package.log" >&2; echo "e2e: packaging failed" >&2; exit 1; }
ls -l skill-lens.vsix | awk '{ print "e2e: skill-lens.vsix", $5, "bytes" }'

passed=0 failed=0 failures=()
suite() {
  local name=$1; shift
  local t=$SECONDS
  echo "=== e2e: $name"
  if "$@"; then
    passed=$((passed + 1)); echo "=== e2e: $name passed ($((SECONDS - t)) s)"
  else
    failed=$((failed + 1)); failures+=("$name"); echo "=== e2e: $name FAILED ($((SECONDS - t)) s)"
  fi
}
suite "extension host (runTests + code-server)" node dist/test/e2e/runExtensionTests.js
suite "UI (code-server + Chromium)" npx mocha --no-config --timeout 120000 dist/test/e2e/ui.test.js dist/test/e2e/typing.test.js dist/test/e2e/profile.test.js dist/test/e2e/editor.test.js dist/test/e2e/inserts.test.js
suite "VS Code for the web (web worker extension host + Chromium)" npx mocha --no-config --timeout 120000 dist/test/e2e/web.test.js
suite "Neovim LSP client" bash test/e2e/neovim.test.sh

echo "e2e took $((SECONDS - start)) s${failures[*]:+; failed: ${failures[*]}}"
echo "e2e: $passed passed, $failed failed"
((failed == 0))
