"""Feedforward networks: the forward pass in matrix form (chapter 0) and the MLP (chapter 2).

Conventions (ENGINE.md): a layer computes z = W a + b with W of shape
(n_out, n_in); data sit in rows, so a batch A of shape (n, n_in) gives
Z = A Wᵀ + b of shape (n, n_out).
"""
from __future__ import annotations

import numpy as np

from nnbook import activations as _activations

__all__ = ["count_parameters", "forward"]


def _check_sizes(sizes):
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(f"sizes: expected at least an input and an output size, got {sizes!r}")
    for n in sizes:
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"sizes: expected positive integers, got {sizes!r}")
    return [int(n) for n in sizes]


def count_parameters(sizes) -> int:
    """Number of weights and biases of a fully connected network with layer ``sizes``.

    Σ_l (n_{l-1}·n_l + n_l) (chapter 0, "Counting parameters"):
    ``count_parameters([2, 3, 2, 1]) == 20`` (Kneusel 2021, ch. 9).
    """
    sizes = _check_sizes(sizes)
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def forward(x, weights, biases, activations, *, return_all=False):
    """The forward pass: a⁽⁰⁾ = x, z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = f_l(z⁽ˡ⁾) (chapter 0).

    ``x`` is one sample of shape (n_in,) or a batch of shape (n, n_in);
    ``weights[l]`` has shape (n_out, n_in), ``biases[l]`` shape (n_out,);
    ``activations`` is one name (used for every layer) or one name or
    :class:`~nnbook.activations.Activation` per layer.  Returns the output
    a⁽ᴸ⁾, or with ``return_all=True`` the lists ``(zs, activations)`` with
    a⁽⁰⁾ = x first.
    """
    a = np.asarray(x, dtype=float)
    if a.ndim not in (1, 2):
        raise ValueError(f"x: expected shape (n_in,) or (n, n_in), got shape {a.shape}")
    if not np.all(np.isfinite(a)):
        raise ValueError("x: contains NaN or infinity")
    weights, biases = list(weights), list(biases)
    if len(weights) != len(biases) or not weights:
        raise ValueError(f"weights, biases: expected equally many (≥ 1), got {len(weights)} and {len(biases)}")
    if isinstance(activations, (str, _activations.Activation)):
        activations = [activations] * len(weights)
    activations = [_activations.get(f) for f in activations]
    if len(activations) != len(weights):
        raise ValueError(f"activations: expected {len(weights)} (one per layer), got {len(activations)}")
    zs, outs = [], [a]
    for l, (W, b, f) in enumerate(zip(weights, biases, activations), start=1):
        W, b = np.asarray(W, dtype=float), np.asarray(b, dtype=float)
        if W.ndim != 2 or W.shape[1] != a.shape[-1]:
            raise ValueError(f"weights[{l - 1}]: expected shape (n_out, {a.shape[-1]}), got {W.shape}")
        if b.shape != (W.shape[0],):
            raise ValueError(f"biases[{l - 1}]: expected shape ({W.shape[0]},), got {b.shape}")
        z = a @ W.T + b
        a = f.f(z)
        zs.append(z)
        outs.append(a)
    return (zs, outs) if return_all else a
