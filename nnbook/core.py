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


# --- argument checks -------------------------------------------------------------------------
# Kept apart so that the functions above read as chapter 2 writes them (the chapter prints
# ``inspect.getsource(core.backprop)``, which shows the function as defined above): each public
# name is rebound to a wrapper that checks its arguments, then calls it.

import functools  # noqa: E402
import numbers  # noqa: E402

from nnbook import checks  # noqa: E402


_NO_B = object()


def _layer_lists(W, b=_NO_B, *, mutable=False):
    """W (and b): 1-based lists of L ≥ 1 weight matrices W[l] (n_l, n_{l−1}) and biases b[l] (n_l,)."""
    kind = "list" if mutable else "list or tuple"
    for value, name in ((W, "W"), (b, "b")):
        if value is _NO_B:
            continue
        if not isinstance(value, (list, tuple)) or (mutable and not isinstance(value, list)):
            raise TypeError(f"{name}: expected a 1-based {kind} ({name}[0] unused), got {type(value).__name__}")
    L = len(W) - 1
    if L < 1:
        raise ValueError(f"W: expected W[1] … W[L] (L ≥ 1) after the unused W[0], got a list of {len(W)}")
    sizes = []
    for l in range(1, L + 1):
        if not isinstance(W[l], np.ndarray) or W[l].ndim != 2 or W[l].dtype.kind != "f":
            raise TypeError(f"W[{l}]: expected a 2-D float array (n_{l}, n_{l - 1}), got {_what(W[l])}")
        if sizes and W[l].shape[1] != sizes[-1]:
            raise ValueError(f"W[{l}]: expected {sizes[-1]} columns (the outputs of layer {l - 1}), "
                             f"got shape {W[l].shape}")
        if not np.all(np.isfinite(W[l])):
            raise ValueError(f"W[{l}]: contains NaN or infinity")
        sizes = sizes or [W[l].shape[1]]
        sizes.append(W[l].shape[0])
    if b is not _NO_B:
        if len(b) != len(W):
            raise ValueError(f"b: expected {len(W)} entries like W (b[0] unused), got {len(b)}")
        for l in range(1, L + 1):
            if not isinstance(b[l], np.ndarray) or b[l].shape != (W[l].shape[0],) or b[l].dtype.kind != "f":
                raise ValueError(f"b[{l}]: expected a float array of shape ({W[l].shape[0]},), got {_what(b[l])}")
            if not np.all(np.isfinite(b[l])):
                raise ValueError(f"b[{l}]: contains NaN or infinity")
    return sizes


def _what(v):
    return f"shape {v.shape} of dtype {v.dtype}" if isinstance(v, np.ndarray) else type(v).__name__


def _functions(f, name, L, last):
    """f[1] … f[last] callables (f[0] and, for df, f[L] unused)."""
    if not isinstance(f, (list, tuple)) or len(f) != L + 1:
        raise TypeError(f"{name}: expected a 1-based list of {L + 1} entries ({name}[0] unused), "
                        f"got {type(f).__name__}{f' of {len(f)}' if isinstance(f, (list, tuple)) else ''}")
    for l in range(1, last + 1):
        if not callable(f[l]):
            raise TypeError(f"{name}[{l}]: expected a function, got {type(f[l]).__name__}")


def _vector(v, name, n):
    v = checks.real_array(v, name, ndim=1)
    if v.shape != (n,):
        raise ValueError(f"{name}: expected shape ({n},), got {v.shape}")
    return v


def _per_layer(values, name, sizes, start=1):
    """values[l] (sizes[l],) for l = start … L, in a list of L + 1."""
    L = len(sizes) - 1
    if not isinstance(values, (list, tuple)) or len(values) != L + 1:
        raise TypeError(f"{name}: expected a 1-based list of {L + 1} vectors, got {type(values).__name__}"
                        f"{f' of {len(values)}' if isinstance(values, (list, tuple)) else ''}")
    for l in range(start, L + 1):
        _vector(values[l], f"{name}[{l}]", sizes[l])


def _head(head):
    from nnbook.heads import Head
    if not isinstance(head, Head):
        raise TypeError(f"head: expected an nnbook Head (net.head), got {type(head).__name__}")


