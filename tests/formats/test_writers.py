"""The DOT, GraphML, JSON round trip and handout writers."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import replace

import pytest
from formats_roundtrip import bundled_map, generated_maps, structure

from argmap.formats.dot import write_dot, write_svg
from argmap.formats.graphml import write_graphml
from argmap.formats.handout import write_html, write_markdown
from argmap.formats.json_export import write_json
from argmap.formats.json_import import read_json
from argmap.model import Map
from argmap.sides import export_words


def test_sides_follow_attacks_and_undercuts(example_map: Map) -> None:
    sides = export_words(example_map)
    assert sides["locks"] == "pro" and sides["feels-safer"] == "pro"
    assert sides["photos-collected"] == "con" and sides["data-protected"] == "pro"
    assert sides["promise-unverifiable"] == "con"
    assert sides["state-voice"] == "con"  # undercuts a pro relation


def test_dot_colours_by_side_and_relation(example_map: Map) -> None:
    text = write_dot(example_map)
    assert text.startswith('digraph "smart-locks-example" {') and text.rstrip().endswith("}")
    line = next(x for x in text.splitlines() if x.startswith('  "c:photos-collected" ['))
    assert 'color="#b2182b"' in line  # a con claim
    # r-photos is undercut, so it goes through a junction the undercut can point at.
    assert '"c:photos-collected" -> "r:r-photos" [color="#b2182b", arrowhead=none]' in text
    attack = next(x for x in text.splitlines() if '"r:r-photos" -> "c:locks"' in x)
    assert "arrowhead=tee" in attack
    # Linked premises meet in one junction; the undercut points at its relation's junction.
    assert text.count('-> "r:r-sublet"') == 2
    assert '"c:state-voice" -> "r:support:feels-safer->locks"' in text
    # An undercut of an undercut points at the junction of the undercut it cuts.
    assert '"c:data-protected" -> "r:r-undercut-photos"' in text
    assert '"r:r-undercut-photos" -> "r:r-photos"' in text
    assert '"c:promise-unverifiable" -> "r:r-undercut-photos"' in text
    assert "doubleoctagon" in next(x for x in text.splitlines() if x.startswith('  "c:locks" ['))


def test_dot_quotes_awkward_text(example_map: Map) -> None:
    odd = replace(example_map.claims[1], text='He said "no" \\ then left')
    m = replace(example_map, claims=(example_map.claims[0], odd, *example_map.claims[2:]))
    assert 'He said \\"no\\" \\\\ then left' in write_dot(m)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_svg_through_graphviz(example_map: Map) -> None:
    svg = write_svg(example_map)
    assert "<svg" in svg and "scanning" in svg


def test_graphml_reads_back_in_networkx(example_map: Map) -> None:
    import networkx as nx

    graph = nx.read_graphml(io.BytesIO(write_graphml(example_map).encode("utf-8")))
    claims = [n for n, d in graph.nodes(data=True) if d.get("node_type") == "claim"]
    assert len(claims) == len(example_map.claims)
    assert graph.nodes["c:locks"]["thesis"] == "true"
    assert graph.nodes["c:photos-collected"]["side"] == "con"
    types = {d["type"] for _, _, d in graph.edges(data=True)}
    assert types == {"support", "attack", "undercut"}
    assert graph.has_edge("c:state-voice", "r:support:feels-safer->locks")


def _json_round_trip(m: Map) -> None:
    back = read_json(write_json(m), "m.json").map
    assert back == m
    assert structure(back) == structure(m)


def test_json_round_trip(example_map: Map) -> None:
    _json_round_trip(example_map)
    for m in generated_maps():
        _json_round_trip(m)


def test_json_round_trip_bundled() -> None:
    _json_round_trip(bundled_map())


def test_markdown_handout(example_map: Map) -> None:
    text = write_markdown(example_map)
    assert text.startswith("# Face-scanning locks")
    assert "> Beijing's public housing should admit residents" in text
    for label in example_map.themes.values():
        assert f"### {label}" in text
    assert "Reliability: Official voice of the Chinese state" in text
    assert "## Questions" not in text
    drilled = write_markdown(example_map, questions=True)
    questions = drilled.split("## Questions")[1].split("## Answer key")
    assert (
        len(re.findall(r"^\d+\. ", questions[0], re.M))
        == len(re.findall(r"^\d+\. ", questions[1], re.M))
        > 0
    )
    assert "undercuts the step" in questions[1].lower()


def test_an_undercut_of_an_undercut_names_the_step_it_cuts(example_map: Map) -> None:
    # promise-unverifiable undercuts data-protected's undercut of the privacy attack.
    for text in (write_markdown(example_map), write_markdown(example_map, thesis="locks")):
        line = next(x for x in text.splitlines() if "the reassurance rests only" in x)
        assert line.startswith(
            "  - Undercuts the step by which “The housing centre says the images are stored"
        )
        assert "undercuts the step from “Photos of every resident" in line
        assert "r-photos" not in line and "r-undercut-photos" not in line


def test_html_handout_is_one_file_without_network(example_map: Map) -> None:
    page = write_html(example_map, questions=True)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page and " src=" not in page and "<link" not in page
    assert "@media print" in page and 'class="answers"' in page
    assert "Beijing&#x27;s public housing" in page


def test_html_escapes_claim_text(example_map: Map) -> None:
    odd = replace(example_map.claims[1], text="<script>alert(1)</script> & more")
    m = replace(example_map, claims=(example_map.claims[0], odd, *example_map.claims[2:]))
    page = write_html(m)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
