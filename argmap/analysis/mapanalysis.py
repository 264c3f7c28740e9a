"""Everything about one map in one call, for the UI, the drills and the CLI."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from argmap.analysis.cruxes import Crux, thesis_cruxes
from argmap.analysis.prepared import prepare
from argmap.analysis.semantics import SEMANTICS, Framework, Label, labellings
from argmap.analysis.structure import Structure, analyse_structure
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


def analyse_map(m: Map) -> MapAnalysis:
    prepared = prepare(m)
    mf = prepared.framework
    claims = mf.claims
    extensions: dict[str, tuple[tuple[str, ...], ...]] = {}
    credulous: dict[str, set[str]] = {c: set() for c in claims}
    sceptical: dict[str, set[str]] = {c: set() for c in claims}
    for sem in SEMANTICS:
        labs = labellings(mf.framework, sem).labellings
        exts = sorted({tuple(sorted(c for c in claims if ls[mf.claim_index[c]] is Label.IN))
                       for ls in labs})
        extensions[sem] = tuple(exts)
        for c in claims:
            i = mf.claim_index[c]
            if any(ls[i] is Label.IN for ls in labs):
                credulous[c].add(sem)
            if all(ls[i] is Label.IN for ls in labs):
                sceptical[c].add(sem)
    acceptance = {c: Acceptance(frozenset(credulous[c]), frozenset(sceptical[c])) for c in claims}
    return MapAnalysis(
        structure=analyse_structure(m),
        grounded=MappingProxyType(dict(prepared.grounded)),
        extensions=MappingProxyType(extensions),
        acceptance=MappingProxyType(acceptance),
        strength=MappingProxyType(dict(prepared.strength.strength)),
        strength_converged=prepared.strength.converged,
        cruxes=MappingProxyType({t: thesis_cruxes(prepared, t) for t in m.theses
                                 if t in mf.claim_index}),
        framework=mf.framework,
    )
