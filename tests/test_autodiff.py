"""Tests for nnbook.autodiff: Qiu's Fig. 5.8 graph both ways, every primitive against calculus."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnbook.autodiff import Dual, Value


def test_qiu_fig_5_8_reverse_mode():
    # f(x; w, b) = sigma(wx + b) at x = 1, w = 0, b = 0, node by node (Qiu Eqs. 5.62-5.79)
    x, w, b = Value(1.0, "x"), Value(0.0, "w"), Value(0.0, "b")
    h1 = x * w
    h2 = h1 + b
    h3 = h2 * -1
    h4 = h3.exp()
    h5 = h4 + 1
    h6 = 1 / h5
    assert [h.data for h in (h1, h2, h3, h4, h5, h6)] == [0, 0, 0, 1, 2, 0.5]
    # local derivatives 1, -0.25, 1, 1, -1, 1, 1 along the path w -> f
    locals_ = [h6.local[0], h5.local[0], h4.local[0], h3.local[0], h2.local[0], h1.local[1]]
    assert locals_ == pytest.approx([-0.25, 1, 1, -1, 1, 1])      # dh6/dh5 ... dh1/dw
    assert h6.parents == (h5,) and h1.parents == (x, w)
    h6.backward()
    # adjoints: h6 1, h5 -0.25, h4 -0.25, h3 -0.25, h2 0.25, h1 0.25, w 0.25, b 0.25, x 0
    assert [h.grad for h in (h6, h5, h4, h3, h2, h1)] == pytest.approx([1, -0.25, -0.25, -0.25, 0.25, 0.25])
    assert (w.grad, b.grad, x.grad) == pytest.approx((0.25, 0.25, 0.0))


def test_qiu_fig_5_8_forward_mode():
    x, w, b = Dual(1.0), Dual(0.0, 1.0), Dual(0.0)   # seed w
    h1 = x * w
    h2 = h1 + b
    h3 = -h2
    h4 = h3.exp()
    h5 = h4 + 1
    h6 = 1 / h5
    # tangents 1, 1, -1, -1, -1, 0.25
    assert [h.der for h in (h1, h2, h3, h4, h5, h6)] == pytest.approx([1, 1, -1, -1, -1, 0.25])
    assert h6.value == 0.5


def test_sigmoid_primitive_agrees_with_the_graph():
    w = Value(0.0)
    f = (w * 1.0 + 0.0).sigmoid()
    f.backward()
    assert w.grad == 0.25
    assert (Dual(0.0, 1.0) * 1.0).sigmoid().der == 0.25


def _graph(a, b):
    """A program using every primitive; works for Value and Dual alike."""
    return ((a * b + a / b - b ** 2) * (a - 3)).tanh() + (a * a + 1).log() + (b - a).exp() * 0.1 \
        + (-a).sigmoid() + (a * 2).relu() + 2 - a


def _numeric(fn, a, b, h=1e-6):
    return ((fn(a + h, b) - fn(a - h, b)) / (2 * h), (fn(a, b + h) - fn(a, b - h)) / (2 * h))


def _plain(a, b):
    t = ((a * b + a / b - b ** 2) * (a - 3))
    return (math.tanh(t) + math.log(a * a + 1) + math.exp(b - a) * 0.1 + 1 / (1 + math.exp(a))
            + max(2 * a, 0) + 2 - a)


@given(st.floats(-2, 2).filter(lambda v: abs(v) > 1e-2), st.floats(0.5, 2))
def test_reverse_and_forward_agree_with_central_differences(a, b):
    A, B = Value(a), Value(b)
    f = _graph(A, B)
    f.backward()
    assert f.data == pytest.approx(_plain(a, b))
    da = _graph(Dual(a, 1.0), Dual(b)).der
    db = _graph(Dual(a), Dual(b, 1.0)).der
    na, nb = _numeric(_plain, a, b)
    assert A.grad == pytest.approx(na, rel=1e-5, abs=1e-6)
    assert B.grad == pytest.approx(nb, rel=1e-5, abs=1e-6)
    assert da == pytest.approx(A.grad, rel=1e-12, abs=1e-12)
    assert db == pytest.approx(B.grad, rel=1e-12, abs=1e-12)


def test_paths_are_summed_and_backward_is_repeatable():
    a = Value(3.0)
    f = a * a + a                 # two paths through the product, one direct
    f.backward()
    assert a.grad == 7.0
    f.backward()
    assert a.grad == 7.0          # grads reset, not accumulated across calls
    assert "Value(" in repr(f) and "grad" in repr(a)
    assert repr(Value(1.0, "x")).startswith("Value(x=")
    assert "Dual(" in repr(Dual(1.0, 2.0))


def test_subtraction_and_division_from_numbers():
    a = Value(2.0)
    f = 5 - a + 8 / a - a / 4
    f.backward()
    assert f.data == pytest.approx(5 - 2 + 4 - 0.5)
    assert a.grad == pytest.approx(-1 - 8 / 4 - 0.25)
    d = 5 - Dual(2.0, 1.0) + 8 / Dual(2.0, 1.0)
    assert d.der == pytest.approx(-1 - 2)


def test_relu_derivative_at_zero_is_one():
    a = Value(0.0)
    a.relu().backward()
    assert a.grad == 1.0
    assert Dual(0.0, 1.0).relu().der == 1.0
    assert Dual(-1.0, 1.0).relu().der == 0.0


def test_deep_graph_has_no_recursion_limit():
    a = Value(1.0)
    f = a
    for _ in range(5000):
        f = f * 1.0
    f.backward()
    assert a.grad == 1.0


@pytest.mark.parametrize("call, exc, match", [
    (lambda: Value("a"), TypeError, "data"),
    (lambda: Value(float("nan")), ValueError, "data"),
    (lambda: Value(True), TypeError, "data"),
    (lambda: Value(1.0, label=3), TypeError, "label"),
    (lambda: Value(1.0) + "a", TypeError, "other"),
    (lambda: Value(-1.0).log(), ValueError, "log"),
    (lambda: Value(2.0) ** Value(2.0), TypeError, "exponent"),
    (lambda: Value(-2.0) ** 0.5, ValueError, "exponent"),
    (lambda: Value(0.0) ** -1, ZeroDivisionError, "0"),
    (lambda: 1 / Value(0.0), ZeroDivisionError, "0"),
    (lambda: Value(1.0) / 0, ZeroDivisionError, "0"),
    (lambda: Dual(1.0, der=float("inf")), ValueError, "der"),
    (lambda: Dual(0.0).log(), ValueError, "log"),
    (lambda: Dual(2.0) ** Dual(1.0), TypeError, "exponent"),
    (lambda: Dual(-2.0) ** 0.5, ValueError, "exponent"),
    (lambda: Dual(0.0) ** -2, ZeroDivisionError, "0"),
    (lambda: Dual(1.0) * None, TypeError, "other"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_numpy_scalars_are_accepted():
    v = Value(np.float64(2.0)) * np.int64(3)
    assert v.data == 6.0


# --- robustness (issue 8) -------------------------------------------------------------------

@pytest.mark.parametrize("call, match", [
    (lambda: Value(710.0).exp(), r"exp: e\^h overflows float64"),
    (lambda: Dual(710.0).exp(), r"exp: e\^h overflows float64"),
    (lambda: Value(2.0) ** 1e10, "exponent: the result overflows"),
    (lambda: Dual(2.0) ** 1e10, "exponent: the result overflows"),
    (lambda: Value(1e-300) ** -3, "exponent: the result overflows"),
    (lambda: Value(1e308) * 10, "other: the result overflows"),
    (lambda: Dual(1e308) * 10, "other: the result overflows"),
    (lambda: Value(2.0) / 1e-320, "other: the result overflows"),
    (lambda: Dual(2.0) / 1e-320, "other: the result overflows"),
    (lambda: Value(10**400), "data: expected a finite number"),
    (lambda: Dual(1.0) + 10**400, "other: expected a finite number"),
])
def test_overflow_is_a_value_error_naming_the_operation(call, match):
    """These raised OverflowError ("math range error") or named the wrong argument."""
    with pytest.raises(ValueError, match=match):
        call()


def test_arrays_are_refused_not_broadcast_into_arrays_of_values():
    for cls in (Value, Dual):
        with pytest.raises(TypeError, match="other: expected a real number, got ndarray"):
            np.ones(2) / cls(2.0)
        with pytest.raises(TypeError, match="other"):
            np.ones(2) + cls(2.0)
    assert (np.float64(3.0) * Value(2.0)).data == 6.0
