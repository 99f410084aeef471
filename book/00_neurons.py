# %% tags=["remove-cell", "nbval-skip"]
# Colab, or any Jupyter without nnbook: install it from the book's repository (about a minute).
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("nnbook") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "nnbook @ git+https://github.com/nnbook/nnbook"], check=True)

# %% [markdown]
# # Neurons and activations
#
# Everything a neural network computes is built from one small part: a unit that adds up
# weighted inputs and bends the sum through a fixed function. This chapter takes that part
# apart. We look at every activation function in Qiu's chapter on feedforward networks (and
# three newer ones), measure where each one stops passing gradients, and watch a ReLU neuron
# die. The chapter continues in [From neurons to networks](00_neurons_networks.ipynb), which
# wires neurons into layers.
#
# ## What you will learn
#
# - what a neuron computes: the net input $z=\mathbf w^\top\mathbf x+b$ and the activation $a=f(z)$;
# - the activation functions in use, their derivatives, ranges and saturation, checked
#   against central differences;
# - how the hard sigmoid and hard tanh are built from a Taylor expansion, and how far they
#   are from the real thing;
# - why a single large step can kill a ReLU neuron for good, and how leaky ReLU avoids it;
# - maxout, and how to explore any activation with a widget.
#
# Every number below is computed in the cell next to it. Cells that end in `assert` tie the
# code written here to the `nnbook` package and to the numbers in the sources.

# %%
import math
from html import escape

import matplotlib.pyplot as plt
import numpy as np
from IPython.display import HTML, display
from matplotlib.patches import Circle, FancyBboxPatch

from nnbook import losses, plots
from nnbook.activations import ACTIVATIONS, get
from nnbook.network import forward
from nnbook.widgets import ActivationExplorer, activation_figure

plots.use_book_style()  # 6×4 in at 100 dpi, a light grid, 9-point text


def fmt(v, digits=4):
    """A vector as a rounded tuple, for printing."""
    return "(" + ", ".join(f"{x:.{digits}f}" for x in np.ravel(v)) + ")"


# %% [markdown]
# ## A neuron
#
# An artificial neuron (Qiu, Fig. 5.1) takes inputs $x_1,\dots,x_n$, multiplies each by a
# weight, adds a bias $b$, and passes the result through an *activation function* $f$
# (Qiu, Eqs. 5.1–5.3):
#
# $$z=\sum_{i=1}^n w_i x_i+b=\mathbf w^\top\mathbf x+b,\qquad a=f(z).$$
#
# The sum $z$ is the *net input* (or pre-activation), and $a$ is the neuron's *activation*
# (its output). The weights say how much each input counts and in which direction; the bias
# shifts the point at which the neuron starts to respond. Training a network means choosing
# all the $w$ and $b$; the functions $f$ are fixed in advance. The diagram draws the same
# computation from left to right:

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(6, 2.9), layout="constrained")
arrow = dict(arrowstyle="-|>", color="0.3", lw=1.2, shrinkA=0, shrinkB=0)
sum_xy, f_xy, out_x, r = np.array([2.6, 0.0]), np.array([4.3, 0.0]), 5.8, 0.32
for (label, y), w_label in zip([("$x_1$", 1.5), ("$x_2$", 0.6), ("$x_n$", -1.5)], ["$w_1$", "$w_2$", "$w_n$"]):
    ax.add_patch(Circle((0, y), 0.27, fc="C2", ec="k", zorder=2))
    ax.text(0, y, label, ha="center", va="center", color="w", fontsize=11, zorder=3)
    start = np.array([0.27, y])
    d = (sum_xy - start) / np.linalg.norm(sum_xy - start)
    ax.annotate("", xy=sum_xy - r * d, xytext=start, arrowprops=arrow)
    mid = start + 0.45 * (sum_xy - start)
    ax.text(mid[0], mid[1] + 0.12, w_label, ha="center", va="bottom", fontsize=10, color="C3")
ax.text(0, -0.45, "⋮", ha="center", va="center", fontsize=14)
ax.text(0, -2.2, "inputs", ha="center", va="center")
ax.annotate("", xy=(sum_xy[0], r), xytext=(sum_xy[0], 1.4), arrowprops=arrow)  # the bias
ax.text(sum_xy[0], 1.5, "$b$", ha="center", va="bottom", fontsize=11, color="C3")
ax.add_patch(FancyBboxPatch((2.05, -0.75), 2.85, 1.5, boxstyle="round,pad=0.05", fc="none", ec="0.6", ls="--"))
ax.text(3.45, 0.95, "neuron", ha="center", va="bottom", color="0.45")
ax.add_patch(Circle(sum_xy, r, fc="C0", ec="k", zorder=2))
ax.text(*sum_xy, "Σ", ha="center", va="center", color="w", fontsize=13, zorder=3)
ax.add_patch(FancyBboxPatch((f_xy[0] - 0.3, -0.3), 0.6, 0.6, boxstyle="round,pad=0.02", fc="C0", ec="k", zorder=2))
ax.text(*f_xy, "$f$", ha="center", va="center", color="w", fontsize=13, zorder=3)
ax.annotate("", xy=(f_xy[0] - 0.32, 0), xytext=(sum_xy[0] + r, 0), arrowprops=arrow)
ax.text((sum_xy[0] + f_xy[0]) / 2 + 0.1, 0.1, "$z$", ha="center", va="bottom", fontsize=11)
ax.annotate("", xy=(out_x, 0), xytext=(f_xy[0] + 0.32, 0), arrowprops=arrow)
ax.text(out_x + 0.1, 0, "$a$", ha="left", va="center", fontsize=12)
ax.text(3.45, -1.0, r"$z=w_1x_1+\dots+w_nx_n+b,\quad a=f(z)$", ha="center", va="top", fontsize=10)
ax.set(xlim=(-0.5, 6.4), ylim=(-2.4, 2.0), aspect="equal", title="An artificial neuron (after Qiu, Fig. 5.1)")
ax.axis("off")
plt.show()

# %% [markdown]
# A worked example with three inputs and the logistic sigmoid $\sigma(z)=1/(1+e^{-z})$ as $f$:

# %%
x = np.array([1.0, 2.0, -1.0])
w = np.array([0.5, -0.25, 1.0])
b = 0.1

z = w @ x + b
a = 1.0 / (1.0 + math.exp(-z))
print(f"z = w·x + b = 0.5·1 + (−0.25)·2 + 1·(−1) + 0.1 = {z:.4f}")
print(f"a = σ(z) = {a:.4f}")
print(f"with the step function as f (a perceptron): a = {ACTIVATIONS['step'].f(z):.0f}")

assert math.isclose(z, 0.5 * 1.0 - 0.25 * 2.0 + 1.0 * (-1.0) + 0.1)
assert math.isclose(a, ACTIVATIONS["sigmoid"].f(z))

# %% [markdown]
# With the 0/1 step function as $f$ the neuron is Rosenblatt's perceptron; with the sigmoid it
# is logistic regression. Either way a single neuron with two inputs splits the plane along
# the line $z=w_1x_1+w_2x_2+b=0$: on one side $z>0$, on the other $z<0$. The step function
# jumps at the line; the sigmoid crosses it smoothly, and how steeply depends on the size of
# $\mathbf w$.

