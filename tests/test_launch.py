"""What a publisher sets and what a reader on Colab or Binder gets: the repository setting,
each chapter's install cell, Binder's configuration, the Python versions the package admits,
the CI workflow and the README's publishing section."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import jupytext
import nbformat
import pytest
import tomllib
from packaging.specifiers import SpecifierSet

from conftest import ROOT, chapters
import repository  # tools/, on the path from conftest
from numerics import PINNED

BINDER = ROOT / "binder"
WORKFLOW = ROOT / ".github" / "workflows" / "book.yml"


@pytest.mark.parametrize("py", chapters(), ids=lambda p: p.stem)
def test_first_cell_installs_nnbook_from_the_books_repository(py):
    for nb in (jupytext.read(py), nbformat.read(py.with_suffix(".ipynb"), as_version=4)):
        cell = repository.install_cell(nb)
        tags = cell.metadata.get("tags", [])
        assert "remove-cell" in tags and "nbval-skip" in tags, "hidden on the site, skipped by nbval"
        assert repository.installed_from(nb) == repository.configured()
        assert 'find_spec("nnbook") is None' in cell.source, "installs only where nnbook is missing"


def test_the_install_cell_is_a_no_op_where_nnbook_is_installed():
    cell = repository.install_cell(jupytext.read(chapters()[0]))
    result = subprocess.run([sys.executable, "-c", cell.source], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout == result.stderr == ""


def test_make_repository_changes_the_one_setting_everywhere(tmp_path):
    shutil.copy(ROOT / "_config.yml", tmp_path)
    (tmp_path / "book").mkdir()
    for py in chapters():
        shutil.copy(py, tmp_path / "book")
        shutil.copy(py.with_suffix(".ipynb"), tmp_path / "book")
    url = "https://github.com/a-teacher/our-nnbook"
    repository.set_url(url, root=tmp_path)
    config = (tmp_path / "_config.yml").read_text()
    assert f"url: {url}" in config and config.count(url) == 1
    for py in repository.chapters(tmp_path):
        assert repository.installed_from(jupytext.read(py)) == url
        assert repository.installed_from(nbformat.read(py.with_suffix(".ipynb"), as_version=4)) == url
    with pytest.raises(SystemExit, match="OWNER/NAME"):
        repository.set_url("github.com/no-scheme", root=tmp_path)


def test_binder_builds_the_locked_environment_and_pins_the_kernels():
    assert (BINDER / "runtime.txt").read_text().strip() == f"python-{sys.version_info.major}.{sys.version_info.minor}"
    assert "-r ../requirements.lock" in (BINDER / "requirements.txt").read_text().splitlines()
    assert "pip install --no-deps -e ." in (BINDER / "postBuild").read_text()
    result = subprocess.run([str(BINDER / "start"), "env"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    env = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    assert env.items() >= PINNED.items()


def test_numerics_passes_values_with_spaces_intact():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "numerics.py"), sys.executable, "-c",
                             "import os, json; print(json.dumps({k: os.environ.get(k) for k in %r}))" % list(PINNED)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == PINNED


def test_the_package_admits_the_pythons_readers_use():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    supported = SpecifierSet(project["requires-python"])
    for version in ("3.11", "3.12", "3.13"):   # this machine, Colab, Binder's current default
        assert supported.contains(version), f"requires-python {supported} refuses Python {version}"


def test_ci_workflow_is_valid_and_runs_the_readmes_test_command():
    check = shutil.which("check-jsonschema", path=str(ROOT / ".venv" / "bin")) or shutil.which("check-jsonschema")
    assert check, "check-jsonschema is in the lock: run make setup"
    result = subprocess.run([check, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    text = WORKFLOW.read_text()
    assert "make test" in text and "make book" in text and "actions/deploy-pages" in text
    assert "make test" in (ROOT / "README.md").read_text()


def test_readme_tells_a_publisher_what_to_set():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Publishing the book", 1)[-1].split("\n## ", 1)[0]
    assert "## Publishing the book" in readme
    for needle in ("make repository URL=", "repository.url", ".github/workflows/book.yml", "binder/"):
        assert needle in section, f"the publishing section does not mention {needle}"
