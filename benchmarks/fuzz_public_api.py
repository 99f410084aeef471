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
``MODULES``.  A module whose entries cannot be built (run on an older commit, where it
or its API does not exist yet) is reported and skipped.  Values the API documents as
accepted are not in the lists either: ``Optimizer.step`` takes NaN/inf gradients (a
diverging trajectory is detected by its points), ``MLP.weights`` snapshots and drawn
paths of a diverged run may hold inf/NaN.

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
        Entry("ActivationExplorer", ActivationExplorer, valid, views),
    ]


# --- the engine and what is built on it -----------------------------------------------------------

def _small():
    """8 points of the plane with 0/1 labels, and the networks and histories the entries share."""
    import nnbook
    from nnbook import MLP
    rng = np.random.default_rng(0)
    X = rng.normal(size=(8, 2))
    y = (X[:, 0] > 0).astype(int)
    return nnbook, MLP, X, y


def _net():
    from nnbook import MLP
    return MLP([2, 3, 1], "relu", "sigmoid", seed=0)


NET = Lazy(_net, "MLP([2, 3, 1])")
#: bad targets for 8 rows and one sigmoid output
TARGETS = JUNK + [True, [1, None] * 4, ["1"] * 8, [1 + 2j] * 8, [NAN] * 8, [0, 1, 0], np.zeros((8, 2)),
                  [10**400] * 8]
#: bad inputs for a network with 2 inputs
XS = ARRAY_JUNK + ARRAY_NONFINITE + [np.ones((3, 3)), np.zeros((0, 2)), np.ones((2, 2, 2))]
RATE_BAD = [v for v in numbers(0, low_open=True) if v != [0.5]] + [["0.1"], [], [0.1, -1.0], "0.1"]
PENALTY_BAD = [v for v in numbers(0) if v is not None and v != [0.5]] + [[NAN], [[0.1]], "0.1"]
#: training takes λ as a number, one per model (K,) or a column (K, 1)
TRAIN_PENALTY_BAD = [v for v in PENALTY_BAD if v != [[0.1]]] + [[[0.1, 0.2]]]
TITLE_BAD = [3, 2.5, True, ["a"], {"a": 1}, object()]
COLOR_BAD = [None, "nocolor", 5, (1.0, 0.0), (2.0, 0.0, 0.0), {"a": 1}]


