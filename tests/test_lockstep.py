"""The named model axis (nnbook.lockstep): lockstep(), Lockstep, select, stack (chapter 2).

K networks in lockstep are K single networks computed together: model k has the weights, the
dropout masks, the training and the history of the single network built and trained alone with
model k's settings — to the last bit.
"""
from __future__ import annotations

import numpy as np
import pytest

import nnbook
from nnbook import MLP, data, lockstep, stack, train
from nnbook.history import History
from nnbook.lockstep import NAMES, Lockstep

STD = ("normal", {"std": 0.05})


@pytest.fixture(scope="module")
def moons():
    return data.two_moons(n=400, seed=1)


def book(**kw):
    return MLP([2, 4, 4, 1], "relu", "sigmoid", **kw)


# --- lockstep() and Lockstep --------------------------------------------------------------------

def test_lockstep_is_every_combination_the_first_name_slowest():
    runs = lockstep(seed=range(2), lr=(0.01, 0.05, 0.5))
    assert isinstance(runs, Lockstep) and nnbook.lockstep is lockstep and nnbook.Lockstep is Lockstep
    assert runs.names == ("seed", "lr") and runs.K == len(runs) == 6
    assert runs.rows == [(0, 0.01), (0, 0.05), (0, 0.5), (1, 0.01), (1, 0.05), (1, 0.5)]
    flipped = lockstep(lr=(0.01, 0.05, 0.5), seed=range(2))       # the order of the keywords counts
    assert flipped.names == ("lr", "seed") and flipped.rows[:3] == [(0.01, 0), (0.01, 1), (0.05, 0)]
    assert runs != flipped and runs == lockstep(seed=[0, 1], lr=[0.01, 0.05, 0.5])
    assert repr(runs) == "Lockstep(K=6, names=('seed', 'lr'))"
    assert NAMES == ("seed", "init", "dropout", "lr", "l1", "l2")
    three = lockstep(seed=(0, 1), init=["zeros", STD], dropout=(0.0, 0.5))
    assert three.K == 8 and three.rows[1] == (0, "zeros", 0.5) and three.rows[2] == (0, STD, 0.0)
    assert lockstep(init=[["normal", {"std": 1.0}]]).rows == [(("normal", {"std": 1.0}),)]   # lists → tuples


def test_where_column_and_row():
    runs = lockstep(seed=range(3), lr=(0.05, 0.5), init=("he_normal", STD))
    assert runs.column("lr") == [0.05, 0.05, 0.5, 0.5] * 3
    assert runs.column("seed") == [0] * 4 + [1] * 4 + [2] * 4
    assert runs.row(5) == {"seed": 1, "lr": 0.05, "init": STD}
    assert runs.where(lr=0.5) == [2, 3, 6, 7, 10, 11]
    assert runs.where(seed=1, lr=0.5) == [6, 7]
    assert runs.where(seed=1, lr=0.5, init="normal") == [7]        # a bare name matches (name, params)
    assert runs.where(init=STD) == list(range(1, 12, 2))
    assert runs.where(seed=7) == [] and runs.where() == list(range(12))
    with pytest.raises(ValueError, match="l2: the models differ in seed, lr, init, not 'l2'"):
        runs.where(l2=0.1)
    with pytest.raises(ValueError):
        runs.column("momentum")
    assert runs.take([6, 7]).rows == [(1, 0.5, "he_normal"), (1, 0.5, STD)]
    assert Lockstep.from_rows([{"seed": 1, "lr": 0.1}, {"seed": 2, "lr": 0.2}]).rows == [(1, 0.1), (2, 0.2)]
    with pytest.raises(ValueError, match="models: model 1 is named by"):
        Lockstep.from_rows([{"seed": 1}, {"lr": 0.2}])


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(), ValueError, "settings: name at least one of seed, init, dropout, lr, l1, l2"),
    (dict(momentum=(0.9,)), ValueError, "momentum: models can differ in seed, init, dropout, lr, l1, l2, not 'momentum'"),
    (dict(seed=[]), ValueError, "seed: expected at least one value, got none"),
    (dict(seed=3), TypeError, "seed: expected a sequence of values"),
    (dict(lr=0.1), TypeError, "lr: expected a sequence of values"),
    (dict(init="he_normal"), TypeError, "init: expected a sequence of values"),
    (dict(lr={"a": 1}), TypeError, "lr: expected a sequence of values"),
    (dict(seed=range(101), lr=range(1, 101)), ValueError, "seed, lr: 10,100 combinations; the limit is 10,000 models"),
])
def test_lockstep_refuses_bad_names_empty_axes_and_too_many_models(kwargs, error, match):
    with pytest.raises(error, match=match):
        lockstep(**kwargs)


