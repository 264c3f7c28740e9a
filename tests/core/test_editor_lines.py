"""Every line and column argmap reports is the one an editor shows (issue 15).

Only \\n, \\r\\n and \\r end a line. NEL, LS, PS (which libyaml and
`str.splitlines` take as line breaks), form feed and vertical tab (which
`splitlines` does) sit inside a line. Each reader is tested with a file
under tests/data/hostile/lines holding a NEL before the mistake, and with the
NEL swapped for each other such character.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.classroom.progress_files import FileProblem, read_progress_file
from argmap.commands.map_input import map_diagnostics
from argmap.formats.argdown_parse import parse_argdown
from argmap.formats.iccma import FrameworkFormatError, parse_framework
from argmap.formats.import_result import ImportFailed
from argmap.text_lines import editor_lines, position

LINES = Path(__file__).resolve().parent.parent / "data" / "hostile" / "lines"
ODD = ["\x85", "\u2028", "\u2029", "\x0c", "\x0b"]
# YAML and JSON refuse raw FF and VT themselves (tested below at their own place).
BREAKS = ["\x85", "\u2028", "\u2029"]


def _variant(tmp_path: Path, name: str, odd: str) -> Path:
    text = (LINES / name).read_text(encoding="utf-8")
    assert "\x85" in text
    out = tmp_path / name
    out.write_text(text.replace("\x85", odd), encoding="utf-8")
    return out


def test_editor_lines_and_positions() -> None:
    text = "a\x85b\r\nc\rd\u2028e\x0cf\n"
    assert editor_lines(text) == ["a\x85b", "c", "d\u2028e\x0cf", ""]
    assert position(text, text.index("b")) == (1, 3)
    assert position(text, text.index("c")) == (2, 1)
    assert position(text, text.index("f")) == (3, 5)
    assert position(text, len(text) + 5) == (4, 1)


@pytest.mark.parametrize("odd", BREAKS)
def test_yaml_map_missing_colon(odd: str, tmp_path: Path) -> None:
    _, found = map_diagnostics(_variant(tmp_path, "map-colon.yaml", odd))
    assert [(d.line, d.col, d.code) for d in found if d.is_error] == [(7, 3, "E100")]
    assert "could not find expected ':'" in found[0].hint


def test_yaml_map_break_inside_unquoted_text_is_named() -> None:
    _, found = map_diagnostics(LINES / "map-unquoted.yaml")
    assert (found[0].line, found[0].col) == (4, 18)  # the character after the NEL
    assert "U+0085" in found[0].hint and "double quotes" in found[0].hint


@pytest.mark.parametrize("odd", BREAKS)
def test_argdown_frontmatter(odd: str, tmp_path: Path) -> None:
    path = _variant(tmp_path, "frontmatter.argdown", odd)
    with pytest.raises(ImportFailed) as caught:
        parse_argdown(path.read_text(encoding="utf-8"), str(path))
    assert (caught.value.diagnostic.line, caught.value.diagnostic.col) == (4, 1)


@pytest.mark.parametrize("odd", ODD)
def test_argdown_statements_and_data(odd: str, tmp_path: Path) -> None:
    path = _variant(tmp_path, "statements.argdown", odd)
    with pytest.raises(ImportFailed) as caught:
        parse_argdown(path.read_text(encoding="utf-8"), str(path))
    assert (caught.value.diagnostic.line, caught.value.diagnostic.col) == (4, 16)  # the '{'


@pytest.mark.parametrize("odd", ODD)
def test_argdown_data_on_a_continuation_line(odd: str, tmp_path: Path) -> None:
    """Data is placed where its '{' is, not at the line the statement began on."""
    path = _variant(tmp_path, "data-continued.argdown", odd)
    with pytest.raises(ImportFailed) as caught:
        parse_argdown(path.read_text(encoding="utf-8"), str(path))
    assert (caught.value.diagnostic.line, caught.value.diagnostic.col) == (2, 18)


@pytest.mark.parametrize("name,where", [("framework.apx", (4, 7)), ("framework.af", (4, 3))])
@pytest.mark.parametrize("odd", ODD)
def test_iccma_frameworks(name: str, where: tuple[int, int], odd: str, tmp_path: Path) -> None:
    path = _variant(tmp_path, name, odd)
    with pytest.raises(FrameworkFormatError) as caught:
        parse_framework(path.read_text(encoding="utf-8"), str(path))
    assert (caught.value.line, caught.value.col) == where


@pytest.mark.parametrize("odd", BREAKS)
def test_progress_files(odd: str, tmp_path: Path) -> None:
    problem = read_progress_file(_variant(tmp_path, "progress.json", odd))
    assert isinstance(problem, FileProblem)
    assert (problem.line, problem.col) == (4, 18)


@pytest.mark.parametrize("odd", ["\x0c", "\x0b"])
def test_a_control_character_yaml_refuses_is_shown_where_it_is(odd: str, tmp_path: Path) -> None:
    _, found = map_diagnostics(_variant(tmp_path, "map-colon.yaml", odd))
    assert [(d.line, d.col) for d in found] == [(1, 23)]
    assert f"U+{ord(odd):04X}" in found[0].message
    problem = read_progress_file(_variant(tmp_path, "progress.json", odd))
    assert isinstance(problem, FileProblem) and (problem.line, problem.col) == (2, 15)
