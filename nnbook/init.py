"""Weight initialization schemes (chapter 4, "Initialization").

Each scheme is a function ``scheme(shape, rng, **params)`` returning a new
float64 array of ``shape`` = (..., n_out, n_in): the last two axes are one
weight matrix W (z = W a + b, chapter 0), any leading axes are model axes.
So fan_in = n_in = ``shape[-1]`` and fan_out = n_out = ``shape[-2]``.
``rng`` is a :class:`numpy.random.Generator` (no hidden global state).

``get(name, **params)`` returns an :class:`Init` — a callable ``init(shape, rng)``
with its parameters bound — from the table ``INITS``, like
:mod:`nnbook.activations`.

Conventions, and how they map to the sources
--------------------------------------------
* ``normal(std)`` takes a **standard deviation**.  Glassner's "N(0, 0.05)" is
  Keras 2's ``kernel_initializer='normal'`` = RandomNormal(mean=0, stddev=0.05),
  so it is ``normal`` with std = 0.05 (variance 0.0025).  Qiu's "mean 0,
  variance 0.01" is ``normal`` with std = 0.1.
* ``glorot_uniform`` is exactly scikit-learn's ``MLPClassifier._init_coef``:
  U(−r, r), r = √(A / (fan_in + fan_out)), A = 2 for the logistic sigmoid and
  6 otherwise (Kneusel ch. 9).  Glorot & Bengio's own sigmoid recommendation is
  4× the tanh bound (Qiu, erratum E7); scikit-learn's A = 2 is smaller.
* ``xavier_normal`` is Glorot's normal variant, N(0, 2/(fan_in + fan_out)).
  Kneusel's "Caffe-style Xavier", N(0, 1)·√(1/fan_in), is ``lecun_normal``
  (also Nielsen's improved initialization, N(0, 1/n_in)).
* ``he_normal`` N(0, 2/fan_in), ``he_uniform`` U(±√(6/fan_in)) (He et al. 2015).
* A shape asks for at most ``checks.MAX_ELEMENTS`` (10⁸) weights; ``activation`` is
  scikit-learn's name (identity, logistic, tanh, relu) or one of :mod:`nnbook.activations`;
  ``std`` and ``scale`` are at most ``MAX_SCALE`` = 1e300, so that std·ε stays finite.
* ``small_uniform`` 0.01·U[0, 1) and ``small_normal`` 0.01·N(0, 1) are the
  "early practice" of Kneusel ch. 9; ``large_normal`` N(0, 1) is Nielsen's
  ``large_weight_initializer``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from nnbook import checks
from nnbook.activations import ACTIVATIONS

__all__ = [
    "Init", "INITS", "get", "names", "fans",
    "zeros", "constant", "small_uniform", "small_normal", "normal", "large_normal",
    "glorot_uniform", "glorot_bound", "sklearn_init", "xavier_normal", "he_normal", "he_uniform", "lecun_normal",
]

_LOGISTIC = ("sigmoid", "logistic")
#: the largest std or scale: std·ε is finite for every draw ε of N(0, 1) (abs(ε) < 40)
MAX_SCALE = 1e300
#: the activation names glorot_bound knows: scikit-learn's (identity, logistic, tanh, relu) and nnbook's
GLOROT_ACTIVATIONS = ("logistic",) + tuple(ACTIVATIONS)


def _shape(shape, *, need_fans):
    shape = checks.shape(shape, "shape")
    if need_fans and len(shape) < 2:
        raise ValueError(f"shape: expected (..., n_out, n_in) so that fan_in and fan_out are defined, "
                         f"got {shape!r}")
    return shape


def fans(shape):
    """(fan_in, fan_out) = (shape[-1], shape[-2]) for a weight shape (..., n_out, n_in) (chapter 4)."""
    shape = _shape(shape, need_fans=True)
    return shape[-1], shape[-2]


# --- the schemes ------------------------------------------------------------------

def zeros(shape, rng=None):
    """w = 0 (chapter 4): every unit of a layer computes the same thing, so symmetry is never broken."""
    return np.zeros(_shape(shape, need_fans=False))


def constant(shape, rng=None, value=0.1):
    """w = c for every weight (chapter 4): the symmetric-weights failure with a non-zero c."""
    return np.full(_shape(shape, need_fans=False), checks.number(value, "value"))


def small_uniform(shape, rng, scale=0.01):
    """w = s·u, u ~ U[0, 1), s = ``scale`` = 0.01 (chapter 4; Kneusel's early practice).

    Mean s/2, variance s²/12 (all weights positive, as the text describes it).
    """
    scale = checks.number(scale, "scale", 0, MAX_SCALE, low_open=True)
    return scale * checks.generator(rng).random(_shape(shape, need_fans=False))


def small_normal(shape, rng, scale=0.01):
    """w = s·ε, ε ~ N(0, 1), s = ``scale`` = 0.01 (chapter 4; Kneusel's early practice)."""
    scale = checks.number(scale, "scale", 0, MAX_SCALE, low_open=True)
    return scale * checks.generator(rng).standard_normal(_shape(shape, need_fans=False))


def normal(shape, rng, std=0.05):
    """w ~ N(0, σ²) with σ = ``std`` (a standard deviation) (chapter 4).

    Glassner's N(0, 0.05) (Keras RandomNormal, stddev = 0.05) is the default.
    """
    std = checks.number(std, "std", 0, MAX_SCALE, low_open=True)
    return std * checks.generator(rng).standard_normal(_shape(shape, need_fans=False))


def large_normal(shape, rng):
    """w ~ N(0, 1) (chapter 4; Nielsen's "large" initialization): saturates sigmoids in wide layers."""
    return checks.generator(rng).standard_normal(_shape(shape, need_fans=False))


def glorot_bound(fan_in, fan_out, activation="relu"):
    """r = √(A / (fan_in + fan_out)), A = 2 if activation is "sigmoid"/"logistic" else 6 (chapter 4).

    scikit-learn's ``_init_coef`` bound; e.g. 2 → 3 gives 0.63246 (A = 2) and 1.09545 (A = 6).
    ``activation`` is one of ``GLOROT_ACTIVATIONS`` (scikit-learn's names and nnbook's);
    any other name is a ValueError, not a silent A = 6.
    """
    for name, value in (("fan_in", fan_in), ("fan_out", fan_out)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name}: expected a positive integer, got {value!r}")
    if not isinstance(activation, str):
        raise TypeError(f"activation: expected an activation name (str), got {type(activation).__name__}")
    if activation not in GLOROT_ACTIVATIONS:
        raise ValueError(f"activation: unknown activation {activation!r} for the Glorot bound; choose one of "
                         f"{', '.join(GLOROT_ACTIVATIONS)}")
    factor = 2.0 if activation in _LOGISTIC else 6.0
    return float(np.sqrt(factor / (fan_in + fan_out)))


def glorot_uniform(shape, rng, activation="relu", gain=1.0):
    """w ~ U(−r, r), r = gain·√(A / (fan_in + fan_out)), A = 2 for sigmoid/logistic, 6 otherwise (chapter 4).

    With gain 1 exactly scikit-learn's ``MLPClassifier._init_coef`` (Kneusel ch. 9);
    variance r²/3 = A / (3(fan_in + fan_out)), i.e. 2/(fan_in + fan_out) for A = 6.
    Glorot & Bengio's (and Theano's) sigmoid bound is ``activation="tanh", gain=4``:
    4·√(6/(fan_in + fan_out)), as σ′(0) = 1/4 (the 4× that Qiu puts on tanh).
    """
    shape = _shape(shape, need_fans=True)
    gain = checks.number(gain, "gain", 0, 1e6, low_open=True)
    r = gain * glorot_bound(shape[-1], shape[-2], activation)
    return checks.generator(rng).uniform(-r, r, shape)


def sklearn_init(sizes, activation="relu", random_state=0):
    """The initial weights and biases of scikit-learn's ``MLPClassifier`` (chapter 4), in the book's layout.

    scikit-learn draws, layer after layer from ``np.random.RandomState(random_state)``, the
    coefficients U(−r, r) of shape (fan_in, fan_out) and then the intercepts from the same
    range, r = :func:`glorot_bound` (Kneusel ch. 9: biases from the weights' distribution).
    Returns (weights, biases): W⁽ˡ⁾ = ``coefs_[l-1].T`` of shape (n_out, n_in), b⁽ˡ⁾ = ``intercepts_[l-1]``.
    ``sizes`` are the layer sizes including input and output units ([n_in, …, n_out]).
    """
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__iter__"):
        raise TypeError(f"sizes: expected a list of layer sizes, got {type(sizes).__name__}")
    sizes = [checks.integer(n, "sizes", 1, 100_000) for n in sizes]
    if len(sizes) < 2:
        raise ValueError(f"sizes: expected at least an input and an output size, got {sizes}")
    checks.size(sum(a * b for a, b in zip(sizes, sizes[1:])), "sizes")
    state = np.random.RandomState(checks.integer(random_state, "random_state", 0, 2**32 - 1))
    weights, biases = [], []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        r = glorot_bound(fan_in, fan_out, activation)
        weights.append(state.uniform(-r, r, (fan_in, fan_out)).T.copy())
        biases.append(state.uniform(-r, r, fan_out))
    return weights, biases


def xavier_normal(shape, rng):
    """w ~ N(0, 2/(fan_in + fan_out)) (chapter 4; Glorot & Bengio's normal variant, Qiu §5.7.4)."""
    shape = _shape(shape, need_fans=True)
    return np.sqrt(2.0 / (shape[-1] + shape[-2])) * checks.generator(rng).standard_normal(shape)


def he_normal(shape, rng):
    """w ~ N(0, 2/fan_in) (chapter 4; He et al. 2015, for ReLU layers)."""
    shape = _shape(shape, need_fans=True)
    return np.sqrt(2.0 / shape[-1]) * checks.generator(rng).standard_normal(shape)


def he_uniform(shape, rng):
    """w ~ U(−r, r), r = √(6/fan_in), so Var w = 2/fan_in (chapter 4; He et al. 2015)."""
    shape = _shape(shape, need_fans=True)
    r = np.sqrt(6.0 / shape[-1])
    return checks.generator(rng).uniform(-r, r, shape)


def lecun_normal(shape, rng):
    """w ~ N(0, 1/fan_in), std 1/√n_in (chapter 4; Nielsen's improved init, Kneusel's Caffe-style Xavier)."""
    shape = _shape(shape, need_fans=True)
    return np.sqrt(1.0 / shape[-1]) * checks.generator(rng).standard_normal(shape)


# --- the table ---------------------------------------------------------------------

@dataclass(frozen=True)
class Init:
    """One initialization scheme (chapter 4): ``fn(shape, rng, **params)``, its formula and bound parameters."""

    name: str
    fn: Callable
    formula: str
    params: dict = field(default_factory=dict)

    def __post_init__(self):
        if not isinstance(self.name, str) or not isinstance(self.formula, str):
            raise TypeError(f"name, formula: expected two str, got {type(self.name).__name__} and "
                            f"{type(self.formula).__name__}")
        if not callable(self.fn):
            raise TypeError(f"fn: expected a function fn(shape, rng, **params), got {type(self.fn).__name__}")
        if not isinstance(self.params, dict):
            raise TypeError(f"params: expected a dict, got {type(self.params).__name__}")

    def __call__(self, shape, rng=None):
        return self.fn(shape, rng, **self.params)


INITS: dict[str, Init] = {
    entry.name: entry
    for entry in [
        Init("zeros", zeros, "0"),
        Init("constant", constant, "c", {"value": 0.1}),
        Init("small_uniform", small_uniform, "s·U[0, 1)", {"scale": 0.01}),
        Init("small_normal", small_normal, "s·N(0, 1)", {"scale": 0.01}),
        Init("normal", normal, "N(0, σ²)", {"std": 0.05}),
        Init("large_normal", large_normal, "N(0, 1)"),
        Init("glorot_uniform", glorot_uniform, "U(±gain·√(A/(fan_in+fan_out)))", {"activation": "relu", "gain": 1.0}),
        Init("xavier_normal", xavier_normal, "N(0, 2/(fan_in+fan_out))"),
        Init("he_normal", he_normal, "N(0, 2/fan_in)"),
        Init("he_uniform", he_uniform, "U(±√(6/fan_in))"),
        Init("lecun_normal", lecun_normal, "N(0, 1/fan_in)"),
    ]
}


def names() -> list[str]:
    """The names of all initialization schemes, in table order (chapter 4)."""
    return list(INITS)


def _bind(entry, params):
    """A copy of ``entry`` with ``params`` bound, checked now (one draw from a throwaway generator)."""
    bound = {**entry.params, **params}
    entry.fn((1, 1), np.random.default_rng(0), **bound)
    return Init(entry.name, entry.fn, entry.formula, bound)


def get(name, **params) -> Init:
    """Look up an initialization scheme by name, with its parameters bound (chapter 4).

    ``get("normal", std=0.05)(shape, rng)`` draws Glassner's N(0, 0.05) weights;
    ``get("glorot_uniform", activation="logistic")`` uses A = 2.  An :class:`Init`
    passes through unchanged.  Unknown names and parameters raise ``ValueError``.
    """
    if not isinstance(name, (str, Init)):
        raise TypeError(f"name: expected an initialization name (str), got {type(name).__name__}")
    return checks.lookup(INITS, name, "initialization", Init, params, _bind)
