"""Messages the app posts to its screens when the state it holds changes.

The app holds the map (and reloads it); screens never read it back from the
app. A reload reaches the explorer as `MapReloaded`, a map that failed to
reload or check as `MapProblems`; the checker's notes on how the map is
written (authoring notes, warnings) as `MapNotes`.
"""

from __future__ import annotations

from textual.message import Message

from argmap.diagnostics import Diagnostic
from argmap.model import Map


class MapReloaded(Message):
    """The map file changed and loaded cleanly: show `map` instead."""

    def __init__(self, the_map: Map) -> None:
        super().__init__()
        self.map = the_map


class MapProblems(Message):
    """The checker's errors for the map shown (`reloaded`: a new version failed)."""

    def __init__(self, problems: list[Diagnostic], reloaded: bool) -> None:
        super().__init__()
        self.problems = problems
        self.reloaded = reloaded


class MapNotes(Message):
    """The checker's warnings and authoring notes for the map shown (none: an empty list)."""

    def __init__(self, notes: list[Diagnostic]) -> None:
        super().__init__()
        self.notes = notes
