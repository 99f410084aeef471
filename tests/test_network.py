"""The MLP (nnbook.network.MLP): parameters, model axis, forward, backward, checks (chapter 2)."""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import activations, init, losses, network
from nnbook.network import MLP, count_parameters

GLASSNER = dict(sizes=[2, 4, 4, 1], activation="relu", output="sigmoid", init=("normal", {"std": 0.05}))


def glassner(seed=0, **kw):
    args = {**GLASSNER, **kw}
    return MLP(args.pop("sizes"), args.pop("activation"), args.pop("output"), seed=seed, **args)


# --- parameters --------------------------------------------------------------------------

def test_two_moons_network_has_37_parameters_28_weights():
    net = glassner()
    assert net.n_params == 37 == count_parameters([2, 4, 4, 1])
    assert net.params.shape == (1, 37)
    assert net.is_weight.sum() == 28
    assert len(net.param_names()) == 37
    assert repr(net) == "MLP(sizes=[2, 4, 4, 1], activation='relu', output='sigmoid', K=1, P=37)"


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


def test_squeezed_access_for_one_model_and_a_clear_error_for_many():
    net = glassner()
    assert net.W[1].shape == (4, 4) and net.b[2].shape == (1,)
    net.W[2][0, 0] = 7.0
    assert net.weights[2][0, 0, 0] == 7.0
    with pytest.raises(ValueError, match="W: this MLP holds K = 2"):
        glassner(seed=[0, 1]).W
    with pytest.raises(ValueError, match="b: this MLP holds K = 2"):
        glassner(seed=[0, 1]).b


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
    assert one.K == 1 and one.seeds == (5,) and np.array_equal(one.params[0], net.params[1])
    one.params[:] = 9.0
    assert np.all(net.params == 2.0)
    with pytest.raises(ValueError, match="params: expected shape"):
        net.set_params(np.zeros((3, 37)))
    assert net.model(-1).seeds == (5,) and np.array_equal(net.model(-2).params, net.params[:1])
    for bad in (2, -3, 1.0, True):
        with pytest.raises(ValueError, match="k: expected a model index"):
            net.model(bad)


def test_model_k_has_the_weights_of_a_single_model_with_its_seed():
    many = MLP([3, 5, 2], "tanh", "softmax", init="he_normal", seed=[11, 3, 7])
    for k, s in enumerate([11, 3, 7]):
        one = MLP([3, 5, 2], "tanh", "softmax", init="he_normal", seed=s)
        assert np.array_equal(one.params[0], many.params[k])
    assert np.array_equal(MLP([2, 3, 1], seed=4, models=3).params,
                          MLP([2, 3, 1], seed=[4, 5, 6]).params)


def test_initialization_draws_from_the_init_module_and_biases_start_at_zero():
    net = MLP([2, 4, 4, 1], init=("normal", {"std": 0.05}), seed=0)
    rng = np.random.default_rng(0)
    expected = [init.normal(s, rng, std=0.05) for s in [(4, 2), (4, 4), (1, 4)]]
    for W, E in zip(net.W, expected):
        assert np.array_equal(W, E)
    assert all(np.all(b == 0) for b in net.b)
    # one scheme per layer; glorot_uniform gets scikit-learn's A from the hidden activation
    net = MLP([2, 4, 1], "sigmoid", init=["glorot_uniform", "zeros"], seed=1)
    rng = np.random.default_rng(1)
    assert np.array_equal(net.W[0], init.glorot_uniform((4, 2), rng, activation="sigmoid"))
    assert np.all(net.W[1] == 0)
    gen = np.random.default_rng(3)
    assert np.array_equal(MLP([2, 3, 1], seed=gen).params, MLP([2, 3, 1], seed=3).params)


def test_from_weights_builds_a_network_and_checks_shapes():
    W1, W2 = np.ones((3, 2)), np.ones((1, 3))
    net = MLP.from_weights([W1, W2], [np.arange(3.0), [0.5]], activation="tanh", output="sigmoid")
    assert net.sizes == [2, 3, 1] and net.K == 1
    assert np.array_equal(net.b[0], [0, 1, 2])
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
    with pytest.raises(ValueError, match="weights: expected matrices"):
        MLP.from_weights([np.ones(3)])


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
    assert np.array_equal(net(X), out)
    assert net.forward(X[0]).shape == (2, 1, 2)          # one sample (n_in,) is a batch of one


