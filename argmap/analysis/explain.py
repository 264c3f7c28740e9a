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

A reason is a plain tuple of strings (cheap to pickle for 10,000 claims);
`sentences` words it. `acceptance_words` says a claim's acceptance under the
multi-extension semantics in words a reader needs no legend for.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from argmap.model import Map, RelationType

TYPE_CHECKING = False  # the explorer imports the wording alone: no engine, no `typing`
if TYPE_CHECKING:
    from argmap.analysis.bipolar import MapFramework
    from argmap.analysis.semantics import Label

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
"""DEFEATED and UNDERCUT name the standing relation's failed reply (an undercut of it)
when it has one: cut by the undercut named, or ("") failing with its premise."""

SHORT = 48
"""Characters of claim text in a sentence that names a chain of three or more claims."""

VERDICTS = {IN: "stands", OUT: "falls", UNDEC: "open"}
"""A grounded label in the words the explorer uses for it."""

MAX_REASONS = 12
"""Reasons kept per claim: enough to read, few enough to send for 10,000 claims."""


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
    why = _Why(m, mf.framework.index, extra, labels, frozenset(accepted))
    return {c: why.reasons(c, i) for c, i in mf.claim_index.items()}


class _Why:
    def __init__(
        self,
        m: Map,
        index: Mapping[str, int],
        extra: Mapping[str, int],
        labels: Sequence[Label],
        accepted: frozenset[str],
    ):
        self.m = m
        self.labels = labels
        self.accepted = accepted
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
        own = self._own(claim, i)
        return (own + self._cut(claim))[:MAX_REASONS]

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
    out: list[Sentence] = []
    for reason in reasons:
        made = _sentence(m, reason)
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


def _reply_words(m: Map, reason: Reason, at: int) -> list[tuple[str, bool]]:
    """Why the standing relation's reply (`reason[at]`, an undercut of it) fails, or []."""
    if len(reason) < at + 2:
        return []
    replies = _sources(m, reason[at])
    if not replies:
        return []
    parts = [("the reply ", False), *_claims(m, replies, SHORT)]
    cutters = _sources(m, reason[at + 1]) if reason[at + 1] else ()
    if cutters:
        return [*parts, (" is itself undercut by ", False), *_claims(m, cutters, SHORT)]
    return [*parts, (" falls" if len(replies) == 1 else " fall", False)]


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


def _sentence(m: Map, reason: Reason) -> Sentence | None:
    kind = reason[0]
    if kind == UNATTACKED:
        return Sentence((("Nothing attacks it, so it stands.", False),), None)
    if kind == ACCEPTED:
        return Sentence((("It stands because you accepted it (what-if).", False),), None)
    if kind == REJECTED:
        return Sentence((("It falls because you rejected it (what-if).", False),), None)
    attackers = _sources(m, reason[1])
    if not attackers:
        return None
    if kind == DEFEATED:
        reply = _reply_words(m, reason, 3)
        limit = SHORT if reply else 0
        parts = [("Falls: attacked by ", False), *_claims(m, attackers, limit)]
        carrier = _sources(m, reason[2]) if reason[2] else ()
        if carrier:
            parts += [(", carried by its standing reason ", False), *_claims(m, carrier, limit)]
            parts.append(("; " if reply else ".", False))
        else:
            parts.append((", which stands: " if reply else ", which stands.", False))
        if reply:
            parts += [*reply, (".", False)]
        return Sentence(tuple(parts), attackers[0])
    if kind == CUT:
        cutters = _sources(m, reason[2])
        if not cutters:
            return None
        own = m.relations_by_id[reason[1]]
        parts = [("Its ", False), *_move(m, own.id), (" does not count: it is ", False)]
        parts.append(
            ("itself undercut by " if own.type is RelationType.UNDERCUT else "undercut by ", False)
        )
        parts += [*_claims(m, cutters, SHORT), (", which stands.", False)]
        return Sentence(tuple(parts), cutters[0])
    if kind == OPEN:
        parts = [("Open: attacked by ", False), *_claims(m, attackers)]
        parts.append((", which is itself open (neither stands nor falls).", False))
        return Sentence(tuple(parts), attackers[0])
    if kind == UNDERCUT:
        cutters = _sources(m, reason[2])
        reply = _reply_words(m, reason, 3)
        limit = SHORT if reply else 0
        parts = [("Stands: the attack by ", False), *_claims(m, attackers, limit)]
        parts += [(" is undercut by ", False), *_claims(m, cutters, limit)]
        parts.append((", which stands: " if reply else ", which stands.", False))
        if reply:
            parts += [*reply, (".", False)]
        return Sentence(tuple(parts), cutters[0] if cutters else attackers[0])
    premise = m.claims_by_id.get(reason[2])
    if premise is None:
        return None
    if kind == PREMISE_REJECTED:
        parts = [("Stands: its attacker ", False), *_claims(m, (premise.id,))]
        parts.append((" falls because you rejected it (what-if).", False))
        return Sentence(tuple(parts), premise.id)
    if kind == DEFENDED:
        defenders = _sources(m, reason[3])
        parts = [("Stands: ", False), *_claims(m, defenders), (" defeats its attacker ", False)]
        parts += _claims(m, (premise.id,))
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
