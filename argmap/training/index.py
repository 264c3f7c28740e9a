"""What the drills look up across the whole map, indexed once per map.

A question's distractors come from all over the map: attackers of claims
that share a theme with the target, every other quote, the sources that say
the same words, the flaw names in use. Scanning every claim for each of
them made starting a session on a 10,000-claim map take minutes (each claim's
eligibility scanned the map again); the index is built in one pass, kept with
the map (`argmap.per_map`), and keeps the map's file order, so the questions
are the ones the scans gave.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass

from argmap.model import Claim, Evidence, Map, RelationType
from argmap.per_map import per_map
from argmap.sides import Signature, signature, signatures_agree
from argmap.training.choices import SHORT, balanced_length, normal


def _quote_words(quote: str) -> str:
    return " ".join(quote.split())


def quote_key(ev: Evidence) -> tuple[str, str]:
    """A quote as the drills compare it: its source and its words, spacing ignored."""
    return ev.source, _quote_words(ev.quote)


def evidence_label(the_map: Map, ev: Evidence) -> str:
    """How an evidence option reads: the quote, then its outlet and locator."""
    source = the_map.sources_by_id.get(ev.source)
    name = (source.outlet or source.title) if source is not None else ev.source
    return f'"{ev.quote}" ({name}, {ev.locator})'


@dataclass(frozen=True)
class DrillIndex:
    # theme -> (position in the file, claim id, premises of the claim's attackers), file order
    attackers_by_theme: Mapping[str, tuple[tuple[int, str, tuple[Claim, ...]], ...]]
    # a quote's words (spacing ignored) -> the sources whose evidence quotes them
    quote_sources: Mapping[str, frozenset[str]]
    # every evidence item: (claim id, (source, quote words), its label), file order
    evidence: tuple[tuple[str, tuple[str, str], str], ...]
    flaw_names: tuple[str, ...]  # each flaw named in the map, in order of first use
    signatures: Mapping[str, Signature]  # each claim's side for each thesis
    # position of each claim in an order where supporters come before what they support
    support_order: Mapping[str, int]
    # (earliest support_order of the claims citing the quote, its label), latest first
    quotes_by_order: tuple[tuple[int, str], ...]
    # theme -> side signature -> those attackers' premises, distinct, sorted by option length
    pools: Mapping[str, Mapping[Signature, tuple[tuple[int, ...], tuple[Claim, ...]]]]

    def attackers_sharing_a_theme(self, target: Claim) -> Iterator[Claim]:
        """The premises of the attackers of every other claim sharing a theme with
        `target`: claims in file order, each claim's attackers in relation order."""
        lists = [
            self.attackers_by_theme[t]
            for t in dict.fromkeys(target.themes)
            if t in self.attackers_by_theme
        ]
        last = -1
        for position, claim_id, premises in heapq.merge(*lists, key=lambda e: e[0]):
            if position != last and claim_id != target.id:
                yield from premises
            last = position

    def some_attacker_sharing_a_theme(
        self, target: Claim, answer: str, leave_out: Collection[str], ratio: float
    ) -> bool:
        """Is some claim of `attackers_sharing_a_theme(target)` on the target's side,
        not in `leave_out`, a distractor `assemble` would keep beside `answer`?

        Asked of every claim when a session starts, so it looks only at the
        premises on a compatible side and of a length close enough (a binary
        search), not at every attacker of the theme.
        """
        own = self.signatures[target.id]
        width = max(len(answer), SHORT)
        key = normal(answer)
        for theme in dict.fromkeys(target.themes):
            for side, (lengths, claims) in self.pools.get(theme, {}).items():
                if not signatures_agree(own, side):
                    continue
                start = max(0, bisect_left(lengths, width / ratio) - 1)
                for i in range(start, min(len(claims), bisect_right(lengths, width * ratio) + 1)):
                    claim = claims[i]
                    if (
                        claim.id not in leave_out
                        and normal(claim.text) != key
                        and balanced_length(answer, claim.text, ratio)
                    ):
                        return True
        return False

    def some_quote_surely_apart(self, target: str, answer: str) -> bool:
        """Is there a quote no claim backing `target` cites, a distractor beside `answer`?

        A claim that comes after the target in `support_order` cannot
        support it, even indirectly, so a quote cited only by such claims is
        surely not the target's own: found without walking the target's
        supporters (on a chain of 10,000 supports that walk, for every claim,
        made a session take minutes). False means "not found this way".
        """
        after = self.support_order[target]
        key = normal(answer)
        for first, label in self.quotes_by_order:
            if first <= after:
                return False
            if normal(label) != key and balanced_length(answer, label):
                return True
        return False

    def sources_quoting(self, quote: str) -> frozenset[str]:
        return self.quote_sources.get(_quote_words(quote), frozenset())

    def evidence_labels(
        self, leave_out: Collection[str], own: Collection[tuple[str, str]]
    ) -> Iterator[str]:
        """Labels of the quotes of claims not in `leave_out`, except quotes in `own`."""
        return (
            label
            for claim_id, key, label in self.evidence
            if key not in own and claim_id not in leave_out
        )


