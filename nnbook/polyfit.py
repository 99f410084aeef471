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
"""
from __future__ import annotations

import numpy as np
from numpy.polynomial import Polynomial

__all__ = ["polyfit", "polyval", "fit", "PolynomialFit"]


def _check_xy(x, y):
    out = []
    for name, v in (("x", x), ("y", y)):
        try:
            arr = np.asarray(v, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"{name}: expected a 1-D array of numbers, got {type(v).__name__}") from None
        if arr.ndim != 1:
            raise ValueError(f"{name}: expected a 1-D array, got shape {arr.shape}")
        if arr.size < 1:
            raise ValueError(f"{name}: expected at least one point, got none")
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{name}: contains NaN or infinity")
        out.append(arr)
    if out[0].shape != out[1].shape:
        raise ValueError(f"y: expected as many values as x ({out[0].size}), got {out[1].size}")
    return out


def _check_degree(degree):
    if isinstance(degree, bool) or not isinstance(degree, (int, np.integer)):
        raise TypeError(f"degree: expected an integer ≥ 0, got {type(degree).__name__}")
    if degree < 0:
        raise ValueError(f"degree: expected an integer ≥ 0, got {degree}")
    return int(degree)


def _check_l2(l2):
    if isinstance(l2, bool) or not isinstance(l2, (int, float, np.integer, np.floating)):
        raise TypeError(f"l2: expected a number ≥ 0, got {type(l2).__name__}")
    if not np.isfinite(l2) or l2 < 0:
        raise ValueError(f"l2: expected a finite number ≥ 0, got {l2!r}")
    return float(l2)


class PolynomialFit:
    """A fitted polynomial: ``fit(x_new)`` evaluates it stably; ``coef`` a₀ … a_d in powers of x (chapter 5).

    Attributes: ``degree``, ``l2``, ``domain`` (x_min, x_max), ``scaled_coef`` c₀ … c_d
    (in powers of t), ``coef``.  ``sse(x, y)`` is Σ(y − p(x))².
    """

    def __init__(self, scaled_coef, domain, degree, l2):
        self.scaled_coef = np.asarray(scaled_coef, dtype=float)
        self.domain = (float(domain[0]), float(domain[1]))
        self.degree, self.l2 = degree, l2
        self._poly = Polynomial(self.scaled_coef, domain=list(self.domain), window=[-1, 1])

    @property
    def coef(self):
        """a₀ … a_d with p(x) = Σ a_k x^k (lowest degree first)."""
        c = self._poly.convert().coef
        out = np.zeros(self.degree + 1)
        out[:c.size] = c[:self.degree + 1]
        return out

    def __call__(self, x):
        try:
            x = np.asarray(x, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"x: expected numbers, got {type(x).__name__}") from None
        return self._poly(x)

    def sse(self, x, y):
        """Sum of squared errors Σ_i (y_i − p(x_i))² on the points (x, y)."""
        x, y = _check_xy(x, y)
        r = y - self(x)
        return float(r @ r)

    def __repr__(self):
        return f"PolynomialFit(degree={self.degree}, l2={self.l2!r}, domain={self.domain})"


def fit(x, y, degree, l2=0.0) -> PolynomialFit:
    """Least squares (+ ridge λ = ``l2`` on the rescaled non-constant coefficients) of degree ``degree`` (chapter 5).

    Without a penalty the degree must be below the number of distinct x values
    (degree 16 interpolates the 17-point table); with l2 > 0 any degree is allowed.
    """
    x, y = _check_xy(x, y)
    degree = _check_degree(degree)
    l2 = _check_l2(l2)
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
    c, *_ = np.linalg.lstsq(A, b, rcond=None)
    return PolynomialFit(c / scale, (lo, hi), degree, l2)


def polyfit(x, y, degree, l2=0.0):
    """Coefficients a₀ … a_d (lowest degree first) of the least-squares (ridge) polynomial (chapter 5).

    Minimizes Σ(y − p(x))² + λΣ_{k≥1} c_k² (see the module docstring for c_k).
    Agrees with ``numpy.polynomial.Polynomial.fit(x, y, degree).convert().coef``
    for l2 = 0 (and with ``np.polyfit`` reversed, where that is well conditioned).
    """
    return fit(x, y, degree, l2).coef


def polyval(coef, x):
    """p(x) = Σ_k a_k x^k by Horner's rule, coefficients lowest degree first (chapter 5)."""
    try:
        c = np.asarray(coef, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"coef: expected a 1-D array of numbers, got {type(coef).__name__}") from None
    if c.ndim != 1 or c.size == 0:
        raise ValueError(f"coef: expected a non-empty 1-D array, got shape {c.shape}")
    if not np.all(np.isfinite(c)):
        raise ValueError("coef: contains NaN or infinity")
    try:
        x = np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"x: expected numbers, got {type(x).__name__}") from None
    result = np.zeros_like(x) + c[-1]
    for a in c[-2::-1]:
        result = result * x + a
    return result
