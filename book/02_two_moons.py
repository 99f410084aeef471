# %% tags=["remove-cell", "nbval-skip"]
# Colab, or any Jupyter without nnbook: install it from the book's repository (about a minute).
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("nnbook") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "nnbook @ git+https://github.com/nnbook/nnbook"], check=True)

# %% [markdown]
# # The two-moons learning-rate experiment
#
# [Chapter 2](02_backprop.ipynb) derived backpropagation and checked it every way we could.
# Now it does real work. Glassner trains a 37-parameter network to separate two interleaved
# half-moons, and runs it with three learning rates: one never learns, one learns after a
# plateau, one sits on a long plateau before a late escape. This chapter reproduces his
# experiment and then takes it apart: what exactly goes wrong when η is too large, what the
# network is doing on a plateau, and how much of the book's story depends on the random
# seed.
#
# ## What you will learn
#
# - Glassner's two-moons protocol, and how to train a network with `nnbook` by it;
# - why η = 0.5 kills the network: one update pushes a whole hidden layer below zero, and
#   the initialization is not to blame;
# - what a plateau is: a classifier close to the best straight-line cut, sitting on a
#   saddle-shaped part of the error surface;
# - how often each outcome happens over twenty seeds trained in lockstep, and why the
#   book's run is one draw;
# - how to play with all of it in the two-moons lab.
#
# Every number below is computed in the cell next to it. The collapsed cells under each
# result hold its checks: they tie the text to the numbers and fail if the two part ways.

# %%
import numpy as np
import matplotlib.pyplot as plt
from sklearn.linear_model import LogisticRegression

import nnbook
from nnbook import MLP, Trainer, lockstep, plots, train
from nnbook.experiments import GLASSNER_INIT, LEARNING_RATES, two_moons_network, two_moons_run
from nnbook.widgets.two_moons import TwoMoonsLab, two_moons_figure

np.set_printoptions(precision=4, suppress=True)
plots.use_book_style()

# %% [markdown]
# ## The two-moons classifier
#
# Glassner's classifier (after Glassner 2021, Figs. 14-28 and 14-29) separates two
# interleaved half-moons. The protocol, which we follow exactly and which
# `nnbook.experiments` keeps in one place (the lab at the end runs the same code):
#
# - **data**: 2048 points from scikit-learn's `make_moons` with noise 0.08, split 75/25 into
#   1536 training and 512 test points, both standardized with the training set's mean and
#   standard deviation (`nnbook.data.two_moons`);
# - **network**: 2 inputs → 4 ReLU → 4 ReLU → 1 sigmoid, $2\cdot4 + 4\cdot4 + 4\cdot1 = 28$
#   weights and $4 + 4 + 1 = 9$ biases, **37 parameters** (`two_moons_network`);
# - **initialization**: weights from $N(0, 0.05^2)$ (Keras's `normal` initializer, standard
#   deviation 0.05), biases 0;
# - **training**: binary cross-entropy, plain SGD with one sample per step, every epoch
#   visiting the 1536 points in a new random order (`two_moons_run`).
#
# Three details differ from the book's Keras run and we say so. The random numbers (the
# points, the initial weights, the order of the samples) cannot be Keras's, so the epochs at
# which things happen differ. The epochs are numbered differently: our epoch 0 is the
# network before training and our epoch $k$ comes after $k$ epochs of training, while the
# book records its "epoch 0" after the first epoch, so **the book's epoch $k$ is our epoch
# $k + 1$**: its 21 epochs, labelled 0–20, are our epochs 1–21. And we measure accuracy and
# loss on the whole training and test sets at the end of each epoch, where Keras reports
# the *training* numbers as running averages during the epoch. That is why the book's
# training curves lag its test curves.

# %%
X_tr, y_tr, X_te, y_te = nnbook.data.two_moons(seed=0)
print(f"training points: {X_tr.shape}, class 1 fraction {y_tr.mean():.3f}")
print(f"test points:     {X_te.shape}, class 1 fraction {y_te.mean():.3f}")
print(f"training set after standardizing: mean {np.round(X_tr.mean(axis=0), 6) + 0.0}, "
      f"std {np.round(X_tr.std(axis=0), 6)}")

# %% tags=["hide-input"]
assert X_tr.shape == (1536, 2) and X_te.shape == (512, 2)
assert np.allclose(X_tr.mean(axis=0), 0) and np.allclose(X_tr.std(axis=0), 1)
print("checked: 1536 + 512 points, training set standardized to mean 0 and standard deviation 1")

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(4.6, 3.6), layout="constrained")
for c, color in ((0, plots.STYLE["classes"][0]), (1, plots.STYLE["classes"][1])):
    ax.scatter(*X_tr[y_tr == c].T, s=5, color=color, label=f"class {c}")
ax.set(xlabel="$x_1$ (standardized)", ylabel="$x_2$ (standardized)",
       title="Two moons: the 1536 training points (after Glassner Fig. 14-28)")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# The book's run is one network from one random draw. We pin a seed, **seed 2**, for the
# reasons given in the learning-rate experiment below, and train it with $\eta = 0.05$ for
# 21 epochs, the book's budget. Each epoch is 1536 backpropagations and 1536 updates; the
# `History` records losses, accuracies and all 37 parameters at every epoch end.

# %%
PINNED_SEED = 2
net = two_moons_network(seed=PINNED_SEED)
print(net)
hist = two_moons_run(net, lr=0.05, epochs=21)
print(hist.summary(digits=3))
for e in (0, 1, 4, 6, 7, 8, 10, 21):
    print(f"epoch {e:2d}: train acc {hist.train_acc[e]:.3f}, test acc {hist.val_acc[e]:.3f}, "
          f"train loss {hist.train_loss[e]:.3f}")

# %%
two_moons_figure(net, hist, title="η = 0.05, seed 2: plateau, then the moons are separated")

# %% [markdown]
# The run tells the book's η = 0.05 story. After one epoch the network classifies about
# 88 % of the points correctly, and stays there for several epochs: that is a *plateau*.
# Then, within two epochs, the boundary bends around the tips of the moons and accuracy
# jumps to nearly 100 %. The weight history (top right) shows the reorganization: the
# output bias and a few weights drift during the plateau, then several weights move at
# once. The 28 weights start within about ±0.15 (three standard deviations of
# $N(0, 0.05^2)$); the biggest end far outside that, as in the book's Fig. 14-35. The
# boundary is a polygon, as every ReLU network's is: each unit of the first hidden layer
# cuts the plane along a straight line where its net input is 0, and the second layer
# bends and combines those creases into the piecewise-straight boundary.

