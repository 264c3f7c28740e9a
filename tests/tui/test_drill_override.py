"""The drill screen and the session's replies: asking again, hints, the student's last word,
headline colours for the four verdicts, and a flaw's definition in the explorer."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from argmap.flaws import find_flaw
from argmap.grading import Assessment, Reference, Verdict
from argmap.loading import load_map
from argmap.training.grading import Grade
from argmap.training.progress import DATABASE_NAME, Progress
from argmap.training.session import DrillSession, Feedback, SessionOptions
from argmap_tui.screens.drill import (
    HEADLINE_STYLES,
    SKIPPED_STYLE,
    DrillScreen,
    feedback_text,
    session_start,
)
from argmap_tui.widgets.question import QuestionView
from tests.tui.support import EXAMPLE, Host, detail_text, make_app, settle, worked

DRILL_MAP = Path(__file__).resolve().parents[1] / "training" / "data" / "drill-map.yaml"
WRONG_TEXT = "Bananas are yellow and the sea is wet."


def database() -> Path:
    return Path(os.environ["ARGMAP_DATA_DIR"]) / DATABASE_NAME


def host(
    mode: str, seed: int = 0, theme: str = "textual-dark", database: Path | None = None
) -> Host:
    """The drill screen alone, its session started by the screen (saving to `database`)."""
    the_map = load_map(DRILL_MAP).map
    assert the_map is not None
    options = SessionOptions(mode=mode, seed=seed, count=3)
    return Host(lambda: DrillScreen(the_map, session_start(the_map, options, database)), theme)


def session_for(mode: str, seed: int = 0) -> DrillSession:
    the_map = load_map(DRILL_MAP).map
    assert the_map is not None
    return DrillSession(the_map, None, SessionOptions(mode=mode, seed=seed, count=3))


async def pause(pilot: Pilot[object]) -> None:
    await worked(pilot)


async def test_a_line_that_is_no_option_asks_again_and_shows_nothing() -> None:
    with Progress.open(database()) as progress:  # the test's own connection, to look
        app = host("source", database=database())
        async with app.run_test(size=(100, 40), notifications=True) as pilot:
            await pause(pilot)
            screen = app.screen
            view = screen.query_one(QuestionView)
            await pilot.press("9", "enter")
            await pause(pilot)
            assert not screen.query("#feedback")  # no model answer shown
            answer = view.query_one("#answer", Input)
            assert not answer.disabled and answer.value == "" and app.focused is answer
            assert any("Not understood" in n.message for n in app._notifications)
            assert progress.log() == []
            right = view.question.correct_indexes[0] + 1
            await pilot.press("(", str(right), ")", "enter")
            await pause(pilot)
            assert str(screen.query_one("#feedback", Static).render()).startswith("Correct.")
            assert len(progress.log()) == 1


async def test_keys_after_a_typed_answer_override_the_grade() -> None:
    app = host("flaw", database=database())
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pause(pilot)
        screen = app.screen
        assert isinstance(screen, DrillScreen)
        assert not screen.check_action("override", ("correct",))  # nothing to correct yet
        await pilot.press(*"banana", "enter")
        await pause(pilot)
        keys = str(screen.query_one("#feedback-keys", Static).render())
        assert "r: I did make that point" in keys and "w: no" in keys
        await pilot.press("r")
        await pause(pilot)
        text = str(screen.query_one("#feedback", Static).render())
        assert text.startswith("Not quite.")  # the grader's verdict stays shown
        assert "you marked your answer right" in text
        assert screen.session.summary.correct == 1
        db = sqlite3.connect(database())
        assert db.execute("SELECT verdict FROM overrides").fetchall() == [("correct",)]
        db.close()
        # An option answer cannot be overridden: the keys are not offered.
        await pilot.press("n")
        await pause(pilot)
        await pilot.press("1", "enter")
        await pause(pilot)
        assert "r: I did make" not in str(screen.query_one("#feedback-keys", Static).render())
        assert not screen.check_action("override", ("correct",))


async def test_question_mark_gives_the_sessions_hint_in_the_screen() -> None:
    app = host("rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pause(pilot)
        view = app.screen.query_one(QuestionView)
        assert len(view.question.options) == 4
        await pilot.press("question_mark", "enter")
        await pause(pilot)
        struck = view.query(".struck")
        assert len(struck) == 1 and view.hinted
        assert any(n.message.startswith("Hint: option") for n in app._notifications)
        assert not app.screen.query("#feedback")


def test_the_headline_colour_follows_the_verdict() -> None:
    the_map = load_map(DRILL_MAP).map
    assert the_map is not None
    question = session_for("rebut").next_question()
    assert question is not None
    styles = {}
    for verdict in Verdict:
        grade = Grade(
            verdict,
            1.0 if verdict is Verdict.CORRECT else 0.5,
            assessment=Assessment(verdict, 0.5, (), Reference("x")),
        )
        text = feedback_text(Feedback(question, grade, None, 1.0))
        styles[verdict] = str(text.spans[0].style)
        assert text.spans[0].start == 0 and text.plain.startswith(grade.headline)
    assert styles[Verdict.CORRECT] == "bold green" == HEADLINE_STYLES[Verdict.CORRECT]
    assert styles[Verdict.PARTIAL] == "bold yellow"  # partly right never looks like a pass
    assert styles[Verdict.CONTRADICTORY] == styles[Verdict.INCORRECT] == "bold red"
    skipped = feedback_text(Feedback(question, None, None, 1.0))
    assert str(skipped.spans[0].style) == SKIPPED_STYLE


async def test_the_explorer_shows_a_flaws_definition_beside_it() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert app.screen.jump_to("feels-safer")
        await settle(pilot)
        flaw = find_flaw("anecdote")
        assert flaw is not None
        assert f"⚠ Flaw: anecdote — {flaw.definition}" in detail_text(app)


def test_override_keys_snapshot_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def before(pilot: Pilot[object]) -> None:
        await pause(pilot)
        await pilot.press(*"slope", "enter")
        await pause(pilot)

    assert snap_compare(host("flaw", seed=1), terminal_size=(80, 24), run_before=before)


def test_override_done_snapshot_large(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def before(pilot: Pilot[object]) -> None:
        await pause(pilot)
        await pilot.press(*"banana", "enter")
        await pause(pilot)
        await pilot.press("p")
        await pause(pilot)

    assert snap_compare(
        host("flaw", seed=1, theme="textual-light"), terminal_size=(120, 40), run_before=before
    )
