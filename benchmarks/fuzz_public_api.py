"""Feed a fixed set of bad inputs to every public callable and count what happens (issue 8, "Robustness").

The project rule (every chapter's functions follow it): a public function checks its
inputs and raises ``ValueError``/``TypeError`` whose message starts with the argument's
name, what was expected and what was given; never a silent NaN, never a hang, and huge
sizes are refused with a stated limit.  For each callable this script starts from
arguments that work, replaces one argument at a time by each value of a fixed list of
bad ones (None, strings, dicts, bools, NaN/inf, wrong shapes, out-of-range and huge
values) and sorts the outcomes:

* **clear**      ValueError/TypeError (FileNotFoundError for a path) whose message names the argument
                 before its first ": " ("x: …", "params[1]: …", "lr, lam: …");
* **confusing**  any other exception (a warning counts: warnings are errors here), or a
                 ValueError/TypeError that does not name the argument;
* **silent**     returned without an error (a NaN in the result is noted);
* **hang**       no answer within the timeout (killed).

Each call runs in a forked child with its address space limited (so a request for
terabytes fails fast instead of swapping the machine) and is killed after ``--timeout``
seconds; everything is seeded and fixed, so two runs give the same table.  Values that
a function accepts by design are not in its lists (the activations and ``softmax``
take NaN/inf net inputs so that a diverging network can record where it diverged; a
loss's ``out`` may hold inf/NaN for the same reason; ``val_loss`` may be NaN).

Functions without arguments (``names()``, ``curve_fit_points()``, …) are not listed.
More modules are added by appending a function returning :class:`Entry` objects to
``MODULES`` (network, train, optim and plots are next).

    .venv/bin/python benchmarks/fuzz_public_api.py [--timeout 5] [--module losses] [--verbose]
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # forking a process with BLAS threads can deadlock
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MPLBACKEND", "Agg")

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import gzip  # noqa: E402
import pickle  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import select  # noqa: E402
import signal  # noqa: E402
import struct  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable  # noqa: E402

import numpy as np  # noqa: E402

NAN, INF = float("nan"), float("inf")


# --- the bad values --------------------------------------------------------------------------

class Lazy:
    """A value made in the child (fresh state, or too big to make in the parent)."""

    def __init__(self, make, label):
        self.make, self.label = make, label

    def __repr__(self):
        return self.label


def _read_only(a):
    a = np.array(a, dtype=float)
    a.flags.writeable = False
    return a


JUNK = [None, "abc", ["a", "b"], {"a": 1}, object()]          # never valid for any argument here


def numbers(low=None, high=None, *, low_open=False, high_open=False, more=()):
    """Bad values for a real-number argument with the given bounds."""
    bad = JUNK + [True, NAN, INF, -INF, np.float32("nan"), 10**400, 1 + 2j, [0.5]]
    if low is not None:
        bad.append(low if low_open else low - 1)
    if high is not None:
        bad.append(high if high_open else high + 1)
    return bad + list(more)


def integers(low=None, high=None, more=()):
    """Bad values for an integer argument with the given bounds."""
    bad = JUNK + [True, 2.5, np.float64(3.0), NAN, "3"]
    if low is not None:
        bad.append(low - 1)
    if high is not None:
        bad.append(high + 1)
    return bad + list(more)


NAMES = [None, 3, "nope", ["relu"], True, {"a": 1}]
FLAGS = [None, "yes", "False", 1, 0.0, [True]]
RNGS = [None, 42, Lazy(lambda: np.random.RandomState(0), "RandomState(0)"), "rng", True]
SHAPES = [None, "ab", {"a": 1}, 2.5, (2.5, 3), (True, 2), (-1, 3), [[2, 3]], (10**6, 10**6),
          (10**12,)]
#: a real-valued array argument of any shape (NaN/inf allowed or not, see finite)
ARRAY_JUNK = [None, "abc", ["a", "b"], {"a": 1}, object(), True, [1.0, None], ["1.5"],
              [[1.0], [1.0, 2.0]], [1 + 2j], [10**400]]
ARRAY_NONFINITE = [[1.0, NAN], [INF, 1.0]]


def arrays(*, finite=True, more=()):
    return ARRAY_JUNK + (ARRAY_NONFINITE if finite else []) + list(more)


# --- the table ---------------------------------------------------------------------------------

@dataclass
class Entry:
    """One public callable: ``call(**valid)`` works; ``bad[arg]`` are values that must be refused."""

    name: str
    call: Callable
    valid: dict
    bad: dict = field(default_factory=dict)


def activation_entries():
    from nnbook import activations
    from nnbook.activations import ACTIVATIONS, Activation

    z_bad = ARRAY_JUNK + [np.array([True, False]), Lazy(lambda: np.array([1, None], dtype=object), "object array")]
    out = []
    for name, act in ACTIVATIONS.items():
        out.append(Entry(f"ACTIVATIONS[{name!r}].f", lambda z, a=act: a.f(z), {"z": [-1.0, 0.0, 2.0]}, {"z": z_bad}))
        out.append(Entry(f"ACTIVATIONS[{name!r}].df", lambda z, a=act: a.df(z), {"z": [-1.0, 0.0, 2.0]}, {"z": z_bad}))
    bound = activations.get("leaky_relu", slope=0.2)
    out.append(Entry("get('leaky_relu', slope=0.2).f", lambda z: bound.f(z), {"z": 1.0}, {"z": z_bad}))
    out.append(Entry("activations.get", lambda name, slope: activations.get(name, slope=slope),
                     {"name": "leaky_relu", "slope": 0.1}, {"name": NAMES, "slope": numbers(more=[1e308, -1e4])}))
    sig = ACTIVATIONS["sigmoid"]
    out.append(Entry("activations.Activation", Activation,
                     {"name": "s", "f": sig.f, "df": sig.df, "formula": "f", "derivative": "df"},
                     {"name": [None, 3], "f": [None, 3.0, "f"], "df": [None, 3.0], "formula": [None, 3],
                      "derivative": [None, 3]}))
    return out


def init_entries():
    from nnbook import init

    rng = Lazy(lambda: np.random.default_rng(0), "default_rng(0)")
    shape_bad = SHAPES + [(), (0, 3)]
    fan_shape_bad = shape_bad + [(5,)]
    out = [
        Entry("init.fans", init.fans, {"shape": (2, 3)}, {"shape": fan_shape_bad}),
        Entry("init.zeros", init.zeros, {"shape": (2, 3)}, {"shape": shape_bad}),
        Entry("init.constant", init.constant, {"shape": (2, 3), "value": 0.3},
              {"shape": shape_bad, "value": numbers()}),
        Entry("init.large_normal", init.large_normal, {"shape": (2, 3), "rng": rng},
              {"shape": shape_bad, "rng": RNGS}),
        Entry("init.glorot_bound", init.glorot_bound, {"fan_in": 2, "fan_out": 3, "activation": "relu"},
              {"fan_in": integers(1), "fan_out": integers(1), "activation": NAMES}),
        Entry("init.glorot_uniform", init.glorot_uniform, {"shape": (2, 3), "rng": rng, "activation": "relu"},
              {"shape": fan_shape_bad, "rng": RNGS, "activation": NAMES}),
    ]
    for fn, param in ((init.small_uniform, "scale"), (init.small_normal, "scale"), (init.normal, "std")):
        out.append(Entry(f"init.{fn.__name__}", fn, {"shape": (2, 3), "rng": rng, param: 0.1},
                         {"shape": shape_bad, "rng": RNGS, param: numbers(0, low_open=True, more=[1e308])}))
    for fn in (init.xavier_normal, init.he_normal, init.he_uniform, init.lecun_normal):
        out.append(Entry(f"init.{fn.__name__}", fn, {"shape": (2, 3), "rng": rng},
                         {"shape": fan_shape_bad, "rng": RNGS}))
    out.append(Entry("init.get", lambda name, std: init.get(name, std=std), {"name": "normal", "std": 0.1},
                     {"name": NAMES, "std": numbers(0, low_open=True)}))
    out.append(Entry("init.get(...)(shape, rng)", lambda shape, rng: init.get("he_normal")(shape, rng),
                     {"shape": (2, 3), "rng": rng}, {"shape": fan_shape_bad, "rng": RNGS}))
    out.append(Entry("init.Init", init.Init, {"name": "n", "fn": init.normal, "formula": "N"},
                     {"name": [None, 3], "fn": [None, 3.0, "normal"], "formula": [None, 3]}))
    return out


def loss_entries():
    from nnbook import losses

    def pair(name, out, y, targets, param=None, low_open=False):
        value, grad = getattr(losses, name), getattr(losses, name + "_grad")
        k = len(out[0])                                   # the bad values have k columns, like the valid out
        out_bad = [None, "abc", [["a"] * k], {"a": 1}, object(), True, [[None] * k], out[0], [[]],
                   Lazy(lambda: np.zeros((0, k)), f"zeros((0, {k}))"), [[1.0] * k, [1.0] * (k + 1)],
                   [[1 + 2j] * k], [["0.5"] * k]]
        y_bad = out_bad + [[[NAN] * k], [[INF] * k], [[1.0] * k, [0.0] * k]] + targets
        valid = {"out": out, "y": y}
        bad = {"out": out_bad, "y": y_bad}
        if param:
            valid[param] = 1.0
            bad[param] = numbers(0, low_open=low_open)
        return [Entry(f"losses.{name}", value, valid, bad), Entry(f"losses.{name}_grad", grad, valid, bad)]

    one, two = [[0.3]], [[0.3, 0.7]]
    out = (pair("mse", one, [[1.0]], []) + pair("mae", one, [[1.0]], [])
           + pair("huber", one, [[1.0]], [], "delta", low_open=True)
           + pair("bce", one, [[1.0]], [[[2.0]], [[-1.0]]]) + pair("bce_logits", one, [[1.0]], [[[2.0]]])
           + pair("focal", one, [[1.0]], [[[2.0]], [[0.5]]], "gamma")
           + pair("hinge", one, [[1.0]], [[[0.0]], [[2.0]]], "margin")
           + pair("cross_entropy", two, [[1.0, 0.0]], [[[1.0, 1.0]], [[0.5, 0.6]]])
           + pair("log_loss", two, [[1.0, 0.0]], [[[2.0, 0.0]]])
           + pair("multiclass_hinge", two, [[1.0, 0.0]], [[[0.5, 0.5]], [[1.0, 1.0]]], "margin"))
    z_bad = [None, "abc", ["a"], {"a": 1}, object(), True, [1.0, None], 3.0, [], [[1 + 2j]], ["1.5"]]
    axis_bad = [None, "a", 2.5, 5, -3, True, [0]]
    for name in ("softmax", "log_softmax"):
        out.append(Entry(f"losses.{name}", getattr(losses, name), {"z": [[1.0, 2.0]], "axis": -1},
                         {"z": z_bad, "axis": axis_bad}))
    out.append(Entry("losses.one_hot", losses.one_hot, {"labels": [0, 2], "k": 3},
                     {"labels": [None, "abc", ["a"], {"a": 1}, [0.5], [-1], [3], [[0]], True, [True, False]],
                      "k": integers(1, more=[10**12])}))
    out.append(Entry("losses.get", lambda name, gamma: losses.get(name, gamma=gamma),
                     {"name": "focal", "gamma": 1.0}, {"name": NAMES, "gamma": numbers(0)}))
    out.append(Entry("losses.Loss", losses.Loss, {"name": "m", "value": losses.mse, "grad": losses.mse_grad},
                     {"name": [None, 3], "value": [None, 3.0], "grad": [None, "mse_grad"]}))
    return out


def surface_entries():
    from nnbook import optim, surfaces

    w_bad = ARRAY_JUNK + ARRAY_NONFINITE + [[1.0, 2.0, 3.0], 5.0, [], [[1.0]]]
    out = []
    for name, cls in surfaces.SURFACES.items():
        s = cls()
        extra = [[1e300, 1e300]] if name == "saddle" else []      # L = inf − inf
        out.append(Entry(f"{cls.__name__}().value", s.value, {"w": [0.5, 1.0]}, {"w": w_bad + extra}))
        out.append(Entry(f"{cls.__name__}().grad", s.grad, {"w": [0.5, 1.0]}, {"w": w_bad}))
    out += [
        Entry("surfaces.ElongatedBowl", surfaces.ElongatedBowl, {"kappa": 10.0}, {"kappa": numbers(0, low_open=True)}),
        Entry("surfaces.Rosenbrock", surfaces.Rosenbrock, {"a": 1.0, "b": 100.0},
              {"a": numbers(), "b": numbers(0, low_open=True)}),
        Entry("surfaces.get", lambda name, kappa: surfaces.get(name, kappa=kappa),
              {"name": "elongated_bowl", "kappa": 3.0}, {"name": NAMES, "kappa": numbers(0, low_open=True)}),
        Entry("surfaces.trajectory", surfaces.trajectory,
              {"surface": "bowl", "optimizer": optim.SGD(0.1), "start": None, "steps": 5},
              {"surface": NAMES, "optimizer": [None, "sgd", 0.1, optim.SGD, True],
               "start": ["ab", [1.0], [NAN, 1.0], [INF, 0.0], [[1.0, 2.0]], {"a": 1}, [1.0, None], True,
                         ["1", "2"]],
               "steps": integers(0, more=[10**8, 10**12])}),
        Entry("surfaces.Trajectory", surfaces.Trajectory,
              {"points": np.zeros((2, 2)), "values": np.zeros(2), "diverged": False, "diverged_at": None},
              {"points": [None, "ab", np.zeros(3)], "values": [None, np.zeros(5)], "diverged": ["no", None],
               "diverged_at": [2.5, "1"]}),
    ]
    return out


def polyfit_entries():
    from nnbook import polyfit

    x3, y3 = [0.0, 1.0, 2.0], [1.0, 2.0, 0.5]
    xy_bad = [None, "abc", ["a", "b", "c"], {"a": 1}, object(), True, [1.0, None, 2.0], ["1", "2", "3"],
              [[1.0], [1.0, 2.0], [3.0]], [], [[0.0, 1.0, 2.0]], [NAN, 1.0, 2.0], [INF, 1.0, 2.0],
              [1 + 2j, 1.0, 2.0], [10**400, 1.0, 2.0]]
    xs = xy_bad + [[-1e308, 0.0, 1e308]]
    out = []
    for fn in (polyfit.polyfit, polyfit.fit):
        out.append(Entry(f"polyfit.{fn.__name__}", fn, {"x": x3, "y": y3, "degree": 1, "l2": 0.5},
                         {"x": xs, "y": xy_bad,
                          "degree": integers(0, more=[10**4, 10**6]), "l2": numbers(0)}))
    x_eval_bad = ARRAY_JUNK + ARRAY_NONFINITE + [1e300]
    out += [
        Entry("polyfit.polyval", polyfit.polyval, {"coef": [1.0, 2.0, 3.0], "x": [0.5, 1.0]},
              {"coef": ARRAY_JUNK + ARRAY_NONFINITE + [[], [[1.0]]], "x": x_eval_bad}),
        Entry("fit(...)(x)", lambda x: polyfit.fit(x3, y3, 2)(x), {"x": [0.5]}, {"x": x_eval_bad}),
        Entry("fit(...).sse", lambda x, y: polyfit.fit(x3, y3, 2).sse(x, y), {"x": x3, "y": y3},
              {"x": xy_bad, "y": xy_bad}),
        Entry("polyfit.PolynomialFit", polyfit.PolynomialFit,
              {"scaled_coef": [1.0, 2.0], "domain": (0.0, 1.0), "degree": 1, "l2": 0.0},
              {"scaled_coef": ARRAY_JUNK + ARRAY_NONFINITE + [[]], "domain": [None, (1.0, 0.0), (0.0, NAN), "ab", 3.0],
               "degree": integers(0), "l2": numbers(0)}),
    ]
    return out


def _mnist_folder():
    folder = Path(tempfile.mkdtemp(prefix="nnbook-fuzz-"))
    rng = np.random.default_rng(0)
    for prefix, n in (("train", 6), ("t10k", 4)):
        for kind, arr in (("images-idx3", rng.integers(0, 256, (n, 28, 28))), ("labels-idx1", rng.integers(0, 10, n))):
            header = bytes([0, 0, 0x08, arr.ndim]) + b"".join(struct.pack(">i", s) for s in arr.shape)
            (folder / f"{prefix}-{kind}-ubyte").write_bytes(header + arr.astype(np.uint8).tobytes())
    with gzip.open(folder / "big.idx.gz", "wb") as fh:    # claims 4 × 2³¹ entries, holds none
        fh.write(bytes([0, 0, 0x08, 4]) + struct.pack(">4i", *[2**31 - 1] * 4))
    (folder / "neg.idx").write_bytes(bytes([0, 0, 0x08, 1]) + struct.pack(">i", -3))
    return folder


def data_entries():
    from nnbook import data

    folder = _mnist_folder()
    common = {"test_size": numbers(0, 1, high_open=True, more=[0.9999]),
              "seed": integers(0, more=[2**32, 10**30]), "standardize": FLAGS}
    noise = numbers(0, more=[1e308])
    out = [
        Entry("data.two_moons", data.two_moons, {"n": 64, "noise": 0.1, "test_size": 0.25, "seed": 0, "standardize": True},
              {"n": integers(2, more=[10**12]), "noise": noise, **common}),
        Entry("data.circles", data.circles, {"n": 64, "factor": 0.5}, {"n": integers(2, more=[10**12]), "noise": noise,
                                                                        "factor": numbers(0, 1, low_open=True, high_open=True)}),
        Entry("data.spirals", data.spirals, {"n": 64, "turns": 1.5, "classes": 2, "test_size": 0.25, "seed": 0,
                                             "standardize": True},
              {"n": integers(2, more=[10**12]), "noise": noise, "turns": numbers(0, low_open=True, more=[1e308]),
               "classes": integers(2, more=[10**9]), **common}),
        Entry("data.xor", data.xor, {"n": 64, "noise": 0.1, "test_size": 0.25, "seed": 0, "standardize": True},
              {"n": integers(2, more=[10**12]), "noise": noise, **common}),
        Entry("data.statsville", data.statsville, {"n": 64, "test_size": 0.25, "seed": 0, "standardize": True},
              {"n": integers(2, more=[10**12]), "test_size": common["test_size"], "seed": common["seed"],
               "standardize": [None, "yes", "feature", 1, 1.0, [True]]}),
        Entry("data.digits", data.digits, {"test_size": 0.25, "seed": 0},
              {"test_size": common["test_size"] + [0.001], "seed": common["seed"]}),
        Entry("data.standardize", data.standardize, {"X_train": [[1.0, 2.0], [3.0, 5.0]], "X_test": [[2.0, 6.0]]},
              {"X_train": ARRAY_JUNK + ARRAY_NONFINITE + [[[NAN, 1.0], [1.0, 1.0]]], "X_test": ARRAY_JUNK
               + [[[INF, 1.0]], [[1.0]]]}),
        Entry("data.read_idx", data.read_idx, {"path": folder / "train-labels-idx1-ubyte"},
              {"path": [None, 3, ["a"], {"a": 1}, True, str(folder / "missing.idx"), folder / "big.idx.gz",
                        folder / "neg.idx", str(folder)]}),
        Entry("data.load_mnist", data.load_mnist, {"path": folder, "flatten": True},
              {"path": [None, 3, ["a"], True, str(folder / "nowhere")], "flatten": FLAGS}),
    ]
    return out


def gradcheck_entries():
    from nnbook import gradcheck

    X = np.ones(3)

    def f():
        return float(np.sum(X * X))

    f_bad = [None, 3.0, "f", lambda: "a", lambda: None, lambda: NAN, lambda: [1.0, 2.0], lambda: {"a": 1}]
    x_bad = [None, "abc", [1.0, 2.0], {"a": 1}, True, Lazy(lambda: np.ones(2, dtype=int), "int array"),
             np.array([NAN]), Lazy(lambda: _read_only([1.0]), "read-only array"),
             Lazy(lambda: np.ones(3, np.float16), "float16 array"), Lazy(lambda: np.full(3, 1e12), "full(3, 1e12)"),
             Lazy(lambda: np.zeros(2 * 10**7), "zeros(2·10⁷)")]
    eps = numbers(0, low_open=True, more=[1e308])
    out = [Entry(f"gradcheck.{fn.__name__}", fn, {"f": f, "x": X, "eps": 1e-6}, {"f": f_bad, "x": x_bad, "eps": eps})
           for fn in (gradcheck.numerical_gradient, gradcheck.forward_difference)]
    ab_bad = ARRAY_JUNK + ARRAY_NONFINITE
    out.append(Entry("gradcheck.relative_error", gradcheck.relative_error, {"a": [1.0, 2.0], "b": [1.0, 2.5]},
                     {"a": ab_bad, "b": ab_bad + [[1.0, 2.0, 3.0]]}))
    grad_bad = [v for v in ab_bad if not isinstance(v, list) or len(v) != 2] + [[1.0, NAN, 2.0], [1.0, None, 2.0],
                                                                                 [1.0, 2.0]]
    out.append(Entry("gradcheck.check_gradient", gradcheck.check_gradient, {"f": f, "grad": 2 * X, "x": X, "eps": 1e-6},
                     {"f": f_bad, "grad": grad_bad, "x": x_bad, "eps": eps}))
    return out


def autodiff_entries():
    from nnbook.autodiff import Dual, Value

    other = JUNK + [True, NAN, INF, 10**400, 1 + 2j, [1.0], np.array([1.0, 2.0])]
    out = []
    for cls in (Value, Dual):
        n = cls.__name__
        first = "data" if cls is Value else "value"
        out += [
            Entry(n, cls, {first: 1.0}, {first: numbers()}),
            Entry(f"{n} + other", lambda other, c=cls: c(2.0) + other, {"other": 1.0}, {"other": other}),
            Entry(f"{n} * other", lambda other, c=cls: c(2.0) * other, {"other": 1.0}, {"other": other + [1e308]}),
            Entry(f"{n} / other", lambda other, c=cls: c(2.0) / other, {"other": 1.0}, {"other": other + [1e-308]}),
            Entry(f"other / {n}", lambda other, c=cls: other / c(2.0), {"other": 1.0}, {"other": other}),
            Entry(f"{n} ** exponent", lambda exponent, c=cls: c(2.0) ** exponent, {"exponent": 2.0},
                  {"exponent": other + [1e10, cls(2.0)]}),
            Entry(f"{n}(h).exp", lambda exp, c=cls: c(exp).exp(), {"exp": 1.0}, {"exp": [710.0, 1e300]}),
            Entry(f"{n}(h) ** -3", lambda exponent, c=cls: c(exponent) ** -3, {"exponent": 2.0},
                  {"exponent": [1e-300]}),
        ]
    out.append(Entry("Value label", Value, {"data": 1.0, "label": "x"}, {"label": [None, 3, ["a"], True]}))
    out.append(Entry("Dual der", Dual, {"value": 1.0, "der": 1.0}, {"der": numbers()}))
    return out


def regularization_entries():
    from nnbook import regularization as reg
    from nnbook.regularization import EarlyStopping

    rng = Lazy(lambda: np.random.default_rng(0), "default_rng(0)")
    # a list of arrays of different shapes ([[1.0], [1.0, 2.0]]) is valid here, and lam may be an array
    w_bad = [v for v in ARRAY_JUNK if v != [[1.0], [1.0, 2.0]]] + ARRAY_NONFINITE + [
        [], [np.ones(2), "a"], [np.array([NAN])]]
    lam = [v for v in numbers(0, more=[[NAN], np.array([-1.0])]) if v != [0.5]]
    out = []
    for fn in (reg.l2_penalty, reg.l1_penalty):
        huge = [np.array([1e200])] if fn is reg.l2_penalty else []     # (λ/2)w² overflows, λ·abs(w) does not
        out.append(Entry(f"regularization.{fn.__name__}", fn, {"weights": np.ones(2), "lam": 0.1, "per_model": False},
                         {"weights": w_bad + huge, "lam": lam, "per_model": FLAGS}))
    for fn in (reg.l2_grad, reg.l1_grad):
        out.append(Entry(f"regularization.{fn.__name__}", fn, {"weights": np.ones(2), "lam": 0.1},
                         {"weights": w_bad, "lam": lam}))
    ones = Lazy(lambda: np.ones(2), "ones(2)")
    out += [
        Entry("regularization.weight_decay", reg.weight_decay, {"params": ones, "lam": 0.1, "lr": 0.1},
              {"params": [None, "a", [1.0], Lazy(lambda: np.ones(2, dtype=int), "int array"), [], [np.ones(2), None],
                          True, Lazy(lambda: _read_only([1.0]), "read-only array")],
               "lam": lam + [1e308, 20.0], "lr": [v for v in numbers(0, more=[1e308]) if v != [0.5]]}),
        Entry("regularization.dropout_mask", reg.dropout_mask, {"shape": (2, 3), "p": 0.5, "rng": rng},
              {"shape": SHAPES, "p": [v for v in numbers(0, 1, high_open=True, more=[[0.1, 0.2, 0.3, 0.4]])
                                      if v != [0.5]], "rng": RNGS}),
        Entry("regularization.EarlyStopping", EarlyStopping, {"patience": 3, "min_delta": 0.0},
              {"patience": integers(1), "min_delta": numbers(0)}),
        Entry("EarlyStopping().update", lambda val_loss, params, epoch: EarlyStopping().update(val_loss, params, epoch),
              {"val_loss": 1.0, "params": ones, "epoch": None},
              {"val_loss": [None, "abc", "1.0", ["a"], {"a": 1}, True, object(), np.ones((2, 2)), [1.0, None], 1 + 2j],
               "params": [None, "a", [1.0, 2.0], [], 3.0, {"a": 1}, True],
               "epoch": integers(0)[1:]}),                       # None is the default
    ]

    def restore(params):
        es = EarlyStopping()
        es.update(1.0, np.ones(2))
        return es.restore(params)

    out.append(Entry("EarlyStopping().restore", restore, {"params": ones},
                     {"params": [None, "a", Lazy(lambda: np.ones(3), "ones(3)"), [np.ones(2)] * 2, 3.0, [1.0, 2.0],
                                 Lazy(lambda: _read_only([1.0, 1.0]), "read-only array")]}))
    return out


def activation_explorer_entries():
    from nnbook.widgets.activation_explorer import ActivationExplorer, ActivationPlot, activation_figure

    def figure(**kw):
        import matplotlib.pyplot as plt
        fig = activation_figure(**kw)
        plt.close(fig)

    views = {"name": NAMES, "w": numbers(more=[1e308]), "b": numbers(),
             "x_range": [None, "ab", (2.0, 2.0), (1.0, 0.0), (0.0, INF), (0.0, NAN), (1.0, 2.0, 3.0),
                         (-1e308, 1e308), 5.0, {"a": 1}, ("0", "1")],
             "eps": [None, "a", True, 0.0, 1.0, NAN, -0.1, [0.1]]}
    valid = {"name": "sigmoid", "w": 1.0, "b": 0.0, "x_range": (-6.0, 6.0), "eps": 0.01}
    leaky = {"slope": numbers(more=[1e308])}
    return [
        Entry("activation_figure", figure, valid, views),
        Entry("activation_figure(leaky_relu, slope)", lambda slope: figure(name="leaky_relu", slope=slope),
              {"slope": 0.1}, leaky),
        Entry("ActivationPlot().draw", lambda **kw: ActivationPlot().draw(**kw), valid, views),
        Entry("ActivationExplorer", ActivationExplorer, valid,
              {**views, "interval": [None, "a", -1.0, NAN, True]}),
    ]


#: module → function returning its entries; append network, train, optim, plots here.
MODULES = {
    "activations": activation_entries,
    "init": init_entries,
    "losses": loss_entries,
    "surfaces": surface_entries,
    "polyfit": polyfit_entries,
    "data": data_entries,
    "gradcheck": gradcheck_entries,
    "autodiff": autodiff_entries,
    "regularization": regularization_entries,
    "widgets.activation_explorer": activation_explorer_entries,
}


# --- running one call ---------------------------------------------------------------------------

def names_argument(message, arg):
    """True when the text before the first ": " names ``arg`` as a word ("x: …", "lr, lam: …")."""
    label = message.split(": ", 1)[0] if ": " in message else ""
    return re.search(rf"(?<!\w){re.escape(arg)}(?!\w)", label) is not None


def _has_nan(value, depth=0):
    if depth > 3:
        return False
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "fc" and bool(np.isnan(value).any())
    if isinstance(value, (float, np.floating)):
        return bool(np.isnan(value))
    if isinstance(value, (list, tuple)):
        return any(_has_nan(v, depth + 1) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(_has_nan(getattr(value, f.name), depth + 1) for f in dataclasses.fields(value))
    return False


def _outcome(entry, arg, value):
    """(kind, detail) of one call, in the child."""
    kwargs = {k: (v.make() if isinstance(v, Lazy) else v) for k, v in entry.valid.items()}
    if arg is not None:
        kwargs[arg] = value.make() if isinstance(value, Lazy) else value
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            result = entry.call(**kwargs)
        except (ValueError, TypeError) as err:
            message = str(err)
            if arg is None:
                return "error", f"{type(err).__name__}: {message}"
            return ("clear" if names_argument(message, arg) else "confusing"), f"{type(err).__name__}: {message}"
        except FileNotFoundError as err:
            return ("clear" if arg == "path" and names_argument(str(err), arg) else "confusing"), \
                f"FileNotFoundError: {err}"
        except BaseException as err:          # noqa: BLE001  (MemoryError, RuntimeWarning, OverflowError, …)
            return ("error" if arg is None else "confusing"), f"{type(err).__name__}: {err}"
    if arg is None:
        return ("error", "NaN in the result of the valid call") if _has_nan(result) else ("ok", "")
    return "silent", "returned NaN" if _has_nan(result) else "returned"


def run_call(entry, arg, value, timeout, memory):
    """Fork, make the call in the child, collect (kind, detail); kill it after ``timeout`` s."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:                                          # the child
        os.close(read)
        try:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
            signal.alarm(int(timeout) + 2)
            outcome = _outcome(entry, arg, value)
        except BaseException as err:                      # noqa: BLE001
            outcome = ("confusing", f"{type(err).__name__}: {err}")
        kind, detail = outcome
        os.write(write, pickle.dumps((kind, detail[:400])))
        os._exit(0)
    os.close(write)
    ready, _, _ = select.select([read], [], [], timeout)
    if not ready:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read)
        return "hang", f"no answer after {timeout:g} s"
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    os.waitpid(pid, 0)
    if not chunks:
        return "confusing", "the process died without an answer"
    return pickle.loads(b"".join(chunks))


