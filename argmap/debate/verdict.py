"""Who wins a round: the burden of proof, or the motion's label alone.

Under `Judge.BURDEN` (the default) the proposition must carry the motion:

1. the motion falls (grounded out): the opposition wins;
2. the proposition played no argument for the motion: it has not carried
   its burden, and the opposition wins;
3. every argument the proposition played for the motion falls: the
   opposition wins, even when the motion itself stands (nothing attacked it);
4. the motion stands and at least one of those arguments stands: the
   proposition wins;
5. anything else (the motion or the arguments undecided): no winner.

An *argument for the motion* is a support relation to the motion whose
premises the proposition played (linked premises are one argument). It
stands when every premise stands and every undercut of its link falls; it
falls when a premise falls or an undercut of its link stands. A reason for a
premise does not save that premise from an attack that stands: a dropped
attack on it defeats it, as the flow says.

Under `Judge.SEMANTICS` the motion's grounded label alone decides (in: Pro,
out: Con, undecided: no winner).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from argmap.analysis.semantics import Label
from argmap.debate.round import Judge
from argmap.debate.rules import relation_owner
from argmap.model import Map, RelationType
from argmap.sides import Side


@dataclass(frozen=True, slots=True)
class Labels:
    """Grounded labels on the played sub-map: of its claims and of its relations' inferences."""

    claims: Mapping[str, Label]
    relations: Mapping[str, Label]  # relation id -> does it act (its inference's label)


@dataclass(frozen=True, slots=True)
class PropositionArgument:
    """A support of the motion the proposition played, and whether it stands."""

    relation_id: str
    premises: tuple[str, ...]
    label: Label


class Decision(StrEnum):
    """The clause of the rule that decided the round."""

    MOTION_STANDS = "motion-stands"  # semantics: the motion is in
    MOTION_FALLS = "motion-falls"  # either judge: the motion is out
    MOTION_UNDECIDED = "motion-undecided"  # semantics: the motion is undecided
    BURDEN_CARRIED = "burden-carried"  # burden: the motion and an argument for it stand
    NO_CASE = "no-case"  # burden: no argument for the motion was played
    CASE_FALLS = "case-falls"  # burden: every argument for the motion falls
    BURDEN_OPEN = "burden-open"  # burden: neither carried nor defeated

    @property
    def winner(self) -> Side | None:
        if self in (Decision.MOTION_STANDS, Decision.BURDEN_CARRIED):
            return Side.PRO
        if self in (Decision.MOTION_FALLS, Decision.NO_CASE, Decision.CASE_FALLS):
            return Side.CON
        return None


def _weakest(labels: list[Label]) -> Label:
    if Label.OUT in labels:
        return Label.OUT
    return Label.UNDEC if Label.UNDEC in labels else Label.IN


_FLIPPED = {Label.IN: Label.OUT, Label.OUT: Label.IN, Label.UNDEC: Label.UNDEC}


def proposition_arguments(
    sub: Map, played: Mapping[str, Side], motion: str, labels: Labels
) -> tuple[PropositionArgument, ...]:
    """The proposition's arguments for the motion in the played sub-map, in map order."""
    found = []
    for relation in sub.supporters(motion):
        if relation_owner(relation, played) is not Side.PRO:
            continue
        parts = [labels.claims[p] for p in relation.sources]
        parts += [
            _FLIPPED[labels.relations[u.id]]
            for u in sub.incoming.get(relation.id, ())
            if u.type is RelationType.UNDERCUT
        ]
        found.append(PropositionArgument(relation.id, relation.sources, _weakest(parts)))
    return tuple(found)


def decide(judge: Judge, motion: Label, arguments: tuple[PropositionArgument, ...]) -> Decision:
    """Which clause of the rule applies (see the module docstring)."""
    if motion is Label.OUT:
        return Decision.MOTION_FALLS
    if judge is Judge.SEMANTICS:
        return Decision.MOTION_STANDS if motion is Label.IN else Decision.MOTION_UNDECIDED
    if not arguments:
        return Decision.NO_CASE
    if all(a.label is Label.OUT for a in arguments):
        return Decision.CASE_FALLS
    if motion is Label.IN and any(a.label is Label.IN for a in arguments):
        return Decision.BURDEN_CARRIED
    return Decision.BURDEN_OPEN
