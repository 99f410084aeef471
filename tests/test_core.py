"""The engine (nnbook.engine via nnbook.MLP) equals the readable core (nnbook.core) (chapter 2).

The core computes one sample at a time, with vectors and 1-based layer lists, as the chapter
writes it; the engine computes batches and models at once with the bias trick.  On every
hidden activation and every output/loss pair make_head accepts, the two give the same
gradient and the same epoch of per-sample SGD to ~1e-12 relative (in practice to a few ulps:
matmul with the bias column sums in another order than W a + b, so most results are not
bit-identical; test_bit_identity_is_reported counts them).
"""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import MLP, activations, core, losses, train
from nnbook.heads import OUTPUTS, make_head

RTOL = 1e-12


def valid_pairs():
    pairs = []
    for output in OUTPUTS:
        for loss in losses.names():
            try:
                make_head(output, loss)
            except ValueError:
                continue
            pairs.append((output, loss))
    return pairs


PAIRS = valid_pairs()


def n_out(output, loss):
    return 3 if output == "softmax" or loss in ("cross_entropy", "multiclass_hinge", "log_loss") else 1


def problem(activation, output, loss, n=9, seed=0):
    rng = np.random.default_rng(seed)
    k = n_out(output, loss)
    net = MLP([3, 5, 4, k], activation, output, loss=loss, init="xavier_normal", seed=seed + 1)
    net.params[~net.is_weight] = rng.normal(0, 0.3, size=int((~net.is_weight).sum()))
    X = rng.normal(size=(n, 3))
    if loss in ("mse", "mae", "huber") and output == "identity":
        y = rng.normal(size=(n, k)) if k > 1 else rng.normal(size=n)
    elif k == 1:
        y = rng.integers(0, 2, n)
    else:
        y = rng.integers(0, k, n)
    return net, X, y


def relative(a, b):
    """max |a − b| / max |b| (0 for two zero arrays)."""
    scale = np.max(np.abs(b))
    return 0.0 if scale == 0 and np.max(np.abs(a)) == 0 else float(np.max(np.abs(a - b)) / scale)


def test_the_pairs_cover_every_output_and_loss():
    assert {o for o, _ in PAIRS} == set(OUTPUTS)
    assert {l for _, l in PAIRS} == set(losses.names())
    assert ("identity", "hinge") in PAIRS and ("sigmoid", "focal") in PAIRS and ("softmax", "mse") in PAIRS
    assert len(PAIRS) >= 15


def test_layers_are_one_based_copies():
    net = MLP([2, 3, 1], "tanh", "sigmoid", seed=0)
    W, b, f, df = core.layers(net)
    assert W[0] is None and b[0] is None and f[0] is None and df[0] is None and len(W) == 3
    assert np.array_equal(W[1], net.weights[0]) and not np.shares_memory(W[1], net.params)
    assert f[1] is activations.get("tanh").f and df[1] is activations.get("tanh").df and df[2] is None
    assert np.array_equal(f[2](np.array([0.0, 1.0])), activations.sigmoid(np.array([0.0, 1.0])))


@pytest.mark.parametrize("output, loss", PAIRS)
@pytest.mark.parametrize("activation", activations.names())
def test_gradient_equals_the_core(activation, output, loss):
    net, X, y = problem(activation, output, loss)
    Y = net.targets(y, len(X))
    _, g = net.gradient(X, y)
    gW, gb = core.gradient(*core.layers(net), net.head, X, Y)
    for l in range(net.n_layers):
        assert relative(g.weights[l], gW[l + 1]) <= RTOL, (l, "W")
        assert relative(g.biases[l], gb[l + 1]) <= RTOL, (l, "b")