def _memory_limit():
    with open("/proc/self/status") as fh:
        size_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmSize:"))
    return size_kb * 1024 + 3 * 2**30                     # what is mapped now + 3 GiB


KINDS = ("clear", "confusing", "silent", "hang")


def fuzz(entries, timeout, verbose=False):
    """Rows (name, tried, counts by kind, notes) for every entry."""
    memory = _memory_limit()
    rows = []
    for entry in entries:
        kind, detail = run_call(entry, None, None, timeout, memory)
        counts = dict.fromkeys(KINDS, 0)
        notes = [] if kind == "ok" else [f"valid call failed: {detail}"]
        tried = 0
        for arg, values in entry.bad.items():
            for value in values:
                tried += 1
                kind, detail = run_call(entry, arg, value, timeout, memory)
                counts[kind] += 1
                if kind != "clear":
                    notes.append(f"{arg}={_short(value)}: {kind}: {detail}")
                elif verbose:
                    notes.append(f"{arg}={_short(value)}: clear: {detail}")
        rows.append((entry.name, tried, counts, notes))
    return rows


def _short(value):
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def print_table(rows, verbose):
    width = max(len(r[0]) for r in rows) + 2
    head = f"{'callable':<{width}}{'tried':>6}" + "".join(f"{k:>11}" for k in KINDS)
    print(head)
    print("-" * len(head))
    total = dict.fromkeys(KINDS, 0)
    tried = 0
    for name, n, counts, _ in rows:
        print(f"{name:<{width}}{n:>6}" + "".join(f"{counts[k]:>11}" for k in KINDS))
        tried += n
        for k in KINDS:
            total[k] += counts[k]
    print("-" * len(head))
    print(f"{'total (' + str(len(rows)) + ' callables)':<{width}}{tried:>6}" + "".join(f"{total[k]:>11}" for k in KINDS))
    problems = [(name, note) for name, _, _, notes in rows for note in notes]
    if problems:
        print("\nnot clear:" if not verbose else "\nevery outcome:")
        for name, note in problems:
            print(f"  {name}: {note}")
    return total


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per call before it counts as a hang")
    parser.add_argument("--module", action="append", choices=sorted(MODULES), help="only these modules")
    parser.add_argument("--verbose", action="store_true", help="list the clear errors too")
    args = parser.parse_args(argv)
    entries = [e for m in (args.module or MODULES) for e in MODULES[m]()]
    start = time.perf_counter()
    rows = fuzz(entries, args.timeout, args.verbose)
    total = print_table(rows, args.verbose)
    print(f"\n{time.perf_counter() - start:.0f} s")
    return 0 if total["confusing"] == total["silent"] == total["hang"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
