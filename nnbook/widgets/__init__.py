"""The book's interactive demos, live in JupyterLab and on the static site (chapters 0 to 5 and the playground).

Each demo is a Python class (its controls are traits, numpy prepares its data) whose ES
module computes and draws in the browser (:mod:`nnbook.widgets.live`), next to a plain
matplotlib drawing function for the chapter's figures and the tests.
"""
from nnbook.widgets.activation_explorer import ActivationExplorer, activation_figure
from nnbook.widgets.init_lab import InitLab, init_lab_figure
from nnbook.widgets.live import LiveWidget
from nnbook.widgets.loss_widgets import SlowdownNeuron, SoftmaxExplorer
from nnbook.widgets.lr_lab import LearningRateLab
from nnbook.widgets.overfit_lab import OverfitLab, overfit_figure
from nnbook.widgets.playground import Playground, playground_figure
from nnbook.widgets.two_moons import TwoMoonsLab, two_moons_figure

__all__ = ["ActivationExplorer", "InitLab", "LearningRateLab", "LiveWidget", "OverfitLab", "Playground",
           "SlowdownNeuron", "SoftmaxExplorer", "TwoMoonsLab", "activation_figure", "init_lab_figure", "overfit_figure",
           "playground_figure",
           "two_moons_figure"]
