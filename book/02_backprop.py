# %% tags=["remove-cell", "nbval-skip"]
# Colab, or any Jupyter without nnbook: install it from the book's repository (about a minute).
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("nnbook") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "nnbook @ git+https://github.com/nnbook/nnbook"], check=True)

# %% [markdown]
# # Backpropagation
#
# A network learns by nudging each of its weights downhill on the error. To know which way
# is downhill it needs the derivative of the error with respect to every weight, and it needs
# all of them after every sample. Backpropagation computes them all in one backward sweep
# that costs about as much as the forward pass. This chapter derives it four times: by hand on
# tiny networks, with the chain rule, in matrix form for any multilayer perceptron, and as
# reverse-mode automatic differentiation. Each derivation is checked against the others and
# against finite differences. Then it trains a real classifier, Glassner's two-moons network,
# and takes apart his learning-rate experiment: what goes wrong when η is too large, why
# training stalls on a plateau, and how much of the book's story depends on the random seed.
#
# ## What you will learn
#
# - what an error and a *delta* are, and why a delta predicts the change in the error only
#   to first order;
# - backpropagation on Glassner's 2-2-2 network, number by number, and what one step of
#   gradient descent does for every learning rate;
# - the chain rule on Kneusel's chain network, and the matrix recursion
#   $\delta^{(l)} = f'(z^{(l)}) \odot \big(W^{(l+1)\top}\delta^{(l+1)}\big)$ for any MLP;
# - three ways to differentiate a program: numerically, symbolically and automatically, the
#   last in forward or reverse mode, and how to check a gradient;
# - why gradients vanish through chains of sigmoids;
# - how a 37-parameter network learns the two moons, why η = 0.5 kills it, why η = 0.01 sits
#   on a plateau close to logistic regression, and how often each outcome happens
#   over 20 seeds.
#
# Every number below is computed in the cell next to it. Cells that end in `assert` tie the
# code written here to the `nnbook` package and to the numbers in the sources.

# %%
import numpy as np
import matplotlib.pyplot as plt

import nnbook
from nnbook import activations, autodiff, gradcheck, losses, network, plots
from nnbook.network import MLP
from nnbook.train import train
from nnbook.widgets.two_moons import TwoMoonsLab, two_moons_figure

np.set_printoptions(precision=4, suppress=True)
plt.rcParams.update({"figure.figsize": (6, 4), "figure.dpi": 100, "font.size": 9})

# %% [markdown]
# ## Errors and deltas
#
# For one sample the network produces outputs $\hat y$, the label says what they should be,
# $y$, and an **error** (loss) $E(\hat y, y) \ge 0$ says how bad the mismatch is; zero means
# perfect. Training lowers the error summed (or averaged) over the training set.
#
# Now fix everything except the output $a$ of one neuron and ask: if $a$ moved by a small
# amount $\Delta a$, how much would $E$ move? To first order the answer is proportional to
# $\Delta a$, and the constant of proportionality is that neuron's **delta**,
#
# $$\delta = \frac{\partial E}{\partial a}, \qquad \Delta E \approx \delta\,\Delta a .$$
#
# A positive delta says "raising this output raises the error", a negative one says the
# opposite, and its size says how sensitive the error is. Backpropagation is nothing more
# than an efficient way to compute every neuron's delta, from which every weight's gradient
# follows in one multiplication.
#
# Glassner's first example (after Glassner 2021, Fig. 14-9) is a network with two outputs
# $P_1, P_2$, label $(1, 0)$, $P_2 = 0$ and the squared error
# $E = (P_1 - 1)^2 + (P_2 - 0)^2$, written *without* the factor ½ as in his figures. At
# $P_1 = -1$ the error is 4 and the slope of the curve is $2(P_1 - 1) = -4$: that slope is
# output C's delta, $C_\delta = -4$.

# %%
def E_P1(p1, p2=0.0):
    """Glassner's squared error for label (1, 0), without the 1/2."""
    return (p1 - 1.0) ** 2 + (p2 - 0.0) ** 2


p1 = -1.0
delta_C = 2 * (p1 - 1.0)              # dE/dP1
steps = np.array([0.01, 0.02, -0.1, 0.5, 1.0])
predicted = delta_C * steps           # first-order prediction of the change in E
actual = E_P1(p1 + steps) - E_P1(p1)
print(f"E = {E_P1(p1):g}, C_delta = {delta_C:g}")
print(" step   predicted dE   actual dE")
for s, p, a in zip(steps, predicted, actual):
    print(f"{s:+5.2f}   {p:+10.4f}   {a:+9.4f}")

# %%
assert E_P1(p1) == 4.0 and delta_C == -4.0
assert np.allclose(actual, [-0.0399, -0.0796, 0.41, -1.75, -3.0])
# the prediction misses by exactly step**2 (the curve's curvature): first order only
assert np.allclose(actual - predicted, steps ** 2)

# %% tags=["hide-input"]
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(7, 3.2), layout="constrained")
grid = np.linspace(-3, 3, 200)
ax.plot(grid, E_P1(grid), color="k", label="$E(P_1) = (P_1 - 1)^2$")
ax.plot([-2, 0.5], E_P1(p1) + delta_C * (np.array([-2, 0.5]) - p1), color="C2",
        label=r"tangent, slope $C_\delta = -4$")
ax.plot(p1, E_P1(p1), "o", color="C1")
ax.plot(p1 + 0.5, E_P1(p1 + 0.5), "s", color="C0", label="actual after step +0.5")
ax.plot(p1 + 0.5, E_P1(p1) + delta_C * 0.5, "x", color="C3", ms=8, label="predicted after step +0.5")
ax.set(xlabel="$P_1$", ylabel="error $E$", ylim=(-1, 16), title="A delta is the slope of the error")
ax.legend(fontsize=7)
hs = np.logspace(-3, 0, 30)
ax2.loglog(hs, np.abs(E_P1(p1 + hs) - E_P1(p1) - delta_C * hs), color="C3")
ax2.set(xlabel="step size $|\\Delta P_1|$", ylabel="|actual − predicted| change",
        title="The miss grows like the step squared")
ax2.grid(alpha=0.3)
plt.show()

# %% [markdown]
# The linear prediction is excellent for small steps and poor for large ones: a step of +1
# is predicted to bring the error to 0, but the error is really 1 (the right panel shows the
# miss is exactly $\Delta P_1^2$, the curvature term the tangent ignores). This is the whole
# reason learning rates must be small: a gradient only describes the error *near* the
# current weights.

# %% [markdown]
# ## Glassner's 2-2-2 network, number by number
#
# Glassner's tiny network (after Glassner 2021, Figs. 14-5 and 14-6) has inputs $X, Y$,
# hidden neurons $A, B$ and output neurons $C, D$, fully connected, with no activation
# functions and no biases, so every neuron just adds up its weighted inputs. A weight is
# named by the two neurons it joins: $XA$ carries $X$ into $A$, $AC$ carries $A$ into $C$.
# The book never gives a complete numeric pass, so we use a fixture chosen to land exactly on
# the state of his Fig. 14-11 (outputs $P_1 = -0.5$, $P_2 = 1.5$ for label $(1, 0)$) and on
# $A_o = 2$ from his Figs. 14-16 and 14-18.
#
# ### Forward pass and error

# %%
X, Y = 1.0, 1.0
L1, L2 = 1.0, 0.0
w = dict(XA=1.5, YA=0.5, XB=0.5, YB=0.5, AC=0.25, BC=-1.0, AD=0.5, BD=0.5)


def glassner_forward(w, X=X, Y=Y):
    Ao = w["XA"] * X + w["YA"] * Y
    Bo = w["XB"] * X + w["YB"] * Y
    Co = w["AC"] * Ao + w["BC"] * Bo
    Do = w["AD"] * Ao + w["BD"] * Bo
    return Ao, Bo, Co, Do


def glassner_error(w):
    *_, Co, Do = glassner_forward(w)
    return (Co - L1) ** 2 + (Do - L2) ** 2   # no 1/2, as in Glassner's figures


Ao, Bo, Co, Do = glassner_forward(w)
E = glassner_error(w)
print(f"Ao = {Ao:g}, Bo = {Bo:g}, Co = P1 = {Co:g}, Do = P2 = {Do:g}, E = {E:g}")

# %% [markdown]
# ### Deltas, from the outputs back
#
# The output deltas are the slopes of the error with respect to each output, here
# $C_\delta = \partial E/\partial C_o = 2(C_o - L_1)$ and $D_\delta = 2(D_o - L_2)$. A hidden
# neuron's output reaches the error only through the neurons it feeds, so its delta is the
# sum of *their* deltas, each weighted by the connecting weight (after Glassner 2021,
# Fig. 14-19): $A_\delta = AC\cdot C_\delta + AD\cdot D_\delta$. Forward, a weight multiplies
# an output on its way right; backward, the same weight multiplies a delta on its way left.
#
# :::{admonition} Correcting the source: the sign of the output delta
# :class: warning
# Glassner's Fig. 14-12 defines the output delta of the quadratic cost as "label minus
# output", $L - C_o$, and combines it with the update $w \leftarrow w - \eta\, a\, \delta$.
# That pair climbs the error. For $E = \tfrac12(C_o - L)^2$ the derivative is
# $\partial E/\partial C_o = C_o - L$ (output minus label); without the ½, $2(C_o - L)$, which
# is what his own Fig. 14-9 shows ($-4$ at $P_1 = -1$). This chapter defines every delta as
# a derivative, $\delta = \partial E/\partial(\cdot)$, and always *subtracts* $\eta$ times the
# gradient. (The classic Widrow–Hoff convention $\delta = L - o$ is consistent too, but only
# with the update $w \leftarrow w + \eta\, a\,\delta$.) The first cell under *One update*
# below takes a step with each sign.
# :::

# %%
C_delta = 2 * (Co - L1)
D_delta = 2 * (Do - L2)
A_delta = w["AC"] * C_delta + w["AD"] * D_delta
B_delta = w["BC"] * C_delta + w["BD"] * D_delta
print(f"C_delta = {C_delta:g}, D_delta = {D_delta:g}, A_delta = {A_delta:g}, B_delta = {B_delta:g}")

# a weight's gradient is (output of the neuron it leaves) x (delta of the neuron it enters)
outputs = dict(X=X, Y=Y, A=Ao, B=Bo)
deltas = dict(A=A_delta, B=B_delta, C=C_delta, D=D_delta)
grad = {name: outputs[name[0]] * deltas[name[1]] for name in w}
print("dE/dw:", {k: float(v) for k, v in grad.items()})

# %%
assert (Ao, Bo, Co, Do, E) == (2.0, 1.0, -0.5, 1.5, 4.5)
assert (C_delta, D_delta, A_delta, B_delta) == (-3.0, 3.0, 0.75, 4.5)
assert grad == dict(XA=0.75, YA=0.75, XB=4.5, YB=4.5, AC=-6.0, BC=-3.0, AD=6.0, BD=3.0)

# nnbook's mean-squared error carries the 1/2 (see its docstring): E = 2 * mse, deltas = 2 * mse_grad
out, target = np.array([[Co, Do]]), np.array([[L1, L2]])
assert np.isclose(2 * losses.mse(out, target), E)
assert np.allclose(2 * losses.mse_grad(out, target), [[C_delta, D_delta]])

# every gradient agrees with central finite differences
names = list(w)
theta = np.array([w[k] for k in names])
numeric = gradcheck.numerical_gradient(lambda: glassner_error(dict(zip(names, theta))), theta)
assert gradcheck.relative_error([grad[k] for k in names], numeric) < 1e-9

# %% [markdown]
# The deltas are Glassner's numbers: $C_\delta = -3$ matches his Fig. 14-11, and $D_\delta$
# is exactly $+3$ (the book's "about 2.5" is the slope of a secant, not of the tangent, and
# its arithmetic "1.25 / −0.5 = 2.5" drops a sign: it is $(-1.25)/(-0.5)$).
#
# ### One update, and what a delta predicts
#
# With every gradient in hand, one step of gradient descent moves all eight weights at once,
# $w \leftarrow w - \eta\,\partial E/\partial w$. To first order the error then drops by
# $\eta\,\lVert\nabla E\rVert^2$. The next cell takes the step for $\eta = 0.01$ and
# $\eta = 0.05$, and also the step with the book's sign.

# %%
def step(w, eta, grad=grad, sign=-1.0):
    return {k: w[k] + sign * eta * grad[k] for k in w}


g2 = sum(v * v for v in grad.values())     # ||grad E||^2
for eta in (0.01, 0.05):
    print(f"eta = {eta}: E {E:g} -> {glassner_error(step(w, eta)):.6f} "
          f"(first-order prediction {E - eta * g2:.5f})")

# Glassner's sign: delta = label - output, then subtract
book_grad = {k: -v for k, v in grad.items()}   # every delta, hence every gradient, flips sign
print(f"book's sign, eta = 0.01: E {E:g} -> {glassner_error(step(w, 0.01, book_grad)):.6f}")

# and a perturbation m of A's output changes E by about m * A_delta
for m in (0.1, 0.01):
    Co_m, Do_m = w["AC"] * (Ao + m) + w["BC"] * Bo, w["AD"] * (Ao + m) + w["BD"] * Bo
    dE = (Co_m - L1) ** 2 + (Do_m - L2) ** 2 - E
    print(f"m = {m}: actual dE = {dE:.6f}, predicted m*A_delta = {m * A_delta:.6f}")

