"""Loss functions, their gradients, softmax (chapter 3, "Losses").

Every loss ``L`` comes as a pair of functions

* ``name(out, y, **params)`` — the value, and
* ``name_grad(out, y, **params)`` — ∂value/∂out,

kept in one table, ``LOSSES``, in the style of :mod:`nnbook.activations`.

Shapes and reduction (one rule for every loss)
----------------------------------------------
``out`` has shape (..., n, k): n samples in rows, k outputs (or classes) in
columns, and any number of leading *model* axes (K networks trained in
lockstep give (K, n, k)).  ``y`` has shape (n, k) (or anything that broadcasts
to ``out`` without changing its shape).  With ℓ(o, t) the per-sample loss,
**summed over the k outputs**, every value is the **mean over the n samples**::

    L = (1/n) Σ_i ℓ(out_i, y_i)            (shape (...), one number per model)

and every gradient has the shape of ``out`` and includes the 1/n.

The mean-squared error carries the ½
------------------------------------
``mse`` is L = (1/n) Σ_i ½‖out_i − y_i‖², so ∂L/∂out = (out − y)/n.  This is
Kneusel's L_MSE = ½(y − ŷ)² (ch. 9), Nielsen's quadratic cost C = (1/2n)Σ‖y − a‖²
and scikit-learn's ``squared_loss`` (which is ½·mean over all n·k entries, so
it equals ``mse / k``; the same for one output).  Glassner's worked two-output
example uses the sum of squared errors *without* the ½, E = 4.5 for one sample;
here ``mse`` gives 2.25 for it, so E = 2·n·mse and Glassner's deltas (−3, +3)
are twice ``mse_grad`` (−1.5, +1.5).  Chaudhury's regression loss (sum of
squares, 11.8442 in Listing 9.1) is likewise 2·n·mse.  ``huber`` uses the same
½, so it *is* ``mse`` for errors smaller than δ.

What is checked
---------------
``y`` must be finite and have a valid shape; wrong shapes, NaN/inf targets,
unknown parameters raise ``ValueError``/``TypeError`` naming the argument.
``out`` must have a valid shape but may hold inf/NaN: a diverged model then
gets a non-finite loss (silently, without RuntimeWarnings), so that training
can record where it diverged instead of crashing.  The logit losses
(``bce_logits``, ``cross_entropy``, ``hinge``, ``multiclass_hinge``) are finite
and warning-free for logits up to ±1e4 (and far beyond).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Callable

import numpy as np

from nnbook import checks

__all__ = [
    "Loss", "LOSSES", "get", "names", "softmax", "log_softmax", "one_hot",
    "mse", "mse_grad", "mae", "mae_grad", "huber", "huber_grad",
    "bce", "bce_grad", "bce_logits", "bce_logits_grad",
    "cross_entropy", "cross_entropy_grad", "log_loss", "log_loss_grad",
    "focal", "focal_grad", "hinge", "hinge_grad",
    "multiclass_hinge", "multiclass_hinge_grad",
]

#: Probabilities are clipped to [EPS, 1 − EPS] before taking logs (as scikit-learn's log_loss).
EPS = np.finfo(float).eps
#: log_loss and focal, which a network meets through its sigmoid or softmax ("chain" mode),
#: clip p only below the smallest normal float: a confident mistake (z = −40, p = 4e-18)
#: then keeps its loss and its gradient (∂L/∂z = −1 for log_loss, not −0 as with p ≥ EPS).
TINY = np.finfo(float).tiny


# --- argument checks -----------------------------------------------------------

_NDARRAY, _FLOAT64 = np.ndarray, np.dtype(np.float64)


def _as_float(a, name):
    """``a`` as float64 (float64 arrays pass as they are); None, strings, objects: TypeError naming it."""
    if type(a) is _NDARRAY and a.dtype is _FLOAT64:
        return a
    return checks.real_array(a, name, finite=False, nonempty=False, bools=True)


def _check(out, y, targets="finite", loss=""):
    """Convert and check ``out`` (..., n, k) and ``y`` (broadcasting to out); return them and n.

    ``targets`` says what y must hold: "finite", "prob" (in [0, 1]), "rows"
    (probability rows summing to 1), "onehot" or "sign" (−1/+1).  The cheap test
    runs first; the detailed message (NaN first) only on failure.
    """
    out = _as_float(out, "out")
    y = _as_float(y, "y")
    if out.ndim < 2:
        raise ValueError(f"out: expected shape (..., n, k) with samples in rows, got shape {out.shape}; "
                         "for a single sample use out[None, :]")
    n = out.shape[-2]
    if n == 0 or out.shape[-1] == 0:
        raise ValueError(f"out: expected at least one sample and one output, got shape {out.shape}")
    if y.shape != out.shape[-2:] and y.shape != out.shape:
        if y.ndim < 2:
            raise ValueError(f"y: expected shape {out.shape[-2:]} (n, k) to match out {out.shape}, got {y.shape}")
        try:
            shape = np.broadcast_shapes(out.shape, y.shape)
        except ValueError:
            shape = None
        if shape != out.shape:
            raise ValueError(f"y: expected shape {out.shape[-2:]} (n, k) to match out {out.shape}, got {y.shape}")
    if targets == "finite":
        ok = np.isfinite(y).all()
    elif targets == "prob":
        ok = y.min() >= 0 and y.max() <= 1
    elif targets == "sign":
        ok = np.all(np.abs(y) == 1)
    elif targets == "rows":
        ok = y.min() >= 0 and y.max() <= 1 and np.all(np.abs(y.sum(axis=-1) - 1.0) <= 1e-6)
    else:  # "onehot"
        ok = np.all((y == 0) | (y == 1)) and np.all(y.sum(axis=-1) == 1)
    if not ok:
        if not np.isfinite(y).all():
            raise ValueError("y: contains NaN or infinity")
        if targets == "prob":
            raise ValueError(f"y: {loss} expects targets in [0, 1], got values in [{y.min():g}, {y.max():g}]")
        if targets == "sign":
            raise ValueError(f"y: {loss} expects labels −1 or +1")
        if targets == "rows":
            raise ValueError(f"y: {loss} expects one-hot or probability rows that sum to 1")
        raise ValueError(f"y: {loss} expects one-hot rows (a single 1, zeros elsewhere)")
    return out, y, n


def _check_probabilities(out, loss, hint=""):
    lo, hi = out.min(), out.max()
    if lo >= 0 and hi <= 1:
        return
    finite = out[np.isfinite(out)]
    if finite.size and (finite.min() < 0 or finite.max() > 1):
        raise ValueError(f"out: {loss} expects probabilities in [0, 1], got values in "
                         f"[{finite.min():g}, {finite.max():g}]{hint}")


_IGNORE = dict(over="ignore", invalid="ignore", divide="ignore", under="ignore")


# --- softmax -------------------------------------------------------------------

def softmax(z, axis=-1):
    """softmax(z)_j = e^{z_j} / Σ_k e^{z_k}, computed as e^{z − max z} / Σ e^{z − max z}.

    Shift-invariant (softmax(z + c) = softmax(z)) and sums to 1 along ``axis``
    (chapter 3, "Softmax"; Chaudhury Eq. 9.6: [9.99, 10, 0.01, −10] →
    [0.497, 0.502, 2.30e−5, 1.04e−9]).  ``axis`` is an integer axis of z, which needs at
    least one score along it.  NaN or ±inf scores (a diverged model) give NaN rows, without
    warnings, as the losses allow for ``out``.
    """
    z = _scores(z, axis)
    with np.errstate(**_IGNORE):
        return _softmax(z, axis)


def _softmax(z, axis=-1):
    """softmax without checks or errstate (the caller provides both).

    z − m is rounded, and exp turns an absolute error in its argument into a relative one:
    at z − m = −700 the rounding alone would cost hundreds of ulps.  So the rounding error r
    of the subtraction is recovered exactly (Knuth's TwoSum) and exp(d + r) is taken as
    exp(d)(1 + r): every probability is within a few ulps of the exact one."""
    m = np.max(z, axis=axis, keepdims=True)
    d = z - m
    back = d - z
    r = (z - (d - back)) + (-m - back)          # z − m = d + r exactly (TwoSum)
    r[~np.isfinite(r)] = 0.0                    # ±inf scores: nothing to correct
    e = np.exp(d)
    e *= 1.0 + r
    e /= np.sum(e, axis=axis, keepdims=True)
    return e


def _scores(z, axis):
    """``z`` as float64 with at least one score along the integer ``axis``."""
    z = _as_float(z, "z")
    if z.ndim == 0:
        raise ValueError("z: expected at least one axis of scores, got a scalar")
    if type(axis) is not int or not -z.ndim <= axis < z.ndim:
        axis = checks.integer(axis, "axis", -z.ndim, z.ndim - 1)
    if z.shape[axis] == 0:
        raise ValueError(f"z: expected at least one score along axis {axis}, got shape {z.shape}")
    return z


def log_softmax(z, axis=-1):
    """log softmax(z)_j = z_j − log Σ_k e^{z_k} = (z_j − m) − log Σ_k e^{z_k − m}, m = max z (chapter 3)."""
    z = _scores(z, axis)
    with np.errstate(**_IGNORE):
        s = z - np.max(z, axis=axis, keepdims=True)
        return s - np.log(np.sum(np.exp(s), axis=axis, keepdims=True))


def one_hot(labels, k):
    """One-hot rows: one_hot([2, 0], 3) = [[0, 0, 1], [1, 0, 0]] (chapter 3).

    ``labels`` are integers in 0 … k−1 of shape (n,); returns float64 (n, k), at most
    ``checks.MAX_ELEMENTS`` (10⁸) entries.
    """
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"k: expected a positive integer number of classes, got {k!r}")
    if isinstance(labels, (str, bytes, dict)) or labels is None:
        raise TypeError(f"labels: expected a 1-D array of integers, got {type(labels).__name__}")
    lab = np.asarray(labels)
    if lab.ndim != 1 or not (np.issubdtype(lab.dtype, np.integer) or lab.size == 0):
        raise ValueError(f"labels: expected a 1-D array of integers, got dtype {lab.dtype} shape {lab.shape}")
    if lab.size and (lab.min() < 0 or lab.max() >= k):
        raise ValueError(f"labels: expected integers in 0 … {k - 1}, got values in [{lab.min()}, {lab.max()}]")
    checks.size(lab.size * int(k), "k")
    y = np.zeros((lab.size, k))
    y[np.arange(lab.size), lab] = 1.0
    return y


# --- regression losses -----------------------------------------------------------

def mse(out, y):
    """Mean squared error with the ½: L = (1/n) Σ_i ½ Σ_j (out_ij − y_ij)² (chapter 3).

    Kneusel's L_MSE and Nielsen's quadratic cost; Glassner's E = 4.5 is 2·n·L.
    """
    out, y, n = _check(out, y)
    with np.errstate(**_IGNORE):
        r = out - y
        return 0.5 * np.sum(r * r, axis=(-2, -1)) / n


def mse_grad(out, y):
    """∂L/∂out = (out − y)/n for L = mse (chapter 3)."""
    out, y, n = _check(out, y)
    g = out - y                          # inf/NaN propagate without warnings
    g /= n
    return g


def mae(out, y):
    """Mean absolute error: L = (1/n) Σ_i Σ_j abs(out_ij − y_ij) (chapter 3; Kneusel's L_abs)."""
    out, y, n = _check(out, y)
    with np.errstate(**_IGNORE):
        return np.sum(np.abs(out - y), axis=(-2, -1)) / n


def mae_grad(out, y):
    """∂L/∂out = sign(out − y)/n, taking the subgradient 0 where out = y (chapter 3)."""
    out, y, n = _check(out, y)
    with np.errstate(**_IGNORE):
        return np.sign(out - y) / n


def huber(out, y, delta=1.0):
    """Huber loss: per entry ½r² for abs(r) ≤ δ, δ(abs(r) − ½δ) beyond; r = out − y (chapter 3).

    L = (1/n) Σ_i Σ_j h_δ(r_ij).  Quadratic (= mse) near 0, linear (like mae,
    slope δ) for outliers.
    """
    delta = checks.number(delta, "delta", 0, low_open=True)
    out, y, n = _check(out, y)
    with np.errstate(**_IGNORE):
        a = np.abs(out - y)
        q = np.minimum(a, delta)
        return np.sum(0.5 * q * q + delta * (a - q), axis=(-2, -1)) / n


def huber_grad(out, y, delta=1.0):
    """∂L/∂out = clip(out − y, −δ, δ)/n for L = huber (chapter 3)."""
    delta = checks.number(delta, "delta", 0, low_open=True)
    out, y, n = _check(out, y)
    with np.errstate(**_IGNORE):
        return np.clip(out - y, -delta, delta) / n


# --- binary classification --------------------------------------------------------

_LOGIT_HINT = "; for logits use bce_logits"


def bce(out, y):
    """Binary cross-entropy on probabilities p = out (chapter 3; Chaudhury Eq. 9.4/9.5):

    L = −(1/n) Σ_i Σ_j [y_ij ln p_ij + (1 − y_ij) ln(1 − p_ij)],

    with p clipped to [ε, 1 − ε] (ε = machine epsilon, as scikit-learn's log_loss)
    so a saturated sigmoid gives a large finite loss, not inf.  Its minimum over
    p is the binary entropy H(y), not 0 (p = y = 0.25 gives 0.5623).
    """
    out, y, n = _check(out, y, "prob", "bce")
    _check_probabilities(out, "bce", _LOGIT_HINT)
    with np.errstate(**_IGNORE):
        p = np.clip(out, EPS, 1 - EPS)
        return -np.sum(y * np.log(p) + (1 - y) * np.log1p(-p), axis=(-2, -1)) / n


def bce_grad(out, y):
    """∂L/∂p = (p − y) / (p(1 − p)) / n, with p clipped as in :func:`bce` (chapter 3)."""
    out, y, n = _check(out, y, "prob", "bce")
    _check_probabilities(out, "bce", _LOGIT_HINT)
    with np.errstate(**_IGNORE):
        p = np.clip(out, EPS, 1 - EPS)
        return (p - y) / (p * (1 - p)) / n


def bce_logits(out, y):
    """Binary cross-entropy on logits z = out, p = σ(z) (chapter 3):

    L = (1/n) Σ_i Σ_j [ln(1 + e^{z_ij}) − y_ij z_ij],

    the same number as ``bce(σ(z), y)`` but computed with logaddexp, so it is
    exact and finite for any finite z.
    """
    out, y, n = _check(out, y, "prob", "bce_logits")
    with np.errstate(**_IGNORE):
        return np.sum(np.logaddexp(0.0, out) - y * out, axis=(-2, -1)) / n


def bce_logits_grad(out, y):
    """∂L/∂z = (σ(z) − y)/n for L = bce_logits (chapter 3): the famous "p − y"."""
    out, y, n = _check(out, y, "prob", "bce_logits")
    g = np.tanh(0.5 * out)               # σ(z) = ½(1 + tanh(z/2)): no overflow, no warnings
    g *= 0.5
    g += 0.5
    g -= y
    g /= n
    return g


def _check_hard_labels(y, loss):
    soft = (y != 0) & (y != 1)
    if np.any(soft):
        raise ValueError(f"y: {loss} needs hard labels 0 or 1, got soft labels such as {y[soft].flat[0]!r}")


def focal(out, y, gamma=2.0):
    """Focal loss on probabilities p = out, binary (chapter 3; Chaudhury Eq. 9.7, Lin et al. 2017):

    p_t = y p + (1 − y)(1 − p),   L = −(1/n) Σ_i Σ_j (1 − p_t)^γ ln p_t,

    p_t clipped to [TINY, 1 − ε].  γ = 0 gives :func:`bce`; larger γ down-weights
    easy examples (p = 0.8, y = 1: 0.2231, 0.0446, 0.0089 for γ = 0, 1, 2).  Labels must be
    hard (0 or 1): with a soft label p_t is not a probability of being right, and γ = 0 would
    not give BCE (focal(0.6, y = 0.3) = 0.7765 against BCE 0.7947), so they are refused.
    """
    gamma = checks.number(gamma, "gamma", 0)
    out, y, n = _check(out, y, "prob", "focal")
    _check_hard_labels(y, "focal")
    _check_probabilities(out, "focal")
    with np.errstate(**_IGNORE):
        pt = np.clip(y * out + (1 - y) * (1 - out), TINY, 1 - EPS)
        return -np.sum((1 - pt) ** gamma * np.log(pt), axis=(-2, -1)) / n


def focal_grad(out, y, gamma=2.0):
    """∂L/∂p = (2y − 1)·[γ(1 − p_t)^{γ−1} ln p_t − (1 − p_t)^γ / p_t] / n (chapter 3)."""
    gamma = checks.number(gamma, "gamma", 0)
    out, y, n = _check(out, y, "prob", "focal")
    _check_hard_labels(y, "focal")
    _check_probabilities(out, "focal")
    with np.errstate(**_IGNORE):
        pt = np.clip(y * out + (1 - y) * (1 - out), TINY, 1 - EPS)
        q = 1 - pt
        d_pt = gamma * q ** (gamma - 1) * np.log(pt) - q ** gamma / pt if gamma else -1.0 / pt
        return (2 * y - 1) * d_pt / n


def hinge(out, y, margin=1.0):
    """Binary hinge loss on scores z = out, labels y ∈ {−1, +1} (chapter 3):

    L = (1/n) Σ_i Σ_j max(0, m − y_ij z_ij),   m = ``margin`` (usually 1).
    """
    margin = checks.number(margin, "margin", 0)
    out, y, n = _check(out, y, "sign", "hinge")
    with np.errstate(**_IGNORE):
        return np.sum(np.maximum(0.0, margin - y * out), axis=(-2, -1)) / n


def hinge_grad(out, y, margin=1.0):
    """∂L/∂z = −y·[m − y z > 0] / n (a subgradient; 0 on the kink) (chapter 3)."""
    margin = checks.number(margin, "margin", 0)
    out, y, n = _check(out, y, "sign", "hinge")
    with np.errstate(**_IGNORE):
        return np.where(margin - y * out > 0, -y, 0.0) / n


# --- multiclass -----------------------------------------------------------------------

def cross_entropy(out, y):
    """Softmax cross-entropy on logits z = out (chapter 3; Chaudhury §9.1.6):

    L = −(1/n) Σ_i Σ_j y_ij log softmax(z_i)_j
      = (1/n) Σ_i [log Σ_j e^{z_ij} − Σ_j y_ij z_ij]   (rows of y sum to 1),

    y one-hot or probability rows.  For probabilities p use ``cross_entropy(log p, y)``
    or :func:`log_loss`: Kneusel's (0.03, 0.87, 0.10) with class 1 gives 0.139262.
    """
    out, y, n = _check(out, y, "rows", "cross_entropy")
    with np.errstate(**_IGNORE):
        logp = log_softmax(out)
        # y = 0 entries contribute nothing, even where log p = −inf
        return -np.sum(np.where(y > 0, y * logp, 0.0), axis=(-2, -1)) / n


def cross_entropy_grad(out, y):
    """∂L/∂z = (softmax(z) − y)/n for L = cross_entropy (chapter 3)."""
    out, y, n = _check(out, y, "rows", "cross_entropy")
    with np.errstate(**_IGNORE):
        g = _softmax(out)
        g -= y
        g /= n
        return g


def log_loss(out, y):
    """Categorical cross-entropy on probabilities p = out (chapter 3; Kneusel's L_ent, Chaudhury Eq. 9.3):

    L = −(1/n) Σ_i Σ_j y_ij ln p_ij,  p clipped to [TINY, 1] (TINY = 2.2e-308, the smallest
    normal float; scikit-learn clips at ε = 2.2e-16, which zeroes the gradient of every
    sample with p < ε).
    """
    out, y, n = _check(out, y, "prob", "log_loss")
    _check_probabilities(out, "log_loss", "; for logits use cross_entropy")
    with np.errstate(**_IGNORE):
        p = np.clip(out, TINY, 1.0)
        return -np.sum(y * np.log(p), axis=(-2, -1)) / n


def log_loss_grad(out, y):
    """∂L/∂p = −y / p / n, p clipped as in :func:`log_loss` (chapter 3)."""
    out, y, n = _check(out, y, "prob", "log_loss")
    _check_probabilities(out, "log_loss", "; for logits use cross_entropy")
    with np.errstate(**_IGNORE):
        return -y / np.clip(out, TINY, 1.0) / n


def _margins(out, y, margin):
    zc = np.sum(y * out, axis=-1, keepdims=True)          # the correct class's score
    m = out - zc + margin
    return np.where(y == 0, m, 0.0)                        # the correct class is left out


def multiclass_hinge(out, y, margin=1.0):
    """Multiclass SVM (hinge) loss on scores z = out, y one-hot with class c (chapter 3; Chaudhury Eq. 9.8):

    L = (1/n) Σ_i Σ_{j ≠ c_i} max(0, z_ij − z_ic + m).

    Scores [9.99, 10, 0.01, −10]: class 1 → 0.99, class 0 → 1.01 (m = 1).
    """
    margin = checks.number(margin, "margin", 0)
    out, y, n = _check(out, y, "onehot", "multiclass_hinge")
    with np.errstate(**_IGNORE):
        return np.sum(np.maximum(_margins(out, y, margin), 0.0), axis=(-2, -1)) / n


def multiclass_hinge_grad(out, y, margin=1.0):
    """∂L/∂z_j = [z_j − z_c + m > 0] for j ≠ c, ∂L/∂z_c = −(number of such j); all /n (chapter 3)."""
    margin = checks.number(margin, "margin", 0)
    out, y, n = _check(out, y, "onehot", "multiclass_hinge")
    with np.errstate(**_IGNORE):
        active = (_margins(out, y, margin) > 0).astype(float)
        return (active - y * np.sum(active, axis=-1, keepdims=True)) / n


# --- the table -------------------------------------------------------------------------

@dataclass(frozen=True)
class Loss:
    """One loss (chapter 3): ``value(out, y)``, ``grad(out, y)`` (= ∂value/∂out), its formula and parameters."""

    name: str
    value: Callable
    grad: Callable
    params: dict = field(default_factory=dict)
    formula: str = ""

    def __post_init__(self):
        if not isinstance(self.name, str) or not isinstance(self.formula, str):
            raise TypeError(f"name, formula: expected two str, got {type(self.name).__name__} and "
                            f"{type(self.formula).__name__}")
        for key in ("value", "grad"):
            if not callable(getattr(self, key)):
                raise TypeError(f"{key}: expected a function of (out, y), got {type(getattr(self, key)).__name__}")
        if not isinstance(self.params, dict):
            raise TypeError(f"params: expected a dict, got {type(self.params).__name__}")

    def __call__(self, out, y):
        return self.value(out, y)


LOSSES: dict[str, Loss] = {
    entry.name: entry
    for entry in [
        Loss("mse", mse, mse_grad, {}, "(1/n) Σ ½‖out − y‖²"),
        Loss("mae", mae, mae_grad, {}, "(1/n) Σ ‖out − y‖₁"),
        Loss("huber", huber, huber_grad, {"delta": 1.0}, "(1/n) Σ h_δ(out − y)"),
        Loss("bce", bce, bce_grad, {}, "−(1/n) Σ [y ln p + (1−y) ln(1−p)]"),
        Loss("bce_logits", bce_logits, bce_logits_grad, {}, "(1/n) Σ [ln(1+e^z) − y z]"),
        Loss("cross_entropy", cross_entropy, cross_entropy_grad, {}, "−(1/n) Σ y·log softmax(z)"),
        Loss("log_loss", log_loss, log_loss_grad, {}, "−(1/n) Σ y·ln p"),
        Loss("focal", focal, focal_grad, {"gamma": 2.0}, "−(1/n) Σ (1−p_t)^γ ln p_t"),
        Loss("hinge", hinge, hinge_grad, {"margin": 1.0}, "(1/n) Σ max(0, m − y z)"),
        Loss("multiclass_hinge", multiclass_hinge, multiclass_hinge_grad, {"margin": 1.0},
             "(1/n) Σ Σ_{j≠c} max(0, z_j − z_c + m)"),
    ]
}


def names() -> list[str]:
    """The names of all losses, in table order (chapter 3)."""
    return list(LOSSES)


def _bind(entry, params):
    """A copy of ``entry`` with its parameters (numbers ≥ 0, δ > 0) bound into value and grad."""
    for key, value in params.items():
        checks.number(value, key, 0, low_open=(key == "delta"))
    bound = {**entry.params, **params}
    return Loss(entry.name, partial(entry.value, **bound), partial(entry.grad, **bound), bound, entry.formula)


def get(name, **params) -> Loss:
    """Look up a loss by name, optionally with its parameters bound (chapter 3).

    ``get("focal", gamma=1)`` returns a :class:`Loss` whose ``value`` and ``grad``
    use γ = 1.  A :class:`Loss` passes through unchanged.  Unknown names and
    parameters raise ``ValueError`` naming them.
    """
    if not isinstance(name, (str, Loss)):
        raise TypeError(f"name: expected a loss name (str), got {type(name).__name__}")
    return checks.lookup(LOSSES, name, "loss", Loss, params, _bind)
