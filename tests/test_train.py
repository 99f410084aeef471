"""Training (nnbook.train): lockstep, regularization, early stopping, divergence, chunks (chapter 2)."""
from __future__ import annotations

import numpy as np
import pytest

import nnbook
from nnbook import data, optim, regularization
from nnbook.engine import Cache
from nnbook.history import History
from nnbook.lockstep import Lockstep
from nnbook.network import MLP, Penalty
from nnbook.train import StopTraining, Trainer, _lr_column, train


@pytest.fixture(scope="module")
def moons():
    return data.two_moons(n=400, seed=1)


def glassner(seed=0, std=0.5, **kw):
    return MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": std}), seed=seed, **kw)


def test_public_names():
    assert nnbook.MLP is MLP and nnbook.Trainer is Trainer and nnbook.History is History
    assert nnbook.train is train
    assert nnbook.StopTraining is StopTraining and nnbook.train.StopTraining is StopTraining


def test_one_epoch_of_per_sample_sgd_is_the_textbook_loop(moons):
    X, y, _, _ = moons
    net = glassner(seed=3)
    W, b = [w.copy() for w in net.weights], [v.copy() for v in net.biases]
    train(net, X, y, epochs=1, lr=0.05, seed=7)
    eta = 0.05
    for i in np.random.default_rng(7).permutation(len(X)):     # the same order
        a0 = X[i]
        z1 = W[0] @ a0 + b[0]
        a1 = np.maximum(z1, 0)
        z2 = W[1] @ a1 + b[1]
        a2 = np.maximum(z2, 0)
        p = 1 / (1 + np.exp(-(W[2] @ a2 + b[2])))
        d3 = p - y[i]
        d2 = (W[2].T @ d3) * (z2 >= 0)
        d1 = (W[1].T @ d2) * (z1 >= 0)
        for l, (d, a) in enumerate(((d1, a0), (d2, a1), (d3, a2))):
            W[l] -= eta * np.outer(d, a)
            b[l] -= eta * d
    for l in range(3):
        np.testing.assert_allclose(net.weights[l], W[l], rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(net.biases[l], b[l], rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("batch_size", [1, 16])
def test_lockstep_models_equal_single_runs_to_the_last_bit(moons, batch_size):
    X, y, Xt, yt = moons
    seeds, lrs, l2s = [5, 6, 7], [0.05, 0.01, 0.1], [0.0, 1e-3, 0.0]
    net = glassner(seed=seeds)
    hist = train(net, X, y, validation=(Xt, yt), epochs=2, batch_size=batch_size, lr=lrs, l2=l2s, seed=1)
    for k in range(3):
        one = glassner(seed=seeds[k])
        h1 = train(one, X, y, validation=(Xt, yt), epochs=2, batch_size=batch_size, lr=lrs[k], l2=l2s[k], seed=1)
        assert np.array_equal(one.params, net.params[k])
        assert np.array_equal(h1.train_loss, hist.train_loss[:, k])
        assert np.array_equal(h1.val_acc, hist.val_acc[:, k])


def test_lockstep_with_dropout_and_adam(moons):
    X, y, _, _ = moons
    net = glassner(seed=[2, 4], dropout=0.2)
    train(net, X[:100], y[:100], epochs=2, batch_size=4, optimizer="adam", lr=[0.01, 0.003], seed=0)
    one = glassner(seed=4, dropout=0.2)
    train(one, X[:100], y[:100], epochs=2, batch_size=4, optimizer="adam", lr=0.003, seed=0)
    np.testing.assert_allclose(one.params, net.params[1], rtol=1e-12, atol=1e-15)


def test_history_shapes_metrics_and_snapshots(moons):
    X, y, Xt, yt = moons
    net = glassner(seed=[0, 1])
    hist = train(net, X, y, validation=(Xt, yt), epochs=3, batch_size=8, lr=0.1, snapshots=True)
    for name in ("train_loss", "train_acc", "val_loss", "val_acc", "penalty", "lr"):
        assert getattr(hist, name).shape == (4, 2)
    assert hist.weights.shape == (4, 2, 37)
    assert np.array_equal(hist.weights[-1], net.params)
    assert hist.epochs == 3 and hist.K == 2 and hist.steps == 3 * 38      # ceil(300 / 8) = 38
    assert hist.seeds == (0, 1) and hist.lockstep == net.lockstep
    # epoch 0 is measured before training, every row on the whole sets
    first = glassner(seed=[0, 1])
    np.testing.assert_allclose(hist.train_loss[0], first.loss(X, y))
    np.testing.assert_allclose(hist.val_acc[0], first.accuracy(Xt, yt))
    np.testing.assert_allclose(hist.train_acc[-1], net.accuracy(X, y))
    np.testing.assert_allclose(hist.val_loss[-1], net.loss(Xt, yt))
    assert np.all(hist.lr == 0.1) and np.all(hist.penalty == 0)
    assert hist.train_loss[-1].max() < hist.train_loss[0].min()
    assert repr(hist) == "History(epochs=3, K=2, steps=114, diverged=0, weights=(4, 2, 37))"
    one = hist.model(1)
    assert one.K == 1 and one.lockstep is None and one.weights.shape == (4, 37) and one.seeds == (1,)
    assert one.train_loss.shape == (4,) and np.array_equal(one.train_loss, hist.train_loss[:, 1])
    assert isinstance(one.diverged, (bool, np.bool_)) and one.diverged_at == -1
    assert hist.model(-1).seeds == (1,) and hist.model(-2).seeds == (0,)
    np.testing.assert_array_equal(hist.model(-2).train_loss, hist.train_loss[:, 0])
    for bad in (2, -3, 0.5):
        with pytest.raises(ValueError, match="k: expected a model index"):
            hist.model(bad)
    single = train(glassner(), X, y, validation=(Xt, yt), epochs=3, batch_size=8, lr=0.1, snapshots=True)
    assert single.train_loss.shape == (4,) and single.weights.shape == (4, 37) and single.K == 1
    assert np.array_equal(single.train_loss, hist.train_loss[:, 0])


def test_a_single_runs_repr_shows_its_own_shapes(moons):
    X, y, _, _ = moons
    one = train(glassner(), X, y, epochs=1, batch_size=300, snapshots=True)
    assert one.weights.shape == (2, 37)
    assert repr(one) == "History(epochs=1, steps=1, diverged=0, weights=(2, 37))"


def test_summary_is_deterministic_and_informative(moons):
    X, y, Xt, yt = moons
    axis = Lockstep(("seed", "lr"), [(0, 0.05), (1, 0.01)])
    runs = [train(glassner(models=axis), X, y, validation=(Xt, yt), epochs=2) for _ in range(2)]
    text = runs[0].summary()
    assert text == runs[1].summary()
    lines = text.splitlines()
    assert lines[0] == "History: 2 epochs, 2 runs, 600 steps"
    assert lines[1].split() == ["seed", "lr", "train", "loss", "train", "acc", "val", "loss",
                                "val", "acc", "note"]
    assert lines[2].split()[:2] == ["0", "0.05"] and lines[3].split()[:2] == ["1", "0.01"]
    assert runs[0].message(0).startswith("epoch 2: train loss ")
    assert np.all(runs[0].lr == [0.05, 0.01])                      # each model trained with its own η


@pytest.mark.parametrize("batch_size, steps", [(1, 300), (7, 43), (300, 1), (1000, 1)])
def test_batch_sizes_from_one_to_full(moons, batch_size, steps):
    X, y, _, _ = moons
    hist = train(glassner(), X, y, epochs=2, batch_size=batch_size, lr=0.1)
    assert hist.steps == 2 * steps
    assert np.all(np.isfinite(hist.train_loss))


def test_full_batch_step_is_gradient_descent(moons):
    X, y, _, _ = moons
    net = glassner(seed=2)
    ref = net.copy()
    train(net, X, y, epochs=1, batch_size=len(X), lr=0.3)
    _, g = ref.gradient(X, y)
    np.testing.assert_allclose(net.params, ref.params - 0.3 * g.flat, rtol=1e-13, atol=1e-15)


def test_l2_in_the_loss_equals_weight_decay_under_sgd(moons):
    X, y, _, _ = moons
    lam, eta = 0.01, 0.2
    net = glassner(seed=2)
    ref = net.copy()
    train(net, X, y, epochs=1, batch_size=len(X), lr=eta, l2=lam)
    _, g = ref.gradient(X, y)                                  # ∇L₀, without the penalty
    regularization.weight_decay(ref.weights, lam, eta)         # w ← (1 − ηλ) w  (weights only)
    ref.params -= eta * g.flat                                 # then w ← w − η∇L₀
    np.testing.assert_allclose(net.params, ref.params, rtol=1e-13, atol=1e-15)


def test_l1_and_the_penalty_column(moons):
    X, y, _, _ = moons
    net = glassner(seed=2)
    ref = net.copy()
    hist = train(net, X, y, epochs=1, batch_size=len(X), lr=0.2, l1=0.01)
    _, g = ref.gradient(X, y, l1=0.01)
    np.testing.assert_allclose(net.params, ref.params - 0.2 * g.flat, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(hist.penalty[0], ref.penalty(l1=0.01))
    np.testing.assert_allclose(hist.penalty[1], net.penalty(l1=0.01))


def test_early_stopping_restores_the_best_weights(moons):
    X, y, Xt, yt = moons
    net = glassner(seed=[0, 1])
    hist = train(net, X[:40], y[:40], validation=(Xt, yt), epochs=60, lr=[0.5, 0.5], snapshots=True,
                 early_stopping=3)
    best = hist.best_epoch
    assert np.all(best >= 0)
    for k in range(2):
        assert np.array_equal(net.params[k], hist.weights[best[k], k])
        assert hist.val_loss[best[k], k] == np.nanmin(hist.val_loss[:, k])
        if hist.stopped_at[k] >= 0:
            assert hist.stopped_at[k] == best[k] + 3
    assert "best epoch" in hist.summary()


def test_early_stopping_stops_when_all_models_stopped(moons):
    X, y, Xt, yt = moons
    stopper = regularization.EarlyStopping(patience=1, min_delta=10.0)   # never improves after epoch 0
    trainer = Trainer(glassner(), X, y, validation=(Xt, yt), epochs=20, lr=0.1, early_stopping=stopper)
    trainer.run()
    assert trainer.done and trainer.epoch == 1
    hist = trainer.history
    assert hist.stopped_at == 1 and hist.best_epoch == 0 and hist.epochs == 1
    assert "stopped at epoch 1; best epoch 0" in hist.summary()


def test_divergence_is_recorded_without_warnings_and_others_continue(moons):
    X, y, Xt, yt = moons
    net = MLP([2, 8, 1], "relu", "identity", init="he_normal", seed=[0, 0])
    hist = train(net, X, y, validation=(Xt, yt), loss="mse", epochs=4, lr=[1e3, 0.01])
    assert hist.diverged.tolist() == [True, False]
    e = hist.diverged_at[0]
    assert 1 <= e <= 4 and hist.diverged_at[1] == -1
    assert not np.isfinite(hist.diverged_loss[0]) and np.isnan(hist.diverged_loss[1])
    assert np.all(np.isnan(hist.train_loss[e:, 0]))                # rows from divergence on are NaN
    assert np.all(np.isfinite(hist.train_loss[:e, 0]))
    assert np.all(np.isfinite(hist.train_loss[:, 1]))
    assert hist.message(0) == (f"diverged at epoch {e}: loss = {hist.diverged_loss[0]:.4g} "
                               f"(last finite loss {hist.train_loss[e - 1, 0]:.4g} at epoch {e - 1})")
    assert f"diverged at epoch {e}" in hist.summary()
    assert hist.learning.tolist() == [False, True]
    one = MLP([2, 8, 1], "relu", "identity", init="he_normal", seed=0)
    train(one, X, y, validation=(Xt, yt), loss="mse", epochs=4, lr=0.01)
    assert np.array_equal(one.params, net.params[1])


def test_all_models_diverged_ends_training(moons):
    X, y, _, _ = moons
    trainer = Trainer(MLP([2, 8, 1], "relu", "identity", init="he_normal", seed=0), X, y,
                      loss="mse", epochs=50, lr=1e4)
    trainer.run()
    assert trainer.done and trainer.diverged[0] and trainer.epoch < 50
    assert trainer.stop_reason == "all models stopped or diverged"


def test_mid_epoch_divergence_is_caught_between_chunks(moons):
    X, y, _, _ = moons
    trainer = Trainer(MLP([2, 8, 1], "relu", "identity", init="he_normal", seed=0), X, y,
                      loss="mse", epochs=3, lr=1e4)
    for _ in range(30):
        trainer.run(steps=5)
        if trainer.diverged[0]:
            break
    assert trainer.diverged[0] and trainer.diverged_at[0] == 1 and trainer.epoch == 0
    assert trainer.history.diverged and trainer.history.diverged_at == 1


def test_divergence_is_reported_alike_in_chunks_and_at_once(moons):
    X, y, _, _ = moons

    def make():
        return MLP([2, 8, 1], "relu", "identity", init="he_normal", seed=[0, 1])
    whole, parts = make(), make()
    h1 = train(whole, X, y, epochs=4, lr=[1e3, 0.01], seed=3)
    trainer = Trainer(parts, X, y, epochs=4, lr=[1e3, 0.01], seed=3)
    while not trainer.run(steps=37):
        pass
    h2 = trainer.history
    assert np.array_equal(whole.params, parts.params, equal_nan=True)
    assert np.array_equal(h1.diverged_at, h2.diverged_at)
    assert np.array_equal(h1.train_loss, h2.train_loss, equal_nan=True)
    assert np.array_equal(h1.diverged_loss, h2.diverged_loss, equal_nan=True)
    assert h1.message(0) == h2.message(0)


def test_training_in_chunks_equals_training_at_once(moons):
    X, y, Xt, yt = moons
    whole = glassner(seed=[1, 2])
    h1 = train(whole, X, y, validation=(Xt, yt), epochs=3, batch_size=3, lr=0.1, seed=4)
    parts = glassner(seed=[1, 2])
    trainer = Trainer(parts, X, y, validation=(Xt, yt), epochs=3, batch_size=3, lr=0.1, seed=4)
    chunks = 0
    while not trainer.run(steps=37):
        chunks += 1
        assert trainer.history.epochs == trainer.epoch
    assert chunks > 5 and trainer.run(steps=10)                     # finished stays finished
    assert np.array_equal(whole.params, parts.params)
    assert np.array_equal(h1.val_loss, trainer.history.val_loss)
    timed = Trainer(glassner(seed=[1, 2]), X, y, epochs=1, lr=0.1)
    timed.run(seconds=1e-6)
    assert 1 <= timed.step <= 16
    with pytest.raises(ValueError, match="seconds: expected a number > 0"):
        timed.run(seconds=0)
    with pytest.raises(ValueError, match="steps: expected an integer ≥ 0"):
        timed.run(steps=-1)


def test_callback_every_steps_and_stop(moons):
    X, y, _, _ = moons
    seen = []
    hist = train(glassner(), X, y, epochs=5, lr=0.1, callback=lambda t: seen.append(t.step),
                 callback_every=100)
    assert seen == list(range(100, 1501, 100)) and hist.epochs == 5

    def stop_at_250(trainer):
        return trainer.step < 250
    trainer = Trainer(glassner(), X, y, epochs=5, lr=0.1, callback=stop_at_250, callback_every=50)
    trainer.run()
    assert trainer.done and trainer.step == 250 and trainer.stop_reason == "callback"
    assert trainer.history.epochs == 0                              # the partial epoch is not a row

    def raise_after_two(trainer):
        if trainer.epoch == 2:
            raise StopTraining
    hist = train(glassner(), X, y, epochs=5, lr=0.1, callback=raise_after_two)
    assert hist.epochs == 2

    def raise_through_the_function(trainer):                        # nnbook.train.StopTraining
        if trainer.epoch == 3:
            raise nnbook.train.StopTraining()
    hist = train(glassner(), X, y, epochs=5, lr=0.1, callback=raise_through_the_function)
    assert hist.epochs == 3


def test_schedule_sets_the_learning_rate_each_epoch(moons):
    X, y, _, _ = moons
    hist = train(glassner(seed=[0, 1]), X, y, epochs=4, batch_size=50, lr=0.1,
                 schedule=optim.StepDecay(0.1, drop=0.5, every=2))
    # epochs 1-2 at 0.1, 3-4 at 0.05: StepLR's drop after every 2 epochs (row 0: the schedule's η0)
    np.testing.assert_allclose(hist.lr[:, 0], [0.1, 0.1, 0.1, 0.05, 0.05])
    hist = train(glassner(seed=[0, 1]), X, y, epochs=3, batch_size=50, lr=0.1,
                 schedule=optim.Adaptive(np.array([[0.1], [0.2]]), patience=1, tol=10.0))
    # epoch 1 improves on "no loss yet"; from then on no epoch gains tol = 10, so η drops by 5 each epoch
    np.testing.assert_allclose(hist.lr[1:], [[0.1, 0.2], [0.1 / 5, 0.2 / 5], [0.1 / 25, 0.2 / 25]])


def test_optimizer_instance_and_names(moons):
    X, y, _, _ = moons
    opt = optim.Momentum(lr=0.05, momentum=0.9)
    hist = train(glassner(), X, y, epochs=2, batch_size=10, optimizer=opt)
    assert hist.lr[0] == 0.05 and opt.t == 60
    hist = train(glassner(), X, y, epochs=2, batch_size=10, optimizer=opt, lr=0.02)
    assert opt.lr == 0.02 and hist.train_loss[-1] < hist.train_loss[0]
    for name in optim.names():
        h = train(glassner(), X, y, epochs=1, batch_size=10, optimizer=name, lr=0.01)
        assert np.all(np.isfinite(h.train_loss))


def test_epochs_to_and_zero_epochs(moons):
    X, y, Xt, yt = moons
    hist = train(glassner(seed=[0, 1]), X, y, validation=(Xt, yt), epochs=0)
    assert hist.epochs == 0 and hist.steps == 0 and hist.train_loss.shape == (1, 2)
    hist._rows["val_acc"][:] = [[0.5, 0.99]]
    assert hist.epochs_to(0.98).tolist() == [-1, 0]
    assert hist.model(1).epochs_to(0.98) == 0 and hist.model(0).epochs_to(0.98) == -1


def test_regression_targets_have_no_accuracy(moons):
    X, _, _, _ = moons
    t = np.sin(X[:, :1])
    hist = train(MLP([2, 5, 1], "tanh", "identity", seed=0), X, t, loss="mse", epochs=2, batch_size=10, lr=0.05)
    assert np.all(np.isnan(hist.train_acc)) and np.all(np.isnan(hist.val_acc))
    assert hist.train_loss[-1] < hist.train_loss[0]
    assert "acc" not in hist.message(0) and np.isnan(hist.chance)


def test_softmax_classifier_with_three_classes():
    X, y, Xt, yt = data.spirals(n=300, classes=3, seed=0)
    net = MLP([2, 16, 3], "tanh", "softmax", init="he_normal", seed=0)
    hist = train(net, X, y, validation=(Xt, yt), loss="cross_entropy", epochs=5, batch_size=8, lr=0.1)
    assert hist.val_acc[-1] > hist.val_acc[0] - 0.05 and np.all(np.isfinite(hist.val_loss))


def test_a_loss_other_than_the_heads_is_refused(moons):
    X, y, _, _ = moons
    with pytest.raises(ValueError, match=r"loss: this network's head is sigmoid \+ bce; to train on 'mse' "
                                         r"build it with MLP\(\.\.\., loss='mse'\)"):
        train(glassner(), X, y, loss="mse", epochs=1)
    net = glassner(loss="mse")                                      # built with it: fine
    h = train(net, X, y, loss="mse", epochs=1, lr=0.1)
    assert h.train_loss[0] == glassner(loss="mse").loss(X, y)


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(X=np.ones((10, 3))), ValueError, r"X: expected shape \(n, 2\)"),
    (dict(X=np.full((10, 2), np.nan)), ValueError, "X: contains NaN"),
    (dict(y=np.zeros(9)), ValueError, "y: expected 10 targets"),
    (dict(lr=0.0), ValueError, "lr: expected finite values > 0"),
    (dict(lr=-1.0), ValueError, "lr: expected finite values > 0"),
    (dict(lr=[0.1, 0.2]), ValueError, r"lr: expected a number or one per model \(1,\)"),
    (dict(batch_size=0), ValueError, "batch_size: expected an integer ≥ 1"),
    (dict(epochs=-1), ValueError, "epochs: expected an integer ≥ 0"),
    (dict(epochs=10**6 + 1), ValueError, "epochs: expected an integer ≥ 0 and ≤ 1e"),
    (dict(epochs=10**6, X=np.zeros((20, 2)), y=np.zeros(20)), ValueError,
     "epochs: this asks for 20,000,000 training steps; the limit is 10,000,000"),
    (dict(l2=-0.1), ValueError, "l2: expected finite values ≥ 0"),
    (dict(l1="a"), TypeError, "l1: expected an array of numbers"),
    (dict(loss="bce_typo"), ValueError, "loss: unknown loss 'bce_typo'"),
    (dict(loss="hinge"), ValueError, "loss: hinge expects scores/logits"),
    (dict(optimizer="adamw"), ValueError, "optimizer: unknown optimizer 'adamw'"),
    (dict(optimizer=3), TypeError, "optimizer: expected a name"),
    (dict(schedule=3), TypeError, "schedule: expected a callable"),
    (dict(early_stopping=3), ValueError, "early_stopping: needs a validation set"),
    (dict(callback=3), TypeError, "callback: expected a function"),
    (dict(callback_every=0), ValueError, "callback_every: expected an integer ≥ 1"),
    (dict(seed=-1), ValueError, "seed: expected an integer ≥ 0"),
    (dict(shuffle="yes"), TypeError, "shuffle: expected True or False"),
    (dict(snapshots="no"), TypeError, "snapshots: expected True or False, got str 'no'"),
    (dict(snapshots=1), TypeError, "snapshots: expected True or False"),
    (dict(validation=np.ones(3)), TypeError, r"validation: expected a pair \(X_val, y_val\)"),
    (dict(validation=(np.ones((3, 3)), np.ones(3))), ValueError, r"validation X: expected shape \(n, 2\)"),
    (dict(validation=(np.ones((3, 2)), np.ones(2))), ValueError, "validation y: expected 3 targets"),
    (dict(net="net"), TypeError, "net: expected an nnbook MLP"),
])
def test_bad_input_errors_name_the_argument(kwargs, error, match):
    args = dict(net=glassner(), X=np.zeros((10, 2)), y=np.zeros(10), epochs=1)
    args.update(kwargs)
    with pytest.raises(error, match=match):
        train(args.pop("net"), args.pop("X"), args.pop("y"), **args)


