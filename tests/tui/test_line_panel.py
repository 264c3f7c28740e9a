"""The claim text and the links: fixed-size panels that scroll, select and jump.

They exist so that a move in the tree never re-lays out the screen; the last
test holds them to that.
"""

from __future__ import annotations

import pytest
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.geometry import Offset
from textual.selection import Selection
from textual.widget import Widget

from argmap_tui.screens.explore import ExploreScreen
from argmap_tui.widgets.line_panel import ClaimText
from argmap_tui.widgets.link_list import LinkList
from tests.tui.support import EXAMPLE, detail_text, make_app, settle

LONG = Text("\n".join(f"line {n} [b]not bold[/b]" for n in range(40)))


class PanelApp(App[None]):
    CSS = "ClaimText { height: 10; } LinkList { height: 6; }"

    def compose(self) -> ComposeResult:
        yield ClaimText(LONG, id="text")
        yield LinkList(id="links")


class ListeningApp(PanelApp):
    """Keeps the index of every `LinkList.Chosen` it hears."""

    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[int] = []

    def on_link_list_chosen(self, event: LinkList.Chosen) -> None:
        self.chosen.append(event.index)


async def test_claim_text_scrolls_by_keys_wheel_and_scrollbar() -> None:
    app = PanelApp()
    async with app.run_test(size=(40, 20)) as pilot:
        text = app.query_one(ClaimText)
        text.focus()
        await pilot.press("down", "down")
        assert text.scroll_line == 2
        await pilot.press("end")
        assert text.scroll_line == 40 - 10
        await pilot.press("pageup")
        assert text.scroll_line == 40 - 10 - 9
        await pilot.press("home")
        assert text.scroll_line == 0
        text.post_message(events.MouseScrollDown(text, 2, 2, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert text.scroll_line == 3
        # A click at the bottom of the scrollbar column goes to the end.
        await pilot.click(ClaimText, offset=(text.text_width, 9))
        assert text.scroll_line == 30
        # The text is shown literally, and the scrollbar is drawn beside it.
        first = text.render_line(0).text
        assert first.startswith("line 30 [b]not bold[/b]")

        def bar(y: int) -> bool:  # is the scrollbar's thumb on this row?
            return bool(list(text.render_line(y))[-1].style.reverse)

        assert bar(9) and not bar(0)


async def test_new_text_starts_at_the_top_unless_asked_to_keep_its_place() -> None:
    app = PanelApp()
    async with app.run_test(size=(40, 20)) as pilot:
        text = app.query_one(ClaimText)
        text.scroll_to_line(12)
        text.update(LONG, keep_position=True)
        assert text.scroll_line == 12
        text.update(Text("short"))
        assert text.scroll_line == 0 and text.line_count == 1
        text.scroll_to_line(5)
        assert text.scroll_line == 0  # nothing to scroll
        await pilot.pause()


async def test_selected_text_comes_out_as_shown() -> None:
    app = PanelApp()
    async with app.run_test(size=(40, 20)):
        text = app.query_one(ClaimText)
        picked = text.get_selection(Selection(Offset(0, 1), Offset(6, 2)))
        assert picked == ("line 1 [b]not bold[/b]\nline 2", "\n")


async def test_link_list_moves_a_highlight_and_posts_the_chosen_index() -> None:
    app = ListeningApp()
    chosen = app.chosen
    async with app.run_test(size=(40, 20)) as pilot:
        links = app.query_one(LinkList)
        links.set_links([Text(f"link {n}\n   why: because {n}") for n in range(5)])
        assert links.highlighted is None
        links.focus()
        await pilot.pause()
        assert links.highlighted == 0
        await pilot.press("down", "down", "down")
        assert links.highlighted == 3
        # Each link takes two lines and six fit: the highlighted one is scrolled into view.
        assert links.scroll_line <= 6 <= links.scroll_line + 5
        await pilot.press("enter")
        await pilot.press("end", "down", "enter")
        await pilot.press("home", "up", "enter")
        await pilot.pause()
        assert chosen == [3, 4, 0]
        links.set_links([])
        await pilot.press("enter")
        await pilot.pause()
        assert chosen == [3, 4, 0] and links.highlighted is None
        assert links.render_line(0).text.startswith("No linked claims.")


async def test_moving_in_the_tree_never_re_lays_out_the_screen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The speed of a keypress on a big map rests on this (docs/benchmarks.md)."""
    layouts: list[str] = []
    refresh = Widget.refresh

    def counting(self: Widget, *regions: object, layout: bool = False, **options: bool) -> Widget:
        if layout:
            layouts.append(f"{type(self).__name__}#{self.id}")
        return refresh(self, *regions, layout=layout, **options)  # type: ignore[arg-type]

    app = make_app(EXAMPLE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Widget, "refresh", counting)
        seen = set()
        for _ in range(6):
            await pilot.press("down")
            await pilot.pause(0.15)  # single moves: the detail follows each
            seen.add(detail_text(app).split("\n")[0])
        monkeypatch.setattr(Widget, "refresh", refresh)
        assert len(seen) == 6  # every move showed another claim
        assert layouts == []


async def test_an_error_while_showing_a_claim_is_not_swallowed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The screen hears of moves through a signal, which would only log an error."""

    def broken(self: ExploreScreen, claim_id: str | None) -> None:
        raise RuntimeError("detail broke")

    app = make_app(EXAMPLE)
    with pytest.raises(RuntimeError, match="detail broke"):
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            monkeypatch.setattr(ExploreScreen, "_show_detail", broken)
            await pilot.press("down")
            await pilot.pause()
