"""Least-squares polynomial fits with an optional ridge penalty (chapter 5, "Overfitting").

The model is y = a₀ + a₁x + … + a_d x^d (Kneusel Eq. for Fig. 9-5), fitted by
minimizing the sum of squared errors, optionally plus a ridge (L2) penalty:

    minimize  Σ_i (y_i − p(x_i))²  +  λ Σ_{k=1..d} c_k²,   p(x) = Σ_k c_k t^k,

where t = (2x − (x_max + x_min)) / (x_max − x_min) maps the data to [−1, 1].

Why the rescaling: in raw powers of x ∈ [0, 9.79] the degree-15 least-squares
problem is hopelessly ill-conditioned (x¹⁵ ≈ 7·10¹⁴); on [−1, 1] with
column-normalized powers and an SVD-based solver (``numpy.linalg.lstsq``) it is
well within float64, exactly as ``numpy.polynomial.Polynomial.fit`` does it.
The ridge penalty is therefore on the coefficients c_k of the *rescaled* powers
t^k, which are all of comparable size, and not on the intercept c₀ (as in
scikit-learn's Ridge with ``fit_intercept``), so λ shrinks the wiggles, not the
level of the data.

:func:`polyfit` returns the coefficients a₀ … a_d in powers of x (lowest first);
for high degrees evaluate with the fitted object from :func:`fit`, which works
in t and avoids the cancellation of large raw coefficients.

Limits: the degree is at most ``MAX_DEGREE`` = 100 and the design matrix at most
``checks.MAX_ELEMENTS`` (10⁸) entries.  The chapter goes to degree 16; past a few
dozen the powers t^k are numerically dependent in float64 whatever the solver, and
the SVD costs O(n·d²): degree 10⁴ took 11 minutes inside LAPACK, degree 10⁶ would
need 7 TiB.  x must span less than the float64 range (abs(x) ≤ 1e300), and an
evaluation whose value overflows float64 raises ``ValueError`` instead of returning
inf or NaN.
"""
from __future__ import annotations

import numpy as np
from numpy.polynomial import Polynomial

from nnbook import checks

__all__ = ["polyfit", "polyval", "fit", "PolynomialFit", "MAX_DEGREE"]

#: the highest degree fitted (see the module docstring)
MAX_DEGREE = 100
#: the largest abs(x) a fit takes: the rescaling 2x − (x_max + x_min) must not overflow
MAX_ABS_X = 1e300


def _check_xy(x, y):
    x = checks.real_array(x, "x", ndim=1)
    y = checks.real_array(y, "y", ndim=1)
    if x.shape != y.shape:
        raise ValueError(f"y: expected as many values as x ({x.size}), got {y.size}")
    return x, y


def _evaluate(poly, x, name="x"):
    """p(x) for finite x; an overflow to ±inf or NaN is a ValueError naming x, not a warning."""
    x = checks.real_array(x, name, nonempty=False)
    with np.errstate(all="ignore"):
        result = poly(x)
    if not np.all(np.isfinite(result)):
        raise ValueError(f"{name}: p(x) overflows float64 at some of these points "
                         f"(abs(x) up to {np.max(np.abs(x)):.3g})")
    return result


class PolynomialFit:
    """A fitted polynomial: ``fit(x_new)`` evaluates it stably; ``coef`` a₀ … a_d in powers of x (chapter 5).

    Attributes: ``degree``, ``l2``, ``domain`` (x_min, x_max), ``scaled_coef`` c₀ … c_d
    (in powers of t), ``coef``, ``condition`` (the condition number of the scaled, column-
    normalized system the fit solved; NaN when unknown).  ``sse(x, y)`` is Σ(y − p(x))².
    """

    def __init__(self, scaled_coef, domain, degree, l2, condition=float("nan")):
        self.scaled_coef = checks.real_array(scaled_coef, "scaled_coef", ndim=1)
        d = checks.real_array(domain, "domain", ndim=1)
        if d.shape != (2,) or not d[0] < d[1]:
            raise ValueError(f"domain: expected (x_min, x_max) with x_min < x_max, got {domain!r}")
        self.domain = (float(d[0]), float(d[1]))
        self.degree = checks.integer(degree, "degree", self.scaled_coef.size - 1, self.scaled_coef.size - 1)
        self.l2 = checks.number(l2, "l2", 0)
        self.condition = float(condition)
        self._poly = Polynomial(self.scaled_coef, domain=list(self.domain), window=[-1, 1])

    @property
    def coef(self):
        """a₀ … a_d with p(x) = Σ a_k x^k (lowest degree first)."""
        with np.errstate(all="ignore"):
            c = self._poly.convert().coef
        if not np.all(np.isfinite(c)):
            raise ValueError(f"degree: the coefficients of this degree-{self.degree} fit in powers of x overflow "
                             "float64; evaluate it with fit(x, y, degree)(x_new) instead")
        out = np.zeros(self.degree + 1)
        out[:c.size] = c[:self.degree + 1]
        return out

    def __call__(self, x):
        return _evaluate(self._poly, x)

    def sse(self, x, y):
        """Sum of squared errors Σ_i (y_i − p(x_i))² on the points (x, y)."""
        x, y = _check_xy(x, y)
        r = y - self(x)
        with np.errstate(over="ignore"):
            sse = float(r @ r)
        if not np.isfinite(sse):
            raise ValueError("y: the sum of squared errors overflows float64")
        return sse

    def __repr__(self):
        return f"PolynomialFit(degree={self.degree}, l2={self.l2!r}, domain={self.domain})"


