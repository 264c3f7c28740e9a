"""How the map judges a round: the flow, the motion's status, the missed chances.

Only what was played counts. The claims in play and the relations between
them (whoever drew them) form a sub-map with the motion as its one thesis;
`argmap.analysis` labels the motion on it under grounded semantics and says
whether it is accepted in every, some or no preferred extension.

* **Flow**: a move is *answered* when the other side played a claim that
  attacks one of its claims or undercuts the link it was played through; a
  move never answered is *dropped*, and a dropped argument stands.
* **Missed chances**: each unplayed claim that answers something in play
  (with its linked co-premises) is added on its own, and the motion judged
  again; those that change the result are listed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from argmap.debate.round import Round, Turn
from argmap.debate.rules import answer_target, relation_in_play, relation_owner
from argmap.model import Map, RelationType
from argmap.sides import Side


class Preferred(StrEnum):
    """The motion's standing across the preferred extensions."""

    SCEPTICAL = "sceptical"  # in every preferred extension
    CREDULOUS = "credulous"  # in some, not all
    REJECTED = "rejected"  # in none

    @property
    def phrase(self) -> str:
        return _PREFERRED_PHRASES[self]


_PREFERRED_PHRASES = {
    Preferred.SCEPTICAL: "accepted in every preferred extension",
    Preferred.CREDULOUS: "accepted in some preferred extensions, not all",
    Preferred.REJECTED: "accepted in no preferred extension",
}


@dataclass(frozen=True, slots=True)
class MotionStatus:
    grounded: str  # argmap.analysis Label value: "in", "out" or "undec"
    preferred: Preferred

    @property
    def winner(self) -> Side | None:
        """Pro when the motion is grounded-in, Con when it is out, None when undecided."""
        return {"in": Side.PRO, "out": Side.CON}.get(self.grounded)

    @property
    def summary(self) -> str:
        grounded = {"in": "stands (in)", "out": "falls (out)", "undec": "is undecided"}[
            self.grounded
        ]
        return f"the motion {grounded} under grounded semantics, {self.preferred.phrase}"


@dataclass(frozen=True, slots=True)
class FlowEntry:
    turn: Turn
    answered_by: tuple[int, ...]  # turn numbers of the other side's answers

    @property
    def dropped(self) -> bool:
        return not self.answered_by


@dataclass(frozen=True, slots=True)
class MissedChance:
    """An unplayed claim that would have changed the result had it been played."""

    claim_id: str
    relation_id: str
    type: RelationType
    target: str  # the played claim it bears on
    side: Side | None  # who could have played it under the rules
    together: tuple[str, ...]
    status: MotionStatus


@dataclass(frozen=True, slots=True)
class Adjudication:
    motion: str
    flow: tuple[FlowEntry, ...]
    status: MotionStatus
    missed: tuple[MissedChance, ...]

    @property
    def dropped(self) -> tuple[FlowEntry, ...]:
        return tuple(entry for entry in self.flow if entry.dropped)


def played_map(the_map: Map, played: Mapping[str, object], motion: str) -> Map:
    """The sub-map of the claims in play and every relation between them."""
    claims = tuple(c for c in the_map.claims if c.id in played)
    relations = tuple(r for r in the_map.relations if relation_in_play(the_map, r, played))
    return Map(
        id=the_map.id,
        title=the_map.title,
        theses=(motion,),
        claims=claims,
        relations=relations,
        themes=the_map.themes,
        path=the_map.path,
    )


def motion_status(the_map: Map, played: Mapping[str, object], motion: str) -> MotionStatus:
    """The motion's grounded label and preferred standing given only the claims in play."""
    from argmap.analysis.prepared import prepare
    from argmap.analysis.semantics import credulous, sceptical

    # Only the motion's status is needed: the translation and two decision
    # queries, not the whole analysis (structure, cruxes) of the sub-map.
    prepared = prepare(played_map(the_map, played, motion))
    framework = prepared.framework.framework
    index = prepared.framework.claim_index[motion]
    return MotionStatus(
        str(prepared.grounded[motion]),
        _preferred(
            credulous(framework, index, "preferred"), sceptical(framework, index, "preferred")
        ),
    )


def _preferred(some: bool, every: bool) -> Preferred:
    if every:
        return Preferred.SCEPTICAL
    return Preferred.CREDULOUS if some else Preferred.REJECTED


def flow(the_map: Map, rnd: Round) -> tuple[FlowEntry, ...]:
    """Each move that counted, with the turns of the other side that answered it."""
    played = rnd.played
    turn_of: dict[str, Turn] = {}
    for turn in rnd.turns:
        if turn.reply is not None:
            for claim_id in turn.reply.claims:
                turn_of[claim_id] = turn
    entries = []
    for turn in rnd.turns:
        if turn.reply is None:
            continue
        mine = set(turn.reply.claims)
        answers: set[int] = set()
        for relation in the_map.relations:
            if relation.type is RelationType.SUPPORT:
                continue
            if not relation_in_play(the_map, relation, played):
                continue
            if relation_owner(relation, played) is not turn.side.other:
                continue
            hits = (
                relation.target in mine
                if relation.type is RelationType.ATTACK
                else relation.target == turn.reply.relation_id
            )
            if hits:
                answers.update(turn_of[src].number for src in relation.sources)
        entries.append(FlowEntry(turn, tuple(sorted(answers))))
    return tuple(entries)


def _who_could_play(
    the_map: Map, relation_type: RelationType, relation_target: str, played: Mapping[str, Side]
) -> Side | None:
    if relation_type is RelationType.UNDERCUT:
        link = the_map.relations_by_id[relation_target]
        owner = relation_owner(link, played)
        return None if owner is None else owner.other
    owner = played.get(relation_target)
    if owner is None:
        return None
    return owner if relation_type is RelationType.SUPPORT else owner.other


def missed_chances(
    the_map: Map, played: Mapping[str, Side], motion: str, status: MotionStatus
) -> tuple[MissedChance, ...]:
    """Unplayed claims answering something in play whose addition changes the result."""
    found: list[MissedChance] = []
    tried: set[frozenset[str]] = set()
    for relation in the_map.relations:
        answers_play = (
            relation_in_play(the_map, the_map.relations_by_id[relation.target], played)
            if relation.type is RelationType.UNDERCUT and relation.target in the_map.relations_by_id
            else relation.target in played
        )
        if not answers_play:
            continue
        unplayed = tuple(
            src for src in relation.sources if src not in played and src in the_map.claims_by_id
        )
        if not unplayed:
            continue
        added = frozenset(unplayed)
        if added in tried:
            continue
        tried.add(added)
        trial = {**played, **dict.fromkeys(unplayed, Side.PRO)}
        changed = motion_status(the_map, trial, motion)
        if changed == status:
            continue
        target = answer_target(the_map, relation)
        found.append(
            MissedChance(
                claim_id=unplayed[0],
                relation_id=relation.id,
                type=relation.type,
                target=target or relation.target,
                side=_who_could_play(the_map, relation.type, relation.target, played),
                together=unplayed[1:],
                status=changed,
            )
        )
    return tuple(found)


def adjudicate(rnd: Round) -> Adjudication:
    """Judge the round as played so far."""
    played = rnd.played
    motion = rnd.settings.motion
    status = motion_status(rnd.map, played, motion)
    return Adjudication(
        motion, flow(rnd.map, rnd), status, missed_chances(rnd.map, played, motion, status)
    )
