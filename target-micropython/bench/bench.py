"""The dapkit agent benchmark (issue 6): tracer overhead, step latency and agent RAM.

Usage: bench.py MICROPYTHON [--cpython PYTHON] [--heap SIZE] [--runs N]

Runs cpu_prog.py on the given interpreter in five modes, interleaved, N processes each (the fastest
run counts, the machine may be shared): plain, the two do-nothing tracers, the agent attached with a
breakpoint in another file, the agent with an unhit breakpoint in the running file (in a function
that is not running: the agent traces only functions whose lines hold a breakpoint), and, beyond the
issue's five, with unhit breakpoints inside the running functions (every line traced). The first three
import the agent module (not attached) so that every mode has the same live heap; the row
"call-none, no agent" shows what the agent's mere presence in the heap costs (GC marking). Then the step
latency (`next` request to `stopped` event over the link, on loopback) and the agent's RAM (.py and
.mpy, MicroPython only). Prints a table with ratios against the do-nothing tracers and the budgets.
"""
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from link import AGENT_DIR, Link  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CPU = os.path.join(HERE, "cpu_prog.py")
OTHER = os.path.join(HERE, "other.py")
ROUNDS = 3  # timed rounds inside one process


def line_of(path, marker):
    with open(path) as f:
        for n, text in enumerate(f, 1):
            if marker in text:
                return n
    raise ValueError("no line with %r in %s" % (marker, path))


def parse_times(text):
    best = None
    for ln in text.splitlines():
        if ln.startswith("TIME "):
            fib, loop = (float(x) for x in ln.split()[1:3])
            if best is None or fib + loop < best[0] + best[1]:
                best = (fib, loop)
    if best is None:
        raise RuntimeError("no TIME line in the program's output:\n" + text)
    return best


def run_plain(py, pre, mode):
    env = dict(os.environ, MICROPYPATH=AGENT_DIR + ":.frozen", PYTHONPATH=AGENT_DIR)
    out = subprocess.run([py] + pre + [CPU, mode, str(ROUNDS)], capture_output=True, text=True, timeout=600,
                         cwd=HERE, env=env)
    if out.returncode:
        raise RuntimeError("%s %s failed: %s" % (py, mode, out.stderr))
    return parse_times(out.stdout)


def run_agent(py, pre, bp_file, bp_lines, agent_dir):
    link = Link(py, CPU, ["agent", str(ROUNDS)], agent_dir=agent_dir, pre=pre)
    try:
        link.req("bp", file=bp_file, lines=[{"line": n} for n in bp_lines])
        link.req("go")
        link.event("exit")
        text = "".join(e.get("text", "") for e in link.events if e.get("ev") == "out")
        stopped = [e for e in link.events if e.get("ev") == "stopped"]
        if stopped:
            raise RuntimeError("the unhit breakpoint stopped: %s" % stopped)
    finally:
        link.close()
    return parse_times(text)


def step_latency(py, pre, agent_dir, samples=300):
    prog = os.path.join(HERE, "step_prog.py")
    link = Link(py, prog, agent_dir=agent_dir, pre=pre)
    try:
        link.req("bp", file=prog, lines=[{"line": line_of(prog, "the benchmark's breakpoint")}])
        link.req("go")
        t = link.event("stopped")["t"]
        link.req("bp", file=prog, lines=[])
        times = []
        for _ in range(samples):
            t0 = time.perf_counter()
            link.req("next", t=t)
            link.event("stopped")
            times.append((time.perf_counter() - t0) * 1000)
        link.req("term")
    finally:
        link.close()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9)]


