"""The output head (nnbook.heads): output unit + loss as one object, and the accuracy it reports
everywhere — training history, MLP.accuracy, MLP.predict and the decision boundary (chapter 2).

The first tests only use names the old engine had too (MLP, train, data, plots), so they can be
run against it: ``-k accuracy`` fails there (History used threshold 0.5, MLP.accuracy and
MLP.predict 0 for an identity output trained with mse) and passes here.
"""
from __future__ import annotations

import numpy as np
import pytest

from nnbook import MLP, data, plots, train


def _identity_mse_run():
    X, y, Xt, yt = data.two_moons()
    net = MLP([2, 8, 1], "relu", "identity", seed=0)
    h = train(net, X, y, validation=(Xt, yt), loss="mse", epochs=3, lr=0.05)
    return net, h, Xt, yt


def test_identity_mse_accuracy_agrees_everywhere():
    net, h, Xt, yt = _identity_mse_run()
    scores = np.ravel(net.forward(Xt))
    assert np.any((scores > 0) & (scores <= 0.5))          # thresholds 0 and 0.5 disagree on these
    history = float(np.ravel(h.val_acc)[-1])
    accuracy = float(np.ravel(net.accuracy(Xt, yt))[0])
    predicted = float(np.mean(np.ravel(net.predict(Xt)) == yt))
    assert history == accuracy == predicted
    # the decision boundary's prediction function (plots._as_predict): probabilities or labels,
    # the drawn line is its 0.5 level, so its labels are values > 0.5
    predict, classes = plots._as_predict(net, 0)
    assert classes == 2
    boundary = (np.ravel(predict(Xt)) > 0.5).astype(int)
    assert np.array_equal(boundary, np.ravel(net.predict(Xt)))
    assert float(np.mean(boundary == yt)) == history
    # and epoch 0 of the history is the untrained network's accuracy
    X, y = data.two_moons()[:2]
    assert float(np.ravel(h.train_acc)[0]) == float(np.ravel(MLP([2, 8, 1], "relu", "identity", seed=0)
                                                             .accuracy(X, y))[0])


# --- the head, unit by unit ----------------------------------------------------------------

from nnbook import activations, losses                                  # noqa: E402


def heads():
    from nnbook import heads as module
    return module


def valid_pairs():
    """Every (output, loss) make_head accepts."""
    pairs = []
    for output in ("identity", "sigmoid", "softmax"):
        for loss in losses.names():
            try:
                heads().make_head(output, loss)
            except ValueError:
                continue
            pairs.append((output, loss))
    return pairs


def test_make_head_defaults_to_the_canonical_pair():
    h = heads()
    assert h.DEFAULT_LOSS == {"identity": "mse", "sigmoid": "bce", "softmax": "cross_entropy"}
    for output, loss in h.DEFAULT_LOSS.items():
        head = h.make_head(output)
        assert head.loss.name == loss and head.output == output and head.residual
        assert head == h.make_head(output, loss) and head != h.make_head(output, "mae")
        assert repr(head) == f"Head({output} + {loss})"
        assert MLP([2, 3, 3], "relu", output).head == head
    assert h.make_head("sigmoid", "focal").mode == "chain" and not h.make_head("sigmoid", "focal").residual
    assert h.make_head("identity", "huber").mode == "direct" and not h.make_head("identity", "huber").residual
    assert h.make_head("identity", losses.get("huber", delta=0.5)).loss.params == {"delta": 0.5}


def test_valid_pairs_are_the_documented_ones():
    pairs = set(valid_pairs())
    for pair in [("identity", "mse"), ("identity", "mae"), ("identity", "huber"), ("identity", "bce_logits"),
                 ("identity", "hinge"), ("identity", "cross_entropy"), ("identity", "multiclass_hinge"),
                 ("sigmoid", "bce"), ("sigmoid", "bce_logits"), ("sigmoid", "mse"), ("sigmoid", "focal"),
                 ("sigmoid", "log_loss"), ("softmax", "cross_entropy"), ("softmax", "log_loss"),
                 ("softmax", "mse")]:
        assert pair in pairs, pair
    for pair in [("identity", "bce"), ("identity", "log_loss"), ("identity", "focal"), ("sigmoid", "hinge"),
                 ("sigmoid", "cross_entropy"), ("softmax", "bce_logits"), ("softmax", "hinge"),
                 ("softmax", "multiclass_hinge")]:
        assert pair not in pairs, pair


