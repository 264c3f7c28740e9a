"""What the explorer shows of a map and its analysis, as plain data (no Textual).

The tree's entries and badges, a claim's analysis facts, and `AnalysisView`,
read from what `analyse_map` and `what_if` return. It lives in the core so
that the analysis child process (`argmap_tui.analysis_process`) can build and pickle
these without importing Textual, which cost it 0.3-0.45 s of start-up. It
computes nothing about the debate itself. `argmap.analysis` (and networkx)
is imported only when `analyse` runs, so importing this module stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from argmap.model import Map
from argmap.sides import merged

ROLE_THESIS = "thesis"
ROLE_UNLINKED = "unlinked"


@dataclass(frozen=True, slots=True)
class TreeEntry:
    """What a tree node shows: a claim, and the relation that hangs it under its parent."""

    claim_id: str
    role: str
    relation_id: str | None = None
    linked: bool = False
    cycle: bool = False


@dataclass(frozen=True, slots=True)
class Badge:
    """The few analysis facts a tree line shows beside a claim."""

    label: str = ""
    strength: float | None = None
    mark: str = ""


@dataclass(frozen=True, slots=True)
class ClaimAnalysis:
    """The analysis facts about one claim, ready to show."""

    side: str = ""
    label: str = ""
    acceptance: str = ""
    strength: float | None = None
    crux: bool = False
    pivotal: bool = False
    mark: str = ""
    status: str = ""


MARK_ACCEPTED = "A"
MARK_REJECTED = "R"
PIVOTAL_MARKED = 10
"""How many of the most central claims the detail panel marks as pivotal."""

SHORT_LABELS = {"in": "IN", "out": "OUT", "undec": "UND"}


@dataclass(frozen=True)
class AnalysisView:
    """Per-claim facts, the lists behind the views, and each claim's side."""

    claims: Mapping[str, ClaimAnalysis] = field(default_factory=dict)
    views: Mapping[str, Sequence[tuple[str, str]]] = field(default_factory=dict)
    sides: Mapping[str, str] = field(default_factory=dict)
    available: bool = True
    what_if: bool = False

    def claim(
        self, claim_id: str, accepted: Collection[str] = (), rejected: Collection[str] = ()
    ) -> ClaimAnalysis | None:
        found = self.claims.get(claim_id)
        mark = _mark(claim_id, accepted, rejected)
        if not self.available:
            return ClaimAnalysis(mark=mark, status="unavailable")
        if found is None:
            return ClaimAnalysis(mark=mark) if mark else None
        return replace(found, mark=mark) if mark else found

    def badges(self, accepted: Collection[str] = (), rejected: Collection[str] = ()) -> Badges:
        return Badges(self.claims, frozenset(accepted), frozenset(rejected))

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle the claims' facts as tuples of shared strings (see `ClaimRows`)."""
        strings: dict[str, str] = {}

        def shared(value: object) -> object:
            return strings.setdefault(value, value) if isinstance(value, str) else value

        rows = {
            claim_id: tuple(shared(getattr(facts, name)) for name in CLAIM_FIELDS)
            for claim_id, facts in self.claims.items()
        }
        sides = {claim_id: strings.setdefault(side, side) for claim_id, side in self.sides.items()}
        return (_unpickle_view, (rows, dict(self.views), sides, self.available, self.what_if))


CLAIM_FIELDS = tuple(f.name for f in fields(ClaimAnalysis))


