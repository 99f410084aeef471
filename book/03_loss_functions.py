# %% tags=["remove-cell", "nbval-skip"]
# Colab, or any Jupyter without nnbook: install it from the book's repository (about a minute).
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("nnbook") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "nnbook @ git+https://github.com/nnbook/nnbook"], check=True)

# %% [markdown]
# # Loss functions
#
# The loss is the one number training minimizes, so it decides what "better" means. This
# chapter compares the losses the sources use: the absolute and squared errors of regression,
# cross-entropy and its binary, softmax and focal forms, and the hinge. It recomputes every
# worked number of the sources, shows why softmax must be computed from the logits, and why
# each output unit comes with its own loss: the pairing makes the output delta the plain
# residual $a - y$. Two widgets go with it: Nielsen's **learning-slowdown neuron**, where the
# quadratic cost stalls at the start and cross-entropy does not, and a **softmax /
# cross-entropy explorer**.
#
# ## What you will learn
#
# - MAE against MSE: their derivatives, an outlier's pull, the ½ convention, and Huber's loss
#   between them;
# - cross-entropy for one-hot and soft targets, and why its minimum is not zero for a soft target;
# - softmax computed stably (log-sum-exp), and the gradient $p - y$ of softmax cross-entropy;
# - focal and hinge losses, on the sources' numbers;
# - why a sigmoid neuron learns slowly under the quadratic cost when it is badly wrong
#   (Nielsen's slowdown), and what that does to the two-moons network of [chapter 2](02_two_moons.ipynb).
#
# Every number below is computed in the cell next to it. The collapsed cells under each
# result assert it against the sources' printed values.

# %%
import math

import matplotlib.pyplot as plt
import numpy as np

from nnbook import MLP, lockstep, losses, plots
from nnbook.experiments import GLASSNER_INIT, TWO_MOONS_SIZES, two_moons_run
from nnbook.widgets import SlowdownNeuron, SoftmaxExplorer

plots.use_book_style()


def fmt(v, digits=4):
    """Numbers as a rounded tuple, for printing."""
    return "(" + ", ".join(f"{x:.{digits}g}" for x in np.ravel(v)) + ")"


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# %% [markdown]
# ## Absolute and squared error
#
# For a regression output $a$ and a target $y$, Kneusel (2021, ch. 9) defines the absolute loss
# $\lvert a - y\rvert$ and the squared loss $\tfrac12(a - y)^2$, averaged over the samples: the
# **mean absolute error** (MAE) and the **mean squared error** (MSE). The ½ changes no minimum;
# it makes the derivative the plain residual, $\partial \tfrac12 r^2/\partial a = r$. The
# derivatives tell the story: MAE's is $\mathrm{sign}(r)$, the same push for every wrong sample,
# MSE's grows with the error, so one far-off sample pulls as hard as many near ones. **Huber's
# loss** is squared up to $\lvert r\rvert = \delta$ and linear beyond, a compromise.
#
# Which constant $c$ best fits ten values, nine near 1 and one outlier at 10? Each loss picks
# its own: MSE the mean, MAE the median, Huber something in between.

# %%
values = np.array([0.8, 0.9, 1.0, 1.0, 1.1, 1.2, 0.9, 1.0, 1.1, 10.0])
grid = np.linspace(0, 4, 40_001)                          # candidate constants c, one "model" each
C = np.broadcast_to(grid[:, None, None], (grid.size, values.size, 1))
Y = np.broadcast_to(values[None, :, None], C.shape)
per_model = {name: fn(C, Y) for name, fn in (("MSE", losses.mse), ("MAE", losses.mae), ("Huber δ = 1", losses.huber))}
best = {name: grid[np.argmin(v)] for name, v in per_model.items()}
print(f"best constant: MSE {best['MSE']:.4f} (mean {values.mean():.4f}), MAE {best['MAE']:.4f} "
      f"(median {np.median(values):.4f}), Huber {best['Huber δ = 1']:.4f}")

