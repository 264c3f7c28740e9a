"""A drill session: which questions to ask, grading each answer, saving it at once.

The plain mode and the TUI screen both drive a `DrillSession`: ask for
`next_question()`, show it, pass the user's one line to `answer()`, show the
returned `Feedback`. Each answer is committed to the progress database
before `answer()` returns, so nothing acknowledged can be lost.

`answer()` reads the line through `argmap.training.replies.read_reply`, the
one parser both UIs share, and returns one of:

* `Feedback`: an option picked or a typed answer graded (and saved), or a skip;
* `HintGiven`: `?` was typed; nothing is stored, the question stays open, and
  the answer given after it is rated as hinted;
* `AskAgain`: the line named no option on a question that takes only
  options (or an option that does not exist); nothing is stored and nothing
  about the answer is shown;
* `Overridden`: `/right`, `/partly` or `/wrong` gave the student's own
  verdict on the previous typed answer; the question stays open.
"""

from __future__ import annotations

import dataclasses
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fsrs import Rating

from argmap.flaws import find_flaw
from argmap.grading import Verdict
from argmap.map_identity import identify
from argmap.model import Map
from argmap.sides import reach
from argmap.training.drills import (
    CruxesUnavailable,
    CruxSource,
    Drill,
    all_drills,
    in_process_cruxes,
    located_on,
)
from argmap.training.grading import Grade, grade_choice, grade_text
from argmap.training.location import describe
from argmap.training.progress import AnswerRecord, Progress
from argmap.training.questions import DrillKind, Question
from argmap.training.replies import ReplyKind, read_reply
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
    grade: Grade | None  # None when the question was skipped
    rating: Rating | None
    seconds: float
    points: int | None = None  # timed rounds only
    review_id: int | None = None
    hinted: bool = False
    student_verdict: Verdict | None = None  # set when the student corrected the grade

    @property
    def headline(self) -> str:
        if self.grade is None:
            return "Skipped."
        return self.grade.headline

    @property
    def can_override(self) -> bool:
        """A typed answer's grade, which the student may correct."""
        return self.grade is not None and self.grade.assessment is not None

    def lines(self, ids: bool = False) -> list[str]:
        """The feedback as plain sentences, headline first (map text included as is);
        `ids` adds the claims' ids to the "In the map" line (which names them by text)."""
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
        where = self.location_line(ids)
        if where:
            out.append(where)
        return out

    def location_line(self, ids: bool = False) -> str | None:
        """ "In the map: ..." naming the claims by their text (and their ids with `ids`)."""
        location = self.question.explanation.location
        return f"In the map: {describe(location, ids)}" if location else None


OVERRIDE_HELP = (
    "Think the grade is wrong? Before your next answer, type /right (I made "
    "the point), /partly or /wrong."
)


@dataclass(frozen=True)
class HintGiven:
    """A hint for the open question: a message, and the options struck out so far."""

    message: str
    struck: tuple[int, ...] = ()  # option indexes, from 0


@dataclass(frozen=True)
class AskAgain:
    """The line could not be used: nothing was stored and nothing of the answer shown."""

    message: str


@dataclass(frozen=True)
class Overridden:
    """The student's own verdict on a typed answer's grade, stored with the grader's."""

    feedback: Feedback  # the feedback whose grade was corrected
    verdict: Verdict  # the student's
    rating: Rating | None  # what the schedule now uses

    @property
    def message(self) -> str:
        grader = self.feedback.grade.verdict if self.feedback.grade else None
        return (
            f"Noted: you marked your answer {_VERDICT_WORDS[self.verdict]} "
            f"(the grader said {_VERDICT_WORDS[grader] if grader else 'nothing'}). "
            "Your verdict is the one your schedule and stats use."
        )


_VERDICT_WORDS = {
    Verdict.CORRECT: "right",
    Verdict.PARTIAL: "partly right",
    Verdict.CONTRADICTORY: "contradicting the point",
    Verdict.INCORRECT: "wrong",
}

Outcome = Feedback | HintGiven | AskAgain | Overridden


@dataclass
class Summary:
    asked: int = 0
    answered: int = 0
    correct: int = 0
    skipped: int = 0
    points: int = 0
    seconds: float = 0.0
    overridden: int = 0
    by_drill: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


