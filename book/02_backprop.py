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
# that costs about twice the forward pass. This chapter derives it three times: by hand on
# tiny networks, with the chain rule, and in matrix form for any multilayer perceptron.
# Each derivation is checked against the others, and the last section turns it into the
# per-sample training loop. Two notebooks continue the chapter:
# [automatic differentiation and gradient checks](02_backprop_autodiff.ipynb) derives
# backpropagation a fourth time, as reverse-mode automatic differentiation, and checks it
# against finite differences; the [two-moons experiment](02_two_moons.ipynb) puts it to work.
#
# ## What you will learn
#
# - what an error and a *delta* are, and why a delta predicts the change in the error only
#   to first order;
# - backpropagation on Glassner's 2-2-2 network, number by number, and what one step of
#   gradient descent does for every learning rate;
# - the chain rule on Kneusel's chain network, and the matrix recursion
#   $\delta^{(l)} = f'(z^{(l)}) \odot \big(W^{(l+1)\top}\delta^{(l+1)}\big)$ for any MLP;
# - why gradients vanish through chains of sigmoids;
# - the per-sample training loop (forward, backward, update), written once, and the
#   package's readable core that does the same.
#
# Every number below is computed in the cell next to it. The collapsed cells under each
# result hold its checks: they tie the code written here to the `nnbook` package and to
# the numbers in the sources, and fail if the two part ways.

# %%
import numpy as np
import matplotlib.pyplot as plt

import nnbook
from nnbook import MLP, activations, core, gradcheck, losses, network, plots, train

np.set_printoptions(precision=4, suppress=True)
plots.use_book_style()

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

# %% tags=["hide-input"]
assert E_P1(p1) == 4.0 and delta_C == -4.0
assert np.allclose(actual, [-0.0399, -0.0796, 0.41, -1.75, -3.0])
# the prediction misses by exactly step**2 (the curve's curvature): first order only
assert np.allclose(actual - predicted, steps ** 2)
print('checked: E = 4 and C_delta = -4; the prediction misses by exactly step² (first order only)')

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

# %% tags=["hide-input"]
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
print("checked: Glassner's outputs, deltas and all eight gradients, nnbook's mse (E = 2·mse) and central differences agree")

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

# %% tags=["hide-input"]
assert np.isclose(glassner_error(step(w, 0.01)), 3.299037, atol=1e-6)
assert np.isclose(glassner_error(step(w, 0.05)), 0.500583, atol=1e-6)
assert np.isclose(E - 0.05 * g2, -2.08125)        # an impossible negative error: first order fails
assert glassner_error(step(w, 0.01, book_grad)) > E   # the book's sign climbs the error
print("checked: η = 0.01 and 0.05 lower E to 3.299 and 0.501; first order predicts an impossible -2.08; the book's sign raises E")

# %% [markdown]
# Even in this linear network the error is quadratic in the outputs (and, along the step, a
# quartic in $\eta$, as the sweep below shows), so the delta's prediction is only first
# order: $\eta = 0.05$ is predicted to reach an error of $-2.08$, which is impossible; the
# real error is 0.50. (The book's advice to skip the update of a sample whose error is 0
# is about rounding, not learning; the [two-moons experiment](02_two_moons.ipynb) shows
# when float64 makes a cross-entropy exactly 0 and what that hides.)
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

# %% tags=["hide-input"]
assert np.isclose(best, 0.078) and 0.03 < E_after.min() < 0.04
assert 0.201 < overshoot < 0.202
assert glassner_error(step(w, 0.25)) > E > glassner_error(step(w, 0.2))
print('checked: E after one step is a quartic in η, best at 0.078, worse than no step beyond 0.2018')

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

