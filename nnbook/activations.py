"""Activation functions and their derivatives (chapter 0, "Activation functions").

Every activation is a pair (f, f') kept in one table, ``ACTIVATIONS``, in the
spirit of scikit-learn's ``ACTIVATIONS``/``DERIVATIVES`` dictionaries.  Both
functions act elementwise on a numpy array ``z`` of net inputs and return a new
float64 array; ``f'`` is the derivative with respect to ``z``.  Each entry also
records its range, its kinks (the points where f' jumps) and its source.

Conventions (chapter 0 states them too): at the ReLU-type kinks (ReLU, leaky
ReLU, PReLU, ELU at 0) the derivative takes the right-hand value, so
ReLU'(0) = 1 as in Qiu's Table 5.1; the hard functions take 0, the flat
piece's slope, at both breakpoints.  Every formula is written so that it stays
finite, and warning-free, for ``abs(z)`` up to 1e300.

Inputs: ``z`` is anything numpy reads as real numbers (a float ndarray, a list, a
Python or numpy number); ``None``, strings, bools, complex numbers and other objects
raise ``TypeError`` naming ``z`` instead of turning into NaN.  NaN and ±inf net
inputs are let through (a diverging network meets them, and its training records
where), so they may give NaN.  The check costs one ``type`` and one ``dtype`` test
(about 35 ns) on the network's float64 arrays.  Parameters (λ, a, α, β) are at most
``MAX_PARAM`` = 1000 in absolute value, which keeps every formula finite for
``abs(z)`` up to 1e300 (λ = 1e308 would overflow λz).
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from functools import partial
from typing import Callable

import numpy as np

from nnbook import checks

__all__ = ["Activation", "ACTIVATIONS", "get", "names", "MAX_PARAM"]

#: the largest abs(parameter) get() binds: λ·z, βz stay within float64 for abs(z) ≤ 1e300
MAX_PARAM = 1000.0


@dataclass(frozen=True)
class Activation:
    """One activation: ``f(z)``, its derivative ``df(z)`` and their formulas (chapter 0).

    ``range`` is the set of values f takes (for the default parameters),
    ``kinks`` the points where f' is discontinuous, ``source`` where the book
    takes the function from.
    """

    name: str
    f: Callable[[np.ndarray], np.ndarray]
    df: Callable[[np.ndarray], np.ndarray]
    formula: str
    derivative: str
    params: dict = field(default_factory=dict)
    range: str = ""
    kinks: tuple = ()
    source: str = ""

    def __post_init__(self):
        for key in ("name", "formula", "derivative", "range", "source"):
            if not isinstance(getattr(self, key), str):
                raise TypeError(f"{key}: expected a str, got {type(getattr(self, key)).__name__}")
        for key in ("f", "df"):
            if not callable(getattr(self, key)):
                raise TypeError(f"{key}: expected a function of z, got {type(getattr(self, key)).__name__}")
        if not isinstance(self.params, dict) or not isinstance(self.kinks, tuple):
            raise TypeError(f"params, kinks: expected a dict and a tuple, got {type(self.params).__name__} "
                            f"and {type(self.kinks).__name__}")

    def __call__(self, z):
        return self.f(z)


# The fast path of every function below is one test, ``type(z) is _NDARRAY and z.dtype is
# _FLOAT64`` (numpy's float64 dtype is a singleton), about 35 ns; anything else takes _as_float.
_NDARRAY, _FLOAT64 = np.ndarray, np.dtype(np.float64)


def _as_float(z):
    """The slow path of every function below: ``z`` as float64, or a TypeError naming z (chapter 0)."""
    return checks.real_array(z, "z", finite=False, nonempty=False)


# --- the functions, each next to its derivative ------------------------------

def identity(z):
    """f(z) = z."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.array(z, dtype=float, copy=True)


def d_identity(z):
    """f'(z) = 1."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.ones_like(z, dtype=float)


def step(z):
    """The perceptron's threshold: 1 for z ≥ 0, else 0."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return (z >= 0).astype(float)


def d_step(z):
    """0 wherever it exists (everywhere but z = 0): no gradient to learn from."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.zeros_like(z, dtype=float)


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)).

    Computed from e = exp(−abs(z)), which never overflows: σ = 1/(1 + e) for
    z ≥ 0 and e/(1 + e) for z < 0, accurate to the last digit on both tails.
    """
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    out = np.empty_like(z)
    sigmoid_into(z, out)
    return out[()] if out.ndim == 0 else out


def sigmoid_into(z, out):
    """σ(z) written into the float64 array ``out`` (the network's in-place kernel, chapter 2):
    the same operations as :func:`sigmoid`, so the two agree to the bit.  Within a few ulps of
    the exact value over the whole float64 range, with no overflow: e = exp(−|z|) ≤ 1."""
    np.copysign(z, _MINUS_ONE, out=out)         # −|z|
    np.exp(out, out=out)                        # e = exp(−|z|)
    denominator = np.add(out, _ONE)             # 1 + e
    np.copyto(out, _ONE, where=np.greater_equal(z, _ZERO))   # numerator: 1 for z ≥ 0, e for z < 0
    np.divide(out, denominator, out=out)


