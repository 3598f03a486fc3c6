#!/usr/bin/env python3
"""The production-readiness benchmark of the packaged jar on loopback, printing one table beside the targets.

    ./mvnw -B package -DskipTests && src/test/bench/service.py [--seconds 20] [--concurrency 16] [--jfr DIR]

Runs the jar the way the README's run command does (its JVM options file, embedded H2 in a throw-away data directory;
for PostgreSQL export SINUS_DB_KIND=postgresql SINUS_DB_URL=... SINUS_DB_USERNAME=... SINUS_DB_PASSWORD=... of an empty
database) and measures: start-up to the first successful request, idle RSS, ECG submissions/s (2 leads x 5,000
samples, bearer token and HTTP Basic) with their p99, the sustained analysis rate (submissions from the first until
the backlog, read from /q/metrics, is empty again), report reads/s and a page of 20 of the user's ECGs, submit -> done,
the peak RSS under all of it, and start-up again on the database the run has filled. With --jfr, a flight recording
of each load phase is written to DIR and its top frames printed. Needs: hey (Debian package `hey`), curl.
"""
import argparse
import base64
import json
import math
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
JAR = os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")
JVM_OPTIONS = os.path.join(ROOT, "src", "main", "jvm", "sinus.jvm.options")
PORT = int(os.environ.get("PORT", "18080"))
BASE = "http://127.0.0.1:%d" % PORT
ADMIN_PW = "bench-admin-password"


def http(method, path, body=None, auth=None, content_type="application/json", timeout=30):
    request = urllib.request.Request(BASE + path, data=body, method=method)
    if body is not None:
        request.add_header("Content-Type", content_type)
    if auth:
        request.add_header("Authorization", auth)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def basic(user, password):
    return "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()


