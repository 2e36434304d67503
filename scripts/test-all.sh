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
t_skipped_all=0
# vitest_pass NAME [PREFIX...]: the whole vitest suite (unit, integration, e2e), run through PREFIX.
vitest_pass() {
  local name=$1; shift
  local results="out/test-results-$name.json"
  rm -f "$results"
  echo "== vitest ($name)"
  "$@" npx vitest run --reporter=default --reporter=json --outputFile.json="$results"
  local status=$?
  local t_passed=0 t_failed=1 t_skipped=0
  if [ -f "$results" ]; then
    read -r t_passed t_failed t_skipped < <(node -e '
      const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
      const skipped = r.numPendingTests + r.numTodoTests;
      // A suite that failed to load has no test results of its own: count it as a failure.
      const brokenSuites = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
      console.log(r.numPassedTests, r.numFailedTests + brokenSuites, skipped);
    ' "$results")
    if ! [[ "${t_passed:-}" =~ ^[0-9]+$ && "${t_failed:-}" =~ ^[0-9]+$ ]]; then
      t_passed=0; t_failed=1; t_skipped=0; failures+=("$name: could not read $results")
    fi
    [ "$t_failed" -gt 0 ] && failures+=("vitest ($name): $t_failed failed")
  else
    failures+=("vitest ($name) produced no results")
  fi
  if [ "$status" -ne 0 ] && [ "$t_failed" -eq 0 ]; then t_failed=1; failures+=("vitest ($name) exited $status"); fi
  echo "vitest ($name): $t_passed passed, $t_failed failed, $t_skipped skipped"
  passed=$((passed + t_passed)); failed=$((failed + t_failed)); t_skipped_all=$((t_skipped_all + t_skipped))
}

# The suite on today's clock, then again on a clock chosen to break tests that depend on the
# date, the hour or the machine's zone (scripts/test/under-clock.sh fakes the wall clock of every
# process it starts): Monday 2027-03-15 06:05 in Brussels, the demo's zone, with the weekend just
# behind; the machine in Los Angeles, where it is still Sunday, the 23-hour day of its spring
# forward, and the local date is neither Brussels' nor UTC's. More clocks, as "INSTANT ZONE;…":
#   ACD_EXTRA_CLOCKS="2027-03-29T04:05:00Z Pacific/Auckland;2026-10-25T00:55:00Z Europe/Brussels" npm test
vitest_pass today
vitest_pass monday-brussels-dst-los-angeles scripts/test/under-clock.sh 2027-03-15T05:05:00Z America/Los_Angeles
IFS=';' read -r -a extra_clocks <<< "${ACD_EXTRA_CLOCKS:-}"
for clock in "${extra_clocks[@]}"; do
  read -r instant zone <<< "$clock"
  [ -n "${instant:-}" ] && vitest_pass "clock-${instant//[:]/}-${zone//\//-}" scripts/test/under-clock.sh "$instant" "$zone"
done

[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
if [ "$t_skipped_all" -gt 0 ]; then echo "$passed passed, $failed failed, $t_skipped_all skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
