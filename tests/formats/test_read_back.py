"""`read_back(m)` is what loading `write_yaml(m)` gives: the map and the loader's findings.

`argmap import` checks `read_back` of the map it built instead of writing the
YAML and parsing it again; these tests hold it to the real round trip on
small maps whose every text field is awkward (YAML syntax, quotes, control
and invisible characters, white space at the ends, characters YAML refuses
raw, half a surrogate pair), and on what the importers make of awkward
input. A difference in the map, in a finding's code or message, or in whether
the file can be read at all fails.
"""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.diagnostics import Diagnostic
from argmap.formats.aif import read_aif
from argmap.formats.argdown import read_argdown
from argmap.formats.argmap_yaml import read_back, write_yaml
from argmap.formats.import_result import ImportFailed
from argmap.formats.kialo import read_kialo
from argmap.loading import LoadResult, load_map_text
from argmap.model import (
    Claim,
    ClaimKind,
    Evidence,
    KeyPoint,
    Map,
    Pos,
    Relation,
    RelationType,
    Source,
)

_PIECES = [
    *("a", "B", "x1", "_", "-", ".", "é", "漢", "Claim 12", "0.5", "1e3", "12"),
    *(" ", "  ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\u00a0", "\u3000"),
    *("\x00", "\x01", "\x1f", "\x7f", "\x85", "\x9f", "\u2028", "\u2029"),
    *("\u202e", "\u200b", "\ufeff", "\u00ad", "\U000e0001", "\U000e0041", "\U0001d173"),
    *("\ufffe", "\uffff", "\ufdd0", "\U0001f600", "\U0010ffff"),
    *('"', "'", "\\", "\\n", "\\u0041", ":", ": ", "#", " #", "- ", "-", "?", "|", ">"),
    *("[", "]", "{", "}", ",", "&a", "*a", "!!str", "!x", "%", "@", "`", "---", "..."),
    *("null", "Null", "~", "true", "yes", "No", "on", "y", ".inf", "nan", "<<"),
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)
_ID = st.one_of(st.sampled_from(["a", "b", "c", "r1", "s1", "x.y", "z-2", "é"]), _TEXT)
_SURROGATE = st.sampled_from(["\ud800", "a\udfffb", "\udcff.json"])


def _key(diags: list[Diagnostic]) -> list[tuple[str, str, str, str]]:
    """Findings without positions (which differ by design): the line numbers inside
    a message ("first at line 12") are positions too."""
    return sorted(
        (str(d.severity), d.code, re.sub(r"line \d+", "line N", d.message), d.hint) for d in diags
    )


def _loaded(m: Map, origin_path: str = "in.json") -> LoadResult | None:
    """The real round trip; None where the text cannot even be encoded as a file."""
    origins = {c.id: Pos(3, 4) for c in m.claims} | {r.id: Pos(5, 0) for r in m.relations}
    text = write_yaml(m, origins, origin_path, header=f"Imported from {origin_path}.\nSecond.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return load_map_text(text, "out.yaml")


def assert_reads_back(m: Map, origin_path: str = "in.json") -> None:
    loaded, back = _loaded(m, origin_path), read_back(m, "out.yaml")
    if loaded is None or loaded.map is None:
        assert back.map is None, (loaded, back)
        assert [d.code for d in back.diagnostics] == ["E100"]
        return
    assert back.map is not None, (loaded.diagnostics, back.diagnostics)
    assert back.map == loaded.map
    assert dict(back.map.themes) == dict(loaded.map.themes)
    assert _key(back.diagnostics) == _key(loaded.diagnostics)
    assert back.map.path == loaded.map.path == "out.yaml"


_BASE = st.one_of(
    st.none(),
    st.floats(0, 1),
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 1.5, -0.25, 1e-7, 1e300]),
)


