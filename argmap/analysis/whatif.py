"""What follows if some claims are taken as settled: fast enough for a keypress.

Accepted claims lose every attack on them (so they are in under every
semantics) and their strength is pinned at 1; rejected claims are attacked by
an unattacked argument (out under every semantics) and pinned at 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from argmap.analysis.prepared import prepare
from argmap.analysis.semantics import Label, grounded
from argmap.model import Map

CHANGE = 1e-9


@dataclass(frozen=True)
class WhatIfResult:
    grounded: Mapping[str, Label]
    strength: Mapping[str, float]
    changed_labels: Mapping[str, tuple[Label, Label]]
    changed_strength: Mapping[str, tuple[float, float]]
    converged: bool


def what_if(m: Map, accepted: Iterable[str] = (), rejected: Iterable[str] = ()) -> WhatIfResult:
    accepted, rejected = list(dict.fromkeys(accepted)), list(dict.fromkeys(rejected))
    unknown = [c for c in (*accepted, *rejected) if c not in m.claims_by_id]
    if unknown:
        raise ValueError(f"no claim with id {unknown[0]!r} in map {m.id!r}")
    both = set(accepted) & set(rejected)
    if both:
        raise ValueError(f"claim {sorted(both)[0]!r} cannot be both accepted and rejected")
    prepared = prepare(m)
    mf = prepared.framework
    labels = mf.claim_labels(grounded(mf.assuming(accepted, rejected)))
    fixed = {c: 1.0 for c in accepted} | {c: 0.0 for c in rejected}
    result = prepared.strength_model.evaluate(fixed)
    before_l, before_s = prepared.grounded, prepared.strength.strength
    changed_labels = {c: (before_l[c], lab) for c, lab in labels.items() if lab is not before_l[c]}
    changed_strength = {
        c: (before_s[c], s) for c, s in result.strength.items() if abs(s - before_s[c]) > CHANGE
    }
    return WhatIfResult(
        MappingProxyType(labels),
        MappingProxyType(result.strength),
        MappingProxyType(changed_labels),
        MappingProxyType(changed_strength),
        result.converged,
    )
