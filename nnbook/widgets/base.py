"""The small base every demo in the book is built on, from
chapter 0's activation explorer to chapter 2's two-moons lab.

A demo is two things: a plain function that draws its figure for given
parameters (the static page and the tests call it), and a widget that wraps the
same drawing code with controls.  The widget owns *one* matplotlib figure, made
once; a change of a control updates that figure's artists in place
(``set_data``, ``set_ydata``, ``set_text`` …) and re-renders it as a PNG into an
``ipywidgets.Output``.  Nothing here needs a browser: the tests drive the
controls' ``value`` traits and read the output and the message.

Public names:

- ``new_figure`` (with ``FIGSIZE``, ``DPI``): ``nnbook.plots.new_figure``, the book's one
  figure factory, a figure of 6×4 in at 100 dpi that pyplot does not manage (never
  shown twice, never needs closing).
- ``figure_png``: the figure rendered as PNG bytes.
- ``FigureOutput``: an ``Output`` widget that shows one figure (``show(fig)``).
- ``Message``: a one-line message for bad states (``show(text, kind)``, ``clear()``).
- ``Throttle``: calls a function at most once per interval; the last call is never lost.
- ``Demo``: controls + message + figure output, with ``update()`` to override.
- ``ControlBar``: play / pause / step / reset buttons for a demo that runs
  (first used by chapter 2's two-moons lab).
- ``Animation``: runs work as an asyncio task on the kernel's event loop, in
  chunks of a few ms, and redraws at most every ``frame`` seconds.
- ``BlitRenderer``: renders a figure to PNG fast when only a few artists change
  between frames (the rest is cached as a background).
"""
from __future__ import annotations

import asyncio
import base64
import html
import io
import time
from typing import Callable

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure
from traitlets import Unicode

# The one figure factory and its size live in nnbook.plots; the widgets keep these names.
from nnbook.plots import DPI, FIGSIZE, new_figure

__all__ = ["DPI", "FIGSIZE", "Animation", "BlitRenderer", "ControlBar", "Demo", "FigureOutput", "Message", "Throttle", "figure_png",
           "new_figure"]


def figure_png(fig: Figure) -> bytes:
    """The figure rendered as PNG bytes, at the figure's own size and dpi."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=fig.dpi)
    return buffer.getvalue()


class FigureOutput(widgets.Output):
    """An ``Output`` that shows one matplotlib figure, replaced in one step by ``show``.

    The output is set on the kernel side (the ``outputs`` trait), so it works from
    any callback, is saved with the widget state for the static page, and can be
    inspected in tests: ``image()`` returns the bytes last shown.
    """

    def show(self, fig: Figure, image: bytes | None = None, mime: str = "image/png") -> None:
        """Show ``fig``; ``image`` are its bytes of type ``mime`` if already rendered (e.g. by
        a :class:`BlitRenderer`), else it is rendered as PNG."""
        if mime not in ("image/png", "image/jpeg"):
            raise ValueError(f"mime: expected 'image/png' or 'image/jpeg', got {mime!r}")
        image = figure_png(fig) if image is None else image
        width, height = (round(v * fig.dpi) for v in fig.get_size_inches())
        self.outputs = ({
            "output_type": "display_data",
            "data": {mime: base64.b64encode(image).decode("ascii"),
                     "text/plain": f"<Figure size {width}x{height} with {len(fig.axes)} Axes>"},
            "metadata": {},
        },)

    def image(self) -> bytes:
        """The image bytes currently shown, PNG or JPEG (empty if nothing is)."""
        if not self.outputs:
            return b""
        data = self.outputs[0]["data"]
        return base64.b64decode(data.get("image/png") or data["image/jpeg"])


_COLORS = {"error": "#b00020", "warning": "#8a5300", "note": "#1f4e79"}


class Message(widgets.HTML):
    """One line telling the reader about a bad or notable state; hidden when empty.

    ``kind`` is ``"error"`` (the figure could not be updated), ``"warning"`` or
    ``"note"``.  ``text`` and ``kind`` keep the plain message for tests.
    """

    text = Unicode("")
    kind = Unicode("")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.clear()

    def show(self, text: str, kind: str = "warning") -> None:
        if kind not in _COLORS:
            raise ValueError(f"kind: expected one of {', '.join(_COLORS)}, got {kind!r}")
        self.text, self.kind = text, kind
        self.value = (f'<span style="color:{_COLORS[kind]}"><b>{kind}:</b> '
                      f"{html.escape(text)}</span>")
        self.layout.display = None

    def clear(self) -> None:
        self.text, self.kind, self.value = "", "", ""
        self.layout.display = "none"


class Throttle:
    """Call ``func()`` at most once every ``interval`` seconds, never losing the last call.

    The interval runs from the end of one call to the start of the next, so even a
    redraw slower than ``interval`` leaves the kernel time to take in new events.
    Inside a running event loop (a Jupyter kernel), a call that comes too soon is
    scheduled for the end of the interval; calls meanwhile are absorbed by it, and
    because ``func`` reads the current state when it runs, the final state is
    always drawn.  Without a running loop (tests, scripts) ``func`` runs at once.
    """

    def __init__(self, func: Callable[[], object], interval: float = 0.05):
        if not interval >= 0:
            raise ValueError(f"interval: expected a number of seconds ≥ 0, got {interval!r}")
        self.func, self.interval = func, float(interval)
        self._last = -float("inf")
        self._pending = None

    def __call__(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None or self.interval == 0:
            self._run()
            return
        if self._pending is not None:
            return
        wait = self._last + self.interval - time.monotonic()
        if wait <= 0:
            self._run()
        else:
            self._pending = loop.call_later(wait, self._fire)

    @property
    def pending(self) -> bool:
        """Whether a call is scheduled and has not run yet."""
        return self._pending is not None

    def cancel(self) -> None:
        """Drop a scheduled call."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None

    def _fire(self) -> None:
        self._pending = None
        self._run()

    def _run(self) -> None:
        try:
            self.func()
        finally:  # the interval counts from the end of a call: a slow redraw still leaves a gap
            self._last = time.monotonic()


