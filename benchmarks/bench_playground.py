"""How fast the playground (chapter 6) trains and draws in headless Chromium, for three sizes.

A page holds the playground's saved state, as a built chapter does, and the site's own loader
(tools/site_static/nnbook-widgets.js) renders it; there is no kernel.  Each size is opened
through a link (the URL hash), so the page starts with that configuration: 500 points (250 to
train), the default moons, Adam, batch size 10, ReLU units.  For each speed ("1 epoch per
frame" and "as fast as it can") the script presses play and counts, inside the page with
``performance.now()``, the frames drawn (``data-frames``) and the epochs trained
(``data-epoch``) over ``--seconds``; it prints the medians (and min–max) over ``--trials``
reloads, and the longest gap between two frames.  Target: ≥ 30 frames/s for 6 layers × 8
units on 500 points.

Measured on 2026-12-04 on this (shared, 2-core) machine with ``--trials 3 --seconds 3``
(medians; the final version of the widget):

    2 layers × 4 units   1 epoch per frame    60.2 frames/s,    60.2 epochs/s
    2 layers × 4 units   as fast as it can    58.8 frames/s,  3055.4 epochs/s
    3 layers × 8 units   1 epoch per frame    60.2 frames/s,    60.2 epochs/s
    3 layers × 8 units   as fast as it can    59.5 frames/s,  1331.2 epochs/s
    6 layers × 8 units   1 epoch per frame    60.1 frames/s,    60.1 epochs/s
    6 layers × 8 units   as fast as it can    48.0 frames/s,   522.9 epochs/s

(before the drawing was batched, the 6 × 8 network drew at 28–31 frames/s "as fast as it can":
the unit maps parsed a colour per pixel and every point and link was its own canvas call).
The widget also records what its last frame cost in ``data-draw-ms``: evaluating the grid,
the boundary panel and the network panel, in ms.

    .venv/bin/python benchmarks/bench_playground.py [--trials N] [--seconds S]
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, free_port  # noqa: E402

SIZES = {"2 layers × 4 units": {"layers": [4, 4], "activations": ["relu"] * 2},
         "3 layers × 8 units": {"layers": [8] * 3, "activations": ["relu"] * 3},
         "6 layers × 8 units": {"layers": [8] * 6, "activations": ["relu"] * 6}}
COMMON = {"n": 500, "train_ratio": 0.5, "batch_size": 10, "optimizer": "adam", "lr": 0.003}

MEASURE = """async ([seconds]) => {
  const el = document.querySelector('.nnbook-playground');
  const frames0 = Number(el.dataset.frames), epoch0 = Number(el.dataset.epoch), t0 = performance.now();
  let last = t0, gap = 0, lastFrames = frames0;
  await new Promise((done) => {
    const f = (now) => {
      const n = Number(el.dataset.frames);
      if (n !== lastFrames) { gap = Math.max(gap, now - last); last = now; lastFrames = n; }
      if (now - t0 < seconds * 1000) requestAnimationFrame(f); else done();
    };
    requestAnimationFrame(f);
  });
  const dt = (performance.now() - t0) / 1000;
  return { fps: (Number(el.dataset.frames) - frames0) / dt, eps: (Number(el.dataset.epoch) - epoch0) / dt, gap };
}"""


def page_dir():
    from ipywidgets.embed import embed_data
    from nnbook.widgets import Playground
    root = Path(tempfile.mkdtemp(prefix="nnbook-bench-playground-"))
    shutil.copy(ROOT / "tools" / "site_static" / "nnbook-widgets.js", root)
    saved = embed_data(views=[Playground()], drop_defaults=False)
    state, view = "application/vnd.jupyter.widget-state+json", "application/vnd.jupyter.widget-view+json"
    views = "".join(f'<div class="cell"><script type="{view}">{json.dumps(v)}</script></div>' for v in saved["view_specs"])
    (root / "index.html").write_text(
        f'<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">'
        f'<script type="{state}">{json.dumps(saved["manager_state"])}</script></head><body>{views}'
        f'<script type="module" src="nnbook-widgets.js"></script></body></html>', encoding="utf-8")
    return root


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    root = page_dir()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/index.html"
    errors = []
    print(f"playground, 500 points, batch 10, Adam; {args.trials} trials of {args.seconds:g} s (median, min–max)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        for name, size in SIZES.items():
            for speed, label in (("1", "1 epoch per frame"), ("0", "as fast as it can")):
                runs = []
                for _ in range(args.trials):
                    page = browser.new_page(viewport={"width": 1280, "height": 1000})
                    page.on("pageerror", lambda e: errors.append(str(e)))
                    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
                    page.goto(url + "#playground=" + quote(json.dumps({**COMMON, **size})))
                    pg = page.locator(".nnbook-playground[data-frames]")
                    pg.wait_for(timeout=30000)
                    pg.locator(".nnbook-row", has_text="speed").locator("select").select_option(speed)
                    pg.get_by_role("button", name="play or pause training").click()
                    runs.append(page.evaluate(MEASURE, [args.seconds]))
                    page.close()
                med = {k: statistics.median(r[k] for r in runs) for k in ("fps", "eps", "gap")}
                lo = {k: min(r[k] for r in runs) for k in ("fps", "eps")}
                hi = {k: max(r[k] for r in runs) for k in ("fps", "eps")}
                print(f"{name:20s} {label:18s} {med['fps']:6.1f} frames/s ({lo['fps']:.1f}–{hi['fps']:.1f}), "
                      f"{med['eps']:7.1f} epochs/s ({lo['eps']:.1f}–{hi['eps']:.1f}), longest frame gap {med['gap']:.0f} ms")
        browser.close()
    httpd.shutdown()
    print("errors on the console:", errors or "none")


if __name__ == "__main__":
    main()
