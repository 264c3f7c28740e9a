"""Mutated maps and random YAML never crash the loader: only clean diagnostics.

"Clean" means every problem comes back as a Diagnostic with a known code and
a position inside the text, and a map (when one is returned) survives checking.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.checking import check_map
from argmap.loading import load_map_text

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "arguments" / "example-smart-locks.yaml"
).read_text()
CODE = re.compile(r"^[EWN]\d{3}$")
YAML_BITS = [
    "- ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "'",
    '"',
    "\n",
    "  ",
    "#",
    "|",
    ">",
    "---\n",
    "? ",
    ",",
    "map:",
    "claims:",
    "relations:",
    "id: ",
    "text: ",
    "kind: fact",
    "from: ",
    "to: ",
    "type: undercut",
    "\\e",
    "\t",
    "%YAML",
]


def assert_clean(text: str) -> None:
    result = load_map_text(text, "fuzz.yaml")
    lines = len(re.findall("\r\n|\r|\n", text)) + 2
    for diag in result.diagnostics:
        assert CODE.match(diag.code), diag
        assert 0 <= diag.line <= lines and diag.col >= 0, diag.render()
        assert diag.message
    if result.map is not None:
        for diag in check_map(result.map):
            assert CODE.match(diag.code)
        for claim in result.map.claims:
            assert "\x1b" not in claim.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_example_map(data: st.DataObject) -> None:
    text = EXAMPLE
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["delete", "insert", "duplicate"]))
        if action == "delete":
            end = data.draw(st.integers(pos, min(len(text), pos + 40)))
            text = text[:pos] + text[end:]
        elif action == "insert":
            text = text[:pos] + data.draw(st.sampled_from(YAML_BITS)) + text[pos:]
        else:
            end = data.draw(st.integers(pos, min(len(text), pos + 200)))
            text = text[:end] + text[pos:end] + text[end:]
    assert_clean(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(YAML_BITS) | st.text(max_size=8), max_size=40))
def test_random_yaml_fragments(parts: list[str]) -> None:
    assert_clean("".join(parts))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    assert_clean(text)
