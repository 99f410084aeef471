"""Data sets used by the chapters, all seeded and offline.

Classification sets return ``(X_train, y_train, X_test, y_test)``: X float64 of
shape (n, features) with samples in rows, y int64 class labels of shape (n,).
With ``standardize=True`` each feature is shifted and scaled by the *training*
set's mean and standard deviation (ddof = 0, as scikit-learn's StandardScaler),
and the same transform is applied to the test set.

* :func:`two_moons` — Glassner's protocol (ch. 2 backprop, ch. 4 initialization).
* :func:`circles`, :func:`spirals`, :func:`xor` — harder toy sets (ch. 2, ch. 5).
* :func:`curve_fit_points` — Kneusel's 17-point table, Fig. 9-5 (ch. 5 overfitting), and
  :func:`curve_fit_heldout`, held-out points from the process we assume made it.
* :func:`byte_sample` — Kneusel's 100 bytes, mean 130.9 (ch. 1 minibatches).
* :func:`statsville` — Chaudhury's man/woman/child mixture (ch. 1 SGD, ch. 3 softmax).
* :func:`digits` — scikit-learn's bundled 8×8 digits (ch. 5 regularization).
* :func:`load_mnist` — MNIST from IDX files on disk; never downloads (ch. 5).

Limits: ``n`` is at most ``MAX_SAMPLES`` = 10⁷ points (an (n, 2) float64 array of
160 MB, and the split copies it), ``noise`` at most ``MAX_NOISE`` = 10⁶ and ``turns``
at most 10⁶ (the data live at scale 1; beyond, the points and their statistics
overflow float64 long before they mean anything), ``seed`` at most 2³² − 1
(scikit-learn's ``random_state``), and the split must leave at least one training
point (and, for the stratified :func:`digits`, one test point per class).
"""
from __future__ import annotations

import gzip
import math
import os
from pathlib import Path

import numpy as np

from nnbook import checks

__all__ = ["two_moons", "circles", "spirals", "xor", "curve_fit_points", "curve_fit_heldout", "byte_sample",
           "statsville", "digits", "read_idx", "load_mnist", "standardize", "MAX_SAMPLES", "MAX_NOISE"]

#: the most points a generator makes on request
MAX_SAMPLES = 10**7
#: the largest noise (a standard deviation, the data being of scale 1) and number of spiral turns
MAX_NOISE = 1e6
#: the largest seed: scikit-learn's random_state is a 32-bit unsigned integer
MAX_SEED = 2**32 - 1


# --- argument checks and the shared split ---------------------------------------------

def _check_n(n, name="n", minimum=2):
    return checks.integer(n, name, minimum, MAX_SAMPLES)


def _check_noise(noise):
    return checks.number(noise, "noise", 0, MAX_NOISE)


def _check_seed(seed):
    return checks.integer(seed, "seed", 0, MAX_SEED)


def _check_split(test_size, n, classes=1):
    """test_size as a float in [0, 1) that leaves a training point (and ``classes`` test points)."""
    test_size = checks.number(test_size, "test_size", 0, 1, high_open=True)
    n_test = math.ceil(test_size * n)                # scikit-learn's train_test_split rounds up
    if test_size > 0 and min(n - n_test, n_test) < classes:
        need = "at least one training point" if classes == 1 else f"at least {classes} points (one per class) in each"
        raise ValueError(f"test_size: {test_size:g} of {n} points gives {n - n_test} training and {n_test} test "
                         f"points; expected {need}")
    return test_size


def standardize(X_train, X_test):
    """z = (x − μ) / σ per feature, with μ, σ (ddof = 0) from ``X_train`` only; returns both sets (chapter 2).

    A feature that is constant on the training set is only shifted (σ taken as 1).
    """
    X_train = checks.real_array(X_train, "X_train", nonempty=False)
    X_test = checks.real_array(X_test, "X_test", nonempty=False)
    if X_train.ndim != 2 or X_train.shape[0] < 1:
        raise ValueError(f"X_train: expected shape (n ≥ 1, features), got {X_train.shape}")
    if X_test.ndim != 2 or X_test.shape[1] != X_train.shape[1]:
        raise ValueError(f"X_test: expected shape (m, {X_train.shape[1]}), got {X_test.shape}")
    with np.errstate(all="ignore"):
        mu = X_train.mean(axis=0)
        sd = X_train.std(axis=0)
    if not (np.all(np.isfinite(mu)) and np.all(np.isfinite(sd))):
        raise ValueError("X_train: its mean or standard deviation overflows float64")
    sd[sd == 0] = 1.0
    return (X_train - mu) / sd, (X_test - mu) / sd


