"""Parse a Kialo discussion export (plain text) into its own model: entries and sources.

Kept apart from the conversion to a `Map` (`argmap.formats.kialo`) so what the
file says -- claim numbers, stances, text lines, the Sources list, each with
its line and column -- can be tested on its own, and what argmap makes of it
(links, parents, ids, placeholder texts) is decided in one place. The parser
is one loop over lines: no recursion, whatever the depth of the debate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.formats.import_result import DROPPED, DUPLICATE, KEPT_IN_NOTE

_TITLE = re.compile(r"^\s*Discussion (?:Title|Name):\s*(.*)$")
_HEADER = re.compile(
    r"^(\s*)(\d+(?:\.\d+)*)\.(?:\s+(Pro|Con|Thesis|Question):)?(?:\s+(.*))?$", re.IGNORECASE
)
# A line that means to be a claim header but whose number is not digits and
# dots (`1.x. Pro:`, `1..2. Con:`, `1.2 Pro:`): warned about, never folded
# into the claim before it.
_BROKEN_HEADER = re.compile(r"^(\s*)(\S*\d\S*)\s+(Pro|Con|Thesis|Question):", re.IGNORECASE)
_SOURCES = re.compile(r"^\s*Sources:\s*$", re.IGNORECASE)
_SOURCE_ENTRY = re.compile(r"^\s*\[(\d+)\]:?\s*(.*)$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~\"'])")


def unescape(text: str) -> str:
    """Kialo's markdown escapes (`\\[`, `\\.`) undone."""
    return _ESCAPE.sub(r"\1", text)


@dataclass
class Entry:
    """One numbered claim header (`1.2. Pro: ...`) with its wrapped text lines."""

    number: str
    stance: str  # "pro", "con", "thesis", "question" or "" (old-style root)
    line: int
    col: int
    text_parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The claim's raw text: its lines joined, markdown and footnotes still in."""
        return " ".join(self.text_parts).strip()


@dataclass
class SourceEntry:
    """One `[n] ...` line of the Sources list (with its continuation lines)."""

    number: str
    text: str
    line: int
    col: int


@dataclass(frozen=True)
class Problem:
    """A warning the parse itself finds (a broken header, a footnote listed twice)."""

    line: int
    col: int
    code: str
    message: str
    hint: str


@dataclass
class KialoDocument:
    """What a Kialo export says, in file order, before any of it becomes a claim."""

    title: str = ""
    entries: list[Entry] = field(default_factory=list)
    # footnote number -> every entry listed under it (a number listed twice keeps both)
    sources: dict[str, list[SourceEntry]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _lines(text: str) -> list[str]:
    """Lines as an editor counts them: only \\n, \\r\\n and \\r end a line.

    `str.splitlines` also splits at NEL, LS, PS, FF and VT, which moved every
    later warning one line down from where the user's editor shows it.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def parse_kialo(text: str) -> KialoDocument:
    """The export's entries, sources and parse problems; never raises."""
    parsed = KialoDocument()
    current: Entry | None = None
    in_sources = False
    last_source: SourceEntry | None = None
    for index, raw in enumerate(_lines(text)):
        lineno = index + 1
        line = raw.rstrip()
        if not parsed.title and not parsed.entries:
            title = _TITLE.match(line)
            if title:
                parsed.title = unescape(title.group(1).strip())
                continue
        if _SOURCES.match(line):
            in_sources, current = True, None
            continue
        if in_sources:
            entry = _SOURCE_ENTRY.match(line)
            if entry:
                col = len(line) - len(line.lstrip()) + 1
                last_source = SourceEntry(entry.group(1), entry.group(2).strip(), lineno, col)
                listed = parsed.sources.setdefault(last_source.number, [])
                if listed:
                    parsed.problems.append(
                        Problem(
                            lineno,
                            col,
                            DUPLICATE,
                            f"footnote [{last_source.number}] is listed again (first on line "
                            f"{listed[0].line}); both sources are kept, and a claim citing "
                            f"[{last_source.number}] cites both",
                            "give each source its own number in the Sources list",
                        )
                    )
                listed.append(last_source)
            elif line.strip() and last_source is not None:
                last_source.text = f"{last_source.text} {line.strip()}".strip()
            continue
        header = _HEADER.match(line)
        if header and (header.group(3) or not parsed.entries and "." not in header.group(2)):
            indent, number, stance, rest = header.groups()
            current = Entry(number, (stance or "").lower(), lineno, len(indent) + 1)
            if rest and rest.strip():
                current.text_parts.append(rest.strip())
            parsed.entries.append(current)
            continue
        broken = None if header else _BROKEN_HEADER.match(line)
        if broken:
            indent, number, stance = broken.groups()
            parsed.problems.append(
                Problem(
                    lineno,
                    len(indent) + 1,
                    DROPPED,
                    f"'{number}' is not a Kialo claim number (numbers are digits joined by "
                    f"dots and end with a dot, as in '1.2.'); this {stance} claim is left out",
                    "correct the number and import again",
                )
            )
            current = None  # its wrapped text lines go with it, not into the claim before
            continue
        if header and parsed.entries and "." in header.group(2):
            indent, number = header.group(1), header.group(2)
            after = current.number if current is not None else parsed.entries[-1].number
            parsed.problems.append(
                Problem(
                    lineno,
                    len(indent) + 1,
                    KEPT_IN_NOTE,
                    f"'{number}.' looks like a claim number but has no 'Pro:' or 'Con:'; the "
                    f"line is kept as text of claim {after}",
                    f"write '{number}. Pro: ...' or '{number}. Con: ...' to make it a claim",
                )
            )
        if current is not None and line.strip():
            current.text_parts.append(line.strip())
    return parsed
