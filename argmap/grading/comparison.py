"""Comparisons an answer and a model answer make, and whether one reverses the other.

"Guards cost less than face gates" says the opposite of "an automatic gate will
cost less to run than staff", and so does "running the gates costs far more than
paying guards": the same two sides compared on the same scale, in the other
direction. A word matcher sees only agreeing words (cost, gate, guard); this
reads each "<comparative> than" as (left side, scale, direction, right side).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.grading.language import Token
from argmap.grading.lexicon import opposite, word_similarity

# Words between a comparative and "than" or before it that grade it: "far more than",
# "cost less to run than".
_DEGREE = frozenset({"far", "much", "even", "still", "way", "lot", "a", "bit", "little"})
_MORE = frozenset({"more"})
_LESS = frozenset({"less", "fewer"})
# Verbs of an amount that a "more" or "less" grades as a price: "costs more" is "more
# expensive".
_PRICED = frozenset({"cost", "pay", "spend", "charge"})
# A side's word meets the other's from this similarity (as a key point's word is met).
SIDE_MET = 0.5
# How far back from "than" the comparative may stand ("cost less to run than").
REACH = 4


@dataclass(frozen=True, slots=True)
class Comparison:
    left: frozenset[str]  # lemmas of what is compared
    scale: str  # the scale's word: "cheap", "expensive", "safe"
    direction: int  # +1 more of the scale, -1 less
    right: frozenset[str]  # lemmas of what it is compared with


def comparisons(tokens: Sequence[Token]) -> list[Comparison]:
    """The "X <comparative> than Y" of `tokens` (an analysed text, every word)."""
    found = []
    for i, tok in enumerate(tokens):
        if tok.text != "than" or i == 0:
            continue
        graded = _graded(tokens, i)
        if graded is None:
            continue
        at, scale, direction = graded
        if tokens[at].negated:  # "not cheaper than"
            direction = -direction
        sentence, clause = tokens[at].sentence, tokens[at].clause
        left = frozenset(
            t.lemma
            for t in tokens[:at]
            if t.content
            and t.sentence == sentence
            and t.clause == clause
            and t.lemma != scale
            and t.lemma not in _PRICED
        )
        after = [t for t in tokens[i + 1 :] if t.sentence == sentence]
        first = after[0].clause if after else -1
        right = frozenset(
            t.lemma for t in after if t.content and t.clause == first and t.lemma not in _PRICED
        )
        if left and right:
            found.append(Comparison(left, scale, direction, right))
    return found


def _graded(tokens: Sequence[Token], than: int) -> tuple[int, str, int] | None:
    """Where the comparative before "than" stands, its scale and direction."""
    for j in range(than - 1, max(-1, than - 1 - REACH), -1):
        w = tokens[j].text
        if w in _MORE or w in _LESS:
            direction = 1 if w in _MORE else -1
            after = tokens[j + 1] if j + 1 < than else None
            k = j - 1
            while k >= 0 and tokens[k].text in _DEGREE:  # "costs far more than"
                k -= 1
            before = tokens[k] if k >= 0 else None
            if after is not None and after.content and after.text not in _DEGREE:
                return j, after.lemma, direction  # "more expensive than"
            if before is not None and before.lemma in _PRICED:
                return j, "expensive", direction  # "costs more than", "cost less to run"
            if before is not None and before.content:
                return j, before.lemma, direction  # "matters more than"
            return None
        if w.endswith("er") and tokens[j].lemma != w and tokens[j].content:
            return j, tokens[j].lemma, 1  # "cheaper than", "safer than"
        if w in {"better", "worse"}:
            return j, "good", 1 if w == "better" else -1
        if w not in _DEGREE and j < than - 1 and tokens[j].content:
            # ("cost less to run than": words of the verb phrase may stand between)
            continue
    return None


def _meets(a: frozenset[str], b: frozenset[str], alternatives: Sequence[frozenset[str]]) -> bool:
    """Whether two sides share a word: the same, close in meaning, or two words a map
    lists as one point's alternatives ("guards" and "staff")."""
    return any(
        x == y
        or word_similarity(x, y) >= SIDE_MET
        or any(x in alt and y in alt for alt in alternatives)
        for x in a
        for y in b
    )


def _same_scale(a: str, b: str) -> int | None:
    """+1 for one scale, -1 for a scale and its opposite ("cheap", "expensive")."""
    if a == b or word_similarity(a, b) >= SIDE_MET:
        return 1
    if opposite(a, b):
        return -1
    return None


def reverses_a_comparison(
    answer: Sequence[Token],
    model: Sequence[Token],
    alternatives: Sequence[frozenset[str]] = (),
) -> bool:
    """Whether the answer compares two sides the model answer compares, on its scale
    or the opposite one, in the other direction (`alternatives`: the lemmas of each key
    point's one-word terms, which stand for each other as sides)."""
    theirs = comparisons(model)
    if not theirs:
        return False
    for mine in comparisons(answer):
        for other in theirs:
            scale = _same_scale(mine.scale, other.scale)
            if scale is None:
                continue
            aligned = _meets(mine.left, other.left, alternatives) and _meets(
                mine.right, other.right, alternatives
            )
            swapped = _meets(mine.left, other.right, alternatives) and _meets(
                mine.right, other.left, alternatives
            )
            if aligned == swapped:
                continue  # no sides in common, or both in common: no direction to read
            sides = 1 if aligned else -1
            if scale * mine.direction * other.direction * sides < 0:
                return True
    return False
