"""Each chapter's .ipynb holds the same cells as its .py (so outputs were made from the source)."""
from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import pytest

from conftest import BOOK, ROOT, chapters


def cell_signature(cell) -> tuple:
    tags = tuple(sorted(cell.get("metadata", {}).get("tags", [])))
    return cell.cell_type, cell.source.strip(), tags


def pairing_differences(py: Path, ipynb: Path) -> list[str]:
    """How the notebook's cells differ from the cells of its .py twin (empty when paired)."""
    source = [cell_signature(c) for c in jupytext.read(py).cells]
    executed = [cell_signature(c) for c in nbformat.read(ipynb, as_version=4).cells]
    differences = []
    if len(source) != len(executed):
        differences.append(f"{py.name} has {len(source)} cells, {ipynb.name} has {len(executed)}")
    for index, (a, b) in enumerate(zip(source, executed)):
        if a != b:
            differences.append(f"cell {index} differs: {a[1][:60]!r} vs {b[1][:60]!r}")
    return differences


def test_every_chapter_has_both_twins():
    pys = {p.stem for p in BOOK.glob("[0-9][0-9]_*.py")}
    notebooks = {p.stem for p in BOOK.glob("[0-9][0-9]_*.ipynb")}
    assert pys, "no chapters found"
    assert pys == notebooks, f"unpaired: {sorted(pys ^ notebooks)}"


def test_jupytext_pairing_is_configured_once_for_the_folder():
    assert 'formats = "ipynb,py:percent"' in (BOOK / "jupytext.toml").read_text()
    assert not list(BOOK.glob("[0-9][0-9]_*.md")), "a Markdown twin next to an .ipynb breaks the Sphinx build"


@pytest.mark.parametrize("py", chapters(), ids=lambda p: p.stem)
def test_notebook_matches_its_source(py):
    differences = pairing_differences(py, py.with_suffix(".ipynb"))
    assert not differences, (f"{py.name} was edited without regenerating its notebook "
                             f"(make outputs NB={py.relative_to(ROOT)}):\n" + "\n".join(differences))


def test_an_edited_source_is_caught(tmp_path):
    """Acceptance check of the check itself: edit a chapter's .py, leave the .ipynb stale."""
    py = chapters()[0]
    edited = tmp_path / py.name
    edited.write_text(py.read_text().replace("# %%", "# %%\nprint('an edit')", 1))
    assert pairing_differences(edited, py.with_suffix(".ipynb"))
