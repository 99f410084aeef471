"""The training loop: minibatch SGD (or any optimizer) with backprop, for K models in lockstep (chapter 2).

One SGD step on a batch B of n samples is

    forward:   z⁽ˡ⁾ = [a⁽ˡ⁻¹⁾ 1]·[W⁽ˡ⁾ | b⁽ˡ⁾]ᵀ,  a⁽ˡ⁾ = f_l(z⁽ˡ⁾)
    output:    δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾  (= (p − y)/n for sigmoid + bce, softmax + cross-entropy)
    backward:  ∂L/∂[W⁽ˡ⁾ | b⁽ˡ⁾] = δ⁽ˡ⁾ᵀ[a⁽ˡ⁻¹⁾ 1],  δ⁽ˡ⁻¹⁾ = f′(z⁽ˡ⁻¹⁾) ⊙ δ⁽ˡ⁾W⁽ˡ⁾
    penalty:   g ← g + λ₂W + λ₁ sign(W)       (weights only, chapter 5)
    update:    θ ← θ − η g                    (or the chosen optimizer, one call for all K models)

An epoch is one pass over the training set in an order shuffled from ``seed`` (the
same order for all K models). Loss and accuracy are measured on the whole training
and validation sets at epoch 0 (before training) and after every epoch.

:class:`Trainer` holds the state so training can run in chunks (``run(steps=…)`` or
``run(seconds=…)``), as the live widgets do; :func:`train` runs it to the end.
"""
from __future__ import annotations

import inspect
import math
import time

import numpy as np

from nnbook import checks
from nnbook.engine import Cache
from nnbook.heads import make_head
from nnbook.history import History
from nnbook.network import MLP
from nnbook.regularization import Penalty

__all__ = ["History", "Trainer", "StopTraining", "train"]

#: the most epochs a run may ask for, and the most optimizer steps (epochs × batches; a step
#: updates all K models of a lockstep run at once)
MAX_EPOCHS = 10**6
MAX_STEPS = checks.MAX_STEPS


class StopTraining(Exception):
    """Raise from a callback to stop training (returning False does the same) (chapter 2)."""


def _per_model(value, K, name, positive=False):
    """A number or K numbers → float array (K,)."""
    if isinstance(value, bool):
        raise TypeError(f"{name}: expected a number or one per model, got a bool")
    a = checks.real_array(value, name, finite=False)
    if a.ndim == 2 and a.shape[1] == 1:
        a = a[:, 0]
    if a.ndim > 1 or (a.ndim == 1 and a.shape[0] != K):
        raise ValueError(f"{name}: expected a number or one per model ({K},), got shape {a.shape}")
    if not np.all(np.isfinite(a)) or (np.any(a <= 0) if positive else np.any(a < 0)):
        raise ValueError(f"{name}: expected finite values {'> 0' if positive else '≥ 0'}, got {value!r}")
    return np.broadcast_to(a, (K,)).astype(float)


def _setting(net, name, given, default):
    """A training setting: from the lockstep axis when the models differ in it, else ``given``."""
    axis = net.lockstep
    if axis is not None and name in axis.names:
        if given is not None and not (name != "lr" and type(given) in (int, float) and given == 0):
            raise ValueError(f"{name}: the models differ in {name} (net.lockstep); do not pass it again")
        return axis.column(name)
    return default if given is None else given


def _lr_column(lr, K):
    """η as a float (one for all models) or a (K, 1) column broadcasting over (K, P)."""
    a = _per_model(lr, K, "lr", positive=True)
    if np.all(a == a[0]) and np.ndim(lr) == 0:
        return float(a[0])
    return a[:, None].copy()


def _optimizer(optimizer, lr, K):
    """The optimizer to train with, reset: a name (η = lr, default 0.01) or an Optimizer (its own η
    unless lr is given)."""
    from nnbook import optim as _optim
    if isinstance(optimizer, _optim.Optimizer):
        if lr is not None:
            optimizer.lr = _lr_column(lr, K)
    elif not isinstance(optimizer, str):
        raise TypeError(f"optimizer: expected a name ({', '.join(_optim.names())}) or an "
                        f"nnbook.optim optimizer, got {type(optimizer).__name__}")
    else:
        try:
            optimizer = _optim.get(optimizer, lr=_lr_column(0.01 if lr is None else lr, K))
        except ValueError as err:
            if str(err).startswith("name:"):
                raise ValueError("optimizer:" + str(err)[5:]) from None
            raise
    optimizer.reset()
    return optimizer


