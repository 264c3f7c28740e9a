"""The pro/con tree of a map, built one level at a time as nodes are opened.

Each thesis is a root; under a claim come the claims that support or attack
it, and under a premise come the undercuts of the relation that links it to
its parent. A map of 10,000 claims would cost seconds to build eagerly and
make every expand slow, so children are added only when a node is opened.
A claim used in several places appears under each of them, marked `↻`; a
claim that would repeat one of its own ancestors is shown once more, marked
`↺`, and cannot be opened, so cycles never expand forever.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from rich.cells import cell_len, set_cell_size
from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.color import Color, ColorParseError
from textual.geometry import Region
from textual.signal import Signal
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from argmap.model import Map, Relation, RelationType
from argmap.view_model import ROLE_THESIS, ROLE_UNLINKED, Badge, TreeEntry
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
"""The mouse metadata Tree gives a node's ▶/▼ icon: a click there opens or closes it."""


Guides = tuple[str, str, str, str]
"""Space, vertical, terminator and cross: the pieces of a tree line's indent."""


@dataclass(frozen=True, slots=True)
class LineStyles:
    """What every line of one repaint shares, looked up once."""

    guide: Style
    guides: Guides
    guide_selected: Style
    guides_selected: Guides
    label: Style
    cursor: Style
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


Child = tuple[Relation, str]


def child_links(the_map: Map, claim_id: str, via: str | None) -> list[Child]:
    """The (relation, premise) pairs shown under a claim reached through `via`."""
    out: list[Child] = []
    for rel in the_map.incoming.get(claim_id, ()):
        out.extend((rel, source) for source in rel.sources)
    if via is not None:
        for rel in the_map.incoming.get(via, ()):
            out.extend((rel, source) for source in rel.sources)
    return out


def has_children(the_map: Map, claim_id: str, via: str | None) -> bool:
    return bool(the_map.incoming.get(claim_id)) or (
        via is not None and bool(the_map.incoming.get(via))
    )


def places(the_map: Map, claim_id: str) -> int:
    """How many places in the tree a claim appears under (as thesis or premise)."""
    return len(the_map.outgoing.get(claim_id, ())) + (claim_id in the_map.theses)


