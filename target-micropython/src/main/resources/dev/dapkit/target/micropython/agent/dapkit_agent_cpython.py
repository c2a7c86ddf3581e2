# The CPython-only part of the dapkit agent (dapkit_agent.py), in a module of its own: the agent imports
# it only on CPython, so MicroPython never compiles it and a board pays no RAM for its code or names.
import ctypes
import sys

try:
    _to_fast = ctypes.pythonapi.PyFrame_LocalsToFast
    _to_fast.argtypes = (ctypes.py_object, ctypes.c_int)
    _to_fast.restype = None
except AttributeError:  # CPython >= 3.13: f_locals writes through, and this function is gone
    _to_fast = None


def write(frame):
    """Writes frame.f_locals back into the frame's variables. CPython <= 3.12 keeps a frame's locals
    apart from the f_locals dict: it copies the dict back only into the frame being traced, when the
    trace function returns, and the next read of f_locals overwrites the dict with the variables."""
    if _to_fast:
        _to_fast(frame, 0)


def install(agent):
    """Adds the CPython-only behaviour to the agent module whose globals are `agent` (the runner runs the
    agent's file twice, as __main__ and as dapkit_agent) and returns the writer of f_locals. A thread that
    debug_this_thread() registers, other than the first, is reported with a thread event (started: false)
    when its bottom frame returns."""
    debug = agent["debug_this_thread"]

    def debug_this_thread(*a):
        thread = agent["_tid"]()
        new = thread not in agent["_thr"]
        result = debug(*a)  # it passes this wrapper to threading.settrace: threads started later come here
        if new and len(agent["_thr"]) > 1:
            _report_end(agent, a[0] if a else sys._getframe(1), thread)
        return result

    debug_this_thread.__doc__ = debug.__doc__
    agent["debug_this_thread"] = debug_this_thread
    return write


def _report_end(agent, frame, thread):
    # the thread's bottom frame gets a local trace function that reports its return and otherwise does
    # what the frame's file's trace function does (breakpoints, steps)
    while frame.f_back:
        frame = frame.f_back
    lines = agent["_tr"](None, frame.f_code.co_filename)

    def bottom(f, event, arg):
        lines(f, event, arg)
        if event == "return":
            agent["_thr"].pop(thread, None)
            agent["_send"]({"ev": "thread", "t": thread, "started": False})
        return bottom

    frame.f_trace = bottom
