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
from bisect import bisect_right

import yaml

from argmap.limits import ALIASES, DEPTH, Limit
from argmap.text_lines import editor_lines, position

try:
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser as _BaseParser
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _BaseParser):  # type: ignore[no-redef,misc]
        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _BaseParser.__init__(self)


MAX_DEPTH = DEPTH.default  # the defaults; argmap.limits reads the values in force
ALIAS_BUDGET = ALIASES.default


class AliasBudget:
    """How many values aliases may still expand to; shared by several parses.

    An Argdown file holds many small YAML blocks: one budget for all of them
    bounds the whole file, not each block.
    """

    __slots__ = ("left", "limit", "setting")

    def __init__(self, setting: Limit = ALIASES) -> None:
        self.setting = setting
        self.limit = self.left = setting.value


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
_LINE_BREAK = re.compile("\r\n|\r|\n")
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


def _too_deep(line: int, col: int) -> YamlProblem:
    return YamlProblem(
        "E102",
        f"nesting deeper than {DEPTH.value} levels",
        line,
        col,
        "a map needs only a few levels; check for runaway brackets; " + DEPTH.hint(),
    )


class Plain(str):
    """An unquoted scalar that looks like a number.

    The loader reads it as a number where one is expected, and as text where
    text is wanted: quoted `"0.5"` is text and `0.5` a number, while
    `title: 2019` or `text: yes` are still text (no "Norway problem").
    """

    __slots__ = ()


_NUMBER_START = frozenset("0123456789+-.")


def _plain(value: str) -> str | None:
    """Resolve an unquoted scalar: null words are nothing, number-like text is Plain."""
    if value in _NULLS:
        return None
    if value[0] in _NUMBER_START:
        return Plain(value)
    return value


class YMap(dict):  # type: ignore[type-arg]
    """A mapping that remembers where it and each of its values start."""

    __slots__ = ("line", "col", "value_pos")

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col
        # key -> (value line, value col, key line, key col)
        self.value_pos: dict[str, tuple[int, int, int, int]] = {}

    def key_position(self, key: str) -> tuple[int, int]:
        found = self.value_pos.get(key)
        return (found[2], found[3]) if found else (self.line, self.col)

    def value_position(self, key: str) -> tuple[int, int]:
        found = self.value_pos.get(key)
        return (found[0], found[1]) if found else (self.line, self.col)


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


class _Frame:
    """An open mapping or sequence while its events are being read."""

    __slots__ = ("container", "anchor", "size", "is_seq", "key", "key_pos", "want_key", "skip")

    def __init__(self, container: YMap | YSeq, anchor: str | None) -> None:
        self.container = container
        self.anchor = anchor
        self.size = 1
        self.is_seq = isinstance(container, YSeq)
        self.key: str = ""
        self.key_pos: tuple[int, int] = (0, 0)
        self.want_key = True
        self.skip = False  # the pending key repeats an earlier one: drop its value


def _check_tag(tag: str | None, line: int, col: int) -> None:
    if tag is not None and tag not in _ALLOWED_TAGS:
        raise YamlProblem(
            "E104",
            f"YAML tag {clean_text(tag)!r} is not allowed",
            line,
            col,
            "remove the tag; argmap maps are plain text, lists and mappings",
        )


def _reader_problem(text: str, exc: yaml.reader.ReaderError) -> YamlProblem:
    """A character YAML forbids in a file (a raw control character, say)."""
    line, col = position(text, exc.position)
    return YamlProblem(
        "E100",
        f"character U+{exc.character:04X} is not allowed in a YAML file",
        line,
        col,
        'remove it, or write it as an escape inside double quotes ("\\x1f")',
    )


