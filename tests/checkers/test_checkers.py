import numpy as np

from mianjing.checkers.allclose import check_array
from mianjing.checkers.complexity import describe_exponent, growth_exponent
from mianjing.checkers.exact import check_exact
from mianjing.checkers.grad import check_grad, check_nograd

KW = dict(rtol=1e-4, atol=1e-5, float_dtype="float32", hidden=False)


def test_allclose_accepts_within_tolerance_and_reports_errors():
    ref = np.linspace(-1, 1, 12).reshape(3, 4)
    assert check_array("out", ref, ref.astype(np.float32), **KW).ok
    bad = ref.astype(np.float32).copy()
    bad[1, 2] += 0.01
    res = check_array("out", ref, bad, **KW)
    assert not res.ok and "index (1, 2)" in res.message and "max abs error" in res.message


def test_allclose_dtype_shape_and_type():
    ref = np.zeros((2, 3))
    assert "dtype float64" in check_array("out", ref, np.zeros((2, 3)), **KW).message
    assert "transpose or reshape" in check_array("out", ref, np.zeros((3, 2), np.float32), **KW).message
    assert "dimension" in check_array("out", ref, np.zeros((1, 2, 3), np.float32), **KW).message
    assert "expected a tensor" in check_array("out", ref, [0.0], **KW).message


def test_nan_policy():
    ref = np.array([1.0, np.nan, -np.inf])
    assert check_array("o", ref, ref.astype(np.float32), **KW).ok
    assert not check_array("o", ref, np.array([1.0, 0.0, -np.inf], np.float32), **KW).ok
    assert not check_array("o", ref, np.array([np.nan, np.nan, -np.inf], np.float32), **KW).ok
    assert not check_array("o", ref, np.array([1.0, np.nan, np.inf], np.float32), **KW).ok


def test_integer_outputs_compare_exactly():
    ref = np.array([1, 2, 3])
    assert check_array("i", ref, np.array([1, 2, 3], np.int32), **KW).ok
    assert not check_array("i", ref, np.array([1, 2, 4]), **KW).ok
    assert not check_array("i", ref, np.array([1.0, 2.0, 3.0], np.float32), **KW).ok


def test_exact_values():
    assert check_exact("out", [1, [2, 3]], [1, [2, 3]], hidden=False).ok
    assert not check_exact("out", 3, 3.0, hidden=False).ok  # an int answer must be an int
    assert not check_exact("out", True, 1, hidden=False).ok
    res = check_exact("out", [1, 2, 3], [1, 5, 3], hidden=False)
    assert "out[1]" in res.message
    assert "length" in check_exact("out", [1, 2], [1, 2, 3], hidden=False).message
    long = check_exact("out", list(range(1000)), [0] * 1000, hidden=True)
    assert not long.ok and len(long.message) <= 160


def test_grad_checks():
    g = np.ones(3)
    assert check_grad("grad.x", g, g.astype(np.float32), **KW).ok
    assert "no gradient reached x" in check_grad("grad.x", g, None, **KW).message
    assert not check_grad("grad.x", g, np.zeros(3, np.float32), **KW).ok
    assert check_nograd("nograd.w", False).ok and not check_nograd("nograd.w", True).ok



def test_growth_exponent_fits_power_laws():
    ns = [1000, 2000, 4000, 8000]
    assert abs(growth_exponent([(n, 1e-6 * n) for n in ns]) - 1) < 1e-9
    assert abs(growth_exponent([(n, 1e-9 * n * n) for n in ns]) - 2) < 1e-9
    assert growth_exponent([(10, 1.0)]) is None
    assert describe_exponent(2.0) == "O(n^2)" and describe_exponent(1.05).startswith("O(n)")