@st.composite
def maps(draw: st.DrawFn) -> Map:
    texts = st.one_of(_TEXT, st.none())
    claims = []
    for _ in range(draw(st.integers(0, 4))):
        claims.append(
            Claim(
                id=draw(_ID),
                text=draw(_TEXT),
                kind=draw(st.sampled_from(list(ClaimKind))),
                themes=tuple(draw(st.lists(_ID, max_size=2))),
                evidence=tuple(
                    Evidence(draw(_ID), draw(_TEXT), draw(_TEXT))
                    for _ in range(draw(st.integers(0, 2)))
                ),
                base=draw(_BASE),
                key_points=tuple(
                    KeyPoint(
                        draw(_TEXT),
                        tuple(draw(st.lists(_TEXT, max_size=2))),
                        tuple(draw(st.lists(_TEXT, max_size=2))),
                    )
                    for _ in range(draw(st.integers(0, 2)))
                ),
                note=draw(texts),
                flaw=draw(texts),
                also_answers=tuple(draw(st.lists(_ID, max_size=2))),
                pos=Pos(draw(st.integers(0, 9)), 1),
            )
        )
    ids = [c.id for c in claims] or ["a"]
    relations = []
    for _ in range(draw(st.integers(0, 4))):
        rel_type = draw(st.sampled_from(list(RelationType)))
        sources = tuple(draw(st.lists(st.one_of(st.sampled_from(ids), _ID), max_size=3)))
        target = draw(st.one_of(st.sampled_from(ids), _ID))
        default = f"{rel_type}:{'+'.join(sources)}->{target}"
        relations.append(
            Relation(
                id=draw(st.one_of(st.just(default), _ID)),
                type=rel_type,
                sources=sources,
                target=target,
                why=draw(texts),
            )
        )
    sources_ = [
        Source(
            id=draw(_ID),
            title=draw(_TEXT),
            outlet=draw(_TEXT),
            date=draw(_TEXT),
            kind=draw(_TEXT),
            reliability=draw(_TEXT),
            file=draw(texts),
            url=draw(texts),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return Map(
        id=draw(_ID),
        title=draw(_TEXT),
        theses=tuple(draw(st.lists(st.one_of(st.sampled_from(ids), _ID), max_size=2))),
        claims=tuple(claims),
        relations=tuple(relations),
        sources=tuple(sources_),
        description=draw(texts),
        themes=draw(st.dictionaries(_TEXT, _TEXT, max_size=3)),
        path="in.json",
    )


@settings(max_examples=400, deadline=None)
@given(maps())
def test_any_map_reads_back_as_loading_the_written_yaml_gives(m: Map) -> None:
    assert_reads_back(m)


@settings(max_examples=60, deadline=None)
@given(maps(), _SURROGATE, st.sampled_from(["title", "claim", "theme"]))
def test_half_a_surrogate_pair_is_refused_as_the_written_file_would_be(
    m: Map, bad: str, where: str
) -> None:
    from dataclasses import replace

    if where == "title":
        m = replace(m, title=bad)
    elif where == "claim":
        m = replace(m, claims=(*m.claims, Claim("q", f"text {bad}", ClaimKind.FACT)))
    else:
        m = replace(m, themes={"t": bad})
    assert_reads_back(m)
    assert read_back(m, "out.yaml").map is None


def test_an_awkward_origin_path_cannot_break_or_forge_the_written_file() -> None:
    m = Map("m", "T", ("a",), (Claim("a", "A", ClaimKind.VALUE),))
    for path in ["evil\nclaims: []\n.json", "a\u2028b\x85c\rd.json", "\udcff\x01\ufffe.json"]:
        loaded = _loaded(m, path)
        assert loaded is not None and loaded.map == m and loaded.ok, path
        assert_reads_back(m, path)


@st.composite
def plain_maps(draw: st.DrawFn) -> Map:
    """Maps of claims with only an id and a text, relations with no `why`: what
    an import usually makes, and what `read_back` checks a whole list at a time."""
    claims = tuple(
        Claim(draw(_ID), draw(_TEXT), ClaimKind.VALUE) for _ in range(draw(st.integers(1, 5)))
    )
    ids = [c.id for c in claims]
    relations = []
    for _ in range(draw(st.integers(0, 4))):
        sources = tuple(draw(st.lists(st.one_of(st.sampled_from(ids), _ID), max_size=2)))
        target = draw(st.one_of(st.sampled_from(ids), _ID))
        default = f"support:{'+'.join(sources)}->{target}"
        rel_id = draw(st.one_of(st.just(default), st.sampled_from(["r1", "r 2", ""]), _ID))
        relations.append(Relation(rel_id, RelationType.SUPPORT, sources, target))
    return Map("m", "T", (ids[0],), claims, tuple(relations))


@settings(max_examples=300, deadline=None)
@given(plain_maps())
def test_a_map_of_plain_claims_reads_back_as_loading_gives(m: Map) -> None:
    assert_reads_back(m)


@pytest.mark.parametrize(
    "texts",
    [("a", "A "), ("a", " A"), ("a", "A\x00"), (" a", "A"), ("a\n", "A"), ("a", "A\x01B")],
)
def test_one_odd_text_at_either_end_of_a_plain_map_is_seen(texts: tuple[str, str]) -> None:
    cid, text = texts
    plain = [Claim(f"c{k}", f"Claim {k}", ClaimKind.VALUE) for k in range(3)]
    for claims in (
        [Claim(cid, text, ClaimKind.VALUE), *plain],
        [*plain, Claim(cid, text, ClaimKind.VALUE)],
    ):
        m = Map("m", "T", ("c0",), tuple(claims))
        assert_reads_back(m)
        assert read_back(m, "out.yaml").map != m


def test_the_usual_imported_claim_is_the_models_own_object() -> None:
    claims = tuple(Claim(f"i{k}", f"Claim {k}", ClaimKind.VALUE, pos=Pos(k, 1)) for k in range(3))
    m = Map("m", "T", ("i0",), claims, (Relation("ra1", RelationType.SUPPORT, ("i1",), "i0"),))
    back = read_back(m, "out.yaml").map
    assert back is not None and back == m
    assert all(b is c for b, c in zip(back.claims, m.claims, strict=True))
    assert back.relations[0] is m.relations[0]


# -- what the importers make of awkward input --------------------------------

_AWKWARD = ["x: y", '"q"', "\\", "#c", "- i", "\x01", "\u202e", "\ufffe", "\U000e0041", " "]


def _imported(reader, text: str) -> Map | None:  # type: ignore[no-untyped-def]
    try:
        return reader(text, "in.txt").map  # type: ignore[no-any-return]
    except ImportFailed:
        return None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_AWKWARD + ["claim", "Bob : hi", ""]), max_size=8))
