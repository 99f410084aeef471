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

import math
import time
from dataclasses import dataclass

import numpy as np

from nnbook.network import MLP, Cache, _labels, _model_index, _true_labels, _residual_delta, resolve_loss
from nnbook.optim import SGD as _SGD

__all__ = ["History", "Trainer", "StopTraining", "train"]


class StopTraining(Exception):
    """Raise from a callback to stop training (returning False does the same) (chapter 2)."""


@dataclass(repr=False)
class History:
    """What happened during training, one row per epoch 0 … E and one column per model (chapter 2).

    Row 0 is measured before training, row e after epoch e, on the whole sets:
    ``train_loss``, ``train_acc``, ``val_loss``, ``val_acc`` (E+1, K) — the data loss
    (mean over samples, without the penalty) and the accuracy (NaN where there is no
    validation set or the targets are not classes); ``penalty`` (E+1, K) the
    regularization term (λ₂/2)‖W‖² + λ₁‖W‖₁; ``lr`` (E+1, K) the learning rate used
    during epoch e (row 0: the initial one); ``weights`` (E+1, K, P) parameter
    snapshots, or None.  ``diverged[k]`` says whether model k's loss became non-finite,
    ``diverged_at[k]`` in which epoch (−1: never); rows after that are NaN.
    ``stopped_at[k]`` is the epoch at which early stopping froze model k (−1: never),
    ``best_epoch[k]`` the epoch whose weights it restored (−1 without early stopping).
    """

    train_loss: np.ndarray
    train_acc: np.ndarray
    val_loss: np.ndarray
    val_acc: np.ndarray
    penalty: np.ndarray
    lr: np.ndarray
    weights: np.ndarray | None
    diverged: np.ndarray
    diverged_at: np.ndarray
    stopped_at: np.ndarray
    best_epoch: np.ndarray
    steps: int
    seeds: tuple

    @property
    def epochs(self):
        """E, the number of completed epochs (rows − 1)."""
        return self.train_loss.shape[0] - 1

    @property
    def K(self):
        """The number of models."""
        return self.train_loss.shape[1]

    def epochs_to(self, threshold, metric="val_acc"):
        """First epoch at which ``metric`` ≥ threshold, per model (K,); −1 if never (chapter 2)."""
        values = getattr(self, metric)
        with np.errstate(invalid="ignore"):
            hit = values >= threshold
        first = np.argmax(hit, axis=0)
        return np.where(hit.any(axis=0), first, -1)

    def model(self, k):
        """The history of model k alone (K = 1); negative k counts from the end."""
        k = _model_index(k, self.K)
        sl = slice(k, k + 1)
        pick = {name: getattr(self, name)[:, sl] for name in
                ("train_loss", "train_acc", "val_loss", "val_acc", "penalty", "lr")}
        return History(**pick, weights=None if self.weights is None else self.weights[:, sl],
                       diverged=self.diverged[sl], diverged_at=self.diverged_at[sl],
                       stopped_at=self.stopped_at[sl], best_epoch=self.best_epoch[sl],
                       steps=self.steps, seeds=self.seeds[sl])

    def message(self, k=0):
        """One line for model k: "diverged at epoch 7: loss = inf" or its final losses."""
        if self.diverged[k]:
            e = int(self.diverged_at[k])
            v = self.train_loss[e, k] if e <= self.epochs else math.nan
            return f"diverged at epoch {e}: loss = {v:.4g}"
        text = f"epoch {self.epochs}: train loss {self.train_loss[-1, k]:.4f}"
        if not np.isnan(self.train_acc[-1, k]):
            text += f", acc {self.train_acc[-1, k]:.3f}"
        if not np.isnan(self.val_loss[-1, k]):
            text += f"; val loss {self.val_loss[-1, k]:.4f}"
        if not np.isnan(self.val_acc[-1, k]):
            text += f", acc {self.val_acc[-1, k]:.3f}"
        return text

    def summary(self, digits=4):
        """A deterministic table: one line per model with seed, η and the final metrics."""
        def num(x, d=digits):
            return "nan" if not np.isfinite(x) else f"{x:.{d}f}"
        lines = [f"History: {self.epochs} epochs, {self.K} model{'s' * (self.K != 1)}, {self.steps} steps",
                 f"{'model':>5} {'seed':>5} {'lr':>8} {'train loss':>10} {'train acc':>9} "
                 f"{'val loss':>9} {'val acc':>7}  note"]
        for k in range(self.K):
            note = ""
            if self.diverged[k]:
                note = f"diverged at epoch {self.diverged_at[k]}"
            elif self.stopped_at[k] >= 0:
                note = f"stopped at epoch {self.stopped_at[k]}"
            if self.best_epoch[k] >= 0:
                note += ("; " if note else "") + f"best epoch {self.best_epoch[k]}"
            seed = "-" if self.seeds[k] is None else str(self.seeds[k])
            last = self.epochs
            if self.diverged[k]:
                last = min(int(self.diverged_at[k]), self.epochs)
            lines.append(f"{k:>5} {seed:>5} {self.lr[0, k]:>8.4g} {num(self.train_loss[last, k]):>10} "
                         f"{num(self.train_acc[last, k], 3):>9} {num(self.val_loss[last, k]):>9} "
                         f"{num(self.val_acc[last, k], 3):>7}  {note}".rstrip())
        return "\n".join(lines)

    def __repr__(self):
        weights = "" if self.weights is None else f", weights={self.weights.shape}"
        return (f"History(epochs={self.epochs}, K={self.K}, steps={self.steps}, "
                f"diverged={int(self.diverged.sum())}{weights})")


