"""`argmap export` says what the format cannot hold: one warning per kind of loss,
naming the claims or relations, the file still written (or, with `--strict`, not).

Each map is written here, small, with just the thing a format loses; the core
rules (`argmap.formats.losses`) are also held to the writers by reading the
output back and comparing it with the map minus what `losses` listed.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from formats_roundtrip import (
    BUNDLED,
    argdown_expressible,
    bundled_map,
    generated_maps,
    structure,
)

from argmap.cli import main
from argmap.formats.aif import read_aif, write_aif
from argmap.formats.argdown import read_argdown, write_argdown
from argmap.formats.losses import in_brief, losses, some
from argmap.formats.registry import WRITERS
from argmap.loading import load_map, load_map_text
from argmap.model import Map, Relation

PLAIN = """\
argmap: 1
map:
  id: plain
  title: Plain
  theses: [a]
claims:
  - {id: a, text: The town should plant trees., kind: value}
  - {id: b, text: Trees give shade., kind: value}
  - {id: c, text: Shade cools the street., kind: value}
relations:
  - {type: support, from: b, to: a}
  - {type: support, from: c, to: b}
"""

# u2 cuts u1, which cuts r; u3 is linked; u1 has a why; b has a note.
UNDERCUTS = """\
argmap: 1
map:
  id: cuts
  title: Cuts
  theses: [a]
claims:
  - {id: a, text: The town should plant trees., kind: value}
  - {id: b, text: Trees give shade., kind: value, note: Ask who has a tree outside.}
  - {id: c, text: Shade does not matter in winter., kind: value}
  - {id: d, text: Winter is when people walk., kind: value}
  - {id: e, text: But summer is when people suffer., kind: value}
  - {id: f, text: Other seasons count too., kind: value}
relations:
  - {id: r, type: support, from: b, to: a}
  - {id: u1, type: undercut, from: c, to: r, why: Shade is for summer.}
  - {id: u2, type: undercut, from: e, to: u1}
  - {id: u3, type: undercut, from: [d, f], to: r}
