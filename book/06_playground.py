# %% tags=["remove-cell", "nbval-skip"]
# Colab, or any Jupyter without nnbook: install it from the book's repository (about a minute).
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("nnbook") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "nnbook @ git+https://github.com/nnbook/nnbook"], check=True)

# %% [markdown]
# # The two-moons playground
#
# TensorFlow Playground (Smilkov and Carter, 2016) made a generation of readers *watch* a
# network learn: pick a data set, stack a few layers, press play, and see the decision
# boundary bend. This page is the book's version. It has the same controls and
# views, and adds what its users ask for: cross-entropy and softmax for more than two
# classes, momentum and Adam, the book's initializations, a dropout rate, an activation per
# layer, points you draw yourself, the network's dead units marked, and a button that writes
# out the nnbook code that trains the same network. Your browser trains the network, so the
# playground is live on this page with no Python behind it; it is the same computation as
# `nnbook.train`, step for step (a test holds the browser's first epoch to nnbook's within
# $10^{-9}$ for every optimizer and loss).
#
# ## What you will learn
#
# - how a single neuron's straight cut ([chapter 0](00_neurons.ipynb)) turns into a curved
#   boundary, either with hidden layers or with better input features;
# - what a learning rate that is too large does to a deep network ([chapter 1](01_gradient_descent.ipynb)),
#   and how ReLU units die ([chapter 2](02_two_moons.ipynb));
# - why the quadratic cost learns slower than cross-entropy on a classifier ([chapter 3](03_loss_functions.ipynb));
# - what symmetric initial weights and penalties do ([chapter 4](04_initialization.ipynb) and
#   [chapter 5](05_regularization.ipynb) go into both in depth);
# - how to run any configuration of the playground again in numpy, and how to link to it.

# %%
import matplotlib.pyplot as plt

from nnbook import data, plots
from nnbook.widgets import Playground, playground_figure
from nnbook.widgets.playground import DEFAULTS, check_config, run

plots.use_book_style()

# %% [markdown]
# ## The playground
#
# Choose a data set and its noise, the share of points used for training (the rest are the
# test points, drawn hollow) and a seed; *regenerate* takes the next seed. The two
# regression sets (a plane and six Gaussian bumps) have real targets in [−1, 1] instead of
# classes: the network then ends in a linear unit and learns with the quadratic cost. With *your points*,
# a click on the map adds a point of the class the button shows. The network takes the input
# features you tick, up to six hidden layers of up to eight units, each with its own
# activation (*linear* is the identity). Training takes a loss, an optimizer, η, a batch size,
# an L1 or L2 penalty with its λ, and a dropout rate. The small maps in the network show
# what each unit computes over the plane: blue where it is positive, orange where it is
# negative. The links are the weights: the wider, the larger, blue positive and orange
# negative. A dead ReLU unit (negative net input on every training point) is crossed out.
# Click a unit to see its map in the large panel; click it again to get the boundary back.
# Two boxes change only the view: whether the test points are drawn, and whether the
# boundary shows the predicted class alone or how sure the network is.

# %% tags=["nbval-ignore-output"]
playground = Playground()
playground

# %% [markdown]
# The page's address follows the controls (`…06_playground.html#playground={…}`), so *copy link*
# gives a link that opens the playground with your configuration: a teacher can send a
# class the exact network to look at. *Copy as Python* writes out the nnbook code that
# builds and trains the same network; pasted into a cell, it prints the browser's numbers.
#
# This is the playground's default, trained for 30 epochs in numpy and drawn with
# matplotlib: the figure you get when you press play and wait for epoch 30.

# %%
playground_figure(DEFAULTS, epochs=30)

# %% [markdown]
# With a kernel (JupyterLab), the widget's settings are traits: `playground.layers = [8, 8]`
# changes the network in the browser, and `playground.config` is the configuration as a
# dictionary. `run(config, epochs)` trains it in numpy, with the same data, initial
# weights, data order and dropout masks as the browser; after you pause the widget,
# `playground.epoch` and `playground.history` are the browser's epoch and curves.

# %%
config = {**playground.config, "optimizer": "momentum", "lr": 0.1}
net, history = run(config, epochs=20)
print(f"{net}\nepoch {history.epochs}: train loss {history.train_loss[-1]:.3f}, "
      f"test accuracy {history.val_acc[-1]:.3f}")

