"""What a debater may play: the replies the map allows, given what was played.

A claim is played *through* a relation of the map, which says what it
answers. The side on turn may:

* **attack** a claim the other side played (an `attack` relation to it),
* **undercut** a link the other side played (an `undercut` relation to a
  relation whose premises the other side played), or
* **support** a claim of its own (a `support` relation to it; the motion
  counts as played by the proposition from the start).

Linked premises are played together: choosing one premise of a linked
relation plays the other premises not yet in play with it. A claim already
played cannot be played again, but every relation between played claims
counts at the end, whoever drew it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from argmap.model import Map, Relation, RelationType
from argmap.sides import Side  # the one side type; a debater plays PRO or CON


@dataclass(frozen=True, slots=True)
class Reply:
    """One legal move: play `claim_id` through `relation_id`.

    `target` is the claim answered (for an undercut, the conclusion of the
    link undercut); `together` lists linked co-premises played with it.
    """

    claim_id: str
    relation_id: str
    type: RelationType
    target: str
    together: tuple[str, ...] = ()

    @property
    def verb(self) -> str:
        return self.type.verb

    @property
    def claims(self) -> tuple[str, ...]:
        return (self.claim_id, *self.together)


def relation_in_play(the_map: Map, relation: Relation, played: Mapping[str, object]) -> bool:
    """A relation counts when all its premises and its target are in play.

    An undercut's target is a link, itself in play or not: followed in a
    loop, not by recursion, since a chain of undercuts is as long as the map
    makes it; a circle of undercuts (which `argmap check` refuses) counts
    as not in play.
    """
    seen: set[str] = set()
    while True:
        if not all(src in played for src in relation.sources):
            return False
        if relation.type is not RelationType.UNDERCUT:
            return relation.target in played
        link = the_map.relations_by_id.get(relation.target)
        if link is None or relation.id in seen:
            return False
        seen.add(relation.id)
        relation = link


def relation_owner(relation: Relation, played: Mapping[str, Side]) -> Side | None:
    """The side whose claims make up the relation's premises (None if mixed or unplayed)."""
    sides = {played.get(src) for src in relation.sources}
    return sides.pop() if len(sides) == 1 else None


def answer_target(the_map: Map, relation: Relation) -> str | None:
    """The claim a relation bears on; for an undercut, the conclusion of the link (of
    the first link, through an undercut of an undercut: never a relation id)."""
    seen = {relation.id}
    while relation.type is RelationType.UNDERCUT:
        link = the_map.relations_by_id.get(relation.target)
        if link is None or link.id in seen:
            return None
        seen.add(link.id)
        relation = link
    return relation.target


def reply_through(
    the_map: Map, relation: Relation, claim_id: str, played: Mapping[str, Side], side: Side
) -> Reply | None:
    """The move `claim_id` through `relation` for `side`, or None when the rules forbid it."""
    if claim_id in played or claim_id not in relation.sources:
        return None
    together = []
    for src in relation.sources:
        if src == claim_id:
            continue
        owner = played.get(src)
        if owner is None:
            if src not in the_map.claims_by_id:
                return None
            together.append(src)
        elif owner is not side:
            return None
    if relation.type is RelationType.SUPPORT:
        allowed = played.get(relation.target) is side
    elif relation.type is RelationType.ATTACK:
        allowed = played.get(relation.target) is side.other
    else:
        link = the_map.relations_by_id.get(relation.target)
        allowed = (
            link is not None
            and relation_in_play(the_map, link, played)
            and relation_owner(link, played) is side.other
        )
    target = answer_target(the_map, relation)
    if not allowed or target is None:
        return None
    return Reply(claim_id, relation.id, relation.type, target, tuple(together))


def legal_replies(the_map: Map, played: Mapping[str, Side], side: Side) -> list[Reply]:
    """Every move `side` may make now, in map order of relations then premises."""
    replies: list[Reply] = []
    for relation in the_map.relations:
        for claim_id in relation.sources:
            reply = reply_through(the_map, relation, claim_id, played, side)
            if reply is not None:
                replies.append(reply)
    return replies


def distinct_moves(replies: Iterable[Reply]) -> list[Reply]:
    """One reply per move: the premises of a linked relation are one move, whichever is
    named first, so a list offers `a together with b` once, not again as `b with a`."""
    seen: set[tuple[str, frozenset[str]]] = set()
    found = []
    for reply in replies:
        key = (reply.relation_id, frozenset(reply.claims))
        if key not in seen:
            seen.add(key)
            found.append(reply)
    return found


def replies_to(the_map: Map, replies: Iterable[Reply], claim_ids: Iterable[str]) -> list[Reply]:
    """The replies that answer one of `claim_ids` (attack it or undercut its link)."""
    wanted = set(claim_ids)
    found = []
    for reply in replies:
        relation = the_map.relations_by_id[reply.relation_id]
        if reply.type is RelationType.ATTACK and relation.target in wanted:
            found.append(reply)
        elif reply.type is RelationType.UNDERCUT:
            link = the_map.relations_by_id[relation.target]
            if any(src in wanted for src in link.sources):
                found.append(reply)
    return found


def search_replies(the_map: Map, replies: Iterable[Reply], query: str) -> list[Reply]:
    """The replies whose claims' texts or ids (all premises of a linked move) contain
    every word of `query`."""
    words = query.casefold().split()
    if not words:
        return []
    found = []
    for reply in replies:
        claims = [the_map.claims_by_id[c] for c in reply.claims]
        haystack = " ".join(f"{c.text.casefold()} {c.id.casefold()}" for c in claims)
        if all(word in haystack for word in words):
            found.append(reply)
    return found


def no_match(query: str, open_moves: int) -> str:
    """What a search that found nothing says: that nothing matches, or that no move is open.

    Two different situations for a debater (search again, or pass), so they
    never share a message; each presenter adds how to go on.
    """
    if open_moves == 0:
        return f"No move is open to you at all, so nothing matches {query!r}"
    moves = "move is" if open_moves == 1 else "moves are"
    return f"Nothing you may play matches {query!r} ({open_moves} {moves} open to you)"