def network_entries():
    from nnbook import MLP, network
    _, _, X, y = _small()
    W, b = [np.ones((3, 2)), np.ones((1, 3))], [np.zeros(3), np.zeros(1)]
    sizes_bad = [None, "abc", 5, 2.5, {"a": 1}, object(), [2], [2, 0], [2, -1], [2, 2.5], [2, True], [2, None],
                 Lazy(lambda: range(10**9), "range(10**9)")]
    lists_bad = [None, "abc", 5, {"a": 1}, object(), [], [[[1.0, None]] * 3, np.ones((1, 3))],
                 [np.full((3, 2), NAN), np.ones((1, 3))]]
    big = MLP([2, 3, 1], "relu", "sigmoid", seed=0)
    _, cache = big.forward_cache(X)
    other = _net().forward_cache(X)[1]

    def method(name, **fixed):
        return lambda **kw: getattr(_net(), name)(**fixed, **kw)

    grads_bad = [None, [0.0] * 13, Lazy(lambda: np.zeros(13, dtype=int), "int zeros(13)"), np.zeros(12),
                 np.zeros((2, 13)), Lazy(lambda: np.zeros(13, np.float32), "float32 zeros(13)"), np.full(13, NAN),
                 Lazy(lambda: _read_only(np.zeros(13)), "read-only zeros(13)")]
    return [
        Entry("network.count_parameters", network.count_parameters, {"sizes": [2, 3, 1]}, {"sizes": sizes_bad}),
        Entry("network.forward", network.forward,
              {"x": [[0.5, -1.0]], "weights": W, "biases": b, "activations": "relu", "return_all": False},
              {"x": ARRAY_JUNK + ARRAY_NONFINITE + [np.ones((2, 2, 2)), [1e308, 1e308]],
               "weights": lists_bad + [[np.ones((2, 3)), np.ones((1, 3))]],
               "biases": lists_bad + [[np.zeros(2), np.zeros(1)]],
               "activations": NAMES + [["relu"], ["relu", "nope"]], "return_all": FLAGS}),
        Entry("MLP", MLP, {"sizes": [2, 3, 3, 1], "activation": "relu", "output": "sigmoid", "loss": None,
                           "init": "glorot_uniform", "seed": 0, "models": None, "dropout": 0.0},
              {"sizes": sizes_bad + [[2, 10**6, 10**6, 1], [2, 10**400, 1]],
               "activation": NAMES + [["relu"]], "output": NAMES, "loss": [3, "nope", ["bce"], "hinge", "cross_entropy"],
               "init": [None, 3, "nope", ("normal", {"std": -1.0}), ("normal",), ("normal", {"foo": 1}),
                        ["normal", "zeros"], ("normal", "zeros", 5)],
               "seed": integers(0) + [[], [0, -1], [0, "a"], Lazy(lambda: range(10**9), "range(10**9)"),
                                     Lazy(lambda: range(10_001), "range(10_001)"),
                                     Lazy(lambda: iter(range(10**12)), "iter(range(10**12))")],
               "models": integers(1)[1:] + [10**5, 10**12],
               "dropout": [v for v in numbers(0, 1, high_open=True) if v != [0.5]] + [[0.5], [0.5, 1.0], [0.5, "a"]]}),
        Entry("MLP([2, 1]) (no hidden layer)", lambda activation, dropout: MLP([2, 1], activation, dropout=dropout),
              {"activation": "relu", "dropout": 0.0}, {"activation": NAMES, "dropout": [0.5, NAN, "a", None]}),
        Entry("MLP.from_weights", MLP.from_weights, {"weights": W, "biases": b, "activation": "relu", "output": "identity"},
              {"weights": lists_bad + [[np.ones((3, 2)), np.ones((1, 2))], [np.ones((2, 3, 2)), np.ones((1, 3))]],
               "biases": lists_bad[1:] + [[[0.5], [0.0]], [np.zeros(3)]],
               "activation": [v for v in NAMES if v != ["relu"]] + [["relu", "relu"]], "output": NAMES}),
        Entry("MLP.from_weights(seed=…)", lambda seed: MLP.from_weights(W) if seed is None else MLP.from_weights(W, seed=seed),
              {"seed": None}, {"seed": [0, 1]}),
        Entry("MLP.from_weights(init=…)", lambda init: MLP.from_weights(W) if init is None else MLP.from_weights(W, init=init),
              {"init": None}, {"init": ["zeros"]}),
        *[Entry(f"MLP.{name}", method(name), {"X": X, "train": False}, {"X": XS, "train": FLAGS})
          for name in ("forward", "__call__", "trace")],
        Entry("MLP.forward_cache", lambda **kw: _net().forward_cache(**kw)[0], {"X": X, "train": False, "masks": None},
              {"X": XS, "train": FLAGS, "masks": [3, "ab", [None, None], [np.full(3, NAN)], [np.ones(4)],
                                                 [[[1, None, 1]]], ["a"]]}),
        Entry("MLP(models=10_000).forward", lambda X: _wide().forward(X), {"X": X},
              {"X": [Lazy(lambda: np.zeros((2000, 2)), "zeros((2000, 2))")]}),
        Entry("MLP.predict", method("predict"), {"X": X}, {"X": XS}),
        Entry("MLP.accuracy", method("accuracy"), {"X": X, "y": y}, {"X": XS, "y": TARGETS + [np.linspace(0.1, 0.9, 8)]}),
        Entry("MLP.loss", method("loss"), {"X": X, "y": y, "loss": None, "l2": 0.1, "l1": 0.0, "train": False},
              {"X": XS, "y": TARGETS, "loss": ["hinge", "nope", 3], "l2": PENALTY_BAD + [1e308], "l1": PENALTY_BAD,
               "train": FLAGS}),
        Entry("MLP.gradient", lambda **kw: _net().gradient(**kw)[1].flat,
              {"X": X, "y": y, "loss": None, "l2": 0.1, "l1": 0.1}, {"X": XS, "y": TARGETS, "loss": ["hinge", "nope", 3],
                                                                    "l2": PENALTY_BAD + [1e308], "l1": PENALTY_BAD}),
        Entry("MLP.penalty", method("penalty"), {"l2": 0.1, "l1": 0.1},
              {"l2": PENALTY_BAD + [1e308], "l1": PENALTY_BAD + [1e308]}),
        Entry("MLP.penalty_grad", method("penalty_grad"), {"grads": Lazy(lambda: np.zeros(13), "zeros(13)"), "l2": 0.1, "l1": 0.1},
              {"grads": grads_bad, "l2": PENALTY_BAD, "l1": PENALTY_BAD}),
        Entry("MLP.backward", lambda cache, dout: big.backward(cache, dout=dout), {"cache": cache, "dout": np.ones((8, 1))},
              {"cache": JUNK + [other], "dout": ARRAY_JUNK + ARRAY_NONFINITE + [np.ones((7, 1)), np.ones(8)]}),
        Entry("MLP.backward(delta=…)", lambda delta: big.backward(cache, delta=delta), {"delta": np.ones((8, 1))},
              {"delta": ARRAY_JUNK + ARRAY_NONFINITE + [np.ones((8, 2))]}),
        Entry("MLP.output_delta", lambda cache, y, loss: big.output_delta(cache, y, loss), {"cache": cache, "y": y, "loss": None},
              {"cache": JUNK + [other], "y": TARGETS, "loss": ["hinge", "nope", 3, ["bce"]]}),
        Entry("MLP.set_params", method("set_params"), {"params": np.zeros(13)},
              {"params": ARRAY_JUNK + ARRAY_NONFINITE + [np.zeros(12), np.zeros((2, 13)), [True] * 13]}),
        Entry("MLP.model", method("model"), {"k": 0}, {"k": integers(-1, 0)}),
        Entry("MLP(seed=[0, 1, 2]).select", lambda seed: _lock().select(seed=seed), {"seed": 1},
              {"seed": [7, None, "1", np.array([0, 1]), {"a": 1}, {1, 2}]}),
        Entry("MLP.dead_units", method("dead_units"), {"X": X, "model": 0}, {"X": XS, "model": integers(-1, 0)}),
        Entry(f"{network.Penalty.__module__.split('.')[-1]}.Penalty", network.Penalty, {"net": NET, "l2": 0.1, "l1": 0.0},
              {"net": JUNK + [np.zeros(3)], "l2": PENALTY_BAD, "l1": PENALTY_BAD}),
    ]


