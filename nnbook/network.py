"""Feedforward networks: the forward pass in matrix form (chapter 0) and the MLP (chapter 2).

Conventions (chapter 0, "The forward pass in matrix form"): a layer computes
z = W a + b with W of shape (n_out, n_in); data sit in rows, so a batch A of shape
(n, n_in) gives Z = A Wᵀ + b of shape (n, n_out).
"""
from __future__ import annotations

import copy

import numpy as np

from nnbook import activations as _activations
from nnbook import checks
from nnbook import init as _init
from nnbook.engine import Cache
from nnbook.regularization import Penalty
from nnbook.heads import make_head
from nnbook.parameters import Parameters, _model_index, _seed, _axis

__all__ = ["count_parameters", "forward"]


#: the most layer sizes a network may have (more is a mistake, and listing them would not end)
MAX_LAYERS = 1000


def _sequence(value, name, what="arrays"):
    """``value`` as a list: a list, tuple or other sized iterable (not a string, dict or set)."""
    if (value is None or isinstance(value, (str, bytes, dict, set, frozenset)) or not hasattr(value, "__iter__")
            or not hasattr(value, "__len__") or (isinstance(value, np.ndarray) and value.ndim == 0)):
        raise TypeError(f"{name}: expected a list of {what}, got {checks._describe(value)}")
    return list(value)


def _check_sizes(sizes):
    if (sizes is None or isinstance(sizes, (str, bytes, dict, set, frozenset)) or not hasattr(sizes, "__len__")
            or (isinstance(sizes, np.ndarray) and sizes.ndim == 0)):
        raise TypeError(f"sizes: expected a list of layer sizes, got {checks._describe(sizes)}")
    if len(sizes) > MAX_LAYERS:
        raise ValueError(f"sizes: {len(sizes):,} layer sizes; the limit is {MAX_LAYERS:,}")
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(f"sizes: expected at least an input and an output size, got {sizes!r}")
    for n in sizes:
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"sizes: expected positive integers, got {sizes!r}")
    return [int(n) for n in sizes]


def count_parameters(sizes) -> int:
    """Number of weights and biases of a fully connected network with layer ``sizes``.

    Σ_l (n_{l-1}·n_l + n_l) (chapter 0, "Counting parameters"):
    ``count_parameters([2, 3, 2, 1]) == 20`` (Kneusel 2021, ch. 9).
    """
    sizes = _check_sizes(sizes)
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def forward(x, weights, biases, activations, *, return_all=False):
    """The forward pass: a⁽⁰⁾ = x, z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = f_l(z⁽ˡ⁾) (chapter 0).

    ``x`` is one sample of shape (n_in,) or a batch of shape (n, n_in);
    ``weights[l]`` has shape (n_out, n_in), ``biases[l]`` shape (n_out,);
    ``activations`` is one name (used for every layer) or one name or
    :class:`~nnbook.activations.Activation` per layer.  Returns the output
    a⁽ᴸ⁾, or with ``return_all=True`` the lists ``(zs, activations)`` with
    a⁽⁰⁾ = x first.
    """
    a = checks.real_array(x, "x")
    if a.ndim not in (1, 2):
        raise ValueError(f"x: expected shape (n_in,) or (n, n_in), got shape {a.shape}")
    weights, biases = _sequence(weights, "weights"), _sequence(biases, "biases")
    return_all = checks.flag(return_all, "return_all")
    if len(weights) != len(biases) or not weights:
        raise ValueError(f"weights, biases: expected equally many (≥ 1), got {len(weights)} and {len(biases)}")
    if isinstance(activations, (str, _activations.Activation)):
        activations = [activations] * len(weights)
    activations = _sequence(activations, "activations", "activation names")
    if len(activations) != len(weights):
        raise ValueError(f"activations: expected {len(weights)} (one per layer), got {len(activations)}")
    for i, f in enumerate(activations):
        try:
            activations[i] = _activations.get(f)
        except (TypeError, ValueError) as err:
            raise type(err)(f"activations[{i}]: {err}") from None
    zs, outs = [], [a]
    for l, (W, b, f) in enumerate(zip(weights, biases, activations), start=1):
        W = checks.real_array(W, f"weights[{l - 1}]", finite=False, nonempty=False)
        b = checks.real_array(b, f"biases[{l - 1}]", finite=False, nonempty=False)
        if W.ndim != 2 or W.shape[1] != a.shape[-1]:
            feeds = f"x of shape {a.shape}" if l == 1 else f"layer {l - 1}'s {a.shape[-1]} outputs"
            raise ValueError(f"weights[{l - 1}]: expected shape (n_out, {a.shape[-1]}) to match {feeds}, "
                             f"got {W.shape}")
        if b.shape != (W.shape[0],):
            raise ValueError(f"biases[{l - 1}]: expected shape ({W.shape[0]},), got {b.shape}")
        if not (np.all(np.isfinite(W)) and np.all(np.isfinite(b))):
            raise ValueError(f"weights[{l - 1}], biases[{l - 1}]: contain NaN or infinity")
        with np.errstate(all="ignore"):
            z = a @ W.T + b
            a = f.f(z)
        zs.append(z)
        outs.append(a)
    if not np.all(np.isfinite(a)) or any(np.isnan(z).any() for z in zs):
        raise ValueError("x, weights: the forward pass overflows float64 (inputs or weights too large)")
    return (zs, outs) if return_all else a


