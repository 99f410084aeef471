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

from nnbook import activations, autodiff, data, gradcheck, init, losses, optim, polyfit, regularization
from nnbook import surfaces
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
           Entry("init.glorot_uniform", init.glorot_uniform, {"shape": (2, 3), "rng": RNG, "activation": "tanh"},
                 {"shape": SHAPES, "rng": RNGS, "activation": names(init.GLOROT_ACTIVATIONS)}),
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
            Entry("widgets.ActivationExplorer", explorer.ActivationExplorer, valid,
                  {**views, "interval": st.one_of(JUNK, st.floats(max_value=-1e-9), NONFINITE)}, examples=3)]


def entries(tmp):
    """The whole table (the MNIST files of ``data`` live in ``tmp``)."""
    return (_activation_entries() + _init_entries() + _loss_entries() + _surface_entries() + _polyfit_entries()
            + _data_entries(tmp) + _gradcheck_entries() + _autodiff_entries() + _regularization_entries()
            + _explorer_entries())


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
    left_out = {"activations.names", "activations.Activation", "activations.sigmoid_into", "init.names", "init.Init",
                "losses.names", "losses.Loss", "surfaces.names", "surfaces.Surface", "surfaces.Bowl",
                "surfaces.Saddle", "surfaces.Trajectory", "data.curve_fit_points", "data.byte_sample",
                "regularization.EarlyStopping", "widgets.ActivationPlot"}
    covered = [e.name for e in ENTRIES]
    missing = []
    for module in (activations, init, losses, surfaces, polyfit, data, gradcheck, autodiff, regularization):
        short = module.__name__.split(".")[-1]
        for attr in module.__all__:
            obj = getattr(module, attr)
            if not callable(obj) or getattr(obj, "__module__", None) != module.__name__:
                continue
            name = f"{short}.{attr}"
            if name in left_out or any(c == name or c.startswith((name + ".", name + " ")) for c in covered):
                continue
            if short == "losses" and attr.endswith("_grad") and f"losses.{attr[:-5]}" in covered:
                continue
            missing.append(name)
    assert not missing, f"no robustness entry for {missing}"

