"""The book's plots, in one style (all chapters).

* :func:`new_figure` — the one figure factory: 6×4 in at 100 dpi, not managed by pyplot
  (the widgets' matplotlib figures use it too; their live drawing takes :data:`STYLE`'s
  colours through ``nnbook.widgets.live.book_style``).
* :func:`use_book_style` — the matplotlib settings every chapter starts with.
* :func:`network_diagram` — a layered network: neurons as circles, weights as lines,
  optional layer labels, highlights, neuron colours and edge widths (chapters 0 and 2;
  after Kneusel 2021, Fig. 9-4, and Glassner 2021, Fig. 14-22).
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
what the live widgets call while training runs.  Bad arguments raise ``ValueError`` or
``TypeError`` saying ``name: expected …, got …``.
"""
from __future__ import annotations

import math
import numbers

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.colors import Normalize
from matplotlib.figure import Figure

from nnbook import checks

__all__ = ["STYLE", "FIGSIZE", "DPI", "BOOK_RC", "new_figure", "use_book_style", "network_diagram",
           "decision_boundary", "history_curves", "weight_history", "trajectories", "NetworkDiagram",
           "BoundaryPlot", "HistoryPlot", "WeightPlot", "TrajectoryPlot"]

#: The book's figure: 6×4 in at 100 dpi (the conventions ask for about 6×4 in at ≤ 100 dpi).
FIGSIZE = (6.0, 4.0)
DPI = 100

#: Limits of :func:`new_figure`.  A request beyond them is a mistake (a 1,000-row grid,
#: a figure in feet), not a figure: it would take minutes and hundreds of MB to draw.
MAX_AXES_PER_SIDE = 12
MAX_INCHES = 20.0
MAX_DPI = 200.0

#: Limits of grid resolutions (points per side: 1,000² = a million evaluations).
MAX_RESOLUTION = 1000
#: Limits of :func:`trajectories`: contour levels and paths drawn.
MAX_LEVELS = 1000
MAX_PATHS = 100

#: The one style: train solid, validation dashed; class colours; sizes.
STYLE = {
    "figsize": FIGSIZE,
    "dpi": DPI,
    "train": {"linestyle": "-"},
    "val": {"linestyle": "--"},
    "classes": ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"),
    "cmap": "RdBu_r",
    "point_size": 8,
}

#: The matplotlib settings of the book's chapters (:func:`use_book_style`).
BOOK_RC = {
    "figure.figsize": FIGSIZE,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "font.size": 9,
}


def _is_int(v):
    return isinstance(v, (numbers.Integral, np.integer)) and not isinstance(v, (bool, np.bool_))


def _is_number(v):
    return isinstance(v, (numbers.Real, np.floating, np.integer)) and not isinstance(v, (bool, np.bool_))


def _check_int(value, name, low, high):
    if not _is_int(value) or not low <= value <= high:
        raise ValueError(f"{name}: expected an integer in {low} … {high}, got {value!r}")
    return int(value)


def _finite_float(v):
    """v as a finite float, or None if it is not a real number or not finite (10**400 too)."""
    if not _is_number(v):
        return None
    try:
        v = float(v)
    except OverflowError:
        return None
    return v if math.isfinite(v) else None


def _check_text(value, name):
    """A title or label: a string or None."""
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{name}: expected a string or None, got {type(value).__name__}")
    return value


def _check_color(value, name):
    if isinstance(value, (bool, np.bool_)) or not mpl.colors.is_color_like(value):
        raise ValueError(f"{name}: expected a matplotlib colour (a name such as 'C3', a grey level "
                         f"such as '0.6', or RGB(A)), got {value!r}")
    return value


def _list(value, name, what):
    """A list or tuple (not a string, dict or other object) as a list."""
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"{name}: expected a list of {what}, got {type(value).__name__}")
    return list(value)


