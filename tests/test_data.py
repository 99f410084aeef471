"""Tests for nnbook.data: the books' tables, the two-moons protocol, Statsville, IDX reading."""
from __future__ import annotations

import gzip
import struct

import numpy as np
import pytest

from nnbook import data


def test_byte_sample_mean_and_stats():
    d = data.byte_sample()
    assert d.shape == (100,) and d.dtype == np.int64
    assert d.sum() == 13090 and d.mean() == pytest.approx(130.9)
    assert (d.min(), d.max(), np.median(d)) == (79, 176, 129)
    assert d.std() == pytest.approx(18.901, abs=1e-3)
    assert d[:5].tolist() == [130, 141, 99, 106, 135] and d[-1] == 152


def test_byte_sample_minibatch_standard_error():
    # Kneusel notes: 10-element means without replacement have sd sigma/sqrt(10)*sqrt(90/99) = 5.699
    d = data.byte_sample()
    rng = np.random.default_rng(0)
    means = np.array([d[rng.permutation(100)[:10]].mean() for _ in range(20000)])
    assert means.mean() == pytest.approx(130.9, abs=0.2)
    assert means.std() == pytest.approx(5.699, rel=0.03)


def test_curve_fit_points_exact_table():
    x, y = data.curve_fit_points()
    assert x.shape == y.shape == (17,)
    assert x[[0, 3, 16]].tolist() == [0.0, 1.83, 9.79]
    assert y[[1, 13, 16]].tolist() == [-17.8, 354.9, 470.1]
    # x is every third point of linspace(0, 10, 50), truncated to two decimals
    np.testing.assert_allclose(x, np.floor(np.linspace(0, 10, 50)[::3] * 100) / 100)


def test_two_moons_glassner_protocol():
    X_tr, y_tr, X_te, y_te = data.two_moons()
    assert X_tr.shape == (1536, 2) and X_te.shape == (512, 2)
    assert y_tr.shape == (1536,) and y_tr.dtype == np.int64 and set(np.unique(y_tr)) == {0, 1}
    np.testing.assert_allclose(X_tr.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(X_tr.std(axis=0), 1, atol=1e-12)
    assert np.abs(X_te.mean(axis=0)).max() < 0.15          # test set uses the training statistics
    # same seed, same data; different seed, different data
    again = data.two_moons()
    for a, b in zip(again, (X_tr, y_tr, X_te, y_te)):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(data.two_moons(seed=1)[0], X_tr)


def test_two_moons_matches_sklearn_before_standardizing():
    from sklearn.datasets import make_moons
    X_tr, y_tr, X_te, y_te = data.two_moons(n=200, noise=0.0, standardize=False, seed=3)
    X, y = make_moons(200, noise=0.0, random_state=3)
    allX = np.vstack([X_tr, X_te])
    assert allX.shape == X.shape
    assert {tuple(r) for r in np.round(allX, 12)} == {tuple(r) for r in np.round(X, 12)}
    assert np.bincount(np.concatenate([y_tr, y_te])).tolist() == np.bincount(y).tolist()


@pytest.mark.parametrize("maker", [data.circles, data.spirals, data.xor])
def test_toy_sets_shapes_and_seeding(maker):
    X_tr, y_tr, X_te, y_te = maker(n=400, seed=5)
    assert X_tr.shape == (300, 2) and X_te.shape == (100, 2)
    assert y_tr.dtype == np.int64 and set(np.unique(y_tr)) == {0, 1}
    np.testing.assert_allclose(X_tr.std(axis=0), 1, atol=1e-12)
    np.testing.assert_array_equal(maker(n=400, seed=5)[0], X_tr)


def test_xor_labels_and_spiral_classes():
    X, y, _, _ = data.xor(n=500, test_size=0.0, standardize=False)
    assert X.shape == (500, 2)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(int))
    _, y3, _, _ = data.spirals(n=300, classes=3, test_size=0.0)
    assert np.bincount(y3).tolist() == [100, 100, 100]
    Xc, yc, _, _ = data.circles(n=400, noise=0.0, test_size=0.0, standardize=False)
    r = np.hypot(Xc[:, 0], Xc[:, 1])
    np.testing.assert_allclose(r[yc == 0], 1.0)
    np.testing.assert_allclose(r[yc == 1], 0.5)