# %%
assert np.isclose(glassner_error(step(w, 0.01)), 3.299037, atol=1e-6)
assert np.isclose(glassner_error(step(w, 0.05)), 0.500583, atol=1e-6)
assert np.isclose(E - 0.05 * g2, -2.08125)        # an impossible negative error: first order fails
assert glassner_error(step(w, 0.01, book_grad)) > E   # the book's sign climbs the error

# %% [markdown]
# Even in this linear network the error is quadratic in the outputs (and, along the step, a
# quartic in $\eta$, as the sweep below shows), so the delta's prediction is only first
# order: $\eta = 0.05$ is predicted to reach an error of $-2.08$, which is impossible; the
# real error is 0.50. The book's "skip the update when the error is 0" is a rule about
# rounding, not about learning: with a sigmoid output and cross-entropy, as in the classifier
# below, the error of a sample is never exactly 0 in exact arithmetic. In float64 a *computed*
# error can be 0, and what that says about the gradient depends on the label. For a label 1,
# once $z$ is above about 36.7, $1 + e^{-z}$ rounds to 1, so $p = \sigma(z)$ *is* 1.0: a
# plain $-\ln p$ gives 0 and the gradient $p - y$ is exactly 0 too, and skipping the update
# changes nothing. For a label 0 it is different. Float64 represents $\sigma(z)$ down to
# $z \approx -745$, so $p - y = p$ stays positive, but $1 - p$ rounds to 1 once $z$ is below
# about $-37.4$, and a plain $-\ln(1 - p)$ is then exactly 0: skipping "zero-error" samples
# would skip a real, if tiny, gradient. The loss computed from the logit,
# $\ln(1 + e^{-|m|}) + \max(-m, 0)$ with $m$ the logit signed toward the true class, never
# rounds to 0 before $m$ reaches about 745. The trained classifier below counts both kinds.
#
# ### The one-step learning-rate sweep
#
# How far should that one step go? After a step of size $\eta$ along $-\nabla E$ each hidden
# output is linear in $\eta$, each output (a product of two such factors) is quadratic, and
# the error is a quartic polynomial in $\eta$. Five exact evaluations determine it, and its
# roots tell where one step stops helping.

# %%
etas = np.linspace(0, 0.3, 301)
E_after = np.array([glassner_error(step(w, eta)) for eta in etas])
quartic = np.polynomial.Polynomial.fit(etas[::75], E_after[::75], 4).convert()
assert np.allclose(quartic(etas), E_after)                 # it really is a quartic in eta
best = etas[np.argmin(E_after)]
crossings = [r.real for r in (quartic - E).roots() if abs(r.imag) < 1e-12 and r.real > 1e-9]
overshoot = min(crossings)
print(f"best single step: eta = {best:.3f}, E = {E_after.min():.3f}")
print(f"one step makes the error worse for eta > {overshoot:.4f}")
print("E after one step:", {float(e): round(float(glassner_error(step(w, e))), 3)
                            for e in (0.01, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25)})

# %%
assert np.isclose(best, 0.078) and 0.03 < E_after.min() < 0.04
assert 0.201 < overshoot < 0.202
assert glassner_error(step(w, 0.25)) > E > glassner_error(step(w, 0.2))

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6, 3.6), layout="constrained")
ax.plot(etas, E_after, color="C0", lw=2, label="error after one step")
ax.plot(etas, E - etas * g2, color="C3", ls="--", label=r"first-order prediction $E - \eta\|\nabla E\|^2$")
ax.axhline(E, color="0.5", lw=0.8, label=f"error before the step ({E:g})")
ax.axvline(overshoot, color="C1", ls=":", label=f"overshoot beyond η = {overshoot:.3f}")
ax.plot(best, E_after.min(), "o", color="C2", label=f"best step, η ≈ {best:.2f}")
ax.set(xlabel="learning rate η", ylabel="error $E$", ylim=(-1, 8),
       title="One gradient step on Glassner's 2-2-2 network")
ax.legend(fontsize=7, loc="upper center")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# The picture is the learning-rate story of the whole book in one step: too small wastes
# progress, around 0.08 is best, beyond about 0.2 the step overshoots the valley and lands
# higher than it started, and the straight first-order line is only trustworthy near
# $\eta = 0$.

# %% [markdown]
# ## The chain rule on a chain network
#
# Kneusel builds the same idea from calculus (after Kneusel 2021, Fig. 9-3). His chain network
# has one input $x$, two hidden neurons $h_1, h_2$ and an output $y$, joined by single
# weights, with identity activations and no biases: $h_1 = w_1 x$, $h_2 = w_2 h_1$,
# $y = w_3 h_2$. The loss is $\mathcal L = \tfrac12 (y - \hat y)^2$; in Kneusel's notation
# $y$ is the network's output and $\hat y$ the target (the reverse of the usual hats), and
# the ½ only cancels the 2 of the derivative. The chain rule
# $\frac{dz}{dx} = \frac{dz}{dy}\frac{dy}{dx}$ gives
#
# $$
# \frac{\partial\mathcal L}{\partial w_3} = \underbrace{(y-\hat y)}_{\partial\mathcal L/\partial y}\,h_2,\qquad
# \frac{\partial\mathcal L}{\partial w_2} = (y-\hat y)\,w_3\,h_1,\qquad
# \frac{\partial\mathcal L}{\partial w_1} = (y-\hat y)\,w_3\,w_2\,x .
# $$
#
# Read from left to right, each product starts with all but the last factor of the one
# before:
# $\partial\mathcal L/\partial h_2 = (y - \hat y) w_3$ is computed once and reused for $w_2$
# and, times $w_2$, for $w_1$. Computing the products from the output backward, and keeping
# each partial product, is backpropagation. The numbers below ($x = 1.5$, $w = (0.8, -0.5,
# 1.2)$, target 2) are a worked case of our own; Kneusel gives only symbols.

# %%
x_c, target_c, eta_c = 1.5, 2.0, 0.1
w1, w2, w3 = 0.8, -0.5, 1.2

h1 = w1 * x_c                      # forward
h2 = w2 * h1
y_c = w3 * h2
loss_c = 0.5 * (y_c - target_c) ** 2

dL_dy = y_c - target_c             # backward: each line reuses the one above
dL_dh2 = dL_dy * w3
dL_dh1 = dL_dh2 * w2
g_w3, g_w2, g_w1 = dL_dy * h2, dL_dh2 * h1, dL_dh1 * x_c
print(f"forward:  h1 = {h1:.4g}, h2 = {h2:.4g}, y = {y_c:.4g}, loss = {loss_c:.4f}")
print(f"backward: dL/dy = {dL_dy:.4g}, dL/dh2 = {dL_dh2:.4g}, dL/dh1 = {dL_dh1:.4g}")
print(f"gradients: dL/dw1 = {g_w1:.4f}, dL/dw2 = {g_w2:.4f}, dL/dw3 = {g_w3:.4f}")


def chain_loss(ws):
    return 0.5 * (ws[2] * ws[1] * ws[0] * x_c - target_c) ** 2


ws = np.array([w1, w2, w3])
ws_new = ws - eta_c * np.array([g_w1, g_w2, g_w3])
print(f"after one step with eta = {eta_c}: w = ({ws_new[0]:.5g}, {ws_new[1]:.5g}, {ws_new[2]:.5g}), "
      f"loss = {chain_loss(ws_new):.5f}")

# %%
assert np.isclose(loss_c, 3.6992)
assert np.allclose([g_w1, g_w2, g_w3], [2.448, -3.9168, 1.632])
assert np.allclose(gradcheck.numerical_gradient(lambda: chain_loss(ws), ws), [g_w1, g_w2, g_w3])
assert np.allclose(ws_new, [0.5552, -0.10832, 1.0368]) and np.isclose(chain_loss(ws_new), 2.19143, atol=1e-5)

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6.5, 2.6), layout="constrained")
nodes = {"x": (0, x_c, None), "h₁": (1, h1, dL_dh1), "h₂": (2, h2, dL_dh2), "y": (3, y_c, dL_dy)}
for name, (i, value, adj) in nodes.items():
    ax.add_patch(plt.Circle((i * 2.2, 0), 0.42, color="C0", alpha=0.25))
    ax.text(i * 2.2, 0, name, ha="center", va="center", fontsize=12)
    ax.text(i * 2.2, 0.62, f"value {value:.3g}", ha="center", color="C0")
    if adj is not None:
        ax.text(i * 2.2, -0.66, f"∂L/∂{name} = {adj:.3g}", ha="center", color="C3")
for i, (wname, wv, gv) in enumerate([("w₁", w1, g_w1), ("w₂", w2, g_w2), ("w₃", w3, g_w3)]):
    ax.annotate("", xy=(i * 2.2 + 1.75, 0.08), xytext=(i * 2.2 + 0.45, 0.08),
                arrowprops=dict(arrowstyle="->", color="C0"))
    ax.annotate("", xy=(i * 2.2 + 0.45, -0.12), xytext=(i * 2.2 + 1.75, -0.12),
                arrowprops=dict(arrowstyle="->", color="C3"))
    ax.text(i * 2.2 + 1.1, 0.22, f"{wname} = {wv:g}", ha="center", fontsize=8)
    ax.text(i * 2.2 + 1.1, -0.34, f"∂L/∂{wname} = {gv:.4g}", ha="center", fontsize=8, color="C3")
ax.text(3 * 2.2 + 0.6, 0, f"L = ½(y − {target_c:g})²\n= {loss_c:.4f}", va="center", fontsize=9)
ax.set(xlim=(-0.6, 8.3), ylim=(-1.0, 0.95), aspect="equal",
       title="Kneusel's chain network: values forward (blue), derivatives backward (red)")
ax.axis("off")
plt.show()

# %% [markdown]
# ## Backpropagation in matrix form
#
# For a general multilayer perceptron we stack the neurons of a layer into vectors (after
# Kneusel 2021, Fig. 9-4 and "Backprop, Take 2"). With the book's conventions ([chapter 0](00_neurons.ipynb))
# layer $l$ computes $z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}$ and $a^{(l)} = f_l(z^{(l)})$,
# where $W^{(l)}$ has shape $(n_l, n_{l-1})$ and $a^{(0)} = x$: $W^{(l)}_{jk}$ is the weight
# *to* unit $j$ of layer $l$ *from* unit $k$ of layer $l - 1$, `W[to, from]`. Kneusel's
# Fig. 9-4 names weights in the opposite order, $w^{(i)}_{jk}$ from node $j$ of layer
# $i - 1$ to node $k$ of layer $i$: the edge it highlights, $w^{(2)}_{20}$ from node 2 of
# layer 1 to node 0 of layer 2, is our $W^{(2)}_{02}$.
# Define the delta of a layer as the derivative of the loss with respect to its *net input*
# (Kneusel's and Qiu's $\delta$; Glassner's delta is with respect to the output, which is the
# same thing when there is no activation):
#
# $$\delta^{(l)} = \frac{\partial \mathcal L}{\partial z^{(l)}} .$$
#
# Then, with $\odot$ the elementwise (Hadamard) product,
#
# $$
# \begin{aligned}
# \delta^{(L)} &= \nabla_{a^{(L)}}\mathcal L \odot f_L'(z^{(L)}), \\
# \delta^{(l)} &= f_l'(z^{(l)}) \odot \big(W^{(l+1)\top}\delta^{(l+1)}\big), \\
# \frac{\partial\mathcal L}{\partial W^{(l)}} &= \delta^{(l)}\,a^{(l-1)\top}, \qquad
# \frac{\partial\mathcal L}{\partial b^{(l)}} = \delta^{(l)} .
# \end{aligned}
# $$
#
# The transpose is Glassner's "weights work in both directions": $W^{(l+1)}$ maps $n_l$
# outputs forward to $n_{l+1}$ net inputs, $W^{(l+1)\top}$ maps $n_{l+1}$ deltas back to
# $n_l$. The backward pass therefore costs about the same as the forward pass. For a sigmoid
# output with binary cross-entropy, and for softmax with cross-entropy, the output delta
# simplifies to $\delta^{(L)} = \hat y - y$ (the output unit and its loss are paired so; a chapter on losses is in preparation). With a batch of $n$ samples in the
# rows of $A^{(l)}$, the deltas are rows too and the weight gradient is a sum over samples,
# $\Delta^{(l)\top} A^{(l-1)}$ (divided by $n$ for a mean loss).
#
# Here it is from scratch. The forward pass is [chapter 0](00_neurons.ipynb)'s `nnbook.network.forward`; the
# backward pass is the three equations above.

# %%
def backprop(weights, biases, acts, x, y, loss_grad):
    """Gradients of a loss for an MLP, by the matrix recursion (x, y: samples in rows).

    ``loss_grad(out, y)`` is dL/d(out); ``acts`` one activation per layer.
    Returns (dL/dW per layer, dL/db per layer, delta per layer).
    """
    acts = [activations.get(f) for f in acts]
    zs, outs = network.forward(x, weights, biases, acts, return_all=True)
    delta = loss_grad(outs[-1], y) * acts[-1].df(zs[-1])          # output layer
    grads_W, grads_b, deltas = [], [], []
    for l in reversed(range(len(weights))):
        deltas.insert(0, delta)
        grads_W.insert(0, delta.T @ outs[l])                        # sum over samples of delta a^T
        grads_b.insert(0, delta.sum(axis=0))
        if l > 0:
            delta = acts[l - 1].df(zs[l - 1]) * (delta @ weights[l])  # f'(z) * W^T delta
    return grads_W, grads_b, deltas


