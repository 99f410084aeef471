"""Checks on the committed, executed chapters, and on the checks that guard them."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import nbformat
import pytest
import yaml

from conftest import BOOK, ROOT, TOOLS, chapters
from nnbook_checks import notebook_problems  # tools/, on the path from conftest

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def notebooks():
    return [p.with_suffix(".ipynb") for p in chapters()]


def read(path):
    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_executed_without_errors_or_stderr(path):
    assert notebook_problems(read(path)) == []


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_every_code_cell_was_executed_in_order(path):
    counts = [c.execution_count for c in read(path).cells if c.cell_type == "code"]
    assert None not in counts, "a code cell has no outputs from `make outputs`"
    assert counts == list(range(1, len(counts) + 1))


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_widgets_are_committed_live(path):
    """A committed notebook is read without a kernel (the site, a fresh open): each widget view
    has its saved state, a live anywidget whose ES module is the built bundle; widget cells
    are tagged, since a view's model id is new at every execution."""
    from conftest import WIDGET_LINE
    from nnbook.widgets.live import STATIC
    nb = read(path)
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    made = sum(len(WIDGET_LINE.findall(c.source)) for c in nb.cells if c.cell_type == "code")
    widget_cells = [c for c in nb.cells if c.cell_type == "code"
                    and any(WIDGET_VIEW in o.get("data", {}) for o in c.outputs)]
    views = [o["data"][WIDGET_VIEW]["model_id"] for c in widget_cells for o in c.outputs if WIDGET_VIEW in o.get("data", {})]
    assert len(views) == made, f"{path.name}: {made} widget(s) made, {len(views)} shown"
    bundles = {p.read_text() for p in STATIC.glob("*.js")}
    for model_id in views:
        model = state[model_id]
        assert model["model_module"] == "anywidget" and model["state"]["_esm"] in bundles, (
            f"{path.name}: a widget's saved module is not the built bundle: run `make outputs`")
    for cell in widget_cells:
        assert "nbval-ignore-output" in cell.metadata.get("tags", []), cell.source[:80]


CHAPTER_MENTION = re.compile(r"\b[Cc]hapters? (\d+)\b")


def chapter_mention_problems(text: str, existing: dict[int, list[str]]) -> list[str]:
    """A mention of chapter N links to one of its notebooks when it exists (a long chapter is
    several notebooks, 02_backprop, 02_two_moons, …) and says "in preparation" when not."""
    problems = []
    for match in CHAPTER_MENTION.finditer(text):
        n = int(match[1])
        before, after = text[max(0, match.start() - 1):match.start()], text[match.end():match.end() + 60]
        if n in existing:
            if not (before == "[" and any(after.startswith(f"]({stem}.ipynb)") for stem in existing[n])):
                problems.append(f"{match[0]!r} is not a link to one of {existing[n]}")
        elif "in preparation" not in after:
            problems.append(f"{match[0]!r}: there is no such chapter yet")
    return problems


def test_chapters_link_only_to_chapters_that_exist():
    existing = {}
    for p in chapters():
        existing.setdefault(int(p.stem[:2]), []).append(p.stem)
    problems = []
    for path in notebooks():
        for cell in read(path).cells:
            if cell.cell_type == "markdown":
                problems += [f"{path.name}: {p}" for p in chapter_mention_problems(cell.source, existing)]
    for page in ("intro.md", "api.md"):
        problems += [f"{page}: {p}" for p in chapter_mention_problems((BOOK / page).read_text(), existing)]
    assert not problems, "\n".join(problems)
    assert chapter_mention_problems("see chapter 9", existing) and chapter_mention_problems("chapter 0", existing)


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_chapter_has_the_books_shape(path):
    markdown = "\n".join(c.source for c in read(path).cells if c.cell_type == "markdown")
    for heading in ("## Summary", "## Exercises", "## Sources"):
        assert heading in markdown, f"{path.name} lacks a '{heading}' section"
    assert "dropdown" in markdown, "exercise solutions belong in collapsed dropdowns"


def test_toc_lists_every_chapter():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [entry["file"] for entry in toc["chapters"]]
    assert [f"book/{p.stem}" for p in chapters()] == [f for f in files if f.startswith("book/0")]


