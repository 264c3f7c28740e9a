"""The drill screen with Pilot: no preselection, feedback after every answer, saved at once."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Button, Input, Select, Static

from argmap.loading import load_map
from argmap.model import Map
from argmap.training.drills import CruxSource
from argmap.training.progress import DATABASE_NAME, Progress
from argmap.training.session import DrillSession, SessionOptions
from argmap_tui.app import ArgmapApp
from argmap_tui.screens.drill import DrillScreen, DrillSetup, drill_app, session_start
from argmap_tui.screens.explore import ExploreScreen
from argmap_tui.widgets.question import QuestionView
from tests.tui.support import context_for, fake_analyser, make_app, settle, worked

DATA = Path(__file__).resolve().parents[1] / "training" / "data"
DRILL_MAP = DATA / "drill-map.yaml"
HOSTILE_MAP = DATA / "hostile-drill.yaml"


def load(path: Path) -> Map:
    result = load_map(path)
    assert result.map is not None
    return result.map


def database() -> Path:
    return Path(os.environ["ARGMAP_DATA_DIR"]) / DATABASE_NAME


def make(
    path: Path, patch: Callable[[DrillSession], None] | None = None, **options: Any
) -> ArgmapApp:
    """The app opened on the drills, as `argmap drill` opens it; `patch` may change the
    session once the screen has started it (in the screen's own thread)."""
    the_map = load(path)
    context = context_for(path)
    session_options = SessionOptions(**options)
    start = session_start(the_map, session_options, context.database)

    def patched(cruxes: CruxSource) -> DrillSession:
        session = start(cruxes)
        if patch is not None:
            patch(session)
        return session

    return drill_app(context, the_map, session_options, start=patched, analyser=fake_analyser)


def stored() -> list[tuple[str, int, int, int]]:
    with Progress.open(database()) as p:
        return p._db.execute("SELECT claim_id, correct, rating, hinted FROM reviews").fetchall()


async def test_an_answer_gets_feedback_and_is_saved_before_it_shows() -> None:
    app = make(DRILL_MAP, seed=3, count=3, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DrillScreen)
        view = screen.query_one(QuestionView)
        answer = view.query_one("#answer", Input)
        assert answer.value == "" and app.focused is answer  # nothing chosen for the user
        right = view.question.correct_indexes[0] + 1
        await pilot.press(str(right), "enter")
        await worked(pilot)
        feedback = screen.query_one("#feedback", Static)
        text = str(feedback.render())
        assert text.startswith("Correct.")
        assert "Model answer:" in text and "In the map:" in text
        assert [(c, ok) for c, ok, _, _ in stored()] == [(view.question.claim_id, 1)]
        await pilot.press("n")
        await worked(pilot)
        assert screen.query_one(QuestionView).question is not view.question


async def test_a_wrong_answer_is_explained_and_a_skip_is_not_saved() -> None:
    app = make(DRILL_MAP, seed=4, count=3, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        q = screen.query_one(QuestionView).question
        wrong = next(i for i, o in enumerate(q.options, 1) if not o.correct)
        await pilot.press(str(wrong), "enter")
        await worked(pilot)
        text = str(screen.query_one("#feedback", Static).render())
        assert text.startswith("Not quite.") and "You chose:" in text
        await pilot.press("n", "enter")  # empty line: skip
        await worked(pilot)
        assert str(screen.query_one("#feedback", Static).render()).startswith("Skipped.")
        assert len(stored()) == 1


async def test_a_hint_strikes_wrong_options_and_rates_the_answer_hard() -> None:
    app = make(DRILL_MAP, seed=1, count=2, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        view = screen.query_one(QuestionView)
        while len(view.question.options) < 3:  # find a question with options to strike
            await pilot.press("enter", "n")
            await worked(pilot)
            view = screen.query_one(QuestionView)
        await pilot.press("question_mark", "enter")
        await worked(pilot)
        assert view.hinted and view.query(".struck")
        assert all(
            not view.question.options[int(w.id.split("-")[1]) - 1].correct
            for w in view.query(".struck")
        )
        right = view.question.correct_indexes[0] + 1
        await pilot.press(str(right), "enter")
        await worked(pilot)
        assert stored()[-1][1:] == (1, 2, 1)  # correct, Rating.Hard, hinted


async def test_o_opens_the_answer_in_the_explorer_and_d_comes_back() -> None:
    app = make(DRILL_MAP, seed=3, count=3, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        drill_screen = app.screen
        q = drill_screen.query_one(QuestionView).question
        await pilot.press("1", "enter")
        await worked(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ExploreScreen)
        entry = app.screen.query_one("ClaimTree").cursor_node.data
        assert entry.claim_id == q.explanation.open_claim
        await pilot.press("d")
        await worked(pilot)
        assert app.screen is drill_screen  # the same session, resumed


async def test_hostile_map_text_is_shown_literally() -> None:
    app = make(HOSTILE_MAP, seed=0, count=6)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        asked = 0
        while app.screen.query(QuestionView):
            view = app.screen.query_one(QuestionView)
            q = view.question
            subject = str(view.query_one("#question-subject", Static).render())
            assert subject == f"{q.subject_label}: {q.subject}"
            for i, option in enumerate(q.options, 1):
                assert str(view.query_one(f"#option-{i}", Static).render()) == f"{i}. {option.text}"
            await pilot.press("1", "enter")
            await worked(pilot)
            feedback = str(app.screen.query_one("#feedback", Static).render())
            assert f"Model answer: {q.explanation.model_answer}" in feedback
            asked += 1
            await pilot.press("n")
            await worked(pilot)
        assert asked >= 3
        assert app.is_running  # [@click=app.quit] in a claim did not quit


async def test_a_timed_round_ends_when_the_clock_runs_out() -> None:
    app = make(DRILL_MAP, seed=2, mode="timed", time_limit=1)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(2.2)
        summary = str(app.screen.query_one("#summary", Static).render())
        assert summary.startswith("Session over: 0 answered")
        assert "Round score: 0 points" in summary


async def test_after_a_finished_session_d_starts_a_new_one() -> None:
    app = make(DRILL_MAP, seed=3, count=1, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await worked(pilot)
        await pilot.press("n")
        await worked(pilot)
        first = app.screen
        assert first.query_one("#summary", Static)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ExploreScreen)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DrillSetup)  # what to practise next?
        await pilot.click("#setup-start")
        await settle(pilot)
        assert isinstance(app.screen, DrillScreen) and app.screen is not first
        assert app.screen.query(QuestionView)  # a fresh session, asking again


async def test_the_setup_starts_switch_sides_only_with_a_side() -> None:
    app = make_app(DRILL_MAP)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, DrillSetup)
        setup.query_one("#setup-mode", Select).value = "switch"
        await pilot.click("#setup-start")
        await worked(pilot)
        assert app.screen is setup  # no side: refused with a warning
        setup.query_one("#setup-side", Select).value = "con"
        setup.query_one("#setup-start", Button).press()  # (the warning toast may cover it)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DrillScreen)
        assert screen.session.options.side == "con"
        q = screen.query_one(QuestionView).question
        assert str(q.drill) == "switch" and "CON" in q.prompt


async def test_a_failed_save_is_reported_and_the_question_stays() -> None:
    from argmap.training.progress import ProgressError

    def broken(*args: object, **kwargs: object) -> int:
        raise ProgressError("disk full [b]or worse[/]")

    def break_saving(session: DrillSession) -> None:
        assert session.progress is not None
        session.progress.record = broken  # type: ignore[method-assign]

    app = make(DRILL_MAP, patch=break_saving, seed=3, count=2, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await worked(pilot)
        assert not app.screen.query("#feedback")
        assert any("disk full [b]or worse[/]" in str(n.message) for n in app._notifications)
        answer = app.screen.query_one(QuestionView).query_one("#answer", Input)
        assert not answer.disabled and app.focused is answer


def record_answers(database_path: Path, answers: int) -> None:
    from datetime import UTC, datetime

    from fsrs import Rating

    from argmap.training.progress import AnswerRecord

    with Progress.open(database_path) as p:
        for _ in range(answers):
            p.record(
                AnswerRecord("m", "rebut", "c", ("privacy",), True, 1.0, Rating.Good),
                datetime.now(UTC),
            )


async def test_S_and_a_new_session_from_d_use_the_data_dir_of_the_context(tmp_path: Path) -> None:
    """`--data-dir X`: the stats shown with S and the answers of a session started with d
    are X's, not those of $ARGMAP_DATA_DIR (the default folder of the tests)."""
    from argmap_tui.screens.stats import StatsScreen

    chosen = tmp_path / "chosen"
    record_answers(chosen / DATABASE_NAME, 2)
    record_answers(database(), 5)  # the default folder: must not be what is shown
    app = make_app(DRILL_MAP, data_dir_option=chosen)
    assert app.context.data_dir == chosen
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await worked(pilot)
        assert isinstance(app.screen, StatsScreen)
        figures = str(app.screen.query_one("#stats-figures", Static).render())
        assert "Answers: 2, correct 2" in figures
        await pilot.press("escape", "d")
        await worked(pilot)
        setup = app.screen
        assert isinstance(setup, DrillSetup)
        setup.query_one("#setup-mode", Select).value = "rebut"
        setup.query_one("#setup-start", Button).press()
        await worked(pilot)
        screen = app.screen
        assert isinstance(screen, DrillScreen) and screen.session is not None
        assert screen.session.progress is not None
        assert screen.session.progress.path == chosen / DATABASE_NAME
        await pilot.press("1", "enter")
        await worked(pilot)
        assert screen.query("#feedback")
    with Progress.open(chosen / DATABASE_NAME) as p:
        assert len(p.answers()) == 3
    with Progress.open(database()) as p:
        assert len(p.answers()) == 5


def test_argmap_drill_hands_its_data_dir_to_the_app(monkeypatch: object, tmp_path: Path) -> None:
    import pytest

    import argmap_tui.screens.drill
    from argmap.cli import main
    from argmap.context import Context

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    seen: list[tuple[Context, SessionOptions]] = []

    def fake_run(context: Context, the_map: Map, options: SessionOptions) -> int:
        seen.append((context, options))
        return 0

    monkeypatch.setattr(argmap_tui.screens.drill, "run_drill_app", fake_run)
    assert (
        main(
            [
                "drill",
                str(DRILL_MAP),
                "--data-dir",
                str(tmp_path / "x"),
                "--mode",
                "rebut",
                "--count",
                "2",
            ]
        )
        == 0
    )
    context, options = seen[0]
    assert context.data_dir == tmp_path / "x" and context.map_path == DRILL_MAP
    assert context.database.is_file()  # checked usable before the screen starts
    assert options.mode == "rebut" and options.count == 2


async def test_another_argmap_holding_the_write_lock_does_not_freeze_the_screen() -> None:
    """While a second trainer holds the database's write lock, an answer waits in the
    session's thread; the screen says so and keeps answering keys; once the lock is
    released the answer is saved and its feedback shown."""
    import sqlite3
    import time

    Progress.open(database()).close()  # the file exists, in WAL mode
    app = make(DRILL_MAP, seed=3, count=3, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DrillScreen)
        other = sqlite3.connect(database(), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # the other trainer is writing
        try:
            started = time.monotonic()
            await pilot.press("1", "enter")
            await pilot.pause(1.5)
            status = str(screen.query_one("#drill-status", Static).render())
            assert "another argmap is saving" in status
            assert not screen.query("#feedback")
            assert not screen.check_action("next", ())
            await pilot.press("escape")  # the keys still work: back to the explorer
            await pilot.pause()
            assert isinstance(app.screen, ExploreScreen)
            await pilot.press("d")
            await pilot.pause()
            assert app.screen is screen
            assert time.monotonic() - started < 10  # far from the 30 s busy timeout
            assert stored() == []
        finally:
            other.execute("ROLLBACK")
            other.close()
        await worked(pilot)
        assert str(screen.query_one("#feedback", Static).render()).startswith("Correct.")
        assert len(stored()) == 1
        status = str(screen.query_one("#drill-status", Static).render())
        assert "Waiting" not in status and "1 right of 1 answered" in status


async def test_the_screen_says_it_is_starting_until_the_session_is_ready() -> None:
    import threading

    release = threading.Event()
    app = make(DRILL_MAP, patch=lambda session: release.wait(10), seed=3, count=3, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, DrillScreen) and screen.session is None
        assert "Starting the drills" in str(screen.query_one("#starting", Static).render())
        assert "Starting the session" in str(screen.query_one("#drill-status", Static).render())
        await pilot.press("escape")  # responsive meanwhile
        await pilot.pause()
        assert isinstance(app.screen, ExploreScreen)
        release.set()
        await pilot.press("d")
        await worked(pilot)
        assert app.screen is screen and screen.query(QuestionView)


async def test_a_database_that_cannot_be_used_is_said_in_the_screen(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / DATABASE_NAME).write_bytes(b"not a database at all, just text" * 10)
    app = make_app(DRILL_MAP, data_dir_option=bad)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await worked(pilot)
        app.screen.query_one("#setup-start", Button).press()
        await worked(pilot)
        screen = app.screen
        assert isinstance(screen, DrillScreen) and screen.failed
        assert "Cannot start the drills" in str(screen.query_one("#start-failed", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExploreScreen)
