"""Real JupyterLab in headless Chromium: a reader opens a chapter, runs it, plays with a widget."""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from conftest import WIDGET_LINE, BOOK, OUTPUT, chapters, free_port
from nnbook_checks import notebook_problems  # tools/, on the path from conftest

SCREENSHOTS = OUTPUT / "screenshots"
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook in the current tab


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on a free loopback port, with its own token, serving a copy of book/."""
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(BOOK, root / "book")
    settings = root / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # Render every cell (JupyterLab 4 otherwise only renders the cells in view).
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    port, token = free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"),
           "JUPYTER_CONFIG_DIR": str(root / "config"), "JUPYTER_RUNTIME_DIR": str(root / "runtime"),
           "PYTHONHASHSEED": "0"}
    jupyter = os.path.join(os.path.dirname(sys.executable), "jupyter")
    log = open(root / "lab.log", "w")
    proc = subprocess.Popen(
        [jupyter, "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--port-retries=0",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root / 'book'}",
         "--allow-root", "--LabApp.news_url=", "--LabApp.extension_manager=readonly",
         "--LabApp.expose_app_in_browser=True",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            # Ready once the server lists the kernel the chapters ask for (else Lab asks to pick one).
            with urllib.request.urlopen(f"{url}/api/kernelspecs?token={token}", timeout=5) as response:
                if "python3" in json.load(response)["kernelspecs"]:
                    break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                log.close()
                pytest.fail("JupyterLab did not start:\n" + (root / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
    yield {"url": url, "token": token, "root": root / "book"}
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def open_notebook(browser, lab, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    # ?reset: a fresh workspace, so the notebooks of earlier tests are not reopened behind this one
    page.goto(f"{lab['url']}/lab/tree/{name}?reset&token={lab['token']}")
    page.wait_for_selector(f"{NOTEBOOK} .jp-Cell", timeout=60000)
    # Wait for the notebook's kernel to be up and idle.  JupyterLab may ask which kernel to
    # use (the notebook's is preselected) at any moment until then, later on a loaded machine.
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    ready = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    deadline = time.monotonic() + 120
    while not (ready.count() and "Python" in page.locator(f"{NOTEBOOK} .jp-KernelName").inner_text()):
        if dialog.count() and dialog.is_visible():
            dialog.locator("button.jp-mod-accept").click()
        if time.monotonic() > deadline:
            page.screenshot(path=str(SCREENSHOTS / f"lab-{Path(name).stem}-no-kernel.png"))
            pytest.fail(f"{name}: the kernel did not start within 120 s")
        page.wait_for_timeout(250)
    return page


def save(page):
    page.locator(".lm-MenuBar-itemLabel", has_text="File").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Save Notebook").first.click()
    page.wait_for_function("() => !document.querySelector('.jp-mod-dirty')", timeout=20000)


def run_all(page, lab, name, timeout=180):
    """Run All Cells, then wait until the notebook JupyterLab saves has every code cell executed.

    The saved model is the judge, not the prompts on the page: JupyterLab renders only the
    cells near the view, and on a loaded machine a prompt can lag behind its cell's state.
    """
    def run_all_cells():
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        return time.monotonic()

    start = asked = run_all_cells()
    deadline, missing = start + timeout, "all"
    while True:
        page.wait_for_timeout(2000)
        if page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").count():
            save(page)
            nb = read_saved(lab["root"] / name)
            code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
            missing = [i for i in code if not nb.cells[i].execution_count]
            if not missing:
                print(f"\n{name}: Run All done in JupyterLab within {time.monotonic() - start:.0f} s")
                return nb
            # On a loaded machine JupyterLab can take Run All before the kernel is connected and
            # walk through the cells without running any: idle, nothing ran, so ask again.
            if len(missing) == len(code) and time.monotonic() - asked > 15:
                print(f"\n{name}: the kernel ran nothing after Run All; asking again")
                asked = run_all_cells()
        if time.monotonic() > deadline:
            page.screenshot(path=str(SCREENSHOTS / f"lab-{Path(name).stem}-not-run.png"), full_page=True)
            pytest.fail(f"{name}: after Run All, cells {missing} were not executed within {timeout} s")


def read_saved(path, timeout=30):
    """The notebook JupyterLab saved. Its contents manager writes the file in place (not by a
    rename), so a read can land mid-write: wait until the file is a whole notebook."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return nbformat.read(path, as_version=4)
        except (ValueError, OSError):        # nbformat's NotJSONError is a ValueError
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def canvases(widget):
    """What a live widget's canvases show (data URLs: equal only if the pixels are)."""
    return widget.locator("canvas").evaluate_all("cs => cs.map(c => c.toDataURL())")


# per widget, the Python trait its first slider sets (as the chapters name the widget) and
# whether the slider is logarithmic
FIRST_SLIDER = {"nnbook-activation-explorer": ("explorer.w", False), "nnbook-lr-lab": ("lab.lr", True),
                "nnbook-overfit-lab": ("lab.degree", False),
                "nnbook-slowdown": ("neuron.w", False), "nnbook-softmax-explorer": ("explorer.logits[0]", False),
                "nnbook-init-lab": ("init_lab.depth", False),
                "nnbook-playground": ("playground.noise", False)}