# Glassner's 2-2-2 network in matrices: rows are the receiving neurons
W1 = np.array([[w["XA"], w["YA"]], [w["XB"], w["YB"]]])
W2 = np.array([[w["AC"], w["BC"]], [w["AD"], w["BD"]]])
zero_b = [np.zeros(2), np.zeros(2)]
sse_grad = lambda out, y: 2 * (out - y)      # Glassner's error without the 1/2
gW, gb, ds = backprop([W1, W2], zero_b, ["identity", "identity"], np.array([[X, Y]]),
                      np.array([[L1, L2]]), sse_grad)
print("deltas of A, B:", ds[0], " deltas of C, D:", ds[1])
print("dE/dW1 =\n", gW[0], "\ndE/dW2 =\n", gW[1])

# %%
assert np.allclose(ds[0], [[A_delta, B_delta]]) and np.allclose(ds[1], [[C_delta, D_delta]])
assert np.allclose(gW[0], [[grad["XA"], grad["YA"]], [grad["XB"], grad["YB"]]])
assert np.allclose(gW[1], [[grad["AC"], grad["BC"]], [grad["AD"], grad["BD"]]])

# nnbook's MLP does the same; its "mse" carries the 1/2, so its gradients are half of Glassner's
glassner_net = MLP.from_weights([W1, W2], activation="identity", output="identity")
E_half, g_nn = glassner_net.gradient(np.array([[X, Y]]), np.array([[L1, L2]]), loss="mse")
assert np.isclose(2 * E_half[0], E)
assert all(np.allclose(2 * a[0], b) for a, b in zip(g_nn.weights, gW))
assert all(np.allclose(2 * a[0], b) for a, b in zip(g_nn.deltas, ds))

# %% [markdown]
# The matrix recursion reproduces every number of the hand computation. Now a less trivial
# network: Glassner's larger example has inputs $X, Y$, hidden layers of 2, 4 and 3 neurons
# and 2 outputs (after Glassner 2021, Figs. 14-22 to 14-26). We give it sigmoid hidden units,
# a softmax output and cross-entropy loss, a batch of 8 random samples, and compare the
# from-scratch gradients with finite differences and with `nnbook`'s `MLP`, which the rest
# of the book uses.

# %%
rng = np.random.default_rng(2)
sizes = [2, 2, 4, 3, 2]
Ws = [rng.normal(0, 1, (n_out, n_in)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
bs = [rng.normal(0, 0.5, n_out) for n_out in sizes[1:]]
acts5 = ["sigmoid", "sigmoid", "sigmoid", "identity"]   # softmax lives in the loss, on the logits
xb = rng.normal(size=(8, 2))
yb = losses.one_hot(rng.integers(0, 2, 8), 2)

gW5, gb5, ds5 = backprop(Ws, bs, acts5, xb, yb, losses.cross_entropy_grad)


def ce_loss():
    return losses.cross_entropy(network.forward(xb, Ws, bs, acts5), yb)


errors = [gradcheck.check_gradient(ce_loss, g, p) for g, p in zip(gW5 + gb5, Ws + bs)]
print(f"{len(errors)} gradient arrays, each within a relative error of 1e-7 "
      f"of central differences: {max(errors) < 1e-7}")

# %%
assert max(errors) < 1e-7
# the from-scratch backprop equals nnbook's MLP, layer by layer
net5 = MLP.from_weights(Ws, bs, activation="sigmoid", output="softmax")
loss5, g5 = net5.gradient(xb, yb, loss="cross_entropy")
assert np.isclose(loss5[0], ce_loss())
assert all(np.allclose(a[0], b) for a, b in zip(g5.weights, gW5))
assert all(np.allclose(a[0], b) for a, b in zip(g5.biases, gb5))
assert all(np.allclose(a[0], b) for a, b in zip(g5.deltas, ds5))

# %% tags=["hide-input"]
def draw_deltas(ax, sizes, deltas, gWs, title):
    """Neurons coloured by the size of their delta, edges by the size of their weight's gradient."""
    n = deltas[0].shape[0]
    d_all = [n * np.mean(np.abs(d), axis=0) for d in deltas]     # per sample (the loss is a mean)
    vmax = max(np.concatenate(d_all).max(), 1e-12)
    gmax = max(np.abs(g).max() for g in gWs)
    pos = [np.linspace(-(n - 1) / 2, (n - 1) / 2, n) for n in sizes]
    for l, g in enumerate(gWs):
        for j in range(g.shape[0]):
            for k in range(g.shape[1]):
                ax.plot([l, l + 1], [pos[l][k], pos[l + 1][j]], color="C3",
                        lw=0.4 + 3 * abs(g[j, k]) / gmax, alpha=0.7, zorder=1)
    ax.scatter(np.zeros(sizes[0]), pos[0], s=260, color="0.85", edgecolor="k", zorder=2)
    for l in range(1, len(sizes)):
        sc = ax.scatter(np.full(sizes[l], l), pos[l], s=260, c=d_all[l - 1], cmap="Reds",
                        vmin=0, vmax=vmax, edgecolor="k", zorder=2)
    ax.figure.colorbar(sc, ax=ax, label="|δ| = |∂L/∂z| per sample (batch mean)", shrink=0.8)
    ax.set_xticks(range(len(sizes)), ["input"] + [f"layer {l}" for l in range(1, len(sizes))])
    ax.set_yticks([])
    ax.set_title(title)
    for s in ax.spines.values():
        s.set_visible(False)


fig, ax = plt.subplots(figsize=(6, 3.6), layout="constrained")
draw_deltas(ax, sizes, ds5, gW5, "Deltas flow backward (a 2-2-4-3-2 net, after Glassner Fig. 14-22)")
plt.show()

# %% [markdown]
# Each edge's width is the size of its weight's gradient, $\lvert\delta_j a_k\rvert$: large
# where a strongly active neuron feeds a neuron with a large delta. Note how the deltas
# shrink toward the input; we come back to that under *vanishing gradients*.

# %% [markdown]
# ## Automatic differentiation
#
# Backpropagation is one instance of a general idea. A program that computes a number from
# inputs is a chain of primitive operations ($+$, $\times$, $\exp$, $1/u$, …) whose
# derivatives we know; its derivative is assembled from theirs by the chain rule. Qiu (§5.4)
# sorts the ways to get a derivative out of a program into three families: numerical
# differentiation, symbolic differentiation and automatic differentiation, the last in
# forward and in reverse mode.
#
# ### Numerical differentiation
#
# The simplest needs no calculus at all: nudge the input and watch the output,
#
# $$
# f'(x) \approx \frac{f(x+h) - f(x)}{h} \quad\text{(forward)}, \qquad
# f'(x) \approx \frac{f(x+h) - f(x-h)}{2h} \quad\text{(central)} .
# $$
#
# Taylor's theorem says the forward difference is off by about $\tfrac h2 f''(x)$
# (truncation error $O(h)$), the central one by $\tfrac{h^2}{6}f'''(x)$ ($O(h^2)$). Shrinking
# $h$ helps only until rounding takes over: $f(x \pm h)$ carry relative errors of about
# $\varepsilon \approx 2.2\times10^{-16}$, which the division by $h$ magnifies to about
# $\varepsilon/h$. We test both on $\sigma'(1)$, whose exact value is $\sigma(1)(1-\sigma(1))$.
# (At $z = 0$, Qiu's worked point, $\sigma''(0) = 0$ and both schemes err alike, so $z = 1$ is
# the better test.)

# %%
def forward_diff(f, x, h):
    return (f(x + h) - f(x)) / h


def central_diff(f, x, h):
    return (f(x + h) - f(x - h)) / (2 * h)


sigma, dsigma = activations.sigmoid, activations.d_sigmoid
hs = np.logspace(-13, -1, 49)
exact = dsigma(1.0)
err_fwd = np.abs(forward_diff(sigma, 1.0, hs) - exact)
err_ctr = np.abs(central_diff(sigma, 1.0, hs) - exact)
for h in (1e-1, 1e-2, 1e-3):
    print(f"h = {h:.0e}: forward error {abs(forward_diff(sigma, 1.0, h) - exact):.1e}, "
          f"central error {abs(central_diff(sigma, 1.0, h) - exact):.1e}")

# nnbook.gradcheck computes the same differences on arrays (perturbing in place)
z1 = np.array([1.0])
assert np.isclose(gradcheck.forward_difference(lambda: sigma(z1[0]), z1, 1e-2)[0], forward_diff(sigma, 1.0, 1e-2))
assert np.isclose(gradcheck.numerical_gradient(lambda: sigma(z1[0]), z1, 1e-2)[0], central_diff(sigma, 1.0, 1e-2))

# %%
trunc = hs >= 1e-3        # where truncation error dominates: fit the slopes on a log-log scale
slope_fwd = np.polyfit(np.log10(hs[trunc]), np.log10(err_fwd[trunc]), 1)[0]
slope_ctr = np.polyfit(np.log10(hs[trunc]), np.log10(err_ctr[trunc]), 1)[0]
print(f"log-log slopes where truncation dominates: forward {slope_fwd:.2f}, central {slope_ctr:.2f}")
assert abs(slope_fwd - 1) < 0.05 and abs(slope_ctr - 2) < 0.05
assert np.isclose(abs(forward_diff(sigma, 1.0, 0.1) - exact), 4.6e-3, rtol=0.05)
assert np.isclose(abs(central_diff(sigma, 1.0, 0.1) - exact), 5.9e-5, rtol=0.05)
# the best h balances truncation against rounding: about eps^(1/2) forward, eps^(1/3) central
assert 1e-10 < hs[np.argmin(err_fwd)] < 1e-6 and 1e-7 < hs[np.argmin(err_ctr)] < 1e-3
assert err_ctr.min() < err_fwd.min() / 10

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6, 3.8), layout="constrained")
ax.loglog(hs, err_fwd, "o-", ms=3, label="forward difference")
ax.loglog(hs, err_ctr, "s-", ms=3, label="central difference")
eps = np.finfo(float).eps
ax.loglog(hs, eps * abs(sigma(1.0)) / hs, "k:", lw=1, label="rounding, about ε·f/h")
ax.loglog(hs[trunc], 0.5 * abs(dsigma(1.0) * (1 - 2 * sigma(1.0))) * hs[trunc], "k--", lw=0.8,
          label="h/2 · |f″|: slope 1")
ax.set(xlabel="step h", ylabel="absolute error of σ′(1)",
       title="Numerical derivatives: truncation (right) vs rounding (left)")
ax.legend(fontsize=7)
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# Right of the minimum, the errors fall with slopes 1 and 2, as the Taylor argument says;
# left of it they *rise* as $1/h$, because rounding dominates. The central difference is
# better by orders of magnitude at its best step (around $h \approx 10^{-5}$), which is why
# gradient checks use it. But a numerical gradient of a network with $P$ parameters costs
# $2P$ forward passes, and it is never exact: it checks gradients, it does not train with
# them.
#
# ### Symbolic differentiation
#
# A computer algebra system applies the rules of calculus to the *formula*: the sum rule,
# the product rule, $(e^u)' = e^u u'$, $(1/u)' = -u'/u^2$. Here is such a system in a dozen
# lines, on expressions written as nested tuples, applied to Qiu's example
# $f(x; w, b) = \sigma(wx + b) = 1/(e^{-(wx+b)} + 1)$.

# %%
def add(a, b):
    if a == 0: return b
    if b == 0: return a
    if isinstance(a, (int, float)) and isinstance(b, (int, float)): return a + b
    return ("+", a, b)


def mul(a, b):
    if a == 0 or b == 0: return 0
    if a == 1: return b
    if b == 1: return a
    if isinstance(a, (int, float)) and isinstance(b, (int, float)): return a * b
    return ("*", a, b)


def d(e, var):
    """The derivative of expression e with respect to the variable named var."""
    if isinstance(e, (int, float)): return 0
    if isinstance(e, str): return 1 if e == var else 0
    op, *args = e
    if op == "+": return add(d(args[0], var), d(args[1], var))
    if op == "*": return add(mul(d(args[0], var), args[1]), mul(args[0], d(args[1], var)))
    if op == "exp": return mul(e, d(args[0], var))
    if op == "inv": return mul(mul(-1, ("inv", mul(args[0], args[0]))), d(args[0], var))
    raise ValueError(f"unknown operation {op!r}")


def evaluate(e, env):
    if isinstance(e, (int, float)): return e
    if isinstance(e, str): return env[e]
    op, *args = e
    v = [evaluate(a, env) for a in args]
    return {"+": lambda: v[0] + v[1], "*": lambda: v[0] * v[1],
            "exp": lambda: np.exp(v[0]), "inv": lambda: 1 / v[0]}[op]()


def show(e):
    if not isinstance(e, tuple): return f"{e:g}" if isinstance(e, (int, float)) else e
    op, *args = e
    if op in "+*": return f"({show(args[0])} {op} {show(args[1])})"
    return f"{op}({show(args[0])})"


f_sym = ("inv", add(("exp", mul(-1, add(mul("w", "x"), "b"))), 1))
df_dw = d(f_sym, "w")
point = dict(x=1.0, w=0.0, b=0.0)
print("f      =", show(f_sym))
print("df/dw  =", show(df_dw))
print(f"at x = 1, w = 0, b = 0: f = {evaluate(f_sym, point):g}, df/dw = {evaluate(df_dw, point):g}")

# %%
assert evaluate(f_sym, point) == 0.5 and evaluate(df_dw, point) == 0.25
assert show(df_dw).count("exp(") == 3                       # e^-(wx+b), written out three times
for env in (dict(x=0.3, w=-1.2, b=0.7), dict(x=-2.0, w=0.4, b=0.1)):   # agrees with sigma' * x
    z = env["w"] * env["x"] + env["b"]
    assert np.isclose(evaluate(df_dw, env), dsigma(z) * env["x"])

