"""Optimizers and learning-rate schedules (chapter 1, "Gradient descent and its variants").

Optimizers
----------
``SGD``, ``Momentum``, ``Nesterov``, ``AdaGrad``, ``RMSProp`` and ``Adam`` share
one interface::

    opt = Adam(lr=0.001)
    opt.step(params, grads)     # updates params IN PLACE and returns it

``params`` and ``grads`` are float ndarrays of identical shape, e.g. (K, P)
for K networks trained in lockstep.  ``opt.lr`` is a positive float or a
positive array that broadcasts to ``params`` (e.g. shape (K, 1): one η per
model); it may be reassigned between steps (a schedule does that).  The
optimizer's state (velocity, running averages, buffers) is allocated lazily on
the first step with the shape of ``params``; ``reset()`` clears it.  ``t``
counts the steps taken.

This is the training hot path, so each step is a handful of in-place ufunc
calls on preallocated buffers (SGD allocates nothing after its first step).
Hyper-parameters are checked when they are set; a step checks only types and
shapes, not NaN (a diverging run is detected by its loss, see ``nnbook.train``).

Schedules
---------
``Constant``, ``InvScaling``, ``StepDecay`` and ``Adaptive`` are callables
``schedule(epoch, samples_seen, loss) -> lr``, called by training at the start
of each epoch ≥ 1 with the latest epoch-end training loss.  They follow
scikit-learn's ``MLPClassifier`` (solver="sgd") where it has the schedule:
**t in InvScaling counts training samples seen, not epochs or steps**.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from nnbook import checks

__all__ = [
    "Optimizer", "SGD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam",
    "OPTIMIZERS", "get", "names",
    "Schedule", "Constant", "InvScaling", "StepDecay", "Adaptive", "SCHEDULES", "get_schedule",
]


def _float(value, name, what):
    """A real number (not a bool) as a float; an integer beyond float64 is a ValueError."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}: expected {what}, got {type(value).__name__}")
    try:
        return float(value)
    except OverflowError:
        raise ValueError(f"{name}: expected a finite number, got an integer beyond float64") from None


def _check_rate(value, name):
    """A learning rate: a finite number > 0, or an array of them."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}: expected a positive number or array, got a bool")
    if isinstance(value, (int, float, np.integer, np.floating)):
        value = _float(value, name, "a positive number or array")
        if not math.isfinite(value) or value <= 0:
            raise ValueError(f"{name}: expected a finite number > 0, got {value!r}")
        return value
    if value is None or isinstance(value, (str, bytes, dict, set, frozenset)):
        raise TypeError(f"{name}: expected a positive number or array, got {type(value).__name__}")
    arr = np.array(checks.real_array(value, name, finite=False, nonempty=False), dtype=float)
    if arr.size == 0:
        raise ValueError(f"{name}: expected a positive number or a non-empty array, got an empty array")
    if not np.all(np.isfinite(arr)) or not np.all(arr > 0):
        raise ValueError(f"{name}: expected finite values > 0, got {value!r}")
    return float(arr) if arr.ndim == 0 else arr


def _check_fraction(value, name, *, low=0.0):
    """A decay constant in [low, 1)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name}: expected a number in [{low:g}, 1), got {type(value).__name__}")
    if not (low <= value < 1):
        raise ValueError(f"{name}: expected a number in [{low:g}, 1), got {value!r}")
    return float(value)


def _check_eps(value):
    value = _float(value, "eps", "a small number > 0")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"eps: expected a finite number > 0, got {value!r}")
    return value


def _check_positive(value, name, what, low=0.0, strict=False):
    """A finite number ≥ low (> low if ``strict``), as a float."""
    value = _float(value, name, what)
    if not math.isfinite(value) or value < low or (strict and value == low):
        raise ValueError(f"{name}: expected {what.replace('a number', 'a finite number')}, got {value!r}")
    return value


# --- optimizers --------------------------------------------------------------------

