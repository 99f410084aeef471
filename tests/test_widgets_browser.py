"""The live widgets in headless Chromium, as the static site renders them (no kernel).

A page holds the widgets' saved state and views, as a built chapter does, and the site's own
loader (tools/site_static/nnbook-widgets.js) renders them with their ES modules.  The tests
play with the controls as a reader does (keyboard, clicks, the preset buttons) and wait on
what the widget draws (its ``data-frames`` and ``data-epoch``), never on sleeps.
"""
from __future__ import annotations

import functools
from urllib.parse import quote
import http.server
import json
import shutil
import threading

import numpy as np
import pytest
from ipywidgets.embed import embed_data

from conftest import OUTPUT, ROOT, free_port
from nnbook.widgets import (ActivationExplorer, InitLab, LearningRateLab, OverfitLab, Playground, SlowdownNeuron,
                            SoftmaxExplorer, TwoMoonsLab)

pytestmark = pytest.mark.browser
SCREENSHOTS = OUTPUT / "screenshots"
PHONE = {"width": 390, "height": 844}
STATE, VIEW = "application/vnd.jupyter.widget-state+json", "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A page with the book's widgets, served over HTTP (ES modules need it)."""
    root = tmp_path_factory.mktemp("widgets")
    shutil.copy(ROOT / "tools" / "site_static" / "nnbook-widgets.js", root)
    views = [ActivationExplorer(), TwoMoonsLab(seed=2, epochs=21), LearningRateLab(), SlowdownNeuron(), SoftmaxExplorer(),
             OverfitLab(), InitLab(), Playground()]
    saved = embed_data(views=views, drop_defaults=False)   # as nbclient saves: every trait
    views = "".join(f'<div class="cell"><script type="{VIEW}">{json.dumps(v)}</script></div>'
                    for v in saved["view_specs"])
    (root / "index.html").write_text(
        f'<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,">'
        f'<script type="{STATE}">{json.dumps(saved["manager_state"])}</script></head><body>{views}'
        f'<script type="module" src="nnbook-widgets.js"></script></body></html>', encoding="utf-8")
    handler = functools.partial(Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/index.html"
    httpd.shutdown()
    httpd.server_close()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def open_page(browser, site, viewport=None, hash=""):
    page = browser.new_page(viewport=viewport or {"width": 1280, "height": 1000})
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.goto(site + hash)
    page.wait_for_selector(".nnbook-two-moons-lab[data-frames]", timeout=30000)
    page.wait_for_selector(".nnbook-activation-explorer[data-frames]", timeout=30000)
    for name in ("lr-lab", "slowdown", "softmax-explorer", "overfit-lab", "init-lab", "playground"):
        page.wait_for_selector(f".nnbook-{name}[data-frames]", timeout=30000)
    return page


def pixels(widget):
    """What the widget's canvases show, as data URLs (a pixel diff is a difference here)."""
    return widget.locator("canvas").evaluate_all("cs => cs.map(c => c.toDataURL())")


def frames(widget):
    return int(widget.get_attribute("data-frames"))


def next_frame(page, widget, after):
    page.wait_for_function("([el, n]) => Number(el.dataset.frames) > n", arg=[widget.element_handle(), after],
                           timeout=20000)


def control(widget, label):
    return widget.locator(".nnbook-row").filter(has=widget.page.get_by_text(label, exact=True)).locator("input, select")


def test_explorer_redraws_on_keyboard_and_select(browser, site):
    page = open_page(browser, site)
    ex = page.locator(".nnbook-activation-explorer")
    before, n = pixels(ex), frames(ex)
    w = control(ex, "w")
    w.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    next_frame(page, ex, n)
    page.wait_for_function("el => el.value === '1.25'", arg=w.element_handle())
    assert ex.locator("output").first.inner_text() == "1.25"
    after = pixels(ex)
    assert after[1] != before[1], "the neuron's panel changes with w"

    n = frames(ex)
    control(ex, "x from").focus()
    page.keyboard.press("ArrowRight")
    next_frame(page, ex, n)
    assert pixels(ex)[0] != after[0], "the x-range reaches the left panel"

    n = frames(ex)
    control(ex, "f").select_option("leaky_relu")
    next_frame(page, ex, n)
    param = ex.locator(".nnbook-row").nth(3)
    assert param.is_visible() and param.locator("label").inner_text() == "λ"
    n = frames(ex)
    control(ex, "f").select_option("relu")
    b = control(ex, "b")
    b.evaluate("el => { el.value = -8; el.dispatchEvent(new Event('input')); }")
    page.wait_for_function("el => el.querySelector('.nnbook-message').textContent.includes('no gradient reaches')",
                           arg=ex.element_handle(), timeout=20000)
    assert not ex.locator(".nnbook-row").nth(3).is_visible(), "relu has no parameter: its slider hides"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    ex.screenshot(path=str(SCREENSHOTS / "widget-explorer-dead-relu.png"))
    assert not page.errors, page.errors
    page.close()


def test_lab_plays_pauses_steps_and_resets(browser, site):
    page = open_page(browser, site)
    lab = page.locator(".nnbook-two-moons-lab")
    play = lab.get_by_role("button", name="play or pause training")
    assert lab.get_attribute("data-epoch") == "0" and play.inner_text() == "play"
    boundary = pixels(lab)[0]
    control(lab, "speed").select_option("20")
    play.click()
    page.wait_for_function("el => Number(el.dataset.epoch) >= 2", arg=lab.element_handle(), timeout=30000)
    assert pixels(lab)[0] != boundary, "the boundary moves as the lab trains"
    play.click()                                                   # pause
    assert play.inner_text() == "play"
    paused = lab.get_attribute("data-epoch")
    page.evaluate("() => new Promise(r => { let k = 0; const f = () => (++k < 20 ? requestAnimationFrame(f) : r()); f(); })")
    assert lab.get_attribute("data-epoch") == paused, "paused: no more training"
    assert lab.locator(".nnbook-status").inner_text().startswith(f"epoch {paused} of 21: train accuracy 0.")

    lab.get_by_role("button", name="train one epoch").focus()
    page.keyboard.press("Enter")                                   # buttons work from the keyboard
    page.wait_for_function("([el, e]) => el.dataset.epoch === e", arg=[lab.element_handle(), str(int(paused) + 1)])
    lab.get_by_role("button", name="start again at epoch 0").click()
    page.wait_for_function("el => el.dataset.epoch === '0'", arg=lab.element_handle())
    assert pixels(lab)[0] == boundary, "reset: the same run from the same start"
    assert not page.errors, page.errors
    page.close()


def test_lab_stops_at_its_budget_and_says_so(browser, site):
    page = open_page(browser, site)
    lab = page.locator(".nnbook-two-moons-lab")
    control(lab, "epochs").evaluate("el => { el.value = 3; el.dispatchEvent(new Event('input')); }")
    control(lab, "speed").select_option("0")
    play = lab.get_by_role("button", name="play or pause training")
    play.click()
    page.wait_for_function("el => el.dataset.epoch === '3'", arg=lab.element_handle(), timeout=30000)
    page.wait_for_function("el => el.textContent === 'play'", arg=play.element_handle())
    play.click()
    page.wait_for_function("el => el.querySelector('.nnbook-message').textContent.includes('budget of 3 epochs')",
                           arg=lab.element_handle())
    assert lab.get_attribute("data-epoch") == "3"
    page.close()


def test_lab_explains_the_eta_05_collapse(browser, site):
    page = open_page(browser, site)
    lab = page.locator(".nnbook-two-moons-lab")
    lab.get_by_role("button", name="set η to 0.5").click()
    assert control(lab, "η").locator("xpath=following-sibling::output").inner_text() == "0.50"
    step = lab.get_by_role("button", name="train one epoch")
    for e in (1, 2, 3):
        step.click()
        page.wait_for_function("([el, e]) => el.dataset.epoch === e", arg=[lab.element_handle(), str(e)])
    message = lab.locator(".nnbook-message").inner_text()
    status = lab.locator(".nnbook-status").inner_text()
    assert "units of hidden layer 2 are dead" in message, message
    assert "not learning: accuracy" in status and "is chance" in status, status
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    lab.screenshot(path=str(SCREENSHOTS / "widget-lab-collapse.png"))
    assert not page.errors, page.errors
    page.close()


def test_every_control_is_labelled_and_usable_on_a_phone(browser, site):
    page = open_page(browser, site, PHONE)
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('.nnbook-widget input, .nnbook-widget select')]
        .filter(el => !document.querySelector(`label[for="${el.id}"]`)).length""")
    assert unlabelled == 0
    buttons = page.evaluate("() => [...document.querySelectorAll('.nnbook-widget button')].map(b => b.getAttribute('aria-label'))")
    assert buttons and all(buttons)
    tracks = page.eval_on_selector_all(".nnbook-widget input[type=range]",            # the shown ones
                                       "els => els.filter(e => e.offsetParent).map(e => e.getBoundingClientRect().width)")
    assert tracks and min(tracks) >= 150, tracks
    boxes = page.eval_on_selector_all(".nnbook-widget button, .nnbook-widget canvas, .nnbook-widget select",
                                      "els => els.map(e => e.getBoundingClientRect().right)")
    assert max(boxes) <= PHONE["width"], "nothing is cut off at 390 px"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "widget-phone.png"), full_page=True)
    page.close()


def test_lr_lab_follows_its_controls_and_the_pointer(browser, site):
    page = open_page(browser, site)
    lab = page.locator(".nnbook-lr-lab")
    status = lab.locator(".nnbook-status")
    assert status.inner_text().startswith("sgd: 30 steps, loss ")
    before, n = pixels(lab), frames(lab)
    control(lab, "compare").select_option("momentum")
    next_frame(page, lab, n)
    assert pixels(lab) != before and "momentum: 30 steps" in status.inner_text()

    n = frames(lab)                                   # a click on the map moves the start there
    contour = lab.locator("canvas").first
    box = contour.bounding_box()
    contour.click(position={"x": box["width"] * 0.7, "y": box["height"] * 0.3})
    next_frame(page, lab, n)
    w0, w1 = json.loads(lab.get_attribute("data-start"))
    assert w0 > 0 and w1 > 0, (w0, w1)

    n = frames(lab)                                   # η = 1.05 on the bowl: |1 − 2η| > 1, it leaves the plot
    control(lab, "η").evaluate("el => { el.value = Math.log10(1.05); el.dispatchEvent(new Event('input')); }")
    next_frame(page, lab, n)
    page.wait_for_function("el => el.querySelector('.nnbook-message').textContent.includes('left the plot at step')",
                           arg=lab.element_handle())
    control(lab, "surface").select_option("rosenbrock")
    control(lab, "η").evaluate("el => { el.value = Math.log10(0.05); el.dispatchEvent(new Event('input')); }")
    page.wait_for_function("el => el.querySelector('.nnbook-message').textContent.includes('diverged at step')",
                           arg=lab.element_handle())
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    lab.screenshot(path=str(SCREENSHOTS / "widget-lr-lab.png"))
    assert not page.errors, page.errors
    page.close()


def test_slowdown_neuron_follows_its_presets_and_sliders(browser, site):
    page = open_page(browser, site)
    neuron = page.locator(".nnbook-slowdown")
    status = neuron.locator(".nnbook-status")
    assert status.inner_text().startswith("quadratic: a = 0.98 → 0.93 (epoch 150) → 0.20 (epoch 300)")
    before, n = pixels(neuron), frames(neuron)
    neuron.get_by_role("button", name="start from w = 0.6, b = 0.9").click()
    next_frame(page, neuron, n)
    assert pixels(neuron) != before and status.inner_text().startswith("quadratic: a = 0.82 →")
    n = frames(neuron)
    control(neuron, "epochs").focus()
    page.keyboard.press("ArrowLeft")
    next_frame(page, neuron, n)
    assert "(epoch 290)" in status.inner_text()
    assert not page.errors, page.errors
    page.close()


def test_softmax_explorer_shows_the_losses_of_its_logits(browser, site):
    page = open_page(browser, site)
    ex = page.locator(".nnbook-softmax-explorer")
    values = json.loads(ex.get_attribute("data-values"))
    assert [round(p, 3) for p in values["p"]] == [0.315, 0.009, 0.633, 0.043]
    before, n = pixels(ex), frames(ex)
    control(ex, "z1").focus()
    for _ in range(50):
        page.keyboard.press("ArrowRight")                         # z1: 2.5 → 3.0
    page.wait_for_function("el => JSON.parse(el.dataset.values).p[0] > 0.4", arg=ex.element_handle())
    assert pixels(ex) != before
    n = frames(ex)
    control(ex, "classes").select_option("3")
    next_frame(page, ex, n)
    assert len(json.loads(ex.get_attribute("data-values"))["p"]) == 3 and not control(ex, "z4").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    ex.screenshot(path=str(SCREENSHOTS / "widget-softmax-explorer.png"))
    assert not page.errors, page.errors
    page.close()


def test_init_lab_follows_its_controls_and_names_what_it_sees(browser, site):
    page = open_page(browser, site)
    lab = page.locator(".nnbook-init-lab")
    default = InitLab().signals()
    stats = json.loads(lab.get_attribute("data-stats"))
    assert np.allclose(stats["aStd"], default.a_std, rtol=1e-9) and np.allclose(stats["deltaStd"], default.delta_std,
                                                                                rtol=1e-9)
    before, n = pixels(lab), frames(lab)
    control(lab, "depth").focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")                         # depth 10 → 15
    page.wait_for_function("el => JSON.parse(el.dataset.stats).aStd.length === 15", arg=lab.element_handle())
    assert pixels(lab) != before
    control(lab, "init").select_option("small_normal")
    page.wait_for_function("el => el.querySelector('.nnbook-message').textContent.includes('gradients vanish')",
                           arg=lab.element_handle())
    n = frames(lab)
    control(lab, "batch norm").select_option("on")
    next_frame(page, lab, n)
    stats = json.loads(lab.get_attribute("data-stats"))
    assert stats["deltaStd"][0] / stats["deltaStd"][-1] > 1e-3, "batch norm keeps the deltas"
    control(lab, "f").select_option("relu")
    control(lab, "init").select_option("large_normal")
    control(lab, "batch norm").select_option("off")
    page.wait_for_function("el => el.querySelector('.nnbook-message').textContent.includes('explode')",
                           arg=lab.element_handle())
    control(lab, "init").select_option("zeros")
    page.wait_for_function("el => el.querySelector('.nnbook-message').textContent.includes('symmetry')",
                           arg=lab.element_handle())
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    lab.screenshot(path=str(SCREENSHOTS / "widget-init-lab.png"))
def test_overfit_lab_follows_degree_lambda_and_the_held_out_controls(browser, site):
    page = open_page(browser, site)
    lab = page.locator(".nnbook-overfit-lab")
    status, note = lab.locator(".nnbook-status"), lab.locator(".nnbook-message")
    assert status.inner_text().startswith("training RMS 1.6 · held-out RMS 427.5 · the curve leaves the plot")
    assert "condition number 1.7e19" in note.inner_text() and "all of float64's ~16 digits" in note.inner_text()
    before, n = pixels(lab), frames(lab)
    control(lab, "degree").focus()
    for _ in range(13):
        page.keyboard.press("ArrowLeft")                              # degree 15 → 2
    page.wait_for_function("el => el.textContent.startsWith('training RMS 37.2')", arg=status.element_handle())
    assert status.inner_text() == "training RMS 37.2 · held-out RMS 33.3" and note.inner_text() == ""
    assert pixels(lab) != before
    n = frames(lab)
    lab.get_by_role("button", name="draw new held-out points from the same process").click()
    next_frame(page, lab, n)
    assert status.inner_text().startswith("training RMS 37.2 · held-out RMS") and "33.3" not in status.inner_text()
    n = frames(lab)
    lab.get_by_role("checkbox", name="held-out points").uncheck()
    next_frame(page, lab, n)
    assert status.inner_text() == "training RMS 37.2"
    control(lab, "degree").focus()
    for _ in range(13):
        page.keyboard.press("ArrowRight")                             # back to 15, then a ridge λ
    page.wait_for_function("el => el.textContent.startsWith('training RMS 1.6')", arg=status.element_handle())
    control(lab, "ridge λ").focus()
    for _ in range(19):
        page.keyboard.press("ArrowRight")                             # λ: 0 → 1e-8 … → 1e-2
    page.wait_for_function("el => el.textContent.startsWith('training RMS 30.8')", arg=status.element_handle())
    assert "leaves the plot" not in status.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    lab.screenshot(path=str(SCREENSHOTS / "widget-overfit-lab.png"))
    assert not page.errors, page.errors
    page.close()


# --- the playground (chapter 6): every control changes the drawing or the training -------------------

def set_value(locator, value):
    """Move a slider (its position: log10 of the value for a log slider) as a drag would."""
    locator.evaluate(f"el => {{ el.value = {value}; el.dispatchEvent(new Event('input')); }}")


def changed(page, pg, act, canvas=None):
    """Do ``act``; wait for the next frame; True when the drawing (or canvas ``canvas``) differs."""
    before, n = pixels(pg), frames(pg)
    act()
    next_frame(page, pg, n)
    after = pixels(pg)
    return after != before if canvas is None else after[canvas] != before[canvas]


def status(pg):
    return pg.locator(".nnbook-status").inner_text()


def note(pg):
    return pg.locator(".nnbook-message").inner_text()


def step_once(page, pg):
    """One epoch from epoch 0; the training loss it reaches, to the last digit."""
    pg.get_by_role("button", name="train one epoch").click()
    page.wait_for_function("el => el.dataset.epoch === '1'", arg=pg.element_handle())
    return pg.get_attribute("data-loss")


def test_playground_data_controls(browser, site):
    page = open_page(browser, site)
    pg = page.locator(".nnbook-playground")
    boundary = 0
    assert changed(page, pg, lambda: control(pg, "data").select_option("circles"), boundary)
    assert changed(page, pg, lambda: set_value(control(pg, "noise"), 0.3), boundary)
    assert changed(page, pg, lambda: set_value(control(pg, "train"), 0.8), boundary)
    assert changed(page, pg, lambda: set_value(control(pg, "points"), 200), boundary)
    assert changed(page, pg, lambda: set_value(control(pg, "seed"), 5), boundary)
    assert changed(page, pg, lambda: pg.get_by_role("button", name="new points and new weights: the next seed").click(), boundary)
    assert control(pg, "seed").input_value() == "6"
    assert not page.errors, page.errors
    page.close()


def test_playground_custom_points(browser, site):
    page = open_page(browser, site)
    pg = page.locator(".nnbook-playground")
    control(pg, "data").select_option("custom")
    page.wait_for_function("el => el.querySelector('.nnbook-message').textContent.includes('click on the map')",
                           arg=pg.element_handle())
    board = pg.locator("canvas").first
    box = board.bounding_box()
    toggle = pg.get_by_role("button", name="the class of the points a click adds")
    for i, (fx, fy) in enumerate([(0.3, 0.3), (0.35, 0.4), (0.7, 0.7), (0.75, 0.6)]):
        if i == 2:
            toggle.click()                                     # class 1 from here on
        assert changed(page, pg, lambda: board.click(position={"x": box["width"] * fx, "y": box["height"] * fy}), 0)
    assert "parameters" in status(pg), status(pg)               # a network to train on the four points
    assert changed(page, pg, lambda: step_once(page, pg))
    assert changed(page, pg, lambda: pg.get_by_role("button", name="remove your points").click(), 0)
    assert "click on the map" in note(pg)
    assert not page.errors, page.errors
    page.close()


def test_playground_softmax_classes(browser, site):
    page = open_page(browser, site)
    pg = page.locator(".nnbook-playground")
    control(pg, "data").select_option("blobs")
    assert changed(page, pg, lambda: set_value(control(pg, "classes"), 3), 0)
    assert "softmax cross-entropy" in note(pg) and note(pg).startswith("error")
    assert pg.get_by_role("button", name="play or pause training").is_disabled()
    assert changed(page, pg, lambda: control(pg, "loss").select_option("cross_entropy"))
    assert note(pg) == ""
    step_once(page, pg)
    assert "test accuracy 0." in status(pg) or "test accuracy 1." in status(pg)
    assert not page.errors, page.errors
    page.close()


def test_playground_network_controls(browser, site):
    page = open_page(browser, site)
    pg = page.locator(".nnbook-playground")
    assert "37 parameters" in status(pg)
    assert changed(page, pg, lambda: pg.get_by_label("x₁²").check())
    assert "41 parameters" in status(pg)                       # 3 inputs: 4 more weights
    for feature in ("x₂²", "x₁x₂", "sin x₁", "sin x₂"):
        assert changed(page, pg, lambda f=feature: pg.get_by_label(f).check()), feature
    assert changed(page, pg, lambda: pg.get_by_label("x₁", exact=True).uncheck())
    assert changed(page, pg, lambda: set_value(control(pg, "hidden layers"), 6))
    assert control(pg, "activation 6").count() == 1
    assert changed(page, pg, lambda: set_value(control(pg, "layer 3"), 8))
    assert changed(page, pg, lambda: control(pg, "activation 2").select_option("tanh"))
    assert changed(page, pg, lambda: control(pg, "activation 1").select_option("leaky_relu"))
    assert changed(page, pg, lambda: control(pg, "init").select_option("he_uniform"))
    assert changed(page, pg, lambda: set_value(control(pg, "hidden layers"), 0))
    assert changed(page, pg, lambda: pg.get_by_label("x₂", exact=True).uncheck())
    assert not page.errors, page.errors
    page.close()


def test_playground_training_controls(browser, site):
    """Each training control changes the training: the loss after one epoch differs."""
    page = open_page(browser, site)
    pg = page.locator(".nnbook-playground")
    reset = pg.get_by_role("button", name="start again at epoch 0")
    baseline = step_once(page, pg)
    moves = [("loss", lambda: control(pg, "loss").select_option("mse")),
             ("optimizer", lambda: control(pg, "optimizer").select_option("nesterov")),
             ("η", lambda: set_value(control(pg, "η"), -2)),
             ("batch", lambda: control(pg, "batch").select_option("1")),
             ("penalty", lambda: control(pg, "penalty").select_option("l1")),
             ("λ", lambda: set_value(control(pg, "λ"), -3.5)),
             ("dropout", lambda: set_value(control(pg, "dropout"), 0.3))]
    for name, move in moves:
        reset.click()
        page.wait_for_function("el => el.dataset.epoch === '0'", arg=pg.element_handle())
        n = frames(pg)
        move()
        next_frame(page, pg, n)
        after = step_once(page, pg)
        assert after != baseline, f"{name} changes the training"
        baseline = after
    for name in ("sgd", "momentum", "adagrad", "rmsprop", "adam"):
        reset.click()
        page.wait_for_function("el => el.dataset.epoch === '0'", arg=pg.element_handle())
        control(pg, "optimizer").select_option(name)
        after = step_once(page, pg)
        assert after != baseline, name
        baseline = after
    assert not page.errors, page.errors
    page.close()


def test_playground_buttons(browser, site):
    page = open_page(browser, site)
    pg = page.locator(".nnbook-playground")
    play = pg.get_by_role("button", name="play or pause training")
    start = pixels(pg)
    play.click()
    page.wait_for_function("el => Number(el.dataset.epoch) >= 3", arg=pg.element_handle(), timeout=30000)
    play.click()
    moved = pixels(pg)
    assert moved[0] != start[0] and moved[1] != start[1] and moved[2] != start[2], "boundary, loss curves and weights move"
    paused = pg.get_attribute("data-epoch")
    page.evaluate("() => new Promise(r => { let k = 0; const f = () => (++k < 20 ? requestAnimationFrame(f) : r()); f(); })")
    assert pg.get_attribute("data-epoch") == paused, "paused: no more training"
    assert status(pg).startswith(f"epoch {paused}: train loss ")
    pg.get_by_role("button", name="train one epoch").click()
    page.wait_for_function("([el, e]) => el.dataset.epoch === e", arg=[pg.element_handle(), str(int(paused) + 1)])
    pg.get_by_role("button", name="start again at epoch 0").click()
    page.wait_for_function("el => el.dataset.epoch === '0'", arg=pg.element_handle())
    assert pixels(pg) == start, "reset: the same run from the same start"
    control(pg, "speed").select_option("0")
    play.click()
    page.wait_for_function("el => Number(el.dataset.epoch) >= 20", arg=pg.element_handle(), timeout=30000)
    play.click()
    assert changed(page, pg, lambda: pg.get_by_label("show test points").uncheck(), 0)
    assert changed(page, pg, lambda: pg.get_by_label("discretize output").check(), 0)
    assert not page.errors, page.errors
    page.close()


def test_playground_unit_maps(browser, site):
    page = open_page(browser, site)
    pg = page.locator(".nnbook-playground")
    net = pg.locator("canvas").nth(2)
    box = net.bounding_box()
    scale = box["width"] / 640
    # layer 1 (of inputs, two hidden layers, output: x = 56 + 1 · 544/3), its first of four units
    unit = {"x": (56 + 544 / 3) * scale, "y": (12 + 150 - 1.5 * 33) * scale}
    assert changed(page, pg, lambda: net.click(position=unit), 0), "a click on a unit shows its map"
    enlarged = pixels(pg)[0]
    assert changed(page, pg, lambda: net.click(position=unit), 0), "a second click brings the boundary back"
    assert pixels(pg)[0] != enlarged
    assert changed(page, pg, lambda: step_once(page, pg), 2), "the links follow the weights"
    assert not page.errors, page.errors
    page.close()


def test_playground_bad_states(browser, site):
    # divergence: six linear layers, SGD with η = 3 (a link sets it up)
    deep = {"layers": [8] * 6, "activations": ["identity"] * 6, "optimizer": "sgd", "lr": 3}
    page = open_page(browser, site, hash="#playground=" + quote(json.dumps(deep)))
    pg = page.locator(".nnbook-playground")
    pg.get_by_role("button", name="play or pause training").click()
    page.wait_for_function("el => el.querySelector('.nnbook-message').textContent.includes('diverged at epoch')",
                           arg=pg.element_handle(), timeout=30000)
    assert pg.get_by_role("button", name="play or pause training").is_disabled()
    page.close()
    # a dead layer: per-sample SGD with η = 1
    dead = {"optimizer": "sgd", "lr": 1, "batch_size": 1, "init": "he_normal"}
    page = open_page(browser, site, hash="#playground=" + quote(json.dumps(dead)))
    pg = page.locator(".nnbook-playground")
    pg.get_by_role("button", name="play or pause training").click()
    page.wait_for_function("el => el.querySelector('.nnbook-message').textContent.includes('units of hidden layer 2 are dead')",
                           arg=pg.element_handle(), timeout=30000)
    page.close()
    # an empty class: your points, all of class 0
    empty = {"dataset": "custom", "points": [[0, 1, 0], [1, 0, 0], [1, 1, 0]]}
    page = open_page(browser, site, hash="#playground=" + quote(json.dumps(empty)))
    pg = page.locator(".nnbook-playground")
    assert "class 1 has no training points" in note(pg), note(pg)
    assert not page.errors, page.errors
    page.close()


def test_playground_link_restores(browser, site):
    page = open_page(browser, site)
    pg = page.locator(".nnbook-playground")
    control(pg, "data").select_option("xor")
    set_value(control(pg, "hidden layers"), 3)
    n = frames(pg)
    control(pg, "activation 3").select_option("tanh")
    next_frame(page, pg, n)
    link = page.evaluate("location.hash")
    assert link.startswith("#playground=")
    drawn = pixels(pg)
    page.close()
    page = open_page(browser, site, hash=link)
    pg = page.locator(".nnbook-playground")
    assert pg.get_attribute("data-linked") == "true"
    assert control(pg, "data").input_value() == "xor" and control(pg, "hidden layers").input_value() == "3"
    assert control(pg, "activation 3").input_value() == "tanh"
    assert pixels(pg) == drawn, "the linked configuration draws the same network"
    assert not page.errors, page.errors
    page.close()


def test_playground_regression(browser, site):
    page = open_page(browser, site)
    pg = page.locator(".nnbook-playground")
    assert changed(page, pg, lambda: control(pg, "data").select_option("bumps"), 0)
    assert "regression set" in note(pg) and note(pg).startswith("error")
    assert changed(page, pg, lambda: control(pg, "loss").select_option("mse"))
    assert note(pg) == ""
    assert changed(page, pg, lambda: step_once(page, pg))
    assert "test accuracy –" in status(pg), status(pg)             # real targets: no accuracy
    assert changed(page, pg, lambda: control(pg, "data").select_option("plane"), 0)
    assert not page.errors, page.errors
    page.close()
