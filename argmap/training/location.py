"""Where a claim sits in its map: the shortest chain of relations up to a thesis.

Every explanation ends with this chain, so a student sees not only that an
answer is right but which part of the debate it belongs to.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection

from argmap.display import shorten
from argmap.model import Map, Relation, RelationType
from argmap.training.questions import Step


def _next_claim(the_map: Map, rel: Relation) -> str | None:
    """The claim a relation bears on: its target, or for an undercut the undercut link's
    (through an undercut of an undercut, down to the first link that ends at a claim)."""
    seen = {rel.id}
    while rel.type is RelationType.UNDERCUT:
        inner = the_map.relations_by_id.get(rel.target)
        if inner is None or inner.id in seen:
            return None
        seen.add(inner.id)
        rel = inner
    return rel.target


def path_to_thesis(
    the_map: Map, claim_id: str, theses: Collection[str] | None = None
) -> tuple[Step, ...]:
    """Steps from `claim_id` to the nearest thesis (just the claim if none is reachable).

    `theses` limits the ends to those theses: a drill on one thesis of a map
    with several leads a shared claim to that thesis, not to a nearer other.
    """
    all_theses = set(the_map.theses)
    theses = all_theses if theses is None else all_theses & set(theses)
    came_from: dict[str, tuple[str, Relation] | None] = {claim_id: None}
    queue = deque([claim_id])
    end = claim_id
    while queue:
        current = queue.popleft()
        if current in theses:
            end = current
            break
        for rel in the_map.outgoing.get(current, ()):
            nxt = _next_claim(the_map, rel)
            if nxt is not None and nxt not in came_from and nxt in the_map.claims_by_id:
                came_from[nxt] = (current, rel)
                queue.append(nxt)
    order, links = [end], []
    while (back := came_from[order[-1]]) is not None:
        order.append(back[0])
        links.append(back[1])
    order.reverse()
    links.reverse()  # links[i] leads from order[i] to order[i + 1]
    out = [
        Step(
            cid,
            the_map.claims_by_id[cid].text,
            links[i].type.verb_to_claim if i < len(links) else None,
            cid in all_theses,
        )
        for i, cid in enumerate(order)
    ]
    return tuple(out)


# A claim in the "In the map" sentence: enough words to recognise it, cut at a word.
CLAIM_CHARS = 80


def quoted(text: str, limit: int | None = CLAIM_CHARS) -> str:
    """A claim's text quoted inside a sentence: shortened at a word (to `limit`; None
    keeps it whole), in quotation marks, without its closing full stop (the sentence
    goes on after it)."""
    said = text if limit is None else shorten(text, limit)
    return f'"{said.rstrip(".")}"'


def describe(steps: tuple[Step, ...], ids: bool = False) -> str:
    """The way to the thesis as one sentence in the map's own words:
    '"a…" attacks "b…", which supports the thesis "c…".'

    Each claim is named by its text (shortened at a word boundary), as the
    student reads the map; with `ids`, its id follows in brackets, for a
    teacher or an author who wants to find it in the file.
    """

    def name(step: Step) -> str:
        text = quoted(step.text) + (f" ({step.claim_id})" if ids else "")
        return f"the thesis {text}" if step.is_thesis else text

    parts = []
    for i, step in enumerate(steps):
        label = name(step)
        if i == 0:
            parts.append(label)
        else:
            parts.append(
                f"{steps[i - 1].relation} {label}"
                if i == 1
                else f"which {steps[i - 1].relation} {label}"
            )
    if len(steps) == 1:
        return (
            f"{parts[0]} is not linked to a thesis."
            if not steps[0].is_thesis
            else f"{parts[0].removeprefix('the thesis ')} is a thesis of the map."
        )
    return parts[0] + " " + ", ".join(parts[1:]) + "."