def _check_int(value, name, low):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ValueError(f"{name}: expected an integer ≥ {low}, got {value!r}")
    return int(value)


def _per_model(value, K, name, positive=False):
    """A number or K numbers → float array (K,)."""
    if isinstance(value, bool):
        raise TypeError(f"{name}: expected a number or one per model, got a bool")
    try:
        a = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name}: expected a number or one per model, got {type(value).__name__}") from None
    if a.ndim == 2 and a.shape[1] == 1:
        a = a[:, 0]
    if a.ndim > 1 or (a.ndim == 1 and a.shape[0] != K):
        raise ValueError(f"{name}: expected a number or one per model ({K},), got shape {a.shape}")
    if not np.all(np.isfinite(a)) or (np.any(a <= 0) if positive else np.any(a < 0)):
        raise ValueError(f"{name}: expected finite values {'> 0' if positive else '≥ 0'}, got {value!r}")
    return np.broadcast_to(a, (K,)).astype(float)


class Trainer:
    """Training that can be run in chunks and resumed (chapter 2); :func:`train` wraps it.

    ``Trainer(net, X, y, …)`` sets everything up and measures epoch 0;
    ``run(steps=None, seconds=None)`` trains until ``steps`` more SGD steps are done,
    ``seconds`` have passed (checked between steps), or training ends; it returns True
    once training is finished (``done``).  ``history`` is the :class:`History` so far;
    ``epoch`` (completed epochs), ``step``, ``diverged``, ``stop_reason`` the state.
    Plain SGD without penalties or dropout, where δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − y)/n, takes the fused
    step :meth:`Cache.sgd_steps <nnbook.network.Cache.sgd_steps>`; ``fast = False`` forces
    the generic step (forward, output delta, backprop, optimizer), with the same numbers.
    The arguments are those of :func:`train`.  A live widget runs it as an asyncio task::

        while not trainer.run(seconds=0.005):     # a few ms of training …
            plot.update(trainer.history)          # … then redraw and let the kernel breathe
            await asyncio.sleep(0)
    """

    def __init__(self, net, X, y, *, validation=None, loss="bce", epochs=10, batch_size=1, lr=None,
                 optimizer="sgd", schedule=None, l2=0.0, l1=0.0, seed=0, shuffle=True,
                 snapshots=False, early_stopping=None, callback=None, callback_every=None):
        from nnbook import optim as _optim
        from nnbook import regularization as _reg
        if not isinstance(net, MLP):
            raise TypeError(f"net: expected an nnbook MLP, got {type(net).__name__}")
        self.net = net
        K = net.K
        self.loss, self._mode = resolve_loss(loss, net.output)
        X = net._check_X(X)
        self.n = n = X.shape[0]
        self.Y = net.targets(y, n, self.loss)
        self._X1 = net._augment(X)
        if validation is not None:
            try:
                X_val, y_val = validation
            except (TypeError, ValueError):
                raise TypeError("validation: expected a pair (X_val, y_val)") from None
            X_val = net._check_X(X_val, "validation X")
            self._val = (net._augment(X_val), net.targets(y_val, X_val.shape[0], self.loss, "validation y"))
        else:
            self._val = None
        self.epochs = _check_int(epochs, "epochs", 0)
        self.batch_size = _check_int(batch_size, "batch_size", 1)
        self.batch_size = min(self.batch_size, n)
        self.l2 = _per_model(l2, K, "l2")
        self.l1 = _per_model(l1, K, "l1")
        wmask = net.is_weight.astype(float)
        self._l2 = self.l2[:, None] * wmask if np.any(self.l2) else None      # λ₂ on weights only
        self._l1 = self.l1[:, None] * wmask if np.any(self.l1) else None
        # the optimizer: one call updates the (K, P) parameters of all models
        if isinstance(optimizer, _optim.Optimizer):
            self.optimizer = optimizer
            if lr is not None:
                optimizer.lr = self._lr_column(lr, K)
        else:
            if optimizer is None or not isinstance(optimizer, str):
                raise TypeError(f"optimizer: expected a name ({', '.join(_optim.names())}) or an "
                                f"nnbook.optim optimizer, got {type(optimizer).__name__}")
            try:
                self.optimizer = _optim.get(optimizer, lr=self._lr_column(0.01 if lr is None else lr, K))
            except ValueError as err:
                if str(err).startswith("name:"):
                    raise ValueError("optimizer:" + str(err)[5:]) from None
                raise
        self.optimizer.reset()
        if schedule is not None and not callable(schedule):
            raise TypeError(f"schedule: expected a callable schedule(epoch, samples_seen, loss), "
                            f"got {type(schedule).__name__}")
        self.schedule = schedule
        if isinstance(shuffle, bool) is False:
            raise TypeError(f"shuffle: expected True or False, got {shuffle!r}")
        self.shuffle = shuffle
        if isinstance(seed, np.random.Generator):
            self._rng = seed
        else:
            self._rng = np.random.default_rng(_check_int(seed, "seed", 0))
        self.snapshots = bool(snapshots)
        if early_stopping is None or early_stopping is False:
            self.early_stopping = None
        elif isinstance(early_stopping, _reg.EarlyStopping):
            self.early_stopping = early_stopping
        else:
            self.early_stopping = _reg.EarlyStopping(patience=early_stopping)
        if self.early_stopping is not None:
            if self._val is None:
                raise ValueError("early_stopping: needs a validation set (validation=(X_val, y_val))")
            self.early_stopping.reset()
        if callback is not None and not callable(callback):
            raise TypeError(f"callback: expected a function callback(trainer), got {type(callback).__name__}")
        self.callback = callback
        self.callback_every = None if callback_every is None else _check_int(callback_every, "callback_every", 1)
        self._rngs = net.rngs if any(net.dropout) else None      # dropout masks in training steps
        self._params = net.params
        self._grads = np.zeros((K, net.n_params))
        self._tmp = np.zeros((K, net.n_params))
        # the fast path (Cache.sgd_steps) applies to plain SGD without penalties or dropout when
        # δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − y)/n; set ``fast = False`` to take the generic step (same numbers)
        self.fast = True
        self._fast_ok = (self._l2 is None and self._l1 is None and self._rngs is None and
                         _residual_delta(self._mode, self.loss))
        self._caches = {}
        # state
        self.epoch = 0                 # completed epochs
        self.step = 0                  # SGD steps taken
        self.samples_seen = 0
        self._pos = n                  # position in the current epoch's order (n: epoch finished)
        self._order = None
        self.done = self.epochs == 0
        self.stop_reason = None
        self.diverged = np.zeros(K, dtype=bool)
        self.diverged_at = np.full(K, -1)
        self.stopped_at = np.full(K, -1)
        self._frozen = np.zeros(K, dtype=bool)
        self._frozen_values = None
        self._rows = {key: [] for key in ("train_loss", "train_acc", "val_loss", "val_acc", "penalty", "lr")}
        self._weights = []
        self._end_epoch_metrics()
        if self.done:
            self._finish("epochs")

    @staticmethod
    def _lr_column(lr, K):
        """η as a float (K = 1 or one for all) or a (K, 1) column broadcasting over (K, P)."""
        a = _per_model(lr, K, "lr", positive=True)
        if np.all(a == a[0]) and np.ndim(lr) == 0:
            return float(a[0])
        return a[:, None].copy()

    # -- measuring ---------------------------------------------------------------------
    def _cache(self, n):
        if n not in self._caches:
            self._caches[n] = Cache(self.net, n)
        return self._caches[n]

    def _measure(self, X1, Y):
        """(loss, accuracy) per model on a whole set, in evaluation mode (no dropout)."""
        net = self.net
        cache = self._cache(X1.shape[0])               # buffers for n rows (reused)
        cache.forward(X1)
        loss = net._data_loss(cache, Y, self.loss, self._mode)
        if Y.shape[1] == 1 and not np.all(np.isin(Y, (0.0, 1.0))) and not np.all(np.isin(Y, (-1.0, 1.0))):
            acc = np.full(net.K, np.nan)          # regression targets: no accuracy
        elif Y.shape[1] > 1 and not np.all(np.isin(Y, (0.0, 1.0))):
            acc = np.full(net.K, np.nan)
        else:
            pred = _labels(cache.out, net._threshold(None, self.loss))
            acc = np.mean(pred == _true_labels(Y), axis=1)
        return np.asarray(loss, dtype=float), acc

    def _end_epoch_metrics(self):
        net, e = self.net, self.epoch
        with np.errstate(all="ignore"):
            tl, ta = self._measure(self._X1, self.Y)
            vl, va = self._measure(*self._val) if self._val is not None else (np.full(net.K, np.nan),) * 2
            pen = net.penalty(self.l2, self.l1)
        bad = ~np.isfinite(tl) | ~np.all(np.isfinite(net.params), axis=1)
        new = bad & ~self.diverged
        if np.any(new):
            self.diverged |= new
            self.diverged_at[new] = e
            self._freeze(new)
        old = self.diverged & ~new                   # diverged in an earlier epoch: NaN rows
        for arr in (tl, ta, vl, va, pen):
            arr[old] = np.nan
        ta[new] = va[new] = np.nan
        rate = self.optimizer.lr
        if e == 0 and getattr(self.schedule, "eta0", None) is not None:
            rate = self.schedule.eta0                # row 0 shows the η the schedule starts with
        lr = np.broadcast_to(np.asarray(rate, dtype=float).reshape(-1), (net.K,))
        for key, value in zip(self._rows, (tl, ta, vl, va, pen, lr)):
            self._rows[key].append(np.array(value, dtype=float))
        if self.snapshots:
            self._weights.append(net.params.copy())
        if self.early_stopping is not None:
            vloss = np.where(self.diverged, np.nan, vl)
            self.early_stopping.update(vloss, net.params, epoch=e)
            stopped = np.asarray(self.early_stopping.stopped, dtype=bool).reshape(-1) & ~self._frozen
            if np.any(stopped):
                self.stopped_at[stopped] = e
                self._freeze(stopped)

    def _freeze(self, which):
        """Stop updating the models in ``which`` (diverged or early-stopped); the others go on."""
        self._frozen |= which
        self._frozen_values = self.net.params[self._frozen].copy()
        self._frozen_index = np.flatnonzero(self._frozen)

    # -- training ------------------------------------------------------------------------
    def _start_epoch(self):
        if self.schedule is not None:                  # η for epoch e ≥ 1 from the last loss
            last = self._rows["train_loss"][-1]
            loss = float(last[0]) if self.net.K == 1 else last.copy()
            self.optimizer.lr = self._lr_column(self.schedule(self.epoch + 1, self.samples_seen, loss),
                                                self.net.K)
        order = self._rng.permutation(self.n) if self.shuffle else np.arange(self.n)
        self._Xs, self._Ys = self._X1[order], self.Y[order]      # this epoch's data order
        self._pos = 0

    def _sgd_step(self, cache, xb, yb):
        """One step on one batch: forward, output delta, backprop, penalty, update."""
        cache.forward(xb, rngs=self._rngs)                                  # a⁽ˡ⁾ = f(z⁽ˡ⁾)
        cache.output_delta(yb, self.loss, self._mode)                       # δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾
        g = cache.backward(self._grads)                                     # ∇ by backprop
        params = self._params
        if self._l2 is not None:                                            # + λ₂ W
            g += self._l2 * params
        if self._l1 is not None:                                            # + λ₁ sign(W)
            g += self._l1 * np.sign(params)
        self.optimizer.step(params, g)                                      # θ ← θ − η g
        if self._frozen_values is not None:
            params[self._frozen_index] = self._frozen_values

    def run(self, steps=None, seconds=None):
        """Train for up to ``steps`` more steps or ``seconds`` (None: to the end); True when done."""
        if steps is not None:
            steps = _check_int(steps, "steps", 0)
        if seconds is not None and (isinstance(seconds, bool) or not isinstance(seconds, (int, float))
                                    or not seconds > 0):
            raise ValueError(f"seconds: expected a number > 0, got {seconds!r}")
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
        """SGD steps on this epoch's samples s … e−1, in batches of ``batch_size`` (the last one
        of the epoch may be smaller): the fast path :meth:`Cache.sgd_steps` where it applies
        (plain SGD, δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − y)/n, no penalty, no dropout, no frozen model), otherwise
        :meth:`_sgd_step` per batch.  Both give the same numbers, bit for bit."""
        bs = self.batch_size
        full = (e - s) // bs * bs                                   # samples in full batches
        if (full and self.fast and self._fast_ok and self._frozen_values is None
                and type(self.optimizer) is _SGD):
            opt = self.optimizer
            opt._check(self._params, self._grads)                   # as SGD.step does
            lr = np.asarray(opt.lr, dtype=float)                    # a 0-d array: see activations._constant
            m, d = full // bs, self._Xs.shape[1]
            X, Y = self._Xs[s:s + full], self._Ys[s:s + full]
            self._cache(bs).sgd_steps(X.reshape(m, bs, d), Y.reshape(m, bs, Y.shape[1]),
                                      lr, self._grads, self._tmp)
            opt.t += m
            s += full
        for a in range(s, e, bs):
            b = min(a + bs, e)
            self._sgd_step(self._cache(b - a), self._Xs[a:b], self._Ys[a:b])

    def _check_finite(self):
        """Between chunks: freeze models whose parameters stopped being finite (mid-epoch)."""
        bad = ~np.all(np.isfinite(self.net.params), axis=1) & ~self.diverged
        if np.any(bad):
            self.diverged |= bad
            self.diverged_at[bad] = self.epoch + 1
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
            params = self.net.params
            params[has_best] = np.asarray(self.early_stopping.best_params)[has_best]

    @property
    def history(self):
        """The :class:`History` of the completed epochs."""
        rows = {key: np.array(value) for key, value in self._rows.items()}
        best = np.full(self.net.K, -1)
        if self.early_stopping is not None and self.early_stopping.best_epoch is not None:
            best = np.asarray(self.early_stopping.best_epoch).reshape(-1).astype(int)
        return History(**rows, weights=np.array(self._weights) if self.snapshots else None,
                       diverged=self.diverged.copy(), diverged_at=self.diverged_at.copy(),
                       stopped_at=self.stopped_at.copy(), best_epoch=best,
                       steps=self.step, seeds=tuple(self.net.seeds))


