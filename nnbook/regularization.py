"""Regularization: L2 and L1 penalties, weight decay, dropout masks, early stopping (chapter 5).

**Conventions, and how they map to the sources.**

* **L2 carries the ½:** penalty (λ/2)Σw², gradient λw (Kneusel §2.7.3; Nielsen
  uses λ/(2n) with n the training-set size).  Under SGD it is *weight decay*:
  w ← (1 − ηλ)w − η∇L₀.  PyTorch's ``weight_decay=λ`` and Keras' are this λ.
  Chaudhury writes λ‖w‖² (no ½), which is this penalty with λ_here = 2λ_Chaudhury.
  scikit-learn's ``alpha`` adds alpha/(2·n_batch)·Σw² to a mean loss, i.e.
  λ_here = alpha / n_batch.  Since nnbook's losses are means over the batch,
  the penalty here is *not* divided by n: the objective is mean loss + (λ/2)Σw².
* **L1:** penalty λ Σ abs(w), gradient λ·sign(w) with sign(0) = 0.
* Biases are usually left out of the penalty (Kneusel, Nielsen): pass the
  weights only.  ``weights`` is one array or a list of arrays.
* **Dropout ``p`` is the probability to DROP a unit** (Kneusel's p, Keras'
  ``rate``, PyTorch's ``Dropout(p)``).  Qiu, Chaudhury and Srivastava et al.
  write p for the probability to KEEP; their p is 1 − p here.  Nielsen drops
  half the hidden units (p = 0.5 in both conventions).  Masks are *inverted*:
  kept units are scaled by 1/(1 − p) during training so E[mask·a] = a and the
  network is used unchanged at test time; the books instead scale the weights
  by the keep probability at test time, which is equivalent in expectation.
* A penalty or decay that overflows float64 (weights near 1e154) raises
  ``ValueError`` rather than returning inf; a mask has at most
  ``checks.MAX_ELEMENTS`` (10⁸) entries.
"""
from __future__ import annotations

import numpy as np

from nnbook import checks

__all__ = ["Penalty", "l2_penalty", "l2_grad", "l1_penalty", "l1_grad", "weight_decay", "dropout_mask",
           "EarlyStopping"]


def _as_list(weights, name="weights"):
    """(list of float arrays, was_a_single_array)."""
    if isinstance(weights, (list, tuple)):
        if not weights:
            raise ValueError(f"{name}: expected an array or a non-empty list of arrays, got an empty list")
        items, single = list(weights), False
    else:
        items, single = [weights], True
    out = [checks.real_array(w, name if single else f"{name}[{i}]", nonempty=False) for i, w in enumerate(items)]
    return out, single


