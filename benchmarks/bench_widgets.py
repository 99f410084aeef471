"""How fast the book's live widgets answer and animate on the static site, in headless Chromium.

The built site (``_build/html``, made by ``make book``; this script builds nothing) is served
from a local HTTP server and opened in headless Chromium through Playwright.  There is no
kernel: nnbook-widgets.js renders the anywidgets, which compute and draw in the page.  Every
time is taken inside the page with ``performance.now()`` (no Playwright round trips in it);
the widgets count their drawn frames in ``data-frames``, the lab its epochs in ``data-epoch``.
Each trial reloads the page; the medians (and min–max) over the trials are printed.

Activation explorer (book/00_neurons.html):

* control → frame: an ``input`` event on the w slider until the frame after the redraw
  (data-frames increments, then one requestAnimationFrame: the new plots are painted).
  Target <= 50 ms.
* arrow key → frame: the same from the keydown of ArrowRight on the w slider: the first
  press just after focusing it, and the mean of the next two.  Target <= 50 ms.
* the time the redraw itself takes (data-draw-ms of the last one), for information.

Learning-rate lab (book/01_gradient_descent.html), steps raised to 500 (the maximum) and a
second optimizer to compare: an ``input`` event on the η slider, and one on the steps slider,
until the new frame is painted.  Target <= 50 ms.

Chapter 3's widgets (book/03_loss_functions.html): the slowdown neuron's w slider with 1000
epochs (two runs), and the softmax explorer's first logit, to the painted frame.  Target <= 50 ms.

Init lab (book/04_initialization.html): at its default (10 layers of 100 units, 32 inputs) a
step of the depth slider and a change of scheme (new base draws: uniform → normal), and at its
maximum (50 layers of 100 units) a depth step, each to the painted frame.  Target <= 50 ms.
The overfit lab (book/05_regularization.html): an ``input`` event on the degree slider and on the
ridge λ slider (every degree's errors are recomputed for the error panel) to the painted frame.
Target <= 50 ms.

Two-moons lab (book/02_two_moons.html), epoch budget first raised to 1000 (its maximum):

* control → frame: an ``input`` event on the η slider (which restarts training) until the
  new frame is painted.  Target <= 50 ms.
* play → first frame: ``click()`` on the play button until data-frames next increments (the
  first trained frame is drawn; its paint follows at the next frame).  Target <= 100 ms.
* frames/s while training at "5 epochs/s" and at "as fast as it can" (recorded --seconds,
  3 s, or until the 1000 epochs are done, which the fast run does in about 2.7 s): data-frames
  increments per second.  Target >= 30 frames/s.  Also the longest gap between two frames.
* epochs/s at "as fast as it can": data-epoch increments per second.  Target >= 20.  (At
  "5 epochs/s" shown for information: it should be 5.)

Errors on the browser console (and uncaught page errors) are collected and printed.

Before (the kernel-based widgets of commit 7254464, Python + matplotlib), measured on
2026-12-03 on this machine with

    git worktree add /tmp/oldnnbook 7254464
    PYTHONPATH=/tmp/oldnnbook MPLBACKEND=Agg .venv/bin/python /tmp/oldnnbook/benchmarks/bench_two_moons_widget.py

(two runs, the same medians over 5 trials of 3 s): the lab's first figure update 14 ms after
play, 13.4 frames/s, 15.3 epochs/s of training; that is in the kernel alone, before any
transfer to or drawing in a browser.  In JupyterLab, according to the issue: an arrow-key step
of the activation explorer took about 1.4 s to show (0.62–0.69 s of it in the kernel), a 1 s
drag gave 4 frames; the two-moons lab ran at about 6 frames/s in JupyterLab (11 in the kernel
benchmark), 0.3–1.6 s per control.

    .venv/bin/python benchmarks/bench_widgets.py [--trials N] [--seconds S]
"""
from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
EXPLORER, LAB, LR_LAB = ".nnbook-activation-explorer", ".nnbook-two-moons-lab", ".nnbook-lr-lab"
SLOWDOWN, SOFTMAX, INIT_LAB = ".nnbook-slowdown", ".nnbook-softmax-explorer", ".nnbook-init-lab"
SLOWDOWN, SOFTMAX, OVERFIT = ".nnbook-slowdown", ".nnbook-softmax-explorer", ".nnbook-overfit-lab"