@pytest.mark.parametrize("output, loss, match", [
    ("identity", "bce", "loss: bce expects probabilities; use output='sigmoid' or 'softmax' or loss='bce_logits'"),
    ("identity", "log_loss", "loss: log_loss expects probabilities; use output='sigmoid' or 'softmax' or "
                             "loss='cross_entropy' on the logits"),
    ("identity", "focal", r"loss: focal expects probabilities; use output='sigmoid' or 'softmax'$"),
    ("sigmoid", "hinge", "loss: hinge expects scores/logits, but output='sigmoid' gives probabilities; "
                         "use loss='bce'"),
    ("softmax", "multiclass_hinge", "use loss='cross_entropy'"),
    ("sigmoid", "nope", "loss: unknown loss 'nope'"),
    ("relu", "mse", "output: expected one of identity, sigmoid, softmax, got 'relu'"),
])
def test_make_head_refuses_mismatches_with_the_fix(output, loss, match):
    with pytest.raises(ValueError, match=match):
        heads().make_head(output, loss)


def test_make_head_type_errors_name_the_argument():
    with pytest.raises(TypeError, match="loss: expected a loss name"):
        heads().make_head("sigmoid", 3)
    with pytest.raises(ValueError, match="output: expected one of"):
        heads().make_head(None)


# encode --------------------------------------------------------------------------------------

def test_encode_labels_one_hot_hinge_and_float_targets():
    h = heads()
    bce = h.make_head("sigmoid")
    Y = bce.encode([0, 1, 1], 3, 1)
    assert Y.dtype == np.float64 and Y.shape == (3, 1) and Y.tolist() == [[0], [1], [1]]
    assert Y.flags.c_contiguous
    assert bce.encode(np.array([True, False]), 2, 1).tolist() == [[1], [0]]
    soft = h.make_head("softmax")
    assert soft.encode([2, 0], 2, 3).tolist() == [[0, 0, 1], [1, 0, 0]]
    assert soft.encode(np.array([2.0, 1.0]), 2, 3).tolist() == [[0, 0, 1], [0, 1, 0]]
    hinge = h.make_head("identity", "hinge")
    assert hinge.encode([0, 1, 0], 3, 1).tolist() == [[-1], [1], [-1]]
    assert hinge.encode([-1, 1], 2, 1).tolist() == [[-1], [1]]     # already ±1: unchanged
    mse = h.make_head("identity")
    t = np.array([[0.25, -3.0], [1.5, 2.0]])
    assert np.array_equal(mse.encode(t, 2, 2), t)                  # float targets pass through
    assert mse.encode([0.3, 0.7], 2, 1).tolist() == [[0.3], [0.7]]
    assert mse.encode([0, 1], 2, 1).tolist() == [[0], [1]]         # no ±1 outside the hinge head


@pytest.mark.parametrize("y, k, error, match", [
    ([0, 3], 3, ValueError, r"y: expected integer class labels 0 … 2 for 3 outputs, got values in \[0, 3\]"),
    ([-1, 1], 3, ValueError, r"y: expected integer class labels 0 … 2"),
    ([0.5, 1.0], 3, ValueError, "y: expected integer class labels"),
    ([0, 1, 1], 1, ValueError, r"y: expected 2 targets \(one per row of X\), got shape \(3,\)"),
    (np.ones((2, 2)), 3, ValueError, r"y: expected shape \(2,\) labels or \(2, 3\) targets, got \(2, 2\)"),
    (np.ones((2, 1, 1)), 1, ValueError, r"y: expected shape \(2,\) labels or \(2, 1\) targets"),
    ([np.nan, 1.0], 1, ValueError, "y: contains NaN or infinity"),
    ([np.inf, 1.0], 1, ValueError, "y: contains NaN or infinity"),
    (["a", "b"], 1, TypeError, "y: expected numbers"),
    (None, 1, TypeError, "y: expected an array of targets"),
    ("01", 1, TypeError, "y: expected an array of targets"),
    ([1 + 1j, 0], 1, TypeError, "y: expected numbers"),
])
def test_encode_refuses_bad_targets_naming_y(y, k, error, match):
    head = heads().make_head("softmax" if k > 1 else "sigmoid")
    with pytest.raises(error, match=match):
        head.encode(y, 2, k)
    with pytest.raises(error, match=match.replace("y:", "validation y:", 1)):
        head.encode(y, 2, k, "validation y")


