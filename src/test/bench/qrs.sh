#!/usr/bin/env bash
# Beat-detection accuracy (ANSI/AAMI EC57 rule: ±150 ms) and full-analysis speed of Sinus over a
# folder of PhysioNet WFDB records with reference annotations (.hea + .dat + .atr, or NNN.beats.csv).
#
#   src/test/bench/qrs.sh [folder, default ../shared/data] [timed runs per record, default 50]
#
# Prints per record and in total: TP, FN, FP, Se, +P, F1, and the time and samples/s of the full
# analysis (every analyzer the service runs), median of the timed runs after 2 s of warm-up, on one
# thread. The records are read from the folder, never copied. JAVA_OPTS=-Dbench.verbose=true adds the
# missed and extra beats, beat classes against the reference, HRV and findings per record.
set -euo pipefail
folder="$(realpath "${1:-../shared/data}")"
runs="${2:-50}"
cd "$(dirname "$0")/../../.."
./mvnw -B -q -o test-compile 2>/dev/null || ./mvnw -B -q test-compile
exec java ${JAVA_OPTS:-} -cp target/classes:target/test-classes bench.QrsBenchmark "$folder" "$runs"
