"""Glassner's two-moons learning-rate experiment, over 20 seeds per η (chapter 2).

Protocol (Glassner 2021, ch. 14; his companion notebook): two moons, 2048 points,
noise 0.08, 75/25 split, standardized; a 2-4-4-1 network, ReLU/ReLU/sigmoid, 37
parameters; weights N(0, 0.05) (Keras' RandomNormal: std 0.05), biases 0; binary
cross-entropy; plain SGD with batch size 1, reshuffled every epoch.  We train
20 seeds × 3 learning rates η ∈ {0.5, 0.05, 0.01} as ONE lockstep run of K = 60
models (per-model η; all see the same data order), once with Glassner's
initialization and once with He initialization (He-normal for the ReLU layers,
LeCun-normal √(1/fan_in) for the sigmoid output).

Success = train AND test accuracy ≥ 0.995 (the criterion of the source notes, §4.4),
at the first epoch where it happens.  Epoch e is after e epochs of training (0: before);
the book records its "epoch 0" after the first epoch, so its budgets of 21 and 201
epochs (labelled 0–20 and 0–200) are our epochs 1–21 and 1–201.  "plateau" = final test
accuracy within 0.80 … 0.95 (the ≈ 0.88 straight-line cut, which is logistic
regression's accuracy); "dead" = final test accuracy ≤ 0.55 (one class everywhere).

    .venv/bin/python benchmarks/two_moons_lr.py [--epochs 201] [--seeds 20]
"""
from __future__ import annotations

import argparse
import time

import numpy as np

import nnbook
from nnbook import data

ETAS = (0.5, 0.05, 0.01)
INITS = {
    "N(0, 0.05)": ("normal", {"std": 0.05}),
    "He": ["he_normal", "he_normal", "lecun_normal"],
}


def experiment(init, seeds, etas=ETAS, epochs=201, data_seed=0, order_seed=0):
    """Train len(seeds)·len(etas) networks in lockstep; return (history, etas per model)."""
    X, y, Xt, yt = data.two_moons(n=2048, noise=0.08, test_size=0.25, seed=data_seed)
    seed_list = [s for _ in etas for s in seeds]
    lr = np.repeat(etas, len(seeds))
    net = nnbook.MLP([2, 4, 4, 1], "relu", "sigmoid", init=init, seed=seed_list)
    hist = nnbook.train(net, X, y, validation=(Xt, yt), loss="bce", epochs=epochs, batch_size=1,
                        lr=lr, seed=order_seed)
    return hist, lr


def report(name, hist, lr, seeds, threshold=0.995):
    both = np.minimum(hist.train_acc, hist.val_acc)
    with np.errstate(invalid="ignore"):
        hit = both >= threshold
    first = np.where(hit.any(axis=0), np.argmax(hit, axis=0), -1)
    final = hist.val_acc[-1]
    print(f"\n== init {name}: {hist.epochs} epochs, {len(seeds)} seeds per η, "
          f"success = train and test accuracy ≥ {threshold}")
    for eta in ETAS:
        m = lr == eta
        f = first[m]
        ok = f >= 0
        at21 = np.sum(ok & (f <= 21))
        plateau = np.sum(~ok & (final[m] > 0.80) & (final[m] < 0.95))
        dead = np.sum(final[m] <= 0.55)
        diverged = np.sum(hist.diverged[m])
        epochs = ", ".join(str(e) for e in sorted(f[ok]))
        print(f"η = {eta:<5}: success {ok.sum():2d}/{m.sum()} (within 21 epochs: {at21:2d}), "
              f"plateau {plateau:2d}, dead {dead:2d}, diverged {diverged}")
        print(f"           success epochs: {epochs or '—'}")
        q = np.quantile(final[m], [0, 0.25, 0.5, 0.75, 1])
        hist_counts = np.histogram(final[m], bins=[0, 0.55, 0.8, 0.95, 0.995, 1.001])[0]
        print(f"           final test accuracy min/q1/median/q3/max: "
              + " ".join(f"{v:.3f}" for v in q))
        print(f"           final test accuracy counts [≤.55, .55–.8, .8–.95, .95–.995, ≥.995]: "
              f"{hist_counts.tolist()}")
        plat = hist.train_acc[:, m][:, ~ok & (final[m] > 0.80) & (final[m] < 0.95)]
        if plat.size:
            tl = hist.train_loss[-1, m][~ok & (final[m] > 0.80) & (final[m] < 0.95)]
            print(f"           plateau: final train accuracy {np.median(plat[-1]):.3f} "
                  f"(median), train BCE {np.median(tl):.3f}")


def logistic_baseline(data_seed=0):
    """The best straight line: logistic regression (a 2-1 sigmoid network) on the same data."""
    X, y, Xt, yt = data.two_moons(seed=data_seed)
    net = nnbook.MLP([2, 1], output="sigmoid", init="zeros", seed=0)
    hist = nnbook.train(net, X, y, validation=(Xt, yt), loss="bce", epochs=50, batch_size=32, lr=0.5)
    return hist


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=201)
    parser.add_argument("--seeds", type=int, default=20)
    args = parser.parse_args(argv)
    seeds = list(range(args.seeds))
    base = logistic_baseline()
    print(f"logistic regression (the straight-line cut): train acc {base.train_acc[-1]:.3f}, "
          f"test acc {base.val_acc[-1]:.3f}, train BCE {base.train_loss[-1]:.3f}")
    for name, init in INITS.items():
        t0 = time.perf_counter()
        hist, lr = experiment(init, seeds, epochs=args.epochs)
        dt = time.perf_counter() - t0
        report(name, hist, lr, seeds)
        print(f"   ({hist.K} models in lockstep, {hist.steps} steps, {dt:.1f} s, "
              f"{dt / hist.steps * 1e6:.0f} µs per step)")


if __name__ == "__main__":
    main()
