# %% tags=["remove-cell", "nbval-skip"]
# Colab, or any Jupyter without nnbook: install it from the book's repository (about a minute).
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("nnbook") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "nnbook @ git+https://github.com/nnbook/nnbook"], check=True)

# %% [markdown]
# # Overfitting and regularization
#
# A network that scores 100 % on its training set has learned its training set. Whether it
# has learned the task is a different question, answered only by data it has not seen. This
# chapter starts where Kneusel (2021, ch. 9, "Overfitting and Regularization") starts, with a curve fit: seventeen noisy points,
# a quadratic that misses them and a degree-15 polynomial that threads them and goes wild in
# between. Then it watches the same thing happen in a real network on real handwritten
# digits, after Nielsen's (2015, ch. 3) 1,000-image experiment, and measures every remedy the
# sources name: early stopping, L2 and L1 penalties, dropout, more data, and a better search
# for the hyper-parameters. The **overfit lab** lets you move the degree and the ridge λ.
#
# ## What you will learn
#
# - why a perfect training fit can be a bad model, on Kneusel's table (Fig. 9-5), and how a
#   held-out set shows it;
# - how a ridge penalty tames the degree-15 polynomial, and why the fit must be computed in a
#   scaled basis;
# - what overfitting looks like in a network's curves, and how early stopping uses a validation set;
# - L2 as weight decay, L1 and its (near) zeros, their geometry, and the Bayesian reading of both;
# - dropout's two conventions (drop or keep probability) and its $2^n$ subnetworks;
# - what more data, shifted copies of the data, and grid or random search buy.
#
# Every number below is printed by the cell that computes it; the collapsed cells assert them
# against the sources' numbers, or assert the shape of our runs.

# %%
import math
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from numpy.polynomial import Polynomial

from nnbook import MLP, data, polyfit, regularization, train
from nnbook import plots
from nnbook.lockstep import Lockstep, lockstep
from nnbook.widgets import OverfitLab, overfit_figure

plots.use_book_style()

# %% [markdown]
# ## Kneusel's seventeen points
#
# Kneusel prints the 17 points of his Fig. 9-5 to two decimals; `nnbook.data` ships them as
# printed. Their x values are every third point of `linspace(0, 10, 50)`, *truncated* (not
# rounded) to two decimals: 1.8367 is printed 1.83.

# %%
x, y = data.curve_fit_points()
x_truncated = np.floor(np.linspace(0, 10, 50)[::3] * 100) / 100
print("x:", " ".join(f"{v:.2f}" for v in x))
print("y:", " ".join(f"{v:.1f}" for v in y))
print("x is linspace(0, 10, 50)[::3] truncated to 2 decimals:", np.array_equal(x, x_truncated))

# %% [markdown]
# Least squares minimizes the sum of squared errors $\mathrm{SSE} = \sum_i (y_i - p(x_i))^2$
# over the coefficients of $p(x) = a_0 + a_1 x + \dots + a_d x^d$. In raw powers of $x$ this
# is a badly conditioned problem: $x^{15}$ reaches $7 \cdot 10^{14}$ while $x^0 = 1$, and the
# columns of the design matrix are nearly parallel. `nnbook.polyfit.fit` maps $x$ to
# $t \in [-1, 1]$, normalizes the columns and solves by SVD, as
# `numpy.polynomial.Polynomial.fit` does. The condition numbers say why:

# %%
for d in (2, 9, 15, 16):
    print(f"degree {d:2d}: condition number in powers of x {np.linalg.cond(np.vander(x, d + 1)):.1e}, "
          f"in scaled powers of t {polyfit.fit(x, y, d).condition:.1e}")

# %% [markdown]
# A condition number of $10^{19}$ means a solver working directly on the raw powers can lose
# all of float64's 16 digits; in the scaled basis it keeps ten or more. The fits:

# %%
fits = {d: polyfit.fit(x, y, d) for d in range(17)}
for d in (1, 2, 3, 15, 16):
    print(f"degree {d:2d}: SSE {fits[d].sse(x, y):10.2f}")
a0, a1, a2 = fits[2].coef
print(f"the quadratic: y = {a0:.3f} − {-a1:.3f}x + {a2:.3f}x²")
grid = np.linspace(x.min(), x.max(), 2000)
p15 = fits[15](grid)
print(f"degree 15 on a dense grid: {p15.min():.0f} at x = {grid[p15.argmin()]:.2f}, "
      f"{p15.max():.0f} at x = {grid[p15.argmax()]:.2f}")

# %% tags=["hide-input"]
assert [round(fits[d].sse(x, y), 2) for d in (1, 2, 3, 15)] == [56688.95, 23515.27, 23445.81, 43.11]
assert fits[16].sse(x, y) < 1e-3
assert np.allclose(np.round(fits[2].coef, 3), [36.023, -6.138, 5.523])
assert round(p15.min()) in (-1948, -1947, -1946) and abs(grid[p15.argmin()] - 0.18) < 0.01
assert round(p15.max()) in (1324, 1325, 1326) and abs(grid[p15.argmax()] - 9.63) < 0.01
for d in (2, 15):
    assert np.allclose(fits[d].coef, Polynomial.fit(x, y, d).convert().coef, rtol=1e-6)
print("checked: the SSEs 56,688.95 / 23,515.27 / 23,445.81 / 43.11 / ≈ 0, the quadratic "
      "36.023 − 6.138x + 5.523x², the degree-15 swing (−1,947 near 0.18, +1,325 near 9.63), "
      "and nnbook's fit equals numpy's Polynomial.fit")

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6.5, 4))
ax.plot(grid, fits[15](grid), label="degree 15 (SSE 43.11)")
ax.plot(grid, fits[2](grid), "--", label="degree 2 (SSE 23,515)")
ax.plot(x, y, "ko", ms=5, label="Kneusel's 17 points")
ax.set(ylim=(-150, 600), xlabel="x", ylabel="y",
       title="After Kneusel 2021, Fig. 9-5 (y clipped: degree 15 reaches −1,947 and +1,325)")
ax.legend(fontsize=8, loc="upper left")
plt.show()

