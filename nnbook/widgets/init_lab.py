"""The init lab (chapter 4): a random deep net's activations and deltas, layer by layer, live in the browser.

The reader picks an initialization scheme, the activation, the depth, the width, the scale of
the inputs and whether each layer is batch-normalized; the browser (``js/init_lab.js``) draws
the weights, runs a forward and a backward pass on ``SAMPLES`` inputs and shows the
histograms of a⁽ˡ⁾ and δ⁽ˡ⁾ for five layers and their standard deviations across depth.
:meth:`InitLab.signals` computes the same with :func:`nnbook.signals.propagate` (held to the
browser's numbers within 1e-9 by tests/test_widgets_js.py).

**The lab's random numbers.**  numpy's normal draws cannot be replayed cheaply in JavaScript,
so the lab's weights, inputs and output gradient come from a counter-based generator that
both sides compute (:func:`lab_uniform`, :func:`lab_normal`): entry i of stream s is a hash
of (s, seed, i), turned into a uniform number with 53 random bits, and into a normal one by
Box–Muller.  Each scheme scales one base draw, w = scale · ε (ε ~ N(0, 1)) or
w = scale · (2u − 1) (u ~ U[0, 1)), with the scale of the nnbook.init scheme it names
(``SCHEMES``; a test holds each to nnbook.init's variance).  The weight (i, j) of layer l
is the same number at every width, so widening a layer adds units and keeps the others.
"""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import traitlets

from nnbook import checks, init as _init, signals
from nnbook.widgets.live import LiveWidget

__all__ = ["InitLab", "SCHEMES", "ACTIVATIONS", "SAMPLES", "MAX_DEPTH", "MAX_WIDTH", "INPUT_SCALE",
           "lab_uniform", "lab_normal", "scheme_scale", "init_lab_figure"]

#: inputs per forward pass
SAMPLES = 32
#: the depth and width sliders' maxima (the weights' index space is MAX_WIDTH² per layer)
MAX_DEPTH, MAX_WIDTH = 50, 100
_INDEX_WIDTH = 128
#: the input scale slider's range (log)
INPUT_SCALE = (0.01, 100.0)
#: the activations the lab offers
ACTIVATIONS = ("sigmoid", "tanh", "relu", "identity")
#: the streams of the lab's generator
_WEIGHTS_NORMAL, _WEIGHTS_UNIFORM, _INPUTS, _OUT_GRAD = 0, 1, 2, 3

#: scheme → label, base draw ("normal": ε, "uniform": 2u − 1, "uniform01": u, "zeros") and its scale
#: scale = c / √(in·fan_in + out·fan_out) (c alone when in = out = 0); A: c = √A with scikit-learn's A;
#: ``nnbook`` is the nnbook.init scheme with the same distribution (for the tests and the text)
SCHEMES = {
    "zeros": {"label": "zeros", "base": "zeros", "c": 0.0, "in": 0, "out": 0, "nnbook": ("zeros", {})},
    "small_uniform": {"label": "0.01·U[0, 1) (early practice)", "base": "uniform01", "c": 0.01, "in": 0, "out": 0,
                      "nnbook": ("small_uniform", {})},
    "small_normal": {"label": "0.01·N(0, 1) (early practice)", "base": "normal", "c": 0.01, "in": 0, "out": 0,
                     "nnbook": ("small_normal", {})},
    "keras": {"label": "N(0, 0.05²) (Keras, Glassner)", "base": "normal", "c": 0.05, "in": 0, "out": 0,
              "nnbook": ("normal", {"std": 0.05})},
    "qiu": {"label": "N(0, 0.01) (Qiu: variance 0.01)", "base": "normal", "c": 0.1, "in": 0, "out": 0,
            "nnbook": ("normal", {"std": 0.1})},
    "large_normal": {"label": "N(0, 1) (Nielsen's old)", "base": "normal", "c": 1.0, "in": 0, "out": 0,
                     "nnbook": ("large_normal", {})},
    "lecun_normal": {"label": "N(0, 1/n_in) (Nielsen, Caffe)", "base": "normal", "c": 1.0, "in": 1, "out": 0,
                     "nnbook": ("lecun_normal", {})},
    "xavier_normal": {"label": "N(0, 2/(n_in + n_out)) (Xavier)", "base": "normal", "c": math.sqrt(2), "in": 1,
                      "out": 1, "nnbook": ("xavier_normal", {})},
    "glorot_uniform": {"label": "Glorot uniform (scikit-learn's A)", "base": "uniform", "c": None, "in": 1,
                       "out": 1, "nnbook": ("glorot_uniform", {})},
    "glorot_4x": {"label": "Glorot uniform ×4 (Glorot & Bengio's sigmoid)", "base": "uniform",
                  "c": 4 * math.sqrt(6), "in": 1, "out": 1,
                  "nnbook": ("glorot_uniform", {"activation": "tanh", "gain": 4.0})},
    "he_normal": {"label": "He normal N(0, 2/n_in)", "base": "normal", "c": math.sqrt(2), "in": 1, "out": 0,
                  "nnbook": ("he_normal", {})},
    "he_uniform": {"label": "He uniform U(±√(6/n_in))", "base": "uniform", "c": math.sqrt(6), "in": 1, "out": 0,
                   "nnbook": ("he_uniform", {})},
}


