"""Tests for nnbook.optim: hand-computed steps, the Chaudhury trajectories, sklearn semantics, bad input."""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import optim
from nnbook.optim import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSProp

G1 = np.array([0.5, 4.0])
G2 = np.array([1.0, -1.0])


def _w():
    return np.array([1.0, -2.0])


# --- one or two steps by hand -----------------------------------------------------------------

def test_sgd_step_by_hand():
    w = _w()
    out = SGD(lr=0.1).step(w, G1)
    assert out is w                                       # in place
    np.testing.assert_allclose(w, [1 - 0.1 * 0.5, -2 - 0.1 * 4])   # (0.95, -2.4)


def test_momentum_steps_by_hand():
    opt, w = Momentum(lr=0.1, momentum=0.9), _w()
    opt.step(w, G1)                 # v1 = -0.1 g1 = (-0.05, -0.4)
    np.testing.assert_allclose(w, [0.95, -2.4])
    opt.step(w, G2)                 # v2 = 0.9 v1 - 0.1 g2 = (-0.045 - 0.1, -0.36 + 0.1) = (-0.145, -0.26)
    np.testing.assert_allclose(opt.velocity, [-0.145, -0.26])
    np.testing.assert_allclose(w, [0.95 - 0.145, -2.4 - 0.26])


def test_nesterov_steps_by_hand():
    opt, w = Nesterov(lr=0.1, momentum=0.9), _w()
    opt.step(w, G1)                 # v1 = -0.1 g1; theta += 0.9 v1 - 0.1 g1 = -0.19 g1
    np.testing.assert_allclose(w, [1 - 0.095, -2 - 0.76])
    opt.step(w, G2)                 # v2 = (-0.145, -0.26); theta += 0.9 v2 - 0.1 g2
    np.testing.assert_allclose(w, [0.905 + 0.9 * -0.145 - 0.1, -2.76 + 0.9 * -0.26 + 0.1])
    # the textbook iterate w = theta - mu v
    np.testing.assert_allclose(opt.lookahead_to_iterate(w), w - 0.9 * opt.velocity)


def test_adagrad_steps_by_hand():
    opt, w = AdaGrad(lr=0.1), _w()
    opt.step(w, G1)                 # s = (0.25, 16); step = 0.1 (0.5/0.5, 4/4) = (0.1, 0.1)
    np.testing.assert_allclose(w, [0.9, -2.1])
    opt.step(w, G2)                 # s = (1.25, 17); step = 0.1 (1/sqrt 1.25, -1/sqrt 17)
    np.testing.assert_allclose(w, [0.9 - 0.1 / np.sqrt(1.25), -2.1 + 0.1 / np.sqrt(17)])
    np.testing.assert_allclose(opt.s, [1.25, 17.0])


def test_rmsprop_step_by_hand():
    opt, w = RMSProp(lr=0.1, rho=0.9), _w()
    opt.step(w, G1)                 # s = 0.1 g^2; step = 0.1 g / sqrt(0.1 g^2) = 0.1 sqrt(10) sign(g)
    np.testing.assert_allclose(w, [1 - 0.1 * np.sqrt(10), -2 - 0.1 * np.sqrt(10)], rtol=1e-7)


def test_adam_first_step_is_lr_times_sign():
    opt, w = Adam(lr=0.1), _w()
    opt.step(w, G1)                 # v_hat = g, s_hat = g^2 -> step = 0.1 g / (|g| + 1e-8)
    np.testing.assert_allclose(w, [0.9, -2.1], rtol=1e-7)
    assert opt.t == 1
    np.testing.assert_allclose(opt.v, 0.1 * G1)
    np.testing.assert_allclose(opt.s, 0.001 * G1 ** 2)


def test_adam_second_step_by_hand():
    opt, w = Adam(lr=0.1, beta1=0.9, beta2=0.999, eps=1e-8), _w()
    opt.step(w, G1)
    opt.step(w, G2)
    v = 0.9 * 0.1 * G1 + 0.1 * G2
    s = 0.999 * 0.001 * G1 ** 2 + 0.001 * G2 ** 2
    v_hat, s_hat = v / (1 - 0.9 ** 2), s / (1 - 0.999 ** 2)
    np.testing.assert_allclose(w, np.array([0.9, -2.1]) - 0.1 * v_hat / (np.sqrt(s_hat) + 1e-8))


