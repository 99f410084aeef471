"""The learning-rate lab's Python side (chapter 1): its settings, their checks and the nnbook run
it mirrors (tests/test_widgets_js.py checks the browser's trajectories against it)."""
from __future__ import annotations

import numpy as np
import pytest
import traitlets

from nnbook import optim, surfaces
from nnbook.widgets import LearningRateLab


def test_defaults_are_chaudhurys_bowl():
    lab = LearningRateLab()
    assert (lab.surface, lab.optimizer, lab.start, lab.steps) == ("bowl", "sgd", [100.0, 200.0], 30)
    assert [row["name"] for row in lab.surfaces] == surfaces.names() and set(lab.optimizers) == set(optim.names())
    assert lab.optimizers["adam"]["eps"] == 1e-8 and lab.optimizers["adagrad"]["eps"] == 1e-10
    assert len(lab.book_style["sequential"]) == 256 and lab._esm
    assert repr(lab).startswith("LearningRateLab(surface='bowl', optimizer='sgd', compare=''")


def test_trajectory_is_nnbooks_run_of_the_settings():
    lab = LearningRateLab("elongated_bowl", "nesterov", lr=0.03, momentum=0.8, steps=40, start=(-4.0, 2.0))
    assert lab.hyperparameters() == {"lr": 0.03, "momentum": 0.8}
    got = lab.trajectory()
    ref = surfaces.trajectory("elongated_bowl", optim.Nesterov(lr=0.03, momentum=0.8), (-4.0, 2.0), 40)
    assert np.array_equal(got.points, ref.points)
    assert lab.hyperparameters("adam") == {"lr": 0.03, "beta1": 0.9, "beta2": 0.999}
    assert lab.trajectory("rmsprop").steps == 40


def test_chaudhury_gd_radii():
    """GD at η = 0.2 on w0² + w1² from (100, 200): radius × 0.6 per step (Chaudhury's bowl)."""
    lab = LearningRateLab(lr=0.2, steps=7)
    radii = np.round(np.hypot(*lab.trajectory().points.T), 2)
    assert radii.tolist() == [223.61, 134.16, 80.5, 48.3, 28.98, 17.39, 10.43, 6.26]


@pytest.mark.parametrize("key, value, message", [
    ("surface", "cone", "surface: expected one of"), ("optimizer", "lbfgs", "optimizer: expected one of"),
    ("compare", "sgd2", "compare: expected one of"), ("lr", 10.0, "lr: expected a number"),
    ("lr", 0.0, "lr: expected a number"), ("momentum", 1.0, "momentum: expected a number"),
    ("rho", 0.0, "rho: expected a number"), ("beta2", 1.0, "beta2: expected a number"),
    ("steps", 0, "steps: expected an integer"), ("steps", 10**6, "steps: expected an integer"),
    ("start", [1.0, float("nan")], "start: contains NaN"), ("start", [1.0, 2.0, 3.0], "start: expected a point"),
])
def test_settings_are_checked_in_the_constructor_and_on_the_traits(key, value, message):
    with pytest.raises(ValueError, match=message):
        LearningRateLab(**{key: value})
    lab = LearningRateLab()
    before = getattr(lab, key)
    with pytest.raises((ValueError, traitlets.TraitError), match=message.split(":")[0]):
        setattr(lab, key, value)
    assert getattr(lab, key) == before


def test_a_run_that_leaves_the_plot_is_still_computed():
    lab = LearningRateLab(lr=1.05, steps=200)
    run = lab.trajectory()
    assert not run.diverged and np.hypot(*run.points[-1]) > 250        # outside the plot: the lab says so
