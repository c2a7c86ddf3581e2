# dapkit agent: a small sys.settrace debugger for MicroPython >= 1.25 (built with
# MICROPY_PY_SYS_SETTRACE=1) and CPython 3. It speaks the dapkit link protocol
# (target-micropython/PROTOCOL.md) to dapkit's host, which keeps all DAP state.
#
# In a program (debugpy's names):
#   import dapkit_agent as d
#   d.listen(5678, "0.0.0.0")  # returns at once; the host is accepted on the next check
#   d.connect("192.168.1.2", 4711)  # or: dial out to a waiting host
#   d.wait_for_client()        # optional: block until a host attached and sent go
#   d.breakpoint()             # stop here if a host is attached
#   d.is_client_connected(); d.debug_this_thread(); d.disconnect()
#
# Runner (how the host launches a program on the unix port or CPython):
#   python3 -m dapkit_agent --connect 127.0.0.1:4711 [--wait] program.py args...
#   MICROPYPATH=<dir of this file>:.frozen micropython -m dapkit_agent --connect ... program.py
#   micropython -c "import dapkit_agent as d; d.run_file('main.py', connect=('127.0.0.1', 4711), wait=True)"
#   --listen [host:]port instead of --connect waits for a host to attach; --wait blocks until go.
#   The exit status is the program's; the host gets an exit event.
#
# No thread of its own: the link is checked from the trace function every _N events
# and from the API calls. Frames of files without breakpoints are not line-traced
# unless a step, pause or "raised" exception breakpoint is active.
import sys
import json
try:
    import _thread
except ImportError:
    _thread = None
try:
    import select
except ImportError:
    import uselect as select
import socket

VERSION = "1.0.0"
_MP = sys.implementation.name == "micropython"
_N = 400  # trace events between two checks of the link
_tid = _thread.get_ident if _thread else (lambda: 1)
_lk = _thread.allocate_lock() if _thread else None  # reading and dispatching
_wl = _thread.allocate_lock() if _thread else None  # writing

_bps = {}  # file -> {line: None | [cond, hit, log, hits]}
_exr = _exu = False  # exception breakpoints: raised, uncaught
_all = False  # line-trace every frame (step in, pause, raised exceptions)
_act = False  # a step or a pause is pending
_st = None  # [thread, kind "in"/"next"/"out", depth, why]
_pz = False
_lx = None  # (id of the last reported exception, depth)
_sk = _ls = _pl = None  # link, listening socket, poll object of the link
_buf = b""
_go = False
_tee = True
_stopped = {}  # thread -> top frame, or a list of frame tuples (post mortem)
_tab = {}  # frame id / variables ref -> (thread, kind, object, frame)
_nid = 0
_thr = {}  # thread -> name
_main = None
_cnt = None  # debug counters (runner --count)
_n = _N
_print0 = print


def _probe():
    r = []

    def t(f, e, a):
        r.append(f)

    def nop():
        pass

    sys.settrace(t)
    nop()
    sys.settrace(None)
    f = r[0]
    return f.f_code.co_filename, hasattr(f, "f_locals"), hasattr(f, "f_trace")


_me, _LOC, _FT = _probe()


def _call(f, e, a):
    global _n
    _n -= 1
    if _n < 0:
        _tick()
    c = f.f_code
    if c.co_filename in _bps or (_all and c.co_filename != _me) or c.co_name == "<module>":
        return _line
    return None


def _line(f, e, a):
    global _n
    _n -= 1
    if _n < 0:
        _tick()
    if e == "line":
        if _act:
            _onstep(f)
        else:
            s = _bps.get(f.f_code.co_filename)
            if s and f.f_lineno in s:
                _onbp(f, s[f.f_lineno])
    elif e == "exception":
        if _exr:
            _onexc(f, a)
    elif e == "return":
        if _act:
            _onret(f)
    return _line


def _upd():
    global _all, _act
    _act = bool(_st or _pz)
    _all = bool(_exr or _pz or (_st and _st[1] == "in"))


def _depth(f):
    d = 0
    while f:
        d += 1
        f = f.f_back
    return d


def _err(m):
    try:
        _send({"ev": "out", "cat": "console", "text": "dapkit agent: %s\n" % m})
    except Exception:
        pass