# --- the Chaudhury notes' oracles on L = w0^2 + w1^2 from (100, 200) ---------------------------

def _run(opt, steps, start=(100.0, 200.0)):
    w = np.array(start)
    points = [w.copy()]
    for _ in range(steps):
        opt.step(w, 2 * w)
        points.append(w.copy())
    return np.array(points)


@pytest.mark.parametrize("opt, expected", [
    (SGD(0.01), [(98, 196), (96.04, 192.08), (94.1192, 188.2384)]),
    (Momentum(0.01, 0.9), [(98, 196), (94.24, 188.48), (88.9712, 177.9424)]),
    (Nesterov(0.01, 0.9), [(96.2, 192.4), (90.9244, 181.8488), (84.452833, 168.905666)]),
    (AdaGrad(0.001), [(99.999, 199.999), (99.998293, 199.998293), (99.997716, 199.997716)]),
    (RMSProp(0.01, rho=0.99), [(99.9, 199.9), (99.829147, 199.82913), (99.771169, 199.771128)]),
    (Adam(0.001), [(99.999, 199.999), (99.998, 199.998), (99.997, 199.997)]),
    (Adam(0.001, bias_correction=False), [(99.996838, 199.996838)]),
], ids=["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adam-no-bias-correction"])
def test_chaudhury_listing_9_12_oracles(opt, expected):
    points = _run(opt, len(expected))
    np.testing.assert_allclose(points[1:], expected, atol=2e-6 if "Adam(" not in repr(opt) else 2e-5)


def _radii(points):
    return np.round(np.hypot(points[:, 0], points[:, 1]), 2)


def test_corrected_momentum_trajectories():
    # Chaudhury notes §4, textbook-correct Eq. 9.11 (the notebook's published T15/T16 use a lag bug)
    np.testing.assert_allclose(_radii(_run(Momentum(0.2, 0.2), 4)), [223.61, 134.16, 62.61, 23.26, 6.08])
    np.testing.assert_allclose(_radii(_run(Momentum(0.3, 0.5), 3)), [223.61, 89.44, 31.30, 72.90])
    # end loss after the 4 momentum steps: 36.99
    assert np.sum(_run(Momentum(0.2, 0.2), 4)[-1] ** 2) == pytest.approx(36.99, abs=0.01)
    # and plain gradient descent shrinks the radius by (1 - 2 lr): T14
    np.testing.assert_allclose(_radii(_run(SGD(0.2), 3)), [223.61, 134.16, 80.50, 48.30])


def test_corrected_nesterov_trajectory():
    # Sutskever-form Nesterov (Eq. 9.13 with look-ahead w - gamma dw): radii 223.61, 89.44, 8.94, 12.52
    opt, theta = Nesterov(0.3, 0.5), np.array([100.0, 200.0])
    iterates = [theta.copy()]
    for _ in range(3):
        opt.step(theta, 2 * theta)                 # the gradient at the held look-ahead point
        iterates.append(opt.lookahead_to_iterate(theta))
    np.testing.assert_allclose(_radii(np.array(iterates)), [223.61, 89.44, 8.94, 12.52])


def test_nesterov_iterates_match_textbook_recurrence():
    # dw_t = gamma dw_{t-1} + eta grad(w_t - gamma dw_{t-1}); w_{t+1} = w_t - dw_t
    eta, gamma = 0.05, 0.8
    w, dw = np.array([3.0, -1.0]), np.zeros(2)
    grad = lambda p: np.array([2 * p[0], 20 * p[1]])      # elongated bowl
    opt, theta = Nesterov(eta, gamma), np.array([3.0, -1.0])
    for _ in range(20):
        dw = gamma * dw + eta * grad(w - gamma * dw)
        w = w - dw
        opt.step(theta, grad(theta))
        np.testing.assert_allclose(opt.lookahead_to_iterate(theta), w, atol=1e-12)


# --- against scikit-learn's own optimizers ---------------------------------------------------------

