# Which frames the agent line-traces: helper.py has a breakpoint, this file may or may not. The
# program wraps the agent's call handler to see what it returns for this file's frames.
import sys

import dapkit_agent
import helper

traced = []


def inc(n):
    return n + 1  # @inc


def never_called():
    return 0  # @unhit


def counting(frame, event, arg):
    local = dapkit_agent._call(frame, event, arg)
    if local is not None and frame.f_code.co_filename == __file__:
        traced.append(frame.f_code.co_name)
    return local


sys.settrace(counting)
n = 0
for _ in range(100):
    n = inc(n)
sys.settrace(dapkit_agent._call)
print("traced", len(traced), "helper", helper.unused(), "n", n)