# %%
e100 = int(np.argmax((hist.train_acc >= 0.995) & (hist.val_acc >= 0.995)))
plateau = hist.train_acc[1:6]
w_start, w_end = hist.weights[0][net.is_weight], hist.weights[-1][net.is_weight]
print(f"plateau (epochs 1-5): train accuracy {plateau.min():.3f} to {plateau.max():.3f}")
print(f"first epoch with train and test accuracy >= 0.995: {e100}")
print(f"largest initial weight {np.abs(w_start).max():.3f}; after 21 epochs {np.abs(w_end).max():.2f}, "
      f"{np.sum(np.abs(w_end) > 1)} of 28 weights beyond ±1")

# %% tags=["hide-input"]
assert np.all((plateau > 0.85) & (plateau < 0.92)) and 7 <= e100 <= 12
assert hist.train_acc[-1] > 0.99 and hist.val_acc[-1] > 0.99
assert np.abs(w_start).max() < 0.15 and np.abs(w_end).max() > 3 and np.sum(np.abs(w_end) > 1) >= 10
print("checked: a plateau near 88 % for epochs 1-5, success between epochs 7 and 12, weights that "
      "start within ±0.15 and grow past 3")

# %% [markdown]
# ### Zero errors in float64
#
# Glassner's training loop skips the update of a sample whose error is 0. With a sigmoid
# output and cross-entropy the error of a sample is never exactly 0 in exact arithmetic,
# but a *computed* error can be, and what that says about the gradient depends on the
# label. For a label 1, once $z$ is above about 36.7, $1 + e^{-z}$ rounds to 1, so
# $p = \sigma(z)$ *is* 1.0: a plain $-\ln p$ gives 0 and the gradient $p - y$ is exactly 0
# too, and skipping the update changes nothing. For a label 0 it is different. Float64
# represents $\sigma(z)$ down to $z \approx -745$, so $p - y = p$ stays positive, but
# $1 - p$ rounds to 1 once $z$ is below about $-37.4$, and a plain $-\ln(1 - p)$ is then
# exactly 0: skipping "zero-error" samples would skip a real, if tiny, gradient. The loss
# computed from the logit, $\ln(1 + e^{-|m|}) + \max(-m, 0)$ with $m$ the logit signed
# toward the true class, never rounds to 0 before $m$ reaches about 745. The trained
# network counts both kinds.

# %%
margin = net.trace(X_tr).z[-1][:, 0] * np.where(y_tr == 1, 1, -1)   # z⁽ᴸ⁾ toward the true class
per_sample = np.log1p(np.exp(-np.abs(margin))) + np.maximum(-margin, 0)   # -ln p(true class), never 0
p_tr = net.forward(X_tr)[:, 0]                                      # p = sigma(z) as float64 computes it
exact0 = p_tr - y_tr == 0                                           # the computed output delta p - y
p0 = p_tr[y_tr == 0]                                                # the label-0 samples' outputs
hidden = -np.log(1 - p0) == 0                                       # plain loss 0, gradient p > 0
print(f"smallest loss of any training sample, computed from the logit: {per_sample.min():.1e}")
print(f"samples whose computed p - y is exactly 0: {exact0.sum()} of {len(y_tr)}, "
      f"labels {sorted(set(y_tr[exact0].tolist()))}")
print(f"label-0 samples whose plain -ln(1 - p) is 0 though their gradient p is not: {hidden.sum()}")
zs = np.linspace(30, 40, 100_001)
z_one = zs[np.argmax(nnbook.activations.sigmoid(zs) == 1)]                  # sigma(z) rounds to 1.0
z_zero = -zs[np.argmax(np.log(1 - nnbook.activations.sigmoid(-zs)) == 0)]    # 1 - sigma(z) rounds to 1
print(f"sigma(z) rounds to 1.0 from z = {z_one:.1f}; 1 - sigma(z) rounds to 1.0 below z = {z_zero:.1f}")

# %% tags=["hide-input"]
assert per_sample.min() > 0                         # no sample's loss is 0 in exact arithmetic
assert exact0.sum() > 0 and np.all(y_tr[exact0] == 1) and np.all(-np.log(p_tr[exact0]) == 0)
assert np.all(p0 > 0)                               # p never rounds to a label 0
assert round(z_one, 1) == 36.7 and round(z_zero, 1) == -37.4
print("checked: every zero p - y belongs to a label-1 sample; label-0 outputs stay positive; "
      "the thresholds are 36.7 and -37.4")

# %% [markdown]
# ## The learning-rate experiment
#
# Glassner trains the same network, on the same data, from the same initial weights, with
# three learning rates (after Glassner 2021, Figs. 14-30 to 14-38): $\eta = 0.5$ never
# learns, $\eta = 0.05$ reaches 100 % after a short plateau, and $\eta = 0.01$ sits on a
# long plateau before a late escape. We run the experiment for **twenty seeds at once**:
# `lockstep(seed=range(20), lr=...)` names one network per combination, and `nnbook.train`
# trains them together, one vectorized pass per sample for all of them. Every network sees
# the same samples in the same order; the seed decides only its initial weights, so
# networks with the same seed start identical and differ only in η. The epoch budgets are
# the book's: 21 epochs of training for $\eta = 0.5$ and 201 for $\eta = 0.01$ (the book's
# epochs 0–20 and 0–200 are our 1–21 and 1–201), and we also give $\eta = 0.05$ 201 epochs
# (the book stopped it at 21) to see whether its plateaus end.

# %%
SEEDS = range(20)
net_a = two_moons_network(models=lockstep(seed=SEEDS))                        # eta = 0.5, 21 epochs
hist_a = two_moons_run(net_a, lr=0.5, epochs=21)
net_b = two_moons_network(models=lockstep(lr=(0.05, 0.01), seed=SEEDS))      # 40 runs, 201 epochs
hist_b = two_moons_run(net_b, epochs=201)
print(hist_a)
print(hist_b)
print(hist_b.summary(digits=3).splitlines()[1])
print("\n".join(hist_b.select(seed=PINNED_SEED).summary(digits=3).splitlines()[2:]))

# the run named (lr=0.05, seed=2) is exactly the network trained alone above
same = hist_b.select(lr=0.05, seed=PINNED_SEED)
print(f"lockstep run (lr=0.05, seed=2) equals the single run to the last bit: "
      f"{np.array_equal(same.weights[:22], hist.weights)}")

