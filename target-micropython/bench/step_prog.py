# The step-latency program: the benchmark stops at the loop's first line and steps with `next`.
def work(n):
    total = 0
    for i in range(n):
        total += i  # the benchmark's breakpoint
        total -= 1
    return total


print("done", work(100000))
