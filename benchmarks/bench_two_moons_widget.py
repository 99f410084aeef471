"""How fast the two-moons lab (chapter 2) answers and animates, headless.

Targets (issue 4): the first frame appears within 0.5 s of pressing play, and the lab
renders at least 10 frames per second while it trains.

The lab is driven through its own update path, as in a kernel: inside an asyncio event
loop the play button's click handler is called, and every figure update is time-stamped
where the widget publishes it (a change of its output's ``outputs`` trait, which is what
the kernel sends to the browser).  Measured per trial:

* latency: from the click to the first figure update;
* frames per second: figure updates over ``--seconds`` of training.

Several trials (a new lab each, η = 0.05, seed 2); medians are printed.

    python benchmarks/bench_two_moons_widget.py [--trials 5] [--seconds 3]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time

os.environ.setdefault("MPLBACKEND", "Agg")

import matplotlib  # noqa: E402

matplotlib.use("Agg")

from nnbook.widgets.two_moons import TwoMoonsLab  # noqa: E402


async def trial(seconds: float, lr: float) -> dict:
    lab = TwoMoonsLab(lr=lr, seed=2, epochs=1000)
    stamps = []
    lab.output.observe(lambda change: stamps.append(time.perf_counter()), names="outputs")
    start = time.perf_counter()
    lab.bar.play.click()
    await asyncio.sleep(seconds)
    lab.bar.pause.click()
    end = time.perf_counter()
    latency = stamps[0] - start
    frames = [t for t in stamps if t <= end]
    fps = (len(frames) - 1) / (frames[-1] - frames[0]) if len(frames) > 1 else 0.0
    result = {"latency": latency, "fps": fps, "epochs": lab.epoch, "full_draws": lab.plot.renderer.full_draws}
    lab.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--lr", type=float, default=0.05)
    args = parser.parse_args()
    results = [asyncio.run(trial(args.seconds, args.lr)) for _ in range(args.trials)]
    for i, r in enumerate(results, 1):
        print(f"trial {i}: first frame after {r['latency'] * 1000:6.1f} ms, {r['fps']:5.1f} frames/s, "
              f"{r['epochs']} epochs trained, {r['full_draws']} full redraws")
    latency = statistics.median(r["latency"] for r in results)
    fps = statistics.median(r["fps"] for r in results)
    epochs = statistics.median(r["epochs"] / args.seconds for r in results)
    print(f"median over {args.trials} trials of {args.seconds:g} s: first frame {latency * 1000:.0f} ms "
          f"(target <= 500 ms), {fps:.1f} frames/s (target >= 10), {epochs:.1f} epochs/s of training")


if __name__ == "__main__":
    main()
