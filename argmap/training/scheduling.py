"""Spaced repetition: each (drill, claim) pair is an fsrs card, rated by its grade.

The user does not rate themselves: `rating_for` turns a grade, the time taken
and whether a hint was used into an fsrs `Rating`; where the student
overrode a typed answer's grade, the grade with their verdict is rated, and
the progress log replays that rating. The scheduler runs without fuzzing,
so replaying the review log (`rebuild_schedule`) gives exactly the cards the
progress database caches. `plan_session` picks what to ask: due
cards first, some new ones, both leaning toward the user's weakest themes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from fsrs import Card, Rating, Scheduler

from argmap.grading import Verdict
from argmap.training.grading import Grade

# No fuzzing: the same log must always rebuild the same schedule.
SCHEDULER = Scheduler(enable_fuzzing=False)

# Seconds under which a complete answer counts as fast (Easy), and over which
# a right answer counts as slow (Hard), for option and typed answers.
FAST_CHOICE, SLOW_CHOICE = 10.0, 45.0
FAST_TEXT, SLOW_TEXT = 45.0, 180.0

# Share of a session given to cards never seen before when due cards abound.
NEW_SHARE = 0.3


class CardKey(NamedTuple):
    map_id: str
    drill: str
    claim_id: str


def rating_for(grade: Grade, seconds: float, *, hinted: bool = False) -> Rating:
    """Contradictory or incorrect: Again; partial, hinted or slow: Hard; correct: Good;
    correct and fast: Easy. Only `correct` ever earns Good or Easy."""
    if grade.verdict in (Verdict.CONTRADICTORY, Verdict.INCORRECT):
        return Rating.Again
    typed = grade.assessment is not None
    fast, slow = (FAST_TEXT, SLOW_TEXT) if typed else (FAST_CHOICE, SLOW_CHOICE)
    if grade.verdict is Verdict.PARTIAL or hinted or seconds > slow:
        return Rating.Hard
    if seconds <= fast:
        return Rating.Easy
    return Rating.Good


def new_card(card_id: int, when: datetime) -> Card:
    """A card first seen at `when`; its id is its first review's id, so rebuilds agree."""
    return Card(card_id=card_id, due=when)


def review(card: Card, rating: Rating, when: datetime) -> Card:
    return SCHEDULER.review_card(card, rating, when)[0]


@dataclass(frozen=True, slots=True)
class LoggedReview:
    """One row of the append-only review log, as the scheduler needs it."""

    review_id: int
    key: CardKey
    rating: Rating
    answered_at: datetime


def rebuild_schedule(log: Iterable[LoggedReview]) -> dict[CardKey, Card]:
    """Every card's state, replayed from the review log in the order it was written."""
    cards: dict[CardKey, Card] = {}
    for row in sorted(log, key=lambda r: r.review_id):
        card = cards.get(row.key) or new_card(row.review_id, row.answered_at)
        cards[row.key] = review(card, row.rating, row.answered_at)
    return cards


@dataclass(frozen=True, slots=True)
class Candidate:
    """A card the map can ask now, with the themes of its claim."""

    drill: str
    claim_id: str
    themes: tuple[str, ...]


def theme_weakness(themes: Sequence[str], accuracy: Mapping[str, tuple[int, int]]) -> float:
    """How weak the user is on the weakest of these themes, in (0, 1).

    Accuracy is smoothed ((correct + 1) / (answers + 2)) so an unseen theme
    counts as 50 % and one lucky answer does not mark a theme as mastered.
    """
    if not themes:
        return 0.5
    return max(
        1 - (accuracy.get(t, (0, 0))[1] + 1) / (accuracy.get(t, (0, 0))[0] + 2) for t in themes
    )


def _weighted_pick(
    items: list[Candidate], weights: list[float], n: int, rng: random.Random
) -> list[Candidate]:
    """n items without replacement, each more likely the heavier it is (Efraimidis-Spirakis)."""
    keyed = [(math.log(max(rng.random(), 1e-300)) / w, i) for i, w in enumerate(weights)]
    keyed.sort(reverse=True)
    return [items[i] for _, i in keyed[:n]]


def plan_session(
    candidates: Sequence[Candidate],
    due_at: Mapping[tuple[str, str], datetime],
    accuracy: Mapping[str, tuple[int, int]],
    count: int,
    rng: random.Random,
    now: datetime,
) -> list[Candidate]:
    """Up to `count` cards: due ones and new ones, weighted toward weak themes, mixed.

    `due_at` maps (drill, claim id) to when each known card falls due;
    `accuracy` maps theme to (answers, correct). Cards known but not yet due
    fill the session only when there is nothing else to ask.
    """
    due: list[Candidate] = []
    new: list[Candidate] = []
    later: list[Candidate] = []
    for cand in candidates:
        when = due_at.get((cand.drill, cand.claim_id))
        (new if when is None else due if when <= now else later).append(cand)
    weight = [0.05 + theme_weakness(c.themes, accuracy) for c in candidates]
    weight_of = {(c.drill, c.claim_id): w for c, w in zip(candidates, weight, strict=True)}

    def pick(pool: list[Candidate], n: int) -> list[Candidate]:
        return _weighted_pick(pool, [weight_of[(c.drill, c.claim_id)] for c in pool], n, rng)

    n_new = min(len(new), max(count - len(due), math.ceil(count * NEW_SHARE) if new else 0))
    n_due = min(len(due), count - n_new)
    n_new = min(len(new), count - n_due)
    chosen = pick(due, n_due) + pick(new, n_new)
    if len(chosen) < count:
        later.sort(key=lambda c: due_at[(c.drill, c.claim_id)])
        chosen += later[: count - len(chosen)]
    rng.shuffle(chosen)
    return chosen
