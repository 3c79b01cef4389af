#!/usr/bin/env bash
# Micro-benchmarks of the kernel's hot paths (JMH): portal call vs. a plain lambda call, and a
# semaphore ping-pong between two platform threads (NOVA's pure scheme and with spinning).
# Prints JMH's table, then the median over the measurement iterations of each benchmark.
# Usage: microkernel/bench.sh [extra JMH options, e.g. -i 5 -wi 2]
set -euo pipefail
cd "$(dirname "$0")"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
mvn -o -q -B -f ../pom.xml -pl microkernel test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
cp="target/classes:target/test-classes:$(tr ':' '\n' < target/test.classpath | grep -E 'jmh-core|jopt-simple|commons-math3' | paste -sd:)"
"$JAVA_HOME/bin/java" -cp "$cp" org.openjdk.jmh.Main KernelBench \
    -jvmArgs "--enable-native-access=ALL-UNNAMED" -rf json -rff target/jmh.json "$@"
python3 - <<'PY'
import json
for r in json.load(open("target/jmh.json")):
    name = r["benchmark"].rsplit(".", 1)[1] + "".join(f" {k}={v}" for k, v in r.get("params", {}).items())
    m = r["primaryMetric"]
    print(f"median {name:32s} {m['scorePercentiles']['50.0']:10.1f} {m['scoreUnit']}  (over {len(m['rawData'][0])} iterations)")
PY
