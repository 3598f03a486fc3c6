#!/usr/bin/env python3
"""The soak run: the packaged jar (the README's run command: its JVM options file) under a steady mixed load for a
while, one line per minute: RSS, errors and latency of each kind of request, the analysis backlog. Memory should be
flat, errors none and latency steady.

    ./mvnw -B package -DskipTests && src/test/bench/soak.py [--minutes 10] [--ecgs 20] [--batches 20] [--reads 100]

Rates are per second: ECG submissions (2 leads x 5,000 samples), batches of 50 heart-rate readings, report reads.
Embedded H2 in a throw-away directory; for PostgreSQL export SINUS_DB_KIND=postgresql SINUS_DB_URL=...
SINUS_DB_USERNAME=... SINUS_DB_PASSWORD=... of an empty database.
"""
import argparse
import json
import os
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import importlib.util

spec = importlib.util.spec_from_file_location("service", os.path.join(os.path.dirname(__file__), "service.py"))
service = importlib.util.module_from_spec(spec)
spec.loader.exec_module(service)


class Kind:
    """One kind of request at a fixed rate, from its own thread; latencies and failures per minute."""

    def __init__(self, name, rate, request):
        self.name, self.rate, self.request = name, rate, request
        self.lock = threading.Lock()
        self.latencies, self.errors = [], 0
        self.running = True

    def run(self):
        interval = 1.0 / self.rate
        next_at = time.monotonic()
        while self.running:
            next_at += interval
            t0 = time.monotonic()
            try:
                ok = self.request()
            except Exception:
                ok = False
            with self.lock:
                if ok:
                    self.latencies.append((time.monotonic() - t0) * 1000)
                else:
                    self.errors += 1
            delay = next_at - time.monotonic()
            if delay > 0:
                time.sleep(delay)

    def take(self):
        with self.lock:
            latencies, errors = self.latencies, self.errors
            self.latencies, self.errors = [], 0
        return latencies, errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=int, default=10)
    parser.add_argument("--ecgs", type=float, default=20)
    parser.add_argument("--batches", type=float, default=20)
    parser.add_argument("--reads", type=float, default=100)
    options = parser.parse_args()
    import tempfile
    work = tempfile.mkdtemp(prefix="sinus-soak-")
    app = service.Service(work)
    start_ms = app.start("soak")
    http, basic = service.http, service.basic
    http("POST", "/v1/admin/users", json.dumps({"username": "soak", "password": "soak-password"}).encode(),
         basic("admin", service.ADMIN_PW))
    bearer = "Bearer " + json.loads(http("POST", "/v1/auth/tokens", b"{}", basic("soak", "soak-password"))[1])["token"]
    ecg = service.ecg_json().encode()
    status, created = http("POST", "/v1/ecgs", ecg, bearer)
    report = "/v1/ecgs/" + json.loads(created)["id"]
    clock = {"t": int(time.time()) - 200 * 86400}
    clock_lock = threading.Lock()

    def submit():
        return http("POST", "/v1/ecgs", ecg, bearer)[0] == 202

    def readings():
        with clock_lock:
            first = clock["t"]
            clock["t"] += 50
        body = json.dumps([{"bpm": 60 + (first + i) % 60, "timestamp": first + i} for i in range(50)]).encode()
        return http("POST", "/v1/heart-rate/readings", body, bearer)[0] == 200

    def read():
        return http("GET", report, auth=bearer)[0] == 200

    kinds = [Kind("ECG submissions", options.ecgs, submit), Kind("reading batches", options.batches, readings),
             Kind("report reads", options.reads, read)]
    threads = []
    for kind in kinds:
        for _ in range(2):  # two clients per kind, each at half the rate
            clone = Kind(kind.name, kind.rate / 2, kind.request)
            clone.parent = kind
            threads.append(clone)
    for t in threads:
        threading.Thread(target=t.run, daemon=True).start()
    print("soak: %s, start-up %.0f ms, %d minutes; rates/s: %g ECGs, %g batches of 50 readings, %g report reads" % (
        os.environ.get("SINUS_DB_KIND", "h2"), start_ms, options.minutes, options.ecgs, options.batches, options.reads))
    print("%-6s %8s %9s  %s" % ("minute", "RSS MiB", "backlog", "  ".join("%-34s" % k.name for k in kinds)))
    rss = []
    total_errors = 0
    try:
        for minute in range(1, options.minutes + 1):
            time.sleep(60)
            line = []
            for kind in kinds:
                latencies, errors = [], 0
                for t in threads:
                    if t.parent is kind:
                        l, e = t.take()
                        latencies += l
                        errors += e
                total_errors += errors
                latencies.sort()
                p50 = statistics.median(latencies) if latencies else float("nan")
                p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan")
                line.append("%-34s" % ("%6d ok %3d err p50 %5.1f p99 %6.1f ms" % (len(latencies), errors, p50, p99)))
            rss.append(app.rss_mib())
            print("%-6d %8.0f %9.0f  %s" % (minute, rss[-1], app.metric("sinus_analysis_backlog") or 0, "  ".join(line)),
                  flush=True)
    finally:
        for t in threads:
            t.running = False
        app.stop()
    half = len(rss) // 2
    print("RSS first half mean %.0f MiB, second half mean %.0f MiB; errors %d" % (
        statistics.mean(rss[:half] or rss), statistics.mean(rss[half:]), total_errors))


if __name__ == "__main__":
    main()
