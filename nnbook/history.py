"""What happened during training: one row per epoch, and a verdict on every run (chapter 2).

**When a run is not learning** (the rule the book, ``summary()`` and the widgets use): a
run *diverged* if its loss or weights stopped being finite; it is *not learning* if, after
the last epoch, its training loss is more than ``RISE`` (2) times its epoch-0 loss, or its
training accuracy is within ``CHANCE_MARGIN`` (0.02) of chance — the share of the most common
class, what a network that always answers that class scores — after at least
``CHANCE_EPOCHS`` (3) epochs.  Otherwise it is *learning*.
"""
from __future__ import annotations

import math

import numpy as np

from nnbook import checks

__all__ = ["History", "RISE", "CHANCE_MARGIN", "CHANCE_EPOCHS"]

RISE = 2.0
CHANCE_MARGIN = 0.02
CHANCE_EPOCHS = 3
FIELDS = ("train_loss", "train_acc", "val_loss", "val_acc", "penalty", "lr")
PER_MODEL = ("diverged", "diverged_at", "diverged_loss", "stopped_at", "best_epoch")


class History:
    """Per-epoch measurements of one run, or of K runs in lockstep (chapter 2).

    Row 0 is measured before training and row e after epoch e, on the whole sets:
    ``train_loss``, ``train_acc``, ``val_loss``, ``val_acc`` — the data loss (mean over
    samples, without the penalty) and the accuracy (NaN without a validation set or when the
    targets are not classes); ``penalty`` the term (λ₂/2)‖W‖² + λ₁‖W‖₁; ``lr`` the η used
    during epoch e (row 0: the first); ``weights`` parameter snapshots or None.  Shapes: (E+1,)
    for one run, (E+1, K) in lockstep.  ``diverged``, ``diverged_at`` (−1: never; rows from
    there on are NaN), ``diverged_loss`` (the non-finite value, inf or nan), ``stopped_at``
    (early stopping, −1: never), ``best_epoch`` (its restored epoch): one per run.
    ``learning`` and :meth:`message` give the verdict of the module's rule.
    """

    def __init__(self, rows, weights, per_model, *, steps, seeds, lockstep=None, chance=math.nan, settings=None):
        self._rows = {name: np.asarray(rows[name], dtype=float).reshape(-1, len(seeds)) for name in FIELDS}
        self._weights = weights
        self._per = {name: np.asarray(per_model[name]) for name in PER_MODEL}
        self.steps, self.seeds, self.lockstep, self.chance = steps, tuple(seeds), lockstep, chance
        self._settings = list(settings) if settings is not None else [{"seed": s} for s in self.seeds]

    def _squeeze(self, a):
        return a[:, 0] if self.lockstep is None and a.ndim > 1 else a[0] if self.lockstep is None else a

    def __getattr__(self, name):
        if "_rows" not in self.__dict__:
            raise AttributeError(name)
        if name in FIELDS:
            return self._squeeze(self.__dict__["_rows"][name])
        if name in PER_MODEL:
            value = self.__dict__["_per"][name]
            return value[0] if self.lockstep is None else value
        raise AttributeError(f"History has no field {name!r}; fields: {', '.join(FIELDS + PER_MODEL)}")

    @property
    def weights(self):
        """Parameter snapshots (E+1, P), or (E+1, K, P) in lockstep; None if not kept."""
        return None if self._weights is None else self._squeeze(self._weights)

    @property
    def epochs(self):
        """E, the number of completed epochs."""
        return self._rows["train_loss"].shape[0] - 1

    @property
    def K(self):
        """The number of runs (1 for a single network)."""
        return len(self.seeds)

    # -- selecting runs ----------------------------------------------------------------------
    def _take(self, indices, lockstep):
        rows = {name: a[:, indices] for name, a in self._rows.items()}
        per = {name: a[indices] for name, a in self._per.items()}
        weights = None if self._weights is None else self._weights[:, indices]
        return History(rows, weights, per, steps=self.steps, seeds=[self.seeds[k] for k in indices],
                       lockstep=lockstep, chance=self.chance, settings=[self._settings[k] for k in indices])

    @property
    def settings(self):
        """A single run's settings (its seed, and what it had in a lockstep); None in lockstep."""
        return dict(self._settings[0]) if self.lockstep is None else None

    def model(self, k):
        """The history of run k alone (no model axis); negative k counts from the end."""
        from nnbook.network import _model_index
        return self._take([_model_index(k, self.K)], None)

    def select(self, **settings):
        """The runs named by ``settings``, e.g. ``select(lr=0.05)`` or ``select(lr=0.05, seed=2)``
        (one run → its history without the model axis)."""
        from nnbook.lockstep import select
        return select(self, settings)

    # -- questions ----------------------------------------------------------------------------
    def epochs_to(self, threshold, metric="val_acc"):
        """The first epoch at which ``metric`` reaches ``threshold`` (≥ for an accuracy, ≤ for a
        loss; −1 if never), per run (an int for a single run)."""
        checks.choice(metric, "metric", ("train_acc", "val_acc", "train_loss", "val_loss"))
        threshold = checks.number(threshold, "threshold")
        values = self._rows[metric]
        with np.errstate(invalid="ignore"):
            hit = values <= threshold if metric.endswith("_loss") else values >= threshold
        first = np.where(hit.any(axis=0), np.argmax(hit, axis=0), -1)
        return int(first[0]) if self.lockstep is None else first

    def _verdict(self, k):
        """(kind, text) for run k: diverged, not learning or learning (the module's rule)."""
        per, rows = self._per, self._rows
        if per["diverged"][k]:
            e = int(per["diverged_at"][k])
            finite = rows["train_loss"][:e, k][np.isfinite(rows["train_loss"][:e, k])]
            last = f" (last finite loss {finite[-1]:.4g} at epoch {e - 1})" if finite.size else ""
            return "diverged", f"diverged at epoch {e}: loss = {float(per['diverged_loss'][k]):.4g}{last}"
        start, end = rows["train_loss"][0, k], rows["train_loss"][-1, k]
        if self.epochs >= 1 and end > RISE * start:
            return "not learning", f"not learning: loss rose from {start:.4g} to {end:.4g}"
        acc = rows["train_acc"][-1, k]
        if self.epochs >= CHANCE_EPOCHS and np.isfinite(self.chance) and acc <= self.chance + CHANCE_MARGIN:
            return "not learning", (f"not learning: accuracy {acc:.3f} after {self.epochs} epochs is "
                                    f"chance (always the most common class: {self.chance:.3f})")
        return "learning", ""

    @property
    def learning(self):
        """Whether each run is learning by the module's rule (not diverged, not stuck)."""
        ok = np.array([self._verdict(k)[0] == "learning" for k in range(self.K)])
        return bool(ok[0]) if self.lockstep is None else ok

    def message(self, k=0):
        """One line for run k: its verdict if it is not learning, else its final metrics."""
        from nnbook.network import _model_index
        k = _model_index(k, self.K)
        kind, text = self._verdict(k)
        if kind != "learning":
            return text
        rows = {name: a[-1, k] for name, a in self._rows.items()}
        text = f"epoch {self.epochs}: train loss {rows['train_loss']:.4f}"
        if not np.isnan(rows["train_acc"]):
            text += f", acc {rows['train_acc']:.3f}"
        if not np.isnan(rows["val_loss"]):
            text += f"; val loss {rows['val_loss']:.4f}"
        if not np.isnan(rows["val_acc"]):
            text += f", acc {rows['val_acc']:.3f}"
        return text

    def summary(self, digits=4):
        """A table, one line per run: its settings, final metrics and verdict."""
        digits = checks.integer(digits, "digits", 0, 12)

        def num(x, d=digits):
            return "nan" if not np.isfinite(x) else f"{x:.{d}f}"
        names = self.lockstep.names if self.lockstep is not None else ("seed",)
        head = " ".join(f"{n:>8}" for n in names)
        lines = [f"History: {self.epochs} epochs, {self.K} run{'s' * (self.K != 1)}, {self.steps} steps",
                 f"{head} {'train loss':>10} {'train acc':>9} {'val loss':>9} {'val acc':>7}  note"]
        for k in range(self.K):
            values = self.lockstep.rows[k] if self.lockstep is not None else (self.seeds[k],)
            cells = " ".join(f"{_short(v):>8}" for v in values)
            last = self.epochs
            if self._per["diverged"][k]:
                last = max(int(self._per["diverged_at"][k]) - 1, 0)
            r = {name: a[last, k] for name, a in self._rows.items()}
            note = [self._verdict(k)[1]]
            if self._per["stopped_at"][k] >= 0:
                note.append(f"stopped at epoch {self._per['stopped_at'][k]}")
            if self._per["best_epoch"][k] >= 0:
                note.append(f"best epoch {self._per['best_epoch'][k]}")
            lines.append(f"{cells} {num(r['train_loss']):>10} {num(r['train_acc'], 3):>9} "
                         f"{num(r['val_loss']):>9} {num(r['val_acc'], 3):>7}  "
                         f"{'; '.join(n for n in note if n)}".rstrip())
        return "\n".join(lines)

    def __repr__(self):
        weights = "" if self._weights is None else f", weights={self.weights.shape}"
        lock = "" if self.lockstep is None else f", K={self.K}"
        return (f"History(epochs={self.epochs}{lock}, steps={self.steps}, "
                f"diverged={int(self._per['diverged'].sum())}{weights})")


