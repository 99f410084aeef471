"""The two-moons lab (chapter 2): Glassner's 2-4-4-1 classifier, trained live in the browser.

Glassner's protocol (Deep Learning: A Visual Approach, 2021, ch. 14): two moons of
2048 points with noise 0.08, split 75/25 and standardized (:func:`nnbook.data.two_moons`);
the network 2 → 4 ReLU → 4 ReLU → 1 sigmoid (37 parameters), weights N(0, 0.05), biases 0,
binary cross-entropy, per-sample SGD with learning rate η.

* :class:`TwoMoonsPlot` — one figure: the decision boundary over the test points (top
  left), the history of all 37 parameters (top right, the biggest movers on top), the
  loss and the accuracy per epoch, train and test (bottom).  It is built from
  :mod:`nnbook.plots`.
* :func:`two_moons_figure` — the plain drawing function: that figure for a finished run
  (a network and its :class:`~nnbook.history.History`, any model of a lockstep run).  The
  chapter draws its runs with it.
* :class:`TwoMoonsLab` — the live widget: η (a log slider and the book's three presets),
  initialization, seed, epoch budget and speed; play / pause / step / reset.  The browser
  trains and draws (``js/two_moons_lab.js``, the same numbers as nnbook), so the lab is
  live on the static site and the kernel is never busy.  Bad states are shown, not
  raised: a diverged run, a run that is not learning, and the dead network of the
  η = 0.5 collapse.

The seed picks the initial weights; the data, and the order in which each epoch
visits them, are the same for every run (shuffle seed :data:`nnbook.experiments.ORDER_SEED`), as in the
chapter's lockstep experiment, so the lab's run for seed s is the chapter's model s.
"""
from __future__ import annotations

import numpy as np
import traitlets
from matplotlib.figure import Figure

from nnbook import checks
from nnbook import data as _data
from nnbook import plots
from nnbook.experiments import LEARNING_RATES as PRESETS
from nnbook.experiments import ORDER_SEED, TWO_MOONS_SIZES
from nnbook.experiments import TWO_MOONS_INITS as INITS
from nnbook.experiments import two_moons_network
from nnbook.lockstep import lockstep
from nnbook.widgets.live import LiveWidget, float64_bytes, from_float64_bytes

__all__ = ["INITS", "PRESETS", "SPEEDS", "MAX_SEEDS", "TwoMoonsLab", "TwoMoonsPlot", "lab_data", "two_moons_figure"]

#: Epochs the trainer is set up for; the lab's epoch budget stops play earlier.
MAX_EPOCHS = 1000
#: The η slider's range (log scale): a requested η outside it is clamped, and the lab says so.
LR_RANGE = (1e-4, 10.0)
FIGSIZE = (7.6, 5.6)
DPI = 80
# The weight panel's legend: small, opaque, over the lines.
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
    """The lab's figure (chapter 2) for a finished run: boundary, weights, loss and accuracy.

    ``net`` is an MLP (model ``model`` of its K is shown), ``history`` its
    :class:`~nnbook.history.History` with weight snapshots; ``X``, ``y`` the points drawn
    on the boundary panel (the test set).  Attributes: ``fig``, ``boundary``
    (:class:`~nnbook.plots.BoundaryPlot`), ``weights`` (:class:`~nnbook.plots.WeightPlot`),
    ``curves`` (:class:`~nnbook.plots.HistoryPlot`) and ``title`` (the figure's title text).
    The live lab draws the same panels in the browser (``js/two_moons_lab.js``).
    """

    def __init__(self, net, history, X, y, *, model=0, resolution=120, figsize=FIGSIZE, dpi=DPI, top=5):
        model = _check_run(net, history, model)
        _check_figure_size(figsize, dpi)
        self.model, self.top = model, top
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
        self.update(net, history)

    def update(self, net, history, *, title=None, epochs=None):
        """Redraw from ``net`` (its current parameters) and ``history``; ``epochs`` fixes the x-range."""
        history = _one_run(history, self.model)
        self.boundary.update(net)
        w = history.weights
        right = max(1, epochs if epochs is not None else history.epochs)
        self.curves.update(history)
        self.weights.update(w, resort=True)          # the biggest movers on top, in the legend
        for ax in (self.weights.ax, *self.curves.axes):
            ax.set_xlim(0, right)
        finite = w[np.isfinite(w)]
        losses = np.concatenate([history.train_loss, history.val_loss])
        losses = losses[np.isfinite(losses)]
        lo, hi = finite.min(initial=-1.0), finite.max(initial=1.0)
        self.weights.ax.set_ylim(lo - 0.08 * (hi - lo), hi + 0.08 * (hi - lo))
        self.curves.axes[0].set_ylim(0.0, 1.08 * max(0.8, losses.max(initial=0.0)))
        self.curves.axes[1].set_ylim(0.4, 1.02)
        if title is None:
            title = (f"epoch {history.epochs}: train accuracy {history.train_acc[-1]:.3f}, "
                     f"test accuracy {history.val_acc[-1]:.3f}")
        self.title.set_text(title)
        return self


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
    plot = TwoMoonsPlot(net, history, X, y, model=model, resolution=resolution)
    plot.update(net, history, title=title, epochs=epochs)
    return plot.fig


