#!/usr/bin/env bash
# Runs the app on http://localhost:5080 with its own PostgreSQL cluster under .data/ and sample data.
# First run: creates the cluster, the database and the schema; later runs reuse them. Ctrl-C stops both.
#   TRACKER_PG_PORT   port of the private cluster (default 55432)
#   TRACKER_URL       where the app listens (default http://localhost:5080)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
source scripts/lib/common.sh
source scripts/lib/postgres.sh

port=${TRACKER_PG_PORT:-55432}
url=${TRACKER_URL:-http://localhost:5080}
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH: install the version global.json names"

mkdir -p .data
chmod 755 .data
secrets=.data/secrets
mkdir -p "$secrets" && chmod 700 "$secrets"
new_secret() { [ -s "$1" ] || { head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$1"; chmod 600 "$1"; }; cat "$1"; }
super_password=$(new_secret "$secrets/postgres-password")
app_password=$(new_secret "$secrets/tracker-password")

pg_find_bin
cluster=$(pg_resolve_dir "$repo/.data/postgres")
pg_init "$cluster" "$super_password"
stop_cluster() { say "stopping PostgreSQL"; pg_stop "$cluster"; }
trap stop_cluster EXIT
trap 'exit 130' INT TERM
set +e
pg_start "$cluster" "$port"
rc=$?
set -e
case $rc in
  0) ;;
  3) trap - EXIT; die "port $port on 127.0.0.1 is taken by another server: set TRACKER_PG_PORT to a free port" ;;
  *) die "PostgreSQL did not start; see $cluster/server.log" ;;
esac
pg_ensure_app_db "$cluster" "$port" tracker "$app_password" haugiang_tracker

# Sample accounts for the development run only: one per role, passwords chosen here and kept in .data/.
declare -A accounts=([admin]=quantri@haugiang.local [staff]=canbo.snv@haugiang.local [staff2]=canbo.stc@haugiang.local
  [office]=vanphong@haugiang.local [leader]=lanhdao@haugiang.local [auditor]=kiemtra@haugiang.local)
for key in admin staff staff2 office leader auditor; do
  export "DevAccounts__$key=$(new_secret "$secrets/account-$key")"
done

export ConnectionStrings__Tracker="Host=127.0.0.1;Port=$port;Database=haugiang_tracker;Username=tracker;Password=$app_password"
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Serilog__WriteTo__1__Args__path="$repo/.data/logs/tracker-.json"
# No mail server needed: digests land as .eml files here (open them with any mail reader). Set Mail__SmtpHost to send.
export Mail__OutboxFolder=${Mail__OutboxFolder:-$repo/.data/outbox}
if [ $# -eq 0 ]; then
  say "sample accounts (development run only):"
  for key in admin staff staff2 office leader auditor; do
    var="DevAccounts__$key"
    printf '    %-28s %s\n' "${accounts[$key]}" "${!var}" >&2
  done
fi
say "e-mail digests go to ${Mail__OutboxFolder} as .eml files"
say "starting the app on $url (Ctrl-C stops it and the database)"
dotnet run --project src/HauGiang.Tracker.Web --no-launch-profile --urls "$url" -- "$@"