class Service:
    def __init__(self, work, jfr=None):
        self.work = work
        self.jfr = jfr
        self.process = None

    def start(self, label):
        """Starts the jar; returns ms from process start to the first successful (authenticated) request."""
        env = dict(os.environ, SINUS_DATA_DIR=os.path.join(self.work, "data"), SINUS_ADMIN_PASSWORD=ADMIN_PW,
                   QUARKUS_HTTP_PORT=str(PORT))
        args = ["java", "@" + JVM_OPTIONS] + os.environ.get("JAVA_OPTS", "").split() + ["-jar", JAR]
        log = open(os.path.join(self.work, "sinus-%s.log" % label), "w")
        t0 = time.monotonic()
        self.process = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=self.work)
        while True:
            if self.process.poll() is not None:
                sys.exit("the service died at start-up; see " + log.name)
            try:
                status, _ = http("GET", "/v1/admin/users?size=1", auth=basic("admin", ADMIN_PW), timeout=2)
                if status == 200:
                    return (time.monotonic() - t0) * 1000
            except OSError:
                pass
            time.sleep(0.01)

    def rss_mib(self):
        with open("/proc/%d/status" % self.process.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0

    def metric(self, name):
        _, text = http("GET", "/q/metrics")
        for line in text.decode().splitlines():
            if line.startswith(name + " ") or line.startswith(name + "{"):
                return float(line.rsplit(" ", 1)[1])
        return None

    def jfr_start(self, name):
        if self.jfr:
            subprocess.run(["jcmd", str(self.process.pid), "JFR.start", "name=" + name, "settings=profile",
                            "filename=" + os.path.join(self.jfr, name + ".jfr")], capture_output=True)

    def jfr_stop(self, name):
        if self.jfr:
            subprocess.run(["jcmd", str(self.process.pid), "JFR.stop", "name=" + name], capture_output=True)
            print_top_frames(os.path.join(self.jfr, name + ".jfr"), name)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(60)


COMPONENTS = [("org.h2.", "H2"), ("org.postgresql.", "PostgreSQL driver"), ("com.fasterxml.jackson.", "Jackson"),
              ("org.hibernate.", "Hibernate ORM"), ("io.agroal.", "Agroal pool"), ("com.arjuna.", "JTA (Narayana)"),
              ("io.quarkus.narayana", "JTA (Narayana)"), ("org.wildfly.security", "Elytron/bcrypt"),
              ("domain.analysis.", "Sinus analysis"), ("domain.", "Sinus domain"), ("usecase.", "Sinus use cases"),
              ("adapters.", "Sinus adapters"), ("io.quarkus.resteasy.reactive", "Quarkus REST"),
              ("org.jboss.resteasy.reactive", "Quarkus REST"), ("io.quarkus.security", "Quarkus security"),
              ("io.quarkus.arc", "CDI (ArC)"), ("io.micrometer", "Micrometer"), ("io.netty.", "Netty"),
              ("io.vertx.", "Vert.x"), ("java.", "JDK"), ("jdk.", "JDK"), ("sun.", "JDK")]


def print_top_frames(path, name, top=12):
    """The methods most often on top of the sampled Java stacks (self time), and the Sinus frames most often on them."""
    out = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path], capture_output=True, text=True).stdout
    own, sinus, components = {}, {}, {}
    samples = 0
    for block in out.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w$.<>]+)\(", block, re.M)
        if not frames:
            continue
        samples += 1
        own[frames[0]] = own.get(frames[0], 0) + 1
        group = next((name for frame in frames for prefix, name in COMPONENTS if frame.startswith(prefix)
                      and name != "JDK"), "JDK" if frames[0].startswith(("java.", "jdk.", "sun.")) else "other")
        components[group] = components.get(group, 0) + 1
        for frame in dict.fromkeys(f for f in frames if f.startswith(("domain.", "usecase.", "adapters."))):
            sinus[frame] = sinus.get(frame, 0) + 1
    print("  JFR %s: %d samples; top self frames:" % (name, samples))
    for frame, count in sorted(own.items(), key=lambda e: -e[1])[:top]:
        print("    %5.1f %%  %s" % (100.0 * count / samples, frame))
    print("  by component (the innermost frame of a known one):")
    for group, count in sorted(components.items(), key=lambda e: -e[1])[:10]:
        print("    %5.1f %%  %s" % (100.0 * count / samples, group))
    print("  Sinus frames on the stack:")
    for frame, count in sorted(sinus.items(), key=lambda e: -e[1])[:8]:
        print("    %5.1f %%  %s" % (100.0 * count / samples, frame))


def hey(seconds, concurrency, path, auth, body_file=None):
    args = ["hey", "-z", "%ds" % seconds, "-c", str(concurrency), "-H", "Authorization: " + auth]
    if body_file:
        args += ["-m", "POST", "-T", "application/json", "-D", body_file]
    out = subprocess.run(args + [BASE + path], capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99% in ([\d.]+) secs", out)
    codes = dict((int(c), int(n)) for c, n in re.findall(r"\[(\d+)\]\s+(\d+) responses", out))
    return rate, float(p99.group(1)) * 1000 if p99 else float("nan"), codes


class RssSampler(threading.Thread):
    def __init__(self, service):
        super().__init__(daemon=True)
        self.service, self.peak, self.running = service, 0.0, True

    def run(self):
        while self.running:
            try:
                self.peak = max(self.peak, self.service.rss_mib())
            except OSError:
                pass
            time.sleep(0.2)


def ecg_json(samples=5000, rate=500):
    lead = lambda phase: [int(800 * math.sin(2 * math.pi * 1.2 * i / rate + phase)) for i in range(samples)]
    return json.dumps({"sampling_rate_hz": rate, "leads": [{"name": "I", "signal": lead(0.1)},
                                                           {"name": "II", "signal": lead(1.0)}]})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--jfr", default=None)
    parser.add_argument("--page-user-ecgs", type=int, default=20000)
    options = parser.parse_args()
    if not os.path.exists(JAR):
        sys.exit("build first: ./mvnw -B package -DskipTests")
    if not shutil.which("hey"):
        sys.exit("install hey: apt-get install -y hey")
    work = tempfile.mkdtemp(prefix="sinus-bench-")
    if options.jfr:
        os.makedirs(options.jfr, exist_ok=True)
    service = Service(work, options.jfr)
    rows = []

    def row(what, target, measured, met):
        rows.append((what, target, measured, "MET" if met else "NOT MET"))

    try:
        start_ms = service.start("fresh")
        time.sleep(5)
        idle = service.rss_mib()
        sampler = RssSampler(service)
        sampler.start()
        http("POST", "/v1/admin/users", json.dumps({"username": "bench", "password": "bench-password"}).encode(),
             basic("admin", ADMIN_PW))
        _, token = http("POST", "/v1/auth/tokens", b"{}", basic("bench", "bench-password"))
        bearer = "Bearer " + json.loads(token)["token"]
        body = os.path.join(work, "ecg.json")
        with open(body, "w") as f:
            f.write(ecg_json())

        hey(5, options.concurrency, "/v1/ecgs", bearer, body)  # warm-up
        t_submit = time.monotonic()
        submitted_before = service.metric("sinus_analyses_total")
        service.jfr_start("submissions")
        sub_bearer = hey(options.seconds, options.concurrency, "/v1/ecgs", bearer, body)
        service.jfr_stop("submissions")
        sub_basic = hey(options.seconds, options.concurrency, "/v1/ecgs", basic("bench", "bench-password"), body)
        accepted = sub_bearer[2].get(202, 0) + sub_basic[2].get(202, 0)
        while (service.metric("sinus_analysis_backlog") or 0) > 0:
            time.sleep(0.1)
        drained = time.monotonic()
        analysis_rate = accepted / (drained - t_submit)
        backlog_s = drained - t_submit - 2 * options.seconds

        _, listing = http("GET", "/v1/ecgs?size=1", auth=bearer)
        total = json.loads(listing)["total_items"]
        ecg_id = json.loads(listing)["items"][0]["id"]
        service.jfr_start("report-reads")
        report = hey(options.seconds, options.concurrency, "/v1/ecgs/" + ecg_id, bearer)
        service.jfr_stop("report-reads")

        # the page read, for a user with --page-user-ecgs ECGs: top up with small ECGs
        small = os.path.join(work, "small.json")
        with open(small, "w") as f:
            f.write(ecg_json(samples=50, rate=250))
        while total < options.page_user_ecgs:
            n = min(options.page_user_ecgs - total, 5000)
            subprocess.run(["hey", "-n", str(n), "-c", str(min(n, options.concurrency)), "-m", "POST", "-T", "application/json",
                            "-D", small, "-H", "Authorization: " + bearer, BASE + "/v1/ecgs"], capture_output=True)
            total = json.loads(http("GET", "/v1/ecgs?size=1", auth=bearer)[1])["total_items"]
        while (service.metric("sinus_analysis_backlog") or 0) > 0:
            time.sleep(0.1)
        service.jfr_start("page-reads")
        page = hey(options.seconds, options.concurrency, "/v1/ecgs?size=20&page=3", bearer)
        service.jfr_stop("page-reads")

        # submit -> done, one 10-s ECG at a time
        ten_s = ecg_json().encode()
        latencies = []
        for _ in range(200):
            t0 = time.monotonic()
            status, created = http("POST", "/v1/ecgs", ten_s, bearer)
            new_id = json.loads(created)["id"]
            while json.loads(http("GET", "/v1/ecgs/" + new_id, auth=bearer)[1])["status"] == "pending":
                pass
            latencies.append((time.monotonic() - t0) * 1000)
        done_p50 = statistics.median(latencies)
        sampler.running = False
        peak = sampler.peak
        service.stop()
        size_mib = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(work, "data"))
                       for f in fs) / 1024 / 1024
        restart_ms = service.start("filled")
        service.stop()

        row("start-up, fresh database (process start to first answered request)", "< 2000 ms", "%.0f ms" % start_ms,
            start_ms < 2000)
        row("start-up, the run's database (%.0f MiB, %d ECGs)" % (size_mib, total + 200), "< 2000 ms",
            "%.0f ms" % restart_ms, restart_ms < 2000)
        row("idle RSS after start", "< 150 MiB", "%.0f MiB" % idle, idle < 150)
        for label, (rate, p99, codes) in (("bearer", sub_bearer), ("HTTP Basic", sub_basic)):
            others = {c: n for c, n in codes.items() if c != 202}
            row("ECG submissions/s, %s (p99)%s" % (label, " other statuses %s" % others if others else ""),
                ">= 1000/s, p99 < 50 ms", "%.0f/s (%.0f ms)" % (rate, p99), rate >= 1000 and p99 < 50)
        row("analysed/s sustained (first submission to empty backlog; backlog drained %.1f s after)" % backlog_s,
            ">= 1000/s", "%.0f/s" % analysis_rate, analysis_rate >= 1000)
        row("report reads/s, one ECG (p99)", ">= 10000/s, p99 < 20 ms", "%.0f/s (%.1f ms)" % report[:2],
            report[0] >= 10000 and report[1] < 20)
        row("page of 20 of the user's %d ECGs/s (p99)" % total, ">= 2000/s", "%.0f/s (%.1f ms)" % page[:2],
            page[0] >= 2000)
        row("submit -> done, 10-s ECG, one at a time (p50 of 200)", "< 5 ms", "%.1f ms" % done_p50, done_p50 < 5)
        row("peak RSS under these loads", "< 512 MiB", "%.0f MiB" % peak, peak < 512)
    finally:
        if service.process and service.process.poll() is None:
            service.process.kill()
        shutil.rmtree(work, ignore_errors=True)
    db = os.environ.get("SINUS_DB_KIND", "h2")
    print("\nSinus service benchmark, %s, %d s per load, %d concurrent hey clients, %s" % (
        db, options.seconds, options.concurrency, open(JVM_OPTIONS).read().split("\n# end")[0].strip().splitlines()[-1]))
    width = max(len(r[0]) for r in rows)
    for what, target, measured, met in rows:
        print("%-*s  %-24s %-20s %s" % (width, what, target, measured, met))


if __name__ == "__main__":
    main()
