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
_HEADER = re.compile(r"^(\s*)(\d+(?:\.\d+)*)\.(?:\s+(Pro|Con|Thesis|Question):)?(?:\s+(.*))?$",
                     re.IGNORECASE)
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
class _Parsed:
    title: str = ""
    entries: list[_Entry] = field(default_factory=list)
    sources: dict[str, tuple[str, int]] = field(default_factory=dict)


def _scan(text: str) -> _Parsed:
    parsed = _Parsed()
    current: _Entry | None = None
    in_sources = False
    last_source: str | None = None
    for index, raw in enumerate(text.splitlines()):
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
                last_source = entry.group(1)
                parsed.sources[last_source] = (entry.group(2).strip(), lineno)
            elif line.strip() and last_source is not None:
                old, at = parsed.sources[last_source]
                parsed.sources[last_source] = (f"{old} {line.strip()}".strip(), at)
            continue
        header = _HEADER.match(line)
        if header and (header.group(3) or not parsed.entries and "." not in header.group(2)):
            indent, number, stance, rest = header.groups()
            current = _Entry(number, (stance or "").lower(), lineno, len(indent) + 1)
            if rest and rest.strip():
                current.text_parts.append(rest.strip())
            parsed.entries.append(current)
            continue
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
    if not parsed.entries:
        raise report.fail((1, 1), "no Kialo claims found (expected lines such as "
                          "'1. Thesis text' or '1.1. Pro: ...')",
                          "export the discussion from Kialo as a .txt file and import that")

    # Sources: footnote list (newer exports) and inline links (older exports).
    sources: dict[str, Source] = {}
    origins: dict[str, Pos] = {}
    footnote_ids: dict[str, str] = {}
    for number, (entry_text, lineno) in parsed.sources.items():
        url_match = _URL.search(entry_text)
        title = unescape(_MD_LINK.sub(r"\1", entry_text)).strip() or f"Source {number}"
        sid = f"kialo-src-{number}"
        footnote_ids[number] = sid
        sources[sid] = Source(id=sid, title=title,
                              url=url_match.group(0).rstrip(").,") if url_match else None,
                              kind="Kialo source")
        origins[sid] = Pos(lineno, 1)
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
            report.warn((entry.line, entry.col), DUPLICATE,
                        f"claim number {entry.number} appears twice; the second is left out")
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
                cited.append(footnote_ids[fn])
            else:
                report.warn((entry.line, entry.col), BROKEN_REFERENCE,
                            f"claim {entry.number} cites footnote [{fn}], which the "
                            "Sources list does not have")
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
            report.warn((entry.line, entry.col), KEPT_IN_NOTE,
                        f"claim {entry.number} has no text; a placeholder text was used")
        is_thesis = entry.stance == "thesis" or entry.number.count(".") == 0
        kind = ClaimKind.POLICY if is_thesis and _SHOULD.search(claim_text) else ClaimKind.VALUE
        claims.append(Claim(id=cid, text=claim_text, kind=kind,
                            note=" ".join(notes) or None, pos=Pos(entry.line, entry.col)))
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
                    report.warn((entry.line, entry.col), BROKEN_REFERENCE,
                                f"claim {entry.number} has no parent "
                                f"{entry.number.rsplit('.', 1)[0]}; attached to {number}")
                return target or None
        return None

    def relate(entry: _Entry, source: str, target: str | None) -> None:
        if target is None or entry.stance not in ("pro", "con"):
            if entry.stance in ("pro", "con") and target is None:
                report.warn((entry.line, entry.col), BROKEN_REFERENCE,
                            f"claim {entry.number} has no parent claim; it is kept unconnected")
            return
        if source == target:
            report.warn((entry.line, entry.col), SELF_LOOP,
                        f"claim {entry.number} would {entry.stance} itself; relation left out")
            return
        rel_type = RelationType.SUPPORT if entry.stance == "pro" else RelationType.ATTACK
        rid = default_relation_id(str(rel_type), (source,), target)
        if rid in seen_relations:
            report.warn((entry.line, entry.col), DUPLICATE,
                        f"claim {entry.number} repeats an existing {rel_type} relation")
            return
        seen_relations.add(rid)
        relations.append(Relation(id=rid, type=rel_type, sources=(source,), target=target,
                                  pos=Pos(entry.line, entry.col)))
        origins[rid] = Pos(entry.line, entry.col)

    # One pass in file order: claims first (their own parent), then the links.
    order = sorted([(e.line, e, None) for e in kept] + [(e.line, e, t) for e, t in links],
                   key=lambda item: item[0])
    for _line, entry, link_target in order:
        if link_target is None:
            relate(entry, "k" + entry.number, parent_of(entry))
            continue
        source = number_to_id.get(link_target)
        if not source or source not in claim_ids:
            report.warn((entry.line, entry.col), BROKEN_REFERENCE,
                        f"claim {entry.number} links to {link_target}, which is not a claim "
                        "of this export; the link is left out")
            continue
        relate(entry, source, parent_of(entry))

    if not theses:
        theses = [claims[0].id] if claims else []
    if not claims:
        raise report.fail((parsed.entries[0].line, 1), "the Kialo export has no claims")
    title = parsed.title or question or claims[0].text
    the_map = Map(id=make_id(title.lower(), "kialo")[:60].strip("-.") or "kialo", title=title,
                  theses=tuple(theses), claims=tuple(claims), relations=tuple(relations),
                  sources=tuple(sources.values()),
                  description=f"Imported from a Kialo export. Question: {question}"
                  if question else "Imported from a Kialo export.",
                  path=path)
    return ImportResult(the_map, report.diagnostics, origins, path)
