"""Backprop against central differences for every activation, loss and regularizer (chapter 2).

The analytic gradient of J = L + (λ₂/2)‖W‖² + λ₁‖W‖₁ (with a fixed dropout mask where
asked) must agree with nnbook.gradcheck's central differences to a relative error of
1e-7 or better in float64.
"""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import activations, gradcheck
from nnbook.network import MLP

REGULARIZERS = {
    "none": {},
    "l1": {"l1": 0.03},
    "l2": {"l2": 0.2},
    "dropout": {"dropout": True},
}

# loss -> the outputs it is meant for
PAIRS = [
    ("mse", "identity"), ("mse", "sigmoid"), ("mse", "softmax"),
    ("mae", "identity"), ("huber", "identity"),
    ("bce", "sigmoid"), ("bce_logits", "identity"), ("bce_logits", "sigmoid"),
    ("focal", "sigmoid"),
    ("cross_entropy", "softmax"), ("cross_entropy", "identity"), ("log_loss", "softmax"),
    ("hinge", "identity"), ("multiclass_hinge", "identity"),
]
N_OUT = {"bce": 1, "bce_logits": 1, "focal": 1, "hinge": 1}


def problem(activation, loss, output, reg, seed=0, K=1):
    rng = np.random.default_rng(seed)
    k = N_OUT.get(loss, 3 if output == "softmax" or "entropy" in loss or "multiclass" in loss else 2)
    seeds = seed if K == 1 else list(range(seed, seed + K))          # K = 1: a single network
    net = MLP([3, 4, 3, k], activation, output, loss=loss, init="xavier_normal", seed=seeds)
    params = net.params.reshape(K, -1)
    params[:, ~net.is_weight] = rng.normal(0, 0.3, size=(K, int((~net.is_weight).sum())))
    n = 5
    X = rng.normal(size=(n, 3))
    if loss in ("mse", "mae", "huber"):
        y = rng.random((n, k)) if output != "softmax" else np.eye(k)[rng.integers(0, k, n)]
    elif k == 1:
        y = rng.integers(0, 2, n)
    else:
        y = rng.integers(0, k, n)
    kwargs = {key: v for key, v in reg.items() if key != "dropout"}
    if reg.get("dropout"):
        p = 0.4
        kwargs["masks"] = [(rng.random((K, n, m)) >= p) / (1 - p) for m in (4, 3)]
    return net, X, y, kwargs


def check(net, X, y, kwargs, loss=None):
    """The worst relative error over the models of backprop against central differences of J
    (the network's head, or ``loss`` by name)."""
    _, grads = net.gradient(X, y, loss, **kwargs)
    flat, K = grads.flat.reshape(net.K, -1), net.K
    errors = []
    for k in range(K):
        def J(k=k):
            return np.reshape(net.loss(X, y, loss, **kwargs), K)[k]
        numerical = gradcheck.numerical_gradient(J, net.params).reshape(K, -1)[k]
        errors.append(gradcheck.relative_error(flat[k], numerical))
    return max(errors)


@pytest.mark.parametrize("reg", list(REGULARIZERS))
@pytest.mark.parametrize("loss, output", [("mse", "identity"), ("bce", "sigmoid"), ("cross_entropy", "softmax")])
@pytest.mark.parametrize("activation", activations.names())
def test_every_activation(activation, loss, output, reg):
    net, X, y, kwargs = problem(activation, loss, output, REGULARIZERS[reg])
    assert check(net, X, y, kwargs) <= 1e-7


@pytest.mark.parametrize("reg", list(REGULARIZERS))
@pytest.mark.parametrize("loss, output", PAIRS)
def test_every_loss_with_its_output(loss, output, reg):
    net, X, y, kwargs = problem("tanh", loss, output, REGULARIZERS[reg], seed=1)
    assert net.loss_name == loss
    assert check(net, X, y, kwargs) <= 1e-7


@pytest.mark.parametrize("loss, output", [("mse", "sigmoid"), ("bce_logits", "sigmoid"), ("log_loss", "softmax")])
def test_a_loss_named_in_the_call_is_checked_too(loss, output):
    """``net.gradient(X, y, loss)`` on a network with another head computes with that loss."""
    net, X, y, kwargs = problem("tanh", loss, output, {}, seed=3, K=2)
    other = MLP(net.sizes, "tanh", output, init="zeros", seed=[0, 1])    # the canonical head
    other.params = net.params
    assert other.loss_name != loss
    assert check(other, X, y, kwargs, loss=loss) <= 1e-7
    assert np.array_equal(other.gradient(X, y, loss)[1].flat, net.gradient(X, y)[1].flat)


def test_lockstep_models_with_their_own_penalties():
    net, X, y, _ = problem("softplus", "bce", "sigmoid", {}, seed=2, K=3)
    kwargs = {"l2": np.array([0.0, 0.1, 0.5]), "l1": np.array([0.02, 0.0, 0.01])}
    assert check(net, X, y, kwargs) <= 1e-7


def test_parameterized_activation_uses_the_table():
    net = MLP([3, 4, 2], activations.get("leaky_relu", slope=0.2), "identity", init="he_normal", seed=0)
    assert net.hidden[0].params == {"slope": 0.2}
    X = np.random.default_rng(0).normal(size=(5, 3))
    y = np.random.default_rng(1).random((5, 2))
    assert check(net, X, y, {}) <= 1e-7
    X_neg = -np.abs(X)                                   # z < 0 somewhere: the slope is 0.2, not 0.01
    W1 = net.weights[0]
    z = X_neg @ W1.T + net.biases[0]
    assert np.any(z < 0)
    _, cache = net.forward_cache(X_neg)
    np.testing.assert_allclose(cache.a[1][0], np.where(z >= 0, z, 0.2 * z), rtol=1e-14, atol=1e-16)