# %% tags=["hide-input"]
assert np.array_equal(same.weights[:22], hist.weights) and np.array_equal(same.train_acc[:22], hist.train_acc)
assert hist_a.K == 20 and hist_b.K == 40 and (hist_a.epochs, hist_b.epochs) == (21, 201)
print("checked: 20 + 40 runs; the lockstep run is bit-for-bit the single one")

# %% [markdown]
# ### One seed: the book's story
#
# Success here means that train and test accuracy both reach 99.5 %. For each seed we record
# the first epoch of success at $\eta = 0.05$ and at $\eta = 0.01$, in our numbering.
# Glassner's run reached 100 % at about his epoch 10 at $\eta = 0.05$ and about his epoch
# 165 (of "about 170 epochs") at $\eta = 0.01$ (his Figs. 14-34 and 14-37), which are our
# epochs 11 and 166. We pinned the seed whose run came closest to that, scoring
# $\lvert e_{0.05} - 11\rvert + \lvert e_{0.01} - 166\rvert / 10$ among the seeds for which
# both learning rates succeed:

# %%
def first_success(h):
    """The first epoch with train and test accuracy >= 0.995, per run (-1: never)."""
    ok = (h.train_acc >= 0.995) & (h.val_acc >= 0.995)
    return np.where(ok.any(axis=0), ok.argmax(axis=0), -1)


first_at = {0.5: first_success(hist_a), 0.05: first_success(hist_b.select(lr=0.05)),
            0.01: first_success(hist_b.select(lr=0.01))}
seeds = np.array(SEEDS)
both = (first_at[0.05] >= 0) & (first_at[0.01] >= 0)
score = np.where(both, np.abs(first_at[0.05] - 11) + np.abs(first_at[0.01] - 166) / 10, np.inf)
print("seeds where both succeed:", seeds[both].tolist())
print("  first success, eta = 0.05:", first_at[0.05][both].tolist())
print("  first success, eta = 0.01:", first_at[0.01][both].tolist())
print(f"closest to the book: seed {seeds[np.argmin(score)]} (score {score.min():.1f}); "
      f"seed 2 scores {score[PINNED_SEED]:.1f}")

# %% tags=["hide-input"]
# Epoch counts are chaotic (a last-bit difference between CPUs can move them), so the checks
# hold ranges: seed 2 is within a point of the best score, and its runs tell the book's story.
assert score[PINNED_SEED] <= score.min() + 1
assert 8 <= first_at[0.05][PINNED_SEED] <= 12 and 150 <= first_at[0.01][PINNED_SEED] <= 175
print("checked: seed 2 is within one point of the best score; it succeeds in epochs 8-12 at "
      "0.05 and 150-175 at 0.01")

# %% [markdown]
# That is why these chapters use seed 2: it is the seed that tells the book's story. It is
# *chosen*, not typical, and the twenty-seed results below show how untypical. Here are the
# other two learning rates for seed 2 ($\eta = 0.05$ is the run shown above).

# %%
run5 = net_a.select(seed=PINNED_SEED), hist_a.select(seed=PINNED_SEED)
run01 = net_b.select(lr=0.01, seed=PINNED_SEED), hist_b.select(lr=0.01, seed=PINNED_SEED)
two_moons_figure(*run5, title="η = 0.5, seed 2: collapse to one class")

# %% [markdown]
# With $\eta = 0.5$ the network gives up after one epoch: the whole plane gets one class,
# the accuracy flips between the two class proportions and the loss stays between
# $\ln 2 \approx 0.69$, the loss of a coin flip, and about 0.89 (Glassner: "hundreds of
# epochs would not help"; we will see why). In the weight history several parameters jump
# during the first epoch; after that a single parameter (the zigzag, `b3[0]`) still moves
# while the other 36 are frozen. Glassner's Fig. 14-32 shows that one moving parameter and
# calls it "one of the weights connected to the output neuron". The next section finds out
# what it is, and why only it moves.

# %%
two_moons_figure(*run01, title="η = 0.01, seed 2: a long plateau, then a late escape")

# %% [markdown]
# With $\eta = 0.01$ the network needs three epochs to reach the plateau at about 90 %
# accuracy and then stays there for about 160 epochs, with the loss flat near 0.2, before it
# escapes to 100 % (Glassner: "about 170 epochs"). During the plateau the weights drift
# slowly; at the escape several of them move together, as in the book's Fig. 14-38. The
# final boundary is again a polygon around the tips of the moons.

# %%
h5, h01 = run5[1], run01[1]
esc = first_at[0.01][PINNED_SEED]
plateau01 = h01.train_acc[10:esc - 10]
print(f"eta = 0.5:  final train accuracy {h5.train_acc[-1]:.3f}, test {h5.val_acc[-1]:.3f}; over epochs "
      f"1-{h5.epochs} accuracy {h5.train_acc[1:].min():.3f} to {h5.train_acc[1:].max():.3f}, "
      f"loss {h5.train_loss[1:].min():.3f} to {h5.train_loss[1:].max():.3f}")
print(f"eta = 0.01: plateau (epochs 10 to {esc - 11}) train accuracy {plateau01.min():.3f} to "
      f"{plateau01.max():.3f}, median loss {np.median(h01.train_loss[10:esc - 10]):.3f}; "
      f"success at epoch {esc}")
print("the lab's verdict on each run:", h5.message(), "|", h01.message())

# %% tags=["hide-input"]
assert np.all((h5.train_acc[1:] >= 0.45) & (h5.train_acc[1:] <= 0.55))
assert np.log(2) - 1e-3 < h5.train_loss[1:].min() and h5.train_loss[1:].max() < 0.9
assert not h5.learning and h01.learning                       # the rule of nnbook.history
assert np.all((plateau01 > 0.85) & (plateau01 < 0.93)) and esc >= 150
assert h01.train_acc[2] < 0.6 < 0.85 < h01.train_acc[3]      # the plateau from epoch 3
assert abs(np.median(h01.train_loss[10:esc - 10]) - 0.2) < 0.02
assert h01.train_acc[-1] > 0.99 and h01.val_acc[-1] > 0.99
print("checked: η = 0.5 stays at chance with loss in [ln 2, 0.9]; η = 0.01 plateaus at 85-93 % "
      "from epoch 3, loss near 0.2, and escapes after epoch 150")

