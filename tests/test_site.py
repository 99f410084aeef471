"""The static book site: a -W build, then what a reader's browser sees (headless Chromium)."""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from urllib.parse import urlparse

import pytest

from conftest import OUTPUT, ROOT, chapters, free_port

SITE = OUTPUT / "site"
HTML = SITE / "_build" / "html"
SCREENSHOTS = OUTPUT / "screenshots"


@pytest.fixture(scope="module")
def built_site():
    """Build the book exactly as `make book` does, into test-output/site."""
    shutil.rmtree(SITE, ignore_errors=True)
    assert (ROOT / "site_js" / "require.js").exists(), "run `make test` (it installs the site's JavaScript)"
    jb = os.path.join(os.path.dirname(sys.executable), "jupyter-book")
    result = subprocess.run([jb, "build", "-W", "-n", "--keep-going", "--path-output", str(SITE), str(ROOT)],
                            capture_output=True, text=True, timeout=1200)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    return HTML


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_build_produces_every_page(built_site):
    assert (built_site / "index.html").exists()
    for py in chapters():
        assert (built_site / "book" / f"{py.stem}.html").exists()
    api = (built_site / "book" / "api.html").read_text()
    assert "count_parameters" in api and "Σ_l" in api, "the API page renders nnbook's docstrings"


def test_pages_reference_no_other_host(built_site):
    external = re.compile(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:)?//', re.I)
    for page in built_site.rglob("*.html"):
        text = page.read_text()
        match = external.search(text)
        assert not match, f"{page.name} loads from another host: {text[match.start():match.end() + 100]}"


@pytest.mark.parametrize("py", chapters(), ids=lambda p: p.stem)
def test_chapter_page_in_chromium(browser, server, py):
    """No console errors, figures present, widgets rendered by the local JavaScript, no other host."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, requests = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{server}/book/{py.stem}.html", wait_until="networkidle")

    # Figures: every output image has been decoded and has a size.
    sizes = page.eval_on_selector_all(".cell_output img", "els => els.map(e => [e.naturalWidth, e.complete])")
    assert sizes and all(w > 0 and done for w, done in sizes), sizes

    # Widgets: the saved state is rendered by embed-amd.js into real controls.
    if page.locator('script[type="application/vnd.jupyter.widget-state+json"]').count():
        page.wait_for_selector(".widget-slider, .jupyter-widgets .widget-dropdown", timeout=20000)
        assert page.locator(".widget-slider").count() >= 1
    # Math: MathJax, served locally, typeset the equations.
    if "$" in py.read_text():
        page.wait_for_selector("mjx-container", state="attached", timeout=20000)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"site-{py.stem}.png"), full_page=False)
    widget = page.locator(".widget-slider").first
    if widget.count():
        widget.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / f"site-{py.stem}-widget.png"))
    hosts = {urlparse(u).netloc for u in requests if not u.startswith(("data:", "blob:"))}
    page.close()
    assert hosts == {urlparse(server).netloc}, f"requests to other hosts: {sorted(hosts)}"
    assert not errors, errors
