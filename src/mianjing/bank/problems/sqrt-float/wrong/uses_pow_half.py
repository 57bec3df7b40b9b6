"""Uses a fractional power, which is a library square root in disguise."""


def float_sqrt(x):
    return x ** 0.5
