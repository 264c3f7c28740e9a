"""The map as a networkx graph, for analyses that want graph algorithms.

Two views of the same map:

- `map_graph`: faithful. Claims and relations are both nodes; a relation
  node has edges in from each premise and one edge out to its target (a
  claim, or for an undercut another relation node). Linked premises and
  undercuts need no special cases in this form.
- `claim_graph`: claims only. One edge per premise from premise to target
  claim, with the relation's type; an undercut becomes an edge from the
  undercutter to the claim whose support or attack it undercuts (through
  any undercuts it undercuts in turn). Handy for
  centrality, cycles and drawing; loses which premises are linked.

networkx is imported here and nowhere in the check path, so `argmap check`
stays fast. Use `Map.graph` / `Map.claim_graph` to build each view once.
"""

from __future__ import annotations

import networkx as nx

from argmap.model import Map, RelationType

CLAIM, RELATION = "claim", "relation"


def map_graph(m: Map) -> nx.DiGraph:
    graph = nx.DiGraph(map_id=m.id, theses=m.theses)
    for claim in m.claims:
        graph.add_node(claim.id, node_type=CLAIM, kind=str(claim.kind), themes=claim.themes)
    for rel in m.relations:
        graph.add_node(rel.id, node_type=RELATION, type=str(rel.type), linked=rel.linked)
    for rel in m.relations:
        for src in rel.sources:
            if src in m.claims_by_id:
                graph.add_edge(src, rel.id, role="premise")
        target_known = rel.target in (
            m.relations_by_id if rel.type is RelationType.UNDERCUT else m.claims_by_id
        )
        if target_known:
            graph.add_edge(rel.id, rel.target, role=str(rel.type))
    return graph


def claim_graph(m: Map) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(map_id=m.id, theses=m.theses)
    for claim in m.claims:
        graph.add_node(claim.id, kind=str(claim.kind), themes=claim.themes)
    for rel in m.relations:
        target: str | None = rel.target
        link, seen = rel, {rel.id}
        # An undercut of an undercut bears, in the end, on the claim of the first link.
        while link.type is RelationType.UNDERCUT:
            undercut = m.relations_by_id.get(link.target)
            if undercut is None or undercut.id in seen:
                target = None
                break
            seen.add(undercut.id)
            link, target = undercut, undercut.target
        if target not in m.claims_by_id:
            continue
        for src in rel.sources:
            if src in m.claims_by_id:
                graph.add_edge(src, target, key=rel.id, type=str(rel.type), relation=rel.id)
    return graph
