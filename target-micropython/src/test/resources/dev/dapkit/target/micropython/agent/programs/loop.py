# Conditions, hit counts and logpoints on a loop at the top level (its names are globals).
total = 0
for i in range(10):
    total = total + i  # @body
    marker = i  # @log
    last = i  # MicroPython numbers the loop's test with the body's last line: not a breakpoint line here
print("total", total)  # @end
