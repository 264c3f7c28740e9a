"""Every part of argmap that speaks of sides gives one answer on the hard cases.

The map below has a chain of undercuts (u1 cuts a support of the thesis, u2
cuts u1, u3 cuts u2), linked premises, a claim reached both ways, one
connected to nothing, and a second thesis that shares a claim with the
first. Before `argmap.sides`, the explorer called u2 pro, the drills left it
out and the exports said none. Each consumer is asked here; each must agree
with `EXPECTED` (docs/analysis.md, "Sides").
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET

import pytest

from argmap.loading import load_map_text
from argmap.model import Map
from argmap.sides import EXPORT_WORDS, Side, overall, same_side, sides

PRO, CON, BOTH = Side.PRO, Side.CON, Side.BOTH

MAP = """\
argmap: 1
map: {id: corners, title: Corner cases of sides, theses: [t, t2]}
claims:
  - {id: t, text: The thesis everything here is about., kind: policy}
  - {id: s1, text: A reason for the thesis that gets undercut., kind: value}
  - {id: a1, text: An objection to the thesis itself., kind: value}
  - {id: u1, text: The reason does not bear on the thesis at all., kind: value}
  - {id: u2, text: It does bear on it; the undercut misreads it., kind: value}
  - {id: u3, text: The misreading charge misses the point again., kind: value}
  - {id: l1, text: One half of a linked reason for the objection., kind: value}
  - {id: l2, text: The other half of that linked reason here., kind: value}
  - {id: b, text: A claim that backs a reason and the objection., kind: value}
  - {id: bb, text: A claim that backs the claim reached both ways., kind: value}
  - {id: x, text: A claim with no relation to any thesis at all., kind: value}
  - {id: t2, text: A second thesis of the same map on its own., kind: policy}
  - {id: q, text: A reason for the second thesis and no other., kind: value}
  - {id: m, text: A reason for the second thesis and the objection., kind: value}
  - {id: k1, text: An answer to the claim that the reason misleads., kind: value,
     key_points: [bears]}
  - {id: k2, text: An answer to the charge that the undercut misreads., kind: value,
     key_points: [misreads]}
  - {id: kl, text: An answer to the first half of the linked reason., kind: value,
     key_points: [half]}
relations:
  - {id: r-s1, type: support, from: s1, to: t}
  - {id: r-a1, type: attack, from: a1, to: t}
  - {id: r-u1, type: undercut, from: u1, to: r-s1}
  - {id: r-u2, type: undercut, from: u2, to: r-u1}
  - {id: r-u3, type: undercut, from: u3, to: r-u2}
  - {id: r-l, type: support, from: [l1, l2], to: a1}
  - {id: r-b1, type: support, from: b, to: s1}
  - {id: r-b2, type: support, from: b, to: a1}
  - {id: r-bb, type: support, from: bb, to: b}
  - {id: r-q, type: support, from: q, to: t2}
  - {id: r-m1, type: support, from: m, to: t2}
  - {id: r-m2, type: support, from: m, to: a1}
  - {id: r-k1, type: attack, from: k1, to: u1}
  - {id: r-k2, type: attack, from: k2, to: u2}
  - {id: r-kl, type: attack, from: kl, to: l1}
