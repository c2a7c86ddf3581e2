# dapkit agent: a small sys.settrace debugger for MicroPython >= 1.25 built with
# MICROPY_PY_SYS_SETTRACE=1, and for CPython 3. It speaks the dapkit link protocol
# (target-micropython/PROTOCOL.md) to dapkit's host, which keeps all DAP state.
#
# In a program (debugpy's names):
#   import dapkit_agent as d
#   d.listen(5678, "0.0.0.0")     # returns at once; the host is accepted at the next check
#   d.connect("192.168.1.2", 4711)  # or dial out to a host that waits for agents
#   d.wait_for_client()           # optional: block until a host attached and sent go
#   d.breakpoint()                # stop here when a host is attached
#   d.is_client_connected(); d.debug_this_thread(); d.disconnect()
#
# Runner (how the host launches a program on the unix port or on CPython):
#   python3 -m dapkit_agent --connect 127.0.0.1:4711 --wait program.py args...
#   MICROPYPATH=<folder of this file>:.frozen micropython -m dapkit_agent --connect 127.0.0.1:4711 --wait program.py
# --listen [host:]port waits for a host to attach instead; --wait blocks until the host sends go.
# The process exits with the program's status; the host gets an exit event.
#
# There is no thread of its own: the link is checked from the trace function every
# 400 trace events and from the API calls. Frames of files without breakpoints are not
# line-traced unless a step, a pause or "raised" exception breakpoints are active.
# Every function costs about 200 bytes of RAM on MicroPython (64-bit), so the code is
# kept in few, larger functions and uses no comprehensions.
import sys
import json

try:
    import _thread
except ImportError:
    _thread = None

_MP = sys.implementation.name == "micropython"
_tid = _thread.get_ident if _thread else int  # int() is 0: the only thread
_lk = _thread.allocate_lock() if _thread else None  # reading the link and dispatching commands
_wl = _thread.allocate_lock() if _thread else None  # writing to the link

_bps = {}  # file -> {line: None or [cond, hit, log, hits]}
_exr = _exu = False  # exception breakpoints: raised, uncaught
_all = False  # line-trace every frame: step in, pause, raised exceptions
_act = False  # a step or a pause is pending
_st = None  # the step: [thread or 0, "in" / "next" / "out", depth, why]
_pz = False  # pause requested
_lx = None  # the last exception stop: (id of the exception, depth)
_sk = _ls = _pl = None  # link, listening socket, poll object
_buf = b""
_go = False
_tee = True  # program output also goes to the device's stdout
_stopped = {}  # thread -> top frame, or a list of frame tuples after the program died
_tab = {}  # frame id / variables reference -> (thread, kind, object, frame)
_nid = 0
_thr = {}  # thread -> name
_main = None
_n = 0
_print0 = print


def _probe():
    r = []

    def t(f, e, a):
        r.append(f)

    sys.settrace(t)
    _upd()
    sys.settrace(None)
    return r[0].f_code.co_filename, hasattr(r[0], "f_locals"), hasattr(r[0], "f_trace")


def _call(f, e, a):
    global _n
    _n -= 1
    if _n < 0:
        _io(0)
    c = f.f_code
    if c.co_filename in _bps or _all and c.co_filename != _me or c.co_name == "<module>":
        return _line


def _line(f, e, a):
    global _n
    _n -= 1
    if _n < 0:
        _io(0)
    if e == "line":
        if _act or f.f_lineno in _bps.get(f.f_code.co_filename, ()):
            _slow(f, e, a)
    elif _act or _exr:
        _slow(f, e, a)
    return _line


def _upd():
    global _all, _act
    _act = bool(_st or _pz)
    _all = bool(_exr or _pz or (_st and _st[1] == "in"))


