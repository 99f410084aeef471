"""Sphinx extension: pages load nothing from another host, and the site carries no dead weight.

- Jupyter Book 1 always loads sphinx-thebe, which puts an unpkg.com URL in every page
  (and, with Sphinx 7, declares it twice: a console error). The book does not use Thebe;
  its launch buttons go to Binder and Colab, so the Thebe assets are dropped.
- The theme ships source maps (about 3 MB) that only a browser's developer tools ask for;
  they are not published.
"""
from __future__ import annotations

from pathlib import Path


def _filename(asset) -> str:
    return str(getattr(asset, "filename", asset) or "")


def is_thebe(asset) -> bool:
    body = getattr(asset, "attributes", {}).get("body", "")
    return "thebe" in _filename(asset) or "THEBE_JS_URL" in body


def drop_thebe(app, pagename, templatename, context, doctree) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not is_thebe(asset)]


def drop_source_maps(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        for source_map in Path(app.outdir, "_static").rglob("*.map"):
            source_map.unlink()


def setup(app):
    app.connect("html-page-context", drop_thebe, priority=900)
    app.connect("build-finished", drop_source_maps)
    return {"version": "1.1", "parallel_read_safe": True, "parallel_write_safe": True}
