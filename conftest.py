"""pytest anywhere in this repository, e.g. nbval on one chapter (``pytest --nbval book/00_neurons.ipynb``):
kernels inherit the pinned CPU code paths the committed outputs were made with (tools/numerics.py)."""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
from numerics import PINNED  # noqa: E402

os.environ.update(PINNED)
