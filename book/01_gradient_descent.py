# %% tags=["remove-cell", "nbval-skip"]
# Colab, or any Jupyter without nnbook: install it from the book's repository (about a minute).
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("nnbook") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "nnbook @ git+https://github.com/nnbook/nnbook"], check=True)

# %% [markdown]
# # Gradient descent and its descendants
#
# Training a network means walking downhill on its loss. This chapter builds the walk from a
# tangent line up to Adam: why the negative derivative points downhill, why a random walk
# is a slow way to get there, why a minibatch's gradient is a fair estimate of the full
# one, how the step size is scheduled, and what momentum, Nesterov, AdaGrad, RMSProp and
# Adam add. Each optimizer is derived, checked one step by hand against `nnbook.optim`, and
# run on surfaces where its behaviour shows, ending with the **learning-rate lab**, where
# you pick a surface, an optimizer and η, and click a start point.
#
# ## What you will learn
#
# - the gradient-descent step $w \leftarrow w - \eta\,\partial L/\partial w$, and why it finds
#   *a* minimum, not *the* minimum, on a curve that is not convex;
# - why minibatch gradients work: they are estimates, like the mean of a random subset
#   (Kneusel's 100 bytes), with a standard error you can compute;
# - full-batch, minibatch and stochastic gradient descent on the same loss, and when to stop;
# - learning-rate schedules with scikit-learn's exact semantics;
# - momentum, Nesterov, AdaGrad, RMSProp and Adam: equations, one step by hand, trajectories,
#   and where PyTorch's formulas differ;
# - Chaudhury's bowl and Statsville experiments, corrected where the published versions slip;
# - how to choose η (Nielsen's threshold rule).
#
# Every number below is computed in the cell next to it. The collapsed cells under each
# result assert it, tying the code here to `nnbook` and to the numbers in the sources.

# %%
import math
import warnings

import matplotlib.pyplot as plt
import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from nnbook import MLP, data, lockstep, optim, plots, surfaces, train
from nnbook.widgets import LearningRateLab

plots.use_book_style()


def fmt(v, digits=2):
    """Numbers as a rounded tuple, for printing."""
    return "(" + ", ".join(f"{x:.{digits}f}" for x in np.ravel(v)) + ")"


# %% [markdown]
# ## Slopes, tangents and a step downhill
#
# The derivative $f'(x)$ is the slope of the tangent at $x$: how much $f$ changes per unit
# change of $x$ (Kneusel 2021, ch. 9, Fig. 9-1). Where the slope is negative, $f$ falls to the
# right, so we should move right; where it is positive we should move left. Both cases are
# one rule, **gradient descent**:
#
# $$x \leftarrow x - \eta\, f'(x),$$
#
# with a step size, the **learning rate** $\eta > 0$. In a network $x$ is every weight and bias
# at once and $f'$ is the gradient $\nabla L$, but the rule is the same (Kneusel's Listing
# 9-1). Here it is on $f(x) = x^4 - 3x^2 + x$, which has two minima, started from four points.

# %%
def f(x):
    return x**4 - 3 * x**2 + x


def df(x):
    return 4 * x**3 - 6 * x + 1


def descend(x, eta=0.02, steps=200):
    path = [x]
    for _ in range(steps):
        x = x - eta * df(x)
        path.append(x)
    return np.array(path)


starts = (-2.0, -0.2, 0.3, 2.0)
paths = {x0: descend(x0) for x0 in starts}
critical = np.sort(np.roots([4, 0, -6, 1]).real)          # f'(x) = 0: minimum, maximum, minimum
minima = critical[[0, 2]]
for x0, path in paths.items():
    print(f"start {x0:+.1f}: after 200 steps x = {path[-1]:+.4f}, f = {f(path[-1]):+.4f}")
print(f"the minima (roots of f'): x = {minima[0]:+.4f} (f = {f(minima[0]):+.4f}), "
      f"x = {minima[1]:+.4f} (f = {f(minima[1]):+.4f}); the maximum between them at {critical[1]:+.4f}")

# %% tags=["hide-input"]
xs = np.linspace(-2.1, 2.1, 400)
fig, ax = plt.subplots()
ax.plot(xs, f(xs), color="0.3", label="f(x) = x⁴ − 3x² + x")
for x0, color in zip((-1.6, -0.8, 0.5, 1.4), ("C0", "C1", "C2", "C3")):         # tangents
    t = np.linspace(x0 - 0.35, x0 + 0.35, 2)
    ax.plot(t, f(x0) + df(x0) * (t - x0), color=color, lw=2)
    ax.annotate(f"slope {df(x0):+.1f}", (x0, f(x0)), textcoords="offset points", xytext=(6, 8), fontsize=8)
for x0, path in paths.items():
    ax.plot(path[:40], f(path[:40]), "o", ms=3, alpha=0.6)
ax.set_xlabel("x")
ax.set_ylabel("f(x)")
ax.set_title("tangents, and gradient descent from four starts (η = 0.02)")
ax.legend(loc="upper center")
plt.show()

# %% tags=["hide-input"]
ends = np.array([paths[x0][-1] for x0 in starts])
assert np.allclose(ends, minima[[0, 0, 1, 1]], atol=1e-6)
assert f(minima[0]) < f(minima[1])                    # the left minimum is the global one
print("checked: the starts left of the maximum end in the left (global) minimum, the others in "
      "the right one; the end points are the roots of f' to 1e-6")

# %% [markdown]
# Gradient descent finds the minimum of the basin it starts in. Start 0.3 lies right of the
# maximum, so it slides into the right-hand, *local* minimum, although the left one is lower:
# Kneusel's point A, where "the simple algorithm" goes the wrong way. A function with one basin
# is **convex**: the chord between any two points of its graph lies on or above the graph
# (Kneusel, Fig. 9-2). We can test that numerically.

# %%
rng = np.random.default_rng(0)
a, b = rng.uniform(-2, 2, (2, 100_000))
t = rng.uniform(0, 1, 100_000)
broken = np.mean(f(t * a + (1 - t) * b) > t * f(a) + (1 - t) * f(b) + 1e-12)
bowl = lambda x: x**2                                                        # noqa: E731
broken_bowl = np.mean(bowl(t * a + (1 - t) * b) > t * bowl(a) + (1 - t) * bowl(b) + 1e-12)
print(f"chords below the graph: f {broken:.1%} of 100,000 random chords, x² {broken_bowl:.1%}")

