"""µs per sample of the chapter-style hand-written loop (``net.gradient`` + ``opt.step``, one
sample per step) against ``nnbook.train`` on the same 2-4-4-1 two-moons network.

Chapters 1, 3 and 5 write such loops to show an update rule; this script keeps their cost
in view.  Median over the repeats; the machine may be shared, so compare ratios.

    .venv/bin/python benchmarks/bench_hand_loop.py [--repeats 7] [--samples 512]
"""
from __future__ import annotations

import argparse
import statistics
import time

import nnbook
from nnbook import data, optim
from nnbook.train import train


def network():
    return nnbook.MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": 0.05}), seed=0)


def hand_loop(X, y):
    net, opt = network(), optim.SGD(lr=0.05)
    start = time.perf_counter()
    for i in range(len(y)):
        _, grads = net.gradient(X[i:i + 1], y[i:i + 1])
        net.params = opt.step(net.params, grads.flat)
    return (time.perf_counter() - start) / len(y) * 1e6


def trainer(X, y):
    net = network()
    start = time.perf_counter()
    train(net, X, y, epochs=1, lr=0.05, batch_size=1, seed=0)
    return (time.perf_counter() - start) / len(y) * 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--samples", type=int, default=512)
    args = parser.parse_args()
    X, y, _, _ = data.two_moons()
    X, y = X[:args.samples], y[:args.samples]
    hand, fused = [], []
    for _ in range(args.repeats):
        hand.append(hand_loop(X, y))
        fused.append(trainer(X, y))
    h, f = statistics.median(hand), statistics.median(fused)
    print(f"hand-written loop: {h:7.1f} µs/sample (median of {args.repeats})")
    print(f"nnbook.train:      {f:7.1f} µs/sample (one epoch, evaluation included)")
    print(f"ratio:             {h / f:7.1f}x")


if __name__ == "__main__":
    main()
