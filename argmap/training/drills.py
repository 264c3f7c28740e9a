"""The drills: one class per kind, each turning a claim of a map into a `Question`.

Every drill answers two things: whether it can ask about a claim
(`eligible`, cheap: a session asks it of every claim of the map) and the
question for one (`question`, built only for the cards of a session), or None
when the map cannot supply a fair one. `eligible` is true exactly when every
answer `question` may pick gives a fair question, so a card of the plan is
never dropped; the crux drill is the exception: whether the analysis finds a
crux is known only once it runs, for the crux cards actually asked. All
randomness comes from the `random.Random` passed in, so a seed reproduces a
session. Distractor rules live in `argmap.training.choices`; what the drills
look up across the whole map is indexed once per map (`argmap.training.index`).
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, Protocol

from argmap.flaws import accepted_names, same_or_related
from argmap.model import Claim, KeyPoint, Map, RelationType
from argmap.per_map import per_map
from argmap.sides import Side, same_side, sides
from argmap.training.choices import (
    LENGTH_RATIO,
    answers_to,
    assemble,
    balanced_length,
    normal,
    shuffled,
)
from argmap.training.index import drill_index, evidence_label, quote_key
from argmap.training.location import path_to_thesis, quoted
from argmap.training.questions import DrillKind, Explanation, Option, Question, TextAnswer

if TYPE_CHECKING:
    from argmap.analysis.cruxes import Crux


class Drill:
    """A kind of question; subclasses say which claims qualify and how to ask."""

    kind: ClassVar[DrillKind]

    def targets(self, the_map: Map) -> list[str]:
        """Claims this drill can ask a fair question about, in file order."""
        return [c.id for c in the_map.claims if self.eligible(the_map, c.id)]

    def eligible(self, the_map: Map, claim_id: str) -> bool:
        """Can `question` ask about this claim? Decided without building the question."""
        raise NotImplementedError

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        raise NotImplementedError


def _text_answer(claim: Claim) -> TextAnswer | None:
    return TextAnswer(claim.text, claim.key_points, claim.id) if claim.key_points else None


def _single_attackers(
    the_map: Map,
    target: str,
    keep: Callable[[str], bool] = lambda _: True,
) -> list[tuple[Claim, str | None]]:
    """(claim, why) for each one-premise attack on `target` whose premise passes `keep`."""
    out = []
    for rel in the_map.attackers(target):
        if rel.type is RelationType.ATTACK and not rel.linked and rel.sources[0] != target:
            claim = the_map.claims_by_id.get(rel.sources[0])
            if claim is not None and keep(claim.id):
                out.append((claim, rel.why))
    return out


def _rebuttal_distractors(the_map: Map, target: Claim, rng: random.Random) -> list[Option]:
    """Supporters of the target, then attackers of other claims sharing a theme with it,
    keeping only claims on the target's own side of every thesis."""
    fair = answers_to(the_map, target.id)
    supporters = _supporting_claims(the_map, target)
    elsewhere = list(drill_index(the_map).attackers_sharing_a_theme(target))
    # An attacker of another claim may argue against the target's side: a defensible
    # rebuttal, so only those on the target's own side are fair wrong answers.
    groups = [
        shuffled(
            [
                Option(c.text, False, c.id)
                for c in group
                if c.id not in fair and same_side(the_map, c.id, target.id)
            ],
            rng,
        )
        for group in (supporters, elsewhere)
    ]
    return [o for group in groups for o in group]


def _supporting_claims(the_map: Map, target: Claim) -> list[Claim]:
    return [
        the_map.claims_by_id[s]
        for rel in the_map.supporters(target.id)
        for s in rel.sources
        if s in the_map.claims_by_id
    ]


def _rebuttal_eligible(
    the_map: Map, claim_id: str, keep: Callable[[str], bool] = lambda _: True
) -> bool:
    """`_rebuttal_question` gives a question whichever attacker it picks as the answer.

    A typed model answer always makes a question; otherwise every attacker
    (each may be picked) needs one distractor `assemble` would keep among
    the candidates of `_rebuttal_distractors`.
    """
    target = the_map.claims_by_id.get(claim_id)
    if target is None:
        return False
    attackers = _single_attackers(the_map, claim_id, keep)
    if not attackers:
        return False
    if any(c.key_points for c, _ in attackers):
        return True
    fair = answers_to(the_map, claim_id)
    supporters = [
        c.text
        for c in _supporting_claims(the_map, target)
        if c.id not in fair and same_side(the_map, c.id, claim_id)
    ]
    index = drill_index(the_map)
    return all(
        _some_option(answer.text, supporters)
        or index.some_attacker_sharing_a_theme(target, answer.text, fair, LENGTH_RATIO)
        for answer, _ in attackers
    )


