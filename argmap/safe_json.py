"""Read JSON input (AIF, argmap JSON) with the same guards as YAML maps.

`json.loads` recurses in C for every nested bracket: 100,000 of them raise
RecursionError, and a number of thousands of digits raises a bare
ValueError ("Exceeds the limit (4300 digits)"). Both are refused here, with
a line and column, before or instead of a traceback: nesting is bounded by
`argmap.limits.DEPTH`, as for YAML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from argmap.limits import DEPTH

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_LONG_NUMBER = re.compile(r"[0-9]{4000,}")


class JsonProblem(Exception):
    """JSON that cannot be read; 1-based line and column, and what to do."""

    def __init__(self, line: int, col: int, message: str, hint: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message, self.hint = line, col, message, hint


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


_BYTE_STEP = {ord(k): v for k, v in _STEP.items()}
_ESCAPED = re.compile(rb"\\.", re.DOTALL)
_BYTE_STRING = re.compile(rb'"[^"]*"')
_NOT_QUOTE_OR_BRACKET = bytes(b for b in range(256) if b not in b'"[]{}')


def _brackets(text: str) -> bytes:
    """The brackets outside strings, in order, by passes in C over bytes: escaped
    characters dropped, then all but quotes and brackets, then what quotes
    enclose (for a million-node AIF file, a fifth of the time of matching every
    string with a regular expression)."""
    raw = text.encode("utf-8", "surrogatepass")
    if b"\\" in raw:
        raw = _ESCAPED.sub(b"", raw)
    kept = raw.translate(None, _NOT_QUOTE_OR_BRACKET)
    # A string with no bracket in it is now `""`. If removing those leaves no
    # quote, each string's two quotes were neighbours: what is left is the
    # brackets outside strings. Otherwise some string holds a bracket.
    brackets = kept.replace(b'""', b"")
    return brackets if b'"' not in brackets else _BYTE_STRING.sub(b"", kept)


def _too_deep_at(text: str, limit: int) -> int:
    """Index of the first bracket that opens level `limit + 1` (-1 if none).

    The quick test runs in C: strings removed, brackets kept, running depth
    by `accumulate`. Only a file that fails it is scanned token by token, to
    say where.
    """
    brackets = _brackets(text)
    if len(brackets) <= limit or max(accumulate(map(_BYTE_STEP.__getitem__, brackets))) <= limit:
        return -1
    depth = 0
    for match in _TOKEN.finditer(text):
        step = _STEP.get(match.group())
        if step:
            depth += step
            if depth > limit:
                return match.start()
    return -1  # pragma: no cover - the quick test and the scan agree


def load_json(text: str, object_hook: Callable[[dict[str, Any]], Any] | None = None) -> Any:
    """`json.loads`, refusing runaway nesting and numbers too long to convert;
    `object_hook` as for `json.loads` (the AIF reader keeps nodes compact)."""
    limit = DEPTH.value
    at = _too_deep_at(text, limit)
    if at >= 0:
        raise JsonProblem(
            *_position(text, at),
            f"nesting deeper than {limit} levels",
            f"check for runaway brackets; {DEPTH.hint()}",
        )
    try:
        return json.loads(text, object_hook=object_hook)
    except json.JSONDecodeError as exc:
        raise JsonProblem(
            exc.lineno, exc.colno, f"not valid JSON: {exc.msg}", "check the file is complete JSON"
        ) from None
    except (ValueError, RecursionError) as exc:
        found = _LONG_NUMBER.search(text)
        line, col = _position(text, found.start()) if found else (1, 1)
        raise JsonProblem(
            line,
            col,
            f"a value JSON cannot hold here: {exc}",
            "numbers of thousands of digits are not data argmap can use; "
            "write it as text in quotes",
        ) from None