def drills_for(
    options: SessionOptions, cruxes: CruxSource = in_process_cruxes
) -> dict[DrillKind, Drill]:
    if options.mode not in MODES:
        raise ValueError(f"unknown mode {options.mode!r}; choose one of {', '.join(MODES)}")
    if options.side is not None and options.side not in {"pro", "con"}:
        raise ValueError("--side must be 'pro' or 'con'")
    if options.mode == "switch" and options.side is None:
        raise ValueError(
            "switch sides needs --side pro|con: the side you disagree with, which you will argue"
        )
    drills = all_drills(options.side, options.thesis, cruxes)
    if options.mode in {"mixed", "timed"}:
        return drills
    return {DrillKind(options.mode): drills[DrillKind(options.mode)]}


class DrillSession:
    def __init__(
        self,
        the_map: Map,
        progress: Progress | None,
        options: SessionOptions = SessionOptions(),
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        cruxes: CruxSource = in_process_cruxes,
    ) -> None:
        """`cruxes`: where the crux drill gets its cruxes (`CruxSource`; default:
        searched in the thread that asks for the question)."""
        self.map = the_map
        self.map_identity = identify(the_map)  # recorded with each answer
        self.progress = progress
        self.options = options
        self.drills = drills_for(options, cruxes)
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
        self._open: Question | None = None  # the question asked and not yet answered
        self._struck: tuple[int, ...] = ()  # its options struck out by hints
        self._hinted = False
        self.last_feedback: Feedback | None = None  # what /right etc. would correct
        self.left_out: list[str] = []  # why cards were left out (the cruxes could not be found)

    @property
    def time_limit(self) -> float | None:
        if not self.options.timed:
            return None
        return self.options.time_limit if self.options.time_limit else DEFAULT_ROUND_SECONDS

    def _plan(self, count: int) -> list[Candidate]:
        candidates = [
            Candidate(str(kind), cid, self.map.claims_by_id[cid].themes)
            for kind, drill in self.drills.items()
            for cid in drill.targets(self.map)
            if self._on_thesis(kind, cid)
        ]
        due_at = self.progress.due_at(self.map.id) if self.progress else {}
        accuracy = self.progress.theme_accuracy(self.map.id) if self.progress else {}
        return plan_session(candidates, due_at, accuracy, count, self.rng, self._now())

    def _on_thesis(self, kind: DrillKind, claim_id: str) -> bool:
        """With `options.thesis`, only that thesis's branch is asked about (its
        cruxes only, for the crux hunt); without, the whole map."""
        thesis = self.options.thesis
        if thesis is None:
            return True
        if kind is DrillKind.CRUX:
            return claim_id == thesis
        return claim_id in reach(self.map, thesis).sides

    def _located(self, question: Question) -> Question:
        """With `options.thesis`, the "In the map" chain leads to that thesis, even
        where a claim it shares with another thesis is nearer to the other."""
        thesis = self.options.thesis
        return question if thesis is None else located_on(self.map, question, thesis)

    def time_left(self) -> float | None:
        limit = self.time_limit
        if limit is None:
            return None
        if self._started is None:
            return limit
        return max(0.0, limit - (self._clock() - self._started))

    def next_question(self) -> Question | None:
        """The next question, or None when the session (or the clock) is over.

        A card whose question cannot be made is passed over; when that is
        because the cruxes could not be found, `left_out` says so.
        """
        if self._started is None:
            self._started = self._clock()
        if self.time_left() == 0.0:
            return None
        while self._next < len(self.plan):
            cand = self.plan[self._next]
            self._next += 1
            try:
                question = self.drills[DrillKind(cand.drill)].question(
                    self.map, cand.claim_id, self.rng
                )
            except CruxesUnavailable as exc:
                self.left_out.append(f"A crux question was left out: {exc}")
                continue
            if question is not None:
                question = self._located(question)
                self.summary.asked += 1
                self._open, self._struck, self._hinted = question, (), False
                return question
        return None

    @property
    def total(self) -> int:
        return len(self.plan)

    def answer(
        self, question: Question, line: str, seconds: float, hinted: bool = False
    ) -> Outcome:
        """Act on one line typed for `question` (see the module docstring for the outcomes).

        `seconds` is the time since the question was shown, hints and retries
        included. A hint given through `hint()` (or `?`) makes the answer hinted.
        """
        reply = read_reply(question, line)
        if reply.kind is ReplyKind.HINT:
            return self.hint(question)
        if reply.kind is ReplyKind.UNCLEAR:
            return AskAgain(reply.message)
        if reply.kind is ReplyKind.OVERRIDE:
            assert reply.verdict is not None
            return self.override(reply.verdict)
        hinted = hinted or (self._hinted and question is self._open)
        late = self.time_left() == 0.0
        self.summary.seconds += seconds
        if question is self._open:
            self._open = None
        if reply.kind is ReplyKind.SKIP:
            self.summary.skipped += 1
            self.last_feedback = Feedback(question, None, None, seconds)
            return self.last_feedback
        if reply.kind is ReplyKind.CHOICE:
            assert reply.index is not None
            grade = grade_choice(question, reply.index)
            stored = f"option {reply.index + 1}: {question.options[reply.index].text}"
        else:
            grade = grade_text(question, reply.text, self.map)
            stored = reply.text
        rating = rating_for(grade, seconds, hinted=hinted)
        review_id = None
        if self.progress is not None:
            review_id = self.progress.record(
                AnswerRecord(
                    self.map.id,
                    str(question.drill),
                    question.claim_id,
                    question.themes,
                    grade.correct,
                    grade.score,
                    rating,
                    round(seconds, 3),
                    hinted,
                    stored,
                    self.session_id,
                    grade.verdict,
                    grade.assessment is not None,
                    self.map_identity,
                ),
                self._now(),
            )
        points = None
        if self.options.timed:
            points = (
                0
                if late
                else round(ACCURACY_POINTS * grade.score)
                + (max(0, round(SPEED_POINTS - seconds)) if grade.correct else 0)
            )
            self.summary.points += points
        self.summary.answered += 1
        self._count(str(question.drill), grade.correct, +1)
        self.last_feedback = Feedback(
            question, grade, rating, seconds, points=points, review_id=review_id, hinted=hinted
        )
        return self.last_feedback

    def _count(self, drill: str, correct: bool, answers: int) -> None:
        """Add one answer (or, with `answers` 0, a change of verdict) to the summary."""
        self.summary.correct += int(correct) if answers else (1 if correct else -1)
        n, ok = self.summary.by_drill.get(drill, (0, 0))
        self.summary.by_drill[drill] = (
            n + answers,
            ok + (int(correct) if answers else (1 if correct else -1)),
        )

    def hint(self, question: Question) -> HintGiven:
        """Strike out half the wrong options still shown, else point at what to say.

        The hint logic of both UIs: the answer that follows is rated as hinted
        (Hard at best). Nothing is stored; asking again strikes out more.
        """
        if question is not self._open:
            self._open, self._struck = question, ()
        wrong = [
            i for i, o in enumerate(question.options) if not o.correct and i not in self._struck
        ]
        if len(wrong) >= 2:
            struck = wrong[: len(wrong) // 2]
            self._struck = (*self._struck, *struck)
            self._hinted = True
            numbers = ", ".join(str(i + 1) for i in struck)
            return HintGiven(
                f"Hint: option {numbers} is wrong."
                if len(struck) == 1
                else f"Hint: options {numbers} are wrong.",
                self._struck,
            )
        message = _pointer(question)
        if message is None:
            return HintGiven("No hint for this one.", self._struck)
        self._hinted = True
        return HintGiven(message, self._struck)

    def override(self, verdict: Verdict) -> Overridden | AskAgain:
        """The student's own verdict on the last typed answer: stored beside the grader's,
        and the one the schedule and the stats use from now on."""
        last = self.last_feedback
        if last is None or not last.can_override or last.grade is None:
            return AskAgain(
                "/right, /partly and /wrong correct the grade of the typed "
                "answer just given; there is none to correct"
            )
        grade = dataclasses.replace(last.grade, verdict=verdict)
        rating = rating_for(grade, last.seconds, hinted=last.hinted)
        if self.progress is not None and last.review_id is not None:
            self.progress.override(last.review_id, verdict, rating, self._now())
        before = last.student_verdict or last.grade.verdict
        if (before is Verdict.CORRECT) != (verdict is Verdict.CORRECT):
            self._count(str(last.question.drill), verdict is Verdict.CORRECT, 0)
        if last.student_verdict is None and verdict is not last.grade.verdict:
            self.summary.overridden += 1
        self.last_feedback = dataclasses.replace(last, student_verdict=verdict, rating=rating)
        return Overridden(self.last_feedback, verdict, rating)


def _pointer(question: Question) -> str | None:
    """A hint for a typed answer: the flaw's definition, or one point to make."""
    if question.drill is DrillKind.FLAW and question.text_answers:
        flaw = find_flaw(question.text_answers[0].text)
        if flaw is not None:
            return f"Hint: the flaw is this: {flaw.definition}"
    points = [kp.point for t in question.text_answers for kp in t.key_points]
    if points:
        return f'Hint: think about "{points[0]}".'
    return None
