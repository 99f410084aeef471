"""nnbook.activations: every f' against central differences, known values, extremes, errors."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnbook import activations as act
from nnbook.activations import ACTIVATIONS, get

NAMES = list(ACTIVATIONS)
# Non-default parameter values, so that the derivative checks cover the parameters too.
BOUND = [("leaky_relu", {"slope": 0.2}), ("prelu", {"a": 0.0}), ("prelu", {"a": 0.7}),
         ("elu", {"alpha": 2.5}), ("swish", {"beta": 0.0}), ("swish", {"beta": 3.0})]


def central_difference(f, z, h=1e-6):
    return (f(z + h) - f(z - h)) / (2 * h)


def away_from_kinks(a, z, margin=1e-4):
    """The points of z farther than ``margin`` from every kink of ``a``."""
    keep = np.ones_like(z, dtype=bool)
    for k in a.kinks:
        keep &= np.abs(z - k) > margin
    return z[keep]


@pytest.mark.parametrize("a", [ACTIVATIONS[n] for n in NAMES] + [get(n, **p) for n, p in BOUND],
                         ids=NAMES + [f"{n}-{p}" for n, p in BOUND])
def test_derivative_matches_central_differences(a):
    z = away_from_kinks(a, np.linspace(-8, 8, 1601))
    assert np.allclose(a.df(z), central_difference(a.f, z), rtol=1e-6, atol=1e-7)


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(NAMES), z=st.floats(-30, 30))
def test_derivative_matches_central_differences_anywhere(name, z):
    a = ACTIVATIONS[name]
    if any(abs(z - k) < 1e-4 for k in a.kinks):
        return
    assert math.isclose(float(a.df(z)), float(central_difference(a.f, np.float64(z))),
                        rel_tol=1e-5, abs_tol=1e-7)


def test_kinks_are_where_the_derivative_jumps():
    for a in ACTIVATIONS.values():
        for k in a.kinks:
            left, right = a.df(k - 1e-9), a.df(k + 1e-9)
            if a.name == "elu":  # with α = 1 ELU is smooth; its kink shows for other α
                left, right = get("elu", alpha=2.0).df(k - 1e-9), get("elu", alpha=2.0).df(k + 1e-9)
            if a.name != "step":
                assert abs(left - right) > 1e-3, (a.name, k)


def test_derivative_conventions_at_the_kinks():
    """The module docstring's convention: ReLU-type kinks take the right-hand value; the hard
    functions take 0, the flat pieces' slope, at both breakpoints."""
    for a in [ACTIVATIONS[n] for n in ("relu", "leaky_relu", "prelu")] + [get("elu", alpha=2.0)]:
        assert a.df(0.0) == a.df(1e-9) == 1.0, a.name
    for name in ("hard_sigmoid", "hard_tanh"):
        a = ACTIVATIONS[name]
        assert [float(a.df(k)) for k in a.kinks] == [0.0, 0.0], name


def test_known_values():
    s = ACTIVATIONS["sigmoid"]
    assert s.f(0.0) == 0.5
    assert s.df(0.0) == 0.25
    assert math.isclose(s.f(2.0), 0.8807970779778823, rel_tol=1e-15)
    assert math.isclose(s.f(-2.0), 0.11920292202211755, rel_tol=1e-15)
    assert math.isclose(s.df(1.0), 0.19661193324148185, rel_tol=1e-14)
    assert round(float(s.df(2.0)), 7) == 0.1049936
    assert round(float(s.df(4.0)), 7) == 0.0176627
    assert math.isclose(ACTIVATIONS["tanh"].f(1.0), 0.7615941559557649, rel_tol=1e-15)
    assert round(float(ACTIVATIONS["tanh"].df(2.0)), 7) == 0.0706508
    assert ACTIVATIONS["softplus"].f(0.0) == math.log(2)
    assert ACTIVATIONS["relu"].df(0.0) == 1.0  # Qiu's Table 5.1 convention
    assert ACTIVATIONS["step"].f(0.0) == 1.0


def test_derivative_maxima():
    z = np.linspace(-10, 10, 20001)  # contains 0
    assert ACTIVATIONS["sigmoid"].df(z).max() == 0.25
    assert ACTIVATIONS["tanh"].df(z).max() == 1.0


