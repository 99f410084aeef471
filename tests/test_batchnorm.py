"""Tests for nnbook.batchnorm: Qiu's Alg. 5.2 forward, its backward pass by central differences, inference."""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import gradcheck
from nnbook.batchnorm import EPS, BatchNormCache, batch_norm, batch_norm_backward, batch_norm_inference

RNG = np.random.default_rng(0)
X = RNG.normal(3.0, 2.5, (16, 5))


def test_forward_standardizes_each_column_then_scales_and_shifts():
    y, cache = batch_norm(X)
    assert np.allclose(y.mean(axis=0), 0, atol=1e-12) and np.allclose(y.var(axis=0), X.var(axis=0) / (X.var(axis=0) + EPS))
    assert np.allclose(cache.mean, X.mean(axis=0)) and np.allclose(cache.var, X.var(axis=0))     # biased, 1/m
    gamma, beta = np.arange(1.0, 6.0), np.linspace(-1, 1, 5)
    y2, _ = batch_norm(X, gamma, beta)
    assert np.allclose(y2, gamma * y + beta)


def test_gamma_the_standard_deviation_and_beta_the_mean_give_the_input_back():
    """Qiu's identity (his "γ = √σ[x]" is the standard deviation √Var, with ε inside)."""
    y, _ = batch_norm(X, np.sqrt(X.var(axis=0) + EPS), X.mean(axis=0))
    assert np.allclose(y, X, atol=1e-12)


@pytest.mark.parametrize("gamma", [1.0, np.array([0.5, 2.0, -1.0, 3.0, 1.5])])
def test_backward_matches_central_differences(gamma):
    G = RNG.standard_normal(X.shape)
    beta = np.array([0.1, -0.2, 0.3, 0.0, 1.0])
    x, g, b = X.copy(), np.array(np.broadcast_to(gamma, (5,)), dtype=float), beta.copy()
    loss = lambda: float(np.sum(G * batch_norm(x, g, b)[0]))                       # noqa: E731
    dx, dgamma, dbeta = batch_norm_backward(G, batch_norm(x, g, b)[1])
    for analytic, variable in ((dx, x), (dgamma, g), (dbeta, b)):
        assert gradcheck.check_gradient(loss, analytic, variable) < 1e-7


def test_inference_uses_the_population_statistics_for_any_batch():
    mean, var = X.mean(axis=0), X.var(axis=0)
    one = batch_norm_inference(X[:1], mean, var)
    assert np.allclose(one, batch_norm(X)[0][:1])
    assert np.allclose(batch_norm_inference(X, mean, var, 2.0, 1.0), 2.0 * batch_norm(X)[0] + 1.0)


@pytest.mark.parametrize("call, exc, match", [
    (lambda: batch_norm(X[:1]), ValueError, "x: expected a mini-batch of at least 2 rows"),
    (lambda: batch_norm(X[0]), ValueError, "x"),
    (lambda: batch_norm(X, gamma=[1.0, 2.0]), ValueError, "gamma"),
    (lambda: batch_norm(X, beta="a"), TypeError, "beta"),
    (lambda: batch_norm(X, eps=0), ValueError, "eps"),
    (lambda: batch_norm_backward(X, "cache"), TypeError, "cache"),
    (lambda: batch_norm_backward(X[:3], batch_norm(X)[1]), ValueError, "dy"),
    (lambda: batch_norm_inference(X, X.mean(axis=0), -np.ones(5)), ValueError, "var"),
    (lambda: batch_norm_inference(X, [0.0], np.ones(5)), ValueError, "mean"),
])
def test_bad_input_names_the_argument(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_cache_is_what_backward_needs():
    _, cache = batch_norm(X)
    assert isinstance(cache, BatchNormCache) and cache.x_hat.shape == X.shape and cache.std.shape == (5,)