class Optimizer:
    """Base class of the optimizers (chapter 1): holds ``lr``, the step count ``t`` and the lazily allocated state."""

    _buffers: tuple[str, ...] = ()   # names of the state arrays, allocated like params

    def __init__(self, lr):
        self.lr = lr
        self.reset()

    @property
    def lr(self):
        """The learning rate η: a float > 0, or an array of them broadcasting to the parameters."""
        return self._lr

    @lr.setter
    def lr(self, value):
        self._lr = _check_rate(value, "lr")
        self._lr_ok = isinstance(self._lr, float)
        self._eta = np.asarray(self._lr, dtype=float)      # η as an operand: a 0-d array is the cheapest

    def reset(self):
        """Forget the state (velocity, averages, step count): the next step starts afresh."""
        self.t = 0
        self._shape = None
        for name in self._buffers:
            setattr(self, name, None)

    def _check(self, params, grads):
        if not isinstance(params, np.ndarray) or params.dtype.kind != "f":
            raise TypeError(f"params: expected a float ndarray (updated in place), got "
                            f"{type(params).__name__}{'' if not isinstance(params, np.ndarray) else ' of ' + str(params.dtype)}")
        if not params.flags.writeable:
            raise ValueError("params: the array is read-only; the optimizer updates it in place")
        if not isinstance(grads, np.ndarray):
            raise TypeError(f"grads: expected an ndarray, got {type(grads).__name__}")
        if grads.dtype.kind not in "fiu":
            raise TypeError(f"grads: expected real numbers, got an array of dtype {grads.dtype}")
        if grads.shape != params.shape:
            raise ValueError(f"grads: expected the shape of params {params.shape}, got {grads.shape}")
        if self._shape is None:
            self._shape = params.shape
            for name in self._buffers:
                setattr(self, name, np.zeros(params.shape))
        elif params.shape != self._shape:
            raise ValueError(f"params: this optimizer's state has shape {self._shape}, got {params.shape}; "
                             "call reset() before optimizing other parameters")
        if not self._lr_ok:
            try:
                shape = np.broadcast_shapes(np.shape(self._lr), params.shape)
            except ValueError:
                shape = None
            if shape != params.shape:
                raise ValueError(f"lr: an array of shape {np.shape(self._lr)} does not broadcast to params "
                                 f"{params.shape}; for K models use shape (K, 1)")
            self._lr_ok = True

    def step(self, params, grads):
        """Update ``params`` in place from ``grads`` (= ∂L/∂params) and return it."""
        self._check(params, grads)
        self.t += 1
        self._update(params, grads)
        return params

    def prepare(self, params, grads):
        """Check once what :meth:`step` checks every time, before a run of :meth:`update` calls."""
        self._check(params, grads)

    def update(self, params, grads):
        """:meth:`step` without its checks, for the training loop (after :meth:`prepare`)."""
        self.t += 1
        self._update(params, grads)

    def _update(self, params, grads):  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}(lr={self._lr!r})"


class SGD(Optimizer):
    """Plain gradient descent: w ← w − η ∇L (chapter 1; Chaudhury Eq. 9.9–9.10).

    With minibatch gradients this is stochastic gradient descent.
    """

    _buffers = ("_buf",)

    def _update(self, params, grads):
        np.multiply(grads, self._eta, out=self._buf)
        np.subtract(params, self._buf, out=params)


class Momentum(Optimizer):
    """Momentum, velocity form: v ← μv − η∇L,  w ← w + v (chapter 1).

    This is scikit-learn's SGD with ``momentum`` and ``nesterovs_momentum=False``,
    and Chaudhury's Eq. 9.11 δw_t = γδw_{t−1} + η∇L, w ← w − δw, with δw = −v and
    γ = μ.  (Kneusel's printed w ← w − ηΔw_i + μΔw_{i−1} has the sign of the
    momentum term reversed if Δw is the gradient; the velocity form is what is meant.)
    PyTorch keeps b ← μb + ∇L and steps ηb: the same iterates for a constant η.
    ``velocity`` holds v.
    """

    _buffers = ("velocity", "_buf")

    def __init__(self, lr, momentum=0.9):
        self.momentum = _check_fraction(momentum, "momentum")
        super().__init__(lr)

    def _update(self, params, grads):
        v = self.velocity
        np.multiply(v, self.momentum, out=v)
        np.multiply(grads, self._eta, out=self._buf)
        np.subtract(v, self._buf, out=v)
        np.add(params, v, out=params)

    def __repr__(self):
        return f"{type(self).__name__}(lr={self._lr!r}, momentum={self.momentum!r})"


