"""The selected claim's text: a panel of fixed size that scrolls by itself.

The text used to be a `Static` inside a `VerticalScroll`. The `Static` took
the height of each claim, so every move in the tree changed a size and
re-laid out the whole screen, and after each layout Textual repaints every
scroll view's scrollbar in a second pass: two or three screen updates per
keypress, most of a keypress on a big map. This panel keeps its size and
draws its own lines and scrollbar, so showing another claim repaints only
the panel, in the same screen update as the tree's cursor.
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


class ClaimText(Widget, can_focus=True):
    """Wrapped, scrollable, selectable text that never changes the layout."""

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
        super().__init__(id=id)
        self._text = text
        self._top = 0
        self._wrapped: tuple[int, Style, list[Text]] | None = None
        self._bar: tuple[tuple[int, int, int, Style], list[Strip]] | None = None

    # -- content -------------------------------------------------------------------------

    @property
    def text(self) -> Text:
        return self._text

    def update(self, text: Text, *, keep_position: bool = False) -> None:
        """Show new text (from the top unless `keep_position`): a repaint, never a layout."""
        self._text = text
        self._wrapped = None
        if not keep_position:
            self._top = 0
        self._top = self._clamp(self._top)
        self.refresh()

    def _lines(self) -> list[Text]:
        """The text wrapped to the current width (cached until text, width or theme change)."""
        width = self.text_width
        base = self.rich_style
        if self._wrapped is None or self._wrapped[:2] != (width, base):
            lines = self._text.wrap(self.app.console, width, overflow="fold") if width else []
            self._wrapped = (width, base, list(lines))
        return self._wrapped[2]

    @property
    def text_width(self) -> int:
        """Columns for the text: the content width less one for the scrollbar."""
        return max(0, self.content_region.width - 1)

    @property
    def line_count(self) -> int:
        return len(self._lines())

    @property
    def scroll_line(self) -> int:
        """The first line shown."""
        return self._top

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._wrapped = None

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

    def action_scroll_lines(self, count: int) -> None:
        self.scroll_to_line(self._top + count)

    def action_scroll_page(self, pages: int) -> None:
        self.scroll_to_line(self._top + pages * max(1, self.content_region.height - 1))

    def action_scroll_to(self, line: int) -> None:
        self.scroll_to_line(self.line_count if line < 0 else line)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.action_scroll_lines(WHEEL_LINES)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.action_scroll_lines(-WHEEL_LINES)

    def on_click(self, event: events.Click) -> None:
        """A click on the scrollbar column scrolls to that point of the text."""
        height = self.content_region.height
        if event.x == self.text_width and height > 1:
            spare = self.line_count - height
            self.scroll_to_line(round(spare * event.y / (height - 1)))

    # -- selection -----------------------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        plain = "\n".join(line.plain.rstrip() for line in self._lines())
        return selection.extract(plain), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    # -- drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        lines = self._lines()
        width = self.text_width
        base = self.rich_style
        index = self._top + y
        if index < len(lines):
            line = lines[index].copy()
            line.stylize_before(base)
            selection = self.text_selection
            if selection is not None and (span := selection.get_span(index)) is not None:
                start, end = span
                line.stylize(self.screen.get_component_rich_style("screen--selection"),
                             start, len(line) if end == -1 else end)
            strip = Strip(line.render(self.app.console), line.cell_len)
            strip = strip.crop_extend(0, width, base).apply_offsets(0, index)
        else:
            strip = Strip.blank(width, base)
        return Strip.join([strip, self._scrollbar_cell(y, len(lines))])

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
