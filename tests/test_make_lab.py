"""The README's `make lab`, run as a reader runs it: it serves the book with the pinned CPU
code paths, a chapter opens through the server's API and in Chromium, and it stops cleanly."""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, free_port
from numerics import PINNED  # tools/, on the path from conftest
from test_lab import SCREENSHOTS, open_notebook


def environ_of(pid: int) -> dict:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode(errors="replace").split("=", 1) for item in raw if b"=" in item)


def server_pid(token: str) -> int:
    """The process serving JupyterLab: the one whose environment holds this test's token."""
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_bytes()
                if b"jupyter" in cmdline and environ_of(int(proc.name)).get("JUPYTER_TOKEN") == token:
                    return int(proc.name)
            except OSError:
                continue
    raise LookupError("no JupyterLab process with this test's token")


@pytest.fixture
def make_lab(tmp_path):
    """`make lab LAB_ARGS=--no-browser` on a free port with its own token, as the README says."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    port, token = free_port(), secrets.token_hex(16)
    env = {key: value for key, value in os.environ.items() if key not in PINNED}  # make lab must pin them
    env.update(JUPYTER_PORT=str(port), JUPYTER_TOKEN=token, JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "ws"))
    log = open(tmp_path / "lab.log", "w")
    start = time.monotonic()
    proc = subprocess.Popen(["make", "lab", "LAB_ARGS=--no-browser"], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"make lab did not serve (exit {proc.poll()}):\n"
                                + (tmp_path / "lab.log").read_text()[-3000:])
                time.sleep(0.25)
        print(f"\nmake lab: serving after {time.monotonic() - start:.1f} s")
        yield {"url": url, "token": token, "proc": proc, "log": tmp_path / "lab.log"}
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()


def test_make_lab_serves_the_book_with_the_pins(make_lab, browser):
    url, token = make_lab["url"], make_lab["token"]
    with urllib.request.urlopen(f"{url}/api/contents/00_neurons.ipynb?token={token}", timeout=30) as response:
        model = json.load(response)
    assert model["type"] == "notebook" and model["content"]["cells"], "the chapter did not open"
    assert environ_of(server_pid(token)).items() >= PINNED.items(), "make lab's kernels would not get the pins"

    page = open_notebook(browser, make_lab, "00_neurons.ipynb")   # waits until its kernel is idle
    page.screenshot(path=str(SCREENSHOTS / "make-lab.png"))
    page.close()

    # Stop it as a reader's "File > Shut Down" does: the server, its kernels, then make exit.
    request = urllib.request.Request(f"{url}/api/shutdown?token={token}", method="POST")
    urllib.request.urlopen(request, timeout=30).close()
    try:
        assert make_lab["proc"].wait(timeout=60) == 0
    except subprocess.TimeoutExpired:
        pytest.fail("make lab did not stop after /api/shutdown:\n" + make_lab["log"].read_text()[-3000:])