"""


def _map_file(tmp_path: Path, text: str, name: str = "m.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _load(text: str) -> Map:
    result = load_map_text(text, "<test>")
    assert result.ok and result.map is not None, result.diagnostics
    return result.map


def _export(path: Path, fmt: str, out: Path, *extra: str) -> int:
    return main(["export", str(path), "--to", fmt, "-o", str(out), *extra])


def _said(text: str, fmt: str) -> dict[str, str]:
    """Code -> message of every loss, as `--strict` lists them (not merged)."""
    return {loss.code: loss.message for loss in losses(_load(text), fmt)}


def _warnings(err: str) -> list[tuple[str, str]]:
    """(code, whole line) of each warning on standard error."""
    return [
        (m.group(1), line)
        for line in err.splitlines()
        if (m := re.search(r"warning\[(X7\d\d)\]", line))
    ]


@pytest.mark.parametrize(
    "fmt", ["json", "argdown", "dot", "graphml", "markdown", "html", "markdown-drill", "html-drill"]
)
def test_a_map_with_nothing_to_lose_prints_nothing(fmt: str, tmp_path: Path, capsys) -> None:
    path = _map_file(tmp_path, PLAIN)
    out = tmp_path / "out"
    assert losses(_load(PLAIN), fmt) == []
    assert _export(path, fmt, out) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
    assert "Trees give shade" in out.read_text()


def test_json_keeps_everything_of_the_example(tmp_path: Path, capsys) -> None:
    from formats_roundtrip import EXAMPLE

    assert _export(EXAMPLE, "json", tmp_path / "m.json") == 0
    assert capsys.readouterr().err == ""


def test_aif_always_says_the_map_id_and_title_are_lost(tmp_path: Path, capsys) -> None:
    # AIF has no map fields at all, so even the plain map loses its id and title;
    # its claim ids are a, b, c, not the i1, i2, i3 AIF gives back.
    path = _map_file(tmp_path, PLAIN)
    out = tmp_path / "m.json"
    assert _export(path, "aif", out) == 0
    warned = _warnings(capsys.readouterr().err)
    # Two fields AIF has no place for: said together, in one line.
    assert [code for code, _ in warned] == ["X700"]
    assert "not written: the map's id and title; claim ids (3 claims)" in warned[0][1]
    assert list(_said(PLAIN, "aif")) == ["X714", "X706"]
    assert len(json.loads(out.read_text())["nodes"]) == 3 + 2


def test_argdown_names_the_undercut_of_an_undercut(tmp_path: Path, capsys) -> None:
    path = _map_file(tmp_path, UNDERCUTS)
    out = tmp_path / "m.argdown"
    assert _export(path, "argdown", out) == 0
    err = capsys.readouterr().err
    found = dict(_warnings(err))
    # Once per kind, at the line of the first relation it names; the fields Argdown
    # has no place for together, last.
    assert [code for code, _ in _warnings(err)] == ["X701", "X703", "X700"]
    assert (
        "relation ids (1 relation); relations' why (1 relation); notes (1 claim)" in found["X700"]
    )
    assert list(_said(UNDERCUTS, "argdown")) == ["X701", "X703", "X704", "X705", "X710"]
    assert f"{path}:16:5: warning[X701]:" in found["X701"]
    assert (
        "undercut of an undercut" in found["X701"] and "1 relation (u2) left out" in found["X701"]
    )
    assert "  hint: export --to json or aif keeps them" in err
    assert "(u3) become one undercut per premise" in found["X703"]
    said = _said(UNDERCUTS, "argdown")
    assert "the why of 1 relation (u1)" in said["X705"]
    assert "the notes of 1 claim (b)" in said["X710"]
    # The file holds everything else: every claim, and every relation but u2
    # (u3 as one undercut per premise).
    back = read_argdown(out.read_text(), str(out)).map
    assert {c.id for c in back.claims} == {"a", "b", "c", "d", "e", "f"}
    pairs = {(r.type, r.sources, back.relations_by_id.get(r.target, r).id) for r in back.relations}
    assert len(back.relations) == 4  # r, u1, and u3 split in two
    assert ("undercut", ("e",), "r") not in pairs
    assert {r.sources for r in back.relations if r.type == "undercut"} == {("c",), ("d",), ("f",)}


def test_strict_refuses_to_write_what_would_be_lost(tmp_path: Path, capsys) -> None:
    path = _map_file(tmp_path, UNDERCUTS)
    out = tmp_path / "m.argdown"
    assert _export(path, "argdown", out, "--strict") == 1
    err = capsys.readouterr().err
    assert not out.exists()
    assert "warning[X701]" in err
    assert (
        "argmap: error: --to argdown cannot hold all of this map (see above); nothing written"
        in err
    )
    # A format that holds it all writes, strict or not.
    assert _export(path, "json", tmp_path / "m.json", "--strict") == 0
    assert capsys.readouterr().err == "" and (tmp_path / "m.json").exists()


def test_warnings_go_to_stderr_and_the_output_to_stdout(tmp_path: Path, capsys) -> None:
    path = _map_file(tmp_path, UNDERCUTS)
    assert main(["export", str(path), "--to", "argdown"]) == 0
    captured = capsys.readouterr()
    assert "warning[X701]" in captured.err and "warning" not in captured.out
    assert read_argdown(captured.out, "out.argdown").map.claims_by_id["e"]


def test_many_ids_are_named_a_few_then_counted(tmp_path: Path, capsys) -> None:
    claims = "".join(
        f"  - {{id: n{i}, text: Point {i}., kind: value, note: Note {i}.}}\n" for i in range(6)
    )
    rels = "".join(f"  - {{type: support, from: n{i}, to: a}}\n" for i in range(6))
    text = (
        "argmap: 1\nmap:\n  id: many\n  title: Many\n  theses: [a]\nclaims:\n"
        "  - {id: a, text: The thesis., kind: value}\n" + claims + "relations:\n" + rels
    )
    path = _map_file(tmp_path, text)
    assert _export(path, "graphml", tmp_path / "m.graphml") == 0
    (line,) = [line for code, line in _warnings(capsys.readouterr().err) if code == "X710"]
    assert "the notes of 6 claims (n0, n1, n2 and 3 more) are not written" in line
    assert some(["x"]) == "x" and some(list("abcd")) == "a, b, c and 1 more"


def test_aif_loses_kinds_whys_and_theses_but_no_relation(tmp_path: Path, capsys) -> None:
    text = """\
argmap: 1
map:
  id: two
  title: Two theses
  description: Two motions, one against the other.
  theses: [a, z]
claims:
  - {id: a, text: The town should plant trees., kind: policy}
  - {id: z, text: The town should pave the square., kind: policy}
  - {id: b, text: Trees give shade., kind: fact, base: 0.8}
relations:
  - {type: support, from: b, to: a}
  - {id: against, type: attack, from: z, to: a, why: Paving leaves no room for trees.}
