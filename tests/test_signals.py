"""Tests for nnbook.signals (activations and deltas through depth) and the init lab's Python side."""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import MLP, gradcheck, init, signals
from nnbook.widgets.init_lab import SCHEMES, InitLab, init_lab_figure, lab_normal, lab_uniform, scheme_scale

RNG = np.random.default_rng(1)


def test_deep_weights_are_the_init_schemes_draws_in_order():
    Ws = signals.deep_weights(3, 5, "he_normal", seed=4, n_in=2)
    rng = np.random.default_rng(4)
    assert [W.shape for W in Ws] == [(5, 2), (5, 5), (5, 5)]
    for W, shape in zip(Ws, [(5, 2), (5, 5), (5, 5)]):
        assert np.array_equal(W, init.he_normal(shape, rng))
    g = signals.deep_weights(2, 4, "glorot_uniform", activation="sigmoid")          # scikit-learn's A = 2
    assert np.abs(g[0]).max() <= init.glorot_bound(4, 4, "logistic")


@pytest.mark.parametrize("batch_norm", [False, True])
@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
def test_deltas_are_the_gradient_of_the_linear_loss_on_top(activation, batch_norm):
    """δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ for L = Σ G ⊙ a⁽ᴰ⁾: checked through ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ᵀ a⁽ˡ⁻¹⁾ by central differences."""
    X, G = RNG.standard_normal((8, 3)), RNG.standard_normal((8, 4))
    Ws = signals.deep_weights(3, 4, "xavier_normal", seed=2, n_in=3)
    sig = signals.propagate(X, Ws, activation, G, batch_norm_layers=batch_norm)
    for l, W in enumerate(Ws):
        loss = lambda: float(np.sum(G * signals.propagate(X, Ws, activation, G, batch_norm_layers=batch_norm).a[-1]))  # noqa: E731
        assert gradcheck.check_gradient(loss, sig.delta[l].T @ sig.a[l], W) < 1e-6


def test_without_batch_norm_the_forward_pass_is_an_mlps():
    X = RNG.standard_normal((6, 3))
    Ws = signals.deep_weights(2, 3, "he_normal", seed=0)
    net = MLP.from_weights(Ws, activation="tanh", output="identity")
    sig = signals.propagate(X, Ws, "tanh", np.ones((6, 3)))
    assert np.allclose(np.tanh(sig.z[-1]), sig.a[-1]) and np.allclose(net.trace(X).z[-1], sig.z[-1])
    assert sig.a_std.shape == sig.delta_std.shape == sig.z_std.shape == (2,)


def test_exploding_stacks_show_inf_instead_of_warning():
    X = RNG.standard_normal((4, 50))
    Ws = [np.full((50, 50), 1e30)] * 12
    with np.errstate(all="raise"):
        sig = signals.propagate(X, Ws, "identity", np.ones((4, 50)))
        assert not np.isfinite(sig.a_std[-1]) and not np.isfinite(sig.delta_std[0])
        normed = signals.propagate(X, Ws, "identity", np.ones((4, 50)), batch_norm_layers=True)
    assert np.isfinite(normed.a_std).all()                  # batch norm rescales every layer: no overflow


@pytest.mark.parametrize("call, exc, match", [
    (lambda: signals.deep_weights(0, 3, "he_normal"), ValueError, "depth"),
    (lambda: signals.deep_weights(2, 3, "nope"), ValueError, "init"),
    (lambda: signals.deep_weights(2, 3, "he_normal", activation=3), TypeError, "activation"),
    (lambda: signals.propagate(np.ones((2, 3)), [], "tanh", np.ones((2, 3))), ValueError, "weights"),
    (lambda: signals.propagate(np.ones((2, 3)), [np.ones((3, 2))], "tanh", np.ones((2, 3))), ValueError, "weights"),
    (lambda: signals.propagate(np.ones((2, 3)), [np.ones((3, 3))], "tanh", np.ones((2, 2))), ValueError, "out_grad"),
    (lambda: signals.propagate(np.ones((2, 3)), [np.ones((3, 3))], 5, np.ones((2, 3))), TypeError, "activation"),
    (lambda: signals.propagate(np.ones((2, 3)), [np.ones((3, 3))], "tanh", np.ones((2, 3)), batch_norm_layers=1),
     TypeError, "batch_norm_layers"),
])
def test_bad_input_names_the_argument(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


# --- the init lab (Python side) ---------------------------------------------------------------

def test_lab_generator_is_uniform_and_normal():
    u, z = lab_uniform(0, 0, np.arange(100_000)), lab_normal(1, 5, np.arange(100_000))
    assert 0 <= u.min() and u.max() < 1 and abs(u.mean() - 0.5) < 0.005 and abs(u.var() * 12 - 1) < 0.01
    assert abs(z.mean()) < 0.01 and abs(z.std() - 1) < 0.01
    assert not np.array_equal(lab_uniform(0, 0, np.arange(10)), lab_uniform(0, 1, np.arange(10)))


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_each_lab_scheme_has_the_variance_of_its_nnbook_scheme(scheme, activation):
    name, params = SCHEMES[scheme]["nnbook"]
    if name == "glorot_uniform" and "activation" not in params:
        params = {**params, "activation": activation}
    reference = init.get(name, **params)((100, 100), np.random.default_rng(0))
    lab = InitLab(scheme, activation, depth=3, width=100)
    weights = np.concatenate([W.ravel() for W in lab.weights()])
    assert abs(weights.mean() - reference.mean()) <= 0.03 * max(reference.std(), 1e-12) + 1e-3 * abs(reference.mean())
    assert np.isclose(weights.std(), reference.std(), rtol=0.03, atol=0)


def test_scheme_scales_are_the_bounds_and_stds_of_the_formulas():
    assert np.isclose(scheme_scale("glorot_uniform", 100, 50, "sigmoid"), init.glorot_bound(100, 50, "logistic"))
    assert np.isclose(scheme_scale("glorot_uniform", 100, 50, "tanh"), init.glorot_bound(100, 50, "tanh"))
    assert np.isclose(scheme_scale("glorot_4x", 100, 50, "sigmoid"), 4 * init.glorot_bound(100, 50, "tanh"))
    assert np.isclose(scheme_scale("he_normal", 100, 50, "relu"), np.sqrt(2 / 100))
    assert np.isclose(scheme_scale("xavier_normal", 100, 50, "relu"), np.sqrt(2 / 150))
    assert scheme_scale("keras", 100, 50, "relu") == 0.05


def test_widening_keeps_the_weights_of_the_narrower_lab():
    narrow, wide = InitLab("he_normal", width=10).weights(), InitLab("he_normal", width=20).weights()
    assert np.allclose(narrow[0] / np.sqrt(2 / 10), wide[0][:10, :10] / np.sqrt(2 / 20))


def test_lab_checks_its_settings_and_draws_a_figure():
    with pytest.raises(ValueError, match="scheme"):
        InitLab("xavier")
    with pytest.raises(ValueError, match="depth"):
        InitLab(depth=0)
    with pytest.raises(TypeError, match="batch_norm"):
        InitLab(batch_norm="yes")
    lab = InitLab()
    with pytest.raises(ValueError, match="width"):
        lab.width = 1
    assert repr(lab).startswith("InitLab(scheme='glorot_uniform', activation='tanh', depth=10")
    fig = init_lab_figure(scheme="small_normal", depth=20)
    assert len(fig.axes) == 3
    with pytest.raises(TypeError, match="lab"):
        init_lab_figure("lab")