# %% tags=["hide-input"]
assert net.sizes == [2, 4, 4, 1] and history.epochs == 20
assert history.train_loss[-1] < history.train_loss[0] and history.val_acc[-1] > 0.8
print("checked: the playground's configuration trains in numpy")

# %% [markdown]
# ## Features instead of layers
#
# With no hidden layer the network is one sigmoid neuron, and its decision boundary
# $w^\top x + b = 0$ is a straight line ([chapter 0](00_neurons.ipynb)). No line separates
# the circles. But the neuron does not need $x_1, x_2$: fed $x_1^2$ and $x_2^2$, its
# boundary $w_1x_1^2 + w_2x_2^2 + b = 0$ is an ellipse, and a single neuron is enough.
# Features are hand-made hidden units; hidden layers learn their own.

# %%
circles = {"dataset": "circles", "layers": [], "activations": [], "optimizer": "adam", "lr": 0.03}
linear = {name: run({**circles, "features": features}, epochs=30)[1]
          for name, features in (("x₁, x₂", ["x1", "x2"]), ("x₁², x₂²", ["x1^2", "x2^2"]))}
for name, h in linear.items():
    print(f"one neuron on {name}: test accuracy {h.val_acc[-1]:.3f}")

# %% tags=["hide-input"]
assert linear["x₁, x₂"].val_acc[-1] < 0.7 and linear["x₁², x₂²"].val_acc[-1] > 0.95
print("checked: a straight line fails on the circles, an ellipse (squared features) succeeds")

# %% tags=["hide-input"]
playground_figure({**circles, "features": ["x1^2", "x2^2"]}, epochs=30)

# %% [markdown]
# In the playground: choose *circles*, set the hidden layers to 0 and play; then tick x₁² and
# x₂² and untick x₁ and x₂.
#
# ## A learning rate too large, and dead units
#
# [Chapter 1](01_gradient_descent.ipynb) showed gradient descent overshooting on a bowl when
# η is too large. A deep network is no different, only faster to blow up: six linear layers
# multiply their weights, so one step too far grows the next gradient, and SGD with η = 3
# leaves the finite numbers within the first epoch. The playground stops and says at which
# epoch; nnbook records the same (`History.diverged_at`).

# %%
deep_linear = {"layers": [8] * 6, "activations": ["identity"] * 6, "optimizer": "sgd"}
for lr in (0.03, 3.0):
    h = run({**deep_linear, "lr": lr}, epochs=20)[1]
    state = f"diverged at epoch {int(h.diverged_at)}" if h.diverged else f"test accuracy {h.val_acc[-1]:.3f}"
    print(f"six linear layers, SGD, η = {lr}: {state}")

# %% tags=["hide-input"]
h_small, h_big = (run({**deep_linear, "lr": lr}, epochs=20)[1] for lr in (0.03, 3.0))
assert not h_small.diverged and h_big.diverged and h_big.diverged_at <= 2
print("checked: η = 3 diverges within two epochs, η = 0.03 does not")

# %% [markdown]
# Six linear layers are still one linear map: their test accuracy is that of the best
# straight cut (try it: the boundary stays a line however deep the stack).
#
# A too-large η need not diverge to do harm. The ReLU units of
# [chapter 2](02_two_moons.ipynb) die when a large step pushes their net input below zero on
# every point: they output 0 and pass no gradient, for good. Per-sample SGD with η = 1 on
# the default network with He's initial weights kills every unit of the second layer; the
# playground crosses them out and says so.

# %%
for lr in (0.1, 1.0):
    c = check_config({"optimizer": "sgd", "lr": lr, "batch_size": 1, "init": "he_normal"})
    net, h = run(c, epochs=20)
    X, _, _, _ = data.playground(c["dataset"], n=c["n"], noise=c["noise"], train_ratio=c["train_ratio"], seed=c["seed"])
    dead = [int(d.sum()) for d in net.dead_units(data.features(X, c["features"]))]
    print(f"η = {lr}: dead units per hidden layer {dead}, test accuracy {h.val_acc[-1]:.3f}")

# %% tags=["hide-input"]
assert dead[1] == 4 and h.val_acc[-1] <= 0.55
print("checked: at η = 1 the second layer is dead and the network is at chance")

