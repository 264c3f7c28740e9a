"""Handouts show hostile map text literally (issue 15): no HTML, images, links,
forged headings or runaway code fences reach the rendered page."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from argmap.formats.handout import write_html, write_markdown
from argmap.loading import load_map

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile" / "markdown-injection.yaml"


def _map():
    result = load_map(HOSTILE)
    assert result.ok, result.diagnostics
    return result.map


def test_markdown_handout_renders_map_text_literally() -> None:
    text = write_markdown(_map(), questions=True)
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)
    for forbidden in (
        "<script",
        "<iframe",
        "<img",
        "<a ",
        "<code",
        "<pre",
        "<del",
        "\u202e",
        "\u200b",
    ):
        assert forbidden not in rendered, forbidden
    headings = [line for line in rendered.splitlines() if line.startswith(("<h1", "<h2"))]
    assert headings[0] == "<h1>Title &lt;script&gt;alert(1)&lt;/script&gt;</h1>"
    assert "Forged heading" not in "".join(headings[1:])
    assert "<h1>Correct.</h1>" not in rendered
    # the fence opened in a claim does not swallow what follows
    assert "<h2>Answer key</h2>" in rendered and "<h2>Questions</h2>" in rendered
    assert "Opens a fence ```python and never closes it" in rendered
    assert "⟨U+202E⟩evil" in rendered


def test_markdown_keeps_the_map_text_intact_in_the_model() -> None:
    m = _map()
    write_markdown(m)
    assert "\u202e" in m.claims_by_id["b"].text and "\n" in m.claims_by_id["a"].text


def test_html_handout_has_the_class_reports_policy_and_shows_bidi() -> None:
    page = write_html(_map())
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "\u202e" not in page and "⟨U+202E⟩" in page and "<script>" not in page
