#!/usr/bin/env bash
# Restores a dump from ./scripts/backup.sh into a new, empty PostgreSQL cluster (a folder that holds none yet), owned
# by the app's role, and leaves that cluster running on the port given, for the app to be pointed at:
#   ./scripts/restore.sh <file.dump> <new cluster folder> [port, default 55433]
# It refuses a folder that already holds a cluster: a restore never writes over data.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
source scripts/lib/common.sh
source scripts/lib/postgres.sh

[ $# -ge 2 ] || die "usage: $0 <file.dump> <new cluster folder> [port]"
dump=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
folder=$2 port=${3:-55433}
[ -s "$dump" ] || die "no dump at $dump"
[ ! -e "$folder/PG_VERSION" ] || die "$folder already holds a cluster: give a new folder"
pg_find_bin

secrets=$(mkdir -p "$folder.secrets" && cd "$folder.secrets" && pwd)
chmod 700 "$secrets"
super_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
app_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$super_password" >"$secrets/postgres-password"
printf '%s\n' "$app_password" >"$secrets/tracker-password"
chmod 600 "$secrets"/*

cluster=$(pg_resolve_dir "$(cd "$(dirname "$folder")" && pwd)/$(basename "$folder")")
pg_init "$cluster" "$super_password"
pg_start "$cluster" "$port" || die "PostgreSQL did not start on port $port; see $cluster/server.log"
pg_ensure_app_db "$cluster" "$port" tracker "$app_password" haugiang_tracker
say "restoring $dump"
PGPASSWORD=$app_password "$PG_BIN/pg_restore" --host=127.0.0.1 --port="$port" --username=tracker --no-owner --no-acl \
  --exit-on-error --dbname=haugiang_tracker "$dump"
say "restored; the cluster runs on 127.0.0.1:$port (stop it with: $PG_BIN/pg_ctl -D $cluster stop)"
echo "ConnectionStrings__Tracker=\"Host=127.0.0.1;Port=$port;Database=haugiang_tracker;Username=tracker;Password=\$(cat $secrets/tracker-password)\""