# Helpers installed in every page before its scripts run; all times come from performance.now().
BENCH_JS = """
window.bench = {
  root: (sel) => document.querySelector(sel),
  control(sel, label) {
    for (const row of bench.root(sel).querySelectorAll(".nnbook-row"))
      if (row.querySelector("label")?.textContent.trim() === label) return row.querySelector("input, select");
    throw new Error(`no control labelled ${label}`);
  },
  // resolves with performance.now() when data-frames next increments (+ one rAF if paint)
  nextFrame(sel, paint) {
    const root = bench.root(sel), before = Number(root.dataset.frames);
    return new Promise((resolve) => {
      const watch = new MutationObserver(() => {
        if (Number(root.dataset.frames) <= before) return;
        watch.disconnect();
        if (paint) requestAnimationFrame(() => resolve(performance.now())); else resolve(performance.now());
      });
      watch.observe(root, { attributes: true, attributeFilter: ["data-frames"] });
    });
  },
  setControl(sel, label, value) {
    const input = bench.control(sel, label);
    input.value = String(value === "max" ? input.max : value);
    input.dispatchEvent(new Event(input.tagName === "SELECT" ? "change" : "input", { bubbles: true }));
  },
  // one step of a slider by an input event: ms until the new frame is painted
  async sliderStep(sel, label) {
    const input = bench.control(sel, label), step = Number(input.step) || 1, v = Number(input.value);
    const painted = bench.nextFrame(sel, true), t0 = performance.now();
    input.value = String(v + step <= Number(input.max) ? v + step : v - step);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return (await painted) - t0;
  },
  // focus the slider and time the next keydown on it to the painted frame (see bench.keyed)
  armKey(sel, label) {
    const input = bench.control(sel, label);
    let t0 = NaN;
    input.focus();
    input.addEventListener("keydown", () => { t0 = performance.now(); }, { once: true, capture: true });
    bench.keyed = bench.nextFrame(sel, true).then((t) => t - t0);
  },
  click: (sel, aria) => bench.root(sel).querySelector(`button[aria-label="${aria}"]`).click(),
  pause(sel) {
    const play = bench.root(sel).querySelector('button[aria-label="play or pause training"]');
    if (play.textContent === "pause") play.click();
  },
  // press play and record [time, epoch] at each frame for ms milliseconds or until the budget is used up
  playAndRecord(sel, ms) {
    const root = bench.root(sel), stamps = [], budget = Number(bench.control(sel, "epochs").value);
    return new Promise((resolve) => {
      const done = () => { watch.disconnect(); clearTimeout(timer); resolve({ t0, stamps }); };
      const watch = new MutationObserver(() => {
        stamps.push([performance.now(), Number(root.dataset.epoch)]);
        if (stamps.at(-1)[1] >= budget) done();
      });
      watch.observe(root, { attributes: true, attributeFilter: ["data-frames"] });
      const timer = setTimeout(done, ms), t0 = performance.now();
      bench.click(sel, "play or pause training");
    });
  },
};
"""


def serve(directory: Path) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def open_page(page, url: str, sel: str) -> None:
    page.goto(url)
    page.wait_for_selector(f"{sel}[data-frames]", state="attached", timeout=30_000)
    page.wait_for_timeout(300)  # let the page settle (fonts, layout) before timing


def explorer_trial(page, url: str) -> dict:
    open_page(page, url, EXPLORER)
    slider = page.evaluate("bench.sliderStep(%r, 'w')" % EXPLORER)
    keys = []
    for _ in range(3):  # the first press right after focusing, then two more
        page.evaluate("bench.armKey(%r, 'w')" % EXPLORER)
        page.keyboard.press("ArrowRight")
        keys.append(page.evaluate("bench.keyed"))
    draw = float(page.evaluate("bench.root(%r).dataset.drawMs" % EXPLORER))
    return {"explorer: w slider → frame (ms)": slider, "explorer: 1st ArrowRight → frame (ms)": keys[0],
            "explorer: next ArrowRights → frame (ms)": statistics.mean(keys[1:]),
            "explorer: redraw itself (ms)": draw}


