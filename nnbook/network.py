"""Feedforward networks: the forward pass in matrix form (chapter 0) and the MLP (chapter 2).

Conventions (chapter 0, "The forward pass in matrix form"): a layer computes
z = W a + b with W of shape (n_out, n_in); data sit in rows, so a batch A of shape
(n, n_in) gives Z = A Wᵀ + b of shape (n, n_out).
"""
from __future__ import annotations

import copy

import numpy as np

from nnbook import activations as _activations

__all__ = ["count_parameters", "forward"]


def _check_sizes(sizes):
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
    a = np.asarray(x, dtype=float)
    if a.ndim not in (1, 2):
        raise ValueError(f"x: expected shape (n_in,) or (n, n_in), got shape {a.shape}")
    if not np.all(np.isfinite(a)):
        raise ValueError("x: contains NaN or infinity")
    weights, biases = list(weights), list(biases)
    if len(weights) != len(biases) or not weights:
        raise ValueError(f"weights, biases: expected equally many (≥ 1), got {len(weights)} and {len(biases)}")
    if isinstance(activations, (str, _activations.Activation)):
        activations = [activations] * len(weights)
    activations = list(activations)
    if len(activations) != len(weights):
        raise ValueError(f"activations: expected {len(weights)} (one per layer), got {len(activations)}")
    for i, f in enumerate(activations):
        try:
            activations[i] = _activations.get(f)
        except (TypeError, ValueError) as err:
            raise type(err)(f"activations[{i}]: {err}") from None
    zs, outs = [], [a]
    for l, (W, b, f) in enumerate(zip(weights, biases, activations), start=1):
        W, b = np.asarray(W, dtype=float), np.asarray(b, dtype=float)
        if W.ndim != 2 or W.shape[1] != a.shape[-1]:
            feeds = f"x of shape {a.shape}" if l == 1 else f"layer {l - 1}'s {a.shape[-1]} outputs"
            raise ValueError(f"weights[{l - 1}]: expected shape (n_out, {a.shape[-1]}) to match {feeds}, "
                             f"got {W.shape}")
        if b.shape != (W.shape[0],):
            raise ValueError(f"biases[{l - 1}]: expected shape ({W.shape[0]},), got {b.shape}")
        if not (np.all(np.isfinite(W)) and np.all(np.isfinite(b))):
            raise ValueError(f"weights[{l - 1}], biases[{l - 1}]: contain NaN or infinity")
        z = a @ W.T + b
        a = f.f(z)
        zs.append(z)
        outs.append(a)
    return (zs, outs) if return_all else a


# --- the multilayer perceptron (chapter 2) -------------------------------------------------
#
# Layout of the parameters.  Model k's parameters are one row params[k] of a (K, P) array.
# Layer l owns a block of n_out·(n_in + 1) numbers, read as the matrix [W⁽ˡ⁾ | b⁽ˡ⁾] of
# shape (n_out, n_in + 1): row j holds neuron j's incoming weights followed by its bias.
# This is Glassner's "bias trick" (the bias is the weight from a constant input 1): with
# a ones column appended to the activations, [a 1]·[W | b]ᵀ = a Wᵀ + b is ONE matmul in
# the forward pass, and δᵀ[a 1] gives ∂L/∂W and ∂L/∂b in ONE matmul in the backward pass.
# W⁽ˡ⁾ and b⁽ˡ⁾ are views into that block, so the optimizer updates all of them with one call.

OUTPUTS = ("identity", "sigmoid", "softmax")

#: output + loss pairs whose output delta is computed from the logits: δ⁽ᴸ⁾ = (p − y)/n.
PAIRED = {"sigmoid": ("bce", "bce_logits"), "softmax": ("cross_entropy", "log_loss")}
#: losses that take probabilities (need a sigmoid or softmax output)
PROBABILITY_LOSSES = ("bce", "log_loss", "focal")
#: losses that take scores or logits (need the identity output, unless paired above)
LOGIT_LOSSES = ("bce_logits", "cross_entropy", "hinge", "multiclass_hinge")

__all__ += ["MLP", "Cache", "Gradients", "OUTPUTS", "resolve_loss"]


def _resolve_activation(f, label):
    try:
        return _activations.get(f)
    except (TypeError, ValueError) as err:
        message = str(err).split(": ", 1)[-1]
        raise type(err)(f"{label}: {message}") from None


def _is_default(act, name):
    """True for the unparameterized table entry ``name`` (the in-place fast paths apply)."""
    return act is _activations.ACTIVATIONS.get(name)


def resolve_loss(loss, output):
    """The :class:`~nnbook.losses.Loss` for ``loss`` and how it meets the ``output`` unit (chapter 2).

    Returns ``(loss, mode)``: mode "paired" (sigmoid + bce or softmax + cross-entropy: the
    loss of the probabilities, computed from the logits z, with δ⁽ᴸ⁾ = p − y), "direct"
    (identity output: the loss sees z) or "chain" (the loss sees the probabilities and
    δ⁽ᴸ⁾ = ∂L/∂a ⊙ f′(z), or the softmax Jacobian product).
    """
    from nnbook import losses as _losses
    if output not in OUTPUTS:
        raise ValueError(f"output: expected one of {', '.join(OUTPUTS)}, got {output!r}")
    try:
        entry = _losses.get(loss)
    except (TypeError, ValueError) as err:
        message = str(err).split(": ", 1)[-1]
        raise type(err)(f"loss: {message}") from None
    if entry.name in PAIRED.get(output, ()):
        return entry, "paired"
    if output == "identity":
        if entry.name in PROBABILITY_LOSSES:
            hint = {"bce": "bce_logits", "log_loss": "cross_entropy"}.get(entry.name)
            alt = f" or loss={hint!r} on the logits" if hint else ""
            raise ValueError(f"loss: {entry.name} expects probabilities; use output='sigmoid' or "
                             f"'softmax'{alt}")
        return entry, "direct"
    if entry.name in LOGIT_LOSSES:
        pair = {"sigmoid": "bce", "softmax": "cross_entropy"}[output]
        raise ValueError(f"loss: {entry.name} expects scores/logits, but output={output!r} gives "
                         f"probabilities; use loss={pair!r} (computed stably from the logits) or "
                         f"output='identity'")
    return entry, "chain"


