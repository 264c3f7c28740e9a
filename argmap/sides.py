"""Which side of a thesis each claim argues: the one rule every part of argmap uses.

The analysis, the drills, the debate rounds, the exports, the checker and the
explorer all read sides from here, so a claim never has one side on screen
and another in a drill or a handout. The rule (docs/analysis.md, "Sides"):

* The thesis is pro itself. A support keeps the side of the claim it
  supports, an attack flips it.
* An undercut flips the side of the relation it cuts, and the side of a
  relation is that of its premises: cutting a support of a pro claim is con,
  cutting that undercut is pro again, and so on down a chain of undercuts.
* Every premise of a linked relation takes the relation's side.
* A claim reached by paths of both parities is on both sides (`Side.BOTH`).
* A claim with no path to the thesis has no side: it is absent from the
  mapping (the exports write "none").
* Sides are per thesis. Where one answer per claim is needed with several
  theses (`overall`: the exports, the explorer's filter, the checker's
  W401), a claim keeps its side if every thesis it reaches agrees, and is
  `BOTH` otherwise.

Results are kept with the map (`argmap.per_map`), so a drill session, the
analysis and an export of the same map share one walk per thesis.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from argmap.model import Map, Relation, RelationType
from argmap.per_map import per_map


class Side(StrEnum):
    PRO = "pro"
    CON = "con"
    BOTH = "both"

    @property
    def other(self) -> Side:
        """The opposing side (both sides' opposite is both)."""
        return {Side.PRO: Side.CON, Side.CON: Side.PRO}.get(self, Side.BOTH)

    @property
    def title(self) -> str:  # type: ignore[override]  # str.title is a method; a side has a name
        return self.value.capitalize()


@dataclass(frozen=True)
class ThesisReach:
    """Every claim connected to one thesis: its side and its fewest steps to it."""

    thesis: str
    sides: Mapping[str, Side]
    depth: Mapping[str, int]


def reach(the_map: Map, thesis: str) -> ThesisReach:
    """Sides and depths of the claims connected to `thesis` (computed once per map)."""
    return per_map(the_map, ("sides", thesis), lambda: _walk(the_map, thesis))


def sides(the_map: Map, thesis: str) -> Mapping[str, Side]:
    """claim id -> side, for the claims connected to `thesis` (the thesis itself pro)."""
    return reach(the_map, thesis).sides


def _walk(the_map: Map, thesis: str) -> ThesisReach:
    """Breadth first from the thesis over (claim, parity) states; no recursion."""
    if thesis not in the_map.claims_by_id:
        return ThesisReach(thesis, MappingProxyType({}), MappingProxyType({}))
    parities: dict[str, set[int]] = {thesis: {0}}
    depth: dict[str, int] = {thesis: 0}
    todo: list[tuple[str, int, int]] = [(thesis, 0, 0)]
    seen_states = {(thesis, 0)}

    def arrive(claim: str, parity: int, d: int) -> None:
        if claim not in the_map.claims_by_id or (claim, parity) in seen_states:
            return
        seen_states.add((claim, parity))
        parities.setdefault(claim, set()).add(parity)
        if d < depth.get(claim, 1 << 30):
            depth[claim] = d
        todo.append((claim, parity, d))

    def through(first: Relation, parity: int, d: int) -> None:
        """The premises of `first` and of every undercut hanging off it, at any depth.

        An explicit stack: a chain of undercuts is as long as the map makes
        it. Each undercut aims at one relation, so what hangs off `first` is
        a tree; `seen` still guards against a circle (which the checker
        refuses, E308).
        """
        seen = {first.id}
        stack = [(first, parity, d)]
        while stack:
            rel, p_rel, d_rel = stack.pop()
            for p in rel.sources:
                arrive(p, p_rel, d_rel + 1)
            for u in the_map.incoming.get(rel.id, ()):
                if u.type is RelationType.UNDERCUT and u.id not in seen:
                    seen.add(u.id)
                    stack.append((u, p_rel ^ 1, d_rel + 1))

    for claim, parity, d in todo:  # grows while walked
        for rel in the_map.incoming.get(claim, ()):
            if rel.type is not RelationType.UNDERCUT:
                through(rel, parity ^ (rel.type is RelationType.ATTACK), d)
    found = {
        c: Side.BOTH if len(p) == 2 else (Side.PRO if 0 in p else Side.CON)
        for c, p in parities.items()
    }
    ordered = {c.id: found[c.id] for c in the_map.claims if c.id in found}
    return ThesisReach(thesis, MappingProxyType(ordered), MappingProxyType(depth))


def overall(the_map: Map) -> Mapping[str, Side]:
    """One side per connected claim over all the map's theses (they must agree, else BOTH)."""
    return per_map(the_map, "overall sides", lambda: _merge(the_map))


def _merge(the_map: Map) -> Mapping[str, Side]:
    found = merged(sides(the_map, t) for t in dict.fromkeys(the_map.theses))
    return MappingProxyType({c.id: found[c.id] for c in the_map.claims if c.id in found})


def merged(per_thesis: Iterable[Mapping[str, str]]) -> dict[str, Side]:
    """The `overall` rule on sides already computed: a claim keeps a side all the
    theses it reaches agree on, else it is BOTH. (The explorer merges the sides
    its analysis process sent.)"""
    out: dict[str, Side] = {}
    for of in per_thesis:
        for claim, value in of.items():
            side = Side(value)
            out[claim] = side if out.get(claim, side) is side else Side.BOTH
    return out


Signature = tuple[Side | None, ...]


def signature(the_map: Map, claim_id: str) -> Signature:
    """The claim's side for each thesis, in the map's order (None: not connected)."""
    return tuple(sides(the_map, t).get(claim_id) for t in the_map.theses)


def signatures_agree(a: Signature, b: Signature) -> bool:
    """No thesis that both reach puts them on different sides, or either on both."""
    return all(
        x is None or y is None or (x is y and x is not Side.BOTH) for x, y in zip(a, b, strict=True)
    )


def same_side(the_map: Map, a: str, b: str) -> bool:
    """True unless some thesis puts `a` and `b` on different sides (or either on both)."""
    return signatures_agree(signature(the_map, a), signature(the_map, b))


def relation_side(
    the_map: Map, relation_id: str, of: Mapping[str, Side] | None = None
) -> Side | None:
    """The side a relation argues for: that of its premises (BOTH if they differ).

    `of` defaults to `overall`; None when the relation is unknown or its
    premises have no side.
    """
    rel = the_map.relations_by_id.get(relation_id)
    if rel is None:
        return None
    of = overall(the_map) if of is None else of
    found = {of.get(s) for s in rel.sources}
    return found.pop() if len(found) == 1 else Side.BOTH


EXPORT_WORDS: Mapping[Side | None, str] = MappingProxyType(
    {Side.PRO: "pro", Side.CON: "con", Side.BOTH: "mixed", None: "none"}
)
"""The words the exports write for a side (GraphML `side` data, handout sections)."""


def export_words(the_map: Map) -> dict[str, str]:
    """Every claim's `overall` side as the exports write it, unconnected claims "none"."""
    of = overall(the_map)
    return {c.id: EXPORT_WORDS[of.get(c.id)] for c in the_map.claims}
