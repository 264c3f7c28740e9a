"""Turn a map file into a `Map`, reporting every shape problem on the way.

Parsing (and all of its guards) is `argmap.safe_yaml`; this module reads the
parsed values field by field. It never stops at the first problem: a claim
with a bad field is still built (with a harmless default) so that one typo
does not cascade into dozens of "unknown claim" errors, and the user sees
everything wrong with the file in one run.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from argmap.diagnostics import Diagnostic, Severity
from argmap.input_file import InputRefused, read_input
from argmap.model import (
    Claim,
    ClaimKind,
    Evidence,
    KeyPoint,
    Map,
    Pos,
    Positions,
    Relation,
    RelationType,
    Source,
)
from argmap.safe_yaml import Plain, YamlProblem, YMap, YSeq, parse_yaml

FORMAT_VERSION = 1

CLAIM_ID = re.compile(r"^[\w][\w.\-]*$")
RELATION_ID = re.compile(r"^\S+$")

_NUMBER = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")

T = TypeVar("T")


@dataclass
class LoadResult:
    map: Map | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.map is not None and not any(d.is_error for d in self.diagnostics)


def default_relation_id(rel_type: str, sources: tuple[str, ...], target: str) -> str:
    """The id a relation gets when the file gives none: `type:a+b->target`."""
    return f"{rel_type}:{'+'.join(sources)}->{target}"


def load_map(path: str | Path) -> LoadResult:
    """Read and parse a map file. Unreadable files give an E000 diagnostic."""
    name = str(path)
    try:
        raw = read_input(path)
    except InputRefused as exc:
        too_big = "over the limit" in (exc.strerror or "")
        return LoadResult(
            None,
            [
                _problem(
                    name,
                    0,
                    0,
                    "E000",
                    f"cannot read file: {exc.strerror}",
                    "split the map into smaller ones, or raise the limit as said"
                    if too_big
                    else "give the path of a map file",
                )
            ],
        )
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return LoadResult(
            None,
            [
                _problem(
                    name,
                    0,
                    0,
                    "E000",
                    f"cannot read file: {reason}",
                    "check the path and the file's permissions",
                )
            ],
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return LoadResult(
            None,
            [
                _problem(
                    name,
                    line,
                    col,
                    "E100",
                    "the file is not UTF-8 text",
                    "save the file as UTF-8 in your editor",
                )
            ],
        )
    return load_map_text(text, name)


def load_map_text(text: str, path: str = "<string>") -> LoadResult:
    with _collector_paused():
        repeated: list[YamlProblem] = []

        def found(exc: YamlProblem) -> Diagnostic:
            return _problem(path, exc.line, exc.col, exc.code, exc.message, exc.hint)

        try:
            root = parse_yaml(text, repeated)
        except YamlProblem as exc:
            return LoadResult(
                None, sorted([*map(found, repeated), found(exc)], key=lambda d: (d.line, d.col))
            )
        result = _MapReader(path).read(root)
        if result.map is not None:
            result.map = replace(result.map, source_text=text)
        result.diagnostics = sorted(
            [*map(found, repeated), *result.diagnostics], key=lambda d: (d.line, d.col)
        )
        return result


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading allocates a few objects per YAML event and frees none of them, so
    Python's cyclic collector would rescan the growing tree again and again
    (half the load time of a big map). Nothing here makes reference cycles.
    Afterwards the long-lived, immutable map is frozen out of the collector's
    sight, so later work (checking, analysis) does not rescan it either;
    frozen objects are still freed by reference counting."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _problem(
    path: str,
    line: int,
    col: int,
    code: str,
    message: str,
    hint: str = "",
    severity: Severity = Severity.ERROR,
) -> Diagnostic:
    return Diagnostic(path, line, col, severity, code, message, hint)


def _field_hint(key: str, known: tuple[str, ...]) -> str:
    """ "did you mean 'themes'?" for a misspelt field, else the fields there are."""
    import difflib

    close = difflib.get_close_matches(str(key).lower(), known, n=1, cutoff=0.6)
    listed = f"known fields: {', '.join(known)}"
    return f"did you mean {close[0]!r}? ({listed})" if close else listed


def _named(node: YMap, what: str) -> str:
    """How messages name a record before its id is validated: by id, else by line."""
    raw = node.get("id")
    if isinstance(raw, str) and raw.strip() and len(raw) <= 80:
        return f"{what} {raw.strip()!r}"
    return f"the {what} at line {node.line}"


def _type_name(value: object) -> str:
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YSeq):
        return "a list"
    if value is None:
        return "nothing"
    return f"the text {str(value)[:40]!r}"


class _MapReader:
    """Reads the parsed tree; collects diagnostics instead of raising."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    # -- reporting ---------------------------------------------------------
    def error(self, pos: tuple[int, int], code: str, message: str, hint: str = "") -> None:
        self.diagnostics.append(_problem(self.path, pos[0], pos[1], code, message, hint))

    # -- generic field readers --------------------------------------------
    def fields(
        self,
        node: YMap,
        where: str,
        known: tuple[str, ...],
        required: tuple[str, ...],
    ) -> None:
        known_set = frozenset(known)
        for key in node:
            if key not in known_set:
                self.error(
                    node.key_position(key),
                    "E202",
                    f"unknown field {key!r} in {where}",
                    _field_hint(key, known),
                )
        for key in required:
            if node.get(key) is None:
                self.error(
                    (node.line, node.col),
                    "E201",
                    f"{where} has no {key!r}",
                    f"add '{key}:' to {where}",
                )

    def pos(self, node: YMap, key: str) -> tuple[int, int]:
        return node.value_position(key)

    def text(self, node: YMap, key: str, where: str) -> str | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, YMap | YSeq):
            self.error(
                self.pos(node, key),
                "E200",
                f"{key!r} of {where} should be text, found {_type_name(value)}",
                "quote the text if it contains ': ' or starts with '[' or '{'",
            )
            return None
        return str(value).strip()

    def number(self, node: YMap, key: str, where: str) -> float | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, Plain) and _NUMBER.match(value):
            return float(value)
        self.error(
            self.pos(node, key),
            "E200",
            f"{key!r} of {where} should be a number, found {_type_name(value)}",
            "write a number such as 0.7, without quotes",
        )
        return None

    def seq(
        self,
        node: YMap,
        key: str,
        where: str,
        allow_scalar: bool = False,
    ) -> list[tuple[object, tuple[int, int]]]:
        """Items of a list field with their positions (a lone scalar when allowed)."""
        value = node.get(key)
        if value is None:
            return []
        if isinstance(value, YSeq):
            return list(zip(value, value.item_pos, strict=True))
        if allow_scalar and not isinstance(value, YMap):
            return [(value, self.pos(node, key))]
        self.error(
            self.pos(node, key),
            "E200",
            f"{key!r} of {where} should be a list, found {_type_name(value)}",
            f"write {key}: [a, b] or one '- item' per line",
        )
        return []

    def text_list(
        self,
        node: YMap,
        key: str,
        where: str,
        allow_scalar: bool = False,
    ) -> tuple[str, ...]:
        out: list[str] = []
        for item, pos in self.seq(node, key, where, allow_scalar):
            if item is None or isinstance(item, YMap | YSeq):
                self.error(
                    pos,
                    "E200",
                    f"items of {key!r} in {where} should be text, found {_type_name(item)}",
                )
                continue
            out.append(str(item).strip())
        return tuple(out)

    def records(self, root: YMap, key: str, read: Callable[[YMap], T | None]) -> list[T]:
        out: list[T] = []
        for item, pos in self.seq(root, key, "the map"):
            if not isinstance(item, YMap):
                self.error(
                    pos,
                    "E200",
                    f"each entry of {key!r} should be a mapping, found {_type_name(item)}",
                    "start each entry with '- id: ...'",
                )
                continue
            record = read(item)
            if record is not None:
                out.append(record)
        return out

    def ident(self, node: YMap, where: str, pattern: re.Pattern[str]) -> str | None:
        value = self.text(node, "id", where)
        if value is None:
            return None
        if not pattern.match(value):
            self.error(
                self.pos(node, "id"),
                "E203",
                f"{value!r} is not a valid id",
                "use letters, digits, '-', '_' and '.', starting with a letter or digit",
            )
            return None
        return value

    @staticmethod
    def positions(node: YMap) -> Positions:
        return Positions(node.value_pos)

    # -- the map ---------------------------------------------------------
    def read(self, root: object) -> LoadResult:
        if not isinstance(root, YMap):
            line, col = (root.line, root.col) if isinstance(root, YSeq) else (1, 1)
            self.error(
                (line, col),
                "E200",
                f"a map file should be a mapping with map, sources, claims and "
                f"relations; found {_type_name(root)}",
                "see docs/format.md for a complete example",
            )
            return LoadResult(None, self.diagnostics)
        self.fields(
            root, "the file", ("argmap", "map", "sources", "claims", "relations"), ("map", "claims")
        )
        version = self.number(root, "argmap", "the file")
        if version is not None and version > FORMAT_VERSION:
            self.error(
                self.pos(root, "argmap"),
                "E105",
                f"this map is written for argmap format {version:g}; this argmap reads "
                f"format {FORMAT_VERSION}",
                "upgrade argmap",
            )
            return LoadResult(None, self.diagnostics)

        meta = root.get("map")
        if meta is not None and not isinstance(meta, YMap):
            self.error(
                self.pos(root, "map"),
                "E200",
                f"'map' should be a mapping, found {_type_name(meta)}",
            )
            meta = None
        meta = meta if meta is not None else YMap(1, 1)
        if root.get("map") is not None:
            self.fields(
                meta,
                "map",
                ("id", "title", "theses", "description", "themes"),
                ("id", "title", "theses"),
            )
        themes: dict[str, str] = {}
        raw_themes = meta.get("themes")
        if isinstance(raw_themes, YMap):
            for key, label in raw_themes.items():
                themes[key] = "" if label is None or isinstance(label, YMap | YSeq) else str(label)
        elif isinstance(raw_themes, YSeq):
            themes = {str(t): "" for t in raw_themes if t is not None}
        elif raw_themes is not None:
            self.error(
                self.pos(meta, "themes"),
                "E200",
                "'themes' should be a mapping from theme id to label",
            )

        sources = self.records(root, "sources", self.source)
        claims = self.records(root, "claims", self.claim)
        relations = self.records(root, "relations", self.relation)
        the_map = Map(
            id=self.ident(meta, "map", CLAIM_ID) or "untitled",
            title=self.text(meta, "title", "map") or "",
            theses=self.text_list(meta, "theses", "map", allow_scalar=True),
            description=self.text(meta, "description", "map"),
            themes=MappingProxyType(themes),
            sources=tuple(sources),
            claims=tuple(claims),
            relations=tuple(relations),
            path=self.path,
            pos=Pos(meta.line, meta.col),
            positions=self.positions(meta),
        )
        return LoadResult(the_map, self.diagnostics)

    def source(self, node: YMap) -> Source | None:
        where = _named(node, "source")
        self.fields(
            node,
            where,
            ("id", "title", "outlet", "date", "kind", "reliability", "file", "url"),
            ("id", "title"),
        )
        source_id = self.ident(node, where, CLAIM_ID)
        if source_id is None:
            return None
        where = f"source {source_id!r}"
        return Source(
            id=source_id,
            title=self.text(node, "title", where) or "",
            outlet=self.text(node, "outlet", where) or "",
            date=self.text(node, "date", where) or "",
            kind=self.text(node, "kind", where) or "",
            reliability=self.text(node, "reliability", where) or "",
            file=self.text(node, "file", where),
            url=self.text(node, "url", where),
            pos=Pos(node.line, node.col),
            positions=self.positions(node),
        )

    def claim(self, node: YMap) -> Claim | None:
        where = _named(node, "claim")
        self.fields(
            node,
            where,
            (
                "id",
                "text",
                "kind",
                "themes",
                "evidence",
                "base",
                "key_points",
                "note",
                "flaw",
                "also_answers",
            ),
            ("id", "text", "kind"),
        )
        claim_id = self.ident(node, where, CLAIM_ID)
        if claim_id is None:
            return None
        where = f"claim {claim_id!r}"
        kind_text = self.text(node, "kind", where)
        kind = ClaimKind.VALUE
        if kind_text is not None:
            try:
                kind = ClaimKind(kind_text.lower())
            except ValueError:
                self.error(
                    self.pos(node, "kind"),
                    "E203",
                    f"{kind_text!r} is not a claim kind",
                    "use fact, value, policy or prediction",
                )
        base = self.number(node, "base", where)
        if base is not None and not 0.0 <= base <= 1.0:
            self.error(
                self.pos(node, "base"),
                "E203",
                f"base {base:g} is outside 0 to 1",
                "give a number from 0 (no strength) to 1 (full strength)",
            )
            base = None
        return Claim(
            id=claim_id,
            text=self.text(node, "text", where) or "",
            kind=kind,
            themes=self.text_list(node, "themes", where, allow_scalar=True),
            evidence=tuple(self.evidence(node, where)),
            base=base,
            key_points=tuple(self.key_points(node, where)),
            note=self.text(node, "note", where),
            flaw=self.text(node, "flaw", where),
            also_answers=self.text_list(node, "also_answers", where, allow_scalar=True),
            pos=Pos(node.line, node.col),
            positions=self.positions(node),
        )

    def evidence(self, claim: YMap, where: str) -> list[Evidence]:
        out: list[Evidence] = []
        for item, pos in self.seq(claim, "evidence", where):
            if not isinstance(item, YMap):
                self.error(
                    pos,
                    "E200",
                    f"evidence of {where} should be a mapping with "
                    f"source, locator and quote, found {_type_name(item)}",
                )
                continue
            self.fields(
                item, f"evidence of {where}", ("source", "locator", "quote"), ("source", "quote")
            )
            source = self.text(item, "source", where)
            quote = self.text(item, "quote", where)
            if source is None or quote is None:
                continue
            out.append(
                Evidence(
                    source=source,
                    locator=self.text(item, "locator", where) or "",
                    quote=quote,
                    pos=Pos(item.line, item.col),
                    positions=self.positions(item),
                )
            )
        return out

    def key_points(self, claim: YMap, where: str) -> list[KeyPoint]:
        out: list[KeyPoint] = []
        for item, pos in self.seq(claim, "key_points", where):
            if isinstance(item, YMap):
                self.fields(
                    item, f"a key point of {where}", ("point", "synonyms", "opposites"), ("point",)
                )
                point = self.text(item, "point", where)
                if point:
                    out.append(
                        KeyPoint(
                            point,
                            self.text_list(item, "synonyms", where, allow_scalar=True),
                            self.text_list(item, "opposites", where, allow_scalar=True),
                        )
                    )
            elif item is not None and not isinstance(item, YSeq):
                out.append(KeyPoint(str(item).strip()))
            else:
                self.error(
                    pos,
                    "E200",
                    f"a key point of {where} should be text or {{point: ..., synonyms: [...]}}",
                )
        return out

    def relation(self, node: YMap) -> Relation | None:
        where = _named(node, "relation")
        self.fields(node, where, ("id", "type", "from", "to", "why"), ("type", "from", "to"))
        type_text = self.text(node, "type", where)
        if type_text is None:
            return None
        try:
            rel_type = RelationType(type_text.lower())
        except ValueError:
            self.error(
                self.pos(node, "type"),
                "E203",
                f"{type_text!r} is not a relation type",
                "use support, attack or undercut",
            )
            return None
        sources = self.text_list(node, "from", where, allow_scalar=True)
        target = self.text(node, "to", where)
        if not sources or target is None:
            if node.get("from") is not None and not sources:
                self.error(self.pos(node, "from"), "E203", "'from' names no claim")
            return None
        rel_id = self.ident(node, where, RELATION_ID) if node.get("id") is not None else None
        if rel_id is None:
            rel_id = default_relation_id(rel_type, sources, target)
        return Relation(
            id=rel_id,
            type=rel_type,
            sources=sources,
            target=target,
            why=self.text(node, "why", f"relation {rel_id!r}"),
            pos=Pos(node.line, node.col),
            positions=self.positions(node),
        )
