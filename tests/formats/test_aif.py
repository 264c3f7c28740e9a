"""The AIF importer on corpus-style files, and the AIF writer."""

from __future__ import annotations

import json

import pytest
from formats_roundtrip import DATA, bundled_map, generated_maps, structure

from argmap.checking import check_map
from argmap.formats.aif import read_aif, write_aif
from argmap.formats.argmap_yaml import write_yaml
from argmap.formats.import_result import ImportFailed
from argmap.loading import load_map_text
from argmap.model import Map, RelationType


def _read(name: str):  # type: ignore[no-untyped-def]
    path = DATA / "aif" / name
    return read_aif(path.read_text(encoding="utf-8"), str(path))


def test_i_nodes_become_claims_and_schemes_relations() -> None:
    m = _read("corpus-style.json").map
    texts = {c.id: c.text for c in m.claims}
    assert texts["i101"] == "Cities should charge drivers to enter the centre"
    assert "i116_164813" in texts  # an "N_session" id
    linked = m.relation("ra104")
    assert linked.type is RelationType.SUPPORT and linked.sources == ("i102", "i103")
    assert linked.target == "i101"
    assert m.relation("ca108").type is RelationType.ATTACK
    undercut = m.relation("ca106")
    assert undercut.type is RelationType.UNDERCUT and undercut.target == "ra104"
    assert m.theses == ("i101",)


def test_dialogue_is_not_claims_but_the_speaker_is_kept() -> None:
    m = _read("corpus-style.json").map
    assert all(not c.text.startswith("Anna") for c in m.claims)
    assert m.claim("i102").note == "Said by Anna Berg."


def test_rephrase_is_recorded_in_both_notes() -> None:
    m = _read("corpus-style.json").map
    assert "Rephrased as i109" in (m.claim("i107").note or "")
    assert "Rephrases i107" in (m.claim("i109").note or "")


def test_unsound_parts_are_warnings_naming_the_node() -> None:
    result = _read("corpus-style.json")
    messages = {d.code: [] for d in result.diagnostics}
    for d in result.diagnostics:
        messages[d.code].append(d.message)
    dropped = " ".join(messages["I601"])
    assert "preference node 111" in dropped
    assert "node 118 has unknown type 'comment'" in dropped
    assert "RA-node 112 has no premise" in dropped
    assert any("node 999" in msg for msg in messages["I603"])
    assert any("MA-node 110" in msg for msg in messages["I602"])
    assert all(d.severity == "warning" for d in result.diagnostics)
    pa = next(d for d in result.diagnostics if "node 111" in d.message)
    assert (pa.line, pa.col) == (12, 3)


def test_ova_form_nested_under_aif_with_integer_ids() -> None:
    result = _read("ova-nested.json")
    m = result.map
    assert {c.id for c in m.claims} == {"i3", "i4", "i7"}
    assert m.claim("i3").note == "Said by Bob."
    assert {(str(r.type), r.sources, r.target) for r in m.relations} == {
        ("support", ("i4",), "i3"),
        ("attack", ("i7",), "i3"),
    }
    # RA 8 is fed by RA 5, not by a proposition: reported and left out.
    assert any("RA-node 8" in d.message for d in result.diagnostics)


@pytest.mark.parametrize("name", ["corpus-style.json", "ova-nested.json"])
def test_imported_map_is_accepted_by_check(name: str) -> None:
    result = _read(name)
    loaded = load_map_text(write_yaml(result.map, result.origins, name), "out.yaml")
    assert loaded.map is not None and loaded.ok, loaded.diagnostics
    assert not [d for d in check_map(loaded.map) if d.is_error]


def test_broken_json_is_refused_with_its_position() -> None:
    with pytest.raises(ImportFailed) as caught:
        read_aif('{"nodes": [\n  {"nodeID": "1",, }]}', "bad.json")
    assert caught.value.diagnostic.line == 2
    with pytest.raises(ImportFailed):
        read_aif('{"something": []}', "other.json")


def test_written_aif_has_all_five_arrays(example_map: Map) -> None:
    data = json.loads(write_aif(example_map))
    assert set(data) == {"nodes", "edges", "locutions", "participants", "schemefulfillments"}
    kinds = [n["type"] for n in data["nodes"]]
    assert kinds.count("I") == len(example_map.claims)
    assert kinds.count("RA") == len(example_map.supporters("locks"))
    ids = {n["nodeID"] for n in data["nodes"]}
    assert all(e["fromID"] in ids and e["toID"] in ids for e in data["edges"])


def _round_trip(m: Map) -> None:
    back = read_aif(write_aif(m), "round.json")
    assert structure(back.map) == structure(m)
    loaded = load_map_text(write_yaml(back.map), "round.yaml")
    assert loaded.ok, loaded.diagnostics


def test_round_trip_example(example_map: Map) -> None:
    _round_trip(example_map)


def test_round_trip_generated() -> None:
    for m in generated_maps():
        _round_trip(m)


def test_round_trip_bundled() -> None:
    _round_trip(bundled_map())
