# dapkit agent: a small sys.settrace debugger for MicroPython >= 1.25 built with
# MICROPY_PY_SYS_SETTRACE=1, and for CPython 3. It speaks the dapkit link protocol
# (target-micropython/PROTOCOL.md) to dapkit's host, which keeps all DAP state.
#
# In a program (debugpy's names):
#   import dapkit_agent as d
#   d.listen(5678, "0.0.0.0")       # returns at once; the host is accepted at the next check
#   d.connect("192.168.1.2", 4711)  # or dial out to a host that waits for agents
#   d.wait_for_client()             # optional: block until a host attached and sent go
#   d.breakpoint()                  # stop here when a host is attached
#   d.is_client_connected(); d.debug_this_thread(); d.disconnect()
#
# Runner (how the host launches a program on the unix port or on CPython):
#   python3 -m dapkit_agent --connect 127.0.0.1:4711 --wait program.py args...
#   MICROPYPATH=<folder of this file>:.frozen micropython -m dapkit_agent --connect 127.0.0.1:4711 --wait program.py
# --listen [host:]port waits for a host to attach instead; --wait blocks until the host sends go.
# The process exits with the program's status; the host gets an exit event.
#
# The agent has no thread of its own: the link is checked from the trace function every
# 400 call events (every 400 events while a step or pause is armed) and from the API calls.
# A frame is line-traced only when a breakpoint lies among its function's lines, or while a
# step, a pause or "raised" exception breakpoints are armed.
#
# RAM (MicroPython): every function costs about 200 bytes and every distinct name or
# string about 12-30 bytes (a qstr), so the code uses few, larger functions, no
# comprehensions, and few distinct local names.
import sys
import json

try:
    import _thread
except ImportError:
    _thread = None

_tid = _thread.get_ident if _thread else int  # int() is 0: the only thread
_lk = _thread.allocate_lock() if _thread else None  # reading the link and dispatching commands
_wl = _thread.allocate_lock() if _thread else None  # writing to the link

_bps = {}  # file with breakpoints -> {first line of a function: its local trace function, or None when no
# breakpoint is among its lines}, filled as functions are called; never rebound
_trs = {}  # file -> (its local trace function, its line dict {line: None or [cond, hit, log, hits]});
# kept across hosts: running frames keep the trace function they got
_ex = 0  # exception breakpoints: 1 raised, 2 uncaught
_all = False  # line-trace every frame: step in, pause, raised exceptions
_act = False  # a step or a pause is pending
_st = None  # the step: [thread or 0, "in" / "next" / "out", depth, why, line of the stop (MicroPython) or 0]
_pz = False  # pause requested
_lx = None  # the last exception stop: (id of the exception, depth)
_sk = _ls = _pl = None  # link, listening socket, poll object
_buf = b""
_go = False
_stopped = {}  # thread -> top frame, or a list of frame tuples after the program died
_tab = {}  # frame id / variables reference -> (thread, kind, object, frame)
_nid = 0
_thr = {}  # thread -> name
_main = None
_n = 1  # call events until the call handler's slow path; 1 while a step, pause or exception stop is armed
_k = 0  # slow-path events until the next link check
_print0 = print


def _call(f, e, a, b=_bps.get):
    # the global trace function: as little as possible for a frame that is not traced (a bound get and a
    # test for zero are a few bytecodes fewer than a method lookup and a comparison)
    global _n
    _n -= 1
    if not _n:
        _n = 1  # armed, every call takes the slow path; else _io counts again from 400
        return _tr(f, None)
    d = b(f.f_code.co_filename)
    if d:
        e = d.get(f.f_code.co_firstlineno, d)
        return _tr(f, None) if e is d else e


