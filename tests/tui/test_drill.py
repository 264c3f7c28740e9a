"""The drill screen with Pilot: no preselection, feedback after every answer, saved at once."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import Button, Input, Select, Static

from argmap.loading import load_map
from argmap.model import Map
from argmap.training.progress import DATABASE_NAME, Progress
from argmap.training.session import DrillSession, SessionOptions
from tests.tui.support import settle
from tui.screens.drill import DrillScreen, DrillSetup, drill_app
from tui.screens.explore import ExploreScreen
from tui.widgets.question import QuestionView

DATA = Path(__file__).resolve().parents[1] / "training" / "data"
DRILL_MAP = DATA / "drill-map.yaml"
HOSTILE_MAP = DATA / "hostile-drill.yaml"


def load(path: Path) -> Map:
    result = load_map(path)
    assert result.map is not None
    return result.map


def database() -> Path:
    return Path(os.environ["ARGMAP_DATA_DIR"]) / DATABASE_NAME


def make(path: Path, **options: object):  # type: ignore[no-untyped-def]
    the_map = load(path)
    progress = Progress.open(database())
    session = DrillSession(the_map, progress, SessionOptions(**options))  # type: ignore[arg-type]
    from tests.tui.support import fake_analyser

    return drill_app(path, the_map, session, watch=False, analyser=fake_analyser), session


def stored() -> list[tuple[str, int, int, int]]:
    with Progress.open(database()) as p:
        return p._db.execute("SELECT claim_id, correct, rating, hinted FROM reviews").fetchall()


async def test_an_answer_gets_feedback_and_is_saved_before_it_shows() -> None:
    app, session = make(DRILL_MAP, seed=3, count=3, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DrillScreen)
        view = screen.query_one(QuestionView)
        answer = view.query_one("#answer", Input)
        assert answer.value == "" and app.focused is answer  # nothing chosen for the user
        right = view.question.correct_indexes[0] + 1
        await pilot.press(str(right), "enter")
        await pilot.pause()
        feedback = screen.query_one("#feedback", Static)
        text = str(feedback.render())
        assert text.startswith("Correct.")
        assert "Model answer:" in text and "In the map:" in text
        assert [(c, ok) for c, ok, _, _ in stored()] == [(view.question.claim_id, 1)]
        await pilot.press("n")
        await pilot.pause()
        assert screen.query_one(QuestionView).question is not view.question


async def test_a_wrong_answer_is_explained_and_a_skip_is_not_saved() -> None:
    app, session = make(DRILL_MAP, seed=4, count=3, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        q = screen.query_one(QuestionView).question
        wrong = next(i for i, o in enumerate(q.options, 1) if not o.correct)
        await pilot.press(str(wrong), "enter")
        await pilot.pause()
        text = str(screen.query_one("#feedback", Static).render())
        assert text.startswith("Not quite.") and "You chose:" in text
        await pilot.press("n", "enter")  # empty line: skip
        await pilot.pause()
        assert str(screen.query_one("#feedback", Static).render()).startswith("Skipped.")
        assert len(stored()) == 1


async def test_a_hint_strikes_wrong_options_and_rates_the_answer_hard() -> None:
    app, session = make(DRILL_MAP, seed=1, count=2, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        view = screen.query_one(QuestionView)
        while len(view.question.options) < 3:  # find a question with options to strike
            await pilot.press("enter", "n")
            await pilot.pause()
            view = screen.query_one(QuestionView)
        await pilot.press("question_mark", "enter")
        await pilot.pause()
        assert view.hinted and view.query(".struck")
        assert all(not view.question.options[int(w.id.split("-")[1]) - 1].correct
                   for w in view.query(".struck"))
        right = view.question.correct_indexes[0] + 1
        await pilot.press(str(right), "enter")
        await pilot.pause()
        assert stored()[-1][1:] == (1, 2, 1)  # correct, Rating.Hard, hinted


async def test_o_opens_the_answer_in_the_explorer_and_d_comes_back() -> None:
    app, session = make(DRILL_MAP, seed=3, count=3, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        drill_screen = app.screen
        q = drill_screen.query_one(QuestionView).question
        await pilot.press("1", "enter")
        await pilot.pause()
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ExploreScreen)
        entry = app.screen.query_one("ClaimTree").cursor_node.data
        assert entry.claim_id == q.explanation.open_claim
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is drill_screen  # the same session, resumed


async def test_hostile_map_text_is_shown_literally() -> None:
    app, session = make(HOSTILE_MAP, seed=0, count=6)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        asked = 0
        while app.screen.query(QuestionView):
            view = app.screen.query_one(QuestionView)
            q = view.question
            subject = str(view.query_one("#question-subject", Static).render())
            assert subject == f"{q.subject_label}: {q.subject}"
            for i, option in enumerate(q.options, 1):
                assert str(view.query_one(f"#option-{i}", Static).render()) == \
                    f"{i}. {option.text}"
            await pilot.press("1", "enter")
            await pilot.pause()
            feedback = str(app.screen.query_one("#feedback", Static).render())
            assert f"Model answer: {q.explanation.model_answer}" in feedback
            asked += 1
            await pilot.press("n")
            await pilot.pause()
        assert asked >= 3
        assert app.is_running  # [@click=app.quit] in a claim did not quit


async def test_a_timed_round_ends_when_the_clock_runs_out() -> None:
    app, session = make(DRILL_MAP, seed=2, mode="timed", time_limit=1)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(2.2)
        summary = str(app.screen.query_one("#summary", Static).render())
        assert summary.startswith("Session over: 0 answered")
        assert "Round score: 0 points" in summary


async def test_after_a_finished_session_d_starts_a_new_one() -> None:
    app, session = make(DRILL_MAP, seed=3, count=1, mode="rebut")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
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
    from tests.tui.support import fake_analyser
    from tui.app import create_app

    app = create_app(DRILL_MAP, load(DRILL_MAP), watch=False, analyser=fake_analyser)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, DrillSetup)
        setup.query_one("#setup-mode", Select).value = "switch"
        await pilot.click("#setup-start")
        await pilot.pause()
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

    app, session = make(DRILL_MAP, seed=3, count=2, mode="rebut")

    def broken(*args: object, **kwargs: object) -> int:
        raise ProgressError("disk full [b]or worse[/]")

    session.progress.record = broken  # type: ignore[method-assign]
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await pilot.pause()
        assert not app.screen.query("#feedback")
        assert any("disk full [b]or worse[/]" in str(n.message) for n in app._notifications)
        answer = app.screen.query_one(QuestionView).query_one("#answer", Input)
        assert not answer.disabled and app.focused is answer
