"""Sentences a round says, built once and shown by every presenter.

A sentence is argmap's own words with the claims it names kept apart as
`Ref`s, so the plain mode, the Markdown transcript and the TUI each show the
same sentence and only decide how an id looks (bare, in backticks, in bold).
Map text never enters the words: a presenter that shows a claim's text looks
it up itself and escapes it its own way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from argmap.model import Map, RelationType


@dataclass(frozen=True, slots=True)
class Ref:
    """A claim named in a sentence."""

    claim_id: str


Segment = str | Ref
Sentence = tuple[Segment, ...]


def plain(sentence: Sentence, show: Callable[[str], str] = str) -> str:
    """The sentence as one string; `show` turns a claim id into text."""
    return "".join(s if isinstance(s, str) else show(s.claim_id) for s in sentence)


def listing(claim_ids: Sequence[str], last: str = " and ") -> Sentence:
    """`a`, `a and b`, `a, b and c`, each a `Ref`."""
    out: list[Segment] = []
    for i, claim_id in enumerate(claim_ids):
        if i:
            out.append(last if i == len(claim_ids) - 1 else ", ")
        out.append(Ref(claim_id))
    return tuple(out)


def premises(claim_ids: Sequence[str]) -> Sentence:
    """A claim with its linked co-premises: `a together with b and c`."""
    head: Sentence = (Ref(claim_ids[0]),)
    return head + ((" together with ", *listing(claim_ids[1:])) if len(claim_ids) > 1 else ())


def verb(kind: RelationType, plural: bool = False) -> str:
    """`attacks` / `attack` (linked premises act together, so they take the plural)."""
    return kind.value if plural else kind.verb


def bears_on(
    the_map: Map, relation_id: str, plural: bool = False, seen: frozenset[str] = frozenset()
) -> Sentence:
    """What a relation does to its target: `attacks m`, `undercut the link from x to m`,
    and for an undercut of an undercut `undercuts the link by which y undercuts the link
    from x to m` (a relation id is never named as if it were a claim)."""
    relation = the_map.relations_by_id[relation_id]
    if relation.type is not RelationType.UNDERCUT:
        return (verb(relation.type, plural), " ", Ref(relation.target))
    link = the_map.relations_by_id.get(relation.target)
    if link is None or link.id in seen:
        return (verb(relation.type, plural), " a link")
    if link.type is RelationType.UNDERCUT:
        inner = bears_on(the_map, link.id, len(link.sources) > 1, seen | {relation_id})
        return (
            verb(relation.type, plural),
            " the link by which ",
            *premises(link.sources),
            " ",
            *inner,
        )
    return (
        verb(relation.type, plural),
        " the link from ",
        *listing(link.sources),
        " to ",
        Ref(link.target),
    )


def move(the_map: Map, claim_ids: Sequence[str], relation_id: str) -> Sentence:
    """A move with all its premises: `a together with b, which attack m`."""
    return (*premises(claim_ids), ", which ", *bears_on(the_map, relation_id, len(claim_ids) > 1))


def joined(sentences: Iterable[Sentence], between: str = "; ") -> Sentence:
    """Several clauses as one sentence."""
    out: list[Segment] = []
    for i, sentence in enumerate(sentences):
        if i:
            out.append(between)
        out.extend(sentence)
    return tuple(out)