@pytest.mark.parametrize("name", activations.names())
def test_in_place_kernels_agree_with_the_activations_table(name):
    act = activations.get(name)
    z = np.linspace(-6, 6, 41).reshape(1, 41, 1)
    out = np.empty_like(z)
    network._forward_kernel(act)(z, out)
    np.testing.assert_allclose(out, act.f(z), rtol=1e-14, atol=1e-15)
    g = np.cos(z)
    network._backward_kernel(act)(z, out.copy(), g, out)
    np.testing.assert_allclose(out, act.df(z) * g, rtol=1e-12, atol=1e-15)


def test_forward_cache_keeps_z_and_a():
    net = glassner(seed=[0, 1])
    X = np.random.default_rng(0).normal(size=(5, 2))
    out, cache = net.forward_cache(X)
    assert len(cache.z) == 3 and len(cache.a) == 4
    assert np.array_equal(cache.a[0], X)
    assert np.array_equal(cache.a[1], np.maximum(cache.z[0], 0))
    assert cache.out is out and out.shape == (2, 5, 1)
    assert not cache.train


# --- losses and deltas -----------------------------------------------------------------------

def test_sigmoid_bce_delta_is_p_minus_y_even_for_huge_logits():
    net = MLP.from_weights([[[800.0]], ], [[0.0]], output="sigmoid")      # z = 800 x
    X = np.array([[1.0], [-1.0], [1.0]])
    y = np.array([0, 1, 1])
    _, cache = net.forward_cache(X)
    delta = net.output_delta(cache, y, "bce")
    np.testing.assert_array_equal(delta[0, :, 0], [1 / 3, -1 / 3, 0.0])
    loss = net.loss(X, y, "bce")
    np.testing.assert_allclose(loss, [(800 + 800) / 3])             # from the logits: exact, finite
    _, grads = net.gradient(X, y, "bce")
    np.testing.assert_allclose(grads.weights[0][0, 0, 0], (1 / 3) * 1 + (-1 / 3) * -1)


def test_softmax_cross_entropy_delta_is_p_minus_y():
    net = MLP([2, 3], output="softmax", init="he_normal", seed=0)
    X = np.random.default_rng(0).normal(size=(4, 2))
    y = np.array([0, 2, 1, 2])
    out, cache = net.forward_cache(X)
    np.testing.assert_allclose(out.sum(axis=-1), 1.0)
    np.testing.assert_allclose(net.output_delta(cache, y, "cross_entropy")[0],
                               (out[0] - np.eye(3)[y]) / 4, rtol=1e-14)
    np.testing.assert_allclose(net.loss(X, y, "cross_entropy"), losses.cross_entropy(cache.z[-1], np.eye(3)[y]))
    np.testing.assert_allclose(net.loss(X, y, "log_loss"), net.loss(X, y, "cross_entropy"))


def test_backward_from_dout_equals_backward_from_delta():
    net = MLP([2, 3, 2], "tanh", "sigmoid", init="he_normal", seed=[0, 1])
    X = np.random.default_rng(1).normal(size=(6, 2))
    y = np.random.default_rng(2).random((6, 2))
    out, cache = net.forward_cache(X)
    g1 = net.backward(cache, dout=losses.mse_grad(out, y)).flat.copy()
    d = losses.mse_grad(out, y) * out * (1 - out)
    g2 = net.backward(cache, delta=d).flat
    np.testing.assert_allclose(g1, g2, rtol=1e-13)
    assert repr(net.backward(cache, delta=d)) == "Gradients(K=2, P=17)"
    with pytest.raises(ValueError, match="dout, delta: give exactly one"):
        net.backward(cache)
    with pytest.raises(ValueError, match="dout: expected shape"):
        net.backward(cache, dout=np.ones((5, 2)))
    with pytest.raises(TypeError, match="cache: expected the Cache"):
        net.backward("cache", dout=out)


