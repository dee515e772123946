#!/usr/bin/env bash
# Measures the read side on a generated data set (issue 12): a throwaway PostgreSQL, a Release build,
# the seeded program grown to ~5,000 items and ~60,000 reports (or, with --scale L, 100 programs and
# ~2 million reports: minutes), the app in Development as run.sh starts it, then the benchmark's
# `pages` and `circuits` tables on stdout. Stops the app and the cluster even on failure.
#   --scale S|grown|L the data set (default grown); S: the seeded program and one of its size with 5 years of monthly
#                     reports (issue 17); L: 100 programs × 200 items × 10 years of monthly reports
#   --runs N          timed rounds over the pages after one warm-up (default 7)
#   --pages N         Chromium tabs kept open for the circuit measure (default 50, issue 17: ~3 minutes on 2 cores with the
#                     round trips; with --roadmap as many again for /lo-trinh)
#   --round-trips N   rounds of the UI round trip with those tabs open, on / only (default 5): each tab in turn clicks
#                     the overview's samples switch on and back off until the server's render patches the DOM, then one
#                     burst of every tab at once; with the CPU shares of the server, Chromium and PostgreSQL (issue 17)
#   --path P          a page to time besides the read side's (repeatable)
#   --readmodel       also time every read-side page's data through the Core against hand-written SQL of the same numbers
#                     (the `readmodel` tables, issues 12 and 17), then one report submitted at a time, on the generated
#                     data before the app starts (the submissions are written, so the pages see them)
#   --roadmap         also time the roadmap (issue 13: the `roadmap` tables, its data through the Core's services and
#                     the whole program's PDF on A4 and A3) on the generated data before the app starts, and
#                     keep --pages tabs of /lo-trinh open in Chromium after those of / (the circuits measure)
#   --review          also time the review report files (issue 14: the `review` tables: a 100,000-row detail sheet
#                     in xlsx and CSV, a ~50-page-and-more printed report in PDF and Word, then the whole export of the
#                     generated program's review in every format through the Core) before the app starts, and time
#                     /bao-cao-kiem-diem with the pages
#   --circuit-path P  a page to open in the circuits measure besides / (repeatable)
#   --writers         also run issue 17's load on the generated data before the app starts (the `writers` table and checks:
#                     50 unit staff and office reviewers saving, submitting, confirming and returning for 60 s through the
#                     Core's services on the open quarter's last day, then SQL checks that nothing acknowledged was lost or
#                     stored twice); a failed check fails the script. The pages are then measured on the data it changed
#   --writers-restart as --writers, and restart this PostgreSQL (stop -m fast, start) 20 s into it
#   --only-writers    as --writers, then stop: the app is neither built nor started, no pages or circuits (a short run)
#   --backup          also back up the generated database while the app runs (./scripts/backup.sh: pg_dump, then a
#                     restore into an empty cluster, row counts and checksums compared, the audit chain verified)
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
source scripts/lib/common.sh
source scripts/lib/postgres.sh

scale=grown runs=7 tabs=50 round_trips=5 extra=() readmodel= roadmap= review= backup= writers= writers_restart= only_writers= circuit_paths=(/)
while [ $# -gt 0 ]; do
  case $1 in
    --scale) scale=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --pages) tabs=$2; shift 2 ;;
    --round-trips) round_trips=$2; shift 2 ;;
    --path) extra+=(--path "$2"); shift 2 ;;
    --readmodel) readmodel=1; shift ;;
    --roadmap) roadmap=1; shift ;;
    --review) review=1; extra+=(--path /bao-cao-kiem-diem); shift ;;
    --circuit-path) circuit_paths+=("$2"); shift 2 ;;
    --backup) backup=1; shift ;;
    --writers) writers=1; shift ;;
    --writers-restart) writers=1 writers_restart=1; shift ;;
    --only-writers) writers=1 only_writers=1; shift ;;
    *) die "unknown option $1 (see the head of $0)" ;;
  esac
done
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH: install the version global.json names"
[ -n "$only_writers" ] || command -v chromium >/dev/null 2>&1 || apt_install chromium
pg_find_bin

work=$(mktemp -d /tmp/haugiang-tracker-bench.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/tmp"
cluster=$work/pg
secret() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }
super_password=$(secret) app_password=$(secret) leader_password=$(secret)
leader=lanhdao@haugiang.local
app_pid=
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; fi
  pg_stop "$cluster"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_init "$cluster" "$super_password"
port=
for _ in 1 2 3 4 5 6 7 8; do
  candidate=$(( 20000 + RANDOM % 20000 ))
  # fsync off speeds up the generation only; the pages read from memory either way.
  if pg_start "$cluster" "$candidate" -c fsync=off -c synchronous_commit=off -c full_page_writes=off; then
    port=$candidate
    break
  fi
