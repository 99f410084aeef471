"""The MLP (nnbook.network.MLP): parameters, model axis, forward, backward, checks (chapter 2)."""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import activations, engine, init, losses, network, optim
from nnbook.engine import Cache
from nnbook.heads import make_head
from nnbook.network import MLP, Penalty, count_parameters

GLASSNER = dict(sizes=[2, 4, 4, 1], activation="relu", output="sigmoid", init=("normal", {"std": 0.05}))


def glassner(seed=0, **kw):
    args = {**GLASSNER, **kw}
    return MLP(args.pop("sizes"), args.pop("activation"), args.pop("output"), seed=seed, **args)


# --- parameters --------------------------------------------------------------------------

def test_two_moons_network_has_37_parameters_28_weights():
    net = glassner()
    assert net.n_params == 37 == count_parameters([2, 4, 4, 1])
    assert net.params.shape == (37,) and net.K == 1 and net.lockstep is None
    assert net.is_weight.sum() == 28
    assert len(net.param_names()) == 37
    assert net.settings == {"seed": 0}
    assert repr(net) == "MLP(sizes=[2, 4, 4, 1], activation='relu', output='sigmoid', loss='bce', P=37)"
    assert repr(glassner(seed=[0, 1])) == ("MLP(sizes=[2, 4, 4, 1], activation='relu', output='sigmoid', "
                                           "loss='bce', K=2, P=37)")


def test_weights_and_biases_are_views_into_one_flat_buffer():
    net = glassner(seed=[1, 2, 3])
    assert [W.shape for W in net.weights] == [(3, 4, 2), (3, 4, 4), (3, 1, 4)]
    assert [b.shape for b in net.biases] == [(3, 4), (3, 4), (3, 1)]
    for arr in net.weights + net.biases:
        assert np.shares_memory(arr, net.params)
    net.params[:] = np.arange(37.0)
    # layout: per layer, row j is [W_j | b_j] (the bias trick)
    assert np.array_equal(net.weights[0][0], [[0, 1], [3, 4], [6, 7], [9, 10]])
    assert np.array_equal(net.biases[0][0], [2, 5, 8, 11])
    assert net.param_names()[:4] == ["W1[0,0]", "W1[0,1]", "b1[0]", "W1[1,0]"]
    for name, value in zip(net.param_names(), net.params[0]):
        kind, rest = name[0], name[1:]
        l, idx = int(rest.split("[")[0]), rest.split("[")[1].rstrip("]")
        arr = (net.weights if kind == "W" else net.biases)[l - 1][0]
        assert arr[tuple(int(i) for i in idx.split(","))] == value


def test_a_single_network_has_no_model_axis_and_W_b_are_gone():
    net = glassner()
    assert [W.shape for W in net.weights] == [(4, 2), (4, 4), (1, 4)]
    assert net.weights[1].shape == (4, 4) and net.biases[2].shape == (1,)
    net.weights[2][0, 0] = 7.0                                     # a view: writes reach params
    assert net.params[32] == 7.0 and net.param_names()[32] == "W3[0,0]"
    for arr in net.weights + net.biases:
        assert np.shares_memory(arr, net.params)
    for gone in ("W", "b"):
        with pytest.raises(AttributeError):
            getattr(net, gone)
        with pytest.raises(AttributeError):
            getattr(glassner(seed=[0, 1]), gone)
    X = np.zeros((5, 2))
    assert net.forward(X).shape == (5, 1) and net.predict(X).shape == (5,)
    assert isinstance(net.accuracy(X, np.zeros(5)), float)
    assert isinstance(net.loss(X, np.zeros(5)), float) and isinstance(net.penalty(l2=1.0), float)
    value, grads = net.gradient(X, np.zeros(5))
    assert isinstance(value, float) and grads.flat.shape == (37,)
    assert [g.shape for g in grads.weights] == [(4, 2), (4, 4), (1, 4)]
    assert [d.shape for d in grads.deltas] == [(5, 4), (5, 4), (5, 1)]
    many = glassner(seed=[0, 1])
    assert many.forward(X).shape == (2, 5, 1) and many.predict(X).shape == (2, 5)
    assert many.accuracy(X, np.zeros(5)).shape == (2,) and many.loss(X, np.zeros(5)).shape == (2,)
    assert many.settings is None