@pytest.mark.parametrize("nesterov", [False, True])
def test_momentum_matches_sklearn_sgd_optimizer(nesterov):
    from sklearn.neural_network._stochastic_optimizers import SGDOptimizer
    rng = np.random.default_rng(0)
    ours = rng.normal(size=(3, 4))
    theirs = [ours.copy()]
    sk = SGDOptimizer(theirs, learning_rate_init=0.05, momentum=0.9, nesterov=nesterov)
    opt = (Nesterov if nesterov else Momentum)(0.05, 0.9)
    for _ in range(10):
        g = rng.normal(size=(3, 4))
        opt.step(ours, g)
        sk.update_params(theirs, [g])
        np.testing.assert_allclose(ours, theirs[0], atol=1e-12)


def test_adam_matches_sklearn_adam():
    from sklearn.neural_network._stochastic_optimizers import AdamOptimizer
    rng = np.random.default_rng(1)
    ours = rng.normal(size=(5,))
    theirs = [ours.copy()]
    sk = AdamOptimizer(theirs, learning_rate_init=0.01)
    opt = Adam(0.01)
    for _ in range(20):
        g = rng.normal(size=5)
        opt.step(ours, g)
        sk.update_params(theirs, [g])
    # sklearn folds the bias correction into the rate, which scales eps slightly differently
    np.testing.assert_allclose(ours, theirs[0], rtol=1e-6)


# --- invariants from the notes --------------------------------------------------------------------

def test_adagrad_effective_rate_vanishes_like_one_over_sqrt_t():
    opt, w = AdaGrad(lr=1.0, eps=1e-12), np.zeros(1)
    steps = []
    for _ in range(100):
        before = w.copy()
        opt.step(w, np.ones(1))
        steps.append(float(before[0] - w[0]))
    np.testing.assert_allclose([steps[0], steps[1], steps[9], steps[99]], [1, 1 / np.sqrt(2), 1 / np.sqrt(10), 0.1],
                               rtol=1e-9)


def test_momentum_terminal_step_is_lr_over_one_minus_mu():
    opt, w = Momentum(lr=0.01, momentum=0.9), np.zeros(1)
    for _ in range(500):
        before = w.copy()
        opt.step(w, np.ones(1))
    assert before[0] - w[0] == pytest.approx(0.01 / (1 - 0.9))


# --- lockstep models, lr arrays, state ------------------------------------------------------------

@pytest.mark.parametrize("cls", [SGD, Momentum, Nesterov, AdaGrad, RMSProp, Adam])
def test_per_model_learning_rates_equal_separate_runs(cls):
    rng = np.random.default_rng(2)
    lrs = np.array([[0.1], [0.01], [0.5]])
    params = rng.normal(size=(3, 6))
    singles = [params[k].copy() for k in range(3)]
    opt = cls(lr=lrs)
    separate = [cls(lr=float(lrs[k, 0])) for k in range(3)]
    for _ in range(5):
        grads = rng.normal(size=(3, 6))
        opt.step(params, grads)
        for k in range(3):
            separate[k].step(singles[k], grads[k])
    for k in range(3):
        np.testing.assert_allclose(params[k], singles[k], rtol=1e-12)


def test_lr_can_be_reassigned_between_steps():
    opt, w = SGD(0.1), np.array([1.0])
    opt.step(w, np.array([1.0]))
    opt.lr = 0.5
    opt.step(w, np.array([1.0]))
    assert w[0] == pytest.approx(1 - 0.1 - 0.5)
    opt.lr = np.array([0.25])
    opt.step(w, np.array([1.0]))
    assert w[0] == pytest.approx(0.4 - 0.25)


def test_sgd_step_reuses_its_buffer_and_reset_clears_state():
    opt, w = SGD(0.1), np.ones((4, 3))
    opt.step(w, np.ones((4, 3)))
    buf = opt._buf
    for _ in range(3):
        opt.step(w, np.ones((4, 3)))
    assert opt._buf is buf and opt.t == 4
    m = Momentum(0.1)
    m.step(np.ones(2), np.ones(2))
    assert m.velocity is not None
    m.reset()
    assert m.velocity is None and m.t == 0
    m.step(np.ones(3), np.ones(3))                   # new shape after reset is fine
    assert m.velocity.shape == (3,)