def _hash32(x):
    """A 32-bit integer hash (Wellons' "lowbias32"), on uint32 arrays; js/init_lab.js has the same."""
    x = x ^ (x >> np.uint32(16))
    x = x * np.uint32(0x7FEB352D)
    x = x ^ (x >> np.uint32(15))
    x = x * np.uint32(0x846CA68B)
    return x ^ (x >> np.uint32(16))


def _word(stream, seed, index):
    key = _hash32(np.array([seed * 16 + stream], dtype=np.uint32))
    return _hash32(_hash32(index.astype(np.uint32)) ^ key)


def _stream_args(stream, seed, index):
    stream, seed = checks.integer(stream, "stream", 0, 15), checks.integer(seed, "seed", 0, 2**20)
    index = checks.real_array(index, "index", nonempty=False)
    if np.any(index < 0) or np.any(index >= 2**29) or np.any(index != np.round(index)):
        raise ValueError("index: expected integers in 0 … 2**29 − 1")
    return stream, seed, index.astype(np.int64)


def lab_uniform(stream, seed, index):
    """Uniform numbers in [0, 1) with 53 random bits: entries ``index`` of ``stream`` (chapter 4's lab)."""
    stream, seed, index = _stream_args(stream, seed, index)
    hi = _word(stream, seed, 2 * index) >> np.uint32(5)
    lo = _word(stream, seed, 2 * index + 1) >> np.uint32(6)
    return (hi.astype(float) * 67108864.0 + lo.astype(float)) / 9007199254740992.0


def lab_normal(stream, seed, index):
    """Standard normal numbers by Box–Muller from two of :func:`lab_uniform`'s (chapter 4's lab)."""
    stream, seed, index = _stream_args(stream, seed, index)
    u1, u2 = lab_uniform(stream, seed, 2 * index), lab_uniform(stream, seed, 2 * index + 1)
    return np.sqrt(-2.0 * np.log(1.0 - u1)) * np.cos(2.0 * np.pi * u2)


def scheme_scale(scheme, fan_in, fan_out, activation):
    """The factor of a scheme's base draw (chapter 4's lab): c / √(in·fan_in + out·fan_out)."""
    row = SCHEMES[checks.choice(scheme, "scheme", tuple(SCHEMES))]
    fan_in, fan_out = checks.integer(fan_in, "fan_in", 1), checks.integer(fan_out, "fan_out", 1)
    activation = checks.choice(activation, "activation", ACTIVATIONS)
    c = row["c"] if row["c"] is not None else math.sqrt(2.0 if activation == "sigmoid" else 6.0)
    denominator = row["in"] * fan_in + row["out"] * fan_out
    return c / math.sqrt(denominator) if denominator else c


def _base(kind, stream, seed, index):
    if kind == "zeros":
        return np.zeros(index.shape)
    if kind == "normal":
        return lab_normal(stream, seed, index)
    u = lab_uniform(stream, seed, index)
    return u if kind == "uniform01" else 2.0 * u - 1.0