# %% tags=["hide-input"]
assert abs(best["MSE"] - values.mean()) < 1e-4 and abs(best["MAE"] - np.median(values)) < 1e-4
assert np.median(values) < best["Huber δ = 1"] < values.mean()
print("checked: MSE's best constant is the mean, MAE's the median, Huber's lies between")

# %% tags=["hide-input"]
r = np.linspace(-3, 3, 601)
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(9, 3.4), layout="constrained")
ax.plot(r, np.abs(r), label="absolute |r|")
ax.plot(r, 0.5 * r**2, label="squared ½r²")
ax.plot(r, np.where(np.abs(r) <= 1, 0.5 * r**2, np.abs(r) - 0.5), "--", label="Huber, δ = 1")
ax.set_xlabel("residual r = a − y")
ax.set_title("per-sample losses")
ax.legend(fontsize=8)
ax2.plot(r, np.sign(r), label="absolute: sign(r)")
ax2.plot(r, r, label="squared: r")
ax2.plot(r, np.clip(r, -1, 1), "--", label="Huber: clip(r, −1, 1)")
ax2.set_xlabel("residual r")
ax2.set_title("their derivatives: the pull of one sample")
ax2.legend(fontsize=8)
plt.show()

# %% [markdown]
# Chaudhury (2024, §9.1.2, Listing 9.1) sums the squared errors of five predictions instead of
# averaging them; PyTorch's `reduction="sum"`. The mean is 1/5 of it, and the Euclidean norm
# its square root: Chaudhury calls the sum the "L2 norm", but it is the **squared** norm.

# %%
y_pred = np.array([-0.10, -0.24, 1.43, -0.14, -0.59])
y_gt = np.array([0.59, -1.92, -1.27, -0.40, 0.50])
sse = np.sum((y_pred - y_gt) ** 2)
print(f"sum of squared errors {sse:.4f}; mean {sse / 5:.5f}; the norm ‖a − y‖ {math.sqrt(sse):.5f}; "
      f"nnbook's mse (mean, with ½) {losses.mse(y_pred[:, None], y_gt[:, None]):.5f}")

# %% tags=["hide-input"]
assert round(sse, 4) == 11.8442 and math.isclose(losses.mse(y_pred[:, None], y_gt[:, None]), sse / 10)
print("checked: Chaudhury's 11.8442 is the sum of squares; nnbook's mse is half its mean")

# %% [markdown]
# ## Cross-entropy
#
# A classifier outputs probabilities $p_j$ over the classes; its target is one-hot, $y_c = 1$
# for the true class $c$. The **cross-entropy** $L = -\sum_j y_j \ln p_j = -\ln p_c$ is the
# surprise at the truth: 0 when $p_c = 1$, without bound as $p_c \to 0$. Kneusel's example has
# outputs (0.03, 0.87, 0.10) for the second class (his class 1: he counts from 0); Glassner's Fig. 14-1 an untrained
# five-class network with outputs (0.35, 0.2, 0.15, 0.1, 0.2) whose label is the third class,
# scored by cross-entropy and by the squared error against the one-hot target.

# %%
kneusel = losses.log_loss(np.array([[0.03, 0.87, 0.10]]), losses.one_hot(np.array([1]), 3))
glassner_p = np.array([[0.35, 0.2, 0.15, 0.1, 0.2]])
glassner_y = losses.one_hot(np.array([2]), 5)
glassner_ce = losses.log_loss(glassner_p, glassner_y)
glassner_se = np.sum((glassner_p - glassner_y) ** 2)
print(f"Kneusel: −ln 0.87 = {kneusel:.6f}")
print(f"Glassner Fig. 14-1: cross-entropy −ln 0.15 = {glassner_ce:.3f}, squared error {glassner_se:.3f}")

# %% tags=["hide-input"]
assert round(kneusel, 6) == 0.139262 and round(glassner_ce, 3) == 1.897 and round(glassner_se, 3) == 0.935
print("checked: Kneusel's 0.139262 and Glassner's 1.897 and 0.935")