# %% tags=["hide-input"]
assert np.isclose(loss_c, 3.6992)
assert np.allclose([g_w1, g_w2, g_w3], [2.448, -3.9168, 1.632])
assert np.allclose(gradcheck.numerical_gradient(lambda: chain_loss(ws), ws), [g_w1, g_w2, g_w3])
assert np.allclose(ws_new, [0.5552, -0.10832, 1.0368]) and np.isclose(chain_loss(ws_new), 2.19143, atol=1e-5)
print('checked: loss 3.6992, gradients (2.448, -3.9168, 1.632) equal central differences, the step lowers the loss to 2.1914')

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
# Kneusel 2021, Fig. 9-4 and "Backprop, Take 2"). With the book's conventions ([chapter 0](00_neurons_networks.ipynb))
# layer $l$ computes $z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}$ and $a^{(l)} = f_l(z^{(l)})$,
# where $W^{(l)}$ has shape $(n_l, n_{l-1})$ and $a^{(0)} = x$: $W^{(l)}_{jk}$ is the weight
# *to* unit $j$ of layer $l$ *from* unit $k$ of layer $l - 1$, `W[to, from]`. Kneusel's
# Fig. 9-4 names weights in the opposite order, $w^{(i)}_{jk}$ from node $j$ of layer
# $i - 1$ to node $k$ of layer $i$: the edge it highlights, $w^{(2)}_{20}$ from node 2 of
# layer 1 to node 0 of layer 2, is our $W^{(2)}_{02}$.
# Define the delta of a layer as the derivative of the loss with respect to its *net input*:
#
# $$\delta^{(l)} = \frac{\partial \mathcal L}{\partial z^{(l)}} .$$
#
# :::{admonition} Which delta?
# :class: note
# The sources mean two different things by "delta". Glassner's delta, used in the hand
# computations above, is the derivative with respect to a neuron's *output*,
# $\partial E/\partial a$. Qiu (§5.3, his "error term"), Kneusel ("Backprop, Take 2") and
# Nielsen (his ch. 2) use the derivative with respect to the *net input*,
# $\partial\mathcal L/\partial z = f'(z)\,\partial\mathcal L/\partial a$. The two agree where
# there is no activation (Glassner's 2-2-2 network). From here on, and in `nnbook`, δ is
# always $\partial\mathcal L/\partial z$.
# :::
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
# $n_l$. Per layer the forward pass does one matrix product ($W a$) and the backward pass
# two ($W^\top\delta$ for the next delta and $\delta\,a^\top$ for the weight gradient), so
# a backward pass costs about twice a forward pass. For a sigmoid
# output with binary cross-entropy, and for softmax with cross-entropy, the output delta
# simplifies to $\delta^{(L)} = \hat y - y$ (the output unit and its loss are paired so; [chapter 3](03_loss_functions.ipynb)). With a batch of $n$ samples in the
# rows of $A^{(l)}$, the deltas are rows too and the weight gradient is a sum over samples,
# $\Delta^{(l)\top} A^{(l-1)}$ (divided by $n$ for a mean loss).
#
# Here it is from scratch. The forward pass is [chapter 0](00_neurons_networks.ipynb)'s `nnbook.network.forward`; the
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

# %% tags=["hide-input"]
assert np.allclose(ds[0], [[A_delta, B_delta]]) and np.allclose(ds[1], [[C_delta, D_delta]])
assert np.allclose(gW[0], [[grad["XA"], grad["YA"]], [grad["XB"], grad["YB"]]])
assert np.allclose(gW[1], [[grad["AC"], grad["BC"]], [grad["AD"], grad["BD"]]])

# nnbook's MLP does the same; its "mse" carries the 1/2, so its gradients are half of Glassner's
glassner_net = MLP.from_weights([W1, W2], activation="identity", output="identity")   # the head: mse
E_half, g_nn = glassner_net.gradient(np.array([[X, Y]]), np.array([[L1, L2]]))
assert np.isclose(2 * E_half, E)
assert all(np.allclose(2 * a, b) for a, b in zip(g_nn.weights, gW))
assert all(np.allclose(2 * a, b) for a, b in zip(g_nn.deltas, ds))
print("checked: the matrix recursion gives the hand-computed deltas and gradients, and nnbook's MLP "
      "gives half of them (its mse carries the 1/2)")

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

# %% tags=["hide-input"]
assert max(errors) < 1e-7
# the from-scratch backprop equals nnbook's MLP, layer by layer
net5 = MLP.from_weights(Ws, bs, activation="sigmoid", output="softmax")     # the head: softmax + cross-entropy
loss5, g5 = net5.gradient(xb, yb)
assert np.isclose(loss5, ce_loss())
assert all(np.allclose(a, b) for a, b in zip(g5.weights, gW5))
assert all(np.allclose(a, b) for a, b in zip(g5.biases, gb5))
assert all(np.allclose(a, b) for a, b in zip(g5.deltas, ds5))
print("checked: every gradient array within 1e-7 of central differences, and equal to nnbook's MLP")

# %% [markdown]
# `nnbook` keeps these equations twice. The `MLP` computes them for a whole batch and many
# networks at once, with every buffer allocated once (that is what makes the training fast).
# Next to it, `nnbook.core` keeps them the way this section writes them, one sample at a
# time, with layers numbered $1 \dots L$ as in the text, so that the package can be read
# next to the chapter; the tests hold the two together on every activation and loss. Here is
# its backward pass, and a check that it gives the gradients above.