def test_targets_labels_one_hot_and_hinge_signs():
    net = MLP([2, 3], output="softmax", seed=0)
    assert np.array_equal(net.targets([2, 0], 2), [[0, 0, 1], [1, 0, 0]])
    one = MLP([2, 1], output="identity", seed=0)
    assert np.array_equal(one.targets([0, 1], 2, "hinge"), [[-1], [1]])
    assert np.array_equal(one.targets([0, 1], 2, "mse"), [[0], [1]])
    with pytest.raises(ValueError, match=r"y: expected class labels in 0 … 2"):
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
    assert np.array_equal(net.predict(X), [[1, 0, 1]])
    assert np.array_equal(net.accuracy(X, [1, 0, 0]), [2 / 3])
    ident = MLP.from_weights([[[1.0, 0.0]]], output="identity")
    assert np.array_equal(ident.predict(X), [[1, 0, 1]])                # scores: threshold 0
    assert np.array_equal(ident.predict(X, threshold=1.5), [[0, 0, 1]])
    np.testing.assert_allclose(ident.accuracy(X * 0.4, [1, 0, 0], loss="mse"), [1 / 3])  # 0/1 targets: 0.5
    soft = MLP.from_weights([[[1.0, 0.0], [0.0, 1.0]]], output="softmax")
    assert np.array_equal(soft.predict(X), [[0, 1, 1]])
    assert repr(soft) == "MLP(sizes=[2, 2], activation=None, output='softmax', K=1, P=6)"


def test_penalty_skips_biases():
    net = MLP.from_weights([[[1.0, -2.0]]], [[5.0]])
    np.testing.assert_allclose(net.penalty(l2=0.5), [0.25 * 5])
    np.testing.assert_allclose(net.penalty(l1=0.5), [1.5])
    g = net.penalty_grad(np.zeros((1, 3)), l2=0.5, l1=0.1)
    np.testing.assert_allclose(g, [[0.5 + 0.1, -1.0 - 0.1, 0.0]])


# --- dropout -------------------------------------------------------------------------------------

def test_dropout_masks_are_inverted_and_drawn_per_model_from_its_own_seed():
    X = np.ones((200, 2))
    many = MLP([2, 50, 1], "identity", "identity", init="he_normal", seed=[3, 9], dropout=0.25)
    out, cache = many.forward_cache(X, train=True)
    m = cache.masks[0]
    assert m.shape == (2, 200, 50) and set(np.unique(m)) == {0.0, 1 / 0.75}
    assert abs(np.mean(m == 0) - 0.25) < 0.02
    assert cache.train
    one = MLP([2, 50, 1], "identity", "identity", init="he_normal", seed=9, dropout=0.25)
    _, c1 = one.forward_cache(X, train=True)
    assert np.array_equal(c1.masks[0][0], m[1])
    # evaluation mode: no dropout, deterministic
    assert np.array_equal(many.forward(X), many.forward(X))
    _, ce = many.forward_cache(X)
    assert ce.masks == [None] and not ce.train


def test_fixed_masks_and_cache_reuse_after_a_dropout_pass():
    net = MLP([2, 3, 1], "sigmoid", "identity", init="he_normal", seed=0, dropout=0.5)
    X = np.random.default_rng(0).normal(size=(4, 2))
    mask = np.zeros((1, 4, 3))
    out = net.forward(X, masks=[mask])
    np.testing.assert_allclose(out[0, :, 0], net.b[1][0])          # everything dropped: only the bias
    _, cache = net.forward_cache(X, masks=[mask])
    x_aug = net._augment(X)
    cache.forward(x_aug)                                           # the same cache, evaluation mode
    assert cache.masks == [None] and cache.fz[0] is cache.a[1]
    np.testing.assert_allclose(cache.out, net.forward(X))
    with pytest.raises(ValueError, match="masks: expected one per hidden layer"):
        net.forward(X, masks=[mask, mask])
    with pytest.raises(ValueError, match=r"masks\[0\]: expected shape \(1, 4, 3\)"):
        net.forward(X, masks=[np.ones((2, 2))])
    assert net.forward(X, masks=[None]).shape == (1, 4, 1)


