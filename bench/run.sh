#!/usr/bin/env bash
# Builds the benchmark jar and runs the codec benchmark; extra arguments go to JMH (e.g. -f 2 -i 10).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench -pl bench -am package -DskipTests
exec java -jar bench/target/benchmarks.jar "$@"