class ClaimRows(Mapping[str, ClaimAnalysis]):
    """Claims' facts kept as plain tuples, each made a `ClaimAnalysis` when asked for.

    The analysis comes back from its process pickled. As 10,000 dataclass
    objects it took 35-60 ms to unpickle, in a thread that holds the interpreter
    lock meanwhile, so a keypress at that moment waited; as tuples whose
    repeated strings are pickled once, about 6 ms.
    """

    def __init__(self, rows: Mapping[str, tuple[Any, ...]]) -> None:
        self.rows = rows

    def __getitem__(self, claim_id: str) -> ClaimAnalysis:
        return ClaimAnalysis(*self.rows[claim_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def _unpickle_view(
    rows: Mapping[str, tuple[Any, ...]],
    views: Mapping[str, Sequence[tuple[str, str]]],
    sides: Mapping[str, str],
    available: bool,
    what_if: bool,
) -> AnalysisView:
    return AnalysisView(
        claims=ClaimRows(rows), views=views, sides=sides, available=available, what_if=what_if
    )


class Badges(Mapping[str, Badge]):
    """Each claim's tree badge, made when the tree asks for it.

    The tree only ever shows the few hundred nodes a reader has opened; making
    10,000 badges up front cost 12 ms each time the analysis arrived.
    """

    def __init__(
        self,
        claims: Mapping[str, ClaimAnalysis],
        accepted: frozenset[str],
        rejected: frozenset[str],
    ) -> None:
        self._claims = claims
        self._accepted = accepted
        self._rejected = rejected

    def __getitem__(self, claim_id: str) -> Badge:
        mark = _mark(claim_id, self._accepted, self._rejected)
        found = self._claims.get(claim_id)
        if found is None:
            if not mark:
                raise KeyError(claim_id)
            return Badge(mark=mark)
        return Badge(SHORT_LABELS.get(found.label, found.label.upper()[:3]), found.strength, mark)

    def __iter__(self) -> Iterator[str]:
        yield from self._claims
        yield from (c for c in sorted(self._accepted | self._rejected) if c not in self._claims)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _mark(claim_id: str, accepted: Collection[str], rejected: Collection[str]) -> str:
    if claim_id in rejected:
        return MARK_REJECTED
    if claim_id in accepted:
        return MARK_ACCEPTED
    return ""


def flaw_view(the_map: Map) -> list[tuple[str, str]]:
    return [(c.id, f"[{c.flaw}]") for c in the_map.claims if c.flaw]


def unavailable(the_map: Map) -> AnalysisView:
    """What is shown when the analysis cannot run: the flaws, read from the map."""
    return AnalysisView(views={"flaws": flaw_view(the_map)}, available=False)


def _acceptance_text(acceptance: Any) -> str:
    if acceptance is None:
        return ""
    sceptical = sorted(acceptance.sceptical)
    credulous = sorted(set(acceptance.credulous) - set(acceptance.sceptical))
    parts = []
    if sceptical:
        parts.append("sceptically under " + ", ".join(sceptical))
    if credulous:
        parts.append("credulously under " + ", ".join(credulous))
    return "; ".join(parts) if parts else "not accepted under any semantics"


def from_analysis(the_map: Map, analysis: Any) -> AnalysisView:
    """Read a `MapAnalysis` into the view the explorer shows."""
    structure = analysis.structure
    side_parts: dict[str, list[str]] = {}
    several = len(structure.theses) > 1
    for thesis_id, thesis in structure.theses.items():
        for claim_id, side in thesis.sides.items():
            side_parts.setdefault(claim_id, []).append(
                f"{side} (of {thesis_id})" if several else str(side)
            )
    crux_reasons: dict[str, str] = {}
    crux_entries: list[tuple[str, str]] = []
    for thesis_id, cruxes in analysis.cruxes.items():
        for crux in cruxes:
            if crux.flips_grounded:
                reason = "[flips grounded]"
            elif crux.flips_preferred:
                reason = "[flips preferred]"
            else:
                reason = f"[Δ{crux.strength_delta:+.2f}]"
            if several:
                reason = f"{reason[:-1]} of {thesis_id}]"
            crux_reasons.setdefault(crux.claim, reason)
            crux_entries.append((crux.claim, reason))
    pivotal_top = {cid for cid, _ in structure.pivotal[:PIVOTAL_MARKED]}
    claims = {}
    for claim in the_map.claims:
        cid = claim.id
        label = analysis.grounded.get(cid)
        claims[cid] = ClaimAnalysis(
            side="; ".join(side_parts.get(cid, ["not connected to a thesis"])),
            label=str(label) if label is not None else "",
            acceptance=_acceptance_text(analysis.acceptance.get(cid)),
            strength=analysis.strength.get(cid),
            crux=cid in crux_reasons,
            pivotal=cid in pivotal_top,
        )
    views = {
        "unanswered": [(cid, "") for cid in structure.unanswered],
        "cruxes": crux_entries,
        "pivotal": [(cid, f"[{score:.2f}]") for cid, score in structure.pivotal],
        "flaws": flaw_view(the_map),
    }
    # One side per claim for the filter, by the rule of argmap.sides (theses must agree).
    overall = {c: str(s) for c, s in merged(t.sides for t in structure.theses.values()).items()}
    return AnalysisView(claims=claims, views=views, sides=overall)


def with_what_if(base: AnalysisView, result: Any) -> AnalysisView:
    """The base view with grounded labels and strengths from a `WhatIfResult`."""
    claims = {
        cid: replace(
            facts,
            label=str(result.grounded.get(cid, facts.label)),
            strength=result.strength.get(cid, facts.strength),
            acceptance="(not computed under what-if)",
        )
        for cid, facts in base.claims.items()
    }
    return replace(base, claims=claims, what_if=True)


def analyse(
    the_map: Map,
    accepted: Collection[str] = (),
    rejected: Collection[str] = (),
    base: AnalysisView | None = None,
) -> tuple[AnalysisView, AnalysisView]:
    """(base view, view shown): the analysis, and the what-if world if claims are marked.

    `base` is reused when given, so a what-if costs one `what_if` call.
    """
    from argmap.analysis import analyse_map, what_if

    if base is None or not base.available:
        base = from_analysis(the_map, analyse_map(the_map))
    if not accepted and not rejected:
        return base, base
    return base, with_what_if(base, what_if(the_map, accepted=accepted, rejected=rejected))


Analyser = Callable[
    [Map, Collection[str], Collection[str], AnalysisView | None], tuple[AnalysisView, AnalysisView]
]
