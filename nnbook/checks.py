"""Argument checks shared by every module and chapter: one place for "what was expected, what was given".

Each check returns the cleaned value or raises ``TypeError`` (wrong kind of thing) or
``ValueError`` (right kind, wrong value) whose message starts with the argument's name.
numpy scalars count as numbers; ``bool`` never does.  :func:`lookup` is the one table
lookup behind ``activations.get``, ``losses.get``, ``init.get``, ``optim.get`` and
``surfaces.get``.  :func:`real_array` is :func:`array` for values that must already be
numbers (numpy alone turns ``[1, None]`` into [1, nan] and ``["1.5"]`` into 1.5),
:func:`shape` checks a requested shape against ``MAX_ELEMENTS``, :func:`generator` an rng.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

__all__ = ["integer", "number", "flag", "choice", "array", "size", "lookup", "MAX_ELEMENTS", "MAX_STEPS",
           "real_array", "shape", "generator"]

#: the largest array (elements) a function will allocate on a reader's request (~800 MB of float64)
MAX_ELEMENTS = 10**8
#: the most iterations (optimizer steps, epochs × samples) a function will run on request
MAX_STEPS = 10**7


def _describe(value):
    return f"{type(value).__name__} {value!r}" if not isinstance(value, (int, float)) else repr(value)


def _bound_text(low, high, low_open, high_open):
    parts = []
    if low is not None:
        parts.append(f"{'>' if low_open else '≥'} {low:g}")
    if high is not None:
        parts.append(f"{'<' if high_open else '≤'} {high:g}")
    return " and ".join(parts)


def integer(value, name, low=None, high=None):
    """An int (Python or numpy, not bool) with low ≤ value ≤ high."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name}: expected an integer, got {_describe(value)}")
    value = int(value)
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{name}: expected an integer {_bound_text(low, high, False, False)}, got {value}")
    return value


def number(value, name, low=None, high=None, *, low_open=False, high_open=False):
    """A finite real number (Python or numpy, not bool) within the bounds, as a float."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}: expected a number, got {_describe(value)}")
    try:
        value = float(value)
    except OverflowError:                       # an int beyond float64 (10**400)
        raise ValueError(f"{name}: expected a finite number, got an integer of "
                         f"{int(value.bit_length() * 0.30103) + 1} digits") from None
    if not math.isfinite(value):
        raise ValueError(f"{name}: expected a finite number, got {value!r}")
    if ((low is not None and (value < low or (low_open and value == low))) or
            (high is not None and (value > high or (high_open and value == high)))):
        raise ValueError(f"{name}: expected a number {_bound_text(low, high, low_open, high_open)}, "
                         f"got {value!r}")
    return value


def flag(value, name):
    """True or False (numpy bools too); not 'yes', not 1."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}: expected True or False, got {_describe(value)}")
    return bool(value)


def choice(value, name, options):
    """One of ``options`` (strings)."""
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{name}: expected one of {', '.join(map(repr, options))}, got {value!r}")
    return value