def test_get_set_copy_and_model_are_independent():
    net = glassner(seed=[4, 5])
    p = net.get_params()
    p[:] = 1.0
    assert not np.all(net.params == 1.0)
    net.set_params(p)
    assert np.all(net.params == 1.0)
    net.set_params(np.zeros(37))                    # (P,) goes to every model
    assert np.all(net.params == 0.0)
    net.params = np.full((2, 37), 2.0)
    assert np.all(net.weights[1] == 2.0)
    twin = net.copy()
    twin.params[:] = 3.0
    assert np.all(net.params == 2.0) and np.all(twin.weights[0] == 3.0)
    one = net.model(1)
    assert one.K == 1 and one.lockstep is None and one.seeds == (5,) and np.array_equal(one.params, net.params[1])
    assert one.settings == {"seed": 5}
    one.params[:] = 9.0
    assert np.all(net.params == 2.0)
    with pytest.raises(ValueError, match="params: expected shape"):
        net.set_params(np.zeros((3, 37)))
    assert net.model(-1).seeds == (5,) and np.array_equal(net.model(-2).params, net.params[0])
    for bad in (2, -3, 1.0, True):
        with pytest.raises(ValueError, match="k: expected a model index"):
            net.model(bad)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_set_params_refuses_nan_and_infinity(bad):
    for net in (glassner(), glassner(seed=[0, 1])):
        before = net.get_params()
        p = np.zeros(37)
        p[3] = bad
        with pytest.raises(ValueError, match="params: contains NaN or infinity"):
            net.set_params(p)
        with pytest.raises(ValueError, match="params: contains NaN or infinity"):
            net.params = p
        assert np.array_equal(net.params, before)                  # nothing was written


def test_model_k_has_the_weights_of_a_single_model_with_its_seed():
    many = MLP([3, 5, 2], "tanh", "softmax", init="he_normal", seed=[11, 3, 7])
    for k, s in enumerate([11, 3, 7]):
        one = MLP([3, 5, 2], "tanh", "softmax", init="he_normal", seed=s)
        assert np.array_equal(one.params, many.params[k])
        assert np.array_equal(many.model(k).params, one.params)
    assert np.array_equal(MLP([2, 3, 1], seed=4, models=3).params,
                          MLP([2, 3, 1], seed=[4, 5, 6]).params)


def test_initialization_draws_from_the_init_module_and_biases_start_at_zero():
    net = MLP([2, 4, 4, 1], init=("normal", {"std": 0.05}), seed=0)
    rng = np.random.default_rng(0)
    expected = [init.normal(s, rng, std=0.05) for s in [(4, 2), (4, 4), (1, 4)]]
    for W, E in zip(net.weights, expected):
        assert np.array_equal(W, E)
    assert all(np.all(b == 0) for b in net.biases)
    # one scheme per layer; glorot_uniform gets scikit-learn's A from the hidden activation
    net = MLP([2, 4, 1], "sigmoid", init=["glorot_uniform", "zeros"], seed=1)
    rng = np.random.default_rng(1)
    assert np.array_equal(net.weights[0], init.glorot_uniform((4, 2), rng, activation="sigmoid"))
    assert np.all(net.weights[1] == 0)
    gen = np.random.default_rng(3)
    assert np.array_equal(MLP([2, 3, 1], seed=gen).params, MLP([2, 3, 1], seed=3).params)


def test_init_with_parameters_as_a_tuple_works():
    net = MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": .05}), seed=2)
    rng = np.random.default_rng(2)
    for W, shape in zip(net.weights, [(4, 2), (4, 4), (1, 4)]):
        assert np.array_equal(W, init.normal(shape, rng, std=0.05))
    assert 0.01 < np.std(net.params[net.is_weight]) < 0.1
    with pytest.raises(ValueError, match="init: normal takes parameters"):
        MLP([2, 4, 1], init=("normal", {"sd": 0.05}))


def test_from_weights_builds_a_network_and_checks_shapes():
    W1, W2 = np.ones((3, 2)), np.ones((1, 3))
    net = MLP.from_weights([W1, W2], [np.arange(3.0), [0.5]], activation="tanh", output="sigmoid")
    assert net.sizes == [2, 3, 1] and net.K == 1 and net.lockstep is None
    assert np.array_equal(net.biases[0], [0, 1, 2]) and np.array_equal(net.weights[1], W2)
    stacked = MLP.from_weights([np.stack([W1, 2 * W1]), np.stack([W2, W2])])
    assert stacked.K == 2 and np.all(stacked.weights[0][1] == 2)
    with pytest.raises(ValueError, match=r"weights\[1\]"):
        MLP.from_weights([W1, np.ones((1, 2))])
    with pytest.raises(ValueError, match=r"biases\[0\]"):
        MLP.from_weights([W1, W2], [np.ones(2), [0.0]])
    with pytest.raises(ValueError, match="biases: expected 2"):
        MLP.from_weights([W1, W2], [np.ones(3)])
    with pytest.raises(ValueError, match="NaN"):
        MLP.from_weights([W1 * np.nan, W2])
    with pytest.raises(ValueError, match="weights: expected at least one"):
        MLP.from_weights([])
    with pytest.raises(ValueError, match=r"weights\[0\]: expected a 2-D or 3-D array"):
        MLP.from_weights([np.ones(3)])
    with pytest.raises(ValueError, match="weights: expected matrices"):
        MLP.from_weights([W1, np.stack([W2, W2])])


# --- forward ---------------------------------------------------------------------------------

