#!/usr/bin/env bash
# The dapkit agent benchmark (issue 6): finds or builds MicroPython with settrace, then runs bench.py on it
# (and on CPython for comparison when /usr/bin/python3 or python3 exists). Extra arguments go to bench.py,
# e.g. --runs 10.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
micropython=${DAPKIT_MICROPYTHON:-$("$root/scripts/build-micropython.sh" | tail -1)}
python=$(command -v python3 || true)
if [ -z "$python" ]; then
  echo "bench/run.sh needs python3 for the benchmark's host" >&2
  exit 1
fi
exec "$python" "$here/bench.py" "$micropython" --cpython "$python" "$@"
