"""Signals through depth: activations and deltas of a deep net at initialization (chapter 4).

A stack of ``depth`` layers of ``width`` units, z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ (biases 0, as initialized),
a⁽ˡ⁾ = f(z⁽ˡ⁾), optionally with batch normalization of each z⁽ˡ⁾ before f (γ = 1, β = 0,
:mod:`nnbook.batchnorm`).  The backward pass starts from a given ∂L/∂a⁽ᴰ⁾ (the output
gradient of whatever loss sits on top) and runs the chapter-2 recursion

    δ⁽ᴰ⁾ = ∂L/∂a⁽ᴰ⁾ ⊙ f′(z⁽ᴰ⁾),   δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ⊙ f′(z⁽ˡ⁾),

(through the batch norm's backward pass when it is on).  The per-layer standard deviations
of a⁽ˡ⁾ and δ⁽ˡ⁾ show the signal vanishing or exploding with depth (Glorot & Bengio 2010).
:func:`propagate` is what the chapter and the init lab's test share (the lab computes the
same in the browser).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnbook import activations as _activations
from nnbook import checks
from nnbook.batchnorm import EPS, batch_norm, batch_norm_backward
from nnbook.network import _inits, _resolve

__all__ = ["Signals", "deep_weights", "propagate", "MAX_DEPTH"]

#: the deepest stack :func:`deep_weights` builds
MAX_DEPTH = 200


def deep_weights(depth, width, init, *, seed=0, activation="tanh", n_in=None):
    """``depth`` weight matrices of a stack ``n_in`` → width → … → width, drawn by ``init`` (chapter 4).

    ``init`` is an :mod:`nnbook.init` name or (name, params), as for :class:`~nnbook.network.MLP`
    (``glorot_uniform`` takes scikit-learn's A from ``activation``); every layer draws from one
    ``np.random.default_rng(seed)`` in order.  ``n_in`` defaults to ``width``.
    """
    depth = checks.integer(depth, "depth", 1, MAX_DEPTH)
    width = checks.integer(width, "width", 1, 10_000)
    n_in = width if n_in is None else checks.integer(n_in, "n_in", 1, 10_000)
    checks.size(depth * width * max(width, n_in), "depth, width")
    rng = np.random.default_rng(checks.integer(seed, "seed", 0))
    act = _resolve(activation, "activation", _activations.get).name
    fans = [n_in] + [width] * depth
    return [f((fans[l + 1], fans[l]), rng) for l, f in enumerate(_inits(init, depth, act))]


def _stds(arrays):
    with np.errstate(all="ignore"):                 # an overflowed layer's std is inf or NaN, silently
        return np.array([v.std() for v in arrays])


@dataclass(frozen=True)
class Signals:
    """The forward and backward signals of :func:`propagate` (chapter 4).

    ``a[0]`` is the input and ``a[l]`` layer l's activations (l = 1 … D); ``z[l-1]`` and
    ``delta[l-1]`` are layer l's net input W⁽ˡ⁾a⁽ˡ⁻¹⁾ and δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾.
    """

    z: list
    a: list
    delta: list

    @property
    def a_std(self) -> np.ndarray:
        """The standard deviation of a⁽ˡ⁾ over all samples and units, l = 1 … D."""
        return _stds(self.a[1:])

    @property
    def delta_std(self) -> np.ndarray:
        """The standard deviation of δ⁽ˡ⁾ over all samples and units, l = 1 … D."""
        return _stds(self.delta)

    @property
    def z_std(self) -> np.ndarray:
        """The standard deviation of the net inputs z⁽ˡ⁾, l = 1 … D."""
        return _stds(self.z)


def propagate(X, weights, activation, out_grad, *, batch_norm_layers=False, eps=EPS):
    """Forward and backward through the stack ``weights`` (chapter 4): a :class:`Signals`.

    ``X`` (n, n_in) inputs in rows; ``weights`` a list of W⁽ˡ⁾ (n_l, n_{l−1}); ``activation``
    one name for every layer; ``out_grad`` ∂L/∂a⁽ᴰ⁾ of shape (n, n_D).  With
    ``batch_norm_layers`` every z⁽ˡ⁾ is batch-normalized (γ = 1, β = 0) before f, and δ⁽ˡ⁾ is
    the gradient with respect to the z before the normalization.  Values that overflow float64
    stay inf/NaN (no warning): a stack that explodes that far shows it in its statistics.
    """
    a = checks.real_array(X, "X", ndim=2)
    Ws = [checks.real_array(W, f"weights[{l}]", ndim=2) for l, W in enumerate(weights)]
    if not Ws:
        raise ValueError("weights: expected at least one weight matrix")
    for l, W in enumerate(Ws):
        expected = a.shape[1] if l == 0 else Ws[l - 1].shape[0]
        if W.shape[1] != expected:
            raise ValueError(f"weights[{l}]: expected {expected} columns (the previous layer's units), got shape "
                             f"{W.shape}")
    f = _resolve(activation, "activation", _activations.get)
    g = checks.real_array(out_grad, "out_grad", ndim=2)
    if g.shape != (a.shape[0], Ws[-1].shape[0]):
        raise ValueError(f"out_grad: expected shape {(a.shape[0], Ws[-1].shape[0])} (∂L/∂a of the last layer), "
                         f"got {g.shape}")
    use_bn = checks.flag(batch_norm_layers, "batch_norm_layers")
    zs, acts, caches, normed = [], [a], [], []
    with np.errstate(all="ignore"):
        for W in Ws:
            z = a @ W.T
            zs.append(z)
            if use_bn:
                z, cache = batch_norm(z, eps=eps) if np.all(np.isfinite(z)) else (z, None)
                caches.append(cache)
            normed.append(z)
            a = f.f(z)
            acts.append(a)
        deltas = [None] * len(Ws)
        for l in range(len(Ws) - 1, -1, -1):
            d = g * f.df(normed[l])
            if use_bn and caches[l] is not None and np.all(np.isfinite(d)):
                d = batch_norm_backward(d, caches[l])[0]
            deltas[l] = d
            g = d @ Ws[l]
    return Signals(zs, acts, deltas)
