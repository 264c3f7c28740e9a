"""The overview's tree and layout: sizes are distinct claims beneath, columns add up."""

from __future__ import annotations

from pathlib import Path

from argmap.loading import load_map
from argmap.model import Map
from argmap.overview import _share, forest, layout
from argmap.sides import Side

DATA = Path(__file__).resolve().parents[1] / "tui" / "data"
EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "example-smart-locks.yaml"


def load_text(tmp_path: Path, text: str) -> Map:
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_map(path)
    assert result.map is not None, [d.render() for d in result.diagnostics]
    return result.map


TWO_THESES = """\
argmap: 1
map: {id: two, title: Two theses, theses: [t1, t2]}
claims:
  - {id: t1, text: First thesis., kind: policy}
  - {id: t2, text: Second thesis., kind: policy}
  - {id: a, text: A supports the first., kind: value}
  - {id: b, text: B attacks a., kind: value}
  - {id: c, text: C supports both theses and a., kind: value}
  - {id: d, text: D undercuts b's attack., kind: value}
relations:
  - {id: a-t1, type: support, from: a, to: t1}
  - {id: b-a, type: attack, from: b, to: a}
  - {id: c-t1, type: support, from: c, to: t1}
  - {id: c-t2, type: support, from: c, to: t2}
  - {id: c-a, type: support, from: c, to: a}
  - {id: d-ba, type: undercut, from: d, to: b-a}
"""


def test_each_thesis_counts_its_distinct_claims(tmp_path: Path) -> None:
    tree = forest(load_text(tmp_path, TWO_THESES))
    roots = [tree.nodes[r] for r in tree.roots]
    assert [r.claim_id for r in roots] == ["t1", "t2"]
    # t1: a, b, c, d once each (c hangs under t1 and under a: counted once).
    assert roots[0].weight == 5
    assert roots[1].weight == 2  # t2 and c: a shared claim counts under each thesis
    ids = [n.claim_id for n in tree.nodes if n.depth >= 0]
    assert ids.count("c") == 2
    by_id = {n.claim_id: n for n in tree.nodes[: roots[0].weight]}
    # The undercutter hangs under the premise of the relation it undercuts.
    assert tree.nodes[by_id["d"].parent].claim_id == "b"  # type: ignore[index]
    assert by_id["d"].relation == "undercut" and by_id["b"].side is Side.CON
    assert roots[0].children[0] == next(i for i, n in enumerate(tree.nodes) if n.claim_id == "a")


def test_a_cycle_ends_and_nothing_recurses() -> None:
    result = load_map(DATA / "cycle.yaml")
    assert result.map is not None
    tree = forest(result.map)
    assert sum(1 for n in tree.nodes if n.claim_id == "a") == 1
    assert tree.nodes[tree.roots[0]].weight == 4  # t, a, b, c; lonely is no thesis's


def test_columns_add_up_and_follow_the_weights() -> None:
    assert _share(10, [1, 1]) == [5, 5]
    assert sum(_share(80, [7, 3, 3, 1])) == 80
    assert _share(3, [5, 1, 1, 1]) == [2, 1, 0, 0]  # largest remainders first, ties in order
    assert _share(0, [1]) == [0]


def test_layout_nests_children_inside_their_parent(tmp_path: Path) -> None:
    tree = forest(load_text(tmp_path, TWO_THESES))
    view = layout(tree, tree.roots, 70, 10)
    blocks = {b.node: b for b in view.blocks}
    assert sum(blocks[r].width for r in tree.roots) == 70
    assert blocks[tree.roots[0]].width == 50  # 5 of the 7 claims
    for block in view.blocks:
        parent = tree.nodes[block.node].parent
        if parent is None:
            continue
        outer = blocks[parent]
        assert outer.start <= block.start and block.start + block.width <= outer.start + outer.width
        assert block.depth == outer.depth + 1


def test_what_does_not_fit_is_counted_as_hidden(tmp_path: Path) -> None:
    tree = forest(load_text(tmp_path, TWO_THESES))
    shallow = layout(tree, tree.roots, 70, 1)
    assert {b.depth for b in shallow.blocks} == {0}
    first = next(b for b in shallow.blocks if b.node == tree.roots[0])
    assert first.hidden == 4
    narrow = layout(tree, (tree.roots[0],), 2, 10)
    assert sum(b.hidden for b in narrow.blocks) > 0
    assert all(b.width > 0 for b in narrow.blocks)
    zoomed = layout(tree, (tree.roots[0],), 40, 10)
    assert zoomed.blocks[0].width == 40 and zoomed.at(0, 0) == zoomed.blocks[0]