# --- argument checks --------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, error, match", [
    (dict(sizes=[2]), ValueError, "sizes: expected at least"),
    (dict(sizes=[2, 0, 1]), ValueError, "sizes: expected positive integers"),
    (dict(activation="relux"), ValueError, "activation: unknown activation 'relux'"),
    (dict(activation=["relu"]), ValueError, r"activation: expected 2 \(one per hidden layer\)"),
    (dict(activation=3), TypeError, "activation: expected a name or one per hidden layer"),
    (dict(output="tanh"), ValueError, "output: expected one of identity, sigmoid, softmax"),
    (dict(output="softmax"), ValueError, "output: softmax needs at least 2 output units"),
    (dict(dropout=1.0), ValueError, r"dropout: expected a drop probability p in \[0, 1\)"),
    (dict(dropout=-0.1), ValueError, "dropout: expected a drop probability"),
    (dict(dropout=[0.5]), ValueError, "dropout: expected one drop probability per hidden layer"),
    (dict(dropout="x"), TypeError, "dropout: expected a drop probability"),
    (dict(seed=[]), ValueError, r"seed: expected at least one seed \(K ≥ 1 models\)"),
    (dict(seed=-1), TypeError, "seed: expected an integer ≥ 0"),
    (dict(seed=[0, -2]), ValueError, "seed: expected integers ≥ 0"),
    (dict(models=0), ValueError, "models: expected the number of models K ≥ 1"),
    (dict(seed=[1, 2], models=2), ValueError, "seed: with models=K expected one integer seed"),
    (dict(init="uniformish"), ValueError, "init: unknown initialization 'uniformish'"),
    (dict(init=["zeros"]), ValueError, r"init: expected one scheme or one per layer \(3\)"),
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
    with pytest.raises(ValueError, match=r"X: expected shape \(n, 2\)"):
        net.forward(np.ones((0, 2)))


@pytest.mark.parametrize("loss, output, match", [
    ("bce", "identity", "loss: bce expects probabilities; use output='sigmoid' or 'softmax' or loss='bce_logits'"),
    ("hinge", "sigmoid", "loss: hinge expects scores/logits"),
    ("cross_entropy", "sigmoid", "loss: cross_entropy expects scores/logits"),
    ("nope", "sigmoid", "loss: unknown loss 'nope'"),
])
def test_loss_output_mismatches_are_refused(loss, output, match):
    with pytest.raises(ValueError, match=match):
        network.resolve_loss(loss, output)


def test_resolve_loss_modes():
    assert network.resolve_loss("bce", "sigmoid")[1] == "paired"
    assert network.resolve_loss("bce_logits", "sigmoid")[1] == "paired"
    assert network.resolve_loss("cross_entropy", "softmax")[1] == "paired"
    assert network.resolve_loss("mse", "sigmoid")[1] == "chain"
    assert network.resolve_loss("cross_entropy", "identity")[1] == "direct"
    with pytest.raises(ValueError, match="output: expected one of"):
        network.resolve_loss("mse", "relu")
    with pytest.raises(ValueError, match="l2: expected finite values ≥ 0"):
        glassner().penalty(l2=-1)
    with pytest.raises(ValueError, match=r"l1: expected a number or one per model \(1,\)"):
        glassner().penalty(l1=[1.0, 2.0])
    with pytest.raises(TypeError, match="l2: expected a number"):
        glassner().penalty(l2=True)


# --- the training loop's fast path -------------------------------------------------------------

