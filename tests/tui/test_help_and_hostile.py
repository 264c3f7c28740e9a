"""`?` lists every key, `q` quits; hostile claim text never breaks a widget."""

from __future__ import annotations

from textual.widgets import Select, Static

from argmap_tui.screens.claim_lists import FilterScreen, ViewsScreen
from argmap_tui.screens.help import HelpScreen
from argmap_tui.widgets.claim_tree import ClaimTree
from tests.tui.support import EXAMPLE, HOSTILE, detail_text, make_app, settle


async def test_help_lists_every_binding_and_closes() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = dict(app.screen.rows)
        for binding in [*app.BINDINGS, *app.explorer.BINDINGS, *ClaimTree.BINDINGS]:
            assert binding.tooltip in rows.values(), binding.tooltip  # type: ignore[union-attr]
        assert rows["⌫ ["].startswith("back to the claim")
        assert rows["q"] == "quit argmap"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.explorer


async def test_footer_shows_the_main_keys() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        shown = {b.binding.key for b in app.active_bindings.values() if b.binding.show}
        assert {"q", "question_mark", "slash", "f", "o", "v", "a", "r"} <= shown


async def test_q_quits() -> None:
    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running


async def test_hostile_text_is_shown_literally_everywhere() -> None:
    app = make_app(HOSTILE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        screen = app.explorer
        assert screen.query_one("#title-bar", Static).content.plain == (
            "[b]Hostile[/] map [@click=app.quit]title[/]"
        )
        tree = screen.query_one(ClaimTree)
        thesis = tree.root.children[0].label.plain
        assert thesis.endswith("[b]bold[/] thesis with [/] and [@click=app.quit]x[/]")
        for claim_id in ("zh", "esc", "t"):
            assert screen.jump_to(claim_id)
            await settle(pilot)
            body = detail_text(app)
            assert app.map.claim(claim_id).text in body
        assert screen.jump_to("zh")
        await settle(pilot)
        body = detail_text(app)
        for literal in (
            "“[/] quoted [link=http://x]text[/link]”",
            "[i]para[/i] 1",
            "[@click=app.quit]outlet[/]",
            "⚠ Flaw: [/]",
            "Reliability: [b]unreliable[/b] 😀",
            "Themes: 中文 and 😀",
        ):
            assert literal in body, literal
        assert screen.jump_to("t")
        await settle(pilot)
        body = detail_text(app)
        assert "Themes: [red]Markup[/] theme, 中文 and 😀" in body
        # Walk every node with the keyboard, opening each one.
        for _ in range(8):
            await pilot.press("right", "down")
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterScreen)
        select = app.screen.query_one("#filter-theme", Select)
        select.value = "markup"
        await settle(pilot)
        await pilot.press("escape", "v")
        await settle(pilot)
        assert isinstance(app.screen, ViewsScreen)
        await pilot.press("escape")
        app.notify(app.map.claim("t").text, markup=False)
        await settle(pilot)
        assert app.is_running
        assert screen.query_one("#status", Static).content.plain.startswith("hostile.yaml")
