"""The claims a thesis hangs on: whose rejection flips it, whose removal moves it.

For each claim upstream of a thesis (only those can change its status:
Dung's grounded and preferred semantics are directional), reject it (attack
it by an unattacked argument) and see whether the thesis's grounded label or
its preferred acceptance (credulous, sceptical) changes; remove it (with the
relations it is a premise of) and see how far the thesis's DF-QuAD strength
moves. Ranked: grounded flips, then preferred flips, then by how far the
strength moves; claims with no effect are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.prepared import PreparedMap
from argmap.analysis.semantics import credulous, grounded, sceptical

NO_EFFECT = 1e-9


@dataclass(frozen=True)
class Crux:
    claim: str
    flips_grounded: bool
    flips_preferred: bool
    strength_delta: float


def _upstream(prepared: PreparedMap, thesis: str) -> list[str]:
    fw = prepared.framework.framework
    start = prepared.framework.claim_index[thesis]
    seen = {start}
    todo = [start]
    for x in todo:
        for a in fw.attackers[x]:
            if a not in seen:
                seen.add(a)
                todo.append(a)
    claims = prepared.framework.claim_index
    upstream = {c for c, i in claims.items() if i in seen}
    # removal matters for strength even without attacks, through supports
    for rel in prepared.map.relations:
        upstream.update(rel.sources)
    return [c.id for c in prepared.map.claims if c.id in upstream and c.id != thesis]


def thesis_cruxes(prepared: PreparedMap, thesis: str) -> tuple[Crux, ...]:
    mf = prepared.framework
    t = mf.claim_index[thesis]
    base_fw = mf.framework
    base_label = grounded(base_fw)[t]
    base_pref = (credulous(base_fw, t, "preferred"), sceptical(base_fw, t, "preferred"))
    base_strength = prepared.strength.strength[thesis]
    attack_upstream = _attack_ancestors(prepared, t)
    found: list[Crux] = []
    for claim in _upstream(prepared, thesis):
        flips_g = flips_p = False
        if mf.claim_index[claim] in attack_upstream:
            fw = mf.assuming(rejected=[claim])
            flips_g = grounded(fw)[t] is not base_label
            flips_p = (credulous(fw, t, "preferred"), sceptical(fw, t, "preferred")) != base_pref
        after = prepared.strength_model.evaluate(removed=[claim]).strength.get(thesis,
                                                                               base_strength)
        delta = after - base_strength
        if flips_g or flips_p or abs(delta) > NO_EFFECT:
            found.append(Crux(claim, flips_g, flips_p, round(delta, 12)))
    found.sort(key=lambda c: (not c.flips_grounded, not c.flips_preferred,
                              -abs(c.strength_delta), c.claim))
    return tuple(found)


def _attack_ancestors(prepared: PreparedMap, t: int) -> set[int]:
    fw = prepared.framework.framework
    seen = {t}
    todo = [t]
    for x in todo:
        for a in fw.attackers[x]:
            if a not in seen:
                seen.add(a)
                todo.append(a)
    return seen
