"""How every command finds and loads the map it was given.

One place decides what "no path" means (the bundled map) and how a map that
fails to load is reported, so all commands behave alike on bad input.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from argmap.bundled import default_map_path, resolve_map_path
from argmap.diagnostics import Diagnostic, render_text
from argmap.model import Map

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


@dataclass
class OpenedMap:
    map: Map | None
    diagnostics: list[Diagnostic]
    exit_code: int


def map_path(name: str | None) -> Path:
    return default_map_path() if name is None else resolve_map_path(name)


def open_map(name: str | None) -> OpenedMap:
    """Load a map; `exit_code` is non-zero when it cannot be used."""
    from argmap.loading import load_map

    result = load_map(map_path(name))
    errors = [d for d in result.diagnostics if d.is_error]
    if any(d.code == "E000" for d in errors):
        return OpenedMap(None, result.diagnostics, EXIT_UNREADABLE)
    if result.map is None or errors:
        return OpenedMap(result.map, result.diagnostics, EXIT_ERRORS)
    return OpenedMap(result.map, result.diagnostics, EXIT_OK)


def load_map_or_report(name: str | None) -> Map | int:
    """The loaded map, or the exit code after printing why it cannot be used."""
    opened = open_map(name)
    if opened.exit_code or opened.map is None:
        sys.stderr.write(render_text(d for d in opened.diagnostics if d.is_error) + "\n")
        sys.stderr.write("argmap: the map has errors; run 'argmap check' on it for details\n")
        return opened.exit_code or EXIT_ERRORS
    return opened.map
