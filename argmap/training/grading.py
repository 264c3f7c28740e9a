"""A drill's grade: an option picked, or a typed answer assessed by `argmap.grading`.

The typed-answer judgment itself lives in `argmap.grading.assess`, the one
grading function `argmap grade` and the class report use too. This module
only adds what belongs to a drill question: options, and which of the
question's model answers a reply was graded against.

Only `correct` counts as right: it alone earns Good or Easy in the schedule;
`partial` is Hard; `contradictory` and `incorrect` are Again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from argmap.flaws import assess_flaw_name
from argmap.grading import Assessment, PointState, Reference, Verdict, assess
from argmap.grading.elsewhere import answered_elsewhere, elsewhere_sentence
from argmap.grading.grader import listed
from argmap.model import Map
from argmap.sides import Side, sides
from argmap.training.questions import DrillKind, Option, Question

HEADLINES = {
    Verdict.CORRECT: "Correct.",
    Verdict.PARTIAL: "Partly right.",
    Verdict.CONTRADICTORY: "Contradicts the point.",
    Verdict.INCORRECT: "Not quite.",
}


@dataclass(frozen=True, slots=True)
class Grade:
    verdict: Verdict
    score: float
    chosen: Option | None = None
    assessment: Assessment | None = None

    @property
    def correct(self) -> bool:
        return self.verdict is Verdict.CORRECT

    @property
    def complete(self) -> bool:
        return self.correct and self.score >= 1.0

    @property
    def against(self) -> Reference | None:
        return self.assessment.reference if self.assessment is not None else None

    @property
    def headline(self) -> str:
        return HEADLINES[self.verdict]

    def details(self) -> list[str]:
        """Plain sentences naming what was made, missed and contradicted."""
        if self.assessment is None:
            return []
        return [*self.assessment.feedback, f"Score: {round(self.score * 100)}%."]

    def named(self, state: PointState) -> list[str]:
        if self.assessment is None:
            return []
        return [p.point for p in self.assessment.named(state)]


def grade_choice(question: Question, index: int) -> Grade:
    option = question.options[index]
    verdict = Verdict.CORRECT if option.correct else Verdict.INCORRECT
    return Grade(verdict, 1.0 if option.correct else 0.0, chosen=option)


def grade_text(question: Question, answer: str, the_map: Map | None = None) -> Grade:
    """Grade a typed reply against the question's model answers (the best match wins).

    Given the map, an answer that misses the question but makes another
    claim's point is told which claim it answers instead. A flaw's name is
    graded against the flaw vocabulary (`argmap.flaws`).
    """
    if not question.text_answers:
        raise ValueError("this question takes an option number, not text")
    if question.drill is DrillKind.FLAW:
        # A flaw's name is a term, not an argument: it is read against the vocabulary.
        named = assess_flaw_name(answer, question.text_answers[0].text)
        return Grade(named.verdict, named.score, assessment=named)
    assessment = assess(answer, question.text_answers, question=question.subject)
    if (
        the_map is not None
        and assessment.verdict in (Verdict.INCORRECT, Verdict.PARTIAL)
        and not assessment.caps
    ):
        own = [
            question.claim_id,
            *(ref.claim_id for ref in question.text_answers if ref.claim_id is not None),
        ]
        other = answered_elsewhere(the_map, answer, own, assessment.fit)
        if other is not None:
            sentence = elsewhere_sentence(the_map, other, question.subject)
            assessment = replace(assessment, feedback=(sentence, *assessment.feedback))
            wrong_side = WRONG_SIDE.get(
                (question.drill, sides(the_map, question.claim_id).get(other))
            )
            if wrong_side is not None and assessment.verdict is Verdict.PARTIAL:
                # The word or two of the model answer it holds serve the other side's
                # point: none of the model answer's points is made.
                points = tuple(
                    replace(p, state=PointState.MISSED, evidence=None)
                    if p.state is PointState.MADE
                    else p
                    for p in assessment.points
                )
                missed = [p.point for p in points if p.state is PointState.MISSED]
                assessment = replace(
                    assessment,
                    verdict=Verdict.INCORRECT,
                    score=0.0,
                    points=points,
                    feedback=(sentence, wrong_side, listed("Missed", missed)),
                    caps=(*assessment.caps, wrong_side),
                )
    return Grade(assessment.verdict, assessment.score, assessment=assessment)


# A rebuttal that makes the point of a claim on the claim's own side (or a support
# that makes an attacker's point) argues the other side: `incorrect`, not `partial`.
WRONG_SIDE: dict[tuple[DrillKind, Side | None], str] = {
    (DrillKind.REBUT, Side.PRO): "That argues for the claim you were asked to rebut.",
    (DrillKind.SUPPORT, Side.CON): "That argues against the claim you were asked to support.",
}
