#!/usr/bin/env bash
# Builds the benchmark jar and runs the JVM-target benchmark (dapkit over TCP vs a raw JDI loop).
# Options go to the benchmark: --quick, --iterations N, --warmup N, --hits N, --launches N.
# JAVA_OPTS go to the benchmark's JVM (e.g. -XX:StartFlightRecording=filename=bench.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench -pl bench -am package -DskipTests
exec java ${JAVA_OPTS:-} -cp bench/target/benchmarks.jar dev.dapkit.bench.jvm.JvmTargetBenchmark "$@"
