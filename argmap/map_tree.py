"""The pro/con tree of a map as plain data: what hangs under what, and how to reach a claim.

One rule for every front end that shows a map as a tree (the explorer's tree,
its claim panel, an overview):

* Each thesis is a top-level entry; so is each claim no thesis reaches
  (`unlinked_ids`), under a group of its own.
* Under a claim come the premises of the relations aimed at it. Under a claim
  reached through a relation come, as well, the premises of the undercuts of
  that relation ("even if this is true, it does not bear on that").
* A claim that would repeat one of its own ancestors is an entry marked
  `cycle`, with nothing under it, so a circle of attacks ends.
* A claim appears in as many places as it has relations out of it, plus one
  if it is a thesis (`places`).

Sides follow the same relations with their own rule (`argmap.sides`); this
module only says where a claim sits. Walks are breadth first with explicit
queues, so a deep map never recurses.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from argmap.model import Map, Relation
from argmap.per_map import per_map
from argmap.view_model import ROLE_THESIS, ROLE_UNLINKED, TreeEntry

Child = tuple[Relation, str]
"""A relation and one of its premises: one line under the claim the relation reaches."""


def child_links(the_map: Map, claim_id: str, via: str | None) -> list[Child]:
    """The (relation, premise) pairs shown under a claim reached through relation `via`."""
    out: list[Child] = []
    for rel in the_map.incoming.get(claim_id, ()):
        out.extend((rel, source) for source in rel.sources)
    if via is not None:
        for rel in the_map.incoming.get(via, ()):
            out.extend((rel, source) for source in rel.sources)
    return out


def has_children(the_map: Map, claim_id: str, via: str | None) -> bool:
    """Whether anything hangs under the claim reached through `via` (without listing it)."""
    return bool(the_map.incoming.get(claim_id)) or (
        via is not None and bool(the_map.incoming.get(via))
    )


def can_open(the_map: Map, entry: TreeEntry) -> bool:
    """Whether an entry has lines under it: a cycle never does."""
    return not entry.cycle and has_children(the_map, entry.claim_id, entry.relation_id)


def places(the_map: Map, claim_id: str) -> int:
    """How many places in the tree a claim appears under (as thesis or premise)."""
    return len(the_map.outgoing.get(claim_id, ())) + (claim_id in the_map.theses)


def thesis_entries(the_map: Map) -> list[TreeEntry]:
    """The top-level entries, one per thesis the map defines, in the map's order."""
    return [TreeEntry(t, ROLE_THESIS) for t in the_map.theses if t in the_map.claims_by_id]


def children(the_map: Map, entry: TreeEntry, ancestors: Collection[str]) -> list[TreeEntry]:
    """The entries under `entry`, whose branch holds the claims `ancestors` (itself included).

    A premise naming no claim of the map (an error the checker reports) is left out.
    """
    return [
        TreeEntry(source, rel.type, rel.id, rel.linked, cycle=source in ancestors)
        for rel, source in child_links(the_map, entry.claim_id, entry.relation_id)
        if source in the_map.claims_by_id
    ]


def unlinked_ids(the_map: Map) -> tuple[str, ...]:
    """Claims the tree does not reach from a thesis, in file order (computed once per map)."""
    return per_map(the_map, "map_tree unlinked", lambda: _unlinked(the_map))


def _unlinked(the_map: Map) -> tuple[str, ...]:
    reached = _from_theses(the_map).first
    return tuple(c.id for c in the_map.claims if c.id not in reached)


def _from_theses(the_map: Map) -> Walk:
    """The walk from every thesis, once per map: the unlinked claims and every path use it."""
    return per_map(
        the_map,
        "map_tree from theses",
        lambda: _walk(the_map, [e.claim_id for e in thesis_entries(the_map)]),
    )


def _from_unlinked(the_map: Map) -> Walk:
    return per_map(
        the_map, "map_tree from unlinked", lambda: _walk(the_map, list(unlinked_ids(the_map)))
    )


def path_to(the_map: Map, claim_id: str) -> list[TreeEntry] | None:
    """The shortest chain of entries from a top-level entry down to the claim.

    From a thesis if any reaches the claim (the first thesis in the map's
    order among the nearest), else from the unlinked claims. None if the claim
    is not in the map. No claim repeats on the chain, so every step can be
    opened. The walks are made once per map, so a jump costs the chain's length.
    """
    if claim_id not in the_map.claims_by_id:
        return None
    up, role = _from_theses(the_map), ROLE_THESIS
    if claim_id not in up.first:
        up, role = _from_unlinked(the_map), ROLE_UNLINKED
    found = up.first.get(claim_id)
    if found is None:
        return None
    path: list[TreeEntry] = []
    current: State | None = found
    while current is not None:
        above, rel = up.steps[current]
        if rel is None:
            path.append(TreeEntry(current[0], role))
        else:
            path.append(TreeEntry(current[0], rel.type, rel.id, rel.linked))
        current = above
    return path[::-1]


State = tuple[str, str | None]
"""A claim and the relation it was reached through: what hangs under it depends on both."""


@dataclass(frozen=True, slots=True)
class Walk:
    """Each state reached: the state above it and the relation that hangs it there."""

    steps: dict[State, tuple[State | None, Relation | None]]
    first: dict[str, State]  # claim -> the first (nearest) state of it reached


def _walk(the_map: Map, starts: list[str]) -> Walk:
    """Breadth first over the tree's entries from the claims `starts`.

    A state is visited once, and a claim already on its own branch is not
    entered (the tree shows it as a cycle, which cannot be opened), so the
    walk ends. The rule of `child_links`, inlined: this walks every claim of
    a map, once per map.
    """
    incoming = the_map.incoming
    known = the_map.claims_by_id
    up: dict[State, tuple[State | None, Relation | None]] = {}
    first: dict[str, State] = {}
    queue: list[State] = []
    for claim in starts:
        state: State = (claim, None)
        if state not in up:
            up[state] = (None, None)
            first.setdefault(claim, state)
            queue.append(state)
    for state in queue:  # grows while walked
        claim, via = state
        rels = incoming.get(claim, ())
        if via is not None and via in incoming:
            rels = (*rels, *incoming[via])
        for rel in rels:
            for source in rel.sources:
                child: State = (source, rel.id)
                if child in up or source not in known:
                    continue
                if source in first:
                    above: State | None = state
                    while above is not None and above[0] != source:
                        above = up[above][0]
                    if above is not None:
                        continue  # on its own branch: a cycle
                else:
                    first[source] = child
                up[child] = (state, rel)
                queue.append(child)
    return Walk(up, first)
