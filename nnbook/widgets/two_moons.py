"""The two-moons lab (chapter 2): Glassner's 2-4-4-1 classifier, trained live.

Glassner's protocol (Deep Learning: A Visual Approach, 2021, ch. 14): two moons of
2048 points with noise 0.08, split 75/25 and standardized (:func:`nnbook.data.two_moons`);
the network 2 → 4 ReLU → 4 ReLU → 1 sigmoid (37 parameters), weights N(0, 0.05), biases 0,
binary cross-entropy, per-sample SGD with learning rate η.

* :class:`TwoMoonsPlot` — one figure: the decision boundary over the test points (top
  left), the history of all 37 parameters (top right, the biggest movers on top), the
  loss and the accuracy per epoch, train and test (bottom).  It is built from
  :mod:`nnbook.plots` and ``update(...)`` redraws the same artists in place.
* :func:`two_moons_figure` — the plain drawing function: that figure for a finished run
  (a network and its :class:`~nnbook.history.History`, any model of a lockstep run).  The
  chapter draws every run with it, so the static page shows what the widget shows.
* :class:`TwoMoonsLab` — the widget: η (a log slider and the book's three presets),
  initialization, seed and epoch budget; play / pause / step / reset.  Training runs
  as an asyncio task on the kernel's event loop in chunks of a few ms
  (:class:`~nnbook.widgets.base.Animation`), so the figure updates while it trains and
  the kernel keeps answering other cells.  Bad states are shown, not raised: a
  diverged run, and the dead network of the η = 0.5 collapse.

The seed picks the initial weights; the data, and the order in which each epoch
visits them, are the same for every run (shuffle seed :data:`ORDER_SEED`), as in the
chapter's lockstep experiment, so the lab's run for seed s is the chapter's model s.
"""
from __future__ import annotations

import math
import time

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from nnbook import checks
from nnbook import data as _data
from nnbook import plots
from nnbook.experiments import LEARNING_RATES as PRESETS
from nnbook.experiments import TWO_MOONS_INITS as INITS
from nnbook.experiments import two_moons_network, two_moons_trainer
from nnbook.widgets.base import Animation, BlitRenderer, ControlBar, Demo

__all__ = ["INITS", "PRESETS", "TwoMoonsLab", "TwoMoonsPlot", "two_moons_figure"]

#: Epochs the trainer is set up for; the lab's epoch budget stops play earlier.
MAX_EPOCHS = 1000
#: The η slider's range (log scale): a requested η outside it is clamped, and the lab says so.
LR_RANGE = (1e-4, 10.0)
FIGSIZE = (7.6, 5.6)
DPI = 80
PANEL_EVERY = 0.25               # seconds between redraws of the epoch panels while the lab plays
# The weight panel's legend: small, opaque, over the lines (the blit renderer pastes it last).
WEIGHT_LEGEND = {"fontsize": "x-small", "title_fontsize": "x-small", "framealpha": 1.0, "zorder": 100}


def _check_run(net, history, model):
    """(net, history, model) of a finished run, checked against each other; model as an index."""
    from nnbook.history import History
    from nnbook.network import MLP
    if not isinstance(net, MLP):
        raise TypeError(f"net: expected an nnbook MLP, got {type(net).__name__}")
    if not isinstance(history, History):
        raise TypeError(f"history: expected an nnbook History, got {type(history).__name__}")
    if history.weights is None:
        raise ValueError("history: expected weight snapshots (train with snapshots=True)")
    if history.weights.shape[-1] != net.n_params or history.K != net.K:
        raise ValueError(f"net, history: expected the history of this network ({net.K} model(s), {net.n_params} "
                         f"parameters), got {history.K} run(s) of {history.weights.shape[-1]} parameters")
    if isinstance(model, bool) or not isinstance(model, (int, np.integer)) or not -net.K <= model < net.K:
        raise ValueError(f"model: expected a model index in 0 … {net.K - 1}, got {model!r}")
    return int(model) % net.K


def _check_figure_size(figsize, dpi):
    try:
        width, height = figsize
    except (TypeError, ValueError):
        width = height = None
    if not all(plots._finite_float(v) is not None and 0 < v <= plots.MAX_INCHES for v in (width, height)):
        raise ValueError(f"figsize: expected (width, height) in inches, each in (0, {plots.MAX_INCHES:g}], "
                         f"got {figsize!r}")
    if plots._finite_float(dpi) is None or not 0 < dpi <= plots.MAX_DPI:
        raise ValueError(f"dpi: expected a number in (0, {plots.MAX_DPI:g}], got {dpi!r}")