def _batch(X, Y, sizes):
    X = checks.real_array(X, "X", ndim=2)
    if X.shape[1] != sizes[0]:
        raise ValueError(f"X: expected shape (n, {sizes[0]}), got {X.shape}")
    Y = checks.real_array(Y, "Y", ndim=(1, 2))
    k = sizes[-1]
    if Y.shape not in ((X.shape[0], k),) + (((X.shape[0],),) if k == 1 else ()):
        raise ValueError(f"Y: expected encoded targets of shape ({X.shape[0]}, {k}) (net.targets(y, n)), "
                         f"got {Y.shape}")
    return X.shape[0]


def _check_forward(x, W, b, f):
    sizes = _layer_lists(W, b)
    _functions(f, "f", len(W) - 1, len(W) - 1)
    _vector(x, "x", sizes[0])


def _check_output_delta(head, z_L, a_L, y):
    _head(head)
    z_L = checks.real_array(z_L, "z_L", ndim=1)
    a_L = checks.real_array(a_L, "a_L", ndim=1)
    if a_L.shape != z_L.shape:
        raise ValueError(f"z_L, a_L: expected the net input and output of the same layer (one shape), got "
                         f"{z_L.shape} and {a_L.shape}")
    y = checks.real_array(y, "y", ndim=(0, 1))
    if y.shape not in ((z_L.shape[0],),) + (((),) if z_L.shape[0] == 1 else ()):
        raise ValueError(f"y: expected the target of shape ({z_L.shape[0]},), got {y.shape}")


def _check_backprop(W, z, a, df, delta_L):
    sizes = _layer_lists(W)
    L = len(sizes) - 1
    _functions(df, "df", L, L - 1)
    _per_layer(z, "z", sizes)
    _per_layer(a, "a", sizes, start=0)
    _vector(delta_L, "delta_L", sizes[-1])


def _check_update(W, b, dW, db, eta):
    _layer_lists(W, b, mutable=True)
    L = len(W) - 1
    for grads, params, name in ((dW, W, "dW"), (db, b, "db")):
        if not isinstance(grads, (list, tuple)) or len(grads) != L + 1:
            raise TypeError(f"{name}: expected a 1-based list of {L + 1} entries like {name[1:]}, "
                            f"got {type(grads).__name__}")
        for l in range(1, L + 1):
            g = checks.real_array(grads[l], f"{name}[{l}]")
            if g.shape != params[l].shape:
                raise ValueError(f"{name}[{l}]: expected shape {params[l].shape}, got {g.shape}")
    _eta(eta)


def _eta(eta):
    if isinstance(eta, bool) or not isinstance(eta, numbers.Real):
        raise TypeError(f"eta: expected a learning rate > 0, got {type(eta).__name__}")
    checks.number(eta, "eta", 0.0, low_open=True)


def _check_sgd_epoch(W, b, f, df, head, X, Y, eta, order):
    sizes = _layer_lists(W, b, mutable=True)
    L = len(sizes) - 1
    _functions(f, "f", L, L)
    _functions(df, "df", L, L - 1)
    _head(head)
    n = _batch(X, Y, sizes)
    _eta(eta)
    if hasattr(order, "__len__") and not isinstance(order, (str, bytes, dict, set)):
        checks.size(len(order), "order", checks.MAX_STEPS, "steps")
    order = checks.real_array(order, "order", ndim=1, nonempty=False)
    if order.size and (np.any(order != np.round(order)) or order.min() < 0 or order.max() >= n):
        raise ValueError(f"order: expected sample indices in 0 … {n - 1}")


def _check_gradient(W, b, f, df, head, X, Y):
    sizes = _layer_lists(W, b)
    L = len(sizes) - 1
    _functions(f, "f", L, L)
    _functions(df, "df", L, L - 1)
    _head(head)
    _batch(X, Y, sizes)


def _check_layers(net):
    from nnbook.network import MLP
    if not isinstance(net, MLP):
        raise TypeError(f"net: expected an nnbook MLP, got {type(net).__name__}")
    if net.lockstep is not None:
        raise ValueError(f"net: the core takes one network; this one has {net.K} models (use net.model(k))")


def _checked(fn, check):
    @functools.wraps(fn)
    def checked(*args, **kwargs):
        check(*args, **kwargs)
        return fn(*args, **kwargs)
    return checked


forward = _checked(forward, _check_forward)
output_delta = _checked(output_delta, _check_output_delta)
backprop = _checked(backprop, _check_backprop)
update = _checked(update, _check_update)
sgd_epoch = _checked(sgd_epoch, _check_sgd_epoch)
gradient = _checked(gradient, _check_gradient)
layers = _checked(layers, _check_layers)

__all__ = ["forward", "output_delta", "backprop", "update", "sgd_epoch", "gradient", "layers"]
