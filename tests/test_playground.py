"""The playground (chapter 6): its JavaScript against nnbook, its configuration, its Python.

- the data sets, the features and the initial weights the browser draws equal nnbook's
  (js/playground_data.js vs nnbook.data.playground, nnbook.data.features and
  nnbook.widgets.playground.initial_params) within 1e-12, the classes exactly;
- the first epoch of every optimizer × loss (and with L1, L2, dropout, batch sizes 1 … all)
  equals nnbook.train's within 1e-9: the parameters and the per-epoch losses;
- "copy as Python" gives code that runs and trains to the browser's numbers;
- the URL hash brings a configuration back; bad configurations raise ValueError naming the key.
"""
from __future__ import annotations

import inspect

import numpy as np
import pytest

from nnbook import data, optim
from nnbook.widgets import playground as pg
from test_widgets_js import node

STATE = pg._state


def test_data_and_features_agree_with_nnbook_within_1e_12():
    cases = [{"kind": kind, "n": 301, "noise": noise, "classes": classes, "train_ratio": 0.6, "seed": seed}
             for kind in ("moons", "circles", "xor", "spirals", "blobs")
             for noise, classes, seed in ((0.0, 2, 0), (0.3, 2, 7), (0.2, 3, 5))
             if classes == 2 or kind in ("spirals", "blobs")]
    points = [[0.5, 1.0, 0], [-1.0, 2.0, 1], [0.25, -0.5, 1], [1.5, 1.5, 0], [2.0, -2.0, 2]]
    cases.append({"kind": "custom", "n": 5, "noise": 0.0, "classes": 2, "train_ratio": 0.5, "seed": 3, "custom": points})
    cases += [{"kind": kind, "n": 201, "noise": 0.1, "classes": 2, "train_ratio": 0.5, "seed": 2} for kind in data.REGRESSION_SETS]
    request = [{**c, "state": STATE(c["seed"]), "names": list(data.FEATURES)} for c in cases]
    got = node({"command": "playground", "data": request})["data"]
    for c, out in zip(cases, got):
        X, y, Xt, yt = data.playground(c["kind"], n=c["n"], noise=c["noise"], classes=c["classes"],
                                       train_ratio=c["train_ratio"], seed=c["seed"], points=c.get("custom"))
        if c["kind"] in data.REGRESSION_SETS:                # real targets
            np.testing.assert_allclose(out["y"], y, rtol=0, atol=1e-12)
            np.testing.assert_allclose(out["ytest"], yt, rtol=0, atol=1e-12)
        else:
            assert out["y"] == y.tolist() and out["ytest"] == yt.tolist(), c
        np.testing.assert_allclose(np.reshape(out["X"], X.shape), X, rtol=0, atol=1e-12)
        np.testing.assert_allclose(np.reshape(out["Xtest"], Xt.shape), Xt, rtol=0, atol=1e-12)
        F = data.features(X, data.FEATURES)
        np.testing.assert_allclose(np.reshape(out["features"], F.shape), F, rtol=0, atol=1e-12)


def test_initial_weights_agree_with_nnbook_within_1e_12():
    sizes = [3, 8, 5, 2]
    cases = [{"sizes": sizes, "init": init, "activations": [act, "relu"], "state": STATE(4)}
             for init in pg.INITS for act in ("relu", "sigmoid")]
    got = node({"command": "playground", "inits": cases})["inits"]
    for c, out in zip(cases, got):
        want = pg.initial_params(sizes, c["init"], c["activations"], np.random.default_rng(4))
        np.testing.assert_allclose(out, want, rtol=0, atol=1e-12, err_msg=c["init"])


