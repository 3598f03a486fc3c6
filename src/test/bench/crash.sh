#!/usr/bin/env bash
# The crash test at length: the packaged jar under a mixed load of ECG submissions and heart-rate readings, killed
# with kill -9 at random moments and restarted, ROUNDS times, on H2 and on PostgreSQL (embedded). It fails if a
# single acknowledged submission or reading is missing after a restart, or if any ECG is left pending at the end.
# CI runs the same test (adapters.CrashTestIT) with 5 rounds of 0.5-3 s of load.
#
#   src/test/bench/crash.sh [rounds=20] [max-load-ms=10000] [seed]
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROUNDS=${1:-20}
MAX_LOAD_MS=${2:-10000}
SEED=${3:+-Dcrash.seed=$3}
./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashTestIT \
  -Dcrash.rounds="$ROUNDS" -Dcrash.max-load-ms="$MAX_LOAD_MS" ${SEED:-} | grep -E 'crash test|Tests run:|FAIL|ERROR'
