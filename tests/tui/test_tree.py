"""The pro/con tree: symbols, lazy building, cycles, shared claims, keyboard and mouse."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Region
from textual.widgets import Tree

from argmap.view_model import Badge
from argmap_tui.widgets.claim_tree import ClaimTree
from tests.tui.support import BUNDLED, CYCLE, EXAMPLE, HOSTILE, make_app, settle


def labels(tree: ClaimTree, node=None) -> list[str]:  # type: ignore[no-untyped-def]
    node = node or tree.root
    return [child.label.plain for child in node.children]


async def test_thesis_opens_with_marked_supporters_and_attackers() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        thesis = tree.root.children[0]
        assert thesis.is_expanded
        children = labels(tree, thesis)
        # Symbols say the relation without colour: ✚ support, ✖ attack, & linked premises.
        assert sum(label.startswith("✚") for label in children) == 5
        assert sum(label.startswith("✖") for label in children) == 1
        assert sum(label.startswith("✚&") for label in children) == 2
        # The colour differs too.
        support = next(c for c in thesis.children if c.label.plain.startswith("✚"))
        attack = next(c for c in thesis.children if c.label.plain.startswith("✖"))
        assert support.label.spans[0].style != attack.label.spans[0].style


async def test_children_are_built_only_when_a_node_is_opened() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        photos = next(
            n
            for n in tree.root.children[0].children
            if n.data is not None and n.data.claim_id == "photos-collected"
        )
        assert photos.allow_expand and not photos.children
        tree.move_cursor(photos)
        await pilot.press("right")
        await settle(pilot)
        assert [c.data.claim_id for c in photos.children] == ["data-protected"]
        await pilot.press("left")
        await settle(pilot)
        assert not photos.is_expanded


async def test_undercut_hangs_under_the_premise_of_the_relation_it_undercuts() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        node = tree.node_for("state-voice")
        assert node is not None and node.label.plain.startswith("⊘")
        assert node.parent is not None and node.parent.data.claim_id == "feels-safer"


async def test_cycles_stop_and_shared_claims_say_so() -> None:
    app = make_app(CYCLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        a = tree.node_for("a")
        assert a is not None
        tree.populate(a)
        b = next(n for n in a.children if n.data.claim_id == "b")
        tree.populate(b)
        again = next(n for n in b.children if n.data.claim_id == "a")
        assert again.data.cycle and not again.allow_expand
        assert "↺ cycle" in again.label.plain
        shared = [n for n in tree.built_nodes() if n.data.claim_id == "c"]
        assert len(shared) == 2
        assert all("↻+1" in n.label.plain for n in shared)
        # A claim no thesis reaches sits in its own group and can still be selected.
        group = tree.root.children[-1]
        assert group.data is None and "Not linked" in group.label.plain
        assert tree.select_claim("lonely")
        await settle(pilot)
        assert tree.current_claim_id == "lonely"


async def test_keyboard_moves_the_selection_and_the_detail_follows() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        assert tree.current_claim_id == "locks"
        await pilot.press("down")
        await settle(pilot)
        assert tree.current_claim_id == "sublet-common"
        assert app.screen.detail.claim_id == "sublet-common"
        await pilot.press("down", "down")
        await settle(pilot)
        assert tree.current_claim_id == "locks-stop-strangers"


async def test_end_and_home_jump_at_once_without_animating() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 12), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        for node in list(tree.root.children[0].children):
            if node.allow_expand:
                tree.populate(node)
                node.expand()
        await settle(pilot)
        assert tree.last_line > tree.scrollable_content_region.height
        animated: list[bool] = []
        scroll_to_region = tree.scroll_to_region

        def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
            animated.append(kwargs.get("animate", True))
            return scroll_to_region(*args, **kwargs)

        tree.scroll_to_region = spy  # type: ignore[method-assign]
        await pilot.press("end")
        await pilot.pause()
        assert tree.cursor_line == tree.last_line
        assert tree.scroll_y == tree.max_scroll_y > 0  # there already, not on the way
        await pilot.press("home")
        await pilot.pause()
        assert tree.cursor_line == 0 and tree.scroll_y == 0
        await pilot.press("pagedown")
        assert animated and not any(animated)
        await settle(pilot)
        assert app.screen.detail.claim_id == tree.current_claim_id


async def test_mouse_click_selects_a_claim() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        target = next(
            n for n in tree.root.children[0].children if n.data.claim_id == "elderly-checks"
        )
        assert await pilot.click(ClaimTree, offset=(12, target.line + 1))
        await settle(pilot)
        assert tree.current_claim_id == "elderly-checks"
        assert app.screen.detail.claim_id == "elderly-checks"


async def test_colours_follow_the_theme() -> None:
    app = make_app(CYCLE, theme="textual-dark")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        shared = next(n for n in tree.built_nodes() if n.data.claim_id == "c")

        def marker_style():  # type: ignore[no-untyped-def]
            start = shared.label.plain.index("↻")
            return next(s.style for s in shared.label.spans if s.start == start)

        dark = marker_style()
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.theme == "textual-light"
        assert marker_style() != dark
        assert "↻+1" in shared.label.plain


def cells(strip, ids=None):  # type: ignore[no-untyped-def]
    """Each cell of a line with its full style and mouse metadata (node ids mapped by `ids`)."""
    out = []
    for segment in strip:
        style = segment.style
        meta = dict(style.meta) if style is not None else {}
        if ids is not None and "node" in meta:
            meta["node"] = ids[meta["node"]]
        plain = style.clear_meta_and_links() if style is not None else None
        out += [(char, plain, sorted(meta.items())) for char in segment.text]
    return out


def mirror_of(tree: ClaimTree) -> tuple[Tree[object], dict[int, int]]:
    """Textual's own `Tree` holding the same nodes, open and closed alike.

    Its class is named ClaimTree so that the explorer's styles for the tree
    (border, scrollbar, overflow) apply to it too. Returns it with the map from
    the tree's node ids to the mirror's.
    """

    class ClaimTree(Tree[object]):  # noqa: N801 - the name the explorer's CSS selects
        pass

    mirror = ClaimTree(Text("Theses"))
    mirror.show_root = False
    mirror.guide_depth = 3
    ids: dict[int, int] = {}
    stack = [(tree.root, mirror.root)]
    while stack:
        ours, theirs = stack.pop()
        for child in ours.children:
            node = theirs.add(
                child.label,
                data=child.data,
                expand=child.is_expanded,
                allow_expand=child.allow_expand,
            )
            ids[child.id] = node.id
            stack.append((child, node))
    return mirror, ids


async def assert_lines_drawn_as_tree_draws_them(pilot, tree: ClaimTree, focus: bool) -> int:  # type: ignore[no-untyped-def]
    """Our rows against Textual's `Tree` in the same place, line by line and cell by cell."""
    mirror, ids = mirror_of(tree)
    mirror.styles.width = tree.styles.width  # the explorer sets the tree's width in columns
    hover = tree.hover_line
    tree._line_style = tree.rich_style
    tree._styles = None
    ours = [cells(tree.render_line(y)) for y in range(tree.size.height)]
    size, scroll_y = tree.size, tree.scroll_y
    await tree.parent.mount(mirror, before=tree)
    tree.display = False
    await settle(pilot)
    mirror.move_cursor(mirror.get_node_by_id(ids[tree.cursor_node.id]))
    mirror.scroll_to(y=scroll_y, animate=False, immediate=True)
    mirror.hover_line = hover
    if focus:
        mirror.focus()
    await settle(pilot)
    assert mirror.size == size and mirror.scroll_y == scroll_y
    theirs = [cells(mirror.render_line(y)) for y in range(mirror.size.height)]
    reverse = {v: k for k, v in ids.items()}
    theirs = [
        [(c, st, [(k, reverse.get(v, v) if k == "node" else v) for k, v in m]) for c, st, m in line]
        for line in theirs
    ]
    for y, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        assert a == b, y
    await mirror.remove()
    tree.display = True
    if focus:
        tree.focus()
    await settle(pilot)
    return min(tree.size.height, tree.last_line + 1)


