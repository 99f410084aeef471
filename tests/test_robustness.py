"""Robustness (issue 8): every public entry point refuses bad input, naming the argument.

The project rule: a public function checks its inputs and raises ``ValueError`` or
``TypeError`` whose message starts with the argument's name ("x: expected …, got …");
never a silent NaN, never a warning escaping from numpy, never a hang; huge sizes are
refused with a stated limit.  ``ENTRIES`` is one table: per entry point, a call, keyword
arguments that work, and for each argument a hypothesis strategy of values that must be
refused.  Each argument is a test case; the valid call is one more (it must work, with
no NaN and no warning).  To cover another module (network, train, optim, plots), append
its entries to ``ENTRIES``.  ``benchmarks/fuzz_public_api.py`` runs a fixed set of such
values over every callable and prints a table.
"""
from __future__ import annotations

import gzip
import math
import re
import struct
import warnings
from dataclasses import dataclass, fields, is_dataclass
from typing import Callable

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import itertools
import sys

from nnbook import activations, autodiff, core, data, experiments, gradcheck, heads, init, losses, network, optim
from nnbook import plots, polyfit, regularization, surfaces
from nnbook.history import History
from nnbook.lockstep import MAX_MODELS, lockstep, stack
from nnbook.lockstep import select as lockstep_select
from nnbook.network import MLP
from nnbook.train import MAX_EPOCHS as TRAIN_MAX_EPOCHS
from nnbook.train import Trainer, train
from nnbook.widgets import activation_explorer as explorer

NAN, INF = math.nan, math.inf


# --- bad values --------------------------------------------------------------------------------

JUNK = st.sampled_from([None, "abc", ["a", "b"], {"a": 1}, object(), b"1", {1, 2}])
TEXT = st.text(max_size=5)
NONFINITE = st.sampled_from([NAN, INF, -INF, np.float32("nan"), np.float64("-inf")])
HUGE_INT = st.integers(min_value=2**1024, max_value=2**1100)          # beyond float64
COMPLEX = st.complex_numbers(max_magnitude=10, allow_nan=False).filter(lambda c: c.imag != 0)
FLOATS = st.floats(-5, 5)


def _inserted(bad):
    """A list of floats with one ``bad`` element somewhere in it."""
    return st.tuples(st.lists(FLOATS, max_size=3), bad, st.integers(0, 3)).map(
        lambda t: t[0][:t[2]] + [t[1]] + t[0][t[2]:])


#: sequences that are not arrays of real numbers (numpy would turn None into NaN, "1.5" into 1.5)
NOT_NUMBERS = st.one_of(JUNK, TEXT, st.booleans(), _inserted(st.none()), _inserted(st.text(max_size=3)),
                        _inserted(COMPLEX), _inserted(HUGE_INT), _inserted(st.sampled_from([{"a": 1}, object()])),
                        st.lists(st.lists(FLOATS, min_size=1, max_size=3), min_size=2, max_size=3).filter(
                            lambda rows: len({len(r) for r in rows}) > 1))


def not_numbers_2d(k):
    """2-D (1, k) rows holding a non-number, and the junk above."""
    return st.one_of(JUNK, st.booleans(), st.lists(st.one_of(st.none(), st.text(max_size=2), COMPLEX),
                                                   min_size=k, max_size=k).map(lambda row: [row]))


def numbers(low=None, high=None, *, low_open=False, high_open=False):
    """Values a real-number argument with these bounds must refuse."""
    parts = [JUNK, TEXT, st.booleans(), NONFINITE, HUGE_INT, COMPLEX, st.lists(FLOATS, min_size=1, max_size=2)]
    if low is not None:
        parts.append(st.floats(max_value=low, allow_nan=False, allow_infinity=False)
                     .filter(lambda v: v < low or (low_open and v == low)))
    if high is not None:
        parts.append(st.floats(min_value=high, allow_nan=False, allow_infinity=False)
                     .filter(lambda v: v > high or (high_open and v == high)))
    return st.one_of(parts)


def integers(low=None, high=None, *, huge=()):
    """Values an integer argument with these bounds must refuse (floats, even 3.0, are not integers)."""
    parts = [JUNK, TEXT, st.booleans(), st.floats(), st.floats(-5, 5).map(np.float64), st.sampled_from(list(huge))
             if huge else st.nothing()]
    if low is not None:
        parts.append(st.integers(max_value=low - 1))
    if high is not None:
        parts.append(st.integers(min_value=high + 1))
    return st.one_of(parts)


def arrays(*, finite=True, more=()):
    """Values an array-of-numbers argument must refuse (NaN/inf too, unless ``finite=False``)."""
    parts = [NOT_NUMBERS] + ([_inserted(NONFINITE)] if finite else []) + list(more)
    return st.one_of(parts)


def names(valid):
    return st.one_of(JUNK, TEXT.filter(lambda s: s not in valid), st.integers(), st.booleans(),
                     st.lists(st.sampled_from(list(valid)), min_size=1, max_size=2))


FLAGS = st.one_of(JUNK, TEXT, st.integers(), st.floats(), st.lists(st.booleans(), min_size=1, max_size=2))
RNGS = st.one_of(JUNK, TEXT, st.integers(), st.booleans(), st.integers(0, 9).map(np.random.RandomState))
SHAPES = st.one_of(JUNK.filter(lambda v: not isinstance(v, (list, set))), TEXT.filter(bool), st.floats(),
                   st.tuples(st.integers(1, 4), st.floats(0.5, 9.5).filter(lambda v: v != int(v))),
                   st.tuples(st.booleans(), st.integers(1, 4)),
                   st.tuples(st.integers(1, 4), st.integers(max_value=-1)),
                   st.tuples(st.integers(10**4, 10**6), st.integers(10**5, 10**6)),     # past MAX_ELEMENTS
                   st.tuples(st.integers(10**9, 10**12)))


# --- the table ---------------------------------------------------------------------------------

class Fresh:
    """A valid argument made anew for every call (an rng, an array that is changed in place)."""

    def __init__(self, make):
        self.make = make


@dataclass
class Entry:
    """``call(**valid)`` works; each value of ``bad[arg]`` must raise an error naming ``arg``."""

    name: str
    call: Callable
    valid: dict
    bad: dict
    examples: int = 20
    errors: tuple = (ValueError, TypeError)

    def kwargs(self, **changes):
        out = {k: (v.make() if isinstance(v, Fresh) else v) for k, v in self.valid.items()}
        out.update(changes)
        return out


RNG = Fresh(lambda: np.random.default_rng(0))


def _read_only(a):
    a = np.array(a, dtype=float)
    a.flags.writeable = False
    return a
X3, Y3 = [0.0, 1.0, 2.0], [1.0, 2.0, 0.5]


def _activation_entries():
    z_bad = NOT_NUMBERS | st.sampled_from([np.array([True, False]), np.array([1, None], dtype=object),
                                           np.array(["1.5"]), np.array([1 + 2j])])
    out = [Entry(f"activations.{name}.{fn}", lambda z, a=act, fn=fn: getattr(a, fn)(z), {"z": [-1.0, 0.0, 2.0]},
                 {"z": z_bad}, examples=12)
           for name, act in activations.ACTIVATIONS.items() for fn in ("f", "df")]
    out.append(Entry("activations.get", lambda name, slope: activations.get(name, slope=slope),
                     {"name": "leaky_relu", "slope": 0.1},
                     {"name": names(activations.ACTIVATIONS),
                      "slope": numbers(-activations.MAX_PARAM, activations.MAX_PARAM)}))
    return out


def _init_entries():
    out = [Entry("init.fans", init.fans, {"shape": (2, 3)}, {"shape": SHAPES}),
           Entry("init.zeros", init.zeros, {"shape": (2, 3)}, {"shape": SHAPES}),
           Entry("init.constant", init.constant, {"shape": (2, 3), "value": 0.3},
                 {"shape": SHAPES, "value": numbers()}),
           Entry("init.glorot_bound", init.glorot_bound, {"fan_in": 2, "fan_out": 3, "activation": "relu"},
                 {"fan_in": integers(1), "fan_out": integers(1), "activation": names(init.GLOROT_ACTIVATIONS)}),
           Entry("init.glorot_uniform", init.glorot_uniform,
                 {"shape": (2, 3), "rng": RNG, "activation": "tanh", "gain": 4.0},
                 {"shape": SHAPES, "rng": RNGS, "activation": names(init.GLOROT_ACTIVATIONS),
                  "gain": numbers(0, 1e6, low_open=True)}),
           Entry("init.sklearn_init", init.sklearn_init, {"sizes": [2, 3, 1], "activation": "logistic", "random_state": 0},
                 {"sizes": st.one_of(JUNK.filter(lambda v: not isinstance(v, (list, set, dict))), st.just([3]),
                                     st.just([2, 0]), st.just([2.5, 3]), st.just([10**5, 10**5, 10**5])),
                  "activation": names(init.GLOROT_ACTIVATIONS), "random_state": integers(0, 2**32 - 1)}),
           Entry("init.get", lambda name, std: init.get(name, std=std), {"name": "normal", "std": 0.1},
                 {"name": names(init.INITS), "std": numbers(0, init.MAX_SCALE, low_open=True)})]
    for fn, param in ((init.small_uniform, "scale"), (init.small_normal, "scale"), (init.normal, "std")):
        out.append(Entry(f"init.{fn.__name__}", fn, {"shape": (2, 3), "rng": RNG, param: 0.1},
                         {"shape": SHAPES, "rng": RNGS, param: numbers(0, init.MAX_SCALE, low_open=True)}))
    for fn in (init.large_normal, init.xavier_normal, init.he_normal, init.he_uniform, init.lecun_normal):
        out.append(Entry(f"init.{fn.__name__}", fn, {"shape": (2, 3), "rng": RNG}, {"shape": SHAPES, "rng": RNGS}))
    return out


#: loss → (out, y, targets it must refuse, its parameter)
LOSS_CASES = {
    "mse": ([[0.3]], [[1.0]], st.nothing(), None),
    "mae": ([[0.3]], [[1.0]], st.nothing(), None),
    "huber": ([[0.3]], [[1.0]], st.nothing(), ("delta", numbers(0, low_open=True))),
    "bce": ([[0.3]], [[1.0]], st.floats(1.01, 9).map(lambda v: [[v]]), None),
    "bce_logits": ([[0.3]], [[1.0]], st.floats(-9, -0.01).map(lambda v: [[v]]), None),
    "focal": ([[0.3]], [[1.0]], st.floats(0.01, 0.99).map(lambda v: [[v]]), ("gamma", numbers(0))),
    "hinge": ([[0.3]], [[1.0]], st.floats(-0.99, 0.99).map(lambda v: [[v]]), ("margin", numbers(0))),
    "cross_entropy": ([[0.3, 0.7]], [[1.0, 0.0]], st.floats(0.01, 0.4).map(lambda v: [[v, v]]), None),
    "log_loss": ([[0.3, 0.7]], [[1.0, 0.0]], st.floats(1.01, 9).map(lambda v: [[v, 0.0]]), None),
    "multiclass_hinge": ([[0.3, 0.7]], [[1.0, 0.0]], st.floats(0.01, 0.99).map(lambda v: [[v, 1 - v]]),
                         ("margin", numbers(0))),
}