def test_optimizer_defaults_are_nnbooks():
    """mlp.js's OPTIMIZER_DEFAULTS hold nnbook.optim's defaults (read from the JS source)."""
    import re
    from conftest import ROOT
    source = (ROOT / "nnbook" / "widgets" / "js" / "mlp.js").read_text()
    block = source[source.index("OPTIMIZER_DEFAULTS = {"):source.index("};", source.index("OPTIMIZER_DEFAULTS"))]
    for name in optim.names():
        entry = re.search(rf"\b{name}: \{{([^}}]*)\}}", block).group(1)
        js = {k: float(v) for k, v in re.findall(r"(\w+): ([\d.e-]+)", entry)}
        params = inspect.signature(optim.OPTIMIZERS[name]).parameters
        python = {k: p.default for k, p in params.items() if k not in ("self", "lr", "bias_correction")}
        assert js == python, name


def _runs(configs, epochs=1):
    request = [{"config": pg.check_config(c), "state": STATE(pg.check_config(c)["seed"]), "epochs": epochs}
               for c in configs]
    return node({"command": "playground", "runs": request})["runs"]


FIRST_EPOCH = [{"optimizer": opt, "loss": loss, **extra}
               for opt in optim.names()
               for loss, extra in (("bce", {}), ("mse", {"batch_size": 1}),
                                   ("cross_entropy", {"dataset": "spirals", "classes": 3, "batch_size": 7}))]
FIRST_EPOCH += [
    {"regularization": "l2", "lam": 0.01, "optimizer": "sgd", "lr": 0.1},
    {"regularization": "l1", "lam": 0.003, "optimizer": "momentum"},
    {"dropout": 0.3, "layers": [8, 6, 5], "activations": ["tanh", "leaky_relu", "sigmoid"], "batch_size": 5},
    {"dropout": 0.5, "optimizer": "nesterov", "dataset": "blobs", "classes": 4, "loss": "cross_entropy", "seed": 9},
    {"layers": [], "activations": [], "features": list(data.FEATURES), "dataset": "circles", "batch_size": 500},
    {"layers": [8] * 6, "activations": ["relu"] * 6, "init": "glorot_uniform", "dataset": "xor", "noise": 0.3},
    {"init": "lecun_normal", "activations": ["identity", "sigmoid"], "features": ["x1^2", "x2^2", "x1*x2"], "seed": 42},
    {"dataset": "custom", "points": [[0.5, 1.0, 0], [-1.0, 2.0, 1], [0.2, -0.5, 1], [1.5, 1.5, 0], [-2.0, -1.0, 0]],
     "batch_size": 2, "train_ratio": 0.6},
    {"dataset": "plane", "loss": "mse", "optimizer": "sgd", "lr": 0.01, "batch_size": 1},
    {"dataset": "bumps", "loss": "mse", "layers": [8, 8], "activations": ["tanh", "tanh"], "regularization": "l2",
     "dropout": 0.1},
]


@pytest.mark.parametrize("config", FIRST_EPOCH, ids=lambda c: "-".join(f"{k}={v}" for k, v in c.items())[:60])
def test_first_epoch_agrees_with_nnbook_within_1e_9(config):
    (out,) = _runs([config], epochs=1)
    net, history = pg.run(config, epochs=1)
    assert out["sizes"] == net.sizes
    np.testing.assert_allclose(out["params"], net.params, rtol=0, atol=1e-9)
    for key in ("train_loss", "val_loss", "train_acc", "val_acc"):           # (NaN accuracy for regression)
        got = np.array([np.nan if v is None else v for v in out["history"][key]], dtype=float)
        np.testing.assert_allclose(got, getattr(history, key), rtol=0, atol=1e-9, err_msg=key)


def test_copy_as_python_runs_and_trains_to_the_browsers_numbers():
    configs = [{"optimizer": "rmsprop", "regularization": "l2", "dropout": 0.2, "layers": [6, 3], "activations": ["tanh", "relu"]},
               {"dataset": "custom", "loss": "cross_entropy", "points": [[0, 1, 0], [1, 0, 1], [-1, 0, 2], [0.5, 0.5, 1],
                                                                          [1, 1, 0], [-1, -1, 2]]},
               {"dataset": "bumps", "loss": "mse", "activations": ["tanh", "tanh"]}]
    for config, out in zip(configs, _runs(configs, epochs=3), strict=True):
        scope = {}
        exec(compile(out["code"], "<copy as Python>", "exec"), scope)
        history, net = scope["history"], scope["net"]
        assert history.epochs == 3
        np.testing.assert_allclose(out["params"], net.params, rtol=0, atol=1e-9)
        np.testing.assert_allclose(out["history"]["val_loss"], history.val_loss, rtol=0, atol=1e-9)


