# The file that holds the benchmark's breakpoint in the "breakpoints elsewhere" mode.
def helper():
    return 1