class Demo:
    """Controls, a message line and one figure: the base of the book's widgets.

    ``controls`` maps names to widgets; every control with a ``value`` trait
    triggers a (throttled) ``refresh``.  A subclass makes ``fig`` once and
    overrides ``update``, which reads ``self.values()``, changes the figure's
    artists in place and returns ``None`` or a note for the reader.  If
    ``update`` raises ``ValueError`` (or an arithmetic error), the message shows
    it and the last good figure stays: bad states are shown, not raised.

    ``box`` lays the controls out (default: one ``VBox``).  Display a demo as a
    cell's last expression, or use its ``widget``.
    """

    def __init__(self, fig: Figure, controls: dict, *, box=None, interval: float = 0.05):
        self.fig = fig
        self.controls = dict(controls)
        self.output = FigureOutput()
        self.message = Message()
        self._throttle = Throttle(self.refresh, interval)
        self._busy = False
        for control in self.controls.values():
            if control.has_trait("value"):
                control.observe(self._on_change, names="value")
        box = box if box is not None else widgets.VBox(list(self.controls.values()))
        self.widget = widgets.VBox([box, self.message, self.output])

    def values(self) -> dict:
        """The current value of every control that has one, by name."""
        return {name: c.value for name, c in self.controls.items() if c.has_trait("value")}

    def update(self) -> str | None:
        """Update the figure's artists from ``self.values()``; return a note or ``None``."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Run ``update`` now and show the result (or the error) in the widget."""
        self._busy = True  # control changes made by update() itself do not re-enter
        try:
            note = self.update()
        except (ValueError, ArithmeticError) as err:
            self.message.show(str(err), "error")
            return
        finally:
            self._busy = False
        if note:
            self.message.show(note, "note")
        else:
            self.message.clear()
        self.output.show(self.fig, *self.render())

    def render(self) -> tuple[bytes, str]:
        """The figure as (bytes, MIME type) for the output: PNG here; a subclass may render
        faster (:class:`BlitRenderer`)."""
        return figure_png(self.fig), "image/png"

    def close(self) -> None:
        """Cancel a scheduled redraw and close the widgets."""
        self._throttle.cancel()
        for w in [*self.controls.values(), self.message, self.output, *self.widget.children, self.widget]:
            w.close()

    def _on_change(self, change) -> None:
        if not self._busy:
            self._throttle()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class ControlBar:
    """Play / pause / step / reset buttons (``play``, ``pause``, ``step``, ``reset``) in one row, ``box``.

    The symbols are plain text (no icon font, which the static site would have to serve).

    Each button calls the function given for it, without arguments.  ``set_running``
    enables pause and disables play while something runs, and the reverse.
    """

    def __init__(self, on_play: Callable[[], object], on_pause: Callable[[], object],
                 on_step: Callable[[], object], on_reset: Callable[[], object]):
        layout = widgets.Layout(width="88px")
        self.play = widgets.Button(description="▶ play", tooltip="train until the epoch budget", layout=layout)
        self.pause = widgets.Button(description="‖ pause", tooltip="stop after the current chunk",
                                    layout=layout)
        self.step = widgets.Button(description="↦ step", tooltip="train one more epoch", layout=layout)
        self.reset = widgets.Button(description="↺ reset", tooltip="back to epoch 0", layout=layout)
        for button, func in ((self.play, on_play), (self.pause, on_pause), (self.step, on_step),
                             (self.reset, on_reset)):
            button.on_click(lambda _button, func=func: func())
        self.box = widgets.HBox([self.play, self.pause, self.step, self.reset])
        self.set_running(False)

    def set_running(self, running: bool) -> None:
        self.play.disabled = bool(running)
        self.pause.disabled = not running

    def close(self) -> None:
        for w in (self.play, self.pause, self.step, self.reset, self.box):
            w.close()


