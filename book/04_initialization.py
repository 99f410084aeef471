# %% tags=["remove-cell", "nbval-skip"]
# Colab, or any Jupyter without nnbook: install it from the book's repository (about a minute).
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("nnbook") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "nnbook @ git+https://github.com/nnbook/nnbook"], check=True)

# %% [markdown]
# # Initialization
#
# Training starts from weights someone chose. If they are all equal, the hidden units stay
# copies of each other forever; if they are too small or too large, the signal fades or
# blows up on its way through the layers, forward and backward, before a single step is
# taken. This chapter compares the schemes the sources use, as `nnbook.init` implements
# them, derives Glorot's and He's scales from one variance argument, measures what each does
# to a deep net's activations and gradients, and shows the two repairs that work on the data
# side: normalizing the inputs, and **batch normalization** inside the network. The
# **init lab** at the end is a random deep net you can reconfigure: scheme, activation,
# depth, width, input scale, batch norm.
#
# ## What you will learn
#
# - why equal initial weights are never repaired by training (symmetry);
# - the schemes of scikit-learn, Caffe, Keras, Glorot & Bengio and He, with their bounds and
#   variances, checked against `MLPClassifier`'s own initial weights;
# - Qiu's variance argument: $1/n^{(l-1)}$ forward, $1/n^{(l)}$ backward, their compromise
#   $2/(n^{(l-1)} + n^{(l)})$, and which constant a sigmoid needs (scikit-learn's and Glorot's differ);
# - how the activations and the deltas vanish or explode through 30 layers, per scheme and activation;
# - Nielsen's $1/\sqrt{n_{\text{in}}}$ and what it changes on scikit-learn's handwritten digits;
# - input normalization (Qiu's tanh unit) and batch normalization (Qiu's Alg. 5.2), implemented
#   and gradient-checked;
# - on [chapter 2](02_two_moons.ipynb)'s two moons: the initialization decides more seeds than η does.
#
# Every number below is computed in the cell next to it. The collapsed cells under each
# result assert it against the sources' printed values.

# %%
import math
import warnings

import matplotlib.pyplot as plt
import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from nnbook import MLP, activations, batchnorm, data, gradcheck, init, lockstep, plots, signals, train
from nnbook.experiments import GLASSNER_INIT, LEARNING_RATES, two_moons_network, two_moons_run
from nnbook.widgets import InitLab, init_lab_figure

plots.use_book_style()
rng = np.random.default_rng(0)

# %% [markdown]
# ## Symmetry: why the weights must differ
#
# If every weight of a layer starts at the same value, every hidden unit of that layer
# computes the same net input on every sample, gets the same delta in the backward pass and
# so the same update: after any number of steps the units are still equal, and the layer is
# one unit copied (Kneusel 2021, ch. 9; Qiu §5.7.4, the "symmetric weights" phenomenon).
# Zero is the worst constant (with zero biases a ReLU layer passes nothing at all), but any
# constant does it. Here is [chapter 2](02_two_moons.ipynb)'s two-moons network, 2 → 4 → 4 → 1,
# with every weight 0.1, trained for 5 epochs at η = 0.05, next to Glassner's random start.

# %%
X_tr, y_tr, X_te, y_te = data.two_moons(seed=0)
constant_net = two_moons_network(init=("constant", {"value": 0.1}))
random_net = two_moons_network(seed=2)
for label, net in (("constant 0.1", constant_net), ("N(0, 0.05)", random_net)):
    hist = two_moons_run(net, lr=0.05, epochs=5, snapshots=False)
    W1 = net.weights[0]
    print(f"{label:12s}: rows of W⁽¹⁾ after 5 epochs {np.round(W1, 3).tolist()}; "
          f"test accuracy {hist.val_acc[-1]:.3f}")

# %% tags=["hide-input"]
for W in constant_net.weights[:2]:
    assert np.allclose(W, W[0], rtol=1e-12, atol=0), "every hidden unit is a copy of the first"
assert not np.allclose(constant_net.weights[0], 0.1) and not np.allclose(random_net.weights[0], random_net.weights[0][0])
print("checked: after 5 epochs the constant start's hidden units are still copies (rows equal to 1e-12), "
      "though they moved; the random start's are not")

# %% [markdown]
# The constant network trained (its weights moved) and still has, in effect, one unit per
# layer: its boundary is that of a 2 → 1 → 1 → 1 network. Random numbers break the symmetry;
# the rest of the chapter is about their **scale**.
#
# ## The schemes
#
# Every scheme draws a weight from $\mathcal N(0, \sigma^2)$ or $U(-r, r)$ (variance $r^2/3$);
# they differ in the scale and in what it depends on: nothing, or the layer's **fan-in**
# $n_{\text{in}}$ (units feeding it) and **fan-out** $n_{\text{out}}$. As the sources state them:
#
# - **early practice** (Kneusel): $0.01\cdot U[0, 1)$ or $0.01\cdot\mathcal N(0, 1)$;
# - **Keras' `RandomNormal`** with its default standard deviation 0.05 (`kernel_initializer="normal"`),
#   Glassner's "N(0, 0.05)" in [chapter 2](02_two_moons.ipynb); **Qiu's Gaussian** with variance
#   0.01, i.e. σ = 0.1;
# - **scikit-learn's Glorot** (`MLPClassifier._init_coef`, Kneusel's "Xavier"):
#   $U(\pm r)$, $r = \sqrt{A/(n_{\text{in}} + n_{\text{out}})}$ with $A = 2$ for the logistic sigmoid and
#   $A = 6$ otherwise, **biases drawn from the same range**; Kneusel recommends zero biases,
#   which is what `nnbook.MLP` uses;
# - **Caffe-style "Xavier"** (Kneusel): $\mathcal N(0, 1)\cdot\sqrt{1/n_{\text{in}}}$, also Nielsen's
#   improved initialization (`lecun_normal`). Caffe's real `XavierFiller` is uniform,
#   $U(\pm\sqrt{3/n_{\text{in}}})$: the same variance $1/n_{\text{in}}$;
# - **He** (He et al. 2015): $\mathcal N(0, 2/n_{\text{in}})$, for ReLU layers.
#
# Kneusel's two examples are the first layer of his 2-3-2-1 network, 2 → 3, and an MNIST
# layer 784 → 100.

