"""The book's plots, in one style (chapter 2 onward).

* :func:`decision_boundary` — a classifier's output over the input plane, with the data
  (chapter 2; after Glassner 2021, Figs. 14-30, 14-33, 14-36).
* :func:`history_curves` — loss and accuracy per epoch, train and validation
  (chapter 2; Glassner Figs. 14-31, 14-34, 14-37).
* :func:`weight_history` — every parameter over the epochs, the biggest movers on top,
  re-ranked on ``update(..., resort=True)`` (chapter 2; Glassner Figs. 14-32, 14-35, 14-38).
* :func:`trajectories` — optimizer paths over a 2-D loss surface (chapter 1).

Each function draws into ``ax`` (or a new figure of 6×4 in at 100 dpi that pyplot does
not manage, so it is displayed only when asked) and returns a small object holding the
figure and the artists, with an ``update(...)`` method that redraws the data in place —
what the live widgets call while training runs.
"""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

__all__ = ["STYLE", "new_figure", "decision_boundary", "history_curves", "weight_history",
           "trajectories", "BoundaryPlot", "HistoryPlot", "WeightPlot", "TrajectoryPlot"]

#: The one style: train solid, validation dashed; class colours; sizes.
STYLE = {
    "figsize": (6.0, 4.0),
    "dpi": 100,
    "train": {"linestyle": "-"},
    "val": {"linestyle": "--"},
    "classes": ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"),
    "cmap": "RdBu_r",
    "point_size": 8,
}


def new_figure(nrows=1, ncols=1, **subplots_kw):
    """(figure, axes): a 6×4 in, 100 dpi figure with constrained layout, not managed by pyplot (all chapters)."""
    fig = Figure(figsize=STYLE["figsize"], dpi=STYLE["dpi"], layout="constrained")
    return fig, fig.subplots(nrows, ncols, **subplots_kw)


def _axes(ax):
    if ax is None:
        return new_figure()
    return ax.figure, ax


# --- decision boundary ------------------------------------------------------------------

def _as_predict(net_or_predict, model):
    """A function grid (m, 2) → values (m,) in [0, 1] (probability of class 1) or class labels."""
    from nnbook.network import MLP
    if isinstance(net_or_predict, MLP):
        net = net_or_predict
        if net.sizes[0] != 2:
            raise ValueError(f"net_or_predict: a decision boundary needs 2 inputs, the network has {net.sizes[0]}")
        if not -net.K <= model < net.K:
            raise ValueError(f"model: expected an index in 0 … {net.K - 1}, got {model!r}")

        k = model % net.K

        def predict(points):
            # Model k alone: net.model(k) copies its one row of parameters (P numbers), so
            # the grid goes through one network, not all K with K − 1 results thrown away.
            one = net if net.K == 1 else net.model(k)
            with np.errstate(all="ignore"):
                out = one.forward(points)[0]
            if out.shape[1] == 1:
                return out[:, 0] if net.output == "sigmoid" else (out[:, 0] > 0).astype(float)
            return np.argmax(out, axis=1).astype(float)
        return predict, (net.sizes[-1] if net.sizes[-1] > 1 else 2)
    if callable(net_or_predict):
        return net_or_predict, None
    raise TypeError(f"net_or_predict: expected an MLP or a function points → values, "
                    f"got {type(net_or_predict).__name__}")


class BoundaryPlot:
    """A decision-boundary figure (chapter 2): ``image`` (the output over the plane),
    ``contour`` (the boundary p = 0.5), ``scatter`` (the data); ``update(net_or_predict)``
    redraws the first two."""

    def __init__(self, fig, ax, grid, xx, yy, image, scatter, classes, model):
        self.fig, self.ax, self.image, self.scatter = fig, ax, image, scatter
        self.contour = None
        self._grid, self._xx, self._yy, self._classes, self._model = grid, xx, yy, classes, model

    def update(self, net_or_predict, model=None):
        """Recompute the output on the grid and redraw the image and the boundary line.

        ``model`` (default: the one drawn) picks a model of a K-model network; a
        single network (K = 1) is always model 0.
        """
        from nnbook.network import MLP
        model = self._model if model is None else model
        if isinstance(net_or_predict, MLP) and net_or_predict.K == 1:
            model = 0
        predict, classes = _as_predict(net_or_predict, model)
        classes = classes or self._classes
        values = np.asarray(predict(self._grid), dtype=float).reshape(self._xx.shape)
        if classes > 2:
            self.image.set_data(values / (classes - 1))
            levels = np.arange(classes - 1) + 0.5
        else:
            self.image.set_data(np.clip(values, 0.0, 1.0))
            levels = [0.5]
        if self.contour is not None:
            self.contour.remove()
            self.contour = None
        finite = values[np.isfinite(values)]
        if finite.size and finite.min() < levels[-1] and finite.max() > levels[0]:
            self.contour = self.ax.contour(self._xx, self._yy, np.nan_to_num(values, nan=0.0),
                                           levels=levels, colors="k", linewidths=1.0)
        return self


