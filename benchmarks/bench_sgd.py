"""µs per SGD step on two moons, 2-4-4-1 ReLU/ReLU/sigmoid + BCE: nnbook (K models in lockstep) vs PyTorch.

For nnbook, each repeat times the steps of one epoch of ``Trainer.run`` (1536 samples:
the per-epoch shuffle and every step, but not the end-of-epoch evaluation on the whole
training set, which is timed separately) and divides by their number; the figure is
the median over the repeats.  K = 1, 8, 32 models run in lockstep: the
cost per step of all K together, and the ratio to K = 1.

With PyTorch installed (it is never a dependency of nnbook) the same network, loss,
plain SGD and data order are timed the textbook way: one model, ``zero_grad``,
forward, ``backward``, ``step`` per batch; with one thread and with the default
number of threads.  K PyTorch models would cost K times that.

    .venv/bin/python benchmarks/bench_sgd.py [--repeats 7]
"""
from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np

import nnbook
from nnbook import data


def nnbook_us_per_step(X, y, K, batch_size, repeats):
    net = nnbook.MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": 0.05}), seed=list(range(K)))
    trainer = nnbook.Trainer(net, X, y, loss="bce", epochs=repeats + 1, batch_size=batch_size, lr=0.05, seed=0)
    per_epoch = -(-len(X) // batch_size)
    trainer.run(steps=per_epoch)                          # warm-up epoch
    times, evals = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        trainer.run(steps=per_epoch - 1)
        t1 = time.perf_counter()
        trainer.run(steps=1)                              # the last step and the evaluation
        t2 = time.perf_counter()
        times.append((t1 - t0) / (per_epoch - 1) * 1e6)
        evals.append((t2 - t1) * 1e3)
    return statistics.median(times), statistics.median(evals)


def torch_us_per_step(X, y, batch_size, repeats, threads):
    import torch
    if threads is not None:
        torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.ReLU(), torch.nn.Linear(4, 4), torch.nn.ReLU(),
                                torch.nn.Linear(4, 1)).double()
    with torch.no_grad():
        for layer in model:
            if isinstance(layer, torch.nn.Linear):
                layer.weight.normal_(0.0, 0.05)
                layer.bias.zero_()
    loss_fn = torch.nn.BCEWithLogitsLoss()               # sigmoid + BCE from the logits
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    Xt = torch.tensor(X)
    yt = torch.tensor(y, dtype=torch.float64)[:, None]
    rng = np.random.default_rng(0)
    n = len(X)

    def epoch():
        order = torch.from_numpy(rng.permutation(n))
        xs, ys = Xt[order], yt[order]
        for s in range(0, n, batch_size):
            opt.zero_grad()
            loss = loss_fn(model(xs[s:s + batch_size]), ys[s:s + batch_size])
            loss.backward()
            opt.step()

    per_epoch = -(-n // batch_size)
    epoch()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        epoch()
        times.append((time.perf_counter() - t0) / per_epoch * 1e6)
    return statistics.median(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    X, y, _, _ = data.two_moons()
    print(f"two moons: {len(X)} training samples; 2-4-4-1 ReLU/ReLU/sigmoid, BCE, plain SGD; "
          f"median of {args.repeats} epochs; {os.cpu_count()} CPUs")
    results = {}
    for batch_size in (1, 32):
        print(f"\nbatch size {batch_size}:")
        for K in (1, 8, 32):
            us, ms = nnbook_us_per_step(X, y, K, batch_size, args.repeats)
            results[(batch_size, K)] = us
            print(f"  nnbook  K = {K:2d}: {us:7.1f} µs per step ({us / K:6.2f} µs per model-step), "
                  f"K/K1 = {us / results[(batch_size, 1)]:.2f}; epoch-end evaluation {ms:.1f} ms")
        try:
            import torch  # noqa: F401
        except ImportError:
            print("  PyTorch not installed: skipped")
            continue
        for threads, label in ((1, "1 thread"), (None, "default threads")):
            us = torch_us_per_step(X, y, batch_size, args.repeats, threads)
            k1 = results[(batch_size, 1)]
            k32 = results[(batch_size, 32)]
            print(f"  PyTorch ({label:15s}): {us:7.1f} µs per step; nnbook K = 1 is {us / k1:5.1f}× faster, "
                  f"K = 32 lockstep does 32 models in {k32 / us:.2f}× one PyTorch step "
                  f"({32 * us / k32:.0f}× the throughput)")


if __name__ == "__main__":
    main()
