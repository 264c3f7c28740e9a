"""Multiple-choice options that are fair: real distractors, balanced, shuffled.

Rules (documented in docs/trainer.md):

* Distractors are always text from the map; when the map cannot supply
  enough, a question has fewer options (never fewer than two), never
  invented ones.
* A claim is never offered as a wrong answer to a target it actually answers:
  anything that attacks or undercuts into the target, anything listed in the
  target's `also_answers`, and anything whose `also_answers` names the target.
* Lengths are balanced: a distractor is kept only if its length is within a
  factor `LENGTH_RATIO` (2) of the correct answer's, so "the longest option
  is right" never works. Texts under `SHORT` characters count as `SHORT`
  long; source labels (names, not arguments) allow a factor of 3.
* Duplicates (same text, ignoring case and spacing) are dropped; options are
  shuffled with the session's seeded random generator.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping

from argmap.model import Map
from argmap.per_map import per_map
from argmap.training.questions import Option

MAX_OPTIONS = 4
LENGTH_RATIO = 2.0
# Short labels (flaw names) give nothing away by length: below this they count as equal.
SHORT = 20


def answers_to(the_map: Map, target: str) -> set[str]:
    """Claims that are a fair reply to `target`: never to be offered as wrong answers to it."""
    fair: set[str] = {target}
    for rel in the_map.attackers(target):
        fair.update(rel.sources)
    for rel in the_map.incoming.get(target, ()):
        for undercut in the_map.incoming.get(rel.id, ()):
            fair.update(undercut.sources)
    claim = the_map.claims_by_id.get(target)
    if claim is not None:
        fair.update(claim.also_answers)
    fair.update(_also_answering(the_map).get(target, ()))
    return fair


def _also_answering(the_map: Map) -> Mapping[str, tuple[str, ...]]:
    """claim id -> the claims whose `also_answers` name it (indexed once per map)."""

    def build() -> Mapping[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for c in the_map.claims:
            for target in c.also_answers:
                found.setdefault(target, []).append(c.id)
        return {t: tuple(ids) for t, ids in found.items()}

    return per_map(the_map, "also answering", build)


def normal(text: str) -> str:
    """Options are the same text when they differ only in case and spacing."""
    return " ".join(text.casefold().split())


def balanced_length(answer: str, candidate: str, ratio: float = LENGTH_RATIO) -> bool:
    """Lengths within `ratio` of each other; anything under SHORT characters counts as SHORT."""
    a, b = max(len(answer), SHORT), max(len(candidate), SHORT)
    return max(a, b) <= ratio * min(a, b)


def assemble(
    correct: Option,
    candidates: Iterable[Option],
    rng: random.Random,
    max_options: int = MAX_OPTIONS,
    length_ratio: float = LENGTH_RATIO,
) -> tuple[Option, ...]:
    """The correct option plus up to `max_options - 1` balanced distractors, shuffled.

    `candidates` come in order of preference (the most instructive first);
    among equally good ones the seed decides.
    """
    seen = {normal(correct.text)}
    kept: list[Option] = []
    for option in candidates:
        key = normal(option.text)
        if (
            option.correct
            or key in seen
            or not balanced_length(correct.text, option.text, length_ratio)
        ):
            continue
        seen.add(key)
        kept.append(option)
    chosen = kept[: max_options - 1]
    options = [correct, *chosen]
    rng.shuffle(options)
    return tuple(options)


def shuffled(items: Iterable[Option], rng: random.Random) -> list[Option]:
    """`items` in a seeded random order (shuffle each preference group on its own)."""
    out = list(items)
    rng.shuffle(out)
    return out
