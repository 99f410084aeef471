"""The activation explorer and the widget base, driven through their Python objects (no browser)."""
from __future__ import annotations

import asyncio

import ipywidgets as widgets
import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure

from nnbook import activations
from nnbook.widgets import ActivationExplorer, Demo, Message, Throttle, activation_figure, new_figure
from nnbook.widgets.activation_explorer import N_POINTS, ActivationPlot
from nnbook.widgets.base import FigureOutput

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

def test_widget_builds_with_one_figure_shown():
    ex = ActivationExplorer()
    assert isinstance(ex.widget, widgets.VBox)
    assert set(ex.controls) == {"name", "param", "w", "b", "x_range", "eps"}
    assert ex.output.image().startswith(b"\x89PNG")
    assert ex.message.text == ""
    assert ex.controls["param"].layout.visibility == "hidden"  # sigmoid has no parameter
    assert "application/vnd.jupyter.widget-view+json" in ex._repr_mimebundle_()
    ex.close()


def test_moving_a_slider_updates_the_same_figure_in_place():
    ex = ActivationExplorer()
    fig, line_a = ex.fig, ex.plot.line_a
    png = ex.output.image()
    ex.controls["w"].value = 2.0
    assert np.allclose(line_a.get_ydata(), activations.sigmoid(2 * line_a.get_xdata()))
    ex.controls["b"].value = -1.0
    assert np.allclose(line_a.get_ydata(), activations.sigmoid(2 * line_a.get_xdata() - 1))
    assert ex.fig is fig and ex.plot.line_a is line_a and len(fig.axes) == 2
    assert len(fig.axes[1].get_lines()) == 4  # no artists piled up
    assert ex.output.image() != png and len(ex.output.outputs) == 1


def test_choosing_an_activation_sets_up_its_parameter_slider():
    ex = ActivationExplorer()
    param = ex.controls["param"]
    ex.controls["name"].value = "leaky_relu"
    assert param.layout.visibility == "visible" and param.description == "λ" and param.value == 0.01
    x = ex.plot.line_a.get_xdata()
    assert np.allclose(ex.plot.line_a.get_ydata(), np.where(x >= 0, x, 0.01 * x))
    param.value = 0.5
    assert np.allclose(ex.plot.line_a.get_ydata(), np.where(x >= 0, x, 0.5 * x))
    ex.controls["name"].value = "elu"
    assert param.description == "α" and param.value == 1.0 and param.max == 3.0
    ex.controls["name"].value = "relu"
    assert param.layout.visibility == "hidden"
    others = [c for name, c in ex.controls.items() if name != "param"]
    assert all(c.layout.visibility != "hidden" for c in others)  # only the parameter is hidden
    ex2 = ActivationExplorer("swish", beta=7.0)  # outside the usual range: the slider widens
    assert ex2.controls["param"].value == 7.0 and ex2.controls["param"].max == 7.0


def test_bad_state_is_shown_as_a_message_not_raised():
    ex = ActivationExplorer()
    before = ex.plot.line_a.get_ydata().copy()
    png = ex.output.image()
    ex.controls["x_range"].value = (2.0, 2.0)  # an empty range
    assert ex.message.kind == "error" and "x_range: expected lo < hi" in ex.message.text
    assert ex.message.layout.display is None  # visible
    assert np.array_equal(ex.plot.line_a.get_ydata(), before) and ex.output.image() == png
    ex.controls["x_range"].value = (-4.0, 4.0)
    assert ex.message.text == "" and ex.message.layout.display == "none"
    assert ex.plot.line_a.get_xdata()[0] == -4.0


def test_notable_states_are_explained():
    ex = ActivationExplorer("relu", w=1.0, b=-8.0)
    assert ex.message.kind == "note" and "no gradient reaches w or b" in ex.message.text
    ex.controls["name"].value = "leaky_relu"
    assert ex.message.text == ""


def test_constructor_rejects_bad_arguments():
    with pytest.raises(ValueError, match="name: unknown activation"):
        ActivationExplorer("nope")
    with pytest.raises(ValueError, match="slope: expected a finite number"):
        ActivationExplorer("leaky_relu", slope=float("nan"))


