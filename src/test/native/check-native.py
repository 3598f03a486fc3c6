#!/usr/bin/env python3
"""Checks what can be checked of the native build without GraalVM: after Quarkus's native build steps ran with
-Dquarkus.native.sources-only=true, every JSON and gRPC type Sinus serialises is registered for reflection and every
resource the service reads at run time (migrations, the dashboard, the proto descriptors) is included.

    ./mvnw -B package -DskipTests -Dnative -Dquarkus.native.sources-only=true && src/test/native/check-native.py
"""
import fnmatch
import glob
import json
import os
import re
import sys
import zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
jars = glob.glob(os.path.join(ROOT, "target", "native-sources", "*-runner.jar"))
if not jars:
    sys.exit("no native sources: run ./mvnw -B package -DskipTests -Dnative -Dquarkus.native.sources-only=true")
with zipfile.ZipFile(jars[0]) as runner:
    reflect = {entry["name"] for entry in json.loads(runner.read("META-INF/native-image/reflect-config.json"))}
    resources = json.loads(runner.read("META-INF/native-image/resource-config.json"))
patterns = [p.get("pattern", "") for p in resources.get("resources", {}).get("includes", [])]
patterns += [p.get("pattern", "") for p in resources.get("resources", []) if isinstance(p, dict)] \
    if isinstance(resources.get("resources"), list) else []

classes = os.path.join(ROOT, "target", "classes")
def types(pattern):
    for path in glob.glob(os.path.join(classes, pattern), recursive=True):
        name = os.path.relpath(path, classes)[:-len(".class")].replace(os.sep, ".")
        if not re.search(r"\$\d+$|\$\$|_Subclass|_ClientProxy|_Bean|quarkusrestinvoker", name):
            yield name

expected = set()
expected.update(types("adapters/rest/*Json$*.class"))          # the REST API's JSON records
grpc = set(types("adapters/grpc/heartrate/*.class"))
expected.update(n for n in grpc if n + "OrBuilder" in grpc)    # the protobuf messages (stubs need no reflection)
missing = sorted(n for n in expected if n not in reflect)

needed_resources = ["db/migration/common/V1__accounts_and_ecgs.sql", "META-INF/resources/index.html"]
def python_regex(java):
    """Java's \\Q...\\E quoting, as Python's re has none."""
    return re.sub(r"\\Q(.*?)\\E", lambda m: re.escape(m.group(1)), java)


def included(resource):
    return any(re.fullmatch(python_regex(p), resource) for p in patterns if p)
missing_resources = [r for r in needed_resources if not included(r)]

print("native check: %d JSON/gRPC types expected, %d registered for reflection; %d resource patterns"
      % (len(expected), len(expected) - len(missing), len(patterns)))
for name in missing:
    print("  not registered for reflection: " + name)
for resource in missing_resources:
    print("  resource not included: " + resource)
sys.exit(1 if missing or missing_resources else 0)
