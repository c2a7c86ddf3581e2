# Conditions, hit counts and logpoints on a loop at the top level (its names are globals).
total = 0
for i in range(10):
    total = total + i  # @body
    marker = i  # @log
print("total", total)  # @end
