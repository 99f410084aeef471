"""nnbook.network.forward and count_parameters: batch = loop over samples, shapes, errors."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnbook.activations import get
from nnbook.network import count_parameters, forward


def random_network(sizes, seed=0):
    rng = np.random.default_rng(seed)
    weights = [rng.normal(size=(n_out, n_in)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    biases = [rng.normal(size=n_out) for n_out in sizes[1:]]
    return weights, biases


def forward_one_sample_by_loops(x, weights, biases, names):
    """z_i = Σ_j W_ij a_j + b_i, a = f(z), written with explicit loops."""
    a = list(x)
    for W, b, name in zip(weights, biases, names):
        f = get(name).f
        z = [sum(W[i, j] * a[j] for j in range(len(a))) + b[i] for i in range(len(b))]
        a = [float(f(zi)) for zi in z]
    return np.array(a)


def test_forward_equals_a_loop_over_samples():
    sizes, names = [2, 3, 2, 1], ["tanh", "relu", "sigmoid"]
    weights, biases = random_network(sizes)
    X = np.random.default_rng(1).normal(size=(7, 2))
    batch = forward(X, weights, biases, names)
    looped = np.array([forward_one_sample_by_loops(x, weights, biases, names) for x in X])
    assert batch.shape == (7, 1)
    assert np.allclose(batch, looped, rtol=1e-13, atol=1e-15)
    for x, row in zip(X, batch):  # a single sample of shape (n_in,) gives shape (n_out,)
        assert np.array_equal(forward(x, weights, biases, names), row)


@settings(max_examples=30, deadline=None)
@given(sizes=st.lists(st.integers(1, 5), min_size=2, max_size=5), n=st.integers(1, 6),
       seed=st.integers(0, 2**32 - 1), name=st.sampled_from(["sigmoid", "tanh", "relu", "gelu"]))
def test_batch_rows_are_independent_samples(sizes, n, seed, name):
    weights, biases = random_network(sizes, seed)
    X = np.random.default_rng(seed).normal(size=(n, sizes[0]))
    batch = forward(X, weights, biases, name)
    assert batch.shape == (n, sizes[-1])
    for x, row in zip(X, batch):
        assert np.allclose(forward(x, weights, biases, name), row, rtol=1e-12, atol=1e-14)


def test_return_all_gives_every_layer():
    sizes = [2, 3, 2, 1]
    weights, biases = random_network(sizes)
    X = np.ones((4, 2))
    zs, outs = forward(X, weights, biases, "sigmoid", return_all=True)
    assert [z.shape for z in zs] == [(4, 3), (4, 2), (4, 1)]
    assert [a.shape for a in outs] == [(4, 2), (4, 3), (4, 2), (4, 1)]
    assert np.array_equal(outs[0], X)
    for l, (W, b) in enumerate(zip(weights, biases)):
        assert np.allclose(zs[l], outs[l] @ W.T + b)
        assert np.array_equal(outs[l + 1], get("sigmoid").f(zs[l]))
    assert np.array_equal(outs[-1], forward(X, weights, biases, "sigmoid"))


def test_activations_by_name_object_or_list():
    weights, biases = random_network([3, 4, 2])
    X = np.random.default_rng(2).normal(size=(5, 3))
    leaky = get("leaky_relu", slope=0.2)
    a = forward(X, weights, biases, [leaky, "identity"])
    h = X @ weights[0].T + biases[0]
    assert np.allclose(a, np.where(h >= 0, h, 0.2 * h) @ weights[1].T + biases[1])
    assert np.array_equal(forward(X, weights, biases, "tanh"), forward(X, weights, biases, ("tanh", "tanh")))


def test_inputs_are_not_modified():
    weights, biases = random_network([2, 2])
    X = np.array([[1.0, -1.0]])
    forward(X, weights, biases, "relu")
    assert np.array_equal(X, [[1.0, -1.0]])


def test_errors_name_the_argument():
    weights, biases = random_network([2, 3, 1])
    X = np.ones((4, 2))
    with pytest.raises(ValueError, match=r"x: expected shape \(n_in,\) or \(n, n_in\), got shape \(2, 2, 2\)"):
        forward(np.ones((2, 2, 2)), weights, biases, "relu")
    with pytest.raises(ValueError, match=r"x: contains NaN"):
        forward(np.array([[np.nan, 1.0]]), weights, biases, "relu")
    with pytest.raises(ValueError, match=r"x: contains NaN or infinity"):
        forward(np.array([np.inf, 1.0]), weights, biases, "relu")
    with pytest.raises(ValueError, match=r"weights\[0\]: expected shape \(n_out, 3\) to match x of shape \(4, 3\)"):
        forward(np.ones((4, 3)), weights, biases, "relu")
    with pytest.raises(ValueError, match=r"weights\[1\]: expected shape \(n_out, 3\)"):
        forward(X, [weights[0], np.ones((1, 2))], biases, "relu")
    with pytest.raises(ValueError, match=r"biases\[0\]: expected shape \(3,\), got \(2,\)"):
        forward(X, weights, [np.ones(2), biases[1]], "relu")
    with pytest.raises(ValueError, match=r"weights, biases: expected equally many \(≥ 1\), got 2 and 1"):
        forward(X, weights, biases[:1], "relu")
    with pytest.raises(ValueError, match=r"weights, biases: expected equally many \(≥ 1\), got 0 and 0"):
        forward(X, [], [], "relu")
    with pytest.raises(ValueError, match=r"activations: expected 2 \(one per layer\), got 3"):
        forward(X, weights, biases, ["relu", "relu", "relu"])
    with pytest.raises(ValueError, match=r"activations\[1\]: name: unknown activation 'sigmod'"):
        forward(X, weights, biases, ["relu", "sigmod"])
    with pytest.raises(TypeError, match=r"activations\[0\]: name: expected an activation name"):
        forward(X, weights, biases, [None, "relu"])
    bad = [weights[0].copy(), weights[1]]
    bad[0][0, 0] = np.nan
    with pytest.raises(ValueError, match=r"weights\[0\], biases\[0\]: contain NaN or infinity"):
        forward(X, bad, biases, "relu")


def test_count_parameters():
    assert count_parameters([2, 3, 2, 1]) == 20  # Kneusel 2021, ch. 9 (the Fig. 8-1 network)
    assert count_parameters([2, 4, 4, 1]) == 37  # Glassner 2021, ch. 14 (two moons)
    assert count_parameters([784, 30, 10]) == 23860
    assert count_parameters((np.int64(3), 1)) == 4


@given(st.lists(st.integers(1, 50), min_size=2, max_size=6))
def test_count_parameters_counts_the_arrays(sizes):
    weights, biases = random_network(sizes)
    assert count_parameters(sizes) == sum(W.size for W in weights) + sum(b.size for b in biases)


@pytest.mark.parametrize("sizes", [[], [3], [2, 0, 1], [2, -1], [2, 1.5], [2, True], ["2", 1]])
def test_count_parameters_rejects_bad_sizes(sizes):
    with pytest.raises(ValueError, match=r"sizes: expected"):
        count_parameters(sizes)
