"""Which side of a thesis each claim argues, by the parity of its paths to it.

A support keeps the side, an attack flips it, and an undercut takes the side
opposite to the link it cuts (cutting a support of C argues against C,
cutting an attack on C argues for it). A claim reached with both parities is
on "both" sides. This is the rule `argmap.analysis` documents for its
`ThesisStructure.sides`; the drills need it cheaply and without the
analysis, to keep distractors that argue the target's own side only.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

from argmap.model import Map, RelationType

PRO, CON, BOTH = "pro", "con", "both"


# Recent results, by map identity (a Map hashes its whole content: too slow to key on).
_CACHE: dict[tuple[int, str], tuple[Map, dict[str, str]]] = {}
_CACHE_SIZE = 16


def sides(the_map: Map, thesis: str) -> Mapping[str, str]:
    """claim id -> "pro" | "con" | "both", for claims connected to `thesis` (itself "pro")."""
    hit = _CACHE.get((id(the_map), thesis))
    if hit is not None and hit[0] is the_map:
        return hit[1]
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    found = _compute(the_map, thesis)
    _CACHE[(id(the_map), thesis)] = (the_map, found)
    return found


def _compute(the_map: Map, thesis: str) -> dict[str, str]:
    parities: dict[str, set[int]] = {thesis: {0}}
    queue = deque([(thesis, 0)])
    while queue:
        claim, parity = queue.popleft()
        for rel in the_map.incoming.get(claim, ()):
            flips = 0 if rel.type is RelationType.SUPPORT else 1
            _reach(the_map, rel.sources, parity ^ flips, parities, queue)
            for cut in the_map.incoming.get(rel.id, ()):
                # Undercutting a support argues against `claim`; an attack, for it.
                _reach(the_map, cut.sources, parity ^ (1 - flips), parities, queue)
    return {c: BOTH if len(p) == 2 else (PRO if 0 in p else CON) for c, p in parities.items()}


def _reach(the_map: Map, sources: tuple[str, ...], parity: int, parities: dict[str, set[int]],
           queue: deque[tuple[str, int]]) -> None:
    for src in sources:
        if src in the_map.claims_by_id and parity not in parities.setdefault(src, set()):
            parities[src].add(parity)
            queue.append((src, parity))


def same_side(the_map: Map, a: str, b: str) -> bool:
    """True unless some thesis puts `a` and `b` on different sides (or either on both)."""
    for thesis in the_map.theses:
        of = sides(the_map, thesis)
        if a in of and b in of and (of[a] != of[b] or of[a] == BOTH):
            return False
    return True