# --- the multilayer perceptron (chapter 2) -------------------------------------------------

__all__ += ["MLP", "Gradients", "Trace"]



def _per_layer(value, count, name, what="layer"):
    """One value for every layer, or a list of ``count``."""
    if isinstance(value, (list, np.ndarray)) or (isinstance(value, tuple) and not (
            len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], dict))):
        items = list(value)
        if len(items) != count:
            raise ValueError(f"{name}: expected one value or one per {what} ({count}), got {len(items)}")
        return items
    return [value] * count


def _inits(init, L, hidden_act):
    """The L weight initializers of one model (an init.get entry per layer)."""
    out = []
    for item in _per_layer(init, L, "init"):
        if isinstance(item, tuple) and not (len(item) == 2 and isinstance(item[1], dict)):
            raise TypeError(f"init: expected a name, (name, params) or one per layer, got {item!r}")
        name, params = (item if isinstance(item, tuple) else (item, {}))
        if name == "glorot_uniform" and "activation" not in params:
            params = {**params, "activation": hidden_act}          # scikit-learn's A
        try:
            out.append(_init.get(name, **params))
        except (TypeError, ValueError) as err:
            raise type(err)(f"init: {str(err).split(': ', 1)[-1]}") from None
    return out


def _dropout(p, hidden):
    if hidden == 0 and not isinstance(p, (list, tuple, np.ndarray)):
        if checks.number(p, "dropout", 0.0, 1.0, high_open=True):
            raise ValueError(f"dropout: this network has no hidden layer to drop units from, got {p!r}")
    ps = _per_layer(p, hidden, "dropout", "hidden layer")
    return [checks.number(q, "dropout", 0.0, 1.0, high_open=True) for q in ps]


def _from_weights(cls, weights, biases, activation, output, kwargs):
    """MLP.from_weights, written out (see there)."""
    for key in ("seed", "init", "models"):
        if key in kwargs:
            raise TypeError(f"{key}: from_weights takes the models and their parameters from weights; "
                            "pass activation, output, loss or dropout")
    Ws = [checks.real_array(W, f"weights[{l}]", ndim=(2, 3)) for l, W in enumerate(_sequence(weights, "weights"))]
    if not Ws:
        raise ValueError("weights: expected at least one weight matrix")
    nd = Ws[0].ndim
    if any(W.ndim != nd for W in Ws):
        raise ValueError("weights: expected matrices (n_out, n_in), all 2-D or all 3-D (K, n_out, n_in)")
    K = 1 if nd == 2 else Ws[0].shape[0]
    sizes = [Ws[0].shape[-1]] + [W.shape[-2] for W in Ws]
    for l, W in enumerate(Ws):
        if W.shape[-2:] != (sizes[l + 1], sizes[l]) or (nd == 3 and W.shape[0] != K):
            raise ValueError(f"weights[{l}]: expected shape ({sizes[l + 1]}, {sizes[l]}) to follow "
                             f"weights[{l - 1}], got {W.shape}")
    seed = 0 if nd == 2 else list(range(K))
    net = cls(sizes, activation, output, init="zeros", seed=seed, **kwargs)
    for l, W in enumerate(Ws):
        net._weights[l][...] = W
    if biases is not None:
        bs = _sequence(biases, "biases")
        if len(bs) != len(Ws):
            raise ValueError(f"biases: expected {len(Ws)} (one per layer), got {len(bs)}")
        for l, b in enumerate(bs):
            b = checks.real_array(b, f"biases[{l}]", ndim=(1, 2))
            if b.shape not in ((sizes[l + 1],), (K, sizes[l + 1])):
                raise ValueError(f"biases[{l}]: expected shape ({sizes[l + 1]},)"
                                 f"{f' or ({K}, {sizes[l + 1]})' if nd == 3 else ''}, got {b.shape}")
            net._biases[l][...] = b
    return net



