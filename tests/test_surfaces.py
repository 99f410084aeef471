"""Tests for nnbook.surfaces: values and gradients, trajectories, divergence without warnings."""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import gradcheck, optim, surfaces
from nnbook.surfaces import SURFACES


@pytest.mark.parametrize("name", list(SURFACES))
def test_gradients_match_central_differences(name):
    s = surfaces.get(name)
    rng = np.random.default_rng(0)
    for _ in range(5):
        w = rng.uniform(-2, 2, 2)
        numeric = gradcheck.numerical_gradient(lambda: s.value(w), w)
        assert gradcheck.relative_error(s.grad(w), numeric) < 1e-8


@pytest.mark.parametrize("name", list(SURFACES))
def test_grid_evaluation_and_metadata(name):
    s = surfaces.get(name)
    a = np.linspace(*s.xlim, 7)
    b = np.linspace(*s.ylim, 5)
    W = np.stack(np.meshgrid(a, b), axis=-1)                 # (5, 7, 2)
    assert s.value(W).shape == (5, 7)
    assert s.grad(W).shape == (5, 7, 2)
    assert s.value(W)[2, 3] == pytest.approx(s.value(W[2, 3]))
    assert np.allclose(s.grad(np.array(s.minimum)), 0)
    assert s.formula and len(s.start) == 2 and s(W[0, 0]) == s.value(W[0, 0])
    assert name in repr(s) or s.formula in repr(s)


def test_values():
    assert surfaces.get("bowl").value([100.0, 200.0]) == 50000.0
    assert surfaces.get("elongated_bowl", kappa=10).value([1.0, 1.0]) == 11.0
    assert surfaces.get("rosenbrock").value([1.0, 1.0]) == 0.0
    assert surfaces.get("rosenbrock").value([0.0, 0.0]) == 1.0
    assert surfaces.get("saddle").value([1.0, 2.0]) == -3.0
    assert surfaces.get("rosenbrock", a=2.0).minimum == (2.0, 4.0)


def test_trajectory_of_gradient_descent_on_the_bowl():
    # Chaudhury T14: plain GD lr 0.2 shrinks the radius by 0.6 per step from (100, 200)
    t = surfaces.trajectory("bowl", optim.SGD(0.2), steps=7)
    assert t.points.shape == (8, 2) and t.values.shape == (8,)
    np.testing.assert_allclose(np.round(np.hypot(*t.points.T), 2),
                               [223.61, 134.16, 80.50, 48.30, 28.98, 17.39, 10.43, 6.26])
    assert t.values[-1] == pytest.approx(39.18, abs=0.01)
    assert not t.diverged and t.diverged_at is None and t.steps == 7
    assert "loss" in t.message


def test_trajectory_resets_the_optimizer_and_uses_start():
    opt = optim.Momentum(0.1, 0.9)
    a = surfaces.trajectory(surfaces.ElongatedBowl(), opt, start=(1.0, 1.0), steps=30)
    b = surfaces.trajectory(surfaces.ElongatedBowl(), opt, start=(1.0, 1.0), steps=30)
    np.testing.assert_array_equal(a.points, b.points)
    np.testing.assert_array_equal(a.points[0], [1.0, 1.0])


def test_momentum_beats_gd_on_the_elongated_bowl():
    s = surfaces.get("elongated_bowl")
    gd = surfaces.trajectory(s, optim.SGD(0.09), steps=60)
    mom = surfaces.trajectory(s, optim.Momentum(0.05, 0.6), steps=60)
    assert mom.values[-1] < gd.values[-1]


def test_adam_makes_progress_on_rosenbrock():
    t = surfaces.trajectory("rosenbrock", optim.Adam(0.02), steps=2000)
    assert not t.diverged and t.values[-1] < 0.01 * t.values[0]


def test_divergence_stops_and_reports_without_warnings():
    # lr 1.5 on the bowl multiplies w by -2 per step: overflow to inf after a few hundred steps
    t = surfaces.trajectory("bowl", optim.SGD(1.5), steps=5000)
    assert t.diverged and t.diverged_at == t.steps + 1
    assert np.all(np.isfinite(t.points)) and np.all(np.isfinite(t.values))
    assert t.steps < 600 and "diverged at step" in t.message
    r = surfaces.trajectory("rosenbrock", optim.SGD(0.01), steps=100)
    assert r.diverged