def train(net, X, y, *, validation=None, loss="bce", epochs=10, batch_size=1, lr=None, optimizer="sgd",
          schedule=None, l2=0.0, l1=0.0, seed=0, shuffle=True, snapshots=False, early_stopping=None,
          callback=None, callback_every=None) -> History:
    """Train ``net`` (all its K models in lockstep) and return the :class:`History` (chapter 2).

    Each epoch visits the n training samples in an order shuffled from ``seed`` (the same
    for all models) in batches of ``batch_size`` (1: per-sample SGD, as Glassner; n: full
    batch; the last batch may be smaller); each batch is one step of ``optimizer`` (a name
    from :mod:`nnbook.optim` or an Optimizer) on J = L + (λ₂/2)‖W‖² + λ₁‖W‖₁, L the mean
    loss over the batch.

    * ``lr`` η: a number or one per model (K,) (default 0.01; with an Optimizer instance,
      None keeps its own).  ``schedule(epoch, samples_seen, loss) → η`` (chapter 1) is
      called at the start of every epoch ≥ 1 with the last epoch-end training loss
      (one per model when K > 1).
    * ``l2``, ``l1`` λ: a number or one per model; the penalty is part of the loss
      (biases excluded), so with plain SGD ``l2`` is weight decay w ← (1 − ηλ)w − η∇L
      (chapter 5); with Adam it is L2-in-the-loss, not AdamW.
    * dropout is a property of the network (``MLP(..., dropout=p)``), on in training steps.
    * ``validation`` = (X_val, y_val) is measured at every epoch end;
      ``early_stopping`` (patience, or a :class:`~nnbook.regularization.EarlyStopping`)
      freezes each model after that many epochs without a lower validation loss and
      restores its best weights at the end.
    * ``snapshots=True`` keeps the parameters at every epoch end (History.weights).
    * ``callback(trainer)`` runs after every epoch (or every ``callback_every`` steps);
      returning False or raising :class:`StopTraining` stops training.
    * A model whose loss becomes non-finite is frozen and recorded
      (History.diverged, diverged_at); the others go on.  No RuntimeWarnings.
    """
    trainer = Trainer(net, X, y, validation=validation, loss=loss, epochs=epochs, batch_size=batch_size,
                      lr=lr, optimizer=optimizer, schedule=schedule, l2=l2, l1=l1, seed=seed,
                      shuffle=shuffle, snapshots=snapshots, early_stopping=early_stopping,
                      callback=callback, callback_every=callback_every)
    trainer.run()
    return trainer.history