# %% [markdown]
# ### Why η = 0.5 collapses
#
# Glassner explains the failure as overshooting. That is the trigger, but the mechanism is
# more specific, and we can compute it. A ReLU unit whose net input is negative for *every*
# training point is **dead**: it outputs 0 and, since ReLU′(z) = 0 for z < 0, passes no
# gradient back, so neither its own weights nor anything behind it can learn through it
# ([chapter 0](00_neurons.ipynb) showed one dying).
#
# Start with the sizes. With weights of size 0.05, the first hidden layer's outputs are of
# size 0.05 and the second layer's net inputs $z^{(2)}$, sums of four products of two such
# numbers, are tiny: across the 1536 training points each unit's $z^{(2)}_j$ has a standard
# deviation of only about 0.001 to 0.003. The first SGD step at η = 0.5 moves each bias
# $b^{(2)}_j$ by $\eta\,\delta^{(2)}_j = 0.5\,\mathrm{ReLU}'(z^{(2)}_j)\,W^{(3)}_{j}\,(p - y)$,
# about $0.5 \cdot 0.05 \cdot 0.5 \approx 0.01$: several times that spread. (The weights move
# too, but by far less, since their steps carry the small activations as a factor.) A unit
# whose bias steps down by more than its largest net input is negative on every point at
# once: dead after a single update.

# %%
fresh = two_moons_network(seed=PINNED_SEED)
z2 = fresh.trace(X_tr).z[2]                                            # z⁽²⁾: (1536 points, 4 units)
first = nnbook.experiments.two_moons_trainer(fresh.copy(), lr=0.5, epochs=1, snapshots=False)
b2_before, W2_before = first.net.biases[1].copy(), first.net.weights[1].copy()
first.run(steps=1)                                                      # one sample, one update
b2_step = first.net.biases[1] - b2_before
W2_step = np.abs(first.net.weights[1] - W2_before).max()
dead_after_1 = first.net.dead_units(X_tr)[1]
print("second hidden layer, per unit, at initialization and after the first update at eta = 0.5:")
print("  standard deviation of z2 over the training points:", z2.std(axis=0).round(4))
print("  largest z2 over the training points:              ", z2.max(axis=0).round(4))
print("  change of the unit's bias in the first update:    ", b2_step.round(4))
print("  bias step / standard deviation:                  ", (np.abs(b2_step) / z2.std(axis=0)).round(1))
print(f"  (largest change of a weight into the layer: {W2_step:.4f})")
print("  dead after that one update:", dead_after_1.tolist())

# %% tags=["hide-input"]
assert z2.std(axis=0).max() < 0.005 and np.all(np.abs(b2_step) > 2.5 * z2.std(axis=0))
assert W2_step < np.abs(b2_step).min() / 2
assert np.array_equal(dead_after_1, z2.max(axis=0) + b2_step < 0) and dead_after_1.sum() == 2
print("checked: each unit's bias step is over 2.5 times the spread of its z2, the weights move less; "
      "exactly the units whose bias fell below minus their largest net input died")

# %% [markdown]
# Two of the four units are dead after one update. We replay the whole first epoch of the
# seed-2 run step by step, counting the dead units of both hidden layers after every
# update, and then look at which of the 37 parameters still change in the last epoch.

# %%
replay = two_moons_network(seed=PINNED_SEED)
dead_per_step = []
Trainer(replay, X_tr, y_tr, epochs=1, lr=0.5, batch_size=1, seed=0, callback_every=1,
        callback=lambda t: dead_per_step.append([d.sum() for d in t.net.dead_units(X_tr)])).run()
dead_per_step = np.array(dead_per_step)                      # (1536 steps, 2 layers)
died = len(dead_per_step) - int(np.argmax(dead_per_step[::-1, 1] < 4)) + 1   # all dead from this update on
reach = [int(np.argmax(dead_per_step[:, 1] >= c)) + 1 for c in (1, 2, 3, 4)]
print(f"dead units (layer 1, layer 2) at initialization: {[int(d.sum()) for d in fresh.dead_units(X_tr)]}, "
      f"at the end of epoch 1: {dead_per_step[-1].tolist()}")
print(f"layer 2 first has 1, 2, 3, 4 dead units after update {reach}; all 4 for good from update {died}")

moved = np.abs(h5.weights[-1] - h5.weights[-2]) > 0          # changed during the last epoch
names = net.param_names()
print(f"parameters that changed in epoch {h5.epochs}:", [n for n, m in zip(names, moved) if m])

dead_end = np.array([[d.sum() for d in net_a.model(k).dead_units(X_tr)] for k in range(net_a.K)])
b3 = hist_a.weights[:, :, -1]                                # the output bias of every run, per epoch
print(f"seeds with all 4 layer-2 units dead after {hist_a.epochs} epochs: {np.sum(dead_end[:, 1] == 4)} of 20")
print(f"final train accuracy of the 20 seeds: {np.unique(hist_a.train_acc[-1].round(3))}; "
      f"their output biases at epoch {hist_a.epochs}: {np.unique(b3[-1].round(6))}")
print(f"test accuracy of a constant classifier: {1 - y_te.mean():.3f} (class 0) or {y_te.mean():.3f} (class 1)")

# %% tags=["hide-input"]
assert np.array_equal(replay.params, h5.weights[1])                  # the same run as the lockstep one
assert dead_end[PINNED_SEED].tolist() == [0, 4] and moved.sum() == 1 and names[np.argmax(moved)] == "b3[0]"
assert reach[:2] == [1, 1] and np.all(dead_per_step[died - 1:, 1] == 4)
assert np.all(dead_end[:, 1] == 4)                                    # every seed: layer 2 dead
probe_a = net_a.copy()
dead_by_epoch = []
for e in (1, 2):                                                      # when did each seed's layer 2 die?
    probe_a.set_params(hist_a.weights[e])
    dead_by_epoch.append(sum(probe_a.model(k).dead_units(X_tr)[-1].all() for k in range(net_a.K)))
assert dead_by_epoch[0] >= 17 and dead_by_epoch[1] == 20             # "almost all in the first epoch"
assert np.all((hist_a.train_acc[-1] >= 0.45) & (hist_a.train_acc[-1] <= 0.55))
assert set(h5.val_acc[1:].round(6)) <= {round(1 - y_te.mean(), 6), round(y_te.mean(), 6)}
assert np.ptp(b3[-1]) < 1e-9                                          # the 20 collapsed networks coincide
print(f"checked: seed 2's layer 2 is dead, only b3[0] moves; every seed's layer 2 is dead "
      f"({dead_by_epoch[0]} after epoch 1, all after epoch 2); the 20 output biases coincide")

