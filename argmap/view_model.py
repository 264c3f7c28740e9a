"""What the explorer shows of a map and its analysis, as plain data (no Textual).

The tree's entries and badges, a claim's analysis facts, and `AnalysisView`,
read from what `analyse_map` and `what_if` return. It lives in the core so
that the analysis child process (`argmap_tui.analysis_process`) can build and pickle
these without importing Textual, which cost it 0.3-0.45 s of start-up. It
computes nothing about the debate itself. The analysis engine (and networkx)
is imported only when `analyse` runs, so importing this module stays cheap:
at import it reads only the wording of `argmap.analysis.explain`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

# A grounded label in the words the explorer shows it in (the why line's own words): the
# tree's badges, the claim panel and the legend all take them from here. `explain` loads
# alone, without the analysis engine (the package imports its modules on use).
from argmap.analysis.explain import VERDICTS as VERDICTS
from argmap.model import Map
from argmap.sides import merged

if TYPE_CHECKING:
    from argmap.analysis.cruxes import Crux
    from argmap.analysis.whatif import WhatIfChange

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

    label: str = ""  # the verdict in words (`VERDICTS`): stands, falls or open
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
    # Added for the explorer's plain words (issue 18); kept last so older rows still read.
    acceptance_words: str = ""
    why: tuple[tuple[str, ...], ...] = ()
    contribution: float | None = None
    share: float | None = None
    contribution_to: str = ""


VERDICT_WIDTH = max(len(word) for word in VERDICTS.values())
"""The widest verdict, so the tree can pad each badge's word and line up the strengths."""

MARK_ACCEPTED = "A"
MARK_REJECTED = "R"
PIVOTAL_MARKED = 10
"""How many of the claims a thesis's strength hangs on most the detail panel marks pivotal."""
PIVOTAL_SHARE = 0.2
"""...and the least share they need: on a small map the tenth claim may barely matter."""


@dataclass(frozen=True)
class AnalysisView:
    """Per-claim facts, the lists behind the views, and each claim's side."""

    claims: Mapping[str, ClaimAnalysis] = field(default_factory=dict)
    views: Mapping[str, Sequence[tuple[str, str]]] = field(default_factory=dict)
    sides: Mapping[str, str] = field(default_factory=dict)
    available: bool = True
    what_if: bool = False
    theses: tuple[str, ...] = ()
    # claims whose label or strength differs from the map as written (what-if views)
    differs: frozenset[str] = frozenset()
    # each thesis's cruxes as the analysis ranked them, of the map as written (what-if
    # views too): the crux drill reads them, so explorer and drills share one search
    cruxes: Mapping[str, Sequence[Crux]] = field(default_factory=dict)

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
            claim_id: tuple(shared(_packed(name, getattr(facts, name))) for name in CLAIM_FIELDS)
            for claim_id, facts in self.claims.items()
        }
        sides = {claim_id: strings.setdefault(side, side) for claim_id, side in self.sides.items()}
        return (
            _unpickle_view,
            (
                rows,
                dict(self.views),
                sides,
                self.available,
                self.what_if,
                self.theses,
                self.differs,
                {t: tuple(_crux_row(c) for c in found) for t, found in self.cruxes.items()},
            ),
        )


CLAIM_FIELDS = tuple(f.name for f in fields(ClaimAnalysis))
WHY = CLAIM_FIELDS.index("why")
FIELD_MARK, REASON_MARK = "\x1f", "\x1e"


def _packed(name: str, value: object) -> object:
    """A claim's reasons as one string, so a row pickles (and reads back) as fast as before.

    As nested tuples, the reasons of 10,000 claims added 7 ms to unpickling
    the view (9 -> 16 ms); as strings, most of them repeated, far less. Ids
    holding a separator (never in a YAML map) stay tuples.
    """
    if name != "why" or not value:
        return value
    reasons: tuple[tuple[str, ...], ...] = value  # type: ignore[assignment]
    if any(FIELD_MARK in part or REASON_MARK in part for r in reasons for part in r):
        return value
    return REASON_MARK.join(FIELD_MARK.join(r) for r in reasons)


def _unpacked(row: tuple[Any, ...]) -> tuple[Any, ...]:
    why = row[WHY]
    if not isinstance(why, str):
        return row
    reasons = tuple(tuple(r.split(FIELD_MARK)) for r in why.split(REASON_MARK))
    return (*row[:WHY], reasons, *row[WHY + 1 :])


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
        return ClaimAnalysis(*_unpacked(self.rows[claim_id]))

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
    theses: tuple[str, ...] = (),
    differs: frozenset[str] = frozenset(),
    cruxes: Mapping[str, tuple[CruxRow, ...]] | None = None,
) -> AnalysisView:
    return AnalysisView(
        claims=ClaimRows(rows),
        views=views,
        sides=sides,
        available=available,
        what_if=what_if,
        theses=theses,
        differs=differs,
        cruxes=CruxRows(cruxes or {}),
    )


CruxRow = tuple[str, bool, bool, float]


def _crux_row(crux: Crux) -> CruxRow:
    return (crux.claim, crux.flips_grounded, crux.flips_preferred, crux.strength_delta)


class CruxRows(Mapping[str, tuple["Crux", ...]]):
    """Each thesis's cruxes kept as tuples, made `Crux` objects when a thesis is asked for,
    so the explorer, which only lists them, never imports the analysis engine to
    unpickle them; the crux drill, which reads them, pays for that."""

    def __init__(self, rows: Mapping[str, tuple[CruxRow, ...]]) -> None:
        self.rows = rows

    def __getitem__(self, thesis: str) -> tuple[Crux, ...]:
        from argmap.analysis.cruxes import Crux

        return tuple(Crux(*row) for row in self.rows[thesis])

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


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
        return Badge(VERDICTS.get(found.label, found.label), found.strength, mark)

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


