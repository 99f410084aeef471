"""The learning-rate lab (chapter 1): the six optimizers of :mod:`nnbook.optim` on the 2-D
surfaces of :mod:`nnbook.surfaces`, live in the browser.

The reader picks a surface, an optimizer (and a second one to compare, side by side from the
same start), η on a log slider, μ, ρ or β₁, β₂ where the optimizer has them and the number
of steps, and clicks or drags the start on the contour map.  The browser computes the
trajectories (``js/optimizers.js``: nnbook's formulas in nnbook's order, checked against
:func:`nnbook.surfaces.trajectory` to 1e-9) and draws them over the map with the loss per
step.  Divergence is shown, not raised: a trajectory that leaves the plot, or whose point or
loss stops being finite, is named in the message line with its step.

:meth:`LearningRateLab.trajectory` runs the same settings in numpy, so a cell can compare.
"""
from __future__ import annotations

import inspect

import matplotlib as mpl
import traitlets

from nnbook import checks, optim, surfaces
from nnbook.widgets.live import LiveWidget

__all__ = ["LearningRateLab", "MAX_STEPS", "LR_RANGE", "BOWL"]

#: the steps slider's maximum
MAX_STEPS = 500
#: the η slider's range (log scale)
LR_RANGE = (1e-4, 3.0)
#: Chaudhury's bowl w0² + w1² from (100, 200) (Figs. 9.9, 9.10), the lab's default surface
BOWL = "bowl"


def _surface_table():
    """Each surface as the browser needs it: formula, parameters, default start, plot range, minimum."""
    rows = []
    for name in surfaces.names():
        s = surfaces.get(name)
        rows.append({"name": name, "formula": s.formula, "params": dict(s.params), "start": list(s.start),
                     "xlim": list(s.xlim), "ylim": list(s.ylim), "minimum": list(s.minimum)})
    return rows


def _optimizer_table():
    """Each optimizer's ε (nnbook's default), which the lab does not expose."""
    table = {}
    for name in optim.names():
        eps = inspect.signature(optim.OPTIMIZERS[name]).parameters.get("eps")
        table[name] = {"eps": eps.default if eps is not None else None}
    return table


class LearningRateLab(LiveWidget):
    """Widget: optimizers on 2-D surfaces, trajectories drawn live in the browser (chapter 1).

    Traits (synced both ways): ``surface``, ``optimizer``, ``compare`` (a second optimizer or
    ""), ``lr``, ``momentum`` (μ, momentum and Nesterov), ``rho`` (RMSProp), ``beta1``,
    ``beta2`` (Adam), ``steps`` and ``start`` (w0, w1), which the reader sets by clicking on
    the map; ``message`` names a divergence.  :meth:`trajectory` computes the same run with
    nnbook.
    """

    module = "lr_lab"
    controls = ("surface", "optimizer", "compare", "lr", "momentum", "rho", "beta1", "beta2", "steps", "start")
    surfaces = traitlets.List().tag(sync=True)
    optimizers = traitlets.Dict().tag(sync=True)
    max_steps = traitlets.Int(MAX_STEPS).tag(sync=True)

    surface = traitlets.Unicode(BOWL).tag(sync=True)
    optimizer = traitlets.Unicode("sgd").tag(sync=True)
    compare = traitlets.Unicode("").tag(sync=True)
    lr = traitlets.Float(0.2).tag(sync=True)
    momentum = traitlets.Float(0.5).tag(sync=True)
    rho = traitlets.Float(0.9).tag(sync=True)
    beta1 = traitlets.Float(0.9).tag(sync=True)
    beta2 = traitlets.Float(0.999).tag(sync=True)
    steps = traitlets.Int(30).tag(sync=True)
    start = traitlets.List(traitlets.Float(), minlen=2, maxlen=2).tag(sync=True)

    def __init__(self, surface=BOWL, optimizer="sgd", *, compare="", lr=0.2, momentum=0.5, rho=0.9, beta1=0.9,
                 beta2=0.999, steps=30, start=None):
        names = tuple(surfaces.names())
        surface = checks.choice(surface, "surface", names)
        settings = {"surface": surface, "optimizer": optimizer, "compare": compare, "lr": lr, "momentum": momentum,
                    "rho": rho, "beta1": beta1, "beta2": beta2, "steps": steps,
                    "start": list(surfaces.get(surface).start) if start is None else start}
        for key, value in settings.items():
            settings[key] = self._check(key, value)
        sequential = mpl.colormaps["viridis"]
        super().__init__(surfaces=_surface_table(), optimizers=_optimizer_table(), **settings)
        self.book_style = {**self.book_style, "sequential": [mpl.colors.to_hex(sequential(i / 255)) for i in range(256)]}

    @staticmethod
    def _check(key, value):
        if key == "surface":
            return checks.choice(value, "surface", tuple(surfaces.names()))
        if key == "optimizer":
            return checks.choice(value, "optimizer", tuple(optim.names()))
        if key == "compare":
            return checks.choice(value, "compare", ("", *optim.names()))
        if key == "lr":
            return checks.number(value, "lr", *LR_RANGE)
        if key in ("momentum", "beta1"):
            return checks.number(value, key, 0.0, 1.0, high_open=True)
        if key in ("rho", "beta2"):
            return checks.number(value, key, 0.0, 1.0, low_open=True, high_open=True)
        if key == "steps":
            return checks.integer(value, "steps", 1, MAX_STEPS)
        if key == "start":
            point = checks.real_array(value, "start")
            if point.shape != (2,):
                raise ValueError(f"start: expected a point (w0, w1), got shape {point.shape}")
            return [float(v) for v in point]
        raise KeyError(key)  # pragma: no cover

    @traitlets.validate("surface", "optimizer", "compare", "lr", "momentum", "rho", "beta1", "beta2", "steps", "start")
    def _valid(self, proposal):
        return self._check(proposal["trait"].name, proposal["value"])

    def hyperparameters(self, name=None):
        """The nnbook optimizer's keyword arguments for ``name`` (default: ``optimizer``) at the lab's settings."""
        name = self.optimizer if name is None else checks.choice(name, "name", tuple(optim.names()))
        extra = {"momentum": {"momentum": self.momentum}, "nesterov": {"momentum": self.momentum},
                 "rmsprop": {"rho": self.rho}, "adam": {"beta1": self.beta1, "beta2": self.beta2}}.get(name, {})
        return {"lr": self.lr, **extra}

    def trajectory(self, name=None):
        """The lab's run computed by nnbook: :func:`nnbook.surfaces.trajectory` of optimizer ``name``
        (default: ``optimizer``) on ``surface`` from ``start`` for ``steps`` steps (chapter 1)."""
        name = self.optimizer if name is None else checks.choice(name, "name", tuple(optim.names()))
        return surfaces.trajectory(self.surface, optim.get(name, **self.hyperparameters(name)), self.start, self.steps)
