#!/usr/bin/env bash
# Builds the benchmark jar and times the MicroPython target through all of dapkit (DapClient -> TCP ->
# DapServer -> agent link -> MicroPython's unix port): `next` to `stopped`, and a screen refresh.
# The agent's own budgets (tracer overhead, RAM, link-level step) are target-micropython/bench/run.sh.
# Argument: the number of steps (default 300).
set -euo pipefail
cd "$(dirname "$0")/.."
DAPKIT_MICROPYTHON=${DAPKIT_MICROPYTHON:-$(scripts/build-micropython.sh | tail -1)}
export DAPKIT_MICROPYTHON
./mvnw -B -q -Pbench -pl bench -am package -DskipTests
exec java ${JAVA_OPTS:-} -cp bench/target/benchmarks.jar dev.dapkit.bench.micropython.MicroPythonStepBenchmark "$@"