class MLP(Parameters):
    """A multilayer perceptron (chapter 2, "The MLP and backprop"), or K of them in lockstep.

    ``MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": 0.05}), seed=0)`` is
    Glassner's two-moons network (37 parameters).  Layer l computes z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,
    a⁽ˡ⁾ = f_l(z⁽ˡ⁾) with W⁽ˡ⁾ of shape (n_l, n_{l−1}); a batch in rows is Z = A Wᵀ + b.
    ``activation``: one name for every hidden layer or one per hidden layer.  The **head**
    is the output unit with its loss (:mod:`nnbook.heads`): ``output`` "identity", "sigmoid"
    or "softmax" and ``loss`` (default: the output's canonical loss, mse / bce /
    cross_entropy); training, ``predict``, ``accuracy`` and the decision boundary all use it.

    **One network** (``seed`` an integer or a Generator): no model axis anywhere —
    ``forward`` gives (n, n_out), ``params`` (P,), ``weights[l-1]`` (n_l, n_{l−1}).
    **K networks in lockstep** (``models=lockstep(seed=…, init=…, dropout=…, lr=…)``, or
    ``seed=[s₁, …, s_K]``, or ``seed=s, models=K`` for s … s+K−1): every array gains a leading
    model axis K; model k draws its weights from its own ``np.random.default_rng(seed_k)``,
    so it has exactly the weights of a single network with that seed and init.
    ``model(k)`` is one of them as a single network; :func:`~nnbook.lockstep.stack` is the inverse.

    Weights are drawn by ``init`` (a name from :mod:`nnbook.init`, ``(name, params)``, or one
    per layer); biases start at 0.  ``dropout`` = p, the probability to DROP a hidden unit
    (one p or one per hidden layer), applied with inverted scaling in training only (chapter 5).
    """

    def __init__(self, sizes, activation="relu", output="sigmoid", *, loss=None, init="glorot_uniform",
                 seed=0, models=None, dropout=0.0):
        self.sizes = _check_sizes(sizes)
        L, H = len(self.sizes) - 1, len(self.sizes) - 2
        acts = [activation] * H if isinstance(activation, (str, _activations.Activation)) else activation
        if isinstance(acts, dict) or not hasattr(acts, "__iter__"):
            raise TypeError(f"activation: expected a name or one per hidden layer, got {type(activation).__name__}")
        acts = list(acts)
        if len(acts) != H:
            raise ValueError(f"activation: expected {H} (one per hidden layer), got {len(acts)}")
        self.hidden = [_resolve(f, "activation", _activations.get) for f in acts]
        if not acts and isinstance(activation, (str, _activations.Activation)):
            _resolve(activation, "activation", _activations.get)           # no hidden layer: still a name
        self.head = make_head(output, loss)
        if output == "softmax" and self.sizes[-1] < 2:
            raise ValueError(f"output: softmax needs at least 2 output units, got sizes {self.sizes}")
        Parameters.__init__(self, self.sizes, seed, models)
        self._drop = np.array([_dropout(r.get("dropout", dropout), H) for r in self._rows]).reshape(self.K, H)
        hidden_act = self.hidden[0].name if self.hidden else "relu"
        for k, (row, rng) in enumerate(zip(self._rows, self.rngs)):
            for l, f in enumerate(_inits(row.get("init", init), L, hidden_act)):
                self._weights[l][k] = f((self.sizes[l + 1], self.sizes[l]), rng)

    @classmethod
    def from_weights(cls, weights, biases=None, activation="relu", output="identity", **kwargs):
        """An MLP with the given W⁽ˡ⁾ (n_out, n_in) — or (K, n_out, n_in) for K models — and b⁽ˡ⁾.

        ``biases`` None means zeros.  E.g. Glassner's 2-2-2 network:
        ``MLP.from_weights([W1, W2], activation="identity", output="identity")``.
        """
        return _from_weights(cls, weights, biases, activation, output, kwargs)

    output = property(lambda self: self.head.output, doc="The output unit's name.")
    loss_name = property(lambda self: self.head.loss.name, doc="The head's loss.")
    activations = property(lambda self: [a.name for a in self.hidden], doc="The hidden activations' names.")

    def __repr__(self):
        act = self.activations
        act = None if not act else act[0] if len(set(act)) == 1 else act
        drop = f", dropout={self.dropout}" if self._drop.any() else ""
        lock = "" if self.lockstep is None else f", K={self.K}"
        return (f"MLP(sizes={self.sizes}, activation={act!r}, output={self.output!r}, "
                f"loss={self.loss_name!r}{drop}{lock}, P={self.n_params})")

    # -- inputs ------------------------------------------------------------------------
    def _check_X(self, X, name="X"):
        X = checks.real_array(X, name, ndim=(1, 2))
        if X.ndim == 1 and self.sizes[0] == X.shape[0]:
            X = X[None, :]
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(f"{name}: expected shape (n, {self.sizes[0]}) with samples in rows, got {X.shape}")
        self._check_rows(X.shape[0], name)
        return X

    def _check_rows(self, n, name="X"):
        """Refuse a batch whose forward and backward buffers (K × n × the layer widths, three times)
        would pass ``checks.MAX_ELEMENTS``."""
        checks.size(3 * self.K * n * sum(self.sizes[1:]), name, checks.MAX_ELEMENTS,
                    f"values in the buffers of {self.K} model{'s' * (self.K > 1)} on {n:,} rows")

    @staticmethod
    def _augment(X):
        """[X 1]: the input with a ones column (the bias trick)."""
        return np.hstack([X, np.ones((X.shape[0], 1))])

    def targets(self, y, n, name="y"):
        """The head's encoding of targets as floats (n, n_out) (labels → 0/1, one-hot or ±1)."""
        return self.head.encode(y, n, self.sizes[-1], name)

    def _head_for(self, loss):
        return self.head if loss is None else make_head(self.output, loss)

    # -- forward and backward ----------------------------------------------------------
    def forward_cache(self, X, train=False, masks=None):
        """The forward pass keeping z⁽ˡ⁾, a⁽ˡ⁾ and the dropout masks: (out, cache) (chapter 2).

        ``train=True`` applies dropout with fresh masks from each model's generator; ``masks``
        (one array or None per hidden layer) fixes them.  The cache's arrays keep the model
        axis (K, n, n_l) even for one network (K = 1).
        """
        X = self._check_X(X)
        train = checks.flag(train, "train")
        if masks is not None:
            masks = self._check_masks(masks, X.shape[0])
        cache = Cache(self, X.shape[0])
        rngs = self.rngs if (train and masks is None and self._drop.any()) else None
        with np.errstate(all="ignore"):
            out = cache.forward(self._augment(X), rngs=rngs, masks=masks)
        if not np.all(np.isfinite(out)) and np.all(np.isfinite(self._params)):
            raise ValueError("X: the forward pass overflows float64 (inputs too large for these weights)")
        return self._squeeze(out), cache

    def _check_masks(self, masks, n):
        masks = _sequence(masks, "masks", "masks (one array or None per hidden layer)")
        if len(masks) != self.n_layers - 1:
            raise ValueError(f"masks: expected one per hidden layer ({self.n_layers - 1}), got {len(masks)}")
        out = []
        for l, m in enumerate(masks):
            shape = (self.K, n, self.sizes[l + 1])
            try:
                out.append(None if m is None else np.broadcast_to(checks.real_array(m, f"masks[{l}]"), shape))
            except ValueError as err:
                if str(err).startswith("masks"):
                    raise
                raise ValueError(f"masks[{l}]: expected shape {shape[1:]} or {shape}, got {np.shape(m)}") from None
        return out

    def trace(self, X, train=False):
        """The forward pass with every layer's values, numbered as in the text (chapter 2):
        ``z[l]`` = z⁽ˡ⁾ and ``a[l]`` = a⁽ˡ⁾ for l = 1 … L, ``a[0]`` = X (``z[0]`` is None); each
        (n, n_l), or (K, n, n_l) in lockstep (copies)."""
        _, cache = self.forward_cache(X, train=train)
        z = [None] + [self._squeeze(v).copy() for v in cache.z]
        a = [cache.a[0].copy()] + [self._squeeze(v).copy() for v in cache.a[1:]]
        return Trace(z, a)

    def forward(self, X, train=False, masks=None):
        """a⁽ᴸ⁾ for inputs X (n, n_in): (n, n_out), or (K, n, n_out) in lockstep (chapter 2)."""
        out, _ = self.forward_cache(X, train=train, masks=masks)
        return out.copy()

    __call__ = forward

    def dead_units(self, X, model=0):
        """Per hidden layer, the units whose net input z is negative on every row of X (chapters
        0 and 2): for a ReLU they output 0 and pass no gradient there.  ``model`` in lockstep."""
        k = _model_index(model, self.K, "model")
        _, cache = self.forward_cache(X)
        return [np.all(z[k] < 0, axis=0) for z in cache.z[:-1]]

    def output_delta(self, cache, y, loss=None):
        """δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾ of the batch-mean loss (the head's, or ``loss``'s) (chapter 2)."""
        self._check_cache(cache)
        head = self._head_for(loss)
        Y = head.encode(y, cache.n, self.sizes[-1])
        with np.errstate(all="ignore"):
            d = head.delta_into(cache.z[-1], cache.out, Y, np.empty_like(cache.z[-1]), cache.inv_n)
        return self._squeeze(d)

    def backward(self, cache, dout=None, *, delta=None):
        """Backpropagation from ∂L/∂a⁽ᴸ⁾ (``dout``) or δ⁽ᴸ⁾ (``delta``), shape (n, n_out)
        (or (K, n, n_out)); returns :class:`Gradients` (chapter 2; Qiu §5.3, matrix form)."""
        self._check_cache(cache)
        if (dout is None) == (delta is None):
            raise ValueError("dout, delta: give exactly one of ∂L/∂a⁽ᴸ⁾ (dout) or ∂L/∂z⁽ᴸ⁾ (delta)")
        name, g = ("dout", dout) if dout is not None else ("delta", delta)
        shape = (self.K, cache.n, self.sizes[-1])
        g = checks.real_array(g, name, ndim=(2, 3))
        try:
            g = np.broadcast_to(g, shape)
        except ValueError:
            raise ValueError(f"{name}: expected shape {shape[1:]} (or {shape}), got {g.shape}") from None
        with np.errstate(all="ignore"):
            if dout is not None:
                self.head.delta_from_dout(cache.out, g, cache.deltas[-1])
            else:
                cache.deltas[-1][...] = g
            grads = cache.backward(np.zeros((self.K, self.n_params)))
        return Gradients(self, grads, cache.deltas)

    def _check_cache(self, cache):
        if not isinstance(cache, Cache) or cache.net is not self:
            raise TypeError("cache: expected the Cache from this network's forward_cache()")

    # -- loss, gradient, penalty, prediction -------------------------------------------------
    def penalty(self, l2=0.0, l1=0.0):
        """Ω = (λ₂/2)Σ W² + λ₁Σ abs(W) over the weights (not the biases) (chapter 5)."""
        return self._squeeze(Penalty(self, l2, l1).value())

    def penalty_grad(self, grads, l2=0.0, l1=0.0):
        """Add ∂Ω/∂θ = λ₂W + λ₁ sign(W) to the weight entries of a flat gradient in place."""
        if not isinstance(grads, np.ndarray) or grads.dtype != np.float64:
            got = type(grads).__name__ if not isinstance(grads, np.ndarray) else f"an array of dtype {grads.dtype}"
            raise TypeError(f"grads: expected a float64 ndarray (changed in place), got {got}")
        shapes = ((self.n_params,),) * (self.K == 1) + ((self.K, self.n_params),)
        if grads.shape not in shapes:
            raise ValueError(f"grads: expected shape {' or '.join(map(str, shapes))}, got {grads.shape}")
        if not grads.flags.writeable:
            raise ValueError("grads: the array is read-only; the penalty's gradient is added in place")
        if not np.all(np.isfinite(grads)):
            raise ValueError("grads: contains NaN or infinity")
        Penalty(self, l2, l1).add_grad(grads if grads.ndim == 2 else grads[None, :])
        return grads

    def loss(self, X, y, loss=None, *, l2=0.0, l1=0.0, train=False, masks=None):
        """J = L(a⁽ᴸ⁾, y) + Ω: the head's loss (or ``loss``), a batch mean, plus the penalty."""
        head = self._head_for(loss)
        X = self._check_X(X)
        Y = head.encode(y, X.shape[0], self.sizes[-1])
        _, cache = self.forward_cache(X, train=train, masks=masks)
        with np.errstate(all="ignore"):
            value = head.value(cache.z[-1], cache.out, Y) + Penalty(self, l2, l1).value()
        return self._squeeze(value)

    def gradient(self, X, y, loss=None, *, l2=0.0, l1=0.0, train=False, masks=None):
        """(J, ∇J): the loss and its :class:`Gradients` by backpropagation (chapter 2)."""
        head = self._head_for(loss)
        X = self._check_X(X)
        Y = head.encode(y, X.shape[0], self.sizes[-1])
        _, cache = self.forward_cache(X, train=train, masks=masks)
        penalty = Penalty(self, l2, l1)
        with np.errstate(all="ignore"):
            value = head.value(cache.z[-1], cache.out, Y) + penalty.value()
            head.delta_into(cache.z[-1], cache.out, Y, cache.deltas[-1], cache.inv_n)
            grads = cache.backward(np.zeros((self.K, self.n_params)))
        penalty.add_grad(grads)
        return self._squeeze(value), Gradients(self, grads, cache.deltas)

    def predict(self, X):
        """Class labels, as the head reads the outputs: (n,), or (K, n) in lockstep (chapter 2)."""
        return self.head.labels(self.forward(X))

    def accuracy(self, X, y):
        """The fraction of correctly classified samples (per model in lockstep) (chapter 2)."""
        X = self._check_X(X)
        Y = self.targets(y, X.shape[0])
        if self.head.classes(Y) is None:
            raise ValueError("y: accuracy needs class labels (0/1, ±1 or one-hot), got other targets")
        return self.head.accuracy(self.forward(X), Y)