class TwoMoonsLab(LiveWidget):
    """Widget: train Glassner's two-moons network live, in the browser (chapter 2).

    Live in JupyterLab and on the static site.  Python prepares the run and the browser
    trains it (``js/mlp.js``: per-sample SGD, binary cross-entropy, the numbers of
    :func:`nnbook.experiments.two_moons_run`): the moons (``x_train`` … as float64 bytes),
    the data order (``order``, the state of the shuffle generator of
    :data:`nnbook.experiments.ORDER_SEED`)
    and the initial weights of ``seeds`` seeds for each initialization of
    :data:`nnbook.experiments.TWO_MOONS_INITS` (``init_params``), so seed s in the lab is model s of the chapter's lockstep runs.

    Controls (traits, synced both ways): ``lr`` (η, a log slider and the presets
    0.5 / 0.05 / 0.01), ``init``, ``seed``, ``epochs`` (the budget play stops at) and
    ``speed`` (epochs per second, 0: as fast as the browser can); play / pause / step /
    reset are buttons in the widget.  Changing η, init or seed starts a new run at epoch 0.
    When training pauses or ends, the browser sends back ``params``, ``epoch`` and
    ``history`` (the per-epoch loss and accuracy, train and test); :attr:`net` is that
    network.  The status line says when a run is not learning (the rule of
    :mod:`nnbook.history`), ``message`` shows a divergence, a dead layer or a clamped η.
    """

    module = "two_moons_lab"
    controls = ("lr", "init", "seed", "epochs", "speed")
    sizes = traitlets.List(traitlets.Int()).tag(sync=True)
    hidden = traitlets.Unicode("relu").tag(sync=True)
    inits = traitlets.List(traitlets.Unicode()).tag(sync=True)
    seeds = traitlets.Int(20).tag(sync=True)
    init_params = traitlets.Bytes().tag(sync=True)
    x_train = traitlets.Bytes().tag(sync=True)
    y_train = traitlets.Bytes().tag(sync=True)
    x_test = traitlets.Bytes().tag(sync=True)
    y_test = traitlets.Bytes().tag(sync=True)
    order = traitlets.Dict().tag(sync=True)
    presets = traitlets.List(traitlets.Float()).tag(sync=True)
    lr_range = traitlets.List(traitlets.Float()).tag(sync=True)
    max_epochs = traitlets.Int(MAX_EPOCHS).tag(sync=True)
    note = traitlets.Unicode("").tag(sync=True)
    note_lr = traitlets.Float(0.0).tag(sync=True)

    lr = traitlets.Float(0.05).tag(sync=True)
    init = traitlets.Unicode(next(iter(INITS))).tag(sync=True)
    seed = traitlets.Int(2).tag(sync=True)
    epochs = traitlets.Int(21).tag(sync=True)
    speed = traitlets.Float(5.0).tag(sync=True)

    params = traitlets.Bytes(b"").tag(sync=True)
    epoch = traitlets.Int(0).tag(sync=True)
    history = traitlets.Dict().tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)

    def __init__(self, lr=0.05, *, init="N(0, 0.05) (Glassner)", seed=2, epochs=21, seeds=20, speed=5):
        asked = checks.number(lr, "lr", 0.0, low_open=True)
        lr = min(max(asked, LR_RANGE[0]), LR_RANGE[1])
        note = "" if lr == asked else (f"η = {asked:g} is outside the slider's range {LR_RANGE[0]:g} … "
                                       f"{LR_RANGE[1]:g}: the lab uses η = {lr:g}")
        checks.choice(init, "init", tuple(INITS))
        seeds = checks.integer(seeds, "seeds", 1, MAX_SEEDS)
        seed = checks.integer(seed, "seed", 0, seeds - 1)
        epochs = checks.integer(epochs, "epochs", 1, MAX_EPOCHS)
        if isinstance(speed, bool) or not isinstance(speed, (int, float, np.integer, np.floating)) or speed not in SPEEDS:
            raise ValueError(f"speed: expected epochs per second, one of {', '.join(map(str, SPEEDS))} "
                             f"(0: as fast as the browser can), got {speed!r}")
        payload = lab_data(seeds)
        super().__init__(**payload, presets=list(PRESETS), lr_range=list(LR_RANGE), max_epochs=MAX_EPOCHS,
                         note=note, note_lr=lr, lr=lr, init=init, seed=seed, epochs=epochs, speed=float(speed))

    @traitlets.validate("lr")
    def _valid_lr(self, proposal):
        return checks.number(proposal["value"], "lr", LR_RANGE[0], LR_RANGE[1])

    @traitlets.validate("init")
    def _valid_init(self, proposal):
        return checks.choice(proposal["value"], "init", tuple(INITS))

    @traitlets.validate("seed")
    def _valid_seed(self, proposal):
        return checks.integer(proposal["value"], "seed", 0, self.seeds - 1)

    @traitlets.validate("epochs")
    def _valid_epochs(self, proposal):
        return checks.integer(proposal["value"], "epochs", 1, MAX_EPOCHS)

    @property
    def net(self):
        """The lab's network as the browser last sent it (after a pause, a step or the end of a
        run; before the first, the run's initial network): an nnbook ``MLP``."""
        net = two_moons_network(self.seed, self.init)
        if self.params:
            net.params = from_float64_bytes(self.params)
        return net


