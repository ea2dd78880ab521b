"""A small progress bar for the command line, drawn on a terminal (standard error) and nowhere else,
and :func:`tracked`, the bar of ``read_corpus(..., progress=True)``: tqdm's (a terminal or a
notebook) when tqdm is installed, else this one; both show done/total, the rate, the time left and
the failures.

>>> import io
>>> bar = Progress(total=10, stream=io.StringIO())   # not a terminal: draws nothing
>>> bar.enabled
False
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO, TypeVar

T = TypeVar("T")


def _clock(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """``done/total [####....] 42%  310/s  0:12 left  3 failed``, redrawn at most ten times a second.

    ``enabled`` defaults to whether ``stream`` is a terminal; ``total`` may be ``None`` (a count only).

    >>> import io
    >>> bar = Progress(total=200, stream=io.StringIO(), enabled=True)
    >>> bar.line(50, failed=2)
    '50/200 [#...]  25%  .../s  ... left  2 failed'
    >>> bar.update(50, 2, force=True)  # draws on the stream
    >>> bar.close()                    # and clears it
    """

    def __init__(
        self, total: int | None, *, stream: TextIO, enabled: bool | None = None, interval: float = 0.1
    ) -> None:
        self.total = total
        self.stream = stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.interval = interval
        self._start = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def line(self, done: int, failed: int, width: int = 80) -> str:
        """The text of the bar for ``done`` inputs (``failed`` of them failed), fitted to ``width``."""
        elapsed = max(time.monotonic() - self._start, 1e-9)
        rate = done / elapsed
        tail = f"  {rate:,.0f}/s"
        if self.total:
            tail += f"  {_clock((self.total - done) / rate) if rate else '?'} left"
        if failed:
            tail += f"  {failed:,} failed"
        if not self.total:
            return f"{done:,} read{tail}"[:width]
        head = f"{done:,}/{self.total:,} "
        pct = f" {100 * done // self.total:3d}%"
        room = width - len(head) - len(pct) - len(tail) - 2
        if room < 10:
            return (head + pct + tail)[:width]
        filled = room * done // self.total
        return f"{head}[{'#' * filled}{'.' * (room - filled)}]{pct}{tail}"

    def update(self, done: int, failed: int = 0, *, force: bool = False) -> None:
        """Redraw the bar (throttled unless ``force``)."""
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        width = shutil.get_terminal_size((80, 24)).columns - 1
        self.stream.write("\r" + self.line(done, failed, width).ljust(width))
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Clear the bar so that what follows starts on a clean line."""
        if self.enabled and self._drawn:
            width = shutil.get_terminal_size((80, 24)).columns - 1
            self.stream.write("\r" + " " * width + "\r")
            self.stream.flush()
            self._drawn = False


def tracked(items: Iterable[T], total: int | None, failed: Callable[[T], bool]) -> Iterator[T]:
    """Yield ``items``, drawing a progress bar of ``total`` on standard error (or in a notebook).

    tqdm (``tqdm.auto``, the extra ``lgo-decisions[progress]``) draws it when installed; otherwise
    :class:`Progress` does, in the command line's format.
    """
    try:
        from tqdm.auto import tqdm
    except ImportError:
        tqdm = None
    n_failed = 0
    bar: Any = (
        tqdm(total=total, unit=" statements", desc="reading", dynamic_ncols=True)
        if tqdm is not None
        else Progress(total, stream=sys.stderr, enabled=True)
    )
    done = 0
    try:
        for done, item in enumerate(items, 1):
            if failed(item):
                n_failed += 1
                if tqdm is not None:
                    bar.set_postfix(failed=n_failed, refresh=False)
            if tqdm is not None:
                bar.update(1)
            else:
                bar.update(done, n_failed)
            yield item
        if tqdm is None:
            bar.update(done, n_failed, force=True)
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()  # (workers ended now, not left running)
        bar.close()