@pytest.mark.parametrize("output", ["identity", "sigmoid", "softmax"])
def test_forward_matches_chapter_0_forward_for_every_model(output):
    net = MLP([3, 5, 4, 2], ["tanh", "elu"], output, init="xavier_normal", seed=[0, 1])
    net.params[:, ~net.is_weight] = 0.1
    X = np.random.default_rng(2).normal(size=(7, 3))
    out = net.forward(X)
    assert out.shape == (2, 7, 2)
    for k in range(2):
        raw = network.forward(X, [W[k] for W in net.weights], [b[k] for b in net.biases],
                              ["tanh", "elu", "identity"])
        expected = {"identity": raw, "sigmoid": activations.sigmoid(raw), "softmax": losses.softmax(raw)}[output]
        np.testing.assert_allclose(out[k], expected, rtol=1e-13, atol=1e-15)
        assert np.array_equal(net.model(k).forward(X), out[k])     # model k alone: the same bits
    assert np.array_equal(net(X), out)
    assert net.forward(X[0]).shape == (2, 1, 2)          # one sample (n_in,) is a batch of one
    assert net.model(0).forward(X[0]).shape == (1, 2)


@pytest.mark.parametrize("name", activations.names())
def test_in_place_kernels_agree_with_the_activations_table(name):
    act = activations.get(name)
    z = np.linspace(-6, 6, 41).reshape(1, 41, 1)
    out = np.empty_like(z)
    engine._forward_kernel(act)(z, out)
    np.testing.assert_allclose(out, act.f(z), rtol=1e-14, atol=1e-15)
    g = np.cos(z)
    engine._backward_kernel(act)(z, out.copy(), g, out)
    np.testing.assert_allclose(out, act.df(z) * g, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name, params", [("leaky_relu", {"slope": 0.2}), ("elu", {"alpha": 0.5}),
                                          ("swish", {"beta": 2.0}), ("prelu", {"a": 0.1})])
def test_parameterized_activations_take_the_tables_kernel_with_their_parameters(name, params):
    act = activations.get(name, **params)
    z = np.linspace(-6, 6, 41).reshape(1, 41, 1)
    out = np.empty_like(z)
    engine._forward_kernel(act)(z, out)
    assert np.array_equal(out, act.f(z))
    g = np.cos(z)
    engine._backward_kernel(act)(z, act.f(z), g, out)
    assert np.array_equal(out, act.df(z) * g)
    assert not np.array_equal(act.f(z), activations.get(name).f(z))   # the parameter matters


def test_forward_cache_keeps_z_and_a():
    net = glassner(seed=[0, 1])
    X = np.random.default_rng(0).normal(size=(5, 2))
    out, cache = net.forward_cache(X)
    assert isinstance(cache, Cache) and cache.n == 5 and cache.net is net
    assert len(cache.z) == 3 and len(cache.a) == 4
    assert np.array_equal(cache.a[0], X)
    assert np.array_equal(cache.a[1], np.maximum(cache.z[0], 0))
    assert cache.out is out and out.shape == (2, 5, 1)
    assert cache.masks == [None, None]                              # evaluation mode: no dropout
    one = glassner()
    out1, c1 = one.forward_cache(X)
    assert out1.shape == (5, 1) and c1.out.shape == (1, 5, 1)       # the cache keeps the model axis
    assert [z.shape for z in c1.z] == [(1, 5, 4), (1, 5, 4), (1, 5, 1)]
    assert np.array_equal(out1, c1.out[0])


# --- losses and deltas -----------------------------------------------------------------------

def test_sigmoid_bce_delta_is_p_minus_y_even_for_huge_logits():
    net = MLP.from_weights([[[800.0]], ], [[0.0]], output="sigmoid")      # z = 800 x
    assert net.head.mode == "paired" and net.loss_name == "bce"
    X = np.array([[1.0], [-1.0], [1.0]])
    y = np.array([0, 1, 1])
    _, cache = net.forward_cache(X)
    delta = net.output_delta(cache, y)
    np.testing.assert_array_equal(delta[:, 0], [1 / 3, -1 / 3, 0.0])
    np.testing.assert_array_equal(net.output_delta(cache, y, "bce"), delta)
    loss = net.loss(X, y)
    np.testing.assert_allclose(loss, (800 + 800) / 3)               # from the logits: exact, finite
    assert net.loss(X, y, "bce") == loss
    _, grads = net.gradient(X, y)
    np.testing.assert_allclose(grads.weights[0][0, 0], (1 / 3) * 1 + (-1 / 3) * -1)


