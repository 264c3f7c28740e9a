"""The Argdown importer against Argdown's own test files, and the Argdown writer."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from formats_roundtrip import DATA, argdown_expressible, bundled_map, generated_maps, structure

from argmap.checking import check_map
from argmap.formats.argdown import read_argdown, write_argdown
from argmap.formats.argdown_parse import parse_argdown
from argmap.formats.argmap_yaml import write_yaml
from argmap.formats.import_result import ImportFailed
from argmap.loading import load_map_text
from argmap.model import Map, RelationType

CORE = DATA / "argdown-core"
COUNTS = json.loads((CORE / "argdown-cli-1.7.5-counts.json").read_text(encoding="utf-8"))
ACCEPTED = sorted(name for name, want in COUNTS.items() if "argdown_cli" not in want)
REJECTED = sorted(name for name, want in COUNTS.items() if "argdown_cli" in want)

# How Argdown's CLI names relations. In "strict" mode (set in a file's
# frontmatter) a statement-to-statement attack is "contrary"; a
# contradiction is always "contradictory".
_NAMES = {
    "+": "support",
    "<+": "support",
    "+>": "support",
    "-": "attack",
    "<-": "attack",
    "->": "attack",
    "_": "undercut",
    "<_": "undercut",
    "_>": "undercut",
    "><": "contradictory",
}


def _relation_counts(name: str) -> dict[str, int]:
    doc = parse_argdown((CORE / name).read_text(encoding="utf-8"), name)
    strict = (doc.frontmatter.get("model") or {}).get("mode") == "strict"
    counts: Counter[str] = Counter()
    for rel in doc.relations:
        kind = _NAMES[rel.symbol]
        both_statements = rel.source[0] == rel.target[0] == "statement"
        if strict and both_statements and kind == "attack":
            kind = "contrary"
        counts[kind] += 1
    return dict(counts)


@pytest.mark.parametrize("name", ACCEPTED)
def test_same_statements_arguments_relations_as_argdown_cli(name: str) -> None:
    want = COUNTS[name]
    doc = parse_argdown((CORE / name).read_text(encoding="utf-8"), name)
    assert len(doc.statements) == want["statements"]
    assert len(doc.arguments) == want["arguments"]
    assert _relation_counts(name) == want["relations"]


@pytest.mark.parametrize("name", REJECTED)
def test_files_argdown_rejects_are_refused_with_a_position(name: str) -> None:
    with pytest.raises(ImportFailed) as caught:
        read_argdown((CORE / name).read_text(encoding="utf-8"), name)
    diag = caught.value.diagnostic
    assert diag.code == "I600" and diag.line >= 1 and diag.col >= 1
    assert diag.path == name


@pytest.mark.parametrize("name", ACCEPTED)
def test_every_accepted_file_imports_to_a_map_check_accepts(name: str) -> None:
    result = read_argdown((CORE / name).read_text(encoding="utf-8"), name)
    loaded = load_map_text(write_yaml(result.map, result.origins, name), "out.yaml")
    assert loaded.map is not None and loaded.ok, loaded.diagnostics
    assert not [d for d in check_map(loaded.map) if d.is_error]
    assert all(result.origins[c.id].line >= 1 for c in result.map.claims)


def test_intro_relations_and_reported_approximations() -> None:
    result = read_argdown((CORE / "intro.argdown").read_text(encoding="utf-8"), "intro.argdown")
    m = result.map
    # <Argument 1> has a premise-conclusion structure: one support from its premises.
    arg = m.relation("Argument-1")
    assert arg.type is RelationType.SUPPORT and len(arg.sources) == 2
    assert m.claim(arg.target).text == "And now the conclusion"
    assert m.claim("Statement-2").text.startswith("Let's do that now")
    # Its second definition (in the PCS) is kept in the note, with a warning.
    assert "Also stated as" in (m.claim("Statement-2").note or "")
    codes = Counter(d.code for d in result.diagnostics)
    assert codes["I602"] >= 1
    # <Argument 2> is only sketched: its gist is a claim.
    assert "Argument-2" in m.claims_by_id
    # Headings become themes.
    assert "argdown-basics" in m.claim("Statement-1").themes


def test_attack_on_reconstructed_argument_becomes_undercut() -> None:
    text = (
        "[C]: Conclusion.\n\n<Arg>: Why.\n\n(1) [P]: Premise.\n----\n(2) [C]\n"
        "\n<Arg>\n  - [Doubt]: Maybe not.\n"
    )
    result = read_argdown(text, "t.argdown")
    undercut = result.map.relation("undercut:Doubt->Arg")
    assert undercut.target == "Arg"
    assert result.map.relation("Arg").why == "Why."
    warning = next(d for d in result.diagnostics if d.code == "I605")
    assert (warning.line, warning.col) == (10, 3)


def test_contradiction_becomes_two_attacks_with_a_warning() -> None:
    result = read_argdown("[A]: One.\n  >< [B]: Other.\n", "t.argdown")
    pairs = {(r.sources, r.target) for r in result.map.relations}
    assert pairs == {(("A",), "B"), (("B",), "A")}
    assert [d.code for d in result.diagnostics] == ["I605"]


def test_tags_and_kind_data_and_frontmatter() -> None:
    text = (
        "===\ntitle: Trees\n===\n\n[T]: Plant trees. #(green city) {kind: policy}\n"
        "  + [S]: Shade matters. #heat\n"
    )
    m = read_argdown(text, "t.argdown").map
    assert m.title == "Trees"
    assert m.claim("T").kind == "policy" and m.claim("S").kind == "value"
    assert m.claim("T").themes == ("green-city",) and m.themes["green-city"] == "green city"
    assert m.theses == ("T",)


def _round_trip(m: Map) -> None:
    text = write_argdown(m)
    back = read_argdown(text, "round.argdown")
    assert structure(back.map) == structure(argdown_expressible(m))
    assert {c.id: (c.kind, c.themes) for c in back.map.claims} == {
        c.id: (c.kind, c.themes) for c in m.claims
    }
    assert back.map.theses == m.theses and back.map.title == m.title
    assert dict(back.map.themes) == dict(m.themes)
    assert [d for d in back.diagnostics if d.code != "I605"] == []
    loaded = load_map_text(write_yaml(back.map), "round.yaml")
    assert loaded.ok, loaded.diagnostics


def test_round_trip_example(example_map: Map) -> None:
    _round_trip(example_map)
    # All but the undercut of an undercut, which Argdown cannot say.
    kept = {r.id for r in argdown_expressible(example_map).relations}
    assert {r.id for r in example_map.relations} - kept == {"r-undercut-reassurance"}
    # The claim itself is kept, as a statement.
    assert "[promise-unverifiable]: A promise of deletion" in write_argdown(example_map)


def test_round_trip_generated() -> None:
    for m in generated_maps():
        _round_trip(m)


def test_round_trip_bundled() -> None:
    _round_trip(bundled_map())


def test_markup_in_claim_text_survives(example_map: Map) -> None:
    from dataclasses import replace

    tricky = replace(
        example_map.claims[1],
        text="A [bracket] <angle> #hash @at {brace} *star* _under_ // slash \\ back",
    )
    m = replace(example_map, claims=(example_map.claims[0], tricky, *example_map.claims[2:]))
    back = read_argdown(write_argdown(m), "t.argdown").map
    assert back.claim(tricky.id).text == tricky.text