# %% [markdown]
# Chaudhury's examples: a good four-class prediction (0.8, 0.15, 0.04, 0.01) of the first
# class, a binary prediction 0.8 of a positive (binary cross-entropy
# $-[y\ln p + (1-y)\ln(1-p)]$, §9.1.4), and a soft target: in segmentation a pixel's target can
# be a fraction, say $\bar y = 0.25$. The binary cross-entropy is then smallest at $p = \bar y$,
# but not zero there: its minimum is the target's own entropy.

# %%
ce_good = losses.log_loss(np.array([[0.8, 0.15, 0.04, 0.01]]), losses.one_hot(np.array([0]), 4))
bce = losses.bce(np.array([[0.8]]), np.array([[1.0]]))
p = np.linspace(0.01, 0.99, 9801)[:, None]
soft = np.array([losses.bce(p[i:i + 1], np.array([[0.25]])) for i in range(p.shape[0])])
print(f"CE of (0.8, 0.15, 0.04, 0.01) for the first class: {ce_good:.5f}; BCE of 0.8 for a positive: {bce:.5f}")
print(f"soft target 0.25: BCE is smallest at p = {p[np.argmin(soft), 0]:.4f}, where it is {soft.min():.4f} "
      f"(the entropy −0.25 ln 0.25 − 0.75 ln 0.75 = {-(0.25 * math.log(0.25) + 0.75 * math.log(0.75)):.4f})")

# %% tags=["hide-input"]
assert round(ce_good, 5) == round(bce, 5) == 0.22314 and round(soft.min(), 4) == 0.5623
assert abs(p[np.argmin(soft), 0] - 0.25) < 1e-3
print("checked: Chaudhury's 0.22314 (both) and the soft-target minimum 0.5623 at p = 0.25")

# %% [markdown]
# ## Softmax, computed from the logits
#
# A classifier's last layer produces scores, *logits* $z_j$; **softmax** turns them into
# probabilities, $p_j = e^{z_j}/\sum_k e^{z_k}$. Written that way it overflows: $e^{1000}$ is
# infinite in float64. Subtracting the largest logit changes nothing mathematically and keeps
# every exponent ≤ 0; the log of the sum is the *log-sum-exp*, and
# $\ln p_j = z_j - \max z - \ln \sum_k e^{z_k - \max z}$ gives the cross-entropy
# $-\ln p_c$ without ever forming a $p$ that rounds to 0.

# %%
z_big = np.array([1000.0, 999.0, 0.0])
with np.errstate(over="ignore", invalid="ignore"):      # the naive formula's overflow, on purpose
    naive = np.exp(z_big) / np.exp(z_big).sum()
print("naive softmax of (1000, 999, 0):", naive, "  stable:", fmt(losses.softmax(z_big[None])[0]))
print(f"cross-entropy of class 3 from the logits: {losses.cross_entropy(z_big[None], np.array([[0, 0, 1.0]])):.1f} "
      f"(= 1000 + ln(1 + e⁻¹) − 0); from the rounded probabilities it would be −ln 0 = ∞")
chaudhury_z = np.array([[9.99, 10.0, 0.01, -10.0]])
p_ch = losses.softmax(chaudhury_z)[0]
dog, cat = (losses.cross_entropy(chaudhury_z, losses.one_hot(np.array([c]), 4)) for c in (1, 0))
print(f"Chaudhury's scores (cat, dog, airplane, car) = (9.99, 10, 0.01, −10): softmax {fmt(p_ch, 5)}")
print(f"softmax cross-entropy: ground truth dog {dog:.6f}, cat {cat:.6f}")

# %% tags=["hide-input"]
assert np.all(np.isnan(naive[:2])) and np.isfinite(losses.softmax(z_big[None])).all()
assert [round(v, 5) for v in p_ch[:2]] == [0.49749, 0.50249] and [f"{v:.3e}" for v in p_ch[2:]] == ["2.304e-05", "1.036e-09"]
assert round(dog, 6) == 0.688183 and round(cat, 6) == 0.698183
print("checked: the naive softmax is NaN where the stable one is exact; Chaudhury's softmax and "
      "0.688183 / 0.698183")

