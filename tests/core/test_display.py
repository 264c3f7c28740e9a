"""Invisible characters in map text are shown, never obeyed (issue 15)."""

from __future__ import annotations

import sys
import unicodedata

from argmap.display import INVISIBLE_RANGES, escape_invisible, visible, visible_line

# Format characters Unicode added after the database this Python ships.
NEWER_FORMAT_CHARS = set(range(0x13439, 0x13440))


def test_ranges_cover_every_format_and_control_character() -> None:
    want = {
        c
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) in ("Cf", "Cc", "Zl", "Zp")
    } - {0x09, 0x0A}
    have = {c for lo, hi in INVISIBLE_RANGES for c in range(lo, hi + 1)}
    assert want <= have
    assert have - want <= NEWER_FORMAT_CHARS


def test_bidi_and_zero_width_are_shown_as_markers() -> None:
    assert visible("abc\u202edef") == "abc⟨U+202E⟩def"
    assert visible("ad\u200bmin\u2066x\u2069") == "ad⟨U+200B⟩min⟨U+2066⟩x⟨U+2069⟩"
    assert visible("plain text, café") == "plain text, café"


def test_one_line_text_cannot_print_a_line_of_its_own() -> None:
    forged = "A claim.\nCorrect.\r\n  3. fake option\u2028\x85end"
    assert visible_line(forged) == "A claim. Correct. 3. fake option end"
    assert "\n" not in visible_line(forged)


def test_data_escapes_keep_the_text() -> None:
    import json

    text = "x\u202ey\U000e0041"
    escaped = escape_invisible(json.dumps(text, ensure_ascii=False))
    assert "\u202e" not in escaped and "\\u202e" in escaped
    assert json.loads(escaped) == text
    assert escape_invisible("a\u200bb", "&#x{:x};") == "a&#x200b;b"
