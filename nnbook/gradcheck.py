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

Limits: 0 < ε ≤ 1, and ε must change every entry of x (x + ε ≠ x: in float16, or
for abs(x) ≳ 1e10 in float64, ε = 1e-6 does not, and the gradient would silently be
0); ``f`` must return a finite number; x has at most ``checks.MAX_STEPS`` / 2
(5·10⁶) entries, as each costs two calls of f.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from nnbook import checks

__all__ = ["numerical_gradient", "forward_difference", "relative_error", "check_gradient"]

_TINY = np.finfo(float).tiny


def _check_args(f, x, eps, calls_per_entry):
    if not callable(f):
        raise TypeError(f"f: expected a function of no arguments returning a number, got {type(f).__name__}")
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError(f"x: expected a float ndarray that f reads (it is perturbed in place), "
                        f"got {type(x).__name__}")
    if not x.flags.writeable:
        raise ValueError("x: the array is read-only; it must be perturbed in place")
    if not np.all(np.isfinite(x)):
        raise ValueError("x: contains NaN or infinity")
    checks.size(calls_per_entry * x.size, "x", checks.MAX_STEPS, "calls of f")
    eps = checks.number(eps, "eps", 0, 1, low_open=True)
    with np.errstate(over="ignore"):
        unmoved = (x + x.dtype.type(eps) == x) | (x - x.dtype.type(eps) == x)
    if np.any(unmoved):
        i = np.unravel_index(np.argmax(unmoved), x.shape) if x.ndim else ()
        raise ValueError(f"x, eps: eps = {eps:g} does not change x{[int(j) for j in i]} = {float(x[i]):g} in "
                         f"{x.dtype}; use a larger eps, or float64 values of moderate size")
    return eps


def _call(f):
    value = f()
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.ndarray)):
        raise TypeError(f"f: expected a function returning a number, got {type(value).__name__}")
    value = checks.real_array(value, "f", finite=False)
    if value.size != 1:
        raise ValueError(f"f: expected a scalar result, got shape {value.shape}")
    value = float(value.reshape(()))
    if not math.isfinite(value):
        raise ValueError(f"f: returned {value!r}; a gradient check needs finite values near x")
    return value


def numerical_gradient(f, x, eps=1e-6):
    """Central differences: g_i = (f(x + εe_i) − f(x − εe_i)) / 2ε for every entry of x (chapter 2).

    ``x`` is perturbed in place and restored exactly; returns an array shaped like x.
    """
    eps = _check_args(f, x, eps, 2)
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
    eps = _check_args(f, x, eps, 1)
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
    a = checks.real_array(a, "a", nonempty=False)
    b = checks.real_array(b, "b", nonempty=False)
    if a.shape != b.shape:
        raise ValueError(f"b: expected the shape of a {a.shape}, got {b.shape}")
    if a.size == 0:
        return 0.0
    top = max(np.max(np.abs(a)), np.max(np.abs(b)))
    if top > 2.0 ** 1000:                      # a − b or the sum of maxima could overflow: halve exactly
        a, b = np.ldexp(a, -24), np.ldexp(b, -24)
    scale = np.max(np.abs(a)) + np.max(np.abs(b))
    return float(np.max(np.abs(a - b)) / max(scale, _TINY))


def check_gradient(f, grad, x, eps=1e-6):
    """relative_error(grad, numerical_gradient(f, x, eps)) for an analytic gradient ``grad`` (chapter 2)."""
    _check_args(f, x, eps, 2)
    grad = checks.real_array(grad, "grad", nonempty=False)
    if grad.shape != x.shape:
        raise ValueError(f"grad: expected the shape of x {x.shape}, got {grad.shape}")
    return relative_error(grad, numerical_gradient(f, x, eps))