# %%
for fan_in, fan_out in ((2, 3), (784, 100)):
    print(f"{fan_in} → {fan_out}: Glorot bound A = 2 (logistic) {init.glorot_bound(fan_in, fan_out, 'logistic'):.4f}, "
          f"A = 6 {init.glorot_bound(fan_in, fan_out, 'relu'):.4f}; Caffe std √(1/n_in) {math.sqrt(1 / fan_in):.4f}; "
          f"He std √(2/n_in) {math.sqrt(2 / fan_in):.4f}")

shape = (100, 784)                                  # W of a 784 → 100 layer: (n_out, n_in)
draws = {"0.01·U[0, 1)": init.small_uniform(shape, rng), "0.01·N(0, 1)": init.small_normal(shape, rng),
         "N(0, 0.05²) Keras": init.normal(shape, rng, std=0.05), "N(0, 0.1²) Qiu": init.normal(shape, rng, std=0.1),
         "Glorot A = 6": init.glorot_uniform(shape, rng), "Glorot A = 2": init.glorot_uniform(shape, rng, "logistic"),
         "Caffe N·√(1/n_in)": init.lecun_normal(shape, rng), "Caffe U(±√(3/n_in))": rng.uniform(-1, 1, shape) * math.sqrt(3 / 784),
         "He N(0, 2/n_in)": init.he_normal(shape, rng)}
expected_var = {"0.01·U[0, 1)": 1e-4 / 12, "0.01·N(0, 1)": 1e-4, "N(0, 0.05²) Keras": 0.05**2, "N(0, 0.1²) Qiu": 0.01,
                "Glorot A = 6": 6 / 884 / 3, "Glorot A = 2": 2 / 884 / 3, "Caffe N·√(1/n_in)": 1 / 784,
                "Caffe U(±√(3/n_in))": 1 / 784, "He N(0, 2/n_in)": 2 / 784}
for name, w in draws.items():
    print(f"  {name:20s} variance {w.var():.3e} (formula {expected_var[name]:.3e}), n_in·Var = {784 * w.var():.3f}")

# %% tags=["hide-input"]
assert [round(init.glorot_bound(2, 3, a), 3) for a in ("logistic", "relu")] == [0.632, 1.095]
assert [round(init.glorot_bound(784, 100, a), 4) for a in ("logistic", "relu")] == [0.0476, 0.0824]
for name, w in draws.items():             # 78,400 draws: the variance is within 2 % of its formula
    assert abs(w.var() / expected_var[name] - 1) < 0.02, name
print("checked: Kneusel's bounds 0.632 / 1.095 and 0.0476 / 0.0824; every scheme's variance within 2 % of "
      "its formula (Caffe's uniform filler has the variance of the normal one)")

# %% [markdown]
# **Against scikit-learn itself.** `nnbook.init.sklearn_init` draws what `MLPClassifier` draws:
# layer after layer from `np.random.RandomState(random_state)`, first the coefficients (of
# shape (fan_in, fan_out), the transpose of our W) and then the intercepts, from the same
# range. To read scikit-learn's initial weights without its private methods we fit with a
# learning rate of $10^{-300}$: every step is far below the last bit of every weight.

# %%
X_k, y_k = rng.standard_normal((30, 2)), np.arange(30) % 2
with warnings.catch_warnings():           # one epoch on purpose: its ConvergenceWarning is expected
    warnings.simplefilter("ignore", ConvergenceWarning)
    clf = MLPClassifier((3, 2), activation="logistic", solver="sgd", learning_rate_init=1e-300, momentum=0.0,
                        max_iter=1, random_state=42).fit(X_k, y_k)
W_sk, b_sk = init.sklearn_init([2, 3, 2, 1], "logistic", random_state=42)
print("scikit-learn coefs_[0].T:\n", np.round(clf.coefs_[0].T, 4))
print("largest |weight| per layer:", [f"{np.abs(W).max():.4f}" for W in W_sk], "bounds:",
      [f"{init.glorot_bound(a, b, 'logistic'):.4f}" for a, b in ((2, 3), (3, 2), (2, 1))])

# %% tags=["hide-input"]
assert all(np.array_equal(W, c.T) for W, c in zip(W_sk, clf.coefs_))
assert all(np.array_equal(b, i) for b, i in zip(b_sk, clf.intercepts_))
assert all(np.abs(b).max() <= init.glorot_bound(n, m, "logistic") for b, n, m in zip(b_sk, (2, 3, 2), (3, 2, 1)))
print("checked: nnbook.init.sklearn_init equals MLPClassifier's coefs_ and intercepts_ bit for bit "
      "(Kneusel's 2-3-2-1 network, logistic, random_state 42), biases from the weights' range")

# %% [markdown]
# ## Keeping the variance through a layer (Qiu §5.7.4)
#
# Take one unit of layer $l$, $z^{(l)} = \sum_{i=1}^{n^{(l-1)}} w_i a_i^{(l-1)}$, with weights and
# inputs independent and of mean zero. Then
#
# $$\mathrm{Var}(z^{(l)}) = n^{(l-1)}\,\mathrm{Var}(w)\,\mathrm{Var}(a^{(l-1)}),$$
#
# so in the linear regime ($a \approx z$, as tanh near 0) every layer multiplies the signal's
# variance by $n^{(l-1)}\mathrm{Var}(w)$. Keeping it requires $\mathrm{Var}(w) = 1/n^{(l-1)}$.
# The backward pass, $\delta^{(l-1)} = W^{(l)\top}\delta^{(l)}$ (times $f' \approx 1$), sums over
# the $n^{(l)}$ units of layer $l$ and wants $\mathrm{Var}(w) = 1/n^{(l)}$. Glorot & Bengio take the
# compromise $\mathrm{Var}(w) = 2/(n^{(l-1)} + n^{(l)})$; a uniform $U(-r, r)$ has variance $r^2/3$, so
#
# $$r = \sqrt{\frac{6}{n^{(l-1)} + n^{(l)}}}\,.$$
#
# (Qiu writes $n^1$ for $n^{(l)}$ in two of these equations: a typo.) For a ReLU, half the
# inputs are zeroed, so $\mathrm{Var}(a) = \tfrac12 \mathrm{E}[z^2]$ and the forward condition becomes
# $\mathrm{Var}(w) = 2/n^{(l-1)}$: He's initialization. A Monte-Carlo check of the gain with
# 100 → 100 layers:

# %%
r = math.sqrt(6 / (100 + 100))
x = rng.standard_normal((2000, 100))
gains = {}
for name, W in (("Var(w) = 1/n", rng.standard_normal((100, 100)) / 10), ("Xavier U(±r)", rng.uniform(-r, r, (100, 100))),
                ("0.01·N(0, 1)", init.small_normal((100, 100), rng))):
    gains[name] = (x @ W.T).var() / x.var()
print(f"Qiu's r at (100, 100): {r:.4f}, variance r²/3 = {r * r / 3:.4f} = 2/(100 + 100)")
print("variance gain of one linear layer:", ", ".join(f"{k}: {v:.3f}" for k, v in gains.items()))

# %% tags=["hide-input"]
assert round(r, 4) == 0.1732 and math.isclose(r * r / 3, 0.01)
assert 0.9 < gains["Var(w) = 1/n"] < 1.1 and 0.9 < gains["Xavier U(±r)"] < 1.1 and gains["0.01·N(0, 1)"] < 0.02
print("checked: Qiu's r = 0.1732 (Var = 0.01: here Xavier and Qiu's Gaussian coincide); the gain is ≈ 1 "
      "for Var(w) = 1/n and ≈ n·10⁻⁴ = 0.01 for the early-practice scale")

# %% [markdown]
# **The sigmoid's constant.** The sources disagree. scikit-learn uses $A = 2$ for the logistic
# sigmoid, a bound $\sqrt{3}$ times *smaller* than its tanh bound. The convention that came with
# Glorot & Bengio's analysis (their group's Theano tutorials) multiplies the tanh bound by **4** for the sigmoid,
# $r = 4\sqrt{6/(n_{\text{in}} + n_{\text{out}})}$, i.e. $A = 96$: near 0, $\sigma(z) \approx \tfrac12 + z/4$, so
# each sigmoid layer scales the signal's fluctuations by $\sigma'(0) = 1/4$, and a weight 4
# times larger undoes it. (Qiu attaches the 4× to tanh and 1× to the sigmoid: reversed.)
# Keras' `GlorotUniform` has no activation-dependent constant, and PyTorch's `xavier_uniform_`
# takes a gain whose recommended value for the sigmoid (`calculate_gain`) is 1. Which one keeps the variance? Ten sigmoid layers of 100 units, the
# same draws scaled by each constant, inputs $\mathcal N(0, 1)$, a random output gradient:

# %%
X_deep, G_deep = rng.standard_normal((200, 100)), rng.standard_normal((200, 100))
sigmoid_schemes = {"scikit-learn A = 2": ("glorot_uniform", {"activation": "logistic"}),
                   "A = 6 (tanh's)": ("glorot_uniform", {"activation": "tanh"}),
                   "Glorot & Bengio 4×": ("glorot_uniform", {"activation": "tanh", "gain": 4.0})}
sig_runs = {}
for name, scheme in sigmoid_schemes.items():
    s = signals.propagate(X_deep, signals.deep_weights(10, 100, scheme, seed=1), "sigmoid", G_deep)
    sig_runs[name] = s
    print(f"{name:20s}: std of z⁽ˡ⁾ layer 2 → 10: {s.z_std[1]:.3f} → {s.z_std[9]:.3f}; "
          f"std of δ layer 1 / layer 10: {s.delta_std[0] / s.delta_std[9]:.2e}")

# %% tags=["hide-input"]
ratio = {k: s.delta_std[0] / s.delta_std[9] for k, s in sig_runs.items()}
assert ratio["Glorot & Bengio 4×"] > 1000 * ratio["A = 6 (tanh's)"] and ratio["A = 6 (tanh's)"] > 10 * ratio["scikit-learn A = 2"]
assert all(0.5 < s.z_std[9] / s.z_std[1] < 2 for s in sig_runs.values())
print("checked: through ten sigmoid layers every constant keeps the net inputs' spread within a factor 2, "
      "but the 4× bound loses over 1000 times less gradient than A = 6, and A = 6 over 10 times less than A = 2")


# %% [markdown]
# Forward, all three look alike: a sigmoid's output has mean ½, which the derivation's
# zero-mean assumption ignores, and that constant part feeds every layer the same spread of
# net inputs whatever the constant. The backward pass decides it: every sigmoid layer
# multiplies the delta by $\sigma'(z) \le 1/4$, and only the 4× constant compensates.
# scikit-learn's $A = 2$ makes the weights smaller still, so its deltas vanish fastest. (The
# mean ½ is one reason tanh and ReLU replaced the sigmoid in hidden layers.)
#
# ## Activations and gradients through depth
#
# The same measurement for 30 layers of 100 units, three activations and five schemes: the
# standard deviation of $a^{(l)}$ (solid) and of $\delta^{(l)} = \partial L/\partial z^{(l)}$ (dashed)
# at every layer, on a log scale (after Glorot & Bengio 2010, Figs. 3–7). `nnbook.signals`
# runs the forward and the backward pass; every scheme draws from the same seed.

# %%
depth_schemes = {"0.01·N(0, 1)": "small_normal", "N(0, 1)": "large_normal", "Glorot (sklearn A)": "glorot_uniform",
                 "Caffe / LeCun 1/n_in": "lecun_normal", "He 2/n_in": "he_normal"}
depth_runs = {(act, name): signals.propagate(X_deep, signals.deep_weights(30, 100, scheme, seed=1, activation=act),
                                             act, G_deep)
              for act in ("sigmoid", "tanh", "relu") for name, scheme in depth_schemes.items()}
for (act, name), s in depth_runs.items():
    print(f"{act:7s} {name:20s} std a: {s.a_std[0]:.1e} → {s.a_std[29]:.1e}   std δ: {s.delta_std[0]:.1e} (layer 1) "
          f"… {s.delta_std[29]:.1e} (layer 30)")

# %% tags=["hide-input"]
fig, axes = plt.subplots(1, 3, figsize=(11, 3.6), layout="constrained", sharey=True)
layers = np.arange(1, 31)
for ax, act in zip(axes, ("sigmoid", "tanh", "relu")):
    for i, name in enumerate(depth_schemes):
        s = depth_runs[act, name]
        ax.semilogy(layers, s.a_std, "-", color=f"C{i}", label=name)
        ax.semilogy(layers, s.delta_std, "--", color=f"C{i}")
    ax.set_title(f"{act}: std of a (solid), of δ (dashed)", fontsize=10)
    ax.set_xlabel("layer l")
    ax.set_ylim(1e-30, 1e30)