# %% tags=["hide-input"]
g = np.linspace(-3, 3, 301)
G1, G2 = np.meshgrid(g, g)
w_plane, b_plane = np.array([1.5, -1.0]), 0.5
Z_plane = w_plane[0] * G1 + w_plane[1] * G2 + b_plane
fig, axes = plt.subplots(1, 2, figsize=(7.5, 3.4), sharey=True, layout="constrained")
for ax, name in zip(axes, ["sigmoid", "step"]):
    im = ax.pcolormesh(G1, G2, ACTIVATIONS[name].f(Z_plane), cmap="RdBu_r", vmin=0, vmax=1,
                       shading="auto", rasterized=True)
    ax.contour(G1, G2, Z_plane, levels=[0], colors="k", linewidths=1)
    ax.set_title(f"a = {name}(1.5·x₁ − 1·x₂ + 0.5)")
    ax.set_xlabel("x₁")
    ax.set_aspect("equal")
    ax.grid(False)
axes[0].set_ylabel("x₂")
fig.colorbar(im, ax=axes, label="a", shrink=0.9)
plt.show()

# %% [markdown]
# ### Why $f$ must be nonlinear, and differentiable
#
# If $f$ were linear, stacking layers would buy nothing: two linear layers
# $W_2(W_1\mathbf x+\mathbf b_1)+\mathbf b_2$ are one linear layer with weights $W_2W_1$ and bias
# $W_2\mathbf b_1+\mathbf b_2$. The cell below checks this on random numbers, using the identity
# activation in `nnbook`'s forward pass.

# %%
rng = np.random.default_rng(0)
W1, b1 = rng.normal(size=(4, 3)), rng.normal(size=4)
W2, b2 = rng.normal(size=(2, 4)), rng.normal(size=2)
X_lin = rng.normal(size=(6, 3))

two_layers = forward(X_lin, [W1, W2], [b1, b2], "identity")
one_layer = X_lin @ (W2 @ W1).T + (W2 @ b1 + b2)
print(f"two linear layers equal one linear layer (to within 1e-12): "
      f"{bool(np.abs(two_layers - one_layer).max() < 1e-12)}")
assert np.allclose(two_layers, one_layer, rtol=0, atol=1e-12)

# %% [markdown]
# Training also needs $f$ to be differentiable: gradient descent ([chapter 1](01_gradient_descent.ipynb)) moves each weight
# against the derivative of the loss, and by the chain rule that derivative contains
# $f'(z)$. The perceptron's step function has $f'(z)=0$ everywhere except at the jump, where
# it does not exist. A small change of a weight almost never changes the perceptron's output,
# so the gradient carries no information:

# %%
step = ACTIVATIONS["step"]
h = 1e-6
x_one = np.linspace(-2, 2, 9)  # nine inputs to one neuron with w = 0.3, b = 0.1
slope_w = (step.f((0.3 + h) * x_one + 0.1) - step.f((0.3 - h) * x_one + 0.1)) / (2 * h)
print("∂a/∂w for the step neuron, at nine inputs:", fmt(slope_w, 1))
assert np.all(slope_w == 0)

# %% [markdown]
# ## Activation functions
#
# Qiu (§5.1.2) asks two things of an activation: it must be continuous and nonlinear, and
# differentiable (at all but a few points) so that gradient-based training can use it. The
# table lists every activation in Qiu's chapter, plus the identity, for linear output units,
# and three that came later and are now common (ELU, Swish, GELU, marked "beyond Qiu"). It is
# built from `nnbook.activations`, so the formulas shown are the ones the code computes. The
# saturation column is *computed*: it says on which side $f'(z)$ has fallen below $10^{-9}$ at
# $z=\pm1000$. The exception is the last row: maxout is not a function of one net input, so
# its row is typed in, and the Maxout section below checks its gradient.

# %%
def saturation(act, far=1e3, tiny=1e-9):
    """Which tails of f' vanish: Qiu's left-, right- or two-sided saturation."""
    if np.all(act.df(np.linspace(-far, far, 2001)) == 0):
        return "f′ = 0 everywhere"
    left, right = abs(float(act.df(-far))) < tiny, abs(float(act.df(far))) < tiny
    return {(True, True): "both sides", (True, False): "left",
            (False, True): "right", (False, False): "none"}[left, right]


rows = [(a.name, a.formula, a.derivative, a.range, saturation(a), a.source)
        for a in ACTIVATIONS.values()]
rows.append(("maxout", "maxᵢ (wᵢᵀx + bᵢ), over k affine pieces",
             "∂/∂bᵢ = 1, ∂/∂wᵢ = x for the winning piece; 0 for the others", "(−∞, ∞)", "none",
             "Qiu (5.23)–(5.25); see Maxout below"))
header = ("name", "f(z)", "f′(z)", "range", "saturation", "source")
cells = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
display(HTML("<table><thead><tr>" + "".join(f"<th>{c}</th>" for c in header)
             + f"</tr></thead><tbody>{cells}</tbody></table>"))

# Qiu's statements about saturation (§5.1.2), checked:
expected = {"sigmoid": "both sides", "tanh": "both sides", "hard_sigmoid": "both sides",
            "hard_tanh": "both sides", "relu": "left", "leaky_relu": "none", "prelu": "none",
            "softplus": "left"}
assert {name: saturation(ACTIVATIONS[name]) for name in expected} == expected
print(f"Qiu's saturation statements for {len(expected)} functions match the computed column")

# %% [markdown]
# Two conventions matter at the kinks. Where $f'$ jumps (ReLU at 0, the hard functions at
# their breakpoints), the derivative does not exist. `nnbook`'s ReLU-type kinks take the
# right-hand value ($\mathrm{ReLU}'(0)=1$, as in Qiu's Table 5.1); the hard functions take 0,
# the flat piece's slope, at both breakpoints. PReLU's slope $a$ is learned per neuron in a
# network; here, as in the explorer below, it is a fixed number (default 0.25). Leaky ReLU is
# the same function with a fixed small slope $\lambda$ (Qiu's example: 0.01).
#
# The ranges in the table are claims too. The next cell samples each function densely and
# checks the ones with a number in them: Swish's and GELU's minima, and ELU's floor $-\alpha$.

# %%
z_wide = np.linspace(-10, 10, 200001)
for name in ["swish", "gelu"]:
    values = ACTIVATIONS[name].f(z_wide)
    print(f"{name:5s} smallest value {values.min():.4f} at z = {z_wide[values.argmin()]:.4f}")
    assert round(values.min(), 3) == {"swish": -0.278, "gelu": -0.170}[name]
elu_tail = ACTIVATIONS["elu"].f(np.array([-5.0, -10.0, -30.0]))
print("elu   ELU(z) + 1 at z = −5, −10, −30: " + ", ".join(f"{v:.1e}" for v in elu_tail + 1)
      + ": positive, so ELU approaches −α = −1 but never reaches it")