def _slow(f, e, a):
    # everything the trace function does beyond its fast path; never raises
    global _st, _pz, _lx
    t = _tid()
    if t in _stopped or not _sk:
        return
    try:
        st = _st
        d = 0
        if st or e == "exception":
            b = f
            while b:  # the frame's depth
                d += 1
                b = b.f_back
        if e == "exception":
            if not _exr:
                return
            x = a[1] if a else (sys.exc_info()[1] if hasattr(sys, "exc_info") else None)
            if isinstance(x, (StopIteration, GeneratorExit)):
                return
            lx = _lx
            _lx = (id(x) if x is not None else None, d)
            if lx and lx[1] > d and (x is None or lx[0] == id(x)):
                return  # the same exception, propagating to the caller
            return _stop(f, "exception", {"exc": {"type": type(x).__name__ if x is not None else "Exception",
                                                  "msg": str(x)[:1024] if x is not None else "", "uncaught": False}})
        if e == "return":
            if not st or st[1] == "in" or st[0] and st[0] != t or d != st[2]:
                return
            b = f.f_back
            if not _FT and b and b.f_code.co_filename not in _bps and b.f_code.co_name != "<module>":
                _st = None  # MicroPython: the caller was entered untraced and cannot be traced now
                _upd()
                return _stop(b, st[3], None)
            _st = [st[0], "in", 0, st[3]]  # bdb: once the frame returned, stop at the next line anywhere
            return _upd()
        if e != "line":
            return
        b = _bps.get(f.f_code.co_filename, ())
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
                m = b[2]
                o = ""
                i = 0
                while True:  # a logpoint: "text {expr} text"
                    j = m.find("{", i)
                    q = m.find("}", j)
                    if j < 0 or q < 0:
                        break
                    try:
                        v = str(_ev(m[j + 1:q], f, "eval"))
                    except Exception as y:
                        v = "<%r>" % y
                    o += m[i:j] + v
                    i = q + 1
                _send({"ev": "out", "cat": "console", "text": o + m[i:] + "\n"})
                k = True
            if not k or type(k) is dict:
                return _stop(f, "breakpoint", k or None)
        if _pz:
            _pz = False
            _upd()
            return _stop(f, "pause", None)
        if st and (not st[0] or st[0] == t) and (st[1] == "in" or d <= st[2] - (st[1] == "out")):
            _st = None
            _upd()
            _stop(f, st[3], None)
    except Exception as y:
        _send("%s event at %s:%s failed: %r" % (e, f.f_code.co_filename, f.f_lineno, y))


def _ev(x, f, mode):
    if type(f) is tuple:
        g, l = f[3], None
    else:
        g, l = f.f_globals, f.f_locals if _LOC else None
    if mode == "eval":
        return eval(x, g, l) if l is not None else eval(x, g)
    if l is None:
        return exec(x, g)
    exec(x, g, l)
    try:  # CPython <= 3.12: f_locals is a snapshot; write it back into the frame
        import ctypes
        ctypes.pythonapi.PyFrame_LocalsToFast(ctypes.py_object(f), ctypes.c_int(0))
    except Exception:
        pass


# ---- the link


def _send(o):
    # a message to the host; a str is an agent error, reported as console output
    s = _sk
    if not s:
        return
    if type(o) is str:
        o = {"ev": "out", "cat": "console", "text": "dapkit agent: %s\n" % o}
    d = b"\x1e" + json.dumps(o, separators=(",", ":")).encode() + b"\n"
    if _wl:
        _wl.acquire()
    try:
        s.write(d) if _MP else s.sendall(d)
    except Exception:
        _link(None)
    finally:
        if _wl:
            _wl.release()


def _link(s):
    # a host attached (s is its socket), or left (s is None: bye, term, EOF or a failed write)
    global _sk, _pl, _buf, _go, _n, _bps, _exr, _exu, _st, _pz
    import select
    import builtins
    import gc
    import os
    o = _sk
    _sk = s
    _buf = b""
    _go = False
    _n = 0
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
    _bps = {}
    _exr = _exu = _pz = False
    _st = None
    _upd()
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


