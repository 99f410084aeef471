"""Two-dimensional test losses with gradients, and optimizer trajectories on them (chapter 1).

Each surface is an object with ``value(w)`` and ``grad(w)`` for w of shape (2,)
or (..., 2) (a grid of points, e.g. ``np.stack(np.meshgrid(a, b), axis=-1)``),
a default ``start``, a plot range ``xlim``/``ylim`` and its ``minimum``.

* ``bowl``            L = w0² + w1²            (Chaudhury Fig. 9.9/9.10: start (100, 200))
* ``elongated_bowl``  L = w0² + κ w1², κ = 10  (the zig-zag that momentum damps)
* ``rosenbrock``      L = (a − w0)² + b(w1 − w0²)², a = 1, b = 100 (the curved valley)
* ``saddle``          L = w0² − w1²             (Kneusel's "marble on a saddle")

:func:`trajectory` runs an optimizer from :mod:`nnbook.optim` on a surface and
stops, without RuntimeWarnings, as soon as a point or its loss is no longer
finite, recording where (``diverged``, ``diverged_at``).  It runs at most
``checks.MAX_STEPS`` (10⁷) steps: more would take minutes and its two arrays of
points and values gigabytes.

``value`` and ``grad`` take finite points only; where L or ∇L overflows float64 they
return ±inf, and where the overflow leaves no value at all (the saddle's ∞ − ∞) they
raise ``ValueError`` instead of returning NaN.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnbook import checks

__all__ = ["Surface", "Bowl", "ElongatedBowl", "Rosenbrock", "Saddle", "SURFACES", "get", "names",
           "Trajectory", "trajectory"]


def _as_points(w):
    w = checks.real_array(w, "w", finite=False, nonempty=False)
    if w.ndim == 0 or w.shape[-1] != 2:
        raise ValueError(f"w: expected points of shape (2,) or (..., 2), got shape {w.shape}")
    if not np.all(np.isfinite(w)):
        raise ValueError("w: contains NaN or infinity")
    return w


def _defined(result):
    if np.isnan(result).any():
        raise ValueError("w: L(w) or its gradient overflows float64 at this point (∞ − ∞); "
                         "take points closer to the minimum")
    return result


class Surface:
    """A 2-D loss L(w0, w1) with its gradient, a default start and a plot range (chapter 1)."""

    name = "surface"
    formula = ""
    params: dict = {}           # the parameters (bound values on an instance) that get() accepts
    start = (1.0, 1.0)
    xlim = (-2.0, 2.0)
    ylim = (-2.0, 2.0)
    minimum = (0.0, 0.0)

    def value(self, w):
        """L(w) for w of shape (2,) or (..., 2); returns shape (...)."""
        w = _as_points(w)
        with np.errstate(over="ignore", invalid="ignore"):
            return _defined(self._value(w[..., 0], w[..., 1]))

    def grad(self, w):
        """∇L(w), shaped like w."""
        w = _as_points(w)
        with np.errstate(over="ignore", invalid="ignore"):
            g0, g1 = self._grad(w[..., 0], w[..., 1])
            return _defined(np.stack([g0, g1], axis=-1))

    def __call__(self, w):
        return self.value(w)

    def _value(self, w0, w1):
        raise NotImplementedError("Surface is the base class: use Bowl(), ElongatedBowl(), Rosenbrock(), "
                                  "Saddle() or get(name)")

    _grad = _value

    def __repr__(self):
        return f"{type(self).__name__}({self.formula})"


class Bowl(Surface):
    """L = w0² + w1², ∇L = 2w (chapter 1; Chaudhury §9.2.5: a paraboloid, not a "cone")."""

    name, formula = "bowl", "w0² + w1²"
    start, xlim, ylim = (100.0, 200.0), (-250.0, 250.0), (-250.0, 250.0)

    def _value(self, w0, w1):
        return w0 * w0 + w1 * w1

    def _grad(self, w0, w1):
        return 2 * w0, 2 * w1


class ElongatedBowl(Surface):
    """L = w0² + κ w1², ∇L = (2w0, 2κ w1); condition number κ (chapter 1)."""

    name = "elongated_bowl"
    start, xlim, ylim = (-4.0, 2.0), (-5.0, 5.0), (-3.0, 3.0)
    params = {"kappa": 10.0}

    def __init__(self, kappa=10.0):
        self.kappa = checks.number(kappa, "kappa", 0, low_open=True)
        self.params = {"kappa": self.kappa}
        self.formula = f"w0² + {self.kappa:g}·w1²"

    def _value(self, w0, w1):
        return w0 * w0 + self.kappa * w1 * w1

    def _grad(self, w0, w1):
        return 2 * w0, 2 * self.kappa * w1


class Rosenbrock(Surface):
    """L = (a − w0)² + b(w1 − w0²)², minimum at (a, a²) (chapter 1).

    ∇L = (−2(a − w0) − 4b·w0(w1 − w0²), 2b(w1 − w0²)).
    """

    name = "rosenbrock"
    start, xlim, ylim = (-1.5, 2.0), (-2.0, 2.0), (-1.0, 3.0)
    params = {"a": 1.0, "b": 100.0}

    def __init__(self, a=1.0, b=100.0):
        self.a, self.b = checks.number(a, "a"), checks.number(b, "b", 0, low_open=True)
        self.params = {"a": self.a, "b": self.b}
        self.formula = f"({self.a:g} − w0)² + {self.b:g}(w1 − w0²)²"
        self.minimum = (self.a, self.a * self.a)

    def _value(self, w0, w1):
        r = w1 - w0 * w0
        return (self.a - w0) ** 2 + self.b * r * r

    def _grad(self, w0, w1):
        r = w1 - w0 * w0
        return -2 * (self.a - w0) - 4 * self.b * w0 * r, 2 * self.b * r


class Saddle(Surface):
    """L = w0² − w1², ∇L = (2w0, −2w1): a saddle point at 0, unbounded below (chapter 1).

    Started exactly on the w0 axis, gradient descent slides into the saddle and stops;
    any offset in w1 grows by (1 + 2η) per step and escapes.
    """

    name, formula = "saddle", "w0² − w1²"
    start, xlim, ylim = (2.0, 0.01), (-2.5, 2.5), (-2.5, 2.5)

    def _value(self, w0, w1):
        return w0 * w0 - w1 * w1

    def _grad(self, w0, w1):
        return 2 * w0, -2 * w1


SURFACES = {"bowl": Bowl, "elongated_bowl": ElongatedBowl, "rosenbrock": Rosenbrock, "saddle": Saddle}


def names() -> list[str]:
    """The names of all surfaces (chapter 1)."""
    return list(SURFACES)


def get(name, **params) -> Surface:
    """A surface by name: ``get("elongated_bowl", kappa=20)`` (chapter 1).  A Surface passes through."""
    if not isinstance(name, (str, Surface)):
        raise TypeError(f"name: expected a surface name (str), got {type(name).__name__}")
    found = checks.lookup(SURFACES, name, "surface", Surface, params, lambda cls, kw: cls(**kw))
    return found() if isinstance(found, type) else found


def _raw_value(surface, w):
    """L at the point w (2,), without checks (the trajectory's loop tests finiteness itself)."""
    return surface._value(w[0], w[1])


def _raw_grad(surface, w):
    g0, g1 = surface._grad(w[0], w[1])
    return np.array([g0, g1])


@dataclass(frozen=True)
class Trajectory:
    """The points visited: ``points`` (m + 1, 2) from the start, ``values`` L at each point (chapter 1).

    ``diverged`` is True when step ``diverged_at`` (1-based) produced a non-finite
    point or loss; that point is not in ``points``, so m = diverged_at − 1.
    """

    points: np.ndarray
    values: np.ndarray
    diverged: bool
    diverged_at: int | None

    def __post_init__(self):
        points, values = np.asarray(self.points), np.asarray(self.values)
        if points.ndim != 2 or points.shape[1:] != (2,) or values.shape != points.shape[:1]:
            raise ValueError(f"points, values: expected shapes (m + 1, 2) and (m + 1,), got "
                             f"{points.shape} and {values.shape}")
        if not isinstance(self.diverged, (bool, np.bool_)):
            raise TypeError(f"diverged: expected True or False, got {self.diverged!r}")
        if self.diverged_at is not None:
            checks.integer(self.diverged_at, "diverged_at", 1)

    @property
    def steps(self):
        """The number of finite steps taken (len(points) − 1)."""
        return len(self.points) - 1

    @property
    def message(self):
        """A sentence for a plot title: where it diverged, or the final loss."""
        if self.diverged:
            return f"diverged at step {self.diverged_at}"
        return f"{self.steps} steps, loss {self.values[-1]:.4g}"


def trajectory(surface, optimizer, start=None, steps=50):
    """Run ``optimizer`` on ``surface`` from ``start`` (default ``surface.start``) for ``steps`` steps (chapter 1).

    w_0 = start; for t = 1 … steps: optimizer.step(w, ∇L(w)).  The optimizer is
    ``reset()`` first.  Stops early, without warnings, when w or L(w) stops being
    finite, and reports it.  (For :class:`~nnbook.optim.Nesterov` the points are
    the look-ahead points it holds.)  At most ``checks.MAX_STEPS`` (10⁷) steps.
    """
    from nnbook import optim as _optim
    if isinstance(surface, str):
        try:
            surface = get(surface)
        except ValueError as err:
            raise ValueError(f"surface: {str(err).split(': ', 1)[-1]}") from None
    if not isinstance(surface, Surface):
        raise TypeError(f"surface: expected a Surface or its name, got {type(surface).__name__}")
    if not isinstance(optimizer, _optim.Optimizer):
        raise TypeError(f"optimizer: expected an nnbook.optim optimizer (e.g. optim.SGD(lr=0.1)), "
                        f"got {type(optimizer).__name__}")
    w = checks.real_array(surface.start if start is None else start, "start").copy()
    if w.shape != (2,):
        raise ValueError(f"start: expected a point (w0, w1), got shape {w.shape}")
    steps = checks.integer(steps, "steps", 0, checks.MAX_STEPS)
    with np.errstate(all="ignore"):
        v = _raw_value(surface, w)
    if not np.isfinite(v):
        raise ValueError(f"start: L is not finite at the start {tuple(w)}")
    optimizer.reset()
    points = np.empty((steps + 1, 2))
    values = np.empty(steps + 1)
    points[0], values[0] = w, v
    diverged_at = None
    with np.errstate(all="ignore"):
        for t in range(1, steps + 1):
            optimizer.step(w, _raw_grad(surface, w))
            v = _raw_value(surface, w)
            if not (np.isfinite(w).all() and np.isfinite(v)):
                diverged_at = t
                break
            points[t], values[t] = w, v
    m = steps if diverged_at is None else diverged_at - 1
    return Trajectory(points[:m + 1].copy(), values[:m + 1].copy(), diverged_at is not None, diverged_at)
