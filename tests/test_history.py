"""History (nnbook.history) and its "not learning" rule (chapter 2).

The rule (the module docstring): a run *diverged* if its loss or weights stopped being finite;
it is *not learning* if its final training loss is more than RISE (2) × its epoch-0 loss, or,
after at least CHANCE_EPOCHS (3) epochs, its training accuracy is within CHANCE_MARGIN (0.02)
of chance (the share of the most common class); otherwise it is *learning*.
"""
from __future__ import annotations

import math

import numpy as np
import pytest

import nnbook
from nnbook import MLP, data, history, lockstep, train
from nnbook.history import CHANCE_EPOCHS, CHANCE_MARGIN, FIELDS, PER_MODEL, RISE, History
from nnbook.train import StopTraining, Trainer


@pytest.fixture(scope="module")
def moons():
    return data.two_moons()


def book(**kw):
    """The book's two-moons network (chapter 2)."""
    return MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": 0.05}), **kw)


def test_the_rule_constants():
    assert (RISE, CHANCE_MARGIN, CHANCE_EPOCHS) == (2.0, 0.02, 3)
    doc = " ".join(history.__doc__.split())
    for text in ("``RISE`` (2)", "``CHANCE_MARGIN`` (0.02)", "``CHANCE_EPOCHS`` (3)"):
        assert text in doc


# --- the book's network at too large learning rates -----------------------------------------------

@pytest.mark.parametrize("lr", [5, 50, 1000])
def test_the_books_network_at_a_huge_rate_is_not_learning(moons, lr):
    X, y, Xt, yt = moons
    h = train(book(seed=2), X, y, validation=(Xt, yt), epochs=5, lr=lr)
    assert h.learning is False
    text = h.message()
    assert text.startswith(("not learning: ", "diverged at epoch "))
    start, end, acc = h.train_loss[0], h.train_loss[-1], h.train_acc[-1]
    if end > RISE * start:
        assert text == f"not learning: loss rose from {start:.4g} to {end:.4g}"
    else:
        assert acc <= h.chance + CHANCE_MARGIN
        assert text == (f"not learning: accuracy {acc:.3f} after 5 epochs is chance "
                        f"(always the most common class: {h.chance:.3f})")
    assert text in h.summary()
    assert h.chance == pytest.approx(max(np.mean(y), 1 - np.mean(y)))


def test_the_books_network_at_a_sane_rate_is_learning(moons):
    X, y, Xt, yt = moons
    h = train(book(seed=2), X, y, validation=(Xt, yt), epochs=5, lr=0.05)
    assert h.learning is True and not h.diverged
    assert h.train_acc[-1] > h.chance + 0.2 and h.train_loss[-1] < h.train_loss[0]
    assert h.message() == (f"epoch 5: train loss {h.train_loss[-1]:.4f}, acc {h.train_acc[-1]:.3f}; "
                           f"val loss {h.val_loss[-1]:.4f}, acc {h.val_acc[-1]:.3f}")
    assert "not learning" not in h.summary() and "diverged" not in h.summary()


def test_the_verdicts_in_lockstep_are_the_single_runs(moons):
    X, y, Xt, yt = moons
    runs = lockstep(lr=(0.05, 5, 50, 1000))
    h = train(book(seed=2, models=runs), X, y, validation=(Xt, yt), epochs=5)
    assert h.learning.tolist() == [True, False, False, False]
    for k, lr in enumerate(runs.column("lr")):
        one = train(book(seed=2), X, y, validation=(Xt, yt), epochs=5, lr=lr)
        assert h.message(k) == one.message() and h.select(lr=lr).learning == one.learning
    lines = h.summary().splitlines()
    assert len(lines) == 2 + 4 and lines[1].split()[0] == "lr"
    assert all(h.message(k) in lines[2 + k] for k in range(1, 4))


# --- the rule on histories made by hand -----------------------------------------------------------

def made(train_loss, train_acc, chance=0.5, diverged_at=-1, diverged_loss=math.nan):
    E1 = len(train_loss)
    rows = {name: np.full(E1, np.nan) for name in FIELDS}
    rows["train_loss"], rows["train_acc"] = np.asarray(train_loss, float), np.asarray(train_acc, float)
    per = {"diverged": [diverged_at >= 0], "diverged_at": [diverged_at], "diverged_loss": [diverged_loss],
           "stopped_at": [-1], "best_epoch": [-1]}
    return History(rows, None, per, steps=E1 - 1, seeds=[0], chance=chance)