def test_saddle_escape_depends_on_the_offset():
    on_axis = surfaces.trajectory("saddle", optim.SGD(0.1), start=(2.0, 0.0), steps=50)
    assert np.allclose(on_axis.points[-1], 0, atol=1e-4)         # stuck at the saddle point
    off = surfaces.trajectory("saddle", optim.SGD(0.1), start=(2.0, 0.01), steps=50)
    assert abs(off.points[-1, 1]) > 10                           # escapes along w1


def test_zero_steps():
    t = surfaces.trajectory("bowl", optim.SGD(0.1), steps=0)
    assert t.points.shape == (1, 2) and t.steps == 0


@pytest.mark.parametrize("call, exc, match", [
    (lambda: surfaces.get("cone"), ValueError, "name"),
    (lambda: surfaces.get(1), TypeError, "name"),
    (lambda: surfaces.get("bowl", kappa=3), ValueError, "params"),
    (lambda: surfaces.get(surfaces.Bowl(), kappa=3), ValueError, "params"),
    (lambda: surfaces.ElongatedBowl(kappa=0), ValueError, "kappa"),
    (lambda: surfaces.ElongatedBowl(kappa="a"), TypeError, "kappa"),
    (lambda: surfaces.Rosenbrock(a=float("nan")), ValueError, "a"),
    (lambda: surfaces.Rosenbrock(b=-1), ValueError, "b"),
    (lambda: surfaces.Bowl().value([1.0, 2.0, 3.0]), ValueError, "w"),
    (lambda: surfaces.Bowl().grad(5.0), ValueError, "w"),
    (lambda: surfaces.Bowl().value("ab"), TypeError, "w"),
    (lambda: surfaces.trajectory("bowl", "sgd"), TypeError, "optimizer"),
    (lambda: surfaces.trajectory(3, optim.SGD(0.1)), TypeError, "surface"),
    (lambda: surfaces.trajectory("bowl", optim.SGD(0.1), start=(1.0,)), ValueError, "start"),
    (lambda: surfaces.trajectory("bowl", optim.SGD(0.1), start=(np.nan, 1.0)), ValueError, "start"),
    (lambda: surfaces.trajectory("bowl", optim.SGD(0.1), steps=-1), ValueError, "steps"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_names():
    assert surfaces.names() == ["bowl", "elongated_bowl", "rosenbrock", "saddle"]
    b = surfaces.Bowl()
    assert surfaces.get(b) is b


# --- robustness (issue 8) -------------------------------------------------------------------

def test_steps_past_the_limit_are_refused_at_once():
    """steps=10**8 ran for minutes; the limit is checks.MAX_STEPS = 10**7, checked before any step."""
    class Counting(optim.SGD):
        taken = 0

        def step(self, params, grads):
            Counting.taken += 1
            return super().step(params, grads)

    for steps in (10**7 + 1, 10**8, 10**12):
        with pytest.raises(ValueError, match=r"steps: expected an integer ≥ 0 and ≤ 1e\+07"):
            surfaces.trajectory("bowl", Counting(0.1), steps=steps)
    with pytest.raises(TypeError, match="steps"):
        surfaces.trajectory("bowl", Counting(0.1), steps=2.5)
    assert Counting.taken == 0


def test_points_must_be_finite_and_overflow_is_an_error_not_nan():
    for bad in ([np.nan, 1.0], [np.inf, 0.0], [1.0, None], ["1", "2"]):
        with pytest.raises((ValueError, TypeError), match="^w: "):
            surfaces.Bowl().value(bad)
    with pytest.raises(ValueError, match=r"w: .*overflows float64"):
        surfaces.Saddle().value([1e300, 1e300])                      # ∞ − ∞
    assert surfaces.Bowl().value([1e300, 1e300]) == np.inf           # an overflow that has a value


def test_get_and_trajectory_name_the_argument():
    with pytest.raises(TypeError, match=r"kappa: expected a number"):
        surfaces.get("elongated_bowl", kappa="a")
    with pytest.raises(ValueError, match=r"params: bowl takes parameters \(none\), got kappa"):
        surfaces.get("bowl", kappa=3)
    with pytest.raises(ValueError, match=r"surface: unknown surface 'cone'"):
        surfaces.trajectory("cone", optim.SGD(0.1))
    with pytest.raises(TypeError, match=r"start: expected an array of numbers"):
        surfaces.trajectory("bowl", optim.SGD(0.1), start=["1", "2"])
    with pytest.raises(NotImplementedError, match="base class"):
        surfaces.Surface().value([1.0, 1.0])
    assert surfaces.get("rosenbrock", a=2.0).params == {"a": 2.0, "b": 100.0}