def new_figure(nrows=1, ncols=1, *, figsize=FIGSIZE, dpi=DPI, **subplots_kw):
    """(figure, axes): a 6×4 in, 100 dpi figure with constrained layout (all chapters and widgets).

    pyplot does not manage it, so it is displayed only when asked (as a cell's last
    expression): it never appears twice and never needs
    closing.  ``subplots_kw`` go to ``Figure.subplots`` (``sharex``, ``squeeze``, …).
    At most ``MAX_AXES_PER_SIDE`` (12) rows and columns, ``MAX_INCHES`` (20) a side and
    ``MAX_DPI`` (200) dpi.
    """
    nrows = _check_int(nrows, "nrows", 1, MAX_AXES_PER_SIDE)
    ncols = _check_int(ncols, "ncols", 1, MAX_AXES_PER_SIDE)
    try:
        width, height = figsize
        ok = isinstance(figsize, (tuple, list, np.ndarray)) and all(
            _is_number(v) and 0 < v <= MAX_INCHES for v in (width, height))
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise ValueError(f"figsize: expected (width, height) in inches, each in (0, {MAX_INCHES:g}], "
                         f"got {figsize!r}")
    if not _is_number(dpi) or not 0 < dpi <= MAX_DPI:
        raise ValueError(f"dpi: expected a number in (0, {MAX_DPI:g}], got {dpi!r}")
    fig = Figure(figsize=(float(width), float(height)), dpi=dpi, layout="constrained")
    try:
        return fig, fig.subplots(nrows, ncols, **subplots_kw)
    except (TypeError, ValueError, AttributeError) as err:
        raise (ValueError if isinstance(err, AttributeError) else type(err))(
            f"{', '.join(subplots_kw) or 'subplots_kw'}: not accepted by Figure.subplots ({err})") from None


def use_book_style():
    """Set the book's matplotlib defaults (:data:`BOOK_RC`: 6×4 in at 100 dpi, a light grid,
    9-point text); the first setup cell of every chapter calls it."""
    mpl.rcParams.update(BOOK_RC)


def _axes(ax):
    if ax is None:
        return new_figure()
    if not isinstance(ax, Axes):
        raise TypeError(f"ax: expected a matplotlib Axes, got {type(ax).__name__}")
    return ax.figure, ax


# --- network diagram ---------------------------------------------------------------------

#: Limits of :func:`network_diagram`: beyond them the picture is a grey blur, not a diagram.
MAX_LAYERS = 12
MAX_NEURONS = 32
MAX_EDGE_WIDTH = 50.0


class NetworkDiagram:
    """A layered network drawing (chapters 0 and 2).

    ``nodes`` holds one scatter per layer (layer 0, the input, first); ``edges`` one
    ``LineCollection`` per weight matrix W⁽ˡ⁾ (l = 1 … L), its segments in the order of
    W⁽ˡ⁾'s entries, row-major (segment k·n⁽ˡ⁻¹⁾ + j joins neuron j of layer l − 1 to
    neuron k of layer l, the weight W⁽ˡ⁾[k, j]); ``highlighted`` the bold weights (or
    None); ``numbers`` the neuron indices written in the circles; ``positions[l]`` the
    heights of layer l's neurons (layer l is drawn at x = l); ``colorbar`` (or None).
    ``update(node_values=..., edge_values=...)`` recolours the neurons and re-widths the
    weights in place.
    """

    def __init__(self, fig, ax, sizes, positions, nodes, edges, highlighted, numbers, colorbar, norm,
                 edge_width):
        self.fig, self.ax, self.sizes, self.positions = fig, ax, sizes, positions
        self.nodes, self.edges, self.highlighted, self.numbers = nodes, edges, highlighted, numbers
        self.colorbar, self._norm, self._edge_width = colorbar, norm, edge_width

    def update(self, node_values=None, edge_values=None):
        """New neuron values (as in :func:`network_diagram`; the colour scale is kept) and/or
        new edge values (widths 0.4 … 3.4, scaled by the largest abs value)."""
        if node_values is not None:
            values = _node_values(node_values, self.sizes)
            for scatter, v in zip(self.nodes, values):
                if v is not None:
                    scatter.set_array(v)
        if edge_values is not None:
            for collection, w in zip(self.edges, _edge_widths(edge_values, self.sizes, self._edge_width)):
                collection.set_linewidths(w)
        return self


