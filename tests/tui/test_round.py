"""The round screen with Pilot: a scripted two-player round, the clock, the verdict."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from argmap.debate.round import Judge, settings_for
from argmap.debate.rules import Side
from argmap_tui.screens.explore import ExploreScreen
from argmap_tui.screens.round import RoundScreen, round_app
from tests.tui.support import EXAMPLE, context_for, fake_analyser, load, settle

BURDEN = Path(__file__).resolve().parents[1] / "debate" / "data" / "burden.yaml"


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
        assert "the motion stands (in)" in result
        # Pro only rebutted: under the burden of proof (the default) Con wins.
        assert "Winner: Con (Ben), by the burden of proof." in result
        assert "By the semantics alone (--judge semantics), Pro would win." in result
        assert "locks-stop-strangers (Pro) supports locks: then Pro wins." in result
        assert "promise-unverifiable" not in result  # Con wins already: it changes nothing
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


def burden_app(turns: int = 4, judge: Judge = Judge.BURDEN):  # type: ignore[no-untyped-def]
    the_map = load(BURDEN)
    settings = settings_for(the_map, first=Side.PRO, turns=turns, judge=judge)
    return round_app(context_for(BURDEN), the_map, settings, analyser=fake_analyser)


async def test_the_result_screen_explains_the_burden_of_proof() -> None:
    # The round: Pro argues outsiders, Con attacks it with no-figures, both pass.
    app = burden_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert "judged by the burden of proof" in static_text(screen, "#round-status")
        screen.play(screen.rnd.reply_for("outsiders"))
        screen.play(screen.rnd.reply_for("no-figures"))
        await pilot.press("ctrl+n", "ctrl+n")
        await settle(pilot)
        assert screen.verdict is not None and screen.verdict.winner is Side.CON
        result = static_text(screen, "#round-result")
        lines = result.splitlines()
        assert lines[0] == "Winner: Con, by the burden of proof."
        assert "• outsiders falls to no-figures, which was never answered (dropped)." in lines
        assert "• gates stands: nothing played attacks it." in lines
        assert (
            "• Burden of proof: Pro's only argument for the motion, outsiders, falls, so Con"
            " wins, although nothing played defeats the motion itself."
        ) in lines
        assert "• By the semantics alone (--judge semantics), Pro would win." in lines
        for heading in ("Why", "What stands", "What falls", "Dropped", "Missed chances"):
            assert heading in lines
        assert "• caretaker-log (Pro) attacks no-figures: then Pro wins." in result
        # The verdict has the focus, so the arrows scroll it.
        assert app.focused is screen.query_one("#round-result-scroll")


async def test_judge_semantics_on_the_same_round_gives_it_to_pro() -> None:
    app = burden_app(judge=Judge.SEMANTICS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        screen.play(screen.rnd.reply_for("outsiders"))
        screen.play(screen.rnd.reply_for("no-figures"))
        await pilot.press("ctrl+n", "ctrl+n")
        await settle(pilot)
        result = static_text(screen, "#round-result")
        assert result.splitlines()[0] == "Winner: Pro, by the semantics alone."
        assert "With the burden of proof (--judge burden), Con would win." in result


async def test_the_flow_announces_linked_premises_together() -> None:
    app = burden_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        screen.play(screen.rnd.reply_for("outsiders"))
        moves = screen.query_one("#round-moves", OptionList)
        assert [r.claim_id for r in screen.listed] == ["no-figures", "photo-spoof"]  # once
        index = [r.claim_id for r in screen.listed].index("photo-spoof")
        shown = str(moves.get_option_at_index(index).prompt)
        assert shown.startswith("[photo-spoof] together with [faces-online] attack [outsiders]: ")
        screen.play(screen.rnd.reply_for("photo-spoof"))
        await settle(pilot)
        flow = str(screen.query_one("#round-flow", Static).content)
        assert "2. Con plays photo-spoof together with faces-online, which attack outsiders" in flow
        assert static_text(screen, "#round-last").endswith(
            "opens a cheap face gate. together with faces-online"
        )
        # Both premises' texts follow the announcement.
        assert "A printed photo of a pupil opens a cheap face gate." in flow
        assert "Photos of every pupil are on the school's public website." in flow


async def test_search_tells_no_match_from_no_move_open() -> None:
    app = burden_app(turns=6)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await pilot.press("ctrl+f", *"zebra")
        heading = static_text(screen, "#round-moves-heading")
        assert heading.startswith("Nothing you may play matches 'zebra' (2 moves are open to you)")
        assert "No move is open" not in heading
        await pilot.press(*["backspace"] * 5)
        assert static_text(screen, "#round-moves-heading") == "Moves you may make:"
        # Pro plays both arguments; Con answers neither, and at Pro's third turn
        # nothing is left for Pro to play.
        screen.play(screen.rnd.reply_for("outsiders"))
        screen.rnd.pass_turn()
        screen.play(screen.rnd.reply_for("cheaper"))
        screen.rnd.pass_turn()
        screen._start_turn()
        assert screen.rnd.replies() == []
        assert static_text(screen, "#round-moves-heading") == (
            "No move is open to you: pass (ctrl+n) or end (ctrl+e)."
        )
        await pilot.press("ctrl+f", *"zebra")
        assert static_text(screen, "#round-moves-heading") == (
            "No move is open to you at all, so nothing matches 'zebra':"
            " pass (ctrl+n) or end (ctrl+e)."
        )