@pytest.mark.parametrize("output, loss", PAIRS)
@pytest.mark.parametrize("activation", activations.names())
def test_one_epoch_of_per_sample_sgd_equals_the_core(activation, output, loss):
    net, X, y = problem(activation, output, loss, n=12, seed=2)
    Y = net.targets(y, len(X))
    W, b, f, df = core.layers(net)
    eta, seed = 0.05, 11
    # the trainer's first epoch visits the samples in np.random.default_rng(seed).permutation(n)
    core.sgd_epoch(W, b, f, df, net.head, X, Y, eta, np.random.default_rng(seed).permutation(len(X)))
    hist = train(net, X, y, epochs=1, batch_size=1, lr=eta, seed=seed)
    assert hist.steps == len(X)
    for l in range(net.n_layers):
        assert relative(net.weights[l], W[l + 1]) <= RTOL, (l, "W")
        assert relative(net.biases[l], b[l + 1]) <= RTOL, (l, "b")


def test_the_order_is_the_trainers_first_permutation():
    """Another order gives other weights: the agreement above is not a coincidence of the order."""
    net, X, y = problem("tanh", "sigmoid", "bce", n=12, seed=2)
    Y = net.targets(y, len(X))
    W, b, f, df = core.layers(net)
    core.sgd_epoch(W, b, f, df, net.head, X, Y, 0.5, np.random.default_rng(12).permutation(len(X)))
    train(net, X, y, epochs=1, batch_size=1, lr=0.5, seed=11)
    assert relative(net.weights[0], W[1]) > 1e-6


def test_bit_identity_is_reported():
    """How many of the comparisons above are bit-identical (they need not be: the engine's
    [a 1]·[W | b]ᵀ adds the bias inside the dot product, the core's W a + b after it)."""
    same_grad = same_sgd = total = 0
    for activation in activations.names():
        for output, loss in PAIRS:
            total += 1
            net, X, y = problem(activation, output, loss)
            _, g = net.gradient(X, y)
            gW, gb = core.gradient(*core.layers(net), net.head, X, net.targets(y, len(X)))
            same_grad += all(np.array_equal(g.weights[l], gW[l + 1]) and np.array_equal(g.biases[l], gb[l + 1])
                             for l in range(net.n_layers))
            net, X, y = problem(activation, output, loss, n=12, seed=2)
            W, b, f, df = core.layers(net)
            core.sgd_epoch(W, b, f, df, net.head, X, net.targets(y, len(X)), 0.05,
                           np.random.default_rng(11).permutation(len(X)))
            train(net, X, y, epochs=1, batch_size=1, lr=0.05, seed=11)
            same_sgd += all(np.array_equal(net.weights[l], W[l + 1]) and np.array_equal(net.biases[l], b[l + 1])
                            for l in range(net.n_layers))
    print(f"\nbit-identical: gradients {same_grad}/{total}, SGD epochs {same_sgd}/{total}")
    assert total == len(activations.names()) * len(PAIRS)
    assert same_grad < total                                       # documented: not bit-identical in general


@pytest.mark.parametrize("act", [activations.get("leaky_relu", slope=0.2), activations.get("elu", alpha=0.3)],
                         ids=["leaky_relu-0.2", "elu-0.3"])
def test_layers_keep_a_parameterized_activation(act):
    """core.layers takes the network's own activations (net.hidden), parameters included."""
    net = MLP([3, 5, 1], act, "sigmoid", init="xavier_normal", seed=0)
    X = -np.abs(np.random.default_rng(0).normal(size=(9, 3)))       # negative net inputs: the parameter counts
    y = np.arange(9) % 2
    W, b, f, df = core.layers(net)
    z, a = core.forward(X[0], W, b, f)
    assert np.any(z[1] < 0)
    _, cache = net.forward_cache(X[:1])
    assert relative(cache.a[1][0, 0], a[1]) <= RTOL
    _, g = net.gradient(X, y)
    gW, _ = core.gradient(W, b, f, df, net.head, X, net.targets(y, 9))
    assert relative(g.weights[0], gW[1]) <= RTOL
    default = activations.get(act.name)                              # the bare name would differ
    assert not np.allclose(default.f(z[1]), act.f(z[1]))
