"""The two-moons playground (chapter 6): TensorFlow Playground's controls, and what its users ask
for, trained live in the browser on nnbook's numbers.

The reader picks the data (two moons, circles, XOR, spirals, Gaussian blobs or points of
their own; or, for regression, a plane and Gaussian bumps, :func:`nnbook.data.playground`), the input features
(:func:`nnbook.data.features`), the hidden layers (0 … 6, 1 … 8 units and an activation
each), the initialization, the loss (BCE, the quadratic cost, softmax cross-entropy for
more than two classes), the optimizer, η, the batch size, an L1 or L2 penalty and dropout.
The browser trains (``js/mlp.js``: :class:`nnbook.train.Trainer`'s steps, checked to 1e-9)
and draws the decision boundary, each unit's output, the weights and the loss curves.

* :class:`Playground` — the widget; its configuration is :attr:`Playground.config`, a dict
  that the page's URL hash also holds.
* :func:`initial_params` — the playground's initial weights for a scheme of
  :mod:`nnbook.init`, drawn as the browser draws them (uniform schemes with numpy's own
  ``uniform``; normal schemes by Box–Muller, which the browser can repeat).
* :func:`build` and :func:`run` — the same network and the same training in numpy, from a
  configuration: what "copy as Python" writes out.
* :func:`playground_figure` — the plain drawing function: the boundary over the points and
  the loss per epoch of a configuration trained in numpy, as the widget draws them.
"""
from __future__ import annotations

import numpy as np
import traitlets

from nnbook import checks, data, init as _init, optim
from nnbook.network import MLP
from nnbook.widgets.live import LiveWidget

__all__ = ["ACTIVATIONS", "DEFAULTS", "INITS", "LOSSES", "Playground", "SEEDS", "build", "check_config",
           "initial_params", "playground_figure", "run"]

#: the activations a hidden layer may have ("identity" is TensorFlow Playground's "linear")
ACTIVATIONS = ("relu", "tanh", "sigmoid", "leaky_relu", "identity")
#: the losses, each with its output unit (a regression set has a linear output and "mse")
LOSSES = {"bce": "sigmoid", "mse": "sigmoid", "cross_entropy": "softmax"}
#: the initialization schemes (nnbook.init's)
INITS = tuple(_init.names())
#: seeds 0 … SEEDS − 1 (the browser gets each one's generator state)
SEEDS = 100
MAX_LAYERS, MAX_UNITS = 6, 8
#: the η and λ sliders' ranges (log scale)
LR_RANGE, LAM_RANGE = (1e-4, 3.0), (1e-5, 1.0)
#: the batch sizes offered
BATCH_SIZES = (1, 2, 5, 10, 20, 50, 100, 500)

#: the configuration a new playground starts from
DEFAULTS = {
    "dataset": "moons", "n": 500, "noise": 0.1, "classes": 2, "train_ratio": 0.5, "seed": 0,
    "features": ["x1", "x2"], "layers": [4, 4], "activations": ["relu", "relu"], "init": "glorot_uniform",
    "loss": "bce", "optimizer": "adam", "lr": 0.03, "batch_size": 10, "regularization": "none", "lam": 0.001,
    "dropout": 0.0, "points": [],
}

# the standard deviation of each normal scheme of nnbook.init for a layer (fan_in, fan_out)
_NORMAL_STD = {
    "small_normal": lambda fi, fo: _init.INITS["small_normal"].params["scale"],
    "normal": lambda fi, fo: _init.INITS["normal"].params["std"],
    "large_normal": lambda fi, fo: 1.0,
    "xavier_normal": lambda fi, fo: np.sqrt(2.0 / (fi + fo)),
    "he_normal": lambda fi, fo: np.sqrt(2.0 / fi),
    "lecun_normal": lambda fi, fo: np.sqrt(1.0 / fi),
}


def initial_params(sizes, init, activations, rng):
    """The playground's initial parameters (chapter 6), in the layout of ``MLP.params``: layer by
    layer the weights of scheme ``init`` (biases 0), drawn from ``rng`` (a numpy Generator,
    which carries on: dropout draws from it next).

    The uniform schemes are nnbook.init's own functions; a normal scheme's N(0, 1) draws are
    Box–Muller pairs of ``rng.random()`` (numpy's ziggurat cannot be repeated in the
    browser), times the scheme's standard deviation.  ``activations`` (the hidden ones)
    picks Glorot's A, as :class:`~nnbook.network.MLP` does.
    """
    sizes = [checks.integer(s, "sizes", 1, 10**4) for s in sizes]
    checks.choice(init, "init", INITS)
    rng = checks.generator(rng)
    blocks = []
    for fi, fo in zip(sizes[:-1], sizes[1:]):
        if init in _NORMAL_STD:
            W = _NORMAL_STD[init](fi, fo) * data._normal(rng, fo * fi).reshape(fo, fi)
        elif init == "glorot_uniform":
            W = _init.glorot_uniform((fo, fi), rng, activation=activations[0] if activations else "relu")
        else:
            W = _init.get(init)((fo, fi), rng)
        blocks.append(np.hstack([W, np.zeros((fo, 1))]).ravel())
    return np.concatenate(blocks)