def test_softmax_cross_entropy_delta_is_p_minus_y():
    net = MLP([2, 3], output="softmax", init="he_normal", seed=0)
    assert net.loss_name == "cross_entropy" and net.head.mode == "paired"
    X = np.random.default_rng(0).normal(size=(4, 2))
    y = np.array([0, 2, 1, 2])
    out, cache = net.forward_cache(X)
    np.testing.assert_allclose(out.sum(axis=-1), 1.0)
    np.testing.assert_allclose(net.output_delta(cache, y), (out - np.eye(3)[y]) / 4, rtol=1e-14)
    np.testing.assert_allclose(net.loss(X, y), losses.cross_entropy(cache.z[-1][0], np.eye(3)[y]))
    np.testing.assert_allclose(net.loss(X, y, "log_loss"), net.loss(X, y))


def test_another_loss_by_name_equals_a_network_built_with_that_head():
    X = np.random.default_rng(3).normal(size=(6, 2))
    y = np.array([0, 1, 1, 0, 1, 0])
    net = MLP([2, 4, 1], "tanh", "sigmoid", init="he_normal", seed=1)
    other = MLP([2, 4, 1], "tanh", "sigmoid", loss="mse", init="he_normal", seed=1)
    assert net.head != other.head and other.head.mode == "chain"
    assert net.loss(X, y, "mse") == other.loss(X, y)
    v1, g1 = net.gradient(X, y, "mse")
    v2, g2 = other.gradient(X, y)
    assert v1 == v2 and np.array_equal(g1.flat, g2.flat)
    _, cache = net.forward_cache(X)
    _, cache2 = other.forward_cache(X)
    assert np.array_equal(net.output_delta(cache, y, "mse"), other.output_delta(cache2, y))
    assert not np.array_equal(net.output_delta(cache, y), other.output_delta(cache2, y))


def test_backward_from_dout_equals_backward_from_delta():
    net = MLP([2, 3, 2], "tanh", "sigmoid", loss="mse", init="he_normal", seed=[0, 1])
    X = np.random.default_rng(1).normal(size=(6, 2))
    y = np.random.default_rng(2).random((6, 2))
    out, cache = net.forward_cache(X)
    g1 = net.backward(cache, dout=losses.mse_grad(out, y)).flat.copy()
    d = losses.mse_grad(out, y) * out * (1 - out)
    g2 = net.backward(cache, delta=d).flat
    np.testing.assert_allclose(g1, g2, rtol=1e-13)
    _, g3 = net.gradient(X, y)                                     # the head: sigmoid + mse (chain)
    np.testing.assert_allclose(g3.flat, g1, rtol=1e-13)
    assert repr(net.backward(cache, delta=d)) == "Gradients(P=17)"
    with pytest.raises(ValueError, match="dout, delta: give exactly one"):
        net.backward(cache)
    with pytest.raises(ValueError, match="dout: expected shape"):
        net.backward(cache, dout=np.ones((5, 2)))
    with pytest.raises(TypeError, match="cache: expected the Cache"):
        net.backward("cache", dout=out)
    with pytest.raises(TypeError, match="cache: expected the Cache"):
        net.copy().backward(cache, dout=out)                       # another network's cache


def test_targets_labels_one_hot_and_hinge_signs():
    net = MLP([2, 3], output="softmax", seed=0)
    assert np.array_equal(net.targets([2, 0], 2), [[0, 0, 1], [1, 0, 0]])
    hinge = MLP([2, 1], output="identity", loss="hinge", seed=0)
    assert np.array_equal(hinge.targets([0, 1], 2), [[-1], [1]])
    assert np.array_equal(hinge.targets([-1, 1], 2), [[-1], [1]])
    one = MLP([2, 1], output="identity", seed=0)                   # identity + mse
    assert np.array_equal(one.targets([0, 1], 2), [[0], [1]])
    with pytest.raises(ValueError, match=r"y: expected integer class labels 0 … 2 for 3 outputs, got values in \[0, 3\]"):
        net.targets([3, 0], 2)
    with pytest.raises(ValueError, match="y: expected 2 targets"):
        net.targets([1, 0, 1], 2)
    with pytest.raises(ValueError, match="y: expected integer class labels"):
        net.targets([0.5, 1.0], 2)
    with pytest.raises(ValueError, match=r"y: expected shape \(2,\) labels or \(2, 3\)"):
        net.targets(np.ones((2, 2)), 2)
    with pytest.raises(ValueError, match="y: contains NaN"):
        one.targets([np.nan, 1.0], 2)
    with pytest.raises(TypeError, match="y: expected numbers"):
        one.targets(["a", "b"], 2)