#: the speeds the lab offers, in epochs per second (0: as fast as the browser can)
SPEEDS = (1, 5, 20, 0)
#: the most seeds the lab prepares initial weights for
MAX_SEEDS = 1000


def lab_data(seeds=20):
    """What the browser needs to train the chapter's runs (chapter 2): the sizes and the hidden
    activation, the moons and their order, and the initial weights of ``seeds`` seeds for
    each initialization of :data:`nnbook.experiments.TWO_MOONS_INITS` (float64 bytes, init-major)."""
    seeds = checks.integer(seeds, "seeds", 1, MAX_SEEDS)
    X, y, X_test, y_test = _data.two_moons(seed=0)
    params = [two_moons_network(models=lockstep(seed=range(seeds)), init=label).params for label in INITS]
    state = np.random.default_rng(ORDER_SEED).bit_generator.state
    order = {"state": {"state": str(state["state"]["state"]), "inc": str(state["state"]["inc"])},
             "has_uint32": int(state["has_uint32"]), "uinteger": int(state["uinteger"])}
    return {"sizes": list(TWO_MOONS_SIZES), "hidden": "relu", "inits": list(INITS), "seeds": seeds,
            "init_params": float64_bytes(np.stack(params)), "x_train": float64_bytes(X),
            "y_train": float64_bytes(y), "x_test": float64_bytes(X_test), "y_test": float64_bytes(y_test),
            "order": order}
