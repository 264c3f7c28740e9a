"""Search by words through the command palette, with a cap on the hits."""

from __future__ import annotations

from textual.command import CommandPalette

from argmap_tui.search import MAX_HITS, matching_claims
from argmap_tui.widgets.claim_tree import ClaimTree
from tests.tui.support import EXAMPLE, HOSTILE, load, make_app, settle


def test_every_word_must_match_text_or_id() -> None:
    the_map = load(EXAMPLE)
    assert matching_claims(the_map, "faces door") == ["locks"]
    assert matching_claims(the_map, "PHOTOS") == ["photos-collected"]
    assert matching_claims(the_map, "elderly-checks") == ["elderly-checks"]
    assert matching_claims(the_map, "faces nonsense") == []
    assert matching_claims(the_map, "   ") == []


def test_hits_are_capped() -> None:
    the_map = load(EXAMPLE)
    everything = matching_claims(the_map, "e", limit=1000)
    assert len(everything) == len(the_map.claims)
    assert len(matching_claims(the_map, "e", limit=3)) == 3
    assert MAX_HITS <= 50


async def search_and_choose(pilot, words: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*words)
    for _ in range(20):
        await pilot.pause(0.05)
        if pilot.app.screen.query("CommandList Option"):
            break
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_search_jumps_to_the_claim() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await search_and_choose(pilot, "promise deletion")
        tree = app.screen.query_one(ClaimTree)
        assert tree.current_claim_id == "promise-unverifiable"
        # The jump is in the history.
        await pilot.press("backspace")
        await settle(pilot)
        assert tree.current_claim_id == "locks"


async def test_palette_shows_hostile_claims_literally() -> None:
    app = make_app(HOSTILE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await search_and_choose(pilot, "[/]")
        assert app.is_running
        tree = app.screen.query_one(ClaimTree)
        assert tree.current_claim_id == "t"