# %% [markdown]
# Chaudhury's Fig. 9.3 gives 0.688 for the "dog" ground truth: that is the cross-entropy of
# the raw scores above, $-\ln 0.50249 = 0.688183$; writing it as $-\ln 0.502 = 0.6892$ from the
# rounded probability, as his text does, is off in the third digit. His "good" prediction
# ≈ (0.003, 0.997, 0, 0) prints 0.0032, but $-\ln 0.997 = 0.0030$ (0.0032 belongs to 0.9968).
#
# **The gradient.** With $p = \mathrm{softmax}(z)$ and $L = -\ln p_c$,
# $\partial L/\partial z_j = p_j - y_j$: the probability minus the one-hot target, the
# "residual" of a classifier. (From $\ln p_c = z_c - \ln\sum_k e^{z_k}$:
# $\partial/\partial z_j$ gives $y_j - p_j$.) A central difference checks it.

# %%
grad = losses.cross_entropy_grad(chaudhury_z, losses.one_hot(np.array([1]), 4))[0]
h = 1e-6
numeric = np.array([(losses.cross_entropy(chaudhury_z + h * e, losses.one_hot(np.array([1]), 4))
                     - losses.cross_entropy(chaudhury_z - h * e, losses.one_hot(np.array([1]), 4))) / (2 * h)
                    for e in np.eye(4)])
print("p − y       :", fmt(p_ch - np.eye(4)[1], 6))
print("nnbook grad :", fmt(grad, 6))
print("central diff:", fmt(numeric, 6))

# %% tags=["hide-input"]
assert np.allclose(grad, p_ch - np.eye(4)[1], atol=1e-15) and np.allclose(numeric, grad, atol=1e-8)
print("checked: ∂L/∂z = p − y, analytically and by central differences (to 1e-8)")

# %% [markdown]
# **Output unit and loss come in pairs** (`nnbook.heads`): sigmoid with binary cross-entropy,
# softmax with cross-entropy, identity with the squared error. In each pair the output delta
# of [chapter 2](02_backprop.ipynb), $\delta^{(L)} = \partial L/\partial z^{(L)}$, is the plain residual
# $(a - y)/n$: the derivative of the output unit cancels against the loss's. A sigmoid with the
# squared error keeps a factor $\sigma'(z) \le 0.25$. Here are the deltas `nnbook` computes for
# one batch, against the residual:

# %%
X4 = np.array([[0.5, -1.0], [2.0, 0.3], [-1.5, 1.2], [0.1, 0.1]])
y4 = np.array([1, 0, 1, 0])
for output, loss in (("sigmoid", "bce"), ("softmax", "cross_entropy"), ("identity", "mse"), ("sigmoid", "mse")):
    k = 3 if output == "softmax" else 1
    net = MLP([2, 3, k], "tanh", output, loss=loss, seed=1)
    trace = net.trace(X4)
    a = trace.a[-1]
    target = losses.one_hot(y4 % k, k) if k > 1 else y4[:, None].astype(float)
    delta = net.output_delta(net.forward_cache(X4)[1], y4 % k if k > 1 else y4)
    residual = (a - target) / 4
    ratio = np.median(np.abs(delta) / np.abs(residual))
    print(f"{output:8s} + {loss:13s}: δ⁽ᴸ⁾ {'=' if np.allclose(delta, residual) else '≠'} (a − y)/n"
          f"{'' if np.allclose(delta, residual) else f'  (median ratio δ / residual = {ratio:.3f}: the σ′ factor)'}")

# %% tags=["hide-input"]
net = MLP([2, 3, 1], "tanh", "sigmoid", loss="mse", seed=1)
a = net.trace(X4).a[-1]
delta = net.output_delta(net.forward_cache(X4)[1], y4)
assert np.allclose(delta, (a - y4[:, None]) * a * (1 - a) / 4)
print("checked: the three canonical pairs give δ⁽ᴸ⁾ = (a − y)/n; sigmoid + squared error gives "
      "(a − y)σ′(z)/n")