"""

# Sides of the first thesis; claims absent have none.
EXPECTED = {
    "t": PRO,
    "s1": PRO,
    "a1": CON,
    "u1": CON,
    "u2": PRO,
    "u3": CON,
    "l1": CON,
    "l2": CON,
    "b": BOTH,
    "bb": BOTH,
    "m": CON,
    "k1": PRO,
    "k2": CON,
    "kl": PRO,
}
EXPECTED_T2 = {"t2": PRO, "q": PRO, "m": PRO}
# One side per claim over both theses: m is con of t but pro of t2.
EXPECTED_OVERALL = {**EXPECTED, **EXPECTED_T2, "m": BOTH}


@pytest.fixture(scope="module")
def corners() -> Map:
    result = load_map_text(MAP, "corners.yaml")
    assert result.map is not None and result.ok, result.diagnostics
    return result.map


def test_the_rule(corners: Map) -> None:
    assert dict(sides(corners, "t")) == EXPECTED
    assert dict(sides(corners, "t2")) == EXPECTED_T2
    assert dict(overall(corners)) == EXPECTED_OVERALL
    assert sides(corners, "t") is sides(corners, "t")  # computed once per map


def test_the_analysis(corners: Map) -> None:
    from argmap.analysis import analyse_map

    structure = analyse_map(corners).structure
    for thesis, expected in (("t", EXPECTED), ("t2", EXPECTED_T2)):
        ts = structure.theses[thesis]
        assert dict(ts.sides) == expected
        for side, group in ((PRO, ts.pro), (CON, ts.con), (BOTH, ts.both)):
            assert set(group) == {c for c, s in expected.items() if s is side and c != thesis}
    assert structure.theses["t"].depth["u2"] == 3  # below u1, below s1's link


def test_the_analyze_command_json(corners: Map, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import subprocess
    import sys

    path = tmp_path / "corners.yaml"
    path.write_text(MAP)
    out = subprocess.run(
        [sys.executable, "-m", "argmap", "analyze", str(path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    theses = json.loads(out)["structure"]["theses"]
    for side in ("pro", "con", "both"):
        assert set(theses["t"][side]) == {c for c, s in EXPECTED.items() if s == side} - {"t"}


def test_the_drills(corners: Map) -> None:
    from argmap.training.drills import SwitchSidesDrill

    # Argue pro: answer the con claims (u1, l1 have pro attackers), as a pro debater.
    assert SwitchSidesDrill("pro").targets(corners) == ["u1", "l1"]
    # Argue con: answer pro claims; the nested undercut u2 is one (and the thesis, via a1).
    assert SwitchSidesDrill("con").targets(corners) == ["t", "u2"]
    q = SwitchSidesDrill("con").question(corners, "u2", random.Random(0))
    assert q is not None and q.explanation.open_claim == "k2"  # k2, con, answers it
    for a in EXPECTED_OVERALL:
        for b in EXPECTED_OVERALL:
            agree = all(
                s.get(a) is None or s.get(b) is None or (s[a] is s[b] and s[a] is not BOTH)
                for s in (EXPECTED, EXPECTED_T2)
            )
            assert same_side(corners, a, b) is agree, (a, b)


def test_the_debate_rules(corners: Map) -> None:
    """In a round on t, the side that may play a claim through its link is its side."""
    from argmap.debate.rules import reply_through

    played_as = {c: s for c, s in EXPECTED.items() if s is not BOTH}
    for claim, side in EXPECTED.items():
        if claim == "t" or claim == "bb":  # bb answers b, which either side may have played
            continue
        played = {c: s for c, s in played_as.items() if c != claim}
        may = {
            who
            for who in (PRO, CON)
            for rel in corners.outgoing.get(claim, ())
            if reply_through(corners, rel, claim, played, who) is not None
        }
        assert may == ({PRO, CON} if side is BOTH else {side}), claim


def test_the_exports(corners: Map) -> None:
    from argmap.formats.dot import SIDE_COLOURS, write_dot
    from argmap.formats.graphml import write_graphml
    from argmap.formats.handout import outline

    words = {c.id: EXPORT_WORDS[EXPECTED_OVERALL.get(c.id)] for c in corners.claims}
    assert words["u2"] == "pro" and words["b"] == "mixed" and words["x"] == "none"
    root = ET.fromstring(write_graphml(corners))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    exported = {
        node.get("id", "")[2:]: node.find("g:data[@key='d_side']", ns).text  # type: ignore[union-attr]
        for node in root.iter(f"{{{ns['g']}}}node")
        if node.get("id", "").startswith("c:")
    }
    assert exported == words
    dot = write_dot(corners)
    for claim, word in words.items():
        line = next(ln for ln in dot.splitlines() if ln.strip().startswith(f'"c:{claim}" ['))
        assert f'color="{SIDE_COLOURS[word]}"' in line, claim
    by_side = {
        p.claim.id: side
        for _, groups in outline(corners).themes
        for side, points in groups.items()
        for p in points
    }
    assert by_side == {c: w for c, w in words.items() if c not in corners.theses}


def test_the_checker(corners: Map) -> None:
    from argmap.checking import check_map

    unconnected = {
        re.search(r"claim '([^']+)'", d.message).group(1)  # type: ignore[union-attr]
        for d in check_map(corners)
        if d.code == "W401"
    }
    assert unconnected == {c.id for c in corners.claims} - set(EXPECTED_OVERALL) == {"x"}


def test_the_explorer_view(corners: Map) -> None:
    from argmap.analysis import analyse_map
    from argmap.view_model import from_analysis

    view = from_analysis(corners, analyse_map(corners))
    assert view.sides == {c: str(s) for c, s in EXPECTED_OVERALL.items()}
    assert view.claims["u2"].side == "pro (of t)"
    assert view.claims["m"].side == "con (of t); pro (of t2)"
    assert view.claims["x"].side == "not connected to a thesis"


def test_results_live_as_long_as_their_map() -> None:
    import gc

    from argmap import per_map

    the_map = load_map_text(MAP, "corners.yaml").map
    assert the_map is not None
    first = sides(the_map, "t")
    assert sides(the_map, "t") is first and id(the_map) in per_map._RESULTS
    key = id(the_map)
    del the_map, first
    gc.collect()
    assert key not in per_map._RESULTS  # a map let go of takes its sides with it
