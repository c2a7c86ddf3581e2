# The other file of calls.py: it holds the breakpoint that the running code never reaches.
def unused():
    return 7


def never_called():
    return 8  # @helper