def fit(x, y, degree, l2=0.0) -> PolynomialFit:
    """Least squares (+ ridge λ = ``l2`` on the rescaled non-constant coefficients) of degree ``degree`` (chapter 5).

    Without a penalty the degree must be below the number of distinct x values
    (degree 16 interpolates the 17-point table); with l2 > 0 any degree up to
    ``MAX_DEGREE`` = 100 is allowed.
    """
    x, y = _check_xy(x, y)
    degree = checks.integer(degree, "degree", 0)
    if degree > MAX_DEGREE:
        raise ValueError(f"degree: expected an integer ≤ {MAX_DEGREE} (MAX_DEGREE: beyond it the powers are "
                         f"numerically dependent and the fit takes minutes), got {degree}")
    checks.size((x.size + degree) * (degree + 1), "degree", what="entries in the design matrix")
    l2 = checks.number(l2, "l2", 0)
    if np.max(np.abs(x)) > MAX_ABS_X:
        raise ValueError(f"x: expected abs(x) ≤ {MAX_ABS_X:g}, got values up to {np.max(np.abs(x)):.3g}")
    distinct = np.unique(x).size
    if l2 == 0 and degree > distinct - 1:
        raise ValueError(f"degree: at most {distinct - 1} for {distinct} distinct x values without a ridge "
                         f"penalty, got {degree}; use fewer degrees or l2 > 0")
    lo, hi = float(x.min()), float(x.max())
    if hi == lo:
        lo, hi = lo - 1.0, hi + 1.0
    t = (2.0 * x - (hi + lo)) / (hi - lo)
    V = np.vander(t, degree + 1, increasing=True)
    scale = np.sqrt(np.sum(V * V, axis=0))
    scale[scale == 0] = 1.0
    A, b = V / scale, y
    if l2 > 0 and degree > 0:
        penalty = np.sqrt(l2) * np.diag(1.0 / scale)[1:]
        A = np.vstack([A, penalty])
        b = np.concatenate([y, np.zeros(degree)])
    with np.errstate(all="ignore"):
        c, _, _, singular = np.linalg.lstsq(A, b, rcond=None)
    if not np.all(np.isfinite(c)):
        raise ValueError(f"y: the fit overflows float64 (abs(y) up to {np.max(np.abs(y)):.3g})")
    return PolynomialFit(c / scale, (lo, hi), degree, l2, condition=singular[0] / singular[-1])


def polyfit(x, y, degree, l2=0.0):
    """Coefficients a₀ … a_d (lowest degree first) of the least-squares (ridge) polynomial (chapter 5).

    Minimizes Σ(y − p(x))² + λΣ_{k≥1} c_k² (see the module docstring for c_k).
    Agrees with ``numpy.polynomial.Polynomial.fit(x, y, degree).convert().coef``
    for l2 = 0 (and with ``np.polyfit`` reversed, where that is well conditioned).
    """
    return fit(x, y, degree, l2).coef


def polyval(coef, x):
    """p(x) = Σ_k a_k x^k by Horner's rule, coefficients lowest degree first (chapter 5)."""
    c = checks.real_array(coef, "coef", ndim=1)
    return _evaluate(lambda t: _horner(c, t), x)


def _horner(c, x):
    result = np.zeros_like(x) + c[-1]
    for a in c[-2::-1]:
        result = result * x + a
    return result