# %% tags=["hide-input"]
assert broken > 0.01 and broken_bowl == 0
print("checked: f is not convex (some chords cross below its graph), x² is")

# %% [markdown]
# A network's loss is not convex either, yet gradient descent trains networks well. Kneusel
# gives two reasons: the noise of minibatch gradients helps to leave poor regions, and deep
# networks have many minima that are about equally good. [Chapter 2](02_backprop.ipynb) shows
# a plateau that is a saddle, not a minimum.
#
# ## A slow way to learn
#
# Glassner (2021, ch. 14, "A Slow Way to Learn") starts with an algorithm that needs no
# derivative at all: pick one weight at random, add a small random number $m$, keep the change
# if the error went down and undo it otherwise. It works, "eventually". We race it against
# gradient descent on the same problem, a least-squares line $y \approx wx + b$ through 50 noisy
# points, both from $(w, b) = (0, 0)$ until the loss is within $10^{-4}$ of its minimum. (Glassner
# perturbs per sample and only when the sample is misclassified; for a regression we use the
# whole loss. The count of loss evaluations is what matters.)

# %%
rng = np.random.default_rng(1)
x_fit = rng.uniform(-1, 1, 50)
y_fit = 2.0 * x_fit + 0.5 + rng.normal(0, 0.1, 50)
A = np.column_stack([x_fit, np.ones(50)])


def line_loss(p):
    return 0.5 * np.mean((A @ p - y_fit) ** 2)


best = line_loss(np.linalg.lstsq(A, y_fit, rcond=None)[0])
target = best + 1e-4

p, gd_steps = np.zeros(2), 0
while line_loss(p) > target:
    p = p - 0.5 * A.T @ (A @ p - y_fit) / 50                     # η = 0.5
    gd_steps += 1

p, tries, kept = np.zeros(2), 0, 0
current = line_loss(p)
while current > target:
    i = rng.integers(2)
    trial = p.copy()
    trial[i] += rng.normal(0, 0.05)
    tries += 1
    new = line_loss(trial)
    if new < current:
        p, current, kept = trial, new, kept + 1
print(f"gradient descent: {gd_steps} steps (each one gradient: about two loss evaluations' work)")
print(f"random perturbation: {tries} loss evaluations, {kept} kept ({kept / tries:.0%}), "
      f"{tries - kept} undone")

# %% tags=["hide-input"]
assert tries > 2 * (2 * gd_steps) and kept / tries < 0.5
print("checked: the random learner needs more than twice the work of gradient descent, and most "
      "of its tries are undone")

# %% [markdown]
# The random learner wastes the tries that go uphill (Glassner: about half of them; here
# more, since near the minimum most directions go up) and moves one weight at a time; the
# gradient gives the best direction for all weights at once. With two parameters the
# difference is a few times the work; since the random learner moves one weight per try,
# with the 37 parameters of [chapter 2](02_two_moons.ipynb)'s network, or millions, it is the difference between
# training and not.
#
# ## Minibatches as estimates: Kneusel's 100 bytes
#
# The gradient of the mean loss is a mean over the training set. **Stochastic gradient
# descent** replaces it by the mean over a random subset, a *minibatch*: cheaper, noisier,
# and right on average. Kneusel shows the idea with 100 "random bytes" (draws from
# $N(128, 20^2)$ cast to `uint8`): the mean of all 100 is 130.9, and the means of five random
# subsets of ten were 138.9, 135.7, 131.7, 134.2 and 128.1. How far off should such an
# estimate be? A mean of $n$ values drawn without replacement from $N$ has the standard error
#
# $$\mathrm{SE} = \frac{\sigma}{\sqrt n}\sqrt{\frac{N - n}{N - 1}}$$
#
# ($\sigma$ the population standard deviation; the square root is the finite-population
# correction).

# %%
bytes_ = data.byte_sample()
N, n = bytes_.size, 10
sigma = bytes_.std()                                     # population std (ddof = 0)
se = sigma / math.sqrt(n) * math.sqrt((N - n) / (N - 1))
kneusel_means = np.array([138.9, 135.7, 131.7, 134.2, 128.1])     # printed in the source
z = (kneusel_means - bytes_.mean()) / se
print(f"mean of the 100 bytes {bytes_.mean():.1f}, σ = {sigma:.3f}, SE of a 10-value mean {se:.2f}")
print("Kneusel's five subset means, in SE from the mean:", fmt(z))

draws = np.array([rng.choice(bytes_, n, replace=False).mean() for _ in range(20_000)])
print(f"20,000 random subsets: mean of their means {draws.mean():.2f}, std {draws.std():.2f}")

# %% tags=["hide-input"]
assert bytes_.sum() == 13090 and round(se, 2) == 5.70 and np.abs(z).max() < 1.41
assert abs(draws.mean() - 130.9) < 0.15 and abs(draws.std() - se) < 0.1
print("checked: mean 130.9, SE 5.70, all five of Kneusel's estimates within 1.4 SE; the sampled "
      "means centre on 130.9 with the SE as their spread")

# %% tags=["hide-input"]
fig, ax = plt.subplots()
ax.hist(draws, bins=60, density=True, color="C0", alpha=0.5, label="20,000 subset means")
grid = np.linspace(110, 152, 200)
ax.plot(grid, np.exp(-0.5 * ((grid - 130.9) / se) ** 2) / (se * math.sqrt(2 * math.pi)), "C3",
        label=f"normal, mean 130.9, SE {se:.2f}")
ax.plot(kneusel_means, np.zeros(5), "kv", ms=8, label="Kneusel's five")
ax.set_xlabel("mean of 10 bytes")
ax.set_title("a minibatch estimate is right on average, off by about one SE")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# A minibatch gradient behaves the same way: its expectation is the full gradient, and its
# error shrinks like $1/\sqrt{B}$ in the batch size $B$. In practice the minibatches are not
# drawn independently: the training set is shuffled and cut into consecutive chunks, and it
# is shuffled again every **epoch** (one pass over the data), so every sample is used once
# per epoch (Kneusel; `nnbook.train` does this).
#
# ## Full batch, minibatch, one sample
#
# On a loss with two parameters we can watch all three. We fit the line $y \approx wx + b$ to
# 200 noisy points with `nnbook.train` (a network with one input, one linear output and the
# mean squared error), from $(w, b) = (0, 0)$, for 20 epochs at $\eta = 0.1$, with batch sizes
# 200 (full batch: one step per epoch), 10 (20 steps per epoch) and 1 (200 steps per epoch).
# Every epoch costs the same, 200 gradient evaluations of one sample each; what differs is
# how many steps they buy.