def test_a_loss_that_more_than_doubles_is_not_learning():
    assert made([1.0, 2.0], [0.5, 0.9]).learning                    # exactly RISE × start: still learning
    h = made([1.0, 2.0 + 1e-9], [0.5, 0.9])
    assert not h.learning and h.message() == "not learning: loss rose from 1 to 2"
    assert made([1.0, 0.5, 0.4], [0.5, 0.6, 0.7]).learning
    assert made([1.0], [0.5]).learning                              # epoch 0 only: no verdict yet


def test_chance_accuracy_counts_after_three_epochs():
    chance = 0.6
    at_chance = [0.6, 0.6, 0.6, 0.6 + CHANCE_MARGIN]
    assert made([0.7, 0.69, 0.69], at_chance[:3], chance).learning   # 2 epochs: too early to tell
    h = made([0.7, 0.69, 0.69, 0.69], at_chance, chance)
    assert not h.learning
    assert h.message() == ("not learning: accuracy 0.620 after 3 epochs is chance "
                           "(always the most common class: 0.600)")
    assert made([0.7, 0.69, 0.69, 0.69], at_chance[:3] + [0.6 + CHANCE_MARGIN + 1e-6], chance).learning
    assert made([0.7, 0.6, 0.6, 0.6], [np.nan] * 4, math.nan).learning   # regression: no chance


def test_divergence_comes_first_and_shows_the_last_finite_loss():
    h = made([0.7, 12.0, np.nan], [0.5, 0.5, np.nan], diverged_at=2, diverged_loss=math.inf)
    assert not h.learning
    assert h.message() == "diverged at epoch 2: loss = inf (last finite loss 12 at epoch 1)"
    h = made([np.nan, np.nan], [np.nan, np.nan], diverged_at=0, diverged_loss=math.nan)
    assert h.message() == "diverged at epoch 0: loss = nan"


def test_divergence_keeps_an_overflowed_loss_as_inf(moons):
    """Full-batch GD on identity + mse at η = 2: the weights stay finite while the loss
    overflows to inf (z² > 1.8e308) at an epoch end; the history keeps that inf."""
    X, y, _, _ = data.two_moons(n=400, seed=1)
    net = MLP([2, 8, 1], "relu", "identity", init="he_normal", seed=0)
    h = train(net, X, y, epochs=50, batch_size=len(X), lr=2.0)
    e = int(h.diverged_at)
    assert h.diverged and e >= 2 and h.diverged_loss == math.inf
    assert np.all(np.isfinite(net.params))                          # the loss, not the weights, overflowed
    assert np.isfinite(h.train_loss[e - 1]) and np.all(np.isnan(h.train_loss[e:]))
    assert h.message() == (f"diverged at epoch {e}: loss = inf "
                           f"(last finite loss {h.train_loss[e - 1]:.4g} at epoch {e - 1})")
    assert h.learning is False and h.message() in h.summary()
    assert h.epochs == e                                            # the only model: training ends there


def test_divergence_to_nan_weights_says_nan(moons):
    X, y, _, _ = data.two_moons(n=400, seed=1)
    h = train(MLP([2, 8, 1], "relu", "identity", init="he_normal", seed=0), X, y, epochs=3, lr=1e3)
    assert h.diverged and h.diverged_at == 1 and math.isnan(h.diverged_loss)
    assert h.message() == f"diverged at epoch 1: loss = nan (last finite loss {h.train_loss[0]:.4g} at epoch 0)"


# --- arguments ------------------------------------------------------------------------------------