def _some_option(
    answer: str, candidates: Iterable[str], length_ratio: float = LENGTH_RATIO
) -> bool:
    """Would `assemble` keep at least one of `candidates` beside `answer`?"""
    key = normal(answer)
    return any(normal(c) != key and balanced_length(answer, c, length_ratio) for c in candidates)


def _rebuttal_question(
    the_map: Map,
    claim_id: str,
    rng: random.Random,
    kind: DrillKind,
    prompt: str,
    keep: Callable[[str], bool] = lambda _: True,
) -> Question | None:
    target = the_map.claims_by_id.get(claim_id)
    if target is None:
        return None
    attackers = _single_attackers(the_map, claim_id, keep)
    if not attackers:
        return None
    # Prefer an answer with key points, so a typed reply is graded against the same
    # model answer the explanation shows.
    graded = [a for a in attackers if a[0].key_points] or attackers
    answer, why = graded[rng.randrange(len(graded))]
    options = assemble(
        Option(answer.text, True, answer.id), _rebuttal_distractors(the_map, target, rng), rng
    )
    typed = tuple(t for c, _ in attackers if (t := _text_answer(c)) is not None)
    if len(options) < 2:
        if not typed:
            return None
        options = ()
    return Question(
        drill=kind,
        claim_id=claim_id,
        prompt=prompt,
        subject=target.text,
        options=options,
        explanation=Explanation(
            answer.text,
            why,
            answer.note or target.note,
            path_to_thesis(the_map, answer.id),
            answer.id,
        ),
        text_answers=typed,
        themes=target.themes,
    )


class RebutDrill(Drill):
    kind = DrillKind.REBUT

    def eligible(self, the_map: Map, claim_id: str) -> bool:
        return _rebuttal_eligible(the_map, claim_id)

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        return _rebuttal_question(
            the_map, claim_id, rng, self.kind, "Which is the strongest rebuttal of this claim?"
        )


def _support_closure(the_map: Map, claim_id: str) -> set[str]:
    """The claim and everything that supports it, directly or through other supporters."""
    seen = {claim_id}
    stack = [claim_id]
    while stack:
        for rel in the_map.supporters(stack.pop()):
            for src in rel.sources:
                if src not in seen:
                    seen.add(src)
                    stack.append(src)
    return seen


def _own_quotes(the_map: Map, backing: set[str]) -> set[tuple[str, str]]:
    """The quotes of a claim and its supporters: never a wrong answer to it."""
    return {
        quote_key(e)
        for c in backing
        if c in the_map.claims_by_id
        for e in the_map.claims_by_id[c].evidence
    }


def _single_supporters(the_map: Map, target: str) -> list[tuple[Claim, str | None]]:
    """(claim, why) for each one-premise support of `target`."""
    out = []
    for rel in the_map.supporters(target):
        if not rel.linked and rel.sources[0] != target:
            claim = the_map.claims_by_id.get(rel.sources[0])
            if claim is not None:
                out.append((claim, rel.why))
    return out


def support_answers(the_map: Map, target: str) -> tuple[TextAnswer, ...]:
    """The model answers a typed support of `target` is graded against: each claim that
    supports it on its own (a single-premise support) and has key points."""
    return tuple(
        t for c, _ in _single_supporters(the_map, target) if (t := _text_answer(c)) is not None
    )


