# Threads: a second thread (traced through debug_this_thread) stops at a breakpoint while main spins.
import _thread
import dapkit_agent
done = []


def work():
    dapkit_agent.debug_this_thread()
    inner()


def inner():
    x = 1  # @bp
    done.append(x)


_thread.start_new_thread(work, ())
while not done:
    pass
print("done", done)
