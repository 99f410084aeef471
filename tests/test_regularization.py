"""Tests for nnbook.regularization: penalties, weight decay = L2 under SGD, dropout, early stopping."""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import gradcheck, regularization as reg
from nnbook.optim import SGD


def test_l2_penalty_has_the_half_and_sums_lists():
    w = [np.array([[1.0, -2.0]]), np.array([3.0])]
    assert reg.l2_penalty(w, 0.1) == pytest.approx(0.05 * (1 + 4 + 9))
    grads = reg.l2_grad(w, 0.1)
    np.testing.assert_allclose(grads[0], [[0.1, -0.2]])
    np.testing.assert_allclose(grads[1], [0.3])
    np.testing.assert_allclose(reg.l2_grad(np.array([2.0]), 0.5), [1.0])


def test_l1_penalty_and_sign_gradient():
    w = np.array([-2.0, 0.0, 0.5])
    assert reg.l1_penalty(w, 0.1) == pytest.approx(0.25)
    np.testing.assert_allclose(reg.l1_grad(w, 0.1), [-0.1, 0.0, 0.1])
    assert isinstance(reg.l1_grad([w], 1.0), list)


@pytest.mark.parametrize("penalty, grad", [(reg.l2_penalty, reg.l2_grad), (reg.l1_penalty, reg.l1_grad)])
def test_penalty_gradients_match_central_differences(penalty, grad):
    rng = np.random.default_rng(0)
    w = rng.normal(size=(3, 4))
    w[np.abs(w) < 0.01] = 0.5                       # keep L1 off its kink
    numeric = gradcheck.numerical_gradient(lambda: penalty(w, 0.3), w)
    assert gradcheck.relative_error(grad(w, 0.3), numeric) < 1e-8


def test_per_model_penalties_with_per_model_lambda():
    rng = np.random.default_rng(1)
    W1, W2 = rng.normal(size=(3, 4, 2)), rng.normal(size=(3, 1, 4))
    lam = np.array([0.0, 0.1, 1.0])[:, None, None]
    per = reg.l2_penalty([W1, W2], lam, per_model=True)
    assert per.shape == (3,)
    for k in range(3):
        assert per[k] == pytest.approx(reg.l2_penalty([W1[k], W2[k]], float(lam[k, 0, 0])))
    l1 = reg.l1_penalty([W1, W2], 0.5, per_model=True)
    assert l1.sum() == pytest.approx(reg.l1_penalty([W1, W2], 0.5))
    with pytest.raises(ValueError, match="weights"):
        reg.l2_penalty([W1, np.ones((2, 2))], 0.1, per_model=True)


def test_weight_decay_equals_l2_term_under_sgd():
    rng = np.random.default_rng(2)
    w, g = rng.normal(size=(2, 5)), rng.normal(size=(2, 5))
    lam, lr = 0.01, 0.2                           # Chaudhury Listing 9.13: decay factor 0.998
    a = w.copy()
    SGD(lr).step(a, g + reg.l2_grad(a, lam))      # SGD on L0 + (lam/2) sum w^2
    b = w.copy()
    reg.weight_decay(b, lam, lr)                  # w <- (1 - lr lam) w
    SGD(lr).step(b, g)                            # then the data step
    np.testing.assert_allclose(a, b, rtol=1e-14)
    c = np.ones(3)
    reg.weight_decay(c, lam, lr)
    np.testing.assert_allclose(c, 0.998)


def test_weight_decay_lists_and_per_model_rates():
    ws = [np.ones((2, 3)), np.ones((2, 1))]
    out = reg.weight_decay(ws, np.array([[0.1], [0.5]]), 1.0)
    assert out is ws
    np.testing.assert_allclose(ws[0], [[0.9] * 3, [0.5] * 3])
    with pytest.raises(ValueError, match="lr, lam"):
        reg.weight_decay(np.ones(2), 2.0, 1.0)
    with pytest.raises(TypeError, match=r"params\[1\]"):
        reg.weight_decay([np.ones(2), [1.0]], 0.1, 0.1)
    with pytest.raises(TypeError, match="params"):
        reg.weight_decay(np.ones(2, dtype=int), 0.1, 0.1)
    with pytest.raises(ValueError, match="params"):
        reg.weight_decay([], 0.1, 0.1)
    with pytest.raises(ValueError, match="lr"):
        reg.weight_decay(np.ones(2), 0.1, -0.1)