# %%
import inspect

print(inspect.getsource(core.backprop))
gW_core, gb_core = core.gradient(*core.layers(net5), net5.head, xb, yb)   # the mean over the 8 samples
print("nnbook.core on the 2-2-4-3-2 network: largest difference from the batch backprop above "
      f"{max(np.abs(a - b).max() for a, b in zip(gW_core[1:] + gb_core[1:], gW5 + gb5)):.1e}")

# %% tags=["hide-input"]
assert all(np.allclose(a, b, rtol=1e-12, atol=1e-15) for a, b in zip(gW_core[1:] + gb_core[1:], gW5 + gb5))
print("checked: nnbook.core's per-sample backprop equals the batch version to 12 digits")

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6, 3.6), layout="constrained")
plots.network_diagram(sizes, ax, labels=["input"] + [f"layer {l}" for l in range(1, len(sizes))],
                      first="bottom", node_color="0.85", node_size=260,
                      node_values=[len(xb) * np.mean(np.abs(d), axis=0) for d in ds5], cmap="Reds",
                      colorbar="|δ| = |∂L/∂z| per sample (batch mean)",
                      edge_values=gW5, edge_color="C3", edge_alpha=0.7,
                      title="Deltas flow backward (a 2-2-4-3-2 net, after Glassner Fig. 14-22)")
plt.show()

# %% [markdown]
# Each edge's width is the size of its weight's gradient, $\lvert\delta_j a_k\rvert$: large
# where a strongly active neuron feeds a neuron with a large delta. Note how the deltas
# shrink toward the input; we come back to that under *vanishing gradients*.

# %% [markdown]
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
# variance $1/n_{\text{in}}$ ($2/n_{\text{in}}$ for ReLU; [chapter 4](04_initialization.ipynb) explains these choices),
# a sigmoid output, and one backward pass of `nnbook`'s MLP on 256 two-moons points. We plot
# the size of each layer's weight gradient.

# %%
X_tr, y_tr, X_te, y_te = nnbook.data.two_moons(seed=0)       # Glassner's two moons: 1536 training points


def deep_network(act, depth=10, width=16, seed=0):
    """depth hidden layers of width units, weights of variance 1/n_in (2/n_in for ReLU), biases 0."""
    rng = np.random.default_rng(seed)
    sizes = [2] + [width] * depth + [1]
    init = nnbook.init.he_normal if act == "relu" else nnbook.init.lecun_normal
    Ws = [init((n_out, n_in), rng) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    return MLP.from_weights(Ws, activation=act, output="sigmoid")          # sigmoid + cross-entropy


deeps = {act: deep_network(act) for act in ("sigmoid", "tanh", "relu")}
norms = {act: np.array([np.linalg.norm(gW) for gW in n.gradient(X_tr[:256], y_tr[:256])[1].weights])
         for act, n in deeps.items()}
for act, nrm in norms.items():
    print(f"{act:>8}: gradient norm, first layer / last layer = {nrm[0] / nrm[-1]:.1e}")
per_layer = norms["sigmoid"][1:-1] / norms["sigmoid"][2:]            # hidden layer l against l + 1
deep_trace = deeps["sigmoid"].trace(X_tr[:256])
mean_fprime = [float(np.mean(activations.d_sigmoid(z))) for z in deep_trace.z[1:-1]]   # hidden layers
spectral = [np.linalg.norm(W, 2) for W in deeps["sigmoid"].weights[1:-1]]
print(f"sigmoid: factor lost per hidden layer, median {np.median(per_layer):.2f} "
      f"(from {per_layer.min():.2f} to {per_layer.max():.2f}); mean sigma'(z) per layer "
      f"{min(mean_fprime):.2f} to {max(mean_fprime):.2f}; largest singular value of W "
      f"{min(spectral):.1f} to {max(spectral):.1f}")

# %% tags=["hide-input"]
ratio = {act: nrm[0] / nrm[-1] for act, nrm in norms.items()}
assert ratio["sigmoid"] < 1e-4 < ratio["tanh"] and ratio["sigmoid"] < 1e-4 < ratio["relu"]
assert np.all(np.diff(np.log(norms["sigmoid"][:-1])) > 0)   # sigmoid: every layer back loses more
assert 0.15 < np.median(per_layer) < 0.35 and all(0.2 < f < 0.25 for f in mean_fprime)
assert min(spectral) > 1                                     # the bound's assumption ||W|| <= 1 fails
print("checked: sigmoid gradients shrink in every layer, by a median factor of 0.15-0.35, with "
      "sigma' between 0.2 and 0.25 and every ||W|| above 1")

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6, 3.6), layout="constrained")
layers = np.arange(1, 12)
for act, marker in zip(norms, "osd"):
    ax.semilogy(layers, norms[act], marker + "-", label=act)
