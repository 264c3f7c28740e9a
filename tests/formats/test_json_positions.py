"""JSON imports point each finding at the line and column of the value it is about.

`json.loads` gives no positions; `argmap.formats.json_positions` finds them
afterwards by a JSON path. Every input here is written by hand, so the
expected line and column can be read off the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.formats.json_positions import JsonPositions, parse_path
from argmap.model import Pos

NESTED = """{
  "a": [1, {"b": "x]}\\\\\\"y", "c": [ ]},
        [ ], {}],
  "é": {"k": 1, "k": 22},
  "z":3
}"""


def test_a_path_finds_the_value_it_names() -> None:
    at = JsonPositions(NESTED).at
    assert at(()) == Pos(1, 1)
    assert at(("a",)) == Pos(2, 8)
    assert at(("a", 0)) == Pos(2, 9)
    assert at(("a", 1)) == Pos(2, 12)
    assert at(("a", 1, "b")) == Pos(2, 18)  # brackets, a backslash and a quote inside
    assert at(("a", 1, "c")) == Pos(2, 35)
    assert at(("a", 2)) == Pos(3, 9)
    assert at(("a", 3)) == Pos(3, 14)
    assert at(("z",)) == Pos(5, 7)  # no space after the colon


def test_a_repeated_key_is_the_last_as_json_loads_keeps_and_columns_count_characters() -> None:
    at = JsonPositions(NESTED).at
    assert at(("é", "k")) == Pos(4, 22)  # "é" is one character, two bytes
    assert at(("é",)) == Pos(4, 8)


def test_what_the_file_lacks_is_at_the_deepest_part_it_has() -> None:
    at = JsonPositions(NESTED).at
    assert at(("a", 1, "missing")) == at(("a", 1))
    assert at(("a", 9)) == at(("a",))
    assert at(("z", 0)) == at(("z",))  # a step into a number
    assert at(("a", "key")) == at(("a",))  # a key into a list


def test_lines_end_where_an_editor_ends_them() -> None:
    for newline in ("\n", "\r\n", "\r"):
        text = newline.join(["{", '  "a":', "    [1,", "     2]", "}"])
        assert JsonPositions(text).at(("a", 1)) == Pos(4, 6), repr(newline)


def test_paths_are_read_from_the_reader_s_names() -> None:
    assert parse_path("claims[3].evidence[0].quote") == ("claims", 3, "evidence", 0, "quote")
    assert parse_path("map") == ("map",)
    assert parse_path("") == ()


# -- argmap JSON -------------------------------------------------------------------------

ARGMAP_JSON = """{
  "format": "argmap/1",
  "map": {"id": "m", "title": "Trams", "theses": ["t"]},
  "sources": [],
  "claims": [
    {"id": "t", "text": "Trams should be free.", "kind": "policy"},
    {"id": "a", "text": "Fares keep people off trams.", "kind": "value"},
    {"id": "lonely", "text": "Nothing argues with this.", "kind": "value"}
  ],
  "relations": [
    {"type": "support", "from": "a", "to": "t"},
    {"type": "attack", "from": "a", "to": "ghost"}
  ]
}
"""


def run_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, fmt: str
) -> tuple[int, list[str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.yaml"
    code = main(["import", str(path), "--from", fmt, "-o", str(out), "--force"])
    err = capsys.readouterr().err
    return code, [line.replace(str(tmp_path) + "/", "") for line in err.splitlines()]


def test_check_findings_on_argmap_json_point_at_each_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run_import(tmp_path, capsys, "trams.json", ARGMAP_JSON, "json")
    assert code == 1  # the relation to a missing claim is an error
    assert (
        "trams.json:12:5: error[E301]: relation 'attack:a->ghost' points to unknown "
        in "\n".join(err)
    )
    assert "trams.json:8:5: warning[W401]: claim 'lonely' is not connected to any thesis" in err


def test_the_written_yaml_says_where_each_record_came_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = ARGMAP_JSON.replace(',\n    {"type": "attack", "from": "a", "to": "ghost"}', "")
    code, _ = run_import(tmp_path, capsys, "trams.json", text, "json")
    assert code == 0
    written = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    path = tmp_path / "trams.json"
    for where in ("6:5", "7:5", "8:5", "11:5"):
        assert f"# from {path}:{where}" in written


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        (
            'trams.", "kind": "value"',
            'trams.", "kind": ["value"]',
            "7:65",
            "claims[1].kind should be text, found a list",
        ),
        ('"text": "Fares', '"txt": "Fares', "7:5", "claims[1].text is missing"),
        ('"to": "t"}', '"to": ["t"]}', "11:44", "relations[0].to should be text, found a list"),
        ('"theses": ["t"]', '"theses": ["t", 3.5, {}]', "3:61", "map.theses[2] should be text"),
        ('"argmap/1"', '"argmap/9"', "2:13", "argmap JSON format 'argmap/9' is newer"),
    ],
)
def test_a_field_of_the_wrong_kind_is_refused_at_that_field(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    where: str,
    message: str,
) -> None:
    assert ARGMAP_JSON.count(old) == 1
    code, err = run_import(tmp_path, capsys, "bad.json", ARGMAP_JSON.replace(old, new), "json")
    assert code == 1
    assert err[0].startswith(f"bad.json:{where}: error[I600]: "), err
    assert message in err[0]


def test_a_theme_id_with_dots_is_found_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = ARGMAP_JSON.replace('"theses": ["t"]', '"theses": ["t"], "themes": {"a.b[0]": []}')
    code, err = run_import(tmp_path, capsys, "themes.json", text, "json")
    assert code == 1
    assert err[0].startswith("themes.json:3:78: error[I600]: argmap JSON: map.themes.a.b[0] ")


# -- AIF ---------------------------------------------------------------------------------

AIF = """{"AIF": {
  "nodes": [
    {"nodeID": "1", "text": "Trams should be free.", "type": "I"},
    {"nodeID": "2", "text": "Fares keep people off.", "type": "I"},
    {"nodeID": "3", "text": "Default Inference", "type": "RA"},
      {"text": "I have no id", "type": "I"},
    {"nodeID": "2", "text": "Another text, same id.", "type": "I"}
  ],
  "edges": [
    {"edgeID": "e1", "fromID": "2", "toID": "3"},
    {"edgeID": "e2", "fromID": "3", "toID": "1"},
        {"edgeID": "e3", "fromID": "404", "toID": "3"}
  ]
}}
"""


def test_aif_warnings_point_at_the_node_or_edge_they_are_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run_import(tmp_path, capsys, "ova.json", AIF, "aif")
    assert code == 0
    assert any(
        line.startswith("ova.json:6:7: warning[I601]: a node without a nodeID") for line in err
    ), err
    duplicate = "node 2 appears twice with different content; the first is kept"
    assert f"ova.json:7:5: warning[I604]: {duplicate}" in err  # the repeat, left out
    missing = "edge e3 refers to node 404, which is not in the file; edge left out"
    assert f"ova.json:12:9: warning[I603]: {missing}" in err
    assert not any(":1:1:" in line or ":0:" in line for line in err), err