# %% [markdown]
# ## Nielsen's learning slowdown
#
# That σ′ factor is the whole story of Nielsen's (2015, ch. 3) toy experiment: one sigmoid
# neuron with input 1 and target 0, trained by gradient descent. With the quadratic cost the
# gradient is $(a - y)\sigma'(z)$; with cross-entropy it is $(a - y)$. Started at
# $(w, b) = (0.6, 0.9)$ the output is 0.82 and the quadratic cost learns fine; started at
# $(2, 2)$ the output is 0.98, $\sigma'(4) \approx 0.018$, and it barely moves for a long time:
# the neuron learns slowest when it is most wrong. Nielsen's settings: η = 0.15 for the
# quadratic cost, 0.005 for the cross-entropy, 300 epochs. `SlowdownNeuron(...).runs()` trains
# both with `nnbook.train`.

# %%
runs = {start: SlowdownNeuron(*start, epochs=300).runs() for start in ((0.6, 0.9), (2.0, 2.0))}
output = {start: {cost: sigmoid(h.weights.sum(axis=1)) for cost, h in r.items()} for start, r in runs.items()}
for start, out in output.items():
    q, c = out["quadratic"], out["cross_entropy"]
    print(f"start {start}: quadratic a = {q[0]:.2f} → {q[150]:.2f} (epoch 150) → {q[300]:.2f} (epoch 300); "
          f"cross-entropy {c[0]:.2f} → {c[150]:.2f} → {c[300]:.2f}")
early = {cost: 1 - runs[2.0, 2.0][cost].train_loss[30] / runs[2.0, 2.0][cost].train_loss[0]
         for cost in ("quadratic", "cross_entropy")}
print(f"from (2, 2), share of the starting cost lost in the first 30 epochs: quadratic {early['quadratic']:.1%}, "
      f"cross-entropy {early['cross_entropy']:.1%}")

# %% tags=["hide-input"]
q1, q2 = output[0.6, 0.9]["quadratic"], output[2.0, 2.0]["quadratic"]
assert (round(q1[0], 2), round(q1[300], 2)) == (0.82, 0.09)
assert (round(q2[0], 2), round(q2[150], 2), round(q2[300], 2)) == (0.98, 0.93, 0.20)
assert early["cross_entropy"] > 5 * early["quadratic"]
print("checked: Nielsen's quadratic runs (0.82 → 0.09; 0.98 → 0.93 → 0.20), and from (2, 2) the "
      "cross-entropy's cost falls over five times faster at the start, at a thirtieth of the η")

# %% tags=["hide-input"]
fig, axes = plt.subplots(1, 2, figsize=(9, 3.4), layout="constrained")
for ax, start in zip(axes, runs):
    for cost, style in (("quadratic", "-"), ("cross_entropy", "--")):
        ax.plot(runs[start][cost].train_loss / runs[start][cost].train_loss[0], style,
                label=f"{cost.replace('_', '-')} (η = {0.15 if cost == 'quadratic' else 0.005})")
    ax.set_title(f"start (w, b) = {start}: cost / starting cost")
    ax.set_xlabel("epoch")
axes[0].legend(fontsize=8)
plt.show()

# %% [markdown]
# From (2, 2) the quadratic cost sits on a plateau for well over a hundred epochs, then drops;
# the cross-entropy falls from the first epoch, at a thirtieth of the learning rate. (The two
# η are Nielsen's and not comparable as numbers; what differs is the shape, a slow start
# against none. With these η the cross-entropy run is still behind at epoch 300, 0.78 against
# 0.20 from (2, 2): a larger η would speed it up, which the quadratic cost cannot use on its
# plateau without overshooting later.) Cross-entropy removes σ′ from the output gradient; that is why it replaced
# the quadratic cost for classifiers. The widget below runs both from any start.

# %% tags=["nbval-ignore-output"]
neuron = SlowdownNeuron(2.0, 2.0)
neuron

# %% [markdown]
# ## The loss on two moons
#
# Does it matter for a real network? [Chapter 2](02_two_moons.ipynb)'s two-moons network, with its sigmoid output,
# trained by the same per-sample SGD at η = 0.05 for 61 epochs over 20 seeds in lockstep, once
# with binary cross-entropy and once with the squared error. We count the seeds that reach
# 99.5 % train and test accuracy.