def _wide():
    from nnbook import MLP
    return MLP([2, 100, 1], "relu", "sigmoid", models=10_000)


def _lock():
    from nnbook import MLP, lockstep
    return MLP([2, 3, 1], "relu", "sigmoid", models=lockstep(seed=(0, 1, 2)))


def _history(lock=False, snapshots=True, epochs=2):
    from nnbook import MLP, lockstep, train
    _, _, X, y = _small()
    net = MLP([2, 3, 1], "relu", "sigmoid", **({"models": lockstep(seed=(0, 1, 2))} if lock else {"seed": 0}))
    return train(net, X, y, validation=(X, y), epochs=epochs, batch_size=4, lr=0.1, snapshots=snapshots)


def heads_entries():
    from nnbook.heads import make_head
    head = make_head("sigmoid")
    return [
        Entry("heads.make_head", make_head, {"output": "sigmoid", "loss": None},
              {"output": NAMES, "loss": [3, "nope", ["bce"], "hinge", "cross_entropy", True]}),
        Entry("Head.encode", head.encode, {"y": [0, 1, 1], "n": 3, "k": 1, "name": "y"},
              {"y": JUNK + [True, [0, None, 1], ["0", "1", "1"], [NAN, 0, 1], [0, 1], np.zeros((3, 2)), [1 + 2j] * 3],
               "n": integers(1)[:-1] + [0, 10**12], "k": integers(1) + [10**12], "name": [None, 3, ["y"]]}),
    ]


def lockstep_entries():
    from nnbook.lockstep import lockstep, select, stack
    from nnbook import MLP
    ls = lockstep(seed=(0, 1), lr=(0.1, 0.5))
    count = Lazy(lambda: __import__("itertools").count(), "itertools.count()")
    return [
        Entry("lockstep", lambda seed, lr: lockstep(seed=seed, lr=lr), {"seed": (0, 1), "lr": (0.1, 0.5)},
              {"seed": [None, "abc", 3, {"a": 1}, {1, 2}, object(), [], [0, -1], [0, 2.5], ["a"], [None],
                        Lazy(lambda: range(10**5), "range(10**5)"), Lazy(lambda: range(10**12), "range(10**12)"), count],
               "lr": [None, 0.1, "abc", [], [0.0], [-0.1], [NAN], ["0.1"], [None], [True], [10**400], count]}),
        Entry("lockstep(init, dropout, l1, l2)", lambda init, dropout, l1, l2: lockstep(init=init, dropout=dropout, l1=l1, l2=l2),
              {"init": (("normal", {"std": 0.1}), "he_normal"), "dropout": (0.0, 0.5), "l1": (0.0,), "l2": (0.0, 0.01)},
              {"init": [[("normal", {"std": -1.0})], ["nope"], [5], [None], [()], [("normal", {"foo": 1})], "he_normal"],
               "dropout": [[1.0], [-0.1], ["a"], [None], [NAN], [(0.1, 1.5)], 0.5],
               "l1": [[-1.0], [NAN], ["a"], [None], [INF], 0.1], "l2": [[-1.0], [NAN], ["a"], [None], [INF], [True]]}),
        Entry("Lockstep.where", lambda seed: ls.where(seed=seed), {"seed": 1}, {"seed": [np.array([0, 1]), {"a": 1}, {1, 2}]}),
        Entry("lockstep.select", select, {"item": Lazy(_lock, "MLP(seed=[0, 1, 2])"), "settings": {"seed": 1}},
              {"item": [None, "abc", 3, np.zeros(3), object()], "settings": [None, "abc", 3, ["seed"], object()]}),
        Entry("stack", stack, {"items": Lazy(lambda: [_net(), _net()], "[MLP, MLP]")},
              {"items": [None, "abc", 3, {"a": 1}, object(), [], Lazy(lambda: [_lock()], "[lockstep MLP]"),
                         Lazy(lambda: [_net(), MLP([2, 4, 1])], "[2-3-1, 2-4-1]"),
                         Lazy(lambda: [_net(), _history()], "[MLP, History]"),
                         Lazy(lambda: [_history(), _net()], "[History, MLP]"),
                         Lazy(lambda: [_net()] * 10_001, "[MLP] * 10_001"), Lazy(lambda: range(10**12), "range(10**12)")]}),
    ]


