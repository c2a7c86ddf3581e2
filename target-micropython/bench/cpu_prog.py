# The CPU-bound program of the benchmark: recursive fib and a tight loop, timed by itself.
# Usage: cpu_prog.py MODE [ROUNDS]  (plain | call-none | call-local | agent, "+import" to import the agent
# module first without attaching it); prints "TIME fib_ms loop_ms" lines.
import gc
import sys
import time

import other

if hasattr(gc, "threshold"):
    # MicroPython's settrace build puts every call's state on the heap; with the default 2 MB heap and
    # no threshold, allocation time swamps everything (fib(20) takes about a second) and varies with
    # what else is on the heap. Collecting every 16 KB keeps the heap healthy in every mode alike.
    gc.threshold(16384)


def fib(n):
    if n < 2:
        if n < 0:
            return 0  # unhit line inside fib
        return n
    return fib(n - 1) + fib(n - 2)


def loop(n):
    s = 0
    i = 0
    while i < n:
        s += i
        i += 1
    if n < 0:
        s = 0  # unhit line inside loop
    return s


def never_called():
    return 0  # the benchmark puts an unhit breakpoint on this line


def nop_call(f, e, a):
    return None


def nop_local(f, e, a):
    return nop_local


def nop_call_local(f, e, a):
    return nop_local


def now():
    return time.ticks_us() if hasattr(time, "ticks_us") else int(time.perf_counter() * 1e6)


def run(rounds):
    for _ in range(rounds):
        t0 = now()
        fib(20)
        t1 = now()
        loop(100000)
        t2 = now()
        print("TIME", (t1 - t0) / 1000, (t2 - t1) / 1000)


mode = sys.argv[1]
if mode.endswith("+import"):
    # the same live heap as under the agent: on MicroPython every GC marks it, and the settrace build
    # collects often (see above), so 16 KB more live data costs a few microseconds per collection
    import dapkit_agent  # noqa: F401

    mode = mode[:-7]
if mode == "call-none":
    sys.settrace(nop_call)
elif mode == "call-local":
    sys.settrace(nop_call_local)
run(int(sys.argv[2]) if len(sys.argv) > 2 else 5)
sys.settrace(None)
other.helper()