# %%
first = {}
for loss in ("bce", "mse"):
    net = MLP(list(TWO_MOONS_SIZES), "relu", "sigmoid", init=GLASSNER_INIT, seed=0, models=lockstep(seed=range(20)),
              loss=loss)
    hist = two_moons_run(net, lr=0.05, epochs=61)
    ok = (hist.train_acc >= 0.995) & (hist.val_acc >= 0.995)
    first[loss] = np.where(ok.any(axis=0), ok.argmax(axis=0), -1)
    print(f"{loss}: {np.sum(first[loss] >= 0)} of 20 seeds succeed within 61 epochs; "
          f"median first epoch of those {np.median(first[loss][first[loss] >= 0]) if np.any(first[loss] >= 0) else '—'}")

# %% tags=["hide-input"]
assert np.sum(first["bce"] >= 0) >= np.sum(first["mse"] >= 0) + 5
print("checked: cross-entropy succeeds for at least five more seeds than the squared error")

# %% [markdown]
# The squared error's gradient carries the output's σ′, at most 0.25 and much less wherever
# the output has saturated on a wrong answer, so its steps are at best a quarter of the
# cross-entropy's: far fewer seeds reach success in the same budget. (Epoch counts are chaotic; the gap between
# the two losses is not.)
#
# ## Focal and hinge losses
#
# **Focal loss** (Chaudhury §9.1.7, Eq. 9.7; Lin et al. 2017) multiplies the cross-entropy of
# the true class by $(1 - p_t)^\gamma$, so well-classified examples count less:
# $\mathrm{FL} = -(1 - p_t)^\gamma \ln p_t$; γ = 0 is cross-entropy. The **multiclass hinge**
# (Eq. 9.8, the SVM loss) sums $\max(0, z_j - z_c + m)$ over the wrong classes: it is zero as
# soon as the true score beats every other by the margin $m$, and then stops pushing, where
# cross-entropy keeps pushing forever.

# %%
focal = {g: losses.focal(np.array([[0.8]]), np.array([[1.0]]), gamma=g) for g in (0, 1, 2)}
hinge = {name: losses.multiclass_hinge(chaudhury_z, losses.one_hot(np.array([c]), 4), margin=1.0)
         for name, c in (("dog", 1), ("cat", 0))}
print("focal loss at p = 0.8:", ", ".join(f"γ = {g}: {v:.4f}" for g, v in focal.items()))
print(f"hinge, margin 1, Chaudhury's scores: dog {hinge['dog']:.2f}, cat {hinge['cat']:.2f}; "
      f"a good prediction (2, 10, 0.01, −10) for dog: "
      f"{losses.multiclass_hinge(np.array([[2, 10, 0.01, -10]]), losses.one_hot(np.array([1]), 4)):.0f}")

# %% tags=["hide-input"]
assert [round(v, 4) for v in focal.values()] == [0.2231, 0.0446, 0.0089]
assert (round(hinge["dog"], 2), round(hinge["cat"], 2)) == (0.99, 1.01)
print("checked: Chaudhury's focal losses 0.2231 / 0.0446 / 0.0089 and hinge 0.99 / 1.01")

# %% tags=["hide-input"]
pt = np.linspace(0.01, 1, 300)[:, None]
fig, ax = plt.subplots()
for g in (0, 0.5, 1, 2, 5):
    ax.plot(pt, [losses.focal(pt[i:i + 1], np.ones((1, 1)), gamma=g) for i in range(len(pt))], label=f"γ = {g}")
ax.set_xlabel("probability of the true class")
ax.set_ylabel("loss")
ax.set_title("focal loss (after Chaudhury Fig. 9.4)")
ax.set_ylim(0, 4)
ax.legend()
plt.show()

