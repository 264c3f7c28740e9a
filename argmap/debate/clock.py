"""The turn clock, and the one rule for a turn played over time.

A turn is timed from the moment it is offered (the prompt is shown, or the
screen asks the side to play) to the moment the move is submitted, searches
and wording included. **A move submitted after the limit is recorded in the
transcript as over time but does not enter the round: the turn counts as a
pass.** So the clock matters, and the coach still sees what was attempted.
In the TUI the turn also ends by itself when the limit runs out.
A limit of 0 means untimed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

Now = Callable[[], float]


def is_over_time(elapsed: float, limit: float) -> bool:
    return limit > 0 and elapsed > limit


@dataclass
class TurnClock:
    """Measures one turn at a time against a fixed limit (seconds; 0 = none)."""

    limit: float = 0.0
    now: Now = field(default=time.monotonic)
    _started: float | None = None

    def start(self) -> None:
        self._started = self.now()

    @property
    def running(self) -> bool:
        return self._started is not None

    def elapsed(self) -> float:
        return 0.0 if self._started is None else max(0.0, self.now() - self._started)

    def remaining(self) -> float | None:
        """Seconds left in the turn, or None when untimed."""
        if self.limit <= 0:
            return None
        return max(0.0, self.limit - self.elapsed())

    def stop(self) -> float:
        """End the turn; the seconds it took."""
        spent = self.elapsed()
        self._started = None
        return spent

    def over_time(self) -> bool:
        return is_over_time(self.elapsed(), self.limit)
