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
    # every node of the framework with the assumptions (claims, relations, `reject:` nodes)
    framework_labels: tuple[Label, ...] = ()


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
    every = grounded(mf.assuming(accepted, rejected))
    labels = mf.claim_labels(every)
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
        tuple(every),
    )


@dataclass(frozen=True)
class WhatIfChange:
    """What one what-if move changed: claims that now stand, fall or are open, and the theses.

    `moved` are claims whose label stayed but whose strength, as shown (two
    decimals), changed; `theses` is (thesis, strength before, strength after).
    """

    stand: tuple[str, ...]
    fall: tuple[str, ...]
    open: tuple[str, ...]
    moved: tuple[str, ...]
    theses: tuple[tuple[str, float | None, float | None], ...]

    @property
    def changed(self) -> frozenset[str]:
        """Every claim whose line in the tree reads differently now."""
        return frozenset((*self.stand, *self.fall, *self.open, *self.moved))


def compare(
    claims: Iterable[str],
    before: Mapping[str, tuple[str, float | None]],
    after: Mapping[str, tuple[str, float | None]],
    theses: Iterable[str],
) -> WhatIfChange:
    """Compare (grounded label, strength) of `claims` (in order) before and after a move.

    Labels are "in", "out", "undec" (or "" when unknown). Only the claims
    named are compared, so a caller that knows which claims can have changed
    (those that differ from the map as written in either world) pays for those.
    """
    stand: list[str] = []
    fall: list[str] = []
    undecided: list[str] = []
    moved: list[str] = []
    for claim in claims:
        old, new = before.get(claim, ("", None)), after.get(claim, ("", None))
        if new[0] != old[0]:
            {"in": stand, "out": fall, "undec": undecided}.get(new[0], moved).append(claim)
        elif _shown(old[1]) != _shown(new[1]):
            moved.append(claim)
    points = tuple((t, before.get(t, ("", None))[1], after.get(t, ("", None))[1]) for t in theses)
    return WhatIfChange(tuple(stand), tuple(fall), tuple(undecided), tuple(moved), points)


def _shown(strength: float | None) -> str:
    return "" if strength is None else f"{strength:.2f}"


def describe_change(change: WhatIfChange) -> str:
    """In one line ("3 claims now stand, 2 now fall; the thesis's strength 0.49 → 0.61")."""
    verbs = (
        (len(change.stand), "now stands", "now stand"),
        (len(change.fall), "now falls", "now fall"),
        (len(change.open), "is now open", "are now open"),
    )
    parts: list[str] = []
    for n, one, many in verbs:
        if n:
            noun = ("claim " if n == 1 else "claims ") if not parts else ""
            parts.append(f"{n} {noun}{one if n == 1 else many}")
    words = ", ".join(parts) if parts else "Nothing now stands or falls differently"
    several = len(change.theses) > 1
    strengths = []
    for thesis, old, new in change.theses:
        if old is None or new is None:
            continue
        name = f"thesis {thesis}" if several else "the thesis's strength"
        if _shown(old) == _shown(new):
            strengths.append(f"{name} stays {old:.2f}")
        else:
            strengths.append(f"{name} {old:.2f} → {new:.2f}")
    return words + ("; " + ", ".join(strengths) if strengths else "") + "."
