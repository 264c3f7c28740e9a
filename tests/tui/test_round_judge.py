"""The run's judge rule reaches every round the app opens (issue 16: one context)."""

from __future__ import annotations

import pytest

from argmap.context import Context
from argmap.debate.round import Judge
from argmap_tui.screens.round import RoundScreen
from tests.tui.support import EXAMPLE, make_app, settle


@pytest.mark.parametrize("judge", ["burden", "semantics"])
async def test_a_round_opened_with_r_is_judged_by_the_contexts_rule(judge: str) -> None:
    app = make_app(EXAMPLE, judge=judge)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, RoundScreen)
        assert app.screen.rnd.settings.judge is Judge(judge)


class NoApp:
    """What `argmap explore` runs, without a terminal."""

    return_code = 0

    def run(self) -> None:
        return None


def test_explore_hands_its_judge_to_the_context(monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap_tui.app
    from argmap.cli import main

    seen: list[Context] = []

    def fake_create_app(context: Context, the_map: object, **options: object) -> NoApp:
        seen.append(context)
        return NoApp()

    monkeypatch.setattr(argmap_tui.app, "create_app", fake_create_app)
    assert main(["explore", str(EXAMPLE), "--judge", "semantics", "--no-watch"]) == 0
    assert main(["explore", str(EXAMPLE), "--no-watch"]) == 0
    assert [c.judge for c in seen] == ["semantics", "burden"]
