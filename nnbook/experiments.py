"""The book's named experiments as functions (chapter 2), so chapter, lab and playground run the same thing.

**Glassner's two-moons protocol** (Deep Learning: A Visual Approach, 2021, ch. 14): two moons
of 2048 points, noise 0.08, a seeded 75/25 split, standardized (:func:`nnbook.data.two_moons`);
the network 2 → 4 ReLU → 4 ReLU → 1 sigmoid (37 parameters), weights N(0, 0.05), biases 0;
binary cross-entropy; per-sample SGD with learning rate η, every epoch visiting the training
points in an order shuffled from :data:`ORDER_SEED` (the same for every η, init and seed, so a
comparison changes one thing only).
"""
from __future__ import annotations

from nnbook import data as _data
from nnbook.network import MLP
from nnbook.train import Trainer

__all__ = ["TWO_MOONS_SIZES", "TWO_MOONS_INITS", "GLASSNER_INIT", "LEARNING_RATES", "ORDER_SEED",
           "two_moons_network", "two_moons_trainer", "two_moons_run"]

#: 2 inputs, two hidden layers of 4 ReLUs, one sigmoid output: 37 parameters
TWO_MOONS_SIZES = (2, 4, 4, 1)
#: Glassner's initialization: weights N(0, 0.05²), biases 0
GLASSNER_INIT = ("normal", {"std": 0.05})
#: the initializations the lab offers: label → nnbook.init scheme
TWO_MOONS_INITS = {"N(0, 0.05) (Glassner)": GLASSNER_INIT, "He normal": ("he_normal", {}),
                   "Glorot uniform": ("glorot_uniform", {})}
#: the book's three learning rates (Glassner 2021, Figs. 14-30 to 14-38)
LEARNING_RATES = (0.5, 0.05, 0.01)
#: the shuffle seed of every run's data order
ORDER_SEED = 0


def _init_entry(init):
    if isinstance(init, str) and init in TWO_MOONS_INITS:
        return TWO_MOONS_INITS[init]
    return init


def two_moons_network(seed=2, init=GLASSNER_INIT, models=None):
    """Glassner's 2-4-4-1 network drawn from ``seed`` (chapter 2).

    ``init`` is a label of :data:`TWO_MOONS_INITS` or any ``MLP`` init; ``models`` a lockstep
    axis (``nnbook.lockstep(seed=range(20), lr=LEARNING_RATES)``) for many runs at once.
    """
    return MLP(list(TWO_MOONS_SIZES), "relu", "sigmoid", init=_init_entry(init), seed=seed, models=models)


def two_moons_trainer(net, lr=None, epochs=21, *, data=None, snapshots=True):
    """A :class:`~nnbook.train.Trainer` for the protocol (chapter 2): per-sample SGD on the training moons,
    measured on the test moons every epoch, data order from :data:`ORDER_SEED`.  ``data`` is
    the (X_train, y_train, X_test, y_test) of :func:`nnbook.data.two_moons` (made if None)."""
    if not isinstance(net, MLP):
        raise TypeError(f"net: expected an nnbook MLP, got {type(net).__name__}")
    if data is None:
        if net.sizes[0] != 2:
            raise ValueError(f"net: expected a network with 2 inputs (a point of the moons' plane), got sizes "
                             f"{net.sizes}")
        X, y, X_test, y_test = _data.two_moons(seed=0)
    else:
        if not isinstance(data, (tuple, list)) or len(data) != 4:
            raise TypeError("data: expected (X_train, y_train, X_test, y_test) as nnbook.data.two_moons returns, "
                            f"got {type(data).__name__}{f' of {len(data)}' if isinstance(data, (tuple, list)) else ''}")
        X, y, X_test, y_test = data
    try:
        return Trainer(net, X, y, validation=(X_test, y_test), epochs=epochs, batch_size=1, lr=lr,
                       seed=ORDER_SEED, snapshots=snapshots)
    except (TypeError, ValueError) as err:
        label, _, rest = str(err).partition(": ")
        if data is not None and label in _DATA_NAMES:           # name the part of ``data`` that is wrong
            raise type(err)(f"data: {_DATA_NAMES[label]}: {rest}") from None
        raise


#: the Trainer's names of the parts of ``data``
_DATA_NAMES = {"X": "X_train", "y": "y_train", "validation X": "X_test", "validation y": "y_test"}


def two_moons_run(net, lr=None, epochs=21, *, data=None, snapshots=True):
    """Train ``net`` by the protocol and return its :class:`~nnbook.history.History` (chapter 2)."""
    trainer = two_moons_trainer(net, lr, epochs, data=data, snapshots=snapshots)
    trainer.run()
    return trainer.history
