"""The drill feedback names claims by their text; `i` shows their ids (issue 18)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from argmap.loading import load_map
from argmap.training.session import SessionOptions
from argmap_tui.screens.drill import DrillScreen, drill_app
from argmap_tui.widgets.question import QuestionView
from tests.tui.support import context_for, fake_analyser, settle, worked

DRILL_MAP = Path(__file__).resolve().parents[1] / "training" / "data" / "drill-map.yaml"


def in_the_map(screen: DrillScreen) -> str:
    text = str(screen.query_one("#feedback", Static).render())
    return next(line for line in text.splitlines() if line.startswith("In the map: "))


async def test_i_shows_and_hides_the_claim_ids_in_the_feedback() -> None:
    the_map = load_map(DRILL_MAP).map
    assert the_map is not None
    options = SessionOptions(mode="rebut", count=2, seed=3)
    app = drill_app(context_for(DRILL_MAP), the_map, options, analyser=fake_analyser)
    ids = [f"({c.id})" for c in the_map.claims]
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DrillScreen)
        view = screen.query_one(QuestionView)
        await pilot.press(str(view.question.correct_indexes[0] + 1), "enter")
        await worked(pilot)
        plain = in_the_map(screen)
        claim = the_map.claims_by_id[view.question.claim_id]
        assert f'"{claim.text[:20]}' in plain  # named by its text
        assert not any(i in plain for i in ids)
        assert "i: claim ids" in str(screen.query_one("#feedback-keys", Static).render())
        await pilot.press("i")
        await pilot.pause()
        shown = in_the_map(screen)
        assert f"({claim.id})" in shown and shown != plain
        await pilot.press("i")
        await pilot.pause()
        assert in_the_map(screen) == plain
