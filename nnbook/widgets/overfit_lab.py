"""The curve-fitting overfit lab (chapter 5): Kneusel's 17 points, a degree, a ridge λ, held-out points.

numpy prepares every fit: :func:`nnbook.polyfit.fit` for each degree 0 … 16 and each λ of
``LAMBDAS``, shipped as the coefficients in scaled powers of t (the stable form the fit uses);
the browser (``js/overfit_lab.js``) evaluates them, measures the training and held-out errors
and draws.  Held-out points come from :func:`nnbook.data.curve_fit_heldout`, ``DRAWS`` seeds.
:func:`overfit_figure` draws the same two panels with matplotlib.

tests/test_widgets_js.py holds the browser's curves and errors to nnbook's within 1e-9.
"""
from __future__ import annotations

import numpy as np
import traitlets

from nnbook import checks, data, polyfit
from nnbook.widgets.live import LiveWidget, float64_bytes

__all__ = ["OverfitLab", "overfit_figure", "fit_errors", "LAMBDAS", "DRAWS", "MAX_DEGREE", "Y_CLIP"]

#: the degrees the lab fits: 0 … 16 (degree 16 interpolates the 17 points)
MAX_DEGREE = 16
#: the ridge λ of the slider: 0, then 1, 2, 5 per decade from 10⁻⁸ to 100
LAMBDAS = (0.0,) + tuple(float(f"{m}e{e}") for e in range(-8, 2) for m in (1, 2, 5)) + (100.0,)
#: how many held-out draws the lab ships (seeds 0 … DRAWS − 1)
DRAWS = 20
#: the y-range drawn: the data's range with a margin (the degree-15 fit swings to about −1947)
Y_CLIP = (-150.0, 600.0)


def _check_lambda(value):
    lam = checks.number(value, "l2", 0.0)
    match = [v for v in LAMBDAS if abs(v - lam) <= 1e-9 * max(v, 1e-300) or v == lam]
    if not match:
        raise ValueError(f"l2: expected one of the lab's λ values (0, then 1, 2, 5 × 10^k from 1e-08 to 100), got {value!r}")
    return match[0]


def fits(x, y):
    """Every fit of the lab: scaled coefficients (degrees × λ × 17, zero-padded), the domain,
    and per degree the condition numbers of the raw-power design and of the scaled one nnbook solves."""
    coef = np.zeros((MAX_DEGREE + 1, len(LAMBDAS), MAX_DEGREE + 1))
    scaled = np.zeros(MAX_DEGREE + 1)
    for d in range(MAX_DEGREE + 1):
        for j, lam in enumerate(LAMBDAS):
            f = polyfit.fit(x, y, d, l2=lam)
            coef[d, j, :d + 1] = f.scaled_coef
            if lam == 0:
                scaled[d], domain = f.condition, f.domain
    raw = np.array([np.linalg.cond(np.vander(x, d + 1)) for d in range(MAX_DEGREE + 1)])
    return coef, domain, raw, scaled


def fit_errors(l2=0.0, draw=0):
    """Root-mean-square errors per degree 0 … 16 at ridge λ ``l2`` on held-out draw ``draw``, by
    nnbook (chapter 5): {"train": (17,), "heldout": (17,), "size": ‖c₁ … c_d‖ (17,)}."""
    l2, draw = _check_lambda(l2), checks.integer(draw, "draw", 0, DRAWS - 1)
    x, y = data.curve_fit_points()
    hx, hy = data.curve_fit_heldout(draw)
    out = {"train": [], "heldout": [], "size": []}
    for d in range(MAX_DEGREE + 1):
        f = polyfit.fit(x, y, d, l2=l2)
        out["train"].append(np.sqrt(f.sse(x, y) / x.size))
        out["heldout"].append(np.sqrt(f.sse(hx, hy) / hx.size))
        out["size"].append(np.linalg.norm(f.scaled_coef[1:]))
    return {key: np.array(v) for key, v in out.items()}