# %% [markdown]
# The result is exact, but look at it: $f$ appears inside its own derivative (the
# `inv((exp(...) + 1) * (exp(...) + 1))` part) and $e^{-(wx+b)}$ is written out three
# times. A formula is a *tree*, so every reuse of a subexpression is a copy, and derivatives
# reuse a lot. The classic demonstration is the logistic map $l_{k+1} = 4\,l_k(1 - l_k)$,
# $l_1 = x$: as a program it is three operations per step, as a formula it doubles with
# every step, and so does its derivative.

# %%
def tree_size(e):
    return 1 + sum(tree_size(a) for a in e[1:]) if isinstance(e, tuple) else 1


ks = np.arange(1, 9)
l = "x"
formula_size, derivative_size = [], []
for k in ks:
    formula_size.append(tree_size(l))
    derivative_size.append(tree_size(d(l, "x")))
    l = mul(mul(4, l), add(1, mul(-1, l)))   # next step of the map
program_size = 3 * (ks - 1) + 1              # one input, three operations per step
print("steps k:         ", ks)
print("formula nodes:   ", np.array(formula_size))
print("derivative nodes:", np.array(derivative_size))
print("program nodes:   ", program_size)

# %%
assert formula_size[-1] > 30 * program_size[-1] and derivative_size[-1] > 2 * formula_size[-1]
assert all(b > 1.9 * a for a, b in zip(formula_size[2:], formula_size[3:]))   # doubles per step

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6, 3.4), layout="constrained")
ax.semilogy(ks, derivative_size, "o-", label="symbolic derivative (a tree)")
ax.semilogy(ks, formula_size, "s-", label="formula (a tree)")
ax.semilogy(ks, program_size, "^-", label="program (a graph; autodiff works on this)")
ax.set(xlabel="steps k of the logistic map $l_{k+1} = 4l_k(1-l_k)$", ylabel="number of nodes",
       title="Expression swell: formulas copy what programs share")
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# Symbolic differentiation gives exact formulas but they swell, and it cannot see through
# loops and branches unless it unrolls them. Automatic differentiation keeps the exactness
# and avoids the swell by working on the *program* (a graph that shares intermediate
# values) with *numbers*, not formulas.
#
# ### Forward and reverse mode on σ(wx + b)
#
# Qiu breaks $f(x; w, b) = \sigma(wx + b)$ into six primitive nodes (after Qiu, Fig. 5.8):
# $h_1 = xw$, $h_2 = h_1 + b$, $h_3 = -h_2$, $h_4 = e^{h_3}$, $h_5 = h_4 + 1$,
# $h_6 = 1/h_5 = f$. Each node knows its local derivative. The chain rule multiplies local
# derivatives along the path from $w$ to $f$; there are two orders in which to do it.
#
# - **Forward mode** carries a *tangent* $\dot h_k = \partial h_k/\partial w$ along with each
#   value, from the input to the output: $\dot h_k = \frac{\partial h_k}{\partial h_{k-1}}\dot h_{k-1}$,
#   starting from $\dot w = 1$. One sweep gives the derivative with respect to *one* input.
# - **Reverse mode** first computes all values, then carries an *adjoint*
#   $\bar h_k = \partial f/\partial h_k$ from the output back: $\bar h_{k-1} = \bar h_k
#   \frac{\partial h_k}{\partial h_{k-1}}$, starting from $\bar f = 1$. One sweep gives the
#   derivative of *one* output with respect to *every* input.

# %%
x0, w0, b0 = 1.0, 0.0, 0.0
h1_ = x0 * w0; h2_ = h1_ + b0; h3_ = -h2_; h4_ = np.exp(h3_); h5_ = h4_ + 1; h6_ = 1 / h5_
values = [w0, h1_, h2_, h3_, h4_, h5_, h6_]
local = [x0, 1.0, -1.0, np.exp(h3_), 1.0, -1 / h5_ ** 2]    # d h_k / d h_(k-1) along the w-path
node_names = ["w", "h1 = x w", "h2 = h1 + b", "h3 = -h2", "h4 = exp(h3)", "h5 = h4 + 1", "h6 = 1/h5"]

tangents = [1.0]                           # forward mode: seed dw/dw = 1
for loc in local:
    tangents.append(loc * tangents[-1])
adjoints = [1.0]                           # reverse mode: seed df/df = 1
for loc in reversed(local):
    adjoints.insert(0, loc * adjoints[0])

print(f"{'node':>12} {'value':>7} {'local':>7} {'tangent':>8} {'adjoint':>8}")
for name, v, loc, t, a in zip(node_names, values, [np.nan] + local, tangents, adjoints):
    print(f"{name:>12} {v + 0.0:7.3g} {loc:7.3g} {t:8.3g} {a:8.3g}")

# %%
assert local == [1.0, 1.0, -1.0, 1.0, 1.0, -0.25]          # Qiu's local derivatives
assert tangents[-1] == adjoints[0] == 0.25                 # df/dw both ways
assert np.isclose(dsigma(w0 * x0 + b0) * x0, 0.25)

# the same with nnbook.autodiff: forward mode (dual numbers) and reverse mode (a graph)
fw = (autodiff.Dual(w0, 1.0) * x0 + b0).sigmoid()
wv, bv, xv = autodiff.Value(w0), autodiff.Value(b0), autodiff.Value(x0)
f_rev = 1 / ((-(xv * wv + bv)).exp() + 1)
f_rev.backward()
print(f"Dual: df/dw = {fw.der:g};  Value: df/dw = {wv.grad:g}, df/db = {bv.grad:g}, df/dx = {xv.grad:g}")
assert fw.der == wv.grad == bv.grad == 0.25 and xv.grad == 0.0

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(7, 2.8), layout="constrained")
labels = ["w", "h₁=xw", "h₂=h₁+b", "h₃=−h₂", "h₄=exp h₃", "h₅=h₄+1", "h₆=1/h₅"]
for i, (lab, v, t, a) in enumerate(zip(labels, values, tangents, adjoints)):
    ax.add_patch(plt.Rectangle((i - 0.42, -0.3), 0.84, 0.6, color="C0", alpha=0.2))
    ax.text(i, 0.1, lab, ha="center", fontsize=8)
    ax.text(i, -0.15, f"= {v + 0.0:g}", ha="center", fontsize=8)
    ax.text(i, 0.55, rf"$\dot h$ = {t:g}", ha="center", color="C2", fontsize=8)
    ax.text(i, -0.6, rf"$\bar h$ = {a:g}", ha="center", color="C3", fontsize=8)
    if i:
        ax.annotate("", xy=(i - 0.42, 0.0), xytext=(i - 0.58, 0.0), arrowprops=dict(arrowstyle="->"))
        ax.text(i - 0.5, -0.95, f"{local[i - 1]:g}", ha="center", fontsize=8)
ax.text(-0.5, -0.95, "local:", ha="right", fontsize=8)
ax.text(-0.5, 0.55, "forward →", ha="right", color="C2", fontsize=8)
ax.text(-0.5, -0.6, "← reverse", ha="right", color="C3", fontsize=8)
ax.set(xlim=(-1.3, 6.6), ylim=(-1.15, 0.85), title="σ(wx + b) at x = 1, w = 0, b = 0: ∂f/∂w = 0.25 both ways")
ax.axis("off")
plt.show()

# %% [markdown]
# Both sweeps multiply the same local derivatives $1, 1, -1, 1, 1, -0.25$; only the order
# differs. For $f: \mathbb R^n \to \mathbb R^m$, forward mode needs $n$ sweeps for the full
# Jacobian and reverse mode $m$. A loss is one number computed from many parameters
# ($m = 1$, $n$ large), so reverse mode wins by a factor of $n$: **reverse-mode automatic
# differentiation applied to a network's loss is backpropagation**, and the adjoints of the
# net inputs are exactly the deltas.
#
# ### A tiny reverse-mode autodiff
#
# Reverse mode fits in a page. Each `Var` stores its value, the nodes it was computed from
# and the local derivative with respect to each; `backward` visits the graph in reverse
# topological order and adds $\bar h_{\text{child}} \cdot \partial h_{\text{child}}/\partial
# h_{\text{parent}}$ to each parent, summing over paths when a value is used twice.

# %%
import math


class Var:
    def __init__(self, value, parents=()):
        self.value, self.parents, self.grad = float(value), parents, 0.0   # parents: ((node, local), ...)

    def __add__(self, other):
        other = other if isinstance(other, Var) else Var(other)
        return Var(self.value + other.value, ((self, 1.0), (other, 1.0)))

    def __mul__(self, other):
        other = other if isinstance(other, Var) else Var(other)
        return Var(self.value * other.value, ((self, other.value), (other, self.value)))

    __radd__, __rmul__ = __add__, __mul__

    def __neg__(self):
        return Var(-self.value, ((self, -1.0),))

    def __sub__(self, other):
        return self + (-other)

    def exp(self):
        e = math.exp(self.value)
        return Var(e, ((self, e),))

    def inv(self):
        return Var(1 / self.value, ((self, -1 / self.value ** 2),))

    def backward(self):
        order, seen = [], set()

        def visit(node):                     # parents before children
            if id(node) not in seen:
                seen.add(id(node))
                for parent, _ in node.parents:
                    visit(parent)
                order.append(node)

        visit(self)
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):         # children before parents
            for parent, local_derivative in node.parents:
                parent.grad += local_derivative * node.grad


x_, w_, b_ = Var(1.0), Var(0.0), Var(0.0)
f_ = ((-(w_ * x_ + b_)).exp() + 1).inv()
f_.backward()
print(f"sigma(wx + b) = {f_.value:g}: df/dw = {w_.grad:g}, df/db = {b_.grad:g}, df/dx = {x_.grad:g}")

# Glassner's 2-2-2 network again, now differentiated by the tiny autodiff
wv = {k: Var(v) for k, v in w.items()}
Av, Bv = wv["XA"] * X + wv["YA"] * Y, wv["XB"] * X + wv["YB"] * Y
Cv, Dv = wv["AC"] * Av + wv["BC"] * Bv, wv["AD"] * Av + wv["BD"] * Bv
Ev = (Cv - L1) * (Cv - L1) + (Dv - L2) * (Dv - L2)
Ev.backward()
print(f"E = {Ev.value:g};", "dE/dw:", {k: v.grad for k, v in wv.items()})

# %%
assert (w_.grad, b_.grad, x_.grad) == (0.25, 0.25, 0.0)
assert {k: v.grad for k, v in wv.items()} == grad            # the hand-computed deltas
# and it agrees with nnbook.autodiff.Value on a function that reuses its inputs
p_, q_ = Var(0.3), Var(-1.7)
r_ = (p_ * q_ + p_.exp()) * (p_ - q_).inv()
r_.backward()
pv, qv = autodiff.Value(0.3), autodiff.Value(-1.7)
rv = (pv * qv + pv.exp()) * (pv - qv) ** -1
rv.backward()
assert np.isclose(r_.value, rv.data) and np.allclose([p_.grad, q_.grad], [pv.grad, qv.grad])

# %% [markdown]
# Nothing in `Var` knows about networks, yet it reproduces Glassner's eight gradients
# exactly: the deltas of the hand computation are the adjoints of $A_o, B_o, C_o, D_o$.
# `nnbook.autodiff.Value` is the same machine with more primitives (and an iterative
# topological sort, so deep graphs do not hit Python's recursion limit). Real frameworks
# record the graph at the level of whole arrays, not scalars, which is the matrix form of
# the previous section.

# %% [markdown]
# ## Checking the gradient of a whole network
#
# A backpropagation bug rarely crashes: the network still trains, only worse. The defence
# is a **gradient check**: compare every analytic partial derivative with a central
# difference. `nnbook.gradcheck` perturbs each parameter in place by $\pm\varepsilon$
# ($\varepsilon = 10^{-6}$) and reports
# $\max\lvert a - b\rvert / (\max\lvert a\rvert + \max\lvert b\rvert)$; around $10^{-7}$ or
# below means agreement in float64, $10^{-3}$ or above means a bug.
#
# We check `nnbook`'s backpropagation (`MLP.gradient`) on the two-moons network used in the
# rest of the chapter, 2 → 4 ReLU → 4 ReLU → 1 sigmoid, on 64 training points with binary
# cross-entropy (computed from the output's net input, so the output delta is the famous
# $\hat y - y$). Next to it we check a buggy from-scratch version that forgets the factor
# $f'(z)$ in the hidden layers, a classic slip: its forward pass is the true one, with
# ReLUs, and only its backward pass leaves $f'(z)$ out.

# %%
X_tr, y_tr, X_te, y_te = nnbook.data.two_moons(seed=0)
xs, ys = X_tr[:64], y_tr[:64, None].astype(float)
rng = np.random.default_rng(1)
moon_sizes = [2, 4, 4, 1]
moon_acts = ["relu", "relu", "identity"]          # identity on the logit; the sigmoid is in the loss
Wm = [nnbook.init.he_normal((n_out, n_in), rng) for n_in, n_out in zip(moon_sizes[:-1], moon_sizes[1:])]
bm = [rng.normal(0, 0.1, n_out) for n_out in moon_sizes[1:]]


def moon_loss():
    return losses.bce_logits(network.forward(xs, Wm, bm, moon_acts), ys)


