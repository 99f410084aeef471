"""µs per SGD step on two moons, 2-4-4-1 ReLU/ReLU/sigmoid + BCE: nnbook (K models in lockstep) vs PyTorch.

"before" is the fused special case nnbook had until the engine review (issue 8): the plain-SGD
loop that ``Cache.sgd_steps`` ran, kept here verbatim on the new engine's buffers; "after" is
the one training path every optimizer, loss, penalty and dropout now takes (``Trainer.run`` →
``engine.Cache.steps``).  Both are timed on the same epochs and must end with the same weights.

For nnbook, each repeat times the steps of one epoch of ``Trainer.run`` (1536 samples:
the per-epoch shuffle and every step, but not the end-of-epoch evaluation on the whole
training set, which is timed separately) and divides by their number; the figure is
the median over the repeats.  K = 1, 8, 32 models run in lockstep: the
cost per step of all K together, and the ratio to K = 1.

With PyTorch installed (it is never a dependency of nnbook) the same network, loss,
plain SGD and data order are timed the textbook way: one model, ``zero_grad``,
forward, ``backward``, ``step`` per batch; with one thread and with the default
number of threads.  K PyTorch models would cost K times that.

The machine may be shared and its load may change while the script runs, so the
measurements are interleaved: every repeat times one epoch of each nnbook K and of
each PyTorch setting, round-robin, and the ratios (K/K1, PyTorch/nnbook) are the
medians of the per-repeat ratios, each taken from epochs timed next to each other.

    .venv/bin/python benchmarks/bench_sgd.py [--repeats 9]
"""
from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np

import nnbook
from nnbook import data

KS = (1, 8, 32)


