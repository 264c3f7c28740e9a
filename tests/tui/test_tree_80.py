"""The tree at 80 columns (issue 18): a split that resizes and is remembered, levels, full text."""

from __future__ import annotations

import json

import pytest
from textual.pilot import Pilot

from argmap_tui.preferences import STATE_FILE, read_preferences, remember
from argmap_tui.screens.explore import (
    MIN_PANE,
    SPLIT_STEP,
    TREE_SHARE,
    FullText,
    split_columns,
)
from argmap_tui.screens.legend import legend_shown
from argmap_tui.widgets import claim_tree
from argmap_tui.widgets.claim_tree import ClaimTree
from tests.tui.support import BUNDLED, EXAMPLE, HOSTILE, make_app, settle

SMALL = (80, 24)
LARGE = (160, 48)


def widths(app) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    screen = app.explorer
    return screen.claim_tree.outer_size.width, screen.detail.outer_size.width


def shown_depths(tree: ClaimTree) -> set[int]:
    return {node.depth for node in tree.rows}


def full_text(app) -> str | None:  # type: ignore[no-untyped-def]
    """The text under the tree, None when it is blank; it always takes its two lines."""
    panel = app.explorer.query_one(FullText)
    assert panel.region.height == 2
    return panel.blocks[0].plain if panel.blocks else None


# -- the split ------------------------------------------------------------------------------


async def test_the_default_split_gives_the_tree_more_room_at_80_columns() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        tree, detail = widths(app)
        assert (tree, detail) == (50, 30)  # half each (40) before issue 18
    app = make_app(BUNDLED)
    async with app.run_test(size=LARGE) as pilot:
        await settle(pilot)
        assert widths(app) == (80, 80)  # wide screens keep half each


async def test_resizing_changes_the_widths_and_a_second_app_starts_with_it() -> None:
    app = make_app(BUNDLED)
    data_dir = app.context.data_dir
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        tree, detail = widths(app)
        await pilot.press("greater_than_sign", "greater_than_sign")
        await settle(pilot)
        assert widths(app) == (tree + 2 * SPLIT_STEP, detail - 2 * SPLIT_STEP)
        await pilot.press("less_than_sign")
        await settle(pilot)
        assert widths(app) == (tree + SPLIT_STEP, detail - SPLIT_STEP)
    saved = json.loads((data_dir / STATE_FILE).read_text())
    assert saved[TREE_SHARE] == pytest.approx((tree + SPLIT_STEP) / 80, abs=1e-4)
    assert saved["legend_shown"] is True  # the legend's memory is kept beside it
    again = make_app(BUNDLED)
    assert again.context.data_dir == data_dir
    async with again.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert widths(again) == (tree + SPLIT_STEP, detail - SPLIT_STEP)
    # A share, not columns: a wider terminal keeps the proportion.
    third = make_app(BUNDLED)
    async with third.run_test(size=LARGE) as pilot:
        await settle(pilot)
        assert widths(third)[0] == round(saved[TREE_SHARE] * 160)


async def test_neither_side_goes_below_the_limit() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press(*["less_than_sign"] * 12)
        await settle(pilot)
        assert widths(app) == (MIN_PANE, 80 - MIN_PANE)
        await pilot.press(*["greater_than_sign"] * 20)
        await settle(pilot)
        assert widths(app) == (80 - MIN_PANE, MIN_PANE)


async def test_dragging_the_border_resizes_and_is_remembered() -> None:
    app = make_app(BUNDLED)
    data_dir = app.context.data_dir
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        tree = app.explorer.claim_tree
        border_x = tree.region.right - 1
        await pilot.mouse_down(offset=(border_x, 5))
        await pilot.hover(offset=(35, 6))
        await pilot.hover(offset=(30, 6))
        await pilot.mouse_up(offset=(30, 6))
        await settle(pilot)
        assert widths(app) == (31, 49)
        # a drag past the limit stops at it
        await pilot.mouse_down(offset=(30, 5))
        await pilot.hover(offset=(3, 6))
        await pilot.mouse_up(offset=(3, 6))
        await settle(pilot)
        assert widths(app) == (MIN_PANE, 80 - MIN_PANE)
    assert read_preferences(data_dir)[TREE_SHARE] == pytest.approx(MIN_PANE / 80)


async def test_a_click_inside_the_tree_does_not_resize() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        before = widths(app)
        await pilot.mouse_down(offset=(10, 5))
        await pilot.hover(offset=(30, 5))
        await pilot.mouse_up(offset=(30, 5))
        await settle(pilot)
        assert widths(app) == before
    assert TREE_SHARE not in read_preferences(app.context.data_dir)


@pytest.mark.parametrize("stored", ["wide", True, 0, 1.5, -0.2, None, [0.5]])
async def test_an_unusable_stored_split_gives_the_default(stored: object) -> None:
    app = make_app(BUNDLED)
    assert remember(app.context.data_dir, TREE_SHARE, stored)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert widths(app) == (50, 30)


async def test_a_broken_explorer_json_is_no_crash_and_keeps_the_legend_working() -> None:
    app = make_app(BUNDLED)
    (app.context.data_dir / STATE_FILE).write_text("{not json", encoding="utf-8")
    assert read_preferences(app.context.data_dir) == {}
    assert not legend_shown(app.context.data_dir)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # the legend, shown again: the memory was unreadable
        await settle(pilot)
        await pilot.press("greater_than_sign")
        await settle(pilot)
    state = read_preferences(app.context.data_dir)
    assert state[TREE_SHARE] == pytest.approx(54 / 80)