def test_statsville_mixture():
    X, y, X_te, _ = data.statsville(n=20000, test_size=0.0, standardize=False)
    assert X.shape == (20000, 2) and X_te.shape == (0, 2)
    counts = np.bincount(y) / 20000
    np.testing.assert_allclose(counts, [0.4, 0.4, 0.2], atol=0.015)
    means = {0: (175, 70), 1: (152, 55), 2: (135, 40)}
    for c, mu in means.items():
        np.testing.assert_allclose(X[y == c].mean(axis=0), mu, atol=0.2)
    man = X[y == 0]
    np.testing.assert_allclose(np.cov(man.T), [[8, 10], [10, 25]], rtol=0.08)
    assert np.corrcoef(man.T)[0, 1] == pytest.approx(10 / np.sqrt(8 * 25), abs=0.03)


def test_statsville_standardizations():
    X, _, _, _ = data.statsville()
    assert X.shape == (1500, 2)
    np.testing.assert_allclose(X.std(axis=0), 1, atol=1e-12)
    Xs, _, _, _ = data.statsville(standardize="scalar")
    assert Xs.mean() == pytest.approx(0, abs=1e-12) and Xs.std() == pytest.approx(1)
    assert Xs[:, 0].std() < 0.4          # the book's scalar normalization squeezes each feature


def test_digits():
    X_tr, y_tr, X_te, y_te = data.digits()
    assert X_tr.shape[1] == 64 and X_tr.shape[0] + X_te.shape[0] == 1797
    assert X_tr.min() == 0.0 and X_tr.max() == 1.0
    assert set(np.unique(y_te)) == set(range(10))
    np.testing.assert_array_equal(data.digits()[1], y_tr)


def test_standardize_helper():
    a, b = data.standardize(np.array([[1.0, 5.0], [3.0, 5.0]]), np.array([[2.0, 6.0]]))
    np.testing.assert_allclose(a, [[-1, 0], [1, 0]])
    np.testing.assert_allclose(b, [[0, 1]])
    with pytest.raises(ValueError, match="X_train"):
        data.standardize(np.ones(3), np.ones((1, 3)))
    with pytest.raises(ValueError, match="X_test"):
        data.standardize(np.ones((2, 3)), np.ones((1, 2)))


# --- IDX / MNIST ---------------------------------------------------------------------------

def _write_idx(path, array, code=0x08, gz=False):
    header = bytes([0, 0, code, array.ndim]) + b"".join(struct.pack(">i", s) for s in array.shape)
    payload = header + array.astype(">u1" if code == 0x08 else ">i4").tobytes()
    with (gzip.open if gz else open)(path, "wb") as fh:
        fh.write(payload)


def _mnist_folder(tmp_path, gz):
    rng = np.random.default_rng(0)
    imgs = {"train": rng.integers(0, 256, (6, 28, 28)), "t10k": rng.integers(0, 256, (4, 28, 28))}
    labels = {"train": rng.integers(0, 10, 6), "t10k": rng.integers(0, 10, 4)}
    suffix = ".gz" if gz else ""
    for prefix in ("train", "t10k"):
        _write_idx(tmp_path / f"{prefix}-images-idx3-ubyte{suffix}", imgs[prefix], gz=gz)
        _write_idx(tmp_path / f"{prefix}-labels-idx1-ubyte{suffix}", labels[prefix], gz=gz)
    return imgs, labels


@pytest.mark.parametrize("gz", [False, True])
def test_load_mnist_from_idx_files(tmp_path, gz):
    imgs, labels = _mnist_folder(tmp_path, gz)
    X_tr, y_tr, X_te, y_te = data.load_mnist(tmp_path)
    assert X_tr.shape == (6, 784) and X_te.shape == (4, 784)
    np.testing.assert_allclose(X_tr, imgs["train"].reshape(6, -1) / 255)
    np.testing.assert_array_equal(y_te, labels["t10k"])
    assert y_tr.dtype == np.int64
    assert data.load_mnist(str(tmp_path), flatten=False)[0].shape == (6, 28, 28)


def test_read_idx_int32(tmp_path):
    a = np.arange(6, dtype=np.int32).reshape(2, 3) - 2
    _write_idx(tmp_path / "a.idx", a, code=0x0C)
    np.testing.assert_array_equal(data.read_idx(tmp_path / "a.idx"), a)