# %% [markdown]
# The printed figure cannot have shown the whole curve: between the first two points it dives
# to about −1,947, four times farther from zero than any data point, and near the right end it
# climbs to about +1,325. We clip the axis and say so. The degree-15 curve
# passes within a few units of every point (SSE 43 against the quadratic's 23,515), which is
# what a perfect training score looks like. Degree 16 has 17 coefficients for 17 points and
# interpolates them exactly.
#
# ## Training error against held-out error
#
# Is the degree-15 curve a better model? Only new points from the same process can say.
# Kneusel does not say how his points were made, so we assume the simplest process that
# fits them: his quadratic trend plus Gaussian noise with the quadratic's residual standard
# deviation, $s = \sqrt{\mathrm{SSE}/(17 - 3)} \approx 41$. `data.curve_fit_heldout(seed)`
# draws y at the other 32 points of the same `linspace` (the ones between the table's). Over
# twenty such draws:

# %%
draws = [data.curve_fit_heldout(seed) for seed in range(20)]
rms = lambda f, xs, ys: math.sqrt(f.sse(xs, ys) / xs.size)
train_rms = np.array([rms(fits[d], x, y) for d in range(17)])
held_rms = np.array([[rms(fits[d], hx, hy) for d in range(17)] for hx, hy in draws])
best = int(np.argmin(held_rms.mean(axis=0)))
best_per_draw = held_rms.argmin(axis=1)
for d in (0, 1, 2, 3, 5, 9, 13, 15, 16):
    print(f"degree {d:2d}: training RMS {train_rms[d]:6.1f}   held-out RMS {held_rms[:, d].mean():6.1f} "
          f"(draws {held_rms[:, d].min():.0f} … {held_rms[:, d].max():.0f})")
print(f"lowest mean held-out error: degree {best}; lowest in each draw: degree {best_per_draw.tolist()}")

# %% tags=["hide-input"]
assert np.all(np.diff(train_rms) <= 1e-9) and train_rms[16] < 1e-3
assert best in (2, 3, 4) and held_rms[:, 15].mean() > 5 * held_rms[:, 2].mean()
assert np.all(held_rms[:, 15] > held_rms[:, 2])
print("checked: training error never rises with the degree and is 0 at 16; the held-out error is "
      "lowest near degree 2–4, and degree 15's is over five times degree 2's, in every draw")

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6, 3.6))
degrees = np.arange(17)
ax.semilogy(degrees, np.maximum(train_rms, 1e-3), "o-", label="training (the 17 points)")
ax.semilogy(degrees, held_rms.mean(axis=0), "s-", label="held out (mean of 20 draws)")
ax.fill_between(degrees, held_rms.min(axis=0), held_rms.max(axis=0), color="C1", alpha=0.15)
ax.set(xlabel="degree", ylabel="RMS error", title="Training error falls; held-out error turns up")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# That is overfitting in one picture: past degree 3 or so the extra coefficients keep lowering
# the training error while the held-out error rises, almost monotonically. The noise in these
# points has a standard deviation of about 41 (on average the held-out RMS of the right model
# cannot go below it); degree 15 fits the noise. Which degree is best on one held-out draw
# varies from draw to draw (printed above): one small validation set chooses partly by its noise.
#
# ## A ridge penalty
#
# Instead of cutting the degree we can keep it and penalize large coefficients: minimize
# $\mathrm{SSE} + \lambda \sum_{k \ge 1} c_k^2$, where $c_k$ are the coefficients of the scaled
# powers $t^k$ (the intercept is not penalized, so λ shrinks the wiggles, not the level). This
# is ridge regression, and it is the L2 penalty of networks below.

# %%
lambdas = [0.0, 1e-6, 1e-4, 5e-4, 1e-2, 1.0, 100.0]
held15 = {}
for lam in lambdas:
    f = polyfit.fit(x, y, 15, l2=lam)
    held15[lam] = np.mean([rms(f, hx, hy) for hx, hy in draws])
    print(f"degree 15, λ = {lam:<6g}: training RMS {rms(f, x, y):6.1f}, held-out RMS {held15[lam]:6.1f}, "
          f"‖c‖ = {np.linalg.norm(f.scaled_coef[1:]):.3g}")
print(f"(degree 2 without a penalty: held-out RMS {held_rms[:, 2].mean():.1f})")

# %% tags=["hide-input"]
good = min(held15, key=held15.get)
assert 0 < good < 100 and held15[good] < 1.1 * held_rms[:, 2].mean() < held15[0.0] / 5
print(f"checked: a moderate λ ({good:g}) brings degree 15's held-out error to within 10 % of the quadratic's")

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6.5, 4))
for lam in (0.0, 1e-4, 1e-2, 1.0):
    ax.plot(grid, polyfit.fit(x, y, 15, l2=lam)(grid), label=f"λ = {lam:g}")
ax.plot(x, y, "ko", ms=5)
ax.set(ylim=(-150, 600), xlabel="x", ylabel="y", title="Degree 15 under a ridge penalty (y clipped)")
ax.legend(fontsize=8, loc="upper left")
plt.show()

# %% [markdown]
# A little λ removes the swings; a large λ flattens the curve toward a low-degree one and
# eventually misses the trend. Kneusel's "typical λ ≈ 0.0005" is a weight-decay coefficient for
# a network trained on a *mean* loss (below); here the penalty is added to a *sum* of squares of
# values in the hundreds, so the same number means something else. The scale of λ is set by
# the loss it is added to, which is why it is always tuned, never copied.
#
# ### The overfit lab
#
# Move the degree and λ; show or hide the held-out points, and draw a new held-out set. The
# right panels show the training and held-out errors against the degree at the current λ,
# with the current degree marked, and the size of the coefficients. numpy fitted every degree
# × λ once; your browser evaluates the fits (equal to `nnbook.polyfit` within $10^{-9}$, by a
# test) and reports when a fit would be ill-conditioned in raw powers of x. The figure below
# the widget is its default view, drawn by `overfit_figure()`.

# %% tags=["nbval-ignore-output"]
lab = OverfitLab(15, l2=0.0)
lab

# %% tags=["hide-input"]
overfit_figure(15, l2=0.0)
plt.show()

