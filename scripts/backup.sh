#!/usr/bin/env bash
# Backs up the running app's database (the cluster ./scripts/run.sh keeps in .data/, while it runs) with pg_dump in
# custom format, and proves the backup by restoring it into a throwaway empty cluster: every table's row count and
# checksum, taken in the snapshot pg_dump read, must equal the restored ones, and the restored audit chain must verify.
# Evidence files are rows of the database (stored_files), so they are in the dump.
#   --out DIR         where the dump goes (default .data/backups)
#   --connection CS   back up another database instead (an Npgsql connection string with its owner's password)
# Restore a dump for use with ./scripts/restore.sh.
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
source scripts/lib/common.sh
source scripts/lib/postgres.sh

out=.data/backups connection=
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$2; shift 2 ;;
    --connection) connection=$2; shift 2 ;;
    *) die "unknown option $1 (see the head of $0)" ;;
  esac
done
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH: install the version global.json names"
pg_find_bin
if [ -z "$connection" ]; then
  [ -s .data/secrets/tracker-password ] || die "no .data/secrets/tracker-password: start the app once with ./scripts/run.sh, or give --connection"
  connection="Host=127.0.0.1;Port=${TRACKER_PG_PORT:-55432};Database=haugiang_tracker;Username=tracker;Password=$(cat .data/secrets/tracker-password)"
fi
mkdir -p "$out"
dump=$(cd "$out" && pwd)/haugiang-tracker-$(date -u +%Y%m%dT%H%M%SZ).dump

work=$(mktemp -d /tmp/haugiang-tracker-backup.XXXXXX)
chmod 755 "$work"
cluster=$work/pg
cleanup() {
  pg_stop "$cluster"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
pg_init "$cluster" "$password"
port=
for _ in 1 2 3 4 5 6 7 8; do
  candidate=$(( 20000 + RANDOM % 20000 ))
  if pg_start "$cluster" "$candidate"; then port=$candidate; break; fi
done
[ -n "$port" ] || die "the throwaway PostgreSQL for the restore check did not start; see $cluster/server.log"

say "building the benchmark console, which takes the backup and checks it (Release)"
dotnet build bench/HauGiang.Tracker.Benchmarks -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; die "build failed"; }
say "backing up to $dump and restoring it into an empty cluster on port $port"
dotnet bench/HauGiang.Tracker.Benchmarks/bin/Release/net10.0/HauGiang.Tracker.Benchmarks.dll backup --connection "$connection" \
  --target "Host=127.0.0.1;Port=$port;Database=haugiang_tracker_restored;Username=postgres;Password=$password" \
  --pg-bin "$PG_BIN" --dump "$dump"
rc=$?
[ $rc -eq 0 ] || { rm -f "$dump"; die "the backup did not prove equal to its restore; nothing kept"; }
say "kept $dump"