# %% tags=["hide-input"]
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(7.5, 3.2), layout="constrained")
steps = np.arange(1, len(dead_per_step) + 1)
ax.step(steps, dead_per_step[:, 0], where="post", label="hidden layer 1")
ax.step(steps, dead_per_step[:, 1], where="post", label="hidden layer 2")
ax.set(xscale="log", xlabel="SGD step in epoch 1 (log scale)", ylabel="dead units (of 4)", ylim=(-0.2, 4.4),
       title="η = 0.5, seed 2: layer 2 dies early")
ax.legend(fontsize=8)
for k in range(net_a.K):
    mine = k == PINNED_SEED
    ax2.plot(b3[:, k], color="C1" if mine else "0.75", lw=1.5 if mine else 0.8, zorder=3 if mine else 2)
ax2.set(xlabel="epoch", ylabel="output bias b3", title="the one parameter that still moves (20 seeds, all coincide)")
ax2.title.set_fontsize(8)
plt.show()

# %% [markdown]
# Later steps kill a third unit, units flicker back to life for a while as the first layer
# changes under them, and within the first epoch all four are dead for good. From then on
# the output unit receives $a^{(2)} = 0$, its prediction is the constant $\sigma(b_3)$, and
# the backward pass stops at the dead layer:
# $\delta^{(2)} = f'(z^{(2)}) \odot \big(W^{(3)\top}\delta^{(3)}\big) = 0$. The only
# parameter that still has a gradient is the output bias $b_3$, with
# $\partial L/\partial b_3 = \sigma(b_3) - y$: each sample pushes it by
# $\pm\eta(\sigma(b_3) - y)$, so it wanders back and forth, and the whole plane flips
# between the two classes. That is the "one weight connected to the output neuron"
# oscillating in Glassner's Fig. 14-32, and the test accuracy alternating between the two
# class proportions in his Fig. 14-31. Because no gradient ever reaches the dead layer
# again, more epochs cannot help. `nnbook` reports such a run as *not learning* (its
# accuracy sits at chance; the rule is in `nnbook.history`), and so does the lab.
#
# Two more facts come out of the twenty seeds. Every one of them dies the same way. And
# since the bias update $b_3 \leftarrow b_3 - \eta(\sigma(b_3) - y)$ is a contraction, the
# twenty collapsed networks, fed the same samples in the same order, converge to *the same*
# constant classifier: by the mean value theorem each step multiplies the difference
# between two networks' biases $b_3, b_3'$ by $1 - \eta\,\sigma'(\xi)$ for some $\xi$
# between them, a factor in $[1 - \eta/4, 1)$, and by epoch 21 their output biases are
# identical.
#
# **Is the tiny initialization to blame?** The mechanism needs a bias step larger than the
# spread of $z^{(2)}$, and with $N(0, 0.05^2)$ weights that spread is tiny. He's
# initialization ($N(0, 2/n_{\text{in}})$, standard deviation 0.71 for four inputs) makes
# the spread hundreds of times larger, so one might expect η = 0.5 to survive it. It does
# not: the same twenty seeds with He initialization, η = 0.5, 21 epochs.

# %%
net_he5 = two_moons_network(init="He normal", models=lockstep(seed=SEEDS))
hist_he5 = two_moons_run(net_he5, lr=0.5, epochs=21, snapshots=False)
he_dead = [net_he5.model(k).dead_units(X_tr)[-1].all() for k in range(net_he5.K)]
print(f"He initialization, eta = 0.5: {np.sum(first_success(hist_he5) >= 0)} of 20 succeed, "
      f"{sum(he_dead)} of 20 end with a dead second hidden layer, "
      f"{np.sum(~hist_he5.learning)} of 20 not learning by nnbook's rule")

# %% tags=["hide-input"]
assert np.sum(first_success(hist_he5) >= 0) == 0 and sum(he_dead) >= 15 and np.sum(~hist_he5.learning) >= 15
print("checked: with He initialization η = 0.5 still fails for every seed, nearly always by a dead layer 2")

# %% [markdown]
# So η is the cause, not the initialization: with He's weights too the second layer dies
# in nearly every run, and no run learns. The initialization changes how *small* learning
# rates fare, as the twenty-seed results below and exercise 2 show, not whether η = 0.5
# survives.
#
# ### The plateau is nearly the best straight-line cut
#
# At $\eta = 0.01$ (and during the shorter plateaus at $\eta = 0.05$) the network sits at
# about 90 % accuracy. What is it doing there? A network without hidden layers, a single
# sigmoid unit on the two inputs, is logistic regression: its decision boundary is a
# straight line. We fit it twice, with scikit-learn's `LogisticRegression` (as an
# independent reference) and as an nnbook `MLP([2, 1])` trained by the same SGD, and
# compare with the plateau.

# %%
logreg = LogisticRegression().fit(X_tr, y_tr)
lr_train, lr_test = logreg.score(X_tr, y_tr), logreg.score(X_te, y_te)
net_lin = MLP([2, 1], output="sigmoid", init="zeros", seed=0)
hist_lin = train(net_lin, X_tr, y_tr, validation=(X_te, y_te), epochs=20, lr=0.01, seed=0)
print(f"logistic regression (scikit-learn): train accuracy {lr_train:.3f}, test {lr_test:.3f}")
print(f"one sigmoid unit (nnbook, SGD):     train accuracy {hist_lin.train_acc[-1]:.3f}, "
      f"test {hist_lin.val_acc[-1]:.3f}, loss {hist_lin.train_loss[-1]:.3f}")
print(f"the eta = 0.01 plateau (seed 2):     median train accuracy {np.median(plateau01):.3f}")

# the plateau network at epoch 100 against the logistic-regression line, on the test points
probe = run01[0].copy()
probe.set_params(h01.weights[100])
agree = np.mean(probe.predict(X_te) == logreg.predict(X_te))
print(f"the plateau network (epoch 100) and logistic regression agree on {agree:.1%} of the test points")

# %% tags=["hide-input"]
assert 0.005 < np.median(plateau01) - lr_train < 0.015     # "about one percentage point above"
assert abs(hist_lin.train_acc[-1] - lr_train) < 0.01
assert 0.96 < agree < 1                                     # close to the line, not exactly it
print("checked: the plateau is 0.5-1.5 points above logistic regression and agrees with it on "
      "96-100 % of the test points")

# %% tags=["hide-input"]
bp = plots.decision_boundary(probe, X_te, y_te, resolution=200,
                             title="η = 0.01, seed 2, epoch 100 (on the plateau)")