def _layer_symbols(L):
    """x, a⁽¹⁾, …, a⁽ᴸ⁻¹⁾, ŷ in mathtext, the chapters' names of the layers' values."""
    return ([r"$\mathbf{x}$"] + [rf"$\mathbf{{a}}^{{({l})}}$" for l in range(1, L)]
            + [r"$\hat{\mathbf{y}}$"])


def _node_values(node_values, sizes):
    """One array (or None) per layer, from a list for every layer or for layers 1 … L."""
    values = _list(node_values, "node_values", "arrays (one per layer)")
    L = len(sizes) - 1
    if len(values) == L:
        values = [None] + values
        offset = 1
    elif len(values) == L + 1:
        offset = 0
    else:
        raise ValueError(f"node_values: expected {L + 1} arrays (every layer) or {L} (layers 1 … {L}), "
                         f"got {len(values)}")
    out = []
    for l, v in enumerate(values):
        if v is None:
            out.append(None)
            continue
        name = f"node_values[{l - offset}]"
        v = checks.real_array(v, name, finite=False, nonempty=False)
        if v.shape != (sizes[l],):
            raise ValueError(f"{name}: expected {sizes[l]} values, got shape {v.shape}")
        if not np.all(np.isfinite(v)):
            raise ValueError(f"{name}: expected finite values, got {int(np.sum(~np.isfinite(v)))} NaN or infinite")
        out.append(v)
    return out


def _edge_widths(edge_values, sizes, default):
    """Line widths per weight matrix: 0.4 + 3·abs(v)/max abs(v) over all matrices."""
    L = len(sizes) - 1
    if edge_values is None:
        return [np.full(sizes[l] * sizes[l - 1], default) for l in range(1, L + 1)]
    values = _list(edge_values, "edge_values", "arrays (one per weight matrix)")
    if len(values) != L:
        raise ValueError(f"edge_values: expected {L} arrays (one per weight matrix), got {len(values)}")
    arrays = []
    for l, v in enumerate(values, start=1):
        v = checks.real_array(v, f"edge_values[{l - 1}]", finite=False, nonempty=False)
        if v.shape != (sizes[l], sizes[l - 1]):
            raise ValueError(f"edge_values[{l - 1}]: expected shape {(sizes[l], sizes[l - 1])} (n_out, n_in), "
                             f"got {v.shape}")
        if not np.all(np.isfinite(v)):
            raise ValueError(f"edge_values[{l - 1}]: expected finite values, "
                             f"got {int(np.sum(~np.isfinite(v)))} NaN or infinite")
        arrays.append(np.abs(v).ravel())
    vmax = max(a.max() for a in arrays)
    vmax = vmax if vmax > 0 else 1.0
    return [0.4 + 3.0 * a / vmax for a in arrays]


def _highlights(highlight, sizes):
    """Split ``highlight`` into weights (l, j, k) and neurons (l, i), each checked."""
    if highlight is None:
        return [], []
    highlight = _list(highlight, "highlight", "weights (l, j, k) or neurons (l, i)")
    items = [highlight] if len(highlight) and _is_int(highlight[0]) else highlight
    L = len(sizes) - 1
    weights, neurons = [], []
    for item in items:
        item = tuple(item) if isinstance(item, (list, tuple)) else (item,)
        if len(item) == 3 and all(_is_int(v) for v in item):
            l, j, k = item
            if 1 <= l <= L and 0 <= j < sizes[l - 1] and 0 <= k < sizes[l]:
                weights.append((int(l), int(j), int(k)))
                continue
        elif len(item) == 2 and all(_is_int(v) for v in item):
            l, i = item
            if 0 <= l <= L and 0 <= i < sizes[l]:
                neurons.append((int(l), int(i)))
                continue
        raise ValueError(f"highlight: expected a weight (l, j, k) with l in 1 … {L}, j < n⁽ˡ⁻¹⁾, k < n⁽ˡ⁾ "
                         f"(from neuron j of layer l − 1 to neuron k of layer l) or a neuron (l, i) with "
                         f"l in 0 … {L}, i < n⁽ˡ⁾, for sizes {list(sizes)}; got {item!r}")
    return weights, neurons


