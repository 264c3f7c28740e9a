"""The immutable map model that every other part of argmap reads.

A `Map` is built once by `argmap.loading` and never changed afterwards: the
analysis, the drills and the UI all share the same object, so nothing can
drift out of step. Every object remembers where it was written (`Pos`) so a
diagnostic or an editor jump can point back into the YAML file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import Any, NamedTuple


class ClaimKind(StrEnum):
    FACT = "fact"
    VALUE = "value"
    POLICY = "policy"
    PREDICTION = "prediction"


class RelationType(StrEnum):
    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"

    @property
    def verb(self) -> str:
        """How a sentence says it: "supports", "attacks", "undercuts"."""
        return f"{self.value}s"

    @property
    def verb_to_claim(self) -> str:
        """The verb before a claim: an undercut targets the link to it."""
        return "undercuts the link to" if self is RelationType.UNDERCUT else self.verb


class Pos(NamedTuple):
    """1-based line and column in the map file (0 means unknown)."""

    line: int = 0
    col: int = 0


NOWHERE = Pos()


class Positions(Mapping[str, Pos]):
    """Read-only view of where each field's value starts.

    Wraps the loader's (line, col) pairs without copying them: building a
    Pos per field up front costs a noticeable share of loading a big map.
    """

    __slots__ = ("_raw",)

    def __init__(self, raw: Mapping[str, tuple[int, ...]]) -> None:
        self._raw = raw  # key -> (line, col, ...)

    def __getitem__(self, key: str) -> Pos:
        found = self._raw[key]
        return Pos(found[0], found[1])

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


_EMPTY_POSITIONS: Mapping[str, Pos] = Positions({})


def _no_positions() -> Mapping[str, Pos]:
    return _EMPTY_POSITIONS


def _positions() -> Mapping[str, Pos]:
    """Where each field's value starts; not part of equality or hashing."""
    return field(default_factory=_no_positions, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    outlet: str = ""
    date: str = ""
    kind: str = ""
    reliability: str = ""
    file: str | None = None
    url: str | None = None
    pos: Pos = field(default=NOWHERE, compare=False)
    positions: Mapping[str, Pos] = _positions()


@dataclass(frozen=True, slots=True)
class Evidence:
    source: str
    locator: str
    quote: str
    pos: Pos = field(default=NOWHERE, compare=False)
    positions: Mapping[str, Pos] = _positions()


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """A point a good free-text answer should make, and words that also count.

    `opposites` are what the map's author knows denies the point in this
    debate without a "not" ("the conversions agree" against "conversions
    disagree"): an answer that says one contradicts the point.
    """

    point: str
    synonyms: tuple[str, ...] = ()
    opposites: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        return (self.point, *self.synonyms)


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    text: str
    kind: ClaimKind
    themes: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    base: float | None = None
    key_points: tuple[KeyPoint, ...] = ()
    note: str | None = None
    flaw: str | None = None
    also_answers: tuple[str, ...] = ()
    pos: Pos = field(default=NOWHERE, compare=False)
    positions: Mapping[str, Pos] = _positions()

    @property
    def base_score(self) -> float:
        """The base score used by gradual semantics: 0.5 when the map gives none."""
        return 0.5 if self.base is None else self.base


@dataclass(frozen=True, slots=True)
class Relation:
    """An edge of the map.

    `sources` has several claim ids for linked premises, which support (or
    attack) the target only together. The target of an undercut is the id of
    another relation: it denies that the premises, even if true, bear on the
    conclusion.
    """

    id: str
    type: RelationType
    sources: tuple[str, ...]
    target: str
    why: str | None = None
    pos: Pos = field(default=NOWHERE, compare=False)
    positions: Mapping[str, Pos] = _positions()

    @property
    def linked(self) -> bool:
        return len(self.sources) > 1


@dataclass(frozen=True)
class Map:
    id: str
    title: str
    theses: tuple[str, ...]
    claims: tuple[Claim, ...]
    relations: tuple[Relation, ...] = ()
    sources: tuple[Source, ...] = ()
    description: str | None = None
    themes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    path: str | None = field(default=None, compare=False)
    pos: Pos = field(default=NOWHERE, compare=False)
    positions: Mapping[str, Pos] = _positions()
    source_text: str | None = field(default=None, compare=False, repr=False)
    """The text this map was parsed from (set by `argmap.loading`), so that another
    process can be given exactly the version shown here rather than re-read the file."""

    def __getstate__(self) -> dict[str, Any]:
        """The fields only: cached views are rebuilt on use, and a mappingproxy cannot
        be pickled, so `themes` travels as a dict."""
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        state["themes"] = dict(self.themes)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "themes", MappingProxyType(dict(state["themes"])))

    @cached_property
    def claims_by_id(self) -> Mapping[str, Claim]:
        return MappingProxyType({c.id: c for c in self.claims})

    @cached_property
    def relations_by_id(self) -> Mapping[str, Relation]:
        return MappingProxyType({r.id: r for r in self.relations})

    @cached_property
    def sources_by_id(self) -> Mapping[str, Source]:
        return MappingProxyType({s.id: s for s in self.sources})

    def claim(self, claim_id: str) -> Claim:
        return self.claims_by_id[claim_id]

    def relation(self, relation_id: str) -> Relation:
        return self.relations_by_id[relation_id]

    def source(self, source_id: str) -> Source:
        return self.sources_by_id[source_id]

    @cached_property
    def incoming(self) -> Mapping[str, tuple[Relation, ...]]:
        """Relations pointing at each claim or relation id, in file order."""
        into: dict[str, list[Relation]] = {}
        for rel in self.relations:
            into.setdefault(rel.target, []).append(rel)
        return MappingProxyType({k: tuple(v) for k, v in into.items()})

    @cached_property
    def outgoing(self) -> Mapping[str, tuple[Relation, ...]]:
        """Relations each claim takes part in as a premise, in file order."""
        out: dict[str, list[Relation]] = {}
        for rel in self.relations:
            for src in rel.sources:
                out.setdefault(src, []).append(rel)
        return MappingProxyType({k: tuple(v) for k, v in out.items()})

    def supporters(self, target: str) -> tuple[Relation, ...]:
        return tuple(r for r in self.incoming.get(target, ()) if r.type is RelationType.SUPPORT)

    def attackers(self, target: str) -> tuple[Relation, ...]:
        return tuple(r for r in self.incoming.get(target, ()) if r.type is not RelationType.SUPPORT)

    @cached_property
    def graph(self) -> Any:
        """The faithful networkx view (claims and relations as nodes); see argmap.graph."""
        from argmap.graph import map_graph

        return map_graph(self)

    @cached_property
    def claim_graph(self) -> Any:
        """The claims-only networkx view; see argmap.graph."""
        from argmap.graph import claim_graph

        return claim_graph(self)

    @cached_property
    def all_themes(self) -> tuple[str, ...]:
        """Declared themes first, then any others in order of first use."""
        seen = dict.fromkeys(self.themes)
        for claim in self.claims:
            for theme in claim.themes:
                seen.setdefault(theme, None)
        return tuple(seen)
