"""Read Kialo discussion exports (plain text) into a `Map`.

Two layouts exist. The older one:

    Discussion Title: Should cities ban cars?

    1. Cities should ban cars.
    1.1. Pro: Cars pollute \\[citation\\](https://example.org).
    1.1.1. Con: -> See 1.2.

The newer one puts the text on indented lines under a header, marks sources
with footnotes and may hold several theses under a question:

    Discussion Name: Should cities ban cars?

    1. Question: Should cities ban cars?
      1.1. Thesis:
          Cities should ban cars.
        1.1.1. Pro:
            Cars pollute. [1]

    Sources:
    [1] https://example.org/air

A claim `-> See 1.2.` is a link: claim 1.2 under a second parent, so the
stance (Pro/Con) belongs to the relation, not the claim. The parser is one
loop over lines with a dict from claim number to claim: no recursion, so
debates over 30 levels deep and 10,000 claims long are read in well under
two seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.formats.import_result import (
    BROKEN_REFERENCE,
    DROPPED,
    DUPLICATE,
    KEPT_IN_NOTE,
    SELF_LOOP,
    ImportResult,
    Reporter,
    make_id,
)
from argmap.loading import default_relation_id
from argmap.model import Claim, ClaimKind, Map, Pos, Relation, RelationType, Source

_TITLE = re.compile(r"^\s*Discussion (?:Title|Name):\s*(.*)$")
_HEADER = re.compile(
    r"^(\s*)(\d+(?:\.\d+)*)\.(?:\s+(Pro|Con|Thesis|Question):)?(?:\s+(.*))?$", re.IGNORECASE
)
# A line that means to be a claim header but whose number is not digits and
# dots (`1.x. Pro:`, `1..2. Con:`, `1.2 Pro:`): warned about, never folded
# into the claim before it.
_BROKEN_HEADER = re.compile(r"^(\s*)(\S*\d\S*)\s+(Pro|Con|Thesis|Question):", re.IGNORECASE)
_LINK = re.compile(r"^->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$", re.IGNORECASE)
_SOURCES = re.compile(r"^\s*Sources:\s*$", re.IGNORECASE)
_SOURCE_ENTRY = re.compile(r"^\s*\[(\d+)\]:?\s*(.*)$")
_FOOTNOTE = re.compile(r"\s*(?<!\\)\[(\d+)\](?!\()")
_MD_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\(((?:\\.|[^)\\])*)\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~\"'])")
_URL = re.compile(r"https?://\S+")
_SHOULD = re.compile(r"\bshould\b", re.IGNORECASE)


def unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


@dataclass
class _Entry:
    number: str
    stance: str  # "pro", "con", "thesis", "question" or "" (old-style root)
    line: int
    col: int
    text_parts: list[str] = field(default_factory=list)


@dataclass
class _SourceEntry:
    """One `[n] ...` line of the Sources list (with its continuation lines)."""

    number: str
    text: str
    line: int
    col: int


@dataclass
class _Parsed:
    title: str = ""
    entries: list[_Entry] = field(default_factory=list)
    # footnote number -> every entry listed under it (a number listed twice keeps both)
    sources: dict[str, list[_SourceEntry]] = field(default_factory=dict)
    problems: list[tuple[int, int, str, str, str]] = field(default_factory=list)


def _lines(text: str) -> list[str]:
    """Lines as an editor counts them: only \\n, \\r\\n and \\r end a line.

    `str.splitlines` also splits at NEL, LS, PS, FF and VT, which moved every
    later warning one line down from where the user's editor shows it.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _scan(text: str) -> _Parsed:
    parsed = _Parsed()
    current: _Entry | None = None
    in_sources = False
    last_source: _SourceEntry | None = None
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
                last_source = _SourceEntry(entry.group(1), entry.group(2).strip(), lineno, col)
                listed = parsed.sources.setdefault(last_source.number, [])
                if listed:
                    parsed.problems.append(
                        (
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
            current = _Entry(number, (stance or "").lower(), lineno, len(indent) + 1)
            if rest and rest.strip():
                current.text_parts.append(rest.strip())
            parsed.entries.append(current)
            continue
        broken = None if header else _BROKEN_HEADER.match(line)
        if broken:
            indent, number, stance = broken.groups()
            parsed.problems.append(
                (
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
                (
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


def _clean(text: str, urls: list[str]) -> tuple[str, list[str]]:
    """Claim text without markdown links and footnote markers; the footnotes found."""

    def link(match: re.Match[str]) -> str:
        urls.append(unescape(match.group(2)).strip())
        return match.group(1)

    footnotes = _FOOTNOTE.findall(text)
    text = _FOOTNOTE.sub("", text)
    text = _MD_LINK.sub(link, text)
    return " ".join(unescape(text).split()), footnotes


def read_kialo(text: str, path: str = "<kialo>") -> ImportResult:
    report = Reporter(path)
    parsed = _scan(text)
    for line, col, code, message, hint in parsed.problems:
        report.warn((line, col), code, message, hint)
    if not parsed.entries:
        raise report.fail(
            (1, 1),
            "no Kialo claims found (expected lines such as '1. Thesis text' or '1.1. Pro: ...')",
            "export the discussion from Kialo as a .txt file and import that",
        )

    # Sources: footnote list (newer exports) and inline links (older exports).
    sources: dict[str, Source] = {}
    origins: dict[str, Pos] = {}
    footnote_ids: dict[str, list[str]] = {}
    for number, listed in parsed.sources.items():
        for nth, source_entry in enumerate(listed, start=1):
            entry_text = source_entry.text
            url_match = _URL.search(entry_text)
            title = unescape(_MD_LINK.sub(r"\1", entry_text)).strip() or f"Source {number}"
            sid = f"kialo-src-{number}" if nth == 1 else f"kialo-src-{number}-{nth}"
            footnote_ids.setdefault(number, []).append(sid)
            sources[sid] = Source(
                id=sid,
                title=title,
                url=url_match.group(0).rstrip(").,") if url_match else None,
                kind="Kialo source",
            )
            origins[sid] = Pos(source_entry.line, source_entry.col)
    url_ids: dict[str, str] = {}

    number_to_id: dict[str, str] = {}
    links: list[tuple[_Entry, str]] = []
    link_numbers: dict[str, str] = {}
    claims: list[Claim] = []
    theses: list[str] = []
    question: str | None = None
    kept: list[_Entry] = []
    for entry in parsed.entries:
        raw_text = " ".join(entry.text_parts).strip()
        link = _LINK.match(raw_text)
        if entry.number in number_to_id or entry.number in link_numbers:
            report.warn(
                (entry.line, entry.col),
                DUPLICATE,
                f"claim number {entry.number} appears twice; the second is left out",
            )
            continue
        if link:
            links.append((entry, link.group(1)))
            link_numbers[entry.number] = link.group(1)
            continue
        if entry.stance == "question":
            question = _clean(raw_text, [])[0]
            number_to_id[entry.number] = ""
            continue
        urls: list[str] = []
        claim_text, footnotes = _clean(raw_text, urls)
        cid = "k" + entry.number
        number_to_id[entry.number] = cid
        notes: list[str] = []
        cited: list[str] = []
        for fn in footnotes:
            if fn in footnote_ids:
                cited.extend(footnote_ids[fn])
            else:
                report.warn(
                    (entry.line, entry.col),
                    BROKEN_REFERENCE,
                    f"claim {entry.number} cites footnote [{fn}], which the "
                    "Sources list does not have",
                )
        for url in urls:
            if url not in url_ids:
                sid = f"kialo-link-{len(url_ids) + 1}"
                url_ids[url] = sid
                sources[sid] = Source(id=sid, title=url, url=url, kind="link in a Kialo claim")
                origins[sid] = Pos(entry.line, entry.col)
            cited.append(url_ids[url])
        if cited:
            notes.append("Kialo sources: " + ", ".join(dict.fromkeys(cited)) + ".")
        if not claim_text:
            claim_text = f"(empty claim {entry.number} in the Kialo export)"
            report.warn(
                (entry.line, entry.col),
                KEPT_IN_NOTE,
                f"claim {entry.number} has no text; a placeholder text was used",
            )
        is_thesis = entry.stance == "thesis" or entry.number.count(".") == 0
        kind = ClaimKind.POLICY if is_thesis and _SHOULD.search(claim_text) else ClaimKind.VALUE
        claims.append(
            Claim(
                id=cid,
                text=claim_text,
                kind=kind,
                note=" ".join(notes) or None,
                pos=Pos(entry.line, entry.col),
            )
        )
        origins[cid] = Pos(entry.line, entry.col)
        kept.append(entry)
        if is_thesis:
            theses.append(cid)

    claim_ids = {c.id for c in claims}
    relations: list[Relation] = []
    seen_relations: set[str] = set()

    def parent_of(entry: _Entry) -> str | None:
        number = entry.number
        while "." in number:
            number = number.rsplit(".", 1)[0]
            target = number_to_id.get(number)
            if target is None and number in link_numbers:
                target = number_to_id.get(link_numbers[number])
            if target is not None:
                if number != entry.number.rsplit(".", 1)[0]:
                    report.warn(
                        (entry.line, entry.col),
                        BROKEN_REFERENCE,
                        f"claim {entry.number} has no parent "
                        f"{entry.number.rsplit('.', 1)[0]}; attached to {number}",
                    )
                return target or None
        return None

    def relate(entry: _Entry, source: str, target: str | None) -> None:
        if target is None or entry.stance not in ("pro", "con"):
            if entry.stance in ("pro", "con") and target is None:
                report.warn(
                    (entry.line, entry.col),
                    BROKEN_REFERENCE,
                    f"claim {entry.number} has no parent claim; it is kept unconnected",
                )
            return
        if source == target:
            report.warn(
                (entry.line, entry.col),
                SELF_LOOP,
                f"claim {entry.number} would {entry.stance} itself; relation left out",
            )
            return
        rel_type = RelationType.SUPPORT if entry.stance == "pro" else RelationType.ATTACK
        rid = default_relation_id(str(rel_type), (source,), target)
        if rid in seen_relations:
            report.warn(
                (entry.line, entry.col),
                DUPLICATE,
                f"claim {entry.number} repeats an existing {rel_type} relation",
            )
            return
        seen_relations.add(rid)
        relations.append(
            Relation(
                id=rid,
                type=rel_type,
                sources=(source,),
                target=target,
                pos=Pos(entry.line, entry.col),
            )
        )
        origins[rid] = Pos(entry.line, entry.col)

    # One pass in file order: claims first (their own parent), then the links.
    order = sorted(
        [(e.line, e, None) for e in kept] + [(e.line, e, t) for e, t in links],
        key=lambda item: item[0],
    )
    for _line, entry, link_target in order:
        if link_target is None:
            relate(entry, "k" + entry.number, parent_of(entry))
            continue
        source = number_to_id.get(link_target)
        if not source or source not in claim_ids:
            report.warn(
                (entry.line, entry.col),
                BROKEN_REFERENCE,
                f"claim {entry.number} links to {link_target}, which is not a claim "
                "of this export; the link is left out",
            )
            continue
        relate(entry, source, parent_of(entry))

    if not theses:
        theses = [claims[0].id] if claims else []
    if not claims:
        raise report.fail((parsed.entries[0].line, 1), "the Kialo export has no claims")
    title = parsed.title or question or claims[0].text
    the_map = Map(
        id=make_id(title.lower(), "kialo")[:60].strip("-.") or "kialo",
        title=title,
        theses=tuple(theses),
        claims=tuple(claims),
        relations=tuple(relations),
        sources=tuple(sources.values()),
        description=f"Imported from a Kialo export. Question: {question}"
        if question
        else "Imported from a Kialo export.",
        path=path,
    )
    diagnostics = sorted(report.diagnostics, key=lambda d: (d.line, d.col))  # in file order
    return ImportResult(the_map, diagnostics, origins, path)
