"""Tests for nnbook.gradcheck: central vs forward differences, in-place restore, relative error."""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import gradcheck


def test_central_difference_of_a_quadratic_is_exact():
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    x = np.array([0.5, -1.5])
    g = gradcheck.numerical_gradient(lambda: 0.5 * x @ A @ x, x)
    np.testing.assert_allclose(g, A @ x, atol=1e-8)


def test_x_is_restored_exactly_even_when_f_raises():
    x = np.array([[0.1, 0.2], [0.3, 0.4]])
    before = x.copy()
    gradcheck.numerical_gradient(lambda: np.sum(np.sin(x)), x)
    np.testing.assert_array_equal(x, before)
    calls = []

    def boom():
        calls.append(1)
        raise RuntimeError("bad f")

    with pytest.raises(RuntimeError):
        gradcheck.numerical_gradient(boom, x)
    np.testing.assert_array_equal(x, before)


def test_works_on_non_contiguous_views():
    base = np.arange(12.0).reshape(3, 4)
    view = base.T                                 # not C-contiguous, still perturbed in place
    g = gradcheck.numerical_gradient(lambda: np.sum(base ** 2), view)
    np.testing.assert_allclose(g, 2 * view, atol=1e-6)


def test_forward_difference_error_is_first_order():
    # at z = 1 (not 0, where sigma'' = 0) the forward error is O(eps), the central one O(eps^2)
    x = np.array([1.0])
    sig = lambda: 1 / (1 + np.exp(-x[0]))
    exact = sig() * (1 - sig())
    fwd = [abs(gradcheck.forward_difference(sig, x, eps)[0] - exact) for eps in (1e-2, 1e-3)]
    cen = [abs(gradcheck.numerical_gradient(sig, x, eps)[0] - exact) for eps in (1e-2, 1e-3)]
    assert fwd[0] / fwd[1] == pytest.approx(10, rel=0.05)
    assert cen[0] / cen[1] == pytest.approx(100, rel=0.05)
    assert cen[1] < fwd[1]


def test_relative_error_definition():
    assert gradcheck.relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert gradcheck.relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert gradcheck.relative_error([1.0, 0.0], [0.0, 0.0]) == 1.0
    # max|a - b| / (max|a| + max|b|) = 0.1 / (2 + 2.1)
    assert gradcheck.relative_error([1.0, 2.0], [1.0, 2.1]) == pytest.approx(0.1 / 4.1)
    assert gradcheck.relative_error(np.empty(0), np.empty(0)) == 0.0


def test_check_gradient():
    x = np.array([1.0, 2.0, 3.0])
    assert gradcheck.check_gradient(lambda: np.sum(x ** 3), 3 * x ** 2, x) < 1e-9
    assert gradcheck.check_gradient(lambda: np.sum(x ** 3), 2 * x ** 2, x) > 0.1


def test_glassner_fixture_gradients():
    # Glassner notes §4.3: linear 2-2-2 net, E = (P1 - 1)^2 + P2^2 (no 1/2): dE/dAC = -6, dE/dXB = 4.5
    W1 = np.array([[1.5, 0.5], [0.5, 0.5]])       # rows A, B; columns X, Y
    W2 = np.array([[0.25, -1.0], [0.5, 0.5]])     # rows C, D; columns A, B
    x, t = np.array([1.0, 1.0]), np.array([1.0, 0.0])
    E = lambda: np.sum((W2 @ (W1 @ x) - t) ** 2)
    assert E() == pytest.approx(4.5)
    g2 = gradcheck.numerical_gradient(E, W2)
    g1 = gradcheck.numerical_gradient(E, W1)
    np.testing.assert_allclose(g2, [[-6.0, -3.0], [6.0, 3.0]], atol=1e-7)
    np.testing.assert_allclose(g1, [[0.75, 0.75], [4.5, 4.5]], atol=1e-7)