async def test_lines_are_drawn_cell_for_cell_as_textual_draws_them() -> None:
    # At 60 columns most labels are cut, some in the middle of a wide character.
    for path, least, size in (
        (BUNDLED, 30, (100, 40)),
        (HOSTILE, 4, (100, 40)),
        (HOSTILE, 4, (60, 24)),
        (HOSTILE, 4, (61, 24)),
    ):
        app = make_app(path)
        async with app.run_test(size=size, notifications=True) as pilot:
            await settle(pilot)
            tree = app.screen.query_one(ClaimTree)
            # Guides at several depths, ▶ and ▼ icons, the cursor below a top-level
            # node (the "selected" guides), analysis badges and a what-if mark.
            for _ in range(3):
                for node in tree.built_nodes():
                    if node.allow_expand and not node.is_expanded:
                        node.expand()
            tree.root.children[0].children[-1].collapse()
            await settle(pilot)
            deep = max(tree.built_nodes(), key=lambda n: len(n.path))
            tree.move_cursor(deep.parent)
            await pilot.press("r")
            await settle(pilot)
            assert any("▼" in tree.render_line(y).text for y in range(10))
            assert await assert_lines_drawn_as_tree_draws_them(pilot, tree, True) >= least
            # Unfocused, the cursor and guides change style.
            app.screen.detail.focus()
            await settle(pilot)
            await assert_lines_drawn_as_tree_draws_them(pilot, tree, False)
            # With the mouse over a line, the line and the branch below it are highlighted.
            tree.focus()
            tree.hover_line = tree.cursor_line - 1
            await settle(pilot)
            await assert_lines_drawn_as_tree_draws_them(pilot, tree, True)


