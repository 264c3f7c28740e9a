"""What the session does with each kind of line: no peeking, hints, the student's last word."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from fsrs import Rating

from argmap.flaws import find_flaw
from argmap.grading import Verdict
from argmap.model import Map
from argmap.training.plain import run_plain
from argmap.training.progress import DATABASE_NAME, Progress
from argmap.training.questions import Question
from argmap.training.scheduling import rebuild_schedule
from argmap.training.session import (
    AskAgain,
    DrillSession,
    Feedback,
    HintGiven,
    Overridden,
    SessionOptions,
)
from argmap.training.stats import load_stats

WRONG_TEXT = "Bananas are yellow and the sea is wet."


def first(
    session: DrillSession, want: str | None = None, *, options: int = 0, typed: bool | None = None
) -> Question:
    """The first question of the session that fits (claim id, options, typed answers)."""
    while (q := session.next_question()) is not None:
        if (
            (want is None or q.claim_id == want)
            and len(q.options) >= options
            and (typed is None or q.accepts_text == typed)
        ):
            return q
    raise AssertionError("no such question in the session")


def reviews(path: Path) -> list[tuple[object, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(
            "SELECT claim_id, verdict, rating, hinted, typed, answer FROM reviews ORDER BY id"
        ).fetchall()
    finally:
        db.close()


def test_an_unreadable_line_asks_again_and_shows_and_stores_nothing(
    drill_map: Map, progress: Progress
) -> None:
    session = DrillSession(drill_map, progress, SessionOptions(mode="source", count=3, seed=0))
    q = first(session)
    for line in ("9", "hello", "5" * 5000, "#0"):
        outcome = session.answer(q, line, 2.0)
        assert isinstance(outcome, AskAgain), line
        assert q.explanation.model_answer not in outcome.message
        assert all(o.text not in outcome.message for o in q.options)
    assert progress.log() == [] and session.summary.answered == 0
    right = q.correct_indexes[0] + 1
    done = session.answer(q, f"({right})", 2.0)
    assert isinstance(done, Feedback) and done.grade is not None and done.grade.correct
    assert len(progress.log()) == 1


def test_a_hint_strikes_wrong_options_is_never_stored_and_makes_the_answer_hard(
    drill_map: Map, tmp_path: Path
) -> None:
    with Progress.open(tmp_path / DATABASE_NAME) as progress:
        session = DrillSession(drill_map, progress, SessionOptions(mode="rebut", count=5, seed=0))
        q = first(session, options=4)
        hint = session.answer(q, "?", 1.0)
        assert isinstance(hint, HintGiven) and hint.struck
        assert all(not q.options[i].correct for i in hint.struck)
        assert progress.log() == []  # the hint is not an answer
        done = session.answer(q, str(q.correct_indexes[0] + 1), 3.0)
        assert isinstance(done, Feedback) and done.rating == Rating.Hard and done.hinted
    assert reviews(tmp_path / DATABASE_NAME)[0][3] == 1  # stored as hinted


def test_the_flaw_hint_defines_the_flaw_without_naming_it(drill_map: Map) -> None:
    session = DrillSession(drill_map, None, SessionOptions(mode="flaw", count=3, seed=0))
    q = first(session)
    session.answer(q, "?", 1.0)  # strikes the one wrong option it can
    hint = session.answer(q, "?", 1.0)
    assert isinstance(hint, HintGiven)
    flaw = find_flaw(q.explanation.model_answer)
    assert flaw is not None and flaw.definition in hint.message
    assert q.explanation.model_answer not in hint.message


def test_the_student_overrides_a_typed_grade_and_the_schedule_follows(
    drill_map: Map, tmp_path: Path
) -> None:
    database = tmp_path / DATABASE_NAME
    with Progress.open(database) as progress:
        session = DrillSession(drill_map, progress, SessionOptions(mode="rebut", count=5, seed=0))
        q = first(session, typed=True)
        graded = session.answer(q, WRONG_TEXT, 20.0)
        assert isinstance(graded, Feedback) and graded.can_override
        assert graded.grade is not None and graded.grade.verdict is Verdict.INCORRECT
        assert graded.rating == Rating.Again
        nxt = session.next_question()
        assert nxt is not None
        corrected = session.answer(nxt, "/right", 1.0)  # typed before the next answer
        assert isinstance(corrected, Overridden) and corrected.verdict is Verdict.CORRECT
        assert corrected.rating in (Rating.Good, Rating.Easy)
        assert session.summary.correct == 1 and session.summary.overridden == 1
        # The schedule replays the student's rating; the cache agrees with the replay.
        log = progress.log()
        assert [r.rating for r in log] == [corrected.rating]
        assert progress.cards() == rebuild_schedule(log)
        db = sqlite3.connect(database)
        assert db.execute("SELECT verdict FROM reviews").fetchall() == [("incorrect",)]
        assert db.execute("SELECT review_id, verdict FROM overrides").fetchall() == [
            (graded.review_id, "correct")
        ]
        db.close()
    stats = load_stats(database)
    assert stats.correct == 1
    assert stats.overrides.to_json() == {
        "typed_answers": 1,
        "overridden": 1,
        "raised": 1,
        "lowered": 0,
    }


def test_an_option_answer_cannot_be_overridden(drill_map: Map, progress: Progress) -> None:
    session = DrillSession(drill_map, progress, SessionOptions(mode="source", count=3, seed=0))
    assert isinstance(session.override(Verdict.CORRECT), AskAgain)  # nothing answered yet
    q = first(session)
    wrong = next(i for i, o in enumerate(q.options, 1) if not o.correct)
    session.answer(q, str(wrong), 2.0)
    nxt = session.next_question()
    assert nxt is not None
    assert isinstance(session.answer(nxt, "/right", 1.0), AskAgain)
    assert session.summary.correct == 0


def test_plain_mode_hint_retry_and_override_lines(drill_map: Map, tmp_path: Path) -> None:
    database = tmp_path / DATABASE_NAME
    with Progress.open(database) as progress:
        session = DrillSession(drill_map, progress, SessionOptions(mode="rebut", count=2, seed=0))
        # Question 1 (options and typed): ?, then a typed answer, then /right for it;
        # question 2: 9 (no such option), then an answer; then the last word: /partly.
        lines = ["?", WRONG_TEXT, "/right", "9", "1", "/partly", ""]
        out = io.StringIO()
        assert run_plain(session, io.StringIO("\n".join(lines) + "\n"), out) == 0
    text = out.getvalue()
    assert "Hint: option" in text
    assert "Think the grade is wrong? Before your next answer, type /right" in text
    assert "Noted: you marked your answer right (the grader said wrong)" in text
    assert "Not understood: there is no such option" in text
    assert text.count("Model answer:") == 2  # nothing shown for the lines that were not answers
    rows = reviews(database)
    assert len(rows) == 2 and rows[0][3] == 1 and rows[0][4] == 1  # hinted, typed
    assert rows[0][5] == WRONG_TEXT  # neither "?" nor "/right" stored as an answer


def test_the_last_typed_answer_can_be_corrected_after_the_last_question(
    drill_map: Map, tmp_path: Path
) -> None:
    database = tmp_path / DATABASE_NAME
    with Progress.open(database) as progress:
        session = DrillSession(drill_map, progress, SessionOptions(mode="flaw", count=1, seed=0))
        out = io.StringIO()
        run_plain(session, io.StringIO("not a flaw name at all\n/right\n"), out)
        assert "To correct that grade type /right" in out.getvalue()
        assert "1 grade corrected by you" in out.getvalue()
        assert session.summary.correct == 1
    # With nothing after the last answer, the session still ends cleanly.
    with Progress.open(tmp_path / "other.sqlite3") as progress:
        session = DrillSession(drill_map, progress, SessionOptions(mode="flaw", count=1, seed=0))
        out = io.StringIO()
        assert run_plain(session, io.StringIO("not a flaw name at all\n"), out) == 0
        assert "Session over: 1 answered, 0 correct" in out.getvalue()
