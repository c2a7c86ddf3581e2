# A breakpoint on a for header: one stop per pass (MicroPython gives the header two line events in a
# row on every pass). Markers name lines for the tests.
count = 0


def run():
    global count
    for i in [0, 1, 2]:  # @header
        count += 1
    print("count", count)


run()