def test_hard_functions_are_clipped_tangents_with_known_maximum_errors():
    z = np.union1d(np.linspace(-8, 8, 16001), [-2.0, -1.0, 1.0, 2.0])
    s, hs = ACTIVATIONS["sigmoid"], ACTIVATIONS["hard_sigmoid"]
    assert np.array_equal(hs.f(z), np.clip(s.f(0.0) + s.df(0.0) * z, 0, 1))
    err = np.abs(s.f(z) - hs.f(z))
    assert round(err.max(), 9) == 0.119202922
    assert set(z[np.isclose(err, err.max(), rtol=0, atol=1e-15)]) == {-2.0, 2.0}
    t, ht = ACTIVATIONS["tanh"], ACTIVATIONS["hard_tanh"]
    assert np.array_equal(ht.f(z), np.clip(t.f(0.0) + t.df(0.0) * z, -1, 1))
    err = np.abs(t.f(z) - ht.f(z))
    assert round(err.max(), 9) == 0.238405844
    assert set(z[np.isclose(err, err.max(), rtol=0, atol=1e-15)]) == {-1.0, 1.0}


def test_leaky_slope():
    leaky = ACTIVATIONS["leaky_relu"]
    assert leaky.params == {"slope": 0.01}
    assert leaky.f(-1.0) == -0.01 and leaky.df(-1.0) == 0.01 and leaky.df(1.0) == 1.0
    assert get("leaky_relu", slope=0.2).f(-2.0) == -0.4
    assert np.array_equal(get("prelu", a=0.0).f(np.linspace(-3, 3, 61)), act.relu(np.linspace(-3, 3, 61)))


@pytest.mark.parametrize("name", NAMES)
def test_extreme_inputs_are_finite_and_warning_free(name):
    a = ACTIVATIONS[name]
    z = np.array([-1e300, -1e4, -710.0, -40.0, 0.0, 40.0, 710.0, 1e4, 1e300])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        fz, dfz = a.f(z), a.df(z)
    assert np.all(np.isfinite(fz)) and np.all(np.isfinite(dfz))
    assert fz.dtype == np.float64 and dfz.dtype == np.float64


def test_tails_keep_their_digits():
    assert math.isclose(act.sigmoid(-40.0), math.exp(-40) / (1 + math.exp(-40)), rel_tol=1e-14)
    assert math.isclose(act.d_sigmoid(40.0), math.exp(-40) / (1 + math.exp(-40)) ** 2, rel_tol=1e-14)
    assert math.isclose(act.gelu(-10.0), -10 * 0.5 * math.erfc(10 / math.sqrt(2)), rel_tol=1e-14)


def test_functions_do_not_modify_or_alias_their_input():
    z = np.array([-1.0, 0.0, 2.0])
    for a in ACTIVATIONS.values():
        out = a.f(z)
        out[...] = 7.0
        assert np.array_equal(z, [-1.0, 0.0, 2.0]), a.name


@given(st.floats(-700, 700))
def test_sigmoid_symmetry(z):
    s = act.sigmoid
    assert math.isclose(s(-z), 1 - s(z), rel_tol=1e-12, abs_tol=1e-15)


@given(st.floats(-300, 300))
def test_tanh_is_a_scaled_sigmoid(z):
    assert math.isclose(act.tanh(z), 2 * act.sigmoid(2 * z) - 1, abs_tol=1e-15)


@given(st.floats(-700, 700))
def test_softplus_identities(z):
    sp = act.softplus
    assert math.isclose(sp(z) - sp(-z), z, rel_tol=1e-12, abs_tol=1e-12)  # ln(1+e^z) − ln(1+e^−z) = z
    assert 0 <= sp(z) - max(z, 0.0) <= math.log(2) + 1e-15  # softplus hugs ReLU within ln 2


@given(st.floats(-1e6, 1e6), st.floats(0, 1))
def test_leaky_relu_is_a_max_of_two_lines(z, slope):
    assert get("leaky_relu", slope=slope).f(z) == max(z, slope * z)


def test_get_returns_the_table_entry_or_a_bound_copy():
    assert get("relu") is ACTIVATIONS["relu"]
    assert get(ACTIVATIONS["tanh"]) is ACTIVATIONS["tanh"]
    bound = get("elu", alpha=2)
    assert bound.params == {"alpha": 2.0} and bound.f(-1e3) == -2.0
    assert bound.range == ACTIVATIONS["elu"].range and bound.kinks == ACTIVATIONS["elu"].kinks
    assert ACTIVATIONS["elu"].params == {"alpha": 1.0}  # the table is not changed
    assert act.names() == NAMES


