"""The book's repository: one setting, ``repository.url`` in ``_config.yml``.

The site's launch buttons (Binder, Colab) and its repository button read it there.  A
kernel on Colab has no ``_config.yml``, so the first cell of every chapter (its install
cell) carries a copy; ``make repository URL=https://github.com/OWNER/NAME`` changes the
setting and every copy at once, and tests/test_launch.py fails if they ever disagree.

Usage: python tools/repository.py                 print the setting
       python tools/repository.py URL             set it everywhere
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "_config.yml"
GITHUB = re.compile(r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
CONFIG_LINE = re.compile(r"^(  url: ).*$", re.M)          # the url under repository:
INSTALL_SPEC = re.compile(r"nnbook @ git\+(?P<url>[^\\\"']+)")


def configured() -> str:
    """The repository URL the site is published from (``_config.yml``)."""
    return yaml.safe_load(CONFIG.read_text())["repository"]["url"]


def install_cell(nb):
    """A chapter's install cell: its first cell, which installs nnbook where it is missing."""
    cell = nb.cells[0]
    if cell.cell_type != "code" or not INSTALL_SPEC.search(cell.source):
        raise ValueError("the first cell is not the install cell")
    return cell


def installed_from(nb) -> str:
    """The repository a chapter's install cell installs nnbook from."""
    return INSTALL_SPEC.search(install_cell(nb).source)["url"]


def chapters(root: Path = ROOT) -> list[Path]:
    return sorted((root / "book").glob("[0-9][0-9]_*.py"))


def set_url(url: str, root: Path = ROOT) -> None:
    """Set the repository URL in _config.yml and in every chapter's install cell (both twins:
    only that cell's source changes, so the committed outputs stay valid)."""
    if not GITHUB.fullmatch(url):
        raise SystemExit(f"URL must look like https://github.com/OWNER/NAME, got {url!r}")
    config = root / "_config.yml"
    text = config.read_text()
    head, sep, rest = text.partition("\nrepository:\n")
    config.write_text(head + sep + CONFIG_LINE.sub(lambda m: m[1] + url, rest, count=1))
    for py in chapters(root):
        for path in (py, py.with_suffix(".ipynb")):
            text, n = INSTALL_SPEC.subn(f"nnbook @ git+{url}", path.read_text())
            if n != 1:
                raise SystemExit(f"{path}: expected one install spec, found {n}")
            path.write_text(text)

if __name__ == "__main__":
    if len(sys.argv) == 1:
        print(configured())
    else:
        set_url(sys.argv[1])
        print(f"repository set to {sys.argv[1]}: _config.yml and {len(chapters())} chapters")