# %% [markdown]
# ## Overfitting in a network: Nielsen's 1,000 images
#
# Nielsen trains a 784-30-10 sigmoid network with the cross-entropy cost on the first 1,000
# MNIST training images, minibatches of 10, η = 0.5, weights drawn from N(0, 1), for 400 epochs.
# On MNIST the training accuracy reaches 100 %, the test accuracy climbs to 82.27 % and stops
# improving around epoch 280, and the test cost is lowest near epoch 15 and rises after.
#
# This book runs offline, so it cannot download MNIST. We use scikit-learn's bundled 8×8
# digits (1,797 images) with the same protocol: 1,000 training images, 30 sigmoid hidden
# units, sigmoid outputs with Nielsen's cross-entropy cost (summed over the ten outputs, as in
# [chapter 3](03_loss_functions.ipynb)), N(0, 1) weights (Nielsen draws the biases from N(0, 1)
# too; nnbook starts them at 0), η = 0.5, minibatches of 10, 400 epochs. The other 797 images are split into
# a validation set of 397, which we watch, and a test set of 400, which we touch once at the
# end (Kneusel's point: a number used to choose when to stop is no longer an honest estimate).
# If you have the MNIST files, `data.load_mnist(folder)` reads them from disk; it never
# downloads. Here it reads a tiny file written for the purpose:

# %%
with tempfile.TemporaryDirectory() as folder:
    images, labels = np.arange(2 * 2 * 3, dtype=np.uint8).reshape(2, 2, 3), np.array([7, 1], dtype=np.uint8)
    for stem, array in (("train-images-idx3-ubyte", images), ("train-labels-idx1-ubyte", labels),
                        ("t10k-images-idx3-ubyte", images), ("t10k-labels-idx1-ubyte", labels)):
        header = bytes([0, 0, 8, array.ndim]) + b"".join(n.to_bytes(4, "big") for n in array.shape)
        Path(folder, stem).write_bytes(header + array.tobytes())
    X_small, y_small, _, _ = data.load_mnist(folder)
print(f"read {X_small.shape[0]} images of {X_small.shape[1]} pixels, labels {y_small.tolist()}")

# %%
X_train, y_train, X_rest, y_rest = data.digits(test_size=797 / 1797, seed=0)
X_val, y_val, X_test, y_test = X_rest[:397], y_rest[:397], X_rest[397:], y_rest[397:]
print(f"training {len(y_train)}, validation {len(y_val)}, test {len(y_test)} images of {X_train.shape[1]} pixels")


def nielsen_network(models=None, seed=0, hidden=30):
    """Nielsen's 1,000-image network, on 8×8 digits: sigmoid hidden units, sigmoid outputs with
    cross-entropy, weights from N(0, 1)."""
    return MLP([64, hidden, 10], activation="sigmoid", output="sigmoid", init="large_normal", seed=seed,
               models=models)


net = nielsen_network()
history = train(net, X_train, y_train, validation=(X_val, y_val), epochs=400, batch_size=10, lr=0.5)
perfect = int(np.argmax(history.train_acc >= 1.0))
stays = int(np.flatnonzero(history.train_acc < 1.0).max()) + 1
peak, low = int(np.argmax(history.val_acc)), int(np.argmin(history.val_loss[1:])) + 1
print(f"training accuracy: {history.train_acc[1]:.1%} after epoch 1, first 100 % at epoch {perfect}, "
      f"100 % in every epoch from {stays} on")
print(f"validation accuracy: peak {history.val_acc[peak]:.2%} at epoch {peak}, {history.val_acc[-1]:.2%} at epoch 400")
print(f"validation cost: lowest {history.val_loss[low]:.3f} at epoch {low}, {history.val_loss[-1]:.3f} at epoch 400 "
      f"({history.val_loss[-1] / history.val_loss[low] - 1:+.1%})")
print(f"test accuracy after 400 epochs: {net.accuracy(X_test, y_test):.2%}")

# %% tags=["hide-input"]
assert history.train_acc[-1] == 1.0 and perfect <= stays < 200
assert peak < 399 and history.val_acc[peak] > history.val_acc[-1] - 1e-12
assert low < 399 and history.val_loss[-1] > 1.02 * history.val_loss[low]
assert history.train_loss[-1] < history.train_loss[low] / 2
print("checked: training accuracy reaches 100 % and stays there; the validation accuracy peaks before "
      "the end; the validation cost reaches its minimum before the end and rises by over 2 % after it, "
      "while the training cost keeps falling")

# %% tags=["hide-input"]
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6), layout="constrained")
epochs = np.arange(len(history.train_acc))
left.plot(epochs[1:], history.train_acc[1:], label="training")
left.plot(epochs[1:], history.val_acc[1:], label="validation")
left.axvline(peak, color="0.5", ls=":")
left.set(xlabel="epoch", ylabel="accuracy", ylim=(0.85, 1.005), title="Accuracy (dotted: validation peak)")
left.legend(fontsize=8)
right.plot(epochs[1:], history.train_loss[1:], label="training")
right.plot(epochs[1:], history.val_loss[1:], label="validation")
right.axvline(low, color="0.5", ls=":")
right.set(xlabel="epoch", ylabel="cross-entropy", ylim=(0, 0.4), title="Cost (dotted: validation minimum)")
right.legend(fontsize=8)
plt.show()

# %% [markdown]
# The shape is Nielsen's in part. The training accuracy reaches 100 % within the first few
# dozen epochs and the training cost keeps falling toward zero for the remaining 300, while the
# validation accuracy stops improving and the validation cost flattens and creeps up: from
# then on the network is learning the 1,000 images, not digits. The differences are worth
# saying. The 8×8 digits are much easier than MNIST's 28×28: a thousand of them are enough for
# about 97 % on unseen images (Nielsen's thousand MNIST images gave 82 %), so the gap between
# training and validation is smaller, and the validation cost rises only by a few per cent
# rather than by half. And on MNIST the cost turned up at epoch 15 while the accuracy kept
# improving until 280; here the cost's minimum comes *after* the accuracy has stopped
# improving (the printed epochs). Which signal one stops on matters less on an easy problem.
#
# ## Early stopping
#
# The oldest regularizer: watch the validation set and keep the weights of its best epoch.
# `train(..., early_stopping=patience)` stops once the validation cost has not improved for
# `patience` epochs and restores the best weights. Nielsen suggests "no improvement in ten
# epochs", relaxed to 20 or 50 for noisy curves; Kneusel's warning applies: the validation
# set has now been used to choose, so the honest number is the test set's.

# %%
stopped_net = nielsen_network()
stopped = train(stopped_net, X_train, y_train, validation=(X_val, y_val), epochs=400, batch_size=10, lr=0.5,
                early_stopping=20)
print(f"stopped after epoch {stopped.stopped_at}, weights restored from epoch {stopped.best_epoch}")
print(f"test accuracy: early-stopped {stopped_net.accuracy(X_test, y_test):.2%}, "
      f"all 400 epochs {net.accuracy(X_test, y_test):.2%}")

