"""Tests for nnbook.init: scikit-learn's Glorot bound, moments of every scheme, bad input."""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import init
from nnbook.init import INITS

SHAPE = (3, 200, 300)          # 3 models, n_out = 200, n_in = 300: 180,000 draws
FAN_IN, FAN_OUT = 300, 200


def _moments(name, **params):
    """(expected mean, expected variance) of each scheme for SHAPE."""
    table = {
        "zeros": (0.0, 0.0),
        "constant": (params.get("value", 0.1), 0.0),
        "small_uniform": (0.005, 0.01 ** 2 / 12),
        "small_normal": (0.0, 0.01 ** 2),
        "normal": (0.0, params.get("std", 0.05) ** 2),
        "large_normal": (0.0, 1.0),
        "glorot_uniform": (0.0, 6.0 / (FAN_IN + FAN_OUT) / 3),
        "xavier_normal": (0.0, 2.0 / (FAN_IN + FAN_OUT)),
        "he_normal": (0.0, 2.0 / FAN_IN),
        "he_uniform": (0.0, 2.0 / FAN_IN),
        "lecun_normal": (0.0, 1.0 / FAN_IN),
    }
    return table[name]


@pytest.mark.parametrize("name", list(INITS))
def test_mean_and_variance_within_sampling_error(name):
    w = init.get(name)(SHAPE, np.random.default_rng(0))
    assert w.shape == SHAPE and w.dtype == np.float64
    mean, var = _moments(name)
    n = w.size
    if var == 0:
        assert np.all(w == mean)
        return
    # 5-sigma bounds: the sample mean has sd sqrt(var/n); the sample variance has
    # sd sqrt((mu4 - var^2)/n), mu4 <= 3 var^2 for the normal and uniform laws
    assert abs(w.mean() - mean) < 5 * np.sqrt(var / n)
    assert abs(w.var() - var) < 5 * np.sqrt(2 * var ** 2 / n)


def test_glassner_normal_is_a_standard_deviation():
    # Glassner's N(0, 0.05) = Keras RandomNormal(stddev=0.05): std 0.05, variance 0.0025
    w = init.get("normal", std=0.05)((400, 500), np.random.default_rng(1))
    assert w.std() == pytest.approx(0.05, rel=0.01)
    assert init.get("normal").params == {"std": 0.05}


@pytest.mark.parametrize("activation, A", [("logistic", 2.0), ("sigmoid", 2.0), ("relu", 6.0),
                                           ("tanh", 6.0), ("identity", 6.0)])
@pytest.mark.parametrize("fan_in, fan_out", [(2, 3), (3, 2), (2, 1), (784, 100), (100, 50)])
def test_glorot_bound_matches_sklearn(activation, A, fan_in, fan_out):
    from sklearn.neural_network import MLPClassifier
    r = init.glorot_bound(fan_in, fan_out, activation)
    assert r == pytest.approx(np.sqrt(A / (fan_in + fan_out)))
    clf = MLPClassifier(activation="logistic" if activation == "sigmoid" else activation)
    clf._random_state = np.random.RandomState(0)
    coef, intercept = clf._init_coef(fan_in, fan_out, np.float64)
    # sklearn stores W^T (fan_in, fan_out); its draws stay inside our bound and reach close to it
    assert coef.shape == (fan_in, fan_out)
    assert np.abs(coef).max() <= r and np.abs(intercept).max() <= r
    w = init.glorot_uniform((fan_out, fan_in), np.random.default_rng(0), activation=activation)
    assert np.abs(w).max() <= r
    if fan_in * fan_out >= 5000:
        assert np.abs(coef).max() > 0.99 * r and np.abs(w).max() > 0.99 * r


def test_glorot_bounds_from_kneusel_table():
    # Kneusel notes §4.7
    assert init.glorot_bound(2, 3, "sigmoid") == pytest.approx(0.63246, abs=1e-5)
    assert init.glorot_bound(2, 3) == pytest.approx(1.09545, abs=1e-5)
    assert init.glorot_bound(784, 100, "logistic") == pytest.approx(0.04757, abs=1e-5)
    assert init.glorot_bound(100, 50) == pytest.approx(0.2, abs=1e-12)


def test_fans_follow_shape_convention():
    assert init.fans((5, 4, 3)) == (3, 4)     # (..., n_out, n_in)
    w = init.he_uniform((1, 10000, 8), np.random.default_rng(0))
    assert np.abs(w).max() <= np.sqrt(6 / 8)
    assert np.abs(w).max() > 0.99 * np.sqrt(6 / 8)


def test_seeded_and_independent_of_global_state():
    a = init.get("he_normal")((4, 5), np.random.default_rng(7))
    np.random.seed(1)
    b = init.get("he_normal")((4, 5), np.random.default_rng(7))
    np.testing.assert_array_equal(a, b)


def test_small_uniform_is_positive_and_zero_based():
    w = init.small_uniform((50, 50), np.random.default_rng(0))
    assert w.min() >= 0 and w.max() < 0.01
    w2 = init.get("small_uniform", scale=1.0)((50, 50), np.random.default_rng(0))
    np.testing.assert_allclose(w2 * 0.01, w)


def test_zeros_and_constant_accept_any_shape_and_no_rng():
    assert init.zeros(5).shape == (5,)
    np.testing.assert_array_equal(init.get("constant", value=0.3)((2, 2)), np.full((2, 2), 0.3))