def _names(values, name, options, low, high):
    if isinstance(values, str) or not isinstance(values, (list, tuple)):
        raise TypeError(f"{name}: expected a list, got {type(values).__name__}")
    if not low <= len(values) <= high:
        raise ValueError(f"{name}: expected {low} … {high} entries, got {len(values)}")
    return [checks.choice(v, name, options) for v in values]


def check_config(config, *, partial=False):
    """A complete, checked configuration (chapter 6): ``config`` over ``DEFAULTS``.  ``partial``
    checks each value on its own (a widget's trait while the browser changes several)."""
    if not isinstance(config, dict):
        raise TypeError(f"config: expected a dict, got {type(config).__name__}")
    unknown = set(config) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"config: unknown keys {', '.join(sorted(unknown))}; expected some of {', '.join(DEFAULTS)}")
    c = {**DEFAULTS, **config}
    checks.choice(c["dataset"], "dataset", data.PLAYGROUND_SETS)
    c["n"] = checks.integer(c["n"], "n", 4, 2000)
    c["noise"] = checks.number(c["noise"], "noise", 0, 0.5)
    c["classes"] = checks.integer(c["classes"], "classes", 2, 4)
    c["train_ratio"] = checks.number(c["train_ratio"], "train_ratio", 0.1, 0.9)
    c["seed"] = checks.integer(c["seed"], "seed", 0, SEEDS - 1)
    c["features"] = _names(c["features"], "features", data.FEATURES, 1, len(data.FEATURES))
    if len(set(c["features"])) != len(c["features"]):
        raise ValueError(f"features: expected different features, got {c['features']!r}")
    if not isinstance(c["layers"], (list, tuple)) or len(c["layers"]) > MAX_LAYERS:
        raise ValueError(f"layers: expected a list of 0 … {MAX_LAYERS} layer sizes, got {c['layers']!r}")
    c["layers"] = [checks.integer(u, "layers", 1, MAX_UNITS) for u in c["layers"]]
    low, high = (0, MAX_LAYERS) if partial else (len(c["layers"]), len(c["layers"]))
    c["activations"] = _names(c["activations"], "activations", ACTIVATIONS, low, high)
    checks.choice(c["init"], "init", INITS)
    checks.choice(c["loss"], "loss", tuple(LOSSES))
    checks.choice(c["optimizer"], "optimizer", tuple(optim.names()))
    c["lr"] = checks.number(c["lr"], "lr", *LR_RANGE)
    c["batch_size"] = checks.integer(c["batch_size"], "batch_size", 1, 2000)
    checks.choice(c["regularization"], "regularization", ("none", "l1", "l2"))
    c["lam"] = checks.number(c["lam"], "lam", *LAM_RANGE)
    c["dropout"] = checks.number(c["dropout"], "dropout", 0, 0.9)
    if not isinstance(c["points"], (list, tuple)):
        raise TypeError(f"points: expected a list of rows (x1, x2, class), got {type(c['points']).__name__}")
    if partial:
        if c["points"]:
            data._custom_points(c["points"], minimum=1)
        return c
    if c["dropout"] and not c["layers"]:
        raise ValueError("dropout: a network without hidden layers has no units to drop")
    if c["dataset"] == "custom":
        data._custom_points(c["points"])
    return c


def _classes(c):
    """The classes the set has: 2 for moons, circles and XOR, ``classes`` for spirals and blobs."""
    return 2 if c["dataset"] in ("moons", "circles", "xor") else c["classes"]


def _data(c):
    points = c["points"] if c["dataset"] == "custom" else None
    X, y, X_test, y_test = data.playground(c["dataset"], n=c["n"], noise=c["noise"], classes=_classes(c),
                                           train_ratio=c["train_ratio"], seed=c["seed"], points=points)
    return data.features(X, c["features"]), y, data.features(X_test, c["features"]), y_test


def _regression(c):
    return c["dataset"] in data.REGRESSION_SETS


def _output(c):
    """The output unit: the identity for a regression set, else the loss's (sigmoid or softmax)."""
    return "identity" if _regression(c) else LOSSES[c["loss"]]


