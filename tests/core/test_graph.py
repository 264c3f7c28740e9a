"""The networkx views keep every claim and relation of the map."""

from __future__ import annotations

from argmap.loading import load_map


def test_map_graph_has_claims_and_relations_as_nodes(example_map_path) -> None:
    m = load_map(example_map_path).map
    g = m.graph
    assert {n for n, d in g.nodes(data=True) if d["node_type"] == "claim"} == set(m.claims_by_id)
    assert {n for n, d in g.nodes(data=True) if d["node_type"] == "relation"} == set(
        m.relations_by_id
    )
    linked = m.relation("r-sublet")
    assert set(g.predecessors(linked.id)) == {"sublet-common", "housing-is-for-poor"}
    assert list(g.successors(linked.id)) == ["locks"]
    undercut = m.relation("r-undercut-feels")
    assert list(g.successors(undercut.id)) == [undercut.target]
    assert g.nodes[undercut.target]["node_type"] == "relation"


def test_claim_graph_maps_undercut_onto_the_undercut_conclusion(example_map_path) -> None:
    m = load_map(example_map_path).map
    g = m.claim_graph
    edges = {(u, v, d["type"]) for u, v, d in g.edges(data=True)}
    assert ("state-voice", "locks", "undercut") in edges
    assert ("photos-collected", "locks", "attack") in edges
    # An undercut of an undercut ends, like the undercut it cuts, at the thesis.
    assert ("data-protected", "locks", "undercut") in edges
    assert ("promise-unverifiable", "locks", "undercut") in edges
    assert g.number_of_edges() == sum(len(r.sources) for r in m.relations)
    assert m.graph is m.graph  # built once
