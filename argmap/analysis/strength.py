"""Gradual strength by DF-QuAD (Rago, Toni, Aurisicchio and Baroni, 2016).

Each claim starts from its base score (0.5 when the map gives none). The
strength of a relation is the strength of its weakest premise (linked
premises are only as strong as the weakest), scaled down by every undercut
of it: times (1 - strength of the undercut). Attack strengths combine as
1 - prod(1 - s), and so do support strengths; then

    va >= vs:  strength = base - base * (va - vs)
    va <  vs:  strength = base + (1 - base) * (vs - va)

Each claim and relation outside a cycle is computed once, after its inputs
(exact). The values on a cycle (a strongly connected block of claims and
relations) are iterated together from the base scores, once everything the
block depends on is settled, until no value moves by more than 1e-9, at most
1000 rounds. A block need not converge (two claims of base 1 attacking each
other oscillate between 0 and 1): then the mean of its last two rounds is
used and `converged` is False.
"""

from __future__ import annotations

import heapq
from collections import ChainMap
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from functools import cached_property
from typing import cast

from argmap.analysis.semantics import strongly_connected
from argmap.limits import Budget
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


Node = tuple[bool, str]  # (is_claim, id)


class StrengthModel:
    """A map compiled once for repeated DF-QuAD runs (what-if, cruxes).

    The claims and relations are split into blocks (strongly connected
    components of "this value depends on that one") in dependency order. A
    block of one node is computed once; a cyclic block is iterated from the
    base scores with everything before it already settled, so a map with a
    few cycles costs little more than an acyclic one. Relation values are
    kept as `None` when the relation is gone (a premise removed), so that a
    partial recomputation can tell "gone" from "not recomputed".
    """

    def __init__(self, m: Map) -> None:
        self.claims = [c.id for c in m.claims]
        self.base = {c.id: c.base_score for c in m.claims}
        self.relations = [r.id for r in m.relations]
        self.premises = {r.id: tuple(p for p in r.sources if p in self.base) for r in m.relations}
        self.undercuts: dict[str, list[str]] = {r.id: [] for r in m.relations}
        self.attacks: dict[str, list[str]] = {c: [] for c in self.claims}
        self.supports: dict[str, list[str]] = {c: [] for c in self.claims}
        for r in m.relations:
            if r.type is RelationType.UNDERCUT:
                if r.target in self.undercuts:
                    self.undercuts[r.target].append(r.id)
            elif r.target in self.base:
                (self.attacks if r.type is RelationType.ATTACK else self.supports)[r.target].append(
                    r.id
                )
        self.blocks, self.cyclic = self._blocks()
        self.has_cycles = any(self.cyclic)

    def _inputs(self, node: Node) -> list[Node]:
        is_claim, name = node
        if is_claim:
            return [(False, r) for r in (*self.attacks[name], *self.supports[name])]
        return [(True, p) for p in self.premises[name]] + [(False, u) for u in self.undercuts[name]]

    def _blocks(self) -> tuple[list[list[Node]], list[bool]]:
        nodes = [(True, c) for c in self.claims] + [(False, r) for r in self.relations]
        succ: dict[Node, list[Node]] = {n: [] for n in nodes}
        for node in nodes:
            for dep in self._inputs(node):
                succ[dep].append(node)
        comps = strongly_connected(nodes, succ)
        return comps, [len(comp) > 1 or comp[0] in succ[comp[0]] for comp in comps]

    @cached_property
    def _block_of(self) -> dict[Node, int]:
        return {node: k for k, block in enumerate(self.blocks) for node in block}

    def evaluate(
        self, fixed: Mapping[str, float] | None = None, removed: Iterable[str] = ()
    ) -> StrengthResult:
        """Strengths with some claims pinned (`fixed`) or taken out (`removed`)."""
        sigma, _rho, converged, rounds = self._settle(
            range(len(self.blocks)), None, fixed or {}, set(removed), {}, {}
        )
        return StrengthResult(sigma, converged, rounds)

    def _settle(
        self,
        blocks: Iterable[int],
        only: set[Node] | None,
        fixed: Mapping[str, float],
        gone: set[str],
        sigma_before: Mapping[str, float],
        rho_before: Mapping[str, float | None],
    ) -> tuple[dict[str, float], dict[str, float | None], bool, int]:
        """Compute the nodes of `blocks` (those in `only`, if given), in order.

        Values not computed here are read from `*_before`; the new ones are
        returned, to be read over them.
        """
        sigma: dict[str, float] = {}
        rho: dict[str, float | None] = {}
        converged = True
        rounds = 1
        for k in blocks:
            nodes = self.blocks[k] if only is None else [n for n in self.blocks[k] if n in only]
            if not self.cyclic[k]:
                self._compute(nodes, fixed, gone, sigma, rho, sigma_before, rho_before)
                continue
            new_sigma, new_rho, settled, n = self._iterate(
                [c for is_claim, c in nodes if is_claim],
                [r for is_claim, r in nodes if not is_claim],
                fixed,
                gone,
                ChainMap(sigma, cast(MutableMapping[str, float], sigma_before)),
                ChainMap(rho, cast(MutableMapping[str, float | None], rho_before)),
            )
            sigma.update(new_sigma)
            rho.update(new_rho)
            converged = converged and settled
            rounds = max(rounds, n)
        return sigma, rho, converged, rounds

    def _iterate(
        self,
        claims: list[str],
        relations: list[str],
        fixed: Mapping[str, float],
        gone: set[str],
        sigma_outside: Mapping[str, float],
        rho_outside: Mapping[str, float | None],
    ) -> tuple[dict[str, float], dict[str, float | None], bool, int]:
        """Iterate one cyclic block from the base scores until it settles.

        Up to MAX_ROUNDS; when it does not settle, the mean of the last two
        rounds is returned and the result says so.
        """
        live = {
            r: self.premises[r]
            for r in relations
            if self.premises[r] and not gone.intersection(self.premises[r])
        }
        dead: dict[str, float | None] = {r: None for r in relations if r not in live}
        sigma = {c: fixed.get(c, self.base[c]) for c in claims if c not in gone}
        rho: dict[str, float] = dict.fromkeys(live, 0.0)

        def rho_of(r: str, rho: dict[str, float]) -> float | None:
            if r in rho:
                return rho[r]
            return None if r in dead else rho_outside.get(r)

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
        return sigma, {**rho, **dead}, converged, rounds

    def _compute(
        self,
        nodes: Iterable[Node],
        fixed: Mapping[str, float],
        gone: set[str],
        sigma: dict[str, float],
        rho: dict[str, float | None],
        sigma_before: Mapping[str, float],
        rho_before: Mapping[str, float | None],
    ) -> None:
        """Compute acyclic `nodes` (in dependency order) into `sigma` / `rho`."""

        def relation_value(r: str) -> float | None:
            return rho[r] if r in rho else rho_before.get(r)

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
                if not ps or gone.intersection(ps):
                    rho[node] = None
                    continue
                value = min(sigma[p] if p in sigma else sigma_before[p] for p in ps)
                for u in self.undercuts[node]:
                    v = relation_value(u)
                    if v is not None:
                        value *= 1.0 - v
                rho[node] = value

    def removal_effects(self, target: str, budget: Budget | None = None) -> dict[str, float]:
        """How far removing each claim moves `target`'s strength (cruxes).

        A removal is propagated as a change: a node is recomputed only when
        one of its inputs changed, in dependency order (by block), and a
        node whose value comes out the same stops the wave there. On a chain
        the change dies out within a few dozen links (each link scales it by
        its base score), and a claim with thousands of inputs is updated by
        the inputs that changed, not recomputed from all of them, so neither
        a long chain nor a wide fan costs the map's size squared. `budget`
        (work steps) bounds the rest: the claims nearest the target are
        done first, and the result holds only the claims done in time. When
        the strengths do not settle, the whole map is iterated per claim.
        """
        sigma_before, rho_before, converged, _ = self._settle(
            range(len(self.blocks)), None, {}, set(), {}, {}
        )
        if target not in sigma_before:
            return {}
        upstream = {(True, target)}
        todo = [(True, target)]
        for node in todo:
            for dep in self._inputs(node):
                if dep not in upstream:
                    upstream.add(dep)
                    todo.append(dep)
        outputs: dict[Node, list[Node]] = {n: [] for n in upstream}
        for node in upstream:
            for dep in self._inputs(node):
                outputs[dep].append(node)
        products = _Products(self, rho_before)
        whole = len(self.claims) + len(self.relations)
        effects: dict[str, float] = {}
        for is_claim, c in todo:  # nearest the target first
            if not is_claim or c == target:
                continue
            if not converged:
                if budget is not None and not budget.spend(whole):
                    break
                after = self.evaluate(removed=[c]).strength[target]
                effects[c] = after - sigma_before[target]
                continue
            after, settled, cost = self._propagate_removal(
                c, target, outputs, sigma_before, rho_before, products
            )
            if budget is not None and not budget.spend(cost):
                break
            if not settled:
                after = self.evaluate(removed=[c]).strength[target]
            effects[c] = after - sigma_before[target]
        return effects

    def _propagate_removal(
        self,
        removed: str,
        target: str,
        outputs: dict[Node, list[Node]],
        sigma_before: dict[str, float],
        rho_before: dict[str, float | None],
        products: _Products,
    ) -> tuple[float, bool, int]:
        """`target`'s strength without `removed`, whether it settled, and the work it took."""
        block_of = self._block_of
        gone = {removed}
        sigma: dict[str, float] = {}
        rho: dict[str, float | None] = {}
        sigma_view = ChainMap(sigma, sigma_before)
        rho_view = ChainMap(rho, rho_before)
        changed_inputs: dict[str, list[str]] = {}
        heap: list[tuple[int, Node]] = []
        queued: set[Node] = set()
        done_blocks: set[int] = set()
        cost = 0
        settled = True

        def changed(node: Node) -> None:
            for nxt in outputs[node]:
                if nxt[0] and not node[0]:
                    changed_inputs.setdefault(nxt[1], []).append(node[1])
                if nxt not in queued:
                    queued.add(nxt)
                    heapq.heappush(heap, (block_of[nxt], nxt))

        changed((True, removed))
        while heap:
            k, node = heapq.heappop(heap)
            is_claim, name = node
            if self.cyclic[k]:
                if k in done_blocks:
                    continue
                done_blocks.add(k)
                block = self.blocks[k]
                cost += len(block) * 4
                new_sigma, new_rho, ok, rounds = self._iterate(
                    [c for is_c, c in block if is_c],
                    [r for is_c, r in block if not is_c],
                    {},
                    gone,
                    sigma_view,
                    rho_view,
                )
                cost += len(block) * rounds
                settled = settled and ok
                for c, v in new_sigma.items():
                    if c not in sigma_before or abs(v - sigma_before[c]) > STILL:
                        sigma[c] = v
                        changed((True, c))
                for r, rv in new_rho.items():
                    if rv != rho_before.get(r):
                        rho[r] = rv
                        changed((False, r))
                continue
            if is_claim:
                inputs = changed_inputs.pop(name, [])
                value, work = products.claim_value(name, inputs, rho_view)
                cost += work
                if abs(value - sigma_before[name]) > STILL:
                    sigma[name] = value
                    changed(node)
            else:
                ps = self.premises[name]
                cost += len(ps) + len(self.undercuts[name]) + 1
                if not ps or gone.intersection(ps):
                    new: float | None = None
                else:
                    new = min(sigma_view[p] for p in ps)
                    for u in self.undercuts[name]:
                        cut = rho_view.get(u)
                        if cut is not None:
                            new *= 1.0 - cut
                old = rho_before.get(name)
                if (new is None) != (old is None) or (new is not None and abs(new - old) > STILL):  # type: ignore[operator]
                    rho[name] = new
                    changed(node)
        return sigma_view[target], settled, cost


