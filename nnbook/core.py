"""The readable core: forward pass, backpropagation and the SGD update as chapter 2 writes them.

One sample at a time, vectors not batches, and layers numbered 1 … L as in the text: the
lists ``W``, ``b``, ``f``, ``df`` hold W⁽ˡ⁾, b⁽ˡ⁾, f_l, f_l′ at index l (index 0 is unused).
δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾ (Qiu, Kneusel, Nielsen; Glassner's "delta" is ∂E/∂a instead).
:class:`nnbook.MLP` computes the same numbers for many samples and models at once; the
tests hold the two together on every activation and loss.  Read this next to chapter 2.
"""
import numpy as np

from nnbook import activations, losses


def forward(x, W, b, f):
    """The forward pass (chapter 2): a⁽⁰⁾ = x;  z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,  a⁽ˡ⁾ = f_l(z⁽ˡ⁾), l = 1 … L.
    Returns z, a."""
    L = len(W) - 1
    z, a = [None] * (L + 1), [x] + [None] * L
    for l in range(1, L + 1):
        z[l] = W[l] @ a[l - 1] + b[l]
        a[l] = f[l](z[l])
    return z, a


def output_delta(head, z_L, a_L, y):
    """The output delta (chapter 2) δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾ for one sample: a⁽ᴸ⁾ − y for the canonical pairs (sigmoid + cross-entropy,
    softmax + cross-entropy, identity + squared error), else ∂L/∂a⁽ᴸ⁾ ⊙ f_L′(z⁽ᴸ⁾)."""
    if head.residual:
        return a_L - y
    return head.delta_from_dout(a_L, head.loss.grad(a_L[None], y[None])[0], np.empty_like(a_L))


def backprop(W, z, a, df, delta_L):
    """Backpropagation (chapter 2), from δ⁽ᴸ⁾ back to the first layer:

    δ⁽ˡ⁾ = f_l′(z⁽ˡ⁾) ⊙ (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾),   ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ a⁽ˡ⁻¹⁾ᵀ,   ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾.

    Two matrix products per layer (W⁽ˡ⁺¹⁾ᵀδ and δ a⁽ˡ⁻¹⁾ᵀ) against the forward pass's one:
    a backward pass costs about twice a forward pass.  Returns delta, dW, db.
    """
    L = len(W) - 1
    delta = [None] * (L + 1)
    delta[L] = delta_L
    for l in range(L - 1, 0, -1):
        delta[l] = df[l](z[l]) * (W[l + 1].T @ delta[l + 1])
    dW = [None] + [np.outer(delta[l], a[l - 1]) for l in range(1, L + 1)]
    db = [None] + [delta[l] for l in range(1, L + 1)]
    return delta, dW, db


def update(W, b, dW, db, eta):
    """Gradient descent on every layer (chapter 2):  W⁽ˡ⁾ ← W⁽ˡ⁾ − η ∂L/∂W⁽ˡ⁾,  b⁽ˡ⁾ ← b⁽ˡ⁾ − η ∂L/∂b⁽ˡ⁾."""
    for l in range(1, len(W)):
        W[l] = W[l] - eta * dW[l]
        b[l] = b[l] - eta * db[l]


def sgd_epoch(W, b, f, df, head, X, Y, eta, order):
    """One epoch of per-sample SGD (chapter 2; Glassner's procedure; Kneusel Listing 9-2; Qiu Alg. 5.1
    with one sample per step): for each sample in ``order``, forward, δ⁽ᴸ⁾, backprop, update."""
    for i in order:
        z, a = forward(X[i], W, b, f)
        delta_L = output_delta(head, z[-1], a[-1], Y[i])
        _, dW, db = backprop(W, z, a, df, delta_L)
        update(W, b, dW, db, eta)


def gradient(W, b, f, df, head, X, Y):
    """∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾ of the mean loss over the rows of X, the average of the samples' (chapter 2)."""
    n, L = len(X), len(W) - 1
    gW = [None] + [np.zeros_like(W[l]) for l in range(1, L + 1)]
    gb = [None] + [np.zeros_like(b[l]) for l in range(1, L + 1)]
    for x, y in zip(X, Y):
        z, a = forward(x, W, b, f)
        _, dW, db = backprop(W, z, a, df, output_delta(head, z[-1], a[-1], y))
        for l in range(1, L + 1):
            gW[l] += dW[l] / n
            gb[l] += db[l] / n
    return gW, gb


def layers(net):
    """A single :class:`~nnbook.MLP` as the core's lists W, b, f, df (copies, 1-based) (chapter 2)."""
    W = [None] + [w.copy() for w in net.weights]
    b = [None] + [v.copy() for v in net.biases]
    output = {"identity": lambda z: z, "sigmoid": activations.get("sigmoid").f,
              "softmax": lambda z: losses.softmax(z[None])[0]}[net.output]
    f = [None] + [act.f for act in net.hidden] + [output]
    df = [None] + [act.df for act in net.hidden] + [None]
    return W, b, f, df
