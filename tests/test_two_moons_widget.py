"""The two-moons lab (chapter 2), driven from Python inside an asyncio event loop (no browser)."""
from __future__ import annotations

import asyncio
import io

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from nnbook import data
from nnbook.network import MLP
from nnbook.train import train
from nnbook.widgets.base import Animation, BlitRenderer, ControlBar, figure_png, new_figure
from nnbook.experiments import two_moons_network as make_network
from nnbook.widgets.two_moons import (INITS, PRESETS, TwoMoonsLab, TwoMoonsPlot,
                                      two_moons_figure)

matplotlib.use("Agg")

X_TR, Y_TR, X_TE, Y_TE = data.two_moons(seed=0)


def run(coro):
    return asyncio.run(coro)


async def wait_for(condition, timeout=60.0):
    """Yield to the event loop until condition() holds (the training task runs meanwhile)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not reached")
        await asyncio.sleep(0.01)


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


@pytest.fixture
def lab():
    lab = TwoMoonsLab()
    yield lab
    lab.close()


# --- the plain drawing function ----------------------------------------------------

def short_run(seeds=(2,), epochs=2, lr=0.05):
    net = make_network(list(seeds))
    hist = train(net, X_TR, Y_TR, validation=(X_TE, Y_TE), loss="bce", epochs=epochs, lr=lr, seed=0,
                 snapshots=True)
    return net, hist


def test_figure_shows_boundary_curves_and_all_37_parameters():
    net, hist = short_run()
    fig = two_moons_figure(net, hist, title="a run")
    assert isinstance(fig, Figure) and len(fig.axes) == 4
    boundary, weights, loss, acc = fig.axes
    image = boundary.images[0].get_array()
    p = net.forward(np.array([[0.0, 0.0]]))[0, 0, 0]
    assert image.min() >= 0 and image.max() <= 1 and 0 < p < 1
    assert len(weights.get_lines()) == 37
    for line in weights.get_lines():
        assert len(line.get_xdata()) == 3                      # epochs 0, 1, 2
    (train_loss,) = [ln for ln in loss.get_lines() if ln.get_label() == "train"]
    assert np.allclose(train_loss.get_ydata(), hist.train_loss[:, 0])
    assert fig._suptitle.get_text() == "a run"
    legend = [t.get_text() for t in weights.get_legend().get_texts()]
    moved = np.abs(hist.weights[-1, 0] - hist.weights[0, 0])
    assert legend[0] == net.param_names()[int(np.argmax(moved))]   # the biggest mover is listed first


def test_figure_of_a_lockstep_model_is_the_figure_of_that_model_alone():
    net1, hist1 = short_run(seeds=(3,))
    net2, hist2 = short_run(seeds=(0, 3))
    a = two_moons_figure(net1, hist1, resolution=50)
    b = two_moons_figure(net2, hist2, model=1, resolution=50)
    assert np.array_equal(a.axes[0].images[0].get_array(), b.axes[0].images[0].get_array())
    assert np.array_equal(a.axes[1].get_lines()[-1].get_ydata(), b.axes[1].get_lines()[-1].get_ydata())


def test_figure_of_a_lockstep_model_evaluates_only_that_model(monkeypatch):
    net, hist = short_run(seeds=(0, 3, 5), epochs=1)
    evaluated = []
    forward = MLP.forward

    def counting_forward(self, X, *args, **kwargs):
        out = forward(self, X, *args, **kwargs)
        evaluated.append(out.shape)
        return out

    monkeypatch.setattr(MLP, "forward", counting_forward)
    fig = two_moons_figure(net, hist, model=2, resolution=30)
    assert evaluated and set(evaluated) == {(900, 1)}     # the 30 × 30 grid went through model 2 only
    (train_loss,) = [ln for ln in fig.axes[2].get_lines() if ln.get_label() == "train"]
    assert np.allclose(train_loss.get_ydata(), hist.train_loss[:, 2])


def test_plot_update_reranks_the_weights_and_says_test():
    net, hist = short_run(epochs=1)
    plot = TwoMoonsPlot(net, hist, X_TE, Y_TE, resolution=30)
    names = net.param_names()
    assert [t.get_text() for t in plot.curves.axes[0].get_legend().get_texts()] == ["train", "test"]
    assert {ln.get_label() for ln in plot.curves.lines.values()} == {"train", "test"}
    plot.png()                                            # the live path: the legend is a pasted overlay
    legend = plot.weights.ax.get_legend()
    w = hist.weights[:, 0]
    moved = np.abs(w[-1] - w[0])
    quiet = int(np.argmin(moved))                         # the parameter that moved least …
    hist.weights[-1, 0, quiet] += 2 * moved.max()         # … now moves most (within the axis limits)
    plot.update(net, hist)
    assert plot.weights.order[-1] == quiet and plot.weights.lines[-1].get_label() == names[quiet]
    assert np.array_equal(plot.weights.lines[-1].get_ydata(), hist.weights[:, 0, quiet])
    new = plot.weights.ax.get_legend()
    assert new is not legend and new.get_texts()[0].get_text() == names[quiet]
    assert new.get_zorder() == 100 and new.get_frame().get_alpha() == 1.0    # the lab's legend style kept
    assert plot.overlay_artists() == [new, plot.title]

    def legend_pixels(png):                               # inside the legend's frame
        box = new.get_window_extent(plot.renderer.canvas.get_renderer())
        image = pixels(png)
        top, bottom = image.shape[0] - int(box.y1) + 3, image.shape[0] - int(box.y0) - 3
        return image[top:bottom, int(box.x0) + 3:int(box.x1) - 3]

    fast = legend_pixels(plot.png())                      # the blitted frame shows the new legend …
    assert plot.renderer.full_draws == 1                  # … without a background redraw
    full = legend_pixels(figure_png(plot.fig))
    assert fast.shape == full.shape and fast.size and np.abs(fast - full).max() <= 2


def test_figure_needs_weight_snapshots():
    net = make_network(2)
    hist = train(net, X_TR[:50], Y_TR[:50], epochs=1, lr=0.05)
    with pytest.raises(ValueError, match="snapshots"):
        two_moons_figure(net, hist)


def test_dead_units_finds_the_eta_05_collapse():
    net, _ = short_run(epochs=1, lr=0.5)
    dead = net.dead_units(X_TR)
    assert [d.shape for d in dead] == [(4,), (4,)]
    assert dead[1].all()                                       # Glassner's η = 0.5: layer 2 dead


# --- the widget -----------------------------------------------------------------------

def test_widget_builds_at_epoch_0_with_a_figure(lab):
    assert set(lab.controls) == {"lr", "preset", "init", "seed", "epochs"}
    assert lab.epoch == 0 and lab.trainer.history.epochs == 0
    assert lab.output.image().startswith(b"\x89PNG")
    assert lab.message.text == ""
    assert lab.status.value.startswith("<b>epoch 0</b> of 21: train accuracy 0.")
    assert lab.plot.title.get_text() == "η = 0.05, N(0, 0.05), seed 2"
    assert lab.controls["preset"].value == 0.05 and list(lab.controls["init"].options) == list(INITS)
    assert lab.bar.play.description == "▶ play" and lab.bar.pause.disabled
    assert "application/vnd.jupyter.widget-view+json" in lab._repr_mimebundle_()
    assert lab.plot.fig is lab.fig


def test_play_trains_in_the_background_and_updates_the_figure(lab):
    image0 = lab.plot.boundary.image.get_array().copy()
    png0 = lab.output.image()
    frames = []
    lab.output.observe(lambda change: frames.append(lab.epoch), names="outputs")
    ticks = []

    async def other_cell():                  # another coroutine on the same loop, like a cell
        while True:
            ticks.append(lab.trainer.samples_seen)
            await asyncio.sleep(0)

    async def main():
        other = asyncio.get_running_loop().create_task(other_cell())
        lab.bar.play.click()                 # the button's click handler, as a browser would
        assert lab.animation.running and lab.bar.play.disabled and not lab.bar.pause.disabled
        await wait_for(lambda: len(lab.plot.curves.lines[("train_acc", 0)].get_xdata()) >= 3)  # a frame of epoch 2
        lab.bar.pause.click()
        other.cancel()

    mimes = []
    lab.output.observe(lambda change: mimes.append(next(iter(change["new"][0]["data"]))), names="outputs")
    run(main())
    assert len(frames) >= 2 and frames[0] == 0          # the first frame came before epoch 1 ended
    assert set(mimes[:-1]) == {"image/jpeg"}             # live frames: JPEG, fast to encode …
    assert mimes[-1] == "image/png" and lab.output.image().startswith(b"\x89PNG")   # … paused: a PNG still
    assert not np.array_equal(lab.plot.boundary.image.get_array(), image0)
    assert len(lab.plot.curves.lines[("train_acc", 0)].get_xdata()) >= 3
    assert lab.output.image() != png0
    assert lab.status.value.startswith(f"<b>epoch {lab.epoch}</b>")
    assert lab.fig is lab.plot.fig and len(lab.fig.axes) == 4      # the same figure, updated in place
    during = [t for t in ticks if 0 < t < 2 * lab.trainer.n]
    # the other coroutine ran between training chunks (5 ms each: a handful per epoch on any machine)
    assert len(set(during)) >= 3


def test_pause_stops_training(lab):
    async def main():
        lab.bar.play.click()
        await wait_for(lambda: lab.trainer.samples_seen > 0)
        lab.bar.pause.click()
        seen = lab.trainer.samples_seen
        await asyncio.sleep(0.2)
        return seen

    seen = run(main())
    assert lab.trainer.samples_seen == seen
    assert not lab.animation.running and not lab.bar.play.disabled and lab.bar.pause.disabled


def test_play_stops_at_the_epoch_budget(lab):
    lab.controls["epochs"].value = 1

    async def main():
        lab.bar.play.click()
        await wait_for(lambda: not lab.animation.running)

    run(main())
    assert lab.epoch == 1 and lab.trainer.samples_seen == lab.trainer.n
    assert not lab.bar.play.disabled
    lab.play()
    assert "budget" in lab.message.text and not lab.animation.running


def test_starting_again_cancels_the_previous_task(lab):
    async def main():
        lab.bar.play.click()
        first = lab.animation.task
        lab.animation.start()
        second = lab.animation.task
        await asyncio.sleep(0.05)
        assert first.cancelled() and first is not second and not second.done()
        lab.bar.pause.click()

    run(main())


def test_step_trains_one_epoch_and_reset_restores_epoch_0(lab):
    start = lab.net.get_params()
    lab.bar.step.click()
    assert lab.epoch == 1 and lab.trainer.samples_seen == lab.trainer.n
    assert len(lab.plot.curves.lines[("train_loss", 0)].get_xdata()) == 2
    lab.bar.step.click()
    assert lab.epoch == 2
    lab.bar.reset.click()
    assert lab.epoch == 0 and lab.trainer.history.epochs == 0
    assert np.array_equal(lab.net.get_params(), start)
    assert len(lab.plot.curves.lines[("train_loss", 0)].get_xdata()) == 1


def test_step_matches_the_chapter_run():
    lab = TwoMoonsLab(lr=0.05, seed=2)
    lab.step()
    net, hist = short_run(seeds=(2,), epochs=1)
    assert np.array_equal(lab.net.get_params(), net.model(0).get_params())
    lab.close()


def test_changing_eta_init_or_seed_starts_a_new_run_and_presets_follow(lab):
    lab.step()
    lab.controls["preset"].value = 0.5
    assert lab.controls["lr"].value == 0.5 and lab.epoch == 0 and lab.trainer.optimizer.lr == 0.5
    lab.controls["lr"].value = 0.2
    assert lab.controls["preset"].value is None and lab.trainer.optimizer.lr == 0.2
    lab.step()
    lab.controls["seed"].value = 7
    assert lab.epoch == 0 and np.array_equal(lab.net.get_params(), make_network(7).get_params())
    lab.controls["init"].value = "He normal"
    assert np.array_equal(lab.net.get_params(), make_network(7, "He normal").get_params())
    lab.step()
    lab.controls["epochs"].value = 50                       # the budget does not restart the run
    assert lab.epoch == 1
    assert PRESETS == (0.5, 0.05, 0.01)


def test_changing_eta_while_playing_keeps_playing(lab):
    async def main():
        lab.bar.play.click()
        await wait_for(lambda: lab.trainer.samples_seen > 0)
        lab.controls["lr"].value = 0.01
        assert lab.epoch == 0 and lab.animation.running
        await wait_for(lambda: lab.trainer.samples_seen > 0)
        lab.bar.pause.click()

    run(main())
    assert lab.trainer.optimizer.lr == 0.01


def test_the_collapse_is_explained_in_a_note():
    lab = TwoMoonsLab(lr=0.5, seed=2)
    lab.step()
    assert lab.message.kind == "note" and "hidden layer 2 are dead" in lab.message.text
    lab.controls["preset"].value = 0.05                      # a new run: the note goes
    assert lab.message.text == ""
    lab.close()


def test_divergence_shows_a_message_not_an_exception(lab):
    lab.step()
    lab.net.params[:] = 1e300                               # an extreme state: the outputs overflow
    lab.step()
    assert lab.trainer.diverged[0]
    assert lab.message.kind == "error" and "diverged at epoch" in lab.message.text
    assert "diverged" in lab.plot.title.get_text()

    async def main():
        lab.bar.play.click()                                # nothing to do: no task starts
        assert not lab.animation.running

    run(main())
    lab.bar.reset.click()
    assert lab.message.text == "" and not lab.trainer.diverged[0]


def test_an_error_inside_the_task_is_shown(lab):
    def broken():
        raise ValueError("boom")

    lab.animation.advance = broken

    async def main():
        lab.bar.play.click()
        await wait_for(lambda: not lab.animation.running)

    run(main())
    assert lab.message.kind == "error" and "boom" in lab.message.text
    assert not lab.bar.play.disabled


@pytest.mark.parametrize("kwargs, message", [
    ({"lr": 0.0}, "lr: expected a number > 0"),
    ({"init": "nope"}, "init: expected one of"),
    ({"seed": -1}, "seed: expected an integer"),
    ({"epochs": 0}, "epochs: expected an integer"),
])
def test_constructor_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        TwoMoonsLab(**kwargs)


# --- the base helpers -------------------------------------------------------------------

def test_blit_renderer_draws_the_same_pixels_as_a_full_draw():
    fig, ax = new_figure()
    ax.plot([0, 1], [0, 1], color="0.8")
    (line,) = ax.plot([0, 1], [1, 0], color="C1", lw=3)
    title = ax.set_title("frame 0")
    renderer = BlitRenderer(fig, lambda: [line, title])
    fig.set_layout_engine("none")
    for k in range(3):
        line.set_ydata([k / 3, 1 - k / 3])
        title.set_text(f"frame {k}")
        fast = pixels(renderer.png())
        full = pixels(figure_png(fig))
        assert fast.shape == full.shape and np.abs(fast - full).max() <= 2
    assert renderer.full_draws == 1
    ax.set_ylim(-1, 2)                                      # new limits: the background is redrawn
    renderer.png()
    assert renderer.full_draws == 2 and not line.get_animated()
    # the layers: a slow artist is redrawn when its key changes, an overlay when its text does
    key = ["a"]
    (slow_line,) = ax.plot([0, 1], [0.5, 0.5], color="C2")
    label = fig.text(0.02, 0.02, "note 0")
    layered = BlitRenderer(fig, lambda: [line], lambda: [label], slow=lambda: [slow_line], slow_key=lambda: key[0])
    layered.png()
    slow_line.set_ydata([0.2, 0.2])                         # changed, but the key is the same: kept
    assert pixels(layered.png()).tolist() == pixels(layered.png()).tolist() and layered.slow_draws == 1
    stale = pixels(layered.png())
    key[0] = "b"                                            # the key changes: the slow layer is redrawn
    assert layered.slow_draws == 1 and np.abs(pixels(layered.png()) - stale).max() > 0
    assert layered.slow_draws == 2 and np.abs(pixels(layered.png()) - pixels(figure_png(fig))).max() <= 2
    label.set_text("note 1")                                # an overlay's text changes: redrawn too
    assert np.abs(pixels(layered.png()) - pixels(figure_png(fig))).max() <= 2 and layered.slow_draws == 3
    jpeg = renderer.image("jpeg")                           # live frames: lossy, but the same picture
    assert jpeg.startswith(b"\xff\xd8")
    assert np.abs(pixels(jpeg)[..., :3].astype(int) - pixels(renderer.png())[..., :3]).mean() < 2
    with pytest.raises(ValueError, match="fmt: expected"):
        renderer.image("gif")


def test_animation_runs_chunks_and_draws_frames():
    work, drawn, stopped = [], [], []

    def advance():
        work.append(1)
        return len(work) < 20

    anim = Animation(advance, lambda: drawn.append(len(work)), frame=0.0, on_stop=stopped.append)
    with pytest.raises(RuntimeError, match="running asyncio event loop"):
        anim.start()

    async def main():
        anim.start()
        assert anim.running
        await wait_for(lambda: not anim.running)

    run(main())
    assert len(work) == 20 and drawn[0] == 1 and drawn[-1] == 20 and stopped == [None]
    with pytest.raises(ValueError, match="frame"):
        Animation(advance, lambda: None, frame=-1)


@pytest.mark.parametrize("frame, draw_ms, gap_ms", [
    (0.05, 20, 50),       # a fast draw: a frame every 50 ms, counted from the start of the last draw
    (0.05, 60, 75),       # a slow draw: the work still gets a quarter of the draw's time, 15 ms
])
def test_animation_paces_frames_from_the_start_of_each_draw(monkeypatch, frame, draw_ms, gap_ms):
    clock = [0.0]                                       # a fake clock: work takes 1 ms a chunk
    monkeypatch.setattr("nnbook.widgets.base.time.monotonic", lambda: clock[0])
    starts = []

    def advance():
        clock[0] += 0.001
        return clock[0] < 1.0

    def draw():
        starts.append(clock[0])
        clock[0] += draw_ms / 1000

    anim = Animation(advance, draw, frame=frame)

    async def main():
        anim.start()
        await wait_for(lambda: not anim.running)

    run(main())
    gaps = np.diff(starts[:-1]) * 1000                  # (the last draw comes when the work ends)
    assert len(gaps) > 5 and np.allclose(gaps, gap_ms, atol=1.01)


def test_control_bar_calls_its_functions():
    calls = []
    bar = ControlBar(*(lambda name=name: calls.append(name) for name in ("play", "pause", "step", "reset")))
    for button in (bar.play, bar.pause, bar.step, bar.reset):
        button.click()
    assert calls == ["play", "pause", "step", "reset"]
    bar.set_running(True)
    assert bar.play.disabled and not bar.pause.disabled
    bar.close()


def test_plot_limits_only_grow_during_a_run():
    net, hist = short_run(epochs=1)
    plot = TwoMoonsPlot(net, hist, X_TE, Y_TE, resolution=30)
    assert plot.weights.ax.get_ylim() == (-4.0, 4.0)          # room to grow from the start
    hist.weights[...] *= 5                                         # weights beyond ±4: the limits double
    plot.update(net, hist)
    grown = plot.weights.ax.get_ylim()
    assert grown[1] >= 1.1 * np.abs(hist.weights).max() and grown[1] in (8.0, 16.0, 32.0)
    hist.weights[...] /= 5
    plot.update(net, hist)
    assert plot.weights.ax.get_ylim() == grown                # not shrunk during a run
    plot.reset_limits()
    plot.update(net, hist)
    assert plot.weights.ax.get_ylim() == (-4.0, 4.0)


# --- robustness: the lab never leaves a half-made run, and says what it changed ------------

def test_a_bad_eta_leaves_the_current_run_whole(lab):
    lab.step()
    net, trainer = lab.net, lab.trainer
    lab.controls["lr"].value = float("nan")            # (the slider lets Python set it)
    assert lab.message.kind == "error" and lab.message.text.startswith("lr:")
    assert lab.net is net and lab.trainer is trainer and lab.trainer.net is lab.net
    lab.controls["lr"].value = 0.05
    assert lab.message.kind != "error"


def test_reset_with_a_bad_eta_shows_the_error(lab):
    lab.controls["lr"].value = float("nan")
    net = lab.net
    lab.reset()                                        # the button: shown, not raised
    assert lab.message.kind == "error" and lab.message.text.startswith("lr:") and lab.net is net


@pytest.mark.parametrize("asked, used", [(50.0, 10.0), (1e-9, 1e-4)])
def test_a_clamped_eta_is_reported(asked, used):
    lab = TwoMoonsLab(lr=asked)
    try:
        assert np.isclose(lab.controls["lr"].value, used) and np.isclose(lab.trainer.optimizer.lr, used)
        assert lab.message.kind == "note" and f"η = {asked:g} is outside" in lab.message.text
        assert f"uses η = {used:g}" in lab.message.text
    finally:
        lab.close()


def test_the_status_line_says_when_a_run_is_not_learning():
    lab = TwoMoonsLab(lr=0.5, seed=2)
    try:
        for _ in range(3):
            lab.step()
        assert not lab.trainer.history.learning
        assert "not learning" in lab.status.value and "chance" in lab.status.value
    finally:
        lab.close()
    healthy = TwoMoonsLab(lr=0.05, seed=2)
    try:
        healthy.step()
        assert "not learning" not in healthy.status.value
    finally:
        healthy.close()