def test_nbval_catches_a_changed_number(tmp_path):
    """Acceptance check of the check itself: alter one printed digit, nbval must fail."""
    source = notebooks()[0]
    nb = read(source)
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        streams = [o for o in cell.get("outputs", []) if o.get("output_type") == "stream"]
        if streams and "nbval-ignore-output" not in tags and any(ch.isdigit() for ch in streams[0].text):
            text = streams[0].text
            i = next(i for i, ch in enumerate(text) if ch.isdigit())
            streams[0].text = text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1:]
            break
    else:
        pytest.fail(f"{source.name} prints no number to alter")
    altered = tmp_path / source.name
    nbformat.write(nb, altered)
    env = {**os.environ, "PYTHONPATH": str(BOOK)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
         "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"), "-q", str(altered)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode != 0, result.stdout[-2000:]
    assert "1 failed" in result.stdout, result.stdout[-2000:]


def test_the_build_fails_on_a_cell_that_raised(tmp_path):
    """Acceptance check: a notebook holding an error output breaks the -W book build."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A chapter"), nbformat.v4.new_code_cell("1 / 0")]
    nb.cells[1].outputs = [nbformat.v4.new_output("error", ename="ZeroDivisionError",
                                                  evalue="division by zero", traceback=[])]
    nbformat.write(nb, tmp_path / "broken.ipynb")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: broken\n")
    (tmp_path / "_config.yml").write_text(json.dumps({
        "title": "t", "execute": {"execute_notebooks": "off"},
        "sphinx": {"local_extensions": {"nnbook_checks": str(TOOLS)}}}))
    jb = os.path.join(os.path.dirname(sys.executable), "jupyter-book")
    result = subprocess.run([jb, "build", "-W", "-n", "--keep-going", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert "raised ZeroDivisionError" in result.stdout + result.stderr


def test_regenerated_notebooks_keep_their_ids():
    """make_outputs names cells by their source, so regenerating an unchanged chapter
    rewrites the same cell ids (no churn of random ids in reviews)."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
    import make_outputs

    def executed(model_id):
        nb = new_notebook(cells=[new_markdown_cell("# A"), new_code_cell("w"), new_code_cell("w")])
        nb.cells[1].outputs = [new_output("display_data", {WIDGET_VIEW: {"model_id": model_id}, "text/plain": "w"}),
                               new_output("stream", name="stdout", text="1\n")]
        make_outputs.stable_ids(nb)
        return nb

    a, b = executed("1" * 32), executed("3" * 32)
    assert [c.id for c in a.cells] == [c.id for c in b.cells]
    assert len({c.id for c in a.cells}) == 3


@pytest.mark.parametrize("bad", ["tools/make_outputs.py", "book/intro.md", "book/99_missing.py", "README.md"])
def test_make_outputs_accepts_only_chapters(bad):
    result = subprocess.run([sys.executable, str(TOOLS / "make_outputs.py"), bad], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "not a chapter" in result.stderr


def test_make_outputs_writes_atomically(tmp_path, monkeypatch):
    import make_outputs

    target = tmp_path / "x.ipynb"
    target.write_text("old")

    def interrupted(nb, f):
        f.write("{ half a notebook")
        raise KeyboardInterrupt
    monkeypatch.setattr(make_outputs.nbformat, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        make_outputs.write_atomically(nbformat.v4.new_notebook(), target)
    assert target.read_text() == "old" and list(tmp_path.iterdir()) == [target]
    monkeypatch.undo()
    make_outputs.write_atomically(nbformat.v4.new_notebook(), target)
    assert read(target).cells == []


def test_nbval_on_one_chapter_gets_the_pinned_cpu_paths():
    """``pytest --nbval book/NN.ipynb`` alone (without tests/ and its conftest) still runs the
    kernel with the CPU code paths the outputs were made with: the root conftest.py sets them.
    A notebook whose stored output is the pinned environment fails on a kernel without it."""
    from numerics import PINNED
    if not PINNED:
        pytest.skip("no CPU code paths are pinned on this machine")
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(f"import os\nprint({{k: os.environ.get(k) for k in {sorted(PINNED)!r}}})")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout",
                                           text=repr({k: PINNED[k] for k in sorted(PINNED)}) + "\n")]
    cell.execution_count = 1
    nb.cells = [cell]
    folder = ROOT / "test-output" / "pinned-nbval"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pinned.ipynb"
    nbformat.write(nb, path)
    env = {k: v for k, v in os.environ.items() if k not in PINNED}          # a plain shell's environment
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--nbval",
                             "--nbval-current-env", "-q", str(path.relative_to(ROOT))],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:]
