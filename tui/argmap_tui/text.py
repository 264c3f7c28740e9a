"""The one place where text from a map becomes something a widget displays.

Most Textual widgets read a plain `str` as markup: a claim containing `[/]`
would crash them and `[@click=app.quit]` would run an action. Every piece of
map text (claims, notes, quotes, titles, file names, checker messages) goes
through this module and comes out as a `rich.text.Text` or a `Content`, which
widgets show literally. Nothing else in `tui/` builds display text from map
data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.style import Style as ContentStyle

from argmap.display import visible

_SPACES = re.compile(r"\s+")

StyleType = str | Style


def clean(text: str) -> str:
    """Text with control, bidi and zero-width characters shown as ⟨U+XXXX⟩ (and tabs
    as spaces): one escape sequence can wreck a terminal, one override reverse a
    claim. The rule is `argmap.display.visible`, shared with the CLI and handouts."""
    return visible(text)


def one_line(text: str) -> str:
    """Clean text folded onto one line, for tree labels and list entries."""
    return _SPACES.sub(" ", clean(text)).strip()


def literal(text: str, style: StyleType = "") -> Text:
    """A `Text` that shows `text` exactly as written, whatever brackets it holds."""
    return Text(clean(text), style=style, end="")


def literal_line(text: str, style: StyleType = "") -> Text:
    """Like `literal`, folded onto one line."""
    return Text(one_line(text), style=style, end="")


def content(text: str) -> Content:
    """A `Content` (for widgets that take one) showing `text` literally."""
    return Content(clean(text))


def assemble(*parts: str | tuple[str, StyleType] | Text) -> Text:
    """Join literal pieces, each optionally styled, into one `Text`."""
    out = Text(end="")
    for part in parts:
        if isinstance(part, Text):
            out.append_text(part)
        elif isinstance(part, tuple):
            out.append(clean(part[0]), style=part[1])
        else:
            out.append(clean(part))
    return out


def highlight(text: str, offsets: Sequence[int], style: str | ContentStyle) -> Content:
    """A literal `Content` with the characters at `offsets` styled (search hits)."""
    plain = one_line(text)
    out = Content(plain)
    for offset in offsets:
        if offset < len(plain) and not plain[offset].isspace():
            out = out.stylize(style, offset, offset + 1)
    return out
