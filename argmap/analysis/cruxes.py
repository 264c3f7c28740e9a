"""The claims a thesis hangs on: whose rejection flips it, whose removal moves it.

For each claim upstream of a thesis (only those can change its status:
Dung's grounded and preferred semantics are directional), reject it (attack
it by an unattacked argument) and see whether the thesis's grounded label or
its preferred acceptance (credulous, sceptical) changes; remove it (with the
relations it is a premise of) and see how far the thesis's DF-QuAD strength
moves. Ranked: grounded flips, then preferred flips, then by how far the
strength moves; claims that flip nothing and move the strength by less than
`MIN_STRENGTH_DELTA` are left out. Both questions are answered locally (only
the part of the graph between the claim and the thesis is recomputed), so a
map of thousands of claims gets its cruxes in about a second, not minutes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from argmap.analysis.prepared import PreparedMap
from argmap.analysis.semantics import (
    IN,
    OUT,
    UNDEC,
    Framework,
    Label,
    ancestors,
    credulous,
    grounded,
    sceptical,
)
from argmap.limits import CRUX_WORK, Budget

# A claim whose removal moves the thesis's strength by less than this is not
# reported for that alone: on a large map nearly every claim moves the
# thesis by some tiny amount, and a list of 140 "cruxes" tells a debater
# nothing. Status flips are always reported.
MIN_STRENGTH_DELTA = 0.005


@dataclass(frozen=True)
class Crux:
    claim: str
    flips_grounded: bool
    flips_preferred: bool
    strength_delta: float


@dataclass(frozen=True)
class CruxSearch:
    """The cruxes found, and how many candidate claims were examined.

    `checked < candidates` when the work limit (`argmap.limits.CRUX_WORK`)
    ran out: the claims nearest the thesis were examined first, and the
    output says the list is partial.
    """

    cruxes: tuple[Crux, ...]
    checked: int
    candidates: int
    # claim -> how far removing it moves the thesis's strength (every claim done in time)
    strength_effects: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def bounded(self) -> bool:
        return self.checked < self.candidates


def thesis_cruxes(prepared: PreparedMap, thesis: str) -> tuple[Crux, ...]:
    return search_cruxes(prepared, thesis).cruxes


def search_cruxes(prepared: PreparedMap, thesis: str, work: int | None = None) -> CruxSearch:
    """The cruxes of `thesis`, within `work` steps (default: `CRUX_WORK`).

    Half the work is for the strength effects, the rest (and what they
    leave) for the status flips. Claims are taken nearest the thesis first.
    """
    mf = prepared.framework
    fw = mf.framework
    t = mf.claim_index[thesis]
    base = grounded(fw)
    order = ancestors(fw.attackers, t)  # breadth first: nearest the thesis first
    upstream = set(order)
    total = CRUX_WORK.value if work is None else work
    strength_budget = Budget(total // 2)
    # When nothing upstream is undecided, the thesis has one complete
    # labelling there, so its preferred status is its grounded label.
    settled = all(base[x] is not UNDEC for x in upstream)
    base_pref = (
        (base[t] is IN,) * 2
        if settled
        else (credulous(fw, t, "preferred"), sceptical(fw, t, "preferred"))
    )
    deltas = prepared.strength_model.removal_effects(thesis, strength_budget)
    budget = Budget(total - total // 2 + max(strength_budget.left, 0))
    claim_of = {mf.claim_index[c]: c for c in mf.claims}
    candidates = [claim_of[i] for i in order if i in claim_of and i != t]
    listed = set(candidates)
    candidates += [c for c in deltas if c not in listed and c != thesis]
    found: list[Crux] = []
    checked = 0
    for claim in candidates:
        if budget.spent_out or (strength_budget.spent_out and claim not in deltas):
            break
        checked += 1
        flips_g = flips_p = False
        i = mf.claim_index[claim]
        if i in upstream and base[i] is not OUT:
            changed = _grounded_after_rejecting(fw, base, upstream, i)
            budget.spend(len(changed))
            label = changed.get(t, base[t])
            flips_g = label is not base[t]
            if settled and UNDEC not in changed.values():
                pref = (label is IN,) * 2
            else:
                assumed = mf.assuming(rejected=[claim])
                budget.spend(len(fw.names) + len(upstream))
                pref = (credulous(assumed, t, "preferred"), sceptical(assumed, t, "preferred"))
            flips_p = pref != base_pref
        delta = deltas.get(claim, 0.0)
        if flips_g or flips_p or abs(delta) >= MIN_STRENGTH_DELTA:
            found.append(Crux(claim, flips_g, flips_p, round(delta, 12)))
    found.sort(
        key=lambda c: (not c.flips_grounded, not c.flips_preferred, -abs(c.strength_delta), c.claim)
    )
    return CruxSearch(tuple(found), checked, len(candidates), MappingProxyType(deltas))


def _grounded_after_rejecting(
    fw: Framework, base: list[Label], within: set[int], rejected: int
) -> dict[int, Label]:
    """The grounded labels that change when `rejected` is made out.

    Only what `rejected` reaches inside `within` (the thesis's ancestors) can
    change; everything else keeps its label from `base`, so this costs the
    size of that region, not of the framework. An argument already out when
    rejected changes nothing, which callers skip.
    """
    region = {rejected}
    todo = [rejected]
    for x in todo:
        for y in fw.targets[x]:
            if y in within and y not in region:
                region.add(y)
                todo.append(y)
    labels = dict.fromkeys(region, UNDEC)
    labels[rejected] = OUT
    count: dict[int, int] = {}
    outs = [rejected]
    ins: list[int] = []
    for x in region:
        if x == rejected:
            continue
        n = 0
        for a in fw.attackers[x]:
            if a in region or base[a] is UNDEC:
                n += 1
            elif base[a] is IN:
                labels[x] = OUT
                outs.append(x)
                break
        else:
            count[x] = n
            if not n:
                labels[x] = IN
                ins.append(x)
    while outs or ins:
        while ins:
            for y in fw.targets[ins.pop()]:
                if y in labels and labels[y] is UNDEC:
                    labels[y] = OUT
                    outs.append(y)
        while outs:
            for y in fw.targets[outs.pop()]:
                if y in labels and labels[y] is UNDEC:
                    count[y] -= 1
                    if not count[y]:
                        labels[y] = IN
                        ins.append(y)
    return labels