def _onbp(f, b):
    t = _tid()
    if t in _stopped or not _sk:
        return
    try:
        if b is None:
            return _stop(f, "breakpoint")
        c, h, m, n = b
        x = None
        if c:
            try:
                if not _ev(c, f):
                    return
            except Exception as y:
                x = "condition failed: %r" % y
        b[3] = n = n + 1
        if h and not _hit(h, n):
            return
        if m:
            return _send({"ev": "out", "cat": "console", "text": _fmt(m, f) + "\n"})
        _stop(f, "breakpoint", text=x) if x else _stop(f, "breakpoint")
    except Exception as y:
        _err("breakpoint at %s:%d failed: %r" % (f.f_code.co_filename, f.f_lineno, y))


def _hit(h, n):
    h = h.strip()
    if h[0] == "%":
        return n % int(h[1:]) == 0
    if h[:2] == ">=":
        return n >= int(h[2:])
    if h[0] == ">":
        return n > int(h[1:])
    return n == int(h.lstrip("="))


def _fmt(m, f):
    o = []
    i = 0
    while True:
        j = m.find("{", i)
        if j < 0:
            break
        k = m.find("}", j)
        if k < 0:
            break
        o.append(m[i:j])
        try:
            o.append(str(_ev(m[j + 1:k], f)))
        except Exception as y:
            o.append("<%r>" % y)
        i = k + 1
    o.append(m[i:])
    return "".join(o)


def _ev(x, f, mode="eval"):
    g = f.f_globals if not isinstance(f, tuple) else f[3]
    l = _fl(f)
    if mode == "exec":
        if l is None:
            return exec(x, g)
        exec(x, g, l)
        return _l2f(f)
    return eval(x, g, l) if l is not None else eval(x, g)


def _fl(f):
    if isinstance(f, tuple):
        return None
    return f.f_locals if _LOC else None


def _onstep(f):
    global _st, _pz
    t = _tid()
    if t in _stopped or not _sk:
        return
    try:
        s = _bps.get(f.f_code.co_filename)
        if s and f.f_lineno in s:
            st = _st
            _onbp(f, s[f.f_lineno])
            if st is not _st or t in _stopped:
                return
        if _pz:
            _pz = False
            _upd()
            return _stop(f, "pause")
        st = _st
        if not st or (st[0] and st[0] != t):
            return
        if st[1] == "in" or _depth(f) <= st[2] - (st[1] == "out"):
            _st = None
            _upd()
            _stop(f, st[3])
    except Exception as y:
        _err("step failed: %r" % y)


def _onret(f):
    global _st
    try:
        st = _st
        if not st or st[1] == "in" or (st[0] and st[0] != _tid()) or _depth(f) != st[2]:
            return
        b = f.f_back
        if not _FT and b and b.f_code.co_filename not in _bps and b.f_code.co_name != "<module>":
            # MicroPython: the caller was entered untraced and cannot be line-traced now
            _st = None
            _upd()
            return _stop(b, st[3])
        _st = [st[0], "in", 0, st[3]]  # bdb: after the frame returns, stop at the next line anywhere
        _upd()
    except Exception as y:
        _err("step failed: %r" % y)


def _onexc(f, a):
    global _lx
    t = _tid()
    if t in _stopped or not _sk:
        return
    try:
        x = a[1] if a else (sys.exc_info()[1] if hasattr(sys, "exc_info") else None)
        if isinstance(x, (StopIteration, GeneratorExit)):
            return
        d = _depth(f)
        lx = _lx
        _lx = (id(x) if x is not None else None, d)
        if lx and ((x is not None and lx[0] == id(x)) or (x is None and lx[1] == d + 1)):
            return
        _stop(f, "exception", exc=_exd(x, False))
    except Exception as y:
        _err("exception breakpoint failed: %r" % y)


def _exd(x, u):
    if x is None:
        return {"type": "Exception", "msg": "", "uncaught": u}
    return {"type": type(x).__name__, "msg": _cut(str(x)), "uncaught": u}


# ---- the link


def _send(o):
    s = _sk
    if not s:
        return
    d = b"\x1e" + json.dumps(o, separators=(",", ":")).encode() + b"\n"
    if _wl:
        _wl.acquire()
    try:
        if _MP:
            s.write(d)
        else:
            s.sendall(d)
    except Exception:
        _drop()
    finally:
        if _wl:
            _wl.release()


