"""Read YAML into plain values with positions, refusing what could hurt us.

PyYAML's own constructors are not used at all. The C parser (pure-Python
parser if it is missing) produces an event stream, and this module builds
values from it in one pass, so that in the same pass it can:

- keep the line and column of every mapping value and sequence item, for
  diagnostics and for opening an editor at a claim;
- refuse duplicate keys, which PyYAML silently overwrites;
- refuse tags, so no tag can ever construct a Python object;
- bound alias expansion ("billion laughs") and nesting depth, so no input
  costs unbounded memory or crashes the interpreter;
- strip control characters, so map text can never drive a terminal.

It is also about six times faster than `yaml.load` with the C loader, since
no intermediate node graph is composed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

try:
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser as _BaseParser
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _BaseParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _BaseParser.__init__(self)


MAX_DEPTH = 64
ALIAS_BUDGET = 1_000_000

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_ALLOWED_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq")
) | {"!"}


class YamlProblem(Exception):
    """The text cannot be read as safe YAML; carries a position and a code."""

    def __init__(self, code: str, message: str, line: int, col: int, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.col = col
        self.hint = hint


class Plain(str):
    """An unquoted scalar: the loader may read it as a number when one is expected.

    Quoted scalars stay plain `str`, so `"0.5"` is text and `0.5` a number,
    while `title: 2019` or `text: yes` are still read as text where text is
    wanted (no "Norway problem").
    """

    __slots__ = ()


class YMap(dict):  # type: ignore[type-arg]
    """A mapping that remembers where it and each of its values start."""

    __slots__ = ("line", "col", "value_pos", "key_pos")

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col
        self.value_pos: dict[str, tuple[int, int]] = {}
        self.key_pos: dict[str, tuple[int, int]] = {}


class YSeq(list):  # type: ignore[type-arg]
    """A sequence that remembers where it and each of its items start."""

    __slots__ = ("line", "col", "item_pos")

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col
        self.item_pos: list[tuple[int, int]] = []


def clean_text(text: str) -> str:
    """Remove control characters other than newline and tab."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


@dataclass
class _Frame:
    container: YMap | YSeq
    anchor: str | None
    size: int = 1
    pending_key: str | None = None
    pending_key_pos: tuple[int, int] = (0, 0)
    expecting_key: bool = True


def _check_tag(tag: str | None, line: int, col: int) -> None:
    if tag is not None and tag not in _ALLOWED_TAGS:
        raise YamlProblem(
            "E104",
            f"YAML tag {clean_text(tag)!r} is not allowed",
            line,
            col,
            "remove the tag; argmap maps are plain text, lists and mappings",
        )


def _scalar(event: yaml.ScalarEvent) -> str | None:
    value = clean_text(event.value)
    if event.style or event.tag in ("tag:yaml.org,2002:str", "!"):
        return value
    # A plain (unquoted) scalar: null words mean "nothing", the rest is Plain.
    return None if value in _NULLS else Plain(value)


def _reader_problem(text: str, exc: yaml.reader.ReaderError) -> YamlProblem:
    """A character YAML forbids in a file (a raw control character, say)."""
    before = text[: max(exc.position, 0)]
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    return YamlProblem(
        "E100",
        f"character U+{exc.character:04X} is not allowed in a YAML file",
        line,
        col,
        'remove it, or write it as an escape inside double quotes ("\\x1f")',
    )


def parse_yaml(text: str) -> object:
    """Parse one YAML document into YMap / YSeq / str / Plain / None values.

    Raises YamlProblem with a 1-based position for every refusal.
    """
    try:
        parser = _Parser(text)
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(text, exc) from None
    stack: list[_Frame] = []
    anchors: dict[str, tuple[object, int]] = {}
    alias_total = 0
    root: object = None
    documents = 0

    def attach(value: object, size: int, line: int, col: int) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        frame.size += size
        container = frame.container
        if isinstance(container, YSeq):
            container.append(value)
            container.item_pos.append((line, col))
            return
        if frame.expecting_key:
            if isinstance(value, YMap | YSeq):
                raise YamlProblem(
                    "E200",
                    "a mapping key must be plain text, not a list or mapping",
                    line,
                    col,
                    "write the key as a word followed by a colon",
                )
            key = "" if value is None else str(value)
            if key in container:
                first = container.key_pos.get(key, (0, 0))
                raise YamlProblem(
                    "E103",
                    f"key {key!r} appears twice in this mapping (first at line {first[0]})",
                    line,
                    col,
                    "remove or rename one of them; plain YAML tools would silently keep the last",
                )
            frame.pending_key = key
            frame.pending_key_pos = (line, col)
            frame.expecting_key = False
        else:
            key = frame.pending_key or ""
            container[key] = value
            container.value_pos[key] = (line, col)
            container.key_pos[key] = frame.pending_key_pos
            frame.expecting_key = True

    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            mark = event.start_mark
            line, col = mark.line + 1, mark.column + 1
            if isinstance(event, yaml.ScalarEvent):
                _check_tag(event.tag, line, col)
                value = _scalar(event)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                attach(value, 1, line, col)
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                _check_tag(event.tag, line, col)
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(
                        "E102",
                        f"nesting deeper than {MAX_DEPTH} levels",
                        line,
                        col,
                        "a map needs only a few levels; check for runaway brackets",
                    )
                container: YMap | YSeq = (
                    YMap(line, col) if isinstance(event, yaml.MappingStartEvent) else YSeq(line, col)
                )
                stack.append(_Frame(container, event.anchor))
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                frame = stack.pop()
                if frame.anchor:
                    anchors[frame.anchor] = (frame.container, frame.size)
                c = frame.container
                attach(c, frame.size, c.line, c.col)
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in anchors:
                    raise YamlProblem(
                        "E100", f"unknown alias *{event.anchor}", line, col,
                        "define the anchor (&name) before using it",
                    )
                value, size = anchors[event.anchor]
                alias_total += size
                if alias_total > ALIAS_BUDGET:
                    raise YamlProblem(
                        "E101",
                        f"aliases expand to more than {ALIAS_BUDGET:,} values",
                        line,
                        col,
                        "this looks like a 'billion laughs' file; write the values out instead",
                    )
                attach(value, size, line, col)
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem(
                        "E100", "more than one YAML document in the file", line, col,
                        "a map is a single document: remove the extra '---'",
                    )
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(text, exc) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(
            "E100", f"not valid YAML: {problem}", line, col,
            "check indentation and quoting around this point",
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("E100", f"not valid YAML: {exc}", 0, 0) from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    return root