def _check_coefficient(value, name):
    """λ (or η): a finite number ≥ 0, or an array of them (one per model)."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}: expected a number ≥ 0, got a bool")
    arr = checks.real_array(value, name, finite=False, nonempty=False)
    if not np.all(np.isfinite(arr)) or np.any(arr < 0):
        raise ValueError(f"{name}: expected finite values ≥ 0, got {value!r}")
    return float(arr) if arr.ndim == 0 else arr


def _finite(total, what):
    """A penalty (a float or one per model) that did not overflow float64."""
    if not np.all(np.isfinite(total)):
        raise ValueError(f"weights, lam: the {what} overflows float64 (weights or lam too large)")
    return total


def _total(terms, per_model):
    per_model = checks.flag(per_model, "per_model")
    if per_model:
        shapes = {t.shape[:1] for t in terms}
        if any(t.ndim == 0 for t in terms) or len(shapes) != 1:
            raise ValueError("weights: per_model=True needs every array to have the same leading model axis K")
        return sum(t.reshape(t.shape[0], -1).sum(axis=1) for t in terms)
    return float(sum(t.sum() for t in terms))


def l2_penalty(weights, lam, per_model=False):
    """R₂ = (λ/2) Σ w² over all given weights (chapter 5; Kneusel's L2 term).

    ``lam`` is a number or an array broadcasting against each weight array (e.g.
    (K, 1, 1) for weights of shape (K, n_out, n_in)).  Returns a float, or with
    ``per_model=True`` one penalty per model (summing all axes but the first).
    """
    ws, _ = _as_list(weights)
    lam = _check_coefficient(lam, "lam")
    with np.errstate(over="ignore", invalid="ignore"):
        return _finite(_total([0.5 * lam * w * w for w in ws], per_model), "L2 penalty")


def l2_grad(weights, lam):
    """∂R₂/∂w = λw (chapter 5).  Same structure as ``weights`` (array or list)."""
    ws, single = _as_list(weights)
    lam = _check_coefficient(lam, "lam")
    with np.errstate(over="ignore", invalid="ignore"):
        grads = [_finite(lam * w, "L2 gradient") for w in ws]
    return grads[0] if single else grads


def l1_penalty(weights, lam, per_model=False):
    """R₁ = λ Σ abs(w) over all given weights (chapter 5; Nielsen Eq. 95, Chaudhury Eq. 9.22)."""
    ws, _ = _as_list(weights)
    lam = _check_coefficient(lam, "lam")
    with np.errstate(over="ignore", invalid="ignore"):
        return _finite(_total([lam * np.abs(w) for w in ws], per_model), "L1 penalty")


def l1_grad(weights, lam):
    """∂R₁/∂w = λ·sign(w), taking 0 at w = 0 (chapter 5).  Same structure as ``weights``."""
    ws, single = _as_list(weights)
    lam = _check_coefficient(lam, "lam")
    grads = [lam * np.sign(w) for w in ws]
    return grads[0] if single else grads


def weight_decay(params, lam, lr):
    """Weight decay in place: w ← (1 − ηλ) w (chapter 5), returns ``params``.

    Followed by an SGD step w ← w − η∇L₀ this is exactly SGD on L₀ + (λ/2)Σw²:
    w − η(∇L₀ + λw) = (1 − ηλ)w − η∇L₀ (both use the same old w).
    ``params`` is a float ndarray or a list of them; ``lam`` and ``lr`` numbers or
    arrays broadcasting against them (one per model).  ηλ > 1 would flip the
    sign of every weight and is refused.
    """
    single = not isinstance(params, (list, tuple))
    items = [params] if single else list(params)
    if not items:
        raise ValueError("params: expected a float ndarray or a non-empty list of them")
    for i, p in enumerate(items):
        label = "params" if single else f"params[{i}]"
        if not isinstance(p, np.ndarray) or p.dtype.kind != "f":
            raise TypeError(f"{label}: expected a float ndarray (updated in place), got {type(p).__name__}")
        if not p.flags.writeable:
            raise ValueError(f"{label}: the array is read-only; weight decay updates it in place")
    lam = _check_coefficient(lam, "lam")
    lr = _check_coefficient(lr, "lr")
    with np.errstate(over="ignore"):
        rate = np.multiply(lr, lam)
    factor = 1.0 - rate
    if np.any(factor < 0):
        raise ValueError(f"lr, lam: expected lr·lam ≤ 1 (the decay factor 1 − lr·lam must be ≥ 0), "
                         f"got lr·lam up to {np.max(rate):g}")
    for p in items:
        np.multiply(p, factor, out=p)
    return params


def dropout_mask(shape, p, rng):
    """An inverted-dropout mask: m = b / (1 − p), b ~ Bernoulli(1 − p) (chapter 5).

    ``p`` is the DROP probability, 0 ≤ p < 1 (a number, or an array broadcasting
    to ``shape``, e.g. one p per model); entries are 0 (dropped) or 1/(1 − p)
    (kept), so E[m] = 1 and a ↦ m·a leaves the expected activation unchanged.
    In the books' keep-probability notation (Qiu, Chaudhury, Srivastava) p_keep = 1 − p.
    """
    shape = checks.shape(shape, "shape", low=0, min_ndim=0)
    if isinstance(p, (bool, np.bool_)):
        raise TypeError("p: expected a drop probability in [0, 1), got a bool")
    p = p if isinstance(p, float) else checks.real_array(p, "p", finite=False, nonempty=False)
    if not np.all((p >= 0) & (p < 1)):
        raise ValueError(f"p: expected a drop probability in [0, 1) (p is the probability to DROP), got {p!r}")
    p = np.asarray(p, dtype=float)
    checks.generator(rng)
    try:
        fits = np.broadcast_shapes(p.shape, shape) == shape
    except ValueError:
        fits = False
    if not fits:
        raise ValueError(f"p: an array of shape {p.shape} does not broadcast to shape {shape}")
    keep = rng.random(shape) >= p
    return keep * (1.0 / (1.0 - p))


class EarlyStopping:
    """Stop when the validation loss has not improved for ``patience`` epochs; keep the best weights (chapter 5).

    ``update(val_loss, params)`` is called once per epoch.  An epoch improves when
    val_loss < best − ``min_delta``; it then stores a copy of ``params`` (an array
    or a list of arrays) as ``best_params`` and its index as ``best_epoch``
    (0 for the first update, or the ``epoch`` passed in).  It returns True once
    ``patience`` consecutive epochs have not improved.  ``restore(params)``
    copies the best weights back in place (Kneusel: report the weights from the
    epoch with the lowest validation error).

    ``val_loss`` may be an array of K per-model losses: each model then keeps its
    own best (along the leading axis of every params array) and patience;
    ``stopped`` tells which models have run out, and ``update`` returns True when
    all have.  A NaN/inf validation loss never counts as an improvement.
    """

    def __init__(self, patience=10, min_delta=0.0):
        self.patience = checks.integer(patience, "patience", 1)
        self.min_delta = checks.number(min_delta, "min_delta", 0)
        self.reset()

    def reset(self):
        """Forget everything seen so far."""
        self._best_loss = self._best_epoch = self._wait = None
        self._best = None
        self._single = True
        self.epochs_seen = 0

    @staticmethod
    def _scalar(a, kind):
        if a is None or a.ndim:
            return a
        return kind(a)

    @property
    def best_params(self):
        """A copy of the parameters at ``best_epoch`` (an array, or a list like the ``params`` given)."""
        if self._best is None:
            return None
        return self._best[0] if self._single else self._best

    @property
    def best_loss(self):
        """The lowest validation loss so far (a float, or one per model)."""
        return self._scalar(self._best_loss, float)

    @property
    def best_epoch(self):
        """The epoch of ``best_loss`` (−1 while no epoch has improved, e.g. all losses NaN)."""
        return self._scalar(self._best_epoch, int)

    @property
    def wait(self):
        """Consecutive epochs without improvement."""
        return self._scalar(self._wait, int)

    @property
    def stopped(self):
        """Whether each model (or the single model) has gone ``patience`` epochs without improving."""
        return None if self._wait is None else self._scalar(self._wait >= self.patience, bool)

    def update(self, val_loss, params, epoch=None):
        """Record one epoch's validation loss and parameters; return True when training should stop."""
        loss = np.array(checks.real_array(val_loss, "val_loss", finite=False), dtype=float)
        if loss.ndim > 1:
            raise ValueError(f"val_loss: expected a number or a 1-D array, got shape {loss.shape}")
        epoch = self.epochs_seen if epoch is None else checks.integer(epoch, "epoch", 0)
        single = not isinstance(params, (list, tuple))
        items = [params] if single else list(params)
        if not items:
            raise ValueError("params: expected an ndarray or a non-empty list of them")
        arrays = []
        for i, p in enumerate(items):
            if not isinstance(p, np.ndarray):
                label = "params" if single else f"params[{i}]"
                raise TypeError(f"{label}: expected an ndarray or a list of them, got {type(p).__name__}")
            if loss.ndim == 1 and (p.ndim == 0 or p.shape[0] != loss.size):
                raise ValueError(f"params: with {loss.size} per-model losses every array needs a leading "
                                 f"model axis of {loss.size}, got shape {p.shape}")
            arrays.append(p)
        if self._best_loss is None:
            self._single = single
            self._best_loss = np.full(loss.shape, np.inf)
            self._best_epoch = np.full(loss.shape, -1)
            self._wait = np.zeros(loss.shape, dtype=int)
            self._best = [np.array(p, dtype=float, copy=True) for p in arrays]
        elif loss.shape != self._best_loss.shape:
            raise ValueError(f"val_loss: expected shape {self._best_loss.shape} as before, got {loss.shape}")
        elif len(arrays) != len(self._best) or any(p.shape != b.shape for p, b in zip(arrays, self._best)):
            raise ValueError("params: expected the same arrays (number and shapes) as in earlier updates")
        with np.errstate(invalid="ignore"):
            improved = loss < self._best_loss - self.min_delta
        if loss.ndim == 0:
            if improved:
                self._best = [np.array(p, dtype=float, copy=True) for p in arrays]
        else:
            for best, p in zip(self._best, arrays):
                best[improved] = p[improved]
        self._best_loss = np.where(improved, loss, self._best_loss)
        self._best_epoch = np.where(improved, epoch, self._best_epoch)
        self._wait = np.where(improved, 0, self._wait + 1)
        self.epochs_seen += 1
        return bool(np.all(self._wait >= self.patience))

    def restore(self, params):
        """Copy ``best_params`` back into ``params`` (same structure) in place and return it."""
        if self._best is None:
            raise ValueError("params: nothing to restore yet; call update() first")
        items = list(params) if isinstance(params, (list, tuple)) else [params]
        if len(items) != len(self._best):
            raise ValueError(f"params: expected {len(self._best)} arrays as in update(), got {len(items)}")
        for p, best in zip(items, self._best):
            if not isinstance(p, np.ndarray) or p.shape != best.shape:
                raise ValueError(f"params: expected arrays of shape {best.shape}, got "
                                 f"{getattr(p, 'shape', type(p).__name__)}")
            if not p.flags.writeable:
                raise ValueError("params: the array is read-only; restore copies the best weights into it")
            p[...] = best
        return params


class Penalty:
    """Ω = (λ₂/2)‖W‖² + λ₁‖W‖₁ on the weights of every model, its value and its gradient (chapter 5).

    λ is a number or one per model; biases are never penalized.  The value uses
    :func:`nnbook.regularization.l2_penalty` / ``l1_penalty``; :meth:`add_grad` adds
    λ₂W + λ₁ sign(W) in place, with the coefficients laid out once as (K, P) rows.
    """

    def __init__(self, net, l2=0.0, l1=0.0):
        from nnbook.parameters import Parameters
        if not isinstance(net, Parameters):
            raise TypeError(f"net: expected an nnbook MLP, got {type(net).__name__}")
        self.net = net
        self.l2, self.l1 = (self._coef(v, name, net.K) for v, name in ((l2, "l2"), (l1, "l1")))
        mask = net.is_weight
        self._l2 = None if self.l2 is None else self.l2[:, None] * mask
        self._l1 = None if self.l1 is None else self.l1[:, None] * mask
        self.active = self._l2 is not None or self._l1 is not None

    @staticmethod
    def _coef(lam, name, K):
        if lam is None or (type(lam) in (int, float) and lam == 0):   # no penalty: nothing to parse
            return None
        if isinstance(lam, bool):
            raise TypeError(f"{name}: expected a number ≥ 0 or one per model, got a bool")
        a = checks.real_array(lam, name, ndim=(0, 1), finite=False)
        if a.ndim == 1 and a.shape[0] != K:
            raise ValueError(f"{name}: expected a number or one per model ({K},), got shape {a.shape}")
        if not np.all(np.isfinite(a)) or np.any(a < 0):
            raise ValueError(f"{name}: expected finite values ≥ 0, got {lam!r}")
        a = np.broadcast_to(a, (K,)).astype(float)
        return a if np.any(a) else None

    def value(self, strict=True):
        """Ω per model, shape (K,).  A penalty that overflows float64 is a ValueError naming λ,
        unless ``strict=False`` (training: a diverging model's Ω is inf or NaN, and recorded)."""
        total = np.zeros(self.net.K)
        Ws = self.net._weights
        for lam, fn, name in ((self.l2, l2_penalty, "l2"), (self.l1, l1_penalty, "l1")):
            if lam is None:
                continue
            try:
                total += fn(Ws, lam[:, None, None], per_model=True)
            except ValueError as err:
                if strict and "overflows" in str(err):
                    raise ValueError(f"{name}: {str(err).split(': ', 1)[-1]}") from None
                if strict:
                    raise
                K = self.net.K                               # non-finite weights: the same sum, unchecked
                with np.errstate(all="ignore"):
                    lam = lam[:, None, None]
                    terms = [0.5 * lam * W * W if name == "l2" else lam * np.abs(W) for W in Ws]
                    total += sum(t.reshape(K, -1).sum(axis=1) for t in terms)
        return total

    def add_grad(self, grads):
        """grads += λ₂W + λ₁ sign(W) (weights only), in place on a (K, P) gradient."""
        params = self.net._params
        if self._l2 is not None:
            grads += self._l2 * params
        if self._l1 is not None:
            grads += self._l1 * np.sign(params)
        return grads