assert np.all(elu_tail > -1) and math.isclose(elu_tail[-1], -1, abs_tol=1e-12)
s_vals = ACTIVATIONS["sigmoid"].f(np.linspace(-30, 30, 6001))
print(f"sigmoid on [−30, 30]: smallest {s_vals.min():.1e}, 1 − largest {1 - s_vals.max():.1e}: "
      "inside the open interval (0, 1)")
assert 0 < s_vals.min() and s_vals.max() < 1  # open interval (0, 1): never reached

# %% [markdown]
# ### Checking every derivative
#
# A derivative written by hand is a claim that is easy to get wrong. The central difference
# $\bigl(f(z+h)-f(z-h)\bigr)/(2h)$ approximates $f'(z)$ with a truncation error of order $h^2$;
# with $h=10^{-6}$ rounding dominates instead, and a correct formula agrees to about
# $10^{-9}$. The check covers 1,601 points in $[-8,8]$, skipping those within $10^{-4}$ of a
# kink, for every activation with its default parameters and with other values. The worst
# disagreement it finds is of the order of $10^{-9}$ (the cell prints it).

# %%
def central_difference(f, z, h=1e-6):
    return (f(z + h) - f(z - h)) / (2 * h)


def away_from_kinks(act, z, margin=1e-4):
    keep = np.ones(z.shape, dtype=bool)
    for k in act.kinks:
        keep &= np.abs(z - k) > margin
    return z[keep]


z_check = np.linspace(-8, 8, 1601)
variants = list(ACTIVATIONS.values()) + [get("leaky_relu", slope=0.2), get("prelu", a=0.7),
                                          get("elu", alpha=2.5), get("swish", beta=3.0)]
worst = {}
for act in variants:
    zk = away_from_kinks(act, z_check)
    label = act.name + "".join(f", {k} = {v:g}" for k, v in act.params.items())
    worst[label] = np.abs(act.df(zk) - central_difference(act.f, zk)).max()
worst_label = max(worst, key=worst.get)
print(f"{len(worst)} derivatives checked against central differences ({len(z_check)} points each, "
      f"kinks excluded); worst error {worst[worst_label]:.0e}, for {worst_label}")
assert max(worst.values()) < 1e-8

# One-sided differences at ReLU's kink disagree: there is no derivative at 0.
relu = ACTIVATIONS["relu"]
print(f"ReLU at 0: left difference {(relu.f(0.0) - relu.f(-h)) / h:.1f}, "
      f"right difference {(relu.f(h) - relu.f(0.0)) / h:.1f}, nnbook's ReLU′(0) = {relu.df(0.0):.1f}")
# The hard functions take 0, the flat pieces' slope, at both breakpoints.
for name in ["hard_sigmoid", "hard_tanh"]:
    act = ACTIVATIONS[name]
    print(f"{name}′ at its breakpoints {act.kinks}: {fmt(act.df(np.array(act.kinks)), 1)}")
    assert np.all(act.df(np.array(act.kinks)) == 0)

# %% [markdown]
# The functions and their derivatives side by side (Qiu's Figs. 5.2–5.4 and 5.9 in one grid).
# Leaky ReLU is drawn with $\lambda=0.1$ instead of 0.01 so that its slope is visible.

# %% tags=["hide-input"]
grid_names = ["step", "sigmoid", "tanh", "hard_sigmoid", "hard_tanh", "relu",
              "leaky_relu", "prelu", "softplus", "elu", "swish", "gelu"]
z_plot = np.linspace(-4, 4, 801)
fig, axes = plt.subplots(3, 4, figsize=(9, 6), dpi=80, sharex=True, layout="constrained")
for ax, name in zip(axes.flat, grid_names):
    act = get(name, slope=0.1) if name == "leaky_relu" else ACTIVATIONS[name]
    f_vals, df_vals = act.f(z_plot), act.df(z_plot)
    for k in act.kinks:  # break the lines at jumps of f (step) or f′
        cut = np.abs(z_plot - k) < 1e-9
        df_vals = np.where(cut, np.nan, df_vals)
        if name == "step":
            f_vals = np.where(cut, np.nan, f_vals)
    ax.plot(z_plot, f_vals, lw=2, label="f")
    ax.plot(z_plot, df_vals, "--", lw=1.5, label="f′")
    ax.axhline(0, color="0.6", lw=0.8)
    beyond = " †" if act.source.startswith("beyond") else ""
    ax.set_title(name + (" (λ = 0.1)" if name == "leaky_relu" else "") + beyond)
axes[0, 0].legend(loc="upper left")
fig.suptitle("activation functions f (solid) and their derivatives f′ (dashed); † beyond Qiu")
plt.show()

# %% [markdown]
# ## Saturation
#
# Qiu calls $f$ *left-saturating* if $f'(z)\to0$ as $z\to-\infty$, *right-saturating* if
# $f'(z)\to0$ as $z\to+\infty$, and *saturating* if both hold. The sigmoid and tanh saturate on
# both sides. In practice "saturated" means that $f'$ is already small, say below some
# $\varepsilon$, and both functions get there quickly. Solving $\sigma'(z)=\sigma(1-\sigma)=\varepsilon$
# gives $\sigma=\tfrac12\bigl(1+\sqrt{1-4\varepsilon}\bigr)$ and
# $z^*=\ln\frac{\sigma}{1-\sigma}$; solving $\tanh'(z)=1-\tanh^2 z=\varepsilon$ gives
# $z^*=\operatorname{artanh}\sqrt{1-\varepsilon}$. For $\lvert z\rvert>z^*$ the derivative
# is smaller still.

# %%
sig, tanh_ = ACTIVATIONS["sigmoid"], ACTIVATIONS["tanh"]
print("     ε    σ′ < ε for |z| >   tanh′ < ε for |z| >")
for eps in [1e-2, 1e-3, 1e-4]:
    s_star = (1 + math.sqrt(1 - 4 * eps)) / 2
    z_sig, z_tanh = math.log(s_star / (1 - s_star)), math.atanh(math.sqrt(1 - eps))
    print(f"{eps:6.0e}   {z_sig:15.4f}   {z_tanh:18.4f}")
    assert math.isclose(sig.df(z_sig), eps, rel_tol=1e-9) and math.isclose(tanh_.df(z_tanh), eps, rel_tol=1e-9)
    tail = np.linspace(z_sig, z_sig + 20, 101)[1:]
    assert np.all(sig.df(tail) < eps) and np.all(sig.df(-tail) < eps)

# %% [markdown]
# So a sigmoid neuron whose net input is beyond about ±4.6 multiplies every gradient passing
# through it by less than 0.01, and tanh gets there already at about ±3.0. Qiu (§5.7.2) calls
# $[-2,2]$ the "sensitive" window of tanh; at its edge $\tanh'$ is already down to 0.07. The
# sigmoid falls off the same way over twice the range: $\sigma(z)=\bigl(1+\tanh(z/2)\bigr)/2$
# gives $\sigma'(z)=\tanh'(z/2)/4$, so $\sigma'(4)/\sigma'(0)=\tanh'(2)/\tanh'(0)\approx0.0707$:

# %%
print(f"σ′(2) = {sig.df(2.0):.7f}   σ′(4) = {sig.df(4.0):.7f}   tanh′(2) = {tanh_.df(2.0):.7f}")
print(f"max σ′ = σ′(0) = {sig.df(0.0):.2f}     max tanh′ = tanh′(0) = {tanh_.df(0.0):.0f}")
ratio_sig, ratio_tanh = sig.df(4.0) / sig.df(0.0), tanh_.df(2.0) / tanh_.df(0.0)
print(f"σ′(4)/σ′(0) = {ratio_sig:.4f}   tanh′(2)/tanh′(0) = {ratio_tanh:.4f}")
assert math.isclose(ratio_sig, ratio_tanh, rel_tol=1e-12) and round(float(ratio_tanh), 4) == 0.0707
assert round(float(sig.df(2.0)), 7) == 0.1049936 and round(float(sig.df(4.0)), 7) == 0.0176627
assert round(float(tanh_.df(2.0)), 7) == 0.0706508
z_fine = np.linspace(-10, 10, 200001)
assert sig.df(z_fine).max() == 0.25 and tanh_.df(z_fine).max() == 1.0
assert np.allclose(sig.df(z_fine), tanh_.df(z_fine / 2) / 4, rtol=0, atol=1e-15)  # σ′(z) = tanh′(z/2)/4
print(f"σ′(z) = tanh′(z/2)/4 on {len(z_fine):,} points in [−10, 10]: "
      f"{np.allclose(sig.df(z_fine), tanh_.df(z_fine / 2) / 4, rtol=0, atol=1e-15)}")

# %% [markdown]
# ### Why saturation matters in a network
#
# Derivatives multiply. By the chain rule, the gradient that reaches a weight deep inside a
# network contains one factor $f'(z)$ for every layer above it, and a sigmoid factor is never
# more than 0.25 (the cell above). [Chapter 2](02_backprop.ipynb) derives that product
# (backpropagation, after Qiu §5.5) and measures it through ten layers.
#
# ## Hard sigmoid and hard tanh
#
# The sigmoid and tanh need an exponential. Qiu (Fig. 5.3, Eqs. 5.7–5.15) replaces each by its
# first-order Taylor expansion at 0, clipped to the function's range. For the sigmoid,
# $\sigma(0)=0.5$ and $\sigma'(0)=0.25$, so the tangent is $0.25z+0.5$ and
#
# $$\text{hard-sigmoid}(z)=\max\bigl(\min(0.25z+0.5,\,1),\,0\bigr);$$
#
# for tanh, $\tanh(0)=0$ and $\tanh'(0)=1$, so $\text{hard-tanh}(z)=\max(\min(z,1),-1)$. The
# cell builds both from the values and slopes at 0 (the slope from a central difference, not
# from the formula), and compares them with `nnbook`'s versions.

# %%
z_grid = np.union1d(np.linspace(-8, 8, 16001), [-2.0, -1.0, 1.0, 2.0])


def clipped_tangent(f, lo, hi):
    value, slope = float(f(0.0)), float(central_difference(f, 0.0))
    return lambda z: np.clip(value + slope * z, lo, hi), value, slope


hard_sig, v_s, k_s = clipped_tangent(sig.f, 0.0, 1.0)
hard_tanh, v_t, k_t = clipped_tangent(tanh_.f, -1.0, 1.0)
print(f"sigmoid: value {v_s:.4f}, slope {k_s:.4f} at 0     tanh: value {v_t:.4f}, slope {k_t:.4f} at 0")
assert np.allclose(hard_sig(z_grid), ACTIVATIONS["hard_sigmoid"].f(z_grid), atol=1e-9)
assert np.allclose(hard_tanh(z_grid), ACTIVATIONS["hard_tanh"].f(z_grid), atol=1e-9)

max_error = {}
for name, smooth, hard, corners, expected_err in [
        ("sigmoid", sig, ACTIVATIONS["hard_sigmoid"], {-2.0, 2.0}, 0.119202922),
        ("tanh", tanh_, ACTIVATIONS["hard_tanh"], {-1.0, 1.0}, 0.238405844)]:
    err = np.abs(smooth.f(z_grid) - hard.f(z_grid))
    max_error[name] = err.max()
    where = set(z_grid[np.isclose(err, err.max(), rtol=0, atol=1e-15)])
    print(f"largest |{name} − hard {name}| = {err.max():.9f} at z = "
          + " and ".join(f"{c:+.0f}" for c in sorted(where)))
    assert round(err.max(), 9) == expected_err and where == corners

# %% [markdown]
# The largest error sits exactly at the breakpoints. Between them the tangent moves away from
# the curve, because the curve's slope ($\le0.25$, resp. $\le1$) never exceeds the tangent's;
# beyond them the hard function is constant while the curve creeps towards the same
# constant. So the maximum error is $1-\sigma(2)=\sigma(-2)\approx0.1192$ for the sigmoid and
# $1-\tanh(1)\approx0.2384$ for tanh: cheap, but not close. (Exercise 2 finds a better
# slope.)

# %% tags=["hide-input"]
fig, axes = plt.subplots(1, 2, figsize=(8, 3.4), layout="constrained")
z_fig = np.linspace(-4, 4, 801)
for ax, (name, smooth, hard, tangent, corner) in zip(axes, [
        ("sigmoid", sig, ACTIVATIONS["hard_sigmoid"], 0.25 * z_fig + 0.5, 2.0),
        ("tanh", tanh_, ACTIVATIONS["hard_tanh"], z_fig, 1.0)]):
    ax.plot(z_fig, smooth.f(z_fig), lw=2, label=name)
    ax.plot(z_fig, hard.f(z_fig), lw=2, label=f"hard {name}")
    ax.plot(z_fig, tangent, ":", color="0.4", label="tangent at 0")
    ax.plot(z_fig, np.abs(smooth.f(z_fig) - hard.f(z_fig)), "--", label="error")
    for c in (-corner, corner):
        ax.axvline(c, color="0.7", lw=0.8)
    ax.set_ylim(-1.2 if name == "tanh" else -0.1, 1.2)
    ax.set_xlabel("z")
    ax.legend(loc="upper left", fontsize=7)
axes[0].set_title("(a) sigmoid and hard sigmoid")
axes[1].set_title("(b) tanh and hard tanh")
plt.show()

# %% [markdown]
# ## ReLU and its relatives
#
# The rectified linear unit $\mathrm{ReLU}(z)=\max(0,z)$ needs only a comparison. For $z>0$ its
# derivative is exactly 1, so it does not saturate on the right, and for $z<0$ it outputs an
# exact zero, so a layer of ReLUs is *sparse*: at a random start, about half of the units are
# off for any given input. Qiu also says that sigmoid units are "about 50% active", but that
# depends on what "active" means (a sigmoid never outputs an exact 0). With "active" defined as
# $z>0$, the cell measures both on a random layer of 100 units. (For the sigmoid, $z>0$ is the
# same as $a>0.5$, so its "active" share and ReLU's share of zeros add up to 100% by
# definition; the measurement is the share itself.)