def _io(ms):
    # checks the link (waits up to ms when ms > 0): accepts a host, reads and dispatches commands
    global _n, _buf
    _n = 400  # trace events until the next check
    if _lk and not _lk.acquire(ms > 0):
        return
    try:
        if _pl and _pl.poll(ms):
            if not _sk:
                try:
                    s = _ls.accept()[0]
                except OSError:
                    return
                return _link(s)
            try:
                d = _sk.recv(4096)
            except OSError:
                d = b""
            if not d:
                return _link(None)
            b = _buf + d
            while _sk:
                i = b.find(b"\n")
                if i < 0:
                    break
                ln = b[:i]
                b = b[i + 1:]
                _buf = b
                if ln[:1] == b"\x1e":
                    ln = ln[1:]
                if ln.strip():
                    _do(ln)
            if _sk:
                _buf = b
    except Exception as y:
        _send("link: %r" % y)
    finally:
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
        r = repr(v) if n < 100 else "%s (len %d)" % (s.__name__, n)
    except Exception as y:
        r = "<repr failed: %r>" % y
    if len(r) > 1024:
        r = r[:1024] + "\u2026"
    k = n > 0 or n < 0 and not isinstance(v, (int, float, str, bool, type(None), complex, type)) and not callable(v)
    return {"v": r, "t": s.__name__, "ref": _val(v, t, f, "v") if k else 0, "size": max(n, 0)}