class Trace:
    """A forward pass's net inputs ``z`` and activations ``a``, 1-based lists (see :meth:`MLP.trace`)
    (chapter 2)."""

    def __init__(self, z, a):
        self.z, self.a = z, a

    def __repr__(self):
        return f"Trace(layers={len(self.z) - 1})"


class Gradients:
    """∂L/∂θ for every parameter (chapter 2): ``flat`` in the layout of ``MLP.params``;
    ``weights[l-1]`` = ∂L/∂W⁽ˡ⁾ and ``biases[l-1]`` = ∂L/∂b⁽ˡ⁾ (views into it); ``deltas[l-1]``
    = δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ (n, n_l).  Each has a leading model axis K in lockstep only."""

    def __init__(self, net, flat, deltas):
        blocks = net._block_views(flat)
        self.flat = net._squeeze(flat)
        self.weights = [net._squeeze(B[:, :, :-1]) for B in blocks]
        self.biases = [net._squeeze(B[:, :, -1]) for B in blocks]
        self.deltas = [net._squeeze(d.copy()) for d in deltas]

    def __repr__(self):
        return f"Gradients(P={self.flat.shape[-1]})"


def _resolve(f, label, get):
    try:
        return get(f)
    except (TypeError, ValueError) as err:
        raise type(err)(f"{label}: {str(err).split(': ', 1)[-1]}") from None
