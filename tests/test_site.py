"""The static book site: a -W build, then what a reader's browser sees (headless Chromium)."""
from __future__ import annotations

import gzip
import http.server
import mimetypes
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import WIDGET_LINE, OUTPUT, ROOT, chapters, free_port

SITE = OUTPUT / "site"
HTML = SITE / "_build" / "html"
SCREENSHOTS = OUTPUT / "screenshots"


@pytest.fixture(scope="module")
def built_site():
    """Build the book exactly as `make book` does, into test-output/site."""
    shutil.rmtree(SITE, ignore_errors=True)
    assert (ROOT / "site_js" / "mathjax" / "tex-chtml.js").exists(), "run `make test` (it installs the site's JavaScript)"
    jb = os.path.join(os.path.dirname(sys.executable), "jupyter-book")
    result = subprocess.run([jb, "build", "-W", "-n", "--keep-going", "--path-output", str(SITE), str(ROOT)],
                            capture_output=True, text=True, timeout=1200)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    return HTML


# What GitHub Pages compresses (text); images and woff2 fonts are sent as they are.
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
PAGE_BUDGET = 3_000_000       # bytes a chapter page may transfer, compressed as GitHub Pages serves it
ASSET_BUDGET = 10_000_000     # bytes of JavaScript, CSS and fonts the site may publish
PHONE = {"width": 390, "height": 844}


class CompressingHandler(http.server.BaseHTTPRequestHandler):
    """A static file server that gzips text as GitHub Pages does, and counts what it sends."""
    root: Path
    sent: list

    def do_GET(self):
        path = self.root / unquote(urlparse(self.path).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if not path.resolve().is_relative_to(self.root) or not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.sent.append((self.path, len(body)))

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site):
    handler = type("Handler", (CompressingHandler,), {"root": built_site.resolve(), "sent": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.sent
    httpd.shutdown()
    httpd.server_close()


def canvases(widget):
    """What a live widget's canvases show (data URLs: equal only if the pixels are)."""
    return widget.locator("canvas").evaluate_all("cs => cs.map(c => c.toDataURL())")


def pages(site) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                  if not p.relative_to(site).parts[0].startswith("_") and p.name not in ("search.html", "genindex.html"))


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
    """No console errors, figures present, live widgets that respond, no other host, and a page
    weight within budget when served compressed (printed: bytes and requests)."""
    url, sent = server
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, requests = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    sent.clear()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{url}/book/{py.stem}.html", wait_until="networkidle")
    # Load every image now (some are lazy), so the weight counts the whole page.
    page.evaluate("document.querySelectorAll('img').forEach(i => { i.loading = 'eager'; })")
    page.wait_for_function("[...document.images].every(i => i.complete)", timeout=30000)
    # Math: MathJax, served locally, typeset the equations.
    if "$" in py.read_text():
        page.wait_for_selector("mjx-container", state="attached", timeout=20000)
    page.wait_for_load_state("networkidle")

    # Figures: every output image has been decoded and has a size.
    sizes = page.eval_on_selector_all(".cell_output img", "els => els.map(e => [e.naturalWidth, e.complete])")
    assert sizes and all(w > 0 and done for w, done in sizes), sizes

    # Widgets: live without a kernel.  Each one responds to its first slider (its canvases
    # change) and the lab trains when played (its epoch and its boundary change).
    widgets = page.locator(".nnbook-widget")
    expected = len(WIDGET_LINE.findall(py.read_text()))
    if expected:
        widgets.first.wait_for(timeout=30000)
    assert widgets.count() == expected, f"{expected} widget(s) expected on the page"
    assert page.locator(".widget-slider, .jupyter-widgets").count() == 0, "no ipywidgets controls (dead here)"
    assert page.get_by_text("On the static site").count() == 0
    for i in range(expected):
        widget = widgets.nth(i)
        widget.scroll_into_view_if_needed()
        before, frames = canvases(widget), int(widget.get_attribute("data-frames"))
        play = widget.get_by_role("button", name="play or pause training")
        if play.count():            # at epoch 0 Glassner's tiny weights draw p ≈ 0.5 everywhere: take He's
            widget.locator(".nnbook-row", has_text="init").locator("select").select_option("He normal")
        else:
            widget.locator("input[type=range]").first.focus()
            for _ in range(3):
                page.keyboard.press("ArrowRight")
        page.wait_for_function("([el, n]) => Number(el.dataset.frames) > n", arg=[widget.element_handle(), frames])
        moved = canvases(widget)
        assert moved != before, "the widget's drawing follows its controls"
        if play.count():
            play.click()
            page.wait_for_function("el => Number(el.dataset.epoch) >= 1", arg=widget.element_handle(), timeout=30000)
            play.click()
            assert canvases(widget)[0] != moved[0], "the boundary moves as the lab trains"
        widget.screenshot(path=str(SCREENSHOTS / f"site-{py.stem}-widget{i}.png"))

    page.screenshot(path=str(SCREENSHOTS / f"site-{py.stem}.png"), full_page=False)
    hosts = {urlparse(u).netloc for u in requests if not u.startswith(("data:", "blob:"))}
    page.close()
    weight = sum(n for _, n in sent)
    print(f"\n{py.stem}.html: {weight / 1e6:.2f} MB transferred (gzip) in {len(sent)} requests")
    assert hosts == {urlparse(url).netloc}, f"requests to other hosts: {sorted(hosts)}"
    assert not errors, errors
    assert weight <= PAGE_BUDGET, f"{py.stem}.html transfers {weight} bytes: " + str(sorted(sent, key=lambda r: -r[1])[:8])


def test_pages_fit_a_phone_screen(browser, server, built_site):
    """At 390 x 844 no page scrolls sideways: wide tables, code and equations scroll in their own box."""
    url, _ = server
    page = browser.new_page(viewport=PHONE)
    too_wide = {}
    for name in pages(built_site):
        page.goto(f"{url}/{name}", wait_until="networkidle")
        if page.locator(".math").count():   # wait until MathJax has typeset the page: it sets the widths
            page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
            page.evaluate("() => MathJax.startup.promise.then(() => true)")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[name] = width
            page.screenshot(path=str(SCREENSHOTS / f"phone-{Path(name).stem}.png"))
    page.close()
    assert pages(built_site), "no pages found"
    assert not too_wide, f"pages wider than {PHONE['width']} px: {too_wide}"


def test_site_assets_are_light(built_site):
    """No source maps or unused bundles are published; JavaScript, CSS and fonts stay within budget."""
    maps = [str(p.relative_to(built_site)) for p in built_site.rglob("*.map")]
    assert not maps, f"source maps published: {maps[:5]}"
    assets = [p for p in built_site.rglob("*") if p.is_file()
              and p.suffix in (".js", ".css", ".woff", ".woff2", ".ttf", ".eot", ".otf")]
    total = sum(p.stat().st_size for p in assets)
    site = sum(p.stat().st_size for p in built_site.rglob("*") if p.is_file())
    print(f"\nsite: {site / 1e6:.1f} MB on disk, of which JavaScript, CSS and fonts {total / 1e6:.1f} MB")
    assert total <= ASSET_BUDGET, f"{total} bytes of JavaScript, CSS and fonts"
