"""The environment is pinned in one place (requirements.lock) and nothing drifts from it."""
from __future__ import annotations

import json
import sys
import tomllib
from importlib import metadata

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

REQUIRED_PINS = ["jupyter-book", "jupyterlab", "jupytext", "nbval", "ipywidgets", "matplotlib", "numpy",
                 "scikit-learn", "pytest", "pytest-xdist", "hypothesis", "playwright"]


def lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, version = line.partition("==")
        assert sep, f"requirements.lock: {line!r} is not pinned with =="
        pins[canonicalize_name(name)] = version
    return pins


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_python_is_311():
    assert sys.version_info[:2] == (3, 11)
    assert pyproject()["project"]["requires-python"] == ">=3.11"   # the lock is the tested 3.11 environment


def test_lock_pins_the_books_tools():
    pins = lock()
    for name in REQUIRED_PINS:
        assert canonicalize_name(name) in pins, f"requirements.lock does not pin {name}"
    assert pins["jupyter-book"] == "1.0.4.post1", "the book is a Jupyter Book 1 project (_config.yml)"


@pytest.mark.parametrize("group", ["dependencies", "book", "test"])
def test_pyproject_requirements_are_satisfied_by_the_lock(group):
    project = pyproject()["project"]
    requirements = project["dependencies"] if group == "dependencies" else project["optional-dependencies"][group]
    pins = lock()
    for spec in requirements:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in pins, f"pyproject.toml needs {spec} but requirements.lock does not pin {req.name}"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"pyproject.toml needs {spec}; requirements.lock pins {req.name}=={pins[name]}")


def test_environment_yml_uses_the_same_lock():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    assert "python=3.11" in deps
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert pip_section == ["-r requirements.lock", "-e ."]
    conda_names = [d.split("=")[0] for d in deps if isinstance(d, str)]
    assert set(conda_names) <= {"python", "pip"}, f"conda packages bypass the lock: {conda_names}"


def test_installed_packages_match_the_lock():
    drift = []
    for name, version in lock().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            drift.append(f"{name}=={version} is not installed")
            continue
        if installed != version:
            drift.append(f"{name}: lock {version}, installed {installed}")
    assert not drift, "run `make setup` (the venv drifted from requirements.lock):\n" + "\n".join(drift)


def test_npm_assets_are_pinned_exactly():
    package = json.loads((ROOT / "package.json").read_text())
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    for name, version in package["dependencies"].items():
        assert version[0].isdigit(), f"package.json: {name} must be pinned to one version, got {version}"
        assert locked[f"node_modules/{name}"]["version"] == version
    for path, entry in locked.items():
        resolved = entry.get("resolved", "")
        assert not resolved or resolved.startswith("https://registry.npmjs.org/"), f"{path}: {resolved}"


def test_kernels_use_the_pinned_cpu_code_paths():
    """A kernel started by the tests (as nbval starts one) runs numpy's baseline loops and
    OpenBLAS's Nehalem kernels: the code paths the committed outputs were made with."""
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell, new_notebook
    from numerics import PINNED

    if not PINNED:
        pytest.skip("no CPU pins on this architecture: committed outputs may not reproduce")
    probe = ("import numpy, threadpoolctl\n"
             "from numpy._core._multiarray_umath import __cpu_features__ as f\n"
             "blas = threadpoolctl.threadpool_info()\n"
             "print(sorted(k for k in ('X86_V3', 'X86_V4', 'AVX512_ICL', 'AVX512_SPR') if f.get(k)),"
             " [b.get('architecture') for b in blas if b['internal_api'] == 'openblas'])")
    nb = new_notebook(cells=[new_code_cell(probe)])
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    assert nb.cells[0].outputs[0]["text"].strip() == "[] ['Nehalem']"