def test_predict_and_accuracy():
    net = MLP.from_weights([[[1.0, 0.0]]], output="sigmoid")
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [2.0, 5.0]])
    assert np.array_equal(net.predict(X), [1, 0, 1])
    assert net.accuracy(X, [1, 0, 0]) == 2 / 3
    ident = MLP.from_weights([[[1.0, 0.0]]], output="identity")   # identity + mse: 0/1 targets
    assert ident.head.threshold == 0.5
    assert np.array_equal(ident.predict(X), [1, 0, 1])
    assert np.array_equal(ident.predict(X * 0.4), [0, 0, 1])      # scores 0.4, −0.4, 0.8: threshold 0.5
    np.testing.assert_allclose(ident.accuracy(X * 0.4, [1, 0, 0]), 1 / 3)
    logits = MLP.from_weights([[[1.0, 0.0]]], output="identity", loss="bce_logits")
    assert logits.head.threshold == 0.0
    assert np.array_equal(logits.predict(X * 0.4), [1, 0, 1])     # logits: threshold 0
    np.testing.assert_allclose(logits.accuracy(X * 0.4, [1, 0, 0]), 2 / 3)
    soft = MLP.from_weights([[[1.0, 0.0], [0.0, 1.0]]], output="softmax")
    assert np.array_equal(soft.predict(X), [0, 1, 1])
    assert repr(soft) == "MLP(sizes=[2, 2], activation=None, output='softmax', loss='cross_entropy', P=6)"
    with pytest.raises(TypeError):
        ident.predict(X, threshold=1.5)                            # the head decides, not an argument
    with pytest.raises(TypeError):
        ident.accuracy(X, [1, 0, 0], loss="mse")


def test_accuracy_refuses_labels_a_one_output_network_cannot_give():
    net = MLP([2, 4, 1], "relu", "sigmoid", seed=0)
    X = np.random.default_rng(0).normal(size=(6, 2))
    with pytest.raises(ValueError, match="y: accuracy needs class labels"):
        net.accuracy(X, [0, 2, 1, 0, 1, 1])
    with pytest.raises(ValueError, match="y: accuracy needs class labels"):
        MLP([2, 1], "relu", "identity", seed=0).accuracy(X, np.linspace(0, 1, 6))   # regression targets
    with pytest.raises(ValueError, match=r"y: bce_logits expects targets in \[0, 1\]"):
        net.loss(X, [0, 2, 1, 0, 1, 1])
    lock = MLP([2, 4, 1], "relu", "sigmoid", seed=[0, 1])
    with pytest.raises(ValueError, match="y: accuracy needs class labels"):
        lock.accuracy(X, [0, 2, 1, 0, 1, 1])


def test_penalty_skips_biases():
    net = MLP.from_weights([[[1.0, -2.0]]], [[5.0]])
    np.testing.assert_allclose(net.penalty(l2=0.5), 0.25 * 5)
    np.testing.assert_allclose(net.penalty(l1=0.5), 1.5)
    g = net.penalty_grad(np.zeros((1, 3)), l2=0.5, l1=0.1)
    np.testing.assert_allclose(g, [[0.5 + 0.1, -1.0 - 0.1, 0.0]])
    g = net.penalty_grad(np.zeros(3), l2=0.5, l1=0.1)               # a single network's flat (P,)
    np.testing.assert_allclose(g, [0.5 + 0.1, -1.0 - 0.1, 0.0])


# --- dropout -------------------------------------------------------------------------------------

def test_dropout_masks_are_inverted_and_drawn_per_model_from_its_own_seed():
    X = np.ones((200, 2))
    many = MLP([2, 50, 1], "identity", "identity", init="he_normal", seed=[3, 9], dropout=0.25)
    assert many.dropout == [[0.25], [0.25]]
    out, cache = many.forward_cache(X, train=True)
    m = cache.masks[0]
    assert m.shape == (2, 200, 50) and set(np.unique(m)) == {0.0, 1 / 0.75}
    assert abs(np.mean(m == 0) - 0.25) < 0.02
    assert cache.fz[0] is not cache.a[1]                            # a dropout pass: f(z) and a differ
    one = MLP([2, 50, 1], "identity", "identity", init="he_normal", seed=9, dropout=0.25)
    assert one.dropout == [0.25]
    _, c1 = one.forward_cache(X, train=True)
    assert np.array_equal(c1.masks[0][0], m[1])
    # evaluation mode: no dropout, deterministic
    assert np.array_equal(many.forward(X), many.forward(X))
    _, ce = many.forward_cache(X)
    assert ce.masks == [None] and ce.fz[0] is ce.a[1]


def test_fixed_masks_and_cache_reuse_after_a_dropout_pass():
    net = MLP([2, 3, 1], "sigmoid", "identity", init="he_normal", seed=0, dropout=0.5)
    X = np.random.default_rng(0).normal(size=(4, 2))
    mask = np.zeros((1, 4, 3))
    out = net.forward(X, masks=[mask])
    np.testing.assert_allclose(out[:, 0], net.biases[1][0])        # everything dropped: only the bias
    np.testing.assert_array_equal(net.forward(X, masks=[np.zeros((4, 3))]), out)   # (n, m) broadcasts
    _, cache = net.forward_cache(X, masks=[mask])
    x_aug = net._augment(X)
    cache.forward(x_aug)                                           # the same cache, evaluation mode
    assert cache.masks == [None] and cache.fz[0] is cache.a[1]
    np.testing.assert_allclose(cache.out[0], net.forward(X))
    with pytest.raises(ValueError, match="masks: expected one per hidden layer"):
        net.forward(X, masks=[mask, mask])
    with pytest.raises(ValueError, match=r"masks\[0\]: expected shape \(4, 3\) or \(1, 4, 3\)"):
        net.forward(X, masks=[np.ones((2, 2))])
    assert net.forward(X, masks=[None]).shape == (4, 1)