def _loss_entries():
    out = []
    for name, (o, y, targets, param) in LOSS_CASES.items():
        k = len(o[0])
        wrong = st.one_of(not_numbers_2d(k), st.just(o[0]), st.just(np.zeros((0, k))))
        y_bad = st.one_of(wrong, st.just([[NAN] * k]), st.just([[INF] * k]), st.just([y[0], y[0]]), targets)
        valid, bad = {"out": o, "y": y}, {"out": wrong, "y": y_bad}
        if param:
            valid[param[0]], bad[param[0]] = 1.0, param[1]
        for fn in (name, name + "_grad"):
            out.append(Entry(f"losses.{fn}", getattr(losses, fn), valid, bad, examples=12))
    for fn in (losses.softmax, losses.log_softmax):
        out.append(Entry(f"losses.{fn.__name__}", fn, {"z": [[1.0, 2.0]], "axis": -1},
                         {"z": st.one_of(NOT_NUMBERS, st.floats(), st.just([])),
                          "axis": st.one_of(JUNK, TEXT, st.booleans(), st.floats(), st.integers(2, 99),
                                            st.integers(-99, -3))}))
    out.append(Entry("losses.one_hot", losses.one_hot, {"labels": [0, 2], "k": 3},
                     {"labels": st.one_of(JUNK, TEXT, st.lists(st.floats(0.1, 0.9), min_size=1, max_size=3),
                                          st.lists(st.integers(3, 9), min_size=1, max_size=3),
                                          st.lists(st.integers(-9, -1), min_size=1, max_size=3)),
                      "k": integers(1, huge=[10**9, 10**12])}))
    out.append(Entry("losses.get", lambda name, gamma: losses.get(name, gamma=gamma), {"name": "focal", "gamma": 1.0},
                     {"name": names(losses.LOSSES), "gamma": numbers(0)}))
    return out


def _surface_entries():
    w_bad = arrays(more=[st.lists(FLOATS, min_size=3, max_size=4), FLOATS, st.just([])])
    out = []
    for cls in surfaces.SURFACES.values():
        s = cls()
        out.append(Entry(f"surfaces.{cls.__name__}.value", s.value, {"w": [0.5, 1.0]}, {"w": w_bad}, examples=8))
        out.append(Entry(f"surfaces.{cls.__name__}.grad", s.grad, {"w": [0.5, 1.0]}, {"w": w_bad}, examples=8))
    out += [
        Entry("surfaces.Saddle.value (overflow)", surfaces.Saddle().value, {"w": [0.5, 1.0]},
              {"w": st.floats(1e160, 1e300).map(lambda v: [v, v])}, examples=5),
        Entry("surfaces.ElongatedBowl", surfaces.ElongatedBowl, {"kappa": 10.0}, {"kappa": numbers(0, low_open=True)}),
        Entry("surfaces.Rosenbrock", surfaces.Rosenbrock, {"a": 1.0, "b": 100.0},
              {"a": numbers(), "b": numbers(0, low_open=True)}),
        Entry("surfaces.get", lambda name, kappa: surfaces.get(name, kappa=kappa),
              {"name": "elongated_bowl", "kappa": 3.0},
              {"name": names(surfaces.SURFACES), "kappa": numbers(0, low_open=True)}),
        Entry("surfaces.trajectory", surfaces.trajectory,
              {"surface": "bowl", "optimizer": Fresh(lambda: optim.SGD(0.1)), "start": None, "steps": 5},
              {"surface": names(surfaces.SURFACES),
               "optimizer": st.one_of(JUNK, TEXT, st.floats(), st.just(optim.SGD)),
               "start": arrays(more=[st.lists(FLOATS, min_size=3, max_size=3), st.just([1.0])]).filter(
                   lambda v: v is not None),
               "steps": integers(0, 10**7, huge=[10**8, 10**12])}),
    ]
    return out


def _polyfit_entries():
    def three(bad):                        # three x or y values, one of them bad
        return st.tuples(bad, st.integers(0, 2)).map(lambda t: [t[0] if i == t[1] else v for i, v in enumerate(X3)])

    xy_bad = st.one_of(JUNK, st.booleans(), three(st.one_of(st.none(), st.text(max_size=2), COMPLEX, HUGE_INT,
                                                            NONFINITE)), st.just([]), st.just([X3]))
    out = [Entry(f"polyfit.{fn.__name__}", fn, {"x": X3, "y": Y3, "degree": 1, "l2": 0.5},
                 {"x": st.one_of(xy_bad, st.floats(1e301, 1e308).map(lambda v: [-v, 0.0, v])), "y": xy_bad,
                  "degree": integers(0, polyfit.MAX_DEGREE, huge=[10**4, 10**6]), "l2": numbers(0)})
           for fn in (polyfit.polyfit, polyfit.fit)]
    x_eval = arrays(more=[st.floats(1e160, 1e300)])
    out += [Entry("polyfit.polyval", polyfit.polyval, {"coef": [1.0, 2.0, 3.0], "x": [0.5, 1.0]},
                  {"coef": arrays(more=[st.just([]), st.just([[1.0]])]), "x": x_eval}),
            Entry("polyfit.PolynomialFit.__call__", lambda x: polyfit.fit(X3, Y3, 2)(x), {"x": [0.5]}, {"x": x_eval}),
            Entry("polyfit.PolynomialFit", polyfit.PolynomialFit,
                  {"scaled_coef": [1.0, 2.0], "domain": (0.0, 1.0), "degree": 1, "l2": 0.0},
                  {"scaled_coef": arrays(more=[st.just([])]),
                   "domain": st.one_of(JUNK, st.just((1.0, 0.0)), st.just((0.0, NAN)), st.just((0.0, 1.0, 2.0))),
                   "degree": integers(1, 1), "l2": numbers(0)})]
    return out


def _mnist_folder(tmp):
    rng = np.random.default_rng(0)
    for prefix, n in (("train", 3), ("t10k", 2)):
        for kind, arr in (("images-idx3", rng.integers(0, 256, (n, 28, 28))), ("labels-idx1", rng.integers(0, 10, n))):
            header = bytes([0, 0, 0x08, arr.ndim]) + b"".join(struct.pack(">i", s) for s in arr.shape)
            (tmp / f"{prefix}-{kind}-ubyte").write_bytes(header + arr.astype(np.uint8).tobytes())
    with gzip.open(tmp / "neg.idx.gz", "wb") as fh:
        fh.write(bytes([0, 0, 0x08, 1]) + struct.pack(">i", -3))
    return tmp


def _data_entries(tmp):
    split = {"test_size": numbers(0, 1, high_open=True) | st.floats(0.985, 0.999),      # 64 points: none to train
             "seed": integers(0, 2**32 - 1), "standardize": FLAGS}
    n, noise = integers(2, data.MAX_SAMPLES, huge=[10**12]), numbers(0, data.MAX_NOISE)
    base = {"n": 64, "test_size": 0.25, "seed": 0, "standardize": True}
    folder = _mnist_folder(tmp)
    paths = st.one_of(JUNK.filter(lambda v: not isinstance(v, (str, bytes))), st.integers(), st.booleans())
    return [
        Entry("data.two_moons", data.two_moons, {**base, "noise": 0.1}, {"n": n, "noise": noise, **split}, examples=8),
        Entry("data.circles", data.circles, {**base, "noise": 0.1, "factor": 0.5},
              {"n": n, "noise": noise, "factor": numbers(0, 1, low_open=True, high_open=True), **split}, examples=8),
        Entry("data.spirals", data.spirals, {**base, "noise": 0.1, "turns": 1.5, "classes": 2},
              {"n": n, "noise": noise, "turns": numbers(0, data.MAX_NOISE, low_open=True),
               "classes": integers(2, 64), **split}, examples=8),
        Entry("data.xor", data.xor, {**base, "noise": 0.1}, {"n": n, "noise": noise, **split}, examples=8),
        Entry("data.statsville", data.statsville, base,
              {"n": n, "test_size": split["test_size"], "seed": split["seed"],
               "standardize": st.one_of(JUNK.filter(lambda v: v != "abc"), st.integers(), st.floats(),
                                        TEXT.filter(lambda s: s != "scalar"))}, examples=8),
        Entry("data.curve_fit_heldout", data.curve_fit_heldout, {"seed": 3}, {"seed": integers(0, 2**32 - 1)},
              examples=6),
        Entry("data.digits", data.digits, {"test_size": 0.25, "seed": 0},
              {"test_size": numbers(0, 1, high_open=True) | st.floats(1e-6, 0.005) | st.floats(0.9945, 0.99999),
               "seed": split["seed"]}, examples=5),      # 1797 digits: fewer than 10 test or training points
        Entry("data.standardize", data.standardize, {"X_train": [[1.0, 2.0], [3.0, 5.0]], "X_test": [[2.0, 6.0]]},
              {"X_train": arrays(more=[st.just([1.0, 2.0]), st.just([[NAN, 1.0], [1.0, 1.0]])]),
               "X_test": arrays(more=[st.just([[1.0]]), st.just([[INF, 1.0]])])}),
        Entry("data.read_idx", data.read_idx, {"path": folder / "train-labels-idx1-ubyte"},
              {"path": paths | st.just(folder / "neg.idx.gz") | st.just(str(folder / "missing"))},
              errors=(ValueError, TypeError, FileNotFoundError)),
        Entry("data.load_mnist", data.load_mnist, {"path": folder, "flatten": True},
              {"path": paths | st.just(str(folder / "nowhere")), "flatten": FLAGS},
              errors=(ValueError, TypeError, FileNotFoundError)),
    ]


def _gradcheck_entries():
    X = np.ones(3)

    def f():
        return float(np.sum(X * X))

    f_bad = st.one_of(JUNK, st.floats(), st.sampled_from([lambda: "a", lambda: None, lambda: NAN, lambda: INF,
                                                         lambda: [1.0, 2.0], lambda: np.ones(2), lambda: True]))
    x_bad = st.one_of(JUNK, st.lists(FLOATS, min_size=1, max_size=3), st.booleans(),
                      st.sampled_from([np.ones(2, dtype=int), np.array([NAN]), np.ones(3, np.float16),
                                       np.full(3, 1e12)]))
    eps = numbers(0, 1, low_open=True)
    return [Entry("gradcheck.numerical_gradient", gradcheck.numerical_gradient, {"f": f, "x": X, "eps": 1e-6},
                  {"f": f_bad, "x": x_bad, "eps": eps}),
            Entry("gradcheck.forward_difference", gradcheck.forward_difference, {"f": f, "x": X, "eps": 1e-6},
                  {"f": f_bad, "x": x_bad, "eps": eps}),
            Entry("gradcheck.relative_error", gradcheck.relative_error, {"a": [1.0, 2.0], "b": [1.0, 2.5]},
                  {"a": arrays(), "b": arrays(more=[st.lists(FLOATS, min_size=3, max_size=3)])}),
            Entry("gradcheck.check_gradient", gradcheck.check_gradient, {"f": f, "grad": 2 * X, "x": X, "eps": 1e-6},
                  {"f": f_bad, "x": x_bad, "eps": eps,
                   "grad": st.one_of(JUNK, st.booleans(), st.lists(FLOATS, min_size=1, max_size=2),
                                     st.tuples(FLOATS, st.one_of(st.none(), st.text(max_size=2), NONFINITE), FLOATS)
                                     .map(list))})]