axes[0].legend(fontsize=7, loc="lower left")
plt.show()

# %% tags=["hide-input"]
def spread(act, name, what="a_std"):
    v = getattr(depth_runs[act, name], what)
    return v[29] / v[0] if what == "a_std" else v[0] / v[29]     # activations: last/first; deltas: first/last


assert spread("tanh", "0.01·N(0, 1)") < 1e-20 and spread("tanh", "0.01·N(0, 1)", "delta_std") < 1e-20
assert spread("relu", "N(0, 1)") > 1e20 and spread("relu", "N(0, 1)", "delta_std") > 1e20
assert 0.1 < spread("relu", "He 2/n_in") < 10 and 0.1 < spread("relu", "He 2/n_in", "delta_std") < 10
assert spread("relu", "Caffe / LeCun 1/n_in") < 1e-4                 # halves the variance per ReLU layer: 2^-14.5 in std
assert 1e-2 < spread("tanh", "Caffe / LeCun 1/n_in") and 1e-2 < spread("tanh", "Caffe / LeCun 1/n_in", "delta_std")
assert spread("sigmoid", "Glorot (sklearn A)", "delta_std") < 1e-15
print("checked: 0.01·N vanishes (tanh) and N(0, 1) explodes (ReLU) by over 10²⁰ in 30 layers; He keeps a "
      "ReLU stack within a factor 10 both ways, 1/n_in does not (it halves the variance per layer); 1/n_in keeps tanh within "
      "a factor 100; sigmoid deltas vanish under scikit-learn's Glorot")

# %% [markdown]
# Read the three panels by their slopes. A straight line on the log scale is a constant gain
# per layer, $n\,\mathrm{Var}(w)\,\overline{f'^2}$: below 1 the signal **vanishes**
# geometrically, above 1 it **explodes**. The scale matched to the activation (1/n_in for
# tanh, He's 2/n_in for ReLU) keeps the gain near 1, so its lines stay flat; the deltas of the
# sigmoid net vanish under every scheme here but N(0, 1), since their gain carries
# $\sigma'^2 \le 1/16$, and N(0, 1)'s large weights buy it back with saturated units.
# Tanh under N(0, 1) shows a subtler failure: the activations do not explode (tanh is bounded)
# but saturate at ±1, and the deltas explode on their way down through the large weights.
#
# ## Nielsen's $1/\sqrt{n_{\text{in}}}$
#
# Nielsen's (2015, ch. 3) argument is one neuron with 1,000 inputs, half of them 1 and half 0.
# With weights and bias $\mathcal N(0, 1)$, $z = \sum_j w_j x_j + b$ is a sum of 501 standard
# normals: its standard deviation is $\sqrt{501} \approx 22.4$, so $|z| \gg 1$ and the sigmoid
# saturates. With weights $\mathcal N(0, 1/n_{\text{in}})$ (bias still $\mathcal N(0, 1)$) it is
# $\sqrt{500/1000 + 1} = \sqrt{3/2} \approx 1.22$.

# %%
x_n = np.r_[np.ones(500), np.zeros(500)]
trials = 20_000
z_old = rng.standard_normal((trials, 1000)) @ x_n + rng.standard_normal(trials)
z_new = rng.standard_normal((trials, 1000)) @ x_n / math.sqrt(1000) + rng.standard_normal(trials)
print(f"std of z: N(0, 1) weights {z_old.std():.2f} (√501 = {math.sqrt(501):.2f}), "
      f"N(0, 1/n_in) {z_new.std():.3f} (√1.5 = {math.sqrt(1.5):.3f}); "
      f"share with |z| > 4 (σ′ < 0.018): {np.mean(np.abs(z_old) > 4):.3f} against {np.mean(np.abs(z_new) > 4):.4f}")

# %% tags=["hide-input"]
assert round(math.sqrt(501), 1) == 22.4 and round(math.sqrt(1.5), 2) == 1.22
assert abs(z_old.std() / math.sqrt(501) - 1) < 0.02 and abs(z_new.std() / math.sqrt(1.5) - 1) < 0.02
print("checked: Nielsen's spreads √501 = 22.4 and √(3/2) = 1.22, and 20,000 sampled neurons within 2 % of them")

# %% [markdown]
# Nielsen's accuracies after the first epoch, 86.43 % with the old initialization and 92.70 %
# with the new one, are for MNIST (784 inputs, 50,000 training images, a 784-30-10 network,
# η = 0.1, minibatches of 10). This book runs offline, so it repeats the comparison on
# scikit-learn's 8×8 digits (64 inputs, 1,347 training images): a 64-30-10 sigmoid network with
# a softmax output, the same η and minibatch size, 10 seeds of each initialization trained in
# lockstep. Two differences to keep in mind: 64 inputs instead of 784, so the old
# initialization saturates less; and our biases start at 0 (Nielsen draws them from N(0, 1)).

# %%
X_d, y_d, X_dt, y_dt = data.digits()
digit_nets = MLP([64, 30, 10], "sigmoid", "softmax", models=lockstep(init=("large_normal", "lecun_normal"), seed=range(10)))
z_spread = {name: digit_nets.select(init=name).trace(X_d).z[1].std() for name in ("large_normal", "lecun_normal")}
digit_hist = train(digit_nets, X_d, y_d, validation=(X_dt, y_dt), epochs=10, batch_size=10, lr=0.1, seed=0,
                   snapshots=False)
acc = {name: digit_hist.select(init=name).val_acc for name in ("large_normal", "lecun_normal")}
print(f"std of the hidden net inputs at the start: N(0, 1) {z_spread['large_normal']:.2f}, "
      f"N(0, 1/n_in) {z_spread['lecun_normal']:.2f}")
for epoch in (1, 2, 3, 5, 10):
    print(f"epoch {epoch:2d}: mean test accuracy N(0, 1) {acc['large_normal'][epoch].mean():.3f}, "
          f"N(0, 1/n_in) {acc['lecun_normal'][epoch].mean():.3f}")

