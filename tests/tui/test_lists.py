"""Filters (theme, side, kind) and the analysis views, each jumping to a claim."""

from __future__ import annotations

from textual.widgets import Select, Static, TabbedContent

from argmap.view_model import unavailable
from argmap_tui.screens.claim_lists import FilterChoice, FilterScreen, ViewsScreen, filter_claims
from argmap_tui.widgets.claim_list import ClaimList
from argmap_tui.widgets.claim_tree import ClaimTree
from tests.tui.support import EXAMPLE, load, make_app, settle


def test_filter_claims_combines_theme_side_and_kind() -> None:
    the_map = load(EXAMPLE)
    sides = {c.id: ("pro" if c.id < "m" else "con") for c in the_map.claims}
    privacy = filter_claims(the_map, FilterChoice(theme="privacy"), sides)
    assert [cid for cid, _ in privacy] == [
        "locks",
        "photos-collected",
        "data-protected",
        "promise-unverifiable",
    ]
    facts = filter_claims(the_map, FilterChoice(theme="privacy", kind="fact"), sides)
    assert [cid for cid, _ in facts] == ["photos-collected", "data-protected"]
    con = filter_claims(the_map, FilterChoice(theme="privacy", kind="fact", side="con"), sides)
    assert [cid for cid, _ in con] == ["photos-collected"]


async def test_filter_window_lists_matches_and_jumps() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FilterScreen)
        results = screen.query_one(ClaimList)
        assert len(results.claim_ids) == len(app.map.claims)
        screen.query_one("#filter-kind", Select).value = "value"
        screen.query_one("#filter-side", Select).value = "pro"
        await settle(pilot)
        assert results.claim_ids == ["housing-is-for-poor"]
        results.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.explorer
        assert app.explorer.claim_tree.current_claim_id == "housing-is-for-poor"
        # Reopening keeps the filter.
        await pilot.press("f")
        await settle(pilot)
        assert app.screen.query_one("#filter-kind", Select).value == "value"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.explorer


async def test_views_list_unanswered_cruxes_pivotal_and_flaws() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ViewsScreen)
        unanswered = screen.query_one("#list-unanswered", ClaimList)
        assert "locks" not in unanswered.claim_ids and "sublet-common" in unanswered.claim_ids
        assert screen.query_one("#list-cruxes", ClaimList).claim_ids == ["elderly-checks"]
        assert screen.query_one("#list-pivotal", ClaimList).claim_ids == ["locks", "sublet-common"]
        assert screen.query_one("#list-flaws", ClaimList).claim_ids == ["feels-safer"]
        await pilot.press("right", "right")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "view-pivotal"
        await pilot.press("right", "right", "left")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "view-flaws"
        assert screen.query_one("#list-flaws", ClaimList).has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert app.explorer.claim_tree.current_claim_id == "feels-safer"
        assert app.screen.query_one(ClaimTree).has_focus


async def test_views_without_the_analysis_still_list_flaws() -> None:
    app = make_app(EXAMPLE, analyser=lambda m, a, r, b: (unavailable(m), unavailable(m)))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ViewsScreen)
        assert not screen.query("#list-unanswered")
        assert "could not run" in screen.query_one("#view-unanswered Static", Static).content.plain
        assert screen.query_one("#list-flaws", ClaimList).claim_ids == ["feels-safer"]
        await pilot.press("escape", "f")
        await settle(pilot)
        assert app.screen.query_one("#filter-side", Select).disabled