def test_the_model_limit_and_an_empty_axis():
    assert lockstep(seed=range(100), lr=range(1, 101)).K == 10_000   # exactly the limit is fine
    with pytest.raises(ValueError, match="models: expected at least one model"):
        Lockstep(("seed",), [])
    with pytest.raises(ValueError, match="models: 10,001 models; the limit is 10,000"):
        Lockstep(("seed",), [(k,) for k in range(10_001)])
    with pytest.raises(ValueError, match="models: expected an integer ≥ 1"):
        MLP([2, 1], models=0)


# --- building: model k is the single network with its settings ------------------------------------

def test_model_k_has_exactly_the_weights_of_a_single_network_with_its_seed_and_init():
    runs = lockstep(seed=(3, 8), init=("he_normal", STD, ["zeros", "glorot_uniform", STD]), dropout=(0.0, 0.25))
    net = book(models=runs)
    assert net.K == 12 and net.lockstep is runs and net.seeds == (3,) * 6 + (8,) * 6
    for k, row in enumerate(runs.rows):
        seed, init, p = row
        one = book(seed=seed, init=list(init) if isinstance(init, tuple) and len(init) == 3 else init, dropout=p)
        assert np.array_equal(net.params[k], one.params), row
        alone = net.model(k)
        assert alone.lockstep is None and alone.settings == runs.row(k) and np.array_equal(alone.params, one.params)
        assert alone.dropout == one.dropout == [p, p] and net.dropout[k] == [p, p]
    assert np.array_equal(book(seed=4, models=3).params, book(seed=[4, 5, 6]).params)
    assert book(seed=4, models=3).lockstep == lockstep(seed=(4, 5, 6))


def test_per_model_dropout_masks_equal_a_single_networks_with_the_same_seed():
    X = np.random.default_rng(0).normal(size=(50, 2))
    runs = lockstep(seed=(1, 2), dropout=(0.0, 0.2, 0.5))
    net = MLP([2, 30, 20, 1], "tanh", "sigmoid", init="he_normal", models=runs)
    _, cache = net.forward_cache(X, train=True)
    for k, (seed, p) in enumerate(runs.rows):
        one = MLP([2, 30, 20, 1], "tanh", "sigmoid", init="he_normal", seed=seed, dropout=p)
        out, c1 = one.forward_cache(X, train=True)
        for l in range(2):
            if p == 0:
                assert c1.masks[l] is None and np.all(cache.masks[l][k] == 1)
            else:
                assert np.array_equal(cache.masks[l][k], c1.masks[l][0])
                assert set(np.unique(c1.masks[l])) == {0.0, 1 / (1 - p)}
        assert np.array_equal(cache.out[k], out)


def test_training_with_lr_l1_l2_columns_equals_each_model_trained_alone(moons):
    X, y, Xt, yt = moons
    runs = lockstep(seed=(0, 1), lr=(0.05, 0.5), l2=(0.0, 1e-3), l1=(0.0, 2e-3))
    net = book(init=STD, models=runs)
    hist = train(net, X, y, validation=(Xt, yt), epochs=2, batch_size=4, seed=5, snapshots=True)
    assert hist.K == 16 and hist.lockstep is runs and hist.lr[0].tolist() == runs.column("lr")
    for k, (seed, lr, l2, l1) in enumerate(runs.rows):
        one = book(init=STD, seed=seed)
        h1 = train(one, X, y, validation=(Xt, yt), epochs=2, batch_size=4, seed=5, snapshots=True,
                   lr=lr, l2=l2, l1=l1)
        assert np.array_equal(net.params[k], one.params), runs.row(k)
        for name in ("train_loss", "train_acc", "val_loss", "val_acc", "penalty", "lr"):
            assert np.array_equal(getattr(hist, name)[:, k], getattr(h1, name)), name
        assert np.array_equal(hist.weights[:, k], h1.weights)
        picked = hist.select(seed=seed, lr=lr, l2=l2, l1=l1)
        assert picked.lockstep is None and np.array_equal(picked.train_loss, h1.train_loss)
        assert np.array_equal(picked.weights, h1.weights)


