# A long-running loop that calls a Python function (so that a pause can reach it) and never ends
# by itself.
def step(n):
    return n + 1  # @step


def spin():
    n = 0
    while True:
        n = step(n)  # @loop


spin()