def _constant(value):
    """A read-only 0-d float64 array: hot kernels pass these, not Python floats, which numpy
    would convert on every call (at batch size 1 that costs about as much as the operation)."""
    c = np.array(value, dtype=float)
    c.flags.writeable = False
    return c


_ZERO, _ONE, _MINUS_ONE = _constant(0.0), _constant(1.0), _constant(-1.0)


def d_sigmoid(z):
    """σ'(z) = σ(z)(1 − σ(z)) = σ(z)σ(−z); at most 0.25, at z = 0.

    Computed as e/(1 + e)² with e = exp(−abs(z)), so the tails keep their digits.
    """
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    e = np.exp(-np.abs(z))
    return e / (1.0 + e) ** 2


def tanh(z):
    """tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)) = 2σ(2z) − 1."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.tanh(z)


def d_tanh(z):
    """tanh'(z) = 1 − tanh²(z); at most 1, at z = 0."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    t = np.tanh(z)
    return 1.0 - t * t


def hard_sigmoid(z):
    """Qiu's hard-logistic: the tangent of σ at 0, clipped: max(min(0.25z + 0.5, 1), 0)."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.clip(0.25 * z + 0.5, 0.0, 1.0)


def d_hard_sigmoid(z):
    """0.25 on (−2, 2), else 0."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.where((z > -2) & (z < 2), 0.25, 0.0)


def hard_tanh(z):
    """Qiu's hard-tanh: the tangent of tanh at 0, clipped: max(min(z, 1), −1)."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.clip(z, -1.0, 1.0)


def d_hard_tanh(z):
    """1 on (−1, 1), else 0."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.where((z > -1) & (z < 1), 1.0, 0.0)


def relu(z):
    """ReLU(z) = max(0, z)."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.maximum(z, 0.0)


def d_relu(z):
    """ReLU'(z) = 1 for z ≥ 0, else 0 (Qiu's convention at 0)."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return (z >= 0).astype(float)


def leaky_relu(z, slope=0.01):
    """LeakyReLU(z) = max(0, z) + λ·min(0, z), with λ = ``slope`` (Qiu: λ = 0.01)."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.where(z >= 0, z, slope * z)


def d_leaky_relu(z, slope=0.01):
    """LeakyReLU'(z) = 1 for z ≥ 0, else λ."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.where(z >= 0, 1.0, float(slope))


def prelu(z, a=0.25):
    """PReLU(z) = max(0, z) + a·min(0, z); ``a`` is learnable in a network (He et al. 2015).

    Here ``a`` is a fixed parameter: a = 0 gives ReLU, a small constant leaky ReLU.
    """
    return leaky_relu(z, a)


def d_prelu(z, a=0.25):
    """PReLU'(z) = 1 for z ≥ 0, else a (and ∂PReLU/∂a = min(0, z))."""
    return d_leaky_relu(z, a)


def softplus(z):
    """softplus(z) = ln(1 + e^z), computed as logaddexp(0, z)."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.logaddexp(0.0, z)


def d_softplus(z):
    """softplus'(z) = σ(z)."""
    return sigmoid(z)


def elu(z, alpha=1.0):
    """ELU(z) = z for z ≥ 0, α(e^z − 1) otherwise (Clevert et al. 2016)."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.where(z >= 0, z, alpha * np.expm1(np.minimum(z, 0.0)))


def d_elu(z, alpha=1.0):
    """ELU'(z) = 1 for z ≥ 0, αe^z otherwise."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return np.where(z >= 0, 1.0, alpha * np.exp(np.minimum(z, 0.0)))


def swish(z, beta=1.0):
    """swish(z) = z·σ(βz) (Ramachandran et al. 2017; β = 1 is also called SiLU)."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return z * sigmoid(beta * z)


def d_swish(z, beta=1.0):
    """swish'(z) = σ(βz) + βz·σ'(βz)."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return sigmoid(beta * z) + beta * z * d_sigmoid(beta * z)


_erfc = np.vectorize(math.erfc, otypes=[float])


def _std_normal_cdf(z):
    """Φ(z) = erfc(−z/√2)/2 (erfc keeps the digits of the far left tail)."""
    return 0.5 * _erfc(-np.asarray(z, dtype=float) / math.sqrt(2.0))