def test_table_and_get():
    assert init.names() == list(INITS)
    assert {"zeros", "constant", "small_uniform", "small_normal", "normal", "glorot_uniform",
            "xavier_normal", "he_normal", "he_uniform", "lecun_normal", "large_normal"} <= set(INITS)
    g = init.get("glorot_uniform", activation="logistic")
    assert init.get(g) is g
    assert init.get("he_normal") is INITS["he_normal"]
    for entry in INITS.values():
        assert entry.formula and entry.fn.__doc__


@pytest.mark.parametrize("call, exc, match", [
    (lambda: init.get("xavier"), ValueError, "name"),
    (lambda: init.get(None), TypeError, "name"),
    (lambda: init.get("normal", sigma=1), ValueError, "params"),
    (lambda: init.get("normal", std=0), ValueError, "std"),
    (lambda: init.get("normal", std=-1), ValueError, "std"),
    (lambda: init.get("normal", std="big"), TypeError, "std"),
    (lambda: init.get("small_uniform", scale=float("inf")), ValueError, "scale"),
    (lambda: init.get("constant", value=float("nan")), ValueError, "value"),
    (lambda: init.get("constant", value="x"), TypeError, "value"),
    (lambda: init.get("glorot_uniform", activation=3), TypeError, "activation"),
    (lambda: init.get(INITS["normal"], std=1), ValueError, "params"),
    (lambda: init.he_normal((5,), np.random.default_rng(0)), ValueError, "shape"),
    (lambda: init.he_normal((5, 0), np.random.default_rng(0)), ValueError, "shape"),
    (lambda: init.he_normal((5, 2.5), np.random.default_rng(0)), ValueError, "shape"),
    (lambda: init.he_normal(None, np.random.default_rng(0)), TypeError, "shape"),
    (lambda: init.zeros(()), ValueError, "shape"),
    (lambda: init.he_normal((5, 3), 42), TypeError, "rng"),
    (lambda: init.normal((5, 3), np.random.RandomState(0)), TypeError, "rng"),
    (lambda: init.glorot_bound(0, 3), ValueError, "fan_in"),
    (lambda: init.glorot_bound(3, True), ValueError, "fan_out"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


# --- robustness (issue 8) -------------------------------------------------------------------

@pytest.mark.parametrize("activation", ["nope", "Relu", "softmax", "", "sigmoidd"])
def test_glorot_refuses_unknown_activation_names(activation):
    """An unknown name silently used A = 6; now it is an error listing the names."""
    with pytest.raises(ValueError, match=r"activation: unknown activation .*logistic, identity"):
        init.glorot_uniform((3, 2), np.random.default_rng(0), activation=activation)
    with pytest.raises(ValueError, match=r"activation: unknown activation"):
        init.glorot_bound(2, 3, activation)
    with pytest.raises(ValueError, match=r"activation"):
        init.get("glorot_uniform", activation=activation)


def test_glorot_accepts_sklearn_and_nnbook_names():
    from nnbook.activations import ACTIVATIONS
    for name in ("identity", "logistic", "tanh", "relu", *ACTIVATIONS):
        A = 2.0 if name in ("logistic", "sigmoid") else 6.0
        assert init.glorot_bound(2, 3, name) == pytest.approx(np.sqrt(A / 5))


def test_huge_shapes_are_refused_before_allocating():
    with pytest.raises(ValueError, match=r"shape: this asks for 1,000,000,000,000 elements; the limit is 100,000,000"):
        init.zeros((10**6, 10**6))
    with pytest.raises(ValueError, match=r"shape: this asks for"):
        init.he_normal((10**5, 10**5), np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"std: expected a finite number"):
        init.normal((2, 2), np.random.default_rng(0), std=10**400)
    assert init.normal((2, 2), np.random.default_rng(0), std=np.float32(0.05)).shape == (2, 2)
    with pytest.raises(ValueError, match=r"std: expected a number > 0 and ≤ 1e\+300"):
        init.normal((2, 2), np.random.default_rng(0), std=1e308)          # std·ε would overflow


def test_sklearn_init_is_mlpclassifiers_first_weights():
    """scikit-learn draws coefs_ and intercepts_ layer by layer from RandomState(random_state)."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    X, y = np.random.default_rng(0).standard_normal((20, 4)), np.arange(20) % 3
    for activation in ("logistic", "relu"):
        clf = MLPClassifier((5, 2), activation=activation, solver="sgd", learning_rate_init=1e-300, momentum=0,
                            alpha=0, max_iter=1, random_state=7)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)          # one epoch of a step of 1e-300: on purpose
            clf.fit(X, y)
        weights, biases = init.sklearn_init([4, 5, 2, 3], activation, random_state=7)
        assert all(np.array_equal(W, c.T) for W, c in zip(weights, clf.coefs_))
        assert all(np.array_equal(b, i) for b, i in zip(biases, clf.intercepts_))


def test_glorot_gain_scales_the_bound():
    a = init.glorot_uniform((30, 20), np.random.default_rng(0), activation="tanh")
    b = init.glorot_uniform((30, 20), np.random.default_rng(0), activation="tanh", gain=4.0)
    assert np.allclose(4 * a, b) and np.abs(b).max() <= 4 * np.sqrt(6 / 50)
    with pytest.raises(ValueError, match="gain"):
        init.glorot_uniform((3, 2), np.random.default_rng(0), gain=0)
    with pytest.raises(ValueError, match="sizes"):
        init.sklearn_init([3])
    with pytest.raises(TypeError, match="sizes"):
        init.sklearn_init(3)