@pytest.mark.parametrize("call, exc, match", [
    (lambda: gradcheck.numerical_gradient(3.0, np.ones(2)), TypeError, "f"),
    (lambda: gradcheck.numerical_gradient(lambda: 0.0, [1.0, 2.0]), TypeError, "x"),
    (lambda: gradcheck.numerical_gradient(lambda: 0.0, np.ones(2, dtype=int)), TypeError, "x"),
    (lambda: gradcheck.numerical_gradient(lambda: 0.0, np.array([np.nan])), ValueError, "x"),
    (lambda: gradcheck.numerical_gradient(lambda: 0.0, np.ones(2), eps=0), ValueError, "eps"),
    (lambda: gradcheck.forward_difference(lambda: 0.0, np.ones(2), eps="a"), TypeError, "eps"),
    (lambda: gradcheck.numerical_gradient(lambda: np.ones(2), np.ones(2)), ValueError, "f"),
    (lambda: gradcheck.relative_error([1.0], [1.0, 2.0]), ValueError, "b"),
    (lambda: gradcheck.relative_error([np.inf], [1.0]), ValueError, "a"),
    (lambda: gradcheck.relative_error("a", [1.0]), TypeError, "a: expected an array of numbers"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_read_only_x_is_refused():
    x = np.ones(2)
    x.flags.writeable = False
    with pytest.raises(ValueError, match="x"):
        gradcheck.numerical_gradient(lambda: x.sum(), x)


@pytest.mark.parametrize("module", ["losses", "init", "optim", "regularization", "gradcheck", "autodiff",
                                    "polyfit", "data", "surfaces"])
def test_public_names_have_docstrings_naming_their_chapter(module):
    import importlib
    import inspect

    mod = importlib.import_module(f"nnbook.{module}")
    assert "chapter" in mod.__doc__
    for name in mod.__all__:
        obj = getattr(mod, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            doc = inspect.getdoc(obj) or ""
            assert "chapter" in doc or "ch. " in doc, f"{module}.{name}"


# --- robustness (issue 8) -------------------------------------------------------------------

def test_f_must_return_a_finite_number():
    x = np.ones(2)
    for f, exc in ((lambda: np.nan, ValueError), (lambda: "a", TypeError), (lambda: None, TypeError),
                   (lambda: {"a": 1}, TypeError)):
        with pytest.raises(exc, match="^f: "):
            gradcheck.numerical_gradient(f, x)


def test_an_eps_that_does_not_move_x_is_refused():
    """In float16, or at x = 1e12 in float64, x + 1e-6 == x: the gradient was silently 0."""
    for x in (np.ones(3, np.float16), np.full(3, 1e12)):
        with pytest.raises(ValueError, match=r"x, eps: eps = 1e-06 does not change x\[0\]"):
            gradcheck.numerical_gradient(lambda: 0.0, x)
    with pytest.raises(ValueError, match=r"eps: expected a number > 0 and ≤ 1"):
        gradcheck.forward_difference(lambda: 0.0, np.ones(2), eps=2.0)


def test_huge_x_is_refused_at_once():
    with pytest.raises(ValueError, match=r"x: this asks for 40,000,000 calls of f; the limit is 10,000,000"):
        gradcheck.numerical_gradient(lambda: 0.0, np.zeros(2 * 10**7))


def test_relative_error_of_huge_values_and_check_gradient_names_grad():
    assert gradcheck.relative_error([1e308], [-1e308]) == 1.0                 # no overflow, no warning
    assert gradcheck.relative_error([3.0, 1e301], [3.0, 1e301]) == 0.0
    with pytest.raises(ValueError, match=r"grad: expected the shape of x"):
        gradcheck.check_gradient(lambda: 0.0, [1.0, 2.0], np.ones(3))
    with pytest.raises(ValueError, match=r"grad: contains NaN"):
        gradcheck.check_gradient(lambda: 0.0, [1.0, np.nan, 2.0], np.ones(3))