def _tr(f, p):
    # f given: the call handler's slow path (link check, then f's local trace function if f is to be
    # traced); f None: file p's local trace function
    global _k
    if f:
        _k -= 1
        if _k < 0 or not _act:
            _io(0)
        c = f.f_code
        p = c.co_filename
        if not _all or p == _me:
            d = _bps.get(p)
            if d is None:
                return None
            k = c.co_firstlineno
            if k not in d:  # does a breakpoint fall among this function's lines?
                d[k] = e = _tr(None, p)  # if this cannot be told, trace the function
                try:
                    e = k
                    if hasattr(c, "co_lines"):
                        for x in c.co_lines():
                            e = max(e, x[2] or 0)
                    else:
                        x = c.co_lnotab
                        for i in range(1, len(x), 2):
                            k += x[i] - 256 * (x[i] > 127)
                            e = max(e, k)
                        k = c.co_firstlineno
                    d[k] = None
                    for x in _trs[p][1]:
                        if k <= x <= e:
                            d[k] = _tr(None, p)
                except Exception as y:
                    _send("tracing %s failed: %r" % (p, y))
            # a module's code runs once and has the first line of a function defined there: not kept
            return d.pop(k) if c.co_name == "<module>" else d[k]
    if p in _trs:
        return _trs[p][0]
    s = {}

    def t(f, e, a, s=s):
        # a traced frame's local trace function: one per file, bound to the file's line dict. It counts
        # nothing (the budget allows about two bytecodes beyond a do-nothing tracer): the link is checked
        # from call events and while a step, pause or exception stop is armed (_act)
        if _act or f.f_lineno in s:
            _slow(f, e, a)
        return t

    _trs[p] = (t, s)
    return t


def _slow(f, e, a):
    # everything the trace function does beyond its fast path; never raises
    global _st, _pz, _lx, _k
    _k -= 1
    if _k < 0:
        _io(0)
    t = _tid()
    if t in _stopped or not _sk:
        return
    try:
        s = _st
        d = 0
        if s or e == "exception":
            b = f
            while b:  # the frame's depth
                d += 1
                b = b.f_back
        if s and s[4] and s[0] == t:
            # MicroPython gives a for header two line events in a row: the first event after the stop, on
            # the stop's line in its frame, is the same line still. A cont is armed for that one event only
            b = s[4]
            s[4] = 0
            b = e == "line" and d == s[2] and f.f_lineno == b
            if s[1] == "cont":
                _st = s = None
                _io(-1)
            if b:
                return
        if e == "exception":
            if not _ex & 1:
                return
            x = a[1] if a else (sys.exc_info()[1] if hasattr(sys, "exc_info") else None)
            if isinstance(x, (StopIteration, GeneratorExit)):
                return
            b = _lx
            _lx = (id(x), d)
            if b and b[1] > d and (x is None or b[0] == id(x)):
                return  # the same exception, propagating to a caller
            return _stop(f, "exception", {"exc": {"type": type(x).__name__ if x is not None else "Exception",
                                                  "msg": str(x)[:1024] if x is not None else "", "uncaught": False}})
        if e == "return":
            if not s or s[1] == "in" or s[0] and s[0] != t or d != s[2]:
                return
            b = f.f_back
            if b and b.f_code.co_filename != _me and (s[1] == "out" or not _FT and not (
                    _bps.get(b.f_code.co_filename) or {}).get(b.f_code.co_firstlineno)):
                # out (as debugpy), or next into a caller that MicroPython entered untraced and cannot trace
                # now: stop at the return, showing the caller at the line of the call
                _st = None
                return _stop(b, s[3], None)
            _st = [s[0], "in", 0, s[3], 0]  # bdb: once the frame returned, stop at the next line anywhere
            return _io(-1)
        if e != "line":
            return
        b = _trs[f.f_code.co_filename][1]
        if f.f_lineno in b:
            b = b[f.f_lineno]
            if b is None:
                return _stop(f, "breakpoint", None)
            k = None
            if b[0]:
                try:
                    k = not _ev(b[0], f, "eval")
                except Exception as y:
                    k = {"text": "condition failed: %r" % y}
            if not k:
                b[3] += 1
                h = b[1] and b[1].strip()
                if h:
                    n = b[3]
                    if h[0] == "%":
                        k = n % int(h[1:]) != 0
                    elif h[:2] == ">=":
                        k = n < int(h[2:])
                    elif h[0] == ">":
                        k = n <= int(h[1:])
                    else:
                        k = n != int(h.lstrip("="))
            if not k and b[2]:
                h = b[2]
                o = ""
                i = 0
                while True:  # a logpoint: "text {expr} text"
                    n = h.find("{", i)
                    x = h.find("}", n)
                    if n < 0 or x < 0:
                        break
                    try:
                        v = str(_ev(h[n + 1:x], f, "eval"))
                    except Exception as y:
                        v = repr(y)
                    o += h[i:n] + v
                    i = x + 1
                _send({"ev": "out", "cat": "console", "text": o + h[i:] + "\n"})
                k = True
            if not k or type(k) is dict:
                return _stop(f, "breakpoint", k or None)
        if _pz:
            _pz = False
            return _stop(f, "pause", None)
        if s and (not s[0] or s[0] == t) and (s[1] == "in" or d <= s[2] - (s[1] == "out")):
            _st = None
            _stop(f, s[3], None)
    except Exception as y:
        _send("%s event at %s:%s failed: %r" % (e, f.f_code.co_filename, f.f_lineno, y))