# labels, threshold, classes, accuracy ------------------------------------------------------------

@pytest.mark.parametrize("output, loss, threshold", [
    ("identity", "mse", 0.5), ("identity", "mae", 0.5), ("identity", "huber", 0.5),
    ("identity", "bce_logits", 0.0), ("identity", "hinge", 0.0),
    ("sigmoid", "bce", 0.5), ("sigmoid", "bce_logits", 0.5), ("sigmoid", "mse", 0.5), ("sigmoid", "focal", 0.5),
])
def test_labels_use_the_heads_threshold(output, loss, threshold):
    head = heads().make_head(output, loss)
    assert head.threshold == threshold
    a = np.array([[threshold - 0.1], [threshold], [threshold + 1e-12], [np.nan]])
    assert head.labels(a).tolist() == [0, 0, 1, 0]                 # strictly above; NaN is class 0
    assert head.labels(np.stack([a, a + 1])).tolist() == [[0, 0, 1, 0], [1, 1, 1, 0]]   # a model axis
    net = MLP.from_weights([[[1.0]]], output=output, loss=loss)
    z = np.array([[-0.3], [0.2], [0.7]])
    assert net.predict(z).tolist() == head.labels(net.forward(z)).tolist()


def test_several_outputs_are_labelled_by_argmax():
    for output, loss in [("softmax", "cross_entropy"), ("identity", "multiclass_hinge"), ("identity", "mse")]:
        head = heads().make_head(output, loss)
        a = np.array([[0.1, 0.7, 0.2], [3.0, -1.0, 2.0]])
        assert head.labels(a).tolist() == [1, 0]


def test_classes_of_encoded_targets():
    Head = heads().Head
    assert Head.classes(np.array([[0.0], [1.0], [1.0]])).tolist() == [0, 1, 1]
    assert Head.classes(np.array([[-1.0], [1.0]])).tolist() == [0, 1]
    assert Head.classes(np.array([[0.0, 1.0], [1.0, 0.0]])).tolist() == [1, 0]
    assert Head.classes(np.array([[0.3], [1.0]])) is None          # regression targets: no classes
    assert Head.classes(np.array([[0.5, 0.5], [1.0, 0.0]])) is None   # soft labels: no classes
    assert Head.classes(np.array([[1.0, 1.0], [0.0, 0.0]])) is None   # not one-hot


def test_head_scores_the_share_of_correct_labels_and_nan_for_regression():
    h = heads()
    head = h.make_head("identity")
    a = np.array([[0.2], [0.9], [0.6], [-1.0]])
    Y = head.encode([0, 1, 0, 0], 4, 1)
    assert head.accuracy(a, Y) == 0.75
    assert head.accuracy(np.stack([a, -a]), Y).tolist() == [0.75, 0.5]   # one per model
    reg = np.array([[0.3], [1.2], [0.0], [2.0]])
    assert np.isnan(head.accuracy(a, reg)) and head.accuracy(a, reg).shape == ()
    assert head.accuracy(np.stack([a, a, a]), reg).shape == (3,) and np.all(np.isnan(head.accuracy(
        np.stack([a, a, a]), reg)))
    net = MLP([1, 3, 1], "tanh", "identity", seed=0)
    with pytest.raises(ValueError, match=r"y: accuracy needs class labels \(0/1, ±1 or one-hot\)"):
        net.accuracy(np.zeros((4, 1)), reg[:, 0])
    hinge = h.make_head("identity", "hinge")
    assert hinge.accuracy(np.array([[0.2], [-0.1]]), hinge.encode([1, 0], 2, 1)) == 1.0


