"""N510: a model answer that the grader would not grade right if a student copied it.

A map's key points and its model answers' texts are written apart, and the
grader reads both: when a key point's words are negated, turned or missing in
the claim's own text, a student who writes exactly the model answer is told
they missed or contradicted it. `argmap check --grading` grades each model
answer, word for word, against its own question through the drill's own
grading (`argmap.training.grading.grade_text`, with the map), so the author
sees the grader's verdict and feedback before a student does.

This grades every question of the map, some milliseconds each, so it runs
only when asked for (not with `--notes`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic, Severity
from argmap.model import Map

if TYPE_CHECKING:
    from argmap.checking import CheckContext

CODE = "N510"
DRILLS = ("rebut", "support")


@dataclass(frozen=True, slots=True)
class Misgraded:
    """A model answer graded other than `correct` against its own question."""

    question_claim: str
    drill: str
    answer_claim: str
    verdict: str
    feedback: tuple[str, ...]


def misgraded_model_answers(the_map: Map) -> Iterator[Misgraded]:
    """Every (question, model answer) whose own text is not graded `correct`."""
    from argmap.grading.batch import map_question
    from argmap.training.grading import grade_text

    for claim in the_map.claims:
        for drill in DRILLS:
            question = map_question(the_map, claim.id, drill)
            if isinstance(question, str):
                continue  # no such question (no model answer with key points)
            for ref in question.text_answers:
                if ref.claim_id is None or not ref.key_points:
                    continue
                grade = grade_text(question, ref.text, the_map)
                if grade.correct:
                    continue
                feedback = grade.assessment.feedback if grade.assessment is not None else ()
                yield Misgraded(claim.id, drill, ref.claim_id, grade.verdict.value, feedback)


def rule_model_answers_graded(m: Map, ctx: CheckContext) -> Iterator[Diagnostic]:
    for found in misgraded_model_answers(m):
        answer = m.claims_by_id[found.answer_claim]
        said = " ".join(found.feedback) or "no feedback"
        yield ctx.diag(
            answer.positions.get("key_points", answer.pos),
            Severity.NOTE,
            CODE,
            f"{found.answer_claim!r}, copied word for word as an answer to "
            f"{found.drill} {found.question_claim!r}, is graded {found.verdict}: {said}",
            "give the key point a synonym in the words the text uses, or reword the text "
            "so that it makes the point",
        )
