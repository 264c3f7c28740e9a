"""The tree as a scroll view over its own rows: the ends, big maps, closing, keys and mouse."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.geometry import Offset

from argmap_tui.widgets.claim_tree import ClaimTree
from tests.tui.support import BUNDLED, EXAMPLE, REPO, make_app, settle

sys.path.insert(0, str(REPO / "benchmarks"))
from gen_map import generate_map  # noqa: E402


def visible(tree: ClaimTree, line: int) -> bool:
    top = tree.scroll_y
    return top <= line < top + tree.scrollable_content_region.height


async def test_scrolling_past_the_end_shows_blank_rows_and_keeps_the_cursor() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=(80, 16), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        for node in list(tree.root.children[0].children)[:6]:
            node.expand()
        await settle(pilot)
        rows = tree.last_line + 1
        assert tree.virtual_size.height == rows > tree.scrollable_content_region.height
        await pilot.press("end")
        await settle(pilot)
        assert tree.cursor_line == tree.last_line and visible(tree, tree.last_line)
        assert tree.scroll_y == tree.max_scroll_y
        # Below the end: ↓ stays on the last row, the wheel and scroll_to stop at the end.
        await pilot.press("down", "pagedown")
        for _ in range(5):  # as the mouse wheel scrolls
            tree.scroll_down(animate=False, immediate=True)
        tree.scroll_to(y=rows * 3, animate=False, immediate=True)
        await settle(pilot)
        assert tree.cursor_line == tree.last_line
        assert tree.scroll_y == tree.max_scroll_y
        # A row asked for past the last is blank, full width.
        blank = tree.render_line(rows + 5)
        assert blank.text == " " * tree.size.width
        last = tree.render_line(tree.last_line - int(tree.scroll_y))
        assert tree.cursor_node is not None
        assert tree.cursor_node.label.plain[:10] in last.text
        await pilot.press("home")
        await settle(pilot)
        assert tree.cursor_line == 0 and tree.scroll_y == 0


async def test_a_10000_claim_map_jumps_to_its_deepest_claim(tmp_path: Path) -> None:
    text, source = generate_map(10_000, seed=1, source_file="source.txt")
    path = tmp_path / "big.yaml"
    path.write_text(text)
    (tmp_path / "source.txt").write_text(source)
    app = make_app(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        deep = max(app.map.claims[-50:], key=lambda c: c.id).id
        assert app.explorer.jump_to(deep)
        await settle(pilot)
        node = tree.cursor_node
        assert node is not None and tree.current_claim_id == deep
        assert app.explorer.detail.claim_id == deep
        assert len(node.path) > 5  # deep in the tree, every ancestor open
        assert all(n.is_expanded for n in node.path[:-1])
        assert visible(tree, tree.cursor_line)
        # Only the branches opened on the way exist, not the map.
        assert len(tree.built_nodes()) < 1000
        assert tree.render_line(tree.cursor_line - int(tree.scroll_y)).text.strip()


async def test_closing_an_ancestor_moves_the_cursor_to_it() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        assert tree.select_claim("data-protected")
        await settle(pilot)
        deep = tree.cursor_node
        assert deep is not None and len(deep.path) == 3
        parent = deep.path[1]
        parent.collapse()  # as a click on its ▼ does
        await settle(pilot)
        assert tree.cursor_node is parent and tree.cursor_line == parent.line > 0
        assert app.explorer.detail.claim_id == parent.data.claim_id == "photos-collected"
        assert deep.line == -1
        # Opening again shows the branch as it was left, the cursor where it went.
        parent.expand()
        await settle(pilot)
        assert deep.line == parent.line + 1 and tree.cursor_node is parent
        # Closing the top-level node above both leaves the cursor on it.
        tree.move_cursor(deep)
        deep.path[0].collapse()
        await settle(pilot)
        assert tree.cursor_node is deep.path[0] and tree.current_claim_id == "locks"


async def test_shift_space_closes_and_opens_every_sibling_keeping_the_cursor() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        siblings = [n for n in tree.root.children[0].children if n.allow_expand]
        assert len(siblings) >= 2
        tree.move_cursor(siblings[-1])
        await pilot.press("shift+space")  # all closed: open them all
        await settle(pilot)
        assert all(n.is_expanded for n in siblings)
        assert tree.cursor_node is siblings[-1]
        await pilot.press("shift+space")  # some open: close them all
        await settle(pilot)
        assert not any(n.is_expanded for n in siblings)
        assert tree.cursor_node is siblings[-1] and visible(tree, tree.cursor_line)


async def test_enter_space_and_sibling_keys() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        thesis = tree.root.children[0]
        first, second = thesis.children[0], thesis.children[1]
        tree.move_cursor(first)
        await pilot.press("shift+down")
        assert tree.cursor_node is second
        await pilot.press("shift+up")
        assert tree.cursor_node is first
        await pilot.press("shift+up")  # no sibling before: the parent
        assert tree.cursor_node is thesis
        await pilot.press("shift+left")  # a top-level node has no parent to go to
        assert tree.cursor_node is thesis
        opener = next(n for n in thesis.children if n.allow_expand)
        tree.move_cursor(opener)
        await pilot.press("enter")
        await settle(pilot)
        assert opener.is_expanded and opener.children
        await pilot.press("space")
        await settle(pilot)
        assert not opener.is_expanded
        await pilot.press("space")
        await settle(pilot)
        assert opener.is_expanded
        await pilot.press("right")  # open: to its first child
        assert tree.cursor_node is opener.children[0]
        await pilot.press("shift+left")
        assert tree.cursor_node is opener


async def test_the_mouse_highlights_a_branch_and_the_icon_toggles_without_moving() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        closed = next(n for n in tree.root.children[0].children if n.allow_expand)
        before = tree.cursor_node
        # The border is the first cell; the ▶ icon comes after the 3-cell guide.
        icon = Offset(1 + 3, 1 + closed.line)
        await pilot.hover(ClaimTree, offset=icon)
        assert tree.hover_line == closed.line
        await pilot.click(ClaimTree, offset=icon)
        await settle(pilot)
        assert closed.is_expanded and tree.cursor_node is before
        await pilot.click(ClaimTree, offset=icon)
        await settle(pilot)
        assert not closed.is_expanded
        await pilot.hover("#claim-text")
        assert tree.hover_line == -1
