"""The book's interactive demos: one module per demo, on the small shared base in ``base``.

Each demo has a plain drawing function (used for the static page and by the tests)
and a widget wrapping it (chapters 0 and 2).
"""
from nnbook.widgets.activation_explorer import ActivationExplorer, activation_figure
from nnbook.widgets.base import Demo, FigureOutput, Message, Throttle, figure_png, new_figure

__all__ = ["ActivationExplorer", "Demo", "FigureOutput", "Message", "Throttle", "activation_figure",
           "figure_png", "new_figure"]