def backprop_forgets_fprime(weights, biases, acts, x, y, loss_grad):
    """backprop() with the bug: the true forward pass, but no f'(z) in the hidden layers' deltas."""
    acts = [activations.get(f) for f in acts]
    zs, outs = network.forward(x, weights, biases, acts, return_all=True)
    delta = loss_grad(outs[-1], y) * acts[-1].df(zs[-1])
    grads_W, grads_b = [], []
    for l in reversed(range(len(weights))):
        grads_W.insert(0, delta.T @ outs[l])
        grads_b.insert(0, delta.sum(axis=0))
        if l > 0:
            delta = delta @ weights[l]                  # the bug: W^T delta, not f'(z) * W^T delta
    return grads_W, grads_b


moon_net = MLP.from_weights(Wm, bm, activation="relu", output="sigmoid")   # nnbook's network, same weights
moon_value, moon_grads = moon_net.gradient(xs, ys, loss="bce")             # nnbook's backprop
numeric = gradcheck.numerical_gradient(lambda: moon_net.loss(xs, ys, loss="bce")[0], moon_net.params)[0]
gW_bug, gb_bug = backprop_forgets_fprime(Wm, bm, moon_acts, xs, ys, losses.bce_logits_grad)
gW_mine, gb_mine, _ = backprop(Wm, bm, moon_acts, xs, ys, losses.bce_logits_grad)   # the same, with f'
g_ok = moon_grads.flat[0]
g_bug = MLP.from_weights(gW_bug, gb_bug).params[0]      # the buggy gradients in nnbook's parameter order
err_ok = gradcheck.relative_error(g_ok, numeric)
err_bug = gradcheck.relative_error(g_bug, numeric)
changed = [int(np.sum(a != b) + np.sum(c != d)) for a, b, c, d in zip(gW_mine, gW_bug, gb_mine, gb_bug)]
zs_m, outs_m = network.forward(xs, Wm, bm, moon_acts, return_all=True)
print(f"{numeric.size} parameters")
print(f"nnbook's backprop: relative error below 1e-7: {err_ok < 1e-7}")
print(f"forgotten f'(z):   relative error {err_bug:.2f}")
print(f"gradients the bug changes, layers 1, 2, 3: {changed} of {[W.size + b.size for W, b in zip(Wm, bm)]}")
print("units of hidden layer 2 active on all 64 points:", np.flatnonzero((zs_m[1] >= 0).all(axis=0)).tolist())

# %%
assert numeric.size == moon_net.n_params == network.count_parameters(moon_sizes) == 37
assert err_ok < 1e-7 and err_bug > 1e-2
assert np.isclose(moon_value[0], moon_loss())       # sigmoid + bce from the logits = bce_logits
# and this chapter's from-scratch backprop gives the same 37 numbers
assert np.allclose(MLP.from_weights(gW_mine, gb_mine).params[0], g_ok)
# the bug leaves the output layer exact (no f' there), changes 25 of the 32 parameters behind a ReLU
assert np.array_equal(gW_bug[-1], gW_mine[-1]) and np.array_equal(gb_bug[-1], gb_mine[-1])
assert changed == [12, 13, 0]
# a layer-2 gradient sums delta_j * a_k over the samples: it is spared exactly when no sample has
# unit j inactive (f' = 0, forgotten) and a_k nonzero
inactive2 = zs_m[1] < 0
spared_W2 = ~((inactive2.T.astype(float) @ (outs_m[1] != 0)) > 0)
assert np.array_equal(gW_bug[1] == gW_mine[1], spared_W2)
assert np.array_equal(gb_bug[1] == gb_mine[1], ~inactive2.any(axis=0))

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(5, 4), layout="constrained")
lim = 1.15 * max(np.abs(numeric).max(), np.abs(g_bug).max())
ax.plot([-lim, lim], [-lim, lim], color="0.6", lw=0.8)
ax.plot(numeric, g_ok, "o", ms=6, mfc="none", label="backprop (nnbook)")
ax.plot(numeric, g_bug, "x", color="C3", label="backprop without f′(z)")
ax.set(xlabel="central difference", ylabel="analytic gradient", xlim=(-lim, lim), ylim=(-lim, lim),
       title="Gradient check of all 37 parameters")
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# Correct gradients sit on the diagonal. The buggy backward pass still gets the five
# output-layer gradients exactly right, since no $f'(z)$ stands between them and the loss;
# it goes wrong behind the ReLUs, for all 12 parameters of the first layer and 13 of the 20
# of the second. The other seven are right by accident of this batch: each of their sums
# over the 64 samples only collects samples on which the receiving unit is active, where
# $f' = 1$ anyway (the first unit of the second hidden layer, for one, is active on all
# 64). A check on one batch can thus pass for some parameters of a buggy backprop; it
# catches the bug because most of them are wrong. Two caveats make real gradient checks
# slightly subtle. A central difference straddling a kink of ReLU (a net input within
# $\varepsilon$ of 0) measures the average of two slopes, so an isolated mismatch can be a
# false alarm. And the check costs two forward passes per parameter, so large networks
# check a random subset.
#
# ## Vanishing gradients
#
# The recursion $\delta^{(l)} = f'(z^{(l)}) \odot \big(W^{(l+1)\top}\delta^{(l+1)}\big)$
# multiplies the delta by one factor $f'$ per layer on its way back. The sigmoid's
# derivative is at most $\sigma'(0) = 0.25$, so through a chain of $L$ sigmoid units with
# weights of size at most 1 the delta shrinks at least like $0.25^L$ (after Qiu, §5.5): by
# $L = 10$ it is a millionth. Layers near the input then barely learn. Tanh has
# $\tanh'(0) = 1$ and ReLU has $f' = 1$ wherever it is active, so they lose much less.
#
# The experiment: a deep MLP with ten hidden layers of 16 units, weights drawn with the
# variance $1/n_{\text{in}}$ ($2/n_{\text{in}}$ for ReLU; a chapter on initialization, in preparation, explains these choices),
# a sigmoid output, and one backward pass of `nnbook`'s MLP on 256 two-moons points. We plot
# the size of each layer's weight gradient.

# %%
def layer_gradient_norms(act, depth=10, width=16, seed=0):
    rng = np.random.default_rng(seed)
    sizes = [2] + [width] * depth + [1]
    init = nnbook.init.he_normal if act == "relu" else nnbook.init.lecun_normal
    Ws = [init((n_out, n_in), rng) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    deep = MLP.from_weights(Ws, activation=act, output="sigmoid")          # biases 0
    _, g = deep.gradient(X_tr[:256], y_tr[:256], loss="bce")
    return np.array([np.linalg.norm(gW) for gW in g.weights])


norms = {act: layer_gradient_norms(act) for act in ("sigmoid", "tanh", "relu")}
for act, nrm in norms.items():
    print(f"{act:>8}: gradient norm, first layer / last layer = {nrm[0] / nrm[-1]:.1e}")
print("0.25^L for L = 2, 5, 10, 20:", [0.25 ** L for L in (2, 5, 10, 20)])

# %%
ratio = {act: nrm[0] / nrm[-1] for act, nrm in norms.items()}
assert ratio["sigmoid"] < 1e-4 < ratio["tanh"] and ratio["sigmoid"] < 1e-4 < ratio["relu"]
assert np.all(np.diff(np.log(norms["sigmoid"][:-1])) > 0)   # sigmoid: every layer back loses more
assert [0.25 ** L for L in (2, 5, 10)] == [0.0625, 0.0009765625, 9.5367431640625e-07]

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6, 3.6), layout="constrained")
layers = np.arange(1, 12)
for act, marker in zip(norms, "osd"):
    ax.semilogy(layers, norms[act], marker + "-", label=act)
ax.semilogy(layers, norms["sigmoid"][-1] * 0.25 ** (11 - layers), "k:", label="0.25 per layer")
ax.set(xlabel="layer (1 = next to the input, 11 = output)", ylabel="‖∂L/∂W‖",
       title="Gradients through ten hidden layers")
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# With sigmoids the gradient loses roughly a factor of four per layer, as the bound says,
# and the first layer's gradient is orders of magnitude smaller than the last one's. Tanh
# and ReLU, started at the right scale, keep it roughly level. This is why ReLU-family
# activations and careful initialization made deep networks trainable.

# %% [markdown]
# ## The two-moons classifier
#
# Now backpropagation does real work. Glassner's classifier (after Glassner 2021,
# Figs. 14-28 and 14-29) separates two interleaved half-moons. The protocol, which we
# follow exactly:
#
# - **data**: 2048 points from scikit-learn's `make_moons` with noise 0.08, split 75/25 into
#   1536 training and 512 test points, both standardized with the training set's mean and
#   standard deviation (`nnbook.data.two_moons`);
# - **network**: 2 inputs → 4 ReLU → 4 ReLU → 1 sigmoid, $2\cdot4 + 4\cdot4 + 4\cdot1 = 28$
#   weights and $4 + 4 + 1 = 9$ biases, **37 parameters**;
# - **initialization**: weights from $N(0, 0.05^2)$ (Keras's `normal` initializer, standard
#   deviation 0.05), biases 0;
# - **training**: binary cross-entropy, plain SGD with one sample per step, every epoch
#   visiting the 1536 points in a new random order.
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
print(f"training points: {X_tr.shape}, class 1 fraction {y_tr.mean():.3f}")
print(f"test points:     {X_te.shape}, class 1 fraction {y_te.mean():.3f}")
print(f"training set after standardizing: mean {np.round(X_tr.mean(axis=0), 6) + 0.0}, "
      f"std {np.round(X_tr.std(axis=0), 6)}")
assert X_tr.shape == (1536, 2) and X_te.shape == (512, 2)
assert np.allclose(X_tr.mean(axis=0), 0) and np.allclose(X_tr.std(axis=0), 1)

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
net = MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": 0.05}), seed=PINNED_SEED)
print(net, "parameters:", net.n_params)
hist = train(net, X_tr, y_tr, validation=(X_te, y_te), loss="bce", epochs=21, lr=0.05, batch_size=1,
             seed=0, snapshots=True)
print(hist.summary(digits=3))
for e in (0, 1, 4, 6, 7, 8, 10, 21):
    print(f"epoch {e:2d}: train acc {hist.train_acc[e, 0]:.3f}, test acc {hist.val_acc[e, 0]:.3f}, "
          f"train loss {hist.train_loss[e, 0]:.3f}")

# %%
two_moons_figure(net, hist, title="η = 0.05, seed 2: plateau, then the moons are separated")

# %% [markdown]
# The run tells the book's η = 0.05 story. After one epoch the network classifies about
# 88 % of the points correctly, and stays there for several epochs: that is a *plateau*.
# Then, within two epochs, the boundary bends around the tips of the moons and accuracy
# jumps to nearly 100 %. The weight history (top right) shows the reorganization: the
# output bias and a few weights drift during the plateau, then several weights move at
# once. The biggest grow far beyond the $[-1, 1]$ range of their start, as in the book's
# Fig. 14-35. The boundary is a polygon, as every ReLU network's is: each hidden unit
# contributes a straight crease.

# %%
e100 = int(np.argmax((hist.train_acc[:, 0] >= 0.995) & (hist.val_acc[:, 0] >= 0.995)))
plateau = hist.train_acc[1:6, 0]
print(f"plateau (epochs 1-5): train accuracy {plateau.min():.3f} to {plateau.max():.3f}")
print(f"first epoch with train and test accuracy >= 0.995: {e100}")
margin = net.forward_cache(X_tr)[1].z[-1][0, :, 0] * np.where(y_tr == 1, 1, -1)   # z toward the true class
per_sample = np.log1p(np.exp(-np.abs(margin))) + np.maximum(-margin, 0)   # -ln p(true class), without rounding to 0
print(f"smallest loss of any training sample after training: {per_sample.min():.1e}")
p_tr = net.forward(X_tr)[0, :, 0]                    # p = sigma(z) as float64 computes it
exact0 = p_tr - y_tr == 0                            # the computed output delta p - y
p0 = p_tr[y_tr == 0]                                 # the label-0 samples' outputs
hidden = -np.log(1 - p0) == 0                        # plain loss 0, though the gradient is p
print(f"training samples whose computed p - y is exactly 0: {exact0.sum()} of {len(y_tr)} (all label 1)")
print(f"label-0 samples whose plain -ln(1 - p) is 0 but whose gradient p is not: {hidden.sum()}")
zs = np.linspace(30, 40, 100_001)
z_one = zs[np.argmax(nnbook.activations.sigmoid(zs) == 1)]      # sigma(z) rounds to 1.0 from here
z_zero = -zs[np.argmax(np.log(1 - nnbook.activations.sigmoid(-zs)) == 0)]   # 1 - sigma(z) rounds to 1
print(f"sigma(z) rounds to 1.0 from z = {z_one:.1f}; 1 - sigma(z) rounds to 1.0 below z = {z_zero:.1f}")

# %%
assert np.all((plateau > 0.85) & (plateau < 0.92)) and 7 <= e100 <= 12
assert hist.train_acc[-1, 0] > 0.99 and hist.val_acc[-1, 0] > 0.99
assert np.abs(hist.weights[-1, 0]).max() > 3 and np.sum(np.abs(hist.weights[-1, 0]) > 1) >= 10
# "skip the update when the error is 0": in exact arithmetic no sample's loss is 0 ...
assert per_sample.min() > 0
# ... in float64 p rounds to a label 1, -ln p is exactly 0, and so is the gradient p - y;
assert exact0.sum() > 0 and np.all(y_tr[exact0] == 1) and np.all(-np.log(p_tr[exact0]) == 0)
# ... p never rounds to a label 0, so a zero plain loss there hides a nonzero gradient
assert np.all(p0 > 0)
assert round(z_one, 1) == 36.7 and round(z_zero, 1) == -37.4