def _autodiff_entries():
    other = st.one_of(JUNK, TEXT, st.booleans(), NONFINITE, HUGE_INT, COMPLEX, st.lists(FLOATS, min_size=1),
                      st.just(np.array([1.0, 2.0])))
    out = []
    for cls, first in ((autodiff.Value, "data"), (autodiff.Dual, "value")):
        n = cls.__name__
        out += [Entry(f"autodiff.{n}", cls, {first: 1.0}, {first: numbers()}),
                Entry(f"autodiff.{n} + other", lambda other, c=cls: c(2.0) + other, {"other": 1.0}, {"other": other}),
                Entry(f"autodiff.{n} * other", lambda other, c=cls: c(2.0) * other, {"other": 1.0},
                      {"other": other | st.floats(1e308, 1.7e308)}),
                Entry(f"autodiff.{n} / other", lambda other, c=cls: c(2.0) / other, {"other": 1.0},
                      {"other": other | st.floats(1e-320, 1e-309)}),
                Entry(f"autodiff.other / {n}", lambda other, c=cls: other / c(2.0), {"other": 1.0}, {"other": other}),
                Entry(f"autodiff.{n} ** exponent", lambda exponent, c=cls: c(2.0) ** exponent, {"exponent": 2.0},
                      {"exponent": other | st.floats(1025, 1e300) | st.just(cls(2.0))}),
                Entry(f"autodiff.{n}.exp", lambda exp, c=cls: c(exp).exp(), {"exp": 1.0},
                      {"exp": st.floats(709.8, 1e300)})]
    return out


def _regularization_entries():
    weights = arrays(more=[st.just([]), st.just([np.ones(2), "a"]), st.just([np.array([NAN])])]).filter(
        lambda v: not (isinstance(v, list) and v and all(isinstance(r, list) for r in v)))   # lists of rows are valid
    lam = st.one_of(JUNK, TEXT, st.booleans(), NONFINITE, HUGE_INT, COMPLEX, st.floats(max_value=-1e-9),
                    st.just([NAN]), st.just(np.array([-1.0])))
    ones = Fresh(lambda: np.ones(2))
    out = []
    for fn in (regularization.l2_penalty, regularization.l1_penalty):
        huge = st.floats(1e155, 1e300).map(lambda v: np.array([v])) if fn is regularization.l2_penalty else st.nothing()
        out.append(Entry(f"regularization.{fn.__name__}", fn, {"weights": ones, "lam": 0.1, "per_model": False},
                         {"weights": weights | huge, "lam": lam, "per_model": FLAGS}))
    for fn in (regularization.l2_grad, regularization.l1_grad):
        out.append(Entry(f"regularization.{fn.__name__}", fn, {"weights": ones, "lam": 0.1},
                         {"weights": weights, "lam": lam}))
    read_only = np.ones(2)
    read_only.flags.writeable = False
    es = regularization.EarlyStopping
    out += [
        Entry("regularization.weight_decay", regularization.weight_decay, {"params": ones, "lam": 0.1, "lr": 0.1},
              {"params": st.one_of(JUNK, st.lists(FLOATS, min_size=1), st.booleans(),
                                   st.sampled_from([np.ones(2, dtype=int), read_only, []])),
               "lam": lam | st.floats(10.5, 1e300), "lr": lam | st.floats(10.5, 1e300)}),
        Entry("regularization.dropout_mask", regularization.dropout_mask, {"shape": (2, 3), "p": 0.5, "rng": RNG},
              {"shape": SHAPES, "p": numbers(0, 1, high_open=True).filter(lambda v: not isinstance(v, list))
               | st.just([0.1, 0.2, 0.3, 0.4]), "rng": RNGS}),
        Entry("regularization.EarlyStopping", es, {"patience": 3, "min_delta": 0.0},
              {"patience": integers(1), "min_delta": numbers(0)}),
        Entry("regularization.EarlyStopping.update", lambda val_loss, params, epoch: es().update(val_loss, params, epoch),
              {"val_loss": 1.0, "params": ones, "epoch": None},
              {"val_loss": st.one_of(NOT_NUMBERS, COMPLEX, st.just(np.ones((2, 2)))),
               "params": st.one_of(JUNK, st.lists(FLOATS, min_size=1), st.just([]), st.floats(), st.booleans()),
               "epoch": integers(0).filter(lambda v: v is not None)}),
    ]
    return out


def _explorer_entries():
    views = {"name": names(activations.ACTIVATIONS), "w": numbers() | st.floats(1e307, 1e308), "b": numbers(),
             "x_range": st.one_of(JUNK, st.floats(), st.floats(-9, 9).map(lambda v: (v, v)),
                                  st.tuples(st.floats(1, 9), st.floats(-9, 0.5)), st.just((0.0, INF)),
                                  st.just((0.0, NAN)), st.just((1.0, 2.0, 3.0)), st.just((-1e308, 1e308))),
             "eps": st.one_of(JUNK, st.booleans(), NONFINITE, st.floats(max_value=0), st.floats(min_value=1))}
    valid = {"name": "sigmoid", "w": 1.0, "b": 0.0, "x_range": (-6.0, 6.0), "eps": 0.01}

    def figure(**kw):
        import matplotlib.pyplot as plt
        plt.close(explorer.activation_figure(**kw))

    return [Entry("widgets.activation_figure", figure, valid, views, examples=4),
            Entry("widgets.ActivationExplorer", explorer.ActivationExplorer, valid, views, examples=3)]


# --- the engine and what is built on it (network, heads, lockstep, history, train, optim, plots,
# experiments, the two-moons widget, core) -------------------------------------------------------

_RX = np.random.default_rng(0)
X8 = _RX.normal(size=(8, 2))
Y8 = (X8[:, 0] > 0).astype(int)


def _net(seed=0):
    return MLP([2, 3, 1], "relu", "sigmoid", seed=seed)


NET = Fresh(_net)
LOCK = MLP([2, 3, 1], "relu", "sigmoid", models=lockstep(seed=(0, 1, 2)))
HIST = train(_net(), X8, Y8, validation=(X8, Y8), epochs=2, batch_size=4, lr=0.1, snapshots=True)
HIST_LOCK = train(MLP([2, 3, 1], "relu", "sigmoid", models=lockstep(seed=(0, 1, 2))), X8, Y8,
                  validation=(X8, Y8), epochs=2, batch_size=4, lr=0.1, snapshots=True)
HIST_BARE = train(_net(), X8, Y8, epochs=1, batch_size=8, lr=0.1)         # no snapshots
#: a lockstep network whose forward buffers for 2,000 rows pass checks.MAX_ELEMENTS
WIDE = MLP([2, 100, 1], "relu", "sigmoid", models=10_000)


def not_a(*allowed):
    """JUNK without the values an argument accepts (None for an optional one)."""
    return JUNK.filter(lambda v: not any(v is a for a in allowed))


#: positive real numbers (a learning rate): everything else, and arrays holding anything else
#: the losses a sigmoid output refuses (it pairs with bce and bce_logits)
SIGMOID_REFUSES = st.sampled_from([name for name in heads.LOGIT_LOSSES if name not in heads.PAIRED["sigmoid"]])
RATES = st.one_of(not_a(None), TEXT, st.booleans(), NONFINITE, HUGE_INT, COMPLEX, st.floats(max_value=0),
                  st.just(["0.1"]), st.just([]), st.just([0.1, -1.0]), _inserted(st.none()),
                  _inserted(st.text(max_size=2)), _inserted(NONFINITE))
#: a real number ≥ 0 (λ), not a list
PENALTIES = numbers(0).filter(lambda v: v is not None and not isinstance(v, list)) | st.just([NAN]) | st.just([[0.1]])
#: training takes λ as a number, one per model (K,) or a column (K, 1)
TRAIN_PENALTIES = numbers(0).filter(lambda v: v is not None and not isinstance(v, list)) | st.just([NAN]) | st.just(
    [[0.1, 0.2]])
SIZES_BAD = st.one_of(JUNK.filter(lambda v: not isinstance(v, (set, list))), st.integers(), st.floats(),
                      st.lists(st.integers(1, 5), max_size=1), st.just(range(10**9)),
                      st.lists(st.one_of(st.integers(max_value=0), st.floats(0.5, 5.5).filter(lambda v: v != int(v)),
                                         st.booleans(), st.none(), st.text(max_size=2)), min_size=2, max_size=3))
TARGETS = st.one_of(JUNK, st.booleans(), st.just([1, None] * 4),
                    st.just(["1"] * 8), st.just([1 + 2j] * 8), st.just([NAN] * 8), st.just([0, 1, 0]),
                    st.just(np.zeros((8, 2))), st.just([10**400] * 8))
XS = arrays(more=[st.just(np.ones((3, 3))), st.just(np.zeros((0, 2))), st.just(np.ones((2, 2, 2)))])
TITLES = st.one_of(st.integers(), st.floats(), st.booleans(), JUNK.filter(lambda v: v is not None and not isinstance(v, str)))
AXES = not_a(None) | st.integers() | TEXT


def optimizer_names(valid):
    return st.one_of(JUNK, TEXT.filter(lambda s: s.lower() not in valid), st.integers(), st.booleans(),
                     st.lists(st.sampled_from(list(valid)), min_size=1, max_size=2))