def test_dropout_and_init_columns_train_like_single_networks(moons):
    X, y, _, _ = moons
    runs = lockstep(seed=(2,), init=("he_normal", STD), dropout=(0.0, 0.3), lr=(0.05, 0.2))
    net = book(models=runs)
    train(net, X[:120], y[:120], epochs=2, batch_size=3, seed=1)
    for k, (seed, init, p, lr) in enumerate(runs.rows):
        one = book(seed=seed, init=init, dropout=p)
        train(one, X[:120], y[:120], epochs=2, batch_size=3, seed=1, lr=lr)
        assert np.array_equal(net.params[k], one.params), runs.row(k)
        assert net.rngs[k].bit_generator.state == one.rngs[0].bit_generator.state


@pytest.mark.parametrize("name, value", [("lr", 0.1), ("lr", [0.1, 0.2]), ("l2", 1e-3), ("l1", 0.5)])
def test_passing_a_setting_the_axis_names_again_raises(moons, name, value):
    X, y, _, _ = moons
    net = book(models=lockstep(seed=(0,), **{name: (0.05, 0.01)}))
    with pytest.raises(ValueError, match=f"{name}: the models differ in {name} \\(net.lockstep\\); do not pass it again"):
        train(net, X, y, epochs=1, **{name: value})


def test_a_zero_penalty_is_not_a_second_setting(moons):
    X, y, _, _ = moons
    a = book(models=lockstep(seed=(0,), l2=(0.0, 0.01)))
    b = a.copy()
    train(a, X[:50], y[:50], epochs=1, lr=0.1, l2=0.0)              # 0 means "not given"
    train(b, X[:50], y[:50], epochs=1, lr=0.1)
    assert np.array_equal(a.params, b.params)


# --- select and stack ----------------------------------------------------------------------------

def test_net_select_one_gives_a_single_network_several_a_smaller_lockstep():
    runs = lockstep(seed=range(3), lr=(0.05, 0.5))
    net = book(models=runs)
    one = net.select(seed=2, lr=0.5)
    assert one.lockstep is None and one.K == 1 and one.settings == {"seed": 2, "lr": 0.5}
    assert np.array_equal(one.params, net.params[5]) and one.params.shape == (37,)
    some = net.select(lr=0.5)
    assert some.K == 3 and some.lockstep.rows == [(0, 0.5), (1, 0.5), (2, 0.5)]
    assert np.array_equal(some.params, net.params[[1, 3, 5]]) and some.seeds == (0, 1, 2)
    before = net.get_params()
    some.params[:] = 7.0
    assert np.array_equal(net.params, before)                       # a copy
    with pytest.raises(ValueError, match="seed: no model has"):
        net.select(seed=9)
    with pytest.raises(ValueError, match="init: the models differ in seed, lr"):
        net.select(init="zeros")
    with pytest.raises(ValueError, match="seed: a single network or run has no models to select from"):
        one.select(seed=2)


def test_history_select_one_gives_a_single_run(moons):
    X, y, Xt, yt = moons
    runs = lockstep(seed=(0, 1), lr=(0.05, 0.5))
    hist = train(book(init=STD, models=runs), X, y, validation=(Xt, yt), epochs=2)
    one = hist.select(lr=0.5, seed=1)
    assert isinstance(one, History) and one.lockstep is None and one.K == 1
    assert np.array_equal(one.val_acc, hist.val_acc[:, 3]) and one.val_acc.shape == (3,)
    two = hist.select(lr=0.05)
    assert two.K == 2 and two.lockstep.rows == [(0, 0.05), (1, 0.05)]
    assert np.array_equal(two.train_loss, hist.train_loss[:, [0, 2]])
    with pytest.raises(ValueError, match="lr: no model has"):
        hist.select(lr=0.3)
    with pytest.raises(ValueError, match="lr: a single network or run"):
        one.select(lr=0.5)


