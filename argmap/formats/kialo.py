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
stance (Pro/Con) belongs to the relation, not the claim.

Reading is two steps, as for Argdown: `argmap.formats.kialo_parse` turns the
text into entries and sources with their positions, and `to_map` here turns
those into claims, relations and sources. Both are loops with dicts from
claim number to claim, no recursion, so debates over 30 levels deep and
10,000 claims long are read in well under two seconds.
"""

from __future__ import annotations

import re

from argmap.formats.import_result import (
    BROKEN_REFERENCE,
    DUPLICATE,
    KEPT_IN_NOTE,
    SELF_LOOP,
    ImportResult,
    Reporter,
    make_id,
)
from argmap.formats.kialo_parse import Entry, KialoDocument, SourceEntry, parse_kialo, unescape
from argmap.loading import default_relation_id
from argmap.model import Claim, ClaimKind, Map, Pos, Relation, RelationType, Source

__all__ = ["read_kialo", "to_map", "unescape"]

_LINK = re.compile(r"^->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$", re.IGNORECASE)
_FOOTNOTE = re.compile(r"\s*(?<!\\)\[(\d+)\](?!\()")
_MD_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\(((?:\\.|[^)\\])*)\)")
_URL = re.compile(r"https?://\S+")
_SHOULD = re.compile(r"\bshould\b", re.IGNORECASE)


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
    """Parse the export, then convert what it says into a map."""
    return to_map(parse_kialo(text), path)


def to_map(doc: KialoDocument, path: str = "<kialo>") -> ImportResult:
    """The map a parsed Kialo export makes; every warning sorted into file order."""
    report = Reporter(path)
    for problem in doc.problems:
        report.warn((problem.line, problem.col), problem.code, problem.message, problem.hint)
    if not doc.entries:
        raise report.fail(
            (1, 1),
            "no Kialo claims found (expected lines such as '1. Thesis text' or '1.1. Pro: ...')",
            "export the discussion from Kialo as a .txt file and import that",
        )
    convert = _Converter(report)
    convert.add_footnote_sources(doc.sources)
    convert.add_claims(doc.entries)
    convert.connect()
    return convert.result(doc, path)


class _Converter:
    """The state of one conversion, filled step by step in file order."""

    def __init__(self, report: Reporter) -> None:
        self.report = report
        self.sources: dict[str, Source] = {}
        self.origins: dict[str, Pos] = {}
        self.footnote_ids: dict[str, list[str]] = {}
        self.url_ids: dict[str, str] = {}
        self.number_to_id: dict[str, str] = {}  # "" for the question: not a claim
        self.links: list[tuple[Entry, str]] = []
        self.link_numbers: dict[str, str] = {}
        self.claims: list[Claim] = []
        self.theses: list[str] = []
        self.question: str | None = None
        self.kept: list[Entry] = []
        self.relations: list[Relation] = []
        self.seen_relations: set[str] = set()

    def add_footnote_sources(self, listed_by_number: dict[str, list[SourceEntry]]) -> None:
        """A source per entry of the Sources list (newer exports)."""
        for number, listed in listed_by_number.items():
            for nth, source_entry in enumerate(listed, start=1):
                entry_text = source_entry.text
                url_match = _URL.search(entry_text)
                title = unescape(_MD_LINK.sub(r"\1", entry_text)).strip() or f"Source {number}"
                sid = f"kialo-src-{number}" if nth == 1 else f"kialo-src-{number}-{nth}"
                self.footnote_ids.setdefault(number, []).append(sid)
                self.sources[sid] = Source(
                    id=sid,
                    title=title,
                    url=url_match.group(0).rstrip(").,") if url_match else None,
                    kind="Kialo source",
                )
                self.origins[sid] = Pos(source_entry.line, source_entry.col)

    def add_claims(self, entries: list[Entry]) -> None:
        """A claim per entry; links and the question are set aside, duplicates dropped."""
        for entry in entries:
            raw_text = entry.text
            link = _LINK.match(raw_text)
            if entry.number in self.number_to_id or entry.number in self.link_numbers:
                self.report.warn(
                    (entry.line, entry.col),
                    DUPLICATE,
                    f"claim number {entry.number} appears twice; the second is left out",
                )
                continue
            if link:
                self.links.append((entry, link.group(1)))
                self.link_numbers[entry.number] = link.group(1)
                continue
            if entry.stance == "question":
                self.question = _clean(raw_text, [])[0]
                self.number_to_id[entry.number] = ""
                continue
            self._add_claim(entry, raw_text)

    def _add_claim(self, entry: Entry, raw_text: str) -> None:
        urls: list[str] = []
        claim_text, footnotes = _clean(raw_text, urls)
        cid = "k" + entry.number
        self.number_to_id[entry.number] = cid
        notes: list[str] = []
        cited = self._cited(entry, footnotes, urls)
        if cited:
            notes.append("Kialo sources: " + ", ".join(dict.fromkeys(cited)) + ".")
        if not claim_text:
            claim_text = f"(empty claim {entry.number} in the Kialo export)"
            self.report.warn(
                (entry.line, entry.col),
                KEPT_IN_NOTE,
                f"claim {entry.number} has no text; a placeholder text was used",
            )
        is_thesis = entry.stance == "thesis" or entry.number.count(".") == 0
        kind = ClaimKind.POLICY if is_thesis and _SHOULD.search(claim_text) else ClaimKind.VALUE
        self.claims.append(
            Claim(
                id=cid,
                text=claim_text,
                kind=kind,
                note=" ".join(notes) or None,
                pos=Pos(entry.line, entry.col),
            )
        )
        self.origins[cid] = Pos(entry.line, entry.col)
        self.kept.append(entry)
        if is_thesis:
            self.theses.append(cid)

    def _cited(self, entry: Entry, footnotes: list[str], urls: list[str]) -> list[str]:
        """The source ids a claim cites: its footnotes', then one per inline link."""
        cited: list[str] = []
        for fn in footnotes:
            if fn in self.footnote_ids:
                cited.extend(self.footnote_ids[fn])
            else:
                self.report.warn(
                    (entry.line, entry.col),
                    BROKEN_REFERENCE,
                    f"claim {entry.number} cites footnote [{fn}], which the "
                    "Sources list does not have",
                )
        for url in urls:
            if url not in self.url_ids:
                sid = f"kialo-link-{len(self.url_ids) + 1}"
                self.url_ids[url] = sid
                self.sources[sid] = Source(id=sid, title=url, url=url, kind="link in a Kialo claim")
                self.origins[sid] = Pos(entry.line, entry.col)
            cited.append(self.url_ids[url])
        return cited

    def connect(self) -> None:
        """One pass in file order: claims first (their own parent), then the links."""
        claim_ids = {c.id for c in self.claims}
        order = sorted(
            [(e.line, e, None) for e in self.kept] + [(e.line, e, t) for e, t in self.links],
            key=lambda item: item[0],
        )
        for _line, entry, link_target in order:
            if link_target is None:
                self._relate(entry, "k" + entry.number, self._parent_of(entry))
                continue
            source = self.number_to_id.get(link_target)
            if not source or source not in claim_ids:
                self.report.warn(
                    (entry.line, entry.col),
                    BROKEN_REFERENCE,
                    f"claim {entry.number} links to {link_target}, which is not a claim "
                    "of this export; the link is left out",
                )
                continue
            self._relate(entry, source, self._parent_of(entry))

    def _parent_of(self, entry: Entry) -> str | None:
        """The nearest numbered ancestor that is a claim (or links to one)."""
        number = entry.number
        while "." in number:
            number = number.rsplit(".", 1)[0]
            target = self.number_to_id.get(number)
            if target is None and number in self.link_numbers:
                target = self.number_to_id.get(self.link_numbers[number])
            if target is not None:
                if number != entry.number.rsplit(".", 1)[0]:
                    self.report.warn(
                        (entry.line, entry.col),
                        BROKEN_REFERENCE,
                        f"claim {entry.number} has no parent "
                        f"{entry.number.rsplit('.', 1)[0]}; attached to {number}",
                    )
                return target or None
        return None

    def _relate(self, entry: Entry, source: str, target: str | None) -> None:
        report = self.report
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
        if rid in self.seen_relations:
            report.warn(
                (entry.line, entry.col),
                DUPLICATE,
                f"claim {entry.number} repeats an existing {rel_type} relation",
            )
            return
        self.seen_relations.add(rid)
        self.relations.append(
            Relation(
                id=rid,
                type=rel_type,
                sources=(source,),
                target=target,
                pos=Pos(entry.line, entry.col),
            )
        )
        self.origins[rid] = Pos(entry.line, entry.col)

    def result(self, doc: KialoDocument, path: str) -> ImportResult:
        """The map: theses, title and id chosen, the diagnostics in file order."""
        claims = self.claims
        theses = self.theses
        if not theses:
            theses = [claims[0].id] if claims else []
        if not claims:
            raise self.report.fail((doc.entries[0].line, 1), "the Kialo export has no claims")
        question = self.question
        title = doc.title or question or claims[0].text
        the_map = Map(
            id=make_id(title.lower(), "kialo")[:60].strip("-.") or "kialo",
            title=title,
            theses=tuple(theses),
            claims=tuple(claims),
            relations=tuple(self.relations),
            sources=tuple(self.sources.values()),
            description=f"Imported from a Kialo export. Question: {question}"
            if question
            else "Imported from a Kialo export.",
            path=path,
        )
        # in file order
        diagnostics = sorted(self.report.diagnostics, key=lambda d: (d.line, d.col))
        return ImportResult(the_map, diagnostics, self.origins, path)
