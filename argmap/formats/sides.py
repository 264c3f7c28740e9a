"""Which side of the thesis each claim argues for, as the exports colour them.

A claim that supports a pro claim is pro, one that attacks it con, and so
on down the map; an undercut takes the side opposite the premises of the
relation it undercuts. A claim reached both ways is `mixed`. Breadth-first
and without recursion, so deep maps are fine.
"""

from __future__ import annotations

from collections import deque

from argmap.model import Map, RelationType

PRO, CON, MIXED, NONE = "pro", "con", "mixed", "none"
_OPPOSITE = {PRO: CON, CON: PRO}


def claim_sides(m: Map) -> dict[str, str]:
    sides: dict[str, str] = {}
    queue: deque[str] = deque()
    for thesis in m.theses:
        if thesis in m.claims_by_id:
            sides[thesis] = PRO
            queue.append(thesis)
    undercuts_of: dict[str, list] = {}
    for rel in m.relations:
        if rel.type is RelationType.UNDERCUT:
            undercuts_of.setdefault(rel.target, []).append(rel)

    def visit(claim_id: str, side: str) -> None:
        old = sides.get(claim_id)
        if old is None:
            sides[claim_id] = side
            queue.append(claim_id)
        elif old != side and old != MIXED:
            sides[claim_id] = MIXED

    while queue:
        target = queue.popleft()
        side = sides[target]
        if side == MIXED:
            continue
        for rel in m.incoming.get(target, ()):
            if rel.type is RelationType.UNDERCUT:
                continue
            rel_side = side if rel.type is RelationType.SUPPORT else _OPPOSITE[side]
            for src in rel.sources:
                visit(src, rel_side)
            for undercut in undercuts_of.get(rel.id, ()):
                for src in undercut.sources:
                    visit(src, _OPPOSITE[rel_side])
    return {c.id: sides.get(c.id, NONE) for c in m.claims}


def relation_side(m: Map, sides: dict[str, str], relation_id: str) -> str:
    """The side a relation argues for: that of its premises."""
    rel = m.relations_by_id.get(relation_id)
    if rel is None:
        return NONE
    found = {sides.get(s, NONE) for s in rel.sources}
    return found.pop() if len(found) == 1 else MIXED