# %%
rng = np.random.default_rng(1)
X_sp = rng.normal(size=(1000, 50))
W_sp = rng.normal(0, 1 / math.sqrt(50), size=(100, 50))
Z_sp = X_sp @ W_sp.T
frac_relu_zero = np.mean(ACTIVATIONS["relu"].f(Z_sp) == 0)
frac_sig_zero = np.mean(sig.f(Z_sp) == 0)
frac_sig_above = np.mean(sig.f(Z_sp) > 0.5)
print(f"ReLU outputs that are exactly 0:  {frac_relu_zero:.1%}")
print(f"sigmoid outputs that are exactly 0: {frac_sig_zero:.1%} (smallest {sig.f(Z_sp).min():.3f}); "
      f"above 0.5 (z > 0): {frac_sig_above:.1%}")
assert 0.45 < frac_relu_zero < 0.55 and frac_sig_zero == 0 and 0.45 < frac_sig_above < 0.55

# %% [markdown]
# The relatives differ on the negative side. Leaky ReLU keeps a small slope $\lambda$ there,
# PReLU learns that slope, and softplus $\ln(1+e^z)$ is a smooth ReLU whose derivative is the
# sigmoid. The family ties together: PReLU with $a=0$ is ReLU, and with $a=0.01$ it is Qiu's leaky
# ReLU. Softplus never lies more than $\ln2$ above ReLU, the gap being largest at 0. The cell
# checks each statement against formulas written out here, not against `nnbook` itself.

# %%
zs = np.linspace(-6, 6, 1201)
assert np.array_equal(get("prelu", a=0.0).f(zs), np.maximum(zs, 0.0))
leaky_formula = np.where(zs >= 0, zs, 0.01 * zs)  # max(0, z) + λ·min(0, z), λ = 0.01
assert np.allclose(get("prelu", a=0.01).f(zs), leaky_formula, rtol=0, atol=1e-15)
assert np.allclose(ACTIVATIONS["leaky_relu"].f(zs), leaky_formula, rtol=0, atol=1e-15)
softplus_slope = central_difference(lambda v: np.log1p(np.exp(v)), zs)  # d/dz ln(1 + eᶻ), numerically
assert np.allclose(softplus_slope, 1 / (1 + np.exp(-zs)), rtol=0, atol=1e-8)
print("PReLU(a = 0) = max(0, z); PReLU(a = 0.01) = leaky ReLU = max(0, z) + 0.01·min(0, z); "
      "softplus′ = σ (a central difference of ln(1 + eᶻ), to within 1e-8)")
gap = ACTIVATIONS["softplus"].f(zs) - ACTIVATIONS["relu"].f(zs)
print(f"softplus(0) = {ACTIVATIONS['softplus'].f(0.0):.10f} = ln 2; "
      f"largest gap to ReLU {gap.max():.10f} at z = {zs[gap.argmax()]:.1f}")
assert ACTIVATIONS["softplus"].f(0.0) == math.log(2) and gap.max() == math.log(2)

# %% [markdown]
# ### Dying ReLU
#
# ReLU's exact zeros have a price. If a neuron's net input is negative for *every* training
# example, its output and its derivative are 0 on all of them, so no gradient ever reaches its
# weights again: it is dead. Qiu (§5.1.2) notes that one update with too large a learning
# rate can do this. Here it is, computed.
#
# One ReLU neuron with two inputs learns to copy a "teacher" neuron
# $y=\mathrm{ReLU}(2x_1-x_2+0.5)$ on 200 points drawn uniformly from $[-1,1]^2$, by gradient
# descent on the mean squared error $\mathcal L=\frac1{2N}\sum_i(a_i-y_i)^2$ over the $N=200$
# samples. By the chain rule ([chapter 2](02_backprop.ipynb)),
# $\partial\mathcal L/\partial b=\frac1N\sum_i(a_i-y_i)f'(z_i)$, and
# $\partial\mathcal L/\partial\mathbf w$ is the same sum with an extra factor $\mathbf x_i$.
# The student starts at $\mathbf w=(1,1)$, $b=2$. Its outputs are too large, so the gradient
# pushes $b$ down, and we take one step with the far too large learning rate $\eta=5$.

# %%
rng = np.random.default_rng(0)
X_d = rng.uniform(-1, 1, size=(200, 2))
y_d = np.maximum(X_d @ np.array([2.0, -1.0]) + 0.5, 0.0)


def loss_and_gradient(act, w, b):
    """L = ½·mean((a − y)²) for a = f(Xw + b); returns L, ∂L/∂w, ∂L/∂b, fraction of z ≥ 0."""
    z = X_d @ w + b
    r = act.f(z) - y_d
    delta = r * act.df(z)  # ∂L/∂z_i, times N
    return 0.5 * np.mean(r ** 2), X_d.T @ delta / len(y_d), delta.mean(), np.mean(z >= 0)


relu, leaky = ACTIVATIONS["relu"], ACTIVATIONS["leaky_relu"]
w0, b0 = np.array([1.0, 1.0]), 2.0
L0, gw0, gb0, active0 = loss_and_gradient(relu, w0, b0)
w1, b1 = w0 - 5.0 * gw0, b0 - 5.0 * gb0
print(f"before: loss {L0:.4f}, active on {active0:.0%} of the data, ∂L/∂b = {gb0:.4f}")
print(f"after one step with η = 5: w = {fmt(w1)}, b = {b1:.4f}, "
      f"largest z over the data = {(X_d @ w1 + b1).max():.4f}")
assert np.all(X_d @ w1 + b1 < 0)

# %% [markdown]
# After the step, $z<0$ on every one of the 200 points. Now train on with a sensible
# learning rate, $\eta=0.5$, for 2,000 steps, once as ReLU and once, from the *same* weights,
# as a leaky ReLU ($\lambda=0.01$):

# %%
def train(act, w, b, eta=0.5, steps=2000):
    losses, active, zero_gradients = [], [], 0
    for _ in range(steps):
        loss, gw, gb, act_frac = loss_and_gradient(act, w, b)
        losses.append(loss)
        active.append(act_frac)
        zero_gradients += bool(np.all(gw == 0) and gb == 0)
        w, b = w - eta * gw, b - eta * gb
    return w, b, np.array(losses), np.array(active), zero_gradients


w_r, b_r, loss_r, active_r, zeros_r = train(relu, w1, b1)
w_l, b_l, loss_l, active_l, zeros_l = train(leaky, w1, b1)
print(f"ReLU:  gradient exactly 0 in {zeros_r} of 2000 steps; loss {loss_r[0]:.4f} → {loss_r[-1]:.4f}; "
      f"w, b unchanged: {np.array_equal(w_r, w1) and b_r == b1}")
print(f"leaky: active again after {np.argmax(active_l > 0)} steps; loss {loss_l[0]:.4f} → {loss_l[-1]:.6f}; "
      f"w = {fmt(w_l)}, b = {b_l:.4f}")
w_fresh, b_fresh, loss_fresh, _, _ = train(relu, w0, b0)
print(f"ReLU from the start with η = 0.5 throughout: loss → {loss_fresh[-1]:.6f}, "
      f"w = {fmt(w_fresh)}, b = {b_fresh:.4f}")
