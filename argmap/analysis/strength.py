"""Gradual strength by DF-QuAD (Rago, Toni, Aurisicchio and Baroni, 2016).

Each claim starts from its base score (0.5 when the map gives none). The
strength of a relation is the strength of its weakest premise (linked
premises are only as strong as the weakest), scaled down by every undercut
of it: times (1 - strength of the undercut). Attack strengths combine as
1 - prod(1 - s), and so do support strengths; then

    va >= vs:  strength = base - base * (va - vs)
    va <  vs:  strength = base + (1 - base) * (vs - va)

On an acyclic map each claim and relation is computed once, after its
inputs (exact). When the map has a cycle, all values are iterated together
from the base scores instead, until no value moves by more than 1e-9, at
most 1000 rounds. It need not converge (two claims of base 1 attacking each other
oscillate between 0 and 1): then the mean of the last two rounds is returned
and `converged` is False.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from argmap.analysis.semantics import strongly_connected
from argmap.model import Map, RelationType

TOLERANCE = 1e-9
MAX_ROUNDS = 1000


@dataclass(frozen=True)
class StrengthResult:
    strength: dict[str, float]
    converged: bool
    rounds: int


def combine(base: float, attack: float, support: float) -> float:
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


class StrengthModel:
    """A map compiled once for repeated DF-QuAD runs (what-if, cruxes)."""

    def __init__(self, m: Map) -> None:
        self.claims = [c.id for c in m.claims]
        self.base = {c.id: c.base_score for c in m.claims}
        self.relations = [r.id for r in m.relations]
        self.premises = {r.id: tuple(p for p in r.sources if p in self.base)
                         for r in m.relations}
        self.undercuts: dict[str, list[str]] = {r.id: [] for r in m.relations}
        self.attacks: dict[str, list[str]] = {c: [] for c in self.claims}
        self.supports: dict[str, list[str]] = {c: [] for c in self.claims}
        for r in m.relations:
            if r.type is RelationType.UNDERCUT:
                if r.target in self.undercuts:
                    self.undercuts[r.target].append(r.id)
            elif r.target in self.base:
                (self.attacks if r.type is RelationType.ATTACK
                 else self.supports)[r.target].append(r.id)

        self.order = self._acyclic_order()

    def _acyclic_order(self) -> list[tuple[bool, str]] | None:
        """(is_claim, id) with every node after what it depends on, or None on a cycle."""
        nodes = [(True, c) for c in self.claims] + [(False, r) for r in self.relations]
        succ: dict[tuple[bool, str], list[tuple[bool, str]]] = {n: [] for n in nodes}
        for r, ps in self.premises.items():
            for p in ps:
                succ[(True, p)].append((False, r))
            for u in self.undercuts[r]:
                succ[(False, u)].append((False, r))
        for c in self.claims:
            for r in (*self.attacks[c], *self.supports[c]):
                succ[(False, r)].append((True, c))
        comps = strongly_connected(nodes, succ)  # type: ignore[arg-type]
        if any(len(comp) > 1 or comp[0] in succ[comp[0]] for comp in comps):
            return None
        return [comp[0] for comp in comps]

    def evaluate(self, fixed: Mapping[str, float] | None = None,
                 removed: Iterable[str] = ()) -> StrengthResult:
        """Strengths with some claims pinned (`fixed`) or taken out (`removed`)."""
        fixed = fixed or {}
        gone = set(removed)
        if self.order is not None:
            return self._one_pass(fixed, gone)
        live = {r: ps for r, ps in self.premises.items()
                if ps and not gone.intersection(ps)}
        sigma = {c: fixed.get(c, self.base[c]) for c in self.claims if c not in gone}
        rho = dict.fromkeys(live, 0.0)
        previous = sigma
        converged = False
        rounds = 0
        for rounds in range(1, MAX_ROUNDS + 1):  # noqa: B007 - rounds is reported
            new_rho = {}
            for r, ps in live.items():
                value = min(sigma[p] for p in ps)
                for u in self.undercuts[r]:
                    if u in rho:
                        value *= 1.0 - rho[u]
                new_rho[r] = value
            new_sigma = {}
            for c in sigma:
                if c in fixed:
                    new_sigma[c] = fixed[c]
                    continue
                keep_a = keep_s = 1.0
                for r in self.attacks[c]:
                    if r in rho:
                        keep_a *= 1.0 - rho[r]
                for r in self.supports[c]:
                    if r in rho:
                        keep_s *= 1.0 - rho[r]
                new_sigma[c] = combine(self.base[c], 1.0 - keep_a, 1.0 - keep_s)
            moved = max((abs(new_sigma[c] - sigma[c]) for c in sigma), default=0.0)
            moved = max(moved, max((abs(new_rho[r] - rho[r]) for r in rho), default=0.0))
            previous, sigma, rho = sigma, new_sigma, new_rho
            if moved <= TOLERANCE:
                converged = True
                break
        if not converged:
            sigma = {c: (sigma[c] + previous[c]) / 2.0 for c in sigma}
        return StrengthResult(sigma, converged, rounds)


    def _one_pass(self, fixed: Mapping[str, float], gone: set[str]) -> StrengthResult:
        """The exact values on an acyclic map: each node once, after its inputs."""
        sigma: dict[str, float] = {}
        rho: dict[str, float] = {}
        assert self.order is not None
        for is_claim, node in self.order:
            if is_claim:
                if node in gone:
                    continue
                if node in fixed:
                    sigma[node] = fixed[node]
                    continue
                keep_a = keep_s = 1.0
                for r in self.attacks[node]:
                    if r in rho:
                        keep_a *= 1.0 - rho[r]
                for r in self.supports[node]:
                    if r in rho:
                        keep_s *= 1.0 - rho[r]
                sigma[node] = combine(self.base[node], 1.0 - keep_a, 1.0 - keep_s)
            else:
                ps = self.premises[node]
                if not ps or gone.intersection(ps):
                    continue
                value = min(sigma[p] for p in ps)
                for u in self.undercuts[node]:
                    if u in rho:
                        value *= 1.0 - rho[u]
                rho[node] = value
        return StrengthResult(sigma, True, 1)


def dfquad(m: Map) -> StrengthResult:
    return StrengthModel(m).evaluate()