def network_diagram(sizes, ax=None, *, labels="symbols", numbered=False, first="top", highlight=None,
                    highlight_color="C3", node_color=None, node_size=400, node_values=None, cmap="Reds",
                    vmin=None, vmax=None, colorbar=None, edge_values=None, edge_color="0.6", edge_width=1.0,
                    edge_alpha=1.0, title=None):
    """Draw a fully connected feedforward network: a column of circles per layer, a line per
    weight between consecutive layers (chapter 0, "Network structures"; chapter 2, deltas).

    ``sizes`` are the layer sizes n⁽⁰⁾ … n⁽ᴸ⁾ (2 … 12 layers, at most 32 neurons each).
    ``labels`` names the layers under them: ``"symbols"`` (x, a⁽¹⁾, …, ŷ), a list of one
    string per layer, or None.  ``numbered`` writes each neuron's index in its circle;
    ``first`` puts neuron 0 of every layer at the ``"top"`` (Kneusel's numbering) or the
    ``"bottom"``.  ``highlight`` is one item or a list: a weight (l, j, k) = Kneusel's
    w⁽ˡ⁾_jk, from neuron j of layer l − 1 to neuron k of layer l (the book's
    ``weights[l-1][k, j]``), drawn bold, or a neuron (l, i), drawn with a thick ring, both
    in ``highlight_color``.  Neurons take ``node_color`` (one colour, or one per layer;
    default: inputs and outputs green, hidden blue), or, where ``node_values`` gives
    numbers (a list of arrays for every layer, or for layers 1 … L; None entries keep
    ``node_color``), a colour of ``cmap`` between ``vmin`` (default min(0, smallest)) and
    ``vmax`` (default the largest); ``colorbar`` (a label) adds a colour bar.
    ``edge_values`` (one (n⁽ˡ⁾, n⁽ˡ⁻¹⁾) array per W⁽ˡ⁾, e.g. gradients) set the line widths
    to 0.4 + 3·abs(v)/max abs(v); otherwise every line is ``edge_width`` wide.
    Returns a :class:`NetworkDiagram`.
    """
    if isinstance(sizes, (str, bytes, dict, set)) or not hasattr(sizes, "__len__"):
        raise TypeError(f"sizes: expected a sequence of layer sizes, got {type(sizes).__name__}")
    if not 2 <= len(sizes) <= MAX_LAYERS:
        raise ValueError(f"sizes: expected 2 … {MAX_LAYERS} layer sizes, got {len(sizes)}")
    sizes = list(sizes)
    for n in sizes:
        if not _is_int(n) or not 1 <= n <= MAX_NEURONS:
            raise ValueError(f"sizes: expected integers in 1 … {MAX_NEURONS} (neurons drawn per layer), got {n!r}")
    sizes = [int(n) for n in sizes]
    L = len(sizes) - 1
    if isinstance(labels, str) and labels == "symbols":
        labels = _layer_symbols(L)
    elif labels is not None:
        if not isinstance(labels, str):
            labels = _list(labels, "labels", "layer labels")
        if isinstance(labels, str) or len(labels) != L + 1:
            raise ValueError(f"labels: expected {L + 1} labels (one per layer), 'symbols' or None, "
                             f"got {len(labels) if not isinstance(labels, str) else repr(labels)}")
        labels = [str(t) for t in labels]
    numbered = checks.flag(numbered, "numbered")
    _check_color(highlight_color, "highlight_color")
    _check_color(edge_color, "edge_color")
    if _finite_float(edge_width) is None or not 0 < edge_width <= MAX_EDGE_WIDTH:
        raise ValueError(f"edge_width: expected a number in (0, {MAX_EDGE_WIDTH:g}], got {edge_width!r}")
    if _finite_float(edge_alpha) is None or not 0 <= edge_alpha <= 1:
        raise ValueError(f"edge_alpha: expected a number in [0, 1], got {edge_alpha!r}")
    if cmap is not None and not (isinstance(cmap, mpl.colors.Colormap) or (isinstance(cmap, str) and cmap in mpl.colormaps)):
        raise ValueError(f"cmap: expected a matplotlib colormap or its name (e.g. 'Reds'), got {cmap!r}")
    for v, name in ((vmin, "vmin"), (vmax, "vmax")):
        if v is not None and _finite_float(v) is None:
            raise ValueError(f"{name}: expected a finite number or None, got {v!r}")
    _check_text(colorbar, "colorbar")
    _check_text(title, "title")
    if first not in ("top", "bottom"):
        raise ValueError(f"first: expected 'top' or 'bottom', got {first!r}")
    if not _is_number(node_size) or not 0 < node_size <= 5000:
        raise ValueError(f"node_size: expected a number in (0, 5000], got {node_size!r}")
    if node_color is None:
        node_color = ["C2"] + ["C0"] * (L - 1) + ["C2"]
    elif isinstance(node_color, str) or np.ndim(node_color) == 1 and len(node_color) in (3, 4)             and all(_is_number(c) for c in node_color):
        node_color = [node_color] * (L + 1)
    else:
        node_color = _list(node_color, "node_color", "colours (one per layer)")
        if len(node_color) != L + 1:
            raise ValueError(f"node_color: expected one colour or {L + 1} (one per layer), got {len(node_color)}")
    for c in node_color:
        _check_color(c, "node_color")
    weights_hl, neurons_hl = _highlights(highlight, sizes)
    values = _node_values(node_values, sizes) if node_values is not None else [None] * (L + 1)
    widths = _edge_widths(edge_values, sizes, edge_width)
    fig, ax = _axes(ax)

    sign = -1.0 if first == "top" else 1.0
    positions = [sign * (np.arange(n) - (n - 1) / 2) for n in sizes]
    edges = []
    for l in range(1, L + 1):
        segments = [[(l - 1, positions[l - 1][j]), (l, positions[l][k])]
                    for k in range(sizes[l]) for j in range(sizes[l - 1])]
        collection = LineCollection(segments, colors=edge_color, linewidths=widths[l - 1], alpha=edge_alpha,
                                    zorder=1)
        ax.add_collection(collection)
        edges.append(collection)
    highlighted = None
    if weights_hl:
        highlighted = LineCollection([[(l - 1, positions[l - 1][j]), (l, positions[l][k])] for l, j, k in weights_hl],
                                     colors=highlight_color, linewidths=3.0, zorder=1.5)
        ax.add_collection(highlighted)

    shown = [v for v in values if v is not None]
    norm = None
    if shown:
        lo = min(0.0, min(float(v.min()) for v in shown)) if vmin is None else vmin
        hi = max(float(v.max()) for v in shown) if vmax is None else vmax
        if hi < lo:
            raise ValueError(f"vmin, vmax: expected vmin ≤ vmax, got the colour scale {lo!r} … {hi!r}")
        norm = Normalize(vmin=lo, vmax=hi if hi > lo else lo + 1e-12)
    nodes, numbers_ = [], []
    for l, n in enumerate(sizes):
        ring = ["k"] * n
        ring_width = np.full(n, 1.0)
        for hl, i in neurons_hl:
            if hl == l:
                ring[i], ring_width[i] = highlight_color, 3.0
        kw = ({"c": values[l], "cmap": cmap, "norm": norm} if values[l] is not None
              else {"color": node_color[l]})
        nodes.append(ax.scatter(np.full(n, l), positions[l], s=node_size, edgecolors=ring,
                                linewidths=ring_width, zorder=2, **kw))
        if numbered:
            numbers_ += [ax.text(l, y, str(i), ha="center", va="center", color="w", fontsize=8, zorder=3)
                         for i, y in enumerate(positions[l])]
    bar = None
    if colorbar is not None and norm is not None:
        mappable = next(s for s, v in zip(nodes, values) if v is not None)
        bar = fig.colorbar(mappable, ax=ax, label=str(colorbar), shrink=0.8)

    half = (max(sizes) - 1) / 2
    ax.set_xlim(-0.5, L + 0.5)
    ax.set_ylim(-half - 0.45, half + 0.45)
    ax.set_xticks(range(L + 1), labels if labels is not None else [""] * (L + 1))
    ax.tick_params(axis="x", length=0)
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if title:
        ax.set_title(title)
    return NetworkDiagram(fig, ax, sizes, positions, nodes, edges, highlighted, numbers_, bar, norm, edge_width)