def agent_ram(py, pre, agent_dir):
    srv_port = free_port()
    env = dict(os.environ, MICROPYPATH=agent_dir + ":.frozen", PYTHONPATH=agent_dir)
    proc = subprocess.Popen([py] + pre + [os.path.join(HERE, "ram_prog.py"), str(srv_port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready = proc.stdout.readline()
        if not ready.startswith("LISTENING"):
            raise RuntimeError("ram_prog.py did not listen: %s %s" % (ready, proc.stderr.read()))
        sock = socket.create_connection(("127.0.0.1", srv_port), timeout=30)
        sock.sendall(b'\x1e{"i":1,"c":"go"}\n')
        out, err = proc.communicate(timeout=60)
        sock.close()
    finally:
        if proc.poll() is None:
            proc.kill()
    for ln in out.splitlines():
        if ln.startswith("RAM "):
            return int(ln.split()[1])
    raise RuntimeError("no RAM line: " + out + err)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def measure(py, pre, runs, agent_dir):
    other_line = line_of(OTHER, "return 1")
    unhit_line = line_of(CPU, "unhit breakpoint")
    inside = [line_of(CPU, "unhit line inside fib"), line_of(CPU, "unhit line inside loop")]
    modes = {
        "plain": lambda: run_plain(py, pre, "plain+import"),
        "call-none": lambda: run_plain(py, pre, "call-none+import"),
        "call-local": lambda: run_plain(py, pre, "call-local+import"),
        "call-none, no agent": lambda: run_plain(py, pre, "call-none"),
        "agent, bp elsewhere": lambda: run_agent(py, pre, OTHER, [other_line], agent_dir),
        "agent, unhit bp here": lambda: run_agent(py, pre, CPU, [unhit_line], agent_dir),
        "agent, unhit bp in fn": lambda: run_agent(py, pre, CPU, inside, agent_dir),
    }
    best = {}
    for _ in range(runs):
        for name, run in modes.items():
            fib, loop = run()
            if name not in best or fib + loop < sum(best[name]):
                best[name] = (fib, loop)
    return best


def table(title, best, step, ram):
    ok = lambda good: "\u2713" if good else "\u2717"  # noqa: E731
    none, local = sum(best["call-none"]), sum(best["call-local"])
    print("\n%s" % title)
    print("%-24s %10s %10s %10s %12s %12s" % ("mode", "fib ms", "loop ms", "total ms", "/call-none", "/call-local"))
    for name, (fib, loop) in best.items():
        total = fib + loop
        print("%-24s %10.1f %10.1f %10.1f %12.2f %12.2f" % (name, fib, loop, total, total / none, total / local))
    r1 = sum(best["agent, bp elsewhere"]) / none
    r2 = sum(best["agent, unhit bp here"]) / local
    print("budget: bp elsewhere <= 1.30 x call-none:   %.2f %s" % (r1, ok(r1 <= 1.3)))
    print("budget: unhit bp here <= 1.50 x call-local: %.2f %s" % (r2, ok(r2 <= 1.5)))
    r3 = sum(best["agent, unhit bp in fn"]) / local
    print("(unhit bp inside the running functions: %.2f x call-local; every line of theirs is traced)" % r3)
    if step:
        print("budget: next -> stopped < 5 ms:             median %.2f ms, p90 %.2f ms %s"
              % (step[0], step[1], ok(step[1] < 5)))
    for name, n in ram:
        print("budget: agent RAM (%s) <= 16384 bytes:     %d %s" % (name, n, ok(n <= 16384)))


def main(argv):
    mpy = argv[0]
    cpython = None
    heap = None
    runs = 3
    i = 1
    while i < len(argv):
        if argv[i] == "--cpython":
            cpython = argv[i + 1]
        elif argv[i] == "--heap":
            heap = argv[i + 1]
        elif argv[i] == "--runs":
            runs = int(argv[i + 1])
        i += 2
    pre = ["-X", "heapsize=" + heap] if heap else []
    mpy_cross = os.path.join(os.path.dirname(mpy), "mpy-cross")
    mpy_dir = tempfile.mkdtemp(prefix="dapkit-agent-mpy")
    try:
        subprocess.run([mpy_cross, "-s", "dapkit_agent.py", "-o", os.path.join(mpy_dir, "dapkit_agent.mpy"),
                        os.path.join(AGENT_DIR, "dapkit_agent.py")], check=True)
        best = measure(mpy, pre, runs, AGENT_DIR)
        step = step_latency(mpy, pre, AGENT_DIR)
        ram = [(".py", agent_ram(mpy, pre, AGENT_DIR)), (".mpy", agent_ram(mpy, pre, mpy_dir))]
        table("MicroPython %s%s (best of %d runs x %d rounds)"
              % (mpy, " -X heapsize=" + heap if heap else "", runs, ROUNDS), best, step, ram)
        if cpython:
            best = measure(cpython, [], runs, AGENT_DIR)
            step = step_latency(cpython, [], AGENT_DIR)
            table("CPython %s, for comparison" % cpython, best, step, [])
    finally:
        shutil.rmtree(mpy_dir, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