# --- argument checks --------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, error, match", [
    (dict(sizes=[2]), ValueError, "sizes: expected at least"),
    (dict(sizes=[2, 0, 1]), ValueError, "sizes: expected positive integers"),
    (dict(activation="relux"), ValueError, "activation: unknown activation 'relux'"),
    (dict(activation=["relu"]), ValueError, r"activation: expected 2 \(one per hidden layer\)"),
    (dict(activation=3), TypeError, "activation: expected a name or one per hidden layer"),
    (dict(output="tanh"), ValueError, "output: expected one of identity, sigmoid, softmax"),
    (dict(output="softmax"), ValueError, "output: softmax needs at least 2 output units"),
    (dict(dropout=1.0), ValueError, r"dropout: expected a number ≥ 0 and < 1, got 1.0"),
    (dict(dropout=-0.1), ValueError, r"dropout: expected a number ≥ 0 and < 1, got -0.1"),
    (dict(dropout=[0.5]), ValueError, r"dropout: expected one value or one per hidden layer \(2\), got 1"),
    (dict(dropout="x"), TypeError, "dropout: expected a number"),
    (dict(seed=[]), ValueError, r"seed: expected at least one seed \(K ≥ 1 models\)"),
    (dict(seed=-1), ValueError, "seed: expected an integer ≥ 0"),
    (dict(seed=[0, -2]), ValueError, "seed: expected an integer ≥ 0, got -2"),
    (dict(seed="a"), TypeError, "seed: expected an integer ≥ 0, a numpy Generator or a sequence"),
    (dict(seed=1.5), TypeError, "seed: expected an integer"),
    (dict(models=0), ValueError, "models: expected an integer ≥ 1"),
    (dict(models=2.0), TypeError, "models: expected an integer"),
    (dict(seed=[1, 2], models=2), TypeError, "seed: expected an integer"),
    (dict(init="uniformish"), ValueError, "init: unknown initialization 'uniformish'"),
    (dict(init=["zeros"]), ValueError, r"init: expected one value or one per layer \(3\)"),
    (dict(loss="nope"), ValueError, "loss: unknown loss 'nope'"),
    (dict(loss="hinge"), ValueError, "loss: hinge expects scores/logits"),
])
def test_constructor_errors_name_the_argument(kwargs, error, match):
    args = {"sizes": [2, 4, 4, 1], **kwargs}
    with pytest.raises(error, match=match):
        MLP(args.pop("sizes"), **args)


def test_input_errors_name_the_argument():
    net = glassner()
    with pytest.raises(ValueError, match=r"X: expected shape \(n, 2\)"):
        net.forward(np.ones((3, 3)))
    with pytest.raises(ValueError, match="X: contains NaN"):
        net.forward(np.array([[0.0, np.nan]]))
    with pytest.raises(TypeError, match="X: expected an array of numbers"):
        net.forward([["a", "b"]])
    with pytest.raises(ValueError, match="X: expected at least one value"):
        net.forward(np.ones((0, 2)))


@pytest.mark.parametrize("loss, output, match", [
    ("bce", "identity", "loss: bce expects probabilities; use output='sigmoid' or 'softmax' or loss='bce_logits'"),
    ("hinge", "sigmoid", "loss: hinge expects scores/logits"),
    ("cross_entropy", "sigmoid", "loss: cross_entropy expects scores/logits"),
    ("nope", "sigmoid", "loss: unknown loss 'nope'"),
])
def test_loss_output_mismatches_are_refused(loss, output, match):
    with pytest.raises(ValueError, match=match):
        make_head(output, loss)
    with pytest.raises(ValueError, match=match):
        MLP([2, 3, 3], "relu", output, loss=loss)


def test_make_head_modes():
    assert make_head("sigmoid", "bce").mode == "paired"
    assert make_head("sigmoid", "bce_logits").mode == "paired"
    assert make_head("softmax", "cross_entropy").mode == "paired"
    assert make_head("sigmoid", "mse").mode == "chain"
    assert make_head("identity", "cross_entropy").mode == "direct"
    with pytest.raises(ValueError, match="output: expected one of"):
        make_head("relu", "mse")
    with pytest.raises(ValueError, match="l2: expected finite values ≥ 0"):
        glassner().penalty(l2=-1)
    with pytest.raises(ValueError, match=r"l1: expected a number or one per model \(1,\)"):
        glassner().penalty(l1=[1.0, 2.0])
    with pytest.raises(TypeError, match="l2: expected a number"):
        glassner().penalty(l2=True)


