"""Activation functions and their derivatives (chapter 0, "Activations").

Every activation is a pair (f, f') kept in one table, ``ACTIVATIONS``, in the
spirit of scikit-learn's ``ACTIVATIONS``/``DERIVATIVES`` dictionaries.  Both
functions act elementwise on a numpy array ``z`` of net inputs and return a new
float64 array; ``f'`` is the derivative with respect to ``z``.

Conventions (chapter 0 states them too): at a kink the derivative takes the
value of the right-hand piece, so ReLU'(0) = 1 as in Qiu's Table 5.1, and the
hard functions have derivative 0 at their breakpoints.  Every formula is
written so that it stays finite, and warning-free, for ``abs(z)`` up to 1e300.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Callable

import numpy as np

__all__ = ["Activation", "ACTIVATIONS", "get", "names"]


@dataclass(frozen=True)
class Activation:
    """One activation: ``f(z)``, its derivative ``df(z)`` and their formulas."""

    name: str
    f: Callable[[np.ndarray], np.ndarray]
    df: Callable[[np.ndarray], np.ndarray]
    formula: str
    derivative: str
    params: dict = field(default_factory=dict)

    def __call__(self, z):
        return self.f(z)


# --- the functions, each next to its derivative ------------------------------

def identity(z):
    """f(z) = z."""
    return np.array(z, dtype=float, copy=True)


def d_identity(z):
    """f'(z) = 1."""
    return np.ones_like(z, dtype=float)


def sigmoid(z):
    """σ(z) = 1 / (1 + e^{-z}), computed as ½(1 + tanh(z/2)) so it never overflows."""
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))


def d_sigmoid(z):
    """σ'(z) = σ(z)(1 − σ(z)); at most 0.25, at z = 0."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z):
    """tanh(z) = (e^z − e^{-z}) / (e^z + e^{-z}) = 2σ(2z) − 1."""
    return np.tanh(np.asarray(z, dtype=float))


def d_tanh(z):
    """tanh'(z) = 1 − tanh²(z); at most 1, at z = 0."""
    t = np.tanh(np.asarray(z, dtype=float))
    return 1.0 - t * t


def relu(z):
    """ReLU(z) = max(0, z)."""
    return np.maximum(np.asarray(z, dtype=float), 0.0)


def d_relu(z):
    """ReLU'(z) = 1 for z ≥ 0, else 0 (Qiu's convention at 0)."""
    return (np.asarray(z) >= 0).astype(float)


def leaky_relu(z, slope=0.01):
    """LeakyReLU(z) = max(0, z) + λ·min(0, z), with λ = ``slope`` (Qiu: λ = 0.01)."""
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, z, slope * z)


def d_leaky_relu(z, slope=0.01):
    """LeakyReLU'(z) = 1 for z ≥ 0, else λ."""
    return np.where(np.asarray(z) >= 0, 1.0, slope)


def prelu(z, a=0.25):
    """PReLU(z) = max(0, z) + a·min(0, z); ``a`` is learnable in a network (He et al. 2015).

    Here ``a`` is a fixed parameter: a = 0 gives ReLU, a small constant leaky ReLU.
    """
    return leaky_relu(z, a)


def d_prelu(z, a=0.25):
    """PReLU'(z) = 1 for z ≥ 0, else a (and ∂PReLU/∂a = min(0, z))."""
    return d_leaky_relu(z, a)


def elu(z, alpha=1.0):
    """ELU(z) = z for z ≥ 0, α(e^z − 1) otherwise."""
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, z, alpha * np.expm1(np.minimum(z, 0.0)))


def d_elu(z, alpha=1.0):
    """ELU'(z) = 1 for z ≥ 0, αe^z otherwise."""
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1.0, alpha * np.exp(np.minimum(z, 0.0)))


def softplus(z):
    """softplus(z) = ln(1 + e^z), computed as logaddexp(0, z)."""
    return np.logaddexp(0.0, np.asarray(z, dtype=float))


def d_softplus(z):
    """softplus'(z) = σ(z)."""
    return sigmoid(z)


def swish(z, beta=1.0):
    """swish(z) = z·σ(βz) (Ramachandran et al. 2017; β = 1 is also called SiLU)."""
    z = np.asarray(z, dtype=float)
    return z * sigmoid(beta * z)


