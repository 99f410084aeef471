"""nnbook: the numpy engine behind the executable textbook *Training Neural Networks*.

Each module holds one concept and belongs to one chapter; the chapters import it.
"""
from nnbook import activations, network
from nnbook.network import MLP
from nnbook.train import History, Trainer, train
from nnbook import autodiff, data, gradcheck, init, losses, optim, polyfit, regularization, surfaces
from nnbook import plots

__version__ = "0.1.0"

__all__ = ["activations", "network", "autodiff", "data", "gradcheck", "init", "losses", "optim",
           "polyfit", "regularization", "surfaces", "plots", "MLP", "train", "History", "Trainer"]