def test_get_and_names():
    assert set(optim.names()) == {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"}
    opt = optim.get("adam", lr=0.001)
    assert isinstance(opt, Adam) and opt.lr == 0.001 and opt.beta2 == 0.999 and opt.eps == 1e-8
    assert optim.get(opt) is opt
    assert isinstance(optim.get("Nesterov", lr=0.1, momentum=0.5), Nesterov)
    for cls in optim.OPTIMIZERS.values():
        assert cls.__doc__ and "chapter 1" in cls.__doc__
        assert repr(cls(lr=0.1)).startswith(cls.__name__)


@pytest.mark.parametrize("call, exc, match", [
    (lambda: SGD(lr=0), ValueError, "lr"),
    (lambda: SGD(lr=-0.1), ValueError, "lr"),
    (lambda: SGD(lr=float("nan")), ValueError, "lr"),
    (lambda: SGD(lr=True), TypeError, "lr"),
    (lambda: SGD(lr="fast"), TypeError, "lr"),
    (lambda: SGD(lr=np.array([0.1, 0.0])), ValueError, "lr"),
    (lambda: SGD(lr=np.array([])), ValueError, "lr"),
    (lambda: Momentum(0.1, momentum=1.0), ValueError, "momentum"),
    (lambda: Momentum(0.1, momentum=-0.1), ValueError, "momentum"),
    (lambda: Momentum(0.1, momentum="a"), TypeError, "momentum"),
    (lambda: RMSProp(0.1, rho=1.5), ValueError, "rho"),
    (lambda: AdaGrad(0.1, eps=0), ValueError, "eps"),
    (lambda: AdaGrad(0.1, eps="x"), TypeError, "eps"),
    (lambda: Adam(0.1, beta1=1), ValueError, "beta1"),
    (lambda: Adam(0.1, beta2=-1), ValueError, "beta2"),
    (lambda: Adam(0.1, bias_correction="yes"), TypeError, "bias_correction"),
    (lambda: optim.get("lbfgs", lr=0.1), ValueError, "name"),
    (lambda: optim.get(5), TypeError, "name"),
    (lambda: optim.get("sgd"), ValueError, "lr"),
    (lambda: optim.get("sgd", lr=0.1, momentum=0.9), ValueError, "params"),
    (lambda: optim.get(SGD(0.1), lr=0.2), ValueError, "params"),
])
def test_bad_hyperparameters(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_bad_step_arguments():
    opt = SGD(0.1)
    with pytest.raises(TypeError, match="params"):
        opt.step([1.0, 2.0], np.ones(2))
    with pytest.raises(TypeError, match="params"):
        opt.step(np.array([1, 2]), np.ones(2))           # integers cannot be updated in place
    with pytest.raises(TypeError, match="grads"):
        opt.step(np.ones(2), [1.0, 1.0])
    with pytest.raises(ValueError, match="grads"):
        opt.step(np.ones(2), np.ones(3))
    opt.step(np.ones(2), np.ones(2))
    with pytest.raises(ValueError, match="params.*reset"):
        opt.step(np.ones(3), np.ones(3))
    bad = SGD(np.array([[0.1], [0.2]]))
    with pytest.raises(ValueError, match="lr"):
        bad.step(np.ones((3, 4)), np.ones((3, 4)))
    with pytest.raises(ValueError, match="lr"):
        opt.lr = -1


# --- schedules -------------------------------------------------------------------------------------

def test_invscaling_matches_sklearn_and_counts_samples():
    from sklearn.neural_network._stochastic_optimizers import SGDOptimizer
    sk = SGDOptimizer([np.zeros(1)], learning_rate_init=0.01, lr_schedule="invscaling", power_t=0.5)
    sched = optim.InvScaling(0.01, power_t=0.5)
    for epoch, seen in [(1, 1536), (2, 3072), (7, 10752)]:
        sk.iteration_ends(seen)
        assert sched(epoch, seen, 0.3) == pytest.approx(sk.learning_rate)
    # Kneusel's eta0/sqrt(t) values 0.01, 0.005, 0.001, 0.0001 at t = 1, 4, 100, 1e4 (t = samples + 1)
    for t, eta in [(1, 0.01), (4, 0.005), (100, 0.001), (10000, 0.0001)]:
        assert sched(1, t - 1) == pytest.approx(eta)


def test_constant_and_step_decay():
    assert optim.Constant(0.1)(5, 100, 0.2) == 0.1
    lr = np.array([[0.1], [0.2]])
    out = optim.Constant(lr)(3, 0)
    np.testing.assert_array_equal(out, lr)
    assert out is not lr
    sched = optim.StepDecay(0.1, drop=0.5, every=10)
    assert [sched(e, 0) for e in (0, 10, 11, 21)] == pytest.approx([0.1, 0.1, 0.05, 0.025])   # training epochs count from 1


def test_adaptive_divides_by_five_after_two_stalled_epochs():
    sched = optim.Adaptive(1.0)                       # factor 5, patience 2, tol 1e-4
    assert sched(0, 0, None) == 1.0
    assert sched(1, 10, 1.0) == 1.0                   # improves on inf
    assert sched(2, 20, 0.99995) == 1.0               # not by tol: 1 stalled epoch
    assert sched(3, 30, 0.9999) == pytest.approx(0.2)  # 2 stalled epochs: divide by 5
    assert sched(4, 40, 0.5) == pytest.approx(0.2)    # improves
    assert sched(5, 50, 0.6) == pytest.approx(0.2)
    assert sched(6, 60, float("nan")) == pytest.approx(0.04)   # NaN never improves
    sched.reset()
    assert sched(1, 0, 3.0) == 1.0


def test_adaptive_per_model():
    sched = optim.Adaptive(0.1, patience=1)
    lr = sched(1, 0, np.array([1.0, 1.0]))
    assert lr.shape == (2, 1)
    lr = sched(2, 0, np.array([0.5, 1.0]))            # model 1 stalls once -> divided
    np.testing.assert_allclose(lr, [[0.1], [0.02]])
    with pytest.raises(ValueError, match="loss"):
        sched(3, 0, np.array([1.0, 1.0, 1.0]))
    with pytest.raises(ValueError, match="eta0"):
        optim.Adaptive(np.array([0.1, 0.2, 0.3]))(1, 0, np.array([1.0, 2.0]))


def test_get_schedule():
    assert isinstance(optim.get_schedule("invscaling", eta0=0.1), optim.InvScaling)
    s = optim.get_schedule("adaptive", eta0=0.1, factor=10)
    assert s.factor == 10 and optim.get_schedule(s) is s
    assert "Adaptive" in repr(s) and "InvScaling" in repr(optim.InvScaling(0.1))


@pytest.mark.parametrize("call, exc, match", [
    (lambda: optim.Constant(0), ValueError, "eta0"),
    (lambda: optim.InvScaling(0.1, power_t=-1), ValueError, "power_t"),
    (lambda: optim.InvScaling(0.1, power_t="a"), TypeError, "power_t"),
    (lambda: optim.StepDecay(0.1, drop=0), ValueError, "drop"),
    (lambda: optim.StepDecay(0.1, drop="a"), TypeError, "drop"),
    (lambda: optim.StepDecay(0.1, every=0), ValueError, "every"),
    (lambda: optim.Adaptive(0.1, factor=1), ValueError, "factor"),
    (lambda: optim.Adaptive(0.1, factor="a"), TypeError, "factor"),
    (lambda: optim.Adaptive(0.1, patience=0), ValueError, "patience"),
    (lambda: optim.Adaptive(0.1, tol=-1), ValueError, "tol"),
    (lambda: optim.Adaptive(0.1, tol="a"), TypeError, "tol"),
    (lambda: optim.Constant(0.1)(-1, 0), ValueError, "epoch"),
    (lambda: optim.Constant(0.1)(1, 2.5), ValueError, "samples_seen"),
    (lambda: optim.Adaptive(0.1)(1, 0, "low"), TypeError, "loss"),
    (lambda: optim.Adaptive(0.1)(1, 0, np.ones((2, 2))), ValueError, "loss"),
    (lambda: optim.get_schedule("cosine", eta0=0.1), ValueError, "name"),
    (lambda: optim.get_schedule("constant"), ValueError, "eta0"),
    (lambda: optim.get_schedule("constant", eta0=0.1, power_t=1), ValueError, "params"),
    (lambda: optim.get_schedule(optim.Constant(0.1), eta0=1), ValueError, "params"),
])
def test_schedule_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_step_decay_drops_when_torch_step_lr_does():
    """StepLR(step_size=3, gamma=0.3) on η0 = 0.4 trains epochs 0-2 (torch's count) with 0.4 and
    epoch 3 with 0.12; nnbook counts the same epochs 1-3 and 4."""
    s = optim.StepDecay(0.4, 0.3, every=3)
    assert [s(e) for e in range(1, 8)] == [0.4, 0.4, 0.4, 0.4 * 0.3, 0.4 * 0.3, 0.4 * 0.3, 0.4 * 0.3 ** 2]


def test_history_lr_starts_with_the_schedules_eta0():
    from nnbook import MLP
    from nnbook.train import train
    X = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])
    y = np.array([1, 1, 0, 0])
    h = train(MLP([2, 3, 1], seed=0), X, y, loss="bce", epochs=2, lr=0.9,
                        schedule=optim.StepDecay(0.2, 0.5, every=1))
    assert np.allclose(np.asarray(h.lr).reshape(-1)[:3], [0.2, 0.2, 0.1])


