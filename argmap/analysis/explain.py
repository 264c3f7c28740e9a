"""Why a claim stands, falls or stays open: read off the grounded labelling.

The reasons are those of the framework the labels come from (argmap.analysis
.bipolar), put back into claims, so that the "why" always matches the label
shown:

- a claim *falls* (out) because an attack on it stands: the attack's
  inference is in, so its premises stand (or a standing reason carries them);
  or because it was rejected (what-if);
- a claim *stands* (in) because nothing attacks it, because it was accepted
  (what-if), or because each attack on it is defeated: one of the attack's
  premises falls (to a standing attack, or a what-if rejection; the claims
  behind that attack are the *defenders*), or an undercut of the attack
  stands;
- a claim is *open* (undecided) because an attack on it is itself open, and
  none stands.

Where an answer was answered, the reason goes one level deeper: an attack
that stands although it was undercut says why that reply fails (it is itself
undercut by a standing undercut, or its premise falls), and so does a
standing undercut that was itself undercut. A claim whose own attack or
undercut is cut by a standing undercut says, besides its label, that its
move does not count (`CUT`).

Under a what-if, a sentence that names a claim you accepted or rejected says
so where that decides it ("…, which stands because you accepted it
(what-if)", "the reply “…” falls because you rejected it (what-if)"): the
claim's reasons end with the marks of the claims they name (`MARKED`), and
`because_you` is the one rule for those words.

A reason is a plain tuple of strings (cheap to pickle for 10,000 claims);
`sentences` words it. `acceptance_words` says a claim's acceptance under the
multi-extension semantics in words a reader needs no legend for.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from argmap.model import Map, RelationType

TYPE_CHECKING = False  # the explorer imports the wording alone: no engine, no `typing`
if TYPE_CHECKING:
    from typing import TypeVar

    from argmap.analysis.bipolar import MapFramework
    from argmap.analysis.semantics import Label

    P = TypeVar("P")  # a piece of a sentence: the why line's (text, is claim) or a round's

IN, OUT, UNDEC = "in", "out", "undec"  # `Label` values (a StrEnum: they compare equal)

Reason = tuple[str, ...]
"""(kind, *ids): one reason for a claim's label; the kinds are below."""

UNATTACKED = "unattacked"  # (kind,)
ACCEPTED = "accepted"  # (kind,)  what-if
REJECTED = "rejected"  # (kind,)  what-if
DEFEATED = "defeated"  # (kind, attack, carrier or "", [reply, reply's cutter or ""])
DEFENDED = "defended"  # (kind, attack, premise, defeating attack)  the premise falls to it
PREMISE_REJECTED = "premise-rejected"  # (kind, attack, premise)  what-if
UNDERCUT = "undercut"  # (kind, attack, undercut, [reply, reply's cutter or ""])
OPEN = "open"  # (kind, attack)  the attack is itself open
CUT = "cut"  # (kind, relation, undercut)  the claim's own attack or undercut is cut
MARKED = "marked"  # (kind, *"accepted:id" / "rejected:id")  not a reason: the what-if marks
"""MARKED comes last, only under a what-if, for the marked claims the reasons name.

DEFEATED and UNDERCUT name the standing relation's failed reply (an undercut of it)
when it has one: cut by the undercut named, or ("") failing with its premise."""

SHORT = 48
"""Characters of claim text in a sentence that names a chain of three or more claims."""

VERDICTS = {IN: "stands", OUT: "falls", UNDEC: "open"}
"""A grounded label in the words the explorer uses for it."""

MAX_REASONS = 12
"""Reasons kept per claim: enough to read, few enough to send for 10,000 claims."""

YOU_ACCEPTED, YOU_REJECTED = "accepted", "rejected"
"""What-if marks, as `MARKED` records them and as `because_you` words them."""


_BECAUSE = (" because you {} ", " (what-if)")
"""The words around what you marked: the one wording of a what-if as a cause."""


