"""The book's plots (nnbook.plots): they draw, return their artists and update in place (chapter 2)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from nnbook import data, optim, plots, surfaces  # noqa: E402
from nnbook.network import MLP  # noqa: E402
from nnbook.train import train  # noqa: E402


@pytest.fixture(scope="module")
def run():
    X, y, Xt, yt = data.two_moons(n=200, seed=0)
    net = MLP([2, 4, 4, 1], "relu", "sigmoid", init="he_normal", seed=[0, 1])
    hist = train(net, X, y, validation=(Xt, yt), epochs=3, batch_size=4, lr=0.1, snapshots=True)
    return net, hist, X, y


def render(fig):
    fig.canvas.draw()                  # catches errors that only show when drawing
    assert fig.get_figwidth() == pytest.approx(6) or fig.get_figwidth() > 0
    assert fig.dpi <= 100


def test_new_figure_is_6_by_4_at_100_dpi():
    fig, ax = plots.new_figure()
    assert isinstance(fig, Figure) and tuple(fig.get_size_inches()) == (6.0, 4.0) and fig.dpi == 100


def test_decision_boundary_for_a_network_and_its_update(run):
    net, _, X, y = run
    p = plots.decision_boundary(net, X, y, model=1, resolution=50, title="two moons")
    assert p.image.get_array().shape == (50, 50)
    assert p.scatter.get_offsets().shape == (len(X), 2)
    before = np.array(p.image.get_array())
    untrained = MLP([2, 4, 4, 1], "relu", "sigmoid", init="he_normal", seed=5)
    assert p.update(untrained) is p
    assert not np.array_equal(before, p.image.get_array())
    render(p.fig)


def test_decision_boundary_with_a_function_an_axis_and_three_classes():
    X, y, _, _ = data.spirals(n=90, classes=3, seed=0)
    fig, ax = plots.new_figure()
    p = plots.decision_boundary(lambda pts: (pts[:, 0] > 0).astype(float) + (pts[:, 1] > 0), X, y,
                                ax=ax, resolution=30)
    assert p.ax is ax and p.contour is not None
    net = MLP([2, 5, 3], "tanh", "softmax", seed=0)
    p2 = plots.decision_boundary(net, X, y, resolution=20)
    render(p2.fig)
    # a constant classifier has no boundary line
    p3 = plots.decision_boundary(lambda pts: np.zeros(len(pts)), X[:, :2], (y > 0).astype(int), resolution=10)
    assert p3.contour is None
    ident = MLP([2, 3, 1], "relu", "identity", seed=0)
    render(plots.decision_boundary(ident, X, (y > 0).astype(int), resolution=10).fig)


def test_decision_boundary_errors(run):
    net, _, X, y = run
    with pytest.raises(ValueError, match=r"X: expected points of shape \(n, 2\)"):
        plots.decision_boundary(net, np.ones((3, 3)), np.ones(3))
    with pytest.raises(ValueError, match="y: expected 150 class labels"):
        plots.decision_boundary(net, X, y[:5])
    with pytest.raises(ValueError, match="model: expected an index in 0 … 1"):
        plots.decision_boundary(net, X, y, model=2)
    with pytest.raises(TypeError, match="net_or_predict: expected an MLP or a function"):
        plots.decision_boundary("net", X, y)
    with pytest.raises(ValueError, match="resolution: expected an integer in 2 … 1000, got 1"):
        plots.decision_boundary(net, X, y, resolution=1)
    with pytest.raises(ValueError, match="net_or_predict: expected a network with 2 inputs"):
        plots.decision_boundary(MLP([3, 1], seed=0), X, y)


def test_history_curves_and_update(run):
    _, hist, _, _ = run
    p = plots.history_curves(hist, title="history")
    assert len(p.axes) == 2
    assert set(p.lines) == {(m, k) for m in ("train_loss", "val_loss", "train_acc", "val_acc") for k in (0, 1)}
    line = p.lines[("val_acc", 1)]
    np.testing.assert_array_equal(line.get_ydata(), hist.val_acc[:, 1])
    assert line.get_linestyle() == "--"
    assert p.update(hist) is p
    render(p.fig)
    fig, axes = plots.new_figure(1, 2)
    single = plots.history_curves(hist, ax=axes, models=0)
    assert set(single.lines) == {(m, 0) for m in ("train_loss", "val_loss", "train_acc", "val_acc")}
    assert single.lines[("train_loss", 0)].get_label() == "train"


def test_history_curves_without_validation_and_errors():
    X, y, _, _ = data.two_moons(n=100, seed=0)
    hist = train(MLP([2, 3, 1], seed=0), X, y, epochs=1, batch_size=10, lr=0.1)
    p = plots.history_curves(hist)
    assert set(p.lines) == {("train_loss", 0), ("train_acc", 0)}
    with pytest.raises(TypeError, match="history: expected an nnbook History"):
        plots.history_curves({"loss": [1]})
    with pytest.raises(ValueError, match="models: expected indices in 0 … 0"):
        plots.history_curves(hist, models=3)
    with pytest.raises(TypeError, match="ax: expected a pair of axes"):
        plots.history_curves(hist, ax=plots.new_figure()[1])
    with pytest.raises(ValueError, match="ax: expected a pair of axes"):
        plots.history_curves(hist, ax=plots.new_figure(1, 3)[1])


def test_weight_history_puts_the_biggest_movers_on_top(run):
    net, hist, _, _ = run
    p = plots.weight_history(hist, model=1, names=net.param_names(), top=3, title="weights")
    w = hist.weights[:, 1]
    moved = np.abs(w[-1] - w[0])
    assert len(p.lines) == 37
    assert p.order[-1] == np.argmax(moved)
    assert p.lines[-1].get_label() == net.param_names()[np.argmax(moved)]
    assert p.lines[-1].get_zorder() > p.lines[0].get_zorder()
    assert p.ax.get_legend() is not None
    p.update(hist.weights)
    np.testing.assert_array_equal(p.lines[-1].get_ydata(), w[:, p.order[-1]])
    render(p.fig)
    q = plots.weight_history(hist.weights[:, 0], top=0)
    assert q.ax.get_legend() is None
    with pytest.raises(ValueError, match="names: expected 37 names"):
        plots.weight_history(hist, names=["a"])
    with pytest.raises(ValueError, match="top: expected an integer ≥ 0"):
        plots.weight_history(hist, top=-1)
    with pytest.raises(ValueError, match="weights: expected snapshots"):
        plots.weight_history(np.ones(5))
    with pytest.raises(ValueError, match="model: expected an index in 0 … 1"):
        plots.weight_history(hist.weights, model=5)
    no_snap = train(MLP([2, 1], seed=0), np.ones((4, 2)), np.array([0, 1, 0, 1]), epochs=1)
    with pytest.raises(ValueError, match=r"weights: expected a History with snapshots \(train with snapshots=True\), got one without"):
        plots.weight_history(no_snap)


def legend_texts(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_weight_history_update_resort_reranks_lines_colours_and_legend():
    names = [f"p{j}" for j in range(6)]
    first = np.zeros((2, 6))
    first[1] = [1, 2, 3, 4, 5, 6]                         # p5 moved most, then p4
    p = plots.weight_history(first, names=names, top=2, legend_kw={"fontsize": "x-small", "zorder": 50})
    assert list(p.order) == [0, 1, 2, 3, 4, 5] and legend_texts(p.ax) == ["p5", "p4"]
    styles = [(ln.get_color(), ln.get_linewidth(), ln.get_zorder()) for ln in p.lines]
    legend = p.ax.get_legend()
    later = np.zeros((3, 6))
    later[1] = first[1]
    later[2] = [60, 50, 4, 3, 2, 1]                       # now p0 moved most, then p1
    p.update(later)                                        # no resort: the first ranking stays
    assert list(p.order) == [0, 1, 2, 3, 4, 5] and p.ax.get_legend() is legend
    np.testing.assert_array_equal(p.lines[-1].get_ydata(), later[:, 5])
    assert p.update(later, resort=True) is p
    assert p.ax.get_ylim()[1] >= 60                        # autoscaling: the view follows the data
    assert p.order[-1] == 0 and p.order[-2] == 1
    top = p.lines[-1]                                      # drawn last, on top, highlighted
    np.testing.assert_array_equal(top.get_ydata(), later[:, 0])
    assert top.get_label() == "p0" and p.lines[-2].get_label() == "p1"
    assert top.get_zorder() == max(ln.get_zorder() for ln in p.lines)
    assert all(ln.get_label().startswith("_") for ln in p.lines[:-2])
    for ln, (color, width, z) in zip(p.lines, styles):     # colour, width, z-order follow the rank
        assert (ln.get_color(), ln.get_linewidth(), ln.get_zorder()) == (color, width, z)
    assert p.lines[-1].get_color() == "C0" and p.lines[0].get_color() == "0.7"
    assert p.ax.get_legend() is not legend and legend_texts(p.ax) == ["p0", "p1"]
    assert p.ax.get_legend().get_zorder() == 50 and p.ax.get_legend().get_texts()[0].get_fontsize() < 9
    assert [h.get_color() for h in p.ax.get_legend().legend_handles] == ["C0", "C1"]
    legend = p.ax.get_legend()
    p.update(later, resort=True)                           # same ranking: nothing restyled, legend kept
    assert p.ax.get_legend() is legend
    swapped = later.copy()
    swapped[2, :2] = [50, 60]                              # the top two swap places
    p.update(swapped, resort=True)
    assert legend_texts(p.ax) == ["p1", "p0"] and p.lines[-1].get_label() == "p1"
    np.testing.assert_array_equal(p.lines[-1].get_ydata(), swapped[:, 1])
    render(p.fig)
    p.ax.set_ylim(-1, 1)                                   # limits set by hand are kept
    p.update(later * 2, resort=True)
    assert p.ax.get_ylim() == (-1, 1)
    unnamed = plots.weight_history(first, top=1)
    unnamed.update(later, resort=True)
    assert legend_texts(unnamed.ax) == ["θ[0]"]
    with pytest.raises(ValueError, match="weights: expected 6 parameters as drawn, got 5"):
        p.update(later[:, :5], resort=True)


def test_weight_history_resort_without_a_legend_and_with_nan():
    w = np.zeros((2, 4))
    w[1] = [1, 2, 3, 4]
    p = plots.weight_history(w, top=0)
    w[1, 0] = np.nan                                       # a diverged parameter ranks as the biggest mover
    p.update(w, resort=True)
    assert p.order[-1] == 0 and p.ax.get_legend() is None
    assert all(ln.get_color() == "0.7" for ln in p.lines)


def test_history_curves_labels_name_the_lines_and_the_legend(run):
    _, hist, _, _ = run
    fig, axes = plots.new_figure(1, 2)
    p = plots.history_curves(hist, ax=axes, models=[1], labels=("train", "test"))
    assert p.lines[("train_loss", 1)].get_label() == "train" and p.lines[("val_acc", 1)].get_label() == "test"
    assert legend_texts(axes[0]) == ["train", "test"]
    default = plots.history_curves(hist, models=[0])
    assert legend_texts(default.axes[0]) == ["train", "validation"]
    both = plots.history_curves(hist, labels=["fit", "held out"])        # K = 2: one legend entry per set
    assert legend_texts(both.axes[0]) == ["fit", "held out"]
    assert both.lines[("val_loss", 1)].get_label().startswith("_")
    for bad in ("train", ("train",), ("train", 3), None):
        with pytest.raises(ValueError, match="labels: expected two names"):
            plots.history_curves(hist, labels=bad)


def test_decision_boundary_of_model_k_evaluates_only_model_k(monkeypatch):
    X, y, _, _ = data.two_moons(n=100, seed=0)
    net3 = MLP([2, 4, 4, 1], "relu", "sigmoid", init="he_normal", seed=[7, 8, 9])
    net3.params[...] += np.random.default_rng(0).normal(0, 0.5, net3.params.shape)   # not as drawn
    evaluated = []
    forward = MLP.forward

    def counting_forward(self, X, *args, **kwargs):
        out = forward(self, X, *args, **kwargs)
        evaluated.append(out.shape)                        # (points, outputs): a single network
        return out

    monkeypatch.setattr(MLP, "forward", counting_forward)
    for k in (1, -1):
        one = MLP([2, 4, 4, 1], "relu", "sigmoid", init="he_normal", seed=(7, 8, 9)[k])
        one.set_params(net3.params[k])                     # the K = 1 net of model k
        evaluated.clear()
        p3 = plots.decision_boundary(net3, X, y, model=k, resolution=40)
        assert evaluated == [(1600, 1)]                    # one model over the 40 × 40 grid, not K = 3
        p1 = plots.decision_boundary(one, X, y, resolution=40)
        np.testing.assert_array_equal(p3.image.get_array(), p1.image.get_array())
        assert (p3.contour is None) == (p1.contour is None)
    net3.params[2] *= -1                                   # the live parameters are read at each update
    evaluated.clear()
    p3.update(net3)
    assert evaluated == [(1600, 1)]
    one.set_params(net3.params[2])
    np.testing.assert_array_equal(p3.image.get_array(), p1.update(one).image.get_array())


def test_decision_boundary_of_a_single_network_does_not_copy_it(monkeypatch):
    X, y, _, _ = data.two_moons(n=50, seed=0)
    net = MLP([2, 3, 1], "relu", "sigmoid", seed=0)
    monkeypatch.setattr(MLP, "model", lambda self, k: pytest.fail("a K = 1 network was copied"))
    plots.decision_boundary(net, X, y, resolution=10).update(net)


@pytest.mark.parametrize("name", ["bowl", "elongated_bowl", "rosenbrock", "saddle"])
def test_trajectories_on_every_surface(name):
    surface = surfaces.get(name)
    paths = [surfaces.trajectory(surface, optim.SGD(lr=1e-3), steps=20),
             surfaces.trajectory(surface, optim.Momentum(lr=1e-3), steps=20)]
    p = plots.trajectories(surface, paths, labels=["sgd", "momentum"], resolution=40)
    assert len(p.lines) == 2 and p.ax.get_legend() is not None
    p.update([path.points[:5] for path in paths])
    assert len(p.lines[0].get_xdata()) == 5
    render(p.fig)


def test_trajectories_inputs_and_errors():
    fig, ax = plots.new_figure()
    p = plots.trajectories("bowl", {"a": np.array([[100.0, 200.0], [50.0, 100.0]])}, ax=ax, levels=[1e3, 1e4])
    assert p.ax is ax and p.lines[0].get_label() == "a"
    p = plots.trajectories("saddle", np.array([[1.0, 0.1], [0.5, 0.2]]))
    assert len(p.lines) == 1
    with pytest.raises(ValueError, match="paths: expected 1 paths as drawn"):
        p.update([np.zeros((2, 2)), np.zeros((2, 2))])
    with pytest.raises(ValueError, match=r"paths\[0\]: expected points of shape \(m, 2\)"):
        plots.trajectories("bowl", [np.zeros(3)])
    with pytest.raises(ValueError, match="labels: expected 1 labels"):
        plots.trajectories("bowl", [np.zeros((2, 2))], labels=["a", "b"])
    with pytest.raises(TypeError, match="surface: expected an nnbook surface"):
        plots.trajectories(3, [np.zeros((2, 2))])


# --- one figure factory, one style, the network diagram, and clear failures (issue 8) ---------

def test_widgets_use_the_one_figure_factory():
    from nnbook.widgets import activation_explorer
    assert activation_explorer.new_figure is plots.new_figure
    fig, axes = plots.new_figure(1, 2, figsize=(7, 3.6), dpi=80, sharey=True)
    assert tuple(fig.get_size_inches()) == (7.0, 3.6) and fig.dpi == 80 and len(axes) == 2


@pytest.mark.parametrize("kwargs, message", [
    ({"nrows": 1000}, r"nrows: expected an integer in 1 … 12, got 1000"),
    ({"ncols": 0}, r"ncols: expected an integer in 1 … 12, got 0"),
    ({"nrows": 2.5}, r"nrows: expected an integer in 1 … 12, got 2.5"),
    ({"figsize": (600, 4)}, r"figsize: expected \(width, height\) in inches, each in \(0, 20\], got \(600, 4\)"),
    ({"figsize": (6, float("nan"))}, r"figsize: expected \(width, height\) in inches"),
    ({"figsize": 6}, r"figsize: expected \(width, height\) in inches"),
    ({"dpi": 5000}, r"dpi: expected a number in \(0, 200\], got 5000"),
    ({"dpi": 0}, r"dpi: expected a number in \(0, 200\], got 0"),
])
def test_new_figure_refuses_absurd_sizes(kwargs, message):
    with pytest.raises(ValueError, match=message):
        plots.new_figure(**kwargs)


def test_use_book_style_sets_the_chapters_rc_params():
    import matplotlib as mpl
    with mpl.rc_context():
        mpl.rcdefaults()
        plots.use_book_style()
        for key, value in plots.BOOK_RC.items():
            assert mpl.rcParams[key] == (list(value) if isinstance(value, tuple) else value), key
        assert tuple(mpl.rcParams["figure.figsize"]) == plots.FIGSIZE and mpl.rcParams["figure.dpi"] == plots.DPI


@pytest.mark.parametrize("X, message", [
    (np.array([[0.0, 1.0], [np.nan, 2.0]]), "X: expected finite coordinates, got 1 NaN or infinite"),
    (np.array([[0.0, np.inf], [1.0, 2.0]]), "X: expected finite coordinates, got 1 NaN or infinite"),
    (np.zeros((0, 2)), r"X: expected at least one point \(n ≥ 1\), got 0"),
])
def test_decision_boundary_checks_X_before_asking_for_predictions(X, message):
    asked = []

    def predict(points):
        asked.append(len(points))
        return np.zeros(len(points))
    with pytest.raises(ValueError, match=message):
        plots.decision_boundary(predict, X, np.zeros(len(X)))
    assert asked == []


def test_decision_boundary_and_trajectories_bound_the_resolution_and_pad():
    X, y = np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([0, 1])
    predict = lambda pts: np.zeros(len(pts))              # noqa: E731
    for bad in (1, 10**6, 2.0, True):
        with pytest.raises(ValueError, match=fr"resolution: expected an integer in 2 … 1000, got {bad!r}"):
            plots.decision_boundary(predict, X, y, resolution=bad)
        with pytest.raises(ValueError, match=fr"resolution: expected an integer in 2 … 1000, got {bad!r}"):
            plots.trajectories("bowl", [np.zeros((2, 2))], resolution=bad)
    for bad in (-0.5, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="pad: expected a finite number ≥ 0, got"):
            plots.decision_boundary(predict, X, y, pad=bad)
    with pytest.raises(ValueError, match=r"X: expected points that span an area when pad = 0, got all x₁ equal"):
        plots.decision_boundary(predict, np.array([[1.0, 0.0], [1.0, 1.0]]), y, pad=0)
    assert plots.decision_boundary(predict, X, y, resolution=1000, pad=0).image.get_array().shape == (1000, 1000)
    for bad in (1, "many", np.zeros((2, 2))):
        with pytest.raises(ValueError, match="levels: expected an integer ≥ 2 or a list of contour levels, got"):
            plots.trajectories("bowl", [np.zeros((2, 2))], levels=bad)


def test_axes_arguments_are_checked():
    with pytest.raises(TypeError, match="ax: expected a matplotlib Axes, got str"):
        plots.trajectories("bowl", [np.zeros((2, 2))], ax="left")
    with pytest.raises(TypeError, match="ax: expected a matplotlib Axes, got int"):
        plots.network_diagram([2, 1], ax=3)


def test_network_diagram_draws_every_neuron_and_weight():
    d = plots.network_diagram([2, 3, 2, 1], highlight=[(2, 2, 0), (1, 0)], numbered=True, title="2-3-2-1")
    assert [len(s.get_offsets()) for s in d.nodes] == [2, 3, 2, 1]
    assert [len(c.get_segments()) for c in d.edges] == [6, 6, 2]
    # w⁽²⁾₂₀ runs from neuron 2 of layer 1 to neuron 0 of layer 2; neuron 0 is on top
    (seg,) = d.highlighted.get_segments()
    np.testing.assert_array_equal(seg, [[1, d.positions[1][2]], [2, d.positions[2][0]]])
    assert d.positions[1][0] > d.positions[1][2] and d.ax.get_title() == "2-3-2-1"
    # edge order follows W⁽ˡ⁾ (row = receiving neuron): segment k·n_in + j joins j → k
    np.testing.assert_array_equal(d.edges[1].get_segments()[0 * 3 + 2], seg)
    assert [t.get_text() for t in d.ax.get_xticklabels()] == [
        "$\\mathbf{x}$", "$\\mathbf{a}^{(1)}$", "$\\mathbf{a}^{(2)}$", "$\\hat{\\mathbf{y}}$"]
    assert len(d.numbers) == 8 and d.colorbar is None
    assert not any(line.get_visible() for line in d.ax.get_xgridlines() + d.ax.get_ygridlines())
    render(d.fig)


def test_network_diagram_values_colour_neurons_and_size_edges():
    sizes = [2, 2, 4, 3, 2]
    rng = np.random.default_rng(0)
    deltas = [rng.random(n) for n in sizes[1:]]
    grads = [rng.normal(size=(n_out, n_in)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    fig, ax = plots.new_figure()
    d = plots.network_diagram(sizes, ax, labels=["input"] + [f"layer {l}" for l in range(1, 5)], first="bottom",
                              node_color="0.85", node_size=260, node_values=deltas, cmap="Reds",
                              colorbar="|δ|", edge_values=grads, edge_color="C3", edge_alpha=0.7)
    assert d.ax is ax and d.colorbar is not None and d.colorbar.ax.get_ylabel() == "|δ|"
    assert d.positions[0][0] < d.positions[0][1]                       # neuron 0 at the bottom
    np.testing.assert_allclose(d.nodes[3].get_array(), deltas[2])
    gmax = max(np.abs(g).max() for g in grads)
    np.testing.assert_allclose(d.edges[2].get_linewidths(), 0.4 + 3 * np.abs(grads[2]).ravel() / gmax)
    assert d.nodes[1].norm.vmin == 0 and d.nodes[1].norm.vmax == pytest.approx(max(v.max() for v in deltas))
    assert d.update(node_values=[v / 2 for v in deltas], edge_values=[g * 0 for g in grads]) is d
    np.testing.assert_allclose(d.nodes[3].get_array(), deltas[2] / 2)
    np.testing.assert_allclose(d.edges[0].get_linewidths(), 0.4)
    render(d.fig)


@pytest.mark.parametrize("kwargs, error, message", [
    ({"sizes": [3]}, ValueError, r"sizes: expected 2 … 12 layer sizes, got 1"),
    ({"sizes": [2] * 13}, ValueError, r"sizes: expected 2 … 12 layer sizes, got 13"),
    ({"sizes": [784, 30, 10]}, ValueError, r"sizes: expected integers in 1 … 32 \(neurons drawn per layer\), got 784"),
    ({"sizes": [2, 0]}, ValueError, r"sizes: expected integers in 1 … 32 .*, got 0"),
    ({"sizes": "231"}, TypeError, r"sizes: expected a sequence of layer sizes, got str"),
    ({"labels": ["x", "y"]}, ValueError, r"labels: expected 3 labels \(one per layer\), .*got 2"),
    ({"first": "left"}, ValueError, r"first: expected 'top' or 'bottom', got 'left'"),
    ({"highlight": (3, 0, 0)}, ValueError, r"highlight: expected a weight \(l, j, k\) with l in 1 … 2"),
    ({"highlight": (1, 2, 0)}, ValueError, r"highlight: expected .* got \(1, 2, 0\)"),
    ({"highlight": (1, 9)}, ValueError, r"highlight: expected .* got \(1, 9\)"),
    ({"node_values": [np.ones(3)]}, ValueError, r"node_values: expected 3 arrays \(every layer\) or 2"),
    ({"node_values": [np.ones(2), np.ones(1)]}, ValueError, r"node_values\[0\]: expected 3 values, got shape \(2,\)"),
    ({"node_values": [np.ones(3), np.array([np.nan])]}, ValueError, r"node_values\[1\]: expected finite values"),
    ({"edge_values": [np.ones((2, 3)), np.ones((1, 3))]}, ValueError,
     r"edge_values\[0\]: expected shape \(3, 2\) \(n_out, n_in\), got \(2, 3\)"),
    ({"edge_values": [np.ones((3, 2))]}, ValueError, r"edge_values: expected 2 arrays \(one per weight matrix\), got 1"),
    ({"node_size": -1}, ValueError, r"node_size: expected a number in \(0, 5000\], got -1"),
])
def test_network_diagram_errors(kwargs, error, message):
    kwargs = {"sizes": [2, 3, 1], **kwargs}
    with pytest.raises(error, match=message):
        plots.network_diagram(**kwargs)
