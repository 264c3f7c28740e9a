"""The quick depth test of JSON input (`safe_json._brackets`) against the plain
definition: every bracket outside strings, in order.

It runs on every AIF and argmap JSON file before parsing; for a million-node
AIF file it is passes over bytes, so it must find exactly the brackets that
matching every string with a regular expression finds.
"""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.safe_json import _brackets, _too_deep_at

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')  # a JSON string, escapes and all
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")

_TEXT = st.text(st.sampled_from(list('ab[]{}"\\/\n\t é漢\U0001f600\x00') + ["\ud800"]), max_size=8)
_JSON = st.recursive(
    st.one_of(st.none(), st.integers(), _TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_TEXT, inner, max_size=4)),
    max_leaves=30,
)


def _plain_brackets(text: str) -> str:
    return _NOT_BRACKET.sub("", _STRING.sub("", text))


@settings(max_examples=500, deadline=None)
@given(_JSON, st.booleans(), st.booleans())
def test_the_brackets_outside_strings_are_found_exactly(
    value: object, ascii_only: bool, indent: bool
) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, indent=1 if indent else None)
    assert _brackets(text).decode() == _plain_brackets(text)


@settings(max_examples=200, deadline=None)
@given(_JSON, st.integers(1, 6))
def test_too_deep_is_told_as_the_token_scan_tells_it(value: object, limit: int) -> None:
    text = json.dumps(value)
    depth, deepest = 0, 0
    for char in _plain_brackets(text):
        depth += 1 if char in "[{" else -1
        deepest = max(deepest, depth)
    assert (_too_deep_at(text, limit) >= 0) == (deepest > limit)


def test_a_string_full_of_brackets_and_escaped_quotes_hides_them() -> None:
    text = json.dumps({"a": '[[{"\\"}', "b": [["x"]]})
    assert _brackets(text) == b"{[[]]}"
    assert _too_deep_at(text, 2) >= 0 and _too_deep_at(text, 3) == -1
