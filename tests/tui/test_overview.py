"""The overview screen: drawn from the layout, moved with keys and mouse, opens the tree."""

from __future__ import annotations

from textual.pilot import Pilot

from argmap_tui.screens.overview import Icicle, OverviewScreen
from argmap_tui.widgets.claim_tree import ClaimTree
from tests.tui.support import EXAMPLE, HOSTILE, make_app, settle

SMALL = (80, 24)
LARGE = (160, 48)


async def open_overview(pilot: Pilot[object]) -> Icicle:
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)
    assert isinstance(pilot.app.screen, OverviewScreen)
    return pilot.app.screen.query_one(Icicle)


def chart_text(icicle: Icicle) -> str:
    return "\n".join(strip.text for strip in icicle._lines)


async def test_keys_move_zoom_and_open_the_tree() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=SMALL) as pilot:
        icicle = await open_overview(pilot)
        assert icicle.selected_claim == "locks"
        assert "Beijing's public housing" in chart_text(icicle)
        await pilot.press("down")
        first_child = icicle.selected_claim
        assert first_child != "locks"
        # The biggest branch comes first.
        nodes = icicle.branches.nodes
        weights = [nodes[k].weight for k in nodes[icicle.branches.roots[0]].children]
        assert nodes[icicle.selected].weight == max(weights)  # type: ignore[index]
        await pilot.press("right")
        assert icicle.selected_claim not in (first_child, "locks")
        await pilot.press("up")
        assert icicle.selected_claim == "locks"
        await pilot.press("down", "z")
        assert icicle.roots_shown == (icicle.selected,)
        assert "Beijing's public housing" not in chart_text(icicle)
        await pilot.press("Z")
        assert icicle.roots_shown == icicle.branches.roots
        await pilot.press("down", "right")
        chosen = icicle.selected_claim
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, OverviewScreen)
        assert app.screen.query_one(ClaimTree).current_claim_id == chosen


async def test_a_second_click_opens_the_block() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=SMALL) as pilot:
        icicle = await open_overview(pilot)
        band = icicle.band_height  # the first band below the theses
        await pilot.click(Icicle, offset=(2, band))
        target = icicle.selected_claim
        assert target not in (None, "locks")
        await pilot.click(Icicle, offset=(2, band))
        await settle(pilot)
        assert app.screen.query_one(ClaimTree).current_claim_id == target


async def test_escape_goes_back_and_strengths_shade_the_blocks() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=SMALL) as pilot:
        icicle = await open_overview(pilot)
        assert icicle.strengths, "the analysis's strengths reach the overview"
        assert "0.50" in chart_text(icicle) or "0.5" in chart_text(icicle)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, OverviewScreen)


async def test_hostile_text_is_drawn_literally() -> None:
    app = make_app(HOSTILE)
    async with app.run_test(size=SMALL) as pilot:
        icicle = await open_overview(pilot)
        assert app.is_running and chart_text(icicle).strip()


def overview_before(pilot_keys: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("o", *pilot_keys)
        await settle(pilot)

    return run_before


def test_overview_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-dark")
    assert snap_compare(app, terminal_size=SMALL, run_before=overview_before(("down", "right")))


def test_overview_large(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(EXAMPLE, theme="textual-dark")
    assert snap_compare(app, terminal_size=LARGE, run_before=overview_before())
