"""The vectorized engine behind :class:`nnbook.MLP` (chapter 2): K models, a batch of n rows at once.

It computes what :mod:`nnbook.core` computes, for every sample of a batch and every model
of the lockstep axis in each numpy call (the tests hold the two together):

    forward:   z⁽ˡ⁾ = [a⁽ˡ⁻¹⁾ 1]·[W⁽ˡ⁾ | b⁽ˡ⁾]ᵀ,  a⁽ˡ⁾ = f_l(z⁽ˡ⁾) (⊙ a dropout mask m⁽ˡ⁾)
    output:    δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾ from the head  (= (a⁽ᴸ⁾ − y)/n for the canonical pairs)
    backward:  ∂L/∂[W⁽ˡ⁾ | b⁽ˡ⁾] = δ⁽ˡ⁾ᵀ[a⁽ˡ⁻¹⁾ 1],  δ⁽ˡ⁻¹⁾ = f′(z⁽ˡ⁻¹⁾) ⊙ m⁽ˡ⁻¹⁾ ⊙ δ⁽ˡ⁾W⁽ˡ⁾

Parameters: model k's are one row of a (K, P) array; layer l owns the block [W⁽ˡ⁾ | b⁽ˡ⁾]
of shape (n_l, n_{l−1} + 1), row j = neuron j's weights then its bias.  This is Glassner's
"bias trick" (the bias is the weight from a constant input 1): with a ones column after the
activations, one matmul gives z = a Wᵀ + b and one gives ∂L/∂W and ∂L/∂b.

Per-sample SGD is bound by the cost of calling numpy, not by arithmetic
(benchmarks/bench_sgd.py), so every buffer, view and kernel is looked up once per batch size
and :meth:`Cache.steps` runs many steps in one call, for every optimizer, loss, penalty and
dropout.
"""
from __future__ import annotations

import numpy as np

from nnbook import activations as _activations
from nnbook.regularization import dropout_mask

_ZERO, _ONE, _constant = _activations._ZERO, _activations._ONE, _activations._constant


# In-place kernels: fast paths for the common activations, the table (which allocates) for
# the others.  forward f(z, out): out = f(z).  backward df(z, fz, g, out): out = f′(z) ⊙ g.
def _relu(z, out):
    np.maximum(z, _ZERO, out=out)


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


_FAST_F = {"relu": _relu, "sigmoid": _activations.sigmoid_into,
           "identity": lambda z, out: np.copyto(out, z), "tanh": lambda z, out: np.tanh(z, out=out)}
_FAST_DF = {"relu": _d_relu, "sigmoid": _d_sigmoid, "tanh": _d_tanh,
            "identity": lambda z, fz, g, out: np.copyto(out, g)}


def _forward_kernel(act):
    """out = f(z) in place: a fast path for the table's own relu, sigmoid, tanh, identity."""
    if act is _activations.ACTIVATIONS.get(act.name) and act.name in _FAST_F:
        return _FAST_F[act.name]

    def f(z, out):
        out[...] = act.f(z)
    return f


def _backward_kernel(act):
    """out = f′(z) ⊙ g in place (fz = f(z), which the sigmoid and tanh kernels reuse)."""
    if act is _activations.ACTIVATIONS.get(act.name) and act.name in _FAST_DF:
        return _FAST_DF[act.name]

    def df(z, fz, g, out):
        np.multiply(act.df(z), g, out=out)
    return df


