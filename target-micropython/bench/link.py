"""A minimal host for the dapkit agent link (PROTOCOL.md), for the benchmark and manual checks."""
import json
import os
import socket
import subprocess
import time

AGENT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources",
                         "dev", "dapkit", "target", "micropython", "agent")


class Link:
    """Listens, launches `cmd` (which dials back to the port), and speaks the line protocol."""

    def __init__(self, python, program, args=(), wait=True, env=None, agent_dir=AGENT_DIR, opts=(), pre=()):
        self.srv = socket.socket()
        self.srv.bind(("127.0.0.1", 0))
        self.srv.listen(1)
        self.srv.settimeout(30)
        port = self.srv.getsockname()[1]
        e = dict(os.environ)
        e["MICROPYPATH"] = agent_dir + ":.frozen"
        e["PYTHONPATH"] = agent_dir
        e.update(env or {})
        cmd = [python] + list(pre) + ["-m", "dapkit_agent", "--connect", "127.0.0.1:%d" % port] + list(opts)
        if wait:
            cmd.append("--wait")
        self.proc = subprocess.Popen(cmd + [program] + list(args), env=e, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.sock, _ = self.srv.accept()
        self.sock.settimeout(30)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""
        self.seq = 0
        self.events = []
        self.hello = self.event("hello")

    def _line(self):
        while b"\n" not in self.buf:
            d = self.sock.recv(65536)
            if not d:
                raise EOFError("agent closed the link")
            self.buf += d
        ln, self.buf = self.buf.split(b"\n", 1)
        assert ln[:1] == b"\x1e", ln
        return json.loads(ln[1:])

    def send(self, c, **a):
        self.seq += 1
        a["i"] = self.seq
        a["c"] = c
        self.sock.sendall(b"\x1e" + json.dumps(a).encode() + b"\n")
        return self.seq

    def req(self, c, **a):
        i = self.send(c, **a)
        while True:
            m = self._line()
            if m.get("r") == i:
                if "e" in m:
                    raise RuntimeError("%s: %s" % (c, m["e"]))
                return m
            self.events.append(m)

    def event(self, name):
        for k, m in enumerate(self.events):
            if m.get("ev") == name:
                return self.events.pop(k)
        while True:
            m = self._line()
            if m.get("ev") == name:
                return m
            self.events.append(m)

    def close(self):
        try:
            self.sock.close()
        finally:
            self.srv.close()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