# per widget that trains (a play button), the code that prints what the browser sent back after
# a pause, and what it must print for the epoch the widget shows
PLAYED = {"nnbook-two-moons-lab": ("print(lab.epoch, lab.net.accuracy(X_te, y_te) > 0)", "{epoch} True"),
          "nnbook-playground": ("print(playground.epoch, len(playground.history['train_loss']) - 1)", "{epoch} {epoch}")}
# JupyterLab's own API (exposed with --LabApp.expose_app_in_browser): the current notebook's kernel
KERNEL = "window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
# how long the kernel takes to answer `1 + 1`, three times (ms)
KERNEL_ANSWERS = f"""async () => {{ const kernel = {KERNEL}, times = [];
    for (let i = 0; i < 3; i++) {{
        const start = performance.now();
        await kernel.requestExecute({{ code: "1 + 1", store_history: false }}).done;
        times.push(performance.now() - start);
    }}
    return times; }}"""
# whether `code` prints `expected` in the notebook's kernel (without adding a cell)
KERNEL_PRINTS = f"""async ([code, expected]) => {{ let out = "";
    const future = {KERNEL}.requestExecute({{ code, store_history: false }});
    future.onIOPub = (msg) => {{ if (msg.header.msg_type === "stream") out += msg.content.text; }};
    await future.done;
    return out.trim() === expected; }}"""


@pytest.mark.parametrize("py", chapters(), ids=lambda p: p.stem)
def test_chapter_runs_in_jupyterlab_and_its_widget_responds(browser, lab, py):
    name = py.with_suffix(".ipynb").name
    source = py.read_bytes()
    page = open_notebook(browser, lab, name)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    run_all(page, lab, name)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # No error or stderr output anywhere on the page.
    notebook = page.locator(NOTEBOOK)
    assert notebook.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert notebook.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']").count() == 0

    page.screenshot(path=str(SCREENSHOTS / f"lab-{py.stem}-ran.png"), full_page=True)

    # Play with every widget, as on the site: the lab trains when played (its epoch and its
    # boundary change) while the kernel answers other code at once; the explorer redraws when
    # its first slider moves.  What the reader changed comes back to the Python object.
    widget_cells = len(WIDGET_LINE.findall(source.decode()))
    widgets = notebook.locator(".nnbook-widget")
    if widget_cells:
        widgets.first.wait_for(state="attached", timeout=120000)
    assert widgets.count() == widget_cells
    for i in range(widget_cells):
        widget = widgets.nth(i)
        widget.scroll_into_view_if_needed()
        before, frames = canvases(widget), int(widget.get_attribute("data-frames"))
        page.screenshot(path=str(SCREENSHOTS / f"lab-{py.stem}-widget{i}-before.png"))
        play = widget.get_by_role("button", name="play or pause training")
        if play.count():
            widget.locator("select").last.select_option("1")                # 1 epoch/s: still playing below
            play.click()
            page.wait_for_function("el => Number(el.dataset.epoch) >= 1", arg=widget.element_handle(), timeout=30000)
            answers = page.evaluate(KERNEL_ANSWERS)
            print(f"\n{name}: while the lab plays, the kernel answers `1 + 1` in {min(answers):.0f}-"
                  f"{max(answers):.0f} ms ({len(answers)} tries)")
            assert play.inner_text() == "pause", "the lab was still playing"
            assert min(answers) <= 200, answers
            play.click()
            epoch = widget.get_attribute("data-epoch")
            kind = next(k for k in PLAYED if k in widget.get_attribute("class"))
            check, expected = PLAYED[kind][0], PLAYED[kind][1].format(epoch=epoch)
        else:
            slider = widget.locator("input[type=range]").first
            slider.focus()
            for _ in range(5):
                page.keyboard.press("ArrowRight")
            kind = next(k for k in FIRST_SLIDER if k in widget.get_attribute("class"))
            trait, log = FIRST_SLIDER[kind]                                 # the trait it sets comes back
            value = float(slider.input_value())
            check, expected = f'print(f"{{{trait}:.4f}}")', f"{10 ** value if log else value:.4f}"
        page.wait_for_function("([el, n]) => Number(el.dataset.frames) > n", arg=[widget.element_handle(), frames],
                               timeout=30000)
        assert canvases(widget) != before, "the widget's drawing changes"
        page.screenshot(path=str(SCREENSHOTS / f"lab-{py.stem}-widget{i}-after.png"))
        page.wait_for_function(KERNEL_PRINTS, arg=[check, expected], timeout=30000, polling=500)

    # Save, and check the notebook JupyterLab executed: every cell ran, none raised.
    save(page)
    nb = read_saved(lab["root"] / name)
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")
    assert notebook_problems(nb) == []
    assert not errors, errors
    page.close()
    # Saving rewrote the paired .py (jupytext): it must be byte for byte the committed one,
    # so a reader who runs and saves a chapter leaves `git status` clean for the sources.
    paired, deadline = lab["root"] / py.name, time.monotonic() + 30
    while paired.read_bytes() != source and time.monotonic() < deadline:   # (it may be mid-write)
        time.sleep(0.2)
    assert paired.read_bytes() == source, f"saving {name} in JupyterLab changed {py.name}"
