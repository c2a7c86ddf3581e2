# Variables: containers, nesting, a list that contains itself, a big list, an object.
class Point:
    def __init__(self):
        self.x = 1
        self.tags = [1, 2]

    def norm(self):
        return self.x


data = [1, [2, 3], {"k": (4, 5)}, {7}, b"ab", "s"]
data.append(data)
big = list(range(250))
point = Point()
counter = 0


def inspect(arg):
    local = arg + 1
    return local  # @stop


result = inspect(41)
print("result", result, "counter", counter, "point.x", point.x, "data0", data[0])  # @end
