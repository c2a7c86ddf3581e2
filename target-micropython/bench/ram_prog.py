# Agent RAM: gc.mem_alloc() after listen() and a host attached, minus before the import.
# Usage: ram_prog.py PORT; prints "RAM <bytes>" once the host sent go.
import gc
import sys

gc.collect()
before = gc.mem_alloc()
import dapkit_agent

dapkit_agent.listen(int(sys.argv[1]))
print("LISTENING")
dapkit_agent.wait_for_client()
gc.collect()
after = gc.mem_alloc()
print("RAM", after - before)