# %%
rng = np.random.default_rng(2)
X_line = rng.uniform(-1, 1, (200, 1))
y_line = 2.0 * X_line[:, 0] + 0.5 + rng.normal(0, 0.3, 200)
runs = {}
for batch in (200, 10, 1):
    net = MLP([1, 1], output="identity", loss="mse", seed=0)
    net.params = np.zeros(2)
    runs[batch] = train(net, X_line, y_line, epochs=20, batch_size=batch, lr=0.1, seed=0, snapshots=True)
for batch, h in runs.items():
    w, b = h.weights[-1]
    steps = 200 // batch
    print(f"batch {batch:3d}: {steps:3d} step{'s' if steps > 1 else ''} per epoch; after 20 epochs (w, b) = {fmt((w, b), 3)}, "
          f"loss {h.train_loss[-1]:.4f}; loss after epoch 1 {h.train_loss[1]:.4f}")
fit = np.linalg.lstsq(np.column_stack([X_line[:, 0], np.ones(200)]), y_line, rcond=None)[0]
print(f"least squares: (w, b) = {fmt(fit, 3)}")

# %% tags=["hide-input"]
assert runs[1].train_loss[1] < runs[10].train_loss[1] < runs[200].train_loss[1]
assert np.allclose(runs[10].weights[-1], fit, atol=0.05) and np.allclose(runs[1].weights[-1], fit, atol=0.1)
print("checked: per epoch, more steps go further (batch 1 < 10 < 200 after one epoch); batch 10 and 1 "
      "end near the least-squares line")

# %% tags=["hide-input"]
ww, bb = np.meshgrid(np.linspace(-0.2, 2.6, 120), np.linspace(-0.3, 1.0, 120))
loss_grid = 0.5 * np.mean((ww[..., None] * X_line[:, 0] + bb[..., None] - y_line) ** 2, axis=-1)
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(9, 3.6), layout="constrained")
ax.contour(ww, bb, loss_grid, levels=np.geomspace(loss_grid.min() + 1e-3, loss_grid.max(), 15), cmap="viridis",
           linewidths=0.7)
for (batch, h), color in zip(runs.items(), ("C0", "C1", "C3")):
    ax.plot(h.weights[:, 0], h.weights[:, 1], "o-", ms=3, color=color, label=f"batch {batch}")
    ax2.plot(h.train_loss, color=color, label=f"batch {batch}")
ax.plot(*fit, "kx", ms=8)
ax.set_xlabel("w")
ax.set_ylabel("b")
ax.set_title("(w, b) after each epoch")
ax.legend(fontsize=8)
ax2.set_yscale("log")
ax2.set_xlabel("epoch")
ax2.set_title("training loss")
plt.show()

# %% [markdown]
# The full batch walks the smooth path of true gradients but takes one step per epoch; one
# sample per step is fast and noisy, and at a constant η it never settles exactly: it keeps
# jittering around the minimum. When should training stop? Kneusel's Listing 9-2 lists the
# usual rules: when the budget of epochs is used up, when the loss falls below a threshold,
# when it stops changing, or, best, when the loss on a validation set stops improving
# (early stopping, [chapter 5](05_regularization.ipynb)).
#
# ## Learning-rate schedules
#
# A constant η that is right at the start is too large near the minimum. scikit-learn's
# `MLPClassifier` offers three schedules (Kneusel lists them); `nnbook.optim` has them with the
# same semantics, and a step schedule besides:
#
# - **constant**: $\eta = \eta_0$;
# - **invscaling**: $\eta = \eta_0 / (t + 1)^{p}$ with $p$ = `power_t` = 0.5, where $t$ counts
#   **training samples seen**, not epochs, and η is updated once per epoch. Kneusel writes
#   $\eta_0/t^p$ and leaves $t$ vague; counted in samples, the decay is fast;
# - **adaptive**: keep η while the training loss improves by at least `tol`, divide it by 5
#   when it has not for more than `n_iter_no_change` epochs (`Adaptive(patience=n_iter_no_change + 1)`);
# - **step**: multiply by $d$ every $k$ epochs (PyTorch's `StepLR`).
#
# We check the two that scikit-learn changes during training against `MLPClassifier` itself,
# whose optimizer's final η can be read after a fit.

# %%
X_sv, y_sv, X_sv_test, y_sv_test = data.statsville(seed=0)


def sklearn_fit(**kw):
    # We stop after a few epochs on purpose: the ConvergenceWarning that says so is expected.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return MLPClassifier(hidden_layer_sizes=(10,), solver="sgd", momentum=0.0, batch_size=10,
                             random_state=0, **kw).fit(X_sv, y_sv)


inv = sklearn_fit(learning_rate="invscaling", learning_rate_init=0.5, power_t=0.5, max_iter=4)
ours_inv = optim.InvScaling(0.5, power_t=0.5)(4, samples_seen=inv.t_)
print(f"invscaling after 4 epochs ({inv.t_} samples): scikit-learn η = {inv._optimizer.learning_rate:.6f}, "
      f"nnbook {ours_inv:.6f}")

ada = sklearn_fit(learning_rate="adaptive", learning_rate_init=0.1, n_iter_no_change=2, tol=1e-3, max_iter=20)
schedule = optim.Adaptive(0.1, factor=5, patience=3, tol=1e-3)
ours_ada = [schedule(e, 0, loss) for e, loss in enumerate(ada.loss_curve_, 1)]    # fed scikit-learn's losses
print(f"adaptive after {len(ada.loss_curve_)} epochs: scikit-learn η = {ada._optimizer.learning_rate:.6g}, "
      f"nnbook {ours_ada[-1]:.6g}; nnbook's η per epoch: {np.round(ours_ada, 5).tolist()}")