@pytest.mark.parametrize("init", [
    pytest.param(("he_normal", "zeros"), id="names"),
    pytest.param(("he_normal", STD), id="with-params"),
])
def test_stack_is_the_inverse_of_model_k_for_networks(init):
    runs = lockstep(seed=(0, 1), init=init, dropout=(0.0, 0.5))
    net = book(models=runs)
    back = stack([net.model(k) for k in range(net.K)])
    assert back.lockstep == runs and back.K == 8 and back.seeds == net.seeds
    assert np.array_equal(back.params, net.params) and back.dropout == net.dropout
    for k in range(net.K):
        assert back.model(k).settings == net.model(k).settings
        assert back.rngs[k].bit_generator.state == net.rngs[k].bit_generator.state
    assert nnbook.stack is stack
    singles = [book(seed=s) for s in (4, 9)]
    pair = stack(singles)
    assert pair.lockstep == lockstep(seed=(4, 9)) and np.array_equal(pair.model(1).params, singles[1].params)
    twins = stack([book(seed=3), book(seed=3)])                      # equal settings: a "model" name
    assert twins.lockstep.names == ("model", "seed") and twins.lockstep.rows == [(0, 3), (1, 3)]
    with pytest.raises(TypeError, match=r"items\[1\]: expected a single MLP"):
        stack([singles[0], net])
    with pytest.raises(ValueError, match=r"items\[1\]: expected sizes"):
        stack([singles[0], MLP([2, 3, 1], "relu", "sigmoid", seed=1)])
    with pytest.raises(ValueError, match=r"items\[1\]: expected sizes .* and head"):
        stack([singles[0], book(seed=1, loss="mse")])
    with pytest.raises(ValueError, match="items: expected at least one network or history"):
        stack([])


def test_stack_is_the_inverse_of_model_k_for_histories(moons):
    X, y, Xt, yt = moons
    runs = lockstep(seed=(0, 1), lr=(0.05, 0.5))
    hist = train(book(init=STD, models=runs), X, y, validation=(Xt, yt), epochs=2, snapshots=True)
    back = stack([hist.model(k) for k in range(hist.K)])
    assert isinstance(back, History) and back.K == 4 and back.seeds == hist.seeds
    for name in ("train_loss", "train_acc", "val_loss", "val_acc", "penalty", "lr", "weights", "diverged",
                 "diverged_at", "diverged_loss", "stopped_at", "best_epoch"):
        assert np.array_equal(getattr(back, name), getattr(hist, name), equal_nan=True), name
    assert back.steps == hist.steps and back.epochs == hist.epochs
    with pytest.raises(TypeError, match=r"items\[1\]: expected a single run's History"):
        stack([hist.model(0), hist])
    short = train(book(init=STD, seed=0), X, y, epochs=1)
    with pytest.raises(ValueError, match=r"items\[1\]: expected 2 epochs, got 1"):
        stack([hist.model(0), short])


def test_stacked_histories_keep_the_axis_names(moons):
    X, y, _, _ = moons
    runs = lockstep(seed=(0, 1), lr=(0.05, 0.5))
    hist = train(book(init=STD, models=runs), X[:40], y[:40], epochs=1)
    back = stack([hist.model(k) for k in range(hist.K)])
    assert back.lockstep == runs
    assert np.array_equal(back.select(lr=0.5, seed=1).train_loss, hist.select(lr=0.5, seed=1).train_loss)


def test_a_per_layer_init_is_not_matched_by_its_first_layers_name():
    runs = lockstep(init=(("zeros", "he_normal", "he_normal"), "zeros", ("normal", {"std": 0.1})))
    assert runs.where(init="normal") == [2]
    assert runs.where(init="zeros") == [1]
