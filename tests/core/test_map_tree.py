"""The map's tree as plain data: what hangs under what, where a claim appears, how to reach it."""

from __future__ import annotations

from argmap.loading import load_map_text
from argmap.map_tree import (
    can_open,
    child_links,
    children,
    has_children,
    path_to,
    places,
    thesis_entries,
    unlinked_ids,
)
from argmap.model import Map
from argmap.view_model import ROLE_THESIS, ROLE_UNLINKED, TreeEntry


def load(text: str) -> Map:
    result = load_map_text(text)
    assert result.map is not None, [d.render() for d in result.diagnostics]
    return result.map


def claims(*ids: str) -> str:
    return "".join(
        f"  - {{id: {i}, text: Claim {i} of this small test map., kind: value}}\n" for i in ids
    )


# p supports t and a; a attacks t; u undercuts p's support of a, so u hangs only
# under p as reached through that support. c and d attack each other below a;
# w undercuts c's attack on d, so it hangs only under c reached from d: a cycle there.
MAP = (
    "argmap: 1\nmap: {id: m, title: Tree corners, theses: [t]}\nclaims:\n"
    + claims("t", "p", "a", "u", "c", "d", "w", "x", "y")
    + """relations:
  - {id: r-pt, type: support, from: p, to: t}
  - {id: r-at, type: attack, from: a, to: t}
  - {id: r-pa, type: support, from: p, to: a}
  - {id: r-u, type: undercut, from: u, to: r-pa}
  - {id: r-ca, type: attack, from: c, to: a}
  - {id: r-dc, type: attack, from: d, to: c}
  - {id: r-cd, type: attack, from: c, to: d}
  - {id: r-w, type: undercut, from: w, to: r-cd}
  - {id: r-yx, type: support, from: y, to: x}
  - {id: r-ya, type: support, from: y, to: a}
"""
)


def test_children_of_a_premise_include_the_undercuts_of_its_relation() -> None:
    the_map = load(MAP)
    assert [s for _, s in child_links(the_map, "p", None)] == []
    assert [s for _, s in child_links(the_map, "p", "r-pa")] == ["u"]
    assert has_children(the_map, "p", "r-pa") and not has_children(the_map, "p", "r-pt")
    under_a = children(the_map, TreeEntry("a", "attack", "r-at"), {"t", "a"})
    assert [(e.claim_id, e.role, e.relation_id) for e in under_a] == [
        ("p", "support", "r-pa"),
        ("c", "attack", "r-ca"),
        ("y", "support", "r-ya"),
    ]


def test_a_claim_on_its_own_branch_is_a_cycle_that_cannot_open() -> None:
    the_map = load(MAP)
    under_d = children(the_map, TreeEntry("d", "attack", "r-dc"), {"t", "a", "c", "d"})
    assert under_d == [TreeEntry("c", "attack", "r-cd", cycle=True)]
    assert not can_open(the_map, under_d[0])
    assert can_open(the_map, TreeEntry("c", "attack", "r-cd"))


def test_places_count_each_relation_out_and_being_a_thesis() -> None:
    the_map = load(MAP)
    assert places(the_map, "t") == 1
    assert places(the_map, "p") == 2
    assert places(the_map, "c") == 2
    assert places(the_map, "x") == 0


def test_unlinked_claims_are_those_the_tree_never_shows_under_a_thesis() -> None:
    the_map = load(MAP)
    assert thesis_entries(the_map) == [TreeEntry("t", ROLE_THESIS)]
    # u is reached only through p's second relation (p was met first through r-pt);
    # w only under d reached from c, which the tree shows as a cycle there.
    assert unlinked_ids(the_map) == ("w", "x")
    assert unlinked_ids(the_map) is unlinked_ids(the_map)  # once per map


def test_paths_are_shortest_and_every_step_can_be_opened() -> None:
    the_map = load(MAP)
    path = path_to(the_map, "u")
    assert path is not None
    assert [(e.claim_id, e.relation_id) for e in path] == [
        ("t", None),
        ("a", "r-at"),
        ("p", "r-pa"),
        ("u", "r-u"),
    ]
    assert all(can_open(the_map, e) for e in path[:-1])
    d = path_to(the_map, "d")
    assert d is not None and [e.claim_id for e in d] == ["t", "a", "c", "d"]
    assert path_to(the_map, "t") == [TreeEntry("t", ROLE_THESIS)]
    assert path_to(the_map, "nope") is None


def test_unlinked_claims_are_reached_from_their_group_and_others_from_a_thesis() -> None:
    the_map = load(MAP)
    assert path_to(the_map, "x") == [TreeEntry("x", ROLE_UNLINKED)]
    # y hangs under the unlinked x (one step) and under a (two steps from t):
    # a claim a thesis reaches is reached from the thesis.
    path = path_to(the_map, "y")
    assert path is not None and [e.claim_id for e in path] == ["t", "a", "y"]
    # Every unlinked claim is an entry of the group, even one that hangs under another.
    assert path_to(the_map, "w") == [TreeEntry("w", ROLE_UNLINKED)]


def test_a_long_chain_is_walked_without_recursion() -> None:
    n = 5000
    ids = [f"c{i}" for i in range(n)]
    relations = "".join(
        f"  - {{id: r{i}, type: support, from: c{i + 1}, to: c{i}}}\n" for i in range(n - 1)
    )
    text = (
        "argmap: 1\nmap: {id: m, title: A long chain, theses: [c0]}\nclaims:\n"
        + claims(*ids)
        + "relations:\n"
        + relations
    )
    the_map = load(text)
    assert unlinked_ids(the_map) == ()
    path = path_to(the_map, ids[-1])
    assert path is not None and len(path) == n and path[-1].claim_id == ids[-1]