# --- the one training loop: Cache.steps equals the plain passes called one by one, bit for bit ----

def _problem(sizes, activation, output, loss, K, n, m=6, dropout=0.0):
    rng = np.random.default_rng(1)
    X = rng.normal(size=(m * n, sizes[0]))
    y = rng.integers(0, sizes[-1] if sizes[-1] > 1 else 2, size=m * n)
    net = MLP(sizes, activation, output, loss=loss, init="he_normal", seed=list(range(K)) if K > 1 else 0,
              dropout=dropout)
    return net, net._augment(X), net.targets(y, m * n)


def _one_by_one(net, X1, Y, n, opt, l2=0.0, l1=0.0, frozen=None):
    """The reference: forward, output_delta, backward, penalty, optimizer.step, one call each."""
    grads, cache, penalty = np.zeros((net.K, net.n_params)), Cache(net, n), Penalty(net, l2, l1)
    rngs = net.rngs if net._drop.any() else None
    for s in range(0, len(X1), n):
        cache.forward(X1[s:s + n], rngs=rngs)
        cache.output_delta(Y[s:s + n])
        cache.backward(grads)
        if penalty.active:
            penalty.add_grad(grads)
        opt.step(net._params, grads)
        if frozen is not None:
            frozen(net._params)
    return cache, grads


def _all_at_once(net, X1, Y, n, opt, l2=0.0, l1=0.0, frozen=None):
    grads, cache, penalty = np.zeros((net.K, net.n_params)), Cache(net, n), Penalty(net, l2, l1)
    m = len(X1) // n
    opt.prepare(net._params, grads)
    out = cache.steps(X1.reshape(m, n, -1), Y.reshape(m, n, -1), grads, opt,
                      penalty.add_grad if penalty.active else None, net.rngs if net._drop.any() else None,
                      frozen)
    assert out is grads
    return cache, grads


def _assert_same_run(net_a, cache_a, grads_a, opt_a, net_b, cache_b, grads_b, opt_b):
    assert np.array_equal(net_a.params, net_b.params)
    assert np.array_equal(grads_a, grads_b)                        # the last step's gradient
    for l in range(len(net_a.sizes) - 1):
        assert np.array_equal(cache_a.z[l], cache_b.z[l]) and np.array_equal(cache_a.deltas[l], cache_b.deltas[l])
    assert np.array_equal(cache_a.a[0], cache_b.a[0]) and np.array_equal(cache_a.out, cache_b.out)
    for ma, mb in zip(cache_a.masks, cache_b.masks):
        assert (ma is None and mb is None) or np.array_equal(ma, mb)
    assert opt_a.t == opt_b.t
    for name in type(opt_a)._buffers:                              # velocity, averages …
        assert np.array_equal(getattr(opt_a, name), getattr(opt_b, name)), name


@pytest.mark.parametrize("K, n", [(1, 1), (1, 7), (3, 1), (3, 7)])
@pytest.mark.parametrize("reg", ["none", "l1+l2", "dropout", "dropout+l2"])
@pytest.mark.parametrize("name", optim.names())
def test_cache_steps_equal_the_passes_one_by_one_for_every_optimizer(name, reg, K, n):
    dropout = 0.3 if "dropout" in reg else 0.0
    l2 = {"none": 0.0, "l1+l2": np.array([1e-3, 0.0, 0.02])[:K], "dropout": 0.0, "dropout+l2": 0.01}[reg]
    l1 = np.array([2e-3, 1e-2, 0.0])[:K] if reg == "l1+l2" else 0.0
    if K == 1 and reg == "l1+l2":
        l2, l1 = 1e-3, 2e-3
    lr = np.array([[0.01], [0.03], [0.05]]) if K == 3 else 0.03
    ref, X1, Y = _problem([2, 5, 3, 1], ["tanh", "relu"], "sigmoid", "bce", K, n, dropout=dropout)
    net = ref.copy()
    opt_ref, opt = optim.get(name, lr=lr), optim.get(name, lr=lr)
    cache_ref, grads_ref = _one_by_one(ref, X1, Y, n, opt_ref, l2, l1)
    cache, grads = _all_at_once(net, X1, Y, n, opt, l2, l1)
    _assert_same_run(net, cache, grads, opt, ref, cache_ref, grads_ref, opt_ref)
    assert opt.t == len(X1) // n
    if dropout:                                                    # the generators moved alike
        assert all(a.bit_generator.state == b.bit_generator.state for a, b in zip(net.rngs, ref.rngs))