# %% tags=["hide-input"]
assert 0 < stopped.best_epoch < stopped.stopped_at < 400
assert stopped.stopped_at - stopped.best_epoch == 20
assert np.isclose(stopped.val_loss[stopped.best_epoch], stopped.val_loss[1:].min())
print("checked: training stopped 20 epochs after the best validation cost, with that epoch's weights")

# %% [markdown]
# Early stopping saves most of the epochs at no cost in accuracy here. It regularizes by
# limiting how far the weights travel from their start; the penalties below do so explicitly.
#
# ## L2 regularization: weight decay
#
# Add a penalty on the size of the weights to the cost. Nielsen writes it per training set of
# $n$ images, $C = C_0 + \frac{\lambda}{2n}\sum_w w^2$; its gradient adds $\frac{\lambda}{n}w$,
# so a gradient step becomes
#
# $$ \begin{aligned} w &\leftarrow \Big(1 - \frac{\eta\lambda}{n}\Big) w - \eta \frac{\partial C_0}{\partial w}, \\
#    b &\leftarrow b - \eta \frac{\partial C_0}{\partial b}: \end{aligned} $$
#
# every step first shrinks each weight by the factor $1 - \eta\lambda/n$ ("weight decay"),
# then follows the data's gradient. Biases are left out: they do not make the function
# wiggle, and shrinking them only moves it. `nnbook` adds $\frac{\lambda}{2}\sum w^2$ to the
# mean cost of a minibatch (Kneusel's form), so its λ is Nielsen's λ divided by $n$: his
# λ = 0.1 on 1,000 images is `l2=1e-4` here. One step, checked against the formula:

# %%
one = nielsen_network(seed=1)
w_before = [w.copy() for w in one.weights]
b_before = [b.copy() for b in one.biases]
batch = slice(0, 10)
plain = nielsen_network(seed=1)
_, grads = plain.gradient(X_train[batch], y_train[batch])
train(one, X_train[batch], y_train[batch], epochs=1, batch_size=10, lr=0.5, l2=1e-4, shuffle=False)
for layer in range(2):
    decayed = (1 - 0.5 * 1e-4) * w_before[layer] - 0.5 * grads.weights[layer]
    print(f"layer {layer + 1}: weights match (1 − ηλ)w − η∂C₀/∂w: {np.allclose(one.weights[layer], decayed)}; "
          f"biases match b − η∂C₀/∂b: {np.allclose(one.biases[layer], b_before[layer] - 0.5 * grads.biases[layer])}")

# %% [markdown]
# ## L1, dropout and L2 on the digits, measured
#
# L1 adds $\lambda \sum |w|$ instead; its gradient is $\lambda\,\mathrm{sgn}(w)$, a constant
# pull toward zero whatever the weight's size (with $\mathrm{sgn}(0) = 0$). Dropout comes two
# sections below; we measure it here too. Four settings, each with three seeds, in lockstep
# (twelve networks trained on the same minibatches), 150 epochs each:

# %%
settings = {"none": {}, "L2 1e-4": {"l2": 1e-4}, "L1 1e-4": {"l1": 1e-4}, "dropout 0.5": {"dropout": 0.5}}
rows = [{"seed": s, "l2": v.get("l2", 0.0), "l1": v.get("l1", 0.0), "dropout": v.get("dropout", 0.0)}
        for v in settings.values() for s in range(3)]
runs = Lockstep.from_rows(rows)
nets = nielsen_network(models=runs)
compared = train(nets, X_train, y_train, validation=(X_val, y_val), epochs=150, batch_size=10, lr=0.5)
test_acc = np.asarray(nets.accuracy(X_test, y_test)).reshape(4, 3)
W1 = nets.weights[0].reshape(4, 3, -1)
summary = {}
for i, name in enumerate(settings):
    summary[name] = {"test": test_acc[i], "mean_abs": np.abs(W1[i]).mean(), "zero": np.mean(np.abs(W1[i]) < 1e-3)}
    print(f"{name:12s} test accuracy {test_acc[i].mean():.2%} (seeds {test_acc[i].min():.2%} … {test_acc[i].max():.2%}); "
          f"first layer: mean |w| {summary[name]['mean_abs']:.3f}, share with |w| < 0.001: {summary[name]['zero']:.1%}")
blank = np.flatnonzero(X_train.max(axis=0) == 0)
start = nielsen_network(models=runs).weights[0]
unmoved = np.array_equal(nets.weights[0][:3][:, :, blank], start[:3][:, :, blank])
print(f"{blank.size} pixels are 0 in every training image; without a penalty their weights never move: {unmoved}")

# %% tags=["hide-input"]
assert summary["L2 1e-4"]["mean_abs"] < 0.75 * summary["none"]["mean_abs"]
assert summary["L1 1e-4"]["zero"] > 10 * max(summary["none"]["zero"], summary["L2 1e-4"]["zero"], 1e-3)
assert summary["dropout 0.5"]["mean_abs"] > summary["none"]["mean_abs"] and unmoved and blank.size > 0
means = [summary[name]["test"].mean() for name in settings]
assert all(np.all(summary[name]["test"] > 0.9) for name in settings) and max(means) - min(means) < 0.015
print("checked: L2 shrinks the first layer's weights by over a quarter and L1 sets many more of them to "
      "(nearly) zero; dropout's weights grow; the weights of blank pixels never move without a penalty; "
      "the four mean test accuracies lie within 1.5 points")

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6.5, 3.6))
bins = np.linspace(-4, 4, 81)
for i, name in enumerate(("none", "L2 1e-4", "L1 1e-4")):
    ax.hist(W1[list(settings).index(name)].ravel(), bins=bins, histtype="step", lw=1.5, label=name)
