"""The activation explorer: its matplotlib figure and its live widget's Python side (no browser;
tests/test_widgets_browser.py drives the widget in Chromium, test_widgets_js.py its numbers)."""
from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure

from nnbook import activations
import traitlets

from nnbook.plots import new_figure
from nnbook.widgets import ActivationExplorer, activation_figure
from nnbook.widgets.activation_explorer import N_POINTS, ActivationPlot

matplotlib.use("Agg")


def line(ax, label):
    (found,) = [ln for ln in ax.get_lines() if ln.get_label() == label]
    return found


# --- the plain drawing function ----------------------------------------------

def test_figure_has_the_expected_artists():
    fig = activation_figure()
    assert isinstance(fig, Figure)
    ax_f, ax_a = fig.axes
    z, f = line(ax_f, "f(z)").get_data()
    assert len(z) == N_POINTS and z[0] == -6 and z[-1] == 6
    assert np.allclose(f, activations.sigmoid(z))
    assert np.allclose(line(ax_f, "f′(z)").get_ydata(), activations.d_sigmoid(z))
    x, a = line(ax_a, "a = f(wx + b)").get_data()
    assert np.allclose(a, activations.sigmoid(x))
    assert np.allclose(line(ax_a, "∂a/∂b = f′(wx + b)").get_ydata(), activations.d_sigmoid(x))
    assert len(ax_f.collections) == 1 and len(ax_a.collections) == 1  # the saturated bands
    assert len(ax_f.patches) == 1  # the neuron's window of z
    assert "max f′ = 0.250" in ax_f.get_title() and "range (0, 1)" in ax_f.get_title()
    assert "on 24% of x" in ax_a.get_title()  # abs(σ′) < 0.01 beyond abs(x) ≈ 4.6


def test_neuron_weights_and_parameters_reach_the_plot():
    fig = activation_figure("leaky_relu", w=2.0, b=-1.0, x_range=(-3, 3), slope=0.2)
    x, a = line(fig.axes[1], "a = f(wx + b)").get_data()
    z = 2 * x - 1
    assert np.allclose(a, np.where(z >= 0, z, 0.2 * z))
    plot = ActivationPlot()
    plot.draw("relu", w=0.5, b=1.0)
    assert plot.zero_line.get_visible() and plot.zero_line.get_xdata()[0] == -2.0
    assert plot.window.get_x() == -2.0 and plot.window.get_width() == 6.0  # z from −2 to 4
    note = plot.draw("relu", w=0.5, b=-5.0)  # z ≤ −2 on [−6, 6]: dead
    assert not plot.zero_line.get_visible()
    assert "no gradient reaches w or b" in note
    assert "saturated on the whole x-range" in plot.draw("sigmoid", w=1.0, b=12.0)
    assert plot.draw("tanh", w=0.0, b=0.5) == "w = 0: the output does not depend on x."


def test_drawing_function_does_not_touch_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    activation_figure("tanh")
    new_figure()
    assert plt.get_fignums() == before


@pytest.mark.parametrize("kwargs, error, message", [
    ({"name": "sigmod"}, ValueError, r"name: unknown activation"),
    ({"name": "relu", "slope": 0.1}, ValueError, r"params: relu takes parameters \(none\)"),
    ({"w": float("nan")}, ValueError, r"w: expected a finite number"),
    ({"b": "1"}, TypeError, r"b: expected a real number"),
    ({"x_range": (2, 2)}, ValueError, r"x_range: expected lo < hi"),
    ({"x_range": (0, float("inf"))}, ValueError, r"x_range: expected two finite numbers"),
    ({"eps": 0.0}, ValueError, r"eps: expected 0 < eps < 1"),
])
def test_drawing_function_errors_name_the_argument(kwargs, error, message):
    with pytest.raises(error, match=message):
        activation_figure(**kwargs)


# --- the widget ---------------------------------------------------------------

def test_widget_state_is_its_traits_and_its_module_is_the_built_bundle():
    ex = ActivationExplorer("elu", w=2.0, b=-1.0, x_range=(-3, 4), eps=0.001)
    assert (ex.name, ex.param, ex.w, ex.b, ex.x_range, ex.eps) == ("elu", 1.0, 2.0, -1.0, [-3.0, 4.0], 0.001)
    assert ex._esm.startswith("//") and "export" in ex._esm and "render" in ex._esm
    state = ex.get_state()
    assert {"name", "param", "w", "b", "x_range", "eps", "table", "book_style", "_esm"} <= set(state)
    assert [row["name"] for row in ex.table] == activations.names()
    assert {row["param"] for row in ex.table} == {None, "slope", "a", "alpha", "beta"}
    assert repr(ex) == "ActivationExplorer(name='elu', param=1.0, w=2.0, b=-1.0, x_range=[-3.0, 4.0], eps=0.001)"
    assert ActivationExplorer("leaky_relu", slope=0.2).param == 0.2 and ActivationExplorer("tanh").param is None


def test_book_style_reaches_the_widget():
    style = ActivationExplorer().book_style
    assert style["colors"][0] == "#1f77b4" and len(style["cmap"]) == 256
    assert all(c.startswith("#") and len(c) == 7 for c in style["colors"] + style["classes"] + style["cmap"])


def test_setting_a_trait_is_checked():
    ex = ActivationExplorer()
    ex.w = 3
    assert ex.w == 3.0
    with pytest.raises(ValueError, match="name: expected one of"):
        ex.name = "nope"
    with pytest.raises(ValueError, match="eps: expected a number"):
        ex.eps = 2.0
    with pytest.raises(ValueError, match="x_range: expected lo < hi"):
        ex.x_range = [2.0, 1.0]
    with pytest.raises(ValueError, match="b: expected a finite number"):
        ex.b = float("nan")
    with pytest.raises(traitlets.TraitError):
        ex.w = "one"
    assert (ex.name, ex.eps, ex.x_range, ex.b) == ("sigmoid", 0.01, [-6.0, 6.0], 0.0)


def test_constructor_rejects_bad_arguments():
    with pytest.raises(ValueError, match="name: unknown activation"):
        ActivationExplorer("nope")
    with pytest.raises(ValueError, match="slope: expected a finite number"):
        ActivationExplorer("leaky_relu", slope=float("nan"))


@pytest.mark.parametrize("kwargs, error, message", [
    ({"x_range": None}, TypeError, r"x_range: expected two finite numbers"),
    ({"x_range": (1.0, 2.0, 3.0)}, ValueError, r"x_range: expected two finite numbers"),
    ({"x_range": (2.0, 2.0)}, ValueError, r"x_range: expected lo < hi"),
    ({"x_range": (-1e308, 1e308)}, ValueError, r"x_range: expected a width"),
    ({"eps": 1.5}, ValueError, r"eps: expected 0 < eps < 1"),
    ({"w": 1e308}, ValueError, r"w, b: the neuron's output overflows"),
    ({"w": 10**400}, ValueError, r"w: expected a finite number"),
    ({"name": "leaky_relu", "slope": 1e308}, ValueError, r"slope: expected a number ≥ -1000 and ≤ 1000"),
])
def test_constructor_checks_like_the_drawing_function_and_overflow_is_an_error(kwargs, error, message):
    """The constructor took x_range=None into an iteration error and (2, 2) silently; overflow warned."""
    with pytest.raises(error, match=message):
        ActivationExplorer(**kwargs)
    with pytest.raises(error, match=message):
        activation_figure(**kwargs)