@pytest.mark.parametrize("lr", [np.float32(0.05), np.float64(0.05), np.array(0.05), 0.05])
def test_numpy_scalars_are_accepted_as_lr(moons, lr):
    X, y, _, _ = moons
    net = glassner(seed=1)
    hist = train(net, X[:50], y[:50], epochs=1, lr=lr)
    ref = glassner(seed=1)
    train(ref, X[:50], y[:50], epochs=1, lr=float(lr))
    assert np.array_equal(net.params, ref.params) and hist.lr.tolist() == [float(lr)] * 2


@pytest.mark.parametrize("standardize", ["yes", "no", 1, None])
def test_two_moons_refuses_a_standardize_that_is_not_a_bool(standardize):
    with pytest.raises(TypeError, match="standardize: expected True or False"):
        data.two_moons(n=100, standardize=standardize)


def test_unshuffled_order_and_generator_seed(moons):
    X, y, _, _ = moons
    a, b = glassner(), glassner()
    train(a, X, y, epochs=1, lr=0.1, shuffle=False)
    train(b, X, y, epochs=1, lr=0.1, seed=np.random.default_rng(0))
    assert not np.array_equal(a.params, b.params)
    c = glassner()
    train(c, X, y, epochs=1, lr=0.1, seed=0)
    assert np.array_equal(b.params, c.params)


