"""Full garbage collections while the reader rests, not inside a keypress.

Each keypress leaves some cyclic garbage (events, timers, render caches), and
Python runs a full collection every few dozen keypresses. On a 10,000-claim
map one takes 12-40 ms (docs/benchmarks.md), which put single keypresses
over the 50 ms goal. While the app runs, the young generations are still
collected as usual (under 3 ms each), but a full collection waits until no
key or mouse event has come for `IDLE_SECONDS`. Python's own full
collections stay on, ten times rarer, as a backstop for input that never
rests.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from time import monotonic

IDLE_SECONDS = 0.3
"""Quiet time after the last input before a full collection runs.

Short enough that a reader's pauses keep the garbage (and so each collection)
small, long enough that keys pressed in a row do not wait for one.
"""

TICK_SECONDS = 0.15
"""How often the app asks whether it is time to collect."""

BACKSTOP_THRESHOLD = 100
"""Python's third GC threshold while the app runs (its default is 10)."""


class IdleCollector:
    """Moves full collections to idle moments; `start` and `stop` bracket the app's run."""

    def __init__(
        self, collect: Callable[[], object] = gc.collect, clock: Callable[[], float] = monotonic
    ) -> None:
        self._collect = collect
        self._clock = clock
        self._last_input = clock()
        self._pending = False
        self._saved: tuple[int, int, int] | None = None
        self.collections = 0

    def start(self) -> None:
        if self._saved is None:
            self._saved = gc.get_threshold()
            first, second, _ = self._saved
            gc.set_threshold(first, second, BACKSTOP_THRESHOLD)

    def stop(self) -> None:
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    def input_seen(self) -> None:
        self._last_input = self._clock()
        self._pending = True

    def tick(self) -> bool:
        """Collect if there was input since the last collection and it has rested; True if so."""
        if not self._pending or self._clock() - self._last_input < IDLE_SECONDS:
            return False
        self._pending = False
        self._collect()
        self.collections += 1
        return True