def history_entries():
    hist = Lazy(lambda: _history(lock=True), "lockstep History")

    def on(name):
        return lambda history, **kw: getattr(history, name)(**kw)

    return [
        Entry("History.select", lambda history, seed: history.select(seed=seed), {"history": hist, "seed": 1},
              {"seed": [7, None, "1", np.array([0, 1]), {"a": 1}]}),
        Entry("History.model", on("model"), {"history": hist, "k": 2}, {"k": integers(-3, 2)}),
        Entry("History.epochs_to", on("epochs_to"), {"history": hist, "threshold": 0.5, "metric": "val_acc"},
              {"threshold": numbers(), "metric": NAMES + ["loss"]}),
        Entry("History.message", on("message"), {"history": hist, "k": 1}, {"k": integers(-3, 2)}),
        Entry("History.summary", on("summary"), {"history": hist, "digits": 3}, {"digits": integers(0, 12)}),
    ]


def _train_args():
    _, MLP, X, y = _small()
    valid = {"net": NET, "X": X, "y": y, "validation": None, "loss": None, "epochs": 2, "batch_size": 4, "lr": 0.1,
             "optimizer": "sgd", "schedule": None, "l2": None, "l1": None, "seed": 0, "shuffle": True,
             "snapshots": False, "early_stopping": None, "callback": None, "callback_every": None}
    from nnbook import optim
    bad = {
        "net": JUNK + [MLP, Lazy(_history, "a History")],
        "X": XS, "y": TARGETS,
        "validation": [v for v in JUNK if v is not None] + [(X,), (X, y, y), (X[:, :1], y), (X, y[:3]), (X, ["a"] * 8),
                                                             ([[1.0, None]] * 8, y)],
        "loss": ["hinge", "cross_entropy", "nope", 3],
        "epochs": integers(0) + [10**6 + 1, 10**9, 10**12],
        "batch_size": integers(1),
        "lr": RATE_BAD[1:] + [[0.1, 0.2]],
        "optimizer": NAMES + [optim.SGD],
        "schedule": [3, "step", lambda: 0.1, lambda e, s, l: "x", lambda e, s, l: NAN, lambda e, s, l: -1.0,
                     lambda e, s, l: None],
        "l2": TRAIN_PENALTY_BAD, "l1": TRAIN_PENALTY_BAD,
        "seed": integers(0), "shuffle": FLAGS, "snapshots": FLAGS,
        "early_stopping": ["x", 0, -1, 2.5, True, 3, [3]],
        "callback": [3, "f", ["f"], {"a": 1}],
        "callback_every": integers(1)[1:],
    }
    return valid, bad


def train_entries():
    from nnbook import MLP, Trainer, train
    _, _, X, y = _small()
    valid, bad = _train_args()

    def run(steps, seconds):
        trainer = Trainer(_net(), X, y, epochs=3, batch_size=4, lr=0.1)
        trainer.run(steps=steps, seconds=seconds)
        return trainer.history

    return [
        Entry("train", train, valid, bad),
        Entry("Trainer", lambda **kw: Trainer(**kw).history, valid,
              {**bad, "schedule": [3, "step", lambda: 0.1, lambda e: 0.1]}),
        Entry("train(snapshots=True, 10,000 models)",
              lambda epochs: train(MLP([2, 50, 1], models=10_000), X, y, epochs=epochs, snapshots=True),
              {"epochs": 0}, {"epochs": [1000]}),
        Entry("Trainer.run", run, {"steps": 10**12, "seconds": None},
              {"steps": integers(0)[1:], "seconds": [v for v in numbers(0, low_open=True) if v is not None]}),
    ]