bp.fig.set_size_inches(5, 4)
xs_line = np.array(bp.ax.get_xlim())
(w1, w2), b0 = logreg.coef_[0], logreg.intercept_[0]
bp.ax.plot(xs_line, -(w1 * xs_line + b0) / w2, color="C2", lw=2, ls="--", label="logistic regression")
bp.ax.set_ylim(X_te[:, 1].min() - 0.5, X_te[:, 1].max() + 0.5)
bp.ax.legend(loc="lower left", fontsize=8)
bp.fig

# %% [markdown]
# The plateau network is close to the linear classifier, though not exactly it: the two
# agree on about 97 % of the test points, the plateau's accuracy is about one percentage
# point above logistic regression's, and its boundary (black) runs along the
# logistic-regression line (green), parting from it near the ends of the line. Cutting the
# moons with a straight line is easy to find and already right for nine points in ten;
# bending the line around the tips of the moons needs several hidden units to change their
# roles together.
#
# Glassner, following Dauphin et al. (2014), describes such plateaus as nearly flat regions
# of the error surface, far more often saddle regions than local minima: there *is* a way
# down, it is just shallow. We can test that at the plateau: the curvature of the training
# loss in every direction of the 37-dimensional parameter space is given by the
# eigenvalues of its Hessian, the matrix of second derivatives. A local minimum has none
# negative; a saddle has some. We compute the Hessian at epoch 100 by central differences
# of the backpropagated gradient, one pair of gradients per parameter.

# %%
def hessian(net1, X, y, eps=1e-5):
    """The Hessian of the training loss at net1's parameters, by central differences of the gradient."""
    theta = net1.params.copy()
    columns = []
    for i in range(theta.size):
        step = np.zeros_like(theta)
        step[i] = eps
        g = []
        for sign in (1, -1):
            net1.params = theta + sign * step
            g.append(net1.gradient(X, y)[1].flat)
        columns.append((g[0] - g[1]) / (2 * eps))
    net1.params = theta
    H = np.array(columns).T
    return (H + H.T) / 2


H = hessian(probe, X_tr, y_tr)
eig = np.linalg.eigvalsh(H)
print(f"Hessian at the plateau (epoch 100): eigenvalues from {eig.min():.4f} to {eig.max():.3f}; "
      f"{np.sum(eig < -1e-3)} of 37 below -0.001, {np.sum(np.abs(eig) < 1e-3)} within ±0.001")
print(f"most negative / largest positive curvature: {-eig.min() / eig.max():.3f}")

# %% tags=["hide-input"]
assert eig.min() < -1e-3 and eig.max() > 0.1        # curving down in some directions, up in others
assert -eig.min() < eig.max() / 20                  # the downward curvature is shallow
assert np.allclose(H, hessian(probe, X_tr, y_tr, eps=3e-5), atol=1e-3)   # not an artefact of eps
print("checked: negative and positive curvature at the plateau (a saddle region), the negative "
      "under 1/20 of the positive, stable under a three times larger difference step")

# %% [markdown]
# The Hessian has negative eigenvalues: there are directions in which the loss curves
# *down* from the plateau network, so it is not sitting in a local minimum but on a saddle.
# Those downward curvatures are shallow, though, about a hundredth of the steepest upward
# one, and many directions are nearly flat: plain SGD, its per-sample steps dominated by
# the steep directions, crawls along this region until the weights line up with a way down,
# and then leaves quickly (the η = 0.01 weight history above).
#
# ### Twenty seeds: the book's run is one draw
#
# Now the whole experiment. For each learning rate and seed, the run ends in one of three
# states: **success** (train and test accuracy reach 99.5 %), **plateau** (accuracy stays
# around the linear cut) or **collapse** (a dead second hidden layer, accuracy about 50 %).

# %%
def outcome(net1, hist1):
    """success, collapse or plateau: how a single run ended."""
    if first_success(hist1) >= 0:
        return "success"
    if net1.dead_units(X_tr)[-1].all():
        return "collapse"
    return "plateau"


runs = {0.5: [(net_a.select(seed=s), hist_a.select(seed=s)) for s in SEEDS]}
for eta in (0.05, 0.01):
    runs[eta] = [(net_b.select(lr=eta, seed=s), hist_b.select(lr=eta, seed=s)) for s in SEEDS]
outcomes = {eta: [outcome(*r) for r in runs[eta]] for eta in LEARNING_RATES}
print(f"{'eta':>5} {'epochs':>6} {'success':>8} {'by epoch 21':>12} {'plateau':>8} {'collapse':>9}   "
      "epochs to success")
for eta in LEARNING_RATES:
    fs = first_at[eta]
    counts = {o: outcomes[eta].count(o) for o in ("success", "plateau", "collapse")}
    print(f"{eta:>5} {runs[eta][0][1].epochs:>6} {counts['success']:>5}/20 "
          f"{np.sum((fs >= 0) & (fs <= 21)):>9}/20 {counts['plateau']:>5}/20 {counts['collapse']:>6}/20   "
          f"{sorted(fs[fs >= 0].tolist())}")

# %% tags=["hide-input"]
n_success = {eta: outcomes[eta].count("success") for eta in LEARNING_RATES}
n_by_21 = {eta: int(np.sum((first_at[eta] >= 0) & (first_at[eta] <= 21))) for eta in LEARNING_RATES}
# Counts over 20 chaotic runs: the text states them rounded, and these ranges are what it claims.
assert n_success[0.5] == 0 and outcomes[0.5].count("collapse") == 20
assert 12 <= n_success[0.05] <= 16 and 4 <= n_by_21[0.05] <= 8           # "about two thirds", "about a third"
assert 5 <= n_success[0.01] <= 9 and n_by_21[0.01] <= 2                  # "about a third", "hardly any"
assert 1 <= outcomes[0.05].count("collapse") <= 2 and outcomes[0.01].count("collapse") == 0
assert np.sum((first_at[0.01] >= 0) & (first_at[0.01] <= 80)) > n_success[0.01] / 2   # "mostly in the first 80"
assert outcomes[0.05][0] == "collapse" and all(not 0 <= first_at[0.05][s] <= 21 for s in (6, 7))   # the lab's suggestions
assert 3 <= np.sum((first_at[0.05] >= 0) & (first_at[0.05] <= 11)) <= 7   # "about a quarter": a fast draw
assert np.median(first_at[0.05][first_at[0.05] >= 0]) < np.median(first_at[0.01][first_at[0.01] >= 0])
print("checked: η = 0.5 collapses 20/20; η = 0.05 succeeds for 12-16 seeds (4-8 by epoch 21); "
      "η = 0.01 for 5-9, mostly by epoch 80; seed 0 collapses at 0.05, seeds 6 and 7 plateau")

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6, 3.2), layout="constrained")
NEVER = 400                                       # where the runs that never succeed are drawn
for row, eta in enumerate(LEARNING_RATES):
    fs = first_at[eta]
    ok = fs >= 0
    jitter = 0.1 * (np.arange(len(fs)) % 5 - 2)
    ax.plot(fs[ok], row + jitter[ok], "o", color=f"C{row}", ms=5)
    ax.plot(np.full((~ok).sum(), NEVER), row + jitter[~ok], "x", color=f"C{row}", ms=5)
    if eta != 0.5:
        ax.plot(first_at[eta][PINNED_SEED], row + jitter[PINNED_SEED], "s", mfc="none", mec="k", ms=9)
