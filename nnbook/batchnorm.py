"""Batch normalization (chapter 4, "Batch normalization"; Qiu Alg. 5.2, Ioffe & Szegedy 2015).

For a mini-batch of m rows x⁽ⁱ⁾ and each feature k (a column):

    μ_k  = (1/m) Σᵢ x⁽ⁱ⁾_k                       the mini-batch mean
    σ²_k = (1/m) Σᵢ (x⁽ⁱ⁾_k − μ_k)²              its variance (biased, 1/m)
    x̂⁽ⁱ⁾_k = (x⁽ⁱ⁾_k − μ_k) / √(σ²_k + ε)        normalized
    y⁽ⁱ⁾_k = γ_k x̂⁽ⁱ⁾_k + β_k                     scaled and shifted (per feature)

With γ_k = √(σ²_k + ε) (a standard deviation: Qiu's "γ = √σ[x]" means √Var) and β_k = μ_k the
layer gives back its input.  :func:`batch_norm` returns y and a cache; :func:`batch_norm_backward`
takes ∂L/∂y and the cache and returns ∂L/∂x, ∂L/∂γ and ∂L/∂β:

    g = ∂L/∂y,  ∂L/∂x̂ = γ g,
    ∂L/∂x = (m ∂L/∂x̂ − Σⱼ ∂L/∂x̂ⱼ − x̂ Σⱼ ∂L/∂x̂ⱼ x̂ⱼ) / (m √(σ² + ε)),
    ∂L/∂γ = Σᵢ gᵢ x̂ᵢ,  ∂L/∂β = Σᵢ gᵢ.

At inference the population mean and variance (:func:`batch_norm_inference`) replace the
mini-batch's.  ε (``eps``) is 1e-5 by default, as in PyTorch and Keras.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnbook import checks

__all__ = ["BatchNormCache", "batch_norm", "batch_norm_backward", "batch_norm_inference", "EPS"]

#: the default ε under the square root
EPS = 1e-5


def _batch(x, name="x"):
    x = checks.real_array(x, name, ndim=2)
    if x.shape[0] < 2:
        raise ValueError(f"{name}: expected a mini-batch of at least 2 rows (a variance needs two), got shape "
                         f"{x.shape}")
    return x


def _per_feature(value, k, name):
    v = checks.real_array(value, name, ndim=(0, 1))
    v = np.broadcast_to(v, (k,)) if v.ndim == 0 else v
    if v.shape != (k,):
        raise ValueError(f"{name}: expected one number or one per feature ({k}), got shape {v.shape}")
    return np.array(v, dtype=float)


def _eps(eps):
    return checks.number(eps, "eps", 0.0, 1.0, low_open=True)


@dataclass(frozen=True)
class BatchNormCache:
    """What :func:`batch_norm_backward` needs from the forward pass (chapter 4): x̂, γ, √(σ² + ε), μ, σ²."""

    x_hat: np.ndarray
    gamma: np.ndarray
    std: np.ndarray
    mean: np.ndarray
    var: np.ndarray


def batch_norm(x, gamma=1.0, beta=0.0, eps=EPS):
    """y = γ (x − μ_B) / √(σ²_B + ε) + β per column, with the mini-batch's μ_B and σ²_B (chapter 4; Qiu Alg. 5.2).

    ``x`` is (m, K): m samples in rows, K features; ``gamma`` and ``beta`` one number or K.
    Returns (y, cache); the cache holds μ_B and σ²_B (``cache.mean``, ``cache.var``).
    """
    x = _batch(x)
    k = x.shape[1]
    gamma, beta, eps = _per_feature(gamma, k, "gamma"), _per_feature(beta, k, "beta"), _eps(eps)
    mean = x.mean(axis=0)
    var = ((x - mean) ** 2).mean(axis=0)
    std = np.sqrt(var + eps)
    x_hat = (x - mean) / std
    return gamma * x_hat + beta, BatchNormCache(x_hat, gamma, std, mean, var)


def batch_norm_backward(dy, cache):
    """(∂L/∂x, ∂L/∂γ, ∂L/∂β) from ∂L/∂y and :func:`batch_norm`'s cache (chapter 4).

    ∂L/∂x = (m ∂L/∂x̂ − Σ ∂L/∂x̂ − x̂ Σ ∂L/∂x̂ ⊙ x̂) / (m √(σ² + ε)), with ∂L/∂x̂ = γ ∂L/∂y:
    the mean and the variance of the batch depend on every x, hence the two sums.
    """
    if not isinstance(cache, BatchNormCache):
        raise TypeError(f"cache: expected the BatchNormCache of batch_norm, got {type(cache).__name__}")
    dy = checks.real_array(dy, "dy", ndim=2)
    if dy.shape != cache.x_hat.shape:
        raise ValueError(f"dy: expected the shape of the forward pass's x {cache.x_hat.shape}, got {dy.shape}")
    m = dy.shape[0]
    dx_hat = cache.gamma * dy
    dx = (m * dx_hat - dx_hat.sum(axis=0) - cache.x_hat * (dx_hat * cache.x_hat).sum(axis=0)) / (m * cache.std)
    return dx, (dy * cache.x_hat).sum(axis=0), dy.sum(axis=0)


def batch_norm_inference(x, mean, var, gamma=1.0, beta=0.0, eps=EPS):
    """y = γ (x − μ) / √(σ² + ε) + β with the population's μ and σ² (chapter 4; Qiu Alg. 5.2, inference).

    Any number of rows, even one: the statistics are fixed, not the batch's.
    """
    x = checks.real_array(x, "x", ndim=2)
    k = x.shape[1]
    mean, var = _per_feature(mean, k, "mean"), _per_feature(var, k, "var")
    if np.any(var < 0):
        raise ValueError(f"var: expected variances ≥ 0, got {var.min()!r}")
    gamma, beta, eps = _per_feature(gamma, k, "gamma"), _per_feature(beta, k, "beta"), _eps(eps)
    return gamma * (x - mean) / np.sqrt(var + eps) + beta
