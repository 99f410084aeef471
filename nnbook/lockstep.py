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

from nnbook import checks

__all__ = ["Lockstep", "lockstep", "select", "stack", "NAMES", "MAX_MODELS"]

#: what can differ between models: construction (seed, init, dropout) and training (lr, l1, l2)
NAMES = ("seed", "init", "dropout", "lr", "l1", "l2")
#: the most models of one lockstep axis
MAX_MODELS = 10_000
_MAX_MODELS = MAX_MODELS


def _bounded(values, name, what):
    """The items of ``values`` as a list, refusing more than MAX_MODELS before listing them all."""
    if hasattr(values, "__len__") and len(values) > MAX_MODELS:
        raise ValueError(f"{name}: {len(values):,} {what}; the limit is {MAX_MODELS:,}")
    items = list(itertools.islice(values, MAX_MODELS + 1))
    if len(items) > MAX_MODELS:
        raise ValueError(f"{name}: more than {MAX_MODELS:,} {what}; the limit is {MAX_MODELS:,}")
    return items


def _init_spec(value):
    """An init setting: a name, (name, params), or one of those per layer; checked by nnbook.init.get."""
    from nnbook import init as _init
    items = [value] if isinstance(value, str) or (isinstance(value, tuple) and len(value) == 2 and isinstance(
        value[0], str) and isinstance(value[1], dict)) else value
    if not isinstance(items, (list, tuple)) or not items:
        raise TypeError(f"init: expected a name, (name, params) or one per layer, got {value!r}")
    for item in items:
        if isinstance(item, list):
            item = tuple(item)
        if isinstance(item, tuple) and not (len(item) == 2 and isinstance(item[1], dict)):
            raise TypeError(f"init: expected a name, (name, params) or one per layer, got {value!r}")
        name, params = item if isinstance(item, tuple) else (item, {})
        try:
            _init.get(name, **params)
        except (TypeError, ValueError) as err:
            raise type(err)(f"init: {str(err).split(': ', 1)[-1]}") from None


def _check_value(name, value):
    """One model's value of setting ``name``, checked as the network or training will use it."""
    if name == "seed":
        if not isinstance(value, np.random.Generator):
            checks.integer(value, "seed", low=0)
    elif name == "init":
        _init_spec(value)
    elif name == "dropout":
        for p in (value if isinstance(value, tuple) else (value,)):
            checks.number(p, "dropout", 0.0, 1.0, high_open=True)
    elif name == "lr":
        checks.number(value, "lr", 0.0, low_open=True)
    else:
        checks.number(value, name, 0.0)


def _matches(have, want):
    """A setting equals ``want``; an init given as (name, params) also matches its bare name."""
    if (isinstance(have, tuple) and len(have) == 2 and isinstance(have[1], dict) and isinstance(want, str)
            and have[0] == want):
        return True
    same = have == want
    return same if isinstance(same, (bool, np.bool_)) else False


class Lockstep:
    """K rows of named settings, one per model of a lockstep run (chapter 2; make it with :func:`lockstep`)."""

    def __init__(self, names, rows):
        if isinstance(names, (str, bytes)) or not hasattr(names, "__iter__") or not all(
                isinstance(n, str) for n in names):
            raise TypeError(f"names: expected a sequence of setting names, got {names!r}")
        self.names = tuple(names)
        if isinstance(rows, (str, bytes, dict)) or not hasattr(rows, "__iter__"):
            raise TypeError(f"rows: expected one tuple of settings per model, got {type(rows).__name__}")
        self.rows = [tuple(r) for r in _bounded(rows, "models", "models")]
        if not self.rows:
            raise ValueError("models: expected at least one model, got none")
        for k, row in enumerate(self.rows):
            if len(row) != len(self.names):
                raise ValueError(f"rows: model {k} has {len(row)} settings for the {len(self.names)} names "
                                 f"{self.names}")

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
        for name, value in list(wanted.items()):
            if name not in self.names:
                raise ValueError(f"{name}: the models differ in {', '.join(self.names)}, not {name!r}")
            if isinstance(value, list):
                wanted[name] = tuple(value)                   # as lockstep() keeps lists
            elif isinstance(value, (np.ndarray, dict, set)):
                raise TypeError(f"{name}: expected one value to match, got {type(value).__name__}")
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
        if isinstance(options, (str, bytes, dict, set, frozenset)) or not hasattr(options, "__iter__") or (
                isinstance(options, np.ndarray) and options.ndim == 0):
            raise TypeError(f"{name}: expected a sequence of values (one per model), got {options!r}")
        options = [tuple(v) if isinstance(v, list) else v for v in _bounded(options, name, "values")]
        if not options:
            raise ValueError(f"{name}: expected at least one value, got none")
        for v in options:
            _check_value(name, v)
        values.append(options)
    count = 1
    for options in values:
        count *= len(options)
    if count > MAX_MODELS:
        raise ValueError(f"{', '.join(settings)}: {count:,} combinations; the limit is {MAX_MODELS:,} models")
    return Lockstep(settings, itertools.product(*values))


def select(item, settings):
    """The models of a lockstep network or history whose settings match; one → a single one (chapter 2)."""
    if not hasattr(item, "lockstep") or not hasattr(item, "_take"):
        raise TypeError(f"item: expected an MLP or a History, got {type(item).__name__}")
    if not isinstance(settings, dict):
        raise TypeError(f"settings: expected a dict of name=value, got {type(settings).__name__}")
    label = ", ".join(settings) or "settings"
    if item.lockstep is None:
        raise ValueError(f"{label}: a single network or run has no models to select from")
    found = item.lockstep.where(**settings)
    if not found:
        raise ValueError(f"{label}: no model has {settings}; the models differ in {item.lockstep.names}")
    if len(found) == 1:
        return item.model(found[0])
    return item._take(found, item.lockstep.take(found))


def stack(items):
    """K single networks (or histories) as one lockstep network (history), the inverse of ``model(k)`` (chapter 2).

    Networks must share sizes, activations and head; the new model axis is named by their
    settings (``MLP.settings``).
    """
    if isinstance(items, (str, bytes, dict)) or not hasattr(items, "__iter__"):
        raise TypeError(f"items: expected a list of networks or histories, got {type(items).__name__}")
    items = _bounded(items, "items", "networks or histories")
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