# %% [markdown]
# ## Two losses, one network
#
# [Chapter 3](03_loss_functions.ipynb) found that a sigmoid neuron trained on the quadratic
# cost learns slowly when it is badly wrong, because its gradient carries σ′(z). The same
# holds for the output of a network: with sigmoid hidden units and SGD at η = 0.5,
# cross-entropy separates the moons within ten epochs, the quadratic cost needs several
# times as many.

# %%
sigmoid_net = {"activations": ["sigmoid", "sigmoid"], "optimizer": "sgd", "lr": 0.5}
by_loss = {loss: run({**sigmoid_net, "loss": loss}, epochs=50)[1] for loss in ("bce", "mse")}
for loss, h in by_loss.items():
    print(f"{loss}: test accuracy after 10, 25, 50 epochs: "
          + ", ".join(f"{h.val_acc[e]:.3f}" for e in (10, 25, 50)))

# %% tags=["hide-input"]
assert by_loss["bce"].val_acc[10] > 0.85 and by_loss["mse"].val_acc[10] < 0.7
assert by_loss["mse"].val_acc[50] > 0.85
print("checked: cross-entropy is ahead at epoch 10; the quadratic cost catches up later")

# %% [markdown]
# ## Initialization and penalties
#
# [Chapter 4](04_initialization.ipynb) asks why weights start random. The playground answers in one
# click: with *zeros*, every hidden unit computes the same thing and gets the same
# gradient, which for ReLU units at zero is nothing at all, so only the output bias learns
# and the network stays at chance. Glorot's and He's scales train at once.

# %%
by_init = {init: run({"init": init}, epochs=30)[1] for init in ("zeros", "small_normal", "glorot_uniform", "he_normal")}
for init, h in by_init.items():
    print(f"{init}: test accuracy {h.val_acc[-1]:.3f}")

# %% tags=["hide-input"]
assert by_init["zeros"].val_acc[-1] < 0.6 and min(by_init[k].val_acc[-1] for k in ("glorot_uniform", "he_normal")) > 0.95
print("checked: zero weights stay at chance, Glorot and He succeed")

# %% [markdown]
# [Chapter 5](05_regularization.ipynb) studies overfitting. The playground shows it with few, noisy
# points: 10 % of 1,000 noisy moons for training and a network of three layers of eight
# units. Trained long, it fits its 100 points almost perfectly while the test loss climbs. An
# L2 penalty (λ = 0.01) or dropout (p = 0.3) holds the test loss down.

# %%
noisy = {"n": 1000, "noise": 0.35, "train_ratio": 0.1, "layers": [8, 8, 8], "activations": ["relu"] * 3,
         "lr": 0.01}
variants = {"none": {}, "L2, λ = 0.01": {"regularization": "l2", "lam": 0.01}, "dropout 0.3": {"dropout": 0.3}}
by_penalty = {name: run({**noisy, **extra}, epochs=300)[1] for name, extra in variants.items()}
for name, h in by_penalty.items():
    print(f"{name}: train loss {h.train_loss[-1]:.3f}, test loss {h.val_loss[-1]:.3f}, "
          f"test accuracy {h.val_acc[-1]:.3f}")

# %% tags=["hide-input"]
plain = by_penalty["none"]
assert plain.train_loss[-1] < 0.1 and plain.val_loss[-1] > 2 * plain.val_loss.min()
assert all(by_penalty[k].val_loss[-1] < 0.5 * plain.val_loss[-1] for k in ("L2, λ = 0.01", "dropout 0.3"))
print("checked: unpenalized, the test loss climbs; L2 and dropout hold it down")

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6, 3.4), layout="constrained")
for (name, h), color in zip(by_penalty.items(), plt.rcParams["axes.prop_cycle"].by_key()["color"]):
    ax.plot(h.train_loss, color=color, **plots.STYLE["train"])
    ax.plot(h.val_loss, color=color, label=name, **plots.STYLE["val"])
ax.set(xlabel="epoch", ylabel="loss (BCE)", ylim=(0, 1.5), title="train (solid) and test (dashed) loss, 100 noisy points")
ax.legend()
plt.show()