def _outputs(c, y):
    """Output units: one for BCE and the quadratic cost (two classes), one per class for softmax."""
    if _regression(c):
        if c["loss"] != "mse":
            raise ValueError(f"loss: a regression set has real targets, not classes; {c['loss']} needs classes, "
                             "use loss='mse' (the quadratic cost of an identity output)")
        return 1
    k = _classes(c) if c["dataset"] != "custom" else int(y.max()) + 1
    if c["loss"] != "cross_entropy":
        if k > 2:
            raise ValueError(f"loss: {c['loss']} has one output unit for two classes; {k} classes need "
                             "loss='cross_entropy'")
        return 1
    return max(2, k)


def build(config):
    """The playground's network for ``config`` in numpy (chapter 6): ``(net, rng)``, an
    :class:`~nnbook.network.MLP` with the playground's initial weights and the generator its
    dropout draws from."""
    c = check_config(config)
    _, y, _, y_test = _data(c)
    sizes = [len(c["features"]), *c["layers"], _outputs(c, np.concatenate([y, y_test]))]
    rng = np.random.default_rng(c["seed"])
    params = initial_params(sizes, c["init"], c["activations"], rng)
    net = MLP(sizes, c["activations"], _output(c), loss=c["loss"], init="zeros", seed=rng,
              dropout=c["dropout"])
    net.params = params
    return net, rng


def run(config, epochs=1):
    """Train the playground's configuration for ``epochs`` in numpy (chapter 6): ``(net, history)``,
    what the browser computes for the same settings."""
    c = check_config(config)
    epochs = checks.integer(epochs, "epochs", 0, 10**5)
    X, y, X_test, y_test = _data(c)
    net, _ = build(c)
    from nnbook.train import train
    penalty = {c["regularization"]: c["lam"]} if c["regularization"] != "none" else {}
    history = train(net, X, y, validation=(X_test, y_test), epochs=epochs, batch_size=c["batch_size"],
                    lr=c["lr"], optimizer=c["optimizer"], seed=c["seed"], **penalty)
    return net, history


#: the plots show [−VIEW, VIEW]² (the widget's view)
VIEW = 1.75 * data.EXTENT


def playground_figure(config=None, epochs=30, *, resolution=120):
    """The playground's figure for ``config`` trained ``epochs`` in numpy (chapter 6): the decision
    boundary over the points (training filled, test hollow) and the loss per epoch, train and
    test.  Returns a matplotlib ``Figure`` that pyplot does not manage."""
    from nnbook import plots
    c = check_config({} if config is None else config)
    resolution = checks.integer(resolution, "resolution", 10, 400)
    net, history = run(c, epochs)
    points = c["points"] if c["dataset"] == "custom" else None
    X, y, X_test, y_test = data.playground(c["dataset"], n=c["n"], noise=c["noise"], classes=_classes(c),
                                           train_ratio=c["train_ratio"], seed=c["seed"], points=points)
    fig, (left, right) = plots.new_figure(1, 2, figsize=(8.0, 3.6))
    axis = np.linspace(-VIEW, VIEW, resolution)
    G1, G2 = np.meshgrid(axis, axis)
    out = net.forward(data.features(np.column_stack([G1.ravel(), G2.ravel()]), c["features"]))
    colours = plots.STYLE["classes"]
    if _regression(c):
        left.contourf(G1, G2, np.clip(out[:, 0], -1, 1).reshape(G1.shape), levels=np.linspace(-1, 1, 11),
                      cmap=plots.STYLE["cmap"], alpha=0.4)
    elif out.shape[1] == 1:
        left.contourf(G1, G2, out[:, 0].reshape(G1.shape), levels=np.linspace(0, 1, 11), cmap=plots.STYLE["cmap"], alpha=0.4)
    else:
        from matplotlib.colors import ListedColormap
        left.contourf(G1, G2, out.argmax(axis=1).reshape(G1.shape), levels=np.arange(out.shape[1] + 1) - 0.5,
                      cmap=ListedColormap(colours[:out.shape[1]]), alpha=0.3)
    cmap = __import__("matplotlib").colormaps[plots.STYLE["cmap"]]
    for Xs, ys, hollow in ((X, y, False), (X_test, y_test, True)):
        cs = ([cmap(0.5 + 0.5 * float(np.clip(v, -1, 1))) for v in ys] if _regression(c)
              else [colours[int(k) % len(colours)] for k in ys])
        left.scatter(Xs[:, 0], Xs[:, 1], s=10, c="white" if hollow else cs, edgecolors=cs if hollow else "white",
                     linewidths=0.8 if hollow else 0.3)
    left.set(xlim=(-VIEW, VIEW), ylim=(-VIEW, VIEW), xlabel="x₁", ylabel="x₂", aspect="equal",
             title=f"{'output' if _regression(c) else 'decision boundary'}, epoch {history.epochs}")
    epochs_axis = np.arange(history.epochs + 1)
    right.plot(epochs_axis, history.train_loss, label="train", **plots.STYLE["train"])
    right.plot(epochs_axis, history.val_loss, label="test", **plots.STYLE["val"])
    right.set(xlabel="epoch", title=f"loss ({c['loss'].replace('_', '-')})", ylim=(0, None))
    right.legend()
    return fig