def lr_lab_trial(page, url: str) -> dict:
    """The learning-rate lab (chapter 1): η and steps slider steps, and a second optimizer, to the painted frame."""
    open_page(page, url, LR_LAB)
    page.evaluate("bench.setControl(%r, 'steps', 'max')" % LR_LAB)      # the most work per frame: 500 steps
    page.evaluate("bench.setControl(%r, 'compare', 'adam')" % LR_LAB)
    page.wait_for_timeout(100)
    return {"lr lab: η slider → frame, 2 × 500 steps (ms)": page.evaluate("bench.sliderStep(%r, 'η')" % LR_LAB),
            "lr lab: steps slider → frame (ms)": page.evaluate("bench.sliderStep(%r, 'steps')" % LR_LAB)}


def loss_widgets_trial(page, url: str) -> dict:
    """Chapter 3's widgets: the slowdown neuron's w slider (two runs of up to 1000 epochs) and the
    softmax explorer's first logit, each to the painted frame."""
    open_page(page, url, SOFTMAX)
    page.evaluate("bench.setControl(%r, 'epochs', 'max')" % SLOWDOWN)
    page.wait_for_timeout(100)
    return {"slowdown: w slider → frame, 2 × 1000 epochs (ms)": page.evaluate("bench.sliderStep(%r, 'w')" % SLOWDOWN),
            "softmax explorer: z1 slider → frame (ms)": page.evaluate("bench.sliderStep(%r, 'z1')" % SOFTMAX)}


def init_lab_trial(page, url: str) -> dict:
    """Chapter 4's init lab: depth slider and scheme at the default size, depth slider at 50 layers."""
    open_page(page, url, INIT_LAB)
    out = {"init lab: depth slider → frame, 10 × 100 (ms)": page.evaluate("bench.sliderStep(%r, 'depth')" % INIT_LAB)}
    painted = "(async () => { const p = bench.nextFrame(%r, true), t0 = performance.now(); " \
              "bench.setControl(%r, 'init', 'he_normal'); return (await p) - t0; })()" % (INIT_LAB, INIT_LAB)
    out["init lab: scheme → frame, new draws (ms)"] = page.evaluate(painted)
    page.evaluate("bench.setControl(%r, 'depth', 'max')" % INIT_LAB)
    page.wait_for_timeout(300)
    out["init lab: depth slider → frame, 50 × 100 (ms)"] = page.evaluate("bench.sliderStep(%r, 'depth')" % INIT_LAB)
    return out
def overfit_trial(page, url: str) -> dict:
    """The overfit lab (chapter 5): a degree step and a λ step, each to the painted frame."""
    open_page(page, url, OVERFIT)
    return {"overfit lab: degree slider → frame (ms)": page.evaluate("bench.sliderStep(%r, 'degree')" % OVERFIT),
            "overfit lab: λ slider → frame (ms)": page.evaluate("bench.sliderStep(%r, 'ridge λ')" % OVERFIT)}


def rates(run: dict) -> tuple[float, float, float, float]:
    """First-frame latency (ms), frames/s, epochs/s and the longest gap between frames (ms) of a run."""
    stamps = run["stamps"]
    times = [t for t, _ in stamps]
    gaps = [b - a for a, b in zip(times, times[1:])]
    # epochs/s between the first and the last frame that completed an epoch (epochs are whole)
    ticks = [(t, e) for (t, e), (_, before) in zip(stamps[1:], stamps) if e != before]
    epochs = (ticks[-1][1] - ticks[0][1]) / (ticks[-1][0] - ticks[0][0]) * 1000 if len(ticks) > 1 else 0.0
    return times[0] - run["t0"], (len(times) - 1) / (times[-1] - times[0]) * 1000, epochs, max(gaps)