class SupportDrill(Drill):
    """Pick the quote, with its source, that backs a claim, or type an argument for it.

    A typed answer is graded against `support_answers`; a claim with such
    supporters but no evidence of its own gets a typed-only question.
    """

    kind = DrillKind.SUPPORT

    def eligible(self, the_map: Map, claim_id: str) -> bool:
        """A typed-only question needs a supporter with key points; a quote question,
        for each of the claim's quotes (any may be the answer), one other quote."""
        target = the_map.claims_by_id.get(claim_id)
        if target is None:
            return False
        if any(c.key_points for c, _ in _single_supporters(the_map, claim_id)):
            return True
        if not target.evidence:
            return False
        index = drill_index(the_map)
        backing: set[str] | None = None
        for answer in target.evidence:
            label = evidence_label(the_map, answer)
            if index.some_quote_surely_apart(claim_id, label):
                continue
            if backing is None:
                backing = _support_closure(the_map, claim_id)
                own = _own_quotes(the_map, backing)
            if not _some_option(label, index.evidence_labels(backing, own)):
                return False
        return True

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        target = the_map.claims_by_id.get(claim_id)
        if target is None:
            return None
        typed = support_answers(the_map, claim_id)
        if not target.evidence:
            return self._typed_only(the_map, target, typed, rng) if typed else None
        backing = _support_closure(the_map, claim_id)
        own = _own_quotes(the_map, backing)
        answer = target.evidence[rng.randrange(len(target.evidence))]
        attackers = {s for rel in the_map.attackers(claim_id) for s in rel.sources}
        themes = set(target.themes)

        def rank(claim: Claim) -> int:
            return 0 if claim.id in attackers else 1 if themes.intersection(claim.themes) else 2

        groups: list[list[Option]] = [[], [], []]
        for other in the_map.claims:
            if other.id in backing:
                continue
            for ev in other.evidence:
                if quote_key(ev) not in own:
                    groups[rank(other)].append(Option(evidence_label(the_map, ev), False, other.id))
        candidates = [o for g in groups for o in shuffled(g, rng)]
        options = assemble(Option(evidence_label(the_map, answer), True, claim_id), candidates, rng)
        if len(options) < 2:
            return self._typed_only(the_map, target, typed, rng) if typed else None
        source = the_map.sources_by_id.get(answer.source)
        prompt = "Which evidence, from which source, backs this claim?"
        if typed:
            prompt += " (Or type, in your own words, an argument that supports it.)"
        return Question(
            drill=self.kind,
            claim_id=claim_id,
            prompt=prompt,
            subject=target.text,
            options=options,
            explanation=Explanation(
                evidence_label(the_map, answer),
                "The map cites this quote as the claim's own evidence.",
                target.note or (source.reliability if source is not None else None),
                path_to_thesis(the_map, claim_id),
                claim_id,
            ),
            text_answers=typed,
            themes=target.themes,
        )

    def _typed_only(
        self, the_map: Map, target: Claim, typed: tuple[TextAnswer, ...], rng: random.Random
    ) -> Question:
        """Argue for the claim in your own words (the map gives no quote to pick)."""
        supporters = [(c, why) for c, why in _single_supporters(the_map, target.id) if c.key_points]
        answer, why = supporters[rng.randrange(len(supporters))]
        return Question(
            drill=self.kind,
            claim_id=target.id,
            prompt="How would you support this claim? Give the argument that backs it.",
            subject=target.text,
            options=(),
            explanation=Explanation(
                answer.text,
                why,
                answer.note or target.note,
                path_to_thesis(the_map, answer.id),
                answer.id,
            ),
            text_answers=typed,
            themes=target.themes,
        )


def source_label(the_map: Map, source_id: str) -> str:
    source = the_map.sources_by_id.get(source_id)
    if source is None:
        return source_id
    name = source.outlet or source.title
    return f"{name} ({source.kind})" if source.kind else name


# Source labels are names, not arguments: their lengths say less, so allow more spread.
SOURCE_LENGTH_RATIO = max(LENGTH_RATIO, 3.0)


class SourceDrill(Drill):
    """Which source says this, and what kind of outlet it is."""

    kind = DrillKind.SOURCE

    def eligible(self, the_map: Map, claim_id: str) -> bool:
        """Each of the claim's quotes (any may be asked) names a known source, and some
        other source, which does not say the same words, has a label to offer beside it."""
        target = the_map.claims_by_id.get(claim_id)
        if target is None or not target.evidence:
            return False
        for ev in target.evidence:
            if ev.source not in the_map.sources_by_id:
                return False
            quoted_by = drill_index(the_map).sources_quoting(ev.quote)
            if not _some_option(
                source_label(the_map, ev.source),
                (source_label(the_map, s.id) for s in the_map.sources if s.id not in quoted_by),
                SOURCE_LENGTH_RATIO,
            ):
                return False
        return True

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        target = the_map.claims_by_id.get(claim_id)
        if target is None or not target.evidence:
            return None
        ev = target.evidence[rng.randrange(len(target.evidence))]
        if ev.source not in the_map.sources_by_id:
            return None
        quoted_by = drill_index(the_map).sources_quoting(ev.quote)
        others = shuffled(
            [
                Option(source_label(the_map, s.id), False, None)
                for s in the_map.sources
                if s.id not in quoted_by
            ],
            rng,
        )
        options = assemble(
            Option(source_label(the_map, ev.source), True, None),
            others,
            rng,
            length_ratio=SOURCE_LENGTH_RATIO,
        )
        if len(options) < 2:
            return None
        source = the_map.sources_by_id[ev.source]
        return Question(
            drill=self.kind,
            claim_id=claim_id,
            prompt="Which source says this, and what kind of outlet is it?",
            subject=ev.quote,
            subject_label="Quote",
            options=options,
            explanation=Explanation(
                source_label(the_map, ev.source),
                source.reliability or None,
                f"{source.title}"
                + (f", {source.date}" if source.date else "")
                + f", {ev.locator}.",
                path_to_thesis(the_map, claim_id),
                claim_id,
            ),
            themes=target.themes,
        )


