# Exception breakpoints: one exception raised and caught, then one that nobody catches.
def boom(text):
    raise ValueError(text)  # @raise


def caught():
    try:
        boom("caught")
    except ValueError:
        pass  # @handled


caught()
boom("uncaught")  # @uncaught-call