def _split(X, y, test_size, seed, standardize_, stratify=False):
    """A seeded train/test split (scikit-learn's train_test_split), then optional standardization."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).astype(np.int64)
    if test_size == 0:
        X_train, y_train = X, y
        X_test, y_test = X[:0], y[:0]
    else:
        from sklearn.model_selection import train_test_split
        X_train, X_test, y_train, y_test = train_test_split(
            X, y, test_size=test_size, random_state=seed, stratify=y if stratify else None)
    if standardize_:
        X_train, X_test = standardize(X_train, X_test)
    return (np.ascontiguousarray(X_train), np.ascontiguousarray(y_train),
            np.ascontiguousarray(X_test), np.ascontiguousarray(y_test))


# --- 2-D toy classification sets -----------------------------------------------------------

def two_moons(n=2048, noise=0.08, test_size=0.25, seed=0, standardize=True):
    """Two interleaving half-circles, Glassner's protocol (chapter 2; Glassner ch. 14).

    scikit-learn ``make_moons(n, noise=σ, random_state=seed)`` (outer arc (cos t, sin t),
    class 0; inner arc (1 − cos t, ½ − sin t), class 1; Gaussian noise σ = 0.08),
    then a seeded 75/25 split (1536 / 512 points) and standardization with the
    training set's mean and std.  Glassner used the global seed 42 without
    random_state, so the exact points differ; the protocol is the same.
    """
    n, noise, seed = _check_n(n), _check_noise(noise), _check_seed(seed)
    test_size, standardize = _check_split(test_size, n), checks.flag(standardize, "standardize")
    from sklearn.datasets import make_moons
    X, y = make_moons(n_samples=n, noise=noise, random_state=seed)
    return _split(X, y, test_size, seed, standardize)


def circles(n=1024, noise=0.1, factor=0.5, test_size=0.25, seed=0, standardize=True):
    """A small circle (class 1, radius ``factor``) inside a large one (class 0, radius 1) (chapter 2).

    scikit-learn ``make_circles`` with Gaussian noise σ = ``noise``; same split and
    standardization as :func:`two_moons`.  Not linearly separable.
    """
    n, noise, seed = _check_n(n), _check_noise(noise), _check_seed(seed)
    factor = checks.number(factor, "factor", 0, 1, low_open=True, high_open=True)
    test_size, standardize = _check_split(test_size, n), checks.flag(standardize, "standardize")
    from sklearn.datasets import make_circles
    X, y = make_circles(n_samples=n, noise=noise, factor=factor, random_state=seed)
    return _split(X, y, test_size, seed, standardize)


def spirals(n=1024, noise=0.05, turns=1.5, classes=2, test_size=0.25, seed=0, standardize=True):
    """Interleaved spiral arms, one per class (chapter 2).

    Arm c: r = u, θ = 2π·turns·u + 2πc/classes, u ~ U(0, 1]; point
    (r cos θ, r sin θ) + N(0, σ²) noise, σ = ``noise``.  Labels 0 … classes−1,
    about n/classes points each (so 2 ≤ classes ≤ n).
    """
    n, noise, seed = _check_n(n), _check_noise(noise), _check_seed(seed)
    turns = checks.number(turns, "turns", 0, MAX_NOISE, low_open=True)
    classes = checks.integer(classes, "classes", 2, n)
    test_size, standardize = _check_split(test_size, n), checks.flag(standardize, "standardize")
    rng = np.random.default_rng(seed)
    y = np.arange(n) % classes
    u = 1.0 - rng.random(n)                   # (0, 1]
    theta = 2 * np.pi * turns * u + 2 * np.pi * y / classes
    X = np.column_stack([u * np.cos(theta), u * np.sin(theta)]) + noise * rng.standard_normal((n, 2))
    order = rng.permutation(n)
    return _split(X[order], y[order], test_size, seed, standardize)


def xor(n=1024, noise=0.0, test_size=0.25, seed=0, standardize=True):
    """The XOR problem (chapter 2): x ~ U(−1, 1)², label 1 when x₁x₂ < 0 (opposite quadrants), else 0.

    Gaussian noise σ = ``noise`` is added to the points after labelling, so labels
    near the axes become ambiguous.  No straight line separates the classes.
    """
    n, noise, seed = _check_n(n), _check_noise(noise), _check_seed(seed)
    test_size, standardize = _check_split(test_size, n), checks.flag(standardize, "standardize")
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, (n, 2))
    y = (X[:, 0] * X[:, 1] < 0).astype(np.int64)
    X = X + noise * rng.standard_normal((n, 2))
    return _split(X, y, test_size, seed, standardize)


# --- fixed tables from the books --------------------------------------------------------------

_CURVE_X = (0.00, 0.61, 1.22, 1.83, 2.44, 3.06, 3.67, 4.28, 4.89, 5.51, 6.12, 6.73, 7.34, 7.95, 8.57,
            9.18, 9.79)
_CURVE_Y = (50.0, -17.8, 74.1, 29.9, 114.8, 55.3, 66.0, 89.1, 128.3, 180.8, 229.7, 229.3, 227.7, 354.9,
            477.1, 435.4, 470.1)

_BYTES = (
    130, 141, 99, 106, 135, 119, 98, 147, 152, 163, 118, 149, 122,
    133, 115, 128, 176, 132, 173, 145, 152, 79, 124, 133, 158, 111,
    139, 140, 126, 117, 175, 123, 154, 115, 130, 108, 139, 129, 113,
    129, 123, 135, 112, 146, 125, 134, 141, 136, 155, 152, 101, 149,
    137, 119, 143, 136, 118, 161, 138, 112, 124, 86, 135, 161, 112,
    117, 145, 140, 123, 110, 163, 122, 105, 135, 132, 145, 121, 92,
    118, 125, 154, 148, 92, 142, 118, 128, 128, 129, 125, 121, 139,
    152, 122, 128, 126, 126, 157, 124, 120, 152,
)


def curve_fit_points():
    """Kneusel's 17 noisy points of Fig. 9-5, exactly as printed: (x, y), float64 (chapter 5).

    Least squares gives the quadratic 36.0234 − 6.1385x + 5.5234x² (SSE 23515.27)
    and a degree-15 fit with SSE ≈ 43.11 that swings to about −1947 between the points.
    """
    return np.array(_CURVE_X), np.array(_CURVE_Y)


def curve_fit_heldout(seed=0):
    """Held-out points for Kneusel's table (chapter 5): (x, y), 32 points, float64.

    Kneusel does not say how his 17 points were made.  We assume the simplest process that
    fits them: the least-squares quadratic of the table plus Gaussian noise with the
    quadratic's residual standard deviation s = √(SSE/(17 − 3)) ≈ 41.0.  The x values are
    the other 32 points of ``linspace(0, 10, 50)`` up to 9.79, truncated to two decimals as
    the table's are (the table holds every third one); ``seed`` draws the noise.
    """
    seed = _check_seed(seed)
    from nnbook import polyfit
    x, y = curve_fit_points()
    trend = polyfit.fit(x, y, 2)
    s = math.sqrt(trend.sse(x, y) / (x.size - 3))
    grid = np.floor(np.linspace(0, 10, 50) * 100) / 100
    x_new = np.delete(grid, np.s_[::3])
    x_new = x_new[x_new <= x.max()]
    return x_new, trend(x_new) + s * np.random.default_rng(seed).standard_normal(x_new.size)


def byte_sample():
    """Kneusel's 100 "random bytes" (normal(128, 20) cast to uint8), exactly as printed (chapter 1).

    Mean 130.9 (sum 13090).  Returned as int64 rather than the book's uint8, so
    that arithmetic such as ``d - 130`` cannot wrap around.
    """
    return np.array(_BYTES, dtype=np.int64)


# --- Statsville ----------------------------------------------------------------------------

#: Chaudhury's Statsville mixture (ch. 6 notebook): class: (π, μ (cm, kg), Σ).
STATSVILLE = {
    0: (0.4, (175.0, 70.0), ((8.0, 10.0), (10.0, 25.0))),   # man
    1: (0.4, (152.0, 55.0), ((8.0, 0.0), (0.0, 15.0))),     # woman
    2: (0.2, (135.0, 40.0), ((5.0, 0.0), (0.0, 5.0))),      # child
}


def statsville(n=2000, test_size=0.25, seed=0, standardize=True):
    """Chaudhury's Statsville residents: (height cm, weight kg) → man 0 / woman 1 / child 2 (chapter 1, chapter 3).

    A Gaussian mixture with weights π = (0.4, 0.4, 0.2), means (175, 70),
    (152, 55), (135, 40) and covariances [[8, 10], [10, 25]], [[8, 0], [0, 15]],
    [[5, 0], [0, 5]].  ``standardize``: True (per feature, training statistics),
    False (raw cm/kg), or "scalar" — the book's single mean and std over all
    numbers of the training set, which leaves the features squeezed near ±1.
    """
    n, seed = _check_n(n), _check_seed(seed)
    test_size = _check_split(test_size, n)
    if not (isinstance(standardize, (bool, np.bool_)) or (isinstance(standardize, str) and standardize == "scalar")):
        raise ValueError(f"standardize: expected True, False or 'scalar', got {standardize!r}")
    standardize = standardize if standardize == "scalar" else bool(standardize)
    rng = np.random.default_rng(seed)
    weights = np.array([STATSVILLE[c][0] for c in range(3)])
    y = rng.choice(3, size=n, p=weights)
    X = np.empty((n, 2))
    for c, (_, mean, cov) in STATSVILLE.items():
        idx = np.flatnonzero(y == c)
        X[idx] = rng.multivariate_normal(mean, cov, size=idx.size)
    X_train, y_train, X_test, y_test = _split(X, y, test_size, seed, standardize is True)
    if standardize == "scalar":
        mu, sd = X_train.mean(), X_train.std()
        X_train, X_test = (X_train - mu) / sd, (X_test - mu) / sd
    return X_train, y_train, X_test, y_test


# --- real data -----------------------------------------------------------------------------

def digits(test_size=0.25, seed=0):
    """scikit-learn's bundled 8×8 handwritten digits (1797 images, offline), pixels scaled to [0, 1] (chapter 5).

    X has shape (n, 64) (pixel values 0 … 16 divided by 16), y the digit 0 … 9;
    a seeded stratified train/test split.
    """
    test_size, seed = _check_split(test_size, 1797, classes=10), _check_seed(seed)
    from sklearn.datasets import load_digits
    X, y = load_digits(return_X_y=True)
    return _split(X / 16.0, y, test_size, seed, False, stratify=test_size > 0)


_IDX_TYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def _path(path):
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path: expected a file or folder name (str or pathlib.Path), got {type(path).__name__}")
    return Path(path)


def read_idx(path):
    """Read one IDX file (LeCun's MNIST format, optionally gzipped) into an ndarray (chapter 5).

    Header: two zero bytes, a type code (0x08 = uint8, …), the number of
    dimensions d, then d big-endian int32 sizes, then the data.
    """
    path = _path(path)
    if not path.is_file():
        raise FileNotFoundError(f"path: no such file {str(path)!r}")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        raw = fh.read()
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] not in _IDX_TYPES:
        raise ValueError(f"path: {str(path)!r} is not an IDX file (bad magic number)")
    ndim = raw[3]
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise ValueError(f"path: {str(path)!r} is truncated (header)")
    shape = tuple(int(s) for s in np.frombuffer(raw, dtype=">i4", count=ndim, offset=4))
    dtype = np.dtype(_IDX_TYPES[raw[2]])
    if any(s < 0 for s in shape):
        raise ValueError(f"path: {str(path)!r} has a negative size in its header {shape}")
    count = math.prod(shape)
    if len(raw) - header != count * dtype.itemsize:
        raise ValueError(f"path: {str(path)!r} holds {len(raw) - header} data bytes, expected "
                         f"{count * dtype.itemsize} for shape {shape}")
    return np.frombuffer(raw, dtype=dtype, count=count, offset=header).reshape(shape).copy()


def _find(folder, stem):
    for name in (stem, stem + ".gz"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"path: neither {str(folder / stem)!r} nor {str(folder / (stem + '.gz'))!r} "
                            "exists; download MNIST yourself (nnbook never downloads)")


def load_mnist(path, flatten=True):
    """MNIST from the four IDX files in the folder ``path`` (chapter 5); never downloads.

    Reads train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte
    and t10k-labels-idx1-ubyte (each optionally .gz).  Returns
    ``(X_train, y_train, X_test, y_test)`` with pixels scaled to [0, 1] (÷ 255),
    images flattened to rows of 784 (``flatten=False`` keeps 28 × 28), y int64.
    A missing file raises FileNotFoundError naming it.
    """
    folder = _path(path)
    flatten = checks.flag(flatten, "flatten")
    if not folder.is_dir():
        raise FileNotFoundError(f"path: no such folder {str(folder)!r}")
    out = []
    for prefix in ("train", "t10k"):
        images = read_idx(_find(folder, f"{prefix}-images-idx3-ubyte"))
        labels = read_idx(_find(folder, f"{prefix}-labels-idx1-ubyte"))
        if images.ndim != 3 or labels.ndim != 1 or images.shape[0] != labels.shape[0]:
            raise ValueError(f"path: {prefix} images {images.shape} and labels {labels.shape} do not match")
        X = images.astype(float) / 255.0
        out += [X.reshape(X.shape[0], -1) if flatten else X, labels.astype(np.int64)]
    return tuple(out)