def test_dropout_mask_values_and_rate():
    rng = np.random.default_rng(3)
    m = reg.dropout_mask((200, 500), 0.2, rng)
    assert set(np.unique(m)) == {0.0, 1.25}               # inverted: 1/(1 - 0.2)
    n = m.size
    dropped = np.mean(m == 0)
    assert abs(dropped - 0.2) < 5 * np.sqrt(0.2 * 0.8 / n)
    assert abs(m.mean() - 1.0) < 5 * np.sqrt(0.25 / n) * 1.25 * 2   # E[m] = 1
    np.testing.assert_array_equal(reg.dropout_mask((3, 4), 0.0, rng), np.ones((3, 4)))
    np.testing.assert_array_equal(reg.dropout_mask(5, 0.5, rng) % 2.0, 0.0)


def test_dropout_mask_per_model_p_and_seeding():
    p = np.array([[0.0], [0.5], [0.9]])
    m = reg.dropout_mask((3, 10000), p, np.random.default_rng(0))
    assert np.all(m[0] == 1.0)
    assert abs(np.mean(m[2] == 0) - 0.9) < 0.02
    np.testing.assert_allclose(np.unique(m[2]), [0.0, 10.0])
    a = reg.dropout_mask((4, 4), 0.5, np.random.default_rng(7))
    b = reg.dropout_mask((4, 4), 0.5, np.random.default_rng(7))
    np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("call, exc, match", [
    (lambda: reg.dropout_mask((2, 2), 1.0, np.random.default_rng(0)), ValueError, "p"),
    (lambda: reg.dropout_mask((2, 2), -0.1, np.random.default_rng(0)), ValueError, "p"),
    (lambda: reg.dropout_mask((2, 2), float("nan"), np.random.default_rng(0)), ValueError, "p"),
    (lambda: reg.dropout_mask((2, 2), True, np.random.default_rng(0)), TypeError, "p"),
    (lambda: reg.dropout_mask((2, 2), "half", np.random.default_rng(0)), TypeError, "p"),
    (lambda: reg.dropout_mask((2, 2), np.array([0.1, 0.2, 0.3]), np.random.default_rng(0)), ValueError, "p"),
    (lambda: reg.dropout_mask((2, 2), 0.5, 0), TypeError, "rng"),
    (lambda: reg.dropout_mask((2, -1), 0.5, np.random.default_rng(0)), ValueError, "shape"),
    (lambda: reg.dropout_mask("ab", 0.5, np.random.default_rng(0)), TypeError, "shape"),
    (lambda: reg.l2_penalty([np.array([np.nan])], 0.1), ValueError, r"weights\[0\]"),
    (lambda: reg.l2_penalty(np.array([1.0]), -0.1), ValueError, "lam"),
    (lambda: reg.l2_penalty(np.array([1.0]), True), TypeError, "lam"),
    (lambda: reg.l2_penalty(np.array([1.0]), "x"), TypeError, "lam"),
    (lambda: reg.l1_grad([], 0.1), ValueError, "weights"),
    (lambda: reg.l1_penalty(object(), 0.1), TypeError, "weights"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


# --- early stopping ------------------------------------------------------------------------------

def test_early_stopping_keeps_best_params_and_stops_after_patience():
    es = reg.EarlyStopping(patience=2)
    w = np.array([0.0])
    stops = []
    for epoch, loss in enumerate([1.0, 0.5, 0.6, 0.4, 0.45, 0.41]):
        w[0] = epoch
        stops.append(es.update(loss, w))
    assert stops == [False, False, False, False, False, True]
    assert es.best_epoch == 3 and es.best_loss == 0.4
    np.testing.assert_array_equal(es.best_params, [3.0])
    assert es.best_params is not w                 # a copy, not a view
    es.restore(w)
    assert w[0] == 3.0
    assert es.stopped is True and es.wait == 2


def test_early_stopping_min_delta_nan_and_explicit_epoch():
    es = reg.EarlyStopping(patience=3, min_delta=0.1)
    w = [np.zeros(2), np.zeros(1)]
    es.update(1.0, w, epoch=5)
    es.update(0.95, w, epoch=6)                     # not better by min_delta
    assert es.best_epoch == 5 and es.wait == 1
    es.update(float("nan"), w, epoch=7)
    assert es.wait == 2
    assert es.update(0.92, w, epoch=8) is True
    assert isinstance(es.best_params, list) and len(es.best_params) == 2
    es.reset()
    assert es.best_params is None and es.stopped is None


def test_early_stopping_per_model():
    es = reg.EarlyStopping(patience=1)
    params = np.array([[1.0, 1.0], [2.0, 2.0]])
    es.update(np.array([1.0, 1.0]), params)
    params[:] = [[10.0, 10.0], [20.0, 20.0]]
    assert es.update(np.array([0.5, 2.0]), params) is False     # model 1 ran out, model 0 improved
    np.testing.assert_array_equal(es.stopped, [False, True])
    np.testing.assert_array_equal(es.best_epoch, [1, 0])
    np.testing.assert_array_equal(es.best_params, [[10.0, 10.0], [2.0, 2.0]])
    assert es.update(np.array([0.7, 3.0]), params) is True


@pytest.mark.parametrize("call, exc, match", [
    (lambda: reg.EarlyStopping(patience=0), ValueError, "patience"),
    (lambda: reg.EarlyStopping(min_delta=-1), ValueError, "min_delta"),
    (lambda: reg.EarlyStopping(min_delta="a"), TypeError, "min_delta"),
    (lambda: reg.EarlyStopping().update("bad", np.ones(2)), TypeError, "val_loss"),
    (lambda: reg.EarlyStopping().update(np.ones((2, 2)), np.ones(2)), ValueError, "val_loss"),
    (lambda: reg.EarlyStopping().update(1.0, [1.0, 2.0]), TypeError, r"params\[0\]"),
    (lambda: reg.EarlyStopping().update(1.0, []), ValueError, "params"),
    (lambda: reg.EarlyStopping().update(1.0, np.ones(2), epoch=-1), ValueError, "epoch"),
    (lambda: reg.EarlyStopping().update(np.ones(3), np.ones((2, 2))), ValueError, "params"),
    (lambda: reg.EarlyStopping().restore(np.ones(2)), ValueError, "params"),
])
def test_early_stopping_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_early_stopping_shape_changes_are_refused():
    es = reg.EarlyStopping()
    es.update(1.0, np.ones(2))
    with pytest.raises(ValueError, match="val_loss"):
        es.update(np.ones(2), np.ones((2, 2)))
    with pytest.raises(ValueError, match="params"):
        es.update(1.0, np.ones(3))
    with pytest.raises(ValueError, match="params"):
        es.restore(np.ones(3))
    with pytest.raises(ValueError, match="params"):
        es.restore([np.ones(2), np.ones(2)])


# --- robustness (issue 8) -------------------------------------------------------------------

@pytest.mark.parametrize("shape", [(2.5, 3), (2, 3.0), (True, 2), (np.float64(2.0), 3), ([2], 3)])
def test_dropout_mask_refuses_non_integer_dims(shape):
    """(2.5, 3) was truncated to (2, 3)."""
    with pytest.raises(ValueError, match=r"shape: expected a tuple of integers ≥ 0"):
        reg.dropout_mask(shape, 0.5, np.random.default_rng(0))
    assert reg.dropout_mask((np.int64(2), 0), 0.5, np.random.default_rng(0)).shape == (2, 0)


def test_dropout_mask_refuses_huge_shapes():
    with pytest.raises(ValueError, match=r"shape: this asks for 1,000,000,000,000 elements"):
        reg.dropout_mask((10**6, 10**6), 0.5, np.random.default_rng(0))


def test_penalty_overflow_is_an_error_not_inf_and_a_warning():
    with pytest.raises(ValueError, match=r"weights, lam: the L2 penalty overflows float64"):
        reg.l2_penalty(np.array([1e200]), 0.1)
    with pytest.raises(ValueError, match="lr, lam"):
        reg.weight_decay(np.ones(2), 1e308, 1e308)
    with pytest.raises(TypeError, match="per_model"):
        reg.l1_penalty(np.ones(2), 0.1, per_model="yes")


def test_non_numbers_and_read_only_arrays_are_refused():
    for bad in (None, "1.0", True, [1.0, None]):
        with pytest.raises(TypeError, match="val_loss"):
            reg.EarlyStopping().update(bad, np.ones(2))
    assert reg.EarlyStopping().update(np.nan, np.ones(2)) is False         # a diverged epoch is allowed
    frozen = np.ones(2)
    frozen.flags.writeable = False
    with pytest.raises(ValueError, match="params: the array is read-only"):
        reg.weight_decay(frozen, 0.1, 0.1)
    es = reg.EarlyStopping()
    es.update(1.0, np.ones(2))
    with pytest.raises(ValueError, match="params: the array is read-only"):
        es.restore(frozen)
    with pytest.raises(TypeError, match=r"weights\[1\]: expected an array of numbers"):
        reg.l2_grad([np.ones(2), ["a"]], 0.1)
