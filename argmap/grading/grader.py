"""Grading a typed answer against model answers: the one grading function argmap has.

(Interim implementation: key-point matching on words; being replaced.)
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.grading.verdicts import Assessment, PointResult, PointState, Reference, Verdict
from argmap.model import KeyPoint
from argmap.training.wording import find_term, words


def _points(ref: Reference) -> tuple[KeyPoint, ...]:
    return ref.key_points or (KeyPoint(ref.text),)


def _assess_one(answer: str, ref: Reference) -> Assessment:
    found = words(answer)
    results = []
    for kp in _points(ref):
        state, evidence = PointState.MISSED, None
        for term in kp.terms:
            for hit in find_term(found, words(term)):
                shown = " ".join(w.text for w in found[hit.start: hit.start + hit.length])
                if hit.negated:
                    state, evidence = PointState.CONTRADICTED, shown
                elif state is PointState.MISSED:
                    state, evidence = PointState.MADE, shown
        results.append(PointResult(kp.point, state, evidence))
    made = sum(r.state is PointState.MADE for r in results)
    denied = sum(r.state is PointState.CONTRADICTED for r in results)
    score = made / len(results)
    if denied:
        verdict = Verdict.CONTRADICTORY
        score = 0.0
    elif made == len(results):
        verdict = Verdict.CORRECT
    elif made:
        verdict = Verdict.PARTIAL
    else:
        verdict = Verdict.INCORRECT
    return Assessment(verdict, score, tuple(results), ref)


_RANK = {Verdict.CORRECT: 3, Verdict.PARTIAL: 2, Verdict.CONTRADICTORY: 1, Verdict.INCORRECT: 0}


def assess(answer: str, references: Sequence[Reference], *,
           question: str | None = None) -> Assessment:
    """Grade `answer` against each model answer and keep the best.

    `question` is the question's own text, when known: words copied from it
    earn nothing.
    """
    if not references:
        raise ValueError("no model answer to grade against")
    graded = [_assess_one(answer, ref) for ref in references]
    return max(graded, key=lambda a: (a.score, _RANK[a.verdict]))
