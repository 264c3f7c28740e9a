"""Ratings come from grades; sessions mix due and new cards and lean to weak themes."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta

from fsrs import Rating

from argmap.grading import Assessment, Verdict
from argmap.training.grading import Grade
from argmap.training.scheduling import Candidate, plan_session, rating_for, theme_weakness

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
RIGHT = Grade(Verdict.CORRECT, 1.0)
TYPED_PART = Grade(Verdict.PARTIAL, 0.5, assessment=Assessment(Verdict.PARTIAL, 0.5))
TYPED_RIGHT = Grade(Verdict.CORRECT, 1.0, assessment=Assessment(Verdict.CORRECT, 1.0))


def test_the_rating_comes_from_the_grade() -> None:
    assert rating_for(Grade(Verdict.INCORRECT, 0.0), 2.0) == Rating.Again
    assert rating_for(Grade(Verdict.CONTRADICTORY, 0.0), 2.0) == Rating.Again
    assert rating_for(RIGHT, 3.0) == Rating.Easy
    assert rating_for(RIGHT, 20.0) == Rating.Good
    assert rating_for(RIGHT, 60.0) == Rating.Hard  # slow
    assert rating_for(RIGHT, 3.0, hinted=True) == Rating.Hard
    assert rating_for(TYPED_PART, 5.0) == Rating.Hard  # partial is never Good
    assert rating_for(TYPED_RIGHT, 5.0) == Rating.Easy
    assert rating_for(TYPED_RIGHT, 100.0) == Rating.Good


def test_unseen_themes_count_as_half_and_weak_ones_weigh_more() -> None:
    assert theme_weakness(["x"], {}) == 0.5
    acc = {"weak": (10, 1), "strong": (10, 10)}
    assert theme_weakness(["weak"], acc) > 0.5 > theme_weakness(["strong"], acc)
    assert theme_weakness(["weak", "strong"], acc) == theme_weakness(["weak"], acc)


def cands(prefix: str, theme: str, n: int) -> list[Candidate]:
    return [Candidate("rebut", f"{prefix}{i}", (theme,)) for i in range(n)]


def test_a_session_takes_due_cards_first_then_new_ones_never_repeating() -> None:
    due = cands("d", "t", 10)
    new = cands("n", "t", 10)
    later = cands("l", "t", 5)
    due_at = {("rebut", c.claim_id): NOW - timedelta(days=1) for c in due}
    due_at |= {("rebut", c.claim_id): NOW + timedelta(days=5) for c in later}
    plan = plan_session(due + new + later, due_at, {}, 10, random.Random(1), NOW)
    kinds = Counter(c.claim_id[0] for c in plan)
    assert kinds == {"d": 7, "n": 3}
    assert len({c.claim_id for c in plan}) == 10
    # With few due cards, new ones fill the session; not-yet-due ones come last.
    plan = plan_session(due[:2] + new[:3] + later, due_at, {}, 8, random.Random(1), NOW)
    assert Counter(c.claim_id[0] for c in plan) == {"d": 2, "n": 3, "l": 3}


def test_a_session_leans_toward_the_weakest_themes() -> None:
    pool = cands("w", "weak", 20) + cands("s", "strong", 20)
    acc = {"weak": (20, 4), "strong": (20, 19)}
    picked = Counter()
    for seed in range(30):
        for c in plan_session(pool, {}, acc, 6, random.Random(seed), NOW):
            picked[c.themes[0]] += 1
    assert picked["weak"] > 2 * picked["strong"]
    assert picked["strong"] > 0  # leaning, not excluding