def array(value, name, *, ndim=None, finite=True, nonempty=True):
    """A float64 ndarray (a copy only if needed) with ``ndim`` dimensions (an int or a tuple of
    allowed ones), finite unless ``finite=False``, non-empty unless ``nonempty=False``."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name}: expected an array of numbers, got {_describe(value)}")
    try:
        a = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name}: expected an array of numbers, got {type(value).__name__}") from None
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if a.ndim not in allowed:
            want = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(f"{name}: expected a {want} array, got shape {a.shape}")
    if nonempty and a.size == 0:
        raise ValueError(f"{name}: expected at least one value, got an empty array of shape {a.shape}")
    if finite and not np.all(np.isfinite(a)):
        raise ValueError(f"{name}: contains NaN or infinity")
    return a


def size(count, name, limit=MAX_ELEMENTS, what="elements"):
    """Refuse a request whose ``count`` (elements, steps) passes ``limit``, before doing any work."""
    if count > limit:
        raise ValueError(f"{name}: this asks for {count:,} {what}; the limit is {limit:,}")
    return count


def lookup(table, name, kind, cls, params=None, bind=None):
    """``table[name]``, with ``params`` bound by ``bind(entry, params)`` (the ``get`` functions).

    An instance of ``cls`` passes through unchanged (without params).  A name that is not a
    string is a TypeError; an unknown name or parameter a ValueError listing what exists.
    """
    params = params or {}
    if isinstance(name, cls):
        if params:
            raise ValueError(f"params: cannot bind parameters to a {cls.__name__} object; pass its name")
        return name
    if not isinstance(name, str):
        raise TypeError(f"name: expected {kind} name (str), got {type(name).__name__}")
    if name not in table:
        raise ValueError(f"name: unknown {kind} {name!r}; choose one of {', '.join(table)}")
    entry = table[name]
    if not params:
        return entry
    allowed = getattr(entry, "params", None) or {}
    unknown = set(params) - set(allowed)
    if unknown:
        raise ValueError(f"params: {name} takes parameters ({', '.join(allowed) or 'none'}), "
                         f"got {', '.join(sorted(unknown))}")
    return bind(entry, params)


def _real(value, name, bools):
    """``value`` as an ndarray of real numbers (its int, uint or float dtype kept), else TypeError."""
    if isinstance(value, np.ndarray):
        a = value
    elif value is None or isinstance(value, (str, bytes, dict, set, frozenset)):
        raise TypeError(f"{name}: expected an array of numbers, got {_describe(value)}")
    else:
        try:
            a = np.asarray(value)
        except ValueError:
            raise ValueError(f"{name}: expected a rectangular array of numbers, got rows of different "
                             "lengths") from None
    kind = a.dtype.kind
    if kind in "iuf" or (bools and kind == "b"):
        return a
    if kind == "O":
        bad = [v for v in a.flat if isinstance(v, (bool, np.bool_)) and not bools
               or not isinstance(v, (numbers.Real, np.bool_))][:1]
        if not bad:
            try:
                return a.astype(float)
            except OverflowError:
                raise ValueError(f"{name}: expected numbers within the float64 range (±1.8e308), "
                                 "got a larger integer") from None
        raise TypeError(f"{name}: expected an array of numbers, got {_describe(bad[0])}"
                        + (" among its values" if a.ndim else ""))
    got = _describe(value) if a.ndim == 0 else f"an array of dtype {a.dtype}"
    raise TypeError(f"{name}: expected an array of numbers, got {got}")


def real_array(value, name, *, ndim=None, finite=True, nonempty=True, bools=False):
    """:func:`array` for values that must already be real numbers: ``None``, strings, bools
    (unless ``bools=True``), complex numbers and other objects are a TypeError instead of being
    converted (numpy turns ``[1, None]`` into [1, nan] and ``["1.5"]`` into 1.5); rows of
    different lengths and integers beyond float64 are a ValueError."""
    return array(_real(value, name, bools), name, ndim=ndim, finite=finite, nonempty=nonempty)


def shape(value, name, *, low=1, min_ndim=1, limit=MAX_ELEMENTS):
    """An array shape as a tuple of ints: an int or a sequence of ints ≥ ``low`` (not bools, not
    2.5), at least ``min_ndim`` of them, at most ``limit`` elements in all (see :func:`size`)."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        value = (value,)
    if isinstance(value, (str, bytes, dict)) or value is None:
        raise TypeError(f"{name}: expected a tuple of integers, got {_describe(value)}")
    try:
        dims = tuple(value)
    except TypeError:
        raise TypeError(f"{name}: expected a tuple of integers, got {_describe(value)}") from None
    if any(isinstance(s, bool) or not isinstance(s, numbers.Integral) or s < low for s in dims):
        what = "positive integers" if low == 1 else f"integers ≥ {low}"
        raise ValueError(f"{name}: expected a tuple of {what}, got {value!r}")
    if len(dims) < min_ndim:
        raise ValueError(f"{name}: expected at least {min_ndim} dimension{'s' * (min_ndim > 1)}, "
                         f"got {value!r}")
    dims = tuple(int(s) for s in dims)
    size(math.prod(dims), name, limit)
    return dims


def generator(value, name="rng"):
    """A :class:`numpy.random.Generator` (the only source of randomness: no global state)."""
    if not isinstance(value, np.random.Generator):
        raise TypeError(f"{name}: expected a numpy.random.Generator (np.random.default_rng(seed)), "
                        f"got {type(value).__name__}")
    return value
