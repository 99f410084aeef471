"""The widgets' JavaScript against nnbook: numpy is the reference (design: WIDGETS.md).

Each test sends a request to tests/js/harness.mjs (node), which runs the very modules the
widgets bundle (nnbook/widgets/js), and compares the answer with nnbook's:

- every activation and derivative on a grid, within 1e-12;
- numpy's PCG64 permutations (the data order of every epoch), exactly;
- the two-moons trainer's parameters after one epoch, within 1e-9, for every init and η;
- over the chapter's 60 runs (20 seeds × 3 learning rates, chapter 2's budgets) the outcome
  (collapse / plateau / success) of the JavaScript run and of nnbook's, for at least 55;
- the learning-rate lab's trajectories: every surface × optimizer, 200 steps, within 1e-9
  (relative), and the step at which a run diverges;
- chapter 3's losses (softmax, log-softmax, cross-entropy, focal, multiclass hinge) within 1e-12,
  and the slowdown neuron's runs against nnbook.train within 1e-9;
- chapter 4's init lab: the per-layer std of a and δ for every scheme × activation, with and
  without batch norm, against nnbook.signals.propagate on the lab's weights, within 1e-9.

The bundles committed in nnbook/widgets/static are checked to be what `make widgets-js` makes.
"""
from __future__ import annotations

import json
import shutil
import subprocess

import numpy as np
import pytest

from conftest import ROOT
from nnbook import activations, data, lockstep, optim, polyfit
from nnbook.experiments import LEARNING_RATES, TWO_MOONS_INITS, TWO_MOONS_SIZES, two_moons_network, two_moons_run
from nnbook.history import CHANCE_MARGIN
from nnbook.widgets.live import STATIC, from_float64_bytes
from nnbook import losses
from nnbook.widgets.init_lab import SAMPLES, SCHEMES, InitLab
from nnbook.widgets.loss_widgets import SlowdownNeuron
from nnbook.widgets.lr_lab import LearningRateLab
from nnbook.widgets.overfit_lab import LAMBDAS, OverfitLab
from nnbook.widgets.two_moons import lab_data

HARNESS = ROOT / "tests" / "js" / "harness.mjs"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node not found (make setup installs the JavaScript tools with npm)")
#: chapter 2's epoch budgets: 21 epochs at η = 0.5, 201 at 0.05 and 0.01
BUDGETS = {0.5: 21, 0.05: 201, 0.01: 201}


