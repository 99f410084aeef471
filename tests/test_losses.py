"""Tests for nnbook.losses: the sources' worked numbers, gradients, stability, bad input."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from nnbook import gradcheck, losses
from nnbook.losses import LOSSES

SCORES = np.array([[9.99, 10.0, 0.01, -10.0]])      # Chaudhury's cat/dog/airplane/car scores


# --- worked numbers from the sources ------------------------------------------------------

def test_kneusel_cross_entropy_example():
    # Kneusel ch. 9: output (0.03, 0.87, 0.10), label (0, 1, 0) -> 0.139262 (= -ln 0.87)
    p, y = np.array([[0.03, 0.87, 0.10]]), np.array([[0.0, 1.0, 0.0]])
    assert losses.cross_entropy(np.log(p), y) == pytest.approx(0.139262, abs=5e-7)
    assert losses.log_loss(p, y) == pytest.approx(0.139262, abs=5e-7)


def test_chaudhury_softmax_numbers():
    # T7: softmax([9.99, 10, 0.01, -10]) = [0.497489, 0.502488, 2.30422e-5, 1.03571e-9]
    s = losses.softmax(SCORES[0])
    np.testing.assert_allclose(s, [0.497489, 0.502488, 2.30422e-5, 1.03571e-9], rtol=2e-5)
    np.testing.assert_allclose(np.round(s[:2], 3), [0.497, 0.502])


def test_chaudhury_softmax_cross_entropy():
    # T8/T9: softmax-CE of the same scores, GT dog (1) 0.688183, GT cat (0) 0.698183
    assert losses.cross_entropy(SCORES, [[0, 1, 0, 0]]) == pytest.approx(0.688183, abs=1e-6)
    assert losses.cross_entropy(SCORES, [[1, 0, 0, 0]]) == pytest.approx(0.698183, abs=1e-6)


def test_chaudhury_listing_cross_entropy_and_bce():
    # T2: CE([0.8, 0.15, 0.04, 0.01], cat) = 0.22314; T3: uniform -> ln 4; T4: BCE(0.8, 1) = 0.22314
    assert losses.log_loss([[0.8, 0.15, 0.04, 0.01]], [[1, 0, 0, 0]]) == pytest.approx(0.2231435, abs=1e-7)
    assert losses.log_loss([[0.25] * 4], [[1, 0, 0, 0]]) == pytest.approx(np.log(4))
    assert losses.bce([[0.8]], [[1.0]]) == pytest.approx(0.2231435, abs=1e-7)


def test_bce_minimum_is_entropy_not_zero():
    # T5/T6: BCE at y = p = 0.25 is H(0.25) = 0.56234 nats; zero only at y = p = 1
    assert losses.bce([[0.25]], [[0.25]]) == pytest.approx(0.562335, abs=1e-6)
    assert losses.bce([[1.0]], [[1.0]]) == pytest.approx(0.0, abs=1e-12)
    assert losses.bce_grad([[0.25]], [[0.25]])[0, 0] == pytest.approx(0.0)


@pytest.mark.parametrize("gamma, expected, tol", [(0, 0.2231, 5e-5), (1, 0.0446, 5e-5), (2, 0.0089, 5e-5),
                                                  (0.5, 0.09979, 5e-6), (5, 7.14e-5, 5e-8)])
def test_chaudhury_focal_numbers(gamma, expected, tol):
    # T11: y = 0.8 for the true class 1, printed to 4 decimals (gamma 0.5 and 5 derived in the notes)
    assert losses.focal([[0.8]], [[1.0]], gamma=gamma) == pytest.approx(expected, abs=tol)


def test_focal_gamma_zero_is_bce():
    # T12: gamma = 0 gives BCE for every probability and label
    rng = np.random.default_rng(1)
    p = rng.uniform(0.01, 0.99, (7, 3))
    y = rng.integers(0, 2, (7, 3)).astype(float)
    assert losses.focal(p, y, gamma=0) == pytest.approx(losses.bce(p, y))
    np.testing.assert_allclose(losses.focal_grad(p, y, gamma=0), losses.bce_grad(p, y))


@pytest.mark.parametrize("c, expected", [(1, 0.99), (0, 1.01), (2, 21.97), (3, 53.0)])
def test_chaudhury_multiclass_hinge(c, expected):
    # T13 with margin 1
    assert losses.multiclass_hinge(SCORES, losses.one_hot([c], 4)) == pytest.approx(expected)


def test_multiclass_hinge_margin_and_lazy_case():
    assert losses.multiclass_hinge(SCORES, [[0, 1, 0, 0]], margin=0) == pytest.approx(0.0)
    assert losses.multiclass_hinge(SCORES, [[1, 0, 0, 0]], margin=0) == pytest.approx(0.01)
    good = np.array([[2.0, 10.0, 0.01, -10.0]])
    assert losses.multiclass_hinge(good, [[0, 1, 0, 0]]) == 0.0
    assert np.all(losses.multiclass_hinge_grad(good, [[0, 1, 0, 0]]) == 0.0)


def test_mse_convention_against_glassner_and_chaudhury():
    # mse carries the 1/2: Glassner's fixture (outputs (-0.5, 1.5), target (1, 0)) has E = 4.5 = 2 n mse
    out, y = np.array([[-0.5, 1.5]]), np.array([[1.0, 0.0]])
    assert losses.mse(out, y) == pytest.approx(2.25)
    assert 2 * losses.mse(out, y) == pytest.approx(4.5)
    # Glassner's output deltas without the 1/2 are (-3, +3) = 2 * mse_grad
    np.testing.assert_allclose(2 * losses.mse_grad(out, y), [[-3.0, 3.0]])
    # Chaudhury T1: sum of squares 11.8442 (one sample, five outputs)
    pred = np.array([[-0.10, -0.24, 1.43, -0.14, -0.59]])
    gt = np.array([[0.59, -1.92, -1.27, -0.40, 0.50]])
    assert 2 * losses.mse(pred, gt) == pytest.approx(11.8442, abs=1e-4)


def test_mse_matches_sklearn_squared_loss_for_one_output():
    from sklearn.neural_network._base import squared_loss
    rng = np.random.default_rng(0)
    out, y = rng.normal(size=(9, 1)), rng.normal(size=(9, 1))
    assert losses.mse(out, y) == pytest.approx(squared_loss(y, out))
    out3, y3 = rng.normal(size=(9, 3)), rng.normal(size=(9, 3))
    assert losses.mse(out3, y3) / 3 == pytest.approx(squared_loss(y3, out3))


def test_mae_and_huber_values():
    out, y = np.array([[0.5, -3.0], [2.0, 0.0]]), np.zeros((2, 2))
    assert losses.mae(out, y) == pytest.approx((0.5 + 3 + 2) / 2)
    # huber delta 1: 0.125, 1*(3 - 0.5) = 2.5, 1.5, 0 -> mean over 2 samples
    assert losses.huber(out, y) == pytest.approx((0.125 + 2.5 + 1.5) / 2)
    # small errors: huber = mse
    small = np.array([[0.1, -0.2]])
    assert losses.huber(small, np.zeros((1, 2)), delta=1.0) == pytest.approx(losses.mse(small, np.zeros((1, 2))))
    np.testing.assert_allclose(losses.huber_grad(out, y, delta=1.0), [[0.25, -0.5], [0.5, 0.0]])
    np.testing.assert_allclose(losses.mae_grad(out, y), [[0.5, -0.5], [0.5, 0.0]])


def test_binary_hinge():
    out, y = np.array([[2.0], [0.5], [-1.0]]), np.array([[1.0], [1.0], [1.0]])
    assert losses.hinge(out, y) == pytest.approx((0 + 0.5 + 2.0) / 3)
    np.testing.assert_allclose(losses.hinge_grad(out, y), [[0.0], [-1 / 3], [-1 / 3]])
    assert losses.hinge(np.array([[-2.0]]), np.array([[-1.0]])) == 0.0


def test_bce_logits_equals_bce_of_sigmoid():
    rng = np.random.default_rng(2)
    z = rng.normal(scale=3, size=(6, 2))
    y = rng.integers(0, 2, (6, 2)).astype(float)
    p = 1 / (1 + np.exp(-z))
    assert losses.bce_logits(z, y) == pytest.approx(losses.bce(p, y))
    np.testing.assert_allclose(losses.bce_logits_grad(z, y), (p - y) / 6)


# --- shapes: leading model axes and the 1/n ----------------------------------------------

@pytest.mark.parametrize("name", list(LOSSES))
def test_model_axis_reduction(name):
    rng = np.random.default_rng(3)
    out, y = _inputs(name, rng, (4, 5, 3))          # K = 4 models, n = 5, k = 3
    entry = losses.get(name)
    value = entry.value(out, y)
    assert value.shape == (4,)
    grad = entry.grad(out, y)
    assert grad.shape == out.shape
    for k in range(4):   # each model on its own gives the same value and gradient
        assert entry.value(out[k], y) == pytest.approx(value[k])
        np.testing.assert_allclose(entry.grad(out[k], y), grad[k])


def test_cross_entropy_grad_formula_and_probability_targets():
    rng = np.random.default_rng(4)
    z = rng.normal(size=(5, 3))
    y = rng.dirichlet(np.ones(3), size=5)
    np.testing.assert_allclose(losses.cross_entropy_grad(z, y), (losses.softmax(z) - y) / 5)
    # soft-label CE = CE(one-hot) mixture
    assert losses.cross_entropy(z, y) == pytest.approx(-np.mean(np.sum(y * losses.log_softmax(z), axis=1)))


# --- softmax properties (hypothesis) -----------------------------------------------------

finite = st.floats(-50, 50, allow_nan=False, allow_infinity=False)


@given(hnp.arrays(float, st.tuples(st.integers(1, 4), st.integers(1, 6)), elements=finite), finite)
def test_softmax_sums_to_one_and_is_shift_invariant(z, c):
    s = losses.softmax(z)
    np.testing.assert_allclose(s.sum(axis=-1), 1.0, rtol=1e-12)
    assert np.all(s >= 0)
    np.testing.assert_allclose(losses.softmax(z + c), s, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(np.exp(losses.log_softmax(z)), s, rtol=1e-9, atol=1e-300)


def test_softmax_axis_and_scalar():
    z = np.array([[1.0, 2.0], [3.0, 5.0]])
    np.testing.assert_allclose(losses.softmax(z, axis=0).sum(axis=0), 1.0)
    with pytest.raises(ValueError, match="z"):
        losses.softmax(3.0)
    with pytest.raises(ValueError, match="z"):
        losses.log_softmax(3.0)


# --- gradients equal central differences on random inputs (hypothesis) -----------------------

def _inputs(name, rng, shape):
    n, k = shape[-2], shape[-1]
    if name in ("bce", "focal", "log_loss"):
        out = rng.uniform(0.05, 0.95, shape)
    else:
        out = rng.normal(scale=2, size=shape)
    if name == "focal":                                   # hard labels only
        y = rng.integers(0, 2, (n, k)).astype(float)
    elif name in ("bce", "bce_logits"):
        y = rng.uniform(0, 1, (n, k))
    elif name == "log_loss":
        y = rng.dirichlet(np.ones(k), size=n)
    elif name == "hinge":
        y = rng.choice([-1.0, 1.0], (n, k))
    elif name in ("cross_entropy",):
        y = rng.dirichlet(np.ones(k), size=n)
    elif name == "multiclass_hinge":
        y = losses.one_hot(rng.integers(0, k, n), k)
    else:
        y = rng.normal(size=(n, k))
    return out, y


KINKED = {"mae", "huber", "hinge", "multiclass_hinge"}


@pytest.mark.parametrize("name", list(LOSSES))
@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 4), k=st.integers(2, 4))
def test_gradient_matches_central_differences(name, seed, n, k):
    rng = np.random.default_rng(seed)
    out, y = _inputs(name, rng, (n, k))
    entry = losses.get(name)
    if name in KINKED:
        # keep away from the kinks, where the derivative is a one-sided choice
        for _ in range(20):
            if name == "mae":
                gap = np.abs(out - y)
            elif name == "huber":
                gap = np.minimum(np.abs(out - y), np.abs(np.abs(out - y) - 1.0))
            elif name == "hinge":
                gap = np.abs(1 - y * out)
            else:
                zc = np.sum(y * out, axis=-1, keepdims=True)
                gap = np.where(y == 0, np.abs(out - zc + 1), 1.0)
            if gap.min() > 1e-3:
                break
            out = out + rng.normal(scale=0.1, size=out.shape)
        else:
            return
    x = out.copy()
    numeric = gradcheck.numerical_gradient(lambda: entry.value(x, y), x)
    assert gradcheck.relative_error(entry.grad(out, y), numeric) < 1e-6


# --- stability --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["bce_logits", "cross_entropy", "hinge", "multiclass_hinge", "mse", "huber"])
def test_logits_up_to_1e4_are_finite_and_warning_free(name):
    out = np.array([[1e4, -1e4, 0.0], [-1e4, 1e4, 3.0], [1e4, 1e4, -1e4]])
    y = {"hinge": np.array([[1.0, -1, 1], [-1, 1, 1], [1, -1, 1]]),
         "bce_logits": np.array([[0.0, 1, 1], [1, 0, 0], [1, 1, 0]])}.get(name, losses.one_hot([1, 0, 2], 3))
    value = losses.get(name).value(out, y)
    grad = losses.get(name).grad(out, y)
    assert np.isfinite(value) and np.all(np.isfinite(grad))


def test_extreme_logit_values_are_right():
    # confidently wrong by 1e4: the loss is about 1e4 (not inf); confidently right: about 0
    assert losses.bce_logits([[1e4]], [[0.0]]) == pytest.approx(1e4)
    assert losses.bce_logits([[1e4]], [[1.0]]) == pytest.approx(0.0, abs=1e-12)
    assert losses.cross_entropy([[1e4, -1e4]], [[0.0, 1.0]]) == pytest.approx(2e4)
    np.testing.assert_allclose(losses.cross_entropy_grad([[1e4, -1e4]], [[0.0, 1.0]]), [[1.0, -1.0]])


def test_saturated_probabilities_are_clipped():
    assert np.isfinite(losses.bce([[1.0, 0.0]], [[0.0, 1.0]]))
    assert np.all(np.isfinite(losses.bce_grad([[1.0, 0.0]], [[0.0, 1.0]])))
    assert np.isfinite(losses.focal([[0.0]], [[1.0]], gamma=0.5))
    assert np.all(np.isfinite(losses.focal_grad([[1.0]], [[1.0]], gamma=0.5)))
    assert np.isfinite(losses.log_loss([[0.0, 1.0]], [[1.0, 0.0]]))


def test_diverged_model_gives_non_finite_loss_silently():
    # a NaN/inf output is not an input error: it marks a diverged model (warnings are errors here)
    out = np.zeros((3, 2, 2))
    out[1, 0, 0] = np.nan
    out[2, 1, 0] = np.inf                       # a wrong class scored +inf
    y = losses.one_hot([0, 1], 2)
    for name in ("mse", "cross_entropy", "bce_logits", "multiclass_hinge"):
        value = losses.get(name).value(out, y)
        assert np.isfinite(value[0]) and not np.isfinite(value[1]) and not np.isfinite(value[2])
        losses.get(name).grad(out, y)


# --- the table and get --------------------------------------------------------------------------

def test_table_and_get():
    assert losses.names() == list(LOSSES)
    assert {"mse", "mae", "huber", "bce", "bce_logits", "cross_entropy", "focal", "hinge",
            "multiclass_hinge"} <= set(LOSSES)
    focal1 = losses.get("focal", gamma=1)
    assert focal1([[0.8]], [[1.0]]) == pytest.approx(0.0446, abs=5e-5)
    assert focal1.params == {"gamma": 1}
    assert losses.get(focal1) is focal1
    assert losses.get("mse") is LOSSES["mse"]
    for entry in LOSSES.values():
        assert entry.formula and entry.value.__doc__ and entry.grad.__doc__


@pytest.mark.parametrize("call, match", [
    (lambda: losses.get("nope"), "name"),
    (lambda: losses.get(3), "name"),
    (lambda: losses.get("focal", alpha=1), "params"),
    (lambda: losses.get("huber", delta=0), "delta"),
    (lambda: losses.get("huber", delta=float("nan")), "delta"),
    (lambda: losses.get("focal", gamma="a"), "gamma"),
    (lambda: losses.get(LOSSES["mse"], delta=1), "params"),
])
def test_get_bad_input(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()


@pytest.mark.parametrize("name", list(LOSSES))
def test_bad_shapes_and_targets(name):
    entry = losses.get(name)
    rng = np.random.default_rng(0)
    out, y = _inputs(name, rng, (3, 2))
    with pytest.raises(ValueError, match="out"):
        entry.value(out[0], y)                     # 1-D out
    with pytest.raises(ValueError, match="out"):
        entry.grad(out[:0], y[:0])                 # no samples
    with pytest.raises(ValueError, match="y"):
        entry.value(out, y[:2])                    # wrong number of samples
    with pytest.raises(ValueError, match="y"):
        entry.grad(out, y[:, 0])                   # 1-D y would broadcast wrongly
    bad = y.copy()
    bad[0, 0] = np.nan
    with pytest.raises(ValueError, match="y"):
        entry.value(out, bad)
    with pytest.raises(TypeError, match="out"):
        entry.value("abc", y)
    with pytest.raises(TypeError, match="y"):
        entry.grad(out, object())


@pytest.mark.parametrize("call, match", [
    (lambda: losses.bce([[1.5]], [[1.0]]), "out.*logits"),
    (lambda: losses.bce([[0.5]], [[2.0]]), "y"),
    (lambda: losses.focal([[-0.1]], [[1.0]]), "out"),
    (lambda: losses.focal([[0.5]], [[1.0]], gamma=-1), "gamma"),
    (lambda: losses.hinge([[0.5]], [[0.0]]), "y"),
    (lambda: losses.hinge_grad([[0.5]], [[0.0]]), "y"),
    (lambda: losses.cross_entropy([[0.5, 1]], [[1.0, 1.0]]), "y"),
    (lambda: losses.multiclass_hinge([[0.5, 1]], [[0.5, 0.5]]), "y"),
    (lambda: losses.log_loss([[2.0, 1]], [[1.0, 0.0]]), "out"),
    (lambda: losses.one_hot([0, 3], 3), "labels"),
    (lambda: losses.one_hot([0.5], 3), "labels"),
    (lambda: losses.one_hot([0], 0), "k"),
    (lambda: losses.mse([[1.0]], [[1.0]], ), None),
])
def test_specific_bad_input(call, match):
    if match is None:
        call()
        return
    with pytest.raises((ValueError, TypeError), match=match):
        call()


def test_one_hot():
    np.testing.assert_array_equal(losses.one_hot([2, 0], 3), [[0, 0, 1], [1, 0, 0]])
    assert losses.one_hot(np.array([], dtype=int), 2).shape == (0, 2)


def test_focal_refuses_soft_labels():
    """With y = 0.3, γ = 0 would not give BCE (0.7765 against 0.7947): soft labels are refused."""
    for f in (losses.focal, losses.focal_grad):
        with pytest.raises(ValueError, match="y: focal needs hard labels"):
            f(np.array([[0.6]]), np.array([[0.3]]), gamma=0.0)
    assert np.isclose(losses.focal(np.array([[0.6]]), np.array([[1.0]]), gamma=0.0),
                      losses.bce(np.array([[0.6]]), np.array([[1.0]])))


# --- robustness (issue 8) -------------------------------------------------------------------

def test_non_numbers_are_refused_not_turned_into_nan():
    """[[None]] became NaN and [["0.5"]] became 0.5."""
    for name in ("mse", "bce_logits", "hinge"):
        entry = LOSSES[name]
        for bad in ([[None]], [["0.5"]], [[1 + 2j]]):
            with pytest.raises(TypeError, match="^out: expected an array of numbers"):
                entry.value(bad, [[1.0]])
            with pytest.raises(TypeError, match="^y: expected an array of numbers"):
                entry.grad([[0.5]], bad)
    assert losses.mse(np.array([[np.inf]]), [[1.0]]) == np.inf            # a diverged model is still allowed
    assert losses.bce_logits([[0.5]], np.array([[True]])) > 0              # boolean targets are numbers


def test_softmax_checks_its_axis_and_needs_a_score():
    z = np.array([[1.0, 2.0]])
    for axis, exc in ((2, ValueError), (-3, ValueError), (None, TypeError), (1.0, TypeError), (True, TypeError)):
        with pytest.raises(exc, match="^axis: expected an integer"):
            losses.softmax(z, axis=axis)
    for f in (losses.softmax, losses.log_softmax):
        with pytest.raises(ValueError, match=r"z: expected at least one score"):
            f([])
        with pytest.raises(TypeError, match=r"z: expected an array of numbers"):
            f([1.0, None])
    np.testing.assert_allclose(losses.softmax(z, axis=np.int64(0)), [[1.0, 1.0]])


def test_one_hot_refuses_huge_k_and_params_take_numpy_scalars():
    with pytest.raises(ValueError, match=r"k: this asks for 2,000,000,000,000 elements"):
        losses.one_hot([0, 1], 10**12)
    assert losses.get("focal", gamma=np.float32(1.0)).params == {"gamma": np.float32(1.0)}
    with pytest.raises(ValueError, match="delta: expected a finite number"):
        losses.huber([[0.5]], [[1.0]], delta=10**400)
    with pytest.raises(TypeError, match="value: expected a function"):
        losses.Loss("x", None, losses.mse_grad)