# PyYAML's words for the common mistakes of a person writing a map by hand,
# and what to do about each: (words in the problem, message, hint). The
# first match wins; "{opened}" stands for the line where the construct began.
_SYNTAX_HELP: tuple[tuple[str, str, str], ...] = (
    (
        "tab",
        "a tab character is used for indentation",
        "indent with spaces, not tabs (set your editor to insert spaces)",
    ),
    (
        "mapping values are not allowed",
        "unquoted text contains ': ', which YAML reads as the start of another field",
        "quote text that contains ': ', e.g. note: \"Note: the figures are old\"; "
        "or, if this is a field, put it on its own line",
    ),
    (
        "block sequence entries are not allowed",
        "a list item ('- ') follows other text on the same line",
        "put each '- item' on its own line, indented under its field",
    ),
    (
        "expected '-' indicator",
        "this line is not a list item, but the lines above it are",
        "start every entry of the list with '- ', or indent this line as much as the "
        "fields of the entry above it",
    ),
    (
        "could not find expected ':'",
        "a line that should be 'field: value' has no ': '",
        "add ': ' after the field name; if this line continues the text above, quote that "
        "text or indent this line further",
    ),
    (
        "expected key",
        "this line is indented differently from the fields beside it",
        "line up the fields of one entry at the same column, with spaces",
    ),
    (
        "expected <block end>",
        "this line is indented differently from the fields beside it",
        "line up the fields of one entry at the same column, with spaces",
    ),
    (
        "expected ',' or ']'",
        "a list in [brackets] is not closed",
        "close the '[' opened on line {opened} with ']', and quote items that contain ',' or ']'",
    ),
    (
        "expected ',' or '}'",
        "a mapping in {braces} is not closed",
        "close the '{' opened on line {opened} with '}', and quote values that contain ',' or '}'",
    ),
    (
        "end of stream",
        "a quote or bracket is still open at the end of the file",
        "close the quote or bracket opened on line {opened}",
    ),
    (
        "alphabetic or numeric character",
        "unquoted text starts with '*' or '&', which YAML reads as an alias or anchor",
        "quote text that starts with '*', '&', '!' or '%'",
    ),
    (
        "cannot start any token",
        "unquoted text starts with a character YAML reserves ('@', '`', '%' or '|')",
        "put the text in double quotes",
    ),
    (
        "unknown escape character",
        "a backslash in double-quoted text starts an unknown escape",
        "write '\\\\' for a backslash, or use single quotes",
    ),
    (
        "expected the node content",
        "a field's value is missing or starts with a reserved character",
        "write a value after ': ', and quote it if it starts with "
        "a character such as ',', ']' or '}'",
    ),
    (
        "expected node content",
        "a field's value is missing or starts with a reserved character",
        "write a value after ': ', and quote it if it starts with "
        "a character such as ',', ']' or '}'",
    ),
)


def explain_syntax_error(
    problem: str,
    context: str,
    opened: int | None,
    char: str = "",
) -> tuple[str, str]:
    """A YAML syntax error in the words of someone writing a map, and what to do.

    `char` is the character at the error, if known (libyaml calls a tab that
    indents a line "a character that cannot start any token"). PyYAML's own
    words are kept at the end of the hint, for searching the web.
    """
    if char == "\t":
        problem = f"{problem} (a tab)"
    elif "cannot start any token" in problem and char.strip():
        return (
            f"unquoted text starts with {char!r}, which YAML reserves",
            f"put the text in double quotes (YAML said: {problem})",
        )
    for words, message, hint in _SYNTAX_HELP:
        if words in problem or (words == "end of stream" and "end of stream" in context):
            if "{opened}" in hint and opened is None:
                hint = hint.replace(" opened on line {opened}", "")
            hint = hint.replace("{opened}", str(opened))
            return message, f"{hint} (YAML said: {problem})"
    return (f"not valid YAML: {problem}", "check indentation and quoting around this point")


def _odd_break_hint(text: str, line: int) -> str:
    """Why a line the editor shows whole broke: YAML ends a line at NEL, LS and PS."""
    lines = editor_lines(text)
    for number in (line, line - 1):
        found = _ODD_BREAKS.search(lines[number - 1]) if 0 < number <= len(lines) else None
        if found:
            return (
                f"; line {number} holds an invisible line break (U+{ord(found.group()):04X},"
                " which YAML reads as the end of a line): remove it, or put that text in "
                "double quotes"
            )
    return ""


