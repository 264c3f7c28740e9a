"""How an answer becomes a grade, and why the grade is not a similarity score.

A typed answer earns the share of the model answer's key points it makes.
Each key point counts when one of its terms (the point or a synonym; phrases
word by word, in order) occurs in the answer on whole words, with typos
forgiven by `argmap.training.wording`. Three guards stop the usual games:

* **Negation**: a term with "not", "never", "no", "without", "n't", ... up to
  three words before it (in the same clause) contradicts the point instead of
  making it, unless the key point is itself negative. "never consented" does
  not make the point "consented".
* **Padding**: an answer longer than `max(30, 3 x the model answer's words)`
  words is capped at half marks: pasting half the map covers everything.
* **Keyword salad**: an answer of 5 words or more in which over 60 % of the
  words are key terms, or with no grammatical word at all, or which names one
  key point by 3 or more of its terms, is a list rather than an argument and
  is capped at half marks.

An answer is right when its score reaches `PASS_MARK`, complete when it is 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from argmap.model import KeyPoint
from argmap.training.questions import Option, Question, TextAnswer
from argmap.training.wording import FUNCTION_WORDS, find_term, words

PASS_MARK = 0.5
CAPPED_SCORE = 0.5
PADDING_MIN_LIMIT = 30
PADDING_FACTOR = 3
SALAD_MIN_WORDS = 5
SALAD_KEY_SHARE = 0.6
SYNONYM_LIST_TERMS = 3


class PointState(StrEnum):
    COVERED = "covered"
    MISSED = "missed"
    CONTRADICTED = "contradicted"


@dataclass(frozen=True, slots=True)
class PointResult:
    point: str
    state: PointState
    matched: str | None = None  # the answer's words that made or denied it


@dataclass(frozen=True, slots=True)
class TextGrade:
    score: float
    coverage: float
    points: tuple[PointResult, ...]
    caps: tuple[str, ...] = ()  # why the score was held below the coverage

    def named(self, state: PointState) -> list[PointResult]:
        return [p for p in self.points if p.state is state]


@dataclass(frozen=True, slots=True)
class Grade:
    correct: bool
    complete: bool
    score: float
    chosen: Option | None = None
    text: TextGrade | None = None
    against: TextAnswer | None = None  # the model answer a typed reply was graded on

    @property
    def headline(self) -> str:
        if self.correct and self.complete:
            return "Correct."
        if self.correct:
            return "Partly right."
        return "Not quite."

    def details(self) -> list[str]:
        """Plain sentences naming what was covered, missed and contradicted."""
        if self.text is None:
            return []
        lines = []
        covered = self.text.named(PointState.COVERED)
        missed = self.text.named(PointState.MISSED)
        denied = self.text.named(PointState.CONTRADICTED)
        if covered:
            lines.append("Covered: " + "; ".join(
                f"{p.point} (you wrote \"{p.matched}\")" if p.matched and p.matched != p.point
                else p.point for p in covered))
        if denied:
            lines.append("Contradicted: " + "; ".join(
                f"{p.point} (you wrote \"{p.matched}\")" for p in denied))
        if missed:
            lines.append("Missed: " + "; ".join(p.point for p in missed))
        lines.extend(self.text.caps)
        lines.append(f"Score: {round(self.score * 100)}%.")
        return lines


def grade_key_points(answer: str, key_points: Sequence[KeyPoint], model_answer: str) -> TextGrade:
    found = words(answer)
    results: list[PointResult] = []
    key_positions: set[int] = set()
    listing = False
    for kp in key_points:
        state, matched, terms_used = PointState.MISSED, None, 0
        for term in kp.terms:
            hits = find_term(found, words(term))
            if not hits:
                continue
            terms_used += 1
            for hit in hits:
                key_positions.update(range(hit.start, hit.start + hit.length))
                shown = " ".join(w.text for w in found[max(0, hit.start - 3) if hit.negated
                                                       else hit.start: hit.start + hit.length])
                if hit.negated:
                    state, matched = PointState.CONTRADICTED, shown
                elif state is PointState.MISSED:
                    state, matched = PointState.COVERED, shown
        listing = listing or terms_used >= SYNONYM_LIST_TERMS
        results.append(PointResult(kp.point, state, matched))
    total = len(key_points)
    coverage = (sum(r.state is PointState.COVERED for r in results) / total) if total else 0.0
    caps: list[str] = []
    limit = max(PADDING_MIN_LIMIT, PADDING_FACTOR * len(words(model_answer)))
    if len(found) > limit:
        caps.append(f"Capped at half marks: {len(found)} words is padding; "
                    f"make the point in at most {limit}.")
    if len(found) >= SALAD_MIN_WORDS:
        key_share = len(key_positions) / len(found)
        no_grammar = not any(w.text in FUNCTION_WORDS for w in found)
        if key_share > SALAD_KEY_SHARE or no_grammar or listing:
            caps.append("Capped at half marks: that reads as a list of keywords; "
                        "argue the point in a sentence.")
    score = min(coverage, CAPPED_SCORE) if caps else coverage
    return TextGrade(score, coverage, tuple(results), tuple(caps))


def grade_choice(question: Question, index: int) -> Grade:
    option = question.options[index]
    return Grade(option.correct, option.correct, 1.0 if option.correct else 0.0, chosen=option)


def grade_text(question: Question, answer: str) -> Grade:
    """Grade a typed reply against the best-matching model answer of the question."""
    best: tuple[TextGrade, TextAnswer] | None = None
    for model in question.text_answers:
        graded = grade_key_points(answer, model.key_points, model.text)
        if best is None or graded.score > best[0].score:
            best = (graded, model)
    if best is None:
        raise ValueError("this question takes an option number, not text")
    graded, model = best
    return Grade(graded.score >= PASS_MARK, graded.score >= 1.0, graded.score,
                 text=graded, against=model)