def _schedule(schedule):
    """None, or a callable that takes (epoch, samples_seen, loss)."""
    if schedule is None:
        return None
    if not callable(schedule):
        raise TypeError(f"schedule: expected a callable schedule(epoch, samples_seen, loss), "
                        f"got {type(schedule).__name__}")
    try:
        signature = inspect.signature(schedule)
    except (TypeError, ValueError):                   # some builtins have none: trust them
        return schedule
    try:
        signature.bind(1, 0, 0.0)
    except TypeError:
        raise TypeError(f"schedule: expected a callable schedule(epoch, samples_seen, loss), got one with "
                        f"signature {signature}") from None
    return schedule


def _validation(net, validation):
    """([X_val 1], Y_val): the validation pair as the network takes it."""
    try:
        X_val, y_val = validation
    except (TypeError, ValueError):
        raise TypeError("validation: expected a pair (X_val, y_val)") from None
    X_val = net._check_X(X_val, "validation X")
    return net._augment(X_val), net.targets(y_val, X_val.shape[0], "validation y")


def _early_stopping(early_stopping, has_validation):
    """None, or a reset EarlyStopping from a patience or an EarlyStopping (chapter 5)."""
    from nnbook import regularization as _reg
    if early_stopping is None or early_stopping is False:
        return None
    if not isinstance(early_stopping, _reg.EarlyStopping):
        try:
            early_stopping = _reg.EarlyStopping(patience=early_stopping)
        except (TypeError, ValueError) as err:
            raise type(err)(f"early_stopping: expected None, a patience (an integer ≥ 1) or an "
                            f"EarlyStopping; {str(err).split(': ', 1)[-1]}") from None
    if not has_validation:
        raise ValueError("early_stopping: needs a validation set (validation=(X_val, y_val))")
    early_stopping.reset()
    return early_stopping