# %% tags=["hide-input"]
assert z_spread["large_normal"] > 5 * z_spread["lecun_normal"]
assert acc["large_normal"][10].mean() > 0.85 and acc["lecun_normal"][10].mean() > 0.85
print("checked: the old initialization's net inputs spread over five times wider; both reach 85 % by epoch 10")

# %% [markdown]
# On the digits the effect is small, and the printed means say which way it goes in each
# epoch: with 64 inputs the old initialization's net inputs spread only a few units wide, not
# 22, so few hidden units start saturated. Nielsen's 6-point gap after one epoch is a
# property of MNIST's 784 inputs, and the argument behind it, $\mathrm{std}(z) \propto \sqrt{n_{\text{in}}}$
# under N(0, 1), grows with the input size. (With so few images an epoch is also only 135
# steps; his were 5,000.)
#
# ## Normalizing the inputs
#
# The weights are only half of $z = w^\top x$: the inputs' scale matters as much. Qiu's example
# (§5.7.2) is one tanh unit $y = \tanh(w_1x_1 + w_2x_2 + b)$ with $x_1 \in [0, 10]$ and
# $x_2 \in [0, 1]$. tanh is sensitive only on about $[-2, 2]$ (outside, $\tanh' < 0.071$), so
# to keep $w_1x_1$ in range, $w_1$ must be ten times smaller than $w_2$, "for example in
# $[-0.1, 0.1]$". Standardizing both features (z-scores) removes the constraint: one scale fits all.

# %%
x_raw = np.column_stack([rng.uniform(0, 10, 5000), rng.uniform(0, 1, 5000)])
x_std = (x_raw - x_raw.mean(axis=0)) / x_raw.std(axis=0)
tanh_d = activations.get("tanh").df
print(f"tanh′(2) = {tanh_d(2.0):.4f}")
for w in (np.array([1.0, 1.0]), np.array([0.1, 1.0])):
    for label, xs in (("raw", x_raw), ("standardized", x_std)):
        zq = xs @ w
        print(f"w = {w}, {label:12s} inputs: share of |z| ≤ 2: {np.mean(np.abs(zq) <= 2):.3f}, mean tanh′(z) "
              f"{tanh_d(zq).mean():.3f}")

# %% tags=["hide-input"]
assert round(float(tanh_d(2.0)), 7) == 0.0706508
in_window = {(w1, lab): np.mean(np.abs(xs @ np.array([w1, 1.0])) <= 2) for w1 in (1.0, 0.1)
             for lab, xs in (("raw", x_raw), ("std", x_std))}
assert in_window[1.0, "raw"] < 0.2 and in_window[0.1, "raw"] == 1.0 and in_window[1.0, "std"] > 0.8
print("checked: tanh′(2) = 0.0706508; with raw inputs w₁ = 1 leaves under 20 % of the samples in the window and "
      "w₁ = 0.1 all of them; standardized, w₁ = 1 keeps over 80 %")

# %% [markdown]
# ## Batch normalization
#
# Normalizing the inputs fixes the first layer only. **Batch normalization** (Ioffe & Szegedy
# 2015; Qiu §5.7.3, Alg. 5.2) standardizes every layer's net inputs over the mini-batch, per
# unit $k$, and then lets the network choose a scale and a shift:
#
# $$\mu_k = \frac1m\sum_{i=1}^m x_k^{(i)},\quad \sigma_k^2 = \frac1m\sum_{i=1}^m (x_k^{(i)} - \mu_k)^2,\quad
# \hat x_k^{(i)} = \frac{x_k^{(i)} - \mu_k}{\sqrt{\sigma_k^2 + \epsilon}},\quad y_k^{(i)} = \gamma_k \hat x_k^{(i)} + \beta_k .$$
#
# With $\gamma_k = \sqrt{\sigma_k^2 + \epsilon}$ and $\beta_k = \mu_k$ the layer gives its input back:
# Qiu writes $\gamma = \sqrt{\sigma[x]}$, but $\sigma[x]$ there is the **variance**, so γ is the
# standard deviation; and γ, β are per unit ($\gamma_k, \beta_k$), not one pair for the layer.
# At inference the population's mean and variance replace the batch's. Here is the algorithm
# as written, against `nnbook.batchnorm`, and its backward pass against central differences.

# %%
def batch_norm_alg52(x, gamma, beta, eps=1e-5):
    mu = x.sum(axis=0) / len(x)                          # 1. mini-batch mean
    var = ((x - mu) ** 2).sum(axis=0) / len(x)           # 2. variance, 1/m
    x_hat = (x - mu) / np.sqrt(var + eps)                # 3. normalize
    return gamma * x_hat + beta                          # 4. scale and shift, per feature


xb = rng.normal(5.0, 3.0, (32, 4))
gamma, beta = np.array([1.0, 2.0, 0.5, 3.0]), np.array([0.0, -1.0, 1.0, 2.0])
y_bn, cache = batchnorm.batch_norm(xb, gamma, beta)
G_bn = rng.standard_normal(xb.shape)
dx, dgamma, dbeta = batchnorm.batch_norm_backward(G_bn, cache)
errors = [gradcheck.check_gradient(lambda: float(np.sum(G_bn * batchnorm.batch_norm(xb, gamma, beta)[0])), grad, v)
          for grad, v in ((dx, xb), (dgamma, gamma), (dbeta, beta))]
identity, _ = batchnorm.batch_norm(xb, np.sqrt(xb.var(axis=0) + batchnorm.EPS), xb.mean(axis=0))
print(f"Alg. 5.2 vs nnbook: largest difference {np.abs(batch_norm_alg52(xb, gamma, beta) - y_bn).max():.1e}; "
      f"per-unit mean and std of y: {np.round(y_bn.mean(axis=0), 3).tolist()}, {np.round(y_bn.std(axis=0), 3).tolist()}")
print("gradient check (relative error) of ∂L/∂x, ∂L/∂γ, ∂L/∂β:", ", ".join(f"{e:.0e}" for e in errors))
print(f"γ = std, β = mean gives the input back: largest difference {np.abs(identity - xb).max():.1e}")

# %% tags=["hide-input"]
assert np.allclose(batch_norm_alg52(xb, gamma, beta), y_bn, atol=1e-12) and max(errors) < 1e-7
assert np.allclose(y_bn.mean(axis=0), beta) and np.allclose(y_bn.std(axis=0), gamma, rtol=1e-5)
assert np.allclose(identity, xb, atol=1e-12)
print("checked: Qiu's Alg. 5.2 equals nnbook.batchnorm; its backward pass passes the gradient check; "
      "γ = σ, β = μ recover the input")

