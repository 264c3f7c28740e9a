"""Finding claims by what a reader remembers of them: words of the text, a quote, a source, a note.

Every typed word must match the claim somewhere — as a part of a word
(`photo` finds "photos", as the search always did) or, for a word of four
letters or more, as a word with a typo: one slip (a missing, extra, changed
or swapped letter) from four letters, two from eight, so `recogntion`
finds "recognition". Hits that match every word as typed come before hits
that needed a typo forgiven; each says which fields matched.

The typo search compares the word with the map's vocabulary (every word of
every field, built once per map) with rapidfuzz's optimal string alignment
distance, which runs in C: a few milliseconds on a 10,000-claim map, where
the same loop in Python took about a second.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from argmap.model import Claim, Map
from argmap.per_map import per_map

# What the search box reads, in the order a hit names them.
FIELDS = ("text", "quote", "source", "note", "id")
# Hits a search returns when asked for no other number (the palette shows 40).
MAX_DEFAULT = 40
_WORD = re.compile(r"\w+")


def allowed_typos(word: str) -> int:
    """How many slips a typed word may hold: none below four letters, one to seven, then two."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


@dataclass(frozen=True)
class SearchHit:
    """A claim that matched: the fields that did, and whether any word needed a typo forgiven."""

    claim_id: str
    fields: tuple[str, ...]
    exact: bool
    # The first matching field other than the claim's text, one line (a quote, say).
    excerpt: str = ""


@dataclass
class SearchIndex:
    """Every claim's searchable text; the map's vocabulary and the claims using each word."""

    claim_ids: list[str]
    # Per claim: (field name, text as written, casefolded text), in FIELDS order.
    fields: list[list[tuple[str, str, str]]]
    # Per claim: every field's casefolded text in one string, for the as-typed test.
    haystacks: list[str]
    # Per claim: the words of its text, to rank hits in the text before hits elsewhere.
    text_words: list[frozenset[str]] = field(default_factory=list)
    postings: dict[str, set[int]] = field(default_factory=dict)
    vocabulary: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, the_map: Map) -> SearchIndex:
        """The index of `the_map`, built once and kept with the map."""
        return per_map(the_map, "claim-search", lambda: cls.build(the_map))

    @classmethod
    def build(cls, the_map: Map) -> SearchIndex:
        index = cls([], [], [])
        for number, claim in enumerate(the_map.claims):
            written = _fields_of(the_map, claim)
            folded = [(name, text, text.casefold()) for name, text in written]
            index.claim_ids.append(claim.id)
            index.fields.append(folded)
            index.haystacks.append("\n".join(text for _, _, text in folded))
            index.text_words.append(frozenset(_WORD.findall(folded[0][2])))
            for _, _, text in folded:
                for word in _WORD.findall(text):
                    index.postings.setdefault(word, set()).add(number)
        index.vocabulary = list(index.postings)
        return index

    def _forgiven(self, word: str) -> set[str]:
        """Words of the map within the typos `word` may hold (itself excluded)."""
        limit = allowed_typos(word)
        if limit == 0 or not _WORD.fullmatch(word):
            return set()
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        close = process.extract(
            word, self.vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=None
        )
        return {match for match, _, _ in close if match != word}

    def search(self, query: str, limit: int) -> list[SearchHit]:
        """Claims matching every word of `query`, up to `limit`: as typed before with a typo
        forgiven, then those matching in their text before those matching elsewhere, then
        in map order."""
        words = query.casefold().split()
        if not words:
            return []
        forgiven = [self._forgiven(word) for word in words]
        by_typo = [set().union(*(self.postings[w] for w in close)) for close in forgiven]
        ranked: list[tuple[bool, bool, int]] = []
        for number, haystack in enumerate(self.haystacks):
            as_typed = [word in haystack for word in words]
            if not all(hit or number in by_typo[i] for i, hit in enumerate(as_typed)):
                continue
            text, text_words = self.fields[number][0][2], self.text_words[number]
            in_text = all(
                w in text or close & text_words for w, close in zip(words, forgiven, strict=True)
            )
            ranked.append((not all(as_typed), not in_text, number))
        ranked.sort()
        return [
            self._hit(number, words, forgiven, exact=not typo) for typo, _, number in ranked[:limit]
        ]

    def _hit(
        self, number: int, words: Sequence[str], forgiven: Sequence[set[str]], exact: bool
    ) -> SearchHit:
        """Which fields of claim `number` hold a typed word (or a forgiven form of one)."""
        matched: list[str] = []
        excerpt = ""
        for name, written, text in self.fields[number]:
            tokens = set(_WORD.findall(text)) if any(forgiven) else set()
            if not any(
                w in text or close & tokens for w, close in zip(words, forgiven, strict=True)
            ):
                continue
            if name not in matched:
                matched.append(name)
            if not excerpt and name not in ("text", "id"):
                excerpt = " ".join(written.split())
        return SearchHit(self.claim_ids[number], tuple(matched), exact, excerpt)


def _fields_of(the_map: Map, claim: Claim) -> list[tuple[str, str]]:
    """(field, text) for everything of a claim the search reads, in FIELDS order."""
    fields = [("text", claim.text)]
    fields += [("quote", e.quote) for e in claim.evidence]
    for source_id in dict.fromkeys(e.source for e in claim.evidence):
        source = the_map.sources_by_id.get(source_id)
        described = f"{source.title} ({source.outlet})" if source and source.outlet else ""
        fields.append(("source", described or (source.title if source else source_id)))
    if claim.note:
        fields.append(("note", claim.note))
    fields.append(("id", claim.id))
    return fields


def search_claims(the_map: Map, query: str, limit: int) -> list[SearchHit]:
    """The claims of `the_map` that `query` finds (see the module's docstring)."""
    return SearchIndex.of(the_map).search(query, limit)