def drill_index(the_map: Map) -> DrillIndex:
    return per_map(the_map, "drill index", lambda: _build(the_map))


def _build(the_map: Map) -> DrillIndex:
    by_theme: dict[str, list[tuple[int, str, tuple[Claim, ...]]]] = {}
    quotes: dict[str, set[str]] = {}
    evidence: list[tuple[str, tuple[str, str], str]] = []
    flaws: dict[str, None] = {}
    claims = the_map.claims_by_id
    for position, claim in enumerate(the_map.claims):
        if claim.themes:
            premises = tuple(
                claims[s] for rel in the_map.attackers(claim.id) for s in rel.sources if s in claims
            )
            if premises:
                for theme in dict.fromkeys(claim.themes):
                    by_theme.setdefault(theme, []).append((position, claim.id, premises))
        for ev in claim.evidence:
            quotes.setdefault(_quote_words(ev.quote), set()).add(ev.source)
            evidence.append((claim.id, quote_key(ev), evidence_label(the_map, ev)))
        if claim.flaw:
            flaws.setdefault(claim.flaw, None)
    signatures = {c.id: signature(the_map, c.id) for c in the_map.claims}
    pools: dict[str, dict[Signature, tuple[tuple[int, ...], tuple[Claim, ...]]]] = {}
    for theme, entries in by_theme.items():
        grouped: dict[Signature, dict[str, Claim]] = {}
        for _, _, premises in entries:
            for claim in premises:
                grouped.setdefault(signatures[claim.id], {}).setdefault(claim.id, claim)
        pools[theme] = {}
        for side, members in grouped.items():
            ordered = sorted(members.values(), key=lambda c: max(len(c.text), SHORT))
            pools[theme][side] = (tuple(max(len(c.text), SHORT) for c in ordered), tuple(ordered))
    order = _support_order(the_map)
    first: dict[tuple[str, str], int] = {}
    for claim_id, key, _ in evidence:
        first[key] = min(first.get(key, order[claim_id]), order[claim_id])
    by_order = tuple(
        sorted(((first[key], label) for _, key, label in evidence), key=lambda e: -e[0])
    )
    return DrillIndex(
        attackers_by_theme={t: tuple(v) for t, v in by_theme.items()},
        quote_sources={q: frozenset(s) for q, s in quotes.items()},
        evidence=tuple(evidence),
        flaw_names=tuple(flaws),
        signatures=signatures,
        support_order=order,
        quotes_by_order=by_order,
        pools=pools,
    )


def _support_order(the_map: Map) -> dict[str, int]:
    """Claims ordered so that every supporter comes before what it supports (Kahn).

    Claims on a circle of supports, or supported from one, get no place in
    such an order: they are put after all the others. None of them can back
    a claim that has a place (it would then be supported from the circle too).
    """
    succ: dict[str, list[str]] = {}
    waiting = dict.fromkeys(the_map.claims_by_id, 0)
    for rel in the_map.relations:
        if rel.type is RelationType.SUPPORT and rel.target in waiting:
            for src in rel.sources:
                if src in waiting:
                    succ.setdefault(src, []).append(rel.target)
                    waiting[rel.target] += 1
    ready = [c for c, n in waiting.items() if n == 0]
    order: dict[str, int] = {}
    while ready:
        claim = ready.pop()
        order[claim] = len(order)
        for nxt in succ.get(claim, ()):
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                ready.append(nxt)
    unplaced = len(the_map.claims_by_id)
    return {c: order.get(c, unplaced) for c in the_map.claims_by_id}