class Cache:
    """What the forward pass keeps for the backward pass (chapter 2).

    ``a[0]`` is the input X (n, n_in); ``z[l-1]`` = z⁽ˡ⁾ and ``a[l]`` = a⁽ˡ⁾ have shape
    (K, n, n_l) (a⁽ˡ⁾ after dropout); ``out`` = a⁽ᴸ⁾; ``masks[l-1]`` is the inverted
    dropout mask of hidden layer l (or None).  ``deltas[l-1]`` = δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ after
    :meth:`MLP.backward`.  The buffers are allocated once and reused by every pass on
    the same cache (the training loop keeps one per batch size).
    """

    def __init__(self, net, n):
        K, sizes = net.K, net.sizes
        self.net, self.n, self.train = net, n, False
        self._inv_n = _constant(1.0 / n)
        # activations with a trailing column of ones (the bias trick); _aug[0] is set per batch
        self._aug = [None] + [np.ones((K, n, m + 1)) for m in sizes[1:-1]]
        self.z = [np.empty((K, n, m)) for m in sizes[1:]]
        self.a = [None] + [A[..., :-1] for A in self._aug[1:]]
        self.a.append(self.z[-1] if net.output == "identity" else np.empty((K, n, sizes[-1])))
        self.fz = self.a[1:-1]           # f(z) before dropout (the same arrays without dropout)
        self.deltas = [np.empty((K, n, m)) for m in sizes[1:]]
        self._back = [np.empty((K, n, m)) for m in sizes[1:-1]]       # δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾
        self.masks = [None] * (len(sizes) - 2)
        # references into the network, looked up once (the hot path runs many times)
        self._params = net._params
        self._BT = net._blocks_T
        self._W = net._weights
        self._f = [_forward_kernel(act) for act in net._acts]
        self._df = [_backward_kernel(act) for act in net._acts]
        self._f_out = {"identity": None, "sigmoid": _forward_kernel(_SIGMOID), "softmax": _softmax_into}[net.output]
        self._grads, self._gblocks = None, None
        self._plan = None                # sgd_steps' per-layer lookups (made on first use)

    @property
    def out(self):
        """The network output a⁽ᴸ⁾, shape (K, n, n_out)."""
        return self.a[-1]

    # -- forward ---------------------------------------------------------------------
    def forward(self, x_aug, masks=None, rngs=None):
        """z⁽ˡ⁾ = [a⁽ˡ⁻¹⁾ 1]·[W⁽ˡ⁾ | b⁽ˡ⁾]ᵀ, a⁽ˡ⁾ = f_l(z⁽ˡ⁾) (⊙ dropout mask m⁽ˡ⁾), l = 1 … L.

        ``x_aug`` is the batch with a ones column, shape (n, n_in + 1).  ``masks`` (one
        per hidden layer, or None) or ``rngs`` (one generator per model: fresh masks)
        switch dropout on.
        """
        aug, z, BT = self._aug, self.z, self._BT
        aug[0] = x_aug
        self.a[0] = x_aug[:, :-1]                              # a⁽⁰⁾ = x
        last = len(z) - 1
        dropout = masks is not None or rngs is not None
        if self.train and not dropout:                         # back from a dropout pass
            self.fz, self.masks = self.a[1:-1], [None] * last
        for l in range(last):
            np.matmul(aug[l], BT[l], out=z[l])                 # z⁽ˡ⁾ = [a⁽ˡ⁻¹⁾ 1][W⁽ˡ⁾ | b⁽ˡ⁾]ᵀ
            if dropout:
                self._dropout_layer(l, masks, rngs)
            else:
                self._f[l](z[l], self.a[l + 1])                # a⁽ˡ⁾ = f(z⁽ˡ⁾)
        np.matmul(aug[last], BT[last], out=z[last])            # output layer
        if self._f_out is not None:
            self._f_out(z[last], self.a[-1])                   # a⁽ᴸ⁾ = σ(z⁽ᴸ⁾) or softmax
        self.train = dropout
        return self.a[-1]

    def _dropout_layer(self, l, masks, rngs):
        """a⁽ˡ⁾ = f(z⁽ˡ⁾) ⊙ m⁽ˡ⁾ with an inverted-dropout mask m (E[m] = 1) (chapter 5)."""
        from nnbook.regularization import dropout_mask
        p = self.net.dropout[l]
        mask = masks[l] if masks is not None else None
        if mask is None and rngs is not None and p > 0:
            shape = self.z[l].shape[1:]
            mask = np.stack([dropout_mask(shape, p, rng) for rng in rngs])   # model k: its own rng
        self.masks[l] = mask
        if mask is None:
            self.fz[l] = self.a[l + 1]
            self._f[l](self.z[l], self.a[l + 1])
            return
        if self.fz[l] is self.a[l + 1]:
            self.fz[l] = np.empty_like(self.z[l])
        self._f[l](self.z[l], self.fz[l])                      # f(z)
        np.multiply(self.fz[l], mask, out=self.a[l + 1])       # a = f(z) ⊙ m

    # -- output delta ------------------------------------------------------------------
    def output_delta(self, y, loss, mode):
        """δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾ for the mean loss over the batch (chapter 2, chapter 3).

        Paired (sigmoid + bce, softmax + cross-entropy): δ = (p − y)/n, never through
        σ′; identity output: δ = ∂L/∂out; otherwise δ = ∂L/∂a ⊙ f′(z).
        """
        d, n = self.deltas[-1], self.n
        if _residual_delta(mode, loss):
            np.subtract(self.a[-1], y, out=d)                  # p − y  (z − y for mse)
            if n > 1:
                np.multiply(d, self._inv_n, out=d)             # mean over the batch: × 1/n
            return d
        return self.delta_from_dout(loss.grad(self.a[-1], y))  # from ∂L/∂a⁽ᴸ⁾

    def delta_from_dout(self, g):
        """δ⁽ᴸ⁾ from ∂L/∂a⁽ᴸ⁾: g (identity), g ⊙ σ(1 − σ) (sigmoid), p ⊙ (g − Σ g p) (softmax)."""
        d, out, p = self.deltas[-1], self.net.output, self.a[-1]
        if out == "identity":
            d[...] = g
        elif out == "sigmoid":
            np.multiply(p, 1.0 - p, out=d)
            np.multiply(d, g, out=d)
        else:
            d[...] = p * (g - np.sum(g * p, axis=-1, keepdims=True))
        return d

    # -- backward ----------------------------------------------------------------------
    def backward(self, grads):
        """Qiu's matrix recursion with samples in rows, from δ⁽ᴸ⁾ in ``deltas[-1]`` (chapter 2):

        ∂L/∂[W⁽ˡ⁾ | b⁽ˡ⁾] = δ⁽ˡ⁾ᵀ [a⁽ˡ⁻¹⁾ 1]          (summed over the batch)
        δ⁽ˡ⁻¹⁾ = f′(z⁽ˡ⁻¹⁾) ⊙ m⁽ˡ⁻¹⁾ ⊙ (δ⁽ˡ⁾ W⁽ˡ⁾)     (row form of W⁽ˡ⁾ᵀδ⁽ˡ⁾)

        Writes into the flat (K, P) array ``grads`` and returns it.
        """
        if grads is not self._grads:
            self._grads, self._gblocks = grads, self.net._block_views(grads)
        gblocks, deltas, aug = self._gblocks, self.deltas, self._aug
        for l in range(len(deltas) - 1, 0, -1):
            d = deltas[l]
            np.matmul(d.transpose(0, 2, 1), aug[l], out=gblocks[l])      # δ⁽ˡ⁾ᵀ[a⁽ˡ⁻¹⁾ 1]
            back = self._back[l - 1]
            np.matmul(d, self._W[l], out=back)                           # δ⁽ˡ⁾W⁽ˡ⁾
            if self.masks[l - 1] is not None:
                np.multiply(back, self.masks[l - 1], out=back)           # ⊙ m⁽ˡ⁻¹⁾
            self._df[l - 1](self.z[l - 1], self.fz[l - 1], back, deltas[l - 1])  # ⊙ f′(z⁽ˡ⁻¹⁾)
        np.matmul(deltas[0].transpose(0, 2, 1), aug[0], out=gblocks[0])  # δ⁽¹⁾ᵀ[x 1]
        return grads

    # -- the training loop's fast path ---------------------------------------------------
    def sgd_steps(self, X_aug, Y, lr, grads, tmp):
        """Plain SGD, one step per batch: ``X_aug`` (m, n, n_in + 1) and ``Y`` (m, n, n_out)
        hold m batches of n samples; ``lr`` is η (a 0-d array or a (K, 1) column) (chapter 2).

        For the output + loss pairs with δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − y)/n (sigmoid + bce, softmax +
        cross-entropy, identity + mse) and no dropout, each step is

            forward:   z⁽ˡ⁾ = [a⁽ˡ⁻¹⁾ 1]·[W⁽ˡ⁾ | b⁽ˡ⁾]ᵀ,  a⁽ˡ⁾ = f_l(z⁽ˡ⁾)
            output:    δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − y)/n
            backward:  ∂L/∂[W⁽ˡ⁾ | b⁽ˡ⁾] = δ⁽ˡ⁾ᵀ[a⁽ˡ⁻¹⁾ 1],  δ⁽ˡ⁻¹⁾ = f′(z⁽ˡ⁻¹⁾) ⊙ δ⁽ˡ⁾W⁽ˡ⁾
            update:    θ ← θ − η g

        with exactly the numpy operations of :meth:`forward`, :meth:`output_delta`,
        :meth:`backward` and ``optim.SGD.step`` (so the same numbers, bit for bit), but with
        every buffer, view and kernel looked up once.  At batch size 1 a step is bound by
        the cost of calling numpy, not by arithmetic (benchmarks/bench_sgd.py).  ``grads`` (K, P)
        receives the gradient, ``tmp`` (K, P) is scratch for η g.
        """
        if self.train or self._plan is None or self._plan[0] is not grads:
            self._make_plan(grads)
        _, hidden_up, hidden_down, (BT_L, z_L, d_L, dT_L, g_1), f_out, params = self._plan
        a_L, inv_n = self.a[-1], (self._inv_n if self.n > 1 else None)
        matmul, subtract, multiply = np.matmul, np.subtract, np.multiply
        for x, y in zip(X_aug, Y):
            a_aug = x                                        # [a⁽⁰⁾ 1] = [x 1]
            for BT, z, f, a, next_aug in hidden_up:          # hidden layers l = 1 … L−1
                matmul(a_aug, BT, out=z)                     # z⁽ˡ⁾ = [a⁽ˡ⁻¹⁾ 1][W⁽ˡ⁾ | b⁽ˡ⁾]ᵀ
                f(z, a)                                      # a⁽ˡ⁾ = f(z⁽ˡ⁾), a view into [a⁽ˡ⁾ 1]
                a_aug = next_aug
            matmul(a_aug, BT_L, out=z_L)                     # z⁽ᴸ⁾
            if f_out is not None:                            # (identity: a⁽ᴸ⁾ is z⁽ᴸ⁾)
                f_out(z_L, a_L)                              # a⁽ᴸ⁾ = σ(z⁽ᴸ⁾) or softmax(z⁽ᴸ⁾)
            subtract(a_L, y, out=d_L)                        # δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y
            if inv_n is not None:
                multiply(d_L, inv_n, out=d_L)                # … / n (the loss is the batch mean)
            d, dT = d_L, dT_L                                # δᵀ: a transposed view, made once
            for a_aug, g, W, back, df, z, fz, d_l, dT_l in hidden_down:    # l = L−1 … 1
                matmul(dT, a_aug, out=g)                     # ∂L/∂[W⁽ˡ⁺¹⁾ | b⁽ˡ⁺¹⁾] = δ⁽ˡ⁺¹⁾ᵀ[a⁽ˡ⁾ 1]
                matmul(d, W, out=back)                       # δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾
                df(z, fz, back, d_l)                         # δ⁽ˡ⁾ = f′(z⁽ˡ⁾) ⊙ δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾
                d, dT = d_l, dT_l
            matmul(dT, x, out=g_1)                           # ∂L/∂[W⁽¹⁾ | b⁽¹⁾] = δ⁽¹⁾ᵀ[x 1]
            multiply(grads, lr, out=tmp)                     # θ ← θ − η g, as SGD.step:
            subtract(params, tmp, out=params)                # tmp = η g, θ = θ − tmp
        if len(X_aug):                                       # leave the cache as forward() does
            self._aug[0], self.a[0] = x, x[:, :-1]
        return grads

    def _make_plan(self, grads):
        """The buffers, views and kernels :meth:`sgd_steps` walks through, per layer, once."""
        if self.train:                                       # back from a dropout pass
            self.fz, self.masks = self.a[1:-1], [None] * len(self.masks)
            self.train = False
        g = self.net._block_views(grads)
        dT = [d.transpose(0, 2, 1) for d in self.deltas]
        H = len(self.z) - 1                                  # hidden layers; list index i is layer i+1
        hidden_up = [(self._BT[i], self.z[i], self._f[i], self.a[i + 1], self._aug[i + 1])
                     for i in range(H)]
        hidden_down = [(self._aug[i + 1], g[i + 1], self._W[i + 1], self._back[i], self._df[i],
                        self.z[i], self.fz[i], self.deltas[i], dT[i]) for i in reversed(range(H))]
        last = (self._BT[H], self.z[H], self.deltas[H], dT[H], g[0])
        self._plan = (grads, hidden_up, hidden_down, last, self._f_out, self._params)
        return self._plan