# %% [markdown]
# ## The learning-rate experiment
#
# Glassner trains the same network, on the same data, from the same initial weights, with
# three learning rates (after Glassner 2021, Figs. 14-30 to 14-38): $\eta = 0.5$ never
# learns, $\eta = 0.05$ reaches 100 % after a short plateau, and $\eta = 0.01$ sits on a
# long plateau before a late escape. We run the experiment for **twenty seeds at once**:
# networks with seeds 0–19 trained in lockstep by `nnbook.train`, one vectorized pass per
# sample for all of them. Every network sees the same samples in the same order; the seed
# decides only its initial weights, so networks with the same seed start identical and
# differ only in η. The epoch budgets are the book's: 21 epochs of training for
# $\eta = 0.5$ and 201 for $\eta = 0.01$ (the book's epochs 0–20 and 0–200 are our 1–21
# and 1–201), and we also give $\eta = 0.05$ 201 epochs (the book stopped it at 21) to see
# whether its plateaus end.

# %%
ETAS = (0.5, 0.05, 0.01)
SEEDS = np.arange(20)


def moons_net(seeds):
    return MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": 0.05}), seed=list(seeds))


net_a = moons_net(SEEDS)                                   # eta = 0.5: 20 models, 21 epochs
hist_a = train(net_a, X_tr, y_tr, validation=(X_te, y_te), loss="bce", epochs=21, lr=0.5,
               batch_size=1, seed=0, snapshots=True)
net_b = moons_net(np.tile(SEEDS, 2))                       # eta = 0.05 and 0.01: 40 models, 201 epochs
hist_b = train(net_b, X_tr, y_tr, validation=(X_te, y_te), loss="bce", epochs=201,
               lr=np.repeat([0.05, 0.01], len(SEEDS)), batch_size=1, seed=0, snapshots=True)
print(hist_a)
print(hist_b)


def run(eta, seed):
    """(network, history, model index) of the lockstep model for eta and seed."""
    if eta == 0.5:
        return net_a, hist_a, int(seed)
    return net_b, hist_b, (0 if eta == 0.05 else len(SEEDS)) + int(seed)


# the lockstep model (0.05, seed 2) is exactly the network trained alone above
_, _, k05 = run(0.05, PINNED_SEED)
assert np.array_equal(hist_b.weights[:22, k05], hist.weights[:, 0])
assert np.array_equal(hist_b.train_acc[:22, k05], hist.train_acc[:, 0])

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
    """Per model, the first epoch with train and test accuracy >= 0.995 (-1: never)."""
    ok = (h.train_acc >= 0.995) & (h.val_acc >= 0.995)
    return np.where(ok.any(axis=0), ok.argmax(axis=0), -1)


first_a, first_b = first_success(hist_a), first_success(hist_b)
first_at = {0.5: first_a, 0.05: first_b[:len(SEEDS)], 0.01: first_b[len(SEEDS):]}
both = (first_at[0.05] >= 0) & (first_at[0.01] >= 0)
score = np.where(both, np.abs(first_at[0.05] - 11) + np.abs(first_at[0.01] - 166) / 10, np.inf)
print("seeds where both succeed:", SEEDS[both].tolist())
print("  first success, eta = 0.05:", first_at[0.05][both].tolist())
print("  first success, eta = 0.01:", first_at[0.01][both].tolist())
print(f"closest to the book: seed {SEEDS[np.argmin(score)]} (score {score.min():.1f})")

# %%
# Epoch counts are chaotic (a last-bit difference between CPUs can move them), so the checks
# hold ranges: seed 2 is within a point of the best score, and its runs tell the book's story.
assert score[PINNED_SEED] <= score.min() + 1
assert 8 <= first_at[0.05][PINNED_SEED] <= 12 and 150 <= first_at[0.01][PINNED_SEED] <= 175

# %% [markdown]
# That is why this chapter uses seed 2: it is the seed that tells the book's story. It is
# *chosen*, not typical, and the twenty-seed results below show how untypical. Here are the
# other two learning rates for seed 2 ($\eta = 0.05$ is the run shown above).

# %%
_, _, k5 = run(0.5, PINNED_SEED)
_, _, k01 = run(0.01, PINNED_SEED)
two_moons_figure(net_a, hist_a, model=k5, title="η = 0.5, seed 2: collapse to one class")

# %% [markdown]
# With $\eta = 0.5$ the network gives up after one epoch: the whole plane gets one class,
# the accuracy flips between the two class proportions and the loss stays between
# $\ln 2 \approx 0.69$, the loss of a coin flip, and about 0.89 (Glassner: "hundreds of
# epochs would not help"; we will see why).
# In the weight history several parameters jump during the first epoch; after that a single
# parameter (the green zigzag, `b3[0]`) still moves while the other 36 are frozen.
# Glassner's Fig. 14-32 shows that one moving parameter and calls it "one of the weights
# connected to the output neuron". The next section finds out what it is, and why only it
# moves.

# %%
two_moons_figure(net_b, hist_b, model=k01, title="η = 0.01, seed 2: a long plateau, then a late escape")

# %% [markdown]
# With $\eta = 0.01$ the network needs three epochs to reach the plateau at about 90 %
# accuracy and then stays there for about 160 epochs, with the loss flat near 0.2, before it
# escapes to 100 % (Glassner: "about 170 epochs"). During the plateau the weights drift
# slowly; at the escape several of them move together, as in the book's Fig. 14-38. The
# final boundary is again a polygon around the tips of the moons.

# %%
acc5, loss5 = hist_a.train_acc[:, k5], hist_a.train_loss[:, k5]
esc = first_at[0.01][PINNED_SEED]
plateau01 = hist_b.train_acc[10:esc - 10, k01]
print(f"eta = 0.5:  final train accuracy {acc5[-1]:.3f}, test {hist_a.val_acc[-1, k5]:.3f}; over epochs "
      f"1-{hist_a.epochs} accuracy {acc5[1:].min():.3f} to {acc5[1:].max():.3f}, "
      f"loss {loss5[1:].min():.3f} to {loss5[1:].max():.3f}")
print(f"eta = 0.01: plateau (epochs 10 to {esc - 11}) train accuracy {plateau01.min():.3f} to "
      f"{plateau01.max():.3f}, median {np.median(plateau01):.3f}; success at epoch {esc}")

# %%
assert 0.45 <= acc5[-1] <= 0.55 and np.all((acc5[1:] >= 0.45) & (acc5[1:] <= 0.55))
assert np.log(2) - 1e-3 < loss5[1:].min() and loss5[1:].max() < 0.9
assert np.all((plateau01 > 0.85) & (plateau01 < 0.93)) and esc >= 150
assert hist_b.train_acc[2, k01] < 0.6 < 0.85 < hist_b.train_acc[3, k01]      # the plateau from epoch 3
assert abs(np.median(hist_b.train_loss[10:esc - 10, k01]) - 0.2) < 0.02      # "the loss flat near 0.2"
assert hist_b.train_acc[-1, k01] > 0.99 and hist_b.val_acc[-1, k01] > 0.99

# %% [markdown]
# ### Why η = 0.5 collapses
#
# Glassner explains the failure as overshooting. That is the trigger, but the mechanism is
# more specific, and we can compute it. A ReLU unit whose net input is negative for *every*
# training point is **dead**: it outputs 0 and, since ReLU′(z) = 0 for z < 0, passes no
# gradient back, so neither its own weights nor anything behind it can learn through it
# ([chapter 0](00_neurons.ipynb) showed one dying). We replay the first epoch of the seed-2 run at η = 0.5
# step by step, counting the dead units of both hidden layers after every update, and then
# look at which of the 37 parameters still change in the last epoch.

# %%
from nnbook.train import Trainer

replay = moons_net([PINNED_SEED])
dead_per_step = []
Trainer(replay, X_tr, y_tr, loss="bce", epochs=1, lr=0.5, batch_size=1, seed=0, callback_every=1,
        callback=lambda t: dead_per_step.append([d.sum() for d in t.net.dead_units(X_tr)])).run()
dead_per_step = np.array(dead_per_step)                    # (1536 steps, 2 layers)
died = len(dead_per_step) - int(np.argmax(dead_per_step[::-1, 1] < 4)) + 1   # all dead from this update on
assert np.array_equal(replay.params, hist_a.weights[1, k5][None])   # the same run as the lockstep one
dead_at_start = [int(d.sum()) for d in moons_net([PINNED_SEED]).dead_units(X_tr)]
reach = [int(np.argmax(dead_per_step[:, 1] >= c)) + 1 for c in (1, 2, 3, 4)]
print(f"dead units (layer 1, layer 2) at initialization: {dead_at_start}, at the end of epoch 1: "
      f"{dead_per_step[-1].tolist()}")
print(f"layer 2 first has 1, 2, 3, 4 dead units after update {reach}; all 4 for good from update {died}")

moved = np.abs(hist_a.weights[-1, k5] - hist_a.weights[-2, k5]) > 0      # changed during the last epoch
names = net_a.param_names()
print(f"parameters that changed in epoch {hist_a.epochs}:", [n for n, m in zip(names, moved) if m])

# all twenty seeds at eta = 0.5
dead_end = np.array([[d.sum() for d in net_a.dead_units(X_tr, model=k)] for k in range(len(SEEDS))])
b3 = hist_a.weights[:, :, -1]                             # the output bias of every model, per epoch
print(f"seeds with all 4 layer-2 units dead after {hist_a.epochs} epochs: {np.sum(dead_end[:, 1] == 4)} "
      f"of {len(SEEDS)}")
print(f"final train accuracy of the 20 seeds: {np.unique(hist_a.train_acc[-1].round(3))}; "
      f"their output biases at epoch {hist_a.epochs}: {np.unique(b3[-1].round(6))}")
print(f"test accuracy of a constant classifier: {1 - y_te.mean():.3f} (class 0) or {y_te.mean():.3f} (class 1)")

# %%
assert dead_end[k5].tolist() == [0, 4] and moved.sum() == 1 and names[np.argmax(moved)] == "b3[0]"
assert dead_at_start == [0, 0] and reach[:2] == [1, 1] and np.all(dead_per_step[died - 1:, 1] == 4)
assert np.all(dead_end[:, 1] == 4)                                    # every seed: layer 2 dead
probe_a = net_a.copy()
dead_by_epoch = []
for e in (1, 2):                                                      # when did each seed's layer 2 die?
    probe_a.set_params(hist_a.weights[e])
    dead_by_epoch.append(sum(probe_a.dead_units(X_tr, model=k)[-1].all() for k in range(len(SEEDS))))
assert dead_by_epoch[0] >= 17 and dead_by_epoch[1] == 20             # "almost all in the first epoch, all by the second"
assert np.all((hist_a.train_acc[-1] >= 0.45) & (hist_a.train_acc[-1] <= 0.55))
assert set(hist_a.val_acc[1:, k5].round(6)) <= {round(1 - y_te.mean(), 6), round(y_te.mean(), 6)}
assert np.ptp(b3[-1]) < 1e-9                                          # the 20 collapsed networks coincide

# %% tags=["hide-input"]
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(7.5, 3.2), layout="constrained")
steps = np.arange(1, len(dead_per_step) + 1)
ax.step(steps, dead_per_step[:, 0], where="post", label="hidden layer 1")
ax.step(steps, dead_per_step[:, 1], where="post", label="hidden layer 2")
ax.set(xscale="log", xlabel="SGD step in epoch 1 (log scale)", ylabel="dead units (of 4)", ylim=(-0.2, 4.4),
       title="η = 0.5, seed 2: layer 2 dies early")
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
for k in range(len(SEEDS)):
    ax2.plot(b3[:, k], color="C1" if k == k5 else "0.75", lw=1.5 if k == k5 else 0.8, zorder=3 if k == k5 else 2)
ax2.set(xlabel="epoch", ylabel="output bias b3", title="the one parameter that still moves (20 seeds, all coincide)")
ax2.title.set_fontsize(8)
ax2.grid(alpha=0.3)
plt.show()

# %% [markdown]
# For seed 2 the very first update, one step of η = 0.5 on one sample, pushes the net inputs
# of two of the four units of the second hidden layer below zero for every training point.
# Later steps kill a third, units flicker back to life for a while as the first layer
# changes under them, and from update 950 of the first epoch on all four are dead for
# good. From then on the output unit receives $a^{(2)} = 0$, its prediction is the constant
# $\sigma(b_3)$, and the backward pass stops at the dead layer:
# $\delta^{(2)} = f'(z^{(2)}) \odot \big(W^{(3)\top}\delta^{(3)}\big) = 0$. The only
# parameter that still has a gradient is the output bias $b_3$, with
# $\partial L/\partial b_3 = \sigma(b_3) - y$: each sample pushes it by
# $\pm\eta(\sigma(b_3) - y)$, so it wanders back and forth, and the whole plane flips
# between the two classes. That is the "one weight connected to the output neuron"
# oscillating in Glassner's Fig. 14-32, and the test accuracy alternating between the two
# class proportions in his Fig. 14-31. Because no gradient ever reaches the dead layer
# again, more epochs cannot help.
#
# Two more facts come out of the twenty seeds. Every one of them dies the same way. And
# since the bias update $b_3 \leftarrow b_3 - \eta(\sigma(b_3) - y)$ is a contraction, the
# twenty collapsed networks, fed the same samples in the same order, converge to *the same*
# constant classifier: by the mean value theorem each step multiplies the difference
# between two networks' biases $b_3, b_3'$ by $1 - \eta\,\sigma'(\xi)$ for some $\xi$
# between them, a factor in $[1 - \eta/4, 1)$, and by epoch 21 their output biases are
# identical.
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
from sklearn.linear_model import LogisticRegression