def node(request: dict):
    result = subprocess.run([NODE, str(HARNESS)], input=json.dumps(request), capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def test_activations_agree_with_nnbook_within_1e_12():
    z = np.concatenate([np.linspace(-40, 40, 4001), np.linspace(-1e-3, 1e-3, 201), [-700.0, -36.9, 0.0, 36.9, 700.0]])
    params = {"leaky_relu": 0.1, "prelu": 0.3, "elu": 1.7, "swish": 2.5}
    out = node({"command": "activations", "z": z.tolist(), "params": params})
    assert set(out) == set(activations.names()), "the JavaScript table has every activation of nnbook's"
    worst = {}
    for name in activations.names():
        key = activations.ACTIVATIONS[name].params
        act = activations.get(name, **({next(iter(key)): params[name]} if key else {}))
        for part, reference in (("f", act.f(z)), ("df", act.df(z))):
            got = np.array(out[name][part], dtype=float)
            error = np.abs(got - reference) / np.maximum(1.0, np.abs(reference))
            worst[f"{name} {part}"] = error.max()
    print("\nlargest difference JS − nnbook (relative above 1):",
          ", ".join(f"{k} {v:.1e}" for k, v in sorted(worst.items(), key=lambda kv: -kv[1])[:4]))
    assert max(worst.values()) <= 1e-12, {k: v for k, v in worst.items() if v > 1e-12}


def test_permutations_are_numpys():
    state = lab_data(1)["order"]
    got = node({"command": "permutations", "state": state, "n": 1536, "count": 5})
    rng = np.random.default_rng(0)
    assert [rng.permutation(1536).tolist() for _ in range(5)] == got
    small = node({"command": "permutations", "state": state, "n": 7, "count": 3})
    rng = np.random.default_rng(0)
    assert [rng.permutation(7).tolist() for _ in range(3)] == small


def _shared(payload):
    X, y, X_test, y_test = data.two_moons(seed=0)
    return {"X": X.tolist(), "y": y.tolist(), "Xtest": X_test.tolist(), "ytest": y_test.tolist(),
            "order": payload["order"]}


def _init_params(payload, seeds):
    inits = payload["inits"]
    return from_float64_bytes(payload["init_params"], (len(inits), seeds, -1))


def test_lab_data_holds_each_seed_of_the_chapter():
    payload = lab_data(20)
    params = _init_params(payload, 20)
    for k, label in enumerate(TWO_MOONS_INITS):
        for seed in (0, 2, 19):
            assert np.array_equal(params[k, seed], two_moons_network(seed, label).params)


def test_first_epoch_agrees_with_nnbook_within_1e_9():
    payload = lab_data(3)
    params = _init_params(payload, 3)
    runs, reference = [], []
    for k, label in enumerate(TWO_MOONS_INITS):
        for lr in LEARNING_RATES:
            seed = 2
            runs.append({"sizes": list(TWO_MOONS_SIZES), "hidden": "relu", "params": params[k, seed].tolist(),
                         "lr": lr, "epochs": 1})
            net = two_moons_network(seed, label)
            history = two_moons_run(net, lr=lr, epochs=1)
            reference.append((net.params, history))
    out = node({"command": "train", "runs": runs, **_shared(payload)})
    worst = 0.0
    for got, (params_after, history) in zip(out, reference):
        assert got["epoch"] == 1
        worst = max(worst, np.abs(np.array(got["params"]) - params_after).max())
        for key in ("train_loss", "train_acc", "val_loss", "val_acc"):
            assert np.allclose(got[key], getattr(history, key), rtol=0, atol=1e-9), key
    print(f"\nafter one epoch, 9 runs (3 inits × 3 η): largest parameter difference {worst:.1e}")
    assert worst <= 1e-9


def outcome(train_acc, val_acc, chance):
    """chapter 2's three outcomes of a run: success (train and test accuracy ≥ 99.5 % within the
    budget), collapse (ends at chance, nnbook.history's rule) or plateau (neither)."""
    if np.any((np.asarray(train_acc) >= 0.995) & (np.asarray(val_acc) >= 0.995)):
        return "success"
    return "collapse" if train_acc[-1] <= chance + CHANCE_MARGIN else "plateau"


def test_outcomes_of_the_chapters_60_runs_agree():
    payload = lab_data(20)
    params = _init_params(payload, 20)
    _, y, _, _ = data.two_moons(seed=0)
    chance = max(y.mean(), 1 - y.mean())
    runs, ours = [], []
    for lr, epochs in BUDGETS.items():
        history = two_moons_run(two_moons_network(models=lockstep(seed=range(20))), lr=lr, epochs=epochs)
        for seed in range(20):
            ours.append(outcome(history.train_acc[:, seed], history.val_acc[:, seed], chance))
            runs.append({"sizes": list(TWO_MOONS_SIZES), "hidden": "relu", "params": params[0, seed].tolist(),
                         "lr": lr, "epochs": epochs})
    out = node({"command": "train", "runs": runs, **_shared(payload)})
    theirs = [outcome(r["train_acc"], r["val_acc"], chance) for r in out]
    agree = sum(a == b for a, b in zip(ours, theirs))
    counts = {lr: {o: ours[20 * i:20 * i + 20].count(o) for o in ("collapse", "plateau", "success")}
              for i, lr in enumerate(BUDGETS)}
    print(f"\noutcomes agree for {agree} of 60 runs; nnbook's per η: {counts}")
    print("disagreements (η, seed, nnbook, JS):",
          [(lr, i % 20, a, b) for i, (a, b, lr) in enumerate(zip(ours, theirs, np.repeat(list(BUDGETS), 20))) if a != b])
    assert agree >= 55


def test_committed_bundles_are_what_make_widgets_js_builds(tmp_path):
    """`make widgets-js`, as the README spells it (writing elsewhere, so that no kernel started
    meanwhile reads a half-written bundle), rebuilds the committed bundles byte for byte."""
    if not (ROOT / "node_modules" / ".bin" / "esbuild").exists():
        pytest.skip("esbuild not installed (make setup)")
    result = subprocess.run(["make", "widgets-js", f"WIDGETS_OUT={tmp_path}"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    built = sorted(p.name for p in tmp_path.glob("*.js"))
    assert built == sorted(p.name for p in STATIC.glob("*.js")) == [
        "activation_explorer.js", "init_lab.js", "lr_lab.js", "overfit_lab.js", "playground.js", "slowdown.js",
        "softmax_explorer.js",
        "two_moons_lab.js"]
    stale = [name for name in built if (tmp_path / name).read_bytes() != (STATIC / name).read_bytes()]
    assert not stale, f"nnbook/widgets/static/{stale} out of date: run `make widgets-js`, then `make outputs`, and commit"


#: per surface, a learning rate that converges in 200 steps and one that diverges or leaves the plot
LAB_RATES = {"bowl": (0.1, 1.05), "elongated_bowl": (0.02, 0.11), "rosenbrock": (0.001, 0.01), "saddle": (0.05, 0.5)}


def test_lr_lab_trajectories_agree_with_nnbook_within_1e_9():
    lab = LearningRateLab(momentum=0.9, rho=0.9, beta1=0.9, beta2=0.999)
    runs, reference = [], []
    for row in lab.surfaces:
        for lr in LAB_RATES[row["name"]]:
            for name in optim.names():
                lab.surface, lab.optimizer, lab.lr, lab.steps, lab.start = row["name"], name, lr, 200, row["start"]
                hyper = {**lab.hyperparameters(name), "eps": lab.optimizers[name]["eps"], "momentum": 0.9, "rho": 0.9,
                         "beta1": 0.9, "beta2": 0.999}
                runs.append({"surface": row["name"], "params": row["params"], "optimizer": name, "hyper": hyper,
                             "start": row["start"], "steps": 200})
                reference.append(lab.trajectory(name))
    out = node({"command": "trajectories", "runs": runs})
    worst, diverged = 0.0, 0
    for got, ref, run in zip(out, reference, runs):
        label = f"{run['surface']} {run['optimizer']} η={run['hyper']['lr']}"
        assert got["divergedAt"] == ref.diverged_at, label
        points, values = np.array(got["points"]), np.array(got["values"])
        assert points.shape == ref.points.shape, label
        scale = np.maximum(1.0, np.abs(ref.points))
        worst = max(worst, (np.abs(points - ref.points) / scale).max())
        assert np.allclose(values, ref.values, rtol=1e-9, atol=0), label
        diverged += ref.diverged
    print(f"\n{len(runs)} trajectories of up to 200 steps ({diverged} diverge): largest point difference "
          f"{worst:.1e} (relative above 1)")
    assert worst <= 1e-9


def test_losses_agree_with_nnbook_within_1e_12():
    rng = np.random.default_rng(0)
    cases = [{"z": [9.99, 10.0, 0.01, -10.0], "c": 1, "gamma": 2.0, "margin": 1.0}]
    for _ in range(300):
        k = int(rng.integers(3, 6))
        cases.append({"z": rng.uniform(-10, 10, k).round(2).tolist(), "c": int(rng.integers(k)),
                      "gamma": float(rng.uniform(0, 5)), "margin": float(rng.uniform(0, 2))})
    out = node({"command": "lossValues", "cases": cases})
    worst = 0.0
    for case, got in zip(cases, out):
        z = np.array(case["z"])[None]
        onehot = losses.one_hot(np.array([case["c"]]), z.shape[1])
        p = losses.softmax(z)[0]
        reference = {"p": p, "logp": losses.log_softmax(z)[0], "ce": losses.cross_entropy(z, onehot),
                     "focal": losses.focal(p[[case["c"]]][None], np.ones((1, 1)), gamma=case["gamma"]),
                     "hinge": losses.multiclass_hinge(z, onehot, margin=case["margin"])}
        for key, ref in reference.items():
            ref = np.asarray(ref, dtype=float)
            worst = max(worst, float(np.max(np.abs(np.asarray(got[key]) - ref) / np.maximum(1.0, np.abs(ref)))))
    print(f"\n{len(cases)} cases of softmax, log-softmax, CE, focal, hinge: largest difference {worst:.1e}")
    assert worst <= 1e-12


def test_slowdown_runs_agree_with_nnbook_train_within_1e_9():
    runs, reference = [], []
    for w, b in ((0.6, 0.9), (2.0, 2.0), (-1.5, 3.0)):
        neuron = SlowdownNeuron(w, b, epochs=300)
        for cost, history in neuron.runs().items():
            lr = neuron.lr_quadratic if cost == "quadratic" else neuron.lr_cross_entropy
            runs.append({"w": w, "b": b, "x": 1.0, "y": 0.0, "lr": lr, "cost": cost, "epochs": 300})
            reference.append(history)
    out = node({"command": "slowdowns", "runs": runs})
    worst = 0.0
    for got, history in zip(out, reference):
        params = np.column_stack([got["w"], got["b"]])
        worst = max(worst, np.abs(params - history.weights).max())
        assert np.allclose(got["cost"], history.train_loss, rtol=1e-9, atol=0)
    print(f"\n{len(runs)} slowdown runs of 300 epochs: largest (w, b) difference {worst:.1e}")
    assert worst <= 1e-9


def test_init_lab_statistics_agree_with_nnbook_within_1e_9():
    labs, reference = [], []
    for activation in ("sigmoid", "tanh", "relu", "identity"):
        for scheme in SCHEMES:
            for batch_norm in (False, True):
                lab = InitLab(scheme, activation, depth=12, width=37, input_scale=2.0, batch_norm=batch_norm, seed=3)
                labs.append({"schemes": lab.schemes, "scheme": scheme, "activation": activation, "depth": 12,
                             "width": 37, "inputScale": 2.0, "batchNorm": batch_norm, "seed": 3, "samples": SAMPLES,
                             "keep": scheme == "he_normal"})
                reference.append(lab.signals())
    out = node({"command": "initLabs", "labs": labs})
    worst = 0.0
    for got, sig, lab in zip(out, reference, labs):
        for key, ref in (("aStd", sig.a_std), ("deltaStd", sig.delta_std)):
            value = np.array(got[key], dtype=float)
            assert np.array_equal(value == 0, ref == 0), (lab["scheme"], lab["activation"], key)
            nonzero = ref != 0
            worst = max(worst, float(np.max(np.abs(value[nonzero] - ref[nonzero]) / ref[nonzero], initial=0.0)))
        if lab["keep"]:                 # the values themselves, not only their spread
            assert np.allclose(np.reshape(got["a1"], sig.a[1].shape), sig.a[1], rtol=1e-9, atol=1e-15)
            assert np.allclose(np.reshape(got["deltaD"], sig.delta[-1].shape), sig.delta[-1], rtol=1e-9, atol=1e-15)
    print(f"\n{len(labs)} init-lab settings (12 schemes × 4 activations × batch norm off/on, 12 layers): "
          f"largest relative difference of a per-layer std {worst:.1e}")
    assert worst <= 1e-9


def test_overfit_lab_agrees_with_nnbook_polyfit_within_1e_9():
    """Every degree × λ of the overfit lab, evaluated in the browser's code: the curves on a dense
    grid and the training / held-out errors and coefficient sizes equal nnbook.polyfit's."""
    lab = OverfitLab(draw=3)
    x, y = data.curve_fit_points()
    hx, hy = data.curve_fit_heldout(3)
    grid = np.linspace(x.min(), x.max(), 101)
    out = node({"command": "overfit", "table": from_float64_bytes(lab.coef).tolist(), "lambdas": len(LAMBDAS),
                "domain": lab.domain, "x": x.tolist(), "y": y.tolist(), "hx": hx.tolist(), "hy": hy.tolist(),
                "grid": grid.tolist()})
    worst = 0.0
    for j, lam in enumerate(LAMBDAS):
        lab.l2 = lam
        expected = lab.errors()
        for key in ("train", "heldout", "size"):
            got = np.array(out[j]["errors"][key])
            worst = max(worst, np.max(np.abs(got - expected[key]) / np.maximum(np.abs(expected[key]), 1.0)))
        for d in range(17):
            reference = np.asarray(polyfit.fit(x, y, d, l2=lam)(grid))
            got = np.array(out[j]["curves"][d])
            worst = max(worst, np.max(np.abs(got - reference) / np.maximum(np.abs(reference), 1.0)))
    print(f"\n{len(LAMBDAS)} λ × 17 degrees: largest relative difference {worst:.1e}")
    assert worst <= 1e-9