def because_you(mark: str) -> str:
    """ " because you rejected it (what-if)": why a claim stands or falls by its mark."""
    head, tail = _BECAUSE
    return f"{head.format(mark)}it{tail}"


def explain_claims(
    m: Map,
    mf: MapFramework,
    accepted: Collection[str] = (),
    rejected: Collection[str] = (),
    labels: Sequence[Label] = (),
) -> dict[str, tuple[Reason, ...]]:
    """Every claim's reasons, for the map with these what-if marks (grounded labelling).

    `labels` is the grounded labelling of every node of the framework with
    those marks when the caller has it (`WhatIfResult.framework_labels`), so
    the framework need not be built and labelled again.
    """
    rejected = list(dict.fromkeys(rejected))
    if not labels:
        from argmap.analysis.semantics import grounded

        labels = grounded(mf.assuming(accepted, rejected))
    # The map's own nodes keep their places; `assuming` appends one `reject:` node per
    # rejected claim, in order, so the base framework's (cached) index serves.
    extra = {f"reject:{c}": len(mf.names) + k for k, c in enumerate(rejected)}
    why = _Why(m, mf.framework.index, extra, labels, frozenset(accepted), frozenset(rejected))
    return {c: why.reasons(c, i) for c, i in mf.claim_index.items()}


class _Why:
    def __init__(
        self,
        m: Map,
        index: Mapping[str, int],
        extra: Mapping[str, int],
        labels: Sequence[Label],
        accepted: frozenset[str],
        rejected: frozenset[str] = frozenset(),
    ):
        self.m = m
        self.labels = labels
        self.accepted = accepted
        self.rejected = rejected
        self.index = index
        self.extra = extra
        from argmap.analysis.bipolar import gate_id, inference_id

        self.rel = inference_id
        self.gate = gate_id

    def label(self, name: str) -> str | None:
        i = self.extra.get(name) if self.extra else None
        if i is None:
            i = self.index.get(name)
        return None if i is None else self.labels[i]

    def reasons(self, claim: str, i: int) -> tuple[Reason, ...]:
        found = self._own(claim, i) + self._cut(claim)
        marks = self._marks(found) if self.accepted or self.rejected else ()
        return found[: MAX_REASONS - len(marks)] + marks

    def _marks(self, reasons: Iterable[Reason]) -> tuple[Reason, ...]:
        """The what-if marks of the claims the reasons name, as one `MARKED` record (or none)."""
        named: dict[str, None] = {}
        for reason in reasons:
            for name in reason[1:]:
                rel = self.m.relations_by_id.get(name)
                named.update(dict.fromkeys(rel.sources if rel else (name,)))
        marks = [
            f"{YOU_ACCEPTED if c in self.accepted else YOU_REJECTED}:{c}"
            for c in named
            if c in self.accepted or c in self.rejected
        ]
        return ((MARKED, *marks),) if marks else ()

    def _cut(self, claim: str) -> tuple[Reason, ...]:
        """The claim's attacks and undercuts that a standing undercut stops."""
        found: list[Reason] = []
        for r in self.m.outgoing.get(claim, ()):
            if r.type is RelationType.SUPPORT or self.label(self.rel(r.id)) == IN:
                continue  # a support never defends (grounded); a relation in acts
            for u in self.m.incoming.get(r.id, ()):
                if u.type is RelationType.UNDERCUT and self.label(self.rel(u.id)) == IN:
                    found.append((CUT, r.id, u.id))
                    break
        return tuple(found)

    def _reply(self, relation: str) -> tuple[str, ...]:
        """A standing relation's failed reply and what defeats it: (reply, cutter or "")."""
        replies = [
            u.id for u in self.m.incoming.get(relation, ()) if u.type is RelationType.UNDERCUT
        ]
        for u in replies:  # a premise you rejected (what-if) first: your move decides it
            sources = self.m.relations_by_id[u].sources
            if any(p in self.rejected and self.label(self.gate(u, p)) == IN for p in sources):
                return (u, "")
        for u in replies:
            for uu in self.m.incoming.get(u, ()):
                if uu.type is RelationType.UNDERCUT and self.label(self.rel(uu.id)) == IN:
                    return (u, uu.id)
        return (replies[0], "") if replies else ()

    def _own(self, claim: str, i: int) -> tuple[Reason, ...]:
        """The reasons for the claim's own label."""
        label = self.labels[i]
        if claim in self.accepted:
            return ((ACCEPTED,),)
        attacks = [r.id for r in self.m.incoming.get(claim, ()) if r.type is RelationType.ATTACK]
        rejected = f"reject:{claim}" in self.extra
        if label == OUT:
            found: list[Reason] = [(REJECTED,)] if rejected else []
            found += [
                (DEFEATED, r, self._carrier(r), *self._reply(r))
                for r in attacks
                if self.label(self.rel(r)) == IN
            ]
            return tuple(found[:MAX_REASONS])
        if label == UNDEC:
            return tuple((OPEN, r) for r in attacks if self.label(self.rel(r)) == UNDEC)[
                :MAX_REASONS
            ]
        if not attacks:
            return ((UNATTACKED,),)
        return tuple(self._defence(r) for r in attacks)[:MAX_REASONS]

    def _carrier(self, attack: str) -> str:
        """A standing reason that carries a fallen premise's attack ("" when all stand)."""
        rel = self.m.relations_by_id[attack]
        for p in rel.sources:
            if self.label(p) != IN:
                for s in self.m.incoming.get(p, ()):
                    if s.type is RelationType.SUPPORT and self.label(self.rel(s.id)) == IN:
                        return s.id
        return ""

    def _defence(self, attack: str) -> Reason:
        """Why an attack on a standing claim does not stand (its inference is out)."""
        for u in self.m.incoming.get(attack, ()):
            if u.type is RelationType.UNDERCUT and self.label(self.rel(u.id)) == IN:
                return (UNDERCUT, attack, u.id, *self._reply(u.id))
        rel = self.m.relations_by_id[attack]
        for p in rel.sources:
            if self.label(self.gate(attack, p)) != IN:
                continue
            if self.label(f"reject:{p}") == IN:
                return (PREMISE_REJECTED, attack, p)
            for a in self.m.incoming.get(p, ()):
                if a.type is RelationType.ATTACK and self.label(self.rel(a.id)) == IN:
                    return (DEFENDED, attack, p, a.id)
        return (OPEN, attack)  # not reached for a claim that is in; kept total