ax.semilogy(layers, norms["sigmoid"][-1] * 0.25 ** (11 - layers), "k:", label="0.25 per layer")
ax.set(xlabel="layer (1 = next to the input, 11 = output)", ylabel="‖∂L/∂W‖",
       title="Gradients through ten hidden layers")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# With sigmoids the gradient loses about a factor of four per layer, and the first layer's
# gradient is orders of magnitude smaller than the last one's. The bound does not explain
# that on its own: it assumed weights of size at most 1, and these are larger (every weight
# matrix stretches some direction by more than 1). What happens is that weights of variance
# $1/n_{	ext{in}}$ keep $W^{	op}\delta$ about as large as $\delta$ on average, so the
# factor left per layer is the average $\sigma'(z)$, between 0.2 and 0.25 here because the
# net inputs sit near 0. Tanh and ReLU, started at the right scale, keep the gradient
# roughly level. This is why ReLU-family activations and careful initialization made deep
# networks trainable.

# %% [markdown]
# ## From gradients to training: the per-sample loop
#
# Backpropagation gives the gradient; training is a loop around it. The sources write the
# same loop three ways. Glassner: run a sample forward, compute the deltas backward, update
# every weight, next sample. Kneusel's Listing 9-2: choose initial weights, then repeat
# "forward pass on a minibatch, backward pass, update by step size × gradient" until the
# loss is low enough. Qiu's Algorithm 5.1: for each epoch, for each sample, forward,
# backward, gradients, update; though the box, inside its per-sample loop, updates with a
# sum over all $N$ samples, which mixes the per-sample and the full-batch versions. With
# one sample per step (Glassner's choice, and the two-moons experiment's) it is this, in
# the notation of this chapter, with layers numbered from 1:

# %%
def sgd_epoch(W, b, f, df, X, Y, eta, order):
    """One epoch of per-sample SGD for a sigmoid output with cross-entropy (delta_L = a_L - y)."""
    L = len(W) - 1
    for i in order:
        a, z = [X[i]] + [None] * L, [None] * (L + 1)
        for l in range(1, L + 1):                                  # forward
            z[l] = W[l] @ a[l - 1] + b[l]
            a[l] = f[l](z[l])
        delta = [None] * (L + 1)
        delta[L] = a[L] - Y[i]                                     # output delta
        for l in range(L - 1, 0, -1):                              # backward
            delta[l] = df[l](z[l]) * (W[l + 1].T @ delta[l + 1])
        for l in range(1, L + 1):                                  # update
            W[l] = W[l] - eta * np.outer(delta[l], a[l - 1])
            b[l] = b[l] - eta * delta[l]


X_moons, y_moons = X_tr, y_tr[:, None].astype(float)
start = MLP([2, 4, 4, 1], "relu", "sigmoid", init=("normal", {"std": 0.05}), seed=2)   # the two-moons network
W, b, f, df = core.layers(start)                                   # W[1], W[2], W[3], ... as lists
order = np.random.default_rng(0).permutation(len(X_moons))        # the order train() draws from seed=0
sgd_epoch(W, b, f, df, X_moons, y_moons, 0.05, order)
trained = start.copy()
history = train(trained, X_tr, y_tr, epochs=1, lr=0.05, batch_size=1, seed=0)
gap = max(np.abs(Wl - Vl).max() for Wl, Vl in zip(W[1:] + b[1:], trained.weights + trained.biases))
print(f"one epoch, 1536 updates: largest difference between this loop and nnbook.train: {gap:.1e}")
print(f"bit for bit equal: {gap == 0}; training loss after the epoch {history.train_loss[-1]:.4f}")

# %% tags=["hide-input"]
assert gap < 1e-12 and history.train_loss[-1] < history.train_loss[0]
W2, b2, *_ = core.layers(start)
core.sgd_epoch(W2, b2, f, df, start.head, X_moons, y_moons, 0.05, order)   # the package's readable loop
assert all(np.array_equal(p, q) for p, q in zip(W[1:] + b[1:], W2[1:] + b2[1:]))
print("checked: the loop above, nnbook.core.sgd_epoch and nnbook.train agree after a full epoch "
      "(to 1e-12; the first two bit for bit)")

