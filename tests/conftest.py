"""Shared paths and helpers for the test suite (browser tests, notebooks, build)."""
from __future__ import annotations

import os
import re
import socket
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))
from numerics import PINNED  # noqa: E402,F401  (tools/numerics.py; the root conftest.py applies it)
OUTPUT = ROOT / "test-output"  # screenshots and builds made by the tests (not committed)
CHROMIUM = Path(os.environ.get("NNBOOK_CHROMIUM", "/usr/bin/chromium"))
# As root Chromium needs --no-sandbox; the background-networking flags stop it from calling
# Google's hosts, which this machine's closed network would refuse.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--metrics-recording-only",
]


#: a line that makes one of the book's widgets (``name = SomeLab(``, ``SomeExplorer(``, ``Playground(`` …)
WIDGET_LINE = re.compile(r"^(?:\w+ = )?(?:[A-Z]\w*(?:Lab|Explorer|Neuron)|Playground)\(", re.M)


def chapters() -> list[Path]:
    """The chapter sources, book/NN_slug.py, in order."""
    return sorted(BOOK.glob("[0-9][0-9]_*.py"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def require_chromium() -> None:
    """Skip (or, in CI with NNBOOK_REQUIRE_BROWSER=1, fail) when Chromium is missing."""
    if CHROMIUM.exists():
        return
    message = (f"Chromium not found at {CHROMIUM}: install it with `sudo apt-get install chromium` "
               "(Debian/Ubuntu) or set NNBOOK_CHROMIUM to its path")
    if os.environ.get("NNBOOK_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def browser():
    """A headless Debian Chromium driven by Playwright (never Playwright's own download)."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
