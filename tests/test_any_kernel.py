"""Every chapter runs without an error in a kernel without the book's CPU pins: what a reader
gets on Colab, Binder or their own Jupyter.  nbval checks the pinned outputs digit for digit;
here the outputs may differ in chaotic digits, but no check cell may fail and nothing may
reach stderr.  On an x86-64 CPU with AVX-512 the unpinned kernel runs numpy's AVX-512 loops;
a second run there takes the AVX2 (x86-64-v3) paths that most other machines have."""
from __future__ import annotations

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

from conftest import BOOK, chapters
from nnbook_checks import notebook_problems  # tools/, on the path from conftest
from numerics import PINNED, X86_64


def cpu_flags() -> set[str]:
    try:
        with open("/proc/cpuinfo") as f:
            text = f.read()
    except OSError:
        return set()
    line = next((l for l in text.splitlines() if l.startswith("flags")), "")
    return set(line.split(":", 1)[-1].split())


VARIANTS = {"unpinned": {}}
if X86_64 and "avx512f" in cpu_flags():
    VARIANTS["x86-64-v3"] = {"NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL AVX512_SPR",
                             "OPENBLAS_CORETYPE": "Haswell"}


def text_outputs(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("py", chapters(), ids=lambda p: p.stem)
def test_chapter_runs_without_the_pins(py, variant, monkeypatch):
    for key in PINNED:
        monkeypatch.delenv(key, raising=False)
    for key, value in VARIANTS[variant].items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = jupytext.read(py)
    NotebookClient(nb, timeout=900, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(BOOK)}}).execute()
    assert notebook_problems(nb) == []
    committed = nbformat.read(py.with_suffix(".ipynb"), as_version=4)
    moved = sum(text_outputs(a) != text_outputs(b) for a, b in zip(committed.cells, nb.cells))
    print(f"\n{py.stem} ({variant}): {moved} cells print other text than the pinned outputs")
