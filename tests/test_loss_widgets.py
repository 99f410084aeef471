"""Chapter 3's widgets, Python side: settings, their checks and the nnbook numbers they mirror."""
from __future__ import annotations

import numpy as np
import pytest

from nnbook.widgets import SlowdownNeuron, SoftmaxExplorer


def test_softmax_explorer_defaults_to_nielsens_preset():
    ex = SoftmaxExplorer()
    assert ex.logits == [2.5, -1.0, 3.2, 0.5] and ex.true_class == 2
    assert np.round(ex.values()["p"], 3).tolist() == [0.315, 0.009, 0.633, 0.043]


def test_softmax_explorer_values_are_chaudhurys():
    ex = SoftmaxExplorer([9.99, 10.0, 0.01, -10.0], true_class=1)
    v = ex.values()
    assert round(v["ce"], 6) == 0.688183 and round(v["hinge"], 2) == 0.99
    assert np.allclose(v["grad"], v["p"] - np.eye(4)[1]) and abs(v["grad"].sum()) < 1e-15
    ex.true_class = 0
    assert round(ex.values()["ce"], 6) == 0.698183 and round(ex.values()["hinge"], 2) == 1.01
    ex.temperature = 10.0
    assert ex.values()["p"].min() > 0.05                                 # a high temperature flattens p (it was 1e-9)


@pytest.mark.parametrize("kwargs, message", [
    ({"logits": [1.0, 2.0]}, "logits: expected 3 to 5 numbers"), ({"logits": [1.0] * 6}, "logits: expected 3 to 5"),
    ({"logits": [1.0, 20.0, 0.0]}, "logits: expected values in"), ({"logits": [1.0, float("nan"), 0.0]}, "logits:"),
    ({"true_class": 4}, "true_class: expected an integer"), ({"temperature": 0.0}, "temperature: expected a number"),
    ({"gamma": -1.0}, "gamma: expected a number"), ({"margin": 3.0}, "margin: expected a number"),
])
def test_softmax_explorer_checks_its_settings(kwargs, message):
    with pytest.raises(ValueError, match=message):
        SoftmaxExplorer(**kwargs)


def test_slowdown_neuron_runs_are_nielsens():
    runs = SlowdownNeuron(2.0, 2.0, epochs=300).runs()
    a = 1 / (1 + np.exp(-runs["quadratic"].weights.sum(axis=1)))          # x = 1: z = w + b
    assert np.round(a[[0, 150, 300]], 2).tolist() == [0.98, 0.93, 0.2]
    a = 1 / (1 + np.exp(-SlowdownNeuron(0.6, 0.9).runs()["quadratic"].weights.sum(axis=1)))
    assert np.round(a[[0, 300]], 2).tolist() == [0.82, 0.09]


@pytest.mark.parametrize("kwargs, message", [
    ({"w": float("inf")}, "w: expected a finite number"), ({"b": 1e3}, "b: expected a number"),
    ({"lr_quadratic": 0.0}, "lr_quadratic: expected a number"), ({"lr_cross_entropy": 20.0}, "lr_cross_entropy"),
    ({"epochs": 0}, "epochs: expected an integer"), ({"epochs": 10**5}, "epochs: expected an integer"),
])
def test_slowdown_neuron_checks_its_settings(kwargs, message):
    with pytest.raises(ValueError, match=message):
        SlowdownNeuron(**kwargs)
