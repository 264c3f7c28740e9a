"""Parse Argdown text into its own model: statements, arguments and relations.

Kept separate from the conversion to a `Map` so the parse can be compared
with what Argdown itself builds (the counts of its CLI), and so that the
loss (Argdown has arguments as nodes, argmap does not) is decided in one
place, `argmap.formats.argdown`.

The parser is line based: comments are blanked out first (keeping line and
column numbers), then each line is a heading, a premise-conclusion line
`(n) ...`, an inference line `-- ... --`, a relation `+ ...` (with its
parent found from indentation), a list item, or the start or continuation
of a statement or argument.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from argmap.formats.import_result import Reporter
from argmap.limits import EMBEDDED_ALIASES
from argmap.safe_yaml import AliasBudget, Plain, YamlProblem, YMap, YSeq, parse_yaml

RELATION_SYMBOLS = ("<+", "<-", "+>", "->", "<_", "_>", "><", "+", "-", "_")
_RELATION = re.compile(r"^(<\+|<-|\+>|->|<_|_>|><|\+|-|_)(?:\s+(.*))?$")
_PCS_LINE = re.compile(r"^\((\d+)\)\s*(.*)$")
_INFERENCE_FULL = re.compile(r"^-{2,}\s*(.*?)\s*-{2,}\s*$")
_INFERENCE_BARE = re.compile(r"^-{2,}\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_LIST = re.compile(r"^(\*|\d+\.)\s+(.*)$")
_STATEMENT_DEF = re.compile(r"^\[((?:\\.|[^\]\\])+)\]:\s*(.*)$")
_STATEMENT_REF = re.compile(r"^\[((?:\\.|[^\]\\])+)\](?!\()\s*(.*)$")
_ARGUMENT_DEF = re.compile(r"^<((?:\\.|[^>\\])+)>:\s*(.*)$")
_ARGUMENT_REF = re.compile(r"^<((?:\\.|[^>\\])+)>\s*(.*)$")
_TAG = re.compile(r"(?<![\\\w])#(?:\(([^()]*)\)|([\w\-]+))")
# No inline pattern may scan to the end of the text from every opening mark:
# 150 KB of "[[[[" took over 30 s that way. A mention or link stops at the
# next opening bracket, and emphasis spans at most 300 characters.
_MENTION = re.compile(r"@(?:\[((?:\\.|[^\[\]\\])+)\]|<((?:\\.|[^<>\\])+)>)")
_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\[\]\\])*)\]\(([^()]*)\)")
_EMPHASIS = re.compile(r"(?<![\\\w])(\*{1,4}|_{1,3})(?=\S)(.{1,300}?)(?<=\S)\1(?!\w)")
_ESCAPE = re.compile(r"\\(.)")


@dataclass
class Statement:
    title: str
    text: str
    line: int
    col: int
    titled: bool
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    other_texts: list[str] = field(default_factory=list)
    heading: str | None = None


@dataclass
class Step:
    """One inference of a premise-conclusion structure."""

    premises: list[str]
    conclusion: str
    rule: str
    line: int


@dataclass
class Argument:
    title: str
    description: str
    line: int
    col: int
    titled: bool
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)
    heading: str | None = None


@dataclass
class RawRelation:
    symbol: str  # as written: one of RELATION_SYMBOLS
    source: tuple[str, str]  # ("statement" | "argument", title)
    target: tuple[str, str]
    line: int
    col: int


@dataclass
class Document:
    frontmatter: dict[str, Any] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[RawRelation] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)  # slug -> heading text


def strip_comments(text: str) -> str:
    """Blank out comments (HTML, /* */ and //), keeping every line and column."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            out.append(text[i : i + 2])
            i += 2
            continue
        end = None
        if text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            end = n if end < 0 else end + 3
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
        elif text.startswith("//", i) and (i == 0 or text[i - 1] in " \t\n"):
            end = text.find("\n", i)
            end = n if end < 0 else end
        if end is not None:
            out.append("".join(c if c == "\n" else " " for c in text[i:end]))
            i = end
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def clean_inline(text: str) -> str:
    """Argdown inline markup to plain text: mentions, links, emphasis, escapes."""
    text = _MENTION.sub(lambda m: m.group(1) or m.group(2), text)
    text = _LINK.sub(r"\1", text)
    for _ in range(3):
        text = _EMPHASIS.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


def _split_data(
    text: str,
    report: Reporter,
    line: int,
    budget: AliasBudget,
    where: Callable[[int], tuple[int, int]] | None = None,
) -> tuple[str, dict[str, Any]]:
    """Text and the `{...}` data block that ends it, if any (escaped braces are text).

    `where` turns an index into `text` into the file's (line, column), for
    text joined from several lines; without it, `text` is all on `line`.
    """
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return text, {}
    depth, start, i = 0, -1, 0
    while i < len(stripped):
        ch = stripped[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
        i += 1
    if start < 0 or depth or stripped[-2:-1] == "\\":
        return text, {}
    at = where or (lambda index: (line, index + 1))
    data = _flow_yaml(stripped[start:], report, lambda index: at(start + index), budget)
    return stripped[:start], data


def _flow_yaml(
    source: str, report: Reporter, where: Callable[[int], tuple[int, int]], budget: AliasBudget
) -> dict[str, Any]:
    try:
        value = parse_yaml(source, alias_budget=budget)
    except YamlProblem as exc:
        if exc.code in ("E101", "E102"):  # a limit, not a typo: say which and how to raise it
            raise report.fail(
                where(max(exc.col, 1) - 1), f"data in braces: {exc.message}", exc.hint
            ) from None
        raise report.fail(
            where(0),
            f"data in braces is not valid YAML: {source[:60]}",
            "write data as {key: value, other: [a, b]}",
        ) from None
    value = plain_data(value)
    return value if isinstance(value, dict) else {}


_INTEGER = re.compile(r"[-+]?[0-9]+")


def _scalar(value: object) -> Any:
    """A number where the YAML had an unquoted number; text (or None) otherwise."""
    if isinstance(value, Plain):
        try:
            return int(value) if _INTEGER.fullmatch(value) else float(value)
        except ValueError:  # not a number after all, or more digits than int() takes
            return str(value)
    return value


def plain_data(value: object) -> Any:
    """`parse_yaml`'s values as plain dicts, lists, numbers and text.

    With an explicit stack, not recursion: the depth is already bounded by
    the loader, but no walk over input data in argmap recurses. Aliases are
    copied out; the loader's alias budget has bounded how much that can be.
    """
    if not isinstance(value, YMap | YSeq):
        return _scalar(value)
    top: dict[str, Any] | list[Any] = {} if isinstance(value, YMap) else []
    stack: list[tuple[YMap | YSeq, dict[str, Any] | list[Any]]] = [(value, top)]
    while stack:
        source, target = stack.pop()
        pairs = source.items() if isinstance(source, YMap) else enumerate(source)
        for key, item in pairs:
            if isinstance(item, YMap | YSeq):
                new: Any = {} if isinstance(item, YMap) else []
                stack.append((item, new))
            else:
                new = _scalar(item)
            if isinstance(target, dict):
                target[str(key)] = new
            else:
                target.append(new)
    return top


def _tags(text: str) -> tuple[str, list[str]]:
    tags = [(m.group(1) or m.group(2)).strip() for m in _TAG.finditer(text)]
    return _TAG.sub("", text), [t for t in tags if t]


class _Item:
    """A statement or argument being read, possibly over several lines."""

    def __init__(
        self,
        key: tuple[str, str],
        parts: list[str],
        line: int,
        col: int,
        titled: bool,
        first_col: int | None = None,
    ) -> None:
        self.key, self.parts, self.line, self.col, self.titled = key, parts, line, col, titled
        self.relation: tuple[str, int, int, tuple[str, str]] | None = None
        self.in_pcs = False
        # (line, column) where each part's stripped text begins in the file
        first = parts[0]
        self.starts = [
            (line, (col if first_col is None else first_col) + len(first) - len(first.lstrip()))
        ]

    def add(self, part: str, line: int, col: int) -> None:
        """A continuation line, its stripped text starting at `col` of `line`."""
        self.parts.append(part)
        self.starts.append((line, col))

    def joined(self) -> tuple[str, Callable[[int], tuple[int, int]]]:
        """The parts as one line, and where in the file an index into it lies."""
        offsets, at = [], 0
        for part in self.parts:
            offsets.append(at)
            at += len(part.strip()) + 1
        starts = self.starts

        def where(index: int) -> tuple[int, int]:
            k = max(bisect_right(offsets, index) - 1, 0)
            line, col = starts[k]
            return line, col + index - offsets[k]

        return " ".join(p.strip() for p in self.parts), where


def parse_argdown(text: str, path: str = "<argdown>") -> Document:
    report = Reporter(path)
    doc = Document()
    budget = AliasBudget(EMBEDDED_ALIASES)  # one for the front matter and every {...} block
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].strip() == "===":
        close = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "==="), None)
        if close is None:
            raise report.fail(
                (first + 1, 1),
                "the frontmatter opened with '===' is never closed",
                "end the frontmatter with a line '==='",
            )
        try:
            front = plain_data(parse_yaml("\n".join(lines[first + 1 : close]), alias_budget=budget))
        except YamlProblem as exc:
            line = first + 1 + max(exc.line, 1)
            limit = exc.code in ("E101", "E102")
            raise report.fail(
                (line, max(exc.col, 1)),
                f"the frontmatter: {exc.message}" if limit else "the frontmatter is not valid YAML",
                exc.hint if limit else "",
            ) from None
        doc.frontmatter = front if isinstance(front, dict) else {}
        for i in range(first, close + 1):
            lines[i] = ""
    stripped = strip_comments("\n".join(lines)).split("\n")
    # A line holding only a comment is no line at all (not a blank line).
    kept = [
        None if s.strip() == "" and raw.strip() else s
        for s, raw in zip(stripped, lines, strict=True)
    ]
    return _Reader(doc, report, budget).read(kept)


