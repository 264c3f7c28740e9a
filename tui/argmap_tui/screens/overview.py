"""`o`: the whole map as an icicle — every thesis and branch in blocks of terminal cells.

The layout is `argmap.overview` (plain data); this screen only draws it and
moves a selection. Blocks are sized by the claims beneath them, coloured by
side (green pro, red con, grey both or none) and shaded by strength (darker
is weaker) once the analysis is in. Keys: arrows move (← → along a band,
↓ into the biggest child, ↑ to the parent), Enter opens the tree at the
selected claim, `z` zooms into it, `Z` (or Backspace) zooms out, Esc goes back.
A click selects, a second click on the same block opens it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer, Static

from argmap.model import Map
from argmap.overview import Block, Forest, Layout, forest, layout
from argmap.sides import Side
from argmap_tui.text import literal_line, one_line
from argmap_tui.widgets.claim_tree import SYMBOLS

SIDE_COLOURS: Mapping[Side | None, Color] = {
    Side.PRO: Color(46, 125, 50),
    Side.CON: Color(183, 28, 28),
    Side.BOTH: Color(110, 90, 140),
    None: Color(90, 90, 90),
}
DARK = Color(18, 18, 18)
SELECTED = Color(255, 214, 0)
# Cells kept across layouts before they are dropped (a 10,000-claim map lays out
# about 1,400 blocks at 160 columns).
CELL_CACHE_LIMIT = 20_000
# Without strengths (analysis not in yet, or failed) blocks are shown at this one.
UNKNOWN_STRENGTH = 0.7


def shade(side: Side | None, strength: float | None) -> Color:
    """The side's colour, darker the weaker the claim (a 0 keeps a third of the colour)."""
    value = UNKNOWN_STRENGTH if strength is None else min(max(strength, 0.0), 1.0)
    return DARK.blend(SIDE_COLOURS.get(side, SIDE_COLOURS[None]), 0.35 + 0.65 * value)


