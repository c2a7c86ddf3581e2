# Re-attach: the program listens itself, says so on stdout, then loops calling work() for a long time.
import sys

import dapkit_agent

dapkit_agent.listen(int(sys.argv[1]))
sys.stdout.write("LISTENING\n")
if hasattr(sys.stdout, "flush"):
    sys.stdout.flush()


def work(i):
    return i + 1  # @work


i = 0
while i < 100000000:
    i = work(i)