def gelu(z):
    """GELU(z) = z·Φ(z), Φ the standard normal CDF (Hendrycks & Gimpel 2016), exact form."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    return z * _std_normal_cdf(z)


def d_gelu(z):
    """GELU'(z) = Φ(z) + z·φ(z), φ the standard normal density."""
    if type(z) is not _NDARRAY or z.dtype is not _FLOAT64:
        z = _as_float(z)
    zc = np.clip(z, -40.0, 40.0)  # φ(±40) underflows to 0 anyway; clipping avoids z² overflow
    return _std_normal_cdf(z) + z * np.exp(-0.5 * zc * zc) / math.sqrt(2.0 * math.pi)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in [
        Activation("identity", identity, d_identity, "z", "1",
                   range="(−∞, ∞)", source="linear output units"),
        Activation("step", step, d_step, "1 if z ≥ 0 else 0", "0 (undefined at 0)",
                   range="{0, 1}", kinks=(0.0,), source="Qiu §5.1.1 (the perceptron)"),
        Activation("sigmoid", sigmoid, d_sigmoid, "1 / (1 + e⁻ᶻ)", "σ(z)(1 − σ(z))",
                   range="(0, 1)", source="Qiu (5.4), Table 5.1"),
        Activation("tanh", tanh, d_tanh, "(eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ) = 2σ(2z) − 1", "1 − tanh²(z)",
                   range="(−1, 1)", source="Qiu (5.5)–(5.6), Table 5.1"),
        Activation("hard_sigmoid", hard_sigmoid, d_hard_sigmoid, "max(min(0.25z + 0.5, 1), 0)",
                   "0.25 on (−2, 2), else 0", range="[0, 1]", kinks=(-2.0, 2.0),
                   source="Qiu (5.7)–(5.11), Fig. 5.3a"),
        Activation("hard_tanh", hard_tanh, d_hard_tanh, "max(min(z, 1), −1)",
                   "1 on (−1, 1), else 0", range="[−1, 1]", kinks=(-1.0, 1.0),
                   source="Qiu (5.12)–(5.15), Fig. 5.3b"),
        Activation("relu", relu, d_relu, "max(0, z)", "1 if z ≥ 0 else 0",
                   range="[0, ∞)", kinks=(0.0,), source="Qiu (5.16)–(5.17), Table 5.1"),
        Activation("leaky_relu", leaky_relu, d_leaky_relu, "max(0, z) + λ·min(0, z)",
                   "1 if z ≥ 0 else λ", {"slope": 0.01},
                   range="(−∞, ∞)", kinks=(0.0,), source="Qiu (5.18)–(5.19)"),
        Activation("prelu", prelu, d_prelu, "max(0, z) + a·min(0, z)", "1 if z ≥ 0 else a",
                   {"a": 0.25}, range="(−∞, ∞)", kinks=(0.0,), source="Qiu (5.20)–(5.21), Fig. 5.4"),
        Activation("softplus", softplus, d_softplus, "ln(1 + eᶻ)", "σ(z)",
                   range="(0, ∞)", source="Qiu (5.22), Table 5.1, Fig. 5.4"),
        Activation("elu", elu, d_elu, "z if z ≥ 0 else α(eᶻ − 1)", "1 if z ≥ 0 else αeᶻ",
                   {"alpha": 1.0}, range="(−α, ∞)", kinks=(0.0,),
                   source="beyond Qiu: Clevert et al. 2016"),
        Activation("swish", swish, d_swish, "z·σ(βz)", "σ(βz) + βz·σ(βz)(1 − σ(βz))",
                   {"beta": 1.0}, range="[−0.278/β, ∞) for β > 0",
                   source="beyond Qiu: Ramachandran et al. 2017"),
        Activation("gelu", gelu, d_gelu, "z·Φ(z)", "Φ(z) + z·φ(z)",
                   range="[−0.170, ∞)", source="beyond Qiu: Hendrycks & Gimpel 2016"),
    ]
}


def names() -> list[str]:
    """The names of all activations, in table order (chapter 0)."""
    return list(ACTIVATIONS)


def _bind(act, params):
    """A copy of ``act`` with its parameters (real numbers) bound into f and df."""
    for key, value in params.items():
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"{key}: expected a real number, got {type(value).__name__} {value!r}")
    bound = {key: checks.number(value, key, -MAX_PARAM, MAX_PARAM) for key, value in {**act.params, **params}.items()}
    return Activation(act.name, partial(act.f, **bound), partial(act.df, **bound),
                      act.formula, act.derivative, bound, act.range, act.kinks, act.source)


def get(name, **params) -> Activation:
    """Look up an activation by name, optionally with its parameters bound (chapter 0).

    ``get("leaky_relu", slope=0.1)`` returns an :class:`Activation` whose ``f``
    and ``df`` use λ = 0.1.  An :class:`Activation` passes through unchanged.
    Unknown names and parameters raise ``ValueError`` naming them; a name or
    parameter value of the wrong type raises ``TypeError``.
    """
    if not isinstance(name, (str, Activation)):
        raise TypeError(f"name: expected an activation name (str), got {type(name).__name__}")
    return checks.lookup(ACTIVATIONS, name, "activation", Activation, params, _bind)
