"""The activation explorer (chapter 0): pick f, see f and f′, drag w and b of one neuron.

``activation_figure(name, w, b, ...)`` draws the figure for given parameters with
matplotlib (the chapter's figures and the tests); ``ActivationExplorer`` is the live
widget, which draws the same two panels in the browser (``js/activation_explorer.js``).

Left panel: f(z) and f′(z), the saturated band where abs(f′) < ε (shaded grey),
and the window of net inputs z = wx + b that the neuron sees for x in the range
(a green bar).  Right panel: the neuron's output a = f(wx + b) and the gradient
that reaches its bias, ∂a/∂b = f′(wx + b), with the x where the neuron saturates
shaded and the x where z = 0 marked.
"""
from __future__ import annotations

import math
import numbers

import numpy as np
import traitlets
from matplotlib.patches import Rectangle

from nnbook import activations, checks
from nnbook.plots import new_figure
from nnbook.widgets.live import LiveWidget

__all__ = ["PARAMETER_SLIDERS", "ActivationExplorer", "ActivationPlot", "activation_figure"]

#: Slider for each activation parameter: label, min, max, step.
PARAMETER_SLIDERS = {
    "slope": ("λ", 0.0, 1.0, 0.01),
    "a": ("a", 0.0, 1.0, 0.01),
    "alpha": ("α", 0.0, 3.0, 0.05),
    "beta": ("β", 0.0, 5.0, 0.05),
}
N_POINTS = 601
FIGSIZE = (7.0, 3.6)


def _finite(label, value):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{label}: expected a real number, got {type(value).__name__}")
    return checks.number(value, label)


def _view(w, b, x_range, eps):
    """The checked (w, b, lo, hi, eps) of a drawing: finite w and b, lo < hi, 0 < eps < 1."""
    w, b, eps = _finite("w", w), _finite("b", b), _finite("eps", eps)
    try:
        lo, hi = (_finite("x_range", v) for v in x_range)
    except (TypeError, ValueError) as err:
        raise type(err)(f"x_range: expected two finite numbers lo < hi, got {x_range!r}") from err
    if not lo < hi:
        raise ValueError(f"x_range: expected lo < hi, got ({lo:g}, {hi:g}): the range is empty")
    if not math.isfinite(hi - lo):
        raise ValueError(f"x_range: expected a width hi − lo within float64, got ({lo:g}, {hi:g})")
    if not 0 < eps < 1:
        raise ValueError(f"eps: expected 0 < eps < 1, got {eps!r}")
    return w, b, lo, hi, eps


def _limits(*arrays):
    """y-limits that show every array and the line y = 0, with a little margin."""
    values = np.concatenate([np.ravel(a) for a in arrays] + [np.zeros(1)])
    lo, hi = float(values.min()), float(values.max())
    pad = 0.08 * (hi - lo) if hi > lo else 0.5
    return lo - pad, hi + pad


