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
width); `ClaimText` has one, `LinkList` one per link.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.scrollbar import ScrollBarRender
from textual.selection import Selection
from textual.strip import Strip
from textual.widget import Widget

WHEEL_LINES = 3
"""Lines scrolled by one turn of the mouse wheel."""


class Wrapped:
    """Blocks wrapped to one width: the lines, and which block each line belongs to."""

    def __init__(self, blocks: list[Text], width: int, widget: Widget) -> None:
        self.lines: list[Text] = []
        self.block_of: list[int] = []
        self.first_line: list[int] = []
        for index, block in enumerate(blocks):
            self.first_line.append(len(self.lines))
            wrapped = block.wrap(widget.app.console, width, overflow="fold") if width else []
            self.lines.extend(wrapped)
            self.block_of.extend([index] * len(wrapped))


class LinePanel(Widget, can_focus=True):
    """Wrapped, scrollable, selectable blocks of text that never change the layout."""

    def __init__(self, blocks: list[Text] | None = None, *, placeholder: Text | None = None,
                 id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._blocks = list(blocks or [])
        self._placeholder = placeholder or Text()
        self._top = 0
        self._wrapped: tuple[int, Wrapped] | None = None
        self._bar: tuple[tuple[int, int, int, Style], list[Strip]] | None = None

    # -- content -------------------------------------------------------------------------

    @property
    def blocks(self) -> list[Text]:
        return list(self._blocks)

    def set_blocks(self, blocks: list[Text], *, keep_position: bool = False) -> None:
        """Show new blocks (from the top unless `keep_position`): a repaint, never a layout."""
        self._blocks = list(blocks)
        self._wrapped = None
        self._top = self._clamp(self._top if keep_position else 0)
        self.refresh()

    def wrapped(self) -> Wrapped:
        """The blocks (or the placeholder) wrapped to the current width, cached."""
        width = self.text_width
        if self._wrapped is None or self._wrapped[0] != width:
            self._wrapped = (width, Wrapped(self._blocks or [self._placeholder], width, self))
        return self._wrapped[1]

    @property
    def text_width(self) -> int:
        """Columns for the text: the content width less one for the scrollbar."""
        return max(0, self.content_region.width - 1)

    @property
    def line_count(self) -> int:
        return len(self.wrapped().lines)

    @property
    def scroll_line(self) -> int:
        """The first line shown."""
        return self._top

    def on_resize(self, event: events.Resize) -> None:
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
            self.refresh()

    def scroll_to_block(self, index: int) -> None:
        """Scroll as little as needed for a block to be in view (its start if it is too long)."""
        wrapped = self.wrapped()
        if not 0 <= index < len(wrapped.first_line):
            return
        first = wrapped.first_line[index]
        last = wrapped.first_line[index + 1] - 1 if index + 1 < len(wrapped.first_line) \
            else len(wrapped.lines) - 1
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
            wrapped = self.wrapped()
            line = self._top + offset.y
            if self._blocks and line < len(wrapped.block_of):
                self.block_clicked(wrapped.block_of[line])

    def block_clicked(self, index: int) -> None:
        """A click on a block's text (subclasses act on it)."""

    # -- selection -----------------------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        plain = "\n".join(line.plain.rstrip() for line in self.wrapped().lines)
        return selection.extract(plain), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    # -- drawing -------------------------------------------------------------------------

    def block_style(self, index: int) -> Style | None:
        """An extra style over a whole block (subclasses mark a highlighted block)."""
        return None

    def render_line(self, y: int) -> Strip:
        wrapped = self.wrapped()
        width = self.text_width
        base = self.rich_style
        index = self._top + y
        if index < len(wrapped.lines):
            line = wrapped.lines[index].copy()
            line.stylize_before(base)
            fill = base
            if self._blocks and (extra := self.block_style(wrapped.block_of[index])):
                line.stylize(extra)
                fill = base + extra
            selection = self.text_selection
            if selection is not None and (span := selection.get_span(index)) is not None:
                start, end = span
                line.stylize(self.screen.get_component_rich_style("screen--selection"),
                             start, len(line) if end == -1 else end)
            strip = Strip(line.render(self.app.console), line.cell_len)
            strip = strip.crop_extend(0, width, fill).apply_offsets(0, index)
        else:
            strip = Strip.blank(width, base)
        return Strip.join([strip, self._scrollbar_cell(y, len(wrapped.lines))])

    def _scrollbar_cell(self, y: int, total: int) -> Strip:
        height = self.content_region.height
        if total <= height:
            return Strip.blank(1, self.rich_style)
        key = (height, total, self._top, self.rich_style)
        if self._bar is None or self._bar[0] != key:
            # Coloured as Textual colours a ScrollBar, from this widget's scrollbar styles.
            styles = self.styles
            back = styles.scrollbar_background
            if back.a < 1:
                back = self.background_colors[0] + back
            bar = back + styles.scrollbar_color
            cells = ScrollBarRender.render_bar(
                size=height, virtual_size=total, window_size=height, position=self._top,
                back_color=back.rich_color, bar_color=bar.rich_color).segments
            self._bar = (key, [Strip([cell], 1) for cell in cells])
        cells = self._bar[1]
        return cells[y] if y < len(cells) else Strip.blank(1, self.rich_style)


class ClaimText(LinePanel):
    """The selected claim's text; the arrow keys scroll it when it has the focus."""

    BINDINGS = [
        Binding("up", "scroll_lines(-1)", "Scroll up", show=False,
                tooltip="claim text: scroll up a line"),
        Binding("down", "scroll_lines(1)", "Scroll down", show=False,
                tooltip="claim text: scroll down a line"),
        Binding("pageup", "scroll_page(-1)", "Page up", show=False,
                tooltip="claim text: scroll up a page"),
        Binding("pagedown,space", "scroll_page(1)", "Page down", show=False,
                tooltip="claim text: scroll down a page"),
        Binding("home", "scroll_to(0)", "Top", show=False,
                tooltip="claim text: go to the top"),
        Binding("end", "scroll_to(-1)", "Bottom", show=False,
                tooltip="claim text: go to the bottom"),
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
