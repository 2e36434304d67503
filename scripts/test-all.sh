#!/usr/bin/env bash
# The whole test suite, from a fresh clone: system packages and database servers, npm packages,
# build, typecheck, lint, format, then unit, integration and end-to-end tests. Ends with the line
# "N passed, N failed" (tests plus the static checks), and a non-zero exit when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup/ensure-system.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

# Reinstall npm packages when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error || { echo "0 passed, 1 failed"; exit 1; }
fi

passed=0
failed=0
failures=()
check() { # check NAME COMMAND...
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

check build node scripts/build.mjs
check typecheck npx tsc -p tsconfig.json --noEmit
check lint npx eslint . --max-warnings 0
check format npx prettier --check . --log-level warn

mkdir -p out
results=out/test-results.json
rm -f "$results"
echo "== vitest (unit, integration, e2e)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results"
vitest_status=$?

if [ -f "$results" ]; then
  read -r t_passed t_failed t_skipped < <(node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    // A suite that failed to load has no test results of its own: count it as a failure.
    const brokenSuites = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + brokenSuites, skipped);
  ' "$results")
  if ! [[ "${t_passed:-}" =~ ^[0-9]+$ && "${t_failed:-}" =~ ^[0-9]+$ ]]; then
    t_passed=0; t_failed=1; t_skipped=0; failures+=("could not read $results")
  fi
  passed=$((passed + t_passed))
  failed=$((failed + t_failed))
  [ "$t_failed" -gt 0 ] && failures+=("vitest: $t_failed failed")
else
  failed=$((failed + 1)); failures+=("vitest produced no results")
  t_skipped=0
fi
if [ "$vitest_status" -ne 0 ] && [ "${t_failed:-0}" -eq 0 ]; then failed=$((failed + 1)); failures+=("vitest exited $vitest_status"); fi

[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
if [ "${t_skipped:-0}" -gt 0 ]; then echo "$passed passed, $failed failed, $t_skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
