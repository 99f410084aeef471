"""Output heads: the output unit and its loss as one object (chapter 2, "The output layer and its loss").

In the spirit of Nielsen's ``network2.py`` cost classes (``fn`` and ``delta``), a head knows

* its **value** L(a⁽ᴸ⁾, y), the mean over the batch;
* its **delta** δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾, which for the canonical pairs is the residual (a⁽ᴸ⁾ − y)/n:
  sigmoid + binary cross-entropy, softmax + cross-entropy, identity + mse;
* how it **encodes targets** (labels → a 0/1 column, one-hot rows, or ±1 for the hinge loss);
* how it turns outputs into **labels** and **accuracy**.

Everything that classifies (training metrics, ``MLP.predict``, ``MLP.accuracy``, the decision
boundary) asks the same head, so a printed accuracy always matches the drawn boundary.
"""
from __future__ import annotations

import numpy as np

from nnbook import activations as _activations
from nnbook import checks
from nnbook import losses as _losses

__all__ = ["Head", "make_head", "OUTPUTS", "DEFAULT_LOSS"]

OUTPUTS = ("identity", "sigmoid", "softmax")
#: the loss a network gets when none is named: the canonical pair of its output unit
DEFAULT_LOSS = {"identity": "mse", "sigmoid": "bce", "softmax": "cross_entropy"}
#: output + loss pairs computed from the logits z (finite for any z): δ⁽ᴸ⁾ = (p − y)/n
PAIRED = {"sigmoid": ("bce", "bce_logits"), "softmax": ("cross_entropy", "log_loss")}
#: losses of probabilities (they need a sigmoid or softmax output)
PROBABILITY_LOSSES = ("bce", "log_loss", "focal")
#: losses of scores or logits (they need the identity output unless paired above)
LOGIT_LOSSES = ("bce_logits", "cross_entropy", "hinge", "multiclass_hinge")

_SIGMOID = _activations.sigmoid_into


def _softmax_into(z, out):
    out[...] = _losses.softmax(z)


