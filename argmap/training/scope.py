"""What a drill session practises, in one line under its title.

The full-screen drill and `argmap drill --plain` both show it, in these
words: the thesis chosen (by its text, never its id), or, on a map with
several theses and none chosen, that the questions come from all of them.
"""

from __future__ import annotations

from argmap.display import shorten, visible_line
from argmap.model import Map

THESIS_PREFIX = "Thesis: "


def scope_line(the_map: Map, thesis: str | None, limit: int | None = None) -> str | None:
    """The line naming what is drilled, or None on a one-thesis map with none chosen.

    `limit`: the most characters the line may take (a terminal's width); the
    thesis's text is then shortened at a word. The text is made visible and
    folded onto one line (`display.visible_line`): a map cannot forge a line.
    """
    claim = the_map.claims_by_id.get(thesis) if thesis is not None else None
    if claim is not None:
        text = visible_line(claim.text)
        if limit is not None:
            text = shorten(text, max(1, limit - len(THESIS_PREFIX)))
        return THESIS_PREFIX + text
    count = sum(t in the_map.claims_by_id for t in the_map.theses)
    if count < 2:
        return None
    line = f"All {count} theses: questions from the whole map"
    return line if limit is None else shorten(line, limit)