def _ev(x, f, a):
    # evaluates (a == "eval") or executes x in frame f's globals, and its locals where the firmware has them
    if type(f) is tuple:
        return eval(x, f[3]) if a == "eval" else exec(x, f[3])
    if _LOC:
        if a == "eval":
            return eval(x, f.f_globals, f.f_locals)
        exec(x, f.f_globals, f.f_locals)
        if _FT:  # CPython: into the frame's own variables, or the next read of f_locals undoes the change
            _FT(f)
        return
    return eval(x, f.f_globals) if a == "eval" else exec(x, f.f_globals)


# ---- the link


def _send(o):
    # a message to the host; a str is an agent error, reported as console output
    s = _sk
    if not s:
        return
    if type(o) is str:
        o = {"ev": "out", "cat": "console", "text": "dapkit agent: %s\n" % o}
    if _FT:  # CPython's json and socket are Python code: not to be traced (or stepped into)
        g = sys.gettrace()
        sys.settrace(None)
    if _wl:
        _wl.acquire()
    try:
        d = b"\x1e" + json.dumps(o, separators=(",", ":")).encode() + b"\n"
        s.sendall(d) if _FT else s.write(d)  # CPython (frames with f_trace) or MicroPython
    except Exception:
        _link(None)
    finally:
        if _wl:
            _wl.release()
        if _FT:
            sys.settrace(g)


def _link(s):
    # a host attached (s is its socket), or left (s is None: bye, term, EOF or a failed write)
    global _sk, _pl, _buf, _go, _ex, _st, _pz
    import select
    import builtins
    import gc
    import os
    o = _sk
    _sk = s
    _buf = b""
    _go = False
    _pl = select.poll()
    builtins.print = _print if s else _print0
    if s:
        try:
            s.setsockopt(6, 1, 1)  # IPPROTO_TCP, TCP_NODELAY: a stopped event must not wait for an ACK
        except Exception:
            pass
        s.setblocking(True)
        _pl.register(s, select.POLLIN)
        gc.collect()
        return _send({"ev": "hello", "proto": 1, "agent": "1.0.0", "impl": sys.implementation.name,
                      "version": "%d.%d.%d" % sys.implementation.version[:3], "platform": sys.platform,
                      "locals": _LOC, "threads": bool(_thread),
                      "mem_free": gc.mem_free() if hasattr(gc, "mem_free") else -1, "main": _main,
                      "cwd": os.getcwd(), "sep": "/"})
    _bps.clear()
    for p in _trs:
        _trs[p][1].clear()
    _ex = 0
    _pz = False
    _st = None
    _io(-1)
    _stopped.clear()
    _tab.clear()
    if _ls:
        _pl.register(_ls, select.POLLIN)
    else:
        _pl = None
    if o:
        try:
            o.close()
        except Exception:
            pass


