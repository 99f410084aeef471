"""Automatic differentiation on scalars: reverse mode (``Value``) and forward mode (``Dual``) (chapter 2).

A program built from primitives (+, −, ×, /, ``**``, exp, log, tanh, σ, ReLU) is a
*computation graph*.  Its derivative is the product of the local derivatives
along each path, summed over paths (Qiu §5.4, Fig. 5.8).  Two orders of
accumulation:

* **Forward mode** (:class:`Dual`): carry the pair (value, tangent ḣ = ∂h/∂x)
  through the program, one input at a time: n sweeps for n inputs.
* **Reverse mode** (:class:`Value`, micrograd-style): record the graph while
  computing values, then ``backward()`` sends adjoints h̄ = ∂f/∂h from the output
  back to every node: one sweep for a scalar f, whatever the number of inputs —
  this is backpropagation.

Worked example (Qiu Fig. 5.8): f = σ(wx + b) at x = 1, w = 0, b = 0 has
∂f/∂w = 0.25 both ways.  ReLU'(0) = 1, as in :mod:`nnbook.activations`.

Every value and derivative is a finite float: an operation whose result (or local
derivative) overflows float64 raises ``ValueError`` naming the operation, e.g.
``exp: e^h overflows float64 for h = 710``.
"""
from __future__ import annotations

import math
import numbers

from nnbook import checks

__all__ = ["Value", "Dual"]


def _number(value, name):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}: expected a real number, got {type(value).__name__}")
    return checks.number(value, name)


def _finite(op, *values):
    """The results of ``op`` (value, local derivatives), refused if any overflowed to ±inf or NaN."""
    if not all(math.isfinite(v) for v in values):
        raise ValueError(f"{op}: the result overflows float64")
    return values


def _power(base, k, op):
    """(base ** k, k · base ** (k − 1)), finite or a ValueError naming ``op``."""
    try:
        return _finite(op, base ** k, k * base ** (k - 1))
    except OverflowError:
        raise ValueError(f"{op}: the result overflows float64 ({base!r} ** {k!r})") from None


def _exp(h, op="exp"):
    try:
        return math.exp(h)
    except OverflowError:
        raise ValueError(f"{op}: e^h overflows float64 for h = {h!r} (h > 709.78)") from None


def _sigmoid(x):
    return 0.5 * (1.0 + math.tanh(0.5 * x))


# --- reverse mode ------------------------------------------------------------------

class Value:
    """A scalar node of a computation graph: ``data``, ``grad`` = ∂f/∂(this node) after ``backward()``.

    ``Value(2.0) * Value(3.0) + 1`` builds a graph; ``f.backward()`` fills ``.grad``
    of every node it depends on.  ``label`` names a node, ``op`` is the primitive
    that made it, ``parents`` the nodes it was made from, ``local`` the local
    derivatives ∂(this)/∂(parent) (chapter 2).
    """

    __slots__ = ("data", "grad", "label", "op", "parents", "local")
    __array_ufunc__ = None      # array ∘ Value is refused (TypeError), not broadcast into an array of Values

    def __init__(self, data, label="", *, _parents=(), _op="", _local=()):
        self.data = _number(data, "data")
        self.grad = 0.0
        if not isinstance(label, str):
            raise TypeError(f"label: expected a str, got {type(label).__name__}")
        self.label = label
        self.op = _op
        self.parents = tuple(_parents)
        self.local = tuple(_local)

    def __repr__(self):
        name = f"{self.label}=" if self.label else ""
        return f"Value({name}{self.data:g}, grad={self.grad:g})"

    @staticmethod
    def _wrap(other):
        return other if isinstance(other, Value) else Value(_number(other, "other"))

    def _make(self, data, op, parents, local, label=None):
        _finite(label or ("other" if len(parents) == 2 or op.endswith("/") else op), data, *local)
        return Value(data, _parents=parents, _op=op, _local=local)

    # arithmetic
    def __add__(self, other):
        other = self._wrap(other)
        return self._make(self.data + other.data, "+", (self, other), (1.0, 1.0))

    __radd__ = __add__

    def __mul__(self, other):
        other = self._wrap(other)
        return self._make(self.data * other.data, "*", (self, other), (other.data, self.data))

    __rmul__ = __mul__

    def __neg__(self):
        return self._make(-self.data, "neg", (self,), (-1.0,))

    def __sub__(self, other):
        return self + (-self._wrap(other))

    def __rsub__(self, other):
        return self._wrap(other) + (-self)

    def __pow__(self, exponent):
        if isinstance(exponent, Value):
            raise TypeError("exponent: expected a constant number; for a Value exponent use (log(a) * b).exp()")
        k = _number(exponent, "exponent")
        if self.data == 0 and k < 0:
            raise ZeroDivisionError("0 ** negative exponent")
        if self.data < 0 and not float(k).is_integer():
            raise ValueError(f"exponent: a negative base needs an integer exponent, got {k!r}")
        value, d = _power(self.data, k, "exponent")
        return self._make(value, f"**{k:g}", (self,), (d,), "exponent")

    def __truediv__(self, other):
        other = self._wrap(other)
        if other.data == 0:
            raise ZeroDivisionError("division by a Value equal to 0")
        q = self.data / other.data
        return self._make(q, "/", (self, other), (1.0 / other.data, -q / other.data))

    def __rtruediv__(self, other):
        c = _number(other, "other")             # c / h: one node, local derivative −c/h²
        if self.data == 0:
            raise ZeroDivisionError("division by a Value equal to 0")
        return self._make(c / self.data, f"{c:g}/", (self,), (-c / (self.data * self.data),))

    # primitives
    def exp(self):
        """e^h, local derivative e^h."""
        e = _exp(self.data)
        return self._make(e, "exp", (self,), (e,))

    def log(self):
        """ln h (h > 0), local derivative 1/h."""
        if self.data <= 0:
            raise ValueError(f"log: expected a positive argument, got {self.data!r}")
        return self._make(math.log(self.data), "log", (self,), (1.0 / self.data,))

    def tanh(self):
        """tanh h, local derivative 1 − tanh² h."""
        t = math.tanh(self.data)
        return self._make(t, "tanh", (self,), (1.0 - t * t,))

    def sigmoid(self):
        """σ(h) = 1/(1 + e^{−h}), local derivative σ(1 − σ)."""
        s = _sigmoid(self.data)
        return self._make(s, "sigmoid", (self,), (s * (1.0 - s),))

    def relu(self):
        """max(0, h), local derivative 1 for h ≥ 0 else 0."""
        return self._make(max(self.data, 0.0), "relu", (self,), (1.0 if self.data >= 0 else 0.0,))

    # the backward sweep
    def topological_order(self):
        """The nodes this one depends on (itself last), each after all of its parents."""
        order, seen, stack = [], set(), [(self, False)]
        while stack:                                    # iterative: deep graphs need no recursion
            node, done = stack.pop()
            if done:
                order.append(node)
                continue
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((p, False) for p in node.parents if id(p) not in seen)
        return order

    def backward(self):
        """Reverse mode: set every node's ``grad`` to ∂(this)/∂(node) (chapter 2).

        Adjoints start at 1 for this node and flow back along each edge, multiplied
        by the edge's local derivative and summed over paths.  Grads are reset first,
        so calling backward twice gives the same numbers.
        """
        order = self.topological_order()
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            for parent, d in zip(node.parents, node.local):
                parent.grad += d * node.grad


