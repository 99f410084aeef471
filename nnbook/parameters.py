"""The parameters of K networks in one buffer: the layout behind every MLP (chapters 0 and 2).

Model k's parameters are one row of a (K, P) array.  Layer l owns a block of
n_l·(n_{l−1} + 1) numbers read as [W⁽ˡ⁾ | b⁽ˡ⁾] (row j: neuron j's weights, then its bias:
Glassner's bias trick); W⁽ˡ⁾ and b⁽ˡ⁾ are views into it, so an optimizer updates all of
them in one call.  A single network (no lockstep axis) shows no model axis: ``params`` is
(P,), ``weights[l-1]`` (n_l, n_{l−1}).
"""
from __future__ import annotations

import copy
import itertools

import numpy as np

from nnbook import checks
from nnbook.lockstep import MAX_MODELS, Lockstep, select

__all__ = ["Parameters"]


def _model_index(k, K, name="k"):
    """k as an index 0 … K−1 of the model axis (negative k counts from the end)."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not -K <= k < K:
        raise ValueError(f"{name}: expected a model index in 0 … {K - 1} (or -{K} … -1), got {k!r}")
    return int(k) % K


def _seed(s, name="seed"):
    if isinstance(s, np.random.Generator):
        return s
    return checks.integer(s, name, low=0)


def _axis(seed, models):
    """The lockstep axis (or None for a single network) from ``seed`` and ``models``."""
    if isinstance(models, Lockstep):
        return models
    if models is not None:
        K = checks.integer(models, "models", low=1, high=MAX_MODELS)
        s = checks.integer(seed, "seed", low=0)
        return Lockstep(("seed",), [(s + k,) for k in range(K)])
    if isinstance(seed, (str, bytes, dict, set, frozenset)) or (isinstance(seed, np.ndarray) and seed.ndim == 0):
        raise TypeError(f"seed: expected an integer ≥ 0, a numpy Generator or a sequence of them, "
                        f"got {type(seed).__name__}")
    if hasattr(seed, "__iter__"):
        if hasattr(seed, "__len__") and len(seed) > MAX_MODELS:
            raise ValueError(f"seed: {len(seed):,} seeds (one model each); the limit is {MAX_MODELS:,} models")
        seeds = list(itertools.islice(seed, MAX_MODELS + 1))
        if len(seeds) > MAX_MODELS:
            raise ValueError(f"seed: more than {MAX_MODELS:,} seeds (one model each); the limit is "
                             f"{MAX_MODELS:,} models")
        seeds = [_seed(s) for s in seeds]
        if not seeds:
            raise ValueError("seed: expected at least one seed (K ≥ 1 models), got an empty sequence")
        return Lockstep(("seed",), [(s,) for s in seeds])
    _seed(seed)
    return None


class Parameters:
    """The (K, P) parameter buffer, its per-layer views and the model axis: the base of MLP (chapter 2)."""

    def __init__(self, sizes, seed=0, models=None):
        self.lockstep = _axis(seed, models)
        rows = [{"seed": seed}] if self.lockstep is None else [self.lockstep.row(k) for k in range(len(self.lockstep))]
        self.K = len(rows)
        blocks = [o * (i + 1) for i, o in zip(sizes[:-1], sizes[1:])]
        checks.size(self.K * sum(blocks), "sizes, models", checks.MAX_ELEMENTS, "parameters")
        self._offsets = np.cumsum([0] + blocks).tolist()
        self.n_params = self._offsets[-1]
        self.seeds = tuple(r.get("seed", seed) for r in rows)
        for s in self.seeds:
            _seed(s)
        self.rngs = [s if isinstance(s, np.random.Generator) else np.random.default_rng(s) for s in self.seeds]
        self._params = np.zeros((self.K, self.n_params))
        self._drop = np.zeros((self.K, len(sizes) - 2))
        self._rows = rows
        self._make_views()

    def _block_views(self, flat):
        """[W⁽ˡ⁾ | b⁽ˡ⁾] views (K, n_l, n_{l−1} + 1) into a flat (K, P) array."""
        K = flat.shape[0]
        return [flat[:, a:b].reshape(K, n_out, n_in + 1)
                for a, b, n_in, n_out in zip(self._offsets[:-1], self._offsets[1:],
                                             self.sizes[:-1], self.sizes[1:])]

    def _make_views(self):
        blocks = self._block_views(self._params)
        self._blocks_T = [B.transpose(0, 2, 1) for B in blocks]
        self._weights = [B[:, :, :-1] for B in blocks]
        self._biases = [B[:, :, -1] for B in blocks]

    def _squeeze(self, a):
        """Drop the model axis of a single network's result."""
        return a[0] if self.lockstep is None else a

    n_layers = property(lambda self: len(self.sizes) - 1, doc="L, the number of layers with weights.")
    settings = property(lambda self: dict(self._rows[0]) if self.K == 1 else None,
                        doc="A single network's settings (seed, and what it had in a lockstep).")

    @property
    def dropout(self):
        """The drop probability per hidden layer (one list per model in lockstep)."""
        return self._squeeze(self._drop.tolist())

    @property
    def params(self):
        """All parameters: (P,) for one network, (K, P) in lockstep (a live buffer)."""
        return self._squeeze(self._params)

    @params.setter
    def params(self, value):
        self.set_params(value)

    weights = property(lambda self: [self._squeeze(W) for W in self._weights],
                       doc="[W⁽¹⁾, …, W⁽ᴸ⁾], views of shape (n_l, n_{l−1}) (K first in lockstep).")
    biases = property(lambda self: [self._squeeze(b) for b in self._biases],
                      doc="[b⁽¹⁾, …, b⁽ᴸ⁾], views of shape (n_l,) (K first in lockstep).")

    def get_params(self):
        """A copy of :attr:`params`."""
        return self.params.copy()

    def set_params(self, params):
        """Copy ``params`` ((P,) for every model, or (K, P)) into the parameters in place."""
        p = checks.real_array(params, "params", finite=False)
        if p.shape not in ((self.K, self.n_params), (self.n_params,)):
            raise ValueError(f"params: expected shape ({self.n_params},) or ({self.K}, {self.n_params}), "
                             f"got {p.shape}")
        if not np.all(np.isfinite(p)):
            raise ValueError("params: contains NaN or infinity")
        self._params[...] = p

    @property
    def is_weight(self):
        """Boolean mask (P,): True for weights, False for biases (penalties skip biases)."""
        mask = np.ones((1, self.n_params), dtype=bool)
        for B in self._block_views(mask):
            B[:, :, -1] = False
        return mask[0]

    def param_names(self):
        """Names of the P parameters in buffer order: "W1[j,i]" … "b1[j]" (1-based layers)."""
        names = []
        for l, (n_in, n_out) in enumerate(zip(self.sizes[:-1], self.sizes[1:]), start=1):
            for j in range(n_out):
                names += [f"W{l}[{j},{i}]" for i in range(n_in)] + [f"b{l}[{j}]"]
        return names

    def _take(self, indices, lockstep):
        net = copy.copy(self)
        net._params = self._params[indices].copy()
        net.K, net.lockstep = len(indices), lockstep
        net.seeds = tuple(self.seeds[k] for k in indices)
        net.rngs = [copy.deepcopy(self.rngs[k]) for k in indices]
        net._drop = self._drop[indices].copy()
        net._rows = [self._rows[k] for k in indices]
        net._make_views()
        return net

    def copy(self):
        """An independent copy (parameters and each model's generator state)."""
        return self._take(list(range(self.K)), self.lockstep)

    def model(self, k):
        """Model k as a single network (a copy); negative k counts from the end."""
        return self._take([_model_index(k, self.K)], None)

    def select(self, **settings):
        """The models named by ``settings`` (e.g. ``seed=2``): one → a single network."""
        return select(self, settings)
