"""The base of the book's live widgets (chapters 0 and 2): numpy prepares, the browser computes and draws.

A widget is an :class:`anywidget.AnyWidget`: its controls are traits, the data numpy
prepares are traits too (float64 arrays as bytes), and an ES module (built from
``nnbook/widgets/js`` into ``nnbook/widgets/static`` by esbuild, ``make widgets-js``)
draws on a ``<canvas>`` and recomputes in the browser.  The same module runs in JupyterLab
(anywidget's extension) and on the static site (``tools/site_static/nnbook-widgets.js``
renders it from the state saved with the notebook), so the widgets are live without a
kernel, and the kernel is never busy because of one.

Public names: :class:`LiveWidget`, :func:`float64_bytes`, :func:`from_float64_bytes`,
:func:`book_style` and :data:`STATIC` (the folder of the built modules).
"""
from __future__ import annotations

from pathlib import Path

import anywidget
import matplotlib as mpl
import numpy as np
import traitlets

from nnbook import plots

__all__ = ["STATIC", "LiveWidget", "book_style", "float64_bytes", "from_float64_bytes"]

#: the widgets' built ES modules (package data)
STATIC = Path(__file__).resolve().parent / "static"


def float64_bytes(a) -> bytes:
    """``a`` as little-endian float64 bytes, C order (what the widgets' JavaScript reads)."""
    return np.ascontiguousarray(a, dtype="<f8").tobytes()


def from_float64_bytes(data: bytes, shape=None) -> np.ndarray:
    """The float64 array that :func:`float64_bytes` wrote (a copy), reshaped to ``shape``."""
    a = np.frombuffer(bytes(data), dtype="<f8").astype(float)
    return a if shape is None else a.reshape(shape)


def book_style() -> dict:
    """The book's look for the JavaScript: matplotlib's colour cycle, the class colours and
    the boundary colormap of :mod:`nnbook.plots` (256 entries), and the text size in px."""
    cmap = mpl.colormaps[plots.STYLE["cmap"]]
    table = [mpl.colors.to_hex(cmap(i / 255)) for i in range(256)]
    return {"colors": [mpl.colors.to_hex(c) for c in mpl.rcParams["axes.prop_cycle"].by_key()["color"]],
            "classes": list(plots.STYLE["classes"]), "cmap": table, "font": 12}


class LiveWidget(anywidget.AnyWidget):
    """A widget whose ES module is ``static/<module>.js`` (set ``module`` in a subclass).

    ``book_style`` is :func:`book_style` (not ``style``: ipywidgets reserves that name for a
    style model); ``message`` the note or error the widget shows (set by the browser, read
    back here).
    """

    module = ""
    book_style = traitlets.Dict().tag(sync=True)
    message = traitlets.Unicode("").tag(sync=True)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("module"):         # not for the subclasses traitlets makes in add_traits
            path = STATIC / f"{cls.module}.js"
            if not path.is_file():
                raise FileNotFoundError(f"{path}: the widget's module is not built (run `make widgets-js`)")
            cls._esm = path.read_text(encoding="utf-8")

    #: the traits a reader sets (shown by ``repr``; the data traits are not)
    controls: tuple = ()

    def __init__(self, **kwargs):
        super().__init__(book_style=book_style(), **kwargs)

    def __repr__(self):
        settings = ", ".join(f"{key}={getattr(self, key)!r}" for key in self.controls)
        return f"{type(self).__name__}({settings})"