def optim_entries():
    from nnbook import optim

    frac = numbers(0, 1, high_open=True)
    params_bad = [None, "abc", [1.0, 1.0, 1.0], Lazy(lambda: np.ones(3, dtype=int), "int ones(3)"),
                  Lazy(lambda: np.ones(3, dtype=complex), "complex ones(3)"), Lazy(lambda: _read_only(np.ones(3)), "read-only ones(3)")]
    grads_bad = [None, "abc", [1.0, 1.0, 1.0], np.ones(2), np.ones(3) * 1j, np.array([1, None, 2], dtype=object),
                 np.array(["a"] * 3)]
    ones = Lazy(lambda: np.ones(3), "ones(3)")
    out = [
        Entry("optim.SGD", optim.SGD, {"lr": 0.1}, {"lr": RATE_BAD}),
        Entry("optim.Momentum", optim.Momentum, {"lr": 0.1, "momentum": 0.9}, {"lr": RATE_BAD, "momentum": frac}),
        Entry("optim.Nesterov", optim.Nesterov, {"lr": 0.1, "momentum": 0.9}, {"lr": RATE_BAD, "momentum": frac}),
        Entry("optim.AdaGrad", optim.AdaGrad, {"lr": 0.1, "eps": 1e-10}, {"lr": RATE_BAD, "eps": numbers(0, low_open=True)}),
        Entry("optim.RMSProp", optim.RMSProp, {"lr": 0.1, "rho": 0.9, "eps": 1e-8},
              {"lr": RATE_BAD, "rho": frac, "eps": numbers(0, low_open=True)}),
        Entry("optim.Adam", optim.Adam, {"lr": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "bias_correction": True},
              {"lr": RATE_BAD, "beta1": frac, "beta2": frac, "eps": numbers(0, low_open=True), "bias_correction": FLAGS}),
        Entry("optim.Constant", optim.Constant, {"eta0": 0.1}, {"eta0": RATE_BAD}),
        Entry("optim.InvScaling", optim.InvScaling, {"eta0": 0.1, "power_t": 0.5}, {"eta0": RATE_BAD, "power_t": numbers(0)}),
        Entry("optim.StepDecay", optim.StepDecay, {"eta0": 0.1, "drop": 0.5, "every": 10},
              {"eta0": RATE_BAD, "drop": numbers(0, 1, low_open=True), "every": integers(1)}),
        Entry("optim.Adaptive", optim.Adaptive, {"eta0": 0.1, "factor": 5.0, "patience": 2, "tol": 1e-4},
              {"eta0": RATE_BAD, "factor": numbers(1, low_open=True), "patience": integers(1), "tol": numbers(0)}),
        Entry("Adaptive(0.1)(epoch, samples_seen, loss)",
              lambda epoch, samples_seen, loss: optim.Adaptive(0.1)(epoch, samples_seen, loss),
              {"epoch": 1, "samples_seen": 10, "loss": 0.5},
              {"epoch": integers(0), "samples_seen": integers(0),
               "loss": ["abc", ["0.5"], [[0.5]], [], [1, None], 1 + 2j, {"a": 1}, object()]}),
        Entry("InvScaling(0.1, power_t=10)(1, samples_seen)",
              lambda samples_seen: optim.InvScaling(0.1, power_t=10.0)(1, samples_seen),
              {"samples_seen": 10}, {"samples_seen": integers(0) + [10**31, 10**400]}),
        Entry("optim.get", lambda name, lr: optim.get(name, lr=lr), {"name": "adam", "lr": 0.1},
              {"name": NAMES, "lr": RATE_BAD}),
        Entry("optim.get_schedule", lambda name, eta0: optim.get_schedule(name, eta0=eta0),
              {"name": "invscaling", "eta0": 0.1}, {"name": NAMES, "eta0": RATE_BAD}),
    ]
    for cls in (optim.SGD, optim.Momentum, optim.Adam):
        out.append(Entry(f"{cls.__name__}(0.1).step", lambda params, grads, c=cls: c(0.1).step(params, grads),
                         {"params": ones, "grads": np.ones(3)}, {"params": params_bad, "grads": grads_bad}))
    return out


def _closing(fn):
    def call(**kw):
        import matplotlib.pyplot as plt
        result = fn(**kw)
        plt.close(result[0] if isinstance(result, tuple) else getattr(result, "fig", result))
    return call