class Nesterov(Momentum):
    """Nesterov accelerated gradient (chapter 1; Chaudhury Eq. 9.13, Sutskever's form).

    The textbook form evaluates the gradient at a look-ahead point:
    v ← μv − η∇L(w + μv),  w ← w + v.  An optimizer only sees the gradient at the
    parameters it holds, so, like scikit-learn (``nesterovs_momentum=True``) and
    PyTorch (``nesterov=True``), this class holds the look-ahead point θ = w + μv
    and updates it as

        v ← μv − η∇L(θ),   θ ← θ + μv − η∇L(θ).

    Both describe the same run; the textbook iterate is w = θ − μ·``velocity``.
    """

    _buffers = ("velocity", "_buf", "_buf2")

    def _update(self, params, grads):
        v, g_eta = self.velocity, self._buf
        np.multiply(v, self.momentum, out=v)
        np.multiply(grads, self._eta, out=g_eta)
        np.subtract(v, g_eta, out=v)
        np.multiply(v, self.momentum, out=self._buf2)
        np.subtract(self._buf2, g_eta, out=self._buf2)
        np.add(params, self._buf2, out=params)

    def lookahead_to_iterate(self, params):
        """The textbook iterate w = θ − μv for the held look-ahead point θ = ``params``."""
        if self.velocity is None:
            return np.array(params, dtype=float)
        return params - self.momentum * self.velocity


class AdaGrad(Optimizer):
    """AdaGrad: s ← s + ∇L∘∇L,  w ← w − η ∇L / (√s + ε) (chapter 1; Chaudhury Eq. 9.14).

    ``s`` holds the running sum of squared gradients; ε defaults to 1e-10 (PyTorch).
    Under a constant gradient the effective step is η/√t: it vanishes.
    """

    _buffers = ("s", "_buf")

    def __init__(self, lr, eps=1e-10):
        self.eps = _check_eps(eps)
        super().__init__(lr)

    def _update(self, params, grads):
        buf = self._buf
        np.multiply(grads, grads, out=buf)
        np.add(self.s, buf, out=self.s)
        np.sqrt(self.s, out=buf)
        np.add(buf, self.eps, out=buf)
        np.divide(grads, buf, out=buf)
        np.multiply(buf, self._eta, out=buf)
        np.subtract(params, buf, out=params)

    def __repr__(self):
        return f"{type(self).__name__}(lr={self._lr!r}, eps={self.eps!r})"


class RMSProp(Optimizer):
    """RMSProp: s ← ρs + (1 − ρ)∇L∘∇L,  w ← w − η ∇L / (√s + ε) (chapter 1; Chaudhury Eq. 9.15).

    ρ = ``rho`` (Chaudhury's γ, PyTorch's ``alpha``); the weights (1 − ρ)ρ^k of past
    squared gradients sum to 1 − ρ^t → 1, so s stays an average.  ε = 1e-8.

    Default ρ = 0.9, Hinton's lecture value and Keras'; ``torch.optim.RMSprop`` defaults to
    ``alpha=0.99``, so pass ``rho=0.99`` to compare with it.
    """

    _buffers = ("s", "_buf")

    def __init__(self, lr, rho=0.9, eps=1e-8):
        self.rho = _check_fraction(rho, "rho")
        self.eps = _check_eps(eps)
        super().__init__(lr)

    def _update(self, params, grads):
        buf = self._buf
        np.multiply(grads, grads, out=buf)
        np.multiply(buf, 1.0 - self.rho, out=buf)
        np.multiply(self.s, self.rho, out=self.s)
        np.add(self.s, buf, out=self.s)
        np.sqrt(self.s, out=buf)
        np.add(buf, self.eps, out=buf)
        np.divide(grads, buf, out=buf)
        np.multiply(buf, self._eta, out=buf)
        np.subtract(params, buf, out=params)

    def __repr__(self):
        return f"{type(self).__name__}(lr={self._lr!r}, rho={self.rho!r}, eps={self.eps!r})"