def _acceptance_words(acceptance: Any, capped: Collection[str]) -> str:
    from argmap.analysis.explain import acceptance_words

    if acceptance is None:
        return ""
    return acceptance_words(acceptance.credulous, acceptance.sceptical, capped)


def _pivotal_label(share: float, contribution: float, thesis: str, several: bool) -> str:
    """ "[0.48 ↑]": its share in the thesis's strength, and whether it raises or lowers it."""
    arrow = "↑" if contribution > 0 else "↓"
    return f"[{share:.2f} {arrow} {thesis}]" if several else f"[{share:.2f} {arrow}]"


def from_analysis(
    the_map: Map, analysis: Any, reasons: Mapping[str, tuple[tuple[str, ...], ...]] | None = None
) -> AnalysisView:
    """Read a `MapAnalysis` into the view the explorer shows.

    `reasons` are the claims' "why" (`argmap.analysis.explain.explain_claims`).
    """
    from argmap.analysis.pivotal import rank_pivotal

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
    pivotal = rank_pivotal(analysis.strength_effects)
    pivotal_top = {p.claim for p in pivotal[:PIVOTAL_MARKED] if p.share >= PIVOTAL_SHARE}
    contributions = {p.claim: p for p in pivotal}
    capped = analysis.extensions_capped
    reasons = reasons or {}
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
            acceptance_words=_acceptance_words(analysis.acceptance.get(cid), capped),
            why=reasons.get(cid, ()),
            contribution=contributions[cid].contribution if cid in contributions else None,
            share=contributions[cid].share if cid in contributions else None,
            # the thesis is named only when there are several
            contribution_to=contributions[cid].thesis if several and cid in contributions else "",
        )
    views = {
        "unanswered": [(cid, "") for cid in structure.unanswered],
        "cruxes": crux_entries,
        "pivotal": [
            (p.claim, _pivotal_label(p.share, p.contribution, p.thesis, several)) for p in pivotal
        ],
        "flaws": flaw_view(the_map),
    }
    # One side per claim for the filter, by the rule of argmap.sides (theses must agree).
    overall = {c: str(s) for c, s in merged(t.sides for t in structure.theses.values()).items()}
    theses = tuple(t for t in the_map.theses if t in structure.theses)
    return AnalysisView(
        claims=claims, views=views, sides=overall, theses=theses, cruxes=_cruxes(analysis.cruxes)
    )


def _cruxes(found: Mapping[str, Sequence[Any]]) -> dict[str, tuple[Crux, ...]]:
    """The analysis's cruxes as `Crux` values (as they will read back from a pickle)."""
    from argmap.analysis.cruxes import Crux

    return {t: tuple(Crux(*_crux_row(c)) for c in cruxes) for t, cruxes in found.items()}


WHAT_IF_ACCEPTANCE = "readings of the map not worked out under what-if marks"


def with_what_if(
    base: AnalysisView,
    result: Any,
    reasons: Mapping[str, tuple[tuple[str, ...], ...]] | None = None,
) -> AnalysisView:
    """The base view with grounded labels and strengths from a `WhatIfResult`.

    `reasons` are the claims' "why" under the what-if marks; without them a
    claim keeps none (the base's would contradict the labels shown).
    """
    reasons = reasons or {}
    claims = {
        cid: replace(
            facts,
            label=str(result.grounded.get(cid, facts.label)),
            strength=result.strength.get(cid, facts.strength),
            acceptance="(not computed under what-if)",
            acceptance_words=WHAT_IF_ACCEPTANCE,
            why=reasons.get(cid, ()),
        )
        for cid, facts in base.claims.items()
    }
    differs = frozenset(getattr(result, "changed_labels", {})) | frozenset(
        getattr(result, "changed_strength", {})
    )
    return replace(base, claims=claims, what_if=True, differs=differs)


def what_changed(before: AnalysisView, after: AnalysisView) -> WhatIfChange:
    """What a what-if move changed between two views of the same map (a `WhatIfChange`).

    Only claims that differ from the map as written in either view can
    differ between them, so this costs those claims, not the map's size.
    """
    from argmap.analysis.whatif import compare

    def facts(view: AnalysisView, ids: Collection[str]) -> dict[str, tuple[str, float | None]]:
        found = {}
        for cid in ids:
            claim = view.claims.get(cid)
            if claim is not None:
                found[cid] = (claim.label, claim.strength)
        return found

    candidates = before.differs | after.differs
    ordered = [c for c in after.claims if c in candidates] if candidates else []
    wanted = [*ordered, *after.theses]
    return compare(ordered, facts(before, wanted), facts(after, wanted), after.theses)


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
    from argmap.analysis.explain import explain_claims
    from argmap.analysis.prepared import prepare

    if base is None or not base.available:
        analysis = analyse_map(the_map)
        base = from_analysis(the_map, analysis, explain_claims(the_map, prepare(the_map).framework))
    if not accepted and not rejected:
        return base, base
    result = what_if(the_map, accepted=accepted, rejected=rejected)
    reasons = explain_claims(
        the_map, prepare(the_map).framework, accepted, rejected, result.framework_labels
    )
    return base, with_what_if(base, result, reasons)


Analyser = Callable[
    [Map, Collection[str], Collection[str], AnalysisView | None], tuple[AnalysisView, AnalysisView]
]