# %% tags=["hide-input"]
assert ours_inv == inv._optimizer.learning_rate and inv.t_ == 4 * len(y_sv)
assert math.isclose(ours_ada[-1], ada._optimizer.learning_rate, rel_tol=1e-12) and ours_ada[-1] < 0.1 / 5
print("checked: nnbook's invscaling (t in samples) and adaptive (÷5) give scikit-learn's η exactly")

# %% [markdown]
# ## Momentum and its descendants
#
# Plain gradient descent forgets: each step uses only the current gradient. The optimizers
# below keep a memory. With $g_t = \nabla L(w_t)$:
#
# - **SGD**: $w \leftarrow w - \eta g$.
# - **Momentum** (velocity $v$): $v \leftarrow \mu v - \eta g$, then $w \leftarrow w + v$.
# - **Nesterov** (the gradient where momentum is about to carry it):
#   $v \leftarrow \mu v - \eta \nabla L(w + \mu v)$, then $w \leftarrow w + v$.
# - **AdaGrad** ($s$, the sum of squared gradients): $s \leftarrow s + g \odot g$, then
#   $w \leftarrow w - \eta\, g / (\sqrt s + \varepsilon)$.
# - **RMSProp** ($s$, their moving average): $s \leftarrow \rho s + (1-\rho)\, g \odot g$, then
#   $w \leftarrow w - \eta\, g / (\sqrt s + \varepsilon)$.
# - **Adam** (both averages): $v \leftarrow \beta_1 v + (1-\beta_1) g$,
#   $s \leftarrow \beta_2 s + (1-\beta_2)\, g\odot g$, then
#   $w \leftarrow w - \eta\,\hat v/(\sqrt{\hat s} + \varepsilon)$,
#
# with Adam's bias corrections $\hat v = v/(1-\beta_1^t)$ and $\hat s = s/(1-\beta_2^t)$
# (Chaudhury 2024, §9.2.4–9.2.9, Eqs. 9.11–9.20; Kingma & Ba 2015). **Momentum** averages
# past gradients, so consistent directions add up and noise cancels (Chaudhury Fig. 9.8).
# **Nesterov** takes the gradient where the momentum is about to carry it, and so brakes
# before an overshoot (Fig. 9.10). **AdaGrad** gives each parameter its own step, small where
# gradients have been large; its sum only grows, so its steps shrink to nothing. **RMSProp**
# replaces the sum by a moving average, and **Adam** adds a moving average of the gradient
# itself: a momentum whose weights $(1-\beta_1)\beta_1^k$ sum to $1 - \beta_1^t$, a true
# average once the bias correction divides that out (Chaudhury's sidebar says the weights of
# the momentum sum to "∞"; they sum to $\eta/(1-\gamma)$ there, and to 1 here).
#
# One step of each, by hand, from Chaudhury's start $w = (100, 200)$ on $L = w_0^2 + w_1^2$
# (so $g = 2w = (200, 400)$), with Listing 9.12's settings, against `nnbook.optim`:

# %%
w0 = np.array([100.0, 200.0])
g = 2 * w0
eps = 1e-8
by_hand = {
    "sgd (0.01)": w0 - 0.01 * g,
    "momentum (0.01, μ 0.9)": w0 + (0.9 * 0 - 0.01 * g),
    "nesterov (0.01, μ 0.9)": w0 + 0.9 * (-0.01 * g) - 0.01 * g,     # the look-ahead point nnbook holds
    "adagrad (0.001)": w0 - 0.001 * g / (np.sqrt(g * g) + 1e-10),
    "rmsprop (0.01, ρ 0.99)": w0 - 0.01 * g / (np.sqrt(0.01 * g * g) + eps),
    "adam (0.001)": w0 - 0.001 * ((0.1 * g) / 0.1) / (np.sqrt((0.001 * g * g) / 0.001) + eps),
}
optimizers = {"sgd (0.01)": optim.SGD(0.01), "momentum (0.01, μ 0.9)": optim.Momentum(0.01, 0.9),
              "nesterov (0.01, μ 0.9)": optim.Nesterov(0.01, 0.9), "adagrad (0.001)": optim.AdaGrad(0.001),
              "rmsprop (0.01, ρ 0.99)": optim.RMSProp(0.01, rho=0.99), "adam (0.001)": optim.Adam(0.001)}
for name, opt in optimizers.items():
    stepped = opt.step(w0.copy(), g)
    print(f"{name:24s} by hand {fmt(by_hand[name], 6)}   nnbook {fmt(stepped, 6)}")

# %% tags=["hide-input"]
for name, opt in optimizers.items():
    opt.reset()
    assert np.allclose(opt.step(w0.copy(), g), by_hand[name], rtol=0, atol=1e-12), name
print("checked: one step of each of the six optimizers equals the hand computation to 1e-12")

# %% [markdown]
# Three things stand out in the first step. Momentum's first step is plain SGD (the velocity
# starts at 0). AdaGrad's and Adam's first steps are $\eta\,\mathrm{sign}(g)$, whatever the size
# of the gradient: they normalize it away. RMSProp's first step is $\eta/\sqrt{1-\rho} = 10\eta$,
# because $s_1 = (1-\rho) g^2$ is still small: that is the start-up bias that Adam corrects.
#
# **PyTorch writes some of these differently** (its documentation of `torch.optim`):
#
# - `SGD(momentum=μ)` keeps $b \leftarrow \mu b + g$ and steps $w \leftarrow w - \eta b$. For a
#   constant η this is our $v = -\eta b$: the same iterates. When η changes during training
#   (a schedule) they differ: PyTorch applies the new η to the whole accumulated buffer,
#   the velocity form only to the new gradient.
# - `SGD(nesterov=True)` steps $w \leftarrow w - \eta(g + \mu b)$: the look-ahead point, as
#   `nnbook.optim.Nesterov` and scikit-learn hold it.
# - `RMSprop` defaults to $\rho$ = `alpha` = 0.99; `nnbook` defaults to 0.9 (Hinton's and Keras'
#   value), so pass `rho=0.99` to compare. Both add $\varepsilon$ outside the square root.
# - `Adam` adds $\varepsilon$ to $\sqrt{\hat s}$ after the bias correction, as `nnbook` does;
#   scikit-learn folds both corrections into the step size, which scales $\varepsilon$ slightly
#   differently.
#
# Chaudhury lists the first steps of PyTorch's optimizers for this start. PyTorch's momentum
# form, written out in numpy, gives his numbers, and so does `nnbook`:

# %%
def torch_momentum(lr, mu, steps, nesterov=False):
    w, buf, out = w0.copy(), np.zeros(2), []
    for _ in range(steps):
        grad = 2 * w
        buf = mu * buf + grad
        w = w - lr * (grad + mu * buf if nesterov else buf)
        out.append(w)
    return np.array(out)


def nnbook_run(opt, steps):
    w, out = w0.copy(), []
    for _ in range(steps):
        out.append(opt.step(w, 2 * w).copy())
    return np.array(out)


for label, nesterov, published in (("momentum", False, [(98, 196), (94.24, 188.48), (88.9712, 177.9424)]),
                                   ("nesterov", True, [(96.2, 192.4), (90.9244, 181.8488), (84.452833, 168.905666)])):
    torch_form = torch_momentum(0.01, 0.9, 3, nesterov)
    ours = nnbook_run((optim.Nesterov if nesterov else optim.Momentum)(0.01, 0.9), 3)
    print(f"{label}: PyTorch's form {[fmt(p, 4) for p in torch_form]}; nnbook {[fmt(p, 4) for p in ours]}")

# %% tags=["hide-input"]
assert np.allclose(torch_momentum(0.01, 0.9, 3), [(98, 196), (94.24, 188.48), (88.9712, 177.9424)])
assert np.allclose(torch_momentum(0.01, 0.9, 3, True), [(96.2, 192.4), (90.9244, 181.8488), (84.452833, 168.905666)])
assert np.allclose(nnbook_run(optim.Momentum(0.01, 0.9), 3), torch_momentum(0.01, 0.9, 3), atol=1e-12)
assert np.allclose(nnbook_run(optim.Nesterov(0.01, 0.9), 3), torch_momentum(0.01, 0.9, 3, True), atol=1e-12)
print("checked: Chaudhury's PyTorch numbers (Listing 9.12) from PyTorch's formulas, and nnbook's "
      "velocity form gives the same iterates at a constant η")

# %% [markdown]
# ## Chaudhury's bowl
#
# Chaudhury's Figs. 9.9 and 9.10 run gradient descent, momentum and Nesterov on
# $L = w_0^2 + w_1^2$ from $(100, 200)$, stopping when $L < 50$ or when the radius $\lVert w\rVert$
# grows (an overshoot). He writes momentum as $\delta w_t = \gamma\,\delta w_{t-1} + \eta\nabla L(w_t)$,
# $w_{t+1} = w_t - \delta w_t$ (Eq. 9.11: our $v = -\delta w$, $\mu = \gamma$), and Nesterov with the
# gradient at $w_t - \delta w_{t-1}$ (Eq. 9.13). His surface is a paraboloid, not the "cone" of
# the caption. On it, every iterate stays on the ray from the start to the origin, so only the
# radius matters: gradient descent multiplies it by $\lvert 1 - 2\eta\rvert$ per step.

# %%
def chaudhury(eta, gamma=0.0, nesterov=False, lag=1, steps=20):
    """Radii of Chaudhury's recurrences; lag=2 is his notebook's slip (δw from two steps back)."""
    w, deltas, radii = w0.copy(), [np.zeros(2)] * 2, [np.hypot(*w0)]
    for _ in range(steps):
        previous = deltas[-lag]
        at = w - previous if nesterov else w
        delta = gamma * previous + eta * 2 * at
        w = w - delta
        deltas.append(delta)
        radii.append(np.hypot(*w))
        if w @ w < 50 or radii[-1] > radii[-2]:
            break
    return np.round(radii, 2)


runs_bowl = {"GD η = 0.2": chaudhury(0.2), "momentum (0.2, 0.2)": chaudhury(0.2, 0.2),
             "momentum (0.3, 0.5)": chaudhury(0.3, 0.5), "Nesterov (0.3, 0.5)": chaudhury(0.3, 0.5, nesterov=True)}
for name, radii in runs_bowl.items():
    print(f"{name:20s}", " → ".join(f"{r:.2f}" for r in radii))
published = chaudhury(0.2, 0.2, lag=2)
print("momentum (0.2, 0.2) with δw from two steps back:", " → ".join(f"{r:.2f}" for r in published))

# %% tags=["hide-input"]
assert runs_bowl["GD η = 0.2"].tolist() == [223.61, 134.16, 80.5, 48.3, 28.98, 17.39, 10.43, 6.26]
assert runs_bowl["momentum (0.2, 0.2)"].tolist() == [223.61, 134.16, 62.61, 23.26, 6.08]
assert runs_bowl["momentum (0.3, 0.5)"].tolist() == [223.61, 89.44, 31.3, 72.9]
assert runs_bowl["Nesterov (0.3, 0.5)"].tolist() == [223.61, 89.44, 49.19, 23.7, 12.03, 5.98]
assert published.tolist() == [223.61, 134.16, 80.5, 30.41, 7.51, 5.51]
gd = surfaces.trajectory("bowl", optim.SGD(0.2), steps=7)
assert np.round(np.hypot(*gd.points.T), 2).tolist() == runs_bowl["GD η = 0.2"].tolist()
print("checked: the corrected radii; the published momentum run (134.16 → 80.50 → 30.41 …) is the "
      "recurrence with δw from two steps back; nnbook's SGD gives the same GD radii")

# %% [markdown]
# Momentum with $(\eta, \gamma) = (0.2, 0.2)$ reaches $L < 50$ in 4 steps where gradient descent
# needs 7. With $(0.3, 0.5)$ it overshoots: the third step lands farther out (72.90) than the
# second (31.30). Nesterov, with the same settings, looks ahead, feels the gradient turn, and
# shrinks steadily to 5.98. Chaudhury's published trajectories for the momentum runs differ
# from these (his momentum (0.2, 0.2) shows 134.16, 80.50, 30.41, 7.51, 5.51) because his
# notebook takes the update from *two* steps back, so its first two steps are plain gradient
# descent: the last line above reproduces them. (PyTorch's and nnbook's Nesterov look ahead by
# $\gamma\,\delta w$, Sutskever's form, not by $\delta w$: on this bowl at (0.3, 0.5) it takes a
# large second step and overshoots slightly, radius 8.94 then 12.52; exercise 3.)
#
# ## Harder surfaces
#
# On the round bowl every method walks a straight line. Three surfaces of `nnbook.surfaces`
# show the differences: an **elongated bowl** $w_0^2 + 10 w_1^2$ (condition number 10: steep
# across, shallow along), **Rosenbrock's valley** $(1 - w_0)^2 + 100 (w_1 - w_0^2)^2$ (a curved
# floor), and a **saddle** $w_0^2 - w_1^2$ (Kneusel's "marble on a saddle"). Each optimizer gets
# one η per surface (the adaptive methods a multiple of it, as in the code), momentum and
# Nesterov μ = 0.5.