def _io(n):
    # n < 0: recomputes what the trace functions look at, after the state changed; else that, then checks
    # the link, waiting up to n ms: accepts a host, reads and dispatches its commands
    global _k, _buf, _all, _act, _n
    _act = bool(_st or _pz or _ex & 1)
    _all = bool(_ex & 1 or _pz or (_st and _st[1] == "in"))
    _n = 1 if _act else 400
    if n < 0:
        return
    _k = 400
    if _lk and not _lk.acquire(n > 0):
        return
    e = n > 0
    if e:  # waiting outside a trace callback (wait_for_client, breakpoint): commands run code, untraced
        sys.settrace(None)
    try:
        if _pl and _pl.poll(n):
            if not _sk:
                try:
                    n = _ls.accept()[0]
                except OSError:
                    return
                return _link(n)
            try:
                n = _sk.recv(4096)
            except OSError:
                n = b""
            if not n:
                return _link(None)
            n = _buf + n
            while _sk:
                i = n.find(b"\n")
                if i < 0:
                    break
                a = n[:i]
                n = n[i + 1:]
                _buf = n
                if a[:1] == b"\x1e":
                    a = a[1:]
                if a.strip():
                    _do(a)
            if _sk:
                _buf = n
    except Exception as y:
        _send("%s failed: %s: %s" % ("_io", type(y).__name__, y))
    finally:
        if e:
            sys.settrace(_call)
        if _lk:
            _lk.release()


def _val(v, t, f, k=None):
    # k given: a new frame id or reference to v; else v's variable entry, with a reference when it has children
    global _nid
    if k:
        _nid += 1
        _tab[_nid] = (t, k, v, f)
        return _nid
    s = type(v)
    n = 0
    try:
        n = len(v) if isinstance(v, (list, tuple, dict, set, frozenset, bytes, bytearray)) else -1
        o = repr(v) if n < 100 else "%s (len %d)" % (s.__name__, n)
    except Exception as y:
        o = "<repr failed: %r>" % y
    if len(o) > 1024:
        o = o[:1024] + "\u2026"
    k = n > 0 or n < 0 and not isinstance(v, (int, float, str, bool, type(None), complex, type)) and not callable(v)
    return {"v": o, "t": s.__name__, "ref": _val(v, t, f, "v") if k else 0, "size": max(n, 0)}