ax.set(yscale="log", xlabel="first-layer weight", ylabel="count (3 seeds)", title="Weights after 150 epochs")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# All three start from the same N(0, 1) weights. Without a penalty some first-layer weights
# stay exactly where they began: a few pixels of the 8×8 digits are 0 in every training image
# (at the borders), and a weight from a blank pixel never gets a gradient. L2 decays every
# weight geometrically, the useless ones toward 0, and ends with smaller weights overall; L1
# pulls by a constant amount and drives many to nearly 0, a (nearly) sparse network; exact
# zeros need the soft-threshold step of the next section. Under dropout the first-layer
# weights grow instead (printed above). On
# this easy problem the four mean test accuracies lie within a point or so of each other,
# inside the spread of the seeds (printed above): with 400 test images one image is 0.25 %.
# Nielsen's λ = 0.1 lifted his 1,000-image MNIST test accuracy from 82.27 % to 87.1 %; on the
# digits there is much less overfitting for a penalty to remove.
#
# ## The geometry: why L1 gives zeros
#
# Minimize $\frac12 (w - a)^2 + \lambda R(w)$ for one weight with data pull toward $a = 1$
# (a worked example of Chaudhury's argument and his Fig. 9.12). With $R = |w|$ the answer is the soft threshold
# $w^* = \mathrm{sgn}(a)\max(|a| - \lambda, 0)$, exactly 0 once λ ≥ |a|; with $R = w^2$ it is
# $w^* = a/(1 + 2\lambda)$, never 0. The derivative of $|w|$ is ±1 right up to 0; that of $w^2$
# vanishes there, so L2's pull fades just where it would reach zero.

# %%
w_grid = np.linspace(-2, 2, 400001)
for penalty, R in (("L1", np.abs), ("L2", np.square)):
    found = [w_grid[np.argmin(0.5 * (w_grid - 1) ** 2 + lam * R(w_grid))] for lam in (0.25, 0.5, 1.0, 1.5)]
    print(f"{penalty}: w* for λ = 0.25, 0.5, 1, 1.5: " + ", ".join(f"{w:.3f}" for w in found))

# %% tags=["hide-input"]
soft = [np.sign(1) * max(1 - lam, 0) for lam in (0.25, 0.5, 1.0, 1.5)]
ridge = [1 / (1 + 2 * lam) for lam in (0.25, 0.5, 1.0, 1.5)]
for lams, closed, R in ((soft, soft, np.abs), (ridge, ridge, np.square)):
    found = [w_grid[np.argmin(0.5 * (w_grid - 1) ** 2 + lam * R(w_grid))] for lam in (0.25, 0.5, 1.0, 1.5)]
    assert np.allclose(found, closed, atol=1e-5)
assert np.allclose(soft, [0.75, 0.5, 0, 0]) and np.allclose(np.round(ridge, 3), [0.667, 0.5, 0.333, 0.25])
print("checked: L1 gives 0.75, 0.5, 0, 0 and L2 gives 0.667, 0.5, 0.333, 0.25 (Chaudhury's "
      "sparsity argument), by search and in closed form")

# %% tags=["hide-input"]
fig, axes = plt.subplots(1, 2, figsize=(9, 3.2), layout="constrained")
w = np.linspace(-2, 2, 401)
for ax, (name, R, dR) in zip(axes, (("L1: |w|", np.abs(w), np.sign(w)), ("L2: w²", w ** 2, 2 * w))):
    ax.plot(w, R, label="penalty")
    ax.plot(w, dR, "--", label="its derivative")
    ax.axhline(0, color="0.7", lw=0.8)
    ax.set(title=name, xlabel="w")
    ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# ### Minimum description length and the Bayesian view
#
# Chaudhury (§9.3.1) motivates the penalty by Occam's razor: of the many weight settings that
# fit the data equally well (scaling the weights of a step-function perceptron by any α > 0
# changes nothing, if the bias is scaled too), prefer the simplest to describe, the smallest.
# His §9.3.5 makes it probabilistic. If a sample's likelihood is $\propto e^{-L_i(\theta)}$
# and the prior on the weights is $p(\theta) \propto e^{-\lambda\|\theta\|^2}$, a zero-mean
# Gaussian with variance $1/(2\lambda)$, then the most probable weights given the data
# maximize $e^{-L(\theta)}e^{-\lambda\|\theta\|^2}$: they minimize $L(\theta) + \lambda\|\theta\|^2$.
# Training without a penalty is maximum likelihood; with L2 it is the maximum a posteriori
# (MAP) estimate under a Gaussian prior; with L1 under a Laplace prior
# $p(\theta) \propto e^{-\lambda|\theta|}$. On one weight, the posterior's peak is the
# penalized minimum:

# %%
a_data, lam = 1.0, 0.25
log_posterior = {"Gaussian prior": -0.5 * (w_grid - a_data) ** 2 - lam * w_grid ** 2,
                 "Laplace prior": -0.5 * (w_grid - a_data) ** 2 - lam * np.abs(w_grid)}
for prior, logp in log_posterior.items():
    print(f"{prior}: MAP weight {w_grid[np.argmax(logp)]:.3f}")

# %% tags=["hide-input"]
assert np.isclose(w_grid[np.argmax(log_posterior["Gaussian prior"])], 1 / (1 + 2 * lam), atol=1e-5)
assert np.isclose(w_grid[np.argmax(log_posterior["Laplace prior"])], max(1 - lam, 0), atol=1e-5)
print("checked: the MAP weight under a Gaussian prior is the L2 minimum, under a Laplace prior the L1 minimum")

# %% [markdown]
# ## Dropout
#
# Dropout (Hinton et al. 2012; Srivastava et al. 2014) removes each hidden unit at random
# for each training example or minibatch, so every step trains a different *subnetwork*, and
# all subnetworks share the weights. A layer of $n$ units has $2^n$ of them. At test time the
# whole network stands in for the average of all subnetworks, which needs a rescaling. The
# sources disagree on what $p$ means, so read each with care:
#
# - **Kneusel**: $p$ is the probability to **drop** a unit (typically 0.5; $p = 0.8$ drops
#   80 %); at test time the weights are multiplied by $1 - p$.
# - **Qiu**: $p$ is the probability to **keep** a unit (0.5 for hidden units); at test time
#   outputs are scaled by $p$.
# - **Chaudhury**: $p_k$ is the probability to **keep** unit $k$; he gives no test-time rule, and
#   his PyTorch Listing 9.14 uses `Dropout(p=0.2)`, a *drop* probability.
# - **PyTorch** `Dropout(p)` and **Keras** `Dropout(rate)`: drop probability.
# - **nnbook** `MLP(..., dropout=p)`: drop probability, and *inverted* dropout: kept units are
#   multiplied by $1/(1 - p)$ during training, so the expected activation is unchanged and the
#   network is used as it is at test time. In expectation this is the books' test-time scaling.

# %%
rng = np.random.default_rng(0)
mask = regularization.dropout_mask((200_000,), 0.5, rng)
print(f"inverted dropout, p = 0.5: kept {np.mean(mask > 0):.4f} of the units, each × {mask.max():.1f}; "
      f"mean of the mask {mask.mean():.4f}")
