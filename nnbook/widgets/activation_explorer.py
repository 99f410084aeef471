"""The activation explorer (chapter 0): pick f, see f and f′, drag w and b of one neuron.

``activation_figure(name, w, b, ...)`` draws the figure for given parameters
(the chapter calls it for the static page); ``ActivationExplorer`` wraps the same
drawing code, an :class:`ActivationPlot`, in controls.

Left panel: f(z) and f′(z), the saturated band where abs(f′) < ε (shaded grey),
and the window of net inputs z = wx + b that the neuron sees for x in the range
(a green bar).  Right panel: the neuron's output a = f(wx + b) and the gradient
that reaches its bias, ∂a/∂b = f′(wx + b), with the x where the neuron saturates
shaded and the x where z = 0 marked.
"""
from __future__ import annotations

import math
import numbers

import ipywidgets as widgets
import numpy as np
from matplotlib.patches import Rectangle

from nnbook import activations, checks
from nnbook.widgets.base import Demo, new_figure

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


class ActivationExplorer(Demo):
    """Widget: choose f, drag w, b (and λ, a, α or β where f has one); see f, f′ and a (chapter 0).

    The controls are in ``controls``: ``name``, ``w``, ``b``, ``param``,
    ``x_range`` and ``eps``; the drawing is ``plot`` (an :class:`ActivationPlot`).
    Sliders for w, b and the parameter update while dragging (throttled); the
    x-range and ε update on release.  An impossible state reached with the controls
    (an output that overflows) is shown in the message line and the last good figure
    stays; constructor arguments that cannot be drawn raise ``ValueError``/``TypeError``.
    """

    def __init__(self, name="sigmoid", w=1.0, b=0.0, *, x_range=(-6.0, 6.0), eps=0.01,
                 interval=0.05, **params):
        act = activations.get(name, **params)
        w, b, x_lo, x_hi, eps = _view(w, b, x_range, eps)
        interval = checks.number(interval, "interval", 0)
        self.plot = ActivationPlot()
        style = {"description_width": "56px"}

        def row():  # one Layout per control: hiding the parameter slider must not hide the others
            return widgets.Layout(width="330px")

        def slider(value, lo, hi, step, description):
            return widgets.FloatSlider(value=value, min=min(lo, value), max=max(hi, value), step=step,
                                       description=description, continuous_update=True,
                                       readout_format=".2f", style=style, layout=row())

        controls = {
            "name": widgets.Dropdown(options=activations.names(), value=act.name, description="f",
                                     style=style, layout=row()),
            "param": slider(0.0, 0.0, 1.0, 0.01, "param"),
            "w": slider(w, -5.0, 5.0, 0.05, "w"),
            "b": slider(b, -10.0, 10.0, 0.1, "b"),
            "x_range": widgets.FloatRangeSlider(
                value=(x_lo, x_hi), min=min(-20.0, x_lo), max=max(20.0, x_hi), step=0.5,
                description="x range", continuous_update=False, readout_format=".1f",
                style=style, layout=row()),
            "eps": widgets.FloatLogSlider(
                value=eps, base=10, min=-4, max=-1, step=0.1, description="ε",
                continuous_update=False, readout_format=".0e", style=style, layout=row()),
        }
        self._param = None
        self._shown = None
        c = controls
        box = widgets.VBox([widgets.HBox([c["w"], c["b"]]), widgets.HBox([c["name"], c["param"]]),
                            widgets.HBox([c["x_range"], c["eps"]])])
        self.controls = controls
        self._configure_param(act)  # before the controls are observed: no redraw yet
        super().__init__(self.plot.fig, controls, box=box, interval=interval)
        self.refresh()
        if self.message.kind == "error":        # the arguments themselves cannot be drawn: say so now
            self.close()
            raise ValueError(self.message.text)

    def _configure_param(self, act) -> None:
        """Point the parameter slider at ``act``'s parameter (hide it if there is none)."""
        self._shown = act.name
        slider = self.controls["param"]
        if not act.params:
            self._param = None
            slider.layout.visibility = "hidden"
            return
        (self._param, value), = act.params.items()
        label, lo, hi, step = PARAMETER_SLIDERS[self._param]
        lo, hi = min(lo, value), max(hi, value)
        if lo > slider.max:
            slider.max, slider.min = hi, lo
        else:
            slider.min, slider.max = lo, hi
        slider.step, slider.value, slider.description = step, value, label
        slider.layout.visibility = "visible"

    def update(self):
        v = self.values()
        if v["name"] != self._shown:
            self._configure_param(activations.get(v["name"]))
            v = self.values()
        params = {self._param: v["param"]} if self._param else {}
        return self.plot.draw(v["name"], v["w"], v["b"], x_range=v["x_range"], eps=v["eps"], **params)