class ClaimTree(Tree[TreeEntry]):
    """A lazily built pro/con tree.

    `cursor_moved` publishes the claim id (None on a group line) each time the
    cursor reaches another node. It is a signal rather than a message so that a
    subscriber runs within the same keypress and its repaint joins the tree's.

    For speed it draws its own lines and relabels nodes in bulk, which reads
    and sets private parts of Textual's `Tree` and `TreeNode` (the line list,
    a node's label, id, hover and selection). Textual is pinned; a test
    compares every drawn line with `Tree`'s own, so a new version that moves
    them fails loudly.
    """

    BINDINGS = [
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
    ]

    def __init__(self, the_map: Map, *, id: str | None = None) -> None:  # noqa: A002
        self.cursor_moved: Signal[str | None] = Signal(self, "cursor-moved")
        super().__init__(Text("Theses"), id=id)
        self.show_root = False
        self.guide_depth = 3
        self.map = the_map
        self.badges: Mapping[str, Badge] = {}
        self._populated: set[int] = set()
        self._unlinked_ids: list[str] | None = None
        self._colours: dict[str, Style] = {}
        self._muted = Style(dim=True)
        self._line_style = Style()
        self._styles: LineStyles | None = None
        self._label_cache: dict[tuple[int, Style], Label] = {}

    # -- building ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._load_colours()
        self.build_roots()

    def build_roots(self, select: str | None = None) -> None:
        """(Re)build the top level: one node per thesis and a group of unlinked claims.

        The cursor goes to `select` if it is in the map, else to the first thesis.
        """
        self.clear()
        self.cursor_line = -1
        self._populated.clear()
        self._label_cache.clear()
        self._unlinked_ids = None
        for thesis in self.map.theses:
            if thesis in self.map.claims_by_id:
                self._add_entry(self.root, TreeEntry(thesis, ROLE_THESIS))
        unlinked = self.unlinked_ids()
        if unlinked:
            group = self.root.add(
                Text(f"Not linked to a thesis ({len(unlinked)})", style="italic"), data=None
            )
            group.allow_expand = True
        for node in self.root.children[:1]:
            self._populate(node)
            node.expand()
            if select is None or not self.select_claim(select):
                self.call_after_refresh(self._move_to, node)

    def unlinked_ids(self) -> list[str]:
        """Claims no thesis reaches, in file order (computed once per map)."""
        if self._unlinked_ids is None:
            reached: set[str] = set()
            queue: deque[tuple[str, str | None]] = deque(
                (t, None) for t in self.map.theses if t in self.map.claims_by_id
            )
            reached.update(t for t, _ in queue)
            while queue:
                claim_id, via = queue.popleft()
                for rel, source in child_links(self.map, claim_id, via):
                    if source not in reached:
                        reached.add(source)
                        queue.append((source, rel.id))
            self._unlinked_ids = [c.id for c in self.map.claims if c.id not in reached]
        return self._unlinked_ids

    def _add_entry(self, parent: TreeNode[TreeEntry], entry: TreeEntry) -> TreeNode[TreeEntry]:
        expandable = not entry.cycle and has_children(self.map, entry.claim_id, entry.relation_id)
        node = parent.add(self.label_for(entry), data=entry, allow_expand=expandable)
        return node

    def _populate(self, node: TreeNode[TreeEntry]) -> None:
        """Add a node's children the first time it is opened."""
        if node.id in self._populated:
            return
        self._populated.add(node.id)
        entry = node.data
        if entry is None:
            if node is not self.root:
                for claim_id in self.unlinked_ids():
                    self._add_entry(node, TreeEntry(claim_id, ROLE_UNLINKED))
            return
        ancestors = set(self._ancestor_ids(node))
        for rel, source in child_links(self.map, entry.claim_id, entry.relation_id):
            if source not in self.map.claims_by_id:
                continue
            self._add_entry(
                node, TreeEntry(source, rel.type, rel.id, rel.linked, cycle=source in ancestors)
            )

    @staticmethod
    def _ancestor_ids(node: TreeNode[TreeEntry]) -> Iterator[str]:
        current: TreeNode[TreeEntry] | None = node
        while current is not None:
            if current.data is not None:
                yield current.data.claim_id
            current = current.parent

    @on(Tree.NodeExpanded)
    def _expand(self, event: Tree.NodeExpanded[TreeEntry]) -> None:
        self._populate(event.node)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[TreeEntry]) -> None:
        event.stop()  # told through `cursor_moved`, without a trip through the message queues

    def watch_cursor_line(self, previous_line: int, line: int) -> None:
        previous = self.cursor_node
        super().watch_cursor_line(previous_line, line)
        node = self.cursor_node
        if node is not None and node is not previous:
            data = node.data
            self.cursor_moved.publish(None if data is None else data.claim_id)

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
        badge = self.badges.get(entry.claim_id)
        if badge is not None:
            if badge.mark:
                parts += [(badge.mark, "reverse bold"), " "]
            if badge.label:
                parts += [(badge.label, "bold"), " "]
            if badge.strength is not None:
                parts += [(f"{badge.strength:.2f}", self._muted), " "]
        if entry.cycle:
            parts += [("↺ cycle", "italic"), " "]
        others = places(self.map, entry.claim_id) - 1
        if others > 0 and not entry.cycle:
            parts += [(f"↻+{others}", self._muted), " "]
        parts.append(literal_line(claim.text))
        return assemble(*parts)

    # -- drawing ----------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._line_style = self.rich_style
        self._styles = None
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Tree's line, drawn straight from segments.

        Tree builds a rich `Text` for each line it paints (guides, icon, label)
        and looks up its component styles and the widget's style every time: at
        160x48 a third of a Home or End keypress. This draws the same cells, with
        the same mouse metadata, from each label rendered once. A line under the
        mouse, which Tree highlights in several ways, is still left to Tree.
        """
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        line_no = y + scroll_y
        lines = self._tree_lines
        if line_no >= len(lines):
            return Strip.blank(width, self._line_style)
        line = lines[line_no]
        if self.hover_line >= 0 and (
            self.hover_line == line_no or any(node._hover for node in line.path)
        ):
            return self._render_line(line_no, scroll_x, scroll_x + width, self._line_style)
        return self.draw_line(line_no, line.path, line.last).crop(scroll_x, scroll_x + width)

    def draw_line(self, y: int, path: list[TreeNode[TreeEntry]], last: bool) -> Strip:
        """One line of the tree as Tree draws it when the mouse is elsewhere.

        Styles that carry mouse metadata are the costly ones to combine, so a
        line combines its metadata once and adds the cached label styles to it.
        """
        styles = self._line_styles()
        line_style = self._line_style + Style(meta={"line": y})
        segments: list[Segment] = []
        # The indent: Tree styles it "selected" below the cursor's node when focused.
        indent: list[tuple[bool, str]] = []
        selected = path[0]._selected and styles.focused
        end = path[-1]
        for node in path[1:]:
            guides = styles.guides_selected if selected else styles.guides
            if node is end:
                indent.append((selected, guides[2] if last else guides[3]))
            else:
                indent.append((selected, guides[0] if node.is_last else guides[1]))
            selected = (selected or node._selected) and styles.focused
        used = 0
        for is_selected, run in groupby(indent, key=itemgetter(0)):
            text = "".join(piece for _, piece in run)
            used += len(text)
            guide_style = styles.guide_selected if is_selected else styles.guide
            segments.append(Segment(text, line_style + guide_style))
        node_meta = Style(meta={"node": end._id})
        if end._allow_expand:
            icon = self.ICON_NODE_EXPANDED if end.is_expanded else self.ICON_NODE
            segments.append(Segment(icon, line_style + TOGGLE_STYLE + node_meta))
            used += len(icon)
        node_style = line_style + node_meta
        label = self._rendered_label(end, styles.cursor if self.cursor_line == y else styles.label)
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
            selected = guide + self.get_component_rich_style("tree--guides-selected", partial=True)
            label = self.get_component_rich_style("tree--label", partial=True)
            self._styles = LineStyles(
                guide=guide,
                guides=self._guides(guide, "tree--guides"),
                guide_selected=selected,
                guides_selected=self._guides(selected, "tree--guides-selected"),
                label=label,
                cursor=label + self.get_component_rich_style("tree--cursor", partial=False),
                focused=self.has_focus,
                width=max(self.virtual_size.width, self.size.width),
            )
        return self._styles

    def _guides(self, style: Style, component: str) -> Guides:
        """As Tree picks them: blank when hidden or transparent, bold or double by style."""
        if not self.show_guides or self.get_component_styles(component).color.a == 0:
            return ("  ", "  ", "  ", "  ")
        lines = self.LINES["default"]
        if style.bold:
            lines = self.LINES["bold"]
        elif style.underline2:
            lines = self.LINES["double"]
        depth = max(0, self.guide_depth - 2)
        space, vertical, terminator, cross = (f"{c[0]}{c[1] * depth} " for c in lines)
        return space, vertical, terminator, cross

    def _rendered_label(self, node: TreeNode[TreeEntry], style: Style) -> Label:
        """A node's label in the label (or cursor) style, kept until the label changes.

        The label's own styles carry no mouse metadata, so they combine cheaply.
        """
        key = (node._id, style)
        cached = self._label_cache.get(key)
        if cached is not None and cached.source is node._label:
            return cached
        rendered = node._label.render(self.app.console)
        label = Label(
            node._label,
            [
                (text, piece_style + style if piece_style else style)
                for text, piece_style, _ in rendered
            ],
        )
        self._label_cache[key] = label
        return label

    def get_label_width(self, node: TreeNode[TreeEntry]) -> int:
        """Nothing: the tree never scrolls sideways (`overflow-x: hidden`).

        Tree asks this of every line in the tree each time a node opens, and by
        default renders each label to measure it: most of an expand on a big tree.
        """
        return 0

    def set_badges(self, badges: Mapping[str, Badge]) -> None:
        """Show new analysis results on every node built so far."""
        self.badges = badges
        self.refresh_labels()

    def refresh_labels(self) -> None:
        """Relabel every node built so far, then repaint once.

        `TreeNode.set_label` schedules, for each node, a scan of the visible
        lines that repaints every line below it: a few hundred nodes made the
        analysis's arrival cost 20 ms more, in whichever keypress it met.
        """
        for node in self._walk_built(self.root):
            if node.data is not None:
                node._label = self.label_for(node.data)
                node._updates += 1
        self.refresh()

    def process_label(self, label: str | Text) -> Text:
        """A label as it is: `label_for` makes one-line `Text` already.

        Tree would split every label into lines to keep the first, for each
        node it adds. Plain strings (the root's) still go through Tree.
        """
        return label if isinstance(label, Text) else super().process_label(label)

    def _walk_built(self, node: TreeNode[TreeEntry]) -> Iterator[TreeNode[TreeEntry]]:
        stack = [node]
        while stack:
            current = stack.pop()
            yield current
            stack.extend(current.children)

    def built_nodes(self) -> list[TreeNode[TreeEntry]]:
        return [n for n in self._walk_built(self.root) if n.data is not None]

    def notify_style_update(self) -> None:
        """Pick up the new theme's colours when the theme changes."""
        super().notify_style_update()
        self._label_cache.clear()
        if self.is_mounted and self._colours:
            self._load_colours()
            self.refresh_labels()

    # -- moving -----------------------------------------------------------------------------

    @property
    def current_claim_id(self) -> str | None:
        node = self.cursor_node
        return None if node is None or node.data is None else node.data.claim_id

    def find_path(self, claim_id: str) -> list[TreeEntry] | None:
        """The shortest chain of entries from a top-level node down to the claim."""
        if claim_id not in self.map.claims_by_id:
            return None
        starts = [TreeEntry(t, ROLE_THESIS) for t in self.map.theses if t in self.map.claims_by_id]
        starts += [TreeEntry(c, ROLE_UNLINKED) for c in self.unlinked_ids()]
        parent: dict[str, tuple[str | None, TreeEntry]] = {}
        queue: deque[TreeEntry] = deque()
        for entry in starts:
            if entry.claim_id not in parent:
                parent[entry.claim_id] = (None, entry)
                queue.append(entry)
        while queue and claim_id not in parent:
            entry = queue.popleft()
            for rel, source in child_links(self.map, entry.claim_id, entry.relation_id):
                if source not in parent and source in self.map.claims_by_id:
                    child = TreeEntry(source, rel.type, rel.id, rel.linked)
                    parent[source] = (entry.claim_id, child)
                    queue.append(child)
        if claim_id not in parent:
            return None
        path: list[TreeEntry] = []
        current: str | None = claim_id
        while current is not None:
            up, entry = parent[current]
            path.append(entry)
            current = up
        return path[::-1]

    def node_for(self, claim_id: str) -> TreeNode[TreeEntry] | None:
        """Open the tree down to a claim and return its node (None if not in the map)."""
        path = self.find_path(claim_id)
        if path is None:
            return None
        level: TreeNode[TreeEntry] = self.root
        if path[0].role == ROLE_UNLINKED:
            group = next((n for n in self.root.children if n.data is None), None)
            if group is None:
                return None
            level = group
        node: TreeNode[TreeEntry] | None = None
        for step in path:
            self._populate(level)
            if level is not self.root:
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
        self.call_after_refresh(self._move_to, node)
        return True

    def scroll_to_line(self, line: int, animate: bool = True) -> None:
        """Scroll without animating, whatever the caller asks.

        Tree animates the scroll of Home, End, PgUp and PgDn: a quarter of a
        second of repainting the whole tree every frame (70-130 ms of work on a
        big map) where one repaint shows the same place.
        """
        super().scroll_to_line(line, animate=False)

    def _move_to(self, node: TreeNode[TreeEntry]) -> None:
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    def action_collapse_or_parent(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_expand_or_child(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            self._populate(node)
            node.expand()
        elif node.children:
            self.call_after_refresh(self.move_cursor, node.children[0])

    def replace_map(self, the_map: Map, select: str | None = None) -> None:
        self.map = the_map
        self.build_roots(select)