def _attach(s):
    global _sk, _pl, _buf, _go, _n
    import builtins
    s.setblocking(True)
    _sk = s
    _buf = b""
    _go = False
    _pl = select.poll()
    _pl.register(s, select.POLLIN)
    builtins.print = _print
    _n = 0
    import os
    gc = _gc()
    _send({"ev": "hello", "proto": 1, "agent": VERSION, "impl": sys.implementation.name,
           "version": ".".join(str(v) for v in sys.implementation.version[:3]), "platform": sys.platform,
           "locals": _LOC, "threads": bool(_thread), "mem_free": gc.mem_free() if hasattr(gc, "mem_free") else -1,
           "main": _main, "cwd": os.getcwd(), "sep": "/"})


def _gc():
    import gc
    gc.collect()
    return gc


def _drop():
    # the host left (bye, EOF or a write error): forget it and everything it set up
    global _sk, _pl, _bps, _exr, _exu, _st, _pz, _go
    s = _sk
    _sk = _pl = None
    _bps = {}
    _exr = _exu = _pz = _go = False
    _st = None
    _upd()
    _stopped.clear()
    _tab.clear()
    import builtins
    builtins.print = _print0
    if s:
        try:
            s.close()
        except Exception:
            pass


def _accept():
    try:
        s, _ = _ls.accept()
    except OSError:
        return
    _attach(s)


def _tick():
    global _n
    _n = _N
    if _lk and not _lk.acquire(0):
        return
    try:
        if not _sk:
            if _ls:
                _accept()
        elif _pl.poll(0):
            _read()
    except Exception as y:
        _err("link check failed: %r" % y)
    finally:
        if _lk:
            _lk.release()


def _read():
    # one recv (the caller knows it will not block), then every complete line
    global _buf
    try:
        d = _sk.recv(4096)
    except OSError:
        d = b""
    if not d:
        return _drop()
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


def _pump(ms):
    # waits up to ms for the host, then dispatches what arrived
    if _lk:
        _lk.acquire()
    try:
        if _sk and _pl.poll(ms):
            _read()
    finally:
        if _lk:
            _lk.release()


def _do(ln):
    try:
        m = json.loads(ln)
        i = m.get("i")
    except Exception as y:
        return _err("ignored a malformed line from the host (%r): %s" % (y, _cut(repr(ln), 200)))
    if i is None:
        return _err("ignored a line without a request id: %s" % _cut(repr(ln), 200))
    c = m.get("c")
    f = _CMD.get(c)
    if not f:
        return _send({"r": i, "e": "unknown command '%s'" % c})
    try:
        r = f(m)
    except Exception as y:
        return _send({"r": i, "e": "%s failed: %s: %s" % (c, type(y).__name__, y)})
    r = r if r is not None else {}
    r["r"] = i
    _send(r)
    if c in ("term", "bye"):
        _drop()
        if c == "term":
            raise SystemExit(1)


# ---- stopping


def _stop(f, why, **kw):
    t = _tid()
    if not _sk:
        return
    _stopped[t] = f
    if isinstance(f, list):
        l, p = f[0][2], f[0][1]
    else:
        l, p = f.f_lineno, f.f_code.co_filename
    e = {"ev": "stopped", "t": t, "why": why, "line": l, "file": p}
    e.update(kw)
    _send(e)
    while _sk and t in _stopped:
        _pump(100)
    for k in [k for k in _tab if _tab[k][0] == t]:
        del _tab[k]
    if _FT and _sk and not isinstance(f, list):
        while f:  # CPython: trace the callers too, so stepping out lands in them
            if f.f_code.co_filename == _me:
                break
            if f.f_trace is None:
                f.f_trace = _line
            f = f.f_back


def _frames(t):
    f = _stopped.get(t)
    if f is None:
        raise ValueError("thread %s is not stopped" % t)
    if isinstance(f, list):
        return f
    r = []
    while f:
        if f.f_code.co_filename == _me:
            if r:
                break
        else:
            r.append(f)
        f = f.f_back
    return r


def _ref(t, k, o, f):
    global _nid
    _nid += 1
    _tab[_nid] = (t, k, o, f)
    return _nid


def _get(i):
    e = _tab.get(i)
    if not e:
        raise ValueError("unknown reference %s (the thread resumed?)" % i)
    return e


def _fi(f):
    if isinstance(f, tuple):
        return f[0], f[1], f[2]
    return f.f_code.co_name, f.f_code.co_filename, f.f_lineno


# ---- values

_LEAF = (int, float, str, bool, type(None), complex, type)