def test_missing_and_broken_files(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere"):
        data.load_mnist(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="train-images-idx3-ubyte"):
        data.load_mnist(tmp_path)
    with pytest.raises(FileNotFoundError, match="x.idx"):
        data.read_idx(tmp_path / "x.idx")
    (tmp_path / "bad.idx").write_bytes(b"\x01\x02\x03\x04")
    with pytest.raises(ValueError, match="magic"):
        data.read_idx(tmp_path / "bad.idx")
    (tmp_path / "short.idx").write_bytes(bytes([0, 0, 8, 2]) + struct.pack(">i", 3))
    with pytest.raises(ValueError, match="truncated"):
        data.read_idx(tmp_path / "short.idx")
    (tmp_path / "size.idx").write_bytes(bytes([0, 0, 8, 1]) + struct.pack(">i", 3) + b"\x01")
    with pytest.raises(ValueError, match="expected 3"):
        data.read_idx(tmp_path / "size.idx")


def test_mismatched_mnist_files(tmp_path):
    _mnist_folder(tmp_path, gz=False)
    _write_idx(tmp_path / "train-labels-idx1-ubyte", np.zeros(5, dtype=int))
    with pytest.raises(ValueError, match="train"):
        data.load_mnist(tmp_path)


@pytest.mark.parametrize("call, exc, match", [
    (lambda: data.two_moons(n=1), ValueError, "n"),
    (lambda: data.two_moons(n=10.5), TypeError, "n"),
    (lambda: data.two_moons(noise=-0.1), ValueError, "noise"),
    (lambda: data.two_moons(noise="x"), TypeError, "noise"),
    (lambda: data.two_moons(test_size=1.0), ValueError, "test_size"),
    (lambda: data.two_moons(test_size="a"), TypeError, "test_size"),
    (lambda: data.two_moons(seed=-1), ValueError, "seed"),
    (lambda: data.circles(factor=1.5), ValueError, "factor"),
    (lambda: data.circles(factor="a"), TypeError, "factor"),
    (lambda: data.spirals(turns=0), ValueError, "turns"),
    (lambda: data.spirals(turns="a"), TypeError, "turns"),
    (lambda: data.spirals(classes=1), ValueError, "classes"),
    (lambda: data.xor(noise=float("nan")), ValueError, "noise"),
    (lambda: data.statsville(standardize="feature"), ValueError, "standardize"),
    (lambda: data.digits(test_size=-0.1), ValueError, "test_size"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


# --- robustness (issue 8) -------------------------------------------------------------------

@pytest.mark.parametrize("call, exc, match", [
    (lambda: data.two_moons(n=10**12), ValueError, r"n: expected an integer ≥ 2 and ≤ 1e\+07"),
    (lambda: data.xor(noise=1e308), ValueError, r"noise: expected a number ≥ 0 and ≤ 1e\+06"),
    (lambda: data.spirals(turns=1e308), ValueError, "turns"),
    (lambda: data.spirals(n=64, classes=100), ValueError, "classes"),
    (lambda: data.two_moons(seed=2**32), ValueError, "seed"),
    (lambda: data.two_moons(n=64, test_size=0.999), ValueError, r"test_size: .* leaves|test_size: .*training"),
    (lambda: data.digits(test_size=0.001), ValueError, r"test_size: .*one per class"),
    (lambda: data.two_moons(standardize="yes"), TypeError, "standardize"),
    (lambda: data.statsville(standardize=1), ValueError, "standardize"),
    (lambda: data.read_idx(None), TypeError, "path"),
    (lambda: data.load_mnist(3), TypeError, "path"),
    (lambda: data.standardize([[np.nan, 1.0], [1.0, 2.0]], [[1.0, 2.0]]), ValueError, "X_train"),
    (lambda: data.standardize([["1", "2"]], [[1.0, 2.0]]), TypeError, "X_train"),
    (lambda: data.two_moons(noise=10**400), ValueError, "noise"),
])
def test_limits_and_types_are_refused_naming_the_argument(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_mnist_flags_and_negative_sizes(tmp_path):
    _mnist_folder(tmp_path, gz=False)
    with pytest.raises(TypeError, match="flatten"):
        data.load_mnist(tmp_path, flatten="no")
    (tmp_path / "neg.idx").write_bytes(bytes([0, 0, 8, 1]) + struct.pack(">i", -3))
    with pytest.raises(ValueError, match="negative size"):
        data.read_idx(tmp_path / "neg.idx")


def test_curve_fit_heldout_is_the_quadratic_trend_plus_seeded_noise():
    x, y = data.curve_fit_points()
    hx, hy = data.curve_fit_heldout(seed=4)
    assert hx.size == 32 and not np.isin(hx, x).any() and hx.min() > 0 and hx.max() < x.max()
    np.testing.assert_array_equal(hy, data.curve_fit_heldout(seed=4)[1])
    assert not np.array_equal(hy, data.curve_fit_heldout(seed=5)[1])
    trend = np.polynomial.Polynomial.fit(x, y, 2)
    noise = np.concatenate([data.curve_fit_heldout(seed)[1] - trend(hx) for seed in range(200)])
    assert abs(noise.mean()) < 1.5 and abs(noise.std() - 40.98) < 1.0