def _do(a):
    # one request from the host: exactly one reply
    global _go, _st, _ex, _pz
    try:
        m = json.loads(a)
        i = m["i"]
    except Exception as y:
        return _send("ignored a bad line from the host: %r (%r)" % (a[:200], y))
    h = m.get
    c = h("c")
    r = {}
    try:
        t = h("t")
        f = _stopped.get(t)
        if c in ("cont", "next", "in", "out", "stack") and f is None:
            raise ValueError("thread %s is not stopped" % t)
        if c in ("scopes", "vars", "eval", "set"):
            k = _tab.get(h("f") or h("ref"))
            if not k:
                raise ValueError("no frame or reference %s (resumed?)" % (h("f") or h("ref")))
            t, k, o, f = k
        if c == "go":
            _go = True
            if h("entry"):
                _st = [0, "in", 0, "entry", 0]
        elif c == "bp":
            a = h("file")
            d = {}
            for b in h("lines", ()):
                k = [b.get("cond"), b.get("hit"), b.get("log"), 0]
                d[b["line"]] = k if k[0] or k[1] or k[2] else None
            import os
            o = os.getcwd().rstrip("/")
            k = o + "/" + a if a[:1] != "/" else a[len(o) + 1:] if a.startswith(o + "/") else a
            for k in (a, k):  # the path as given, and relative to / absolute from the device's cwd
                _tr(None, k)
                o = _trs[k][1]  # running frames of this file see the change
                o.clear()
                o.update(d)
                if d:
                    _bps[k] = {0: 0}  # which functions to trace is decided again at their next call (0: not empty)
                else:
                    _bps.pop(k, None)
            try:
                open(a).close()
                r["exists"] = True
            except OSError:
                r["exists"] = False
        elif c == "exc":
            _ex = bool(h("raised")) + 2 * bool(h("uncaught"))
        elif c in ("cont", "next", "in", "out"):
            del _stopped[t]
            _st = None
            if (c != "cont" or not _FT) and type(f) is not list:
                _st = [t, c, 0, "step", 0 if _FT else f.f_lineno]
                while f:
                    _st[2] += 1
                    f = f.f_back
        elif c == "pause":
            _pz = True
        elif c == "threads":
            r["threads"] = o = []
            for k in _thr or {_tid(): 0}:
                o.append({"id": k, "name": _thr.get(k, "main")})
        elif c == "stack":
            d = f
            if type(f) is not list:
                d = []
                while f:
                    if f.f_code.co_filename != _me:
                        d.append((f.f_code.co_name, f.f_code.co_filename, f.f_lineno, f))
                    elif d:
                        break
                    f = f.f_back
            a = h("start", 0)
            r["frames"] = o = []
            for b in d[a:a + (h("levels", 0) or len(d))]:
                f = b[3] if type(b[3]) is not dict else b  # a frame, or a tuple after the program died
                o.append({"id": _val(f, t, f, "f"), "name": b[0], "file": b[1], "line": b[2]})
            r["total"] = len(d)
        elif c == "scopes":
            d = f[3] if type(f) is tuple else f.f_globals
            r["scopes"] = [{"name": "Locals", "ref": _val(f.f_locals, t, f, "s")} if _LOC and type(f) is not tuple
                           else {"name": "Locals", "ref": 0, "note": "locals need firmware with f_locals"},
                           {"name": "Globals", "ref": _val(d, t, f, "s")}]
        elif c == "eval":
            if h("mode") == "exec":
                _ev(h("x"), f, "exec")
                r["v"] = ""
            else:
                r = _val(_ev(h("x"), f, "eval"), t, f)
        elif c == "set":
            a = h("n")
            v = _ev(h("x"), f, "eval")
            if k == "s" and o is not (f[3] if type(f) is tuple else f.f_globals):
                _ev(a + "=" + h("x"), f, "exec")  # a local
            elif k == "s":
                o[a] = v
            elif isinstance(o, dict):
                o[eval(a, {})] = v
            elif isinstance(o, (list, bytearray)):
                o[int(a)] = v
            elif isinstance(o, (tuple, str, bytes, set, frozenset)):
                raise TypeError("a %s cannot be changed" % type(o).__name__)
            else:
                setattr(o, a, v)
            r = _val(v, t, f)
        elif c == "vars":
            a = h("start", 0)
            n = a + (h("count", 0) or 1 << 30)
            d = []
            e = 0
            if isinstance(o, (list, tuple, bytes, bytearray)):
                e = len(o)
                for b in range(a, min(n, e)):
                    d.append((str(b), o[b]))
            else:
                for b in sorted(o) if k == "s" else o if isinstance(o, (dict, set, frozenset)) else dir(o):
                    if k == "s":
                        if b == "__builtins__":
                            continue
                        v = (b, o[b])
                    elif isinstance(o, dict):
                        v = (repr(b), o[b])
                    elif isinstance(o, (set, frozenset)):
                        v = (str(e), b)
                    else:
                        if b[:2] == "__":
                            continue
                        try:
                            v = (b, getattr(o, b))
                        except Exception as y:
                            v = (b, y)
                        if callable(v[1]) and not isinstance(v[1], type):
                            continue
                    if a <= e < n:
                        d.append(v)
                    e += 1
            r["vars"] = o = []
            r["total"] = e
            for b in d:
                v = _val(b[1], t, f)
                v["n"] = b[0]
                o.append(v)
        elif c == "src":
            n = min(h("len", 0) or 16384, 16384)
            with open(h("file"), "rb") as b:
                b.seek(h("off", 0))
                d = b.read(n)
            for k in range(4):  # a slice may end inside a UTF-8 character
                try:
                    r["text"] = str(d[:len(d) - k], "utf-8")
                    break
                except UnicodeError:
                    pass
            else:
                raise ValueError("%s is not UTF-8 text" % h("file"))
            r["eof"] = len(d) < n
            r["n"] = len(d) - k
        elif c not in ("term", "bye"):
            r["e"] = "unknown command '%s'" % c
    except Exception as y:
        r = {"e": "%s failed: %s: %s" % (c, type(y).__name__, y)}
    finally:
        _io(-1)
        r["r"] = i
        _send(r)
    if c in ("term", "bye"):
        _link(None)
        if c == "term":
            raise SystemExit(1)


