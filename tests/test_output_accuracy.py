"""The network's output kernels against an exact reference (Python's decimal module at 60
digits): σ and softmax within a few ulps in relative terms over the whole float64 range,
with no overflow or warning, and the engine's probabilities equal to the activation table's
to the bit (chapter 0 teaches that table; chapter 2's classifier uses the engine)."""
from __future__ import annotations

import math
import warnings
from decimal import Decimal, localcontext

import numpy as np
import pytest

from nnbook import MLP, activations, engine, heads, losses

MAX_ULP = 4
# z from −745 to 745 (σ(−745) is the smallest subnormal), densest where the tails turn
Z = np.unique(np.concatenate([np.linspace(-745, 745, 14_901), np.linspace(-40, 40, 8_001),
                              np.linspace(-710, -705, 501), [-744.44, -37.0, -36.5, -30.0, -20.0, -10.0,
                                                              -1e-300, 0.0, 1e-300, 20.0, 36.8, 37.0]]))


def exact_sigmoid(z: float) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 60
        return 1 / (1 + (-Decimal(z)).exp())


def ulps(approx: float, exact: Decimal) -> float:
    """|approx − exact| in units in the last place of the exact value rounded to float64."""
    nearest = float(exact)
    unit = math.ulp(nearest) if nearest != 0 else math.ulp(0.0)
    with localcontext() as ctx:
        ctx.prec = 60
        return float(abs(Decimal(approx) - exact) / Decimal(unit))


REFERENCE = [exact_sigmoid(float(z)) for z in Z]


def worst(values) -> tuple[float, float]:
    errors = [ulps(float(v), e) for v, e in zip(values, REFERENCE)]
    i = int(np.argmax(errors))
    return errors[i], float(Z[i])


def test_the_engines_sigmoid_kernels_are_the_tables_in_place_sigmoid():
    # the output head (heads._SIGMOID) and the hidden-layer fast path use one kernel
    assert heads._SIGMOID is activations.sigmoid_into
    assert heads.make_head("sigmoid").activate_into is activations.sigmoid_into
    assert engine._forward_kernel(activations.get("sigmoid")) is activations.sigmoid_into


def test_network_sigmoid_kernel_is_accurate_on_both_tails():
    out = np.empty_like(Z)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        heads._SIGMOID(Z, out)
    error, at = worst(out)
    assert error <= MAX_ULP, f"the network's σ is {error:.3g} ulp off at z = {at}"


def test_activation_table_sigmoid_is_accurate():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = activations.ACTIVATIONS["sigmoid"].f(Z)
    error, at = worst(values)
    assert error <= MAX_ULP, f"σ is {error:.3g} ulp off at z = {at}"


def test_the_networks_probabilities_are_the_activation_tables_to_the_bit():
    net = MLP([1, 1], "relu", "sigmoid", init="zeros", seed=0)      # a⁽¹⁾ = σ(1·x + 0)
    net.weights[0][...] = 1.0
    p = net.forward(Z[:, None])
    assert np.array_equal(np.asarray(p).reshape(-1), activations.sigmoid(Z))


def test_a_confident_mistake_has_a_representable_probability():
    # z = −40: σ = 4.2e-18 exactly representable; the old (1 + tanh(z/2))/2 returned 0
    assert math.isclose(float(activations.sigmoid(-40.0)), math.exp(-40) / (1 + math.exp(-40)), rel_tol=1e-15)
    out = np.empty(1)
    heads._SIGMOID(np.array([-40.0]), out)
    assert out[0] > 0
    net = MLP([1, 1], "relu", "sigmoid", init="zeros", seed=0)
    net.weights[0][...] = 1.0
    assert net.forward([[-40.0]])[0, 0] == activations.sigmoid(-40.0) > 0


def exact_softmax(z) -> list[Decimal]:
    with localcontext() as ctx:
        ctx.prec = 60
        e = [Decimal(float(v)).exp() for v in z]
        total = sum(e)
        return [v / total for v in e]


@pytest.mark.parametrize("scale", [1.0, 30.0, 300.0])
def test_softmax_is_accurate_in_relative_terms(scale):
    rng = np.random.default_rng(0)
    for _ in range(200):
        z = rng.normal(scale=scale, size=5)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            p = losses.softmax(z)
        errors = [ulps(float(a), e) for a, e in zip(p, exact_softmax(z)) if float(e) > 0]
        assert max(errors) <= MAX_ULP, (z.tolist(), max(errors))


@pytest.mark.parametrize("loss, expected", [("log_loss", -1.0), ("focal", -1.0)])
def test_a_confident_mistake_still_teaches(loss, expected):
    """z = −40 on a label 1: p = σ(−40) = 4.2e-18.  ∂L/∂z is −(1 − p) ≈ −1 for log_loss (and
    for focal, whose (1 − p_t)^γ is then ≈ 1); clipping p at ε = 2.2e-16 made it −0."""
    net = MLP([1, 1], "relu", "sigmoid", init="zeros", seed=0)
    net.weights[0][...] = 1.0
    _, grads = net.gradient([[-40.0]], [[1.0]], loss)
    assert grads.biases[-1].reshape(-1)[0] == pytest.approx(expected, rel=1e-9)
    own = MLP([1, 1], "relu", "sigmoid", loss=loss, init="zeros", seed=0)     # the same as the head
    own.weights[0][...] = 1.0
    assert own.head.mode == "chain"
    assert own.gradient([[-40.0]], [[1.0]])[1].biases[-1][0] == grads.biases[-1][0]