# --- one path for everything: Cache.steps, with the numbers of the plain passes one by one -------

def _generic_training(net, X, y, *, epochs, batch_size=1, lr=0.01, seed=0, optimizer="sgd", l2=0.0,
                      l1=0.0, halve_at=None):
    """The reference loop: the trainer's order, then forward, output_delta, backward, penalty and
    optimizer.step, one call each per batch; (train losses per epoch, snapshots)."""
    n, K = len(X), net.K
    X1, Y = net._augment(X), net.targets(y, n)
    rng = np.random.default_rng(seed)
    opt = optim.get(optimizer, lr=_lr_column(lr, K))
    grads, penalty = np.zeros((K, net.n_params)), Penalty(net, l2, l1)
    rngs = net.rngs if net._drop.any() else None
    bs, caches, step = min(batch_size, n), {}, 0
    losses, weights = [np.atleast_1d(net.loss(X, y))], [net._params.copy()]
    for _ in range(epochs):
        order = rng.permutation(n)
        Xs, Ys = X1[order], Y[order]
        for s in range(0, n, bs):
            xb, yb = Xs[s:s + bs], Ys[s:s + bs]
            cache = caches.setdefault(len(xb), Cache(net, len(xb)))
            cache.forward(xb, rngs=rngs)
            cache.output_delta(yb)
            cache.backward(grads)
            if penalty.active:
                penalty.add_grad(grads)
            opt.step(net._params, grads)
            step += 1
            if step == halve_at:
                opt.lr = opt.lr / 2
        losses.append(np.atleast_1d(net.loss(X, y)))
        weights.append(net._params.copy())
    return np.array(losses), np.array(weights)