def plots_entries():
    from nnbook import MLP, optim, plots
    _, _, X, y = _small()
    hist = Lazy(_history, "History")
    hist_lock = Lazy(lambda: _history(lock=True).weights, "lockstep History.weights")
    axes_bad = ["left", 3, ["a"], {"a": 1}, object()]
    paths = [np.array([[0.5, 0.5], [0.2, 0.1], [0.0, 0.0]])]
    return [
        Entry("plots.decision_boundary", _closing(plots.decision_boundary),
              {"net_or_predict": NET, "X": X, "y": y, "ax": None, "model": 0, "resolution": 10, "pad": 0.5, "title": None},
              {"net_or_predict": [None, "abc", 3, {"a": 1}, MLP([3, 2, 1]), lambda g: "a", lambda g: np.ones(3),
                                  lambda g: None, lambda g: [[1 + 2j]] * len(g)],
               "X": ARRAY_JUNK + ARRAY_NONFINITE + [np.ones((8, 3)), np.zeros((0, 2)), [[1e308, -1e308], [-1e308, 1e308]] * 4],
               "y": TARGETS + [np.linspace(0.1, 0.9, 8)], "ax": axes_bad, "model": ["a", 2.5, True, [0], None],
               "resolution": integers(2, 1000), "pad": numbers(0) + [1e308], "title": TITLE_BAD}),
        Entry("decision_boundary(one point, pad)",
              lambda pad: _closing(plots.decision_boundary)(net_or_predict=_net(), X=np.ones((3, 2)), y=[0, 1, 0], pad=pad),
              {"pad": 0.5}, {"pad": [1e-320, 1e-300]}),
        Entry("decision_boundary(lockstep net, model)",
              lambda model: _closing(plots.decision_boundary)(net_or_predict=_lock(), X=X, y=y, model=model, resolution=8),
              {"model": 2}, {"model": integers(-3, 2)}),
        Entry("plots.history_curves", _closing(plots.history_curves),
              {"history": hist, "ax": None, "models": None, "labels": ("train", "validation"), "title": None},
              {"history": JUNK + [NET], "ax": axes_bad + [[1, 2], "ab"],
               "models": ["a", 2.5, [1], [-1], ["a"], [], np.zeros((1, 1), int), [True]],
               "labels": [v for v in JUNK if v != ["a", "b"]] + [("a",), ("a", 1)], "title": TITLE_BAD}),
        Entry("plots.weight_history", _closing(plots.weight_history),
              {"weights": hist_lock, "ax": None, "model": 1, "names": None, "top": 5, "legend_kw": None, "title": None},
              {"weights": ARRAY_JUNK + [Lazy(lambda: _history(snapshots=False), "History without snapshots"),
                                        np.zeros((0, 4)), np.zeros(4), np.zeros((2, 2, 2, 2))],
               "ax": axes_bad, "model": integers(-3, 2), "names": ["abc", ["a"] * 3, "x" * 13, list(range(13)), {"a": 1}],
               "top": integers(0), "legend_kw": ["abc", ["a"], {"bogus": 1}, {"loc": "nowhere"}, {1: 2}],
               "title": TITLE_BAD}),
        Entry("plots.trajectories", _closing(plots.trajectories),
              {"surface": "bowl", "paths": paths, "ax": None, "labels": None, "levels": 5, "resolution": 20, "title": None},
              {"surface": NAMES + [optim.SGD(0.1)],
               "paths": [None, "abc", 3, object(), [np.zeros((3, 3))], [[[1.0, None]]], [[[NAN, 0.0]]], [np.zeros((0, 2))],
                         {"a": "b"}, [np.zeros((2, 2))] * 101],
               "ax": axes_bad, "labels": ["abc", ["a", "b"], [5], {"a": 1}],
               "levels": integers(2, 1000) + [10**9, [3.0, 1.0], [1.0, None], [], "many", [1.0, NAN], list(range(1001))],
               "resolution": integers(2, 1000), "title": TITLE_BAD}),
        Entry("plots.network_diagram", _closing(plots.network_diagram),
              {"sizes": [2, 3, 1], "ax": None, "labels": "symbols", "numbered": False, "first": "top", "highlight": None,
               "highlight_color": "C3", "node_color": None, "node_size": 400, "node_values": None, "cmap": "Reds",
               "vmin": None, "vmax": None, "colorbar": None, "edge_values": None, "edge_color": "0.6",
               "edge_width": 1.0, "edge_alpha": 1.0, "title": None},
              {"sizes": [None, "231", 5, 2.5, {"a": 1}, [2], [2, 0], [2, 33], [2] * 13, Lazy(lambda: range(10**9), "range(10**9)")],
               "ax": axes_bad, "labels": [3, ["a"], "abc", {"a": 1}], "numbered": FLAGS, "first": NAMES,
               "highlight": [3, "abc", (3, 0, 0), [5], [(1, 0.5, 0)], (1, 9), {"a": 1}],
               "highlight_color": COLOR_BAD, "node_color": COLOR_BAD[1:] + [["C0", "C1"], ["C0", "C1", "nope"]],
               "node_size": numbers(0, 5000, low_open=True),
               "node_values": ["abc", [np.ones(3)], [[1.0, None, 1.0], [1.0]], [np.ones(3), np.array([NAN])], [["a"] * 3, [1.0]]],
               "cmap": ["nope", 3, ["Reds"]], "vmin": [v for v in numbers() if v is not None and v != [0.5]],
               "vmax": [v for v in numbers() if v is not None and v != [0.5]], "colorbar": TITLE_BAD,
               "edge_values": ["abc", [np.ones((3, 2))], [np.ones((2, 3)), np.ones((1, 3))], [[[1.0, None]] * 3, np.ones((1, 3))],
                               [np.full((3, 2), INF), np.ones((1, 3))]],
               "edge_color": COLOR_BAD, "edge_width": numbers(0, 50, low_open=True), "edge_alpha": numbers(0, 1),
               "title": TITLE_BAD}),
        Entry("network_diagram(vmin=1, vmax)",
              lambda vmax: _closing(plots.network_diagram)(sizes=[2, 3, 1], node_values=[np.ones(3), np.ones(1)], vmin=1.0,
                                                          vmax=vmax),
              {"vmax": 2.0}, {"vmax": [0.5, -1.0]}),
        Entry("plots.new_figure", _closing(plots.new_figure), {"nrows": 1, "ncols": 2, "figsize": (6.0, 4.0), "dpi": 100},
              {"nrows": integers(1, 12), "ncols": integers(1, 12),
               "figsize": JUNK + [(6.0,), (NAN, 4.0), (10**400, 4.0), (-1.0, 4.0), (100.0, 4.0), {6, 4}],
               "dpi": numbers(0, 200, low_open=True)}),
        Entry("new_figure(sharex=…)", lambda sharex: _closing(plots.new_figure)(nrows=1, ncols=2, sharex=sharex),
              {"sharex": True}, {"sharex": ["nope", "rows"]}),
    ]