def _network_entries():
    W = [np.ones((3, 2)), np.ones((1, 3))]
    b = [np.zeros(3), np.zeros(1)]
    lists_bad = st.one_of(JUNK.filter(lambda v: v != ["a", "b"]), st.integers(), st.just([]),
                          st.just([[[1.0, None]] * 3, np.ones((1, 3))]), st.just([np.full((3, 2), NAN), np.ones((1, 3))]))
    net_methods = []
    for name, fn in (("forward", lambda X, train: _net().forward(X, train=train)),
                     ("__call__", lambda X, train: _net()(X, train=train)),
                     ("trace", lambda X, train: _net().trace(X, train=train)),
                     ("forward_cache", lambda X, train: _net().forward_cache(X, train=train)[0])):
        net_methods.append(Entry(f"network.MLP.{name}", fn, {"X": X8, "train": False}, {"X": XS, "train": FLAGS},
                                 examples=12))
    masks_bad = st.one_of(not_a(None), st.just([None, None]), st.just([np.full(3, NAN)]), st.just([np.ones(4)]),
                          st.just([[[1, None, 1]]]), st.just(["a"]))
    drop_bad = st.one_of(numbers(0, 1, high_open=True).filter(lambda v: not isinstance(v, list)),
                         st.just([0.5]), st.just([0.1, 0.2, 0.3]), st.just([0.5, 1.0]), st.just([0.5, "a"]))
    init_bad = st.one_of(names(init.INITS).filter(lambda v: not isinstance(v, list) or len(v) != 3),
                         st.sampled_from([("normal", {"std": -1.0}), ("normal",), ("normal", {"foo": 1}),
                                          ["normal", "zeros"], ("normal", "zeros", 5), [None] * 3]))
    seed_bad = st.one_of(integers(0).filter(lambda v: not isinstance(v, list)), st.just(range(10**9)), st.just([]),
                         st.just([0, -1]), st.just([0, "a"]), st.just(range(MAX_MODELS + 1)),
                         st.just(iter(range(10**12))))
    grads_bad = st.one_of(JUNK, st.lists(FLOATS, min_size=1, max_size=3), st.sampled_from(
        [np.zeros(13, dtype=int), np.zeros(12), np.zeros((2, 13)), np.zeros(13, np.float32), np.full(13, NAN),
         _read_only(np.zeros(13))]))
    big = MLP([2, 3, 1], "relu", "sigmoid", seed=0)
    _, cache = big.forward_cache(X8)
    other_cache = _net().forward_cache(X8)[1]
    return [
        Entry("network.count_parameters", network.count_parameters, {"sizes": [2, 3, 1]}, {"sizes": SIZES_BAD}),
        Entry("network.forward", network.forward,
              {"x": [[0.5, -1.0]], "weights": W, "biases": b, "activations": "relu", "return_all": False},
              {"x": arrays(more=[st.just(np.ones((2, 2, 2))), st.just([1e308, 1e308])]),
               "weights": lists_bad | st.just([np.ones((2, 3)), np.ones((1, 3))]),
               "biases": lists_bad | st.just([np.zeros(2), np.zeros(1)]),
               "activations": names(activations.ACTIVATIONS).filter(lambda v: not isinstance(v, list) or len(v) != 2)
               | st.just(["relu", "nope"]), "return_all": FLAGS}),
        Entry("network.MLP", MLP,
              {"sizes": [2, 3, 3, 1], "activation": "relu", "output": "sigmoid", "loss": None,
               "init": "glorot_uniform", "seed": 0, "models": None, "dropout": 0.0},
              {"sizes": SIZES_BAD | st.just([2, 10**6, 10**6, 1]) | st.just([2, 10**400, 1]),
               "activation": names(activations.ACTIVATIONS).filter(lambda v: not isinstance(v, list) or len(v) != 2)
               | st.just(["relu"]),
               "output": names(heads.OUTPUTS), "loss": st.one_of(not_a(None), TEXT.filter(lambda s: s not in losses.LOSSES),
                                                               SIGMOID_REFUSES, st.integers()),
               "init": init_bad, "seed": seed_bad,
               "models": not_a(None) | integers(1, MAX_MODELS, huge=[10**12]), "dropout": drop_bad}, examples=15),
        Entry("network.MLP(no hidden layer)", lambda activation, dropout: MLP([2, 1], activation, dropout=dropout),
              {"activation": "relu", "dropout": 0.0},
              {"activation": names(activations.ACTIVATIONS).filter(lambda v: not isinstance(v, list)),
               "dropout": numbers(0, 1, high_open=True).filter(lambda v: not isinstance(v, list)) | st.floats(0.01, 0.99)},
              examples=12),
        Entry("network.MLP.from_weights", MLP.from_weights,
              {"weights": W, "biases": b, "activation": "relu", "output": "identity"},
              {"weights": lists_bad | st.just([np.ones((3, 2)), np.ones((1, 2))])
               | st.just([np.ones((2, 3, 2)), np.ones((1, 3))]),
               "biases": lists_bad.filter(lambda v: v is not None) | st.just([[0.5], [0.0]]) | st.just([np.zeros(3)]),
               "activation": names(activations.ACTIVATIONS).filter(lambda v: not isinstance(v, list) or len(v) != 1),
               "output": names(heads.OUTPUTS)}),
        *[Entry(f"network.MLP.from_weights({key})",
                lambda key=key, **kw: MLP.from_weights(W, **({} if kw[key] is None else kw)),
                {key: None}, {key: st.sampled_from([0, 1, "zeros"])}, examples=3) for key in ("seed", "init", "models")],
        *net_methods,
        Entry("network.MLP.forward(masks)", lambda masks: _net().forward(X8, masks=masks), {"masks": [np.ones(3)]},
              {"masks": masks_bad}),
        Entry("network.MLP.forward (10,000 models)", lambda X: WIDE.forward(X), {"X": X8},
              {"X": st.just(np.zeros((2000, 2)))}, examples=1),
        Entry("network.MLP.predict", lambda X: _net().predict(X), {"X": X8}, {"X": XS}, examples=12),
        Entry("network.MLP.accuracy", lambda X, y: _net().accuracy(X, y), {"X": X8, "y": Y8},
              {"X": XS, "y": TARGETS | st.just(np.linspace(0.1, 0.9, 8))}, examples=12),
        Entry("network.MLP.loss", lambda X, y, loss, l2, l1, train: _net().loss(X, y, loss, l2=l2, l1=l1, train=train),
              {"X": X8, "y": Y8, "loss": None, "l2": 0.1, "l1": 0.0, "train": False},
              {"X": XS, "y": TARGETS, "loss": SIGMOID_REFUSES | TEXT.filter(lambda s: s not in losses.LOSSES),
               "l2": PENALTIES | st.just(1e308), "l1": PENALTIES, "train": FLAGS}, examples=12),
        Entry("network.MLP.gradient", lambda X, y, loss, l2, l1: _net().gradient(X, y, loss, l2=l2, l1=l1)[1].flat,
              {"X": X8, "y": Y8, "loss": None, "l2": 0.1, "l1": 0.1},
              {"X": XS, "y": TARGETS, "loss": SIGMOID_REFUSES,
               "l2": PENALTIES | st.just(1e308), "l1": PENALTIES}, examples=12),
        Entry("network.MLP.penalty", lambda l2, l1: _net().penalty(l2, l1), {"l2": 0.1, "l1": 0.1},
              {"l2": PENALTIES | st.just(1e308), "l1": PENALTIES | st.just(1e308)}),
        Entry("network.MLP.penalty_grad", lambda grads, l2, l1: _net().penalty_grad(grads, l2, l1),
              {"grads": Fresh(lambda: np.zeros(13)), "l2": 0.1, "l1": 0.1},
              {"grads": grads_bad, "l2": PENALTIES, "l1": PENALTIES}),
        Entry("network.MLP.backward", lambda cache, dout: big.backward(cache, dout=dout),
              {"cache": cache, "dout": np.ones((8, 1))},
              {"cache": JUNK | st.just(other_cache), "dout": arrays(more=[st.just(np.ones((7, 1))), st.just(np.ones(8))])}),
        Entry("network.MLP.backward(delta)", lambda delta: big.backward(cache, delta=delta), {"delta": np.ones((8, 1))},
              {"delta": arrays(more=[st.just(np.ones((8, 2)))])}),
        Entry("network.MLP.output_delta", lambda cache, y, loss: big.output_delta(cache, y, loss),
              {"cache": cache, "y": Y8, "loss": None},
              {"cache": JUNK | st.just(other_cache), "y": TARGETS,
               "loss": SIGMOID_REFUSES | names(losses.LOSSES).filter(lambda v: v is not None)}),
        Entry("network.MLP.set_params", lambda params: _net().set_params(params), {"params": np.zeros(13)},
              {"params": arrays(more=[st.just(np.zeros(12)), st.just(np.zeros((2, 13))), st.just([True] * 13)])}),
        Entry("network.MLP.model", lambda k: _net().model(k), {"k": 0},
              {"k": integers(-1, 0) | st.just(np.int64(3))}),
        Entry("network.MLP.select", lambda seed: LOCK.select(seed=seed), {"seed": 1},
              {"seed": st.integers(3, 99) | st.sampled_from([np.array([0, 1]), {"a": 1}, {1, 2}, None, "1"])}),
        Entry("network.MLP.dead_units", lambda X, model: _net().dead_units(X, model), {"X": X8, "model": 0},
              {"X": XS, "model": integers(-1, 0)}),
        Entry(f"{network.Penalty.__module__.split('.')[-1]}.Penalty", network.Penalty, {"net": NET, "l2": 0.1, "l1": 0.0},
              {"net": JUNK | st.just(np.zeros(3)), "l2": PENALTIES, "l1": PENALTIES}),
    ]


def _head_entries():
    head = heads.make_head("sigmoid", None)
    return [
        Entry("heads.make_head", heads.make_head, {"output": "sigmoid", "loss": None},
              {"output": names(heads.OUTPUTS),
               "loss": st.one_of(not_a(None), TEXT.filter(lambda s: s not in losses.LOSSES),
                                 SIGMOID_REFUSES, st.integers())}),
        Entry("heads.Head.encode", head.encode, {"y": [0, 1, 1], "n": 3, "k": 1, "name": "y"},
              {"y": st.one_of(not_a(), st.booleans(), st.just([0, None, 1]), st.just(["0", "1", "1"]), st.just([NAN, 0, 1]),
                              st.just([0, 1]), st.just(np.zeros((3, 2))), st.just([1 + 2j] * 3)),
               "n": integers(1, huge=[10**12]), "k": integers(1, huge=[10**12]),
               "name": JUNK.filter(lambda v: not isinstance(v, str)) | st.integers()}),
    ]


def _lockstep_entries():
    ls = lockstep(seed=(0, 1), lr=(0.1, 0.5))
    seq_bad = JUNK.filter(lambda v: not isinstance(v, list))
    return [
        Entry("lockstep.lockstep", lambda seed, lr: lockstep(seed=seed, lr=lr), {"seed": (0, 1), "lr": (0.1, 0.5)},
              {"seed": st.one_of(seq_bad, st.integers(), st.just([]), st.just([0, -1]), st.just([0, 2.5]), st.just(["a"]),
                                 st.just([None]), st.just(range(10**5)), st.just(range(10**12)),
                                 st.builds(itertools.count)),
               "lr": st.one_of(seq_bad, st.floats(), st.just([]), st.just([0.0]), st.just([-0.1]), st.just([NAN]),
                               st.just(["0.1"]), st.just([None]), st.just([True]), st.just([10**400]))}),
        Entry("lockstep.lockstep(init, dropout, l1, l2)",
              lambda init, dropout, l1, l2: lockstep(init=init, dropout=dropout, l1=l1, l2=l2),
              {"init": (("normal", {"std": 0.1}), "he_normal", ("zeros", "he_normal")), "dropout": (0.0, 0.5, (0.1, 0.2)),
               "l1": (0.0,), "l2": (0.0, 0.01)},
              {"init": st.sampled_from([[("normal", {"std": -1.0})], ["nope"], [5], [None], [()],
                                        [("normal", {"foo": 1})], "he_normal"]),
               "dropout": st.sampled_from([[1.0], [-0.1], ["a"], [None], [NAN], [(0.1, 1.5)], 0.5]),
               "l1": st.sampled_from([[-1.0], [NAN], ["a"], [None], [INF], 0.1]),
               "l2": st.sampled_from([[-1.0], [NAN], ["a"], [None], [INF], [True]])}),
        Entry("lockstep.Lockstep.where", lambda seed: ls.where(seed=seed), {"seed": 1},
              {"seed": st.sampled_from([np.array([0, 1]), {"a": 1}, {1, 2}])}, examples=3),
        Entry("lockstep.select", lockstep_select, {"item": LOCK, "settings": {"seed": 1}},
              {"item": JUNK | st.integers() | st.just(np.zeros(3)),
               "settings": JUNK.filter(lambda v: not isinstance(v, dict)) | st.integers()}),
        Entry("lockstep.stack", stack, {"items": Fresh(lambda: [_net(0), _net(1)])},
              {"items": st.one_of(not_a(), st.integers(), st.just([]), st.just([LOCK]), st.just([_net(), LOCK]),
                                  st.just([_net(), MLP([2, 4, 1])]), st.just([_net(), HIST]), st.just([HIST, _net()]),
                                  st.just([_net()] * (MAX_MODELS + 1)), st.just(range(10**12)))}),
    ]


