"""Sphinx extension: pages load nothing from another host, and widgets render cleanly.

- Pages with widgets load RequireJS and the widget manager (embed-amd.js) from
  _static/ (see nb_ipywidgets_js in _config.yml). The manager finds its fonts relative to
  the module URL RequireJS gives it, so RequireJS is told where that module lives.
- ipywidgets typesets labels with the MathJax 2 API (MathJax.Hub.Queue); the book loads
  MathJax 3 locally, so a small bridge forwards those calls to MathJax.typesetPromise.
- Jupyter Book 1 always loads sphinx-thebe, which puts an unpkg.com URL in every page
  (and, with Sphinx 7, declares it twice: a console error). The book does not use Thebe;
  its launch buttons go to Binder and Colab, so the Thebe assets are dropped.
"""
from __future__ import annotations

from sphinx.builders.html._assets import _JavaScript

WIDGET_SETUP = """(function () {
  var widgets = new URL(document.documentElement.dataset.content_root + "_static/widgets/", document.baseURI).href;
  window.__jupyter_widgets_assets_path__ = widgets;
  window.require = {paths: {"@jupyter-widgets/html-manager/dist": widgets.slice(0, -1)}};
  var hub = {Queue: function (job) {
    if (window.MathJax && window.MathJax.typesetPromise) { window.MathJax.typesetPromise([job[2]]); }
  }};
  window.MathJax = window.MathJax || {};
  window.MathJax.Hub = hub;
  window.MathJax.startup = {ready: function () { MathJax.startup.defaultReady(); MathJax.Hub = hub; }};
})();"""


def _filename(asset) -> str:
    return str(getattr(asset, "filename", asset) or "")


def is_thebe(asset) -> bool:
    body = getattr(asset, "attributes", {}).get("body", "")
    return "thebe" in _filename(asset) or "THEBE_JS_URL" in body


def adjust_page_assets(app, pagename, templatename, context, doctree) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not is_thebe(asset)]
    scripts = context.get("script_files", [])
    for index, asset in enumerate(scripts):
        if _filename(asset).endswith("require.js"):
            scripts.insert(index, _JavaScript("", body=WIDGET_SETUP))
            break


def setup(app):
    app.connect("html-page-context", adjust_page_assets, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
