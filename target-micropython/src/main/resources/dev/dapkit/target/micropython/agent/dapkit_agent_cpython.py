# The CPython-only part of the dapkit agent (dapkit_agent.py), in a module of its own: the agent imports
# it only on CPython, so MicroPython never compiles it and a board pays no RAM for its names.
import ctypes

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