# --- forward mode -----------------------------------------------------------------

class Dual:
    """A dual number a + ḃε (ε² = 0): ``value`` and ``der`` = the tangent ∂(this)/∂x (chapter 2).

    Seed the input you differentiate by with der = 1 (``Dual(w, 1)``) and all other
    inputs with der = 0; every operation applies the chain rule forward.
    """

    __slots__ = ("value", "der")
    __array_ufunc__ = None

    def __init__(self, value, der=0.0):
        self.value = _number(value, "value")
        self.der = _number(der, "der")

    def __repr__(self):
        return f"Dual({self.value:g}, der={self.der:g})"

    @staticmethod
    def _wrap(other):
        return other if isinstance(other, Dual) else Dual(_number(other, "other"), 0.0)

    @staticmethod
    def _make(op, value, der):
        return Dual(*_finite(op, value, der))

    def __add__(self, other):
        other = self._wrap(other)
        return self._make("other", self.value + other.value, self.der + other.der)

    __radd__ = __add__

    def __mul__(self, other):
        other = self._wrap(other)
        return self._make("other", self.value * other.value, self.der * other.value + self.value * other.der)

    __rmul__ = __mul__

    def __neg__(self):
        return Dual(-self.value, -self.der)

    def __sub__(self, other):
        return self + (-self._wrap(other))

    def __rsub__(self, other):
        return self._wrap(other) + (-self)

    def __pow__(self, exponent):
        if isinstance(exponent, Dual):
            raise TypeError("exponent: expected a constant number; for a Dual exponent use (log(a) * b).exp()")
        k = _number(exponent, "exponent")
        if self.value == 0 and k < 0:
            raise ZeroDivisionError("0 ** negative exponent")
        if self.value < 0 and not float(k).is_integer():
            raise ValueError(f"exponent: a negative base needs an integer exponent, got {k!r}")
        value, d = _power(self.value, k, "exponent")
        return self._make("exponent", value, d * self.der)

    def __truediv__(self, other):
        other = self._wrap(other)
        if other.value == 0:
            raise ZeroDivisionError("0 ** negative exponent")
        inv, d_inv = _power(other.value, -1.0, "other")           # a / b = a · b⁻¹, as the chapter derives it
        inv = Dual(inv, d_inv * other.der)
        return self._make("other", self.value * inv.value, self.der * inv.value + self.value * inv.der)

    def __rtruediv__(self, other):
        return self._wrap(other) / self

    def exp(self):
        """(e^a, e^a·ȧ)."""
        e = _exp(self.value)
        return self._make("exp", e, e * self.der)

    def log(self):
        """(ln a, ȧ/a), a > 0."""
        if self.value <= 0:
            raise ValueError(f"log: expected a positive argument, got {self.value!r}")
        return self._make("log", math.log(self.value), self.der / self.value)

    def tanh(self):
        """(tanh a, (1 − tanh² a)·ȧ)."""
        t = math.tanh(self.value)
        return Dual(t, (1.0 - t * t) * self.der)

    def sigmoid(self):
        """(σ(a), σ(1 − σ)·ȧ)."""
        s = _sigmoid(self.value)
        return Dual(s, s * (1.0 - s) * self.der)

    def relu(self):
        """(max(0, a), [a ≥ 0]·ȧ)."""
        return Dual(max(self.value, 0.0), self.der if self.value >= 0 else 0.0)