@pytest.mark.parametrize("sizes, activation, output, loss, K, n", [
    ([2, 4, 4, 1], "relu", "sigmoid", "bce", 1, 1),            # Glassner's two-moons step
    ([2, 4, 4, 1], "relu", "sigmoid", "bce", 3, 1),
    ([2, 5, 3, 1], ["tanh", "sigmoid"], "sigmoid", "bce", 2, 4),
    ([3, 6, 3], "leaky_relu", "softmax", "cross_entropy", 2, 1),  # a table activation, softmax
    ([2, 4, 2], "identity", "identity", "mse", 1, 3),
    ([2, 1], "relu", "sigmoid", "bce", 2, 2),                   # no hidden layer
])
def test_fused_sgd_steps_equal_forward_backward_and_sgd_step_to_the_last_bit(sizes, activation, output,
                                                                            loss, K, n):
    from nnbook import optim
    from nnbook.network import Cache, resolve_loss
    rng = np.random.default_rng(1)
    m = 6                                                          # batches
    X = rng.normal(size=(m * n, sizes[0]))
    y = rng.integers(0, sizes[-1] if sizes[-1] > 1 else 2, size=m * n)
    fused = MLP(sizes, activation, output, init="he_normal", seed=list(range(K)))
    plain = fused.copy()
    entry, mode = resolve_loss(loss, output)
    X1, Y = plain._augment(X), plain.targets(y, m * n, entry)
    lr = np.linspace(0.05, 0.2, K)[:, None] if K > 1 else 0.1
    sgd, grads = optim.SGD(lr), np.zeros((K, plain.n_params))
    cache = Cache(plain, n)
    for s in range(0, m * n, n):                                  # the generic step
        cache.forward(X1[s:s + n])
        cache.output_delta(Y[s:s + n], entry, mode)
        sgd.step(plain.params, cache.backward(grads))
    fcache, fgrads = Cache(fused, n), np.zeros((K, fused.n_params))
    fcache.sgd_steps(X1.reshape(m, n, -1), Y.reshape(m, n, -1), np.asarray(lr), fgrads,
                     np.empty_like(fgrads))
    assert np.array_equal(fused.params, plain.params)
    assert np.array_equal(fgrads, grads)                           # the last step's gradient
    for l in range(len(sizes) - 1):
        assert np.array_equal(fcache.z[l], cache.z[l]) and np.array_equal(fcache.deltas[l], cache.deltas[l])
    np.testing.assert_array_equal(fcache.a[0], cache.a[0])


def test_fused_sgd_steps_after_a_dropout_pass_on_the_same_cache():
    from nnbook.network import Cache
    net = MLP([2, 3, 1], "relu", "sigmoid", init="he_normal", seed=0, dropout=0.5)
    X1 = net._augment(np.random.default_rng(0).normal(size=(4, 2)))
    Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    cache = Cache(net, 1)
    cache.forward(X1[:1], rngs=net.rngs)                           # a dropout pass: f(z) and a differ
    assert cache.train and cache.fz[0] is not cache.a[1]
    grads = np.zeros((1, net.n_params))
    cache.sgd_steps(X1.reshape(4, 1, 3), Y.reshape(4, 1, 1), np.asarray(0.1), grads, np.empty_like(grads))
    assert not cache.train and cache.fz[0] is cache.a[1] and cache.masks == [None]
    ref = MLP([2, 3, 1], "relu", "sigmoid", init="he_normal", seed=0)
    for x, y in zip(X1, Y):                                        # the same steps without dropout
        _, g = ref.gradient(x[None, :2], y, "bce")
        ref.params -= 0.1 * g.flat
    assert np.array_equal(net.params, ref.params)


def test_dead_units_are_the_units_negative_on_every_input():
    net = MLP([1, 2, 1], "relu", "sigmoid", seed=[0, 1])
    W1 = np.array([[[1.0], [-1.0]], [[1.0], [1.0]]])            # (K, 2, 1)
    b1 = np.array([[0.0, -5.0], [-5.0, 0.5]])                    # model 0: unit 1 dead; model 1: unit 0
    net.weights[0][:], net.biases[0][:] = W1, b1
    X = np.array([[0.5], [1.0], [2.0]])
    assert net.dead_units(X)[0].tolist() == [False, True]
    assert net.dead_units(X, model=1)[0].tolist() == [True, False]
    assert net.dead_units(X, model=-1)[0].tolist() == [True, False]
    with pytest.raises(ValueError, match="model: expected a model index"):
        net.dead_units(X, model=2)
    with pytest.raises(ValueError, match="X"):
        net.dead_units(np.zeros((3, 2)))
