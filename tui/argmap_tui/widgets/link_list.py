"""The claims linked to the selected one, as a list to move through and jump from.

It does what an `OptionList` did here, without its cost: the list keeps the
size the stylesheet gives it, so a new claim's links are drawn in the same
screen update as the tree's cursor instead of re-laying out the screen
(see `line_panel`).
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.style import Style as VisualStyle

from argmap_tui.widgets.line_panel import LinePanel


class LinkList(LinePanel):
    """One block per link; posts `Chosen` on Enter or a click."""

    COMPONENT_CLASSES = {"link-list--highlight"}
    ALLOW_SELECT = False  # links are for jumping; a click picks one

    BINDINGS = [
        Binding(
            "up",
            "move(-1)",
            "Previous link",
            show=False,
            tooltip="links: highlight the previous linked claim",
        ),
        Binding(
            "down",
            "move(1)",
            "Next link",
            show=False,
            tooltip="links: highlight the next linked claim",
        ),
        Binding(
            "home",
            "move_to(0)",
            "First link",
            show=False,
            tooltip="links: highlight the first linked claim",
        ),
        Binding(
            "end",
            "move_to(-1)",
            "Last link",
            show=False,
            tooltip="links: highlight the last linked claim",
        ),
        Binding(
            "enter", "choose", "Jump", show=False, tooltip="links: jump to the highlighted claim"
        ),
    ]

    class Chosen(Message):
        """A link was picked (by Enter or a click); `index` is its place in the list."""

        def __init__(self, link_list: LinkList, index: int) -> None:
            super().__init__()
            self.link_list = link_list
            self.index = index

        @property
        def control(self) -> LinkList:
            return self.link_list

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__([], placeholder=Text("No linked claims.", style="italic"), id=id)
        self.highlighted: int | None = None

    def set_links(self, entries: list[Text]) -> None:
        """Show a new claim's links, from the top, with nothing highlighted."""
        self.highlighted = 0 if entries and self.has_focus else None
        self.set_blocks(entries)

    def on_focus(self) -> None:
        if self.highlighted is None and self._blocks:
            self.highlighted = 0
        self.invalidate()

    def on_blur(self) -> None:
        self.invalidate()

    def action_move(self, step: int) -> None:
        if self._blocks:
            current = -1 if self.highlighted is None and step > 0 else (self.highlighted or 0)
            self.action_move_to(max(0, min(len(self._blocks) - 1, current + step)))

    def action_move_to(self, index: int) -> None:
        if self._blocks:
            self.highlighted = index % len(self._blocks)
            self.invalidate()
            self.scroll_to_block(self.highlighted)

    def action_choose(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self._blocks):
            self.post_message(self.Chosen(self, self.highlighted))

    def block_clicked(self, index: int) -> None:
        self.action_move_to(index)
        self.action_choose()

    def block_style(self, index: int) -> VisualStyle | None:
        if index == self.highlighted:
            return self.get_visual_style("link-list--highlight", partial=True)
        return None