class Trainer:
    """Training that can be run in chunks and resumed (chapter 2); :func:`train` wraps it.

    ``Trainer(net, X, y, …)`` sets everything up and measures epoch 0; ``run(steps=None,
    seconds=None)`` trains until ``steps`` more steps are done, ``seconds`` have passed
    (checked between steps) or training ends, and returns True once it is finished
    (``done``).  ``history`` is the :class:`~nnbook.history.History` so far; ``epoch``
    (completed epochs), ``step``, ``diverged``, ``stop_reason`` the state.  Every optimizer,
    loss, penalty and dropout takes the same path, :meth:`Cache.steps
    <nnbook.engine.Cache.steps>`, many steps per call.  A live widget runs it in chunks::

        while not trainer.run(seconds=0.005):     # a few ms of training …
            plot.update(trainer.history)          # … then redraw and let the kernel breathe
    """

    def __init__(self, net, X, y, *, validation=None, loss=None, epochs=10, batch_size=1, lr=None,
                 optimizer="sgd", schedule=None, l2=None, l1=None, seed=0, shuffle=True,
                 snapshots=False, early_stopping=None, callback=None, callback_every=None):
        if not isinstance(net, MLP):
            raise TypeError(f"net: expected an nnbook MLP, got {type(net).__name__}")
        self.net, K = net, net.K
        if loss is not None and make_head(net.output, loss) != net.head:
            raise ValueError(f"loss: this network's head is {net.output} + {net.loss_name}; to train on "
                             f"{loss!r} build it with MLP(..., loss={loss!r})")
        self.head = net.head
        X = net._check_X(X)
        self.n = n = X.shape[0]
        self.Y = net.targets(y, n)
        self._X1 = net._augment(X)
        self._val = None if validation is None else _validation(net, validation)
        self.epochs = checks.integer(epochs, "epochs", 0, MAX_EPOCHS)
        self.batch_size = min(checks.integer(batch_size, "batch_size", 1), n)
        checks.size(self.epochs * -(-n // self.batch_size), "epochs", MAX_STEPS, "training steps")
        self.l2 = _per_model(_setting(net, "l2", l2, 0.0), K, "l2")
        self.l1 = _per_model(_setting(net, "l1", l1, 0.0), K, "l1")
        self.penalty = Penalty(net, self.l2, self.l1)
        self.optimizer = _optimizer(optimizer, _setting(net, "lr", lr, None), K)
        self.schedule = _schedule(schedule)
        self.shuffle = checks.flag(shuffle, "shuffle")
        self._rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(
            checks.integer(seed, "seed", 0))
        self.snapshots = checks.flag(snapshots, "snapshots")
        if self.snapshots:
            checks.size((self.epochs + 1) * K * net.n_params, "snapshots, epochs", checks.MAX_ELEMENTS,
                        "parameter values to keep")
        self.early_stopping = _early_stopping(early_stopping, self._val is not None)
        if callback is not None and not callable(callback):
            raise TypeError(f"callback: expected a function callback(trainer), got {type(callback).__name__}")
        self.callback = callback
        self.callback_every = None if callback_every is None else checks.integer(callback_every, "callback_every", 1)
        self._rngs = net.rngs if net._drop.any() else None        # dropout masks in training steps
        self._grads = np.zeros((K, net.n_params))
        self._caches = {}
        classes = self.head.classes(self.Y)
        self.chance = math.nan if classes is None else float(np.bincount(classes).max() / n)
        # state
        self.epoch = 0                 # completed epochs
        self.step = 0                  # optimizer steps taken
        self.samples_seen = 0
        self._pos = n                  # position in the current epoch's order (n: epoch finished)
        self.done = self.epochs == 0
        self.stop_reason = None
        self.diverged = np.zeros(K, dtype=bool)
        self.diverged_at = np.full(K, -1)
        self.diverged_loss = np.full(K, np.nan)
        self.stopped_at = np.full(K, -1)
        self._frozen = np.zeros(K, dtype=bool)
        self._frozen_values = None
        self._rows = {key: [] for key in ("train_loss", "train_acc", "val_loss", "val_acc", "penalty", "lr")}
        self._weights = []
        self._end_epoch_metrics()
        if self.done:
            self._finish("epochs")

    # -- measuring ---------------------------------------------------------------------
    def _cache(self, n):
        if n not in self._caches:
            self._caches[n] = Cache(self.net, n)
        return self._caches[n]

    def _measure(self, X1, Y):
        """(loss, accuracy) per model on a whole set, in evaluation mode (no dropout)."""
        cache = self._cache(X1.shape[0])
        cache.forward(X1)
        loss = self.head.value(cache.z[-1], cache.out, Y)
        return np.asarray(loss, dtype=float).reshape(self.net.K), self.head.accuracy(cache.out, Y)

    def _end_epoch_metrics(self):
        net, e = self.net, self.epoch
        with np.errstate(all="ignore"):
            tl, ta = self._measure(self._X1, self.Y)
            vl, va = self._measure(*self._val) if self._val is not None else (np.full(net.K, np.nan),) * 2
            pen = self.penalty.value(strict=False)       # a diverging model's: inf or NaN
        bad = ~np.isfinite(tl) | ~np.all(np.isfinite(net._params), axis=1)
        new = bad & ~self.diverged
        if np.any(new):
            self.diverged |= new
            self.diverged_at[new] = e
            self.diverged_loss[new] = np.where(np.isfinite(tl[new]), np.nan, tl[new])
            self._freeze(new)
        for arr in (tl, ta, vl, va, pen):
            arr[self.diverged] = np.nan
        rate = self.optimizer.lr
        if e == 0 and getattr(self.schedule, "eta0", None) is not None:
            rate = self.schedule.eta0                # row 0 shows the η the schedule starts with
        lr = np.broadcast_to(np.asarray(rate, dtype=float).reshape(-1), (net.K,))
        for key, value in zip(self._rows, (tl, ta, vl, va, pen, lr)):
            self._rows[key].append(np.array(value, dtype=float))
        if self.snapshots:
            self._weights.append(net._params.copy())
        if self.early_stopping is not None:
            vloss = np.where(self.diverged, np.nan, vl)
            self.early_stopping.update(vloss if net.K > 1 else vloss, net._params, epoch=e)
            stopped = np.asarray(self.early_stopping.stopped, dtype=bool).reshape(-1) & ~self._frozen
            if np.any(stopped):
                self.stopped_at[stopped] = e
                self._freeze(stopped)

    def _freeze(self, which):
        """Stop updating the models in ``which`` (diverged or early-stopped); the others go on."""
        self._frozen |= which
        values, index = self.net._params[self._frozen].copy(), np.flatnonzero(self._frozen)

        def restore(params):
            params[index] = values
        self._frozen_values = restore

    # -- training ------------------------------------------------------------------------
    def _start_epoch(self):
        if self.schedule is not None:                  # η for epoch e ≥ 1 from the last loss
            last = self._rows["train_loss"][-1]
            loss = float(last[0]) if self.net.K == 1 else last.copy()
            rate = self.schedule(self.epoch + 1, self.samples_seen, loss)
            try:
                self.optimizer.lr = _lr_column(rate, self.net.K)
            except (TypeError, ValueError) as err:
                raise type(err)(f"schedule: returned {rate!r} for epoch {self.epoch + 1}; expected a learning "
                                f"rate ({str(err).split(': ', 1)[-1]})") from None
        order = self._rng.permutation(self.n) if self.shuffle else np.arange(self.n)
        self._Xs, self._Ys = self._X1[order], self.Y[order]      # this epoch's data order
        self._pos = 0

    def run(self, steps=None, seconds=None):
        """Train for up to ``steps`` more steps or ``seconds`` (None: to the end); True when done."""
        if steps is not None:
            steps = checks.integer(steps, "steps", 0)
        if seconds is not None:
            seconds = checks.number(seconds, "seconds", 0, low_open=True)
        deadline = None if seconds is None else time.perf_counter() + seconds
        limit = math.inf if steps is None else steps
        taken = 0
        n, bs, every = self.n, self.batch_size, self.callback_every
        with np.errstate(all="ignore"):       # a diverging model must not spray RuntimeWarnings
            while taken < limit and not self.done:
                if self._pos >= n:
                    self._start_epoch()
                # m steps in one go, up to the next thing to check: the end of the epoch, the
                # step limit, the next callback, the next look at the clock (every 16 steps)
                m = min(-(-(n - self._pos) // bs), limit - taken)
                if every is not None:
                    m = min(m, every - self.step % every)
                if deadline is not None:
                    m = min(m, 16 - (taken & 15))
                s = self._pos
                e = min(s + m * bs, n)
                self._steps(s, e)                                   # steps on samples s … e−1
                self._pos = e
                self.step += m
                self.samples_seen += e - s
                taken += m
                if every is not None and self.step % every == 0 and not self._call_back():
                    break
                if e == n:
                    self._end_epoch()
                if deadline is not None and (taken & 15) == 0 and time.perf_counter() > deadline:
                    break
            self._check_finite()
        return self.done

    def _steps(self, s, e):
        """Steps on this epoch's samples s … e−1 in batches of ``batch_size`` (the epoch's last
        batch may be smaller): the full batches in one :meth:`Cache.steps` call, checked once."""
        bs = self.batch_size
        self.optimizer.prepare(self.net._params, self._grads)
        penalty = self.penalty.add_grad if self.penalty.active else None
        full = (e - s) // bs * bs                                   # samples in full batches
        for a, b, size in ((s, s + full, bs), (s + full, e, e - s - full)):
            if b > a:
                m, d = (b - a) // size, self._Xs.shape[1]
                X, Y = self._Xs[a:b].reshape(m, size, d), self._Ys[a:b].reshape(m, size, -1)
                self._cache(size).steps(X, Y, self._grads, self.optimizer, penalty, self._rngs,
                                        self._frozen_values)

    def _check_finite(self):
        """Between chunks: freeze models whose parameters stopped being finite (mid-epoch)."""
        bad = ~np.all(np.isfinite(self.net._params), axis=1) & ~self.diverged
        if np.any(bad):
            with np.errstate(all="ignore"):
                loss = self._measure(self._X1, self.Y)[0]       # what the epoch's end would measure
            self.diverged |= bad
            self.diverged_at[bad] = self.epoch + 1
            self.diverged_loss[bad] = np.where(np.isfinite(loss[bad]), np.inf, loss[bad])
            self._freeze(bad)

    def _end_epoch(self):
        self.epoch += 1
        self._end_epoch_metrics()
        if self.epoch >= self.epochs:
            self._finish("epochs")
        elif np.all(self._frozen):
            self._finish("all models stopped or diverged")
        if self.callback is not None and self.callback_every is None:
            self._call_back()

    def _call_back(self):
        try:
            result = self.callback(self)
        except StopTraining:
            result = False
        if result is False:
            self._finish("callback")
            return False
        return True

    def _finish(self, reason):
        if self.done and self.stop_reason is not None:
            return
        self.done = True
        self.stop_reason = reason
        if self.early_stopping is not None and self.early_stopping.best_params is not None:
            best = self.early_stopping.best_epoch
            has_best = np.asarray(best).reshape(-1) >= 0
            params = self.net._params
            params[has_best] = np.asarray(self.early_stopping.best_params).reshape(params.shape)[has_best]

    @property
    def history(self):
        """The :class:`~nnbook.history.History` of the completed epochs."""
        best = np.full(self.net.K, -1)
        if self.early_stopping is not None and self.early_stopping.best_epoch is not None:
            best = np.asarray(self.early_stopping.best_epoch).reshape(-1).astype(int)
        per = {"diverged": self.diverged.copy(), "diverged_at": self.diverged_at.copy(),
               "diverged_loss": self.diverged_loss.copy(), "stopped_at": self.stopped_at.copy(),
               "best_epoch": best}
        return History({key: np.array(v) for key, v in self._rows.items()},
                       np.array(self._weights) if self.snapshots else None, per, steps=self.step,
                       seeds=self.net.seeds, lockstep=self.net.lockstep, chance=self.chance,
                       settings=self.net._rows)


def train(net, X, y, *, validation=None, loss=None, epochs=10, batch_size=1, lr=None, optimizer="sgd",
          schedule=None, l2=None, l1=None, seed=0, shuffle=True, snapshots=False, early_stopping=None,
          callback=None, callback_every=None) -> History:
    """Train ``net`` (all its models in lockstep) and return the :class:`~nnbook.history.History`.

    Each epoch visits the n training samples in an order shuffled from ``seed`` (the same
    for all models) in batches of ``batch_size`` (1: per-sample SGD, as Glassner; n: full
    batch; the last batch may be smaller); each batch is one step of ``optimizer`` (a name
    from :mod:`nnbook.optim` or an Optimizer) on J = L + (λ₂/2)‖W‖² + λ₁‖W‖₁, L the head's
    mean loss over the batch (``loss``, if given, must be the network's own: it is part of
    the network, ``MLP(..., loss=…)``).

    * ``lr`` η (default 0.01; with an Optimizer instance None keeps its own), ``l2``, ``l1`` λ:
      numbers, or one per model; when the network's lockstep axis names them
      (``models=lockstep(lr=…)``), each model takes its own and they are not passed here.
      ``schedule(epoch, samples_seen, loss) → η`` (chapter 1) is called at the start of every
      epoch ≥ 1 with the last epoch-end training loss.
    * The penalty is part of the loss (biases excluded): with plain SGD ``l2`` is weight decay
      w ← (1 − ηλ)w − η∇L (chapter 5); with Adam it is L2-in-the-loss, not AdamW.
    * Dropout is a property of the network (``MLP(..., dropout=p)``), on in training steps.
    * ``validation`` = (X_val, y_val) is measured at every epoch end; ``early_stopping``
      (patience, or an :class:`~nnbook.regularization.EarlyStopping`) freezes each model after
      that many epochs without a lower validation loss and restores its best weights.
    * ``snapshots=True`` keeps the parameters at every epoch end (History.weights).
    * ``callback(trainer)`` runs after every epoch (or every ``callback_every`` steps);
      returning False or raising :class:`StopTraining` stops training.
    * A model whose loss becomes non-finite is frozen and recorded (History.diverged,
      diverged_at); the others go on.  No RuntimeWarnings.  ``History.learning`` says which
      runs learn (the rule in :mod:`nnbook.history`).
    """
    trainer = Trainer(net, X, y, validation=validation, loss=loss, epochs=epochs, batch_size=batch_size,
                      lr=lr, optimizer=optimizer, schedule=schedule, l2=l2, l1=l1, seed=seed,
                      shuffle=shuffle, snapshots=snapshots, early_stopping=early_stopping,
                      callback=callback, callback_every=callback_every)
    trainer.run()
    return trainer.history


train.StopTraining = StopTraining       # nnbook.train is this function: nnbook.train.StopTraining works
