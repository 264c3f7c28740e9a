"""What a grade says: a verdict, a score, each key point's state, and why.

These are the public shapes of `argmap grade --json` and of every drill's
feedback: the drill, the batch grader and the class report all read them,
so they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from argmap.model import KeyPoint


class Verdict(StrEnum):
    """The four verdicts, in the order a teacher would rank them."""

    CORRECT = "correct"  # makes the model answer's point(s)
    PARTIAL = "partial"  # makes some points, contradicts none
    CONTRADICTORY = "contradictory"  # asserts the opposite of a point
    INCORRECT = "incorrect"  # makes none of the points


class PointState(StrEnum):
    MADE = "made"
    MISSED = "missed"
    CONTRADICTED = "contradicted"


@dataclass(frozen=True, slots=True)
class Reference:
    """A model answer: its text, the points a good answer makes, and where it comes from.

    `claim_id` is the map claim the model answer is (None for a teacher's own
    reference). With no key points the reference's whole text is the one point,
    and `opposites` are what denies it without a "not" (a teacher's "evaporates"
    against "the water condenses"); with key points, each point has its own.
    """

    text: str
    key_points: tuple[KeyPoint, ...] = ()
    claim_id: str | None = None
    opposites: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.claim_id if self.claim_id is not None else "reference"


@dataclass(frozen=True, slots=True)
class PointResult:
    point: str
    state: PointState
    evidence: str | None = None  # the answer's words that made or denied it


@dataclass(frozen=True, slots=True)
class Assessment:
    """The grade of one typed answer against one question's model answers."""

    verdict: Verdict
    score: float  # 0-1
    points: tuple[PointResult, ...] = ()
    reference: Reference | None = None  # the model answer it was graded against
    feedback: tuple[str, ...] = ()  # plain sentences, map text included as is
    caps: tuple[str, ...] = field(default=())  # why the verdict was held down
    fit: float = 0.0  # 0-1: how close the answer's words are to the model answer's text

    def named(self, state: PointState) -> list[PointResult]:
        return [p for p in self.points if p.state is state]
