"""Every public function and class of nnbook documents itself: equation/behaviour and its chapter."""
from __future__ import annotations

import importlib
import inspect
import re

import pytest

MODULES = ["activations", "network", "parameters", "engine", "heads", "lockstep", "history", "core",
           "experiments", "checks", "train", "gradcheck", "autodiff", "losses", "init", "batchnorm", "signals", "optim",
           "surfaces", "regularization", "polyfit", "data", "plots", "widgets.live",
           "widgets.activation_explorer", "widgets.two_moons", "widgets.lr_lab", "widgets.loss_widgets",
           "widgets.init_lab", "widgets.overfit_lab", "widgets.playground"]
CHAPTER = re.compile(r"chapter|\bch\.\s*\d", re.I)


def public_objects():
    for name in MODULES:
        module = importlib.import_module(f"nnbook.{name}")
        names = getattr(module, "__all__", None) or [n for n in vars(module) if not n.startswith("_")]
        for attr in names:
            obj = getattr(module, attr)
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == module.__name__:
                yield f"{name}.{attr}", obj


OBJECTS = dict(public_objects())


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_public_name_has_a_docstring_naming_its_chapter(name):
    doc = inspect.getdoc(OBJECTS[name])
    assert doc and len(doc) > 20, f"nnbook.{name} has no docstring"
    if not name.startswith(("widgets.live.", "checks.")):  # shared by every chapter
        assert CHAPTER.search(doc), f"nnbook.{name}'s docstring does not name its chapter"


@pytest.mark.parametrize("module", MODULES)
def test_module_names_its_chapter(module):
    doc = importlib.import_module(f"nnbook.{module}").__doc__ or ""
    assert CHAPTER.search(doc), f"nnbook.{module}'s docstring does not say which chapter it belongs to"


def test_docstrings_cite_only_files_in_the_repository():
    from conftest import ROOT

    cited = set()
    for module in MODULES:
        cited |= set(re.findall(r"[\w/-]+\.md\b", inspect.getsource(importlib.import_module(f"nnbook.{module}"))))
    missing = sorted(c for c in cited if not (ROOT / c).exists() and not (ROOT / "book" / c).exists())
    assert not missing, f"docstrings cite files that are not in the repository: {missing}"
