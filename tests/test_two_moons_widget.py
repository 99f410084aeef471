"""The two-moons lab (chapter 2): its matplotlib figure and its live widget's Python side (no
browser; tests/test_widgets_browser.py plays it in Chromium, test_widgets_js.py checks its
trainer against nnbook)."""
from __future__ import annotations

import matplotlib
import numpy as np
import pytest
import traitlets
from matplotlib.figure import Figure

from nnbook import data
from nnbook.experiments import two_moons_network as make_network
from nnbook.experiments import two_moons_run
from nnbook.network import MLP
from nnbook.train import train
from nnbook.widgets.live import float64_bytes, from_float64_bytes
from nnbook.widgets.two_moons import INITS, PRESETS, TwoMoonsLab, lab_data, two_moons_figure

matplotlib.use("Agg")

X_TR, Y_TR, X_TE, Y_TE = data.two_moons(seed=0)


# --- the plain drawing function ----------------------------------------------------

def short_run(seeds=(2,), epochs=2, lr=0.05):
    net = make_network(list(seeds))
    hist = train(net, X_TR, Y_TR, validation=(X_TE, Y_TE), loss="bce", epochs=epochs, lr=lr, seed=0,
                 snapshots=True)
    return net, hist


def test_figure_shows_boundary_curves_and_all_37_parameters():
    net, hist = short_run()
    fig = two_moons_figure(net, hist, title="a run")
    assert isinstance(fig, Figure) and len(fig.axes) == 4
    boundary, weights, loss, acc = fig.axes
    image = boundary.images[0].get_array()
    p = net.forward(np.array([[0.0, 0.0]]))[0, 0, 0]
    assert image.min() >= 0 and image.max() <= 1 and 0 < p < 1
    assert len(weights.get_lines()) == 37
    for line in weights.get_lines():
        assert len(line.get_xdata()) == 3                      # epochs 0, 1, 2
    (train_loss,) = [ln for ln in loss.get_lines() if ln.get_label() == "train"]
    assert np.allclose(train_loss.get_ydata(), hist.train_loss[:, 0])
    assert fig._suptitle.get_text() == "a run"
    legend = [t.get_text() for t in weights.get_legend().get_texts()]
    moved = np.abs(hist.weights[-1, 0] - hist.weights[0, 0])
    assert legend[0] == net.param_names()[int(np.argmax(moved))]   # the biggest mover is listed first


def test_figure_of_a_lockstep_model_is_the_figure_of_that_model_alone():
    net1, hist1 = short_run(seeds=(3,))
    net2, hist2 = short_run(seeds=(0, 3))
    a = two_moons_figure(net1, hist1, resolution=50)
    b = two_moons_figure(net2, hist2, model=1, resolution=50)
    assert np.array_equal(a.axes[0].images[0].get_array(), b.axes[0].images[0].get_array())
    assert np.array_equal(a.axes[1].get_lines()[-1].get_ydata(), b.axes[1].get_lines()[-1].get_ydata())


def test_figure_of_a_lockstep_model_evaluates_only_that_model(monkeypatch):
    net, hist = short_run(seeds=(0, 3, 5), epochs=1)
    evaluated = []
    forward = MLP.forward

    def counting_forward(self, X, *args, **kwargs):
        out = forward(self, X, *args, **kwargs)
        evaluated.append(out.shape)
        return out

    monkeypatch.setattr(MLP, "forward", counting_forward)
    fig = two_moons_figure(net, hist, model=2, resolution=30)
    assert evaluated and set(evaluated) == {(900, 1)}     # the 30 × 30 grid went through model 2 only
    (train_loss,) = [ln for ln in fig.axes[2].get_lines() if ln.get_label() == "train"]
    assert np.allclose(train_loss.get_ydata(), hist.train_loss[:, 2])


def test_figure_needs_weight_snapshots():
    net = make_network(2)
    hist = train(net, X_TR[:50], Y_TR[:50], epochs=1, lr=0.05)
    with pytest.raises(ValueError, match="snapshots"):
        two_moons_figure(net, hist)


def test_dead_units_finds_the_eta_05_collapse():
    net, _ = short_run(epochs=1, lr=0.5)
    dead = net.dead_units(X_TR)
    assert [d.shape for d in dead] == [(4,), (4,)]
    assert dead[1].all()                                       # Glassner's η = 0.5: layer 2 dead