def test_aif_imports_read_back_as_written(texts: list[str]) -> None:
    nodes = [{"nodeID": str(k), "type": "I", "text": t} for k, t in enumerate(texts)]
    nodes += [{"nodeID": "ra", "type": "RA", "text": "x"}, {"nodeID": "ca", "type": "CA"}]
    edges = [{"fromID": "1", "toID": "ra"}, {"fromID": "ra", "toID": "0"}]
    edges += [{"fromID": "2", "toID": "ca"}, {"fromID": "ca", "toID": "ra"}]
    m = _imported(read_aif, json.dumps({"nodes": nodes, "edges": edges, "title": " T\x01 "}))
    if m is not None:
        assert_reads_back(m)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_AWKWARD + ["Pro: ", "Con: ", "\n1.1. ", "\n1. ", "a"])))
def test_kialo_imports_read_back_as_written(pieces: list[str]) -> None:
    m = _imported(read_kialo, "Discussion Title: T\n\n1. Thesis " + "".join(pieces) + "\n")
    if m is not None:
        assert_reads_back(m)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_AWKWARD + ["[A]: ", "<B>", "\n  + ", "\n  - ", "#(t)", "a"])))
def test_argdown_imports_read_back_as_written(pieces: list[str]) -> None:
    m = _imported(read_argdown, "[T]: thesis " + "".join(pieces) + "\n")
    if m is not None:
        assert_reads_back(m)
