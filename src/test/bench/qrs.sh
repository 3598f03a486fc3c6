#!/usr/bin/env bash
# Accuracy and speed of Sinus's ECG analysis over a folder of PhysioNet WFDB records with reference
# annotations (.hea + .dat + .atr, or NNN.beats.csv for the beats alone), e.g. the MIT-BIH Arrhythmia records.
#
#   src/test/bench/qrs.sh [folder, default ../shared/data] [timed runs per record, default 50]
#
# Prints, per record and in total:
#   1. beat detection by the ANSI/AAMI EC57 rule (±150 ms), reference ventricular flutter/fibrillation spans
#      masked: TP, FN, FP, Se, +P, F1 of the fused analysis (all leads), the F1 of each of the first two leads
#      analysed alone with '<' where the fused F1 is lower, the full analysis's time (median of the timed runs
#      after 2 s of warm-up, one thread) and the mean HR; then the unmasked total;
#   2. VF and 3. AF episodes (reference (VF/(VFL + [ ] and (AFIB rhythm spans against the analysis's
#      VENTRICULAR_FLUTTER_FIBRILLATION and ATRIAL_FIBRILLATION findings): EC57 episode and duration Se and +P,
#      and the records with such findings but no such reference rhythm;
#   4. the AAMI beat-class confusion (de Chazal 2004 mapping) of the matched beats, Se and +P of V, S and F;
#   5. a noise stress test: Se, +P, F1 clean and with white noise or baseline wander at 12 and 6 dB SNR
#      (MIT-BIH NST definition, fixed seed);
#   6. the totals against the targets, each MET or NOT MET.
# The records are read from the folder, never copied. JAVA_OPTS=-Dbench.verbose=true adds per record the missed
# and extra beats, each lead's own score, reference rhythms, beat classes, HRV, findings and noise results;
# JAVA_OPTS=-Dbench.noise=false skips the noise stress test.
set -euo pipefail
folder="$(realpath "${1:-../shared/data}")"
runs="${2:-50}"
cd "$(dirname "$0")/../../.."
./mvnw -B -q -o test-compile 2>/dev/null || ./mvnw -B -q test-compile
exec java ${JAVA_OPTS:-} -cp target/classes:target/test-classes bench.QrsBenchmark "$folder" "$runs"