class ActivationPlot:
    """The explorer's figure; :meth:`draw` updates its artists in place (chapter 0).

    Attributes: ``fig``, ``ax_f`` and ``ax_a`` (the two panels), the lines
    ``line_f``, ``line_df``, ``line_a``, ``line_da``, the shaded collections
    ``saturated_f`` and ``saturated_a``, the patch ``window`` (the net inputs
    the neuron sees), the line ``zero_line`` (x where z = 0) and the panel titles
    ``title_f`` and ``title_a``, which read out the range, max f′ and how much
    of the x-range is saturated.
    """

    def __init__(self):
        self.fig, (self.ax_f, self.ax_a) = new_figure(1, 2, figsize=FIGSIZE)
        ax_f, ax_a = self.ax_f, self.ax_a
        for ax in (ax_f, ax_a):
            ax.axhline(0.0, color="0.6", lw=0.8)
            ax.grid(alpha=0.3)
        nothing = np.zeros(2)
        self.saturated_f = ax_f.fill_between(
            nothing, 0.0, 1.0, where=[False, False], transform=ax_f.get_xaxis_transform(),
            color="0.5", alpha=0.18, lw=0, label="abs(f′) < ε")
        self.window = ax_f.add_patch(Rectangle(
            (0.0, 0.0), 0.0, 0.04, transform=ax_f.get_xaxis_transform(),
            color="C2", alpha=0.7, lw=0, label="the neuron's z"))
        (self.line_f,) = ax_f.plot([], [], color="C0", lw=2, label="f(z)")
        (self.line_df,) = ax_f.plot([], [], color="C1", lw=1.5, ls="--", label="f′(z)")
        ax_f.set_xlabel("net input z")
        ax_f.legend(loc="upper left", fontsize=7)

        self.saturated_a = ax_a.fill_between(
            nothing, 0.0, 1.0, where=[False, False], transform=ax_a.get_xaxis_transform(),
            color="0.5", alpha=0.18, lw=0, label="saturated")
        self.zero_line = ax_a.axvline(0.0, color="C2", lw=1, ls=":", label="z = 0")
        (self.line_a,) = ax_a.plot([], [], color="C0", lw=2, label="a = f(wx + b)")
        (self.line_da,) = ax_a.plot([], [], color="C1", lw=1.5, ls="--", label="∂a/∂b = f′(wx + b)")
        ax_a.set_xlabel("input x")
        ax_a.legend(loc="upper left", fontsize=7)
        self.title_f, self.title_a = ax_f.title, ax_a.title

    def draw(self, name="sigmoid", w=1.0, b=0.0, *, x_range=(-6.0, 6.0), eps=0.01, **params):
        """Show activation ``name`` (with ``params``) and the neuron a = f(wx + b).

        ``x_range`` is the interval of z (left) and x (right) shown; ``eps`` the
        threshold below which abs(f′) counts as saturated.  Returns a note about a
        notable state (a dead or fully saturated neuron, w = 0) or ``None``.
        Bad arguments raise ``ValueError``/``TypeError`` naming the argument,
        before any artist changes.
        """
        act = activations.get(name, **params)
        w, b, lo, hi, eps = _view(w, b, x_range, eps)

        with np.errstate(all="ignore"):
            z = np.linspace(lo, hi, N_POINTS)
            f, df = act.f(z), act.df(z)
            x = z
            zx = w * x + b
            a, da = act.f(zx), act.df(zx)
        if not (np.all(np.isfinite(f)) and np.all(np.isfinite(df))):
            raise ValueError(f"{', '.join(params) or 'x_range'}: f(z) or f′(z) overflows float64 on this range")
        if not all(np.all(np.isfinite(v)) for v in (zx, a, da)):
            raise ValueError("w, b: the neuron's output overflows on this x-range")

        self.line_f.set_data(z, f)
        self.line_df.set_data(z, df)
        self.saturated_f.set_data(z, 0.0, 1.0, where=np.abs(df) < eps)
        z_lo, z_hi = sorted((w * lo + b, w * hi + b))
        left, right = max(z_lo, lo), min(z_hi, hi)
        self.window.set_x(left)
        self.window.set_width(max(right - left, 0.0))
        self.ax_f.set_xlim(lo, hi)
        self.ax_f.set_ylim(*_limits(f, df))

        self.line_a.set_data(x, a)
        self.line_da.set_data(x, da)
        saturated = np.abs(da) < eps
        self.saturated_a.set_data(x, 0.0, 1.0, where=saturated)
        x0 = -b / w if w != 0 else math.nan
        self.zero_line.set_xdata([x0, x0])
        self.zero_line.set_visible(bool(lo <= x0 <= hi))
        self.ax_a.set_xlim(lo, hi)
        self.ax_a.set_ylim(*_limits(a, da))
        label = name + "".join(f" ({k} = {v:.2f})" for k, v in act.params.items())
        self.title_f.set_text(f"{label}\nrange {act.range}, max f′ = {df.max():.3f}")
        self.title_a.set_text(f"a = f({w:.2f}·x {'+' if b >= 0 else '−'} {abs(b):.2f})\n"
                              f"saturated (abs(f′) < {eps:g}) on {saturated.mean():.0%} of x")
        for title in (self.title_f, self.title_a):
            title.set_fontsize(9)

        if np.all(da == 0):
            return ("f′(wx + b) = 0 for every x in the range: no gradient reaches w or b, "
                    "so training cannot move this neuron.")
        if np.all(saturated):
            return (f"the neuron is saturated on the whole x-range: abs(f′(wx + b)) < {eps:g} "
                    "everywhere, so the gradients through it nearly vanish.")
        if w == 0:
            return "w = 0: the output does not depend on x."
        return None