class Icicle(Widget, can_focus=True):
    """Draws a `Layout` line by line and keeps the selection and the zoom."""

    DEFAULT_CSS = """
    Icicle { height: 1fr; }
    """

    class Selected(Message):
        """The selection moved to `claim_id` (the screen shows it below the chart)."""

        def __init__(self, claim_id: str, node: int) -> None:
            super().__init__()
            self.claim_id = claim_id
            self.node = node

    class Opened(Message):
        """Open the explorer's tree at `claim_id`."""

        def __init__(self, claim_id: str) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(
        self, the_map: Map, strengths: Mapping[str, float] | None = None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.map = the_map
        self.branches: Forest = forest(the_map)
        self.strengths = dict(strengths or {})
        self.roots_shown: tuple[int, ...] = self.branches.roots
        self.zooms: list[tuple[int, ...]] = []
        self.selected: int | None = self.branches.roots[0] if self.branches.roots else None
        self.shown: Layout = Layout((), 0, 0)
        self.band_height = 2
        self._by_node: dict[int, Block] = {}
        self._bands: list[list[Block]] = []
        self._lines: list[Strip] = []
        self._band_lines: list[list[Strip]] = []
        self._cell_cache: dict[tuple[Block, bool], tuple[str, str, Style, Style]] = {}
        self._labels: dict[int, str] = {}
        self._last_click: int | None = None

    # -- layout ---------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.relayout()

    def relayout(self) -> None:
        width, height = self.size.width, self.size.height
        if width <= 0 or height <= 0:
            return
        depth = self.branches.depth
        # Three rows a band (label, figures, a gap) when they fit, else two, else one.
        self.band_height = next((h for h in (3, 2) if depth * h <= height), 1)
        bands = max(1, height // self.band_height)
        self.shown = layout(self.branches, self.roots_shown, width, bands)
        self._by_node = {b.node: b for b in self.shown.blocks}
        self._bands = [[] for _ in range(self.shown.depth)]
        for block in self.shown.blocks:
            self._bands[block.depth].append(block)
        for band in self._bands:
            band.sort(key=lambda b: b.start)
        if self.selected not in self._by_node:
            self.selected = self.shown.blocks[0].node if self.shown.blocks else None
        self._draw()
        self.refresh()

    def _draw(self) -> None:
        """Every band's lines as Strips, drawn once per layout. A block's cells depend only
        on its place and width, so they are kept across zooms (a zoom out reuses them)."""
        if len(self._cell_cache) > CELL_CACHE_LIMIT:
            self._cell_cache.clear()
        self._band_lines = [self._draw_band(band) for band in self._bands]
        self._lines = [line for lines in self._band_lines for line in lines]

    def _redraw(self, *nodes: int | None) -> None:
        """Draw again only the bands holding these nodes (a selection moved)."""
        for node in nodes:
            block = self._by_node.get(node) if node is not None else None
            if block is not None:
                self._band_lines[block.depth] = self._draw_band(self._bands[block.depth])
        self._lines = [line for lines in self._band_lines for line in lines]

    def _draw_band(self, band: list[Block]) -> list[Strip]:
        width = self.shown.width
        label_row: list[Segment] = []
        meta_row: list[Segment] = []
        at = 0
        for block in band:
            if block.start > at:
                label_row.append(Segment(" " * (block.start - at)))
                meta_row.append(Segment(" " * (block.start - at)))
            label, meta, style, meta_style = self._cells(block)
            label_row.append(Segment(label, style))
            meta_row.append(Segment(meta, meta_style))
            at = block.start + block.width
        if at < width:
            label_row.append(Segment(" " * (width - at)))
            meta_row.append(Segment(" " * (width - at)))
        lines = [Strip(label_row, width)]
        if self.band_height >= 2:
            lines.append(Strip(meta_row, width))
        if self.band_height == 3:
            lines.append(Strip.blank(width))
        return lines

    def _cells(self, block: Block) -> tuple[str, str, Style, Style]:
        """A block's two lines and their styles (kept until the next layout)."""
        selected = block.node == self.selected
        key = (block, selected)
        cached = self._cell_cache.get(key)
        if cached is not None:
            return cached
        node = self.branches.nodes[block.node]
        strength = self.strengths.get(node.claim_id)
        label = self._labels.get(block.node)
        if label is None:  # the claim's line, kept for the screen's life (zooms redraw)
            text = one_line(self.map.claims_by_id[node.claim_id].text)
            label = self._labels[block.node] = f" {SYMBOLS.get(node.relation, '·')} {text}"
        meta = f" {node.weight} claim{'s' if node.weight != 1 else ''}"
        if strength is not None:
            meta = f" {strength:.2f} ·" + meta
        if block.hidden:
            meta += f" (+{block.hidden} below)"
        level = None if strength is None else round(strength, 2)
        style, meta_style = _styles(node.side, level, selected)
        cells = (_fit(label, block.width), _fit(meta, block.width), style, meta_style)
        self._cell_cache[key] = cells
        return cells

    def render_line(self, y: int) -> Strip:
        if y < len(self._lines):
            return self._lines[y]
        return Strip.blank(self.size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self._lines))

    # -- selection and zoom -----------------------------------------------------------------

    @property
    def selected_claim(self) -> str | None:
        return None if self.selected is None else self.branches.nodes[self.selected].claim_id

    def select(self, node: int | None) -> None:
        if node is None or node not in self._by_node or node == self.selected:
            return
        before, self.selected = self.selected, node
        self._redraw(before, node)
        self.refresh()
        self.post_message(self.Selected(self.branches.nodes[node].claim_id, node))

    def move_along(self, step: int) -> None:
        block = self._by_node.get(self.selected) if self.selected is not None else None
        if block is None:
            return
        band = self._bands[block.depth]
        at = band.index(block) + step
        if 0 <= at < len(band):
            self.select(band[at].node)

    def move_down(self) -> None:
        if self.selected is None:
            return
        below = [k for k in self.branches.nodes[self.selected].children if k in self._by_node]
        if below:
            self.select(below[0])

    def move_up(self) -> None:
        if self.selected is None:
            return
        parent = self.branches.nodes[self.selected].parent
        if parent is not None and parent in self._by_node:
            self.select(parent)
        elif parent is not None and self.zooms:
            self.zoom_out()

    def zoom_in(self) -> None:
        if self.selected is None or self.roots_shown == (self.selected,):
            return
        self.zooms.append(self.roots_shown)
        self.roots_shown = (self.selected,)
        self.relayout()

    def zoom_out(self) -> None:
        if not self.zooms:
            return
        self.roots_shown = self.zooms.pop()
        self.relayout()

    def on_click(self, event: events.Click) -> None:
        band = event.y // max(1, self.band_height)
        block = self.shown.at(event.x, band)
        if block is None:
            return
        if block.node == self.selected and self._last_click == block.node:
            self.post_message(self.Opened(self.branches.nodes[block.node].claim_id))
        self._last_click = block.node
        self.select(block.node)


@lru_cache(maxsize=1024)
def _styles(side: Side | None, strength: float | None, selected: bool) -> tuple[Style, Style]:
    """A block's label and figures styles (few distinct ones: made once each)."""
    colour = SELECTED if selected else shade(side, strength)
    text_colour = Color(0, 0, 0) if selected else Color(255, 255, 255)
    style = Style(color=text_colour.rich_color, bgcolor=colour.rich_color, bold=selected)
    return style, style + Style(dim=not selected)


def _fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells (wide characters count two): cut with an ellipsis, or
    padded."""
    if width <= 0:
        return ""
    if text.isascii():  # one cell a character (one_line has removed controls): slice
        if len(text) > width:
            return text[: width - 1] + "…" if width > 1 else text[:1]
        return text.ljust(width)
    if len(text) > 2 * width:  # far too long: cut by characters first (cheap), then by cells
        text = text[: 2 * width]
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…" if width > 1 else set_cell_size(text, 1)
    return set_cell_size(text, width)


class OverviewScreen(Screen[str | None]):
    """The icicle of the whole map; dismisses with the claim to open in the tree, or None."""

    BINDINGS = [
        Binding("left", "move(-1)", "←", show=False),
        Binding("right", "move(1)", "→", show=False),
        Binding("down", "down", "↓", show=False),
        Binding("up", "up", "↑", show=False),
        Binding("enter", "open", "Open in tree"),
        Binding("z", "zoom_in", "Zoom in"),
        Binding("Z,backspace", "zoom_out", "Zoom out"),
        Binding("escape,o", "close", "Back"),
    ]

    def __init__(self, the_map: Map, strengths: Mapping[str, float] | None = None) -> None:
        super().__init__()
        self.map = the_map
        self.strengths = strengths

    def compose(self) -> ComposeResult:
        yield Static(id="overview-title")
        yield Icicle(self.map, self.strengths, id="icicle")
        yield Static(id="overview-selected")
        yield Footer()

    def on_mount(self) -> None:
        title = self.query_one("#overview-title", Static)
        title.update(
            literal_line(
                "Overview · sized by claims beneath · green pro, red con · darker is weaker · "
                + self.map.title
            )
        )
        self.query_one(Icicle).focus()
        self._show_selected()

    @property
    def icicle(self) -> Icicle:
        return self.query_one(Icicle)

    def _show_selected(self) -> None:
        icicle = self.icicle
        panel = self.query_one("#overview-selected", Static)
        if icicle.selected is None:
            panel.update("This map has no thesis to draw.")
            return
        node = icicle.branches.nodes[icicle.selected]
        claim = self.map.claims_by_id[node.claim_id]
        side = node.side.value if node.side is not None else "no side"
        strength = icicle.strengths.get(node.claim_id)
        facts = [f"{node.relation}", side, f"{node.weight} claim(s) from here"]
        if strength is not None:
            facts.append(f"strength {strength:.2f}")
        panel.update(literal_line(f"{claim.text}  [{' · '.join(facts)} · {claim.id}]"))

    def on_icicle_selected(self, message: Icicle.Selected) -> None:
        self._show_selected()

    def on_icicle_opened(self, message: Icicle.Opened) -> None:
        self.dismiss(message.claim_id)

    def action_move(self, step: int) -> None:
        self.icicle.move_along(step)

    def action_down(self) -> None:
        self.icicle.move_down()

    def action_up(self) -> None:
        self.icicle.move_up()

    def action_open(self) -> None:
        self.dismiss(self.icicle.selected_claim)

    def action_zoom_in(self) -> None:
        self.icicle.zoom_in()
        self._show_selected()

    def action_zoom_out(self) -> None:
        self.icicle.zoom_out()
        self._show_selected()

    def action_close(self) -> None:
        self.dismiss(None)