done
[ -n "$port" ] || die "the throwaway PostgreSQL did not start; see $cluster/server.log"
pg_ensure_app_db "$cluster" "$port" tracker "$app_password" haugiang_tracker
connection="Host=127.0.0.1;Port=$port;Database=haugiang_tracker;Username=tracker;Password=$app_password"
export TMPDIR=$work/tmp DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say "building the benchmark and the app (Release)"
dotnet build bench/HauGiang.Tracker.Benchmarks -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; die "build failed"; }
[ -n "$only_writers" ] || dotnet build src/HauGiang.Tracker.Web -c Release -v q -nologo >>"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; die "build failed"; }
bench() { dotnet "$repo/bench/HauGiang.Tracker.Benchmarks/bin/Release/net10.0/HauGiang.Tracker.Benchmarks.dll" "$@"; }

say "generating the '$scale' data set"
bench generate --scale "$scale" --connection "$connection" || die "generation failed"

machine() { echo "Machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2}') MB memory, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared machines: note it); $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD); scale $scale"; }
if [ -n "$readmodel" ]; then
  # Before the app starts, so only the benchmark and PostgreSQL run.
  say "timing the read model through the Core's services"
  machine
  echo
  bench readmodel --connection "$connection" || die "readmodel failed"
  echo
fi
if [ -n "$roadmap" ]; then
  # Before the app starts, so only the benchmark and PostgreSQL run.
  say "timing the roadmap's data and PDF through the Core's services"
  machine
  echo
  bench roadmap --connection "$connection" || die "roadmap failed"
  echo
  circuit_paths+=(/lo-trinh)
fi
if [ -n "$review" ]; then
  # Before the app starts, so only the benchmark and PostgreSQL run.
  say "timing the review report files through the Core's writers and export service"
  machine
  echo
  bench review --connection "$connection" || die "review failed"
  echo
fi
if [ -n "$writers" ]; then
  # After the read measures, which then see the generated data untouched; before the app, so only the benchmark and
  # PostgreSQL run. The restart reuses the fault tests' stop/start (as root, pg_ctl runs as 'postgres').
  say "running the writers of the period's last day through the Core's services"
  restart=()
  if [ -n "$writers_restart" ]; then
    ctl=$(printf '%q' "$repo/scripts/lib/pg-faults-ctl.sh")
    restart=(--restart-command "TRACKER_TEST_PG_FAULTS_DIR=$(printf '%q' "$cluster") TRACKER_TEST_PG_FAULTS_PORT=$port $ctl stop && TRACKER_TEST_PG_FAULTS_DIR=$(printf '%q' "$cluster") TRACKER_TEST_PG_FAULTS_PORT=$port $ctl start" --restart-after 20)
  fi
  machine
  echo
  bench writers --connection "$connection" "${restart[@]}" || die "writers failed (a check failed, or the command did)"
  echo
fi
[ -z "$only_writers" ] || exit 0

app_port=$(( 40000 + RANDOM % 20000 ))
url=http://127.0.0.1:$app_port
say "starting the app on $url (Development, as run.sh does; Release build)"
# exec twice (the subshell, then env): $! is the app's own process, whose memory circuits reads.
(cd src/HauGiang.Tracker.Web && exec env ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Tracker="$connection" \
  DevAccounts__leader="$leader_password" Serilog__WriteTo__1__Args__path="$work/logs/tracker-.json" \
  dotnet bin/Release/net10.0/HauGiang.Tracker.Web.dll --urls "$url" >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "$url/health" >/dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$work/app.log" >&2; die "the app stopped"; }
  sleep 1
done
curl -fsS "$url/health" >/dev/null 2>&1 || { tail -n 30 "$work/app.log" >&2; die "the app did not answer /health in 120 s"; }

machine
echo
bench pages --base-url "$url" --user "$leader" --password "$leader_password" --runs "$runs" "${extra[@]}" || die "pages failed"
# The postmaster's pid, so the CPU shares count this cluster's processes only, not another session's PostgreSQL.
postmaster=$(head -n 1 "$cluster/postmaster.pid")
for circuit_path in "${circuit_paths[@]}"; do
  echo
  machine
  echo
  bench circuits --base-url "$url" --user "$leader" --password "$leader_password" --server-pid "$app_pid" --postgres-pid "$postmaster" \
    --pages "$tabs" --round-trips "$round_trips" --path "$circuit_path" || die "circuits failed"
done
if [ -n "$backup" ]; then
  echo
  say "backing up the running app's database and checking the restore"
  machine
  echo
  ./scripts/backup.sh --connection "$connection" --out "$work/backups" || die "backup failed"
fi
