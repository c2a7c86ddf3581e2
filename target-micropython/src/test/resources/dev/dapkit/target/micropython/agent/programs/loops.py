# Steps over a for header and out of a call made in a loop's body. MicroPython gives a for header two
# line events in a row on every pass. Markers name lines for the tests.
def add(a, b):
    return a + b  # @add-body


def main():
    total = 0
    for i in [0, 1, 2]:  # @header
        total = add(total, i)  # @call
    print("total", total)  # @print


main()