# %% [markdown]
# **A rescue.** Put a batch norm before every activation of a badly initialized deep net and
# the signal no longer depends on the weights' scale: each layer's net inputs are standardized
# whatever $\mathrm{Var}(w)$ is, and the backward pass through the normalization divides the
# delta by the same standard deviation that the forward pass divided by. The early-practice
# 0.01·N(0, 1) tanh stack of the figure above, and the N(0, 1) ReLU stack, with and without it:

# %%
bn_runs = {}
for act, scheme in (("tanh", "small_normal"), ("relu", "large_normal")):
    Ws = signals.deep_weights(30, 100, scheme, seed=1)
    for bn in (False, True):
        s = signals.propagate(X_deep, Ws, act, G_deep, batch_norm_layers=bn)
        bn_runs[act, bn] = s
        print(f"{act} with {scheme:12s}, batch norm {'on ' if bn else 'off'}: std a layer 1 → 30 "
              f"{s.a_std[0]:.1e} → {s.a_std[29]:.1e}; std δ layer 1 / layer 30 {s.delta_std[0] / s.delta_std[29]:.1e}")

# %% tags=["hide-input"]
for act in ("tanh", "relu"):
    s = bn_runs[act, True]
    assert 0.5 < s.a_std[29] / s.a_std[0] < 2 and 1e-2 < s.delta_std[0] / s.delta_std[29] < 1e3
    off = bn_runs[act, False]
    assert not (1e-6 < off.a_std[29] / off.a_std[0] < 1e6)
print("checked: with batch norm both stacks keep the activations' std within a factor 2 over 30 layers and "
      "the deltas within 10⁻²…10³; without it they vanish or explode by more than 10⁶")

# %% [markdown]
# The statistics are the precondition; does the rescued stack also *train*? A 10-layer tanh
# stack of 20 units with the same 0.01·N(0, 1) weights, a sigmoid readout, the binary
# cross-entropy and full-batch gradient descent (η = 0.1, 200 steps) on the two moons, with
# and without a batch norm before every tanh (γ = 1, β = 0 fixed; the gradients come from
# `signals.propagate`, the same forward and backward pass as above):

# %%
X_moons, y_moons, X_moons_test, y_moons_test = data.two_moons(seed=0)


def train_stack(batch_norm_layers, depth=10, width=20, steps=200, lr=0.1, seed=1):
    """Full-batch gradient descent on a bias-free tanh stack with a sigmoid readout."""
    Ws = signals.deep_weights(depth, width, "small_normal", seed=seed, n_in=2)
    w_out, b_out = np.random.default_rng(seed).normal(0, 1 / math.sqrt(width), width), 0.0
    costs = []
    for _ in range(steps):
        a = signals.propagate(X_moons, Ws, "tanh", np.zeros((len(X_moons), width)),
                              batch_norm_layers=batch_norm_layers).a[-1]
        p = 1 / (1 + np.exp(-(a @ w_out + b_out)))
        costs.append(-np.mean(y_moons * np.log(p) + (1 - y_moons) * np.log(1 - p)))
        r = (p - y_moons) / len(X_moons)                       # ∂L/∂z of the readout
        s = signals.propagate(X_moons, Ws, "tanh", np.outer(r, w_out), batch_norm_layers=batch_norm_layers)
        for layer in range(depth):
            Ws[layer] -= lr * s.delta[layer].T @ s.a[layer]
        w_out, b_out = w_out - lr * a.T @ r, b_out - lr * r.sum()
    a_test = signals.propagate(X_moons_test, Ws, "tanh", np.zeros((len(X_moons_test), width)),
                               batch_norm_layers=batch_norm_layers).a[-1]
    return np.array(costs), np.mean(((a_test @ w_out + b_out) > 0) == y_moons_test)


stack_runs = {bn: train_stack(bn) for bn in (False, True)}
start = signals.propagate(X_moons, signals.deep_weights(10, 20, "small_normal", seed=1, n_in=2), "tanh",
                          np.zeros((len(X_moons), 20)))
print(f"at the start, without batch norm: std of the readout's inputs {start.a_std[-1]:.0e}")
for bn, (costs, acc) in stack_runs.items():
    print(f"batch norm {'on ' if bn else 'off'}: cost {costs[0]:.4f} → {costs[99]:.4f} (step 100) → "
          f"{costs[-1]:.4f} (step 200); test accuracy {acc:.1%}")

# %% tags=["hide-input"]
assert np.all(np.abs(stack_runs[False][0] - math.log(2)) < 1e-3) and stack_runs[False][1] < 0.6
assert stack_runs[True][0][-1] < 0.3 and stack_runs[True][1] > 0.9
print("checked: without batch norm the stack's cost stays at ln 2 (it outputs ½ for every point); with it "
      "the cost falls below 0.3 and the test accuracy passes 90 %")

# %% [markdown]
# Without batch norm the activations reaching the readout are vanishingly small (printed above)
# and so are the deltas reaching the first layers: the network answers ½ everywhere and
# gradient descent cannot move it. With batch norm the same weights train. (The test points are
# normalized here with their own batch statistics, a simplification; a trained network uses
# the training set's, exercise 6.)
#
# Batch normalization does not make the scale of the weights irrelevant for training (the
# effective learning rate of a layer still depends on it), and it needs batches: with a batch
# of one the variance is 0. But it turned "initialize exactly right" from a condition of
# training deep nets into a convenience, and it lets much larger learning rates work.
#
# ## Back on two moons: initialization against η
#
# [Chapter 2](02_two_moons.ipynb) trained Glassner's 2-4-4-1 network from his N(0, 0.05)
# start at three learning rates, and its exercise 2 compared He's initialization at η = 0.05.
# Here are all three initializations of the two-moons lab (Glassner's, scikit-learn's Glorot
# and He's) at all three learning rates, 20 seeds each, 180 networks trained in lockstep on the
# same data order for 21 epochs. A run succeeds if its train and test accuracy both reach 99.5 %.

