"""The round screen with Pilot: a scripted two-player round, the clock, the verdict."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from argmap.debate.round import settings_for
from argmap.debate.rules import Side
from argmap_tui.screens.explore import ExploreScreen
from argmap_tui.screens.round import RoundScreen, round_app
from tests.tui.support import EXAMPLE, context_for, fake_analyser, load, settle


def static_text(screen: RoundScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_a_scripted_round_is_played_judged_and_saved(tmp_path: Path) -> None:
    the_map = load(EXAMPLE)
    settings = settings_for(
        the_map, first=Side.CON, turns=3, names={Side.PRO: "Ana", Side.CON: "Ben"}
    )
    transcript = tmp_path / "round.md"
    app = round_app(context_for(EXAMPLE), the_map, settings, transcript, analyser=fake_analyser)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert "Turn 1 of 3: Con (Ben) to play" in static_text(screen, "#round-status")
        # Con searches for "photos" and plays the one match.
        await pilot.press("ctrl+f", *"photos", "enter")
        moves = screen.query_one("#round-moves", OptionList)
        assert moves.option_count == 1 and screen.listed[0].claim_id == "photos-collected"
        await pilot.press("enter")
        assert screen.rnd.played.get("photos-collected") is Side.CON
        # Pro is offered the answers to it first, and plays one in their own words.
        assert [r.claim_id for r in screen.listed] == ["data-protected"]
        screen.query_one("#round-wording", Input).focus()
        await pilot.press(*"Deleted on leaving", "enter")
        turn = screen.rnd.turns[-1]
        assert turn.reply is not None and turn.reply.claim_id == "data-protected"
        assert turn.wording == "Deleted on leaving"
        # Con passes: the round is over and the map judges it.
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert screen.has_class("-over") and screen.verdict is not None
        result = static_text(screen, "#round-result")
        assert "the motion stands (in)" in result and "Winner: Pro (Ana)." in result
        assert "promise-unverifiable (Con)" in result
        assert transcript.is_file() and "`data-protected`" in transcript.read_text()


async def test_the_turn_ends_as_a_pass_when_the_clock_runs_out() -> None:
    the_map = load(EXAMPLE)
    settings = settings_for(the_map, first=Side.PRO, turns=4, seconds=5)
    app = round_app(context_for(EXAMPLE), the_map, settings, analyser=fake_analyser)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        now = [0.0]
        screen.clock.now = lambda: now[0]
        screen.clock.start()
        now[0] = 6.0
        await pilot.pause(0.4)  # one tick of the screen's clock
        assert len(screen.rnd.turns) == 1
        first = screen.rnd.turns[0]
        assert first.passed and first.over_time and first.side is Side.PRO
        assert "Turn 2 of 4: Con to play" in static_text(screen, "#round-status")


async def test_the_explorer_opens_a_round_with_R_and_escape_comes_back() -> None:
    from argmap_tui.app import create_app

    app = create_app(context_for(EXAMPLE), load(EXAMPLE), analyser=fake_analyser)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, RoundScreen)
        assert app.screen.rnd.settings.motion == "locks"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ExploreScreen)