def test_split_columns_keeps_both_sides_usable() -> None:
    assert split_columns(None, 80) == 50
    assert split_columns(None, 100) == 50
    assert split_columns(None, 160) == 80
    assert split_columns(0.05, 120) == MIN_PANE
    assert split_columns(0.99, 120) == 120 - MIN_PANE
    assert split_columns(0.5, 30) == 15  # too narrow for both limits: half each


# -- collapse all, expand to level N -------------------------------------------------------


async def test_collapse_all_keeps_the_cursor_on_its_thesis() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        tree = app.explorer.claim_tree
        await pilot.press("3")
        await settle(pilot)
        deep = next(n for n in tree.rows if n.depth == 2 and n.data is not None)
        tree.move_cursor(deep)
        thesis = deep.path[0]
        await pilot.press("0")
        await settle(pilot)
        assert shown_depths(tree) == {0}
        assert len(tree.rows) == len(tree.root.children)
        assert not any(n.is_expanded for n in tree.built_nodes())
        assert tree.cursor_node is thesis
        assert app.explorer.detail.claim_id == thesis.data.claim_id  # type: ignore[union-attr]


async def test_expand_to_level_shows_exactly_that_many_levels() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        tree = app.explorer.claim_tree
        cursor = tree.cursor_node
        await pilot.press("2")
        await settle(pilot)
        assert shown_depths(tree) == {0, 1, 2}
        for node in tree.rows:
            assert node.is_expanded == (node.depth < 2 and node.allow_expand), node
        assert tree.cursor_node is cursor  # on a row still: it stays
        # A deeper level adds rows; the cursor on a depth-2 claim stays put.
        two = len(tree.rows)
        mid = next(n for n in tree.rows if n.depth == 2 and n.allow_expand)
        tree.move_cursor(mid)
        await pilot.press("4")
        await settle(pilot)
        assert len(tree.rows) > two
        assert max(shown_depths(tree)) == 4
        assert tree.cursor_node is mid
        # Back to level 1: the cursor goes to its nearest shown ancestor.
        await pilot.press("1")
        await settle(pilot)
        assert shown_depths(tree) == {0, 1}
        assert tree.cursor_node is mid.parent
        assert tree.cursor_line == tree.rows.index(mid.parent)  # type: ignore[arg-type]


async def test_a_level_that_would_show_too_many_rows_stops_above_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot)
        tree = app.explorer.claim_tree
        assert tree.expand_to_level(1) == 1
        level_one = len(tree.rows)
        assert tree.expand_to_level(2) == 2
        level_two = len(tree.rows)
        monkeypatch.setattr(claim_tree, "LEVEL_ROWS", level_two - 1)
        await pilot.press("9")
        await settle(pilot)
        assert len(tree.rows) == level_one
        assert shown_depths(tree) == {0, 1}
        messages = [n.message for n in app._notifications]
        assert any("Opened to level 1" in m and "level 9" in m for m in messages), messages


async def test_a_level_below_the_deepest_claim_opens_everything_without_a_warning() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot)
        tree = app.explorer.claim_tree
        await pilot.press("9")
        await settle(pilot)
        assert all(n.is_expanded for n in tree.rows if n.allow_expand)
        assert not [n for n in app._notifications if "Opened to level" in n.message]


# -- the full text of a cut label ------------------------------------------------------------


async def test_a_cut_label_shows_its_full_text_under_the_tree() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        tree = app.explorer.claim_tree
        await pilot.press("2")
        await settle(pilot)
        node = next(n for n in tree.rows if n.depth == 2 and n.data is not None)
        tree.move_cursor(node)
        await settle(pilot)
        text = app.map.claims_by_id[node.data.claim_id].text  # type: ignore[union-attr]
        assert tree.label_cut(node)
        assert full_text(app) == " ".join(text.split())
        # A tree wide enough for the whole label leaves the line blank.
        # Wide enough for the whole label: no strip.
        await pilot.press(*["greater_than_sign"] * 20)
        await settle(pilot)
        await pilot.resize_terminal(400, 24)
        await settle(pilot)
        assert not tree.label_cut(node)
        assert full_text(app) is None


async def test_the_full_text_is_data_never_markup() -> None:
    app = make_app(HOSTILE)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert app.explorer.jump_to("t")
        await settle(pilot)
        if not app.explorer.claim_tree.label_cut(app.explorer.claim_tree.cursor_node):  # type: ignore[arg-type]
            pytest.fail("the hostile thesis should be cut at 80 columns")
        assert full_text(app) == app.map.claims_by_id["t"].text


# -- snapshots -------------------------------------------------------------------------------


async def _expand_to_two(pilot: Pilot[object]) -> None:
    await settle(pilot)
    await pilot.press("2")
    await settle(pilot)


def test_bundled_expanded_to_two_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(BUNDLED, theme="textual-dark")
    assert snap_compare(app, terminal_size=SMALL, run_before=_expand_to_two)


def test_bundled_expanded_to_two_large(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(BUNDLED, theme="textual-dark")
    assert snap_compare(app, terminal_size=LARGE, run_before=_expand_to_two)
