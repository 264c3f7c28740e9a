"""The line naming what a drill practises, shared by `--plain` and the drill screen."""

from __future__ import annotations

import io
from pathlib import Path

from argmap.loading import load_map, load_map_text
from argmap.model import Map
from argmap.training.plain import run_plain
from argmap.training.scope import scope_line
from argmap.training.session import DrillSession, SessionOptions

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "arguments" / "face-at-the-door.yaml"
DRILL_MAP = Path(__file__).resolve().parent / "data" / "drill-map.yaml"

TWO_THESES = (
    "argmap: 1\nmap: {id: two, title: Two, theses: [t, u]}\nclaims:\n"
    '  - {id: t, text: "Cities should\\nban [b]cars[/b] from\\u202e their centres.", '
    "kind: policy}\n"
    "  - {id: u, text: Trams should be free., kind: policy}\n"
    "  - {id: a, text: Cars pollute., kind: fact}\n"
    "relations:\n  - {type: support, from: a, to: t}\n"
)


def loaded(path: Path) -> Map:
    result = load_map(path)
    assert result.map is not None
    return result.map


def two_theses() -> Map:
    result = load_map_text(TWO_THESES)
    assert result.map is not None, result.diagnostics
    return result.map


def test_a_chosen_thesis_is_named_by_its_text_not_its_id() -> None:
    the_map = loaded(BUNDLED)
    text = the_map.claims_by_id["smart-community"].text
    assert scope_line(the_map, "smart-community") == f"Thesis: {text}"


def test_a_limit_shortens_the_text_at_a_word() -> None:
    the_map = loaded(BUNDLED)
    line = scope_line(the_map, "phone-face-scan", limit=40)
    assert line == "Thesis: China's telecom carriers should…"
    assert len(line) <= 40
    assert scope_line(the_map, "phone-face-scan", limit=500) == scope_line(
        the_map, "phone-face-scan"
    )


def test_no_thesis_says_all_of_them_and_one_thesis_needs_no_line() -> None:
    assert scope_line(loaded(BUNDLED), None) == "All 3 theses: questions from the whole map"
    assert scope_line(two_theses(), None) == "All 2 theses: questions from the whole map"
    assert scope_line(loaded(DRILL_MAP), None) is None


def test_the_thesis_text_is_one_visible_line() -> None:
    """Map text is data: a line break cannot forge a line, a bidi override is shown."""
    line = scope_line(two_theses(), "t")
    assert line == "Thesis: Cities should ban [b]cars[/b] from⟨U+202E⟩ their centres."


def plain_head(the_map: Map, options: SessionOptions) -> list[str]:
    out = io.StringIO()
    session = DrillSession(the_map, None, options)
    assert run_plain(session, io.StringIO(""), out) == 0
    return out.getvalue().splitlines()


def test_plain_mode_prints_the_line_once_under_the_title() -> None:
    the_map = loaded(BUNDLED)
    lines = plain_head(the_map, SessionOptions(mode="rebut", count=1, thesis="phone-face-scan"))
    assert lines[0] == f"argmap drill: {the_map.title}"
    assert lines[1] == scope_line(the_map, "phone-face-scan")
    assert sum(line.startswith("Thesis: ") for line in lines) == 1
    lines = plain_head(the_map, SessionOptions(mode="rebut", count=1))
    assert lines[1] == "All 3 theses: questions from the whole map"
    one = loaded(DRILL_MAP)
    lines = plain_head(one, SessionOptions(mode="rebut", count=1))
    assert not lines[1].startswith(("Thesis: ", "All "))