@pytest.mark.parametrize("make, kw", [
    (lambda: glassner(seed=0, std=0.05), dict(epochs=2, lr=0.05)),
    (lambda: glassner(seed=[0, 1, 2], std=0.05), dict(epochs=2, lr=[0.5, 0.05, 0.01])),
    (lambda: glassner(seed=[3, 4]), dict(epochs=2, batch_size=7, lr=0.1)),          # a short last batch
    (lambda: glassner(seed=[3, 4]), dict(epochs=2, batch_size=400, lr=0.5)),        # full batch
    (lambda: MLP([2, 6, 1], "tanh", "identity", init="he_normal", seed=[0, 1]), dict(epochs=2, lr=0.01)),
    (lambda: MLP([2, 5, 2], "elu", "softmax", init="he_normal", seed=2), dict(epochs=2, lr=0.1)),
    (lambda: glassner(seed=[0, 1]), dict(epochs=2, lr=0.05, l2=1e-3, l1=[1e-3, 0.0])),
    (lambda: glassner(seed=[0, 1], dropout=0.2), dict(epochs=2, batch_size=3, lr=0.05)),
    (lambda: glassner(seed=5), dict(epochs=2, batch_size=4, lr=0.01, optimizer="momentum")),
    (lambda: glassner(seed=[5, 6]), dict(epochs=2, batch_size=16, lr=0.01, optimizer="adam")),
    (lambda: MLP([2, 4, 1], "relu", "sigmoid", loss="mse", seed=0), dict(epochs=2, lr=0.1)),
    (lambda: MLP([2, 4, 1], "relu", "identity", loss="huber", seed=[0, 1]), dict(epochs=2, lr=0.1)),
    (lambda: MLP([2, 4, 1], "tanh", "identity", loss="hinge", seed=0), dict(epochs=2, batch_size=5, lr=0.1)),
])
def test_training_equals_the_plain_passes_one_by_one_to_the_last_bit(moons, make, kw):
    X, y, Xt, yt = moons
    trained, ref = make(), make()
    hist = train(trained, X, y, validation=(Xt, yt), snapshots=True, seed=3, **kw)
    losses, weights = _generic_training(ref, X, y, seed=3, **kw)
    assert np.array_equal(trained.params, ref.params)
    assert np.array_equal(hist.weights, weights if ref.lockstep is not None else weights[:, 0])
    assert np.array_equal(np.asarray(hist.train_loss).reshape(losses.shape), losses)
    chunked = make()
    trainer = Trainer(chunked, X, y, validation=(Xt, yt), snapshots=True, seed=3, **kw)
    while not trainer.run(steps=37):
        pass
    assert np.array_equal(chunked.params, trained.params)
    for name in ("train_loss", "val_loss", "train_acc", "val_acc", "weights", "diverged_at"):
        assert np.array_equal(getattr(trainer.history, name), getattr(hist, name), equal_nan=True), name
    assert trainer.optimizer.t == trainer.step == hist.steps


