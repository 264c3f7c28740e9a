"""Importers on arbitrary input: a map `argmap check` accepts, or an I600 error; never a crash."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats.aif import read_aif
from argmap.formats.argdown import read_argdown
from argmap.formats.argmap_yaml import write_yaml
from argmap.formats.import_result import ImportFailed
from argmap.formats.kialo import read_kialo
from argmap.loading import load_map_text

_PIECES = [
    "\n",
    "\n\n",
    "  ",
    "    ",
    "1.",
    "1.1.",
    "1.1.1.",
    " Pro:",
    " Con:",
    " Thesis:",
    " Question:",
    "-> See 1.1.",
    "[1]",
    "Sources:",
    "Discussion Name: x",
    "[A]",
    "[A]:",
    "<B>",
    "<B>:",
    "(1)",
    "(2)",
    "----",
    "--",
    "+ ",
    "- ",
    "<+ ",
    "-> ",
    "_ ",
    "><",
    "#tag",
    "# Head",
    "{kind: fact}",
    "{",
    "}",
    "<!--",
    "-->",
    "//",
    "\\",
    "*",
    "_",
    "text",
    "Some words.",
    "===",
    "@[A]",
    "](x)",
    "[",
    "é",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _accepted_or_refused(reader, text: str) -> None:  # type: ignore[no-untyped-def]
    try:
        result = reader(text, "fuzz")
    except ImportFailed as exc:
        assert exc.diagnostic.code == "I600"
        return
    loaded = load_map_text(write_yaml(result.map, result.origins, "fuzz"), "fuzz.yaml")
    assert loaded.map is not None and loaded.ok, loaded.diagnostics


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_kialo_never_crashes(text: str) -> None:
    _accepted_or_refused(read_kialo, text)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_argdown_never_crashes(text: str) -> None:
    _accepted_or_refused(read_argdown, text)


_ID = st.one_of(st.integers(0, 6), st.sampled_from(["1", "2", "3_77", "x", ""]))
_NODE = st.fixed_dictionaries(
    {
        "nodeID": _ID,
        "type": st.sampled_from(["I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "comment", ""]),
        "text": st.sampled_from(["claim a", "claim b", "", "Bob : hi"]),
    }
)
_EDGE = st.fixed_dictionaries({"fromID": _ID, "toID": _ID})


@settings(max_examples=150, deadline=None)
@given(st.lists(_NODE, max_size=10), st.lists(_EDGE, max_size=14), st.booleans())
def test_aif_never_crashes(nodes: list, edges: list, nested: bool) -> None:  # type: ignore[type-arg]
    data: dict[str, object] = {"nodes": nodes, "edges": edges, "locutions": [], "participants": []}
    _accepted_or_refused(read_aif, json.dumps({"AIF": data} if nested else data))