logreg = LogisticRegression().fit(X_tr, y_tr)
lr_train, lr_test = logreg.score(X_tr, y_tr), logreg.score(X_te, y_te)
net_lin = MLP([2, 1], output="sigmoid", init="zeros", seed=0)
hist_lin = train(net_lin, X_tr, y_tr, validation=(X_te, y_te), loss="bce", epochs=20, lr=0.01, seed=0)
print(f"logistic regression (scikit-learn): train accuracy {lr_train:.3f}, test {lr_test:.3f}")
print(f"one sigmoid unit (nnbook, SGD):     train accuracy {hist_lin.train_acc[-1, 0]:.3f}, "
      f"test {hist_lin.val_acc[-1, 0]:.3f}, loss {hist_lin.train_loss[-1, 0]:.3f}")
print(f"the eta = 0.01 plateau (seed 2):     median train accuracy {np.median(plateau01):.3f}, "
      f"median loss {np.median(hist_b.train_loss[10:esc - 10, k01]):.3f}")

# the plateau network at epoch 100 against the logistic-regression line, on the test points
probe = net_b.model(k01)
probe.set_params(hist_b.weights[100, k01])
agree = np.mean(probe.predict(X_te)[0] == logreg.predict(X_te))
print(f"the plateau network (epoch 100) and logistic regression agree on {agree:.1%} of the test points")

# %%
assert 0.005 < np.median(plateau01) - lr_train < 0.015     # "about one percentage point above"
assert abs(hist_lin.train_acc[-1, 0] - lr_train) < 0.01
assert 0.96 < agree < 1                                     # close to the line, not exactly it

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
# agree on 97 % of the test points, the plateau's accuracy is about one percentage point
# above logistic regression's, and its boundary (black) runs along the logistic-regression
# line (green), parting from it near the ends of the line. Cutting the moons with a straight
# line is easy to find and already right for nine points in ten; bending the line around
# the tips of the moons needs several hidden units to change their roles together. Why that
# takes so long we have not measured here; Glassner, following Dauphin et al. (2014),
# describes such plateaus as nearly flat regions of the error surface, far more often
# saddle regions than local minima: there *is* a way down, it is just shallow. The weights
# drift slowly until they line up, and then leave quickly (the η = 0.01 weight history
# above).
#
# ### Twenty seeds: the book's run is one draw
#
# Now the whole experiment. For each learning rate and seed, the run ends in one of three
# states: **success** (train and test accuracy reach 99.5 %), **plateau** (accuracy stays
# around the linear cut) or **collapse** (a dead second hidden layer, accuracy about 50 %).

# %%
def outcome(net_, hist_, k):
    if first_success(hist_)[k] >= 0:
        return "success"
    if net_.dead_units(X_tr, model=k)[-1].all():
        return "collapse"
    return "plateau"


outcomes = {eta: [outcome(*run(eta, s)) for s in SEEDS] for eta in ETAS}
budget = {0.5: hist_a.epochs, 0.05: hist_b.epochs, 0.01: hist_b.epochs}
print(f"{'eta':>5} {'epochs':>6} {'success':>8} {'by epoch 21':>12} {'plateau':>8} {'collapse':>9}   "
      "epochs to success")
for eta in ETAS:
    fs = first_at[eta]
    counts = {o: outcomes[eta].count(o) for o in ("success", "plateau", "collapse")}
    print(f"{eta:>5} {budget[eta]:>6} {counts['success']:>5}/20 {np.sum((fs >= 0) & (fs <= 21)):>9}/20 "
          f"{counts['plateau']:>5}/20 {counts['collapse']:>6}/20   {sorted(fs[fs >= 0].tolist())}")

# %%
n_success = {eta: outcomes[eta].count("success") for eta in ETAS}
n_by_21 = {eta: int(np.sum((first_at[eta] >= 0) & (first_at[eta] <= 21))) for eta in ETAS}
# the claims of the text below
assert budget == {0.5: 21, 0.05: 201, 0.01: 201}                          # the book's budgets
# Counts over 20 chaotic runs: the text states them rounded, and these ranges are what it claims.
assert n_success[0.5] == 0 and outcomes[0.5].count("collapse") == 20
assert 12 <= n_success[0.05] <= 16 and 4 <= n_by_21[0.05] <= 8           # "about two thirds", "about a third"
assert 5 <= n_success[0.01] <= 9 and n_by_21[0.01] <= 2                  # "about a third", "hardly any"
assert 1 <= outcomes[0.05].count("collapse") <= 2 and outcomes[0.01].count("collapse") == 0
assert np.sum((first_at[0.01] >= 0) & (first_at[0.01] <= 80)) > n_success[0.01] / 2   # "mostly in the first 80"
assert outcomes[0.05][0] == "collapse" and all(not 0 <= first_at[0.05][s] <= 21 for s in (6, 7))   # the lab's suggestions
assert 3 <= np.sum((first_at[0.05] >= 0) & (first_at[0.05] <= 11)) <= 7   # "about a quarter": a fast draw
assert np.median(first_at[0.05][first_at[0.05] >= 0]) < np.median(first_at[0.01][first_at[0.01] >= 0])

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6, 3.2), layout="constrained")
NEVER = 400                                       # where the runs that never succeed are drawn
for row, eta in enumerate(ETAS):
    fs = first_at[eta]
    ok = fs >= 0
    jitter = 0.1 * (np.arange(len(SEEDS)) % 5 - 2)
    ax.plot(fs[ok], row + jitter[ok], "o", color=f"C{row}", ms=5)
    ax.plot(np.full((~ok).sum(), NEVER), row + jitter[~ok], "x", color=f"C{row}", ms=5)
    if eta != 0.5:
        ax.plot(first_at[eta][PINNED_SEED], row + jitter[PINNED_SEED], "s", mfc="none", mec="k", ms=9)