@pytest.mark.parametrize("sizes, activation, output, loss, K, n", [
    ([2, 4, 4, 1], "relu", "sigmoid", "bce", 1, 1),            # Glassner's two-moons step
    ([2, 4, 4, 1], "relu", "sigmoid", "bce", 3, 1),
    ([2, 5, 3, 1], ["tanh", "sigmoid"], "sigmoid", "bce", 2, 4),
    ([3, 6, 3], "leaky_relu", "softmax", "cross_entropy", 2, 1),  # a table activation, softmax
    ([2, 4, 2], "identity", "identity", "mse", 1, 3),
    ([2, 1], "relu", "sigmoid", "bce", 2, 2),                   # no hidden layer
    ([2, 4, 1], "relu", "sigmoid", "mse", 2, 3),                # the chain rule through σ
    ([2, 4, 1], "elu", "identity", "huber", 1, 1),              # direct, not the residual
    ([2, 4, 1], "swish", "identity", "hinge", 3, 7),
    ([2, 4, 3], "gelu", "softmax", "mse", 1, 7),
    ([2, 4, 3], "softplus", "identity", "multiclass_hinge", 2, 1),
])
def test_cache_steps_equal_the_passes_one_by_one_for_every_head(sizes, activation, output, loss, K, n):
    ref, X1, Y = _problem(sizes, activation, output, loss, K, n)
    net = ref.copy()
    lr = np.linspace(0.05, 0.2, K)[:, None] if K > 1 else 0.1
    opt_ref, opt = optim.SGD(lr), optim.SGD(lr)
    cache_ref, grads_ref = _one_by_one(ref, X1, Y, n, opt_ref)
    cache, grads = _all_at_once(net, X1, Y, n, opt)
    _assert_same_run(net, cache, grads, opt, ref, cache_ref, grads_ref, opt_ref)


def test_cache_steps_calls_frozen_after_every_step():
    ref, X1, Y = _problem([2, 4, 1], "relu", "sigmoid", "bce", 3, 1)
    net = ref.copy()
    kept = ref._params[1].copy()

    def frozen(params):                                            # model 1 keeps its weights
        params[1] = kept
    opt_ref, opt = optim.Momentum(0.1), optim.Momentum(0.1)
    cache_ref, grads_ref = _one_by_one(ref, X1, Y, 1, opt_ref, frozen=frozen)
    cache, grads = _all_at_once(net, X1, Y, 1, opt, frozen=frozen)
    _assert_same_run(net, cache, grads, opt, ref, cache_ref, grads_ref, opt_ref)
    assert np.array_equal(net.params[1], kept) and not np.array_equal(net.params[0], kept)


def test_cache_steps_after_a_dropout_pass_on_the_same_cache():
    net = MLP([2, 3, 1], "relu", "sigmoid", init="he_normal", seed=0, dropout=0.5)
    X1 = net._augment(np.random.default_rng(0).normal(size=(4, 2)))
    Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    cache = Cache(net, 1)
    cache.forward(X1[:1], rngs=net.rngs)                           # a dropout pass: f(z) and a differ
    assert cache.masks[0] is not None and cache.fz[0] is not cache.a[1]
    grads, sgd = np.zeros((1, net.n_params)), optim.SGD(0.1)
    sgd.prepare(net._params, grads)
    cache.steps(X1.reshape(4, 1, 3), Y.reshape(4, 1, 1), grads, sgd)   # evaluation-mode steps
    assert cache.fz[0] is cache.a[1] and cache.masks == [None]
    ref = MLP([2, 3, 1], "relu", "sigmoid", init="he_normal", seed=0)
    for x, y in zip(X1, Y):                                        # the same steps without dropout
        _, g = ref.gradient(x[None, :2], y)
        ref.params -= 0.1 * g.flat
    assert np.array_equal(net.params, ref.params)
    cache.steps(X1.reshape(4, 1, 3), Y.reshape(4, 1, 1), grads, sgd)   # and again on the plain path
    for x, y in zip(X1, Y):
        _, g = ref.gradient(x[None, :2], y)
        ref.params -= 0.1 * g.flat
    assert np.array_equal(net.params, ref.params) and sgd.t == 8


def test_dead_units_are_the_units_negative_on_every_input():
    net = MLP([1, 2, 1], "relu", "sigmoid", seed=[0, 1])
    W1 = np.array([[[1.0], [-1.0]], [[1.0], [1.0]]])            # (K, 2, 1)
    b1 = np.array([[0.0, -5.0], [-5.0, 0.5]])                    # model 0: unit 1 dead; model 1: unit 0
    net.weights[0][:], net.biases[0][:] = W1, b1
    X = np.array([[0.5], [1.0], [2.0]])
    assert net.dead_units(X)[0].tolist() == [False, True]
    assert net.dead_units(X, model=1)[0].tolist() == [True, False]
    assert net.dead_units(X, model=-1)[0].tolist() == [True, False]
    assert net.model(1).dead_units(X)[0].tolist() == [True, False]
    with pytest.raises(ValueError, match="model: expected a model index"):
        net.dead_units(X, model=2)
    with pytest.raises(ValueError, match="X"):
        net.dead_units(np.zeros((3, 2)))