def _history_entries():
    metric = ("train_acc", "val_acc", "train_loss", "val_loss")
    return [
        Entry("history.History.select", lambda seed: HIST_LOCK.select(seed=seed), {"seed": 1},
              {"seed": st.integers(3, 99) | st.sampled_from([np.array([0, 1]), {"a": 1}, None])}),
        Entry("history.History.model", HIST_LOCK.model, {"k": 2}, {"k": integers(-3, 2)}),
        Entry("history.History.epochs_to", HIST_LOCK.epochs_to, {"threshold": 0.5, "metric": "val_acc"},
              {"threshold": numbers(), "metric": names(metric)}),
        Entry("history.History.message", HIST_LOCK.message, {"k": 1}, {"k": integers(-3, 2)}),
        Entry("history.History.summary", HIST_LOCK.summary, {"digits": 3}, {"digits": integers(0, 12)}),
    ]


def _train_kwargs():
    return {"net": NET, "X": X8, "y": Y8, "validation": None, "loss": None, "epochs": 2, "batch_size": 4,
            "lr": 0.1, "optimizer": "sgd", "schedule": None, "l2": None, "l1": None, "seed": 0, "shuffle": True,
            "snapshots": False, "early_stopping": None, "callback": None, "callback_every": None}


def _train_bad():
    not_callable = st.one_of(not_a(None), st.integers(), TEXT)
    return {
        "net": JUNK | st.just(MLP) | st.just(HIST),
        "X": XS,
        "y": TARGETS,
        "validation": st.one_of(not_a(None), st.just((X8,)), st.just((X8, Y8, Y8)), st.just((X8[:, :1], Y8)),
                                st.just((X8, Y8[:3])), st.just((X8, ["a"] * 8)), st.just(([[1.0, None]] * 8, Y8))),
        "loss": SIGMOID_REFUSES | TEXT.filter(lambda s: s not in losses.LOSSES) | st.integers(),
        "epochs": integers(0, TRAIN_MAX_EPOCHS, huge=[10**9, 10**12]),
        "batch_size": integers(1),
        "lr": RATES | st.just([0.1, 0.2]),
        "optimizer": optimizer_names(optim.OPTIMIZERS) | st.just(optim.SGD),
        "schedule": st.one_of(not_callable, st.sampled_from([lambda: 0.1, lambda e, s, l: "x", lambda e, s, l: NAN,
                                                             lambda e, s, l: -1.0, lambda e, s, l: None])),
        "l2": TRAIN_PENALTIES, "l1": TRAIN_PENALTIES,
        "seed": integers(0), "shuffle": FLAGS, "snapshots": FLAGS,
        "early_stopping": st.one_of(not_a(None), st.just(0), st.just(-1), st.just(2.5), st.just(True), st.just(3)),
        "callback": not_callable, "callback_every": integers(1).filter(lambda v: v is not None),
    }


def _train_entries():
    def trainer_run(steps, seconds):
        trainer = Trainer(_net(), X8, Y8, epochs=3, batch_size=4, lr=0.1)
        trainer.run(steps=steps, seconds=seconds)
        return trainer.history

    return [
        Entry("train.train", train, _train_kwargs(), _train_bad(), examples=10),
        Entry("train.Trainer", lambda **kw: Trainer(**kw).history, _train_kwargs(),
              {**_train_bad(), "schedule": st.one_of(st.integers(), TEXT, st.just(lambda: 0.1), st.just(lambda e: 0.1))},
              examples=6),
        Entry("train.train(snapshots, 10,000 models)",
              lambda epochs: train(MLP([2, 50, 1], models=MAX_MODELS), X8, Y8, epochs=epochs, snapshots=True),
              {"epochs": 0}, {"epochs": st.just(10**3)}, examples=1),
        Entry("train.Trainer.run", trainer_run, {"steps": 10**12, "seconds": None},
              {"steps": integers(0).filter(lambda v: v is not None),
               "seconds": numbers(0, low_open=True).filter(lambda v: v is not None)}),
    ]


def _optim_entries():
    def step(cls):
        return lambda params, grads: cls(0.1).step(params, grads)

    params_bad = st.one_of(JUNK, st.lists(FLOATS, min_size=3, max_size=3), st.sampled_from(
        [np.ones(3, dtype=int), np.ones(3, dtype=complex), _read_only(np.ones(3))]))
    grads_bad = st.one_of(JUNK, st.lists(FLOATS, min_size=3, max_size=3),
                          st.sampled_from([np.ones(2), np.ones(3) * 1j, np.array([1, None, 2], dtype=object),
                                           np.array(["a"] * 3)]))
    fraction = numbers(0, 1, high_open=True)
    out = [
        Entry("optim.SGD", optim.SGD, {"lr": 0.1}, {"lr": RATES}),
        Entry("optim.Momentum", optim.Momentum, {"lr": 0.1, "momentum": 0.9}, {"lr": RATES, "momentum": fraction}),
        Entry("optim.Nesterov", optim.Nesterov, {"lr": 0.1, "momentum": 0.9}, {"lr": RATES, "momentum": fraction}),
        Entry("optim.AdaGrad", optim.AdaGrad, {"lr": 0.1, "eps": 1e-10},
              {"lr": RATES, "eps": numbers(0, low_open=True)}),
        Entry("optim.RMSProp", optim.RMSProp, {"lr": 0.1, "rho": 0.9, "eps": 1e-8},
              {"lr": RATES, "rho": fraction, "eps": numbers(0, low_open=True)}),
        Entry("optim.Adam", optim.Adam, {"lr": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "bias_correction": True},
              {"lr": RATES, "beta1": fraction, "beta2": fraction, "eps": numbers(0, low_open=True),
               "bias_correction": FLAGS}),
        Entry("optim.Constant", optim.Constant, {"eta0": 0.1}, {"eta0": RATES}),
        Entry("optim.InvScaling", optim.InvScaling, {"eta0": 0.1, "power_t": 0.5},
              {"eta0": RATES, "power_t": numbers(0)}),
        Entry("optim.StepDecay", optim.StepDecay, {"eta0": 0.1, "drop": 0.5, "every": 10},
              {"eta0": RATES, "drop": numbers(0, 1, low_open=True), "every": integers(1)}),
        Entry("optim.Adaptive", optim.Adaptive, {"eta0": 0.1, "factor": 5.0, "patience": 2, "tol": 1e-4},
              {"eta0": RATES, "factor": numbers(1, low_open=True), "patience": integers(1), "tol": numbers(0)}),
        Entry("optim.Adaptive.__call__", lambda epoch, samples_seen, loss: optim.Adaptive(0.1)(epoch, samples_seen, loss),
              {"epoch": 1, "samples_seen": 10, "loss": 0.5},
              {"epoch": integers(0), "samples_seen": integers(0),
               "loss": st.one_of(not_a(None), TEXT, st.just(["0.5"]), st.just([[0.5]]), st.just([]), st.just([1, None]),
                                 COMPLEX)}),
        Entry("optim.InvScaling.__call__", lambda samples_seen: optim.InvScaling(0.1, power_t=10.0)(1, samples_seen),
              {"samples_seen": 10}, {"samples_seen": integers(0) | st.integers(10**31, 10**60)}),
        Entry("optim.get", lambda name, lr: optim.get(name, lr=lr), {"name": "adam", "lr": 0.1},
              {"name": optimizer_names(optim.OPTIMIZERS), "lr": RATES}),
        Entry("optim.get_schedule", lambda name, eta0: optim.get_schedule(name, eta0=eta0),
              {"name": "invscaling", "eta0": 0.1}, {"name": optimizer_names(optim.SCHEDULES), "eta0": RATES}),
    ]
    for cls in (optim.SGD, optim.Adam):
        out.append(Entry(f"optim.{cls.__name__}.step", step(cls), {"params": Fresh(lambda: np.ones(3)), "grads": np.ones(3)},
                         {"params": params_bad, "grads": grads_bad}))
    return out


