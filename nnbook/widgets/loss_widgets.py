"""The loss-function widgets (chapter 3), live in the browser.

* :class:`SlowdownNeuron` — Nielsen's learning slowdown: one sigmoid neuron, input 1, target 0,
  trained from the same start with the quadratic cost and with the cross-entropy, side by side
  (output and cost per epoch, the sigmoid with the start and its σ′ factor).
  :meth:`SlowdownNeuron.runs` trains the same two runs with :func:`nnbook.train`.
* :class:`SoftmaxExplorer` — logits of 3–5 classes, the true class and a temperature → the
  softmax probabilities, the cross-entropy, the focal loss, the multiclass hinge and the
  gradient p − y.  :meth:`SoftmaxExplorer.values` computes them with :mod:`nnbook.losses`.

The browser's numbers (``js/losses.js``) are held to nnbook's by tests/test_widgets_js.py.
"""
from __future__ import annotations

import numpy as np
import traitlets

from nnbook import checks, losses
from nnbook.widgets.live import LiveWidget

__all__ = ["SlowdownNeuron", "SoftmaxExplorer", "MAX_EPOCHS"]

#: the epochs slider's maximum
MAX_EPOCHS = 1000


class SlowdownNeuron(LiveWidget):
    """Widget: Nielsen's learning slowdown, quadratic cost against cross-entropy (chapter 3; Nielsen 2015, ch. 3).

    Traits: ``w``, ``b`` (the start), ``lr_quadratic``, ``lr_cross_entropy`` (Nielsen's 0.15
    and 0.005), ``epochs``; the sample is ``x`` = 1, ``y`` = 0.  Presets (0.6, 0.9) and (2, 2)
    are buttons in the widget.
    """

    module = "slowdown"
    controls = ("w", "b", "lr_quadratic", "lr_cross_entropy", "epochs")
    w = traitlets.Float(2.0).tag(sync=True)
    b = traitlets.Float(2.0).tag(sync=True)
    lr_quadratic = traitlets.Float(0.15).tag(sync=True)
    lr_cross_entropy = traitlets.Float(0.005).tag(sync=True)
    epochs = traitlets.Int(300).tag(sync=True)
    x = traitlets.Float(1.0).tag(sync=True)
    y = traitlets.Float(0.0).tag(sync=True)
    max_epochs = traitlets.Int(MAX_EPOCHS).tag(sync=True)

    def __init__(self, w=2.0, b=2.0, *, lr_quadratic=0.15, lr_cross_entropy=0.005, epochs=300):
        settings = {"w": w, "b": b, "lr_quadratic": lr_quadratic, "lr_cross_entropy": lr_cross_entropy, "epochs": epochs}
        super().__init__(**{key: self._check(key, value) for key, value in settings.items()})

    @staticmethod
    def _check(key, value):
        if key in ("w", "b"):
            return checks.number(value, key, -100.0, 100.0)
        if key == "epochs":
            return checks.integer(value, "epochs", 1, MAX_EPOCHS)
        return checks.number(value, key, 0.0, 10.0, low_open=True)

    @traitlets.validate("w", "b", "lr_quadratic", "lr_cross_entropy", "epochs")
    def _valid(self, proposal):
        return self._check(proposal["trait"].name, proposal["value"])

    def runs(self):
        """The two runs trained by nnbook (chapter 3): {"quadratic": History, "cross_entropy": History},
        each with weight snapshots ([w, b] per epoch)."""
        from nnbook import MLP, train
        out = {}
        for cost, loss, lr in (("quadratic", "mse", self.lr_quadratic), ("cross_entropy", "bce", self.lr_cross_entropy)):
            net = MLP([1, 1], output="sigmoid", loss=loss, seed=0)
            net.params = np.array([self.w, self.b])
            out[cost] = train(net, np.array([[self.x]]), np.array([self.y]), epochs=self.epochs, batch_size=1, lr=lr,
                              snapshots=True)
        return out


class SoftmaxExplorer(LiveWidget):
    """Widget: softmax, cross-entropy, focal and hinge losses of 3–5 logits (chapter 3).

    Traits: ``logits`` (3 to 5 numbers in [−10, 10]), ``true_class`` (0-based), ``temperature``
    T (the probabilities are softmax(z / T)), ``gamma`` (focal loss) and ``margin`` (hinge).
    The default is Nielsen's preset (2.5, −1, 3.2, 0.5).
    """

    module = "softmax_explorer"
    controls = ("logits", "true_class", "temperature", "gamma", "margin")
    logits = traitlets.List(traitlets.Float(), minlen=3, maxlen=5).tag(sync=True)
    true_class = traitlets.Int(2).tag(sync=True)
    temperature = traitlets.Float(1.0).tag(sync=True)
    gamma = traitlets.Float(2.0).tag(sync=True)
    margin = traitlets.Float(1.0).tag(sync=True)

    def __init__(self, logits=(2.5, -1.0, 3.2, 0.5), *, true_class=2, temperature=1.0, gamma=2.0, margin=1.0):
        logits = self._check_logits(logits)
        super().__init__(logits=logits, true_class=checks.integer(true_class, "true_class", 0, len(logits) - 1),
                         temperature=checks.number(temperature, "temperature", 0.1, 10.0),
                         gamma=checks.number(gamma, "gamma", 0.0, 5.0), margin=checks.number(margin, "margin", 0.0, 2.0))

    @staticmethod
    def _check_logits(value):
        z = checks.real_array(value, "logits")
        if z.ndim != 1 or not 3 <= z.size <= 5:
            raise ValueError(f"logits: expected 3 to 5 numbers, got shape {z.shape}")
        if np.abs(z).max() > 10:
            raise ValueError(f"logits: expected values in [−10, 10] (the sliders' range), got {z.tolist()}")
        return [float(v) for v in z]

    @traitlets.validate("logits")
    def _valid_logits(self, proposal):
        return self._check_logits(proposal["value"])

    @traitlets.validate("true_class")
    def _valid_class(self, proposal):
        return checks.integer(proposal["value"], "true_class", 0, len(self.logits) - 1 if self.logits else 4)

    @traitlets.validate("temperature")
    def _valid_temperature(self, proposal):
        return checks.number(proposal["value"], "temperature", 0.1, 10.0)

    @traitlets.validate("gamma")
    def _valid_gamma(self, proposal):
        return checks.number(proposal["value"], "gamma", 0.0, 5.0)

    @traitlets.validate("margin")
    def _valid_margin(self, proposal):
        return checks.number(proposal["value"], "margin", 0.0, 2.0)

    def values(self):
        """What the widget shows, computed by :mod:`nnbook.losses` (chapter 3): p, cross-entropy,
        focal loss, multiclass hinge (on the raw logits) and the gradient p − y."""
        z = np.array(self.logits)[None] / self.temperature
        onehot = losses.one_hot(np.array([self.true_class]), z.shape[1])
        p = losses.softmax(z)[0]
        return {"p": p, "ce": float(losses.cross_entropy(z, onehot)),
                "focal": float(losses.focal(p[[self.true_class]][None], np.ones((1, 1)), gamma=self.gamma)),
                "hinge": float(losses.multiclass_hinge(np.array(self.logits)[None], onehot, margin=self.margin)),
                "grad": p - onehot[0]}