def activation_figure(name="sigmoid", w=1.0, b=0.0, *, x_range=(-6.0, 6.0), eps=0.01, **params):
    """The explorer's figure for activation ``name`` and the neuron a = f(wx + b) (chapter 0).

    ``params`` are the activation's parameters (``slope`` for leaky_relu, ``a``
    for prelu, ``alpha`` for elu, ``beta`` for swish).  Returns a matplotlib
    ``Figure`` (not managed by pyplot) with two panels; see :class:`ActivationPlot`.
    """
    plot = ActivationPlot()
    plot.draw(name, w, b, x_range=x_range, eps=eps, **params)
    return plot.fig


class ActivationExplorer(LiveWidget):
    """Widget: choose f, drag w, b (and λ, a, α or β where f has one); see f, f′ and a (chapter 0).

    Live in JupyterLab and on the static site: the browser computes f and f′ (the same
    formulas as :mod:`nnbook.activations`, checked to 1e-12) and draws both panels of
    :func:`activation_figure`.  The controls are traits, synced both ways: ``name``,
    ``param`` (the parameter's value, or None), ``w``, ``b``, ``x_range`` and ``eps``;
    ``message`` is the note the widget shows (a dead or saturated neuron, w = 0, an output
    that overflows).  Constructor arguments that cannot be drawn raise
    ``ValueError``/``TypeError`` naming the argument.
    """

    module = "activation_explorer"
    controls = ("name", "param", "w", "b", "x_range", "eps")
    name = traitlets.Unicode("sigmoid").tag(sync=True)
    param = traitlets.Float(None, allow_none=True).tag(sync=True)
    w = traitlets.Float(1.0).tag(sync=True)
    b = traitlets.Float(0.0).tag(sync=True)
    x_range = traitlets.List(traitlets.Float(), [-6.0, 6.0], minlen=2, maxlen=2).tag(sync=True)
    eps = traitlets.Float(0.01).tag(sync=True)
    table = traitlets.List().tag(sync=True)

    def __init__(self, name="sigmoid", w=1.0, b=0.0, *, x_range=(-6.0, 6.0), eps=0.01, **params):
        act = activations.get(name, **params)
        w, b, lo, hi, eps = _view(w, b, x_range, eps)
        with np.errstate(all="ignore"):
            z = np.linspace(lo, hi, N_POINTS)
            f_finite = all(np.all(np.isfinite(v)) for v in (act.f(z), act.df(z)))
            a_finite = all(np.all(np.isfinite(v)) for v in (w * z + b, act.f(w * z + b), act.df(w * z + b)))
        if not f_finite:     # the messages of ActivationPlot.draw, which the browser shows too
            raise ValueError(f"{', '.join(params) or 'x_range'}: f(z) or f′(z) overflows float64 on this range")
        if not a_finite:
            raise ValueError("w, b: the neuron's output overflows on this x-range")
        (value,) = act.params.values() if act.params else (None,)
        super().__init__(name=act.name, param=value, w=w, b=b, x_range=[lo, hi], eps=eps, table=_table())

    @traitlets.validate("name")
    def _valid_name(self, proposal):
        return checks.choice(proposal["value"], "name", tuple(activations.names()))

    @traitlets.validate("w", "b", "param", "eps")
    def _valid_number(self, proposal):
        value, key = proposal["value"], proposal["trait"].name
        if value is None:
            return value
        if key == "eps":
            return checks.number(value, "eps", 0.0, 1.0, low_open=True, high_open=True)
        return checks.number(value, key, -activations.MAX_PARAM, activations.MAX_PARAM)

    @traitlets.validate("x_range")
    def _valid_range(self, proposal):
        _, _, lo, hi, _ = _view(1.0, 0.0, proposal["value"], 0.5)
        return [lo, hi]


def _table():
    """The activation table as the JavaScript shows it: name, range, and the parameter's slider."""
    rows = []
    for name, act in activations.ACTIVATIONS.items():
        row = {"name": name, "range": act.range, "formula": act.formula, "param": None}
        if act.params:
            (key, default), = act.params.items()
            label, lo, hi, step = PARAMETER_SLIDERS[key]
            row.update(param=key, default=default, label=label, lo=lo, hi=hi, step=step)
        rows.append(row)
    return rows
