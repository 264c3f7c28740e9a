"""The verdict in sentences: what stands and why, what fell and to what, the rule.

Computed once, with the adjudication, from the grounded labels of the played
sub-map; the plain mode, the transcript and the TUI only present it (each
shows a `Ref` its own way). The reasons follow the labels:

* a claim *stands* when nothing played attacks it, or when every attack on it
  is defeated: one of the attack's premises falls to a claim that stands
  (the claim is *defended by* that claim), or an undercut of the attack stands;
* a claim *falls* to the attacks on it that stand;
* a claim is *undecided* when the attacks on it are (attacks in a circle).

Where an answer was answered, the sentence goes one level deeper, in the
words of the explorer's why line (`argmap.analysis.explain.reply_fails`,
`does_not_count`): an attack that stands although it was undercut says why
that reply fails ("(the reply y is itself undercut by z)", or "(the reply y
falls)"), as does a standing undercut that was undercut; a claim whose own
attack or undercut is cut by a standing undercut says its move does not count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from argmap.analysis.explain import does_not_count, reply_fails
from argmap.analysis.semantics import Label
from argmap.debate.round import Judge, Turn
from argmap.debate.verdict import Decision, Labels, PropositionArgument
from argmap.debate.wording import Segment, Sentence, joined, premises, verb
from argmap.model import Map, Relation, RelationType
from argmap.sides import Side


@dataclass(frozen=True, slots=True)
class Explanation:
    stand: tuple[Sentence, ...]
    fall: tuple[Sentence, ...]
    undecided: tuple[Sentence, ...]
    dropped: tuple[Sentence, ...]
    rule: tuple[Sentence, ...]  # the clause that decided, and what the other judge says

    def sections(self) -> tuple[tuple[str, tuple[Sentence, ...]], ...]:
        """Heading and sentences, in the order every presenter shows them; empty ones left out."""
        named = (
            ("Why", self.rule),
            ("What stands", self.stand),
            ("What falls", self.fall),
            ("Undecided", self.undecided),
            ("Dropped", self.dropped),
        )
        return tuple((heading, sentences) for heading, sentences in named if sentences)


def _by(relation: Relation) -> Sentence:
    return premises(relation.sources)


def _acts(relation: Relation) -> str:
    return verb(relation.type, len(relation.sources) > 1)


def _word(text: str) -> Segment:
    return text


@dataclass(frozen=True, slots=True)
class _Reasons:
    sub: Map
    labels: Labels
    dropped: Mapping[str, Turn]

    def attacks(self, claim_id: str, label: Label | None = None) -> list[Relation]:
        return [
            r
            for r in self.sub.attackers(claim_id)
            if r.type is RelationType.ATTACK
            and (label is None or self.labels.relations[r.id] is label)
        ]

    def undercuts(self, relation: Relation) -> list[Relation]:
        return [
            u
            for u in self.sub.incoming.get(relation.id, ())
            if u.type is RelationType.UNDERCUT and self.labels.relations[u.id] is Label.IN
        ]

    def reply(self, relation: Relation) -> Sentence:
        """Why a standing relation's reply (an undercut of it) failed, in brackets, or ()."""
        replies = [
            u for u in self.sub.incoming.get(relation.id, ()) if u.type is RelationType.UNDERCUT
        ]
        for u in replies:
            cut = self.undercuts(u)
            if cut:
                said = reply_fails(_by(u), _by(cut[0]), len(u.sources) > 1, _word)
                return (" (", *said, ")")
        if not replies:
            return ()
        said = reply_fails(_by(replies[0]), (), len(replies[0].sources) > 1, _word)
        return (" (", *said, ")")

    def not_counting(self, claim_id: str) -> Sentence:
        """The claim's own attacks and undercuts that a standing undercut cuts, or ()."""
        said: list[Sentence] = []
        for r in self.sub.outgoing.get(claim_id, ()):
            if r.type is RelationType.SUPPORT or self.labels.relations[r.id] is Label.IN:
                continue  # as the why line: a support never defends; a relation in acts
            cut = self.undercuts(r)
            if cut:
                move: Sentence = ("its ", r.type.value, *self.target(r))
                itself = r.type is RelationType.UNDERCUT
                said.append(tuple(does_not_count(move, _by(cut[0]), itself, _word)))
        return ("; ", *joined(said, "; ")) if said else ()

    def target(self, relation: Relation) -> Sentence:
        """What a move bears on, as a round names it: " on m", " of the attack of x"."""
        link = self.sub.relations_by_id.get(relation.target)
        if link is None:
            return (" on ", *premises((relation.target,)))
        return (f" of the {link.type.value} of ", *_by(link))

    def defence(self, attack: Relation) -> Sentence:
        """Why an attack that does not act fails: what undercuts it or defeats a premise."""
        cut = self.undercuts(attack)
        if cut:
            return (
                "defended by ",
                *joined((_by(u) for u in cut), " and "),
                ", which ",
                _acts(cut[0]) if len(cut) == 1 else "undercut",
                " the attack of ",
                *_by(attack),
                *self.reply(cut[0]),
            )
        defeaters = [
            r
            for p in attack.sources
            if self.labels.claims[p] is Label.OUT
            for r in self.attacks(p, Label.IN)
        ]
        if not defeaters:  # the attack fails for want of a premise the labels leave out
            return ("the attack of ", *_by(attack), " does not act")
        return (
            "defended by ",
            *joined((_by(r) for r in defeaters), " and "),
            " against ",
            *_by(attack),
        )

    def was_dropped(self, relation: Relation) -> bool:
        return all(p in self.dropped for p in relation.sources)

    def of(self, claim_id: str) -> tuple[Label, Sentence]:
        label = self.labels.claims[claim_id]
        head: Sentence = premises((claim_id,))
        if label is Label.IN:
            attacks = self.attacks(claim_id)
            cut = self.not_counting(claim_id)
            if not attacks:
                return label, (*head, " stands: nothing played attacks it", *cut, ".")
            defences = joined(map(self.defence, attacks), "; and ")
            return label, (*head, " stands, ", *defences, *cut, ".")
        if label is Label.OUT:
            clauses = []
            for attack in self.attacks(claim_id, Label.IN):
                clause = _by(attack)
                if self.was_dropped(attack):
                    clause += (", which was never answered (dropped)",)
                clauses.append(clause + self.reply(attack))
            fall = joined(clauses, " and to ")
            return label, (*head, " falls to ", *fall, *self.not_counting(claim_id), ".")
        open_attacks = self.attacks(claim_id, Label.UNDEC)  # never empty for an undecided claim
        many = len(open_attacks) > 1 or len(open_attacks[0].sources) > 1
        return label, (
            *head,
            " is undecided: ",
            *joined((_by(r) for r in open_attacks), " and "),
            " attack it and are" if many else " attacks it and is",
            " undecided in turn (the attacks run in a circle)",
            *self.not_counting(claim_id),
            ".",
        )


