"""The `argmap/1` JSON export is a contract: its keys and types are pinned here."""

from __future__ import annotations

import json

from argmap.cli import main
from argmap.loading import load_map


def test_json_export_contract(example_map_path, tmp_path) -> None:
    out = tmp_path / "map.json"
    assert main(["export", str(example_map_path), "--to", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    m = load_map(example_map_path).map
    assert data["format"] == "argmap/1"
    assert data["map"]["id"] == m.id and data["map"]["theses"] == ["locks"]
    assert isinstance(data["map"]["title"], str)
    for source in data["sources"]:
        assert {"id", "title", "outlet", "date", "kind", "file"} <= set(source)
    assert [c["id"] for c in data["claims"]] == [c.id for c in m.claims]
    for claim in data["claims"]:
        assert {"id", "text", "kind", "themes", "base", "evidence", "flaw"} <= set(claim)
        assert claim["kind"] in {"fact", "value", "policy", "prediction"}
        assert claim["base"] is None or isinstance(claim["base"], float)
        assert claim["flaw"] is None or isinstance(claim["flaw"], str)
        for ev in claim["evidence"]:
            assert set(ev) == {"source", "locator", "quote"}
    assert len(data["relations"]) == len(m.relations)
    for rel in data["relations"]:
        assert {"id", "type", "from", "to", "why"} <= set(rel)
        assert rel["type"] in {"support", "attack", "undercut"}
        assert isinstance(rel["from"], list) and rel["from"]
    linked = next(r for r in data["relations"] if r["id"] == "r-sublet")
    assert linked["from"] == ["sublet-common", "housing-is-for-poor"]
    undercut = next(r for r in data["relations"] if r["type"] == "undercut")
    assert undercut["to"] in {r["id"] for r in data["relations"]}
    assert next(c for c in data["claims"] if c["id"] == "feels-safer")["flaw"] == "anecdote"


def test_export_to_stdout(example_map_path, capsys) -> None:
    assert main(["export", str(example_map_path), "--to", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "argmap/1"


def test_export_of_a_broken_map_fails_cleanly(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("map: [\n")
    assert main(["export", str(bad), "--to", "json"]) == 1
    assert "E100" in capsys.readouterr().err
