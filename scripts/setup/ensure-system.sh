#!/usr/bin/env bash
# Installs the Debian packages the tests need and starts PostgreSQL and MariaDB on loopback when
# they are not running. Idempotent: on a provisioned machine it only checks.
set -euo pipefail

PACKAGES=(unixodbc unixodbc-dev odbc-postgresql odbc-mariadb libsqliteodbc tdsodbc chromium faketime
          postgresql postgresql-client mariadb-server mariadb-client)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else
    echo "setup: need root (or sudo) to run: $*" >&2; return 1; fi
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

wait_for() { # wait_for NAME COMMAND... : up to 60 s
  local name=$1; shift
  for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "setup: $name did not come up within 60 s" >&2; return 1
}

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "setup: starting PostgreSQL"
  cluster_version=$(ls /etc/postgresql | sort -V | tail -n 1)
  as_root pg_ctlcluster --skip-systemctl-redirect "$cluster_version" main start
  wait_for PostgreSQL pg_isready -q -h 127.0.0.1 -p 5432
fi

if ! mysqladmin --protocol=tcp -h 127.0.0.1 -P 3306 -uroot ping >/dev/null 2>&1; then
  echo "setup: starting MariaDB"
  as_root mkdir -p /run/mysqld
  as_root chown mysql:mysql /run/mysqld 2>/dev/null || true
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql --bind-address=127.0.0.1
  wait_for MariaDB mysqladmin --protocol=tcp -h 127.0.0.1 -P 3306 -uroot ping
fi

# The driver tests check "wrong password -> AUTH": let their own logins use passwords.
bash "$(dirname "$0")/pg-test-password-auth.sh"
