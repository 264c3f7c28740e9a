"""The Kialo importer on exports written in both of Kialo's layouts."""

from __future__ import annotations

import pytest
from formats_roundtrip import DATA

from argmap.checking import check_map
from argmap.formats.argmap_yaml import write_yaml
from argmap.formats.import_result import ImportFailed
from argmap.formats.kialo import read_kialo
from argmap.loading import load_map_text
from argmap.model import RelationType


def _read(name: str):  # type: ignore[no-untyped-def]
    path = DATA / "kialo" / name
    return read_kialo(path.read_text(encoding="utf-8"), str(path))


def test_old_layout_claims_links_and_escapes() -> None:
    result = _read("old-format.txt")
    m = result.map
    assert m.title == "Should cities ban private cars from their centres?"
    assert m.theses == ("k1",)
    assert m.claim("k1").kind == "policy"
    # Markdown link -> text plus a source; backslash escapes removed.
    assert "see the agency's report." in m.claim("k1.1").text
    assert m.claim("k1.1.2").text.endswith("more asthma *attacks*.")
    url_sources = [s for s in m.sources if s.url]
    assert [s.url for s in url_sources] == ["https://example.org/air_quality(2019)"]
    assert url_sources[0].id in (m.claim("k1.1").note or "")


def test_link_is_the_same_claim_under_a_second_parent_with_its_own_stance() -> None:
    m = _read("old-format.txt").map
    # 1.2.1 is "-> See 1.1.1." as a Con of 1.2: 1.1.1 attacks 1.2 while it also
    # attacks 1.1; 1.3 links 1.1.2 as a Pro of the thesis.
    assert "k1.2.1" not in m.claims_by_id
    attacks_on_shops = {r.sources for r in m.incoming["k1.2"] if r.type is RelationType.ATTACK}
    assert ("k1.1.1",) in attacks_on_shops
    supports_of_thesis = {r.sources for r in m.supporters("k1")}
    assert ("k1.1.2",) in supports_of_thesis and ("k1.1",) in supports_of_thesis
    assert [r.type for r in m.outgoing["k1.1.2"]] == [RelationType.SUPPORT] * 2


def test_problems_are_warnings_with_original_lines() -> None:
    result = _read("old-format.txt")
    found = {(d.code, d.line) for d in result.diagnostics}
    assert ("I604", 12) in found  # number 1.3 given twice
    assert ("I603", 13) in found  # link to 9.9, which does not exist
    assert all(d.severity == "warning" for d in result.diagnostics)
    assert all(d.path.endswith("old-format.txt") for d in result.diagnostics)


def test_new_layout_with_question_theses_footnotes_and_wrapped_text() -> None:
    result = _read("new-format.txt")
    m = result.map
    assert m.theses == ("k1.1", "k1.2")
    assert "Question: Should schools replace homework" in (m.description or "")
    assert m.claim("k1.1.2").text == (
        "Practice spread over days is remembered better than practice crammed into one lesson."
    )
    assert "[1]" not in m.claim("k1.1.2").text
    assert m.claim("k1.1.2").note == "Kialo sources: kialo-src-1, kialo-src-3."
    assert m.source("kialo-src-1").url == "https://example.org/eef-homework"
    assert m.source("kialo-src-3").url is None
    # 1.2.2 links 1.1.1 as a Con of the second thesis although it is a Pro of the first.
    assert {(str(r.type), r.target) for r in m.outgoing["k1.1.1"]} == {
        ("support", "k1.1"),
        ("attack", "k1.2"),
    }
    assert result.origins["k1.1.2"] == (15, 5)


@pytest.mark.parametrize("name", ["old-format.txt", "new-format.txt"])
def test_imported_map_is_accepted_by_check(name: str) -> None:
    result = _read(name)
    loaded = load_map_text(write_yaml(result.map, result.origins, name), "out.yaml")
    assert loaded.map is not None and loaded.ok, loaded.diagnostics
    assert loaded.map == result.map
    assert not [d for d in check_map(loaded.map) if d.is_error]


def test_deep_and_big_exports_need_no_recursion() -> None:
    from gen_kialo import generate_kialo

    for layout in ("new", "old"):
        text = generate_kialo(1500, layout=layout, depth=60, theses=1 if layout == "old" else 3)
        m = read_kialo(text, "big.txt").map
        assert len(m.claims) >= 1500
        assert max(c.id.count(".") for c in m.claims) >= 60
        assert m.relations and all(r.target in m.claims_by_id for r in m.relations)


def test_text_without_claims_is_refused_with_a_position() -> None:
    with pytest.raises(ImportFailed) as caught:
        read_kialo("Just some notes\nabout a debate\n", "notes.txt")
    assert caught.value.diagnostic.code == "I600"
    assert caught.value.diagnostic.line == 1


HOSTILE = DATA.parent.parent / "data" / "hostile"


def test_broken_numbers_are_warned_with_line_and_column_never_folded() -> None:
    path = HOSTILE / "kialo-broken-numbers.txt"
    result = read_kialo(path.read_text(encoding="utf-8"), str(path))
    found = [(d.line, d.col, d.code) for d in result.diagnostics]
    assert found == sorted(found)  # in file order
    assert (5, 1, "I601") in found  # 1.x. Pro:
    assert (6, 1, "I601") in found  # 1..2. Con:
    assert (7, 1, "I601") in found  # 1.2 Con: (no dot after the number)
    assert (9, 1, "I602") in found  # 1.4. with no Pro:/Con:
    assert (10, 1, "I604") in found  # 1.3 given twice
    assert (11, 1, "I603") in found  # 1.5.1 without 1.5
    messages = {d.line: d.message for d in result.diagnostics}
    assert "'1.x.'" in messages[5] and "'1..2.'" in messages[6]
    m = result.map
    # The broken lines are not part of the claim before them.
    assert m.claim("k1.1").text == "Trees cool streets in summer."
    assert all(
        "house prices" not in c.text and "pavements" not in c.text and "drains" not in c.text
        for c in m.claims
    )


def test_a_footnote_listed_twice_keeps_both_urls() -> None:
    path = HOSTILE / "kialo-broken-numbers.txt"
    result = read_kialo(path.read_text(encoding="utf-8"), str(path))
    m = result.map
    assert m.source("kialo-src-1").url == "https://example.org/cooling"
    assert m.source("kialo-src-1-2").url == "https://example.org/cooling-again"
    assert m.claim("k1.1").note == "Kialo sources: kialo-src-1, kialo-src-1-2."
    twice = [d for d in result.diagnostics if d.line == 15]
    assert twice and twice[0].code == "I604" and "first on line 14" in twice[0].message
    loaded = load_map_text(write_yaml(m, result.origins, "k.txt"), "out.yaml")
    assert loaded.ok and not [d for d in check_map(loaded.map) if d.is_error]


@pytest.mark.parametrize("odd", ["\x85", "\u2028", "\u2029", "\x0c", "\x0b", "\x1c"])
def test_lines_are_counted_as_an_editor_counts_them(odd: str) -> None:
    text = (
        f"Discussion Title: Odd{odd}title\n\n1. Thesis.\n1.1. Pro: A reason{odd}here.\n"
        "1.x. Con: broken\n"
    )
    result = read_kialo(text, "odd.txt")
    assert [(d.line, d.code) for d in result.diagnostics] == [(5, "I601")]
    assert result.origins["k1.1"] == (4, 1)