def test_bad_arguments_raise_naming_them(moons):
    X, y, Xt, yt = moons
    h = train(book(seed=0), X[:50], y[:50], validation=(Xt, yt), epochs=1)
    with pytest.raises(ValueError, match=r"k: expected a model index in 0 … 0 \(or -1 … -1\), got 5"):
        h.message(5)
    with pytest.raises(ValueError, match="k: expected a model index"):
        h.message(True)
    with pytest.raises(ValueError, match="digits: expected an integer ≥ 0 and ≤ 12, got -1"):
        h.summary(digits=-1)
    with pytest.raises(TypeError, match="digits: expected an integer"):
        h.summary(digits=2.5)
    with pytest.raises(ValueError, match="metric: expected one of 'train_acc', 'val_acc', 'train_loss', "
                                         "'val_loss', got 'nope'"):
        h.epochs_to(0.5, metric="nope")
    with pytest.raises(TypeError, match="threshold: expected a number"):
        h.epochs_to("high")
    with pytest.raises(ValueError, match="threshold: expected a finite number"):
        h.epochs_to(float("nan"))
    with pytest.raises(AttributeError, match="History has no field 'nope'; fields: train_loss"):
        h.nope
    lock = train(book(seed=[0, 1]), X[:50], y[:50], epochs=1)
    with pytest.raises(ValueError, match=r"k: expected a model index in 0 … 1"):
        lock.message(2)
    assert lock.message(-1) == lock.message(1)


def test_summary_digits_and_epochs_to(moons):
    X, y, Xt, yt = moons
    h = train(book(seed=2), X, y, validation=(Xt, yt), epochs=3, lr=0.05)
    assert f"{h.train_loss[-1]:.2f}" in h.summary(digits=2).splitlines()[2]
    assert f"{h.train_loss[-1]:.6f}" in h.summary(digits=6).splitlines()[2]
    first = h.epochs_to(0.8)
    assert isinstance(first, (int, np.integer)) and first == int(np.argmax(h.val_acc >= 0.8))
    assert h.epochs_to(1.01) == -1 and h.epochs_to(0.0, metric="train_acc") == 0
    lock = train(book(seed=[2, 3]), X, y, validation=(Xt, yt), epochs=3, lr=0.05)
    assert lock.epochs_to(0.8).shape == (2,) and lock.epochs_to(0.8)[0] == first


def test_epochs_to_a_loss_is_when_it_falls_below(moons):
    X, y, Xt, yt = moons
    h = train(book(seed=2), X, y, validation=(Xt, yt), epochs=3, lr=0.05)
    assert h.train_loss[0] > 0.3 > h.train_loss.min()
    assert h.epochs_to(0.3, metric="train_loss") == int(np.argmax(h.train_loss <= 0.3))


def test_history_fields_and_shapes(moons):
    X, y, Xt, yt = moons
    h = train(book(seed=2), X[:64], y[:64], epochs=2, lr=0.05)
    for name in FIELDS:
        assert getattr(h, name).shape == (3,), name
    for name in PER_MODEL:
        assert np.ndim(getattr(h, name)) == 0, name
    assert np.all(np.isnan(h.val_loss)) and h.weights is None and h.K == 1 and h.lockstep is None
    assert h.stopped_at == -1 and h.best_epoch == -1 and h.diverged_at == -1 and not h.diverged


# --- StopTraining ---------------------------------------------------------------------------------

def test_stop_training_from_every_name(moons):
    X, y, _, _ = moons
    assert nnbook.train.StopTraining is StopTraining is nnbook.StopTraining
    assert issubclass(StopTraining, Exception)
    for cls in (nnbook.train.StopTraining, nnbook.StopTraining, StopTraining):
        def stop(trainer, cls=cls):
            if trainer.step >= 30:
                raise cls("enough")
        trainer = Trainer(book(seed=0), X[:64], y[:64], epochs=5, lr=0.05, callback=stop, callback_every=10)
        trainer.run()
        assert trainer.done and trainer.step == 30 and trainer.stop_reason == "callback"
        assert trainer.history.epochs == 0 and trainer.history.learning

    def stop_after_two(trainer):
        if trainer.epoch == 2:
            raise nnbook.train.StopTraining()
    assert train(book(seed=0), X[:64], y[:64], epochs=5, lr=0.05, callback=stop_after_two).epochs == 2

    def fail(trainer):
        raise RuntimeError("other errors pass")
    with pytest.raises(RuntimeError, match="other errors pass"):
        train(book(seed=0), X[:64], y[:64], epochs=2, callback=fail)