def d_swish(z, beta=1.0):
    """swish'(z) = σ(βz) + βz·σ(βz)(1 − σ(βz))."""
    z = np.asarray(z, dtype=float)
    s = sigmoid(beta * z)
    return s + beta * z * s * (1.0 - s)


def hard_sigmoid(z):
    """Qiu's hard-logistic: the tangent of σ at 0, clipped: max(min(0.25z + 0.5, 1), 0)."""
    return np.clip(0.25 * np.asarray(z, dtype=float) + 0.5, 0.0, 1.0)


def d_hard_sigmoid(z):
    """0.25 on (−2, 2), else 0."""
    z = np.asarray(z)
    return np.where((z > -2) & (z < 2), 0.25, 0.0)


def hard_tanh(z):
    """Qiu's hard-tanh: the tangent of tanh at 0, clipped: max(min(z, 1), −1)."""
    return np.clip(np.asarray(z, dtype=float), -1.0, 1.0)


def d_hard_tanh(z):
    """1 on (−1, 1), else 0."""
    z = np.asarray(z)
    return np.where((z > -1) & (z < 1), 1.0, 0.0)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in [
        Activation("identity", identity, d_identity, "z", "1"),
        Activation("sigmoid", sigmoid, d_sigmoid, "1/(1+e^{-z})", "σ(z)(1−σ(z))"),
        Activation("tanh", tanh, d_tanh, "(e^z−e^{-z})/(e^z+e^{-z})", "1−tanh²(z)"),
        Activation("hard_sigmoid", hard_sigmoid, d_hard_sigmoid,
                   "max(min(0.25z+0.5, 1), 0)", "0.25 on (−2, 2), else 0"),
        Activation("hard_tanh", hard_tanh, d_hard_tanh, "max(min(z, 1), −1)", "1 on (−1, 1), else 0"),
        Activation("relu", relu, d_relu, "max(0, z)", "1 if z ≥ 0 else 0"),
        Activation("leaky_relu", leaky_relu, d_leaky_relu, "max(0, z) + λ·min(0, z)",
                   "1 if z ≥ 0 else λ", {"slope": 0.01}),
        Activation("prelu", prelu, d_prelu, "max(0, z) + a·min(0, z)", "1 if z ≥ 0 else a",
                   {"a": 0.25}),
        Activation("elu", elu, d_elu, "z if z ≥ 0 else α(e^z − 1)", "1 if z ≥ 0 else αe^z",
                   {"alpha": 1.0}),
        Activation("softplus", softplus, d_softplus, "ln(1 + e^z)", "σ(z)"),
        Activation("swish", swish, d_swish, "z·σ(βz)", "σ(βz) + βz·σ(βz)(1−σ(βz))", {"beta": 1.0}),
    ]
}


def names() -> list[str]:
    """The names of all activations, in table order."""
    return list(ACTIVATIONS)


def get(name, **params) -> Activation:
    """Look up an activation by name, optionally with its parameters bound.

    ``get("leaky_relu", slope=0.1)`` returns an :class:`Activation` whose ``f``
    and ``df`` use λ = 0.1.  An :class:`Activation` passes through unchanged.
    Unknown names and parameters raise ``ValueError`` naming them.
    """
    if isinstance(name, Activation):
        if params:
            raise ValueError("params: cannot bind parameters to an Activation object; pass its name")
        return name
    if not isinstance(name, str):
        raise TypeError(f"name: expected an activation name (str), got {type(name).__name__}")
    if name not in ACTIVATIONS:
        raise ValueError(f"name: unknown activation {name!r}; choose one of {', '.join(ACTIVATIONS)}")
    act = ACTIVATIONS[name]
    if not params:
        return act
    unknown = set(params) - set(act.params)
    if unknown:
        allowed = ", ".join(act.params) or "none"
        raise ValueError(f"params: {name} takes parameters ({allowed}), got {', '.join(sorted(unknown))}")
    for key, value in params.items():
        if not np.isfinite(value):
            raise ValueError(f"{key}: expected a finite number, got {value!r}")
    bound = {**act.params, **params}
    return Activation(name, partial(act.f, **bound), partial(act.df, **bound),
                      act.formula, act.derivative, bound)