ax.axvline(21.5, color="0.5", lw=0.8, ls=":")
ax.text(22.5, -0.45, "the book's 21 epochs", fontsize=7, color="0.4")
ax.set(xscale="log", xlim=(4, 550), ylim=(2.6, -0.6), yticks=range(3),
       yticklabels=[f"η = {e}\n{n_success[e]}/20 succeed" for e in LEARNING_RATES],
       xlabel="epoch of success (log scale)",
       title="Epochs to 99.5 % accuracy over 20 seeds (square: seed 2)")
ax.set_xticks([5, 10, 20, 50, 100, 200, NEVER], ["5", "10", "20", "50", "100", "200", "never"])
ax.minorticks_off()
ax.grid(alpha=0.3, axis="x")
plt.show()

# %% [markdown]
# The book's three runs are one draw from a wide distribution, and seed 2 was picked to
# match them:
#
# - **η = 0.5 fails for every seed**: all twenty second hidden layers die, almost all in
#   the first epoch and the rest in the second. This part of the book's story is robust.
# - **η = 0.05 succeeds for about two thirds of the seeds within 201 epochs, but for only
#   about a third within the book's 21.** The others sit on the linear plateau, and an
#   occasional seed collapses like η = 0.5. Glassner's "100 % after about ten epochs" is a
#   fast draw: about a quarter of the seeds get there by his epoch 10 (our 11).
# - **η = 0.01 succeeds for about a third of the seeds** within 201 epochs, mostly in the
#   first 80; the rest are still on the plateau at epoch 201. A late escape at epoch
#   160–170, as in the book, happens, but it is one outcome among many.
#
# (The table above prints the exact counts of the kernel that ran this page. Over 20 runs
# of thousands of steps they are chaotic: a CPU that rounds one last bit differently can
# move a run across the 99.5 % line, so the text gives them rounded.)
#
# So "0.01 bought nothing over 0.05 and just took longer" holds on average, but the
# larger lesson is that with this tiny initialization the outcome depends as much on the
# seed as on η. A better initialization (He's) makes nearly every seed succeed within 21
# epochs at η = 0.05 (exercise 2); you can try it in the lab below.

# %% [markdown]
# ## The two-moons lab
#
# The lab below trains Glassner's network live, wherever you read this: on the web page as
# well as in JupyterLab. Your browser does the training. Python prepared the data, the data
# order and the initial weights of the twenty seeds for each initialization (the same
# `nnbook.experiments` functions as this chapter), and a JavaScript port of the per-sample
# SGD loop replays them. The tests hold the two together: one epoch agrees with `nnbook`
# to $10^{-9}$, and over the chapter's 60 runs (20 seeds × 3 learning rates) the outcomes
# agree too. So seed $s$ in the lab is the run named `seed=s` above.
#
# Choose η with the log slider or one of the book's three presets, pick the initialization
# (Glassner's $N(0, 0.05)$, He or Glorot), the seed and the speed, set the epoch budget,
# and press **play**. The decision boundary moves within each epoch (at η = 0.5 you can
# watch the collapse happen during the first one). The loss and accuracy curves and the
# weights grow once an epoch. **pause** stops, **step** trains exactly one more epoch, and
# **reset** goes back to epoch 0. Changing η, the initialization or the seed starts a new
# run. The kernel is never busy: in JupyterLab you can run other cells while the lab trains.
# When it pauses, the trained weights come back to Python as `lab.net`, an `nnbook` network
# (a cell at the end of this section shows it).
#
# Bad states are shown, not raised: the status line says when a run is not learning by
# `nnbook`'s rule, a note says when the second hidden layer has died (try η = 0.5), and a
# run whose loss stops being finite stops with a message.
#
# Things to try: the three presets with seed 2 (after 21 epochs at η = 0.05 you see the
# first figure of this chapter, drawn in the browser); η = 0.05 with seeds 6 and 7, which
# stay on the plateau, and seed 0, which collapses even at η = 0.05; the same seeds with He
# initialization; and η between 0.1 and 0.3, where you can find the edge between learning
# and collapse.

# %% tags=["nbval-ignore-output"]
lab = TwoMoonsLab(lr=0.05, seed=PINNED_SEED, epochs=21)
lab

# %% [markdown]
# After you pause the lab (or it finishes), `lab.net` is the network it trained and
# `lab.history` its curves. Run this cell then: it measures that network with `nnbook`.
# Before any training it is the run's starting network, at chance.

# %%
trained = lab.net
print(f"the lab's network after {lab.epoch} epochs: train accuracy "
      f"{trained.accuracy(X_tr, y_tr):.3f}, test accuracy {trained.accuracy(X_te, y_te):.3f}")

# %% [markdown]
# ## Summary
#
# - Glassner's two-moons network (37 parameters, $N(0, 0.05^2)$ weights, per-sample SGD)
#   learns the moons at η = 0.05 after a plateau near the best straight-line cut.
# - **η = 0.5 kills the second hidden layer** for every seed, with Glassner's or He's
#   initialization: one bias step outgrows the whole spread of the layer's net inputs, the
#   units go negative on every point, and only the output bias keeps learning.
# - **Plateaus** at about 90 % are close to logistic regression, and the loss surface
#   there is saddle-shaped (the Hessian has negative eigenvalues), nearly flat.
# - Whether and when a run escapes depends on the seed as much as on η: over 20 seeds
#   η = 0.05 succeeded for about two thirds in 201 epochs (a third in 21), η = 0.01 for
#   about a third. The book's single run is one draw.
#
# ## Exercises
#
# **1. The best a dead network can do.** Once layer 2 is dead, the network predicts a
# constant $p = \sigma(b_3)$. Which constant minimizes the training loss, and what is that
# loss? Compare with the loss of the collapsed η = 0.5 runs, and explain the difference.
#
# :::{dropdown} Solution
# The mean loss $-\bar y\ln p - (1 - \bar y)\ln(1 - p)$ is smallest at $p = \bar y$, the
# fraction of class 1 (0.497), where it equals the binary entropy $H(\bar y) \approx 0.6931$,
# essentially $\ln 2$. The collapsed runs sit above it because η = 0.5 keeps kicking $b_3$
# around its best value: each sample moves it by $\eta(p - y) \approx \pm0.25$, so at the
# end of an epoch $\sigma(b_3)$ is wherever the last few samples left it. With a small η
# (or a decaying one) $b_3$ would settle near $\ln(\bar y/(1 - \bar y)) \approx -0.010$.
# :::

