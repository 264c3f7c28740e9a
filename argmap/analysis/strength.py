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
from functools import cached_property

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
        sigma, _rho, converged, rounds = self._iterate(
            self.claims, self.relations, fixed, gone, {}, {})
        return StrengthResult(sigma, converged, rounds)

    def _iterate(self, claims: Iterable[str], relations: Iterable[str],
                 fixed: Mapping[str, float], gone: set[str],
                 sigma_outside: Mapping[str, float], rho_outside: Mapping[str, float],
                 ) -> tuple[dict[str, float], dict[str, float], bool, int]:
        """Iterate `claims` and `relations` together from the base scores.

        Values of nodes not iterated are read from `*_outside` (absent: gone),
        so the cruxes can re-settle just the part a removal reaches.
        """
        live = {r: self.premises[r] for r in relations
                if self.premises[r] and not gone.intersection(self.premises[r])}
        sigma = {c: fixed.get(c, self.base[c]) for c in claims if c not in gone}
        rho = dict.fromkeys(live, 0.0)

        def rho_of(r: str, rho: dict[str, float]) -> float | None:
            return rho[r] if r in rho else (None if r in live or r in relations_set
                                            else rho_outside.get(r))

        relations_set = set(relations)
        previous = sigma
        converged = False
        rounds = 0
        for rounds in range(1, MAX_ROUNDS + 1):  # noqa: B007 - rounds is reported
            new_rho = {}
            for r, ps in live.items():
                value = min(sigma[p] if p in sigma else sigma_outside[p] for p in ps)
                for u in self.undercuts[r]:
                    v = rho_of(u, rho)
                    if v is not None:
                        value *= 1.0 - v
                new_rho[r] = value
            new_sigma = {}
            for c in sigma:
                if c in fixed:
                    new_sigma[c] = fixed[c]
                    continue
                keep_a = keep_s = 1.0
                for r in self.attacks[c]:
                    v = rho_of(r, rho)
                    if v is not None:
                        keep_a *= 1.0 - v
                for r in self.supports[c]:
                    v = rho_of(r, rho)
                    if v is not None:
                        keep_s *= 1.0 - v
                new_sigma[c] = combine(self.base[c], 1.0 - keep_a, 1.0 - keep_s)
            moved = max((abs(new_sigma[c] - sigma[c]) for c in sigma), default=0.0)
            moved = max(moved, max((abs(new_rho[r] - rho[r]) for r in rho), default=0.0))
            previous, sigma, rho = sigma, new_sigma, new_rho
            if moved <= TOLERANCE:
                converged = True
                break
        if not converged:
            sigma = {c: (sigma[c] + previous[c]) / 2.0 for c in sigma}
        return sigma, rho, converged, rounds

    def _one_pass(self, fixed: Mapping[str, float], gone: set[str]) -> StrengthResult:
        """The exact values on an acyclic map: each node once, after its inputs."""
        assert self.order is not None
        sigma: dict[str, float] = {}
        rho: dict[str, float] = {}
        self._compute(self.order, fixed, gone, sigma, rho, {}, {})
        return StrengthResult(sigma, True, 1)

    def _compute(self, nodes: Iterable[tuple[bool, str]], fixed: Mapping[str, float],
                 gone: set[str], sigma: dict[str, float], rho: dict[str, float],
                 sigma_before: Mapping[str, float], rho_before: Mapping[str, float]) -> None:
        """Compute `nodes` (in dependency order) into `sigma` / `rho`.

        A value not computed here is read from `*_before`, so a caller can
        recompute only what a change reaches. A missing value means the node
        is gone (a removed claim, or a relation that lost a premise).
        """
        def claim_value(c: str) -> float | None:
            return sigma[c] if c in sigma else sigma_before.get(c)

        def relation_value(r: str) -> float | None:
            return rho[r] if r in rho else (None if r in rho_gone else rho_before.get(r))

        rho_gone: set[str] = set()
        for is_claim, node in nodes:
            if is_claim:
                if node in gone:
                    continue
                if node in fixed:
                    sigma[node] = fixed[node]
                    continue
                keep_a = keep_s = 1.0
                for r in self.attacks[node]:
                    v = relation_value(r)
                    if v is not None:
                        keep_a *= 1.0 - v
                for r in self.supports[node]:
                    v = relation_value(r)
                    if v is not None:
                        keep_s *= 1.0 - v
                sigma[node] = combine(self.base[node], 1.0 - keep_a, 1.0 - keep_s)
            else:
                ps = self.premises[node]
                values = [claim_value(p) for p in ps] if not gone.intersection(ps) else []
                if not values or None in values:
                    rho_gone.add(node)
                    continue
                value = min(values)  # type: ignore[type-var]
                for u in self.undercuts[node]:
                    v = relation_value(u)
                    if v is not None:
                        value *= 1.0 - v
                rho[node] = value

    def removal_effects(self, target: str) -> dict[str, float]:
        """How far removing each claim moves `target`'s strength (cruxes).

        Only what lies between the removed claim and the target is
        recomputed (in one pass on an acyclic map, iterated from the base
        scores where there are cycles, with everything else at its settled
        value), so all claims together cost about the map's size times its
        depth rather than its size squared. When the strengths do not settle,
        the whole map is iterated for that claim.
        """
        if self.order is None:
            sigma_before, rho_before, converged, _ = self._iterate(
                self.claims, self.relations, {}, set(), {}, {})
        else:
            sigma_before, rho_before, converged = {}, {}, True
            self._compute(self.order, {}, set(), sigma_before, rho_before, {}, {})
        if target not in sigma_before:
            return {}
        inputs: dict[tuple[bool, str], list[tuple[bool, str]]] = {}
        for c in self.claims:
            inputs[(True, c)] = [(False, r) for r in (*self.attacks[c], *self.supports[c])]
        for r in self.relations:
            inputs[(False, r)] = ([(True, p) for p in self.premises[r]]
                                  + [(False, u) for u in self.undercuts[r]])
        upstream = {(True, target)}
        todo = [(True, target)]
        for node in todo:
            for dep in inputs[node]:
                if dep not in upstream:
                    upstream.add(dep)
                    todo.append(dep)
        outputs: dict[tuple[bool, str], list[tuple[bool, str]]] = {n: [] for n in upstream}
        for node in upstream:
            for dep in inputs[node]:
                outputs[dep].append(node)
        effects: dict[str, float] = {}
        for c in self.claims:
            if c == target or (True, c) not in upstream:
                continue
            reached = {(True, c)}
            todo = [(True, c)]
            for node in todo:
                for nxt in outputs[node]:
                    if nxt not in reached:
                        reached.add(nxt)
                        todo.append(nxt)
            effects[c] = self._strength_without(c, target, reached, converged,
                                                sigma_before, rho_before) - sigma_before[target]
        return effects

    def _strength_without(self, claim: str, target: str, reached: set[tuple[bool, str]],
                          converged: bool, sigma_before: dict[str, float],
                          rho_before: dict[str, float]) -> float:
        """`target`'s strength with `claim` removed, recomputing only `reached`."""
        if self.order is not None:
            position = self._position
            sigma: dict[str, float] = {}
            self._compute(sorted(reached, key=position.__getitem__), {}, {claim}, sigma, {},
                          sigma_before, rho_before)
            return sigma[target]
        if converged:
            sigma, _rho, settled, _ = self._iterate(
                [c for is_claim, c in reached if is_claim],
                [r for is_claim, r in reached if not is_claim],
                {}, {claim}, sigma_before, rho_before)
            if settled:
                return sigma[target]
        return self.evaluate(removed=[claim]).strength[target]

    @cached_property
    def _position(self) -> dict[tuple[bool, str], int]:
        assert self.order is not None
        return {node: k for k, node in enumerate(self.order)}


def dfquad(m: Map) -> StrengthResult:
    return StrengthModel(m).evaluate()