class Animation:
    """Run ``advance()`` as an asyncio task on the running event loop, drawing as it goes.

    ``advance()`` does a few milliseconds of work and returns ``True`` while there
    is more to do.  After each chunk the task yields to the event loop, so a
    Jupyter kernel keeps answering other cells and widget events; ``draw()`` runs
    after the first chunk (the first frame comes at once), then every ``frame``
    seconds counted from the start of the previous draw (so a draw's own time does
    not lower the frame rate), but never before the work has had a quarter as long
    as that draw took (a slow draw must not starve the work), and once more at the
    end.  matplotlib is not thread-safe, which is why this is a task on the
    kernel's own loop, not a thread.

    ``start()`` cancels a task still running and starts a new one (it needs a
    running event loop, as inside a kernel or ``asyncio.run``); ``stop()``
    cancels.  ``on_stop(error)`` is called when the task ends by itself or by
    ``stop()``, with the exception that ended it (``None`` if none), so a demo
    can show a failure instead of losing it in the event loop's log.
    """

    def __init__(self, advance: Callable[[], bool], draw: Callable[[], object], *, frame: float = 1 / 15,
                 on_stop: Callable[[BaseException | None], object] | None = None):
        if not frame >= 0:
            raise ValueError(f"frame: expected a number of seconds ≥ 0, got {frame!r}")
        self.advance, self.draw, self.frame, self.on_stop = advance, draw, float(frame), on_stop
        self.task: asyncio.Task | None = None
        self.frames = 0

    @property
    def running(self) -> bool:
        """Whether the task exists and has not finished."""
        return self.task is not None and not self.task.done()

    def start(self) -> asyncio.Task:
        """Cancel a running task and start a new one on the running event loop."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError("Animation.start: needs a running asyncio event loop "
                               "(a Jupyter kernel has one; in a script use asyncio.run)") from None
        self.stop()
        self.task = loop.create_task(self._run())
        return self.task

    def stop(self) -> None:
        """Cancel the task: no chunk runs after this call; the figure keeps its last frame."""
        if self.running:
            self.task.cancel()
        self.task = None

    async def _run(self) -> None:
        error = None
        next_frame = 0.0
        try:
            while True:
                more = self.advance()
                now = time.monotonic()
                if not more or now >= next_frame:
                    self.draw()
                    self.frames += 1
                    end = time.monotonic()
                    next_frame = max(now + self.frame, end + (end - now) / 4)
                if not more:
                    break
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            pass
        except Exception as err:  # shown by on_stop, never lost in the event loop's log
            error = err
        finally:
            if self.task is asyncio.current_task():
                self.task = None
            if self.on_stop is not None:
                self.on_stop(error)


def _text(artist):
    """A Text's string (None for other artists): a changed title must be redrawn."""
    return artist.get_text() if hasattr(artist, "get_text") else None


