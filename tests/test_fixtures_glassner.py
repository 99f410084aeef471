"""Glassner's backprop numbers (Glassner 2021, ch. 14; fixture of the source notes §4.3) (chapter 2).

The 2-2-2 network: linear neurons without biases, input X = Y = 1, label (1, 0),
weights XA = 1.5, YA = 0.5, XB = 0.5, YB = 0.5, AC = 0.25, BC = −1, AD = 0.5, BD = 0.5,
error E = (P1 − L1)² + (P2 − L2)² (no ½, as in his figures) = 2·n·mse.
Deltas are ∂E/∂(·): the book's printed "label − output" has the wrong sign for the
update w ← w − η·a·δ (notes §5.6, item 1); δ = output − label is right.
"""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import gradcheck
from nnbook.network import MLP

W1 = np.array([[1.5, 0.5],     # A ← (X, Y)
               [0.5, 0.5]])    # B ← (X, Y)
W2 = np.array([[0.25, -1.0],   # C ← (A, B)
               [0.5, 0.5]])    # D ← (A, B)
X = np.array([[1.0, 1.0]])
LABEL = np.array([[1.0, 0.0]])


def fixture():
    return MLP.from_weights([W1, W2], activation="identity", output="identity")


def E(net):
    """Glassner's error without the ½: 2·n·mse, n = 1 (the network's head: identity + mse)."""
    return 2 * net.loss(X, LABEL)


def test_forward_pass_and_error():
    net = fixture()
    assert net.head.mode == "direct" and net.loss_name == "mse"
    out, cache = net.forward_cache(X)
    np.testing.assert_allclose(cache.a[1][0, 0], [2.0, 1.0])       # Ao, Bo (the cache keeps K = 1)
    np.testing.assert_allclose(out[0], [-0.5, 1.5])                # Co = P1, Do = P2
    assert E(net) == pytest.approx(4.5)


def test_deltas_and_weight_gradients():
    net = fixture()
    out, cache = net.forward_cache(X)
    grads = net.backward(cache, dout=2 * (out - LABEL))            # δ = ∂E/∂output = 2(o − L)
    C_delta, D_delta = grads.deltas[1][0]
    A_delta, B_delta = grads.deltas[0][0]
    assert (C_delta, D_delta) == (-3.0, 3.0)
    assert A_delta == pytest.approx(0.75) and B_delta == pytest.approx(4.5)
    # Aδ = AC·Cδ + AD·Dδ, Bδ = BC·Cδ + BD·Dδ: the weights carry the deltas backward
    assert A_delta == pytest.approx(W2[0, 0] * C_delta + W2[1, 0] * D_delta)
    assert B_delta == pytest.approx(W2[0, 1] * C_delta + W2[1, 1] * D_delta)
    np.testing.assert_allclose(grads.weights[1], [[-6, -3], [6, 3]])   # ∂E/∂AC = Ao·Cδ …
    np.testing.assert_allclose(grads.weights[0], [[0.75, 0.75], [4.5, 4.5]])
    # the same numbers from net.gradient (mse has the ½: half of Glassner's)
    _, g = net.gradient(X, LABEL)
    np.testing.assert_allclose(2 * g.flat, grads.flat)
    numerical = gradcheck.numerical_gradient(lambda: E(net), net.params)
    assert gradcheck.relative_error(grads.flat, numerical) < 1e-9


def weight_gradient():
    net = fixture()
    _, g = net.gradient(X, LABEL)
    return net, 2 * g.flat * net.is_weight                       # the fixture has no biases


def E_after_step(eta):
    net, g = weight_gradient()
    net.params -= eta * g
    return E(net)


@pytest.mark.parametrize("eta, expected", [
    (0.01, 3.299037), (0.02, 2.316324), (0.05, 0.500583), (0.08, 0.037660), (0.10, 0.279731),
    (0.12, 0.836250), (0.15, 2.051395), (0.20, 4.418325), (0.25, 6.372070), (0.30, 7.292981),
])
def test_one_step_eta_sweep(eta, expected):
    assert E_after_step(eta) == pytest.approx(expected, abs=5e-7)


def test_new_weights_and_outputs_after_one_step_of_eta_001():
    net, g = weight_gradient()
    net.params -= 0.01 * g
    np.testing.assert_allclose(net.weights[0], [[1.4925, 0.4925], [0.455, 0.455]])
    np.testing.assert_allclose(net.weights[1], [[0.31, -0.97], [0.44, 0.47]])
    np.testing.assert_allclose(net.forward(X)[0], [-0.26735, 1.3011])


def test_first_order_prediction_and_overshoot():
    _, g = weight_gradient()
    assert np.sum(g * g) == pytest.approx(131.625)
    assert 4.5 - 0.01 * np.sum(g * g) == pytest.approx(3.18375)    # the linear prediction at η = 0.01
    assert 4.5 - 0.05 * np.sum(g * g) < 0 < E_after_step(0.05)    # η = 0.05: prediction −2.08 is impossible
    # the best single step is near η = 0.08; beyond η ≈ 0.2018 a step makes things worse
    etas = np.linspace(0.01, 0.3, 291)
    errors = np.array([E_after_step(e) for e in etas])
    assert abs(etas[np.argmin(errors)] - 0.08) <= 0.005
    lo, hi = 0.15, 0.25                                          # bisect E(η) = 4.5
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if E_after_step(mid) < 4.5 else (lo, mid)
    assert 0.2017 < lo < 0.2018


def test_the_sign_of_the_output_delta():
    """δ = o − L descends; the book's printed δ = L − o with w ← w − ηaδ climbs."""
    net = fixture()
    out, cache = net.forward_cache(X)
    right = net.backward(cache, dout=2 * (out - LABEL)).flat * net.is_weight
    wrong = net.backward(cache, dout=2 * (LABEL - out)).flat * net.is_weight
    down, up = fixture(), fixture()
    down.params -= 0.01 * right
    up.params -= 0.01 * wrong
    assert E(down) < 4.5 < E(up)
    # Glassner's Fig. 14-12 examples for label 1: Co = 2 → δ = +1, Co = 5 → δ = +4 (½ convention)
    single = MLP.from_weights([[[1.0]]], activation="identity", output="identity")
    for co, delta in ((1.0, 0.0), (2.0, 1.0), (5.0, 4.0)):
        _, cache = single.forward_cache([[co]])
        assert single.output_delta(cache, [[1.0]])[0, 0] == delta
        assert single.output_delta(cache, [[1.0]], "mse")[0, 0] == delta


def test_delta_predicts_the_error_change_to_first_order():
    """Perturb Ao by m: ΔE ≈ m·Aδ = 0.075 for m = 0.1, while the true change is 0.078125."""
    net = fixture()

    def E_with_A_shift(m):
        a = np.array([2.0 + m, 1.0])
        out = W2 @ a
        return np.sum((out - LABEL[0]) ** 2)

    assert E_with_A_shift(0.1) - 4.5 == pytest.approx(0.078125)
    assert E_with_A_shift(0.01) - 4.5 == pytest.approx(0.007531, abs=5e-7)
    assert E(net) == pytest.approx(E_with_A_shift(0.0))