def lab_trial(page, url: str, seconds: float) -> dict:
    open_page(page, url, LAB)
    ms = int(seconds * 1000)
    control = page.evaluate("bench.sliderStep(%r, 'η')" % LAB)
    page.evaluate("bench.setControl(%r, 'epochs', 'max')" % LAB)
    page.evaluate("bench.setControl(%r, 'speed', '5')" % LAB)
    first, fps5, eps5, gap5 = rates(page.evaluate("bench.playAndRecord(%r, %d)" % (LAB, ms)))
    page.evaluate("bench.pause(%r)" % LAB)
    page.evaluate("bench.click(%r, 'start again at epoch 0')" % LAB)
    page.evaluate("bench.setControl(%r, 'speed', '0')" % LAB)
    _, fps0, eps0, gap0 = rates(page.evaluate("bench.playAndRecord(%r, %d)" % (LAB, ms)))
    page.evaluate("bench.pause(%r)" % LAB)
    return {"lab: η slider → frame (ms)": control, "lab: play → first frame (ms)": first,
            "lab: frames/s at 5 epochs/s": fps5, "lab: epochs/s at 5 epochs/s": eps5,
            "lab: longest frame gap at 5 epochs/s (ms)": gap5,
            "lab: frames/s as fast as it can": fps0, "lab: epochs/s as fast as it can": eps0,
            "lab: longest frame gap as fast as it can (ms)": gap0}


TARGETS = {  # metric: (comparison, bound)
    "explorer: w slider → frame (ms)": ("<=", 50), "explorer: 1st ArrowRight → frame (ms)": ("<=", 50),
    "explorer: next ArrowRights → frame (ms)": ("<=", 50),
    "lab: η slider → frame (ms)": ("<=", 50), "lab: play → first frame (ms)": ("<=", 100),
    "lab: frames/s at 5 epochs/s": (">=", 30), "lab: frames/s as fast as it can": (">=", 30),
    "lab: epochs/s as fast as it can": (">=", 20),
    "lr lab: η slider → frame, 2 × 500 steps (ms)": ("<=", 50), "lr lab: steps slider → frame (ms)": ("<=", 50),
    "slowdown: w slider → frame, 2 × 1000 epochs (ms)": ("<=", 50), "softmax explorer: z1 slider → frame (ms)": ("<=", 50),
    "init lab: depth slider → frame, 10 × 100 (ms)": ("<=", 50), "init lab: scheme → frame, new draws (ms)": ("<=", 50),
    "init lab: depth slider → frame, 50 × 100 (ms)": ("<=", 50),
    "overfit lab: degree slider → frame (ms)": ("<=", 50), "overfit lab: λ slider → frame (ms)": ("<=", 50),
}


def table(results: list[dict]) -> None:
    width = max(map(len, results[0]))
    print(f"{'metric':<{width}}  {'median':>8}  {'min–max':>15}  {'target':>7}  result")
    for metric in results[0]:
        values = [r[metric] for r in results]
        median = statistics.median(values)
        op, bound = TARGETS.get(metric, ("", None))
        verdict = "" if bound is None else ("pass" if (median <= bound if op == "<=" else median >= bound) else "FAIL")
        target = f"{op} {bound}" if bound is not None else "—"
        spread = f"{min(values):.1f}–{max(values):.1f}"
        print(f"{metric:<{width}}  {median:8.1f}  {spread:>15}  {target:>7}  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3.0, help="how long each training run is recorded")
    args = parser.parse_args()
    if not (SITE / "book" / "02_two_moons.html").exists():
        sys.exit(f"{SITE} has no built book: run `make book` first")
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    server = serve(SITE)
    base = f"http://127.0.0.1:{server.server_address[1]}/book"
    errors: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.add_init_script(BENCH_JS)
            page.on("console", lambda m: m.type == "error" and errors.append(f"console: {m.text}"))
            page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
            results = []
            for _ in range(args.trials):
                row = explorer_trial(page, f"{base}/00_neurons.html")
                row.update(lab_trial(page, f"{base}/02_two_moons.html", args.seconds))
                row.update(lr_lab_trial(page, f"{base}/01_gradient_descent.html"))
                row.update(loss_widgets_trial(page, f"{base}/03_loss_functions.html"))
                row.update(init_lab_trial(page, f"{base}/04_initialization.html"))
                row.update(overfit_trial(page, f"{base}/05_regularization.html"))
                results.append(row)
            version = browser.version
            browser.close()
    finally:
        server.shutdown()
    print(f"Chromium {version} headless, {args.trials} trials, training recorded {args.seconds:g} s per speed")
    table(results)
    print(f"console errors: {len(errors)}")
    for error in dict.fromkeys(errors):
        print("  " + error)


if __name__ == "__main__":
    main()
