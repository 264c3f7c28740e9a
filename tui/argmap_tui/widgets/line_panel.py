"""Panels of fixed size that wrap, scroll and draw their own text.

The claim panel used to be a `Static` inside a `VerticalScroll` above an
`OptionList`. Both took the height of what they showed, so every move in the
tree changed a size and re-laid out the whole screen; after each layout
Textual repaints every scroll view's scrollbar in a second pass. That made
two or three screen updates per keypress, most of a keypress on a big map,
and the list of links had to wait until the selection rested. A `LinePanel`
keeps the size the stylesheet gives it and draws its own lines and
scrollbar, so showing another claim repaints the panel only, in the same
screen update as the tree's cursor.

A panel shows a list of blocks (each a `rich.text.Text`, wrapped to the
width); `ClaimText` has one, `LinkList` one per link. They are rendered once
per claim, width, theme and highlight, and each repaint reuses the lines.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.scrollbar import ScrollBarRender
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual
from textual.widget import Widget

WHEEL_LINES = 3
"""Lines scrolled by one turn of the mouse wheel."""


class Rendered:
    """Blocks rendered to one width: the lines, and which block each line belongs to."""

    def __init__(self, panel: LinePanel, blocks: list[Text], width: int) -> None:
        self.lines: list[Strip] = []
        self.block_of: list[int] = []
        self.first_line: list[int] = []
        base = panel.visual_style
        # Blank cells, made once: `rich_style` walks the widget's ancestors each time.
        self.blank_line = Strip.blank(width, panel.rich_style)
        self.blank_cell = Strip.blank(1, panel.rich_style)
        for index, block in enumerate(blocks):
            extra = panel.block_style(index) if panel.blocks_shown else None
            self.first_line.append(len(self.lines))
            # Textual's own text pipeline, as a Static uses: it wraps, styles and marks
            # each cell with its offset for mouse selection.
            strips = Visual.to_strips(
                panel,
                Content.from_rich_text(block),
                width,
                None,
                base if extra is None else base + extra,
                apply_selection=panel.ALLOW_SELECT,
                pad=True,
            )
            self.lines.extend(strips)
            self.block_of.extend([index] * len(strips))


class LinePanel(Widget, can_focus=True):
    """Wrapped, scrollable, selectable blocks of text that never change the layout."""

    def __init__(
        self,
        blocks: list[Text] | None = None,
        *,
        placeholder: Text | None = None,
        id: str | None = None,
    ) -> None:  # noqa: A002
        super().__init__(id=id)
        self._blocks = list(blocks or [])
        self._placeholder = placeholder or Text()
        self._top = 0
        self._rendered: Rendered | None = None
        self._bar: list[Strip] | None = None

    # -- content -------------------------------------------------------------------------

    @property
    def blocks(self) -> list[Text]:
        return list(self._blocks)

    def set_blocks(self, blocks: list[Text], *, keep_position: bool = False) -> None:
        """Show new blocks (from the top unless `keep_position`): a repaint, never a layout."""
        self._blocks = list(blocks)
        self.invalidate()
        self._top = self._clamp(self._top if keep_position else 0)

    @property
    def blocks_shown(self) -> bool:
        """False while the placeholder stands in for an empty list."""
        return bool(self._blocks)

    def rendered(self) -> Rendered:
        """The blocks (or the placeholder) rendered to the current width, cached."""
        if self._rendered is None:
            self._rendered = Rendered(self, self._blocks or [self._placeholder], self.text_width)
        return self._rendered

    def invalidate(self) -> None:
        """Render again: the blocks, the width, the styles or a highlight changed."""
        self._rendered = None
        self._bar = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.invalidate()

    @property
    def text_width(self) -> int:
        """Columns for the text: the content width less one for the scrollbar."""
        return max(0, self.content_region.width - 1)

    @property
    def line_count(self) -> int:
        return len(self.rendered().lines)

    @property
    def scroll_line(self) -> int:
        """The first line shown."""
        return self._top

    def on_resize(self, event: events.Resize) -> None:
        self.invalidate()
        self._top = self._clamp(self._top)

    # -- scrolling -----------------------------------------------------------------------

    def _clamp(self, top: int) -> int:
        if not self.is_mounted:
            return max(0, top)
        return max(0, min(top, self.line_count - self.content_region.height))

    def scroll_to_line(self, top: int) -> None:
        top = self._clamp(top)
        if top != self._top:
            self._top = top
            self._bar = None
            self.refresh()

    def scroll_to_block(self, index: int) -> None:
        """Scroll as little as needed for a block to be in view (its start if it is too long)."""
        rendered = self.rendered()
        if not 0 <= index < len(rendered.first_line):
            return
        first = rendered.first_line[index]
        last = (
            rendered.first_line[index + 1] - 1
            if index + 1 < len(rendered.first_line)
            else len(rendered.lines) - 1
        )
        height = self.content_region.height
        if first < self._top or last - first + 1 > height:
            self.scroll_to_line(first)
        elif last >= self._top + height:
            self.scroll_to_line(last - height + 1)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.scroll_to_line(self._top + WHEEL_LINES)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.scroll_to_line(self._top - WHEEL_LINES)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        height = self.content_region.height
        if offset.x >= self.text_width:
            # On the scrollbar column: scroll to that point of the text.
            if height > 1:
                spare = self.line_count - height
                self.scroll_to_line(round(spare * offset.y / (height - 1)))
        else:
            rendered = self.rendered()
            line = self._top + offset.y
            if self._blocks and line < len(rendered.block_of):
                self.block_clicked(rendered.block_of[line])

    def block_clicked(self, index: int) -> None:
        """A click on a block's text (subclasses act on it)."""

    # -- selection -----------------------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        # Cells carry offsets into each block's own text (see `Rendered`), which is
        # only one text for a single block.
        if len(self._blocks) != 1:
            return None
        return selection.extract(self._blocks[0].plain), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.invalidate()

    # -- drawing -------------------------------------------------------------------------

    def block_style(self, index: int) -> VisualStyle | None:
        """An extra style over a whole block (subclasses mark a highlighted block)."""
        return None

    def render_line(self, y: int) -> Strip:
        rendered = self.rendered()
        index = self._top + y
        strip = rendered.lines[index] if index < len(rendered.lines) else rendered.blank_line
        return Strip.join([strip, self._scrollbar_cell(y, rendered)])

    def _scrollbar_cell(self, y: int, rendered: Rendered) -> Strip:
        height = self.content_region.height
        total = len(rendered.lines)
        if total <= height:
            return rendered.blank_cell
        if self._bar is None:
            # Coloured as Textual colours a ScrollBar, from this widget's scrollbar styles.
            styles = self.styles
            back = styles.scrollbar_background
            if back.a < 1:
                back = self.background_colors[0] + back
            bar = back + styles.scrollbar_color
            cells = ScrollBarRender.render_bar(
                size=height,
                virtual_size=total,
                window_size=height,
                position=self._top,
                back_color=back.rich_color,
                bar_color=bar.rich_color,
            ).segments
            self._bar = [Strip([cell], 1) for cell in cells]
        return self._bar[y] if y < len(self._bar) else rendered.blank_cell