@dataclass(frozen=True, slots=True)
class Sentence:
    """A reason in words: (text, is claim text) pieces, and the claim it links to."""

    parts: tuple[tuple[str, bool], ...]
    link: str | None

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)


def sentences(m: Map, reasons: Iterable[Reason]) -> list[Sentence]:
    """The reasons in words, each linked to the claim that decides it."""
    reasons = list(reasons)
    marks: dict[str, str] = {}
    for reason in reasons:
        if reason[0] == MARKED:
            for record in reason[1:]:
                mark, _, claim = record.partition(":")  # a mark holds no colon; an id may
                marks[claim] = mark
    out: list[Sentence] = []
    for reason in reasons:
        made = _sentence(m, reason, marks)
        if made is not None:
            out.append(made)
    return out


def _sources(m: Map, relation: str) -> tuple[str, ...]:
    rel = m.relations_by_id.get(relation)
    return tuple(s for s in rel.sources if s in m.claims_by_id) if rel else ()


def _claims(m: Map, ids: Sequence[str], limit: int = 0) -> list[tuple[str, bool]]:
    """The claims' texts in quotes, joined; cut at a word to `limit` characters when given."""
    from argmap.display import shorten

    parts: list[tuple[str, bool]] = []
    for k, cid in enumerate(ids):
        if k:
            parts.append((" together with ", False))
        text = m.claims_by_id[cid].text
        parts += [("“", False), (shorten(text, limit) if limit else text, True), ("”", False)]
    return parts


_NOUN = {RelationType.ATTACK: "attack", RelationType.UNDERCUT: "undercut"}

