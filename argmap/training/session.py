"""A drill session: which questions to ask, grading each answer, saving it at once.

The plain mode and the TUI screen both drive a `DrillSession`: ask for
`next_question()`, show it, pass the user's one line to `answer()`, show the
returned `Feedback`. Each answer is committed to the progress database
before `answer()` returns, so nothing acknowledged can be lost.

Answer lines: an option number picks that option; other text is graded as a
typed answer when the question accepts one; an empty line skips (nothing is
stored, the explanation is still shown).
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fsrs import Rating

from argmap.model import Map
from argmap.training.drills import Drill, all_drills
from argmap.training.grading import Grade, grade_choice, grade_text
from argmap.training.location import describe
from argmap.training.progress import AnswerRecord, Progress
from argmap.training.questions import DrillKind, Question
from argmap.training.scheduling import Candidate, plan_session, rating_for

MODES = ("mixed", "rebut", "support", "source", "flaw", "crux", "switch", "timed")
DEFAULT_COUNT = 10
DEFAULT_ROUND_SECONDS = 90.0
# Points in a timed round: up to 10 for accuracy (the score), up to 10 more for
# speed (one lost per second taken); an answer after the bell earns none.
ACCURACY_POINTS = 10
SPEED_POINTS = 10


@dataclass(frozen=True)
class SessionOptions:
    mode: str = "mixed"
    count: int | None = None  # None: DEFAULT_COUNT, or as many as the clock allows
    seed: int | None = None
    side: str | None = None  # the side the user must argue (the one they disagree with)
    time_limit: float | None = None  # seconds; makes the session a timed round
    thesis: str | None = None

    @property
    def timed(self) -> bool:
        return self.mode == "timed" or self.time_limit is not None


@dataclass(frozen=True)
class Feedback:
    question: Question
    grade: Grade | None  # None when the answer was skipped or not understood
    rating: Rating | None
    seconds: float
    message: str = ""  # why an answer was not graded
    points: int | None = None  # timed rounds only
    review_id: int | None = None

    @property
    def headline(self) -> str:
        if self.grade is None:
            return "Skipped." if not self.message else f"Not graded: {self.message}"
        return self.grade.headline

    def lines(self) -> list[str]:
        """The feedback as plain sentences, headline first (map text included as is)."""
        q, out = self.question, [self.headline]
        if self.grade is not None:
            out += self.grade.details()
            chosen = self.grade.chosen
            if chosen is not None and not chosen.correct:
                out.append(f"You chose: {chosen.text}")
        if self.points is not None:
            out.append(f"Points: {self.points}.")
        exp = q.explanation
        against = self.grade.against if self.grade is not None else None
        if against is not None and against.text != exp.model_answer:
            out.append(f"Your answer was graded against: {against.text}")
        out.append(f"Model answer: {exp.model_answer}")
        if exp.why:
            out.append(f"Why: {exp.why}")
        if exp.note:
            out.append(f"Note: {exp.note}")
        if exp.location:
            out.append(f"In the map: {describe(exp.location)}")
        return out


@dataclass
class Summary:
    asked: int = 0
    answered: int = 0
    correct: int = 0
    skipped: int = 0
    points: int = 0
    seconds: float = 0.0
    by_drill: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


def drills_for(options: SessionOptions) -> dict[DrillKind, Drill]:
    if options.mode not in MODES:
        raise ValueError(f"unknown mode {options.mode!r}; choose one of {', '.join(MODES)}")
    if options.side is not None and options.side not in {"pro", "con"}:
        raise ValueError("--side must be 'pro' or 'con'")
    if options.mode == "switch" and options.side is None:
        raise ValueError("switch sides needs --side pro|con: the side you disagree with, "
                         "which you will argue")
    drills = all_drills(options.side, options.thesis)
    if options.mode in {"mixed", "timed"}:
        return drills
    return {DrillKind(options.mode): drills[DrillKind(options.mode)]}


class DrillSession:
    def __init__(self, the_map: Map, progress: Progress | None,
                 options: SessionOptions = SessionOptions(), *,
                 clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.map = the_map
        self.progress = progress
        self.options = options
        self.drills = drills_for(options)
        self.rng = random.Random(options.seed)
        self.session_id = uuid.uuid4().hex
        self.summary = Summary()
        self._clock = clock
        self._now = now
        self._started: float | None = None
        count = options.count
        if count is None:
            count = 1000 if options.timed else DEFAULT_COUNT
        self.plan = self._plan(max(0, count))
        self._next = 0

    @property
    def time_limit(self) -> float | None:
        if not self.options.timed:
            return None
        return self.options.time_limit if self.options.time_limit else DEFAULT_ROUND_SECONDS

    def _plan(self, count: int) -> list[Candidate]:
        candidates = [Candidate(str(kind), cid, self.map.claims_by_id[cid].themes)
                      for kind, drill in self.drills.items() for cid in drill.targets(self.map)]
        due_at = self.progress.due_at(self.map.id) if self.progress else {}
        accuracy = self.progress.theme_accuracy(self.map.id) if self.progress else {}
        return plan_session(candidates, due_at, accuracy, count, self.rng, self._now())

    def time_left(self) -> float | None:
        limit = self.time_limit
        if limit is None:
            return None
        if self._started is None:
            return limit
        return max(0.0, limit - (self._clock() - self._started))

    def next_question(self) -> Question | None:
        """The next question, or None when the session (or the clock) is over."""
        if self._started is None:
            self._started = self._clock()
        if self.time_left() == 0.0:
            return None
        while self._next < len(self.plan):
            cand = self.plan[self._next]
            self._next += 1
            question = self.drills[DrillKind(cand.drill)].question(self.map, cand.claim_id,
                                                                   self.rng)
            if question is not None:
                self.summary.asked += 1
                return question
        return None

    @property
    def total(self) -> int:
        return len(self.plan)

    def answer(self, question: Question, line: str, seconds: float,
               hinted: bool = False) -> Feedback:
        """Grade one line (option number, typed answer, or empty to skip) and save it."""
        text = line.strip()
        late = self.time_left() == 0.0
        self.summary.seconds += seconds
        if not text:
            self.summary.skipped += 1
            return Feedback(question, None, None, seconds)
        grade: Grade | None = None
        if text.isdigit() and question.options:
            number = int(text)
            if not 1 <= number <= len(question.options):
                self.summary.skipped += 1
                return Feedback(question, None, None, seconds,
                                f"there is no option {number} (choose 1-{len(question.options)})")
            grade = grade_choice(question, number - 1)
            stored = f"option {number}: {question.options[number - 1].text}"
        elif question.accepts_text:
            grade = grade_text(question, text)
            stored = text
        else:
            self.summary.skipped += 1
            return Feedback(question, None, None, seconds,
                            f"this question takes an option number (1-{len(question.options)})")
        rating = rating_for(grade, seconds, hinted=hinted)
        review_id = None
        if self.progress is not None:
            review_id = self.progress.record(AnswerRecord(
                self.map.id, str(question.drill), question.claim_id, question.themes,
                grade.correct, grade.score, rating, round(seconds, 3), hinted, stored,
                self.session_id), self._now())
        points = None
        if self.options.timed:
            points = 0 if late else round(ACCURACY_POINTS * grade.score) + (
                max(0, round(SPEED_POINTS - seconds)) if grade.correct else 0)
            self.summary.points += points
        self.summary.answered += 1
        self.summary.correct += int(grade.correct)
        n, ok = self.summary.by_drill.get(str(question.drill), (0, 0))
        self.summary.by_drill[str(question.drill)] = (n + 1, ok + int(grade.correct))
        return Feedback(question, grade, rating, seconds, points=points, review_id=review_id)