def _key_problem(line: int, col: int) -> YamlProblem:
    return YamlProblem(
        "E200",
        "a mapping key must be plain text, not a list or mapping",
        line,
        col,
        "write the key as a word followed by a colon",
    )


def _duplicate_key(key: str, first: tuple[int, int], line: int, col: int) -> YamlProblem:
    return YamlProblem(
        "E103",
        f"key {key!r} appears twice in this mapping (first at line {first[0]})",
        line,
        col,
        "remove or rename one of them; argmap read the first (plain YAML tools would "
        "silently keep the last)",
    )


def _put(frame: _Frame, value: object, size: int, pos: tuple[int, int]) -> YamlProblem | None:
    """Add a finished value to the open container on top of the stack.

    A repeated key is returned as a problem rather than raised, so the caller
    can go on and report everything else in the file; the first value is kept.
    """
    frame.size += size
    container = frame.container
    if frame.is_seq:
        container.append(value)  # type: ignore[union-attr]
        container.item_pos.append(pos)  # type: ignore[union-attr]
    elif frame.want_key:
        if isinstance(value, YMap | YSeq):
            raise _key_problem(*pos)
        key: str = "" if value is None else value  # type: ignore[assignment]
        frame.want_key = False
        if key in container:
            frame.skip = True
            return _duplicate_key(key, container.key_position(key), *pos)  # type: ignore[union-attr]
        frame.key = key
        frame.key_pos = pos
    elif frame.skip:
        frame.skip = False
        frame.want_key = True
    else:
        key = frame.key
        container[key] = value  # type: ignore[call-overload]
        container.value_pos[key] = (*pos, *frame.key_pos)  # type: ignore[union-attr]
        frame.want_key = True
    return None