def _stop(f, a, k):
    # reports the stop (why a, extra fields k), then serves the host until it resumes this thread
    t = _tid()
    if not _sk:
        return
    _io(-1)
    _stopped[t] = f
    e = {"ev": "stopped", "t": t, "why": a, "line": f[0][2] if type(f) is list else f.f_lineno,
         "file": f[0][1] if type(f) is list else f.f_code.co_filename}
    if k:
        e.update(k)
    _send(e)
    while _sk and t in _stopped:
        _io(100)
    for k in list(_tab):
        if _tab[k][0] == t:
            del _tab[k]
    if _FT and _sk and type(f) is not list:
        while f and f.f_code.co_filename != _me:  # CPython: trace the callers too, so a step lands in them
            if f.f_trace is None:
                f.f_trace = _tr(None, f.f_code.co_filename)
            f = f.f_back


def _print(*a, **k):
    # the program's print while a host is attached: an out event, and the device's own output
    f = k.get("file")
    if _sk and (f is None or f is sys.stdout or f is sys.stderr):
        o = k.get("sep")
        o = " " if o is None else o
        e = ""
        for i in range(len(a)):
            e += (o if i else "") + str(a[i])
        o = k.get("end")
        _send({"ev": "out", "cat": "stderr" if f and f is sys.stderr else "stdout",
               "text": e + ("\n" if o is None else o)})
    _print0(*a, **k)


# ---- the device-side API


def debug_this_thread(*a):
    """Traces the calling thread (listen() and connect() do it for the thread that calls them)."""
    if not hasattr(sys, "settrace"):
        raise RuntimeError("no sys.settrace: build with MICROPY_PY_SYS_SETTRACE=1")
    sys.settrace(_call)
    t = _tid()
    if t not in _thr:
        _thr[t] = "thread" + str(len(_thr)) if _thr else "main"
        if len(_thr) > 1:
            _send({"ev": "thread", "t": t, "started": True})
    if _FT:
        import threading
        threading.settrace(debug_this_thread)  # CPython: a new thread calls this first
    if a:
        return _call(*a)


def listen(port=5678, host="127.0.0.1"):
    """Listens for a host and returns at once; the host is accepted at the next check."""
    global _ls, _pl
    import socket
    import select
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(socket.getaddrinfo(host, port)[0][-1])
    s.listen(1)
    s.setblocking(False)
    _ls = s
    if not _sk:
        _pl = select.poll()
        _pl.register(s, select.POLLIN)
    debug_this_thread()
    _io(0)


def connect(host, port):
    """Dials out to a host that waits for agents (for boards behind NAT)."""
    import socket
    s = socket.socket()
    s.connect(socket.getaddrinfo(host, port)[0][-1])
    debug_this_thread()
    _link(s)


def wait_for_client():
    """Blocks until a host attached and sent go."""
    if not _pl:
        raise RuntimeError("listen() or connect() first")
    while not (_sk and _go) and _pl:
        _io(100)


def is_client_connected():
    _io(0)
    return _sk is not None


def breakpoint():
    """Stops in the caller when a host is attached."""
    global _st
    _io(0)
    if not _sk:
        return
    if hasattr(sys, "_getframe"):
        return _stop(sys._getframe(1), "breakpoint", None)
    _st = [_tid(), "in", 0, "breakpoint", 0]  # MicroPython: stop at the next traced line
    _io(-1)


def disconnect():
    """Detaches the host, stops listening and tracing; the program keeps running."""
    global _ls
    s = _ls
    _ls = None
    _link(None)
    if s:
        s.close()
    sys.settrace(None)