async def test_new_badges_show_on_every_line_at_once() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        await pilot.press("down", "right", "down", "right")
        await settle(pilot)
        shown = [n for n in tree.built_nodes() if 0 <= n.line < tree.size.height]
        assert len(shown) > 5
        tree.set_badges({n.data.claim_id: Badge("open", 0.125) for n in shown})
        await pilot.pause()
        # What the widget paints now, its border included.
        painted = tree.render_lines(Region(0, 0, tree.outer_size.width, tree.outer_size.height))
        top = tree.gutter.top
        assert all("open   0.12" in painted[top + n.line].text for n in shown)
        assert all("open   0.12" in n.label.plain for n in shown)


async def test_rows_say_stands_and_falls_in_words_with_the_strengths_lined_up() -> None:
    from argmap.view_model import analyse

    app = make_app(EXAMPLE, analyser=analyse)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(ClaimTree)
        analysis = app.screen.analysis
        assert analysis is not None and analysis.available
        nodes = {n.data.claim_id: n for n in tree.built_nodes()}
        thesis, attack = nodes["locks"], nodes["photos-collected"]
        # The real analysis: the thesis falls (grounded OUT), the attack on it stands (IN).
        assert analysis.claims["locks"].label == "out"
        assert analysis.claims["photos-collected"].label == "in"
        painted = tree.render_lines(Region(0, 0, tree.outer_size.width, tree.outer_size.height))
        top = tree.gutter.top
        thesis_row = painted[top + thesis.line].text
        attack_row = painted[top + attack.line].text
        assert "◆ falls  0." in thesis_row and "IN" not in thesis_row
        assert "✖ stands 0." in attack_row and "OUT" not in attack_row
        # "falls" is padded to the width of "stands": the strengths start one under the other.
        assert thesis.label.plain.index("0.") == thesis.label.plain.index("falls") + 7
        assert attack.label.plain.index("0.") == attack.label.plain.index("stands") + 7
        # The word keeps the badge's bold style.
        word = thesis.label.plain.index("falls")
        assert any(
            s.start == word and s.end == word + 5 and "bold" in str(s.style)
            for s in thesis.label.spans
        )