assert zeros_r == 2000 and np.array_equal(w_r, w1) and b_r == b1 and active_r.max() == 0
assert loss_l[-1] < 1e-4 and loss_fresh[-1] < 1e-12

# %% [markdown]
# The dead ReLU neuron receives a gradient of exactly zero at every step, and its weights never
# change. Leaky ReLU gets a gradient 100 times smaller than normal on the negative side, but
# not zero. That is enough to pull the bias back up; once the neuron is active again it
# learns the teacher almost exactly. It cannot match it perfectly, because its output below
# zero is $0.01z$ instead of 0. The same ReLU neuron trained with $\eta=0.5$ from the start
# never dies: the killer was the step size. (Exercise 3 finds the exact threshold.)
# [Chapter 2](02_two_moons.ipynb) shows a whole network losing its ReLUs this way at $\eta=0.5$.

# %% tags=["hide-input"]
fig, axes = plt.subplots(1, 2, figsize=(8, 3.2), layout="constrained")
axes[0].semilogy(loss_r, label="ReLU (dead)")
axes[0].semilogy(loss_l, label="leaky ReLU, λ = 0.01")
axes[0].set_xlabel("step after the large one")
axes[0].set_title("training loss")
axes[0].legend()
axes[1].plot(active_r, label="ReLU (dead)")
axes[1].plot(active_l, label="leaky ReLU, λ = 0.01")
axes[1].set_xlabel("step after the large one")
axes[1].set_title("fraction of the data with z ≥ 0")
axes[1].set_xlim(0, 300)
plt.show()

# %% [markdown]
# ## Maxout
#
# A maxout unit (Qiu, Eqs. 5.23–5.25) does not apply a function to a single net input. It
# computes $k$ net inputs $z_i=\mathbf w_i^\top\mathbf x+b_i$ from the whole input vector and
# outputs the largest. The result is piecewise linear and convex, and with enough pieces it
# approximates any convex function. Its gradient goes entirely to the winning piece $i^*$:
# $\partial/\partial b_{i^*}=1$ and $\partial/\partial\mathbf w_{i^*}=\mathbf x$, and 0 for the
# other pieces. For example, take the $k$ tangents of $x^2$ at the points $t_i=-1+(2i+1)/k$,
# $i=0,\dots,k-1$, on $[-1,1]$. Their maximum stays below $x^2$ and misses it by at most
# $1/k^2$: neighbouring tangents meet halfway between their touching points, and the gap there
# is $(1/k)^2$, the same as at the ends of the interval.

# %%
def maxout(x, weights, biases):
    """max over the k affine pieces w_i·x + b_i (for scalar x: weights and biases of shape (k,))."""
    return np.max(np.outer(x, weights) + biases, axis=1)


x_m = np.linspace(-1, 1, 4001)
print(" k   largest gap to x²")
for k in range(1, 7):
    t = -1 + (2 * np.arange(k) + 1) / k
    slopes, intercepts = 2 * t, -t ** 2  # tangent of x² at t: 2t·x − t²
    gap = x_m ** 2 - maxout(x_m, slopes, intercepts)
    print(f"{k:2d}   {gap.max():.6f}")
    assert gap.min() > -1e-12 and math.isclose(gap.max(), 1 / k ** 2, rel_tol=1e-9)

# the gradient is one-hot on the winning piece: 1 for its bias, x for its weight
t = np.array([-0.75, -0.25, 0.25, 0.75])  # k = 4
bias_grad = [(maxout(np.array([0.3]), 2 * t, -t ** 2 + 1e-6 * e)[0]
              - maxout(np.array([0.3]), 2 * t, -t ** 2 - 1e-6 * e)[0]) / 2e-6 for e in np.eye(4)]
weight_grad = [(maxout(np.array([0.3]), 2 * t + 1e-6 * e, -t ** 2)[0]
                - maxout(np.array([0.3]), 2 * t - 1e-6 * e, -t ** 2)[0]) / 2e-6 for e in np.eye(4)]
print("∂ maxout(0.3) / ∂b_i =", fmt(bias_grad, 1))
print("∂ maxout(0.3) / ∂w_i =", fmt(weight_grad, 1))
assert np.allclose(bias_grad, [0, 0, 1, 0]) and np.allclose(weight_grad, [0, 0, 0.3, 0])

# %% [markdown]
# The figure shows $k=4$: the four tangents, their maximum under $x^2$, and which piece wins at
# each $x$. Only the winner's $b_i$ and $\mathbf w_i$ receive a gradient there, so each piece
# is trained only on the inputs where it wins.

# %% tags=["hide-input"]
x_fig = np.linspace(-1, 1, 801)
pieces = np.outer(x_fig, 2 * t) - t ** 2  # column i: the tangent of x² at t_i
winner = pieces.argmax(axis=1)
fig, axes = plt.subplots(1, 2, figsize=(8, 3.2), layout="constrained")
for ax in axes:
    ax.set_xticks([-1, -0.5, 0, 0.5, 1])
axes[0].plot(x_fig, x_fig ** 2, "k--", lw=1, label="x²")
for i in range(len(t)):
    axes[0].plot(x_fig, pieces[:, i], color=f"C{i}", lw=1, label=f"piece {i}: tangent at {t[i]:.2f}")
axes[0].plot(x_fig, maxout(x_fig, 2 * t, -t ** 2), color="k", lw=2.5, alpha=0.5, label="maxout")
axes[0].set_ylim(-0.3, 1.05)
axes[0].set_xlabel("x")
axes[0].set_title("(a) maxout of 4 tangents of x²")
axes[0].legend(loc="upper center", fontsize=7)
for i in range(len(t)):
    axes[1].fill_between(x_fig, i - 0.4, i + 0.4, where=winner == i, color=f"C{i}")
axes[1].set_yticks(range(len(t)), [f"piece {i}" for i in range(len(t))])
axes[1].set_ylim(-0.6, len(t) - 0.4)
axes[1].set_xlabel("x")
axes[1].set_title("(b) the winner: ∂/∂bᵢ = 1, ∂/∂wᵢ = x; 0 for the others")
plt.show()

# %% [markdown]
# ## The activation explorer
#
# The explorer puts one neuron with one input under your hands. Choose $f$, and drag $w$, $b$
# and the activation's parameter ($\lambda$, $a$, $\alpha$ or $\beta$) where it has one. The
# left panel shows $f$ and $f'$ with the saturated band where $\lvert f'\rvert<\varepsilon$
# (grey) and, as a green bar, the window of net inputs $z=wx+b$ that the neuron sees when $x$
# runs over the plotted range. The right panel shows the neuron's output $a=f(wx+b)$ and the
# gradient that reaches its bias, $\partial a/\partial b=f'(wx+b)$, with the inputs where the
# neuron is saturated shaded. A message appears when the neuron is dead or saturated on the
# whole range.
#
# The explorer is live wherever you read this, on the web page as well as in JupyterLab:
# your browser computes $f$ and $f'$ (the same formulas as `nnbook.activations`; a test holds
# the two within $10^{-12}$) and draws both panels, so no Python kernel is needed. With a
# kernel, the settings are traits of the Python object (`explorer.w`, `explorer.name` …),
# synced both ways. Its defaults (sigmoid, $w=1$, $b=0$) are this figure, drawn by
# `nnbook` with matplotlib:

