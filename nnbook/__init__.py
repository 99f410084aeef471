"""nnbook: the numpy engine behind the executable textbook *Training Neural Networks*.

Each module holds one concept and belongs to one chapter; the chapters import it.
"""
from nnbook import activations, checks, core, heads, network
from nnbook.history import History
from nnbook.lockstep import Lockstep, lockstep, stack
from nnbook.network import MLP
from nnbook.train import StopTraining, Trainer, train
from nnbook import autodiff, data, gradcheck, init, losses, optim, polyfit, regularization, surfaces
from nnbook import plots

__version__ = "0.1.0"

__all__ = ["activations", "checks", "core", "heads", "network", "autodiff", "data", "gradcheck", "init",
           "losses", "optim", "polyfit", "regularization", "surfaces", "plots", "MLP", "stack", "train",
           "History", "Trainer", "StopTraining", "Lockstep", "lockstep"]
