"""The pro/con tree of a map: a scroll view over its own rows, built as nodes are opened.

What hangs under what is the core's rule (`argmap.map_tree`): each thesis is
a root, under a claim come the claims that support or attack it, under a
premise the undercuts of the relation that links it to its parent. This
widget keeps which nodes exist and are open, a cursor, and draws the rows
(`render_line(y)` draws row `scroll_offset.y + y`, as toolong's log view
does), each label rendered once. A map of 10,000 claims would cost seconds
to build eagerly, so a node's children are made when it is first opened. A
claim used in several places appears under each of them, marked `↻`; a
claim that would repeat one of its own ancestors is shown once more, marked
`↺`, and cannot be opened, so cycles never expand forever.

It looks and answers like Textual's `Tree` (the same `tree--*` component
styles, guides, ▶/▼ icons, keys and mouse), without reading any of `Tree`'s
private parts.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.color import Color, ColorParseError
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.signal import Signal
from textual.strip import Strip

from argmap.map_tree import can_open, children, thesis_entries, unlinked_ids
from argmap.map_tree import path_to as map_path_to
from argmap.map_tree import places as map_places
from argmap.model import Map, RelationType
from argmap.view_model import ROLE_THESIS, ROLE_UNLINKED, VERDICT_WIDTH, Badge, TreeEntry
from argmap_tui.text import assemble, literal_line

SYMBOLS: Mapping[str, str] = {
    ROLE_THESIS: "◆",
    ROLE_UNLINKED: "·",
    RelationType.SUPPORT: "✚",
    RelationType.ATTACK: "✖",
    RelationType.UNDERCUT: "⊘",
}
"""One symbol per relation to the parent, so the tree reads without colour."""

SYMBOL_COLOURS: Mapping[str, str] = {
    ROLE_THESIS: "accent",
    ROLE_UNLINKED: "foreground-muted",
    RelationType.SUPPORT: "success",
    RelationType.ATTACK: "error",
    RelationType.UNDERCUT: "warning",
}
"""Theme variables: the tree follows the dark or light theme in use."""

TOGGLE_STYLE = Style.from_meta({"toggle": True})
"""The mouse metadata of a node's ▶/▼ icon: a click there opens or closes it."""

ICON_NODE = "▶ "
ICON_NODE_EXPANDED = "▼ "

LINES: Mapping[str, tuple[str, str, str, str]] = {
    "default": ("  ", "│ ", "└─", "├─"),
    "bold": ("  ", "┃ ", "┗━", "┣━"),
    "double": ("  ", "║ ", "╚═", "╠═"),
}
"""Guide characters by the guides' style (plain, bold, double underline), as `Tree` has them."""

GUIDE_DEPTH = 3
"""Cells of indent per level."""

LEVEL_ROWS = 5000
"""Most rows `expand_to_level` opens: a deeper level that would show more stops at the one above.

On a 10,000-claim map every level below the third holds thousands of claims
(each shown again under every claim it answers); building them all would
hold the screen for seconds, and no reader scrolls 5,000 lines.
"""

Guides = tuple[str, str, str, str]
"""Space, vertical, terminator and cross: the pieces of a tree line's indent."""

BASE, HOVER, SELECTED = 0, 1, 2
"""Which guide style a piece of indent takes: plain, under the mouse's node, under the cursor's."""


@dataclass(frozen=True, slots=True)
class LineStyles:
    """What every line of one repaint shares, looked up once."""

    guide: tuple[Style, Style, Style]
    guides: tuple[Guides, Guides, Guides]
    label: Style
    highlight: Style
    cursor: Style
    hover_line: Style
    focused: bool
    width: int


Pieces = list[tuple[str, Style]]


class Label:
    """A node's label rendered in one style: pieces of text, whole and cut to fit."""

    __slots__ = ("source", "pieces", "cells", "_fitted")

    def __init__(self, source: Text, pieces: Pieces) -> None:
        self.source = source
        self.pieces = pieces
        self.cells = sum(cell_len(text) for text, _ in pieces)
        self._fitted: tuple[int, Pieces] | None = None

    def fit(self, room: int) -> Pieces:
        """The pieces cut to `room` cells, as cropping the line would cut them.

        Most labels are wider than the tree; cutting them here, once, saves
        cropping each drawn line. A wide character cut in half becomes a space.
        """
        if self.cells <= room:
            return self.pieces
        if self._fitted is None or self._fitted[0] != room:
            out: Pieces = []
            left = room
            for text, style in self.pieces:
                if left <= 0:
                    break
                width = cell_len(text)
                out.append((text if width <= left else set_cell_size(text, left), style))
                left -= width
            self._fitted = (room, out)
        return self._fitted[1]


