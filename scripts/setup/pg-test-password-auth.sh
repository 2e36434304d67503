#!/usr/bin/env bash
# Makes the local PostgreSQL check passwords for the driver tests' own logins, so "wrong password
# -> AUTH" can be tested on a server whose pg_hba.conf trusts every loopback connection.
#
# Why an edit: PostgreSQL 15 has no per-role override of a `trust` line and no include directive
# in pg_hba.conf, so the only alternative would be a private cluster per test run. The edit is
# narrow: it adds scram-sha-256 lines for the two test roles only, above every other line (the
# first matching line wins), so every other login keeps working as before. Idempotent: a second
# run finds the marker and only reloads when it changed something.
set -euo pipefail

MARKER='# acd-link-studio driver tests: password auth for the test logins'
ROLES='acd_test_reader,acd_test_writer'

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else
    sudo -n -u postgres "$@"; fi
}

hba_file=$(as_postgres psql -X -qtAc 'SHOW hba_file')
if [ -z "$hba_file" ] || ! as_postgres test -f "$hba_file"; then
  echo "pg-test-password-auth: could not find pg_hba.conf (SHOW hba_file gave '$hba_file')" >&2
  exit 1
fi

if as_postgres grep -qF "$MARKER" "$hba_file"; then
  exit 0
fi

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
{
  echo "$MARKER"
  echo "host all $ROLES 127.0.0.1/32 scram-sha-256"
  echo "host all $ROLES ::1/128 scram-sha-256"
  as_postgres cat "$hba_file"
} >"$tmp"
# Write through the postgres user so owner and mode of the original file stay as they were.
as_postgres tee "$hba_file" <"$tmp" >/dev/null
as_postgres psql -X -qtAc 'SELECT pg_reload_conf()' >/dev/null
echo "pg-test-password-auth: $hba_file now asks $ROLES for a password on loopback"
