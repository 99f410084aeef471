"""Regenerate chapter notebooks: book/NN_slug.py -> book/NN_slug.ipynb, executed in place.

The .py (jupytext py:percent) is the source of truth.  This writes a fresh .ipynb
from it, executes every cell in this environment's kernel, and refuses to save a
notebook whose outputs hold an error or anything on stderr.  Widget views and the
widget state are saved: the book's widgets compute and draw in the browser from that
state (nnbook.widgets.live), so on the static site, and in a notebook opened without
running it, they start live from the state they had when the chapter was executed.

Usage: python tools/make_outputs.py book/00_neurons.py [more chapters...]
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from nnbook_checks import notebook_problems  # tools/ is this script's folder
from numerics import PINNED

BOOK = Path(__file__).resolve().parents[1] / "book"
CHAPTER = re.compile(r"[0-9]{2}_[a-z0-9_]+\.py")


def kernel_environment() -> None:
    """The environment the kernel inherits: pinned CPU code paths (tools/numerics.py), a
    fixed hash seed and the inline backend."""
    os.environ.update(PINNED)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")


def stable_ids(nb) -> None:
    """Cell ids from the cells' sources (jupytext draws random ones): regenerating a chapter
    then changes only the ids of cells whose source changed."""
    seen = set()
    for cell in nb.cells:
        digest = hashlib.sha1(cell.source.encode()).hexdigest()
        cell.id = next(digest[i:i + 8] for i in range(0, 33) if digest[i:i + 8] not in seen)
        seen.add(cell.id)


def chapter_path(path: str) -> Path:
    """The chapter source ``book/NN_slug.py``; anything else is refused, so no other
    notebook next to some .py is ever overwritten."""
    py = Path(path).resolve()
    if py.parent != BOOK or not CHAPTER.fullmatch(py.name) or not py.is_file():
        raise SystemExit(f"{path}: not a chapter; expected book/NN_slug.py, e.g. book/00_neurons.py")
    return py


def write_atomically(nb, path: Path) -> None:
    """Write the notebook to a temporary file next to ``path``, then rename it over ``path``:
    an interrupted run leaves the old notebook, never half of a new one."""
    fd, tmp = tempfile.mkstemp(suffix=".ipynb.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            nbformat.write(nb, f)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def make(py: Path) -> float:
    nb = jupytext.read(py)
    stable_ids(nb)
    nb.metadata["jupytext"] = {"formats": "ipynb,py:percent"}
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    start = time.perf_counter()
    client = NotebookClient(nb, timeout=600, kernel_name="python3", store_widget_state=True,
                            resources={"metadata": {"path": str(py.parent)}})
    client.execute()
    seconds = time.perf_counter() - start
    bad = notebook_problems(nb)
    if bad:
        raise SystemExit(f"{py}: not saved, the executed notebook has problems:\n  " + "\n  ".join(bad))
    for cell in nb.cells:  # execution metadata holds timestamps: keep the file reproducible
        cell.metadata.pop("execution", None)
    write_atomically(nb, py.with_suffix(".ipynb"))
    return seconds


def main(paths: list[str]) -> None:
    if not paths:
        raise SystemExit(__doc__)
    kernel_environment()
    for py in [chapter_path(p) for p in paths]:
        seconds = make(py)
        print(f"{py.relative_to(BOOK.parent)}: executed in {seconds:.1f} s -> {py.with_suffix('.ipynb').name}")


if __name__ == "__main__":
    main(sys.argv[1:])