def _plot_entries():
    import matplotlib.pyplot as plt

    def closing(fn):
        def call(**kw):
            result = fn(**kw)
            fig = result[0] if isinstance(result, tuple) else getattr(result, "fig", result)
            plt.close(fig)
        return call

    paths = [np.array([[0.5, 0.5], [0.2, 0.1], [0.0, 0.0]])]
    w_lock = HIST_LOCK.weights
    color_bad = st.one_of(JUNK.filter(lambda v: not isinstance(v, list)), st.integers(), st.just("nocolor"),
                          st.just((1.0, 0.0)), st.just((2.0, 0.0, 0.0)))
    return [
        Entry("plots.decision_boundary", closing(plots.decision_boundary),
              {"net_or_predict": NET, "X": X8, "y": Y8, "ax": None, "model": 0, "resolution": 10, "pad": 0.5, "title": None},
              {"net_or_predict": st.one_of(JUNK, st.integers(), st.just(MLP([3, 2, 1])),
                                           st.sampled_from([lambda g: "a", lambda g: np.ones(3), lambda g: None,
                                                            lambda g: [[1 + 2j]] * len(g)])),
               "X": arrays(more=[st.just(np.ones((8, 3))), st.just(np.zeros((0, 2))),
                                 st.just([[1e308, -1e308], [-1e308, 1e308]] * 4)]),
               "y": TARGETS | st.just(np.linspace(0.1, 0.9, 8)), "ax": AXES,
               "model": st.one_of(TEXT, st.floats(), st.booleans(), JUNK.filter(lambda v: v is not None)),
               "resolution": integers(2, plots.MAX_RESOLUTION), "pad": numbers(0) | st.just(1e308),
               "title": TITLES}, examples=10),
        Entry("plots.decision_boundary (one point)",
              lambda pad: plt.close(plots.decision_boundary(NET.make(), np.ones((3, 2)), [0, 1, 0], pad=pad, resolution=8).fig),
              {"pad": 0.5}, {"pad": st.floats(1e-320, 1e-300)}, examples=3),
        Entry("plots.decision_boundary (lockstep)",
              lambda model: plt.close(plots.decision_boundary(LOCK, X8, Y8, model=model, resolution=8).fig),
              {"model": 2}, {"model": integers(-3, 2)}, examples=8),
        Entry("plots.history_curves", closing(plots.history_curves),
              {"history": HIST, "ax": None, "models": None, "labels": ("train", "validation"), "title": None},
              {"history": JUNK | st.just(_net()), "ax": AXES | st.just([1, 2]) | st.just("ab"),
               "models": st.one_of(TEXT, st.floats(), st.just([1]), st.just([-1]), st.just(["a"]), st.just([]),
                                   st.just(np.zeros((1, 1), int)), st.just([True])),
               "labels": st.one_of(JUNK.filter(lambda v: v != ["a", "b"]), st.just(("a",)), st.just(("a", 1)), TEXT), "title": TITLES}, examples=10),
        Entry("plots.weight_history", closing(plots.weight_history),
              {"weights": w_lock, "ax": None, "model": 1, "names": None, "top": 5, "legend_kw": None, "title": None},
              {"weights": arrays(more=[st.just(HIST_BARE), st.just(np.zeros((0, 4))), st.just(np.zeros(4)),
                                       st.just(np.zeros((2, 2, 2, 2)))]),
               "ax": AXES, "model": integers(-3, 2),
               "names": st.one_of(not_a(None), st.just(["a"] * 3), st.just("x" * 13), st.just(list(range(13)))),
               "top": integers(0), "legend_kw": st.one_of(not_a(None), st.just({"bogus": 1}), st.just({"loc": "nowhere"}),
                                                          st.just({1: 2}), TEXT),
               "title": TITLES}, examples=10),
        Entry("plots.trajectories", closing(plots.trajectories),
              {"surface": "bowl", "paths": paths, "ax": None, "labels": None, "levels": 5, "resolution": 20, "title": None},
              {"surface": names(surfaces.SURFACES) | st.just(optim.SGD(0.1)),
               "paths": st.one_of(JUNK.filter(lambda v: not isinstance(v, (list, dict))), st.integers(),
                                  st.just([np.zeros((3, 3))]), st.just([[[1.0, None]]]), st.just([[[NAN, 0.0]]]),
                                  st.just([np.zeros((0, 2))]), st.just({"a": "b"}), st.just([np.zeros((2, 2))] * 101)),
               "ax": AXES, "labels": st.one_of(not_a(None), st.just(["a", "b"]), st.just([5]), TEXT),
               "levels": integers(2, plots.MAX_LEVELS, huge=[10**9]) | st.sampled_from(
                   [[3.0, 1.0], [1.0, None], [], "many", [1.0, NAN], list(range(1001))]),
               "resolution": integers(2, plots.MAX_RESOLUTION), "title": TITLES}, examples=10),
        Entry("plots.network_diagram", closing(plots.network_diagram),
              {"sizes": [2, 3, 1], "ax": None, "labels": "symbols", "numbered": False, "first": "top", "highlight": None,
               "highlight_color": "C3", "node_color": None, "node_size": 400, "node_values": None, "cmap": "Reds",
               "vmin": None, "vmax": None, "colorbar": None, "edge_values": None, "edge_color": "0.6",
               "edge_width": 1.0, "edge_alpha": 1.0, "title": None},
              {"sizes": SIZES_BAD | st.just([2, 33]) | st.just([2] * 13),
               "ax": AXES, "labels": st.one_of(JUNK.filter(lambda v: v is not None and v != "abc"), st.integers(),
                                               st.just(["a"]), TEXT.filter(lambda s: s != "symbols")),
               "numbered": FLAGS, "first": names(("top", "bottom")),
               "highlight": st.one_of(JUNK.filter(lambda v: v is not None), st.integers(), st.just((3, 0, 0)),
                                      st.just([5]), st.just([(1, 0.5, 0)]), st.just((1, 9))),
               "highlight_color": color_bad,
               "node_color": color_bad.filter(lambda v: v is not None) | st.just(["C0", "C1"]) | st.just(["C0", "C1", "nope"]),
               "node_size": numbers(0, 5000, low_open=True),
               "node_values": st.one_of(not_a(None), st.just([np.ones(3)]), st.just([[1.0, None, 1.0], [1.0]]),
                                        st.just([np.ones(3), np.array([NAN])]), st.just([["a"] * 3, [1.0]])),
               "cmap": names(("Reds",)).filter(lambda v: v is not None and v != "Reds" and v not in plt.colormaps()),
               "vmin": numbers().filter(lambda v: v is not None and not isinstance(v, list)),
               "vmax": numbers().filter(lambda v: v is not None and not isinstance(v, list)),
               "colorbar": TITLES,
               "edge_values": st.one_of(not_a(None), st.just([np.ones((3, 2))]), st.just([np.ones((2, 3)), np.ones((1, 3))]),
                                        st.just([[[1.0, None]] * 3, np.ones((1, 3))]), st.just([np.full((3, 2), INF), np.ones((1, 3))])),
               "edge_color": color_bad, "edge_width": numbers(0, plots.MAX_EDGE_WIDTH, low_open=True),
               "edge_alpha": numbers(0, 1), "title": TITLES}, examples=8),
        Entry("plots.network_diagram(vmin > vmax)",
              lambda vmax: plt.close(plots.network_diagram([2, 3, 1], node_values=[np.ones(3), np.ones(1)], vmin=1.0,
                                                           vmax=vmax).fig),
              {"vmax": 2.0}, {"vmax": st.floats(-10, 0.99)}, examples=3),
        Entry("plots.new_figure", closing(plots.new_figure), {"nrows": 1, "ncols": 2, "figsize": (6.0, 4.0), "dpi": 100},
              {"nrows": integers(1, plots.MAX_AXES_PER_SIDE), "ncols": integers(1, plots.MAX_AXES_PER_SIDE),
               "figsize": st.one_of(JUNK, st.just((6.0,)), st.just((NAN, 4.0)), st.just((10**400, 4.0)), st.just((-1.0, 4.0)),
                                    st.just((100.0, 4.0))),
               "dpi": numbers(0, plots.MAX_DPI, low_open=True)}),
        Entry("plots.new_figure(subplots_kw)", lambda sharex: plt.close(plots.new_figure(1, 2, sharex=sharex)[0]),
              {"sharex": True}, {"sharex": st.sampled_from(["nope", "rows", "both"])}, examples=3),
    ]


def _experiment_entries():
    moons = data.two_moons(n=32, seed=0)
    return [
        Entry("experiments.two_moons_network", experiments.two_moons_network, {"seed": 2, "init": "He normal", "models": None},
              {"seed": integers(0), "init": st.one_of(st.sampled_from([("normal", {"std": -1.0}), "nope", None, 5, ("normal",)]),
                                                      TEXT.filter(lambda s: s not in init.INITS)),
               "models": not_a(None) | integers(1, MAX_MODELS, huge=[10**12])}),
        Entry("experiments.two_moons_run", experiments.two_moons_run,
              {"net": Fresh(experiments.two_moons_network), "lr": 0.05, "epochs": 1, "data": moons, "snapshots": True},
              {"net": JUNK, "lr": RATES, "epochs": integers(0, TRAIN_MAX_EPOCHS, huge=[10**9]),
               "data": st.one_of(not_a(None), st.integers(), st.just(moons[:2]), st.just((*moons[:3], ["a"] * 8)),
                                 st.just((moons[0][:, :1], *moons[1:])), st.just((moons[0], moons[1][:3], *moons[2:]))),
               "snapshots": FLAGS}),
        Entry("experiments.two_moons_trainer", lambda **kw: experiments.two_moons_trainer(**kw).history,
              {"net": Fresh(experiments.two_moons_network), "lr": 0.05, "epochs": 1, "data": moons, "snapshots": True},
              {"net": JUNK, "lr": RATES, "epochs": integers(0, TRAIN_MAX_EPOCHS, huge=[10**9]),
               "data": not_a(None) | st.just(moons[:3]), "snapshots": FLAGS}, examples=8),
        Entry("experiments.two_moons_run (net)", lambda net: experiments.two_moons_run(net, epochs=1),
              {"net": Fresh(experiments.two_moons_network)}, {"net": st.just(MLP([3, 4, 1]))}, examples=1),
    ]


def _two_moons_entries():
    from nnbook.widgets.loss_widgets import SlowdownNeuron, SoftmaxExplorer
    from nnbook.widgets.lr_lab import LearningRateLab
    from nnbook.widgets.overfit_lab import DRAWS, OverfitLab, fit_errors, overfit_figure
    from nnbook.widgets.two_moons import MAX_SEEDS, TwoMoonsLab, TwoMoonsPlot, lab_data, two_moons_figure

    moons = data.two_moons(n=32, seed=0)
    net = experiments.two_moons_network()
    hist = experiments.two_moons_run(net, epochs=1, data=moons)

    def lab(**kw):
        TwoMoonsLab(**kw).close()

    def data_for(**kw):
        lab_data(**kw)

    def figure(**kw):
        import matplotlib.pyplot as plt
        plt.close(two_moons_figure(**kw))

    return [
        Entry("widgets.TwoMoonsLab", lab,
              {"lr": 0.05, "init": "He normal", "seed": 2, "epochs": 21, "seeds": 3, "speed": 5},
              {"lr": numbers(0, low_open=True), "init": names(tuple(experiments.TWO_MOONS_INITS)),
               "seed": integers(0, 2), "epochs": integers(1, 1000), "seeds": integers(1, MAX_SEEDS),
               "speed": st.one_of(JUNK, st.sampled_from([3, 7.5, -1, 1e9, "fast"]))}, examples=6),
        Entry("widgets.lab_data", data_for, {"seeds": 2}, {"seeds": integers(1, MAX_SEEDS)}, examples=4),
        Entry("widgets.SoftmaxExplorer", SoftmaxExplorer,
              {"logits": (1.0, 2.0, 3.0), "true_class": 0, "temperature": 1.0, "gamma": 2.0, "margin": 1.0},
              {"logits": not_a(None) | st.just((1.0, 2.0)) | st.just((1.0, NAN, 2.0)) | st.just((0.0, 11.0, 0.0)),
               "true_class": integers(0, 2), "temperature": numbers(0.1, 10.0), "gamma": numbers(0, 5),
               "margin": numbers(0, 2)}, examples=5),
        Entry("widgets.OverfitLab", OverfitLab, {"degree": 15, "l2": 5e-4, "show_heldout": True, "draw": 2},
              {"degree": integers(0, 16), "l2": numbers(0) | st.just(3e-4) | st.just(1e3),
               "show_heldout": FLAGS, "draw": integers(0, DRAWS - 1)}, examples=5),
        Entry("widgets.fit_errors", fit_errors, {"l2": 1e-4, "draw": 3},
              {"l2": numbers(0) | st.just(3e-4), "draw": integers(0, DRAWS - 1)}, examples=3),
        Entry("widgets.overfit_figure", lambda **kw: __import__("matplotlib.pyplot").pyplot.close(overfit_figure(**kw)),
              {"degree": 2, "l2": 0.0, "draw": 1},
              {"degree": integers(0, 16), "l2": numbers(0) | st.just(3e-4), "draw": integers(0, DRAWS - 1)}, examples=3),
        Entry("widgets.SlowdownNeuron", SlowdownNeuron,
              {"w": 2.0, "b": 2.0, "lr_quadratic": 0.15, "lr_cross_entropy": 0.005, "epochs": 30},
              {"w": numbers(-100, 100), "b": numbers(-100, 100), "lr_quadratic": numbers(0, 10, low_open=True),
               "lr_cross_entropy": numbers(0, 10, low_open=True), "epochs": integers(1, 1000)}, examples=5),
        Entry("widgets.LearningRateLab", LearningRateLab,
              {"surface": "bowl", "optimizer": "adam", "compare": "sgd", "lr": 0.1, "momentum": 0.9, "rho": 0.9,
               "beta1": 0.9, "beta2": 0.999, "steps": 30, "start": (1.0, 2.0)},
              {"surface": names(tuple(surfaces.names())), "optimizer": names(tuple(optim.names())),
               "compare": names(("", *optim.names())), "lr": numbers(1e-4, 3.0), "momentum": numbers(0, 1, high_open=True),
               "rho": numbers(0, 1, low_open=True, high_open=True), "beta1": numbers(0, 1, high_open=True),
               "beta2": numbers(0, 1, low_open=True, high_open=True), "steps": integers(1, 500),
               "start": not_a(None) | st.just((1.0, NAN)) | st.just((1.0, 2.0, 3.0)) | st.just(())}, examples=5),
        Entry("widgets.two_moons_figure", figure,
              {"net": net, "history": hist, "model": 0, "X": moons[2], "y": moons[3], "title": None, "resolution": 10,
               "epochs": None},
              {"net": JUNK | st.just(MLP([2, 3, 1])), "history": JUNK | st.just(HIST_BARE) | st.just(HIST),
               "model": integers(-1, 0), "X": XS.filter(lambda v: v is not None),
               "y": TARGETS.filter(lambda v: v is not None), "title": TITLES, "resolution": integers(2, plots.MAX_RESOLUTION),
               "epochs": not_a(None) | integers(0, 10**6)}, examples=5),
        Entry("widgets.TwoMoonsPlot", lambda **kw: plt_close(TwoMoonsPlot(**kw).fig),
              {"net": net, "history": hist, "X": moons[2], "y": moons[3], "model": 0, "resolution": 10,
               "figsize": (7.6, 5.6), "dpi": 40, "top": 5},
              {"net": JUNK, "history": JUNK | st.just(HIST_BARE), "model": integers(-1, 0),
               "figsize": st.one_of(JUNK, st.just((NAN, 4.0)), st.just((1e6, 4.0))), "dpi": numbers(0, plots.MAX_DPI, low_open=True),
               "top": integers(0)}, examples=4),
    ]