# %%
settings = {"elongated_bowl": (0.04, 60), "rosenbrock": (0.001, 400), "saddle": (0.05, 60)}
makers = {"sgd": lambda lr: optim.SGD(lr), "momentum": lambda lr: optim.Momentum(lr, 0.5),
          "nesterov": lambda lr: optim.Nesterov(lr, 0.5), "adagrad": lambda lr: optim.AdaGrad(20 * lr),
          "rmsprop": lambda lr: optim.RMSProp(2 * lr), "adam": lambda lr: optim.Adam(20 * lr)}
results = {}
for name, (lr, steps) in settings.items():
    for opt_name, make in makers.items():
        results[name, opt_name] = surfaces.trajectory(name, make(lr), steps=steps)
for name, (lr, steps) in settings.items():
    print(f"{name} (η = {lr}, {steps} steps), final loss: " +
          ", ".join(f"{o} {results[name, o].values[-1]:.3g}" for o in makers))

# %% tags=["hide-input"]
fig, axes = plt.subplots(1, 3, figsize=(11, 3.6), layout="constrained")
for ax, (name, (lr, steps)) in zip(axes, settings.items()):
    s = surfaces.get(name)
    g0, g1 = np.meshgrid(np.linspace(*s.xlim, 200), np.linspace(*s.ylim, 200))
    values = s.value(np.stack([g0, g1], axis=-1))
    ax.contourf(g0, g1, np.sign(values) * np.log1p(np.abs(values)), levels=20, cmap="viridis", alpha=0.5)
    for opt_name in makers:
        p = results[name, opt_name].points
        ax.plot(p[:, 0], p[:, 1], lw=1.3, label=opt_name)
    ax.plot(*s.minimum, "kx") if name != "saddle" else ax.plot(0, 0, "k+")
    ax.set_xlim(*s.xlim)
    ax.set_ylim(*s.ylim)
    ax.set_title(s.formula, fontsize=9)
axes[0].legend(fontsize=7, loc="lower right")
plt.show()

# %% tags=["hide-input"]
eb = {o: results["elongated_bowl", o].values[-1] for o in makers}
assert eb["momentum"] < eb["sgd"] and eb["nesterov"] < eb["sgd"] < min(eb["rmsprop"], eb["adam"])
ros = {o: results["rosenbrock", o].values[-1] for o in makers}
assert ros["momentum"] < ros["sgd"] and ros["nesterov"] < ros["sgd"] and ros["adam"] < ros["sgd"] < ros["adagrad"]
sad = results["saddle", "sgd"].points
assert abs(sad[-1, 1]) > 100 * abs(sad[0, 1]) and abs(sad[-1, 0]) < 0.01
print("checked: momentum and Nesterov beat SGD on the elongated bowl, RMSProp and Adam do not; "
      "momentum, Nesterov and Adam "
      "beat it on Rosenbrock, AdaGrad does not; on the saddle SGD slides to w0 ≈ 0 while w1 grows by "
      "(1 + 2η) per step")

# %% [markdown]
# On the elongated bowl SGD's η is capped by the steep direction ($\eta < 2/20 = 0.1$), so the
# shallow direction crawls (a factor 0.92 per step at η = 0.04); momentum accumulates speed
# along it and, though it overshoots and loops, ends many orders of magnitude lower. RMSProp and
# Adam end *worse* than SGD here: their normalized steps stay about η long, so near the minimum
# they keep hovering around it instead of shrinking.
# In Rosenbrock's valley plain SGD inches along the curved floor; momentum, Nesterov and Adam
# get farther in the same steps, and AdaGrad, whose steps keep shrinking, less far. On the saddle, a start just off the ridge slides toward the
# saddle point and then escapes along $w_1$: the offset grows by $(1 + 2\eta)$ per step.
# Gradient noise does the same in a real network, which is why saddle points slow training
# down rather than stop it.
#
# ## Statsville: minibatch SGD on a real classifier
#
# Chaudhury's §9.2.3 trains a classifier of Statsville's residents: height and weight →
# man, woman or child. His data are 2,000 draws of a three-component Gaussian mixture (798
# men, 811 women, 391 children); `nnbook.data.statsville` draws the same mixture (weights 0.4,
# 0.4, 0.2, his means and covariances), so our counts differ a little. His network is
# Linear(2, 100) → Linear(100, 3) with Xavier initialization, cross-entropy, SGD at η = 0.02
# with batches of 10. We do the same.

# %%
counts = np.bincount(np.concatenate([y_sv, y_sv_test]))
print(f"our draw: {counts.tolist()} men, women, children ({counts.sum()} residents; the book's draw: "
      f"798, 811, 391); {len(y_sv)} train, {len(y_sv_test)} test")
sv_net = MLP([2, 100, 3], "identity", "softmax", init="glorot_uniform", seed=0)
sv_hist = train(sv_net, X_sv, y_sv, validation=(X_sv_test, y_sv_test), epochs=5, batch_size=10, lr=0.02, seed=0)
print("training loss per epoch:", np.round(sv_hist.train_loss, 4).tolist())
print(f"test accuracy after 5 epochs: {sv_hist.val_acc[-1]:.3f} (epoch 0: {sv_hist.val_acc[0]:.3f})")

# %% tags=["hide-input"]
z_a, z_b = sv_net.forward(X_sv[:5]), sv_net.forward(X_sv[5:10])
mid = sv_net.trace(0.5 * (X_sv[:5] + X_sv[5:10])).z[-1]
assert np.allclose(mid, 0.5 * (sv_net.trace(X_sv[:5]).z[-1] + sv_net.trace(X_sv[5:10]).z[-1]), atol=1e-12)
assert np.all(np.diff(sv_hist.train_loss) < 0) and sv_hist.val_acc[-1] > 0.9
print("checked: the loss falls every epoch, test accuracy above 90 %; the logits are affine in x "
      "(no nonlinearity: a linear classifier with straight boundaries)")