# In-place activation kernels: fast paths for the common activations, the activations
# table (which allocates) for the others.  f: out = f(z).  df: out = f′(z) ⊙ g.
_SIGMOID = _activations.ACTIVATIONS["sigmoid"]


_constant = _activations._constant                  # read-only 0-d arrays for the hot kernels
_ZERO, _ONE = _activations._ZERO, _activations._ONE


def _relu(z, out):                             # max(z, 0)
    np.maximum(z, _ZERO, out=out)


_sigmoid = _activations.sigmoid_into            # two branches: accurate on both tails


def _d_relu(z, fz, g, out):                    # ReLU′(z) = 1 for z ≥ 0 (Qiu's convention)
    np.heaviside(z, _ONE, out=out)
    np.multiply(out, g, out=out)


def _d_sigmoid(z, fz, g, out):                 # σ′ = σ(1 − σ)
    np.subtract(_ONE, fz, out=out)
    np.multiply(out, fz, out=out)
    np.multiply(out, g, out=out)


def _d_tanh(z, fz, g, out):                    # tanh′ = 1 − tanh²
    np.multiply(fz, fz, out=out)
    np.subtract(_ONE, out, out=out)
    np.multiply(out, g, out=out)


def _softmax_into(z, out):
    from nnbook.losses import softmax
    out[...] = softmax(z)