def experiments_entries():
    from nnbook import MLP, data, experiments
    moons = data.two_moons(n=32, seed=0)
    net = Lazy(experiments.two_moons_network, "two_moons_network()")
    data_bad = [v for v in JUNK if v is not None] + [3, moons[:2], (*moons[:3], ["a"] * 8), (moons[0][:, :1], *moons[1:]),
                                                    (moons[0], moons[1][:3], *moons[2:])]
    run_bad = {"net": JUNK, "lr": RATE_BAD[1:], "epochs": integers(0) + [10**9], "data": data_bad, "snapshots": FLAGS}
    valid = {"net": net, "lr": 0.05, "epochs": 1, "data": moons, "snapshots": True}
    return [
        Entry("experiments.two_moons_network", experiments.two_moons_network, {"seed": 2, "init": "He normal", "models": None},
              {"seed": integers(0), "init": [("normal", {"std": -1.0}), "nope", None, 5, ("normal",)],
               "models": integers(1)[1:] + [10**12]}),
        Entry("experiments.two_moons_run", experiments.two_moons_run, valid, run_bad),
        Entry("experiments.two_moons_trainer", lambda **kw: experiments.two_moons_trainer(**kw).history, valid, run_bad),
        Entry("two_moons_run(net, epochs=1) (default data)", lambda net: experiments.two_moons_run(net, epochs=1),
              {"net": net}, {"net": [Lazy(lambda: MLP([3, 4, 1]), "MLP([3, 4, 1])")]}),
    ]


def widgets_two_moons_entries():
    from nnbook import MLP, data, experiments
    from nnbook.widgets.two_moons import TwoMoonsLab, TwoMoonsPlot, lab_data, two_moons_figure
    moons = data.two_moons(n=32, seed=0)

    def run():
        net = experiments.two_moons_network()
        return net, experiments.two_moons_run(net, epochs=1, data=moons)

    def figure(net, history, **kw):
        import matplotlib.pyplot as plt
        plt.close(two_moons_figure(net, history, **kw))

    def lab(**kw):
        TwoMoonsLab(**kw).close()

    pair = Lazy(run, "(net, history)")

    def with_run(fn):
        def call(run_, **kw):
            net, hist = run_
            return fn(**{"net": net, "history": hist, **kw})
        return call

    def plot(**kw):
        import matplotlib.pyplot as plt
        plt.close(TwoMoonsPlot(**kw).fig)

    return [
        Entry("TwoMoonsLab", lab,
              {"lr": 0.05, "init": "He normal", "seed": 2, "epochs": 21, "seeds": 3, "speed": 5},
              {"lr": numbers(0, low_open=True), "init": NAMES, "seed": integers(0, 2), "epochs": integers(1, 1000),
               "seeds": integers(1, 1000), "speed": [None, "fast", True, 3, -1, NAN, 1e9]}),
        Entry("lab_data", lab_data, {"seeds": 2}, {"seeds": integers(1, 1000)}),
        Entry("two_moons_figure", with_run(lambda **kw: figure(**kw)),
              {"run_": pair, "model": 0, "X": moons[2], "y": moons[3], "title": None, "resolution": 10, "epochs": None},
              {"model": integers(-1, 0), "X": XS[1:], "y": TARGETS[1:], "title": TITLE_BAD, "resolution": integers(2, 1000),
               "epochs": integers(0)[1:] + [10**9]}),
        Entry("two_moons_figure(net, history)", lambda net, history: figure(net, history, resolution=10),
              {"net": Lazy(lambda: run()[0], "net"), "history": Lazy(lambda: run()[1], "history")},
              {"net": JUNK + [Lazy(_net, "MLP([2, 3, 1])")],
               "history": JUNK + [Lazy(lambda: _history(snapshots=False), "History without snapshots"),
                                  Lazy(_history, "a 2-3-1 network's History")]}),
        Entry("TwoMoonsPlot", with_run(plot),
              {"run_": pair, "X": moons[2], "y": moons[3], "model": 0, "resolution": 10, "figsize": (7.6, 5.6), "dpi": 40,
               "top": 5},
              {"model": integers(-1, 0), "figsize": JUNK + [(NAN, 4.0), (1e6, 4.0)], "dpi": numbers(0, 200, low_open=True),
               "top": integers(0)}),
    ]


