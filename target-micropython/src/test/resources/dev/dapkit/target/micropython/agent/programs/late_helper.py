def scale(x):  # a function on the module's first line: both code objects start at line 1
    y = x * 10  # @scale-body
    return y
