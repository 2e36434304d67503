#!/usr/bin/env bash
# under-clock.sh INSTANT ZONE COMMAND...: runs COMMAND with the wall clock set to INSTANT (ISO 8601,
# UTC) and the machine's time zone ZONE, through libfaketime, for the whole process tree. The clock
# runs on from INSTANT; monotonic clocks (timers, durations) are left alone. Chromium is too slow
# under libfaketime, so the e2e support starts it without the library and sets the page's clock
# and zone itself from ACD_LINK_TEST_CLOCK (test/e2e/support/browser-clock.ts).
set -euo pipefail
instant=$1 zone=$2; shift 2
lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
[ -f "$lib" ] || { echo "under-clock: $lib is missing: install Debian's faketime package (npm test does it)" >&2; exit 1; }
target=$(date -u -d "$instant" +%s) || { echo "under-clock: cannot read the instant \"$instant\"" >&2; exit 2; }
offset=$((target - $(date -u +%s)))
# libfaketime's relative form: "+N" or "-N" seconds from the real clock, exact across DST changes.
[ "$offset" -ge 0 ] && offset="+$offset"
export TZ="$zone" FAKETIME="$offset" FAKETIME_DONT_FAKE_MONOTONIC=1 LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
export ACD_LINK_TEST_CLOCK="$instant $zone"
exec "$@"