# A change smaller than this stops a removal's wave: far below the 12 digits a
# crux's strength delta is rounded to, and float rounding would otherwise keep
# a last-bit difference alive along a chain of thousands of links.
STILL = 1e-15

# A claim with more inputs than this is updated from the inputs that changed
# (its products kept apart from their zero factors); one with fewer is
# recomputed from all of them, exactly as `evaluate` does.
WIDE = 32


class _Products:
    """The attack and support products of each wide claim in the settled map."""

    def __init__(self, model: StrengthModel, rho: Mapping[str, float | None]) -> None:
        self.model = model
        self.rho_before = rho
        self.wide: dict[str, tuple[float, int, float, int]] = {}
        self.attacks: dict[str, frozenset[str]] = {}
        for c in model.claims:
            if len(model.attacks[c]) + len(model.supports[c]) > WIDE:
                self.attacks[c] = frozenset(model.attacks[c])
                self.wide[c] = (*_product(model.attacks[c], rho), *_product(model.supports[c], rho))

    def claim_value(
        self, claim: str, changed: list[str], rho: Mapping[str, float | None]
    ) -> tuple[float, int]:
        """The claim's strength given the relation values `rho`, and the work taken."""
        model = self.model
        base = model.base[claim]
        if claim not in self.wide:
            keep_a = keep_s = 1.0
            for r in model.attacks[claim]:
                v = rho.get(r)
                if v is not None:
                    keep_a *= 1.0 - v
            for r in model.supports[claim]:
                v = rho.get(r)
                if v is not None:
                    keep_s *= 1.0 - v
            work = len(model.attacks[claim]) + len(model.supports[claim]) + 1
            return combine(base, 1.0 - keep_a, 1.0 - keep_s), work
        prod_a, zeros_a, prod_s, zeros_s = self.wide[claim]
        attacks = self.attacks[claim]
        before = self.rho_before
        for r in dict.fromkeys(changed):
            old, new = before.get(r), rho.get(r)
            old_f = 1.0 if old is None else 1.0 - old
            new_f = 1.0 if new is None else 1.0 - new
            if r in attacks:
                prod_a, zeros_a = _swap(prod_a, zeros_a, old_f, new_f)
            else:
                prod_s, zeros_s = _swap(prod_s, zeros_s, old_f, new_f)
        keep_a = 0.0 if zeros_a else prod_a
        keep_s = 0.0 if zeros_s else prod_s
        return combine(base, 1.0 - keep_a, 1.0 - keep_s), len(changed) + 1


def _product(relations: Iterable[str], rho: Mapping[str, float | None]) -> tuple[float, int]:
    """Product of the non-zero factors (1 - value) and the count of zero ones."""
    product, zeros = 1.0, 0
    for r in relations:
        v = rho.get(r)
        factor = 1.0 if v is None else 1.0 - v
        if factor == 0.0:
            zeros += 1
        else:
            product *= factor
    return product, zeros


def _swap(product: float, zeros: int, old: float, new: float) -> tuple[float, int]:
    """Replace one factor `old` by `new` in a (product, zeros) pair."""
    if old == 0.0:
        zeros -= 1
    else:
        product /= old
    if new == 0.0:
        zeros += 1
    else:
        product *= new
    return product, zeros


def dfquad(m: Map) -> StrengthResult:
    return StrengthModel(m).evaluate()