class NnbookEpoch:
    """Times one epoch of Trainer.run per call: (µs per step, ms for the epoch-end evaluation)."""

    def __init__(self, X, y, K, batch_size, repeats):
        net = nnbook.MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": 0.05}), seed=list(range(K)))
        self.trainer = nnbook.Trainer(net, X, y, epochs=repeats + 1, batch_size=batch_size,
                                      lr=0.05, seed=0)
        self.per_epoch = -(-len(X) // batch_size)
        self.trainer.run(steps=self.per_epoch)                 # warm-up epoch

    def __call__(self):
        t0 = time.perf_counter()
        self.trainer.run(steps=self.per_epoch - 1)
        t1 = time.perf_counter()
        self.trainer.run(steps=1)                              # the last step and the evaluation
        t2 = time.perf_counter()
        return (t1 - t0) / (self.per_epoch - 1) * 1e6, (t2 - t1) * 1e3


class FusedEpoch:
    """The old fused plain-SGD step (the "before"), timed like NnbookEpoch: µs per step."""

    def __init__(self, X, y, K, batch_size):
        from nnbook.engine import Cache
        net = nnbook.MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": 0.05}), seed=list(range(K)))
        self.net, self.bs, self.rng = net, batch_size, np.random.default_rng(0)
        self.X1, self.Y = net._augment(X), net.targets(y, len(X))
        self.cache = Cache(net, batch_size)
        self.grads, self.tmp = np.zeros((K, net.n_params)), np.zeros((K, net.n_params))
        self.lr = np.asarray(0.05)
        self.per_epoch = len(X) // batch_size
        self()                                                  # warm-up epoch

    def __call__(self):
        t0 = time.perf_counter()                               # the epoch's shuffle counts, as in Trainer.run
        order = self.rng.permutation(len(self.X1))
        m, bs = self.per_epoch, self.bs
        X, Y = self.X1[order][:m * bs].reshape(m, bs, -1), self.Y[order][:m * bs].reshape(m, bs, -1)
        fused_sgd_steps(self.cache, X, Y, self.lr, self.grads, self.tmp)
        return (time.perf_counter() - t0) / m * 1e6


def fused_sgd_steps(cache, X_aug, Y, lr, grads, tmp):
    """The fused loop as it was: forward, δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − y)/n, backward, θ ← θ − ηg, all inline."""
    net = cache.net
    g = net._block_views(grads)
    dT = [d.transpose(0, 2, 1) for d in cache.deltas]
    H = len(cache.z) - 1
    back = [np.empty_like(cache.z[i]) for i in range(H)]
    f = [up[2] for up in cache._up]
    df = {i: kernel for _, _, kernel, i in cache._down}
    hidden_up = [(net._blocks_T[i], cache.z[i], f[i], cache.a[i + 1], cache._aug[i + 1]) for i in range(H)]
    hidden_down = [(cache._aug[i + 1], g[i + 1], net._weights[i + 1], back[i], df[i], cache.z[i],
                    cache.fz[i], cache.deltas[i], dT[i]) for i in reversed(range(H))]
    BT_L, z_L, d_L, dT_L, g_1 = net._blocks_T[H], cache.z[H], cache.deltas[H], dT[H], g[0]
    f_out, params, a_L, inv_n = cache.head.activate_into, net._params, cache.a[-1], cache.inv_n
    matmul, subtract, multiply = np.matmul, np.subtract, np.multiply
    for x, y in zip(X_aug, Y):
        a_aug = x
        for BT, z, fk, a, next_aug in hidden_up:
            matmul(a_aug, BT, out=z)
            fk(z, a)
            a_aug = next_aug
        matmul(a_aug, BT_L, out=z_L)
        if f_out is not None:
            f_out(z_L, a_L)
        subtract(a_L, y, out=d_L)
        if inv_n is not None:
            multiply(d_L, inv_n, out=d_L)
        d, dTl = d_L, dT_L
        for a_aug, gl, W, bk, dfk, z, fz, d_l, dT_l in hidden_down:
            matmul(dTl, a_aug, out=gl)
            matmul(d, W, out=bk)
            dfk(z, fz, bk, d_l)
            d, dTl = d_l, dT_l
        matmul(dTl, x, out=g_1)
        multiply(grads, lr, out=tmp)
        subtract(params, tmp, out=params)
    return grads


def same_weights(X, y, batch_size):
    """Do the old fused loop and the one path end an epoch with the same weights, bit for bit?"""
    fused = FusedEpoch(X, y, 1, batch_size)                     # its first epoch ran as a warm-up
    fused()
    net = nnbook.MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": 0.05}), seed=[0])
    trainer = nnbook.Trainer(net, X, y, epochs=2, batch_size=batch_size, lr=0.05, seed=0, shuffle=True)
    trainer.run(steps=2 * fused.per_epoch)
    return np.array_equal(fused.net.params, net.params)


class TorchEpoch:
    """Times one PyTorch epoch per call (µs per step), with ``threads`` threads (None: the default)."""

    def __init__(self, X, y, batch_size, threads):
        import torch
        self.torch, self.threads = torch, threads
        self.default_threads = torch.get_num_threads()
        torch.manual_seed(0)
        nn = torch.nn
        model = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 1)).double()
        with torch.no_grad():
            for layer in model:
                if isinstance(layer, torch.nn.Linear):
                    layer.weight.normal_(0.0, 0.05)
                    layer.bias.zero_()
        self.model, self.batch_size = model, batch_size
        self.loss_fn = torch.nn.BCEWithLogitsLoss()           # sigmoid + BCE from the logits
        self.opt = torch.optim.SGD(model.parameters(), lr=0.05)
        self.Xt = torch.tensor(X)
        self.yt = torch.tensor(y, dtype=torch.float64)[:, None]
        self.rng = np.random.default_rng(0)
        self.n = len(X)
        self.per_epoch = -(-self.n // batch_size)
        self()                                                  # warm-up epoch

    def __call__(self):
        torch, bs = self.torch, self.batch_size
        torch.set_num_threads(self.threads or self.default_threads)
        model, opt, loss_fn = self.model, self.opt, self.loss_fn
        t0 = time.perf_counter()
        order = torch.from_numpy(self.rng.permutation(self.n))
        xs, ys = self.Xt[order], self.yt[order]
        for s in range(0, self.n, bs):
            opt.zero_grad()
            loss = loss_fn(model(xs[s:s + bs]), ys[s:s + bs])
            loss.backward()
            opt.step()
        us = (time.perf_counter() - t0) / self.per_epoch * 1e6
        torch.set_num_threads(self.default_threads)
        return us


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args(argv)
    X, y, _, _ = data.two_moons()
    print(f"two moons: {len(X)} training samples; 2-4-4-1 ReLU/ReLU/sigmoid, BCE, plain SGD; "
          f"median of {args.repeats} epochs, interleaved; {os.cpu_count()} CPUs")
    try:
        import torch  # noqa: F401
        have_torch = True
    except ImportError:
        have_torch = False
    median = statistics.median
    for batch_size in (1, 32):
        print(f"\nbatch size {batch_size}:")
        timers = {}
        for K in KS:                       # each "before" timed right after its "after": the same load
            timers[K] = NnbookEpoch(X, y, K, batch_size, args.repeats)
            if K in (1, 32):
                timers[f"before K={K}"] = FusedEpoch(X, y, K, batch_size)
        if have_torch:
            timers["1 thread"] = TorchEpoch(X, y, batch_size, 1)
            timers["default threads"] = TorchEpoch(X, y, batch_size, None)
        us = {key: [] for key in timers}
        ms = {K: [] for K in KS}
        keys = list(timers)
        for r in range(args.repeats):                         # round-robin: same load for all;
            order = keys if r % 2 == 0 else keys[::-1]        # every other repeat backwards, so no
            for key in order:                                 # timer always follows the same one
                timer = timers[key]
                if key in ms:
                    step, evaluation = timer()
                    ms[key].append(evaluation)
                else:
                    step = timer()
                us[key].append(step)
        k1 = us[1]
        for K in (1, 32):
            before = us[f"before K={K}"]
            ratio = median(a / b for a, b in zip(us[K], before))
            print(f"  before (fused SGD) K = {K:2d}: {median(before):7.1f} µs per step; after (one path) "
                  f"{median(us[K]):7.1f} µs: after/before = {ratio:.3f}")
        if batch_size in (1, 32) and len(X) % batch_size == 0:
            print(f"  before and after end two epochs with the same weights, bit for bit: "
                  f"{same_weights(X, y, batch_size)}")
        for K in KS:
            ratio = median(a / b for a, b in zip(us[K], k1))
            print(f"  nnbook  K = {K:2d}: {median(us[K]):7.1f} µs per step ({median(us[K]) / K:6.2f} µs per "
                  f"model-step), K/K1 = {ratio:.2f}; epoch-end evaluation {median(ms[K]):.1f} ms")
        if not have_torch:
            print("  PyTorch not installed: skipped")
            continue
        for label in ("1 thread", "default threads"):
            t = us[label]
            k32 = median(a / b for a, b in zip(us[32], t))
            ratios = [a / b for a, b in zip(t, k1)]                 # per repeat: PyTorch / nnbook K = 1
            print(f"  PyTorch ({label:15s}): {median(t):7.1f} µs per step; nnbook K = 1 is "
                  f"{median(ratios):5.1f}× faster (range {min(ratios):.1f}–{max(ratios):.1f}), "
                  f"K = 32 lockstep does 32 models in {k32:.2f}× one PyTorch step ({32 / k32:.0f}× the throughput)")


if __name__ == "__main__":
    main()