def test_cache_steps_is_the_only_training_path(moons, monkeypatch):
    X, y, _, _ = moons
    used = []
    original = Cache.steps

    def spy(self, X_aug, *args):
        used.append(len(X_aug))
        return original(self, X_aug, *args)
    monkeypatch.setattr(Cache, "steps", spy)

    def steps_through_cache_steps(net, **kw):
        used.clear()
        hist = train(net, X, y, epochs=1, **kw)
        assert hist.steps > 0
        return sum(used), hist.steps
    configs = [
        (glassner(), dict(lr=0.1)),
        (glassner(), dict(lr=0.1, batch_size=7)),                   # with the short last batch
        (MLP([2, 4, 1], "relu", "identity", seed=0), dict(lr=0.01)),
        (glassner(), dict(lr=0.1, l2=1e-3)),
        (glassner(), dict(lr=0.1, l1=1e-3)),
        (glassner(dropout=0.2), dict(lr=0.1)),
        (glassner(), dict(lr=0.1, optimizer="momentum")),
        (MLP([2, 4, 1], "relu", "sigmoid", loss="mse", seed=0), dict(lr=0.1)),
        (MLP([2, 4, 1], "relu", "identity", loss="huber", seed=0), dict(lr=0.1)),
        (glassner(seed=[0, 1]), dict(lr=[0.1, 0.2], batch_size=300)),
    ]
    for net, kw in configs:
        through, total = steps_through_cache_steps(net, **kw)
        assert through == total, kw


def test_timed_chunks_with_callbacks_and_a_changed_rate(moons):
    X, y, _, _ = moons

    def halve_at_150(trainer):                    # a callback may change η between steps
        if trainer.step == 150:
            trainer.optimizer.lr = trainer.optimizer.lr / 2
    net = glassner(seed=[0, 1], std=0.05)
    trainer = Trainer(net, X, y, epochs=2, lr=0.1, seed=2, callback=halve_at_150, callback_every=50)
    chunks = 1
    while not trainer.run(seconds=1e-4):
        chunks += 1
    assert chunks > 2 and trainer.step == 2 * len(X) and trainer.optimizer.lr == 0.05
    ref = glassner(seed=[0, 1], std=0.05)
    _generic_training(ref, X, y, epochs=2, lr=0.1, seed=2, halve_at=150)
    assert np.array_equal(net.params, ref.params)
    at_once = glassner(seed=[0, 1], std=0.05)
    train(at_once, X, y, epochs=2, lr=0.1, seed=2, callback=halve_at_150, callback_every=50)
    assert np.array_equal(at_once.params, net.params)
