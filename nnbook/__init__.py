"""nnbook: the numpy engine behind the executable textbook *Training Neural Networks*.

Each module holds one concept and belongs to one chapter; the chapters import it.
"""
from nnbook import activations, network

__version__ = "0.1.0"

__all__ = ["activations", "network"]
