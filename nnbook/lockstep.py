"""The model axis, named: K networks trained in lockstep, each named by what differs (chapter 2).

``lockstep(seed=range(20), lr=(0.01, 0.05, 0.5))`` describes 60 runs, every combination in
order (the first name varies slowest).  ``MLP(..., models=runs)`` draws each model's weights
from its own seed, initialization and dropout; :func:`nnbook.train` gives each its own η, λ₁
and λ₂; ``history.select(lr=0.05, seed=2)`` picks runs by those names instead of by index.
"""
from __future__ import annotations

import copy
import itertools

import numpy as np

__all__ = ["Lockstep", "lockstep", "select", "stack", "NAMES"]

#: what can differ between models: construction (seed, init, dropout) and training (lr, l1, l2)
NAMES = ("seed", "init", "dropout", "lr", "l1", "l2")
_MAX_MODELS = 10_000


def _matches(have, want):
    """A setting equals ``want``; an init given as (name, params) also matches its bare name."""
    if (isinstance(have, tuple) and len(have) == 2 and isinstance(have[1], dict) and isinstance(want, str)
            and have[0] == want):
        return True
    return have == want


class Lockstep:
    """K rows of named settings, one per model of a lockstep run (chapter 2; make it with :func:`lockstep`)."""

    def __init__(self, names, rows):
        self.names = tuple(names)
        self.rows = [tuple(r) for r in rows]
        if not self.rows:
            raise ValueError("models: expected at least one model, got none")
        if len(self.rows) > _MAX_MODELS:
            raise ValueError(f"models: {len(self.rows):,} models; the limit is {_MAX_MODELS:,}")

    @classmethod
    def from_rows(cls, settings):
        """From one dict of settings per model (as ``MLP.settings``); all with the same names."""
        settings = list(settings)
        names = tuple(settings[0]) if settings else ()
        for k, row in enumerate(settings):
            if tuple(row) != names:
                raise ValueError(f"models: model {k} is named by {tuple(row)}, model 0 by {names}")
        return cls(names, [tuple(row[n] for n in names) for row in settings])

    @classmethod
    def named(cls, settings):
        """The axis of models with these settings: their own names if those tell them apart,
        else with a "model" column (0 … K−1) in front."""
        settings = list(settings)
        try:
            axis = cls.from_rows(settings)
        except ValueError:
            return cls(("model",), [(k,) for k in range(len(settings))])
        rows = axis.rows
        if any(a == b for i, a in enumerate(rows) for b in rows[i + 1:]):
            return cls(("model",) + axis.names, [(k,) + r for k, r in enumerate(rows)])
        return axis

    @property
    def K(self):
        """The number of models."""
        return len(self.rows)

    def __len__(self):
        return len(self.rows)

    def column(self, name):
        """Model k's value of ``name``, for every k (a list of K)."""
        return [row[self.names.index(name)] for row in self.rows]

    def row(self, k):
        """Model k's settings as a dict."""
        return dict(zip(self.names, self.rows[k]))

    def where(self, **wanted):
        """The indices of the models whose settings match every ``name=value`` given."""
        for name in wanted:
            if name not in self.names:
                raise ValueError(f"{name}: the models differ in {', '.join(self.names)}, not {name!r}")
        return [k for k, row in enumerate(self.rows)
                if all(_matches(row[self.names.index(n)], v) for n, v in wanted.items())]

    def take(self, indices):
        """The axis of the models at ``indices``."""
        return Lockstep(self.names, [self.rows[k] for k in indices])

    def __eq__(self, other):
        return isinstance(other, Lockstep) and (self.names, self.rows) == (other.names, other.rows)

    __hash__ = object.__hash__

    def __repr__(self):
        return f"Lockstep(K={self.K}, names={self.names})"


def lockstep(**settings):
    """Every combination of the given settings (chapter 2), e.g. ``lockstep(seed=range(20), lr=(0.01, 0.5))``.

    Names: seed, init, dropout (how each model is built) and lr, l1, l2 (how it is trained).
    """
    if not settings:
        raise ValueError(f"settings: name at least one of {', '.join(NAMES)}")
    values = []
    for name, options in settings.items():
        if name not in NAMES:
            raise ValueError(f"{name}: models can differ in {', '.join(NAMES)}, not {name!r}")
        if isinstance(options, (str, bytes, dict)) or not hasattr(options, "__iter__"):
            raise TypeError(f"{name}: expected a sequence of values (one per model), got {options!r}")
        options = [tuple(v) if isinstance(v, list) else v for v in options]
        if not options:
            raise ValueError(f"{name}: expected at least one value, got none")
        values.append(options)
    count = 1
    for options in values:
        count *= len(options)
    if count > _MAX_MODELS:
        raise ValueError(f"settings: {count:,} combinations; the limit is {_MAX_MODELS:,} models")
    return Lockstep(settings, itertools.product(*values))


def select(item, settings):
    """The models of a lockstep network or history whose settings match; one → a single one (chapter 2)."""
    if item.lockstep is None:
        raise ValueError("settings: a single network or run has no models to select from")
    found = item.lockstep.where(**settings)
    if not found:
        raise ValueError(f"settings: no model has {settings}; the models differ in {item.lockstep.names}")
    if len(found) == 1:
        return item.model(found[0])
    return item._take(found, item.lockstep.take(found))


def stack(items):
    """K single networks (or histories) as one lockstep network (history), the inverse of ``model(k)`` (chapter 2).

    Networks must share sizes, activations and head; the new model axis is named by their
    settings (``MLP.settings``).
    """
    items = list(items)
    if not items:
        raise ValueError("items: expected at least one network or history")
    from nnbook.network import MLP
    first = items[0]
    if not isinstance(first, MLP):
        from nnbook.history import stack_histories
        return stack_histories(items)
    for k, net in enumerate(items):
        if not isinstance(net, MLP) or net.lockstep is not None:
            raise TypeError(f"items[{k}]: expected a single MLP (use model(k) to take one out of a lockstep)")
        if (net.sizes, net.activations, net.head) != (first.sizes, first.activations, first.head):
            raise ValueError(f"items[{k}]: expected sizes {first.sizes}, activations {first.activations} "
                             f"and head {first.head}, got {net.sizes}, {net.activations}, {net.head}")
    axis = Lockstep.named(net.settings for net in items)
    net = first._take([0], axis)
    net.K = len(items)
    net._params = np.concatenate([n._params for n in items])
    net.seeds = tuple(n.seeds[0] for n in items)
    net.rngs = [copy.deepcopy(n.rngs[0]) for n in items]
    net._drop = np.concatenate([n._drop for n in items])
    net._rows = [axis.row(k) for k in range(len(items))]
    net._make_views()
    return net