def _playground_entries():
    from nnbook.widgets import playground as pg

    def widget(**kw):
        pg.Playground(**kw).close()

    def figure(**kw):
        plt_close(pg.playground_figure(**kw))

    small = {"n": 40, "layers": [3], "activations": ["tanh"]}
    features = st.one_of(JUNK.filter(lambda v: not isinstance(v, list)), st.just([]), st.just(["x1", "x1"]),
                         st.just(["x3"]), st.just([1, 2]))
    layers = st.one_of(JUNK, st.just([0]), st.just([9]), st.just([2.5]), st.just([4] * 7))
    config = {"dataset": "moons", "noise": 0.1, "train_ratio": 0.5, "seed": 0, "features": ["x1", "x2"], "init": "he_normal",
              "loss": "bce", "optimizer": "adam", "lr": 0.03, "batch_size": 10, "regularization": "l2", "lam": 0.001,
              "dropout": 0.1, **small}
    config_bad = {"dataset": names(data.PLAYGROUND_SETS), "noise": numbers(0, 0.5), "train_ratio": numbers(0.1, 0.9),
                  "seed": integers(0, pg.SEEDS - 1), "features": features, "init": names(pg.INITS),
                  "loss": names(tuple(pg.LOSSES)), "optimizer": names(tuple(optim.names())), "lr": numbers(*pg.LR_RANGE),
                  "batch_size": integers(1, 2000), "regularization": names(("none", "l1", "l2")), "lam": numbers(*pg.LAM_RANGE),
                  "dropout": numbers(0, 0.9), "n": integers(4, 2000), "layers": layers}
    points = st.one_of(JUNK, st.just([[0.0, 1.0]]), st.just([[0.0, 1.0, 0.5], [1.0, 0.0, 1.0]]),
                       st.just([[0.0, NAN, 0.0], [1.0, 0.0, 1.0]]), st.just([[0.0, 0.0, 0.0]]))
    return [
        Entry("data.playground", data.playground,
              {"kind": "spirals", "n": 40, "noise": 0.1, "classes": 3, "train_ratio": 0.5, "seed": 0, "points": None},
              {"kind": names(data.PLAYGROUND_SETS), "n": integers(4, data.MAX_SAMPLES, huge=[10**12]), "noise": numbers(0, 10),
               "classes": integers(2, 6), "train_ratio": numbers(0, 1, low_open=True, high_open=True),
               "seed": integers(0, 2**32 - 1), "points": not_a(None) | st.just([[0.0, 1.0, 0.0]])}, examples=8),
        Entry("data.playground (custom)", data.playground,
              {"kind": "custom", "points": [[0.0, 1.0, 0], [1.0, 0.0, 1], [0.5, 0.5, 1]], "train_ratio": 0.5},
              {"points": points}, examples=6),
        Entry("data.features", data.features, {"X": np.ones((3, 2)), "names": ["x1", "sin(x2)"]},
              {"X": XS | st.just(np.ones((3, 3))), "names": features}, examples=8),
        Entry("widgets.initial_params", pg.initial_params,
              {"sizes": [2, 3, 1], "init": "he_normal", "activations": ["relu"], "rng": RNG},
              {"sizes": st.one_of(st.just([2, 0, 1]), st.just([2, "a"]), st.just([2, 1.5])), "init": names(pg.INITS),
               "rng": RNGS}, examples=6),
        Entry("widgets.check_config", pg.check_config, {"config": config},
              {"config": st.one_of(JUNK.filter(lambda v: not isinstance(v, dict)), st.just({"colour": 1}))}, examples=6),
        Entry("widgets.build", pg.build, {"config": config},
              {"config": st.one_of(JUNK.filter(lambda v: not isinstance(v, dict)), st.just({"colour": 1}))}, examples=4),
        Entry("widgets.run", pg.run, {"config": config, "epochs": 1},
              {"config": JUNK.filter(lambda v: not isinstance(v, dict)), "epochs": integers(0, 10**5)}, examples=6),
        Entry("widgets.playground_figure", figure, {"config": small, "epochs": 1, "resolution": 10},
              {"config": JUNK.filter(lambda v: v is not None and not isinstance(v, dict)), "epochs": integers(0, 10**5),
               "resolution": integers(10, 400)}, examples=4),
        Entry("widgets.Playground", widget, {**config, "points": []}, {**config_bad}, examples=3),
    ]


def _chapter4_entries():
    from nnbook import batchnorm, signals
    from nnbook.widgets.init_lab import ACTIVATIONS, SCHEMES, InitLab, init_lab_figure, lab_normal, lab_uniform, scheme_scale

    x = np.arange(12.0).reshape(4, 3) ** 1.5
    y, cache = batchnorm.batch_norm(x)
    X = np.ones((3, 2))
    Ws = signals.deep_weights(2, 2, "he_normal")

    def figure(**kw):
        plt_close(init_lab_figure(**kw))

    def lab(**kw):
        InitLab(**kw).close()

    index = st.one_of(NOT_NUMBERS, st.just([-1]), st.just([2**29]), st.just([0.5]))
    return [
        Entry("batchnorm.batch_norm", batchnorm.batch_norm, {"x": x, "gamma": 1.0, "beta": 0.0, "eps": 1e-5},
              {"x": arrays() | st.just(x[:1]) | st.just(x[0]), "gamma": arrays() | st.just([1.0, 2.0]),
               "beta": arrays() | st.just([[1.0]]), "eps": numbers(0, 1, low_open=True)}),
        Entry("batchnorm.batch_norm_backward", batchnorm.batch_norm_backward, {"dy": y, "cache": cache},
              {"dy": arrays() | st.just(y[:2]), "cache": JUNK}),
        Entry("batchnorm.batch_norm_inference", batchnorm.batch_norm_inference,
              {"x": x[:1], "mean": cache.mean, "var": cache.var, "gamma": 1.0, "beta": 0.0, "eps": 1e-5},
              {"x": arrays() | st.just(x[0]), "mean": arrays() | st.just([0.0]), "var": arrays() | st.just([-1.0, 1, 1]),
               "gamma": arrays(), "beta": arrays(), "eps": numbers(0, 1, low_open=True)}),
        Entry("signals.deep_weights", signals.deep_weights,
              {"depth": 3, "width": 4, "init": "he_normal", "seed": 0, "activation": "tanh", "n_in": 2},
              {"depth": integers(1, signals.MAX_DEPTH), "width": integers(1, 10_000), "init": names(init.INITS),
               "seed": integers(0), "activation": names(tuple(activations.ACTIVATIONS)),
               "n_in": integers(1, 10_000).filter(lambda v: v is not None)}),
        Entry("signals.propagate", signals.propagate,
              {"X": X, "weights": Ws, "activation": "tanh", "out_grad": X, "batch_norm_layers": True, "eps": 1e-5},
              {"X": arrays() | st.just(X[0]), "weights": st.one_of(st.just([]), st.just([np.ones((2, 3))])),
               "activation": names(tuple(activations.ACTIVATIONS)), "out_grad": arrays() | st.just(X[:2]),
               "batch_norm_layers": FLAGS, "eps": numbers(0, 1, low_open=True)}),
        Entry("widgets.InitLab", lab,
              {"scheme": "he_normal", "activation": "relu", "depth": 3, "width": 5, "input_scale": 2.0,
               "batch_norm": True, "seed": 1},
              {"scheme": names(tuple(SCHEMES)), "activation": names(ACTIVATIONS), "depth": integers(1, 50),
               "width": integers(2, 100), "input_scale": numbers(0.01, 100.0), "batch_norm": FLAGS,
               "seed": integers(0, 2**20)}, examples=6),
        Entry("widgets.init_lab_figure", figure, {"scheme": "keras", "depth": 4, "width": 6},
              {"scheme": names(tuple(SCHEMES)), "depth": integers(1, 50), "width": integers(2, 100)}, examples=4),
        Entry("widgets.lab_uniform", lab_uniform, {"stream": 0, "seed": 0, "index": [0, 1, 2]},
              {"stream": integers(0, 15), "seed": integers(0, 2**20), "index": index}),
        Entry("widgets.lab_normal", lab_normal, {"stream": 1, "seed": 3, "index": [0, 1, 2]},
              {"stream": integers(0, 15), "seed": integers(0, 2**20), "index": index}),
        Entry("widgets.scheme_scale", scheme_scale, {"scheme": "glorot_uniform", "fan_in": 3, "fan_out": 4,
                                                      "activation": "sigmoid"},
              {"scheme": names(tuple(SCHEMES)), "fan_in": integers(1), "fan_out": integers(1),
               "activation": names(ACTIVATIONS)}),
    ]


def plt_close(fig):
    import matplotlib.pyplot as plt
    plt.close(fig)


