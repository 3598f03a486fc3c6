#!/usr/bin/env bash
# Heart-rate ingestion through the packaged jar on loopback (embedded H2, the defaults of the README's run
# command): WebSocket streams (4 pipelined clients; 1,000 clients at 10 readings/s), gRPC streams (4 pipelined
# clients), HTTP batches of 1,000, and the status of a user with a million readings.
#
#   src/test/bench/heartrate.sh [seconds per case, default 10]    (BENCH_JFR=/tmp/hr.jfr: a flight recording of the service)
#
# Prints one table: readings/s and reply latency p50/p99 per case, beside the targets.
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B -q -o package -DskipTests 2>/dev/null || ./mvnw -B -q package -DskipTests
./mvnw -B -o -q surefire:test@default-test -Dtest=HeartRateBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest.heap=-Xmx2g -Dbench.seconds="${1:-10}" -Dbench.jfr="${BENCH_JFR:-}" 2>&1 | grep -E '^(\||loaded|not accepted|stream failed|batch)|ERROR|FAIL' || true