class FlawDrill(Drill):
    """Name the flaw of a flawed claim: pick it, or type it.

    Names come from `argmap.flaws`: a typed name is right when it is the
    flaw's name or one accepted for it, and no such name is a wrong option.
    """

    kind = DrillKind.FLAW

    def eligible(self, the_map: Map, claim_id: str) -> bool:
        """A flawed claim: the flaw can always be typed, options or not."""
        target = the_map.claims_by_id.get(claim_id)
        return target is not None and bool(target.flaw)

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        target = the_map.claims_by_id.get(claim_id)
        if target is None or not target.flaw:
            return None
        flaw = target.flaw
        names = [n for n in drill_index(the_map).flaw_names if not same_or_related(flaw, n)]
        others = shuffled([Option(n, False, None) for n in names], rng)
        options = assemble(Option(flaw, True, claim_id), others, rng)
        if len(options) < 2:
            options = ()
        typed = TextAnswer(flaw, (KeyPoint(flaw, accepted_names(flaw)[1:]),), claim_id)
        return Question(
            drill=self.kind,
            claim_id=claim_id,
            prompt="What is the flaw in this claim?",
            subject=target.text,
            options=options,
            explanation=Explanation(
                flaw, None, target.note, path_to_thesis(the_map, claim_id), claim_id
            ),
            text_answers=(typed,),
            themes=target.themes,
        )


class CruxSource(Protocol):
    """Where the crux drill gets a thesis's cruxes, ranked as `analyse_map` ranks them.

    The drill only reads them, so whoever runs the search decides where it
    runs: `in_process_cruxes` in the calling thread (the plain mode), the
    TUI's analysis service in its child process (the drill screen). It may
    raise `CruxesUnavailable`; the session then leaves that card out.
    """

    def __call__(self, the_map: Map, thesis: str) -> Sequence[Crux]: ...


class CruxesUnavailable(Exception):
    """The cruxes could not be found (the analysis failed); the message says why."""


def in_process_cruxes(the_map: Map, thesis: str) -> tuple[Crux, ...]:
    """The thesis's cruxes as `analyse_map` finds them, searched here, once per map and thesis.

    Only the translation and the crux search run (not the whole analysis),
    and only when a crux card is asked: on a big map this takes seconds.
    """

    def search() -> tuple[Crux, ...]:
        from argmap.analysis.cruxes import thesis_cruxes
        from argmap.analysis.prepared import prepare

        prepared = prepare(the_map)
        if thesis not in prepared.framework.claim_index:
            return ()
        return thesis_cruxes(prepared, thesis)

    return per_map(the_map, ("cruxes", thesis), search)


class CruxDrill(Drill):
    """Which claim, if it fell, would flip the thesis (graded by the analysis)."""

    kind = DrillKind.CRUX

    def __init__(self, cruxes: CruxSource = in_process_cruxes) -> None:
        self.cruxes = cruxes

    def targets(self, the_map: Map) -> list[str]:
        return [t for t in the_map.theses if self.eligible(the_map, t)]

    def eligible(self, the_map: Map, claim_id: str) -> bool:
        """A thesis with a claim connected to it. Whether one is a crux is the
        analysis's to say, when the card is asked: the question may then be None."""
        return claim_id in the_map.theses and len(sides(the_map, claim_id)) > 1

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        thesis = the_map.claims_by_id.get(claim_id)
        if thesis is None or claim_id not in the_map.theses:
            return None
        cruxes = tuple(self.cruxes(the_map, claim_id))
        flippers = [c for c in cruxes if c.flips_grounded or c.flips_preferred]
        connected = [c for c in sides(the_map, claim_id) if c != claim_id]
        effect = {c.claim: abs(c.strength_delta) for c in cruxes}
        if flippers:
            right = flippers
            wrong = [c for c in connected if c not in {f.claim for f in flippers}]
            prompt = "Which claim, if it fell, would flip this thesis?"
        elif cruxes and effect[cruxes[0].claim] > 0:
            right = [cruxes[0]]
            top = effect[cruxes[0].claim]
            wrong = [c for c in connected if effect.get(c, 0.0) <= top / 2]
            prompt = "Which claim, if it fell, would weaken this thesis most?"
        else:
            return None
        crux = right[rng.randrange(len(right))]
        answer = the_map.claims_by_id[crux.claim]
        wrong.sort(key=lambda c: effect.get(c, 0.0))
        candidates = [
            Option(the_map.claims_by_id[c].text, False, c)
            for c in wrong
            if c in the_map.claims_by_id
        ]
        candidates = shuffled(candidates[:12], rng)
        options = assemble(Option(answer.text, True, answer.id), candidates, rng)
        if len(options) < 2:
            return None
        if crux.flips_grounded:
            why = "Rejecting it changes the thesis's grounded label."
        elif crux.flips_preferred:
            why = "Rejecting it changes whether the thesis is accepted under preferred semantics."
        else:
            why = "Rejecting it moves the thesis's strength more than any other claim."
        why += f" Strength change of the thesis: {crux.strength_delta:+.2f}."
        return Question(
            drill=self.kind,
            claim_id=claim_id,
            prompt=prompt,
            subject=thesis.text,
            subject_label="Thesis",
            options=options,
            explanation=Explanation(
                answer.text, why, answer.note, path_to_thesis(the_map, answer.id), answer.id
            ),
            themes=thesis.themes,
        )