class Adam(Optimizer):
    """Adam with bias correction (chapter 1; Chaudhury Eq. 9.16–9.20, Kingma & Ba 2015):

        v ← β1 v + (1 − β1) ∇L            (first moment;  Kingma's m)
        s ← β2 s + (1 − β2) ∇L∘∇L         (second moment; Kingma's v)
        v̂ = v / (1 − β1^t),  ŝ = s / (1 − β2^t),  t = 1, 2, …
        w ← w − η v̂ / (√ŝ + ε)

    With bias correction the first step is η·g/(abs(g) + ε) ≈ η·sign(g);
    ``bias_correction=False`` uses v and s directly (first step ≈ 3.16η for the
    defaults).  State: ``v``, ``s`` and the step count ``t``.

    Conventions: ε is added to √ŝ after the bias correction, as ``torch.optim.Adam`` does
    (scikit-learn's ``adam`` solver also divides by √ŝ + ε but folds the corrections into
    the step size); Kingma & Ba's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8.
    """

    _buffers = ("v", "s", "_buf")

    def __init__(self, lr, beta1=0.9, beta2=0.999, eps=1e-8, bias_correction=True):
        self.beta1 = _check_fraction(beta1, "beta1")
        self.beta2 = _check_fraction(beta2, "beta2")
        self.eps = _check_eps(eps)
        if not isinstance(bias_correction, (bool, np.bool_)):
            raise TypeError(f"bias_correction: expected True or False, got {bias_correction!r}")
        self.bias_correction = bool(bias_correction)
        super().__init__(lr)

    def _update(self, params, grads):
        b1, b2, buf = self.beta1, self.beta2, self._buf
        np.multiply(self.v, b1, out=self.v)
        np.multiply(grads, 1.0 - b1, out=buf)
        np.add(self.v, buf, out=self.v)
        np.multiply(self.s, b2, out=self.s)
        np.multiply(grads, grads, out=buf)
        np.multiply(buf, 1.0 - b2, out=buf)
        np.add(self.s, buf, out=self.s)
        if self.bias_correction:
            c1, c2 = 1.0 / (1.0 - b1 ** self.t), 1.0 / np.sqrt(1.0 - b2 ** self.t)
        else:
            c1 = c2 = 1.0
        np.sqrt(self.s, out=buf)                 # √ŝ = √s · c2
        np.multiply(buf, c2, out=buf)
        np.add(buf, self.eps, out=buf)
        np.divide(self.v, buf, out=buf)          # v / (√ŝ + ε); v̂ = v · c1
        np.multiply(buf, self._eta, out=buf)
        np.multiply(buf, c1, out=buf)
        np.subtract(params, buf, out=params)

    def __repr__(self):
        return (f"{type(self).__name__}(lr={self._lr!r}, beta1={self.beta1!r}, beta2={self.beta2!r}, "
                f"eps={self.eps!r}, bias_correction={self.bias_correction!r})")


OPTIMIZERS: dict[str, type[Optimizer]] = {
    "sgd": SGD, "momentum": Momentum, "nesterov": Nesterov,
    "adagrad": AdaGrad, "rmsprop": RMSProp, "adam": Adam,
}


def names() -> list[str]:
    """The names of all optimizers (chapter 1)."""
    return list(OPTIMIZERS)


def _lookup(table, name, kind):
    if not isinstance(name, str):
        raise TypeError(f"name: expected {kind} name (str), got {type(name).__name__}")
    key = name.lower()
    if key not in table:
        raise ValueError(f"name: unknown {kind.split(' ', 1)[-1]} {name!r}; choose one of {', '.join(table)}")
    return table[key]


def _construct(cls, name, params):
    import inspect
    sig = inspect.signature(cls.__init__)
    allowed = [p for p in sig.parameters if p != "self"]
    unknown = set(params) - set(allowed)
    if unknown:
        raise ValueError(f"params: {name} takes parameters ({', '.join(allowed)}), "
                         f"got {', '.join(sorted(unknown))}")
    missing = [p for p, v in sig.parameters.items()
               if p != "self" and v.default is inspect.Parameter.empty and p not in params]
    if missing:
        raise ValueError(f"{missing[0]}: {name} needs {', '.join(missing)}, e.g. get({name!r}, lr=0.01)")
    return cls(**params)


