# %% tags=["remove-cell", "nbval-skip"]
# Colab, or any Jupyter without nnbook: install it from the book's repository (about a minute).
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("nnbook") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "nnbook @ git+https://github.com/nnbook/nnbook"], check=True)

# %% [markdown]
# # Automatic differentiation and gradient checks
#
# [Chapter 2](02_backprop.ipynb) derived backpropagation by hand, with the chain rule and in
# matrix form. Here it is derived a fourth time, from the other end: as one case of a
# general technique for differentiating *programs*, reverse-mode automatic
# differentiation. Along the way we meet its two rivals, numerical and symbolic
# differentiation, and then use the numerical one for what it is good at: checking that a
# backpropagation is right.
#
# ## What you will learn
#
# - numerical differentiation, forward and central, and how truncation and rounding set
#   the best step size;
# - symbolic differentiation, and why its formulas swell;
# - forward and reverse mode on Qiu's σ(wx + b), and why reverse mode applied to a loss
#   *is* backpropagation;
# - a reverse-mode autodiff in a page of Python;
# - how to check the gradient of a whole network layer by layer, what a classic backprop
#   bug looks like in such a check, and where checks give false alarms.
#
# Every number below is computed in the cell next to it. The collapsed cells under each
# result hold its checks.

# %%
import math

import numpy as np
import matplotlib.pyplot as plt

import nnbook
from nnbook import MLP, activations, autodiff, gradcheck, losses, network, plots

np.set_printoptions(precision=4, suppress=True)
plots.use_book_style()

# %% [markdown]
# Two fixtures come back from [chapter 2](02_backprop.ipynb): Glassner's 2-2-2 linear
# network (inputs $X = Y = 1$, label $(1, 0)$, error $E = 4.5$ without the ½) with its eight
# hand-computed gradients, and the sigmoid $\sigma$ with its derivative.

# %%
X, Y = 1.0, 1.0
L1, L2 = 1.0, 0.0
w = dict(XA=1.5, YA=0.5, XB=0.5, YB=0.5, AC=0.25, BC=-1.0, AD=0.5, BD=0.5)
Ao, Bo = w["XA"] * X + w["YA"] * Y, w["XB"] * X + w["YB"] * Y
Co, Do = w["AC"] * Ao + w["BC"] * Bo, w["AD"] * Ao + w["BD"] * Bo
deltas = dict(C=2 * (Co - L1), D=2 * (Do - L2))
deltas.update(A=w["AC"] * deltas["C"] + w["AD"] * deltas["D"], B=w["BC"] * deltas["C"] + w["BD"] * deltas["D"])
outputs = dict(X=X, Y=Y, A=Ao, B=Bo)
grad = {name: outputs[name[0]] * deltas[name[1]] for name in w}      # (output it leaves) x (delta it enters)
print("dE/dw:", {k: float(v) for k, v in grad.items()})

# %% [markdown]
# ## Three ways to differentiate a program
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

# %% tags=["hide-input"]
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
# the product rule, $(e^u)' = e^u u'$, $(1/u)' = -u'/u^2$. Here is such a system in about
# forty lines, on expressions written as nested tuples, applied to Qiu's example
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

# %% tags=["hide-input"]
assert evaluate(f_sym, point) == 0.5 and evaluate(df_dw, point) == 0.25
assert show(df_dw).count("exp(") == 3                       # e^-(wx+b), written out three times
for env in (dict(x=0.3, w=-1.2, b=0.7), dict(x=-2.0, w=0.4, b=0.1)):   # agrees with sigma' * x
    z = env["w"] * env["x"] + env["b"]
    assert np.isclose(evaluate(df_dw, env), dsigma(z) * env["x"])
print("checked: f = 0.5 and df/dw = 0.25 at Qiu's point; the derivative writes exp(...) three times and equals σ′(z)·x elsewhere")

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

# %% tags=["hide-input"]
assert formula_size[-1] > 30 * program_size[-1] and derivative_size[-1] > 2 * formula_size[-1]
assert all(b > 1.9 * a for a, b in zip(formula_size[2:], formula_size[3:]))   # doubles per step
print('checked: after 8 steps the formula is over 30 times the program, the derivative over twice the formula, doubling per step')

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

# %% tags=["hide-input"]
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
print("checked: Qiu's local derivatives; df/dw = 0.25 by both sweeps and by nnbook.autodiff's Dual and Value")

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

# %% tags=["hide-input"]
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
print("checked: Var gives Glassner's eight gradients exactly, and agrees with nnbook.autodiff.Value")

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
# We check `nnbook`'s backpropagation (`MLP.gradient`) on Glassner's two-moons network, 2 → 4 ReLU → 4 ReLU → 1 sigmoid, on 64 training points with binary
# cross-entropy (computed from the output's net input, so the output delta is the famous
# $\hat y - y$). Next to it we check a from-scratch batch backprop, written as in
# [chapter 2](02_backprop.ipynb), once as it should be and once with a classic slip: it
# forgets the factor $f'(z)$ in the hidden layers. Its forward pass is the true one, with
# ReLUs; only its backward pass leaves $f'(z)$ out.

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


def batch_backprop(weights, biases, acts, x, y, loss_grad, forget_fprime=False):
    """Chapter 2's matrix recursion for samples in rows; forget_fprime=True is the bug."""
    acts = [activations.get(f) for f in acts]
    zs, outs = network.forward(x, weights, biases, acts, return_all=True)
    delta = loss_grad(outs[-1], y) * acts[-1].df(zs[-1])
    grads_W, grads_b = [], []
    for l in reversed(range(len(weights))):
        grads_W.insert(0, delta.T @ outs[l])          # sum over samples of delta a^T
        grads_b.insert(0, delta.sum(axis=0))
        if l > 0:
            back = delta @ weights[l]                 # W^T delta, in row form
            delta = back if forget_fprime else acts[l - 1].df(zs[l - 1]) * back
    return grads_W, grads_b