def _state(seed):
    s = np.random.default_rng(seed).bit_generator.state
    return {"state": {"state": str(s["state"]["state"]), "inc": str(s["state"]["inc"])},
            "has_uint32": int(s["has_uint32"]), "uinteger": int(s["uinteger"])}


class Playground(LiveWidget):
    """Widget: the two-moons playground, trained and drawn in the browser (chapter 6).

    Every control is a trait (synced both ways) named as its key in ``DEFAULTS``
    (a new ``layers`` keeps the activations it can and repeats the last one);
    :attr:`config` is them all as one dict, which :func:`run` trains in numpy.  The browser
    sends back ``epoch`` and ``history`` (per-epoch loss and accuracy, train and test) when
    training pauses, and ``message`` shows a divergence, a dead network, an empty class or a
    loss that does not fit the classes.  ``Playground(**config)`` starts from a
    configuration (e.g. one copied from the page's URL hash).
    """

    module = "playground"
    controls = tuple(DEFAULTS)
    seed_states = traitlets.List().tag(sync=True)
    options = traitlets.Dict().tag(sync=True)
    defaults = traitlets.Dict().tag(sync=True)

    dataset = traitlets.Unicode(DEFAULTS["dataset"]).tag(sync=True)
    n = traitlets.Int(DEFAULTS["n"]).tag(sync=True)
    noise = traitlets.Float(DEFAULTS["noise"]).tag(sync=True)
    classes = traitlets.Int(DEFAULTS["classes"]).tag(sync=True)
    train_ratio = traitlets.Float(DEFAULTS["train_ratio"]).tag(sync=True)
    seed = traitlets.Int(DEFAULTS["seed"]).tag(sync=True)
    features = traitlets.List(traitlets.Unicode(), DEFAULTS["features"]).tag(sync=True)
    layers = traitlets.List(traitlets.Int(), DEFAULTS["layers"]).tag(sync=True)
    activations = traitlets.List(traitlets.Unicode(), DEFAULTS["activations"]).tag(sync=True)
    init = traitlets.Unicode(DEFAULTS["init"]).tag(sync=True)
    loss = traitlets.Unicode(DEFAULTS["loss"]).tag(sync=True)
    optimizer = traitlets.Unicode(DEFAULTS["optimizer"]).tag(sync=True)
    lr = traitlets.Float(DEFAULTS["lr"]).tag(sync=True)
    batch_size = traitlets.Int(DEFAULTS["batch_size"]).tag(sync=True)
    regularization = traitlets.Unicode(DEFAULTS["regularization"]).tag(sync=True)
    lam = traitlets.Float(DEFAULTS["lam"]).tag(sync=True)
    dropout = traitlets.Float(DEFAULTS["dropout"]).tag(sync=True)
    points = traitlets.List(traitlets.List()).tag(sync=True)

    epoch = traitlets.Int(0).tag(sync=True)
    history = traitlets.Dict().tag(sync=True)

    def __init__(self, **config):
        c = check_config(config)
        options = {"sets": list(data.PLAYGROUND_SETS), "features": list(data.FEATURES), "activations": list(ACTIVATIONS),
                   "inits": list(INITS), "losses": list(LOSSES), "optimizers": list(optim.names()),
                   "lr_range": list(LR_RANGE), "lam_range": list(LAM_RANGE), "batch_sizes": list(BATCH_SIZES),
                   "max_layers": MAX_LAYERS, "max_units": MAX_UNITS}
        super().__init__(seed_states=[_state(s) for s in range(SEEDS)], options=options, defaults=DEFAULTS, **c)

    @property
    def config(self):
        """The current configuration: every control's value, as a dict that :func:`run` takes."""
        return {key: getattr(self, key) for key in DEFAULTS}

    @traitlets.observe("layers")
    def _one_activation_per_layer(self, change):
        """A new depth keeps the activations it can and repeats the last one (relu for none)."""
        acts = list(self.activations[:len(change["new"])])
        acts += [acts[-1] if acts else "relu"] * (len(change["new"]) - len(acts))
        if acts != self.activations:
            self.activations = acts

    @traitlets.validate(*DEFAULTS)
    def _valid(self, proposal):
        key = proposal["trait"].name
        return check_config({key: proposal["value"]}, partial=True)[key]