class Head:
    """The output unit ``output`` with the loss ``loss`` (chapter 2; make one with :func:`make_head`)."""

    def __init__(self, output, loss, mode):
        self.output, self.loss, self.mode = output, loss, mode
        self.residual = mode == "paired" or (mode == "direct" and loss.name == "mse")
        self.activate_into = {"identity": None, "sigmoid": _SIGMOID, "softmax": _softmax_into}[output]
        # one output unit: the label is out > threshold, the midpoint of what the targets hold
        self.threshold = 0.5 if output == "sigmoid" or loss.name not in LOGIT_LOSSES else 0.0

    def __repr__(self):
        return f"Head({self.output} + {self.loss.name})"

    def __eq__(self, other):
        return isinstance(other, Head) and (self.output, self.loss) == (other.output, other.loss)

    __hash__ = object.__hash__

    # -- value and delta -------------------------------------------------------------
    def value(self, z, a, Y):
        """L, the mean loss over the batch, per model: paired heads from the logits z."""
        if self.mode == "paired":
            f = _losses.bce_logits if self.output == "sigmoid" else _losses.cross_entropy
            return f(z, Y)
        return self.loss.value(a, Y)

    def delta_into(self, z, a, Y, out, inv_n):
        """δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾ into ``out``: the residual (a − y)·(1/n) where the pair is canonical,
        else the chain rule through the output unit. ``inv_n`` is 1/n as a 0-d array (None: n = 1)."""
        if self.residual:
            np.subtract(a, Y, out=out)                   # a⁽ᴸ⁾ − y
            if inv_n is not None:
                np.multiply(out, inv_n, out=out)         # the loss is the batch mean: × 1/n
            return out
        return self.delta_from_dout(a, self.loss.grad(a, Y), out)

    def delta_from_dout(self, a, g, out):
        """δ⁽ᴸ⁾ from g = ∂L/∂a⁽ᴸ⁾: g (identity), g ⊙ σ(1 − σ) (sigmoid), p ⊙ (g − Σ g p) (softmax)."""
        if self.output == "identity":
            out[...] = g
        elif self.output == "sigmoid":
            np.multiply(a, 1.0 - a, out=out)
            np.multiply(out, g, out=out)
        else:
            out[...] = a * (g - np.sum(g * a, axis=-1, keepdims=True))
        return out

    # -- targets, labels, accuracy -------------------------------------------------------
    def encode(self, y, n, k, name="y"):
        """Targets as floats (n, k): labels (n,) become a 0/1 column (k = 1; ±1 for the hinge
        loss) or one-hot rows (k > 1); float targets (n, k) pass through."""
        if not isinstance(name, str):
            raise TypeError(f"name: expected the targets' name (str), got {type(name).__name__}")
        n, k = checks.integer(n, "n", 1), checks.integer(k, "k", 1)
        checks.size(n * k, "n, k", checks.MAX_ELEMENTS, "targets")
        if isinstance(y, (str, bytes)) or y is None:
            raise TypeError(f"{name}: expected an array of targets, got {type(y).__name__}")
        try:
            y = np.asarray(y)
        except (TypeError, ValueError):
            raise TypeError(f"{name}: expected an array of targets") from None
        if y.dtype.kind not in "biuf":
            raise TypeError(f"{name}: expected numbers, got dtype {y.dtype}")
        if y.shape[:1] != (n,):
            raise ValueError(f"{name}: expected {n} targets (one per row of X), got shape {y.shape}")
        if not np.all(np.isfinite(y)):
            raise ValueError(f"{name}: contains NaN or infinity")
        if y.ndim == 1 and k == 1:
            y = y.astype(float)[:, None]
        elif y.ndim == 1:
            if not np.all(y == np.round(y)) or y.min() < 0 or y.max() >= k:
                raise ValueError(f"{name}: expected integer class labels 0 … {k - 1} for {k} outputs, "
                                 f"got values in [{y.min():g}, {y.max():g}]")
            y = np.eye(k)[y.astype(int)]
        elif y.ndim != 2 or y.shape[1] != k:
            raise ValueError(f"{name}: expected shape ({n},) labels or ({n}, {k}) targets, got {y.shape}")
        y = y.astype(float)
        if self.loss.name == "hinge" and np.all((y == 0) | (y == 1)):
            y = 2.0 * y - 1.0
        return np.ascontiguousarray(y)

    def labels(self, a):
        """Predicted classes from outputs (..., n, k): a > threshold for k = 1, else argmax."""
        if a.shape[-1] == 1:
            with np.errstate(invalid="ignore"):
                return (a[..., 0] > self.threshold).astype(int)
        return np.argmax(a, axis=-1)

    @staticmethod
    def classes(Y):
        """True classes of encoded targets (n, k), or None if they are not classes (regression)."""
        if Y.shape[-1] == 1:
            if np.all(np.isin(Y, (0.0, 1.0))):
                return (Y[:, 0] > 0.5).astype(int)
            if np.all(np.isin(Y, (-1.0, 1.0))):
                return (Y[:, 0] > 0).astype(int)
            return None
        if np.all(np.isin(Y, (0.0, 1.0))) and np.all(Y.sum(axis=-1) == 1):
            return np.argmax(Y, axis=-1)
        return None

    def accuracy(self, a, Y):
        """The fraction of correct labels per model (...,); NaN when Y holds no classes."""
        truth = self.classes(Y)
        if truth is None:
            return np.full(a.shape[:-2], np.nan)
        return np.mean(self.labels(a) == truth, axis=-1)


def make_head(output="sigmoid", loss=None):
    """The :class:`Head` for an ``output`` unit and a ``loss`` (None: its canonical loss) (chapters 2, 3).

    Paired heads (sigmoid + bce, softmax + cross-entropy) compute the loss from the logits and
    δ⁽ᴸ⁾ = p − y; an identity output feeds the loss the scores z directly; any other pair
    goes through the chain rule δ⁽ᴸ⁾ = ∂L/∂a ⊙ f′(z).  Mismatches are refused with the fix.
    """
    if not isinstance(output, str) or output not in OUTPUTS:
        raise ValueError(f"output: expected one of {', '.join(OUTPUTS)}, got {output!r}")
    try:
        entry = _losses.get(DEFAULT_LOSS[output] if loss is None else loss)
    except (TypeError, ValueError) as err:
        raise type(err)(f"loss: {str(err).split(': ', 1)[-1]}") from None
    if entry.name in PAIRED.get(output, ()):
        return Head(output, entry, "paired")
    if output == "identity":
        if entry.name in PROBABILITY_LOSSES:
            hint = {"bce": "bce_logits", "log_loss": "cross_entropy"}.get(entry.name)
            alt = f" or loss={hint!r} on the logits" if hint else ""
            raise ValueError(f"loss: {entry.name} expects probabilities; use output='sigmoid' or "
                             f"'softmax'{alt}")
        return Head(output, entry, "direct")
    if entry.name in LOGIT_LOSSES:
        pair = DEFAULT_LOSS[output]
        raise ValueError(f"loss: {entry.name} expects scores/logits, but output={output!r} gives "
                         f"probabilities; use loss={pair!r} (computed stably from the logits) or "
                         f"output='identity'")
    return Head(output, entry, "chain")
