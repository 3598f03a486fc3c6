#!/usr/bin/env bash
# Runs the README's shell examples as pasted, top to bottom, against a fresh build: the lines that start a
# service run in the background (each waits until it is ready), the PostgreSQL, test and benchmark blocks are
# left out (they need a PostgreSQL server, or are the test suite itself). Run from the repository's root,
# with ../shared/data beside it. Prints every command's output; fails on the first failing command.
set -euo pipefail
cd "$(dirname "$0")/../../.."
script=$(mktemp)
python3 - "$script" <<'PY'
import re, sys
readme = open("README.md").read()
blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
out = ["set -euo pipefail", "wait_ready() { for i in $(seq 1 1200); do curl -sf \"$1/q/health/ready\" >/dev/null && return 0; sleep 0.5; done; echo not ready; exit 1; }",
       "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT"]
for block in blocks:
    if "sudo -u postgres" in block or "./mvnw -B verify" in block or "src/test/bench" in block:
        continue
    lines = []
    for line in block.splitlines():
        if "-jar target/quarkus-app/quarkus-run.jar" in line and not line.rstrip().endswith("\\"):
            port = re.search(r"QUARKUS_HTTP_PORT=(\d+)", line)
            port = port.group(1) if port else "8080"
            lines.append("(" + line.strip() + ") > readme-" + port + ".log 2>&1 &")
            lines.append("wait_ready http://localhost:" + port)
        else:
            lines.append(line)
    out.append("cat <<'README_BLOCK'\n" + block + "README_BLOCK")
    out.append("\n".join(lines))
    out.append("echo")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
bash "$script"
