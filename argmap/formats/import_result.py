"""What every importer returns, so the `import` command treats all formats alike.

An importer never raises on odd input it can work around: it builds what is
sound and reports the rest as warnings that point into the original file.
Only input it cannot make sense of at all raises `ImportFailed`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.diagnostics import Diagnostic, Severity
from argmap.model import Map, Pos

# Codes of import diagnostics (documented in docs/interop.md).
MALFORMED = "I600"  # error: the file cannot be imported at all
DROPPED = "I601"  # warning: something the map format cannot hold was left out
KEPT_IN_NOTE = "I602"  # warning: kept, but only as text (a note, a theme, a source)
BROKEN_REFERENCE = "I603"  # warning: a reference to something that does not exist
DUPLICATE = "I604"  # warning: a duplicate element was merged or left out
APPROXIMATED = "I605"  # warning: mapped onto the nearest thing the map format has
SELF_LOOP = "I606"  # warning: a relation from a claim to itself was left out


class ImportFailed(Exception):
    """The input is malformed beyond import; carries the diagnostic to print."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass
class ImportResult:
    """A map built from another format, the problems met, and where each part came from.

    `origins` maps claim ids and relation ids to their position in the
    original file, so the YAML writer can record it and the import command
    can point `argmap check` findings back into that file.
    """

    map: Map
    diagnostics: list[Diagnostic] = field(default_factory=list)
    origins: dict[str, Pos] = field(default_factory=dict)
    path: str = "<input>"


class Reporter:
    """Collects import diagnostics for one input file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def warn(self, pos: Pos | tuple[int, int], code: str, message: str, hint: str = "") -> None:
        self.diagnostics.append(
            Diagnostic(self.path, pos[0], pos[1], Severity.WARNING, code, message, hint)
        )

    def fail(self, pos: Pos | tuple[int, int], message: str, hint: str = "") -> ImportFailed:
        return ImportFailed(
            Diagnostic(self.path, pos[0], pos[1], Severity.ERROR, MALFORMED, message, hint)
        )


_NOT_ID = re.compile(r"[^\w.\-]+")
_ALREADY_ID = re.compile(r"\w(?:[\w.\-]*\w)?")


def make_id(text: str, fallback: str = "x") -> str:
    """A valid argmap id from arbitrary text (kept as is when already valid)."""
    if _ALREADY_ID.fullmatch(text):
        return text  # the usual case (a million AIF node ids): no substitution
    slug = _NOT_ID.sub("-", text.strip()).strip("-.")
    return slug or fallback


class IdPool:
    """Hands out unique ids, suffixing `-2`, `-3`, ... on collisions."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._next: dict[str, int] = {}  # wanted -> the suffix to try next

    def take(self, wanted: str) -> str:
        """`wanted`, or it with the first free suffix; remembered per id, so ten
        thousand statements of one title cost linear time, not quadratic."""
        if wanted not in self.used and wanted not in self._next:
            self.used.add(wanted)  # the usual case: nothing to remember but the id
            return wanted
        candidate, n = wanted, self._next.get(wanted, 1)
        if n > 1:
            candidate = f"{wanted}-{n}"
        while candidate in self.used:
            n += 1
            candidate = f"{wanted}-{n}"
        self._next[wanted] = n + 1
        self.used.add(candidate)
        return candidate