def _one_run(history, k):
    """Run k of a lockstep history, or the history of a single run as it is."""
    return history if history.lockstep is None else history.model(k)


class TwoMoonsPlot:
    """The lab's figure (chapter 2): boundary, weights, loss and accuracy; ``update`` redraws in place.

    ``net`` is an MLP (model ``model`` of its K is shown), ``history`` its
    :class:`~nnbook.history.History` with weight snapshots; ``X``, ``y`` the points drawn
    on the boundary panel (the test set).  Attributes: ``fig``, ``boundary``
    (:class:`~nnbook.plots.BoundaryPlot`), ``weights`` (:class:`~nnbook.plots.WeightPlot`),
    ``curves`` (:class:`~nnbook.plots.HistoryPlot`), ``title`` (the figure's title text)
    and ``renderer`` (a :class:`~nnbook.widgets.base.BlitRenderer`: ``png()`` redraws only
    the artists that change, for the live widget).  Axis limits only grow during a run
    (``reset_limits`` starts again), so the cached background rarely needs redrawing.
    """

    def __init__(self, net, history, X, y, *, model=0, resolution=120, figsize=FIGSIZE, dpi=DPI, top=5,
                 live=True):
        model = _check_run(net, history, model)
        _check_figure_size(figsize, dpi)
        live = checks.flag(live, "live")
        self.model, self.top, self.live = model, top, live
        self.fig = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        axes = self.fig.subplots(2, 2)
        self.names = net.param_names()
        self.boundary = plots.decision_boundary(net, X, y, ax=axes[0, 0], model=model, resolution=resolution)
        self.weights = plots.weight_history(history, ax=axes[0, 1], model=model, names=self.names, top=top,
                                            legend_kw=WEIGHT_LEGEND)
        self.curves = plots.history_curves(history, ax=(axes[1, 0], axes[1, 1]), models=[model],
                                           labels=("train", "test"))   # the book's held-out set is "test"
        axes[0, 0].set_title("decision boundary (test points)", fontsize="small")
        axes[0, 1].set_title(f"all {net.n_params} parameters", fontsize="small")
        axes[1, 0].set_title("loss (binary cross-entropy)", fontsize="small")
        axes[1, 1].set_title("accuracy", fontsize="small")
        self.title = self.fig.suptitle("", fontsize="medium")
        self._data_key = None            # what the curves and weight lines show (see update)
        self._panels_at = -math.inf      # when they were last redrawn
        self.renderer = BlitRenderer(self.fig, self.dynamic_artists, self.overlay_artists,
                                     slow=self.epoch_artists, slow_key=lambda: self._data_key)
        self.reset_limits()
        self.update(net, history)

    def dynamic_artists(self):
        """The artists that change from frame to frame (the boundary panel), in drawing order."""
        b = self.boundary
        return [b.image, b.contour, b.scatter]

    def epoch_artists(self):
        """The artists that change once an epoch: the weight lines and the curves."""
        return [*self.weights.lines, *self.curves.lines.values()]

    def overlay_artists(self):
        """Drawn over the epoch artists and repainted only when they change: the weight legend
        (opaque) and the title (on the plain figure)."""
        return [self.weights.ax.get_legend(), self.title]

    def reset_limits(self):
        """Forget the grown axis limits and what the panels show (a new run starts)."""
        self._limits = {}
        self._data_key = None

    def _grow(self, ax, bottom, top, symmetric, start=1.0):
        """Y-limits covering the data, doubled when outgrown, so they change rarely during a run."""
        old = self._limits.get(ax)
        if old is not None and old[0] <= bottom and top <= old[1]:
            ax.set_ylim(*old)
            return
        half = old[1] if old is not None else start
        while not (-half if symmetric else 0.0) <= bottom or not top <= half:
            half *= 2.0
        new = (-half if symmetric else 0.0, half)
        self._limits[ax] = new
        ax.set_ylim(*new)

    def update(self, net, history, *, title=None, epochs=None, playing=False):
        """Redraw from ``net`` (its current parameters) and ``history``; ``epochs`` fixes the x-range.

        While ``playing`` the boundary follows every call but the weight, loss and accuracy
        panels at most every :data:`PANEL_EVERY` seconds: they change once an epoch, and
        redrawing them (lines, legend) costs about three times a boundary frame.
        """
        history = _one_run(history, self.model)
        self.boundary.update(net)
        w = history.weights
        right = max(1, epochs if epochs is not None else history.epochs)
        data_key = (history.epochs, right, w[-1].tobytes(), history.train_loss.tobytes(),
                    history.val_loss.tobytes())
        now = time.monotonic()
        if data_key != self._data_key and not (playing and now - self._panels_at < PANEL_EVERY):
            self._data_key, self._panels_at = data_key, now      # a new epoch or a new run
            self._update_panels(history, w, right)
        if title is None:
            title = (f"epoch {history.epochs}: train accuracy {history.train_acc[-1]:.3f}, "
                     f"test accuracy {history.val_acc[-1]:.3f}")
        self.title.set_text(title)
        return self

    def _update_panels(self, history, w, right):
        """The weight history, the curves and their limits (``history``: one run's)."""
        self.curves.update(history)
        self.weights.update(w, resort=True)          # the biggest movers so far on top, in the legend
        for ax in (self.weights.ax, *self.curves.axes):
            ax.set_xlim(0, right)
        finite = w[np.isfinite(w)]
        losses = np.concatenate([history.train_loss, history.val_loss])
        losses = losses[np.isfinite(losses)]
        if self.live:
            self._grow(self.weights.ax, 1.1 * finite.min(initial=0.0), 1.1 * finite.max(initial=0.0), True,
                       start=4.0)
            self._grow(self.curves.axes[0], 0.0, 1.05 * losses.max(initial=0.0), False)
        else:
            lo, hi = finite.min(initial=-1.0), finite.max(initial=1.0)
            self.weights.ax.set_ylim(lo - 0.08 * (hi - lo), hi + 0.08 * (hi - lo))
            self.curves.axes[0].set_ylim(0.0, 1.08 * max(0.8, losses.max(initial=0.0)))
        self.curves.axes[1].set_ylim(0.4, 1.02)

    def png(self):
        """The figure as PNG bytes, redrawing only what changed (see ``renderer``)."""
        return self.image("png")

    def image(self, fmt="png"):
        """The figure as ``"png"`` or ``"jpeg"`` bytes (JPEG for live frames: faster to encode),
        redrawing only what changed (see ``renderer``).

        The first call lays the figure out; from then on the layout is frozen, so a
        background redraw (when a limit grows) costs one draw, not a layout pass too.
        """
        data = self.renderer.image(fmt)
        if self.fig.get_layout_engine() is not None:
            self.fig.set_layout_engine("none")
        return data