# what this firmware's frames offer, and this file's name as the tracer sees it
_buf = []
sys.settrace(lambda f, e, a: _buf.append(f))
_io(-1)
sys.settrace(None)
_me, _LOC, _FT = _buf[0].f_code.co_filename, hasattr(_buf[0], "f_locals"), hasattr(_buf[0], "f_trace")
_buf = b""
if _FT:
    # CPython. _FT (true: frames have f_trace) doubles as the function that writes a frame's f_locals back
    # into its variables. It and the ends of threads come from a module of its own: MicroPython compiles
    # none of it (its qstr pool is full)
    try:
        import dapkit_agent_cpython

        _FT = dapkit_agent_cpython.install(globals())
    except ImportError:  # deployed without it: a set local sticks only in the frame being traced
        _FT = id

if __name__ == "__main__":
    # The runner. It drives the imported module, which programs import too: one agent state.
    # Only here, so that a board's `import dapkit_agent` does not pay RAM for it.
    import dapkit_agent as d

    a = sys.argv[1:]
    c = b = None
    v = False
    while a and a[0] in ("--connect", "--listen", "--wait"):
        o = a.pop(0)
        if o == "--wait":
            v = True
            continue
        h, _, s = a.pop(0).rpartition(":")
        h = (h or "127.0.0.1", int(s))
        if o == "--connect":
            c = h
        else:
            b = h
    if not a or a[0][:1] == "-":
        raise SystemExit("usage: dapkit_agent [--connect host:port | --listen [host:]port] [--wait] program.py args")
    s = a[0]
    d._main = s
    sys.argv[:] = a
    sys.path.insert(0, s.rpartition("/")[0])
    with open(s) as f:  # before the tracer is installed: with go's entry: true, no stop in a decoder
        f = compile(f.read(), s, "exec")
    if c:
        d.connect(*c)
    elif b:
        d.listen(b[1], b[0])
    else:
        d.debug_this_thread()
    if v:
        d.wait_for_client()
    h = {"__name__": "__main__", "__file__": s}
    r = 0
    try:
        exec(f, h)
    except SystemExit as y:
        r = y.args[0] if y.args else 0
        r = r if type(r) is int else (r is not None)
    except BaseException as y:
        r = 1
        sys.settrace(None)
        try:
            if d._sk and d._ex & 2:
                # uncaught: stop after the fact, with the traceback's frames
                if hasattr(y, "__traceback__"):
                    f = y.__traceback__
                    while f.tb_next:
                        f = f.tb_next
                    f = f.tb_frame
                else:  # MicroPython: names, files and lines from the printed traceback
                    import io

                    b = io.StringIO()
                    sys.print_exception(y, b)
                    f = []
                    for o in b.getvalue().split("\n"):
                        o = o.split('"')  # '  File "main.py", line 3, in f'
                        if len(o) == 3 and o[1] != d._me:
                            s = o[1]
                            o = o[2].split(", ")
                            e = h
                            for t in sys.modules.values():
                                if getattr(t, "__file__", None) == s:
                                    e = t.__dict__
                            f.insert(0, (o[2][3:], s, int(o[1][5:]), e))
                if f:
                    d._stop(f, "exception", {"exc": {"type": type(y).__name__, "msg": str(y)[:1024], "uncaught": True}})
        except SystemExit:
            sys.exit(1)
        except Exception as e:
            d._send("the stop at an uncaught exception failed: %r" % e)
        sys.settrace(None)
        # the traceback without the runner's own frame (where the program's exec was called)
        if hasattr(sys, "print_exception"):
            import io

            b = io.StringIO()
            sys.print_exception(y, b)
            for o in b.getvalue().split("\n"):
                if o and d._me not in o:
                    sys.stderr.write(o + "\n")
        else:
            import traceback

            traceback.print_exception(type(y), y, y.__traceback__.tb_next)
    finally:
        sys.settrace(None)
    d._send({"ev": "exit", "code": r})
    d.disconnect()
    sys.exit(r)