# %% tags=["hide-cell"]
ybar = y_tr.mean()
H_bin = -(ybar * np.log(ybar) + (1 - ybar) * np.log(1 - ybar))
print(f"best constant p = {ybar:.3f}, loss H = {H_bin:.4f}; collapsed runs at epoch {hist_a.epochs}: "
      f"{hist_a.select(seed=PINNED_SEED).train_loss[-1]:.4f}")
print(f"the best output bias ln(ybar / (1 - ybar)) = {np.log(ybar / (1 - ybar)):.4f}")
assert np.isclose(H_bin, np.log(2), atol=1e-4) and np.all(hist_a.train_loss[1:] >= H_bin - 1e-12)

# %% [markdown]
# **2. Initialization against η.** Repeat the twenty-seed experiment at η = 0.05 for 21
# epochs with He initialization (`init="he_normal"`, weights $N(0, 2/n_{\text{in}})$) instead
# of $N(0, 0.05)$. How many seeds succeed now? (Use the lab for single seeds, or
# `lockstep(init=..., seed=...)` to train both initializations side by side.)
#
# :::{dropdown} Solution
# Nearly all of them: the cell below counts the successes within 21 epochs for both
# initializations on the same seeds and data order: He's count is several times the small
# initialization's. The difference is not how many units are active. With zero biases the
# sign of a net input does not depend on the size of the weights, and with the same seed
# the two initializations draw the same numbers, only scaled, so at the start the same
# units are active on the same inputs under both, about half of them. The difference is
# the size of the gradient. On its way back to the first layer the delta is multiplied by
# $W^{(3)}$ and $W^{(2)}$, whose entries have a standard deviation of 0.05 instead of He's
# $\sqrt{2/4} \approx 0.71$: together a factor $(0.05/0.71)^2 = 0.005$. The cell measures
# $\lVert\partial L/\partial W^{(1)}\rVert$ at initialization: under $N(0, 0.05)$ it is
# about 1/200 of He's (the median ratio over the seeds), so the first layer barely moves
# and the network stays near the linear solution. Why $2/n_{\text{in}}$ is the right scale
# for ReLU is the subject of [chapter 4](04_initialization.ipynb).
# :::

# %% tags=["hide-cell"]
both_inits = two_moons_network(models=lockstep(init=(GLASSNER_INIT, ("he_normal", {})), seed=SEEDS))
net_small, net_he = both_inits.select(init="normal"), both_inits.select(init="he_normal")
assert all(np.allclose(a * 0.05 / np.sqrt(2 / a.shape[-1]), b)       # the same draws, scaled
           for a, b in zip(net_he.weights, net_small.weights))
active = [[z > 0 for z in n.trace(X_tr).z[1:-1]] for n in (net_he, net_small)]     # hidden layers 1, 2
assert all(np.array_equal(a, b) for a, b in zip(*active))            # the same units active on the same inputs
g1 = {}
for name, n in (("He", net_he), ("N(0, 0.05)", net_small)):
    _, g = n.gradient(X_tr, y_tr)
    g1[name] = np.linalg.norm(g.weights[0].reshape(n.K, -1), axis=1)   # ||dL/dW1||, per seed
g1_ratio = np.median(g1["N(0, 0.05)"] / g1["He"])
print("at initialization, fraction of (unit, input) pairs active in layers 1, 2 under both inits:",
      [round(float(a.mean()), 3) for a in active[0]])
print(f"||dL/dW1|| at initialization (median over the seeds): He {np.median(g1['He']):.3f}, "
      f"N(0, 0.05) {np.median(g1['N(0, 0.05)']):.5f}; median ratio {g1_ratio:.4f} = 1/{1 / g1_ratio:.0f}")
print(f"(0.05 / sqrt(2/4))^2 = {(0.05 / np.sqrt(2 / 4)) ** 2:.4f}")
hist_both = two_moons_run(both_inits, lr=0.05, epochs=21, snapshots=False)
he_ok = first_success(hist_both.select(init="he_normal")) >= 0
small_ok = first_success(hist_both.select(init="normal")) >= 0
print(f"eta = 0.05, 21 epochs: He initialization {he_ok.sum()}/20 succeed, N(0, 0.05) {small_ok.sum()}/20")
assert np.array_equal(small_ok, (first_at[0.05] >= 0) & (first_at[0.05] <= 21))   # the same runs as above
assert he_ok.sum() >= 17 and he_ok.sum() >= 2 * small_ok.sum()
assert 0.4 < active[0][0].mean() < 0.6 and 0.4 < active[0][1].mean() < 0.6   # "about half"
assert abs(g1_ratio - 0.005) < 0.001                                            # "about 1/200"

# %% [markdown]
# ## Sources
#
# - Andrew Glassner, *Deep Learning: A Visual Approach* (No Starch Press, 2021), ch. 14
#   "Backpropagation": the two-moons classifier and the learning-rate experiment
#   (Figs. 14-28 to 14-38; protocol from the author's companion notebook, whose "epoch $k$"
#   is recorded after $k + 1$ epochs of training), and the training loop that skips samples
#   of zero error. Corrections made here: "skip the update when the error is 0" is about
#   rounding (a computed −ln p of 0 for a label 1 comes with a zero gradient, but a computed
#   −ln(1 − p) of 0 for a label 0 hides a nonzero gradient p); the η = 0.5 failure is not
#   just overshooting but a dead second hidden layer, after which only the output bias
#   moves, and it happens with He's initialization too.
# - Y. N. Dauphin et al., "Identifying and attacking the saddle point problem in
#   high-dimensional non-convex optimization", NeurIPS 2014 (plateaus and saddles, as cited
#   by Glassner; measured here with the Hessian at the plateau).