def _forward_kernel(act):
    fast = {"relu": _relu, "sigmoid": _sigmoid, "identity": lambda z, out: np.copyto(out, z),
            "tanh": lambda z, out: np.tanh(z, out=out)}
    if act.name in fast and _is_default(act, act.name):
        return fast[act.name]

    def f(z, out):
        out[...] = act.f(z)
    return f


def _backward_kernel(act):
    fast = {"relu": _d_relu, "sigmoid": _d_sigmoid, "tanh": _d_tanh,
            "identity": lambda z, fz, g, out: np.copyto(out, g)}
    if act.name in fast and _is_default(act, act.name):
        return fast[act.name]

    def df(z, fz, g, out):
        np.multiply(act.df(z), g, out=out)
    return df


class Gradients:
    """∂L/∂θ for every parameter of every model (chapter 2).

    ``flat`` (K, P) in the layout of :attr:`MLP.params`; ``weights[l-1]`` = ∂L/∂W⁽ˡ⁾
    (K, n_out, n_in) and ``biases[l-1]`` = ∂L/∂b⁽ˡ⁾ (K, n_out) are views into it;
    ``deltas[l-1]`` = δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ (K, n, n_l).
    """

    def __init__(self, net, flat, deltas):
        self.flat = flat
        blocks = net._block_views(flat)
        self.weights = [B[:, :, :-1] for B in blocks]
        self.biases = [B[:, :, -1] for B in blocks]
        self.deltas = deltas

    def __repr__(self):
        return f"Gradients(K={self.flat.shape[0]}, P={self.flat.shape[1]})"


def _check_seeds(seed, models):
    """A list of K seeds (ints ≥ 0 or Generators)."""
    def ok(s):
        return isinstance(s, np.random.Generator) or (
            isinstance(s, (int, np.integer)) and not isinstance(s, bool) and s >= 0)
    if models is not None:
        if isinstance(models, bool) or not isinstance(models, (int, np.integer)) or models < 1:
            raise ValueError(f"models: expected the number of models K ≥ 1, got {models!r}")
        if not (isinstance(seed, (int, np.integer)) and not isinstance(seed, bool) and seed >= 0):
            raise ValueError(f"seed: with models=K expected one integer seed s ≥ 0 (the models get "
                             f"s, s+1, …, s+K−1), got {seed!r}")
        return [int(seed) + k for k in range(int(models))]
    if ok(seed):
        return [seed]
    if isinstance(seed, (str, bytes)) or not hasattr(seed, "__iter__"):
        raise TypeError(f"seed: expected an integer ≥ 0, a numpy Generator or a sequence of them, "
                        f"got {type(seed).__name__}")
    seeds = list(seed)
    if not seeds:
        raise ValueError("seed: expected at least one seed (K ≥ 1 models), got an empty sequence")
    for s in seeds:
        if not ok(s):
            raise ValueError(f"seed: expected integers ≥ 0 or Generators, got {s!r}")
    return [int(s) if not isinstance(s, np.random.Generator) else s for s in seeds]


def _residual_delta(mode, loss):
    """Whether δ⁽ᴸ⁾ is the residual (a⁽ᴸ⁾ − y)/n: a paired output and loss (sigmoid + bce,
    softmax + cross-entropy) or an identity output with mse (chapter 2)."""
    return mode == "paired" or (mode == "direct" and loss.name == "mse")