# %% tags=["hide-input"]
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(9, 3.6), layout="constrained")
plots.decision_boundary(sv_net, X_sv_test, y_sv_test, ax=ax, title="Statsville after 5 epochs (test points)")
ax2.plot(sv_hist.train_loss, "o-", label="train")
ax2.plot(sv_hist.val_loss, "o--", label="test")
ax2.set_xlabel("epoch")
ax2.set_title("cross-entropy")
ax2.legend()
plt.show()

# %% [markdown]
# The boundaries are straight lines: with no nonlinearity between the layers,
# $W^{(2)}(W^{(1)}x + b^{(1)}) + b^{(2)}$ is one affine map, so the 100 hidden units buy nothing
# a Linear(2, 3) would not (the check above confirms the logits are affine). It works here
# because the three classes are nearly linearly separable. (Chaudhury's notebook also
# standardizes with one scalar mean and standard deviation over all numbers, which squeezes
# the features near ±1; we standardize each feature, the better practice.)
#
# ## Choosing η
#
# Nielsen (2015, ch. 3, "How to choose a neural network's hyper-parameters?") chooses η from
# the *training* cost: start at 0.01, go up by factors of 10 until the cost oscillates or
# rises during the first few epochs, refine, and take about half of that threshold. Here is
# the search on the Statsville network: ×10 steps from 0.01 to 10, then 2 and 5 in between, all
# six in lockstep, 5 epochs each.

# %%
etas = (0.01, 0.1, 1.0, 10.0, 2.0, 5.0)          # ×10 steps, then a refinement between 1 and 10
search = MLP([2, 100, 3], "identity", "softmax", init="glorot_uniform", seed=0, models=lockstep(lr=etas))
h_search = train(search, X_sv, y_sv, epochs=5, batch_size=10, seed=0)


def rises(h):
    """The training cost rises or oscillates somewhere in the first epochs (or stops being finite)."""
    return bool(h.diverged or not np.all(np.isfinite(h.train_loss)) or np.any(np.diff(h.train_loss) > 0))


for eta in sorted(etas):
    h = h_search.select(lr=eta)
    curve = ", ".join(f"{v:.3g}" for v in h.train_loss if np.isfinite(v))
    note = ("  ← rises" + (f" ({h.message()})" if h.diverged else "")) if rises(h) else ""
    print(f"η = {eta:5g}: training loss {curve}{note}")

# %% tags=["hide-input"]
bad = sorted(eta for eta in etas if rises(h_search.select(lr=eta)))
threshold = bad[0]
assert 1.0 < threshold <= 10.0 and not any(rises(h_search.select(lr=e)) for e in etas if e < threshold)
print(f"checked: the smallest η whose training cost rises is {threshold:g}; every smaller one falls "
      f"each epoch, so Nielsen's rule suggests about {threshold / 2:g}")

# %% [markdown]
# Below the threshold the loss falls every epoch; at η = 2 the steps overshoot so far that the
# loss explodes in the first epoch (the run is not learning; its last printed loss is
# meaningless). Half the threshold is a good first choice, and a schedule can lower it
# later. (Glassner's advice, "start at 0.001, η between 0 and 1", is a habit, not a rule:
# the search above shows a useful range that depends on the network and the data.)
#
# ## The learning-rate lab
#
# The lab runs `nnbook`'s optimizers on these surfaces in your browser, on the web page as
# well as in JupyterLab: the JavaScript steps are `nnbook.optim`'s formulas in `nnbook`'s
# order, and a test holds the trajectories equal to `nnbook.surfaces.trajectory` within
# $10^{-9}$ over 200 steps, on every surface and optimizer. Choose a surface and an
# optimizer (and a second one under *compare*, to race them from the same start), set η on
# the log slider and μ, ρ or β₁, β₂ where they apply, and click or drag on the map to move
# the start. A run that leaves the plot or stops being finite is named with its step.

# %% tags=["nbval-ignore-output"]
lab = LearningRateLab("bowl", "momentum", compare="sgd", lr=0.2, momentum=0.2, steps=10)
lab

# %% [markdown]
# Things to try: the overshoot of momentum (0.3, 0.5) on the bowl, and Nesterov against it;
# η just below and just above $2/20 = 0.1$ (2 over the steep direction's curvature) on the
# elongated bowl, SGD against momentum;
# AdaGrad against RMSProp on Rosenbrock with many steps (AdaGrad's steps die out); a start on
# the saddle, its default start a hair off the ridge and one farther off. With a kernel, the lab's settings are
# traits (`lab.lr = 0.3`), and `lab.trajectory()` computes the same run with `nnbook`:

# %%
run = lab.trajectory()
print(f"{lab.optimizer} on {lab.surface}, η = {lab.lr}, μ = {lab.momentum}, from {fmt(lab.start)}: "
      f"{run.message}; radii {' → '.join(f'{r:.2f}' for r in np.hypot(*run.points.T)[:5])} …")