Marks = Mapping[str, str]
"""Claim id -> the what-if mark it carries (`YOU_ACCEPTED`, `YOU_REJECTED`)."""


def _because(
    m: Map, ids: Sequence[str], marks: Marks, mark: str, before: str = ""
) -> list[tuple[str, bool]]:
    """`because_you` for the claims of `ids` with `mark`, after `before`; [] when none has it.

    One claim is "it"; of linked premises, those marked are named.
    """
    hit = [c for c in ids if marks.get(c) == mark]
    if not hit:
        return []
    if len(ids) == 1:
        return [(before + because_you(mark), False)]
    head, tail = _BECAUSE
    return [(before + head.format(mark), False), *_claims(m, hit, SHORT), (tail, False)]


def reply_fails(
    reply: Sequence[P], cutters: Sequence[P], plural: bool, word: Callable[[str], P]
) -> list[P]:
    """Why an answer's reply failed: "the reply R is itself undercut by C", or "the reply R
    falls" (no cutter: its premise fell). One wording for the why line and a round's verdict;
    `word` turns argmap's own words into the caller's pieces, `reply` and `cutters` are named."""
    said = [word("the reply "), *reply]
    if cutters:
        return [*said, word(" is itself undercut by "), *cutters]
    return [*said, word(" fall" if plural else " falls")]


def does_not_count(
    move: Sequence[P], cutters: Sequence[P], itself: bool, word: Callable[[str], P]
) -> list[P]:
    """A move a standing undercut cuts: "<move> does not count: it is [itself] undercut by C,
    which stands" (`itself` for an undercut that is cut). Shared as `reply_fails` is."""
    cut = (
        " does not count: it is itself undercut by "
        if itself
        else " does not count: it is undercut by "
    )
    return [*move, word(cut), *cutters, word(", which stands")]


def _word(text: str) -> tuple[str, bool]:
    return (text, False)


def _reply_words(m: Map, reason: Reason, at: int, marks: Marks) -> list[tuple[str, bool]]:
    """Why the standing relation's reply (`reason[at]`, an undercut of it) fails, or []."""
    if len(reason) < at + 2:
        return []
    replies = _sources(m, reason[at])
    if not replies:
        return []
    cutters = _sources(m, reason[at + 1]) if reason[at + 1] else ()
    said = reply_fails(
        _claims(m, replies, SHORT), _claims(m, cutters, SHORT), len(replies) > 1, _word
    )
    if cutters:
        return [*said, *_because(m, cutters, marks, YOU_ACCEPTED, ", which stands")]
    return [*said, *_because(m, replies, marks, YOU_REJECTED)]


def _move(m: Map, relation: str) -> list[tuple[str, bool]]:
    """A claim's own attack or undercut, as a noun: "attack on “T”", "undercut of the
    attack by “A”" (an undercut's target is a relation: it is named by its premises)."""
    rel = m.relations_by_id[relation]
    if rel.target in m.claims_by_id:
        return [(f"{_NOUN.get(rel.type, 'support')} on ", False), *_claims(m, (rel.target,), SHORT)]
    link = m.relations_by_id.get(rel.target)
    cut = _sources(m, link.id) if link else ()
    if link is None or not cut:
        return [("undercut", False)]
    noun = _NOUN.get(link.type, "support")
    return [(f"undercut of the {noun} by ", False), *_claims(m, cut, SHORT)]


