"""Regenerate chapter notebooks: book/NN_slug.py -> book/NN_slug.ipynb, executed in place.

The .py (jupytext py:percent) is the source of truth.  This writes a fresh .ipynb
from it, executes every cell in this environment's kernel (widget state is stored,
so sliders render on the static site), and refuses to save a notebook whose
outputs hold an error or anything on stderr.

Usage: python tools/make_outputs.py book/00_neurons.py [more chapters...]
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from nnbook_checks import notebook_problems  # tools/ is this script's folder
from numerics import PINNED


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


def stable_widget_ids(nb, name: str):
    """Widget model ids from the chapter's name and the order the widgets were made in
    (ipywidgets draws random uuids), so an unchanged widget keeps its id.  Returns the
    notebook with every occurrence of each id (state, references, outputs) replaced."""
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    text = json.dumps(nb)
    for i, old in enumerate(list(state)):
        text = text.replace(old, hashlib.sha1(f"{name}/{i}".encode()).hexdigest()[:32])
    return nbformat.from_dict(json.loads(text))


def make(py: Path) -> float:
    if py.suffix != ".py":
        raise SystemExit(f"{py}: expected a chapter .py file")
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
    nb = stable_widget_ids(nb, py.stem)
    nbformat.write(nb, py.with_suffix(".ipynb"))
    return seconds


def main(paths: list[str]) -> None:
    if not paths:
        raise SystemExit(__doc__)
    kernel_environment()
    for p in paths:
        seconds = make(Path(p))
        print(f"{p}: executed in {seconds:.1f} s -> {Path(p).with_suffix('.ipynb')}")


if __name__ == "__main__":
    main(sys.argv[1:])
