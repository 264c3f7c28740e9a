"""Small hand-drawn maps for the debate tests, built straight from the model."""

from __future__ import annotations

from argmap.model import Claim, ClaimKind, Map, Relation, RelationType

S, A, U = RelationType.SUPPORT, RelationType.ATTACK, RelationType.UNDERCUT


def build(
    edges: list[tuple[str, RelationType, tuple[str, ...] | str, str]],
    claims: list[str],
    thesis: str = "m",
) -> Map:
    """A map from (relation id, type, premises, target) and claim ids; texts name the ids."""
    return Map(
        id="small",
        title="A small map",
        theses=(thesis,),
        claims=tuple(Claim(c, f"Claim {c} says {c}.", ClaimKind.VALUE) for c in claims),
        relations=tuple(
            Relation(rid, kind, (src,) if isinstance(src, str) else src, target)
            for rid, kind, src, target in edges
        ),
    )


def chain() -> Map:
    """m <-attack- a <-attack- b <-attack- c, and p supports m."""
    return build(
        [("ra", A, "a", "m"), ("rb", A, "b", "a"), ("rc", A, "c", "b"), ("rp", S, "p", "m")],
        ["m", "a", "b", "c", "p"],
    )


def with_undercut_and_link() -> Map:
    """x and y support m only together; u undercuts that link; a attacks m."""
    return build(
        [("rxy", S, ("x", "y"), "m"), ("ru", U, "u", "rxy"), ("ra", A, "a", "m")],
        ["m", "x", "y", "u", "a"],
    )