# %%
activation_figure("sigmoid", w=1.0, b=0.0)

# %% tags=["nbval-ignore-output"]
explorer = ActivationExplorer()
explorer

# %% [markdown]
# Things to try. Raise $w$ to 4: the neuron is saturated on most of the range, although $f$ has
# not changed, because large weights push $z$ into the flat tails. Choose `relu` with $b=-8$:
# the message reports a dead neuron. Then switch to `leaky_relu` and watch $\partial a/\partial b$
# come back as a small constant. Compare `hard_sigmoid` with `sigmoid` at the same $w$ and $b$.

# %% [markdown]
# ## Checks
#
# The chapter's key numbers, recomputed in one place. Only the first group is printed in the
# sources. The second group is derived here from the sources' definitions: these numbers
# appear in neither book, and they are what a test of the formulas can pin down.

# %%
stated = {  # printed in the sources
    "σ′ ≤ σ′(0) = 0.25 and tanh′ ≤ tanh′(0) = 1 (Qiu §5.5)":
        sig.df(0.0) == 0.25 and tanh_.df(0.0) == 1.0 and sig.df(z_fine).max() == 0.25 and tanh_.df(z_fine).max() == 1.0,
    "hard sigmoid from σ(0) = 0.5, σ′(0) = 0.25 (Qiu Eqs. 5.7–5.11)": round(v_s, 9) == 0.5 and round(k_s, 9) == 0.25,
    "hard tanh from tanh(0) = 0, tanh′(0) = 1 (Qiu Eqs. 5.12–5.15)": round(v_t, 9) == 0.0 and round(k_t, 9) == 1.0,
    "leaky ReLU slope λ = 0.01 (Qiu's example)": ACTIVATIONS["leaky_relu"].df(-1.0) == 0.01,
}
derived = {  # computed here from the sources' definitions
    "max |σ − hard σ| = σ(−2) = 0.119202922, at z = ±2":
        round(float(max_error["sigmoid"]), 9) == round(float(sig.f(-2.0)), 9) == 0.119202922,
    "max |tanh − hard tanh| = 1 − tanh(1) = 0.238405844, at z = ±1":
        round(float(max_error["tanh"]), 9) == round(1 - float(tanh_.f(1.0)), 9) == 0.238405844,
    "tanh′(2) = 0.0706508 at the edge of Qiu's window [−2, 2]": round(float(tanh_.df(2.0)), 7) == 0.0706508,
    "σ′ = 0.01 at |z| ≈ 4.5849 and tanh′ = 0.01 at |z| ≈ 2.9932 (saturation with ε = 0.01)":
        sig.df(4.5848) > 0.01 > sig.df(4.5850) and tanh_.df(2.9931) > 0.01 > tanh_.df(2.9933),
    "softplus(0) = ln 2": ACTIVATIONS["softplus"].f(0.0) == math.log(2),
}
for group, checks in (("stated in the sources", stated), ("derived here", derived)):
    print(group)
    for claim, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'}  {claim}")
assert all(stated.values()) and all(derived.values())

# %% [markdown]
# ## Summary
#
# - A neuron computes $z=\mathbf w^\top\mathbf x+b$ and $a=f(z)$. Without a nonlinear $f$, any
#   stack of layers collapses to one linear map; without a usable $f'$, as with the
#   perceptron's step, there is no gradient to learn from.
# - The sigmoid and tanh are smooth, bounded and saturate on both sides: beyond about
#   $\lvert z\rvert>4.6$ (sigmoid) or $3.0$ (tanh) their derivative is below 0.01, and it is never
#   more than 0.25 (sigmoid) or 1 (tanh). In a network such factors multiply, one per layer
#   ([chapter 2](02_backprop.ipynb)).
# - The hard sigmoid and hard tanh are clipped tangents at 0. They are cheap, but they miss by
#   up to 0.1192 (at $z=\pm2$) and 0.2384 (at $z=\pm1$).
# - ReLU passes gradients unchanged where it is active and gives exact zeros elsewhere, which
#   makes layers sparse. A neuron pushed below zero on all the data by one large step gets a
#   gradient of exactly 0 forever. Leaky ReLU, PReLU, ELU, softplus, Swish and GELU keep some
#   gradient on the negative side.
# - Maxout takes the largest of $k$ linear pieces; the activation explorer lets you feel
#   each function's saturation and dead zones.
#
# ## Exercises
#
# **1. Tanh is a rescaled sigmoid.** Show that $\tanh z=2\sigma(2z)-1$. Then derive
# $\tanh'z=1-\tanh^2z$ from $\sigma'=\sigma(1-\sigma)$ alone.
#
# :::{dropdown} Solution
# $2\sigma(2z)-1=\dfrac{2}{1+e^{-2z}}-1=\dfrac{1-e^{-2z}}{1+e^{-2z}}$; multiplying numerator
# and denominator by $e^{z}$ gives $\dfrac{e^z-e^{-z}}{e^z+e^{-z}}=\tanh z$. Differentiating,
# $\tanh'z=4\sigma'(2z)=4\sigma(2z)\bigl(1-\sigma(2z)\bigr)$. With $t=\tanh z$ we have
# $\sigma(2z)=(1+t)/2$ and $1-\sigma(2z)=(1-t)/2$, so $\tanh'z=(1+t)(1-t)=1-t^2$. The cell
# below checks both identities numerically.
# :::

# %% tags=["hide-cell"]
z_ex = np.linspace(-10, 10, 2001)
assert np.allclose(np.tanh(z_ex), 2 * sig.f(2 * z_ex) - 1, atol=1e-15)
assert np.allclose(4 * sig.df(2 * z_ex), 1 - np.tanh(z_ex) ** 2, atol=1e-15)
print("tanh(z) = 2σ(2z) − 1 and tanh′(z) = 4σ′(2z) = 1 − tanh²(z) on 2,001 points: ok")

# %% [markdown]
# **2. A better hard sigmoid.** Some libraries use $\max(\min(0.2z+0.5,1),0)$ instead of
# Qiu's $0.25z+0.5$. The slope is no longer the tangent's. Compute its largest error against
# $\sigma$ and where it occurs, and explain why it beats the tangent.
#
# :::{dropdown} Solution
# The largest error is about 0.0759, at the breakpoints $z=\pm2.5$, where the line reaches 0
# and 1 while $\sigma(2.5)\approx0.9241$. Inside, the line crosses $\sigma$, and the gap has a
# local maximum of only about 0.031 where $\sigma'(z)=0.2$ ($z\approx\pm0.96$). The tangent
# matches $\sigma$ perfectly at 0 but reaches the clip value too early, at $z=\pm2$, where
# $\sigma$ is still 0.12 away. The flatter line trades a little accuracy near 0 for much
# better accuracy at the corners. A good approximation is judged on its worst point, not at
# the expansion point.
# :::

