"""The AIF parse step on its own: nodes, kinds, positions, edges, speakers, warnings."""

from __future__ import annotations

import pytest

from argmap.formats.aif import to_map
from argmap.formats.aif_parse import AifEdge, AifNode, node_positions, parse_aif
from argmap.formats.import_result import BROKEN_REFERENCE, DROPPED, DUPLICATE, ImportFailed
from argmap.model import Pos

AIF = """{
  "title": "T",
  "nodes": [
    {"nodeID": 1, "text": "Bob: cars pollute", "type": "L"},
    {"nodeID": "2", "text": "Cars pollute", "type": "i"},
    {"nodeID": "3", "text": "Asserting", "type": "YA"},
    {"nodeID": "2", "text": "Cars pollute", "type": "I"},
    {"nodeID": "2", "text": "Something else", "type": "i"},
    {"nodeID": "2", "text": "Cars pollute", "type": "i"},
    {"text": "no id"},
    {"nodeID": "r\\"q", "text": "Default Inference", "type": "RA"}
  ],
  "edges": [
    {"fromID": 1, "toID": 3},
    {"fromID": 3, "toID": 2},
    {"fromID": 3, "toID": 2},
    {"edgeID": "e9", "fromID": 2, "toID": 99}
  ],
  "participants": [{"participantID": 7, "firstname": "Ann", "surname": "Lee"}],
  "locutions": [{"nodeID": 1, "personID": 7}]
}
"""


def test_nodes_keep_the_first_object_of_each_id_and_an_upper_cased_kind() -> None:
    doc = parse_aif(AIF, "x.json")
    assert list(doc.nodes) == ["1", "2", "3", 'r"q']
    assert doc.nodes["2"].type == "i"  # the first of the three, as written
    assert doc.nodes["1"] == AifNode(1, "L", "Bob: cars pollute", "L")
    assert doc.kinds == {"1": "L", "2": "I", "3": "YA", 'r"q': "RA"}
    assert doc.title == "T"


def test_positions_are_where_each_id_first_occurs_even_escaped() -> None:
    doc = parse_aif(AIF, "x.json")
    assert doc.positions["1"] == Pos(4, 6)
    assert doc.positions["2"] == Pos(5, 6)
    assert doc.positions['r"q'] == Pos(11, 6)
    assert doc.where("nowhere") == Pos(1, 1)
    assert node_positions('{"nodeID": -4}') == {"-4": Pos(1, 2)}


def test_edges_between_known_nodes_once_each_as_adjacency() -> None:
    doc = parse_aif(AIF, "x.json")
    assert doc.out_of == {"1": ["3"], "3": ["2"]}
    assert doc.into == {"3": ["1"], "2": ["3"]}


def test_speakers_come_from_participants_of_locutions() -> None:
    assert parse_aif(AIF, "x.json").speaker_of_locution == {"1": "Ann Lee"}


def test_the_parse_warns_of_clashing_repeats_missing_ids_and_broken_edges() -> None:
    doc = parse_aif(AIF, "x.json")
    # Each at the object it is about: the repeat left out, the node without an
    # id, the edge to a node that is not there.
    assert [(d.line, d.col, d.code) for d in doc.problems] == [
        (7, 5, DUPLICATE),  # type "I" is not "i": other content
        (8, 5, DUPLICATE),  # other text; the exact repeat is not warned of
        (10, 5, DROPPED),
        (17, 5, BROKEN_REFERENCE),
    ]
    assert "edge e9 refers to node 99" in doc.problems[3].message
    assert all(d.path == "x.json" for d in doc.problems)


def test_the_conversion_puts_the_parse_s_warnings_first() -> None:
    doc = parse_aif(AIF, "x.json")
    result = to_map(doc, "x.json")
    assert result.diagnostics[:4] == doc.problems
    assert [c.note for c in result.map.claims] == ["Said by Ann Lee."]


@pytest.mark.parametrize(
    ("text", "where"),
    [("{\n  nodes: []}", (2, 3)), ('{"edges": []}', (1, 1)), ("[1]", (1, 1))],
)
def test_only_what_is_not_aif_at_all_fails(text: str, where: tuple[int, int]) -> None:
    with pytest.raises(ImportFailed) as failed:
        parse_aif(text, "x.json")
    assert (failed.value.diagnostic.line, failed.value.diagnostic.col) == where


def test_the_ova_form_is_unwrapped() -> None:
    doc = parse_aif('{"AIF": {"nodes": [{"nodeID": "a", "type": "I", "text": "x"}]}}')
    assert list(doc.nodes) == ["a"] and doc.problems == []


def test_nodes_and_edges_are_tuples_only_when_they_hold_nothing_else() -> None:
    from argmap.formats.aif_parse import _compact, _Kinds
    from argmap.safe_json import load_json

    hook = _compact(_Kinds(), {})
    text = """[{"nodeID": 5, "type": "ra", "text": "x", "scheme": "s"},
               {"nodeID": 6, "text": "no type"},
               {"nodeID": 7, "type": "I", "extra": 1},
               {"nodeID": null, "type": "I"},
               {"edgeID": 1, "fromID": 5, "toID": 6, "formEdgeID": null},
               {"fromID": 5, "toID": 7},
               {"fromID": 5, "note": "kept"},
               {"participantID": 1, "firstname": "A"}]"""
    parsed = load_json(text, object_hook=hook)
    assert parsed[0] == AifNode(5, "ra", "x", "RA")
    assert parsed[1] == AifNode(6, None, "no type", "")
    assert parsed[2] == {"nodeID": 7, "type": "I", "extra": 1}
    assert parsed[3] == {"nodeID": None, "type": "I"}
    assert parsed[4] == AifEdge(5, 6, 1, True)
    assert parsed[5] == AifEdge(5, 7, None, False)
    assert parsed[6] == {"fromID": 5, "note": "kept"}
    assert parsed[7] == {"participantID": 1, "firstname": "A"}


def test_an_edge_among_the_nodes_and_a_node_among_the_edges_are_warned_of() -> None:
    doc = parse_aif(
        '{"nodes": [{"nodeID": "a", "type": "I", "text": "A"}, {"fromID": "a", "toID": "b"}],'
        ' "edges": [{"nodeID": "a", "type": "I"}, {"edgeID": "e1", "fromID": "a", "toID": "z"}]}'
    )
    messages = [d.message for d in doc.problems]
    assert messages == [
        "a node without a nodeID was left out: {'fromID': 'a', 'toID': 'b'}",
        "edge None->None refers to node None, which is not in the file; edge left out",
        "edge e1 refers to node z, which is not in the file; edge left out",
    ]


def test_an_edge_end_is_the_node_id_string_itself() -> None:
    doc = parse_aif(
        '{"nodes": [{"nodeID": "n1", "type": "I", "text": "A"}, {"nodeID": 2, "type": "RA"}],'
        ' "edges": [{"fromID": "n1", "toID": 2}, {"fromID": 2, "toID": "n1"}]}'
    )
    (n1, two) = doc.nodes
    assert doc.out_of[n1][0] is two and doc.into[two][0] is n1
    assert doc.out_of[two][0] is n1 and doc.into[n1][0] is two