# %%
moon_inits = {"N(0, 0.05) Glassner": GLASSNER_INIT, "Glorot uniform": ("glorot_uniform", {}), "He normal": ("he_normal", {})}
moons = two_moons_network(models=lockstep(init=tuple(moon_inits.values()), lr=LEARNING_RATES, seed=range(20)))
moon_hist = two_moons_run(moons, epochs=21, snapshots=False)
success = ((moon_hist.train_acc >= 0.995) & (moon_hist.val_acc >= 0.995)).any(axis=0).reshape(3, 3, 20)
print("successes of 20 seeds within 21 epochs   " + "   ".join(f"η = {lr}" for lr in LEARNING_RATES))
for i, name in enumerate(moon_inits):
    print(f"  {name:22s}" + "".join(f"{n:10d}" for n in success[i].sum(axis=1)))

# %% tags=["hide-input"]
counts = success.sum(axis=2)                      # (init, η)
assert np.all(counts[1:, 1] >= counts[0, 1] + 8) and np.all(counts[1:, 2] >= counts[0, 2] + 8)
assert counts[:, 0].max() <= 2                    # η = 0.5 collapses whatever the start
print("checked: at η = 0.05 and 0.01 Glorot and He each succeed for at least 8 more seeds than N(0, 0.05); "
      "at η = 0.5 (almost) every run fails under every initialization")

# %% [markdown]
# Two factors, two verdicts. At η = 0.5 no initialization helps: the steps are too large and
# the ReLU layers die ([chapter 2](02_two_moons.ipynb) shows how). At η = 0.05 and 0.01, where
# the learning rate is sound, changing η between them changes the count by a few seeds, while
# changing the initialization from N(0, 0.05) to Glorot or He changes it by many: with 4-unit
# layers, a standard deviation of 0.05 is about 14 times smaller than He's $\sqrt{2/4}$, and the
# first layer's gradient, multiplied by two such weight matrices on its way back, is smaller
# still. In such a small network it is the gradient that vanishes, not yet the signal.
#
# ## The init lab
#
# The lab is the deep-net measurement of this chapter, live: a stack of `depth` layers of
# `width` units on 32 random inputs $\mathcal N(0, s^2)$, with a random output gradient. Pick
# the scheme, the activation, the depth, the width, the inputs' standard deviation $s$ and
# batch norm; the upper panel shows the std of $a^{(l)}$ and $\delta^{(l)}$ across depth
# (log₁₀), the lower ones their histograms at five layers (after Glorot & Bengio's Figs. 3
# and 6), and the message line names what happens: vanishing, exploding, overflow, symmetry.
# The browser draws the weights (with its own seeded generator; `lab.weights()` gives the same
# numbers in Python) and runs both passes; a test holds its statistics to `nnbook.signals`
# within $10^{-9}$. Its default figure, drawn by matplotlib:

# %%
init_lab = InitLab("glorot_uniform", "tanh", depth=10, width=100)
lab_signals = init_lab.signals()
print(f"{init_lab}: std of a layer 1 → 10 {lab_signals.a_std[0]:.3f} → {lab_signals.a_std[9]:.3f}; "
      f"std of δ {lab_signals.delta_std[0]:.3f} → {lab_signals.delta_std[9]:.3f}")
init_lab_figure(init_lab)
plt.show()

# %% tags=["hide-input"]
reference = signals.propagate(init_lab.inputs(), init_lab.weights(), "tanh", init_lab.out_grad())
assert np.array_equal(reference.a_std, lab_signals.a_std)
bound = init.glorot_bound(100, 100, "tanh")
assert np.abs(init_lab.weights()[0]).max() <= bound and abs(np.concatenate(init_lab.weights()).var() / (bound**2 / 3) - 1) < 0.02
print("checked: the lab's statistics are nnbook.signals.propagate's, and its Glorot weights lie within "
      "±√(6/200) with variance r²/3 (within 2 %)")

# %% tags=["nbval-ignore-output"]
init_lab

# %% [markdown]
# Things to try: the early-practice scales with tanh at depth 30 (everything vanishes; then
# batch norm on); N(0, 1) with ReLU (explodes; the histograms spread by orders of magnitude);
# Glorot & Bengio's 4× with the sigmoid against scikit-learn's Glorot; the input std at 100
# with tanh (the first layer saturates, and the deltas of layer 1 collapse); zeros (nothing
# passes at all). With a kernel, the settings are traits: `init_lab.depth = 40`.
#
# ## Corrections to the sources
#
# - **Qiu (5.90–5.91)** puts the factor 4 on tanh and 1 on the logistic sigmoid; it is the other
#   way round (the Glorot & Bengio / Theano convention): $\sigma'(0) = 1/4$ is what the 4 compensates. He also
#   writes $n^1$ for $n^{(l)}$ in (5.90) and (5.101).
# - **Qiu (5.89)**: "$\gamma_k = \sqrt{\sigma[x_k]}$" means the square root of the *variance*,
#   the standard deviation, and γ, β are per feature in Alg. 5.2.
# - **Kneusel's "Caffe-style Xavier"** is a normal $\mathcal N(0, 1)\sqrt{1/n_{\text{in}}}$; Caffe's
#   `XavierFiller` is uniform on $\pm\sqrt{3/n_{\text{in}}}$. Same variance, different distribution.
# - **scikit-learn's sigmoid constant** $A = 2$ is not Glorot & Bengio's: it shrinks the bound
#   where they enlarge it, and the deltas of a deep sigmoid stack vanish fastest under it.
# - **Nielsen's 86.43 % and 92.70 %** are MNIST numbers; on other data the gap can be much
#   smaller, as the digits show.
#
# ## Summary
#
# - Equal weights stay equal: random initialization breaks the symmetry of hidden units.
# - A linear layer multiplies the signal's variance by $n_{\text{in}}\mathrm{Var}(w)$ forward and
#   $n_{\text{out}}\mathrm{Var}(w)$ backward; Glorot's $2/(n_{\text{in}} + n_{\text{out}})$ balances the two, He's
#   $2/n_{\text{in}}$ makes up for the half a ReLU zeroes.
# - Off by a constant factor per layer, the signal vanishes or explodes geometrically with
#   depth, in the activations, in the deltas, or both.
# - For sigmoids, Glorot & Bengio's 4× keeps the variance; scikit-learn's $A = 2$ does not.
# - Normalizing the inputs matters as much as the weights' scale; batch normalization does it
#   for every layer and rescues badly initialized deep nets.
# - On the two moons, the initialization decides more seeds than the learning rate does,
#   once η is sound.
#
# ## Exercises
#
# **1. The symmetric network's size.** The constant-initialized two-moons network behaves as
# a smaller network. Which one, and with which weights?
#
# :::{dropdown} Solution
# Every layer acts as one unit: 2 → 1 → 1 → 1. Its first layer is one row of $W^{(1)}$ (all
# rows are equal); a unit of layer 2 receives the same activation from all four units of
# layer 1, so its one weight is the sum of a row of $W^{(2)}$; the output's weight is the sum of
# $W^{(3)}$'s row. The cell below builds that network with `MLP.from_weights` from the trained
# weights: its outputs equal the 37-parameter network's to rounding.
# :::