keep = 0.8
P = {format(i, "03b"): math.prod(keep if bit == "1" else 1 - keep for bit in format(i, "03b")) for i in range(8)}
print("Chaudhury's 3-unit layer, keep probability 0.8: " + ", ".join(f"{k}: {v:.3f}" for k, v in P.items()))

# %% tags=["hide-input"]
assert abs(mask.mean() - 1) < 0.01 and set(np.unique(mask)) == {0.0, 2.0}
assert [round(v, 3) for v in P.values()] == [0.008, 0.032, 0.032, 0.128, 0.032, 0.128, 0.128, 0.512]
assert math.isclose(sum(P.values()), 1.0)
w3, a3 = np.array([0.4, -1.2, 0.7]), np.array([1.0, 0.5, 2.0])
expected_z = sum(P[k] * sum(int(bit) * wi * ai for bit, wi, ai in zip(k, w3, a3)) for k in P)
assert math.isclose(expected_z, keep * w3 @ a3)
print("checked: the inverted mask keeps the mean; the eight subnetworks have probabilities 0.008 … 0.512 "
      "summing to 1, and their expected pre-activation is the full network's times the keep probability")

# %% [markdown]
# The last check is the reason for the test-time scaling: averaged over the $2^3$
# subnetworks, the pre-activation is $p_{\text{keep}} \sum_k w_k a_k$, so the full network must
# be scaled by the keep probability (or, inverted, the training passes by its inverse). On the
# digits, dropout 0.5 on 30 hidden units (the measurements above) gains nothing: the hidden
# layer is thin, and half of it is missing at every step. Dropout pays off
# in wide networks that overfit badly, which is where Hinton et al. used it (MNIST 98.4 % →
# 98.7 % with 800-unit layers and a max-norm constraint).
#
# ## More data, and shifted data
#
# Kneusel ranks the remedies: more, and more representative, data is best; made-up data is
# second. Nielsen's sweep on MNIST shows the validation accuracy rising steadily with the
# training set size. On the digits, with the epochs scaled (as Nielsen scaled them) so that each
# run sees about 100,000 training examples:

# %%
test_by_size = []
for n in (100, 300, 1000):
    sized = nielsen_network()
    train(sized, X_train[:n], y_train[:n], epochs=100 * 1000 // n, batch_size=10, lr=0.5)
    test_by_size.append(sized.accuracy(X_test, y_test))
    print(f"{n:5d} training images, {100 * 1000 // n:4d} epochs: test accuracy {test_by_size[-1]:.2%}")


def shifted(images, dx, dy):
    """The 8×8 images moved by (dx, dy) pixels, zeros shifted in."""
    out = np.zeros((len(images), 8, 8))
    square = images.reshape(-1, 8, 8)
    out[:, max(dy, 0):8 + min(dy, 0), max(dx, 0):8 + min(dx, 0)] = \
        square[:, max(-dy, 0):8 + min(-dy, 0), max(-dx, 0):8 + min(-dx, 0)]
    return out.reshape(len(images), 64)


moves = ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1))
X_aug = np.concatenate([shifted(X_train, dx, dy) for dx, dy in moves])
y_aug = np.tile(y_train, len(moves))
X_test_moved = np.concatenate([shifted(X_test, dx, dy) for dx, dy in moves[1:]])
y_test_moved = np.tile(y_test, len(moves) - 1)
augmented = nielsen_network()
train(augmented, X_aug, y_aug, epochs=20, batch_size=10, lr=0.5)
for name, model in (("1,000 images, 100 epochs", sized), (f"{len(y_aug)} images (+ 4 one-pixel shifts), 20 epochs", augmented)):
    print(f"{name:46s} test accuracy {model.accuracy(X_test, y_test):.2%}, "
          f"on the test images shifted by one pixel {model.accuracy(X_test_moved, y_test_moved):.2%}")

# %% tags=["hide-input"]
test_by_size = [float(v) for v in test_by_size]
assert test_by_size == sorted(test_by_size) and test_by_size[-1] - test_by_size[0] > 0.03
right = shifted(X_train, 1, 0).reshape(-1, 8, 8)
assert np.array_equal(right[:, :, 1:], X_train.reshape(-1, 8, 8)[:, :, :7]) and not right[:, :, 0].any()
assert np.array_equal(shifted(X_train, 0, 0), X_train)
assert augmented.accuracy(X_test_moved, y_test_moved) > sized.accuracy(X_test_moved, y_test_moved) + 0.3
assert augmented.accuracy(X_test, y_test) < sized.accuracy(X_test, y_test)
print("checked: more images, higher test accuracy; the shifted copies make the network far better on "
      "shifted digits and worse on the centred ones")

# %% [markdown]
# More images, higher test accuracy: the smaller sets are overfitted more. The shifted copies
# (trained for the same 10,000 steps as the plain 1,000-image run) teach something else: a
# network trained with them recognizes digits moved by a pixel, which the plain network mostly
# cannot, but it does *worse* on the test digits as they are. Kneusel's word "representative"
# suggests why: scikit-learn's digits are centred and size-normalized, so a one-pixel shift (an
# eighth of the image) is a variation the test set never shows, and a 30-unit network that
# must also handle it has less left for the rest (a hypothesis; exercise 8 tests it). Augmentation helps when it imitates the
# variation of the data to come (Nielsen rotates MNIST digits by 15°; Simard et al. (2003)
# reached 99.3 % on MNIST with elastic distortions), and hurts when it does not.
#
# ## Choosing η and λ: grid or random search
#
# Every regularizer brings a hyper-parameter, and η is always there. Qiu (ch. 5, on
# hyper-parameter optimization) describes the
# two simple searches. A **grid** tries every combination of a few values per
# hyper-parameter, e.g. his η ∈ {0.01, 0.1, 0.5, 1}; a **random search** (Bergstra & Bengio 2012)
# draws the same number of combinations at random. With 16 trials the grid tries only 4
# values of each; the random search tries 16 of each, which matters when one of them (here η)
# matters much more than the other. All 32 networks train in lockstep (as the seeds of
# [chapter 2](02_two_moons.ipynb)'s experiment did), 30 epochs each:

# %%
grid_lr, grid_l2 = (0.01, 0.1, 0.5, 1.0), (0.0, 1e-5, 1e-4, 1e-3)
search_rng = np.random.default_rng(5)
random_lr = 10 ** search_rng.uniform(-2, 0, 16)
random_l2 = 10 ** search_rng.uniform(-6, -3, 16)
trials = ([{"lr": a, "l2": b} for a in grid_lr for b in grid_l2] +
          [{"lr": float(a), "l2": float(b)} for a, b in zip(random_lr, random_l2)])
