"""Pivotal claims: how much of a thesis's strength hangs on each claim.

A claim's *contribution* to a thesis is the thesis's DF-QuAD strength with
the claim minus its strength once the claim (and every relation it is a
premise of) is removed: +0.02 means the thesis would lose 0.02 of its
strength (on the 0-1 scale) without the claim, -0.01 that it would gain it.
Its *share* is the size of its contribution over the largest contribution of
any claim to that thesis: 1.00 for the claim the thesis hangs on most, 0.50
for one that moves it half as far. Shares are what the explorer ranks and
shows, because DF-QuAD saturates: a thesis with seven strong attacks barely
moves when one of them goes (the other six still attack it), so absolute
contributions on a well-argued map are all a few hundredths.

The removal effects are the ones the crux search already computes
(`CruxSearch.strength_effects`), so this costs nothing more. Betweenness
centrality, which `argmap analyze` reports as `pivotal`, is near 0 for every
claim of a tree-shaped map (few paths run through any one claim of a tree);
a share reads the same on any shape of map.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

LEAST = 1e-6
"""A contribution smaller than this is float noise, not an effect (the claim is left out)."""


@dataclass(frozen=True, slots=True)
class Pivotal:
    claim: str
    thesis: str
    contribution: float
    share: float


def rank_pivotal(
    effects: Mapping[str, Mapping[str, float]], least: float = LEAST
) -> tuple[Pivotal, ...]:
    """Claims by their largest share in any thesis's strength.

    `effects` is thesis -> claim -> (strength without the claim - strength
    with it). A claim contributing less than `least` to every thesis is left
    out. The thesis a claim has its largest share in is named; ties go to
    the first thesis.
    """
    best: dict[str, Pivotal] = {}
    for thesis, moved in effects.items():
        largest = max((abs(d) for d in moved.values()), default=0.0)
        if largest < least:
            continue
        for claim, delta in moved.items():
            contribution = round(-delta, 12)
            if abs(contribution) < least:
                continue
            share = round(abs(contribution) / largest, 12)
            known = best.get(claim)
            if known is None or share > known.share:
                best[claim] = Pivotal(claim, thesis, contribution, share)
    return tuple(sorted(best.values(), key=lambda p: (-p.share, -abs(p.contribution), p.claim)))