# %% tags=["hide-cell"]
z_ex = np.union1d(np.linspace(-8, 8, 160001), [-2.5, 2.5])
err_02 = np.abs(sig.f(z_ex) - np.clip(0.2 * z_ex + 0.5, 0, 1))
inner = np.abs(z_ex) < 1.5
print(f"0.2z + 0.5: largest error {err_02.max():.4f} at z = ±{abs(z_ex[err_02.argmax()]):.2f}; "
      f"for |z| < 1.5 at most {err_02[inner].max():.4f} (z = ±{abs(z_ex[inner][err_02[inner].argmax()]):.2f})")
print(f"0.25z + 0.5 (Qiu): largest error {np.abs(sig.f(z_ex) - ACTIVATIONS['hard_sigmoid'].f(z_ex)).max():.4f}")
assert round(err_02.max(), 4) == 0.0759

# %% [markdown]
# **3. How large a step kills the neuron?** In the dying-ReLU example, the step from
# $\mathbf w=(1,1)$, $b=2$ moves every net input $z_i$ along a straight line in $\eta$. Find the
# smallest learning rate for which one step leaves the neuron inactive on all 200 points.
#
# :::{dropdown} Solution
# After a step of size $\eta$, sample $i$ has
# $z_i(\eta)=z_i-\eta\,(\mathbf g_w^\top\mathbf x_i+g_b)$, where $(\mathbf g_w,g_b)$ is the
# gradient at the start. Every $z_i$ starts non-negative (at least $-1-1+2=0$). A sample whose
# slope $s_i=\mathbf g_w^\top\mathbf x_i+g_b$ is positive turns negative once
# $\eta>z_i/s_i$. If every slope is positive, all samples are off once $\eta$ exceeds
# $\eta^*=\max_i z_i/s_i\approx3.94$. Any $\eta$ above that kills the neuron in one step;
# $\eta=5$ was well past it.
# :::

# %% tags=["hide-cell"]
z_start = X_d @ w0 + b0
slopes_eta = X_d @ gw0 + gb0
eta_star = np.max(z_start / slopes_eta)
print(f"all slopes positive: {bool(np.all(slopes_eta > 0))}; η* = {eta_star:.4f}")
for eta in (0.99 * eta_star, 1.01 * eta_star):
    print(f"η = {eta:.4f}: active on {np.mean(X_d @ (w0 - eta * gw0) + (b0 - eta * gb0) >= 0):.1%} of the data")
assert np.all(slopes_eta > 0) and round(eta_star, 2) == 3.94

# %% [markdown]
# **4. Can larger weights rescue a sigmoid chain?** Take a chain of single sigmoid neurons,
# $a_l=\sigma(w\,a_{l-1})$ with $a_0=x$. By the chain rule $\mathrm da_L/\mathrm dx$ is a product
# of one factor $w\,\sigma'(z_l)$ per layer ([chapter 2](02_backprop.ipynb) treats such products in
# general). Since $4\sigma'(0)=1$, does $w=4$ keep the gradient alive? Compute
# $\mathrm da_L/\mathrm dx$ at $x=0$ for $w=1$ and $w=4$ and $L=2,5,10,20$.
#
# :::{dropdown} Solution
# No. With $w=4$ the first factor is exactly 1, but the first layer outputs 0.5, so the second
# layer sees $z=2$ and $4\sigma'(2)\approx0.42$. From then on the outputs settle near 0.98, the
# net inputs near 3.92, and each factor is about $4\sigma'(3.92)\approx0.076$, worse than
# the $\sigma'(0.66)\approx0.22$ of the $w=1$ chain. Large weights push the net inputs into
# the saturated tails, so for this chain the smaller $w$ keeps the larger gradient at depth.
# Initialization ([chapter 4](04_initialization.ipynb)) is about choosing weights that
# avoid both failures. The cell computes the product and checks it against a central
# difference of the whole chain.
# :::

# %% tags=["hide-cell"]
def sigmoid_chain(x, L, w=1.0):
    """a_l = σ(w·a_(l−1)), a_0 = x.  Returns a_L and da_L/dx (a product of w·σ′(z_l))."""
    a, grad = x, 1.0
    for _ in range(L):
        z = w * a
        grad *= w * sig.df(z)
        a = sig.f(z)
    return a, grad


print(" L     w = 1        w = 4")
for L in (2, 5, 10, 20):
    print(f"{L:2d}   {sigmoid_chain(0.0, L)[1]:.3e}   {sigmoid_chain(0.0, L, w=4.0)[1]:.3e}")
for w_chain in (1.0, 4.0):  # the product is the derivative (deeper chains drown in rounding)
    numeric = (sigmoid_chain(1e-4, 5, w_chain)[0] - sigmoid_chain(-1e-4, 5, w_chain)[0]) / 2e-4
    assert math.isclose(sigmoid_chain(0.0, 5, w_chain)[1], numeric, rel_tol=1e-6)
a_deep1, a_deep4 = sigmoid_chain(0.0, 40)[0], sigmoid_chain(0.0, 40, w=4.0)[0]
factor1, factor4 = sig.df(a_deep1), 4 * sig.df(4 * a_deep4)
print(f"w = 4, second layer: 4σ′(2) = {4 * sig.df(2.0):.2f}; products equal central differences at L = 5")
print(f"deep in the chain: w = 1: a ≈ {a_deep1:.2f}, factor σ′(a) ≈ {factor1:.3f};  "
      f"w = 4: a ≈ {a_deep4:.2f}, z ≈ {4 * a_deep4:.2f}, factor 4σ′(z) ≈ {factor4:.3f}")
assert sigmoid_chain(0.0, 20, w=4.0)[1] < sigmoid_chain(0.0, 20)[1] and factor4 < factor1

# %% [markdown]
# ## Sources
#
# - Qiu Xipeng, *Neural Networks and Deep Learning* (神经网络与深度学习, online draft,
#   <https://nndl.github.io/>), ch. 5 "Feedforward neural networks": the neuron (§5.1.1,
#   Eqs. 5.1–5.3; its diagram redrawn after Fig. 5.1) and the definition of saturation; the
#   activation functions and their derivatives (§5.1.2, Eqs. 5.4–5.25, Table 5.1,
#   Figs. 5.2–5.4); the derivative bounds $\sigma'\le0.25$, $\tanh'\le1$
#   (§5.5, Fig. 5.9); the "sensitive" window $[-2,2]$ of tanh (§5.7.2, data preprocessing).
#   Corrections: its "about 50% active" for sigmoid units holds only once "active" is
#   defined (here $z>0$). The derivatives of hard sigmoid, hard tanh, leaky ReLU and PReLU,
#   the gradient of maxout, the maximum approximation errors and the saturation thresholds
#   are derived here, not printed in the source.
# - Beyond Qiu: ELU (Clevert, Unterthiner & Hochreiter 2016), Swish (Ramachandran, Zoph &
#   Le 2017), GELU (Hendrycks & Gimpel 2016). GELU is computed in its exact form $z\,\Phi(z)$.