# --- the base -----------------------------------------------------------------

class Broken(Demo):
    def __init__(self):
        self.fig, self.ax = new_figure()
        (self.ln,) = self.ax.plot([0, 1], [0, 1])
        super().__init__(self.fig, {"k": widgets.FloatSlider(value=1.0, min=-5.0), "go": widgets.Button()})
        self.refresh()

    def update(self):
        k = self.values()["k"]
        if k < 0:
            raise ValueError(f"k: expected k ≥ 0, got {k}")
        self.ln.set_ydata([0, k])


def test_demo_shows_errors_and_keeps_the_last_good_figure():
    demo = Broken()
    assert demo.values() == {"k": 1.0}  # the button has no value
    demo.controls["k"].value = -1.0
    assert demo.message.kind == "error" and demo.message.text == "k: expected k ≥ 0, got -1.0"
    assert list(demo.ln.get_ydata()) == [0, 1.0]
    demo.controls["k"].value = 2.0
    assert demo.message.text == "" and list(demo.ln.get_ydata()) == [0, 2.0]
    demo.close()


def test_message_and_figure_output():
    m = Message()
    assert m.layout.display == "none"
    m.show("a < b", "warning")
    assert "a &lt; b" in m.value and m.text == "a < b"
    with pytest.raises(ValueError, match="kind: expected one of"):
        m.show("x", "fatal")
    out = FigureOutput()
    assert out.image() == b""
    fig, _ = new_figure()
    out.show(fig)
    assert out.outputs[0]["data"]["text/plain"] == "<Figure size 600x400 with 1 Axes>"
    out.show(fig, b"\xff\xd8 jpeg bytes", "image/jpeg")
    assert out.image() == b"\xff\xd8 jpeg bytes" and "image/png" not in out.outputs[0]["data"]
    with pytest.raises(ValueError, match="mime: expected"):
        out.show(fig, b"", "image/gif")


def test_throttle_runs_at_once_without_an_event_loop():
    calls = []
    t = Throttle(lambda: calls.append(1), interval=10.0)
    t(), t(), t()
    assert calls == [1, 1, 1]


def test_throttle_coalesces_calls_and_never_loses_the_last():
    state, drawn = {"v": 0}, []
    t = Throttle(lambda: drawn.append(state["v"]), interval=0.05)

    async def drag():
        for v in range(1, 11):  # ten slider events in quick succession
            state["v"] = v
            t()
        assert t.pending
        await asyncio.sleep(0.2)

    asyncio.run(drag())
    assert drawn == [1, 10]  # the first at once, then one trailing call with the final state
    assert not t.pending
    with pytest.raises(ValueError, match="interval"):
        Throttle(lambda: None, interval=-1)


# --- robustness (issue 8) -------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, error, message", [
    ({"x_range": None}, TypeError, r"x_range: expected two finite numbers"),
    ({"x_range": (1.0, 2.0, 3.0)}, ValueError, r"x_range: expected two finite numbers"),
    ({"x_range": (2.0, 2.0)}, ValueError, r"x_range: expected lo < hi"),
    ({"x_range": (-1e308, 1e308)}, ValueError, r"x_range: expected a width"),
    ({"eps": 1.5}, ValueError, r"eps: expected 0 < eps < 1"),
    ({"w": 1e308}, ValueError, r"w, b: the neuron's output overflows"),
    ({"w": 10**400}, ValueError, r"w: expected a finite number"),
    ({"interval": None}, TypeError, r"interval: expected a number"),
    ({"name": "leaky_relu", "slope": 1e308}, ValueError, r"slope: expected a number ≥ -1000 and ≤ 1000"),
])
def test_constructor_checks_like_the_drawing_function_and_overflow_is_an_error(kwargs, error, message):
    """The constructor took x_range=None into an iteration error and (2, 2) silently; overflow warned."""
    with pytest.raises(error, match=message):
        ActivationExplorer(**kwargs)
    if "interval" not in kwargs:
        with pytest.raises(error, match=message):
            activation_figure(**kwargs)
