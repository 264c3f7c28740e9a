"""Write a `Map` as an argmap YAML file that `argmap.loading` reads back unchanged.

Importers use it to produce their output; every field of the model is
written. Text is written as JSON-style double-quoted scalars (valid YAML),
so no claim text can be misread as YAML structure. When `origins` is given,
each claim and relation is preceded by a comment naming where it came from
(`# from debate.txt:12:1`), so a problem `argmap check` finds later in the
YAML can be traced to the original file by hand.

`read_back` says what loading the written text gives -- the map and the
loader's findings -- from the model alone, so `argmap import` checks a
million-node map without writing and parsing it twice.
tests/formats/test_read_back.py proves the two agree, awkward text included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from json.encoder import encode_basestring  # what json.dumps(s, ensure_ascii=False) calls
from types import MappingProxyType

from argmap.diagnostics import Diagnostic, Severity
from argmap.display import INVISIBLE_RANGES
from argmap.loading import _NUMBER as NUMBER  # what loading reads as a number
from argmap.loading import CLAIM_ID, RELATION_ID, LoadResult, default_relation_id
from argmap.model import NOWHERE, Claim, Evidence, KeyPoint, Map, Pos, Relation, Source
from argmap.safe_yaml import _CONTROL  # what loading drops from every scalar

_PLAIN = re.compile(r"[A-Za-z_][\w.\-]*", re.ASCII)  # fullmatch: `$` lets "a\\n" by
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}

# Written as escapes inside double quotes: the invisible characters (so a
# person viewing the file sees them), and U+FFFE and U+FFFF, which a YAML
# file may not hold raw. Past U+FFFF YAML wants `\U0001xxxx`, not JSON's
# surrogate pairs, which it refuses.
_RANGES = (*INVISIBLE_RANGES, (0xFFFE, 0xFFFF))
_ESCAPED = re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _RANGES) + "]")
# A comment also must not break its line, nor hold half a UTF-16 pair (a
# file name read with surrogateescape): those are escaped there as well.
_COMMENT_ESCAPED = re.compile(
    "[\n\r\ud800-\udfff" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _RANGES) + "]"
)
# What a scalar as loading reads it may differ in: control characters (dropped),
# lone surrogates (no YAML file can hold one), white space at either end (stripped).
_ODD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _quote(text: str) -> str:
    """`text` as a YAML scalar, but for the escapes of `_ESCAPED`, which
    `write_yaml` makes in one pass over the whole file (a plain scalar is
    ASCII and a comment has its own escapes, so only quoted text holds any)."""
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    return encode_basestring(text)


def _escaped(text: str) -> str:
    return _ESCAPED.sub(_escape, text) if _ESCAPED.search(text) else text  # \u202e stays \u202e


def scalar(text: str) -> str:
    """`text` as a YAML scalar: plain when unambiguous, double-quoted otherwise."""
    return _escaped(_quote(text))


def _comment(text: str) -> str:
    """Text for a `#` comment, on one line, with nothing YAML refuses."""
    return _COMMENT_ESCAPED.sub(_escape, text) if _COMMENT_ESCAPED.search(text) else text


def _flow_list(items: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(_quote(i) for i in items) + "]"


def _number(value: float) -> str:
    return repr(float(value))


def _source(out: list[str], s: Source) -> None:
    out.append(f"  - id: {_quote(s.id)}")
    out.append(f"    title: {_quote(s.title)}")
    for key in ("outlet", "date", "kind", "reliability"):
        value = getattr(s, key)
        if value:
            out.append(f"    {key}: {_quote(value)}")
    if s.file:
        out.append(f"    file: {_quote(s.file)}")
    if s.url:
        out.append(f"    url: {_quote(s.url)}")


def _claim(out: list[str], c: Claim) -> None:
    # One string for the three lines every claim has: a million-claim map is
    # then a third as many strings to hold and join.
    out.append(f"  - id: {_quote(c.id)}\n    text: {_quote(c.text)}\n    kind: {c.kind}")
    if c.themes:
        out.append(f"    themes: {_flow_list(c.themes)}")
    if c.base is not None:
        out.append(f"    base: {_number(c.base)}")
    if c.evidence:
        out.append("    evidence:")
        for e in c.evidence:
            out.append(f"      - source: {_quote(e.source)}")
            if e.locator:
                out.append(f"        locator: {_quote(e.locator)}")
            out.append(f"        quote: {_quote(e.quote)}")
    if c.key_points:
        out.append("    key_points:")
        for k in c.key_points:
            if k.synonyms or k.opposites:
                fields = f"point: {_quote(k.point)}"
                if k.synonyms:
                    fields += f", synonyms: {_flow_list(k.synonyms)}"
                if k.opposites:
                    fields += f", opposites: {_flow_list(k.opposites)}"
                out.append(f"      - {{{fields}}}")
            else:
                out.append(f"      - {_quote(k.point)}")
    if c.note:
        out.append(f"    note: {_quote(c.note)}")
    if c.flaw:
        out.append(f"    flaw: {_quote(c.flaw)}")
    if c.also_answers:
        out.append(f"    also_answers: {_flow_list(c.also_answers)}")


def _relation(r: Relation) -> str:
    sources = _quote(r.sources[0]) if len(r.sources) == 1 else _flow_list(r.sources)
    text = f"type: {r.type}\n    from: {sources}\n    to: {_quote(r.target)}"
    if r.id != default_relation_id(str(r.type), r.sources, r.target):
        text = f"id: {_quote(r.id)}\n    {text}"
    if r.why:
        text = f"{text}\n    why: {_quote(r.why)}"
    return f"  - {text}"


def write_yaml(
    m: Map,
    origins: Mapping[str, Pos] | None = None,
    origin_path: str | None = None,
    header: str = "",
) -> str:
    """The map as argmap YAML text; `header` lines become leading comments."""
    out: list[str] = [f"# {_comment(line)}" if line else "#" for line in header.splitlines()]
    out += ["argmap: 1", "", "map:", f"  id: {_quote(m.id)}", f"  title: {_quote(m.title)}"]
    if m.description:
        out.append(f"  description: {_quote(m.description)}")
    out.append(f"  theses: {_flow_list(m.theses)}")
    if m.themes:
        out.append("  themes:")
        for key, label in m.themes.items():
            out.append(f"    {_quote(key)}: {_quote(label)}")
    if m.sources:
        out += ["", "sources:"]
        for s in m.sources:
            _source(out, s)
    origin = (origins or {}).get
    from_file = f"  # from {_comment(origin_path or 'input')}:"
    out += ["", "claims:"]
    for c in m.claims:
        pos = origin(c.id)
        if pos is not None:
            out.append(f"{from_file}{pos.line}:{pos.col}" if pos.col else f"{from_file}{pos.line}")
        _claim(out, c)
    if m.relations:
        out += ["", "relations:"]
        for r in m.relations:
            pos = origin(r.id)
            if pos is not None:
                out.append(
                    f"{from_file}{pos.line}:{pos.col}" if pos.col else f"{from_file}{pos.line}"
                )
            out.append(_relation(r))
    out.append("")  # the final newline, without copying the whole text once more
    return _escaped("\n".join(out))


# -- what loading the written text gives -------------------------------------


class _Unwritable(Exception):
    """A text no YAML file can hold (half of a UTF-16 surrogate pair)."""

    def __init__(self, char: str) -> None:
        super().__init__(char)
        self.char = char


def _unstripped(text: str) -> str:
    """A written scalar as YAML gives it back: control characters dropped."""
    if _ODD.search(text):
        found = _SURROGATE.search(text)
        if found:
            raise _Unwritable(found.group())
        return _CONTROL.sub("", text)
    return text


def _as_read(text: str) -> str:
    """A written text field as loading reads it: as YAML gives it back, then stripped."""
    return _unstripped(text).strip()


def _as_read_all(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(_as_read(t) for t in texts)


# For a whole list of texts at once, joined by NUL (which loading would drop):
# white space at either end of one, something loading drops or YAML cannot
# hold, an id that is not a valid claim id.
# (Each starts at a NUL or is one character class, so the search runs in C
# without trying an alternation at every character.)
_EDGE_SPACE = re.compile(r"\x00(?:\s|(?<=\s\x00))")
_ODD_BUT_NUL = re.compile("[\x01-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NOT_ID_START = re.compile(r"\x00(?!\w)")
_NOT_ID_CHAR = re.compile(r"[^\w.\-\x00]")
_ID_START = re.compile(r"\w")
_SPACE = re.compile(r"\s")


def _read_as_written(texts: list[str]) -> bool:
    """Whether each of `texts` reads back as it is (one pass in C for a million)."""
    joined = "\x00".join(texts)
    return (
        joined.count("\x00") == max(len(texts) - 1, 0)
        and not _ODD_BUT_NUL.search(joined)
        and not (joined[:1].isspace() or joined[-1:].isspace() or _EDGE_SPACE.search(joined))
    )


def _valid_claim_ids(ids: list[str]) -> bool:
    """Whether each of `ids` (none with a NUL) is a valid claim id as it is."""
    joined = "\x00".join(ids)
    return bool(
        _ID_START.match(joined)
        and not _NOT_ID_START.search(joined)
        and not _NOT_ID_CHAR.search(joined)
    )


def _claims_as_they_are(claims: tuple[Claim, ...]) -> bool:
    """Whether every claim comes back as it is: the usual import, a million
    claims of an id and a text with nothing odd in either, told by a few passes
    in C rather than a call per field."""
    if any(
        c.note is not None
        or c.flaw is not None
        or c.base is not None
        or c.themes
        or c.evidence
        or c.key_points
        or c.also_answers
        for c in claims
    ):
        return False
    ids = [c.id for c in claims]
    return _read_as_written([*ids, *(c.text for c in claims)]) and _valid_claim_ids(ids)


def _relations_as_they_are(relations: tuple[Relation, ...]) -> bool:
    """`_claims_as_they_are` for relations: premises, a target and perhaps an id."""
    if any(r.why is not None or not r.sources for r in relations):
        return False
    own_ids = [
        r.id for r in relations if r.id != default_relation_id(str(r.type), r.sources, r.target)
    ]
    if any(not i for i in own_ids) or _SPACE.search("\x00".join(own_ids)):
        return False
    return _read_as_written(
        [*own_ids, *(r.target for r in relations), *(s for r in relations for s in r.sources)]
    )


class _ReadBack:
    """`argmap.loading._MapReader` on the model: each rule it applies to what
    `write_yaml` writes, with the same codes and messages."""

    _ID_HINT = "use letters, digits, '-', '_' and '.', starting with a letter or digit"

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def error(self, pos: Pos, code: str, message: str, hint: str = "") -> None:
        self.diagnostics.append(
            Diagnostic(self.path, pos.line, pos.col, Severity.ERROR, code, message, hint)
        )

    def ident(self, raw: str, pos: Pos, pattern: re.Pattern[str]) -> str | None:
        value = _as_read(raw)
        if not pattern.match(value):
            self.error(pos, "E203", f"{value!r} is not a valid id", self._ID_HINT)
            return None
        return value

    def read(self, m: Map) -> LoadResult:
        if not m.claims:  # `claims:` with nothing under it
            self.error(NOWHERE, "E201", "the file has no 'claims'", "add 'claims:' to the file")
        themes: dict[str, str] = {}
        for key, label in m.themes.items():
            key = _unstripped(key)  # keys and labels are read as they are, unstripped
            if key in themes:
                self.error(
                    m.pos,
                    "E103",
                    f"key {key!r} appears twice in this mapping (first at line {m.pos.line})",
                    "remove or rename one of them; argmap read the first (plain YAML tools "
                    "would silently keep the last)",
                )
                continue
            themes[key] = _unstripped(label)
        sources = [s for s in map(self.source, m.sources) if s is not None]
        claims = (
            m.claims
            if _claims_as_they_are(m.claims)
            else tuple(filter(None, map(self.claim, m.claims)))
        )
        relations = (
            m.relations
            if _relations_as_they_are(m.relations)
            else tuple(filter(None, map(self.relation, m.relations)))
        )
        back = Map(
            id=self.ident(m.id, m.pos, CLAIM_ID) or "untitled",
            title=_as_read(m.title),
            theses=_as_read_all(m.theses),
            description=_as_read(m.description) if m.description else None,
            themes=MappingProxyType(themes),
            sources=tuple(sources),
            claims=claims,
            relations=relations,
            path=self.path,
            pos=m.pos,
        )
        return LoadResult(back, self.diagnostics)

    def source(self, s: Source) -> Source | None:
        source_id = self.ident(s.id, s.pos, CLAIM_ID)
        if source_id is None:
            return None
        back = Source(
            id=source_id,
            title=_as_read(s.title),
            outlet=_as_read(s.outlet) if s.outlet else "",
            date=_as_read(s.date) if s.date else "",
            kind=_as_read(s.kind) if s.kind else "",
            reliability=_as_read(s.reliability) if s.reliability else "",
            file=_as_read(s.file) if s.file else None,
            url=_as_read(s.url) if s.url else None,
            pos=s.pos,
        )
        return s if back == s else back

    def claim(self, c: Claim) -> Claim | None:
        claim_id = self.ident(c.id, c.pos, CLAIM_ID)
        if claim_id is None:
            return None
        text = _as_read(c.text)
        if (
            claim_id is c.id
            and text is c.text
            and c.note is None
            and c.flaw is None
            and c.base is None
            and not (c.themes or c.evidence or c.key_points or c.also_answers)
        ):
            return c  # the usual imported claim: id, text and kind, all as written
        base = c.base
        if base is not None:
            written = _number(base)
            if not NUMBER.match(written):
                self.error(
                    c.pos,
                    "E200",
                    f"'base' of claim {claim_id!r} should be a number, found the text "
                    f"{written[:40]!r}",
                    "write a number such as 0.7, without quotes",
                )
                base = None
            elif not 0.0 <= base <= 1.0:
                self.error(
                    c.pos,
                    "E203",
                    f"base {base:g} is outside 0 to 1",
                    "give a number from 0 (no strength) to 1 (full strength)",
                )
                base = None
        key_points = []
        for k in c.key_points:
            if not (k.synonyms or k.opposites):  # written as a bare text
                key_points.append(KeyPoint(_as_read(k.point)))
            elif point := _as_read(k.point):  # a mapping: loading drops an empty point
                key_points.append(
                    KeyPoint(point, _as_read_all(k.synonyms), _as_read_all(k.opposites))
                )
        back = Claim(
            id=claim_id,
            text=text,
            kind=c.kind,
            themes=_as_read_all(c.themes),
            evidence=tuple(
                Evidence(
                    _as_read(e.source),
                    _as_read(e.locator) if e.locator else "",
                    _as_read(e.quote),
                    pos=e.pos,
                )
                for e in c.evidence
            ),
            base=base,
            key_points=tuple(key_points),
            note=_as_read(c.note) if c.note else None,
            flaw=_as_read(c.flaw) if c.flaw else None,
            also_answers=_as_read_all(c.also_answers),
            pos=c.pos,
        )
        return c if back == c else back

    def relation(self, r: Relation) -> Relation | None:
        sources = _as_read_all(r.sources)
        target = _as_read(r.target)
        if not sources:
            self.error(r.pos, "E203", "'from' names no claim")
            return None
        rel_id = None
        if r.id != default_relation_id(str(r.type), r.sources, r.target):
            rel_id = self.ident(r.id, r.pos, RELATION_ID)
            if (
                rel_id is r.id
                and target is r.target
                and r.why is None
                and all(a is b for a, b in zip(sources, r.sources, strict=True))
            ):
                return r  # the usual imported relation (its own id): all as written
        back = Relation(
            id=rel_id or default_relation_id(str(r.type), sources, target),
            type=r.type,
            sources=sources,
            target=target,
            why=_as_read(r.why) if r.why else None,
            pos=r.pos,
        )
        return r if back == r else back


def read_back(m: Map, path: str) -> LoadResult:
    """What `load_map_text(write_yaml(m), path)` gives, without writing or parsing:
    the map as the loader builds it (each claim and relation that would come
    back unchanged is the model's own object) and the loader's findings, at the
    model's positions. `map` is None when the map holds text no YAML file can
    hold (half of a UTF-16 surrogate pair, from a damaged input)."""
    reader = _ReadBack(path)
    try:
        result = reader.read(m)
    except _Unwritable as exc:
        return LoadResult(
            None,
            [
                Diagnostic(
                    path,
                    0,
                    0,
                    Severity.ERROR,
                    "E100",
                    f"character U+{ord(exc.char):04X} (half of a UTF-16 surrogate pair) "
                    "cannot be written in a YAML file",
                    "the input holds a damaged character there; fix or remove it",
                )
            ],
        )
    result.diagnostics.sort(key=lambda d: (d.line, d.col))
    return result
