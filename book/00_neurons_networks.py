# %% tags=["remove-cell", "nbval-skip"]
# Colab, or any Jupyter without nnbook: install it from the book's repository (about a minute).
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("nnbook") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "nnbook @ git+https://github.com/nnbook/nnbook"], check=True)

# %% [markdown]
# # From neurons to networks
#
# [Chapter 0](00_neurons.ipynb) took one neuron apart. Here neurons are wired together: the
# kinds of networks Qiu names, the forward pass of a feedforward network in matrix form, the
# output layer that turns a network into a classifier, and how many parameters a network
# has. We check the book's conventions against a network trained by scikit-learn, so that
# the weights of [chapter 2](02_backprop.ipynb) mean what they say.
#
# ## What you will learn
#
# - the three families of networks: feedforward, feedback and memory networks;
# - the forward pass of a feedforward network, for one sample and for a batch
#   ($Z^{(l)}=A^{(l-1)}W^{(l)\top}+\mathbf 1\mathbf b^{(l)\top}$), and how it maps onto
#   scikit-learn's layout;
# - which output layer a classifier uses: one sigmoid unit for two classes, softmax for
#   several, each paired with the cross-entropy loss;
# - how to count a network's parameters.
#
# Every number below is computed in the cell next to it. Cells that end in `assert` tie the
# code written here to the `nnbook` package and to the numbers in the sources.

# %%
import math

import matplotlib.pyplot as plt
import numpy as np

from nnbook import losses, plots
from nnbook.activations import ACTIVATIONS
from nnbook.network import count_parameters, forward

plots.use_book_style()  # 6×4 in at 100 dpi, a light grid, 9-point text


def fmt(v, digits=4):
    """A vector as a rounded tuple, for printing."""
    return "(" + ", ".join(f"{x:.{digits}f}" for x in np.ravel(v)) + ")"


# %% [markdown]
# ## Network structures
#
# Neurons can be wired together in many ways. Qiu (§5.1.3, Fig. 5.5) names three families.
#
# - **Feedforward networks.** Neurons sit in layers, and each layer feeds only the next.
#   Information flows one way, the connections form a directed acyclic graph, and the network
#   is a *function*: the same input always gives the same output. This book is about
#   these.
# - **Feedback (recurrent) networks.** Neurons also receive their own earlier outputs, so the
#   network has a state that changes over time, like a *program* with memory.
# - **Memory networks.** A feedforward or feedback network plus an external memory that it
#   reads and writes through an addressing mechanism. (Where Qiu's draft compares the two,
#   it names feedback networks on both sides; what it means is that memory networks have the
#   stronger memory.)
#
# The difference between a function and a program is easy to see with one neuron. A
# feedforward neuron fed the same input four times answers the same way four times. A feedback
# neuron $h_t=\tanh(w_h h_{t-1}+w_x x_t+b)$ answers differently each time, because its state
# carries the past:

# %%
inputs = [1.0, 1.0, 1.0, 1.0]
feedforward = [float(np.tanh(0.8 * x_t + 0.1)) for x_t in inputs]
h_t, feedback = 0.0, []
for x_t in inputs:
    h_t = float(np.tanh(0.9 * h_t + 0.8 * x_t + 0.1))
    feedback.append(h_t)
print("feedforward neuron:", fmt(feedforward))
print("feedback neuron:   ", fmt(feedback))
assert len(set(feedforward)) == 1 and len(set(feedback)) == 4

# %% [markdown]
# A feedforward network with one or more hidden layers is also called a *multilayer
# perceptron* (MLP). Qiu points out that the name is misleading: its units are smooth,
# differentiable neurons like the ones above, not perceptrons with step functions.
#
# The running example for the rest of the chapter is the small network of Kneusel (2021,
# ch. 8, Fig. 8-1, reused in ch. 9, Fig. 9-4): two inputs, hidden layers of 3 and 2 sigmoid
# neurons, one output. Every neuron is connected to every neuron of the next layer.

# %% tags=["hide-input"]
net_sizes, kinds = [2, 3, 2, 1], ["input", "hidden", "hidden", "output"]
symbols = ["$\\mathbf{x}$", "$\\mathbf{a}^{(1)}$", "$\\mathbf{a}^{(2)}$", "$\\hat{\\mathbf{y}}$"]
fig, ax = plt.subplots(figsize=(6, 3.6), layout="constrained")
plots.network_diagram(net_sizes, ax, numbered=True, highlight=(2, 2, 0),  # w⁽²⁾₂₀: neuron 2 of layer 1 → neuron 0 of layer 2
                      labels=[f"{sym}  (layer {l})\n{kind}, n = {n}"
                              for l, (sym, kind, n) in enumerate(zip(symbols, kinds, net_sizes))],
                      title="Kneusel's 2-3-2-1 network; bold: the weight w⁽²⁾₂₀\n(after Kneusel 2021, Fig. 9-4)")
