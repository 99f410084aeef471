"""Numerical gradients and the gradient check (chapter 2, "Checking gradients").

``f`` is a function of no arguments that reads an array ``x`` (for example a
network's weights) and returns a scalar loss.  Each entry of ``x`` is perturbed
in place, ``f`` re-evaluated, and the entry restored — even if ``f`` raises.

* central difference:  ∂f/∂x_i ≈ (f(x + εe_i) − f(x − εe_i)) / 2ε,  error O(ε²)
* forward difference:  ∂f/∂x_i ≈ (f(x + εe_i) − f(x)) / ε,           error O(ε)

and the agreement of two gradients is measured by

    relative_error(a, b) = max|a − b| / max(max|a| + max|b|, tiny),

tiny = the smallest positive float64, so two zero gradients have error 0.
Values around 1e-7 or below mean "agree" for float64 central differences with
ε = 1e-6; 1e-3 or above means a bug.
"""
from __future__ import annotations

import numpy as np

__all__ = ["numerical_gradient", "forward_difference", "relative_error", "check_gradient"]

_TINY = np.finfo(float).tiny


def _check_args(f, x, eps):
    if not callable(f):
        raise TypeError(f"f: expected a function of no arguments returning a number, got {type(f).__name__}")
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError(f"x: expected a float ndarray that f reads (it is perturbed in place), "
                        f"got {type(x).__name__}")
    if not x.flags.writeable:
        raise ValueError("x: the array is read-only; it must be perturbed in place")
    if not np.all(np.isfinite(x)):
        raise ValueError("x: contains NaN or infinity")
    if isinstance(eps, bool) or not isinstance(eps, (int, float, np.integer, np.floating)):
        raise TypeError(f"eps: expected a small number > 0, got {type(eps).__name__}")
    if not np.isfinite(eps) or eps <= 0:
        raise ValueError(f"eps: expected a finite number > 0, got {eps!r}")
    return float(eps)


def _call(f):
    value = np.asarray(f(), dtype=float)
    if value.size != 1:
        raise ValueError(f"f: expected a scalar result, got shape {value.shape}")
    return float(value.reshape(()))


def numerical_gradient(f, x, eps=1e-6):
    """Central differences: g_i = (f(x + εe_i) − f(x − εe_i)) / 2ε for every entry of x (chapter 2).

    ``x`` is perturbed in place and restored exactly; returns an array shaped like x.
    """
    eps = _check_args(f, x, eps)
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        try:
            x[i] = old + eps
            up = _call(f)
            x[i] = old - eps
            down = _call(f)
        finally:
            x[i] = old
        grad[i] = (up - down) / (2 * eps)
    return grad


def forward_difference(f, x, eps=1e-6):
    """Forward differences: g_i = (f(x + εe_i) − f(x)) / ε (chapter 2); less accurate than central ones."""
    eps = _check_args(f, x, eps)
    grad = np.zeros(x.shape)
    f0 = _call(f)
    for i in np.ndindex(x.shape):
        old = x[i]
        try:
            x[i] = old + eps
            up = _call(f)
        finally:
            x[i] = old
        grad[i] = (up - f0) / eps
    return grad


def relative_error(a, b):
    """max|a − b| / max(max|a| + max|b|, tiny) (chapter 2): 0 for equal arrays, at most 1."""
    try:
        a = np.asarray(a, dtype=float)
        b = np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        raise TypeError("a, b: expected arrays of numbers") from None
    if a.shape != b.shape:
        raise ValueError(f"b: expected the shape of a {a.shape}, got {b.shape}")
    for name, arr in (("a", a), ("b", b)):
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{name}: contains NaN or infinity")
    if a.size == 0:
        return 0.0
    scale = np.max(np.abs(a)) + np.max(np.abs(b))
    return float(np.max(np.abs(a - b)) / max(scale, _TINY))


def check_gradient(f, grad, x, eps=1e-6):
    """relative_error(grad, numerical_gradient(f, x, eps)) for an analytic gradient ``grad`` (chapter 2)."""
    return relative_error(grad, numerical_gradient(f, x, eps))