ax.axvline(21.5, color="0.5", lw=0.8, ls=":")
ax.text(22.5, -0.45, "the book's 21 epochs", fontsize=7, color="0.4")
ax.set(xscale="log", xlim=(4, 550), ylim=(2.6, -0.6), yticks=range(3),
       yticklabels=[f"η = {e}\n{n_success[e]}/20 succeed" for e in ETAS],
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
# epochs (exercise 7); you can try it in the lab below.

# %% [markdown]
# ## The two-moons lab
#
# In JupyterLab the lab below trains Glassner's network live, with the same data, data order and
# initializations as this chapter, so seed $s$ in the lab is model $s$ of the lockstep runs
# above. Choose η with the log slider or one of the book's three presets, pick the
# initialization (Glassner's $N(0, 0.05)$, He or Glorot, the subject of a chapter in preparation) and the
# seed, set the epoch budget, and press **play**. The decision boundary, the loss and
# accuracy curves and the weight history update as it trains; **pause** stops, **step**
# trains exactly one more epoch, **reset** goes back to epoch 0. Changing η, the
# initialization or the seed starts a new run.
#
# The training runs as an asyncio task on the notebook kernel's own event loop, in slices of
# a few milliseconds, so the kernel stays responsive: while the moons are being learned you
# can run other cells. Bad states are shown, not raised: when the second hidden layer dies
# (try η = 0.5) a note says so, and a run whose loss stops being finite would stop with a
# message (with a sigmoid output and cross-entropy that needs an extreme state; large η
# kills ReLUs long before anything overflows).
#
# Things to try: the three presets with seed 2 (the figures above are drawn by the lab's own
# drawing function, `two_moons_figure`, so after 21 epochs at η = 0.05 you see exactly the
# first figure of this section); η = 0.05 with seeds 6 and 7, which stay on the plateau, and
# seed 0, which collapses even at η = 0.05; the same seeds with He initialization; and η
# between 0.1 and 0.3, where you can find the edge between learning and collapse.
#
# :::{note}
# **On the static site the lab is not shown**: it trains in a running Python kernel, which
# a static page does not have. Its default state (η = 0.05, seed 2, 21 epochs) is the first
# figure of the two-moons section, drawn by the lab's own drawing function. To train live,
# open this chapter in JupyterLab (`make lab` in a clone of the repository, or the Binder
# and Colab launch buttons at the top of the page) and run the cell below.
# :::

# %% tags=["nbval-ignore-output"]
TwoMoonsLab(lr=0.05, seed=PINNED_SEED, epochs=21)

# %% [markdown]
# ## Summary
#
# - An error's **delta** at a neuron is $\partial E/\partial(\text{that neuron's value})$: it
#   predicts the change of the error to first order, and only to first order, which is why
#   steps must be small. The one-step sweep on Glassner's 2-2-2 network shows the whole
#   learning-rate story: best near η ≈ 0.08, worse than not moving beyond η ≈ 0.2.
# - **Backpropagation** computes all deltas from the output back: a hidden neuron's delta
#   is the weighted sum of the deltas it feeds, times $f'(z)$; a weight's gradient is the
#   output it carries times the delta it feeds. In matrix form
#   $\delta^{(l)} = f'(z^{(l)}) \odot \big(W^{(l+1)\top}\delta^{(l+1)}\big)$ and
#   $\partial\mathcal L/\partial W^{(l)} = \delta^{(l)} a^{(l-1)\top}$. Our from-scratch
#   version equals `nnbook`'s `MLP` on every network we tried.
# - Define deltas as derivatives and always subtract: Glassner's "label minus output" with
#   a subtracted update climbs the error.
# - Derivatives of programs come three ways (Qiu §5.4): numerical (simple, approximate,
#   $O(h)$ or $O(h^2)$ against rounding $\varepsilon/h$), symbolic (exact, but formulas
#   swell) and automatic, in forward mode ($n$ sweeps for $n$ inputs) or **reverse mode**
#   (one sweep for a scalar loss: backpropagation). A gradient check with central
#   differences catches backprop bugs.
# - Each sigmoid layer multiplies the gradient by $\sigma' \le \sigma'(0) = 0.25$, so with
#   weights of size at most 1 it shrinks at least fourfold per layer; ReLU and tanh at the
#   right scale keep it level.
# - On the two moons, **η = 0.5 kills the second hidden layer** for every seed; only the
#   output bias keeps learning. **Plateaus** at about 90 % are close to the best
#   straight-line cut, logistic regression. Whether and when a run escapes depends on the
#   seed as much as on η: over 20 seeds η = 0.05 succeeded 14 times in 201 epochs (6 in
#   21), η = 0.01 7 times. The book's single run is one draw.
#
# ## Exercises
#
# **1. The factor ½.** Redo Glassner's 2-2-2 fixture with $E = \tfrac12\sum(o - L)^2$, the
# convention of Kneusel, Nielsen and `nnbook.losses.mse`. What happens to $E$, the deltas and
# the gradients? Which learning rate is now best for one step, and why?
#
# :::{dropdown} Solution
# Everything halves: $E = 2.25$, $C_\delta = -1.5$, $D_\delta = 1.5$, $A_\delta = 0.375$,
# $B_\delta = 2.25$, and every gradient is half of the table above. A step on $\tfrac12E$
# with learning rate $2\eta$ is the same step as one on $E$ with $\eta$,
# $w - 2\eta\,\nabla(\tfrac12E) = w - \eta\,\nabla E$, so the best single step moves from
# η ≈ 0.078 to η ≈ 0.155, and the overshoot threshold from 0.2018 to 0.4036. A learning
# rate only means something together with the scale of the loss, which is why "use
# η = 0.01" is never portable advice. The cell below checks this.
# :::

# %% tags=["hide-cell"]
half_error = lambda ww: 0.5 * glassner_error(ww)
half_grad = {k: 0.5 * v for k, v in grad.items()}
etas2 = np.linspace(0, 0.6, 601)
E_half_after = np.array([half_error(step(w, e, half_grad)) for e in etas2])
print(f"E = {half_error(w):g}; best single step at eta = {etas2[np.argmin(E_half_after)]:.3f}")
assert half_error(w) == 2.25 and np.isclose(etas2[np.argmin(E_half_after)], 2 * best, atol=0.002)
assert np.isclose(half_error(step(w, 2 * overshoot, half_grad)), half_error(w))   # the threshold doubles too
assert np.allclose(2 * losses.mse_grad(np.array([[Co, Do]]), np.array([[L1, L2]])), [[C_delta, D_delta]])

# %% [markdown]
# **2. Why $\hat y - y$?** Show that for a sigmoid output $p = \sigma(z)$ with binary
# cross-entropy the output delta is $\partial L/\partial z = p - y$. What is it for a sigmoid
# output with the squared error $\tfrac12(p - y)^2$, and what happens to it when the network
# is confidently wrong ($z = -10$, $y = 1$)?
#
# :::{dropdown} Solution
# $L = -y\ln p - (1 - y)\ln(1 - p)$ gives $\partial L/\partial p = (p - y)/(p(1 - p))$ and
# $\sigma'(z) = p(1 - p)$ cancels the denominator: $\delta = p - y$. With the squared error,
# $\delta = (p - y)\,p(1 - p)$: the factor $\sigma'(z)$ stays. At $z = -10$, $y = 1$:
# cross-entropy gives $\delta \approx -1.0000$, the squared error $\delta \approx -4.5\cdot10^{-5}$,
# so the worst mistakes learn slowest. This is Nielsen's learning slowdown (Nielsen, ch. 3),
# to which a chapter on loss functions, in preparation, returns.
# :::

# %% tags=["hide-cell"]
one = MLP.from_weights([np.zeros((1, 1))], [np.array([-10.0])], output="sigmoid")
_, cache_one = one.forward_cache(np.array([[0.0]]))
d_bce = one.output_delta(cache_one, np.array([1.0]), "bce")[0, 0, 0]
d_mse = one.output_delta(cache_one, np.array([1.0]), "mse")[0, 0, 0]
print(f"delta with cross-entropy {d_bce:.4f}, with the squared error {d_mse:.1e}")
p10 = activations.sigmoid(-10.0)
assert np.isclose(d_bce, p10 - 1) and np.isclose(d_mse, (p10 - 1) * p10 * (1 - p10))

# %% [markdown]
# **3. Spot the bug.** A student writes the backward step as
# `delta = acts[l - 1].df(zs[l - 1]) * (delta @ weights[l].T)`, with a transpose too many.
# On Glassner's two-moons network it crashes at once. On his 2-2-2 network it runs. Explain
# both, and find a test that exposes the bug on the 2-2-2 network.
#
# :::{dropdown} Solution
# With samples in rows, $\delta^{(l)}$ has shape (n, $n_l$) and $W^{(l)}$ shape
# ($n_l$, $n_{l-1}$), so `delta @ W` has shape (n, $n_{l-1}$): the row form of
# $W^\top\delta$. `delta @ W.T` needs $n_l = n_{l-1}$: on 2-4-4-1 the first backward step
# multiplies the (n, 1) deltas by the (4, 1) matrix $W^{(3)\top}$ and fails; with square
# layers the shapes always fit, and the code silently swaps weights ($w_{BC}$ where $w_{AD}$
# belongs, and the reverse). A gradient check
# exposes it: on the 2-2-2 fixture the buggy gradients differ from central differences (and
# from the hand computation) wherever $W^{(2)}$ is not symmetric.
# :::

# %% tags=["hide-cell"]
def backprop_transposed(weights, biases, acts, x, y, loss_grad):
    acts = [activations.get(f) for f in acts]
    zs, outs = network.forward(x, weights, biases, acts, return_all=True)
    delta = loss_grad(outs[-1], y) * acts[-1].df(zs[-1])
    grads_W = []
    for l in reversed(range(len(weights))):
        grads_W.insert(0, delta.T @ outs[l])
        if l > 0:
            delta = acts[l - 1].df(zs[l - 1]) * (delta @ weights[l].T)   # the bug
    return grads_W


bad = backprop_transposed([W1, W2], zero_b, ["identity", "identity"], np.array([[X, Y]]),
                          np.array([[L1, L2]]), sse_grad)
print("buggy dE/dW1:\n", bad[0], "\ncorrect dE/dW1:\n", gW[0])
assert not np.allclose(bad[0], gW[0]) and np.allclose(bad[1], gW[1])
try:
    backprop_transposed(Wm, bm, moon_acts, xs, ys, losses.bce_logits_grad)
except ValueError as err:
    print("on 2-4-4-1:", str(err).split("\n")[0][:60])
else:
    raise AssertionError("expected a shape error")

# %% [markdown]
# **4. Forward mode for a whole gradient.** Compute all eight gradients of Glassner's 2-2-2
# error with forward-mode dual numbers (`nnbook.autodiff.Dual`). How many sweeps does it
# take, and how many would reverse mode take? For a network with a million weights?
#
# :::{dropdown} Solution
# Forward mode gives the derivative with respect to one input per sweep, so it takes eight
# sweeps, each seeding one weight with tangent 1 and the others with 0; reverse mode takes
# one. With a million weights: a million forward sweeps against one reverse sweep (plus the
# forward pass that records the graph). That factor is why training uses reverse mode.
# :::

# %% tags=["hide-cell"]
def glassner_error_any(ws):                 # works for floats and for Dual numbers alike
    Ao_, Bo_ = ws["XA"] * X + ws["YA"] * Y, ws["XB"] * X + ws["YB"] * Y
    Co_, Do_ = ws["AC"] * Ao_ + ws["BC"] * Bo_, ws["AD"] * Ao_ + ws["BD"] * Bo_
    return (Co_ - L1) * (Co_ - L1) + (Do_ - L2) * (Do_ - L2)


sweeps = {}
for name in w:                              # one forward sweep per weight
    seeded = {k: autodiff.Dual(v, 1.0 if k == name else 0.0) for k, v in w.items()}
    sweeps[name] = glassner_error_any(seeded).der
print(f"{len(sweeps)} forward sweeps:", sweeps)
assert sweeps == grad

# %% [markdown]
# **5. Central differences at a kink.** What does a central difference return for ReLU′ at
# exactly $z = 0$, and for $z = 10^{-8}$ with $h = 10^{-6}$? What does this mean for a
# gradient check of a ReLU network, and why did ours pass?
#
# :::{dropdown} Solution
# At $z = 0$ it returns $(h - 0)/2h = 0.5$, the average of the two one-sided slopes, and it
# does so for every $|z| < h$ (for $z = 10^{-8}$: $(h + z)/2h \approx 0.505$), while the
# analytic derivative is 0 or 1 (nnbook uses ReLU′(0) = 1). A parameter whose perturbation
# moves some net input across 0 therefore gets a wrong numerical gradient: a false alarm, not
# a bug. Our check used 64 points with net inputs far from 0 relative to $h$, so no
# perturbation crossed a kink; robust checks skip or re-draw such cases.
# :::

# %% tags=["hide-cell"]
relu_f = activations.relu
zk = np.array([0.0])
at0 = gradcheck.numerical_gradient(lambda: relu_f(zk)[0], zk, 1e-6)[0]
zk[0] = 1e-8
near0 = gradcheck.numerical_gradient(lambda: relu_f(zk)[0], zk, 1e-6)[0]
print(f"central difference of ReLU at 0: {at0:.3f}, at 1e-8: {near0:.3f}")
assert np.isclose(at0, 0.5) and np.isclose(near0, 0.505)
zs_check, _ = network.forward(xs, Wm, bm, moon_acts, return_all=True)
print(f"smallest |z| in the hidden layers of the checked network: {min(np.abs(z).min() for z in zs_check[:-1]):.1e}")
assert min(np.abs(z).min() for z in zs_check[:-1]) > 1e-5

# %% [markdown]
# **6. The best a dead network can do.** Once layer 2 is dead, the network predicts a
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
H = -(ybar * np.log(ybar) + (1 - ybar) * np.log(1 - ybar))
print(f"best constant p = {ybar:.3f}, loss H = {H:.4f}; collapsed runs at epoch {hist_a.epochs}: "
      f"{hist_a.train_loss[-1, 0]:.4f}")
print(f"the best output bias ln(ybar / (1 - ybar)) = {np.log(ybar / (1 - ybar)):.4f}")
assert np.isclose(H, np.log(2), atol=1e-4) and np.all(hist_a.train_loss[1:] >= H - 1e-12)

# %% [markdown]
# **7. Initialization against η.** Repeat the twenty-seed experiment at η = 0.05 for 21
# epochs with He initialization (`init="he_normal"`, weights $N(0, 2/n_{\text{in}})$) instead
# of $N(0, 0.05)$. How many seeds succeed now? (Use the lab for single seeds, or `nnbook.train`
# with 20 seeds in lockstep.)
#
# :::{dropdown} Solution
# Nearly all of them: the cell below counts the successes within 21 epochs for both
# initializations on the same seeds and data order: He's count is several times the small
# initialization's. The difference
# is not how many units are active. With zero biases the sign of a net input does not
# depend on the size of the weights, and with the same seed the two initializations draw
# the same numbers, only scaled, so at the start the same units are active on the same
# inputs under both, about half of them. The difference is the size of the gradient. On
# its way back to the first layer the delta is multiplied by $W^{(3)}$ and $W^{(2)}$, whose
# entries have a standard deviation of 0.05 instead of He's $\sqrt{2/4} \approx 0.71$:
# together a factor $(0.05/0.71)^2 = 0.005$. The cell measures
# $\lVert\partial L/\partial W^{(1)}\rVert$ at initialization: under $N(0, 0.05)$ it is
# about 1/200 of He's (the median ratio over the seeds), so the first layer barely moves
# and the network stays near the linear solution. Why $2/n_{\text{in}}$ is the right scale for
# ReLU is the subject of a chapter on initialization, in preparation.
# :::

# %% tags=["hide-cell"]
net_he = MLP([2, 4, 4, 1], "relu", "sigmoid", init="he_normal", seed=SEEDS.tolist())
net_small = moons_net(SEEDS)                                  # N(0, 0.05), the same seeds
assert all(np.allclose(a * 0.05 / np.sqrt(2 / a.shape[-1]), b)   # the same draws, scaled
           for a, b in zip(net_he.weights, net_small.weights))
active = [[z > 0 for z in n.forward_cache(X_tr)[1].z[:-1]] for n in (net_he, net_small)]
assert all(np.array_equal(a, b) for a, b in zip(*active))    # the same units active on the same inputs
g1 = {}
for name, n in (("He", net_he), ("N(0, 0.05)", net_small)):
    _, g = n.gradient(X_tr, y_tr, loss="bce")
    g1[name] = np.linalg.norm(g.weights[0].reshape(len(SEEDS), -1), axis=1)   # ||dL/dW1||, per seed
g1_ratio = np.median(g1["N(0, 0.05)"] / g1["He"])
print("at initialization, fraction of (unit, input) pairs active in layers 1, 2 under both inits:",
      [round(float(a.mean()), 3) for a in active[0]])
print(f"||dL/dW1|| at initialization (median over the seeds): He {np.median(g1['He']):.3f}, "
      f"N(0, 0.05) {np.median(g1['N(0, 0.05)']):.5f}; median ratio {g1_ratio:.4f} = 1/{1 / g1_ratio:.0f}")
print(f"(0.05 / sqrt(2/4))^2 = {(0.05 / np.sqrt(2 / 4)) ** 2:.4f}")
hist_he = train(net_he, X_tr, y_tr, validation=(X_te, y_te), loss="bce", epochs=21, lr=0.05, seed=0)
he_ok = first_success(hist_he) >= 0
print(f"eta = 0.05, 21 epochs: He initialization {he_ok.sum()}/20 succeed, N(0, 0.05) {n_by_21[0.05]}/20")
assert he_ok.sum() >= 17 and he_ok.sum() >= 2 * n_by_21[0.05]
assert 0.4 < active[0][0].mean() < 0.6 and 0.4 < active[0][1].mean() < 0.6   # "about half"
assert abs(g1_ratio - 0.005) < 0.001                                            # "about 1/200"

# %% [markdown]
# ## Sources
#
# - Andrew Glassner, *Deep Learning: A Visual Approach* (No Starch Press, 2021), ch. 14
#   "Backpropagation": errors and deltas (Figs. 14-1 to 14-4), the tiny 2-2-2 network and its
#   deltas (Figs. 14-5 to 14-21; the numeric 2-2-2 fixture is ours, chosen to reproduce the
#   state of Figs. 14-11, 14-16 and 14-18; Fig. 14-9's state, $P_1 = -1$ and $P_2 = 0$, is
#   computed separately under *Errors and deltas*), the larger network (Fig. 14-22), the
#   learning rate (Fig. 14-27), and the two-moons classifier with the learning-rate
#   experiment (Figs. 14-28 to 14-38; protocol from the author's companion notebook, whose
#   "epoch $k$" is recorded after $k + 1$ epochs of training). Corrections made here: the
#   output delta is output minus label, not "label minus output" (Fig. 14-12); $D_\delta$ is
#   $(-1.25)/(-0.5)$ as a secant and exactly 3 as a slope; "multiplying $C_o$ by −4" means
#   multiplying the *change* of $C_o$; the error changes in proportion to an output change
#   only to first order; "skip the update when the error is 0" is about rounding: with a
#   sigmoid and cross-entropy the error is never exactly 0, a computed −ln p of 0 for a label
#   1 comes with a zero gradient, but a computed −ln(1 − p) of 0 for a label 0 hides a
#   nonzero gradient p; and the η = 0.5 failure is a dead second hidden layer, after
#   which only the output bias moves.
# - Ronald T. Kneusel, *Practical Deep Learning: A Python-Based Introduction* (No Starch
#   Press, 2021), ch. 9 "Training Neural Networks": the chain rule on the chain network
#   (Fig. 9-3; the numbers are ours), backprop in matrix form ("Backprop, Take 2", with the
#   weight naming of Fig. 9-4, whose $w^{(i)}_{jk}$ runs from $j$ to $k$, the reverse of our
#   `W[to, from]`), the Hadamard product and the transpose, ReLU′ at 0, and Listing 9-2 (SGD
#   with backprop).
# - Qiu Xipeng, *Neural Networks and Deep Learning* (神经网络与深度学习, online draft,
#   <https://nndl.github.io/>), ch. 5: backpropagation in matrix form (§5.3, Eqs. 5.44–5.57,
#   Algorithm 5.1), automatic gradient computation (§5.4: numerical differences, symbolic
#   differentiation, the computation graph of σ(wx + b) in Fig. 5.8 with forward and
#   reverse mode, Eqs. 5.58–5.79), and the vanishing gradient (§5.5, Eqs. 5.80–5.82). The
#   draft writes "dot product" for the elementwise product; it is the Hadamard product.
# - Y. N. Dauphin et al., "Identifying and attacking the saddle point problem in
#   high-dimensional non-convex optimization", NeurIPS 2014 (plateaus and saddles, as cited
#   by Glassner). A. G. Baydin, B. A. Pearlmutter, A. A. Radul and J. M. Siskind, "Automatic
#   differentiation in machine learning: a survey", JMLR 18 (2018) (the logistic-map example
#   of expression swell). D. E. Rumelhart, G. E. Hinton and R. J. Williams, "Learning
#   representations by back-propagating errors", Nature 323 (1986).