def _model_index(k, K, name="k"):
    """k as an index 0 … K−1 of the model axis (negative k counts from the end); a clear
    error otherwise (chapter 2: the lockstep runs)."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not -K <= k < K:
        raise ValueError(f"{name}: expected a model index in 0 … {K - 1} (or -{K} … -1), got {k!r}")
    return int(k) % K


class MLP:
    """A multilayer perceptron, K of them in lockstep (chapter 2, "The MLP and backprop").

    ``MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": 0.05}), seed=0)`` is
    Glassner's two-moons network (37 parameters).  Layer l computes

        z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,  a⁽ˡ⁾ = f_l(z⁽ˡ⁾),   W⁽ˡ⁾ of shape (n_l, n_{l−1}),

    for a batch in rows Z = A Wᵀ + b.  ``activation`` is one name for every hidden layer
    or one per hidden layer; ``output`` is "identity", "sigmoid" or "softmax".

    **Model axis.**  ``seed`` is one seed (K = 1) or a sequence of K seeds (or
    ``seed=s, models=K`` for s … s+K−1): K networks of the same shape, each drawn from its
    own generator ``np.random.default_rng(seed_k)``, so model k has exactly the weights a
    K = 1 network with seed_k has.  Inputs X (n, n_in) are shared; outputs are (K, n, n_out).

    **Parameters** live in one (K, P) array :attr:`params`; ``weights[l-1]`` (K, n_l, n_{l−1})
    and ``biases[l-1]`` (K, n_l) are views into it (and ``W``/``b`` the same without the
    model axis when K = 1).  Weights are drawn by ``init`` (a name from :mod:`nnbook.init`,
    ``(name, params)``, an Init, or one of those per layer; "glorot_uniform" gets
    scikit-learn's A from the hidden activation); biases start at 0.

    **Dropout** (chapter 5): ``dropout`` = p, the probability to DROP a hidden unit (one p
    or one per hidden layer), applied with inverted scaling in training mode only; the
    masks come from each model's own generator (which drew its weights).
    """

    def __init__(self, sizes, activation="relu", output="sigmoid", *, init="glorot_uniform",
                 seed=0, models=None, dropout=0.0):
        self.sizes = _check_sizes(sizes)
        L = len(self.sizes) - 1
        hidden = L - 1
        if isinstance(activation, (str, _activations.Activation)):
            acts = [activation] * hidden
        else:
            try:
                acts = list(activation)
            except TypeError:
                raise TypeError(f"activation: expected a name or one per hidden layer, got "
                                f"{type(activation).__name__}") from None
            if len(acts) != hidden:
                raise ValueError(f"activation: expected {hidden} (one per hidden layer), got {len(acts)}")
        self._acts = [_resolve_activation(f, "activation") for f in acts]
        if not isinstance(output, str) or output not in OUTPUTS:
            raise ValueError(f"output: expected one of {', '.join(OUTPUTS)}, got {output!r}")
        if output == "softmax" and self.sizes[-1] < 2:
            raise ValueError(f"output: softmax needs at least 2 output units, got sizes {self.sizes}")
        self.output = output
        self.dropout = self._check_dropout(dropout, hidden)
        seeds = _check_seeds(seed, models)
        self.K = len(seeds)
        self.seeds = tuple(s if isinstance(s, int) else None for s in seeds)
        self.rngs = [s if isinstance(s, np.random.Generator) else np.random.default_rng(s) for s in seeds]
        shapes = [(n_out, n_in) for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:])]
        self._offsets = np.cumsum([0] + [o * (i + 1) for o, i in shapes]).tolist()
        self.n_params = self._offsets[-1]
        self._params = np.zeros((self.K, self.n_params))
        self._make_views()
        inits = self._check_init(init, L)
        for k, rng in enumerate(self.rngs):
            for l, shape in enumerate(shapes):
                W = np.asarray(inits[l](shape, rng), dtype=float)
                self._weights[l][k] = W

    # -- construction helpers ----------------------------------------------------------
    @staticmethod
    def _check_dropout(dropout, hidden):
        if isinstance(dropout, (list, tuple, np.ndarray)):
            ps = list(dropout)
            if len(ps) != hidden:
                raise ValueError(f"dropout: expected one drop probability per hidden layer ({hidden}), "
                                 f"got {len(ps)}")
        else:
            ps = [dropout] * hidden
        for p in ps:
            if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)):
                raise TypeError(f"dropout: expected a drop probability in [0, 1), got {p!r}")
            if not (0.0 <= p < 1.0):
                raise ValueError(f"dropout: expected a drop probability p in [0, 1) "
                                 f"(p is the probability to DROP a unit), got {p!r}")
        return [float(p) for p in ps]

    def _check_init(self, init, L):
        from nnbook import init as _init
        if isinstance(init, (list, tuple)) and not (len(init) == 2 and isinstance(init[0], str)
                                                    and isinstance(init[1], dict)):
            items = list(init)
            if len(items) != L:
                raise ValueError(f"init: expected one scheme or one per layer ({L}), got {len(items)}")
        else:
            items = [init] * L
        hidden_act = self._acts[0].name if self._acts else "relu"
        out = []
        for item in items:
            name, params = (item if isinstance(item, tuple) else (item, {}))
            if name == "glorot_uniform" and "activation" not in params:
                params = {**params, "activation": hidden_act}      # scikit-learn's A
            try:
                out.append(_init.get(name, **params))
            except (TypeError, ValueError) as err:
                message = str(err).split(": ", 1)[-1]
                raise type(err)(f"init: {message}") from None
        return out

    def _block_views(self, flat):
        """[W⁽ˡ⁾ | b⁽ˡ⁾] views (K, n_l, n_{l−1} + 1) into a flat (K, P) array."""
        K = flat.shape[0]
        return [flat[:, a:b].reshape(K, n_out, n_in + 1)
                for a, b, n_in, n_out in zip(self._offsets[:-1], self._offsets[1:],
                                             self.sizes[:-1], self.sizes[1:])]

    def _make_views(self):
        blocks = self._block_views(self._params)
        self._blocks_T = [B.transpose(0, 2, 1) for B in blocks]
        self._weights = [B[:, :, :-1] for B in blocks]
        self._biases = [B[:, :, -1] for B in blocks]

    @classmethod
    def from_weights(cls, weights, biases=None, activation="relu", output="identity", **kwargs):
        """An MLP with the given W⁽ˡ⁾ (n_out, n_in) or (K, n_out, n_in) and b⁽ˡ⁾ (chapter 2).

        ``biases`` None means zeros.  E.g. Glassner's 2-2-2 network:
        ``MLP.from_weights([W1, W2], activation="identity", output="identity")``.
        """
        Ws = [np.asarray(W, dtype=float) for W in weights]
        if not Ws:
            raise ValueError("weights: expected at least one weight matrix")
        nd = Ws[0].ndim
        if nd not in (2, 3) or any(W.ndim != nd for W in Ws):
            raise ValueError("weights: expected matrices (n_out, n_in), all 2-D or all 3-D (K, n_out, n_in)")
        K = 1 if nd == 2 else Ws[0].shape[0]
        Ws = [W.reshape((K,) + W.shape[-2:]) for W in Ws]
        sizes = [Ws[0].shape[-1]] + [W.shape[-2] for W in Ws]
        for l, W in enumerate(Ws):
            if W.shape != (K, sizes[l + 1], sizes[l]):
                raise ValueError(f"weights[{l}]: expected shape ({sizes[l + 1]}, {sizes[l]}) to follow "
                                 f"weights[{l - 1}], got {W.shape[-2:]}")
        net = cls(sizes, activation, output, init="zeros", seed=list(range(K)), **kwargs)
        for l, W in enumerate(Ws):
            net._weights[l][...] = W
        if biases is not None:
            bs = list(biases)
            if len(bs) != len(Ws):
                raise ValueError(f"biases: expected {len(Ws)} (one per layer), got {len(bs)}")
            for l, b in enumerate(bs):
                b = np.asarray(b, dtype=float)
                try:
                    net._biases[l][...] = b
                except ValueError:
                    raise ValueError(f"biases[{l}]: expected shape ({sizes[l + 1]},), got {b.shape}") from None
        if not np.all(np.isfinite(net._params)):
            raise ValueError("weights, biases: contain NaN or infinity")
        return net

    # -- parameters --------------------------------------------------------------------
    @property
    def n_layers(self):
        """L, the number of layers with weights."""
        return len(self.sizes) - 1

    @property
    def activations(self):
        """The hidden layers' activation names."""
        return [a.name for a in self._acts]

    @property
    def params(self):
        """All parameters, shape (K, P): row k is model k (a live buffer; W and b are views)."""
        return self._params

    @params.setter
    def params(self, value):
        self.set_params(value)

    @property
    def weights(self):
        """[W⁽¹⁾, …, W⁽ᴸ⁾], each a view of shape (K, n_l, n_{l−1})."""
        return list(self._weights)

    @property
    def biases(self):
        """[b⁽¹⁾, …, b⁽ᴸ⁾], each a view of shape (K, n_l)."""
        return list(self._biases)

    def _single(self, what):
        if self.K != 1:
            raise ValueError(f"{what}: this MLP holds K = {self.K} models; use net.weights[l][k] / "
                             f"net.biases[l][k] or net.model(k)")

    @property
    def W(self):
        """For K = 1: [W⁽¹⁾, …, W⁽ᴸ⁾] as (n_l, n_{l−1}) views (no model axis)."""
        self._single("W")
        return [W[0] for W in self._weights]

    @property
    def b(self):
        """For K = 1: [b⁽¹⁾, …, b⁽ᴸ⁾] as (n_l,) views (no model axis)."""
        self._single("b")
        return [b[0] for b in self._biases]

    def get_params(self):
        """A copy of :attr:`params` (K, P)."""
        return self._params.copy()

    def set_params(self, params):
        """Copy ``params`` ((K, P), or (P,) for every model) into the parameter buffer in place."""
        p = np.asarray(params, dtype=float)
        if p.shape not in ((self.K, self.n_params), (self.n_params,)):
            raise ValueError(f"params: expected shape ({self.K}, {self.n_params}) or ({self.n_params},), "
                             f"got {p.shape}")
        self._params[...] = p

    @property
    def is_weight(self):
        """Boolean mask (P,): True for weights, False for biases (penalties skip biases)."""
        mask = np.ones((1, self.n_params), dtype=bool)
        for B in self._block_views(mask):
            B[:, :, -1] = False
        return mask[0]

    def param_names(self):
        """Names of the P parameters in buffer order: "W1[j,i]" … "b1[j]" (1-based layers)."""
        names = []
        for l, (n_in, n_out) in enumerate(zip(self.sizes[:-1], self.sizes[1:]), start=1):
            for j in range(n_out):
                names += [f"W{l}[{j},{i}]" for i in range(n_in)] + [f"b{l}[{j}]"]
        return names

    def copy(self):
        """An independent copy (parameters and each model's generator state)."""
        import copy as _copy
        net = _copy.copy(self)
        net._params = self._params.copy()
        net.rngs = _copy.deepcopy(self.rngs)
        net._make_views()
        return net

    def model(self, k):
        """Model k as a K = 1 MLP (a copy), e.g. to draw its decision boundary (chapter 2).
        Negative k counts from the end, as in a list."""
        k = _model_index(k, self.K)
        net = copy.copy(self)
        net._params = self._params[k:k + 1].copy()
        net.K = 1
        net.seeds = (self.seeds[k],)
        net.rngs = [copy.deepcopy(self.rngs[k])]
        net._make_views()
        return net

    def __repr__(self):
        acts = self.activations
        act = None if not acts else acts[0] if len(set(acts)) == 1 else acts
        drop = f", dropout={self.dropout}" if any(self.dropout) else ""
        return (f"MLP(sizes={self.sizes}, activation={act!r}, output={self.output!r}{drop}, "
                f"K={self.K}, P={self.n_params})")

    # -- inputs ------------------------------------------------------------------------
    def _check_X(self, X, name="X"):
        try:
            X = np.asarray(X, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"{name}: expected an array of numbers (n, {self.sizes[0]})") from None
        if X.ndim == 1 and self.sizes[0] == X.shape[0]:
            X = X[None, :]
        if X.ndim != 2 or X.shape[1] != self.sizes[0] or X.shape[0] < 1:
            raise ValueError(f"{name}: expected shape (n, {self.sizes[0]}) with samples in rows, got {X.shape}")
        if not np.all(np.isfinite(X)):
            raise ValueError(f"{name}: contains NaN or infinity")
        return X

    @staticmethod
    def _augment(X):
        """[X 1]: the input with a ones column (the bias trick)."""
        return np.hstack([X, np.ones((X.shape[0], 1))])

    def targets(self, y, n, loss="mse", name="y"):
        """Targets as floats (n, n_out): class labels (n,) become 0/1 columns or one-hot rows.

        For n_out = 1, labels {0, 1} become a column (±1 for the hinge loss); for
        n_out > 1, integer labels become one-hot rows.  Float targets (n, n_out) pass.
        """
        try:
            y = np.asarray(y)
        except (TypeError, ValueError):
            raise TypeError(f"{name}: expected an array of targets") from None
        k = self.sizes[-1]
        if y.dtype.kind not in "biuf":
            raise TypeError(f"{name}: expected numbers, got dtype {y.dtype}")
        if y.shape[:1] != (n,):
            raise ValueError(f"{name}: expected {n} targets (one per row of X), got shape {y.shape}")
        if y.ndim == 1:
            if k == 1:
                y = y.astype(float)[:, None]
            else:
                if y.dtype.kind not in "biu" and not np.all(y == np.round(y)):
                    raise ValueError(f"{name}: expected integer class labels 0 … {k - 1} for {k} outputs")
                lab = y.astype(int)
                if lab.min() < 0 or lab.max() >= k:
                    raise ValueError(f"{name}: expected class labels in 0 … {k - 1}, got values in "
                                     f"[{lab.min()}, {lab.max()}]")
                y = np.eye(k)[lab]
        elif y.ndim != 2 or y.shape[1] != k:
            raise ValueError(f"{name}: expected shape ({n},) labels or ({n}, {k}) targets, got {y.shape}")
        y = y.astype(float)
        if not np.all(np.isfinite(y)):
            raise ValueError(f"{name}: contains NaN or infinity")
        lname = getattr(loss, "name", loss)
        if lname == "hinge" and np.all((y == 0) | (y == 1)):
            y = 2.0 * y - 1.0
        return np.ascontiguousarray(y)

    def _check_masks(self, masks, n):
        masks = list(masks)
        if len(masks) != self.n_layers - 1:
            raise ValueError(f"masks: expected one per hidden layer ({self.n_layers - 1}), got {len(masks)}")
        out = []
        for l, m in enumerate(masks):
            if m is None:
                out.append(None)
                continue
            m = np.asarray(m, dtype=float)
            try:
                m = np.broadcast_to(m, (self.K, n, self.sizes[l + 1]))
            except ValueError:
                raise ValueError(f"masks[{l}]: expected shape ({self.K}, {n}, {self.sizes[l + 1]}), "
                                 f"got {m.shape}") from None
            out.append(m)
        return out

    # -- forward and backward ----------------------------------------------------------
    def forward_cache(self, X, train=False, masks=None):
        """The forward pass keeping z⁽ˡ⁾, a⁽ˡ⁾ and the dropout masks (chapter 2): (out, cache).

        ``train=True`` applies dropout with fresh masks from each model's generator;
        ``masks`` (one (K, n, n_l) array or None per hidden layer) fixes them instead.
        """
        X = self._check_X(X)
        cache = Cache(self, X.shape[0])
        if masks is not None:
            masks = self._check_masks(masks, X.shape[0])
        rngs = self.rngs if (train and masks is None and any(self.dropout)) else None
        with np.errstate(all="ignore"):
            out = cache.forward(self._augment(X), masks=masks, rngs=rngs)
        cache.train = bool(train or masks is not None)
        return out, cache

    def forward(self, X, train=False, masks=None):
        """a⁽ᴸ⁾ for inputs X (n, n_in) shared by all models: shape (K, n, n_out) (chapter 2)."""
        out, _ = self.forward_cache(X, train=train, masks=masks)
        return out.copy()

    __call__ = forward

    def dead_units(self, X, model=0):
        """Per hidden layer, the units of model ``model`` whose net input z is negative on
        every row of X (chapters 0 and 2): a boolean array per hidden layer.

        For a ReLU such a unit outputs 0 and passes no gradient (ReLU′(z) = 0 for z < 0) on
        all of those inputs, so neither it nor anything feeding it learns from them.
        """
        k = _model_index(model, self.K, "model")
        _, cache = self.forward_cache(X)
        return [np.all(z[k] < 0, axis=0) for z in cache.z[:-1]]

    def output_delta(self, cache, y, loss):
        """δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾ for ``loss`` (mean over the n samples) (chapter 2).

        Sigmoid + bce and softmax + cross_entropy give δ⁽ᴸ⁾ = (p − y)/n from the logits
        (never through σ′, which underflows for confident wrong outputs).
        """
        loss, mode = resolve_loss(loss, self.output)
        y = self.targets(y, cache.n, loss)
        with np.errstate(all="ignore"):
            return cache.output_delta(y, loss, mode).copy()

    def backward(self, cache, dout=None, *, delta=None):
        """Backpropagation (chapter 2; Qiu §5.3, matrix form):

        δ⁽ᴸ⁾ = ∂L/∂a⁽ᴸ⁾ ⊙ f_L′(z⁽ᴸ⁾)   (or ``delta`` = δ⁽ᴸ⁾ given directly),
        δ⁽ˡ⁾ = f_l′(z⁽ˡ⁾) ⊙ (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾)   (⊙ the dropout mask),
        ∂L/∂W⁽ˡ⁾ = Σ_samples δ⁽ˡ⁾ a⁽ˡ⁻¹⁾ᵀ,  ∂L/∂b⁽ˡ⁾ = Σ_samples δ⁽ˡ⁾.

        ``dout`` = ∂L/∂a⁽ᴸ⁾ has shape (K, n, n_out) (or (n, n_out), shared).  Returns
        :class:`Gradients`.
        """
        if not isinstance(cache, Cache) or cache.net is not self:
            raise TypeError("cache: expected the Cache from this network's forward_cache()")
        shape = (self.K, cache.n, self.sizes[-1])
        if (dout is None) == (delta is None):
            raise ValueError("dout, delta: give exactly one of ∂L/∂a⁽ᴸ⁾ (dout) or ∂L/∂z⁽ᴸ⁾ (delta)")
        name, g = ("dout", dout) if dout is not None else ("delta", delta)
        g = np.asarray(g, dtype=float)
        try:
            g = np.broadcast_to(g, shape)
        except ValueError:
            raise ValueError(f"{name}: expected shape {shape} (or {shape[1:]}), got {g.shape}") from None
        with np.errstate(all="ignore"):
            if dout is not None:
                cache.delta_from_dout(g)
            else:
                cache.deltas[-1][...] = g
            grads = cache.backward(np.zeros((self.K, self.n_params)))
        return Gradients(self, grads, cache.deltas)

    # -- loss, gradient, prediction -----------------------------------------------------
    def _coef(self, lam, name):
        if lam is None or (type(lam) in (int, float) and lam == 0):   # no penalty: nothing to parse
            return None
        if isinstance(lam, bool):
            raise TypeError(f"{name}: expected a number ≥ 0 or one per model, got a bool")
        try:
            a = np.asarray(lam, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"{name}: expected a number ≥ 0 or one per model") from None
        if a.ndim > 1 or (a.ndim == 1 and a.shape[0] != self.K):
            raise ValueError(f"{name}: expected a number or one per model ({self.K},), got shape {a.shape}")
        if not np.all(np.isfinite(a)) or np.any(a < 0):
            raise ValueError(f"{name}: expected finite values ≥ 0, got {lam!r}")
        a = np.broadcast_to(a, (self.K,)).astype(float)
        return None if not np.any(a) else a

    def penalty(self, l2=0.0, l1=0.0):
        """(λ₂/2)Σ W² + λ₁Σ abs(W) over the weights (not the biases), per model: shape (K,) (chapter 5)."""
        l2, l1 = self._coef(l2, "l2"), self._coef(l1, "l1")
        total = np.zeros(self.K)
        if l2 is None and l1 is None:
            return total
        w = self._params[:, self.is_weight]
        if l2 is not None:
            total += 0.5 * l2 * np.sum(w * w, axis=1)
        if l1 is not None:
            total += l1 * np.sum(np.abs(w), axis=1)
        return total

    def penalty_grad(self, grads, l2=0.0, l1=0.0):
        """Add λ₂W + λ₁ sign(W) to the weight entries of a flat (K, P) gradient in place (chapter 5)."""
        l2, l1 = self._coef(l2, "l2"), self._coef(l1, "l1")
        mask = self.is_weight
        if l2 is not None:
            grads += l2[:, None] * mask * self._params
        if l1 is not None:
            grads += l1[:, None] * mask * np.sign(self._params)
        return grads

    def _data_loss(self, cache, y, loss, mode):
        from nnbook import losses as _losses
        if mode == "paired":
            f = _losses.bce_logits if self.output == "sigmoid" else _losses.cross_entropy
            return f(cache.z[-1], y)
        return loss.value(cache.out, y)

    def loss(self, X, y, loss="bce", *, l2=0.0, l1=0.0, train=False, masks=None):
        """J = L(a⁽ᴸ⁾, y) + (λ₂/2)‖W‖² + λ₁‖W‖₁ per model, shape (K,) (chapter 2, chapter 5).

        L is the mean over the samples; sigmoid + bce and softmax + cross_entropy are
        computed from the logits (finite for any finite z).
        """
        entry, mode = resolve_loss(loss, self.output)
        X = self._check_X(X)
        y = self.targets(y, X.shape[0], entry)
        _, cache = self.forward_cache(X, train=train, masks=masks)
        with np.errstate(all="ignore"):
            return self._data_loss(cache, y, entry, mode) + self.penalty(l2, l1)

    def gradient(self, X, y, loss="bce", *, l2=0.0, l1=0.0, train=False, masks=None):
        """(J, ∇J): the loss per model (K,) and its :class:`Gradients` by backprop (chapter 2)."""
        entry, mode = resolve_loss(loss, self.output)
        X = self._check_X(X)
        y = self.targets(y, X.shape[0], entry)
        _, cache = self.forward_cache(X, train=train, masks=masks)
        with np.errstate(all="ignore"):
            value = self._data_loss(cache, y, entry, mode) + self.penalty(l2, l1)
            cache.output_delta(y, entry, mode)
            grads = cache.backward(np.zeros((self.K, self.n_params)))
        self.penalty_grad(grads, l2, l1)
        return value, Gradients(self, grads, cache.deltas)

    def predict(self, X, threshold=None):
        """Class labels (K, n): one output → 1 where a⁽ᴸ⁾ > threshold (0.5 for sigmoid, 0 for
        identity scores/logits), several outputs → argmax (chapter 2)."""
        return _labels(self.forward(X), self._threshold(threshold))

    def _threshold(self, threshold=None, loss=None):
        if threshold is not None:
            return float(threshold)
        if self.output == "identity" and getattr(loss, "name", loss) not in (None, *LOGIT_LOSSES):
            return 0.5                       # e.g. mse on 0/1 targets
        return 0.5 if self.output == "sigmoid" else 0.0

    def accuracy(self, X, y, loss=None):
        """Fraction of correctly classified samples per model, shape (K,) (chapter 2).

        ``loss`` (if given) sets the threshold of a single identity output: 0 for logit
        losses (bce_logits, hinge), 0.5 otherwise (e.g. mse on 0/1 targets).
        """
        X = self._check_X(X)
        truth = _true_labels(self.targets(y, X.shape[0], loss or "mse"))
        return np.mean(_labels(self.forward(X), self._threshold(None, loss)) == truth, axis=1)


def _labels(out, threshold):
    """Predicted classes from outputs (..., n, k): out > threshold for k = 1, else argmax."""
    if out.shape[-1] == 1:
        with np.errstate(invalid="ignore"):
            return (out[..., 0] > threshold).astype(int)
    return np.argmax(out, axis=-1)


def _true_labels(y):
    """Classes from float targets (n, k): y > 0.5 for 0/1 (y > 0 for ±1) columns, argmax otherwise."""
    if y.shape[-1] == 1:
        return (y[:, 0] > (0.0 if y.min() < 0 else 0.5)).astype(int)
    return np.argmax(y, axis=-1)
