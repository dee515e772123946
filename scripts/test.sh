#!/usr/bin/env bash
# Runs every test project of the solution against a throwaway PostgreSQL cluster (and Debian's
# Chromium for the browser tests), stops the cluster even on failure, and ends with the line
# "N passed, N failed". Exits non-zero on any failure or when no test ran.
#   Arguments replace the default target, e.g. --project tests/HauGiang.Tracker.UnitTests. Without them the
#   browser tests run first and the other projects after them (see below).
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
source scripts/lib/common.sh
source scripts/lib/postgres.sh

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH: install the version global.json names"
command -v chromium >/dev/null 2>&1 || apt_install chromium
# The roadmap PDF test renders its first page with pdftoppm: only an image shows broken Vietnamese marks.
command -v pdftoppm >/dev/null 2>&1 || apt_install poppler-utils
pg_find_bin

work=$(mktemp -d /tmp/haugiang-tracker-test.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/tmp"
cluster=$work/pg
# A second, small cluster that fault tests stop and start (a database going away mid-test) without
# touching the one every other test uses at the same time.
faults=$work/pg-faults
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
# A primary and its hot standby, for the read-only connection's tests (the read model on a standby).
replica=$work/pg-replica standby=$work/pg-standby
cleanup() {
  pg_stop "$standby"
  pg_stop "$replica"
  pg_stop "$faults"
  pg_stop "$cluster"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_on_free_port DIR [server options]: starts the cluster on a random free port, put in $started_port.
start_on_free_port() {
  local dir=$1 candidate
  shift
  started_port=
  for _ in 1 2 3 4 5 6 7 8; do
    candidate=$(( 20000 + RANDOM % 20000 ))
    if pg_start "$dir" "$candidate" "$@"; then
      started_port=$candidate
      return 0
    fi
  done
  return 1
}

pg_init "$cluster" "$password"
# A copy of a fresh cluster is a tenth of a second; a second initdb is over one.
cp -a "$cluster" "$faults"
cp -a "$cluster" "$replica"
pg_trust_replication "$replica"
start_on_free_port "$cluster" "${PG_THROWAWAY_OPTIONS[@]}" -c max_connections=300 \
  || die "the throwaway PostgreSQL did not start; see $cluster/server.log"
port=$started_port
start_on_free_port "$faults" "${PG_THROWAWAY_OPTIONS[@]}" \
  || die "the throwaway PostgreSQL for fault tests did not start; see $faults/server.log"
faults_port=$started_port
start_on_free_port "$replica" "${PG_THROWAWAY_OPTIONS[@]}" \
  || die "the throwaway PostgreSQL for the standby tests did not start; see $replica/server.log"
replica_port=$started_port
pg_standby_of "$replica" "$replica_port" "$standby" || die "pg_basebackup of the standby tests' primary failed"
start_on_free_port "$standby" "${PG_THROWAWAY_OPTIONS[@]}" \
  || die "the hot standby for the standby tests did not start; see $standby/server.log"
standby_port=$started_port
say "throwaway PostgreSQL on 127.0.0.1:$port (fault tests: 127.0.0.1:$faults_port; a primary on $replica_port with its hot standby on $standby_port)"

export TRACKER_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres;Include Error Detail=true"
export TRACKER_TEST_PG_FAULTS="Host=127.0.0.1;Port=$faults_port;Username=postgres;Password=$password;Database=postgres;Include Error Detail=true"
export TRACKER_TEST_PG_REPLICA="Host=127.0.0.1;Port=$replica_port;Username=postgres;Password=$password;Database=postgres;Include Error Detail=true"
export TRACKER_TEST_PG_STANDBY="Host=127.0.0.1;Port=$standby_port;Username=postgres;Password=$password;Database=postgres;Include Error Detail=true"
export TRACKER_TEST_PG_FAULTS_CTL=$repo/scripts/lib/pg-faults-ctl.sh TRACKER_TEST_PG_FAULTS_DIR=$faults TRACKER_TEST_PG_FAULTS_PORT=$faults_port
export TMPDIR=$work/tmp
# Traces and screenshots of failed browser tests outlive the run (open a trace with "playwright show-trace").
export TRACKER_TEST_ARTIFACTS=$repo/artifacts/e2e
rm -rf "$TRACKER_TEST_ARTIFACTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# summary LOG: adds the runner's "total/failed/succeeded: N" lines of one dotnet test run to the counts.
total=0 failed=0 passed=0
summary() {
  local t f p
  t=$(grep -aE '^\s+total: [0-9]+' "$1" | tail -n 1 | grep -oE '[0-9]+')
  f=$(grep -aE '^\s+failed: [0-9]+' "$1" | tail -n 1 | grep -oE '[0-9]+')
  p=$(grep -aE '^\s+succeeded: [0-9]+' "$1" | tail -n 1 | grep -oE '[0-9]+')
  total=$(( total + ${t:-0} )) failed=$(( failed + ${f:-0} )) passed=$(( passed + ${p:-0} ))
}

if [ $# -gt 0 ]; then
  log=$work/dotnet-test.log
  dotnet test "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  summary "$log"
else
  # Everything: one build, then the browser suite, then the other projects. The browser suite keeps both cores busy on
  # its own (Chromium drawing and running axe, the apps under test) and waits on pages that must answer within seconds:
  # with the integration tests and their PostgreSQL load beside it, niced or not, it took 11 to 12 minutes against 9
  # alone. One after the other, the run is about 3 minutes longer in all.
  dotnet build HauGiang.Tracker.sln -nologo -v q 2>&1 | tee "$work/build.log"
  rc=${PIPESTATUS[0]}
  if [ "$rc" -eq 0 ]; then
    # The browser tests, then every other test project (the ones that reference xunit.v3 itself; the shared Testing
    # library does not).
    mapfile -t projects < <(grep -l 'Include="xunit.v3"' tests/*/*.csproj | grep EndToEndTests
      grep -l 'Include="xunit.v3"' tests/*/*.csproj | grep -v EndToEndTests)
    for project in "${projects[@]}"; do
      log=$work/$(basename "$project").log
      dotnet test --project "$project" --no-build 2>&1 | tee "$log"
      [ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
      summary "$log"
    done
  fi
fi

if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the runner failed before tests could report
fi
if [ -n "$(ls -A "$TRACKER_TEST_ARTIFACTS" 2>/dev/null)" ]; then
  say "traces and screenshots of the failed browser tests: $TRACKER_TEST_ARTIFACTS"
fi
echo "$passed passed, $failed failed"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$total" -gt 0 ]