class Cache:
    """Buffers for a batch of n rows and what one pass leaves behind (chapter 2).

    ``z[l-1]`` = z⁽ˡ⁾ and ``a[l]`` = a⁽ˡ⁾ have shape (K, n, n_l), a⁽⁰⁾ = ``a[0]`` the input
    (n, n_in); ``fz[l-1]`` = f(z⁽ˡ⁾) before dropout, ``masks[l-1]`` the mask of hidden
    layer l (or None); ``deltas[l-1]`` = δ⁽ˡ⁾ after :meth:`backward`.  A cache is made once
    per batch size and reused by every pass.
    """

    def __init__(self, net, n):
        K, sizes, head = net.K, net.sizes, net.head
        self.net, self.n, self.head = net, n, head
        self.inv_n = _constant(1.0 / n) if n > 1 else None
        self._aug = [None] + [np.ones((K, n, m + 1)) for m in sizes[1:-1]]   # [a⁽ˡ⁾ 1]
        self.z = [np.empty((K, n, m)) for m in sizes[1:]]
        self.a = [None] + [A[..., :-1] for A in self._aug[1:]]
        self.a.append(self.z[-1] if head.activate_into is None else np.empty((K, n, sizes[-1])))
        self.fz = list(self.a[1:-1])
        self.deltas = [np.empty((K, n, m)) for m in sizes[1:]]
        self.masks = [None] * (len(sizes) - 2)
        self._dropped = False                                               # masks from the last pass
        back = [np.empty((K, n, m)) for m in sizes[1:-1]]                   # δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾
        f = [_forward_kernel(act) for act in net.hidden]
        df = [_backward_kernel(act) for act in net.hidden]
        BT, W = net._blocks_T, net._weights
        self._BT_L = BT[-1]
        H = len(sizes) - 2
        # per hidden layer l = 1 … L−1 (list index l−1), the buffers each pass walks through
        self._up = [(BT[i], self.z[i], f[i], i) for i in range(H)]
        self._down = [(W[i + 1], back[i], df[i], i) for i in reversed(range(H))]
        self._dT = [d.transpose(0, 2, 1) for d in self.deltas]
        self._grads, self._gblocks = None, None

    @property
    def out(self):
        """The network output a⁽ᴸ⁾, shape (K, n, n_out)."""
        return self.a[-1]

    def forward(self, x_aug, rngs=None, masks=None):
        """One forward pass of the batch ``x_aug`` = [x 1] (n, n_in + 1); dropout when given
        ``rngs`` (one generator per model: fresh masks) or ``masks`` (one per hidden layer)."""
        aug, z, a = self._aug, self.z, self.a
        aug[0], a[0] = x_aug, x_aug[:, :-1]
        dropping = rngs is not None or masks is not None
        if self._dropped and not dropping:                       # back from a dropout pass
            self.fz, self.masks, self._dropped = list(a[1:-1]), [None] * len(self.masks), False
        self._dropped = self._dropped or dropping
        for BT, z_l, f, i in self._up:
            np.matmul(aug[i], BT, out=z_l)                       # z⁽ˡ⁾ = [a⁽ˡ⁻¹⁾ 1][W⁽ˡ⁾ | b⁽ˡ⁾]ᵀ
            if dropping:
                self._dropout(i, f, rngs, masks)
            else:
                f(z_l, a[i + 1])                                 # a⁽ˡ⁾ = f(z⁽ˡ⁾)
        np.matmul(aug[-1], self._BT_L, out=z[-1])                 # z⁽ᴸ⁾
        if self.head.activate_into is not None:
            self.head.activate_into(z[-1], a[-1])                # a⁽ᴸ⁾ = σ(z⁽ᴸ⁾) or softmax
        return a[-1]

    def _dropout(self, i, f, rngs, masks):
        """a⁽ˡ⁾ = f(z⁽ˡ⁾) ⊙ m⁽ˡ⁾ with an inverted mask m (E[m] = 1); model k draws from its rng."""
        z, a = self.z[i], self.a[i + 1]
        if masks is not None:
            mask = masks[i]
        else:
            p = self.net._drop[:, i]
            mask = None if not p.any() else np.stack(
                [dropout_mask(z.shape[1:], p_k, rng) if p_k > 0 else np.ones(z.shape[1:])
                 for p_k, rng in zip(p, rngs)])
        self.masks[i] = mask
        if mask is None:
            self.fz[i] = a
            f(z, a)
            return
        if self.fz[i] is a:
            self.fz[i] = np.empty_like(z)
        f(z, self.fz[i])
        np.multiply(self.fz[i], mask, out=a)

    def output_delta(self, Y):
        """δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾ of the batch-mean loss, from the head, into ``deltas[-1]``."""
        return self.head.delta_into(self.z[-1], self.a[-1], Y, self.deltas[-1], self.inv_n)

    def backward(self, grads):
        """Backpropagation from δ⁽ᴸ⁾ in ``deltas[-1]``; the gradient into the flat (K, P) ``grads``."""
        if grads is not self._grads:
            self._grads, self._gblocks = grads, self.net._block_views(grads)
        g, d, dT, aug, masks = self._gblocks, self.deltas, self._dT, self._aug, self.masks
        for W, back, df, i in self._down:                        # l = L … 2 (i = l − 2)
            np.matmul(dT[i + 1], aug[i + 1], out=g[i + 1])       # ∂L/∂[W⁽ˡ⁾ | b⁽ˡ⁾] = δ⁽ˡ⁾ᵀ[a⁽ˡ⁻¹⁾ 1]
            np.matmul(d[i + 1], W, out=back)                     # δ⁽ˡ⁾W⁽ˡ⁾
            if masks[i] is not None:
                np.multiply(back, masks[i], out=back)            # ⊙ m⁽ˡ⁻¹⁾
            df(self.z[i], self.fz[i], back, d[i])                # δ⁽ˡ⁻¹⁾ = f′(z⁽ˡ⁻¹⁾) ⊙ …
        np.matmul(dT[0], aug[0], out=g[0])                       # ∂L/∂[W⁽¹⁾ | b⁽¹⁾] = δ⁽¹⁾ᵀ[x 1]
        return grads

    def steps(self, X_aug, Y, grads, optimizer, penalty=None, rngs=None, frozen=None):
        """One training step per batch: ``X_aug`` (m, n, n_in + 1) and ``Y`` (m, n, n_out) hold m
        batches.  Each step: forward, δ⁽ᴸ⁾, backward, ``penalty(grads)`` (adds ∂Ω/∂θ), the
        optimizer's update (checked once by ``optimizer.prepare`` before), ``frozen(params)``.

        The same numpy calls as :meth:`forward`, :meth:`output_delta` and :meth:`backward`,
        with their loops unrolled into this one and every lookup done once: at batch size 1 a
        step costs what its numpy calls cost (benchmarks/bench_sgd.py).
        """
        if grads is not self._grads:
            self._grads, self._gblocks = grads, self.net._block_views(grads)
        if rngs is not None or self._dropped:                       # dropout: the plain passes
            return self._steps_with_dropout(X_aug, Y, grads, optimizer, penalty, rngs, frozen)
        params, g, aug, z, a, d, dT = (self.net._params, self._gblocks, self._aug, self.z, self.a,
                                       self.deltas, self._dT)
        up = [(BT, z_l, f, a[i + 1], aug[i + 1]) for BT, z_l, f, i in self._up]
        down = [(dT[i + 1], aug[i + 1], g[i + 1], d[i + 1], W, back, df, z[i], self.fz[i], d[i])
                for W, back, df, i in self._down]
        BT_L, z_L, a_L, d_L, dT_1, g_1 = self._BT_L, z[-1], a[-1], d[-1], dT[0], g[0]
        activate, head, inv_n = self.head.activate_into, self.head, self.inv_n
        residual = head.residual
        matmul, subtract, multiply, update = np.matmul, np.subtract, np.multiply, optimizer._update
        for x, y in zip(X_aug, Y):
            a_aug = x                                            # [a⁽⁰⁾ 1] = [x 1]
            for BT, z_l, f, a_l, next_aug in up:                 # hidden layers l = 1 … L−1
                matmul(a_aug, BT, out=z_l)                       # z⁽ˡ⁾ = [a⁽ˡ⁻¹⁾ 1][W⁽ˡ⁾ | b⁽ˡ⁾]ᵀ
                f(z_l, a_l)                                      # a⁽ˡ⁾ = f(z⁽ˡ⁾), a view into [a⁽ˡ⁾ 1]
                a_aug = next_aug
            matmul(a_aug, BT_L, out=z_L)                         # z⁽ᴸ⁾
            if activate is not None:
                activate(z_L, a_L)                               # a⁽ᴸ⁾ = σ(z⁽ᴸ⁾) or softmax
            if residual:
                subtract(a_L, y, out=d_L)                        # δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y …
                if inv_n is not None:
                    multiply(d_L, inv_n, out=d_L)                # … / n (the loss is the batch mean)
            else:
                head.delta_into(z_L, a_L, y, d_L, inv_n)         # ∂L/∂a⁽ᴸ⁾ ⊙ f′(z⁽ᴸ⁾)
            for dT_l, a_prev, g_l, d_l, W, back, df, z_p, fz_p, d_p in down:   # l = L … 2
                matmul(dT_l, a_prev, out=g_l)                    # ∂L/∂[W⁽ˡ⁾ | b⁽ˡ⁾] = δ⁽ˡ⁾ᵀ[a⁽ˡ⁻¹⁾ 1]
                matmul(d_l, W, out=back)                         # δ⁽ˡ⁾W⁽ˡ⁾
                df(z_p, fz_p, back, d_p)                         # δ⁽ˡ⁻¹⁾ = f′(z⁽ˡ⁻¹⁾) ⊙ δ⁽ˡ⁾W⁽ˡ⁾
            matmul(dT_1, x, out=g_1)                             # ∂L/∂[W⁽¹⁾ | b⁽¹⁾] = δ⁽¹⁾ᵀ[x 1]
            if penalty is not None:
                penalty(grads)                                   # + λ₂W + λ₁ sign(W)
            optimizer.t += 1
            update(params, grads)                                # θ ← θ − η g (or the optimizer's rule)
            if frozen is not None:
                frozen(params)                                   # stopped models keep their weights
        if len(X_aug):                                           # leave the cache as forward() does
            aug[0], a[0] = x, x[:, :-1]
        return grads

    def _steps_with_dropout(self, X_aug, Y, grads, optimizer, penalty, rngs, frozen):
        params = self.net._params
        for x, y in zip(X_aug, Y):
            self.forward(x, rngs)
            self.output_delta(y)
            self.backward(grads)
            if penalty is not None:
                penalty(grads)
            optimizer.update(params, grads)
            if frozen is not None:
                frozen(params)
        return grads
