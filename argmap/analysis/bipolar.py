"""From a map (claims, supports, attacks, undercuts) to a Dung framework.

The interpretation, explained with a worked example in docs/analysis.md:

- every claim is an argument;
- every relation r has an *inference* argument `rel:<r>` ("r's premises bear
  on its target"), attacked by one *gate* argument `gate:<r>/<p>` per premise
  p, which p attacks. So the inference is in when every premise is in, out as
  soon as one premise is out (linked premises), undecided otherwise;
- an attack's inference attacks the target claim;
- an undercut's inference attacks the inference of the relation it names, so
  the relation stops acting when the undercutter stands;
- a support's inference attacks the gates of its target claim in every
  relation where that claim is a premise: a standing reason for t carries
  t's attacks (and t's share in linked premises). This is the *supported
  attack* of bipolar frameworks (Cayrol and Lagasquie-Schiex), lifted to
  relations so that chains of supports and linked premises work. Attacking a
  reason does not attack its conclusion (no secondary attacks): a thesis does
  not fall because one of its reasons does.

Assumptions (what-if): a rejected claim is attacked by an unattacked argument
`reject:<claim>`; an accepted claim loses every attack on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from argmap.analysis.semantics import Framework, Label
from argmap.model import Map, RelationType


def inference_id(relation_id: str) -> str:
    return f"rel:{relation_id}"


def gate_id(relation_id: str, premise: str) -> str:
    return f"gate:{relation_id}/{premise}"


@dataclass(frozen=True, eq=False)
class MapFramework:
    """A map's framework, with where each claim sits in it."""

    framework: Framework
    claims: tuple[str, ...]  # claim ids, in file order
    claim_index: Mapping[str, int]  # claim id -> framework index
    names: tuple[str, ...] = field(repr=False)  # all node names
    edges: tuple[tuple[int, int], ...] = field(repr=False)

    def claim_labels(self, labels: list[Label]) -> dict[str, Label]:
        return {c: labels[i] for c, i in self.claim_index.items()}

    def assuming(self, accepted: Iterable[str] = (), rejected: Iterable[str] = ()) -> Framework:
        """The framework with some claims settled (see the module docstring)."""
        accepted_idx = {self.claim_index[c] for c in accepted}
        rejected_list = list(rejected)
        if not accepted_idx and not rejected_list:
            return self.framework
        names = list(self.names)
        edges = [e for e in self.edges if e[1] not in accepted_idx]
        for claim in rejected_list:
            names.append(f"reject:{claim}")
            edges.append((len(names) - 1, self.claim_index[claim]))
        return Framework.from_indices(names, [a for a, _ in edges], [b for _, b in edges])


def map_framework(m: Map) -> MapFramework:
    names: list[str] = []
    index: dict[str, int] = {}

    def node(name: str) -> int:
        if name not in index:
            index[name] = len(names)
            names.append(name)
        return index[name]

    claims = tuple(c.id for c in m.claims)
    for c in claims:
        node(c)
    edges: list[tuple[int, int]] = []
    known_claims = m.claims_by_id
    for rel in m.relations:
        inference = node(inference_id(rel.id))
        for p in rel.sources:
            if p in known_claims:
                gate = node(gate_id(rel.id, p))
                edges.append((index[p], gate))
                edges.append((gate, inference))
    for rel in m.relations:
        inference = index[inference_id(rel.id)]
        if rel.type is RelationType.ATTACK and rel.target in known_claims:
            edges.append((inference, index[rel.target]))
        elif rel.type is RelationType.UNDERCUT and rel.target in m.relations_by_id:
            edges.append((inference, index[inference_id(rel.target)]))
        elif rel.type is RelationType.SUPPORT and rel.target in known_claims:
            for onward in m.outgoing.get(rel.target, ()):
                edges.append((inference, index[gate_id(onward.id, rel.target)]))
    edges = list(dict.fromkeys(edges))
    fw = Framework.from_indices(names, [a for a, _ in edges], [b for _, b in edges])
    return MapFramework(fw, claims, {c: index[c] for c in claims}, tuple(names), tuple(edges))