def _cut(s, n=1024):
    return s if len(s) <= n else s[:n] + "\u2026"


def _val(v, t, f):
    try:
        s = repr(v) if not (_seq(v) and len(v) > 100) else "%s (len %d)" % (type(v).__name__, len(v))
    except Exception as y:
        s = "<repr failed: %r>" % y
    r = {"v": _cut(s), "t": type(v).__name__, "ref": 0, "size": 0}
    if _seq(v):
        r["size"] = len(v)
        if len(v):
            r["ref"] = _ref(t, "v", v, f)
    elif not isinstance(v, _LEAF) and not callable(v):
        r["ref"] = _ref(t, "v", v, f)
    return r


def _seq(v):
    return isinstance(v, (list, tuple, dict, set, frozenset, bytes, bytearray))


def _attrs(v):
    r = []
    for n in dir(v):
        if n[:2] == "__":
            continue
        try:
            a = getattr(v, n)
        except Exception:
            continue
        if not callable(a) or isinstance(a, type):
            r.append(n)
    return r


def _kids(k, o):
    # (child name, value) pairs of a container, a scope dict or an object
    if k == "s":
        for n in sorted(o):
            if n != "__builtins__":
                yield n, o[n]
    elif isinstance(o, dict):
        for n in o:
            yield repr(n), o[n]
    elif isinstance(o, (list, tuple, bytes, bytearray)):
        for i in range(len(o)):
            yield str(i), o[i]
    elif isinstance(o, (set, frozenset)):
        i = 0
        for v in o:
            yield str(i), v
            i += 1
    else:
        for n in _attrs(o):
            try:
                yield n, getattr(o, n)
            except Exception as y:
                yield n, y


# ---- commands


def _c_go(m):
    global _go, _tee, _st
    _go = True
    _tee = m.get("tee", True)
    if m.get("entry"):
        _st = [0, "in", 0, "entry"]
        _upd()


def _c_bp(m):
    p = m["file"]
    d = {}
    for b in m.get("lines", ()):
        c, h, l = b.get("cond"), b.get("hit"), b.get("log")
        d[b["line"]] = [c, h, l, 0] if c or h or l else None
    ks = [p]
    try:
        import os
        w = os.getcwd()
        if p.startswith(w + "/"):
            ks.append(p[len(w) + 1:])
        elif p[:1] != "/":
            ks.append(w + "/" + p)
    except Exception:
        pass
    for k in ks:
        if d:
            _bps[k] = d
        else:
            _bps.pop(k, None)
    try:
        open(p).close()
        x = True
    except OSError:
        x = False
    return {"exists": x}


def _c_exc(m):
    global _exr, _exu
    _exr = bool(m.get("raised"))
    _exu = bool(m.get("uncaught"))
    _upd()


def _resume(k):
    def c(m):
        global _st
        t = m["t"]
        f = _stopped.get(t)
        if f is None:
            raise ValueError("thread %s is not stopped" % t)
        if k and not isinstance(f, list):
            _st = [t, k, _depth(f), "step"]
        else:
            _st = None
        _upd()
        del _stopped[t]
    return c


def _c_pause(m):
    global _pz
    _pz = True
    _upd()


def _c_threads(m):
    t = dict(_thr)
    if not t:
        t[_tid()] = "main"
    return {"threads": [{"id": k, "name": t[k]} for k in t]}


def _c_stack(m):
    t = m["t"]
    fs = _frames(t)
    a = m.get("start", 0)
    n = m.get("levels", 0)
    r = []
    for f in fs[a:a + n if n else len(fs)]:
        nm, p, l = _fi(f)
        r.append({"id": _ref(t, "f", f, f), "name": nm, "file": p, "line": l})
    return {"frames": r, "total": len(fs)}


def _c_scopes(m):
    t, k, f, _ = _get(m["f"])
    if k != "f":
        raise ValueError("%s is not a frame id" % m["f"])
    l = _fl(f)
    s = [{"name": "Locals", "ref": _ref(t, "s", l, f)} if l is not None else
         {"name": "Locals", "ref": 0, "note": "locals need firmware with f_locals"},
         {"name": "Globals", "ref": _ref(t, "s", f[3] if isinstance(f, tuple) else f.f_globals, f)}]
    return {"scopes": s}


