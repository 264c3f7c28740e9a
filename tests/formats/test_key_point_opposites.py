"""A key point's `opposites` survive every format that keeps key points.

`opposites` are what denies a point in the map's own debate; a JSON export
that dropped them, or a YAML import that wrote them nowhere, would let the
grader accept an answer the author knew contradicts the point. Each format
that carries `synonyms` must carry `opposites` the same way.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.formats.argmap_yaml import read_back, write_yaml
from argmap.formats.json_export import write_json
from argmap.formats.json_import import read_json
from argmap.formats.losses import losses
from argmap.loading import load_map_text
from argmap.model import Claim, KeyPoint, Map

MAP = """\
argmap: 1
map:
  id: fx
  title: Conversions
  theses: [t]
claims:
  - id: t
    text: The exchange figures in the report cannot be trusted.
    kind: fact
    key_points:
      - point: conversions disagree
        synonyms: [figures differ]
        opposites: [figures agree, "conversions match"]
      - point: no source
        opposites: [sourced]
      - point: rounded
        synonyms: [approximate]
      - plain point
"""


def _loaded() -> Map:
    result = load_map_text(MAP, "fx.yaml")
    assert result.map is not None and result.ok, result.diagnostics
    return result.map


def _points(m: Map) -> tuple[KeyPoint, ...]:
    return m.claims_by_id["t"].key_points


def test_the_yaml_loader_reads_the_fixture_as_expected() -> None:
    # The rest of this file leans on it: two points with opposites, two without.
    assert _points(_loaded()) == (
        KeyPoint(
            "conversions disagree", ("figures differ",), ("figures agree", "conversions match")
        ),
        KeyPoint("no source", (), ("sourced",)),
        KeyPoint("rounded", ("approximate",)),
        KeyPoint("plain point"),
    )


def test_json_export_writes_opposites_on_every_key_point() -> None:
    data = json.loads(write_json(_loaded()))
    points = data["claims"][0]["key_points"]
    assert points == [
        {
            "point": "conversions disagree",
            "synonyms": ["figures differ"],
            "opposites": ["figures agree", "conversions match"],
        },
        {"point": "no source", "synonyms": [], "opposites": ["sourced"]},
        {"point": "rounded", "synonyms": ["approximate"], "opposites": []},
        {"point": "plain point", "synonyms": [], "opposites": []},
    ]


def test_json_round_trip_keeps_opposites() -> None:
    m = _loaded()
    back = read_json(write_json(m), "fx.json").map
    assert back is not None
    assert _points(back) == _points(m)


def test_json_import_reads_opposites_and_treats_a_missing_or_null_list_as_none() -> None:
    data = json.loads(write_json(_loaded()))
    points = data["claims"][0]["key_points"]
    points[0]["opposites"] = ["  trimmed  ", 12]
    del points[1]["opposites"]
    points[2]["opposites"] = None
    back = read_json(json.dumps(data), "fx.json").map
    assert back is not None
    got = _points(back)
    assert got[0].opposites == ("trimmed", "12")  # text is stripped, numbers written out
    assert got[1].opposites == () and got[2].opposites == ()


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> tuple[int, str]:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    code = main(["import", str(path), "--from", "json", "-o", str(tmp_path / "o.yaml"), "--force"])
    return code, capsys.readouterr().err.replace(str(tmp_path) + "/", "")


def _one_point_json(field: str, value: str) -> str:
    """An argmap JSON file, by hand so the positions can be read off it."""
    return (
        "{\n"
        '  "format": "argmap/1",\n'
        '  "map": {"id": "m", "title": "T", "theses": ["t"]},\n'
        '  "claims": [\n'
        '    {"id": "t", "text": "T.", "kind": "fact",\n'
        f'     "key_points": [{{"point": "p", "{field}": {value}}}]}}\n'
        "  ]\n"
        "}\n"
    )


@pytest.mark.parametrize(
    ("value", "col", "found"),
    [
        ('"figures agree"', 48, "claims[0].key_points[0].{f} should be a list of text, found text"),
        ('{"a": 1}', 48, "claims[0].key_points[0].{f} should be a list of text, found an object"),
        ('["ok", ["x"]]', 55, "claims[0].key_points[0].{f}[1] should be text, found a list"),
    ],
)
def test_json_import_refuses_bad_opposites_at_their_line_and_column_as_for_synonyms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, col: int, found: str
) -> None:
    for field in ("synonyms", "opposites"):
        code, err = _import(tmp_path, capsys, _one_point_json(field, value))
        first = err.splitlines()[0]
        # "opposites" is one character longer than "synonyms": columns after it shift by one
        shift = 1 if field == "opposites" else 0
        assert code == 1, err
        assert first.startswith(f"bad.json:6:{col + shift}: error[I600]: "), first
        assert found.format(f=field) in first
        assert "Traceback" not in err


def test_yaml_writer_writes_opposites_in_flow_style_only_when_there_are_some() -> None:
    text = write_yaml(_loaded())
    lines = text.splitlines()
    assert (
        '      - {point: "conversions disagree", synonyms: ["figures differ"], '
        'opposites: ["figures agree", "conversions match"]}'
    ) in lines
    assert '      - {point: "no source", opposites: [sourced]}' in lines
    assert "      - {point: rounded, synonyms: [approximate]}" in lines
    assert '      - "plain point"' in lines
    assert text.count("opposites") == 2


def test_yaml_written_then_loaded_keeps_opposites_and_read_back_agrees() -> None:
    m = _loaded()
    loaded = load_map_text(write_yaml(m), "out.yaml")
    assert loaded.map is not None and loaded.ok, loaded.diagnostics
    assert _points(loaded.map) == _points(m)
    back = read_back(m, "out.yaml")
    assert back.map is not None and _points(back.map) == _points(m)


def test_read_back_strips_opposites_and_drops_an_empty_point_as_loading_does() -> None:
    claim = Claim(
        "t",
        "T.",
        _loaded().claims[0].kind,
        key_points=(KeyPoint(" p ", (), (" q\x01 ",)), KeyPoint("  ", (), ("only opposites",))),
    )
    m = replace(_loaded(), claims=(claim,))
    loaded = load_map_text(write_yaml(m), "out.yaml")
    back = read_back(m, "out.yaml")
    assert loaded.map is not None and back.map is not None
    assert _points(back.map) == _points(loaded.map) == (KeyPoint("p", (), ("q",)),)


@pytest.mark.parametrize("fmt", ["argdown", "aif", "dot", "graphml"])
def test_a_format_without_key_points_reports_a_claim_with_only_opposites_lost(fmt: str) -> None:
    # Opposites live inside key points: a format that drops key points names the claim.
    claim = replace(_loaded().claims[0], key_points=(KeyPoint("p", (), ("q",)),))
    m = replace(_loaded(), claims=(claim,))
    found = [loss for loss in losses(m, fmt) if loss.code == "X712"]
    assert len(found) == 1 and found[0].ids == ("t",)
    assert "key points" in found[0].message