# --- the widget: what Python prepares and what comes back ---------------------------------

def test_widget_carries_the_chapters_runs():
    lab = TwoMoonsLab()
    assert (lab.lr, lab.init, lab.seed, lab.epochs, lab.speed) == (0.05, "N(0, 0.05) (Glassner)", 2, 21, 5.0)
    assert lab.sizes == [2, 4, 4, 1] and lab.hidden == "relu" and lab.inits == list(INITS) and lab.seeds == 20
    assert lab.presets == list(PRESETS) and lab.lr_range == [1e-4, 10.0]
    assert np.array_equal(from_float64_bytes(lab.x_train, (-1, 2)), X_TR)
    assert np.array_equal(from_float64_bytes(lab.y_test), Y_TE)
    params = from_float64_bytes(lab.init_params, (len(INITS), 20, -1))
    assert np.array_equal(params[1, 7], make_network(7, "He normal").params)
    assert lab.order == lab_data(1)["order"] and int(lab.order["state"]["state"]) > 0
    assert repr(lab) == "TwoMoonsLab(lr=0.05, init='N(0, 0.05) (Glassner)', seed=2, epochs=21, speed=5.0)"
    assert lab.note == "" and lab._esm and "application/vnd.jupyter.widget-view+json" in lab._repr_mimebundle_()[0]


def test_net_is_what_the_browser_sent_back():
    lab = TwoMoonsLab(seed=4)
    assert np.array_equal(lab.net.params, make_network(4).params)        # before any training
    net = make_network(4)
    two_moons_run(net, lr=0.05, epochs=2)
    lab.params, lab.epoch = float64_bytes(net.params), 2                  # as the browser sends it
    assert isinstance(lab.net, MLP) and np.array_equal(lab.net.params, net.params)
    assert lab.net.accuracy(X_TE, Y_TE) == net.accuracy(X_TE, Y_TE)


def test_more_seeds_can_be_asked_for():
    lab = TwoMoonsLab(seeds=30, seed=25)
    params = from_float64_bytes(lab.init_params, (len(INITS), 30, -1))
    assert np.array_equal(params[0, 25], make_network(25).params)


@pytest.mark.parametrize("asked, used", [(50.0, 10.0), (1e-9, 1e-4)])
def test_a_clamped_eta_is_reported(asked, used):
    lab = TwoMoonsLab(lr=asked)
    assert lab.lr == used and lab.note_lr == used
    assert lab.note == f"η = {asked:g} is outside the slider's range 0.0001 … 10: the lab uses η = {used:g}"


@pytest.mark.parametrize("kwargs, error, message", [
    ({"lr": 0.0}, ValueError, "lr: expected a number > 0"),
    ({"lr": float("nan")}, ValueError, "lr: expected a finite number"),
    ({"init": "nope"}, ValueError, "init: expected one of"),
    ({"seed": -1}, ValueError, "seed: expected an integer"),
    ({"seed": 20}, ValueError, "seed: expected an integer"),
    ({"seeds": 0}, ValueError, "seeds: expected an integer"),
    ({"epochs": 0}, ValueError, "epochs: expected an integer"),
    ({"epochs": 10**4}, ValueError, "epochs: expected an integer"),
    ({"speed": 3}, ValueError, "speed: expected epochs per second"),
    ({"speed": True}, ValueError, "speed: expected epochs per second"),
])
def test_constructor_rejects_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        TwoMoonsLab(**kwargs)


def test_setting_a_control_is_checked_and_a_bad_value_changes_nothing():
    lab = TwoMoonsLab()
    lab.lr, lab.seed, lab.init, lab.epochs = 0.5, 19, "He normal", 100
    assert (lab.lr, lab.seed, lab.init, lab.epochs) == (0.5, 19, "He normal", 100)
    for key, value, message in [("lr", 50.0, "lr: expected a number"), ("seed", 20, "seed: expected an integer"),
                                ("init", "nope", "init: expected one of"), ("epochs", 0, "epochs: expected")]:
        with pytest.raises(ValueError, match=message):
            setattr(lab, key, value)
    with pytest.raises(traitlets.TraitError):
        lab.lr = "fast"
    assert (lab.lr, lab.seed, lab.init, lab.epochs) == (0.5, 19, "He normal", 100)
