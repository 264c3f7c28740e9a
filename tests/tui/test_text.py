"""The text chokepoint shows map text literally, whatever it holds."""

from __future__ import annotations

from textual.content import Content

from argmap_tui.text import assemble, clean, highlight, literal, literal_line

HOSTILE = ["[b]bold[/]", "[/]", "[@click=app.quit]x[/]", "人脸识别 😀", ":smile: [link=x]y[/link]"]


def test_literal_keeps_every_bracket() -> None:
    for text in HOSTILE:
        assert literal(text).plain == text
        assert literal(text).spans == []


def test_control_characters_are_shown_not_obeyed() -> None:
    assert clean("a\x1b[31mred\x1b[0m\x07b") == "a⟨U+001B⟩[31mred⟨U+001B⟩[0m⟨U+0007⟩b"
    assert clean("x\u202ey\u200bz") == "x⟨U+202E⟩y⟨U+200B⟩z"
    assert literal_line("two\nlines\t here") == literal_line("two lines here")
    assert literal_line("two\nlines\t here").plain == "two lines here"


def test_assemble_styles_only_the_pieces_it_is_told_to() -> None:
    text = assemble(("Kind: ", "bold"), "[b]x[/]")
    assert text.plain == "Kind: [b]x[/]"
    assert [(s.start, s.end, str(s.style)) for s in text.spans] == [(0, 6, "bold")]


def test_highlight_is_literal_content_with_matches_styled() -> None:
    out = highlight("[/] a b", [0, 4], "reverse")
    assert isinstance(out, Content)
    assert out.plain == "[/] a b"
    assert [(s.start, s.end) for s in out.spans] == [(0, 1), (4, 5)]
