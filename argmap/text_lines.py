"""Lines as an editor counts them, for every line and column argmap reports.

Only `\\n`, `\\r\\n` and `\\r` end a line. `str.splitlines` also splits at NEL
(U+0085), LS, PS, FF, VT and the file-separator controls, and libyaml breaks
lines at NEL, LS and PS, so a position counted either way lands a line (or
more) below where the user's editor shows it.
"""

from __future__ import annotations

import re

_BREAK = re.compile("\r\n|\r|\n")


def editor_lines(text: str) -> list[str]:
    """`text` split into lines exactly where an editor starts a new one."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def position(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of the character at `index` (clamped into the text)."""
    index = max(0, min(index, len(text)))
    line, start = 1, 0
    for match in _BREAK.finditer(text, 0, index):
        line, start = line + 1, match.end()
    return line, index - start + 1