def _do(ln):
    # one request from the host: exactly one reply
    global _go, _tee, _st, _exr, _exu, _pz
    try:
        m = json.loads(ln)
        i = m["i"]
    except Exception as y:
        return _send("ignored a bad line from the host: %r (%r)" % (ln[:200], y))
    c = m.get("c")
    r = {}
    try:
        if c == "go":
            _go = True
            _tee = m.get("tee", True)
            if m.get("entry"):
                _st = [0, "in", 0, "entry"]
        elif c == "bp":
            p = m["file"]
            d = {}
            for b in m.get("lines", ()):
                k = [b.get("cond"), b.get("hit"), b.get("log"), 0]
                d[b["line"]] = k if k[0] or k[1] or k[2] else None
            ks = [p]
            import os
            w = os.getcwd()
            if p.startswith(w + "/"):
                ks.append(p[len(w) + 1:])
            elif p[:1] != "/":
                ks.append(w + "/" + p)
            for k in ks:
                if d:
                    _bps[k] = d
                else:
                    _bps.pop(k, None)
            try:
                open(p).close()
                r["exists"] = True
            except OSError:
                r["exists"] = False
        elif c == "exc":
            _exr = bool(m.get("raised"))
            _exu = bool(m.get("uncaught"))
        elif c in ("cont", "next", "in", "out"):
            t = m["t"]
            f = _stopped.get(t)
            if f is None:
                raise ValueError("thread %s is not stopped" % t)
            del _stopped[t]
            _st = None
            if c != "cont" and type(f) is not list:
                _st = [t, c, 0, "step"]
                while f:
                    _st[2] += 1
                    f = f.f_back
        elif c == "pause":
            _pz = True
        elif c == "threads":
            r["threads"] = o = []
            for k in _thr or {_tid(): "main"}:
                o.append({"id": k, "name": _thr.get(k, "main")})
        elif c in ("stack", "scopes", "vars", "eval", "set"):
            if c == "stack":
                t = m["t"]
                f = _stopped.get(t)
                if f is None:
                    raise ValueError("thread %s is not stopped" % t)
                fs = f
                if type(f) is not list:
                    fs = []
                    while f:
                        if f.f_code.co_filename != _me:
                            fs.append(f)
                        elif fs:
                            break
                        f = f.f_back
                a = m.get("start", 0)
                n = m.get("levels", 0) or len(fs)
                o = []
                for f in fs[a:a + n]:
                    o.append({"id": _val(f, t, f, "f"), "name": f[0] if type(f) is tuple else f.f_code.co_name,
                              "file": f[1] if type(f) is tuple else f.f_code.co_filename,
                              "line": f[2] if type(f) is tuple else f.f_lineno})
                r["frames"] = o
                r["total"] = len(fs)
                return
            e = _tab.get(m.get("f") or m.get("ref"))
            if not e:
                raise ValueError("no frame or reference %s (resumed?)" % (m.get("f") or m.get("ref")))
            t, k, o, f = e
            if c == "scopes":
                g = f[3] if type(f) is tuple else f.f_globals
                r["scopes"] = [{"name": "Locals", "ref": _val(f.f_locals, t, f, "s")} if _LOC and type(f) is not tuple
                               else {"name": "Locals", "ref": 0, "note": "locals need firmware with f_locals"},
                               {"name": "Globals", "ref": _val(g, t, f, "s")}]
            elif c == "eval":
                md = m.get("mode", "eval")
                v = _ev(m["x"], f, md)
                r.update(_val(v, t, f) if md == "eval" else {"v": ""})
            elif c == "set":
                n = m["n"]
                v = _ev(m["x"], f, "eval")
                if k == "s" and o is not (f[3] if type(f) is tuple else f.f_globals):
                    _ev("%s = %s" % (n, m["x"]), f, "exec")  # locals, written back into the frame
                elif k == "s":
                    o[n] = v
                elif isinstance(o, dict):
                    o[eval(n, {})] = v
                elif isinstance(o, (list, bytearray)):
                    o[int(n)] = v
                elif isinstance(o, (tuple, str, bytes, set, frozenset)):
                    raise TypeError("a %s cannot be changed" % type(o).__name__)
                else:
                    setattr(o, n, v)
                r.update(_val(v, t, f))
            else:
                a = m.get("start", 0)
                n = a + (m.get("count", 0) or 1 << 30)
                o2 = []
                j = 0
                if isinstance(o, (list, tuple, bytes, bytearray)):
                    j = len(o)
                    for q in range(a, min(n, j)):
                        o2.append((str(q), o[q]))
                else:
                    if k == "s":
                        ks = sorted(o)
                    elif isinstance(o, (dict, set, frozenset)):
                        ks = o
                    else:
                        ks = dir(o)
                    for q in ks:
                        if k == "s":
                            if q == "__builtins__":
                                continue
                            x = (q, o[q])
                        elif isinstance(o, dict):
                            x = (repr(q), o[q])
                        elif isinstance(o, (set, frozenset)):
                            x = (str(j), q)
                        else:
                            if q[:2] == "__":
                                continue
                            try:
                                x = (q, getattr(o, q))
                            except Exception as y:
                                x = (q, y)
                            if callable(x[1]) and not isinstance(x[1], type):
                                continue
                        if a <= j < n:
                            o2.append(x)
                        j += 1
                r["vars"] = o = []
                for x in o2:
                    v = _val(x[1], t, f)
                    v["n"] = x[0]
                    o.append(v)
                r["total"] = j
        elif c == "src":
            n = min(m.get("len", 0) or 16384, 16384)
            with open(m["file"], "rb") as h:
                h.seek(m.get("off", 0))
                d = h.read(n)
            for k in range(4):  # a slice may end inside a UTF-8 character
                try:
                    r["text"] = str(d[:len(d) - k], "utf-8")
                    break
                except UnicodeError:
                    pass
            else:
                raise ValueError("%s is not UTF-8 text" % m["file"])
            r["eof"] = len(d) < n
            r["n"] = len(d) - k
        elif c not in ("term", "bye"):
            r["e"] = "unknown command '%s'" % c
    except Exception as y:
        r = {"e": "%s failed: %s: %s" % (c, type(y).__name__, y)}
    finally:
        _upd()
        r["r"] = i
        _send(r)
    if c in ("term", "bye"):
        _link(None)
        if c == "term":
            raise SystemExit(1)


def _stop(f, why, kw):
    # reports the stop, then serves the host until it resumes this thread
    t = _tid()
    if not _sk:
        return
    _stopped[t] = f
    e = {"ev": "stopped", "t": t, "why": why, "line": f[0][2] if type(f) is list else f.f_lineno,
         "file": f[0][1] if type(f) is list else f.f_code.co_filename}
    if kw:
        e.update(kw)
    _send(e)
    while _sk and t in _stopped:
        _io(100)
    for k in list(_tab):
        if _tab[k][0] == t:
            del _tab[k]
    if _FT and _sk and type(f) is not list:
        while f and f.f_code.co_filename != _me:  # CPython: trace the callers too, so a step lands in them
            if f.f_trace is None:
                f.f_trace = _line
            f = f.f_back