# %% [markdown]
# ## Softmax and log-likelihood
#
# Nielsen's softmax section has four sliders over the logits, preset to (2.5, −1, 3.2, 0.5);
# the outputs are (0.315, 0.009, 0.633, 0.043). Raising one logit raises its probability and
# lowers all the others, and they always sum to 1. His **log-likelihood cost** is
# $C = -\ln a_y$: the cross-entropy of a one-hot target, and with softmax its gradient has no
# σ′ either ($p - y$ above). The explorer below adds the true class, a temperature $T$ (the
# probabilities are $\mathrm{softmax}(z/T)$: large $T$ flattens them, small $T$ sharpens them
# toward the arg max), the focal loss and the hinge, and the gradient as bars.

# %%
explorer = SoftmaxExplorer((2.5, -1.0, 3.2, 0.5), true_class=2)
v = explorer.values()
print(f"Nielsen's preset: softmax {fmt(v['p'], 3)}, sum {v['p'].sum():.15f}; log-likelihood of class 3 "
      f"−ln a₃ = {v['ce']:.4f}")

# %% tags=["hide-input"]
assert np.round(v["p"], 3).tolist() == [0.315, 0.009, 0.633, 0.043] and math.isclose(v["p"].sum(), 1.0)
print("checked: Nielsen's (0.315, 0.009, 0.633, 0.043)")

# %% tags=["nbval-ignore-output"]
explorer