def _dropped_sentence(turn: Turn, label: Label) -> Sentence:
    assert turn.reply is not None
    then = {
        Label.IN: ", so it stands",
        Label.OUT: ", but it falls all the same",
        Label.UNDEC: ", yet it is undecided",
    }[label]
    return (
        f"{turn.side.title}'s ",
        *premises(turn.reply.claims),
        f" (turn {turn.number}) was never answered by {turn.side.other.title}: dropped{then}.",
    )


def _arguments(arguments: Sequence[PropositionArgument]) -> Sentence:
    return joined((premises(a.premises) for a in arguments), " and ")


_OUTCOME = {Side.PRO: "Pro wins", Side.CON: "Con wins", None: "neither side wins"}


def _rule(
    decision: Decision, motion_label: Label, arguments: Sequence[PropositionArgument]
) -> Sentence:
    standing = [a for a in arguments if a.label is Label.IN]
    many = len(arguments) > 1
    if decision is Decision.MOTION_STANDS:
        return (
            "Judged by the semantics alone: the motion stands under grounded semantics, "
            "so Pro wins, whether or not an argument for it stands.",
        )
    if decision is Decision.MOTION_UNDECIDED:
        return (
            "Judged by the semantics alone: the motion is undecided under grounded "
            "semantics, so neither side wins.",
        )
    if decision is Decision.MOTION_FALLS:
        return ("The motion falls under grounded semantics, so Con wins.",)
    if decision is Decision.NO_CASE:
        return (
            "Burden of proof: Pro played no argument for the motion (no claim that supports "
            "it), so Pro did not carry the burden and Con wins.",
        )
    if decision is Decision.CASE_FALLS:
        return (
            "Burden of proof: every argument Pro played for the motion falls ("
            if many
            else "Burden of proof: Pro's only argument for the motion, ",
            *_arguments(arguments),
            ")" if many else ", falls",
            ", so Con wins"
            + (
                ", although nothing played defeats the motion itself."
                if motion_label is Label.IN
                else "."
            ),
        )
    if decision is Decision.BURDEN_CARRIED:
        return (
            "Burden of proof: the motion stands, and so does Pro's argument"
            + ("s " if len(standing) > 1 else " ")
            + "for it, ",
            *_arguments(standing),
            ", so Pro carried the motion and wins.",
        )
    if motion_label is Label.UNDEC:
        return ("Burden of proof: the motion is undecided, so neither side wins.",)
    return (
        "Burden of proof: the motion stands, but none of Pro's arguments for it stands "
        "and not all fall (the rest are undecided), so neither side wins.",
    )


def explain(
    sub: Map,
    order: Sequence[str],
    labels: Labels,
    dropped: Mapping[str, Turn],
    arguments: Sequence[PropositionArgument],
    judge: Judge,
    decision: Decision,
    other: Decision,
) -> Explanation:
    """The sentences for a judged round.

    `order` lists the claims in play, the motion first; `dropped` maps each
    claim of a move never answered to its turn; `other` is what the other
    judge decides, mentioned when its winner differs.
    """
    reasons = _Reasons(sub, labels, dropped)
    groups: dict[Label, list[Sentence]] = {Label.IN: [], Label.OUT: [], Label.UNDEC: []}
    for claim_id in order:
        label, sentence = reasons.of(claim_id)
        groups[label].append(sentence)
    seen: set[int] = set()
    dropped_sentences = []
    for claim_id, turn in dropped.items():
        if turn.number not in seen:
            seen.add(turn.number)
            dropped_sentences.append(_dropped_sentence(turn, labels.claims[claim_id]))
    rule = [_rule(decision, labels.claims[order[0]], arguments)]
    if other.winner is not decision.winner:
        how = (
            "By the semantics alone (--judge semantics)"
            if judge is Judge.BURDEN
            else "With the burden of proof (--judge burden)"
        )
        rule.append((f"{how}, {_OUTCOME[other.winner].replace('wins', 'would win')}.",))
    return Explanation(
        tuple(groups[Label.IN]),
        tuple(groups[Label.OUT]),
        tuple(groups[Label.UNDEC]),
        tuple(dropped_sentences),
        tuple(rule),
    )