# value and delta against nnbook.losses --------------------------------------------------------------

def _example(output, loss, K=2, n=5, seed=0):
    rng = np.random.default_rng(seed)
    k = 3 if output == "softmax" or loss in ("cross_entropy", "multiclass_hinge", "log_loss") else 1
    z = rng.normal(scale=2.0, size=(K, n, k))
    head = heads().make_head(output, loss)
    a = {"identity": z, "sigmoid": activations.sigmoid(z), "softmax": losses.softmax(z)}[output]
    if loss in ("mse", "mae", "huber") and output == "identity":
        y = rng.normal(size=(n, k))
    elif k == 1:
        y = rng.integers(0, 2, n)
    else:
        y = rng.integers(0, k, n)
    return head, z, a, head.encode(y, n, k)


@pytest.mark.parametrize("output, loss", valid_pairs())
def test_value_is_the_loss_functions_value(output, loss):
    head, z, a, Y = _example(output, loss)
    value = head.value(z, a, Y)
    assert value.shape == (2,)
    entry = losses.get(loss)
    if head.mode == "paired":                                      # from the logits, stably
        f = losses.bce_logits if output == "sigmoid" else losses.cross_entropy
        assert np.array_equal(value, f(z, Y))
        np.testing.assert_allclose(value, entry.value(a, Y) if loss in ("bce", "log_loss") else entry.value(z, Y),
                                   rtol=1e-12)
    else:
        assert np.array_equal(value, entry.value(a, Y))


@pytest.mark.parametrize("output, loss", valid_pairs())
@pytest.mark.parametrize("n", [1, 5])
def test_delta_is_the_chain_rule_of_the_loss_functions_gradient(output, loss, n):
    head, z, a, Y = _example(output, loss, n=n)
    inv_n = None if n == 1 else np.asarray(1.0 / n)
    out = np.empty_like(z)
    assert head.delta_into(z, a, Y, out, inv_n) is out
    g = losses.get(loss).grad(a, Y)                                # ∂L/∂a of the batch mean
    if loss in ("bce_logits", "cross_entropy"):                    # a loss of the logits: ∂L/∂z itself
        g = losses.get(loss).grad(z, Y)
        expected = g
    elif output == "identity":
        expected = g
    elif output == "sigmoid":
        expected = g * a * (1 - a)
    else:                                                          # δ = Jᵀg, J = diag(p) − p pᵀ
        J = np.einsum("...i,ij->...ij", a, np.eye(a.shape[-1])) - a[..., :, None] * a[..., None, :]
        expected = np.einsum("...ij,...i->...j", J, g)
    if head.residual:
        assert np.array_equal(out, (a - Y) if n == 1 else (a - Y) * (1.0 / n))
    np.testing.assert_allclose(out, expected, rtol=1e-10, atol=1e-15)
    if loss not in ("bce_logits", "cross_entropy") or output == "identity":
        d2 = np.empty_like(z)                                      # from ∂L/∂a⁽ᴸ⁾ (MLP.backward(dout=…))
        head.delta_from_dout(a, g, d2)
        if not head.residual:
            assert np.array_equal(out, d2)
        np.testing.assert_allclose(d2, expected, rtol=1e-10, atol=1e-15)


def test_the_net_uses_its_head_for_loss_delta_and_labels():
    X = np.random.default_rng(1).normal(size=(6, 2))
    y = np.array([0, 1, 1, 0, 1, 0])
    for output, loss in [("identity", "huber"), ("sigmoid", "focal"), ("identity", "hinge")]:
        net = MLP([2, 4, 1], "tanh", output, loss=loss, init="he_normal", seed=3)
        out, cache = net.forward_cache(X)
        Y = net.targets(y, 6)
        assert net.loss(X, y) == float(net.head.value(cache.z[-1], cache.out, Y)[0])
        d = net.head.delta_into(cache.z[-1], cache.out, Y, np.empty_like(cache.z[-1]), np.asarray(1 / 6))
        assert np.array_equal(net.output_delta(cache, y), d[0])
        assert np.array_equal(net.predict(X), net.head.labels(out))
