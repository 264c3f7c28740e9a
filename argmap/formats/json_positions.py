"""Where a value of a JSON text is, for findings that point into the file.

`json.loads` gives no positions. This finds them afterwards, by a JSON path
(`("claims", 3, "kind")`), walking the text with the C scanner that
`json.loads` itself uses (`JSONDecoder.scan_once`): each value passed over
is decoded and dropped at once (its objects as None, so an array of a
million nodes passed over is a list of Nones), and the containers on the
way are indexed, each once, at about the cost of parsing them again. The
fast path of an import asks nothing of it; only a finding does (and the
argmap JSON reader, for each record's origin).

The text must be one that `safe_json.load_json` has already read: valid
JSON, its nesting within the limit.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Any, cast

from argmap.model import Pos

_SPACE = re.compile(r"[ \t\n\r]*")
_BREAK = re.compile("\r\n|\r|\n")  # where an editor starts a line (text_lines)

PathStep = str | int


def _drop(_: object) -> None:
    """Every object passed over becomes None: only its end matters."""


# The decoder's scanner (the C one where CPython has it), set by its __init__.
_SCAN = cast(
    "Callable[[str, int], tuple[Any, int]]",
    vars(json.JSONDecoder(object_hook=_drop))["scan_once"],
)


class JsonPositions:
    """Positions of the values in one JSON text, found on demand and remembered."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._members: dict[int, dict[str, int]] = {}  # object start -> key -> value start
        self._arrays: dict[int, tuple[list[int], int]] = {}  # start -> element starts, end
        self._line_starts: list[int] | None = None

    # -- walking ----------------------------------------------------------------------------

    def _space(self, at: int) -> int:
        found = _SPACE.match(self.text, at)
        return found.end() if found else at

    def _skip(self, at: int) -> int:
        """The end of the value starting at `at`."""
        return _SCAN(self.text, at)[1]

    def members(self, start: int) -> dict[str, int]:
        """Key -> where its value starts, for the object at `start` (the last of a
        repeated key, as `json.loads` keeps)."""
        known = self._members.get(start)
        if known is not None:
            return known
        text, out = self.text, dict[str, int]()
        at = self._space(start + 1)
        if text.startswith("}", at):
            self._members[start] = out
            return out
        while True:
            key, at = _SCAN(text, at)
            at = self._space(self._space(at) + 1)  # past the colon
            out[str(key)] = at
            at = self._space(self._skip(at))
            if text.startswith("}", at):
                break
            at = self._space(at + 1)  # past the comma
        self._members[start] = out
        return out

    def elements(self, start: int) -> list[int]:
        """Where each element of the array at `start` starts."""
        return self._array(start)[0]

    def _array(self, start: int) -> tuple[list[int], int]:
        """The array at `start`: where each element starts, and where it ends."""
        known = self._arrays.get(start)
        if known is not None:
            return known
        text, out, scan, space = self.text, list[int](), _SCAN, _SPACE.match
        at = self._space(start + 1)
        if not text.startswith("]", at):
            while True:
                out.append(at)
                end = scan(text, at)[1]
                found = space(text, end)
                at = found.end() if found else end
                if text.startswith("]", at):
                    break
                at = self._space(at + 1)
        self._arrays[start] = known = (out, at + 1)
        return known

    def offset(self, path: Sequence[PathStep]) -> int:
        """Where the value at `path` starts; where the deepest part of it the file
        has starts, when the rest is missing (a key the object lacks)."""
        return self._walk(path)[0]

    def _walk(self, path: Sequence[PathStep]) -> tuple[int, bool]:
        """`offset`, and whether the whole of `path` was found."""
        at = self._space(0)
        for step in path:
            char = self.text[at : at + 1]
            if isinstance(step, str) and char == "{":
                inner = self.members(at).get(step)
            elif isinstance(step, int) and char == "[":
                starts = self.elements(at)
                inner = starts[step] if 0 <= step < len(starts) else None
            else:
                inner = None
            if inner is None:
                return at, False
            at = inner
        return at, True

    # -- lines and columns ------------------------------------------------------------------

    def _starts(self) -> list[int]:
        """Where each line starts (by lengths of `\\n` lines, in C, where no `\\r` is)."""
        text = self.text
        if "\r" in text:
            return [0, *(m.end() for m in _BREAK.finditer(text))]
        return list(accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))

    def pos(self, offset: int) -> Pos:
        """The 1-based line and column (in characters) of `offset`."""
        starts = self._line_starts
        if starts is None:
            starts = self._line_starts = self._starts()
        line = bisect_right(starts, offset)
        return Pos(line, offset - starts[line - 1] + 1)

    def each(self, path: Sequence[PathStep]) -> list[Pos]:
        """The line and column of each element of the array at `path` (none if the
        value there is not an array)."""
        start, found = self._walk(path)
        if not found or not self.text.startswith("[", start):
            return []
        return self._ascending(self.elements(start))

    def _ascending(self, offsets: list[int]) -> list[Pos]:
        """`pos` of each of `offsets`, in file order, by counting the newlines between
        one and the next (no table of line starts for a file read once)."""
        text = self.text
        if "\r" in text:
            return [self.pos(at) for at in offsets]
        out, line, line_start, counted = [], 1, 0, 0
        count, rfind = text.count, text.rfind
        for at in offsets:
            newlines = count("\n", counted, at)
            if newlines:
                line += newlines
                line_start = rfind("\n", counted, at) + 1
            counted = at
            out.append(Pos(line, at - line_start + 1))
        return out

    def at(self, path: Sequence[PathStep]) -> Pos:
        """The line and column of the value at `path` (see `offset`)."""
        return self.pos(self.offset(path))


_STEP = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def parse_path(where: str) -> tuple[PathStep, ...]:
    """`claims[3].evidence[0].quote` as `("claims", 3, "evidence", 0, "quote")`."""
    steps: list[PathStep] = []
    for index, key in _STEP.findall(where):
        steps.append(int(index) if index else key)
    return tuple(steps)