class BlitRenderer:
    """Render a figure quickly when only a few artists change from frame to frame.

    A full matplotlib draw spends most of its time on text (tick labels, titles,
    legends).  Here the figure is drawn in full once, *without* the changing artists,
    and kept as a background.  On it go three layers:

    * ``slow()``: artists that change only when ``slow_key()`` changes (in a training
      lab: the curves and weight lines, once an epoch), drawn then and kept as a
      second background;
    * ``overlays()``: artists drawn over the slow layer whose box holds nothing that
      changes every frame (a legend with an opaque frame, a title); they belong to the
      slow layer, which is redrawn when one of them is replaced or its text changes,
      and their pixels are pasted back until the artist, its place or its text changes;
    * ``dynamic()``: the artists that change every frame, drawn last; they must not
      overlap the overlays.

    The image is then encoded: PNG with fast compression, or JPEG, faster still, for
    live frames.  The backgrounds are redrawn when an axes' position or limits
    change, or after ``invalidate()`` (call it when anything else that is not dynamic
    changes).  The changing artists are marked *animated* only while a frame is drawn,
    so ``savefig`` still draws everything.
    """

    def __init__(self, fig: Figure, dynamic: Callable[[], list], overlays: Callable[[], list] | None = None,
                 *, slow: Callable[[], list] | None = None, slow_key: Callable[[], object] | None = None,
                 compress_level: int = 1):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        self.fig, self.dynamic, self.compress_level = fig, dynamic, int(compress_level)
        self.overlays = overlays if overlays is not None else list
        self.slow = slow if slow is not None else list
        self.slow_key = slow_key if slow_key is not None else (lambda: None)
        self.canvas = FigureCanvasAgg(fig)
        self._background = None
        self._key = None
        self._slow_background, self._slow_state = None, None
        self._pasted = {}
        self.full_draws = 0
        self.slow_draws = 0

    def invalidate(self) -> None:
        """Redraw the backgrounds (and the overlays) on the next frame."""
        self._background = None

    def _state(self):
        return tuple((tuple(ax.get_position().bounds), ax.get_xlim(), ax.get_ylim()) for ax in self.fig.axes)

    def png(self) -> bytes:
        """The figure as PNG bytes."""
        return self.image("png")

    def image(self, fmt: str = "png") -> bytes:
        """The figure as ``"png"`` or ``"jpeg"`` bytes.  JPEG encodes about seven times
        faster than PNG (about 2 ms against 14 ms for the two-moons lab's figure), which
        is what live frames need; stills and saved states use PNG."""
        from PIL import Image
        if fmt not in ("png", "jpeg"):
            raise ValueError(f"fmt: expected 'png' or 'jpeg', got {fmt!r}")
        layers = [[a for a in group() if a is not None] for group in (self.slow, self.overlays, self.dynamic)]
        for a in (a for layer in layers for a in layer):
            a.set_animated(True)
        try:
            self._draw(*layers)
        finally:
            for a in (a for layer in layers for a in layer):   # a savefig still draws everything
                a.set_animated(False)
        width, height = self.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        if fmt == "png":
            image.save(buffer, format="png", compress_level=self.compress_level)
        else:
            image.convert("RGB").save(buffer, format="jpeg", quality=90)
        return buffer.getvalue()

    def _draw(self, slow, overlays, dynamic):
        canvas = self.canvas
        if self._background is None or self._state() != self._key:
            canvas.draw()                          # everything that is not animated
            self._background = canvas.copy_from_bbox(self.fig.bbox)
            self._key = self._state()              # a layout engine may have moved the axes
            self._pasted, self._slow_background = {}, None
            self.full_draws += 1
        renderer = canvas.get_renderer()
        slow_state = (self.slow_key(), tuple(map(id, slow)), tuple((id(a), _text(a)) for a in overlays))
        if self._slow_background is not None and slow_state == self._slow_state:
            canvas.restore_region(self._slow_background)
        else:
            canvas.restore_region(self._background)
            for a in slow:
                a.draw(renderer)
            pasted = {}
            for a in overlays:
                box = a.get_window_extent(renderer)
                key = (id(a), tuple(np.round(box.bounds, 1)), _text(a))
                if key in self._pasted:
                    canvas.restore_region(self._pasted[key])
                else:
                    a.draw(renderer)
                pasted[key] = self._pasted.get(key) or canvas.copy_from_bbox(box.expanded(1.0, 1.0))
            self._pasted = pasted
            self._slow_background, self._slow_state = canvas.copy_from_bbox(self.fig.bbox), slow_state
            self.slow_draws += 1
        for a in dynamic:
            a.draw(renderer)