moon_net = MLP.from_weights(Wm, bm, activation="relu", output="sigmoid")   # nnbook's network, same weights
moon_value, moon_grads = moon_net.gradient(xs, ys)                         # nnbook's backprop (sigmoid + bce)
numeric = gradcheck.numerical_gradient(lambda: moon_net.loss(xs, ys), moon_net.params)
gW_bug, gb_bug = batch_backprop(Wm, bm, moon_acts, xs, ys, losses.bce_logits_grad, forget_fprime=True)
gW_mine, gb_mine = batch_backprop(Wm, bm, moon_acts, xs, ys, losses.bce_logits_grad)   # the same, with f'
g_ok = moon_grads.flat
g_bug = MLP.from_weights(gW_bug, gb_bug).params        # the buggy gradients in nnbook's parameter order
layer = np.array([int(name[1]) for name in moon_net.param_names()])      # "W2[0,3]" -> layer 2
err_ok = [gradcheck.relative_error(g_ok[layer == l], numeric[layer == l]) for l in (1, 2, 3)]
err_bug = [gradcheck.relative_error(g_bug[layer == l], numeric[layer == l]) for l in (1, 2, 3)]
changed = [int(np.sum(a != b) + np.sum(c != d)) for a, b, c, d in zip(gW_mine, gW_bug, gb_mine, gb_bug)]
zs_m, outs_m = network.forward(xs, Wm, bm, moon_acts, return_all=True)
print(f"{numeric.size} parameters; relative error against central differences, layer by layer:")
print("  nnbook's backprop:", ["below 1e-7" if e < 1e-7 else f"{e:.1e}" for e in err_ok])
print("  forgotten f'(z):  ", [f"{e:.2f}" for e in err_bug])
print(f"gradients the bug changes, layers 1, 2, 3: {changed} of {[W.size + b.size for W, b in zip(Wm, bm)]}")
print("units of hidden layer 2 active on all 64 points:", np.flatnonzero((zs_m[1] >= 0).all(axis=0)).tolist())

# %% tags=["hide-input"]
assert numeric.size == moon_net.n_params == network.count_parameters(moon_sizes) == 37
assert max(err_ok) < 1e-7 and min(err_bug[:2]) > 1e-2 and err_bug[2] < 1e-7
assert np.isclose(moon_value, moon_loss())       # sigmoid + bce from the logits = bce_logits
# and this chapter's from-scratch backprop gives the same 37 numbers
assert np.allclose(MLP.from_weights(gW_mine, gb_mine).params, g_ok)
# the bug leaves the output layer exact (no f' there), changes 25 of the 32 parameters behind a ReLU
assert np.array_equal(gW_bug[-1], gW_mine[-1]) and np.array_equal(gb_bug[-1], gb_mine[-1])
assert changed == [12, 13, 0]
# a layer-2 gradient sums delta_j * a_k over the samples: it is spared exactly when no sample has
# unit j inactive (f' = 0, forgotten) and a_k nonzero
inactive2 = zs_m[1] < 0
spared_W2 = ~((inactive2.T.astype(float) @ (outs_m[1] != 0)) > 0)
assert np.array_equal(gW_bug[1] == gW_mine[1], spared_W2)
assert np.array_equal(gb_bug[1] == gb_mine[1], ~inactive2.any(axis=0))
print("checked: nnbook passes in every layer; the bug fails layers 1 and 2 and leaves layer 3 exact, "
      "sparing exactly the parameters no inactive unit touches")

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
# Correct gradients sit on the diagonal. Checked layer by layer, the buggy backward pass
# fails in the two hidden layers and passes in the output layer: it gets the five
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

# %% [markdown]
# ## Summary
#
# - Derivatives of programs come three ways (Qiu §5.4): numerical (simple, approximate,
#   $O(h)$ or $O(h^2)$ against rounding $\varepsilon/h$), symbolic (exact, but formulas
#   swell) and automatic, in forward mode ($n$ sweeps for $n$ inputs) or **reverse mode**
#   (one sweep for a scalar loss: backpropagation). The deltas are the adjoints of the net
#   inputs.
# - A gradient check compares every analytic partial derivative with a central difference,
#   layer by layer. A backprop that forgets $f'(z)$ passes in the output layer and fails
#   behind the ReLUs; a difference straddling a ReLU kink is a false alarm.
#
# ## Exercises
#
# **1. Forward mode for a whole gradient.** Compute all eight gradients of Glassner's 2-2-2
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
# **2. Central differences at a kink.** What does a central difference return for ReLU′ at
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
# ## Sources
#
# - Qiu Xipeng, *Neural Networks and Deep Learning* (神经网络与深度学习, online draft,
#   <https://nndl.github.io/>), ch. 5, §5.4 "Automatic gradient computation": numerical
#   differences, symbolic differentiation, the computation graph of σ(wx + b) in Fig. 5.8
#   with forward and reverse mode (Eqs. 5.58–5.79).
# - Andrew Glassner, *Deep Learning: A Visual Approach* (No Starch Press, 2021), ch. 14: the
#   2-2-2 network whose gradients the autodiff reproduces, and the two-moons network used for
#   the gradient check.
# - A. G. Baydin, B. A. Pearlmutter, A. A. Radul and J. M. Siskind, "Automatic
#   differentiation in machine learning: a survey", JMLR 18 (2018) (the logistic-map example
#   of expression swell).
