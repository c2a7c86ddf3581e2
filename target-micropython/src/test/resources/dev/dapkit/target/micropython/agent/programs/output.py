# Program output while a host is attached.
import sys

print("hello", 1, 2)
print("a", "b", sep="-", end="!\n")
print("to stderr", file=sys.stderr)
done = True  # @end