# --- decision boundary ------------------------------------------------------------------

def _as_predict(net_or_predict, model):
    """A function grid (m, 2) → values (m,) in [0, 1] (probability of class 1) or class labels."""
    from nnbook.network import MLP
    if isinstance(net_or_predict, MLP):
        net = net_or_predict
        if net.sizes[0] != 2:
            raise ValueError(f"net_or_predict: expected a network with 2 inputs (a point of the plane), "
                             f"got one with {net.sizes[0]}")
        if isinstance(model, bool) or not isinstance(model, (int, np.integer)):
            raise TypeError(f"model: expected an integer index, got {type(model).__name__}")
        if net.lockstep is None:
            model = 0                                   # a single network has no model axis
        elif not -net.K <= model < net.K:
            raise ValueError(f"model: expected an index in 0 … {net.K - 1}, got {model!r}")
        k = int(model) % net.K

        def predict(points):
            # Model k alone: net.model(k) copies its one row of parameters (P numbers), so
            # the grid goes through one network, not all K with K − 1 results thrown away.
            one = net if net.lockstep is None else net.model(k)
            with np.errstate(all="ignore"):
                out = one.forward(points)
            if out.shape[1] == 1 and one.output == "sigmoid":
                return out[:, 0]                        # p; the contour p = 0.5 is the head's threshold
            return one.head.labels(out).astype(float)   # the classes the head reads, as predict() does
        return predict, (net.sizes[-1] if net.sizes[-1] > 1 else 2)
    if callable(net_or_predict):
        return net_or_predict, None
    raise TypeError(f"net_or_predict: expected an MLP or a function points → values, "
                    f"got {type(net_or_predict).__name__}")


