"""Everything about one map in one call, for the UI, the drills and the CLI."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from argmap.analysis.cruxes import Crux, search_cruxes
from argmap.analysis.prepared import prepare
from argmap.analysis.semantics import SEMANTICS, Framework, Label, labellings
from argmap.analysis.structure import Structure, analyse_structure
from argmap.limits import DEFAULT_MAX_EXTENSIONS
from argmap.model import Map


@dataclass(frozen=True)
class Acceptance:
    credulous: frozenset[str]
    sceptical: frozenset[str]


@dataclass(frozen=True)
class MapAnalysis:
    structure: Structure
    grounded: Mapping[str, Label]
    extensions: Mapping[str, tuple[tuple[str, ...], ...]]
    acceptance: Mapping[str, Acceptance]
    strength: Mapping[str, float]
    strength_converged: bool
    cruxes: Mapping[str, tuple[Crux, ...]]
    framework: Framework
    # thesis -> (claims examined, candidates) where the crux work limit cut the search short
    cruxes_bounded: Mapping[str, tuple[int, int]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    # semantics whose extensions were cut at `DEFAULT_MAX_EXTENSIONS` (acceptance left undecided)
    extensions_capped: frozenset[str] = frozenset()
    # thesis -> claim -> how far removing the claim moves the thesis's strength (pivotal claims)
    strength_effects: Mapping[str, Mapping[str, float]] = field(
        default_factory=lambda: MappingProxyType({})
    )


def analyse_map(m: Map) -> MapAnalysis:
    prepared = prepare(m)
    mf = prepared.framework
    claims = mf.claims
    extensions: dict[str, tuple[tuple[str, ...], ...]] = {}
    credulous: dict[str, set[str]] = {c: set() for c in claims}
    sceptical: dict[str, set[str]] = {c: set() for c in claims}
    capped: set[str] = set()
    for sem in SEMANTICS:
        found = labellings(mf.framework, sem, DEFAULT_MAX_EXTENSIONS)
        labs = found.labellings
        if found.capped:  # a partial list decides no acceptance
            capped.add(sem)
        exts = sorted(
            {tuple(sorted(c for c in claims if ls[mf.claim_index[c]] is Label.IN)) for ls in labs}
        )
        extensions[sem] = tuple(exts)
        for c in claims if not found.capped else ():
            i = mf.claim_index[c]
            if any(ls[i] is Label.IN for ls in labs):
                credulous[c].add(sem)
            if all(ls[i] is Label.IN for ls in labs):
                sceptical[c].add(sem)
    acceptance = {c: Acceptance(frozenset(credulous[c]), frozenset(sceptical[c])) for c in claims}
    searches = {t: search_cruxes(prepared, t) for t in m.theses if t in mf.claim_index}
    return MapAnalysis(
        structure=analyse_structure(m),
        grounded=MappingProxyType(dict(prepared.grounded)),
        extensions=MappingProxyType(extensions),
        acceptance=MappingProxyType(acceptance),
        strength=MappingProxyType(dict(prepared.strength.strength)),
        strength_converged=prepared.strength.converged,
        cruxes=MappingProxyType({t: s.cruxes for t, s in searches.items()}),
        framework=mf.framework,
        cruxes_bounded=MappingProxyType(
            {t: (s.checked, s.candidates) for t, s in searches.items() if s.bounded}
        ),
        extensions_capped=frozenset(capped),
        strength_effects=MappingProxyType({t: s.strength_effects for t, s in searches.items()}),
    )