search = nielsen_network(models=Lockstep.from_rows(trials))
searched = train(search, X_train, y_train, validation=(X_val, y_val), epochs=30, batch_size=10)
val_acc = searched.val_acc[-1]
for name, part in (("grid", slice(0, 16)), ("random", slice(16, 32))):
    k = part.start + int(np.argmax(val_acc[part]))
    print(f"{name:6s}: {len({trials[i]['lr'] for i in range(part.start, part.stop)})} distinct η; best validation "
          f"accuracy {val_acc[k]:.2%} at η = {trials[k]['lr']:.3g}, λ = {trials[k]['l2']:.2g}")

# %% tags=["hide-input"]
assert len(set(random_lr)) == 16 and len(set(grid_lr)) == 4
assert val_acc[:16].max() > 0.9 and val_acc[16:].max() > 0.9
print("checked: 16 random trials try 16 values of η against the grid's 4; both searches find "
      "networks above 90 % validation accuracy")

# %% tags=["hide-input"]
fig, (ax, by_lr) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
for name, part, marker in (("grid", slice(0, 16), "s"), ("random", slice(16, 32), "o")):
    lr = [trials[i]["lr"] for i in range(part.start, part.stop)]
    l2 = [max(trials[i]["l2"], 3e-7) for i in range(part.start, part.stop)]
    points = ax.scatter(lr, l2, c=val_acc[part], marker=marker, vmin=0.5, vmax=1, cmap="viridis", s=60,
                        edgecolors="k", label=name)
    by_lr.scatter(lr, val_acc[part], marker=marker, s=40, label=f"{name} ({len(set(lr))} values of η)")
ax.set(xscale="log", yscale="log", xlabel="η", ylabel="λ (L2; 0 drawn at the bottom)",
       title="Validation accuracy after 30 epochs")
fig.colorbar(points, ax=ax, label="validation accuracy")
ax.legend(fontsize=8, loc="upper left")
by_lr.set(xscale="log", xlabel="η", ylabel="validation accuracy", title="The same trials against η alone")
by_lr.legend(fontsize=8, loc="lower right")
plt.show()