def core_entries():
    from nnbook import MLP, core
    net = MLP([2, 3, 2], "tanh", "softmax", seed=0)
    W, b, f, df = core.layers(net)
    x = np.array([0.5, -1.0])
    z, a = core.forward(x, W, b, f)
    yv = np.array([1.0, 0.0])
    _, _, X, y = _small()
    Y = net.targets(y, 8)
    layer_bad = [None, "abc", 3, {"a": 1}, [None], [None, np.ones((3, 2)), np.ones((2, 4))],
                 [None, np.ones((3, 2), dtype=int), np.ones((2, 3))],
                 [None, np.full((3, 2), NAN), np.ones((2, 3))], [None, [[1.0, 2.0]] * 3, np.ones((2, 3))]]
    dW_bad = [None, "abc", 3, [None], [None, np.ones((3, 2)), np.ones((2, 4))], [None, np.full((3, 2), NAN), np.ones((2, 3))],
              [None, [["a"] * 2] * 3, np.ones((2, 3))]]
    fs_bad = [None, "abc", 3, [None, 5, 5], [None]]
    vec = ARRAY_JUNK + ARRAY_NONFINITE + [np.ones(5), np.ones((2, 2))]
    Y_bad = [v for v in TARGETS if not (isinstance(v, np.ndarray) and v.shape == (8, 2))]
    fresh_W = Lazy(lambda: [None] + [w.copy() for w in W[1:]], "W")
    fresh_b = Lazy(lambda: [None] + [v.copy() for v in b[1:]], "b")
    order_bad = [None, "abc", [0.5], [8], [-1], ["a"], Lazy(lambda: range(10**8), "range(10**8)")]
    eta = numbers(0, low_open=True)
    return [
        Entry("core.forward", core.forward, {"x": x, "W": W, "b": b, "f": f},
              {"x": vec, "W": layer_bad, "b": layer_bad + [[None, np.zeros(2), np.zeros(2)]], "f": fs_bad}),
        Entry("core.output_delta", core.output_delta, {"head": net.head, "z_L": z[-1], "a_L": a[-1], "y": yv},
              {"head": JUNK + [net], "z_L": vec, "a_L": vec, "y": vec}),
        Entry("core.backprop", core.backprop, {"W": W, "z": z, "a": a, "df": df, "delta_L": a[-1] - yv},
              {"W": layer_bad, "z": JUNK + [[None, np.ones(2), np.ones(2)]], "a": JUNK + [[x, None, None]], "df": fs_bad,
               "delta_L": vec}),
        Entry("core.update", core.update, {"W": fresh_W, "b": fresh_b, "dW": W, "db": b, "eta": 0.1},
              {"W": layer_bad + [tuple(W)], "b": layer_bad, "dW": dW_bad, "db": JUNK + [[None, np.ones(3)]], "eta": eta}),
        Entry("core.sgd_epoch", core.sgd_epoch,
              {"W": fresh_W, "b": fresh_b, "f": f, "df": df, "head": net.head, "X": X, "Y": Y, "eta": 0.1, "order": np.arange(8)},
              {"W": layer_bad, "b": layer_bad, "f": fs_bad, "df": fs_bad, "head": JUNK, "X": XS, "Y": Y_bad, "eta": eta,
               "order": order_bad}),
        Entry("core.gradient", core.gradient, {"W": W, "b": b, "f": f, "df": df, "head": net.head, "X": X, "Y": Y},
              {"W": layer_bad, "b": layer_bad, "f": fs_bad, "df": fs_bad, "head": JUNK, "X": XS, "Y": Y_bad}),
        Entry("core.layers", core.layers, {"net": net}, {"net": JUNK + [Lazy(_lock, "lockstep MLP"), Lazy(_history, "History")]}),
    ]


#: module → function returning its entries.
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
    "network": network_entries,
    "heads": heads_entries,
    "lockstep": lockstep_entries,
    "history": history_entries,
    "train": train_entries,
    "optim": optim_entries,
    "plots": plots_entries,
    "experiments": experiments_entries,
    "widgets.two_moons": widgets_two_moons_entries,
    "core": core_entries,
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
    """Rows (name, tried, counts by kind, notes, module) for every (module, entry)."""
    memory = _memory_limit()
    rows = []
    for module, entry in entries:
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
        rows.append((entry.name, tried, counts, notes, module))
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
    modules = {}
    for name, n, counts, _, module in rows:
        print(f"{name:<{width}}{n:>6}" + "".join(f"{counts[k]:>11}" for k in KINDS))
        tried += n
        per = modules.setdefault(module, [0, 0, dict.fromkeys(KINDS, 0)])
        per[0] += 1
        per[1] += n
        for k in KINDS:
            total[k] += counts[k]
            per[2][k] += counts[k]
    print("-" * len(head))
    for module, (count, n, counts) in modules.items():
        label = f"module {module} ({count})"
        print(f"{label:<{width}}{n:>6}" + "".join(f"{counts[k]:>11}" for k in KINDS))
    print("-" * len(head))
    print(f"{'total (' + str(len(rows)) + ' callables)':<{width}}{tried:>6}" + "".join(f"{total[k]:>11}" for k in KINDS))
    problems = [(name, note) for name, _, _, notes, _ in rows for note in notes]
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
    entries, skipped = [], []
    for m in (args.module or MODULES):
        try:
            entries += [(m, e) for e in MODULES[m]()]
        except Exception as err:                  # noqa: BLE001  (a module or API this commit lacks)
            skipped.append(f"{m}: {type(err).__name__}: {err}")
    start = time.perf_counter()
    rows = fuzz(entries, args.timeout, args.verbose)
    total = print_table(rows, args.verbose)
    for note in skipped:
        print(f"skipped (entries could not be built) {note}")
    print(f"\n{time.perf_counter() - start:.0f} s")
    return 0 if total["confusing"] == total["silent"] == total["hang"] == 0 and not skipped else 1


if __name__ == "__main__":
    sys.exit(main())