def test_get_errors_name_the_argument():
    with pytest.raises(ValueError, match=r"name: unknown activation 'sigmoidd'.*sigmoid"):
        get("sigmoidd")
    with pytest.raises(TypeError, match=r"name: expected an activation name \(str\), got int"):
        get(3)
    with pytest.raises(ValueError, match=r"params: leaky_relu takes parameters \(slope\), got alpha"):
        get("leaky_relu", alpha=0.1)
    with pytest.raises(ValueError, match=r"params: relu takes parameters \(none\), got slope"):
        get("relu", slope=0.1)
    with pytest.raises(TypeError, match=r"slope: expected a real number, got str"):
        get("leaky_relu", slope="0.1")
    with pytest.raises(TypeError, match=r"beta: expected a real number, got bool"):
        get("swish", beta=True)
    with pytest.raises(ValueError, match=r"alpha: expected a finite number, got nan"):
        get("elu", alpha=float("nan"))
    with pytest.raises(ValueError, match=r"params: cannot bind"):
        get(ACTIVATIONS["elu"], alpha=2.0)


def test_every_entry_documents_itself():
    for name, a in ACTIVATIONS.items():
        assert a.name == name and a.formula and a.derivative and a.range and a.source
        assert all(isinstance(k, float) for k in a.kinks)


# --- robustness (issue 8) -------------------------------------------------------------------

NON_NUMERIC_Z = [None, "1.5", ["a", "b"], [1.0, None], True, np.array([True, False]), [1 + 2j], {"a": 1},
                 object(), np.array([1, None], dtype=object), [10**400], [[1.0], [1.0, 2.0]]]


@pytest.mark.parametrize("a", [ACTIVATIONS[n] for n in NAMES] + [get("leaky_relu", slope=0.2)],
                         ids=NAMES + ["leaky_relu-bound"])
def test_table_functions_refuse_non_numeric_z_instead_of_making_nan(a):
    """None became NaN, "1.5" became 1.5 and bools 0/1; now each is an error naming z."""
    for bad in NON_NUMERIC_Z:
        for fn in (a.f, a.df):
            with pytest.raises((TypeError, ValueError), match=r"^z: expected"):
                fn(bad)
    assert a.f([1, 2]).dtype == np.float64 and a.df(np.float32(0.5)).dtype == np.float64   # ints, float32 convert


def test_float64_arrays_take_the_fast_path(monkeypatch):
    """The network's inner loop calls act.f(z) / act.df(z) on float64 arrays: those never reach the checks."""
    def slow_path(z):
        raise AssertionError("slow path")

    monkeypatch.setattr(act, "_as_float", slow_path)
    z = np.linspace(-3, 3, 7)
    for a in [*ACTIVATIONS.values(), get("elu", alpha=2.0)]:
        a.f(z), a.df(z), a.f(z[None, :]), a.df(z[None, :])
    with pytest.raises(AssertionError, match="slow path"):
        ACTIVATIONS["relu"].f([1.0])


def test_get_accepts_numpy_scalars_and_refuses_huge_integers():
    assert get("elu", alpha=np.float32(0.5)).params == {"alpha": 0.5}
    with pytest.raises(ValueError, match=r"alpha: expected a finite number"):
        get("elu", alpha=10**400)
    with pytest.raises(ValueError, match=r"beta: expected a number ≥ -1000 and ≤ 1000, got 1e\+308"):
        get("swish", beta=1e308)                 # β·z and σ′(βz)·βz would be inf and NaN
    z = np.array([-1e300, 1e300])
    for name, param in (("leaky_relu", "slope"), ("prelu", "a"), ("elu", "alpha"), ("swish", "beta")):
        for value in (-act.MAX_PARAM, act.MAX_PARAM):
            a = get(name, **{param: value})
            with np.errstate(over="raise", invalid="raise", divide="raise"):
                assert np.all(np.isfinite(a.f(z))) and np.all(np.isfinite(a.df(z))), (name, value)
    with pytest.raises(TypeError, match=r"f: expected a function of z"):
        act.Activation("x", None, act.relu, "f", "df")
