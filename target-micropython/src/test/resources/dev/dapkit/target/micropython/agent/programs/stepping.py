# Stepping: the tests stop at @call-add and step in, over and out. Markers name lines for the tests.
def add(a, b):
    c = a + b  # @add-body
    return c  # @add-return


def main():
    x = add(1, 2)  # @call-add
    y = x * 2  # @after-add
    return y  # @main-return


main()  # @call-main
print("end")  # @end