class InitLab(LiveWidget):
    """Widget: a random deep net's activations and gradients through depth, per scheme (chapter 4).

    Traits (synced both ways): ``scheme`` (a key of ``SCHEMES``), ``activation``,
    ``depth`` (1 … 50 layers), ``width`` (2 … 100 units; the inputs have as many),
    ``input_scale`` (inputs N(0, s²)), ``batch_norm`` (normalize every z⁽ˡ⁾) and ``seed``.
    :meth:`signals` is what the browser shows, computed by nnbook.
    """

    module = "init_lab"
    controls = ("scheme", "activation", "depth", "width", "input_scale", "batch_norm", "seed")
    schemes = traitlets.Dict().tag(sync=True)
    samples = traitlets.Int(SAMPLES).tag(sync=True)
    max_depth = traitlets.Int(MAX_DEPTH).tag(sync=True)
    max_width = traitlets.Int(MAX_WIDTH).tag(sync=True)

    scheme = traitlets.Unicode("glorot_uniform").tag(sync=True)
    activation = traitlets.Unicode("tanh").tag(sync=True)
    depth = traitlets.Int(10).tag(sync=True)
    width = traitlets.Int(100).tag(sync=True)
    input_scale = traitlets.Float(1.0).tag(sync=True)
    batch_norm = traitlets.Bool(False).tag(sync=True)
    seed = traitlets.Int(0).tag(sync=True)

    def __init__(self, scheme="glorot_uniform", activation="tanh", *, depth=10, width=100, input_scale=1.0,
                 batch_norm=False, seed=0):
        settings = {"scheme": scheme, "activation": activation, "depth": depth, "width": width,
                    "input_scale": input_scale, "batch_norm": batch_norm, "seed": seed}
        settings = {key: self._check(key, value) for key, value in settings.items()}
        table = {name: {k: v for k, v in row.items() if k != "nnbook"} for name, row in SCHEMES.items()}
        super().__init__(schemes=table, **settings)

    @staticmethod
    def _check(key, value):
        if key == "scheme":
            return checks.choice(value, "scheme", tuple(SCHEMES))
        if key == "activation":
            return checks.choice(value, "activation", ACTIVATIONS)
        if key == "depth":
            return checks.integer(value, "depth", 1, MAX_DEPTH)
        if key == "width":
            return checks.integer(value, "width", 2, MAX_WIDTH)
        if key == "input_scale":
            return checks.number(value, "input_scale", *INPUT_SCALE)
        if key == "batch_norm":
            return checks.flag(value, "batch_norm")
        return checks.integer(value, "seed", 0, 2**20)

    @traitlets.validate(*controls)
    def _valid(self, proposal):
        return self._check(proposal["trait"].name, proposal["value"])

    def weights(self):
        """The lab's W⁽¹⁾ … W⁽ᴰ⁾ (width × width), as the browser draws them (chapter 4)."""
        row, n = SCHEMES[self.scheme], self.width
        stream = _WEIGHTS_NORMAL if row["base"] == "normal" else _WEIGHTS_UNIFORM
        i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
        scale = scheme_scale(self.scheme, n, n, self.activation)
        return [scale * _base(row["base"], stream, self.seed, (l * _INDEX_WIDTH + i) * _INDEX_WIDTH + j)
                for l in range(self.depth)]

    def inputs(self):
        """The SAMPLES × width inputs, N(0, input_scale²) (chapter 4)."""
        s, j = np.meshgrid(np.arange(SAMPLES), np.arange(self.width), indexing="ij")
        return self.input_scale * lab_normal(_INPUTS, self.seed, s * _INDEX_WIDTH + j)

    def out_grad(self):
        """∂L/∂a⁽ᴰ⁾: standard normal numbers, a random output gradient (chapter 4)."""
        s, j = np.meshgrid(np.arange(SAMPLES), np.arange(self.width), indexing="ij")
        return lab_normal(_OUT_GRAD, self.seed, s * _INDEX_WIDTH + j)

    def signals(self):
        """:func:`nnbook.signals.propagate` of the lab's net, inputs and output gradient (chapter 4)."""
        return signals.propagate(self.inputs(), self.weights(), self.activation, self.out_grad(),
                                 batch_norm_layers=self.batch_norm)


def shown_layers(depth):
    """The (at most five) layers whose histograms the lab draws: 1, …, D evenly spaced (chapter 4)."""
    return sorted({round(1 + k * (depth - 1) / 4) for k in range(5)})


def init_lab_figure(lab=None, **settings):
    """The init lab's picture in matplotlib (chapter 4): std of a⁽ˡ⁾ and δ⁽ˡ⁾ across depth, and
    the histograms of a and δ at five layers.  ``lab`` an :class:`InitLab`, or its settings."""
    lab = InitLab(**settings) if lab is None else lab
    if not isinstance(lab, InitLab):
        raise TypeError(f"lab: expected an InitLab, got {type(lab).__name__}")
    sig = lab.signals()
    layers = np.arange(1, lab.depth + 1)
    fig, axes = plt.subplots(1, 3, figsize=(10, 3.2), layout="constrained")
    with np.errstate(divide="ignore"):
        axes[0].semilogy(layers, sig.a_std, "o-", ms=3, label="std of a⁽ˡ⁾")
        axes[0].semilogy(layers, sig.delta_std, "s--", ms=3, label="std of δ⁽ˡ⁾")
    axes[0].set_xlabel("layer l")
    axes[0].set_title(f"{SCHEMES[lab.scheme]['label']}\n{lab.activation}, {lab.width} wide"
                      f"{', batch norm' if lab.batch_norm else ''}", fontsize=9)
    axes[0].legend(fontsize=8)
    for ax, values, name in ((axes[1], sig.a[1:], "a"), (axes[2], sig.delta, "δ")):
        for l in shown_layers(lab.depth):
            v = values[l - 1].ravel()
            if np.all(np.isfinite(v)):
                ax.hist(v, bins=60, histtype="step", density=True, label=f"layer {l}")
        ax.set_title(f"histograms of {name} (five layers)", fontsize=9)
        ax.legend(fontsize=7)
    return fig