def _c_vars(m):
    t, k, o, f = _get(m["ref"])
    a = m.get("start", 0)
    n = m.get("count", 0)
    r = []
    i = 0
    for nm, v in _kids(k, o):
        if i >= a and (not n or i < a + n):
            e = _val(v, t, f)
            e["n"] = nm
            r.append(e)
        i += 1
    return {"vars": r, "total": i}


def _c_eval(m):
    t, k, f, _ = _get(m["f"])
    md = m.get("mode", "eval")
    v = _ev(m["x"], f, md)
    return {"v": ""} if md == "exec" else _val(v, t, f)


def _c_set(m):
    t, k, o, f = _get(m["ref"])
    n = m["n"]
    v = _ev(m["x"], f)
    if k == "s":
        o[n] = v
        if o is not (f[3] if isinstance(f, tuple) else f.f_globals):
            _l2f(f)
    elif isinstance(o, dict):
        o[eval(n, {})] = v
    elif isinstance(o, (list, bytearray)):
        o[int(n)] = v
    elif isinstance(o, (tuple, str, bytes, set, frozenset)):
        raise TypeError("a %s cannot be changed" % type(o).__name__)
    else:
        setattr(o, n, v)
    return _val(v, t, f)


def _l2f(f):
    # CPython <= 3.12: f_locals is a snapshot; copy it back into the frame
    try:
        import ctypes
        ctypes.pythonapi.PyFrame_LocalsToFast(ctypes.py_object(f), ctypes.c_int(0))
    except Exception:
        pass


def _c_src(m):
    n = min(m.get("len", 16384) or 16384, 16384)
    with open(m["file"], "rb") as h:
        h.seek(m.get("off", 0))
        d = h.read(n)
    e = len(d) < n
    for c in range(4):
        try:
            s = str(d[:len(d) - c], "utf-8")
            break
        except UnicodeError:
            pass
    else:
        raise ValueError("%s is not UTF-8 text" % m["file"])
    return {"text": s, "eof": e and c == 0, "n": len(d) - c}


def _c_nop(m):
    pass


def _c_dbg(m):
    return {"counts": _cnt} if _cnt is not None else {"counts": None}


_CMD = {"go": _c_go, "bp": _c_bp, "exc": _c_exc, "cont": _resume(None), "next": _resume("next"),
        "in": _resume("in"), "out": _resume("out"), "pause": _c_pause, "threads": _c_threads,
        "stack": _c_stack, "scopes": _c_scopes, "vars": _c_vars, "eval": _c_eval, "set": _c_set,
        "src": _c_src, "term": _c_nop, "bye": _c_nop, "dbg": _c_dbg}


# ---- program output


def _print(*a, **k):
    f = k.get("file")
    if _sk and (f is None or f is sys.stdout or f is sys.stderr):
        s = k.get("sep")
        e = k.get("end")
        try:
            _send({"ev": "out", "cat": "stderr" if f and f is sys.stderr else "stdout",
                   "text": (" " if s is None else s).join([str(x) for x in a]) + ("\n" if e is None else e)})
        except Exception as y:
            _err("print failed: %r" % y)
        if not _tee:
            return
    _print0(*a, **k)


# ---- the device-side API


def _trace():
    if not hasattr(sys, "settrace"):
        raise RuntimeError("dapkit agent: this firmware has no sys.settrace (build it with MICROPY_PY_SYS_SETTRACE=1)")
    sys.settrace(_call)
    _thr.setdefault(_tid(), "main" if not _thr else "thread %d" % len(_thr))
    if not _MP:
        import threading
        threading.settrace(_tstart)


def _tstart(f, e, a):
    debug_this_thread()
    return _call(f, e, a)


def listen(port=5678, host="127.0.0.1"):
    """Listens for a host and returns at once; the host is accepted on the next check."""
    global _ls
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(socket.getaddrinfo(host, port)[0][-1])
    s.listen(1)
    s.setblocking(False)
    _ls = s
    _trace()
    _tick()
    return s.getsockname() if hasattr(s, "getsockname") else (host, port)


def connect(host, port):
    """Dials out to a host that waits for agents."""
    s = socket.socket()
    s.connect(socket.getaddrinfo(host, port)[0][-1])
    _trace()
    _attach(s)


def wait_for_client():
    """Blocks until a host is attached and sent go."""
    while not (_sk and _go):
        if not _sk and _ls:
            _ls.setblocking(True)
            try:
                _accept()
            finally:
                _ls.setblocking(False)
        elif _sk:
            _pump(100)
        else:
            raise RuntimeError("dapkit agent: wait_for_client() needs listen() or connect() first")