def located_on(the_map: Map, question: Question, thesis: str) -> Question:
    """The question with its "In the map" chain led to `thesis` (when it reaches it):
    a drill on one thesis, or a switch-sides question naming it, shows the way to that
    thesis, not to a nearer other one a shared claim also argues."""
    location = question.explanation.location
    if not location or location[-1].claim_id == thesis:
        return question
    path = path_to_thesis(the_map, location[0].claim_id, (thesis,))
    if path[-1].claim_id != thesis:
        return question
    explanation = dataclasses.replace(question.explanation, location=path)
    return dataclasses.replace(question, explanation=explanation)


class SwitchSidesDrill(Drill):
    """Argue the side you disagree with: answer a claim of your own side as the other would."""

    kind = DrillKind.SWITCH

    def __init__(self, side: str, thesis: str | None = None) -> None:
        if side not in {"pro", "con"}:
            raise ValueError("side must be 'pro' or 'con'")
        self.side = Side(side)
        self.thesis = thesis

    def _sides(self, the_map: Map, claim_id: str) -> tuple[str, Mapping[str, Side]] | None:
        """The thesis the question on `claim_id` is put on, and its sides.

        The thesis given, else the first of the map's theses (in file order) on
        which the claim argues the other side: on a map with several theses every
        thesis's claims can come up, each question naming its own thesis.
        """
        if self.thesis is not None:
            if self.thesis not in the_map.claims_by_id:
                return None
            return self.thesis, sides(the_map, self.thesis)
        for thesis in the_map.theses:
            of = sides(the_map, thesis)
            if of.get(claim_id) is self.side.other:
                return thesis, of
        return None

    def eligible(self, the_map: Map, claim_id: str) -> bool:
        found = self._sides(the_map, claim_id)
        if found is None or found[1].get(claim_id) is not self.side.other:
            return False
        of = found[1]
        return _rebuttal_eligible(the_map, claim_id, keep=lambda c: of.get(c) is self.side)

    def question(self, the_map: Map, claim_id: str, rng: random.Random) -> Question | None:
        found = self._sides(the_map, claim_id)
        if found is None:
            return None
        thesis, sides = found
        other = self.side.other
        if sides.get(claim_id) is not other:
            return None
        mine, theirs = self.side.upper(), other.upper()
        prompt = (
            f"You are arguing the {mine} side of the thesis "
            f"{quoted(the_map.claims_by_id[thesis].text, limit=None)}. "
            f"As a {mine} debater, how do you answer this {theirs} claim?"
        )
        question = _rebuttal_question(
            the_map, claim_id, rng, self.kind, prompt, keep=lambda c: sides.get(c) is self.side
        )
        return None if question is None else located_on(the_map, question, thesis)


def all_drills(
    side: str | None = None, thesis: str | None = None, cruxes: CruxSource = in_process_cruxes
) -> dict[DrillKind, Drill]:
    """Every drill kind; switch sides only when the side to argue is known.

    `cruxes` is where the crux drill gets its cruxes (default: searched here).
    """
    drills: dict[DrillKind, Drill] = {
        DrillKind.REBUT: RebutDrill(),
        DrillKind.SUPPORT: SupportDrill(),
        DrillKind.SOURCE: SourceDrill(),
        DrillKind.FLAW: FlawDrill(),
        DrillKind.CRUX: CruxDrill(cruxes),
    }
    if side is not None:
        drills[DrillKind.SWITCH] = SwitchSidesDrill(side, thesis)
    return drills