def test_a_hash_brings_the_configuration_back():
    config = pg.check_config({"dataset": "spirals", "classes": 3, "layers": [8, 2], "activations": ["tanh", "sigmoid"],
                              "loss": "cross_entropy", "lr": 0.003, "features": ["x1", "sin(x2)"]})
    (out,) = node({"command": "playground", "hashes": [{"config": config, "defaults": pg.DEFAULTS}]})["hashes"]
    assert out["hash"].startswith("#playground=")
    assert {**pg.DEFAULTS, **out["back"]} == config


def test_a_loss_that_does_not_fit_the_classes_is_a_message_in_the_browser_and_an_error_in_python():
    config = {"dataset": "blobs", "classes": 3, "loss": "bce"}
    (out,) = _runs([config])
    assert "softmax cross-entropy" in out["error"]
    with pytest.raises(ValueError, match="loss"):
        pg.run(config)
    for loss in ("bce", "cross_entropy"):
        (out,) = _runs([{"dataset": "plane", "loss": loss}])
        assert "regression set" in out["error"]
        with pytest.raises(ValueError, match="^loss: a regression set"):
            pg.run({"dataset": "plane", "loss": loss})


@pytest.mark.parametrize("bad, key", [({"layers": [9]}, "layers"), ({"layers": [4] * 7, "activations": ["relu"] * 7}, "layers"),
                                      ({"activations": ["relu"]}, "activations"), ({"lr": 0}, "lr"),
                                      ({"features": []}, "features"), ({"dataset": "moon"}, "dataset"),
                                      ({"dataset": "custom"}, "points"), ({"colour": 1}, "config"),
                                      ({"dropout": 0.5, "layers": [], "activations": []}, "dropout")])
def test_bad_configurations_name_the_key(bad, key):
    with pytest.raises(ValueError, match=key):
        pg.check_config(bad)
    with pytest.raises((ValueError, TypeError), match=key):
        pg.Playground(**bad)


def test_every_row_of_the_feature_table_names_a_test_that_exists():
    """The page's table against TensorFlow Playground: each row's "checked by" is a test in tests/."""
    import re
    from conftest import BOOK, ROOT
    rows = [line for line in (BOOK / "06_playground.py").read_text().splitlines() if line.startswith("# | ")][2:]
    assert len(rows) >= 20
    sources = "\n".join(p.read_text() for p in (ROOT / "tests").glob("test_*.py"))
    for row in rows:
        named = re.findall(r"`(test_\w+)`", row.split("|")[-2])
        if row.split("|")[3].strip().startswith("no"):
            continue                                    # what the playground does not have
        assert named, f"no test named in the row {row!r}"
        for name in named:
            assert re.search(rf"^def {name}\(", sources, re.M), f"{name} (row {row.split('|')[1].strip()!r}) is not a test"


def test_traits_refuse_bad_values_and_a_new_depth_keeps_one_activation_per_layer():
    w = pg.Playground()
    with pytest.raises(ValueError, match="^layers"):
        w.layers = [9]
    with pytest.raises(ValueError, match="^lr"):
        w.lr = 0
    w.activations = ["tanh", "sigmoid"]
    w.layers = [8, 8, 8]
    assert w.activations == ["tanh", "sigmoid", "sigmoid"]
    w.layers = [5]
    assert w.activations == ["tanh"] and pg.check_config(w.config)["layers"] == [5]
    net, history = pg.run(w.config, epochs=1)
    assert net.sizes == [2, 5, 1] and history.epochs == 1
