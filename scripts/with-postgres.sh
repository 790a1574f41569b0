#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster of its own: initdb into a temporary folder, a free
# loopback port, the team store's schema set up as packaging/postgresql/setup.sql says (a database, the
# group role, two operator roles), then stopped and removed when the command ends -- also when it fails
# or is interrupted. The command sees where the cluster is in VC_TEST_PG_* (host, port, database, two
# operators and their passwords). When PostgreSQL cannot be run here, the command runs without it and
# VC_TEST_PG_SKIP says why: the team-store tests report themselves skipped with that reason.
#   ./scripts/with-postgres.sh ctest ...
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin=""
for v in 17 16 15; do
  [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && { bin="/usr/lib/postgresql/$v/bin"; break; }
done
if [ -z "$bin" ]; then
  export VC_TEST_PG_SKIP="PostgreSQL's server (initdb, pg_ctl) is not installed"
  exec "$@"
fi

dir=$(mktemp -d /tmp/vc-pg.XXXXXX)
chmod 755 "$dir"
runas=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root: the cluster belongs to the postgres user (Debian's package makes it).
  chown postgres "$dir"
  runas=(runuser -u postgres --)
fi
stop() {
  "${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
admin_pw=$(openssl rand -hex 16)
echo "$admin_pw" > "$dir/pw"
chmod 644 "$dir/pw"
[ ${#runas[@]} -gt 0 ] && chown postgres "$dir/pw"
if ! "${runas[@]}" "$bin/initdb" -D "$dir/data" -A scram-sha-256 --pwfile="$dir/pw" -U vc_admin >"$dir/initdb.log" 2>&1; then
  export VC_TEST_PG_SKIP="initdb failed: $(tail -n 1 "$dir/initdb.log")"
  "$@"
  exit $?
fi
if ! "${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${VC_PG_FSYNC:-off}" \
     -l "$dir/log" -w start >/dev/null 2>&1; then
  export VC_TEST_PG_SKIP="the PostgreSQL server did not start: $(tail -n 1 "$dir/log" 2>/dev/null)"
  "$@"
  exit $?
fi

op1_pw=$(openssl rand -hex 12)
op2_pw=$(openssl rand -hex 12)
export PGPASSWORD="$admin_pw"
psql_admin=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U vc_admin)
if ! { "${psql_admin[@]}" -d postgres -c "CREATE DATABASE voice_console" &&
       "${psql_admin[@]}" -d voice_console -f "$here/packaging/postgresql/setup.sql" &&
       "${psql_admin[@]}" -d voice_console -c "CREATE ROLE op1 LOGIN PASSWORD '$op1_pw' IN ROLE voice_console_operators" \
                                         -c "CREATE ROLE op2 LOGIN PASSWORD '$op2_pw' IN ROLE voice_console_operators"; } \
     >"$dir/setup.log" 2>&1; then
  export VC_TEST_PG_SKIP="the throwaway cluster could not be set up: $(tail -n 1 "$dir/setup.log")"
  unset PGPASSWORD
  "$@"
  exit $?
fi
unset PGPASSWORD

export VC_TEST_PG_HOST=127.0.0.1 VC_TEST_PG_PORT="$port" VC_TEST_PG_DATABASE=voice_console
export VC_TEST_PG_USER=op1 VC_TEST_PG_PASSWORD="$op1_pw" VC_TEST_PG_USER2=op2 VC_TEST_PG_PASSWORD2="$op2_pw"
# The admin may stop and start the server (the "server goes away" tests): pg_ctl and the data folder.
export VC_TEST_PG_CTL="${runas[*]} $bin/pg_ctl -D $dir/data -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${VC_PG_FSYNC:-off}\" -l $dir/log"
echo "with-postgres: a throwaway PostgreSQL on 127.0.0.1:$port ($dir)" >&2
"$@"
