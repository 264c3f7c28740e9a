"""How the explorer opens the map in the user's editor at a claim's line."""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from pathlib import Path

FALLBACK_EDITOR = "vi"


def editor_command(environ: Mapping[str, str], line: int, path: Path) -> list[str]:
    """`$VISUAL` or `$EDITOR` (which may hold arguments) `+LINE PATH`; `vi` when neither is set."""
    editor = environ.get("VISUAL") or environ.get("EDITOR") or FALLBACK_EDITOR
    try:
        words = shlex.split(editor)
    except ValueError:
        words = [editor]
    return [*(words or [FALLBACK_EDITOR]), f"+{max(line, 1)}", str(path)]