def is_client_connected():
    _tick()
    return _sk is not None


def breakpoint():
    """Stops in the caller if a host is attached."""
    global _st
    _tick()
    if not _sk:
        return
    if hasattr(sys, "_getframe"):
        return _stop(sys._getframe(1), "breakpoint")
    _st = [_tid(), "in", 0, "breakpoint"]  # MicroPython: stop on the next traced line
    _upd()


def debug_this_thread():
    sys.settrace(_call)
    t = _tid()
    if t not in _thr:
        _thr[t] = "thread %d" % len(_thr)
        _send({"ev": "thread", "t": t, "started": True})


def disconnect():
    """Detaches the host and stops listening; the program keeps running untraced."""
    global _ls
    _drop()
    if _ls:
        _ls.close()
        _ls = None
    sys.settrace(None)


# ---- the runner


def _postmortem(x, g):
    # the program ended by an exception: stop with the traceback's frames
    if hasattr(x, "__traceback__"):
        tb = x.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        f = tb.tb_frame
    else:
        import io
        b = io.StringIO()
        sys.print_exception(x, b)
        f = []
        for ln in b.getvalue().split("\n"):
            ln = ln.strip()
            if ln.startswith('File "'):
                p, _, r = ln[6:].partition('", line ')
                l, _, nm = r.partition(", in ")
                if p != _me:
                    gm = g
                    for mo in sys.modules.values():
                        if getattr(mo, "__file__", None) == p:
                            gm = mo.__dict__
                    f.insert(0, (nm, p, int(l), gm))
        if not f:
            return
    _stop(f, "exception", exc=_exd(x, True))


def run_file(path, connect=None, listen=None, wait=False, argv=None):
    """Runs a program file under the agent; returns its exit status."""
    global _main, _ls
    _main = path
    sys.argv[:] = [path] + list(argv or ())
    sys.path.insert(0, path.rpartition("/")[0])
    if connect:
        globals()["connect"](*connect)
    elif listen:
        globals()["listen"](listen[1], listen[0])
    else:
        _trace()
    if wait:
        wait_for_client()
    g = {"__name__": "__main__", "__file__": path}
    with open(path) as h:
        c = compile(h.read(), path, "exec")
    r = 0
    try:
        exec(c, g)
    except SystemExit as y:
        r = y.args[0] if y.args else 0
        r = r if isinstance(r, int) else (r is not None)
    except BaseException as y:
        r = 1
        sys.settrace(None)
        if _sk and _exu:
            try:
                _postmortem(y, g)
            except SystemExit as z:
                return 1
            except Exception as z:
                _err("uncaught exception stop failed: %r" % z)
        if _MP:
            sys.print_exception(y)
        else:
            import traceback
            traceback.print_exception(type(y), y, y.__traceback__)
    finally:
        sys.settrace(None)
    _send({"ev": "exit", "code": r})
    _drop()
    if _ls:
        _ls.close()
        _ls = None
    return r


def _count():
    # runner --count: count trace events per file (for tests); replaces the tracers
    global _call, _line, _cnt
    c0, l0 = _call, _line
    _cnt = {}

    def cc(f, e, a):
        p = f.f_code.co_filename
        _cnt[p] = _cnt.get(p, 0) + 1
        return c0(f, e, a)

    def lc(f, e, a):
        if e == "line":
            p = "line:" + f.f_code.co_filename
            _cnt[p] = _cnt.get(p, 0) + 1
        return l0(f, e, a)

    _call, _line = cc, lc


def _hp(s):
    h, _, p = s.rpartition(":")
    return h or "127.0.0.1", int(p)


def main(a):
    c = l = None
    w = False
    while a and a[0][:2] == "--":
        o = a.pop(0)
        if o == "--connect":
            c = _hp(a.pop(0))
        elif o == "--listen":
            l = _hp(a.pop(0))
        elif o == "--wait":
            w = True
        elif o == "--count":
            _count()
        else:
            raise SystemExit("dapkit_agent: unknown option %s" % o)
    if not a:
        raise SystemExit("usage: dapkit_agent [--connect host:port | --listen [host:]port] [--wait] program.py args...")
    sys.exit(run_file(a[0], c, l, w, a[1:]))


if __name__ == "__main__":
    import dapkit_agent

    dapkit_agent.main(sys.argv[1:])