class _Reader:
    def __init__(self, doc: Document, report: Reporter, budget: AliasBudget) -> None:
        self.doc, self.report, self.budget = doc, report, budget
        self.untitled = {"statement": 0, "argument": 0}
        self.heading: str | None = None
        self.stack: list[tuple[int, tuple[str, str]]] = []
        self.current: _Item | None = None
        self.last_argument: str | None = None
        self.pcs: dict[str, Any] | None = None
        self.tag_sets: dict[tuple[str, str], set[str]] = {}
        self.other_texts: dict[str, set[str]] = {}

    # -- items -------------------------------------------------------------
    def start_item(self, content: str, line: int, col: int) -> _Item:
        for pattern, kind, defines in (
            (_STATEMENT_DEF, "statement", True),
            (_ARGUMENT_DEF, "argument", True),
            (_STATEMENT_REF, "statement", False),
            (_ARGUMENT_REF, "argument", False),
        ):
            match = pattern.match(content)
            if match:
                rest = match.group(2)
                if kind == "argument" and not defines and rest.startswith("("):
                    raise self.report.fail(
                        (line, col + match.end(1) + 1),
                        "a statement cannot be referred to by argument and number ('<A>(1)')",
                        "give the statement a title and write [Title]",
                    )
                title = clean_inline(match.group(1))
                return _Item((kind, title), [rest], line, col, True, col + match.start(2))
        self.untitled["statement"] += 1
        return _Item(
            ("statement", f"Untitled {self.untitled['statement']}"), [content], line, col, False
        )

    def finish(self) -> tuple[str, str] | None:
        """Close the item being read: register it, its relation, its PCS place."""
        item, self.current = self.current, None
        if item is None:
            return None
        raw, where = item.joined()
        raw, data = _split_data(raw, self.report, item.line, self.budget, where)
        raw, tags = _tags(raw)
        body = clean_inline(raw)
        kind, title = item.key
        if kind == "argument":
            arg = self.doc.arguments.get(title)
            if arg is None:
                arg = Argument(title, body, item.line, item.col, item.titled, heading=self.heading)
                self.doc.arguments[title] = arg
            elif body and not arg.description:
                arg.description = body
            target: Statement | Argument = arg
        else:
            st = self.doc.statements.get(title)
            if st is None:
                st = Statement(title, body, item.line, item.col, item.titled, heading=self.heading)
                self.doc.statements[title] = st
            elif body and not st.text:
                st.text = body
            elif body and body != st.text:
                texts = self.other_texts.setdefault(title, set())
                if body not in texts:
                    texts.add(body)
                    st.other_texts.append(body)
            target = st
        if tags:
            # Sets beside the lists: a statement given thousands of times (or with
            # thousands of tags) must not rescan its whole tag list per mention.
            known = self.tag_sets.get(item.key)
            if known is None:
                known = self.tag_sets[item.key] = set(target.tags)
            for tag in tags:
                if tag not in known:
                    known.add(tag)
                    target.tags.append(tag)
        target.data.update(data)
        if item.relation is not None:
            symbol, line, col, parent = item.relation
            self.doc.relations.append(RawRelation(symbol, item.key, parent, line, col))
        if item.in_pcs and self.pcs is not None and kind == "statement":
            if self.pcs["conclusion_next"]:
                self.pcs["steps"].append(
                    Step(list(self.pcs["pending"]), title, self.pcs["rule"], item.line)
                )
                self.pcs["pending"] = [title]
                self.pcs["conclusion_next"] = False
            else:
                self.pcs["pending"].append(title)
        return item.key

    def close_pcs(self) -> None:
        pcs, self.pcs = self.pcs, None
        if pcs is None:
            return
        if pcs["conclusion_next"]:
            raise self.report.fail(
                (pcs["rule_line"], 1),
                "an inference line with no conclusion after it",
                "add the conclusion as '(n) ...' below the line",
            )
        if pcs["steps"]:
            name = pcs["argument"]
            if name is None:
                self.untitled["argument"] += 1
                name = f"Untitled argument {self.untitled['argument']}"
                self.doc.arguments[name] = Argument(
                    name, "", pcs["line"], 1, False, heading=self.heading
                )
            self.doc.arguments[name].steps = pcs["steps"]

    def set_heading(self, raw: str) -> None:
        raw, _data = _split_data(raw, self.report, 0, self.budget)
        self.heading = clean_inline(_tags(raw)[0])
        slug = re.sub(r"[^\w]+", "-", self.heading.lower()).strip("-") or "section"
        self.doc.headings[slug] = self.heading

    # -- lines -------------------------------------------------------------
    def read(self, lines: list[str | None]) -> Document:
        blank_before = True
        list_indent: int | None = None
        inference_block: list[str] | None = None
        inference_line = 0
        heading_parts: list[str] | None = None
        for index, raw_line in enumerate(lines):
            lineno = index + 1
            if raw_line is None:
                continue
            stripped = raw_line.strip()
            indent = len(raw_line) - len(raw_line.lstrip())
            col = indent + 1
            if inference_block is not None:
                if _INFERENCE_BARE.match(stripped):
                    assert self.pcs is not None
                    self.pcs.update(
                        rule=" ".join(inference_block).strip(),
                        conclusion_next=True,
                        rule_line=inference_line,
                    )
                    inference_block = None
                else:
                    inference_block.append(stripped)
                continue
            if heading_parts is not None:
                if stripped:
                    heading_parts.append(stripped)
                    continue
                self.set_heading(" ".join(heading_parts))
                heading_parts = None
            if not stripped:
                self.finish()
                blank_before, list_indent = True, None
                if self.pcs is not None and not self.pcs["conclusion_next"]:
                    self.close_pcs()
                    self.stack = []
                continue

            heading = _HEADING.match(stripped) if indent == 0 else None
            if heading:
                self.finish()
                self.close_pcs()
                heading_parts = [heading.group(2)]
                self.stack, blank_before, self.last_argument = [], False, None
                continue

            inference = _INFERENCE_FULL.match(stripped) or _INFERENCE_BARE.match(stripped)
            if inference and self.pcs is not None:
                self.finish()
                self.stack = []
                after = index + 1  # the next line that is not only a comment
                while after < len(lines) and lines[after] is None:
                    after += 1
                following = (lines[after] or "") if after < len(lines) else ""
                if stripped == "--" and not _PCS_LINE.match(following.strip()):
                    inference_block, inference_line = [], lineno
                    continue
                rule = inference.group(1) if inference.groups() else ""
                rule, _data = _split_data(rule, self.report, lineno, self.budget)
                self.pcs.update(rule=rule, conclusion_next=True, rule_line=lineno)
                blank_before = False
                continue

            pcs_line = _PCS_LINE.match(stripped)
            if pcs_line:
                self.finish()
                if self.pcs is None:
                    self.pcs = {
                        "argument": self.last_argument,
                        "pending": [],
                        "conclusion_next": False,
                        "steps": [],
                        "rule": "",
                        "line": lineno,
                        "rule_line": lineno,
                    }
                    self.last_argument = None
                self.current = self.start_item(pcs_line.group(2), lineno, col + pcs_line.start(2))
                self.current.in_pcs = True
                self.stack = [(indent, self.current.key)]
                blank_before = False
                continue

            relation = _RELATION.match(stripped)
            if relation:
                if not relation.group(2):
                    raise self.report.fail(
                        (lineno, col),
                        f"relation '{relation.group(1)}' with no statement or argument after it",
                        "write the claim after the symbol: '+ [Title]'",
                    )
                self.finish()
                while self.stack and self.stack[-1][0] >= indent:
                    self.stack.pop()
                if not self.stack or blank_before and self.pcs is None:
                    raise self.report.fail(
                        (lineno, col),
                        "a relation needs a statement or "
                        "argument above it (less indented, no blank line "
                        "between)",
                        "indent the relation under the claim it belongs to",
                    )
                item = self.start_item(relation.group(2), lineno, col + relation.start(2))
                item.relation = (relation.group(1), lineno, col, self.stack[-1][1])
                self.current = item
                self.stack.append((indent, item.key))
                blank_before = False
                continue

            is_list = _LIST.match(stripped)
            if is_list and (blank_before or list_indent is not None):
                if list_indent is not None and indent > list_indent:
                    raise self.report.fail(
                        (lineno, col),
                        "nested lists are not Argdown",
                        "write each list item at the same indentation",
                    )
                self.finish()
                self.close_pcs()
                list_indent = indent
                self.current = self.start_item(is_list.group(2), lineno, col + is_list.start(2))
                self.stack = [(indent, self.current.key)]
                blank_before = False
                continue

            if self.current is not None and not blank_before:
                if _STATEMENT_DEF.match(stripped) or _ARGUMENT_DEF.match(stripped):
                    raise self.report.fail(
                        (lineno, col),
                        "a definition ('[Title]:' or '<Title>:') must start a new paragraph",
                        "leave a blank line before it",
                    )
                self.current.add(stripped, lineno, col)
                continue

            self.finish()
            self.close_pcs()
            self.current = self.start_item(stripped, lineno, col)
            self.stack = [(indent, self.current.key)]
            blank_before, list_indent = False, None
            self.last_argument = self.current.key[1] if self.current.key[0] == "argument" else None
        if heading_parts is not None:
            self.set_heading(" ".join(heading_parts))
        if inference_block is not None:
            raise self.report.fail(
                (inference_line, 1),
                "an inference block opened with '--' is never closed",
                "close it with a line '--'",
            )
        self.finish()
        self.close_pcs()
        return self.doc