# %% [markdown]
# The colour changes mostly from left to right: η decides, λ hardly matters over this range
# in 30 epochs (the right panel: accuracy against η alone). The grid spends four trials on
# each of its four η values; the random search spreads its trials over sixteen, so for the same
# cost it traces how the accuracy depends on η at four times the resolution. That is Bergstra
# and Bengio's argument. Which search found the single best network here is luck (the printed
# bests are within a few test images of each other); what both say clearly is that the best η
# lies at the top edge of the range searched, the signal to extend the range, not to stop. (Nielsen adds a cheaper trick for the first
# search: shrink the problem, fewer classes, fewer images, a smaller network, until one trial
# takes seconds.)
#
# ## Corrections to the sources
#
# - **Qiu (5.40)** writes the regularized update with $-\lambda W$ inside the parentheses; the
#   gradient of $\frac12\lambda\|W\|^2$ is $+\lambda W$, so the step is
#   $W - \alpha(\frac1N\sum\partial\mathcal L/\partial W + \lambda W)$ (his Alg. 5.1 has the sign right).
# - **Qiu** recommends an input-layer dropout "rate near 1": that is a *keep* probability in his
#   convention (drop almost nothing from the inputs), not a drop rate.
# - **Kneusel** credits dropout to Krizhevsky et al. (2012); it was introduced by Hinton et al.
#   (2012, arXiv:1207.0580) and published in full by Srivastava et al. (2014). Krizhevsky et al.
#   used it in AlexNet.
# - **Chaudhury** regularizes the biases too ($\|w\|^2 + \|b\|^2$); Kneusel, Nielsen and this
#   book do not. His penalty has no ½, so PyTorch's `weight_decay=wd`, which adds $wd\cdot w$ to
#   the gradient, is his λ = wd/2. His Listing 9.14 calls `super(Model, self).__init__()` inside
#   `ModelWithDropout` (it must name its own class) and applies dropout to the output scores,
#   which drops whole class scores at random; dropout belongs on hidden units.
#
# ## Summary
#
# - A perfect training fit is not a good model: Kneusel's degree-15 polynomial has SSE 43
#   against the quadratic's 23,515 and is far worse on new points from the same process.
#   Only held-out data shows it; fit polynomials in a scaled basis.
# - A ridge penalty keeps the degree and removes the wiggles; its λ is tuned, not copied.
# - A network overfits the same way: training accuracy 100 %, validation accuracy flat, the
#   validation cost creeping up. Early stopping keeps the best validation epoch; report the test set.
# - L2 is weight decay (biases excluded) and a Gaussian prior; L1 a constant pull and a
#   Laplace prior, and it drives weights to (nearly) zero.
# - Dropout trains $2^n$ weight-sharing subnetworks; mind whether $p$ drops or keeps, and scale
#   at test time (or invert during training).
# - More data beats every trick; made-up data helps only if it looks like the data to come
#   (one-pixel shifts of centred digits do not). Random search covers an important
#   hyper-parameter better than a grid of the same size.
#
# ## Exercises
#
# **1. Degree 16.** Why can degree 16 fit the 17 points exactly, and why does `polyfit.fit`
# refuse degree 17 without a penalty? What does it do with degree 17 and λ > 0?
#
# :::{dropdown} Solution
# A polynomial of degree 16 has 17 coefficients; 17 equations in 17 unknowns with distinct x
# have exactly one solution (the Vandermonde matrix is invertible), so the SSE is 0. Degree 17
# has more unknowns than equations: infinitely many exact fits, so least squares has no unique
# answer and `fit` raises a `ValueError`. With λ > 0 the objective SSE + λ‖c‖² is strictly
# convex in the penalized coefficients and has one minimizer again; it trades some SSE for
# smaller coefficients (it no longer interpolates), and as λ → 0 it tends to the exact fit
# with the smallest coefficients.
# :::
#
# **2. The best degree.** In the lab, hide nothing and step through the held-out draws at λ = 0.
# Does the degree with the lowest held-out error change from draw to draw? What does that say
# about choosing a model on one validation set?
#
# :::{dropdown} Solution
# It moves: mostly degree 2, but anywhere from 1 to 7 over the twenty draws (the list printed in
# the held-out section); the held-out errors of the degrees near the best differ by less than
# the noise of 32 points. A model chosen on one small validation set is chosen
# partly by that set's noise, which is why the chosen model's validation score is optimistic
# and a separate test set (or cross-validation) is needed.
# :::
#
# **3. Weight decay per epoch.** With nnbook's λ = 1e-4, η = 0.5 and 100 minibatches per epoch,
# by what factor does the decay alone shrink a weight in one epoch and in 400? Compare with
# Nielsen's estimate $e^{-\eta\lambda/m}$ per epoch.
#
# :::{dropdown} Solution
# $(1 - 0.5 \cdot 10^{-4})^{100} \approx e^{-0.005} = 0.995$ per epoch and $e^{-2} \approx 0.135$
# over 400 epochs: a weight the data does not support decays to a seventh. Nielsen's λ = 0.1,
# n = 1000 gives ηλ/n = 5·10⁻⁵ per step, the same; his $e^{-\eta\lambda/m}$ with m = 10 counts the
# steps per epoch as n/m = 100, the same 0.995.
# :::
#
# **4. Why L1 needs sgn(0) = 0.** What happens to a weight at exactly 0 under the L1 update if
# one took sgn(0) = 1? And to a weight of 10⁻⁶ with ηλ = 10⁻⁴?
#
# :::{dropdown} Solution
# With sgn(0) = 1 a zero weight would be pushed to −ηλ, then back, forever: it would never stay
# at zero. With sgn(0) = 0 it stays. A weight of 10⁻⁶ under a step of 10⁻⁴ overshoots to
# about −10⁻⁴ and then oscillates around 0 with that amplitude; plain (sub)gradient L1 makes
# weights *near* zero, and a proximal step (the soft threshold of the geometry section)
# makes them exactly zero.
# :::
#
# **5. Dropout's expectation.** A unit has three inputs; input $k$ is kept with probability $p_k$.
# Show that $E[z] = \sum_k p_k w_k a_k + b$, and say what inverted dropout changes so that
# $E[z]$ equals the test-time $z$.
#
# :::{dropdown} Solution
# $z = \sum_k \delta_k w_k a_k + b$ with $E[\delta_k] = p_k$, so by linearity
# $E[z] = \sum_k p_k w_k a_k + b$. Inverted dropout multiplies each kept input by $1/p_k$,
# so $E[\delta_k / p_k] = 1$ and $E[z] = \sum_k w_k a_k + b$, the full network's value, with
# nothing to rescale at test time. (For the non-linear output $a = f(z)$ the equality holds
# only approximately; that is the "weight-scaling inference rule".)
# :::
#
# **6. Ridge in closed form.** For a linear model $y \approx Xw$ show that minimizing
# $\|y - Xw\|^2 + \lambda\|w\|^2$ gives $w = (X^\top X + \lambda I)^{-1}X^\top y$, and why a
# λ > 0 makes the degree-17 problem of exercise 1 solvable.
#
# :::{dropdown} Solution
# The gradient is $-2X^\top(y - Xw) + 2\lambda w = 0$, so $(X^\top X + \lambda I)w = X^\top y$.
# $X^\top X$ is positive semi-definite; adding λI makes every eigenvalue at least λ > 0, so the
# matrix is invertible even when $X$ has more columns than rows. nnbook leaves the intercept
# unpenalized, $\lambda\,\mathrm{diag}(0, 1, \dots, 1)$; the matrix is still positive definite,
# because the constant column is non-zero. (nnbook solves the same
# problem as least squares on $X$ stacked over $\sqrt{\lambda}I$, which avoids forming $X^\top X$.)
# :::
#
# **7. Early stopping on accuracy.** Change the early-stopping run to stop on the validation
# *accuracy* instead of the cost (write the loop with `train(..., epochs=1)` per epoch). Does
# it stop earlier or later, and why can the two signals disagree?
#
# :::{dropdown} Solution
# On the digits the accuracy stops improving before the cost does (the printed epochs above),
# so an accuracy rule with the same patience stops earlier. The cost also measures
# confidence: it keeps falling while the right answers grow more certain and rises when the
# wrong ones do, even if no label changes. On MNIST Nielsen saw the reverse order, the cost
# rising from epoch 15 while the accuracy improved to 280; which one to stop on depends on
# which one you report.
# :::
#
# **8. Augmentation and capacity.** Train the shifted set again with 100 hidden units instead
# of 30 (`nielsen_network(hidden=100)`), and compare with a plain 100-unit network trained for
# 100 epochs on the 1,000 images. Does the augmentation still hurt on the centred test digits?
#
# :::{dropdown} Solution
# No: with 100 hidden units the shifted copies help. The augmented network beats the plain one
# on the centred test digits and stays far better on the shifted ones. The 30-unit network
# lacked the capacity to learn both the digits and their shifts, which supports the hypothesis
# in the text.
# :::
#
# ## Sources
#
# - Kneusel, R. T. (2021). *Practical Deep Learning*, ch. 9, §9.7: the 17-point table and
#   Fig. 9-5 (quadratic and degree-15 fits), L2 regularization and weight decay (typical
#   λ ≈ 0.0005), dropout and Fig. 9-6, the ranking of more data and augmentation.
# - Nielsen, M. (2015). *Neural Networks and Deep Learning*, ch. 3: overfitting on 1,000 MNIST
#   images (test peak 82.27 %, lowest test cost near epoch 15), early stopping, L2 (λ = 0.1 →
#   87.1 %), L1, dropout, artificially expanding the data, hyper-parameter strategy.
# - Chaudhury, K. et al. (2024). *Math and Architectures of Deep Learning*, §9.3: MDL, L2 and
#   L1 (Eqs. 9.21, 9.22, Fig. 9.12), sparsity, the Bayesian view, dropout and Fig. 9.13,
#   Listings 9.13–9.14.
# - Qiu, X. (2020). *Neural Networks and Deep Learning*, ch. 5: ℓ₂ regularization (5.40),
#   dropout, grid and random search.
# - Hinton, G. et al. (2012). Improving neural networks by preventing co-adaptation of feature
#   detectors. arXiv:1207.0580. Srivastava, N. et al. (2014). Dropout. JMLR 15.
# - Bergstra, J. and Bengio, Y. (2012). Random search for hyper-parameter optimization. JMLR 13.
# - Simard, P., Steinkraus, D. and Platt, J. (2003). Best practices for convolutional neural
#   networks applied to visual document analysis. ICDAR.