class ClaimText(LinePanel):
    """The selected claim's text; the arrow keys scroll it when it has the focus."""

    BINDINGS = [
        Binding(
            "up",
            "scroll_lines(-1)",
            "Scroll up",
            show=False,
            tooltip="claim text: scroll up a line",
        ),
        Binding(
            "down",
            "scroll_lines(1)",
            "Scroll down",
            show=False,
            tooltip="claim text: scroll down a line",
        ),
        Binding(
            "pageup",
            "scroll_page(-1)",
            "Page up",
            show=False,
            tooltip="claim text: scroll up a page",
        ),
        Binding(
            "pagedown,space",
            "scroll_page(1)",
            "Page down",
            show=False,
            tooltip="claim text: scroll down a page",
        ),
        Binding("home", "scroll_to(0)", "Top", show=False, tooltip="claim text: go to the top"),
        Binding(
            "end", "scroll_to(-1)", "Bottom", show=False, tooltip="claim text: go to the bottom"
        ),
    ]

    def __init__(self, text: Text, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__([text], id=id)

    @property
    def text(self) -> Text:
        return self._blocks[0]

    def update(self, text: Text, *, keep_position: bool = False) -> None:
        self.set_blocks([text], keep_position=keep_position)

    def action_scroll_lines(self, count: int) -> None:
        self.scroll_to_line(self.scroll_line + count)

    def action_scroll_page(self, pages: int) -> None:
        self.scroll_to_line(self.scroll_line + pages * max(1, self.content_region.height - 1))

    def action_scroll_to(self, line: int) -> None:
        self.scroll_to_line(self.line_count if line < 0 else line)
