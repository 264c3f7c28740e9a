"""How the map judges a round: the flow, the motion's status, the verdict, the missed chances.

Only what was played counts. The claims in play and the relations between
them (whoever drew them) form a sub-map with the motion as its one thesis;
`argmap.analysis` labels it under grounded semantics and says whether the
motion is accepted in every, some or no preferred extension. The round's
judge (`argmap.debate.verdict`: the burden of proof by default, or the
semantics alone) names the winner, and `argmap.debate.explanation` says why
in sentences, once, for every presenter.

* **Flow**: a move is *answered* when the other side played a claim that
  attacks one of its claims or undercuts the link it was played through; a
  move never answered is *dropped*, and a dropped argument stands.
* **Missed chances**: each unplayed claim that answers something in play
  (with its linked co-premises) is added on its own, played by the side the
  rules would let play it, and the round judged again; those that change the
  winner are listed (judged by the semantics alone, also those that change
  the motion's status).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from argmap.debate.explanation import Explanation, explain
from argmap.debate.round import Judge, Round, Turn
from argmap.debate.rules import answer_target, relation_in_play, relation_owner
from argmap.debate.verdict import (
    Decision,
    Labels,
    PropositionArgument,
    decide,
    proposition_arguments,
)
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
        """The semantics' winner: Pro when the motion is grounded-in, Con when out."""
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
    answered_by: tuple[int, ...]  # turn numbers of the other side's answers; 0 the motion

    @property
    def dropped(self) -> bool:
        return not self.answered_by

    @property
    def answers(self) -> str:
        """`turn 2, turn 4`, or `the motion` when the motion itself attacks the move."""
        return ", ".join("the motion" if n == 0 else f"turn {n}" for n in self.answered_by)


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
    decision: Decision  # under the round's judge, had it been played
    status_changed: bool = True  # False: the same status, another winner (the burden)

    @property
    def winner(self) -> Side | None:
        return self.decision.winner

    @property
    def outcome(self) -> str:
        """`the motion falls (out) ..., and Con wins`, or just `Pro wins` when only the
        winner would change."""
        if not self.status_changed:
            return outcome(self.winner)
        return f"{self.status.summary}, and {outcome(self.winner)}"


def outcome(winner: Side | None) -> str:
    return f"{winner.title} wins" if winner else "neither side wins"


@dataclass(frozen=True, slots=True)
class Judged:
    """One reading of the played claims: the motion's status, the labels, the verdict."""

    sub: Map
    status: MotionStatus
    labels: Labels
    arguments: tuple[PropositionArgument, ...]
    decision: Decision


@dataclass(frozen=True, slots=True)
class Adjudication:
    motion: str
    flow: tuple[FlowEntry, ...]
    status: MotionStatus
    missed: tuple[MissedChance, ...]
    judge: Judge
    decision: Decision
    arguments: tuple[PropositionArgument, ...]  # the proposition's, for the motion
    explanation: Explanation

    @property
    def winner(self) -> Side | None:
        """The winner under the round's judge."""
        return self.decision.winner

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
    return _status(played_map(the_map, played, motion), motion)[0]


def _status(sub: Map, motion: str) -> tuple[MotionStatus, Labels]:
    from argmap.analysis.bipolar import inference_id
    from argmap.analysis.prepared import prepare
    from argmap.analysis.semantics import credulous, grounded, sceptical

    # Only the motion's status and the sub-map's labels are needed: the
    # translation and two decision queries, not the whole analysis of the sub-map.
    prepared = prepare(sub)
    framework = prepared.framework.framework
    every = grounded(framework)
    labels = Labels(
        claims=prepared.grounded,
        relations={r.id: every[framework.index[inference_id(r.id)]] for r in sub.relations},
    )
    index = prepared.framework.claim_index[motion]
    status = MotionStatus(
        str(prepared.grounded[motion]),
        _preferred(
            credulous(framework, index, "preferred"), sceptical(framework, index, "preferred")
        ),
    )
    return status, labels


def judge_played(the_map: Map, played: Mapping[str, Side], motion: str, judge: Judge) -> Judged:
    """The claims in play judged: the motion's status and the verdict under `judge`."""
    sub = played_map(the_map, played, motion)
    status, labels = _status(sub, motion)
    arguments = proposition_arguments(sub, played, motion, labels)
    return Judged(sub, status, labels, arguments, decide(judge, labels.claims[motion], arguments))


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
                # The motion, Pro's from the start, was played in no turn: 0.
                answers.update(
                    turn_of[src].number if src in turn_of else 0 for src in relation.sources
                )
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
    the_map: Map, played: Mapping[str, Side], motion: str, judge: Judge, judged: Judged
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
        side = _who_could_play(the_map, relation.type, relation.target, played)
        trial = {**played, **dict.fromkeys(unplayed, side or Side.PRO)}
        changed = judge_played(the_map, trial, motion, judge)
        if changed.decision.winner is judged.decision.winner and (
            judge is Judge.BURDEN or changed.status == judged.status
        ):
            continue
        target = answer_target(the_map, relation)
        found.append(
            MissedChance(
                claim_id=unplayed[0],
                relation_id=relation.id,
                type=relation.type,
                target=target or relation.target,
                side=side,
                together=unplayed[1:],
                status=changed.status,
                decision=changed.decision,
                status_changed=changed.status != judged.status,
            )
        )
    return tuple(found)


def adjudicate(rnd: Round) -> Adjudication:
    """Judge the round as played so far, under the round's judge, and say why."""
    played = rnd.played
    motion = rnd.settings.motion
    judge = rnd.settings.judge
    judged = judge_played(rnd.map, played, motion, judge)
    other = Judge.SEMANTICS if judge is Judge.BURDEN else Judge.BURDEN
    other_decision = decide(other, judged.labels.claims[motion], judged.arguments)
    entries = flow(rnd.map, rnd)
    dropped = {
        claim_id: entry.turn
        for entry in entries
        if entry.dropped and entry.turn.reply is not None
        for claim_id in entry.turn.reply.claims
    }
    order = list(
        dict.fromkeys([motion, *(c for t in rnd.turns if t.reply for c in t.reply.claims)])
    )
    return Adjudication(
        motion,
        entries,
        judged.status,
        missed_chances(rnd.map, played, motion, judge, judged),
        judge,
        judged.decision,
        judged.arguments,
        explain(
            judged.sub,
            order,
            judged.labels,
            dropped,
            judged.arguments,
            judge,
            judged.decision,
            other_decision,
        ),
    )