# %% tags=["hide-cell"]
W1, W2, W3 = constant_net.weights
b1, b2, b3 = constant_net.biases
small = MLP.from_weights([W1[:1], W2[:1].sum(axis=1, keepdims=True), W3.sum(axis=1, keepdims=True)],
                         [b1[:1], b2[:1], b3], activation="relu", output="sigmoid")
gap = np.abs(small.forward(X_tr) - constant_net.forward(X_tr)).max()
print(f"the 2-1-1-1 network (7 parameters) against the constant-initialized 37: outputs equal within 1e-12: {gap < 1e-12}")
assert gap < 1e-12

# %% [markdown]
# **2. He for leaky ReLU.** A leaky ReLU with slope $a$ for $z < 0$ passes
# $\mathrm{E}[f(z)^2] = \tfrac12(1 + a^2)\mathrm{E}[z^2]$. What does the forward condition give for
# $\mathrm{Var}(w)$? Check it with `signals.propagate` (`activation="leaky_relu"`) at $a = 0.2$.
#
# :::{dropdown} Solution
# $\mathrm{Var}(w) = 2/((1 + a^2)\,n_{\text{in}})$, He et al.'s formula (at $a = 0$, He's; at $a = 1$,
# the linear 1/n_in). With nnbook's default slope 0.01 the difference from He is 0.01 %;
# at $a = 0.2$ it is 4 %, which over 30 layers compounds to a factor $1.04^{30} \approx 3$ in variance.
# :::
#
# **3. Uniform or normal?** Glorot's uniform and normal variants have the same variance. Do the
# per-layer stds differ in the lab? Do the histograms of layer 1?
#
# :::{dropdown} Solution
# The stds agree closely (the variance argument uses only the variance), and the first layer's
# net inputs are sums of 100 terms, normal by the central limit theorem either way. Only the
# weights' own histogram tells the two apart.
# :::
#
# **4. The width's role.** In the lab, fix He with ReLU and depth 30, and move the width from 100
# down to 2. What happens to the std across depth, and why is it noisier?
#
# :::{dropdown} Solution
# The expected gain per layer stays 1, but with a few units per layer the sample variance of
# $\sum_i w_i a_i$ fluctuates a lot from layer to layer, and the fluctuations multiply: the log
# std makes a random walk, and a narrow stack can die (all units of a layer negative on every
# input can happen), which He's argument, an average over wide layers, does not see.
# :::
#
# **5. Bias initialization.** scikit-learn draws the biases from the weights' range. In the
# Nielsen experiment, how large is the biases' share of Var(z) under the new initialization?
#
# :::{dropdown} Solution
# $\mathrm{Var}(z) = 500 \cdot \tfrac{1}{1000} + 1 = 1.5$: the bias contributes 1 of 1.5, two thirds. With
# zero biases (Kneusel's recommendation) the spread would be $\sqrt{0.5} \approx 0.71$.
# :::
#
# **6. Batch norm at inference.** Why can a trained batch-norm network not use the batch's own
# statistics on a single test sample? What does `batchnorm.batch_norm_inference` use instead,
# and what would `batch_norm` do with one row?
#
# :::{dropdown} Solution
# A batch of one has variance 0 and mean equal to the sample: every normalized value would be
# 0, whatever the input. Inference uses the population's mean and variance (Qiu's Alg. 5.2, in
# practice running averages kept during training); `batch_norm` refuses a batch of fewer than two rows.
# :::
#
# **7. Initialization at η = 0.5.** On the two moons, no initialization succeeds at η = 0.5 in
# 21 epochs. Is it dead units? Count, for the runs above, those whose second hidden layer is
# entirely dead after training (`net.dead_units`).
#
# :::{dropdown} Solution
# Nearly all of them, under each of the three initializations (the cell below counts): one
# large step pushes the net inputs of layer 2 negative on every training point, and no
# gradient reaches those units again. The failure of [chapter 2](02_two_moons.ipynb) at η = 0.5
# does not depend on where the weights start.
# :::

# %% tags=["hide-cell"]
at_half = moons.select(lr=0.5)
dead = np.array([at_half.dead_units(X_tr, model=k)[1].all() for k in range(at_half.K)]).reshape(3, 20)
print("runs at η = 0.5 whose layer 2 is entirely dead, of 20:", dict(zip(moon_inits, dead.sum(axis=1).tolist())))
assert np.all(dead.sum(axis=1) >= 15)

# %% [markdown]
# ## Sources
#
# - Kneusel, R. T. (2021). *Practical Deep Learning*, ch. 9, "Weight initialization": early
#   practice, scikit-learn's Glorot (`_init_coef`), Caffe-style Xavier, He; biases.
# - Qiu, X. *Neural Networks and Deep Learning*, ch. 5: §5.7.2 (preprocessing, the tanh unit),
#   §5.7.3 (batch normalization, Alg. 5.2, Eq. 5.89), §5.7.4 (initialization, Eqs. 5.90–5.101).
# - Nielsen, M. (2015). *Neural Networks and Deep Learning*, ch. 3, "Weight initialization":
#   the 1,000-input neuron (√501 and √(3/2)) and the MNIST comparison (86.43 % and 92.70 %).
# - Glassner, A. (2021). *Deep Learning: A Visual Approach*, ch. 14: the two-moons network and its
#   N(0, 0.05) initialization.
# - Glorot, X. & Bengio, Y. (2010). Understanding the difficulty of training deep feedforward
#   neural networks. AISTATS (Figs. 3–7: activations and gradients through depth).
# - He, K. et al. (2015). Delving deep into rectifiers. ICCV.
# - Ioffe, S. & Szegedy, C. (2015). Batch normalization. ICML.
