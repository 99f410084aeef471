"""Sphinx extension: the book build fails (under -W) on a notebook that holds an error.

The build does not execute notebooks (outputs are committed, see `make outputs`), so a
cell that raised would otherwise be published silently.  Each error output (unless the
cell is tagged ``raises-exception``) and each stderr stream becomes a build warning.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from sphinx.util import logging

logger = logging.getLogger(__name__)


def notebook_problems(nb) -> list[str]:
    """Error outputs (not tagged raises-exception) and stderr streams, one message each."""
    found = []
    for index, cell in enumerate(nb.cells):
        tags = cell.get("metadata", {}).get("tags", [])
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and "raises-exception" not in tags:
                found.append(f"cell {index} raised {out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                found.append(f"cell {index} wrote to stderr: {out.get('text', '').strip()[:200]}")
    return found


def check_notebook(app, doctree) -> None:
    path = Path(app.env.doc2path(app.env.docname))
    if path.suffix != ".ipynb":
        return
    nb = nbformat.read(path, as_version=4)
    for problem in notebook_problems(nb):
        logger.warning(f"{path.name}: {problem}", location=app.env.docname, type="nnbook", subtype="output")


def setup(app):
    app.connect("doctree-read", check_notebook)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