def parse_yaml(
    text: str, problems: list[YamlProblem] | None = None, alias_budget: AliasBudget | None = None
) -> object:
    """Parse one YAML document into YMap / YSeq / str / Plain / None values.

    Raises YamlProblem with a 1-based position for every refusal. Given a
    `problems` list, a repeated key is added to it instead and parsing goes on
    (the first value is kept), so one duplicate does not hide every other
    mistake in the file. The loop is written for speed: it runs once per
    event of a file of many megabytes. Aliases draw on `alias_budget` (a new
    one of `argmap.limits.ALIASES` if none is given); nesting is bounded by
    `argmap.limits.DEPTH`.
    """

    def repeated(problem: YamlProblem | None) -> None:
        if problem is not None:
            if problems is None:
                raise problem
            problems.append(problem)

    try:
        parser = _Parser(text)
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(text, exc) from None
    stack: list[_Frame] = []
    frame: _Frame | None = None
    anchors: dict[str, tuple[object, int]] = {}
    budget = alias_budget or AliasBudget()
    max_depth = DEPTH.value
    root: object = None
    documents = 0
    get_event = parser.get_event
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    control = _CONTROL.search
    # libyaml also breaks lines at NEL, LS and PS, which editors show inside a
    # line; when the text holds one of those (rare, so the fast path stays),
    # positions are recounted from the character index with only CR, LF and
    # CRLF as line breaks.
    odd_breaks = _ODD_BREAKS.search(text) is not None
    line_starts = [m.end() for m in _LINE_BREAK.finditer(text)] if odd_breaks else []

    def where(mark: yaml.Mark) -> tuple[int, int]:
        if not odd_breaks:
            return mark.line + 1, mark.column + 1
        before = bisect_right(line_starts, mark.index)
        start = line_starts[before - 1] if before else 0
        return before + 1, mark.index - start + 1

    try:
        while True:
            event = get_event()
            cls = type(event)
            if cls is scalar_event:
                mark = event.start_mark
                line, col = where(mark) if odd_breaks else (mark.line + 1, mark.column + 1)
                value = event.value
                if control(value):
                    value = _CONTROL.sub("", value)
                if event.tag is not None:
                    _check_tag(event.tag, line, col)
                    if event.tag in ("tag:yaml.org,2002:str", "!"):
                        value = str(value)
                    elif not event.style:
                        value = _plain(value)
                elif not event.style:
                    value = _plain(value)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                if frame is None:
                    root = value
                elif frame.is_seq:  # _put inlined: scalars are most of the events
                    frame.size += 1
                    frame.container.append(value)  # type: ignore[union-attr]
                    frame.container.item_pos.append((line, col))  # type: ignore[union-attr]
                elif frame.want_key or frame.skip:
                    repeated(_put(frame, value, 1, (line, col)))
                else:
                    frame.size += 1
                    key = frame.key
                    container = frame.container
                    container[key] = value  # type: ignore[call-overload]
                    key_line, key_col = frame.key_pos
                    container.value_pos[key] = (line, col, key_line, key_col)  # type: ignore[union-attr]
                    frame.want_key = True
            elif cls is mapping_start or cls is sequence_start:
                mark = event.start_mark
                line, col = where(mark) if odd_breaks else (mark.line + 1, mark.column + 1)
                if event.tag is not None:
                    _check_tag(event.tag, line, col)
                if len(stack) >= max_depth:
                    raise _too_deep(line, col)
                started: YMap | YSeq = YMap(line, col) if cls is mapping_start else YSeq(line, col)
                frame = _Frame(started, event.anchor)
                stack.append(frame)
            elif cls in ends:
                done = stack.pop()
                if done.anchor:
                    anchors[done.anchor] = (done.container, done.size)
                frame = stack[-1] if stack else None
                c = done.container
                if frame is None:
                    root = c
                else:
                    repeated(_put(frame, c, done.size, (c.line, c.col)))
            elif cls is alias_event:
                mark = event.start_mark
                line, col = where(mark) if odd_breaks else (mark.line + 1, mark.column + 1)
                if event.anchor not in anchors:
                    raise YamlProblem(
                        "E100",
                        f"unknown alias *{event.anchor}",
                        line,
                        col,
                        "define the anchor (&name) before using it",
                    )
                value, size = anchors[event.anchor]
                budget.left -= size
                if budget.left < 0:
                    raise YamlProblem(
                        "E101",
                        f"aliases expand to more than {budget.limit:,} values",
                        line,
                        col,
                        "this looks like a 'billion laughs' file; write the values out "
                        "instead; " + budget.setting.hint(),
                    )
                if frame is None:
                    root = value
                else:
                    repeated(_put(frame, value, size, (line, col)))
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise YamlProblem(
                        "E100",
                        "more than one YAML document in the file",
                        *where(mark),
                        "a map is a single document: remove the extra '---'",
                    )
            elif event is None or cls is yaml.StreamEndEvent:
                break
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(text, exc) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context == "while scanning a simple key" and exc.context_mark is not None:
            # "could not find expected ':'": PyYAML points past the line (at the
            # next token, or past the end of the file); the line itself is wrong.
            mark = exc.context_mark
        # From the character index, not libyaml's line count: that one breaks
        # lines at NEL, LS and PS and adds a line at the end of the text.
        line, col = position(text, mark.index) if mark else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        if "maximum nesting depth" in problem:
            # libyaml 0.2.6 (PyYAML 6.0.4's wheels) stops runaway brackets in its
            # scanner, before the events reach the depth check above: same problem.
            raise _too_deep(line, col) from None
        opened = position(text, exc.context_mark.index) if exc.context_mark else None
        at = mark.index if mark else -1
        char = text[at] if 0 <= at < len(text) else ""
        message, hint = explain_syntax_error(
            problem, exc.context or "", opened[0] if opened else None, char
        )
        if odd_breaks:
            hint += _odd_break_hint(text, line)
        raise YamlProblem("E100", message, line, col, hint) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("E100", f"not valid YAML: {exc}", 0, 0) from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    return root