plt.show()

# %% [markdown]
# ## The forward pass in matrix form
#
# Number the layers $l=0,\dots,L$, where layer 0 is the input, and let layer $l$ have $n^l$
# neurons. The weights into layer $l$ form a matrix $W^{(l)}$ of shape $n^l\times n^{l-1}$: row
# $k$ holds the weights of neuron $k$, and column $j$ the weights leaving neuron $j$ of the
# layer below. With the biases $\mathbf b^{(l)}$ and activation $f_l$ of the layer, the
# forward pass is (Qiu, Eqs. 5.26–5.30)
#
# $$\mathbf a^{(0)}=\mathbf x,\qquad \mathbf z^{(l)}=W^{(l)}\mathbf a^{(l-1)}+\mathbf b^{(l)},\qquad
# \mathbf a^{(l)}=f_l\bigl(\mathbf z^{(l)}\bigr),\qquad l=1,\dots,L,$$
#
# with $f_l$ applied to each entry. The network's output is $\mathbf a^{(L)}$, a composite
# function of $\mathbf x$ and all the weights. Here it is for the 2-3-2-1 network, with random
# weights, one sample at a time:

# %%
sizes = [2, 3, 2, 1]
rng = np.random.default_rng(1)
weights = [rng.normal(size=(n_out, n_in)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
biases = [rng.normal(size=n_out) for n_out in sizes[1:]]
sigma = ACTIVATIONS["sigmoid"].f

x = np.array([0.5, -1.0])
a = x
for l, (W, b_l) in enumerate(zip(weights, biases), start=1):
    z = W @ a + b_l
    print(f"layer {l}: W{W.shape} @ a{a.shape} + b{b_l.shape} -> z = {fmt(z)}, a = σ(z) = {fmt(sigma(z))}")
    a = sigma(z)
print(f"nnbook.network.forward gives the same output: {np.allclose(a, forward(x, weights, biases, 'sigmoid'))}")
assert np.allclose(a, forward(x, weights, biases, "sigmoid"))

# %% [markdown]
# For a batch of $N$ samples, the book keeps samples in **rows**: $A^{(0)}=X$ has shape
# $N\times n^0$, one row per sample. Transposing the layer equation for every row at once gives
#
# $$Z^{(l)}=A^{(l-1)}W^{(l)\top}+\mathbf 1\mathbf b^{(l)\top},\qquad A^{(l)}=f_l\bigl(Z^{(l)}\bigr),$$
#
# where $\mathbf 1$ is a column of $N$ ones, so that $\mathbf 1\mathbf b^{(l)\top}$ adds
# $\mathbf b^{(l)\top}$ to every row (numpy's broadcasting does that in `A @ W.T + b`). This is
# the layout of data tables and of most libraries. Qiu's column vectors lead instead to one
# column per sample, $Z^{(l)}=W^{(l)}A^{(l-1)}+\mathbf b^{(l)}\mathbf 1^\top$; the two layouts
# are transposes of each other. The cell computes the batch from scratch and checks it three
# ways: against the one-sample loop, against Qiu's column form, and against
# `nnbook.network.forward`.

# %%
X = np.random.default_rng(2).normal(size=(5, 2))
A = X
print(f"A(0) {A.shape}", end="")
for W, b_l in zip(weights, biases):
    Z = A @ W.T + b_l
    A = sigma(Z)
    print(f" -> Z {Z.shape} -> A {A.shape}", end="")
print()
print("outputs:", fmt(A))


def one_sample(x):
    a = x
    for W, b_l in zip(weights, biases):
        a = sigma(W @ a + b_l)
    return a


A_cols = X.T  # Qiu's layout: one column per sample
for W, b_l in zip(weights, biases):
    A_cols = sigma(W @ A_cols + b_l[:, None])

assert np.allclose(A, np.array([one_sample(x) for x in X]))
assert np.allclose(A, A_cols.T)
assert np.allclose(A, forward(X, weights, biases, "sigmoid"))
zs_nn, as_nn = forward(X, weights, biases, "sigmoid", return_all=True)
assert np.allclose(zs_nn[-1], Z) and [a.shape for a in as_nn] == [(5, 2), (5, 3), (5, 2), (5, 1)]
print("the batch equals the one-sample loop, Qiu's column form and nnbook.network.forward: "
      f"{np.allclose(A, [one_sample(x) for x in X]) and np.allclose(A, A_cols.T) and np.allclose(A, forward(X, weights, biases, 'sigmoid'))}")

# %% [markdown]
# From here on the book uses `nnbook.network.forward` (and, from [chapter 2](02_backprop.ipynb), the `MLP` built on
# the same equations).
#
# ## The output layer
#
# The hidden layers can use any of the activations above; the last layer is chosen for the
# task. Qiu (§5.2.2) reads a network as a learned feature transform $\phi(\mathbf x)$ (the
# hidden layers) followed by a classifier (the output layer), and for classification the
# classifier is logistic or softmax regression:
#
# - **two classes**: one logistic (sigmoid) unit, $\hat y=\sigma(z^{(L)})$, read as the
#   probability $P(y=1\mid\mathbf x)$;
# - **$C$ classes**: $C$ units and the softmax
#   $\hat y_c=e^{z_c}/\sum_{c'}e^{z_{c'}}$, which turns the $C$ net inputs (*logits*) into
#   positive numbers that sum to 1, one probability per class.
#
# (A regression network, which predicts numbers, keeps the identity as its output
# activation.) Either classifier is trained with the cross-entropy loss
# $\mathcal L=-\mathbf y^\top\log\hat{\mathbf y}$ (Qiu §5.2.2): with a one-hot label $\mathbf y$
# it is $-\log\hat y_c$ for the true class $c$, zero when the network gives the true class
# probability 1 and growing without bound as that probability goes to 0. The sigmoid unit is
# the two-class softmax in disguise:
# $\operatorname{softmax}(0,z)_2=e^z/(1+e^z)=\sigma(z)$.
#
# The cell computes the softmax from scratch for three samples and three classes (subtracting
# each row's largest logit first, which changes nothing mathematically but keeps $e^{z}$ from
# overflowing) and checks it against `nnbook.losses`.

# %%
Z_out = np.array([[2.0, 1.0, 0.1],     # logits z⁽ᴸ⁾ of three samples, three classes
                  [0.5, 0.5, 0.5],
                  [-1.0, 3.0, 0.0]])
classes = np.array([0, 2, 1])          # the true class of each sample
E_out = np.exp(Z_out - Z_out.max(axis=1, keepdims=True))
P_out = E_out / E_out.sum(axis=1, keepdims=True)
ce_each = -np.log(P_out[np.arange(3), classes])
for z_row, p_row, c, ce in zip(Z_out, P_out, classes, ce_each):
    print(f"logits {fmt(z_row, 1)} → softmax {fmt(p_row)}, sum {p_row.sum():.4f}; "
          f"true class {c}: −log p = {ce:.4f}")
ce_nn = float(losses.cross_entropy(Z_out, losses.one_hot(classes, 3)))
print(f"mean cross-entropy {ce_each.mean():.4f}; nnbook.losses.cross_entropy on the logits: {ce_nn:.4f}")
assert np.allclose(P_out.sum(axis=1), 1.0) and np.allclose(P_out, losses.softmax(Z_out))
assert np.allclose(losses.softmax(Z_out + 100.0), P_out)   # adding a constant to every logit changes nothing
assert math.isclose(ce_each.mean(), ce_nn) and math.isclose(ce_each[1], math.log(3))

z_two = np.linspace(-8, 8, 161)
p_two = losses.softmax(np.column_stack([np.zeros_like(z_two), z_two]))[:, 1]
print(f"softmax(0, z)₂ = σ(z) for {len(z_two)} values of z in [−8, 8]: {np.allclose(p_two, ACTIVATIONS['sigmoid'].f(z_two))}")
assert np.allclose(p_two, ACTIVATIONS["sigmoid"].f(z_two), rtol=1e-12, atol=0)
kneusel_ce = float(losses.log_loss(np.array([[0.03, 0.87, 0.10]]), np.array([[0.0, 1.0, 0.0]])))
print(f"Kneusel's example, output (0.03, 0.87, 0.10), label class 1: cross-entropy {kneusel_ce:.6f}")
assert round(kneusel_ce, 6) == 0.139262

# %% [markdown]
# The uniform logits of the second sample give probability $1/3$ to every class and a loss of
# $\ln3\approx1.0986$: the price of knowing nothing. Which output pairs with which loss is
# not arbitrary; [chapter 2](02_backprop.ipynb) shows that with these pairings the gradient of
# the loss with respect to the output's net inputs is simply $\hat{\mathbf y}-\mathbf y$.
#
# ## Counting parameters
#
# Layer $l$ has $n^l n^{l-1}$ weights and $n^l$ biases, so a fully connected network has
#
# $$\sum_{l=1}^{L}\bigl(n^{l-1}n^l+n^l\bigr)$$
#
# parameters. Kneusel (2021, ch. 9) counts 20 for the 2-3-2-1 network: the loss of that network
# is a function on a 20-dimensional space, and training searches that space.

# %%
per_layer = [W.size + b_l.size for W, b_l in zip(weights, biases)]
for l, (W, b_l, n) in enumerate(zip(weights, biases, per_layer), start=1):
    print(f"layer {l}: {W.shape[0]}×{W.shape[1]} weights + {b_l.size} bias{'es' if b_l.size > 1 else ''} = {n}")
print(f"total: {sum(per_layer)}")
assert sum(per_layer) == count_parameters(sizes) == 20

# %% [markdown]
# Kneusel names a weight $w^{(i)}_{jk}$: layer $i$, from node $j$ of the layer below to node $k$.
# The bold weight in the figure, $w^{(2)}_{20}$, runs from node 2 of layer 1 to node 0 of
# layer 2. In the book's convention (row = receiving neuron, column = sending neuron) it is
# `weights[1][0, 2]`. scikit-learn, which Kneusel uses to train this very network, stores
# its weight matrices `coefs_[i]` with shape (fan_in, fan_out), the transpose: there it is
# `coefs_[1][2, 0]`.
#
# A layout convention is easy to get wrong, so the cell checks it against a real network.
# It trains Kneusel's 2-3-2-1 sigmoid network the way his companion code does,
# `MLPClassifier(hidden_layer_sizes=(3, 2), activation="logistic")`, on his data: petal
# length and width of the 100 iris flowers of the species versicolor and virginica (we pick
# the `lbfgs` solver, which converges on this small set without a warning). Then it runs the
# book's forward pass with $W^{(l)}$ = `coefs_[l-1].T` and $\mathbf b^{(l)}$ =
# `intercepts_[l-1]` and compares the result with scikit-learn's own `predict_proba`. Finally
# it changes $w^{(2)}_{20}$ in both layouts and compares again: a wrong index would now
# change two different weights.

# %%
from sklearn.datasets import load_iris
from sklearn.neural_network import MLPClassifier

iris = load_iris()
two_species = iris.target > 0                      # versicolor (1) and virginica (2)
X_iris = iris.data[two_species][:, 2:4]            # petal length and width, cm
y_iris = iris.target[two_species] - 1              # 0 = versicolor, 1 = virginica
clf = MLPClassifier(hidden_layer_sizes=(3, 2), activation="logistic", solver="lbfgs",
                    max_iter=2000, random_state=0).fit(X_iris, y_iris)

W_sk = [c.T.copy() for c in clf.coefs_]            # (fan_in, fan_out) → the book's (n_out, n_in)
b_sk = [c.copy() for c in clf.intercepts_]
p_book = forward(X_iris, W_sk, b_sk, "sigmoid")[:, 0]
p_sklearn = clf.predict_proba(X_iris)[:, 1]        # P(virginica)
print(f"scikit-learn coefs_ shapes {[c.shape for c in clf.coefs_]} → the book's W shapes "
      f"{[W.shape for W in W_sk]}; {sum(W.size + b_l.size for W, b_l in zip(W_sk, b_sk))} parameters")
print(f"the book's forward pass = scikit-learn's predict_proba on all {len(X_iris)} flowers: "
      f"{np.allclose(p_book, p_sklearn, rtol=0, atol=1e-12)}")
assert np.allclose(p_book, p_sklearn, rtol=0, atol=1e-12)
assert np.array_equal((p_book > 0.5).astype(int), clf.predict(X_iris))

clf.coefs_[1][2, 0] += 0.5                         # w⁽²⁾₂₀ in scikit-learn's layout …
W_sk[1][0, 2] += 0.5                               # … and in the book's
p_book2 = forward(X_iris, W_sk, b_sk, "sigmoid")[:, 0]
p_sklearn2 = clf.predict_proba(X_iris)[:, 1]
print(f"after w⁽²⁾₂₀ += 0.5 in both layouts: outputs changed {not np.allclose(p_book2, p_book)}, "
      f"still equal {np.allclose(p_book2, p_sklearn2, rtol=0, atol=1e-12)}")
assert not np.allclose(p_book2, p_book) and np.allclose(p_book2, p_sklearn2, rtol=0, atol=1e-12)

# %% [markdown]
# ## Checks
#
# The numbers this notebook takes from the sources, recomputed in one place.

# %%
stated = {  # printed in the sources
    "the 2-3-2-1 network has 20 parameters (Kneusel ch. 9)": count_parameters([2, 3, 2, 1]) == 20,
    "cross-entropy of (0.03, 0.87, 0.10) for class 1 is 0.139262 (Kneusel ch. 9)": round(kneusel_ce, 6) == 0.139262,
}
for claim, ok in stated.items():
    print(f"  {'ok  ' if ok else 'FAIL'}  {claim}")
assert all(stated.values())

# %% [markdown]
# ## Summary
#
# - The forward pass of a feedforward network is $\mathbf z^{(l)}=W^{(l)}\mathbf a^{(l-1)}+\mathbf b^{(l)}$,
#   $\mathbf a^{(l)}=f_l(\mathbf z^{(l)})$. For a batch with samples in rows it is
#   $Z^{(l)}=A^{(l-1)}W^{(l)\top}+\mathbf 1\mathbf b^{(l)\top}$.
#   A network with layer sizes $n^0,\dots,n^L$ has $\sum_l(n^{l-1}n^l+n^l)$ parameters: 20 for
#   2-3-2-1. scikit-learn stores the same weights transposed, (fan_in, fan_out); with
#   $W^{(l)}$ = `coefs_[l-1].T` the book's forward pass reproduces its predictions exactly.
# - A classifier's output layer is one sigmoid unit for two classes or a softmax over $C$
#   units for $C$ classes, trained with the cross-entropy $-\log\hat y_c$ of the true class;
#   the sigmoid is the two-class softmax of the logits $(0, z)$.
#
# ## Exercises
#
# **1. Counting.** How many parameters do these networks have: Glassner's two-moons
# classifier 2-4-4-1, Nielsen's digit classifier 784-30-10, and a maxout layer with $k=3$
# pieces, 10 units and 20 inputs?
#
# :::{dropdown} Solution
# 2-4-4-1: $(8+4)+(16+4)+(4+1)=37$. 784-30-10: $(23{,}520+30)+(300+10)=23{,}860$. A maxout
# unit with $k$ pieces over $n$ inputs has $k(n+1)$ parameters, so the layer has
# $10\cdot3\cdot21=630$: as many as a dense 20→30 layer, three times a dense 20→10 one.
# :::

# %% tags=["hide-cell"]
assert count_parameters([2, 4, 4, 1]) == 37 and count_parameters([784, 30, 10]) == 23860
assert 10 * 3 * (20 + 1) == count_parameters([20, 30]) == 630
print(f"2-4-4-1: {count_parameters([2, 4, 4, 1])}; 784-30-10: {count_parameters([784, 30, 10])}; "
      f"maxout 20→10, k = 3: {10 * 3 * 21}")

# %% [markdown]
# ## Sources
#
# - Qiu Xipeng, *Neural Networks and Deep Learning* (神经网络与深度学习, online draft,
#   <https://nndl.github.io/>), ch. 5 "Feedforward neural networks": network structures
#   (§5.1.3, Fig. 5.5), the forward pass (§5.2.1, Eqs. 5.26–5.30), the output layer, logistic
#   for two classes and softmax for several, with the cross-entropy loss (§5.2.2).
#   Correction: the draft's sentence comparing "feedback" with "feedback" networks means
#   memory networks.
# - Ronald T. Kneusel, *Practical Deep Learning: A Python-Based Introduction* (No Starch Press,
#   2021), ch. 9 "Training Neural Networks": the 2-3-2-1 network of ch. 8, Fig. 8-1, with
#   20 parameters, the weight $w^{(2)}_{20}$ (Fig. 9-4), and the cross-entropy example
#   (0.03, 0.87, 0.10) → 0.139262. The network's training with scikit-learn's
#   `MLPClassifier(hidden_layer_sizes=(3, 2), activation="logistic")` on iris petal length
#   and width, versicolor against virginica, follows his companion code
#   (`chapter_08/nn_iris_mlpclassifier.py` in `rkneusel9/PracticalDeepLearningPython`); the
#   `lbfgs` solver is our choice.
# - Andrew Glassner, *Deep Learning: A Visual Approach* (No Starch Press, 2021), ch. 14: the
#   2-4-4-1 two-moons network (37 parameters, exercise 1). Michael Nielsen, *Neural Networks
#   and Deep Learning*, ch. 3: the 784-30-10 network (exercise 1).