def _predicted(values, shape):
    """A predict function's values on the grid, as an array of ``shape``."""
    m = shape[0] * shape[1]
    try:
        values = checks.real_array(values, "net_or_predict", finite=False, bools=True)
    except (TypeError, ValueError) as err:
        raise type(err)(f"net_or_predict: the function returned {str(err).split(': ', 1)[-1]}; expected "
                        f"{m} values, one per point") from None
    if values.size != m:
        raise ValueError(f"net_or_predict: the function returned shape {values.shape}; expected {m} values, "
                         "one per point")
    return values.reshape(shape)


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
        values = _predicted(predict(self._grid), self._xx.shape)
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
    covers the data ± ``pad`` (≥ 0) with ``resolution`` points a side (2 … 1000; Glassner
    used a step of 0.01 and a padding of 0.5).  ``X`` is checked (finite, at least one
    point) before any prediction is asked for.  Returns a :class:`BoundaryPlot`.
    """
    X = checks.real_array(X, "X", finite=False, nonempty=False)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X: expected points of shape (n, 2), got {X.shape}")
    if X.shape[0] == 0:
        raise ValueError("X: expected at least one point (n ≥ 1), got 0")
    bad = int(np.sum(~np.isfinite(X)))
    if bad:
        raise ValueError(f"X: expected finite coordinates, got {bad} NaN or infinite value{'s' * (bad > 1)}")
    y = checks.real_array(y, "y", finite=False, nonempty=False, bools=True)
    if y.shape != (X.shape[0],):
        raise ValueError(f"y: expected {X.shape[0]} class labels (n,), got shape {y.shape}")
    if not np.all(np.isfinite(y)) or not np.all(y == np.round(y)):
        raise ValueError("y: expected integer class labels, got other values")
    resolution = _check_int(resolution, "resolution", 2, MAX_RESOLUTION)
    if _finite_float(pad) is None or pad < 0:
        raise ValueError(f"pad: expected a finite number ≥ 0, got {pad!r}")
    _check_text(title, "title")
    if pad == 0:
        for axis, name in ((0, "x₁"), (1, "x₂")):
            if X[:, axis].min() == X[:, axis].max():
                raise ValueError(f"X: expected points that span an area when pad = 0, got all {name} equal")
    _, classes = _as_predict(net_or_predict, model)
    labels = np.unique(y)
    classes = max(classes or 2, len(labels))
    with np.errstate(over="ignore", invalid="ignore"):
        (x0, y0), (x1, y1) = X.min(axis=0) - pad, X.max(axis=0) + pad
        spans = np.array([x1 - x0, y1 - y0])
    if not np.all(np.isfinite(spans)):
        raise ValueError(f"X, pad: the plotted area overflows float64 (coordinates up to "
                         f"{np.abs(X).max():g}, pad {pad:g})")
    if np.any(spans == 0):
        raise ValueError(f"pad: expected a pad that widens the area around the points; {pad!r} is lost next "
                         f"to coordinates of size {np.abs(X).max():g}")
    fig, ax = _axes(ax)
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
        """Redraw from ``history`` (a :class:`~nnbook.history.History`, e.g. a Trainer's so far)."""
        epochs = np.arange(history.epochs + 1)
        for (metric, k), line in self.lines.items():
            line.set_data(epochs, _series(history, metric, k))
        for ax in self.axes:
            ax.relim()
            ax.autoscale_view()
        return self


def _series(history, metric, k):
    """Run k's values of ``metric`` per epoch (a single run's history has no model axis)."""
    values = getattr(history, metric)
    return values if values.ndim == 1 else values[:, k]


def history_curves(history, ax=None, *, models=None, labels=("train", "validation"), title=None):
    """Loss (left) and accuracy (right) per epoch, train solid and validation dashed (chapter 2).

    Epoch 0 is before training; every point is measured on the whole set at the end of
    the epoch.  ``models`` picks models of a K-model history (default: all, one colour
    each).  ``labels`` names the two sets in the lines and the legend, (train,
    validation); chapter 2 says ("train", "test") for its held-out set.  ``ax`` is a
    pair of axes (loss, accuracy).  Returns a :class:`HistoryPlot`.
    """
    from nnbook.history import History
    if not isinstance(history, History):
        raise TypeError(f"history: expected an nnbook History, got {type(history).__name__}")
    if isinstance(labels, str) or not isinstance(labels, (tuple, list)) or len(labels) != 2 \
            or not all(isinstance(s, str) for s in labels):
        raise ValueError(f"labels: expected two names (train, validation), got {labels!r}")
    names = {"train": labels[0], "val": labels[1]}
    _check_text(title, "title")
    if models is None:
        models = list(range(history.K))
    else:
        items = models if isinstance(models, (list, tuple, range, np.ndarray)) else [models]
        if isinstance(items, np.ndarray) and items.ndim != 1:
            raise ValueError(f"models: expected model indices (a list of integers), got shape {items.shape}")
        models = [checks.integer(k, "models") for k in items]
        if not models:
            raise ValueError("models: expected at least one model index, got none")
    if ax is None:
        fig, axes = new_figure(1, 2)
    else:
        if isinstance(ax, (str, bytes)) or not hasattr(ax, "__iter__"):
            raise TypeError(f"ax: expected a pair of axes (loss, accuracy), got {type(ax).__name__}")
        axes = list(ax)
        if len(axes) != 2:
            raise ValueError(f"ax: expected a pair of axes (loss, accuracy), got {len(axes)}")
        if not all(isinstance(a, Axes) for a in axes):
            raise TypeError(f"ax: expected a pair of matplotlib Axes, got {[type(a).__name__ for a in axes]}")
        fig = axes[0].figure
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
                if np.all(np.isnan(_series(history, metric, k))):
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
    from nnbook.history import History
    if isinstance(weights, History):
        if weights.weights is None:
            raise ValueError("weights: expected a History with snapshots (train with snapshots=True), "
                             "got one without")
        weights = weights.weights
    w = checks.real_array(weights, "weights", finite=False)
    if w.ndim == 3:
        if isinstance(model, bool) or not isinstance(model, (int, np.integer)):
            raise TypeError(f"model: expected an integer index, got {type(model).__name__}")
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
    if names is not None:
        names = _list(names, "names", "parameter names")
        if len(names) != P:
            raise ValueError(f"names: expected {P} names, got {len(names)}")
        if not all(isinstance(t, str) for t in names):
            raise TypeError("names: expected strings (e.g. net.param_names())")
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 0:
        raise ValueError(f"top: expected an integer ≥ 0, got {top!r}")
    if legend_kw is not None and (not isinstance(legend_kw, dict) or not all(isinstance(k, str) for k in legend_kw)):
        raise TypeError(f"legend_kw: expected a dict of Axes.legend keyword arguments, got {legend_kw!r}")
    _check_text(title, "title")
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
    try:
        plot.legend()
    except (TypeError, ValueError, AttributeError) as err:
        raise (ValueError if isinstance(err, AttributeError) else type(err))(f"legend_kw: {err}") from None
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
    elif isinstance(paths, (list, tuple)):
        items = [(None, p) for p in paths]
    else:
        raise TypeError(f"paths: expected a list of Trajectory objects or (m, 2) arrays, or a dict label → "
                        f"path, got {type(paths).__name__}")
    if len(items) > MAX_PATHS:
        raise ValueError(f"paths: {len(items):,} paths; the limit is {MAX_PATHS}")
    out = []
    for i, (label, p) in enumerate(items):
        label = label if label is not None else getattr(p, "label", None)
        pts = checks.real_array(getattr(p, "points", p), f"paths[{i}]")
        if pts.ndim != 2 or pts.shape[1] != 2:
            raise ValueError(f"paths[{i}]: expected points of shape (m, 2), got {pts.shape}")
        out.append((label, pts))
    return out


def trajectories(surface, paths, ax=None, *, labels=None, levels=20, resolution=200, title=None):
    """Contour lines of a 2-D loss surface and the paths optimizers took on it (chapter 1).

    ``surface`` is a :mod:`nnbook.surfaces` surface (or its name); ``paths`` a list of
    :class:`~nnbook.surfaces.Trajectory` objects or (m, 2) arrays, or a dict label → path;
    ``labels`` names them.  Levels are log-spaced when the loss is positive and spans
    more than two decades (Rosenbrock), else evenly spaced; ``resolution`` (2 … 1000) is
    the grid's points a side.  Returns a :class:`TrajectoryPlot`.
    """
    from nnbook import surfaces as _surfaces
    if isinstance(surface, str):
        try:
            surface = _surfaces.get(surface)
        except ValueError as err:
            raise ValueError(f"surface: {str(err).split(': ', 1)[-1]}") from None
    if not isinstance(surface, _surfaces.Surface):
        raise TypeError(f"surface: expected an nnbook surface or its name, got {type(surface).__name__}")
    resolution = _check_int(resolution, "resolution", 2, MAX_RESOLUTION)
    if not (_is_int(levels) and levels >= 2) and (isinstance(levels, (str, dict)) or np.ndim(levels) != 1
                                                  or len(levels) < 1):
        raise ValueError(f"levels: expected an integer ≥ 2 or a list of contour levels, got {levels!r}")
    if _is_int(levels) and levels > MAX_LEVELS:
        raise ValueError(f"levels: {levels:,} contour levels; the limit is {MAX_LEVELS}")
    if not _is_int(levels):
        lv = checks.real_array(levels, "levels", ndim=1)
        if lv.size > MAX_LEVELS:
            raise ValueError(f"levels: {lv.size:,} contour levels; the limit is {MAX_LEVELS}")
        if np.any(np.diff(lv) <= 0):
            raise ValueError(f"levels: expected increasing contour levels, got {levels!r}")
    _check_text(title, "title")
    items = _paths(paths)
    if labels is not None:
        labels = _list(labels, "labels", "path labels")
        if len(labels) != len(items):
            raise ValueError(f"labels: expected {len(items)} labels, got {len(labels)}")
        if not all(lab is None or isinstance(lab, str) for lab in labels):
            raise TypeError("labels: expected strings (or None for an unlabelled path)")
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
