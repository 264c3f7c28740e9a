"""Map text made safe to show, for every place argmap shows it to a person.

A map is data from anyone. Invisible characters in it can make what a
reader sees differ from what is there: a bidi override (U+202E) reverses
the rest of a line, an isolate (U+2066) reorders it, a zero-width space
splits a word invisibly, a control character drives the terminal, and a
line break inside a claim printed on one line forges extra lines (a fake
option, a fake "Correct."). Display code passes map text through `visible`
(multi-line text) or `visible_line` (one line): each such character is shown
as a visible marker such as ⟨U+202E⟩, so nothing is hidden and nothing is
silently deleted. The map itself keeps its text unchanged: this is for
display only (terminal, TUI, handouts). Data exports escape the same
characters instead (`escape_invisible`), which keeps them intact.
"""

from __future__ import annotations

import re

# Unicode "format" characters (category Cf: bidi embeddings, overrides and
# isolates, zero-width space/joiners, word joiner, BOM, invisible operators,
# interlinear annotation, tag characters), C0/C1 controls other than tab and
# newline, and the line and paragraph separators. Written out as ranges so
# the module imports in microseconds; tests/core/test_display.py checks the
# list against `unicodedata` so it cannot drift from the Unicode database.
INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x08),
    (0x0B, 0x1F),
    (0x7F, 0x9F),
    (0xAD, 0xAD),
    (0x600, 0x605),
    (0x61C, 0x61C),
    (0x6DD, 0x6DD),
    (0x70F, 0x70F),
    (0x890, 0x891),
    (0x8E2, 0x8E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)

_CLASS = "".join(
    f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in INVISIBLE_RANGES
)
_INVISIBLE = re.compile(f"[{_CLASS}]")
_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_SPACES = re.compile(r"\s+")


def _marker(match: re.Match[str]) -> str:
    return f"⟨U+{ord(match.group()):04X}⟩"


def visible(text: str) -> str:
    """`text` with every invisible or control character shown as ⟨U+XXXX⟩.

    Line breaks (CR, LF, CRLF, NEL, LS, PS) become one newline and tabs a
    space; the caller decides whether several lines may be shown.
    """
    if "\t" in text:
        text = text.replace("\t", " ")
    if _BREAKS.search(text):
        text = _BREAKS.sub("\n", text)
    return _INVISIBLE.sub(_marker, text) if _INVISIBLE.search(text) else text


def visible_line(text: str) -> str:
    """`visible`, folded onto one line: a map can never print a line of its own."""
    return _SPACES.sub(" ", visible(text)).strip()


def escape_invisible(text: str, escape: str = "\\u{:04x}") -> str:
    """Invisible characters written as escapes (JSON/YAML `\\u202e`, XML `&#x202e;`).

    For data formats: the reader decodes the escape, so the text survives
    the round trip unchanged, while a person viewing the file sees the escape.
    """
    if not _INVISIBLE.search(text):
        return text

    def one(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code > 0xFFFF and escape.startswith("\\u"):  # JSON needs a surrogate pair
            code -= 0x10000
            return escape.format(0xD800 + (code >> 10)) + escape.format(0xDC00 + (code & 0x3FF))
        return escape.format(code)

    return _INVISIBLE.sub(one, text)


# Characters with a meaning somewhere in CommonMark or GitHub Markdown inline
# text: emphasis, code spans and fences, links and images (no `[`, no link),
# headings, tables, strikethrough. Each is backslash-escaped, and `<`, `>`, `&`
# (raw HTML, entities) become entities, so map text is shown, never obeyed.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~{}])")
_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# What makes a line a block of its own when it starts it: a list item, a
# quote, a setext underline, a numbered item.
_MD_LINE_START = re.compile(r"^([-+=])")
_MD_NUMBERED = re.compile(r"^(\d+)([.)])")


def markdown_text(text: str) -> str:
    """Map text as literal Markdown: one line, invisible characters shown, markup
    escaped, the way `html.escape` makes it literal in HTML. Handouts and round
    transcripts both use it."""
    text = visible_line(text)
    text = re.sub(r"[&<>]", lambda c: _MD_ENTITIES[c.group()], text)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_NUMBERED.sub(r"\1\\\2", text)
    return _MD_LINE_START.sub(r"\\\1", text)


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut at a word boundary and ended with "…".

    Never mid-word ("is a go…" reads as a different word): the cut goes back
    to the last space; a first word longer than `limit` is kept whole.
    """
    if len(text) <= limit:
        return text
    cut = max(text.rfind(" ", 0, limit), text.rfind("\n", 0, limit))
    head = text[:cut].rstrip(" \n,;:") if cut > 0 else ""
    if not head:
        first = text.split(maxsplit=1)
        return first[0] + "…" if len(first) > 1 else text
    return head + "…"