"""
    path = _map_file(tmp_path, text)
    out = tmp_path / "m.json"
    assert _export(path, "aif", out) == 0
    assert set(dict(_warnings(capsys.readouterr().err))) == {"X715", "X700"}
    found = _said(text, "aif")
    assert set(found) == {"X714", "X715", "X706", "X704", "X705", "X707", "X711"}
    assert "id, title and description" in found["X714"]
    assert "which here are a instead of a, z" in found["X715"]
    assert "the kind of 3 claims (a, z, b)" in found["X707"]
    assert "the base of 1 claim (b)" in found["X711"]
    assert "(against)" in found["X704"] and "(against)" in found["X705"]
    # Every claim and relation is in the file.
    back = read_aif(out.read_text(), str(out)).map
    assert structure(back) == structure(_load(text))


def test_dot_says_a_long_claim_is_cut_and_draws_it_all_else(tmp_path: Path, capsys) -> None:
    long = " ".join(["word"] * 80)
    text = PLAIN.replace("Shade cools the street.", long).replace(
        "  - {type: support, from: c, to: b}", "  - {id: cools, type: support, from: c, to: b}"
    )
    path = _map_file(tmp_path, text)
    out = tmp_path / "m.dot"
    assert _export(path, "dot", out) == 0
    found = dict(_warnings(capsys.readouterr().err))
    assert set(found) == {"X713", "X704"}
    assert "the text of 1 claim (c) is cut short" in found["X713"]
    assert "the ids of 1 relation (cools)" in found["X704"]
    dot = out.read_text()
    assert all(f'"c:{cid}" [' in dot for cid in "abc")
    assert '"c:b" -> "c:a"' in dot and '"c:c" -> "c:b"' in dot


def test_graphml_says_themes_and_evidence_are_lost_and_keeps_the_graph(
    tmp_path: Path, capsys
) -> None:
    text = """\
argmap: 1
map:
  id: g
  title: Trees
  description: About trees.
  theses: [a]
  themes: {heat: Summer heat}
sources:
  - {id: s, title: A report}
claims:
  - {id: a, text: The town should plant trees., kind: policy, themes: [heat]}
  - id: b
    text: Trees cool a street by two degrees.
    kind: fact
    evidence:
      - {source: s, locator: page 2, quote: two degrees cooler}
relations:
  - {type: support, from: b, to: a}
"""
    path = _map_file(tmp_path, text)
    out = tmp_path / "m.graphml"
    assert _export(path, "graphml", out) == 0
    assert set(dict(_warnings(capsys.readouterr().err))) == {"X700"}
    found = _said(text, "graphml")
    assert set(found) == {"X708", "X709"}
    assert "the themes of 1 claim (a) and the map's theme names" in found["X708"]
    assert "the quotes of 1 claim (b), from 1 source, are not written" in found["X709"]
    graph = nx.read_graphml(io.BytesIO(out.read_bytes()))
    assert {"c:a", "c:b"} <= set(graph.nodes) and graph.has_edge("c:b", "c:a")
    assert graph.graph["title"] == "Trees" and graph.graph["description"] == "About trees."


HANDOUT = """\
argmap: 1
map:
  id: h
  title: Two motions
  theses: [a, z]
claims:
  - {id: a, text: The town should plant trees., kind: policy, note: The council votes in May.}
  - {id: z, text: The town should pave the square., kind: policy}
  - {id: b, text: Trees give shade., kind: value}
relations:
  - {type: support, from: b, to: a}
  - {id: against, type: attack, from: z, to: a}