class ClaimNode:
    """One node of the tree: an entry of the map's tree, its label, and whether it is open.

    The hidden root and the "Not linked to a thesis" group have no entry (`data` is None).
    """

    __slots__ = (
        "_tree",
        "id",
        "data",
        "parent",
        "children",
        "label",
        "allow_expand",
        "depth",
        "populated",
        "_expanded",
        "_line",
    )

    def __init__(
        self,
        tree: ClaimTree,
        node_id: int,
        parent: ClaimNode | None,
        data: TreeEntry | None,
        label: Text,
        allow_expand: bool,
    ) -> None:
        self._tree = tree
        self.id = node_id
        self.data = data
        self.parent = parent
        self.children: list[ClaimNode] = []
        self.label = label
        self.allow_expand = allow_expand
        self.depth: int = -1 if parent is None else parent.depth + 1
        self.populated = False
        self._expanded = parent is None
        self._line = -1

    def __repr__(self) -> str:
        return f"ClaimNode({self.id}, {self.data!r}, line={self._line})"

    @property
    def line(self) -> int:
        """The node's row in the tree, or -1 while a closed ancestor hides it."""
        self._tree.ensure_rows()
        return self._line

    @property
    def is_expanded(self) -> bool:
        return self._expanded

    @property
    def is_root(self) -> bool:
        return self.parent is None

    @property
    def is_last(self) -> bool:
        return self.parent is None or self.parent.children[-1] is self

    @property
    def siblings(self) -> list[ClaimNode]:
        return [self] if self.parent is None else self.parent.children

    def _sibling(self, step: int) -> ClaimNode | None:
        if self.parent is None:
            return None
        family = self.parent.children
        index = family.index(self) + step
        return family[index] if 0 <= index < len(family) else None

    @property
    def next_sibling(self) -> ClaimNode | None:
        return self._sibling(1)

    @property
    def previous_sibling(self) -> ClaimNode | None:
        return self._sibling(-1)

    @property
    def path(self) -> list[ClaimNode]:
        """From the top-level node down to this one (the hidden root left out)."""
        out: list[ClaimNode] = []
        node: ClaimNode | None = self
        while node is not None and node.parent is not None:
            out.append(node)
            node = node.parent
        return out[::-1]

    def expand(self) -> None:
        self._tree.expand_node(self)

    def collapse(self) -> None:
        self._tree.collapse_node(self)

    def toggle(self) -> None:
        if self._expanded:
            self.collapse()
        else:
            self.expand()


