# The tracer meets a breakpoint it cannot evaluate (the test sends a bad hit condition) and keeps going.
def first(i):
    return i  # @bad


def second():
    return 2  # @good


for i in range(3):
    first(i)
second()
print("done")
