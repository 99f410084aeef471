"""Tests for nnbook.polyfit: Kneusel's 17-point fits, agreement with numpy, ridge, bad input."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.polynomial import Polynomial

from nnbook import data, polyfit

X, Y = data.curve_fit_points()


def test_kneusel_quadratic_and_sse():
    # Kneusel notes §4.3: 36.0234 - 6.1385 x + 5.5234 x^2, SSE 23515.27
    coef = polyfit.polyfit(X, Y, 2)
    np.testing.assert_allclose(coef, [36.0234, -6.1385, 5.5234], atol=1e-4)
    assert polyfit.fit(X, Y, 2).sse(X, Y) == pytest.approx(23515.27, abs=0.01)
    assert polyfit.fit(X, Y, 1).sse(X, Y) == pytest.approx(56688.95, abs=0.01)
    assert polyfit.fit(X, Y, 3).sse(X, Y) == pytest.approx(23445.81, abs=0.01)


def test_degree_15_overfits_and_swings():
    p = polyfit.fit(X, Y, 15)
    assert p.sse(X, Y) == pytest.approx(43.11, abs=0.01)
    grid = np.linspace(0, 9.79, 2000)
    v = p(grid)
    assert v.min() == pytest.approx(-1947, abs=2) and v.max() == pytest.approx(1325, abs=2)
    assert grid[np.argmin(v)] == pytest.approx(0.18, abs=0.02)


def test_degree_16_interpolates():
    p = polyfit.fit(X, Y, 16)
    assert p.sse(X, Y) < 1e-6
    np.testing.assert_allclose(p(X), Y, atol=1e-6)


@pytest.mark.parametrize("degree", range(0, 17))
def test_agrees_with_numpy_polynomial_fit(degree):
    ours = polyfit.fit(X, Y, degree)
    ref = Polynomial.fit(X, Y, degree)
    grid = np.linspace(0, 9.79, 101)
    np.testing.assert_allclose(ours(grid), ref(grid), rtol=1e-7, atol=1e-6 * np.abs(ref(grid)).max())
    np.testing.assert_allclose(ours.coef, ref.convert().coef, rtol=1e-6, atol=1e-9)
    if degree <= 8:   # where raw powers are still well conditioned
        np.testing.assert_allclose(polyfit.polyval(ours.coef, grid), ref(grid), rtol=1e-8, atol=1e-8)


def test_no_rank_warning_and_raw_coefficients_evaluate():
    # warnings are errors in this suite: fitting degree 15 must be silent
    coef = polyfit.polyfit(X, Y, 15)
    assert coef.shape == (16,)
    np.testing.assert_allclose(polyfit.polyval(coef, X), polyfit.fit(X, Y, 15)(X), atol=1e-2)


def test_ridge_shrinks_the_wiggles_not_the_level():
    sse = [polyfit.fit(X, Y, 15, l2=lam).sse(X, Y) for lam in (0.0, 1e-3, 1.0, 1e3)]
    assert sse == sorted(sse)                      # more penalty, worse training fit
    big = polyfit.fit(X, Y, 15, l2=1e9)
    np.testing.assert_allclose(big(X), Y.mean(), rtol=1e-3)   # intercept is not penalized
    grid = np.linspace(0, 9.79, 500)
    assert np.ptp(polyfit.fit(X, Y, 15, l2=1.0)(grid)) < np.ptp(polyfit.fit(X, Y, 15)(grid)) / 3
    # ridge allows more degrees than points
    assert np.all(np.isfinite(polyfit.fit(X[:5], Y[:5], 8, l2=0.1)(grid)))


def test_ridge_matches_the_normal_equations():
    lam, d = 0.5, 4
    lo, hi = X.min(), X.max()
    t = (2 * X - (hi + lo)) / (hi - lo)
    V = np.vander(t, d + 1, increasing=True)
    P = np.diag([0.0] + [1.0] * d)
    c = np.linalg.solve(V.T @ V + lam * P, V.T @ Y)
    np.testing.assert_allclose(polyfit.fit(X, Y, d, l2=lam).scaled_coef, c, rtol=1e-9)


def test_small_inputs():
    p = polyfit.fit([2.0], [5.0], 0)
    assert p(np.array([0.0, 10.0])).tolist() == [5.0, 5.0]
    np.testing.assert_allclose(polyfit.polyfit([1.0, 2.0], [1.0, 3.0], 1), [-1.0, 2.0])
    assert "PolynomialFit" in repr(p)
    assert polyfit.polyval([1.0, 2.0, 3.0], 2.0) == 17.0


@pytest.mark.parametrize("call, exc, match", [
    (lambda: polyfit.polyfit(X, Y, -1), ValueError, "degree"),
    (lambda: polyfit.polyfit(X, Y, 2.0), TypeError, "degree"),
    (lambda: polyfit.polyfit(X, Y, 17), ValueError, "degree"),
    (lambda: polyfit.polyfit([1.0, 1.0], [1.0, 2.0], 1), ValueError, "degree"),
    (lambda: polyfit.polyfit([], [], 0), ValueError, "x"),
    (lambda: polyfit.polyfit(X, Y[:-1], 2), ValueError, "y"),
    (lambda: polyfit.polyfit([[1.0]], [1.0], 0), ValueError, "x"),
    (lambda: polyfit.polyfit([1.0, np.nan], [1.0, 2.0], 0), ValueError, "x"),
    (lambda: polyfit.polyfit([1.0, 2.0], [1.0, np.inf], 0), ValueError, "y"),
    (lambda: polyfit.polyfit(["a"], [1.0], 0), TypeError, "x"),
    (lambda: polyfit.polyfit(X, Y, 2, l2=-1), ValueError, "l2"),
    (lambda: polyfit.polyfit(X, Y, 2, l2="a"), TypeError, "l2"),
    (lambda: polyfit.polyval([], 1.0), ValueError, "coef"),
    (lambda: polyfit.polyval([np.nan], 1.0), ValueError, "coef"),
    (lambda: polyfit.polyval(["a"], 1.0), TypeError, "coef"),
    (lambda: polyfit.polyval([1.0], "a"), TypeError, "x"),
    (lambda: polyfit.fit(X, Y, 2)("a"), TypeError, "x"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


# --- robustness (issue 8) -------------------------------------------------------------------

def test_degree_past_the_limit_is_refused_at_once(monkeypatch):
    """Degree 10**4 with l2 = 1 ran 656 s inside LAPACK and 10**6 asked for 7 TiB; the limit is 100,
    checked before any design matrix is built or solved (lstsq is never reached)."""
    def no_solve(*args, **kwargs):
        raise AssertionError("the solver ran before the degree was checked")
    with monkeypatch.context() as m:
        m.setattr(polyfit.np.linalg, "lstsq", no_solve)
        m.setattr(polyfit.np, "vander", no_solve, raising=False)
        for degree in (polyfit.MAX_DEGREE + 1, 10**4, 10**6):
            with pytest.raises(ValueError, match=r"degree: expected an integer ≤ 100"):
                polyfit.polyfit(X, Y, degree, l2=1.0)
    assert polyfit.fit(X, Y, polyfit.MAX_DEGREE, l2=1.0).degree == 100
    with pytest.raises(ValueError, match=r"degree: this asks for"):
        polyfit.fit(np.linspace(0, 1, 10**6), np.zeros(10**6), 100, l2=1.0)   # the design matrix limit


def test_evaluation_refuses_nan_and_overflow():
    for call in (lambda x: polyfit.polyval([1.0, 2.0, 3.0], x), polyfit.fit(X, Y, 2)):
        with pytest.raises(ValueError, match=r"x: contains NaN"):
            call([1.0, np.nan])
        with pytest.raises(TypeError, match=r"x: expected an array of numbers"):
            call([1.0, None])
        with pytest.raises(ValueError, match=r"x: p\(x\) overflows float64"):
            call(1e300)
    with pytest.raises(TypeError, match=r"x: expected an array of numbers"):
        polyfit.polyfit(["1", "2", "3"], [1.0, 2.0, 3.0], 1)
    with pytest.raises(ValueError, match=r"x: expected abs\(x\) ≤ 1e\+300"):
        polyfit.polyfit([-1e308, 0.0, 1e308], [1.0, 2.0, 3.0], 1)


def test_polynomial_fit_checks_its_arguments():
    with pytest.raises(ValueError, match="domain"):
        polyfit.PolynomialFit([1.0, 2.0], (1.0, 0.0), 1, 0.0)
    with pytest.raises(ValueError, match="degree"):
        polyfit.PolynomialFit([1.0, 2.0], (0.0, 1.0), 3, 0.0)
    with pytest.raises(TypeError, match="l2"):
        polyfit.PolynomialFit([1.0, 2.0], (0.0, 1.0), 1, None)


def test_condition_is_that_of_the_scaled_system_it_solved():
    for d in (2, 15, 16):
        t = (2 * X - (X.max() + X.min())) / (X.max() - X.min())
        V = np.vander(t, d + 1, increasing=True)
        assert polyfit.fit(X, Y, d).condition == pytest.approx(np.linalg.cond(V / np.linalg.norm(V, axis=0)), rel=1e-9)
    assert polyfit.fit(X, Y, 15, l2=1.0).condition < polyfit.fit(X, Y, 15).condition