def two_moons_figure(net, history, *, model=0, X=None, y=None, title=None, resolution=200, epochs=None):
    """The lab's figure for a finished run (chapter 2): boundary, parameters, loss, accuracy.

    ``net`` and ``history`` come from :func:`nnbook.train.train` with ``snapshots=True``
    (any model of a lockstep run: ``model``); ``X``, ``y`` are the points drawn on the
    boundary, by default the test set of :func:`nnbook.data.two_moons`.  Returns a
    matplotlib ``Figure`` that pyplot does not manage.
    """
    _check_run(net, history, model)
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title: expected a string or None, got {type(title).__name__}")
    if epochs is not None:
        epochs = checks.integer(epochs, "epochs", 0, 10**6)
    if (X is None) != (y is None):
        raise ValueError("X, y: give both (the points drawn on the boundary) or neither (the test moons)")
    if X is None:
        _, _, X, y = _data.two_moons(seed=0)
    plot = TwoMoonsPlot(net, history, X, y, model=model, resolution=resolution, live=False)
    plot.update(net, history, title=title, epochs=epochs)
    return plot.fig


class TwoMoonsLab(Demo):
    """Widget: train Glassner's two-moons network live (chapter 2).

    Controls (in ``controls``): ``lr`` (η, log slider), ``preset`` (0.5 / 0.05 / 0.01),
    ``init``, ``seed``, ``epochs`` (the budget play stops at); the buttons are in
    ``bar`` (:class:`~nnbook.widgets.base.ControlBar`).  Changing η, init or seed
    starts a new run at epoch 0 (and keeps playing if it was); changing the budget
    does not.  ``trainer`` is the current :class:`~nnbook.train.Trainer`, ``net`` its
    network, ``plot`` the :class:`TwoMoonsPlot`, ``animation`` the task runner,
    ``status`` the line with the epoch and the accuracies.  While it plays, frames
    are JPEG and the weight and curve panels follow at most every
    :data:`PANEL_EVERY` seconds; paused or finished, the figure is a complete PNG.

    A diverged run (non-finite loss; with a sigmoid output and cross-entropy this
    needs an extreme state) stops and says so in the message line; a network whose
    second hidden layer has died (the η = 0.5 collapse) gets a note.
    """

    def __init__(self, lr=0.05, *, init="N(0, 0.05) (Glassner)", seed=2, epochs=21, chunk=0.005,
                 frame=1 / 15, resolution=80):
        asked = checks.number(lr, "lr", 0.0, low_open=True)
        lr = min(max(asked, LR_RANGE[0]), LR_RANGE[1])
        self._clamped = None if lr == asked else (lr, (
            f"η = {asked:g} is outside the slider's range {LR_RANGE[0]:g} … {LR_RANGE[1]:g}: the lab uses η = {lr:g}"))
        checks.choice(init, "init", tuple(INITS))
        seed = checks.integer(seed, "seed", 0, 10**6)
        epochs = checks.integer(epochs, "epochs", 1, MAX_EPOCHS)
        chunk = checks.number(chunk, "chunk", 0.0, 10.0, low_open=True)
        frame = checks.number(frame, "frame", 0.0, 10.0, low_open=True)
        resolution = checks.integer(resolution, "resolution", 8, 400)
        self.X_train, self.y_train, self.X_test, self.y_test = _data.two_moons(seed=0)
        self.chunk = float(chunk)
        style = {"description_width": "60px"}
        row = widgets.Layout(width="300px")
        controls = {
            "lr": widgets.FloatLogSlider(value=lr, base=10, min=math.log10(LR_RANGE[0]),
                                         max=math.log10(LR_RANGE[1]), step=0.01, description="η",
                                         continuous_update=False, readout_format=".3g", style=style,
                                         layout=row),
            "preset": widgets.ToggleButtons(options=[(f"{p:g}", p) for p in PRESETS],
                                            value=lr if lr in PRESETS else None, description="presets",
                                            style={**style, "button_width": "56px"}),
            "init": widgets.Dropdown(options=list(INITS), value=init, description="init", style=style,
                                     layout=row),
            "seed": widgets.BoundedIntText(value=int(seed), min=0, max=10**6, description="seed", style=style,
                                           layout=widgets.Layout(width="160px")),
            "epochs": widgets.IntSlider(value=int(epochs), min=1, max=MAX_EPOCHS, description="epochs",
                                        continuous_update=False, style=style, layout=row),
        }
        controls["preset"].observe(self._on_preset, names="value")
        self.bar = ControlBar(self.play, self.pause, self.step, self.reset)
        self.animation = Animation(self._advance, self.refresh, frame=frame, on_stop=self._on_stop)
        self.controls = controls
        self.status = widgets.HTML()             # the epoch and the accuracies, updated every frame
        self._alert = None
        self._config = None
        self._new_run(lr, init, int(seed))
        self.budget = int(epochs)
        self.plot = TwoMoonsPlot(self.net, self.trainer.history, self.X_test, self.y_test,
                                 resolution=resolution)
        c = controls
        box = widgets.VBox([widgets.HBox([c["lr"], c["preset"]]), widgets.HBox([c["init"], c["seed"]]),
                            widgets.HBox([c["epochs"], self.bar.box]), self.status])
        super().__init__(self.plot.fig, controls, box=box, interval=0.05)
        self.refresh()

    # -- the run ------------------------------------------------------------------------
    def _new_run(self, lr, init, seed):
        """A new network and trainer for these settings; on bad settings (ValueError) the current
        run stays as it was, whole."""
        net = two_moons_network(seed, init)
        trainer = two_moons_trainer(net, lr, MAX_EPOCHS, data=(self.X_train, self.y_train, self.X_test,
                                                               self.y_test))
        self.net, self.trainer = net, trainer
        self._config = (lr, init, seed)
        self._alert = None
        if hasattr(self, "plot"):
            self.plot.reset_limits()

    @property
    def epoch(self) -> int:
        """Completed epochs of the current run."""
        return self.trainer.epoch

    def _steps_left(self):
        return self.budget * self.trainer.n - self.trainer.samples_seen

    def _advance(self) -> bool:
        """One chunk of training (a few ms); False when the budget is reached or the run diverged."""
        if self._steps_left() <= 0 or self.trainer.diverged[0]:
            return False
        self.trainer.run(steps=self._steps_left(), seconds=self.chunk)
        return self._steps_left() > 0 and not self.trainer.diverged[0] and not self.trainer.done

    # -- the buttons ----------------------------------------------------------------------
    def play(self) -> None:
        """Train until the epoch budget, drawing as it goes (an asyncio task; returns at once)."""
        if self.trainer.diverged[0]:
            return
        if self._steps_left() <= 0:
            self.message.show(f"the budget of {self.budget} epochs is used up: raise 'epochs' or reset", "note")
            return
        self.animation.start()
        self.bar.set_running(True)

    def pause(self) -> None:
        """Stop training after the current chunk; the figure keeps its last frame."""
        self.animation.stop()
        self.bar.set_running(False)

    def step(self) -> None:
        """Pause, then train exactly to the end of the next epoch and draw."""
        self.pause()
        if not self.trainer.diverged[0] and not self.trainer.done:
            n = self.trainer.n
            self.trainer.run(steps=n - self.trainer.samples_seen % n)
        self.refresh()

    def reset(self) -> None:
        """Pause and start the current settings again at epoch 0."""
        self.pause()
        v = self.values()
        try:
            self._new_run(v["lr"], v["init"], v["seed"])
        except ValueError as err:
            self.message.show(str(err), "error")
            return
        self.refresh()

    def _on_stop(self, error) -> None:
        self.bar.set_running(self.animation.running)
        if error is not None:
            self._alert = (f"training stopped: {error}", "error")
            self.message.show(*self._alert)
        elif not self.animation.running:
            self.refresh()                     # the last frame again, as a PNG still

    def _on_preset(self, change) -> None:
        if change["new"] is not None and not self._busy:
            self.controls["lr"].value = change["new"]

    # -- drawing --------------------------------------------------------------------------
    def update(self):
        v = self.values()
        config = (v["lr"], v["init"], v["seed"])
        if config != self._config:
            was_running = self.animation.running
            self.animation.stop()
            try:
                self._new_run(*config)
            except ValueError:
                self.bar.set_running(False)
                raise
            if was_running:
                self.animation.start()
            self.bar.set_running(self.animation.running)
        self.budget = v["epochs"]
        preset = self.controls["preset"]
        wanted = v["lr"] if any(math.isclose(v["lr"], p) for p in PRESETS) else None
        if preset.value != wanted:
            preset.value = wanted
        history = self.trainer.history
        lr, init, seed = self._config
        # The figure's title changes only with the run; the epoch's numbers go to the status
        # line, a widget: text costs matplotlib about 15 ms a line to draw, a widget nothing.
        title = f"η = {lr:.3g}, {init.split(' (')[0]}, seed {seed}"
        status = (f"<b>epoch {history.epochs}</b> of {self.budget}: train accuracy "
                  f"{history.train_acc[-1]:.3f}, test accuracy {history.val_acc[-1]:.3f}")
        if not self.trainer.diverged[0] and not history.learning:
            status += f" · {history.message()}"          # the rule of nnbook.history
        if self.status.value != status:
            self.status.value = status
        if self.trainer.diverged[0]:
            title = f"η = {lr:.3g}, {init.split(' (')[0]}, seed {seed} · {history.message()}"
            self._alert = (f"{history.message()}: lower η and press reset", "error")
        self.plot.update(self.net, history, title=title, epochs=max(self.budget, history.epochs),
                         playing=self.animation.running)
        if self._alert is None and not self.trainer.diverged[0]:
            dead = self.net.dead_units(self.X_train)
            if dead[-1].all():
                return (f"all {dead[-1].size} units of hidden layer {len(dead)} are dead (negative net input "
                        "on every training point): no gradient gets through them, so only the output "
                        "bias still learns")
        if self._clamped is not None and math.isclose(v["lr"], self._clamped[0]):
            return self._clamped[1]
        return None

    def render(self):
        """A JPEG frame while training plays (fast to encode), a PNG still otherwise."""
        if self.animation.running:
            return self.plot.image("jpeg"), "image/jpeg"
        return self.plot.image("png"), "image/png"

    def refresh(self) -> None:
        super().refresh()
        if self._alert is not None:
            self.message.show(*self._alert)

    def close(self) -> None:
        self.animation.stop()
        self.bar.close()
        self.status.close()
        super().close()