def _print(*a, **k):
    f = k.get("file")
    if _sk and (f is None or f is sys.stdout or f is sys.stderr):
        s = k.get("sep")
        e = k.get("end")
        s = " " if s is None else s
        o = ""
        for x in range(len(a)):
            o += (s if x else "") + str(a[x])
        _send({"ev": "out", "cat": "stderr" if f and f is sys.stderr else "stdout",
               "text": o + ("\n" if e is None else e)})
        if not _tee:
            return
    _print0(*a, **k)


# ---- the device-side API


def debug_this_thread(*a):
    """Traces the calling thread (the agent's API calls do it for the thread that calls them)."""
    if not hasattr(sys, "settrace"):
        raise RuntimeError("no sys.settrace: build with MICROPY_PY_SYS_SETTRACE=1")
    sys.settrace(_call)
    t = _tid()
    if t not in _thr:
        _thr[t] = "thread %d" % len(_thr) if _thr else "main"
        if len(_thr) > 1:
            _send({"ev": "thread", "t": t, "started": True})
    if not _MP:
        import threading
        threading.settrace(debug_this_thread)  # CPython: new threads call this first
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
    _st = [_tid(), "in", 0, "breakpoint"]  # MicroPython: stop at the next traced line
    _upd()


def disconnect():
    """Detaches the host, stops listening and tracing; the program keeps running."""
    global _ls
    s = _ls
    _ls = None
    _link(None)
    if s:
        s.close()
    sys.settrace(None)


_me, _LOC, _FT = _probe()
del _probe

if __name__ == "__main__":
    # The runner. It drives the imported module, which programs import too: one agent state.
    # Defined only here so that a board's `import dapkit_agent` does not pay RAM for it.
    import dapkit_agent as d

    a = sys.argv[1:]
    c = l = None
    w = False
    while a and a[0][:2] == "--":
        o = a.pop(0)
        if o == "--wait":
            w = True
        elif o in ("--connect", "--listen"):
            h, _, p = a.pop(0).rpartition(":")
            h = (h or "127.0.0.1", int(p))
            if o == "--connect":
                c = h
            else:
                l = h
        else:
            a = ()
    if not a:
        raise SystemExit("usage: dapkit_agent [--connect host:port | --listen [host:]port] [--wait] program.py args")
    path = a[0]
    d._main = path
    sys.argv[:] = a
    sys.path.insert(0, path.rpartition("/")[0])
    if c:
        d.connect(*c)
    elif l:
        d.listen(l[1], l[0])
    else:
        d.debug_this_thread()
    if w:
        d.wait_for_client()
    g = {"__name__": "__main__", "__file__": path}
    with open(path) as h:
        c = compile(h.read(), path, "exec")
    r = 0
    try:
        exec(c, g)
    except SystemExit as y:
        r = y.args[0] if y.args else 0
        r = r if type(r) is int else (r is not None)
    except BaseException as y:
        r = 1
        sys.settrace(None)
        try:
            if d._sk and d._exu:
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
                    for ln in b.getvalue().split("\n"):
                        ln = ln.strip()
                        if ln.startswith('File "'):
                            p, _, q = ln[6:].partition('", line ')
                            q, _, n = q.partition(", in ")
                            if p != d._me:
                                gm = g
                                for mo in sys.modules.values():
                                    if getattr(mo, "__file__", None) == p:
                                        gm = mo.__dict__
                                f.insert(0, (n, p, int(q), gm))
                if f:
                    d._stop(f, "exception", {"exc": {"type": type(y).__name__, "msg": str(y)[:1024], "uncaught": True}})
        except SystemExit:
            sys.exit(1)
        except Exception as z:
            d._send("the stop at an uncaught exception failed: %r" % z)
        if d._MP:
            sys.print_exception(y)
        else:
            import traceback

            traceback.print_exception(type(y), y, y.__traceback__)
    finally:
        sys.settrace(None)
    d._send({"ev": "exit", "code": r})
    d.disconnect()
    sys.exit(r)