# %% [markdown]
# ## How the browser keeps up with nnbook
#
# The playground's JavaScript (`nnbook/widgets/js/mlp.js`) is nnbook's training loop written
# out for one network: the same parameter layout, the same head (δ⁽ᴸ⁾ = (p − y)/n for the
# paired losses, a(1 − a)(a − y)/n for the quadratic cost on a sigmoid), the penalty
# λ₂W + λ₁ sign(W) added to the weights' gradient, the six optimizers' updates in the order
# of `nnbook.optim`, and the dropout masks drawn from the network's generator. The random
# numbers are numpy's own: the browser runs numpy's PCG64 generator from the seed's state,
# so the data, the data order of each epoch and the dropout masks are the same numbers.
# Numpy's normal draws (a ziggurat) are the one thing the browser does not repeat; the
# playground's normal data and weights use Box–Muller pairs of uniform draws instead,
# `nnbook.data.playground` and `initial_params` in Python, so both sides draw the same.
# What differs is the order of floating-point sums (numpy's matrix products against the
# browser's loops): about $10^{-16}$ per step, which is why the tests compare the first
# epoch within $10^{-9}$ and not bit for bit. A long run on a chaotic configuration can
# drift apart later, as two machines would.
#
# ## Against TensorFlow Playground
#
# Every row of this table is checked by a test (the last column names it; `tests/` holds
# them): the browser tests play with each control on a page rendered as this site renders it
# and check that the drawing or the training changes.
#
# | feature | TensorFlow Playground | here | checked by |
# |---|---|---|---|
# | data sets | circle, XOR, Gaussian, spiral | two moons, circles, XOR, spirals, Gaussian blobs | `test_playground_data_controls` |
# | your own points | no | click to add, class toggle, clear | `test_playground_custom_points` |
# | noise, train/test ratio, regenerate | yes | yes, and a seed | `test_playground_data_controls` |
# | more than two classes | no | 2–4 classes, softmax cross-entropy | `test_playground_softmax_classes` |
# | input features x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂ | yes | yes | `test_playground_network_controls` |
# | hidden layers 0–6, units 1–8 | yes | yes | `test_playground_network_controls` |
# | activation | one for all layers (ReLU, tanh, sigmoid, linear) | one per layer, and leaky ReLU | `test_playground_network_controls` |
# | initialization | no | every scheme of `nnbook.init` | `test_playground_network_controls` |
# | loss | squared error | BCE, quadratic, softmax cross-entropy | `test_playground_training_controls` |
# | optimizer | SGD | SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam | `test_playground_training_controls` |
# | η, batch size | yes | yes (η on a log slider) | `test_playground_training_controls` |
# | L1 / L2 and λ | yes | yes | `test_playground_training_controls` |
# | dropout | no | yes | `test_playground_training_controls` |
# | play, pause, step, reset; epoch count | yes | yes | `test_playground_buttons` |
# | train and test loss curves | yes | yes | `test_playground_buttons` |
# | decision boundary as a heat map, points | yes | yes (test points hollow) | `test_playground_buttons` |
# | show test data, discretize output | yes | yes | `test_playground_buttons` |
# | each unit's output as a map, enlarge one | hover | click | `test_playground_unit_maps` |
# | weights as links, width and colour | yes | yes | `test_playground_unit_maps` |
# | dead units marked | no | crossed out, and a message when a layer is dead | `test_playground_bad_states` |
# | bad states shown | no | divergence (and its epoch), a dead layer, an empty class, a loss that does not fit | `test_playground_bad_states` |
# | configuration in the URL | yes | yes (restored from a link) | `test_playground_link_restores` |
# | copy as Python | no | nnbook code that trains the same network | `test_copy_as_python_runs_and_trains_to_the_browsers_numbers` |
# | equal to a reference implementation | — | nnbook within $10^{-9}$ (first epoch) | `test_first_epoch_agrees_with_nnbook_within_1e_9` |
# | regression problems | plane, multi-Gaussian | plane, Gaussian bumps (a linear output, the quadratic cost) | `test_playground_regression` |
#
# ## Summary
#
# - Hidden layers and input features both bend the boundary: one neuron on x₁², x₂² solves
#   the circles that no line can.
# - A too-large η diverges in a deep network within an epoch, or kills ReLU units without
#   diverging; the playground says which.
# - Cross-entropy outpaces the quadratic cost on a classifier, as the slowdown neuron predicts.
# - Zero weights never break the symmetry; few noisy points overfit, and L2 or dropout
#   hold the test loss down.
# - The browser's numbers are nnbook's: any configuration can be linked to, and rerun in
#   numpy from the code the playground writes out.
#
# ## Exercises
#
# **1. The fewest units for XOR.** With features x₁ and x₂ only, what is the smallest
# network that separates XOR? And with the feature x₁x₂?
#
# :::{dropdown} Solution
# One hidden layer of two ReLU units can represent XOR (two cuts), but it seldom finds them:
# whether it does depends on the seed. Three or four units succeed for most seeds. With x₁x₂
# alone no hidden layer is needed: the label is the sign of x₁x₂, one neuron's cut in that
# feature, and it reaches the accuracy that the noise near the axes allows.
# :::
#
# **2. Linear layers.** Stack six layers of eight *linear* units on the circles. What
# boundary do you get, and why?
#
# :::{dropdown} Solution
# A straight line: a composition of affine maps is affine, so the network is one neuron
# with extra parameters. The depth only changes how fast (and how stably) it trains.
# :::
#
# **3. The sine features.** Replace x₁ and x₂ by sin x₁ and sin x₂ on the two moons. What
# happens, and why?
#
# :::{dropdown} Solution
# The test accuracy drops below what x₁, x₂ reach (by several hundredths, depending on the
# seed). The points lie in about [−3, 3], where sin x is not monotonic: it folds the plane at
# x₁ = ±π/2, so the tips of the moons beyond the fold look like points inside it, and the
# network cannot tell them apart. With x₁, x₂ kept as well, the sines do no harm.
# :::
#
# **4. Batch size and η.** With SGD, find the largest η that still trains the default
# network for batch sizes 1, 10 and 100. How do they scale?
#
# :::{dropdown} Solution
# The loss is a batch mean, so a larger batch gives a gradient of the same size with less
# noise, and tolerates a larger η; the largest working η grows with the batch size, but
# less than in proportion (at batch 1 the noise is the limit, at large batches the
# curvature). Divergence or dead units appear first at batch 1.
# :::
#
# **5. L1 against L2.** Train the default network with L1 and with L2 at λ = 0.01, and watch
# the links. What differs?
#
# :::{dropdown} Solution
# L1 pulls every weight toward zero by the same λ·sign(w), so small weights reach 0 (their
# links fade out) and the network becomes sparse; L2's pull λw shrinks in proportion, so
# all links get thinner but few vanish.
# :::
#
# **6. A link for your class.** Build a configuration that shows dead ReLU units, copy its
# link, and open it in a new tab. What is restored, and what is not?
#
# :::{dropdown} Solution
# Every control is restored (data, seed, network, training settings, your points), so the
# same initial weights and data order give the same run when you press play; the epoch
# reached and the unit you enlarged are not part of the link.
# :::
#
# **7. Three classes.** Choose the Gaussian blobs with three classes and BCE. What does the
# playground say, and what fixes it?
#
# :::{dropdown} Solution
# BCE has one output unit, which can only say "class 1 or not": the playground shows an
# error and trains nothing. Softmax cross-entropy gives one output per class, and the blobs
# separate within a few epochs.
# :::
#
# ## Sources
#
# - Smilkov, D., Carter, S. (2016). *TensorFlow Playground*, playground.tensorflow.org;
#   Smilkov, D. et al. (2017). Direct-manipulation visualization of deep networks. ICML
#   Workshop on Visualization for Deep Learning.
# - Glassner, A. (2021). *Deep Learning: A Visual Approach*, ch. 14: the two-moons
#   classifier (Figs. 14-28 to 14-34), which the default configuration follows in spirit.
# - Nielsen, M. (2015). *Neural Networks and Deep Learning*, ch. 3: the cross-entropy cost
#   against the quadratic cost, L1, L2 and dropout.
# - Kneusel, R. T. (2021). *Practical Deep Learning*, ch. 9: Glorot and He initialization,
#   L2 and dropout.
# - Chaudhury, K. et al. (2024). *Math and Architectures of Deep Learning*, §9.2–9.3: the
#   optimizers (Eqs. 9.9–9.20), L1 against L2.
