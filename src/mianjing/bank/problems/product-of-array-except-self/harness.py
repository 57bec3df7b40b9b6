"""product-of-array-except-self harness: the statement rules out division, and a scan of the
source cannot see every way to divide, so the numbers themselves refuse it. The list handed to the
submission holds NoDivInt values: ints in every respect (arithmetic on them gives plain ints),
except that /, //, %, divmod and negative powers with them raise a "forbidden" error. Python tries
a subclass's reflected method first, so `total // x` is refused as well as `x // y`.

Outputs: "out", the returned list, read back as plain ints."""

from numbers import Integral

from mianjing.judge.harness import HarnessError


def _refuse(*_args):
    raise HarnessError(
        "division is not allowed in this problem (/, //, %, divmod, negative powers): "
        "build the answer from prefix and suffix products",
        "forbidden",
    )


class NoDivInt(int):
    """An int that refuses to take part in a division."""

    # no __dict__: instances stay as small as ints and untracked by the garbage collector, whose
    # full passes over the worker's preloaded modules would otherwise dominate the timing
    __slots__ = ()

    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = _refuse
    __mod__ = __rmod__ = __divmod__ = __rdivmod__ = _refuse

    def __pow__(self, exponent, modulo=None):
        if isinstance(exponent, (int, float)) and exponent < 0:
            _refuse()
        return pow(int(self), exponent, modulo)

    def __rpow__(self, base, modulo=None):
        if self < 0:
            _refuse()
        return pow(base, int(self), modulo)


def run(entry, inputs, dtype, seed):
    nums = [NoDivInt(v) for v in inputs["nums"]]
    result = entry(nums)
    # plain ints, NoDivInts and numpy integers are all Integral; bools are not answers
    if not isinstance(result, list) or not all(isinstance(v, Integral) and not isinstance(v, bool) for v in result):
        raise HarnessError(f"expected a list of ints, got {type(result).__name__}"
                           + ("" if not isinstance(result, list) else " with non-int items"))
    return {"out": [int(v) for v in result]}