# %% [markdown]
# ## Corrections to the sources
#
# - **Kneusel's momentum term.** He prints $w_{i+1} \leftarrow w_i - \eta\Delta w_i + \mu\Delta w_{i-1}$.
#   If $\Delta w$ is the gradient, the $+\mu\Delta w_{i-1}$ term pushes uphill; what is meant
#   is "add back a fraction of the previous *change*", the velocity form above (and
#   scikit-learn's `updates = momentum * velocity - learning_rate * grad`).
# - **Chaudhury's "cone"** for $w_0^2 + w_1^2$ is a paraboloid; his "O(n²) per epoch" for
#   full-batch gradient descent is O(n): an epoch evaluates each of the n samples once.
# - **Chaudhury's weighted average.** His momentum weights sum to $\eta/(1-\gamma)$; Adam's
#   $(1-\beta_1)\beta_1^k$ sum to $1-\beta_1^t$, which tends to 1 (not "∞"), and the bias
#   correction divides that out.
# - **Chaudhury's published momentum trajectories** use the update from two steps back;
#   the corrected recurrences give the radii above.
# - **Glassner's "η between 0 and 1, start at 0.001"** is a habit, not a rule (Nielsen's
#   search above).
# - **Qiu (5.83)** writes the parameters as $a_t$ and the learning rate as λ; this book
#   writes $w$ and η throughout.
#
# ## Summary
#
# - Gradient descent steps against the derivative; on a non-convex loss it finds the
#   minimum of the basin it starts in.
# - A minibatch gradient is an estimate of the full one, like the mean of 10 of Kneusel's
#   bytes: right on average, off by about one standard error (5.70 there).
# - Per epoch, smaller batches take more steps; at a constant η they jitter at the end, which
#   a schedule (invscaling counts samples; adaptive divides by 5) calms.
# - Momentum accumulates consistent directions, Nesterov brakes before overshooting, AdaGrad,
#   RMSProp and Adam scale each parameter's step by its gradient history.
# - η is chosen from the training cost: below the threshold where it starts to rise.
#
# ## Exercises
#
# **1. The largest stable η.** On $L = w^2$ gradient descent multiplies $w$ by $1 - 2\eta$.
# For which η does it converge, and for which does it converge without changing sign? What is
# the limit on the elongated bowl $w_0^2 + 10 w_1^2$?
#
# :::{dropdown} Solution
# It converges for $\lvert 1 - 2\eta\rvert < 1$, i.e. $0 < \eta < 1$, and without changing sign
# for $\eta \le 0.5$ ($\eta = 0.5$ lands on the minimum in one step). On $w_0^2 + 10w_1^2$ the
# $w_1$ factor is $1 - 20\eta$, so $\eta < 0.1$: the steep direction sets the limit for both.
# :::
#
# **2. Subset means.** What is the standard error of a 25-byte mean of Kneusel's bytes, and
# how many bytes give an SE of 2?
#
# :::{dropdown} Solution
# $\sigma/\sqrt{25}\cdot\sqrt{75/99} = 18.90/5 \cdot 0.870 = 3.29$. Solving
# $\sigma^2(N-n)/(n(N-1)) = 4$ gives $n = N\sigma^2/(4(N-1) + \sigma^2) \approx 47.4$, so 48 bytes
# (47 give 2.02).
# :::
#
# **3. Two Nesterovs.** Run `optim.Nesterov(0.3, 0.5)` on the bowl from (100, 200) and
# convert the held points to iterates with `lookahead_to_iterate`. Compare the radii with
# Chaudhury's form above. Why does Sutskever's form take such a large second step here?
#
# :::{dropdown} Solution
# The iterates' radii are 223.61, 89.44, 8.94, 12.52 (`tests/test_optim.py` checks them). The
# look-ahead by $\gamma\delta w$ lands closer to the minimum, where the gradient is small, so the
# momentum term dominates and the step reaches almost to the origin, then past it.
# :::
#
# **4. AdaGrad dies out.** Under a constant gradient $g$, what is AdaGrad's $t$-th step? Run
# AdaGrad on Rosenbrock for 2,000 steps at η = 0.02 and plot the step lengths.
#
# :::{dropdown} Solution
# $s_t = t g^2$, so the step is $\eta g/(\sqrt t\,\lvert g\rvert) = \eta/\sqrt t$: it shrinks
# like $1/\sqrt t$ whatever the surface, which is why RMSProp replaced the sum by an average.
# :::
#
# **5. Batch size and η.** Repeat the line fit with batch size 1 at η = 0.01, 0.1 and 0.5.
# Which ends closest to the least-squares line after 20 epochs, and why does the largest not?
#
# :::{dropdown} Solution
# η = 0.01 ends closest (within about 0.005 of the least-squares $(w, b)$), η = 0.1 within
# about 0.03, η = 0.5 about 0.16 away. Each per-sample step carries noise of size about η
# times that sample's residual, so at a constant η the iterate keeps jittering around the
# optimum with a spread that grows with η. A schedule (large η first, smaller later) gets
# both speed and precision.
# :::
#
# **6. A nonlinear Statsville.** Give the Statsville network ReLU hidden units
# (`MLP([2, 100, 3], "relu", "softmax")`) and compare the decision boundary and the test
# accuracy with the linear one after 5 epochs.
#
# :::{dropdown} Solution
# On our draw both reach 100 % test accuracy after 5 epochs; the ReLU network's training loss
# is a little higher (it has more to fit with the same steps). Its boundaries may bend, but
# these three classes are nearly linearly separable, so the linear model was already as good
# as a classifier can be here.
# :::
#
# **7. Nielsen's search with a schedule.** Take the threshold η from the search, train 20
# epochs at half of it, then again with `optim.StepDecay(eta0=threshold / 2, drop=0.1, every=10)`
# (`schedule=` of `nnbook.train`). Does the schedule lower the final training loss?
#
# :::{dropdown} Solution
# Not here: at η = 1 the training loss is still falling steadily at epoch 10, without
# bouncing, so cutting η tenfold only slows it (after 20 epochs about 0.0004 against 0.00025
# at the constant η). A drop pays when the loss has stopped falling and bounces around the
# minimum; the adaptive schedule waits for exactly that before it divides η.
# :::
#
# ## Sources
#
# - Kneusel, R. T. (2021). *Practical Deep Learning*, ch. 9: Figs. 9-1 (tangents) and 9-2
#   (convexity), Listings 9-1 and 9-2 (gradient descent, SGD), the 100-byte sampling
#   experiment, learning-rate schedules and momentum.
# - Chaudhury, K. et al. (2024). *Math and Architectures of Deep Learning*, §9.2: Eqs.
#   9.9–9.20 (SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam), Figs. 9.6–9.7 (Statsville),
#   9.8 (momentum), 9.9–9.10 (the bowl), Listing 9.12 (PyTorch's optimizers).
# - Glassner, A. (2021). *Deep Learning: A Visual Approach*, ch. 14, "A Slow Way to Learn".
# - Nielsen, M. (2015). *Neural Networks and Deep Learning*, ch. 3, choosing η.
# - Qiu, X. (2020). *Neural Networks and Deep Learning*, Eq. (5.83).
# - Kingma, D. P. & Ba, J. (2015). Adam: a method for stochastic optimization. ICLR.