class TreeKeys(ScrollView, can_focus=True):
    """The keys of Textual's `Tree`, kept apart from `ClaimTree`'s own.

    The help screen lists the bindings a widget class declares itself; these
    are the built-in ones it describes in a line of its own.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+left", "cursor_parent", "Cursor to parent", show=False),
        Binding("shift+right", "cursor_parent_next_sibling", "Cursor to next ancestor", show=False),
        Binding("shift+up", "cursor_previous_sibling", "Cursor to previous sibling", show=False),
        Binding("shift+down", "cursor_next_sibling", "Cursor to next sibling", show=False),
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("space", "toggle_node", "Toggle", show=False),
        Binding("shift+space", "toggle_expand_all", "Expand or collapse all", show=False),
        Binding("up", "cursor_up", "Cursor Up", show=False),
        Binding("down", "cursor_down", "Cursor Down", show=False),
    ]


LEVELS = (
    "tree: show that many levels, opening every branch above and closing those below "
    "(1: the theses and their reasons)"
)


class ClaimTree(TreeKeys):
    """A lazily built pro/con tree that draws its own rows.

    `cursor_moved` publishes the claim id (None on a group line) each time the
    cursor reaches another node. It is a signal rather than a message so that a
    subscriber runs within the same keypress and its repaint joins the tree's.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left",
            "collapse_or_parent",
            "Collapse",
            show=False,
            tooltip="tree: close the node, or go to its parent",
        ),
        Binding(
            "right",
            "expand_or_child",
            "Expand",
            show=False,
            tooltip="tree: open the node, or go to its first child",
        ),
        Binding(
            "0",
            "expand_to_level(0)",
            "Collapse all",
            show=False,
            tooltip="tree: close every node (only the theses show)",
        ),
        Binding("1", "expand_to_level(1)", "Levels", show=False, key_display="1…9", tooltip=LEVELS),
        # 2-9 have no description: the help lists them on the line of 1 (`key_display`).
        *(
            Binding(str(n), f"expand_to_level({n})", "", show=False, tooltip=LEVELS)
            for n in range(2, 10)
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tree--cursor",
        "tree--guides",
        "tree--guides-hover",
        "tree--guides-selected",
        "tree--highlight",
        "tree--highlight-line",
        "tree--label",
    }

    # Textual's `Tree` styles, so the tree looks as it did when it was one.
    DEFAULT_CSS = """
    ClaimTree {
        background: $surface;
        color: $foreground;

        & > .tree--label {}
        & > .tree--guides {
            color: $surface-lighten-2;
        }
        & > .tree--guides-hover {
            color: $surface-lighten-2;
        }
        & > .tree--guides-selected {
            color: $block-cursor-blurred-background;
        }
        & > .tree--cursor {
            text-style: $block-cursor-blurred-text-style;
            background: $block-cursor-blurred-background;
        }
        & > .tree--highlight {}
        & > .tree--highlight-line {
            background: $block-hover-background;
        }

        &:focus {
            background-tint: $foreground 5%;
            & > .tree--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
            & > .tree--guides {
                color: $surface-lighten-3;
            }
            & > .tree--guides-hover {
                color: $surface-lighten-3;
            }
            & > .tree--guides-selected {
                color: $block-cursor-background;
            }
        }

        &:light {
            & > .tree--guides {
                color: $surface-darken-1;
            }
            & > .tree--guides-hover {
                color: $block-cursor-background;
            }
            & > .tree--guides-selected {
                color: $block-cursor-background;
            }
        }
    }
    ClaimTree:ansi {
        color: ansi_default;
        & > .tree--guides {
            color: $ansi-background;
        }
        &:nocolor > .tree--cursor {
            text-style: reverse;
        }
    }
    """

    ALLOW_SELECT = False

    class NodeExpanded(Message):
        """A node was opened."""

        def __init__(self, node: ClaimNode) -> None:
            self.node = node
            super().__init__()

    class NodeCollapsed(Message):
        """A node was closed."""

        def __init__(self, node: ClaimNode) -> None:
            self.node = node
            super().__init__()

    class NodeSelected(Message):
        """Enter, or a click, on a node (which also opens or closes it)."""

        def __init__(self, node: ClaimNode) -> None:
            self.node = node
            super().__init__()

    def __init__(self, the_map: Map, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.cursor_moved: Signal[str | None] = Signal(self, "cursor-moved")
        self.map = the_map
        self.badges: Mapping[str, Badge] = {}
        # claims the last what-if move changed, marked `•` (the explorer sets it before badges)
        self.changed: frozenset[str] = frozenset()
        self._next_id = 0
        self.root = self._new_node(None, None, Text("Theses"), allow_expand=True)
        self._rows: list[ClaimNode] = []
        self._rows_dirty = False
        self._sync_pending = False
        self._cursor: ClaimNode | None = None
        self._hover: ClaimNode | None = None
        self._colours: dict[str, Style] = {}
        self._muted = Style(dim=True)
        self._line_style = Style()
        self._styles: LineStyles | None = None
        self._label_cache: dict[tuple[int, Style], Label] = {}

    # -- building ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._load_colours()
        self.build_roots()

    def _new_node(
        self, parent: ClaimNode | None, data: TreeEntry | None, label: Text, allow_expand: bool
    ) -> ClaimNode:
        node = ClaimNode(self, self._next_id, parent, data, label, allow_expand)
        self._next_id += 1
        if parent is not None:
            parent.children.append(node)
        return node

    def build_roots(self, select: str | None = None) -> None:
        """(Re)build the top level: one node per thesis and a group of unlinked claims.

        The cursor goes to `select` if it is in the map, else to the first thesis
        (after the next repaint, once the screen listens to `cursor_moved`).
        """
        self.root.children = []
        self._cursor = None
        self._hover = None
        self._label_cache.clear()
        self._invalidate()
        for entry in thesis_entries(self.map):
            self._add_entry(self.root, entry)
        unlinked = self.unlinked_ids()
        if unlinked:
            label = Text(f"Not linked to a thesis ({len(unlinked)})", style="italic")
            self._new_node(self.root, None, label, allow_expand=True)
        for node in self.root.children[:1]:
            node.expand()
            target = None if select is None else self.node_for(select)
            self.call_after_refresh(self._move_to, target or node)

    def unlinked_ids(self) -> tuple[str, ...]:
        """Claims no thesis reaches, in file order (computed once per map)."""
        return unlinked_ids(self.map)

    def _add_entry(self, parent: ClaimNode, entry: TreeEntry) -> ClaimNode:
        return self._new_node(parent, entry, self.label_for(entry), can_open(self.map, entry))

    def populate(self, node: ClaimNode) -> None:
        """Add a node's children the first time it is opened."""
        if node.populated:
            return
        node.populated = True
        entry = node.data
        if entry is None:
            if node is not self.root:
                for claim_id in self.unlinked_ids():
                    self._add_entry(node, TreeEntry(claim_id, ROLE_UNLINKED))
            return
        ancestors = {n.data.claim_id for n in node.path if n.data is not None}
        for child in children(self.map, entry, ancestors):
            self._add_entry(node, child)

    def expand_node(self, node: ClaimNode) -> None:
        if node.is_root or node._expanded or not node.allow_expand:
            return
        self.populate(node)
        node._expanded = True
        self._invalidate()
        self.post_message(self.NodeExpanded(node))

    def expand_to_level(self, level: int) -> int:
        """Show `level` levels of the tree below the theses (0 closes every node).

        Nodes above the level are opened and those at it or below are closed,
        so the tree shows exactly that many levels, as an outliner's "show N
        levels" does. The levels are built one at a time and the opening stops
        above the first one that would take the tree past `LEVEL_ROWS` rows (its
        nodes are built only until that is clear, so the work stays bounded).
        No `NodeExpanded` or `NodeCollapsed` is posted: they could be
        thousands. Returns the level shown. The cursor stays on its node, or
        moves up to the nearest ancestor still shown.
        """
        frontier = list(self.root.children)
        rows = len(frontier)
        reached = 0
        while frontier and reached < level:
            opening = [n for n in frontier if n.allow_expand]
            below = 0
            for node in opening:  # stop building as soon as the level is too big
                self.populate(node)
                below += len(node.children)
                if rows + below > LEVEL_ROWS:
                    break
            if rows + below > LEVEL_ROWS:
                break
            rows += below
            for node in opening:
                node._expanded = True
            frontier = [child for node in opening for child in node.children]
            reached += 1
        for node in self._walk_built(self.root):
            if node.depth >= reached:
                node._expanded = False
        self._invalidate()
        self.ensure_rows()
        if self._cursor is None and self._rows:
            self._set_cursor(self._rows[0])
        if self._cursor is not None:
            self.scroll_to_line(self._cursor._line)
        return reached

    def action_expand_to_level(self, level: int) -> None:
        reached = self.expand_to_level(level)
        # Rows at the level reached mean the tree went deeper but the opening stopped.
        if reached < level and any(n.depth == reached for n in self.rows):
            self.notify(
                f"Opened to level {reached}: level {level} would show more than "
                f"{LEVEL_ROWS:,} lines. Open the branches you want with →.",
                markup=False,
            )

    def label_cut(self, node: ClaimNode) -> bool:
        """True when the node's row is too narrow for its whole label."""
        room = (
            self.size.width
            - node.depth * GUIDE_DEPTH
            - (len(ICON_NODE) if node.allow_expand else 0)
        )
        return node.label.cell_len > room

    def collapse_node(self, node: ClaimNode) -> None:
        if node.is_root or not node._expanded:
            return
        node._expanded = False
        self._invalidate()
        self.post_message(self.NodeCollapsed(node))

    # -- rows -------------------------------------------------------------------------------

    def _invalidate(self) -> None:
        """The rows changed: count them again before the next use, and repaint."""
        self._rows_dirty = True
        self.refresh()
        if not self._sync_pending and self.is_attached:
            self._sync_pending = True
            self.call_next(self._sync_rows)

    def _sync_rows(self) -> None:
        self._sync_pending = False
        self.ensure_rows()

    def ensure_rows(self) -> None:
        """Lay the open nodes out as rows, top to bottom, if they changed.

        A cursor that a closed ancestor now hides moves up to that ancestor, so
        it is always on a row.
        """
        if not self._rows_dirty:
            return
        self._rows_dirty = False
        for node in self._rows:
            node._line = -1
        rows: list[ClaimNode] = []
        stack = self.root.children[::-1]
        while stack:
            node = stack.pop()
            node._line = len(rows)
            rows.append(node)
            if node._expanded:
                stack.extend(node.children[::-1])
        self._rows = rows
        if self.virtual_size.height != len(rows):
            self.virtual_size = Size(0, len(rows))
        cursor = self._cursor
        if cursor is not None and cursor._line < 0:
            while cursor is not None and cursor._line < 0:
                cursor = cursor.parent
            self._set_cursor(cursor if cursor is not None and cursor._line >= 0 else None)
        if self._hover is not None and self._hover._line < 0:
            self._hover = None

    @property
    def rows(self) -> list[ClaimNode]:
        """The nodes on screen or scrolled past: every node whose ancestors are open."""
        self.ensure_rows()
        return self._rows

    @property
    def last_line(self) -> int:
        return len(self.rows) - 1

    def get_node_at_line(self, line_no: int) -> ClaimNode | None:
        rows = self.rows
        return rows[line_no] if 0 <= line_no < len(rows) else None

    # -- the cursor and the mouse -----------------------------------------------------------

    @property
    def cursor_node(self) -> ClaimNode | None:
        self.ensure_rows()
        return self._cursor

    @property
    def cursor_line(self) -> int:
        node = self.cursor_node
        return -1 if node is None else node._line

    @cursor_line.setter
    def cursor_line(self, line: int) -> None:
        rows = self.rows
        self._set_cursor(rows[max(0, min(line, len(rows) - 1))] if rows else None)

    def _set_cursor(self, node: ClaimNode | None) -> None:
        previous = self._cursor
        if node is previous:
            return
        self._cursor = node
        # The cursor's line changes style, and so do the guides below it.
        for changed in (previous, node):
            if changed is not None:
                self._refresh_subtree(changed)
        self.cursor_moved.publish(None if node is None or node.data is None else node.data.claim_id)

    @property
    def hover_line(self) -> int:
        node = self._hover
        return -1 if node is None else node.line

    @hover_line.setter
    def hover_line(self, line: int) -> None:
        node = self.get_node_at_line(line)
        if node is not self._hover:
            for changed in (self._hover, node):
                if changed is not None:
                    self._refresh_subtree(changed)
            self._hover = node

    def _refresh_subtree(self, node: ClaimNode) -> None:
        """Repaint a node's row and the rows below it that show its subtree."""
        rows = self.rows
        line = node._line
        if line < 0:
            return
        top = int(self.scroll_offset.y)
        bottom = min(len(rows), top + self.size.height)
        end = line + 1
        while end < bottom and rows[end].depth > node.depth:
            end += 1
        start = max(line, top)
        if start < end:
            self.refresh(Region(0, start - top, self.size.width, end - start))

    def move_cursor(self, node: ClaimNode | None, animate: bool = False) -> None:
        """Put the cursor on a node shown as a row, and scroll to it."""
        if node is None or node.line < 0:
            return
        self._set_cursor(node)
        self.scroll_to_line(node.line)

    def scroll_to_line(self, line: int, animate: bool = False) -> None:
        """Bring a row into view, at once.

        Never animated: an animated scroll repaints the whole tree every frame for
        a quarter of a second (70-130 ms of work on a big map) where one repaint
        shows the same place.
        """
        self.ensure_rows()
        self.scroll_to_region(
            Region(0, line, max(1, self.size.width), 1),
            animate=False,
            force=True,
            origin_visible=False,
            x_axis=False,
        )

    def scroll_to_node(self, node: ClaimNode, animate: bool = False) -> None:
        if node.line >= 0:
            self.scroll_to_line(node.line)

    def _move_to(self, node: ClaimNode) -> None:
        self.move_cursor(node)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        meta = event.style.meta
        self.hover_line = meta["line"] if meta and "line" in meta else -1

    def on_leave(self, _: events.Leave) -> None:
        self.hover_line = -1

    def on_click(self, event: events.Click) -> None:
        meta = event.style.meta
        if "line" not in meta:
            return
        node = self.get_node_at_line(meta["line"])
        if node is None:
            return
        if meta.get("toggle", False):
            self._toggle(node)
        else:
            self._set_cursor(node)
            self.action_select_cursor()

    # -- actions ----------------------------------------------------------------------------

    def _toggle(self, node: ClaimNode) -> None:
        if node.allow_expand:
            node.toggle()

    def action_cursor_up(self) -> None:
        self.cursor_line = self.last_line if self.cursor_line == -1 else self.cursor_line - 1
        self.scroll_to_line(self.cursor_line)

    def action_cursor_down(self) -> None:
        self.cursor_line += 1
        self.scroll_to_line(self.cursor_line)

    def action_page_down(self) -> None:
        self.cursor_line = max(0, self.cursor_line) + self.scrollable_content_region.height - 1
        self.scroll_to_line(self.cursor_line)

    def action_page_up(self) -> None:
        line = self.last_line if self.cursor_line == -1 else self.cursor_line
        self.cursor_line = line - (self.scrollable_content_region.height - 1)
        self.scroll_to_line(self.cursor_line)

    def action_scroll_home(self) -> None:
        self.cursor_line = 0
        self.scroll_to_line(self.cursor_line)

    def action_scroll_end(self) -> None:
        self.cursor_line = self.last_line
        self.scroll_to_line(self.cursor_line)

    def action_toggle_node(self) -> None:
        node = self.cursor_node
        if node is not None:
            self._toggle(node)

    def action_select_cursor(self) -> None:
        """Tell of the node under the cursor, and open or close it."""
        node = self.cursor_node
        if node is not None:
            self.post_message(self.NodeSelected(node))
            self._toggle(node)

    def action_cursor_parent(self) -> None:
        node = self.cursor_node
        if node is not None and node.parent is not None and not node.parent.is_root:
            self.move_cursor(node.parent)

    def action_cursor_parent_next_sibling(self) -> None:
        node = self.cursor_node
        if node is not None and node.parent is not None:
            self.move_cursor(node.parent.next_sibling)

    def action_cursor_previous_sibling(self) -> None:
        node = self.cursor_node
        if node is not None:
            before = node.previous_sibling
            self.move_cursor(before if before is not None else node.parent)

    def action_cursor_next_sibling(self) -> None:
        node = self.cursor_node
        if node is not None:
            after = node.next_sibling
            if after is None and node.parent is not None:
                after = node.parent.next_sibling
            self.move_cursor(after)

    def action_toggle_expand_all(self) -> None:
        """Open every sibling of the cursor's node if all are closed, else close them all."""
        node = self.cursor_node
        if node is None:
            return
        family = [n for n in node.siblings if n.allow_expand]
        opening = not any(n.is_expanded for n in family)
        for sibling in family:
            if opening:
                sibling.expand()
            else:
                sibling.collapse()
        self.move_cursor(node)

    def action_collapse_or_parent(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            node.collapse()
        elif node.parent is not None and not node.parent.is_root:
            self.move_cursor(node.parent)

    def action_expand_or_child(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    # -- labels -----------------------------------------------------------------------------

    def _load_colours(self) -> None:
        variables = self.app.theme_variables

        def colour(name: str) -> RichColor | None:
            try:
                return Color.parse(variables[name]).rich_color
            except (KeyError, ColorParseError):
                return None

        self._colours = {
            role: Style(color=colour(name), bold=True) for role, name in SYMBOL_COLOURS.items()
        }
        self._muted = Style(color=colour("foreground-muted"), dim=True)

    def label_for(self, entry: TreeEntry) -> Text:
        claim = self.map.claims_by_id[entry.claim_id]
        style = self._colours.get(entry.role, "")
        parts: list[str | tuple[str, str | Style] | Text] = [
            (SYMBOLS.get(entry.role, "?") + ("&" if entry.linked else ""), style),
            " ",
        ]
        if entry.claim_id in self.changed:
            parts += [("•", "bold"), " "]
        badge = self.badges.get(entry.claim_id)
        if badge is not None:
            if badge.mark:
                parts += [(badge.mark, "reverse bold"), " "]
            if badge.label:
                # padded to the widest verdict, so the strengths below one another line up
                pad = VERDICT_WIDTH - len(badge.label) if badge.strength is not None else 0
                parts += [(badge.label, "bold"), " " * (1 + max(0, pad))]
            if badge.strength is not None:
                parts += [(f"{badge.strength:.2f}", self._muted), " "]
        if entry.cycle:
            parts += [("↺ cycle", "italic"), " "]
        others = map_places(self.map, entry.claim_id) - 1
        if others > 0 and not entry.cycle:
            parts += [(f"↻+{others}", self._muted), " "]
        parts.append(literal_line(claim.text))
        return assemble(*parts)

    def set_badges(self, badges: Mapping[str, Badge]) -> None:
        """Show new analysis results on every node built so far."""
        self.badges = badges
        self.refresh_labels()

    def refresh_labels(self) -> None:
        """Relabel every node built so far, then repaint once."""
        for node in self.built_nodes():
            if node.data is not None:
                node.label = self.label_for(node.data)
        self.refresh()

    def _walk_built(self, node: ClaimNode) -> Iterator[ClaimNode]:
        stack = [node]
        while stack:
            current = stack.pop()
            yield current
            stack.extend(current.children)

    def built_nodes(self) -> list[ClaimNode]:
        """Every node made so far that shows a claim, open or not."""
        return [n for n in self._walk_built(self.root) if n.data is not None]

    def notify_style_update(self) -> None:
        """Pick up the new theme's colours when the theme changes."""
        super().notify_style_update()
        self._label_cache.clear()
        if self.is_mounted and self._colours:
            self._load_colours()
            self.refresh_labels()

    # -- drawing ----------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self.ensure_rows()
        self._line_style = self.rich_style
        self._styles = None
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Row `scroll_offset.y + y`, cut to the tree's width (it never scrolls sideways)."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        line_no = y + scroll_y
        rows = self.rows
        if line_no >= len(rows):
            return Strip.blank(width, self._line_style)
        strip = self.draw_line(line_no)
        return strip.crop(scroll_x, scroll_x + width) if scroll_x else strip

    def draw_line(self, y: int) -> Strip:
        """One row: indent guides, the ▶/▼ icon, the label, with `Tree`'s mouse metadata.

        Styles that carry mouse metadata are the costly ones to combine, so a
        line combines its metadata once and adds the cached label styles to it.
        """
        styles = self._line_styles()
        end = self.rows[y]
        path = end.path
        hover = self._hover
        on_hover_branch = hover is not None and hover in path
        base = styles.hover_line if on_hover_branch else self._line_style
        line_style = base + Style(meta={"line": y})
        cursor = self._cursor if styles.focused else None
        # The indent: guides take the hover style below the node under the mouse,
        # and the selected style below the cursor's node when the tree has focus.
        indent: list[tuple[int, str]] = []
        selected = path[0] is cursor
        hovered = path[0] is hover
        for node in path[1:]:
            kind = SELECTED if selected else HOVER if hovered else BASE
            guides = styles.guides[kind]
            if node is end:
                indent.append((kind, guides[2] if node.is_last else guides[3]))
            else:
                indent.append((kind, guides[0] if node.is_last else guides[1]))
            selected = selected or node is cursor
            hovered = hovered or node is hover
        segments: list[Segment] = []
        used = 0
        for kind, run in groupby(indent, key=itemgetter(0)):
            text = "".join(piece for _, piece in run)
            used += len(text)
            segments.append(Segment(text, line_style + styles.guide[kind]))
        node_meta = Style(meta={"node": end.id})
        if end.allow_expand:
            icon = ICON_NODE_EXPANDED if end.is_expanded else ICON_NODE
            segments.append(Segment(icon, line_style + TOGGLE_STYLE + node_meta))
            used += len(icon)
        node_style = line_style + node_meta
        label_style = styles.label
        if end is hover:
            label_style = styles.highlight
        if end is self._cursor:
            label_style = label_style + styles.cursor
        label = self._rendered_label(end, label_style)
        segments += [
            Segment(text, node_style + style) for text, style in label.fit(styles.width - used)
        ]
        used += min(label.cells, max(0, styles.width - used))
        if used > styles.width:  # the indent alone is wider than the tree
            return Strip(segments).crop(0, styles.width)
        if used < styles.width:
            segments.append(Segment(" " * (styles.width - used), line_style))
        return Strip(segments, styles.width)

    def _line_styles(self) -> LineStyles:
        if self._styles is None:
            guide = self.get_component_rich_style("tree--guides", partial=True)
            hover = guide + self.get_component_rich_style("tree--guides-hover", partial=True)
            selected = guide + self.get_component_rich_style("tree--guides-selected", partial=True)
            label = self.get_component_rich_style("tree--label", partial=True)
            self._styles = LineStyles(
                guide=(guide, hover, selected),
                guides=(
                    self._guides(guide, "tree--guides"),
                    self._guides(hover, "tree--guides-hover"),
                    self._guides(selected, "tree--guides-selected"),
                ),
                label=label,
                highlight=label + self.get_component_rich_style("tree--highlight", partial=True),
                cursor=self.get_component_rich_style("tree--cursor", partial=False),
                hover_line=self.get_component_rich_style("tree--highlight-line"),
                focused=self.has_focus,
                width=self.size.width,
            )
        return self._styles

    def _guides(self, style: Style, component: str) -> Guides:
        """Blank when the guides' colour is transparent; bold or double by their style."""
        if self.get_component_styles(component).color.a == 0:
            return ("  ", "  ", "  ", "  ")
        lines = LINES["default"]
        if style.bold:
            lines = LINES["bold"]
        elif style.underline2:
            lines = LINES["double"]
        depth = max(0, GUIDE_DEPTH - 2)
        space, vertical, terminator, cross = (f"{c[0]}{c[1] * depth} " for c in lines)
        return space, vertical, terminator, cross

    def _rendered_label(self, node: ClaimNode, style: Style) -> Label:
        """A node's label in the label (or cursor) style, kept until the label changes.

        The label's own styles carry no mouse metadata, so they combine cheaply.
        """
        key = (node.id, style)
        cached = self._label_cache.get(key)
        if cached is not None and cached.source is node.label:
            return cached
        rendered = node.label.render(self.app.console)
        label = Label(
            node.label,
            [
                (text, piece_style + style if piece_style else style)
                for text, piece_style, _ in rendered
            ],
        )
        self._label_cache[key] = label
        return label

    # -- moving to a claim ------------------------------------------------------------------

    @property
    def current_claim_id(self) -> str | None:
        node = self.cursor_node
        return None if node is None or node.data is None else node.data.claim_id

    def find_path(self, claim_id: str) -> list[TreeEntry] | None:
        """The shortest chain of entries from a top-level node down to the claim."""
        return map_path_to(self.map, claim_id)

    def node_for(self, claim_id: str) -> ClaimNode | None:
        """Open the tree down to a claim and return its node (None if not in the map)."""
        path = self.find_path(claim_id)
        if path is None:
            return None
        level = self.root
        if path[0].role == ROLE_UNLINKED:
            group = next((n for n in self.root.children if n.data is None), None)
            if group is None:
                return None
            level = group
        node: ClaimNode | None = None
        for step in path:
            self.populate(level)
            level.expand()
            node = next(
                (
                    n
                    for n in level.children
                    if n.data is not None
                    and n.data.claim_id == step.claim_id
                    and n.data.relation_id == step.relation_id
                ),
                None,
            )
            if node is None:
                return None
            level = node
        return node

    def select_claim(self, claim_id: str) -> bool:
        """Move the cursor to a claim, opening its ancestors; False if it is not in the map."""
        node = self.node_for(claim_id)
        if node is None:
            return False
        self.move_cursor(node)
        return True

    def replace_map(self, the_map: Map, select: str | None = None) -> None:
        self.map = the_map
        self.build_roots(select)