def decision_boundary(net_or_predict, X, y, ax=None, *, model=0, resolution=200, pad=0.5,
                      title=None):
    """Draw what a 2-input classifier says over the plane, and the data (chapter 2).

    ``net_or_predict`` is an :class:`~nnbook.network.MLP` (model ``model`` of its K; only
    that model is evaluated on the grid, through ``net.model(model)``, a K = 1 copy of its
    parameters; a sigmoid output is shown as the probability p(class 1), the line is
    p = 0.5) or a
    function ``points (m, 2) → values (m,)`` (probabilities or class labels).  The grid
    covers the data ± ``pad`` with ``resolution`` points a side (Glassner used a step
    of 0.01 and a padding of 0.5).  Returns a :class:`BoundaryPlot`.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X: expected points of shape (n, 2), got {X.shape}")
    y = np.asarray(y)
    if y.shape != (X.shape[0],):
        raise ValueError(f"y: expected {X.shape[0]} class labels (n,), got shape {y.shape}")
    if isinstance(resolution, bool) or not isinstance(resolution, (int, np.integer)) or resolution < 2:
        raise ValueError(f"resolution: expected an integer ≥ 2, got {resolution!r}")
    _, classes = _as_predict(net_or_predict, model)
    labels = np.unique(y)
    classes = max(classes or 2, len(labels))
    fig, ax = _axes(ax)
    (x0, y0), (x1, y1) = X.min(axis=0) - pad, X.max(axis=0) + pad
    xx, yy = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    grid = np.column_stack([xx.ravel(), yy.ravel()])
    image = ax.imshow(np.zeros(xx.shape), origin="lower", extent=(x0, x1, y0, y1), aspect="auto",
                      cmap=STYLE["cmap"] if classes <= 2 else "tab10", vmin=0.0, vmax=1.0, alpha=0.35,
                      interpolation="nearest")
    colors = [STYLE["classes"][int(c) % len(STYLE["classes"])] for c in y]
    scatter = ax.scatter(X[:, 0], X[:, 1], c=colors, s=STYLE["point_size"], edgecolors="none")
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)
    plot = BoundaryPlot(fig, ax, grid, xx, yy, image, scatter, classes, model)
    return plot.update(net_or_predict)


# --- history curves ---------------------------------------------------------------------------

class HistoryPlot:
    """Loss and accuracy curves per epoch (chapter 2): ``axes`` (loss, accuracy),
    ``lines[(metric, k)]``; ``update(history)`` sets the data of every line and rescales."""

    def __init__(self, fig, axes, lines, models):
        self.fig, self.axes, self.lines, self._models = fig, axes, lines, models

    def update(self, history):
        """Redraw from ``history`` (a :class:`~nnbook.train.History`, e.g. a Trainer's so far)."""
        epochs = np.arange(history.epochs + 1)
        for (metric, k), line in self.lines.items():
            line.set_data(epochs, getattr(history, metric)[:, k])
        for ax in self.axes:
            ax.relim()
            ax.autoscale_view()
        return self


def history_curves(history, ax=None, *, models=None, labels=("train", "validation"), title=None):
    """Loss (left) and accuracy (right) per epoch, train solid and validation dashed (chapter 2).

    Epoch 0 is before training; every point is measured on the whole set at the end of
    the epoch.  ``models`` picks models of a K-model history (default: all, one colour
    each).  ``labels`` names the two sets in the lines and the legend, (train,
    validation); chapter 2 says ("train", "test") for its held-out set.  ``ax`` is a
    pair of axes (loss, accuracy).  Returns a :class:`HistoryPlot`.
    """
    from nnbook.train import History
    if not isinstance(history, History):
        raise TypeError(f"history: expected an nnbook History, got {type(history).__name__}")
    if isinstance(labels, str) or not isinstance(labels, (tuple, list)) or len(labels) != 2 \
            or not all(isinstance(s, str) for s in labels):
        raise ValueError(f"labels: expected two names (train, validation), got {labels!r}")
    names = {"train": labels[0], "val": labels[1]}
    if ax is None:
        fig, axes = new_figure(1, 2)
    else:
        try:
            axes = list(ax)
        except TypeError:
            raise TypeError("ax: expected a pair of axes (loss, accuracy)") from None
        if len(axes) != 2:
            raise ValueError(f"ax: expected a pair of axes (loss, accuracy), got {len(axes)}")
        fig = axes[0].figure
    models = list(range(history.K)) if models is None else [int(k) for k in np.atleast_1d(models)]
    for k in models:
        if not 0 <= k < history.K:
            raise ValueError(f"models: expected indices in 0 … {history.K - 1}, got {k}")
    lines = {}
    many = len(models) > 1
    for i, k in enumerate(models):
        color = f"C{i % 10}"
        for ax_, kind in ((axes[0], "loss"), (axes[1], "acc")):
            for part in ("train", "val"):
                metric = f"{part}_{kind}"
                if np.all(np.isnan(getattr(history, metric)[:, k])):
                    continue
                # one legend entry per set: the first model's loss lines when there are several
                label = names[part] if not many or (i == 0 and kind == "loss") else None
                (line,) = ax_.plot([], [], color=color, lw=1.0 if many else 1.5, label=label,
                                   **STYLE[part])
                lines[(metric, k)] = line
    axes[0].set_ylabel("loss")
    axes[1].set_ylabel("accuracy")
    for ax_ in axes:
        ax_.set_xlabel("epoch")
        ax_.grid(True, alpha=0.3)
    if any(line.get_label() and not line.get_label().startswith("_") for line in axes[0].lines):
        axes[0].legend(loc="upper right", fontsize="small")
    if title:
        fig.suptitle(title)
    return HistoryPlot(fig, axes, lines, models).update(history)


# --- weight history -----------------------------------------------------------------------------

class WeightPlot:
    """All parameters θ_j(epoch) (chapter 2): ``lines`` (in drawing order, the biggest
    movers abs(θ_final − θ_first) last), ``order`` (parameter indices in that order:
    ``lines[r]`` shows parameter ``order[r]``), ``names``, ``top`` (how many are
    highlighted) and ``legend_kw`` (the legend's keyword arguments);
    ``update(weights, resort=...)`` redraws."""

    def __init__(self, fig, ax, lines, order, model, *, names=None, top=5, legend_kw=None):
        self.fig, self.ax, self.lines, self.order, self._model = fig, ax, lines, order, model
        self.names = names
        self.top = min(int(top), len(lines))
        self.legend_kw = {**_WEIGHT_LEGEND, **(legend_kw or {})}

    def name(self, j):
        """Parameter j's name: ``names[j]``, or θ[j] without names (chapter 2)."""
        return _param_name(self.names, j)

    def legend(self):
        """(Re)draw the legend of the ``top`` lines, biggest mover first, with ``legend_kw``
        (a ``zorder`` in it is set on the legend); None when ``top`` is 0 (chapter 2)."""
        if not self.top:
            return None
        kw = dict(self.legend_kw)
        zorder = kw.pop("zorder", None)
        legend = self.ax.legend(handles=self.lines[::-1][:self.top], **kw)
        if zorder is not None:
            legend.set_zorder(zorder)
        return legend

    def update(self, weights, resort=False):
        """Set the lines' data from new snapshots (E+1, P) or (E+1, K, P) (same P) (chapter 2).

        With ``resort=True`` the lines are first re-ranked by abs(w_last − w_first) of
        these snapshots, as :func:`weight_history` ranks them when it draws: the line
        drawn at rank r (colour, width, z-order 2 + r) shows the parameter now at rank r
        and takes its name, and the legend is redrawn when the ``top`` set or its order
        changes — what a live run needs, whose ranking changes as it trains.  Without
        it the order of the first drawing is kept.  The data limits are recomputed (and
        the view rescaled) only while an axis autoscales, i.e. unless its limits were set.
        """
        w = _weights_2d(weights, self._model)
        if w.shape[1] != len(self.lines):
            raise ValueError(f"weights: expected {len(self.lines)} parameters as drawn, got {w.shape[1]}")
        if resort:
            self._resort(_rank(w))
        epochs = np.arange(w.shape[0])
        for line, j in zip(self.lines, self.order):
            line.set_data(epochs, w[:, j])
        if self.ax.get_autoscalex_on() or self.ax.get_autoscaley_on():   # limits set by hand (a live
            self.ax.relim()                                              # widget's): skip the P-line relim
            self.ax.autoscale_view()
        return self

    def _resort(self, order):
        old = np.asarray(self.order)
        if np.array_equal(order, old):
            return
        P, n_top = len(self.lines), self.top
        for rank in np.flatnonzero(order != old):   # a line's style follows its rank; restyle the moved
            j = int(order[rank])
            self.lines[rank].set(**_line_style(rank, P, n_top, self.name(j)))
        self.order = order
        if n_top and not np.array_equal(order[P - n_top:], old[P - n_top:]):
            self.legend()


#: The weight plot's legend (chapter 2): top left, small, titled.
_WEIGHT_LEGEND = {"loc": "upper left", "fontsize": "small", "title": "largest change"}


def _param_name(names, j):
    return names[j] if names is not None else f"θ[{j}]"


def _rank(w):
    """Parameter indices sorted by abs(w_last − w_first), smallest first (a NaN counts as the largest)."""
    with np.errstate(invalid="ignore"):
        moved = np.nan_to_num(np.abs(w[-1] - w[0]), nan=np.inf)
    return np.argsort(moved, kind="stable")


def _line_style(rank, P, n_top, name):
    """Colour, width, z-order and label of the line drawn at ``rank`` of P (the top n_top highlighted)."""
    highlight = rank >= P - n_top
    return {"color": f"C{(P - 1 - rank) % 10}" if highlight else "0.7", "linewidth": 1.5 if highlight else 0.8,
            "zorder": 2 + rank, "label": name if highlight else "_nolegend_"}


def _weights_2d(weights, model):
    from nnbook.train import History
    if isinstance(weights, History):
        if weights.weights is None:
            raise ValueError("weights: this History has no snapshots; train with snapshots=True")
        weights = weights.weights
    w = np.asarray(weights, dtype=float)
    if w.ndim == 3:
        if not -w.shape[1] <= model < w.shape[1]:
            raise ValueError(f"model: expected an index in 0 … {w.shape[1] - 1}, got {model!r}")
        w = w[:, model, :]
    if w.ndim != 2:
        raise ValueError(f"weights: expected snapshots (epochs+1, P) or (epochs+1, K, P), got {w.shape}")
    return w


def weight_history(weights, ax=None, *, model=0, names=None, top=5, legend_kw=None, title=None):
    """Every parameter over the epochs, sorted by abs(w_final − w_first) so the biggest movers
    are drawn last, on top, and the ``top`` of them in colour with their names (chapter 2;
    Glassner's ``graph_changed_weights``, Figs. 14-32, 14-35, 14-38).

    ``weights`` are snapshots (E+1, P), (E+1, K, P) (model ``model``) or a History with
    snapshots; ``names`` the parameter names (e.g. ``net.param_names()``); ``legend_kw``
    overrides the legend's keyword arguments (e.g. ``fontsize``; ``zorder`` too), kept
    when ``update(..., resort=True)`` redraws it.  Returns a :class:`WeightPlot`.
    """
    w = _weights_2d(weights, model)
    P = w.shape[1]
    if names is not None and len(names) != P:
        raise ValueError(f"names: expected {P} names, got {len(names)}")
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 0:
        raise ValueError(f"top: expected an integer ≥ 0, got {top!r}")
    fig, ax = _axes(ax)
    order = _rank(w)
    n_top = min(top, P)
    epochs = np.arange(w.shape[0])
    lines = [ax.plot(epochs, w[:, j], **_line_style(rank, P, n_top, _param_name(names, j)))[0]
             for rank, j in enumerate(order)]
    plot = WeightPlot(fig, ax, lines, order, model, names=names, top=n_top, legend_kw=legend_kw)
    ax.set_xlabel("epoch")
    ax.set_ylabel("value")
    ax.grid(True, alpha=0.3)
    plot.legend()
    if title:
        ax.set_title(title)
    return plot


# --- optimizer trajectories ------------------------------------------------------------------------

class TrajectoryPlot:
    """Contours of a loss surface L(w0, w1) with optimizer paths w_t (chapter 1):
    ``contour``, ``lines``; ``update(paths)`` sets the paths' data (same number of paths)."""

    def __init__(self, fig, ax, contour, lines):
        self.fig, self.ax, self.contour, self.lines = fig, ax, contour, lines

    def update(self, paths):
        """Redraw the paths (a list like the one given to :func:`trajectories`)."""
        items = _paths(paths)
        if len(items) != len(self.lines):
            raise ValueError(f"paths: expected {len(self.lines)} paths as drawn, got {len(items)}")
        for line, (_, pts) in zip(self.lines, items):
            line.set_data(pts[:, 0], pts[:, 1])
        return self


def _paths(paths):
    """[(label, points (m, 2))] from Trajectory objects, arrays, or a dict label → path."""
    if isinstance(paths, dict):
        items = list(paths.items())
    elif isinstance(paths, np.ndarray) or hasattr(paths, "points"):
        items = [(None, paths)]
    else:
        items = [(None, p) for p in paths]
    out = []
    for i, (label, p) in enumerate(items):
        label = label if label is not None else getattr(p, "label", None)
        pts = np.asarray(getattr(p, "points", p), dtype=float)
        if pts.ndim != 2 or pts.shape[1] != 2:
            raise ValueError(f"paths[{i}]: expected points of shape (m, 2), got {pts.shape}")
        out.append((label, pts))
    return out


def trajectories(surface, paths, ax=None, *, labels=None, levels=20, resolution=200, title=None):
    """Contour lines of a 2-D loss surface and the paths optimizers took on it (chapter 1).

    ``surface`` is a :mod:`nnbook.surfaces` surface (or its name); ``paths`` a list of
    :class:`~nnbook.surfaces.Trajectory` objects or (m, 2) arrays, or a dict label → path;
    ``labels`` names them.  Levels are log-spaced when the loss is positive and spans
    more than two decades (Rosenbrock), else evenly spaced.  Returns a :class:`TrajectoryPlot`.
    """
    from nnbook import surfaces as _surfaces
    if isinstance(surface, str):
        surface = _surfaces.get(surface)
    if not isinstance(surface, _surfaces.Surface):
        raise TypeError(f"surface: expected an nnbook surface or its name, got {type(surface).__name__}")
    items = _paths(paths)
    if labels is not None:
        if len(labels) != len(items):
            raise ValueError(f"labels: expected {len(items)} labels, got {len(labels)}")
        items = [(lab, pts) for lab, (_, pts) in zip(labels, items)]
    fig, ax = _axes(ax)
    x = np.linspace(*surface.xlim, resolution)
    y = np.linspace(*surface.ylim, resolution)
    xx, yy = np.meshgrid(x, y)
    zz = surface.value(np.stack([xx, yy], axis=-1))
    lo, hi = float(np.min(zz)), float(np.max(zz))
    if isinstance(levels, (int, np.integer)):
        if lo > 0 and hi / lo > 100:
            lv = np.geomspace(lo, hi, levels)
        elif lo >= 0 and hi > 0 and (hi - lo) > 0 and np.median(zz) < hi / 50:
            lv = np.geomspace(max(lo, hi * 1e-4), hi, levels)
        else:
            lv = np.linspace(lo, hi, levels)
    else:
        lv = levels
    contour = ax.contour(xx, yy, zz, levels=lv, cmap="viridis", linewidths=0.7)
    ax.plot(*surface.minimum, marker="*", color="k", ms=10, ls="none", zorder=5)
    lines = []
    for i, (label, pts) in enumerate(items):
        (line,) = ax.plot(pts[:, 0], pts[:, 1], marker="o", ms=2.5, lw=1.2, color=f"C{(i + 1) % 10}",
                          label=label, zorder=4)
        lines.append(line)
    ax.set_xlim(*surface.xlim)
    ax.set_ylim(*surface.ylim)
    ax.set_xlabel("$w_0$")
    ax.set_ylabel("$w_1$")
    if any(label for label, _ in items):
        ax.legend(loc="upper right", fontsize="small")
    ax.set_title(title if title is not None else f"{surface.name}: {surface.formula}")
    return TrajectoryPlot(fig, ax, contour, lines)
