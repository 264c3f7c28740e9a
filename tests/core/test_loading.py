"""The loader: a faithful model of good maps, and its guards against bad YAML."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from argmap.loading import default_relation_id, load_map, load_map_text
from argmap.model import ClaimKind, KeyPoint, Pos, RelationType
from argmap.safe_yaml import MAX_DEPTH, YamlProblem, parse_yaml

MINIMAL = """
map: {id: m, title: T, theses: [a]}
claims:
  - id: a
    text: {text}
    kind: policy
"""


def test_example_map_loads_into_the_model(example_map_path) -> None:
    result = load_map(example_map_path)
    assert result.ok, [d.render() for d in result.diagnostics]
    m = result.map
    assert m.theses == ("locks",)
    assert len(m.claims) == 10 and len(m.sources) == 2
    sublet = m.claim("sublet-common")
    assert sublet.kind is ClaimKind.FACT
    assert sublet.evidence[0].source == "techthelead"
    assert sublet.key_points[0].point == "subletting"
    assert "rent flats out" in sublet.key_points[0].synonyms
    assert sublet.pos == Pos(42, 5)
    linked = m.relation("r-sublet")
    assert linked.linked and linked.sources == ("sublet-common", "housing-is-for-poor")
    undercut = m.relation("r-undercut-feels")
    assert undercut.type is RelationType.UNDERCUT
    assert undercut.target == default_relation_id("support", ("feels-safer",), "locks")
    assert undercut.target in m.relations_by_id
    assert m.claim("data-protected").also_answers == ("photos-collected",)
    assert dict(m.themes)["privacy"].startswith("Privacy")


def test_model_is_immutable(example_map_path) -> None:
    m = load_map(example_map_path).map
    with pytest.raises(AttributeError):
        m.claims[0].text = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        m.claims_by_id["x"] = m.claims[0]  # type: ignore[index]


@pytest.mark.parametrize(
    "raw", ['"\\e[31mred\\e[0m alert"', '"bell\\a and \\x9b csi"', '"null\\0byte"']
)
def test_control_characters_are_removed_from_text(raw: str) -> None:
    result = load_map_text(MINIMAL.replace("{text}", raw))
    text = result.map.claim("a").text
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in text), repr(text)
    assert text.replace(" ", "")  # something readable is left


def test_newlines_and_tabs_survive() -> None:
    result = load_map_text(MINIMAL.replace("{text}", '"one\\ttab\\nnew line"'))
    assert result.map.claim("a").text == "one\ttab\nnew line"


@pytest.mark.parametrize("plain", ["yes", "no", "on", "2019", "1e3", "null-ish"])
def test_plain_scalars_stay_text_where_text_is_wanted(plain: str) -> None:
    result = load_map_text(MINIMAL.replace("{text}", plain))
    assert result.ok
    assert result.map.claim("a").text == plain


def test_quoted_number_is_not_a_base_score() -> None:
    text = MINIMAL.replace("{text}", "x") + '    base: "0.5"\n'
    codes = [d.code for d in load_map_text(text).diagnostics]
    assert codes == ["E200"]


def test_billion_laughs_is_refused_quickly_in_bounded_memory() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        refs = ",".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    text = "\n".join(lines) + "\n"
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(YamlProblem) as err:
        parse_yaml(text)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert err.value.code == "E101"
    assert elapsed < 2.0 and peak < 50_000_000


def test_moderate_aliases_are_allowed() -> None:
    text = MINIMAL.replace("{text}", "x") + "    themes: &t [privacy, safety]\n"
    text += "  - {id: b, text: y, kind: value, themes: *t}\n"
    result = load_map_text(text)
    assert result.map.claim("b").themes == ("privacy", "safety")


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 10_000, 200_000])
def test_deep_nesting_is_refused_without_crashing(depth: int) -> None:
    for opener, closer in (("[", "]"), ("{a: ", "}")):
        result = load_map_text(opener * depth + closer * depth)
        assert [d.code for d in result.diagnostics] == ["E102"]


def test_unknown_tags_never_construct_objects() -> None:
    for tag in (
        "!!python/object/apply:os.system ['true']",
        "!!binary aGk=",
        "!custom x",
        "!!set {a, b}",
        "!!timestamp 2001-12-14",
    ):
        result = load_map_text(f"map: {tag}\n")
        assert [d.code for d in result.diagnostics] == ["E104"], tag


def test_standard_str_tag_is_allowed() -> None:
    result = load_map_text(MINIMAL.replace("{text}", "!!str 2019"))
    assert result.ok and result.map.claim("a").text == "2019"


def test_every_problem_is_reported_in_one_run() -> None:
    text = """
map: {id: m, title: T, theses: [a]}
claims:
  - {id: a, text: A, kind: opinion}
  - {id: b, text: B, kind: value, base: 7}
  - {id: c, kind: value}
"""
    codes = sorted(d.code for d in load_map_text(text).diagnostics)
    assert codes == ["E201", "E203", "E203"]


def test_multiple_documents_are_refused() -> None:
    result = load_map_text(MINIMAL.replace("{text}", "x") + "---\nmore: 1\n")
    assert [d.code for d in result.diagnostics] == ["E100"]


def test_unreadable_and_non_utf8_files(tmp_path) -> None:
    missing = load_map(tmp_path / "absent.yaml")
    assert [d.code for d in missing.diagnostics] == ["E000"]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"map:\n  title: caf\xe9\n")
    diag = load_map(latin).diagnostics[0]
    assert (diag.code, diag.line, diag.col) == ("E100", 2, 13)


@pytest.mark.parametrize("odd", ["\x85", "\u2028", "\u2029"])
def test_positions_count_only_real_line_breaks(odd: str) -> None:
    """libyaml also breaks lines at NEL, LS and PS, which editors show inside
    a line: positions must still point where the user's editor does."""
    text = f"map: {{id: m, title: {odd}{odd}{odd}t}}\nclaims: [\n"
    result = load_map_text(text, "odd.yaml")
    assert not result.ok
    diag = result.diagnostics[0]
    assert (diag.code, diag.line, diag.col) == ("E100", 3, 1), diag.render()
    found = load_map_text("- \x850", "fuzz.yaml").diagnostics
    assert all(d.line <= 1 for d in found), [d.render() for d in found]


def test_key_point_opposites_load_and_bad_ones_are_named(tmp_path) -> None:
    path = tmp_path / "o.yaml"
    path.write_text(
        "map: {id: o, title: T, theses: [t]}\n"
        "claims:\n"
        "  - id: t\n"
        "    text: The blog's rent figures show a large gap.\n"
        "    kind: value\n"
        "    key_points:\n"
        "      - {point: gap, synonyms: [difference], opposites: [no gap, rents equal]}\n"
        "      - {point: big, opposites: {a: 1}}\n"
        "      - {point: wide, oposites: [narrow]}\n",
        encoding="utf-8",
    )
    result = load_map(path)
    assert result.map is not None
    assert result.map.claim("t").key_points[0] == KeyPoint(
        "gap", ("difference",), ("no gap", "rents equal")
    )
    found = {(d.line, d.code): d for d in result.diagnostics}
    assert "'opposites' of claim 't' should be a list" in found[(8, "E200")].message
    assert "did you mean 'opposites'" in found[(9, "E202")].hint
