"""The whole map at once: an icicle of every thesis and branch, sized by the claims beneath.

Each thesis is a root; under a claim hang the claims of the relations aimed at
it, by the rule of `argmap.map_tree` (the explorer's tree). A claim that the
tree shows in several places of one thesis's branch is counted once, in the
place a breadth-first walk reaches first, so a block's size is the number of
distinct claims beneath it and a densely linked map cannot blow up; a claim
shared by two theses is counted under each. Only relations are followed, with
explicit queues: no recursion on map data.

`layout` turns the tree into cells: one band per depth, each block given
columns in proportion to its size within its parent's columns (largest
remainder, so the columns add up); a block too small for a column is not
drawn, and its parent's band shows that claims are hidden there.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from argmap.map_tree import child_links
from argmap.model import Map
from argmap.per_map import per_map
from argmap.sides import Side, sides


@dataclass(frozen=True, slots=True)
class Node:
    """One place in the overview: a claim, how it hangs under its parent, what is beneath it."""

    claim_id: str
    depth: int
    parent: int | None
    relation: str  # "thesis", or the type of the relation that hangs it under its parent
    side: Side | None
    weight: int = 1  # this claim and every claim beneath it
    children: tuple[int, ...] = ()


@dataclass(frozen=True)
class Forest:
    """Every thesis's branch: nodes in breadth-first order, roots first."""

    nodes: tuple[Node, ...]
    roots: tuple[int, ...]

    @property
    def depth(self) -> int:
        return 1 + max((n.depth for n in self.nodes), default=-1)


def forest(the_map: Map) -> Forest:
    """The overview's tree of `the_map` (built once per map)."""
    return per_map(the_map, "overview forest", lambda: _build(the_map))


def _build(the_map: Map) -> Forest:
    parents: list[int | None] = []
    claim_ids: list[str] = []
    depths: list[int] = []
    relations: list[str] = []
    node_sides: list[Side | None] = []
    kids: list[list[int]] = []
    roots: list[int] = []
    for thesis in the_map.theses:
        if thesis not in the_map.claims_by_id:
            continue
        side_of = sides(the_map, thesis)
        placed = {thesis}
        root = len(claim_ids)
        roots.append(root)
        claim_ids.append(thesis)
        parents.append(None)
        depths.append(0)
        relations.append("thesis")
        node_sides.append(side_of.get(thesis))
        kids.append([])
        queue: deque[tuple[int, str | None]] = deque([(root, None)])
        while queue:
            index, via = queue.popleft()
            for rel, source in child_links(the_map, claim_ids[index], via):
                if source in placed or source not in the_map.claims_by_id:
                    continue
                placed.add(source)
                child = len(claim_ids)
                claim_ids.append(source)
                parents.append(index)
                depths.append(depths[index] + 1)
                relations.append(str(rel.type))
                node_sides.append(side_of.get(source))
                kids.append([])
                kids[index].append(child)
                queue.append((child, rel.id))
    weights = [1] * len(claim_ids)
    for index in range(len(claim_ids) - 1, -1, -1):  # children come after their parents
        parent = parents[index]
        if parent is not None:
            weights[parent] += weights[index]
    nodes = tuple(
        Node(
            claim_ids[i],
            depths[i],
            parents[i],
            relations[i],
            node_sides[i],
            weights[i],
            tuple(sorted(kids[i], key=lambda k: -weights[k])),  # biggest first
        )
        for i in range(len(claim_ids))
    )
    return Forest(nodes, tuple(roots))


@dataclass(frozen=True, slots=True)
class Block:
    """A node drawn in columns `start` to `start + width` of band `depth` (below the top)."""

    node: int
    depth: int
    start: int
    width: int
    hidden: int = 0  # claims beneath that got no column of their own


@dataclass(frozen=True)
class Layout:
    """The blocks of a zoomed view: `top` nodes side by side in the first band."""

    blocks: tuple[Block, ...]
    width: int
    depth: int

    def at(self, column: int, band: int) -> Block | None:
        """The block drawn at a cell, if any."""
        for block in self.blocks:
            if block.depth == band and block.start <= column < block.start + block.width:
                return block
        return None


def _share(total: int, weights: list[int]) -> list[int]:
    """`total` columns split in proportion to `weights` by largest remainder."""
    whole = sum(weights)
    if whole <= 0 or total <= 0:
        return [0] * len(weights)
    exact = [total * w / whole for w in weights]
    columns = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (columns[i] - exact[i], i))
    for i in order[: total - sum(columns)]:
        columns[i] += 1
    return columns


def layout(tree: Forest, top: tuple[int, ...], width: int, max_depth: int) -> Layout:
    """Blocks for the nodes `top` (side by side) and what lies beneath, in `width` columns.

    At most `max_depth` bands are laid out; a node whose children fall below
    the last band, or get no column, counts them as `hidden`.
    """
    blocks: list[Block] = []
    queue: deque[tuple[int, int, int, int]] = deque()  # node, band, start, width
    start = 0
    shares = _share(width, [tree.nodes[n].weight for n in top])
    for root, columns in zip(top, shares, strict=True):
        if columns > 0:
            queue.append((root, 0, start, columns))
        start += columns
    while queue:
        index, band, begin, columns = queue.popleft()
        node = tree.nodes[index]
        hidden = 0
        if node.children:
            if band + 1 >= max_depth:
                hidden = node.weight - 1
            else:
                shares = _share(columns, [tree.nodes[k].weight for k in node.children])
                at = begin
                for child, share in zip(node.children, shares, strict=True):
                    if share > 0:
                        queue.append((child, band + 1, at, share))
                    else:
                        hidden += tree.nodes[child].weight
                    at += share
        blocks.append(Block(index, band, begin, columns, hidden))
    depth = 1 + max((b.depth for b in blocks), default=-1)
    return Layout(tuple(blocks), width, depth)