def _sentence(m: Map, reason: Reason, marks: Marks) -> Sentence | None:
    kind = reason[0]
    if kind == MARKED:
        return None
    if kind == UNATTACKED:
        return Sentence((("Nothing attacks it, so it stands.", False),), None)
    if kind == ACCEPTED:
        return Sentence(((f"It stands{because_you(YOU_ACCEPTED)}.", False),), None)
    if kind == REJECTED:
        return Sentence(((f"It falls{because_you(YOU_REJECTED)}.", False),), None)
    attackers = _sources(m, reason[1])
    if not attackers:
        return None
    if kind == DEFEATED:
        reply = _reply_words(m, reason, 3, marks)
        limit = SHORT if reply else 0
        parts = [("Falls: attacked by ", False), *_claims(m, attackers, limit)]
        carrier = _sources(m, reason[2]) if reason[2] else ()
        if carrier:
            fell = _because(m, attackers, marks, YOU_REJECTED, ", which falls")
            parts += [*fell, (" but is" if fell else ",", False)]
            parts += [(" carried by its standing reason ", False), *_claims(m, carrier, limit)]
            parts += _because(m, carrier, marks, YOU_ACCEPTED, ", which stands")
            parts.append(("; " if reply else ".", False))
        else:
            parts.append((", which stands", False))
            parts += _because(m, attackers, marks, YOU_ACCEPTED)
            parts.append((": " if reply else ".", False))
        if reply:
            parts += [*reply, (".", False)]
        return Sentence(tuple(parts), attackers[0])
    if kind == CUT:
        cutters = _sources(m, reason[2])
        if not cutters:
            return None
        own = m.relations_by_id[reason[1]]
        itself = own.type is RelationType.UNDERCUT
        parts = [("Its ", False), *_move(m, own.id)]
        parts = does_not_count(parts, _claims(m, cutters, SHORT), itself, _word)
        parts += [*_because(m, cutters, marks, YOU_ACCEPTED), (".", False)]
        return Sentence(tuple(parts), cutters[0])
    if kind == OPEN:
        parts = [("Open: attacked by ", False), *_claims(m, attackers)]
        parts.append((", which is itself open (neither stands nor falls).", False))
        return Sentence(tuple(parts), attackers[0])
    if kind == UNDERCUT:
        cutters = _sources(m, reason[2])
        reply = _reply_words(m, reason, 3, marks)
        limit = SHORT if reply else 0
        parts = [("Stands: the attack by ", False), *_claims(m, attackers, limit)]
        parts += [(" is undercut by ", False), *_claims(m, cutters, limit)]
        parts += [(", which stands", False), *_because(m, cutters, marks, YOU_ACCEPTED)]
        parts.append((": " if reply else ".", False))
        if reply:
            parts += [*reply, (".", False)]
        return Sentence(tuple(parts), cutters[0] if cutters else attackers[0])
    premise = m.claims_by_id.get(reason[2])
    if premise is None:
        return None
    if kind == PREMISE_REJECTED:
        parts = [("Stands: its attacker ", False), *_claims(m, (premise.id,))]
        parts.append((f" falls{because_you(YOU_REJECTED)}.", False))
        return Sentence(tuple(parts), premise.id)
    if kind == DEFENDED:
        defenders = _sources(m, reason[3])
        parts = [("Stands: ", False), *_claims(m, defenders), (" defeats its attacker ", False)]
        parts += _claims(m, (premise.id,))
        if any(marks.get(c) == YOU_ACCEPTED for c in defenders):
            parts += [("; ", False), *_claims(m, defenders), (" stands", False)]
            parts += [*_because(m, defenders, marks, YOU_ACCEPTED), (".", False)]
        return Sentence(tuple(parts), defenders[0] if defenders else premise.id)
    return None


EVERY_READING = "accepted in every reasonable reading of the map"
SOME_READINGS = "accepted in some readings of the map, not in others"
NO_READING = "accepted in no reasonable reading of the map"
TOO_MANY = "too many readings of the map to tell"

READINGS = "preferred"
"""The semantics whose extensions are the "reasonable readings" (docs/analysis.md)."""


def acceptance_words(
    credulous: Collection[str], sceptical: Collection[str], capped: Collection[str] = ()
) -> str:
    """A claim's acceptance in plain words.

    "Every reasonable reading" is sceptical acceptance under preferred
    semantics (which stable, when it has extensions, agrees with for a
    sceptically accepted claim), "some readings" credulous acceptance there.
    """
    if READINGS in capped:
        return TOO_MANY
    if READINGS in sceptical:
        return EVERY_READING
    if READINGS in credulous:
        return SOME_READINGS
    return NO_READING
