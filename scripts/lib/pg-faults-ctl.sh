#!/usr/bin/env bash
# Stops or starts the throwaway cluster that ./scripts/test.sh runs for fault tests, so a test can take its
# database away and bring it back. Run by the tests, as whoever runs them (as root, pg_ctl runs as 'postgres'); bench.sh
# --writers-restart points it at the benchmark's own cluster to restart that under load.
#   pg-faults-ctl.sh stop|start    with TRACKER_TEST_PG_FAULTS_DIR and TRACKER_TEST_PG_FAULTS_PORT set by test.sh
set -euo pipefail
lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$lib/common.sh"
source "$lib/postgres.sh"

dir=${TRACKER_TEST_PG_FAULTS_DIR:?not set: run the tests with ./scripts/test.sh}
port=${TRACKER_TEST_PG_FAULTS_PORT:?not set: run the tests with ./scripts/test.sh}
pg_find_bin
case ${1:-} in
  # Fast: open sessions are ended at once, as when a server is restarted under load.
  stop) pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null ;;
  start) pg_start "$dir" "$port" "${PG_THROWAWAY_OPTIONS[@]}" || die "the fault-test PostgreSQL did not start again; see $dir/server.log" ;;
  *) die "usage: $0 stop|start" ;;
esac
