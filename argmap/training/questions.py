"""What a drill asks: the question, its options, its model answers, its explanation.

A `Question` is plain data built from a map by `argmap.training.drills`; the
plain mode and the TUI only display it, and `argmap.training.grading` only
reads it. Every string in it is map text: a UI must show it literally.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from argmap.grading.verdicts import Reference

# A model answer a typed reply is graded against: the grader's own type.
TextAnswer = Reference


class DrillKind(StrEnum):
    REBUT = "rebut"
    SUPPORT = "support"
    SOURCE = "source"
    FLAW = "flaw"
    CRUX = "crux"
    SWITCH = "switch"

    @property
    def title(self) -> str:  # type: ignore[override]  # str.title is a method; a drill has a name
        return _TITLES[self]


_TITLES = {
    DrillKind.REBUT: "Rebut",
    DrillKind.SUPPORT: "Support",
    DrillKind.SOURCE: "Source check",
    DrillKind.FLAW: "Spot the flaw",
    DrillKind.CRUX: "Crux hunt",
    DrillKind.SWITCH: "Switch sides",
}


@dataclass(frozen=True, slots=True)
class Option:
    text: str
    correct: bool
    claim_id: str | None = None  # the claim the option comes from, if any


@dataclass(frozen=True, slots=True)
class Step:
    """One hop of the way from a claim to a thesis: `claim` then how it bears on the next."""

    claim_id: str
    text: str
    relation: str | None  # "supports", "attacks", "undercuts the link to"; None at the end
    is_thesis: bool = False


@dataclass(frozen=True, slots=True)
class Explanation:
    model_answer: str
    why: str | None = None  # the relation's own "why"
    note: str | None = None  # the map's teaching note
    location: tuple[Step, ...] = ()
    open_claim: str | None = None  # the claim the explorer opens


@dataclass(frozen=True, slots=True)
class Question:
    drill: DrillKind
    claim_id: str  # with `drill`, the key of the card this question reviews
    prompt: str  # the instruction, written by argmap
    subject: str  # the text asked about, from the map
    options: tuple[Option, ...]
    explanation: Explanation
    text_answers: tuple[TextAnswer, ...] = ()
    themes: tuple[str, ...] = ()
    subject_label: str = "Claim"
    extra: tuple[str, ...] = field(default=())  # further context lines, map text

    @property
    def accepts_text(self) -> bool:
        return bool(self.text_answers)

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        return tuple(i for i, o in enumerate(self.options) if o.correct)