class OverfitLab(LiveWidget):
    """Widget: Kneusel's curve-fitting overfit (chapter 5; Kneusel 2021, Fig. 9-5).

    Traits: ``degree`` (0 … 16), ``l2`` (the ridge λ, one of ``LAMBDAS``), ``show_heldout``,
    ``draw`` (which of the ``DRAWS`` held-out draws; "new held-out draw" steps it).
    :meth:`fit` is the current fit by nnbook; :meth:`errors` the errors the widget plots.
    """

    module = "overfit_lab"
    controls = ("degree", "l2", "show_heldout", "draw")
    degree = traitlets.Int(15).tag(sync=True)
    l2 = traitlets.Float(0.0).tag(sync=True)
    show_heldout = traitlets.Bool(True).tag(sync=True)
    draw = traitlets.Int(0).tag(sync=True)
    # the data numpy prepares (float64 bytes)
    x = traitlets.Bytes().tag(sync=True)
    y = traitlets.Bytes().tag(sync=True)
    heldout_x = traitlets.Bytes().tag(sync=True)
    heldout_y = traitlets.Bytes().tag(sync=True)
    lambdas = traitlets.Bytes().tag(sync=True)
    coef = traitlets.Bytes().tag(sync=True)
    domain = traitlets.List(traitlets.Float()).tag(sync=True)
    cond_raw = traitlets.Bytes().tag(sync=True)
    cond_scaled = traitlets.Bytes().tag(sync=True)
    y_clip = traitlets.List(traitlets.Float(), default_value=list(Y_CLIP)).tag(sync=True)
    draws = traitlets.Int(DRAWS).tag(sync=True)

    def __init__(self, degree=15, *, l2=0.0, show_heldout=True, draw=0):
        settings = {"degree": checks.integer(degree, "degree", 0, MAX_DEGREE), "l2": _check_lambda(l2),
                    "show_heldout": checks.flag(show_heldout, "show_heldout"),
                    "draw": checks.integer(draw, "draw", 0, DRAWS - 1)}
        x, y = data.curve_fit_points()
        hx = data.curve_fit_heldout(0)[0]
        hy = np.array([data.curve_fit_heldout(seed)[1] for seed in range(DRAWS)])
        coef, domain, raw, scaled = fits(x, y)
        super().__init__(x=float64_bytes(x), y=float64_bytes(y), heldout_x=float64_bytes(hx),
                         heldout_y=float64_bytes(hy), lambdas=float64_bytes(LAMBDAS), coef=float64_bytes(coef),
                         domain=list(domain), cond_raw=float64_bytes(raw), cond_scaled=float64_bytes(scaled),
                         **settings)

    @traitlets.validate("degree")
    def _valid_degree(self, proposal):
        return checks.integer(proposal["value"], "degree", 0, MAX_DEGREE)

    @traitlets.validate("l2")
    def _valid_l2(self, proposal):
        return _check_lambda(proposal["value"])

    @traitlets.validate("draw")
    def _valid_draw(self, proposal):
        return checks.integer(proposal["value"], "draw", 0, DRAWS - 1)

    def fit(self):
        """The current fit, by :func:`nnbook.polyfit.fit` (chapter 5)."""
        return polyfit.fit(*data.curve_fit_points(), self.degree, l2=self.l2)

    def errors(self):
        """:func:`fit_errors` at the current λ and draw: what the widget plots."""
        return fit_errors(self.l2, self.draw)


def overfit_figure(degree=15, l2=0.0, draw=0):
    """The lab's two panels with matplotlib (chapter 5): the fit over the points (y clipped to
    ``Y_CLIP``) and the training and held-out errors against the degree.  Returns the figure."""
    import matplotlib.pyplot as plt
    degree = checks.integer(degree, "degree", 0, MAX_DEGREE)
    e = fit_errors(l2, draw)
    x, y = data.curve_fit_points()
    hx, hy = data.curve_fit_heldout(draw)
    f = polyfit.fit(x, y, degree, l2=l2)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    grid = np.linspace(x.min(), x.max(), 400)
    left.plot(grid, f(grid), color="C0", label=f"degree {degree}, λ = {l2:g}")
    left.plot(x, y, "o", color="k", ms=5, label="Kneusel's 17 points")
    left.plot(hx, hy, "o", mfc="none", color="C1", ms=5, label=f"held out (draw {draw})")
    left.set(ylim=Y_CLIP, xlabel="x", ylabel="y", title=f"the fit (y clipped to {Y_CLIP[0]:g} … {Y_CLIP[1]:g})")
    left.legend(loc="upper left", fontsize=8)
    degrees = np.arange(MAX_DEGREE + 1)
    right.semilogy(degrees, np.maximum(e["train"], 1e-3), "o-", color="C0", label="training")
    right.semilogy(degrees, e["heldout"], "s-", color="C1", label="held out")
    right.axvline(degree, color="0.5", ls=":")
    right.set(xlabel="degree", ylabel="RMS error", title=f"error against degree (λ = {l2:g})")
    right.legend(fontsize=8)
    fig.tight_layout()
    return fig