# --- prepare + update: the training loop's step, checked once --------------------------------------

@pytest.mark.parametrize("name", optim.names())
@pytest.mark.parametrize("lr", [0.05, np.array([[0.1], [0.01], [0.05]])], ids=["scalar", "per-model"])
def test_update_after_prepare_equals_step_to_the_last_bit(name, lr):
    rng = np.random.default_rng(4)
    stepped, updated = optim.get(name, lr=lr), optim.get(name, lr=lr)
    p_step = rng.normal(size=(3, 5))
    p_update = p_step.copy()
    updated.prepare(p_update, np.zeros_like(p_update))
    assert updated.t == 0 and p_update.tolist() == p_step.tolist()     # prepare does not step
    for _ in range(6):
        g = rng.normal(size=(3, 5))
        stepped.step(p_step, g)
        assert updated.update(p_update, g) is None
        assert np.array_equal(p_step, p_update)
    assert stepped.t == updated.t == 6
    for buf in type(stepped)._buffers:
        assert np.array_equal(getattr(stepped, buf), getattr(updated, buf)), buf


@pytest.mark.parametrize("call, exc, match", [
    (lambda opt: opt.prepare([1.0, 2.0], np.ones(2)), TypeError, "params: expected a float ndarray"),
    (lambda opt: opt.prepare(np.array([1, 2]), np.ones(2)), TypeError, "params: expected a float ndarray"),
    (lambda opt: opt.prepare(np.ones(2), [1.0, 1.0]), TypeError, "grads: expected an ndarray"),
    (lambda opt: opt.prepare(np.ones(2), np.ones(3)), ValueError, "grads: expected the shape of params"),
])
def test_prepare_checks_what_step_checks(call, exc, match):
    with pytest.raises(exc, match=match):
        call(SGD(0.1))

    class StepInstead(SGD):                    # the same arguments through step()
        def prepare(self, params, grads):
            return self.step(params, grads)
    with pytest.raises(exc, match=match):
        call(StepInstead(0.1))


def test_prepare_allocates_the_state_and_refuses_other_shapes():
    opt = Adam(0.01)
    opt.prepare(np.ones((2, 3)), np.zeros((2, 3)))
    assert opt.v.shape == opt.s.shape == (2, 3) and opt.t == 0
    with pytest.raises(ValueError, match="params.*reset"):
        opt.prepare(np.ones(3), np.zeros(3))
    bad = SGD(np.array([[0.1], [0.2]]))
    with pytest.raises(ValueError, match="lr: an array of shape"):
        bad.prepare(np.ones((3, 4)), np.ones((3, 4)))


def test_eta_is_lr_as_an_operand():
    opt = SGD(0.1)
    assert isinstance(opt._eta, np.ndarray) and opt._eta.shape == () and opt._eta.dtype == np.float64
    assert float(opt._eta) == 0.1
    opt.lr = np.array([[0.1], [0.2]])
    assert np.array_equal(opt._eta, [[0.1], [0.2]])
    opt.lr = np.float32(0.5)
    assert opt._eta.dtype == np.float64 and float(opt._eta) == 0.5
    w = np.ones(2)
    opt.step(w, np.ones(2))
    assert w.tolist() == [0.5, 0.5]