def _core_entries():
    net = MLP([2, 3, 2], "tanh", "softmax", seed=0)
    W, b, f, df = core.layers(net)
    x = np.array([0.5, -1.0])
    z, a = core.forward(x, W, b, f)
    y = np.array([1.0, 0.0])
    X = X8
    Y = net.targets(Y8, 8)
    layer_bad = st.one_of(JUNK, st.integers(), st.just([None]), st.just([None, np.ones((3, 2)), np.ones((2, 4))]),
                          st.just([None, np.ones((3, 2), dtype=int), np.ones((2, 3))]),
                          st.just([None, np.full((3, 2), NAN), np.ones((2, 3))]), st.just([None, [[1.0, 2.0]] * 3, np.ones((2, 3))]))
    fs_bad = st.one_of(JUNK, st.just([None, 5, 5]), st.just([None]), st.integers())
    vec = arrays(more=[st.just(np.ones(5)), st.just(np.ones((2, 2)))])
    eta = numbers(0, low_open=True)
    order = st.one_of(JUNK, st.just([0.5]), st.just([8]), st.just([-1]), st.just(["a"]), st.just(range(10**8)))
    dW_bad = st.one_of(JUNK, st.integers(), st.just([None]), st.just((None, np.ones((3, 2)), np.ones((2, 4)))),
                       st.just([None, np.full((3, 2), NAN), np.ones((2, 3))]), st.just([None, [["a"] * 2] * 3, np.ones((2, 3))]))
    Y_bad = TARGETS.filter(lambda v: not (isinstance(v, np.ndarray) and v.shape == (8, 2)))
    layer_bad = st.one_of(layer_bad, st.just((None, np.ones((3, 2)), np.ones((2, 4)))))
    fresh_W = Fresh(lambda: [None] + [w.copy() for w in W[1:]])
    fresh_b = Fresh(lambda: [None] + [v.copy() for v in b[1:]])
    return [
        Entry("core.forward", core.forward, {"x": x, "W": W, "b": b, "f": f},
              {"x": vec, "W": layer_bad, "b": layer_bad | st.just([None, np.zeros(2), np.zeros(2)]), "f": fs_bad}),
        Entry("core.output_delta", core.output_delta, {"head": net.head, "z_L": z[-1], "a_L": a[-1], "y": y},
              {"head": JUNK | st.just(net), "z_L": vec, "a_L": vec, "y": vec}),
        Entry("core.backprop", core.backprop, {"W": W, "z": z, "a": a, "df": df, "delta_L": a[-1] - y},
              {"W": layer_bad, "z": JUNK | st.just([None, np.ones(2), np.ones(2)]), "a": JUNK | st.just([x, None, None]),
               "df": fs_bad, "delta_L": vec}),
        Entry("core.update", core.update, {"W": fresh_W, "b": fresh_b, "dW": W, "db": b, "eta": 0.1},
              {"W": layer_bad | st.just(tuple(W)), "b": layer_bad, "dW": dW_bad, "db": JUNK | st.just([None, np.ones(3)]),
               "eta": eta}),
        Entry("core.sgd_epoch", core.sgd_epoch,
              {"W": fresh_W, "b": fresh_b, "f": f, "df": df, "head": net.head, "X": X, "Y": Y, "eta": 0.1,
               "order": np.arange(8)},
              {"W": layer_bad, "b": layer_bad, "f": fs_bad, "df": fs_bad, "head": JUNK, "X": XS, "Y": Y_bad,
               "eta": eta, "order": order}, examples=10),
        Entry("core.gradient", core.gradient, {"W": W, "b": b, "f": f, "df": df, "head": net.head, "X": X, "Y": Y},
              {"W": layer_bad, "b": layer_bad, "f": fs_bad, "df": fs_bad, "head": JUNK, "X": XS, "Y": Y_bad},
              examples=10),
        Entry("core.layers", core.layers, {"net": net}, {"net": JUNK | st.just(LOCK) | st.just(HIST)}),
    ]


def entries(tmp):
    """The whole table (the MNIST files of ``data`` live in ``tmp``)."""
    return (_activation_entries() + _init_entries() + _loss_entries() + _surface_entries() + _polyfit_entries()
            + _data_entries(tmp) + _gradcheck_entries() + _autodiff_entries() + _regularization_entries()
            + _explorer_entries() + _network_entries() + _head_entries() + _lockstep_entries() + _history_entries()
            + _train_entries() + _optim_entries() + _plot_entries() + _experiment_entries() + _two_moons_entries()
            + _playground_entries() + _core_entries() + _chapter4_entries())


def _collect():
    import tempfile
    from pathlib import Path
    return entries(Path(tempfile.mkdtemp(prefix="nnbook-robustness-")))


ENTRIES = _collect()
CASES = [(e, arg) for e in ENTRIES for arg in e.bad]


# --- the tests ---------------------------------------------------------------------------------

def names_argument(message, arg):
    """True when the text before the first ": " names ``arg`` ("x: …", "lr, lam: …", "params[1]: …")."""
    label = message.split(": ", 1)[0] if ": " in message else ""
    return re.search(rf"(?<!\w){re.escape(arg)}(?!\w)", label) is not None


def has_nan(value, depth=0):
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "fc" and bool(np.isnan(value).any())
    if isinstance(value, (float, np.floating)):
        return bool(np.isnan(value))
    if isinstance(value, (list, tuple)) and depth < 3:
        return any(has_nan(v, depth + 1) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return any(has_nan(getattr(value, f.name), depth + 1) for f in fields(value))
    return False


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_the_valid_call_works_without_nan_or_warnings(entry):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = entry.call(**entry.kwargs())
    assert not has_nan(result)


@pytest.mark.parametrize("entry, arg", CASES, ids=[f"{e.name}-{a}" for e, a in CASES])
def test_bad_values_are_refused_naming_the_argument(entry, arg):
    @settings(max_examples=entry.examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(bad=entry.bad[arg])
    def refused(bad):
        with warnings.catch_warnings():
            warnings.simplefilter("error")                      # a numpy warning is a failure here
            with pytest.raises(entry.errors) as info:
                result = entry.call(**entry.kwargs(**{arg: bad}))
                pytest.fail(f"{entry.name}({arg}={bad!r}) returned {result!r:.80}"
                            + (" (NaN)" if has_nan(result) else ""))
        assert names_argument(str(info.value), arg), f"{arg}={bad!r}: {type(info.value).__name__}: {info.value}"

    refused()


def test_the_table_covers_every_public_function_of_these_modules():
    """A new public function needs an entry (or a reason to be left out)."""
    from nnbook import history, lockstep as _  # noqa: F401  (nnbook.lockstep is also the function)
    from nnbook import batchnorm, signals
    from nnbook.widgets import init_lab, overfit_lab, playground, two_moons
    left_out = {"activations.names", "activations.Activation", "activations.sigmoid_into", "init.names", "init.Init",
                "losses.names", "losses.Loss", "surfaces.names", "surfaces.Surface", "surfaces.Bowl",
                "surfaces.Saddle", "surfaces.Trajectory", "data.curve_fit_points", "data.byte_sample",
                "regularization.EarlyStopping", "widgets.ActivationPlot",
                # result containers made by the network (no arguments of the reader's)
                "network.Gradients", "network.Trace", "heads.Head", "history.History", "lockstep.Lockstep",
                "train.StopTraining", "batchnorm.BatchNormCache", "signals.Signals",
                # base classes: every subclass has its entry; names() takes no argument
                "optim.Optimizer", "optim.Schedule", "optim.names",
                # takes no argument; the plot objects are made (and checked) by the functions that draw them
                "plots.use_book_style", "plots.NetworkDiagram", "plots.BoundaryPlot", "plots.HistoryPlot",
                "plots.WeightPlot", "plots.TrajectoryPlot"}
    covered = [e.name for e in ENTRIES]
    missing = []
    modules = (activations, init, losses, surfaces, polyfit, data, gradcheck, autodiff, regularization, network,
               heads, sys.modules["nnbook.lockstep"], history, sys.modules["nnbook.train"], optim, plots,
               experiments, core, explorer, two_moons, overfit_lab, init_lab, playground, batchnorm, signals)
    for module in modules:
        short = "widgets" if ".widgets." in module.__name__ else module.__name__.split(".")[-1]
        for attr in module.__all__:
            obj = getattr(module, attr)
            if not callable(obj) or getattr(obj, "__module__", None) != module.__name__:
                continue
            name = f"{short}.{attr}"
            if name in left_out or any(c == name or c.startswith((name + ".", name + " ", name + "("))
                                       for c in covered):
                continue
            if short == "losses" and attr.endswith("_grad") and f"losses.{attr[:-5]}" in covered:
                continue
            missing.append(name)
    assert not missing, f"no robustness entry for {missing}"


def _not_number_cases():
    """(label, call, value): a value holding None or a numeric string where numbers are expected.

    numpy would turn [1, None] into [1, nan] (an error saying "contains NaN", which is not the
    mistake) and ["0.5"] into 0.5 (no error at all); the rule is a TypeError naming the argument.
    """
    W = [np.ones((3, 2)), np.ones((1, 3))]
    _, cache = (big := _net()).forward_cache(X8)
    cases = []
    for label, bad in (("None", None), ("str", "0.5")):
        row = [0.5, bad]
        cases += [
            (f"network.forward x [{label}]", "x", lambda v: network.forward(v, W, [np.zeros(3), np.zeros(1)], "relu"), row),
            (f"MLP.forward X [{label}]", "X", lambda v: _net().forward(v), [row] * 8),
            (f"MLP.loss X [{label}]", "X", lambda v: _net().loss(v, Y8), [row] * 8),
            (f"MLP.set_params [{label}]", "params", lambda v: _net().set_params(v), [0.0] * 12 + [bad]),
            (f"MLP.penalty l2 [{label}]", "l2", lambda v: _net().penalty(l2=v), [bad]),
            (f"MLP.forward masks [{label}]", "masks", lambda v: _net().forward(X8, masks=[v]), [1.0, bad, 1.0]),
            (f"MLP.backward dout [{label}]", "dout", lambda v: big.backward(cache, dout=v), [[bad]] * 8),
            (f"MLP.backward delta [{label}]", "delta", lambda v: big.backward(cache, delta=v), [[bad]] * 8),
            (f"MLP.from_weights weights [{label}]", "weights", lambda v: MLP.from_weights([v, W[1]]), [row] * 3),
            (f"MLP.from_weights biases [{label}]", "biases",
             lambda v: MLP.from_weights(W, [v, np.zeros(1)]), [0.0, bad, 0.0]),
            (f"train X [{label}]", "X", lambda v: train(_net(), v, Y8, epochs=1), [row] * 8),
            (f"train lr [{label}]", "lr", lambda v: train(_net(), X8, Y8, epochs=1, lr=v), [bad]),
            (f"train l2 [{label}]", "l2", lambda v: train(_net(), X8, Y8, epochs=1, l2=v), [bad]),
            (f"train l1 [{label}]", "l1", lambda v: train(_net(), X8, Y8, epochs=1, l1=v), [bad]),
            (f"optim.SGD lr [{label}]", "lr", optim.SGD, [0.1, bad]),
            (f"optim.Adaptive loss [{label}]", "loss", lambda v: optim.Adaptive(0.1)(1, 0, v), [0.5, bad]),
            (f"plots.decision_boundary X [{label}]", "X", lambda v: plots.decision_boundary(_net(), v, Y8), [row] * 8),
            (f"plots.weight_history weights [{label}]", "weights", lambda v: plots.weight_history(v), [[0.0, bad]] * 2),
        ]
    cases.append(("optim.SGD lr (a string)", "lr", optim.SGD, "0.1"))
    return cases


NOT_NUMBER_CASES = _not_number_cases()


@pytest.mark.parametrize("label, arg, call, value", NOT_NUMBER_CASES, ids=[c[0] for c in NOT_NUMBER_CASES])
def test_non_numbers_are_a_type_error_not_a_nan_or_a_number(label, arg, call, value):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(TypeError) as info:
            call(value)
    assert names_argument(str(info.value), arg) and "NaN" not in str(info.value), str(info.value)


@pytest.mark.parametrize("penalty", [{"l2": 0.1}, {"l1": 0.1}, {"l2": 1e308}])
def test_a_run_that_diverges_with_a_penalty_is_recorded_not_raised(penalty):
    """The penalty of a diverging model is inf or NaN: training records the divergence (History.diverged)
    instead of stopping with the penalty's overflow error."""
    net = MLP([2, 3, 1], "relu", "identity", seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        history = train(net, X8 * 100, X8[:, 0] * 1e5, epochs=5, lr=1.0, **penalty)
    assert history.diverged and history.diverged_at >= 1 and "diverged" in history.message()
