#!/usr/bin/env bash
# Ingest and read benchmark of the packaged jar on loopback: start-up time, idle RSS, then ECG
# submissions/s (2 leads x 5,000 samples, the reference load) with `hey` for a fixed duration, once
# with a bearer token and once with HTTP Basic (which exercises the verified-credentials cache), then
# reads/s of one ECG report and of a page of 20.
#
#   ./mvnw -B package -DskipTests && src/test/bench/ingest.sh [seconds=20] [concurrency=16]
#
# Embedded H2 in a throw-away data directory by default; for PostgreSQL pass the usual variables,
# e.g. SINUS_DB_KIND=postgresql SINUS_DB_URL=jdbc:postgresql://localhost:5432/sinus SINUS_DB_PASSWORD=...
# (use an empty database: the script creates a user named bench).
# Needs: hey (Debian package `hey`), curl, python3.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DURATION=${1:-20}
CONCURRENCY=${2:-16}
JAR=target/quarkus-app/quarkus-run.jar
PORT=${PORT:-18080}
[ -f "$JAR" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
command -v hey >/dev/null || { echo "install hey: apt-get install -y hey" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
BASE=http://127.0.0.1:$PORT

start_ns=$(date +%s%N)
SINUS_DATA_DIR=$WORK/data SINUS_ADMIN_PASSWORD=bench-admin-pw QUARKUS_HTTP_PORT=$PORT \
  java ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/sinus.log" 2>&1 &
PID=$!
until curl -sf "$BASE/q/health/ready" >/dev/null; do sleep 0.05; done
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
echo "start-up: ready after ${ready_ms} ms (wall clock, process start to /q/health/ready); Quarkus says: $(grep -o 'started in [0-9.]*s' "$WORK/sinus.log")"
sleep 3
echo "idle RSS: $(( $(ps -o rss= -p $PID) / 1024 )) MiB"

curl -sf -u admin:bench-admin-pw -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password"}' "$BASE/v1/admin/users" >/dev/null
TOKEN=$(curl -sf -u bench:bench-password -H 'Content-Type: application/json' -d '{}' "$BASE/v1/auth/tokens" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

python3 - "$WORK/ecg.json" <<'PY'
import json, math, sys
n = 5000
lead = lambda phase: [int(800 * math.sin(2 * math.pi * 1.2 * i / 360 + phase)) for i in range(n)]
json.dump({"sampling_rate_hz": 360, "leads": [{"name": "I", "signal": lead(0.1)}, {"name": "II", "signal": lead(1.0)}]},
          open(sys.argv[1], "w"))
PY
echo "body: 2 leads x 5000 samples, $(stat -c %s "$WORK/ecg.json") bytes"

run() { # $1 label, rest: auth args for hey
  local label=$1; shift
  echo "--- $label: hey -z ${DURATION}s -c $CONCURRENCY"
  hey -z "${DURATION}s" -c "$CONCURRENCY" -m POST -T application/json -D "$WORK/ecg.json" "$@" "$BASE/v1/ecgs" \
    | grep -E 'Requests/sec|Average|Slowest|Fastest|99% in|\[[0-9]+\]' | sed 's/^ */  /'
}
echo "warm-up: 10 s of submissions, not reported"
hey -z 10s -c "$CONCURRENCY" -m POST -T application/json -D "$WORK/ecg.json" -H "Authorization: Bearer $TOKEN" \
  "$BASE/v1/ecgs" >/dev/null
run "bearer token" -H "Authorization: Bearer $TOKEN"
# hey's -a does not send credentials preemptively, so the Basic header is set by hand.
run "HTTP Basic (verified-credentials cache)" -H "Authorization: Basic $(printf bench:bench-password | base64)"

ID=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/v1/ecgs?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
for path in "/v1/ecgs/$ID" "/v1/ecgs?size=20"; do
  echo "--- read $path: hey -z ${DURATION}s -c $CONCURRENCY"
  hey -z "${DURATION}s" -c "$CONCURRENCY" -H "Authorization: Bearer $TOKEN" "$BASE$path" \
    | grep -E 'Requests/sec|Average|99% in|\[[0-9]+\]' | sed 's/^ */  /'
done

pending=1
for _ in $(seq 1 600); do
  pending=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/v1/ecgs?size=1" >/dev/null && \
    curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/v1/ecgs?size=100" | python3 -c 'import json,sys; print(sum(1 for i in json.load(sys.stdin)["items"] if i["status"]=="pending"))')
  [ "$pending" = 0 ] && break
  sleep 0.5
done
total=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/v1/ecgs?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total_items"])')
echo "stored ECGs: $total; pending among the newest 100 after the run: $pending"
[ -d "$WORK/data" ] && echo "H2 database size: $(du -sh "$WORK/data" | cut -f1)"
true
