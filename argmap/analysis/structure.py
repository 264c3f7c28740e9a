"""The shape of a debate: who is on which side, how deep, what is missing.

Sides and depths come from `argmap.sides`, the rule every part of argmap
shares (docs/analysis.md, "Sides"); this module counts them. Pivotal
claims are ranked by betweenness centrality on the directed claim graph: the
claims through which many lines of argument reach the thesis. networkx is
imported only when that is computed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from argmap.analysis.semantics import strongly_connected
from argmap.model import ClaimKind, Map, Relation, RelationType
from argmap.sides import Side, reach


@dataclass(frozen=True)
class ThesisStructure:
    thesis: str
    sides: Mapping[str, Side]
    pro: tuple[str, ...]
    con: tuple[str, ...]
    both: tuple[str, ...]
    depth: Mapping[str, int]
    max_depth: int
    theme_counts: Mapping[str, Mapping[str, int]]
    balance: float


@dataclass(frozen=True)
class Structure:
    theses: Mapping[str, ThesisStructure]
    unanswered: tuple[str, ...]
    facts_without_evidence: tuple[str, ...]
    circular_support: tuple[tuple[str, ...], ...]
    pivotal: tuple[tuple[str, float], ...]


def _relation_target_claim(m: Map, rel: Relation) -> str | None:
    """The claim a relation finally bears on (through undercuts)."""
    seen = set()
    while rel.type is RelationType.UNDERCUT:
        if rel.id in seen or rel.target not in m.relations_by_id:
            return None
        seen.add(rel.id)
        rel = m.relations_by_id[rel.target]
    return rel.target if rel.target in m.claims_by_id else None


def thesis_structure(m: Map, thesis: str) -> ThesisStructure:
    reached = reach(m, thesis)
    sides, depth = reached.sides, reached.depth
    order = [c.id for c in m.claims if c.id in sides and c.id != thesis]
    pro = tuple(c for c in order if sides[c] is Side.PRO)
    con = tuple(c for c in order if sides[c] is Side.CON)
    both = tuple(c for c in order if sides[c] is Side.BOTH)
    themes: dict[str, dict[str, int]] = {}
    for c in order:
        for theme in m.claims_by_id[c].themes:
            counts = themes.setdefault(theme, {"pro": 0, "con": 0, "both": 0})
            counts[str(sides[c])] += 1
    balance = (len(pro) - len(con)) / (len(pro) + len(con)) if pro or con else 0.0
    return ThesisStructure(
        thesis,
        sides,
        pro,
        con,
        both,
        depth,
        max(depth.values()),
        MappingProxyType({k: MappingProxyType(v) for k, v in themes.items()}),
        balance,
    )


def circular_support(m: Map) -> tuple[tuple[str, ...], ...]:
    claims = [c.id for c in m.claims]
    succ: dict[str, list[str]] = {c: [] for c in claims}
    for rel in m.relations:
        if rel.type is RelationType.SUPPORT and rel.target in succ:
            for p in rel.sources:
                if p in succ:
                    succ[p].append(rel.target)
    comps = strongly_connected(claims, succ)
    return tuple(sorted(tuple(sorted(c)) for c in comps if len(c) > 1))


EXACT_CENTRALITY_UP_TO = 500
CENTRALITY_WORK = 2_000_000
MIN_CENTRALITY_SOURCES = 50


def _relation_target_claims(m: Map) -> dict[str, str]:
    """The claim each relation finally bears on, for all relations in linear time.

    `_relation_target_claim` per relation would walk a chain of undercuts
    once per link (quadratic); here each walk stops at a relation already
    settled. Relations in a circle of undercuts bear on no claim.
    """
    ends: dict[str, str | None] = {}
    for first in m.relations:
        walk: list[str] = []
        rel: Relation | None = first
        while rel is not None and rel.id not in ends:
            ends[rel.id] = None  # provisional: a circle finds it and stops
            walk.append(rel.id)
            if rel.type is not RelationType.UNDERCUT:
                end = rel.target if rel.target in m.claims_by_id else None
                rel = None
                break
            rel = m.relations_by_id.get(rel.target)
        else:
            end = ends.get(rel.id) if rel is not None else None
        for rid in walk:
            ends[rid] = end
    return {r: c for r, c in ends.items() if c is not None}


def pivotal_claims(m: Map) -> tuple[tuple[str, float], ...]:
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(c.id for c in m.claims)
    ends = _relation_target_claims(m)
    for rel in m.relations:
        target = ends.get(rel.id)
        if target is None:
            continue
        for p in rel.sources:
            if p in m.claims_by_id and p != target:
                graph.add_edge(p, target)
    # Exact betweenness costs claims x relations; above EXACT_CENTRALITY_UP_TO
    # claims it is estimated from that many sampled sources (fixed seed, so
    # the ranking is stable between runs).
    # Each sampled source costs a walk of the whole graph, so on a big graph
    # fewer sources are sampled: about CENTRALITY_WORK steps in all.
    n = graph.number_of_nodes()
    size = n + graph.number_of_edges()
    sources = max(
        MIN_CENTRALITY_SOURCES, min(EXACT_CENTRALITY_UP_TO, CENTRALITY_WORK // max(size, 1))
    )
    sample = None if n <= sources else sources
    scores = nx.betweenness_centrality(graph, k=sample, normalized=True, seed=0)
    ranked = sorted(((c, s) for c, s in scores.items() if s > 0), key=lambda cs: (-cs[1], cs[0]))
    return tuple((c, round(s, 6)) for c, s in ranked)


def analyse_structure(m: Map) -> Structure:
    attacked = {r.target for r in m.relations if r.type is RelationType.ATTACK}
    return Structure(
        theses=MappingProxyType(
            {t: thesis_structure(m, t) for t in m.theses if t in m.claims_by_id}
        ),
        unanswered=tuple(c.id for c in m.claims if c.id not in attacked),
        facts_without_evidence=tuple(
            c.id for c in m.claims if c.kind is ClaimKind.FACT and not c.evidence
        ),
        circular_support=circular_support(m),
        pivotal=pivotal_claims(m),
    )
