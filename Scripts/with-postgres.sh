#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster: initdb and pg_ctl (as the
# `postgres` user when run as root, since initdb refuses root) in a new temporary folder,
# on a free loopback port, trust authentication on loopback only; the cluster is stopped
# and removed when the command ends, whatever its outcome. The command gets
# CENTRAL_TEST_PG=postgres://reformledger@127.0.0.1:PORT/central (database made).
#
#   Scripts/with-postgres.sh python3 Tests/Central/test_central.py
set -euo pipefail
cd "$(dirname "$0")/.."

bin=""
for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent)")" /usr/lib/postgresql/*/bin; do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bin=$candidate; break; fi
done
if [ -z "$bin" ]; then
  echo "with-postgres: installing PostgreSQL (Debian's postgresql)" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  as_owner=(runuser -u postgres --)
fi

folder=$(mktemp -d /tmp/reformledger-pg.XXXXXX)
chmod 0755 "$folder"
[ ${#as_owner[@]} -gt 0 ] && chown postgres "$folder"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

cleanup() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap cleanup EXIT

"${as_owner[@]}" "$bin/initdb" -D "$folder/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
  || "${as_owner[@]}" "$bin/initdb" -D "$folder/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
"${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$folder -c fsync=${CENTRAL_PG_FSYNC:-off} ${CENTRAL_PG_SETTINGS:-}" start >/dev/null
psql_bin=$(command -v psql || echo "$bin/psql")
"$psql_bin" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
  -c "CREATE ROLE reformledger LOGIN" -c "CREATE DATABASE central OWNER reformledger" >/dev/null

export CENTRAL_TEST_PG="postgres://reformledger@127.0.0.1:$port/central"
export CENTRAL_TEST_PG_ADMIN="postgres://postgres@127.0.0.1:$port/central"
export CENTRAL_TEST_PG_CTL="$bin/pg_ctl"
export CENTRAL_TEST_PG_DATA="$folder/data"
export CENTRAL_TEST_PG_OPTIONS="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$folder -c fsync=${CENTRAL_PG_FSYNC:-off} ${CENTRAL_PG_SETTINGS:-}"
export CENTRAL_TEST_PG_AS="${as_owner[*]:-}"
"$@"