# %% [markdown]
# Twenty lines hold the whole method: a forward pass, the output delta, the recursion
# backward, the update. `nnbook.train` runs the same steps for a batch and many networks
# at once and keeps a record of every epoch; the [two-moons
# experiment](02_two_moons.ipynb) uses it to take Glassner's learning-rate experiment apart.

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
#   $\partial\mathcal L/\partial W^{(l)} = \delta^{(l)} a^{(l-1)\top}$: two matrix products
#   per layer, so the backward pass costs about twice the forward pass. Our from-scratch
#   version equals `nnbook`'s `MLP` and its readable core on every network we tried.
# - Define deltas as derivatives and always subtract: Glassner's "label minus output" with
#   a subtracted update climbs the error.
# - Each sigmoid layer multiplies the gradient by $\sigma' \le \sigma'(0) = 0.25$: with
#   weights of size at most 1 it shrinks at least fourfold per layer, and with weights of
#   variance $1/n_{\text{in}}$ it shrinks by about the average $\sigma'$; ReLU and tanh at
#   the right scale keep it level.
# - Training is a loop around backpropagation: forward, output delta, backward, update, for
#   each sample (Glassner; Kneusel Listing 9-2; Qiu Alg. 5.1). Twenty lines of it reproduce
#   an epoch of `nnbook.train`.
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
# to which [chapter 3](03_loss_functions.ipynb) returns.
# :::

# %% tags=["hide-cell"]
one = MLP.from_weights([np.zeros((1, 1))], [np.array([-10.0])], output="sigmoid")   # the head: bce
_, cache_one = one.forward_cache(np.array([[0.0]]))
d_bce = one.output_delta(cache_one, np.array([1.0]))[0, 0]
d_mse = one.output_delta(cache_one, np.array([1.0]), loss="mse")[0, 0]
print(f"delta with cross-entropy {d_bce:.4f}, with the squared error {d_mse:.1e}")
p10 = activations.sigmoid(-10.0)
assert np.isclose(d_bce, p10 - 1) and np.isclose(d_mse, (p10 - 1) * p10 * (1 - p10))

# %% [markdown]
# ## Sources
#
# - Andrew Glassner, *Deep Learning: A Visual Approach* (No Starch Press, 2021), ch. 14
#   "Backpropagation": errors and deltas (Figs. 14-1 to 14-4), the tiny 2-2-2 network and its
#   deltas (Figs. 14-5 to 14-21; the numeric 2-2-2 fixture is ours, chosen to reproduce the
#   state of Figs. 14-11, 14-16 and 14-18; Fig. 14-9's state, $P_1 = -1$ and $P_2 = 0$, is
#   computed separately under *Errors and deltas*), the larger network (Fig. 14-22), the
#   learning rate (Fig. 14-27) and the training loop. Corrections made here: the output
#   delta is output minus label, not "label minus output" (Fig. 14-12); $D_\delta$ is
#   $(-1.25)/(-0.5)$ as a secant and exactly 3 as a slope; "multiplying $C_o$ by −4" means
#   multiplying the *change* of $C_o$; the error changes in proportion to an output change
#   only to first order. His two-moons experiment is the subject of the
#   [next chapter](02_two_moons.ipynb).
# - Ronald T. Kneusel, *Practical Deep Learning: A Python-Based Introduction* (No Starch
#   Press, 2021), ch. 9 "Training Neural Networks": the chain rule on the chain network
#   (Fig. 9-3; the numbers are ours), backprop in matrix form ("Backprop, Take 2", with the
#   weight naming of Fig. 9-4, whose $w^{(i)}_{jk}$ runs from $j$ to $k$, the reverse of our
#   `W[to, from]`), the Hadamard product and the transpose, and Listing 9-2 (SGD with
#   backprop, the loop of the last section).
# - Qiu Xipeng, *Neural Networks and Deep Learning* (神经网络与深度学习, online draft,
#   <https://nndl.github.io/>), ch. 5: backpropagation in matrix form (§5.3, Eqs. 5.44–5.57,
#   and Algorithm 5.1, whose per-sample loop updates with a sum over all N samples) and the
#   vanishing gradient (§5.5, Eqs. 5.80–5.82). The draft writes "dot product" for the
#   elementwise product; it is the Hadamard product.
# - Michael Nielsen, *Neural Networks and Deep Learning* (online book, 2015), ch. 2: δ as
#   the derivative with respect to the weighted input z.
# - D. E. Rumelhart, G. E. Hinton and R. J. Williams, "Learning
#   representations by back-propagating errors", Nature 323 (1986).