def get(name, **params) -> Optimizer:
    """A new optimizer by name: ``get("adam", lr=0.001)`` (chapter 1).

    Names: sgd, momentum, nesterov, adagrad, rmsprop, adam.  An :class:`Optimizer`
    instance passes through unchanged.
    """
    if isinstance(name, Optimizer):
        if params:
            raise ValueError("params: cannot bind parameters to an Optimizer object; pass its name")
        return name
    cls = _lookup(OPTIMIZERS, name, "an optimizer")
    return _construct(cls, name, params)


# --- learning-rate schedules ------------------------------------------------------------

def _check_count(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
        raise ValueError(f"{name}: expected an integer ≥ 0, got {value!r}")
    return int(value)


class Schedule:
    """Base class: ``schedule(epoch, samples_seen, loss=None) -> lr`` (chapter 1)."""

    def __init__(self, eta0):
        self.eta0 = _check_rate(eta0, "eta0")

    def __call__(self, epoch, samples_seen=0, loss=None):
        epoch = _check_count(epoch, "epoch")
        samples_seen = _check_count(samples_seen, "samples_seen")
        return self._rate(epoch, samples_seen, loss)

    def reset(self):
        """Forget any state (only :class:`Adaptive` has some)."""

    def _copy(self, value):
        return value.copy() if isinstance(value, np.ndarray) else value

    def __repr__(self):
        return f"{type(self).__name__}(eta0={self.eta0!r})"


class Constant(Schedule):
    """η = η0 at every epoch (chapter 1; scikit-learn ``learning_rate="constant"``)."""

    def _rate(self, epoch, samples_seen, loss):
        return self._copy(self.eta0)


class InvScaling(Schedule):
    """η = η0 / (t + 1)^p, t = number of **training samples seen** so far (chapter 1).

    scikit-learn's ``learning_rate="invscaling"`` exactly (its SGDOptimizer.iteration_ends
    gets ``time_step`` = samples seen and is called once per epoch); p = ``power_t`` = 0.5.
    Kneusel writes η0/t^p with t left vague; with t = samples the decay is fast:
    after one epoch of 1536 samples η = η0/√1537 ≈ 0.026 η0.
    """

    def __init__(self, eta0, power_t=0.5):
        super().__init__(eta0)
        self.power_t = _check_positive(power_t, "power_t", "a number ≥ 0")

    def _rate(self, epoch, samples_seen, loss):
        try:
            return self.eta0 / (samples_seen + 1.0) ** self.power_t
        except OverflowError:
            raise ValueError(f"samples_seen, power_t: (t + 1)^p = ({samples_seen} + 1)^{self.power_t:g} "
                             "overflows float64 (η would be 0)") from None


class StepDecay(Schedule):
    """η = η0 · d^⌊(epoch − 1) / k⌋, d = ``drop``, k = ``every`` (chapter 1; Chaudhury's "LR decay").

    ``nnbook.train`` numbers the training epochs from 1, so epochs 1 … k train with η0 and
    epoch k + 1 is the first with η0·d: the same as ``torch.optim.lr_scheduler.StepLR(step_size=k,
    gamma=d)``, whose epochs count from 0.
    """

    def __init__(self, eta0, drop=0.5, every=10):
        super().__init__(eta0)
        if isinstance(drop, bool) or not isinstance(drop, (int, float, np.integer, np.floating)):
            raise TypeError(f"drop: expected a number in (0, 1], got {type(drop).__name__}")
        if not (0 < drop <= 1):
            raise ValueError(f"drop: expected a number in (0, 1], got {drop!r}")
        if isinstance(every, bool) or not isinstance(every, (int, np.integer)) or every < 1:
            raise ValueError(f"every: expected a positive integer number of epochs, got {every!r}")
        self.drop, self.every = float(drop), int(every)

    def _rate(self, epoch, samples_seen, loss):
        return self.eta0 * self.drop ** (max(epoch - 1, 0) // self.every)


class Adaptive(Schedule):
    """η stays η0 while the loss improves; η ← η / f after ``patience`` epochs without improvement (chapter 1).

    An epoch *improves* when loss ≤ best − tol (best = lowest loss so far), as in
    scikit-learn's ``learning_rate="adaptive"``; ``factor`` f = 5, ``tol`` = 1e-4.
    After ``patience`` (= 2) consecutive epochs without improvement η is divided by
    f and the count restarts.  This is the rule scikit-learn documents ("each time
    two consecutive epochs fail to decrease training loss by at least tol");
    its current code counts to ``n_iter_no_change`` (default 10) and divides when
    the count *exceeds* it, i.e. ``Adaptive(patience=n_iter_no_change + 1)``.
    scikit-learn also stops training once η ≤ 1e-6; this schedule only divides.

    ``loss`` may be an array of K per-model losses: each model then keeps its own
    best, count and η, and the returned η has shape (K, 1) so it broadcasts
    against parameters of shape (K, P).  A NaN/inf loss counts as no improvement.
    ``loss=None`` (e.g. epoch 0) returns the current η unchanged.
    """

    def __init__(self, eta0, factor=5.0, patience=2, tol=1e-4):
        super().__init__(eta0)
        factor = _check_positive(factor, "factor", "a number > 1", low=1.0, strict=True)
        if isinstance(patience, bool) or not isinstance(patience, (int, np.integer)) or patience < 1:
            raise ValueError(f"patience: expected a positive integer, got {patience!r}")
        tol = _check_positive(tol, "tol", "a number ≥ 0")
        self.factor, self.patience, self.tol = factor, int(patience), tol
        self.reset()

    def reset(self):
        """Back to η0 with no loss seen."""
        self.lr = self._copy(self.eta0)
        self.best = None
        self.count = None

    def _rate(self, epoch, samples_seen, loss):
        if loss is None:
            return self._copy(self.lr)
        try:
            loss = np.array(checks.real_array(loss, "loss", finite=False), dtype=float)
        except TypeError:
            raise TypeError(f"loss: expected a number or an array of per-model losses, got "
                            f"{type(loss).__name__}") from None
        if loss.ndim > 1:
            raise ValueError(f"loss: expected a number or a 1-D array of per-model losses, got shape {loss.shape}")
        if self.best is None:
            self.best = np.full(loss.shape, np.inf)
            self.count = np.zeros(loss.shape, dtype=int)
            if loss.ndim == 1:
                try:
                    self.lr = np.array(np.broadcast_to(self.eta0, (loss.size, 1)), dtype=float)
                except ValueError:
                    raise ValueError(f"eta0: shape {np.shape(self.eta0)} does not fit {loss.size} per-model "
                                     "losses; use a number or shape (K, 1)") from None
        elif loss.shape != self.best.shape:
            raise ValueError(f"loss: expected shape {self.best.shape} as in earlier epochs, got {loss.shape}")
        with np.errstate(invalid="ignore"):
            improved = loss <= self.best - self.tol
            self.best = np.where(loss < self.best, loss, self.best)
        self.count = np.where(improved, 0, self.count + 1)
        drop = self.count >= self.patience
        if np.any(drop):
            if loss.ndim == 0:
                self.lr = self.lr / self.factor
            else:
                self.lr = np.where(drop[:, None], self.lr / self.factor, self.lr)
            self.count = np.where(drop, 0, self.count)
        return self._copy(self.lr)

    def __repr__(self):
        return (f"Adaptive(eta0={self.eta0!r}, factor={self.factor!r}, patience={self.patience!r}, "
                f"tol={self.tol!r})")


SCHEDULES: dict[str, type[Schedule]] = {
    "constant": Constant, "invscaling": InvScaling, "step": StepDecay, "adaptive": Adaptive,
}


def get_schedule(name, **params) -> Schedule:
    """A new learning-rate schedule by name: ``get_schedule("invscaling", eta0=0.01)`` (chapter 1).

    Names: constant, invscaling, step, adaptive (scikit-learn's names where it has one).
    """
    if isinstance(name, Schedule):
        if params:
            raise ValueError("params: cannot bind parameters to a Schedule object; pass its name")
        return name
    cls = _lookup(SCHEDULES, name, "a schedule")
    if "eta0" not in params:
        raise ValueError(f"eta0: {name} needs the initial learning rate, e.g. get_schedule({name!r}, eta0=0.01)")
    return _construct(cls, name, params)