"""


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_handout_says_what_hangs_on_a_thesis(fmt: str, tmp_path: Path, capsys) -> None:
    path = _map_file(tmp_path, HANDOUT)
    out = tmp_path / "handout"
    assert _export(path, fmt, out) == 0
    found = dict(_warnings(capsys.readouterr().err))
    assert set(found) == {"X702", "X710"}
    assert f"{path}:12:5: warning[X702]" in found["X702"]
    assert "1 relation argued from a thesis (against) are not shown" in found["X702"]
    assert "the note of 1 claim (a) is not shown" in found["X710"]
    written = out.read_text()
    assert "Trees give shade." in written and "pave the square" in written
    # One thesis alone: the attack from the other thesis is still in its branch.
    assert _export(path, fmt, out, "--thesis", "a") == 0
    assert {code for code, _ in _warnings(capsys.readouterr().err)} == {"X702", "X710"}
    # Thesis z's handout has no note and nothing argued from z within z's branch.
    assert _export(path, fmt, out, "--thesis", "z") == 0
    assert capsys.readouterr().err == ""


# -- the rules agree with the writers ------------------------------------------------


def _signature(m: Map, rel: Relation) -> object:
    """A relation by what it joins, ids aside (as `structure` compares them)."""
    if rel.type == "undercut":
        return (
            rel.type,
            frozenset(m.claim(s).text for s in rel.sources),
            _signature(m, m.relation(rel.target)),
        )
    return (rel.type, frozenset(m.claim(s).text for s in rel.sources), m.claim(rel.target).text)


def _ids(m: Map, fmt: str, code: str) -> set[str]:
    return {i for loss in losses(m, fmt) if loss.code == code for i in loss.ids}


def _maps() -> list[Map]:
    example = load_map(Path(BUNDLED).with_name("example-smart-locks.yaml")).map
    assert example is not None
    return [example, _load(UNDERCUTS), bundled_map(), *generated_maps()]


@pytest.mark.parametrize("m", _maps(), ids=lambda m: m.id)
def test_argdown_losses_are_what_the_round_trip_loses(m: Map) -> None:
    cut = _ids(m, "argdown", "X701")
    assert cut == {r.id for r in m.relations} - {r.id for r in argdown_expressible(m).relations}
    back = read_argdown(write_argdown(m), "back.argdown").map
    split = _ids(m, "argdown", "X703")
    renamed = {r.id for r in m.relations} - {r.id for r in back.relations} - cut - split
    assert _ids(m, "argdown", "X704") == renamed
    whys_back = {_signature(back, r) for r in back.relations if r.why}
    lost_why = {r.id for r in m.relations if r.why and _signature(m, r) not in whys_back}
    assert lost_why == (_ids(m, "argdown", "X705") | cut) & {r.id for r in m.relations if r.why}
    if not split:
        assert structure(back) == structure(argdown_expressible(m))


@pytest.mark.parametrize("m", _maps(), ids=lambda m: m.id)
def test_aif_losses_are_what_the_round_trip_loses(m: Map) -> None:
    back = read_aif(write_aif(m), "back.json").map
    assert structure(back) == structure(m)  # no relation is ever lost in AIF
    renamed = {c.id for c in m.claims} - {c.id for c in back.claims}
    assert _ids(m, "aif", "X706") == renamed
    theses_back = [
        next(c.id for c in m.claims if c.text == t)
        for t in (back.claims_by_id[i].text for i in back.theses)
    ]
    assert bool(_ids(m, "aif", "X715")) == (theses_back != list(m.theses))


def test_argdown_says_when_text_changes(tmp_path: Path) -> None:
    text = PLAIN.replace("Trees give shade.", '"Trees \\u202egive shade."')
    m = _load(text)
    (loss,) = [x for x in losses(m, "argdown") if x.code == "X713"]
    assert loss.ids == ("b",)
    back = read_argdown(write_argdown(m), "back.argdown").map
    assert back.claims_by_id["b"].text != m.claims_by_id["b"].text
    assert back.claims_by_id["a"].text == m.claims_by_id["a"].text


HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile" / "bidi-newline.yaml"


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_each_kind_is_said_once_and_names_what_the_map_holds(fmt: str) -> None:
    hostile = load_map(HOSTILE).map
    assert hostile is not None
    for m in [*_maps(), hostile]:
        found = losses(m, fmt)
        codes = [loss.code for loss in found]
        assert len(codes) == len(set(codes)), (m.id, codes)
        known = {*m.claims_by_id, *m.relations_by_id, *m.sources_by_id, *m.themes}
        for loss in found:
            assert set(loss.ids) <= known and (loss.ids or loss.code == "X714")
            assert loss.pos.line > 0, loss


def test_argdown_text_changes_are_one_warning_shown_as_markers(tmp_path: Path, capsys) -> None:
    assert _export(HOSTILE, "argdown", tmp_path / "h.argdown") == 0
    (line,) = [line for code, line in _warnings(capsys.readouterr().err) if code == "X713"]
    assert "the text of 2 claims (t, r) and the why of 1 relation (attack:r->t)" in line


def test_an_id_in_a_warning_is_shown_never_obeyed(tmp_path: Path, capsys) -> None:
    text = PLAIN.replace(
        "  - {type: support, from: c, to: b}",
        '  - {id: "cools\\u202eloot", type: support, from: c, to: b}',
    )
    path = _map_file(tmp_path, text)
    assert _export(path, "dot", tmp_path / "m.dot") == 0
    err = capsys.readouterr().err
    assert "\u202e" not in err and "cools⟨U+202E⟩loot" in err


def test_in_brief_keeps_losses_to_the_argument_and_merges_fields() -> None:
    """A loss to the argument (a relation left out) stays on its own line; what the
    format has no field for is one line; a single field loss is left as it is."""
    found = losses(_load(UNDERCUTS), "argdown")
    brief = in_brief(found, "argdown")
    assert [loss.code for loss in brief] == ["X701", "X703", "X700"]
    merged = brief[-1]
    assert merged.message.startswith("Argdown has no place for these")
    assert merged.message.endswith(
        "relation ids (1 relation); relations' why (1 relation); notes (1 claim)"
    )
    assert set(merged.ids) == {i for loss in found[2:] for i in loss.ids}
    one = [loss for loss in found if loss.code in {"X701", "X710"}]
    assert in_brief(one, "argdown") == one


def test_strict_lists_every_loss_on_its_own(tmp_path: Path, capsys) -> None:
    path = _map_file(tmp_path, UNDERCUTS)
    assert _export(path, "argdown", tmp_path / "m.argdown", "--strict") == 1
    codes = [code for code, _ in _warnings(capsys.readouterr().err)]
    assert codes == ["X701", "X703", "X704", "X705", "X710"]