def _short(value):
    if isinstance(value, tuple):
        return value[0] if value and isinstance(value[0], str) else str(value)
    if isinstance(value, float):
        return f"{value:.4g}"
    return "-" if value is None else str(value)


def stack_histories(items):
    """Single-run histories of the same length as one lockstep history (inverse of ``model(k)``)."""
    from nnbook.lockstep import Lockstep
    for k, h in enumerate(items):
        if not isinstance(h, History) or h.lockstep is not None:
            raise TypeError(f"items[{k}]: expected a single run's History")
        if h.epochs != items[0].epochs:
            raise ValueError(f"items[{k}]: expected {items[0].epochs} epochs, got {h.epochs}")
    rows = {name: np.concatenate([h._rows[name] for h in items], axis=1) for name in FIELDS}
    per = {name: np.concatenate([h._per[name] for h in items]) for name in PER_MODEL}
    weights = None
    if all(h._weights is not None for h in items):
        weights = np.concatenate([h._weights for h in items], axis=1)
    seeds = [h.seeds[0] for h in items]
    settings = [h._settings[0] for h in items]
    axis = Lockstep.named(settings)
    return History(rows, weights, per, steps=items[0].steps, seeds=seeds, lockstep=axis,
                   chance=items[0].chance, settings=[axis.row(k) for k in range(len(items))])