# %% [markdown]
# Both widgets are live wherever you read this: your browser computes the losses (the same
# formulas as `nnbook.losses`, held to them within $10^{-12}$ by a test) and the slowdown
# runs (within $10^{-9}$ of `nnbook.train`). With a kernel, their settings are traits
# (`explorer.temperature = 5`, `neuron.w = 0.6`).
#
# ## Corrections to the sources
#
# - **Nielsen's notes**: "every term is non-negative because the log's domain is (0, 1)". Each
#   term $y\ln a + (1-y)\ln(1-a)$ is ≤ 0, because the logs are of numbers in (0, 1); the sum's
#   *negation*, the cost, is ≥ 0.
# - **The Chinese notes on focal loss** reverse the sentence: the factor $(1-p_t)^\gamma$ makes
#   *easy*, well-classified examples count *less*, not more.
# - **Chaudhury**: the sum of squared errors is the *squared* L2 norm; his hinge paragraph cites
#   Fig. 9.8 for what is Fig. 9.5; 0.688 is the cross-entropy of the raw scores, not
#   $-\ln 0.502 = 0.6892$; and 0.0032 ≠ $-\ln 0.997$ = 0.0030.
# - **Kneusel's hats**: his $y$ is the network's output and $\hat y$ the label, the reverse of
#   most texts; this book writes $a$ (or $p$) for the output and $y$ for the target.
# - **Glassner's output delta** "L − o" (label minus output) has the wrong sign for
#   $\partial E/\partial o$ with $E = \tfrac12(o - L)^2$: it is $o - L$, and the update
#   subtracts it.
#
# ## Summary
#
# - MSE's best constant is the mean and MAE's the median: the squared error lets an outlier
#   pull; Huber's loss is squared near zero and linear far out.
# - Cross-entropy $-\ln p_c$ scores a probability by its surprise; for a soft target its
#   minimum is the target's entropy, not zero.
# - Softmax and cross-entropy are computed from the logits (log-sum-exp); their gradient is
#   $p - y$, and each output unit paired with its loss makes $\delta^{(L)}$ the residual.
# - The quadratic cost on a sigmoid carries σ′ and learns slowest when most wrong; on the
#   two moons, cross-entropy succeeds for many more seeds.
# - Focal loss down-weights easy examples; the hinge stops at the margin.
#
# ## Exercises
#
# **1. Huber's δ.** For the ten values above, how does Huber's best constant move as δ goes
# from 0.1 to 20? What are its limits?
#
# :::{dropdown} Solution
# As δ → 0 Huber's loss is δ·|r| up to a constant, so its best constant tends to the median
# (1.0); for δ larger than every residual it is the squared error, with the mean (1.9). In
# between it moves monotonically from one to the other.
# :::
#
# **2. Cross-entropy in bits.** Kneusel uses the natural log. What is his example's
# cross-entropy in bits, and by what factor does the base change every cross-entropy?
#
# :::{dropdown} Solution
# $-\log_2 0.87 = 0.139262/\ln 2 = 0.2009$ bits; every value is divided by $\ln 2$, so no
# minimum moves.
# :::
#
# **3. The entropy floor.** Show that the binary cross-entropy with soft target $\bar y$ is
# minimized at $p = \bar y$, and that its minimum is $H(\bar y)$. For which targets is it 0?
#
# :::{dropdown} Solution
# $\partial/\partial p\,[-\bar y\ln p - (1-\bar y)\ln(1-p)] = (p - \bar y)/(p(1-p))$, zero at
# $p = \bar y$; substituting gives $H(\bar y) = -\bar y\ln\bar y - (1-\bar y)\ln(1-\bar y)$, which
# is 0 only for $\bar y \in \{0, 1\}$ (Chaudhury's "only zero case").
# :::
#
# **4. Temperature.** What does softmax(z/T) tend to as T → 0 and as T → ∞? Set Chaudhury's
# scores (9.99, 10, 0.01, −10) in the explorer: what are the four probabilities at T = 10?
#
# :::{dropdown} Solution
# T → 0 gives the one-hot vector of the arg max; T → ∞ the uniform distribution. At T = 10 the
# scores become (0.999, 1, 0.001, −1): probabilities about 0.40, 0.40, 0.15, 0.05. Cat and dog
# were close already at T = 1 (0.497, 0.502); the temperature lifts the airplane and the car.
# :::
#
# **5. Softmax of two classes.** Show that softmax over $(z_1, z_2)$ is $(\sigma(z_1 - z_2),
# \sigma(z_2 - z_1))$, so a two-class softmax is a sigmoid of the score difference.
#
# :::{dropdown} Solution
# $e^{z_1}/(e^{z_1} + e^{z_2}) = 1/(1 + e^{-(z_1 - z_2)}) = \sigma(z_1 - z_2)$.
# :::
#
# **6. Where the slowdown ends.** In the slowdown widget, start from (2, 2) with the quadratic
# cost and find the epoch where the output falls fastest. What are a and σ′ there?
#
# :::{dropdown} Solution
# Per epoch $z = w + b$ changes by $-2\eta\,a\,\sigma'(z)$ (both parameters, input 1, target 0),
# so $a$ changes by about $-2\eta\,a\,\sigma'(z)^2 = -2\eta\,a^3(1-a)^2$. That is largest where
# $3(1-a) = 2a$: $a = 0.6$, $\sigma' = 0.24$, over thirteen times its value at the start. The
# run gets there after about 220 epochs.
# :::
#
# **7. Hinge against cross-entropy.** Raise the true class's logit in the explorer step by
# step. When does the hinge reach 0, and what does the cross-entropy do after that?
#
# :::{dropdown} Solution
# The hinge is 0 once the true score exceeds every other by the margin, and stays flat; the
# cross-entropy keeps falling toward 0 without reaching it, so it keeps pushing the scores
# apart (Chaudhury's "lazy" hinge).
# :::
#
# ## Sources
#
# - Kneusel, R. T. (2021). *Practical Deep Learning*, ch. 9: the absolute, squared and
#   cross-entropy losses (his example (0.03, 0.87, 0.10)).
# - Chaudhury, K. et al. (2024). *Math and Architectures of Deep Learning*, §9.1: Listings
#   9.1–9.6 (sum of squares, CE, BCE, softmax CE, focal), Eqs. 9.3–9.8, Figs. 9.3 (softmax
#   cross-entropy), 9.4 (focal) and 9.5 (hinge).
# - Glassner, A. (2021). *Deep Learning: A Visual Approach*, ch. 14, Fig. 14-1.
# - Nielsen, M. (2015). *Neural Networks and Deep Learning*, ch. 3: the cross-entropy cost and
#   the learning slowdown, softmax and the log-likelihood cost (his preset (2.5, −1, 3.2, 0.5)).
# - Lin, T.-Y. et al. (2017). Focal loss for dense object detection. ICCV.
